//! Passenger names as airlines hold them, and matching what a passenger types against them.
//!
//! Reservation systems store names in Latin letters, surname and given names apart, with a title
//! appended to the given names (`KHAN/ALI MR`, `KHAN/OMAR MSTR`, `GARCÍA/LUCÍA MISS`). A
//! passenger types a surname however their keyboard and habits allow: "Müller" as `MUELLER` or
//! `MULLER` (ICAO 9303 transliteration allows both), with or without spaces, hyphens and accents.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use thiserror::Error;

/// Titles airlines append to given names (and sometimes passengers type before a surname).
const TITLES: &[&str] = &[
    "MR", "MRS", "MS", "MISS", "MSTR", "MASTER", "CHD", "INF", "DR", "PROF", "MX", "SIR", "REV",
];

/// A name exactly as the airline booked it. Printing uses it unchanged; greeting strips the title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookedName {
    pub surname: String,
    /// Given names as booked, title included (`ALI MR`).
    pub given_names: String,
}

impl BookedName {
    pub fn new(surname: impl Into<String>, given_names: impl Into<String>) -> Self {
        BookedName {
            surname: surname.into(),
            given_names: given_names.into(),
        }
    }

    /// Given names with any title removed, as booked (upper case): `ALI`.
    pub fn given_without_title(&self) -> String {
        strip_titles(&self.given_names).join(" ")
    }

    /// The first given name for a greeting, in natural case: `KHAN/ALI MR` → `Ali`,
    /// `TREMBLAY/MARIE-ÈVE MRS` → `Marie-Ève`.
    pub fn first_name(&self) -> String {
        strip_titles(&self.given_names)
            .first()
            .map(|n| natural_case(n))
            .unwrap_or_else(|| natural_case(&self.surname))
    }

    /// Given names (title removed) and surname in natural case: `Ali Khan`.
    pub fn display(&self) -> String {
        let given: Vec<String> = strip_titles(&self.given_names)
            .iter()
            .map(|n| natural_case(n))
            .collect();
        let surname = natural_case(&self.surname);
        if given.is_empty() {
            surname
        } else {
            format!("{} {surname}", given.join(" "))
        }
    }
}

impl fmt::Display for BookedName {
    /// The airline form `SURNAME/GIVEN TITLE`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.surname, self.given_names)
    }
}

fn strip_titles(given: &str) -> Vec<&str> {
    given
        .split_whitespace()
        .filter(|w| !TITLES.contains(&w.to_uppercase().as_str()))
        .collect()
}

/// `MARIE-ÈVE` → `Marie-Ève`, `O'NEIL` → `O'Neil`.
fn natural_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// Why a typed surname cannot be a name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NameError {
    #[error("the surname is empty")]
    Empty,
    #[error("a surname has no digits")]
    HasDigits,
    #[error("a surname has letters only (and spaces, hyphens, apostrophes)")]
    InvalidCharacter,
    #[error("the surname is too long")]
    TooLong,
}

/// Checks what a passenger typed as a surname; returns it trimmed, titles removed.
pub fn normalize_surname_input(typed: &str) -> Result<String, NameError> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Err(NameError::Empty);
    }
    if trimmed.chars().count() > 60 {
        return Err(NameError::TooLong);
    }
    if trimmed.chars().any(|c| c.is_ascii_digit()) {
        return Err(NameError::HasDigits);
    }
    if !trimmed
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
    {
        return Err(NameError::InvalidCharacter);
    }
    let words: Vec<&str> = trimmed
        .split_whitespace()
        .filter(|w| !TITLES.contains(&w.trim_end_matches('.').to_uppercase().as_str()))
        .collect();
    if words.is_empty() {
        return Err(NameError::Empty);
    }
    Ok(words.join(" "))
}

/// Does a typed surname match the booked one, the way airlines compare them: case, accents,
/// spaces, hyphens, apostrophes and titles ignored; ICAO transliterations (Ü as UE or U, Å as AA
/// or A, Ñ as N or NXX, ß as SS) all accepted.
pub fn surnames_match(typed: &str, booked: &str) -> bool {
    let Ok(typed) = normalize_surname_input(typed) else {
        return false;
    };
    let typed = spellings(&typed);
    spellings(booked).iter().any(|s| typed.contains(s))
}

/// A name in upper-case ASCII, each letter with a diacritic folded to its base letter (`Ü` →
/// `U`, `ß` → `SS`); spaces, `/` and `-` kept. For fields that only take ASCII.
pub fn ascii_fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else if let Some(first) = letter_options(c).first() {
            out.push_str(first);
        }
    }
    out
}

/// Every Latin-letter spelling of a name: upper case A–Z only, each letter with a diacritic
/// either folded to its base letter or spelt out as ICAO 9303 transliterates it.
fn spellings(name: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.insert(String::new());
    for c in name.chars() {
        let options = letter_options(c);
        if options.is_empty() {
            continue;
        }
        out = out
            .iter()
            .flat_map(|prefix| options.iter().map(move |o| format!("{prefix}{o}")))
            .collect();
        // A pathological name cannot blow up: beyond this, keep the simple folding only.
        if out.len() > 64 {
            let first: String = out.iter().next().cloned().unwrap_or_default();
            out = BTreeSet::from([first]);
        }
    }
    out
}

/// The spellings of one character; empty for separators that names ignore.
fn letter_options(c: char) -> Vec<&'static str> {
    let upper: String = c.to_uppercase().collect();
    let one = |s: &'static str| vec![s];
    match upper.as_str() {
        "Ä" => vec!["A", "AE"],
        "Ö" => vec!["O", "OE"],
        "Ü" => vec!["U", "UE", "UXX"],
        "Å" => vec!["A", "AA"],
        "Ø" => vec!["O", "OE"],
        "Æ" => one("AE"),
        "Œ" => one("OE"),
        "Ñ" => vec!["N", "NXX"],
        "ß" | "SS" | "ẞ" => one("SS"),
        "À" | "Á" | "Â" | "Ã" | "Ā" | "Ă" | "Ą" => one("A"),
        "Ç" | "Ć" | "Č" | "Ĉ" | "Ċ" => one("C"),
        "Ď" | "Đ" | "Ð" => one("D"),
        "È" | "É" | "Ê" | "Ë" | "Ē" | "Ė" | "Ę" | "Ě" => one("E"),
        "Ğ" | "Ĝ" | "Ġ" | "Ģ" => one("G"),
        "Ì" | "Í" | "Î" | "Ï" | "Ī" | "Į" | "İ" | "I" => one("I"),
        "Ł" | "Ľ" | "Ĺ" | "Ļ" => one("L"),
        "Ń" | "Ň" | "Ņ" => one("N"),
        "Ò" | "Ó" | "Ô" | "Õ" | "Ō" | "Ő" => one("O"),
        "Ŕ" | "Ř" => one("R"),
        "Ś" | "Š" | "Ş" | "Ș" => one("S"),
        "Ť" | "Ţ" | "Ț" => one("T"),
        "Ù" | "Ú" | "Û" | "Ū" | "Ů" | "Ű" | "Ų" => one("U"),
        "Ý" | "Ÿ" => one("Y"),
        "Ź" | "Ż" | "Ž" => one("Z"),
        "Þ" => one("TH"),
        s if s.len() == 1 && s.as_bytes()[0].is_ascii_uppercase() => {
            // Leak-free static lookup of a single ASCII capital.
            const AZ: [&str; 26] = [
                "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P",
                "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
            ];
            one(AZ[(s.as_bytes()[0] - b'A') as usize])
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greeting_strips_title_and_uses_natural_case() {
        assert_eq!(BookedName::new("KHAN", "ALI MR").first_name(), "Ali");
        assert_eq!(
            BookedName::new("TREMBLAY", "MARIE-ÈVE MRS").first_name(),
            "Marie-Ève"
        );
        assert_eq!(BookedName::new("KHAN", "OMAR MSTR").first_name(), "Omar");
        assert_eq!(
            BookedName::new("ERIKSSON", "ANNA MARIA MS").display(),
            "Anna Maria Eriksson"
        );
        assert_eq!(
            BookedName::new("DESMARAIS", "LUC MR").to_string(),
            "DESMARAIS/LUC MR"
        );
    }

    #[test]
    fn surnames_match_like_an_airline() {
        assert!(surnames_match("desmarais", "DESMARAIS"));
        assert!(surnames_match("MUELLER", "MÜLLER"));
        assert!(surnames_match("Muller", "MÜLLER"));
        assert!(surnames_match("Müller", "MUELLER"));
        assert!(surnames_match("garcia", "GARCÍA"));
        assert!(surnames_match("Mr Khan", "KHAN"));
        assert!(surnames_match("van der berg", "VANDERBERG"));
        assert!(surnames_match("O'Neil", "ONEIL"));
        assert!(surnames_match("Aasen", "ÅSEN"));
        assert!(!surnames_match("KAHN", "KHAN"));
        assert!(!surnames_match("", "KHAN"));
        assert!(!surnames_match("KHAN2", "KHAN"));
    }

    #[test]
    fn typed_surnames_are_validated() {
        assert_eq!(normalize_surname_input("  Khan "), Ok("Khan".into()));
        assert_eq!(normalize_surname_input("Sm1th"), Err(NameError::HasDigits));
        assert_eq!(
            normalize_surname_input("Smith;"),
            Err(NameError::InvalidCharacter)
        );
        assert_eq!(normalize_surname_input("   "), Err(NameError::Empty));
        assert_eq!(normalize_surname_input("Mr."), Err(NameError::Empty));
    }
}
