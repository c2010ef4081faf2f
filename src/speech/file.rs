//! The file voice: every utterance as a JSON line and a WAV, for tests and for an operator who
//! wants to read and hear what the kiosk says. What is written holds what the passenger heard,
//! their name included: it is for a test bench, never for a kiosk in service.

use super::espeak::espeak_args;
use super::{Prosody, SpeechError, Utterance, Voice, espeak_voice};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// One line of `utterances.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logged {
    /// 1, 2, 3 … in the order spoken.
    pub seq: u32,
    pub locale: String,
    /// The espeak-ng voice that made the WAV.
    pub voice: String,
    pub text: String,
    pub rate: u16,
    pub volume: u16,
    /// The WAV's file name, beside the log; `None` when espeak-ng could not make it.
    pub wav: Option<String>,
    /// Words said in another language's voice, with its locale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign: Vec<(String, String)>,
}

/// Writes each utterance to `<dir>/utterances.jsonl` and `<dir>/NNNN.wav`.
#[derive(Debug)]
pub struct FileVoice {
    dir: PathBuf,
    seq: Mutex<u32>,
}

impl FileVoice {
    /// A file voice writing into `dir` (created if needed), after what is already there.
    pub fn new(dir: &Path) -> Result<FileVoice, SpeechError> {
        std::fs::create_dir_all(dir)?;
        let seq = Self::read(dir).last().map_or(0, |l| l.seq);
        Ok(FileVoice {
            dir: dir.to_path_buf(),
            seq: Mutex::new(seq),
        })
    }

    /// What a file voice wrote into `dir`, in order (lines that do not parse are skipped).
    pub fn read(dir: &Path) -> Vec<Logged> {
        std::fs::read_to_string(dir.join("utterances.jsonl"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }
}

impl Voice for FileVoice {
    fn speak(&self, utterance: &Utterance, prosody: Prosody) -> Result<(), SpeechError> {
        let voice = espeak_voice(&utterance.locale)
            .ok_or_else(|| SpeechError::NoVoice(utterance.locale.clone()))?;
        let mut seq = self.seq.lock().unwrap_or_else(|e| e.into_inner());
        *seq += 1;
        let name = format!("{:04}.wav", *seq);
        // The text on standard input, as the voices that speak aloud take it (SSML when some
        // words are another language's).
        let ssml = utterance.ssml();
        let made = Command::new("espeak-ng")
            .arg("-v")
            .arg(voice)
            .args(espeak_args(prosody))
            .args(ssml.as_ref().map(|_| "-m"))
            .arg("-w")
            .arg(self.dir.join(&name))
            .arg("--stdin")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                if let Some(mut input) = child.stdin.take() {
                    input.write_all(ssml.as_deref().unwrap_or(&utterance.text).as_bytes())?;
                }
                child.wait_with_output()
            });
        let wav = match made {
            Ok(out) if out.status.success() => Some(name),
            Ok(out) => {
                tracing::warn!(
                    detail = %String::from_utf8_lossy(&out.stderr).trim(),
                    "espeak-ng made no WAV"
                );
                None
            }
            Err(e) => {
                tracing::warn!(error = %e, "espeak-ng could not run: no WAV");
                None
            }
        };
        let line = serde_json::to_string(&Logged {
            seq: *seq,
            locale: utterance.locale.clone(),
            voice: voice.into(),
            text: utterance.text.clone(),
            rate: prosody.rate,
            volume: prosody.volume,
            wav,
            foreign: utterance.foreign.clone(),
        })
        .map_err(std::io::Error::other)?;
        let mut log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("utterances.jsonl"))?;
        writeln!(log, "{line}")?;
        Ok(())
    }

    fn stop(&self) {}
}

/// How loud a 16-bit WAV is: the root mean square of its samples (0 for silence), so a test or
/// an operator can tell a WAV the file voice made is sound.
pub fn loudness(wav: &[u8]) -> f64 {
    let Some(data) = wav.windows(4).position(|w| w == b"data") else {
        return 0.0;
    };
    pcm_loudness(&wav[data + 8..])
}

/// How loud raw 16-bit little-endian PCM is (what an ALSA file device records): the root mean
/// square of its samples.
pub fn pcm_loudness(pcm: &[u8]) -> f64 {
    let samples: Vec<f64> = pcm
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]) as f64)
        .collect();
    (samples.iter().map(|s| s * s).sum::<f64>() / samples.len().max(1) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Needs espeak-ng (scripts/test installs it).
    #[test]
    #[ignore = "needs espeak-ng"]
    fn each_utterance_is_a_line_and_a_wav_that_is_heard() {
        let dir = tempfile::tempdir().unwrap();
        let voice = FileVoice::new(dir.path()).unwrap();
        for (locale, text) in [
            ("en-US", "Find your booking"),
            ("ur-PK", "اپنی بکنگ تلاش کریں"),
            ("ar", "ابحث عن حجزك"),
        ] {
            voice
                .speak(&Utterance::new(locale, text), Prosody::default())
                .unwrap();
        }
        let logged = FileVoice::read(dir.path());
        assert_eq!(logged.len(), 3);
        assert_eq!(
            (
                logged[1].seq,
                logged[1].voice.as_str(),
                logged[1].locale.as_str()
            ),
            (2, "ur", "ur-PK")
        );
        for l in &logged {
            let wav = std::fs::read(dir.path().join(l.wav.as_ref().unwrap())).unwrap();
            assert!(
                loudness(&wav) > 300.0,
                "{}: silent ({})",
                l.text,
                loudness(&wav)
            );
        }
        // A voice opened again goes on counting.
        let again = FileVoice::new(dir.path()).unwrap();
        again
            .speak(&Utterance::new("en-US", "Help"), Prosody::default())
            .unwrap();
        assert_eq!(FileVoice::read(dir.path()).last().unwrap().seq, 4);
    }
}
