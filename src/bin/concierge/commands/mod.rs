//! One module per command of [`Command`]; [`dispatch`] hands each its arguments. Commands get
//! their adapters from [`crate::app`].

mod airline;
mod checkin;
mod config;
mod demo;
mod desk;
mod locales;
mod manpage;
mod page;
mod print_sample;
mod report;
mod run;
mod staff;

use crate::app::{self, DataDir};
use crate::cli::{
    AirlineCommand, Cli, Command, ConfigCommand, DemoCommand, LocalesCommand, StaffCommand,
};
use anyhow::Result;
use std::process::ExitCode;

/// Runs the command the command line names (the kiosk when it names none). `started`: when the
/// process started, for `run --startup-probe`.
pub fn dispatch(cli: Cli, started: std::time::Instant) -> Result<ExitCode> {
    let data = DataDir::new(cli.data_dir);
    match cli.command {
        Some(Command::Config {
            command: ConfigCommand::Check { file },
        }) => Ok(config::check(&file)),
        Some(Command::Manpage) => manpage::print(),
        command => {
            let config_path = app::config_path(cli.config);
            // The kiosk runs with what was published for it; the other commands read the file.
            let config = if matches!(
                command,
                None | Some(Command::Run { .. }) | Some(Command::Checkin(_))
            ) {
                app::load_kiosk_config(config_path.as_deref(), &data)?
            } else {
                app::load_config(config_path.as_deref())?
            };
            // No config file at all: the embedded demo (its own desk, its own staff member).
            let demo = config_path.is_none();
            if matches!(
                command,
                None | Some(Command::Run { .. })
                    | Some(Command::Checkin(_))
                    | Some(Command::Desk { command: None, .. })
                    | Some(Command::Airline { .. })
                    | Some(Command::Page(_))
            ) {
                app::logging::open_file_log(&config, &data);
                tracing::info!(version = env!("CARGO_PKG_VERSION"), "concierge started");
            }
            match command {
                None => run::kiosk(&config, &data, false, None, None, demo, config_path),
                Some(Command::Run {
                    windowed,
                    tour,
                    locale,
                    only,
                    tour_pace,
                    startup_probe,
                }) => run::kiosk(
                    &config,
                    &data,
                    windowed,
                    tour.map(|t| (t, locale, only, tour_pace)),
                    startup_probe.then_some(started),
                    demo,
                    config_path,
                ),
                Some(Command::Checkin(args)) => checkin::checkin(&config, &data, args),
                Some(Command::Demo {
                    command: DemoCommand::Reset,
                }) => demo::reset(&config, &data),
                Some(Command::Airline {
                    command: AirlineCommand::Serve { listen },
                }) => airline::serve(&config, &data, listen),
                Some(Command::Report {
                    since,
                    format,
                    chart,
                }) => report::report(&data, &since, &format, chart.as_deref()),
                Some(Command::Config { .. } | Command::Manpage) => unreachable!("handled above"),
                Some(Command::Page(args)) => page::page(&config, &data, args, demo),
                Some(Command::Desk { listen, command }) => {
                    desk::desk(&config, &data, listen, command)
                }
                Some(Command::Staff {
                    command: StaffCommand::HashPin,
                }) => staff::hash_pin(),
                Some(Command::Locales {
                    command: LocalesCommand::Check { dir },
                }) => locales::check(dir.or(config.locales.overrides.clone())),
                Some(Command::PrintSample { out, locale }) => {
                    print_sample::print_sample(&config, &data, out.as_deref(), &locale)
                }
            }
        }
    }
}
