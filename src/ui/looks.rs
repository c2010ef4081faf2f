//! The operator's side of the screens: the texts (built in, with the operator's overrides),
//! the languages offered and the default one, the airline's colours, name, pictures and review
//! link, and the changes a new config file makes to them.

use super::draw::Brand;
use super::options::Options;
use super::{pictures, theme};
use crate::i18n::Messages;

pub struct Looks {
    pub options: Options,
    pub brand: Brand,
    pub messages: &'static Messages,
    /// The operator's default language: Welcome speaks it until a passenger picks another.
    pub default_locale: String,
    /// The normal palette, in the airline's colours.
    pub normal: theme::Palette,
    /// How many config changes were applied: Welcome may look different after one.
    pub applied: u32,
}

impl Looks {
    pub fn new(options: Options) -> Looks {
        Looks {
            brand: brand(&options, None),
            normal: theme::branded(options.primary.as_deref(), options.bar.as_deref()),
            options,
            messages: Messages::built_in(),
            default_locale: String::new(),
            applied: 0,
        }
    }

    /// The messages, and the offered languages that have screens in them (languages an
    /// operator added in the overrides count too), in the operator's order; Welcome starts in
    /// `default` (the first offered one if it is not offered).
    pub fn set_messages(&mut self, messages: &'static Messages, offered: &[String], default: &str) {
        self.messages = messages;
        let mut locales: Vec<String> = offered
            .iter()
            .filter(|l| messages.has(l, "welcome-start"))
            .cloned()
            .collect();
        if locales.is_empty() {
            locales.push(crate::i18n::FALLBACK.into());
        }
        self.default_locale = if locales.iter().any(|l| l == default) {
            default.to_string()
        } else {
            locales[0].clone()
        };
        self.options.locales = locales.clone();
        self.brand.locales = locales;
    }

    /// A new config's looks (its texts and languages apply through `set_messages`).
    pub fn apply(&mut self, options: Options) {
        self.applied = self.applied.wrapping_add(1);
        self.normal = theme::branded(options.primary.as_deref(), options.bar.as_deref());
        // Pictures are drawn to pixels once: again only when they changed.
        let kept = (self.options.pictures == options.pictures)
            .then(|| std::mem::take(&mut self.brand.pictures));
        self.brand = brand(&options, kept);
        self.options = options;
    }

    /// The palette, in the airline's colours or in high contrast.
    pub fn palette(&self, high_contrast: bool) -> &theme::Palette {
        if high_contrast {
            theme::palette(true)
        } else {
            &self.normal
        }
    }
}

/// The operator's side of the screens, from its options (`pictures` already drawn, if given).
fn brand(options: &Options, pictures: Option<pictures::Pictures>) -> Brand {
    Brand {
        airline: options.airline.clone(),
        locales: options.locales.clone(),
        pictures: pictures.unwrap_or_else(|| pictures::Pictures::new(&options.pictures)),
        review: options
            .review_url
            .as_deref()
            .and_then(|url| iced::widget::qr_code::Data::new(url).ok()),
    }
}
