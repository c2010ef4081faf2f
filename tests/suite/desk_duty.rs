//! The desk as agents on duty use it: who has a page and who did what (the timeline), the
//! clock on a card, what a special service, a drill or an escalation is, pushes to phones, a
//! stranger who cannot lock a colleague out, sessions that end when idle, and what a load
//! balancer and Prometheus read.

use crate::desk::{SECRET, kiosk_pager, session_cookie, sign_in, start};
use concierge::checkin::{ExceptionKind, Page, Reason, Step};
use concierge::config::Config;
use concierge::desk::Desk;
use concierge::help::{flush, signature};
use concierge::i18n::Messages;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn words() -> &'static Messages {
    Messages::built_in()
}

/// An English message as the desk's page shows it (escaped for HTML; Fluent's isolation marks
/// around placeables kept, as the page keeps them).
pub(crate) fn en(id: &str, args: &[(&str, fluent_bundle::FluentValue)]) -> String {
    words()
        .get("en-US", id, args)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The words of a message around its placeables (`names`): what the page must show whatever
/// fills them.
fn pieces(id: &str, names: &[&str]) -> Vec<String> {
    let args: Vec<(&str, fluent_bundle::FluentValue)> =
        names.iter().map(|n| (*n, "\u{E000}".into())).collect();
    en(id, &args)
        .replace(['\u{2068}', '\u{2069}'], "")
        .split('\u{E000}')
        .map(|s| s.trim().to_string())
        .filter(|s| s.len() > 2)
        .collect()
}

pub(crate) fn no_redirects() -> reqwest::Client {
    concierge::net::install_crypto();
    reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A signed-in agent: their cookie and the page's form token.
pub(crate) struct Agent {
    pub(crate) client: reqwest::Client,
    pub(crate) url: String,
    pub(crate) cookie: String,
    pub(crate) csrf: String,
}

impl Agent {
    pub(crate) async fn sign_in(url: &str, name: &str, password: &str) -> Agent {
        let client = no_redirects();
        let signed_in = sign_in(&client, url, name, password).await;
        assert!(signed_in.status().is_redirection(), "{name} signs in");
        let cookie = session_cookie(&signed_in)
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let mut agent = Agent {
            client,
            url: url.to_string(),
            cookie,
            csrf: String::new(),
        };
        let page = agent.get("/").await;
        agent.csrf = page
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .map(|s| s.split('"').next().unwrap().to_string())
            .unwrap();
        agent
    }

    pub(crate) async fn get(&self, path: &str) -> String {
        self.client
            .get(format!("{}{path}", self.url))
            .header("Cookie", &self.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// Posts an action's form; returns where the desk sends the browser next.
    pub(crate) async fn act(&self, incident: &str, action: &str, extra: &[(&str, &str)]) -> String {
        let mut form = vec![("csrf", self.csrf.as_str())];
        form.extend_from_slice(extra);
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let r = self
            .client
            .post(format!("{}/incidents/{incident}/{action}", self.url))
            .header("Cookie", &self.cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_redirection(), "{action}: {}", r.status());
        r.headers()["location"].to_str().unwrap().to_string()
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn page(session: u64, reason: Reason) -> Page {
    Page {
        session,
        reason,
        step: Step::Seats,
        locale: "ur-PK".into(),
        flight: Some("NW 786".into()),
        minutes_until_close: Some(40),
        closes_at: Some(chrono::Utc::now() + chrono::TimeDelta::minutes(40)),
        service: None,
        first_name: None,
        at: chrono::Utc::now(),
    }
}

/// Posts a request as kiosk LHE-T1-K07 signs it.
pub(crate) async fn post_signed(url: &str, body: &serde_json::Value) -> u16 {
    let body = body.to_string();
    let sig = signature::sign(
        SECRET.as_bytes(),
        chrono::Utc::now().timestamp(),
        body.as_bytes(),
    );
    no_redirects()
        .post(format!("{url}/api/v1/incidents"))
        .header(signature::HEADER, sig)
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

pub(crate) fn request(incident: &str, at: chrono::DateTime<chrono::Utc>) -> serde_json::Value {
    serde_json::json!({
        "version": 1, "id": format!("{incident}-1"), "incident": incident, "state": "open",
        "kiosk": {"id": "LHE-T1-K07", "airport": "LHE", "location": "Hall B"},
        "airline": "NW", "flight": "NW 786", "minutes_until_close": 20, "step": "seats",
        "reason": "passenger_asked", "locale": "en-US", "first_name": null,
        "requested_at": at.to_rfc3339(), "escalation_level": 0
    })
}

/// Two agents take the same page: the second is told at once who has it. Notes, letting go,
/// hand-over and resolving are each recorded with who and when, and Recent names who resolved
/// (before: a second acknowledgement was silently ignored and Recent named whoever
/// acknowledged).
#[tokio::test(flavor = "multi_thread")]
async fn a_second_agent_hears_who_has_the_page_and_the_timeline_says_who_did_what() {
    let d = start().await;
    d.desk
        .store
        .set_agent("Alex", &concierge::secret::hash("battery staple").unwrap())
        .await
        .unwrap();
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&d.url, kdir.path());
    let key = pager.page(&page(31, Reason::PassengerAsked)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(3)).await.unwrap(), 0);
    let sam = Agent::sign_in(&d.url, "Sam", "correct horse").await;
    let alex = Agent::sign_in(&d.url, "Alex", "battery staple").await;

    assert_eq!(sam.act(&key, "ack", &[]).await, "/");
    // The kiosk hears who is coming …
    let coming = |agent: &str| concierge::help::HelpStatus::Acknowledged {
        agent: agent.into(),
    };
    let heard = |want: concierge::help::HelpStatus| {
        let pager = pager.clone();
        let key = key.clone();
        async move {
            crate::common::step_until(&pager, &key, &want, Duration::from_secs(5)).await == want
        }
    };
    assert!(heard(coming("Sam")).await);
    let told = alex.act(&key, "ack", &[]).await;
    assert!(told.contains("said=taken"), "{told}");
    let said = alex.get(&told).await;
    let has_it = en("desk-taken", &[("agent", "Sam".into())]);
    assert!(said.contains(&has_it), "Alex reads {has_it}");
    // Sam still has it.
    let i = d.desk.store.incident(&key).await.unwrap().unwrap();
    assert_eq!(i.acknowledged_by.as_deref(), Some("Sam"));

    alex.act(
        &key,
        "note",
        &[("text", "Passenger at kiosk 7 <b>needs</b> a wheelchair")],
    )
    .await;
    sam.act(&key, "release", &[]).await;
    assert_eq!(
        d.desk.store.incident(&key).await.unwrap().unwrap().state,
        "open"
    );
    // … and that nobody is, once Sam let it go.
    assert!(heard(concierge::help::HelpStatus::Delivered).await);
    alex.act(&key, "handover", &[("to", "Sam")]).await;
    let i = d.desk.store.incident(&key).await.unwrap().unwrap();
    assert_eq!(i.acknowledged_by.as_deref(), Some("Sam"), "handed to Sam");
    assert!(heard(coming("Sam")).await);
    // Sam hands it to Alex: the passenger hears the new name.
    sam.act(&key, "handover", &[("to", "Alex")]).await;
    assert!(heard(coming("Alex")).await);
    // Nobody can hand a page to an agent who does not exist.
    let refused = alex.act(&key, "handover", &[("to", "Mallory")]).await;
    assert!(refused.contains("said=gone"), "{refused}");
    alex.act(&key, "resolve", &[]).await;

    let timeline = d.desk.store.timeline(&key).await.unwrap();
    let what: Vec<(&str, Option<&str>)> = timeline
        .iter()
        .map(|e| (e.kind.as_str(), e.agent.as_deref()))
        .collect();
    assert_eq!(
        what,
        [
            ("raised", None),
            ("received", None),
            ("acknowledged", Some("Sam")),
            ("note", Some("Alex")),
            ("released", Some("Sam")),
            ("handed_over", Some("Alex")),
            ("handed_over", Some("Sam")),
            ("resolved", Some("Alex")),
        ]
    );
    assert!(timeline.windows(2).all(|w| w[0].at <= w[1].at), "in order");
    let i = d.desk.store.incident(&key).await.unwrap().unwrap();
    assert_eq!(i.resolved_by.as_deref(), Some("Alex"));
    assert_eq!(i.acknowledged_by.as_deref(), Some("Alex"));

    // Recent (live, in the fragment) shows when, who acknowledged and who resolved.
    let live = sam.get("/fragment").await;
    let row = live
        .split("<tr data-recent=")
        .nth(1)
        .expect("a row in Recent");
    assert!(
        row.contains("<time") && row.contains("<td>Alex</td><td>Alex</td>"),
        "{row}"
    );
    // The timeline of a closed page is gone from the open list; an open one shows it, the
    // note escaped.
    let key2 = pager.page(&page(32, Reason::PassengerAsked)).unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(3)).await.unwrap(), 0);
    alex.act(&key2, "note", &[("text", "<script>x</script> ok")])
        .await;
    let live = sam.get("/fragment").await;
    assert!(live.contains("&lt;script&gt;x&lt;/script&gt; ok"), "{live}");
    assert!(!live.contains("<script>x"));
    // Acting on a page that does not exist changes nothing and says so.
    let gone = sam.act("LHE-T1-K07-999", "ack", &[]).await;
    assert!(gone.contains("said=gone"), "{gone}");
    assert!(
        d.desk
            .store
            .incident("LHE-T1-K07-999")
            .await
            .unwrap()
            .is_none()
    );
    let page = sam.get(&gone).await;
    assert!(page.contains(&en("desk-gone", &[])));
}

/// The card shows when check-in closes and counts down to it (the script ticks on the
/// `data-until` time; the list is sorted by it, not by minutes frozen when the page was sent);
/// "asked" counts from the passenger's ask, and a page that reached the desk late says so,
/// with the time the kiosk already sent the passenger to a desk.
#[tokio::test(flavor = "multi_thread")]
async fn the_card_counts_down_to_the_closing_time_and_tells_a_late_page_from_a_live_one() {
    let d = start().await;
    let now = chrono::Utc::now();
    // Queued at the kiosk while the desk was down: asked 6 minutes ago, given up 4 minutes ago.
    let mut late = request("LHE-T1-K07-41", now - chrono::TimeDelta::minutes(6));
    let closes_late = now + chrono::TimeDelta::minutes(50);
    late["closes_at"] = closes_late.to_rfc3339().into();
    late["gives_up_at"] = (now - chrono::TimeDelta::minutes(4)).to_rfc3339().into();
    assert_eq!(post_signed(&d.url, &late).await, 200);
    // Asked just now, but its flight closes sooner: it comes first.
    let mut soon = request("LHE-T1-K07-42", now);
    let closes_soon = now + chrono::TimeDelta::minutes(12);
    soon["closes_at"] = closes_soon.to_rfc3339().into();
    assert_eq!(post_signed(&d.url, &soon).await, 200);

    let sam = Agent::sign_in(&d.url, "Sam", "correct horse").await;
    let live = sam.get("/fragment").await;
    let first = live.find("data-incident=\"LHE-T1-K07-42\"").unwrap();
    let second = live.find("data-incident=\"LHE-T1-K07-41\"").unwrap();
    assert!(first < second, "the sooner closing first");
    let card = |key: &str| -> String {
        let start = live.find(&format!("data-incident=\"{key}\"")).unwrap();
        let rest = &live[start..];
        let card = &rest[..rest[1..]
            .find("data-incident=")
            .map_or(rest.len(), |e| e + 1)];
        // The card's face, not its timeline.
        card.split("<details>").next().unwrap().to_string()
    };
    let late_card = card("LHE-T1-K07-41");
    assert!(
        late_card.contains(&format!(
            "data-until=\"{}\"",
            closes_late.timestamp_millis()
        )),
        "{late_card}"
    );
    for piece in pieces("desk-closes-at", &["time", "in"]) {
        assert!(late_card.contains(&piece), "{piece:?} in {late_card}");
    }
    let six = en("desk-minutes-ago", &[("minutes", 6.into())]);
    assert!(late_card.contains(&six), "asked 6 minutes ago: {late_card}");
    for (id, name) in [("desk-received", "ago"), ("desk-gave-up", "time")] {
        for piece in pieces(id, &[name]) {
            assert!(late_card.contains(&piece), "{id}: {piece:?} in {late_card}");
        }
    }
    let soon_card = card("LHE-T1-K07-42");
    for (id, name) in [("desk-received", "ago"), ("desk-gave-up", "time")] {
        for piece in pieces(id, &[name]) {
            assert!(
                !soon_card.contains(&piece),
                "{id} not on a live page: {soon_card}"
            );
        }
    }
    // Both wait for someone: the title counts them.
    assert!(live.contains("data-unacknowledged=\"2\""), "{live}");
}

/// An unaccompanied minor's page names the request and what staff must do; a drill looks like
/// a drill; an escalation says when and to whom.
#[tokio::test(flavor = "multi_thread")]
async fn a_minor_a_drill_and_an_escalation_each_say_what_they_are() {
    let d = start().await;
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&d.url, kdir.path());
    let mut minor = page(51, Reason::Exception(ExceptionKind::SpecialService));
    minor.service = Some("UMNR".into());
    let minor = pager.page(&minor).unwrap();
    let drill = pager
        .page_with_reason(&page(52, Reason::PassengerAsked), "fire drill", true)
        .unwrap();
    assert_eq!(flush(&pager, Duration::from_secs(3)).await.unwrap(), 0);
    let now = chrono::Utc::now();
    let mut escalated = request("LHE-T1-K07-53", now);
    assert_eq!(post_signed(&d.url, &escalated).await, 200);
    escalated["state"] = "escalated".into();
    escalated["id"] = "LHE-T1-K07-53-2".into();
    escalated["escalation_level"] = 1.into();
    escalated["escalated_to"] = serde_json::json!(["duty manager"]);
    escalated["escalated_at"] = now.to_rfc3339().into();
    assert_eq!(post_signed(&d.url, &escalated).await, 200);

    let sam = Agent::sign_in(&d.url, "Sam", "correct horse").await;
    let live = sam.get("/fragment").await;
    let card = |key: &str| -> String {
        let start = live.find(&format!("data-incident=\"{key}\"")).unwrap();
        live[start..]
            .split("</details>")
            .next()
            .unwrap()
            .to_string()
    };
    let m = card(&minor);
    assert!(
        m.contains(&en("desk-service", &[("code", "UMNR".into())])),
        "{m}"
    );
    assert!(m.contains(&en("desk-todo-UMNR", &[])), "{m}");
    let dr = card(&drill);
    assert!(live.contains("class=\"card drill\""), "{live}");
    assert!(dr.contains(&en("desk-drill-note", &[])), "{dr}");
    let e = card("LHE-T1-K07-53");
    assert!(e.contains("duty manager") && e.contains("<time"), "{e}");
    for piece in pieces("desk-escalated-to", &["time", "to"]) {
        assert!(e.contains(&piece), "{piece:?} in {e}");
    }
    let timeline = d.desk.store.timeline("LHE-T1-K07-53").await.unwrap();
    let esc = timeline.iter().find(|t| t.kind == "escalated").unwrap();
    assert_eq!(esc.detail.as_deref(), Some("duty manager"));
    assert_eq!(esc.at, now.timestamp_millis(), "when the kiosk escalated");
}

/// A stranger guessing Sam's password from another address locks only themselves out: Sam
/// signs in from their own desk at once (before: five wrong passwords from anywhere locked the
/// account, the right one too, for up to an hour). Guesses still lock the stranger.
#[tokio::test(flavor = "multi_thread")]
async fn a_stranger_cannot_lock_an_agent_out_of_their_own_desk() {
    let d = start().await;
    // Sam signs in from 127.0.0.1 first: their own address.
    Agent::sign_in(&d.url, "Sam", "correct horse").await;
    let stranger = reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .redirect(reqwest::redirect::Policy::none())
        .local_address(Some(std::net::IpAddr::V4(std::net::Ipv4Addr::new(
            127, 0, 0, 2,
        ))))
        .build()
        .unwrap();
    for _ in 0..8 {
        sign_in(&stranger, &d.url, "Sam", "wrong guess").await;
    }
    let locked = sign_in(&stranger, &d.url, "Sam", "correct horse").await;
    assert_eq!(locked.status().as_u16(), 429, "the guesser is slowed");
    let own = sign_in(&no_redirects(), &d.url, "Sam", "correct horse").await;
    assert!(own.status().is_redirection(), "Sam: {}", own.status());
    // A name of a megabyte is refused like any wrong name and kept short.
    let long = "S".repeat(1 << 20);
    let r = sign_in(&stranger, &d.url, &long, "x").await;
    assert!(
        matches!(r.status().as_u16(), 401 | 413 | 429),
        "{}",
        r.status()
    );
}

/// A page from a stranger hears the same answer whatever was wrong: an unknown kiosk, a bad
/// signature, a stale clock (before: each said which, and how far off the caller's clock was).
#[tokio::test(flavor = "multi_thread")]
async fn strangers_hear_the_same_whatever_was_wrong() {
    let d = start().await;
    let client = no_redirects();
    let send = |body: String, sig: String| {
        let client = client.clone();
        let url = d.url.clone();
        async move {
            let r = client
                .post(format!("{url}/api/v1/incidents"))
                .header(signature::HEADER, sig)
                .body(body)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let now = chrono::Utc::now();
    let good = request("LHE-T1-K07-61", now).to_string();
    let mut unknown = request("XXX-1", now);
    unknown["kiosk"]["id"] = "XXX".into();
    let unknown = unknown.to_string();
    let t = now.timestamp();
    let answers = [
        send(
            unknown.clone(),
            signature::sign(b"guess", t, unknown.as_bytes()),
        )
        .await,
        send(good.clone(), signature::sign(b"guess", t, good.as_bytes())).await,
        send(
            good.clone(),
            signature::sign(SECRET.as_bytes(), t - 3600, good.as_bytes()),
        )
        .await,
        send(good.clone(), "nonsense".into()).await,
    ];
    assert_eq!(answers[0].0, 401);
    assert!(answers.iter().all(|a| a == &answers[0]), "{answers:?}");
}

/// A session with no activity for the idle timeout ends (the page's own live updates do not
/// count); an agent who keeps working stays signed in.
#[test]
fn an_idle_session_ends_and_activity_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = concierge::desk::SqliteStore::open(&dir.path().join("desk.sqlite")).unwrap();
    let hour = 3_600_000;
    let t0 = 1_000_000_000_000;
    store
        .create_session("a", "Sam", "c", t0, t0 + 12 * hour)
        .unwrap();
    store
        .create_session("b", "Alex", "c", t0, t0 + 12 * hour)
        .unwrap();
    // Sam works at half past; both pages keep polling passively.
    assert!(
        store
            .session("a", t0 + hour / 2, hour, true)
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .session("b", t0 + hour / 2, hour, false)
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .session("a", t0 + hour + 1, hour, false)
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .session("b", t0 + hour + 1, hour, false)
            .unwrap()
            .is_none(),
        "Alex idle for an hour"
    );
    assert_eq!(store.purge_sessions(t0 + hour + 1, hour).unwrap(), 1);
    assert_eq!(store.sessions().unwrap(), 1);
}

/// `/healthz` answers a load balancer; `/metrics` (loopback only) says how many pages are
/// open, how long the oldest one nobody took has waited, and how many agents are watching.
#[tokio::test(flavor = "multi_thread")]
async fn healthz_and_metrics_say_how_the_desk_is() {
    let d = start().await;
    let client = no_redirects();
    let health = client
        .get(format!("{}/healthz", d.url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status().as_u16(), 200);
    let mut old = request("LHE-T1-K07-71", chrono::Utc::now());
    old["id"] = "x".into();
    assert_eq!(post_signed(&d.url, &old).await, 200);
    let sam = Agent::sign_in(&d.url, "Sam", "correct horse").await;
    // Sam's page is open and live.
    let mut events = sam
        .client
        .get(format!("{}/events", d.url))
        .header("Cookie", &sam.cookie)
        .send()
        .await
        .unwrap();
    let _ = tokio::time::timeout(Duration::from_millis(300), events.chunk()).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let text = client
        .get(format!("{}/metrics", d.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains("concierge_desk_open_pages{state=\"open\"} 1"),
        "{text}"
    );
    assert!(text.contains("concierge_desk_connected_agents 1"), "{text}");
    let oldest: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("concierge_desk_oldest_unacknowledged_seconds "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(oldest >= 1.0, "{oldest}");
    drop(events);
}

/// What an ntfy server heard.
#[derive(Clone, Default)]
struct Heard(Arc<Mutex<Vec<(String, String)>>>);

/// New and escalated pages are pushed to the agents' phones (an ntfy topic, a real HTTP
/// receiver here); an update of a page already pushed is not pushed again.
#[tokio::test(flavor = "multi_thread")]
async fn new_and_escalated_pages_are_pushed_to_phones() {
    use axum::routing::post;
    let heard = Heard::default();
    let h = heard.clone();
    let app = axum::Router::new().route(
        "/desk-topic",
        post(move |headers: axum::http::HeaderMap, body: String| {
            let h = h.clone();
            async move {
                let title = headers
                    .get("Title")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_string();
                h.0.lock().unwrap().push((title, body));
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let ntfy = format!("http://{}/desk-topic", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k07.key");
    std::fs::write(&key, SECRET).unwrap();
    let config = Config::parse(
        &format!(
            "[[desk.kiosks]]\nid = \"LHE-T1-K07\"\nsecret_file = \"{}\"\n\
             [[desk.push]]\nkind = \"ntfy\"\nname = \"agents' phones\"\nurl = \"{ntfy}\"\n",
            key.display()
        ),
        None,
    )
    .unwrap()
    .config;
    let store = concierge::desk::open_sqlite(&dir.path().join("desk.sqlite")).unwrap();
    let desk = Desk::new(store, &config.desk, false);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(concierge::desk::serve(
        listener,
        desk.clone(),
        Duration::from_secs(3600),
    ));

    let now = chrono::Utc::now();
    let mut r = request("LHE-T1-K07-81", now);
    assert_eq!(post_signed(&url, &r).await, 200);
    let wait_for = |n: usize| {
        let heard = heard.clone();
        async move {
            for _ in 0..50 {
                if heard.0.lock().unwrap().len() >= n {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            heard.0.lock().unwrap().clone()
        }
    };
    let got = wait_for(1).await;
    assert_eq!(got.len(), 1);
    assert!(
        got[0].0.contains("LHE-T1-K07") && got[0].1.contains("passenger asked"),
        "{got:?}"
    );
    r["state"] = "updated".into();
    r["id"] = "u".into();
    assert_eq!(post_signed(&url, &r).await, 200);
    r["state"] = "escalated".into();
    r["id"] = "e".into();
    r["escalation_level"] = 1.into();
    assert_eq!(post_signed(&url, &r).await, 200);
    let got = wait_for(2).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let got_now = heard.0.lock().unwrap().clone();
    assert_eq!(
        got_now.len(),
        2,
        "new and escalated, not the update: {got_now:?}"
    );
    assert!(got[1].1.contains("escalated"), "{got:?}");
    // A drill says so on the phone.
    let mut drill = request("LHE-T1-K07-82", now);
    drill["drill"] = true.into();
    assert_eq!(post_signed(&url, &drill).await, 200);
    let got = wait_for(3).await;
    assert!(got[2].1.starts_with("DRILL"), "{got:?}");
}

/// Agents and their sessions from the command line: add with an airport, list, see sessions,
/// end one, remove an agent (their sessions end with them).
#[test]
fn agents_and_sessions_are_managed_from_the_command_line() {
    use std::io::Write;
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str], stdin: Option<&str>| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_concierge"))
            .arg("--data-dir")
            .arg(data.path())
            .env("XDG_CONFIG_HOME", data.path().join("no-config"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(s) = stdin {
            child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
        }
        drop(child.stdin.take());
        child.wait_with_output().unwrap()
    };
    let out = run(
        &["desk", "add-agent", "Sam", "--airport", "LHE"],
        Some("correct horse\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["desk", "add-agent", "Alex"], Some("battery staple\n"));
    assert!(out.status.success());
    let store = concierge::desk::SqliteStore::open(&data.path().join("desk.sqlite")).unwrap();
    let now = chrono::Utc::now().timestamp_millis();
    store
        .create_session("abcdef0123456789", "Sam", "c", now, now + 3_600_000)
        .unwrap();
    store
        .create_session("fedcba9876543210", "Alex", "c", now, now + 3_600_000)
        .unwrap();
    let agents = String::from_utf8(run(&["desk", "agents"], None).stdout).unwrap();
    let sam = agents.lines().find(|l| l.starts_with("Sam")).unwrap();
    assert!(
        sam.contains("LHE") && sam.split_whitespace().nth(2) == Some("1"),
        "{agents}"
    );
    let sessions = String::from_utf8(run(&["desk", "sessions"], None).stdout).unwrap();
    assert!(
        sessions.contains("abcdef012345") && !sessions.contains("abcdef0123456789"),
        "{sessions}"
    );
    let out = run(&["desk", "end-session", "abcdef012345"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(store.sessions().unwrap(), 1);
    let out = run(&["desk", "remove-agent", "Alex"], None);
    assert!(out.status.success());
    assert_eq!(
        store.sessions().unwrap(),
        0,
        "Alex's session ended with Alex"
    );
    assert!(store.agent_hash("Alex").unwrap().is_none());
    let out = run(&["desk", "remove-agent", "Nobody"], None);
    assert!(!out.status.success());
}

/// Two agents in Chromium, one on a desktop and one on a phone: a new page rings (a tone and a
/// notification the service worker shows, phones too) and the title counts what nobody has
/// taken; the phone's acknowledgement shows on the desktop at once without ringing; a note from
/// the phone is on the desktop's timeline; an escalation rings again; a desk that cannot be
/// reached says so; Urdu is right to left and the phone page fits its screen. Screenshots in
/// `CONCIERGE_DESK_SHOTS` when set.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Chromium and playwright-core: scripts/test installs them"]
async fn two_agents_on_duty_in_a_real_browser_are_alerted_and_see_each_other() {
    let d = start().await;
    d.desk
        .store
        .set_agent("Alex", &concierge::secret::hash("battery staple").unwrap())
        .await
        .unwrap();
    let kdir = tempfile::tempdir().unwrap();
    let pager = kiosk_pager(&d.url, kdir.path());
    let shots =
        std::env::var("CONCIERGE_DESK_SHOTS").unwrap_or_else(|_| kdir.path().display().to_string());
    let mut browser = crate::common::Browser::start("desk-duty.mjs", &[&d.url, &shots]);
    let mut seen = Vec::new();
    let run = async {
        while let Some(line) = browser.lines.recv().await {
            match line.as_str() {
                "STEP want-page" => {
                    pager.page(&page(61, Reason::PassengerAsked)).unwrap();
                    flush(&pager, Duration::from_secs(3)).await.unwrap();
                }
                "STEP want-second-page" => {
                    pager
                        .page(&page(62, Reason::Exception(ExceptionKind::DocumentExpired)))
                        .unwrap();
                    flush(&pager, Duration::from_secs(3)).await.unwrap();
                }
                "STEP want-escalation" => {
                    let mut r = request("LHE-T1-K07-62", chrono::Utc::now());
                    r["state"] = "escalated".into();
                    r["escalation_level"] = 1.into();
                    r["escalated_to"] = serde_json::json!(["duty manager"]);
                    r["escalated_at"] = chrono::Utc::now().to_rfc3339().into();
                    r["reason"] = "document_expired".into();
                    r["kiosk"]["terminal"] = "T1".into();
                    r["locale"] = "ur-PK".into();
                    assert_eq!(post_signed(&d.url, &r).await, 200);
                }
                "STEP want-more" => {
                    let mut minor = page(63, Reason::Exception(ExceptionKind::SpecialService));
                    minor.service = Some("UMNR".into());
                    minor.first_name = Some("Zara".into());
                    pager.page(&minor).unwrap();
                    pager
                        .page_with_reason(&page(64, Reason::PassengerAsked), "fire drill", true)
                        .unwrap();
                    flush(&pager, Duration::from_secs(3)).await.unwrap();
                }
                _ => {}
            }
            if line.starts_with("STEP ") {
                browser.go();
            }
            seen.push(line);
        }
    };
    let finished = tokio::time::timeout(Duration::from_secs(180), run).await;
    let (ok, stderr) = browser.finish(finished.is_ok());
    assert!(
        ok && seen.iter().any(|l| l == "done"),
        "{}\n{stderr}",
        seen.join("\n"),
    );
}

/// The real desk's log: "agent acted" names the agent and the action, and is not written for a
/// page that does not exist (before: it named neither, and was written for any key).
#[test]
fn the_log_says_which_agent_did_what_and_only_for_real_pages() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k07.key");
    std::fs::write(&key, SECRET).unwrap();
    let config = dir.path().join("desk.toml");
    std::fs::write(
        &config,
        format!(
            "[[desk.kiosks]]\nid = \"LHE-T1-K07\"\nsecret_file = \"{}\"\n",
            key.display()
        ),
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_concierge");
    let base = |c: &mut std::process::Command| {
        c.arg("--config")
            .arg(&config)
            .arg("--data-dir")
            .arg(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"));
    };
    let mut add = std::process::Command::new(bin);
    base(&mut add);
    let mut add = add
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
    let mut server = std::process::Command::new(bin);
    base(&mut server);
    let mut server = server
        .args(["desk", "--listen", &format!("127.0.0.1:{port}")])
        .env("CONCIERGE_LOG", "info")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Stopped whatever happens below.
    struct Stop<'a>(&'a mut std::process::Child);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            let _ = self.0.kill();
        }
    }
    let stop = Stop(&mut server);
    let url = format!("http://127.0.0.1:{port}");
    concierge::net::install_crypto();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        for _ in 0..100 {
            if reqwest::get(format!("{url}/healthz")).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            post_signed(&url, &request("LHE-T1-K07-91", chrono::Utc::now())).await,
            200
        );
        let sam = Agent::sign_in(&url, "Sam", "correct horse").await;
        sam.act("LHE-T1-K07-91", "ack", &[]).await;
        sam.act("LHE-T1-K07-404", "ack", &[]).await;
        sam.act("LHE-T1-K07-404", "resolve", &[]).await;
    });
    drop(stop);
    let mut log = String::new();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    let _ = server.wait();
    let acted: Vec<&str> = log.lines().filter(|l| l.contains("agent acted")).collect();
    assert_eq!(acted.len(), 1, "{log}");
    assert!(
        acted[0].contains("Sam")
            && acted[0].contains("acknowledged")
            && acted[0].contains("LHE-T1-K07-91"),
        "{}",
        acted[0]
    );
}

/// An agent's own airport comes first (then the soonest closing check-in), marked as theirs,
/// and the page offers a filter by airport.
#[tokio::test(flavor = "multi_thread")]
async fn an_agent_sees_their_own_airports_pages_first_with_a_filter() {
    let d = start().await;
    assert!(
        d.desk
            .store
            .set_agent_airport("Sam", Some("KHI"))
            .await
            .unwrap()
    );
    let now = chrono::Utc::now();
    let mut lahore = request("LHE-T1-K07-95", now);
    lahore["closes_at"] = (now + chrono::TimeDelta::minutes(10)).to_rfc3339().into();
    assert_eq!(post_signed(&d.url, &lahore).await, 200);
    let mut karachi = request("LHE-T1-K07-96", now);
    karachi["kiosk"]["airport"] = "KHI".into();
    karachi["closes_at"] = (now + chrono::TimeDelta::minutes(50)).to_rfc3339().into();
    assert_eq!(post_signed(&d.url, &karachi).await, 200);
    let sam = Agent::sign_in(&d.url, "Sam", "correct horse").await;
    let page = sam.get("/").await;
    let k = page.find("data-incident=\"LHE-T1-K07-96\"").unwrap();
    let l = page.find("data-incident=\"LHE-T1-K07-95\"").unwrap();
    assert!(k < l, "Sam's airport first");
    let yours = en("desk-yours", &[]);
    assert_eq!(
        page.matches(&yours).count(),
        1,
        "one card is marked as Sam's airport"
    );
    assert!(page[k..l].contains(&yours));
    for airport in ["KHI", "LHE"] {
        assert!(
            page.contains(&format!("<option value=\"{airport}\">{airport}</option>")),
            "the filter offers {airport}"
        );
    }
    assert!(page[k..l].contains("data-airport=\"KHI\""));
}
