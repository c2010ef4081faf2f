//! Help: the tap → durable time (the request committed to the outbox, `synchronous=FULL`;
//! target < 10 ms) with criterion, then tap → delivered to a receiver on loopback (target
//! < 200 ms p99), printed as percentiles over many pages.

use axum::Router;
use axum::routing::post;
use concierge::checkin::{Page, Reason, Step};
use concierge::config::Config;
use concierge::help::{KioskInfo, Outbox, Pager, Worker};
use criterion::{Criterion, criterion_group};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn page(session: u64) -> Page {
    Page {
        session,
        reason: Reason::PassengerAsked,
        step: Step::Seats,
        locale: "en-US".into(),
        flight: Some("NW 101".into()),
        minutes_until_close: Some(50),
        closes_at: None,
        service: None,
        first_name: None,
        at: chrono::Utc::now(),
    }
}

fn pager(dir: &std::path::Path, targets: &str) -> Pager {
    std::fs::write(dir.join("help.key"), "bench-secret").unwrap();
    let config = Config::parse(&format!("[kiosk]\nid = \"BENCH\"\n{targets}"), None)
        .unwrap()
        .config;
    Pager::new(
        Arc::new(Outbox::open(&dir.join("kiosk.sqlite")).unwrap()),
        Arc::new(config.help.clone()),
        KioskInfo::from_config(&config),
    )
}

fn durable(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let pager = pager(dir.path(), "");
    let mut session = 0;
    c.bench_function("help tap -> durable in the outbox", |b| {
        b.iter(|| {
            session += 1;
            pager.page(&page(session)).unwrap()
        })
    });
}

/// Tap → delivered, over `n` pages, each timed from `Pager::page` to the receiver's arrival.
fn delivered(n: usize) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Instant>();
        let app = Router::new().fallback(post(move || {
            let tx = tx.clone();
            async move {
                let _ = tx.send(Instant::now());
                "ok"
            }
        }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let dir = tempfile::tempdir().unwrap();
        let targets = format!(
            "[[help.targets]]\nkind = \"webhook\"\nurl = \"{url}/hook\"\nsecret_file = \"{}\"\n",
            dir.path().join("help.key").display()
        );
        let pager = pager(dir.path(), &targets);
        tokio::spawn(Worker::new(pager.clone()).run());
        let mut times = Vec::with_capacity(n);
        for session in 0..n as u64 {
            let tapped = Instant::now();
            pager.page(&page(session)).unwrap();
            let arrived = tokio::time::timeout(Duration::from_secs(5), rx.recv())
                .await
                .unwrap()
                .unwrap();
            times.push(arrived - tapped);
        }
        times.sort();
        let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
        println!(
            "help tap -> delivered on loopback over {n} pages: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            pct(0.50).as_secs_f64() * 1e3,
            pct(0.99).as_secs_f64() * 1e3,
            times.last().unwrap().as_secs_f64() * 1e3
        );
    });
}

criterion_group!(benches, durable);

fn main() {
    benches();
    delivered(300);
    Criterion::default().configure_from_args().final_summary();
}
