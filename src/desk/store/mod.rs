//! The desk's store: incidents as the kiosks reported them, agents (argon2id password hashes),
//! their sign-in sessions and the sign-in throttle's counts. One trait, [`DeskBackend`], with
//! two implementations: the embedded SQLite file of a single desk ([`SqliteStore`]), and
//! PostgreSQL for several desk instances behind one address ([`PgStore`]), which tell one
//! another of every change (LISTEN/NOTIFY). `tests/suite/desk_store.rs` runs one suite against
//! both.

pub mod pg_tls;
mod postgres;
mod sqlite;

pub use postgres::{CHANNEL, LISTENER, PgStore};
pub use sqlite::SqliteStore;

use crate::fleet::Heartbeat;
use crate::help::HelpRequest;
use futures_util::future::BoxFuture;
use std::net::IpAddr;
use std::sync::Arc;

/// The store a desk runs on, shared by its handlers.
pub type DeskStore = Arc<dyn DeskBackend>;

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("PostgreSQL: no connection: {0}")]
    Pool(String),
    #[error("{0}")]
    Other(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;
/// A store call's answer, to be awaited.
pub type Fut<'a, T> = BoxFuture<'a, Result<T>>;

/// Opens the store `[desk] database` names: a `postgres://` (or `postgresql://`) URL, or else
/// the SQLite file at `sqlite` (the single desk's default).
pub async fn open(database: Option<&str>, sqlite: &std::path::Path) -> Result<DeskStore> {
    match database {
        Some(url) if is_postgres(url) => Ok(Arc::new(PgStore::connect(url).await?)),
        Some(other) => Err(StoreError::Other(format!(
            "[desk] database must be a postgres:// URL, found {}",
            other.split(':').next().unwrap_or("")
        ))),
        None => Ok(Arc::new(SqliteStore::open(sqlite)?)),
    }
}

/// Whether `[desk] database` names PostgreSQL.
pub fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// Everything the desk keeps, whichever engine keeps it. Every write is committed before its
/// future resolves: the desk answers a kiosk only after that.
pub trait DeskBackend: Send + Sync + 'static {
    /// `sqlite` or `postgres` (for logs and `/healthz`).
    fn engine(&self) -> &'static str;

    /// Records a staff member's action at a kiosk (once per id), and puts it on the timeline
    /// of the session's incident when there is one (the agent came for it).
    fn staff_action<'a>(&'a self, r: &'a HelpRequest, now: i64) -> Fut<'a, ()>;
    /// The latest staff actions at the kiosks, newest first.
    fn staff_actions(&self, limit: usize) -> Fut<'_, Vec<StaffAction>>;
    /// Records a request from a kiosk: one incident per key, whatever the retries (and however
    /// many instances receive them at once), and its timeline.
    fn receive<'a>(&'a self, r: &'a HelpRequest, payload: &'a str, now: i64) -> Fut<'a, Received>;
    /// An agent takes a page: exactly one wins; the others are told who has it.
    fn acknowledge<'a>(&'a self, key: &'a str, agent: &'a str, now: i64) -> Fut<'a, Acted>;
    /// Un-acknowledges: the page is open again for anyone.
    fn release<'a>(&'a self, key: &'a str, agent: &'a str, now: i64) -> Fut<'a, Acted>;
    /// Hands a page over to another agent, who then has it.
    fn hand_over<'a>(
        &'a self,
        key: &'a str,
        agent: &'a str,
        to: &'a str,
        now: i64,
    ) -> Fut<'a, Acted>;
    /// A note on a page (at most [`NOTE_CHARS`] characters; control characters dropped).
    fn note<'a>(&'a self, key: &'a str, agent: &'a str, text: &'a str, now: i64) -> Fut<'a, Acted>;
    fn resolve<'a>(&'a self, key: &'a str, agent: &'a str, now: i64) -> Fut<'a, Acted>;
    /// An incident's timeline, oldest first.
    fn timeline<'a>(&'a self, key: &'a str) -> Fut<'a, Vec<TimelineEntry>>;
    /// The timelines of every open incident, in one read (the desk's list shows them all).
    fn open_timelines(&self) -> Fut<'_, std::collections::HashMap<String, Vec<TimelineEntry>>>;
    /// Drops closed incidents older than `before` (unix ms). `None` when another instance has
    /// purged within the hour or is purging now: one instance purges for all.
    fn purge(&self, before: i64, now: i64) -> Fut<'_, Option<usize>>;
    fn incident<'a>(&'a self, key: &'a str) -> Fut<'a, Option<DeskIncident>>;
    /// Open ones (open and acknowledged), oldest first.
    fn open_incidents(&self) -> Fut<'_, Vec<DeskIncident>>;
    /// The most recently closed.
    fn recent(&self, limit: usize) -> Fut<'_, Vec<DeskIncident>>;
    /// Every incident received since `since` (unix ms), for the figures.
    fn since(&self, since: i64) -> Fut<'_, Vec<DeskIncident>>;

    /// Adds an agent or changes their password; a new password ends every session the agent
    /// had (a stolen or forgotten-open browser is signed out).
    fn set_agent<'a>(&'a self, name: &'a str, hash: &'a str) -> Fut<'a, ()>;
    /// The airport (or terminal) whose pages an agent sees first; `None` for all alike.
    fn set_agent_airport<'a>(&'a self, name: &'a str, airport: Option<&'a str>) -> Fut<'a, bool>;
    fn agent_airport<'a>(&'a self, name: &'a str) -> Fut<'a, Option<String>>;
    /// Removes an agent and ends every session they had. `false` if there was none.
    fn remove_agent<'a>(&'a self, name: &'a str) -> Fut<'a, bool>;
    /// Every agent, by name.
    fn agents(&self) -> Fut<'_, Vec<AgentRow>>;
    fn agent_hash<'a>(&'a self, name: &'a str) -> Fut<'a, Option<String>>;

    /// Signed-in sessions, newest first.
    fn session_list(&self) -> Fut<'_, Vec<SessionRow>>;
    /// Ends the sessions whose id (see [`SessionRow::id`], at least 8 hex digits) or agent
    /// name is `who`. Returns how many.
    fn end_sessions<'a>(&'a self, who: &'a str) -> Fut<'a, usize>;
    /// Signs a session out.
    fn end_session<'a>(&'a self, token_hash: &'a str) -> Fut<'a, ()>;
    /// Deletes sessions that have expired or been idle longer than `idle_ms`.
    fn purge_sessions(&self, now: i64, idle_ms: i64) -> Fut<'_, usize>;
    /// Sessions still open (for tests and figures).
    fn sessions(&self) -> Fut<'_, i64>;
    fn create_session<'a>(
        &'a self,
        token_hash: &'a str,
        agent: &'a str,
        csrf: &'a str,
        now: i64,
        expires_at: i64,
    ) -> Fut<'a, ()>;
    /// (agent, csrf token) of a live session: not expired and not idle longer than `idle_ms`.
    /// `active` (an agent's own request, not the page's live updates) resets the idle clock.
    fn session<'a>(
        &'a self,
        token_hash: &'a str,
        now: i64,
        idle_ms: i64,
        active: bool,
    ) -> Fut<'a, Option<(String, String)>>;

    /// Until when (unix ms) sign-in is refused for this name from this address, if it is
    /// (see [`super::throttle`]): the same for every instance on the store.
    fn sign_in_locked<'a>(
        &'a self,
        name: &'a str,
        address: IpAddr,
        now: i64,
    ) -> Fut<'a, Option<i64>>;
    fn sign_in_failed<'a>(&'a self, name: &'a str, address: IpAddr, now: i64) -> Fut<'a, ()>;
    /// A right password: the pair's count starts again and the address is the agent's own.
    fn sign_in_succeeded<'a>(&'a self, name: &'a str, address: IpAddr, now: i64) -> Fut<'a, ()>;

    /// Keeps a kiosk's heartbeat: the kiosk as it is now, and each session summary it
    /// carries once (by the kiosk's sequence number).
    fn heartbeat<'a>(&'a self, beat: &'a Heartbeat, now: i64) -> Fut<'a, ()>;
    /// Every kiosk that has reported, with its open alerts, by airport then id.
    fn kiosks(&self) -> Fut<'_, Vec<KioskRow>>;
    /// The fleet's open alerts (a kiosk gone quiet, a printer out), oldest first: the agents'
    /// list shows them.
    fn fleet_alerts(&self) -> Fut<'_, Vec<FleetAlert>>;
    /// The kiosks' session summaries since `since_hour` (`YYYY-MM-DDTHH:00Z`).
    fn fleet_sessions<'a>(&'a self, since_hour: &'a str) -> Fut<'a, Vec<FleetSession>>;
    /// Raises (`raise`) or clears a fleet alert of `kind` about `kiosk`: `true` when that
    /// changed anything (an alert is raised once, cleared once).
    fn alert<'a>(&'a self, kiosk: &'a str, kind: &'a str, raise: bool, now: i64) -> Fut<'a, bool>;
    /// Whether this instance should run `job` now: not run by any instance in the last
    /// `every_ms` (and, on PostgreSQL, not running elsewhere this moment). Claims it if so.
    fn claim_job<'a>(&'a self, job: &'a str, every_ms: i64, now: i64) -> Fut<'a, bool>;

    /// Keeps a publication as its group's next version, unless `after` is given and is not
    /// the group's current version (someone published meanwhile): then `None`. Its version
    /// field is ignored; the new version is returned.
    fn publish_config<'a>(
        &'a self,
        layer: &'a crate::config::published::Layer,
        after: Option<i64>,
    ) -> Fut<'a, Option<i64>>;
    /// Each group's current publication (the latest version), with text and files.
    fn config_layers(&self) -> Fut<'_, Vec<crate::config::published::Layer>>;
    /// Publications, newest first, at most `limit`: the change log (who, when, what).
    fn config_log(&self, limit: usize) -> Fut<'_, Vec<crate::config::published::Layer>>;

    /// The desk can read its store (for `/healthz`).
    fn healthy(&self) -> BoxFuture<'_, bool>;

    /// Starts telling `changes` of every change another instance made (a no-op for a store
    /// only one desk uses), and once more after each reconnection of the listener, since
    /// changes made meanwhile were not heard: pages then read everything again.
    fn watch(&self, changes: tokio::sync::broadcast::Sender<()>) {
        let _ = changes;
    }
}

/// Text an agent or staff member typed, as kept: control characters made spaces, at most
/// `most` characters, trimmed.
pub(super) fn clean(s: &str, most: usize) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(most)
        .collect::<String>()
        .trim()
        .to_string()
}

/// A staff action's code: lower-case letters and `_`, at most 32.
pub(super) fn action_code(reason: &str) -> String {
    reason
        .chars()
        .filter(|c| c.is_ascii_lowercase() || *c == '_')
        .take(32)
        .collect()
}

/// What an incident row says, as [`plan`] needs it.
pub(super) struct Existing {
    pub state: String,
    pub kiosk: String,
    pub closed_at: Option<i64>,
    pub escalated: bool,
}

/// What to write for a request from a kiosk.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Write {
    /// Nothing (a close of what was never opened).
    Nothing,
    /// A new open incident.
    Insert { escalated: bool },
    /// Closed at the kiosk: `state` is `resolved` or `cancelled`.
    Close,
    /// Only counted (a close of what is closed already).
    Count,
    /// Opened again with the new request.
    Reopen,
    /// The new request kept, escalated if it says so.
    Update { escalated: bool },
}

/// One line for the timeline: kind, detail, at.
pub(super) type Line = (&'static str, Option<String>, i64);

/// Decides what a request from a kiosk does to its incident: both engines write the same.
pub(super) fn plan(
    existing: Option<Existing>,
    r: &HelpRequest,
    now: i64,
) -> (Received, Write, Vec<Line>) {
    if let Some(e) = &existing
        && e.kiosk != r.kiosk.id
    {
        return (Received::Refused, Write::Nothing, Vec::new());
    }
    // A late retry of the first page must not reopen what an agent already closed: only a
    // request made after the closing reopens.
    let requested = rfc3339_ms(&r.requested_at).unwrap_or(now);
    let closed_at = existing.as_ref().and_then(|e| e.closed_at);
    let was_escalated = existing.as_ref().is_some_and(|e| e.escalated);
    let state = existing.map(|e| e.state);
    let escalated = r.escalation_level > 0;
    match (state.as_deref(), r.state.as_str()) {
        (None, "cancelled" | "resolved") => (Received::Changed, Write::Nothing, Vec::new()),
        (None, _) => (
            Received::New,
            Write::Insert { escalated },
            vec![
                ("raised", None, requested.min(now)),
                ("received", None, now),
            ],
        ),
        (Some("open" | "acknowledged"), "cancelled" | "resolved") => {
            let kind = if r.state == "resolved" {
                "closed_at_kiosk"
            } else {
                "cancelled"
            };
            (Received::Changed, Write::Close, vec![(kind, None, now)])
        }
        (Some(_), "cancelled" | "resolved") => (Received::Changed, Write::Count, Vec::new()),
        (Some("resolved" | "cancelled"), "open") if closed_at.is_none_or(|c| requested > c) => (
            Received::New,
            Write::Reopen,
            vec![("reopened", None, requested.min(now))],
        ),
        (Some(state), _) => {
            let mut lines = Vec::new();
            let mut received = Received::Changed;
            if escalated && !was_escalated {
                let to = r.escalated_to.join(", ");
                let at = r
                    .escalated_at
                    .as_deref()
                    .and_then(rfc3339_ms)
                    .unwrap_or(now);
                lines.push(("escalated", Some(to).filter(|t| !t.is_empty()), at));
                if state == "open" {
                    received = Received::Escalated;
                }
            } else if r.state == "updated" {
                lines.push(("updated", Some(r.reason.clone()), now));
            }
            (received, Write::Update { escalated }, lines)
        }
    }
}

/// A staff member's action at a kiosk, as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffAction {
    pub kiosk: String,
    pub staff: String,
    pub action: String,
    pub detail: Option<String>,
    /// Unix ms.
    pub at: i64,
}

/// The longest note an agent may add to a page (characters).
pub const NOTE_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskIncident {
    pub key: String,
    pub kiosk: String,
    pub state: String,
    pub escalated: bool,
    pub request: HelpRequest,
    pub received_at: i64,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<i64>,
    pub closed_at: Option<i64>,
    /// How many times kiosks sent it (retries and updates are deduplicated into one incident).
    pub deliveries: i64,
    /// The agent who resolved it at the desk (none when the kiosk closed it).
    pub resolved_by: Option<String>,
}

/// One line of an incident's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub at: i64,
    /// raised, received, updated, escalated, acknowledged, released, handed_over, note,
    /// resolved, cancelled, closed_at_kiosk, reopened.
    pub kind: String,
    pub agent: Option<String>,
    pub detail: Option<String>,
}

/// What became of a request from a kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received {
    /// A new incident: agents are alerted.
    New,
    /// Nobody acknowledged it and the kiosk escalated it: agents are alerted again.
    Escalated,
    /// An update, a retry or a close.
    Changed,
    /// The key belongs to another kiosk's incident.
    Refused,
}

/// What an agent's action did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acted {
    Done,
    /// Another agent already has it.
    TakenBy(String),
    /// It is already closed.
    Closed,
    /// No such incident.
    Missing,
}

/// An agent, as `desk agents` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentRow {
    pub name: String,
    pub airport: Option<String>,
    pub sessions: i64,
    /// Unix ms of the latest request in any of their sessions.
    pub last_seen: Option<i64>,
}

/// A signed-in session, without its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// The first 12 hex digits of the token's hash: enough to name it to `end-session`.
    pub id: String,
    pub agent: String,
    pub created_at: i64,
    pub last_seen: i64,
    pub expires_at: i64,
}

/// Unix ms of an RFC 3339 time.
pub fn rfc3339_ms(s: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.timestamp_millis())
}

/// The single desk's SQLite file, as a [`DeskStore`].
pub fn open_sqlite(path: &std::path::Path) -> Result<DeskStore> {
    Ok(Arc::new(SqliteStore::open(path)?))
}

/// An open fleet alert.
#[derive(Debug, Clone, PartialEq)]
pub struct FleetAlert {
    pub kiosk: String,
    pub airport: Option<String>,
    /// offline, printer.
    pub kind: String,
    /// Unix ms.
    pub raised_at: i64,
}

/// A kiosk as its last heartbeat told it.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskRow {
    pub id: String,
    /// Unix ms of its last heartbeat.
    pub last_seen: i64,
    pub beat: Heartbeat,
    /// Open alerts (offline, printer).
    pub alerts: Vec<String>,
}

impl KioskRow {
    /// Online: heard from within two heartbeats (and half of one more).
    pub fn online(&self, now: i64) -> bool {
        now - self.last_seen <= offline_after_ms(self.beat.every_seconds)
    }
}

/// How long a kiosk may stay silent before it counts as offline: two heartbeats and half
/// of one more.
pub fn offline_after_ms(every_seconds: u64) -> i64 {
    every_seconds.clamp(1, 3600) as i64 * 2500
}

/// One session summary from a kiosk.
#[derive(Debug, Clone, PartialEq)]
pub struct FleetSession {
    pub kiosk: String,
    pub airport: Option<String>,
    pub row: crate::metrics::SessionRow,
}

/// A heartbeat as kept: without its session summaries (kept apart).
pub(super) fn beat_payload(beat: &Heartbeat) -> String {
    let mut kept = beat.clone();
    kept.sessions.clear();
    serde_json::to_string(&kept).unwrap_or_default()
}

/// The SQL of [`DeskBackend::open_timelines`], the same on both engines.
pub(super) const OPEN_TIMELINES: &str = "SELECT e.key, e.at, e.kind, e.agent, e.detail
     FROM incident_events e JOIN incidents i ON i.key = e.key
     WHERE i.state IN ('open', 'acknowledged') ORDER BY e.key, e.at, e.id";
