//! A CUPS queue: documents handed to `lp -d QUEUE`, the queue's state read from `lpstat -l -p`
//! (in the C locale, so its words are the same on every kiosk). Any failure (the queue stopped
//! or missing, paper out or jammed, a door open, `lp` refusing, a program that does not answer
//! within [`COMMAND_TIMEOUT`]) is a printer failure the engine knows: staff are paged and the
//! kiosk shows itself out of service until it prints again.

use super::{Labels, Paper, PrintError, Printer, render};
use crate::checkin::PrintJob;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// How long `lp` or `lpstat` may take (a hung cupsd must not hang the kiosk).
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(15);

/// Printer state reasons (IPP `printer-state-reasons`, as `lpstat -l` lists them under
/// "Alerts:") that mean the printer cannot print now. Any reason ending in `-error` counts too;
/// `-warning` and `-report` (paper low) do not.
const CANNOT_PRINT: &[&str] = &[
    "media-empty",
    "media-jam",
    "media-needed",
    "door-open",
    "cover-open",
    "offline",
    "paused",
    "shutdown",
    "marker-supply-empty",
    "toner-empty",
    "input-tray-missing",
    "output-area-full",
];

/// Runs a CUPS program in the C locale, killing it after `timeout`.
fn run(mut command: Command, timeout: Duration) -> std::io::Result<Output> {
    let child = command
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(timeout) {
        Ok(output) => output,
        Err(_) => {
            #[cfg(unix)]
            // SAFETY: kill sends a signal to the child we started; nothing else is touched.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
            let _ = pid;
            Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("no answer within {} s", timeout.as_secs()),
            ))
        }
    }
}

/// The reasons in `lpstat -l -p` output that stop printing.
pub fn stopping_reasons(lpstat: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in lpstat.lines() {
        let line = line.trim();
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("printer ") && lower.contains(" disabled") {
            found.push("disabled".to_string());
        }
        let Some(alerts) = line.strip_prefix("Alerts:") else {
            continue;
        };
        for reason in alerts
            .split([' ', ','])
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            if reason.ends_with("-warning") || reason.ends_with("-report") || reason == "none" {
                continue;
            }
            let bare = reason.trim_end_matches("-error");
            if reason.ends_with("-error") || CANNOT_PRINT.contains(&bare) {
                found.push(reason.to_string());
            }
        }
    }
    found
}

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

    /// Is the queue accepting and printing? (`lpstat -l -p QUEUE`: disabled, or an alert
    /// such as `media-empty` or `media-jam`, means it cannot.)
    pub fn check(&self) -> Result<(), PrintError> {
        let mut command = Command::new(&self.lpstat);
        command.args(["-l", "-p", &self.queue]);
        let out = run(command, COMMAND_TIMEOUT).map_err(|e| self.fail(format!("lpstat: {e}")))?;
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            return Err(self.fail(text.trim().to_string()));
        }
        let reasons = stopping_reasons(&text);
        if !reasons.is_empty() {
            return Err(self.fail(format!("the printer cannot print: {}", reasons.join(", "))));
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
            let mut command = Command::new(&self.lp);
            command.args(["-d", &self.queue, "-t", &name]).arg(&path);
            let out = run(command, COMMAND_TIMEOUT);
            let out = out.map_err(|e| {
                let _ = std::fs::remove_file(&path);
                self.fail(format!("lp: {e}"))
            })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lpstat_alerts_that_stop_printing_are_found_and_warnings_are_not() {
        let idle = "printer kiosk is idle.  enabled since Wed 02 Dec 2026 08:00:00 AM UTC\n\
                    \tAlerts: none\n\tDescription: Boarding passes\n";
        assert!(stopping_reasons(idle).is_empty());
        let low = "printer kiosk is idle.  enabled since Wed 02 Dec 2026\n\tAlerts: media-low-report marker-supply-low-warning\n";
        assert!(stopping_reasons(low).is_empty(), "paper low still prints");
        let empty =
            "printer kiosk is idle.  enabled since Wed 02 Dec 2026\n\tAlerts: media-empty-error\n";
        assert_eq!(stopping_reasons(empty), ["media-empty-error"]);
        let jam = "printer kiosk now printing kiosk-12.\n\tAlerts: media-jam cover-open\n";
        assert_eq!(stopping_reasons(jam), ["media-jam", "cover-open"]);
        let stopped = "printer kiosk disabled since Wed 02 Dec 2026 -\n\treason unknown\n";
        assert_eq!(stopping_reasons(stopped), ["disabled"]);
    }
}
