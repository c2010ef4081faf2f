//! The kiosk's keys and its speech: a key goes to speech first (its own keys), then means
//! what `ui::keys` says it means here; after each update the focus starts afresh on another
//! set of buttons, and speech says what changed.

use super::Kiosk;
use crate::checkin::{Event, Step};
use crate::documents::Scan;
use crate::ui::draw::{Draw, Record};
use crate::ui::input::{Key, KeyPress};
use crate::ui::keys::{Deed, Facts, scan_event};
use crate::ui::message::Message;
use crate::ui::screens::Screen;
use crate::ui::speech::{Before, Layout, Words};
use iced::Task;

impl Kiosk {
    pub(super) fn key(&mut self, key: Key) -> Task<Message> {
        let record = self.draw().1;
        let words = self.words();
        match self.speech.key(&key, &words, &record) {
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
        let facts = Facts {
            rtl: crate::i18n::direction(&words.locale) == crate::i18n::Direction::RightToLeft,
            record: &record,
            focus: self.visit.focus,
            staff_open: self.staff.is_open(),
            staff_signed_in: self.staff.member().is_some(),
            confirming: self.visit.confirming_start_over,
            idle_prompt: self.engine.session().idle_deadline.is_some(),
            typing: self.screen.takes_typing(),
            typed: self.screen.typing(),
            now,
        };
        let staff = &mut self.staff;
        let deeds = self
            .visit
            .keys
            .key(key, facts, &mut |l| staff.badge(l, now));
        let mut tasks = Vec::new();
        for deed in deeds {
            match deed {
                Deed::Focus(focus) => self.visit.focus = focus,
                Deed::Engine(event) => tasks.push(self.engine_event(event)),
                Deed::KeepGoing => self.visit.confirming_start_over = false,
                Deed::StaffKey(key) => self.staff.key(key, now),
                Deed::StaffClear => self.staff.clear_sign_in(),
                Deed::Press(key) => {
                    if let Some(key) = self.screen.press(key) {
                        self.echo(key);
                    }
                }
                Deed::Apply(message) => tasks.push(self.apply(message)),
                Deed::Repeat => {
                    self.speech
                        .repeat_focused(&record, self.visit.focus, &words);
                }
                Deed::Submit => {
                    let outcome = self.screen.submit();
                    tasks.push(self.outcome(outcome));
                }
                Deed::Restore(typing) => self.screen.restore(typing),
                Deed::Scanned(scan) => self.scanned(scan),
            }
        }
        Task::batch(tasks)
    }

    pub(super) fn scanned(&mut self, scan: Scan) {
        // A passport or boarding pass scanned on Welcome starts the check-in in the language
        // shown, as a tap on Start would, and is taken at once: one tap fewer.
        let s = self.engine.session();
        if s.step == Step::Welcome
            && !s.help_open()
            && matches!(scan, Scan::Document(_) | Scan::BoardingPass(_))
        {
            let locale = self.locale().to_string();
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
                .map(|l| l.as_str())
                .collect();
            let offer = crate::i18n::language_of_nationality(&doc.nationality)
                .and_then(|language| crate::i18n::negotiate(&[language], &offered))
                .filter(|locale| *locale != self.locale())
                .map(str::to_string);
            self.screen.offer_language(offer);
        }
        if let Some(event) = scan_event(scan, step) {
            self.dispatch(event);
        }
    }

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

    pub(super) fn before(&self) -> (Layout, Option<Before>) {
        let layout = self.layout();
        let help = &self.engine.session().help;
        (
            layout,
            self.speech.on().then(|| self.speech.before(layout, help)),
        )
    }

    /// After an update: the focus starts afresh on another set of buttons, and speech says
    /// what changed (a new screen whole).
    pub(super) fn after(&mut self, (layout_before, said): (Layout, Option<Before>)) {
        let layout = self.layout();
        if layout != layout_before {
            self.visit.focus = None;
        }
        let Some(said) = said else {
            return;
        };
        let (record, words) = (self.draw().1, self.words());
        let d: Draw<Message> = Draw::new(self.context());
        let s = self.engine.session();
        let help = crate::ui::draw::help_words(&d, s).map(|w| (w.title, w.status));
        // The idle prompt's countdown is said when the prompt comes, then at 10 and 5 seconds.
        let countdown = s.idle_seconds_left((self.clock)()).map(|seconds| {
            let line = d.t_args("idle-countdown", &[("seconds", seconds.into())]);
            (line, seconds == 10 || seconds == 5)
        });
        let (state, focus) = (s.help.clone(), self.visit.focus);
        let speech = &mut self.speech;
        if speech.changes(
            said, layout, &state, help, countdown, &record, focus, &words,
        ) {
            self.announce(false);
        }
    }

    /// The screen as speech says it, "speech on" first when it just came on. A new screen
    /// for a passenger in speech mode: the seat map is read as its list.
    pub(super) fn announce(&mut self, now_on: bool) {
        if let Screen::Seats(state) = &mut self.screen
            && self.speech.on()
        {
            state.list = true;
        }
        let (record, words) = (self.draw().1, self.words());
        let focus = &mut self.visit.focus;
        self.speech.announce(now_on, &record, focus, &words);
    }

    /// The words speech says things in: the screen's language.
    fn words(&self) -> Words {
        Words {
            messages: self.looks.messages,
            locale: self.locale().to_string(),
        }
    }

    pub(super) fn echo(&mut self, key: KeyPress) {
        let words = self.words();
        self.speech.echo(key, &words, &Record::<Message>::default());
    }
}
