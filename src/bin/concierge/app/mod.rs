//! What the commands run on: the operator's config, the data directory and the concrete
//! adapters the kiosk's ports are given (the airline system, the printer, the pager's outbox,
//! the desk's store, metrics, staff mode's gate), with the process's runtime, logs and exit
//! codes. The one module of the binary that names a concrete adapter.

pub mod demo;
pub mod logging;

use anyhow::{Context, Result};
use concierge::config::{AirlineSystem, Config};
use concierge::dcs::{BagTagPolicy, DepartureControl, HttpAirline, SqliteAirline};
use concierge::help::{KioskInfo, Outbox, Pager};
use concierge::print::{CupsPrinter, Printer, SpoolPrinter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// The kiosk's data directory (`--data-dir`, default `$XDG_DATA_HOME/concierge`) and where its
/// files lie in it.
pub struct DataDir {
    root: PathBuf,
    /// The kiosk's own store (`kiosk.sqlite`): the help outbox, the service metrics, staff
    /// mode's gate and the print journal.
    kiosk_store: PathBuf,
}

impl DataDir {
    /// `--data-dir` when given, else the default.
    pub fn new(given: Option<PathBuf>) -> Self {
        let root = given.unwrap_or_else(concierge::default_data_dir);
        let kiosk_store = concierge::store::kiosk::path(&root);
        DataDir { root, kiosk_store }
    }

    /// The directory, for messages.
    pub fn display(&self) -> std::path::Display<'_> {
        self.root.display()
    }

    /// The kiosk's own store, `kiosk.sqlite`.
    pub fn kiosk_store(&self) -> &Path {
        &self.kiosk_store
    }

    /// The embedded airline system.
    fn airline_store(&self) -> PathBuf {
        self.root.join("airline.sqlite")
    }

    /// The agent desk's agents and incidents.
    fn desk_store(&self) -> PathBuf {
        self.root.join("desk.sqlite")
    }

    /// The key the embedded demo's kiosk and desk share.
    fn demo_desk_key(&self) -> PathBuf {
        self.root.join("demo-desk.key")
    }

    /// The default log directory (`[logging] dir`).
    fn logs(&self) -> PathBuf {
        self.root.join("logs")
    }

    /// Where the configuration published for this kiosk is kept (`concierge::publish`).
    pub fn published(&self) -> PathBuf {
        self.root.join("published")
    }

    /// The default spool of printed PDFs (`[printer] spool`).
    fn spool(&self) -> PathBuf {
        self.root.join("spool")
    }

    /// Where PDFs wait for the print queue.
    fn staging(&self) -> PathBuf {
        self.root.join("staging")
    }

    /// Creates the directory, its owner's alone.
    fn create(&self) -> Result<()> {
        concierge::store::private_dir(&self.root)
            .with_context(|| format!("cannot create the data directory {}", self.display()))
    }
}

/// The operator's config file: `--config`, else the first that exists of
/// `$XDG_CONFIG_HOME/concierge/concierge.toml` and `/etc/concierge/concierge.toml`. `None`: no
/// config file at all, and the embedded demo runs.
pub fn config_path(given: Option<PathBuf>) -> Option<PathBuf> {
    given.or_else(concierge::config::default_path)
}

/// The kiosk's config: its own file joined with the configuration published for it and kept
/// in the data directory, if it took one. One that no longer passes its checks with the file
/// (the file was edited since) is left out, and the file runs alone.
pub fn load_kiosk_config(path: Option<&Path>, data: &DataDir) -> Result<Config> {
    let config = load_config(path)?;
    let Some(path) = path else {
        return Ok(config);
    };
    if config.help.fetch_config_every.is_none()
        || concierge::publish::current(&data.published()).is_none()
    {
        return Ok(config);
    }
    match concierge::publish::load(path, &data.published()) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                tracing::warn!("{w}");
            }
            Ok(loaded.config)
        }
        Err(e) => {
            tracing::error!("the published config is left out, the file runs alone: {e}");
            Ok(config)
        }
    }
}

/// The operator's config (its warnings logged), or the built-in demo defaults without a file.
pub fn load_config(path: Option<&Path>) -> Result<Config> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    if concierge::config::running_as_service()
        && let Some(why) = concierge::config::writable_by_me(path)
    {
        anyhow::bail!("{why}");
    }
    let loaded = Config::load(path)?;
    for w in &loaded.warnings {
        tracing::warn!("{w}");
    }
    Ok(loaded.config)
}

/// The embedded airline store in the data directory (seeded with the demo airline, or rolled
/// forward, as it opens).
pub fn embedded_airline(config: &Config, data: &DataDir) -> Result<SqliteAirline> {
    data.create()?;
    let policy = BagTagPolicy {
        kiosk: config.kiosk.id.clone(),
        serials: config.bags.serials,
        quarantine: config.bags.quarantine,
    };
    let path = data.airline_store();
    SqliteAirline::open(&path, policy, chrono::Utc::now())
        .with_context(|| format!("cannot open the airline store {}", path.display()))
}

/// The airline system the config names: the embedded store, or one over HTTP.
pub fn airline(config: &Config, data: &DataDir) -> Result<Box<dyn DepartureControl>> {
    match &config.airline.system {
        AirlineSystem::Embedded => Ok(Box::new(embedded_airline(config, data)?)),
        AirlineSystem::Http { url } => {
            let key = config
                .airline
                .key
                .as_ref()
                .context("[airline] needs a key for an HTTP airline system")?;
            Ok(Box::new(
                HttpAirline::new(url, key, config.airline.timeout)
                    .map_err(|e| anyhow::anyhow!("{e}"))?,
            ))
        }
    }
}

/// The configured printer; `--out DIR` prints to a spool there instead (kept whole).
pub fn printer(config: &Config, data: &DataDir, out: Option<&Path>) -> Box<dyn Printer> {
    let paper = config.printer.paper;
    if let Some(dir) = out {
        return Box::new(SpoolPrinter::new(dir, None, paper));
    }
    match &config.printer.queue {
        Some(queue) => Box::new(CupsPrinter {
            queue: queue.clone(),
            lp: config.printer.lp.clone(),
            lpstat: config.printer.lpstat.clone(),
            paper,
            staging: data.staging(),
            labels: Default::default(),
        }),
        None => Box::new(
            SpoolPrinter::new(
                config.printer.spool.clone().unwrap_or_else(|| data.spool()),
                Some(config.printer.keep),
                paper,
            )
            .keeping_for(config.printer.keep_for),
        ),
    }
}

/// The printer, its jobs journalled in the kiosk's store while they print.
pub fn journaled(inner: Box<dyn Printer>, data: &DataDir) -> Result<Box<dyn Printer>> {
    let store = data.kiosk_store();
    Ok(Box::new(
        concierge::print::JournaledPrinter::new(inner, store)
            .with_context(|| format!("cannot open the kiosk store {}", store.display()))?,
    ))
}

/// A print the last stop cut off (a crash, a power cut): staff are paged to look at the
/// printer. The page carries no passenger data; the kiosk has none left to give.
pub fn recover_interrupted_print(config: &Config, data: &DataDir, pager: &Pager) {
    let cut = match concierge::print::journal::take_interrupted(data.kiosk_store()) {
        Ok(cut) => cut,
        Err(e) => {
            tracing::error!(error = %e, "the print journal could not be read");
            return;
        }
    };
    if cut.is_empty() {
        return;
    }
    tracing::warn!(
        prints = cut.len(),
        "a print was cut off when the kiosk last stopped: staff paged"
    );
    let page = concierge::checkin::Page {
        session: 0,
        reason: concierge::checkin::Reason::PrintInterrupted,
        step: concierge::checkin::Step::Printing,
        locale: config.locales.default.clone(),
        flight: None,
        minutes_until_close: None,
        closes_at: None,
        service: None,
        first_name: None,
        at: chrono::Utc::now(),
    };
    if let Err(e) = pager.maintenance(&page) {
        tracing::error!(error = %e, "the page about the cut-off print was not queued");
    }
}

/// The pager, its help requests queued in the kiosk store's outbox until delivered.
pub fn pager(config: &Config, data: &DataDir) -> Result<Pager> {
    data.create()?;
    let path = data.kiosk_store();
    let outbox = Outbox::open(path)
        .with_context(|| format!("cannot open the kiosk store {}", path.display()))?;
    Ok(Pager::new(
        Arc::new(outbox),
        Arc::new(config.help.clone()),
        KioskInfo::from_config(config),
    ))
}

/// Speech mode's voice (`[speech] voice`); `None` when the operator switched speech off.
pub fn voice(config: &Config) -> Result<Option<Arc<dyn concierge::speech::Voice>>> {
    use concierge::config::Voice;
    use concierge::speech::{DispatcherVoice, EspeakVoice, FileVoice};
    Ok(match &config.speech.voice {
        Voice::Dispatcher { address } => Some(Arc::new(DispatcherVoice::at(address.clone()))),
        Voice::Espeak => Some(Arc::new(EspeakVoice::default())),
        Voice::File(dir) => {
            tracing::warn!(
                dir = %dir.display(),
                "speech goes to files: they keep what passengers hear, names included (tests only)"
            );
            Some(Arc::new(FileVoice::new(dir).with_context(|| {
                format!("cannot write speech to {}", dir.display())
            })?))
        }
        Voice::None => None,
    })
}

/// The service metrics in the kiosk store.
pub fn metrics(data: &DataDir) -> rusqlite::Result<concierge::metrics::SqliteMetrics> {
    concierge::metrics::SqliteMetrics::open(data.kiosk_store())
}

/// Staff mode's gate: the configured staff (the demo's staff member when the embedded demo has
/// none), their PIN lockouts and action log in the kiosk store.
#[cfg(feature = "gui")]
pub fn staff_gate(config: &Config, data: &DataDir, demo: bool) -> Result<concierge::staff::Gate> {
    let mut staff = config.staff.clone();
    if staff.is_empty() && demo {
        staff.push(demo::staff_member());
    }
    concierge::staff::Gate::open(data.kiosk_store(), staff)
        .context("cannot open the kiosk store for staff mode")
}

/// The agent desk's own SQLite file in the data directory.
pub fn desk_store(data: &DataDir) -> Result<concierge::desk::SqliteStore> {
    concierge::store::private_dir(&data.root)?;
    let path = data.desk_store();
    concierge::desk::SqliteStore::open(&path)
        .with_context(|| format!("cannot open the desk database {}", path.display()))
}

/// The desk's store: PostgreSQL when `[desk] database` names it, else [`desk_store`].
pub async fn desk_database(
    config: &concierge::config::Config,
    data: &DataDir,
) -> Result<concierge::desk::DeskStore> {
    match &config.desk.database {
        Some(url) => concierge::desk::store::open(Some(url.expose()), &data.desk_store())
            .await
            .context("cannot open the desk's PostgreSQL database ([desk] database)"),
        None => Ok(std::sync::Arc::new(desk_store(data)?)),
    }
}

/// The async runtime of a command's services: two worker threads.
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// Runs one outbox operation to its end on a runtime of its own.
pub fn runtime_block<F, Fut, T>(f: F) -> Result<T>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<T, concierge::help::OutboxError>>,
{
    Ok(runtime()?.block_on(f())?)
}

/// Tells systemd a service is ready, and feeds its watchdog from the service's runtime (a
/// stalled runtime stops the heartbeats). Call inside the runtime.
pub fn service_ready(status: &str) {
    concierge::notify::notify(&format!("READY=1\nSTATUS={status}"));
    if let Some(every) = concierge::notify::watchdog_every() {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                concierge::notify::notify("WATCHDOG=1");
            }
        });
    }
}

/// Reads a line from standard input without echoing it when that is a terminal.
pub fn read_secret(prompt: &str) -> Result<String> {
    use std::io::IsTerminal;
    let terminal = std::io::stdin().is_terminal();
    let stty = |arg: &str| {
        std::process::Command::new("stty")
            .arg(arg)
            .stdin(std::process::Stdio::inherit())
            .status()
            .is_ok_and(|s| s.success())
    };
    if terminal {
        eprint!("{prompt}");
    }
    let hidden = terminal && stty("-echo");
    let mut line = String::new();
    let read = std::io::stdin().read_line(&mut line);
    if hidden {
        stty("echo");
        eprintln!();
    }
    read?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// Bad usage of `concierge <command>`: the message, and exit code 1 (README).
pub fn usage(command: &str, message: &str) -> Result<ExitCode> {
    eprintln!("concierge {command}: {message}");
    Ok(ExitCode::from(1))
}

/// `concierge airline serve` will not start as asked: the message, and exit code 1.
pub fn refuse_serve(message: &str) -> Result<ExitCode> {
    eprintln!("concierge airline serve: {message}");
    Ok(ExitCode::from(1))
}
