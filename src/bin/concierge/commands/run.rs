//! `concierge run` (and `concierge` alone): the kiosk's window, with the help worker, the demo
//! desk and the metrics endpoint beside it.

use crate::app::{self, DataDir};
use anyhow::{Context, Result};
use concierge::config::Config;
use concierge::help::Worker;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Runs the kiosk until its window closes, the help worker (and the demo desk and the metrics
/// endpoint, if any) on a thread of its own. `tour`: the screenshot tour's
/// directory, locale, screens and pace; `probe`: when the process started.
pub fn kiosk(
    config: &Config,
    data: &DataDir,
    windowed: bool,
    tour: Option<(PathBuf, String, Vec<String>, u64)>,
    probe: Option<std::time::Instant>,
    demo: bool,
    config_path: Option<PathBuf>,
) -> Result<ExitCode> {
    // As many descriptors as the system allows: a burst of connections to the metrics port
    // must never leave a page to staff or a config reload without one.
    let files = concierge::net::raise_file_limit();
    tracing::debug!(files, "open-files limit");
    // Seed (or roll forward) the demo airline now, so the first passenger does not wait.
    let dcs = app::airline(config, data)?;
    let mut config = config.clone();
    let desk = app::demo::desk(&mut config, data, demo)?;
    let config = &config;
    // Pages queued before a restart (a crash, a power cut) go out now, and staff hear of a
    // print the restart cut off.
    let pager = app::pager(config, data)?;
    app::recover_interrupted_print(config, data, &pager);
    // What the heartbeats say the kiosk runs: a digest of its config file (and the tag of
    // what was published for it).
    let published = config
        .help
        .fetch_config_every
        .is_some()
        .then(|| data.published());
    pager.health().config_version(&match &config_path {
        Some(path) => concierge::config::watch::version(path, published.as_deref()),
        None => "built-in".to_string(),
    });
    // The configuration published for this kiosk, asked of its desk now and then.
    let fetcher = concierge::publish::Fetcher::new(
        config,
        config_path.clone(),
        data.published(),
        pager.health().clone(),
    );
    let ui_pager = pager.clone();
    let listen = config.desk.listen.clone();
    let purge_after = config.desk.purge_after;
    // The Prometheus endpoint, when the operator asks for one.
    let prometheus = match config.metrics.listen {
        Some(addr) => Some((
            addr,
            Arc::new(
                app::metrics(data)
                    .context("cannot open the kiosk store for the metrics endpoint")?,
            ),
            config.kiosk.id.clone(),
        )),
        None => None,
    };
    std::thread::Builder::new()
        .name("help".into())
        .spawn(move || match app::runtime() {
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
                if let Some(fetcher) = fetcher {
                    tokio::spawn(fetcher.run());
                }
                Worker::new(pager).run().await
            }),
            Err(e) => tracing::error!(error = %e, "the help worker could not start"),
        })
        .context("cannot start the help worker")?;
    #[cfg(feature = "gui")]
    {
        let metrics =
            app::metrics(data).context("cannot open the kiosk store for service metrics")?;
        let gate = app::staff_gate(config, data, demo)?;
        // What staff do at the kiosk goes to the desk too.
        gate.report_to(Arc::new(ui_pager.clone()));
        // On a common-use kiosk the airport's CUSS 2 platform owns the printers, readers,
        // headset and keypad; the kiosk is one of its applications.
        let platform = match &config.devices {
            concierge::config::DevicePlatform::Cuss2(cuss2) => {
                Some(concierge::cuss2::Platform::start(cuss2.settings()))
            }
            concierge::config::DevicePlatform::Local => None,
        };
        let printer: Box<dyn concierge::print::Printer> = match &platform {
            Some(p) => Box::new(concierge::cuss2::printer::Cuss2Printer::new(
                p.clone(),
                config.printer.paper,
            )),
            None => app::printer(config, data, None),
        };
        let voice: Option<Arc<dyn concierge::speech::Voice>> = match &platform {
            Some(p) if config.speech.voice != concierge::config::Voice::None => Some(Arc::new(
                concierge::cuss2::voice::AnnouncementVoice::new(p.clone()),
            )),
            _ => app::voice(config)?,
        };
        let local_devices = platform.is_none();
        let backend = concierge::ui::Backend {
            health: ui_pager.health().clone(),
            platform,
            gate: Some(Arc::new(gate)),
            voice,
            dcs: dcs.into(),
            printer: app::journaled(printer, data)?.into(),
            pager: Arc::new(ui_pager),
            metrics: Arc::new(metrics),
            passes: match concierge::wallet::client::DeskPasses::from_config(config) {
                Some(passes) => Arc::new(passes),
                None => Arc::new(concierge::wallet::NoPhonePasses),
            },
        };
        let mut options = concierge::ui::Options::from(config);
        if demo {
            app::demo::brand(&mut options);
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
        let kiosk = concierge::ui::Kiosk::new(
            concierge::checkin::Settings::from(config),
            backend,
            options,
            clock,
        )
        .with_messages(messages, &config.locales.offered, &config.locales.default);
        let mut kiosk = match tour {
            Some(tour) => kiosk.with_tour(tour),
            None => kiosk,
        };
        // Edits to the config file apply from the next session.
        if let Some(path) = config_path {
            match published {
                Some(dir) => kiosk.watch_published_config(path, dir),
                None => kiosk.watch_config(path),
            }
        }
        // A headset plugged into the jack starts speech mode (when there is a voice).
        // (On a CUSS platform the platform's headset does.)
        if config.speech.voice != concierge::config::Voice::None && local_devices {
            kiosk.watch_headset(concierge::speech::Headset::watch_system());
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
        let _ = (
            windowed,
            ui_pager,
            dcs,
            tour,
            probe,
            demo,
            config_path,
            published,
        );
        anyhow::bail!("this concierge was built without the GUI (cargo feature `gui`)")
    }
}
