//! `[airline]`: which airline system the kiosk asks — the embedded SQLite airline (the demo and
//! single-kiosk sites) or an airline system over HTTP (`concierge airline serve`, or an
//! airline's own service speaking the same protocol, see `dcs::http`).

use super::help::{Secret, resolve};
use super::parse_duration;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub struct Airline {
    pub system: AirlineSystem,
    /// Longest wait for one answer from an HTTP airline system.
    pub timeout: Duration,
    /// Where `concierge airline serve` listens.
    pub listen: String,
    /// The bearer key this kiosk presents to the HTTP airline system. On the service, a key
    /// every caller may share (prefer `kiosks`: one key per kiosk).
    pub key: Option<Secret>,
    /// The service's callers, each with its own key (`[[airline.kiosks]]`): one stolen kiosk is
    /// revoked alone, and every change is logged under the kiosk that made it.
    pub kiosks: Vec<(String, Secret)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AirlineSystem {
    Embedded,
    Http { url: String },
}

impl Default for Airline {
    fn default() -> Self {
        Airline {
            system: AirlineSystem::Embedded,
            timeout: Duration::from_secs(8),
            listen: "127.0.0.1:8790".into(),
            key: None,
            kiosks: Vec::new(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawAirline {
    kind: Option<String>,
    url: Option<String>,
    timeout: Option<String>,
    listen: Option<String>,
    key: Option<toml::Value>,
    key_env: Option<String>,
    key_file: Option<PathBuf>,
    kiosks: Vec<RawCaller>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawCaller {
    id: String,
    key: Option<toml::Value>,
    key_env: Option<String>,
    key_file: Option<PathBuf>,
}

pub(super) const KNOWN_AIRLINE: &[&str] = &[
    "kind", "url", "timeout", "listen", "key", "key_env", "key_file", "kiosks",
];

/// The shortest key the airline service takes: a guessable key is no key.
pub const MIN_KEY: usize = 16;

/// Is this URL's host the machine itself (plain HTTP is allowed only there)? Read as a URL
/// parser reads it: `http://127.attacker.example/` and `http://127.0.0.1@attacker.example/`
/// are somewhere else.
pub fn is_loopback(url: &str) -> bool {
    let Ok(u) = reqwest::Url::parse(url) else {
        return false;
    };
    if !u.username().is_empty() || u.password().is_some() {
        return false;
    }
    match u.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

pub(super) fn parse(raw: RawAirline, err: &mut dyn FnMut(&str, &str, String)) -> Airline {
    let mut a = Airline::default();
    match resolve(
        "key",
        raw.key.as_ref(),
        raw.key_env.as_deref(),
        raw.key_file.as_ref(),
    ) {
        Ok(Some(key)) if key.expose().chars().count() < MIN_KEY => err(
            "airline",
            "key",
            format!(
                "the airline key must be at least {MIN_KEY} characters (a random one: `openssl rand -hex 32`)"
            ),
        ),
        Ok(key) => a.key = key,
        Err(e) => err("airline", "key", e),
    }
    for k in raw.kiosks {
        if k.id.trim().is_empty() || k.id.chars().any(char::is_control) {
            err("airline.kiosks", "id", "every kiosk needs its `id`".into());
            continue;
        }
        match resolve(
            "key",
            k.key.as_ref(),
            k.key_env.as_deref(),
            k.key_file.as_ref(),
        ) {
            Ok(Some(key)) if key.expose().chars().count() >= MIN_KEY => {
                if a.kiosks.iter().any(|(id, _)| *id == k.id) {
                    err(
                        "airline.kiosks",
                        "id",
                        format!("kiosk {} is listed twice", k.id),
                    );
                } else {
                    a.kiosks.push((k.id, key));
                }
            }
            Ok(Some(_)) => err(
                "airline.kiosks",
                "key",
                format!("kiosk {}'s key must be at least {MIN_KEY} characters", k.id),
            ),
            Ok(None) => err(
                "airline.kiosks",
                "id",
                format!("kiosk {} needs `key_file` or `key_env`", k.id),
            ),
            Err(e) => err("airline.kiosks", "key", e),
        }
    }
    if let Some(t) = raw.timeout {
        match parse_duration(&t) {
            Some(d) if d >= Duration::from_millis(500) && d <= Duration::from_secs(60) => {
                a.timeout = d
            }
            _ => err(
                "airline",
                "timeout",
                format!("`timeout` must be a duration from \"500ms\" to \"60s\", found {t:?}"),
            ),
        }
    }
    if let Some(listen) = raw.listen {
        if listen.parse::<std::net::SocketAddr>().is_ok() {
            a.listen = listen;
        } else {
            err(
                "airline",
                "listen",
                format!("`listen` must be an address like \"127.0.0.1:8790\", found {listen:?}"),
            );
        }
    }
    match raw.kind.as_deref() {
        None | Some("embedded") => {
            if raw.url.is_some() && raw.kind.is_none() {
                err(
                    "airline",
                    "url",
                    "`url` needs `kind = \"http\"` (the embedded airline has no address)".into(),
                );
            }
        }
        Some("http") => match raw.url {
            None => err(
                "airline",
                "kind",
                "`kind = \"http\"` needs `url`, the airline system's address".into(),
            ),
            Some(url) => {
                let url = url.trim_end_matches('/').to_string();
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    err(
                        "airline",
                        "url",
                        format!("`url` must start with https://, found {url:?}"),
                    );
                } else if url.starts_with("http://") && !is_loopback(&url) {
                    err(
                        "airline",
                        "url",
                        format!(
                            "`url` {url:?} would send passenger data unencrypted: use https:// \
                             (plain http:// is for the same machine only)"
                        ),
                    );
                } else if a.key.is_none() {
                    err(
                        "airline",
                        "kind",
                        "an HTTP airline system needs a key: `key_file = \"/etc/concierge/airline.key\"` or `key_env`".into(),
                    );
                } else {
                    a.system = AirlineSystem::Http { url };
                }
            }
        },
        Some(other) => err(
            "airline",
            "kind",
            format!("`kind` must be \"embedded\" or \"http\", found {other:?}"),
        ),
    }
    a
}
