//! What tests, the tour and the window read of the kiosk.

use super::Kiosk;
use crate::checkin::{Engine, Step};
use crate::help::HelpStatus;
use crate::i18n::Messages;
use crate::ui::draw::{Draw, El};
use crate::ui::input::Typed;
use crate::ui::message::Message;
use crate::ui::screens::Screen;
use crate::ui::theme;

impl Kiosk {
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

    /// Every message the kiosk speaks (built in, with the operator's overrides).
    pub fn messages(&self) -> &'static Messages {
        self.looks.messages
    }

    /// The offered languages, in the operator's order.
    pub fn locales(&self) -> &[String] {
        &self.looks.options.locales
    }

    /// A message in the screen's language, as the screen shows it.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    pub fn t_args(&self, id: &str, args: &[(&str, fluent_bundle::FluentValue)]) -> String {
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
        self.looks.palette(self.visit.high_contrast)
    }

    pub fn sizes(&self) -> theme::Sizes {
        let compact = self.window.compact(self.visit.larger_text);
        theme::Sizes::new(self.visit.larger_text, compact)
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

    /// The last config edit that could not be used, if any (shown in staff mode).
    pub fn config_error(&self) -> Option<&str> {
        self.running.config_error()
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
        let view = crate::ui::screens::exception::State.view(e, &self.engine, &mut d);
        view.map(|m| Message::from_screen(crate::ui::screens::Message::Every(m)))
    }
}
