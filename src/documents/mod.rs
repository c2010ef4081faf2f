//! Travel documents: reading machine-readable zones (ICAO Doc 9303) and checking a document
//! against the passenger and the trip (holder, validity, visas, the destination's rules).

mod countries;
pub mod mrz;
mod ocr;
mod rules;
pub mod scanner;

pub use countries::{alpha2, is_known_code};
pub use mrz::{Format, Mrz, MrzError, Sex};
pub use rules::{
    DocumentProblem, DocumentRule, check, default_rules, given_names_match, is_holder,
};
pub use scanner::{Scan, ScanBuffer};

use crate::domain::{DocumentKind, TravelDocument};
use chrono::NaiveDate;

impl Mrz {
    /// The document as the rest of the kiosk knows it.
    pub fn to_travel_document(&self) -> TravelDocument {
        let kind = match self.document_code.as_bytes().first() {
            Some(b'P') => DocumentKind::Passport,
            Some(b'V') => DocumentKind::Visa,
            _ => DocumentKind::IdCard,
        };
        TravelDocument {
            kind,
            number: self.document_number.clone(),
            issuing_state: self.issuing_state.clone(),
            nationality: self.nationality.clone(),
            surname: self.surname.clone(),
            given_names: self.given_names.clone(),
            birth_date: self.birth_date,
            sex: match self.sex {
                Sex::Female => Some('F'),
                Sex::Male => Some('M'),
                Sex::Unspecified => None,
            },
            // A document without an expiry date never expires.
            expiry: self.expiry.unwrap_or(NaiveDate::MAX),
            valid_for: (kind == DocumentKind::Visa)
                .then(|| alpha2(&self.issuing_state).map(String::from))
                .flatten(),
        }
    }
}

/// Reads a scanned MRZ into a travel document. `today` resolves two-digit years.
pub fn read(text: &str, today: NaiveDate) -> Result<TravelDocument, MrzError> {
    mrz::parse(text, today).map(|m| m.to_travel_document())
}

/// Splits a file of MRZs (one document per block, blocks separated by a blank line; `#` lines
/// are comments) into the blocks.
pub fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.starts_with('#')) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_specimen_passport_becomes_a_travel_document() {
        let text = include_str!("../../tests/fixtures/mrz-specimens.txt");
        let b = blocks(text);
        assert_eq!(b.len(), 3);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let doc = read(&b[0], today).unwrap();
        assert_eq!(doc.kind, DocumentKind::Passport);
        assert_eq!(doc.number, "L898902C3");
        assert_eq!(doc.sex, Some('F'));
        assert_eq!(read(&b[2], today).unwrap().kind, DocumentKind::IdCard);
    }
}
