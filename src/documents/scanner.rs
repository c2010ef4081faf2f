//! Scanner input. Passport readers type the machine-readable zone like a keyboard: each line,
//! then Enter. The kiosk feeds every completed line here, on any screen, without the passenger
//! tapping a field; once two lines of 44 or 36, or three of 30, have arrived, the document is
//! read.

use super::mrz::{self, MrzError};
use crate::domain::TravelDocument;
use chrono::NaiveDate;

/// What a completed scan turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scan {
    Document(Box<TravelDocument>),
    /// It looked like a machine-readable zone but could not be read (the screen explains
    /// [`MrzError::message_id`]).
    Unreadable(MrzError),
    /// A boarding pass barcode (IATA 792), decoded.
    BoardingPass(Box<crate::bcbp::BoardingPass>),
}

/// Collects scanned lines until they make a whole zone.
#[derive(Debug, Default, Clone)]
pub struct ScanBuffer {
    lines: Vec<String>,
}

fn looks_like_mrz_line(line: &str) -> bool {
    matches!(line.chars().count(), 30 | 36 | 44)
        && line
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '<' || c == '«')
}

impl ScanBuffer {
    /// Forgets a partial scan (the session ended, or the scan went stale).
    pub fn clear(&mut self) {
        self.lines.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// One line as typed (without its Enter). `None` while a zone is incomplete, or when the
    /// line is not part of one (ordinary typing is left to the screen).
    pub fn push_line(&mut self, line: &str, today: NaiveDate) -> Option<Scan> {
        let line = line.trim_end_matches(['\r', '\n']);
        // A boarding pass barcode comes as one line: `M`, the number of legs, the name …
        if line.len() >= 60
            && line.starts_with('M')
            && line
                .as_bytes()
                .get(1)
                .is_some_and(|b| (b'1'..=b'4').contains(b))
            && let Ok(pass) = crate::bcbp::BoardingPass::decode(line)
        {
            self.clear();
            return Some(Scan::BoardingPass(Box::new(pass)));
        }
        let line = line.trim();
        if !looks_like_mrz_line(line) {
            if self.lines.is_empty() {
                return None;
            }
            // A zone cut short by something else: say so rather than wait forever.
            let lengths = self.lines.iter().map(|l| l.chars().count()).collect();
            let lines = self.lines.len();
            self.clear();
            return Some(Scan::Unreadable(MrzError::Shape { lines, lengths }));
        }
        let width = line.chars().count();
        if self
            .lines
            .first()
            .is_some_and(|first| first.chars().count() != width)
        {
            self.clear();
        }
        self.lines.push(line.to_string());
        let needed = if width == 30 { 3 } else { 2 };
        if self.lines.len() < needed {
            return None;
        }
        let text = self.lines.join("\n");
        self.clear();
        Some(match mrz::parse(&text, today) {
            Ok(m) => Scan::Document(Box::new(m.to_travel_document())),
            Err(e) => Scan::Unreadable(e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_passport_typed_line_by_line_is_read_on_the_last_line() {
        let mut b = ScanBuffer::default();
        assert_eq!(
            b.push_line("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", today()),
            None
        );
        let Some(Scan::Document(doc)) =
            b.push_line("L898902C36UTO7408122F1204159ZE184226B<<<<<10\r", today())
        else {
            panic!("expected a document")
        };
        assert_eq!(doc.number, "L898902C3");
        assert!(b.is_empty());
    }

    #[test]
    fn a_boarding_pass_barcode_is_recognised_in_one_line() {
        let mut b = ScanBuffer::default();
        let Some(Scan::BoardingPass(pass)) = b.push_line(
            "M1DESMARAIS/LUC MR    EDEMO01 YULYYZNW 0101 327J002A0001 100",
            today(),
        ) else {
            panic!("expected a boarding pass")
        };
        assert_eq!(pass.surname(), "DESMARAIS");
        assert_eq!(pass.legs[0].pnr, "DEMO01");
    }

    #[test]
    fn an_id_card_needs_three_lines() {
        let mut b = ScanBuffer::default();
        assert_eq!(b.push_line("I<UTOD231458907<<<<<<<<<<<<<<<", today()), None);
        assert_eq!(b.push_line("7408122F1204159UTO<<<<<<<<<<<6", today()), None);
        assert!(matches!(
            b.push_line("ERIKSSON<<ANNA<MARIA<<<<<<<<<<", today()),
            Some(Scan::Document(_))
        ));
    }

    #[test]
    fn ordinary_typing_is_left_alone_and_a_broken_scan_is_reported() {
        let mut b = ScanBuffer::default();
        assert_eq!(b.push_line("DEMO01", today()), None);
        b.push_line("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", today());
        assert!(matches!(
            b.push_line("L898902C3", today()),
            Some(Scan::Unreadable(MrzError::Shape { .. }))
        ));
        // A misread check digit: unreadable, with the reason.
        b.push_line("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", today());
        assert_eq!(
            b.push_line("L898902C36UTO7408122F1204159ZE184226B<<<<<11", today()),
            Some(Scan::Unreadable(MrzError::CheckDigit(
                mrz::Field::Composite
            )))
        );
    }
}
