//! The single desk's embedded SQLite file.

use super::{
    Acted, AgentRow, DeskBackend, DeskIncident, Existing, FleetAlert, FleetSession, Fut, KioskRow,
    Received, SessionRow, StaffAction, TimelineEntry, Write, action_code, beat_payload, clean,
    plan, rfc3339_ms,
};
use crate::config::published::Layer;
use crate::desk::Throttle;
use crate::fleet::Heartbeat;
use crate::help::HelpRequest;
use futures_util::future::BoxFuture;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::Mutex;

const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE incidents(
    key TEXT PRIMARY KEY,
    kiosk TEXT NOT NULL,
    state TEXT NOT NULL,          -- open, acknowledged, resolved, cancelled
    escalated INTEGER NOT NULL DEFAULT 0,
    payload TEXT NOT NULL,        -- the latest request (JSON)
    received_at INTEGER NOT NULL, -- unix ms
    updated_at INTEGER NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at INTEGER,
    closed_at INTEGER,
    deliveries INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE agents(name TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE sessions(token_hash TEXT PRIMARY KEY, agent TEXT NOT NULL, csrf TEXT NOT NULL,
    expires_at INTEGER NOT NULL);
"#,
    r#"
ALTER TABLE incidents ADD COLUMN resolved_by TEXT;
ALTER TABLE incidents ADD COLUMN resolved_at INTEGER;
-- What happened to each incident, oldest first: raised, received, updated, escalated,
-- acknowledged, released, handed_over, note, resolved, cancelled, reopened.
CREATE TABLE incident_events(id INTEGER PRIMARY KEY, key TEXT NOT NULL, at INTEGER NOT NULL,
    kind TEXT NOT NULL, agent TEXT, detail TEXT);
CREATE INDEX incident_events_by_key ON incident_events(key, id);
ALTER TABLE agents ADD COLUMN airport TEXT;
ALTER TABLE sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN last_seen INTEGER NOT NULL DEFAULT 0;
"#,
    // What staff did at the kiosks (a check-in past the close, a bag tag replaced …): each once,
    // whatever the retries.
    r#"
CREATE TABLE staff_actions(id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, incident TEXT NOT NULL,
    staff TEXT NOT NULL, action TEXT NOT NULL, detail TEXT, at INTEGER NOT NULL);
"#,
    // The fleet: each kiosk's last heartbeat, its session summaries (each once), open alerts,
    // and jobs one instance runs for all.
    r#"
CREATE TABLE kiosks(id TEXT PRIMARY KEY, airport TEXT, last_seen INTEGER NOT NULL,
    heartbeat TEXT NOT NULL);
CREATE TABLE fleet_sessions(kiosk TEXT NOT NULL, seq INTEGER NOT NULL, airport TEXT,
    hour TEXT NOT NULL, row TEXT NOT NULL, PRIMARY KEY(kiosk, seq));
CREATE INDEX fleet_sessions_by_hour ON fleet_sessions(hour);
CREATE TABLE fleet_alerts(kiosk TEXT NOT NULL, kind TEXT NOT NULL, raised_at INTEGER NOT NULL,
    PRIMARY KEY(kiosk, kind));
CREATE TABLE desk_jobs(job TEXT PRIMARY KEY, last_run INTEGER NOT NULL);
"#,
    // Configuration from one place: every version of each group's publication (the change log).
    r#"
CREATE TABLE config_layers(grp TEXT NOT NULL, version INTEGER NOT NULL, text TEXT NOT NULL,
    files TEXT NOT NULL, published_by TEXT NOT NULL, published_at INTEGER NOT NULL,
    note TEXT NOT NULL, PRIMARY KEY(grp, version));
"#,
    // Session summaries by kiosk, the kiosk's store and its number there: a kiosk whose store
    // was wiped counts from 1 again (summaries from before were sent with no store).
    r#"
CREATE TABLE fleet_sessions_by_store(kiosk TEXT NOT NULL, store TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL, airport TEXT, hour TEXT NOT NULL, row TEXT NOT NULL,
    PRIMARY KEY(kiosk, store, seq));
INSERT INTO fleet_sessions_by_store(kiosk, seq, airport, hour, row)
    SELECT kiosk, seq, airport, hour, row FROM fleet_sessions;
DROP TABLE fleet_sessions;
ALTER TABLE fleet_sessions_by_store RENAME TO fleet_sessions;
CREATE INDEX fleet_sessions_by_hour ON fleet_sessions(hour);
"#,
];

/// The desk's SQLite file. Sign-in counts are the process's own: one desk runs on a file.
pub struct SqliteStore {
    conn: Mutex<Connection>,
    throttle: Throttle,
}

type Result<T> = std::result::Result<T, rusqlite::Error>;

impl SqliteStore {
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn = crate::store::open(path)?;
        crate::store::migrate(&mut conn, MIGRATIONS)?;
        Ok(SqliteStore {
            conn: Mutex::new(conn),
            throttle: Throttle::default(),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a staff member's action at a kiosk (once per id), and puts it on the timeline of
    /// the session's incident when there is one (the agent came for it).
    pub fn staff_action(&self, r: &HelpRequest, now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let staff = clean(r.staff.as_deref().unwrap_or(""), 32);
        let action = action_code(&r.reason);
        let detail = r.detail.as_deref().map(|d| clean(d, super::NOTE_CHARS));
        let at = rfc3339_ms(&r.requested_at).unwrap_or(now).min(now);
        let new = tx.execute(
            "INSERT OR IGNORE INTO staff_actions(id, kiosk, incident, staff, action, detail, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![r.id, r.kiosk.id, r.incident, staff, action, detail, at],
        )?;
        let known: Option<String> = tx
            .query_row(
                "SELECT kiosk FROM incidents WHERE key = ?1",
                [&r.incident],
                |row| row.get(0),
            )
            .optional()?;
        if new == 1 && known.as_deref() == Some(r.kiosk.id.as_str()) {
            event(
                &tx,
                &r.incident,
                at,
                &format!("staff_{action}"),
                Some(&staff),
                detail.as_deref(),
            )?;
            tx.execute(
                "UPDATE incidents SET updated_at = ?2 WHERE key = ?1",
                params![r.incident, now],
            )?;
        }
        tx.commit()
    }

    /// The latest staff actions at the kiosks, newest first.
    pub fn staff_actions(&self, limit: usize) -> Result<Vec<StaffAction>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT kiosk, staff, action, detail, at FROM staff_actions ORDER BY at DESC, rowid DESC
             LIMIT ?1",
        )?;
        stmt.query_map([limit as i64], |r| {
            Ok(StaffAction {
                kiosk: r.get(0)?,
                staff: r.get(1)?,
                action: r.get(2)?,
                detail: r.get(3)?,
                at: r.get(4)?,
            })
        })?
        .collect()
    }

    /// Records a request from a kiosk: one incident per key, whatever the retries, and its
    /// timeline.
    pub fn receive(&self, r: &HelpRequest, payload: &str, now: i64) -> Result<Received> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let existing = tx
            .query_row(
                "SELECT state, kiosk, closed_at, escalated FROM incidents WHERE key = ?1",
                [&r.incident],
                |row| {
                    Ok(Existing {
                        state: row.get(0)?,
                        kiosk: row.get(1)?,
                        closed_at: row.get(2)?,
                        escalated: row.get(3)?,
                    })
                },
            )
            .optional()?;
        let (received, write, lines) = plan(existing, r, now);
        let key = &r.incident;
        match write {
            Write::Nothing => {}
            Write::Insert { escalated } => {
                tx.execute(
                    "INSERT INTO incidents(key, kiosk, state, escalated, payload, received_at, updated_at)
                     VALUES (?1, ?2, 'open', ?3, ?4, ?5, ?5)",
                    params![key, r.kiosk.id, escalated, payload, now],
                )?;
            }
            Write::Close => {
                tx.execute(
                    "UPDATE incidents SET state = ?2, closed_at = COALESCE(closed_at, ?3), updated_at = ?3,
                     deliveries = deliveries + 1 WHERE key = ?1",
                    params![key, r.state, now],
                )?;
            }
            Write::Count => {
                tx.execute(
                    "UPDATE incidents SET deliveries = deliveries + 1 WHERE key = ?1",
                    [key],
                )?;
            }
            Write::Reopen => {
                tx.execute(
                    "UPDATE incidents SET state = 'open', payload = ?2, received_at = ?3, updated_at = ?3,
                     acknowledged_by = NULL, acknowledged_at = NULL, closed_at = NULL,
                     resolved_by = NULL, resolved_at = NULL,
                     deliveries = deliveries + 1 WHERE key = ?1",
                    params![key, payload, now],
                )?;
            }
            Write::Update { escalated } => {
                tx.execute(
                    "UPDATE incidents SET payload = ?2, updated_at = ?3, escalated = MAX(escalated, ?4),
                     deliveries = deliveries + 1 WHERE key = ?1",
                    params![key, payload, now, escalated],
                )?;
            }
        }
        for (kind, detail, at) in lines {
            event(&tx, key, at, kind, None, detail.as_deref())?;
        }
        tx.commit()?;
        Ok(received)
    }

    /// Runs `f` on an open incident in one transaction: `Missing` or `Closed` otherwise.
    fn act(
        &self,
        key: &str,
        f: impl FnOnce(&rusqlite::Transaction, &str, Option<&str>) -> Result<Acted>,
    ) -> Result<Acted> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let found: Option<(String, Option<String>)> = tx
            .query_row(
                "SELECT state, acknowledged_by FROM incidents WHERE key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let acted = match found {
            None => Acted::Missing,
            Some((state, _)) if state != "open" && state != "acknowledged" => Acted::Closed,
            Some((state, holder)) => f(&tx, &state, holder.as_deref())?,
        };
        if acted == Acted::Done {
            tx.commit()?;
        }
        Ok(acted)
    }

    /// An agent takes a page: the first wins; the others are told who has it.
    pub fn acknowledge(&self, key: &str, agent: &str, now: i64) -> Result<Acted> {
        self.act(key, |tx, _, holder| {
            if let Some(holder) = holder {
                return Ok(if holder == agent {
                    Acted::Done
                } else {
                    Acted::TakenBy(holder.to_string())
                });
            }
            tx.execute(
                "UPDATE incidents SET state = 'acknowledged', acknowledged_by = ?2, acknowledged_at = ?3,
                 updated_at = ?3 WHERE key = ?1",
                params![key, agent, now],
            )?;
            event(tx, key, now, "acknowledged", Some(agent), None)?;
            Ok(Acted::Done)
        })
    }

    /// Un-acknowledges: the page is open again for anyone (and the kiosk is told so on its
    /// next poll).
    pub fn release(&self, key: &str, agent: &str, now: i64) -> Result<Acted> {
        self.act(key, |tx, state, holder| {
            if state != "acknowledged" {
                return Ok(Acted::Done);
            }
            tx.execute(
                "UPDATE incidents SET state = 'open', acknowledged_by = NULL, acknowledged_at = NULL,
                 updated_at = ?2 WHERE key = ?1",
                params![key, now],
            )?;
            event(tx, key, now, "released", Some(agent), holder)?;
            Ok(Acted::Done)
        })
    }

    /// Hands a page over to another agent, who then has it.
    pub fn hand_over(&self, key: &str, agent: &str, to: &str, now: i64) -> Result<Acted> {
        self.act(key, |tx, _, _| {
            tx.execute(
                "UPDATE incidents SET state = 'acknowledged', acknowledged_by = ?2,
                 acknowledged_at = COALESCE(acknowledged_at, ?3), updated_at = ?3 WHERE key = ?1",
                params![key, to, now],
            )?;
            event(tx, key, now, "handed_over", Some(agent), Some(to))?;
            Ok(Acted::Done)
        })
    }

    /// A note on a page (at most [`NOTE_CHARS`] characters; control characters dropped).
    pub fn note(&self, key: &str, agent: &str, text: &str, now: i64) -> Result<Acted> {
        let text: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(super::NOTE_CHARS)
            .collect();
        let text = text.trim();
        self.act(key, |tx, _, _| {
            if text.is_empty() {
                return Ok(Acted::Done);
            }
            event(tx, key, now, "note", Some(agent), Some(text))?;
            tx.execute(
                "UPDATE incidents SET updated_at = ?2 WHERE key = ?1",
                params![key, now],
            )?;
            Ok(Acted::Done)
        })
    }

    pub fn resolve(&self, key: &str, agent: &str, now: i64) -> Result<Acted> {
        self.act(key, |tx, _, _| {
            tx.execute(
                "UPDATE incidents SET state = 'resolved', closed_at = ?3, updated_at = ?3,
                 resolved_by = ?2, resolved_at = ?3,
                 acknowledged_by = COALESCE(acknowledged_by, ?2), acknowledged_at = COALESCE(acknowledged_at, ?3)
                 WHERE key = ?1",
                params![key, agent, now],
            )?;
            event(tx, key, now, "resolved", Some(agent), None)?;
            Ok(Acted::Done)
        })
    }

    /// An incident's timeline, oldest first.
    pub fn timeline(&self, key: &str) -> Result<Vec<TimelineEntry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT at, kind, agent, detail FROM incident_events WHERE key = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([key], |r| {
            Ok(TimelineEntry {
                at: r.get(0)?,
                kind: r.get(1)?,
                agent: r.get(2)?,
                detail: r.get(3)?,
            })
        })?;
        rows.collect()
    }

    pub fn open_timelines(&self) -> Result<HashMap<String, Vec<TimelineEntry>>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(super::OPEN_TIMELINES)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                TimelineEntry {
                    at: r.get(1)?,
                    kind: r.get(2)?,
                    agent: r.get(3)?,
                    detail: r.get(4)?,
                },
            ))
        })?;
        let mut all: HashMap<String, Vec<TimelineEntry>> = HashMap::new();
        for row in rows {
            let (key, entry) = row?;
            all.entry(key).or_default().push(entry);
        }
        Ok(all)
    }

    /// Drops closed incidents older than `before` (unix ms).
    pub fn purge(&self, before: i64) -> Result<usize> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "DELETE FROM incident_events WHERE key IN (SELECT key FROM incidents
             WHERE state IN ('resolved', 'cancelled') AND closed_at < ?1)",
            [before],
        )?;
        let n = tx.execute(
            "DELETE FROM incidents WHERE state IN ('resolved', 'cancelled') AND closed_at < ?1",
            [before],
        )?;
        tx.commit()?;
        Ok(n)
    }

    pub fn incident(&self, key: &str) -> Result<Option<DeskIncident>> {
        Ok(self
            .list("WHERE key = ?1", params![key])?
            .into_iter()
            .next())
    }

    /// Open ones (open and acknowledged).
    pub fn open_incidents(&self) -> Result<Vec<DeskIncident>> {
        self.list("WHERE state IN ('open', 'acknowledged')", [])
    }

    /// The most recently closed.
    pub fn recent(&self, limit: usize) -> Result<Vec<DeskIncident>> {
        let mut all = self.list("WHERE state IN ('resolved', 'cancelled')", [])?;
        all.sort_by_key(|i| std::cmp::Reverse(i.closed_at));
        all.truncate(limit);
        Ok(all)
    }

    /// Every incident received since `since` (unix ms), for the figures.
    pub fn since(&self, since: i64) -> Result<Vec<DeskIncident>> {
        self.list("WHERE received_at >= ?1", params![since])
    }

    fn list(&self, filter: &str, args: impl rusqlite::Params) -> Result<Vec<DeskIncident>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT key, kiosk, state, escalated, payload, received_at, acknowledged_by, acknowledged_at,
                    closed_at, deliveries, resolved_by FROM incidents {filter} ORDER BY received_at"
        ))?;
        let rows = stmt.query_map(args, |r| {
            let payload: String = r.get(4)?;
            Ok((
                DeskIncident {
                    key: r.get(0)?,
                    kiosk: r.get(1)?,
                    state: r.get(2)?,
                    escalated: r.get(3)?,
                    request: HelpRequest::placeholder(),
                    received_at: r.get(5)?,
                    acknowledged_by: r.get(6)?,
                    acknowledged_at: r.get(7)?,
                    closed_at: r.get(8)?,
                    deliveries: r.get(9)?,
                    resolved_by: r.get(10)?,
                },
                payload,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut incident, payload) = row?;
            // A payload we stored ourselves; if it were unreadable the row still shows.
            if let Ok(request) = serde_json::from_str(&payload) {
                incident.request = request;
            }
            out.push(incident);
        }
        Ok(out)
    }

    /// Adds an agent or changes their password; a new password ends every session the agent
    /// had (a stolen or forgotten-open browser is signed out).
    pub fn set_agent(&self, name: &str, hash: &str) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO agents(name, hash) VALUES (?1, ?2)
             ON CONFLICT(name) DO UPDATE SET hash = excluded.hash",
            params![name, hash],
        )?;
        tx.execute("DELETE FROM sessions WHERE agent = ?1", [name])?;
        tx.commit()
    }

    /// The airport (or terminal) whose pages an agent sees first; `None` for all alike.
    pub fn set_agent_airport(&self, name: &str, airport: Option<&str>) -> Result<bool> {
        Ok(self.conn().execute(
            "UPDATE agents SET airport = ?2 WHERE name = ?1",
            params![name, airport],
        )? > 0)
    }

    pub fn agent_airport(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT airport FROM agents WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?
            .flatten())
    }

    /// Removes an agent and ends every session they had. `false` if there was none.
    pub fn remove_agent(&self, name: &str) -> Result<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM sessions WHERE agent = ?1", [name])?;
        let n = tx.execute("DELETE FROM agents WHERE name = ?1", [name])?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// Every agent, by name.
    pub fn agents(&self) -> Result<Vec<AgentRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT a.name, a.airport, COUNT(s.token_hash), MAX(s.last_seen)
             FROM agents a LEFT JOIN sessions s ON s.agent = a.name
             GROUP BY a.name ORDER BY a.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AgentRow {
                name: r.get(0)?,
                airport: r.get(1)?,
                sessions: r.get(2)?,
                last_seen: r.get(3)?,
            })
        })?;
        rows.collect()
    }

    /// Signed-in sessions, newest first.
    pub fn session_list(&self) -> Result<Vec<SessionRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT token_hash, agent, created_at, last_seen, expires_at FROM sessions
             ORDER BY created_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let hash: String = r.get(0)?;
            Ok(SessionRow {
                id: hash.chars().take(12).collect(),
                agent: r.get(1)?,
                created_at: r.get(2)?,
                last_seen: r.get(3)?,
                expires_at: r.get(4)?,
            })
        })?;
        rows.collect()
    }

    /// Ends the sessions whose id (see [`SessionRow::id`], at least 8 hex digits) or agent
    /// name is `who`. Returns how many.
    pub fn end_sessions(&self, who: &str) -> Result<usize> {
        let conn = self.conn();
        let by_agent = conn.execute("DELETE FROM sessions WHERE agent = ?1", [who])?;
        if by_agent > 0 {
            return Ok(by_agent);
        }
        if who.len() < 8 || !who.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(0);
        }
        conn.execute(
            "DELETE FROM sessions WHERE substr(token_hash, 1, ?2) = ?1",
            params![who.to_ascii_lowercase(), who.len() as i64],
        )
    }

    /// Signs a session out.
    pub fn end_session(&self, token_hash: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
        Ok(())
    }

    /// Deletes sessions that have expired or been idle longer than `idle_ms`.
    pub fn purge_sessions(&self, now: i64, idle_ms: i64) -> Result<usize> {
        self.conn().execute(
            "DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen <= ?1 - ?2",
            params![now, idle_ms],
        )
    }

    /// Sessions still open (for tests and figures).
    pub fn sessions(&self) -> Result<i64> {
        self.conn()
            .query_row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0))
    }

    pub fn agent_hash(&self, name: &str) -> Result<Option<String>> {
        self.conn()
            .query_row("SELECT hash FROM agents WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
    }

    pub fn create_session(
        &self,
        token_hash: &str,
        agent: &str,
        csrf: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO sessions(token_hash, agent, csrf, expires_at, created_at, last_seen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![token_hash, agent, csrf, expires_at, now],
        )?;
        Ok(())
    }

    /// (agent, csrf token) of a live session: not expired and not idle longer than `idle_ms`.
    /// `active` (an agent's own request, not the page's live updates) resets the idle clock.
    pub fn session(
        &self,
        token_hash: &str,
        now: i64,
        idle_ms: i64,
        active: bool,
    ) -> Result<Option<(String, String)>> {
        let conn = self.conn();
        let found = conn
            .query_row(
                "SELECT agent, csrf FROM sessions WHERE token_hash = ?1 AND expires_at > ?2
                 AND last_seen > ?2 - ?3",
                params![token_hash, now, idle_ms],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if found.is_some() && active {
            conn.execute(
                "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1",
                params![token_hash, now],
            )?;
        }
        Ok(found)
    }

    pub fn heartbeat(&self, beat: &Heartbeat, now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO kiosks(id, airport, last_seen, heartbeat) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(id) DO UPDATE SET airport = excluded.airport,
             last_seen = excluded.last_seen, heartbeat = excluded.heartbeat",
            params![beat.kiosk.id, beat.kiosk.airport, now, beat_payload(beat)],
        )?;
        for s in &beat.sessions {
            tx.execute(
                "INSERT OR IGNORE INTO fleet_sessions(kiosk, store, seq, airport, hour, row)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    beat.kiosk.id,
                    beat.store,
                    s.seq,
                    beat.kiosk.airport,
                    s.row.hour,
                    serde_json::to_string(&s.row).unwrap_or_default()
                ],
            )?;
        }
        tx.commit()
    }

    pub fn fleet_alerts(&self) -> Result<Vec<FleetAlert>> {
        let conn = self.conn();
        let mut q = conn.prepare(
            "SELECT a.kiosk, k.airport, a.kind, a.raised_at FROM fleet_alerts a
             LEFT JOIN kiosks k ON k.id = a.kiosk ORDER BY a.raised_at, a.kiosk, a.kind",
        )?;
        q.query_map([], |r| {
            Ok(FleetAlert {
                kiosk: r.get(0)?,
                airport: r.get(1)?,
                kind: r.get(2)?,
                raised_at: r.get(3)?,
            })
        })?
        .collect()
    }

    pub fn kiosks(&self) -> Result<Vec<KioskRow>> {
        let conn = self.conn();
        let mut alerts: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut q = conn.prepare("SELECT kiosk, kind FROM fleet_alerts ORDER BY kind")?;
        for row in q.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (kiosk, kind) = row?;
            alerts.entry(kiosk).or_default().push(kind);
        }
        let mut q = conn.prepare(
            "SELECT id, last_seen, heartbeat FROM kiosks ORDER BY COALESCE(airport, ''), id",
        )?;
        let rows = q.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, last_seen, beat) = row?;
            // A heartbeat we stored ourselves; one unreadable is skipped, not fatal.
            if let Ok(beat) = serde_json::from_str(&beat) {
                let alerts = alerts.remove(&id).unwrap_or_default();
                out.push(KioskRow {
                    id,
                    last_seen,
                    beat,
                    alerts,
                });
            }
        }
        Ok(out)
    }

    pub fn fleet_sessions(&self, since_hour: &str) -> Result<Vec<FleetSession>> {
        let conn = self.conn();
        let mut q = conn.prepare(
            "SELECT kiosk, airport, row FROM fleet_sessions WHERE hour >= ?1
             ORDER BY hour, kiosk, seq",
        )?;
        let rows = q.query_map([since_hour], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kiosk, airport, json) = row?;
            if let Ok(row) = serde_json::from_str(&json) {
                out.push(FleetSession {
                    kiosk,
                    airport,
                    row,
                });
            }
        }
        Ok(out)
    }

    pub fn alert(&self, kiosk: &str, kind: &str, raise: bool, now: i64) -> Result<bool> {
        let conn = self.conn();
        let n = if raise {
            conn.execute(
                "INSERT OR IGNORE INTO fleet_alerts(kiosk, kind, raised_at) VALUES (?1, ?2, ?3)",
                params![kiosk, kind, now],
            )?
        } else {
            conn.execute(
                "DELETE FROM fleet_alerts WHERE kiosk = ?1 AND kind = ?2",
                params![kiosk, kind],
            )?
        };
        Ok(n > 0)
    }

    pub fn claim_job(&self, job: &str, every_ms: i64, now: i64) -> Result<bool> {
        let conn = self.conn();
        let last: Option<i64> = conn
            .query_row(
                "SELECT last_run FROM desk_jobs WHERE job = ?1",
                [job],
                |r| r.get(0),
            )
            .optional()?;
        if last.is_some_and(|l| now - l < every_ms && l <= now) {
            return Ok(false);
        }
        conn.execute(
            "INSERT INTO desk_jobs(job, last_run) VALUES (?1, ?2)
             ON CONFLICT(job) DO UPDATE SET last_run = excluded.last_run",
            params![job, now],
        )?;
        Ok(true)
    }

    /// See [`DeskBackend::publish_config`].
    pub fn publish_config(&self, layer: &Layer, after: Option<i64>) -> Result<Option<i64>> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let current: i64 = tx.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM config_layers WHERE grp = ?1",
            [&layer.group],
            |r| r.get(0),
        )?;
        if after.is_some_and(|a| a != current) {
            return Ok(None);
        }
        let files = serde_json::to_string(&layer.files).unwrap_or_else(|_| "{}".into());
        tx.execute(
            "INSERT INTO config_layers(grp, version, text, files, published_by, published_at, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                layer.group,
                current + 1,
                layer.text,
                files,
                layer.published_by,
                layer.published_at,
                layer.note
            ],
        )?;
        tx.commit()?;
        Ok(Some(current + 1))
    }

    /// See [`DeskBackend::config_layers`] and [`DeskBackend::config_log`].
    pub fn config_layers(&self, latest: bool, limit: usize) -> Result<Vec<Layer>> {
        let conn = self.conn();
        let sql = if latest {
            "SELECT grp, version, text, files, published_by, published_at, note FROM config_layers c
             WHERE version = (SELECT MAX(version) FROM config_layers WHERE grp = c.grp)
             ORDER BY grp LIMIT ?1"
        } else {
            "SELECT grp, version, text, files, published_by, published_at, note FROM config_layers
             ORDER BY published_at DESC, grp, version DESC LIMIT ?1"
        };
        let mut q = conn.prepare(sql)?;
        let rows = q.query_map([limit as i64], |r| {
            Ok(Layer {
                group: r.get(0)?,
                version: r.get(1)?,
                text: r.get(2)?,
                files: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or_default(),
                published_by: r.get(4)?,
                published_at: r.get(5)?,
                note: r.get(6)?,
            })
        })?;
        rows.collect()
    }

    /// The desk can read its store (for `/healthz`).
    pub fn healthy(&self) -> bool {
        self.conn()
            .query_row("SELECT 1", [], |r| r.get::<_, i64>(0))
            .is_ok()
    }
}

fn event(
    tx: &rusqlite::Transaction,
    key: &str,
    at: i64,
    kind: &str,
    agent: Option<&str>,
    detail: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO incident_events(key, at, kind, agent, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![key, at, kind, agent, detail],
    )?;
    Ok(())
}

/// A call answered at once (SQLite is a file on this machine).
fn now<'a, T: Send + 'a>(r: Result<T>) -> Fut<'a, T> {
    Box::pin(std::future::ready(r.map_err(Into::into)))
}

impl DeskBackend for SqliteStore {
    fn engine(&self) -> &'static str {
        "sqlite"
    }
    fn staff_action<'a>(&'a self, r: &'a HelpRequest, at: i64) -> Fut<'a, ()> {
        now(SqliteStore::staff_action(self, r, at))
    }
    fn staff_actions(&self, limit: usize) -> Fut<'_, Vec<StaffAction>> {
        now(SqliteStore::staff_actions(self, limit))
    }
    fn receive<'a>(&'a self, r: &'a HelpRequest, payload: &'a str, at: i64) -> Fut<'a, Received> {
        now(SqliteStore::receive(self, r, payload, at))
    }
    fn acknowledge<'a>(&'a self, key: &'a str, agent: &'a str, at: i64) -> Fut<'a, Acted> {
        now(SqliteStore::acknowledge(self, key, agent, at))
    }
    fn release<'a>(&'a self, key: &'a str, agent: &'a str, at: i64) -> Fut<'a, Acted> {
        now(SqliteStore::release(self, key, agent, at))
    }
    fn hand_over<'a>(
        &'a self,
        key: &'a str,
        agent: &'a str,
        to: &'a str,
        at: i64,
    ) -> Fut<'a, Acted> {
        now(SqliteStore::hand_over(self, key, agent, to, at))
    }
    fn note<'a>(&'a self, key: &'a str, agent: &'a str, text: &'a str, at: i64) -> Fut<'a, Acted> {
        now(SqliteStore::note(self, key, agent, text, at))
    }
    fn resolve<'a>(&'a self, key: &'a str, agent: &'a str, at: i64) -> Fut<'a, Acted> {
        now(SqliteStore::resolve(self, key, agent, at))
    }
    fn timeline<'a>(&'a self, key: &'a str) -> Fut<'a, Vec<TimelineEntry>> {
        now(SqliteStore::timeline(self, key))
    }
    fn open_timelines(&self) -> Fut<'_, HashMap<String, Vec<TimelineEntry>>> {
        now(SqliteStore::open_timelines(self))
    }
    fn purge(&self, before: i64, _now: i64) -> Fut<'_, Option<usize>> {
        now(SqliteStore::purge(self, before).map(Some))
    }
    fn incident<'a>(&'a self, key: &'a str) -> Fut<'a, Option<DeskIncident>> {
        now(SqliteStore::incident(self, key))
    }
    fn open_incidents(&self) -> Fut<'_, Vec<DeskIncident>> {
        now(SqliteStore::open_incidents(self))
    }
    fn recent(&self, limit: usize) -> Fut<'_, Vec<DeskIncident>> {
        now(SqliteStore::recent(self, limit))
    }
    fn since(&self, since: i64) -> Fut<'_, Vec<DeskIncident>> {
        now(SqliteStore::since(self, since))
    }
    fn set_agent<'a>(&'a self, name: &'a str, hash: &'a str) -> Fut<'a, ()> {
        now(SqliteStore::set_agent(self, name, hash))
    }
    fn set_agent_airport<'a>(&'a self, name: &'a str, airport: Option<&'a str>) -> Fut<'a, bool> {
        now(SqliteStore::set_agent_airport(self, name, airport))
    }
    fn agent_airport<'a>(&'a self, name: &'a str) -> Fut<'a, Option<String>> {
        now(SqliteStore::agent_airport(self, name))
    }
    fn remove_agent<'a>(&'a self, name: &'a str) -> Fut<'a, bool> {
        now(SqliteStore::remove_agent(self, name))
    }
    fn agents(&self) -> Fut<'_, Vec<AgentRow>> {
        now(SqliteStore::agents(self))
    }
    fn agent_hash<'a>(&'a self, name: &'a str) -> Fut<'a, Option<String>> {
        now(SqliteStore::agent_hash(self, name))
    }
    fn session_list(&self) -> Fut<'_, Vec<SessionRow>> {
        now(SqliteStore::session_list(self))
    }
    fn end_sessions<'a>(&'a self, who: &'a str) -> Fut<'a, usize> {
        now(SqliteStore::end_sessions(self, who))
    }
    fn end_session<'a>(&'a self, token_hash: &'a str) -> Fut<'a, ()> {
        now(SqliteStore::end_session(self, token_hash))
    }
    fn purge_sessions(&self, at: i64, idle_ms: i64) -> Fut<'_, usize> {
        now(SqliteStore::purge_sessions(self, at, idle_ms))
    }
    fn sessions(&self) -> Fut<'_, i64> {
        now(SqliteStore::sessions(self))
    }
    fn create_session<'a>(
        &'a self,
        token_hash: &'a str,
        agent: &'a str,
        csrf: &'a str,
        at: i64,
        expires_at: i64,
    ) -> Fut<'a, ()> {
        now(SqliteStore::create_session(
            self, token_hash, agent, csrf, at, expires_at,
        ))
    }
    fn session<'a>(
        &'a self,
        token_hash: &'a str,
        at: i64,
        idle_ms: i64,
        active: bool,
    ) -> Fut<'a, Option<(String, String)>> {
        now(SqliteStore::session(self, token_hash, at, idle_ms, active))
    }
    fn sign_in_locked<'a>(
        &'a self,
        name: &'a str,
        address: IpAddr,
        at: i64,
    ) -> Fut<'a, Option<i64>> {
        now(Ok(self.throttle.locked_until(name, address, at)))
    }
    fn sign_in_failed<'a>(&'a self, name: &'a str, address: IpAddr, at: i64) -> Fut<'a, ()> {
        self.throttle.failed(name, address, at);
        now(Ok(()))
    }
    fn sign_in_succeeded<'a>(&'a self, name: &'a str, address: IpAddr, _at: i64) -> Fut<'a, ()> {
        self.throttle.succeeded(name, address);
        now(Ok(()))
    }
    fn heartbeat<'a>(&'a self, beat: &'a Heartbeat, at: i64) -> Fut<'a, ()> {
        now(SqliteStore::heartbeat(self, beat, at))
    }
    fn kiosks(&self) -> Fut<'_, Vec<KioskRow>> {
        now(SqliteStore::kiosks(self))
    }
    fn fleet_alerts(&self) -> Fut<'_, Vec<FleetAlert>> {
        now(SqliteStore::fleet_alerts(self))
    }
    fn publish_config<'a>(&'a self, layer: &'a Layer, after: Option<i64>) -> Fut<'a, Option<i64>> {
        now(SqliteStore::publish_config(self, layer, after))
    }
    fn config_layers(&self) -> Fut<'_, Vec<Layer>> {
        now(SqliteStore::config_layers(self, true, 10_000))
    }
    fn config_log(&self, limit: usize) -> Fut<'_, Vec<Layer>> {
        now(SqliteStore::config_layers(self, false, limit))
    }
    fn fleet_sessions<'a>(&'a self, since_hour: &'a str) -> Fut<'a, Vec<FleetSession>> {
        now(SqliteStore::fleet_sessions(self, since_hour))
    }
    fn alert<'a>(&'a self, kiosk: &'a str, kind: &'a str, raise: bool, at: i64) -> Fut<'a, bool> {
        now(SqliteStore::alert(self, kiosk, kind, raise, at))
    }
    fn claim_job<'a>(&'a self, job: &'a str, every_ms: i64, at: i64) -> Fut<'a, bool> {
        now(SqliteStore::claim_job(self, job, every_ms, at))
    }
    fn healthy(&self) -> BoxFuture<'_, bool> {
        Box::pin(std::future::ready(SqliteStore::healthy(self)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A desk that kept summaries before they were kept by store keeps them all after.
    #[test]
    fn summaries_kept_before_stores_were_named_survive_the_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.sqlite");
        {
            let mut conn = crate::store::open(&path).unwrap();
            crate::store::migrate(&mut conn, &MIGRATIONS[..MIGRATIONS.len() - 1]).unwrap();
            conn.execute(
                "INSERT INTO fleet_sessions(kiosk, seq, airport, hour, row)
                 VALUES ('LHE-T1-K07', 1, 'LHE', '2026-12-06T10:00Z', '{}')",
                [],
            )
            .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        let kept: Vec<(String, String, i64)> = store
            .conn()
            .prepare("SELECT kiosk, store, seq FROM fleet_sessions")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        assert_eq!(kept, vec![("LHE-T1-K07".into(), String::new(), 1)]);
    }
}
