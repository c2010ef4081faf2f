//! `concierge manpage`: the manual page, for packaging.

use crate::cli::Cli;
use anyhow::Result;
use std::process::ExitCode;

/// Writes the manual page (roff) on standard output.
pub fn print() -> Result<ExitCode> {
    use clap::CommandFactory;
    clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
    Ok(ExitCode::SUCCESS)
}
