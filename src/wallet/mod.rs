//! The boarding pass on the passenger's phone. Goodbye (and "checked in already") shows a QR
//! for each passenger's boarding pass; it opens a one-time, short-lived link on the pass
//! service (the agent desk, which phones can reach) that offers the pass as a plain page with
//! its PDF417 for any phone, an Apple Wallet pass ([`pkpass`]) and a Google Wallet "save" link
//! ([`google`]) when the operator has configured their credentials.
//!
//! The QR carries an opaque token only. The kiosk sends what the pass shows ([`PhonePass`],
//! made by the same code that prints it); the service keeps it in memory until the link
//! expires or is used up, and writes none of it to disk or logs.

pub mod client;
pub mod google;
mod page;
pub mod pkpass;
pub mod service;

use crate::checkin::PrintJob;
use crate::domain::PassengerId;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One leg of a boarding pass as a phone shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneLeg {
    pub carrier: String,
    pub number: u16,
    pub from: String,
    pub from_city: String,
    pub to: String,
    pub to_city: String,
    /// Local times, with their offsets.
    pub departs: DateTime<FixedOffset>,
    pub boarding: DateTime<FixedOffset>,
    pub arrives: DateTime<FixedOffset>,
    pub gate: Option<String>,
    /// `None`: an infant on a lap.
    pub seat: Option<String>,
    pub sequence: u16,
    /// IATA 792 compartment code (`Y`, `J` …).
    pub cabin: char,
}

impl PhoneLeg {
    /// `NW 123`.
    pub fn flight(&self) -> String {
        format!("{} {}", self.carrier, self.number)
    }
}

/// A passenger's boarding pass, every leg, as the kiosk printed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhonePass {
    /// Which of the session's passengers (the kiosk matches the link to it; never shown).
    pub passenger: PassengerId,
    /// As on the printed pass: `KHAN/AMINA MS`.
    pub name: String,
    pub reference: String,
    /// The passenger's language (the page's labels).
    pub locale: String,
    /// The IATA 792 boarding pass string of the PDF417 (every leg).
    pub barcode: String,
    pub legs: Vec<PhoneLeg>,
}

/// A link the kiosk shows as a QR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassLink {
    pub passenger: PassengerId,
    pub url: String,
}

/// The passes a print job's boarding passes make (none for a bag-drop job, which prints no
/// boarding pass).
pub fn passes_of(job: &PrintJob) -> Vec<PhonePass> {
    if job.tags_only {
        return Vec::new();
    }
    let mut out = Vec::new();
    for done in &job.passengers {
        let (Some(data), Some(p)) = (
            crate::print::layout::boarding_pass_data(job, done),
            job.booking.passenger(done.passenger),
        ) else {
            continue;
        };
        let legs = job
            .booking
            .legs
            .iter()
            .zip(&done.legs)
            .enumerate()
            .map(|(i, (f, record))| {
                let at = |t: crate::domain::Timestamp, tz: chrono_tz::Tz| {
                    t.with_timezone(&tz).fixed_offset()
                };
                PhoneLeg {
                    carrier: f.carrier.clone(),
                    number: f.number,
                    from: f.origin.code.clone(),
                    from_city: f.origin.city.clone(),
                    to: f.destination.code.clone(),
                    to_city: f.destination.city.clone(),
                    departs: at(f.departure, f.origin.time_zone),
                    boarding: at(f.boarding, f.origin.time_zone),
                    arrives: at(f.arrival, f.destination.time_zone),
                    gate: f.gate.clone(),
                    seat: record.seat.map(|s| s.to_string()),
                    sequence: record.sequence,
                    cabin: p.legs.get(i).map_or('Y', |l| l.compartment),
                }
            })
            .collect();
        out.push(PhonePass {
            passenger: done.passenger,
            name: data.name.clone(),
            reference: job.booking.reference.clone(),
            locale: job.locale.clone(),
            barcode: data.encode(),
            legs,
        });
    }
    out
}

/// Where the kiosk gets links for its passes (the port; [`client::DeskPasses`] asks the desk).
pub trait PassLinks: Send + Sync {
    /// One link per pass, or why there are none (the screen then shows no QR; the paper pass
    /// is in the passenger's hand).
    fn links(&self, passes: &[PhonePass]) -> Result<Vec<PassLink>, String>;
}

/// No pass service: no QR.
#[derive(Debug, Default)]
pub struct NoPhonePasses;

impl PassLinks for NoPhonePasses {
    fn links(&self, _passes: &[PhonePass]) -> Result<Vec<PassLink>, String> {
        Err("no pass service is configured".into())
    }
}
