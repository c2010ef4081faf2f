//! The platform's printers as the kiosk's [`Printer`]: each document rendered as the spool
//! and CUPS printers have it, a PDF, and sent to the platform's boarding-pass printer (or its
//! bag-tag printer, for tags) as `DS_TYPES_PRINT_PDF`.
//!
//! Why PDF and not ITPS: the kiosk's documents are laid out once, shaped for Urdu and Arabic
//! (see `print::layout`), and the CUSS 2 printers that list `DS_TYPES_PRINT_PDF` print them as
//! they are; ITPS (the former AEA printer language) would need the layout again as pectabs,
//! without the shaping. A platform whose printers do not list PDF is told apart at start-up.
//!
//! Nothing is printed twice: when a printer stops mid-job (jammed, empty), the documents it
//! already printed are remembered, and the "try again" after staff cleared it prints only the
//! rest. A job printed whole and asked for again is a reprint: all of it prints.

use super::client::{Platform, Printer as Which};
use super::wire::{AppPayload, DataRecord, Directive, Role};
use crate::checkin::PrintJob;
use crate::print::{Labels, Paper, PrintError, Printer, render};
use std::path::PathBuf;
use std::sync::Mutex;

pub struct Cuss2Printer {
    platform: Platform,
    paper: Paper,
    labels: Labels,
    /// The job last printed, whether it finished, and which of its documents printed.
    last: Mutex<Last>,
}

#[derive(Default)]
struct Last {
    job: Option<(String, i64)>,
    finished: bool,
    printed: Vec<String>,
}

impl Cuss2Printer {
    pub fn new(platform: Platform, paper: Paper) -> Cuss2Printer {
        Cuss2Printer {
            platform,
            paper,
            labels: Labels::default(),
            last: Mutex::new(Last::default()),
        }
    }

    fn fail(which: Which, reason: impl Into<String>) -> PrintError {
        PrintError::Queue {
            queue: match which {
                Which::BoardingPass => "the CUSS boarding-pass printer".into(),
                Which::BagTag => "the CUSS bag-tag printer".into(),
            },
            reason: reason.into(),
        }
    }
}

/// Which printer a document goes to.
fn printer_for(name: &str) -> Which {
    if name.starts_with("bag-tag-") {
        Which::BagTag
    } else {
        Which::BoardingPass
    }
}

impl Printer for Cuss2Printer {
    fn print(&self, job: &PrintJob) -> Result<Vec<PathBuf>, PrintError> {
        let documents = render(job, self.paper, self.labels.get())?;
        let key = (job.booking.reference.to_string(), job.at.timestamp_millis());
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if last.job.as_ref() != Some(&key) || last.finished {
            *last = Last {
                job: Some(key),
                finished: false,
                printed: Vec::new(),
            };
        }
        let mut files = Vec::new();
        for (name, pdf) in documents {
            let which = printer_for(&name);
            let file = PathBuf::from(format!("cuss2/{name}"));
            if last.printed.contains(&name) {
                // Printed before the printer stopped: not again.
                files.push(file);
                continue;
            }
            let role = match which {
                Which::BoardingPass => Role::BoardingPassPrinter,
                Which::BagTag => Role::BagTagPrinter,
            };
            let Some(component) = self.platform.component(role) else {
                return Err(Self::fail(which, "the platform has no such printer"));
            };
            let payload = AppPayload {
                data_records: Some(vec![DataRecord::base64("DS_TYPES_PRINT_PDF", &pdf)]),
                ..Default::default()
            };
            let answer = self
                .platform
                .call(Directive::Send, Some(component), Some(payload))
                .map_err(|e| Self::fail(which, e.to_string()))?;
            let code = answer.meta.message_code;
            // Printed (paper low, say, is news, not a failure).
            if !super::wire::is_ok(&code) {
                return Err(Self::fail(which, code));
            }
            last.printed.push(name);
            files.push(file);
        }
        last.finished = true;
        Ok(files)
    }

    fn use_messages(&self, messages: &'static crate::i18n::Messages) {
        self.labels.set(messages);
    }
}
