//! The operator's config file, watched: a change is read at once and kept until the kiosk is
//! between sessions (it never applies in the middle of one); a broken edit keeps the last good
//! config and says why. The messages and pictures in the overrides directory count as part of
//! the config.

use super::Config;
use std::path::{Path, PathBuf};

/// The operator's config file and what the last change to it gave.
#[derive(Debug)]
pub struct ConfigWatch {
    path: PathBuf,
    /// Where the configuration published for this kiosk is kept (see [`crate::publish`]).
    published: Option<PathBuf>,
    /// The config file's content, then the overrides directory's fingerprint.
    content: Option<Vec<u8>>,
    /// The overrides directory the config names.
    overrides: Option<PathBuf>,
    pending: Option<(Box<Config>, String)>,
    error: Option<String>,
}

impl ConfigWatch {
    /// Watches `path`, as it is now (the kiosk started with it), joined with the
    /// configuration published for the kiosk and kept in `published`, if any.
    pub fn new(path: PathBuf, published: Option<PathBuf>) -> ConfigWatch {
        let overrides = load(&path, published.as_deref())
            .ok()
            .and_then(|l| l.config.locales.overrides);
        let content = watched_content(&path, overrides.as_deref(), published.as_deref());
        ConfigWatch {
            path,
            published,
            content,
            overrides,
            pending: None,
            error: None,
        }
    }

    /// Looks at the file again; a change is loaded now and kept for [`take_pending`]
    /// (or its error for [`error`]).
    ///
    /// [`take_pending`]: ConfigWatch::take_pending
    /// [`error`]: ConfigWatch::error
    pub fn poll(&mut self) {
        // The content, not the file's time: a tool that rewrites the same file changes nothing.
        // The operator's message and picture files count too: an edited welcome text in
        // <overrides>/ur-PK/ui.ftl shows from the next session.
        let content = watched_content(
            &self.path,
            self.overrides.as_deref(),
            self.published.as_deref(),
        );
        if content == self.content {
            return;
        }
        self.content = content;
        match load(&self.path, self.published.as_deref()) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    tracing::warn!("{w}");
                }
                tracing::info!("config changed: applies from the next session");
                self.overrides = loaded.config.locales.overrides.clone();
                let version = version(&self.path, self.published.as_deref());
                self.pending = Some((Box::new(loaded.config), version));
                self.error = None;
            }
            Err(e) => {
                tracing::error!("config not reloaded, the last good one stays: {e}");
                self.error = Some(e.to_string());
            }
        }
    }

    /// The changed config and its version, once: the kiosk applies it between sessions.
    pub fn take_pending(&mut self) -> Option<(Box<Config>, String)> {
        self.pending.take()
    }

    /// The last edit that could not be used, if any (shown in staff mode).
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }
}

/// The version a kiosk's heartbeats report: a digest of its config file's text, and the tag
/// of the published configuration it runs, if any.
pub fn version(path: &Path, published: Option<&Path>) -> String {
    let digest = crate::publish::local_digest(path);
    match published.and_then(crate::publish::current_tag) {
        Some(tag) => format!("{digest}+{}", tag.chars().take(8).collect::<String>()),
        None => digest,
    }
}

/// The file alone, or joined with the published configuration.
fn load(path: &Path, published: Option<&Path>) -> Result<super::Loaded, super::ConfigError> {
    match published {
        Some(dir) => crate::publish::load(path, dir),
        None => Config::load(path),
    }
}

/// The config file's content, then the overrides directory's fingerprint, then which
/// published bundle is current.
fn watched_content(
    path: &Path,
    overrides: Option<&Path>,
    published: Option<&Path>,
) -> Option<Vec<u8>> {
    crate::store::read_capped(path, super::MAX_CONFIG_BYTES)
        .ok()
        .map(|mut bytes| {
            if let Some(dir) = overrides {
                bytes.extend(overrides_fingerprint(dir));
            }
            if let Some(dir) = published {
                bytes.extend(crate::publish::fingerprint(dir));
            }
            bytes
        })
}

/// What changes when an operator edits a file in the overrides directory: each file's path,
/// length and modification time (`<dir>/<locale>/*`).
fn overrides_fingerprint(dir: &Path) -> Vec<u8> {
    let mut files: Vec<(PathBuf, u64, std::time::SystemTime)> = Vec::new();
    for locale in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(locale.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if let Ok(m) = f.metadata() {
                files.push((
                    f.path(),
                    m.len(),
                    m.modified().unwrap_or(std::time::UNIX_EPOCH),
                ));
            }
        }
    }
    files.sort();
    format!("{files:?}").into_bytes()
}
