//! The check-in engine: the whole passenger path as a pure state machine.
//!
//! [`Engine::handle`] takes the time and an [`Event`] (a tap, a scan, an answer from the airline
//! system or the printer, a tick of the clock) and returns [`Effect`]s for a runtime to perform
//! (look up a booking, assign seats, check in, print, page staff). It does no I/O, reads no clock
//! and knows no screen: the GUI and the headless `concierge checkin` drive the same engine.

mod engine;
mod flow;
mod types;

pub use engine::{Engine, Session};
pub use types::*;

use chrono::TimeDelta;

/// The passenger's path, in order. Operators may switch some steps off (see [`Settings`]);
/// the dangerous-goods acknowledgement is never skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Welcome,
    Identify,
    Greeting,
    /// A passenger already checked in: print the passes again, add bags, change a seat.
    CheckedIn,
    Documents,
    Seats,
    Bags,
    DangerousGoods,
    Review,
    Printing,
    Feedback,
    Goodbye,
}

impl Step {
    /// The whole path in order. A session takes it less the steps the operator switched off
    /// ([`Engine::path`]); every other list of steps (the screens' "Step n of m", Back, the
    /// report's funnel) is derived from it.
    pub const PATH: [Step; 12] = [
        Step::Welcome,
        Step::Identify,
        Step::Greeting,
        Step::CheckedIn,
        Step::Documents,
        Step::Seats,
        Step::Bags,
        Step::DangerousGoods,
        Step::Review,
        Step::Printing,
        Step::Feedback,
        Step::Goodbye,
    ];

    /// The passenger's own steps, Identify to Printing: those "Step n of m" counts and the
    /// report's funnel follows. Checked-in is a choice of ways, not a step of one.
    pub fn is_numbered(self) -> bool {
        Step::Identify <= self && self <= Step::Printing && self != Step::CheckedIn
    }

    /// Steps Back leads out of: to the step before (from Identify, back to Welcome). Not from
    /// Printing on, where the check-in is done.
    pub fn has_back(self) -> bool {
        Step::Identify <= self && self <= Step::Review
    }

    /// A stable code for pages, logs and metrics.
    pub fn code(self) -> &'static str {
        match self {
            Step::Welcome => "welcome",
            Step::Identify => "identify",
            Step::Greeting => "greeting",
            Step::CheckedIn => "checked_in",
            Step::Documents => "documents",
            Step::Seats => "seats",
            Step::Bags => "bags",
            Step::DangerousGoods => "dangerous_goods",
            Step::Review => "review",
            Step::Printing => "printing",
            Step::Feedback => "feedback",
            Step::Goodbye => "goodbye",
        }
    }
}

/// When travel documents are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentsStep {
    /// When any leg crosses a border.
    International,
    Always,
    Never,
}

/// The shortest "Need more time?" countdown allowed: a passenger must have time to read it.
pub const MIN_WARNING: std::time::Duration = std::time::Duration::from_secs(20);

/// What the engine needs from the operator's configuration (`config` builds it from a
/// config file: `Settings::from(&Config)`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub kiosk_airport: Option<String>,
    /// A bag-drop station: passengers already checked in print bag tags, nothing else.
    pub bag_drop: bool,
    pub idle: TimeDelta,
    /// While a help request is open: the passenger may be waiting for an agent, so "Need more
    /// time?" comes later, but it comes (a passenger who walked away leaves nothing open).
    pub idle_with_help: TimeDelta,
    pub warning: TimeDelta,
    pub goodbye: TimeDelta,
    pub documents: DocumentsStep,
    pub seats: bool,
    pub bags: bool,
    pub feedback: bool,
    pub staff_ssrs: Vec<String>,
    pub assistance_ssrs: Vec<String>,
    pub max_bags: u8,
    /// Passes printed again per passenger before an agent must do it (`[checkin] max_reprints`).
    pub max_reprints: u8,
    /// A QR for each boarding pass opens it on the passenger's phone (`[phone_pass]`, with a
    /// desk to serve the links).
    pub phone_passes: bool,
    pub attempts_before_help: u8,
    pub page_first_name: bool,
    /// Entry rules per destination country.
    pub document_rules: Vec<crate::documents::DocumentRule>,
}

#[cfg(test)]
mod tests;
