//! What the kiosk's update hears, nested by where it comes from: a screen, the frame around
//! it, an engine event a button stands for, staff mode, keys, the work off the screen, the
//! window and the clock; and, apart from production, the screenshot tour and the start-up
//! probe. The functions below name a tap as a test or the tour sends it.

use super::frame;
use super::input::{Field, Key, KeyPress};
use super::screens::{self, bags, feedback, greeting, identify, seats, welcome};
use super::staff;
use crate::checkin::Event;
use crate::domain::{PassengerId, Seat};
use iced::keyboard;

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A tap on the screen, for the screen.
    Screen(screens::Message),
    /// A tap on the frame around it (the bars, the prompts, Help's banner).
    Frame(frame::Message),
    /// A button that stands for an engine event, wherever it is.
    Engine(Event),
    Staff(staff::Message),
    Input(Input),
    Effect(Work),
    System(System),
    /// News from the airport's CUSS 2 platform.
    Device(crate::cuss2::News),
    /// The screenshot tour (not at an airport: `run --tour`).
    Tour(TourMessage),
    /// The start-up probe (not at an airport: `run --startup-probe`).
    Probe(Probe),
}

/// Keys.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A key as the keyboard (or the keypad's USB interface) sent it, before the keypad map.
    Keyboard(keyboard::Event),
    Key(Key),
}

/// The engine's slow effects, performed away from the screen's thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Work {
    /// Perform the next effect the engine asked for.
    Next,
    /// The answer to the effect that was out (`None`: it had none).
    Answer(Option<Box<Event>>),
}

/// The clock, the window and the renderer.
#[derive(Debug, Clone, PartialEq)]
pub enum System {
    Tick,
    /// The window's size, once known and whenever it changes (in the kiosk's own units, as
    /// iced reports it under the panel's scale).
    Resized(iced::Size),
    /// The size of the panel the kiosk fills, in pixels: it sets the scale (see
    /// [`super::theme::panel_scale`]).
    Panel(iced::Size),
    /// A list or the seat map was scrolled (the whole frame is drawn afresh).
    Scrolled,
    /// From a screen drawn only to warm the renderer (see `warm`): nothing.
    Unseen,
    /// A frame was drawn while the unseen screens were there: they have done their work.
    WarmDrawn,
}

/// What moves the tour on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TourMessage {
    /// The tour's clock: on to the next stop (or its picture).
    Next,
    /// Show the idle prompt (the tour moves the kiosk's clock on).
    Idle,
    /// A picture was saved.
    Shot,
}

/// What the start-up probe hears (`run --startup-probe`, see `scripts/measure-kiosk.sh`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// A frame is about to be drawn.
    Frame,
    /// The picture of the first frame is back: it was painted.
    Painted,
}

impl Message {
    /// A screen's message as the page sends it: its engine events and scrolls are every
    /// screen's, the rest its own.
    pub fn from_screen(message: screens::Message) -> Message {
        match message.sort() {
            screens::Sorted::Own(own) => Message::Screen(own),
            screens::Sorted::Every(super::draw::Tap::Go(event)) => Message::Engine(event),
            screens::Sorted::Every(super::draw::Tap::Scrolled) => Message::System(System::Scrolled),
        }
    }

    /// The frame's message as the page sends it.
    pub fn from_frame(message: frame::Message) -> Message {
        match message {
            frame::Message::Go(event) => Message::Engine(event),
            frame::Message::Scrolled => Message::System(System::Scrolled),
            own => Message::Frame(own),
        }
    }

    // ---- taps by name (tests, the tour, benches) ----

    pub fn tick() -> Message {
        Message::System(System::Tick)
    }
    pub fn scrolled() -> Message {
        Message::System(System::Scrolled)
    }
    pub fn unseen() -> Message {
        Message::System(System::Unseen)
    }
    pub fn warm_drawn() -> Message {
        Message::System(System::WarmDrawn)
    }
    pub fn panel(size: iced::Size) -> Message {
        Message::System(System::Panel(size))
    }
    pub fn resized(size: iced::Size) -> Message {
        Message::System(System::Resized(size))
    }
    pub fn key(key: Key) -> Message {
        Message::Input(Input::Key(key))
    }
    pub fn keyboard(event: keyboard::Event) -> Message {
        Message::Input(Input::Keyboard(event))
    }
    pub fn language(locale: impl Into<String>) -> Message {
        Message::Screen(screens::Message::Welcome(welcome::Message::Language(
            locale.into(),
        )))
    }
    pub fn start() -> Message {
        Message::Screen(screens::Message::Welcome(welcome::Message::Start))
    }
    pub fn switch_language(locale: impl Into<String>) -> Message {
        Message::Screen(screens::Message::Greeting(
            greeting::Message::SwitchLanguage(locale.into()),
        ))
    }
    pub fn keypad(key: KeyPress) -> Message {
        Message::Screen(screens::Message::Identify(identify::Message::Keypad(key)))
    }
    pub fn select_field(field: Field) -> Message {
        Message::Screen(screens::Message::Identify(identify::Message::SelectField(
            field,
        )))
    }
    pub fn find() -> Message {
        Message::Screen(screens::Message::Identify(identify::Message::Find))
    }
    pub fn seat_for(passenger: PassengerId) -> Message {
        Message::Screen(screens::Message::Seats(seats::Message::SeatFor(passenger)))
    }
    pub fn seat(seat: Seat) -> Message {
        Message::Screen(screens::Message::Seats(seats::Message::Seat(seat)))
    }
    pub fn seat_list(list: bool) -> Message {
        Message::Screen(screens::Message::Seats(seats::Message::SeatList(list)))
    }
    pub fn bags(passenger: PassengerId, delta: i8) -> Message {
        Message::Screen(screens::Message::Bags(bags::Message::Change(
            passenger, delta,
        )))
    }
    pub fn write_comment() -> Message {
        Message::Screen(screens::Message::Feedback(feedback::Message::WriteComment))
    }
    pub fn comment_script(own: bool) -> Message {
        Message::Screen(screens::Message::Feedback(
            feedback::Message::CommentScript(own),
        ))
    }
    pub fn comment_key(key: KeyPress) -> Message {
        Message::Screen(screens::Message::Feedback(feedback::Message::Keypad(key)))
    }
    pub fn send_comment() -> Message {
        Message::Screen(screens::Message::Feedback(feedback::Message::SendComment))
    }
    pub fn larger_text() -> Message {
        Message::Frame(frame::Message::LargerText)
    }
    pub fn high_contrast() -> Message {
        Message::Frame(frame::Message::HighContrast)
    }
    pub fn ask_start_over() -> Message {
        Message::Frame(frame::Message::AskStartOver)
    }
    pub fn keep_going() -> Message {
        Message::Frame(frame::Message::KeepGoing)
    }
    pub fn continue_on_screen() -> Message {
        Message::Frame(frame::Message::ContinueOnScreen)
    }
    pub fn staff_gesture() -> Message {
        Message::Frame(frame::Message::StaffGesture)
    }
    pub fn staff_field(field: staff::StaffField) -> Message {
        Message::Staff(staff::Message::Field(field))
    }
    pub fn staff_key(key: KeyPress) -> Message {
        Message::Staff(staff::Message::Key(key))
    }
    pub fn staff_sign_in() -> Message {
        Message::Staff(staff::Message::SignIn)
    }
    pub fn staff_do(action: staff::StaffAction) -> Message {
        Message::Staff(staff::Message::Do(action))
    }
}

impl super::draw::Msg for Message {
    fn engine(event: Event) -> Self {
        Message::Engine(event)
    }
    fn scrolled() -> Self {
        Message::System(System::Scrolled)
    }
}
