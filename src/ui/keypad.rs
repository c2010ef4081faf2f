//! The on-screen keyboard: large keys, digits and Latin capitals (booking references, ticket
//! numbers and names are held in Latin letters), space, delete and clear. Kiosks have no OS
//! keyboard; a hardware keyboard or scanner types into the same fields.

use super::draw::{Draw, El, Msg, PAGE_SIDE};
use super::fonts;
use super::input::{Field, KeyPress};
use super::theme::{self, ButtonKind, PanelKind};
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
pub fn script_letters(locale: &str) -> Option<(&'static str, &'static str)> {
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

/// What speech calls a key.
fn key_name<M: Clone>(d: &Draw<M>, press: KeyPress) -> String {
    match press {
        KeyPress::Char(' ') => d.t("key-space"),
        KeyPress::Char(c) => c.to_string(),
        KeyPress::Backspace => d.t("key-backspace"),
        KeyPress::Clear => d.t("key-clear"),
    }
}

/// One key, `high` high and `width` wide, its label as large as the key allows.
fn key<'a, M: Msg>(
    d: &mut Draw<M>,
    label: String,
    message: M,
    name: String,
    width: f32,
    high: f32,
) -> El<'a, M> {
    let s = d.sizes();
    d.act(
        container(text(label).size(s.button.min(high * 0.55)))
            .center(Length::Fill)
            .into(),
        message,
        ButtonKind::Key,
        name,
    )
    .padding(0)
    .width(Length::Fixed(width))
    .height(Length::Fixed(high))
    .into()
}

/// The comment keyboard: the passenger's own script where it is not Latin (Urdu, Arabic,
/// Hindi), with a key to switch to Latin letters (`latin`) and back (`on_script(own)`).
pub fn comment_keypad<'a, M: Msg>(
    d: &mut Draw<M>,
    latin: bool,
    on_key: fn(KeyPress) -> M,
    on_script: fn(bool) -> M,
) -> El<'a, M> {
    let Some((script, letters)) = script_letters(d.locale()) else {
        return keypad(d, on_key);
    };
    let s = d.sizes();
    let room = d.room().width - 2.0 * PAGE_SIDE - 40.0;
    let high = (s.key - 8.0).max(52.0);
    let toggle = if latin {
        key(
            d,
            script.to_string(),
            on_script(true),
            script.to_string(),
            160.0,
            high,
        )
    } else {
        key(
            d,
            "ABC".to_string(),
            on_script(false),
            "ABC".to_string(),
            160.0,
            high,
        )
    };
    if latin {
        return column![keypad(d, on_key), toggle]
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
        let line: Vec<El<'a, M>> = line
            .iter()
            .map(|c| {
                let press = KeyPress::Char(*c);
                key(d, c.to_string(), on_key(press), c.to_string(), letter, high)
            })
            .collect();
        rows = rows.push(d.look().dir_row(line).spacing(theme::gap::SMALL));
    }
    let third = ((room - 3.0 * 8.0 - 160.0) / 3.0).min(240.0);
    let mut last = vec![toggle];
    for press in [KeyPress::Char(' '), KeyPress::Backspace, KeyPress::Clear] {
        let name = key_name(d, press);
        last.push(key(d, name.clone(), on_key(press), name, third, high));
    }
    rows = rows.push(d.look().dir_row(last).spacing(theme::gap::SMALL));
    rows.into()
}

/// The keyboard of Latin letters and digits.
pub fn keypad<'a, M: Msg>(d: &mut Draw<M>, on_key: fn(KeyPress) -> M) -> El<'a, M> {
    let s = d.sizes();
    // A narrow screen's keyboard has a fifth row: its keys are a little lower.
    let room = d.room().width - 2.0 * PAGE_SIDE - 40.0;
    let wide = 10.0 * (s.key + 8.0) + 10.0 * 8.0 + 160.0;
    let narrow = room < wide;
    let high = if narrow {
        (s.key - 8.0).max(52.0)
    } else {
        s.key
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
    let wide_key = |d: &mut Draw<M>, press: KeyPress, width: f32| {
        let name = key_name(d, press);
        key(d, name.clone(), on_key(press), name, width, high)
    };
    for (i, keys) in ROWS.iter().enumerate() {
        // Keys are laid out left to right in every language: the letters are Latin.
        let mut row = Row::new().spacing(theme::gap::SMALL);
        for c in keys.chars() {
            let press = KeyPress::Char(c);
            row = row.push(key(
                d,
                c.to_string(),
                on_key(press),
                c.to_string(),
                letter,
                high,
            ));
        }
        // Rows 3 and 4 share one space bar; row 3 ends with an apostrophe key instead.
        match (i, ENDS[i]) {
            _ if narrow => {}
            (0, end) | (1, end) => row = row.push(wide_key(d, end, 160.0)),
            (3, end) => row = row.push(wide_key(d, end, 240.0)),
            _ => {}
        }
        rows = rows.push(row);
    }
    if narrow {
        let third = ((room - 2.0 * 8.0) / 3.0).min(240.0);
        let mut row = Row::new().spacing(theme::gap::SMALL);
        for press in [KeyPress::Backspace, KeyPress::Clear, KeyPress::Char(' ')] {
            row = row.push(wide_key(d, press, third));
        }
        rows = rows.push(row);
    }
    rows.into()
}

/// A text field: its label above a box with what was typed (a cursor when `active`); a tap
/// (`select`) puts the cursor there.
pub fn text_field<'a, M: Msg>(
    d: &mut Draw<M>,
    field: Field,
    value: &str,
    active: bool,
    select: M,
) -> El<'a, M> {
    let p = d.palette();
    let sizes = d.sizes();
    let label = field.label();
    let shown = if active {
        format!("{value}|")
    } else {
        value.to_string()
    };
    let kind = if active {
        PanelKind::FieldActive
    } else {
        PanelKind::Field
    };
    // The typed value is Latin; it reads left to right in every language. An empty field
    // shows what it expects.
    let hint = match field {
        Field::Reference => Some("field-reference-hint"),
        Field::ETicket => Some("field-eticket-hint"),
        _ => None,
    };
    let inside: El<'a, M> = match hint {
        Some(hint) if value.is_empty() && !active => {
            let hint = d.said(d.t(hint), sizes.small);
            d.look().para(hint)
        }
        _ => text(shown)
            .size(if d.narrow() {
                sizes.button + 4.0
            } else {
                sizes.title
            })
            .font(fonts::BOLD)
            .into(),
    };
    let boxed = container(inside)
        .center_y(Length::Fixed(sizes.touch))
        .padding([0, 16])
        .width(Length::Fill)
        .style(move |_| theme::panel(&p, kind));
    // Speech says the field and what it holds.
    let name = if value.is_empty() {
        d.t(label)
    } else {
        format!("{}: {value}", d.t(label))
    };
    let tap = d.act(
        column![d.look().para(d.txt(d.t(label), sizes.small)), boxed]
            .spacing(theme::gap::TIGHT)
            .into(),
        select,
        ButtonKind::Secondary,
        name,
    );
    tap.width(Length::Fill).padding(theme::gap::TIGHT).into()
}
