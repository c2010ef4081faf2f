//! `concierge page`: page staff from the command line: test the targets, raise a page, or
//! deliver what is queued.

use crate::app::{self, DataDir};
use crate::cli::PageArgs;
use anyhow::Result;
use concierge::config::Config;
use concierge::help::{Attempt, HelpRequest, KioskInfo, Pager, flush, send_once};
use std::process::ExitCode;

/// Tests the targets, raises a page or delivers what is queued. Exit code 0: delivered (or
/// every target answered the test); 1: bad usage or a failed test; 3: still queued when
/// `--wait` ran out; 4: a target refused the page for good.
pub fn page(config: &Config, data: &DataDir, args: PageArgs, demo: bool) -> Result<ExitCode> {
    let Some(wait) = concierge::config::parse_duration(&args.wait) else {
        return app::usage(
            "page",
            &format!(
                "--wait must be a duration like \"30s\", found {}",
                args.wait
            ),
        );
    };
    let mut config = config.clone();
    app::demo::help_target(&mut config, data, demo)?;
    let config = &config;
    if config.help.targets.is_empty() {
        return app::usage(
            "page",
            "no [[help.targets]] in the config: there is nowhere to page",
        );
    }
    let pager = app::pager(config, data)?;
    let rt = app::runtime()?;
    if args.test {
        concierge::net::install_crypto();
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
            closes_at: None,
            service: None,
            first_name: None,
            at: chrono::Utc::now(),
        };
        let key = pager.page_with_reason(&request_page, &reason, args.drill)?;
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
