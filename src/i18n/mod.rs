//! Messages in the passenger's language: Fluent files under `locales/<locale>/`, compiled into
//! the binary, looked up by id with a fall back to English (an unknown id is logged and shown
//! as its id, never a panic), and the one answer to "is this locale right to left".

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::OnceLock;
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// The locale every other falls back to.
pub const FALLBACK: &str = "en-US";

/// Built-in Fluent files: (locale, file name, text).
const BUILT_IN: &[(&str, &str, &str)] = &[
    (
        "en-US",
        "exceptions.ftl",
        include_str!("../../locales/en-US/exceptions.ftl"),
    ),
    (
        "en-US",
        "print.ftl",
        include_str!("../../locales/en-US/print.ftl"),
    ),
    (
        "en-US",
        "ui.ftl",
        include_str!("../../locales/en-US/ui.ftl"),
    ),
    (
        "en-US",
        "staff.ftl",
        include_str!("../../locales/en-US/staff.ftl"),
    ),
    (
        "ur-PK",
        "exceptions.ftl",
        include_str!("../../locales/ur-PK/exceptions.ftl"),
    ),
    (
        "ur-PK",
        "ui.ftl",
        include_str!("../../locales/ur-PK/ui.ftl"),
    ),
    (
        "ur-PK",
        "print.ftl",
        include_str!("../../locales/ur-PK/print.ftl"),
    ),
    (
        "ar",
        "exceptions.ftl",
        include_str!("../../locales/ar/exceptions.ftl"),
    ),
    ("ar", "ui.ftl", include_str!("../../locales/ar/ui.ftl")),
    (
        "ar",
        "print.ftl",
        include_str!("../../locales/ar/print.ftl"),
    ),
];

/// The built-in Fluent files: (locale, file name, text).
pub fn built_in_sources() -> &'static [(&'static str, &'static str, &'static str)] {
    BUILT_IN
}

/// Reading order of a locale's script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

pub fn direction(locale: &str) -> Direction {
    match locale.parse::<LanguageIdentifier>() {
        Ok(id) if id.character_direction() == CharacterDirection::RTL => Direction::RightToLeft,
        _ => Direction::LeftToRight,
    }
}

/// All messages of all locales.
pub struct Messages {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut locales: Vec<_> = self.bundles.keys().collect();
        locales.sort();
        f.debug_struct("Messages")
            .field("locales", &locales)
            .finish()
    }
}

/// A Fluent file that does not parse or clashes with another.
#[derive(Debug, thiserror::Error)]
#[error("{locale}/{file}: {message}")]
pub struct LocaleError {
    pub locale: String,
    pub file: String,
    pub message: String,
}

impl Messages {
    /// Builds the bundles from (locale, file name, text) triples.
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Result<Self, LocaleError> {
        let mut bundles: HashMap<String, FluentBundle<FluentResource>> = HashMap::new();
        for (locale, file, text) in sources {
            let err = |message: String| LocaleError {
                locale: locale.into(),
                file: file.into(),
                message,
            };
            let id: LanguageIdentifier = locale
                .parse()
                .map_err(|e| err(format!("not a locale: {e}")))?;
            let resource = FluentResource::try_new(text.to_string())
                .map_err(|(_, errors)| err(format!("{errors:?}")))?;
            let bundle = bundles.entry(locale.to_string()).or_insert_with(|| {
                let mut b = FluentBundle::new_concurrent(vec![id]);
                // Screens lay out bidirectional text themselves; isolation marks would show
                // as stray characters on the printed page and the terminal.
                b.set_use_isolating(false);
                b
            });
            bundle
                .add_resource(resource)
                .map_err(|errors| err(format!("{errors:?}")))?;
        }
        Ok(Messages { bundles })
    }

    /// The messages compiled into the binary.
    pub fn built_in() -> &'static Messages {
        static MESSAGES: OnceLock<Messages> = OnceLock::new();
        MESSAGES.get_or_init(|| {
            Messages::from_sources(BUILT_IN.iter().copied())
                .expect("the built-in locales are checked by the tests")
        })
    }

    pub fn locales(&self) -> Vec<&str> {
        let mut l: Vec<&str> = self.bundles.keys().map(String::as_str).collect();
        l.sort();
        l
    }

    /// The best locale we have for `wanted`: itself, the same language, else English.
    fn resolve(&self, wanted: &str) -> Option<&FluentBundle<FluentResource>> {
        if let Some(b) = self.bundles.get(wanted) {
            return Some(b);
        }
        let language = wanted.split(['-', '_']).next().unwrap_or(wanted);
        let mut same: Vec<&String> = self
            .bundles
            .keys()
            .filter(|k| k.split('-').next() == Some(language))
            .collect();
        same.sort();
        same.first()
            .and_then(|k| self.bundles.get(*k))
            .or_else(|| self.bundles.get(FALLBACK))
    }

    pub fn has(&self, locale: &str, id: &str) -> bool {
        self.bundles.get(locale).is_some_and(|b| b.has_message(id))
    }

    /// The message `id` in `locale` (falling back to English), with `args` filled in.
    pub fn get(&self, locale: &str, id: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, v.clone());
        }
        for bundle in [self.resolve(locale), self.bundles.get(FALLBACK)]
            .into_iter()
            .flatten()
        {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(id, locale, ?errors, "message formatted with errors");
                }
                return text.into_owned();
            }
        }
        tracing::warn!(id, locale, "no such message");
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::ExceptionKind;

    #[test]
    fn every_exception_has_an_english_message() {
        let m = Messages::built_in();
        for kind in ExceptionKind::ALL {
            assert!(m.has("en-US", kind.code()), "{}", kind.code());
        }
        for id in [
            "mrz-unreadable",
            "mrz-not-a-travel-document",
            "mrz-check-failed",
        ] {
            assert!(m.has("en-US", id), "{id}");
        }
    }

    #[test]
    fn plurals_and_fall_backs() {
        let m = Messages::built_in();
        let one = m.get("en-US", "booking_not_found", &[("attempts", 1.into())]);
        let three = m.get("en-US", "booking_not_found", &[("attempts", 3.into())]);
        assert!(one.starts_with("We could not find"), "{one}");
        assert!(three.contains("(3 tries)"), "{three}");
        // A locale without the message falls back to English; an unknown id shows the id.
        let partial = Messages::from_sources([
            ("en-US", "a.ftl", "hello = Hello\nbye = Goodbye"),
            ("ur-PK", "a.ftl", "hello = سلام"),
        ])
        .unwrap();
        assert_eq!(partial.get("ur-PK", "bye", &[]), "Goodbye");
        assert_eq!(partial.get("ur-PK", "hello", &[]), "سلام");
        assert_eq!(m.get("en-US", "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn urdu_and_arabic_read_right_to_left() {
        assert_eq!(direction("ur-PK"), Direction::RightToLeft);
        assert_eq!(direction("ar"), Direction::RightToLeft);
        assert_eq!(direction("en-US"), Direction::LeftToRight);
        assert_eq!(direction("zh-CN"), Direction::LeftToRight);
        assert_eq!(direction("not a locale"), Direction::LeftToRight);
    }

    #[test]
    fn a_broken_file_is_reported_with_its_name() {
        let err = Messages::from_sources([("en-US", "bad.ftl", "greeting = { $name")]).unwrap_err();
        assert!(err.to_string().starts_with("en-US/bad.ftl"), "{err}");
    }
}
