//! Knowing that a print was cut off: before a job goes to the printer a line is written to the
//! kiosk's store, and removed when the printer has answered. A line still there when the kiosk
//! starts means the last print was interrupted (a crash, a power cut): staff are paged to look
//! at the printer — with no passenger data, which the kiosk no longer has anyway.

use super::{PrintError, Printer};
use crate::checkin::PrintJob;
use rusqlite::{Connection, params};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A printer whose jobs are journalled while they print.
pub struct JournaledPrinter {
    inner: Box<dyn Printer>,
    db: Mutex<Connection>,
}

fn open(path: &Path) -> rusqlite::Result<Connection> {
    crate::store::kiosk::open(path)
}

impl JournaledPrinter {
    /// `store`: the kiosk's own SQLite file (`kiosk.sqlite`).
    pub fn new(inner: Box<dyn Printer>, store: &Path) -> rusqlite::Result<JournaledPrinter> {
        Ok(JournaledPrinter {
            inner,
            db: Mutex::new(open(store)?),
        })
    }
}

impl Printer for JournaledPrinter {
    fn print(&self, job: &PrintJob) -> Result<Vec<PathBuf>, PrintError> {
        let documents: usize = job
            .passengers
            .iter()
            .map(|p| p.legs.len() + p.bag_tags.len())
            .sum();
        let id = {
            let db = self.db.lock().unwrap_or_else(|e| e.into_inner());
            match db.execute(
                "INSERT INTO print_journal (started_at, documents) VALUES (?1, ?2)",
                params![chrono::Utc::now().to_rfc3339(), documents as i64],
            ) {
                Ok(_) => Some(db.last_insert_rowid()),
                Err(e) => {
                    tracing::warn!(error = %e, "the print journal could not be written");
                    None
                }
            }
        };
        let result = self.inner.print(job);
        if let Some(id) = id {
            let db = self.db.lock().unwrap_or_else(|e| e.into_inner());
            if let Err(e) = db.execute("DELETE FROM print_journal WHERE id = ?1", [id]) {
                tracing::warn!(error = %e, "the print journal could not be cleared");
            }
        }
        result
    }

    fn use_messages(&self, messages: &'static crate::i18n::Messages) {
        self.inner.use_messages(messages);
    }
}

/// Prints cut off before the kiosk last stopped (their start times), cleared as they are read.
pub fn take_interrupted(store: &Path) -> rusqlite::Result<Vec<String>> {
    let conn = open(store)?;
    let mut q = conn.prepare("SELECT started_at FROM print_journal ORDER BY id")?;
    let cut: Vec<String> = q.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    conn.execute("DELETE FROM print_journal", [])?;
    Ok(cut)
}
