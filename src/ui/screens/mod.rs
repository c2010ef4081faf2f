//! One module per screen, each with its own `State`, its `Message` (what the passenger can do
//! there), and the [`Part`] it is to the shell: how it starts, what its taps and keys do, how it
//! is drawn. [`Screen`] is the screen of the passenger's step (or of the engine's exception),
//! built from the engine when the step changes ([`Screen::enter`]); the frame around it (bars,
//! Help, prompts) is `frame`'s.
//!
//! A new screen is a module with a `State` that implements [`Part`] and one line in the list
//! below (and its step in the engine, and its texts in the locales).

use super::draw::{Brand, Draw, El, Msg, Outcome, Tap};
use super::input::{Field, KeyPress, Typed};
pub use super::part::Entry;
use super::part::{Part, Scene};
use crate::checkin::{Effect, Engine, Event, IdentifyMethod, Step};

screens! {
    Welcome(welcome) for Welcome,
    Identify(identify) for Identify,
    /// With what was typed on Identify, there again after Back.
    Greeting(greeting<identify::State>) for Greeting,
    CheckedIn(checked_in) for CheckedIn,
    Documents(documents) for Documents,
    Seats(seats) for Seats,
    Bags(bags) for Bags,
    DangerousGoods(dangerous_goods) for DangerousGoods,
    Review(review) for Review,
    Printing(printing) for Printing,
    Feedback(feedback) for Feedback,
    Goodbye(goodbye) for Goodbye,
}

pub mod exception;

/// Declares the screens, `Variant(module) for Step`: the module, its variant of [`Screen`] and
/// of [`Message`], and how the shell's calls reach it. `module<T>`: its `State` holds a `T` it
/// knows nothing of (Greeting, the Identify that Back returns to).
macro_rules! screens {
    ($($(#[$doc:meta])* $name:ident($module:ident $(<$back:ty>)?) for $step:ident,)*) => {
        $(pub mod $module;)*

        /// The screen shown, with what it holds of its own.
        #[derive(Debug)]
        pub enum Screen {
            $($(#[$doc])* $name($module::State$(<$back>)?),)*
            /// The engine met an exception on the screen it holds (what was typed there is
            /// still there when the passenger tries again).
            Exception(Box<Screen>, exception::State),
        }

        /// A tap on a screen, for that screen.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Message {
            $($name(<$module::State$(<$back>)? as Part>::Message),)*
            /// One every screen has: an engine event, a scroll (the exception screen's
            /// buttons are all of these).
            Every(Tap),
        }

        impl Msg for Message {
            fn engine(event: Event) -> Self {
                Message::Every(Tap::Go(event))
            }
            fn scrolled() -> Self {
                Message::Every(Tap::Scrolled)
            }
        }

        impl Message {
            /// A screen's own message, or one every screen has: an engine event a button
            /// stands for, or a scroll.
            pub fn sort(self) -> Sorted {
                match self {
                    $(Message::$name(m) => match m.common() {
                        Ok(tap) => Sorted::Every(tap),
                        Err(own) => Sorted::Own(Message::$name(own)),
                    },)*
                    Message::Every(tap) => Sorted::Every(tap),
                }
            }
        }

        impl Screen {
            /// The screen of the engine's step as it starts.
            fn fresh(engine: &Engine, entry: &Entry) -> Screen {
                match engine.session().step {
                    $(Step::$step => Screen::$name(Part::enter(engine, entry)),)*
                }
            }

            /// The step the screen is for.
            pub fn step(&self) -> Step {
                match self {
                    $(Screen::$name(_) => Step::$step,)*
                    Screen::Exception(under, _) => under.step(),
                }
            }

            /// Is this the screen of the engine's step (and way to identify)?
            fn fits(&self, engine: &Engine) -> bool {
                match self {
                    $(Screen::$name(s) => engine.session().step == Step::$step && s.fits(engine),)*
                    Screen::Exception(under, _) => under.fits(engine),
                }
            }

            pub fn update(&mut self, message: Message, engine: &Engine) -> Outcome {
                match (self, message) {
                    $((Screen::$name(s), Message::$name(m)) => s.update(m, engine),)*
                    (_, Message::Every(tap)) => tap.outcome(),
                    // A tap meant for a screen that is gone.
                    _ => Outcome::None,
                }
            }

            pub fn view<'a>(
                &'a self,
                engine: &'a Engine,
                brand: &'a Brand,
                d: &mut Draw<Message>,
            ) -> El<'a, Message> {
                let scene = Scene { engine, brand };
                match self {
                    $(Screen::$name(s) => part(d, Message::$name, |d| s.view(scene, d)),)*
                    Screen::Exception(_, s) => match &engine.session().exception {
                        Some(e) => part(d, Message::Every, |d| s.view(e, engine, d)),
                        None => iced::widget::Space::new().into(),
                    },
                }
            }

            /// The screen's [`Part`], for what every screen answers (an exception: nothing).
            fn ask<T>(&self, ask: impl FnOnce(&dyn Ask) -> T) -> Option<T> {
                match self {
                    $(Screen::$name(s) => Some(ask(s)),)*
                    Screen::Exception(..) => None,
                }
            }

            fn ask_mut<T>(&mut self, ask: impl FnOnce(&mut dyn Ask) -> T) -> Option<T> {
                match self {
                    $(Screen::$name(s) => Some(ask(s)),)*
                    Screen::Exception(..) => None,
                }
            }
        }
    };
}
use screens;

/// Draws a screen's part of the page under the page's messages.
fn part<'a, N: Msg, M: Msg>(
    d: &mut Draw<M>,
    wrap: fn(N) -> M,
    view: impl FnOnce(&mut Draw<N>) -> El<'a, N>,
) -> El<'a, M> {
    let mut part = d.part::<N>();
    let element = view(&mut part);
    d.adopt(part, wrap);
    element.map(wrap)
}

/// What the shell asks of any screen, whatever its messages.
trait Ask {
    fn takes_typing(&self) -> bool;
    fn press(&mut self, key: KeyPress) -> Option<KeyPress>;
    fn submit(&mut self) -> Outcome;
    fn layout(&self, engine: &Engine) -> u8;
    fn answered(&mut self, event: &Event, effects: &[Effect], engine: &Engine);
}

impl<P: Part> Ask for P {
    fn takes_typing(&self) -> bool {
        Part::takes_typing(self)
    }
    fn press(&mut self, key: KeyPress) -> Option<KeyPress> {
        Part::press(self, key)
    }
    fn submit(&mut self) -> Outcome {
        Part::submit(self)
    }
    fn layout(&self, engine: &Engine) -> u8 {
        Part::layout(self, engine)
    }
    fn answered(&mut self, event: &Event, effects: &[Effect], engine: &Engine) {
        Part::answered(self, event, effects, engine)
    }
}

/// A screen's message, sorted: its own, or one every screen has.
pub enum Sorted {
    Own(Message),
    Every(Tap),
}

impl Screen {
    /// The screen for the engine's step now; `previous` hands on what outlives its screen
    /// (what was typed on Identify, through an exception or another way to identify; the
    /// language a passport's holder is offered on Greeting).
    pub fn enter(engine: &Engine, previous: Screen, entry: &Entry) -> Screen {
        let s = engine.session();
        match previous {
            // Back from an exception: the screen it interrupted, afresh.
            Screen::Exception(under, _) if s.exception.is_none() => {
                Screen::for_step(engine, *under, entry)
            }
            // An exception over the screen of its step.
            Screen::Exception(under, _) if under.fits(engine) => {
                Screen::Exception(under, exception::State)
            }
            previous if s.exception.is_some() && previous.fits(engine) => {
                Screen::Exception(Box::new(previous), exception::State)
            }
            previous if s.exception.is_some() => {
                let under = Screen::for_step(engine, previous, entry);
                Screen::Exception(Box::new(under), exception::State)
            }
            previous => Screen::for_step(engine, previous, entry),
        }
    }

    /// The screen of the engine's step (whatever the exception), with what the screen before
    /// hands on to it.
    fn for_step(engine: &Engine, previous: Screen, entry: &Entry) -> Screen {
        let s = engine.session();
        let previous = match previous {
            Screen::Exception(under, _) => *under,
            previous => previous,
        };
        match (s.step, previous) {
            // Another way to identify keeps what was typed; the cursor goes to its first field.
            (Step::Identify, Screen::Identify(old)) => Screen::Identify(old.switched(s.method)),
            (
                Step::Identify,
                Screen::Greeting(greeting::State {
                    back: Some(old), ..
                }),
            ) => Screen::Identify(identify::State {
                offer: None,
                ..old.switched(s.method)
            }),
            // Greeting offers the language a passport's holder may prefer, and keeps the
            // typing for Back.
            (Step::Greeting, Screen::Identify(identify)) => Screen::Greeting(greeting::State {
                offer: identify.offer.clone(),
                back: Some(identify),
            }),
            _ => Screen::fresh(engine, entry),
        }
    }

    /// Is this still the engine's screen? A new step, the end of an exception or another
    /// way to identify makes a new one.
    pub fn is_current(&self, engine: &Engine) -> bool {
        match self {
            Screen::Exception(under, _) => {
                engine.session().exception.is_some() && under.fits(engine)
            }
            _ => engine.session().exception.is_none() && self.fits(engine),
        }
    }

    /// What the engine made of an event this screen sent: `effects` are what it asked for.
    pub fn answered(&mut self, event: &Event, effects: &[Effect], engine: &Engine) {
        self.ask_mut(|s| s.answered(event, effects, engine));
    }

    /// What distinguishes this screen's sets of buttons (the seat list from the map, a
    /// comment being written): another set, and the keyboard's focus starts afresh.
    pub fn layout(&self, engine: &Engine) -> u8 {
        self.ask(|s| s.layout(engine)).unwrap_or(0)
    }

    // ---- typing from a keyboard or scanner ----

    /// Does typed text go into a field of this screen now?
    pub fn takes_typing(&self) -> bool {
        self.ask(|s| s.takes_typing()).unwrap_or(false)
    }

    /// A key typed into the field of this screen; the key as typed, for speech to echo, or
    /// `None` when the screen takes no typing.
    pub fn press(&mut self, key: KeyPress) -> Option<KeyPress> {
        self.ask_mut(|s| s.press(key)).flatten()
    }

    /// Enter with nothing focused: the screen's own action (Find, Send).
    pub fn submit(&mut self) -> Outcome {
        self.ask_mut(|s| s.submit()).unwrap_or_default()
    }

    /// What a scanner's line may have to undo: the typing as it is now.
    pub fn typing(&self) -> Option<(Typed, Option<Field>)> {
        match self {
            Screen::Identify(state) => Some((state.typed.clone(), state.field)),
            _ => None,
        }
    }

    /// Puts the typing back as it was before a scanner's line.
    pub fn restore(&mut self, typing: (Typed, Option<Field>)) {
        if let Screen::Identify(state) = self {
            (state.typed, state.field) = typing;
        }
    }

    /// What was typed, for tests: the fields of Identify, the comment of Feedback.
    pub fn typed(&self) -> Typed {
        match self {
            Screen::Identify(state) => state.typed.clone(),
            Screen::Feedback(state) => Typed {
                comment: state.comment.clone(),
                ..Typed::default()
            },
            _ => Typed::default(),
        }
    }

    /// After a passport scan on Identify: the language its holder is offered on Greeting.
    pub fn offer_language(&mut self, locale: Option<String>) {
        if let Screen::Identify(state) = self {
            state.offer = locale;
        }
    }

    /// Where the seat map is to be scrolled now, if anywhere.
    pub fn seat_scroll_to(&mut self, engine: &Engine) -> Option<f32> {
        match self {
            Screen::Seats(state) => state.scroll_to(engine),
            _ => None,
        }
    }

    pub fn welcome_locale(&self) -> Option<&str> {
        match self {
            Screen::Welcome(state) => Some(&state.locale),
            _ => None,
        }
    }

    /// The Identify method whose fields show (tests).
    pub fn method(&self) -> Option<IdentifyMethod> {
        match self {
            Screen::Identify(state) => Some(state.method),
            _ => None,
        }
    }
}
