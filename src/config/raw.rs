//! The file as written: a permissive serde shape, then validation into [`Config`] with every
//! problem located in the file.

use super::{
    Config, ConfigError, Diagnostic, DocumentsStep, Loaded, MIN_WARNING, format_duration,
    parse_duration,
};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Raw {
    kiosk: RawKiosk,
    timeouts: RawTimeouts,
    steps: RawSteps,
    checkin: RawCheckin,
    bags: RawBags,
    privacy: RawPrivacy,
    metrics: RawMetrics,
    logging: RawLogging,
    speech: RawSpeech,
    keypad: std::collections::BTreeMap<String, String>,
    printer: RawPrinter,
    documents: RawDocuments,
    help: super::help::RawHelp,
    desk: super::desk::RawDesk,
    staff: Vec<super::staff::RawStaff>,
    locales: super::locales::RawLocales,
    branding: super::branding::RawBranding,
    airline: super::airline::RawAirline,
    phone_pass: super::phone_pass::RawPhonePass,
    devices: super::devices::RawDevices,
    cuss2: super::devices::RawCuss2,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawDocuments {
    rules: Option<Vec<RawRule>>,
}

#[derive(Debug, Deserialize)]
struct RawRule {
    destination: String,
    #[serde(default)]
    valid_months_after_arrival: u32,
    #[serde(default)]
    visa_required: Vec<String>,
    #[serde(default)]
    visa_exempt: Vec<String>,
    #[serde(default)]
    address_required: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawKiosk {
    id: Option<String>,
    location: Option<String>,
    airport: Option<String>,
    terminal: Option<String>,
    mode: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawTimeouts {
    idle: Option<String>,
    idle_with_help: Option<String>,
    warning: Option<String>,
    goodbye: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawSteps {
    documents: Option<String>,
    seats: Option<bool>,
    bags: Option<bool>,
    feedback: Option<bool>,
    dangerous_goods: Option<toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawCheckin {
    staff_ssrs: Option<Vec<String>>,
    assistance_ssrs: Option<Vec<String>>,
    max_bags: Option<u8>,
    max_reprints: Option<u8>,
    attempts_before_help: Option<u8>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawBags {
    serials: Option<String>,
    quarantine: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawMetrics {
    listen: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawSpeech {
    voice: Option<String>,
    address: Option<String>,
    dir: Option<PathBuf>,
    blank_screen: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawLogging {
    dir: Option<PathBuf>,
    keep_days: Option<u32>,
    max_file_size: Option<String>,
    level: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawPrivacy {
    page_first_name: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawPrinter {
    spool: Option<PathBuf>,
    keep: Option<usize>,
    keep_for: Option<String>,
    queue: Option<String>,
    paper: Option<String>,
    lp: Option<PathBuf>,
    lpstat: Option<PathBuf>,
}

/// Every key the file may hold, for "did you mean".
pub(super) const KNOWN: &[(&str, &[&str])] = &[
    ("kiosk", &["id", "location", "airport", "terminal", "mode"]),
    (
        "timeouts",
        &["idle", "idle_with_help", "warning", "goodbye"],
    ),
    (
        "steps",
        &["documents", "seats", "bags", "feedback", "dangerous_goods"],
    ),
    (
        "checkin",
        &[
            "staff_ssrs",
            "assistance_ssrs",
            "max_bags",
            "max_reprints",
            "attempts_before_help",
        ],
    ),
    ("bags", &["serials", "quarantine"]),
    ("privacy", &["page_first_name"]),
    ("metrics", &["listen"]),
    ("logging", &["dir", "keep_days", "max_file_size", "level"]),
    ("speech", &["voice", "dir", "blank_screen", "address"]),
    (
        "keypad",
        &[
            "up", "down", "left", "right", "enter", "clear", "cancel", "help", "speech", "repeat",
            "pause", "slower", "faster", "softer", "louder",
        ],
    ),
    (
        "printer",
        &[
            "spool", "keep", "keep_for", "queue", "paper", "lp", "lpstat",
        ],
    ),
    ("documents", &["rules"]),
    ("help", super::help::KNOWN_HELP),
    ("desk", super::desk::KNOWN_DESK),
    ("staff", super::staff::KNOWN_STAFF),
    ("locales", super::locales::KNOWN_LOCALES),
    ("branding", super::branding::KNOWN_BRANDING),
    ("airline", super::airline::KNOWN_AIRLINE),
    ("phone_pass", super::phone_pass::KNOWN_PHONE_PASS),
    ("devices", super::devices::KNOWN_DEVICES),
    ("cuss2", super::devices::KNOWN_CUSS2),
];

pub(super) fn parse(text: &str, file: Option<&Path>) -> Result<Loaded, ConfigError> {
    let here = |line: usize, column: usize, message: String| Diagnostic {
        file: file.map(Path::to_path_buf),
        line,
        column,
        message,
    };
    let deserializer = toml::Deserializer::parse(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
        ConfigError::Invalid(vec![here(line, column, e.message().to_string())])
    })?;
    let mut unknown = Vec::new();
    let raw: Raw = serde_ignored::deserialize(deserializer, |path| unknown.push(path.to_string()))
        .map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
            ConfigError::Invalid(vec![here(line, column, e.message().to_string())])
        })?;
    let mut warnings: Vec<Diagnostic> = unknown
        .iter()
        .map(|path| {
            let (line, column, message) = unknown_key(text, path);
            here(line, column, message)
        })
        .collect();
    if raw.steps.dangerous_goods.is_some() {
        let (line, column) = locate(text, "steps", "dangerous_goods");
        warnings.push(here(
            line,
            column,
            "`dangerous_goods` is ignored: the dangerous-goods acknowledgement is required on every \
             check-in (49 CFR 175.25, ICAO) and cannot be switched off"
                .into(),
        ));
    }

    let mut errors = Vec::new();
    let mut config = Config::default();
    let mut err = |section: &str, key: &str, message: String| {
        let (line, column) = locate(text, section, key);
        errors.push(here(line, column, message));
    };
    kiosk(raw.kiosk, &mut config.kiosk, &mut err);
    timeouts(raw.timeouts, &mut config.timeouts, &mut err);
    steps(raw.steps, &mut config.steps, &mut err);
    checkin(raw.checkin, &mut config.checkin, &mut err);
    bags(raw.bags, &mut config.bags, &mut err);
    metrics(raw.privacy, raw.metrics, &mut config, &mut err);
    speech(raw.speech, &mut config.speech, &mut err);
    keypad(raw.keypad, &mut config.keypad, &mut err);
    logging(raw.logging, &mut config.logging, &mut err);
    printer(raw.printer, &mut config.printer, &mut err);
    documents(raw.documents, &mut config.documents.rules, &mut err);
    config.help = super::help::parse(raw.help, &mut err);
    config.desk = super::desk::parse(raw.desk, &mut err);
    config.staff = super::staff::parse(raw.staff, &mut err);
    let base = file.and_then(Path::parent);
    config.locales = super::locales::parse(raw.locales, base, &mut err);
    config.airline = super::airline::parse(raw.airline, &mut err);
    config.phone_pass = super::phone_pass::parse(raw.phone_pass, &mut err);
    config.devices = super::devices::parse(raw.devices, raw.cuss2, &mut err);
    config.branding = super::branding::parse(raw.branding, base, &mut err);
    if let Some(dir) = config.locales.overrides.clone() {
        config
            .branding
            .pictures
            .read_overrides(&dir, &mut |e| err("locales", "overrides", e));
    }

    // A bag-drop station prints bag tags and nothing else: without the bags step (or with no
    // bag allowed) it would turn every passenger away.
    if config.kiosk.bag_drop && !config.steps.bags {
        err(
            "steps",
            "bags",
            "`bags = false` leaves a bag-drop kiosk (`[kiosk] mode = \"bag-drop\"`) nothing to do: \
             it prints bag tags only"
                .into(),
        );
    }
    if config.kiosk.bag_drop && config.checkin.max_bags == 0 {
        err(
            "checkin",
            "max_bags",
            "`max_bags = 0` leaves a bag-drop kiosk (`[kiosk] mode = \"bag-drop\"`) nothing to do: \
             it prints bag tags only"
                .into(),
        );
    }

    if errors.is_empty() {
        Ok(Loaded { config, warnings })
    } else {
        Err(ConfigError::Invalid(errors))
    }
}

/// Where an unknown key is, and what it may have meant.
fn unknown_key(text: &str, path: &str) -> (usize, usize, String) {
    let mut parts = path.splitn(2, '.');
    let section = parts.next().unwrap_or_default();
    let key = parts.next();
    let (line, column) = match key {
        Some(k) => locate(text, section, k),
        None => locate_section(text, section),
    };
    let message = match suggest(section, key) {
        Some(s) => format!("unknown key `{path}` is ignored; did you mean `{s}`?"),
        None => format!("unknown key `{path}` is ignored"),
    };
    (line, column, message)
}

/// `[kiosk]`: which kiosk this is and where.
fn kiosk<E: FnMut(&str, &str, String)>(k: RawKiosk, out: &mut super::Kiosk, err: &mut E) {
    if let Some(id) = k.id {
        if id.trim().is_empty() || id.chars().any(char::is_control) {
            err(
                "kiosk",
                "id",
                "`id` must be a short name like \"LHE-T1-K07\"".into(),
            );
        } else {
            out.id = id;
        }
    }
    if let Some(location) = k.location {
        out.location = location;
    }
    if let Some(terminal) = k.terminal {
        let terminal = terminal.trim().to_string();
        if terminal.is_empty()
            || terminal.chars().count() > 12
            || terminal.contains(char::is_control)
        {
            err(
                "kiosk",
                "terminal",
                format!("`terminal` must be a short name like \"T1\", found {terminal:?}"),
            );
        } else {
            out.terminal = Some(terminal);
        }
    }
    match k.mode.as_deref().map(str::trim) {
        None => {}
        Some("check-in") => out.bag_drop = false,
        Some("bag-drop") => out.bag_drop = true,
        Some(other) => err(
            "kiosk",
            "mode",
            format!("`mode` must be \"check-in\" or \"bag-drop\", found {other:?}"),
        ),
    }
    if let Some(airport) = k.airport {
        let code = airport.trim().to_ascii_uppercase();
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            out.airport = Some(code);
        } else {
            err(
                "kiosk",
                "airport",
                format!("`airport` must be a 3-letter IATA code like \"LHE\", found {airport:?}"),
            );
        }
    }
}

/// `[timeouts]`: how long a passenger may pause, and the warning before the end.
fn timeouts<E: FnMut(&str, &str, String)>(t: RawTimeouts, out: &mut super::Timeouts, err: &mut E) {
    let mut duration = |key: &str, value: Option<String>, into: &mut Duration| {
        if let Some(v) = value {
            match parse_duration(&v) {
                Some(d) => *into = d,
                None => err(
                    "timeouts",
                    key,
                    format!("`{key}` must be a duration like \"45s\", found {v}"),
                ),
            }
        }
    };
    duration("idle", t.idle, &mut out.idle);
    let help_idle_given = t.idle_with_help.is_some();
    duration("idle_with_help", t.idle_with_help, &mut out.idle_with_help);
    duration("warning", t.warning, &mut out.warning);
    duration("goodbye", t.goodbye, &mut out.goodbye);
    if out.warning < MIN_WARNING {
        err(
            "timeouts",
            "warning",
            format!(
                "`warning` must be at least {} so a passenger can answer \"Need more time?\", found {}",
                format_duration(MIN_WARNING),
                format_duration(out.warning)
            ),
        );
    }
    if out.idle < Duration::from_secs(10) {
        err(
            "timeouts",
            "idle",
            format!(
                "`idle` must be at least 10s, found {}",
                format_duration(out.idle)
            ),
        );
    }
    if !help_idle_given {
        out.idle_with_help = out.idle_with_help.max(out.idle);
    } else if out.idle_with_help < out.idle {
        err(
            "timeouts",
            "idle_with_help",
            format!(
                "`idle_with_help` must be at least `idle` ({}): a passenger waiting for an agent gets more time, not less; found {}",
                format_duration(out.idle),
                format_duration(out.idle_with_help)
            ),
        );
    }
}

/// `[steps]`: the steps the operator may switch off.
fn steps<E: FnMut(&str, &str, String)>(s: RawSteps, out: &mut super::Steps, err: &mut E) {
    if let Some(d) = s.documents {
        out.documents = match d.as_str() {
            "international" => DocumentsStep::International,
            "always" => DocumentsStep::Always,
            "never" => DocumentsStep::Never,
            _ => {
                err(
                    "steps",
                    "documents",
                    format!(
                        "`documents` must be \"international\", \"always\" or \"never\", found {d:?}"
                    ),
                );
                out.documents
            }
        };
    }
    out.seats = s.seats.unwrap_or(out.seats);
    out.bags = s.bags.unwrap_or(out.bags);
    out.feedback = s.feedback.unwrap_or(out.feedback);
}

/// `[checkin]`: special services that stop a check-in, bags, attempts before help.
fn checkin<E: FnMut(&str, &str, String)>(c: RawCheckin, out: &mut super::Checkin, err: &mut E) {
    if let Some(list) = c.staff_ssrs {
        out.staff_ssrs = ssr_list(list, "staff_ssrs", err);
    }
    if let Some(list) = c.assistance_ssrs {
        out.assistance_ssrs = ssr_list(list, "assistance_ssrs", err);
    }
    if let Some(n) = c.max_bags {
        if n > 9 {
            err(
                "checkin",
                "max_bags",
                format!("`max_bags` must be 0 to 9, found {n}"),
            );
        } else {
            out.max_bags = n;
        }
    }
    if let Some(n) = c.max_reprints {
        if n > 20 {
            err(
                "checkin",
                "max_reprints",
                format!("`max_reprints` must be 0 to 20, found {n}"),
            );
        } else {
            out.max_reprints = n;
        }
    }
    if let Some(n) = c.attempts_before_help {
        if n == 0 {
            err(
                "checkin",
                "attempts_before_help",
                "`attempts_before_help` must be at least 1".into(),
            );
        } else {
            out.attempts_before_help = n;
        }
    }
}

/// `[bags]`: the kiosk's licence-plate serials and their quarantine.
fn bags<E: FnMut(&str, &str, String)>(b: RawBags, out: &mut super::Bags, err: &mut E) {
    if let Some(range) = b.serials {
        match parse_range(&range) {
            Some(r) => out.serials = r,
            None => err(
                "bags",
                "serials",
                format!(
                    "`serials` must be a range of 6-digit serials like \"100000-199999\", found {range:?}"
                ),
            ),
        }
    }
    if let Some(q) = b.quarantine {
        match parse_duration(&q) {
            Some(d) => out.quarantine = d,
            None => err(
                "bags",
                "quarantine",
                format!("`quarantine` must be a duration like \"30d\", found {q}"),
            ),
        }
    }
}

/// `[speech]`: the voice of speech mode and where it speaks.
fn speech<E: FnMut(&str, &str, String)>(s: RawSpeech, out: &mut super::Speech, err: &mut E) {
    out.blank_screen = s.blank_screen.unwrap_or(false);
    let dispatcher = matches!(s.voice.as_deref(), None | Some("speech-dispatcher"));
    if s.address.is_some() && !dispatcher {
        err(
            "speech",
            "address",
            "`address` is speech-dispatcher's (`voice = \"speech-dispatcher\"`)".into(),
        );
    }
    match (s.voice.as_deref(), s.dir) {
        (None | Some("speech-dispatcher"), _) => {
            if let Some(address) = s.address {
                match speechd_address(&address) {
                    Ok(()) => {
                        out.voice = super::Voice::Dispatcher {
                            address: Some(address),
                        }
                    }
                    Err(why) => err("speech", "address", why),
                }
            }
        }
        (Some("espeak-ng"), _) => out.voice = super::Voice::Espeak,
        (Some("none"), _) => out.voice = super::Voice::None,
        (Some("file"), Some(dir)) => out.voice = super::Voice::File(dir),
        (Some("file"), None) => err(
            "speech",
            "dir",
            "`voice = \"file\"` needs `dir`, where the utterances and WAVs go".into(),
        ),
        (Some(other), _) => err(
            "speech",
            "voice",
            format!("`voice` must be speech-dispatcher, espeak-ng, file or none, found {other:?}"),
        ),
    }
}

/// `[keypad]`: the tactile keypad's keys, by function.
fn keypad<E: FnMut(&str, &str, String)>(
    keypad: std::collections::BTreeMap<String, String>,
    out: &mut super::Keypad,
    err: &mut E,
) {
    for (name, code) in keypad {
        let function = super::KeypadFunction::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f);
        match function {
            None => err(
                "keypad",
                &name,
                format!(
                    "`{name}` is not a keypad function (up, down, left, right, enter, clear, \
                     cancel, help, speech, repeat, pause, slower, faster, softer, louder)"
                ),
            ),
            Some(_) if !super::is_key_code(&code) => {
                // "numpad8" is "Numpad8": say so rather than leave the key dead.
                let hint = super::key_code_like(&code)
                    .map(|near| format!(" (did you mean {near:?}?)"))
                    .unwrap_or_default();
                err(
                    "keypad",
                    &name,
                    format!(
                        "`{name}` must name a key by its code, like \"ArrowUp\", \"Numpad8\" \
                         or \"F13\", found {code:?}{hint}"
                    ),
                )
            }
            Some(_) if out.keys.iter().any(|(_, c)| *c == code) => err(
                "keypad",
                &name,
                format!("`{name}` = {code:?} is already another function's key"),
            ),
            Some(function) => out.keys.push((function, code)),
        }
    }
}

/// `[logging]`: where the logs go, how long and how large.
fn logging<E: FnMut(&str, &str, String)>(l: RawLogging, out: &mut super::Logging, err: &mut E) {
    out.dir = l.dir;
    if let Some(days) = l.keep_days {
        if (1..=366).contains(&days) {
            out.keep_days = days;
        } else {
            err(
                "logging",
                "keep_days",
                format!("`keep_days` must be from 1 to 366, found {days}"),
            );
        }
    }
    if let Some(size) = l.max_file_size {
        match parse_size(&size) {
            Some(bytes) if bytes >= 64 * 1024 => out.max_file_size = bytes,
            _ => err(
                "logging",
                "max_file_size",
                format!(
                    "`max_file_size` must be a size like \"20MB\" (at least 64KB), found {size:?}"
                ),
            ),
        }
    }
    if let Some(level) = l.level {
        if ["error", "warn", "info", "debug"].contains(&level.as_str()) {
            out.level = level;
        } else {
            err(
                "logging",
                "level",
                format!("`level` must be error, warn, info or debug, found {level:?}"),
            );
        }
    }
}

/// `[printer]`: the spool, the CUPS queue and programs, the paper.
fn printer<E: FnMut(&str, &str, String)>(p: RawPrinter, out: &mut super::Printer, err: &mut E) {
    out.spool = p.spool;
    out.queue = p.queue.filter(|q| !q.trim().is_empty());
    if let Some(paper) = p.paper {
        match crate::print::Paper::parse(&paper) {
            Some(p) => out.paper = p,
            None => err(
                "printer",
                "paper",
                format!("`paper` must be \"atb\", \"thermal80\" or \"a4\", found {paper:?}"),
            ),
        }
    }
    // The CUPS programs, by their own names: `lp = "/bin/sh"` would hand every boarding pass
    // to a shell.
    for (key, value, into) in [
        ("lp", p.lp, &mut out.lp),
        ("lpstat", p.lpstat, &mut out.lpstat),
    ] {
        if let Some(path) = value {
            if path.file_name().and_then(|n| n.to_str()) == Some(key) {
                *into = path;
            } else {
                err(
                    "printer",
                    key,
                    format!(
                        "`{key}` must be the CUPS program `{key}` (a path ending in /{key}), found {:?}",
                        path.display().to_string()
                    ),
                );
            }
        }
    }
    if let Some(v) = p.keep_for {
        match parse_duration(&v) {
            Some(d)
                if d >= std::time::Duration::from_secs(60)
                    && d <= std::time::Duration::from_secs(7 * 86_400) =>
            {
                out.keep_for = d
            }
            _ => err(
                "printer",
                "keep_for",
                format!("`keep_for` must be a duration from \"1m\" to \"7d\", found {v:?}"),
            ),
        }
    }
    if let Some(keep) = p.keep {
        if keep == 0 {
            err("printer", "keep", "`keep` must be at least 1".into());
        } else {
            out.keep = keep;
        }
    }
}

/// `[[documents.rules]]`: the operator's entry rules by destination.
fn documents<E: FnMut(&str, &str, String)>(
    documents: RawDocuments,
    into: &mut Vec<crate::documents::DocumentRule>,
    err: &mut E,
) {
    if let Some(rules) = documents.rules {
        let mut out = Vec::new();
        for r in rules {
            let destination = r.destination.trim().to_ascii_uppercase();
            if destination.len() != 2 || !destination.bytes().all(|b| b.is_ascii_uppercase()) {
                err(
                    "documents.rules",
                    "destination",
                    format!(
                        "`destination` must be a 2-letter ISO country code like \"AE\", found {:?}",
                        r.destination
                    ),
                );
                continue;
            }
            let mut codes = |list: Vec<String>, key: &str| -> Vec<String> {
                let mut ok = Vec::new();
                for code in list {
                    let upper = code.trim().to_ascii_uppercase();
                    if upper == "*" || crate::documents::is_known_code(&upper) {
                        ok.push(upper);
                    } else {
                        err(
                            "documents.rules",
                            key,
                            format!(
                                "`{key}` holds nationality codes as in passports (\"PAK\", \"D\") or \"*\", found {code:?}"
                            ),
                        );
                    }
                }
                ok
            };
            let visa_required = codes(r.visa_required, "visa_required");
            let visa_exempt = codes(r.visa_exempt, "visa_exempt");
            out.push(crate::documents::DocumentRule {
                destination,
                valid_months_after_arrival: r.valid_months_after_arrival,
                visa_required,
                visa_exempt,
                address_required: r.address_required,
            });
        }
        *into = out;
    }
}

/// `[privacy]` and `[metrics]`.
fn metrics<E: FnMut(&str, &str, String)>(
    raw_privacy: RawPrivacy,
    raw_metrics: RawMetrics,
    config: &mut Config,
    err: &mut E,
) {
    config.privacy.page_first_name = raw_privacy
        .page_first_name
        .unwrap_or(config.privacy.page_first_name);
    if let Some(listen) = raw_metrics.listen {
        match listen.parse::<std::net::SocketAddr>() {
            Ok(addr) if addr.ip().is_loopback() => config.metrics.listen = Some(addr),
            Ok(_) => err(
                "metrics",
                "listen",
                format!(
                    "`listen` = {listen:?} is not on this machine: the metrics endpoint listens on \
                     loopback (a Prometheus agent on the kiosk, or a TLS proxy, forwards it)"
                ),
            ),
            Err(_) => err(
                "metrics",
                "listen",
                format!("`listen` must be an address like \"127.0.0.1:9464\", found {listen:?}"),
            ),
        }
    }
}

fn ssr_list(list: Vec<String>, key: &str, err: &mut impl FnMut(&str, &str, String)) -> Vec<String> {
    let mut out = Vec::new();
    for code in list {
        let upper = code.trim().to_ascii_uppercase();
        if upper.len() == 4 && upper.bytes().all(|b| b.is_ascii_uppercase()) {
            out.push(upper);
        } else {
            err(
                "checkin",
                key,
                format!("`{key}` holds 4-letter SSR codes like \"UMNR\", found {code:?}"),
            );
        }
    }
    out
}

/// "20MB", "512KB", "1GB" (powers of 1024), or plain bytes.
fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_uppercase();
    let (number, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t.as_str(), ""),
    };
    let n: u64 = number.parse().ok()?;
    let scale = match unit.trim() {
        "" | "B" => 1,
        "KB" | "K" => 1 << 10,
        "MB" | "M" => 1 << 20,
        "GB" | "G" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(scale)
}

fn parse_range(text: &str) -> Option<(u32, u32)> {
    let (a, b) = text.split_once('-')?;
    let a: u32 = a.trim().parse().ok()?;
    let b: u32 = b.trim().parse().ok()?;
    (a <= b && b <= 999_999).then_some((a, b))
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where `key = …` sits inside `[section]` (or as `section.key = …`); (0, 0) if not found.
fn locate(text: &str, section: &str, key: &str) -> (usize, usize) {
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(header) = trimmed.strip_prefix('[') {
            current = header
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            continue;
        }
        let indent = line.len() - trimmed.len();
        for candidate in [key.to_string(), format!("{section}.{key}")] {
            let scope_ok = if candidate.contains('.') {
                current.is_empty()
            } else {
                current == section
            };
            if scope_ok
                && let Some(rest) = trimmed.strip_prefix(&candidate)
                && rest.trim_start().starts_with('=')
            {
                return (i + 1, indent + 1);
            }
        }
    }
    (0, 0)
}

fn locate_section(text: &str, section: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t == format!("[{section}]") || t.starts_with(&format!("{section}.")) {
            return (i + 1, 1);
        }
    }
    (0, 0)
}

/// The known key closest to a misspelt one.
fn suggest(section: &str, key: Option<&str>) -> Option<String> {
    let (wanted, candidates): (&str, Vec<String>) = match key {
        None => (section, KNOWN.iter().map(|(s, _)| s.to_string()).collect()),
        Some(k) => {
            let keys = KNOWN.iter().find(|(s, _)| *s == section)?.1;
            (k, keys.iter().map(|k| format!("{section}.{k}")).collect())
        }
    };
    let best = candidates
        .iter()
        .map(|c| {
            let short = c.rsplit('.').next().unwrap_or(c);
            (edit_distance(wanted, short), c)
        })
        .min_by_key(|(d, _)| *d)?;
    (best.0 <= 2.max(wanted.len() / 3)).then(|| best.1.clone())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Checks `[speech] address`, speech-dispatcher's `SPEECHD_ADDRESS`: a Unix socket, or a TCP
/// port on this machine (what is said includes passengers' names: it never crosses the
/// network unencrypted).
fn speechd_address(address: &str) -> Result<(), String> {
    if let Some(path) = address.strip_prefix("unix_socket:") {
        if std::path::Path::new(path).is_absolute() {
            return Ok(());
        }
        return Err(format!(
            "`address` = {address:?}: the socket must be an absolute path, like \
             \"unix_socket:/run/speech-dispatcher/speechd.sock\""
        ));
    }
    if let Some(rest) = address.strip_prefix("inet_socket:") {
        // speech-dispatcher's client splits the address at each ':': no IPv6 literal.
        if rest.contains('[') || rest.matches(':').count() > 1 {
            return Err(format!(
                "`address` = {address:?}: speech-dispatcher takes an IPv4 address or a host \
                 name, like \"inet_socket:127.0.0.1:6560\""
            ));
        }
        let (host, port) = rest.rsplit_once(':').unwrap_or((rest, "6560"));
        let loopback = host == "localhost"
            || host
                .trim_matches(['[', ']'])
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        if port.parse::<u16>().is_err() {
            return Err(format!("`address` = {address:?}: {port:?} is not a port"));
        }
        if !loopback {
            return Err(format!(
                "`address` = {address:?} is not on this machine: what is said includes \
                 passengers' names, and speech-dispatcher's protocol is not encrypted"
            ));
        }
        return Ok(());
    }
    Err(format!(
        "`address` must be \"unix_socket:/path/to/speechd.sock\" or \
         \"inet_socket:127.0.0.1:6560\", found {address:?}"
    ))
}
