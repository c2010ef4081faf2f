//! The kiosk's log: JSON lines (`tracing`), one file a day (`concierge-YYYY-MM-DD.jsonl`), the
//! oldest days removed beyond `keep_days`, and each day's file bounded in size — once full, one
//! line says so and the rest of the day's lines are dropped, so a storm of warnings can never
//! fill the disk. Nothing here knows about passengers: the code that logs never passes names,
//! booking references or document numbers (a test feeds a whole check-in through and looks).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub struct DailyLog {
    state: Mutex<State>,
}

struct State {
    dir: PathBuf,
    keep_days: u32,
    max_bytes: u64,
    day: String,
    file: Option<File>,
    written: u64,
    full: bool,
}

impl DailyLog {
    /// Logs into `dir` (created if missing).
    pub fn open(dir: &Path, keep_days: u32, max_bytes: u64) -> io::Result<DailyLog> {
        crate::store::private_dir(dir)?;
        Ok(DailyLog {
            state: Mutex::new(State {
                dir: dir.to_path_buf(),
                keep_days: keep_days.max(1),
                max_bytes,
                day: String::new(),
                file: None,
                written: 0,
                full: false,
            }),
        })
    }

    pub fn file_name(day: &str) -> String {
        format!("concierge-{day}.jsonl")
    }
}

impl State {
    fn roll(&mut self, today: &str) -> io::Result<()> {
        let path = self.dir.join(DailyLog::file_name(today));
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        self.written = file.metadata().map(|m| m.len()).unwrap_or(0);
        self.full = self.written >= self.max_bytes;
        self.file = Some(file);
        self.day = today.to_string();
        self.prune();
        Ok(())
    }

    /// Removes the oldest days beyond `keep_days`.
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut days: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .map(|n| n.to_string_lossy())
                    .is_some_and(|n| n.starts_with("concierge-") && n.ends_with(".jsonl"))
            })
            .collect();
        days.sort();
        let keep = self.keep_days as usize;
        if days.len() > keep {
            for old in &days[..days.len() - keep] {
                let _ = std::fs::remove_file(old);
            }
        }
    }
}

impl Write for &DailyLog {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
        if s.day != today || s.file.is_none() {
            s.roll(&today)?;
        }
        if s.full {
            return Ok(buf.len());
        }
        let too_much = s.written + buf.len() as u64 > s.max_bytes;
        let line: Vec<u8> = if too_much {
            s.full = true;
            format!(
                "{{\"timestamp\":\"{}\",\"level\":\"WARN\",\"fields\":{{\"message\":\"the log \
                 reached its size limit for today; lines are dropped until tomorrow\"}}}}\n",
                chrono::Utc::now().to_rfc3339()
            )
            .into_bytes()
        } else {
            buf.to_vec()
        };
        if let Some(f) = s.file.as_mut() {
            f.write_all(&line)?;
        }
        s.written += line.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match s.file.as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for DailyLog {
    type Writer = &'a DailyLog;

    fn make_writer(&'a self) -> Self::Writer {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_bounded_and_old_days_go() {
        let dir = tempfile::tempdir().unwrap();
        for old in ["2020-01-01", "2020-01-02", "2020-01-03"] {
            std::fs::write(dir.path().join(DailyLog::file_name(old)), "{}\n").unwrap();
        }
        let log = DailyLog::open(dir.path(), 2, 1000).unwrap();
        let mut w = &log;
        for _ in 0..100 {
            w.write_all(b"{\"level\":\"INFO\",\"fields\":{\"message\":\"hello\"}}\n")
                .unwrap();
        }
        let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
        let text = std::fs::read_to_string(dir.path().join(DailyLog::file_name(&today))).unwrap();
        assert!(text.len() < 1200, "bounded: {} bytes", text.len());
        assert!(text.contains("size limit"), "says why it stopped");
        assert_eq!(text.matches("size limit").count(), 1);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            vec![
                DailyLog::file_name("2020-01-03"),
                DailyLog::file_name(&today)
            ]
        );
    }
}
