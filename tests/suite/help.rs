//! Paging staff, against real HTTP servers on loopback (axum peers in the test, the real
//! binary for kill -9): delivery, deduplication, 500 storms, 429 with Retry-After, refused
//! connections, slow receivers, refusals, escalation, the desk's acknowledgement, each
//! target's protocol, and no page lost across a killed process.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use concierge::checkin::{Page, Reason, Step};
use concierge::config::Config;
use concierge::help::{HelpStatus, KioskInfo, Outbox, Pager, flush, signature};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SECRET: &str = "kiosk-secret-for-tests";

/// What a receiver saw.
#[derive(Debug, Clone)]
struct Seen {
    at: Instant,
    path: String,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// What a receiver answers, in turn: status, `Retry-After`, delay.
type Answer = (u16, Option<&'static str>, Duration);

/// A programmable receiver: answers each request with the next scripted status (the last one
/// repeats), optionally after a delay.
#[derive(Clone, Default)]
struct Receiver {
    seen: Arc<Mutex<Vec<Seen>>>,
    script: Arc<Mutex<Vec<Answer>>>,
    /// The desk's answer to status polls: (state, agent).
    desk_state: Arc<Mutex<(String, Option<String>)>>,
}

impl Receiver {
    fn answering(script: Vec<Answer>) -> Self {
        let r = Receiver::default();
        *r.script.lock().unwrap() = script;
        *r.desk_state.lock().unwrap() = ("open".into(), None);
        r
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn json(&self) -> Vec<serde_json::Value> {
        self.seen()
            .iter()
            .filter_map(|s| serde_json::from_slice(&s.body).ok())
            .collect()
    }
}

async fn receive(
    State(r): State<Receiver>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let n = {
        let mut seen = r.seen.lock().unwrap();
        seen.push(Seen {
            at: Instant::now(),
            path: uri.path().to_string(),
            headers: headers.clone(),
            body: body.to_vec(),
        });
        seen.len()
    };
    let (status, retry_after, delay) = {
        let script = r.script.lock().unwrap();
        script
            .get(n - 1)
            .or(script.last())
            .copied()
            .unwrap_or((200, None, Duration::ZERO))
    };
    tokio::time::sleep(delay).await;
    let mut response = StatusCode::from_u16(status).unwrap().into_response();
    if let Some(after) = retry_after {
        response
            .headers_mut()
            .insert("Retry-After", after.parse().unwrap());
    }
    response
}

async fn desk_status(
    State(r): State<Receiver>,
    UrlPath(key): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let header = headers.get(signature::HEADER).and_then(|h| h.to_str().ok());
    // The poll signs its own path: good for this incident only.
    if signature::verify(
        SECRET.as_bytes(),
        header,
        signature::status_request(&key).as_bytes(),
        chrono::Utc::now().timestamp(),
    )
    .is_err()
    {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let (state, agent) = r.desk_state.lock().unwrap().clone();
    axum::Json(serde_json::json!({ "state": state, "agent": agent })).into_response()
}

async fn serve(r: Receiver) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = Router::new()
        .route("/api/v1/incidents/{key}", get(desk_status))
        .fallback(post(receive))
        .with_state(r);
    let handle = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (format!("http://{addr}"), handle)
}

fn page(session: u64, reason: Reason) -> Page {
    Page {
        session,
        reason,
        step: Step::Greeting,
        locale: "ur-PK".into(),
        flight: Some("NW 786".into()),
        minutes_until_close: Some(42),
        closes_at: None,
        service: None,
        first_name: None,
        at: chrono::Utc::now(),
    }
}

/// A pager whose config is `targets` (TOML for `[[help.targets]]`) plus fast retries.
fn pager(dir: &std::path::Path, targets: &str) -> Pager {
    pager_escalating_after(dir, targets, "300ms")
}

/// A pager that sends the passenger to the desk only after 30 s: for tests that look at a
/// delivered page's state (a slow machine must not turn it into the fallback).
fn patient_pager(dir: &std::path::Path, targets: &str) -> Pager {
    pager_with(dir, targets, "300ms", "30s")
}

/// A pager whose unacknowledged incidents go to the next level after `escalate_after`.
fn pager_escalating_after(dir: &std::path::Path, targets: &str, escalate_after: &str) -> Pager {
    pager_with(dir, targets, escalate_after, "200ms")
}

/// A pager escalating after `escalate_after`, sending the passenger to the desk after
/// `fallback_after` without an agent's answer.
fn pager_with(
    dir: &std::path::Path,
    targets: &str,
    escalate_after: &str,
    fallback_after: &str,
) -> Pager {
    let secret = dir.join("help.key");
    std::fs::write(&secret, SECRET).unwrap();
    let text = format!(
        "[kiosk]\nid = \"LHE-T1-K07\"\nlocation = \"Lahore T1, hall B\"\nairport = \"LHE\"\n\n\
         [help]\nretry_min = \"50ms\"\nretry_max = \"400ms\"\nescalate_after = \"{escalate_after}\"\n\
         poll_every = \"100ms\"\nfallback_after = \"{fallback_after}\"\nfallback_desk = \"desk 12\"\n\n{}",
        targets.replace("SECRET_FILE", &secret.display().to_string())
    );
    let config = Config::parse(&text, None).unwrap().config;
    let outbox = Outbox::open(&dir.join("kiosk.sqlite")).unwrap();
    Pager::new(
        Arc::new(outbox),
        Arc::new(config.help.clone()),
        KioskInfo::from_config(&config),
    )
}

fn webhook(url: &str) -> String {
    format!(
        "[[help.targets]]\nkind = \"webhook\"\nurl = \"{url}/hook\"\nsecret_file = \"SECRET_FILE\"\ntimeout = \"300ms\"\n"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_is_signed_delivered_and_repeated_taps_are_one_incident() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::answering(vec![]);
    let (url, _server) = serve(r.clone()).await;
    let pager = patient_pager(dir.path(), &webhook(&url));
    let key = pager.page(&page(11, Reason::PassengerAsked)).unwrap();
    assert_eq!(key, "LHE-T1-K07-11");
    pager.page(&page(11, Reason::PassengerAsked)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(5)).await.unwrap(), 0);
    let seen = r.seen();
    assert_eq!(seen.len(), 2, "an open and an update");
    let keys: HashSet<_> = seen
        .iter()
        .map(|s| s.headers["Idempotency-Key"].to_str().unwrap().to_string())
        .collect();
    assert_eq!(keys, HashSet::from([key.clone()]), "one incident");
    for s in &seen {
        let header = s.headers[signature::HEADER].to_str().unwrap();
        signature::verify(
            SECRET.as_bytes(),
            Some(header),
            &s.body,
            chrono::Utc::now().timestamp(),
        )
        .unwrap();
    }
    let bodies = r.json();
    assert_eq!(bodies[0]["state"], "open");
    assert_eq!(bodies[1]["state"], "updated");
    assert_eq!(bodies[0]["version"], 1);
    assert_eq!(bodies[0]["kiosk"]["id"], "LHE-T1-K07");
    assert_eq!(bodies[0]["kiosk"]["airport"], "LHE");
    assert_eq!(bodies[0]["airline"], "NW");
    assert_eq!(bodies[0]["minutes_until_close"], 42);
    assert_eq!(bodies[0]["reason"], "passenger_asked");
    assert_eq!(bodies[0]["first_name"], serde_json::Value::Null);
    assert_eq!(pager.status(&key).unwrap(), HelpStatus::Delivered);
    // The passenger cancels: the receiver hears it.
    pager.cancel(11).unwrap();
    flush(&pager, Duration::from_secs(5)).await.unwrap();
    assert_eq!(r.json().last().unwrap()["state"], "cancelled");
    assert_eq!(pager.status(&key).unwrap(), HelpStatus::Cancelled);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_storm_of_500s_then_recovery_delivers() {
    let dir = tempfile::tempdir().unwrap();
    let mut script = vec![(500, None, Duration::ZERO); 5];
    script.push((200, None, Duration::ZERO));
    let r = Receiver::answering(script);
    let (url, _server) = serve(r.clone()).await;
    let pager = pager(dir.path(), &webhook(&url));
    let key = pager.page(&page(12, Reason::PassengerAsked)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(10)).await.unwrap(), 0);
    assert_eq!(r.seen().len(), 6);
    // Delivered, but after `fallback_after` (200 ms here) with nobody acknowledging: the
    // passenger was sent to the desk and is not told otherwise until an agent answers.
    assert_eq!(
        pager.status(&key).unwrap(),
        HelpStatus::Fallback {
            desk: "desk 12".into()
        }
    );
    let deliveries = pager.outbox().deliveries().unwrap();
    assert_eq!(deliveries[0].status, "delivered");
    assert_eq!(deliveries[0].attempts, 6, "six attempts");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_is_retried_no_sooner_than_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::answering(vec![
        (429, Some("1"), Duration::ZERO),
        (200, None, Duration::ZERO),
    ]);
    let (url, _server) = serve(r.clone()).await;
    let pager = pager(dir.path(), &webhook(&url));
    pager.page(&page(13, Reason::PassengerAsked)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(5)).await.unwrap(), 0);
    let seen = r.seen();
    assert_eq!(seen.len(), 2);
    let gap = seen[1].at - seen[0].at;
    assert!(gap >= Duration::from_millis(950), "retried after {gap:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_receiver_that_is_down_gets_the_page_when_it_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    // Reserve a port, then close it: connections are refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let pager = pager(dir.path(), &webhook(&url));
    let key = pager.page(&page(14, Reason::PassengerAsked)).unwrap();
    assert_eq!(
        flush(&pager, Duration::from_millis(600)).await.unwrap(),
        1,
        "still queued"
    );
    assert_eq!(
        pager.status(&key).unwrap(),
        HelpStatus::Fallback {
            desk: "desk 12".into()
        }
    );
    let r = Receiver::answering(vec![]);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let app = Router::new().fallback(post(receive)).with_state(r.clone());
    let _server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    assert_eq!(flush(&pager, Duration::from_secs(5)).await.unwrap(), 0);
    assert_eq!(r.seen().len(), 1);
    assert_eq!(pager.outbox().deliveries().unwrap()[0].status, "delivered");
    assert!(
        matches!(pager.status(&key).unwrap(), HelpStatus::Fallback { .. }),
        "the passenger already sent to the desk stays sent until an agent answers"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_receiver_slower_than_the_timeout_is_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::answering(vec![
        (200, None, Duration::from_secs(2)),
        (200, None, Duration::ZERO),
    ]);
    let (url, _server) = serve(r.clone()).await;
    let pager = pager(dir.path(), &webhook(&url));
    pager.page(&page(15, Reason::PassengerAsked)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(5)).await.unwrap(), 0);
    let seen = r.seen();
    assert!(seen.len() >= 2, "{}", seen.len());
    let keys: HashSet<_> = seen
        .iter()
        .map(|s| s.headers["Idempotency-Key"].to_str().unwrap().to_string())
        .collect();
    assert_eq!(keys.len(), 1, "the retry is the same incident");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refusal_stops_retrying_and_is_an_operator_fault() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::answering(vec![(401, None, Duration::ZERO)]);
    let (url, _server) = serve(r.clone()).await;
    let pager = pager(dir.path(), &webhook(&url));
    let key = pager.page(&page(16, Reason::PassengerAsked)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(2)).await.unwrap(), 0);
    assert_eq!(r.seen().len(), 1, "not retried");
    let d = &pager.outbox().deliveries().unwrap()[0];
    assert_eq!(d.status, "failed");
    assert!(d.last_error.as_deref().unwrap().contains("HTTP 401"));
    assert!(pager.outbox().incident(&key).unwrap().unwrap().failed);
}

#[tokio::test(flavor = "multi_thread")]
async fn nobody_acknowledging_escalates_to_the_next_level_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let first = Receiver::answering(vec![]);
    let second = Receiver::answering(vec![]);
    let (a, _s1) = serve(first.clone()).await;
    let (b, _s2) = serve(second.clone()).await;
    let targets = format!("{}{}level = 1\n", webhook(&a), webhook(&b));
    // Long enough that a loaded machine delivers to level 0 well before anyone escalates.
    let pager = pager_escalating_after(dir.path(), &targets, "3s");
    let paged = std::time::Instant::now();
    pager.page(&page(17, Reason::PassengerAsked)).unwrap();
    flush(&pager, Duration::from_secs(2)).await.unwrap();
    assert_eq!(first.seen().len(), 1);
    if paged.elapsed() < Duration::from_secs(3) {
        assert!(second.seen().is_empty(), "level 1 waits");
    }
    // Nobody acknowledges: the worker keeps going until level 1 hears of it.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while second.seen().is_empty() && tokio::time::Instant::now() < deadline {
        flush(&pager, Duration::from_secs(1)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        paged.elapsed() >= Duration::from_secs(3),
        "not before escalate_after"
    );
    let escalated = second.json();
    assert_eq!(escalated.len(), 1);
    assert_eq!(escalated[0]["state"], "escalated");
    assert_eq!(escalated[0]["escalation_level"], 1);
    assert_eq!(escalated[0]["incident"], "LHE-T1-K07-17");
    // It says to whom and when (the desk shows "escalated at 14:20 to …"), and when the kiosk
    // gives up on an agent.
    assert_eq!(
        escalated[0]["escalated_to"],
        serde_json::json!(["webhook-2"])
    );
    let at = escalated[0]["escalated_at"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
    assert!(escalated[0]["gives_up_at"].as_str().is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_kiosk_learns_from_the_desk_who_is_coming() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Receiver::answering(vec![]);
    let (url, _server) = serve(desk.clone()).await;
    let targets = format!(
        "[[help.targets]]\nkind = \"desk\"\nurl = \"{url}\"\nsecret_file = \"SECRET_FILE\"\n"
    );
    let pager = patient_pager(dir.path(), &targets);
    let key = pager.page(&page(18, Reason::PassengerAsked)).unwrap();
    flush(&pager, Duration::from_secs(2)).await.unwrap();
    assert_eq!(desk.seen()[0].path, "/api/v1/incidents");
    *desk.desk_state.lock().unwrap() = ("acknowledged".into(), Some("Sam".into()));
    let want = HelpStatus::Acknowledged {
        agent: "Sam".into(),
    };
    assert_eq!(
        crate::common::step_until(&pager, &key, &want, Duration::from_secs(3)).await,
        want
    );
    // What the engine hears (once): "Sam is on the way".
    let (seen, event) = concierge::runtime::Paging::news(&pager, 18, None).unwrap();
    assert_eq!(
        event,
        Some(concierge::checkin::Event::HelpAcknowledged {
            agent: "Sam".into()
        })
    );
    assert!(concierge::runtime::Paging::news(&pager, 18, Some(&seen)).is_none());
    *desk.desk_state.lock().unwrap() = ("resolved".into(), Some("Sam".into()));
    let want = HelpStatus::Resolved;
    assert_eq!(
        crate::common::step_until(&pager, &key, &want, Duration::from_secs(3)).await,
        want
    );
    // The passenger needs help again in the same session: the same incident reopens, from the
    // first level, and is delivered again (the desk reopens it too).
    *desk.desk_state.lock().unwrap() = ("open".into(), None);
    pager.page(&page(18, Reason::PassengerAsked)).unwrap();
    let reopened = pager.outbox().incident(&key).unwrap().unwrap();
    assert_eq!((reopened.level, reopened.delivered), (0, false));
    flush(&pager, Duration::from_secs(2)).await.unwrap();
    assert_eq!(pager.status(&key).unwrap(), HelpStatus::Delivered);
    assert_eq!(desk.json().last().unwrap()["state"], "open");
}

#[tokio::test(flavor = "multi_thread")]
async fn alertmanager_pagerduty_ntfy_and_slack_each_get_their_own_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::answering(vec![(202, None, Duration::ZERO)]);
    let (url, _server) = serve(r.clone()).await;
    let key_file = dir.path().join("pd.key");
    std::fs::write(&key_file, "R0UTINGKEY").unwrap();
    let token_file = dir.path().join("ntfy.token");
    std::fs::write(&token_file, "tk_secret").unwrap();
    // A Slack webhook's URL is its secret: from a file.
    let slack_file = dir.path().join("slack.url");
    std::fs::write(&slack_file, format!("{url}/services/T0/B0/X")).unwrap();
    let targets = format!(
        "[[help.targets]]\nkind = \"alertmanager\"\nurl = \"{url}\"\n\n\
         [[help.targets]]\nkind = \"pagerduty\"\nurl = \"{url}/v2/enqueue\"\nrouting_key_file = \"{}\"\n\n\
         [[help.targets]]\nkind = \"ntfy\"\nurl = \"{url}/kiosks\"\ntoken_file = \"{}\"\n\n\
         [[help.targets]]\nkind = \"slack\"\nurl_file = \"{}\"\n",
        key_file.display(),
        token_file.display(),
        slack_file.display()
    );
    let pager = pager(dir.path(), &targets);
    pager
        .page(&page(
            19,
            Reason::Exception(concierge::checkin::ExceptionKind::PrinterFailure),
        ))
        .unwrap();
    flush(&pager, Duration::from_secs(3)).await.unwrap();
    pager.cancel(19).unwrap();
    flush(&pager, Duration::from_secs(3)).await.unwrap();
    let seen = r.seen();
    let by = |p: &str| -> Vec<Seen> { seen.iter().filter(|s| s.path == p).cloned().collect() };
    let alerts = by("/api/v2/alerts");
    let first: serde_json::Value = serde_json::from_slice(&alerts[0].body).unwrap();
    assert_eq!(first[0]["labels"]["alertname"], "ConciergeHelp");
    assert_eq!(first[0]["labels"]["kiosk"], "LHE-T1-K07");
    assert_eq!(first[0]["annotations"]["reason"], "printer_failure");
    assert!(
        first[0]["labels"].get("reason").is_none(),
        "labels stay the same all along"
    );
    assert!(first[0].get("endsAt").is_none());
    let last: serde_json::Value = serde_json::from_slice(&alerts.last().unwrap().body).unwrap();
    assert!(last[0]["endsAt"].is_string(), "resolved with endsAt");
    let pd = by("/v2/enqueue");
    let trigger: serde_json::Value = serde_json::from_slice(&pd[0].body).unwrap();
    assert_eq!(trigger["routing_key"], "R0UTINGKEY");
    assert_eq!(trigger["dedup_key"], "LHE-T1-K07-19");
    assert_eq!(trigger["event_action"], "trigger");
    let resolve: serde_json::Value = serde_json::from_slice(&pd.last().unwrap().body).unwrap();
    assert_eq!(resolve["event_action"], "resolve");
    let ntfy = by("/kiosks");
    assert_eq!(ntfy[0].headers["Authorization"], "Bearer tk_secret");
    assert_eq!(ntfy[0].headers["Priority"], "high");
    assert!(String::from_utf8_lossy(&ntfy[0].body).contains("printer failure"));
    let slack: serde_json::Value =
        serde_json::from_slice(&by("/services/T0/B0/X")[0].body).unwrap();
    assert!(slack["text"].as_str().unwrap().contains("Kiosk LHE-T1-K07"));
}

#[test]
fn secrets_are_never_inline_and_missing_ones_are_named() {
    let err = Config::parse(
        "[[help.targets]]\nkind = \"webhook\"\nurl = \"http://x\"\nsecret = \"hunter2\"\n",
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("use `secret_env"), "{err}");
    assert!(!err.contains("hunter2"));
    let err = Config::parse(
        "[[help.targets]]\nkind = \"webhook\"\nurl = \"http://x\"\nsecret_env = \"CONCIERGE_TEST_UNSET_VARIABLE\"\n",
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("CONCIERGE_TEST_UNSET_VARIABLE, which is not set"),
        "{err}"
    );
    let err = Config::parse(
        "[[help.targets]]\nkind = \"pager\"\nurl = \"http://x\"\n",
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("must be one of desk, webhook"), "{err}");
    // A secret never shows in debug output (and so never in logs).
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k");
    std::fs::write(&key, "hunter2").unwrap();
    let c = Config::parse(
        &format!(
            "[[help.targets]]\nkind = \"webhook\"\nurl = \"https://x\"\nsecret_file = \"{}\"\n",
            key.display()
        ),
        None,
    )
    .unwrap()
    .config;
    assert!(!format!("{c:?}").contains("hunter2"));
}

/// The real binary, killed with SIGKILL while its page is queued, loses nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_page_survives_kill_9_and_goes_out_when_the_receiver_returns() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let secret = dir.path().join("help.key");
    std::fs::write(&secret, SECRET).unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(
        &config,
        format!(
            "[kiosk]\nid = \"K-KILL\"\n[help]\nretry_min = \"50ms\"\nretry_max = \"200ms\"\n\
             [[help.targets]]\nkind = \"webhook\"\nurl = \"http://127.0.0.1:{port}/hook\"\nsecret_file = \"{}\"\n",
            secret.display()
        ),
    )
    .unwrap();
    let data = dir.path().to_path_buf();
    let concierge = move |args: &[&str]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_concierge"));
        c.arg("--config")
            .arg(&config)
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
        c
    };
    // The receiver is down: the page stays queued (exit 3).
    let out = concierge(&["page", "--reason", "drill", "--wait", "1s"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Another page, and kill -9 while it retries.
    let mut child = concierge(&["page", "--reason", "drill", "--wait", "60s"])
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let queued = tokio::task::spawn_blocking(move || {
        use std::io::BufRead;
        std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains("is queued"))
    })
    .await
    .unwrap();
    assert!(queued);
    tokio::time::sleep(Duration::from_millis(300)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    // The receiver comes back; the queue is flushed.
    let r = Receiver::answering(vec![]);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let app = Router::new().fallback(post(receive)).with_state(r.clone());
    let _server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let flush_cmd = concierge.clone();
    let out = tokio::task::spawn_blocking(move || {
        flush_cmd(&["page", "--flush", "--wait", "10s"])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bodies = r.json();
    let incidents: HashSet<String> = bodies
        .iter()
        .map(|b| b["incident"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(incidents.len(), 2, "both drills, none lost: {bodies:?}");
    assert!(bodies.iter().all(|b| b["reason"] == "drill"));
    // At-least-once, deduplicated by key: no incident arrives as two different requests.
    let per_incident: HashSet<(String, String)> = bodies
        .iter()
        .map(|b| {
            (
                b["incident"].as_str().unwrap().into(),
                b["id"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(per_incident.len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn page_test_reports_each_target_with_its_latency() {
    let dir = tempfile::tempdir().unwrap();
    let good = Receiver::answering(vec![]);
    let bad = Receiver::answering(vec![(403, None, Duration::ZERO)]);
    let (a, _s1) = serve(good.clone()).await;
    let (b, _s2) = serve(bad.clone()).await;
    let secret = dir.path().join("help.key");
    std::fs::write(&secret, SECRET).unwrap();
    let config = dir.path().join("concierge.toml");
    let target = |name: &str, url: &str| {
        format!(
            "[[help.targets]]\nname = \"{name}\"\nkind = \"webhook\"\nurl = \"{url}/hook\"\nsecret_file = \"{}\"\n",
            secret.display()
        )
    };
    std::fs::write(&config, target("ops-desk", &a) + &target("old-hook", &b)).unwrap();
    let data = dir.path().to_path_buf();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_concierge"))
            .arg("--config")
            .arg(&config)
            .arg("--data-dir")
            .arg(&data)
            .args(["page", "--test"])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("ops-desk (webhook): delivered in "),
        "{stdout}"
    );
    assert!(
        stdout.contains("old-hook (webhook): failed after ") && stdout.contains("HTTP 403"),
        "{stdout}"
    );
    assert_eq!(good.json()[0]["state"], "test");
}

#[tokio::test(flavor = "multi_thread")]
async fn maintenance_is_one_incident_per_reason_apart_from_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::answering(vec![]);
    let (url, _server) = serve(r.clone()).await;
    let pager = pager(dir.path(), &webhook(&url));
    let a = pager
        .maintenance(&page(20, Reason::PrinterPaperLow))
        .unwrap();
    let b = pager
        .maintenance(&page(21, Reason::PrinterPaperLow))
        .unwrap();
    assert_eq!(a, b);
    assert_eq!(a, "LHE-T1-K07-maintenance-printer_paper_low");
    // The printer works again: its maintenance pages close.
    concierge::runtime::Paging::printer_back(&pager);
    flush(&pager, Duration::from_secs(3)).await.unwrap();
    let states: Vec<String> = r
        .json()
        .iter()
        .map(|b| b["state"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(states, ["open", "updated", "resolved"]);
    assert!(
        r.json().iter().all(|b| b["flight"].is_null()),
        "no passenger's data"
    );
}

/// Every target refused the page for good (a 400: a wrong key, a wrong URL): waiting will not
/// bring anyone, so the screen sends the passenger to a desk at once — not after
/// `fallback_after`, saying "an agent will be told in a moment" meanwhile.
#[tokio::test(flavor = "multi_thread")]
async fn a_page_every_target_refuses_sends_the_passenger_to_a_desk_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new().fallback(|| async { (StatusCode::BAD_REQUEST, "unknown kiosk") });
    let _server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let secret = dir.path().join("help.key");
    std::fs::write(&secret, SECRET).unwrap();
    let config = concierge::config::Config::parse(
        &format!(
            "[kiosk]\nid = \"LHE-T1-K07\"\n[help]\nfallback_after = \"10m\"\n\
             [[help.targets]]\nkind = \"webhook\"\nurl = \"{url}/hook\"\nsecret_file = \"{}\"\n",
            secret.display()
        ),
        None,
    )
    .unwrap()
    .config;
    let pager = Pager::new(
        Arc::new(Outbox::open(&dir.path().join("kiosk.sqlite")).unwrap()),
        Arc::new(config.help.clone()),
        KioskInfo::from_config(&config),
    );
    let key = pager.page(&page(21, Reason::PassengerAsked)).unwrap();
    assert_eq!(pager.status(&key).unwrap(), HelpStatus::Queued);
    flush(&pager, Duration::from_secs(2)).await.unwrap();
    assert_eq!(
        pager.status(&key).unwrap(),
        HelpStatus::Fallback {
            desk: String::new()
        },
        "refused for good: to a desk now (the passenger's language names it)"
    );
}

/// A page delivered to the desk that nobody acknowledges does not leave the passenger waiting
/// for ever: after `fallback_after` the screen sends them to the desk. (Before: "Help is on the
/// way" stayed for over five minutes with the demo desk and nobody answering.)
#[tokio::test(flavor = "multi_thread")]
async fn a_delivered_page_nobody_acknowledges_ends_in_go_to_the_desk() {
    let dir = tempfile::tempdir().unwrap();
    let r = Receiver::answering(vec![]);
    let (url, _server) = serve(r.clone()).await;
    let pager = pager_with(dir.path(), &webhook(&url), "10m", "1500ms");
    let key = pager.page(&page(31, Reason::PassengerAsked)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(1)).await.unwrap(), 0);
    assert_eq!(r.seen().len(), 1);
    assert_eq!(pager.status(&key).unwrap(), HelpStatus::Delivered);
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let status = pager.status(&key).unwrap();
    assert_eq!(
        status,
        HelpStatus::Fallback {
            desk: "desk 12".into()
        }
    );
    // What the engine hears: nobody could be reached.
    assert_eq!(
        status.engine_event(),
        Some(concierge::checkin::Event::HelpUnreachable {
            desk: "desk 12".into()
        })
    );
}
