//! Fonts of the screens, shipped in `assets/fonts` (SIL OFL) and loaded per locale: Latin at
//! start, a script's font when a language that needs it is offered. They are the faces the
//! printed documents use ([`Face`]), so screen and paper agree on which font covers which script.

pub use crate::print::shape::Face;
use iced::Font;

/// The screens' default face.
pub const DEFAULT: Font = Font::with_name("Noto Sans");

pub const BOLD: Font = Font {
    weight: iced::font::Weight::Bold,
    ..DEFAULT
};

/// The fonts whose glyphs a locale's screens use (Latin always: names, flight numbers and
/// codes stay in Latin letters in every language).
pub fn for_locale(locale: &str) -> Vec<Face> {
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    let mut fonts = vec![Face::Sans, Face::SansBold];
    fonts.extend_from_slice(Face::for_language(language));
    fonts
}

/// The fonts the Welcome screen needs: each offered language shows its own name in its own
/// script.
pub fn for_welcome(locales: &[String]) -> Vec<Face> {
    let mut fonts: Vec<Face> = Vec::new();
    for locale in locales {
        for f in for_locale(locale) {
            if !fonts.contains(&f) {
                fonts.push(f);
            }
        }
    }
    fonts
}
