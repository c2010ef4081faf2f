//! The demo airline's data file (`assets/demo/airline.toml`), read and checked before it seeds
//! the embedded airline store.

use crate::config::parse_duration;
use serde::Deserialize;
use std::collections::HashSet;
use thiserror::Error;

/// The demo data compiled into the binary: `cargo run` needs no files beside it.
pub const EMBEDDED: &str = include_str!("../../assets/demo/airline.toml");

#[derive(Debug, Error)]
pub enum DemoError {
    #[error("demo airline data: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("demo airline data: {0}")]
    Invalid(String),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAirline {
    pub airline: AirlineData,
    pub airports: Vec<AirportData>,
    pub aircraft: Vec<AircraftData>,
    pub flights: Vec<FlightData>,
    pub bookings: Vec<BookingData>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AirlineData {
    pub name: String,
    pub designator: String,
    pub numeric_code: String,
    pub checkin: WindowData,
    /// Document numbers the destination's authorities answer "no board" for (the demo's
    /// stand-in for an interactive advance passenger information system).
    #[serde(default)]
    pub no_board_documents: Vec<String>,
}

/// Check-in windows, as durations before departure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowData {
    pub opens: String,
    pub closes_domestic: String,
    pub closes_international: String,
    pub bags_close_domestic: String,
    pub bags_close_international: String,
    pub boarding: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AirportData {
    pub code: String,
    pub name: String,
    pub city: String,
    pub country: String,
    pub time_zone: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AircraftData {
    #[serde(rename = "type")]
    pub kind: String,
    pub layout: String,
    pub cabins: Vec<CabinData>,
    #[serde(default)]
    pub exit_rows: Vec<u16>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CabinData {
    pub compartment: char,
    pub rows: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlightData {
    pub number: u16,
    pub from: String,
    pub to: String,
    pub departs_in: String,
    pub duration: String,
    pub gate: Option<String>,
    pub aircraft: String,
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingData {
    pub reference: String,
    pub flights: Vec<u16>,
    pub passengers: Vec<PassengerData>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassengerData {
    pub surname: String,
    pub given: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub birth_date: Option<String>,
    /// For children and infants: age in years at seeding (their birth date follows the demo).
    pub age: Option<u8>,
    pub nationality: String,
    pub eticket: String,
    pub frequent_flyer: Option<FrequentFlyerData>,
    pub allowance: u8,
    pub cabin: char,
    #[serde(default)]
    pub seats: Vec<String>,
    pub lap_of: Option<usize>,
    #[serde(default)]
    pub special_services: Vec<String>,
    #[serde(default)]
    pub documents: Vec<DocumentData>,
    pub residence: Option<String>,
    pub destination_address: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequentFlyerData {
    pub number: String,
    pub tier: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentData {
    pub kind: String,
    pub number: String,
    pub issuing_state: String,
    pub nationality: String,
    pub surname: String,
    pub given_names: String,
    pub birth_date: Option<String>,
    pub sex: Option<char>,
    pub expiry: String,
    pub valid_for: Option<String>,
}

/// Rows `"10-29"` → 10..=29.
pub fn row_range(text: &str) -> Option<(u16, u16)> {
    let (a, b) = text.split_once('-').unwrap_or((text, text));
    let (a, b): (u16, u16) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a >= 1 && a <= b).then_some((a, b))
}

impl DemoAirline {
    pub fn parse(text: &str) -> Result<Self, DemoError> {
        let demo: DemoAirline = toml::from_str(text)?;
        demo.validate()?;
        Ok(demo)
    }

    pub fn embedded() -> Result<Self, DemoError> {
        Self::parse(EMBEDDED)
    }

    fn validate(&self) -> Result<(), DemoError> {
        let bad = |m: String| Err(DemoError::Invalid(m));
        let w = &self.airline.checkin;
        for d in [
            &w.opens,
            &w.closes_domestic,
            &w.closes_international,
            &w.bags_close_domestic,
            &w.bags_close_international,
            &w.boarding,
        ] {
            if parse_duration(d).is_none() {
                return bad(format!("{d:?} is not a duration"));
            }
        }
        let airports: HashSet<&str> = self.airports.iter().map(|a| a.code.as_str()).collect();
        for a in &self.airports {
            if a.time_zone.parse::<chrono_tz::Tz>().is_err() {
                return bad(format!(
                    "airport {}: unknown time zone {}",
                    a.code, a.time_zone
                ));
            }
        }
        for a in &self.aircraft {
            for c in &a.cabins {
                if row_range(&c.rows).is_none() {
                    return bad(format!("aircraft {}: rows {:?}", a.kind, c.rows));
                }
            }
        }
        for f in &self.flights {
            if !airports.contains(f.from.as_str()) || !airports.contains(f.to.as_str()) {
                return bad(format!("flight {}: unknown airport", f.number));
            }
            if !self.aircraft.iter().any(|a| a.kind == f.aircraft) {
                return bad(format!(
                    "flight {}: unknown aircraft {}",
                    f.number, f.aircraft
                ));
            }
            if parse_duration(&f.departs_in).is_none() || parse_duration(&f.duration).is_none() {
                return bad(format!("flight {}: bad duration", f.number));
            }
        }
        for b in &self.bookings {
            for n in &b.flights {
                if !self.flights.iter().any(|f| f.number == *n) {
                    return bad(format!("booking {}: unknown flight {n}", b.reference));
                }
            }
            for (i, p) in b.passengers.iter().enumerate() {
                if p.eticket.len() != 13 || !p.eticket.bytes().all(|c| c.is_ascii_digit()) {
                    return bad(format!(
                        "booking {} passenger {}: e-ticket",
                        b.reference,
                        i + 1
                    ));
                }
                if let Some(lap) = p.lap_of
                    && (lap == 0 || lap > b.passengers.len() || lap == i + 1)
                {
                    return bad(format!("booking {}: lap_of {lap}", b.reference));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_demo_is_valid_and_holds_the_fixed_bookings() {
        let demo = DemoAirline::embedded().unwrap();
        for r in [
            "DEMO01", "DEMO02", "KHAN22", "ERIK01", "CONX01", "LATE99", "UMNR01",
        ] {
            assert!(demo.bookings.iter().any(|b| b.reference == r), "{r}");
        }
        assert_eq!(demo.airline.numeric_code.len(), 3);
    }

    #[test]
    fn a_broken_demo_file_is_refused_with_a_reason() {
        let text = EMBEDDED.replace("time_zone = \"Asia/Dubai\"", "time_zone = \"Mars/Olympus\"");
        let err = DemoAirline::parse(&text).unwrap_err();
        assert!(err.to_string().contains("Mars/Olympus"), "{err}");
    }
}
