//! What comes in from keys: a physical keyboard, a tactile keypad or a scanner that types like
//! one ([`Key`], mapped by [`keypad_key_of`]), the on-screen keyboard's keys ([`KeyPress`]), the
//! text fields they type into ([`Field`], [`Typed`]) and a scanner's line in the making
//! ([`Line`]). Nothing here draws or knows a screen.

use crate::documents::ScanBuffer;
use crate::domain::Timestamp;
use iced::keyboard;

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
    pub fn max_len(self) -> usize {
        match self {
            Field::Reference => 6,
            Field::Surname => 40,
            Field::ETicket => 14,
            Field::FrequentFlyer => 16,
            Field::Comment => 280,
        }
    }

    /// The fields a method asks for, in order.
    pub fn for_method(method: crate::checkin::IdentifyMethod) -> &'static [Field] {
        use crate::checkin::IdentifyMethod as M;
        match method {
            M::BookingReference => &[Field::Reference, Field::Surname],
            M::ETicket => &[Field::ETicket, Field::Surname],
            M::FrequentFlyer => &[Field::FrequentFlyer, Field::Surname],
            M::Passport | M::BoardingPass => &[],
        }
    }

    /// The message id of its label.
    pub fn label(self) -> &'static str {
        match self {
            Field::Reference => "field-reference",
            Field::Surname => "field-surname",
            Field::ETicket => "field-eticket",
            Field::FrequentFlyer => "field-ff",
            Field::Comment => "feedback-comment",
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

    /// A key pressed in `field`, up to the field's length.
    pub fn press(&mut self, field: Field, key: KeyPress) {
        let text = self.get_mut(field);
        match key {
            KeyPress::Char(c) => {
                if text.chars().count() < field.max_len() {
                    text.push(c);
                }
            }
            KeyPress::Backspace => {
                text.pop();
            }
            KeyPress::Clear => text.clear(),
        }
    }
}

/// Hardware keys typed since the last Enter: a scanner's line in the making, or someone's
/// typing. `S` is what the screen held before the line began, to undo a scan typed into a field.
#[derive(Debug, Default)]
pub struct Line<S> {
    pub text: String,
    /// The screen's typing as it was before the line began.
    pub start: Option<S>,
    /// When the last key of the line came (a line left unfinished goes stale).
    pub at: Option<Timestamp>,
    /// The lines of a machine-readable zone read so far.
    pub scan: ScanBuffer,
}

impl<S> Line<S> {
    /// Forgets the line in the making (a new screen).
    pub fn forget(&mut self) {
        self.text.clear();
        self.start = None;
        self.scan.clear();
    }

    /// Typed text comes: a line left for two seconds is someone's typing, not a scan, and
    /// starts afresh; `before` is what the screen held, kept when the line starts.
    pub fn typed(&mut self, text: &str, now: Timestamp, before: impl FnOnce() -> S) {
        if self.at.is_some_and(|at| (now - at).num_seconds() >= 2) {
            self.text.clear();
            self.scan.clear();
        }
        self.at = Some(now);
        if self.text.is_empty() {
            self.start = Some(before());
        }
        self.text.push_str(text);
    }
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
