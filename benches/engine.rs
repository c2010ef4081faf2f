//! How fast the check-in path is: a booking look-up, a seat map, seating a family, and a whole
//! headless check-in (engine + embedded airline with synchronous=FULL + spool printer).

use chrono::Utc;
use concierge::checkin::{BookingQuery, Engine, Identification, Settings};
use concierge::dcs::{BagTagPolicy, DepartureControl, SqliteAirline};
use concierge::headless::{PassengerChoice, Rehearsal, rehearse};
use concierge::print::SpoolPrinter;
use concierge::runtime::{Adapters, LogPager};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let airline = SqliteAirline::open(
        &dir.path().join("airline.sqlite"),
        BagTagPolicy::default(),
        Utc::now(),
    )
    .unwrap();
    let query = BookingQuery::Reference {
        reference: "KHAN22".into(),
        surname: "khan".into(),
    };
    c.bench_function("find_booking KHAN22", |b| {
        b.iter(|| black_box(airline.find_booking(&query, Utc::now()).unwrap()))
    });
    let flight = airline.find_booking(&query, Utc::now()).unwrap().legs[0].key();
    c.bench_function("seat_map A320", |b| {
        b.iter(|| black_box(airline.seat_map(&flight).unwrap()))
    });
    let map = airline.seat_map(&flight).unwrap();
    c.bench_function("find_together 4 seats", |b| {
        b.iter(|| black_box(map.find_together(4, 'Y', &[])))
    });

    let printer = SpoolPrinter::new(
        dir.path().join("spool"),
        Some(12),
        concierge::print::Paper::Atb,
    );
    let pager = LogPager;
    let adapters = Adapters {
        dcs: &airline,
        printer: &printer,
        pager: &pager,
        passes: &concierge::wallet::NoPhonePasses,
    };
    let plan = Rehearsal {
        identification: Identification::BookingReference {
            reference: "DEMO01".into(),
            surname: "DESMARAIS".into(),
        },
        passengers: PassengerChoice::All,
        seat: None,
        exit_row_eligible: false,
        bags: 0,
        documents: Vec::new(),
        locale: "en-US".into(),
    };
    let mut serial = 0;
    c.bench_function("headless check-in DEMO01 (reprint)", |b| {
        b.iter(|| {
            serial += 1;
            let mut engine = Engine::new(Settings::default(), serial);
            black_box(rehearse(&mut engine, &adapters, &Utc::now, &plan).unwrap())
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
