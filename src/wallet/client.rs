//! The kiosk's side: links from the desk it pages (`[[help.targets]]` of kind `desk`), the
//! request signed with the kiosk's desk secret as its pages are.

use super::service::{LinkAnswer, LinkRequest};
use super::{PassLink, PassLinks, PhonePass};
use crate::config::{Config, Target, TargetKind};
use crate::help::signature;
use std::time::Duration;

/// How long the kiosk waits for links: the passenger is already walking away with paper.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// Asks a desk for links.
pub struct DeskPasses {
    kiosk: String,
    target: Target,
    client: reqwest::Client,
}

impl std::fmt::Debug for DeskPasses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeskPasses")
            .field("kiosk", &self.kiosk)
            .finish_non_exhaustive()
    }
}

impl DeskPasses {
    /// From the kiosk's config: the first desk it pages, when `[phone_pass] enabled`.
    pub fn from_config(config: &Config) -> Option<DeskPasses> {
        if !config.phone_pass.enabled {
            return None;
        }
        let target = config
            .help
            .targets
            .iter()
            .find(|t| t.kind == TargetKind::Desk && t.secret.is_some())?;
        Some(DeskPasses::new(&config.kiosk.id, target.clone()))
    }

    pub fn new(kiosk: &str, target: Target) -> DeskPasses {
        crate::net::install_crypto();
        DeskPasses {
            kiosk: kiosk.into(),
            target,
            client: reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(3))
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
        let secret = self
            .target
            .secret
            .as_ref()
            .map(|s| s.expose().as_bytes())
            .unwrap_or_default();
        let t = chrono::Utc::now().timestamp();
        let url = format!(
            "{}/api/v1/phone-passes",
            self.target.url.expose().trim_end_matches('/')
        );
        let answer = self
            .client
            .post(url)
            .header("Content-Type", "application/json")
            .header(signature::HEADER, signature::sign(secret, t, &body))
            .body(body)
            .send()
            .await
            .map_err(|e| format!("the desk could not be reached: {e}"))?;
        let status = answer.status();
        if !status.is_success() {
            return Err(format!("the desk answered {status}"));
        }
        let answer: LinkAnswer = answer
            .json()
            .await
            .map_err(|e| format!("the desk's answer is not one: {e}"))?;
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
