//! `concierge desk`: the agent desk, which receives pages from kiosks and shows them to agents
//! in a browser; `desk add-agent` lets an agent sign in.

use crate::app::{self, DataDir};
use crate::cli::DeskCommand;
use anyhow::{Context, Result};
use concierge::config::Config;
use std::process::ExitCode;

/// Serves the agent desk until interrupted (HTTPS with `[desk] tls_cert` and `tls_key`, else
/// plain HTTP on loopback only), or adds an agent.
pub fn desk(
    config: &Config,
    data: &DataDir,
    listen: Option<String>,
    command: Option<DeskCommand>,
) -> Result<ExitCode> {
    let rt = app::runtime()?;
    let store = rt.block_on(app::desk_database(config, data))?;
    if let Some(command) = command {
        return rt.block_on(manage(&*store, command));
    }
    let listen = listen.unwrap_or_else(|| config.desk.listen.clone());
    let addr: std::net::SocketAddr = listen.parse().with_context(|| {
        format!("--listen must be an address like 127.0.0.1:8787, found {listen}")
    })?;
    let tls = match (&config.desk.tls_cert, &config.desk.tls_key) {
        (Some(cert), Some(key)) => Some(concierge::desk::acceptor(cert, key)?),
        _ => None,
    };
    if tls.is_none() && !addr.ip().is_loopback() {
        anyhow::bail!(
            "without [desk] tls_cert and tls_key the desk serves plain HTTP, so only on a loopback address; {addr} would expose agents' sign-ins"
        );
    }
    if config.desk.kiosks.is_empty() {
        eprintln!("warning: no [[desk.kiosks]] are registered: every page will be refused");
    }
    let desk = concierge::desk::Desk::with_messages(
        store,
        &config.desk,
        tls.is_some(),
        concierge::i18n::Messages::for_overrides(config.locales.overrides.as_deref()),
    );
    let scheme = if tls.is_some() { "https" } else { "http" };
    let passes =
        concierge::wallet::service::Passes::from_config(config, &format!("{scheme}://{addr}"))
            .map_err(|e| anyhow::anyhow!("[phone_pass]: {e}"))?;
    desk.serve_passes(
        passes.with_messages(concierge::i18n::Messages::for_overrides(
            config.locales.overrides.as_deref(),
        )),
    );
    rt.block_on(async {
        let tcp = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        app::service_ready(&format!("agent desk on {addr}"));
        match tls {
            Some(acceptor) => {
                eprintln!("agent desk on https://{addr}");
                concierge::desk::serve_tls(tcp, acceptor, desk, config.desk.purge_after).await;
            }
            None => {
                eprintln!("agent desk on http://{addr}");
                concierge::desk::serve(tcp, desk, config.desk.purge_after).await;
            }
        }
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Agents and sessions: add, list, remove, end.
async fn manage(
    store: &dyn concierge::desk::DeskBackend,
    command: DeskCommand,
) -> Result<ExitCode> {
    let when = |ms: i64| {
        chrono::DateTime::from_timestamp_millis(ms)
            .filter(|_| ms > 0)
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_else(|| "-".into())
    };
    match command {
        DeskCommand::AddAgent { name, airport } => {
            let name = name.trim().to_string();
            if name.is_empty()
                || name.chars().count() > concierge::desk::MAX_NAME
                || name.chars().any(char::is_control)
            {
                return app::usage(
                    "desk add-agent",
                    &format!(
                        "a name is 1 to {} characters, no control characters",
                        concierge::desk::MAX_NAME
                    ),
                );
            }
            let password = app::read_secret(&format!("password for {name}: "))?;
            let password = password.as_str();
            if password.chars().count() < 8 {
                return app::usage("desk add-agent", "the password needs at least 8 characters");
            }
            let hash = concierge::secret::hash(password)?;
            store.set_agent(&name, &hash).await?;
            store
                .set_agent_airport(&name, airport.as_deref().map(str::trim))
                .await?;
            eprintln!("agent {name} can sign in");
        }
        DeskCommand::Agents => {
            println!(
                "{:<24} {:<8} {:>8}  last seen",
                "agent", "airport", "sessions"
            );
            for a in store.agents().await? {
                println!(
                    "{:<24} {:<8} {:>8}  {}",
                    a.name,
                    a.airport.as_deref().unwrap_or("-"),
                    a.sessions,
                    a.last_seen.map(when).unwrap_or_else(|| "-".into())
                );
            }
        }
        DeskCommand::RemoveAgent { name } => {
            if !store.remove_agent(&name).await? {
                return app::usage("desk remove-agent", &format!("there is no agent {name}"));
            }
            eprintln!("agent {name} removed; their sessions have ended");
        }
        DeskCommand::Sessions => {
            println!(
                "{:<12}  {:<24} {:<20} {:<20} expires",
                "id", "agent", "signed in", "last seen"
            );
            for s in store.session_list().await? {
                println!(
                    "{:<12}  {:<24} {:<20} {:<20} {}",
                    s.id,
                    s.agent,
                    when(s.created_at),
                    when(s.last_seen),
                    when(s.expires_at)
                );
            }
        }
        DeskCommand::EndSession { who } => {
            let n = store.end_sessions(&who).await?;
            if n == 0 {
                return app::usage(
                    "desk end-session",
                    &format!("no session has the id or agent {who}"),
                );
            }
            eprintln!("{n} session(s) ended");
        }
    }
    Ok(ExitCode::SUCCESS)
}
