//! Speech mode: a passenger who cannot see the screen hears it, in the screen's language, and
//! works it by keys alone (a keypad's arrows, Enter, Clear, Cancel and Help, or a keyboard's).
//! On each new screen they hear its title and what it says, then how to move; every move of
//! the focus says the button and its state; typed characters are echoed. It starts with a key
//! (or a headset plugged in) and ends with the session.
//!
//! What is said comes from the same texts the screen draws: the view records its headings and
//! paragraphs ([`Kiosk::heard`]) and each button's name as it records the focus order.

use super::{Field, Key, KeyPress, Kiosk, Message};
use crate::checkin::{Event, Step};
use crate::speech::{Prosody, Utterance};
use fluent_bundle::FluentValue;

/// The passenger's speech settings, for their session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct SpeechMode {
    pub prosody: Prosody,
    pub paused: bool,
    /// The last thing said, for Repeat.
    pub last: String,
    /// The headset was pulled out: speech waits for it, the screen offers to go on without.
    pub unplugged: bool,
    /// This update echoed a typed key: that is all it says.
    pub echoed: bool,
}

/// What speech compares after an update, to say what changed.
pub(super) struct Watch {
    speaking: bool,
    context: (Step, Option<&'static str>, bool, bool, bool, bool, u8, bool),
    help: crate::checkin::HelpState,
    /// What the screen said and the focused button's name, as last drawn.
    heard: Vec<String>,
    focused: Option<String>,
}

/// A button as speech names it: its words, and whether it is the one chosen.
#[derive(Debug, Clone, Default)]
pub(super) struct Named {
    pub label: String,
    pub selected: bool,
    /// The one thing to do next: where the focus starts on a new screen in speech mode.
    pub primary: bool,
    /// There, but nothing to do now (said as unavailable; Enter on it does nothing).
    pub disabled: bool,
}

impl Kiosk {
    /// Is speech mode on (and a voice there to speak)?
    pub fn speaking(&self) -> bool {
        self.visit.speech.is_some() && self.speaker.is_some()
    }

    /// The headphone jack's news: plugged in, speech starts (or goes on where it paused);
    /// pulled out, speech pauses and the screen offers to go on without it.
    pub(super) fn jack(&mut self, jack: crate::speech::Jack) {
        use crate::speech::Jack;
        match (jack, self.visit.speech.as_mut()) {
            (Jack::In, None) => {
                self.jack_out = false;
                if self.speaker.is_some() {
                    self.visit.speech = Some(SpeechMode::default());
                    let on = self.t_said("speech-on");
                    self.announce_screen(Some(on));
                }
            }
            (Jack::In, Some(mode)) => {
                mode.unplugged = false;
                mode.paused = false;
                self.jack_out = false;
                self.announce_screen(None);
            }
            (Jack::Out, mode) => {
                if let Some(mode) = mode {
                    mode.unplugged = true;
                }
                self.jack_out = true;
                if let Some(speaker) = &self.speaker {
                    speaker.stop();
                }
            }
        }
    }

    /// With the headset pulled out: what happened, and the way on without speech.
    pub(super) fn unplugged_banner(&self) -> Option<super::El<'_>> {
        if !self.visit.speech.as_ref().is_some_and(|m| m.unplugged) {
            return None;
        }
        let words = self.body(self.t("speech-unplugged"));
        let button = self
            .labelled(
                self.t("speech-continue-on-screen"),
                Message::ContinueOnScreen,
                super::theme::ButtonKind::Primary,
            )
            .into();
        Some(
            self.panel(
                self.dir_row(vec![
                    iced::widget::container(words)
                        .width(iced::Length::Fill)
                        .into(),
                    button,
                ])
                .align_y(iced::Alignment::Center),
                super::theme::PanelKind::Notice,
            ),
        )
    }

    /// The words the screen now shows: its titles and paragraphs, and its buttons' labels
    /// (as speech knows them). For tests that measure every label on every screen.
    pub fn words_shown(&self) -> Vec<String> {
        let _ = self.view();
        let mut words = self.heard.borrow().clone();
        words.extend(self.focus_names.borrow().iter().map(|n| n.label.clone()));
        words.sort();
        words.dedup();
        words
    }

    /// Waits until everything said so far reached the voice (tests).
    pub fn flush_speech(&self) {
        if let Some(speaker) = &self.speaker {
            speaker.flush();
        }
    }

    /// The speech keys: on and off, repeat, pause, rate and volume. Other keys stop what is
    /// being said, then do what they do.
    pub(super) fn speech_key(&mut self, key: &Key) -> bool {
        match key {
            Key::Speech => {
                if self.visit.speech.is_some() {
                    self.say(self.t_said("speech-off"));
                    self.visit.speech = None;
                } else if self.speaker.is_some() {
                    // With the jack empty, the screen says why nothing is heard.
                    self.visit.speech = Some(SpeechMode {
                        unplugged: self.jack_out,
                        ..SpeechMode::default()
                    });
                    let on = self.t_said("speech-on");
                    self.announce_screen(Some(on));
                } else {
                    tracing::warn!("speech asked for, but no voice is configured");
                }
                true
            }
            _ if !self.speaking() => false,
            Key::Repeat => {
                let last = self.visit.speech.as_ref().map(|s| s.last.clone());
                if let Some(last) = last {
                    self.say(last);
                }
                true
            }
            Key::Pause => {
                let mut resumed = None;
                if let Some(mode) = self.visit.speech.as_mut() {
                    mode.paused = !mode.paused;
                    if !mode.paused {
                        resumed = Some(mode.last.clone());
                    }
                }
                if let Some(speaker) = &self.speaker {
                    speaker.stop();
                }
                // Going on says again what the pause cut short.
                if let Some(last) = resumed {
                    self.say(last);
                }
                true
            }
            Key::Rate(by) | Key::Volume(by) => {
                if let Some(mode) = self.visit.speech.as_mut() {
                    mode.prosody = match key {
                        Key::Rate(_) => mode.prosody.faster(*by as i16),
                        _ => mode.prosody.louder(*by as i16),
                    };
                }
                let id = match key {
                    Key::Rate(_) => "speech-rate",
                    _ => "speech-volume",
                };
                self.say(self.t_said(id));
                true
            }
            _ => {
                if let Some(speaker) = &self.speaker {
                    speaker.stop();
                }
                false
            }
        }
    }

    /// The state speech compares after an update ([`Kiosk::speak_changes`]).
    pub(super) fn speech_watch(&self) -> Watch {
        Watch {
            speaking: self.speaking(),
            context: self.screen_context(),
            help: self.engine.session().help.clone(),
            heard: self.heard.borrow().clone(),
            focused: self.focused_name(),
        }
    }

    /// Says what an update changed: a new screen (or prompt) whole, Help's new state, or the
    /// button the focus moved to.
    pub(super) fn speak_changes(&mut self, before: Watch) {
        if !(self.speaking() && before.speaking) {
            return;
        }
        if let Some(mode) = self.visit.speech.as_mut()
            && std::mem::take(&mut mode.echoed)
        {
            return;
        }
        if self.screen_context() != before.context {
            self.speech_screen_changed();
            self.announce_screen(None);
            return;
        }
        // The same screen: what is new on it (a passenger confirmed, Help's state, a count),
        // then the focused button if it is another one or in another state.
        let _ = self.view();
        let mut lines: Vec<String> = Vec::new();
        if self.engine.session().help != before.help
            && let Some((title, status)) = self.help_words()
        {
            lines.push(title);
            lines.push(status);
        }
        // The idle prompt's countdown changes every second: said when the prompt comes, then
        // at 10 and 5 seconds, not at every tick (each would cut the last short).
        let countdown = self
            .engine
            .session()
            .idle_seconds_left((self.clock)())
            .map(|seconds| {
                let line = self.t_args("idle-countdown", &[("seconds", seconds.into())]);
                (line, seconds == 10 || seconds == 5)
            });
        for line in self.heard.borrow().iter() {
            if let Some((countdown, say)) = &countdown
                && line == countdown
                && !say
            {
                continue;
            }
            if !before.heard.contains(line) && !lines.contains(line) {
                lines.push(line.clone());
            }
        }
        let focused = self.focused_name();
        if focused != before.focused
            && let Some(name) = focused
        {
            lines.push(name);
        }
        if !lines.is_empty() {
            self.say(join(&lines));
        }
    }

    /// Says `text` in the screen's language (unless paused), remembering it for Repeat.
    pub(super) fn say(&mut self, text: String) {
        let Some(speaker) = &self.speaker else {
            return;
        };
        let Some(mode) = self.visit.speech.as_mut() else {
            return;
        };
        mode.last = text.clone();
        // Nothing goes to an empty jack (it would come out of the loudspeaker, names and all).
        if mode.paused || self.jack_out || text.trim().is_empty() {
            return;
        }
        // Where a message has a spoken form (`.speech`: Arabic with its vowels), it is said
        // instead of the drawn one.
        let spoken = {
            // Longest first: a whole sentence before a word it holds.
            let mut forms = self.spoken_forms.borrow().clone();
            forms.sort_by_key(|(shown, _)| std::cmp::Reverse(shown.chars().count()));
            forms
                .iter()
                .fold(text, |t, (shown, said)| t.replace(shown.as_str(), said))
        };
        let prosody = mode.prosody;
        // Each language's own name in its own voice (Welcome's language buttons: the English
        // voice spells "اردو" letter by letter).
        let names: Vec<(String, String)> = crate::i18n::screen_locales()
            .into_iter()
            .map(|l| (self.messages.get(&l, "language-name", &[]), l))
            .collect();
        speaker.say(
            Utterance::new(self.locale(), spoken).with_foreign(names),
            prosody,
        );
    }

    /// The screen as speech says it: `before` (if any), what the screen says (its title and
    /// paragraphs, a prompt over it), then the focused button or how to move.
    pub(super) fn announce_screen(&mut self, before: Option<String>) {
        if !self.speaking() {
            return;
        }
        // The view records what it draws; draw it now, as the passenger will see it.
        let _ = self.view();
        // Enter does the one thing to do next; the arrows go through the rest.
        if self.visit.focus.is_none() {
            self.visit.focus = self.focus_names.borrow().iter().position(|n| n.primary);
        }
        let mut lines: Vec<String> = before.into_iter().collect();
        lines.extend(self.heard.borrow().iter().cloned());
        match self.focused_name() {
            Some(name) => lines.push(name),
            None => lines.push(self.t("speech-move")),
        }
        self.say(join(&lines));
    }

    /// A message of speech's own, in its spoken form (`.speech` where it has one).
    fn t_said(&self, id: &str) -> String {
        crate::i18n::directed(self.locale(), self.messages.speech(self.locale(), id, &[]))
    }

    /// Echoes a key typed into a field (the passenger's fields hide nothing; staff's PIN is
    /// never spoken: staff sign-in is not part of speech mode).
    pub(super) fn echo(&mut self, press: KeyPress) {
        if !self.speaking() {
            return;
        }
        let text = match press {
            KeyPress::Char(' ') => self.t("key-space"),
            KeyPress::Char(c) => c.to_string(),
            KeyPress::Backspace => self.t("key-backspace"),
            KeyPress::Clear => self.t("key-clear"),
        };
        self.say(text);
        if let Some(mode) = self.visit.speech.as_mut() {
            mode.echoed = true;
        }
    }

    /// Says the focused button again (Enter on one that does nothing now).
    pub(super) fn repeat_focused(&mut self) {
        if self.speaking()
            && let Some(name) = self.focused_name()
        {
            self.say(name);
        }
    }

    fn focused_name(&self) -> Option<String> {
        let i = self.visit.focus?;
        let names = self.focus_names.borrow();
        let named = names.get(i)?;
        let args: [(&str, FluentValue); 3] = [
            ("label", named.label.clone().into()),
            ("position", (i + 1).into()),
            ("count", names.len().into()),
        ];
        let id = if named.disabled {
            "speech-button-disabled"
        } else if named.selected {
            "speech-button-selected"
        } else {
            "speech-button"
        };
        Some(self.t_args(id, &args))
    }

    /// What speech calls a button that has no words of its own to record (a key, a
    /// language, a counter's – and +).
    pub(super) fn name_of(&self, message: &Message) -> String {
        match message {
            // Its own name (said in its own voice), then what it is in the language spoken now.
            Message::Language(locale) => {
                let own = self.messages.get(locale, "language-name", &[]);
                let code = locale.split(['-', '_']).next().unwrap_or(locale);
                let id = format!("speech-language-{code}");
                if locale.as_str() == self.locale() || !self.messages.has(self.locale(), &id) {
                    own
                } else {
                    format!("{own}, {}", self.t(&id))
                }
            }
            Message::Start => self.t("welcome-start"),
            Message::AskStartOver | Message::Engine(Event::Cancel) => self.t("start-over"),
            Message::Keypad(KeyPress::Char(' ')) => self.t("key-space"),
            Message::Keypad(KeyPress::Char(c)) => c.to_string(),
            Message::Keypad(KeyPress::Backspace) => self.t("key-backspace"),
            Message::Keypad(KeyPress::Clear) => self.t("key-clear"),
            Message::SelectField(field) => {
                let id = match field {
                    Field::Reference => "field-reference",
                    Field::Surname => "field-surname",
                    Field::ETicket => "field-eticket",
                    Field::FrequentFlyer => "field-ff",
                    Field::Comment => "feedback-comment",
                };
                let typed = self.visit.typed.get(*field);
                if typed.is_empty() {
                    self.t(id)
                } else {
                    format!("{}: {typed}", self.t(id))
                }
            }
            Message::Bags(passenger, delta) => {
                let name = self
                    .passenger(*passenger)
                    .map(|p| p.name.display())
                    .unwrap_or_default();
                let id = if *delta > 0 {
                    "speech-bag-more"
                } else {
                    "speech-bag-fewer"
                };
                self.t_args(id, &[("name", name.into())])
            }
            Message::Engine(Event::TogglePassenger(id)) => self
                .passenger(*id)
                .map(|p| p.name.display())
                .unwrap_or_default(),
            Message::Engine(Event::GiveFeedback(score)) => self.t(&format!("feedback-{score}")),
            Message::Engine(Event::Help) => self.t("help"),
            Message::Engine(Event::ChooseMethod(method)) => {
                self.t(super::screens::method_label(*method))
            }
            _ => String::new(),
        }
    }

    /// A new screen for a passenger in speech mode: the seat map is read as its list.
    pub(super) fn speech_screen_changed(&mut self) {
        if self.speaking() && self.engine.session().step == Step::Seats {
            self.visit.seat_list = true;
        }
    }
}

/// Lines said one after the other, each ended as a sentence.
fn join(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
        if !line.ends_with(['.', '?', '!', '۔', '؟', '।', '。', '？', '！', ':']) {
            out.push('.');
        }
    }
    out
}
