//! The boarding pass on a phone: the kiosk asking the desk for a family's links (on loopback),
//! a phone opening one (the page with its PDF417), and the wallet passes signed (Apple's
//! `.pkpass`, Google's save JWT) with a test key made by openssl.

use concierge::config::{DeskKiosk, Secret, Target, TargetKind};
use concierge::desk::Desk;
use concierge::wallet::client::DeskPasses;
use concierge::wallet::service::Passes;
use concierge::wallet::{PassLinks, google, passes_of, pkpass};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn openssl(dir: &Path, args: &[&str]) -> bool {
    Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let _inside = rt.enter();
    let kiosks = vec![DeskKiosk {
        id: "K1".into(),
        secret: Secret::new("a-kiosk-secret-of-some-length"),
    }];
    let config = concierge::config::Desk {
        kiosks: kiosks.clone(),
        ..Default::default()
    };
    let desk = Desk::new(
        concierge::desk::open_sqlite(&dir.path().join("desk.sqlite")).unwrap(),
        &config,
        false,
    );
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    // Links expire after a second: the desk holds at most `MOST_HELD` at once, and the bench
    // makes thousands a second.
    desk.serve_passes(Passes::new(
        &url,
        Duration::from_secs(1),
        20,
        "Northwind Airways",
        &kiosks,
    ));
    rt.spawn(concierge::desk::serve(
        listener,
        desk,
        Duration::from_secs(3600),
    ));
    let kiosk = DeskPasses::new(
        "K1",
        Target {
            kind: TargetKind::Desk,
            name: "desk".into(),
            url: Secret::new(&url),
            secret: Some(Secret::new("a-kiosk-secret-of-some-length")),
            routing_key: None,
            token: None,
            also: Vec::new(),
            level: 0,
            timeout: Duration::from_secs(5),
        },
    );
    let passes = passes_of(&concierge::print::sample_job("en-US", chrono::Utc::now()));
    c.bench_function("phone pass links, the sample party (kiosk → desk)", |b| {
        b.iter(|| black_box(kiosk.links(&passes).unwrap()))
    });
    let client = reqwest::Client::new();
    c.bench_function("a phone opens its pass (page with the PDF417)", |b| {
        b.iter_batched(
            || kiosk.links(&passes[..1]).unwrap().remove(0).url,
            |link| {
                rt.block_on(async {
                    black_box(
                        client
                            .get(&link)
                            .send()
                            .await
                            .unwrap()
                            .text()
                            .await
                            .unwrap(),
                    )
                })
            },
            BatchSize::SmallInput,
        )
    });
    let d = dir.path();
    let made = openssl(
        d,
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            "k.key",
        ],
    ) && openssl(
        d,
        &[
            "req",
            "-x509",
            "-new",
            "-key",
            "k.key",
            "-subj",
            "/CN=Bench pass",
            "-days",
            "2",
            "-out",
            "k.pem",
        ],
    );
    if !made {
        eprintln!("no openssl: the wallet passes are not measured");
        return;
    }
    let read = |f: &str| std::fs::read(d.join(f)).unwrap();
    let key = String::from_utf8(read("k.key")).unwrap();
    let apple =
        pkpass::Signer::new("pass.example", "TEAM", &read("k.pem"), &read("k.pem"), &key).unwrap();
    c.bench_function("Apple Wallet pass (.pkpass, signed)", |b| {
        b.iter(|| {
            black_box(
                apple
                    .pkpass(
                        &passes[0],
                        0,
                        "Northwind Airways",
                        std::time::SystemTime::now(),
                    )
                    .unwrap(),
            )
        })
    });
    let account = serde_json::json!({"client_email": "bench@example.iam.gserviceaccount.com", "private_key": key});
    let google = google::Signer::new("3388000000012345678", &account.to_string()).unwrap();
    c.bench_function("Google Wallet save link (RS256 JWT)", |b| {
        b.iter(|| black_box(google.save_url(&passes[0], "Northwind Airways", 0).unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
