//! Concierge: a self-service check-in kiosk for airlines.
//!
//! The library holds everything a test can call without a window: the check-in engine
//! ([`checkin`]), the airline's data ([`domain`], [`dcs`]), the operator's configuration
//! ([`config`]), printing ([`print`]) and the runtime that performs the engine's effects
//! ([`runtime`]). The GUI ([`ui`]) and `main.rs` sit on top.

pub mod checkin;
pub mod config;
pub mod domain;
