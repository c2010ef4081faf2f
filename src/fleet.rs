//! The fleet: each kiosk tells its desk how it is — a signed heartbeat every 30 seconds
//! (`[help] heartbeat_every`), through the same durable outbox as its pages — and the desk
//! shows every kiosk, raises an alert when one goes quiet or its printer is out, and gathers
//! the kiosks' session summaries for the fleet's figures.
//!
//! A heartbeat carries no passenger data: versions, device states, counts, and the session
//! summaries the kiosk's own `concierge report` reads (outcome, step, language, seconds).

use crate::help::KioskInfo;
use crate::help::outbox::{Outbox, OutboxError};
use crate::metrics::SessionRow;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

/// The path a desk takes heartbeats at.
pub const PATH: &str = "/api/v1/heartbeats";
/// Session summaries in one heartbeat, at most (the rest follow in the next ones).
pub const SESSIONS_PER_HEARTBEAT: usize = 500;

/// How a kiosk is, as it tells its desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heartbeat {
    pub version: u32,
    pub kiosk: KioskInfo,
    /// RFC 3339.
    pub sent_at: String,
    /// How often this kiosk reports: the desk calls it offline after two of these in silence.
    pub every_seconds: u64,
    /// The kiosk's software version.
    pub software: String,
    /// A digest of the configuration the kiosk runs (or the published version it applied).
    pub config_version: String,
    pub devices: Devices,
    /// When the last check-in was completed here (RFC 3339).
    pub last_checkin_at: Option<String>,
    pub visits_last_hour: u32,
    /// Visits that ended badly: timed out, or a printer fault.
    pub failures_last_hour: u32,
    /// Help requests not yet closed.
    pub open_help_requests: u32,
    /// Why the kiosk is out of service, if it is.
    #[serde(default)]
    pub out_of_service: Option<String>,
    /// Staff closed the kiosk.
    #[serde(default)]
    pub closed: bool,
    /// Session summaries the desk has not had yet, oldest first.
    #[serde(default)]
    pub sessions: Vec<SessionSummary>,
    /// The name of the kiosk store the summaries' numbers count in (a wiped store counts
    /// from 1 again, under a new name). Empty from kiosks before it was sent.
    #[serde(default)]
    pub store: String,
    /// The configuration published for this kiosk: which it took, and the last it refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
}

/// What a kiosk did with the configuration published for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The bundle it runs ("all kiosks v4 + airport LHE v2"), if any.
    #[serde(default)]
    pub applied: Option<String>,
    #[serde(default)]
    pub etag: Option<String>,
    /// The last bundle it refused, and why (the checker's words, line by line).
    #[serde(default)]
    pub refused: Option<Refusal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub label: String,
    pub etag: String,
    pub message: String,
    /// RFC 3339.
    pub at: String,
    /// A digest of the kiosk's own file when it refused: once the file changes, the bundle
    /// is asked for and checked again.
    #[serde(default)]
    pub local: String,
}

/// One session summary and its sequence number on the kiosk (the desk keeps each once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub seq: i64,
    #[serde(flatten)]
    pub row: SessionRow,
}

/// Each device's state, as a code: the desk shows it in the agent's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Devices {
    /// ok, low (paper), out (of paper), jammed, fault, offline, unknown.
    pub printer: String,
    /// ok, offline, unknown.
    pub scanner: String,
    /// ok, offline, unknown.
    pub document_reader: String,
    /// connected, none, unknown.
    pub headset: String,
}

impl Default for Devices {
    fn default() -> Self {
        Devices {
            printer: "ok".into(),
            scanner: "unknown".into(),
            document_reader: "unknown".into(),
            headset: "none".into(),
        }
    }
}

impl Devices {
    /// A device needs someone: the printer out, jammed or broken, or a reader offline.
    pub fn problem(&self) -> bool {
        matches!(
            self.printer.as_str(),
            "out" | "jammed" | "fault" | "offline"
        ) || self.scanner == "offline"
            || self.document_reader == "offline"
    }
}

/// What the kiosk's screens know about its devices, for the next heartbeat: set by the UI as
/// device news arrives, read by the help worker.
#[derive(Debug, Default)]
pub struct Health {
    inner: Mutex<HealthState>,
}

#[derive(Debug, Clone, Default)]
struct HealthState {
    devices: Devices,
    config_version: String,
    out_of_service: Option<String>,
    closed: bool,
    published: Option<Published>,
}

impl Health {
    fn lock(&self) -> std::sync::MutexGuard<'_, HealthState> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The printer's state from a fault's description (`paper out`, `jammed` …), `low`, or
    /// `ok` when it is back.
    pub fn printer(&self, state: &str) {
        self.lock().devices.printer = state.to_string();
    }

    /// A printer fault's own words, as a state code.
    pub fn printer_fault(&self, detail: &str) {
        let d = detail.to_lowercase();
        let state = if d.contains("jam") {
            "jammed"
        } else if d.contains("paper") || d.contains("empty") || d.contains("media") {
            "out"
        } else if d.contains("offline") || d.contains("not responding") {
            "offline"
        } else {
            "fault"
        };
        self.printer(state);
    }

    pub fn scanner(&self, ok: bool) {
        self.lock().devices.scanner = if ok { "ok" } else { "offline" }.into();
    }

    pub fn document_reader(&self, ok: bool) {
        self.lock().devices.document_reader = if ok { "ok" } else { "offline" }.into();
    }

    pub fn headset(&self, connected: bool) {
        self.lock().devices.headset = if connected { "connected" } else { "none" }.into();
    }

    pub fn config_version(&self, version: &str) {
        self.lock().config_version = version.to_string();
    }

    pub fn out_of_service(&self, why: Option<&str>, closed: bool) {
        let mut s = self.lock();
        s.out_of_service = why.map(str::to_string);
        s.closed = closed;
    }

    /// What became of the configuration published for this kiosk.
    pub fn published(&self, published: Option<Published>) {
        self.lock().published = published;
    }

    pub fn devices(&self) -> Devices {
        self.lock().devices.clone()
    }
}

/// A digest of a configuration's text: the version a heartbeat reports.
pub fn config_digest(text: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
        .chars()
        .take(12)
        .collect()
}

/// Builds this kiosk's heartbeat for the desk target `target` from what its store and
/// screens know now; the second value is the last session summary it carries.
pub fn heartbeat(
    outbox: &Outbox,
    health: &Health,
    kiosk: &KioskInfo,
    target: &str,
    every_seconds: u64,
    now: i64,
) -> Result<(Heartbeat, i64), OutboxError> {
    let state = health.lock().clone();
    let hour_ago = now - 3_600_000;
    outbox.with(|tx| {
        let up_to: i64 = tx
            .query_row(
                "SELECT up_to FROM fleet_cursor WHERE target = ?1",
                [target],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        let (visits, failures): (i64, i64) = tx.query_row(
            "SELECT COUNT(*), COALESCE(SUM(outcome = 'timed_out' OR printer_fault), 0)
             FROM metric_session WHERE ended_at > ?1",
            [hour_ago],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let last_checkin: Option<i64> = tx.query_row(
            "SELECT MAX(ended_at) FROM metric_session WHERE outcome = 'completed'",
            [],
            |r| r.get(0),
        )?;
        let open_help: i64 = tx.query_row(
            "SELECT COUNT(*) FROM incidents WHERE state NOT IN ('resolved', 'cancelled')",
            [],
            |r| r.get(0),
        )?;
        let mut q = tx.prepare(
            "SELECT rowid, hour, outcome, last_step, furthest, locale, seconds, taps,
                    help_requests, help_ack_seconds, printer_fault, feedback,
                    help_unanswered_seconds
             FROM metric_session WHERE rowid > ?1 ORDER BY rowid LIMIT ?2",
        )?;
        let sessions: Vec<SessionSummary> = q
            .query_map(params![up_to, SESSIONS_PER_HEARTBEAT as i64], |r| {
                Ok(SessionSummary {
                    seq: r.get(0)?,
                    row: SessionRow {
                        hour: r.get(1)?,
                        outcome: r.get(2)?,
                        last_step: r.get(3)?,
                        furthest: r.get(4)?,
                        locale: r.get(5)?,
                        seconds: r.get(6)?,
                        taps: r.get(7)?,
                        help_requests: r.get(8)?,
                        help_ack_seconds: r.get(9)?,
                        printer_fault: r.get(10)?,
                        feedback: r.get(11)?,
                        help_unanswered_seconds: r.get(12)?,
                    },
                })
            })?
            .collect::<Result<_, _>>()?;
        let carried = sessions.last().map_or(up_to, |s| s.seq);
        let store: String = tx
            .query_row("SELECT id FROM store_identity", [], |r| r.get(0))
            .optional()?
            .unwrap_or_default();
        let rfc3339 = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        };
        Ok((
            Heartbeat {
                version: 1,
                kiosk: kiosk.clone(),
                sent_at: rfc3339(now).unwrap_or_default(),
                every_seconds,
                software: env!("CARGO_PKG_VERSION").to_string(),
                config_version: state.config_version.clone(),
                devices: state.devices.clone(),
                last_checkin_at: last_checkin.and_then(rfc3339),
                visits_last_hour: visits.max(0) as u32,
                failures_last_hour: failures.max(0) as u32,
                open_help_requests: open_help.max(0) as u32,
                out_of_service: state.out_of_service.clone(),
                closed: state.closed,
                sessions,
                store,
                published: state.published.clone(),
            },
            carried,
        ))
    })
}

/// A heartbeat waiting to go to a desk target.
#[derive(Debug, Clone)]
pub struct Pending {
    pub target: String,
    pub payload: String,
    pub up_to: i64,
    pub attempts: i64,
}

/// Keeps `payload` as the heartbeat waiting for `target` (replacing an older one not yet
/// sent: only the latest state matters, and it carries every summary still owed). A desk
/// that failed or refused keeps its wait.
pub fn queue(
    outbox: &Outbox,
    target: &str,
    payload: &str,
    up_to: i64,
    now: i64,
) -> Result<(), OutboxError> {
    outbox.with(|tx| {
        tx.execute(
            "INSERT INTO heartbeats(target, payload, up_to, due_at, attempts) VALUES (?1, ?2, ?3, ?4, 0)
             ON CONFLICT(target) DO UPDATE SET payload = excluded.payload, up_to = excluded.up_to,
             due_at = CASE WHEN heartbeats.attempts > 0 THEN MAX(heartbeats.due_at, excluded.due_at)
                      ELSE excluded.due_at END",
            params![target, payload, up_to, now],
        )?;
        Ok(())
    })
}

/// Heartbeats whose time has come.
pub fn take_due(outbox: &Outbox, now: i64) -> Result<Vec<Pending>, OutboxError> {
    outbox.with(|tx| {
        let mut q = tx.prepare(
            "SELECT target, payload, up_to, attempts FROM heartbeats WHERE due_at <= ?1",
        )?;
        let due = q
            .query_map([now], |r| {
                Ok(Pending {
                    target: r.get(0)?,
                    payload: r.get(1)?,
                    up_to: r.get(2)?,
                    attempts: r.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        // Leased for a minute: a slow desk does not get the same heartbeat twice at once.
        tx.execute(
            "UPDATE heartbeats SET due_at = ?1 + 60000 WHERE due_at <= ?1",
            [now],
        )?;
        Ok(due)
    })
}

/// The desk has it: the summaries it carried are the desk's now, and the row goes (the next
/// heartbeat is queued when its time comes).
pub fn delivered(outbox: &Outbox, p: &Pending) -> Result<(), OutboxError> {
    outbox.with(|tx| {
        tx.execute(
            "INSERT INTO fleet_cursor(target, up_to) VALUES (?1, ?2)
             ON CONFLICT(target) DO UPDATE SET up_to = MAX(fleet_cursor.up_to, excluded.up_to)",
            params![p.target, p.up_to],
        )?;
        // Only the heartbeat that went: one queued since stays.
        tx.execute(
            "DELETE FROM heartbeats WHERE target = ?1 AND payload = ?2",
            params![p.target, p.payload],
        )?;
        Ok(())
    })
}

/// Not delivered: tried again at `retry_at`.
pub fn failed(outbox: &Outbox, p: &Pending, error: &str, retry_at: i64) -> Result<(), OutboxError> {
    outbox.with(|tx| {
        tx.execute(
            "UPDATE heartbeats SET due_at = ?2, attempts = attempts + 1, last_error = ?3
             WHERE target = ?1",
            params![p.target, retry_at, error],
        )?;
        Ok(())
    })
}
