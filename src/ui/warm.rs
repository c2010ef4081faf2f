//! The renderer's warm-up: at the first clock tick at rest, each offered language's first
//! screen (Identify) is drawn once, unseen under Welcome, until the window reports a frame
//! drawn. The renderer then has every script's letters drawn and kept before a passenger's
//! first tap into that language, which is no slower than a later one. (Fonts are loaded at
//! start; what the first tap still paid was the renderer drawing each letter the first time,
//! at each size and colour.) The screens are plain views over an engine started in their
//! language: they do nothing and nobody reaches them.

use super::draw::{Brand, Context, Draw, El, Msg};
use super::frame::{self, Choices};
use super::screens::{Entry, Screen};
use crate::checkin::{Engine, Event, Settings};
use crate::domain::Timestamp;

#[derive(Default)]
pub struct Warm {
    /// Languages whose first screen is still to be drawn.
    wanted: Vec<String>,
    /// Those screens, drawn under Welcome in the frame after the tick that made them.
    drawing: Vec<(String, Engine, Screen)>,
    /// Their memory is to go back to the system at the next tick at rest.
    trim: bool,
}

impl Warm {
    /// Every one of `locales` is to be drawn once.
    pub fn want(&mut self, locales: &[String]) {
        self.wanted = locales.to_vec();
    }

    /// Are screens drawn unseen now?
    pub fn drawing(&self) -> bool {
        !self.drawing.is_empty()
    }

    /// The screens still wanted, made for the next frame (at a tick at rest).
    pub fn make(&mut self, settings: &Settings, now: Timestamp) {
        for locale in std::mem::take(&mut self.wanted) {
            let mut engine = Engine::new(settings.clone(), 1);
            let _ = engine.handle(
                now,
                Event::Start {
                    locale: locale.clone(),
                },
            );
            let entry = Entry {
                welcome_locale: locale.clone(),
                speaking: false,
            };
            let screen = Screen::enter(&engine, Screen::Welcome(Default::default()), &entry);
            self.drawing.push((locale, engine, screen));
        }
    }

    /// A frame drew them (`drawn`), or something else came first: they go, and in the second
    /// case come back at the next tick at rest.
    pub fn done(&mut self, drawn: bool) {
        if drawn {
            // Their widgets and layouts are gone: the memory goes back to the system at a
            // tick at rest, never in a passenger's tap.
            self.trim = true;
        } else {
            self.wanted
                .extend(self.drawing.iter().map(|(locale, _, _)| locale.clone()));
        }
        self.drawing.clear();
    }

    /// At a tick at rest: gives the freed memory back to the system, once.
    pub fn trim(&mut self) {
        if std::mem::take(&mut self.trim) {
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            // SAFETY: malloc_trim only returns free heap pages to the system.
            unsafe {
                libc::malloc_trim(0);
            }
        }
    }

    pub fn wants(&self) -> bool {
        !self.wanted.is_empty()
    }

    /// The unseen screens, each in its language, their messages `unseen`.
    pub fn views<'a, M: Msg>(
        &'a self,
        cx: &Context,
        brand: &'a Brand,
        unseen: M,
    ) -> Vec<El<'a, M>> {
        self.drawing
            .iter()
            .map(|(locale, engine, screen)| {
                let mut d = Draw::<Unseen>::new(Context {
                    locale: locale.clone(),
                    focus: None,
                    speaking: false,
                    ..cx.clone()
                });
                let page = frame::page(
                    &mut d,
                    engine,
                    screen,
                    brand,
                    Choices::default(),
                    |_| Unseen,
                    |_| Unseen,
                );
                let unseen = unseen.clone();
                page.map(move |Unseen| unseen.clone())
            })
            .collect()
    }
}

/// What an unseen screen's buttons would send: nothing reaches them.
#[derive(Debug, Clone)]
struct Unseen;

impl Msg for Unseen {
    fn engine(_: Event) -> Self {
        Unseen
    }
    fn scrolled() -> Self {
        Unseen
    }
}
