//! Is a travel document good for this passenger and this trip?
//!
//! The holder must be the booked passenger (names compared after ICAO 9303 transliteration:
//! the booking may say `MÜLLER` and the passport `MUELLER`), the document must not expire
//! before the trip ends, and the destination's rules apply: validity beyond arrival (six months
//! for many countries), a visa or travel authorisation for some nationalities, an address in
//! the country for some destinations. Rules apply to the final destination; transit passengers
//! stay airside.

use crate::domain::{Booking, DocumentKind, Passenger, TravelDocument, surnames_match};
use chrono::{Months, NaiveDate};

/// One destination country's entry rules, as the operator configures them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRule {
    /// ISO 3166-1 alpha-2 country of arrival.
    pub destination: String,
    /// The document must stay valid this many months after arrival.
    pub valid_months_after_arrival: u32,
    /// Nationalities (ICAO alpha-3) that need a visa or travel authorisation; `*` means all
    /// but those in `visa_exempt`.
    pub visa_required: Vec<String>,
    pub visa_exempt: Vec<String>,
    /// The destination wants an address in the country with the passenger data.
    pub address_required: bool,
}

/// The demo airline's destinations, as a starting point for operators.
pub fn default_rules() -> Vec<DocumentRule> {
    let rule =
        |d: &str, months: u32, required: &[&str], exempt: &[&str], address: bool| DocumentRule {
            destination: d.into(),
            valid_months_after_arrival: months,
            visa_required: required.iter().map(|s| s.to_string()).collect(),
            visa_exempt: exempt.iter().map(|s| s.to_string()).collect(),
            address_required: address,
        };
    vec![
        rule("AE", 6, &["PAK", "NGA", "IND", "BGD"], &[], false),
        rule("US", 0, &["*"], &["USA"], true),
        rule("GB", 0, &["PAK", "NGA", "IND"], &[], false),
    ]
}

/// Why a document is not good for the trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentProblem {
    /// A visa or travel authorisation was presented where a passport or ID card is needed.
    NotAnIdentityDocument,
    /// Expired, or not valid long enough: it must be valid until this date.
    Expired {
        valid_until: NaiveDate,
    },
    NameMismatch,
    /// No visa or travel authorisation for this country is held.
    VisaMissing {
        destination: String,
    },
    /// The destination needs an address in the country, and none is on file.
    AddressMissing {
        destination: String,
    },
}

/// Checks `doc` for `passenger` on `booking` under the destination `rules`.
pub fn check(
    doc: &TravelDocument,
    passenger: &Passenger,
    booking: &Booking,
    rules: &[DocumentRule],
) -> Result<(), DocumentProblem> {
    if !doc.kind.is_identity() {
        return Err(DocumentProblem::NotAnIdentityDocument);
    }
    if !is_holder(&doc.surname, &doc.given_names, passenger) {
        return Err(DocumentProblem::NameMismatch);
    }
    let Some(last) = booking.legs.last() else {
        return Ok(());
    };
    let arrival = last.local_arrival().date_naive();
    let destination = &last.destination.country;
    let rule = rules.iter().find(|r| &r.destination == destination);
    let months = rule.map_or(0, |r| r.valid_months_after_arrival);
    let valid_until = arrival
        .checked_add_months(Months::new(months))
        .unwrap_or(arrival);
    if doc.expiry < valid_until {
        return Err(DocumentProblem::Expired { valid_until });
    }
    let Some(rule) = rule else {
        return Ok(());
    };
    let needs_visa = (rule.visa_required.iter().any(|n| n == "*")
        || rule.visa_required.contains(&doc.nationality))
        && !rule.visa_exempt.contains(&doc.nationality)
        && super::alpha2(&doc.nationality).is_none_or(|c| c != destination);
    if needs_visa {
        let held = passenger.documents.iter().any(|d| {
            matches!(
                d.kind,
                DocumentKind::Visa | DocumentKind::TravelAuthorisation
            ) && d.valid_for.as_deref() == Some(destination.as_str())
                && d.expiry >= arrival
        });
        if !held {
            return Err(DocumentProblem::VisaMissing {
                destination: destination.clone(),
            });
        }
    }
    if rule.address_required && passenger.destination_address.is_none() {
        return Err(DocumentProblem::AddressMissing {
            destination: destination.clone(),
        });
    }
    Ok(())
}

/// Is the holder named `surname` / `given_names` (as a document spells them) this booked
/// passenger? The one name test for scans, look-ups and checks.
pub fn is_holder(surname: &str, given_names: &str, passenger: &Passenger) -> bool {
    surnames_match(surname, &passenger.name.surname)
        && given_names_match(given_names, &passenger.name.given_without_title())
}

/// The first given name on the document appears among the booked ones (middle names and their
/// order may differ; titles are already gone).
pub fn given_names_match(document: &str, booked: &str) -> bool {
    let doc_first = document.split([' ', '<']).find(|w| !w.is_empty());
    let Some(doc_first) = doc_first else {
        return booked.trim().is_empty();
    };
    booked
        .split_whitespace()
        .any(|b| surnames_match(doc_first, b) || surnames_match(b, doc_first))
}
