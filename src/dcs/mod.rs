//! The airline's departure control system (DCS): bookings, seat maps, check-in, bag tags.
//!
//! [`DepartureControl`] is what the kiosk needs from any airline system; [`SqliteAirline`] is
//! the embedded one, seeded with the demo airline (`assets/demo/airline.toml`), and an HTTP
//! client for a real airline plugs in behind the same trait.

mod demo;
pub mod http;
mod load;
pub mod rules;
mod sqlite;

pub use demo::{DemoAirline, DemoError};
pub use http::HttpAirline;
pub use rules::Rules;
pub use sqlite::{BagTagPolicy, SqliteAirline};

use crate::checkin::{BookingQuery, CheckInOrder, CheckedInPassenger, DcsFailure};
use crate::domain::{Booking, FlightKey, LicencePlate, PassengerId, Seat, SeatMap, Timestamp};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum DcsError {
    #[error("no booking matches")]
    NotFound,
    #[error("seat {0} is taken")]
    SeatTaken(Seat),
    #[error("refused: {0}")]
    Refused(String),
    #[error("the destination's authorities answered \"no board\" for passenger {0}")]
    NoBoard(PassengerId),
    #[error(
        "no bag-tag serial is free in this kiosk's range: every one was issued within the quarantine"
    )]
    BagTagsExhausted,
    #[error("the airline store failed: {0}")]
    Store(#[from] rusqlite::Error),
    #[error("the airline system is unavailable: {0}")]
    Unavailable(String),
}

impl DcsError {
    /// The engine's view of the failure.
    pub fn to_failure(&self) -> DcsFailure {
        match self {
            DcsError::NotFound => DcsFailure::NotFound,
            DcsError::SeatTaken(s) => DcsFailure::SeatTaken(*s),
            DcsError::Refused(r) => DcsFailure::Refused(r.clone()),
            DcsError::NoBoard(p) => DcsFailure::NoBoard(*p),
            DcsError::BagTagsExhausted => DcsFailure::Refused(self.to_string()),
            DcsError::Store(_) | DcsError::Unavailable(_) => {
                DcsFailure::Unavailable(self.to_string())
            }
        }
    }
}

/// What the kiosk asks of an airline system.
pub trait DepartureControl: Send + Sync {
    /// Finds the booking a passenger identified themselves with; `now` bounds searches by
    /// document to flights departing soon.
    fn find_booking(&self, query: &BookingQuery, now: Timestamp) -> Result<Booking, DcsError>;

    fn seat_map(&self, flight: &FlightKey) -> Result<SeatMap, DcsError>;

    /// Assigns all the seats in one transaction, or none (another kiosk may have just taken
    /// one). Returns the seats now held.
    fn assign_seats(
        &self,
        reference: &str,
        leg: usize,
        flight: &FlightKey,
        seats: &[(PassengerId, Seat)],
    ) -> Result<Vec<(PassengerId, Seat)>, DcsError>;

    /// Checks the passengers in on every leg of the booking: seats for those without one (next
    /// to their party), check-in sequence numbers (the same ones again for a passenger already
    /// checked in), bag tags, and the advance passenger information from their documents.
    fn check_in(
        &self,
        order: &CheckInOrder,
        now: Timestamp,
    ) -> Result<Vec<CheckedInPassenger>, DcsError>;

    /// Issues licence plates for a passenger's bags on this trip, so that the passenger holds
    /// exactly `count`: plates already issued are kept (a reprint gets the same numbers).
    fn issue_bag_tags(
        &self,
        passenger: PassengerId,
        count: u8,
        now: Timestamp,
    ) -> Result<Vec<LicencePlate>, DcsError>;

    /// Undoes a check-in on every leg of booking `reference`: the seat stays held, the bags
    /// are unloaded (tags void).
    fn cancel_check_in(
        &self,
        reference: &str,
        passenger: PassengerId,
        now: Timestamp,
    ) -> Result<(), DcsError>;

    /// Staff replace a bag tag (torn, misprinted, lost off the bag): the old plate is voided for
    /// good and the same bag gets a new one, both journalled with the staff member. Returns the
    /// passenger's active plates (the new one among them).
    fn reissue_bag_tag(
        &self,
        _passenger: PassengerId,
        _plate: &LicencePlate,
        _staff: &str,
        _now: Timestamp,
    ) -> Result<Vec<LicencePlate>, DcsError> {
        Err(DcsError::Unavailable(
            "this airline system does not reissue bag tags".into(),
        ))
    }

    /// The booking a passenger is on, as the airline holds it now: for the airline service,
    /// which checks its own rules before it acts for a caller.
    fn booking_of(&self, _passenger: PassengerId) -> Result<Booking, DcsError> {
        Err(DcsError::Unavailable(
            "this airline system does not look bookings up by passenger".into(),
        ))
    }
}
