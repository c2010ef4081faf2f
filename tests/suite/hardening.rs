//! An intruder on loopback and a careless operator: the desk's sign-in, sessions and incident
//! keys, slow and silent clients, files other local users could read, input files that never
//! end or nest without end, and exit codes. Each test failed before its fix.

use crate::desk::{session_cookie, sign_in, start};
use concierge::help::signature;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_concierge");

fn concierge(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--data-dir")
        .arg(data)
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .args(args);
    c
}

/// Runs a command with its standard input closed, killing it after `within` (a command that
/// reads `/dev/zero` to the end would never come back).
fn run_within(mut c: Command, within: Duration) -> Output {
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + within;
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {within:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The airline store holds passport numbers and birth dates, the kiosk store staff records,
/// the spool boarding passes: none of it is readable by another local user, whatever umask
/// the program was started with, and files an older version left open are closed up.
#[cfg(unix)]
#[test]
fn stores_spool_and_logs_are_their_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let checkin = || {
        let out = run_within(
            concierge(
                &data,
                &["checkin", "--booking", "DEMO01", "--surname", "desmarais"],
            ),
            Duration::from_secs(60),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    };
    checkin();
    let mut checked = 0;
    let mut look = |path: &Path| {
        let m = mode(path);
        assert_eq!(m & 0o077, 0, "{} is {m:o}", path.display());
        checked += 1;
    };
    look(&data);
    for entry in walk(&data) {
        look(&entry);
    }
    assert!(
        checked >= 5,
        "stores, spool and logs were looked at ({checked})"
    );
    for name in ["airline.sqlite", "kiosk.sqlite"] {
        assert!(data.join(name).exists(), "{name}");
    }
    assert!(
        walk(&data.join("spool"))
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "pdf")),
        "a boarding pass was printed to the spool"
    );
    // An older version's files, open to all: the next start closes them up.
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(
        data.join("airline.sqlite"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let out = run_within(
        concierge(
            &data,
            &["checkin", "--booking", "DEMO02", "--surname", "tremblay"],
        ),
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("airline.sqlite")), 0o600);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}

/// A message file of thousands of nested braces once overflowed the parser's stack and
/// aborted every command that read it, while `config check` said ok.
#[test]
fn an_override_nested_without_end_is_reported_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let overrides = dir.path().join("overrides");
    std::fs::create_dir_all(overrides.join("en-US")).unwrap();
    std::fs::write(
        overrides.join("en-US/ui.ftl"),
        format!("welcome-title = {}\n", "{".repeat(12_000)),
    )
    .unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(
        &config,
        format!("[locales]\noverrides = \"{}\"\n", overrides.display()),
    )
    .unwrap();
    let within = Duration::from_secs(60);
    let data = dir.path().join("data");

    let out = run_within(
        concierge(&data, &["locales", "check", overrides.to_str().unwrap()]),
        within,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("nest"), "{}", stderr(&out));

    let out = run_within(
        concierge(&data, &["config", "check", config.to_str().unwrap()]),
        within,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ui.ftl") && stderr(&out).contains("nest"),
        "{}",
        stderr(&out)
    );

    // The kiosk leaves the file out and checks the passenger in.
    let out = run_within(
        concierge(
            &data,
            &[
                "--config",
                config.to_str().unwrap(),
                "checkin",
                "--booking",
                "DEMO01",
                "--surname",
                "desmarais",
            ],
        ),
        within,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// `/dev/zero` named as a scan file, a config, a secret file or a TLS key is refused at once
/// instead of being read until memory runs out.
#[cfg(unix)]
#[test]
fn a_file_that_never_ends_is_refused_not_read_forever() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let within = Duration::from_secs(30);
    let zero = "/dev/zero";

    let out = run_within(
        concierge(
            &data,
            &[
                "checkin",
                "--booking",
                "ERIK01",
                "--surname",
                "eriksson",
                "--mrz-file",
                zero,
            ],
        ),
        within,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("/dev/zero"), "{}", stderr(&out));

    let out = run_within(concierge(&data, &["--config", zero, "checkin"]), within);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = run_within(concierge(&data, &["config", "check", zero]), within);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let secret = dir.path().join("secret.toml");
    std::fs::write(
        &secret,
        "[[help.targets]]\nkind = \"webhook\"\nurl = \"http://127.0.0.1:9/\"\nsecret_file = \"/dev/zero\"\n",
    )
    .unwrap();
    let out = run_within(
        concierge(&data, &["config", "check", secret.to_str().unwrap()]),
        within,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("secret_file"), "{}", stderr(&out));

    let tls = dir.path().join("tls.toml");
    std::fs::write(
        &tls,
        "[desk]\ntls_cert = \"/dev/zero\"\ntls_key = \"/dev/zero\"\n",
    )
    .unwrap();
    let out = run_within(
        concierge(&data, &["--config", tls.to_str().unwrap(), "desk"]),
        within,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

/// Bad usage exits 1 and names the command that was used.
#[test]
fn bad_usage_exits_1_and_names_its_command() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let within = Duration::from_secs(30);
    let out = run_within(
        concierge(&data, &["page", "--flush", "--wait", "banana"]),
        within,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("concierge page: --wait"),
        "{}",
        stderr(&out)
    );
    let out = run_within(concierge(&data, &["report", "--format", "xml"]), within);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("concierge report:"));
    // The airline service without a key for kiosks to present.
    let out = run_within(concierge(&data, &["airline", "serve"]), within);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("concierge airline serve:"));
    let mut add = concierge(&data, &["desk", "add-agent", "Sam"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    add.stdin.take().unwrap().write_all(b"short\n").unwrap();
    let out = add.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("concierge desk add-agent:"),
        "{}",
        stderr(&out)
    );
}

/// A target that refuses the page (400: a wrong key, a wrong URL) did not take it: `page
/// --wait` says so and exits 4, never "delivered".
#[test]
fn a_page_the_target_refuses_is_not_reported_delivered() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let app = axum::Router::new()
        .fallback(|| async { (axum::http::StatusCode::BAD_REQUEST, "unknown routing key") });
    rt.spawn(async move { axum::serve(listener, app).await });
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("hook.key");
    std::fs::write(&key, "hook-secret").unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(
        &config,
        format!(
            "[[help.targets]]\nname = \"ops hook\"\nkind = \"webhook\"\nurl = \"{url}\"\nsecret_file = \"{}\"\n",
            key.display()
        ),
    )
    .unwrap();
    let out = run_within(
        concierge(
            &dir.path().join("data"),
            &[
                "--config",
                config.to_str().unwrap(),
                "page",
                "--reason",
                "drill",
                "--wait",
                "5s",
            ],
        ),
        Duration::from_secs(30),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(!err.contains("delivered"), "{err}");
    assert!(
        err.contains("refused by ops hook") && err.contains("400"),
        "{err}"
    );
}

/// Signs a desk request from kiosk LHE-T1-K07 or K08 (the test desk's two kiosks).
fn signed(secret: &str, t: i64, body: &[u8]) -> String {
    signature::sign(secret.as_bytes(), t, body)
}

fn page_body(kiosk: &str, incident: &str) -> String {
    serde_json::json!({
        "version": 1, "id": format!("{incident}-1"), "incident": incident, "state": "open",
        "kiosk": {"id": kiosk, "airport": "LHE", "location": "hall B"},
        "airline": "NW", "flight": "NW 786", "minutes_until_close": 42, "step": "seats",
        "reason": "passenger_asked", "locale": "en-US", "first_name": null,
        "requested_at": chrono::Utc::now().to_rfc3339(), "escalation_level": 0
    })
    .to_string()
}

/// Incident keys belong to the kiosk that raised them: another kiosk cannot take one first
/// (the rightful kiosk's pages were then refused), a key cannot smuggle a path into the
/// agents' buttons, and a status poll's signature is good for its own incident only.
#[tokio::test(flavor = "multi_thread")]
async fn incident_keys_are_bound_to_their_kiosk_and_polls_to_their_path() {
    let d = start().await;
    concierge::net::install_crypto();
    let client = crate::common::http();
    let post = |body: String, secret: &'static str| {
        let client = client.clone();
        let url = d.url.clone();
        async move {
            let sig = signed(secret, chrono::Utc::now().timestamp(), body.as_bytes());
            client
                .post(format!("{url}/api/v1/incidents"))
                .header(signature::HEADER, sig)
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // Kiosk K08 tries to squat K07's next key, and a key that is a path.
    assert_eq!(
        post(page_body("LHE-T1-K08", "LHE-T1-K07-9"), "k08-secret").await,
        400
    );
    assert_eq!(
        post(
            page_body("LHE-T1-K07", "LHE-T1-K07-victim/resolve?"),
            crate::desk::SECRET
        )
        .await,
        400
    );
    // K07's own page is taken.
    assert_eq!(
        post(page_body("LHE-T1-K07", "LHE-T1-K07-9"), crate::desk::SECRET).await,
        200
    );
    assert_eq!(d.desk.store.open_incidents().await.unwrap().len(), 1);

    let poll = |key: &'static str, sig: String| {
        let client = client.clone();
        let url = d.url.clone();
        async move {
            client
                .get(format!("{url}/api/v1/incidents/{key}"))
                .header(signature::HEADER, sig)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let now = chrono::Utc::now().timestamp();
    let good = signed(
        crate::desk::SECRET,
        now,
        signature::status_request("LHE-T1-K07-9").as_bytes(),
    );
    assert_eq!(poll("LHE-T1-K07-9", good.clone()).await, 200);
    // The same signature for another incident of the same kiosk: refused.
    assert_eq!(poll("LHE-T1-K07-8", good).await, 401);
    // The old way, an empty body signed: refused.
    assert_eq!(
        poll("LHE-T1-K07-9", signed(crate::desk::SECRET, now, b"")).await,
        401
    );
    // A time 2^63 s ago does not wrap round into the window.
    let ancient = signed(
        crate::desk::SECRET,
        now.wrapping_sub(i64::MIN),
        signature::status_request("LHE-T1-K07-9").as_bytes(),
    );
    assert_eq!(poll("LHE-T1-K07-9", ancient).await, 401);
    // Another kiosk's secret cannot ask about K07's incident.
    let other = signed(
        "k08-secret",
        now,
        signature::status_request("LHE-T1-K07-9").as_bytes(),
    );
    assert_eq!(poll("LHE-T1-K07-9", other).await, 401);
}

/// The pages tell the browser what it may do with them, and the sign-in form carries its own
/// token: a form posted from elsewhere signs no one in.
#[tokio::test(flavor = "multi_thread")]
async fn pages_are_locked_down_and_sign_in_needs_its_form() {
    let d = start().await;
    let client = reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = client.get(format!("{}/login", d.url)).send().await.unwrap();
    let h = login.headers();
    let csp = h["content-security-policy"].to_str().unwrap().to_string();
    for part in [
        "frame-ancestors 'none'",
        "script-src 'self'",
        "default-src 'none'",
    ] {
        assert!(csp.contains(part), "{csp}");
    }
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["x-frame-options"], "DENY");
    // HSTS only over TLS: on plain loopback it would pin a name to HTTPS that has none.
    assert!(!h.contains_key("strict-transport-security"));
    let html = login.text().await.unwrap();
    assert!(!html.contains("<script>") && !html.contains("<style>"));
    // A forged sign-in (no token, or a token without its cookie).
    for body in [
        "name=Sam&password=correct+horse",
        "name=Sam&password=correct+horse&csrf=abc",
    ] {
        let forged = client
            .post(format!("{}/login", d.url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status().as_u16(), 403);
        assert!(
            forged
                .headers()
                .get_all("set-cookie")
                .iter()
                .all(|c| !c.to_str().unwrap().starts_with("desk_session=")),
            "no session from a forged form"
        );
    }
    let js = client
        .get(format!("{}/desk.js", d.url))
        .send()
        .await
        .unwrap();
    assert!(
        js.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(js.text().await.unwrap().contains("/login"));
    // Urdu and Arabic in the kiosk's own font (a browser without one showed boxes): served by
    // the desk, allowed by the policy, cached unlike the pages.
    assert!(csp.contains("font-src 'self'"), "{csp}");
    let font = client
        .get(format!("{}/fonts/naskh.ttf", d.url))
        .send()
        .await
        .unwrap();
    assert_eq!(font.status().as_u16(), 200);
    assert!(
        font.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    assert_eq!(
        font.bytes().await.unwrap().as_ref(),
        concierge::text::NOTO_NASKH
    );
}

/// Guessing passwords: five wrong ones lock the name (the right one too, for a while); names
/// that are not agents cost the same work as names that are; checks run a few at a time off
/// the workers that take kiosks' pages. Prints the figures.
#[tokio::test(flavor = "multi_thread")]
async fn password_guessing_is_throttled_and_names_cannot_be_told_apart() {
    use std::sync::atomic::Ordering::SeqCst;
    let d = start().await;
    let client = reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let mut answers = Vec::new();
    for guess in 0..8 {
        answers.push(
            sign_in(&client, &d.url, "Sam", &format!("guess {guess}"))
                .await
                .status()
                .as_u16(),
        );
    }
    let spent = started.elapsed();
    assert_eq!(&answers[..5], &[401; 5], "{answers:?}");
    assert_eq!(&answers[5..], &[429; 3], "{answers:?}");
    let right = sign_in(&client, &d.url, "Sam", "correct horse").await;
    assert_eq!(
        right.status().as_u16(),
        429,
        "locked: the right password waits too"
    );
    let locked_page = right.text().await.unwrap();
    let words = concierge::i18n::Messages::built_in();
    let told = words.get(
        "en-US",
        "desk-too-many",
        &[("minutes", fluent_bundle::FluentValue::from(1))],
    );
    assert!(locked_page.contains(&told), "{locked_page}");
    eprintln!(
        "8 guesses at one name: {:.1} s, 5 checked, then locked for a minute (≈ {:.1} guesses/s over the first lockout)",
        spent.as_secs_f64(),
        5.0 / 60.0
    );

    // A name that is not an agent: the same password check runs (timing cannot tell).
    let before = d.desk.checks.load(SeqCst);
    let mut unknown = Vec::new();
    let mut known_ms = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let r = sign_in(&client, &d.url, "Nobody", "guess").await;
        unknown.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(r.status().as_u16(), 401);
    }
    assert_eq!(
        d.desk.checks.load(SeqCst) - before,
        3,
        "a check per unknown name"
    );
    // A second agent, to time known names without touching Sam's lockout.
    d.desk
        .store
        .set_agent(
            "Kim",
            &concierge::secret::hash("kim's long password").unwrap(),
        )
        .await
        .unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        sign_in(&client, &d.url, "Kim", "guess").await;
        known_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    eprintln!("wrong password, known name {known_ms:.0?} ms; unknown name {unknown:.0?} ms");

    // Fifty sign-ins at once: checks on at most half the cores, and a kiosk's page still
    // answers.
    let many: Vec<_> = (0..50)
        .map(|i| {
            let client = client.clone();
            let url = d.url.clone();
            tokio::spawn(async move {
                sign_in(&client, &url, &format!("crowd{i}"), "guess")
                    .await
                    .status()
                    .as_u16()
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let t = Instant::now();
    let body = page_body("LHE-T1-K07", "LHE-T1-K07-50");
    let sig = signed(
        crate::desk::SECRET,
        chrono::Utc::now().timestamp(),
        body.as_bytes(),
    );
    let paged = client
        .post(format!("{}/api/v1/incidents", d.url))
        .header(signature::HEADER, sig)
        .body(body)
        .send()
        .await
        .unwrap();
    let page_ms = t.elapsed().as_secs_f64() * 1e3;
    assert_eq!(paged.status().as_u16(), 200);
    let mut statuses = Vec::new();
    for m in many {
        statuses.push(m.await.unwrap());
    }
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    assert!(d.desk.peak_checks.load(SeqCst) <= (cores / 2).clamp(1, 4));
    // One address, many names: the address is locked after twenty wrong ones.
    assert!(statuses.contains(&429), "{statuses:?}");
    eprintln!(
        "a kiosk's page during 50 parallel sign-ins: {page_ms:.0} ms; at most {} password checks at once",
        d.desk.peak_checks.load(SeqCst)
    );
}

/// Signing out, and a new password, end sessions for real; the live stream of an ended
/// session stops, and the page's list answers 401 (its script then goes to sign-in) instead
/// of an empty "no open requests".
#[tokio::test(flavor = "multi_thread")]
async fn ended_sessions_end_everywhere() {
    let d = start().await;
    let client = reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str, cookie: &str| {
        client
            .get(format!("{}{path}", d.url))
            .header("Cookie", cookie.to_string())
            .send()
    };
    // A new password signs out the old browser.
    let first = session_cookie(&sign_in(&client, &d.url, "Sam", "correct horse").await);
    let first = first.split(';').next().unwrap().to_string();
    assert_eq!(
        get("/fragment", &first).await.unwrap().status().as_u16(),
        200
    );
    let mut events = get("/events", &first).await.unwrap();
    assert_eq!(events.status().as_u16(), 200);
    d.desk
        .store
        .set_agent("Sam", &concierge::secret::hash("a new password").unwrap())
        .await
        .unwrap();
    assert_eq!(
        get("/fragment", &first).await.unwrap().status().as_u16(),
        401
    );
    let index = get("/", &first).await.unwrap();
    assert!(index.status().is_redirection());
    // The live stream ends by itself within its session check.
    let ended = tokio::time::timeout(Duration::from_secs(20), async {
        while let Ok(Some(_)) = events.chunk().await {}
    })
    .await;
    assert!(
        ended.is_ok(),
        "the live stream of a dead session kept going"
    );

    // Signing out deletes the session.
    let second = session_cookie(&sign_in(&client, &d.url, "Sam", "a new password").await);
    let second = second.split(';').next().unwrap().to_string();
    let html = get("/", &second).await.unwrap().text().await.unwrap();
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let out = client
        .post(format!("{}/logout", d.url))
        .header("Cookie", &second)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}"))
        .send()
        .await
        .unwrap();
    assert!(out.status().is_redirection());
    assert_eq!(d.desk.store.sessions().await.unwrap(), 0);
    assert_eq!(
        get("/fragment", &second).await.unwrap().status().as_u16(),
        401
    );
}

/// Slowloris from one machine: 1100 requests that never finish their headers. The desk (the
/// real program, started as systemd starts services, with 1024 open files allowed) keeps
/// answering sign-in, and closes the stragglers after its header deadline. Prints the figures.
#[cfg(unix)]
#[test]
fn half_open_requests_do_not_stop_sign_in() {
    use std::os::unix::process::CommandExt;
    // This test itself holds a thousand connections.
    concierge::net::raise_file_limit();
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut desk = concierge(
        dir.path(),
        &["desk", "--listen", &format!("127.0.0.1:{port}")],
    );
    desk.stderr(Stdio::null());
    // SAFETY: setrlimit in the child before exec touches nothing shared.
    unsafe {
        desk.pre_exec(|| {
            let mut limit = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
            limit.rlim_cur = 1024.min(limit.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
            Ok(())
        });
    }
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let _desk = Kill(desk.spawn().unwrap());
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the desk did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let opened = Instant::now();
    let mut stragglers = Vec::new();
    for _ in 0..1100 {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let _ = s.write_all(b"POST /login HTTP/1.1\r\nHost: desk\r\nX-Slow: ");
        stragglers.push(s);
    }
    eprintln!(
        "1100 half-open requests opened in {} ms",
        opened.elapsed().as_millis()
    );
    let asked = Instant::now();
    let mut agent = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    agent
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    agent
        .write_all(b"GET /login HTTP/1.1\r\nHost: desk\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    let _ = agent.read_to_string(&mut answer);
    let took = asked.elapsed();
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "sign-in behind 1100 half-open requests: {:?} after {took:?}",
        answer.lines().next()
    );
    eprintln!(
        "sign-in page behind 1100 half-open requests: {} ms",
        took.as_millis()
    );
    // The stragglers are closed once their header deadline passes.
    let waited = Instant::now();
    let mut closed = 0;
    for s in &mut stragglers {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut buf = [0u8; 256];
        // Closed: end of stream (or a reset). Still open: the read times out.
        match s.read(&mut buf) {
            Ok(_) => closed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => closed += 1,
            Err(_) => {}
        }
    }
    assert_eq!(closed, stragglers.len());
    eprintln!(
        "all 1100 closed by the desk within {} s of the sign-in",
        waited.elapsed().as_secs()
    );
}

/// Only the embedded demo (no config file at all) pages its own loopback desk, whose agent is
/// demo / demo. An operator's config without help targets gets no such desk (anyone on the
/// machine could sign in, and its port is the desk service's): `page` says there is nowhere
/// to page instead of pretending.
#[test]
fn an_operators_config_without_targets_gets_no_demo_desk() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(&config, "[kiosk]\nid = \"K1\"\n").unwrap();
    let out = run_within(
        concierge(
            &dir.path().join("data"),
            &[
                "--config",
                config.to_str().unwrap(),
                "page",
                "--reason",
                "drill",
                "--wait",
                "1s",
            ],
        ),
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("nowhere to page"), "{}", stderr(&out));
    assert!(!dir.path().join("data/demo-desk.key").exists());
}

/// A service (started by systemd) never reads a config its own user can write: the kiosk's
/// user could otherwise plant one setting the airline service's key, dropping the minor rule or
/// adding a staff member (before: it was read, and `$HOME/.config` was looked in first).
#[cfg(target_os = "linux")]
#[test]
fn a_service_refuses_a_config_its_own_user_can_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(&config, "[kiosk]\nid = \"K-PLANTED\"\n").unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    // Run as an ordinary user: as root, as nobody, the files theirs.
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        for p in [&config, &data, &dir.path().to_path_buf()] {
            std::os::unix::fs::chown(p, Some(65534), Some(65534)).unwrap();
        }
    }
    let run = |service: bool| {
        let mut c = if root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
            c
        } else {
            Command::new(BIN)
        };
        c.arg("--config")
            .arg(&config)
            .arg("--data-dir")
            .arg(&data)
            .args(["desk", "agents"])
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .env_remove("INVOCATION_ID");
        if service {
            c.env("INVOCATION_ID", "0123456789abcdef");
        }
        c.output().unwrap()
    };
    let refused = run(true);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("writable by this service's own user"),
        "{said}"
    );
    // The same command by hand (not a service) reads it.
    let by_hand = run(false);
    assert!(
        by_hand.status.success(),
        "{}",
        String::from_utf8_lossy(&by_hand.stderr)
    );
}
