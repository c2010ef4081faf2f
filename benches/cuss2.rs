//! CUSS 2 on loopback, the kiosk's client against the open simulator: a print directive (a
//! boarding pass as PDF) from the kiosk to its result back at the kiosk, and a scan injected at
//! the platform until the kiosk hears it. (`scripts/measure-cuss2.py` measures the screen.)

use concierge::cuss2::client::{News, Platform, Settings};
use concierge::cuss2::sim::{SimConfig, Simulator};
use concierge::cuss2::wire::{AppPayload, DataRecord, Directive, Role};
use criterion::{Criterion, criterion_group, criterion_main};
use std::time::Duration;

fn cuss2(c: &mut Criterion) {
    concierge::net::install_crypto();
    let dir = tempfile::tempdir().unwrap();
    let mut config = SimConfig::new(dir.path().join("out"));
    config.paper = u32::MAX;
    let (rt, addr) = Simulator::new(config).unwrap().start_on_loopback().unwrap();
    let platform = Platform::start(Settings {
        url: format!("ws://{addr}/platform/subscribe"),
        token_url: None,
        client_id: "concierge".into(),
        secret: concierge::config::Secret::new("demo-secret"),
        device_id: None,
        timeout: Duration::from_secs(5),
    });
    assert!(platform.wait_for(Duration::from_secs(10), |s| s.state == "AVAILABLE"));
    let http = reqwest::Client::new();
    let post = |path: &str, body: serde_json::Value| {
        let r = http.post(format!("http://{addr}{path}")).json(&body);
        rt.block_on(async move { r.send().await.unwrap().status().as_u16() })
    };
    assert_eq!(
        post("/sim/session", serde_json::json!({"language": "en-US"})),
        200
    );
    platform.want_scans(true);
    assert!(platform.wait_for(Duration::from_secs(5), |s| s.state == "ACTIVE"));
    std::thread::sleep(Duration::from_millis(200));
    let job = concierge::print::sample_job("en-US", chrono::Utc::now());
    let pdf = concierge::print::render(
        &job,
        concierge::print::Paper::Atb,
        concierge::i18n::Messages::built_in(),
    )
    .unwrap()
    .remove(0)
    .1;
    let printer = platform.component(Role::BoardingPassPrinter).unwrap();
    c.bench_function(
        "cuss2: print directive -> result (a boarding pass PDF)",
        |b| {
            b.iter(|| {
                let payload = AppPayload {
                    data_records: Some(vec![DataRecord::base64("DS_TYPES_PRINT_PDF", &pdf)]),
                    ..Default::default()
                };
                let r = platform
                    .call(Directive::Send, Some(printer), Some(payload))
                    .unwrap();
                assert_eq!(r.meta.message_code, "OK");
            })
        },
    );
    let mut news = platform.subscribe();
    let pass = "M1DESMARAIS/LUC MR    EDEMO01 YULYYZNW 0101 327J002A0001 100";
    c.bench_function("cuss2: scan injected -> heard by the kiosk", |b| {
        b.iter(|| {
            assert_eq!(post("/sim/barcode", serde_json::json!({"data": pass})), 200);
            loop {
                match news.blocking_recv() {
                    Ok(News::Scanned(_)) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{e}"),
                }
            }
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(5));
    targets = cuss2
}
criterion_main!(benches);
