//! The desk's own SQLite database: incidents as the kiosks reported them, agents (argon2id
//! password hashes) and their sign-in sessions.

use crate::help::HelpRequest;
use rusqlite::{Connection, OptionalExtension, params};
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
];

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

pub struct DeskStore {
    conn: Mutex<Connection>,
}

type Result<T> = std::result::Result<T, rusqlite::Error>;

impl DeskStore {
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn = crate::store::open(path)?;
        crate::store::migrate(&mut conn, MIGRATIONS)?;
        Ok(DeskStore {
            conn: Mutex::new(conn),
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
        let clean = |s: &str, most: usize| -> String {
            s.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .take(most)
                .collect::<String>()
                .trim()
                .to_string()
        };
        let staff = clean(r.staff.as_deref().unwrap_or(""), 32);
        // An action is a code: letters and `_`.
        let action: String = r
            .reason
            .chars()
            .filter(|c| c.is_ascii_lowercase() || *c == '_')
            .take(32)
            .collect();
        let detail = r.detail.as_deref().map(|d| clean(d, NOTE_CHARS));
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
        let existing: Option<(String, String, Option<i64>, bool)> = tx
            .query_row(
                "SELECT state, kiosk, closed_at, escalated FROM incidents WHERE key = ?1",
                [&r.incident],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?;
        if let Some((_, kiosk, _, _)) = &existing
            && *kiosk != r.kiosk.id
        {
            return Ok(Received::Refused);
        }
        // A late retry of the first page must not reopen what an agent already closed: only a
        // request made after the closing reopens.
        let requested = rfc3339_ms(&r.requested_at).unwrap_or(now);
        let closed_at = existing.as_ref().and_then(|(_, _, c, _)| *c);
        let was_escalated = existing.as_ref().is_some_and(|e| e.3);
        let state = existing.map(|(s, _, _, _)| s);
        let event = |kind: &str, agent: Option<&str>, detail: Option<&str>, at: i64| {
            tx.execute(
                "INSERT INTO incident_events(key, at, kind, agent, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![r.incident, at, kind, agent, detail],
            )
        };
        let mut received = Received::Changed;
        match (state.as_deref(), r.state.as_str()) {
            (None, "cancelled" | "resolved") => {}
            (None, _) => {
                tx.execute(
                    "INSERT INTO incidents(key, kiosk, state, escalated, payload, received_at, updated_at)
                     VALUES (?1, ?2, 'open', ?3, ?4, ?5, ?5)",
                    params![r.incident, r.kiosk.id, r.escalation_level > 0, payload, now],
                )?;
                event("raised", None, None, requested.min(now))?;
                event("received", None, None, now)?;
                received = Received::New;
            }
            (Some("open" | "acknowledged"), "cancelled" | "resolved") => {
                tx.execute(
                    "UPDATE incidents SET state = ?2, closed_at = COALESCE(closed_at, ?3), updated_at = ?3,
                     deliveries = deliveries + 1 WHERE key = ?1",
                    params![r.incident, r.state, now],
                )?;
                let kind = if r.state == "resolved" {
                    "closed_at_kiosk"
                } else {
                    "cancelled"
                };
                event(kind, None, None, now)?;
            }
            (Some(_), "cancelled" | "resolved") => {
                tx.execute(
                    "UPDATE incidents SET deliveries = deliveries + 1 WHERE key = ?1",
                    [&r.incident],
                )?;
            }
            (Some("resolved" | "cancelled"), "open") if closed_at.is_none_or(|c| requested > c) => {
                tx.execute(
                    "UPDATE incidents SET state = 'open', payload = ?2, received_at = ?3, updated_at = ?3,
                     acknowledged_by = NULL, acknowledged_at = NULL, closed_at = NULL,
                     resolved_by = NULL, resolved_at = NULL,
                     deliveries = deliveries + 1 WHERE key = ?1",
                    params![r.incident, payload, now],
                )?;
                event("reopened", None, None, requested.min(now))?;
                received = Received::New;
            }
            (Some(_), _) => {
                tx.execute(
                    "UPDATE incidents SET payload = ?2, updated_at = ?3, escalated = MAX(escalated, ?4),
                     deliveries = deliveries + 1 WHERE key = ?1",
                    params![r.incident, payload, now, r.escalation_level > 0],
                )?;
                if r.escalation_level > 0 && !was_escalated {
                    let to = r.escalated_to.join(", ");
                    let at = r
                        .escalated_at
                        .as_deref()
                        .and_then(rfc3339_ms)
                        .unwrap_or(now);
                    event(
                        "escalated",
                        None,
                        Some(&to).filter(|t| !t.is_empty()).map(|t| t.as_str()),
                        at,
                    )?;
                    if state.as_deref() == Some("open") {
                        received = Received::Escalated;
                    }
                } else if r.state == "updated" {
                    event("updated", None, Some(&r.reason), now)?;
                }
            }
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
            .take(NOTE_CHARS)
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

/// Unix ms of an RFC 3339 time.
pub fn rfc3339_ms(s: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.timestamp_millis())
}
