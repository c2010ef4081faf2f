//! IATA Resolution 792 Bar Coded Boarding Pass (BCBP): the string inside a boarding pass's
//! PDF417, written and read.
//!
//! Mandatory items: 60 characters for the first leg (23 unique + 37 repeated), 37 for each
//! further leg, up to 4 legs. Version 6 conditional items follow each leg behind a hex field
//! size: for the first leg the unique items (passenger description, source of check-in and of
//! issuance, date of issue, document type, issuer, bag-tag licence plates) and for every leg the
//! repeated ones (airline numeric code, document serial, selectee, documentation verification,
//! marketing carrier, frequent flyer, free baggage allowance, fast track). Security data
//! (`^…`) may end the string; we read past it.

use chrono::{Datelike, NaiveDate};
use std::fmt::Write;
use thiserror::Error;

/// One leg of a boarding pass.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Leg {
    /// Booking reference (record locator), up to 7 characters.
    pub pnr: String,
    pub from: String,
    pub to: String,
    pub carrier: String,
    pub flight_number: u16,
    /// Operational suffix, e.g. `A`; `None` for most flights.
    pub flight_suffix: Option<char>,
    /// Day of the year of the flight's local departure date (1–366).
    pub julian_date: u16,
    pub compartment: char,
    /// `None` for a lap infant (printed `INF`).
    pub seat: Option<String>,
    pub sequence: u16,
    /// Passenger status (`1`: checked in).
    pub status: char,
    /// Version 6 repeated conditional items; `None` when the leg has none.
    pub conditional: Option<LegConditional>,
    /// For airline individual use (free text after the structured items).
    pub airline_use: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LegConditional {
    /// Three-digit airline accounting code (the e-ticket's first three digits).
    pub airline_numeric: String,
    /// The ticket's document form / serial number (10 digits).
    pub document_serial: String,
    pub selectee: char,
    /// `0` not required, `1` required, `2` performed.
    pub documentation_verification: char,
    pub marketing_carrier: String,
    pub frequent_flyer_airline: String,
    pub frequent_flyer_number: String,
    pub id_ad: char,
    /// e.g. `2PC`, `20K`.
    pub free_baggage: String,
    pub fast_track: char,
}

/// The unique conditional items of version 6.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unique {
    pub version: char,
    /// `0` adult, `3` child, `4` infant, `6` adult with infant …
    pub passenger_description: char,
    /// `K` kiosk, `W` web, `O` airport agent …
    pub checkin_source: char,
    pub issuance_source: char,
    /// Last digit of the year and day of the year, `YDDD`.
    pub issue_date: String,
    /// `B` boarding pass, `I` itinerary receipt.
    pub document_type: char,
    pub issuer: String,
    /// Licence plates: (first 10-digit plate, number of consecutive tags), up to 3 series.
    pub bag_tags: Vec<(String, u16)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardingPass {
    /// `SURNAME/GIVEN` as booked, up to 20 characters.
    pub name: String,
    pub electronic_ticket: bool,
    pub unique: Option<Unique>,
    pub legs: Vec<Leg>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BcbpError {
    #[error("not a boarding pass barcode (format {0:?})")]
    Format(String),
    #[error("the barcode is cut short at {0}")]
    Truncated(&'static str),
    #[error("a boarding pass holds 1 to 4 legs, not {0}")]
    Legs(String),
    #[error("{field} holds {found:?}")]
    Field { field: &'static str, found: String },
    #[error("the barcode may only hold printable ASCII")]
    NotAscii,
}

fn pad(s: &str, width: usize) -> String {
    let mut out: String = s.chars().take(width).collect();
    while out.chars().count() < width {
        out.push(' ');
    }
    out
}

fn field_error(field: &'static str, found: &str) -> BcbpError {
    BcbpError::Field {
        field,
        found: found.into(),
    }
}

impl BoardingPass {
    /// Writes the BCBP string.
    pub fn encode(&self) -> String {
        let mut s = String::new();
        s.push('M');
        let _ = write!(s, "{}", self.legs.len().clamp(1, 4));
        s.push_str(&pad(&ascii_name(&self.name), 20));
        s.push(if self.electronic_ticket { 'E' } else { ' ' });
        for (i, leg) in self.legs.iter().take(4).enumerate() {
            s.push_str(&pad(&leg.pnr, 7));
            s.push_str(&pad(&leg.from, 3));
            s.push_str(&pad(&leg.to, 3));
            s.push_str(&pad(&leg.carrier, 3));
            // Four digits each: flight numbers and sequence numbers stop at 9999.
            let _ = write!(
                s,
                "{:04}{}",
                leg.flight_number.min(9999),
                leg.flight_suffix.unwrap_or(' ')
            );
            let _ = write!(s, "{:03}", leg.julian_date);
            s.push(leg.compartment);
            match &leg.seat {
                Some(seat) => s.push_str(&seat_field(seat)),
                None => s.push_str("INF "),
            }
            let _ = write!(s, "{:04} ", leg.sequence.min(9999));
            s.push(leg.status);
            let mut variable = String::new();
            if i == 0
                && let Some(u) = &self.unique
            {
                let mut unique = String::new();
                unique.push(u.passenger_description);
                unique.push(u.checkin_source);
                unique.push(u.issuance_source);
                unique.push_str(&pad(&u.issue_date, 4));
                unique.push(u.document_type);
                unique.push_str(&pad(&u.issuer, 3));
                for (plate, count) in u.bag_tags.iter().take(3) {
                    let _ = write!(unique, "{}{:03}", pad(plate, 10), count);
                }
                variable.push('>');
                variable.push(u.version);
                let _ = write!(variable, "{:02X}", unique.len());
                variable.push_str(&unique);
            }
            if let Some(c) = &leg.conditional {
                let mut rep = String::new();
                rep.push_str(&pad(&c.airline_numeric, 3));
                rep.push_str(&pad(&c.document_serial, 10));
                rep.push(c.selectee);
                rep.push(c.documentation_verification);
                rep.push_str(&pad(&c.marketing_carrier, 3));
                rep.push_str(&pad(&c.frequent_flyer_airline, 3));
                rep.push_str(&pad(&c.frequent_flyer_number, 16));
                rep.push(c.id_ad);
                rep.push_str(&pad(&c.free_baggage, 3));
                rep.push(c.fast_track);
                let _ = write!(variable, "{:02X}", rep.len());
                variable.push_str(&rep);
            }
            variable.push_str(&leg.airline_use);
            let _ = write!(s, "{:02X}", variable.len());
            s.push_str(&variable);
        }
        s
    }

    /// Reads a BCBP string. `reference` (the day it is read) gives the flight dates their year.
    pub fn decode(text: &str) -> Result<Self, BcbpError> {
        let text = text.trim_end_matches(['\r', '\n']);
        if !text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            return Err(BcbpError::NotAscii);
        }
        let mut r = Reader { s: text, at: 0 };
        let format = r.take(1, "format code")?;
        if format != "M" {
            return Err(BcbpError::Format(format.into()));
        }
        let legs_field = r.take(1, "number of legs")?;
        let count: usize = legs_field
            .parse()
            .ok()
            .filter(|n| (1..=4).contains(n))
            .ok_or_else(|| BcbpError::Legs(legs_field.into()))?;
        let name = r.take(20, "passenger name")?.trim_end().to_string();
        if !name.contains('/') {
            return Err(field_error("passenger name", &name));
        }
        let electronic_ticket = r.take(1, "electronic ticket indicator")? == "E";
        let mut pass = BoardingPass {
            name,
            electronic_ticket,
            unique: None,
            legs: Vec::new(),
        };
        for i in 0..count {
            let mut leg = Leg {
                pnr: r.take(7, "booking reference")?.trim_end().into(),
                from: r.take(3, "from city")?.trim_end().into(),
                to: r.take(3, "to city")?.trim_end().into(),
                carrier: r.take(3, "carrier")?.trim_end().into(),
                ..Leg::default()
            };
            let flight = r.take(5, "flight number")?;
            leg.flight_number = flight[..4]
                .trim()
                .parse()
                .map_err(|_| field_error("flight number", flight))?;
            leg.flight_suffix = flight[4..].chars().next().filter(|c| *c != ' ');
            let julian = r.take(3, "date of flight")?;
            leg.julian_date = julian
                .trim()
                .parse()
                .ok()
                .filter(|d| (1..=366).contains(d))
                .ok_or_else(|| field_error("date of flight", julian))?;
            leg.compartment = r.take(1, "compartment")?.chars().next().unwrap_or(' ');
            let seat = r.take(4, "seat")?;
            leg.seat = match seat.trim() {
                "INF" | "" => None,
                s => Some(s.trim_start_matches('0').to_string()),
            };
            let seq = r.take(5, "check-in sequence")?;
            leg.sequence = seq[..4]
                .trim()
                .parse()
                .map_err(|_| field_error("check-in sequence", seq))?;
            leg.status = r.take(1, "passenger status")?.chars().next().unwrap_or(' ');
            let size_field = r.take(2, "field size")?;
            let size = usize::from_str_radix(size_field, 16)
                .map_err(|_| field_error("field size", size_field))?;
            let variable = r.take(size, "conditional items")?;
            let mut v = Reader { s: variable, at: 0 };
            if i == 0 && variable.starts_with('>') {
                v.take(1, "version mark")?;
                let version = v.take(1, "version")?.chars().next().unwrap_or(' ');
                let usize_field = v.take(2, "unique field size")?;
                let usize_ = usize::from_str_radix(usize_field, 16)
                    .map_err(|_| field_error("unique field size", usize_field))?;
                let unique = v.take(usize_, "unique conditional items")?;
                pass.unique = Some(read_unique(version, unique));
            }
            if v.rest().len() >= 2 {
                let rsize_field = v.take(2, "repeated field size")?;
                if let Ok(rsize) = usize::from_str_radix(rsize_field, 16) {
                    let rep = v.take(rsize, "repeated conditional items")?;
                    leg.conditional = Some(read_repeated(rep));
                }
            }
            leg.airline_use = v.rest().to_string();
            pass.legs.push(leg);
        }
        Ok(pass)
    }

    /// Surname as on the pass (before the `/`).
    pub fn surname(&self) -> &str {
        self.name.split('/').next().unwrap_or("").trim()
    }
}

/// The first leg's flight date: the day `julian` of the year that puts it nearest `reference`.
pub fn flight_date(julian: u16, reference: NaiveDate) -> Option<NaiveDate> {
    [reference.year() - 1, reference.year(), reference.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_yo_opt(y, u32::from(julian)))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

/// A boarding pass's seat field: `12A` → `012A`.
fn seat_field(seat: &str) -> String {
    let digits: String = seat.chars().take_while(char::is_ascii_digit).collect();
    let letter: String = seat.chars().skip_while(char::is_ascii_digit).collect();
    match digits.parse::<u16>() {
        Ok(n) => pad(&format!("{n:03}{letter}"), 4),
        Err(_) => pad(seat, 4),
    }
}

/// The barcode carries printable ASCII: letters with diacritics are folded to their base
/// letter (the reservation system's own spelling of the name).
pub fn ascii_name(name: &str) -> String {
    crate::domain::ascii_fold(name)
        .chars()
        .filter(|c| c.is_ascii_graphic() || *c == ' ')
        .collect()
}

fn read_unique(version: char, s: &str) -> Unique {
    let mut r = Reader { s, at: 0 };
    let mut next = |n: usize| r.take_lenient(n).to_string();
    let one = |v: String| v.chars().next().unwrap_or(' ');
    let mut u = Unique {
        version,
        passenger_description: one(next(1)),
        checkin_source: one(next(1)),
        issuance_source: one(next(1)),
        issue_date: next(4).trim().to_string(),
        document_type: one(next(1)),
        issuer: next(3).trim().to_string(),
        bag_tags: Vec::new(),
    };
    for _ in 0..3 {
        let tag = next(13);
        if tag.trim().len() == 13 {
            let count = tag[10..].parse().unwrap_or(1);
            u.bag_tags.push((tag[..10].to_string(), count));
        }
    }
    u
}

fn read_repeated(s: &str) -> LegConditional {
    let mut r = Reader { s, at: 0 };
    let mut next = |n: usize| r.take_lenient(n).to_string();
    let one = |v: String| v.chars().next().unwrap_or(' ');
    LegConditional {
        airline_numeric: next(3).trim().to_string(),
        document_serial: next(10).trim().to_string(),
        selectee: one(next(1)),
        documentation_verification: one(next(1)),
        marketing_carrier: next(3).trim().to_string(),
        frequent_flyer_airline: next(3).trim().to_string(),
        frequent_flyer_number: next(16).trim().to_string(),
        id_ad: one(next(1)),
        free_baggage: next(3).trim().to_string(),
        fast_track: one(next(1)),
    }
}

struct Reader<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a str, BcbpError> {
        let end = self.at + n;
        let out = self.s.get(self.at..end).ok_or(BcbpError::Truncated(what))?;
        self.at = end;
        Ok(out)
    }

    /// Up to `n` characters (conditional items may stop early).
    fn take_lenient(&mut self, n: usize) -> &'a str {
        let end = (self.at + n).min(self.s.len());
        let out = self.s.get(self.at..end).unwrap_or("");
        self.at = end;
        out
    }

    fn rest(&self) -> &'a str {
        self.s.get(self.at..).unwrap_or("")
    }
}

#[cfg(test)]
mod tests;
