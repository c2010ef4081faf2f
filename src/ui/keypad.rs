//! The on-screen keyboard: large keys, digits and Latin capitals (booking references, ticket
//! numbers and names are held in Latin letters), space, delete and clear. Kiosks have no OS
//! keyboard; a hardware keyboard or scanner types into the same fields.

use super::theme::ButtonKind;
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

impl Kiosk {
    pub(super) fn keypad(&self) -> El<'_> {
        let s = self.sizes();
        let key = |label: String, press: KeyPress, width: f32| -> El<'_> {
            self.act(
                container(text(label).size(s.button))
                    .center(Length::Fill)
                    .into(),
                Message::Keypad(press),
                ButtonKind::Key,
            )
            .width(Length::Fixed(width))
            .height(Length::Fixed(s.key))
            .into()
        };
        let mut rows = column![].spacing(8).align_x(Alignment::Start);
        for (i, keys) in ROWS.iter().enumerate() {
            // Keys are laid out left to right in every language: the letters are Latin.
            let mut row = Row::new().spacing(8);
            for c in keys.chars() {
                row = row.push(key(c.to_string(), KeyPress::Char(c), s.key + 8.0));
            }
            // Rows 3 and 4 share one space bar; row 3 ends with an apostrophe key instead.
            match (i, ENDS[i]) {
                (0, end) => row = row.push(key(self.t("key-backspace"), end, 160.0)),
                (1, end) => row = row.push(key(self.t("key-clear"), end, 160.0)),
                (3, end) => row = row.push(key(self.t("key-space"), end, 240.0)),
                _ => {}
            }
            rows = rows.push(row);
        }
        rows.into()
    }
}
