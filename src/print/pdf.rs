//! A small drawing surface over printpdf: shaped text, filled rectangles and barcodes, in
//! millimetres measured from the page's top-left corner (printpdf's origin is bottom-left).

use super::barcode::Pdf417;
use crate::text::{Face, Run, Weight, shape, width_mm};
use printpdf::{
    Color, FontId, Greyscale, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Fonts parsed once per process, for every document.
fn parsed(face: Face) -> &'static ParsedFont {
    static FONTS: OnceLock<Vec<ParsedFont>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        Face::ALL
            .iter()
            .map(|f| {
                ParsedFont::from_bytes(f.bytes(), 0, &mut Vec::new())
                    .expect("the embedded fonts are valid (tested)")
            })
            .collect()
    });
    &fonts[Face::ALL.iter().position(|f| *f == face).unwrap_or(0)]
}

/// A document being drawn, page by page.
pub struct Document {
    doc: PdfDocument,
    fonts: HashMap<Face, FontId>,
}

impl Document {
    pub fn new(title: &str) -> Self {
        Document {
            doc: PdfDocument::new(title),
            fonts: HashMap::new(),
        }
    }

    fn font(&mut self, face: Face) -> FontId {
        if let Some(id) = self.fonts.get(&face) {
            return id.clone();
        }
        let id = self.doc.add_font(parsed(face));
        self.fonts.insert(face, id.clone());
        id
    }

    /// A new page, `width` × `height` mm.
    pub fn page(&mut self, width: f32, height: f32) -> Page<'_> {
        Page {
            doc: self,
            width,
            height,
            ops: Vec::new(),
        }
    }

    /// The finished PDF.
    pub fn save(self) -> Vec<u8> {
        let mut warnings = Vec::new();
        let bytes = self.doc.save(&PdfSaveOptions::default(), &mut warnings);
        for w in warnings.iter().take(3) {
            tracing::debug!(warning = ?w, "pdf");
        }
        bytes
    }
}

/// `text` without control characters and without the characters that override or embed a
/// direction (U+202A–U+202E, U+2066–U+2069): shaping decides direction, not the data.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_control() && !matches!(*c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

pub struct Page<'a> {
    doc: &'a mut Document,
    pub width: f32,
    pub height: f32,
    ops: Vec<Op>,
}

impl Page<'_> {
    /// Draws `text` with its baseline at `y` mm from the top, aligned at `x`. Returns its width.
    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        align: Align,
        text: &str,
    ) -> f32 {
        let runs = shape(text, weight);
        let width = width_mm(&runs, size);
        let mut pen = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        for run in &runs {
            self.run(pen, y, size, run);
            pen += run.width(size) * 25.4 / 72.0;
        }
        width
    }

    /// Draws `text` inside a box `max` mm wide: control and direction-override characters
    /// dropped (they never belong on paper, and could move text over another field), the size
    /// reduced down to two thirds if it is too wide, then cut with "…". Returns its width.
    #[allow(clippy::too_many_arguments)]
    pub fn text_within(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        align: Align,
        text: &str,
        max: f32,
    ) -> f32 {
        let mut text = printable(text);
        let fits = |t: &str, s: f32| width_mm(&shape(t, weight), s) <= max;
        let mut size_now = size;
        while !fits(&text, size_now) && size_now > size * 2.0 / 3.0 {
            size_now -= 0.5;
        }
        if !fits(&text, size_now) {
            while !text.is_empty() && !fits(&format!("{text}…"), size_now) {
                text.pop();
                while text.ends_with(' ') {
                    text.pop();
                }
            }
            text.push('…');
        }
        self.text(x, y, size_now, weight, align, &text)
    }

    fn run(&mut self, x: f32, y: f32, size: f32, run: &Run) {
        if run.glyphs.is_empty() {
            return;
        }
        let font = self.doc.font(run.face);
        let upem = f32::from(run.face.shaper().units_per_em() as u16);
        let codepoints = run
            .glyphs
            .iter()
            .map(|g| printpdf::Codepoint {
                gid: g.id,
                // Where the shaped advance differs from the font's own, move the next glyph.
                offset: (g.default_advance - g.advance) as f32 * 1000.0 / upem,
                cid: Some(g.text.clone()),
            })
            .collect();
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor {
                col: Color::Greyscale(Greyscale::new(0.0, None)),
            },
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Mm(x).into(), Mm(self.height - y).into()),
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(codepoints)],
            },
            Op::EndTextSection,
        ]);
    }

    /// A filled black rectangle; `y` is its top edge.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(0.0, None)),
        });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Mm(x).into(),
                y: Mm(self.height - y - h).into(),
                width: Mm(w).into(),
                height: Mm(h).into(),
                mode: Some(PaintMode::Fill),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    /// A dashed horizontal cut line at `y`.
    pub fn cut_line(&mut self, x0: f32, x1: f32, y: f32) {
        let mut x = x0;
        while x < x1 {
            self.rect(x, y, 1.5f32.min(x1 - x), 0.2);
            x += 3.0;
        }
    }

    /// A PDF417 symbol with its top-left at (`x`, `y`): modules `module` mm wide, rows three
    /// modules tall (IATA 792), black runs merged into single bars. Returns (width, height).
    pub fn pdf417(&mut self, x: f32, y: f32, module: f32, symbol: &Pdf417) -> (f32, f32) {
        let row_h = module * 3.0;
        for (r, row) in symbol.rows.iter().enumerate() {
            let mut c = 0;
            while c < row.len() {
                if row[c] {
                    let start = c;
                    while c < row.len() && row[c] {
                        c += 1;
                    }
                    self.rect(
                        x + start as f32 * module,
                        y + r as f32 * row_h,
                        (c - start) as f32 * module,
                        row_h,
                    );
                } else {
                    c += 1;
                }
            }
        }
        (
            symbol.columns() as f32 * module,
            symbol.rows.len() as f32 * row_h,
        )
    }

    /// An Interleaved 2 of 5 barcode with its top-left at (`x`, `y`). Returns its width.
    pub fn itf(&mut self, x: f32, y: f32, module: f32, height: f32, bars: &[bool]) -> f32 {
        let mut i = 0;
        while i < bars.len() {
            if bars[i] {
                let start = i;
                while i < bars.len() && bars[i] {
                    i += 1;
                }
                self.rect(
                    x + start as f32 * module,
                    y,
                    (i - start) as f32 * module,
                    height,
                );
            } else {
                i += 1;
            }
        }
        bars.len() as f32 * module
    }

    /// Adds the page to its document.
    pub fn finish(self) {
        let page = PdfPage::new(Mm(self.width), Mm(self.height), self.ops);
        self.doc.doc.pages.push(page);
    }
}
