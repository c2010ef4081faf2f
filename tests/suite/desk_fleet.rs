//! Several desk instances on one PostgreSQL, as agents and kiosks meet them over HTTP: a page
//! accepted by one shows on the other's live stream, even across a lost listener; two agents
//! on two instances taking one page make one winner; a lockout earned on one holds on the
//! other; 500 pages at once through both are stored once each; a kiosk fails over between
//! instances, and a page one instance committed but never answered is not a second incident.
//! Also, on any engine: `X-Forwarded-For` is believed from a trusted proxy only.

use crate::desk::{SECRET, sign_in};
use crate::desk_duty::{Agent, en, no_redirects, post_signed, request};
use crate::desk_store::fresh_database;
use concierge::config::Config;
use concierge::desk::Desk;
use concierge::help::{HelpStatus, KioskInfo, Outbox, Pager, flush};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One desk instance, served on loopback.
pub(crate) struct Instance {
    pub(crate) url: String,
    pub(crate) desk: Arc<Desk>,
    server: tokio::task::JoinHandle<()>,
}

impl Instance {
    /// An instance on `database` (PostgreSQL) or, without one, on a SQLite file in `dir`;
    /// `extra` goes into `[desk]`.
    pub(crate) async fn start(database: Option<&str>, dir: &std::path::Path, extra: &str) -> Self {
        concierge::net::install_crypto();
        let key = dir.join("k07.key");
        std::fs::write(&key, SECRET).unwrap();
        let db = database
            .map(|d| format!("database = \"{d}\"\n"))
            .unwrap_or_default();
        let config = Config::parse(
            &format!(
                "[desk]\n{db}{extra}\n[[desk.kiosks]]\nid = \"LHE-T1-K07\"\nsecret_file = \"{}\"\n",
                key.display()
            ),
            None,
        )
        .unwrap()
        .config;
        let store = concierge::desk::store::open(
            config.desk.database.as_ref().map(|d| d.expose()),
            &dir.join("desk.sqlite"),
        )
        .await
        .unwrap();
        let desk = Desk::new(store, &config.desk, false);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let server = tokio::spawn(concierge::desk::serve(
            listener,
            desk.clone(),
            Duration::from_secs(3600),
        ));
        Instance { url, desk, server }
    }

    /// The instance is gone: its port refuses connections.
    fn kill(&self) {
        self.server.abort();
    }
}

/// Two instances on one fresh database, with agents Sam and Alex.
struct Fleet {
    a: Instance,
    b: Instance,
    database: String,
    _dir: tempfile::TempDir,
}

impl Fleet {
    async fn start() -> Fleet {
        let dir = tempfile::tempdir().unwrap();
        let database = fresh_database().await;
        let a = Instance::start(Some(&database), dir.path(), "").await;
        let b = Instance::start(Some(&database), dir.path(), "").await;
        let hash = |p: &str| concierge::secret::hash(p).unwrap();
        a.desk
            .store
            .set_agent("Sam", &hash("correct horse"))
            .await
            .unwrap();
        a.desk
            .store
            .set_agent("Alex", &hash("battery staple"))
            .await
            .unwrap();
        Fleet {
            a,
            b,
            database,
            _dir: dir,
        }
    }
}

/// An agent's page's live stream (`/events`), as the page's script reads it.
struct LiveStream(reqwest::Response);

impl LiveStream {
    async fn open(agent: &Agent) -> LiveStream {
        let r = agent
            .client
            .get(format!("{}/events", agent.url))
            .header("Cookie", &agent.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        LiveStream(r)
    }

    /// Waits for the next "changed" event; `false` if none came by `deadline`.
    async fn changed(&mut self, deadline: Instant) -> bool {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, self.0.chunk()).await {
                Ok(Ok(Some(chunk))) if String::from_utf8_lossy(&chunk).contains("changed") => {
                    return true;
                }
                Ok(Ok(Some(_))) => {}
                _ => return false,
            }
        }
    }
}

/// Waits until the agent's live stream says something changed and their list then shows
/// `key`; how long that took.
async fn shown_live(agent: &Agent, live: &mut LiveStream, key: &str, within: Duration) -> Duration {
    let start = Instant::now();
    let deadline = start + within;
    loop {
        assert!(
            live.changed(deadline).await,
            "no change on {}'s live stream within {within:?}",
            agent.url
        );
        if agent.get("/fragment").await.contains(key) {
            return start.elapsed();
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn a_page_accepted_by_one_instance_shows_on_the_others_live_stream() {
    let fleet = Fleet::start().await;
    let sam = Agent::sign_in(&fleet.b.url, "Sam", "correct horse").await;
    let mut live = LiveStream::open(&sam).await;
    let key = "LHE-T1-K07-41";
    assert!(!sam.get("/fragment").await.contains(key));
    let status = post_signed(&fleet.a.url, &request(key, chrono::Utc::now())).await;
    assert_eq!(status, 200);
    let took = shown_live(&sam, &mut live, key, Duration::from_secs(5)).await;
    eprintln!("a page accepted on A was on B's live stream and list in {took:?}");
}

/// The listener's connection killed by the server (`pg_terminate_backend`) just before a
/// page arrives on the other instance: nothing is lost — the listener reconnects and the
/// pages read everything again.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn a_killed_listener_loses_no_page() {
    let fleet = Fleet::start().await;
    let sam = Agent::sign_in(&fleet.b.url, "Sam", "correct horse").await;
    let mut live = LiveStream::open(&sam).await;
    let (admin, connection) = tokio_postgres::connect(&fleet.database, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let listener = concierge::desk::store::LISTENER;
    let both_listen = async |what: &str| {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let listening: i64 = admin
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 \
                     AND datname = current_database()",
                    &[&listener],
                )
                .await
                .unwrap()
                .get(0);
            if listening >= 2 {
                return;
            }
            assert!(Instant::now() < deadline, "{what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    both_listen("both instances listen").await;
    let killed: i64 = admin
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
             WHERE application_name = $1 AND datname = current_database()",
            &[&listener],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(killed, 2);
    // At once, while nobody listens.
    let key = "LHE-T1-K07-42";
    assert_eq!(
        post_signed(&fleet.a.url, &request(key, chrono::Utc::now())).await,
        200
    );
    let took = shown_live(&sam, &mut live, key, Duration::from_secs(10)).await;
    eprintln!("after the listener was killed, the page showed on B in {took:?}");
    both_listen("both listeners are back").await;
}

/// Sam on instance A and Alex on instance B take the same page at the same moment: one has
/// it, the other is told who.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn two_agents_on_two_instances_taking_one_page_make_one_winner() {
    let fleet = Fleet::start().await;
    let key = "LHE-T1-K07-43";
    assert_eq!(
        post_signed(&fleet.a.url, &request(key, chrono::Utc::now())).await,
        200
    );
    let sam = Agent::sign_in(&fleet.a.url, "Sam", "correct horse").await;
    let alex = Agent::sign_in(&fleet.b.url, "Alex", "battery staple").await;
    let (s, x) = tokio::join!(sam.act(key, "ack", &[]), alex.act(key, "ack", &[]));
    let (winner, loser, told) = match (s.as_str(), x.as_str()) {
        ("/", _) => ("Sam", &alex, x),
        (_, "/") => ("Alex", &sam, s),
        _ => panic!("nobody won: {s} / {x}"),
    };
    assert!(told.starts_with("/?said=taken"), "{told}");
    let page = loser.get(&told).await;
    assert!(
        page.contains(&en("desk-taken", &[("agent", winner.into())])),
        "the loser is told {winner} has it"
    );
    let incident = fleet.b.desk.store.incident(key).await.unwrap().unwrap();
    assert_eq!(incident.acknowledged_by.as_deref(), Some(winner));
}

/// Wrong passwords on one instance lock the name on the other too.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn a_lockout_earned_on_one_instance_holds_on_the_other() {
    let fleet = Fleet::start().await;
    let client = no_redirects();
    for _ in 0..concierge::desk::throttle::PAIR_FAILURES {
        let r = sign_in(&client, &fleet.a.url, "Sam", "wrong guess").await;
        assert_eq!(r.status().as_u16(), 401);
    }
    let r = sign_in(&client, &fleet.b.url, "Sam", "correct horse").await;
    assert_eq!(r.status().as_u16(), 429, "locked on B as well");
}

/// 500 pages at once, 100 incidents five times each, spread over both instances: all taken,
/// each incident stored once and counted five times.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn five_hundred_pages_through_two_instances_are_stored_once_each() {
    let fleet = Fleet::start().await;
    let at = chrono::Utc::now();
    let mut sends = tokio::task::JoinSet::new();
    for round in 0..5 {
        for n in 0..100 {
            let url = if (n + round) % 2 == 0 {
                fleet.a.url.clone()
            } else {
                fleet.b.url.clone()
            };
            sends.spawn(async move {
                post_signed(&url, &request(&format!("LHE-T1-K07-{}", 1000 + n), at)).await
            });
        }
    }
    while let Some(status) = sends.join_next().await {
        assert_eq!(status.unwrap(), 200);
    }
    let open = fleet.a.desk.store.open_incidents().await.unwrap();
    assert_eq!(open.len(), 100);
    assert!(open.iter().all(|i| i.deliveries == 5));
}

/// A kiosk with both instances' URLs: instance A gone, its pages and status polls go to B.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn a_kiosk_fails_over_to_the_other_instance() {
    let fleet = Fleet::start().await;
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&[&fleet.a.url, &fleet.b.url], kdir.path());
    fleet.a.kill();
    let key = pager.page(&page(7)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(5)).await.unwrap(), 0);
    let open = fleet.b.desk.store.open_incidents().await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].key, key);
    // Sam takes it on B; the kiosk's polls reach B and hear his name.
    let sam = Agent::sign_in(&fleet.b.url, "Sam", "correct horse").await;
    assert_eq!(sam.act(&key, "ack", &[]).await, "/");
    let heard = crate::common::step_until(
        &pager,
        &key,
        &HelpStatus::Acknowledged {
            agent: "Sam".into(),
        },
        Duration::from_secs(10),
    )
    .await;
    assert_eq!(
        heard,
        HelpStatus::Acknowledged {
            agent: "Sam".into()
        }
    );
}

/// Instance A commits a page and dies before answering (a proxy in front of it cuts the
/// connection once A's answer starts): the kiosk's outbox retries on B, and the desk has one
/// incident that came twice.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn a_page_committed_but_never_answered_is_one_incident() {
    let fleet = Fleet::start().await;
    let cutting = cut_after_commit(&fleet.a.url).await;
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&[&cutting, &fleet.b.url], kdir.path());
    let key = pager.page(&page(8)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(5)).await.unwrap(), 0);
    let open = fleet.a.desk.store.open_incidents().await.unwrap();
    assert_eq!(open.len(), 1, "one incident");
    assert_eq!(open[0].key, key);
    assert_eq!(open[0].deliveries, 2, "received by A (unanswered) and by B");
}

/// A loopback proxy to `upstream` that passes the request on and, as soon as the answer
/// starts, drops the kiosk's connection: as if the instance died after committing.
async fn cut_after_commit(upstream: &str) -> String {
    let upstream = upstream.trim_start_matches("http://").to_string();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            let Ok((mut kiosk, _)) = listener.accept().await else {
                return;
            };
            let upstream = upstream.clone();
            tokio::spawn(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let Ok(mut desk) = tokio::net::TcpStream::connect(&upstream).await else {
                    return;
                };
                let mut buf = vec![0u8; 65536];
                loop {
                    tokio::select! {
                        n = kiosk.read(&mut buf) => match n {
                            Ok(0) | Err(_) => return,
                            Ok(n) => {
                                if desk.write_all(&buf[..n]).await.is_err() {
                                    return;
                                }
                            }
                        },
                        // The desk answers: it has committed. The kiosk hears nothing.
                        _ = desk.readable() => return,
                    }
                }
            });
        }
    });
    url
}

/// Kiosk LHE-T1-K07's pager paging one desk at several instances' URLs.
fn kiosk_pager(urls: &[&str], dir: &std::path::Path) -> Pager {
    let key = dir.join("k.key");
    std::fs::write(&key, SECRET).unwrap();
    let urls: Vec<String> = urls.iter().map(|u| format!("\"{u}\"")).collect();
    let config = Config::parse(
        &format!(
            "[kiosk]\nid = \"LHE-T1-K07\"\nlocation = \"Hall B\"\nairport = \"LHE\"\n\
             [help]\npoll_every = \"100ms\"\nretry_min = \"50ms\"\n\
             [[help.targets]]\nkind = \"desk\"\nurls = [{}]\nsecret_file = \"{}\"\ntimeout = \"2s\"\n",
            urls.join(", "),
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

fn page(session: u64) -> concierge::checkin::Page {
    concierge::checkin::Page {
        session,
        reason: concierge::checkin::Reason::PassengerAsked,
        step: concierge::checkin::Step::Seats,
        locale: "en-US".into(),
        flight: Some("NW 786".into()),
        minutes_until_close: Some(40),
        closes_at: None,
        service: None,
        first_name: None,
        at: chrono::Utc::now(),
    }
}

/// Behind a trusted proxy, wrong passwords count against the client `X-Forwarded-For`
/// names, so one client's guesses do not lock out another behind the same proxy; without
/// the proxy trusted, the header is ignored and a forged one escapes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn the_client_address_comes_from_a_trusted_proxy_only() {
    let dir = tempfile::tempdir().unwrap();
    let proxied = Instance::start(None, dir.path(), "trusted_proxies = [\"127.0.0.1\"]").await;
    proxied
        .desk
        .store
        .set_agent("Sam", &concierge::secret::hash("correct horse").unwrap())
        .await
        .unwrap();
    let from = |ip: &'static str| {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert("x-forwarded-for", ip.parse().unwrap());
        reqwest::Client::builder()
            .pool_idle_timeout(concierge::net::CLIENT_IDLE)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(h)
            .build()
            .unwrap()
    };
    let guesser = from("203.0.113.5");
    for _ in 0..concierge::desk::throttle::PAIR_FAILURES {
        let r = sign_in(&guesser, &proxied.url, "Sam", "wrong guess").await;
        assert_eq!(r.status().as_u16(), 401);
    }
    let r = sign_in(&guesser, &proxied.url, "Sam", "correct horse").await;
    assert_eq!(r.status().as_u16(), 429, "the guesser is locked");
    // A client forging a hop before the proxy's own is still the address the proxy saw.
    let forging = from("198.51.100.7, 203.0.113.5");
    let r = sign_in(&forging, &proxied.url, "Sam", "correct horse").await;
    assert_eq!(r.status().as_u16(), 429, "a forged hop changes nothing");
    let sam = from("203.0.113.6");
    let r = sign_in(&sam, &proxied.url, "Sam", "correct horse").await;
    assert!(r.status().is_redirection(), "Sam, elsewhere, signs in");

    // Not trusted: the header is nobody's word.
    let dir2 = tempfile::tempdir().unwrap();
    let direct = Instance::start(None, dir2.path(), "").await;
    direct
        .desk
        .store
        .set_agent("Sam", &concierge::secret::hash("correct horse").unwrap())
        .await
        .unwrap();
    for n in 0..concierge::desk::throttle::PAIR_FAILURES {
        let forged = from(
            [
                "203.0.113.1",
                "203.0.113.2",
                "203.0.113.3",
                "203.0.113.4",
                "203.0.113.9",
            ][n as usize % 5],
        );
        let r = sign_in(&forged, &direct.url, "Sam", "wrong guess").await;
        assert_eq!(r.status().as_u16(), 401);
    }
    let r = sign_in(&from("203.0.113.8"), &direct.url, "Sam", "correct horse").await;
    assert_eq!(
        r.status().as_u16(),
        429,
        "forged addresses do not escape the lockout"
    );
}

/// A database across the network: with `sslmode=require` and the server's CA
/// (`sslrootcert`), every one of the desk's connections — its pool and its listener — is TLS,
/// and an agent signs in through it. A server whose certificate the desk cannot verify (the
/// system's roots do not know the test CA) is refused, and the desk says why.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL with TLS: scripts/test starts one (CONCIERGE_TEST_POSTGRES, CONCIERGE_TEST_POSTGRES_CA)"]
async fn the_desk_reaches_postgresql_over_verified_tls() {
    let ca = std::env::var("CONCIERGE_TEST_POSTGRES_CA")
        .expect("CONCIERGE_TEST_POSTGRES_CA must name the test server's CA: scripts/test sets it");
    let plain = fresh_database().await;
    let name = url::Url::parse(&plain).unwrap().path()[1..].to_string();
    let dir = tempfile::tempdir().unwrap();
    let tls = format!("{plain}?sslmode=require&sslrootcert={ca}");
    let a = Instance::start(Some(&tls), dir.path(), "").await;
    a.desk
        .store
        .set_agent("Sam", &concierge::secret::hash("correct horse").unwrap())
        .await
        .unwrap();
    let signed_in = sign_in(&no_redirects(), &a.url, "Sam", "correct horse").await;
    assert!(signed_in.status().is_redirection(), "Sam signs in");

    let (admin, connection) = tokio_postgres::connect(&plain, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let deadline = Instant::now() + Duration::from_secs(10);
    let seen = loop {
        let rows = admin
            .query(
                "SELECT a.application_name, s.ssl FROM pg_stat_ssl s
                 JOIN pg_stat_activity a USING (pid)
                 WHERE a.datname = $1 AND a.application_name LIKE 'concierge-desk%'",
                &[&name],
            )
            .await
            .unwrap();
        let seen: Vec<(String, bool)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        if seen
            .iter()
            .any(|(app, _)| app == concierge::desk::store::LISTENER)
            || Instant::now() > deadline
        {
            break seen;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(
        seen.iter().any(|(app, _)| app == "concierge-desk")
            && seen
                .iter()
                .any(|(app, _)| app == concierge::desk::store::LISTENER),
        "the pool and the listener are connected: {seen:?}"
    );
    assert!(seen.iter().all(|(_, ssl)| *ssl), "all over TLS: {seen:?}");

    // The system's roots do not know the test CA: refused, with the reason.
    let refused = concierge::desk::store::open(
        Some(&format!("{plain}?sslmode=verify-full")),
        &dir.path().join("unused.sqlite"),
    )
    .await
    .err()
    .expect("a server whose certificate cannot be verified is refused");
    assert!(refused.to_string().contains("certificate"), "{refused}");
    // A CA file that is not there: the configuration says so before anything starts.
    let problem = Config::parse(
        &format!("[desk]\ndatabase = \"{plain}?sslmode=require&sslrootcert={ca}.gone\"\n"),
        None,
    )
    .expect_err("a missing CA file is a configuration problem");
    assert!(format!("{problem}").contains("sslrootcert"), "{problem}");
}

/// A load balancer asks each instance `/healthz`: 200 while it can reach PostgreSQL, 503 once
/// it cannot (the database refuses connections and cuts the ones it had), and 200 again when
/// the database is back, so traffic goes only to instances that can keep a page.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn healthz_says_when_an_instance_cannot_reach_postgresql() {
    let database = fresh_database().await;
    let name = url::Url::parse(&database).unwrap().path()[1..].to_string();
    let dir = tempfile::tempdir().unwrap();
    let a = Instance::start(Some(&database), dir.path(), "").await;
    let client = no_redirects();
    let health = async || {
        client
            .get(format!("{}/healthz", a.url))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(health().await, 200);
    let (admin, connection) =
        tokio_postgres::connect(&crate::desk_store::postgres_url(), tokio_postgres::NoTls)
            .await
            .unwrap();
    tokio::spawn(connection);
    let until = async |want: u16, what: &str| {
        let deadline = Instant::now() + Duration::from_secs(20);
        while health().await != want {
            assert!(Instant::now() < deadline, "{what}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    };
    admin
        .batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
        .await
        .unwrap();
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
            &[&name],
        )
        .await
        .unwrap();
    until(503, "503 while the database is out of reach").await;
    admin
        .batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        .await
        .unwrap();
    until(200, "200 again once the database is back").await;
}
