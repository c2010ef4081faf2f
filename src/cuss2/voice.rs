//! Speech mode's voice on a common-use kiosk: what the kiosk says goes to the platform's
//! Announcement component as SSML (`peripherals_announcement_play`), which speaks it into the
//! headset; a key stops it (`peripherals_announcement_stop`). Pause and resume are the
//! platform's directives too.

use super::client::Platform;
use super::wire::{AppPayload, DataRecord, Directive, Role};
use crate::speech::{Prosody, SpeechError, Utterance, Voice};

pub struct AnnouncementVoice {
    platform: Platform,
}

impl AnnouncementVoice {
    pub fn new(platform: Platform) -> AnnouncementVoice {
        AnnouncementVoice { platform }
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The utterance as an SSML 1.1 document, at the passenger's rate and volume, words in
/// another language marked with their own.
pub fn ssml(utterance: &Utterance, prosody: Prosody) -> String {
    let mut body = xml(&utterance.text);
    for (words, locale) in &utterance.foreign {
        let w = xml(words);
        body = body.replace(
            &w,
            &format!("<lang xml:lang=\"{}\">{w}</lang>", xml(locale)),
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"{}\">\
         <prosody rate=\"{}%\" volume=\"{}\">{body}</prosody></speak>",
        xml(&utterance.locale),
        prosody.rate,
        // SSML volume is 0–100.
        prosody.volume.min(100),
    )
}

impl Voice for AnnouncementVoice {
    fn speak(&self, utterance: &Utterance, prosody: Prosody) -> Result<(), SpeechError> {
        let Some(id) = self.platform.component(Role::Announcement) else {
            return Err(SpeechError::NoVoice(
                "the CUSS platform has no announcement component".into(),
            ));
        };
        let payload = AppPayload {
            data_records: Some(vec![DataRecord::text(
                "DS_TYPES_SSML",
                ssml(utterance, prosody),
            )]),
            ..Default::default()
        };
        // Whatever was being said stops first, as with the kiosk's own voice.
        self.platform
            .tell(Directive::AnnouncementStop, Some(id), None);
        self.platform
            .tell(Directive::AnnouncementPlay, Some(id), Some(payload));
        Ok(())
    }

    fn stop(&self) {
        if let Some(id) = self.platform.component(Role::Announcement) {
            self.platform
                .tell(Directive::AnnouncementStop, Some(id), None);
        }
    }

    fn pauses(&self) -> bool {
        true
    }

    fn pause(&self, paused: bool) {
        if let Some(id) = self.platform.component(Role::Announcement) {
            let d = if paused {
                Directive::AnnouncementPause
            } else {
                Directive::AnnouncementResume
            };
            self.platform.tell(d, Some(id), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssml_escapes_and_marks_languages() {
        let u = Utterance::new("ur-PK", "Flight <NW> & \"KHAN\"")
            .with_foreign(vec![("KHAN".into(), "en-US".into())]);
        let s = ssml(&u, Prosody::default());
        assert!(s.contains("xml:lang=\"ur-PK\""));
        assert!(
            s.contains("Flight &lt;NW&gt; &amp; &quot;<lang xml:lang=\"en-US\">KHAN</lang>&quot;")
        );
        assert!(s.starts_with("<?xml") && s.ends_with("</speak>"));
    }
}
