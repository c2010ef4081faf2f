//! The desk's store on PostgreSQL, for several desk instances behind one address.
//!
//! - Every write is one transaction, committed before the call returns; rows a write depends on
//!   are locked (`FOR UPDATE`), so two instances taking the same page at once make one winner,
//!   and the same page received by two instances at once is one incident.
//! - Every write also sends `NOTIFY concierge_desk` with the writing instance's id; each
//!   instance LISTENs on a connection of its own and tells its agents' pages (see
//!   [`DeskBackend::watch`]). Notifications are not replayed: after the listener reconnects,
//!   pages are told to read everything again.
//! - The schema is versioned (`migrations/postgres/NNNN_*.sql`, table `schema_migrations`),
//!   applied under an advisory lock by whichever instance starts first.

use super::pg_tls::PgTls;
use super::{
    Acted, AgentRow, DeskBackend, DeskIncident, Existing, FleetAlert, FleetSession, Fut, KioskRow,
    Received, Result, SessionRow, StaffAction, StoreError, TimelineEntry, Write, action_code,
    beat_payload, clean, plan, rfc3339_ms,
};
use crate::config::published::Layer;
use crate::desk::throttle;
use crate::fleet::Heartbeat;
use crate::help::HelpRequest;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use futures_util::future::BoxFuture;
use std::net::IpAddr;
use std::time::Duration;
use tokio_postgres::types::ToSql;
use tokio_postgres::{Row, Transaction};

/// The versioned schema, oldest first: (version, name, SQL).
const MIGRATIONS: &[(i32, &str, &str)] = &[
    (
        1,
        "desk",
        include_str!("../../../migrations/postgres/0001_desk.sql"),
    ),
    (
        2,
        "fleet",
        include_str!("../../../migrations/postgres/0002_fleet.sql"),
    ),
    (
        3,
        "config",
        include_str!("../../../migrations/postgres/0003_config.sql"),
    ),
    (
        4,
        "fleet_store",
        include_str!("../../../migrations/postgres/0004_fleet_store.sql"),
    ),
];

fn layer_row(r: &Row) -> Layer {
    Layer {
        group: r.get(0),
        version: r.get(1),
        text: r.get(2),
        files: serde_json::from_str(r.get::<_, &str>(3)).unwrap_or_default(),
        published_by: r.get(4),
        published_at: r.get(5),
        note: r.get(6),
    }
}

/// An error with what caused it, all the way down: "error performing TLS handshake: invalid
/// peer certificate: UnknownIssuer", where the pool alone says only the first part.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut said = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let more = c.to_string();
        if !said.contains(&more) {
            said = format!("{said}: {more}");
        }
        cause = c.source();
    }
    said
}

/// PostgreSQL text holds no NUL.
fn clean_text(s: &str) -> String {
    s.replace('\0', "")
}

/// The channel every instance listens on.
pub const CHANNEL: &str = "concierge_desk";
/// The listener's `application_name` (an operator, or a test, can find it in
/// `pg_stat_activity`).
pub const LISTENER: &str = "concierge-desk-listener";
/// Advisory lock keys: schema migration and the purge.
const LOCK_MIGRATE: i64 = 0x0C0C_1E96_0001;
const LOCK_PURGE: i64 = 0x0C0C_1E96_0002;
/// The purge runs at most this often, across all instances.
const PURGE_EVERY_MS: i64 = 50 * 60 * 1000;
/// Connections per instance.
const POOL_SIZE: usize = 16;

pub struct PgStore {
    pool: Pool,
    config: tokio_postgres::Config,
    tls: PgTls,
    /// This instance's id, in every notification it sends (it has told its own pages already).
    instance: String,
}

impl PgStore {
    /// Connects, and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<Self> {
        let said = |e: String| StoreError::Other(format!("[desk] database: {e}"));
        let wanted = super::pg_tls::wanted(url).map_err(said)?;
        let tls = PgTls::new(wanted.tls.as_ref()).map_err(said)?;
        let mut config: tokio_postgres::Config = wanted
            .url
            .parse()
            .map_err(|e| StoreError::Other(format!("[desk] database: {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        config.application_name("concierge-desk");
        // A statement stuck behind a lock is failed, not waited on for ever: the kiosk retries.
        config.options("-c statement_timeout=15000 -c lock_timeout=10000");
        let manager = Manager::from_config(
            config.clone(),
            tls.clone(),
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .wait_timeout(Some(Duration::from_secs(10)))
            .create_timeout(Some(Duration::from_secs(5)))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .build()
            .map_err(|e| StoreError::Pool(with_causes(&e)))?;
        let store = PgStore {
            pool,
            config,
            tls,
            instance: crate::desk::random_hex().chars().take(16).collect(),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// This instance's id.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    async fn client(&self) -> Result<deadpool_postgres::Object> {
        self.pool
            .get()
            .await
            .map_err(|e| StoreError::Pool(with_causes(&e)))
    }

    /// Applies the migrations this database has not had, one instance at a time.
    async fn migrate(&self) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_MIGRATE])
            .await?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY,
             name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )
        .await?;
        let applied: Vec<i32> = tx
            .query("SELECT version FROM schema_migrations", &[])
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect();
        for (version, name, sql) in MIGRATIONS {
            if applied.contains(version) {
                continue;
            }
            tx.batch_execute(sql).await?;
            tx.execute(
                "INSERT INTO schema_migrations(version, name) VALUES ($1, $2)",
                &[version, name],
            )
            .await?;
            tracing::info!(version, name, "desk database migrated");
        }
        if let Some(newer) = applied
            .iter()
            .filter(|v| !MIGRATIONS.iter().any(|(m, _, _)| m == *v))
            .max()
        {
            tracing::warn!(
                version = newer,
                "the desk database has a migration this desk does not know: a newer desk made it"
            );
        }
        tx.commit().await?;
        Ok(())
    }

    /// Tells the other instances (at commit).
    async fn notify(&self, tx: &Transaction<'_>) -> Result<()> {
        tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &self.instance])
            .await?;
        Ok(())
    }

    async fn list(&self, filter: &str, args: &[&(dyn ToSql + Sync)]) -> Result<Vec<DeskIncident>> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT key, kiosk, state, escalated, payload, received_at, acknowledged_by,
                     acknowledged_at, closed_at, deliveries, resolved_by FROM incidents {filter}"
                ),
                args,
            )
            .await?;
        Ok(rows.iter().map(incident).collect())
    }

    /// Does `deed` to an open incident, locked, in one transaction: `Missing` or `Closed`
    /// otherwise. Committed (and the others told) only when it is done.
    async fn act(&self, key: &str, deed: Deed<'_>, now: i64) -> Result<Acted> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let found = tx
            .query_opt(
                "SELECT state, acknowledged_by FROM incidents WHERE key = $1 FOR UPDATE",
                &[&key],
            )
            .await?;
        let Some(row) = found else {
            return Ok(Acted::Missing);
        };
        let state: String = row.get(0);
        let holder: Option<String> = row.get(1);
        if state != "open" && state != "acknowledged" {
            return Ok(Acted::Closed);
        }
        match deed {
            Deed::Acknowledge { agent } => {
                if let Some(holder) = holder {
                    return Ok(if holder == agent {
                        Acted::Done
                    } else {
                        Acted::TakenBy(holder)
                    });
                }
                tx.execute(
                    "UPDATE incidents SET state = 'acknowledged', acknowledged_by = $2,
                     acknowledged_at = $3, updated_at = $3 WHERE key = $1",
                    &[&key, &agent, &now],
                )
                .await?;
                event(&tx, key, now, "acknowledged", Some(agent), None).await?;
            }
            Deed::Release { agent } => {
                if state != "acknowledged" {
                    return Ok(Acted::Done);
                }
                tx.execute(
                    "UPDATE incidents SET state = 'open', acknowledged_by = NULL,
                     acknowledged_at = NULL, updated_at = $2 WHERE key = $1",
                    &[&key, &now],
                )
                .await?;
                event(&tx, key, now, "released", Some(agent), holder.as_deref()).await?;
            }
            Deed::HandOver { agent, to } => {
                tx.execute(
                    "UPDATE incidents SET state = 'acknowledged', acknowledged_by = $2,
                     acknowledged_at = COALESCE(acknowledged_at, $3), updated_at = $3
                     WHERE key = $1",
                    &[&key, &to, &now],
                )
                .await?;
                event(&tx, key, now, "handed_over", Some(agent), Some(to)).await?;
            }
            Deed::Note { agent, text } => {
                if text.is_empty() {
                    return Ok(Acted::Done);
                }
                event(&tx, key, now, "note", Some(agent), Some(&text)).await?;
                tx.execute(
                    "UPDATE incidents SET updated_at = $2 WHERE key = $1",
                    &[&key, &now],
                )
                .await?;
            }
            Deed::Resolve { agent } => {
                tx.execute(
                    "UPDATE incidents SET state = 'resolved', closed_at = $3, updated_at = $3,
                     resolved_by = $2, resolved_at = $3,
                     acknowledged_by = COALESCE(acknowledged_by, $2),
                     acknowledged_at = COALESCE(acknowledged_at, $3) WHERE key = $1",
                    &[&key, &agent, &now],
                )
                .await?;
                event(&tx, key, now, "resolved", Some(agent), None).await?;
            }
        }
        self.notify(&tx).await?;
        tx.commit().await?;
        Ok(Acted::Done)
    }

    async fn count(&self, sql: &str, args: &[&(dyn ToSql + Sync)]) -> Result<u64> {
        let client = self.client().await?;
        Ok(client.execute(sql, args).await?)
    }

    /// One counter of the throttle failed once more: locked when it reaches `limit`.
    async fn fail_one(
        tx: &Transaction<'_>,
        kind: &str,
        key: &str,
        limit: u32,
        now: i64,
    ) -> Result<()> {
        let row = tx
            .query_one(
                "INSERT INTO sign_in_counts(kind, key, failures, lockouts, until_ms, last_ms)
                 VALUES ($1, $2, 1, 0, 0, $3)
                 ON CONFLICT (kind, key) DO UPDATE SET failures = sign_in_counts.failures + 1,
                 last_ms = $3 RETURNING failures, lockouts",
                &[&kind, &key, &now],
            )
            .await?;
        let failures: i32 = row.get(0);
        let lockouts: i32 = row.get(1);
        if failures as u32 >= limit {
            let until = now + throttle::lock_ms(lockouts.max(0) as u32);
            tx.execute(
                "UPDATE sign_in_counts SET failures = 0, lockouts = lockouts + 1, until_ms = $3
                 WHERE kind = $1 AND key = $2",
                &[&kind, &key, &until],
            )
            .await?;
        }
        Ok(())
    }
}

/// What an agent does to a page.
enum Deed<'a> {
    Acknowledge { agent: &'a str },
    Release { agent: &'a str },
    HandOver { agent: &'a str, to: &'a str },
    Note { agent: &'a str, text: String },
    Resolve { agent: &'a str },
}

fn incident(r: &Row) -> DeskIncident {
    let payload: String = r.get(4);
    DeskIncident {
        key: r.get(0),
        kiosk: r.get(1),
        state: r.get(2),
        escalated: r.get(3),
        // A payload we stored ourselves; if it were unreadable the row still shows.
        request: serde_json::from_str(&payload).unwrap_or_else(|_| HelpRequest::placeholder()),
        received_at: r.get(5),
        acknowledged_by: r.get(6),
        acknowledged_at: r.get(7),
        closed_at: r.get(8),
        deliveries: r.get(9),
        resolved_by: r.get(10),
    }
}

async fn event(
    tx: &Transaction<'_>,
    key: &str,
    at: i64,
    kind: &str,
    agent: Option<&str>,
    detail: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO incident_events(key, at, kind, agent, detail) VALUES ($1, $2, $3, $4, $5)",
        &[&key, &at, &kind, &agent, &detail],
    )
    .await?;
    Ok(())
}

impl DeskBackend for PgStore {
    fn engine(&self) -> &'static str {
        "postgres"
    }

    fn staff_action<'a>(&'a self, r: &'a HelpRequest, now: i64) -> Fut<'a, ()> {
        Box::pin(async move {
            let staff = clean(r.staff.as_deref().unwrap_or(""), 32);
            let action = action_code(&r.reason);
            let detail = r.detail.as_deref().map(|d| clean(d, super::NOTE_CHARS));
            let at = rfc3339_ms(&r.requested_at).unwrap_or(now).min(now);
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            let new = tx
                .execute(
                    "INSERT INTO staff_actions(id, kiosk, incident, staff, action, detail, at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
                    &[
                        &r.id.replace('\0', ""),
                        &r.kiosk.id,
                        &r.incident,
                        &staff,
                        &action,
                        &detail,
                        &at,
                    ],
                )
                .await?;
            let known = tx
                .query_opt(
                    "SELECT kiosk FROM incidents WHERE key = $1 FOR UPDATE",
                    &[&r.incident],
                )
                .await?
                .map(|row| row.get::<_, String>(0));
            if new == 1 && known.as_deref() == Some(r.kiosk.id.as_str()) {
                event(
                    &tx,
                    &r.incident,
                    at,
                    &format!("staff_{action}"),
                    Some(&staff),
                    detail.as_deref(),
                )
                .await?;
                tx.execute(
                    "UPDATE incidents SET updated_at = $2 WHERE key = $1",
                    &[&r.incident, &now],
                )
                .await?;
            }
            self.notify(&tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn staff_actions(&self, limit: usize) -> Fut<'_, Vec<StaffAction>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client
                .query(
                    "SELECT kiosk, staff, action, detail, at FROM staff_actions
                     ORDER BY at DESC, seq DESC LIMIT $1",
                    &[&(limit as i64)],
                )
                .await?;
            Ok(rows
                .iter()
                .map(|r| StaffAction {
                    kiosk: r.get(0),
                    staff: r.get(1),
                    action: r.get(2),
                    detail: r.get(3),
                    at: r.get(4),
                })
                .collect())
        })
    }

    fn receive<'a>(&'a self, r: &'a HelpRequest, payload: &'a str, now: i64) -> Fut<'a, Received> {
        Box::pin(async move {
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            let key = &r.incident;
            let select = "SELECT state, kiosk, closed_at, escalated FROM incidents
                          WHERE key = $1 FOR UPDATE";
            let existing = |row: Row| Existing {
                state: row.get(0),
                kiosk: row.get(1),
                closed_at: row.get(2),
                escalated: row.get(3),
            };
            let mut found = tx.query_opt(select, &[key]).await?.map(existing);
            let (mut received, mut write, mut lines) = plan(found.take(), r, now);
            if let Write::Insert { escalated } = write {
                // Another instance may be inserting the same page this very moment: the
                // loser of the insert waits for the winner's commit and takes the row as
                // it then stands.
                let inserted = tx
                    .execute(
                        "INSERT INTO incidents(key, kiosk, state, escalated, payload, received_at,
                         updated_at) VALUES ($1, $2, 'open', $3, $4, $5, $5)
                         ON CONFLICT (key) DO NOTHING",
                        &[key, &r.kiosk.id, &escalated, &payload, &now],
                    )
                    .await?;
                if inserted == 0 {
                    let row = tx.query_opt(select, &[key]).await?.map(existing);
                    (received, write, lines) = plan(row, r, now);
                } else {
                    write = Write::Nothing;
                }
            }
            match write {
                Write::Nothing => {}
                Write::Insert { .. } => {
                    // The row exists now (checked above); nothing can insert it twice.
                    return Err(StoreError::Other("an incident inserted twice".into()));
                }
                Write::Close => {
                    tx.execute(
                        "UPDATE incidents SET state = $2, closed_at = COALESCE(closed_at, $3),
                         updated_at = $3, deliveries = deliveries + 1 WHERE key = $1",
                        &[key, &r.state, &now],
                    )
                    .await?;
                }
                Write::Count => {
                    tx.execute(
                        "UPDATE incidents SET deliveries = deliveries + 1 WHERE key = $1",
                        &[key],
                    )
                    .await?;
                }
                Write::Reopen => {
                    tx.execute(
                        "UPDATE incidents SET state = 'open', payload = $2, received_at = $3,
                         updated_at = $3, acknowledged_by = NULL, acknowledged_at = NULL,
                         closed_at = NULL, resolved_by = NULL, resolved_at = NULL,
                         deliveries = deliveries + 1 WHERE key = $1",
                        &[key, &payload, &now],
                    )
                    .await?;
                }
                Write::Update { escalated } => {
                    tx.execute(
                        "UPDATE incidents SET payload = $2, updated_at = $3,
                         escalated = escalated OR $4, deliveries = deliveries + 1 WHERE key = $1",
                        &[key, &payload, &now, &escalated],
                    )
                    .await?;
                }
            }
            for (kind, detail, at) in &lines {
                event(&tx, key, *at, kind, None, detail.as_deref()).await?;
            }
            if received != Received::Refused {
                self.notify(&tx).await?;
            }
            tx.commit().await?;
            Ok(received)
        })
    }

    fn acknowledge<'a>(&'a self, key: &'a str, agent: &'a str, now: i64) -> Fut<'a, Acted> {
        Box::pin(self.act(key, Deed::Acknowledge { agent }, now))
    }

    fn release<'a>(&'a self, key: &'a str, agent: &'a str, now: i64) -> Fut<'a, Acted> {
        Box::pin(self.act(key, Deed::Release { agent }, now))
    }

    fn hand_over<'a>(
        &'a self,
        key: &'a str,
        agent: &'a str,
        to: &'a str,
        now: i64,
    ) -> Fut<'a, Acted> {
        Box::pin(self.act(key, Deed::HandOver { agent, to }, now))
    }

    fn note<'a>(&'a self, key: &'a str, agent: &'a str, text: &'a str, now: i64) -> Fut<'a, Acted> {
        let text = clean(text, super::NOTE_CHARS);
        Box::pin(self.act(key, Deed::Note { agent, text }, now))
    }

    fn resolve<'a>(&'a self, key: &'a str, agent: &'a str, now: i64) -> Fut<'a, Acted> {
        Box::pin(self.act(key, Deed::Resolve { agent }, now))
    }

    fn timeline<'a>(&'a self, key: &'a str) -> Fut<'a, Vec<TimelineEntry>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client
                .query(
                    "SELECT at, kind, agent, detail FROM incident_events WHERE key = $1
                     ORDER BY at, id",
                    &[&key],
                )
                .await?;
            Ok(rows
                .iter()
                .map(|r| TimelineEntry {
                    at: r.get(0),
                    kind: r.get(1),
                    agent: r.get(2),
                    detail: r.get(3),
                })
                .collect())
        })
    }

    fn open_timelines(&self) -> Fut<'_, std::collections::HashMap<String, Vec<TimelineEntry>>> {
        Box::pin(async move {
            let client = self.client().await?;
            let mut all: std::collections::HashMap<String, Vec<TimelineEntry>> = Default::default();
            for r in client.query(super::OPEN_TIMELINES, &[]).await? {
                all.entry(r.get(0)).or_default().push(TimelineEntry {
                    at: r.get(1),
                    kind: r.get(2),
                    agent: r.get(3),
                    detail: r.get(4),
                });
            }
            Ok(all)
        })
    }

    fn purge(&self, before: i64, now: i64) -> Fut<'_, Option<usize>> {
        Box::pin(async move {
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            let mine: bool = tx
                .query_one("SELECT pg_try_advisory_xact_lock($1)", &[&LOCK_PURGE])
                .await?
                .get(0);
            if !mine {
                return Ok(None);
            }
            let last: Option<i64> = tx
                .query_opt("SELECT last_run FROM desk_jobs WHERE job = 'purge'", &[])
                .await?
                .map(|r| r.get(0));
            if last.is_some_and(|l| now - l < PURGE_EVERY_MS && l <= now) {
                return Ok(None);
            }
            tx.execute(
                "DELETE FROM incident_events WHERE key IN (SELECT key FROM incidents
                 WHERE state IN ('resolved', 'cancelled') AND closed_at < $1)",
                &[&before],
            )
            .await?;
            let n = tx
                .execute(
                    "DELETE FROM incidents WHERE state IN ('resolved', 'cancelled')
                     AND closed_at < $1",
                    &[&before],
                )
                .await?;
            // Sign-in counts with nothing left to say.
            tx.execute(
                "DELETE FROM sign_in_counts WHERE until_ms <= $1 AND last_ms < $1 - $2",
                &[&now, &throttle::LONGEST_MS],
            )
            .await?;
            tx.execute(
                "INSERT INTO desk_jobs(job, last_run, instance) VALUES ('purge', $1, $2)
                 ON CONFLICT (job) DO UPDATE SET last_run = $1, instance = $2",
                &[&now, &self.instance],
            )
            .await?;
            tx.commit().await?;
            Ok(Some(n as usize))
        })
    }

    fn incident<'a>(&'a self, key: &'a str) -> Fut<'a, Option<DeskIncident>> {
        Box::pin(async move {
            Ok(self
                .list("WHERE key = $1", &[&key])
                .await?
                .into_iter()
                .next())
        })
    }

    fn open_incidents(&self) -> Fut<'_, Vec<DeskIncident>> {
        Box::pin(self.list(
            "WHERE state IN ('open', 'acknowledged') ORDER BY received_at",
            &[],
        ))
    }

    fn recent(&self, limit: usize) -> Fut<'_, Vec<DeskIncident>> {
        Box::pin(async move {
            let limit = limit as i64;
            self.list(
                "WHERE state IN ('resolved', 'cancelled')
                 ORDER BY closed_at DESC NULLS LAST, received_at LIMIT $1",
                &[&limit],
            )
            .await
        })
    }

    fn since(&self, since: i64) -> Fut<'_, Vec<DeskIncident>> {
        Box::pin(async move {
            self.list("WHERE received_at >= $1 ORDER BY received_at", &[&since])
                .await
        })
    }

    fn set_agent<'a>(&'a self, name: &'a str, hash: &'a str) -> Fut<'a, ()> {
        Box::pin(async move {
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            tx.execute(
                "INSERT INTO agents(name, hash) VALUES ($1, $2)
                 ON CONFLICT (name) DO UPDATE SET hash = excluded.hash",
                &[&name, &hash],
            )
            .await?;
            tx.execute("DELETE FROM sessions WHERE agent = $1", &[&name])
                .await?;
            self.notify(&tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn set_agent_airport<'a>(&'a self, name: &'a str, airport: Option<&'a str>) -> Fut<'a, bool> {
        Box::pin(async move {
            Ok(self
                .count(
                    "UPDATE agents SET airport = $2 WHERE name = $1",
                    &[&name, &airport],
                )
                .await?
                > 0)
        })
    }

    fn agent_airport<'a>(&'a self, name: &'a str) -> Fut<'a, Option<String>> {
        Box::pin(async move {
            let client = self.client().await?;
            Ok(client
                .query_opt("SELECT airport FROM agents WHERE name = $1", &[&name])
                .await?
                .and_then(|r| r.get(0)))
        })
    }

    fn remove_agent<'a>(&'a self, name: &'a str) -> Fut<'a, bool> {
        Box::pin(async move {
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            tx.execute("DELETE FROM sessions WHERE agent = $1", &[&name])
                .await?;
            let n = tx
                .execute("DELETE FROM agents WHERE name = $1", &[&name])
                .await?;
            self.notify(&tx).await?;
            tx.commit().await?;
            Ok(n > 0)
        })
    }

    fn agents(&self) -> Fut<'_, Vec<AgentRow>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client
                .query(
                    "SELECT a.name, a.airport, COUNT(s.token_hash), MAX(s.last_seen)
                     FROM agents a LEFT JOIN sessions s ON s.agent = a.name
                     GROUP BY a.name, a.airport ORDER BY a.name",
                    &[],
                )
                .await?;
            Ok(rows
                .iter()
                .map(|r| AgentRow {
                    name: r.get(0),
                    airport: r.get(1),
                    sessions: r.get(2),
                    last_seen: r.get(3),
                })
                .collect())
        })
    }

    fn agent_hash<'a>(&'a self, name: &'a str) -> Fut<'a, Option<String>> {
        Box::pin(async move {
            // PostgreSQL's text holds no NUL, and no agent's name has one.
            if name.contains('\0') {
                return Ok(None);
            }
            let client = self.client().await?;
            Ok(client
                .query_opt("SELECT hash FROM agents WHERE name = $1", &[&name])
                .await?
                .map(|r| r.get(0)))
        })
    }

    fn session_list(&self) -> Fut<'_, Vec<SessionRow>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client
                .query(
                    "SELECT token_hash, agent, created_at, last_seen, expires_at FROM sessions
                     ORDER BY created_at DESC",
                    &[],
                )
                .await?;
            Ok(rows
                .iter()
                .map(|r| {
                    let hash: String = r.get(0);
                    SessionRow {
                        id: hash.chars().take(12).collect(),
                        agent: r.get(1),
                        created_at: r.get(2),
                        last_seen: r.get(3),
                        expires_at: r.get(4),
                    }
                })
                .collect())
        })
    }

    fn end_sessions<'a>(&'a self, who: &'a str) -> Fut<'a, usize> {
        Box::pin(async move {
            let by_agent = self
                .count("DELETE FROM sessions WHERE agent = $1", &[&who])
                .await?;
            if by_agent > 0 {
                return Ok(by_agent as usize);
            }
            if who.len() < 8 || !who.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Ok(0);
            }
            let prefix = who.to_ascii_lowercase();
            let len = who.len() as i32;
            Ok(self
                .count(
                    "DELETE FROM sessions WHERE left(token_hash, $2) = $1",
                    &[&prefix, &len],
                )
                .await? as usize)
        })
    }

    fn end_session<'a>(&'a self, token_hash: &'a str) -> Fut<'a, ()> {
        Box::pin(async move {
            self.count("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash])
                .await?;
            Ok(())
        })
    }

    fn purge_sessions(&self, now: i64, idle_ms: i64) -> Fut<'_, usize> {
        Box::pin(async move {
            Ok(self
                .count(
                    "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen <= $1 - $2",
                    &[&now, &idle_ms],
                )
                .await? as usize)
        })
    }

    fn sessions(&self) -> Fut<'_, i64> {
        Box::pin(async move {
            let client = self.client().await?;
            Ok(client
                .query_one("SELECT COUNT(*) FROM sessions", &[])
                .await?
                .get(0))
        })
    }

    fn create_session<'a>(
        &'a self,
        token_hash: &'a str,
        agent: &'a str,
        csrf: &'a str,
        now: i64,
        expires_at: i64,
    ) -> Fut<'a, ()> {
        Box::pin(async move {
            self.count(
                "INSERT INTO sessions(token_hash, agent, csrf, expires_at, created_at, last_seen)
                 VALUES ($1, $2, $3, $4, $5, $5)",
                &[&token_hash, &agent, &csrf, &expires_at, &now],
            )
            .await?;
            Ok(())
        })
    }

    fn session<'a>(
        &'a self,
        token_hash: &'a str,
        now: i64,
        idle_ms: i64,
        active: bool,
    ) -> Fut<'a, Option<(String, String)>> {
        Box::pin(async move {
            let client = self.client().await?;
            let row = if active {
                client
                    .query_opt(
                        "UPDATE sessions SET last_seen = $2 WHERE token_hash = $1
                         AND expires_at > $2 AND last_seen > $2 - $3 RETURNING agent, csrf",
                        &[&token_hash, &now, &idle_ms],
                    )
                    .await?
            } else {
                client
                    .query_opt(
                        "SELECT agent, csrf FROM sessions WHERE token_hash = $1
                         AND expires_at > $2 AND last_seen > $2 - $3",
                        &[&token_hash, &now, &idle_ms],
                    )
                    .await?
            };
            Ok(row.map(|r| (r.get(0), r.get(1))))
        })
    }

    fn sign_in_locked<'a>(
        &'a self,
        name: &'a str,
        address: IpAddr,
        now: i64,
    ) -> Fut<'a, Option<i64>> {
        Box::pin(async move {
            let name = throttle::key(name);
            let address = address.to_string();
            let pair = format!("{address} {name}");
            let client = self.client().await?;
            let known = client
                .query_opt(
                    "SELECT 1 FROM sign_in_known WHERE name = $1 AND address = $2",
                    &[&name, &address],
                )
                .await?
                .is_some();
            let rows = client
                .query(
                    "SELECT kind, until_ms FROM sign_in_counts WHERE until_ms > $4 AND (
                     (kind = 'pair' AND key = $1) OR (kind = 'address' AND key = $2)
                     OR (kind = 'name' AND key = $3))",
                    &[&pair, &address, &name, &now],
                )
                .await?;
            Ok(rows
                .iter()
                .filter(|r| !(known && r.get::<_, &str>(0) == "name"))
                .map(|r| r.get::<_, i64>(1))
                .max())
        })
    }

    fn sign_in_failed<'a>(&'a self, name: &'a str, address: IpAddr, now: i64) -> Fut<'a, ()> {
        Box::pin(async move {
            let name = throttle::key(name);
            let address = address.to_string();
            let pair = format!("{address} {name}");
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            // Always in this order, so two instances counting at once never deadlock.
            Self::fail_one(&tx, "address", &address, throttle::ADDRESS_FAILURES, now).await?;
            Self::fail_one(&tx, "name", &name, throttle::NAME_FAILURES, now).await?;
            Self::fail_one(&tx, "pair", &pair, throttle::PAIR_FAILURES, now).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn sign_in_succeeded<'a>(&'a self, name: &'a str, address: IpAddr, now: i64) -> Fut<'a, ()> {
        Box::pin(async move {
            let name = throttle::key(name);
            let address = address.to_string();
            let pair = format!("{address} {name}");
            let mut client = self.client().await?;
            let tx = client.transaction().await?;
            tx.execute(
                "DELETE FROM sign_in_counts WHERE kind = 'pair' AND key = $1",
                &[&pair],
            )
            .await?;
            tx.execute(
                "INSERT INTO sign_in_known(name, address, at) VALUES ($1, $2, $3)
                 ON CONFLICT (name, address) DO UPDATE SET at = $3",
                &[&name, &address, &now],
            )
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn heartbeat<'a>(&'a self, beat: &'a Heartbeat, now: i64) -> Fut<'a, ()> {
        Box::pin(async move {
            let mut client = self.client().await?;
            let id = beat.kiosk.id.replace('\0', "");
            let airport = beat.kiosk.airport.as_ref().map(|a| a.replace('\0', ""));
            let payload = beat_payload(beat);
            // No NOTIFY: a fleet page reads the kiosks again on its own clock, and thousands
            // of heartbeats a minute must not wake every agent's page.
            const KEEP: &str = "INSERT INTO kiosks(id, airport, last_seen, heartbeat)
                VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET airport = excluded.airport,
                last_seen = excluded.last_seen, heartbeat = excluded.heartbeat";
            let kiosk: [&(dyn ToSql + Sync); 4] = [&id, &airport, &now, &payload];
            if beat.sessions.is_empty() {
                client.execute(KEEP, &kiosk).await?;
                return Ok(());
            }
            let tx = client.transaction().await?;
            tx.execute(KEEP, &kiosk).await?;
            let insert = tx
                .prepare(
                    "INSERT INTO fleet_sessions(kiosk, store, seq, airport, hour, row)
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kiosk, store, seq) DO NOTHING",
                )
                .await?;
            let store = beat.store.replace('\0', "");
            for s in &beat.sessions {
                let row = serde_json::to_string(&s.row).unwrap_or_default();
                tx.execute(&insert, &[&id, &store, &s.seq, &airport, &s.row.hour, &row])
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    fn fleet_alerts(&self) -> Fut<'_, Vec<FleetAlert>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client
                .query(
                    "SELECT a.kiosk, k.airport, a.kind, a.raised_at FROM fleet_alerts a
                     LEFT JOIN kiosks k ON k.id = a.kiosk ORDER BY a.raised_at, a.kiosk, a.kind",
                    &[],
                )
                .await?;
            Ok(rows
                .iter()
                .map(|r| FleetAlert {
                    kiosk: r.get(0),
                    airport: r.get(1),
                    kind: r.get(2),
                    raised_at: r.get(3),
                })
                .collect())
        })
    }

    fn kiosks(&self) -> Fut<'_, Vec<KioskRow>> {
        Box::pin(async move {
            let client = self.client().await?;
            let mut alerts: std::collections::HashMap<String, Vec<String>> = Default::default();
            for r in client
                .query("SELECT kiosk, kind FROM fleet_alerts ORDER BY kind", &[])
                .await?
            {
                alerts.entry(r.get(0)).or_default().push(r.get(1));
            }
            let rows = client
                .query(
                    "SELECT id, last_seen, heartbeat FROM kiosks ORDER BY COALESCE(airport, ''), id",
                    &[],
                )
                .await?;
            Ok(rows
                .iter()
                .filter_map(|r| {
                    let id: String = r.get(0);
                    let beat = serde_json::from_str(r.get::<_, &str>(2)).ok()?;
                    Some(KioskRow {
                        alerts: alerts.remove(&id).unwrap_or_default(),
                        id,
                        last_seen: r.get(1),
                        beat,
                    })
                })
                .collect())
        })
    }

    fn fleet_sessions<'a>(&'a self, since_hour: &'a str) -> Fut<'a, Vec<FleetSession>> {
        Box::pin(async move {
            let client = self.client().await?;
            let rows = client
                .query(
                    "SELECT kiosk, airport, row FROM fleet_sessions WHERE hour >= $1
                     ORDER BY hour, kiosk, seq",
                    &[&since_hour],
                )
                .await?;
            Ok(rows
                .iter()
                .filter_map(|r| {
                    Some(FleetSession {
                        kiosk: r.get(0),
                        airport: r.get(1),
                        row: serde_json::from_str(r.get::<_, &str>(2)).ok()?,
                    })
                })
                .collect())
        })
    }

    fn alert<'a>(&'a self, kiosk: &'a str, kind: &'a str, raise: bool, now: i64) -> Fut<'a, bool> {
        Box::pin(async move {
            let n = if raise {
                self.count(
                    "INSERT INTO fleet_alerts(kiosk, kind, raised_at) VALUES ($1, $2, $3)
                     ON CONFLICT (kiosk, kind) DO NOTHING",
                    &[&kiosk, &kind, &now],
                )
                .await?
            } else {
                self.count(
                    "DELETE FROM fleet_alerts WHERE kiosk = $1 AND kind = $2",
                    &[&kiosk, &kind],
                )
                .await?
            };
            Ok(n > 0)
        })
    }

    fn claim_job<'a>(&'a self, job: &'a str, every_ms: i64, now: i64) -> Fut<'a, bool> {
        Box::pin(async move {
            // The row is the lock: the instance whose update takes it runs the job.
            let client = self.client().await?;
            let n = client
                .execute(
                    "INSERT INTO desk_jobs(job, last_run, instance) VALUES ($1, $2, $3)
                     ON CONFLICT (job) DO UPDATE SET last_run = excluded.last_run,
                     instance = excluded.instance
                     WHERE desk_jobs.last_run <= $2 - $4 OR desk_jobs.last_run > $2",
                    &[&job, &now, &self.instance, &every_ms],
                )
                .await?;
            Ok(n > 0)
        })
    }

    fn publish_config<'a>(&'a self, layer: &'a Layer, after: Option<i64>) -> Fut<'a, Option<i64>> {
        Box::pin(async move {
            let files = serde_json::to_string(&layer.files).unwrap_or_else(|_| "{}".into());
            let text = clean_text(&layer.text);
            let client = self.client().await?;
            // Two publishers at once: the primary key lets one version in; the other is told.
            let row = client
                .query_opt(
                    "INSERT INTO config_layers(grp, version, text, files, published_by, published_at, note)
                     SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6
                     FROM config_layers WHERE grp = $1
                     HAVING $7::BIGINT IS NULL OR COALESCE(MAX(version), 0) = $7
                     ON CONFLICT (grp, version) DO NOTHING
                     RETURNING version",
                    &[
                        &clean_text(&layer.group),
                        &text,
                        &files,
                        &clean_text(&layer.published_by),
                        &layer.published_at,
                        &clean_text(&layer.note),
                        &after,
                    ],
                )
                .await?;
            Ok(row.map(|r| r.get::<_, i64>(0)))
        })
    }

    fn config_layers(&self) -> Fut<'_, Vec<Layer>> {
        Box::pin(async move {
            let rows = self
                .client()
                .await?
                .query(
                    "SELECT DISTINCT ON (grp) grp, version, text, files, published_by, published_at, note
                     FROM config_layers ORDER BY grp, version DESC",
                    &[],
                )
                .await?;
            Ok(rows.iter().map(layer_row).collect())
        })
    }

    fn config_log(&self, limit: usize) -> Fut<'_, Vec<Layer>> {
        Box::pin(async move {
            let rows = self
                .client()
                .await?
                .query(
                    "SELECT grp, version, text, files, published_by, published_at, note
                     FROM config_layers ORDER BY published_at DESC, grp, version DESC LIMIT $1",
                    &[&(limit as i64)],
                )
                .await?;
            Ok(rows.iter().map(layer_row).collect())
        })
    }

    fn healthy(&self) -> BoxFuture<'_, bool> {
        Box::pin(async move {
            match self.client().await {
                Ok(c) => c.query_one("SELECT 1", &[]).await.is_ok(),
                Err(_) => false,
            }
        })
    }

    fn watch(&self, changes: tokio::sync::broadcast::Sender<()>) {
        let mut config = self.config.clone();
        config.application_name(LISTENER);
        let instance = self.instance.clone();
        tokio::spawn(listen(
            config,
            self.tls.clone(),
            instance,
            changes.downgrade(),
        ));
    }
}

/// Listens for other instances' changes until the desk is gone, reconnecting with backoff;
/// after each (re)connection the pages read everything again.
async fn listen(
    config: tokio_postgres::Config,
    tls: PgTls,
    instance: String,
    changes: tokio::sync::broadcast::WeakSender<()>,
) {
    use futures_util::StreamExt;
    let mut backoff = Duration::from_millis(100);
    let mut first = true;
    loop {
        if changes.upgrade().is_none() {
            return;
        }
        match config.connect(tls.clone()).await {
            Ok((client, mut connection)) => {
                let (heard, mut hear) = tokio::sync::mpsc::unbounded_channel();
                let driver = tokio::spawn(async move {
                    let mut messages =
                        futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
                    while let Some(message) = messages.next().await {
                        match message {
                            Ok(tokio_postgres::AsyncMessage::Notification(n)) => {
                                if heard.send(n.payload().to_string()).is_err() {
                                    return;
                                }
                            }
                            Ok(_) => {}
                            Err(e) => {
                                tracing::warn!(error = %e, "the desk's listener lost PostgreSQL");
                                return;
                            }
                        }
                    }
                });
                if let Err(e) = client.batch_execute(&format!("LISTEN {CHANNEL}")).await {
                    tracing::warn!(error = %e, "the desk could not LISTEN");
                    driver.abort();
                } else {
                    backoff = Duration::from_millis(100);
                    if !first {
                        tracing::info!("the desk's listener is back: pages read everything again");
                    }
                    first = false;
                    // Whatever changed while nobody listened.
                    match changes.upgrade() {
                        Some(tx) => {
                            let _ = tx.send(());
                        }
                        None => return,
                    }
                    loop {
                        let next = tokio::time::timeout(Duration::from_secs(10), hear.recv()).await;
                        let Some(tx) = changes.upgrade() else {
                            driver.abort();
                            return;
                        };
                        match next {
                            Ok(Some(from)) if from != instance => {
                                let _ = tx.send(());
                            }
                            Ok(Some(_)) | Err(_) => {}
                            Ok(None) => break,
                        }
                    }
                }
                drop(client);
            }
            Err(e) => tracing::warn!(error = %e, "the desk's listener cannot reach PostgreSQL"),
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(5));
    }
}
