//! The shell: the engine, the screen of its step, what spans screens in the passenger's
//! visit, and the parts that live beside them (speech, staff mode, the work off the screen,
//! the renderer's warm-up). [`Kiosk::update`] reads like a table of contents: each kind of
//! message goes to the part it is for. Nothing here reads a clock directly: tests drive time.
//!
//! Keyboard: Tab / Shift+Tab and the arrows move a focus ring over every button of the screen
//! (iced buttons take no focus, so each view records its buttons in order), Enter activates,
//! F1 or the keypad's Help key is the Help button. A scanner types a passport's machine-readable
//! zone or a boarding-pass barcode as lines ending in Enter; those are recognised on any screen.

use super::draw::{Brand, Context, Draw, El, Outcome, Record};
use super::frame::{self, Choices};
use super::input::{Field, Key, KeyPress, Line, Typed, keypad_key_of};
use super::message::{Input, Message, Probe, System, TourMessage, Work};
use super::options::{Backend, Clock, Options};
use super::screens::{Entry, Screen};
use super::speech::{Layout, Speech, Words};
use super::staff::Staff;
use super::tour::{Stage, Tour, TourStep};
use super::{fonts, pictures, theme, warm};
use crate::checkin::{Effect, Engine, Event, Identification, Settings, Step};
use crate::config::watch::ConfigWatch;
use crate::documents::Scan;
use crate::help::HelpStatus;
use crate::i18n::{Direction, Messages};
use crate::runtime::Queue;
use fluent_bundle::FluentValue;
use iced::{Subscription, Task, keyboard};
use std::collections::BTreeSet;

/// What spans the screens of one passenger's visit; it goes in one assignment when the
/// session ends.
#[derive(Default)]
struct Visit {
    /// What the help system last said of this session's request: only to tell news from
    /// what was already heard (the screens read the engine's account, `Session::help`).
    help: Option<HelpStatus>,
    focus: Option<usize>,
    larger_text: bool,
    high_contrast: bool,
    /// "Start over?" is asked: everything entered would be lost.
    confirming_start_over: bool,
    /// A scanner's line in the making, and the typing to restore should it be a scan.
    line: Line<Option<(Typed, Option<Field>)>>,
}

/// The operator's side of the screens: texts, languages, colours, pictures.
struct Looks {
    options: Options,
    brand: Brand,
    messages: &'static Messages,
    /// The operator's default language: Welcome speaks it until a passenger picks another.
    default_locale: String,
    /// The normal palette, in the airline's colours.
    normal: theme::Palette,
    /// How many config changes were applied: Welcome may look different after one.
    applied: u32,
}

/// The window: its room, its scale, the fonts loaded, and a count of updates (see `style`).
struct Window {
    room: iced::Size,
    /// Full screen on a panel of this many pixels (none in a window): what sets the scale.
    panel: Option<iced::Size>,
    fonts: BTreeSet<&'static str>,
    generation: u32,
}

/// What runs the kiosk besides passengers: the config file, systemd's heartbeat, the tour and
/// the start-up probe.
struct Running {
    config: Option<ConfigWatch>,
    heartbeat: crate::notify::Heartbeat,
    tour: Option<Tour>,
    /// `run --startup-probe`: report when the first Welcome frame was painted, then quit.
    probe: Option<std::time::Instant>,
}

pub struct Kiosk {
    engine: Engine,
    screen: Screen,
    visit: Visit,
    backend: Backend,
    looks: Looks,
    clock: Clock,
    speech: Speech,
    staff: Staff,
    work: Queue,
    window: Window,
    warm: warm::Warm,
    running: Running,
}

impl Kiosk {
    pub fn new(settings: Settings, backend: Backend, options: Options, clock: Clock) -> Kiosk {
        fonts::prefer_shipped_faces();
        let first_session = clock().timestamp_millis().max(1) as u64;
        let offered = options.locales.clone();
        let mut kiosk = Kiosk {
            engine: Engine::new(settings, first_session),
            screen: Screen::Welcome(Default::default()),
            visit: Visit::default(),
            speech: Speech::new(backend.voice.clone()),
            staff: Staff::new(backend.gate.clone(), options.staff_locale.clone()),
            looks: Looks {
                brand: brand(&options),
                normal: theme::branded(options.primary.as_deref(), options.bar.as_deref()),
                options,
                messages: Messages::built_in(),
                default_locale: String::new(),
                applied: 0,
            },
            backend,
            clock,
            work: Queue::default(),
            window: Window {
                room: iced::Size::new(1280.0, 800.0),
                panel: None,
                fonts: BTreeSet::new(),
                generation: 0,
            },
            warm: warm::Warm::default(),
            running: Running {
                config: None,
                heartbeat: crate::notify::Heartbeat::new(),
                tour: None,
                probe: None,
            },
        };
        let default = offered.first().cloned().unwrap_or_default();
        kiosk.set_messages(Messages::built_in(), &offered, &default);
        kiosk
    }

    /// Readies every offered language's letters in the renderer at the first tick at rest
    /// (see `warm`).
    pub fn warm_up(&mut self) {
        self.warm.want(&self.looks.options.locales);
    }

    /// Measures the cold start: from `started` (the process's first instant) to the first
    /// Welcome frame painted; prints it and quits (`scripts/measure-kiosk.sh`).
    pub fn with_startup_probe(mut self, started: std::time::Instant) -> Kiosk {
        self.running.probe = Some(started);
        self
    }

    /// Watches the operator's config file: a change applies from the next session (never in
    /// the middle of one); a broken edit keeps the last good config and says so.
    pub fn watch_config(&mut self, path: std::path::PathBuf) {
        self.running.config = Some(ConfigWatch::new(path));
    }

    /// Listens to a headphone jack: a headset plugged in starts speech mode, pulled out pauses
    /// it and offers to go on on the screen.
    pub fn watch_headset(&mut self, headset: crate::speech::Headset) {
        self.speech.watch_headset(headset);
    }

    /// The last config edit that could not be used, if any (shown in staff mode).
    pub fn config_error(&self) -> Option<&str> {
        self.running.config.as_ref().and_then(|w| w.error())
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
        self.looks.messages = messages;
        // Printed labels follow the same texts.
        self.backend.printer.use_messages(messages);
        let mut locales: Vec<String> = offered
            .iter()
            .filter(|l| messages.has(l, "welcome-start"))
            .cloned()
            .collect();
        if locales.is_empty() {
            locales.push(crate::i18n::FALLBACK.into());
        }
        self.looks.default_locale = if locales.iter().any(|l| l == default) {
            default.to_string()
        } else {
            locales[0].clone()
        };
        self.looks.options.locales = locales.clone();
        self.looks.brand.locales = locales;
        self.screen = Screen::Welcome(super::screens::welcome::State::new(
            self.looks.default_locale.clone(),
        ));
    }

    /// Makes this kiosk walk itself through its screens, taking pictures.
    pub fn with_tour(mut self, tour: Tour) -> Kiosk {
        // As at a kiosk whose operator put this language first.
        let mut offered = self.looks.options.locales.clone();
        if let Some(i) = offered.iter().position(|l| *l == tour.locale) {
            let locale = offered.remove(i);
            offered.insert(0, locale.clone());
            self.set_messages(self.looks.messages, &offered, &locale);
        }
        self.running.tour = Some(tour);
        self
    }

    // ---- what tests and the window read ----

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The language the screen speaks now.
    pub fn locale(&self) -> &str {
        let s = self.engine.session();
        match self.screen.welcome_locale() {
            Some(locale) if s.step == Step::Welcome || s.locale.is_empty() => locale,
            _ if s.locale.is_empty() => &self.looks.default_locale,
            _ => &s.locale,
        }
    }

    pub fn direction(&self) -> Direction {
        crate::i18n::direction(self.locale())
    }

    /// Every message the kiosk speaks (built in, with the operator's overrides).
    pub fn messages(&self) -> &'static Messages {
        self.looks.messages
    }

    /// A message in the screen's language, as the screen shows it.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let shown = self.looks.messages.get(self.locale(), id, args);
        crate::i18n::directed(self.locale(), shown)
    }

    /// What the passenger typed on the screen shown.
    pub fn typed(&self) -> Typed {
        self.screen.typed()
    }

    pub fn help_status(&self) -> Option<&HelpStatus> {
        self.visit.help.as_ref()
    }

    pub fn palette(&self) -> &theme::Palette {
        if self.visit.high_contrast {
            theme::palette(true)
        } else {
            &self.looks.normal
        }
    }

    pub fn sizes(&self) -> theme::Sizes {
        theme::Sizes::new(self.visit.larger_text, self.compact())
    }

    /// A short screen: the compact sizes, so every screen's controls fit without scrolling.
    /// Larger text takes the compact spacing on a screen less than 900 high, for the same reason.
    fn compact(&self) -> bool {
        let high = self.window.room.height;
        high < theme::COMPACT_BELOW || (self.visit.larger_text && high < 900.0)
    }

    pub fn theme(&self) -> iced::Theme {
        theme::iced_theme(self.palette())
    }

    /// The window's background, a hair different after every update that may change the
    /// screen (by less than a thousandth of one step of an 8-bit colour, so no pixel changes).
    /// The software renderer redraws only what it judges changed and misjudges it now and then
    /// (canvas text moved by a scroll, edges drawn twice where redrawn regions meet): a new
    /// background makes it redraw the whole frame, so the passenger never sees pixels of a
    /// screen that is gone. Frames nobody asked for (a button's hover look) keep the cheap
    /// partial redraw.
    pub fn style(&self, _theme: &iced::Theme) -> iced::theme::Style {
        let p = self.palette();
        let mut background = p.background;
        let hair = (self.window.generation % 1000) as f32 * 1e-7;
        background.b += if background.b > 0.5 { -hair } else { hair };
        iced::theme::Style {
            background_color: background,
            text_color: p.text,
        }
    }

    /// Pixels per unit of the kiosk's layout: 1 in a window, else as [`theme::panel_scale`]
    /// has it for the panel.
    pub fn scale(&self) -> f32 {
        self.window.panel.map_or(1.0, theme::panel_scale)
    }

    /// The room the screens are laid out in, in the kiosk's units.
    pub fn room(&self) -> iced::Size {
        self.window.room
    }

    /// Effects waiting to be performed.
    pub fn has_work(&self) -> bool {
        self.work.busy()
    }

    pub fn speaking(&self) -> bool {
        self.speech.on()
    }

    /// Waits until everything said so far reached the voice (tests).
    pub fn flush_speech(&self) {
        self.speech.flush();
    }

    pub fn in_staff_mode(&self) -> bool {
        self.staff.is_open()
    }

    /// The signed-in staff member, if any.
    pub fn staff_member(&self) -> Option<&crate::config::StaffMember> {
        self.staff.member()
    }

    /// How far down the seat map is scrolled to show the passenger's seat.
    pub fn seat_scroll(&self) -> Option<f32> {
        match &self.screen {
            Screen::Seats(state) => state.seat_scroll(&self.engine),
            _ => None,
        }
    }

    /// The passenger whose seat a tap on the seat map sets.
    pub fn seat_passenger(&self) -> Option<crate::domain::PassengerId> {
        match &self.screen {
            Screen::Seats(state) => state.seat_passenger(&self.engine),
            _ => None,
        }
    }

    /// What Enter would do now: the focused button's message.
    pub fn focused(&self) -> Option<Message> {
        self.draw().1.enabled(self.visit.focus).cloned()
    }

    /// The words the screen now shows: its titles and paragraphs, and its buttons' labels
    /// (as speech knows them). For tests that measure every label on every screen.
    pub fn words_shown(&self) -> Vec<String> {
        let record = self.draw().1;
        let mut words = record.heard;
        words.extend(record.buttons.into_iter().map(|n| n.label));
        words.sort();
        words.dedup();
        words
    }

    /// The screen of an engine exception, as it would show now.
    pub fn exception_view<'a>(&'a self, e: &'a crate::checkin::Exception) -> El<'a, Message> {
        let mut d = Draw::new(self.context());
        let view = super::screens::exception::State.view(e, &self.engine, &mut d);
        view.map(|m| Message::from_screen(super::screens::Message::Plain(m)))
    }

    // ---- drawing ----

    /// What every view is drawn with now.
    fn context(&self) -> Context {
        Context {
            messages: self.looks.messages,
            locale: self.locale().to_string(),
            palette: *self.palette(),
            sizes: self.sizes(),
            room: self.window.room,
            compact: self.compact(),
            now: (self.clock)(),
            speaking: self.speech.on(),
            focus: self.visit.focus,
        }
    }

    /// The page as it shows now, and its record (its buttons in focus order, what it says).
    fn draw(&self) -> (El<'_, Message>, Record<Message>) {
        let mut d = Draw::new(self.context());
        let mut staff = d.part();
        let page = match self
            .staff
            .view(&self.engine, self.config_error(), &mut staff)
        {
            Some(view) => {
                d.adopt(staff, Message::Staff);
                view.map(Message::Staff)
            }
            None => {
                let choices = Choices {
                    larger_text: self.visit.larger_text,
                    high_contrast: self.visit.high_contrast,
                    confirming_start_over: self.visit.confirming_start_over,
                    unplugged: self.speech.unplugged(),
                    dark: self.speech.on() && self.looks.options.blank_in_speech,
                };
                let (engine, screen, brand) = (&self.engine, &self.screen, &self.looks.brand);
                let (on_frame, on_screen) = (Message::from_frame, Message::from_screen);
                frame::page(&mut d, engine, screen, brand, choices, on_frame, on_screen)
            }
        };
        (page, d.finish())
    }

    pub fn view(&self) -> El<'_, Message> {
        let page = self.draw().0;
        if !self.warm.drawing() {
            return page;
        }
        // Screens drawn only to warm the renderer, under Welcome on the window's own
        // background: nobody sees them or reaches them.
        let background = self.palette().background;
        let mut layers = self
            .warm
            .views(&self.context(), &self.looks.brand, Message::unseen());
        layers.push(iced::widget::opaque(
            iced::widget::container(page)
                .width(iced::Length::Fill)
                .height(iced::Length::Fill)
                .style(move |_| iced::widget::container::Style {
                    background: Some(background.into()),
                    ..Default::default()
                }),
        ));
        iced::widget::Stack::with_children(layers).into()
    }
}

/// What an update is compared with, after it: the screen's set of buttons, and what speech
/// last said of it.
struct Before {
    layout: Layout,
    speech: Option<super::speech::Before>,
}

impl Kiosk {
    pub fn update(&mut self, message: Message) -> Task<Message> {
        // A key the kiosk does not use changes nothing, not even the frame.
        let message = match message {
            Message::Input(Input::Keyboard(event)) => {
                match keypad_key_of(&self.looks.options.keypad, event) {
                    Some(key) => Message::key(key),
                    None => return Task::none(),
                }
            }
            message => message,
        };
        let tick = message == Message::tick();
        let rest = if tick { self.at_rest() } else { None };
        // The unseen screens go once a frame has drawn them; taken away before (a tap came
        // first), their languages wait for the next tick at rest.
        let warmed = self.warm.drawing();
        if warmed {
            self.warm.done(message == Message::warm_drawn());
        }
        if tick && rest.is_some() {
            self.warm.trim();
        }
        let before = self.before();
        let task = self.apply(message);
        if tick && self.warm.wants() && self.at_rest().is_some() {
            self.warm.make(self.engine.settings(), (self.clock)());
        }
        // A clock tick on a Welcome screen nobody uses, which it left as it was, draws nothing
        // (see `style`): an idle kiosk does not redraw its whole panel every second, and the
        // renderer keeps the letters it has drawn ready for the next passenger. The frames
        // with and after the unseen screens are drawn whole, so that every letter is.
        if rest.is_none() || rest != self.at_rest() || warmed || self.warm.drawing() {
            self.window.generation = self.window.generation.wrapping_add(1);
        }
        // The seat map opens (or turns to the next passenger) scrolled to their seat.
        let scroll = match self.screen.seat_scroll_to(&self.engine) {
            Some(y) => iced::widget::operation::scroll_to(
                super::screens::seats::SEAT_SCROLL,
                iced::widget::operation::AbsoluteOffset {
                    x: None,
                    y: Some(y),
                },
            ),
            None => Task::none(),
        };
        self.after(before);
        // The tour performs effects itself, to picture the Printing screen. A question to the
        // airline waits for the one before it.
        let work = if self.work.ready() && self.running.tour.is_none() {
            Task::done(Message::Effect(Work::Next))
        } else {
            Task::none()
        };
        Task::batch([task, scroll, work])
    }

    /// Each kind of message to the part it is for.
    fn apply(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Screen(message) => {
                let outcome = self.screen.update(message, &self.engine);
                self.outcome(outcome)
            }
            Message::Frame(message) => self.frame(message),
            Message::Engine(event) => self.engine_event(event),
            Message::Staff(message) => {
                let now = (self.clock)();
                let events = self
                    .staff
                    .update(message, &self.engine, self.looks.messages, now);
                events.into_iter().for_each(|e| self.dispatch(e));
                Task::none()
            }
            Message::Input(Input::Key(key)) => self.key(key),
            Message::Input(Input::Keyboard(_)) => Task::none(),
            Message::Effect(Work::Next) => match self.work.next_out() {
                Some(effect) => super::work::off_the_screen(&self.backend, effect, (self.clock)()),
                None => Task::none(),
            },
            Message::Effect(Work::Answer(answer)) => {
                self.work.answered();
                answer.into_iter().for_each(|a| self.dispatch(*a));
                Task::none()
            }
            Message::System(system) => self.system(system),
            Message::Tour(message) => self.tour(message),
            Message::Probe(probe) => self.probe(probe),
        }
    }

    /// What a screen's update asked for.
    fn outcome(&mut self, outcome: Outcome) -> Task<Message> {
        match outcome {
            Outcome::None => {}
            // A tap the screen handles itself is still a tap the passenger made: counted (the
            // report's taps per check-in count every touch) and keeping the idle prompt away.
            Outcome::Touched => self.dispatch(Event::Touch),
            Outcome::Typed(key) => {
                self.dispatch(Event::Touch);
                self.echo(key);
            }
            Outcome::Engine(event) => return self.engine_event(event),
            Outcome::Start(locale) => {
                let fonts = self.load_fonts(&locale);
                self.dispatch(Event::Start { locale });
                return fonts;
            }
            Outcome::Language(locale) => {
                let fonts = self.load_fonts(&locale);
                self.dispatch(Event::ChangeLanguage { locale });
                return fonts;
            }
            // The comment goes to the service metrics (no name, no booking), and the session
            // ends.
            Outcome::Comment(comment) => {
                if !comment.trim().is_empty() {
                    let metrics = &self.backend.metrics;
                    metrics.record_comment(comment.trim(), self.locale());
                }
                self.dispatch(Event::Finish);
            }
        }
        Task::none()
    }

    fn frame(&mut self, message: frame::Message) -> Task<Message> {
        use frame::Message as F;
        if matches!(message, F::StaffGesture) {
            self.staff.gesture((self.clock)());
            return Task::none();
        }
        if !matches!(message, F::Go(_) | F::Scrolled) {
            self.dispatch(Event::Touch);
        }
        match message {
            F::LargerText => self.visit.larger_text = !self.visit.larger_text,
            F::HighContrast => self.visit.high_contrast = !self.visit.high_contrast,
            F::AskStartOver => self.visit.confirming_start_over = true,
            F::KeepGoing => self.visit.confirming_start_over = false,
            F::ContinueOnScreen => self.speech.off(),
            F::Go(event) => return self.engine_event(event),
            F::StaffGesture | F::Scrolled => {}
        }
        Task::none()
    }

    /// A button that stands for an engine event.
    fn engine_event(&mut self, event: Event) -> Task<Message> {
        // Help over "Start over?": the passenger wants a person, not an answer; the question
        // goes so that Help's banner shows.
        if event == Event::Help {
            self.visit.confirming_start_over = false;
        }
        if matches!(event, Event::Identify(_)) {
            self.visit.line.scan.clear();
        }
        self.dispatch(event);
        Task::none()
    }

    /// Hands an event to the engine, performs or queues the effects, and follows the engine
    /// to a new screen when its step (or exception, or way to identify) changed.
    fn dispatch(&mut self, event: Event) {
        let effects = self.engine.handle((self.clock)(), event.clone());
        self.screen.answered(&event, &effects, &self.engine);
        for effect in effects {
            self.effect(effect);
        }
        if !self.screen.is_current(&self.engine) {
            let s = self.engine.session();
            let entry = Entry {
                welcome_locale: if s.locale.is_empty() {
                    self.looks.default_locale.clone()
                } else {
                    s.locale.clone()
                },
                speaking: self.speech.on(),
            };
            let previous = std::mem::replace(&mut self.screen, Screen::Welcome(Default::default()));
            self.screen = Screen::enter(&self.engine, &previous, &entry);
            // A new screen: the focus starts afresh, a half-typed scanner line is forgotten,
            // and a question about the screen that is gone goes with it.
            self.visit.focus = None;
            self.visit.line.forget();
            self.visit.confirming_start_over = false;
        }
    }

    fn effect(&mut self, effect: Effect) {
        // Slow work waits its turn, away from the screen's thread.
        let Some(effect) = self.work.take(effect) else {
            return;
        };
        match &effect {
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
                self.wipe();
            }
            _ => {
                super::work::perform(&self.backend, &effect, (self.clock)());
                self.visit.help = match effect {
                    Effect::PageStaff(_) => self.visit.help.take().or(Some(HelpStatus::Queued)),
                    Effect::ResolvePage { .. } => Some(HelpStatus::Resolved),
                    Effect::CancelPage { .. } => None,
                    _ => self.visit.help.take(),
                };
            }
        }
    }

    /// Performs every queued effect, here and now (tests, and the tour).
    pub fn settle(&mut self) {
        let before = self.before();
        while let Some(effect) = self.work.next_out() {
            let answer = super::work::perform(&self.backend, &effect, (self.clock)());
            self.work.answered();
            if let Some(answer) = answer {
                self.dispatch(answer);
            }
        }
        self.after(before);
    }

    /// Forgets everything about the passenger that the screen held; the next passenger starts
    /// with the kiosk's own text size and colours.
    fn wipe(&mut self) {
        self.speech.end();
        self.visit = Visit::default();
        self.work.clear();
        let locale = self.looks.default_locale.clone();
        self.screen = Screen::Welcome(super::screens::welcome::State::new(locale));
    }

    fn system(&mut self, system: System) -> Task<Message> {
        match system {
            System::Tick => {
                let now = (self.clock)();
                self.running.heartbeat.beat("Welcome screen shown");
                self.poll_help();
                if let Some(jack) = self.speech.jack_news()
                    && let Some(now_on) = self.speech.jack(jack)
                {
                    self.announce(now_on);
                }
                let fonts = self.check_config();
                self.staff.tick(now);
                // While staff work at the kiosk, the passenger's session does not time out.
                if !self.staff.is_open() {
                    self.dispatch(Event::Tick);
                }
                return fonts;
            }
            System::Resized(size) => match self.window.panel {
                // Full screen, the panel decides; a size reported before the new scale took
                // effect would be in the old units.
                Some(panel) => self.window.room = panel * (1.0 / self.scale()),
                None => self.window.room = size,
            },
            System::Panel(size) => {
                self.window.panel = Some(size);
                self.window.room = size * (1.0 / self.scale());
            }
            System::FontLoaded | System::Scrolled | System::Unseen | System::WarmDrawn => {}
        }
        Task::none()
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

    /// What a clock tick can change on Welcome while the kiosk is at rest on it (no
    /// passenger, staff, prompt or notice); `None` when it is not at rest.
    fn at_rest(&self) -> Option<(bool, bool, u32)> {
        let s = self.engine.session();
        let rest = s.step == Step::Welcome
            && s.exception.is_none()
            && s.notice.is_none()
            && !s.help_open()
            && s.idle_deadline.is_none()
            && !self.staff.is_open();
        rest.then(|| {
            (
                self.engine.closed().is_some(),
                self.engine.out_of_service().is_some(),
                self.looks.applied,
            )
        })
    }
}

/// The operator's side of the screens, from its options.
fn brand(options: &Options) -> Brand {
    Brand {
        airline: options.airline.clone(),
        locales: options.locales.clone(),
        pictures: pictures::Pictures::new(&options.pictures),
        review: options
            .review_url
            .as_deref()
            .and_then(|url| iced::widget::qr_code::Data::new(url).ok()),
    }
}

// ---- keys, the scanner and speech ----
impl Kiosk {
    /// The screen's set of buttons: another set (an exception, the idle prompt, the help
    /// banner, the seat list, staff mode), and the focus ring starts afresh instead of landing
    /// on whatever now has its old place in the list.
    fn layout(&self) -> Layout {
        let s = self.engine.session();
        (
            s.step,
            s.exception.as_ref().map(|e| e.kind.code()),
            s.idle_deadline.is_some(),
            s.help_open(),
            self.screen.layout(&self.engine),
            self.staff.layout(),
            self.visit.confirming_start_over,
        )
    }

    fn before(&self) -> Before {
        let layout = self.layout();
        let help = &self.engine.session().help;
        let speech = self.speech.on().then(|| self.speech.before(layout, help));
        Before { layout, speech }
    }

    /// After an update: the focus starts afresh on another set of buttons, and speech says
    /// what changed (a new screen whole).
    fn after(&mut self, before: Before) {
        let layout = self.layout();
        if layout != before.layout {
            self.visit.focus = None;
        }
        let Some(said) = before.speech else {
            return;
        };
        let locale = self.locale().to_string();
        let words = Words {
            messages: self.looks.messages,
            locale: &locale,
        };
        let record = self.draw().1;
        let d: Draw<Message> = Draw::new(self.context());
        let s = self.engine.session();
        let help = super::draw::help_words(&d, s).map(|w| (w.title, w.status));
        let countdown = s.idle_seconds_left((self.clock)()).map(|seconds| {
            let line = d.t_args("idle-countdown", &[("seconds", seconds.into())]);
            (line, seconds == 10 || seconds == 5)
        });
        let (state, focus) = (s.help.clone(), self.visit.focus);
        let speech = &mut self.speech;
        if speech.changes(said, layout, &state, help, countdown, &record, focus, words) {
            self.announce(false);
        }
    }

    /// The screen as speech says it, "speech on" first when it just came on. A new screen
    /// for a passenger in speech mode: the seat map is read as its list.
    fn announce(&mut self, now_on: bool) {
        if let Screen::Seats(state) = &mut self.screen
            && self.speech.on()
        {
            state.list = true;
        }
        let locale = self.locale().to_string();
        let words = Words {
            messages: self.looks.messages,
            locale: &locale,
        };
        let record = self.draw().1;
        self.speech
            .announce(now_on, &record, &mut self.visit.focus, words);
    }

    fn echo(&mut self, key: KeyPress) {
        if self.speech.on() {
            let locale = self.locale().to_string();
            let words = Words {
                messages: self.looks.messages,
                locale: &locale,
            };
            self.speech.echo(key, words, &Record::<Message>::default());
        }
    }

    fn key(&mut self, key: Key) -> Task<Message> {
        let record = self.draw().1;
        let locale = self.locale().to_string();
        let words = Words {
            messages: self.looks.messages,
            locale: &locale,
        };
        match self.speech.key(&key, words, &record) {
            Some(true) => {
                self.announce(true);
                return Task::none();
            }
            Some(false) => return Task::none(),
            None => {}
        }
        let now = (self.clock)();
        if self.staff.is_open() {
            // Staff working by keyboard are not idle.
            self.staff.touched(now);
        }
        let rtl = self.direction() == Direction::RightToLeft;
        let buttons = record.buttons.len();
        match key {
            Key::Help => return self.engine_event(Event::Help),
            Key::Next => self.move_focus(1, buttons),
            Key::Previous => self.move_focus(-1, buttons),
            Key::Right => self.move_focus(if rtl { -1 } else { 1 }, buttons),
            Key::Left => self.move_focus(if rtl { 1 } else { -1 }, buttons),
            Key::Escape if self.visit.confirming_start_over => {
                self.visit.confirming_start_over = false;
            }
            Key::Escape if self.engine.session().idle_deadline.is_some() => {
                return self.engine_event(Event::MoreTime);
            }
            Key::Escape => self.visit.focus = None,
            Key::Backspace if self.staff.is_open() => self.staff.key(KeyPress::Backspace, now),
            Key::Text(text) if self.staff.is_open() => {
                // Staff's keys never reach the passenger's fields. Typing (not a scanner's
                // line) goes to the sign-in fields.
                self.visit.line.text.push_str(&text);
                if self.staff.member().is_none() {
                    text.chars()
                        .for_each(|c| self.staff.key(KeyPress::Char(c), now));
                }
            }
            Key::Backspace => {
                self.visit.line.text.pop();
                if let Some(key) = self.screen.press(KeyPress::Backspace) {
                    self.echo(key);
                }
            }
            Key::Text(text) => {
                let screen = &self.screen;
                self.visit.line.typed(&text, now, || screen.typing());
                if self.screen.takes_typing() {
                    for c in text.chars() {
                        if let Some(key) = self.screen.press(KeyPress::Char(c)) {
                            self.echo(key);
                        }
                    }
                }
            }
            Key::Enter => return self.enter(record),
            // Without a voice, speech keys do nothing.
            Key::Speech | Key::Repeat | Key::Pause | Key::Rate(_) | Key::Volume(_) => {}
        }
        Task::none()
    }

    fn move_focus(&mut self, by: i32, buttons: usize) {
        let n = buttons as i32;
        self.visit.focus = (n > 0).then(|| match self.visit.focus {
            None if by > 0 => 0,
            None => (n - 1) as usize,
            Some(i) => (i as i32 + by).rem_euclid(n) as usize,
        });
    }

    /// Enter ends a scanner's line, or activates the focused button, or submits a field.
    fn enter(&mut self, record: Record<Message>) -> Task<Message> {
        let line = std::mem::take(&mut self.visit.line.text);
        let start = self.visit.line.start.take().flatten();
        let now = (self.clock)();
        if self.staff.is_open() {
            // A badge scanned at the prompt fills in its owner; any other scanner line
            // (a passport, a boarding pass) is dropped rather than typed into the PIN prompt.
            if self.staff.badge(&line, now) {
                return Task::none();
            }
            if line.chars().count() >= 20 || line.contains('<') {
                self.staff.clear_sign_in();
                return Task::none();
            }
            return match record.enabled(self.visit.focus).cloned() {
                Some(action) => self.apply(action),
                None => self.apply(Message::staff_sign_in()),
            };
        }
        // A staff badge, scanned on any screen; a scan typed into a field is taken back.
        let undo = |kiosk: &mut Kiosk| {
            if let Some(typing) = start.clone() {
                kiosk.screen.restore(typing);
            }
        };
        if !line.is_empty() && self.staff.badge(&line, now) {
            undo(self);
            return Task::none();
        }
        // A machine-readable zone's lines are long and padded with '<'; typing is not.
        let scanning =
            !self.visit.line.scan.is_empty() || (line.chars().count() >= 30 && line.contains('<'));
        if !line.is_empty()
            && let Some(scan) = self.visit.line.scan.push_line(&line, now.date_naive())
        {
            undo(self);
            return self.scanned(scan);
        }
        if !self.visit.line.scan.is_empty() || scanning {
            // The first line(s) of a machine-readable zone: wait for the rest.
            undo(self);
            return Task::none();
        }
        if let Some(named) = self.visit.focus.and_then(|i| record.buttons.get(i)) {
            if named.disabled {
                // Nothing to do there now; speech says so again.
                let locale = self.locale().to_string();
                let words = Words {
                    messages: self.looks.messages,
                    locale: &locale,
                };
                self.speech.repeat_focused(&record, self.visit.focus, words);
                return Task::none();
            }
            return self.apply(named.message.clone());
        }
        let outcome = self.screen.submit();
        self.outcome(outcome)
    }

    fn scanned(&mut self, scan: Scan) -> Task<Message> {
        let mut task = Task::none();
        // A passport or boarding pass scanned on Welcome starts the check-in in the language
        // shown, as a tap on Start would, and is taken at once: one tap fewer.
        let s = self.engine.session();
        if s.step == Step::Welcome
            && !s.help_open()
            && matches!(scan, Scan::Document(_) | Scan::BoardingPass(_))
        {
            let locale = self.locale().to_string();
            task = self.load_fonts(&locale);
            self.dispatch(Event::StartScanned { locale });
        }
        let step = self.engine.session().step;
        // A passport read at Identify: its holder may prefer their own language.
        if let (Scan::Document(doc), Step::Identify) = (&scan, step) {
            let offered: Vec<&str> = self
                .looks
                .options
                .locales
                .iter()
                .map(String::as_str)
                .collect();
            let offer = crate::i18n::language_of_nationality(&doc.nationality)
                .and_then(|language| crate::i18n::negotiate(&[language], &offered))
                .filter(|locale| *locale != self.locale())
                .map(str::to_string);
            self.screen.offer_language(offer);
        }
        let event = match scan {
            Scan::Document(doc) => match step {
                Step::Identify => Event::Identify(Identification::Document(*doc)),
                Step::Documents => Event::DocumentScanned(*doc),
                _ => return task,
            },
            Scan::Unreadable(e) => Event::DocumentUnreadable(e.message_id()),
            Scan::BoardingPass(pass) if step == Step::Identify => {
                Event::Identify(Identification::BoardingPass {
                    reference: pass.legs.first().map(|l| l.pnr.clone()).unwrap_or_default(),
                    surname: pass.surname().to_string(),
                })
            }
            Scan::BoardingPass(_) => return task,
        };
        self.dispatch(event);
        task
    }
}

// ---- the config file, fonts, the tour, the probe, the window's events ----
impl Kiosk {
    /// A changed config file is read now and kept until the kiosk is between sessions.
    fn check_config(&mut self) -> Task<Message> {
        let Some(watch) = self.running.config.as_mut() else {
            return Task::none();
        };
        watch.poll();
        let s = self.engine.session();
        if s.step != Step::Welcome || s.help_open() {
            return Task::none();
        }
        match self.running.config.as_mut().and_then(|w| w.take_pending()) {
            Some(config) => self.apply_config(&config),
            None => Task::none(),
        }
    }

    fn apply_config(&mut self, config: &crate::config::Config) -> Task<Message> {
        if !self.engine.set_settings(Settings::from(config)) {
            return Task::none();
        }
        self.looks.applied = self.looks.applied.wrapping_add(1);
        if let Some(gate) = self.staff.gate() {
            gate.set_staff(config.staff.clone());
        }
        let options = Options::from(config);
        let pictures = self.looks.options.pictures != options.pictures;
        self.looks.normal = theme::branded(options.primary.as_deref(), options.bar.as_deref());
        self.staff.set_locale(options.staff_locale.clone());
        let mut brand = brand(&Options {
            pictures: Default::default(),
            ..options.clone()
        });
        if !pictures {
            brand.pictures = std::mem::take(&mut self.looks.brand.pictures);
        } else {
            brand.pictures = pictures::Pictures::new(&options.pictures);
        }
        self.looks.brand = brand;
        self.looks.options = options;
        // The offered languages: those with screens.
        let messages = Messages::for_overrides(config.locales.overrides.as_deref());
        self.set_messages(messages, &config.locales.offered, &config.locales.default);
        tracing::info!("new config applied (printer and help targets apply after a restart)");
        // Welcome shows every offered language in its own script: load what is new.
        let locales = self.looks.options.locales.clone();
        Task::batch(
            locales
                .iter()
                .map(|l| self.load_fonts(l))
                .collect::<Vec<_>>(),
        )
    }

    /// Loads the fonts a locale needs, once.
    fn load_fonts(&mut self, locale: &str) -> Task<Message> {
        let mut tasks = Vec::new();
        for font in fonts::for_locale(locale) {
            if self.window.fonts.insert(font.name()) {
                tasks.push(iced::font::load(font.bytes()).map(|_| Message::font_loaded()));
            }
        }
        Task::batch(tasks)
    }

    fn tour(&mut self, message: TourMessage) -> Task<Message> {
        let seat_passenger = self.seat_passenger();
        let Some(tour) = self.running.tour.as_mut() else {
            return Task::none();
        };
        match message {
            TourMessage::Next => {
                let stage = Stage {
                    engine: &self.engine,
                    seat_passenger,
                };
                match tour.step(&stage) {
                    TourStep::Wait => Task::none(),
                    TourStep::Shoot(task) => task,
                    TourStep::Exit => iced::exit(),
                    TourStep::Go { messages, at_work } => {
                        let mut tasks = Vec::new();
                        for message in messages {
                            if !at_work {
                                self.settle();
                            }
                            tasks.push(self.apply(message));
                        }
                        if !at_work {
                            self.settle();
                        }
                        Task::batch(tasks)
                    }
                }
            }
            // The tour moves its clock past the idle time, so the prompt shows.
            TourMessage::Idle => {
                tour.advance(self.engine.settings().idle + chrono::TimeDelta::seconds(1));
                self.poll_help();
                self.dispatch(Event::Tick);
                Task::none()
            }
            TourMessage::Shot => {
                tour.shot();
                Task::none()
            }
        }
    }

    fn probe(&mut self, probe: Probe) -> Task<Message> {
        match probe {
            // A picture of the window returns once the frame has been drawn.
            Probe::Frame if self.running.probe.is_some() => iced::window::latest()
                .and_then(iced::window::screenshot)
                .map(|_| Message::Probe(Probe::Painted)),
            Probe::Painted if self.running.probe.is_some() => {
                let started = self
                    .running
                    .probe
                    .take()
                    .unwrap_or_else(std::time::Instant::now);
                println!(
                    "first Welcome frame painted {:.0} ms after start",
                    started.elapsed().as_secs_f64() * 1000.0
                );
                iced::exit()
            }
            _ => Task::none(),
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let tour = match &self.running.tour {
            Some(tour) => iced::time::every(tour.pace).map(|_| Message::Tour(TourMessage::Next)),
            None => Subscription::none(),
        };
        let probe = match self.running.probe {
            Some(_) => iced::window::frames().map(|_| Message::Probe(Probe::Frame)),
            None => Subscription::none(),
        };
        let warming = match self.warm.drawing() {
            true => iced::window::frames().map(|_| Message::warm_drawn()),
            false => Subscription::none(),
        };
        Subscription::batch([
            probe,
            warming,
            iced::time::every(std::time::Duration::from_secs(1)).map(|_| Message::tick()),
            iced::window::resize_events().map(|(_, size)| Message::resized(size)),
            keyboard::listen().filter_map(|e| {
                matches!(e, keyboard::Event::KeyPressed { .. }).then_some(Message::keyboard(e))
            }),
            tour,
        ])
    }

    /// Readies the kiosk to open its window: Welcome's fonts are loaded as the application
    /// starts; a tour pictures the screens, a kiosk readies every language's letters.
    pub fn boot(&mut self) {
        for font in fonts::for_welcome(&self.looks.options.locales) {
            self.window.fonts.insert(font.name());
        }
        if self.running.tour.is_none() {
            self.warm_up();
        }
    }

    /// The offered languages, in the operator's order.
    pub fn locales(&self) -> &[String] {
        &self.looks.options.locales
    }
}
