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
    /// An agent's session ends after this long without them doing anything (the page's own
    /// live updates do not count), and after 12 hours in any case.
    pub idle_timeout: Duration,
    /// Where a new or escalated page is pushed as well (an ntfy topic on agents' phones, a
    /// chat channel …): the same kinds as `[[help.targets]]`, except `desk`.
    pub push: Vec<super::Target>,
    /// `postgres://…`: the store is PostgreSQL, shared by several desk instances; `None`: the
    /// embedded SQLite file in the data directory.
    pub database: Option<Secret>,
    /// Proxies (TLS ending in front of the desk) whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Where the desk pages the duty manager about the fleet (a kiosk gone quiet, a printer
    /// out): the kinds of `[[help.targets]]` except desk; none: the `push` targets.
    pub alerts: Vec<super::Target>,
    /// How often the desk looks for kiosks gone quiet or out of paper.
    pub fleet_check_every: Duration,
    /// The agents who may publish configuration for kiosks (every agent sees what is
    /// published; only these change it).
    pub publishers: Vec<String>,
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
            idle_timeout: Duration::from_secs(3600),
            push: Vec::new(),
            database: None,
            trusted_proxies: Vec::new(),
            alerts: Vec::new(),
            fleet_check_every: Duration::from_secs(15),
            publishers: Vec::new(),
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
    idle_timeout: Option<String>,
    kiosks: Vec<RawKiosk>,
    push: Vec<super::help::RawTarget>,
    database: Option<String>,
    database_env: Option<String>,
    database_file: Option<PathBuf>,
    trusted_proxies: Vec<String>,
    alerts: Vec<super::help::RawTarget>,
    fleet_check_every: Option<String>,
    publishers: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawKiosk {
    id: String,
    secret: Option<toml::Value>,
    secret_env: Option<String>,
    secret_file: Option<PathBuf>,
}

pub(super) const KNOWN_DESK: &[&str] = &[
    "listen",
    "purge_after",
    "tls_cert",
    "tls_key",
    "idle_timeout",
    "kiosks",
    "push",
    "database",
    "database_env",
    "database_file",
    "trusted_proxies",
    "alerts",
    "fleet_check_every",
    "publishers",
];

pub(super) fn parse(raw: RawDesk, err: &mut dyn FnMut(&str, &str, String)) -> Desk {
    let mut desk = Desk::default();
    for name in raw.publishers {
        let name = name.trim().to_string();
        if name.is_empty() || name.chars().any(char::is_control) {
            err(
                "desk",
                "publishers",
                format!("`publishers` lists agents' names, found {name:?}"),
            );
        } else if !desk.publishers.contains(&name) {
            desk.publishers.push(name);
        }
    }
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
    if let Some(p) = raw.idle_timeout {
        match parse_duration(&p) {
            Some(d) if d >= Duration::from_secs(60) => desk.idle_timeout = d,
            _ => err(
                "desk",
                "idle_timeout",
                format!(
                    "`idle_timeout` must be a duration of a minute or more like \"1h\", found {p}"
                ),
            ),
        }
    }
    for (section, raw_targets, into) in [
        ("desk.push", raw.push, &mut desk.push),
        ("desk.alerts", raw.alerts, &mut desk.alerts),
    ] {
        for (i, t) in raw_targets.into_iter().enumerate() {
            if let Some(target) = super::help::parse_target(section, i, t, err) {
                if target.kind == super::TargetKind::Desk {
                    err(
                        section,
                        "kind",
                        "the desk does not page a desk: use ntfy, webhook, slack, pagerduty or alertmanager".into(),
                    );
                } else {
                    into.push(target);
                }
            }
        }
    }
    if let Some(p) = raw.fleet_check_every {
        match parse_duration(&p) {
            Some(d) if d >= Duration::from_millis(100) => desk.fleet_check_every = d,
            _ => err(
                "desk",
                "fleet_check_every",
                format!("`fleet_check_every` must be a duration like \"15s\", found {p}"),
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
    desk.database = parse_database(raw.database, raw.database_env, raw.database_file, err);
    for p in raw.trusted_proxies {
        match p.trim().parse::<std::net::IpAddr>() {
            Ok(ip) => desk.trusted_proxies.push(ip),
            Err(_) => err(
                "desk",
                "trusted_proxies",
                format!("`trusted_proxies` holds IP addresses like \"10.0.0.5\", found {p:?}"),
            ),
        }
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

/// `database` (a URL without a password), or `database_env` / `database_file` (a URL that may
/// hold one: a password is never written in the file).
fn parse_database(
    inline: Option<String>,
    env: Option<String>,
    file: Option<PathBuf>,
    err: &mut dyn FnMut(&str, &str, String),
) -> Option<Secret> {
    let (url, key) = match (inline, env, file) {
        (Some(url), None, None) => (Secret::new(url.trim()), "database"),
        (None, env, file) if env.is_some() || file.is_some() => {
            let key = if env.is_some() {
                "database_env"
            } else {
                "database_file"
            };
            match super::help::resolve("database", None, env.as_deref(), file.as_ref()) {
                Ok(found) => (found?, key),
                Err(message) => {
                    err("desk", key, message);
                    return None;
                }
            }
        }
        (None, None, None) => return None,
        _ => {
            err(
                "desk",
                "database",
                "give one of `database`, `database_env` and `database_file`".into(),
            );
            return None;
        }
    };
    if !crate::desk::store::is_postgres(url.expose()) {
        err(
            "desk",
            key,
            "the desk's database must be a URL like \"postgres://desk@db.example/concierge\" (without it the desk keeps its own SQLite file)".into(),
        );
        return None;
    }
    let Ok(parsed) = url::Url::parse(url.expose()) else {
        err("desk", key, "the database URL cannot be read".into());
        return None;
    };
    // TLS as the URL asks for it: the verifying modes and the roots to trust.
    use crate::desk::store::pg_tls;
    match pg_tls::wanted(url.expose()) {
        Err(message) => {
            err("desk", key, message);
            return None;
        }
        Ok(pg_tls::Wanted {
            tls: Some(pg_tls::Roots::File(path)),
            ..
        }) => {
            if let Err(message) = pg_tls::read_roots(&path) {
                err("desk", key, message);
                return None;
            }
        }
        Ok(_) => {}
    }
    if key == "database" && parsed.password().is_some() {
        err(
            "desk",
            "database",
            "a password is never written in the file: give the URL in `database_env` or `database_file`".into(),
        );
        return None;
    }
    Some(url)
}
