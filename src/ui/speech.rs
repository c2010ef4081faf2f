//! Speech mode: a passenger who cannot see the screen hears it, in the screen's language, and
//! works it by keys alone (a keypad's arrows, Enter, Clear, Cancel and Help, or a keyboard's).
//! On each new screen they hear its title and what it says, then how to move; every move of
//! the focus says the button and its state; typed characters are echoed. It starts with a key
//! (or a headset plugged in) and ends with the session.
//!
//! What is said comes from the same texts the screen draws: each view's [`Record`] (its
//! headings and paragraphs, and each button's name as it takes its place in the focus order).

use super::draw::Record;
use super::input::{Key, KeyPress};
use crate::i18n::Messages;
use crate::speech::{Headset, Jack, Prosody, Speaker, Utterance, Voice};
use fluent_bundle::FluentValue;
use std::sync::Arc;

/// The passenger's speech settings, for their session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Mode {
    prosody: Prosody,
    paused: bool,
    /// The last thing said, for Repeat.
    last: String,
    /// The headset was pulled out: speech waits for it, the screen offers to go on without.
    unplugged: bool,
    /// This update echoed a typed key: that is all it says.
    echoed: bool,
}

/// What the screen showed before an update, to say what changed after it.
pub struct Before {
    speaking: bool,
    /// Which set of buttons the screen had (a new screen, a prompt, the seat list).
    pub layout: Layout,
    help: crate::checkin::HelpState,
    heard: Vec<String>,
    focused: Option<String>,
}

/// What decides which buttons a screen has: another one, and the focus starts afresh.
pub type Layout = (
    crate::checkin::Step,
    Option<&'static str>,
    bool,
    bool,
    u8,
    u8,
    bool,
);

/// The words speech uses: the screen's language and its messages. Speech's own messages are
/// only ever said: in their spoken forms (`.speech`, where they have one).
pub struct Words {
    pub messages: &'static Messages,
    pub locale: String,
}

impl Words {
    fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    fn t_args(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        crate::i18n::directed(&self.locale, self.messages.speech(&self.locale, id, args))
    }

    fn said(&self, id: &str) -> String {
        self.t(id)
    }
}

/// Speech: the voice on its own thread, the headphone jack, and the passenger's settings.
pub struct Speech {
    speaker: Option<Speaker>,
    headset: Option<Headset>,
    /// The jack was last heard empty: nothing is said until a headset is back.
    jack_out: bool,
    mode: Option<Mode>,
    /// What the screen said, and the focused button's name, when speech last looked: what an
    /// update's changes are told from.
    shown: (Vec<String>, Option<String>),
}

impl Speech {
    pub fn new(voice: Option<Arc<dyn Voice>>) -> Speech {
        Speech {
            speaker: voice.map(Speaker::new),
            headset: None,
            jack_out: false,
            mode: None,
            shown: Default::default(),
        }
    }

    /// Listens to a headphone jack: a headset plugged in starts speech mode, pulled out pauses
    /// it and offers to go on on the screen.
    pub fn watch_headset(&mut self, headset: Headset) {
        self.headset = Some(headset);
    }

    /// Is speech mode on (and a voice there to speak)?
    pub fn on(&self) -> bool {
        self.mode.is_some() && self.speaker.is_some()
    }

    /// Speech mode is on, with the headset pulled out.
    pub fn unplugged(&self) -> bool {
        self.mode.as_ref().is_some_and(|m| m.unplugged)
    }

    /// The passenger goes on without speech (the headset was pulled out).
    pub fn off(&mut self) {
        self.mode = None;
    }

    /// The passenger left: what was being said, and their settings, go with them.
    pub fn end(&mut self) {
        if let Some(speaker) = &self.speaker {
            speaker.stop();
        }
        self.mode = None;
    }

    /// Waits until everything said so far reached the voice (tests).
    pub fn flush(&self) {
        if let Some(speaker) = &self.speaker {
            speaker.flush();
        }
    }

    /// Stops what is being said.
    fn hush(&self) {
        if let Some(speaker) = &self.speaker {
            speaker.stop();
        }
    }

    /// The headphone jack's news since the last look, if any.
    pub fn jack_news(&self) -> Option<Jack> {
        self.headset.as_ref().and_then(|h| h.news())
    }

    /// The headphone jack's news: plugged in, speech starts (or goes on where it paused) and
    /// the screen is announced; pulled out, speech pauses and the screen offers to go on
    /// without it. `true`: the screen is to be announced (with "speech on" first when new).
    pub fn jack(&mut self, jack: Jack) -> Option<bool> {
        match (jack, self.mode.as_mut()) {
            (Jack::In, None) => {
                self.jack_out = false;
                if self.speaker.is_some() {
                    self.mode = Some(Mode::default());
                    return Some(true);
                }
                None
            }
            (Jack::In, Some(mode)) => {
                mode.unplugged = false;
                mode.paused = false;
                self.jack_out = false;
                Some(false)
            }
            (Jack::Out, mode) => {
                if let Some(mode) = mode {
                    mode.unplugged = true;
                }
                self.jack_out = true;
                self.hush();
                None
            }
        }
    }

    /// The speech keys: on and off, repeat, pause, rate and volume. Other keys stop what is
    /// being said, then do what they do. `Some(true)`: speech came on, the screen is to be
    /// announced; `Some(false)`: the key was speech's; `None`: it does what it does.
    pub fn key<M>(&mut self, key: &Key, words: &Words, record: &Record<M>) -> Option<bool> {
        match key {
            Key::Speech => {
                if self.mode.is_some() {
                    self.say(words.said("speech-off"), words, record);
                    self.mode = None;
                } else if self.speaker.is_some() {
                    // With the jack empty, the screen says why nothing is heard.
                    self.mode = Some(Mode {
                        unplugged: self.jack_out,
                        ..Mode::default()
                    });
                    return Some(true);
                } else {
                    tracing::warn!("speech asked for, but no voice is configured");
                }
                Some(false)
            }
            _ if !self.on() => None,
            Key::Repeat => {
                let last = self.mode.as_ref().map(|s| s.last.clone());
                if let Some(last) = last {
                    self.say(last, words, record);
                }
                Some(false)
            }
            Key::Pause => {
                // A voice that pauses by itself goes on where it stopped.
                if let Some(speaker) = self.speaker.as_ref().filter(|s| s.pauses())
                    && let Some(mode) = self.mode.as_mut()
                {
                    mode.paused = !mode.paused;
                    speaker.pause(mode.paused);
                    return Some(false);
                }
                let mut resumed = None;
                if let Some(mode) = self.mode.as_mut() {
                    mode.paused = !mode.paused;
                    if !mode.paused {
                        resumed = Some(mode.last.clone());
                    }
                }
                self.hush();
                // Going on says again what the pause cut short.
                if let Some(last) = resumed {
                    self.say(last, words, record);
                }
                Some(false)
            }
            Key::Rate(by) | Key::Volume(by) => {
                if let Some(mode) = self.mode.as_mut() {
                    mode.prosody = match key {
                        Key::Rate(_) => mode.prosody.faster(*by as i16),
                        _ => mode.prosody.louder(*by as i16),
                    };
                }
                let id = match key {
                    Key::Rate(_) => "speech-rate",
                    _ => "speech-volume",
                };
                self.say(words.said(id), words, record);
                Some(false)
            }
            _ => {
                self.hush();
                None
            }
        }
    }

    /// What the screen showed when speech last looked, to tell what an update changes
    /// ([`Speech::changes`]).
    pub fn before(&self, layout: Layout, help: &crate::checkin::HelpState) -> Before {
        Before {
            speaking: self.on(),
            layout,
            help: help.clone(),
            heard: self.shown.0.clone(),
            focused: self.shown.1.clone(),
        }
    }

    /// Speech looks at the screen as it is now.
    fn look<M>(&mut self, record: &Record<M>, focus: Option<usize>, words: &Words) {
        self.shown = (record.heard.clone(), focused_name(record, focus, words));
    }

    /// Says what an update changed: a new screen (or prompt) whole, Help's new state, or the
    /// button the focus moved to. `help` is the banner's title and status, `countdown` the
    /// idle prompt's line and whether it is one to say now. `true`: a new screen, to be
    /// announced whole.
    #[allow(clippy::too_many_arguments)]
    pub fn changes<M>(
        &mut self,
        before: Before,
        layout: Layout,
        help_state: &crate::checkin::HelpState,
        help: Option<(String, String)>,
        countdown: Option<(String, bool)>,
        record: &Record<M>,
        focus: Option<usize>,
        words: &Words,
    ) -> bool {
        if !self.on() {
            return false;
        }
        self.look(record, focus, words);
        if !before.speaking {
            return false;
        }
        if let Some(mode) = self.mode.as_mut()
            && std::mem::take(&mut mode.echoed)
        {
            return false;
        }
        if layout != before.layout {
            return true;
        }
        // The same screen: what is new on it (a passenger confirmed, Help's state, a count),
        // then the focused button if it is another one or in another state.
        let mut lines: Vec<String> = Vec::new();
        if *help_state != before.help
            && let Some((title, status)) = help
        {
            lines.push(title);
            lines.push(status);
        }
        // The idle prompt's countdown changes every second: said when the prompt comes, then
        // at 10 and 5 seconds, not at every tick (each would cut the last short).
        for line in record.heard.iter() {
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
        let focused = focused_name(record, focus, words);
        if focused != before.focused
            && let Some(name) = focused
        {
            lines.push(name);
        }
        if !lines.is_empty() {
            self.say(join(&lines), words, record);
        }
        false
    }

    /// The screen as speech says it: "speech on" first when `now_on`, what the screen says
    /// (its title and paragraphs, a prompt over it), then the focused button or how to move.
    /// Where nothing is focused, the focus goes to the one thing to do next.
    pub fn announce<M>(
        &mut self,
        now_on: bool,
        record: &Record<M>,
        focus: &mut Option<usize>,
        words: &Words,
    ) {
        if !self.on() {
            return;
        }
        // Enter does the one thing to do next; the arrows go through the rest.
        if focus.is_none() {
            *focus = record.buttons.iter().position(|n| n.primary);
        }
        let mut lines: Vec<String> = Vec::new();
        if now_on {
            lines.push(words.said("speech-on"));
        }
        lines.extend(record.heard.iter().cloned());
        self.look(record, *focus, words);
        match focused_name(record, *focus, words) {
            Some(name) => lines.push(name),
            None => lines.push(words.t("speech-move")),
        }
        self.say(join(&lines), words, record);
    }

    /// Echoes a key typed into a field (the passenger's fields hide nothing; staff's PIN is
    /// never spoken: staff sign-in is not part of speech mode).
    pub fn echo<M>(&mut self, press: KeyPress, words: &Words, record: &Record<M>) {
        if !self.on() {
            return;
        }
        let text = match press {
            KeyPress::Char(' ') => words.t("key-space"),
            KeyPress::Char(c) => c.to_string(),
            KeyPress::Backspace => words.t("key-backspace"),
            KeyPress::Clear => words.t("key-clear"),
        };
        self.say(text, words, record);
        if let Some(mode) = self.mode.as_mut() {
            mode.echoed = true;
        }
    }

    /// Says the focused button again (Enter on one that does nothing now).
    pub fn repeat_focused<M>(&mut self, record: &Record<M>, focus: Option<usize>, words: &Words) {
        if self.on()
            && let Some(name) = focused_name(record, focus, words)
        {
            self.say(name, words, record);
        }
    }

    /// Says `text` in the screen's language (unless paused), remembering it for Repeat.
    fn say<M>(&mut self, text: String, words: &Words, record: &Record<M>) {
        let Some(speaker) = &self.speaker else {
            return;
        };
        let Some(mode) = self.mode.as_mut() else {
            return;
        };
        mode.last = text.clone();
        // Nothing goes to an empty jack (it would come out of the loudspeaker, names and all).
        if mode.paused || self.jack_out || text.trim().is_empty() {
            return;
        }
        // Where a message has a spoken form (`.speech`: Arabic with its vowels), it is said
        // instead of the drawn one. Longest first: a whole sentence before a word it holds.
        let mut forms = record.spoken.clone();
        forms.sort_by_key(|(shown, _)| std::cmp::Reverse(shown.chars().count()));
        let spoken = forms
            .iter()
            .fold(text, |t, (shown, said)| t.replace(shown.as_str(), said));
        // Each language's own name in its own voice (Welcome's language buttons: the English
        // voice spells "اردو" letter by letter).
        let names: Vec<(String, String)> = crate::i18n::screen_locales()
            .into_iter()
            .map(|l| (words.messages.get(&l, "language-name", &[]), l))
            .collect();
        speaker.say(
            Utterance::new(&words.locale, spoken).with_foreign(names),
            mode.prosody,
        );
    }
}

/// The focused button as speech names it: its words, its place, and its state.
fn focused_name<M>(record: &Record<M>, focus: Option<usize>, words: &Words) -> Option<String> {
    let i = focus?;
    let named = record.buttons.get(i)?;
    let args: [(&str, FluentValue); 3] = [
        ("label", named.label.clone().into()),
        ("position", (i + 1).into()),
        ("count", record.buttons.len().into()),
    ];
    let id = if named.disabled {
        "speech-button-disabled"
    } else if named.selected {
        "speech-button-selected"
    } else {
        "speech-button"
    };
    Some(words.t_args(id, &args))
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
