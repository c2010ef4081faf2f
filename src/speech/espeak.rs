//! The voices that speak aloud, each utterance a process of its own: espeak-ng straight to the
//! sound card, or `spd-say` to the speech-dispatcher server.

use super::{Prosody, SpeechError, Utterance, Voice, espeak_voice};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;

/// The one utterance being spoken: its process, killed when the next one starts.
#[derive(Debug, Default)]
struct Speaking(Mutex<Option<Child>>);

impl Speaking {
    fn stop(&self) {
        let mut current = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(mut child) = current.take() {
            // Done already, or cut short now; either way reaped, never left a zombie.
            if child.try_wait().ok().flatten().is_none() {
                let _ = child.kill();
            }
            let _ = child.wait();
        }
    }

    /// Starts `command` with `text` on its standard input (never on its command line, where
    /// any user of the machine could read a passenger's name in the process list).
    fn start(&self, program: &str, command: &mut Command, text: &str) -> Result<(), SpeechError> {
        use std::io::Write;
        self.stop();
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| SpeechError::Spawn {
                program: program.into(),
                source,
            })?;
        // An utterance is far smaller than a pipe's buffer: this never waits for the reader.
        if let Some(mut input) = child.stdin.take() {
            let _ = input.write_all(text.as_bytes());
        }
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(child);
        Ok(())
    }
}

impl Drop for Speaking {
    fn drop(&mut self) {
        self.stop();
    }
}

/// espeak-ng's words per minute and amplitude (0–200, 100 normal) for a prosody: normal rate
/// is espeak-ng's 175 wpm, and 80 % volume its normal amplitude.
pub(super) fn espeak_args(prosody: Prosody) -> [String; 4] {
    let wpm = 175 * prosody.rate as u32 / 100;
    let amplitude = (prosody.volume as u32 * 100 / 80).min(200);
    [
        "-s".into(),
        wpm.to_string(),
        "-a".into(),
        amplitude.to_string(),
    ]
}

/// espeak-ng, speaking to the sound card (ALSA, or PipeWire's ALSA plug-in).
#[derive(Debug, Default)]
pub struct EspeakVoice {
    speaking: Speaking,
}

impl Voice for EspeakVoice {
    fn speak(&self, utterance: &Utterance, prosody: Prosody) -> Result<(), SpeechError> {
        let voice = espeak_voice(&utterance.locale)
            .ok_or_else(|| SpeechError::NoVoice(utterance.locale.clone()))?;
        let ssml = utterance.ssml();
        let mut command = Command::new("espeak-ng");
        command.arg("-v").arg(voice).args(espeak_args(prosody));
        if ssml.is_some() {
            // SSML: the foreign words in their own voices.
            command.arg("-m");
        }
        command.arg("--stdin");
        self.speaking.start(
            "espeak-ng",
            &mut command,
            ssml.as_deref().unwrap_or(&utterance.text),
        )
    }

    fn stop(&self) {
        self.speaking.stop();
    }
}

/// `text` a sentence a line, as `spd-say --pipe-mode` sends each line to the server as a
/// message of its own: the server's espeak-ng makes a message's sound whole before it plays it,
/// so a whole screen said as one message starts some 150 ms later than its first sentence
/// alone (measured: 178 against 20 ms). No line is empty, and none starts with `!`: pipe mode
/// sends a line that starts with `!-!` to the server as a command, and a passenger's typed
/// comment is read back to them.
fn sentences(text: &str) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let end = match c {
            '\n' | '\r' => {
                if let Some(line) = lines.last_mut() {
                    line.push(' ');
                }
                continue;
            }
            // Full stops of scripts that write no space after them.
            '。' | '？' | '！' => true,
            '.' | '?' | '!' | '۔' | '؟' | '।' | '॥' => {
                chars.peek().is_none_or(|n| n.is_whitespace())
            }
            _ => false,
        };
        if let Some(line) = lines.last_mut() {
            line.push(c);
        }
        if end {
            lines.push(String::new());
        }
    }
    let mut out = String::with_capacity(text.len() + 8);
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if line.starts_with('!') {
            out.push(' ');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// speech-dispatcher through `spd-say`: the server picks the synthesiser (espeak-ng by default
/// on Debian) and the audio output the desktop uses.
#[derive(Debug, Default)]
pub struct DispatcherVoice {
    speaking: Speaking,
    /// The server's address (`SPEECHD_ADDRESS`: `unix_socket:PATH` or `inet_socket:HOST:PORT`);
    /// `None` for the user's own server, started by `spd-say` when none runs.
    address: Option<String>,
}

impl DispatcherVoice {
    /// The voice of the speech-dispatcher server at `address` (`None`: the user's own).
    pub fn at(address: Option<String>) -> DispatcherVoice {
        DispatcherVoice {
            speaking: Speaking::default(),
            address,
        }
    }

    /// `spd-say`, pointed at the server.
    fn spd_say(&self) -> Command {
        let mut command = Command::new("spd-say");
        if let Some(address) = &self.address {
            command.env("SPEECHD_ADDRESS", address);
        }
        command
    }

    /// `spd-say`'s arguments for an utterance: the language (the server picks that language's
    /// voice), rate and volume from -100 to 100 (0 normal), and pipe mode: the text comes on
    /// standard input, a sentence a line ([`sentences`]).
    fn args(utterance: &Utterance, prosody: Prosody) -> Vec<String> {
        let language = utterance.locale.split(['-', '_']).next().unwrap_or("en");
        let rate = (prosody.rate as i32 - 100).clamp(-100, 100);
        let volume = ((prosody.volume as i32 - 80) * 5).clamp(-100, 100);
        vec![
            "--language".into(),
            language.into(),
            "--rate".into(),
            rate.to_string(),
            "--volume".into(),
            volume.to_string(),
            "--pipe-mode".into(),
        ]
    }

    /// Cancels what the server is saying; a server that does not answer within a second is
    /// left to itself (the next utterance still goes).
    fn cancel(&self) {
        let Ok(mut child) = self
            .spd_say()
            .arg("--cancel")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        else {
            return;
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
        while std::time::Instant::now() < deadline {
            if child.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Voice for DispatcherVoice {
    fn speak(&self, utterance: &Utterance, prosody: Prosody) -> Result<(), SpeechError> {
        espeak_voice(&utterance.locale)
            .ok_or_else(|| SpeechError::NoVoice(utterance.locale.clone()))?;
        // The last utterance's spd-say first (it may still be sending its sentences), then
        // what the server has of it.
        self.speaking.stop();
        self.cancel();
        let mut command = self.spd_say();
        command.args(Self::args(utterance, prosody));
        // Foreign words: the whole utterance as one SSML message (one line), in which the
        // server's synthesiser switches voices.
        let text = match utterance.ssml() {
            Some(ssml) => {
                command.arg("--ssml");
                format!("{}\n", ssml.replace(['\n', '\r'], " "))
            }
            None => sentences(&utterance.text),
        };
        self.speaking.start("spd-say", &mut command, &text)
    }

    fn stop(&self) {
        self.speaking.stop();
        self.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spd_say_asks_for_the_screens_language_and_the_passengers_rate_and_volume() {
        let args = DispatcherVoice::args(
            &Utterance::new("zh-CN", "查找您的预订"),
            Prosody {
                rate: 150,
                volume: 100,
            },
        );
        assert_eq!(
            args,
            [
                "--language",
                "zh",
                "--rate",
                "50",
                "--volume",
                "100",
                "--pipe-mode"
            ]
        );
        let args = DispatcherVoice::args(&Utterance::new("ur-PK", "-x"), Prosody::default());
        assert_eq!(
            &args[..6],
            ["--language", "ur", "--rate", "0", "--volume", "0"]
        );
        assert!(
            !args.iter().any(|a| a.contains("-x")),
            "the text is not on the command line"
        );
    }

    #[test]
    fn a_screen_goes_to_the_server_a_sentence_a_line() {
        assert_eq!(
            sentences("Speech on. Gate B12, 10.5 kg?  Yes!\nNo"),
            "Speech on.\nGate B12, 10.5 kg?\nYes!\nNo\n"
        );
        assert_eq!(
            sentences("اپنی بکنگ تلاش کریں۔ جاری رکھیں، بٹن 1 از 9"),
            "اپنی بکنگ تلاش کریں۔\nجاری رکھیں، بٹن 1 از 9\n"
        );
        assert_eq!(
            sentences("语音已开启。查找您的预订"),
            "语音已开启。\n查找您的预订\n"
        );
        assert_eq!(sentences("हिंदी। दूसरा"), "हिंदी।\nदूसरा\n");
        assert_eq!(
            sentences("完成。"),
            "完成。\n",
            "no empty line after the last"
        );
        assert_eq!(sentences(""), "");
        assert_eq!(sentences("  \n "), "");
    }

    /// spd-say's pipe mode sends a line that starts with `!-!` to the server as a command: a
    /// comment typed on the keyboard and read back never becomes one.
    #[test]
    fn no_line_reaches_the_server_as_a_command() {
        for typed in [
            "!-!SET ALL DEBUG on",
            "Comment: x. !-!SET ALL VOLUME 100",
            "a!\n!-!QUIT",
            "¡Hola! !-!CANCEL all",
        ] {
            let piped = sentences(typed);
            assert!(
                piped.lines().all(|l| !l.starts_with('!')),
                "{typed:?} -> {piped:?}"
            );
            assert!(piped.contains("!-!"), "the words are still said: {piped:?}");
        }
    }

    #[test]
    fn espeak_ng_speaks_at_its_normal_rate_and_amplitude_by_default() {
        assert_eq!(espeak_args(Prosody::default()), ["-s", "175", "-a", "100"]);
    }
}
