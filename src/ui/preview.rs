//! The configuration preview: the kiosk's screens drawn unseen by its own renderer (iced's
//! headless simulator, tiny-skia), under the configuration now and under a proposed one, in
//! each language, walking the tour's stops with the demo booking KHAN22. Only the screens
//! whose pixels differ are kept: the screens the change touches.

use super::{Backend, Kiosk, Options};
use crate::config::Config;
use crate::help::{KioskInfo, Pager, outbox::Outbox};
use std::sync::{Arc, Once};

/// The panel the preview draws on (a common kiosk's).
pub const SIZE: (f32, f32) = (1280.0, 800.0);
/// The tour's stops a preview pictures (the others are passed through). Staff mode and the
/// idle prompt are left out: they are the kiosk's own, not the operator's.
pub const SCREENS: &[&str] = &[
    "welcome",
    "identify",
    "greeting",
    "documents",
    "seats",
    "bags",
    "dangerous-goods",
    "review",
    "feedback",
    "goodbye",
    "exception",
    "help",
];

/// One screen in one language, now and after.
pub struct Shot {
    pub screen: String,
    pub locale: String,
    /// PNG.
    pub before: Vec<u8>,
    pub after: Vec<u8>,
}

/// What a change does to the screens.
pub struct Comparison {
    pub changed: Vec<Shot>,
    /// Screens drawn the same either way.
    pub unchanged: usize,
}

/// Draws every screen of [`SCREENS`] in each of `locales` under `before` and `after`; keeps
/// those that differ.
pub fn compare(before: &Config, after: &Config, locales: &[String]) -> Result<Comparison, String> {
    let mut out = Comparison {
        changed: Vec::new(),
        unchanged: 0,
    };
    for locale in locales {
        let mut a = Unseen::new(before, locale)?;
        let mut b = Unseen::new(after, locale)?;
        for (name, action) in super::tour::stops() {
            a.kiosk.walk(action, locale);
            b.kiosk.walk(action, locale);
            if !SCREENS.contains(&name) {
                continue;
            }
            let (x, y) = (a.picture()?, b.picture()?);
            if x == y {
                out.unchanged += 1;
            } else {
                out.changed.push(Shot {
                    screen: name.to_string(),
                    locale: locale.clone(),
                    before: x,
                    after: y,
                });
            }
            if name == SCREENS[SCREENS.len() - 1] {
                break;
            }
        }
    }
    Ok(out)
}

/// A kiosk with no window: the demo airline, a spool printer and an outbox in a scratch
/// directory of its own.
struct Unseen {
    kiosk: Kiosk,
    scratch: std::path::PathBuf,
}

impl Drop for Unseen {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

impl Unseen {
    fn new(config: &Config, locale: &str) -> Result<Unseen, String> {
        let scratch = crate::config::published::scratch_dir().map_err(|e| e.to_string())?;
        let fail = |what: &str, e: &dyn std::fmt::Display| format!("the preview's {what}: {e}");
        let now = chrono::Utc::now();
        let dcs = crate::dcs::SqliteAirline::open(
            &scratch.join("airline.sqlite"),
            crate::dcs::BagTagPolicy {
                kiosk: "PREVIEW".into(),
                serials: (100_000, 199_999),
                quarantine: std::time::Duration::from_secs(3600),
            },
            now,
        )
        .map_err(|e| fail("airline", &e))?;
        let outbox = Outbox::open(&scratch.join("kiosk.sqlite")).map_err(|e| fail("store", &e))?;
        let mut quiet = config.help.clone();
        quiet.targets.clear();
        let pager = Pager::new(
            Arc::new(outbox),
            Arc::new(quiet),
            KioskInfo::from_config(config),
        );
        let metrics = crate::metrics::SqliteMetrics::open(&scratch.join("metrics.sqlite"))
            .map_err(|e| fail("store", &e))?;
        let backend = Backend {
            health: pager.health().clone(),
            platform: None,
            dcs: Arc::new(dcs),
            printer: Arc::new(crate::print::SpoolPrinter::new(
                scratch.join("spool"),
                None,
                config.printer.paper,
            )),
            pager: Arc::new(pager),
            metrics: Arc::new(metrics),
            gate: None,
            voice: None,
            passes: Arc::new(crate::wallet::NoPhonePasses),
        };
        let mut offered = config.locales.offered.clone();
        offered.retain(|l| l != locale);
        offered.insert(0, locale.to_string());
        let messages = messages(config.locales.overrides.as_deref())?;
        let mut kiosk = Kiosk::new(
            crate::checkin::Settings::from(config),
            backend,
            Options::from(config),
            Arc::new(move || now),
        )
        .with_messages(messages, &offered, locale);
        let _ = kiosk.update(super::message::Message::panel(iced::Size::new(
            SIZE.0, SIZE.1,
        )));
        kiosk.settle();
        Ok(Unseen { kiosk, scratch })
    }

    /// The screen as drawn, as a PNG (at the panel's own pixels: a preview is looked at
    /// beside another, and a quarter of the simulator's pixels draws four times as fast).
    fn picture(&self) -> Result<Vec<u8>, String> {
        use futures_util::FutureExt;
        use iced_runtime::core::renderer::Headless;
        load_fonts();
        let size = self.kiosk.room();
        let theme = self.kiosk.theme();
        let base = iced::theme::Base::base(&theme);
        // The software renderer is made at once (nothing to wait for, unlike a GPU's).
        let mut renderer = <iced::Renderer as Headless>::new(
            super::fonts::DEFAULT,
            iced::Pixels(16.0),
            Some("tiny-skia"),
        )
        .now_or_never()
        .flatten()
        .ok_or("the preview has no renderer")?;
        let mut ui = iced_runtime::UserInterface::build(
            self.kiosk.view(),
            size,
            iced_runtime::user_interface::Cache::default(),
            &mut renderer,
        );
        let mut messages = Vec::new();
        let _ = ui.update(
            &[iced::Event::Window(iced::window::Event::RedrawRequested(
                iced::time::Instant::now(),
            ))],
            iced::mouse::Cursor::Unavailable,
            &mut renderer,
            &mut iced_runtime::core::clipboard::Null,
            &mut messages,
        );
        ui.draw(
            &mut renderer,
            &theme,
            &iced_runtime::core::renderer::Style {
                text_color: base.text_color,
            },
            iced::mouse::Cursor::Unavailable,
        );
        let (w, h) = (size.width.round() as u32, size.height.round() as u32);
        let rgba = renderer.screenshot(iced::Size::new(w, h), 1.0, base.background_color);
        let mut png = Vec::new();
        let mut encoder = png::Encoder::new(&mut png, w, h);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())?;
        Ok(png)
    }
}

/// The most sets of message files a desk previews in its life: a kiosk keeps its messages
/// for ever (they are leaked), so each new set costs memory until the desk restarts.
const MESSAGE_SETS: usize = 32;

/// The messages with these overrides, read once per set of files (keyed by a digest of their
/// names and contents) and kept: a preview of the same files reuses them.
fn messages(overrides: Option<&std::path::Path>) -> Result<&'static crate::i18n::Messages, String> {
    use sha2::Digest;
    use std::collections::HashMap;
    use std::sync::Mutex;
    static CACHE: Mutex<Option<HashMap<Vec<u8>, &'static crate::i18n::Messages>>> =
        Mutex::new(None);
    let Some(dir) = overrides else {
        return Ok(crate::i18n::Messages::built_in());
    };
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for locale in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(locale.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            files.push(f.path());
        }
    }
    files.sort();
    let mut digest = sha2::Sha256::new();
    for f in files {
        digest.update(
            f.strip_prefix(dir)
                .unwrap_or(&f)
                .to_string_lossy()
                .as_bytes(),
        );
        digest.update([0]);
        digest.update(std::fs::read(&f).unwrap_or_default());
        digest.update([0]);
    }
    let key = digest.finalize().to_vec();
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    let cache = cache.get_or_insert_with(HashMap::new);
    if let Some(m) = cache.get(&key) {
        return Ok(m);
    }
    if cache.len() >= MESSAGE_SETS {
        return Err(format!(
            "this desk has previewed {MESSAGE_SETS} sets of message files since it started: \
             restart it to preview more"
        ));
    }
    let m = crate::i18n::Messages::for_overrides(Some(dir));
    cache.insert(key, m);
    Ok(m)
}

/// Every language's fonts, given to the renderer once.
fn load_fonts() {
    static FONTS: Once = Once::new();
    FONTS.call_once(|| {
        let mut system = iced_graphics::text::font_system()
            .write()
            .unwrap_or_else(|p| p.into_inner());
        for font in super::fonts::for_welcome(&crate::i18n::screen_locales()) {
            system.load_font(font.bytes().into());
        }
    });
}
