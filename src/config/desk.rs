//! `[desk]`: the agent desk server — where it listens, which kiosks may page it (each with its
//! own secret, from `secret_env` or `secret_file`), and how long resolved requests are kept.

use super::help::{Secret, resolve};
use super::parse_duration;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub struct Desk {
    pub listen: String,
    pub kiosks: Vec<DeskKiosk>,
    /// Resolved and cancelled requests are deleted after this long.
    pub purge_after: Duration,
    /// TLS certificate chain and private key (PEM); without them the desk serves plain HTTP on
    /// loopback only.
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeskKiosk {
    pub id: String,
    pub secret: Secret,
}

impl Default for Desk {
    fn default() -> Self {
        Desk {
            listen: "127.0.0.1:8787".into(),
            kiosks: Vec::new(),
            purge_after: Duration::from_secs(7 * 86_400),
            tls_cert: None,
            tls_key: None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawDesk {
    listen: Option<String>,
    purge_after: Option<String>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    kiosks: Vec<RawKiosk>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawKiosk {
    id: String,
    secret: Option<toml::Value>,
    secret_env: Option<String>,
    secret_file: Option<PathBuf>,
}

pub(super) const KNOWN_DESK: &[&str] = &["listen", "purge_after", "tls_cert", "tls_key", "kiosks"];

pub(super) fn parse(raw: RawDesk, err: &mut dyn FnMut(&str, &str, String)) -> Desk {
    let mut desk = Desk::default();
    if let Some(listen) = raw.listen {
        if listen.parse::<std::net::SocketAddr>().is_ok() {
            desk.listen = listen;
        } else {
            err(
                "desk",
                "listen",
                format!("`listen` must be an address like \"127.0.0.1:8787\", found {listen:?}"),
            );
        }
    }
    if let Some(p) = raw.purge_after {
        match parse_duration(&p) {
            Some(d) => desk.purge_after = d,
            None => err(
                "desk",
                "purge_after",
                format!("`purge_after` must be a duration like \"7d\", found {p}"),
            ),
        }
    }
    match (raw.tls_cert, raw.tls_key) {
        (Some(cert), Some(key)) => {
            desk.tls_cert = Some(cert);
            desk.tls_key = Some(key);
        }
        (None, None) => {}
        _ => err(
            "desk",
            "tls_cert",
            "TLS needs both `tls_cert` and `tls_key`".into(),
        ),
    }
    for k in raw.kiosks {
        if k.id.trim().is_empty() {
            err("desk.kiosks", "id", "every kiosk needs its `id`".into());
            continue;
        }
        match resolve(
            "secret",
            k.secret.as_ref(),
            k.secret_env.as_deref(),
            k.secret_file.as_ref(),
        ) {
            Ok(Some(secret)) => desk.kiosks.push(DeskKiosk { id: k.id, secret }),
            Ok(None) => err(
                "desk.kiosks",
                "id",
                format!("kiosk {} needs `secret_env` or `secret_file`", k.id),
            ),
            Err(message) => err("desk.kiosks", "secret", message),
        }
    }
    desk
}
