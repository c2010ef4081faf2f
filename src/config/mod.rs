//! The operator's configuration, `concierge.toml`: every key optional with a sensible default,
//! unknown keys warned about, mistakes reported with file, line, column and what to write
//! instead. This is the part the engine needs (`[kiosk]`, `[timeouts]`, `[steps]`,
//! `[checkin]`, `[bags]`, `[privacy]`, `[printer]`); the operators issue grows it.

mod airline;
pub mod branding;
mod desk;
mod devices;
mod duration;
mod help;
mod locales;
mod phone_pass;
pub mod published;
mod raw;
mod staff;
pub mod watch;

pub use airline::{Airline, AirlineSystem};
pub use branding::Branding;
pub use desk::{Desk, DeskKiosk};
pub use devices::{Cuss2, Platform as DevicePlatform};
pub use duration::{format_duration, parse_duration};
pub use help::{Help, Secret, Target, TargetKind};
pub use locales::Locales;
pub use phone_pass::{ApplePass, GooglePass, PassService, PhonePass};
pub use staff::StaffMember;

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use thiserror::Error;

/// The largest config file read (a config is a few KiB; `/dev/zero` is not a config).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;
/// The largest secret, key or certificate file read.
pub const MAX_SECRET_BYTES: u64 = 64 * 1024;
pub use crate::checkin::MIN_WARNING;

/// Special service requests that only a person can handle, by default.
pub const DEFAULT_STAFF_SSRS: &[&str] = &["UMNR", "STCR", "MEDA", "PETC"];
/// Requests that complete at the kiosk and notify the assistance service.
pub const DEFAULT_ASSISTANCE_SSRS: &[&str] = &["WCHR", "WCHS", "WCHC", "BLND", "DEAF", "DPNA"];

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub kiosk: Kiosk,
    pub timeouts: Timeouts,
    pub steps: Steps,
    pub checkin: Checkin,
    pub bags: Bags,
    pub privacy: Privacy,
    pub printer: Printer,
    pub documents: Documents,
    pub help: Help,
    pub desk: Desk,
    /// Who may open staff mode on the kiosk.
    pub staff: Vec<StaffMember>,
    pub locales: Locales,
    pub branding: Branding,
    pub airline: Airline,
    pub metrics: Metrics,
    pub logging: Logging,
    pub speech: Speech,
    pub keypad: Keypad,
    /// The boarding pass on the passenger's phone.
    pub phone_pass: PhonePass,
    /// The kiosk's own devices, or the airport's CUSS 2 platform's (`[devices]`, `[cuss2]`).
    pub devices: DevicePlatform,
}

/// `[keypad]`: which key of the kiosk's tactile keypad (ADA 707.6: twelve number keys, Enter,
/// Clear, Cancel, Help, the four arrows, volume) does what. A key is named by the W3C `code`
/// its USB keyboard interface sends ("ArrowUp", "Numpad8", "NumpadEnter", "F13"); a function
/// not named keeps its default key (see the README).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keypad {
    pub keys: Vec<(KeypadFunction, String)>,
}

/// The W3C UI Events key codes (`KeyboardEvent.code`) a keypad may be given: the letters,
/// digits, number pad and function keys, and these.
const OTHER_KEY_CODES: &[&str] = &[
    "Backquote",
    "Backslash",
    "BracketLeft",
    "BracketRight",
    "Comma",
    "Equal",
    "IntlBackslash",
    "IntlRo",
    "IntlYen",
    "Minus",
    "Period",
    "Quote",
    "Semicolon",
    "Slash",
    "AltLeft",
    "AltRight",
    "Backspace",
    "CapsLock",
    "ContextMenu",
    "ControlLeft",
    "ControlRight",
    "Enter",
    "SuperLeft",
    "SuperRight",
    "ShiftLeft",
    "ShiftRight",
    "Space",
    "Tab",
    "Convert",
    "KanaMode",
    "NonConvert",
    "Delete",
    "End",
    "Help",
    "Home",
    "Insert",
    "PageDown",
    "PageUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    "ArrowUp",
    "NumLock",
    "NumpadAdd",
    "NumpadBackspace",
    "NumpadClear",
    "NumpadClearEntry",
    "NumpadComma",
    "NumpadDecimal",
    "NumpadDivide",
    "NumpadEnter",
    "NumpadEqual",
    "NumpadHash",
    "NumpadMemoryAdd",
    "NumpadMemoryClear",
    "NumpadMemoryRecall",
    "NumpadMemoryStore",
    "NumpadMemorySubtract",
    "NumpadMultiply",
    "NumpadParenLeft",
    "NumpadParenRight",
    "NumpadStar",
    "NumpadSubtract",
    "Escape",
    "Fn",
    "FnLock",
    "PrintScreen",
    "ScrollLock",
    "Pause",
    "BrowserBack",
    "BrowserFavorites",
    "BrowserForward",
    "BrowserHome",
    "BrowserRefresh",
    "BrowserSearch",
    "BrowserStop",
    "Eject",
    "LaunchApp1",
    "LaunchApp2",
    "LaunchMail",
    "MediaPlayPause",
    "MediaSelect",
    "MediaStop",
    "MediaTrackNext",
    "MediaTrackPrevious",
    "Power",
    "Sleep",
    "AudioVolumeDown",
    "AudioVolumeMute",
    "AudioVolumeUp",
    "WakeUp",
    "Meta",
    "Hyper",
    "Turbo",
    "Abort",
    "Resume",
    "Suspend",
    "Again",
    "Copy",
    "Cut",
    "Find",
    "Open",
    "Paste",
    "Props",
    "Select",
    "Undo",
    "Hiragana",
    "Katakana",
];

/// Every key code a keypad may be given: the letters, digits, number pad, function keys
/// (F1–F35), Lang1–5 and [`OTHER_KEY_CODES`].
fn key_codes() -> impl Iterator<Item = String> {
    let numbered = |prefix: &'static str, range: std::ops::RangeInclusive<u8>| {
        range.map(move |n| format!("{prefix}{n}"))
    };
    ('A'..='Z')
        .map(|c| format!("Key{c}"))
        .chain(numbered("Digit", 0..=9))
        .chain(numbered("Numpad", 0..=9))
        .chain(numbered("F", 1..=35))
        .chain(numbered("Lang", 1..=5))
        .chain(OTHER_KEY_CODES.iter().map(|c| c.to_string()))
}

/// Is `name` a key code the kiosk knows (`"Numpad8"`, `"F13"`, `"AudioVolumeUp"`)?
pub fn is_key_code(name: &str) -> bool {
    key_codes().any(|code| code == name)
}

/// The key code `name` means when its letters' case is wrong ("numpad8" → "Numpad8").
pub fn key_code_like(name: &str) -> Option<String> {
    key_codes().find(|code| code.eq_ignore_ascii_case(name))
}

/// What a keypad key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeypadFunction {
    Up,
    Down,
    Left,
    Right,
    Enter,
    Clear,
    Cancel,
    Help,
    /// Speech mode on or off (the headset key).
    Speech,
    Repeat,
    Pause,
    Slower,
    Faster,
    Softer,
    Louder,
}

impl KeypadFunction {
    /// Each function by its name in `[keypad]`.
    pub const ALL: [(&'static str, KeypadFunction); 15] = [
        ("up", KeypadFunction::Up),
        ("down", KeypadFunction::Down),
        ("left", KeypadFunction::Left),
        ("right", KeypadFunction::Right),
        ("enter", KeypadFunction::Enter),
        ("clear", KeypadFunction::Clear),
        ("cancel", KeypadFunction::Cancel),
        ("help", KeypadFunction::Help),
        ("speech", KeypadFunction::Speech),
        ("repeat", KeypadFunction::Repeat),
        ("pause", KeypadFunction::Pause),
        ("slower", KeypadFunction::Slower),
        ("faster", KeypadFunction::Faster),
        ("softer", KeypadFunction::Softer),
        ("louder", KeypadFunction::Louder),
    ];
}

/// `[speech]`: speech mode for a passenger who cannot see the screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Speech {
    pub voice: Voice,
    /// The screen goes dark while a passenger uses speech, so nobody reads over their shoulder.
    pub blank_screen: bool,
}

/// `[speech] voice`: how speech mode speaks (see [`crate::speech`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Voice {
    /// `spd-say`, to the speech-dispatcher server (the default): the kiosk user's own, or the
    /// one at `address` (`unix_socket:PATH`, or `inet_socket:HOST:PORT` on this machine).
    Dispatcher { address: Option<String> },
    /// espeak-ng straight to the sound card.
    Espeak,
    /// Each utterance as a JSON line and a WAV in this directory (tests; never in service).
    File(PathBuf),
    /// No speech mode.
    None,
}

impl Default for Voice {
    fn default() -> Voice {
        Voice::Dispatcher { address: None }
    }
}

/// `[metrics]`: the Prometheus endpoint (off unless `listen` is given; loopback only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metrics {
    pub listen: Option<std::net::SocketAddr>,
}

/// `[logging]`: JSON lines, one file a day, old days removed, each file bounded.
#[derive(Debug, Clone, PartialEq)]
pub struct Logging {
    /// Default: `<data dir>/logs`.
    pub dir: Option<PathBuf>,
    pub keep_days: u32,
    /// A day's file stops growing here (one line says so).
    pub max_file_size: u64,
    /// error, warn, info or debug (`CONCIERGE_LOG` overrides).
    pub level: String,
}

impl Default for Logging {
    fn default() -> Self {
        Logging {
            dir: None,
            keep_days: 14,
            max_file_size: 20 << 20,
            level: "info".into(),
        }
    }
}

/// Entry rules per destination country (`[[documents.rules]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Documents {
    pub rules: Vec<crate::documents::DocumentRule>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Kiosk {
    pub id: String,
    pub location: String,
    /// IATA code of the airport the kiosk stands in; `None` (the demo) accepts any.
    pub airport: Option<String>,
    /// The terminal it stands in ("T1"), for staff on their way.
    pub terminal: Option<String>,
    /// A bag-drop station (`mode = "bag-drop"`): passengers already checked in print their bag
    /// tags, and nothing else.
    pub bag_drop: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeouts {
    /// Without a touch for this long, "Need more time?" appears.
    pub idle: Duration,
    /// The same while a help request is open (longer: the passenger may be waiting for an
    /// agent). Once nobody could be reached and the passenger was sent to a desk, `idle`
    /// applies again.
    pub idle_with_help: Duration,
    /// How long "Need more time?" counts down before the session is wiped (≥ 20 s).
    pub warning: Duration,
    /// How long the goodbye screen stays before Welcome returns.
    pub goodbye: Duration,
}

pub use crate::checkin::DocumentsStep;

/// Steps the operator may switch off. The dangerous-goods acknowledgement is not among them:
/// 49 CFR 175.25 and ICAO require it on every check-in.
#[derive(Debug, Clone, PartialEq)]
pub struct Steps {
    pub documents: DocumentsStep,
    pub seats: bool,
    pub bags: bool,
    pub feedback: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Checkin {
    /// SSR codes that need a person (check-in stops and staff are paged).
    pub staff_ssrs: Vec<String>,
    /// SSR codes that complete at the kiosk and notify the assistance service.
    pub assistance_ssrs: Vec<String>,
    /// Most bags one passenger may check at the kiosk, allowance or not.
    pub max_bags: u8,
    /// How often a passenger already checked in may print their boarding pass again (then an
    /// agent does it).
    pub max_reprints: u8,
    /// Failed booking look-ups before the kiosk offers a person.
    pub attempts_before_help: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bags {
    /// First and last 6-digit serial this kiosk issues licence plates from.
    pub serials: (u32, u32),
    /// A serial is reused only after this long (a bag may still be travelling before).
    pub quarantine: Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Privacy {
    /// May pages to staff carry the passenger's first name?
    pub page_first_name: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Printer {
    /// Spool directory; `None` means `<data dir>/spool`.
    pub spool: Option<PathBuf>,
    /// Most files the spool keeps; older ones are removed.
    pub keep: usize,
    /// The longest a printed file stays in the spool (a reprint of a visit comes sooner).
    pub keep_for: std::time::Duration,
    /// A CUPS queue to print to instead of the spool.
    pub queue: Option<String>,
    /// Boarding-pass paper.
    pub paper: crate::print::Paper,
    /// The CUPS programs (stand-ins in tests).
    pub lp: PathBuf,
    pub lpstat: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            kiosk: Kiosk {
                id: "DEMO-K01".into(),
                location: "Demo hall".into(),
                airport: None,
                terminal: None,
                bag_drop: false,
            },
            timeouts: Timeouts {
                idle: Duration::from_secs(60),
                idle_with_help: Duration::from_secs(180),
                warning: MIN_WARNING,
                goodbye: Duration::from_secs(8),
            },
            steps: Steps {
                documents: DocumentsStep::International,
                seats: true,
                bags: true,
                feedback: true,
            },
            checkin: Checkin {
                staff_ssrs: DEFAULT_STAFF_SSRS.iter().map(|s| s.to_string()).collect(),
                assistance_ssrs: DEFAULT_ASSISTANCE_SSRS
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                max_bags: 3,
                max_reprints: 3,
                attempts_before_help: 3,
            },
            bags: Bags {
                serials: (100_000, 999_999),
                quarantine: Duration::from_secs(30 * 24 * 3600),
            },
            privacy: Privacy {
                page_first_name: false,
            },
            printer: Printer {
                spool: None,
                keep: 12,
                keep_for: std::time::Duration::from_secs(3600),
                queue: None,
                paper: crate::print::Paper::Atb,
                lp: PathBuf::from("lp"),
                lpstat: PathBuf::from("lpstat"),
            },
            documents: Documents {
                rules: crate::documents::default_rules(),
            },
            help: Help::default(),
            desk: Desk::default(),
            staff: Vec::new(),
            locales: Locales::default(),
            branding: Branding::default(),
            airline: Airline::default(),
            metrics: Metrics::default(),
            logging: Logging::default(),
            speech: Speech::default(),
            keypad: Keypad::default(),
            phone_pass: PhonePass::default(),
            devices: DevicePlatform::Local,
        }
    }
}

/// A problem found in a config file, located for the operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: Option<PathBuf>,
    /// 1-based; 0 when the problem has no place in the file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self
            .file
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "<config>".into());
        if self.line > 0 {
            write!(f, "{file}:{}:{}: {}", self.line, self.column, self.message)
        } else {
            write!(f, "{file}: {}", self.message)
        }
    }
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
}

/// A config that parsed, with the warnings (unknown keys, ignored settings) found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    pub warnings: Vec<Diagnostic>,
}

impl Config {
    /// Parses config text; `file` only names it in diagnostics.
    pub fn parse(text: &str, file: Option<&Path>) -> Result<Loaded, ConfigError> {
        raw::parse(text, file)
    }

    /// Reads and checks the file at `path` (at most [`MAX_CONFIG_BYTES`]).
    pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
        let text = crate::store::read_capped_string(path, MAX_CONFIG_BYTES).map_err(|source| {
            ConfigError::Io {
                path: path.to_path_buf(),
                source,
            }
        })?;
        Self::parse(&text, Some(path))
    }
}

/// Started by systemd as a service (it sets `INVOCATION_ID` for each unit it runs).
pub fn running_as_service() -> bool {
    std::env::var_os("INVOCATION_ID").is_some()
}

/// Why a service must not read the config at `path`: it (or its directory) is writable by the
/// service's own user, or by anyone — whoever can write it could set the airline's key, drop a
/// rule or add a staff member. `None`: only others (root, the operator) can change it.
#[cfg(unix)]
pub fn writable_by_me(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid and getegid only return the process's own ids.
    let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
    if uid == 0 {
        return None;
    }
    let check = |p: &Path| -> Option<String> {
        let m = std::fs::metadata(p).ok()?;
        let mode = m.mode();
        let mine = m.uid() == uid && mode & 0o200 != 0;
        let group = m.gid() == gid && mode & 0o020 != 0;
        let anyone = mode & 0o002 != 0;
        (mine || group || anyone).then(|| {
            format!(
                "{} is writable by this service's own user: a service reads only a config others keep (owned by root, mode 0640)",
                p.display()
            )
        })
    };
    check(path).or_else(|| path.parent().and_then(check))
}

#[cfg(not(unix))]
pub fn writable_by_me(_path: &Path) -> Option<String> {
    None
}

/// Where the config is looked up when `--config` is not given: `$XDG_CONFIG_HOME/concierge/`,
/// then `/etc/concierge/`; `None` means the built-in demo defaults.
pub fn default_path() -> Option<PathBuf> {
    // A service (started by systemd) reads /etc only: a config in its home, which its own user
    // can write, is no operator's.
    if running_as_service() {
        return Some(PathBuf::from("/etc/concierge/concierge.toml")).filter(|p| p.is_file());
    }
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    let candidates = xdg
        .map(|d| d.join("concierge/concierge.toml"))
        .into_iter()
        .chain(std::iter::once(PathBuf::from(
            "/etc/concierge/concierge.toml",
        )));
    candidates.into_iter().find(|p| p.is_file())
}

#[cfg(test)]
mod tests;

impl From<&Config> for crate::checkin::Settings {
    fn from(c: &Config) -> Self {
        let delta = |d: std::time::Duration| {
            chrono::TimeDelta::from_std(d).unwrap_or_else(|_| chrono::TimeDelta::seconds(60))
        };
        crate::checkin::Settings {
            kiosk_airport: c.kiosk.airport.clone(),
            bag_drop: c.kiosk.bag_drop,
            idle: delta(c.timeouts.idle),
            idle_with_help: delta(c.timeouts.idle_with_help.max(c.timeouts.idle)),
            warning: delta(c.timeouts.warning.max(MIN_WARNING)),
            goodbye: delta(c.timeouts.goodbye),
            documents: c.steps.documents,
            seats: c.steps.seats,
            bags: c.steps.bags,
            feedback: c.steps.feedback,
            staff_ssrs: c.checkin.staff_ssrs.clone(),
            assistance_ssrs: c.checkin.assistance_ssrs.clone(),
            max_bags: c.checkin.max_bags,
            max_reprints: c.checkin.max_reprints,
            phone_passes: crate::wallet::client::available(c),
            attempts_before_help: c.checkin.attempts_before_help,
            page_first_name: c.privacy.page_first_name,
            document_rules: c.documents.rules.clone(),
        }
    }
}

/// The engine's settings under the default config.
impl Default for crate::checkin::Settings {
    fn default() -> Self {
        crate::checkin::Settings::from(&Config::default())
    }
}
