//! The embedded demo, run when there is no config file at all: Northwind Airways' logo and
//! review link, a staff member, and an agent desk on loopback that the kiosk pages.

use super::DataDir;
use anyhow::Result;
use concierge::config::Config;

/// The demo staff member's PIN, 2468, hashed once (`concierge staff hash-pin`): hashing it at
/// every start would cost a second and leave argon2's 19 MiB in the kiosk's heap.
#[cfg(feature = "gui")]
const DEMO_PIN_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$FNF03kcPCGRpPSqY8Ot37Q$th3Vo4jIzU7qwvySdwwWfe4L7S+YaYdWO0lQVa5LjjY";

/// Northwind Airways' logo, for the demo.
#[cfg(feature = "gui")]
const DEMO_LOGO: &[u8] = include_bytes!("../../../../assets/images/northwind-logo.svg");

/// The demo's staff member (README): staff number 1001, PIN 2468, badge STAFF-1001.
#[cfg(feature = "gui")]
pub fn staff_member() -> concierge::config::StaffMember {
    concierge::config::StaffMember {
        id: "1001".into(),
        name: "Demo agent".into(),
        pin_hash: DEMO_PIN_HASH.into(),
        badge: Some("STAFF-1001".into()),
    }
}

/// The demo airline's own logo and review link; an airline's config gives its own.
#[cfg(feature = "gui")]
pub fn brand(options: &mut concierge::ui::Options) {
    options.pictures.logo = Some(concierge::config::branding::Picture::Svg(
        std::sync::Arc::new(DEMO_LOGO.to_vec()),
    ));
    options.review_url = concierge::ui::Options::demo().review_url;
}

/// The embedded demo (no config file at all): pages go to the desk the kiosk starts on
/// loopback (the kiosk's secret in a file of the data directory). Returns whether it applies.
/// An operator's config without help targets gets no such desk: its well-known password would
/// let anyone on the machine in, and its port is the desk service's.
pub fn help_target(config: &mut Config, data: &DataDir, demo: bool) -> Result<bool> {
    if !demo || !config.help.targets.is_empty() {
        return Ok(false);
    }
    concierge::store::private_dir(&data.root)?;
    let key_path = data.demo_desk_key();
    if !key_path.exists() {
        let key = concierge::desk::random_hex();
        if key.is_empty() {
            anyhow::bail!("the system gives no randomness for the demo desk's key");
        }
        std::fs::write(&key_path, key)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&key_path, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    let secret = concierge::config::Secret::new(
        concierge::store::read_capped_string(&key_path, concierge::config::MAX_SECRET_BYTES)?
            .trim(),
    );
    config.desk.kiosks = vec![concierge::config::DeskKiosk {
        id: config.kiosk.id.clone(),
        secret: secret.clone(),
    }];
    config.help.targets = vec![concierge::config::Target {
        kind: concierge::config::TargetKind::Desk,
        name: "demo desk".into(),
        url: concierge::config::Secret::new(format!("http://{}", config.desk.listen)),
        secret: Some(secret),
        routing_key: None,
        token: None,
        also: Vec::new(),
        level: 0,
        timeout: std::time::Duration::from_secs(5),
    }];
    Ok(true)
}

/// The demo desk itself (agent `demo`, password `demo`), when [`help_target`] applies.
pub fn desk(
    config: &mut Config,
    data: &DataDir,
    demo: bool,
) -> Result<Option<std::sync::Arc<concierge::desk::Desk>>> {
    if !help_target(config, data, demo)? {
        if config.help.targets.is_empty() {
            tracing::warn!(
                "no [[help.targets]] in the config: help requests wait in the kiosk's outbox and nobody is paged"
            );
        }
        return Ok(None);
    }
    let store = super::desk_store(data)?;
    if store.agent_hash("demo")?.is_none() {
        let hash = concierge::secret::hash("demo")?;
        store.set_agent("demo", &hash)?;
    }
    let desk = concierge::desk::Desk::new(std::sync::Arc::new(store), &config.desk, false);
    // Boarding passes on a phone: the demo desk serves the links (on this machine only).
    match concierge::wallet::service::Passes::from_config(
        config,
        &format!("http://{}", config.desk.listen),
    ) {
        Ok(passes) => desk.serve_passes(passes),
        Err(e) => tracing::warn!(error = %e, "no boarding passes on phones"),
    }
    Ok(Some(desk))
}
