//! Printing: what a check-in hands the passenger, and the printers that produce it.
//!
//! Until the printing issue brings IATA 792 boarding passes and bag tags as PDFs, documents are
//! plain-text slips (`.txt`) carrying the same data, written to a spool directory.

pub mod bcbp;
mod spool;
mod text;

pub use spool::SpoolPrinter;
pub use text::{bag_tag_text, boarding_pass_text};

use crate::checkin::PrintJob;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum PrintError {
    #[error("the spool directory {} cannot be written: {source}", dir.display())]
    Spool {
        dir: PathBuf,
        source: std::io::Error,
    },
}

/// Anything that turns a print job into paper (or files standing in for it).
pub trait Printer: Send + Sync {
    /// Prints every document of the job; returns the files produced.
    fn print(&self, job: &PrintJob) -> Result<Vec<PathBuf>, PrintError>;
}
