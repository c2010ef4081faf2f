//! Messages in the passenger's language: Fluent files under `locales/<locale>/`, compiled into
//! the binary, looked up by id with a fall back to English (an unknown id is logged and shown
//! as its id, never a panic), and the one answer to "is this locale right to left".

pub mod check;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::OnceLock;
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// The locale every other falls back to.
/// The largest message file read (the largest built-in one is a few tens of KiB).
pub const MAX_FTL_BYTES: u64 = 1 << 20;
/// How deeply braces may nest in a message: the Fluent parser recurses on them, and a file of
/// thousands of nested braces would overflow the stack. Real messages nest two or three deep.
pub const MAX_FTL_NESTING: usize = 32;
pub const FALLBACK: &str = "en-US";

/// A built-in locale's Fluent files, compiled in.
macro_rules! locale {
    ($locale:literal: $($file:literal),+) => {
        [$(($locale, $file, include_str!(concat!("../../locales/", $locale, "/", $file)))),+]
    };
}

const EN: [(&str, &str, &str); 6] = locale!("en-US": "exceptions.ftl", "print.ftl", "ui.ftl", "staff.ftl", "desk.ftl", "speech.ftl");
const UR: [(&str, &str, &str); 6] = locale!("ur-PK": "exceptions.ftl", "ui.ftl", "print.ftl", "staff.ftl", "desk.ftl", "speech.ftl");
const AR: [(&str, &str, &str); 6] =
    locale!("ar": "exceptions.ftl", "ui.ftl", "print.ftl", "staff.ftl", "desk.ftl", "speech.ftl");
const ES: [(&str, &str, &str); 6] = locale!("es-ES": "exceptions.ftl", "ui.ftl", "print.ftl", "staff.ftl", "desk.ftl", "speech.ftl");
const FR: [(&str, &str, &str); 6] = locale!("fr-FR": "exceptions.ftl", "ui.ftl", "print.ftl", "staff.ftl", "desk.ftl", "speech.ftl");
const DE: [(&str, &str, &str); 6] = locale!("de-DE": "exceptions.ftl", "ui.ftl", "print.ftl", "staff.ftl", "desk.ftl", "speech.ftl");
const HI: [(&str, &str, &str); 6] = locale!("hi-IN": "exceptions.ftl", "ui.ftl", "print.ftl", "staff.ftl", "desk.ftl", "speech.ftl");
const ZH: [(&str, &str, &str); 6] = locale!("zh-CN": "exceptions.ftl", "ui.ftl", "print.ftl", "staff.ftl", "desk.ftl", "speech.ftl");

/// Built-in Fluent files: (locale, file name, text), English first, then the screens' order.
const BUILT_IN: &[(&str, &str, &str)] = &concat_arrays();
const _: () = assert!(
    EN.len() + UR.len() + AR.len() + ES.len() + FR.len() + DE.len() + HI.len() + ZH.len() == 48
);

const fn concat_arrays() -> [(&'static str, &'static str, &'static str); 48] {
    let parts: [&[(&str, &str, &str)]; 8] = [&EN, &UR, &AR, &ES, &FR, &DE, &HI, &ZH];
    let mut out = [("", "", ""); 48];
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    out
}

/// The built-in locales that have the kiosk's screens, English first, then as listed.
pub fn screen_locales() -> Vec<String> {
    let mut locales: Vec<String> = Vec::new();
    for (locale, file, _) in BUILT_IN {
        if *file == "ui.ftl" && !locales.iter().any(|l| l == locale) {
            locales.push(locale.to_string());
        }
    }
    locales
}

/// The language usually read by holders of a passport of this nationality (ICAO code), as a
/// language subtag, for the languages the kiosk has.
pub fn language_of_nationality(nationality: &str) -> Option<&'static str> {
    Some(match nationality {
        "PAK" => "ur",
        "IND" => "hi",
        "CHN" | "SGP" | "TWN" => "zh",
        "ESP" | "MEX" | "ARG" | "COL" | "CHL" | "PER" | "VEN" | "ECU" | "GTM" | "CUB" | "BOL"
        | "DOM" | "HND" | "PRY" | "SLV" | "NIC" | "CRI" | "PAN" | "URY" => "es",
        "FRA" | "SEN" | "CIV" | "MCO" => "fr",
        "DEU" | "D" | "AUT" | "LIE" => "de",
        "SAU" | "ARE" | "EGY" | "JOR" | "QAT" | "KWT" | "OMN" | "BHR" | "MAR" | "DZA" | "TUN"
        | "IRQ" | "LBN" | "SYR" | "YEM" | "LBY" | "SDN" | "PSE" => "ar",
        "GBR" | "GBD" | "USA" | "CAN" | "AUS" | "NZL" | "IRL" => "en",
        _ => return None,
    })
}

/// The built-in Fluent files: (locale, file name, text).
pub fn built_in_sources() -> &'static [(&'static str, &'static str, &'static str)] {
    BUILT_IN
}

/// The best of `available` for a reader who asked for `requested` (best first), by Fluent's
/// negotiation (`ar-EG` finds `ar`, `ur` finds `ur-PK`, `zh-Hans` finds `zh-CN`); `None` if no
/// language matches.
pub fn negotiate<'a>(requested: &[&str], available: &[&'a str]) -> Option<&'a str> {
    use fluent_langneg::{NegotiationStrategy, negotiate_languages};
    let requested: Vec<LanguageIdentifier> =
        requested.iter().filter_map(|l| l.parse().ok()).collect();
    let ids: Vec<(LanguageIdentifier, &'a str)> = available
        .iter()
        .filter_map(|l| l.parse().ok().map(|id| (id, *l)))
        .collect();
    let langids: Vec<&LanguageIdentifier> = ids.iter().map(|(id, _)| id).collect();
    let best = negotiate_languages(&requested, &langids, None, NegotiationStrategy::Lookup);
    let best = best.first()?;
    ids.iter().find(|(id, _)| &id == *best).map(|(_, l)| *l)
}

/// The best of `available` for a browser's `Accept-Language` header, else `default`.
pub fn negotiate_accept_language<'a>(
    header: Option<&str>,
    available: &[&'a str],
    default: &'a str,
) -> &'a str {
    let requested: Vec<String> = header
        .map(fluent_langneg::accepted_languages::parse)
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect();
    let requested: Vec<&str> = requested.iter().map(String::as_str).collect();
    negotiate(&requested, available).unwrap_or(default)
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

/// RIGHT-TO-LEFT MARK: an invisible strong right-to-left character.
pub const RLM: char = '\u{200F}';

/// Text for a paragraph of the screen in `locale`. The text shaper takes a paragraph's
/// direction from its first strong letter, so an Urdu sentence that starts with a Latin name
/// ("{ $airline } میں خوش آمدید") would be laid out left to right, words in the wrong order. In
/// a right-to-left locale such text starts with an invisible right-to-left mark: the direction
/// comes from the locale, never from the first letter.
pub fn directed(locale: &str, text: String) -> String {
    if direction(locale) != Direction::RightToLeft {
        return text;
    }
    // Each line is a paragraph of its own to the shaper.
    if text.split('\n').all(starts_right_to_left) {
        return text;
    }
    text.split('\n')
        .map(|line| {
            if starts_right_to_left(line) {
                line.to_string()
            } else {
                format!("{RLM}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Does the line's first strong letter (or mark) read right to left? (An empty line or one
/// without letters does not.)
fn starts_right_to_left(line: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, L, R};
    line.chars()
        .find_map(|c| match unicode_bidi::bidi_class(c) {
            L => Some(false),
            R | AL => Some(true),
            _ => None,
        })
        .unwrap_or(false)
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
            if let Some(line) = check::too_deep(text) {
                return Err(err(format!("line {line}: placeables nest too deep")));
            }
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

    /// The built-in messages with an operator's overrides layered over them:
    /// `<dir>/<locale>/*.ftl` replace any message in any locale (or add a locale). A file that
    /// does not parse, names a message the kiosk does not have, or uses a variable the message
    /// does not have is reported and left out: the built-in text stays.
    pub fn with_overrides(dir: &std::path::Path) -> (Messages, Vec<String>) {
        let mut messages = Messages::from_sources(BUILT_IN.iter().copied())
            .expect("the built-in locales are checked by the tests");
        let mut problems = Vec::new();
        let english: HashMap<String, check::Shape> = BUILT_IN
            .iter()
            .filter(|(l, _, _)| *l == FALLBACK)
            .filter_map(|(_, _, t)| check::shapes(t).ok())
            .flatten()
            .collect();
        let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
        if let Ok(locales) = std::fs::read_dir(dir) {
            for l in locales.flatten() {
                let locale = l.file_name().to_string_lossy().to_string();
                if let Ok(entries) = std::fs::read_dir(l.path()) {
                    for f in entries.flatten() {
                        if f.path().extension().is_some_and(|e| e == "ftl") {
                            files.push((locale.clone(), f.path()));
                        }
                    }
                }
            }
        } else {
            problems.push(format!(
                "{}: cannot read the overrides directory",
                dir.display()
            ));
        }
        files.sort();
        for (locale, path) in files {
            let name = path.display();
            let Ok(id) = locale.parse::<LanguageIdentifier>() else {
                problems.push(format!("{name}: {locale:?} is not a locale"));
                continue;
            };
            let Ok(text) = crate::store::read_capped_string(&path, MAX_FTL_BYTES) else {
                problems.push(format!("{name}: cannot be read"));
                continue;
            };
            let shapes = match check::shapes(&text) {
                Ok(s) => s,
                Err(errors) => {
                    problems.push(format!(
                        "{name}: does not parse ({}); ignored",
                        errors.join("; ")
                    ));
                    continue;
                }
            };
            let mut bad = Vec::new();
            for (message, shape) in &shapes {
                match english.get(message) {
                    None => bad.push(format!("{message}: no such message")),
                    Some(en) if !shape.variables.is_subset(&en.variables) => bad.push(format!(
                        "{message}: unknown variable {:?} (the message has {:?})",
                        shape
                            .variables
                            .difference(&en.variables)
                            .collect::<Vec<_>>(),
                        en.variables
                    )),
                    _ => {}
                }
            }
            if !bad.is_empty() {
                problems.push(format!("{name}: {}; ignored", bad.join("; ")));
                continue;
            }
            let Ok(resource) = FluentResource::try_new(text) else {
                continue;
            };
            let bundle = messages.bundles.entry(locale.clone()).or_insert_with(|| {
                let mut b = FluentBundle::new_concurrent(vec![id]);
                b.set_use_isolating(false);
                b
            });
            bundle.add_resource_overriding(resource);
        }
        (messages, problems)
    }

    /// The messages a kiosk with these overrides speaks, for the life of the process (built
    /// once at start and once per changed config; problems go to the log).
    pub fn for_overrides(dir: Option<&std::path::Path>) -> &'static Messages {
        let Some(dir) = dir else {
            return Messages::built_in();
        };
        let (messages, problems) = Messages::with_overrides(dir);
        for p in problems {
            tracing::warn!("locale override: {p}");
        }
        Box::leak(Box::new(messages))
    }

    pub fn locales(&self) -> Vec<&str> {
        let mut l: Vec<&str> = self.bundles.keys().map(String::as_str).collect();
        l.sort();
        l
    }

    /// The best locale we have for `wanted` (negotiated: itself, the same language in another
    /// region, else English).
    fn resolve(&self, wanted: &str) -> Option<&FluentBundle<FluentResource>> {
        if let Some(b) = self.bundles.get(wanted) {
            return Some(b);
        }
        let available = self.locales();
        negotiate(&[wanted], &available)
            .and_then(|l| self.bundles.get(l))
            .or_else(|| self.bundles.get(FALLBACK))
    }

    pub fn has(&self, locale: &str, id: &str) -> bool {
        self.bundles.get(locale).is_some_and(|b| b.has_message(id))
    }

    /// A date as `locale` writes it: "3 Dec", "3 دسمبر", "12月3日"; with the year when `year`.
    pub fn date(&self, locale: &str, date: chrono::NaiveDate, year: bool) -> String {
        use chrono::Datelike;
        self.get(
            locale,
            if year { "date-full" } else { "date-day-month" },
            &[
                ("day", date.day().into()),
                ("month", date.month().into()),
                ("year", date.year().to_string().into()),
            ],
        )
    }

    /// The city of an airport as `locale` writes it ("لاہور" for LHE in Urdu): `city-<code>`
    /// of that language (or its region's) if it has one, else the airline's own name for it.
    pub fn city(&self, locale: &str, code: &str, airline_name: &str) -> String {
        let id = format!("city-{code}");
        match self.resolve(locale) {
            Some(bundle) if !locale.starts_with("en") && bundle.has_message(&id) => {
                self.get(locale, &id, &[])
            }
            _ => airline_name.to_string(),
        }
    }

    /// The message `id` in `locale` (falling back to English), with `args` filled in.
    pub fn get(&self, locale: &str, id: &str, args: &[(&str, FluentValue)]) -> String {
        self.format(locale, id, args, false)
    }

    /// What a message says aloud: its `.speech` attribute where it has one (Arabic written
    /// with its vowels, which espeak-ng needs to read it well; a text that reads badly aloud),
    /// else the text the screen shows.
    pub fn speech(&self, locale: &str, id: &str, args: &[(&str, FluentValue)]) -> String {
        self.format(locale, id, args, true)
    }

    fn format(&self, locale: &str, id: &str, args: &[(&str, FluentValue)], spoken: bool) -> String {
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, v.clone());
        }
        for bundle in [self.resolve(locale), self.bundles.get(FALLBACK)]
            .into_iter()
            .flatten()
        {
            let Some(message) = bundle.get_message(id) else {
                continue;
            };
            let speech = spoken
                .then(|| message.get_attribute("speech"))
                .flatten()
                .map(|a| a.value());
            if let Some(pattern) = speech.or(message.value()) {
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
    fn a_message_speaks_its_speech_attribute_where_it_has_one() {
        let m = Messages::from_sources([
            (
                "en-US",
                "ui.ftl",
                "hello = Hello { $name }\nplain = Plain\n",
            ),
            (
                "ar",
                "ui.ftl",
                "hello = مرحبا { $name }\n    .speech = مَرْحَبًا { $name }\nplain = بسيط\n",
            ),
        ])
        .unwrap();
        let name = [("name", FluentValue::from("Sam"))];
        assert_eq!(m.get("ar", "hello", &name), "مرحبا Sam");
        assert_eq!(m.speech("ar", "hello", &name), "مَرْحَبًا Sam");
        assert_eq!(
            m.speech("ar", "plain", &[]),
            "بسيط",
            "no attribute: the text"
        );
        assert_eq!(m.speech("en-US", "plain", &[]), "Plain");
    }

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
    fn negotiation_finds_the_nearest_locale() {
        let have = ["en-US", "ur-PK", "ar", "zh-CN", "fr-FR"];
        assert_eq!(negotiate(&["ur"], &have), Some("ur-PK"));
        assert_eq!(negotiate(&["ar-EG"], &have), Some("ar"));
        assert_eq!(negotiate(&["fr-CA"], &have), Some("fr-FR"));
        assert_eq!(negotiate(&["zh-Hans-CN"], &have), Some("zh-CN"));
        assert_eq!(negotiate(&["de-DE", "fr"], &have), Some("fr-FR"));
        assert_eq!(negotiate(&["sw"], &have), None);
        assert_eq!(
            negotiate_accept_language(Some("de-CH, ar;q=0.9, en;q=0.5"), &have, "en-US"),
            "ar"
        );
        assert_eq!(
            negotiate_accept_language(Some("garbage;;q=x"), &have, "en-US"),
            "en-US"
        );
        assert_eq!(negotiate_accept_language(None, &have, "en-US"), "en-US");
        // Messages follow the same negotiation.
        let m = Messages::built_in();
        assert_eq!(
            m.get("ur", "language-name", &[]),
            m.get("ur-PK", "language-name", &[])
        );
        assert_eq!(
            m.get("ar-SA", "language-name", &[]),
            m.get("ar", "language-name", &[])
        );
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
