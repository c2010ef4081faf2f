//! `concierge demo reset`: the demo airline as first seeded.

use crate::app::{self, DataDir};
use anyhow::Result;
use concierge::config::Config;
use std::process::ExitCode;

/// Starts the demo airline afresh: bookings, seats and check-ins as first seeded.
pub fn reset(config: &Config, data: &DataDir) -> Result<ExitCode> {
    let airline = app::embedded_airline(config, data)?;
    airline.reset(chrono::Utc::now())?;
    eprintln!("the demo airline is reset ({})", data.display());
    Ok(ExitCode::SUCCESS)
}
