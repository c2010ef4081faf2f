//! The kiosk's side: links from the desk it pages (`[[help.targets]]` of kind `desk`, the
//! request signed with the kiosk's desk secret as its pages are), or from the airline service
//! (`[phone_pass] service = "airline"`, with the kiosk's airline key).

use super::service::{LinkAnswer, LinkRequest};
use super::{PassLink, PassLinks, PhonePass};
use crate::config::{AirlineSystem, Config, PassService, Secret, Target, TargetKind};
use crate::help::signature;
use std::time::Duration;

/// How long the kiosk waits for links: the passenger is already walking away with paper.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// How a request proves where it comes from.
enum Auth {
    /// Signed with the kiosk's desk secret.
    Signed(Secret),
    /// The kiosk's airline key.
    Bearer(Secret),
}

/// Asks the pass service (a desk, or the airline service) for links.
pub struct DeskPasses {
    kiosk: String,
    url: String,
    auth: Auth,
    client: reqwest::Client,
}

impl std::fmt::Debug for DeskPasses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeskPasses")
            .field("kiosk", &self.kiosk)
            .finish_non_exhaustive()
    }
}

/// The pass service the config names, and how to ask it; `None`: no QR on this kiosk.
fn service(config: &Config) -> Option<(String, Auth)> {
    if !config.phone_pass.enabled {
        return None;
    }
    match config.phone_pass.service {
        PassService::Desk => {
            let target = config
                .help
                .targets
                .iter()
                .find(|t| t.kind == TargetKind::Desk && t.secret.is_some())?;
            Some((
                target.url.expose().to_string(),
                Auth::Signed(target.secret.clone()?),
            ))
        }
        PassService::Airline => match (&config.airline.system, &config.airline.key) {
            (AirlineSystem::Http { url }, Some(key)) => {
                Some((url.clone(), Auth::Bearer(key.clone())))
            }
            _ => None,
        },
    }
}

/// Does this kiosk's config give it a pass service (so its screens show QR codes)?
pub fn available(config: &Config) -> bool {
    service(config).is_some()
}

impl DeskPasses {
    /// From the kiosk's config, when `[phone_pass] enabled`: the first desk it pages, or the
    /// airline service it asks.
    pub fn from_config(config: &Config) -> Option<DeskPasses> {
        let (url, auth) = service(config)?;
        Some(DeskPasses::with(&config.kiosk.id, &url, auth))
    }

    /// Links from the desk `target`, requests signed with its secret.
    pub fn new(kiosk: &str, target: Target) -> DeskPasses {
        let secret = target.secret.clone().unwrap_or_else(|| Secret::new(""));
        DeskPasses::with(kiosk, target.url.expose(), Auth::Signed(secret))
    }

    /// Links from the airline service at `url`, with the kiosk's airline `key`.
    pub fn airline(kiosk: &str, url: &str, key: Secret) -> DeskPasses {
        DeskPasses::with(kiosk, url, Auth::Bearer(key))
    }

    fn with(kiosk: &str, url: &str, auth: Auth) -> DeskPasses {
        crate::net::install_crypto();
        DeskPasses {
            kiosk: kiosk.into(),
            url: url.trim_end_matches('/').to_string(),
            auth,
            client: reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(3))
                .pool_idle_timeout(crate::net::CLIENT_IDLE)
                .timeout(TIMEOUT)
                .user_agent(concat!("concierge-kiosk/", env!("CARGO_PKG_VERSION")))
                .build()
                .unwrap_or_default(),
        }
    }

    async fn ask(&self, passes: &[PhonePass]) -> Result<Vec<PassLink>, String> {
        let body = serde_json::to_vec(&LinkRequest {
            kiosk: self.kiosk.clone(),
            passes: passes.to_vec(),
        })
        .map_err(|e| e.to_string())?;
        let request = self
            .client
            .post(format!("{}/api/v1/phone-passes", self.url))
            .header("Content-Type", "application/json");
        let request = match &self.auth {
            Auth::Signed(secret) => {
                let t = chrono::Utc::now().timestamp();
                request.header(
                    signature::HEADER,
                    signature::sign(secret.expose().as_bytes(), t, &body),
                )
            }
            Auth::Bearer(key) => request.bearer_auth(key.expose()),
        };
        let answer = request
            .body(body)
            .send()
            .await
            .map_err(|e| format!("the pass service could not be reached: {e}"))?;
        let status = answer.status();
        if !status.is_success() {
            return Err(format!("the pass service answered {status}"));
        }
        let answer: LinkAnswer = answer
            .json()
            .await
            .map_err(|e| format!("the pass service's answer is not one: {e}"))?;
        // Only links for passes asked about, each once.
        let mut links: Vec<PassLink> = Vec::new();
        for link in answer.links {
            if passes.iter().any(|p| p.passenger == link.passenger)
                && !links.iter().any(|l| l.passenger == link.passenger)
                && link.url.starts_with("http")
            {
                links.push(link);
            }
        }
        Ok(links)
    }
}

impl PassLinks for DeskPasses {
    fn links(&self, passes: &[PhonePass]) -> Result<Vec<PassLink>, String> {
        if passes.is_empty() {
            return Ok(Vec::new());
        }
        let ask = self.ask(passes);
        // On a blocking thread of the screen's runtime, or (`concierge checkin`) none.
        match tokio::runtime::Handle::try_current() {
            Ok(handle) => handle.block_on(ask),
            Err(_) => tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?
                .block_on(ask),
        }
    }
}
