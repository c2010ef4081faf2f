//! CUSS 2: Concierge as an application on the airport's common-use kiosks, and an open
//! simulator of the platform to test against. [`wire`] is the protocol's messages,
//! [`client`] the kiosk's side of the WebSocket, [`sim`] the platform's.

pub mod client;
pub mod printer;
pub mod sim;
pub mod voice;
pub mod wire;

pub use client::{Cuss2Error, Link, News, Platform, Printer, Settings};
