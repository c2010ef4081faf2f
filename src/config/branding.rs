//! `[branding]`: the airline's name on the screens and its colours. A colour is refused when no
//! text colour (white or black) reaches the screens' contrast floors on it: 7:1 for the bars
//! (body text), 4.5:1 for buttons (large text and controls).

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq)]
pub struct Branding {
    /// Shown in the top bar and on Welcome.
    pub name: String,
    /// Main buttons, as `#rrggbb`.
    pub primary: Option<String>,
    /// The top and bottom bars.
    pub bar: Option<String>,
    /// Where passengers may review the airline: shown as a QR code after a good feedback score.
    pub review_url: Option<String>,
}

impl Default for Branding {
    fn default() -> Self {
        Branding {
            name: "Northwind Airways".into(),
            primary: None,
            bar: None,
            review_url: None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawBranding {
    name: Option<String>,
    primary: Option<String>,
    bar: Option<String>,
    review_url: Option<String>,
}

pub(super) const KNOWN_BRANDING: &[&str] = &["name", "primary", "bar", "review_url"];

/// `#rrggbb` as (r, g, b) in 0..=1.
pub fn parse_colour(text: &str) -> Option<(f32, f32, f32)> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    Some((
        ((v >> 16) & 0xff) as f32 / 255.0,
        ((v >> 8) & 0xff) as f32 / 255.0,
        (v & 0xff) as f32 / 255.0,
    ))
}

fn luminance((r, g, b): (f32, f32, f32)) -> f32 {
    let lin = |v: f32| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// The best contrast white or black text reaches on this colour, and whether white is it.
pub fn best_text_on(colour: (f32, f32, f32)) -> (f32, bool) {
    let l = luminance(colour);
    let on_white = (1.05) / (l + 0.05);
    let on_black = (l + 0.05) / 0.05;
    if on_white >= on_black {
        (on_white, true)
    } else {
        (on_black, false)
    }
}

pub(super) fn parse(raw: RawBranding, err: &mut dyn FnMut(&str, &str, String)) -> Branding {
    let mut b = Branding::default();
    if let Some(name) = raw.name {
        if name.trim().is_empty() {
            err("branding", "name", "`name` must not be empty".into());
        } else {
            b.name = name.trim().to_string();
        }
    }
    if let Some(url) = raw.review_url {
        if url.starts_with("https://") && url.len() > 8 && url.len() <= 300 {
            b.review_url = Some(url);
        } else {
            err(
                "branding",
                "review_url",
                format!("`review_url` must be an https:// address, found {url:?}"),
            );
        }
    }
    let mut colour = |key: &str, value: Option<String>, floor: f32, what: &str| -> Option<String> {
        let value = value?;
        let Some(c) = parse_colour(&value) else {
            err(
                "branding",
                key,
                format!("`{key}` must be a colour like \"#0b4f8a\", found {value:?}"),
            );
            return None;
        };
        let (best, _) = best_text_on(c);
        if best < floor {
            err(
                "branding",
                key,
                format!(
                    "`{key}` = {value:?} gives {best:.1}:1 at best with white or black text; \
                     {what} needs {floor}:1 — choose a darker or lighter shade"
                ),
            );
            return None;
        }
        Some(value)
    };
    b.primary = colour("primary", raw.primary, 4.5, "a button's label");
    b.bar = colour("bar", raw.bar, 7.0, "body text");
    b
}
