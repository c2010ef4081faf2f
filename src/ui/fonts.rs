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

/// Messages the screen after a language tap (Identify, with its bars) shows.
const FIRST_SCREEN: [&str; 18] = [
    "identify-title",
    "identify-scan-hint",
    "method-booking",
    "method-eticket",
    "method-ff",
    "method-passport",
    "method-boarding-pass",
    "field-reference",
    "field-reference-hint",
    "field-surname",
    "identify-find",
    "key-backspace",
    "key-clear",
    "key-space",
    "help",
    "back",
    "start-over",
    "larger-text",
];

/// Shapes the first screen's words of every offered language once, on a thread of its own a
/// moment after the kiosk starts (Welcome is painted by then): the text shaper parses a face
/// the first time it uses it, which made the first tap into Urdu twice as slow as the next.
/// Shaping takes the shared font system's lock a paragraph at a time, so the screen never
/// waits for more than one.
pub fn warm_up(messages: &'static crate::i18n::Messages, locales: &[String]) {
    let mut texts: Vec<String> = Vec::new();
    for locale in locales {
        texts.extend(FIRST_SCREEN.iter().map(|id| messages.get(locale, id, &[])));
        texts.push(messages.get(
            locale,
            "step-of",
            &[("step", 1.into()), ("steps", 8.into())],
        ));
    }
    let spawned = std::thread::Builder::new()
        .name("font-warm-up".into())
        .spawn(move || {
            use iced_graphics::core::text::Paragraph as _;
            std::thread::sleep(std::time::Duration::from_millis(800));
            for content in &texts {
                for font in [DEFAULT, BOLD] {
                    let _ = iced_graphics::text::Paragraph::with_text(iced_graphics::core::Text {
                        content: content.as_str(),
                        bounds: iced::Size::new(1200.0, f32::INFINITY),
                        size: iced::Pixels(28.0),
                        line_height: iced::widget::text::LineHeight::default(),
                        font,
                        align_x: iced_graphics::core::text::Alignment::Default,
                        align_y: iced::alignment::Vertical::Top,
                        shaping: iced::widget::text::Shaping::Advanced,
                        wrapping: iced::widget::text::Wrapping::default(),
                    });
                }
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "fonts are not warmed up");
    }
}

#[cfg(test)]
mod tests {
    use super::Face;
    use iced_graphics::text::cosmic_text as ct;

    /// Where the text shaper iced draws with puts the baseline of `text` in a 40 px line.
    fn baseline(fonts: &mut ct::FontSystem, text: &str, family: &str) -> f32 {
        let mut buffer = ct::Buffer::new(fonts, ct::Metrics::new(28.0, 40.0));
        buffer.set_size(fonts, Some(1000.0), None);
        buffer.set_text(
            fonts,
            text,
            &ct::Attrs::new().family(ct::Family::Name(family)),
            ct::Shaping::Advanced,
            None,
        );
        buffer.shape_until_scroll(fonts, false);
        buffer.layout_runs().next().expect("a line").line_y
    }

    /// A Hindi label sits on the same line as a Latin one beside it (the arrow of Back, the
    /// "?" of Help, a name in Latin letters): the shipped Devanagari face's vertical metrics
    /// centre its letters as Noto Sans does (they stood 4-5 px higher).
    #[test]
    fn hindi_sits_on_the_same_line_as_latin() {
        let mut db = ct::fontdb::Database::new();
        for face in [Face::Sans, Face::Devanagari, Face::DevanagariBold] {
            db.load_font_data(face.bytes().to_vec());
        }
        let mut fonts = ct::FontSystem::new_with_locale_and_db("en-US".into(), db);
        let latin = baseline(&mut fonts, "Back", "Noto Sans");
        let hindi = baseline(&mut fonts, "वापस", "Noto Sans Devanagari");
        assert!(
            (latin - hindi).abs() < 0.5,
            "Latin's baseline at {latin} px, Hindi's at {hindi} px"
        );
    }
}
