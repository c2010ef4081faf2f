//! `concierge print-sample`: a sample boarding pass, bag tag and bag receipt, to align paper.

use crate::app::{self, DataDir};
use anyhow::Result;
use concierge::config::Config;
use std::path::Path;
use std::process::ExitCode;

/// Prints the samples on the configured printer, or to `out`; names each file printed.
pub fn print_sample(
    config: &Config,
    data: &DataDir,
    out: Option<&Path>,
    locale: &str,
) -> Result<ExitCode> {
    let locale = match locale {
        "ur" => "ur-PK".to_string(),
        other => other.to_string(),
    };
    let job = concierge::print::sample_job(&locale, chrono::Utc::now());
    let printer = app::printer(config, data, out);
    printer.use_messages(concierge::i18n::Messages::for_overrides(
        config.locales.overrides.as_deref(),
    ));
    let files = printer.print(&job)?;
    for f in files {
        println!("{}", f.display());
    }
    Ok(ExitCode::SUCCESS)
}
