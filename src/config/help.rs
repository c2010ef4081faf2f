//! `[help]` and `[[help.targets]]`: where pages to staff go. Secrets (a shared key, a routing
//! key, a token, a URL that embeds one) are never written in the file: they come from
//! `<key>_env` (an environment variable) or `<key>_file` (a file), read when the config loads.

use super::parse_duration;
use serde::Deserialize;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// A value that must not appear in logs or debug output.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// Our agent desk: the webhook protocol plus status polls.
    Desk,
    Webhook,
    Alertmanager,
    PagerDuty,
    Ntfy,
    Slack,
}

impl TargetKind {
    pub fn code(self) -> &'static str {
        match self {
            TargetKind::Desk => "desk",
            TargetKind::Webhook => "webhook",
            TargetKind::Alertmanager => "alertmanager",
            TargetKind::PagerDuty => "pagerduty",
            TargetKind::Ntfy => "ntfy",
            TargetKind::Slack => "slack",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub kind: TargetKind,
    /// How logs and staff mode name it.
    pub name: String,
    /// Base URL (desk), receiver URL (webhook, ntfy topic, Slack), Alertmanager base URL,
    /// PagerDuty events endpoint.
    pub url: Secret,
    /// Shared key for signatures (desk, webhook).
    pub secret: Option<Secret>,
    /// PagerDuty integration key.
    pub routing_key: Option<Secret>,
    /// Bearer token (ntfy).
    pub token: Option<Secret>,
    /// A desk's other instances (`urls = [first, …]`: the first is `url`), tried in turn when
    /// one does not answer; they share one store, so a page sent to two is one incident.
    pub also: Vec<Secret>,
    /// Escalation level: level 0 is paged at once, level 1 when nobody acknowledged in time …
    pub level: u8,
    pub timeout: Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Help {
    pub targets: Vec<Target>,
    /// A page nobody acknowledged in this time goes to the next level's targets.
    pub escalate_after: Duration,
    /// If nothing could be delivered for this long, the screen sends the passenger to a desk.
    pub fallback_after: Duration,
    /// Where the fallback sends passengers ("desk 12"); empty: the check-in desk, in the
    /// passenger's language.
    pub fallback_desk: String,
    /// How often the kiosk asks the desk about an open incident.
    pub poll_every: Duration,
    /// First retry delay, doubled each time (with jitter) up to `retry_max`.
    pub retry_min: Duration,
    pub retry_max: Duration,
    /// Alertmanager forgets alerts it stops hearing about: re-post open ones this often.
    pub repeat_every: Duration,
    /// How often the kiosk tells its desk targets how it is (a heartbeat); zero: never.
    pub heartbeat_every: Duration,
    /// How often the kiosk asks its desk for the configuration published for it; `None`:
    /// never (the kiosk runs its own file alone).
    pub fetch_config_every: Option<Duration>,
}

impl Default for Help {
    fn default() -> Self {
        Help {
            targets: Vec::new(),
            escalate_after: Duration::from_secs(180),
            fallback_after: Duration::from_secs(120),
            fallback_desk: String::new(),
            poll_every: Duration::from_secs(3),
            retry_min: Duration::from_millis(500),
            retry_max: Duration::from_secs(60),
            repeat_every: Duration::from_secs(60),
            heartbeat_every: Duration::from_secs(30),
            fetch_config_every: None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawHelp {
    escalate_after: Option<String>,
    fallback_after: Option<String>,
    fallback_desk: Option<String>,
    poll_every: Option<String>,
    retry_min: Option<String>,
    retry_max: Option<String>,
    repeat_every: Option<String>,
    heartbeat_every: Option<String>,
    fetch_config_every: Option<String>,
    targets: Vec<RawTarget>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawTarget {
    kind: String,
    name: Option<String>,
    url: Option<String>,
    url_env: Option<String>,
    url_file: Option<PathBuf>,
    urls: Vec<String>,
    secret: Option<toml::Value>,
    secret_env: Option<String>,
    secret_file: Option<PathBuf>,
    routing_key: Option<toml::Value>,
    routing_key_env: Option<String>,
    routing_key_file: Option<PathBuf>,
    token: Option<toml::Value>,
    token_env: Option<String>,
    token_file: Option<PathBuf>,
    level: Option<u8>,
    timeout: Option<String>,
}

pub(super) const KNOWN_HELP: &[&str] = &[
    "escalate_after",
    "fallback_after",
    "fallback_desk",
    "poll_every",
    "retry_min",
    "retry_max",
    "repeat_every",
    "heartbeat_every",
    "fetch_config_every",
    "targets",
];

/// Reads a secret from `<key>_env` or `<key>_file`; `Err` says what is wrong.
pub(super) fn resolve(
    key: &str,
    inline: Option<&toml::Value>,
    env: Option<&str>,
    file: Option<&PathBuf>,
) -> Result<Option<Secret>, String> {
    if inline.is_some() {
        return Err(format!(
            "`{key}` is a secret and is never written in the file: use `{key}_env = \"VARIABLE\"` or `{key}_file = \"/etc/concierge/{key}\"`"
        ));
    }
    if let Some(var) = env {
        return match std::env::var(var) {
            Ok(v) if !v.trim().is_empty() => Ok(Some(Secret::new(v.trim()))),
            _ => Err(format!("`{key}_env` names {var}, which is not set")),
        };
    }
    if let Some(path) = file {
        return match crate::store::read_capped_string(path, super::MAX_SECRET_BYTES) {
            Ok(v) if !v.trim().is_empty() => Ok(Some(Secret::new(v.trim()))),
            Ok(_) => Err(format!("`{key}_file` {} is empty", path.display())),
            Err(e) => Err(format!(
                "`{key}_file` {} cannot be read: {e}",
                path.display()
            )),
        };
    }
    Ok(None)
}

/// What is wrong with a page target's URL, if anything: only https:// off this machine (pages
/// carry first names and where a passenger stands), and never a link-local address (a cloud's
/// metadata service answers at 169.254.169.254).
fn target_url_problem(url: &str) -> Option<String> {
    let Ok(u) = reqwest::Url::parse(url) else {
        return Some("`url` must be a URL starting with http:// or https://".into());
    };
    let link_local = match u.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_link_local() || ip.is_unspecified(),
        Some(url::Host::Ipv6(ip)) => (ip.segments()[0] & 0xffc0) == 0xfe80 || ip.is_unspecified(),
        _ => false,
    };
    match u.scheme() {
        _ if link_local => Some(format!(
            "`url` {} is a link-local address (a cloud metadata service, not a pager)",
            u.host_str().unwrap_or_default()
        )),
        "https" => None,
        "http" if super::airline::is_loopback(url) => None,
        "http" => Some(
            "`url` would send pages unencrypted: use https:// (plain http:// is for this machine only)".into(),
        ),
        _ => Some("`url` must start with http:// or https://".into()),
    }
}

/// Validates `[help]`; `err(section, key, message)` records a located error.
pub(super) fn parse(raw: RawHelp, err: &mut dyn FnMut(&str, &str, String)) -> Help {
    let mut help = Help::default();
    let mut duration = |key: &str, value: Option<String>, into: &mut Duration| {
        if let Some(v) = value {
            match parse_duration(&v) {
                Some(d) => *into = d,
                None => err(
                    "help",
                    key,
                    format!("`{key}` must be a duration like \"3m\", found {v}"),
                ),
            }
        }
    };
    duration(
        "escalate_after",
        raw.escalate_after,
        &mut help.escalate_after,
    );
    duration(
        "fallback_after",
        raw.fallback_after,
        &mut help.fallback_after,
    );
    duration("poll_every", raw.poll_every, &mut help.poll_every);
    duration("retry_min", raw.retry_min, &mut help.retry_min);
    duration("retry_max", raw.retry_max, &mut help.retry_max);
    duration("repeat_every", raw.repeat_every, &mut help.repeat_every);
    duration(
        "heartbeat_every",
        raw.heartbeat_every,
        &mut help.heartbeat_every,
    );
    if let Some(desk) = raw.fallback_desk {
        help.fallback_desk = desk;
    }
    for (i, t) in raw.targets.into_iter().enumerate() {
        if let Some(target) = parse_target("help.targets", i, t, err) {
            help.targets.push(target);
        }
    }
    if let Some(every) = raw.fetch_config_every {
        match super::parse_duration(&every) {
            Some(d) if d >= Duration::from_secs(5) => {
                if help.targets.iter().any(|t| t.kind == TargetKind::Desk) {
                    help.fetch_config_every = Some(d);
                } else {
                    err(
                        "help",
                        "fetch_config_every",
                        "`fetch_config_every` asks a desk for the published config: add a \
                         `[[help.targets]]` of kind \"desk\""
                            .into(),
                    );
                }
            }
            _ => err(
                "help",
                "fetch_config_every",
                format!(
                    "`fetch_config_every` must be a duration of 5s or more like \"60s\", found {every:?}"
                ),
            ),
        }
    }
    help
}

/// One `[[help.targets]]` (or `[[desk.push]]`) entry, or `None` after saying what is wrong.
pub(super) fn parse_target(
    section: &str,
    i: usize,
    t: RawTarget,
    err: &mut dyn FnMut(&str, &str, String),
) -> Option<Target> {
    let kind = match t.kind.as_str() {
        "desk" => TargetKind::Desk,
        "webhook" => TargetKind::Webhook,
        "alertmanager" => TargetKind::Alertmanager,
        "pagerduty" => TargetKind::PagerDuty,
        "ntfy" => TargetKind::Ntfy,
        "slack" => TargetKind::Slack,
        other => {
            err(
                section,
                "kind",
                format!(
                    "`kind` must be one of desk, webhook, alertmanager, pagerduty, ntfy, slack; found {other:?}"
                ),
            );
            return None;
        }
    };
    let mut problems: Vec<(&str, String)> = Vec::new();
    let mut also = Vec::new();
    if !t.urls.is_empty() {
        if kind != TargetKind::Desk {
            problems.push((
                "urls",
                "`urls` lists a desk's instances: only a desk target has several".into(),
            ));
        } else if t.url.is_some() || t.url_env.is_some() || t.url_file.is_some() {
            problems.push((
                "urls",
                "give either `url` or `urls` (the first of `urls` is tried first)".into(),
            ));
        } else {
            for u in &t.urls {
                if let Some(why) = target_url_problem(u) {
                    problems.push(("urls", format!("{u}: {why}")));
                }
            }
            also = t
                .urls
                .iter()
                .skip(1)
                .map(|u| Secret::new(u.clone()))
                .collect();
        }
    }
    let first = (t.url.is_none() && kind == TargetKind::Desk)
        .then(|| t.urls.first().cloned())
        .flatten();
    let mut take = |key: &'static str,
                    inline: Option<&toml::Value>,
                    env: Option<&String>,
                    file: Option<&PathBuf>| {
        resolve(key, inline, env.map(String::as_str), file).unwrap_or_else(|message| {
            problems.push((key, message));
            None
        })
    };
    let url_inline = t.url.clone().map(toml::Value::String);
    let url = match (&t.url, &t.url_env, &t.url_file) {
        (None, None, None) if first.is_some() => first.map(Secret::new),
        (Some(u), None, None) => Some(Secret::new(u.clone())),
        (None, _, _) => take("url", None, t.url_env.as_ref(), t.url_file.as_ref()),
        _ => take("url", url_inline.as_ref(), None, None),
    };
    let secret = take(
        "secret",
        t.secret.as_ref(),
        t.secret_env.as_ref(),
        t.secret_file.as_ref(),
    );
    let routing_key = take(
        "routing_key",
        t.routing_key.as_ref(),
        t.routing_key_env.as_ref(),
        t.routing_key_file.as_ref(),
    );
    let token = take(
        "token",
        t.token.as_ref(),
        t.token_env.as_ref(),
        t.token_file.as_ref(),
    );
    // A Slack webhook's URL is its secret, and so is a URL with a password in it: from
    // `url_env` or `url_file` only, as every secret.
    if let Some(u) = &t.url
        && (kind == TargetKind::Slack
            || reqwest::Url::parse(u)
                .is_ok_and(|u| u.password().is_some() || !u.username().is_empty()))
    {
        problems.push((
            "url",
            "this `url` holds a secret (a Slack webhook, or a password): give it as `url_env` or `url_file`".into(),
        ));
    }
    let url = match (url, kind) {
        (Some(u), _) => Some(u),
        (None, TargetKind::PagerDuty) => {
            Some(Secret::new("https://events.pagerduty.com/v2/enqueue"))
        }
        (None, _) => {
            problems.push((
                "kind",
                format!("target {} ({}) needs a `url`", i + 1, kind.code()),
            ));
            None
        }
    };
    if let Some(why) = url.as_ref().and_then(|u| target_url_problem(u.expose())) {
        problems.push(("url", why));
    }
    if matches!(kind, TargetKind::Desk | TargetKind::Webhook) && secret.is_none() {
        problems.push((
            "kind",
            format!(
                "a {} target signs its pages: give `secret_env` or `secret_file`",
                kind.code()
            ),
        ));
    }
    if kind == TargetKind::PagerDuty && routing_key.is_none() {
        problems.push((
            "kind",
            "a pagerduty target needs `routing_key_env` or `routing_key_file`".into(),
        ));
    }
    let failed = !problems.is_empty();
    for (key, message) in problems {
        err(section, key, message);
    }
    let url = url.filter(|_| !failed)?;
    let mut timeout = Duration::from_secs(5);
    if let Some(v) = t.timeout {
        match parse_duration(&v) {
            Some(d) => timeout = d,
            None => err(
                section,
                "timeout",
                format!("`timeout` must be a duration like \"5s\", found {v}"),
            ),
        }
    }
    Some(Target {
        kind,
        name: t
            .name
            .unwrap_or_else(|| format!("{}-{}", kind.code(), i + 1)),
        url,
        secret,
        routing_key,
        token,
        also,
        level: t.level.unwrap_or(0),
        timeout,
    })
}
