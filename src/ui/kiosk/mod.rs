//! The shell: the engine, the screen of its step, what spans screens in the passenger's
//! visit, and the parts that live beside them. [`Kiosk::update`] reads like a table of
//! contents: each kind of message goes to the part it is for. Nothing here reads a clock
//! directly: tests drive time.
//!
//! Here: the state, the update and what it routes to. `keys`: keys and speech; `page`: the
//! page drawn; `read`: what tests, the tour and the window read.

use super::draw::Outcome;
use super::frame;
use super::input::keypad_key_of;
use super::keys::Keys;
use super::looks::Looks;
use super::message::{Input, Message, System, TourMessage, Work};
use super::options::{Backend, Clock, Options};
use super::screens::{Entry, Screen, welcome};
use super::speech::Speech;
use super::staff::Staff;
use super::tour::{Stage, Tour, TourStep};
use super::{running::Running, warm::Warm, window::Window, work};
use crate::checkin::{Effect, Engine, Event, Settings, Step};
use crate::help::HelpStatus;
use crate::i18n::Messages;
use crate::runtime::Queue;
use iced::Task;

mod devices;
mod keys;
mod page;
mod read;

/// What spans the screens of one passenger's visit; it goes in one assignment when the
/// session ends (speech mode, the other, ends with it: [`Speech::end`]).
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
    keys: Keys,
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
    warm: Warm,
    running: Running,
    devices: devices::Devices,
}

impl Kiosk {
    pub fn new(settings: Settings, backend: Backend, options: Options, clock: Clock) -> Kiosk {
        super::fonts::prefer_shipped_faces();
        let first_session = clock().timestamp_millis().max(1) as u64;
        let offered = options.locales.clone();
        let mut kiosk = Kiosk {
            engine: Engine::new(settings, first_session),
            screen: Screen::Welcome(Default::default()),
            visit: Visit::default(),
            speech: Speech::new(backend.voice.clone()),
            staff: Staff::new(backend.gate.clone(), options.staff_locale.clone()),
            looks: Looks::new(options),
            backend,
            clock,
            work: Queue::default(),
            window: Window::default(),
            warm: Warm::default(),
            running: Running::default(),
            devices: Default::default(),
        };
        // On a CUSS platform, nobody is taken until the platform makes the kiosk available.
        if kiosk.backend.platform.is_some() {
            kiosk.dispatch(Event::PlatformHold {
                why: "connecting to the CUSS platform".into(),
            });
        }
        let default = offered.first().cloned().unwrap_or_default();
        kiosk.set_messages(Messages::built_in(), &offered, &default);
        kiosk
    }

    /// The kiosk's messages: the built-in ones with the operator's overrides; the offered
    /// languages that have screens, Welcome in `default`.
    pub fn with_messages(
        mut self,
        messages: &'static Messages,
        offered: &[String],
        default: &str,
    ) -> Kiosk {
        self.set_messages(messages, offered, default);
        self
    }

    fn set_messages(&mut self, messages: &'static Messages, offered: &[String], default: &str) {
        self.looks.set_messages(messages, offered, default);
        // Printed labels follow the same texts.
        self.backend.printer.use_messages(messages);
        self.screen = Screen::Welcome(welcome::State::new(self.looks.default_locale.clone()));
    }

    /// Makes this kiosk walk itself through its screens, taking pictures; as at a kiosk
    /// whose operator put the tour's language first.
    pub fn with_tour(mut self, tour: Tour) -> Kiosk {
        let mut offered = self.looks.options.locales.clone();
        if let Some(i) = offered.iter().position(|l| *l == tour.locale) {
            let locale = offered.remove(i);
            offered.insert(0, locale.clone());
            self.set_messages(self.looks.messages, &offered, &locale);
        }
        self.running.tour = Some(tour);
        self
    }

    /// Measures the cold start: from `started` (the process's first instant) to the first
    /// Welcome frame painted; prints it and quits (`scripts/measure-kiosk.sh`).
    pub fn with_startup_probe(mut self, started: std::time::Instant) -> Kiosk {
        self.running.probe_from(started);
        self
    }

    /// Watches the operator's config file: a change applies from the next session (never in
    /// the middle of one); a broken edit keeps the last good config and says so.
    pub fn watch_config(&mut self, path: std::path::PathBuf) {
        self.running.watch_config(path, None);
    }

    /// [`Kiosk::watch_config`], joined with the configuration published for this kiosk and
    /// kept in `published` (a new one taken applies from the next session too).
    pub fn watch_published_config(
        &mut self,
        path: std::path::PathBuf,
        published: std::path::PathBuf,
    ) {
        self.running.watch_config(path, Some(published));
    }

    /// Listens to a headphone jack: a headset plugged in starts speech mode, pulled out pauses
    /// it and offers to go on on the screen.
    pub fn watch_headset(&mut self, headset: crate::speech::Headset) {
        self.speech.watch_headset(headset);
    }

    /// Readies every offered language's letters in the renderer at the first tick at rest.
    pub fn warm_up(&mut self) {
        self.warm.want(&self.looks.options.locales);
    }

    // ---- update: each message to its part ----

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
        // first), their languages wait for the next tick at rest, when the memory they took
        // also goes back to the system.
        let warmed = self.warm.drawing();
        if warmed {
            self.warm.done(message == Message::warm_drawn());
        }
        if rest.is_some() {
            self.warm.trim();
        }
        let before = self.before();
        let task = self.apply(message);
        if tick && self.warm.wants() && self.at_rest().is_some() {
            self.warm.make(self.engine.settings(), (self.clock)());
        }
        // A clock tick on a Welcome screen nobody uses, which it left as it was, draws nothing
        // (see `Window::style`): an idle kiosk does not redraw its whole panel every second.
        // The frames with and after the unseen screens are drawn whole, so that every letter is.
        if rest.is_none() || rest != self.at_rest() || warmed || self.warm.drawing() {
            self.window.redraw();
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
        self.sync_devices();
        // The tour performs effects itself, to picture the Printing screen. A question to the
        // airline waits for the one before it.
        let work = match self.work.ready() && self.running.tour.is_none() {
            true => Task::done(Message::Effect(Work::Next)),
            false => Task::none(),
        };
        Task::batch([task, scroll, work])
    }

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
                let messages = self.looks.messages;
                let events = self.staff.update(message, &self.engine, messages, now);
                events.into_iter().for_each(|e| self.dispatch(e));
                Task::none()
            }
            Message::Input(Input::Key(key)) => self.key(key),
            Message::Input(Input::Keyboard(_)) => Task::none(),
            Message::Effect(Work::Next) => match self.work.next_out() {
                Some(effect) => work::off_the_screen(&self.backend, effect, (self.clock)()),
                None => Task::none(),
            },
            Message::Effect(Work::Answer(answer)) => {
                self.work.answered();
                answer.into_iter().for_each(|a| self.dispatch(*a));
                Task::none()
            }
            Message::System(System::Tick) => {
                self.tick();
                Task::none()
            }
            Message::System(System::Resized(size)) => {
                self.window.resized(size);
                Task::none()
            }
            Message::System(System::Panel(size)) => {
                self.window.fill(size);
                Task::none()
            }
            Message::System(_) => Task::none(),
            Message::Device(news) => self.device(news),
            Message::Tour(message) => self.tour(message),
            Message::Probe(probe) => self.running.probe(probe),
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
            Outcome::Start(locale) => return self.engine_event(Event::Start { locale }),
            Outcome::Language(locale) => {
                return self.engine_event(Event::ChangeLanguage { locale });
            }
            // The comment goes to the service metrics (no name, no booking); the session ends.
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
        match message {
            F::StaffGesture => self.staff.gesture((self.clock)()),
            F::Go(event) => return self.engine_event(event),
            F::Scrolled => {}
            // The frame's own taps are taps too (see `outcome`).
            _ => self.dispatch(Event::Touch),
        }
        match message {
            F::LargerText => self.visit.larger_text = !self.visit.larger_text,
            F::HighContrast => self.visit.high_contrast = !self.visit.high_contrast,
            F::AskStartOver => self.visit.confirming_start_over = true,
            F::KeepGoing => self.visit.confirming_start_over = false,
            F::ContinueOnScreen => self.speech.off(),
            F::StaffGesture | F::Go(_) | F::Scrolled => {}
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
            self.visit.keys.identified();
        }
        self.dispatch(event);
        Task::none()
    }

    /// Hands an event to the engine, performs or queues the effects, and follows the engine
    /// to a new screen when its step (or exception, or way to identify) changed.
    fn dispatch(&mut self, event: Event) {
        let effects = self.engine.handle((self.clock)(), event.clone());
        // The kiosk's heartbeats tell the desk how its devices are.
        let health = &self.backend.health;
        match &event {
            Event::PrinterFault { detail } => health.printer_fault(detail),
            Event::PrinterPaperLow => health.printer("low"),
            Event::PrinterRestored => health.printer("ok"),
            _ => {}
        }
        health.out_of_service(self.engine.out_of_service(), self.engine.closed().is_some());
        self.screen.answered(&event, &effects, &self.engine);
        effects.into_iter().for_each(|e| self.effect(e));
        if self.screen.is_current(&self.engine) {
            return;
        }
        let s = self.engine.session();
        let entry = Entry {
            welcome_locale: match s.locale.is_empty() {
                true => self.looks.default_locale.clone(),
                false => s.locale.clone(),
            },
            speaking: self.speech.on(),
        };
        let previous = std::mem::replace(&mut self.screen, Screen::Welcome(Default::default()));
        self.screen = Screen::enter(&self.engine, previous, &entry);
        // A new screen: the focus starts afresh, a half-typed scanner line is forgotten, and a
        // question about the screen that is gone goes with it.
        self.visit.focus = None;
        self.visit.keys.forget();
        self.visit.confirming_start_over = false;
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
                work::session_ended(self.backend.metrics.as_ref(), report);
                self.wipe();
            }
            _ => {
                work::perform(&self.backend, &effect, (self.clock)());
                match effect {
                    Effect::PageStaff(_) if self.visit.help.is_none() => {
                        self.visit.help = Some(HelpStatus::Queued);
                    }
                    Effect::ResolvePage { .. } => self.visit.help = Some(HelpStatus::Resolved),
                    Effect::CancelPage { .. } => self.visit.help = None,
                    _ => {}
                }
            }
        }
    }

    /// Performs every queued effect, here and now (tests, and the tour).
    pub fn settle(&mut self) {
        let before = self.before();
        while let Some(effect) = self.work.next_out() {
            let answer = work::perform(&self.backend, &effect, (self.clock)());
            self.work.answered();
            answer.into_iter().for_each(|a| self.dispatch(a));
        }
        self.after(before);
        self.sync_devices();
    }

    /// Forgets everything about the passenger that the screen held; the next passenger starts
    /// with the kiosk's own text size and colours.
    fn wipe(&mut self) {
        self.speech.end();
        self.visit = Visit::default();
        self.work.clear();
        let locale = self.looks.default_locale.clone();
        self.screen = Screen::Welcome(welcome::State::new(locale));
    }

    fn tick(&mut self) {
        let now = (self.clock)();
        self.poll_help();
        if let Some(jack) = self.speech.jack_news() {
            self.backend.health.headset(jack == crate::speech::Jack::In);
            if let Some(now_on) = self.speech.jack(jack) {
                self.announce(now_on);
            }
        }
        let s = self.engine.session();
        let between = s.step == Step::Welcome && !s.help_open();
        if let Some((config, version)) = self.running.tick(between) {
            self.apply_config(&config);
            self.backend.health.config_version(&version);
        }
        self.staff.tick(now);
        // While staff work at the kiosk, the passenger's session does not time out.
        if !self.staff.is_open() {
            self.dispatch(Event::Tick);
        }
    }

    fn poll_help(&mut self) {
        let s = self.engine.session();
        if !s.help_open() {
            return;
        }
        let last = self.visit.help.as_ref();
        if let Some((status, event)) = self.backend.pager.news(s.serial, last) {
            self.visit.help = Some(status);
            event.into_iter().for_each(|e| self.dispatch(e));
        }
    }

    /// A new config file, between sessions: the engine's settings, staff, the looks and the
    /// texts. Printer and help targets apply after a restart.
    fn apply_config(&mut self, config: &crate::config::Config) {
        if !self.engine.set_settings(Settings::from(config)) {
            return;
        }
        if let Some(gate) = self.staff.gate() {
            gate.set_staff(config.staff.clone());
        }
        let options = Options::from(config);
        self.staff.set_locale(options.staff_locale.clone());
        self.looks.apply(options);
        let messages = Messages::for_overrides(config.locales.overrides.as_deref());
        self.set_messages(messages, &config.locales.offered, &config.locales.default);
        tracing::info!("new config applied (printer and help targets apply after a restart)");
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
        let (closed, out) = (self.engine.closed(), self.engine.out_of_service());
        rest.then(|| (closed.is_some(), out.is_some(), self.looks.applied))
    }

    /// Takes the taps of one of the tour's stops ([`super::tour::stops`]), each one's work
    /// done at once: the configuration preview walks the screens this way, unseen.
    pub fn walk(&mut self, action: super::tour::Action, locale: &str) {
        let messages = action(
            &Stage {
                engine: &self.engine,
                seat_passenger: self.seat_passenger(),
            },
            locale,
        );
        for m in messages {
            let _ = self.update(m);
            self.settle();
        }
    }

    fn tour(&mut self, message: TourMessage) -> Task<Message> {
        // On a CUSS platform the tour starts once the platform has made the kiosk available
        // (it then prints through the platform).
        if message == TourMessage::Next
            && self.backend.platform.is_some()
            && self.engine.out_of_service().is_some()
            && self.running.tour.as_ref().is_some_and(|t| !t.started())
        {
            return Task::none();
        }
        let seat_passenger = self.seat_passenger();
        let Some(tour) = self.running.tour.as_mut() else {
            return Task::none();
        };
        let (messages, at_work) = match message {
            TourMessage::Shot => {
                tour.shot();
                return Task::none();
            }
            // The tour moves its clock past the idle time, so the prompt shows.
            TourMessage::Idle => {
                tour.advance(self.engine.settings().idle + chrono::TimeDelta::seconds(1));
                self.poll_help();
                self.dispatch(Event::Tick);
                return Task::none();
            }
            TourMessage::Next => match tour.step(&Stage {
                engine: &self.engine,
                seat_passenger,
            }) {
                TourStep::Wait => return Task::none(),
                TourStep::Shoot(task) => return task,
                TourStep::Exit => return iced::exit(),
                TourStep::Go { messages, at_work } => (messages, at_work),
            },
        };
        // Each stop's taps, the work they lead to done after each (the printing stop is
        // pictured while the printer works).
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
