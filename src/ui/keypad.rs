//! The on-screen keyboard: large keys, digits and Latin capitals (booking references, ticket
//! numbers and names are held in Latin letters), space, delete and clear. Kiosks have no OS
//! keyboard; a hardware keyboard or scanner types into the same fields.

use super::theme::{self, ButtonKind};
use super::{El, KeyPress, Kiosk, Message};
use iced::widget::{Row, column, container, text};
use iced::{Alignment, Length};

const ROWS: [&str; 4] = ["1234567890", "QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-."];

/// The wide key at the end of each row.
const ENDS: [KeyPress; 4] = [
    KeyPress::Backspace,
    KeyPress::Clear,
    KeyPress::Char(' '),
    KeyPress::Char(' '),
];

/// The letters of a language written in another script than Latin, for the comment keyboard
/// (in the order its readers learn them), and what its key says. Chinese has none: its
/// passengers type a comment in pinyin, on the Latin keys.
pub(super) fn script_letters(locale: &str) -> Option<(&'static str, &'static str)> {
    match locale.split('-').next()? {
        "ar" => Some(("أ ب ت", "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة،؟.")),
        "ur" => Some(("ا ب پ", "اآبپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےۓ،؟۔")),
        "hi" => Some((
            "अ आ इ",
            "अआइईउऊऋएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसहािीुूृेैोौंःँ्।?",
        )),
        _ => None,
    }
}

impl Kiosk {
    /// The comment keyboard: the passenger's own script where it is not Latin (Urdu, Arabic,
    /// Hindi), with a key to switch to Latin letters and back.
    pub(super) fn comment_keypad(&self) -> El<'_> {
        let Some((script, letters)) = script_letters(self.locale()) else {
            return self.keypad();
        };
        let s = self.sizes();
        let room = self.room().width - 2.0 * super::view::PAGE_SIDE - 40.0;
        let high = (s.key - 8.0).max(52.0);
        let key = |label: String, message: Message, width: f32| -> El<'_> {
            self.act(
                container(text(label).size(s.button.min(high * 0.55)))
                    .center(Length::Fill)
                    .into(),
                message,
                ButtonKind::Key,
            )
            .padding(0)
            .width(Length::Fixed(width))
            .height(Length::Fixed(high))
            .into()
        };
        let toggle = if self.visit.latin_comment {
            key(script.to_string(), Message::CommentScript(true), 160.0)
        } else {
            key("ABC".to_string(), Message::CommentScript(false), 160.0)
        };
        if self.visit.latin_comment {
            return column![self.keypad(), toggle]
                .spacing(theme::gap::KEY_ROWS)
                .into();
        }
        // As many letters to a line as fit (sixteen on a wide screen), never a key narrower
        // than a fingertip's 48 px; lines in the script's own direction.
        let letter = s.key + 8.0;
        let per_line = (((room + 8.0) / (letter + 8.0)) as usize).clamp(8, 16);
        let letter = ((room - (per_line as f32 - 1.0) * 8.0) / per_line as f32).clamp(48.0, letter);
        let keys: Vec<char> = letters.chars().collect();
        let mut rows = column![]
            .spacing(theme::gap::KEY_ROWS)
            .align_x(Alignment::Center);
        for line in keys.chunks(per_line) {
            let line: Vec<El<'_>> = line
                .iter()
                .map(|c| key(c.to_string(), Message::Keypad(KeyPress::Char(*c)), letter))
                .collect();
            rows = rows.push(self.dir_row(line).spacing(theme::gap::SMALL));
        }
        let third = ((room - 3.0 * 8.0 - 160.0) / 3.0).min(240.0);
        rows = rows.push(
            self.dir_row(vec![
                toggle,
                key(
                    self.t("key-space"),
                    Message::Keypad(KeyPress::Char(' ')),
                    third,
                ),
                key(
                    self.t("key-backspace"),
                    Message::Keypad(KeyPress::Backspace),
                    third,
                ),
                key(self.t("key-clear"), Message::Keypad(KeyPress::Clear), third),
            ])
            .spacing(theme::gap::SMALL),
        );
        rows.into()
    }

    pub(super) fn keypad(&self) -> El<'_> {
        let s = self.sizes();
        // A narrow screen's keyboard has a fifth row: its keys are a little lower.
        let room = self.room().width - 2.0 * super::view::PAGE_SIDE - 40.0;
        let wide = 10.0 * (s.key + 8.0) + 10.0 * 8.0 + 160.0;
        let narrow = room < wide;
        let high = if narrow {
            (s.key - 8.0).max(52.0)
        } else {
            s.key
        };
        let key = |label: String, press: KeyPress, width: f32| -> El<'_> {
            // The label fits its key (Larger text grows it as far as the key allows).
            self.act(
                container(text(label).size(s.button.min(high * 0.55)))
                    .center(Length::Fill)
                    .into(),
                Message::Keypad(press),
                ButtonKind::Key,
            )
            .padding(0)
            .width(Length::Fixed(width))
            .height(Length::Fixed(high))
            .into()
        };
        let mut rows = column![]
            .spacing(theme::gap::KEY_ROWS)
            .align_x(Alignment::Start);
        // A narrow screen (a portrait panel) puts Delete, Clear and Space on a row of their own
        // and narrows the letters to fit ten to a line; never below a fingertip's 48 px.
        let letter = if narrow {
            ((room - 9.0 * 8.0) / 10.0).clamp(48.0, s.key + 8.0)
        } else {
            s.key + 8.0
        };
        for (i, keys) in ROWS.iter().enumerate() {
            // Keys are laid out left to right in every language: the letters are Latin.
            let mut row = Row::new().spacing(theme::gap::SMALL);
            for c in keys.chars() {
                row = row.push(key(c.to_string(), KeyPress::Char(c), letter));
            }
            // Rows 3 and 4 share one space bar; row 3 ends with an apostrophe key instead.
            match (i, ENDS[i]) {
                _ if narrow => {}
                (0, end) => row = row.push(key(self.t("key-backspace"), end, 160.0)),
                (1, end) => row = row.push(key(self.t("key-clear"), end, 160.0)),
                (3, end) => row = row.push(key(self.t("key-space"), end, 240.0)),
                _ => {}
            }
            rows = rows.push(row);
        }
        if narrow {
            let third = ((room - 2.0 * 8.0) / 3.0).min(240.0);
            rows = rows.push(
                Row::new()
                    .spacing(theme::gap::SMALL)
                    .push(key(self.t("key-backspace"), KeyPress::Backspace, third))
                    .push(key(self.t("key-clear"), KeyPress::Clear, third))
                    .push(key(self.t("key-space"), KeyPress::Char(' '), third)),
            );
        }
        rows.into()
    }
}
