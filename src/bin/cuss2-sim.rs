//! `cuss2-sim`: an open CUSS 2 platform simulator (see `concierge::cuss2::sim`).
//!
//! ```text
//! cuss2-sim --listen 127.0.0.1:22222 --out sim-out
//! ```
//! then open http://127.0.0.1:22222/ to act as the passenger and the platform.

use clap::Parser;
use concierge::cuss2::sim::{SimConfig, Simulator};
use concierge::cuss2::wire::Version;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "cuss2-sim",
    version,
    about = "An open CUSS 2 platform simulator"
)]
struct Cli {
    /// Where to listen (token endpoint, WebSocket, injection and the operator's page).
    #[arg(long, default_value = "127.0.0.1:22222")]
    listen: String,
    /// Where printed documents and the message log (messages.jsonl) go.
    #[arg(long, default_value = "cuss2-sim-out")]
    out: PathBuf,
    /// The CUSS version the platform speaks: 2.3 or 2.4.
    #[arg(long, default_value = "2.4")]
    cuss: String,
    /// An application allowed in, as CLIENT_ID:SECRET_FILE (the file holds the secret);
    /// repeatable. Without one, client `concierge` with secret `demo-secret`.
    #[arg(long = "client")]
    clients: Vec<String>,
    /// Seconds a new connection has to ask for the environment (close 4001 after).
    #[arg(long, default_value_t = 10)]
    init_timeout: u64,
    /// Seconds a token lives.
    #[arg(long, default_value_t = 3600)]
    token_lifetime: u64,
    /// Seconds a passenger session may last.
    #[arg(long, default_value_t = 600)]
    session_timeout: u64,
    /// Sheets in each printer at start.
    #[arg(long, default_value_t = 200)]
    paper: u32,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cuss2-sim: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let mut config = SimConfig::new(cli.out.clone());
    config.version = match Version::parse(&cli.cuss) {
        Some(v) => v,
        None => return Err(format!("--cuss {}: give 2.3 or 2.4", cli.cuss)),
    };
    if !cli.clients.is_empty() {
        config.clients.clear();
        for client in &cli.clients {
            let Some((id, file)) = client.split_once(':') else {
                return Err(format!("--client {client}: give CLIENT_ID:SECRET_FILE"));
            };
            let secret = std::fs::read_to_string(file)
                .map_err(|e| format!("--client {client}: cannot read {file}: {e}"))?;
            config
                .clients
                .push((id.to_string(), secret.trim().to_string()));
        }
    }
    config.init_timeout = Duration::from_secs(cli.init_timeout.max(1));
    config.token_lifetime = Duration::from_secs(cli.token_lifetime.max(2));
    config.session_timeout = Duration::from_secs(cli.session_timeout.max(1));
    config.paper = cli.paper;
    let version = config.version;
    let sim = Simulator::new(config)
        .map_err(|e| format!("cannot write to {}: {e}", cli.out.display()))?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&cli.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", cli.listen))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        // The first line on stdout says where (tests and scripts read it).
        println!(
            "cuss2-sim: CUSS {} platform on http://{addr}/ (socket ws://{addr}/platform/subscribe)",
            version.as_str()
        );
        sim.serve(listener).await.map_err(|e| e.to_string())
    })
}
