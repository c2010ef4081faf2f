//! One module per screen, each with its own `State`, its `Message` (what the passenger can do
//! there), an `update` that answers with an [`Outcome`] and a `view`. [`Screen`] is the screen
//! of the passenger's step (or of the engine's exception), built from the engine when the step
//! changes ([`Screen::enter`]); the frame around it (bars, Help, prompts) is `frame`'s.

pub mod bags;
pub mod dangerous_goods;
pub mod documents;
pub mod exception;
pub mod feedback;
pub mod goodbye;
pub mod greeting;
pub mod identify;
pub mod printing;
pub mod review;
pub mod seats;
pub mod welcome;

use super::draw::{Brand, Draw, El, Msg, Outcome, Tap};
use super::input::{Field, KeyPress, Typed};
use crate::checkin::{Effect, Engine, Event, IdentifyMethod, Step};

/// The screen shown, with what it holds of its own.
#[derive(Debug)]
pub enum Screen {
    Welcome(welcome::State),
    Identify(identify::State),
    /// With what was typed on Identify, there again after Back.
    Greeting(greeting::State, Option<identify::State>),
    Documents(documents::State),
    Seats(seats::State),
    Bags(bags::State),
    DangerousGoods(dangerous_goods::State),
    Review(review::State),
    Printing(printing::State),
    Feedback(feedback::State),
    Goodbye(goodbye::State),
    /// The engine met an exception on the screen it holds (what was typed there is still
    /// there when the passenger tries again).
    Exception(Box<Screen>, exception::State),
}

/// A tap on a screen, for that screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Welcome(welcome::Message),
    Identify(identify::Message),
    Greeting(greeting::Message),
    Seats(seats::Message),
    Bags(bags::Message),
    Feedback(feedback::Message),
    /// A screen whose buttons stand for engine events alone.
    Plain(Tap),
}

impl Msg for Message {
    fn engine(event: Event) -> Self {
        Message::Plain(Tap::Go(event))
    }
    fn scrolled() -> Self {
        Message::Plain(Tap::Scrolled)
    }
}

impl Message {
    /// A screen's own message, or one every screen has: an engine event a button stands
    /// for, or a scroll.
    pub fn sort(self) -> Sorted {
        use Message as M;
        let common = match self {
            M::Welcome(welcome::Message::Go(e))
            | M::Identify(identify::Message::Go(e))
            | M::Greeting(greeting::Message::Go(e))
            | M::Seats(seats::Message::Go(e))
            | M::Bags(bags::Message::Go(e))
            | M::Feedback(feedback::Message::Go(e))
            | M::Plain(Tap::Go(e)) => Tap::Go(e),
            M::Welcome(welcome::Message::Scrolled)
            | M::Identify(identify::Message::Scrolled)
            | M::Greeting(greeting::Message::Scrolled)
            | M::Seats(seats::Message::Scrolled)
            | M::Bags(bags::Message::Scrolled)
            | M::Feedback(feedback::Message::Scrolled)
            | M::Plain(Tap::Scrolled) => Tap::Scrolled,
            own => return Sorted::Own(own),
        };
        Sorted::Every(common)
    }
}

/// A screen's message, sorted: its own, or one every screen has.
pub enum Sorted {
    Own(Message),
    Every(Tap),
}

/// What a new screen is entered with, besides the engine.
pub struct Entry {
    /// The language Welcome shows.
    pub welcome_locale: String,
    /// Speech mode is on (the seats are read as a list).
    pub speaking: bool,
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

    /// The screen of the engine's step (whatever the exception).
    fn for_step(engine: &Engine, previous: Screen, entry: &Entry) -> Screen {
        let s = engine.session();
        let previous = match previous {
            Screen::Exception(under, _) => *under,
            previous => previous,
        };
        match s.step {
            Step::Welcome => Screen::Welcome(welcome::State::new(entry.welcome_locale.clone())),
            // Another way to identify keeps what was typed; the cursor goes to its first field.
            Step::Identify => Screen::Identify(match &previous {
                Screen::Identify(old) => old.switched(s.method),
                Screen::Greeting(_, Some(old)) => identify::State {
                    offer: None,
                    ..old.switched(s.method)
                },
                _ => identify::State::new(s.method),
            }),
            Step::Greeting => match previous {
                Screen::Identify(identify) => {
                    let offer = identify.offer.clone();
                    Screen::Greeting(greeting::State { offer }, Some(identify))
                }
                _ => Screen::Greeting(greeting::State::default(), None),
            },
            Step::Documents => Screen::Documents(documents::State),
            Step::Seats => Screen::Seats(seats::State::new(entry.speaking)),
            Step::Bags => Screen::Bags(bags::State),
            Step::DangerousGoods => Screen::DangerousGoods(dangerous_goods::State),
            Step::Review => Screen::Review(review::State),
            Step::Printing => Screen::Printing(printing::State),
            Step::Feedback => Screen::Feedback(feedback::State::default()),
            Step::Goodbye => Screen::Goodbye(goodbye::State),
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

    /// Is this the screen of the engine's step (and way to identify)?
    fn fits(&self, engine: &Engine) -> bool {
        let s = engine.session();
        match self {
            Screen::Identify(state) => s.step == Step::Identify && state.method == s.method,
            Screen::Exception(under, _) => under.fits(engine),
            _ => self.step() == s.step,
        }
    }

    /// The step the screen is for.
    pub fn step(&self) -> Step {
        match self {
            Screen::Welcome(_) => Step::Welcome,
            Screen::Identify(_) => Step::Identify,
            Screen::Greeting(..) => Step::Greeting,
            Screen::Documents(_) => Step::Documents,
            Screen::Seats(_) => Step::Seats,
            Screen::Bags(_) => Step::Bags,
            Screen::DangerousGoods(_) => Step::DangerousGoods,
            Screen::Review(_) => Step::Review,
            Screen::Printing(_) => Step::Printing,
            Screen::Feedback(_) => Step::Feedback,
            Screen::Goodbye(_) => Step::Goodbye,
            Screen::Exception(under, _) => under.step(),
        }
    }

    pub fn update(&mut self, message: Message, engine: &Engine) -> Outcome {
        match (self, message) {
            (Screen::Welcome(state), Message::Welcome(m)) => state.update(m),
            (Screen::Identify(state), Message::Identify(m)) => state.update(m),
            (Screen::Greeting(state, _), Message::Greeting(m)) => state.update(m),
            (Screen::Seats(state), Message::Seats(m)) => state.update(m, engine),
            (Screen::Bags(state), Message::Bags(m)) => state.update(m, engine),
            (Screen::Feedback(state), Message::Feedback(m)) => state.update(m),
            (_, Message::Plain(tap)) => tap.outcome(),
            // A tap meant for a screen that is gone.
            _ => Outcome::None,
        }
    }

    /// What the engine made of an event this screen sent: `effects` are what it asked for.
    pub fn answered(&mut self, event: &Event, effects: &[Effect], engine: &Engine) {
        if let Screen::Seats(state) = self {
            let held = effects
                .iter()
                .any(|e| matches!(e, Effect::AssignSeats { .. }));
            state.chosen(event, held, engine);
        }
    }

    pub fn view<'a>(
        &'a self,
        engine: &'a Engine,
        brand: &'a Brand,
        d: &mut Draw<Message>,
    ) -> El<'a, Message> {
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
        match self {
            Screen::Welcome(s) => part(d, Message::Welcome, |d| s.view(engine, brand, d)),
            Screen::Identify(s) => part(d, Message::Identify, |d| s.view(engine, d)),
            Screen::Greeting(s, _) => part(d, Message::Greeting, |d| s.view(engine, d)),
            Screen::Seats(s) => part(d, Message::Seats, |d| s.view(engine, d)),
            Screen::Bags(s) => part(d, Message::Bags, |d| s.view(engine, d)),
            Screen::Feedback(s) => part(d, Message::Feedback, |d| s.view(engine, d)),
            Screen::Documents(s) => part(d, Message::Plain, |d: &mut Draw<Tap>| s.view(engine, d)),
            Screen::DangerousGoods(s) => {
                part(d, Message::Plain, |d: &mut Draw<Tap>| s.view(engine, d))
            }
            Screen::Review(s) => part(d, Message::Plain, |d: &mut Draw<Tap>| s.view(engine, d)),
            Screen::Printing(s) => part(d, Message::Plain, |d: &mut Draw<Tap>| s.view(d)),
            Screen::Goodbye(s) => part(d, Message::Plain, |d: &mut Draw<Tap>| {
                s.view(engine, brand, d)
            }),
            Screen::Exception(_, s) => match &engine.session().exception {
                Some(e) => part(d, Message::Plain, |d: &mut Draw<Tap>| s.view(e, engine, d)),
                None => iced::widget::Space::new().into(),
            },
        }
    }

    // ---- typing from a keyboard or scanner ----

    /// Does typed text go into a field of this screen now?
    pub fn takes_typing(&self) -> bool {
        match self {
            Screen::Identify(state) => state.takes_typing(),
            Screen::Feedback(state) => state.writing,
            _ => false,
        }
    }

    /// A key typed into the field of this screen (an identification is in capitals); the key
    /// as typed, for speech to echo, or `None` when the screen takes no typing.
    pub fn press(&mut self, key: KeyPress) -> Option<KeyPress> {
        match self {
            Screen::Identify(state) => {
                let key = match key {
                    KeyPress::Char(c) => KeyPress::Char(c.to_ascii_uppercase()),
                    key => key,
                };
                state.press(key);
                Some(key)
            }
            Screen::Feedback(state) if state.writing => {
                state.press(key);
                Some(key)
            }
            _ => None,
        }
    }

    /// Enter with nothing focused: the screen's own action (Find, Send).
    pub fn submit(&mut self) -> Outcome {
        match self {
            Screen::Identify(state) => state.find(),
            Screen::Feedback(state) if state.writing => {
                state.update(feedback::Message::SendComment)
            }
            _ => Outcome::None,
        }
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

    /// What distinguishes this screen's sets of buttons (the seat list from the map, a
    /// comment being written): another set, and the keyboard's focus starts afresh.
    pub fn layout(&self, engine: &Engine) -> u8 {
        let asking = engine.session().exit_question.is_some();
        match self {
            Screen::Seats(state) => state.list as u8 | (asking as u8) << 1,
            Screen::Feedback(state) => state.writing as u8,
            _ => 0,
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
