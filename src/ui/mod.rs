//! The kiosk's touchscreen GUI: iced 0.14 over the check-in engine, tiny-skia software
//! renderer by default.
//!
//! [`Kiosk`] holds the engine and what only the screen needs (typed text, keyboard focus, text
//! size, contrast). A tap becomes an engine [`Event`]; the effects that come back are performed
//! one by one through the same [`Adapters`] the headless check-in uses, each in its own
//! `Work` message so the screen repaints between them (the Printing screen shows while the
//! printer works). Nothing here reads a clock directly: tests drive time.
//!
//! Keyboard: Tab / Shift+Tab and the arrows move a focus ring over every button of the screen
//! (iced buttons take no focus, so [`Kiosk::view`] records them in order), Enter activates,
//! F1 or the keypad's Help key is the Help button. A scanner types a passport's machine-readable
//! zone or a boarding-pass barcode as lines ending in Enter; those are recognised on any screen.

pub mod fonts;
mod keypad;
mod screens;
pub mod seatmap;
mod speech;
pub mod staff;
pub mod theme;
pub mod tour;
mod view;

use crate::checkin::{Effect, Engine, Event, Identification, IdentifyMethod, Settings, Step};
use crate::config::watch::ConfigWatch;
use crate::dcs::DepartureControl;
use crate::documents::{Scan, ScanBuffer};
use crate::domain::{PassengerId, Seat, Timestamp};
use crate::help::HelpStatus;
use crate::i18n::{Direction, Messages};
use crate::print::Printer;
use crate::runtime::{Adapters, Paging};
use fluent_bundle::FluentValue;
use iced::keyboard;
use iced::{Subscription, Task};
use std::cell::RefCell;
use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;

pub type El<'a> = iced::Element<'a, Message>;

/// How long a print (or a question to the airline) may take on its thread before it counts as
/// a failure: a printer failure, or the airline system unavailable.
pub const OFF_SCREEN_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(45);

/// What the kiosk talks to: the airline system, the printer, the pager and the service metrics.
pub struct Backend {
    /// Shared with the thread that waits for its answers.
    pub dcs: Arc<dyn DepartureControl>,
    /// Shared with the thread that prints (a hung print server must not freeze the screen).
    pub printer: Arc<dyn Printer>,
    pub pager: Arc<dyn Paging>,
    pub metrics: Arc<dyn crate::metrics::Metrics>,
    /// Staff mode's gate (staff list, PIN lockout, action log); `None`: no staff mode.
    pub gate: Option<Arc<crate::staff::Gate>>,
    /// The voice of speech mode (`[speech] voice`); `None`: no speech mode.
    pub voice: Option<Arc<dyn crate::speech::Voice>>,
}

/// What the operator decides about the screens.
#[derive(Debug, Clone)]
pub struct Options {
    pub airline: String,
    /// Languages offered on Welcome, in the operator's order; the first is the default.
    pub locales: Vec<String>,
    /// Shown as a QR code after a good feedback score.
    pub review_url: Option<String>,
    /// The airline's colours (`[branding]`): main buttons and the bars.
    pub primary: Option<String>,
    pub bar: Option<String>,
    /// The language of staff mode.
    pub staff_locale: String,
    /// The airline's logo and welcome image, general and per locale.
    pub pictures: crate::config::branding::Pictures,
    /// The tactile keypad's keys, where they differ from the defaults (`[keypad]`).
    pub keypad: Vec<(crate::config::KeypadFunction, String)>,
    /// The screen goes dark while a passenger uses speech (`[speech] blank_screen`).
    pub blank_in_speech: bool,
}

/// What the operator's config says of the screens.
impl From<&crate::config::Config> for Options {
    fn from(config: &crate::config::Config) -> Options {
        Options {
            airline: config.branding.name.clone(),
            locales: config.locales.offered.clone(),
            review_url: config.branding.review_url.clone(),
            primary: config.branding.primary.clone(),
            bar: config.branding.bar.clone(),
            staff_locale: config.locales.staff.clone(),
            pictures: config.branding.pictures.clone(),
            keypad: config.keypad.keys.clone(),
            blank_in_speech: config.speech.blank_screen,
        }
    }
}

impl Options {
    pub fn demo() -> Options {
        Options {
            airline: "Northwind Airways".into(),
            locales: crate::i18n::screen_locales(),
            review_url: Some("https://northwind.example/review".into()),
            primary: None,
            bar: None,
            staff_locale: crate::i18n::FALLBACK.into(),
            pictures: Default::default(),
            keypad: Vec::new(),
            blank_in_speech: false,
        }
    }
}

/// Where the time comes from (tests set it by hand).
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(chrono::Utc::now)
}

/// A text field of the Identify or Feedback screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Reference,
    Surname,
    ETicket,
    FrequentFlyer,
    Comment,
}

impl Field {
    fn max_len(self) -> usize {
        match self {
            Field::Reference => 6,
            Field::Surname => 40,
            Field::ETicket => 14,
            Field::FrequentFlyer => 16,
            Field::Comment => 280,
        }
    }

    /// The fields a method asks for, in order.
    pub fn for_method(method: IdentifyMethod) -> &'static [Field] {
        match method {
            IdentifyMethod::BookingReference => &[Field::Reference, Field::Surname],
            IdentifyMethod::ETicket => &[Field::ETicket, Field::Surname],
            IdentifyMethod::FrequentFlyer => &[Field::FrequentFlyer, Field::Surname],
            IdentifyMethod::Passport | IdentifyMethod::BoardingPass => &[],
        }
    }
}

/// Text the passenger typed; part of the session, wiped with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    pub reference: String,
    pub surname: String,
    pub eticket: String,
    pub frequent_flyer: String,
    pub comment: String,
}

impl Typed {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Reference => &self.reference,
            Field::Surname => &self.surname,
            Field::ETicket => &self.eticket,
            Field::FrequentFlyer => &self.frequent_flyer,
            Field::Comment => &self.comment,
        }
    }

    fn get_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::Reference => &mut self.reference,
            Field::Surname => &mut self.surname,
            Field::ETicket => &mut self.eticket,
            Field::FrequentFlyer => &mut self.frequent_flyer,
            Field::Comment => &mut self.comment,
        }
    }
}

/// What the screen holds of one passenger's visit: what they typed, the scanner's line in the
/// making, Help's state, their choices of text size and colours, where the focus is. All of it
/// goes in one assignment when the session ends ([`Kiosk::wipe`]).
struct Visit {
    typed: Typed,
    field: Option<Field>,
    /// Hardware keys typed since the last Enter: a scanner's line in the making.
    line: String,
    /// The field as it was before the line began, to undo a scan typed into it.
    line_start: Option<(Typed, Option<Field>)>,
    /// When the last key of the line came (a line left unfinished goes stale).
    line_at: Timestamp,
    scan: ScanBuffer,
    /// What the help system last said of this session's request: only to tell news from
    /// what was already heard (the screens read the engine's account, `Session::help`).
    help: Option<HelpStatus>,
    focus: Option<usize>,
    larger_text: bool,
    high_contrast: bool,
    seat_list: bool,
    seat_for: Option<PassengerId>,
    writing_comment: bool,
    /// The comment keyboard shows Latin letters, not the passenger's own script.
    latin_comment: bool,
    /// After a passport scan: the language of the holder's nationality, offered on Greeting.
    language_offer: Option<String>,
    /// "Start over?" is asked: everything entered would be lost.
    confirming_start_over: bool,
    /// Speech mode, with the passenger's rate and volume; it ends with the session.
    speech: Option<speech::SpeechMode>,
}

impl Default for Visit {
    fn default() -> Visit {
        Visit {
            typed: Typed::default(),
            field: Some(Field::Reference),
            line: String::new(),
            line_start: None,
            line_at: chrono::DateTime::UNIX_EPOCH,
            scan: ScanBuffer::default(),
            help: None,
            focus: None,
            larger_text: false,
            high_contrast: false,
            seat_list: false,
            seat_for: None,
            writing_comment: false,
            latin_comment: false,
            language_offer: None,
            confirming_start_over: false,
            speech: None,
        }
    }
}

/// A key of the on-screen keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPress {
    Char(char),
    Backspace,
    Clear,
}

/// A key from a physical keyboard, keypad or scanner, already sorted out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    /// Arrow keys: which way depends on the reading direction.
    Left,
    Right,
    Enter,
    Help,
    Escape,
    Backspace,
    Text(String),
    /// Speech mode on or off (a keypad's headset key, or F2).
    Speech,
    /// Say the last thing again.
    Repeat,
    /// Pause speech, or go on.
    Pause,
    /// Speak slower (-1) or faster (+1).
    Rate(i8),
    /// Speak softer (-1) or louder (+1).
    Volume(i8),
}

/// Maps a keyboard event to a [`Key`] through the operator's keypad map first (`keypad`: a
/// function and the W3C code of its key), then the kiosk's default keys; `None` for keys the
/// kiosk does not use.
pub fn keypad_key_of(
    keypad: &[(crate::config::KeypadFunction, String)],
    event: keyboard::Event,
) -> Option<Key> {
    use crate::config::KeypadFunction as F;
    if let keyboard::Event::KeyPressed {
        physical_key: keyboard::key::Physical::Code(code),
        repeat,
        ..
    } = &event
    {
        let name = format!("{code:?}");
        if let Some((function, _)) = keypad.iter().find(|(_, c)| *c == name) {
            // A held key repeats: a toggle must not flip back and forth.
            if *repeat && matches!(function, F::Speech | F::Pause | F::Repeat) {
                return None;
            }
            return Some(match function {
                F::Up => Key::Previous,
                F::Down => Key::Next,
                F::Left => Key::Left,
                F::Right => Key::Right,
                F::Enter => Key::Enter,
                F::Clear => Key::Backspace,
                F::Cancel => Key::Escape,
                F::Help => Key::Help,
                F::Speech => Key::Speech,
                F::Repeat => Key::Repeat,
                F::Pause => Key::Pause,
                F::Slower => Key::Rate(-1),
                F::Faster => Key::Rate(1),
                F::Softer => Key::Volume(-1),
                F::Louder => Key::Volume(1),
            });
        }
    }
    key_of(event)
}

/// Maps a keyboard event to a [`Key`] by the kiosk's default keys; `None` for keys the kiosk
/// does not use.
pub fn key_of(event: keyboard::Event) -> Option<Key> {
    use keyboard::key::Named;
    let keyboard::Event::KeyPressed {
        key,
        modifiers,
        text,
        repeat,
        ..
    } = event
    else {
        return None;
    };
    match key.as_ref() {
        keyboard::Key::Named(Named::Tab) if modifiers.shift() => Some(Key::Previous),
        keyboard::Key::Named(Named::Tab) => Some(Key::Next),
        keyboard::Key::Named(Named::ArrowDown) => Some(Key::Next),
        keyboard::Key::Named(Named::ArrowUp) => Some(Key::Previous),
        keyboard::Key::Named(Named::ArrowLeft) => Some(Key::Left),
        keyboard::Key::Named(Named::ArrowRight) => Some(Key::Right),
        keyboard::Key::Named(Named::Enter) => Some(Key::Enter),
        keyboard::Key::Named(Named::F1 | Named::Help) => Some(Key::Help),
        keyboard::Key::Named(Named::Escape) => Some(Key::Escape),
        keyboard::Key::Named(Named::Backspace) => Some(Key::Backspace),
        keyboard::Key::Named(Named::F2 | Named::F3 | Named::F4) if repeat => None,
        keyboard::Key::Named(Named::F2) => Some(Key::Speech),
        keyboard::Key::Named(Named::F3) => Some(Key::Repeat),
        keyboard::Key::Named(Named::F4) => Some(Key::Pause),
        keyboard::Key::Named(Named::F5) => Some(Key::Rate(-1)),
        keyboard::Key::Named(Named::F6) => Some(Key::Rate(1)),
        keyboard::Key::Named(Named::F7) => Some(Key::Volume(-1)),
        keyboard::Key::Named(Named::F8) => Some(Key::Volume(1)),
        _ if modifiers.control() || modifiers.alt() || modifiers.logo() => None,
        _ => text
            .map(|t| t.to_string())
            .filter(|t| !t.is_empty() && t.chars().all(|c| !c.is_control()))
            .map(Key::Text),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Tick,
    /// The engine event a button stands for.
    Engine(Event),
    /// Welcome: a language button (starts the check-in in that language).
    Language(String),
    /// Welcome: "Touch to start" in the operator's first language.
    Start,
    /// Greeting: the passenger takes up the language offered after a passport scan.
    SwitchLanguage(String),
    SelectField(Field),
    Keypad(KeyPress),
    /// Identify: the Find button.
    Find,
    /// Seats: whose seat the map sets.
    SeatFor(PassengerId),
    /// Seats: a seat tapped on the map or in the list.
    Seat(Seat),
    SeatList(bool),
    /// Bags: one more or one fewer for a passenger.
    Bags(PassengerId, i8),
    LargerText,
    HighContrast,
    /// Start over, tapped once a booking is found: asks before it throws the check-in away.
    AskStartOver,
    /// "Keep going": the start-over question is answered no.
    KeepGoing,
    /// Feedback: after a low score, write a comment.
    WriteComment,
    /// The comment keyboard: the passenger's own script (`true`) or Latin letters.
    CommentScript(bool),
    SendComment,
    Key(Key),
    /// A key as the keyboard (or the keypad's USB interface) sent it, before the keypad map.
    Keyboard(keyboard::Event),
    /// The headset was pulled out: the passenger goes on without speech.
    ContinueOnScreen,
    /// A tap on the airline's name (five open staff mode).
    StaffGesture,
    StaffField(staff::StaffField),
    StaffKey(KeyPress),
    StaffSignIn,
    StaffDo(staff::StaffAction),
    /// The screenshot tour (not at an airport: `run --tour`).
    Tour(tour::TourMessage),
    /// The start-up probe (not at an airport: `run --startup-probe`).
    Probe(Probe),
    /// Perform the next effect the engine asked for.
    Work,
    /// The airline system's answer, waited for off the UI thread.
    Answer(Box<Event>),
    FontLoaded,
    /// The window's size, once known and whenever it changes (in the kiosk's own units, as
    /// iced reports it under the panel's scale).
    Resized(iced::Size),
    /// The size of the panel the kiosk fills, in pixels: it sets the scale (see
    /// [`theme::panel_scale`]).
    Panel(iced::Size),
    /// A list or the seat map was scrolled (the whole frame is drawn afresh).
    Scrolled,
    /// From a screen drawn only to warm the renderer, under Welcome (see [`Kiosk::warm_up`]):
    /// nothing.
    Unseen,
    /// A frame was drawn while the unseen screens were there: they have done their work.
    WarmDrawn,
}

/// What the start-up probe hears (`run --startup-probe`, see `scripts/measure-kiosk.sh`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// A frame is about to be drawn.
    Frame,
    /// The picture of the first frame is back: it was painted.
    Painted,
}

/// The kiosk's state: the engine plus what only the screen needs.
pub struct Kiosk {
    engine: Engine,
    /// What the screen holds of the passenger at the kiosk now: wiped in one assignment.
    visit: Visit,
    backend: Backend,
    options: Options,
    clock: Clock,
    messages: &'static Messages,
    /// The language of the Welcome screen (before a session has one).
    welcome_locale: String,
    /// The operator's default: Welcome speaks it until a passenger picks another.
    default_locale: String,
    /// The buttons of the last view in focus order, and what each does.
    focusables: RefCell<Vec<Message>>,
    /// The same buttons as speech names them.
    focus_names: RefCell<Vec<speech::Named>>,
    /// What the last view says (titles, paragraphs, a prompt), for speech.
    heard: RefCell<Vec<String>>,
    /// Texts of the last view whose messages have a spoken form (`.speech`), and that form.
    spoken_forms: RefCell<Vec<(String, String)>>,
    /// The last view placed Help's banner inside the screen, above its main button (see
    /// [`Kiosk::with_action`]), not above the bottom bar.
    banner_placed: std::cell::Cell<bool>,
    /// Speech mode's voice, on its own thread.
    speaker: Option<crate::speech::Speaker>,
    /// The headphone jack: plugged in, speech mode starts.
    headset: Option<crate::speech::Headset>,
    /// The jack was last heard empty: nothing is said until a headset is back.
    jack_out: bool,
    /// The window's size (1280x800 until the window says otherwise).
    screen: iced::Size,
    pending: VecDeque<Effect>,
    fonts_loaded: BTreeSet<&'static str>,
    /// The feedback score of the session that just ended, for the review QR code on Goodbye.
    last_score: Option<u8>,
    review_qr: Option<iced::widget::qr_code::Data>,
    /// The operator's pictures, ready to draw (made once: a handle is what the renderer caches).
    pictures: view::Pictures,
    /// The normal palette, in the airline's colours.
    normal: theme::Palette,
    tour: Option<tour::Tour>,
    staff: Option<staff::StaffMode>,
    /// The operator's config file, watched for changes.
    config_file: Option<ConfigWatch>,
    staff_taps: Vec<Timestamp>,
    /// The last touch in staff mode.
    staff_since: Timestamp,
    /// `run --startup-probe`: report when the first Welcome frame was painted, then quit.
    probe: Option<std::time::Instant>,
    /// A question to the airline system, or a print, is out.
    in_flight: bool,
    /// Full screen on a panel of this many pixels (none in a window): what sets the scale.
    panel: Option<iced::Size>,
    /// Counts updates: see [`Kiosk::style`].
    generation: u32,
    /// How many config changes were applied: Welcome may look different after one.
    configs_applied: u32,
    /// systemd hears from the UI's clock that the UI lives.
    heartbeat: crate::notify::Heartbeat,
    /// Languages whose first screen is still to be drawn unseen (see [`Kiosk::warm_up`]).
    warm: Vec<String>,
    /// Those first screens, drawn under Welcome in the frame after the tick that made them.
    warming: Vec<Kiosk>,
    /// Their memory is to go back to the system at the next tick at rest.
    trim_heap: bool,
}

impl Kiosk {
    pub fn new(settings: Settings, backend: Backend, options: Options, clock: Clock) -> Kiosk {
        let offered = options.locales.clone();
        let mut kiosk = Kiosk::bare(settings, backend, options, clock);
        let default = offered.first().cloned().unwrap_or_default();
        kiosk.set_messages(Messages::built_in(), &offered, &default);
        kiosk
    }

    /// A kiosk that has not yet told its printer which texts to use.
    fn bare(settings: Settings, backend: Backend, options: Options, clock: Clock) -> Kiosk {
        fonts::prefer_shipped_faces();
        let first_session = clock().timestamp_millis().max(1) as u64;
        let speaker = backend.voice.clone().map(crate::speech::Speaker::new);
        Kiosk {
            review_qr: review_code(options.review_url.as_deref()),
            pictures: view::Pictures::new(&options.pictures),
            normal: theme::branded(options.primary.as_deref(), options.bar.as_deref()),
            engine: Engine::new(settings, first_session),
            visit: Visit::default(),
            backend,
            welcome_locale: String::new(),
            default_locale: String::new(),
            options,
            clock,
            messages: Messages::built_in(),
            focusables: RefCell::new(Vec::new()),
            focus_names: RefCell::new(Vec::new()),
            heard: RefCell::new(Vec::new()),
            spoken_forms: RefCell::new(Vec::new()),
            banner_placed: std::cell::Cell::new(false),
            speaker,
            headset: None,
            jack_out: false,
            screen: iced::Size::new(1280.0, 800.0),
            pending: VecDeque::new(),
            fonts_loaded: BTreeSet::new(),
            last_score: None,
            tour: None,
            staff: None,
            config_file: None,
            staff_taps: Vec::new(),
            staff_since: chrono::DateTime::UNIX_EPOCH,
            probe: None,
            in_flight: false,
            panel: None,
            generation: 0,
            configs_applied: 0,
            heartbeat: crate::notify::Heartbeat::new(),
            warm: Vec::new(),
            warming: Vec::new(),
            trim_heap: false,
        }
    }

    /// Draws each offered language's first screen (Identify) once, unseen under Welcome, at
    /// the first clock tick at rest: the renderer then has every script's letters drawn and
    /// kept before a passenger's first tap into that language, which is no slower than a later
    /// one. (Fonts are loaded at start; what the first tap still paid was the renderer drawing
    /// each letter the first time, at each size and colour.)
    pub fn warm_up(&mut self) {
        self.warm = self.options.locales.clone();
    }

    /// `locale`'s Identify screen as the next passenger will see it, from a kiosk that shares
    /// this one's texts, pictures, colours and size and does nothing else: its effects are
    /// dropped, its buttons answer [`Message::Unseen`].
    fn preview(&self, locale: &str) -> Kiosk {
        let backend = Backend {
            dcs: self.backend.dcs.clone(),
            printer: self.backend.printer.clone(),
            pager: self.backend.pager.clone(),
            metrics: self.backend.metrics.clone(),
            gate: None,
            voice: None,
        };
        let options = Options {
            pictures: Default::default(),
            ..self.options.clone()
        };
        let mut k = Kiosk::bare(
            self.engine.settings().clone(),
            backend,
            options,
            self.clock.clone(),
        );
        k.messages = self.messages;
        k.pictures = self.pictures.clone();
        k.normal = self.normal;
        k.screen = self.screen;
        k.panel = self.panel;
        k.fonts_loaded = self.fonts_loaded.clone();
        k.welcome_locale = locale.into();
        k.default_locale = self.default_locale.clone();
        let _ = k.engine.handle(
            (self.clock)(),
            Event::Start {
                locale: locale.into(),
            },
        );
        k
    }

    /// Measures the cold start: from `started` (the process's first instant) to the first
    /// Welcome frame painted; prints it and quits (`scripts/measure-kiosk.sh`).
    pub fn with_startup_probe(mut self, started: std::time::Instant) -> Kiosk {
        self.probe = Some(started);
        self
    }

    /// Watches the operator's config file: a change applies from the next session (never in
    /// the middle of one); a broken edit keeps the last good config and says so.
    pub fn watch_config(&mut self, path: std::path::PathBuf) {
        self.config_file = Some(ConfigWatch::new(path));
    }

    /// Listens to a headphone jack: a headset plugged in starts speech mode, pulled out pauses
    /// it and offers to go on on the screen.
    pub fn watch_headset(&mut self, headset: crate::speech::Headset) {
        self.headset = Some(headset);
    }

    /// The last config edit that could not be used, if any (shown in staff mode).
    pub fn config_error(&self) -> Option<&str> {
        self.config_file.as_ref().and_then(|w| w.error())
    }

    /// A changed config file is read now and kept until the kiosk is between sessions.
    fn check_config(&mut self) -> Task<Message> {
        let Some(watch) = self.config_file.as_mut() else {
            return Task::none();
        };
        watch.poll();
        let idle = {
            let s = self.engine.session();
            s.step == Step::Welcome && !s.help_open()
        };
        if idle && let Some(config) = self.config_file.as_mut().and_then(|w| w.take_pending()) {
            return self.apply_config(&config);
        }
        Task::none()
    }

    fn apply_config(&mut self, config: &crate::config::Config) -> Task<Message> {
        if !self.engine.set_settings(Settings::from(config)) {
            return Task::none();
        }
        self.configs_applied = self.configs_applied.wrapping_add(1);
        self.set_messages(
            Messages::for_overrides(config.locales.overrides.as_deref()),
            &config.locales.offered,
            &config.locales.default,
        );
        if let Some(gate) = &self.backend.gate {
            gate.set_staff(config.staff.clone());
        }
        // The offered languages are as set_messages left them (those with screens).
        let options = Options {
            locales: std::mem::take(&mut self.options.locales),
            ..Options::from(config)
        };
        self.review_qr = review_code(options.review_url.as_deref());
        if self.options.pictures != options.pictures {
            self.pictures = view::Pictures::new(&options.pictures);
        }
        self.normal = theme::branded(options.primary.as_deref(), options.bar.as_deref());
        self.options = options;
        tracing::info!("new config applied (printer and help targets apply after a restart)");
        // Welcome shows every offered language in its own script: load what is new.
        let locales = self.options.locales.clone();
        Task::batch(
            locales
                .iter()
                .map(|l| self.load_fonts(l))
                .collect::<Vec<_>>(),
        )
    }

    /// The kiosk's messages: the built-in ones with the operator's overrides.
    pub fn with_messages(
        mut self,
        messages: &'static Messages,
        offered: &[String],
        default: &str,
    ) -> Kiosk {
        self.set_messages(messages, offered, default);
        self
    }

    /// The messages, and the offered languages that have screens in them (languages an
    /// operator added in the overrides count too), in the operator's order; Welcome starts in
    /// `default` (the first offered one if it is not offered).
    fn set_messages(&mut self, messages: &'static Messages, offered: &[String], default: &str) {
        self.messages = messages;
        // Printed labels follow the same texts.
        self.backend.printer.use_messages(messages);
        self.options.locales = offered
            .iter()
            .filter(|l| messages.has(l, "welcome-start"))
            .cloned()
            .collect();
        if self.options.locales.is_empty() {
            self.options.locales.push(crate::i18n::FALLBACK.into());
        }
        self.default_locale = if self.options.locales.iter().any(|l| l == default) {
            default.to_string()
        } else {
            self.options.locales[0].clone()
        };
        self.welcome_locale = self.default_locale.clone();
    }

    /// Makes this kiosk walk itself through its screens, taking pictures.
    pub fn with_tour(mut self, tour: tour::Tour) -> Kiosk {
        // As at a kiosk whose operator put this language first.
        if let Some(i) = self.options.locales.iter().position(|l| *l == tour.locale) {
            let locale = self.options.locales.remove(i);
            self.options.locales.insert(0, locale);
            self.default_locale = self.options.locales[0].clone();
            self.welcome_locale = self.default_locale.clone();
        }
        self.tour = Some(tour);
        self
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The language the screen speaks now.
    pub fn locale(&self) -> &str {
        let s = self.engine.session();
        if s.step == Step::Welcome || s.locale.is_empty() {
            &self.welcome_locale
        } else {
            &s.locale
        }
    }

    pub fn direction(&self) -> Direction {
        crate::i18n::direction(self.locale())
    }

    /// Every message the kiosk speaks (built in, with the operator's overrides).
    pub fn messages(&self) -> &'static Messages {
        self.messages
    }

    /// A message in the screen's language, as the screen shows it (its paragraph direction set
    /// by the language: [`crate::i18n::directed`]).
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let locale = self.locale();
        let shown = self.messages.get(locale, id, args);
        if self.visit.speech.is_some() {
            // Its spoken form, if it has one, for speech to say instead.
            let said = self.messages.speech(locale, id, args);
            if said != shown {
                self.spoken_forms
                    .borrow_mut()
                    .push((crate::i18n::directed(locale, shown.clone()), said));
            }
        }
        crate::i18n::directed(locale, shown)
    }

    pub fn typed(&self) -> &Typed {
        &self.visit.typed
    }

    pub fn help_status(&self) -> Option<&HelpStatus> {
        self.visit.help.as_ref()
    }

    pub fn palette(&self) -> &theme::Palette {
        if self.visit.high_contrast {
            theme::palette(true)
        } else {
            &self.normal
        }
    }

    pub fn sizes(&self) -> theme::Sizes {
        theme::Sizes::new(self.visit.larger_text, self.compact())
    }

    /// A short screen: the compact sizes, so every screen's controls fit without scrolling.
    /// Larger text takes the compact spacing on a screen less than 900 high, for the same reason.
    fn compact(&self) -> bool {
        self.screen.height < theme::COMPACT_BELOW
            || (self.visit.larger_text && self.screen.height < 900.0)
    }

    pub fn theme(&self) -> iced::Theme {
        theme::iced_theme(self.palette())
    }

    /// The window's background, a hair different after every update that may change the
    /// screen (by less than a thousandth of one step of an 8-bit colour, so no pixel changes). The software renderer
    /// redraws only what it judges changed and misjudges it now and then (canvas text moved by
    /// a scroll, edges drawn twice where redrawn regions meet): a new background makes it
    /// redraw the whole frame, so the passenger never sees pixels of a screen that is gone.
    /// Frames nobody asked for (a button's hover look) keep the cheap partial redraw.
    pub fn style(&self, _theme: &iced::Theme) -> iced::theme::Style {
        let p = self.palette();
        let mut background = p.background;
        let hair = (self.generation % 1000) as f32 * 1e-7;
        background.b = if background.b > 0.5 {
            background.b - hair
        } else {
            background.b + hair
        };
        iced::theme::Style {
            background_color: background,
            text_color: p.text,
        }
    }

    /// Pixels per unit of the kiosk's layout: 1 in a window, else as [`theme::panel_scale`]
    /// has it for the panel.
    pub fn scale(&self) -> f32 {
        self.panel.map_or(1.0, theme::panel_scale)
    }

    /// The room the screens are laid out in, in the kiosk's units.
    pub fn room(&self) -> iced::Size {
        self.screen
    }

    /// What Enter would do now: the focused button's message.
    pub fn focused(&self) -> Option<Message> {
        let i = self.visit.focus?;
        if self.focus_names.borrow().get(i).is_some_and(|n| n.disabled) {
            return None;
        }
        self.focusables.borrow().get(i).cloned()
    }

    /// Effects waiting to be performed.
    pub fn has_work(&self) -> bool {
        !self.pending.is_empty()
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        // A key the kiosk does not use changes nothing, not even the frame.
        let message = match message {
            Message::Keyboard(event) => match keypad_key_of(&self.options.keypad, event) {
                Some(key) => Message::Key(key),
                None => return Task::none(),
            },
            message => message,
        };
        let tick = matches!(message, Message::Tick);
        let rest = if tick { self.at_rest() } else { None };
        // The unseen screens go once a frame has drawn them; taken away before (a tap came
        // first), their languages wait for the next tick at rest.
        let warmed = !self.warming.is_empty();
        if warmed {
            if matches!(message, Message::WarmDrawn) {
                // Their widgets and layouts are gone: the memory goes back to the system at a
                // tick at rest, never in a passenger's tap.
                self.trim_heap = true;
            } else {
                let again: Vec<String> = self
                    .warming
                    .iter()
                    .map(|k| k.locale().to_string())
                    .collect();
                self.warm.extend(again);
            }
            self.warming.clear();
        }
        if tick && self.trim_heap && rest.is_some() {
            self.trim_heap = false;
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            // SAFETY: malloc_trim only returns free heap pages to the system.
            unsafe {
                libc::malloc_trim(0);
            }
        }
        let before = self.screen_context();
        let seats_before = self.seat_view();
        let heard_before = self.speech_watch();
        let task = self.apply(message);
        // The first tick at rest draws each language's first screen, unseen (`warm_up`).
        if tick && !self.warm.is_empty() && self.at_rest().is_some() {
            let locales = std::mem::take(&mut self.warm);
            self.warming = locales.iter().map(|l| self.preview(l)).collect();
        }
        // A clock tick on a Welcome screen nobody uses, which it left as it was, draws nothing
        // (see `style`): an idle kiosk does not redraw its whole panel every second, and the
        // renderer keeps the letters it has drawn ready for the next passenger. The frames
        // with and after the unseen screens are drawn whole, so that every letter is.
        if rest.is_none() || rest != self.at_rest() || warmed || !self.warming.is_empty() {
            self.generation = self.generation.wrapping_add(1);
        }
        // The seat map opens (or turns to the next passenger) scrolled to their seat, not to
        // the front of the cabin.
        let task = match (self.seat_view() != seats_before, self.seat_scroll()) {
            (true, Some(y)) => Task::batch([
                task,
                iced::widget::operation::scroll_to(
                    screens::SEAT_SCROLL,
                    iced::widget::operation::AbsoluteOffset {
                        x: None,
                        y: Some(y),
                    },
                ),
            ]),
            _ => task,
        };
        // Another set of buttons (an exception, the idle prompt, the help banner, the seat
        // list, staff mode): the focus ring starts afresh instead of landing on whatever now
        // has its old place in the list.
        if self.screen_context() != before {
            self.visit.focus = None;
        }
        self.speak_changes(heard_before);
        // The tour performs effects itself, to picture the Printing screen. A question to
        // the airline waits for the one before it.
        let blocked = self.in_flight
            && self
                .pending
                .front()
                .is_some_and(crate::runtime::runs_off_the_screen);
        let work = if self.pending.is_empty() || self.tour.is_some() || blocked {
            Task::none()
        } else {
            Task::done(Message::Work)
        };
        Task::batch([task, work])
    }

    /// What a clock tick can change on Welcome while the kiosk is at rest on it (no
    /// passenger, staff, prompt or notice); `None` when it is not at rest.
    fn at_rest(&self) -> Option<(bool, bool, u32)> {
        let s = self.engine.session();
        let rest = s.step == Step::Welcome
            && s.exception.is_none()
            && s.notice.is_none()
            && !s.help_open()
            && s.idle_deadline.is_none()
            && self.staff.is_none()
            && self.visit.language_offer.is_none();
        rest.then(|| {
            (
                self.engine.closed().is_some(),
                self.engine.out_of_service().is_some(),
                self.configs_applied,
            )
        })
    }

    /// What decides which buttons a screen has.
    fn screen_context(&self) -> (Step, Option<&'static str>, bool, bool, bool, bool, u8, bool) {
        let s = self.engine.session();
        let staff = match &self.staff {
            None => 0,
            Some(staff::StaffMode::SignIn { .. }) => 1,
            Some(staff::StaffMode::Panel { .. }) => 2,
        };
        (
            s.step,
            s.exception.as_ref().map(|e| e.kind.code()),
            s.idle_deadline.is_some(),
            s.help_open(),
            self.visit.seat_list,
            s.exit_question.is_some() || self.visit.writing_comment,
            staff,
            self.visit.confirming_start_over,
        )
    }

    fn apply(&mut self, message: Message) -> Task<Message> {
        // A tap the screen handles itself is still a tap the passenger made: counted (the
        // report's taps per check-in count every touch) and keeping the idle prompt away.
        if matches!(
            message,
            Message::Keypad(_)
                | Message::SelectField(_)
                | Message::SeatFor(_)
                | Message::SeatList(_)
                | Message::LargerText
                | Message::HighContrast
                | Message::AskStartOver
                | Message::KeepGoing
                | Message::WriteComment
                | Message::CommentScript(_)
                | Message::ContinueOnScreen
        ) {
            self.dispatch(Event::Touch);
        }
        match message {
            Message::Tick => {
                self.heartbeat.beat("Welcome screen shown");
                self.poll_help();
                if let Some(jack) = self.headset.as_ref().and_then(|h| h.news()) {
                    self.jack(jack);
                }
                let fonts = self.check_config();
                self.staff_tick();
                // While staff work at the kiosk, the passenger's session does not time out.
                if self.staff.is_none() {
                    self.dispatch(Event::Tick);
                }
                return fonts;
            }
            Message::StaffGesture => self.staff_gesture(),
            Message::StaffField(field) => self.staff_field(field),
            Message::StaffKey(key) => self.staff_key(key),
            Message::StaffSignIn => self.staff_sign_in(),
            Message::StaffDo(action) => self.staff_action(action),
            Message::Engine(event) => {
                // Help over "Start over?": the passenger wants a person, not an answer; the
                // question goes so that Help's banner shows.
                if event == Event::Help {
                    self.visit.confirming_start_over = false;
                }
                if matches!(event, Event::Identify(_)) {
                    self.visit.scan.clear();
                }
                self.dispatch(event);
            }
            Message::SwitchLanguage(locale) => {
                self.visit.language_offer = None;
                let fonts = self.load_fonts(&locale);
                self.dispatch(Event::ChangeLanguage { locale });
                return fonts;
            }
            Message::Language(locale) => {
                self.welcome_locale = locale.clone();
                let fonts = self.load_fonts(&locale);
                self.dispatch(Event::Start { locale });
                return fonts;
            }
            Message::Start => {
                let locale = self.welcome_locale.clone();
                return self.apply(Message::Language(locale));
            }
            Message::SelectField(field) => self.visit.field = Some(field),
            Message::Keypad(key) => {
                self.press(key);
                self.echo(key);
            }
            Message::Find => self.find(),
            Message::SeatFor(id) => self.visit.seat_for = Some(id),
            Message::Seat(seat) => self.choose_seat(seat),
            Message::SeatList(list) => self.visit.seat_list = list,
            Message::Bags(passenger, delta) => self.change_bags(passenger, delta),
            Message::LargerText => self.visit.larger_text = !self.visit.larger_text,
            Message::HighContrast => self.visit.high_contrast = !self.visit.high_contrast,
            Message::AskStartOver => self.visit.confirming_start_over = true,
            Message::KeepGoing => self.visit.confirming_start_over = false,
            Message::WriteComment => self.write_comment(),
            Message::CommentScript(own) => self.visit.latin_comment = !own,
            Message::SendComment => self.send_comment(),
            Message::Key(key) => return self.key(key),
            Message::ContinueOnScreen => self.visit.speech = None,
            // Mapped (or dropped) in `update`, before anything else looks at it.
            Message::Keyboard(_) => {}
            Message::Work => return self.work(),
            Message::Answer(event) => {
                self.in_flight = false;
                self.dispatch(*event);
            }
            Message::Tour(tour::TourMessage::Next) => return self.tour_step(),
            Message::Tour(tour::TourMessage::Idle) => self.tour_idle(),
            Message::Tour(tour::TourMessage::Shot) => self.tour_shot(),
            Message::Probe(Probe::Frame) => {
                if self.probe.is_some() {
                    // A picture of the window returns once the frame has been drawn.
                    return iced::window::latest()
                        .and_then(iced::window::screenshot)
                        .map(|_| Message::Probe(Probe::Painted));
                }
            }
            Message::Probe(Probe::Painted) => {
                if let Some(started) = self.probe.take() {
                    println!(
                        "first Welcome frame painted {:.0} ms after start",
                        started.elapsed().as_secs_f64() * 1000.0
                    );
                    return iced::exit();
                }
            }
            Message::FontLoaded | Message::Unseen | Message::WarmDrawn => {}
            Message::Resized(size) => match self.panel {
                // Full screen, the panel decides; a size reported before the new scale took
                // effect would be in the old units.
                Some(panel) => self.screen = panel * (1.0 / self.scale()),
                None => self.screen = size,
            },
            Message::Panel(size) => {
                self.panel = Some(size);
                self.screen = size * (1.0 / self.scale());
            }
            Message::Scrolled => {}
        }
        Task::none()
    }

    /// Hands an event to the engine and queues the effects.
    fn dispatch(&mut self, event: Event) {
        let step_before = self.engine.session().step;
        let method_before = self.engine.session().method;
        let exception_before = self.engine.session().exception.is_some();
        let now = (self.clock)();
        let effects = self.engine.handle(now, event);
        for effect in effects {
            self.effect(effect);
        }
        let s = self.engine.session();
        let back_from_exception = exception_before && s.exception.is_none();
        if s.step != step_before && s.step != Step::Greeting {
            self.visit.language_offer = None;
        }
        if s.step != step_before || (s.exception.is_some() && !exception_before) {
            // The question was about the screen that is gone.
            self.visit.confirming_start_over = false;
        }
        if s.step != step_before || s.method != method_before || back_from_exception {
            // A new screen: the focus starts afresh, the seat map on the first passenger, and a
            // half-typed scanner line is forgotten.
            self.visit.focus = None;
            self.visit.seat_for = None;
            self.visit.seat_list = false;
            self.visit.line.clear();
            self.visit.line_start = None;
            self.visit.scan.clear();
            if self.engine.session().step == Step::Identify {
                self.visit.field = Field::for_method(self.engine.session().method)
                    .first()
                    .copied();
            }
        }
    }

    fn effect(&mut self, effect: Effect) {
        match &effect {
            // Slow work waits its turn, away from the screen's thread (see `work`).
            _ if effect.class().is_slow() => self.pending.push_back(effect),
            Effect::RecordFeedback { score, locale } => {
                self.backend.metrics.record_feedback(*score, locale);
            }
            Effect::EndSession { report, .. } => {
                tracing::info!(
                    outcome = crate::metrics::outcome_code(report.outcome),
                    last_step = report.last_step.code(),
                    furthest = report.furthest.code(),
                    seconds = report.seconds,
                    taps = report.taps,
                    help_requests = report.help_requests,
                    "session ended"
                );
                self.backend.metrics.record_session(report);
                self.last_score = None;
                self.wipe();
            }
            Effect::PageStaff(_) => {
                self.perform(&effect);
                if self.visit.help.is_none() {
                    self.visit.help = Some(HelpStatus::Queued);
                }
            }
            Effect::ResolvePage { .. } => {
                self.perform(&effect);
                self.visit.help = Some(HelpStatus::Resolved);
            }
            Effect::CancelPage { .. } => {
                self.perform(&effect);
                self.visit.help = None;
            }
            _ => {
                self.perform(&effect);
            }
        }
        if matches!(self.engine.session().step, Step::Goodbye | Step::Feedback) {
            self.last_score = self.engine.session().feedback.or(self.last_score);
        }
    }

    fn perform(&mut self, effect: &Effect) -> Option<Event> {
        let adapters = Adapters {
            dcs: self.backend.dcs.as_ref(),
            printer: self.backend.printer.as_ref(),
            pager: self.backend.pager.as_ref(),
        };
        adapters.perform(effect, (self.clock)())
    }

    /// Performs one queued effect. A question to the airline system is asked on a thread of
    /// its own (an airline over the network may take seconds): the screen, the Help button and
    /// the idle timer stay alive meanwhile, and the answer comes back as a message.
    fn work(&mut self) -> Task<Message> {
        let Some(front) = self.pending.front() else {
            return Task::none();
        };
        if crate::runtime::runs_off_the_screen(front) {
            if self.in_flight {
                return Task::none();
            }
            let Some(effect) = self.pending.pop_front() else {
                return Task::none();
            };
            self.in_flight = true;
            let (dcs, printer) = (self.backend.dcs.clone(), self.backend.printer.clone());
            let now = (self.clock)();
            // What the engine hears should the work fail, or overrun (a stuck cupsd).
            let failed =
                crate::runtime::failed_answer(&effect, "the work could not be carried out");
            let overran = crate::runtime::failed_answer(
                &effect,
                &format!("no answer within {} s", OFF_SCREEN_TIMEOUT.as_secs()),
            );
            return Task::perform(
                async move {
                    let work = tokio::task::spawn_blocking(move || {
                        crate::runtime::off_the_screen(dcs.as_ref(), printer.as_ref(), &effect, now)
                    });
                    match tokio::time::timeout(OFF_SCREEN_TIMEOUT, work).await {
                        Ok(Ok(Some(event))) => Some(event),
                        Ok(_) => failed,
                        Err(_) => {
                            tracing::error!("work off the screen did not finish in time");
                            overran
                        }
                    }
                },
                |answer| match answer {
                    Some(event) => Message::Answer(Box::new(event)),
                    None => Message::Tick,
                },
            );
        }
        self.work_now();
        Task::none()
    }

    /// Performs one queued effect here and now, and feeds its answer back.
    fn work_now(&mut self) {
        if let Some(effect) = self.pending.pop_front()
            && let Some(answer) = self.perform(&effect)
        {
            self.dispatch(answer);
        }
    }

    /// Performs every queued effect, here and now (tests, and the tour).
    pub fn settle(&mut self) {
        let heard_before = self.speech_watch();
        let before = self.screen_context();
        while self.has_work() {
            self.work_now();
        }
        if self.screen_context() != before {
            self.visit.focus = None;
        }
        self.speak_changes(heard_before);
    }

    /// Forgets everything about the passenger that the screen held.
    fn wipe(&mut self) {
        // What was being said belongs to the passenger who left.
        if let Some(speaker) = &self.speaker {
            speaker.stop();
        }
        // The next passenger starts with the kiosk's own text size and colours.
        self.visit = Visit::default();
        self.pending.clear();
        self.welcome_locale = self.default_locale.clone();
    }

    fn poll_help(&mut self) {
        let s = self.engine.session();
        if !s.help_open() {
            return;
        }
        let Some((status, event)) = self.backend.pager.news(s.serial, self.visit.help.as_ref())
        else {
            return;
        };
        self.visit.help = Some(status);
        if let Some(event) = event {
            self.dispatch(event);
        }
    }

    fn key(&mut self, key: Key) -> Task<Message> {
        if self.speech_key(&key) {
            return Task::none();
        }
        let rtl = self.direction() == Direction::RightToLeft;
        if self.staff.is_some() {
            // Staff working by keyboard are not idle.
            self.staff_since = (self.clock)();
        }
        match key {
            Key::Help => return self.apply(Message::Engine(Event::Help)),
            Key::Next => self.move_focus(1),
            Key::Previous => self.move_focus(-1),
            Key::Right => self.move_focus(if rtl { -1 } else { 1 }),
            Key::Left => self.move_focus(if rtl { 1 } else { -1 }),
            Key::Escape => {
                if self.visit.confirming_start_over {
                    self.visit.confirming_start_over = false;
                    return Task::none();
                }
                if self.engine.session().idle_deadline.is_some() {
                    return self.apply(Message::Engine(Event::MoreTime));
                }
                self.visit.focus = None;
            }
            Key::Backspace if self.staff.is_some() => self.staff_key(KeyPress::Backspace),
            Key::Text(text) if self.staff.is_some() => {
                // Staff's keys never reach the passenger's fields. Typing (not a scanner's
                // line) goes to the sign-in fields.
                self.visit.line.push_str(&text);
                if self.staff_member().is_none() {
                    for c in text.chars() {
                        self.staff_key(KeyPress::Char(c));
                    }
                }
            }
            Key::Backspace => {
                self.visit.line.pop();
                if self.engine.session().step == Step::Identify || self.visit.writing_comment {
                    self.press(KeyPress::Backspace);
                    self.echo(KeyPress::Backspace);
                }
            }
            Key::Text(text) => {
                // A line left unfinished for a while is someone's typing, not a scan.
                let now = (self.clock)();
                if (now - self.visit.line_at).num_seconds() >= 2 {
                    self.visit.line.clear();
                    self.visit.scan.clear();
                }
                self.visit.line_at = now;
                if self.visit.line.is_empty() {
                    self.visit.line_start = Some((self.visit.typed.clone(), self.visit.field));
                }
                self.visit.line.push_str(&text);
                let typing = (self.engine.session().step == Step::Identify
                    && Field::for_method(self.engine.session().method)
                        .iter()
                        .any(|f| Some(*f) == self.visit.field))
                    || self.visit.writing_comment;
                if typing {
                    for c in text.chars() {
                        let c = if self.visit.field == Some(Field::Comment) {
                            c
                        } else {
                            c.to_ascii_uppercase()
                        };
                        self.press(KeyPress::Char(c));
                        self.echo(KeyPress::Char(c));
                    }
                }
            }
            Key::Enter => return self.enter(),
            // Without a voice, speech keys do nothing.
            Key::Speech | Key::Repeat | Key::Pause | Key::Rate(_) | Key::Volume(_) => {}
        }
        Task::none()
    }

    /// Enter ends a scanner's line, or activates the focused button, or submits a field.
    fn enter(&mut self) -> Task<Message> {
        let line = std::mem::take(&mut self.visit.line);
        let line_start = self.visit.line_start.take();
        if self.staff.is_some() {
            // A badge scanned at the prompt fills in its owner; any other scanner line
            // (a passport, a boarding pass) is dropped rather than typed into the PIN prompt.
            if self.staff_badge(&line) {
                return Task::none();
            }
            if line.chars().count() >= 20 || line.contains('<') {
                self.staff_clear_sign_in();
                return Task::none();
            }
            return match self.focused() {
                Some(action) => self.apply(action),
                None => self.apply(Message::StaffSignIn),
            };
        }
        // A staff badge, scanned on any screen.
        if !line.is_empty() && self.staff_badge(&line) {
            self.undo_line(line_start);
            return Task::none();
        }
        let today = (self.clock)().date_naive();
        // A machine-readable zone's lines are long and padded with '<'; typing is not.
        let scanning =
            !self.visit.scan.is_empty() || (line.chars().count() >= 30 && line.contains('<'));
        if !line.is_empty()
            && let Some(scan) = self.visit.scan.push_line(&line, today)
        {
            self.undo_line(line_start);
            return self.scanned(scan);
        }
        if !self.visit.scan.is_empty() || scanning {
            // The first line(s) of a machine-readable zone: wait for the rest.
            self.undo_line(line_start);
            return Task::none();
        }
        if let Some(i) = self.visit.focus {
            if self.focus_names.borrow().get(i).is_some_and(|n| n.disabled) {
                // Nothing to do there now; speech says so again.
                self.repeat_focused();
                return Task::none();
            }
            let action = self.focusables.borrow().get(i).cloned();
            if let Some(action) = action {
                return self.apply(action);
            }
        }
        if self.visit.writing_comment {
            return self.apply(Message::SendComment);
        }
        if self.engine.session().step == Step::Identify {
            self.find();
        }
        Task::none()
    }

    /// Puts the fields (and the cursor) back as they were before a scanner's line.
    fn undo_line(&mut self, start: Option<(Typed, Option<Field>)>) {
        if let Some((typed, field)) = start {
            // Only what the line typed is taken back: a comment is never part of a scan.
            let comment = std::mem::take(&mut self.visit.typed.comment);
            self.visit.typed = typed;
            if self.visit.writing_comment {
                self.visit.typed.comment = comment;
            }
            self.visit.field = field;
        }
    }

    fn scanned(&mut self, scan: Scan) -> Task<Message> {
        let mut task = Task::none();
        // A passport or boarding pass scanned on Welcome starts the check-in in the operator's
        // first language, as a tap on Start would, and is taken at once: one tap fewer.
        if self.engine.session().step == Step::Welcome
            && !self.engine.session().help_open()
            && matches!(scan, Scan::Document(_) | Scan::BoardingPass(_))
        {
            let locale = self.welcome_locale.clone();
            task = self.load_fonts(&locale);
            self.dispatch(Event::StartScanned { locale });
        }
        let step = self.engine.session().step;
        // A passport read at Identify: its holder may prefer their own language.
        if let (Scan::Document(doc), Step::Identify) = (&scan, step) {
            let offered: Vec<&str> = self.options.locales.iter().map(String::as_str).collect();
            let current = self.locale().to_string();
            self.visit.language_offer = crate::i18n::language_of_nationality(&doc.nationality)
                .and_then(|language| crate::i18n::negotiate(&[language], &offered))
                .filter(|locale| *locale != current)
                .map(str::to_string);
        }
        let event = match scan {
            Scan::Document(doc) => match step {
                Step::Identify => Event::Identify(Identification::Document(*doc)),
                Step::Documents => Event::DocumentScanned(*doc),
                _ => return task,
            },
            Scan::Unreadable(e) => Event::DocumentUnreadable(e.message_id()),
            Scan::BoardingPass(pass) => {
                if step != Step::Identify {
                    return task;
                }
                Event::Identify(Identification::BoardingPass {
                    reference: pass.legs.first().map(|l| l.pnr.clone()).unwrap_or_default(),
                    surname: pass.surname().to_string(),
                })
            }
        };
        self.dispatch(event);
        task
    }

    fn move_focus(&mut self, by: i32) {
        let n = self.focusables.borrow().len() as i32;
        if n == 0 {
            self.visit.focus = None;
            return;
        }
        self.visit.focus = Some(match self.visit.focus {
            None if by > 0 => 0,
            None => (n - 1) as usize,
            Some(i) => (i as i32 + by).rem_euclid(n) as usize,
        });
    }

    /// Loads the fonts a locale needs, once.
    fn load_fonts(&mut self, locale: &str) -> Task<Message> {
        let mut tasks = Vec::new();
        for font in fonts::for_locale(locale) {
            if self.fonts_loaded.insert(font.name()) {
                tasks.push(iced::font::load(font.bytes()).map(|_| Message::FontLoaded));
            }
        }
        Task::batch(tasks)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let tour = if let Some(tour) = &self.tour {
            iced::time::every(tour.pace).map(|_| Message::Tour(tour::TourMessage::Next))
        } else {
            Subscription::none()
        };
        let probe = if self.probe.is_some() {
            iced::window::frames().map(|_| Message::Probe(Probe::Frame))
        } else {
            Subscription::none()
        };
        let warming = if self.warming.is_empty() {
            Subscription::none()
        } else {
            iced::window::frames().map(|_| Message::WarmDrawn)
        };
        Subscription::batch([
            probe,
            warming,
            iced::time::every(std::time::Duration::from_secs(1)).map(|_| Message::Tick),
            iced::window::resize_events().map(|(_, size)| Message::Resized(size)),
            keyboard::listen().filter_map(|e| {
                matches!(e, keyboard::Event::KeyPressed { .. }).then_some(Message::Keyboard(e))
            }),
            tour,
        ])
    }
}

/// The QR code of the airline's review link.
fn review_code(url: Option<&str>) -> Option<iced::widget::qr_code::Data> {
    url.and_then(|url| iced::widget::qr_code::Data::new(url).ok())
}

/// Full screen: the window takes the size of its screen. Without a window manager (X11) the
/// fullscreen request alone leaves the window at its opening size, and a screen smaller than
/// that would cut off the bottom bar with Help.
fn fill_the_screen() -> Task<Message> {
    iced::window::oldest().then(|id| match id {
        Some(id) => iced::window::monitor_size(id).then(move |size| match size {
            Some(size) if size.width >= 1.0 && size.height >= 1.0 => Task::batch([
                iced::window::move_to(id, iced::Point::ORIGIN),
                iced::window::resize(id, size),
                Task::done(Message::Panel(size)),
            ]),
            _ => Task::none(),
        }),
        None => Task::none(),
    })
}

/// Opens the kiosk window: full screen and undecorated unless `windowed`.
pub fn run(kiosk: Kiosk, windowed: bool) -> iced::Result {
    let welcome_fonts: Vec<&'static [u8]> = fonts::for_welcome(&kiosk.options.locales)
        .iter()
        .map(|f| f.bytes())
        .collect();
    let slot = std::sync::Mutex::new(Some(kiosk));
    let boot = move || {
        let mut kiosk = slot
            .lock()
            .ok()
            .and_then(|mut k| k.take())
            .expect("the kiosk boots once");
        // The application loads Welcome's fonts as it starts.
        for font in fonts::for_welcome(&kiosk.options.locales) {
            kiosk.fonts_loaded.insert(font.name());
        }
        // A tour pictures the screens; a kiosk readies every language's letters.
        if kiosk.tour.is_none() {
            kiosk.warm_up();
        }
        let fit = if windowed {
            Task::none()
        } else {
            fill_the_screen()
        };
        (kiosk, fit)
    };
    let mut app = iced::application(boot, Kiosk::update, Kiosk::view)
        .title("Concierge")
        .subscription(Kiosk::subscription)
        .theme(Kiosk::theme)
        .style(Kiosk::style)
        .scale_factor(Kiosk::scale)
        .default_font(fonts::DEFAULT)
        .exit_on_close_request(windowed)
        .window(iced::window::Settings {
            fullscreen: !windowed,
            decorations: windowed,
            size: iced::Size::new(1280.0, 800.0),
            min_size: windowed.then_some(iced::Size::new(1024.0, 700.0)),
            ..Default::default()
        });
    for bytes in welcome_fonts {
        app = app.font(bytes);
    }
    app.run()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::KeypadFunction;
    use iced::keyboard::key::{Code, Physical};

    fn pressed(code: Code, key: keyboard::Key, text: Option<&str>) -> keyboard::Event {
        keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: Physical::Code(code),
            location: keyboard::Location::Standard,
            modifiers: keyboard::Modifiers::default(),
            text: text.map(Into::into),
            repeat: false,
        }
    }

    /// A departure after midnight carries its day (KHAN22's 03:20 read as tonight's); today's
    /// is the time alone; the day is the departure airport's, not the kiosk's clock's zone.
    #[test]
    fn a_time_on_another_day_carries_its_day() {
        use chrono::TimeZone;
        let m = crate::i18n::Messages::built_in();
        let karachi: chrono_tz::Tz = "Asia/Karachi".parse().unwrap();
        let now = chrono::Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap(); // 23:00 there
        let soon = chrono::Utc
            .with_ymd_and_hms(2026, 12, 5, 18, 30, 0)
            .unwrap();
        let after_midnight = chrono::Utc
            .with_ymd_and_hms(2026, 12, 5, 22, 20, 0)
            .unwrap();
        assert_eq!(view::time_with_day(m, "en-US", soon, now, karachi), "23:30");
        let later = view::time_with_day(m, "en-US", after_midnight, now, karachi);
        assert!(later.starts_with("03:20, "), "{later}");
        assert!(later.contains('6'), "{later}");
        let urdu = view::time_with_day(m, "ur-PK", after_midnight, now, karachi);
        assert!(urdu.contains("دسمبر"), "{urdu}");
    }

    /// A keypad's keys do what the operator's `[keypad]` says; the others keep their defaults.
    #[test]
    fn the_keypad_map_comes_before_the_default_keys() {
        use keyboard::key::Named;
        let keypad = vec![
            (KeypadFunction::Speech, "F13".to_string()),
            (KeypadFunction::Up, "Numpad8".to_string()),
            (KeypadFunction::Louder, "AudioVolumeUp".to_string()),
        ];
        let named = |n| keyboard::Key::Named(n);
        let eight = keyboard::Key::Character("8".into());
        assert_eq!(
            keypad_key_of(&keypad, pressed(Code::F13, named(Named::F13), None)),
            Some(Key::Speech)
        );
        assert_eq!(
            keypad_key_of(&keypad, pressed(Code::Numpad8, eight.clone(), Some("8"))),
            Some(Key::Previous),
            "the keypad's 8 is its Up"
        );
        assert_eq!(
            keypad_key_of(&[], pressed(Code::Numpad8, eight, Some("8"))),
            Some(Key::Text("8".into())),
            "without a map, 8 types 8"
        );
        assert_eq!(
            keypad_key_of(
                &keypad,
                pressed(Code::AudioVolumeUp, named(Named::AudioVolumeUp), None)
            ),
            Some(Key::Volume(1))
        );
        assert_eq!(
            keypad_key_of(&keypad, pressed(Code::ArrowUp, named(Named::ArrowUp), None)),
            Some(Key::Previous),
            "the default arrows stay"
        );
        assert_eq!(
            keypad_key_of(&keypad, pressed(Code::F2, named(Named::F2), None)),
            Some(Key::Speech)
        );
        // The names config accepts are the names the keyboard reports.
        for code in [
            Code::Numpad8,
            Code::NumpadEnter,
            Code::F13,
            Code::F35,
            Code::KeyQ,
            Code::Digit7,
            Code::AudioVolumeUp,
            Code::MediaPlayPause,
            Code::Lang5,
            Code::ArrowLeft,
        ] {
            assert!(crate::config::is_key_code(&format!("{code:?}")), "{code:?}");
        }
    }
}
