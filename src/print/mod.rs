//! Printing: boarding passes, bag tags and the bag receipt as PDFs, and the printers that take
//! them (a spool directory, or a CUPS queue).

pub mod barcode;
mod cups;
pub mod journal;
pub mod layout;
mod pdf;
mod spool;

pub use crate::text::{Face, Weight, shape};
pub use barcode::{BarcodeError, Pdf417, itf, pdf417};
pub use cups::CupsPrinter;
pub use journal::JournaledPrinter;
pub use layout::Paper;
pub use spool::SpoolPrinter;

use crate::checkin::PrintJob;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum PrintError {
    #[error("the spool directory {} cannot be written: {source}", dir.display())]
    Spool {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Barcode(#[from] BarcodeError),
    #[error("the printer queue {queue} cannot print: {reason}")]
    Queue { queue: String, reason: String },
}

/// Anything that turns a print job into paper (or files standing in for it).
pub trait Printer: Send + Sync {
    /// Prints every document of the job; returns the files produced.
    fn print(&self, job: &PrintJob) -> Result<Vec<PathBuf>, PrintError>;

    /// Prints labels from these messages from now on (the operator's overrides, reloaded with
    /// the config); printers without labels ignore it.
    fn use_messages(&self, _messages: &'static crate::i18n::Messages) {}
}

/// The messages a printer labels its documents with, replaceable while it runs.
#[derive(Debug)]
pub struct Labels(std::sync::RwLock<&'static crate::i18n::Messages>);

impl Default for Labels {
    fn default() -> Self {
        Labels(std::sync::RwLock::new(crate::i18n::Messages::built_in()))
    }
}

impl Clone for Labels {
    fn clone(&self) -> Self {
        Labels(std::sync::RwLock::new(self.get()))
    }
}

impl Labels {
    pub fn get(&self) -> &'static crate::i18n::Messages {
        *self.0.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set(&self, messages: &'static crate::i18n::Messages) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = messages;
    }
}

/// Every document of a job, rendered with the labels of `m` (the kiosk's messages, with the
/// operator's overrides): (file name, PDF bytes).
pub fn render(
    job: &PrintJob,
    paper: Paper,
    m: &crate::i18n::Messages,
) -> Result<Vec<(String, Vec<u8>)>, PrintError> {
    let mut files = if job.tags_only {
        Vec::new()
    } else {
        layout::boarding_passes(job, paper, m)?
    };
    for done in &job.passengers {
        let Some(p) = job.booking.passenger(done.passenger) else {
            continue;
        };
        for plate in done
            .bag_tags
            .iter()
            .filter(|plate| !job.tagged_before.contains(plate))
        {
            files.push((
                format!("bag-tag-{plate}.pdf"),
                layout::bag_tag(&job.booking, p, plate, job.at, paper)?,
            ));
        }
    }
    if let Some(receipt) = layout::bag_receipt(job, m) {
        files.push((format!("bag-receipt-{}.pdf", job.at.timestamp()), receipt));
    }
    Ok(files)
}

/// A sample job for aligning paper (`concierge print-sample`): a family of two on a two-leg
/// trip, one lap infant, bags with consecutive and separate plates.
pub fn sample_job(locale: &str, at: crate::domain::Timestamp) -> PrintJob {
    use crate::checkin::CheckedInPassenger;
    use crate::domain::*;
    use chrono::TimeDelta;
    let airport = |code: &str, city: &str, country: &str, tz: &str| Airport {
        code: code.into(),
        name: city.into(),
        city: city.into(),
        country: country.into(),
        time_zone: tz.parse().unwrap_or(chrono_tz::UTC),
    };
    let lhe = airport("LHE", "Lahore", "PK", "Asia/Karachi");
    let dxb = airport("DXB", "Dubai", "AE", "Asia/Dubai");
    let lhr = airport("LHR", "London", "GB", "Europe/London");
    let flight = |number: u16, from: &Airport, to: &Airport, hours: i64, gate: &str| {
        let departure = at + TimeDelta::hours(hours);
        Flight {
            carrier: "NW".into(),
            number,
            origin: from.clone(),
            destination: to.clone(),
            departure,
            arrival: departure + TimeDelta::hours(4),
            boarding: departure - TimeDelta::minutes(40),
            gate: Some(gate.into()),
            status: FlightStatus::Scheduled,
            checkin: CheckinWindow {
                opens: departure - TimeDelta::hours(24),
                closes: departure - TimeDelta::hours(1),
                bags_close: departure - TimeDelta::hours(1),
            },
        }
    };
    let legs = vec![
        flight(786, &lhe, &dxb, 3, "A7"),
        flight(787, &dxb, &lhr, 9, "C21"),
    ];
    let passenger =
        |id: i64, given: &str, kind: PassengerType, seats: [Option<&str>; 2]| Passenger {
            id: PassengerId(id),
            name: BookedName::new("KHAN", given),
            kind,
            birth_date: None,
            nationality: "PAK".into(),
            eticket: format!("98722000000{id:02}"),
            frequent_flyer: (id == 1).then(|| FrequentFlyer {
                airline: "NW".into(),
                number: "NW220011".into(),
                tier: Some("gold".into()),
            }),
            lap_of: (kind == PassengerType::Infant).then_some(PassengerId(2)),
            special_services: Vec::new(),
            baggage_allowance: 2,
            documents: Vec::new(),
            residence: None,
            destination_address: None,
            legs: seats
                .iter()
                .map(|s| PassengerLeg {
                    compartment: 'Y',
                    seat: s.and_then(|s| s.parse().ok()),
                    checked_in: None,
                })
                .collect(),
            bag_tags: Vec::new(),
        };
    let passengers = vec![
        passenger(
            1,
            "ALI MR",
            PassengerType::Adult,
            [Some("14A"), Some("31C")],
        ),
        passenger(
            2,
            "AYESHA MRS",
            PassengerType::Adult,
            [Some("14B"), Some("31D")],
        ),
        passenger(3, "OMAR MSTR", PassengerType::Infant, [None, None]),
    ];
    let plate = |n: u32| {
        LicencePlate::new(0, "987", n)
            .unwrap_or_else(|| LicencePlate::parse("0987000000").expect("valid"))
    };
    let done = passengers
        .iter()
        .enumerate()
        .map(|(i, p)| CheckedInPassenger {
            passenger: p.id,
            legs: p
                .legs
                .iter()
                .enumerate()
                .map(|(l, leg)| CheckinRecord {
                    sequence: (i + 1 + l * 40) as u16,
                    seat: leg.seat,
                    issued: None,
                    reprints: 0,
                })
                .collect(),
            bag_tags: match i {
                0 => vec![plate(100001), plate(100002), plate(100005)],
                1 => vec![plate(100003)],
                _ => Vec::new(),
            },
        })
        .collect();
    PrintJob {
        booking: Booking {
            reference: "KHAN22".into(),
            airline: Airline {
                designator: "NW".into(),
                numeric_code: "987".into(),
                name: "Northwind Airways".into(),
            },
            passengers,
            legs,
        },
        passengers: done,
        locale: locale.into(),
        reprint: false,
        at,
        documents_verified: vec![PassengerId(1), PassengerId(2), PassengerId(3)],
        tagged_before: Vec::new(),
        tags_only: false,
    }
}
