//! The desk's store, one suite for both engines: each test below runs on the embedded SQLite
//! file (`sqlite::…`) and on PostgreSQL (`postgres::…`, in a database of its own on the
//! cluster `CONCIERGE_TEST_POSTGRES` names; `scripts/test` starts one).

use concierge::desk::{Acted, DeskStore, Received};
use concierge::help::HelpRequest;
use std::net::IpAddr;

/// The server `scripts/test` started (`postgres://…/postgres`).
pub(crate) fn postgres_url() -> String {
    std::env::var("CONCIERGE_TEST_POSTGRES").expect(
        "CONCIERGE_TEST_POSTGRES must name a PostgreSQL server for this test: \
         scripts/test starts one (scripts/pg-cluster start DIR prints its URL)",
    )
}

/// A fresh, empty database on the test server, its URL.
pub(crate) async fn fresh_database() -> String {
    let admin = postgres_url();
    let (client, connection) = tokio_postgres::connect(&admin, tokio_postgres::NoTls)
        .await
        .expect("the test PostgreSQL server answers");
    tokio::spawn(connection);
    let name = format!("desk_{}", concierge::desk::random_hex().get(..16).unwrap());
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let mut url = url::Url::parse(&admin).unwrap();
    url.set_path(&name);
    url.to_string()
}

pub(crate) async fn postgres() -> (DeskStore, Option<String>) {
    let url = fresh_database().await;
    let store = concierge::desk::store::open(Some(&url), std::path::Path::new("unused"))
        .await
        .unwrap();
    (store, Some(url))
}

async fn sqlite() -> (DeskStore, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let store = concierge::desk::open_sqlite(&dir.path().join("desk.sqlite")).unwrap();
    // The file outlives the test's store handle only as long as the test: leaked on purpose.
    std::mem::forget(dir);
    (store, None)
}

/// A kiosk's request, as the wire carries it.
pub(crate) fn request(incident: &str, state: &str, requested_at: &str) -> HelpRequest {
    let kiosk = incident.rsplit_once('-').map_or("LHE-T1-K07", |(k, _)| k);
    serde_json::from_value(serde_json::json!({
        "version": 1, "id": format!("{incident}-{state}-{requested_at}"), "incident": incident,
        "state": state,
        "kiosk": {"id": kiosk, "airport": "LHE", "location": "Lahore T1, hall B"},
        "airline": "NW", "flight": "NW 786", "minutes_until_close": 42, "step": "seats",
        "reason": "passenger_asked", "locale": "ur-PK", "first_name": null,
        "requested_at": requested_at, "escalation_level": 0
    }))
    .unwrap()
}

async fn receive(store: &DeskStore, r: &HelpRequest, now: i64) -> Received {
    let payload = serde_json::to_string(r).unwrap();
    store.receive(r, &payload, now).await.unwrap()
}

const T0: i64 = 1_735_718_400_000; // 2025-01-01T08:00:00Z
const AT0: &str = "2025-01-01T08:00:00Z";

/// Retries and updates of one page make one incident; a close and a reopen follow the kiosk;
/// a late retry of the first page does not reopen what an agent closed.
async fn one_incident_per_page_whatever_the_retries(store: DeskStore) {
    let r = request("LHE-T1-K07-1", "open", AT0);
    assert_eq!(receive(&store, &r, T0).await, Received::New);
    assert_eq!(receive(&store, &r, T0 + 10).await, Received::Changed);
    let open = store.open_incidents().await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].deliveries, 2);
    assert_eq!(open[0].request.flight.as_deref(), Some("NW 786"));
    let kinds: Vec<String> = store
        .timeline("LHE-T1-K07-1")
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["raised", "received"]);
    // All open timelines in one read: the same lines.
    let open_lines = store.open_timelines().await.unwrap();
    assert_eq!(
        open_lines["LHE-T1-K07-1"],
        store.timeline("LHE-T1-K07-1").await.unwrap()
    );
    // Another kiosk's key is refused.
    let mut other = request("LHE-T1-K07-1", "open", AT0);
    other.kiosk.id = "LHE-T1-K08".into();
    assert_eq!(receive(&store, &other, T0).await, Received::Refused);
    // An agent resolves it; the first page's late retry does not reopen it.
    assert_eq!(
        store
            .resolve("LHE-T1-K07-1", "Sam", T0 + 1000)
            .await
            .unwrap(),
        Acted::Done
    );
    assert_eq!(receive(&store, &r, T0 + 2000).await, Received::Changed);
    assert!(store.open_incidents().await.unwrap().is_empty());
    assert!(store.open_timelines().await.unwrap().is_empty());
    // A new ask after the close does.
    let again = request("LHE-T1-K07-1", "open", "2025-01-01T08:05:00Z");
    assert_eq!(receive(&store, &again, T0 + 300_000).await, Received::New);
    let open = store.open_incidents().await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].acknowledged_by, None);
    // The kiosk cancels: closed, and the recent list says so.
    let cancel = request("LHE-T1-K07-1", "cancelled", "2025-01-01T08:06:00Z");
    assert_eq!(
        receive(&store, &cancel, T0 + 360_000).await,
        Received::Changed
    );
    assert_eq!(store.recent(5).await.unwrap()[0].state, "cancelled");
    // A close of something never opened leaves nothing.
    let stray = request("LHE-T1-K07-2", "resolved", AT0);
    receive(&store, &stray, T0).await;
    assert!(store.incident("LHE-T1-K07-2").await.unwrap().is_none());
}

/// An escalation of an open page alerts again once; of an acknowledged one, not at all.
async fn an_escalation_alerts_once(store: DeskStore) {
    let r = request("LHE-T1-K07-3", "open", AT0);
    receive(&store, &r, T0).await;
    let mut up = request("LHE-T1-K07-3", "escalated", "2025-01-01T08:03:00Z");
    up.escalation_level = 1;
    up.escalated_to = vec!["duty manager".into()];
    assert_eq!(
        receive(&store, &up, T0 + 180_000).await,
        Received::Escalated
    );
    assert_eq!(receive(&store, &up, T0 + 181_000).await, Received::Changed);
    let i = store.incident("LHE-T1-K07-3").await.unwrap().unwrap();
    assert!(i.escalated);
    let timeline = store.timeline("LHE-T1-K07-3").await.unwrap();
    let escalated: Vec<_> = timeline.iter().filter(|e| e.kind == "escalated").collect();
    assert_eq!(escalated.len(), 1);
    assert_eq!(escalated[0].detail.as_deref(), Some("duty manager"));
}

/// Take, release, hand over, note, resolve: each on the timeline; a taken page tells the
/// next agent who has it; a closed one says so; an unknown one is missing.
async fn agents_take_release_hand_over_and_resolve(store: DeskStore) {
    let key = "LHE-T1-K07-4";
    receive(&store, &request(key, "open", AT0), T0).await;
    assert_eq!(
        store.acknowledge(key, "Sam", T0 + 1).await.unwrap(),
        Acted::Done
    );
    assert_eq!(
        store.acknowledge(key, "Sam", T0 + 2).await.unwrap(),
        Acted::Done
    );
    assert_eq!(
        store.acknowledge(key, "Alex", T0 + 3).await.unwrap(),
        Acted::TakenBy("Sam".into())
    );
    assert_eq!(
        store.release(key, "Sam", T0 + 4).await.unwrap(),
        Acted::Done
    );
    assert_eq!(store.incident(key).await.unwrap().unwrap().state, "open");
    assert_eq!(
        store.acknowledge(key, "Alex", T0 + 5).await.unwrap(),
        Acted::Done
    );
    assert_eq!(
        store.hand_over(key, "Alex", "Sam", T0 + 6).await.unwrap(),
        Acted::Done
    );
    let long = format!("{}\u{7}", "x".repeat(600));
    assert_eq!(
        store.note(key, "Sam", &long, T0 + 7).await.unwrap(),
        Acted::Done
    );
    assert_eq!(
        store.resolve(key, "Sam", T0 + 8).await.unwrap(),
        Acted::Done
    );
    assert_eq!(
        store.acknowledge(key, "Alex", T0 + 9).await.unwrap(),
        Acted::Closed
    );
    assert_eq!(
        store
            .acknowledge("LHE-T1-K07-404", "Alex", T0)
            .await
            .unwrap(),
        Acted::Missing
    );
    let i = store.incident(key).await.unwrap().unwrap();
    assert_eq!(i.state, "resolved");
    assert_eq!(i.acknowledged_by.as_deref(), Some("Sam"));
    assert_eq!(i.resolved_by.as_deref(), Some("Sam"));
    let timeline = store.timeline(key).await.unwrap();
    let kinds: Vec<&str> = timeline.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "raised",
            "received",
            "acknowledged",
            "released",
            "acknowledged",
            "handed_over",
            "note",
            "resolved"
        ]
    );
    let note = timeline.iter().find(|e| e.kind == "note").unwrap();
    assert_eq!(
        note.detail.as_deref().unwrap().chars().count(),
        concierge::desk::store::NOTE_CHARS
    );
}

/// Twenty agents take the same page at once: exactly one has it, and every other is told
/// that one's name.
async fn concurrent_takes_make_one_winner(store: DeskStore) {
    let key = "LHE-T1-K07-5";
    receive(&store, &request(key, "open", AT0), T0).await;
    let mut takes = tokio::task::JoinSet::new();
    for n in 0..20 {
        let store = store.clone();
        takes.spawn(async move {
            let agent = format!("agent{n}");
            (
                agent.clone(),
                store.acknowledge(key, &agent, T0 + 1).await.unwrap(),
            )
        });
    }
    let mut winners = Vec::new();
    let mut told = Vec::new();
    while let Some(r) = takes.join_next().await {
        match r.unwrap() {
            (agent, Acted::Done) => winners.push(agent),
            (_, Acted::TakenBy(holder)) => told.push(holder),
            (_, other) => panic!("{other:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    assert_eq!(told.len(), 19);
    assert!(told.iter().all(|h| *h == winners[0]));
    let i = store.incident(key).await.unwrap().unwrap();
    assert_eq!(i.acknowledged_by.as_deref(), Some(winners[0].as_str()));
    let acks = store
        .timeline(key)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "acknowledged")
        .count();
    assert_eq!(acks, 1);
}

/// 500 pages at once, each of 100 incidents delivered five times: 100 incidents, each raised
/// once and counted five times.
async fn five_hundred_concurrent_pages_with_repeated_ids_are_stored_once_each(store: DeskStore) {
    let mut sends = tokio::task::JoinSet::new();
    for round in 0..5 {
        for n in 0..100 {
            let store = store.clone();
            sends.spawn(async move {
                let r = request(&format!("LHE-T1-K07-{n}"), "open", AT0);
                let payload = serde_json::to_string(&r).unwrap();
                store.receive(&r, &payload, T0 + round).await.unwrap()
            });
        }
    }
    let mut new = 0;
    while let Some(r) = sends.join_next().await {
        if r.unwrap() == Received::New {
            new += 1;
        }
    }
    assert_eq!(new, 100, "each incident is new exactly once");
    let open = store.open_incidents().await.unwrap();
    assert_eq!(open.len(), 100);
    assert!(
        open.iter().all(|i| i.deliveries == 5),
        "five deliveries each"
    );
    for i in open.iter().take(10) {
        let raised = store
            .timeline(&i.key)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == "raised")
            .count();
        assert_eq!(raised, 1, "{}", i.key);
    }
}

/// Staff actions are kept once per id and go on their incident's timeline.
async fn staff_actions_are_kept_once(store: DeskStore) {
    let key = "LHE-T1-K07-6";
    receive(&store, &request(key, "open", AT0), T0).await;
    let mut action = request(key, "staff_action", AT0);
    action.reason = "checked_in_after_close".into();
    action.staff = Some("Sam\u{1b}".into());
    action.detail = Some("NW 786".into());
    store.staff_action(&action, T0 + 5).await.unwrap();
    store.staff_action(&action, T0 + 6).await.unwrap();
    let actions = store.staff_actions(10).await.unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].staff, "Sam");
    assert_eq!(actions[0].action, "checked_in_after_close");
    let staff_lines = store
        .timeline(key)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "staff_checked_in_after_close")
        .count();
    assert_eq!(staff_lines, 1);
}

/// Agents and sessions: a session lives until idle or expired; a new password, or removing
/// the agent, ends it; sessions end by agent or by id.
async fn agents_and_sessions(store: DeskStore) {
    let hour = 3_600_000;
    store.set_agent("Sam", "hash-1").await.unwrap();
    store.set_agent("Alex", "hash-2").await.unwrap();
    assert!(store.set_agent_airport("Sam", Some("LHE")).await.unwrap());
    assert!(
        !store
            .set_agent_airport("Nobody", Some("LHE"))
            .await
            .unwrap()
    );
    assert_eq!(
        store.agent_airport("Sam").await.unwrap().as_deref(),
        Some("LHE")
    );
    assert_eq!(
        store.agent_hash("Alex").await.unwrap().as_deref(),
        Some("hash-2")
    );
    // A name typed with a NUL in it is nobody's (PostgreSQL's text cannot hold one).
    assert_eq!(store.agent_hash("Alex\u{0}").await.unwrap(), None);
    store
        .create_session("abcdef0123456789", "Sam", "c1", T0, T0 + 12 * hour)
        .await
        .unwrap();
    store
        .create_session("fedcba9876543210", "Alex", "c2", T0, T0 + 12 * hour)
        .await
        .unwrap();
    assert_eq!(
        store
            .session("abcdef0123456789", T0 + hour / 2, hour, true)
            .await
            .unwrap(),
        Some(("Sam".into(), "c1".into()))
    );
    // Alex's page only polled: idle after an hour; Sam worked at half past.
    assert!(
        store
            .session("fedcba9876543210", T0 + hour + 1, hour, false)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .session("abcdef0123456789", T0 + hour + 1, hour, false)
            .await
            .unwrap()
            .is_some()
    );
    let agents = store.agents().await.unwrap();
    assert_eq!(agents.len(), 2);
    assert_eq!(agents[1].name, "Sam");
    assert_eq!(agents[1].sessions, 1);
    assert_eq!(agents[1].last_seen, Some(T0 + hour / 2));
    assert_eq!(store.purge_sessions(T0 + hour + 1, hour).await.unwrap(), 1);
    assert_eq!(store.sessions().await.unwrap(), 1);
    assert_eq!(store.session_list().await.unwrap()[0].id, "abcdef012345");
    // By id prefix (8 hex digits at least), then by agent.
    assert_eq!(store.end_sessions("abcdef").await.unwrap(), 0);
    assert_eq!(store.end_sessions("ABCDEF01").await.unwrap(), 1);
    store
        .create_session("0123456789abcdef", "Sam", "c3", T0, T0 + 12 * hour)
        .await
        .unwrap();
    // A new password signs Sam out everywhere.
    store.set_agent("Sam", "hash-3").await.unwrap();
    assert_eq!(store.sessions().await.unwrap(), 0);
    store
        .create_session("0123456789abcdef", "Sam", "c3", T0, T0 + 12 * hour)
        .await
        .unwrap();
    assert!(store.remove_agent("Sam").await.unwrap());
    assert!(!store.remove_agent("Sam").await.unwrap());
    assert_eq!(store.sessions().await.unwrap(), 0);
    assert!(store.healthy().await);
}

/// Wrong passwords lock the name at that address, doubling; another address (the agent's own
/// desk) is not locked out by a stranger; guesses from many addresses lock the name except
/// where the agent has signed in.
async fn sign_in_throttle(store: DeskStore) {
    use concierge::desk::throttle::{FIRST_LOCK_MS, NAME_FAILURES, PAIR_FAILURES};
    let home: IpAddr = "127.0.0.1".parse().unwrap();
    let stranger: IpAddr = "10.0.0.9".parse().unwrap();
    store.sign_in_succeeded("Sam", home, T0).await.unwrap();
    for _ in 0..PAIR_FAILURES - 1 {
        store.sign_in_failed("Sam", stranger, T0).await.unwrap();
    }
    assert_eq!(
        store.sign_in_locked("sam", stranger, T0).await.unwrap(),
        None
    );
    store
        .sign_in_failed("SAM\u{0} ", stranger, T0)
        .await
        .unwrap();
    assert_eq!(
        store.sign_in_locked("Sam", stranger, T0).await.unwrap(),
        Some(T0 + FIRST_LOCK_MS)
    );
    assert_eq!(store.sign_in_locked("Sam", home, T0).await.unwrap(), None);
    let later = T0 + FIRST_LOCK_MS;
    assert_eq!(
        store.sign_in_locked("Sam", stranger, later).await.unwrap(),
        None
    );
    for _ in 0..PAIR_FAILURES {
        store.sign_in_failed("Sam", stranger, later).await.unwrap();
    }
    assert_eq!(
        store.sign_in_locked("Sam", stranger, later).await.unwrap(),
        Some(later + 2 * FIRST_LOCK_MS)
    );
    // Spread over many addresses.
    for i in 0..NAME_FAILURES {
        let a: IpAddr = format!("10.1.{}.{}", i / 256, i % 256).parse().unwrap();
        store.sign_in_failed("Alex", a, T0).await.unwrap();
    }
    let fresh: IpAddr = "10.9.9.9".parse().unwrap();
    assert!(
        store
            .sign_in_locked("Alex", fresh, T0)
            .await
            .unwrap()
            .is_some()
    );
    store.sign_in_succeeded("Alex", home, T0).await.unwrap();
    assert_eq!(store.sign_in_locked("Alex", home, T0).await.unwrap(), None);
}

/// Closed incidents older than the limit go, with their timelines; open ones stay.
async fn the_purge_drops_old_closed_incidents(store: DeskStore) {
    receive(&store, &request("LHE-T1-K07-7", "open", AT0), T0).await;
    receive(&store, &request("LHE-T1-K07-8", "open", AT0), T0).await;
    store.resolve("LHE-T1-K07-7", "Sam", T0 + 1).await.unwrap();
    let week = 7 * 86_400_000;
    assert_eq!(
        store.purge(T0 + 2, T0 + week).await.unwrap(),
        Some(1),
        "one closed incident purged"
    );
    assert!(store.incident("LHE-T1-K07-7").await.unwrap().is_none());
    assert!(store.timeline("LHE-T1-K07-7").await.unwrap().is_empty());
    assert!(store.incident("LHE-T1-K07-8").await.unwrap().is_some());
}

/// Each test on each engine.
/// Publications: each group's versions in turn, the current one per group, the log newest
/// first; a publisher who started from an old version is told (and, with 8 at once from the
/// same version, exactly one gets in).
async fn publications_are_versioned_per_group_and_one_of_racing_publishers_wins(store: DeskStore) {
    use concierge::config::published::Layer;
    let layer = |group: &str, text: &str, at: i64| Layer {
        group: group.into(),
        version: 0,
        text: text.into(),
        files: [("overrides/ur-PK/ui.ftl".to_string(), "aGk=".to_string())].into(),
        published_by: "Alex".into(),
        published_at: at,
        note: "new name".into(),
    };
    assert_eq!(
        store
            .publish_config(&layer("all", "[branding]\nname = \"A\"\n", 1), Some(0))
            .await
            .unwrap(),
        Some(1)
    );
    assert_eq!(
        store
            .publish_config(&layer("all", "[branding]\nname = \"B\"\n", 2), Some(1))
            .await
            .unwrap(),
        Some(2)
    );
    assert_eq!(
        store
            .publish_config(
                &layer("airport:LHE", "[timeouts]\nidle = \"60s\"\n", 3),
                None
            )
            .await
            .unwrap(),
        Some(1)
    );
    // Started from version 1 of "all", which is no longer current.
    assert_eq!(
        store
            .publish_config(&layer("all", "x", 4), Some(1))
            .await
            .unwrap(),
        None
    );
    let current = store.config_layers().await.unwrap();
    let mut seen: Vec<(String, i64, String)> = current
        .iter()
        .map(|l| (l.group.clone(), l.version, l.text.clone()))
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![
            (
                "airport:LHE".into(),
                1,
                "[timeouts]\nidle = \"60s\"\n".into()
            ),
            ("all".into(), 2, "[branding]\nname = \"B\"\n".into()),
        ]
    );
    assert_eq!(
        current[0].files.len(),
        1,
        "the files are kept with the text"
    );
    let log = store.config_log(10).await.unwrap();
    assert_eq!(
        log.iter()
            .map(|l| (l.group.as_str(), l.version))
            .collect::<Vec<_>>(),
        vec![("airport:LHE", 1), ("all", 2), ("all", 1)]
    );
    assert_eq!(
        (log[0].published_by.as_str(), log[0].note.as_str()),
        ("Alex", "new name")
    );
    // Eight publishers at once, all from version 1 of the airport's: one gets in.
    let racing = (0..8).map(|i| {
        let store = store.clone();
        let l = layer(
            "airport:LHE",
            &format!("[timeouts]\nidle = \"{}s\"\n", 61 + i),
            10 + i,
        );
        tokio::spawn(async move { store.publish_config(&l, Some(1)).await.unwrap() })
    });
    let results: Vec<Option<i64>> = futures_util::future::join_all(racing)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        results.iter().filter(|r| **r == Some(2)).count(),
        1,
        "{results:?}"
    );
    assert_eq!(
        results.iter().filter(|r| r.is_none()).count(),
        7,
        "{results:?}"
    );
}

macro_rules! on_both_engines {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread")]
                async fn $test() {
                    super::$test(super::sqlite().await.0).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread")]
                #[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
                async fn $test() {
                    super::$test(super::postgres().await.0).await
                }
            )*
        }
    };
}

on_both_engines!(
    one_incident_per_page_whatever_the_retries,
    an_escalation_alerts_once,
    agents_take_release_hand_over_and_resolve,
    concurrent_takes_make_one_winner,
    five_hundred_concurrent_pages_with_repeated_ids_are_stored_once_each,
    staff_actions_are_kept_once,
    agents_and_sessions,
    sign_in_throttle,
    the_purge_drops_old_closed_incidents,
    publications_are_versioned_per_group_and_one_of_racing_publishers_wins,
);

/// On PostgreSQL, instances share what matters: a lockout earned on one holds on another,
/// and only one purges within the hour.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn postgres_instances_share_lockouts_and_one_purges() {
    let (a, url) = postgres().await;
    let url = url.unwrap();
    let b = concierge::desk::store::open(Some(&url), std::path::Path::new("unused"))
        .await
        .unwrap();
    let stranger: IpAddr = "10.0.0.9".parse().unwrap();
    for _ in 0..concierge::desk::throttle::PAIR_FAILURES {
        a.sign_in_failed("Sam", stranger, T0).await.unwrap();
    }
    assert!(
        b.sign_in_locked("Sam", stranger, T0 + 1)
            .await
            .unwrap()
            .is_some(),
        "locked on the other instance too"
    );
    let week = 7 * 86_400_000;
    assert_eq!(a.purge(T0, T0 + week).await.unwrap(), Some(0));
    assert_eq!(
        b.purge(T0, T0 + week + 60_000).await.unwrap(),
        None,
        "the other instance purged a minute ago"
    );
    assert_eq!(
        b.purge(T0, T0 + week + 3_600_000).await.unwrap(),
        Some(0),
        "an hour later it is the other's turn"
    );
}

/// Migrations are versioned and applied once, even by instances starting together.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs PostgreSQL: scripts/test starts one (CONCIERGE_TEST_POSTGRES)"]
async fn postgres_migrations_apply_once_when_instances_start_together() {
    let url = fresh_database().await;
    let mut starts = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let url = url.clone();
        starts.spawn(async move {
            concierge::desk::store::open(Some(&url), std::path::Path::new("unused"))
                .await
                .map(|_| ())
        });
    }
    while let Some(r) = starts.join_next().await {
        r.unwrap().unwrap();
    }
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let rows = client
        .query(
            "SELECT version, name FROM schema_migrations ORDER BY version",
            &[],
        )
        .await
        .unwrap();
    let applied: Vec<(i32, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    // Each file of migrations/postgres, once: `0002_fleet.sql` is version 2, "fleet".
    let mut files: Vec<(i32, String)> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter_map(|name| {
                let (version, rest) = name.strip_suffix(".sql")?.split_once('_')?;
                Some((version.parse().ok()?, rest.to_string()))
            })
            .collect();
    files.sort();
    assert!(files.len() >= 2);
    assert_eq!(applied, files);
}
