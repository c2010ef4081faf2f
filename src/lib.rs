//! Concierge: a self-service check-in kiosk for airlines.
//!
//! The library holds everything a test can call without a window: the check-in engine
//! ([`checkin`]), the airline's data ([`domain`], [`dcs`]), the operator's configuration
//! ([`config`]), printing ([`print`]) and the runtime that performs the engine's effects
//! ([`runtime`]). The GUI ([`ui`]) and `main.rs` sit on top.

pub mod bcbp;
pub mod checkin;
pub mod config;
pub mod cuss2;
pub mod dcs;
pub mod desk;
pub mod documents;
pub mod domain;
pub mod fleet;
pub mod headless;
pub mod help;
pub mod i18n;
pub mod logs;
pub mod metrics;
pub mod net;
pub mod notify;
pub mod print;
pub mod publish;
pub mod report;
pub mod runtime;
pub mod secret;
pub mod speech;
pub mod staff;
pub mod store;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
pub mod wallet;

use std::path::PathBuf;

/// Where the kiosk keeps its files (the embedded airline, the spool): `--data-dir`, else
/// `$XDG_DATA_HOME/concierge`, else `~/.local/share/concierge`.
pub fn default_data_dir() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("concierge")
}
