//! The agent desk: signed pages from kiosks (good, tampered, stale, replayed, unknown kiosk),
//! one incident per key however often it arrives, and the agent's acknowledgement reaching the
//! kiosk through its status polls.

use concierge::checkin::{Page, Reason, Step};
use concierge::config::Config;
use concierge::desk::Desk;
use concierge::help::{HelpStatus, KioskInfo, Outbox, Pager, flush, signature};
use concierge::secret::hash;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub(crate) const SECRET: &str = "desk-test-kiosk-secret";

pub(crate) struct Running {
    pub(crate) url: String,
    pub(crate) desk: Arc<Desk>,
    _dir: tempfile::TempDir,
}

pub(crate) async fn start() -> Running {
    concierge::net::install_crypto();
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k07.key");
    std::fs::write(&key, SECRET).unwrap();
    let key8 = dir.path().join("k08.key");
    std::fs::write(&key8, "k08-secret").unwrap();
    let config = Config::parse(
        &format!(
            "[[desk.kiosks]]\nid = \"LHE-T1-K07\"\nsecret_file = \"{}\"\n\
             [[desk.kiosks]]\nid = \"LHE-T1-K08\"\nsecret_file = \"{}\"\n",
            key.display(),
            key8.display()
        ),
        None,
    )
    .unwrap()
    .config;
    let store = concierge::desk::open_sqlite(&dir.path().join("desk.sqlite")).unwrap();
    store
        .set_agent("Sam", &hash("correct horse").unwrap())
        .await
        .unwrap();
    let desk = Desk::new(store, &config.desk, false);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(concierge::desk::serve(
        listener,
        desk.clone(),
        Duration::from_secs(3600),
    ));
    Running {
        url,
        desk,
        _dir: dir,
    }
}

/// Kiosk LHE-T1-K07's pager, its store in `dir`, paging the desk at `url`.
pub(crate) fn kiosk_pager(url: &str, dir: &std::path::Path) -> Pager {
    let key = dir.join("k.key");
    std::fs::write(&key, SECRET).unwrap();
    let config = Config::parse(
        &format!(
            "[kiosk]\nid = \"LHE-T1-K07\"\nlocation = \"Hall B\"\nairport = \"LHE\"\nterminal = \"T1\"\n\
             [help]\npoll_every = \"100ms\"\n\
             [[help.targets]]\nkind = \"desk\"\nurl = \"{url}\"\nsecret_file = \"{}\"\n",
            key.display()
        ),
        None,
    )
    .unwrap()
    .config;
    Pager::new(
        Arc::new(Outbox::open(&dir.join("kiosk.sqlite")).unwrap()),
        Arc::new(config.help.clone()),
        KioskInfo::from_config(&config),
    )
}

fn body(incident: &str, state: &str) -> String {
    serde_json::json!({
        "version": 1, "id": format!("{incident}-1"), "incident": incident, "state": state,
        "kiosk": {"id": "LHE-T1-K07", "airport": "LHE", "location": "Lahore T1, hall B"},
        "airline": "NW", "flight": "NW 786", "minutes_until_close": 42, "step": "seats",
        "reason": "passenger_asked", "locale": "ur-PK", "first_name": null,
        "requested_at": "2025-01-01T08:00:00Z", "escalation_level": 0
    })
    .to_string()
}

async fn post(url: &str, body: &str, sig: &str) -> u16 {
    concierge::net::install_crypto();
    crate::common::http()
        .post(format!("{url}/api/v1/incidents"))
        .header(signature::HEADER, sig)
        .body(body.to_string())
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desk_accepts_only_good_fresh_signatures_and_deduplicates() {
    let d = start().await;
    let now = chrono::Utc::now().timestamp();
    let b = body("LHE-T1-K07-1", "open");
    let good = signature::sign(SECRET.as_bytes(), now, b.as_bytes());
    assert_eq!(post(&d.url, &b, &good).await, 200);
    // Replayed (same signature, within the window): harmless, still one incident.
    assert_eq!(post(&d.url, &b, &good).await, 200);
    // A retry signed afresh.
    let again = signature::sign(SECRET.as_bytes(), now + 1, b.as_bytes());
    assert_eq!(post(&d.url, &b, &again).await, 200);
    let open = d.desk.store.open_incidents().await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].deliveries, 3);
    // Tampered, stale, wrong key, unknown kiosk, garbage.
    let tampered = b.replace("passenger_asked", "printer_failure");
    assert_eq!(post(&d.url, &tampered, &good).await, 401);
    let stale = signature::sign(SECRET.as_bytes(), now - 400, b.as_bytes());
    assert_eq!(post(&d.url, &b, &stale).await, 401);
    let wrong = signature::sign(b"not the kiosk's", now, b.as_bytes());
    assert_eq!(post(&d.url, &b, &wrong).await, 401);
    let stranger = b.replace(
        "\"id\":\"LHE-T1-K07\",\"location\"",
        "\"id\":\"LHE-T1-K99\",\"location\"",
    );
    assert_ne!(stranger, b);
    let sig = signature::sign(SECRET.as_bytes(), now, stranger.as_bytes());
    assert_eq!(post(&d.url, &stranger, &sig).await, 401);
    assert_eq!(post(&d.url, "garbage", &good).await, 400);
    // Another registered kiosk cannot touch this kiosk's incident.
    let other = b
        .replace(
            "\"id\":\"LHE-T1-K07\",\"location\"",
            "\"id\":\"LHE-T1-K08\",\"location\"",
        )
        .replace("\"state\":\"open\"", "\"state\":\"resolved\"");
    let sig = signature::sign(b"k08-secret", now, other.as_bytes());
    // The key names K07: refused before the store is even asked.
    assert_eq!(post(&d.url, &other, &sig).await, 400);
    assert_eq!(d.desk.store.open_incidents().await.unwrap().len(), 1);
    assert_eq!(
        d.desk.store.open_incidents().await.unwrap()[0]
            .request
            .reason,
        "passenger_asked"
    );
}

/// `application/x-www-form-urlencoded`, as a browser sends a form.
fn form(pairs: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                b' ' => "+".into(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Signs in as a browser does: fetches the form (its token comes as a cookie for `/login` and
/// a hidden field), then posts it back with both.
pub(crate) async fn sign_in(
    client: &reqwest::Client,
    url: &str,
    name: &str,
    password: &str,
) -> reqwest::Response {
    let form_page = client.get(format!("{url}/login")).send().await.unwrap();
    let login_cookie = form_page
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find(|c| c.starts_with("desk_login="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .expect("the sign-in form sets its token cookie");
    let html = form_page.text().await.unwrap();
    let token = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .expect("the sign-in form carries its token");
    client
        .post(format!("{url}/login"))
        .header("Cookie", login_cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form(&[
            ("name", name),
            ("password", password),
            ("csrf", &token),
        ]))
        .send()
        .await
        .unwrap()
}

/// The agents' page as Sam sees it once signed in.
async fn agents_page(url: &str) -> String {
    let client = reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let signed_in = sign_in(&client, url, "Sam", "correct horse").await;
    let cookie = session_cookie(&signed_in);
    client
        .get(url)
        .header("Cookie", cookie.split(';').next().unwrap())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The session cookie a sign-in set (`name=value`).
pub(crate) fn session_cookie(signed_in: &reqwest::Response) -> String {
    signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find(|c| c.starts_with("desk_session="))
        .expect("a session cookie")
        .to_string()
}

fn cookie_and_csrf(set_cookie: &str, page: &str) -> (String, String) {
    let cookie = set_cookie.split(';').next().unwrap().to_string();
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .unwrap_or_default();
    (cookie, csrf)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agents_acknowledgement_reaches_the_kiosk_with_the_agents_name() {
    let d = start().await;
    // The kiosk: its pager with the desk as target.
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&d.url, kdir.path());
    let page = Page {
        session: 5,
        reason: Reason::PassengerAsked,
        step: Step::Seats,
        locale: "ur-PK".into(),
        flight: Some("NW 786".into()),
        minutes_until_close: Some(42),
        closes_at: None,
        service: None,
        first_name: None,
        at: chrono::Utc::now(),
    };
    let incident = pager.page(&page).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(3)).await.unwrap(), 0);

    // The agent signs in and acknowledges.
    let client = reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let denied = sign_in(&client, &d.url, "Sam", "wrong").await;
    assert_eq!(denied.status().as_u16(), 401);
    let signed_in = sign_in(&client, &d.url, "Sam", "correct horse").await;
    let set_cookie = session_cookie(&signed_in);
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"));
    let html = client
        .get(&d.url)
        .header("Cookie", set_cookie.split(';').next().unwrap())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let words = concierge::i18n::Messages::built_in();
    let asked = words.get("en-US", "desk-reason-passenger_asked", &[]);
    assert!(
        html.contains("LHE-T1-K07") && html.contains(&asked) && html.contains("<span>T1</span>"),
        "{html}"
    );
    // An agent whose browser asks for Urdu reads the desk in Urdu, right to left; the page
    // names the passenger's language in its own script.
    let urdu = client
        .get(&d.url)
        .header("Cookie", set_cookie.split(';').next().unwrap())
        .header("Accept-Language", "ur, en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(urdu.contains("dir=\"rtl\""), "{urdu}");
    for id in [
        "desk-title",
        "desk-reason-passenger_asked",
        "desk-acknowledge",
    ] {
        let text = words.get("ur-PK", id, &[]);
        assert_ne!(text, words.get("en-US", id, &[]), "{id} is in Urdu");
        assert!(urdu.contains(&text), "{id}: {text}");
    }
    assert!(urdu.contains(&words.get("ur-PK", "language-name", &[])));
    let (cookie, csrf) = cookie_and_csrf(&set_cookie, &html);
    // Without the form's token the button does nothing.
    let forged = client
        .post(format!("{}/incidents/{incident}/ack", d.url))
        .header("Cookie", &cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form(&[("csrf", "forged")]))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 403);
    let ack = client
        .post(format!("{}/incidents/{incident}/ack", d.url))
        .header("Cookie", &cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form(&[("csrf", csrf.as_str())]))
        .send()
        .await
        .unwrap();
    assert!(ack.status().is_redirection());

    // The kiosk learns who is coming.
    let want = HelpStatus::Acknowledged {
        agent: "Sam".into(),
    };
    assert_eq!(
        crate::common::step_until(&pager, &incident, &want, Duration::from_secs(5)).await,
        want
    );
    // The passenger cancels: the desk's list empties.
    pager.cancel(5).unwrap();
    flush(&pager, Duration::from_secs(3)).await.unwrap();
    assert!(d.desk.store.open_incidents().await.unwrap().is_empty());
    assert_eq!(d.desk.store.recent(5).await.unwrap()[0].state, "cancelled");
}

/// 500 kiosks page the desk at once (each twice: open, then an update): every incident arrives
/// exactly once. Prints the latency until each is stored (what the agents' page shows).
#[tokio::test(flavor = "multi_thread")]
async fn five_hundred_kiosks_paging_at_once_lose_and_duplicate_nothing() {
    const KIOSKS: usize = 500;
    let dir = tempfile::tempdir().unwrap();
    let mut toml = String::new();
    for i in 0..KIOSKS {
        let key = dir.path().join(format!("k{i}.key"));
        std::fs::write(&key, format!("secret-{i}")).unwrap();
        toml.push_str(&format!(
            "[[desk.kiosks]]\nid = \"K{i:03}\"\nsecret_file = \"{}\"\n",
            key.display()
        ));
    }
    let config = Config::parse(&toml, None).unwrap().config;
    let desk = Desk::new(
        concierge::desk::open_sqlite(&dir.path().join("desk.sqlite")).unwrap(),
        &config.desk,
        false,
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(concierge::desk::serve(
        listener,
        desk.clone(),
        Duration::from_secs(3600),
    ));
    concierge::net::install_crypto();
    let client = crate::common::http();
    let started = Instant::now();
    let tasks: Vec<_> = (0..KIOSKS)
        .map(|i| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                for state in ["open", "updated"] {
                    let b = body(&format!("K{i:03}-1"), state)
                        .replace("LHE-T1-K07", &format!("K{i:03}"));
                    let sent = Instant::now();
                    for _ in 0..5 {
                        let sig = signature::sign(
                            format!("secret-{i}").as_bytes(),
                            chrono::Utc::now().timestamp(),
                            b.as_bytes(),
                        );
                        let ok = client
                            .post(format!("{url}/api/v1/incidents"))
                            .header(signature::HEADER, sig)
                            .body(b.clone())
                            .send()
                            .await
                            .is_ok_and(|r| r.status().is_success());
                        if ok {
                            break;
                        }
                    }
                    latencies.push(sent.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await.unwrap());
    }
    let total = started.elapsed();
    let open = desk.store.open_incidents().await.unwrap();
    assert_eq!(open.len(), KIOSKS, "nothing lost");
    let keys: std::collections::HashSet<_> = open.iter().map(|i| i.key.clone()).collect();
    assert_eq!(keys.len(), KIOSKS, "nothing duplicated");
    assert!(open.iter().all(|i| i.deliveries == 2));
    latencies.sort();
    let p = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    eprintln!(
        "{} pages from {KIOSKS} kiosks in {:.2} s; to stored on the desk p50 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        total.as_secs_f64(),
        p(0.5).as_secs_f64() * 1e3,
        p(0.99).as_secs_f64() * 1e3
    );
}

#[test]
fn without_tls_the_desk_listens_on_loopback_only() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_concierge"))
        .arg("--data-dir")
        .arg(dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .args(["desk", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only on a loopback address"));
}

/// The desk over TLS, as agents' phones reach it: the real binary, a certificate made with
/// openssl, a `Secure` session cookie.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs openssl to make a certificate: scripts/test installs it"]
async fn the_desk_serves_agents_over_tls_with_secure_cookies() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (dir.path().join("desk.crt"), dir.path().join("desk.pem"));
    let made = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=desk",
        ])
        .args(["-addext", "subjectAltName=IP:127.0.0.1"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let config = dir.path().join("desk.toml");
    std::fs::write(
        &config,
        format!(
            "[desk]\ntls_cert = \"{}\"\ntls_key = \"{}\"\n",
            cert.display(),
            key.display()
        ),
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_concierge");
    let mut add = std::process::Command::new(bin)
        .arg("--data-dir")
        .arg(dir.path())
        .args(["desk", "add-agent", "Sam"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(b"correct horse\n")
        .unwrap();
    assert!(add.wait().unwrap().success());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = std::process::Command::new(bin)
        .arg("--config")
        .arg(&config)
        .arg("--data-dir")
        .arg(dir.path())
        .args(["desk", "--listen", &format!("127.0.0.1:{port}")])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    concierge::net::install_crypto();
    let client = reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let url = format!("https://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut page = None;
    while Instant::now() < deadline {
        if let Ok(r) = client.get(format!("{url}/login")).send().await {
            page = Some((
                r.status().as_u16(),
                r.headers().contains_key("strict-transport-security"),
            ));
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        page,
        Some((200, true)),
        "the sign-in page over https, with HSTS"
    );
    // Silent clients (a TCP connection that never starts its TLS handshake) hold up nobody:
    // each handshake runs on its own, with a deadline.
    let silent: Vec<_> = (0..5)
        .map(|_| std::net::TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    let asked = Instant::now();
    let signed_in = sign_in(&client, &url, "Sam", "correct horse").await;
    let took = asked.elapsed();
    eprintln!(
        "sign-in over TLS behind 5 silent connections: {} ms",
        took.as_millis()
    );
    assert!(
        took < Duration::from_secs(5),
        "five silent connections held sign-in up for {took:?} (each handshake waited its turn)"
    );
    drop(silent);
    let cookie = session_cookie(&signed_in);
    assert!(cookie.contains("; Secure"), "{cookie}");
    // Plain HTTP to the TLS port gets nothing.
    let plain = crate::common::http()
        .get(format!("http://127.0.0.1:{port}/login"))
        .timeout(Duration::from_secs(2))
        .send()
        .await;
    assert!(plain.is_err() || !plain.unwrap().status().is_success());
    let _ = server.kill();
    let _ = server.wait();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_late_retry_of_the_first_page_does_not_reopen_a_resolved_request() {
    let d = start().await;
    let now = chrono::Utc::now().timestamp();
    let first = body("LHE-T1-K07-9", "open");
    let sig = signature::sign(SECRET.as_bytes(), now, first.as_bytes());
    assert_eq!(post(&d.url, &first, &sig).await, 200);
    d.desk
        .store
        .resolve("LHE-T1-K07-9", "Sam", chrono::Utc::now().timestamp_millis())
        .await
        .unwrap();
    // The same request (made before the agent resolved it) arrives again late.
    let sig = signature::sign(SECRET.as_bytes(), now + 2, first.as_bytes());
    assert_eq!(post(&d.url, &first, &sig).await, 200);
    assert!(d.desk.store.open_incidents().await.unwrap().is_empty());
    // A new request, made after, does reopen it.
    let later = first.replace(
        "2025-01-01T08:00:00Z",
        &(chrono::Utc::now() + chrono::TimeDelta::seconds(1)).to_rfc3339(),
    );
    let sig = signature::sign(SECRET.as_bytes(), now + 3, later.as_bytes());
    assert_eq!(post(&d.url, &later, &sig).await, 200);
    assert_eq!(d.desk.store.open_incidents().await.unwrap().len(), 1);
}

/// An agent in a real browser (headless Chromium driven by playwright-core): signs in, sees a
/// kiosk's page arrive, acknowledges, and the kiosk learns the agent's name.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Chromium and playwright-core: scripts/test installs them"]
async fn an_agent_in_a_real_browser_acknowledges_and_the_kiosk_hears_it() {
    let d = start().await;
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&d.url, kdir.path());
    let incident = pager
        .page(&Page {
            session: 77,
            reason: Reason::Exception(concierge::checkin::ExceptionKind::DocumentExpired),
            step: Step::Documents,
            locale: "ur-PK".into(),
            flight: Some("NW 786".into()),
            minutes_until_close: Some(38),
            closes_at: None,
            service: None,
            first_name: Some("Ali".into()),
            at: chrono::Utc::now(),
        })
        .unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(3)).await.unwrap(), 0);
    let screenshot = std::env::var("CONCIERGE_DESK_SCREENSHOT")
        .unwrap_or_else(|_| kdir.path().join("desk.png").display().to_string());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/desk.mjs");
    let url = d.url.clone();
    let key_ = incident.clone();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("node")
            .arg(script)
            .args([&url, &key_, &screenshot])
            .output()
            .expect("node (with tests/browser/node_modules: scripts/test installs it)")
    })
    .await
    .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("acknowledged")
            && String::from_utf8_lossy(&out.stdout).contains("signed out"),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let want = HelpStatus::Acknowledged {
        agent: "Sam".into(),
    };
    assert_eq!(
        crate::common::step_until(&pager, &incident, &want, Duration::from_secs(5)).await,
        want
    );
}

#[test]
fn a_bad_certificate_or_a_short_password_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], stdin: &[u8]| {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_concierge"))
            .arg("--data-dir")
            .arg(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(&["desk", "add-agent", "Sam"], b"short\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 8 characters"));
    let config = dir.path().join("tls.toml");
    std::fs::write(
        &config,
        "[desk]\ntls_cert = \"/nonexistent/desk.crt\"\ntls_key = \"/nonexistent/desk.pem\"\n",
    )
    .unwrap();
    let out = run(&["--config", config.to_str().unwrap(), "desk"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/nonexistent/desk.crt"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every kind of page the kiosk raises reaches the real desk and is listed for agents: the
/// passenger's (Help, an exception, an unhappy passenger), the assistance service's notice
/// (a wheelchair), and the kiosk's own maintenance pages (paper low, printer failure, a print
/// cut off). (Before: the desk answered 400 to the assistance and maintenance keys, whose
/// reason codes hold `_`, and the kiosk logged "operator fault".)
#[tokio::test(flavor = "multi_thread")]
async fn every_kind_of_page_the_kiosk_raises_reaches_the_desk() {
    use concierge::checkin::ExceptionKind;
    let d = start().await;
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&d.url, kdir.path());
    let page = |session: u64, reason: Reason| Page {
        session,
        reason,
        step: Step::Greeting,
        locale: "en-US".into(),
        flight: Some("NW 789".into()),
        minutes_until_close: Some(50),
        closes_at: None,
        service: None,
        first_name: None,
        at: chrono::Utc::now(),
    };
    let mut keys = vec![
        pager.page(&page(1, Reason::PassengerAsked)).unwrap(),
        pager
            .page(&page(2, Reason::Exception(ExceptionKind::FlightCancelled)))
            .unwrap(),
        pager.page(&page(3, Reason::UnhappyPassenger)).unwrap(),
        pager
            .notify(&page(4, Reason::Assistance("WCHR".into())))
            .unwrap(),
    ];
    for reason in [
        Reason::PrinterPaperLow,
        Reason::Exception(ExceptionKind::PrinterFailure),
        Reason::PrintInterrupted,
    ] {
        keys.push(pager.maintenance(&page(5, reason)).unwrap());
    }
    assert_eq!(
        flush(&pager, Duration::from_secs(5)).await.unwrap(),
        0,
        "every page delivered"
    );
    let deliveries = pager.outbox().deliveries().unwrap();
    for key in &keys {
        let d = deliveries
            .iter()
            .find(|d| &d.incident == key)
            .unwrap_or_else(|| panic!("{key}: no delivery"));
        assert_eq!(d.status, "delivered", "{key}: {:?}", d.last_error);
    }
    let html = agents_page(&d.url).await;
    for key in &keys {
        assert!(html.contains(key.as_str()), "{key} on the agents' list");
    }
}

/// What staff do at a kiosk reaches the desk through the kiosk's outbox: on the agents' page
/// under "Staff at the kiosks", and on the timeline of the page the agent came for; no
/// incident is opened for it.
#[tokio::test(flavor = "multi_thread")]
async fn staff_actions_at_a_kiosk_show_on_the_desk() {
    let d = start().await;
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&d.url, kdir.path());
    let key = pager
        .page(&Page {
            session: 12,
            reason: Reason::Exception(concierge::checkin::ExceptionKind::CheckinClosed),
            step: Step::Identify,
            locale: "en-US".into(),
            flight: Some("NW 205".into()),
            minutes_until_close: None,
            closes_at: None,
            service: None,
            first_name: None,
            at: chrono::Utc::now(),
        })
        .unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(5)).await.unwrap(), 0);
    pager
        .staff_action(
            12,
            "4021",
            "late_check_in",
            "The gate accepts the passenger",
        )
        .unwrap();
    pager
        .staff_action(40, "4021", "reissue_tag", "0987100123")
        .unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(5)).await.unwrap(), 0);
    let actions = d.desk.store.staff_actions(10).await.unwrap();
    assert_eq!(actions.len(), 2);
    assert!(
        actions
            .iter()
            .all(|a| a.staff == "4021" && a.kiosk == "LHE-T1-K07")
    );
    assert!(
        d.desk
            .store
            .incident(&concierge::help::incident_key("LHE-T1-K07", 40))
            .await
            .unwrap()
            .is_none(),
        "no incident opened for a staff action"
    );
    let timeline = d.desk.store.timeline(&key).await.unwrap();
    assert!(
        timeline.iter().any(|e| e.kind == "staff_late_check_in"
            && e.agent.as_deref() == Some("4021")
            && e.detail.as_deref() == Some("The gate accepts the passenger")),
        "{timeline:?}"
    );
    let html = agents_page(&d.url).await;
    let words = concierge::i18n::Messages::built_in();
    assert!(html.contains(&words.get("en-US", "desk-staff-title", &[])));
    assert!(html.contains(&words.get("en-US", "desk-staff-reissue_tag", &[])));
    assert!(html.contains("0987100123"));
    assert!(html.contains(&words.get("en-US", "desk-staff-late_check_in", &[])));
}
