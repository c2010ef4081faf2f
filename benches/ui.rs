//! The heaviest screen, the seat map (a family of four on an A320): building the view, laying
//! it out and drawing a frame with the software renderer, and a seat tap end to end (update,
//! the airline's seat transaction, view).

use concierge::checkin::{Event, Settings, Step};
use concierge::dcs::{BagTagPolicy, SqliteAirline};
use concierge::domain::{Seat, SeatStatus};
use concierge::metrics::SqliteMetrics;
use concierge::print::{Paper, SpoolPrinter};
use concierge::runtime::LogPager;
use concierge::ui::{Backend, KeyPress, Kiosk, Message, Options};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;

fn kiosk_on_seats(dir: &std::path::Path) -> Kiosk {
    let dcs = SqliteAirline::open(
        &dir.join("airline.sqlite"),
        BagTagPolicy::default(),
        chrono::Utc::now(),
    )
    .unwrap();
    let backend = Backend {
        health: Default::default(),
        platform: None,
        dcs: Arc::new(dcs),
        printer: std::sync::Arc::new(SpoolPrinter::new(dir.join("spool"), Some(4), Paper::Atb)),
        pager: Arc::new(LogPager),
        metrics: Arc::new(SqliteMetrics::open(&dir.join("kiosk.sqlite")).unwrap()),
        gate: None,
        voice: None,
        passes: Arc::new(concierge::wallet::NoPhonePasses),
    };
    let mut k = Kiosk::new(
        Settings::default(),
        backend,
        Options::demo(),
        concierge::ui::system_clock(),
    );
    let send = |k: &mut Kiosk, m: Message| {
        let _ = k.update(m);
        k.settle();
    };
    send(&mut k, Message::start());
    for c in "KHAN22KHAN".chars() {
        send(&mut k, Message::keypad(KeyPress::Char(c)));
    }
    send(&mut k, Message::find());
    send(&mut k, Message::Engine(Event::ConfirmPassengers));
    let ids: Vec<_> = k.engine().session().selected.clone();
    for id in ids {
        send(&mut k, Message::Engine(Event::ConfirmDocumentOnFile(id)));
    }
    assert_eq!(k.engine().session().step, Step::Seats);
    k
}

fn free_seats(k: &Kiosk) -> Vec<Seat> {
    let map = k.engine().session().seat_map.clone().unwrap();
    map.rows
        .iter()
        .filter(|r| r.compartment == 'Y' && !r.exit)
        .flat_map(|r| {
            map.columns()
                .into_iter()
                .zip(r.seats.clone())
                .filter(|(_, s)| *s == SeatStatus::Free)
                .map(move |(column, _)| Seat {
                    row: r.number,
                    column,
                })
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    // SAFETY: set before any thread reads the environment.
    unsafe { std::env::set_var("ICED_TEST_BACKEND", "tiny-skia") };
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_on_seats(dir.path());
    // Fonts load once (into the process-wide font system), as in the kiosk.
    let with_fonts = iced::Settings {
        fonts: concierge::ui::fonts::for_welcome(&["en-US".into()])
            .into_iter()
            .map(|f| f.bytes().into())
            .collect(),
        default_font: concierge::ui::fonts::DEFAULT,
        ..iced::Settings::default()
    };
    drop(iced_test::Simulator::with_size(
        with_fonts,
        (1280.0, 800.0),
        kiosk.view(),
    ));
    let settings = iced::Settings {
        default_font: concierge::ui::fonts::DEFAULT,
        ..iced::Settings::default()
    };
    c.bench_function("seat map: view", |b| b.iter(|| black_box(kiosk.view())));
    c.bench_function("seat map: view + layout (1280x800)", |b| {
        b.iter(|| {
            black_box(iced_test::Simulator::with_size(
                settings.clone(),
                (1280.0, 800.0),
                kiosk.view(),
            ))
        })
    });
    // iced_test draws at scale factor 2 (2560x1600 pixels): four times the kiosk's pixels.
    c.bench_function(
        "seat map: view + layout + draw a frame (tiny-skia, 2560x1600)",
        |b| {
            let theme = kiosk.theme();
            b.iter(|| {
                let mut ui = iced_test::Simulator::with_size(
                    settings.clone(),
                    (1280.0, 800.0),
                    kiosk.view(),
                );
                black_box(ui.snapshot(&theme).unwrap())
            })
        },
    );
    let seats = free_seats(&kiosk);
    let (a, b2) = (seats[seats.len() - 1], seats[seats.len() - 2]);
    let first = kiosk.engine().session().selected[0];
    let mut flip = false;
    c.bench_function(
        "seat map: tap a seat (update + airline transaction + view)",
        |b| {
            b.iter(|| {
                flip = !flip;
                // The same passenger moves between two free seats: a real transaction each time.
                let _ = kiosk.update(Message::seat_for(first));
                let _ = kiosk.update(Message::seat(if flip { a } else { b2 }));
                kiosk.settle();
                let view = kiosk.view();
                black_box(&view);
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
