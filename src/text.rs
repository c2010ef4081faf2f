//! Text shaped by us: for printed documents (printpdf writes glyphs but does not join Arabic
//! letters or order right-to-left text), for the screen's measures of its labels and for the
//! locale checks' font coverage. A string is split into bidirectional runs in visual
//! order (unicode-bidi), each run into script runs with the font that covers it (Noto Naskh
//! Arabic for Arabic script, Noto Sans otherwise), and each is shaped with rustybuzz into glyph
//! ids and advances.

use std::sync::OnceLock;
use unicode_bidi::BidiInfo;

/// The embedded fonts (SIL OFL 1.1, see `assets/fonts`).
pub const NOTO_SANS: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
pub const NOTO_NASKH: &[u8] = include_bytes!("../assets/fonts/NotoNaskhArabic-Regular.ttf");
pub const NOTO_NASKH_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoNaskhArabic-Bold.ttf");
pub const NOTO_DEVANAGARI: &[u8] = include_bytes!("../assets/fonts/NotoSansDevanagari-Regular.ttf");
pub const NOTO_DEVANAGARI_BOLD: &[u8] =
    include_bytes!("../assets/fonts/NotoSansDevanagari-Bold.ttf");
/// Noto Sans CJK SC, cut down to the characters of the built-in Chinese messages
/// (`assets/fonts/README.md` says how to cut it again).
pub const NOTO_SC: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular-Subset.otf");
pub const NOTO_SC_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Bold-Subset.otf");

/// The scripts the embedded fonts cover, each with its own face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    Latin,
    Arabic,
    Devanagari,
    Han,
}

pub(crate) fn script_of(c: char) -> Option<Script> {
    if is_arabic(c) {
        Some(Script::Arabic)
    } else if matches!(c as u32, 0x0900..=0x097F | 0xA8E0..=0xA8FF) {
        Some(Script::Devanagari)
    } else if matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
    {
        Some(Script::Han)
    } else if c.is_alphanumeric() {
        Some(Script::Latin)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Which of the faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Sans,
    SansBold,
    Naskh,
    NaskhBold,
    Devanagari,
    DevanagariBold,
    Han,
    HanBold,
}

impl Face {
    pub const ALL: [Face; 8] = [
        Face::Sans,
        Face::SansBold,
        Face::Naskh,
        Face::NaskhBold,
        Face::Devanagari,
        Face::DevanagariBold,
        Face::Han,
        Face::HanBold,
    ];

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Sans => NOTO_SANS,
            Face::SansBold => NOTO_SANS_BOLD,
            Face::Naskh => NOTO_NASKH,
            Face::NaskhBold => NOTO_NASKH_BOLD,
            Face::Devanagari => NOTO_DEVANAGARI,
            Face::DevanagariBold => NOTO_DEVANAGARI_BOLD,
            Face::Han => NOTO_SC,
            Face::HanBold => NOTO_SC_BOLD,
        }
    }

    /// The family name the screens know the face by.
    pub fn name(self) -> &'static str {
        match self {
            Face::Sans => "Noto Sans",
            Face::SansBold => "Noto Sans Bold",
            Face::Naskh => "Noto Naskh Arabic",
            Face::NaskhBold => "Noto Naskh Arabic Bold",
            Face::Devanagari => "Noto Sans Devanagari",
            Face::DevanagariBold => "Noto Sans Devanagari Bold",
            Face::Han => "Noto Sans CJK SC",
            Face::HanBold => "Noto Sans CJK SC Bold",
        }
    }

    /// The faces a language's own script needs besides Latin (empty: a Latin language).
    pub fn for_language(language: &str) -> &'static [Face] {
        match language {
            "ur" | "ar" | "fa" => &[Face::Naskh, Face::NaskhBold],
            "hi" | "mr" | "ne" => &[Face::Devanagari, Face::DevanagariBold],
            "zh" => &[Face::Han, Face::HanBold],
            _ => &[],
        }
    }

    /// Does this character belong to the script of the language's faces?
    pub fn in_script_of(language: &str, c: char) -> bool {
        script_of(c)
            .is_some_and(|s| Face::for_language(language).contains(&Face::pick(s, Weight::Regular)))
    }

    fn pick(script: Script, weight: Weight) -> Face {
        match (script, weight) {
            (Script::Latin, Weight::Regular) => Face::Sans,
            (Script::Latin, Weight::Bold) => Face::SansBold,
            (Script::Arabic, Weight::Regular) => Face::Naskh,
            (Script::Arabic, Weight::Bold) => Face::NaskhBold,
            (Script::Devanagari, Weight::Regular) => Face::Devanagari,
            (Script::Devanagari, Weight::Bold) => Face::DevanagariBold,
            (Script::Han, Weight::Regular) => Face::Han,
            (Script::Han, Weight::Bold) => Face::HanBold,
        }
    }

    /// The parsed face, parsed once per process.
    pub fn shaper(self) -> &'static rustybuzz::Face<'static> {
        static FACES: OnceLock<Vec<rustybuzz::Face<'static>>> = OnceLock::new();
        let faces = FACES.get_or_init(|| {
            Face::ALL
                .iter()
                .map(|f| {
                    rustybuzz::Face::from_slice(f.bytes(), 0)
                        .expect("the embedded fonts are valid (tested)")
                })
                .collect()
        });
        &faces[Face::ALL.iter().position(|f| *f == self).unwrap_or(0)]
    }
}

/// One shaped glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// Advance as shaped, in font units.
    pub advance: i32,
    /// Advance the font's metrics give (what a PDF viewer moves by), in font units.
    pub default_advance: i32,
    /// The text this glyph stands for (for copy and search: the PDF's ToUnicode map).
    pub text: String,
}

/// A run of glyphs in one face, in visual order.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: Face,
    pub glyphs: Vec<Glyph>,
}

impl Run {
    /// Width at `size` points, in points.
    pub fn width(&self, size: f32) -> f32 {
        let upem = f32::from(self.face.shaper().units_per_em() as u16);
        self.glyphs.iter().map(|g| g.advance as f32).sum::<f32>() * size / upem
    }
}

fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Shapes `text` into runs in visual (left-to-right) order.
pub fn shape(text: &str, weight: Weight) -> Vec<Run> {
    let bidi = BidiInfo::new(text, None);
    let mut runs = Vec::new();
    for para in &bidi.paragraphs {
        let (levels, visual) = bidi.visual_runs(para, para.range.clone());
        for range in visual {
            let rtl = levels[range.start].is_rtl();
            let piece = &text[range.clone()];
            // Split by script: the face that covers it.
            let mut segments: Vec<(Script, String)> = Vec::new();
            for c in piece.chars() {
                // Spaces and punctuation stay with their neighbours (and combining marks,
                // which are not alphanumeric, with their letter).
                let script = script_of(c).unwrap_or_else(|| {
                    segments.last().map(|(s, _)| *s).unwrap_or(if rtl {
                        Script::Arabic
                    } else {
                        Script::Latin
                    })
                });
                match segments.last_mut() {
                    Some((s, text)) if *s == script => text.push(c),
                    _ => segments.push((script, c.to_string())),
                }
            }
            if rtl {
                segments.reverse();
            }
            for (script, segment) in segments {
                runs.push(shape_run(&segment, Face::pick(script, weight), rtl));
            }
        }
    }
    runs
}

fn shape_run(text: &str, face: Face, rtl: bool) -> Run {
    let shaper = face.shaper();
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    let shaped = rustybuzz::shape(shaper, &[], buffer);
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let glyphs = infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let end = starts
                .iter()
                .copied()
                .find(|s| *s > start)
                .unwrap_or(text.len());
            let id = info.glyph_id as u16;
            Glyph {
                id,
                advance: pos.x_advance,
                default_advance: shaper
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
                    .map(i32::from)
                    .unwrap_or(pos.x_advance),
                text: text.get(start..end).unwrap_or("").to_string(),
            }
        })
        .collect();
    Run { face, glyphs }
}

/// Width of shaped text at `size` points, in millimetres.
pub fn width_mm(runs: &[Run], size: f32) -> f32 {
    runs.iter().map(|r| r.width(size)).sum::<f32>() * 25.4 / 72.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urdu_is_joined_and_set_right_to_left_and_latin_stays_left_to_right() {
        // "Seat" in Urdu, then a name in Latin letters inside the sentence.
        let runs = shape("نشست", Weight::Regular);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].face, Face::Naskh);
        // Joined forms: no glyph is the font's missing glyph, and the first glyph in visual
        // order is the last letter (right to left).
        assert!(runs[0].glyphs.iter().all(|g| g.id != 0));
        assert_eq!(runs[0].glyphs.first().unwrap().text, "ت");
        let mixed = shape("خوش آمدید، Ali", Weight::Bold);
        let faces: Vec<Face> = mixed.iter().map(|r| r.face).collect();
        // Visual order, right-to-left paragraph: the Latin name sits at the left.
        assert_eq!(faces, [Face::SansBold, Face::NaskhBold]);
        assert_eq!(
            mixed[0]
                .glyphs
                .iter()
                .map(|g| g.text.as_str())
                .collect::<String>(),
            "Ali"
        );
        // Shaping joins: isolated forms would be wider than the word as shaped.
        let joined = width_mm(&shape("نشست", Weight::Regular), 12.0);
        let isolated: f32 = "نشست"
            .chars()
            .map(|c| width_mm(&shape(&c.to_string(), Weight::Regular), 12.0))
            .sum();
        assert!(joined < isolated, "{joined} < {isolated}");
    }

    #[test]
    fn every_character_of_the_printed_labels_has_a_glyph() {
        for text in [
            "BOARDING PASS Name From To Flight Date Boarding Gate Zone Seat Sequence – 0123456789",
            "بورڈنگ پاس نام روانگی منزل پرواز تاریخ گیٹ زون نشست ترتیب",
            "بطاقة صعود الطائرة الاسم من إلى الرحلة التاريخ البوابة المنطقة المقعد التسلسل",
            "Montréal–Trudeau MÜLLER/JÜRGEN GARCÍA/LUCÍA TREMBLAY/MARIE-ÈVE",
        ] {
            for run in shape(text, Weight::Regular) {
                for g in &run.glyphs {
                    assert_ne!(g.id, 0, "no glyph for {:?} in {:?}", g.text, run.face);
                }
            }
        }
    }
}
