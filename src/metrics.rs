//! Service metrics: how sessions end, feedback scores and comments. Never who: no name, no
//! booking, no session number is stored with them, and times are kept to the hour.
//!
//! Each session leaves one row (`metric_session`): how it ended and where, the furthest step,
//! its language, how long it took and how many taps, whether help was asked for and how soon
//! it was acknowledged, a printer fault, the feedback score. `concierge report` and the
//! Prometheus endpoint read them.

use crate::checkin::{Outcome, SessionReport};
use axum::response::IntoResponse;
use rusqlite::{Connection, params};
use std::path::Path;
use std::sync::Mutex;

pub trait Metrics: Send + Sync {
    fn record_feedback(&self, score: u8, locale: &str);
    fn record_comment(&self, comment: &str, locale: &str);
    fn record_session(&self, report: &SessionReport);
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

pub fn outcome_code(o: Outcome) -> &'static str {
    match o {
        Outcome::Completed => "completed",
        Outcome::Cancelled => "cancelled",
        Outcome::TimedOut => "timed_out",
    }
}

/// One session's row, as the report reads it (and as a kiosk's heartbeat carries it to the
/// desk: no passenger data).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SessionRow {
    /// `YYYY-MM-DDTHH:00Z`.
    pub hour: String,
    pub outcome: String,
    pub last_step: String,
    pub furthest: String,
    pub locale: String,
    pub seconds: i64,
    pub taps: i64,
    pub help_requests: i64,
    pub help_ack_seconds: Option<i64>,
    /// A page nobody acknowledged: how long the passenger had waited when the session ended.
    pub help_unanswered_seconds: Option<i64>,
    pub printer_fault: bool,
    pub feedback: Option<i64>,
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
        let conn = crate::store::kiosk::open(path)?;
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

    /// Every session since `since` (`YYYY-MM-DDTHH:00Z`), oldest first.
    pub fn sessions_since(&self, since: &str) -> rusqlite::Result<Vec<SessionRow>> {
        let conn = self
            .conn
            .lock()
            .map_err(|_| rusqlite::Error::InvalidQuery)?;
        let mut q = conn.prepare(
            "SELECT hour, outcome, last_step, furthest, locale, seconds, taps, help_requests,
                    help_ack_seconds, printer_fault, feedback, help_unanswered_seconds
             FROM metric_session WHERE hour >= ?1 ORDER BY hour, rowid",
        )?;
        q.query_map([since], |r| {
            Ok(SessionRow {
                hour: r.get(0)?,
                outcome: r.get(1)?,
                last_step: r.get(2)?,
                furthest: r.get(3)?,
                locale: r.get(4)?,
                seconds: r.get(5)?,
                taps: r.get(6)?,
                help_requests: r.get(7)?,
                help_ack_seconds: r.get(8)?,
                printer_fault: r.get(9)?,
                feedback: r.get(10)?,
                help_unanswered_seconds: r.get(11)?,
            })
        })?
        .collect()
    }

    /// Writes a session row as it was at `hour` (`YYYY-MM-DDTHH:00Z`).
    pub fn record_session_at(&self, hour: &str, r: &SessionReport) {
        self.run(
            "INSERT INTO metric_session (hour, outcome, last_step, furthest, locale, seconds, taps,
                 help_requests, help_ack_seconds, printer_fault, feedback, help_unanswered_seconds,
                 ended_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                hour,
                outcome_code(r.outcome),
                r.last_step.code(),
                r.furthest.code(),
                r.locale,
                r.seconds.max(0),
                r.taps,
                r.help_requests,
                r.help_acknowledged_after,
                r.printer_fault,
                r.feedback,
                r.help_unanswered_after,
                chrono::Utc::now().timestamp_millis(),
            ],
        );
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
            conn.prepare("SELECT outcome, COUNT(*) FROM metric_session GROUP BY outcome")?;
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

    fn record_session(&self, r: &SessionReport) {
        self.record_session_at(&hour(), r);
    }
}

/// The service counters in Prometheus's text format, for fleet monitoring (`[metrics] listen`):
/// totals since the kiosk's store began, so they only ever grow.
pub fn prometheus(kiosk: &str, rows: &[SessionRow]) -> String {
    use std::fmt::Write;
    let label = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let mut out = String::new();
    let mut counter = |name: &str, help: &str, samples: Vec<(String, f64)>| {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
        for (labels, v) in samples {
            let _ = writeln!(out, "{name}{labels} {v}");
        }
    };
    let by = |key: &dyn Fn(&SessionRow) -> Option<String>| {
        let mut counts: std::collections::BTreeMap<String, f64> = Default::default();
        for r in rows {
            if let Some(k) = key(r) {
                *counts.entry(k).or_default() += 1.0;
            }
        }
        counts
    };
    counter(
        "concierge_sessions_total",
        "Check-in sessions ended, by outcome.",
        ["completed", "cancelled", "timed_out"]
            .iter()
            .map(|o| {
                let n = rows.iter().filter(|r| r.outcome == *o).count() as f64;
                (format!("{{outcome=\"{o}\"}}"), n)
            })
            .collect(),
    );
    counter(
        "concierge_sessions_abandoned_total",
        "Sessions not completed, by the step they ended at.",
        by(&|r| (r.outcome != "completed").then(|| r.last_step.clone()))
            .into_iter()
            .map(|(s, n)| (format!("{{step=\"{}\"}}", label(&s)), n))
            .collect(),
    );
    counter(
        "concierge_help_requests_total",
        "Pages to staff from check-in sessions.",
        vec![(
            String::new(),
            rows.iter().map(|r| r.help_requests.max(0) as f64).sum(),
        )],
    );
    counter(
        "concierge_printer_faults_total",
        "Sessions in which the printer failed.",
        vec![(
            String::new(),
            rows.iter().filter(|r| r.printer_fault).count() as f64,
        )],
    );
    counter(
        "concierge_taps_total",
        "Passenger taps in completed sessions.",
        vec![(
            String::new(),
            rows.iter()
                .filter(|r| r.outcome == "completed")
                .map(|r| r.taps.max(0) as f64)
                .sum(),
        )],
    );
    let feedback = by(&|r| r.feedback.map(|_| r.locale.clone()));
    counter(
        "concierge_feedback_total",
        "Feedback scores given, by language.",
        feedback
            .iter()
            .map(|(l, n)| (format!("{{locale=\"{}\"}}", label(l)), *n))
            .collect(),
    );
    counter(
        "concierge_feedback_score_sum",
        "Sum of feedback scores (1-5), by language: divide by concierge_feedback_total.",
        feedback
            .keys()
            .map(|l| {
                let sum: f64 = rows
                    .iter()
                    .filter(|r| &r.locale == l)
                    .filter_map(|r| r.feedback)
                    .map(|s| s as f64)
                    .sum();
                (format!("{{locale=\"{}\"}}", label(l)), sum)
            })
            .collect(),
    );
    // `beyond`: observations known only to exceed every bucket (a page nobody acknowledged,
    // counted in +Inf, its wait so far in the sum).
    let mut histogram =
        |name: &str, help: &str, buckets: &[f64], values: Vec<f64>, beyond: Vec<f64>| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
            for b in buckets {
                let n = values.iter().filter(|v| **v <= *b).count();
                let _ = writeln!(out, "{name}_bucket{{le=\"{b}\"}} {n}");
            }
            let count = values.len() + beyond.len();
            let sum = values.iter().chain(&beyond).sum::<f64>();
            let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
            let _ = writeln!(out, "{name}_sum {sum}");
            let _ = writeln!(out, "{name}_count {count}");
        };
    histogram(
        "concierge_session_seconds",
        "How long check-in sessions took.",
        &[30.0, 60.0, 90.0, 120.0, 180.0, 300.0, 600.0],
        rows.iter().map(|r| r.seconds as f64).collect(),
        Vec::new(),
    );
    histogram(
        "concierge_help_acknowledge_seconds",
        "From a page to staff to an agent's acknowledgement; a page nobody acknowledged counts in +Inf (its wait until the session ended in the sum).",
        &[15.0, 30.0, 60.0, 120.0, 180.0, 300.0, 600.0],
        rows.iter()
            .filter_map(|r| r.help_ack_seconds)
            .map(|s| s as f64)
            .collect(),
        rows.iter()
            .filter(|r| r.help_ack_seconds.is_none() && r.help_requests > 0)
            .map(|r| r.help_unanswered_seconds.unwrap_or(0) as f64)
            .collect(),
    );
    let _ = writeln!(
        out,
        "# HELP concierge_kiosk_info The kiosk these figures are from.\n\
         # TYPE concierge_kiosk_info gauge\nconcierge_kiosk_info{{kiosk=\"{}\"}} 1",
        label(kiosk)
    );
    out
}

/// Serves `GET /metrics` from the store until the process ends.
pub async fn serve_prometheus(
    listener: tokio::net::TcpListener,
    store: std::sync::Arc<SqliteMetrics>,
    kiosk: String,
) {
    use axum::routing::get;
    let app = axum::Router::new().route(
        "/metrics",
        get(move || {
            let store = store.clone();
            let kiosk = kiosk.clone();
            async move {
                let rows = tokio::task::spawn_blocking(move || store.sessions_since(""))
                    .await
                    .ok()
                    .and_then(Result::ok);
                match rows {
                    Some(rows) => (
                        [(
                            axum::http::header::CONTENT_TYPE,
                            "text/plain; version=0.0.4; charset=utf-8",
                        )],
                        prometheus(&kiosk, &rows),
                    )
                        .into_response(),
                    None => axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response(),
                }
            }
        }),
    );
    // The hardened server (deadlines on every connection) with a small cap: idle connections
    // to the metrics port wait in the kernel's queue, never holding the descriptors the
    // kiosk's pages to staff and its config need.
    crate::net::serve(
        listener,
        None,
        app,
        crate::net::Limits {
            connections: METRICS_CONNECTIONS,
            ..crate::net::Limits::default()
        },
    )
    .await;
}

/// Connections the metrics endpoint holds at once (a Prometheus agent needs one).
pub const METRICS_CONNECTIONS: usize = 16;
