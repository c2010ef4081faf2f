//! The spool printer: each document written atomically to a directory (temp file, fsync,
//! rename), so a crash never leaves half a boarding pass; the oldest files are removed beyond a
//! configured count, so printed passenger data does not pile up.

use super::{Labels, Paper, PrintError, Printer, render};
use crate::checkin::PrintJob;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct SpoolPrinter {
    dir: PathBuf,
    /// Most files kept; `None` keeps everything (rehearsals with `--out`).
    keep: Option<usize>,
    /// The oldest a kept file may be.
    max_age: Option<std::time::Duration>,
    paper: Paper,
    labels: Labels,
}

impl SpoolPrinter {
    pub fn new(dir: impl Into<PathBuf>, keep: Option<usize>, paper: Paper) -> Self {
        SpoolPrinter {
            dir: dir.into(),
            keep,
            max_age: None,
            paper,
            labels: Labels::default(),
        }
    }

    /// Files older than `age` go as well (checked now and at every print): printed passenger
    /// data does not wait overnight for the next passenger.
    pub fn keeping_for(mut self, age: std::time::Duration) -> Self {
        self.max_age = Some(age);
        if let Err(e) = self.prune() {
            tracing::debug!(error = %e, "the spool could not be cleaned");
        }
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn write_atomically(&self, name: &str, contents: &[u8]) -> std::io::Result<PathBuf> {
        let path = self.dir.join(name);
        let tmp = self.dir.join(format!(".{name}.tmp"));
        {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(contents)?;
            f.sync_all()?;
        }
        fs::rename(&tmp, &path)?;
        if let Ok(d) = fs::File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(path)
    }

    fn prune(&self) -> std::io::Result<()> {
        let Some(keep) = self.keep else {
            return Ok(());
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&self.dir)?
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
            .collect();
        files.sort();
        let now = std::time::SystemTime::now();
        let too_many = files.len().saturating_sub(keep);
        for (i, (modified, path)) in files.iter().enumerate() {
            let too_old = self
                .max_age
                .is_some_and(|age| now.duration_since(*modified).is_ok_and(|d| d > age));
            if i < too_many || too_old {
                fs::remove_file(path)?;
            }
        }
        Ok(())
    }
}

impl Printer for SpoolPrinter {
    fn use_messages(&self, messages: &'static crate::i18n::Messages) {
        self.labels.set(messages);
    }

    fn print(&self, job: &PrintJob) -> Result<Vec<PathBuf>, PrintError> {
        let err = |source| PrintError::Spool {
            dir: self.dir.clone(),
            source,
        };
        let documents = render(job, self.paper, self.labels.get())?;
        crate::store::private_dir(&self.dir).map_err(err)?;
        let mut files = Vec::new();
        for (name, bytes) in documents {
            files.push(self.write_atomically(&name, &bytes).map_err(err)?);
        }
        self.prune().map_err(err)?;
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spool keeps the newest files, and none older than its age limit, even when nothing
    /// prints for a night.
    #[test]
    fn old_passes_leave_the_spool_even_when_nothing_prints() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, age_secs: u64| {
            let path = dir.path().join(name);
            fs::write(&path, b"%PDF").unwrap();
            let f = fs::File::options().write(true).open(&path).unwrap();
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(age_secs))
                .unwrap();
        };
        write("boarding-pass-yesterday.pdf", 8 * 3600);
        write("boarding-pass-now.pdf", 60);
        let _spool = SpoolPrinter::new(dir.path(), Some(12), Paper::Atb)
            .keeping_for(std::time::Duration::from_secs(3600));
        let left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(left, ["boarding-pass-now.pdf"]);
    }
}
