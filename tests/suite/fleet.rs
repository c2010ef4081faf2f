//! The fleet, end to end: a real kiosk's help worker heartbeats to a real desk (its session
//! summaries with it, each kept once, and through the outbox when the desk was down); the
//! fleet page shows it online, then — when the kiosk goes quiet — offline, while the duty
//! manager's webhook (an axum peer) is paged once, and told when the kiosk is back; `/metrics`
//! says when each kiosk was last seen. A heartbeat with a bad signature is refused.

use crate::desk::SECRET;
use crate::desk_duty::{Agent, no_redirects};
use crate::desk_fleet::Instance;
use concierge::checkin::{Outcome, SessionReport, Step};
use concierge::config::Config;
use concierge::help::{HelpRequest, KioskInfo, Outbox, Pager, Worker, signature};
use concierge::metrics::Metrics;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The duty manager's webhook: every page it receives.
struct DutyManager {
    url: String,
    pages: Arc<Mutex<Vec<HelpRequest>>>,
}

impl DutyManager {
    async fn start() -> DutyManager {
        let pages: Arc<Mutex<Vec<HelpRequest>>> = Default::default();
        let kept = pages.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |body: axum::body::Bytes| {
                let kept = kept.clone();
                async move {
                    if let Ok(r) = serde_json::from_slice::<HelpRequest>(&body) {
                        kept.lock().unwrap().push(r);
                    }
                    "ok"
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        DutyManager { url, pages }
    }

    /// (incident, state) of each page received so far.
    fn heard(&self) -> Vec<(String, String)> {
        self.pages
            .lock()
            .unwrap()
            .iter()
            .map(|r| (r.incident.clone(), r.state.clone()))
            .collect()
    }

    async fn wait_for(&self, incident: &str, state: &str, within: Duration) {
        let deadline = Instant::now() + within;
        while !self
            .heard()
            .iter()
            .any(|(i, s)| i == incident && s == state)
        {
            assert!(
                Instant::now() < deadline,
                "the duty manager was not paged ({incident} {state}): {:?}",
                self.heard()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// Kiosk LHE-T1-K07: its pager (heartbeat every second to the desk at `url`) and metrics, in
/// one kiosk store.
fn kiosk(url: &str, dir: &std::path::Path) -> (Pager, concierge::metrics::SqliteMetrics) {
    let key = dir.join("k.key");
    std::fs::write(&key, SECRET).unwrap();
    let config = Config::parse(
        &format!(
            "[kiosk]\nid = \"LHE-T1-K07\"\nlocation = \"Hall B\"\nairport = \"LHE\"\nterminal = \"T1\"\n\
             [help]\nheartbeat_every = \"1s\"\nretry_min = \"100ms\"\nretry_max = \"500ms\"\n\
             [[help.targets]]\nkind = \"desk\"\nurl = \"{url}\"\nsecret_file = \"{}\"\n",
            key.display()
        ),
        None,
    )
    .unwrap()
    .config;
    let store = dir.join("kiosk.sqlite");
    let pager = Pager::new(
        Arc::new(Outbox::open(&store).unwrap()),
        Arc::new(config.help.clone()),
        KioskInfo::from_config(&config),
    );
    (
        pager,
        concierge::metrics::SqliteMetrics::open(&store).unwrap(),
    )
}

fn session(outcome: Outcome, locale: &str) -> SessionReport {
    SessionReport {
        outcome,
        last_step: Step::Goodbye,
        furthest: Step::Goodbye,
        locale: locale.into(),
        seconds: 95,
        taps: 14,
        help_requests: 0,
        help_acknowledged_after: None,
        help_unanswered_after: None,
        printer_fault: false,
        feedback: Some(5),
    }
}

async fn until<F: std::future::Future<Output = bool>>(
    what: &str,
    within: Duration,
    mut check: impl FnMut() -> F,
) {
    let deadline = Instant::now() + within;
    while !check().await {
        assert!(Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The card of kiosk K07 on the fleet page.
fn card(page: &str) -> String {
    page.split("data-kiosk=\"LHE-T1-K07\"")
        .nth(1)
        .map(|rest| rest.split("class=\"card kiosk").next().unwrap().to_string())
        .unwrap_or_default()
}

async fn a_kiosk_gone_quiet_shows_offline_and_pages_the_duty_manager_once(
    database: Option<String>,
) {
    let duty = DutyManager::start().await;
    let dir = tempfile::tempdir().unwrap();
    let duty_key = dir.path().join("duty.key");
    std::fs::write(&duty_key, "duty-secret").unwrap();
    let extra = format!(
        "fleet_check_every = \"200ms\"\n[[desk.alerts]]\nkind = \"webhook\"\nname = \"duty manager\"\nurl = \"{}\"\nsecret_file = \"{}\"\n",
        duty.url,
        duty_key.display()
    );
    let a = Instance::start(database.as_deref(), dir.path(), &extra).await;
    // The fleet page is read on another instance when there is a shared store.
    let b = match &database {
        Some(db) => Instance::start(Some(db), dir.path(), &extra).await,
        None => Instance::start(None, dir.path(), &extra).await,
    };
    let page_desk = if database.is_some() { &b } else { &a };
    a.desk
        .store
        .set_agent("Sam", &concierge::secret::hash("correct horse").unwrap())
        .await
        .unwrap();
    let kdir = tempfile::tempdir().unwrap();
    let (pager, metrics) = kiosk(&a.url, kdir.path());
    metrics.record_session(&session(Outcome::Completed, "ur-PK"));
    metrics.record_session(&session(Outcome::TimedOut, "en-US"));
    pager.health().printer("low");
    let worker = tokio::spawn(Worker::new(pager.clone()).run());
    let sam = Agent::sign_in(&page_desk.url, "Sam", "correct horse").await;
    until(
        "the kiosk shows online",
        Duration::from_secs(10),
        || async {
            let c = card(&sam.get("/fleet").await);
            c.contains("data-problems=\"\"") && c.contains("data-device=\"low\"")
        },
    )
    .await;
    // Its two sessions reached the desk, once each, however many heartbeats carried them.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let sessions = a
        .desk
        .store
        .fleet_sessions("2000-01-01T00:00Z")
        .await
        .unwrap();
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|s| s.kiosk == "LHE-T1-K07"));
    let kiosks = a.desk.store.kiosks().await.unwrap();
    assert_eq!(kiosks[0].beat.visits_last_hour, 2);
    assert_eq!(kiosks[0].beat.failures_last_hour, 1);
    assert!(duty.heard().is_empty(), "nothing to page about yet");

    // The kiosk goes quiet.
    worker.abort();
    let quiet = Instant::now();
    duty.wait_for("LHE-T1-K07-fleetoffline", "open", Duration::from_secs(10))
        .await;
    eprintln!(
        "a kiosk heartbeating every second, gone quiet: duty manager paged after {:?}",
        quiet.elapsed()
    );
    let c = card(&sam.get("/fleet").await);
    assert!(
        c.contains("offline") && c.contains("data-alert=\"offline\""),
        "{c}"
    );
    let english = concierge::i18n::Messages::built_in();
    let offline = english.get("en-US", "desk-fleet-alert-offline", &[]);
    assert!(c.contains(&offline), "{c}");
    // The agents' own list shows it too, under their open requests.
    let list = sam.get("/fragment").await;
    let alerts = list
        .split("id=\"kiosk-alerts\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no kiosk alerts on the agents' list: {list}"));
    assert!(
        alerts.contains("data-kiosk=\"LHE-T1-K07\" data-alert=\"offline\"")
            && alerts.contains(&offline),
        "{alerts}"
    );
    // Problems come first on the page, and the summary counts it.
    let page = sam.get("/fleet").await;
    assert!(page.contains("id=\"fleet-summary\""));
    // Paged once, however many checks saw it.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let opened = duty
        .heard()
        .iter()
        .filter(|(i, s)| i == "LHE-T1-K07-fleetoffline" && s == "open")
        .count();
    assert_eq!(opened, 1);
    // /metrics, for Prometheus.
    let metrics_text = no_redirects()
        .get(format!("{}/metrics", page_desk.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics_text.contains(
            "concierge_kiosk_last_seen_timestamp_seconds{kiosk=\"LHE-T1-K07\",airport=\"LHE\"} "
        ),
        "{metrics_text}"
    );
    assert!(metrics_text.contains(
        "concierge_kiosk_alert{kiosk=\"LHE-T1-K07\",airport=\"LHE\",kind=\"offline\"} 1"
    ));

    // Back: the alert clears, and the duty manager hears so.
    let worker = tokio::spawn(Worker::new(pager.clone()).run());
    duty.wait_for(
        "LHE-T1-K07-fleetoffline",
        "resolved",
        Duration::from_secs(10),
    )
    .await;
    let c = card(&sam.get("/fleet").await);
    assert!(!c.contains("data-alert"), "{c}");
    assert!(!sam.get("/fragment").await.contains("id=\"kiosk-alerts\""));
    worker.abort();
}

#[tokio::test(flavor = "multi_thread")]
async fn sqlite_a_kiosk_gone_quiet_shows_offline_and_pages_the_duty_manager_once() {
    a_kiosk_gone_quiet_shows_offline_and_pages_the_duty_manager_once(None).await
}

/// The same with two desk instances on PostgreSQL: the heartbeats reach A, the fleet page is
/// read on B, and the duty manager is paged once between them.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn postgres_a_kiosk_gone_quiet_shows_offline_and_pages_the_duty_manager_once() {
    let database = crate::desk_store::fresh_database().await;
    a_kiosk_gone_quiet_shows_offline_and_pages_the_duty_manager_once(Some(database)).await
}

/// A kiosk whose printer runs out: the fleet page puts it first, in the agent's language, and
/// the duty manager is paged; a heartbeat signed with the wrong key is refused and changes
/// nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_printer_out_is_shown_first_and_paged_and_a_forged_heartbeat_is_refused() {
    let duty = DutyManager::start().await;
    let dir = tempfile::tempdir().unwrap();
    let duty_key = dir.path().join("duty.key");
    std::fs::write(&duty_key, "duty-secret").unwrap();
    let desk = Instance::start(
        None,
        dir.path(),
        &format!(
            "fleet_check_every = \"200ms\"\n[[desk.push]]\nkind = \"webhook\"\nurl = \"{}\"\nsecret_file = \"{}\"\n",
            duty.url,
            duty_key.display()
        ),
    )
    .await;
    desk.desk
        .store
        .set_agent("Sam", &concierge::secret::hash("correct horse").unwrap())
        .await
        .unwrap();
    let kdir = tempfile::tempdir().unwrap();
    let (pager, _metrics) = kiosk(&desk.url, kdir.path());
    pager
        .health()
        .printer_fault("boarding-pass printer: MEDIA_EMPTY");
    let worker = tokio::spawn(Worker::new(pager.clone()).run());
    duty.wait_for("LHE-T1-K07-fleetprinter", "open", Duration::from_secs(10))
        .await;
    // Another kiosk, well, reported by hand (signed with K07's key would be K07): a forged
    // heartbeat for K07 with a wrong key is refused.
    let (beat, _) = concierge::fleet::heartbeat(
        pager.outbox(),
        pager.health(),
        pager.kiosk(),
        "forged",
        30,
        concierge::help::now_ms(),
    )
    .unwrap();
    let body = serde_json::to_vec(&beat).unwrap();
    let forged = no_redirects()
        .post(format!("{}{}", desk.url, concierge::fleet::PATH))
        .header(
            signature::HEADER,
            signature::sign(b"not-the-key", chrono::Utc::now().timestamp(), &body),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 401);
    // Urdu: right to left, the printer's state in Urdu, the kiosk first (it has a problem).
    let sam = Agent::sign_in(&desk.url, "Sam", "correct horse").await;
    let urdu = sam
        .client
        .get(format!("{}/fleet", desk.url))
        .header("Cookie", &sam.cookie)
        .header("Accept-Language", "ur-PK")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let words = concierge::i18n::Messages::built_in();
    assert!(urdu.contains("dir=\"rtl\""));
    assert!(
        urdu.contains(&words.get("ur-PK", "desk-fleet-device-out", &[])),
        "{urdu}"
    );
    assert!(card(&urdu).contains("data-problems=\"device\""));
    worker.abort();
}

/// A kiosk whose store was wiped (a new disk, a reinstall) numbers its sessions from 1 again:
/// the desk keeps them as new ones, and the fleet's figures count them, where it took them for
/// the old ones repeated and dropped them. The desk is on SQLite, then on PostgreSQL.
async fn a_kiosk_whose_store_was_wiped_still_has_its_sessions_counted(database: Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Instance::start(database.as_deref(), dir.path(), "").await;
    let kept = || async {
        desk.desk
            .store
            .fleet_sessions("2000-01-01T00:00Z")
            .await
            .unwrap()
            .len()
    };
    let kdir = tempfile::tempdir().unwrap();
    {
        let (pager, metrics) = kiosk(&desk.url, kdir.path());
        metrics.record_session(&session(Outcome::Completed, "ur-PK"));
        metrics.record_session(&session(Outcome::Completed, "en-US"));
        let worker = tokio::spawn(Worker::new(pager.clone()).run());
        until(
            "the first two sessions reach the desk",
            Duration::from_secs(10),
            || async { kept().await == 2 },
        )
        .await;
        worker.abort();
        let _ = worker.await;
    }
    for file in std::fs::read_dir(kdir.path()).unwrap().flatten() {
        if file
            .file_name()
            .to_string_lossy()
            .starts_with("kiosk.sqlite")
        {
            std::fs::remove_file(file.path()).unwrap();
        }
    }
    let (pager, metrics) = kiosk(&desk.url, kdir.path());
    metrics.record_session(&session(Outcome::TimedOut, "ar"));
    let worker = tokio::spawn(Worker::new(pager.clone()).run());
    until(
        "the wiped kiosk's first session is kept as a new one",
        Duration::from_secs(10),
        || async { kept().await == 3 },
    )
    .await;
    // And once: later heartbeats carry it no more, or are kept once.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(kept().await, 3);
    worker.abort();
}

#[tokio::test(flavor = "multi_thread")]
async fn sqlite_a_kiosk_whose_store_was_wiped_still_has_its_sessions_counted() {
    a_kiosk_whose_store_was_wiped_still_has_its_sessions_counted(None).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn postgres_a_kiosk_whose_store_was_wiped_still_has_its_sessions_counted() {
    let db = crate::desk_store::fresh_database().await;
    a_kiosk_whose_store_was_wiped_still_has_its_sessions_counted(Some(db)).await;
}

/// A kiosk's heartbeat as its worker would send it.
pub(crate) fn beat(
    id: &str,
    airport: &str,
    location: &str,
    printer: &str,
) -> concierge::fleet::Heartbeat {
    concierge::fleet::Heartbeat {
        version: 1,
        kiosk: KioskInfo {
            id: id.into(),
            airport: Some(airport.into()),
            terminal: Some("T1".into()),
            location: location.into(),
        },
        sent_at: chrono::Utc::now().to_rfc3339(),
        every_seconds: 30,
        software: "0.1.0".into(),
        config_version: "3f9a0c1d2e4b".into(),
        devices: concierge::fleet::Devices {
            printer: printer.into(),
            scanner: "ok".into(),
            document_reader: "ok".into(),
            headset: "none".into(),
        },
        last_checkin_at: Some(chrono::Utc::now().to_rfc3339()),
        visits_last_hour: 12,
        failures_last_hour: 1,
        open_help_requests: 0,
        out_of_service: None,
        closed: false,
        sessions: Vec::new(),
        store: format!("{id}-store"),
        published: None,
    }
}

/// The fleet page in Chromium at a desktop and on a phone, in English and Urdu: problems
/// first, the airport filter, nothing wider than a phone, right to left in Urdu, live without
/// a reload. `CONCIERGE_FLEET_SHOTS=DIR` keeps the screenshots.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Chromium and playwright-core: scripts/test installs them"]
async fn the_fleet_page_in_a_real_browser_on_a_phone_and_a_desktop() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Instance::start(None, dir.path(), "").await;
    let store = &desk.desk.store;
    store
        .set_agent("Sam", &concierge::secret::hash("correct horse").unwrap())
        .await
        .unwrap();
    let now = concierge::help::now_ms();
    let mut k07 = beat("LHE-T1-K07", "LHE", "Hall B, gate side", "ok");
    k07.sessions = (1..=9)
        .map(|i| {
            let outcome = if i % 4 == 0 { "timed_out" } else { "completed" };
            let locale = ["ur-PK", "en-US", "ar"][i as usize % 3];
            summary(
                i,
                outcome,
                locale,
                (i % 3 == 0).then_some(30 + i * 10),
                (i == 8).then_some(240),
            )
        })
        .collect();
    for (b, at) in [
        (k07, now),
        (
            beat("LHE-T1-K08", "LHE", "Hall B, by the pillar", "low"),
            now,
        ),
        (
            beat("KHI-T2-K01", "KHI", "Departures, row C", "ok"),
            now - 600_000,
        ),
        (beat("DXB-T3-K11", "DXB", "Zone 4", "out"), now),
    ] {
        store.heartbeat(&b, at).await.unwrap();
    }
    let shots =
        std::env::var("CONCIERGE_FLEET_SHOTS").unwrap_or_else(|_| dir.path().display().to_string());
    let mut browser = crate::common::Browser::start("fleet.mjs", &[&desk.url, &shots]);
    let mut seen = Vec::new();
    let run = async {
        while let Some(line) = browser.lines.recv().await {
            if line == "STEP change" {
                store
                    .heartbeat(
                        &beat("LHE-T1-K07", "LHE", "Hall B, gate side", "out"),
                        concierge::help::now_ms(),
                    )
                    .await
                    .unwrap();
                browser.go();
            } else if let Some(what) = line.strip_prefix("ok ") {
                seen.push(what.to_string());
            }
        }
    };
    let finished = tokio::time::timeout(Duration::from_secs(120), run).await;
    let (ok, stderr) = browser.finish(finished.is_ok());
    assert!(ok, "the browser test failed: {seen:?}\n{stderr}");
    for want in [
        "problems first",
        "filtered by airport",
        "fits a phone in English",
        "Urdu right to left on a phone",
        "report",
        "live",
    ] {
        assert!(seen.iter().any(|s| s == want), "{want}: {seen:?}");
    }
}

/// A session summary as a kiosk's heartbeat carries it.
fn summary(
    seq: i64,
    outcome: &str,
    locale: &str,
    answered: Option<i64>,
    unanswered: Option<i64>,
) -> concierge::fleet::SessionSummary {
    concierge::fleet::SessionSummary {
        seq,
        row: concierge::metrics::SessionRow {
            hour: chrono::Utc::now().format("%Y-%m-%dT%H:00Z").to_string(),
            outcome: outcome.into(),
            last_step: "goodbye".into(),
            furthest: "goodbye".into(),
            locale: locale.into(),
            seconds: 90,
            taps: 12,
            help_requests: i64::from(answered.is_some() || unanswered.is_some()),
            help_ack_seconds: answered,
            help_unanswered_seconds: unanswered,
            printer_fault: false,
            feedback: None,
        },
    }
}

/// The fleet's figures from the kiosks' summaries: by airport, kiosk, language and hour, with
/// how soon pages were answered and how long passengers waited on those nobody answered; the
/// same as CSV; a summary sent twice counts once.
#[tokio::test(flavor = "multi_thread")]
async fn the_fleet_report_counts_each_summary_once_with_unanswered_pages() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Instance::start(None, dir.path(), "").await;
    let store = &desk.desk.store;
    store
        .set_agent("Sam", &concierge::secret::hash("correct horse").unwrap())
        .await
        .unwrap();
    let mut k07 = beat("LHE-T1-K07", "LHE", "Hall B", "ok");
    k07.sessions = vec![
        summary(1, "completed", "ur-PK", None, None),
        summary(2, "completed", "en-US", Some(40), None),
        summary(3, "timed_out", "ur-PK", None, Some(300)),
    ];
    let mut k01 = beat("KHI-T2-K01", "KHI", "Row C", "ok");
    k01.sessions = vec![summary(1, "completed", "ur-PK", Some(100), None)];
    let now = concierge::help::now_ms();
    for b in [&k07, &k07, &k01] {
        store.heartbeat(b, now).await.unwrap();
    }
    let sam = Agent::sign_in(&desk.url, "Sam", "correct horse").await;
    let csv = sam.get("/fleet/report.csv").await;
    let line = |group: &str, key: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{group},{key},")))
            .unwrap_or_else(|| panic!("{group} {key} in {csv}"))
            .to_string()
    };
    assert_eq!(
        line("fleet", "all"),
        "fleet,all,4,3,0.750,3,2,70.0,94.0,1,300.0"
    );
    assert_eq!(
        line("airport", "LHE"),
        "airport,LHE,3,2,0.667,2,1,40.0,40.0,1,300.0"
    );
    assert_eq!(
        line("language", "ur-PK"),
        "language,ur-PK,3,2,0.667,2,1,100.0,100.0,1,300.0"
    );
    assert!(line("kiosk", "KHI-T2-K01").starts_with("kiosk,KHI-T2-K01,1,1,1.000,"));
    // One airport only.
    let khi = sam.get("/fleet/report.csv?period=7d&airport=KHI").await;
    assert!(khi.contains("fleet,all,1,1,"), "{khi}");
    // The page: the total, both charts and the four tables.
    let page = sam.get("/fleet/report").await;
    for id in [
        "report-total",
        "chart-hours",
        "chart-airports",
        "by-airport",
        "by-kiosk",
        "by-language",
        "by-hour",
    ] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(page.contains("75 %"));
}
