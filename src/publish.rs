//! The kiosk's side of configuration from one place: every `[help] fetch_config_every` it
//! asks its desk for the configuration published for it (a conditional request, signed with
//! its desk key; the answer signed back with the same key), checks it joined with its own
//! file exactly as `concierge config check` would, and keeps it only if it passes. The
//! screens take it between sessions (the config watch's hot reload). A refused one is
//! recorded with the checker's words and shown on the desk's fleet page; the last good one
//! stays.
//!
//! On disk, in the data directory: `published/current` is a link to the bundle's directory
//! (`v-<tag>/`, its files and text), swapped in one rename; `published/refused.json` is the
//! last refusal.

use crate::config::published::{self, Bundle};
use crate::config::{Config, ConfigError, Loaded, Target, TargetKind};
use crate::fleet::{Health, Published, Refusal};
use crate::help::KioskInfo;
use crate::help::signature;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The path a desk answers kiosks' configuration requests at.
pub const PATH: &str = "/api/v1/config";
/// The most a desk's answer may hold (the files are base64 in JSON).
const MAX_ANSWER: usize = 4 * published::MAX_FILE_BYTES;

/// What a kiosk signs to ask for its configuration: the method, path and query, so the
/// signature is good for that kiosk's request only.
pub fn signed_request(path_and_query: &str) -> String {
    format!("GET {path_and_query}")
}

/// `/api/v1/config?kiosk=…&airport=…&terminal=…`: who asks, and the groups it is in.
pub fn request_path(kiosk: &KioskInfo) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("kiosk", &kiosk.id);
    if let Some(a) = &kiosk.airport {
        query.append_pair("airport", a);
    }
    if let Some(t) = &kiosk.terminal {
        query.append_pair("terminal", t);
    }
    format!("{PATH}?{}", query.finish())
}

/// The desk's answer when nothing is published for a kiosk: signed like a bundle (an unsigned
/// "nothing" would let anyone on the way strip every kiosk of its configuration).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Nothing {
    pub nothing_published: bool,
    pub kiosk: String,
}

/// The bundle this kiosk runs, if any: `<dir>/current`.
pub fn current(dir: &Path) -> Option<PathBuf> {
    let current = dir.join("current");
    current
        .join(published::BUNDLE_FILE)
        .is_file()
        .then_some(current)
}

/// The kiosk's configuration: its own file at `local` joined with the bundle it took, if it
/// took one (see [`published::load`]); its own file alone otherwise.
///
/// When the bundle no longer passes with the file (the file was edited since it was taken),
/// that is recorded as its refusal, for the fleet page; when it passes again, the refusal
/// goes.
pub fn load(local: &Path, dir: &Path) -> Result<Loaded, ConfigError> {
    let Some(current) = current(dir) else {
        return Config::load(local);
    };
    match published::load(local, &current) {
        Ok((loaded, bundle)) => {
            if refusal(dir).is_some_and(|r| r.etag == bundle.etag()) {
                let _ = std::fs::remove_file(dir.join("refused.json"));
            }
            Ok(loaded)
        }
        Err(problems) => {
            if let Some(bundle) = published::read_bundle(&current) {
                refuse(dir, &bundle, &problems, local_digest(local));
            }
            Err(ConfigError::Invalid(problems))
        }
    }
}

/// The last refusal recorded in `dir`.
fn refusal(dir: &Path) -> Option<Refusal> {
    crate::store::read_capped(&dir.join("refused.json"), 1 << 20)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

/// Records that `bundle` failed its checks with the kiosk's file as it is (`local`, a digest).
fn refuse(
    dir: &Path,
    bundle: &Bundle,
    problems: &[crate::config::Diagnostic],
    local: String,
) -> String {
    let message = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    let refusal = Refusal {
        label: bundle.label(),
        etag: bundle.etag(),
        message: message.clone(),
        at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        local,
    };
    if let Ok(json) = serde_json::to_vec(&refusal) {
        let _ = std::fs::write(dir.join("refused.json"), json);
    }
    message
}

/// A digest of the kiosk's own file as it is now.
pub fn local_digest(local: &Path) -> String {
    let text =
        crate::store::read_capped(local, crate::config::MAX_CONFIG_BYTES).unwrap_or_default();
    crate::fleet::config_digest(&String::from_utf8_lossy(&text))
}

/// What the config watch looks at besides the file: which bundle is current.
pub fn fingerprint(dir: &Path) -> Vec<u8> {
    std::fs::read_link(dir.join("current"))
        .map(|p| p.to_string_lossy().into_owned().into_bytes())
        .unwrap_or_default()
}

/// The tag of the bundle this kiosk runs: the name of the directory `current` links to
/// (`v-<tag>`), read without reading the bundle (which may hold megabytes of files).
pub fn current_tag(dir: &Path) -> Option<String> {
    current(dir)?;
    let target = std::fs::read_link(dir.join("current")).ok()?;
    let name = target.file_name()?.to_str()?;
    name.strip_prefix("v-").map(str::to_string)
}

/// The label of the bundle this kiosk runs ("airport LHE v2"), kept beside it when taken.
fn current_label(dir: &Path) -> Option<String> {
    crate::store::read_capped_string(&dir.join("current").join(LABEL_FILE), 4096).ok()
}

/// Where a taken bundle's label is kept, beside it.
const LABEL_FILE: &str = "label";

/// What the kiosk has done with what was published for it, as its store says. A current
/// bundle that was refused since (its file changed) is not what runs.
pub fn state(dir: &Path) -> Option<Published> {
    let refused = refusal(dir);
    let tag = current_tag(dir).filter(|t| refused.as_ref().is_none_or(|r| r.etag != *t));
    if tag.is_none() && refused.is_none() {
        return None;
    }
    Some(Published {
        applied: tag.as_ref().and_then(|_| current_label(dir)),
        etag: tag,
        refused,
    })
}

/// What one request for the configuration came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing new (304).
    Unchanged,
    /// A new bundle passed its checks and is current: the screens take it between sessions.
    Taken(String),
    /// Nothing is published for this kiosk any more: its own file alone runs.
    Withdrawn,
    /// The bundle failed its checks (the checker's words); the last good one stays.
    Refused(String),
    /// No desk answered, or its answer was not to be trusted; nothing changed.
    Failed(String),
}

/// Asks the desk for the configuration published for this kiosk.
pub struct Fetcher {
    local: PathBuf,
    dir: PathBuf,
    every: Duration,
    target: Target,
    kiosk: KioskInfo,
    health: Arc<Health>,
    client: reqwest::Client,
}

impl Fetcher {
    /// The kiosk's fetcher, if its config asks for one (`[help] fetch_config_every` and a
    /// desk target) and it runs from a file (`local`). `dir`: where bundles are kept.
    pub fn new(
        config: &Config,
        local: Option<PathBuf>,
        dir: PathBuf,
        health: Arc<Health>,
    ) -> Option<Fetcher> {
        let every = config.help.fetch_config_every?;
        let target = config
            .help
            .targets
            .iter()
            .find(|t| t.kind == TargetKind::Desk)?
            .clone();
        health.published(state(&dir));
        crate::net::install_crypto();
        Some(Fetcher {
            local: local?,
            dir,
            every,
            target,
            kiosk: KioskInfo::from_config(config),
            health,
            client: reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(5))
                .pool_idle_timeout(crate::net::CLIENT_IDLE)
                .build()
                .ok()?,
        })
    }

    /// Asks every `every`, for as long as the kiosk runs.
    pub async fn run(self) {
        loop {
            match self.once().await {
                Outcome::Unchanged => {}
                Outcome::Taken(label) => {
                    tracing::info!(%label, "published config taken: applies from the next session")
                }
                Outcome::Withdrawn => {
                    tracing::info!("nothing is published for this kiosk now: its own file runs")
                }
                Outcome::Refused(why) => {
                    tracing::error!("published config refused, the last good one stays: {why}")
                }
                Outcome::Failed(why) => tracing::warn!("published config not fetched: {why}"),
            }
            tokio::time::sleep(self.every).await;
        }
    }

    /// One request: fetched, checked and kept (or refused).
    pub async fn once(&self) -> Outcome {
        let outcome = self.fetch().await;
        self.health.published(state(&self.dir));
        outcome
    }

    async fn fetch(&self) -> Outcome {
        let secret = self
            .target
            .secret
            .as_ref()
            .map(|s| s.expose().as_bytes().to_vec())
            .unwrap_or_default();
        let path = request_path(&self.kiosk);
        // The tag of what we refused with this same file, or of what we run: the desk answers
        // 304 until it changes.
        let local = local_digest(&self.local);
        let known = match refusal(&self.dir) {
            Some(r) if r.local == local => Some(r.etag),
            _ => current_tag(&self.dir),
        };
        let mut last = "no desk instance answered".to_string();
        for base in crate::help::targets::desk_urls(&self.target) {
            let url = format!("{}{path}", base.expose().trim_end_matches('/'));
            let t = chrono::Utc::now().timestamp();
            let mut request = self
                .client
                .get(url)
                .header(
                    signature::HEADER,
                    signature::sign(&secret, t, signed_request(&path).as_bytes()),
                )
                .timeout(self.target.timeout.max(Duration::from_secs(10)));
            if let Some(tag) = &known {
                request = request.header("If-None-Match", format!("\"{tag}\""));
            }
            let response = match request.send().await {
                Ok(r) => r,
                Err(e) => {
                    crate::help::targets::desk_answered(base, false);
                    last = format!("the desk did not answer: {}", e.without_url());
                    continue;
                }
            };
            crate::help::targets::desk_answered(base, true);
            let status = response.status();
            if status == reqwest::StatusCode::NOT_MODIFIED {
                return Outcome::Unchanged;
            }
            if status.is_server_error() {
                // This instance cannot answer now; another may.
                last = format!("the desk answered {status}");
                continue;
            }
            if status != reqwest::StatusCode::OK {
                return Outcome::Failed(format!("the desk answered {status}"));
            }
            let header = response
                .headers()
                .get(signature::HEADER)
                .and_then(|h| h.to_str().ok())
                .map(str::to_string);
            let body = match read_capped(response, MAX_ANSWER).await {
                Ok(b) => b,
                Err(why) => return Outcome::Failed(why),
            };
            if let Err(e) = signature::verify(
                &secret,
                header.as_deref(),
                &body,
                chrono::Utc::now().timestamp(),
            ) {
                return Outcome::Failed(format!(
                    "the desk's answer is not signed with our key: {e}"
                ));
            }
            if let Ok(nothing) = serde_json::from_slice::<Nothing>(&body) {
                if nothing.nothing_published && nothing.kiosk == self.kiosk.id {
                    return self.withdraw();
                }
                return Outcome::Failed("the desk's answer is for another kiosk".into());
            }
            let bundle: Bundle = match serde_json::from_slice(&body) {
                Ok(b) => b,
                Err(e) => {
                    return Outcome::Failed(format!("the desk's answer is not a bundle: {e}"));
                }
            };
            return self.take(bundle);
        }
        Outcome::Failed(last)
    }

    /// Nothing is published for this kiosk: the current bundle goes.
    fn withdraw(&self) -> Outcome {
        let had = current(&self.dir).is_some();
        let _ = std::fs::remove_file(self.dir.join("refused.json"));
        if !had {
            return Outcome::Unchanged;
        }
        match std::fs::remove_file(self.dir.join("current")) {
            Ok(()) => {
                self.sweep(None);
                Outcome::Withdrawn
            }
            Err(e) => Outcome::Failed(format!("cannot remove the published config: {e}")),
        }
    }

    /// Checks `bundle` joined with the kiosk's own file; keeps it as current if it passes.
    /// It is written and checked in a directory of its own, and only renamed into place once
    /// it passed: the directory the kiosk runs from is never written over.
    fn take(&self, bundle: Bundle) -> Outcome {
        let tag = bundle.etag();
        if current_tag(&self.dir).is_some_and(|t| t == tag) {
            return Outcome::Unchanged;
        }
        let mut random = [0u8; 6];
        let _ = getrandom::fill(&mut random);
        let staging = self.dir.join(format!("new-{}", hex::encode(random)));
        let dir = self.dir.join(format!("v-{tag}"));
        if let Err(e) = std::fs::create_dir_all(&self.dir)
            .and_then(|()| published::write_bundle(&staging, &bundle))
            .and_then(|()| std::fs::write(staging.join(LABEL_FILE), bundle.label()))
        {
            let _ = std::fs::remove_dir_all(&staging);
            return Outcome::Failed(format!("cannot keep the published config: {e}"));
        }
        match published::load(&self.local, &staging) {
            Ok(_) => {
                let _ = std::fs::remove_dir_all(&dir);
                if let Err(e) =
                    std::fs::rename(&staging, &dir).and_then(|()| swap_link(&self.dir, &dir))
                {
                    let _ = std::fs::remove_dir_all(&staging);
                    return Outcome::Failed(format!("cannot switch to the published config: {e}"));
                }
                let _ = std::fs::remove_file(self.dir.join("refused.json"));
                self.sweep(Some(&dir));
                Outcome::Taken(bundle.label())
            }
            Err(problems) => {
                let _ = std::fs::remove_dir_all(&staging);
                Outcome::Refused(refuse(
                    &self.dir,
                    &bundle,
                    &problems,
                    local_digest(&self.local),
                ))
            }
        }
    }

    /// Removes every bundle directory but `keep`.
    fn sweep(&self, keep: Option<&Path>) {
        for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if (name.starts_with("v-") || name.starts_with("new-")) && Some(path.as_path()) != keep
            {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }
}

/// Points `<dir>/current` at `target` in one rename (the screens never see half a switch).
fn swap_link(dir: &Path, target: &Path) -> std::io::Result<()> {
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::other("no directory name"))?;
    let tmp = dir.join("current.new");
    let _ = std::fs::remove_file(&tmp);
    #[cfg(unix)]
    std::os::unix::fs::symlink(name, &tmp)?;
    #[cfg(not(unix))]
    return Err(std::io::Error::other(
        "published configs need a Unix system",
    ));
    std::fs::rename(&tmp, dir.join("current"))
}

/// The body, unless it is larger than `most` bytes.
async fn read_capped(response: reqwest::Response, most: usize) -> Result<Vec<u8>, String> {
    let mut response = response;
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| format!("the desk's answer broke off: {}", e.without_url()))?
    {
        if body.len() + chunk.len() > most {
            return Err(format!(
                "the desk's answer is larger than {} KiB",
                most / 1024
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
