//! `[devices]` and `[cuss2]`: whether the kiosk drives its own devices (`local`: scanners that
//! type, CUPS or a spool, the headphone jack, a local voice) or is an application on the
//! airport's CUSS 2 platform, which owns them; and where that platform is.

use super::help::resolve;
use super::{Secret, parse_duration};
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Platform {
    /// The kiosk's own devices.
    #[default]
    Local,
    /// The airport's CUSS 2 platform.
    Cuss2(Cuss2),
}

/// `[cuss2]`: the platform's socket and the kiosk's credentials on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cuss2 {
    /// `ws://` or `wss://`, the platform's subscription socket.
    pub url: String,
    /// The OAuth2 token endpoint; by default `/oauth/token` on the socket's host.
    pub token_url: Option<String>,
    pub client_id: String,
    pub secret: Secret,
    /// The device id to name in messages; by default the one the platform gives.
    pub device_id: Option<String>,
    /// How long a directive may take to be acknowledged and answered.
    pub timeout: Duration,
}

impl Cuss2 {
    /// The client's settings.
    pub fn settings(&self) -> crate::cuss2::Settings {
        crate::cuss2::Settings {
            url: self.url.clone(),
            token_url: self.token_url.clone(),
            client_id: self.client_id.clone(),
            secret: self.secret.clone(),
            device_id: self.device_id.clone(),
            timeout: self.timeout,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawDevices {
    platform: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawCuss2 {
    url: Option<String>,
    token_url: Option<String>,
    client_id: Option<String>,
    secret: Option<toml::Value>,
    secret_env: Option<String>,
    secret_file: Option<PathBuf>,
    device_id: Option<String>,
    timeout: Option<String>,
}

pub(super) const KNOWN_DEVICES: &[&str] = &["platform"];
pub(super) const KNOWN_CUSS2: &[&str] = &[
    "url",
    "token_url",
    "client_id",
    "secret",
    "secret_env",
    "secret_file",
    "device_id",
    "timeout",
];

fn web_url(url: &str, schemes: &[&str]) -> bool {
    url::Url::parse(url).is_ok_and(|u| schemes.contains(&u.scheme()) && u.host().is_some())
}

pub(super) fn parse(
    devices: RawDevices,
    cuss2: RawCuss2,
    err: &mut dyn FnMut(&str, &str, String),
) -> Platform {
    match devices.platform.as_deref() {
        None | Some("local") => Platform::Local,
        Some("cuss2") => {
            let mut bad = false;
            let mut fail = |key: &str, message: String| {
                bad = true;
                err("cuss2", key, message);
            };
            let url = cuss2.url.unwrap_or_default();
            if !web_url(&url, &["ws", "wss"]) {
                fail(
                    "url",
                    format!(
                        "`[cuss2] url` must be the platform's socket, ws:// or wss:// (\"ws://127.0.0.1:22222/platform/subscribe\"), found {url:?}"
                    ),
                );
            }
            if let Some(t) = &cuss2.token_url
                && !web_url(t, &["http", "https"])
            {
                fail(
                    "token_url",
                    format!("`token_url` must be an http:// or https:// address, found {t:?}"),
                );
            }
            let client_id = cuss2.client_id.unwrap_or_default();
            if client_id.trim().is_empty() {
                fail(
                    "client_id",
                    "`[cuss2] client_id` is required: the id the platform's operator gave this application".into(),
                );
            }
            let secret = match resolve(
                "secret",
                cuss2.secret.as_ref(),
                cuss2.secret_env.as_deref(),
                cuss2.secret_file.as_ref(),
            ) {
                Ok(Some(s)) => Some(s),
                Ok(None) => {
                    fail(
                        "secret_file",
                        "`[cuss2]` needs the client secret: `secret_file = \"/etc/concierge/cuss2.secret\"` or `secret_env`".into(),
                    );
                    None
                }
                Err(e) => {
                    fail("secret", e);
                    None
                }
            };
            let mut timeout = Duration::from_secs(10);
            if let Some(t) = &cuss2.timeout {
                match parse_duration(t) {
                    Some(d) if d >= Duration::from_secs(1) && d <= Duration::from_secs(120) => {
                        timeout = d
                    }
                    _ => fail(
                        "timeout",
                        format!("`timeout` must be a duration from \"1s\" to \"2m\", found {t:?}"),
                    ),
                }
            }
            match (bad, secret) {
                (false, Some(secret)) => Platform::Cuss2(Cuss2 {
                    url,
                    token_url: cuss2.token_url,
                    client_id,
                    secret,
                    device_id: cuss2.device_id.filter(|d| !d.trim().is_empty()),
                    timeout,
                }),
                _ => Platform::Local,
            }
        }
        Some(other) => {
            err(
                "devices",
                "platform",
                format!("`platform` must be \"local\" or \"cuss2\", found {other:?}"),
            );
            Platform::Local
        }
    }
}
