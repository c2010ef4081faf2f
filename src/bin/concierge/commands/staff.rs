//! `concierge staff`: staff mode on the kiosk.

use crate::app;
use anyhow::Result;
use std::process::ExitCode;

/// `concierge staff hash-pin`: a PIN read from standard input, hashed for `[[staff]] pin_hash`.
pub fn hash_pin() -> Result<ExitCode> {
    let pin = app::read_secret("PIN: ")?;
    if pin.len() < 4 || !pin.bytes().all(|b| b.is_ascii_digit()) {
        eprintln!("concierge staff hash-pin: a PIN is 4 or more digits");
        return Ok(ExitCode::from(1));
    }
    let hash = concierge::secret::hash(&pin)?;
    println!("{hash}");
    Ok(ExitCode::SUCCESS)
}
