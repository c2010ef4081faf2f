//! `concierge checkin`: passengers checked in without a screen, through the kiosk's engine.

use crate::app::{self, DataDir};
use crate::cli::CheckinArgs;
use anyhow::{Context, Result};
use concierge::checkin::{Engine, Identification, Settings};
use concierge::config::Config;
use concierge::headless::{Rehearsal, RehearsalError, rehearse};
use concierge::help::flush;
use concierge::runtime::Adapters;
use std::process::ExitCode;

/// Checks the passengers in and prints their documents as the kiosk would. Exit code 0:
/// checked in; 1: bad usage; 2: the engine met an exception (staff may have been paged).
pub fn checkin(config: &Config, data: &DataDir, args: CheckinArgs) -> Result<ExitCode> {
    let identification = if let Some(code) = &args.bcbp {
        match concierge::bcbp::BoardingPass::decode(code) {
            Ok(pass) => Identification::BoardingPass {
                reference: pass.legs.first().map(|l| l.pnr.clone()).unwrap_or_default(),
                surname: pass.surname().to_string(),
            },
            Err(e) => return app::usage("checkin", &format!("--bcbp: {e}")),
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
            (None, None, Some(number), Some(surname)) => Identification::FrequentFlyer {
                number: number.clone(),
                surname: surname.clone(),
            },
            (_, _, _, None)
                if args.booking.is_some() || args.eticket.is_some() || args.ff.is_some() =>
            {
                return app::usage(
                    "checkin",
                    "--surname is needed with --booking, --eticket and --ff",
                );
            }
            _ => {
                return app::usage(
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
                    return app::usage(
                        "checkin",
                        &format!("{}: document {}: {e}", file.display(), i + 1),
                    );
                }
            }
        }
        if documents.is_empty() {
            return app::usage(
                "checkin",
                &format!("{}: no machine-readable zone in it", file.display()),
            );
        }
    }
    let airline = app::airline(config, data)?;
    let pager = app::pager(config, data)?;
    app::recover_interrupted_print(config, data, &pager);
    let printer = app::journaled(app::printer(config, data, args.out.as_deref()), data)?;
    printer.use_messages(concierge::i18n::Messages::for_overrides(
        config.locales.overrides.as_deref(),
    ));
    let adapters = Adapters {
        dcs: airline.as_ref(),
        printer: printer.as_ref(),
        pager: &pager,
        passes: &concierge::wallet::NoPhonePasses,
    };
    let session_seed = chrono::Utc::now().timestamp_millis().unsigned_abs();
    // The operator's rehearsal: like staff at the kiosk, not held to the passengers' limit on
    // passes printed again (the airline still journals each, and its service may refuse).
    let settings = Settings {
        max_reprints: u8::MAX,
        // The rehearsal prints; it makes no links for a phone.
        phone_passes: false,
        ..Settings::from(config)
    };
    let mut engine = Engine::new(settings, session_seed);
    let plan = Rehearsal {
        identification,
        passengers: args.passengers,
        seat: args.seat,
        exit_row_eligible: args.exit_row_eligible,
        bags: args.bags,
        documents,
        locale: args.locale,
    };
    let report = match rehearse(&mut engine, &adapters, &|| chrono::Utc::now(), &plan) {
        Ok(report) => report,
        Err(RehearsalError::Input(message)) => return app::usage("checkin", &message),
        Err(e) => anyhow::bail!(e),
    };
    // Pages the check-in raised are committed; try to deliver them before leaving.
    if pager.outbox().pending()? > 0 {
        let left = app::runtime_block(|| flush(&pager, std::time::Duration::from_secs(3)))?;
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
            plain(&e.message),
            plain(&e.reason),
            if e.staff_paged { "; staff paged" } else { "" }
        );
        return Ok(ExitCode::from(2));
    }
    for p in &report.passengers {
        let legs: Vec<String> = p
            .legs
            .iter()
            .map(|l| {
                plain(&format!(
                    "{} {}→{} seat {} seq {:03}",
                    l.flight,
                    l.from,
                    l.to,
                    l.seat.as_deref().unwrap_or("INF"),
                    l.sequence
                ))
            })
            .collect();
        eprintln!("checked in {}: {}", plain(&p.name), legs.join("; "));
        if !p.bag_tags.is_empty() {
            eprintln!("  bag tags {}", plain(&p.bag_tags.join(", ")));
        }
    }
    for f in &report.files {
        eprintln!("printed {}", plain(f));
    }
    Ok(ExitCode::SUCCESS)
}

/// Text from the airline's records as a terminal may show it: control characters (an escape
/// sequence in a name) written as `\u{1b}`, never sent to the terminal.
fn plain(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
