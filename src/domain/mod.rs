//! The airline's own words: bookings, passengers, flights, seats, bags and travel documents.
//! Plain data shared by the check-in engine, the airline store and the printers; no I/O here.

mod name;
mod seat;

pub use name::{BookedName, NameError, ascii_fold, normalize_surname_input, surnames_match};
pub use seat::{Seat, SeatError, SeatMap, SeatPosition, SeatRow, SeatStatus};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A moment in time. Every time the engine sees arrives as an event; nothing reads a clock.
pub type Timestamp = DateTime<Utc>;

/// An airport, with the time zone its local times (check-in windows, boarding pass date) use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Airport {
    /// IATA three-letter code, e.g. `LHE`.
    pub code: String,
    pub name: String,
    pub city: String,
    /// ISO 3166-1 alpha-2 country code: two airports in one country make a domestic flight.
    pub country: String,
    pub time_zone: Tz,
}

/// Whether a flight still operates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlightStatus {
    Scheduled,
    Cancelled,
}

/// One dated flight: a carrier's flight number on one local departure date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FlightKey {
    pub carrier: String,
    pub number: u16,
    /// Local date of departure at the origin airport (IATA 792 uses it for the Julian date).
    pub date: NaiveDate,
}

impl fmt::Display for FlightKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{} {}", self.carrier, self.number, self.date)
    }
}

/// When passengers may check in for a flight, as absolute times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinWindow {
    pub opens: Timestamp,
    pub closes: Timestamp,
    /// After this moment bags are no longer accepted (bag drop cut-off).
    pub bags_close: Timestamp,
}

/// Where a flight stands for check-in at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckinStatus {
    NotOpen { opens: Timestamp },
    Open,
    Closed { closed: Timestamp },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flight {
    pub carrier: String,
    pub number: u16,
    pub origin: Airport,
    pub destination: Airport,
    pub departure: Timestamp,
    pub arrival: Timestamp,
    pub boarding: Timestamp,
    pub gate: Option<String>,
    pub status: FlightStatus,
    pub checkin: CheckinWindow,
}

impl Flight {
    /// The flight as passengers read it: `NW 123`.
    pub fn designator(&self) -> String {
        format!("{} {}", self.carrier, self.number)
    }

    pub fn key(&self) -> FlightKey {
        FlightKey {
            carrier: self.carrier.clone(),
            number: self.number,
            date: self.local_departure().date_naive(),
        }
    }

    pub fn local_departure(&self) -> DateTime<Tz> {
        self.departure.with_timezone(&self.origin.time_zone)
    }

    pub fn local_boarding(&self) -> DateTime<Tz> {
        self.boarding.with_timezone(&self.origin.time_zone)
    }

    pub fn local_arrival(&self) -> DateTime<Tz> {
        self.arrival.with_timezone(&self.destination.time_zone)
    }

    /// A flight between two countries needs travel documents checked.
    pub fn is_international(&self) -> bool {
        self.origin.country != self.destination.country
    }

    pub fn checkin_status(&self, now: Timestamp) -> CheckinStatus {
        if now < self.checkin.opens {
            CheckinStatus::NotOpen {
                opens: self.checkin.opens,
            }
        } else if now >= self.checkin.closes {
            CheckinStatus::Closed {
                closed: self.checkin.closes,
            }
        } else {
            CheckinStatus::Open
        }
    }

    /// Whole minutes until check-in closes (negative once closed): what a paged agent needs to
    /// know first.
    pub fn minutes_until_close(&self, now: Timestamp) -> i64 {
        (self.checkin.closes - now).num_minutes()
    }
}

/// Passenger type codes as airlines use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PassengerType {
    Adult,
    /// 2 to 11 years old.
    Child,
    /// Under 2, on an adult's lap, no seat of its own.
    Infant,
}

impl PassengerType {
    pub fn code(self) -> &'static str {
        match self {
            PassengerType::Adult => "ADT",
            PassengerType::Child => "CHD",
            PassengerType::Infant => "INF",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PassengerId(pub i64);

impl fmt::Display for PassengerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrequentFlyer {
    pub airline: String,
    pub number: String,
    pub tier: Option<String>,
}

/// The kind of travel document, as ICAO 9303 and border agencies distinguish them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentKind {
    Passport,
    IdCard,
    Visa,
    /// An electronic travel authorisation (ESTA, ETA, eTA).
    TravelAuthorisation,
}

impl DocumentKind {
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Passport => "passport",
            DocumentKind::IdCard => "id_card",
            DocumentKind::Visa => "visa",
            DocumentKind::TravelAuthorisation => "travel_authorisation",
        }
    }

    /// Documents that identify the holder (as opposed to permits to enter).
    pub fn is_identity(self) -> bool {
        matches!(self, DocumentKind::Passport | DocumentKind::IdCard)
    }
}

/// A travel document, read from an MRZ or entered by the passenger online.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TravelDocument {
    pub kind: DocumentKind,
    pub number: String,
    /// ICAO 9303 alpha-3 code of the issuing state.
    pub issuing_state: String,
    pub nationality: String,
    pub surname: String,
    pub given_names: String,
    pub birth_date: Option<NaiveDate>,
    /// `M`, `F`, or `None` when unspecified (`<`, `X`).
    pub sex: Option<char>,
    pub expiry: NaiveDate,
    /// For visas and travel authorisations: the ISO alpha-2 country they admit to.
    pub valid_for: Option<String>,
}

/// What one passenger holds for one leg of the trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassengerLeg {
    /// IATA 792 compartment code, e.g. `J` business, `Y` economy.
    pub compartment: char,
    pub seat: Option<Seat>,
    /// Set once checked in.
    pub checked_in: Option<CheckinRecord>,
}

/// The airline's record that a passenger is checked in on a leg.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinRecord {
    /// Check-in sequence number, unique per flight and date.
    pub sequence: u16,
    /// `None` for a lap infant (printed as `INF`).
    pub seat: Option<Seat>,
    /// When the passenger was first checked in: the boarding pass's date of issue, the same on
    /// every reprint (so is its barcode).
    #[serde(default)]
    pub issued: Option<Timestamp>,
    /// How often the pass was printed again at a kiosk.
    #[serde(default)]
    pub reprints: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passenger {
    pub id: PassengerId,
    pub name: BookedName,
    pub kind: PassengerType,
    pub birth_date: Option<NaiveDate>,
    /// ISO 3166-1 alpha-3, as in a passport.
    pub nationality: String,
    /// 13-digit electronic ticket number: 3-digit airline code, 10-digit serial.
    pub eticket: String,
    pub frequent_flyer: Option<FrequentFlyer>,
    /// For a lap infant: the adult it travels with.
    pub lap_of: Option<PassengerId>,
    /// Special service request codes (IATA SSR: UMNR, WCHR, PETC …).
    pub special_services: Vec<String>,
    /// Free checked bags (pieces) per passenger.
    pub baggage_allowance: u8,
    /// Documents already on file (entered online or at an earlier check-in).
    pub documents: Vec<TravelDocument>,
    /// Country of residence (ICAO alpha-3), for advance passenger information.
    pub residence: Option<String>,
    /// Address at the destination, for countries that ask for one (the United States).
    pub destination_address: Option<String>,
    /// One entry per leg of the booking, in the booking's order.
    pub legs: Vec<PassengerLeg>,
    /// Bag-tag licence plates already issued to this passenger for this trip.
    pub bag_tags: Vec<LicencePlate>,
}

impl Passenger {
    pub fn needs_seat(&self) -> bool {
        self.kind != PassengerType::Infant
    }

    pub fn identity_document(&self) -> Option<&TravelDocument> {
        self.documents.iter().find(|d| d.kind.is_identity())
    }

    /// Would checking in again with `bags` change nothing? Checked in on every leg, in the seat
    /// held now, with exactly that many bags tagged: such a check-in is a reprint.
    pub fn unchanged_by(&self, bags: u8) -> bool {
        !self.legs.is_empty()
            && self.legs.iter().all(|l| {
                l.checked_in
                    .as_ref()
                    .is_some_and(|r| self.kind == PassengerType::Infant || r.seat == l.seat)
            })
            && self.bag_tags.len() == usize::from(bags)
    }

    /// How often this passenger's pass was printed again (the most of any leg).
    pub fn reprints(&self) -> u8 {
        self.legs
            .iter()
            .filter_map(|l| l.checked_in.as_ref())
            .map(|r| r.reprints)
            .max()
            .unwrap_or(0)
    }
}

/// A booking (PNR): who travels on which flights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    /// Six-character record locator, e.g. `KHAN22`.
    pub reference: String,
    pub airline: Airline,
    pub passengers: Vec<Passenger>,
    /// The legs, in travel order.
    pub legs: Vec<Flight>,
}

impl Booking {
    pub fn passenger(&self, id: PassengerId) -> Option<&Passenger> {
        self.passengers.iter().find(|p| p.id == id)
    }

    pub fn is_international(&self) -> bool {
        self.legs.iter().any(Flight::is_international)
    }

    /// The airport the passenger's bags and trip end at.
    pub fn final_destination(&self) -> Option<&Airport> {
        self.legs.last().map(|f| &f.destination)
    }
}

/// The operating airline as printed documents need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Airline {
    /// IATA two-character designator.
    pub designator: String,
    /// IATA three-digit accounting (numeric) code: e-tickets and bag tags start with it.
    pub numeric_code: String,
    pub name: String,
}

/// A bag-tag licence plate (IATA Resolution 740): leading digit, 3-digit airline code,
/// 6-digit serial number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LicencePlate(String);

impl TryFrom<String> for LicencePlate {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        LicencePlate::parse(&s).ok_or_else(|| format!("{s:?} is not a 10-digit licence plate"))
    }
}

impl From<LicencePlate> for String {
    fn from(p: LicencePlate) -> String {
        p.0
    }
}

impl LicencePlate {
    pub fn new(leading: u8, airline_numeric: &str, serial: u32) -> Option<Self> {
        if leading > 9
            || airline_numeric.len() != 3
            || !airline_numeric.bytes().all(|b| b.is_ascii_digit())
            || serial > 999_999
        {
            return None;
        }
        Some(LicencePlate(format!(
            "{leading}{airline_numeric}{serial:06}"
        )))
    }

    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit())).then(|| LicencePlate(s.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn serial(&self) -> u32 {
        self.0[4..].parse().unwrap_or(0)
    }

    /// The plate as printed for people: carrier designator and serial, e.g. `NW 123456`.
    pub fn airline_form(&self, designator: &str) -> String {
        format!("{designator} {}", &self.0[4..])
    }
}

impl fmt::Display for LicencePlate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licence_plate_has_ten_digits_with_airline_code() {
        let plate = LicencePlate::new(0, "987", 4512).unwrap();
        assert_eq!(plate.as_str(), "0987004512");
        assert_eq!(plate.serial(), 4512);
        assert_eq!(plate.airline_form("NW"), "NW 004512");
        assert!(LicencePlate::new(0, "98", 1).is_none());
        assert!(LicencePlate::new(0, "987", 1_000_000).is_none());
        assert!(LicencePlate::parse("09870045a2").is_none());
    }
}
