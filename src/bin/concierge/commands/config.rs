//! `concierge config check`: a config file's errors and warnings, with file, line and column.

use concierge::config::{Config, ConfigError};
use std::path::Path;
use std::process::ExitCode;

/// Checks `file` (and the message files it points to): exit code 0 when the kiosk would take
/// it as it is, 1 otherwise.
pub fn check(file: &Path) -> ExitCode {
    match Config::load(file) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("warning: {w}");
            }
            // The operator's message files are part of the config: one the kiosk would leave
            // out is an error here, not a surprise at the airport. (A kiosk checks what is
            // published for it with the same checks.)
            let problems = concierge::config::published::check(&loaded);
            if !problems.is_empty() {
                for p in problems {
                    eprintln!("error: {p}");
                }
                return ExitCode::from(1);
            }
            println!("{}: ok", file.display());
            ExitCode::SUCCESS
        }
        Err(ConfigError::Invalid(diags)) => {
            for d in diags {
                eprintln!("error: {d}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
