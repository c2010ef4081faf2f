//! Speech for a passenger who cannot see the screen: what the kiosk says, in the screen's
//! language, through a voice that runs as a process of its own (so a hung synthesiser never
//! freezes the screen, and the kiosk's memory never holds audio).
//!
//! Three voices, chosen in `[speech] voice`:
//! - `speech-dispatcher` (the default on a kiosk box): `spd-say`, to the speech server the
//!   desktop already runs, which speaks through espeak-ng to ALSA or PipeWire;
//! - `espeak-ng`: the synthesiser straight to the sound card, no server;
//! - `file`: each utterance as a JSON line (`utterances.jsonl`) and a WAV made by espeak-ng,
//!   for tests and for an operator who wants to read and hear what the kiosk says.
//!
//! A new utterance interrupts the one being spoken, as a screen reader does.

mod espeak;
mod file;
mod headset;

pub use espeak::{DispatcherVoice, EspeakVoice};
pub use file::{FileVoice, Logged, loudness, pcm_loudness};
pub use headset::{Headset, Jack, jack_of};

/// One thing to say, in one language — but for `foreign` words, each said in its own
/// language's voice (a language's own name on Welcome: "اردو" by the Urdu voice; the English
/// one spells it letter by letter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub locale: String,
    pub text: String,
    /// Words of `text` in another language, with that language's locale.
    pub foreign: Vec<(String, String)>,
}

impl Utterance {
    pub fn new(locale: &str, text: impl Into<String>) -> Utterance {
        Utterance {
            locale: locale.to_string(),
            // Fluent's isolation marks around placeables mean nothing to a synthesiser.
            text: text
                .into()
                .chars()
                .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{202a}'..='\u{202e}' | '\u{200e}' | '\u{200f}'))
                .collect(),
            foreign: Vec::new(),
        }
    }

    /// The same, with these words (found in the text) said in their own language.
    pub fn with_foreign(mut self, words: Vec<(String, String)>) -> Utterance {
        self.foreign = words
            .into_iter()
            .filter(|(w, locale)| {
                !w.is_empty() && *locale != self.locale && self.text.contains(w.as_str())
            })
            .collect();
        self
    }

    /// The utterance as SSML when some words are in another language (`<voice xml:lang>`
    /// around each), which espeak-ng and speech-dispatcher switch voices on; `None` otherwise.
    pub fn ssml(&self) -> Option<String> {
        if self.foreign.is_empty() {
            return None;
        }
        let xml = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        let mut body = xml(&self.text);
        for (words, locale) in &self.foreign {
            let language = locale.split(['-', '_']).next().unwrap_or(locale);
            let w = xml(words);
            body = body.replace(
                &w,
                &format!("<voice xml:lang=\"{}\">{w}</voice>", xml(language)),
            );
        }
        let language = self.locale.split(['-', '_']).next().unwrap_or(&self.locale);
        Some(format!(
            "<speak xml:lang=\"{}\">{body}</speak>",
            xml(language)
        ))
    }
}

/// How fast and how loud, as the passenger set them on the keypad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prosody {
    /// Speaking rate, per cent of normal (50–250).
    pub rate: u16,
    /// Volume, per cent (10–100).
    pub volume: u16,
}

impl Default for Prosody {
    fn default() -> Prosody {
        Prosody {
            rate: 100,
            volume: 80,
        }
    }
}

impl Prosody {
    pub const RATES: (u16, u16) = (50, 250);
    pub const VOLUMES: (u16, u16) = (10, 100);

    /// A step faster (`+1`) or slower (`-1`), within [`Prosody::RATES`].
    pub fn faster(self, by: i16) -> Prosody {
        let rate =
            (self.rate as i32 + 25 * by as i32).clamp(Self::RATES.0 as i32, Self::RATES.1 as i32);
        Prosody {
            rate: rate as u16,
            ..self
        }
    }

    /// A step louder (`+1`) or softer (`-1`), within [`Prosody::VOLUMES`].
    pub fn louder(self, by: i16) -> Prosody {
        let volume = (self.volume as i32 + 10 * by as i32)
            .clamp(Self::VOLUMES.0 as i32, Self::VOLUMES.1 as i32);
        Prosody {
            volume: volume as u16,
            ..self
        }
    }
}

/// Why a voice could not speak.
#[derive(Debug, thiserror::Error)]
pub enum SpeechError {
    #[error("no voice for {0}")]
    NoVoice(String),
    #[error("the speech program {program} could not run: {source}")]
    Spawn {
        program: String,
        source: std::io::Error,
    },
    #[error("the speech program {program} failed: {detail}")]
    Failed { program: String, detail: String },
    #[error("the utterance log could not be written: {0}")]
    Log(#[from] std::io::Error),
}

/// Where the kiosk's words go (the port).
pub trait Voice: Send + Sync {
    /// Says `utterance`, interrupting whatever is being said. Returns once speaking has
    /// started (or, for the file voice, once it is written), not when it ends.
    fn speak(&self, utterance: &Utterance, prosody: Prosody) -> Result<(), SpeechError>;
    /// Stops speaking now (a key was pressed).
    fn stop(&self);
    /// Can this voice pause and go on where it was (a CUSS platform's announcement can)?
    /// Without, a pause stops and going on says the last thing again.
    fn pauses(&self) -> bool {
        false
    }
    /// Pauses (`true`) or goes on (`false`), when [`Voice::pauses`].
    fn pause(&self, _paused: bool) {}
}

/// A voice on a thread of its own: the screen hands it what to say and goes on at once; a
/// synthesiser that is slow to start never holds up a tap.
#[derive(Debug, Clone)]
pub struct Speaker {
    tx: std::sync::mpsc::Sender<Said>,
    /// The voice pauses and goes on by itself ([`Voice::pauses`]).
    pauses: bool,
}

enum Said {
    Speak(Utterance, Prosody),
    Stop,
    Pause(bool),
    /// Answered once everything before it was handed to the voice.
    Flush(std::sync::mpsc::Sender<()>),
}

impl std::fmt::Debug for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Said::Speak(..) => "Speak",
            Said::Stop => "Stop",
            Said::Pause(_) => "Pause",
            Said::Flush(_) => "Flush",
        })
    }
}

impl Speaker {
    pub fn new(voice: std::sync::Arc<dyn Voice>) -> Speaker {
        let pauses = voice.pauses();
        let (tx, rx) = std::sync::mpsc::channel::<Said>();
        let spawned = std::thread::Builder::new()
            .name("speech".into())
            .spawn(move || {
                while let Ok(said) = rx.recv() {
                    match said {
                        Said::Speak(utterance, prosody) => {
                            if let Err(e) = voice.speak(&utterance, prosody) {
                                tracing::warn!(error = %e, "could not speak");
                            }
                        }
                        Said::Stop => voice.stop(),
                        Said::Pause(paused) => voice.pause(paused),
                        Said::Flush(done) => {
                            let _ = done.send(());
                        }
                    }
                }
                voice.stop();
            });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "no speech thread: the kiosk cannot speak");
        }
        Speaker { tx, pauses }
    }

    /// Can the voice pause and go on where it was?
    pub fn pauses(&self) -> bool {
        self.pauses
    }

    /// Pauses or goes on (a voice that [`Speaker::pauses`]).
    pub fn pause(&self, paused: bool) {
        let _ = self.tx.send(Said::Pause(paused));
    }

    /// Says `utterance` (interrupting what is being said).
    pub fn say(&self, utterance: Utterance, prosody: Prosody) {
        let _ = self.tx.send(Said::Speak(utterance, prosody));
    }

    /// Stops speaking.
    pub fn stop(&self) {
        let _ = self.tx.send(Said::Stop);
    }

    /// Waits until everything said so far was handed to the voice (tests).
    pub fn flush(&self) {
        let (done, wait) = std::sync::mpsc::channel();
        if self.tx.send(Said::Flush(done)).is_ok() {
            let _ = wait.recv_timeout(std::time::Duration::from_secs(10));
        }
    }
}

/// The espeak-ng voice of a screen locale (its language; Chinese is Mandarin), `None` for a
/// language the kiosk has no voice for.
pub fn espeak_voice(locale: &str) -> Option<&'static str> {
    let language = locale.split(['-', '_']).next().unwrap_or_default();
    Some(match language {
        "en" => {
            if locale.ends_with("GB") {
                "en-gb"
            } else {
                "en-us"
            }
        }
        "ur" => "ur",
        "ar" => "ar",
        "es" => "es",
        "fr" => "fr-fr",
        "de" => "de",
        "hi" => "hi",
        "zh" => "cmn",
        _ => return None,
    })
}

/// The languages espeak-ng on this machine can speak (`espeak-ng --voices`), or `None` when
/// espeak-ng is not installed.
pub fn installed_voices() -> Option<Vec<String>> {
    let out = std::process::Command::new("espeak-ng")
        .arg("--voices")
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Some(
        text.lines()
            .skip(1)
            .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
            .collect(),
    )
}

/// Each offered locale without a voice, in words for `concierge locales check`: the kiosk has
/// no voice for its language, or espeak-ng here lacks it (`installed`: what
/// [`installed_voices`] found; `None` when espeak-ng is not installed on the machine the check
/// runs on, which may not be the kiosk).
pub fn missing_voices(locales: &[String], installed: Option<&[String]>) -> Vec<String> {
    let mut problems = Vec::new();
    for locale in locales {
        match (espeak_voice(locale), installed) {
            (None, _) => problems.push(format!(
                "{locale}: no voice: a blind passenger would hear nothing in this language"
            )),
            (Some(voice), Some(installed)) if !installed.iter().any(|v| v == voice) => problems
                .push(format!(
                    "{locale}: espeak-ng here has no voice {voice:?} (install espeak-ng-data)"
                )),
            _ => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_locale_has_a_voice() {
        for locale in crate::i18n::screen_locales() {
            assert!(espeak_voice(&locale).is_some(), "{locale}");
        }
        assert_eq!(espeak_voice("zh-CN"), Some("cmn"));
        assert_eq!(espeak_voice("sw-KE"), None);
    }

    #[test]
    fn a_locale_without_a_voice_is_reported() {
        let installed = vec!["en-us".to_string(), "ur".to_string()];
        let locales = vec!["en-US".into(), "ur-PK".into(), "ar".into(), "sw-KE".into()];
        let problems = missing_voices(&locales, Some(&installed));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("ar:") && problems[0].contains("\"ar\""));
        assert!(problems[1].starts_with("sw-KE: no voice"));
        assert!(
            missing_voices(&locales[..3], None).is_empty(),
            "not installed: mapping only"
        );
    }

    #[test]
    fn isolation_marks_are_not_spoken_and_prosody_stays_in_range() {
        let u = Utterance::new("ur-PK", "خوش آمدید \u{2068}Ali\u{2069}");
        assert_eq!(u.text, "خوش آمدید Ali");
        let mut p = Prosody::default();
        for _ in 0..20 {
            p = p.faster(1).louder(1);
        }
        assert_eq!((p.rate, p.volume), (Prosody::RATES.1, Prosody::VOLUMES.1));
        for _ in 0..20 {
            p = p.faster(-1).louder(-1);
        }
        assert_eq!((p.rate, p.volume), (Prosody::RATES.0, Prosody::VOLUMES.0));
    }
}

#[cfg(test)]
mod foreign_tests {
    use super::*;

    #[test]
    fn foreign_words_go_in_their_own_voice_and_the_rest_is_escaped() {
        let u = Utterance::new("en-US", "Choose <one>: اردو, Urdu").with_foreign(vec![
            ("اردو".into(), "ur-PK".into()),
            ("English".into(), "en-US".into()),
            ("中文".into(), "zh-CN".into()),
        ]);
        // Only words in the text, and not the utterance's own language.
        assert_eq!(u.foreign, [("اردو".to_string(), "ur-PK".to_string())]);
        assert_eq!(
            u.ssml().unwrap(),
            "<speak xml:lang=\"en\">Choose &lt;one&gt;: <voice xml:lang=\"ur\">اردو</voice>, Urdu</speak>"
        );
        assert_eq!(Utterance::new("en-US", "Welcome").ssml(), None);
    }
}
