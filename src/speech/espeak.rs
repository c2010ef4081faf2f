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

    fn start(&self, program: &str, command: &mut Command) -> Result<(), SpeechError> {
        self.stop();
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| SpeechError::Spawn {
                program: program.into(),
                source,
            })?;
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
        self.speaking.start(
            "espeak-ng",
            Command::new("espeak-ng")
                .arg("-v")
                .arg(voice)
                .args(espeak_args(prosody))
                .arg("--")
                .arg(&utterance.text),
        )
    }

    fn stop(&self) {
        self.speaking.stop();
    }
}

/// speech-dispatcher through `spd-say`: the server picks the synthesiser (espeak-ng by default
/// on Debian) and the audio output the desktop uses.
#[derive(Debug, Default)]
pub struct DispatcherVoice {
    speaking: Speaking,
}

impl DispatcherVoice {
    /// Cancels what the server is saying; a server that does not answer within a second is
    /// left to itself (the next utterance still goes).
    fn cancel() {
        let Ok(mut child) = Command::new("spd-say")
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
        let language = utterance.locale.split(['-', '_']).next().unwrap_or("en");
        // spd-say's rate and volume run from -100 to 100, 0 normal.
        let rate = (prosody.rate as i32 - 100).clamp(-100, 100);
        let volume = ((prosody.volume as i32 - 80) * 5).clamp(-100, 100);
        Self::cancel();
        self.speaking.start(
            "spd-say",
            Command::new("spd-say")
                .args(["--language", language])
                .args(["--rate", &rate.to_string()])
                .args(["--volume", &volume.to_string()])
                .arg("--wait")
                .arg("--")
                .arg(&utterance.text),
        )
    }

    fn stop(&self) {
        Self::cancel();
        self.speaking.stop();
    }
}
