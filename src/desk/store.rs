//! The desk's own SQLite database: incidents as the kiosks reported them, agents (argon2id
//! password hashes) and their sign-in sessions.

use crate::help::HelpRequest;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;
use std::sync::Mutex;

const MIGRATIONS: &[&str] = &[r#"
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
"#];

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

    /// Records a request from a kiosk: one incident per key, whatever the retries. `false`
    /// when the incident belongs to another kiosk (refused).
    pub fn receive(&self, r: &HelpRequest, payload: &str, now: i64) -> Result<bool> {
        let conn = self.conn();
        let existing: Option<(String, String, Option<i64>)> = conn
            .query_row(
                "SELECT state, kiosk, closed_at FROM incidents WHERE key = ?1",
                [&r.incident],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        if let Some((_, kiosk, _)) = &existing
            && *kiosk != r.kiosk.id
        {
            return Ok(false);
        }
        // A late retry of the first page must not reopen what an agent already closed: only a
        // request made after the closing reopens.
        let requested = chrono::DateTime::parse_from_rfc3339(&r.requested_at)
            .map(|t| t.timestamp_millis())
            .unwrap_or(now);
        let closed_at = existing.as_ref().and_then(|(_, _, c)| *c);
        let state = existing.map(|(s, _, _)| s);
        match (state.as_deref(), r.state.as_str()) {
            (None, "cancelled" | "resolved") => {}
            (None, _) => {
                conn.execute(
                    "INSERT INTO incidents(key, kiosk, state, escalated, payload, received_at, updated_at)
                     VALUES (?1, ?2, 'open', ?3, ?4, ?5, ?5)",
                    params![r.incident, r.kiosk.id, r.escalation_level > 0, payload, now],
                )?;
            }
            (Some(_), "cancelled" | "resolved") => {
                conn.execute(
                    "UPDATE incidents SET state = ?2, closed_at = COALESCE(closed_at, ?3), updated_at = ?3,
                     deliveries = deliveries + 1 WHERE key = ?1 AND state IN ('open', 'acknowledged')",
                    params![r.incident, r.state, now],
                )?;
            }
            (Some("resolved" | "cancelled"), "open") if closed_at.is_none_or(|c| requested > c) => {
                conn.execute(
                    "UPDATE incidents SET state = 'open', payload = ?2, received_at = ?3, updated_at = ?3,
                     acknowledged_by = NULL, acknowledged_at = NULL, closed_at = NULL,
                     deliveries = deliveries + 1 WHERE key = ?1",
                    params![r.incident, payload, now],
                )?;
            }
            (Some(_), _) => {
                conn.execute(
                    "UPDATE incidents SET payload = ?2, updated_at = ?3, escalated = MAX(escalated, ?4),
                     deliveries = deliveries + 1 WHERE key = ?1",
                    params![r.incident, payload, now, r.escalation_level > 0],
                )?;
            }
        }
        Ok(true)
    }

    pub fn acknowledge(&self, key: &str, agent: &str, now: i64) -> Result<bool> {
        Ok(self.conn().execute(
            "UPDATE incidents SET state = 'acknowledged', acknowledged_by = ?2, acknowledged_at = ?3,
             updated_at = ?3 WHERE key = ?1 AND state = 'open'",
            params![key, agent, now],
        )? > 0)
    }

    pub fn resolve(&self, key: &str, agent: &str, now: i64) -> Result<bool> {
        Ok(self.conn().execute(
            "UPDATE incidents SET state = 'resolved', closed_at = ?3, updated_at = ?3,
             acknowledged_by = COALESCE(acknowledged_by, ?2), acknowledged_at = COALESCE(acknowledged_at, ?3)
             WHERE key = ?1 AND state IN ('open', 'acknowledged')",
            params![key, agent, now],
        )? > 0)
    }

    /// Drops closed incidents older than `before` (unix ms).
    pub fn purge(&self, before: i64) -> Result<usize> {
        self.conn().execute(
            "DELETE FROM incidents WHERE state IN ('resolved', 'cancelled') AND closed_at < ?1",
            [before],
        )
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
                    closed_at, deliveries FROM incidents {filter} ORDER BY received_at"
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

    /// Signs a session out.
    pub fn end_session(&self, token_hash: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
        Ok(())
    }

    /// Deletes sessions that have expired.
    pub fn purge_sessions(&self, now: i64) -> Result<usize> {
        self.conn()
            .execute("DELETE FROM sessions WHERE expires_at <= ?1", [now])
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
        expires_at: i64,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO sessions VALUES (?1, ?2, ?3, ?4)",
            params![token_hash, agent, csrf, expires_at],
        )?;
        Ok(())
    }

    /// (agent, csrf token) of a live session.
    pub fn session(&self, token_hash: &str, now: i64) -> Result<Option<(String, String)>> {
        self.conn()
            .query_row(
                "SELECT agent, csrf FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
                params![token_hash, now],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
    }
}
