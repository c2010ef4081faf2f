//! Helpers shared by the integration tests.

use concierge::dcs::{BagTagPolicy, DemoAirline, SqliteAirline};
use concierge::domain::Timestamp;
use std::path::Path;
use std::time::Duration;

pub fn now() -> Timestamp {
    chrono::Utc::now()
}

pub fn policy(kiosk: &str, serials: (u32, u32)) -> BagTagPolicy {
    BagTagPolicy {
        kiosk: kiosk.into(),
        serials,
        quarantine: Duration::from_secs(30 * 86_400),
    }
}

/// The demo airline plus `extra` one-passenger bookings `BULK000`… (surnames `BULKA`…) on
/// flight NW 432, a wide-body, for tests that need many passengers on one flight.
pub fn bulk_demo(extra: usize) -> DemoAirline {
    let mut demo = DemoAirline::embedded().unwrap();
    let template = demo
        .bookings
        .iter()
        .find(|b| b.reference == "DEMO02")
        .unwrap()
        .clone();
    for i in 0..extra {
        let mut b = template.clone();
        b.reference = format!("BULK{i:03}");
        b.flights = vec![432];
        b.passengers[0].seats = vec![String::new()];
        b.passengers[0].surname = bulk_surname(i);
        b.passengers[0].eticket = format!("98755{i:08}");
        demo.bookings.push(b);
    }
    demo
}

pub fn open_bulk(path: &Path, kiosk: &str, extra: usize) -> SqliteAirline {
    SqliteAirline::open_with(
        path,
        policy(kiosk, (100_000, 999_999)),
        now(),
        &bulk_demo(extra),
    )
    .unwrap()
}

/// The surname of bulk booking `i`.
pub fn bulk_surname(i: usize) -> String {
    format!("BULK{}", (b'A' + (i % 26) as u8) as char)
}

/// Runs the kiosk's help worker until `key` reaches `want` (or `within` passes); returns the
/// status it ended at, for the caller to assert.
pub async fn step_until(
    pager: &concierge::help::Pager,
    key: &str,
    want: &concierge::help::HelpStatus,
    within: Duration,
) -> concierge::help::HelpStatus {
    let worker = concierge::help::Worker::new(pager.clone());
    let deadline = std::time::Instant::now() + within;
    loop {
        let status = pager.status(key).unwrap();
        if &status == want || std::time::Instant::now() >= deadline {
            return status;
        }
        worker.step().await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
