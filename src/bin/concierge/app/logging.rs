//! Logging: warnings (or `CONCIERGE_LOG`) on standard error from the start, and the daily JSON
//! log files once a command that runs for a while opens them.

use super::DataDir;
use concierge::config::Config;

/// The daily JSON log and its level, once opened.
static FILE_LOG: std::sync::OnceLock<(concierge::logs::DailyLog, tracing::Level)> =
    std::sync::OnceLock::new();

/// Writes to the daily JSON log once it is open, and nowhere before.
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

/// Installs the process's logger: standard error at once, the log files when
/// [`open_file_log`] opens them.
pub fn init() {
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

/// Opens the daily JSON log (`[logging]`, default `<data dir>/logs`) for a command that runs
/// for a while or touches passengers.
pub fn open_file_log(config: &Config, data: &DataDir) {
    let dir = config.logging.dir.clone().unwrap_or_else(|| data.logs());
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
