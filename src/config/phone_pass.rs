//! `[phone_pass]`: the boarding pass on the passenger's phone (see `wallet`). The kiosk reads
//! `enabled`; the desk, which serves the links, reads the rest: the address phones reach it at,
//! how long and how often a link opens, and the operator's Apple and Google Wallet credentials
//! (without them the link offers the plain page only).

use super::parse_duration;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// Which service the kiosk asks for links (both can serve them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PassService {
    /// The desk the kiosk pages (its first `[[help.targets]]` of kind `desk`).
    #[default]
    Desk,
    /// The airline service (`[airline] kind = "http"`), with the kiosk's airline key.
    Airline,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhonePass {
    /// The kiosk shows a QR for each boarding pass (when there is a service to serve them).
    pub enabled: bool,
    /// Which service the kiosk asks.
    pub service: PassService,
    /// The desk as phones reach it (`https://desk.example.com`), the links' base; without it,
    /// the desk's own address.
    pub public_url: Option<String>,
    /// A link stops opening this long after it was made…
    pub expires: Duration,
    /// …or once it has opened this often (the page, or a wallet pass, each count once).
    pub uses: u8,
    pub apple: Option<ApplePass>,
    pub google: Option<GooglePass>,
}

impl Default for PhonePass {
    fn default() -> Self {
        PhonePass {
            enabled: true,
            service: PassService::Desk,
            public_url: None,
            expires: Duration::from_secs(600),
            uses: 3,
            apple: None,
            google: None,
        }
    }
}

/// `[phone_pass.apple]`: the Pass Type ID certificate (from the Apple Developer account), its
/// private key, and Apple's WWDR intermediate certificate, all PEM.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplePass {
    pub pass_type_id: String,
    pub team_id: String,
    pub certificate: PathBuf,
    pub key_file: PathBuf,
    pub intermediate: PathBuf,
}

/// `[phone_pass.google]`: the Google Wallet issuer id and the service account's JSON key file.
#[derive(Debug, Clone, PartialEq)]
pub struct GooglePass {
    pub issuer_id: String,
    pub service_account_file: PathBuf,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RawPhonePass {
    enabled: Option<bool>,
    service: Option<String>,
    public_url: Option<String>,
    expires: Option<String>,
    uses: Option<i64>,
    apple: Option<RawApple>,
    google: Option<RawGoogle>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawApple {
    pass_type_id: String,
    team_id: String,
    certificate: Option<PathBuf>,
    key_file: Option<PathBuf>,
    intermediate: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawGoogle {
    issuer_id: String,
    service_account_file: Option<PathBuf>,
}

pub(super) const KNOWN_PHONE_PASS: &[&str] = &[
    "enabled",
    "service",
    "public_url",
    "expires",
    "uses",
    "apple",
    "google",
];

pub(super) fn parse(raw: RawPhonePass, err: &mut dyn FnMut(&str, &str, String)) -> PhonePass {
    let mut p = PhonePass::default();
    if let Some(enabled) = raw.enabled {
        p.enabled = enabled;
    }
    match raw.service.as_deref() {
        None | Some("desk") => {}
        Some("airline") => p.service = PassService::Airline,
        Some(other) => err(
            "phone_pass",
            "service",
            format!("`service` must be \"desk\" or \"airline\", found {other:?}"),
        ),
    }
    if let Some(url) = raw.public_url {
        match url::Url::parse(&url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
                p.public_url = Some(url.trim_end_matches('/').to_string())
            }
            _ => err(
                "phone_pass",
                "public_url",
                format!(
                    "`public_url` must be the desk's address as phones reach it, like \"https://desk.example.com\", found {url:?}"
                ),
            ),
        }
    }
    if let Some(e) = raw.expires {
        match parse_duration(&e) {
            Some(d) if d >= Duration::from_secs(60) && d <= Duration::from_secs(86_400) => {
                p.expires = d
            }
            _ => err(
                "phone_pass",
                "expires",
                format!("`expires` must be a duration from \"1m\" to \"24h\", found {e:?}"),
            ),
        }
    }
    if let Some(n) = raw.uses {
        match u8::try_from(n) {
            Ok(n @ 1..=20) => p.uses = n,
            _ => err(
                "phone_pass",
                "uses",
                format!("`uses` must be from 1 to 20, found {n}"),
            ),
        }
    }
    if let Some(a) = raw.apple {
        match (a.certificate, a.key_file, a.intermediate) {
            (Some(certificate), Some(key_file), Some(intermediate))
                if !a.pass_type_id.trim().is_empty() && !a.team_id.trim().is_empty() =>
            {
                p.apple = Some(ApplePass {
                    pass_type_id: a.pass_type_id,
                    team_id: a.team_id,
                    certificate,
                    key_file,
                    intermediate,
                })
            }
            _ => err(
                "phone_pass.apple",
                "pass_type_id",
                "Apple Wallet passes need `pass_type_id`, `team_id`, `certificate`, `key_file` and `intermediate` (Apple's WWDR certificate)".into(),
            ),
        }
    }
    if let Some(g) = raw.google {
        match g.service_account_file {
            Some(file) if !g.issuer_id.trim().is_empty() => {
                p.google = Some(GooglePass {
                    issuer_id: g.issuer_id,
                    service_account_file: file,
                })
            }
            _ => err(
                "phone_pass.google",
                "issuer_id",
                "Google Wallet links need `issuer_id` and `service_account_file`".into(),
            ),
        }
    }
    p
}
