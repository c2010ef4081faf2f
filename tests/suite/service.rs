//! How the service is doing, as operators read it: `concierge report` over a week of sessions
//! (table, JSON, CSV and the funnel chart as SVG and PNG), and the Prometheus endpoint a fleet
//! scrapes.

use concierge::checkin::{Outcome, SessionReport, Step};
use concierge::metrics::{Metrics, SqliteMetrics};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn session(outcome: Outcome, last: Step, locale: &str) -> SessionReport {
    SessionReport {
        outcome,
        last_step: last,
        furthest: last,
        locale: locale.into(),
        seconds: 90,
        taps: 7,
        help_requests: 0,
        help_unanswered_after: None,
        help_acknowledged_after: None,
        printer_fault: false,
        feedback: None,
    }
}

/// A week at a kiosk: each day 6 completed, 2 given up at Seats, 1 at Identify; help asked for
/// on the Seats ones and acknowledged after 30 s and 150 s.
fn a_week(store: &SqliteMetrics) {
    let today = chrono::Utc::now().date_naive();
    for d in 0..7 {
        let day = today - chrono::Days::new(6 - d);
        let hour = format!("{day}T10:00Z");
        for i in 0..6 {
            let mut s = session(
                Outcome::Completed,
                Step::Goodbye,
                if i % 2 == 0 { "en-US" } else { "ur-PK" },
            );
            s.feedback = Some(if i % 2 == 0 { 5 } else { 4 });
            store.record_session_at(&hour, &s);
        }
        for ack in [30, 150] {
            let mut s = session(Outcome::TimedOut, Step::Seats, "ar");
            s.help_requests = 1;
            s.help_acknowledged_after = Some(ack);
            store.record_session_at(&hour, &s);
        }
        store.record_session_at(&hour, &session(Outcome::Cancelled, Step::Identify, "en-US"));
    }
}

fn concierge(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_concierge"))
        .arg("--data-dir")
        .arg(data)
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_report_shows_where_passengers_give_up_and_how_soon_help_comes() {
    let dir = tempfile::tempdir().unwrap();
    a_week(&SqliteMetrics::open(&dir.path().join("kiosk.sqlite")).unwrap());
    let svg = dir.path().join("funnel.svg");
    let out = concierge(
        dir.path(),
        &[
            "report",
            "--since",
            "7d",
            "--format",
            "json",
            "--chart",
            svg.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["sessions"], 63);
    assert_eq!(r["completed"], 42);
    assert!((r["completion_rate"].as_f64().unwrap() - 42.0 / 63.0).abs() < 1e-9);
    assert_eq!(r["abandoned_at"][0], serde_json::json!(["seats", 14]));
    assert_eq!(r["abandoned_at"][1], serde_json::json!(["identify", 7]));
    assert_eq!(r["median_seconds_to_acknowledge"], 90.0);
    assert_eq!(r["p90_seconds_to_acknowledge"], 150.0);
    assert!((r["help_per_100_sessions"].as_f64().unwrap() - 1400.0 / 63.0).abs() < 1e-9);
    assert_eq!(r["taps_per_completed"], 7.0);
    assert_eq!(r["daily"].as_array().unwrap().len(), 7);
    assert_eq!(
        r["satisfaction_by_locale"][0],
        serde_json::json!(["en-US", 21, 5.0])
    );
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.contains("Where passengers give up") && picture.contains("Sessions per day"));

    // The table for people, CSV for spreadsheets, a PNG for slides.
    let out = concierge(dir.path(), &["report", "--since", "2d"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("Where passengers give up"), "{table}");
    assert!(table.contains("seats"), "{table}");
    let csv =
        String::from_utf8_lossy(&concierge(dir.path(), &["report", "--format", "csv"]).stdout)
            .to_string();
    assert!(
        csv.starts_with("section,key,value\n") && csv.contains("abandoned_at,seats,14\n"),
        "{csv}"
    );
    let png = dir.path().join("funnel.png");
    let out = concierge(dir.path(), &["report", "--chart", png.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let info = decoder.read_info().unwrap();
    assert_eq!((info.info().width, info.info().height), (1000, 520));
    if let Ok(keep) = std::env::var("CONCIERGE_CHART_OUT") {
        std::fs::copy(&png, keep).unwrap();
    }

    // Mistakes are explained.
    let out = concierge(dir.path(), &["report", "--since", "a week"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--since must be a duration"));
    let empty = tempfile::tempdir().unwrap();
    let out = concierge(empty.path(), &["report"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no service metrics"));
}

#[tokio::test(flavor = "multi_thread")]
async fn prometheus_scrapes_the_same_counters() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(SqliteMetrics::open(&dir.path().join("kiosk.sqlite")).unwrap());
    a_week(&store);
    // A page nobody acknowledged: the passenger waited 400 s and the session ended.
    let mut unanswered = session(Outcome::TimedOut, Step::Seats, "ar");
    unanswered.help_requests = 1;
    unanswered.help_unanswered_after = Some(400);
    store.record_session(&unanswered);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/metrics", listener.local_addr().unwrap());
    tokio::spawn(concierge::metrics::serve_prometheus(
        listener,
        store,
        "LHE-T1-K07".into(),
    ));
    concierge::net::install_crypto();
    let text = reqwest::get(&url).await.unwrap().text().await.unwrap();
    for line in [
        "concierge_sessions_total{outcome=\"completed\"} 42",
        "concierge_sessions_total{outcome=\"timed_out\"} 15",
        "concierge_sessions_abandoned_total{step=\"seats\"} 15",
        "concierge_help_requests_total 15",
        "concierge_help_acknowledge_seconds_bucket{le=\"30\"} 7",
        "concierge_help_acknowledge_seconds_bucket{le=\"600\"} 14",
        // Every page counted, the unanswered one beyond the last bucket.
        "concierge_help_acknowledge_seconds_bucket{le=\"+Inf\"} 15",
        "concierge_help_acknowledge_seconds_count 15",
        "concierge_help_acknowledge_seconds_sum 1660",
        "concierge_feedback_total{locale=\"ur-PK\"} 21",
        "concierge_feedback_score_sum{locale=\"ur-PK\"} 84",
        "concierge_kiosk_info{kiosk=\"LHE-T1-K07\"} 1",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");
    }
    // Every sample line is "name{labels} number".
    for l in text.lines().filter(|l| !l.starts_with('#')) {
        let value = l.rsplit(' ').next().unwrap();
        assert!(value.parse::<f64>().is_ok(), "{l}");
    }
}

/// The desk, run by systemd, says when it listens and keeps its watchdog fed.
#[test]
fn the_desk_tells_systemd_it_is_ready_and_alive() {
    use std::os::unix::net::UnixDatagram;
    let dir = tempfile::tempdir().unwrap();
    let notify = dir.path().join("notify.sock");
    let systemd = UnixDatagram::bind(&notify).unwrap();
    systemd
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut desk = Command::new(env!("CARGO_BIN_EXE_concierge"))
        .arg("--data-dir")
        .arg(dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .env("NOTIFY_SOCKET", &notify)
        .env("WATCHDOG_USEC", "400000")
        .args(["desk", "--listen", &format!("127.0.0.1:{port}")])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut buf = [0u8; 256];
    let first = systemd
        .recv(&mut buf)
        .map(|n| String::from_utf8_lossy(&buf[..n]).to_string());
    let second = systemd
        .recv(&mut buf)
        .map(|n| String::from_utf8_lossy(&buf[..n]).to_string());
    let _ = desk.kill();
    let _ = desk.wait();
    let first = first.expect("READY within 20 s");
    assert!(
        first.starts_with("READY=1") && first.contains("agent desk"),
        "{first}"
    );
    assert_eq!(second.expect("a heartbeat"), "WATCHDOG=1");
}

/// Idle connections to the kiosk's metrics port never take the descriptors a page to staff
/// needs: the endpoint holds a few at once, the rest wait in the kernel's queue (before: 1,024
/// idle connections exhausted the kiosk's descriptors and a Help page failed with EMFILE).
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread")]
async fn idle_connections_to_the_metrics_port_hold_few_descriptors() {
    let open_fds = || std::fs::read_dir("/proc/self/fd").unwrap().count();
    concierge::net::raise_file_limit();
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(SqliteMetrics::open(&dir.path().join("kiosk.sqlite")).unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(concierge::metrics::serve_prometheus(
        listener,
        store,
        "LHE-T1-K07".into(),
    ));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let before = open_fds();
    let mut idle = Vec::new();
    // Fewer than a listener's smallest queue (128): each connect completes at once.
    for _ in 0..100 {
        idle.push(tokio::net::TcpStream::connect(addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let held_by_server = open_fds() - before - idle.len();
    eprintln!("100 idle connections: the metrics endpoint holds {held_by_server} descriptors");
    assert!(
        held_by_server <= concierge::metrics::METRICS_CONNECTIONS + 8,
        "{held_by_server} descriptors held"
    );
}
