//! The kiosk's own SQLite file, `kiosk.sqlite`, and its one schema. Four owners keep their
//! state in it (the help outbox, the service metrics, staff mode's gate and the print
//! journal); each opens it through [`open`], which applies the one ordered migration list, so
//! the file has the same tables whichever of them opens it first.
//!
//! Nothing of a passenger is kept here beyond what a help request carries until it is
//! delivered (see the README, "What is kept").

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The file's name in the kiosk's data directory.
pub const FILE: &str = "kiosk.sqlite";

/// Where the kiosk's store lives in `data_dir`.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

/// The schema, in order; `PRAGMA user_version` counts the ones applied. Append, never edit: a
/// kiosk in the field has applied the ones before. Migrations 2 to 4 create their tables only
/// if missing, because versions before this list created them on their own at every open.
const MIGRATIONS: &[&str] = &[
    // 1. The help outbox (see help::outbox).
    r#"
CREATE TABLE incidents(
    key TEXT PRIMARY KEY,
    state TEXT NOT NULL,            -- open, acknowledged, resolved, cancelled
    level INTEGER NOT NULL,         -- escalation level reached
    payload TEXT NOT NULL,          -- the latest request (JSON)
    opened_at INTEGER NOT NULL,     -- unix milliseconds
    escalated_at INTEGER NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at INTEGER,
    closed_at INTEGER,
    polled_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE deliveries(
    id INTEGER PRIMARY KEY,
    incident TEXT NOT NULL,
    target INTEGER NOT NULL,        -- index into [[help.targets]]
    payload TEXT NOT NULL,          -- the request as sent (JSON)
    status TEXT NOT NULL,           -- pending, delivered, failed
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at INTEGER NOT NULL,        -- unix milliseconds; a lease while in flight
    created_at INTEGER NOT NULL,
    delivered_at INTEGER,
    last_error TEXT,
    repeat INTEGER NOT NULL DEFAULT 0,  -- a keep-alive re-post (Alertmanager), not a new page
    in_flight INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX deliveries_due ON deliveries(status, due_at);
CREATE INDEX deliveries_incident ON deliveries(incident);
"#,
    // 2. Service metrics (see metrics): counts by the hour, no passenger data.
    r#"
CREATE TABLE IF NOT EXISTS metric_feedback (
    hour TEXT NOT NULL, score INTEGER NOT NULL, locale TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS metric_comments (
    hour TEXT NOT NULL, locale TEXT NOT NULL, comment TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS metric_session (
    hour TEXT NOT NULL, outcome TEXT NOT NULL, last_step TEXT NOT NULL,
    furthest TEXT NOT NULL, locale TEXT NOT NULL, seconds INTEGER NOT NULL,
    taps INTEGER NOT NULL, help_requests INTEGER NOT NULL,
    help_ack_seconds INTEGER, printer_fault INTEGER NOT NULL,
    feedback INTEGER);
"#,
    // 3. Staff mode (see staff): the PIN lockout and the action log.
    r#"
CREATE TABLE IF NOT EXISTS staff_lockout (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL, lockouts INTEGER NOT NULL, until_ms INTEGER NOT NULL);
INSERT OR IGNORE INTO staff_lockout VALUES (1, 0, 0, 0);
CREATE TABLE IF NOT EXISTS staff_actions (
    at_ms INTEGER NOT NULL, staff TEXT NOT NULL, action TEXT NOT NULL,
    detail TEXT NOT NULL);
"#,
    // 4. The print journal (see print::journal): a line per print under way.
    r#"
CREATE TABLE IF NOT EXISTS print_journal (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, documents INTEGER NOT NULL);
"#,
    // 5. Pages nobody acknowledged: how long the passenger had waited when the session ended.
    r#"
ALTER TABLE metric_session ADD COLUMN help_unanswered_seconds INTEGER;
"#,
    // 6. The fleet (see fleet): when each session ended (unix ms, for the last hour's counts),
    // the heartbeat waiting for each desk (the latest only), and how far each desk has the
    // session summaries.
    r#"
ALTER TABLE metric_session ADD COLUMN ended_at INTEGER;
CREATE TABLE IF NOT EXISTS heartbeats (
    target TEXT PRIMARY KEY, payload TEXT NOT NULL, up_to INTEGER NOT NULL,
    due_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT);
CREATE TABLE IF NOT EXISTS fleet_cursor (target TEXT PRIMARY KEY, up_to INTEGER NOT NULL);
"#,
    // 7. This store's own name, drawn at random once: the desk keeps session summaries by
    // kiosk, store and sequence number, so a kiosk whose store was wiped (a new disk, a
    // reinstall), whose numbers start again at 1, is not taken for one repeating itself.
    r#"
CREATE TABLE store_identity (id TEXT NOT NULL);
INSERT INTO store_identity(id) VALUES (lower(hex(randomblob(8))));
"#,
];

/// Opens the kiosk's store at `path` (see [`super::open`] for the durability settings),
/// bringing its schema up to date.
pub fn open(path: &Path) -> rusqlite::Result<Connection> {
    let mut conn = super::open(path)?;
    super::migrate(&mut conn, MIGRATIONS)?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut q = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        q.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn every_owner_finds_the_whole_schema_whoever_opens_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = path(dir.path());
        crate::metrics::SqliteMetrics::open(&first).unwrap();
        let other = dir.path().join("other.sqlite");
        crate::help::Outbox::open(&other).unwrap();
        let a = open(&first).unwrap();
        let b = open(&other).unwrap();
        assert_eq!(tables(&a), tables(&b));
        for table in [
            "deliveries",
            "metric_session",
            "staff_lockout",
            "print_journal",
        ] {
            assert!(tables(&a).iter().any(|t| t == table), "{table} missing");
        }
        let version: i64 = a
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
    }

    /// A kiosk.sqlite from before the one list: the outbox's migration applied, the others'
    /// tables made on their own, with data in them.
    #[test]
    fn a_store_from_the_previous_version_keeps_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path());
        {
            let mut conn = super::super::open(&file).unwrap();
            super::super::migrate(&mut conn, &MIGRATIONS[..1]).unwrap();
            conn.execute_batch(
                "CREATE TABLE IF NOT EXISTS staff_lockout (
                     id INTEGER PRIMARY KEY CHECK (id = 1),
                     failures INTEGER NOT NULL, lockouts INTEGER NOT NULL,
                     until_ms INTEGER NOT NULL);
                 INSERT OR IGNORE INTO staff_lockout VALUES (1, 3, 1, 99);
                 CREATE TABLE IF NOT EXISTS print_journal (
                     id INTEGER PRIMARY KEY, started_at TEXT NOT NULL,
                     documents INTEGER NOT NULL);
                 INSERT INTO print_journal (started_at, documents) VALUES ('then', 2);",
            )
            .unwrap();
        }
        let cut = crate::print::journal::take_interrupted(&file).unwrap();
        assert_eq!(cut, ["then"], "the interrupted print is still known");
        let conn = open(&file).unwrap();
        let failures: i64 = conn
            .query_row("SELECT failures FROM staff_lockout", [], |r| r.get(0))
            .unwrap();
        assert_eq!(failures, 3, "the lockout count survives the upgrade");
    }
}
