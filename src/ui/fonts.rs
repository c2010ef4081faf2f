//! Fonts of the screens, shipped in `assets/fonts` (SIL OFL) and loaded per locale: Latin at
//! start, a script's font when a language that needs it is chosen. The Welcome screen loads
//! the fonts its language names need (اردو and العربية need Naskh).

use crate::print::shape;
use iced::Font;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontFile {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

pub const NOTO_SANS: FontFile = FontFile {
    name: "Noto Sans",
    bytes: shape::NOTO_SANS,
};
pub const NOTO_SANS_BOLD: FontFile = FontFile {
    name: "Noto Sans Bold",
    bytes: shape::NOTO_SANS_BOLD,
};
pub const NOTO_NASKH: FontFile = FontFile {
    name: "Noto Naskh Arabic",
    bytes: shape::NOTO_NASKH,
};
pub const NOTO_NASKH_BOLD: FontFile = FontFile {
    name: "Noto Naskh Arabic Bold",
    bytes: shape::NOTO_NASKH_BOLD,
};

pub const NOTO_DEVANAGARI: FontFile = FontFile {
    name: "Noto Sans Devanagari",
    bytes: shape::NOTO_DEVANAGARI,
};
pub const NOTO_DEVANAGARI_BOLD: FontFile = FontFile {
    name: "Noto Sans Devanagari Bold",
    bytes: shape::NOTO_DEVANAGARI_BOLD,
};

pub const NOTO_SC: FontFile = FontFile {
    name: "Noto Sans CJK SC",
    bytes: shape::NOTO_SC,
};
pub const NOTO_SC_BOLD: FontFile = FontFile {
    name: "Noto Sans CJK SC Bold",
    bytes: shape::NOTO_SC_BOLD,
};

/// The screens' default face.
pub const DEFAULT: Font = Font::with_name("Noto Sans");

pub const BOLD: Font = Font {
    weight: iced::font::Weight::Bold,
    ..DEFAULT
};

/// The fonts whose glyphs a locale's screens use (Latin always: names, flight numbers and
/// codes stay in Latin letters in every language).
pub fn for_locale(locale: &str) -> Vec<FontFile> {
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    let mut fonts = vec![NOTO_SANS, NOTO_SANS_BOLD];
    if matches!(language, "ur" | "ar" | "fa") {
        fonts.extend([NOTO_NASKH, NOTO_NASKH_BOLD]);
    }
    if matches!(language, "hi" | "mr" | "ne") {
        fonts.extend([NOTO_DEVANAGARI, NOTO_DEVANAGARI_BOLD]);
    }
    if language == "zh" {
        fonts.extend([NOTO_SC, NOTO_SC_BOLD]);
    }
    fonts
}

/// The fonts the Welcome screen needs: each offered language shows its own name in its own
/// script.
pub fn for_welcome(locales: &[String]) -> Vec<FontFile> {
    let mut fonts: Vec<FontFile> = Vec::new();
    for locale in locales {
        for f in for_locale(locale) {
            if !fonts.contains(&f) {
                fonts.push(f);
            }
        }
    }
    fonts
}
