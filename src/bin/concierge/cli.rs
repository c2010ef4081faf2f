//! The command line's grammar: the commands, their flags and their help texts (clap takes the
//! doc comments below as the help, word for word).

use clap::{Args, Parser, Subcommand};
use concierge::headless::PassengerChoice;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "concierge",
    version,
    about = "Self-service check-in kiosk for airlines"
)]
pub struct Cli {
    /// Operator config file (default: $XDG_CONFIG_HOME/concierge/concierge.toml, then
    /// /etc/concierge/concierge.toml, else built-in demo defaults).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Where the kiosk keeps its data (default: $XDG_DATA_HOME/concierge).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
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
pub struct PageArgs {
    /// Send a test page through each configured target now; report each.
    #[arg(long)]
    pub test: bool,
    /// Raise a real help request with this reason (a drill, or software driving the kiosk).
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Mark the request raised with --reason as a drill: the desk shows it as one.
    #[arg(long, requires = "reason")]
    pub drill: bool,
    /// Deliver the pages still queued.
    #[arg(long)]
    pub flush: bool,
    /// How long to keep delivering before giving up (the page stays queued).
    #[arg(long, default_value = "30s", value_name = "DURATION")]
    pub wait: String,
}

#[derive(Subcommand)]
pub enum AirlineCommand {
    /// Answer kiosks over HTTP from this machine's airline store ([airline] listen, key).
    Serve {
        /// Address to listen on (default: [airline] listen, 127.0.0.1:8790).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum DemoCommand {
    /// Start the demo airline afresh (bookings, seats and check-ins as first seeded).
    Reset,
}

#[derive(Subcommand)]
pub enum DeskCommand {
    /// Add an agent (or change their password); the password is read from standard input.
    AddAgent {
        name: String,
        /// The airport (or terminal) whose pages this agent sees first.
        #[arg(long, value_name = "CODE")]
        airport: Option<String>,
    },
    /// List the agents: airport, sessions open, last seen.
    Agents,
    /// Remove an agent; every session they had ends.
    RemoveAgent { name: String },
    /// List the signed-in sessions (never their tokens).
    Sessions,
    /// End a session (by the id `desk sessions` shows) or every session of an agent.
    EndSession { who: String },
}

#[derive(Subcommand)]
pub enum LocalesCommand {
    /// Check the built-in locales, or an overrides directory (<DIR>/<locale>/*.ftl): parse
    /// errors, missing and extra messages, variables, plural categories, text left in English.
    Check { dir: Option<PathBuf> },
}

#[derive(Subcommand)]
pub enum StaffCommand {
    /// Hash a staff member's PIN for `[[staff]] pin_hash`; the PIN is read from standard input
    /// (not echoed on a terminal) and never stored.
    HashPin,
}

#[derive(Subcommand)]
pub enum ConfigCommand {
    /// Check a config file: errors and warnings with file, line and column.
    Check { file: PathBuf },
}

#[derive(Args)]
pub struct CheckinArgs {
    /// Booking reference (with --surname).
    #[arg(long, value_name = "REF", conflicts_with_all = ["eticket", "ff"])]
    pub booking: Option<String>,
    /// 13-digit e-ticket number (with --surname).
    #[arg(long, value_name = "N", conflicts_with = "ff")]
    pub eticket: Option<String>,
    /// Frequent-flyer number.
    #[arg(long, value_name = "NUMBER")]
    pub ff: Option<String>,
    /// A scanned boarding pass barcode (IATA 792 BCBP string).
    #[arg(long, value_name = "STRING", conflicts_with_all = ["booking", "eticket", "ff"])]
    pub bcbp: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub surname: Option<String>,
    /// `all`, or positions in the booking like `1,3`.
    #[arg(long, default_value = "all")]
    pub passengers: PassengerChoice,
    /// Seat for the first passenger (others keep theirs or sit next to them), e.g. 12A.
    #[arg(long)]
    pub seat: Option<concierge::domain::Seat>,
    /// The passenger confirmed they are willing and able to help in an emergency (exit rows).
    #[arg(long)]
    pub exit_row_eligible: bool,
    /// Checked bags per passenger.
    #[arg(long, default_value_t = 0)]
    pub bags: u8,
    /// A text file of scanned passports/ID cards: the MRZ lines of one document per passenger,
    /// documents separated by a blank line.
    #[arg(long, value_name = "FILE")]
    pub mrz_file: Option<PathBuf>,
    /// Print to a spool in DIR instead of the configured printer.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The passenger's language (labels on printed documents).
    #[arg(long, default_value = "en-US")]
    pub locale: String,
    /// One JSON object on stdout.
    #[arg(long)]
    pub json: bool,
}
