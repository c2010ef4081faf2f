//! What a screen is to the shell ([`Part`]): its own state and messages, how it starts when
//! the engine's step comes to it, what its taps and keys do, and how it is drawn. A screen
//! module implements it for its `State`; `screens` lists the screens, one line each.

use super::draw::{Brand, Draw, El, Msg, Outcome};
use super::input::KeyPress;
use crate::checkin::{Effect, Engine, Event};

/// What a new screen is entered with, besides the engine.
pub struct Entry {
    /// The language Welcome shows.
    pub welcome_locale: String,
    /// Speech mode is on (the seats are read as a list).
    pub speaking: bool,
}

/// What a screen is drawn from: the engine's session and the operator's brand.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    pub engine: &'a Engine,
    pub brand: &'a Brand,
}

/// A screen. Only `enter` and `view` are a screen's own to write; the rest has the answer of
/// a screen that takes no typing and whose buttons stand for engine events.
pub trait Part: Sized + std::fmt::Debug {
    /// What the passenger can do on it.
    type Message: Msg + PartialEq;

    /// The screen as it starts, when the engine's step comes to it.
    fn enter(engine: &Engine, entry: &Entry) -> Self;

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Self::Message>) -> El<'a, Self::Message>;

    /// A tap on it.
    fn update(&mut self, message: Self::Message, _engine: &Engine) -> Outcome {
        match message.common() {
            Ok(tap) => tap.outcome(),
            Err(_) => Outcome::None,
        }
    }

    /// Is it still the screen of its step (Identify: of the way to identify)?
    fn fits(&self, _engine: &Engine) -> bool {
        true
    }

    /// Does typed text go into a field of it now?
    fn takes_typing(&self) -> bool {
        false
    }

    /// A key typed into its field; the key as typed, for speech to echo, or `None` when it
    /// takes no typing.
    fn press(&mut self, _key: KeyPress) -> Option<KeyPress> {
        None
    }

    /// Enter with nothing focused: its own action (Find, Send).
    fn submit(&mut self) -> Outcome {
        Outcome::None
    }

    /// What distinguishes its sets of buttons (the seat list from the map): another set, and
    /// the keyboard's focus starts afresh.
    fn layout(&self, _engine: &Engine) -> u8 {
        0
    }

    /// What the engine made of an event it sent: `effects` are what the engine asked for.
    fn answered(&mut self, _event: &Event, _effects: &[Effect], _engine: &Engine) {}
}
