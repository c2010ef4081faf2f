//! Fonts of the screens, shipped in `assets/fonts` (SIL OFL) inside the binary: the faces the
//! printed documents use ([`Face`]), so screen and paper agree on which font covers which script.
//! All of them are handed to the text shaper at start without a copy: it reads the binary's own
//! pages, and only those it needs (a copy of each on the heap, as iced's `font::load` makes, cost
//! 1.9 MiB and touched every page of every font).

pub use crate::text::Face;
use iced::Font;

/// The screens' default face.
pub const DEFAULT: Font = Font::with_name("Noto Sans");

pub const BOLD: Font = Font {
    weight: iced::font::Weight::Bold,
    ..DEFAULT
};

/// Has Arabic-script text set in the shipped Noto Naskh Arabic, as the printed documents are.
/// The text shaper looks for a character's font in the text's own font, then in a list per
/// script, which for Arabic names only "Noto Sans Arabic", then in common fonts: where "Noto
/// Sans Arabic" is not installed it took DejaVu Sans, which has Arabic letters too, so the
/// screens showed Urdu and Arabic in DejaVu Sans Bold (a third wider than the Naskh the
/// layout was made for) on most Linux systems and in Naskh on others. Loads every shipped face
/// (see the module). Call before any text is laid out; later calls do nothing.
pub fn prefer_shipped_faces() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use iced_graphics::text::cosmic_text as ct;
        let Ok(mut system) = iced_graphics::text::font_system().write() else {
            return;
        };
        let raw = system.raw();
        let locale = raw.locale().to_string();
        let mut db = std::mem::take(raw.db_mut());
        for face in Face::ALL {
            db.load_font_source(ct::fontdb::Source::Binary(std::sync::Arc::new(
                face.bytes(),
            )));
        }
        *raw = ct::FontSystem::new_with_locale_and_db_and_fallback(
            locale,
            db,
            Shipped(ct::PlatformFallback),
        );
    });
}

/// The platform's font fallback lists, with the shipped faces first for Arabic script.
struct Shipped(iced_graphics::text::cosmic_text::PlatformFallback);

impl iced_graphics::text::cosmic_text::Fallback for Shipped {
    fn common_fallback(&self) -> &[&'static str] {
        self.0.common_fallback()
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        self.0.forbidden_fallback()
    }

    fn script_fallback(&self, script: unicode_script::Script, locale: &str) -> &[&'static str] {
        match script {
            unicode_script::Script::Arabic => &["Noto Naskh Arabic"],
            _ => self.0.script_fallback(script, locale),
        }
    }
}

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

    /// The shipped TrueType faces carry no hinting programs and no glyph instructions (see
    /// `scripts/dehint-fonts.py`): the renderer reran them for every face and size it met, a
    /// sixth of the first tap into a language. maxp still allows instructions, so the renderer
    /// keeps its (idle) interpreter rather than switching to its automatic hinter.
    #[test]
    fn the_shipped_fonts_carry_no_hinting_programs() {
        use rustybuzz::ttf_parser::{Face as Parsed, Tag};
        for face in Face::ALL {
            let parsed = Parsed::parse(face.bytes(), 0).expect("a font");
            let raw = parsed.raw_face();
            if raw.table(Tag::from_bytes(b"glyf")).is_none() {
                continue; // CFF outlines (Chinese) hint without programs
            }
            for table in [b"fpgm", b"prep", b"cvt "] {
                assert!(
                    raw.table(Tag::from_bytes(table)).is_none(),
                    "{face:?} has {}",
                    String::from_utf8_lossy(table)
                );
            }
            let maxp = raw.table(Tag::from_bytes(b"maxp")).expect("maxp");
            let max_instructions = u16::from_be_bytes([maxp[26], maxp[27]]);
            assert!(
                max_instructions > 0,
                "{face:?}: maxp allows no instructions"
            );
            // A simple glyph's instructions follow its contours' end points: none are left.
            let loca = raw.table(Tag::from_bytes(b"loca")).expect("loca");
            let head = raw.table(Tag::from_bytes(b"head")).expect("head");
            let long = i16::from_be_bytes([head[50], head[51]]) == 1;
            let at = |i: usize| -> usize {
                if long {
                    let b = &loca[4 * i..4 * i + 4];
                    u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize
                } else {
                    2 * u16::from_be_bytes([loca[2 * i], loca[2 * i + 1]]) as usize
                }
            };
            let glyf = raw.table(Tag::from_bytes(b"glyf")).expect("glyf");
            let mut simple = 0;
            for id in 0..parsed.number_of_glyphs() as usize {
                let glyph = &glyf[at(id)..at(id + 1)];
                if glyph.len() < 2 || i16::from_be_bytes([glyph[0], glyph[1]]) <= 0 {
                    continue; // empty or composite
                }
                let n = 10 + 2 * i16::from_be_bytes([glyph[0], glyph[1]]) as usize;
                let instructions = u16::from_be_bytes([glyph[n], glyph[n + 1]]);
                assert_eq!(instructions, 0, "{face:?}: glyph {id} keeps hinting");
                simple += 1;
            }
            assert!(simple > 50, "{face:?}: {simple} simple glyphs");
        }
    }
}
