//! The embedded airline: an SQLite file seeded with the demo airline.
//!
//! Every change runs in an `IMMEDIATE` transaction, so kiosks sharing the file take turns:
//! two can never hold the same seat (the seat is also the table's key), a check-in sequence
//! number is never given twice (a per-flight counter only goes up; the pair flight/sequence is
//! unique), and a bag-tag licence plate is never reissued while its bag may still travel.

use super::demo::{DemoAirline, row_range};
use super::load::{self, trip_key};
use super::{DcsError, DepartureControl};
use crate::checkin::{BookingQuery, CheckInOrder, CheckedInPassenger};
use crate::config::parse_duration;
use crate::domain::{
    Booking, CheckinRecord, FlightKey, LicencePlate, PassengerId, PassengerType, Seat, Timestamp,
    surnames_match,
};
use chrono::{Datelike, TimeDelta};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE airline(designator TEXT PRIMARY KEY, numeric_code TEXT NOT NULL, name TEXT NOT NULL,
    opens_s INTEGER NOT NULL, closes_dom_s INTEGER NOT NULL, closes_intl_s INTEGER NOT NULL,
    bags_dom_s INTEGER NOT NULL, bags_intl_s INTEGER NOT NULL, boarding_s INTEGER NOT NULL);
CREATE TABLE airports(code TEXT PRIMARY KEY, name TEXT NOT NULL, city TEXT NOT NULL,
    country TEXT NOT NULL, time_zone TEXT NOT NULL);
CREATE TABLE aircraft(type TEXT PRIMARY KEY, layout TEXT NOT NULL);
CREATE TABLE aircraft_rows(type TEXT NOT NULL, row INTEGER NOT NULL, compartment TEXT NOT NULL,
    exit INTEGER NOT NULL, PRIMARY KEY(type, row));
CREATE TABLE flights(id INTEGER PRIMARY KEY, carrier TEXT NOT NULL, number INTEGER NOT NULL,
    origin TEXT NOT NULL, destination TEXT NOT NULL, offset_s INTEGER NOT NULL,
    duration_s INTEGER NOT NULL, gate TEXT, aircraft TEXT NOT NULL, status TEXT NOT NULL,
    UNIQUE(carrier, number));
CREATE TABLE bookings(reference TEXT PRIMARY KEY);
CREATE TABLE booking_legs(reference TEXT NOT NULL, leg INTEGER NOT NULL, flight_id INTEGER NOT NULL,
    PRIMARY KEY(reference, leg));
CREATE TABLE passengers(id INTEGER PRIMARY KEY, reference TEXT NOT NULL, ordinal INTEGER NOT NULL,
    surname TEXT NOT NULL, given_names TEXT NOT NULL, kind TEXT NOT NULL, birth_date TEXT,
    nationality TEXT NOT NULL, eticket TEXT NOT NULL UNIQUE, ff_number TEXT, ff_tier TEXT,
    lap_of INTEGER, ssr TEXT NOT NULL, allowance INTEGER NOT NULL);
CREATE INDEX passengers_ff ON passengers(ff_number);
CREATE TABLE passenger_legs(passenger_id INTEGER NOT NULL, leg INTEGER NOT NULL,
    compartment TEXT NOT NULL, booked_seat TEXT NOT NULL, PRIMARY KEY(passenger_id, leg));
CREATE TABLE documents(passenger_id INTEGER NOT NULL, kind TEXT NOT NULL, number TEXT NOT NULL,
    issuing_state TEXT NOT NULL, nationality TEXT NOT NULL, surname TEXT NOT NULL,
    given_names TEXT NOT NULL, birth_date TEXT, expiry TEXT NOT NULL, valid_for TEXT);
CREATE INDEX documents_number ON documents(number);
CREATE TABLE departures(flight_id INTEGER NOT NULL, date TEXT NOT NULL,
    next_sequence INTEGER NOT NULL, PRIMARY KEY(flight_id, date));
CREATE TABLE seats(flight_id INTEGER NOT NULL, date TEXT NOT NULL, seat TEXT NOT NULL,
    passenger_id INTEGER, PRIMARY KEY(flight_id, date, seat));
CREATE UNIQUE INDEX seats_passenger ON seats(flight_id, date, passenger_id)
    WHERE passenger_id IS NOT NULL;
CREATE TABLE checkins(passenger_id INTEGER NOT NULL, flight_id INTEGER NOT NULL, date TEXT NOT NULL,
    sequence INTEGER NOT NULL, seat TEXT, checked_in_at INTEGER NOT NULL,
    PRIMARY KEY(passenger_id, flight_id, date), UNIQUE(flight_id, date, sequence));
CREATE TABLE apis(passenger_id INTEGER NOT NULL, flight_id INTEGER NOT NULL, date TEXT NOT NULL,
    kind TEXT NOT NULL, number TEXT NOT NULL, issuing_state TEXT NOT NULL, nationality TEXT NOT NULL,
    surname TEXT NOT NULL, given_names TEXT NOT NULL, birth_date TEXT, expiry TEXT NOT NULL,
    recorded_at INTEGER NOT NULL, PRIMARY KEY(passenger_id, flight_id, date, kind));
CREATE TABLE bag_tags(plate TEXT PRIMARY KEY, passenger_id INTEGER NOT NULL, trip TEXT NOT NULL,
    destination TEXT NOT NULL, issued_at INTEGER NOT NULL, kiosk TEXT NOT NULL,
    void INTEGER NOT NULL DEFAULT 0);
CREATE INDEX bag_tags_trip ON bag_tags(passenger_id, trip);
CREATE TABLE bag_serials(kiosk TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE sequences(carrier TEXT NOT NULL, number INTEGER NOT NULL, date TEXT NOT NULL,
    next INTEGER NOT NULL, PRIMARY KEY(carrier, number, date));
"#,
    r#"
ALTER TABLE documents ADD COLUMN sex TEXT;
ALTER TABLE passengers ADD COLUMN residence TEXT;
ALTER TABLE passengers ADD COLUMN destination_address TEXT;
ALTER TABLE apis ADD COLUMN sex TEXT;
ALTER TABLE apis ADD COLUMN residence TEXT;
ALTER TABLE apis ADD COLUMN destination_address TEXT;
ALTER TABLE apis ADD COLUMN permit_kind TEXT;
ALTER TABLE apis ADD COLUMN permit_number TEXT;
CREATE TABLE no_board(number TEXT PRIMARY KEY);
"#,
    r#"
ALTER TABLE apis ADD COLUMN override_by TEXT;
ALTER TABLE apis ADD COLUMN override_reason TEXT;
"#,
    // A cancelled check-in's sequence number, kept for the same passenger's next check-in on
    // that flight (nobody else ever gets it, and cancelling again burns no new one).
    r#"
CREATE TABLE cancelled_checkins(passenger_id INTEGER NOT NULL, flight_id INTEGER NOT NULL,
    date TEXT NOT NULL, sequence INTEGER NOT NULL, PRIMARY KEY(passenger_id, flight_id, date));
"#,
    // Each time a passenger already checked in printed their pass again (a check-in again
    // that changed nothing): when, and how many so far.
    r#"
CREATE TABLE reprints(passenger_id INTEGER NOT NULL, flight_id INTEGER NOT NULL,
    date TEXT NOT NULL, printed_at INTEGER NOT NULL);
CREATE INDEX reprints_of ON reprints(passenger_id, flight_id, date);
"#,
    // What a staff member at a kiosk allowed beyond a passenger's rules (a check-in past the
    // close, a pass printed past the reprint limit): who, what, why and when.
    r#"
CREATE TABLE staff_overrides(passenger_id INTEGER NOT NULL, flight_id INTEGER NOT NULL,
    date TEXT NOT NULL, staff TEXT NOT NULL, action TEXT NOT NULL, reason TEXT NOT NULL,
    at INTEGER NOT NULL);
"#,
    // A bag tag replaced by staff: the old plate (voided for good) and the new one, for the same
    // bag; who and when.
    r#"
CREATE TABLE bag_tag_reissues(old_plate TEXT NOT NULL, new_plate TEXT NOT NULL,
    passenger_id INTEGER NOT NULL, staff TEXT NOT NULL, at INTEGER NOT NULL);
"#,
];

/// Tables that make up the demo's bookings and flights; `demo reset` empties these. Bag tags,
/// their serial counters and the check-in sequence counters are kept: a licence plate must not
/// come back while its bag may travel, nor a sequence number on the same flight and date.
const DEMO_TABLES: &[&str] = &[
    "airline",
    "airports",
    "aircraft",
    "aircraft_rows",
    "flights",
    "bookings",
    "booking_legs",
    "passengers",
    "passenger_legs",
    "documents",
    "departures",
    "seats",
    "checkins",
    "cancelled_checkins",
    "apis",
    "no_board",
];

/// The demo is moved forward once it is this old, so its flights stay where the bookings
/// expect them (open, closed, not yet open) at any hour.
const STALE_AFTER: TimeDelta = TimeDelta::minutes(30);

/// Advance passenger data (passport numbers, birth dates, addresses) is the authorities', for
/// one flight: it is deleted two days after the flight's date. The check-in stays.
pub const KEEP_APIS_DAYS: i64 = 2;

fn purge_apis(tx: &Transaction, now: Timestamp) -> Result<usize, DcsError> {
    let before = (now - TimeDelta::days(KEEP_APIS_DAYS))
        .date_naive()
        .to_string();
    Ok(tx.execute("DELETE FROM apis WHERE date < ?1", [before])?)
}

/// The highest check-in sequence number a boarding pass can carry (four digits, IATA 792).
pub const MAX_SEQUENCE: u16 = 9999;

/// Where this kiosk's bag-tag serials come from.
#[derive(Debug, Clone)]
pub struct BagTagPolicy {
    pub kiosk: String,
    /// First and last 6-digit serial of this kiosk's range.
    pub serials: (u32, u32),
    /// A serial is reused only after this long.
    pub quarantine: Duration,
}

impl Default for BagTagPolicy {
    fn default() -> Self {
        let c = crate::config::Config::default();
        BagTagPolicy {
            kiosk: c.kiosk.id,
            serials: c.bags.serials,
            quarantine: c.bags.quarantine,
        }
    }
}

pub struct SqliteAirline {
    conn: Mutex<Connection>,
    policy: BagTagPolicy,
}

impl std::fmt::Debug for SqliteAirline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteAirline")
            .field("policy", &self.policy)
            .finish()
    }
}

impl SqliteAirline {
    /// Opens the airline file, creating and seeding it with the embedded demo on first use and
    /// rolling the demo forward when stale.
    pub fn open(path: &Path, policy: BagTagPolicy, now: Timestamp) -> Result<Self, DcsError> {
        let demo = DemoAirline::embedded().map_err(|e| DcsError::Unavailable(e.to_string()))?;
        Self::open_with(path, policy, now, &demo)
    }

    pub fn open_with(
        path: &Path,
        policy: BagTagPolicy,
        now: Timestamp,
        demo: &DemoAirline,
    ) -> Result<Self, DcsError> {
        let mut conn = crate::store::open(path)?;
        crate::store::migrate(&mut conn, MIGRATIONS)?;
        let airline = SqliteAirline {
            conn: Mutex::new(conn),
            policy,
        };
        airline.write(|tx| {
            let seeded: Option<String> = tx
                .query_row("SELECT value FROM meta WHERE key = 'anchor'", [], |r| {
                    r.get(0)
                })
                .optional()?;
            purge_apis(tx, now)?;
            if seeded.is_none() {
                seed(tx, demo, now)?;
            } else {
                let anchor = load::anchor(tx)?;
                if now - anchor > STALE_AFTER || anchor - now > TimeDelta::minutes(5) {
                    set_anchor(tx, now)?;
                }
            }
            Ok(())
        })?;
        Ok(airline)
    }

    /// Starts the demo afresh: bookings, seats and check-ins as first seeded. Issued bag tags
    /// stay in quarantine (voided), so no licence plate comes back early.
    pub fn reset(&self, now: Timestamp) -> Result<(), DcsError> {
        let demo = DemoAirline::embedded().map_err(|e| DcsError::Unavailable(e.to_string()))?;
        self.write(|tx| {
            for table in DEMO_TABLES {
                tx.execute(&format!("DELETE FROM {table}"), [])?;
            }
            tx.execute("DELETE FROM meta WHERE key = 'anchor'", [])?;
            tx.execute("UPDATE bag_tags SET void = 1", [])?;
            seed(tx, &demo, now)
        })
    }

    /// The moment the demo's flight times are counted from.
    pub fn anchor(&self) -> Result<Timestamp, DcsError> {
        self.write(load::anchor)
    }

    /// Runs `f` in an IMMEDIATE transaction: other writers wait, and a failure rolls back.
    fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T, DcsError>) -> Result<T, DcsError> {
        let mut conn = self
            .conn
            .lock()
            .map_err(|_| DcsError::Unavailable("the airline store lock is poisoned".into()))?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Brings the passenger's active tags for this trip to `count`: new serials for bags
    /// added; tags beyond `count` are voided only when `void_extra` (an explicit act: staff
    /// taking a bag off). A check-in, first or again, never voids a tag: a bag already at the
    /// drop keeps its tag, and the answer lists every active tag.
    fn issue_tags(
        &self,
        tx: &Transaction,
        passenger: i64,
        count: u8,
        void_extra: bool,
        now: Timestamp,
    ) -> Result<Vec<LicencePlate>, DcsError> {
        let reference: String = tx
            .query_row(
                "SELECT reference FROM passengers WHERE id = ?1",
                [passenger],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(DcsError::NotFound)?;
        let booking = load::booking(tx, &reference)?;
        let (Some(first), Some(last)) = (booking.legs.first(), booking.legs.last()) else {
            return Err(DcsError::NotFound);
        };
        let flight = load::flight_id(tx, &first.key())?;
        let trip = trip_key(flight, first.key().date);
        let destination = last.destination.code.clone();
        let mut plates = load::active_tags(tx, passenger, &trip)?;
        if plates.len() >= usize::from(count) {
            if !void_extra {
                return Ok(plates);
            }
            for extra in plates.split_off(usize::from(count)) {
                tx.execute(
                    "UPDATE bag_tags SET void = 1 WHERE plate = ?1",
                    [extra.as_str()],
                )?;
            }
            return Ok(plates);
        }
        // The passenger's own plates voided on this trip (a cancelled check-in) come back first:
        // a void burns no serial, and no other bag ever carries them.
        while plates.len() < usize::from(count) {
            let mine: Option<String> = tx
                .query_row(
                    "SELECT plate FROM bag_tags WHERE passenger_id = ?1 AND trip = ?2 AND void = 2
                     ORDER BY issued_at, plate LIMIT 1",
                    params![passenger, trip],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(plate) = mine else {
                break;
            };
            tx.execute("UPDATE bag_tags SET void = 0 WHERE plate = ?1", [&plate])?;
            plates = load::active_tags(tx, passenger, &trip)?;
        }
        if plates.len() >= usize::from(count) {
            return Ok(plates);
        }
        let (first_serial, last_serial) = self.policy.serials;
        let span = u64::from(last_serial - first_serial) + 1;
        let mut next: u32 = tx
            .query_row(
                "SELECT next FROM bag_serials WHERE kiosk = ?1",
                [&self.policy.kiosk],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(first_serial);
        let quarantine_start = now.timestamp() - self.policy.quarantine.as_secs() as i64;
        let numeric = &booking.airline.numeric_code;
        while plates.len() < usize::from(count) {
            let mut found = None;
            for _ in 0..span {
                let serial = if (first_serial..=last_serial).contains(&next) {
                    next
                } else {
                    first_serial
                };
                next = if serial >= last_serial {
                    first_serial
                } else {
                    serial + 1
                };
                let plate = LicencePlate::new(0, numeric, serial)
                    .ok_or_else(|| DcsError::Unavailable("bad airline numeric code".into()))?;
                let issued: Option<i64> = tx
                    .query_row(
                        "SELECT issued_at FROM bag_tags WHERE plate = ?1",
                        [plate.as_str()],
                        |r| r.get(0),
                    )
                    .optional()?;
                match issued {
                    Some(at) if at > quarantine_start => continue,
                    Some(_) => {
                        tx.execute("DELETE FROM bag_tags WHERE plate = ?1", [plate.as_str()])?;
                    }
                    None => {}
                }
                found = Some(plate);
                break;
            }
            let plate = found.ok_or(DcsError::BagTagsExhausted)?;
            tx.execute(
                "INSERT INTO bag_tags(plate, passenger_id, trip, destination, issued_at, kiosk)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    plate.as_str(),
                    passenger,
                    trip,
                    destination,
                    now.timestamp(),
                    self.policy.kiosk
                ],
            )?;
            plates.push(plate);
        }
        tx.execute(
            "INSERT INTO bag_serials(kiosk, next) VALUES (?1, ?2)
             ON CONFLICT(kiosk) DO UPDATE SET next = excluded.next",
            params![self.policy.kiosk, next],
        )?;
        Ok(plates)
    }
}

fn set_anchor(tx: &Transaction, now: Timestamp) -> Result<(), DcsError> {
    // Whole five minutes: flight times read naturally (14:35, not 14:37:12).
    let secs = now.timestamp() - now.timestamp().rem_euclid(300);
    tx.execute(
        "INSERT INTO meta(key, value) VALUES ('anchor', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [secs.to_string()],
    )?;
    Ok(())
}

fn secs(text: &str) -> i64 {
    parse_duration(text).map_or(0, |d| d.as_secs() as i64)
}

/// Writes the demo airline into empty tables.
fn seed(tx: &Transaction, demo: &DemoAirline, now: Timestamp) -> Result<(), DcsError> {
    let a = &demo.airline;
    let w = &a.checkin;
    tx.execute(
        "INSERT INTO airline VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            a.designator,
            a.numeric_code,
            a.name,
            secs(&w.opens),
            secs(&w.closes_domestic),
            secs(&w.closes_international),
            secs(&w.bags_close_domestic),
            secs(&w.bags_close_international),
            secs(&w.boarding)
        ],
    )?;
    for number in &a.no_board_documents {
        tx.execute("INSERT OR IGNORE INTO no_board VALUES (?1)", [number])?;
    }
    for ap in &demo.airports {
        tx.execute(
            "INSERT INTO airports VALUES (?1, ?2, ?3, ?4, ?5)",
            params![ap.code, ap.name, ap.city, ap.country, ap.time_zone],
        )?;
    }
    for ac in &demo.aircraft {
        tx.execute(
            "INSERT INTO aircraft VALUES (?1, ?2)",
            params![ac.kind, ac.layout],
        )?;
        for cabin in &ac.cabins {
            let (first, last) = row_range(&cabin.rows).unwrap_or((1, 1));
            for row in first..=last {
                tx.execute(
                    "INSERT OR REPLACE INTO aircraft_rows VALUES (?1, ?2, ?3, ?4)",
                    params![
                        ac.kind,
                        row,
                        cabin.compartment.to_string(),
                        ac.exit_rows.contains(&row)
                    ],
                )?;
            }
        }
    }
    for f in &demo.flights {
        tx.execute(
            "INSERT INTO flights(carrier, number, origin, destination, offset_s, duration_s, gate,
                                 aircraft, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                a.designator,
                f.number,
                f.from,
                f.to,
                secs(&f.departs_in),
                secs(&f.duration),
                f.gate,
                f.aircraft,
                f.status.as_deref().unwrap_or("scheduled")
            ],
        )?;
    }
    for b in &demo.bookings {
        tx.execute("INSERT INTO bookings VALUES (?1)", [&b.reference])?;
        for (leg, number) in b.flights.iter().enumerate() {
            tx.execute(
                "INSERT INTO booking_legs VALUES (?1, ?2, (SELECT id FROM flights WHERE number = ?3))",
                params![b.reference, leg as i64, number],
            )?;
        }
        let mut ids = Vec::new();
        for (ordinal, p) in b.passengers.iter().enumerate() {
            let birth = p.birth_date.clone().or_else(|| {
                p.age.and_then(|age| {
                    let today = now.date_naive() - TimeDelta::days(100);
                    today
                        .with_year(today.year() - i32::from(age))
                        .map(|d| d.to_string())
                })
            });
            tx.execute(
                "INSERT INTO passengers(reference, ordinal, surname, given_names, kind, birth_date,
                    nationality, eticket, ff_number, ff_tier, lap_of, ssr, allowance, residence,
                    destination_address)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, ?11, ?12, ?13, ?14)",
                params![
                    b.reference,
                    ordinal as i64,
                    p.surname,
                    p.given,
                    p.kind,
                    birth,
                    p.nationality,
                    p.eticket,
                    p.frequent_flyer
                        .as_ref()
                        .map(|f| f.number.to_ascii_uppercase()),
                    p.frequent_flyer.as_ref().and_then(|f| f.tier.clone()),
                    p.special_services.join(","),
                    p.allowance,
                    p.residence,
                    p.destination_address
                ],
            )?;
            let id = tx.last_insert_rowid();
            ids.push(id);
            for leg in 0..b.flights.len() {
                let seat = p.seats.get(leg).cloned().unwrap_or_default();
                tx.execute(
                    "INSERT INTO passenger_legs VALUES (?1, ?2, ?3, ?4)",
                    params![id, leg as i64, p.cabin.to_string(), seat],
                )?;
            }
            for d in &p.documents {
                tx.execute(
                    "INSERT INTO documents(passenger_id, kind, number, issuing_state, nationality,
                        surname, given_names, birth_date, expiry, valid_for, sex)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        id,
                        d.kind,
                        d.number,
                        d.issuing_state,
                        d.nationality,
                        d.surname,
                        d.given_names,
                        d.birth_date,
                        d.expiry,
                        d.valid_for,
                        d.sex.map(|c| c.to_string())
                    ],
                )?;
            }
        }
        for (p, id) in b.passengers.iter().zip(&ids) {
            if let Some(lap) = p.lap_of {
                tx.execute(
                    "UPDATE passengers SET lap_of = ?1 WHERE id = ?2",
                    params![ids[lap - 1], id],
                )?;
            }
        }
    }
    set_anchor(tx, now)
}

impl DepartureControl for SqliteAirline {
    fn find_booking(&self, query: &BookingQuery, now: Timestamp) -> Result<Booking, DcsError> {
        self.write(|tx| {
            let candidates: Vec<(String, Option<String>)> = match query {
                BookingQuery::Reference { reference, surname } => {
                    vec![(reference.to_ascii_uppercase(), Some(surname.clone()))]
                }
                BookingQuery::ForStaff { reference, .. } => {
                    vec![(reference.to_ascii_uppercase(), None)]
                }
                BookingQuery::ETicket { number, surname } => tx
                    .query_row(
                        "SELECT reference FROM passengers WHERE eticket = ?1",
                        [number],
                        |r| r.get(0),
                    )
                    .optional()?
                    .map(|r| (r, Some(surname.clone())))
                    .into_iter()
                    .collect(),
                BookingQuery::FrequentFlyer { number, surname } => {
                    let mut stmt = tx.prepare(
                        "SELECT DISTINCT reference FROM passengers WHERE ff_number = ?1",
                    )?;
                    stmt.query_map([number.to_ascii_uppercase()], |r| r.get(0))?
                        .map(|r| r.map(|r| (r, Some(surname.clone()))))
                        .collect::<Result<_, _>>()?
                }
                BookingQuery::Document { number, .. } => {
                    let mut stmt = tx.prepare(
                        "SELECT DISTINCT p.reference FROM documents d
                         JOIN passengers p ON p.id = d.passenger_id WHERE d.number = ?1",
                    )?;
                    let mut refs: Vec<(String, Option<String>)> = stmt
                        .query_map([number], |r| r.get(0))?
                        .map(|r| r.map(|r| (r, None)))
                        .collect::<Result<_, _>>()?;
                    if refs.is_empty() {
                        let mut all = tx.prepare("SELECT reference FROM bookings")?;
                        refs = all
                            .query_map([], |r| r.get(0))?
                            .map(|r| r.map(|r| (r, None)))
                            .collect::<Result<_, _>>()?;
                    }
                    refs
                }
            };
            let mut found: Vec<Booking> = Vec::new();
            for (reference, surname) in candidates {
                let booking = match load::booking(tx, &reference) {
                    Ok(b) => b,
                    Err(DcsError::NotFound) => continue,
                    Err(e) => return Err(e),
                };
                let matches = match (query, &surname) {
                    (BookingQuery::ETicket { number, .. }, Some(s)) => booking
                        .passengers
                        .iter()
                        .any(|p| &p.eticket == number && surnames_match(s, &p.name.surname)),
                    (BookingQuery::FrequentFlyer { number, .. }, Some(s)) => {
                        // The surname is the holder's, not anyone's on the booking.
                        !s.trim().is_empty()
                            && booking.passengers.iter().any(|p| {
                                p.frequent_flyer
                                    .as_ref()
                                    .is_some_and(|f| f.number.eq_ignore_ascii_case(number))
                                    && surnames_match(s, &p.name.surname)
                            })
                    }
                    (_, Some(s)) => booking
                        .passengers
                        .iter()
                        .any(|p| surnames_match(s, &p.name.surname)),
                    (
                        BookingQuery::Document {
                            surname,
                            given_names,
                            number,
                            birth_date,
                        },
                        None,
                    ) => {
                        // The holder must be on the booking, and its trip must start soon:
                        // from departed an hour ago to two days ahead.
                        let soon = booking.legs.first().is_some_and(|f| {
                            f.departure > now - TimeDelta::hours(1)
                                && f.departure < now + TimeDelta::hours(48)
                        });
                        // The holder, by name — and by the document: a passenger with an
                        // identity document on file is found only by that document's number,
                        // and a birth date on file must be the document's.
                        soon && booking.passengers.iter().any(|p| {
                            crate::documents::is_holder(surname, given_names, p)
                                && p.identity_document()
                                    .is_none_or(|d| d.number.eq_ignore_ascii_case(number))
                                && match (p.birth_date, birth_date) {
                                    (Some(a), Some(b)) => a == *b,
                                    _ => true,
                                }
                        })
                    }
                    (_, None) => true,
                };
                if matches {
                    found.push(booking);
                }
            }
            // Several (a frequent flyer with many trips): the one departing next.
            found.sort_by_key(|b| {
                b.legs
                    .first()
                    .map(|f| (f.departure < now - TimeDelta::hours(1), f.departure))
            });
            found.into_iter().next().ok_or(DcsError::NotFound)
        })
    }

    fn seat_map(&self, flight: &FlightKey) -> Result<crate::domain::SeatMap, DcsError> {
        self.write(|tx| {
            let id = load::flight_id(tx, flight)?;
            load::seat_map(tx, id, flight.date)
        })
    }

    fn assign_seats(
        &self,
        reference: &str,
        leg: usize,
        flight: &FlightKey,
        seats: &[(PassengerId, Seat)],
    ) -> Result<Vec<(PassengerId, Seat)>, DcsError> {
        self.write(|tx| {
            let flight_id: i64 = tx
                .query_row(
                    "SELECT flight_id FROM booking_legs WHERE reference = ?1 AND leg = ?2",
                    params![reference, leg as i64],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(DcsError::NotFound)?;
            if load::flight_id(tx, flight)? != flight_id {
                return Err(DcsError::Refused(format!(
                    "flight {flight} is not leg {} of this booking",
                    leg + 1
                )));
            }
            let date = flight.date.to_string();
            let map = load::seat_map(tx, flight_id, flight.date)?;
            for (pax, seat) in seats {
                let kind: Option<String> = tx
                    .query_row(
                        "SELECT kind FROM passengers WHERE id = ?1 AND reference = ?2",
                        params![pax.0, reference],
                        |r| r.get(0),
                    )
                    .optional()?;
                match kind.as_deref() {
                    None => return Err(DcsError::Refused(format!("passenger {pax} is not on this booking"))),
                    Some("infant") => {
                        return Err(DcsError::Refused("a lap infant has no seat of its own".into()));
                    }
                    _ => {}
                }
                if map.status(*seat).is_none() {
                    return Err(DcsError::Refused(format!("there is no seat {seat} on this aircraft")));
                }
                let holder: Option<Option<i64>> = tx
                    .query_row(
                        "SELECT passenger_id FROM seats WHERE flight_id = ?1 AND date = ?2 AND seat = ?3",
                        params![flight_id, date, seat.to_string()],
                        |r| r.get(0),
                    )
                    .optional()?;
                match holder {
                    Some(Some(h)) if h == pax.0 => continue,
                    Some(_) => return Err(DcsError::SeatTaken(*seat)),
                    None => {}
                }
                tx.execute(
                    "DELETE FROM seats WHERE flight_id = ?1 AND date = ?2 AND passenger_id = ?3",
                    params![flight_id, date, pax.0],
                )?;
                tx.execute(
                    "INSERT INTO seats(flight_id, date, seat, passenger_id) VALUES (?1, ?2, ?3, ?4)",
                    params![flight_id, date, seat.to_string(), pax.0],
                )?;
                tx.execute(
                    "UPDATE checkins SET seat = ?1 WHERE passenger_id = ?2 AND flight_id = ?3 AND date = ?4",
                    params![seat.to_string(), pax.0, flight_id, date],
                )?;
            }
            Ok(seats.to_vec())
        })
    }

    fn check_in(
        &self,
        order: &CheckInOrder,
        now: Timestamp,
    ) -> Result<Vec<CheckedInPassenger>, DcsError> {
        self.write(|tx| {
            // The store running for days (the airline service) forgets past flights' data too.
            purge_apis(tx, now)?;
            let booking = load::booking(tx, &order.reference)?;
            for (id, _) in &order.passengers {
                if booking.passenger(*id).is_none() {
                    // Never the booking reference: this message may reach a log.
                    return Err(DcsError::Refused(format!(
                        "passenger {id} is not on this booking"
                    )));
                }
            }
            // The destination's authorities answer board / no board before anything is printed.
            for (id, doc) in &order.documents {
                let refused: Option<String> = tx
                    .query_row("SELECT number FROM no_board WHERE number = ?1", [&doc.number], |r| r.get(0))
                    .optional()?;
                if refused.is_some() {
                    return Err(DcsError::NoBoard(*id));
                }
            }
            let mut records: Vec<Vec<CheckinRecord>> = vec![Vec::new(); order.passengers.len()];
            // A check-in again that changes nothing is a reprint: journalled, per leg.
            let reprint: Vec<bool> = order
                .passengers
                .iter()
                .map(|(id, bags)| booking.passenger(*id).is_some_and(|p| p.unchanged_by(*bags)))
                .collect();
            for (leg, flight) in booking.legs.iter().enumerate() {
                let key = flight.key();
                let flight_id = load::flight_id(tx, &key)?;
                let date = key.date.to_string();
                // Seat those still without one next to their party.
                let party: Vec<_> = order
                    .passengers
                    .iter()
                    .filter_map(|(id, _)| booking.passenger(*id))
                    .filter(|p| p.kind != PassengerType::Infant)
                    .collect();
                let unseated: Vec<_> = party
                    .iter()
                    .filter(|p| p.legs[leg].seat.is_none())
                    .collect();
                let mut new_seats = Vec::new();
                if let Some(first) = unseated.first() {
                    let map = load::seat_map(tx, flight_id, key.date)?;
                    let near: Vec<Seat> = party.iter().filter_map(|p| p.legs[leg].seat).collect();
                    let seats = map.find_together(unseated.len(), first.legs[leg].compartment, &near);
                    if seats.len() < unseated.len() {
                        return Err(DcsError::Refused(format!("no free seat left on {}", flight.designator())));
                    }
                    for (p, seat) in unseated.iter().zip(seats) {
                        tx.execute(
                            "INSERT INTO seats(flight_id, date, seat, passenger_id) VALUES (?1, ?2, ?3, ?4)",
                            params![flight_id, date, seat.to_string(), p.id.0],
                        )?;
                        new_seats.push((p.id, seat));
                    }
                }
                for (i, (id, _)) in order.passengers.iter().enumerate() {
                    let p = booking.passenger(*id).ok_or(DcsError::NotFound)?;
                    let seat = if p.kind == PassengerType::Infant {
                        None
                    } else {
                        p.legs[leg]
                            .seat
                            .or_else(|| new_seats.iter().find(|(s, _)| s == id).map(|(_, s)| *s))
                    };
                    let existing: Option<u16> = tx
                        .query_row(
                            "SELECT sequence FROM checkins WHERE passenger_id = ?1 AND flight_id = ?2 AND date = ?3",
                            params![id.0, flight_id, date],
                            |r| r.get(0),
                        )
                        .optional()?;
                    // A passenger checking in again after a cancel gets their own number back.
                    let existing = match existing {
                        Some(seq) => Some(seq),
                        None => {
                            let kept: Option<u16> = tx
                                .query_row(
                                    "DELETE FROM cancelled_checkins WHERE passenger_id = ?1
                                     AND flight_id = ?2 AND date = ?3 RETURNING sequence",
                                    params![id.0, flight_id, date],
                                    |r| r.get(0),
                                )
                                .optional()?;
                            if let Some(seq) = kept {
                                tx.execute(
                                    "INSERT INTO checkins VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                    params![id.0, flight_id, date, seq, seat.map(|s| s.to_string()), now.timestamp()],
                                )?;
                            }
                            kept
                        }
                    };
                    let sequence = match existing {
                        Some(seq) => {
                            tx.execute(
                                "UPDATE checkins SET seat = ?1 WHERE passenger_id = ?2 AND flight_id = ?3 AND date = ?4",
                                params![seat.map(|s| s.to_string()), id.0, flight_id, date],
                            )?;
                            seq
                        }
                        None => {
                            tx.execute(
                                "INSERT INTO sequences VALUES (?1, ?2, ?3, 1) ON CONFLICT DO NOTHING",
                                params![key.carrier, key.number, date],
                            )?;
                            let seq: i64 = tx.query_row(
                                "UPDATE sequences SET next = next + 1
                                 WHERE carrier = ?1 AND number = ?2 AND date = ?3 RETURNING next - 1",
                                params![key.carrier, key.number, date],
                                |r| r.get(0),
                            )?;
                            // IATA 792 gives the check-in sequence four digits: past 9999 a
                            // number would repeat on the boarding pass, so the kiosk stops and
                            // an agent takes over (the whole transaction rolls back).
                            let seq = u16::try_from(seq)
                                .ok()
                                .filter(|s| (1..=MAX_SEQUENCE).contains(s))
                                .ok_or_else(|| {
                                    DcsError::Refused(format!(
                                        "{} has used all {MAX_SEQUENCE} check-in sequence numbers for {date}",
                                        flight.designator()
                                    ))
                                })?;
                            tx.execute(
                                "INSERT INTO checkins VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                params![id.0, flight_id, date, seq, seat.map(|s| s.to_string()), now.timestamp()],
                            )?;
                            seq
                        }
                    };
                    for (pid, doc) in order.documents.iter().filter(|(pid, _)| pid == id) {
                        // The visa or travel authorisation held for the final destination.
                        let destination = booking.legs.last().map(|f| f.destination.country.clone());
                        let permit = p.documents.iter().find(|d| {
                            !d.kind.is_identity() && d.valid_for == destination
                        });
                        tx.execute(
                            "INSERT OR REPLACE INTO apis(passenger_id, flight_id, date, kind, number,
                                issuing_state, nationality, surname, given_names, birth_date, expiry,
                                recorded_at, sex, residence, destination_address, permit_kind,
                                permit_number)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                            params![
                                pid.0,
                                flight_id,
                                date,
                                doc.kind.code(),
                                doc.number,
                                doc.issuing_state,
                                doc.nationality,
                                doc.surname,
                                doc.given_names,
                                doc.birth_date.map(|d| d.to_string()),
                                doc.expiry.to_string(),
                                now.timestamp(),
                                doc.sex.map(|c| c.to_string()),
                                p.residence.clone().unwrap_or_else(|| doc.nationality.clone()),
                                p.destination_address,
                                permit.map(|d| d.kind.code()),
                                permit.map(|d| d.number.clone())
                            ],
                        )?;
                        // Accepted by staff over the kiosk's check: who and why.
                        if let Some(o) = order.overrides.iter().find(|o| o.passenger == *pid) {
                            tx.execute(
                                "UPDATE apis SET override_by = ?1, override_reason = ?2
                                 WHERE passenger_id = ?3 AND flight_id = ?4 AND date = ?5
                                   AND kind = ?6",
                                params![o.staff, o.reason, pid.0, flight_id, date, doc.kind.code()],
                            )?;
                        }
                    }
                    // First checked in then: the pass's date of issue, on every reprint too.
                    let issued: Option<i64> = tx
                        .query_row(
                            "SELECT checked_in_at FROM checkins
                             WHERE passenger_id = ?1 AND flight_id = ?2 AND date = ?3",
                            params![id.0, flight_id, date],
                            |r| r.get(0),
                        )
                        .optional()?;
                    if reprint[i] {
                        tx.execute(
                            "INSERT INTO reprints(passenger_id, flight_id, date, printed_at)
                             VALUES (?1, ?2, ?3, ?4)",
                            params![id.0, flight_id, date, now.timestamp()],
                        )?;
                    }
                    if let Some(a) = &order.staff {
                        tx.execute(
                            "INSERT INTO staff_overrides(passenger_id, flight_id, date, staff,
                                action, reason, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            params![
                                id.0,
                                flight_id,
                                date,
                                a.staff,
                                a.action.code(),
                                a.reason,
                                now.timestamp()
                            ],
                        )?;
                    }
                    records[i].push(CheckinRecord {
                        sequence,
                        seat,
                        issued: issued.and_then(|at| Timestamp::from_timestamp(at, 0)),
                        reprints: load::reprints(tx, id.0, flight_id, &date)?,
                    });
                }
            }
            let mut out = Vec::new();
            for ((id, bags), legs) in order.passengers.iter().zip(records) {
                let bag_tags = self.issue_tags(tx, id.0, *bags, false, now)?;
                out.push(CheckedInPassenger {
                    passenger: *id,
                    legs,
                    bag_tags,
                });
            }
            Ok(out)
        })
    }

    fn issue_bag_tags(
        &self,
        passenger: PassengerId,
        count: u8,
        now: Timestamp,
    ) -> Result<Vec<LicencePlate>, DcsError> {
        self.write(|tx| self.issue_tags(tx, passenger.0, count, true, now))
    }

    fn reissue_bag_tag(
        &self,
        passenger: PassengerId,
        plate: &LicencePlate,
        staff: &str,
        now: Timestamp,
    ) -> Result<Vec<LicencePlate>, DcsError> {
        self.write(|tx| {
            let owner: Option<(i64, String, i64)> = tx
                .query_row(
                    "SELECT passenger_id, trip, void FROM bag_tags WHERE plate = ?1",
                    [plate.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let trip = match owner {
                Some((id, trip, 0)) if id == passenger.0 => trip,
                _ => {
                    return Err(DcsError::Refused(format!(
                        "bag tag {plate} is not one of passenger {passenger}'s active tags"
                    )));
                }
            };
            let before = load::active_tags(tx, passenger.0, &trip)?;
            tx.execute(
                "UPDATE bag_tags SET void = 1 WHERE plate = ?1",
                [plate.as_str()],
            )?;
            let count = u8::try_from(before.len()).unwrap_or(u8::MAX);
            let after = self.issue_tags(tx, passenger.0, count, false, now)?;
            let Some(new) = after.iter().find(|p| !before.contains(p)) else {
                return Err(DcsError::BagTagsExhausted);
            };
            tx.execute(
                "INSERT INTO bag_tag_reissues(old_plate, new_plate, passenger_id, staff, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    plate.as_str(),
                    new.as_str(),
                    passenger.0,
                    staff,
                    now.timestamp()
                ],
            )?;
            Ok(after)
        })
    }

    fn booking_of(&self, passenger: PassengerId) -> Result<Booking, DcsError> {
        self.write(|tx| {
            let reference: String = tx
                .query_row(
                    "SELECT reference FROM passengers WHERE id = ?1",
                    [passenger.0],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(DcsError::NotFound)?;
            load::booking(tx, &reference)
        })
    }

    fn cancel_check_in(
        &self,
        reference: &str,
        passenger: PassengerId,
        _now: Timestamp,
    ) -> Result<(), DcsError> {
        self.write(|tx| {
            let on: Option<String> = tx
                .query_row(
                    "SELECT reference FROM passengers WHERE id = ?1",
                    [passenger.0],
                    |r| r.get(0),
                )
                .optional()?;
            if !on.is_some_and(|r| r.eq_ignore_ascii_case(reference)) {
                return Err(DcsError::NotFound);
            }
            tx.execute(
                "INSERT OR REPLACE INTO cancelled_checkins
                 SELECT passenger_id, flight_id, date, sequence FROM checkins WHERE passenger_id = ?1",
                [passenger.0],
            )?;
            tx.execute(
                "DELETE FROM checkins WHERE passenger_id = ?1",
                [passenger.0],
            )?;
            tx.execute(
                // 2: voided by a cancelled check-in, the passenger's own to have back.
                "UPDATE bag_tags SET void = 2 WHERE passenger_id = ?1 AND void = 0",
                [passenger.0],
            )?;
            Ok(())
        })
    }
}
