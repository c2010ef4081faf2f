//! `concierge`: parses the command line and hands over to the library.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use concierge::checkin::{Engine, Identification, Settings};
use concierge::config::AirlineSystem;
use concierge::config::{Config, ConfigError};
use concierge::dcs::{BagTagPolicy, DepartureControl, HttpAirline, SqliteAirline};
use concierge::headless::{PassengerChoice, Rehearsal, RehearsalError, rehearse};
use concierge::help::{Attempt, HelpRequest, KioskInfo, Outbox, Pager, Worker, flush, send_once};
use concierge::print::{CupsPrinter, Printer, SpoolPrinter};
use concierge::runtime::Runtime;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "concierge",
    version,
    about = "Self-service check-in kiosk for airlines"
)]
struct Cli {
    /// Operator config file (default: $XDG_CONFIG_HOME/concierge/concierge.toml, then
    /// /etc/concierge/concierge.toml, else built-in demo defaults).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Where the kiosk keeps its data (default: $XDG_DATA_HOME/concierge).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the kiosk (the default).
    Run {
        /// A window instead of full screen (development).
        #[arg(long)]
        windowed: bool,
        /// Walk through every screen with the demo booking KHAN22 and save a PNG of each in
        /// DIR, then quit (scripts/screenshots.sh).
        #[arg(long, value_name = "DIR", hide = true)]
        tour: Option<PathBuf>,
        /// The tour's language.
        #[arg(long, default_value = "en-US", hide = true)]
        locale: String,
        /// Pictures of these screens only (comma-separated names).
        #[arg(long, value_delimiter = ',', hide = true)]
        only: Vec<String>,
        /// Milliseconds between the tour's steps (a picture, then a move, each on a step).
        #[arg(long, default_value_t = 700, hide = true)]
        tour_pace: u64,
        /// Print how long the first Welcome frame took to paint, then quit.
        #[arg(long, hide = true)]
        startup_probe: bool,
    },
    /// Check passengers in without a screen, through the kiosk's engine.
    Checkin(CheckinArgs),
    /// The demo airline.
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
    },
    /// How the service is doing: completion, where passengers give up, help, satisfaction.
    Report {
        /// How far back: a duration like 7d, 24h (default 7d).
        #[arg(long, default_value = "7d")]
        since: String,
        /// table, json or csv.
        #[arg(long, default_value = "table")]
        format: String,
        /// Also draw the abandonment funnel and the daily volume to FILE (.svg or .png).
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
    },
    /// The airline store as a service for many kiosks (`[airline] kind = "http"` on each).
    Airline {
        #[command(subcommand)]
        command: AirlineCommand,
    },
    /// Operator config tools.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Page staff from the command line: test the targets, raise a page, or deliver what is queued.
    Page(PageArgs),
    /// The agent desk: receives pages from kiosks, shows them to agents in a browser.
    Desk {
        /// Address to listen on (plain HTTP: loopback only).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        #[command(subcommand)]
        command: Option<DeskCommand>,
    },
    /// The kiosk's languages.
    Locales {
        #[command(subcommand)]
        command: LocalesCommand,
    },
    /// Staff mode on the kiosk.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Print a sample boarding pass, bag tag and bag receipt (to align paper).
    PrintSample {
        /// Write the PDFs to DIR instead of the configured printer.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Labels in this language (and English).
        #[arg(long, default_value = "en-US")]
        locale: String,
    },
    /// Print the manual page (roff) on standard output, for packaging.
    #[command(hide = true)]
    Manpage,
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["test", "reason", "flush"]))]
struct PageArgs {
    /// Send a test page through each configured target now; report each.
    #[arg(long)]
    test: bool,
    /// Raise a real help request with this reason (a drill, or software driving the kiosk).
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
    /// Deliver the pages still queued.
    #[arg(long)]
    flush: bool,
    /// How long to keep delivering before giving up (the page stays queued).
    #[arg(long, default_value = "30s", value_name = "DURATION")]
    wait: String,
}

#[derive(Subcommand)]
enum AirlineCommand {
    /// Answer kiosks over HTTP from this machine's airline store ([airline] listen, key).
    Serve {
        /// Address to listen on (default: [airline] listen, 127.0.0.1:8790).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Start the demo airline afresh (bookings, seats and check-ins as first seeded).
    Reset,
}

#[derive(Subcommand)]
enum DeskCommand {
    /// Add an agent (or change their password); the password is read from standard input.
    AddAgent { name: String },
}

#[derive(Subcommand)]
enum LocalesCommand {
    /// Check the built-in locales, or an overrides directory (<DIR>/<locale>/*.ftl): parse
    /// errors, missing and extra messages, variables, plural categories, text left in English.
    Check { dir: Option<PathBuf> },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Hash a staff member's PIN for `[[staff]] pin_hash`; the PIN is read from standard input
    /// (not echoed on a terminal) and never stored.
    HashPin,
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Check a config file: errors and warnings with file, line and column.
    Check { file: PathBuf },
}

#[derive(Args)]
struct CheckinArgs {
    /// Booking reference (with --surname).
    #[arg(long, value_name = "REF", conflicts_with_all = ["eticket", "ff"])]
    booking: Option<String>,
    /// 13-digit e-ticket number (with --surname).
    #[arg(long, value_name = "N", conflicts_with = "ff")]
    eticket: Option<String>,
    /// Frequent-flyer number.
    #[arg(long, value_name = "NUMBER")]
    ff: Option<String>,
    /// A scanned boarding pass barcode (IATA 792 BCBP string).
    #[arg(long, value_name = "STRING", conflicts_with_all = ["booking", "eticket", "ff"])]
    bcbp: Option<String>,
    #[arg(long, value_name = "NAME")]
    surname: Option<String>,
    /// `all`, or positions in the booking like `1,3`.
    #[arg(long, default_value = "all")]
    passengers: PassengerChoice,
    /// Seat for the first passenger (others keep theirs or sit next to them), e.g. 12A.
    #[arg(long)]
    seat: Option<concierge::domain::Seat>,
    /// The passenger confirmed they are willing and able to help in an emergency (exit rows).
    #[arg(long)]
    exit_row_eligible: bool,
    /// Checked bags per passenger.
    #[arg(long, default_value_t = 0)]
    bags: u8,
    /// A text file of scanned passports/ID cards: the MRZ lines of one document per passenger,
    /// documents separated by a blank line.
    #[arg(long, value_name = "FILE")]
    mrz_file: Option<PathBuf>,
    /// Print to a spool in DIR instead of the configured printer.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The passenger's language (labels on printed documents).
    #[arg(long, default_value = "en-US")]
    locale: String,
    /// One JSON object on stdout.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // Everything this program writes (stores, printed PDFs, logs, staging files) holds passenger
    // or staff data: its owner's alone, whatever umask it was started with.
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
    // argon2 (a staff PIN, an agent's password) takes 19 MiB at a time. glibc would raise its
    // mmap threshold after the first such block is freed and keep later ones in per-thread
    // heaps: the desk grew to 400 MiB under 50 sign-ins. A fixed threshold gives every large
    // block back when it is freed.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only tunes the allocator; it is called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
    // Bad usage exits 1 (2 means "the engine met an exception"); --help and --version exit 0.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    {
        use tracing_subscriber::prelude::*;
        let stderr = tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_filter(
                tracing_subscriber::EnvFilter::try_from_env("CONCIERGE_LOG")
                    .unwrap_or_else(|_| "warn".into()),
            );
        // The log files: JSON lines, from when a command that runs for a while opens them.
        let files = tracing_subscriber::fmt::layer()
            .json()
            .with_writer(FileLogs)
            .with_filter(tracing_subscriber::filter::filter_fn(|meta| {
                FILE_LOG
                    .get()
                    .is_some_and(|(_, level)| meta.level() <= level)
            }));
        tracing_subscriber::registry()
            .with(stderr)
            .with(files)
            .init();
    }
    match dispatch(cli, started) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("concierge: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn dispatch(cli: Cli, started: std::time::Instant) -> Result<ExitCode> {
    let data_dir = cli
        .data_dir
        .clone()
        .unwrap_or_else(concierge::default_data_dir);
    match cli.command {
        Some(Command::Config {
            command: ConfigCommand::Check { file },
        }) => Ok(config_check(&file)),
        Some(Command::Manpage) => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        command => {
            let config = load_config(cli.config.as_deref())?;
            // No config file at all: the embedded demo (its own desk, its own staff member).
            let demo = cli.config.is_none() && concierge::config::default_path().is_none();
            let config_path = cli.config.clone().or_else(concierge::config::default_path);
            if matches!(
                command,
                None | Some(Command::Run { .. })
                    | Some(Command::Checkin(_))
                    | Some(Command::Desk { command: None, .. })
                    | Some(Command::Airline { .. })
                    | Some(Command::Page(_))
            ) {
                open_file_log(&config, &data_dir);
                tracing::info!(version = env!("CARGO_PKG_VERSION"), "concierge started");
            }
            match command {
                None => run_kiosk(
                    &config,
                    &data_dir,
                    false,
                    None,
                    None,
                    demo,
                    config_path.clone(),
                ),
                Some(Command::Run {
                    windowed,
                    tour,
                    locale,
                    only,
                    tour_pace,
                    startup_probe,
                }) => run_kiosk(
                    &config,
                    &data_dir,
                    windowed,
                    tour.map(|t| (t, locale, only, tour_pace)),
                    startup_probe.then_some(started),
                    demo,
                    config_path.clone(),
                ),
                Some(Command::Checkin(args)) => checkin(&config, &data_dir, args),
                Some(Command::Demo {
                    command: DemoCommand::Reset,
                }) => {
                    let airline = open_airline(&config, &data_dir)?;
                    airline.reset(chrono::Utc::now())?;
                    eprintln!("the demo airline is reset ({})", data_dir.display());
                    Ok(ExitCode::SUCCESS)
                }
                Some(Command::Airline {
                    command: AirlineCommand::Serve { listen },
                }) => airline_serve(&config, &data_dir, listen),
                Some(Command::Report {
                    since,
                    format,
                    chart,
                }) => report(&data_dir, &since, &format, chart.as_deref()),
                Some(Command::Config { .. } | Command::Manpage) => unreachable!("handled above"),
                Some(Command::Page(args)) => page(&config, &data_dir, args, demo),
                Some(Command::Desk { listen, command }) => {
                    desk(&config, &data_dir, listen, command)
                }
                Some(Command::Staff {
                    command: StaffCommand::HashPin,
                }) => hash_pin(),
                Some(Command::Locales {
                    command: LocalesCommand::Check { dir },
                }) => locales_check(dir.or(config.locales.overrides.clone())),
                Some(Command::PrintSample { out, locale }) => {
                    let locale = match locale.as_str() {
                        "ur" => "ur-PK".to_string(),
                        other => other.to_string(),
                    };
                    let job = concierge::print::sample_job(&locale, chrono::Utc::now());
                    let printer = printer(&config, &data_dir, out.as_deref());
                    printer.use_messages(concierge::i18n::Messages::for_overrides(
                        config.locales.overrides.as_deref(),
                    ));
                    let files = printer.print(&job)?;
                    for f in files {
                        println!("{}", f.display());
                    }
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
    }
}

fn config_check(file: &Path) -> ExitCode {
    match Config::load(file) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("warning: {w}");
            }
            // The operator's message files are part of the config: one the kiosk would leave
            // out is an error here, not a surprise at the airport.
            if let Some(dir) = &loaded.config.locales.overrides {
                let (_, problems) = concierge::i18n::Messages::with_overrides(dir);
                if !problems.is_empty() {
                    for p in problems {
                        eprintln!("error: [locales] overrides: {p}");
                    }
                    return ExitCode::from(1);
                }
            }
            println!("{}: ok", file.display());
            ExitCode::SUCCESS
        }
        Err(ConfigError::Invalid(diags)) => {
            for d in diags {
                eprintln!("error: {d}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn load_config(path: Option<&Path>) -> Result<Config> {
    let path = path
        .map(Path::to_path_buf)
        .or_else(concierge::config::default_path);
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let loaded = Config::load(&path)?;
    for w in &loaded.warnings {
        tracing::warn!("{w}");
    }
    Ok(loaded.config)
}

fn open_airline(config: &Config, data_dir: &Path) -> Result<SqliteAirline> {
    concierge::store::private_dir(data_dir)
        .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
    let policy = BagTagPolicy {
        kiosk: config.kiosk.id.clone(),
        serials: config.bags.serials,
        quarantine: config.bags.quarantine,
    };
    let path = data_dir.join("airline.sqlite");
    SqliteAirline::open(&path, policy, chrono::Utc::now())
        .with_context(|| format!("cannot open the airline store {}", path.display()))
}

/// Tells systemd a service is ready, and feeds its watchdog from the service's runtime (a
/// stalled runtime stops the heartbeats). Call inside the runtime.
fn service_ready(status: &str) {
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

/// The daily JSON log and its level, once opened.
static FILE_LOG: std::sync::OnceLock<(concierge::logs::DailyLog, tracing::Level)> =
    std::sync::OnceLock::new();

struct FileLogs;

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for FileLogs {
    type Writer = tracing_subscriber::fmt::writer::OptionalWriter<&'a concierge::logs::DailyLog>;

    fn make_writer(&'a self) -> Self::Writer {
        match FILE_LOG.get() {
            Some((log, _)) => tracing_subscriber::fmt::writer::OptionalWriter::some(log),
            None => tracing_subscriber::fmt::writer::OptionalWriter::none(),
        }
    }
}

/// Opens the daily JSON log (`[logging]`, default `<data dir>/logs`) for a command that runs
/// for a while or touches passengers.
fn open_file_log(config: &Config, data_dir: &Path) {
    let dir = config
        .logging
        .dir
        .clone()
        .unwrap_or_else(|| data_dir.join("logs"));
    let level = match config.logging.level.as_str() {
        "error" => tracing::Level::ERROR,
        "warn" => tracing::Level::WARN,
        "debug" => tracing::Level::DEBUG,
        _ => tracing::Level::INFO,
    };
    match concierge::logs::DailyLog::open(
        &dir,
        config.logging.keep_days,
        config.logging.max_file_size,
    ) {
        Ok(log) => {
            let _ = FILE_LOG.set((log, level));
        }
        Err(e) => eprintln!(
            "warning: no log files: cannot write to {}: {e}",
            dir.display()
        ),
    }
}

/// The airline system the config names: the embedded store, or one over HTTP.
fn airline(config: &Config, data_dir: &Path) -> Result<Box<dyn DepartureControl>> {
    match &config.airline.system {
        AirlineSystem::Embedded => Ok(Box::new(open_airline(config, data_dir)?)),
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

/// `concierge airline serve`: the embedded store for kiosks elsewhere.
fn airline_serve(config: &Config, data_dir: &Path, listen: Option<String>) -> Result<ExitCode> {
    let Some(key) = config.airline.key.clone() else {
        return refuse_serve(
            "the airline service needs a key kiosks present: [airline] key_file or key_env",
        );
    };
    let listen = listen.unwrap_or_else(|| config.airline.listen.clone());
    let Ok(addr) = listen.parse::<std::net::SocketAddr>() else {
        return refuse_serve(&format!(
            "--listen must be an address like 127.0.0.1:8790, found {listen:?}"
        ));
    };
    if !addr.ip().is_loopback() {
        // Plain HTTP carries passenger data: put a TLS proxy in front for other machines.
        return refuse_serve(&format!(
            "{listen} is not on this machine: the airline service speaks plain HTTP, so it \
             listens on loopback only (put a TLS proxy in front for kiosks elsewhere)"
        ));
    }
    let store: Arc<dyn DepartureControl> = Arc::new(open_airline(config, data_dir)?);
    let router =
        concierge::dcs::http::router(store, &key, concierge::dcs::Rules::from_config(config));
    runtime()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        eprintln!(
            "airline service: http://{addr}/v1/ ({})",
            data_dir.display()
        );
        service_ready(&format!("airline service on {addr}"));
        tokio::select! {
            () = concierge::net::serve(listener, None, router, concierge::net::Limits::default()) => {}
            _ = tokio::signal::ctrl_c() => {}
        }
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `concierge report`.
fn report(data_dir: &Path, since: &str, format: &str, chart: Option<&Path>) -> Result<ExitCode> {
    let refuse = |m: &str| {
        eprintln!("concierge report: {m}");
        Ok(ExitCode::from(1))
    };
    let Some(back) = concierge::config::parse_duration(since) else {
        return refuse(&format!(
            "--since must be a duration like 7d or 24h, found {since:?}"
        ));
    };
    if !matches!(format, "table" | "json" | "csv") {
        return refuse(&format!(
            "--format must be table, json or csv, found {format:?}"
        ));
    }
    let kind = chart.map(|c| {
        c.extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default()
    });
    if let Some(kind) = &kind
        && kind != "svg"
        && kind != "png"
    {
        return refuse("--chart must name a .svg or .png file");
    }
    let path = concierge::store::kiosk::path(data_dir);
    if !path.exists() {
        return refuse(&format!(
            "no service metrics at {} (has the kiosk run here? --data-dir names its directory)",
            path.display()
        ));
    }
    let store = concierge::metrics::SqliteMetrics::open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let from = chrono::Utc::now()
        - chrono::TimeDelta::from_std(back).unwrap_or(chrono::TimeDelta::days(7));
    let from = from.format("%Y-%m-%dT%H:00Z").to_string();
    let rows = store.sessions_since(&from)?;
    let report = concierge::report::Report::new(&from, &rows);
    match format {
        "json" => println!("{}", report.json()),
        "csv" => print!("{}", report.csv()),
        _ => print!("{}", report.table()),
    }
    if let (Some(file), Some(kind)) = (chart, kind) {
        let svg = report.chart_svg();
        let bytes = if kind == "png" {
            #[cfg(feature = "gui")]
            {
                concierge::report::chart_png(&svg).map_err(anyhow::Error::msg)?
            }
            #[cfg(not(feature = "gui"))]
            {
                return refuse("PNG charts need the gui feature; ask for .svg");
            }
        } else {
            svg.into_bytes()
        };
        std::fs::write(file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
        eprintln!("chart: {}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn refuse_serve(message: &str) -> Result<ExitCode> {
    eprintln!("concierge airline serve: {message}");
    Ok(ExitCode::from(1))
}

fn pager(config: &Config, data_dir: &Path) -> Result<Pager> {
    concierge::store::private_dir(data_dir)
        .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
    let path = concierge::store::kiosk::path(data_dir);
    let outbox = Outbox::open(&path)
        .with_context(|| format!("cannot open the kiosk store {}", path.display()))?;
    Ok(Pager::new(
        Arc::new(outbox),
        Arc::new(config.help.clone()),
        KioskInfo::from_config(config),
    ))
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

fn page(config: &Config, data_dir: &Path, args: PageArgs, demo: bool) -> Result<ExitCode> {
    let Some(wait) = concierge::config::parse_duration(&args.wait) else {
        return usage(
            "page",
            &format!(
                "--wait must be a duration like \"30s\", found {}",
                args.wait
            ),
        );
    };
    let mut config = config.clone();
    demo_help_target(&mut config, data_dir, demo)?;
    let config = &config;
    if config.help.targets.is_empty() {
        return usage(
            "page",
            "no [[help.targets]] in the config: there is nowhere to page",
        );
    }
    let pager = pager(config, data_dir)?;
    let rt = runtime()?;
    if args.test {
        concierge::help::install_crypto();
        let client = reqwest::Client::new();
        let kiosk = KioskInfo::from_config(config);
        let mut all = true;
        for target in &config.help.targets {
            let request = HelpRequest::test(&kiosk, chrono::Utc::now());
            let started = std::time::Instant::now();
            let attempt = rt.block_on(send_once(&client, target, &request));
            let ms = started.elapsed().as_millis();
            match attempt {
                Attempt::Delivered => println!(
                    "{} ({}): delivered in {ms} ms",
                    target.name,
                    target.kind.code()
                ),
                Attempt::Retry { error, .. } | Attempt::Refused { error } => {
                    all = false;
                    println!(
                        "{} ({}): failed after {ms} ms: {error}",
                        target.name,
                        target.kind.code()
                    );
                }
            }
        }
        return Ok(ExitCode::from(if all { 0 } else { 1 }));
    }
    if let Some(reason) = args.reason {
        let session = chrono::Utc::now().timestamp_millis().unsigned_abs();
        let request_page = concierge::checkin::Page {
            session,
            reason: concierge::checkin::Reason::Exception(
                concierge::checkin::ExceptionKind::Refused,
            ),
            step: concierge::checkin::Step::Welcome,
            locale: "en-US".into(),
            flight: None,
            minutes_until_close: None,
            first_name: None,
            at: chrono::Utc::now(),
        };
        let key = pager.page_with_reason(&request_page, &reason)?;
        eprintln!("help request {key} is queued");
    }
    let refused_before = refused(&pager)?;
    let left = rt.block_on(flush(&pager, wait))?;
    // A target that refused for good (4xx: a wrong key, a wrong URL) did not take the page:
    // that is not "delivered", whatever else went through.
    let refused_now: Vec<_> = refused(&pager)?
        .into_iter()
        .filter(|r| !refused_before.contains(r))
        .collect();
    if !refused_now.is_empty() {
        for (_, target, error) in &refused_now {
            let name = config
                .help
                .targets
                .get(*target)
                .map(|t| t.name.as_str())
                .unwrap_or("a target");
            eprintln!("refused by {name}: {error}");
        }
        eprintln!("the page was refused: fix the target's configuration (it is not retried)");
        return Ok(ExitCode::from(4));
    }
    if left == 0 {
        eprintln!("delivered");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{left} page(s) still queued: the kiosk or `concierge page --flush` delivers them later"
        );
        Ok(ExitCode::from(3))
    }
}

/// Deliveries a target refused for good: (incident, target, the target's answer).
fn refused(pager: &Pager) -> Result<Vec<(String, usize, String)>> {
    Ok(pager
        .outbox()
        .deliveries()?
        .into_iter()
        .filter(|d| d.status == "failed")
        .map(|d| (d.incident, d.target, d.last_error.unwrap_or_default()))
        .collect())
}

fn desk_store(data_dir: &Path) -> Result<concierge::desk::DeskStore> {
    concierge::store::private_dir(data_dir)?;
    let path = data_dir.join("desk.sqlite");
    concierge::desk::DeskStore::open(&path)
        .with_context(|| format!("cannot open the desk database {}", path.display()))
}

fn desk(
    config: &Config,
    data_dir: &Path,
    listen: Option<String>,
    command: Option<DeskCommand>,
) -> Result<ExitCode> {
    let store = desk_store(data_dir)?;
    if let Some(DeskCommand::AddAgent { name }) = command {
        let password = read_secret(&format!("password for {name}: "))?;
        let password = password.as_str();
        if password.chars().count() < 8 {
            return usage("desk add-agent", "the password needs at least 8 characters");
        }
        let hash = concierge::desk::hash_password(password).map_err(anyhow::Error::msg)?;
        store.set_agent(&name, &hash)?;
        eprintln!("agent {name} can sign in");
        return Ok(ExitCode::SUCCESS);
    }
    let listen = listen.unwrap_or_else(|| config.desk.listen.clone());
    let addr: std::net::SocketAddr = listen.parse().with_context(|| {
        format!("--listen must be an address like 127.0.0.1:8787, found {listen}")
    })?;
    let tls = match (&config.desk.tls_cert, &config.desk.tls_key) {
        (Some(cert), Some(key)) => {
            Some(concierge::desk::acceptor(cert, key).map_err(anyhow::Error::msg)?)
        }
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
    let rt = runtime()?;
    rt.block_on(async {
        let tcp = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        service_ready(&format!("agent desk on {addr}"));
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

/// The embedded demo (no config file at all): pages go to the desk the kiosk starts on
/// loopback (the kiosk's secret in a file of the data directory). Returns whether it applies.
/// An operator's config without help targets gets no such desk: its well-known password would
/// let anyone on the machine in, and its port is the desk service's.
fn demo_help_target(config: &mut Config, data_dir: &Path, demo: bool) -> Result<bool> {
    if !demo || !config.help.targets.is_empty() {
        return Ok(false);
    }
    concierge::store::private_dir(data_dir)?;
    let key_path = data_dir.join("demo-desk.key");
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
        level: 0,
        timeout: std::time::Duration::from_secs(5),
    }];
    Ok(true)
}

/// The demo desk itself (agent `demo`, password `demo`), when [`demo_help_target`] applies.
fn demo_desk(
    config: &mut Config,
    data_dir: &Path,
    demo: bool,
) -> Result<Option<std::sync::Arc<concierge::desk::Desk>>> {
    if !demo_help_target(config, data_dir, demo)? {
        if config.help.targets.is_empty() {
            tracing::warn!(
                "no [[help.targets]] in the config: help requests wait in the kiosk's outbox and nobody is paged"
            );
        }
        return Ok(None);
    }
    let store = desk_store(data_dir)?;
    if store.agent_hash("demo")?.is_none() {
        let hash = concierge::desk::hash_password("demo").map_err(anyhow::Error::msg)?;
        store.set_agent("demo", &hash)?;
    }
    Ok(Some(concierge::desk::Desk::new(store, &config.desk, false)))
}

fn run_kiosk(
    config: &Config,
    data_dir: &Path,
    windowed: bool,
    tour: Option<(PathBuf, String, Vec<String>, u64)>,
    probe: Option<std::time::Instant>,
    demo: bool,
    config_path: Option<PathBuf>,
) -> Result<ExitCode> {
    // Seed (or roll forward) the demo airline now, so the first passenger does not wait.
    let dcs = airline(config, data_dir)?;
    let mut config = config.clone();
    let desk = demo_desk(&mut config, data_dir, demo)?;
    let config = &config;
    // Pages queued before a restart (a crash, a power cut) go out now, and staff hear of a
    // print the restart cut off.
    let pager = pager(config, data_dir)?;
    recover_interrupted_print(config, data_dir, &pager);
    let ui_pager = pager.clone();
    let listen = config.desk.listen.clone();
    let purge_after = config.desk.purge_after;
    // The Prometheus endpoint, when the operator asks for one.
    let prometheus = match config.metrics.listen {
        Some(addr) => Some((
            addr,
            Arc::new(
                concierge::metrics::SqliteMetrics::open(&concierge::store::kiosk::path(data_dir))
                    .context("cannot open the kiosk store for the metrics endpoint")?,
            ),
            config.kiosk.id.clone(),
        )),
        None => None,
    };
    std::thread::Builder::new()
        .name("help".into())
        .spawn(move || match runtime() {
            Ok(rt) => rt.block_on(async move {
                if let Some(desk) = desk {
                    match tokio::net::TcpListener::bind(&listen).await {
                        Ok(listener) => {
                            eprintln!("agent desk: http://{listen} (sign in as demo / demo)");
                            tokio::spawn(concierge::desk::serve(listener, desk, purge_after));
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, %listen, "the demo desk could not start")
                        }
                    }
                }
                if let Some((addr, store, kiosk)) = prometheus {
                    match tokio::net::TcpListener::bind(addr).await {
                        Ok(listener) => {
                            tracing::info!(%addr, "metrics endpoint: /metrics");
                            tokio::spawn(concierge::metrics::serve_prometheus(
                                listener, store, kiosk,
                            ));
                        }
                        Err(e) => tracing::error!(error = %e, %addr, "no metrics endpoint"),
                    }
                }
                Worker::new(pager).run().await
            }),
            Err(e) => tracing::error!(error = %e, "the help worker could not start"),
        })
        .context("cannot start the help worker")?;
    #[cfg(feature = "gui")]
    {
        let metrics =
            concierge::metrics::SqliteMetrics::open(&concierge::store::kiosk::path(data_dir))
                .context("cannot open the kiosk store for service metrics")?;
        let mut staff = config.staff.clone();
        if staff.is_empty() && demo {
            // The demo's staff member (README): staff number 1001, PIN 2468, badge STAFF-1001.
            staff.push(concierge::config::StaffMember {
                id: "1001".into(),
                name: "Demo agent".into(),
                pin_hash: DEMO_PIN_HASH.into(),
                badge: Some("STAFF-1001".into()),
            });
        }
        let gate = concierge::staff::Gate::open(&concierge::store::kiosk::path(data_dir), staff)
            .context("cannot open the kiosk store for staff mode")?;
        let backend = concierge::ui::Backend {
            gate: Some(Arc::new(gate)),
            dcs: dcs.into(),
            printer: journaled(printer(config, data_dir, None), data_dir)?.into(),
            pager: Arc::new(ui_pager),
            metrics: Arc::new(metrics),
        };
        let mut options = concierge::ui::Options::from(config);
        if demo {
            // The demo airline's own logo and review link; an airline's config gives its own.
            options.pictures.logo = Some(concierge::config::branding::Picture::Svg(
                std::sync::Arc::new(DEMO_LOGO.to_vec()),
            ));
            options.review_url = concierge::ui::Options::demo().review_url;
        }
        // Built-in messages with the operator's overrides, for the life of the process.
        let messages =
            concierge::i18n::Messages::for_overrides(config.locales.overrides.as_deref());
        let (clock, tour) = match tour {
            None => (concierge::ui::system_clock(), None),
            Some((dir, locale, only, pace)) => {
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
                let offset = Arc::new(std::sync::Mutex::new(chrono::TimeDelta::zero()));
                let clock = concierge::ui::tour::tour_clock(offset.clone());
                let mut tour = concierge::ui::tour::Tour::new(dir, locale, offset);
                tour.only = (!only.is_empty()).then_some(only);
                tour.pace = std::time::Duration::from_millis(pace.max(50));
                (clock, Some(tour))
            }
        };
        let kiosk = concierge::ui::Kiosk::new(Settings::from(config), backend, options, clock)
            .with_messages(messages, &config.locales.offered, &config.locales.default);
        let mut kiosk = match tour {
            Some(tour) => kiosk.with_tour(tour),
            None => kiosk,
        };
        // Edits to the config file apply from the next session.
        if let Some(path) = config_path {
            kiosk.watch_config(path);
        }
        let kiosk = match probe {
            Some(started) => kiosk.with_startup_probe(started),
            None => kiosk,
        };
        concierge::ui::run(kiosk, windowed).context("the kiosk window failed")?;
        Ok(ExitCode::SUCCESS)
    }
    #[cfg(not(feature = "gui"))]
    {
        let _ = (windowed, ui_pager, dcs, tour, probe, demo, config_path);
        anyhow::bail!("this concierge was built without the GUI (cargo feature `gui`)")
    }
}

fn checkin(config: &Config, data_dir: &Path, args: CheckinArgs) -> Result<ExitCode> {
    let identification = if let Some(code) = &args.bcbp {
        match concierge::print::bcbp::BoardingPass::decode(code) {
            Ok(pass) => Identification::BoardingPass {
                reference: pass.legs.first().map(|l| l.pnr.clone()).unwrap_or_default(),
                surname: pass.surname().to_string(),
            },
            Err(e) => return usage("checkin", &format!("--bcbp: {e}")),
        }
    } else {
        match (&args.booking, &args.eticket, &args.ff, &args.surname) {
            (Some(reference), None, None, Some(surname)) => Identification::BookingReference {
                reference: reference.clone(),
                surname: surname.clone(),
            },
            (None, Some(number), None, Some(surname)) => Identification::ETicket {
                number: number.clone(),
                surname: surname.clone(),
            },
            (None, None, Some(number), _) => Identification::FrequentFlyer {
                number: number.clone(),
            },
            (Some(_) | None, _, None, None) if args.booking.is_some() || args.eticket.is_some() => {
                return usage(
                    "checkin",
                    "--surname is needed with --booking and --eticket",
                );
            }
            _ => {
                return usage(
                    "checkin",
                    "identify the passenger with --booking REF --surname NAME, --eticket N --surname NAME, --ff NUMBER or --bcbp STRING",
                );
            }
        }
    };
    let mut documents = Vec::new();
    if let Some(file) = &args.mrz_file {
        let text = concierge::store::read_capped_string(file, 64 * 1024)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let today = chrono::Utc::now().date_naive();
        for (i, block) in concierge::documents::blocks(&text).iter().enumerate() {
            match concierge::documents::read(block, today) {
                Ok(doc) => documents.push(doc),
                Err(e) => {
                    return usage(
                        "checkin",
                        &format!("{}: document {}: {e}", file.display(), i + 1),
                    );
                }
            }
        }
        if documents.is_empty() {
            return usage(
                "checkin",
                &format!("{}: no machine-readable zone in it", file.display()),
            );
        }
    }
    let airline = airline(config, data_dir)?;
    let pager = pager(config, data_dir)?;
    recover_interrupted_print(config, data_dir, &pager);
    let printer = journaled(printer(config, data_dir, args.out.as_deref()), data_dir)?;
    printer.use_messages(concierge::i18n::Messages::for_overrides(
        config.locales.overrides.as_deref(),
    ));
    let runtime = Runtime {
        dcs: airline.as_ref(),
        printer: printer.as_ref(),
        pager: &pager,
    };
    let session_seed = chrono::Utc::now().timestamp_millis().unsigned_abs();
    let mut engine = Engine::new(Settings::from(config), session_seed);
    let plan = Rehearsal {
        identification,
        passengers: args.passengers,
        seat: args.seat,
        exit_row_eligible: args.exit_row_eligible,
        bags: args.bags,
        documents,
        locale: args.locale,
    };
    let report = match rehearse(&mut engine, &runtime, &|| chrono::Utc::now(), &plan) {
        Ok(report) => report,
        Err(RehearsalError::Input(message)) => return usage("checkin", &message),
        Err(e) => anyhow::bail!(e),
    };
    // Pages the check-in raised are committed; try to deliver them before leaving.
    if pager.outbox().pending()? > 0 {
        let left = runtime_block(|| flush(&pager, std::time::Duration::from_secs(3)))?;
        if left > 0 {
            eprintln!(
                "{left} page(s) to staff still queued: the kiosk or `concierge page --flush` delivers them"
            );
        }
    }
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    }
    if let Some(e) = &report.exception {
        eprintln!(
            "check-in stopped: {} ({}){}",
            e.message,
            e.reason,
            if e.staff_paged { "; staff paged" } else { "" }
        );
        return Ok(ExitCode::from(2));
    }
    for p in &report.passengers {
        let legs: Vec<String> = p
            .legs
            .iter()
            .map(|l| {
                format!(
                    "{} {}→{} seat {} seq {:03}",
                    l.flight,
                    l.from,
                    l.to,
                    l.seat.as_deref().unwrap_or("INF"),
                    l.sequence
                )
            })
            .collect();
        eprintln!("checked in {}: {}", p.name, legs.join("; "));
        if !p.bag_tags.is_empty() {
            eprintln!("  bag tags {}", p.bag_tags.join(", "));
        }
    }
    for f in &report.files {
        eprintln!("printed {f}");
    }
    Ok(ExitCode::SUCCESS)
}

fn runtime_block<F, Fut, T>(f: F) -> Result<T>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<T, concierge::help::OutboxError>>,
{
    Ok(runtime()?.block_on(f())?)
}

/// The configured printer; `--out DIR` prints to a spool there instead (kept whole).
/// The printer, its jobs journalled in the kiosk's store while they print.
fn journaled(inner: Box<dyn Printer>, data_dir: &Path) -> Result<Box<dyn Printer>> {
    let store = concierge::store::kiosk::path(data_dir);
    Ok(Box::new(
        concierge::print::JournaledPrinter::new(inner, &store)
            .with_context(|| format!("cannot open the kiosk store {}", store.display()))?,
    ))
}

/// A print the last stop cut off (a crash, a power cut): staff are paged to look at the
/// printer. The page carries no passenger data; the kiosk has none left to give.
fn recover_interrupted_print(config: &Config, data_dir: &Path, pager: &Pager) {
    let cut =
        match concierge::print::journal::take_interrupted(&concierge::store::kiosk::path(data_dir))
        {
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
        first_name: None,
        at: chrono::Utc::now(),
    };
    if let Err(e) = pager.maintenance(&page) {
        tracing::error!(error = %e, "the page about the cut-off print was not queued");
    }
}

/// The demo staff member's PIN, 2468, hashed once (`concierge staff hash-pin`): hashing it at
/// every start would cost a second and leave argon2's 19 MiB in the kiosk's heap.
const DEMO_PIN_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$FNF03kcPCGRpPSqY8Ot37Q$th3Vo4jIzU7qwvySdwwWfe4L7S+YaYdWO0lQVa5LjjY";

/// Northwind Airways' logo, for the demo.
const DEMO_LOGO: &[u8] = include_bytes!("../assets/images/northwind-logo.svg");

fn printer(config: &Config, data_dir: &Path, out: Option<&Path>) -> Box<dyn Printer> {
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
            staging: data_dir.join("staging"),
            labels: Default::default(),
        }),
        None => Box::new(SpoolPrinter::new(
            config
                .printer
                .spool
                .clone()
                .unwrap_or_else(|| data_dir.join("spool")),
            Some(config.printer.keep),
            paper,
        )),
    }
}

/// Reads a line from standard input without echoing it when that is a terminal.
fn read_secret(prompt: &str) -> Result<String> {
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

fn locales_check(dir: Option<PathBuf>) -> Result<ExitCode> {
    use concierge::i18n::{Messages, built_in_sources, check};
    let mut sources: Vec<(String, String, String)> = built_in_sources()
        .iter()
        .map(|(l, f, t)| (l.to_string(), f.to_string(), t.to_string()))
        .collect();
    let mut problems: Vec<String> = Vec::new();
    if let Some(dir) = &dir {
        problems.extend(Messages::with_overrides(dir).1);
        // A locale the kiosk does not have built in must be complete in the directory.
        let built_in = concierge::i18n::screen_locales();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let locale = entry.file_name().to_string_lossy().to_string();
            if built_in.contains(&locale) {
                continue;
            }
            for file in std::fs::read_dir(entry.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if let Ok(text) = concierge::store::read_capped_string(
                    &file.path(),
                    concierge::i18n::MAX_FTL_BYTES,
                ) {
                    let name = file.file_name().to_string_lossy().to_string();
                    sources.push((locale.clone(), name, text));
                }
            }
        }
    }
    problems.extend(check::check(&sources).iter().map(|p| p.to_string()));
    for p in &problems {
        eprintln!("{p}");
    }
    if problems.is_empty() {
        eprintln!("locales: no problems");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("locales: {} problems", problems.len());
        Ok(ExitCode::from(1))
    }
}

fn hash_pin() -> Result<ExitCode> {
    let pin = read_secret("PIN: ")?;
    if pin.len() < 4 || !pin.bytes().all(|b| b.is_ascii_digit()) {
        eprintln!("concierge staff hash-pin: a PIN is 4 or more digits");
        return Ok(ExitCode::from(1));
    }
    let hash = concierge::staff::hash_pin(&pin).map_err(anyhow::Error::msg)?;
    println!("{hash}");
    Ok(ExitCode::SUCCESS)
}

/// Bad usage of `concierge <command>`: the message, and exit code 1 (README).
fn usage(command: &str, message: &str) -> Result<ExitCode> {
    eprintln!("concierge {command}: {message}");
    Ok(ExitCode::from(1))
}
