//! One file per screen: each adds its view (and what only it needs) to [`Kiosk`]. The frame
//! around them (bars, Help, prompts) and the helpers they share are in `view`.

mod documents;
mod greeting;
mod identify;
pub(super) use identify::method_label;
mod seats;
mod welcome;
pub(super) use seats::SEAT_SCROLL;
mod bags;
pub mod dangerous_goods;
mod exception;
pub mod feedback;
mod goodbye;
mod printing;
mod review;

use super::{El, Kiosk};
use crate::checkin::Step;

impl Kiosk {
    /// The screen of the passenger's step.
    pub(super) fn screen(&self) -> El<'_> {
        match self.engine.session().step {
            Step::Welcome => self.welcome(),
            Step::Identify => self.identify(),
            Step::Greeting => self.greeting(),
            Step::Documents => self.documents(),
            Step::Seats => self.seats(),
            Step::Bags => self.bags(),
            Step::DangerousGoods => self.dangerous_goods(),
            Step::Review => self.review(),
            Step::Printing => self.printing(),
            Step::Feedback => self.feedback(),
            Step::Goodbye => self.goodbye(),
        }
    }
}
