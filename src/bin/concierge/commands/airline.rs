//! `concierge airline serve`: the embedded airline store as a service for many kiosks.

use crate::app::{self, DataDir};
use anyhow::{Context, Result};
use concierge::config::Config;
use concierge::dcs::DepartureControl;
use std::process::ExitCode;
use std::sync::Arc;

/// `concierge airline serve`: the embedded store for kiosks elsewhere.
pub fn serve(config: &Config, data: &DataDir, listen: Option<String>) -> Result<ExitCode> {
    // Each kiosk's own key ([[airline.kiosks]]), and a shared one if the operator still has it.
    let mut keys = config.airline.kiosks.clone();
    if let Some(shared) = config.airline.key.clone() {
        keys.push(("shared key".into(), shared));
    }
    if keys.is_empty() {
        return app::refuse_serve(
            "the airline service needs its callers' keys: [[airline.kiosks]] (one per kiosk) or [airline] key_file",
        );
    }
    let listen = listen.unwrap_or_else(|| config.airline.listen.clone());
    let Ok(addr) = listen.parse::<std::net::SocketAddr>() else {
        return app::refuse_serve(&format!(
            "--listen must be an address like 127.0.0.1:8790, found {listen:?}"
        ));
    };
    if !addr.ip().is_loopback() {
        // Plain HTTP carries passenger data: put a TLS proxy in front for other machines.
        return app::refuse_serve(&format!(
            "{listen} is not on this machine: the airline service speaks plain HTTP, so it \
             listens on loopback only (put a TLS proxy in front for kiosks elsewhere)"
        ));
    }
    let store: Arc<dyn DepartureControl> = Arc::new(app::embedded_airline(config, data)?);
    // Boarding passes on phones, for kiosks with `[phone_pass] service = "airline"`.
    let passes = concierge::wallet::service::Passes::from_config(config, &format!("http://{addr}"))
        .map_err(|e| anyhow::anyhow!("[phone_pass]: {e}"))?
        .with_callers(&keys)
        .with_messages(concierge::i18n::Messages::for_overrides(
            config.locales.overrides.as_deref(),
        ));
    let router =
        concierge::dcs::http::router(store, &keys, concierge::dcs::Rules::from_config(config))
            .merge(concierge::wallet::service::router(std::sync::Arc::new(
                passes,
            )));
    app::runtime()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        eprintln!(
            "airline service: http://{addr}/v1/ ({})",
            data.display()
        );
        app::service_ready(&format!("airline service on {addr}"));
        tokio::select! {
            () = concierge::net::serve(listener, None, router, concierge::net::Limits::default()) => {}
            _ = tokio::signal::ctrl_c() => {}
        }
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
