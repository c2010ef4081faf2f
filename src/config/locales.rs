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
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawLocales {
    offered: Option<Vec<String>>,
    default: Option<String>,
    overrides: Option<PathBuf>,
}

pub(super) const KNOWN_LOCALES: &[&str] = &["offered", "default", "overrides"];

pub(super) fn parse(raw: RawLocales, err: &mut dyn FnMut(&str, &str, String)) -> Locales {
    let mut locales = Locales::default();
    let built_in = crate::i18n::screen_locales();
    if let Some(dir) = raw.overrides {
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
        if let Some(i) = locales.offered.iter().position(|l| *l == default) {
            // The default is Welcome's first language.
            let d = locales.offered.remove(i);
            locales.offered.insert(0, d);
            locales.default = default;
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
