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
    paper: Paper,
    labels: Labels,
}

impl SpoolPrinter {
    pub fn new(dir: impl Into<PathBuf>, keep: Option<usize>, paper: Paper) -> Self {
        SpoolPrinter {
            dir: dir.into(),
            keep,
            paper,
            labels: Labels::default(),
        }
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
        if files.len() <= keep {
            return Ok(());
        }
        files.sort();
        for (_, path) in &files[..files.len() - keep] {
            fs::remove_file(path)?;
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
