//! Hand-written ICAO Doc 9303 MRZ parser (TD1, TD2, TD3, MRV-A, MRV-B).
//!
//! We evaluated the crates.io options first: `mrtd` covers only TD3 and TD1 and misreads an ID
//! card's nationality; `mrz-parser` stops at the first failed check and mishandles some TD1 long
//! document numbers; `rs-mrz-parser` can panic on short or non-ASCII input and skips its
//! per-field check digits. `mrz` is feature-complete but young, breaks its API every few weeks
//! and adds heuristics (single-`<` name splitting, a hard-coded year pivot) beyond the
//! standard. The format is a small fixed-offset grammar, so we own it: no panics, every check
//! digit verified, OCR fixes accepted only when exactly one candidate satisfies every check
//! digit, and the two-digit-year pivot taken from the kiosk's own date.

use super::countries::is_known_code;
use chrono::{Datelike, NaiveDate};
use std::fmt;
use thiserror::Error;

/// The layouts of ICAO Doc 9303 parts 4 to 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Passports: 2 lines of 44.
    Td3,
    /// ID cards: 3 lines of 30.
    Td1,
    /// Official travel documents: 2 lines of 36.
    Td2,
    /// Visas, full size: 2 lines of 44.
    MrvA,
    /// Visas, smaller: 2 lines of 36.
    MrvB,
}

impl Format {
    /// Lines and their length.
    pub fn shape(self) -> (usize, usize) {
        match self {
            Format::Td3 | Format::MrvA => (2, 44),
            Format::Td1 => (3, 30),
            Format::Td2 | Format::MrvB => (2, 36),
        }
    }

    pub fn is_visa(self) -> bool {
        matches!(self, Format::MrvA | Format::MrvB)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
    Unspecified,
}

impl Sex {
    pub fn code(self) -> char {
        match self {
            Sex::Female => 'F',
            Sex::Male => 'M',
            Sex::Unspecified => '<',
        }
    }
}

/// A field that carries a check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    DocumentNumber,
    BirthDate,
    Expiry,
    OptionalData,
    Composite,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::DocumentNumber => "document number",
            Field::BirthDate => "date of birth",
            Field::Expiry => "date of expiry",
            Field::OptionalData => "optional data",
            Field::Composite => "composite",
        })
    }
}

/// Why a zone could not be read. Each has a message id (`mrz-…`) a screen can show.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MrzError {
    #[error("nothing was read")]
    Empty,
    #[error("{lines} line(s) of {lengths:?} characters is not a machine-readable zone")]
    Shape { lines: usize, lengths: Vec<usize> },
    #[error("line {line}, position {position}: {found:?} cannot appear in a machine-readable zone")]
    IllegalCharacter {
        line: usize,
        position: usize,
        found: char,
    },
    #[error("document type {0:?} is not a passport, ID card or visa")]
    DocumentType(String),
    #[error("the {0} check digit does not match")]
    CheckDigit(Field),
    #[error("the {0} check digit fails, and more than one correction would fix it")]
    Ambiguous(Field),
    #[error("the {0} is not a date")]
    Date(Field),
    #[error("{0:?} is not a country code")]
    Country(String),
    #[error("the sex field holds {0:?}")]
    Sex(char),
}

impl MrzError {
    /// The message a kiosk screen shows for it.
    pub fn message_id(&self) -> &'static str {
        match self {
            MrzError::Empty | MrzError::Shape { .. } | MrzError::IllegalCharacter { .. } => {
                "mrz-unreadable"
            }
            MrzError::DocumentType(_) => "mrz-not-a-travel-document",
            _ => "mrz-check-failed",
        }
    }
}

/// A correction made to what the scanner read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub field: Field,
    pub read: String,
    pub corrected: String,
}

/// A machine-readable zone, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mrz {
    pub format: Format,
    /// The two-character document code (`P<`, `I<`, `V<`, `AC` …).
    pub document_code: String,
    /// ICAO 9303 code (ISO 3166 alpha-3 or an ICAO special code such as `D` or `XXA`).
    pub issuing_state: String,
    pub surname: String,
    pub given_names: String,
    /// The name filled its field to the last character: it may have been cut short.
    pub name_truncated: bool,
    pub document_number: String,
    pub nationality: String,
    /// `None` when the document gives no (or only a partial) date of birth.
    pub birth_date: Option<NaiveDate>,
    pub sex: Sex,
    /// `None` for a document that does not expire.
    pub expiry: Option<NaiveDate>,
    /// Optional data (personal number …), fillers removed; for TD1 both optional fields.
    pub optional_data: String,
    /// OCR confusions fixed on the way (each the only fix that made every check digit hold).
    pub corrections: Vec<Correction>,
}

/// Value of a character for check digits: digits as themselves, A–Z as 10–35, `<` as 0.
fn char_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 0,
    }
}

/// ICAO 9303 part 3 check digit: weights 7, 3, 1 repeating, sum modulo 10.
pub fn check_digit(field: &[u8]) -> u8 {
    let sum: u32 = field
        .iter()
        .zip([7u32, 3, 1].iter().cycle())
        .map(|(c, w)| char_value(*c) * w)
        .sum();
    b'0' + (sum % 10) as u8
}

/// A run of characters: (line, start, end).
type Span = (usize, usize, usize);
/// One character: (line, column).
type Cell = (usize, usize);

/// Where the fields of a layout sit.
struct Layout {
    number: (usize, usize, usize),
    number_check: (usize, usize),
    nationality: (usize, usize, usize),
    birth: (usize, usize, usize),
    birth_check: (usize, usize),
    sex: (usize, usize),
    expiry: (usize, usize, usize),
    expiry_check: (usize, usize),
    optional: (usize, usize, usize),
    /// TD3 only: the optional data's own check digit.
    optional_check: Option<(usize, usize)>,
    /// TD1 only: the second optional field.
    optional_2: Option<(usize, usize, usize)>,
    /// The composite check digit and the ranges it covers.
    composite: Option<(Cell, Vec<Span>)>,
    name: (usize, usize, usize),
}

fn layout(format: Format) -> Layout {
    match format {
        Format::Td3 | Format::MrvA | Format::Td2 | Format::MrvB => {
            let width = format.shape().1;
            let optional_end = match format {
                Format::Td3 => 42,
                _ => width - usize::from(format == Format::Td2),
            };
            Layout {
                number: (1, 0, 9),
                number_check: (1, 9),
                nationality: (1, 10, 13),
                birth: (1, 13, 19),
                birth_check: (1, 19),
                sex: (1, 20),
                expiry: (1, 21, 27),
                expiry_check: (1, 27),
                optional: (1, 28, optional_end),
                optional_check: (format == Format::Td3).then_some((1, 42)),
                optional_2: None,
                composite: match format {
                    Format::Td3 => Some(((1, 43), vec![(1, 0, 10), (1, 13, 20), (1, 21, 43)])),
                    Format::Td2 => Some(((1, 35), vec![(1, 0, 10), (1, 13, 20), (1, 21, 35)])),
                    _ => None,
                },
                name: (0, 5, width),
            }
        }
        Format::Td1 => Layout {
            number: (0, 5, 14),
            number_check: (0, 14),
            nationality: (1, 15, 18),
            birth: (1, 0, 6),
            birth_check: (1, 6),
            sex: (1, 7),
            expiry: (1, 8, 14),
            expiry_check: (1, 14),
            optional: (0, 15, 30),
            optional_check: None,
            optional_2: Some((1, 18, 29)),
            composite: Some((
                (1, 29),
                vec![(0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29)],
            )),
            name: (2, 0, 30),
        },
    }
}

/// Splits scanner input into MRZ lines: blank lines and surrounding spaces dropped, letters
/// upper-cased, the `«` some scanners send for `<` accepted.
fn lines_of(text: &str) -> Vec<Vec<u8>> {
    text.lines()
        .map(|l| l.trim().replace('«', "<").replace(' ', ""))
        .filter(|l| !l.is_empty())
        .map(|l| l.to_uppercase().into_bytes())
        .collect()
}

fn detect(lines: &[Vec<u8>]) -> Result<Format, MrzError> {
    let lengths: Vec<usize> = lines.iter().map(Vec::len).collect();
    let first = lines.first().and_then(|l| l.first()).copied();
    match (
        lines.len(),
        lengths.iter().all(|l| *l == lengths[0]),
        lengths[0],
        first,
    ) {
        (3, true, 30, _) => Ok(Format::Td1),
        (2, true, 44, Some(b'V')) => Ok(Format::MrvA),
        (2, true, 44, _) => Ok(Format::Td3),
        (2, true, 36, Some(b'V')) => Ok(Format::MrvB),
        (2, true, 36, _) => Ok(Format::Td2),
        _ => Err(MrzError::Shape {
            lines: lines.len(),
            lengths,
        }),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn trim_fill(bytes: &[u8]) -> String {
    text(bytes)
        .trim_end_matches('<')
        .replace('<', " ")
        .trim()
        .to_string()
}

/// Reads a machine-readable zone as a scanner typed it (two or three lines). `today` decides
/// the century of two-digit years.
pub fn parse(input: &str, today: NaiveDate) -> Result<Mrz, MrzError> {
    let mut lines = lines_of(input);
    if lines.is_empty() {
        return Err(MrzError::Empty);
    }
    // Characters first (by character, as typed), then the shape.
    let typed: Vec<String> = input
        .lines()
        .map(|l| l.trim().replace('«', "<").replace(' ', ""))
        .filter(|l| !l.is_empty())
        .collect();
    for (l, line) in typed.iter().enumerate() {
        if let Some((p, found)) = line
            .chars()
            .enumerate()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '<'))
        {
            return Err(MrzError::IllegalCharacter {
                line: l + 1,
                position: p + 1,
                found,
            });
        }
    }
    let format = detect(&lines)?;
    let code = text(&lines[0][0..2]);
    let kind_ok = match format {
        Format::Td3 => lines[0][0] == b'P',
        Format::MrvA | Format::MrvB => lines[0][0] == b'V',
        Format::Td1 | Format::Td2 => matches!(lines[0][0], b'I' | b'A' | b'C' | b'P'),
    };
    if !kind_ok {
        return Err(MrzError::DocumentType(code));
    }
    let corrections = super::ocr::correct(&mut lines, format)?;
    read(&lines, format, today, corrections)
}

/// Verifies the check digits of a zone as it stands.
pub(super) fn verify(lines: &[Vec<u8>], format: Format) -> Result<(), MrzError> {
    let lay = layout(format);
    let at = |(l, s, e): (usize, usize, usize)| &lines[l][s..e];
    let digit = |(l, p): (usize, usize)| lines[l][p];
    // A long document number (TD1, TD2): its check digit position holds `<` and the number
    // runs on into the optional data, whose last character before the filler is the digit.
    let (number, number_check) = long_number(lines, &lay);
    if number_check != check_digit(&number) {
        return Err(MrzError::CheckDigit(Field::DocumentNumber));
    }
    for (field, range, check) in [
        (Field::BirthDate, lay.birth, lay.birth_check),
        (Field::Expiry, lay.expiry, lay.expiry_check),
    ] {
        if digit(check) != check_digit(at(range)) {
            return Err(MrzError::CheckDigit(field));
        }
    }
    if let Some(check) = lay.optional_check {
        let field = at(lay.optional);
        let d = digit(check);
        let empty_ok = d == b'<' && field.iter().all(|c| *c == b'<');
        if !empty_ok && d != check_digit(field) {
            return Err(MrzError::CheckDigit(Field::OptionalData));
        }
    }
    if let Some((check, ranges)) = &lay.composite {
        let all: Vec<u8> = ranges.iter().flat_map(|r| at(*r).to_vec()).collect();
        if digit(*check) != check_digit(&all) {
            return Err(MrzError::CheckDigit(Field::Composite));
        }
    }
    Ok(())
}

/// The whole document number and the check digit that covers it.
fn long_number(lines: &[Vec<u8>], lay: &Layout) -> (Vec<u8>, u8) {
    let (l, s, e) = lay.number;
    let (cl, cp) = lay.number_check;
    let base = lines[l][s..e].to_vec();
    let check = lines[cl][cp];
    if check != b'<' || lay.optional_check.is_some() {
        return (base, check);
    }
    let (ol, os, oe) = lay.optional;
    let optional = &lines[ol][os..oe];
    let run = optional.iter().take_while(|c| **c != b'<').count();
    if run == 0 {
        return (base, check);
    }
    let mut number = base;
    number.extend_from_slice(&optional[..run - 1]);
    (number, optional[run - 1])
}

fn read(
    lines: &[Vec<u8>],
    format: Format,
    today: NaiveDate,
    corrections: Vec<Correction>,
) -> Result<Mrz, MrzError> {
    let lay = layout(format);
    let at = |(l, s, e): (usize, usize, usize)| &lines[l][s..e];
    let (number, _) = long_number(lines, &lay);
    let long = lines[lay.number_check.0][lay.number_check.1] == b'<' && number.len() > 9;
    let issuing_state = trim_fill(&lines[0][2..5]);
    let nationality = trim_fill(at(lay.nationality));
    for code in [&issuing_state, &nationality] {
        if !is_known_code(code) {
            return Err(MrzError::Country(code.clone()));
        }
    }
    let sex = match lines[lay.sex.0][lay.sex.1] {
        b'M' => Sex::Male,
        b'F' => Sex::Female,
        b'<' | b'X' => Sex::Unspecified,
        other => return Err(MrzError::Sex(other as char)),
    };
    let birth_date = date(at(lay.birth), today, Century::Past, Field::BirthDate)?;
    let expiry = date(at(lay.expiry), today, Century::Nearest, Field::Expiry)?;
    let name_field = at(lay.name);
    let name = text(name_field);
    let (surname, given) = match name.split_once("<<") {
        Some((s, g)) => (s.to_string(), g.to_string()),
        None => (name.clone(), String::new()),
    };
    let clean = |s: &str| {
        s.replace('<', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut optional = if long {
        let (ol, os, oe) = lay.optional;
        let run = lines[ol][os..oe].iter().take_while(|c| **c != b'<').count();
        trim_fill(&lines[ol][os + run..oe])
    } else {
        trim_fill(at(lay.optional))
    };
    if let Some(second) = lay.optional_2 {
        let more = trim_fill(at(second));
        if !more.is_empty() {
            if !optional.is_empty() {
                optional.push(' ');
            }
            optional.push_str(&more);
        }
    }
    Ok(Mrz {
        format,
        document_code: text(&lines[0][0..2]),
        issuing_state,
        surname: clean(&surname),
        given_names: clean(&given),
        name_truncated: name_field.last().is_some_and(|c| *c != b'<'),
        document_number: text(&number).trim_end_matches('<').to_string(),
        nationality,
        birth_date,
        sex,
        expiry,
        optional_data: optional,
        corrections,
    })
}

#[derive(Clone, Copy)]
enum Century {
    /// A birth date is never in the future.
    Past,
    /// An expiry date is read in the century that puts it nearest today.
    Nearest,
}

fn date(
    field: &[u8],
    today: NaiveDate,
    century: Century,
    which: Field,
) -> Result<Option<NaiveDate>, MrzError> {
    if field.contains(&b'<') {
        // Unknown (wholly or in part): allowed by ICAO 9303 for birth dates.
        return Ok(None);
    }
    let s = std::str::from_utf8(field).map_err(|_| MrzError::Date(which))?;
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(yy), Some(mm), Some(dd)) = (num(0..2), num(2..4), num(4..6)) else {
        return Err(MrzError::Date(which));
    };
    let make = |century: i32| NaiveDate::from_ymd_opt(century + yy as i32, mm, dd);
    let this = today.year() / 100 * 100;
    let picked = match century {
        Century::Past => [this, this - 100]
            .into_iter()
            .filter_map(make)
            .find(|d| *d <= today),
        Century::Nearest => [this - 100, this, this + 100]
            .into_iter()
            .filter_map(make)
            .min_by_key(|d| (*d - today).num_days().abs()),
    };
    picked.map(Some).ok_or(MrzError::Date(which))
}

/// The fields to write a zone from (tests, samples and fuzz seeds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub format: Format,
    pub document_code: String,
    pub issuing_state: String,
    pub surname: String,
    pub given_names: String,
    pub document_number: String,
    pub nationality: String,
    /// YYMMDD, `<` for unknown parts.
    pub birth_date: String,
    pub sex: Sex,
    pub expiry: String,
    pub optional_data: String,
}

fn pad(s: &str, width: usize) -> Vec<u8> {
    let mut v: Vec<u8> = s.bytes().take(width).collect();
    v.resize(width, b'<');
    v
}

fn name_field(surname: &str, given: &str, width: usize) -> Vec<u8> {
    let mut name = surname.replace(' ', "<");
    if !given.is_empty() {
        name.push_str("<<");
        name.push_str(&given.replace(' ', "<"));
    }
    pad(&name, width)
}

/// Writes a zone with correct check digits: the inverse of [`parse`].
pub fn emit(f: &Fields) -> String {
    let (rows, width) = f.format.shape();
    let mut lines = vec![vec![b'<'; width]; rows];
    let lay = layout(f.format);
    let put = |lines: &mut Vec<Vec<u8>>, (l, s, e): (usize, usize, usize), v: &[u8]| {
        lines[l][s..e].copy_from_slice(&pad(&text(v), e - s));
    };
    lines[0][0..2].copy_from_slice(&pad(&f.document_code, 2));
    lines[0][2..5].copy_from_slice(&pad(&f.issuing_state, 3));
    let (nl, ns, ne) = lay.name;
    lines[nl][ns..ne].copy_from_slice(&name_field(&f.surname, &f.given_names, ne - ns));
    put(&mut lines, lay.nationality, f.nationality.as_bytes());
    put(&mut lines, lay.birth, f.birth_date.as_bytes());
    put(&mut lines, lay.expiry, f.expiry.as_bytes());
    lines[lay.sex.0][lay.sex.1] = f.sex.code() as u8;
    let (l, s, e) = lay.number;
    let number = f.document_number.as_bytes();
    let (ol, os, oe) = lay.optional;
    let long_ok = number.len() > 9 && lay.optional_check.is_none() && !f.format.is_visa();
    if long_ok {
        lines[l][s..e].copy_from_slice(&number[..9]);
        lines[lay.number_check.0][lay.number_check.1] = b'<';
        let mut rest = number[9..].to_vec();
        rest.push(check_digit(number));
        rest.push(b'<');
        rest.extend_from_slice(f.optional_data.as_bytes());
        lines[ol][os..oe].copy_from_slice(&pad(&text(&rest), oe - os));
    } else {
        put(&mut lines, lay.number, number);
        let d = check_digit(&lines[l][s..e]);
        lines[lay.number_check.0][lay.number_check.1] = d;
        put(&mut lines, lay.optional, f.optional_data.as_bytes());
    }
    let birth = lay.birth;
    lines[lay.birth_check.0][lay.birth_check.1] = check_digit(&lines[birth.0][birth.1..birth.2]);
    let expiry = lay.expiry;
    lines[lay.expiry_check.0][lay.expiry_check.1] =
        check_digit(&lines[expiry.0][expiry.1..expiry.2]);
    if let Some((cl, cp)) = lay.optional_check {
        let field = &lines[ol][os..oe];
        lines[cl][cp] = if field.iter().all(|c| *c == b'<') {
            b'<'
        } else {
            check_digit(field)
        };
    }
    if let Some(((cl, cp), ranges)) = &lay.composite {
        let all: Vec<u8> = ranges
            .iter()
            .flat_map(|(l, s, e)| lines[*l][*s..*e].to_vec())
            .collect();
        lines[*cl][*cp] = check_digit(&all);
    }
    lines.iter().map(|l| text(l)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests;
