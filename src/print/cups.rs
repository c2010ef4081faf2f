//! A CUPS queue: documents handed to `lp -d QUEUE`, the queue's state read from `lpstat -p`.
//! Any failure (the queue stopped or missing, `lp` refusing) is a printer failure the engine
//! knows: staff are paged and the kiosk shows itself out of service until it prints again.

use super::{Labels, Paper, PrintError, Printer, render};
use crate::checkin::PrintJob;
use std::path::PathBuf;
use std::process::Command;

#[derive(Debug, Clone)]
pub struct CupsPrinter {
    pub queue: String,
    /// The `lp` and `lpstat` programs (tests point these at stand-ins that fail on purpose).
    pub lp: PathBuf,
    pub lpstat: PathBuf,
    pub paper: Paper,
    /// Where documents are written before `lp` takes them.
    pub staging: PathBuf,
    /// The labels' messages.
    pub labels: Labels,
}

impl CupsPrinter {
    fn fail(&self, reason: impl Into<String>) -> PrintError {
        PrintError::Queue {
            queue: self.queue.clone(),
            reason: reason.into(),
        }
    }

    /// Is the queue accepting and printing? (`lpstat -p QUEUE`: "disabled" means stopped.)
    pub fn check(&self) -> Result<(), PrintError> {
        let out = Command::new(&self.lpstat)
            .args(["-p", &self.queue])
            .output()
            .map_err(|e| self.fail(format!("lpstat: {e}")))?;
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            return Err(self.fail(text.trim().to_string()));
        }
        if text.contains("disabled") || text.contains("Paused") || text.contains("media-empty") {
            return Err(self.fail(text.trim().to_string()));
        }
        Ok(())
    }
}

impl Printer for CupsPrinter {
    fn use_messages(&self, messages: &'static crate::i18n::Messages) {
        self.labels.set(messages);
    }

    fn print(&self, job: &PrintJob) -> Result<Vec<PathBuf>, PrintError> {
        self.check()?;
        let documents = render(job, self.paper, self.labels.get())?;
        crate::store::private_dir(&self.staging).map_err(|e| self.fail(e.to_string()))?;
        let mut files = Vec::new();
        for (name, bytes) in documents {
            let path = self.staging.join(&name);
            std::fs::write(&path, bytes).map_err(|e| self.fail(e.to_string()))?;
            let out = Command::new(&self.lp)
                .args(["-d", &self.queue, "-t", &name])
                .arg(&path)
                .output()
                .map_err(|e| self.fail(format!("lp: {e}")))?;
            // What was handed over is not kept here: CUPS has its own copy.
            let _ = std::fs::remove_file(&path);
            if !out.status.success() {
                return Err(self.fail(String::from_utf8_lossy(&out.stderr).trim().to_string()));
            }
            files.push(PathBuf::from(format!("{}:{name}", self.queue)));
        }
        Ok(files)
    }
}
