//! Reading the embedded airline's rows back into domain types, inside a transaction.

use super::DcsError;
use crate::domain::{
    Airline, Airport, BookedName, Booking, CheckinRecord, CheckinWindow, DocumentKind, Flight,
    FlightKey, FlightStatus, FrequentFlyer, LicencePlate, Passenger, PassengerId, PassengerLeg,
    PassengerType, Seat, SeatMap, SeatRow, SeatStatus, Timestamp, TravelDocument,
};
use chrono::{DateTime, NaiveDate, TimeDelta};
use rusqlite::{OptionalExtension, Transaction, params};

pub(super) fn anchor(tx: &Transaction) -> Result<Timestamp, DcsError> {
    let secs: i64 = tx
        .query_row("SELECT value FROM meta WHERE key = 'anchor'", [], |r| {
            r.get::<_, String>(0)
        })?
        .parse()
        .map_err(|_| DcsError::Unavailable("the demo anchor is corrupt".into()))?;
    DateTime::from_timestamp(secs, 0)
        .ok_or_else(|| DcsError::Unavailable("the demo anchor is out of range".into()))
}

pub(super) fn airline(tx: &Transaction) -> Result<Airline, DcsError> {
    Ok(tx.query_row(
        "SELECT designator, numeric_code, name FROM airline LIMIT 1",
        [],
        |r| {
            Ok(Airline {
                designator: r.get(0)?,
                numeric_code: r.get(1)?,
                name: r.get(2)?,
            })
        },
    )?)
}

fn airport(tx: &Transaction, code: &str) -> Result<Airport, DcsError> {
    let (name, city, country, tz): (String, String, String, String) = tx.query_row(
        "SELECT name, city, country, time_zone FROM airports WHERE code = ?1",
        [code],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let time_zone = tz
        .parse()
        .map_err(|_| DcsError::Unavailable(format!("airport {code}: unknown time zone {tz}")))?;
    Ok(Airport {
        code: code.into(),
        name,
        city,
        country,
        time_zone,
    })
}

pub(super) fn flight(tx: &Transaction, id: i64) -> Result<Flight, DcsError> {
    let anchor = anchor(tx)?;
    let row = tx.query_row(
        "SELECT carrier, number, origin, destination, offset_s, duration_s, gate, aircraft, status
         FROM flights WHERE id = ?1",
        [id],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u16>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
            ))
        },
    )?;
    let (carrier, number, origin, destination, offset, duration, gate, _aircraft, status) = row;
    let origin = airport(tx, &origin)?;
    let destination = airport(tx, &destination)?;
    let domestic = origin.country == destination.country;
    let (opens, closes_dom, closes_intl, bags_dom, bags_intl, boarding): (
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
    ) = tx.query_row(
        "SELECT opens_s, closes_dom_s, closes_intl_s, bags_dom_s, bags_intl_s, boarding_s
         FROM airline WHERE designator = ?1",
        [&carrier],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        },
    )?;
    let departure = anchor + TimeDelta::seconds(offset);
    let (closes, bags) = if domestic {
        (closes_dom, bags_dom)
    } else {
        (closes_intl, bags_intl)
    };
    Ok(Flight {
        carrier,
        number,
        origin,
        destination,
        departure,
        arrival: departure + TimeDelta::seconds(duration),
        boarding: departure - TimeDelta::seconds(boarding),
        gate,
        status: if status == "cancelled" {
            FlightStatus::Cancelled
        } else {
            FlightStatus::Scheduled
        },
        checkin: CheckinWindow {
            opens: departure - TimeDelta::seconds(opens),
            closes: departure - TimeDelta::seconds(closes),
            bags_close: departure - TimeDelta::seconds(bags),
        },
    })
}

pub(super) fn flight_id(tx: &Transaction, key: &FlightKey) -> Result<i64, DcsError> {
    tx.query_row(
        "SELECT id FROM flights WHERE carrier = ?1 AND number = ?2",
        params![key.carrier, key.number],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(DcsError::NotFound)
}

/// A small, stable hash: the demo's other passengers sit in the same seats on every machine.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Creates a dated flight's seat occupancy the first time anyone touches it: the demo
/// passengers' booked seats, and other (fictional) passengers in about half the rest.
pub(super) fn ensure_departure(
    tx: &Transaction,
    flight: i64,
    date: NaiveDate,
) -> Result<(), DcsError> {
    let date_s = date.to_string();
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO departures(flight_id, date, next_sequence) VALUES (?1, ?2, 1)",
        params![flight, date_s],
    )?;
    if inserted == 0 {
        return Ok(());
    }
    let mut booked: Vec<(i64, String)> = Vec::new();
    {
        let mut stmt = tx.prepare(
            "SELECT p.id, pl.booked_seat FROM passengers p
             JOIN passenger_legs pl ON pl.passenger_id = p.id
             JOIN booking_legs bl ON bl.reference = p.reference AND bl.leg = pl.leg
             WHERE bl.flight_id = ?1 AND pl.booked_seat <> ''",
        )?;
        let rows = stmt.query_map([flight], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for row in rows {
            booked.push(row?);
        }
    }
    for (pax, seat) in &booked {
        tx.execute(
            "INSERT OR IGNORE INTO seats(flight_id, date, seat, passenger_id) VALUES (?1, ?2, ?3, ?4)",
            params![flight, date_s, seat, pax],
        )?;
    }
    let booked_rows: Vec<u16> = booked
        .iter()
        .filter_map(|(_, s)| s.parse::<Seat>().ok().map(|s| s.row))
        .collect();
    let map = empty_map(tx, flight)?;
    let number: i64 = tx.query_row("SELECT number FROM flights WHERE id = ?1", [flight], |r| {
        r.get(0)
    })?;
    let last_row = map.rows.iter().map(|r| r.number).max().unwrap_or(0);
    for row in &map.rows {
        // Kept free: rows where a demo party sits (families find seats together), exit rows
        // (to rehearse the eligibility question) and the last three rows.
        if booked_rows.contains(&row.number) || row.exit || row.number + 3 > last_row {
            continue;
        }
        for column in map.columns() {
            let seat = Seat {
                row: row.number,
                column,
            };
            if fnv(&format!("{number}/{date_s}/{seat}")) % 100 < 45 {
                tx.execute(
                    "INSERT OR IGNORE INTO seats(flight_id, date, seat, passenger_id) VALUES (?1, ?2, ?3, NULL)",
                    params![flight, date_s, seat.to_string()],
                )?;
            }
        }
    }
    Ok(())
}

/// The aircraft's seat map with every seat free.
fn empty_map(tx: &Transaction, flight: i64) -> Result<SeatMap, DcsError> {
    let (aircraft, layout): (String, String) = tx.query_row(
        "SELECT a.type, a.layout FROM flights f JOIN aircraft a ON a.type = f.aircraft WHERE f.id = ?1",
        [flight],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let width = layout.chars().filter(|c| *c != '|').count();
    let mut stmt = tx
        .prepare("SELECT row, compartment, exit FROM aircraft_rows WHERE type = ?1 ORDER BY row")?;
    let rows = stmt
        .query_map([aircraft], |r| {
            let compartment: String = r.get(1)?;
            Ok(SeatRow {
                number: r.get(0)?,
                compartment: compartment.chars().next().unwrap_or('Y'),
                exit: r.get(2)?,
                seats: vec![SeatStatus::Free; width],
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SeatMap { layout, rows })
}

pub(super) fn seat_map(
    tx: &Transaction,
    flight: i64,
    date: NaiveDate,
) -> Result<SeatMap, DcsError> {
    ensure_departure(tx, flight, date)?;
    let mut map = empty_map(tx, flight)?;
    let mut stmt = tx.prepare("SELECT seat FROM seats WHERE flight_id = ?1 AND date = ?2")?;
    let taken = stmt.query_map(params![flight, date.to_string()], |r| r.get::<_, String>(0))?;
    for seat in taken {
        if let Ok(seat) = seat?.parse::<Seat>() {
            map.set_status(seat, SeatStatus::Taken);
        }
    }
    Ok(map)
}

/// The trip a bag tag belongs to: the passenger's first leg on its date.
pub(super) fn trip_key(flight: i64, date: NaiveDate) -> String {
    format!("{flight}/{date}")
}

pub(super) fn booking(tx: &Transaction, reference: &str) -> Result<Booking, DcsError> {
    let exists: Option<String> = tx
        .query_row(
            "SELECT reference FROM bookings WHERE reference = ?1",
            [reference],
            |r| r.get(0),
        )
        .optional()?;
    let Some(reference) = exists else {
        return Err(DcsError::NotFound);
    };
    let leg_ids: Vec<i64> = {
        let mut stmt =
            tx.prepare("SELECT flight_id FROM booking_legs WHERE reference = ?1 ORDER BY leg")?;
        stmt.query_map([&reference], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    let mut legs = Vec::new();
    let mut keys = Vec::new();
    for id in &leg_ids {
        let f = flight(tx, *id)?;
        let date = f.key().date;
        ensure_departure(tx, *id, date)?;
        keys.push((*id, date));
        legs.push(f);
    }
    let mut passengers = Vec::new();
    let rows: Vec<PassengerRowData> = {
        let mut stmt = tx.prepare(
            "SELECT id, surname, given_names, kind, birth_date, nationality, eticket, ff_number,
                    ff_tier, lap_of, ssr, allowance, residence, destination_address
             FROM passengers WHERE reference = ?1 ORDER BY ordinal",
        )?;
        stmt.query_map([&reference], |r| {
            Ok(PassengerRowData {
                id: r.get(0)?,
                surname: r.get(1)?,
                given: r.get(2)?,
                kind: r.get(3)?,
                birth_date: r.get(4)?,
                nationality: r.get(5)?,
                eticket: r.get(6)?,
                ff_number: r.get(7)?,
                ff_tier: r.get(8)?,
                lap_of: r.get(9)?,
                ssr: r.get(10)?,
                allowance: r.get(11)?,
                residence: r.get(12)?,
                destination_address: r.get(13)?,
            })
        })?
        .collect::<Result<_, _>>()?
    };
    let airline = airline(tx)?;
    for p in rows {
        let mut pax_legs = Vec::new();
        for (leg, (flight, date)) in keys.iter().enumerate() {
            let date_s = date.to_string();
            let compartment: String = tx
                .query_row(
                    "SELECT compartment FROM passenger_legs WHERE passenger_id = ?1 AND leg = ?2",
                    params![p.id, leg as i64],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or_else(|| "Y".into());
            let seat: Option<String> = tx
                .query_row(
                    "SELECT seat FROM seats WHERE flight_id = ?1 AND date = ?2 AND passenger_id = ?3",
                    params![flight, date_s, p.id],
                    |r| r.get(0),
                )
                .optional()?;
            let checked_in = tx
                .query_row(
                    "SELECT sequence, seat, checked_in_at FROM checkins
                     WHERE passenger_id = ?1 AND flight_id = ?2 AND date = ?3",
                    params![p.id, flight, date_s],
                    |r| {
                        Ok((
                            r.get::<_, u16>(0)?,
                            r.get::<_, Option<String>>(1)?,
                            r.get::<_, i64>(2)?,
                        ))
                    },
                )
                .optional()?;
            let checked_in = match checked_in {
                Some((sequence, seat, at)) => Some(CheckinRecord {
                    sequence,
                    seat: seat.and_then(|s| s.parse().ok()),
                    issued: Timestamp::from_timestamp(at, 0),
                    reprints: reprints(tx, p.id, *flight, &date_s)?,
                }),
                None => None,
            };
            pax_legs.push(PassengerLeg {
                compartment: compartment.chars().next().unwrap_or('Y'),
                seat: seat.and_then(|s| s.parse().ok()),
                checked_in,
            });
        }
        let documents = documents(tx, p.id)?;
        let bag_tags = match keys.first() {
            Some((flight, date)) => active_tags(tx, p.id, &trip_key(*flight, *date))?,
            None => Vec::new(),
        };
        passengers.push(Passenger {
            id: PassengerId(p.id),
            name: BookedName::new(p.surname, p.given),
            kind: match p.kind.as_str() {
                "child" => PassengerType::Child,
                "infant" => PassengerType::Infant,
                _ => PassengerType::Adult,
            },
            birth_date: p.birth_date.and_then(|d| d.parse().ok()),
            nationality: p.nationality,
            eticket: p.eticket,
            frequent_flyer: p.ff_number.map(|number| FrequentFlyer {
                airline: airline.designator.clone(),
                number,
                tier: p.ff_tier,
            }),
            lap_of: p.lap_of.map(PassengerId),
            special_services: p
                .ssr
                .split(',')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            baggage_allowance: p.allowance,
            documents,
            residence: p.residence,
            destination_address: p.destination_address,
            legs: pax_legs,
            bag_tags,
        });
    }
    Ok(Booking {
        reference,
        airline,
        passengers,
        legs,
    })
}

struct PassengerRowData {
    id: i64,
    surname: String,
    given: String,
    kind: String,
    birth_date: Option<String>,
    nationality: String,
    eticket: String,
    ff_number: Option<String>,
    ff_tier: Option<String>,
    lap_of: Option<i64>,
    ssr: String,
    allowance: u8,
    residence: Option<String>,
    destination_address: Option<String>,
}

fn documents(tx: &Transaction, passenger: i64) -> Result<Vec<TravelDocument>, DcsError> {
    let mut stmt = tx.prepare(
        "SELECT kind, number, issuing_state, nationality, surname, given_names, birth_date,
                expiry, valid_for, sex
         FROM documents WHERE passenger_id = ?1",
    )?;
    let docs = stmt
        .query_map([passenger], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, Option<String>>(9)?,
            ))
        })?
        .filter_map(|row| {
            let (
                kind,
                number,
                issuing_state,
                nationality,
                surname,
                given_names,
                birth,
                expiry,
                valid_for,
                sex,
            ) = row.ok()?;
            Some(TravelDocument {
                kind: document_kind(&kind)?,
                number,
                issuing_state,
                nationality,
                surname,
                given_names,
                birth_date: birth.and_then(|d| d.parse().ok()),
                expiry: expiry.parse().ok()?,
                valid_for,
                sex: sex.and_then(|s| s.chars().next()),
            })
        })
        .collect();
    Ok(docs)
}

pub(super) fn document_kind(code: &str) -> Option<DocumentKind> {
    Some(match code {
        "passport" => DocumentKind::Passport,
        "id_card" => DocumentKind::IdCard,
        "visa" => DocumentKind::Visa,
        "travel_authorisation" => DocumentKind::TravelAuthorisation,
        _ => return None,
    })
}

pub(super) fn active_tags(
    tx: &Transaction,
    passenger: i64,
    trip: &str,
) -> Result<Vec<LicencePlate>, DcsError> {
    let mut stmt = tx.prepare(
        "SELECT plate FROM bag_tags WHERE passenger_id = ?1 AND trip = ?2 AND void = 0
         ORDER BY issued_at, plate",
    )?;
    let plates = stmt
        .query_map(params![passenger, trip], |r| r.get::<_, String>(0))?
        .filter_map(|p| p.ok().and_then(|p| LicencePlate::parse(&p)))
        .collect();
    Ok(plates)
}

/// How often a passenger printed their pass again on a flight and date.
pub fn reprints(tx: &Transaction, passenger: i64, flight: i64, date: &str) -> Result<u8, DcsError> {
    let n: i64 = tx.query_row(
        "SELECT COUNT(*) FROM reprints WHERE passenger_id = ?1 AND flight_id = ?2 AND date = ?3",
        params![passenger, flight, date],
        |r| r.get(0),
    )?;
    Ok(u8::try_from(n).unwrap_or(u8::MAX))
}
