//! The airline system over HTTP, with the real programs: `concierge airline serve` answers for
//! its airline store, and kiosks (`concierge checkin` with `[airline] kind = "http"`) check
//! passengers in through it. A wrong key, a server that is down and one answering garbage are
//! each "the airline system is unavailable" — a clear exception, never a crash.

use concierge::checkin::BookingQuery;
use concierge::config::Secret;
use concierge::dcs::{DcsError, DepartureControl, HttpAirline};
use serde_json::Value;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn concierge(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_concierge"));
    c.arg("--data-dir")
        .arg(data)
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .args(args);
    c
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Service {
    child: Child,
    url: String,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `concierge airline serve` on a free loopback port, its store in `data`.
fn serve(data: &Path, key: &Path) -> Service {
    serve_with(
        data,
        &format!("[airline]\nkey_file = \"{}\"\n", key.display()),
        Stdio::null(),
    )
}

/// The service with this config, its log (standard error) to `log`.
fn serve_with(data: &Path, config_text: &str, log: impl Into<Stdio>) -> Service {
    let port = free_port();
    std::fs::create_dir_all(data).unwrap();
    let config = data.join("airline.toml");
    std::fs::write(&config, config_text).unwrap();
    let listen = format!("127.0.0.1:{port}");
    let child = concierge(
        data,
        &[
            "--config",
            config.to_str().unwrap(),
            "airline",
            "serve",
            "--listen",
            &listen,
        ],
    )
    .env("CONCIERGE_LOG", "info")
    .stderr(log)
    .spawn()
    .unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(&listen).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the service did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Service {
        child,
        url: format!("http://{listen}"),
    }
}

/// A kiosk's config pointing at the airline service.
fn kiosk_config(dir: &Path, url: &str, key: &Path) -> std::path::PathBuf {
    let config = dir.join("kiosk.toml");
    std::fs::write(
        &config,
        format!(
            "[kiosk]\nid = \"K2\"\n[airline]\nkind = \"http\"\nurl = \"{url}\"\nkey_file = \"{}\"\ntimeout = \"3s\"\n",
            key.display()
        ),
    )
    .unwrap();
    config
}

fn checkin(data: &Path, config: &Path, args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["--config", config.to_str().unwrap(), "checkin", "--json"];
    all.extend_from_slice(args);
    let out = concierge(data, &all).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap(), json, stderr)
}

#[test]
fn kiosks_check_in_through_the_airline_service() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("airline.key");
    std::fs::write(&key, "a-long-shared-airline-key\n").unwrap();
    let airline_data = dir.path().join("airline");
    let service = serve(&airline_data, &key);

    // Two kiosks, each with its own data directory and no airline store of its own.
    let k1 = dir.path().join("k1");
    let k2 = dir.path().join("k2");
    std::fs::create_dir_all(&k1).unwrap();
    std::fs::create_dir_all(&k2).unwrap();
    let config = kiosk_config(dir.path(), &service.url, &key);
    let (code, json, stderr) = checkin(
        &k1,
        &config,
        &["--booking", "DEMO01", "--surname", "desmarais"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["exception"], Value::Null, "{json}");
    assert_eq!(json["passengers"][0]["name"], "DESMARAIS/LUC MR");
    assert_eq!(json["passengers"][0]["sequence"], 1);
    // The second kiosk sees the same airline: the next passenger on the flight gets the next
    // number, and a bag tag issued by the service.
    let (code, json, stderr) = checkin(
        &k2,
        &config,
        &[
            "--booking",
            "DEMO02",
            "--surname",
            "tremblay",
            "--bags",
            "1",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["exception"], Value::Null, "{json}");
    assert_eq!(json["passengers"][0]["sequence"], 2, "{json}");
    let tags = json["passengers"][0]["bag_tags"].as_array().unwrap();
    assert_eq!(tags.len(), 1, "{json}");
    assert!(!k1.join("airline.sqlite").exists() && !k2.join("airline.sqlite").exists());
    // The check-in records are the service's.
    let db = rusqlite::Connection::open(airline_data.join("airline.sqlite")).unwrap();
    let checked_in: i64 = db
        .query_row("SELECT COUNT(*) FROM checkins", [], |r| r.get(0))
        .unwrap();
    assert!(checked_in >= 2, "{checked_in} check-in records");

    // A kiosk with the wrong key is refused; the passenger meets a clear exception.
    let wrong = dir.path().join("wrong.key");
    std::fs::write(&wrong, "not-the-key-of-this-airline").unwrap();
    let bad = dir.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    let bad_config = kiosk_config(&bad, &service.url, &wrong);
    let (code, json, _) = checkin(
        &bad,
        &bad_config,
        &["--booking", "DEMO01", "--surname", "desmarais"],
    );
    assert_ne!(code, 0);
    assert_eq!(
        json["exception"]["reason"], "airline_system_unavailable",
        "{json}"
    );

    // The service gone: the same, within the configured timeout.
    drop(service);
    let started = Instant::now();
    let (code, json, _) = checkin(
        &k1,
        &config,
        &["--booking", "DEMO01", "--surname", "desmarais"],
    );
    assert_ne!(code, 0);
    assert_eq!(
        json["exception"]["reason"], "airline_system_unavailable",
        "{json}"
    );
    assert!(started.elapsed() < Duration::from_secs(15));
}

/// A server that answers, but not the protocol: an HTML error page, or JSON of another shape.
#[tokio::test(flavor = "multi_thread")]
async fn an_answer_that_is_not_the_protocol_is_unavailable_not_a_crash() {
    use axum::routing::post;
    let app = axum::Router::new()
        .route(
            "/v1/find_booking",
            post(|| async {
                (
                    axum::http::StatusCode::OK,
                    "<html>Gateway says hello</html>",
                )
            }),
        )
        .route(
            "/v1/seat_map",
            post(|| async { axum::Json(serde_json::json!({"rows": "many"})) }),
        )
        .route(
            "/v1/cancel_check_in",
            post(|| async { (axum::http::StatusCode::BAD_GATEWAY, "upstream timeout") }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    let answers = tokio::task::spawn_blocking(move || {
        let airline = HttpAirline::new(&url, &Secret::new("k"), Duration::from_secs(2)).unwrap();
        let query = BookingQuery::Reference {
            reference: "DEMO01".into(),
            surname: "DESMARAIS".into(),
        };
        let flight = concierge::domain::FlightKey {
            carrier: "NW".into(),
            number: 101,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        };
        (
            airline
                .find_booking(&query, chrono::Utc::now())
                .unwrap_err(),
            airline.seat_map(&flight).unwrap_err(),
            airline
                .cancel_check_in(
                    "DEMO01",
                    concierge::domain::PassengerId(1),
                    chrono::Utc::now(),
                )
                .unwrap_err(),
        )
    })
    .await
    .unwrap();
    match answers {
        (DcsError::Unavailable(a), DcsError::Unavailable(b), DcsError::Unavailable(c)) => {
            assert!(
                a.contains("not its protocol") && a.contains("Gateway says hello"),
                "{a}"
            );
            assert!(
                b.contains("seat_map") && b.contains("not what the protocol says"),
                "{b}"
            );
            assert!(c.contains("502") && c.contains("upstream timeout"), "{c}");
        }
        other => panic!("{other:?}"),
    }
}

/// The airline service enforces the airline's rules itself, whoever holds its key: a caller
/// that skips the kiosk's engine cannot check in a cancelled, closed or not-yet-open flight or
/// an unaccompanied minor, claim it is 1970, make up a staff override, or take 200 bag tags.
#[test]
fn the_airline_service_enforces_its_rules_whoever_calls() {
    use concierge::checkin::{CheckInOrder, DocumentOverride};
    use concierge::domain::Booking;
    let dir = tempfile::tempdir().unwrap();
    let (_service, dcs, airline_data) = shared_service(dir.path());
    let now = chrono::Utc::now();
    let find = |reference: &str, surname: &str| -> Booking {
        dcs.find_booking(
            &BookingQuery::Reference {
                reference: reference.into(),
                surname: surname.into(),
            },
            now,
        )
        .unwrap()
    };
    let order = |b: &Booking, bags: u8| CheckInOrder {
        reference: b.reference.clone(),
        passengers: b.passengers.iter().map(|p| (p.id, bags)).collect(),
        documents: Vec::new(),
        overrides: Vec::new(),
        staff: None,
    };
    let refused =
        |r: Result<Vec<concierge::checkin::CheckedInPassenger>, DcsError>, why: &str| match r {
            Err(DcsError::Refused(detail)) => {
                assert!(detail.contains(why), "{detail:?} does not say {why:?}")
            }
            other => panic!("expected a refusal ({why}), got {other:?}"),
        };
    refused(
        dcs.check_in(&order(&find("CANX01", "ROSSI"), 9), now),
        "cancelled",
    );
    refused(
        dcs.check_in(&order(&find("LATE99", "SMITH"), 0), now),
        "closed",
    );
    refused(
        dcs.check_in(&order(&find("EARLY1", "PATEL"), 0), now),
        "not open",
    );
    refused(
        dcs.check_in(&order(&find("UMNR01", "GARCIA"), 0), now),
        "UMNR",
    );
    let luc = find("DEMO01", "DESMARAIS");
    let long_ago = chrono::DateTime::from_timestamp(0, 0).unwrap();
    refused(dcs.check_in(&order(&luc, 0), long_ago), "clock");
    let mut forged = order(&luc, 0);
    forged.overrides.push(DocumentOverride {
        passenger: luc.passengers[0].id,
        staff: "0000".into(),
        reason: "trust me".into(),
    });
    refused(dcs.check_in(&forged, now), "staff");
    refused(dcs.check_in(&order(&luc, 9), now), "excess baggage");
    // None of it reached the airline's records.
    let db = rusqlite::Connection::open(airline_data.join("airline.sqlite")).unwrap();
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT COUNT(*) FROM checkins"), 0);
    assert_eq!(count("SELECT COUNT(*) FROM bag_tags"), 0);

    // The rules kept, the check-in goes through; 200 tags are refused, the allowance is not.
    let done = dcs.check_in(&order(&luc, 0), now).unwrap();
    assert_eq!(done[0].legs[0].sequence, 1);
    let allowance = luc.passengers[0].baggage_allowance;
    assert!(allowance >= 1);
    assert!(matches!(
        dcs.issue_bag_tags(luc.passengers[0].id, 200, now),
        Err(DcsError::Refused(_))
    ));
    let tags = dcs
        .issue_bag_tags(luc.passengers[0].id, allowance, now)
        .unwrap();
    assert_eq!(tags.len(), usize::from(allowance));
    assert_eq!(count("SELECT COUNT(*) FROM bag_tags"), i64::from(allowance));
}

/// A caller holding the service's key cannot break the airline's rules on seats, documents,
/// undoing a check-in or taking bags off (before: each of these answered 200): business seats
/// for an economy passenger, exit rows for a child or a parent holding an infant, a seat for
/// an unaccompanied minor or on a closed or cancelled flight, a check-in to New York with no
/// passport, a cancel by passenger id alone, tags voided by asking for none.
#[test]
fn the_airline_service_keeps_its_rules_on_seats_documents_and_undoing() {
    use concierge::checkin::CheckInOrder;
    use concierge::domain::Booking;
    let dir = tempfile::tempdir().unwrap();
    let (_service, dcs, _) = shared_service(dir.path());
    let now = chrono::Utc::now();
    let find = |reference: &str, surname: &str| -> Booking {
        dcs.find_booking(
            &BookingQuery::Reference {
                reference: reference.into(),
                surname: surname.into(),
            },
            now,
        )
        .unwrap()
    };
    let seat = |b: &Booking, who: usize, seat: &str| {
        dcs.assign_seats(
            &b.reference,
            0,
            &b.legs[0].key(),
            &[(b.passengers[who].id, seat.parse().unwrap())],
        )
    };
    let refused =
        |r: Result<Vec<(concierge::domain::PassengerId, concierge::domain::Seat)>, DcsError>,
         why: &str| match r {
            Err(DcsError::Refused(detail)) => {
                assert!(detail.contains(why), "{detail:?} does not say {why:?}")
            }
            other => panic!("expected a refusal ({why}), got {other:?}"),
        };
    refused(seat(&find("DEMO02", "TREMBLAY"), 0, "1A"), "cabin");
    let khan = find("KHAN22", "KHAN");
    let zara = khan
        .passengers
        .iter()
        .position(|p| p.name.first_name().eq_ignore_ascii_case("zara"))
        .unwrap();
    let ayesha = khan
        .passengers
        .iter()
        .position(|p| p.name.first_name().eq_ignore_ascii_case("ayesha"))
        .unwrap();
    refused(seat(&khan, zara, "19A"), "exit row");
    refused(seat(&khan, ayesha, "19B"), "exit row");
    refused(seat(&find("UMNR01", "GARCIA"), 0, "20F"), "UMNR");
    refused(seat(&find("LATE99", "SMITH"), 0, "21C"), "closed");
    refused(seat(&find("CANX01", "ROSSI"), 0, "21C"), "cancelled");
    // An able adult may have the exit row.
    assert!(seat(&khan, 0, "19C").is_ok());

    // No passport, no check-in to New York (and no sequence number taken).
    let erik = find("ERIK01", "ERIKSSON");
    let order = CheckInOrder {
        reference: erik.reference.clone(),
        passengers: erik.passengers.iter().map(|p| (p.id, 0)).collect(),
        documents: Vec::new(),
        overrides: Vec::new(),
        staff: None,
    };
    match dcs.check_in(&order, now) {
        Err(DcsError::Refused(d)) => assert!(d.contains("travel document"), "{d}"),
        other => panic!("ERIK01 without a passport: {other:?}"),
    }

    // Undoing: only with the booking's reference; an unknown passenger is not found.
    let luc = find("DEMO01", "DESMARAIS");
    let id = luc.passengers[0].id;
    let order = CheckInOrder {
        reference: luc.reference.clone(),
        passengers: vec![(id, 1)],
        documents: Vec::new(),
        overrides: Vec::new(),
        staff: None,
    };
    let done = dcs.check_in(&order, now).unwrap();
    let sequence = done[0].legs[0].sequence;
    let tags = dcs.issue_bag_tags(id, 1, now).unwrap();
    assert!(matches!(
        dcs.cancel_check_in("KHAN22", id, now),
        Err(DcsError::NotFound)
    ));
    assert!(matches!(
        dcs.cancel_check_in("DEMO01", concierge::domain::PassengerId(987_654), now),
        Err(DcsError::NotFound)
    ));
    // Asking for no tags does not take a tagged bag off.
    match dcs.issue_bag_tags(id, 0, now) {
        Err(DcsError::Refused(d)) => assert!(d.contains("agent"), "{d}"),
        other => panic!("tags voided by a caller: {other:?}"),
    }
    dcs.cancel_check_in("DEMO01", id, now).unwrap();
    // Checking in again gives back the same number and the same plate: nothing burnt.
    let again = dcs.check_in(&order, now).unwrap();
    assert_eq!(again[0].legs[0].sequence, sequence);
    assert_eq!(dcs.issue_bag_tags(id, 1, now).unwrap(), tags);
    // The pass again two minutes later: the same check-in, issued when it was made (the date
    // on the pass and in its barcode does not move).
    let issued = again[0].legs[0].issued.expect("an issue time");
    let reprint = dcs
        .check_in(&order, now + chrono::TimeDelta::minutes(2))
        .unwrap();
    assert_eq!(reprint[0].legs[0].sequence, sequence);
    assert_eq!(reprint[0].legs[0].issued, Some(issued));
    assert!((issued - now).num_seconds().abs() <= 1, "{issued} vs {now}");
}

/// One key per kiosk: each kiosk's changes are logged under its name, a kiosk left out of the
/// service's config is refused alone, and one kiosk hammering the service is slowed without
/// slowing another. A check-in and cancel loop burns no sequence numbers (before: 9,999 in
/// 15 s, then DEMO01 was refused). A stranger's flood of huge method names leaves the log
/// small and a kiosk's refusal still in it; a 1.9 MB request is refused before any work.
#[test]
fn each_kiosk_has_its_own_key_and_its_own_limits() {
    use concierge::checkin::CheckInOrder;
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, key: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, key).unwrap();
        path
    };
    let k07 = write("k07.key", "kiosk-07-key-0123456789abcdef");
    let k08 = write("k08.key", "kiosk-08-key-0123456789abcdef");
    let kiosks = |both: bool| {
        let mut c = format!(
            "[[airline.kiosks]]\nid = \"LHE-T1-K07\"\nkey_file = \"{}\"\n",
            k07.display()
        );
        if both {
            c.push_str(&format!(
                "[[airline.kiosks]]\nid = \"LHE-T1-K08\"\nkey_file = \"{}\"\n",
                k08.display()
            ));
        }
        c
    };
    let data = dir.path().join("airline");
    let log_path = dir.path().join("service.log");
    let service = serve_with(
        &data,
        &kiosks(true),
        std::fs::File::create(&log_path).unwrap(),
    );
    let client = |key: &str| {
        HttpAirline::new(&service.url, &Secret::new(key), Duration::from_secs(5)).unwrap()
    };
    let (a, b) = (
        client("kiosk-07-key-0123456789abcdef"),
        client("kiosk-08-key-0123456789abcdef"),
    );
    let now = chrono::Utc::now();
    let luc = a
        .find_booking(
            &BookingQuery::Reference {
                reference: "DEMO01".into(),
                surname: "DESMARAIS".into(),
            },
            now,
        )
        .unwrap();
    let id = luc.passengers[0].id;
    let order = CheckInOrder {
        reference: "DEMO01".into(),
        passengers: vec![(id, 0)],
        documents: Vec::new(),
        overrides: Vec::new(),
        staff: None,
    };
    let first = a.check_in(&order, now).unwrap()[0].legs[0].sequence;
    // Kiosk 07 checks in and cancels as fast as it can for 3 seconds.
    let started = Instant::now();
    let (mut done, mut slowed, mut checked_in) = (0, 0, true);
    while started.elapsed() < Duration::from_secs(3) {
        if checked_in {
            match a.cancel_check_in("DEMO01", id, now) {
                Ok(()) => {
                    done += 1;
                    checked_in = false;
                }
                Err(DcsError::Unavailable(d)) if d.contains("too many") => slowed += 1,
                Err(e) => panic!("{e}"),
            }
        } else {
            match a.check_in(&order, now) {
                Ok(p) => {
                    assert_eq!(p[0].legs[0].sequence, first, "the same number back");
                    checked_in = true;
                }
                Err(DcsError::Unavailable(d)) if d.contains("too many") => slowed += 1,
                Err(e) => panic!("{e}"),
            }
        }
    }
    eprintln!("3 s of check-in and cancel from one kiosk: {done} cancels, {slowed} slowed");
    assert!(slowed > 0, "one kiosk is slowed");
    assert!(done <= 40, "{done} cancels in 3 s");
    // Kiosk 08 is not slowed by 07, and its changes are its own.
    let demo02 = b
        .find_booking(
            &BookingQuery::Reference {
                reference: "DEMO02".into(),
                surname: "TREMBLAY".into(),
            },
            now,
        )
        .unwrap();
    let marie = CheckInOrder {
        reference: "DEMO02".into(),
        passengers: vec![(demo02.passengers[0].id, 0)],
        documents: Vec::new(),
        overrides: Vec::new(),
        staff: None,
    };
    let second = b.check_in(&marie, now).unwrap()[0].legs[0].sequence;
    assert_eq!(second, first + 1, "no number was burnt by the loop");

    // A stranger floods the service with 60 KB method names and no key.
    let long = "x".repeat(60_000);
    let raw = posts(&service.url, &long, None, "{}".into(), 300);
    assert!(raw.iter().all(|s| *s == 401), "{:?}", &raw[..3]);
    // A kiosk's refusal after the flood is still logged.
    let _ = b.issue_bag_tags(demo02.passengers[0].id, 200, now);
    // 1.9 MB in one request: refused before any work.
    let huge = format!("{{\"reference\": \"{}\"}}", "A".repeat(1_900_000));
    let status = posts(
        &service.url,
        "assign_seats",
        Some("kiosk-08-key-0123456789abcdef"),
        huge,
        1,
    );
    assert_eq!(status, [413]);
    drop(service);
    let log = std::fs::read_to_string(&log_path).unwrap();
    eprintln!("the service's log after the flood: {} bytes", log.len());
    assert!(log.len() < 64 * 1024, "{} bytes of log", log.len());
    assert!(
        log.lines()
            .any(|l| l.contains("LHE-T1-K08") && l.contains("refused")),
        "the kiosk's refusal is in the log"
    );
    assert!(
        log.lines()
            .any(|l| l.contains("LHE-T1-K07") && l.contains("changed the airline")),
        "changes are logged under their kiosk"
    );

    // Kiosk 08 taken out of the service's config: refused alone.
    let service = serve_with(&data, &kiosks(false), Stdio::null());
    let a = HttpAirline::new(
        &service.url,
        &Secret::new("kiosk-07-key-0123456789abcdef"),
        Duration::from_secs(5),
    )
    .unwrap();
    let b = HttpAirline::new(
        &service.url,
        &Secret::new("kiosk-08-key-0123456789abcdef"),
        Duration::from_secs(5),
    )
    .unwrap();
    let query = BookingQuery::Reference {
        reference: "DEMO01".into(),
        surname: "DESMARAIS".into(),
    };
    assert!(a.find_booking(&query, now).is_ok());
    match b.find_booking(&query, now) {
        Err(DcsError::Unavailable(d)) => assert!(d.contains("key"), "{d}"),
        other => panic!("a revoked kiosk: {other:?}"),
    }
}

/// Posts `body` to `/v1/<method>` `n` times (with the bearer `key`, if any); the statuses.
fn posts(url: &str, method: &str, key: Option<&str>, body: String, n: usize) -> Vec<u16> {
    concierge::net::install_crypto();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let client = crate::common::http();
        let mut out = Vec::new();
        for _ in 0..n {
            let mut r = client.post(format!("{url}/v1/{method}")).body(body.clone());
            if let Some(k) = key {
                r = r.bearer_auth(k);
            }
            out.push(r.send().await.unwrap().status().as_u16());
        }
        out
    })
}

/// A look-up returns only what a kiosk needs (no passport numbers, no birth dates: the
/// screen shows a document's last four characters), needs the second factor the kiosk asks
/// for (a surname with a frequent-flyer number; the passport's own number, not a made-up one,
/// with a name), and is throttled per kiosk. A check-in confirming a document on file still
/// records the airline's full document for the authorities.
#[test]
fn a_look_up_says_only_what_the_kiosk_needs_and_only_to_the_second_factor() {
    use concierge::checkin::CheckInOrder;
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("airline.key");
    std::fs::write(&key, "a-long-shared-airline-key\n").unwrap();
    let airline_data = dir.path().join("airline");
    let service = serve(&airline_data, &key);
    let now = chrono::Utc::now();
    let find = |query: BookingQuery| {
        let body = serde_json::json!({ "query": query, "now": now }).to_string();
        concierge::net::install_crypto();
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let r = crate::common::http()
                .post(format!("{}/v1/find_booking", service.url))
                .bearer_auth("a-long-shared-airline-key")
                .body(body)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        })
    };
    let (status, khan) = find(BookingQuery::Reference {
        reference: "KHAN22".into(),
        surname: "KHAN".into(),
    });
    assert_eq!(status, 200, "{khan}");
    for secret in ["AK1234561", "AK1234572", "1984-05-17", "1987-11-02"] {
        assert!(!khan.contains(secret), "{secret} in {khan}");
    }
    assert!(khan.contains("*****4561"), "the screen's last four: {khan}");
    // A made-up passport number with the family's names finds nothing; the real one does.
    let passport = |number: &str| BookingQuery::Document {
        surname: "KHAN".into(),
        given_names: "ALI".into(),
        number: number.into(),
        birth_date: None,
    };
    assert_eq!(find(passport("ZZ0000000")).0, 404);
    assert_eq!(find(passport("AK1234561")).0, 200);
    // A frequent-flyer number alone finds nothing.
    assert_eq!(
        find(BookingQuery::FrequentFlyer {
            number: "NW100234".into(),
            surname: String::new(),
        })
        .0,
        404
    );

    // Ali confirms his passport on file: the check-in records the airline's full number.
    let dcs = HttpAirline::new(
        &service.url,
        &Secret::new("a-long-shared-airline-key"),
        Duration::from_secs(5),
    )
    .unwrap();
    let booking: concierge::domain::Booking = serde_json::from_str(&khan).unwrap();
    let ali = &booking.passengers[0];
    let order = CheckInOrder {
        reference: "KHAN22".into(),
        passengers: vec![(ali.id, 0)],
        documents: vec![(ali.id, ali.identity_document().unwrap().clone())],
        overrides: Vec::new(),
        staff: None,
    };
    dcs.check_in(&order, now).unwrap();
    let db = rusqlite::Connection::open(airline_data.join("airline.sqlite")).unwrap();
    let recorded: String = db
        .query_row(
            "SELECT number FROM apis WHERE passenger_id = ?1 AND kind = 'passport'",
            [ali.id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(recorded, "AK1234561");
    // A starred number that is not the one on file is refused.
    let mut forged = order.clone();
    forged.documents[0].1.number = "*****9999".into();
    assert!(matches!(
        dcs.check_in(&forged, now),
        Err(DcsError::Refused(_))
    ));

    // Guessing is slowed: 30 look-ups at once from one kiosk, most told to wait.
    let statuses: Vec<u16> = (0..30)
        .map(|i| find(passport(&format!("ZZ{i:07}"))).0)
        .collect();
    let slowed = statuses.iter().filter(|s| **s == 429).count();
    eprintln!("30 look-ups at once: {slowed} told to wait");
    assert!(slowed >= 15, "{statuses:?}");
}

/// After check-in closes, a caller can neither undo a check-in (the passenger could not check
/// in again) nor add a bag, a reprint or not (before: both went through).
#[test]
fn after_the_close_nothing_is_undone_and_no_bag_is_added() {
    use concierge::checkin::CheckInOrder;
    use concierge::dcs::SqliteAirline;
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("airline.key");
    std::fs::write(&key, "a-long-shared-airline-key\n").unwrap();
    let airline_data = dir.path().join("airline");
    std::fs::create_dir_all(&airline_data).unwrap();
    // LATE99 checked in while it was open (straight in the store), before the service starts.
    let now = chrono::Utc::now();
    let id = {
        let store = SqliteAirline::open(
            &airline_data.join("airline.sqlite"),
            concierge::dcs::BagTagPolicy {
                kiosk: "K".into(),
                serials: (100_000, 199_999),
                quarantine: Duration::from_secs(86_400),
            },
            now,
        )
        .unwrap();
        let b = store
            .find_booking(
                &BookingQuery::Reference {
                    reference: "LATE99".into(),
                    surname: "SMITH".into(),
                },
                now,
            )
            .unwrap();
        let id = b.passengers[0].id;
        store
            .check_in(
                &CheckInOrder {
                    reference: "LATE99".into(),
                    passengers: vec![(id, 0)],
                    documents: Vec::new(),
                    overrides: Vec::new(),
                    staff: None,
                },
                now,
            )
            .unwrap();
        id
    };
    let service = serve(&airline_data, &key);
    let dcs = HttpAirline::new(
        &service.url,
        &Secret::new("a-long-shared-airline-key"),
        Duration::from_secs(5),
    )
    .unwrap();
    match dcs.cancel_check_in("LATE99", id, now) {
        Err(DcsError::Refused(d)) => assert!(d.contains("closed"), "{d}"),
        other => panic!("a check-in undone after the close: {other:?}"),
    }
    match dcs.issue_bag_tags(id, 1, now) {
        Err(DcsError::Refused(d)) => assert!(d.contains("bag drop has closed"), "{d}"),
        other => panic!("a bag added after the close: {other:?}"),
    }
}

/// The airline service with one shared key, its store in `dir/airline`, and a client holding
/// the key.
fn shared_service(dir: &Path) -> (Service, HttpAirline, std::path::PathBuf) {
    service_with_key(dir, "")
}

/// [`shared_service`], its config going on with `more` after the key.
fn service_with_key(dir: &Path, more: &str) -> (Service, HttpAirline, std::path::PathBuf) {
    let key = dir.join("airline.key");
    std::fs::write(&key, "a-long-shared-airline-key\n").unwrap();
    let airline_data = dir.join("airline");
    let config = format!("[airline]\nkey_file = \"{}\"\n{more}", key.display());
    let service = serve_with(&airline_data, &config, Stdio::null());
    let dcs = HttpAirline::new(
        &service.url,
        &Secret::new("a-long-shared-airline-key"),
        Duration::from_secs(5),
    )
    .unwrap();
    (service, dcs, airline_data)
}

/// A passenger already checked in prints the pass again as often as the airline allows
/// (`[checkin] max_reprints`, 3 by default), each time journalled in the airline store; the
/// next is refused whoever asks, while a bag more (a check-in that changes something) still
/// goes through and is no reprint.
#[test]
fn reprints_are_journalled_and_limited_by_the_airline_whoever_asks() {
    use concierge::checkin::CheckInOrder;
    let dir = tempfile::tempdir().unwrap();
    let (_service, dcs, airline_data) = shared_service(dir.path());
    let now = chrono::Utc::now();
    let luc = dcs
        .find_booking(
            &BookingQuery::Reference {
                reference: "DEMO01".into(),
                surname: "DESMARAIS".into(),
            },
            now,
        )
        .unwrap();
    let id = luc.passengers[0].id;
    let order = |bags: u8| CheckInOrder {
        reference: "DEMO01".into(),
        passengers: vec![(id, bags)],
        documents: Vec::new(),
        overrides: Vec::new(),
        staff: None,
    };
    let first = dcs.check_in(&order(1), now).unwrap();
    assert_eq!(first[0].legs[0].reprints, 0, "a check-in is no reprint");
    for n in 1..=3 {
        let again = dcs.check_in(&order(1), now).unwrap();
        assert_eq!(again[0].legs[0].reprints, n);
        assert_eq!(again[0].legs[0].sequence, first[0].legs[0].sequence);
        assert_eq!(again[0].bag_tags, first[0].bag_tags);
    }
    match dcs.check_in(&order(1), now) {
        Err(DcsError::Refused(d)) => assert!(d.contains("agent"), "{d}"),
        other => panic!("a fourth reprint: {other:?}"),
    }
    let more = dcs.check_in(&order(2), now).unwrap();
    assert_eq!(more[0].bag_tags.len(), 2, "a bag more goes through");
    assert_eq!(more[0].legs[0].reprints, 3, "and is no reprint");
    let db = rusqlite::Connection::open(airline_data.join("airline.sqlite")).unwrap();
    let journalled: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM reprints WHERE passenger_id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(journalled, 3);
}

/// Staff at a kiosk check a late passenger in past the close, and print a pass past the
/// reprint limit: the airline service takes it only from someone on the airline's staff, with
/// a reason for the late check-in, and journals who, what and why.
#[test]
fn staff_overrides_need_the_airlines_staff_and_a_reason_and_are_journalled() {
    use concierge::checkin::{CheckInOrder, StaffAuthority, StaffOverrideKind};
    let dir = tempfile::tempdir().unwrap();
    let (_service, dcs, airline_data) = staff_service(dir.path());
    let now = chrono::Utc::now();
    let late = dcs
        .find_booking(
            &BookingQuery::Reference {
                reference: "LATE99".into(),
                surname: "SMITH".into(),
            },
            now,
        )
        .unwrap();
    let id = late.passengers[0].id;
    let order = |staff: Option<StaffAuthority>| CheckInOrder {
        reference: "LATE99".into(),
        passengers: vec![(id, 0)],
        documents: Vec::new(),
        overrides: Vec::new(),
        staff,
    };
    let by = |who: &str, action, reason: &str| {
        Some(StaffAuthority {
            staff: who.into(),
            action,
            reason: reason.into(),
        })
    };
    let refused = |staff, why: &str| match dcs.check_in(&order(staff), now) {
        Err(DcsError::Refused(d)) => assert!(d.contains(why), "{d}"),
        other => panic!("accepted: {other:?}"),
    };
    refused(None, "closed");
    refused(
        by("9999", StaffOverrideKind::LateCheckIn, "The gate accepts"),
        "not on the airline's staff",
    );
    refused(by("4021", StaffOverrideKind::LateCheckIn, " "), "reason");
    // A reprint's authority is not a late check-in's.
    refused(by("4021", StaffOverrideKind::Reprint, ""), "closed");
    let done = dcs
        .check_in(
            &order(by(
                "4021",
                StaffOverrideKind::LateCheckIn,
                "The gate accepts the passenger",
            )),
            now,
        )
        .unwrap();
    assert!(
        done[0].legs[0].seat.is_some(),
        "a seat given by the airline"
    );
    // Past the reprint limit: refused to the passenger, printed for the agent.
    for _ in 0..3 {
        dcs.check_in(&order(None), now).unwrap();
    }
    refused(None, "agent");
    let again = dcs
        .check_in(&order(by("4021", StaffOverrideKind::Reprint, "")), now)
        .unwrap();
    assert_eq!(again[0].legs[0].sequence, done[0].legs[0].sequence);
    let db = rusqlite::Connection::open(airline_data.join("airline.sqlite")).unwrap();
    let journal: Vec<(String, String, String)> = db
        .prepare("SELECT staff, action, reason FROM staff_overrides ORDER BY rowid")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        journal,
        vec![
            (
                "4021".to_string(),
                "late_check_in".to_string(),
                "The gate accepts the passenger".to_string()
            ),
            ("4021".to_string(), "reprint".to_string(), String::new()),
        ]
    );
}

/// A torn bag tag: staff replace it through the airline service. The old plate is voided for
/// good (it never comes back, not even to the same passenger), the bag gets a new plate, and
/// both are journalled with the staff member; a stranger's staff number is refused.
#[test]
fn staff_replace_a_bag_tag_the_old_plate_voided_and_both_journalled() {
    use concierge::checkin::CheckInOrder;
    let dir = tempfile::tempdir().unwrap();
    let (_service, dcs, airline_data) = staff_service(dir.path());
    let now = chrono::Utc::now();
    let luc = dcs
        .find_booking(
            &BookingQuery::Reference {
                reference: "DEMO01".into(),
                surname: "DESMARAIS".into(),
            },
            now,
        )
        .unwrap();
    let id = luc.passengers[0].id;
    let done = dcs
        .check_in(
            &CheckInOrder {
                reference: "DEMO01".into(),
                passengers: vec![(id, 2)],
                documents: Vec::new(),
                overrides: Vec::new(),
                staff: None,
            },
            now,
        )
        .unwrap();
    let plates = done[0].bag_tags.clone();
    assert_eq!(plates.len(), 2);
    match dcs.reissue_bag_tag(id, &plates[0], "9999", now) {
        Err(DcsError::Refused(d)) => assert!(d.contains("not on the airline's staff"), "{d}"),
        other => panic!("a stranger replaced a tag: {other:?}"),
    }
    let after = dcs.reissue_bag_tag(id, &plates[0], "4021", now).unwrap();
    assert_eq!(after.len(), 2, "the same bags");
    assert!(after.contains(&plates[1]), "the other bag keeps its tag");
    assert!(!after.contains(&plates[0]), "the torn plate is gone");
    let new = after.iter().find(|p| **p != plates[1]).unwrap().clone();
    match dcs.reissue_bag_tag(id, &plates[0], "4021", now) {
        Err(DcsError::Refused(d)) => assert!(d.contains("not one of"), "{d}"),
        other => panic!("a void plate replaced again: {other:?}"),
    }
    // A check-in again lists the bags' plates as they are now.
    let again = dcs
        .check_in(
            &CheckInOrder {
                reference: "DEMO01".into(),
                passengers: vec![(id, 2)],
                documents: Vec::new(),
                overrides: Vec::new(),
                staff: None,
            },
            now,
        )
        .unwrap();
    assert_eq!(again[0].bag_tags, after);
    let db = rusqlite::Connection::open(airline_data.join("airline.sqlite")).unwrap();
    let void: i64 = db
        .query_row(
            "SELECT void FROM bag_tags WHERE plate = ?1",
            [plates[0].as_str()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(void, 1, "voided for good");
    let journal: (String, String, String) = db
        .query_row(
            "SELECT old_plate, new_plate, staff FROM bag_tag_reissues",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        journal,
        (plates[0].to_string(), new.to_string(), "4021".to_string())
    );
}

/// An agent finds a booking by its reference alone; to anyone not on the airline's staff that
/// look-up finds nothing, as a wrong surname does.
#[test]
fn a_look_up_by_reference_alone_is_for_the_airlines_staff_only() {
    let dir = tempfile::tempdir().unwrap();
    let (_service, dcs, _) = staff_service(dir.path());
    let now = chrono::Utc::now();
    let find = |staff: &str| {
        dcs.find_booking(
            &BookingQuery::ForStaff {
                reference: "KHAN22".into(),
                staff: staff.into(),
            },
            now,
        )
    };
    let found = find("4021").unwrap();
    assert_eq!(found.reference, "KHAN22");
    assert!(
        found.passengers.iter().all(|p| p.birth_date.is_none()),
        "what a kiosk needs, no more"
    );
    assert!(matches!(find("9999"), Err(DcsError::NotFound)));
}

/// The airline service serves the boarding pass on a phone too (`[phone_pass] service =
/// "airline"`): a kiosk with its airline key gets links, a phone opens them; a wrong key gets
/// none.
#[test]
fn the_airline_service_serves_phone_passes_to_its_callers() {
    use concierge::wallet::PassLinks;
    let dir = tempfile::tempdir().unwrap();
    let (service, _dcs, _data) = shared_service(dir.path());
    let passes =
        concierge::wallet::passes_of(&concierge::print::sample_job("ar", chrono::Utc::now()));
    let kiosk = concierge::wallet::client::DeskPasses::airline(
        "K2",
        &service.url,
        Secret::new("a-long-shared-airline-key"),
    );
    let links = kiosk.links(&passes).unwrap();
    assert_eq!(links.len(), passes.len());
    assert!(links[0].url.starts_with(&service.url));
    let page = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let answer = reqwest::get(&links[0].url).await.unwrap();
            (answer.status().as_u16(), answer.text().await.unwrap())
        });
    assert_eq!(page.0, 200);
    assert!(page.1.contains(&passes[0].name) && page.1.contains("dir=\"rtl\""));
    let stranger = concierge::wallet::client::DeskPasses::airline(
        "K2",
        &service.url,
        Secret::new("not-the-airline-key-at-all"),
    );
    assert!(stranger.links(&passes).unwrap_err().contains("401"));
}

/// [`shared_service`] with staff member 4021 (Sam Okoye) on the airline's `[[staff]]` list.
fn staff_service(dir: &Path) -> (Service, HttpAirline, std::path::PathBuf) {
    let hash = concierge::secret::hash("2468").unwrap();
    service_with_key(
        dir,
        &format!("[[staff]]\nid = \"4021\"\nname = \"Sam Okoye\"\npin_hash = \"{hash}\"\n"),
    )
}
