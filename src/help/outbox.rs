//! The durable outbox: a help request is committed here (SQLite, `synchronous=FULL`) before the
//! screen says "Help is on the way", and a worker delivers it from here. What is committed
//! survives network loss, server errors and a killed process; delivery is at-least-once, keyed
//! by the incident so receivers deduplicate.

use super::HelpRequest;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::path::Path;
use std::sync::Mutex;

/// How long a delivery picked by a worker stays reserved; if the process dies mid-way, it is
/// picked again after this (at-least-once).
pub const LEASE_MS: i64 = 30_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IncidentState {
    Open,
    Acknowledged,
    Resolved,
    Cancelled,
}

impl IncidentState {
    fn code(&self) -> &'static str {
        match self {
            IncidentState::Open => "open",
            IncidentState::Acknowledged => "acknowledged",
            IncidentState::Resolved => "resolved",
            IncidentState::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "acknowledged" => IncidentState::Acknowledged,
            "resolved" => IncidentState::Resolved,
            "cancelled" => IncidentState::Cancelled,
            _ => IncidentState::Open,
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, IncidentState::Open | IncidentState::Acknowledged)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub key: String,
    pub state: IncidentState,
    pub level: u8,
    pub request: HelpRequest,
    pub opened_at: i64,
    pub escalated_at: i64,
    pub acknowledged_by: Option<String>,
    pub polled_at: i64,
    /// Some delivery of it reached a target.
    pub delivered: bool,
    /// Some target refused it for good (an operator fault: bad URL, bad key).
    pub failed: bool,
    /// Some delivery of it is still to be tried.
    pub pending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub incident: String,
    pub target: usize,
    pub request: HelpRequest,
    pub attempts: u32,
}

/// How one delivery went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryReport {
    pub incident: String,
    pub target: usize,
    /// pending, delivered, failed.
    pub status: String,
    pub attempts: u32,
    pub last_error: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    #[error("the kiosk store failed: {0}")]
    Store(#[from] rusqlite::Error),
    #[error("a stored help request is corrupt: {0}")]
    Corrupt(#[from] serde_json::Error),
    #[error("the kiosk store lock is poisoned")]
    Poisoned,
}

/// Queues `payload` for `targets`. A new message supersedes the incident's scheduled
/// keep-alive re-posts (which must neither revive a closed incident nor make the new message
/// wait); one already in flight stays, so the order per target holds.
fn queue(
    tx: &rusqlite::Transaction,
    incident: &str,
    payload: &str,
    targets: &[usize],
    now: i64,
) -> Result<(), OutboxError> {
    tx.execute(
        "DELETE FROM deliveries WHERE incident = ?1 AND status = 'pending' AND repeat = 1
         AND in_flight = 0",
        [incident],
    )?;
    for t in targets {
        tx.execute(
            "INSERT INTO deliveries(incident, target, payload, status, due_at, created_at)
             VALUES (?1, ?2, ?3, 'pending', ?4, ?4)",
            params![incident, *t as i64, payload, now],
        )?;
    }
    Ok(())
}

pub struct Outbox {
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Outbox")
    }
}

impl Outbox {
    pub fn open(path: &Path) -> Result<Self, OutboxError> {
        let conn = crate::store::kiosk::open(path)?;
        // A process that died (or stopped) mid-delivery left its leases and back-offs behind:
        // on start, whatever is pending goes out now.
        conn.execute(
            "UPDATE deliveries SET due_at = ?1, in_flight = 0 WHERE status = 'pending' AND due_at > ?1",
            [super::now_ms()],
        )?;
        Ok(Outbox {
            conn: Mutex::new(conn),
        })
    }

    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T, OutboxError>,
    ) -> Result<T, OutboxError> {
        let mut conn = self.conn.lock().map_err(|_| OutboxError::Poisoned)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Commits a request: opens its incident or updates the open one, and queues a delivery to
    /// each of `targets`. Returns whether the incident is new.
    pub fn raise(
        &self,
        request: &HelpRequest,
        targets: &[usize],
        now: i64,
    ) -> Result<bool, OutboxError> {
        let payload = serde_json::to_string(request)?;
        self.with(|tx| {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT state FROM incidents WHERE key = ?1",
                    [&request.incident],
                    |r| r.get(0),
                )
                .optional()?;
            let new = match existing.as_deref().map(IncidentState::parse) {
                None => {
                    tx.execute(
                        "INSERT INTO incidents(key, state, level, payload, opened_at, escalated_at)
                         VALUES (?1, 'open', 0, ?2, ?3, ?3)",
                        params![request.incident, payload, now],
                    )?;
                    true
                }
                Some(state) => {
                    // A closed incident is opened again by a new page in the same session.
                    if !state.is_open() {
                        tx.execute(
                            "UPDATE incidents SET state = 'open', closed_at = NULL, opened_at = ?2,
                             escalated_at = ?2, acknowledged_by = NULL, level = 0, polled_at = 0
                             WHERE key = ?1",
                            params![request.incident, now],
                        )?;
                    }
                    tx.execute(
                        "UPDATE incidents SET payload = ?2 WHERE key = ?1",
                        params![request.incident, payload],
                    )?;
                    false
                }
            };
            queue(tx, &request.incident, &payload, targets, now)?;
            Ok(new)
        })
    }

    /// Closes an incident (cancelled by the passenger, resolved by an agent) and queues the
    /// closing message to `targets`.
    pub fn close(
        &self,
        request: &HelpRequest,
        state: IncidentState,
        targets: &[usize],
        now: i64,
    ) -> Result<(), OutboxError> {
        let payload = serde_json::to_string(request)?;
        self.with(|tx| {
            tx.execute(
                "UPDATE incidents SET state = ?2, closed_at = ?3, payload = ?4 WHERE key = ?1",
                params![request.incident, state.code(), now, payload],
            )?;
            queue(tx, &request.incident, &payload, targets, now)?;
            Ok(())
        })
    }

    /// Queues the escalation to `targets` and records the new level.
    pub fn escalate(
        &self,
        request: &HelpRequest,
        level: u8,
        targets: &[usize],
        now: i64,
    ) -> Result<(), OutboxError> {
        let payload = serde_json::to_string(request)?;
        self.with(|tx| {
            tx.execute(
                "UPDATE incidents SET level = ?2, escalated_at = ?3, payload = ?4 WHERE key = ?1",
                params![request.incident, level, now, payload],
            )?;
            queue(tx, &request.incident, &payload, targets, now)?;
            Ok(())
        })
    }

    /// Reserves and returns the deliveries due now (each leased for [`LEASE_MS`]).
    pub fn take_due(&self, now: i64, limit: usize) -> Result<Vec<Delivery>, OutboxError> {
        self.with(|tx| {
            let rows: Vec<(i64, String, i64, String, u32)> = {
                let mut stmt = tx.prepare(
                    // Per incident and target, strictly in order: a receiver must never hear
                    // "cancelled" before "open".
                    "SELECT id, incident, target, payload, attempts FROM deliveries d
                     WHERE status = 'pending' AND due_at <= ?1
                       AND id = (SELECT MIN(id) FROM deliveries e WHERE e.incident = d.incident
                                 AND e.target = d.target AND e.status = 'pending')
                     ORDER BY due_at, id LIMIT ?2",
                )?;
                stmt.query_map(params![now, limit as i64], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<Result<_, _>>()?
            };
            let mut out = Vec::new();
            for (id, incident, target, payload, attempts) in rows {
                tx.execute(
                    "UPDATE deliveries SET due_at = ?2, in_flight = 1 WHERE id = ?1",
                    params![id, now + LEASE_MS],
                )?;
                out.push(Delivery {
                    id,
                    incident,
                    target: target as usize,
                    request: serde_json::from_str(&payload)?,
                    attempts,
                });
            }
            Ok(out)
        })
    }

    /// When the next pending delivery falls due (unix ms).
    /// Queues a message about an incident (a staff action) without touching the incident:
    /// delivered in order with its other messages, to `targets`.
    pub fn note(
        &self,
        request: &HelpRequest,
        targets: &[usize],
        now: i64,
    ) -> Result<(), OutboxError> {
        let payload = serde_json::to_string(request)?;
        self.with(|tx| queue(tx, &request.incident, &payload, targets, now))
    }

    pub fn next_due(&self) -> Result<Option<i64>, OutboxError> {
        self.with(|tx| {
            Ok(tx.query_row(
                "SELECT MIN(due_at) FROM deliveries WHERE status = 'pending'",
                [],
                |r| r.get(0),
            )?)
        })
    }

    pub fn pending(&self) -> Result<usize, OutboxError> {
        self.with(|tx| {
            Ok(tx.query_row(
                "SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND repeat = 0",
                [],
                |r| r.get::<_, i64>(0),
            )? as usize)
        })
    }

    pub fn delivered(&self, id: i64, now: i64) -> Result<(), OutboxError> {
        self.with(|tx| {
            tx.execute(
                "UPDATE deliveries SET status = 'delivered', delivered_at = ?2,
                 attempts = attempts + 1, last_error = NULL, in_flight = 0 WHERE id = ?1",
                params![id, now],
            )?;
            Ok(())
        })
    }

    pub fn retry(&self, id: i64, due_at: i64, error: &str) -> Result<(), OutboxError> {
        self.with(|tx| {
            tx.execute(
                "UPDATE deliveries SET due_at = ?2, attempts = attempts + 1, last_error = ?3, in_flight = 0
                 WHERE id = ?1",
                params![id, due_at, error],
            )?;
            Ok(())
        })
    }

    /// The target refused for good (4xx): stop, and keep the reason for the operator.
    pub fn failed(&self, id: i64, error: &str) -> Result<(), OutboxError> {
        self.with(|tx| {
            tx.execute(
                "UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?2, in_flight = 0
                 WHERE id = ?1",
                params![id, error],
            )?;
            Ok(())
        })
    }

    /// Queues a repeat of an open incident's latest request to one target (Alertmanager).
    pub fn repeat(&self, incident: &str, target: usize, due_at: i64) -> Result<(), OutboxError> {
        self.with(|tx| {
            let already: i64 = tx.query_row(
                "SELECT COUNT(*) FROM deliveries WHERE incident = ?1 AND target = ?2 AND status = 'pending'",
                params![incident, target as i64],
                |r| r.get(0),
            )?;
            if already == 0 {
                tx.execute(
                    "INSERT INTO deliveries(incident, target, payload, status, due_at, created_at, repeat)
                     SELECT key, ?2, payload, 'pending', ?3, ?3, 1 FROM incidents
                     WHERE key = ?1 AND state IN ('open', 'acknowledged')",
                    params![incident, target as i64, due_at],
                )?;
            }
            Ok(())
        })
    }

    /// An agent has the incident (or, handed over at the desk, another agent now has it).
    pub fn acknowledge(&self, key: &str, agent: &str, now: i64) -> Result<(), OutboxError> {
        self.with(|tx| {
            tx.execute(
                "UPDATE incidents SET state = 'acknowledged', acknowledged_by = ?2,
                 acknowledged_at = COALESCE(acknowledged_at, ?3)
                 WHERE key = ?1 AND (state = 'open' OR (state = 'acknowledged' AND acknowledged_by IS NOT ?2))",
                params![key, agent, now],
            )?;
            Ok(())
        })
    }

    /// The agent let the incident go at the desk: it waits for someone again (and, past
    /// `fallback_after`, the passenger is sent to a desk).
    pub fn released(&self, key: &str) -> Result<(), OutboxError> {
        self.with(|tx| {
            tx.execute(
                "UPDATE incidents SET state = 'open', acknowledged_by = NULL, acknowledged_at = NULL
                 WHERE key = ?1 AND state = 'acknowledged'",
                params![key],
            )?;
            Ok(())
        })
    }

    pub fn polled(&self, key: &str, now: i64) -> Result<(), OutboxError> {
        self.with(|tx| {
            tx.execute(
                "UPDATE incidents SET polled_at = ?2 WHERE key = ?1",
                params![key, now],
            )?;
            Ok(())
        })
    }

    pub fn incident(&self, key: &str) -> Result<Option<Incident>, OutboxError> {
        Ok(self
            .incidents("WHERE key = ?1", params![key])?
            .into_iter()
            .next())
    }

    pub fn open_incidents(&self) -> Result<Vec<Incident>, OutboxError> {
        self.incidents("WHERE state IN ('open', 'acknowledged')", [])
    }

    fn incidents(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<Incident>, OutboxError> {
        self.with(|tx| {
            let sql = format!(
                "SELECT key, state, level, payload, opened_at, escalated_at, acknowledged_by, polled_at,
                    EXISTS(SELECT 1 FROM deliveries d WHERE d.incident = key AND d.status = 'delivered'
                           AND d.created_at >= incidents.opened_at),
                    EXISTS(SELECT 1 FROM deliveries d WHERE d.incident = key AND d.status = 'failed'),
                    EXISTS(SELECT 1 FROM deliveries d WHERE d.incident = key AND d.status = 'pending')
                 FROM incidents {filter} ORDER BY opened_at"
            );
            let mut stmt = tx.prepare(&sql)?;
            let rows = stmt
                .query_map(args, |r| {
                    Ok((
                        Incident {
                            key: r.get(0)?,
                            state: IncidentState::parse(&r.get::<_, String>(1)?),
                            level: r.get(2)?,
                            request: HelpRequest::placeholder(),
                            opened_at: r.get(4)?,
                            escalated_at: r.get(5)?,
                            acknowledged_by: r.get(6)?,
                            polled_at: r.get(7)?,
                            delivered: r.get(8)?,
                            failed: r.get(9)?,
                            pending: r.get(10)?,
                        },
                        r.get::<_, String>(3)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let mut out = Vec::new();
            for (mut incident, payload) in rows {
                incident.request = serde_json::from_str(&payload)?;
                out.push(incident);
            }
            Ok(out)
        })
    }

    /// Every delivery and how it went — for staff mode and tests.
    pub fn deliveries(&self) -> Result<Vec<DeliveryReport>, OutboxError> {
        self.with(|tx| {
            let mut stmt = tx.prepare(
                "SELECT incident, target, status, attempts, last_error FROM deliveries ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(DeliveryReport {
                        incident: r.get(0)?,
                        target: r.get::<_, i64>(1)? as usize,
                        status: r.get(2)?,
                        attempts: r.get(3)?,
                        last_error: r.get(4)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        })
    }
}
