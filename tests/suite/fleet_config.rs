//! Configuration from one place, end to end: a publisher publishes on a real desk (its
//! form, over HTTP); real kiosks' fetchers ask for what applies to them (signed, conditional),
//! check it joined with their own files, and keep it or refuse it; the config watch hands a
//! taken one to the screens; a refusal reaches the fleet page through the kiosk's heartbeat,
//! with the checker's line. The change log says who, when and what; the preview draws the
//! screens a change touches.

use crate::desk::SECRET;
use crate::desk_duty::Agent;
use crate::desk_fleet::Instance;
use concierge::config::Config;
use concierge::config::watch::ConfigWatch;
use concierge::help::{KioskInfo, Outbox, Pager, Worker, signature};
use concierge::publish::{Fetcher, Outcome};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A kiosk of the fleet: its own file, its data directory, its pager and fetcher.
struct Kiosk {
    local: PathBuf,
    published: PathBuf,
    pager: Pager,
    fetcher: Fetcher,
    _dir: tempfile::TempDir,
}

impl Kiosk {
    /// Kiosk `id` at LHE T1 (a bag-drop station if `bag_drop`), its desk at `url`.
    fn new(id: &str, bag_drop: bool, url: &str) -> Kiosk {
        Kiosk::with_desk(id, bag_drop, &format!("url = \"{url}\""))
    }

    /// [`Kiosk::new`], its desk target's address given as `at` (`url = …` or `urls = […]`).
    fn with_desk(id: &str, bag_drop: bool, at: &str) -> Kiosk {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("desk.key");
        std::fs::write(&key, SECRET).unwrap();
        let local = dir.path().join("concierge.toml");
        std::fs::write(
            &local,
            format!(
                "[kiosk]\nid = \"{id}\"\nairport = \"LHE\"\nterminal = \"T1\"\nmode = \"{}\"\n\n\
                 [help]\nheartbeat_every = \"1s\"\nfetch_config_every = \"60s\"\n\
                 [[help.targets]]\nkind = \"desk\"\n{at}\nsecret_file = \"{}\"\n\n\
                 [branding]\nname = \"Own name\"\n",
                if bag_drop { "bag-drop" } else { "check-in" },
                key.display()
            ),
        )
        .unwrap();
        let config = Config::load(&local).unwrap().config;
        let published = dir.path().join("published");
        let pager = Pager::new(
            Arc::new(Outbox::open(&dir.path().join("kiosk.sqlite")).unwrap()),
            Arc::new(config.help.clone()),
            KioskInfo::from_config(&config),
        );
        let fetcher = Fetcher::new(
            &config,
            Some(local.clone()),
            published.clone(),
            pager.health().clone(),
        )
        .unwrap();
        Kiosk {
            local,
            published,
            pager,
            fetcher,
            _dir: dir,
        }
    }

    /// The configuration the kiosk runs (its file and what it took).
    fn config(&self) -> Config {
        concierge::publish::load(&self.local, &self.published)
            .unwrap()
            .config
    }
}

/// Posts the publication form to `path` (`/fleet/config/publish` or `/preview`): the status
/// and the body (or where it redirects).
async fn post(agent: &Agent, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("csrf", &agent.csrf);
    for (k, v) in fields {
        form.append_pair(k, v);
    }
    let r = agent
        .client
        .post(format!("{}{path}", agent.url))
        .header("Cookie", &agent.cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form.finish())
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    if r.status().is_redirection() {
        return (
            status,
            r.headers()["location"].to_str().unwrap().to_string(),
        );
    }
    (status, r.text().await.unwrap())
}

/// Publishes `text` for `group`, started from version `after`; must be taken.
async fn publish(agent: &Agent, group: &str, text: &str, after: i64, note: &str) -> String {
    let (status, location) = post(
        agent,
        "/fleet/config/publish",
        &[
            ("group", group),
            ("text", text),
            ("after", &after.to_string()),
            ("note", note),
        ],
    )
    .await;
    assert_eq!(status, 303, "published: {location}");
    location
}

/// The card of kiosk `id` on the fleet page.
fn card(page: &str, id: &str) -> String {
    page.split(&format!("data-kiosk=\"{id}\""))
        .nth(1)
        .map(|rest| rest.split("class=\"card kiosk").next().unwrap().to_string())
        .unwrap_or_default()
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

/// A desk at LHE with kiosks K07 (check-in) and K09 (bag-drop), publisher Alex and agent Sam.
async fn desk(dir: &Path) -> Instance {
    let key = dir.join("k09.key");
    std::fs::write(&key, SECRET).unwrap();
    let desk = Instance::start(
        None,
        dir,
        &format!(
            "publishers = [\"Alex\"]\n[[desk.kiosks]]\nid = \"LHE-T1-K09\"\nsecret_file = \"{}\"\n",
            key.display()
        ),
    )
    .await;
    let hash = |p: &str| concierge::secret::hash(p).unwrap();
    let store = &desk.desk.store;
    store
        .set_agent("Alex", &hash("battery staple"))
        .await
        .unwrap();
    store
        .set_agent("Sam", &hash("correct horse"))
        .await
        .unwrap();
    desk
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_published_config_is_refused_the_old_one_kept_and_the_refusal_shown() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path()).await;
    let k07 = Kiosk::new("LHE-T1-K07", false, &desk.url);
    let k09 = Kiosk::new("LHE-T1-K09", true, &desk.url);
    let alex = Agent::sign_in(&desk.url, "Alex", "battery staple").await;
    let sam = Agent::sign_in(&desk.url, "Sam", "correct horse").await;

    // Nothing published: the kiosks run their own files.
    assert_eq!(k07.fetcher.once().await, Outcome::Unchanged);
    assert_eq!(k07.config().branding.name, "Own name");
    let mut screens = ConfigWatch::new(k07.local.clone(), Some(k07.published.clone()));

    // Version 1 for the airport: both kiosks take it, their own [kiosk] kept.
    let v1 = "[branding]\nname = \"Northwind Lahore\"\n";
    let to = publish(&alex, "airport:LHE", v1, 0, "the Lahore name").await;
    assert!(to.starts_with("/fleet/config?"), "{to}");
    for k in [&k07, &k09] {
        assert_eq!(
            k.fetcher.once().await,
            Outcome::Taken("airport LHE v1".into())
        );
        assert_eq!(k.config().branding.name, "Northwind Lahore");
    }
    assert_eq!(k09.config().kiosk.id, "LHE-T1-K09");
    assert!(k09.config().kiosk.bag_drop);
    // The screens get it from the next session on (the config watch's hot reload).
    screens.poll();
    let (taken, version) = screens.take_pending().expect("the screens hear of it");
    assert_eq!(taken.branding.name, "Northwind Lahore");
    assert!(
        version.contains('+'),
        "the version names the bundle: {version}"
    );
    // Asked again: nothing new (a conditional request).
    assert_eq!(k07.fetcher.once().await, Outcome::Unchanged);

    // Version 2 switches the bags step off: fine for a check-in kiosk, not for a bag drop.
    let v2 = "[branding]\nname = \"Northwind Lahore\"\n\n[steps]\nbags = false\n";
    publish(&alex, "airport:LHE", v2, 1, "no bags at the kiosks").await;
    assert_eq!(
        k07.fetcher.once().await,
        Outcome::Taken("airport LHE v2".into())
    );
    assert!(!k07.config().steps.bags);
    let Outcome::Refused(why) = k09.fetcher.once().await else {
        panic!("the bag drop refuses it");
    };
    assert!(
        why.starts_with("airport LHE v2:5:1: `bags = false` leaves a bag-drop kiosk"),
        "the checker's line, in the publication: {why}"
    );
    // The old one is kept, and the refused one is not fetched and refused over again.
    assert!(k09.config().steps.bags);
    assert_eq!(k09.config().branding.name, "Northwind Lahore");
    assert_eq!(k09.fetcher.once().await, Outcome::Unchanged);
    // Once the kiosk's own file changes, the refused one is checked again.
    let mut own = std::fs::read_to_string(&k09.local).unwrap();
    own.push_str("# the station manager was here\n");
    std::fs::write(&k09.local, own).unwrap();
    assert!(matches!(k09.fetcher.once().await, Outcome::Refused(_)));

    // The refusal reaches the fleet page with the kiosk's heartbeat.
    let worker = tokio::spawn(Worker::new(k09.pager.clone()).run());
    until(
        "the refusal on the fleet page",
        Duration::from_secs(10),
        || async { card(&sam.get("/fleet").await, "LHE-T1-K09").contains("data-refused") },
    )
    .await;
    let fleet = sam.get("/fleet").await;
    let c = card(&fleet, "LHE-T1-K09");
    assert!(c.contains("config"), "a problem: {c}");
    assert!(c.contains("airport LHE v2:5:1: `bags = false`"), "{c}");
    let page = sam.get("/fleet/config").await;
    assert!(page.contains("id=\"refusals\""), "{page}");
    assert!(page.contains("data-kiosk=\"LHE-T1-K09\""));

    // The operator fixes it for that kiosk alone: it takes both, and the refusal goes.
    publish(
        &alex,
        "kiosk:LHE-T1-K09",
        "[steps]\nbags = true\n",
        0,
        "the bag drop keeps its bags",
    )
    .await;
    assert_eq!(
        k09.fetcher.once().await,
        Outcome::Taken("airport LHE v2 + kiosk LHE-T1-K09 v1".into())
    );
    assert!(k09.config().steps.bags);
    until("the refusal gone", Duration::from_secs(10), || async {
        let c = card(&sam.get("/fleet").await, "LHE-T1-K09");
        !c.contains("data-refused") && c.contains("data-applied")
    })
    .await;
    worker.abort();

    // Only publishers publish; a publisher who started from an old version is told.
    let (status, body) = post(
        &sam,
        "/fleet/config/publish",
        &[("group", "all"), ("text", v1), ("after", "0")],
    )
    .await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = post(
        &alex,
        "/fleet/config/publish",
        &[("group", "airport:LHE"), ("text", v1), ("after", "1")],
    )
    .await;
    assert_eq!(status, 409, "{body}");
    // A publication that fails the desk's own checks is not kept, and says where.
    let (status, body) = post(
        &alex,
        "/fleet/config/publish",
        &[
            ("group", "all"),
            (
                "text",
                "[timeouts]\nidle = \"soon\"\n[help]\nescalate_after = \"1m\"\n",
            ),
            ("after", "0"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body.contains("all kiosks v1:1:1: `[help]` stays") || body.contains("all kiosks v1:3:1:"),
        "{body}"
    );
    assert_eq!(desk.desk.store.config_layers().await.unwrap().len(), 2);

    // K07's own file is edited so that what it took no longer passes (it becomes a bag drop):
    // the kiosk runs its file alone, and says the publication is refused; edited back, it runs
    // the publication again and the refusal goes.
    let own = std::fs::read_to_string(&k07.local).unwrap();
    std::fs::write(&k07.local, own.replace("\"check-in\"", "\"bag-drop\"")).unwrap();
    let err = concierge::publish::load(&k07.local, &k07.published).unwrap_err();
    assert!(err.to_string().contains("airport LHE v2:5:1:"), "{err}");
    let state = concierge::publish::state(&k07.published).unwrap();
    assert_eq!(state.applied, None);
    assert_eq!(state.refused.unwrap().label, "airport LHE v2");
    std::fs::write(&k07.local, own).unwrap();
    assert!(!k07.config().steps.bags);
    let state = concierge::publish::state(&k07.published).unwrap();
    assert_eq!(state.applied.as_deref(), Some("airport LHE v2"));
    assert!(state.refused.is_none());

    // The change log: who, when, what.
    let log = sam.get("/fleet/config/log").await;
    let entries: Vec<&str> = log.split("class=\"card change\"").skip(1).collect();
    assert_eq!(entries.len(), 3, "{log}");
    assert!(entries[0].contains("data-group=\"kiosk:LHE-T1-K09\""));
    assert!(entries[1].contains("data-version=\"2\"") && entries[1].contains("Alex"));
    assert!(entries[1].contains("no bags at the kiosks"));
    assert!(
        entries[1].contains("<ins>+ [steps]</ins>"),
        "{}",
        entries[1]
    );
    assert!(entries[1].contains("<ins>+ bags = false</ins>"));
    assert!(
        !entries[1].contains("Northwind Lahore"),
        "unchanged lines left out"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_desk_with_the_kiosks_key_is_believed() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path()).await;
    // A request without the kiosk's signature, or from a kiosk the desk does not know.
    let client = crate::common::http();
    for path in [
        "/api/v1/config?kiosk=LHE-T1-K07",
        "/api/v1/config?kiosk=SOMEONE",
    ] {
        let r = client
            .get(format!("{}{path}", desk.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "{path}");
    }
    // A signature for another kiosk's request is no good for this one.
    let signed = signature::sign(
        SECRET.as_bytes(),
        chrono::Utc::now().timestamp(),
        concierge::publish::signed_request("/api/v1/config?kiosk=LHE-T1-K07").as_bytes(),
    );
    let r = client
        .get(format!("{}/api/v1/config?kiosk=LHE-T1-K09", desk.url))
        .header(signature::HEADER, signed)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    // Between the kiosk and the desk, something that passes the desk's answers on, then
    // answers itself: with another key, with garbage signed right, with a bare "nothing" (204),
    // with a signed "nothing" for another kiosk. None of it is believed, and the kiosk keeps
    // what it took from the desk.
    let alex = Agent::sign_in(&desk.url, "Alex", "battery staple").await;
    publish(&alex, "all", "[branding]\nname = \"Published\"\n", 0, "").await;
    let real = format!("{}/api/v1/config", desk.url);
    let mode = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let chosen = mode.clone();
    let app = axum::Router::new().route(
        "/api/v1/config",
        axum::routing::get(
            move |raw: axum::extract::RawQuery, headers: axum::http::HeaderMap| {
                let real = real.clone();
                let mode = chosen.load(std::sync::atomic::Ordering::SeqCst);
                async move {
                    use axum::response::IntoResponse;
                    let mut r =
                        crate::common::http().get(format!("{real}?{}", raw.0.unwrap_or_default()));
                    for (k, v) in &headers {
                        if k != "if-none-match" {
                            r = r.header(k, v);
                        }
                    }
                    let answer = r.send().await.unwrap();
                    let passed = answer
                        .headers()
                        .get(signature::HEADER)
                        .map(|h| h.to_str().unwrap().to_string())
                        .unwrap_or_default();
                    let text = answer.text().await.unwrap();
                    let sign = |key: &str, body: &str| {
                        signature::sign(
                            key.as_bytes(),
                            chrono::Utc::now().timestamp(),
                            body.as_bytes(),
                        )
                    };
                    let (signed, body) = match mode {
                        0 => (passed, text),
                        1 => (sign("another-key", &text), text),
                        2 => {
                            let garbage = "{\"not\": \"a bundle\"}".to_string();
                            (sign(SECRET, &garbage), garbage)
                        }
                        3 => return axum::http::StatusCode::NO_CONTENT.into_response(),
                        5 => return axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response(),
                        _ => {
                            let other = "{\"nothing_published\": true, \"kiosk\": \"LHE-T1-K09\"}"
                                .to_string();
                            (sign(SECRET, &other), other)
                        }
                    };
                    ([(signature::HEADER, signed)], body).into_response()
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    let k = Kiosk::new("LHE-T1-K07", false, &url);
    assert_eq!(
        k.fetcher.once().await,
        Outcome::Taken("all kiosks v1".into()),
        "passed on untouched, the desk's answer is believed"
    );
    for (m, expected) in [
        (1, "not signed with our key"),
        (2, "not a bundle"),
        (3, "204"),
        (4, "another kiosk"),
    ] {
        mode.store(m, std::sync::atomic::Ordering::SeqCst);
        let Outcome::Failed(why) = k.fetcher.once().await else {
            panic!("not believed ({expected})");
        };
        assert!(why.contains(expected), "{why}");
        assert_eq!(k.config().branding.name, "Published");
        assert!(concierge::publish::current(&k.published).is_some());
    }
    // A desk instance that cannot answer now (503) is passed over for the next one.
    mode.store(5, std::sync::atomic::Ordering::SeqCst);
    let two = Kiosk::with_desk(
        "LHE-T1-K07",
        false,
        &format!("urls = [\"{url}\", \"{}\"]", desk.url),
    );
    assert_eq!(
        two.fetcher.once().await,
        Outcome::Taken("all kiosks v1".into())
    );
    // A kiosk that took nothing takes nothing from a desk that is not believed.
    mode.store(1, std::sync::atomic::Ordering::SeqCst);
    let fresh = Kiosk::new("LHE-T1-K07", false, &url);
    assert!(matches!(fresh.fetcher.once().await, Outcome::Failed(_)));
    assert_eq!(fresh.config().branding.name, "Own name");
    assert!(concierge::publish::current(&fresh.published).is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_preview_draws_the_screens_a_change_touches_now_and_after() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path()).await;
    let alex = Agent::sign_in(&desk.url, "Alex", "battery staple").await;
    let files = |subtitle: &str| {
        use base64::Engine as _;
        let ftl = format!("welcome-subtitle = {subtitle}\n");
        serde_json::json!({
            "overrides/ur-PK/ui.ftl": base64::engine::general_purpose::STANDARD.encode(ftl)
        })
        .to_string()
    };
    let text = "[locales]\noverrides = \"overrides\"\n";
    let (status, to) = post(
        &alex,
        "/fleet/config/publish",
        &[
            ("group", "airport:LHE"),
            ("text", text),
            ("after", "0"),
            ("added", &files("چیک ان کریں")),
        ],
    )
    .await;
    assert_eq!(status, 303, "{to}");
    // A much longer Urdu welcome: only Urdu's screens are drawn, and only those it changes.
    let long =
        "چیک ان کریں، اپنی نشست منتخب کریں، اپنے بیگ کا وزن کریں اور اپنا بورڈنگ پاس پرنٹ کریں۔ "
            .repeat(3);
    let started = Instant::now();
    let (status, page) = post(
        &alex,
        "/fleet/config/preview",
        &[
            ("group", "airport:LHE"),
            ("text", text),
            ("after", "1"),
            ("keep_listed", "1"),
            ("added", &files(long.trim())),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"checked\""), "{page}");
    // The screens are drawn off the request; the page asks until they are.
    let id = page
        .split("id=\"preview\" data-id=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a preview")
        .to_string();
    let deadline = Instant::now() + Duration::from_secs(600);
    let preview = loop {
        let section = alex.get(&format!("/fleet/config/preview/{id}")).await;
        if !section.contains("data-state=\"drawing\"") {
            break section;
        }
        assert!(Instant::now() < deadline, "the preview is drawn");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    eprintln!(
        "a preview of one language's change: {:?}",
        started.elapsed()
    );
    assert!(preview.contains("data-state=\"done\""), "{preview}");
    let changed: usize = preview
        .split("data-changed=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(changed >= 1, "Welcome at least: {preview}");
    let figures: Vec<&str> = preview.split("<figure").skip(1).collect();
    assert_eq!(figures.len(), changed);
    assert!(figures.iter().all(|f| f.contains("data-locale=\"ur-PK\"")));
    assert!(
        figures[0].contains("data-screen=\"welcome\""),
        "{}",
        figures[0]
    );
    // Each picture is a PNG of the kiosk's screen, now and after, and they differ.
    let src = |side: &str| {
        figures[0]
            .split(&format!("data-side=\"{side}\""))
            .next()
            .unwrap()
            .rsplit("src=\"")
            .next()
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string()
    };
    let picture = |path: String| {
        let alex = &alex;
        async move {
            alex.client
                .get(format!("{}{path}", alex.url))
                .header("Cookie", &alex.cookie)
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap()
        }
    };
    let (before, after) = (picture(src("before")).await, picture(src("after")).await);
    assert!(before.starts_with(b"\x89PNG") && after.starts_with(b"\x89PNG"));
    assert_ne!(before, after);
    // Nothing was published by looking.
    let layers = desk.desk.store.config_layers().await.unwrap();
    assert_eq!(layers[0].version, 1);
    if let Ok(shots) = std::env::var("CONCIERGE_CONFIG_SHOTS") {
        std::fs::write(Path::new(&shots).join("preview-before.png"), &before).unwrap();
        std::fs::write(Path::new(&shots).join("preview-after.png"), &after).unwrap();
    }
}

/// The configuration pages in Chromium: a publisher adds an Urdu message file, previews (the
/// pictures load), publishes; the page on a phone in Urdu, the change log, a kiosk's refusal
/// on the fleet page. `CONCIERGE_CONFIG_SHOTS=DIR` keeps the screenshots.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Chromium and playwright-core: scripts/test installs them"]
async fn the_configuration_pages_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path()).await;
    // Kiosk K09 refused what was published for it.
    let mut k09 = crate::fleet::beat("LHE-T1-K09", "LHE", "Bag drop, row 2", "ok");
    k09.published = Some(concierge::fleet::Published {
        applied: Some("airport LHE v1".into()),
        etag: Some("0a1b2c3d4e5f".into()),
        refused: Some(concierge::fleet::Refusal {
            label: "airport LHE v2".into(),
            etag: "9f8e7d6c5b4a".into(),
            message: "airport LHE v2:5:1: `bags = false` leaves a bag-drop kiosk (`[kiosk] mode = \"bag-drop\"`) nothing to do: it prints bag tags only".into(),
            at: chrono::Utc::now().to_rfc3339(),
            local: String::new(),
        }),
    });
    desk.desk
        .store
        .heartbeat(&k09, concierge::help::now_ms())
        .await
        .unwrap();
    // The airport's messages as published now: a short Urdu welcome.
    use base64::Engine as _;
    let short =
        base64::engine::general_purpose::STANDARD.encode("welcome-subtitle = چیک ان کریں\n");
    desk.desk
        .store
        .publish_config(
            &concierge::config::published::Layer {
                group: "airport:LHE".into(),
                version: 0,
                text: "[locales]\noverrides = \"overrides\"\n".into(),
                files: [("overrides/ur-PK/ui.ftl".to_string(), short)].into(),
                published_by: "Alex".into(),
                published_at: concierge::help::now_ms() - 86_400_000,
                note: "Urdu welcome".into(),
            },
            Some(0),
        )
        .await
        .unwrap();
    let ftl = dir.path().join("ui.ftl");
    std::fs::write(
        &ftl,
        format!(
            "welcome-subtitle = {}\n",
            "چیک ان کریں، اپنی نشست منتخب کریں، اپنے بیگ کا وزن کریں اور اپنا بورڈنگ پاس پرنٹ کریں۔ "
                .repeat(3)
                .trim()
        ),
    )
    .unwrap();
    let shots = std::env::var("CONCIERGE_CONFIG_SHOTS")
        .unwrap_or_else(|_| dir.path().display().to_string());
    let mut browser = crate::common::Browser::start(
        "fleet-config.mjs",
        &[&desk.url, &shots, &ftl.display().to_string()],
    );
    let mut seen = Vec::new();
    let run = async {
        while let Some(line) = browser.lines.recv().await {
            if let Some(what) = line.strip_prefix("ok ") {
                seen.push(what.to_string());
            }
        }
    };
    let finished = tokio::time::timeout(Duration::from_secs(900), run).await;
    let (ok, stderr) = browser.finish(finished.is_ok());
    assert!(ok, "the browser test failed: {seen:?}\n{stderr}");
    for want in [
        "preview drawn",
        "published",
        "Urdu right to left on a phone",
        "log",
        "refusal on the fleet page",
    ] {
        assert!(seen.iter().any(|s| s == want), "{want}: {seen:?}");
    }
    // What the browser published is what the kiosks will fetch.
    let layers = desk.desk.store.config_layers().await.unwrap();
    assert_eq!(layers.len(), 1);
    assert_eq!(
        (layers[0].version, layers[0].published_by.as_str()),
        (2, "Alex")
    );
    assert_eq!(layers[0].note, "A longer Urdu welcome");
    assert!(layers[0].files.contains_key("overrides/ur-PK/ui.ftl"));
}
