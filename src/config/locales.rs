//! `[locales]`: the languages a kiosk offers on Welcome, in the operator's order; the default
//! (Welcome's first language); and a directory of operator overrides, `<overrides>/<locale>/
//! *.ftl`, layered over the built-in messages.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub struct Locales {
    pub offered: Vec<String>,
    pub default: String,
    pub overrides: Option<PathBuf>,
    /// The language of staff mode on the kiosk (staff read it, whatever the passenger chose).
    pub staff: String,
}

impl Default for Locales {
    fn default() -> Self {
        let offered = crate::i18n::screen_locales();
        Locales {
            default: offered
                .first()
                .cloned()
                .unwrap_or_else(|| crate::i18n::FALLBACK.into()),
            offered,
            overrides: None,
            staff: crate::i18n::FALLBACK.into(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawLocales {
    offered: Option<Vec<String>>,
    default: Option<String>,
    overrides: Option<PathBuf>,
    staff: Option<String>,
}

pub(super) const KNOWN_LOCALES: &[&str] = &["offered", "default", "overrides", "staff"];

/// `base`: the config file's directory, which a relative `overrides` is in.
pub(super) fn parse(
    raw: RawLocales,
    base: Option<&std::path::Path>,
    err: &mut dyn FnMut(&str, &str, String),
) -> Locales {
    let mut locales = Locales::default();
    let built_in = crate::i18n::screen_locales();
    if let Some(dir) = raw.overrides {
        let dir = match base {
            Some(base) if dir.is_relative() => base.join(dir),
            _ => dir,
        };
        if dir.is_dir() {
            locales.overrides = Some(dir);
        } else {
            err(
                "locales",
                "overrides",
                format!(
                    "`overrides` must be a directory of <locale>/*.ftl, found {}",
                    dir.display()
                ),
            );
        }
    }
    if let Some(staff) = raw.staff {
        let have: Vec<&str> = built_in.iter().map(String::as_str).collect();
        match crate::i18n::negotiate(&[&staff], &have) {
            Some(near) => locales.staff = near.to_string(),
            None => err(
                "locales",
                "staff",
                format!(
                    "`staff` must be one of the built-in locales ({}), found {staff:?}",
                    built_in.join(", ")
                ),
            ),
        }
    }
    if let Some(offered) = raw.offered {
        let mut good = Vec::new();
        for locale in offered {
            let has_overrides = locales
                .overrides
                .as_ref()
                .is_some_and(|d| d.join(&locale).is_dir());
            if locale.parse::<unic_langid::LanguageIdentifier>().is_err() {
                err(
                    "locales",
                    "offered",
                    format!("`offered` lists {locale:?}, which is not a locale like \"ur-PK\""),
                );
            } else if built_in.contains(&locale) || has_overrides {
                if !good.contains(&locale) {
                    good.push(locale);
                }
            } else if let Some(near) = crate::i18n::negotiate(
                &[&locale],
                &built_in.iter().map(String::as_str).collect::<Vec<_>>(),
            ) {
                // "ur" or "ar-SA": the nearest built-in locale (Fluent's negotiation).
                if !good.iter().any(|l| l == near) {
                    good.push(near.to_string());
                }
            } else {
                err(
                    "locales",
                    "offered",
                    format!(
                        "`offered` lists {locale:?}, which has no messages: the built-in locales \
                         are {}, or give its files in the overrides directory",
                        built_in.join(", ")
                    ),
                );
            }
        }
        if good.is_empty() {
            err(
                "locales",
                "offered",
                "`offered` needs at least one locale".into(),
            );
        } else {
            locales.default = good[0].clone();
            locales.offered = good;
        }
    }
    if let Some(default) = raw.default {
        let offered: Vec<&str> = locales.offered.iter().map(String::as_str).collect();
        // Welcome speaks the default until a passenger picks a language; the buttons stay in
        // the operator's order.
        if let Some(near) = crate::i18n::negotiate(&[&default], &offered) {
            locales.default = near.to_string();
        } else {
            err(
                "locales",
                "default",
                format!(
                    "`default` must be one of the offered locales ({}), found {default:?}",
                    locales.offered.join(", ")
                ),
            );
        }
    }
    locales
}
