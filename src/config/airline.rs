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
    /// The bearer key kiosks present to the HTTP airline system (both sides read the same).
    pub key: Option<Secret>,
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
}

pub(super) const KNOWN_AIRLINE: &[&str] = &[
    "kind", "url", "timeout", "listen", "key", "key_env", "key_file",
];

/// Is this the machine itself (plain HTTP is allowed only there)?
fn is_loopback(url: &str) -> bool {
    let rest = url.strip_prefix("http://").unwrap_or(url);
    let host = rest.split(['/', '?']).next().unwrap_or("");
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    matches!(host, "127.0.0.1" | "localhost" | "[::1]") || host.starts_with("127.")
}

pub(super) fn parse(raw: RawAirline, err: &mut dyn FnMut(&str, &str, String)) -> Airline {
    let mut a = Airline::default();
    match resolve(
        "key",
        raw.key.as_ref(),
        raw.key_env.as_deref(),
        raw.key_file.as_ref(),
    ) {
        Ok(key) => a.key = key,
        Err(e) => err("airline", "key", e),
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
