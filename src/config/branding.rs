//! `[branding]`: the airline's name on the screens and its colours. A colour is refused when no
//! text colour (white or black) reaches the screens' contrast floors on it: 7:1 for the bars
//! (body text), 4.5:1 for buttons (large text and controls).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A picture an operator gives (logo, welcome image): PNG or SVG, read and checked when the
/// config loads, so a kiosk never meets a broken file mid-session.
#[derive(Debug, Clone, PartialEq)]
pub enum Picture {
    /// Decoded to 8-bit RGBA.
    Png {
        width: u32,
        height: u32,
        rgba: Arc<Vec<u8>>,
    },
    Svg(Arc<Vec<u8>>),
}

/// Largest picture file read.
const MAX_PICTURE_BYTES: u64 = 8 << 20;
/// Largest side of a PNG, in pixels (a 4K screen's width).
const MAX_PICTURE_SIDE: u32 = 4096;

/// Why a picture file cannot be used, in an operator's words.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("{} must be a .png or .svg picture", .0.display())]
    Kind(PathBuf),
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is {} MB; pictures may be 8 MB at most", path.display(), bytes >> 20)]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("{} is not an SVG picture", .0.display())]
    NotSvg(PathBuf),
    #[error("{} is not a readable PNG: {reason}", path.display())]
    NotPng { path: PathBuf, reason: String },
}

impl Picture {
    /// Reads a `.png` or `.svg` file.
    pub fn load(path: &Path) -> Result<Picture, PictureError> {
        let kind = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if kind != "png" && kind != "svg" {
            return Err(PictureError::Kind(path.to_path_buf()));
        }
        let read = |source| PictureError::Read {
            path: path.to_path_buf(),
            source,
        };
        let size = std::fs::metadata(path).map_err(read)?.len();
        if size > MAX_PICTURE_BYTES {
            return Err(PictureError::TooLarge {
                path: path.to_path_buf(),
                bytes: size,
            });
        }
        let bytes = crate::store::read_capped(path, 64 << 20).map_err(read)?;
        if kind == "svg" {
            let text = String::from_utf8_lossy(&bytes);
            if !text.contains("<svg") {
                return Err(PictureError::NotSvg(path.to_path_buf()));
            }
            return Ok(Picture::Svg(Arc::new(bytes)));
        }
        decode_png(&bytes).map_err(|reason| PictureError::NotPng {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Width over height.
    pub fn aspect(&self) -> Option<f32> {
        match self {
            Picture::Png { width, height, .. } if *height > 0 => {
                Some(*width as f32 / *height as f32)
            }
            _ => None,
        }
    }
}

fn decode_png(bytes: &[u8]) -> Result<Picture, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let (width, height) = {
        let info = reader.info();
        (info.width, info.height)
    };
    if width == 0 || height == 0 || width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE {
        return Err(format!(
            "{width} × {height} pixels; at most {MAX_PICTURE_SIDE} on a side"
        ));
    }
    let mut buf = vec![0; reader.output_buffer_size().ok_or("too large")?];
    let frame = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let pixels = &buf[..frame.buffer_size()];
    let rgba: Vec<u8> = match frame.color_type {
        png::ColorType::Rgba => pixels.to_vec(),
        png::ColorType::Rgb => pixels
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::Grayscale => pixels.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::GrayscaleAlpha => pixels
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Indexed => return Err("an indexed PNG the decoder did not expand".into()),
    };
    Ok(Picture::Png {
        width,
        height,
        rgba: Arc::new(rgba),
    })
}

/// The pictures of the screens: the airline's logo (top bar) and the welcome image, each for
/// every locale or for one (`<overrides>/<locale>/logo.png|svg`, `welcome.png|svg`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pictures {
    pub logo: Option<Picture>,
    pub welcome: Option<Picture>,
    /// Per locale: (logo, welcome image), either may be missing (the general one shows).
    pub by_locale: BTreeMap<String, (Option<Picture>, Option<Picture>)>,
}

impl Pictures {
    pub fn logo(&self, locale: &str) -> Option<&Picture> {
        self.by_locale
            .get(locale)
            .and_then(|(l, _)| l.as_ref())
            .or(self.logo.as_ref())
    }

    pub fn welcome(&self, locale: &str) -> Option<&Picture> {
        self.by_locale
            .get(locale)
            .and_then(|(_, w)| w.as_ref())
            .or(self.welcome.as_ref())
    }

    /// Reads `<dir>/<locale>/logo.*` and `welcome.*`; problems go to `err`.
    pub(super) fn read_overrides(&mut self, dir: &Path, err: &mut dyn FnMut(String)) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut locales: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        locales.sort();
        for path in locales.into_iter().filter(|p| p.is_dir()) {
            let locale = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let mut find = |stem: &str| -> Option<Picture> {
                let file = ["png", "svg"]
                    .iter()
                    .map(|e| path.join(format!("{stem}.{e}")))
                    .find(|p| p.is_file())?;
                Picture::load(&file).map_err(|e| err(e.to_string())).ok()
            };
            let (logo, welcome) = (find("logo"), find("welcome"));
            if logo.is_some() || welcome.is_some() {
                self.by_locale.insert(locale, (logo, welcome));
            }
        }
    }
}

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
    /// The logo and the welcome image.
    pub pictures: Pictures,
}

impl Default for Branding {
    fn default() -> Self {
        Branding {
            name: "Northwind Airways".into(),
            primary: None,
            bar: None,
            review_url: None,
            pictures: Pictures::default(),
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
    logo: Option<PathBuf>,
    welcome_image: Option<PathBuf>,
}

pub(super) const KNOWN_BRANDING: &[&str] = &[
    "name",
    "primary",
    "bar",
    "review_url",
    "logo",
    "welcome_image",
];

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

/// `base`: the config file's directory, which relative picture paths start from.
pub(super) fn parse(
    raw: RawBranding,
    base: Option<&Path>,
    err: &mut dyn FnMut(&str, &str, String),
) -> Branding {
    let mut b = Branding::default();
    let mut picture = |key: &str, path: Option<PathBuf>| -> Option<Picture> {
        let path = path?;
        let path = match base {
            Some(base) if path.is_relative() => base.join(path),
            _ => path,
        };
        Picture::load(&path)
            .map_err(|e| err("branding", key, format!("`{key}`: {e}")))
            .ok()
    };
    b.pictures.logo = picture("logo", raw.logo);
    b.pictures.welcome = picture("welcome_image", raw.welcome_image);
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
