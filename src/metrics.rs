//! Service metrics: how sessions end, feedback scores and comments. Never who: no name, no
//! booking, no session number is stored with them, and times are kept to the hour.

use crate::checkin::{Outcome, Step};
use rusqlite::{Connection, params};
use std::path::Path;
use std::sync::Mutex;

pub trait Metrics: Send + Sync {
    fn record_feedback(&self, score: u8, locale: &str);
    fn record_comment(&self, comment: &str, locale: &str);
    fn record_session(&self, outcome: Outcome, last_step: Step);
}

/// Metrics in the kiosk's own SQLite file (`kiosk.sqlite`, beside the help outbox).
pub struct SqliteMetrics {
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for SqliteMetrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteMetrics")
    }
}

fn hour() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:00Z").to_string()
}

/// Counts the metrics store holds, for reports and tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Count of each score 1 to 5.
    pub scores: [u32; 5],
    pub comments: Vec<String>,
    pub completed: u32,
    pub cancelled: u32,
    pub timed_out: u32,
}

impl SqliteMetrics {
    pub fn open(path: &Path) -> rusqlite::Result<SqliteMetrics> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             CREATE TABLE IF NOT EXISTS metric_feedback (
                 hour TEXT NOT NULL, score INTEGER NOT NULL, locale TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS metric_comments (
                 hour TEXT NOT NULL, locale TEXT NOT NULL, comment TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS metric_sessions (
                 hour TEXT NOT NULL, outcome TEXT NOT NULL, last_step TEXT NOT NULL);",
        )?;
        Ok(SqliteMetrics {
            conn: Mutex::new(conn),
        })
    }

    fn run(&self, sql: &str, values: impl rusqlite::Params) {
        let Ok(conn) = self.conn.lock() else {
            return;
        };
        if let Err(e) = conn.execute(sql, values) {
            tracing::warn!(error = %e, "a service metric was not recorded");
        }
    }

    pub fn summary(&self) -> rusqlite::Result<Summary> {
        let conn = self
            .conn
            .lock()
            .map_err(|_| rusqlite::Error::InvalidQuery)?;
        let mut summary = Summary::default();
        let mut q = conn.prepare("SELECT score, COUNT(*) FROM metric_feedback GROUP BY score")?;
        for row in q.query_map([], |r| Ok((r.get::<_, u8>(0)?, r.get::<_, u32>(1)?)))? {
            let (score, n) = row?;
            if (1..=5).contains(&score) {
                summary.scores[score as usize - 1] = n;
            }
        }
        let mut q = conn.prepare("SELECT comment FROM metric_comments ORDER BY rowid")?;
        summary.comments = q
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        let mut q =
            conn.prepare("SELECT outcome, COUNT(*) FROM metric_sessions GROUP BY outcome")?;
        for row in q.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))? {
            let (outcome, n) = row?;
            match outcome.as_str() {
                "completed" => summary.completed = n,
                "cancelled" => summary.cancelled = n,
                _ => summary.timed_out += n,
            }
        }
        Ok(summary)
    }
}

impl Metrics for SqliteMetrics {
    fn record_feedback(&self, score: u8, locale: &str) {
        self.run(
            "INSERT INTO metric_feedback (hour, score, locale) VALUES (?1, ?2, ?3)",
            params![hour(), score, locale],
        );
    }

    fn record_comment(&self, comment: &str, locale: &str) {
        let comment: String = comment.chars().take(500).collect();
        self.run(
            "INSERT INTO metric_comments (hour, locale, comment) VALUES (?1, ?2, ?3)",
            params![hour(), locale, comment],
        );
    }

    fn record_session(&self, outcome: Outcome, last_step: Step) {
        let outcome = match outcome {
            Outcome::Completed => "completed",
            Outcome::Cancelled => "cancelled",
            Outcome::TimedOut => "timed_out",
        };
        self.run(
            "INSERT INTO metric_sessions (hour, outcome, last_step) VALUES (?1, ?2, ?3)",
            params![hour(), outcome, last_step.code()],
        );
    }
}
