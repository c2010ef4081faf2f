//! The embedded airline store: sequence numbers, seat races between kiosks, bag-tag serials,
//! durability across restarts and a killed process, and the demo rolling forward.

use crate::common::{bulk_surname, now, open_bulk, policy};
use chrono::TimeDelta;
use concierge::checkin::{BookingQuery, CheckInOrder};
use concierge::dcs::{BagTagPolicy, DcsError, DepartureControl, SqliteAirline};
use concierge::domain::{Booking, CheckinStatus, PassengerId, Seat, SeatStatus};
use std::collections::HashSet;
use std::io::BufRead;
use std::sync::{Arc, Barrier};
use std::time::Duration;

fn find(dcs: &dyn DepartureControl, reference: &str, surname: &str) -> Booking {
    dcs.find_booking(
        &BookingQuery::Reference {
            reference: reference.into(),
            surname: surname.into(),
        },
        now(),
    )
    .unwrap()
}

fn order(b: &Booking, bags: u8) -> CheckInOrder {
    CheckInOrder {
        reference: b.reference.clone(),
        passengers: b.passengers.iter().map(|p| (p.id, bags)).collect(),
        documents: Vec::new(),
        overrides: Vec::new(),
        staff: None,
    }
}

fn sequence_of(dcs: &dyn DepartureControl, reference: &str, surname: &str) -> u16 {
    let b = find(dcs, reference, surname);
    dcs.check_in(&order(&b, 0), now()).unwrap()[0].legs[0].sequence
}

#[test]
fn sequence_numbers_follow_on_and_repeat_for_a_reprint_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("airline.sqlite");
    {
        let dcs = SqliteAirline::open(&path, policy("K1", (100_000, 199_999)), now()).unwrap();
        assert_eq!(sequence_of(&dcs, "DEMO01", "desmarais"), 1);
        assert_eq!(sequence_of(&dcs, "DEMO02", "Tremblay"), 2);
        assert_eq!(sequence_of(&dcs, "DEMO01", "DESMARAIS"), 1, "a reprint");
    }
    let dcs = SqliteAirline::open(&path, policy("K1", (100_000, 199_999)), now()).unwrap();
    assert_eq!(sequence_of(&dcs, "DEMO02", "TREMBLAY"), 2);
    let b = find(&dcs, "DEMO01", "desmarais");
    assert_eq!(
        b.passengers[0].legs[0]
            .checked_in
            .as_ref()
            .unwrap()
            .sequence,
        1
    );
    // A cancelled check-in never gives its number to someone else, and the same passenger
    // checking in again gets it back: cancelling in a loop burns no numbers.
    for _ in 0..3 {
        dcs.cancel_check_in("DEMO01", b.passengers[0].id, now())
            .unwrap();
        assert_eq!(sequence_of(&dcs, "DEMO01", "desmarais"), 1);
    }
    // Nobody cancels a check-in by guessing a passenger's id without the booking.
    assert!(matches!(
        dcs.cancel_check_in("DEMO02", b.passengers[0].id, now()),
        Err(concierge::dcs::DcsError::NotFound)
    ));
}

#[test]
fn a_lap_infant_gets_its_own_sequence_number_and_no_seat() {
    let dir = tempfile::tempdir().unwrap();
    let dcs = SqliteAirline::open(
        &dir.path().join("a.sqlite"),
        policy("K1", (100_000, 199_999)),
        now(),
    )
    .unwrap();
    let b = find(&dcs, "KHAN22", "khan");
    let done = dcs.check_in(&order(&b, 0), now()).unwrap();
    let seqs: HashSet<u16> = done.iter().map(|p| p.legs[0].sequence).collect();
    assert_eq!(seqs.len(), 4);
    assert_eq!(done[3].legs[0].seat, None, "Omar travels on Ayesha's lap");
    // Zara had no seat: she sits next to her parents in 14A and 14B.
    assert_eq!(done[2].legs[0].seat, Some("14C".parse().unwrap()));
}

#[test]
fn two_kiosks_racing_for_one_seat_never_both_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("airline.sqlite");
    let a = Arc::new(open_bulk(&path, "K1", 8));
    let b = Arc::new(open_bulk(&path, "K2", 8));
    let flight = find(a.as_ref(), "BULK000", &bulk_surname(0)).legs[0].key();
    let map = a.seat_map(&flight).unwrap();
    let free: Vec<Seat> = map
        .rows
        .iter()
        .filter(|r| r.compartment == 'Y')
        .flat_map(|r| {
            map.columns().into_iter().map(move |c| Seat {
                row: r.number,
                column: c,
            })
        })
        .filter(|s| map.status(*s) == Some(SeatStatus::Free))
        .take(20)
        .collect();
    assert!(free.len() >= 20);
    let racers: Vec<(Arc<SqliteAirline>, Booking)> = (0..8)
        .map(|i| {
            let kiosk = if i % 2 == 0 { a.clone() } else { b.clone() };
            let booking = find(kiosk.as_ref(), &format!("BULK{i:03}"), &bulk_surname(i));
            (kiosk, booking)
        })
        .collect();
    for seat in free {
        let barrier = Arc::new(Barrier::new(racers.len()));
        let handles: Vec<_> = racers
            .iter()
            .map(|(kiosk, booking)| {
                let (kiosk, booking, barrier) = (kiosk.clone(), booking.clone(), barrier.clone());
                let flight = flight.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    kiosk.assign_seats(
                        &booking.reference,
                        0,
                        &flight,
                        &[(booking.passengers[0].id, seat)],
                    )
                })
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let won = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(won, 1, "seat {seat}: {results:?}");
        assert!(
            results
                .iter()
                .filter_map(|r| r.as_ref().err())
                .all(|e| matches!(e, DcsError::SeatTaken(s) if *s == seat)),
            "{results:?}"
        );
    }
}

#[test]
fn concurrent_check_ins_on_two_kiosks_never_share_a_sequence_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("airline.sqlite");
    let a = Arc::new(open_bulk(&path, "K1", 40));
    let b = Arc::new(open_bulk(&path, "K2", 40));
    let barrier = Arc::new(Barrier::new(40));
    let handles: Vec<_> = (0..40usize)
        .map(|i| {
            let kiosk = if i % 2 == 0 { a.clone() } else { b.clone() };
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let booking = find(kiosk.as_ref(), &format!("BULK{i:03}"), &bulk_surname(i));
                barrier.wait();
                let done = kiosk.check_in(&order(&booking, 1), now()).unwrap();
                (
                    done[0].legs[0].sequence,
                    done[0].legs[0].seat,
                    done[0].bag_tags.clone(),
                )
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let seqs: HashSet<u16> = results.iter().map(|r| r.0).collect();
    let seats: HashSet<_> = results.iter().map(|r| r.1).collect();
    let tags: HashSet<_> = results.iter().flat_map(|r| r.2.clone()).collect();
    assert_eq!(seqs.len(), 40, "sequence numbers unique");
    assert_eq!(seqs, (1..=40).collect(), "and without gaps");
    assert_eq!(seats.len(), 40, "seats unique");
    assert_eq!(tags.len(), 40, "licence plates unique across kiosks");
}

#[test]
fn bag_tags_are_kept_on_reprint_and_never_repeat_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("airline.sqlite");
    let mut seen = HashSet::new();
    let first;
    {
        let dcs = SqliteAirline::open(&path, policy("K1", (100_000, 199_999)), now()).unwrap();
        let b = find(&dcs, "KHAN22", "khan");
        let ali = b.passengers[0].id;
        first = dcs.issue_bag_tags(ali, 2, now()).unwrap();
        assert_eq!(first.len(), 2);
        assert_eq!(
            dcs.issue_bag_tags(ali, 2, now()).unwrap(),
            first,
            "a reprint"
        );
        // Through check-in too.
        let done = dcs.check_in(&order(&b, 2), now()).unwrap();
        assert_eq!(done[0].bag_tags, first);
        for p in &done {
            for t in &p.bag_tags {
                assert!(
                    t.as_str().starts_with("0987"),
                    "leading 0, airline code 987"
                );
                seen.insert(t.clone());
            }
        }
        assert_eq!(seen.len(), 8);
    }
    let dcs = SqliteAirline::open(&path, policy("K1", (100_000, 199_999)), now()).unwrap();
    let b = find(&dcs, "CONX01", "okafor");
    let more = dcs.issue_bag_tags(b.passengers[0].id, 3, now()).unwrap();
    for t in &more {
        assert!(seen.insert(t.clone()), "{t} issued twice");
    }
    // The bag goes to the final destination of a through check-in.
    assert_eq!(b.final_destination().unwrap().code, "LHR");
    // A demo reset keeps the plates in quarantine.
    dcs.reset(now()).unwrap();
    let b = find(&dcs, "KHAN22", "khan");
    assert!(
        b.passengers[0].bag_tags.is_empty(),
        "reset starts the bookings afresh"
    );
    for t in dcs.issue_bag_tags(b.passengers[0].id, 3, now()).unwrap() {
        assert!(seen.insert(t.clone()), "{t} reissued after reset");
    }
}

#[test]
fn each_kiosk_issues_from_its_own_range_and_wraps_only_after_quarantine() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("airline.sqlite");
    let small = BagTagPolicy {
        kiosk: "K9".into(),
        serials: (500_000, 500_002),
        quarantine: Duration::from_secs(7 * 86_400),
    };
    let dcs = SqliteAirline::open(&path, small.clone(), now()).unwrap();
    let b = find(&dcs, "KHAN22", "khan");
    let tags = dcs.issue_bag_tags(b.passengers[0].id, 3, now()).unwrap();
    let serials: Vec<u32> = tags.iter().map(|t| t.serial()).collect();
    assert_eq!(serials, [500_000, 500_001, 500_002]);
    let err = dcs
        .issue_bag_tags(b.passengers[1].id, 1, now())
        .unwrap_err();
    assert!(matches!(err, DcsError::BagTagsExhausted), "{err}");
    // Eight days later the first plate's bag has long arrived: it may be reused.
    let later = now() + TimeDelta::days(8);
    let reused = dcs.issue_bag_tags(b.passengers[1].id, 1, later).unwrap();
    assert_eq!(reused[0].serial(), 500_000);
    // Another kiosk with its own range never collides.
    let other = SqliteAirline::open(&path, policy("K2", (600_000, 699_999)), now()).unwrap();
    let theirs = other.issue_bag_tags(b.passengers[2].id, 1, now()).unwrap();
    assert_eq!(theirs[0].serial(), 600_000);
}

#[test]
fn a_seat_assignment_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dcs = SqliteAirline::open(
        &dir.path().join("a.sqlite"),
        policy("K1", (100_000, 199_999)),
        now(),
    )
    .unwrap();
    let b = find(&dcs, "KHAN22", "khan");
    let flight = b.legs[0].key();
    let map = dcs.seat_map(&flight).unwrap();
    let taken = map
        .rows
        .iter()
        .flat_map(|r| {
            map.columns().into_iter().map(move |c| Seat {
                row: r.number,
                column: c,
            })
        })
        .find(|s| map.status(*s) == Some(SeatStatus::Taken) && s.row != 14)
        .unwrap();
    // The demo fills about half the seats, differently each day; the last three rows are
    // always kept free.
    let last = map.rows.iter().map(|r| r.number).max().unwrap();
    let free = Seat {
        row: last - 1,
        column: 'A',
    };
    assert_eq!(map.status(free), Some(SeatStatus::Free));
    let err = dcs
        .assign_seats(
            "KHAN22",
            0,
            &flight,
            &[(b.passengers[0].id, free), (b.passengers[1].id, taken)],
        )
        .unwrap_err();
    assert!(matches!(err, DcsError::SeatTaken(s) if s == taken));
    let after = find(&dcs, "KHAN22", "khan");
    assert_eq!(
        after.passengers[0].legs[0].seat,
        Some("14A".parse().unwrap()),
        "the first seat was not taken either"
    );
    // Infants have no seat; strangers cannot move a booking's passengers.
    let omar = b.passengers[3].id;
    assert!(matches!(
        dcs.assign_seats("KHAN22", 0, &flight, &[(omar, free)]),
        Err(DcsError::Refused(_))
    ));
    assert!(matches!(
        dcs.assign_seats("DEMO01", 0, &flight, &[(PassengerId(1), free)]),
        Err(DcsError::Refused(_))
    ));
}

#[test]
fn the_demo_rolls_forward_so_its_bookings_work_at_any_hour() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("airline.sqlite");
    let seeded = now() - TimeDelta::days(3);
    let old = SqliteAirline::open(&path, policy("K1", (100_000, 199_999)), seeded).unwrap();
    let anchor = old.anchor().unwrap();
    assert!(anchor <= seeded && seeded - anchor < TimeDelta::minutes(5));
    drop(old);
    let dcs = SqliteAirline::open(&path, policy("K1", (100_000, 199_999)), now()).unwrap();
    assert!(now() - dcs.anchor().unwrap() < TimeDelta::minutes(5));
    let status = |r: &str, s: &str| find(&dcs, r, s).legs[0].checkin_status(now());
    assert_eq!(status("DEMO01", "desmarais"), CheckinStatus::Open);
    assert_eq!(status("KHAN22", "khan"), CheckinStatus::Open);
    assert!(matches!(
        status("LATE99", "smith"),
        CheckinStatus::Closed { .. }
    ));
    assert!(matches!(
        status("EARLY1", "patel"),
        CheckinStatus::NotOpen { .. }
    ));
}

#[test]
fn bookings_are_found_every_way_a_passenger_identifies() {
    let dir = tempfile::tempdir().unwrap();
    let dcs = SqliteAirline::open(
        &dir.path().join("a.sqlite"),
        policy("K1", (100_000, 199_999)),
        now(),
    )
    .unwrap();
    let q = |query: BookingQuery| dcs.find_booking(&query, now()).map(|b| b.reference);
    assert_eq!(
        q(BookingQuery::Reference {
            reference: "muel01".into(),
            surname: "MUELLER".into()
        })
        .unwrap(),
        "MUEL01"
    );
    assert_eq!(
        q(BookingQuery::ETicket {
            number: "9872200000013".into(),
            surname: "khan".into()
        })
        .unwrap(),
        "KHAN22"
    );
    assert!(matches!(
        q(BookingQuery::ETicket {
            number: "9872200000013".into(),
            surname: "smith".into()
        }),
        Err(DcsError::NotFound)
    ));
    assert_eq!(
        q(BookingQuery::FrequentFlyer {
            number: "nw100234".into(),
            surname: "desmarais".into(),
        })
        .unwrap(),
        "DEMO01"
    );
    // The number alone, or with another name, finds nothing.
    for surname in ["", "TREMBLAY"] {
        assert!(matches!(
            q(BookingQuery::FrequentFlyer {
                number: "NW100234".into(),
                surname: surname.into(),
            }),
            Err(DcsError::NotFound)
        ));
    }
    // A passport scanned at the kiosk: by its number if on file, else by name on a flight soon.
    assert_eq!(
        q(BookingQuery::Document {
            surname: "ERIKSSON".into(),
            given_names: "ANNA MARIA".into(),
            number: "L898902C3".into(),
            birth_date: None
        })
        .unwrap(),
        "ERIK01"
    );
    assert_eq!(
        q(BookingQuery::Document {
            surname: "KHAN".into(),
            given_names: "AYESHA".into(),
            number: "AK1234572".into(),
            birth_date: None
        })
        .unwrap(),
        "KHAN22"
    );
    assert!(matches!(
        q(BookingQuery::Reference {
            reference: "DEMO01".into(),
            surname: "TREMBLAY".into()
        }),
        Err(DcsError::NotFound)
    ));
}

/// Set in the child process of the crash test: the directory it works in.
const CRASH_CHILD: &str = "CONCIERGE_CRASH_CHILD";

#[test]
fn a_process_killed_mid_check_in_loses_nothing_and_repeats_nothing() {
    if let Ok(dir) = std::env::var(CRASH_CHILD) {
        // The child: check passengers in one by one, each with a bag, and say what it got
        // only after the store committed it. It runs until killed.
        let dcs = open_bulk(
            &std::path::Path::new(&dir).join("airline.sqlite"),
            "K1",
            120,
        );
        for i in 0..120usize {
            let b = find(&dcs, &format!("BULK{i:03}"), &bulk_surname(i));
            let done = dcs.check_in(&order(&b, 1), now()).unwrap();
            println!(
                "done {} {} {}",
                i, done[0].legs[0].sequence, done[0].bag_tags[0]
            );
        }
        std::thread::sleep(Duration::from_secs(60));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "store::a_process_killed_mid_check_in_loses_nothing_and_repeats_nothing",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CRASH_CHILD, dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut reported = Vec::new();
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.unwrap();
        // libtest may print its own "test … ..." before the first line of output.
        if let Some(rest) = line.find("done ").map(|at| &line[at + 5..]) {
            let parts: Vec<String> = rest.split(' ').map(String::from).collect();
            reported.push(parts);
            if reported.len() == 30 {
                // kill -9, in the middle of the next check-in.
                child.kill().unwrap();
                break;
            }
        }
    }
    child.wait().unwrap();
    assert_eq!(reported.len(), 30, "the child reported its check-ins");

    let dcs = open_bulk(&dir.path().join("airline.sqlite"), "K1", 120);
    for r in &reported {
        let i: usize = r[0].parse().unwrap();
        let b = find(&dcs, &format!("BULK{i:03}"), &bulk_surname(i));
        let p = &b.passengers[0];
        let record = p.legs[0]
            .checked_in
            .as_ref()
            .expect("a reported check-in survived the kill");
        assert_eq!(record.sequence.to_string(), r[1]);
        assert_eq!(p.bag_tags[0].to_string(), r[2], "the bag tag survived");
    }
    // Carry on after the restart (the check-in cut off by the kill, if it committed, is a
    // reprint now): no two passengers ever share a sequence number or a licence plate.
    let mut seqs = HashSet::new();
    let mut tags = HashSet::new();
    for i in 0..60usize {
        let b = find(&dcs, &format!("BULK{i:03}"), &bulk_surname(i));
        let done = dcs.check_in(&order(&b, 1), now()).unwrap();
        if let Some(r) = reported.get(i) {
            assert_eq!(done[0].legs[0].sequence.to_string(), r[1], "a reprint");
            assert_eq!(done[0].bag_tags[0].to_string(), r[2], "a reprint");
        }
        assert!(seqs.insert(done[0].legs[0].sequence), "sequence repeated");
        assert!(tags.insert(done[0].bag_tags[0].clone()), "bag tag repeated");
    }
    let integrity: String = rusqlite::Connection::open(dir.path().join("airline.sqlite"))
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

/// IATA 792 gives the check-in sequence four digits. Past 9999 a number would repeat on the
/// boarding pass (three passengers once shared "9999"): the airline refuses instead, and the
/// number is not used up by the refusal.
#[test]
fn sequence_numbers_stop_at_9999_never_repeat() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite");
    let dcs = open_bulk(&path, "K1", 3);
    let first = find(&dcs, "BULK000", &bulk_surname(0));
    let key = first.legs[0].key();
    let db = rusqlite::Connection::open(&path).unwrap();
    db.execute(
        "INSERT OR REPLACE INTO sequences VALUES (?1, ?2, ?3, 9999)",
        rusqlite::params![key.carrier, key.number, key.date.to_string()],
    )
    .unwrap();
    let done = dcs.check_in(&order(&first, 0), now()).unwrap();
    assert_eq!(done[0].legs[0].sequence, 9999);
    let second = find(&dcs, "BULK001", &bulk_surname(1));
    let refused = dcs.check_in(&order(&second, 0), now());
    assert!(
        matches!(&refused, Err(DcsError::Refused(why)) if why.contains("9999")),
        "{refused:?}"
    );
    // Refused again the same way, and nothing half-done: no record for the second passenger.
    assert!(dcs.check_in(&order(&second, 0), now()).is_err());
    let records: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM checkins WHERE passenger_id = ?1",
            [second.passengers[0].id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(records, 0);
    // The first passenger's reprint keeps 9999.
    let again = dcs.check_in(&order(&first, 0), now()).unwrap();
    assert_eq!(again[0].legs[0].sequence, 9999);
}

/// Advance passenger data (passport numbers, birth dates) leaves the airline store two days
/// after the flight; the check-in itself stays (before: kept for ever).
#[test]
fn passport_data_is_purged_after_the_flight() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("airline.sqlite");
    let count = |sql: &str| -> i64 {
        rusqlite::Connection::open(&path)
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    {
        let dcs = SqliteAirline::open(&path, policy("K1", (100_000, 199_999)), now()).unwrap();
        let b = find(&dcs, "KHAN22", "khan");
        let ali = &b.passengers[0];
        let order = CheckInOrder {
            reference: "KHAN22".into(),
            passengers: vec![(ali.id, 0)],
            documents: vec![(ali.id, ali.identity_document().unwrap().clone())],
            overrides: Vec::new(),
            staff: None,
        };
        dcs.check_in(&order, now()).unwrap();
    }
    assert!(count("SELECT COUNT(*) FROM apis WHERE number = 'AK1234561'") > 0);
    // A day later it is still there (the flight may be delayed); four days later it is gone.
    drop(
        SqliteAirline::open(
            &path,
            policy("K1", (100_000, 199_999)),
            now() + TimeDelta::days(1),
        )
        .unwrap(),
    );
    assert!(count("SELECT COUNT(*) FROM apis WHERE number = 'AK1234561'") > 0);
    drop(
        SqliteAirline::open(
            &path,
            policy("K1", (100_000, 199_999)),
            now() + TimeDelta::days(4),
        )
        .unwrap(),
    );
    assert_eq!(count("SELECT COUNT(*) FROM apis"), 0);
}
