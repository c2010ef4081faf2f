//! What runs the kiosk besides passengers: the operator's config file (watched, applied
//! between sessions), systemd's heartbeat, the screenshot tour, the start-up probe, and the
//! subscriptions that feed them and the clock, the window and the keyboard.

use super::message::{Message, Probe, TourMessage};
use super::tour::Tour;
use crate::config::Config;
use crate::config::watch::ConfigWatch;
use iced::{Subscription, Task, keyboard};

#[derive(Default)]
pub struct Running {
    config: Option<ConfigWatch>,
    heartbeat: crate::notify::Heartbeat,
    pub tour: Option<Tour>,
    /// `run --startup-probe`: report when the first Welcome frame was painted, then quit.
    probe: Option<std::time::Instant>,
}

impl Running {
    pub fn watch_config(
        &mut self,
        path: std::path::PathBuf,
        published: Option<std::path::PathBuf>,
    ) {
        self.config = Some(ConfigWatch::new(path, published));
    }

    /// The last config edit that could not be used, if any (shown in staff mode).
    pub fn config_error(&self) -> Option<&str> {
        self.config.as_ref().and_then(|w| w.error())
    }

    /// A clock tick: systemd hears the UI lives, and a changed config file is read now and
    /// handed over once the kiosk is `between` sessions (never in the middle of one).
    pub fn tick(&mut self, between: bool) -> Option<(Box<Config>, String)> {
        self.heartbeat.beat("Welcome screen shown");
        let watch = self.config.as_mut()?;
        watch.poll();
        if between { watch.take_pending() } else { None }
    }

    pub fn probe_from(&mut self, started: std::time::Instant) {
        self.probe = Some(started);
    }

    /// The start-up probe: a picture of the window returns once the first frame has been
    /// drawn; then it prints the time since start and quits.
    pub fn probe(&mut self, probe: Probe) -> Task<Message> {
        match probe {
            Probe::Frame if self.probe.is_some() => iced::window::latest()
                .and_then(iced::window::screenshot)
                .map(|_| Message::Probe(Probe::Painted)),
            Probe::Painted => match self.probe.take() {
                Some(started) => {
                    println!(
                        "first Welcome frame painted {:.0} ms after start",
                        started.elapsed().as_secs_f64() * 1000.0
                    );
                    iced::exit()
                }
                None => Task::none(),
            },
            Probe::Frame => Task::none(),
        }
    }

    /// The clock, the window's size and keys; the tour's pace, the probe's frames and, while
    /// screens are drawn unseen (`warming`), the frame that drew them.
    pub fn subscription(&self, warming: bool) -> Subscription<Message> {
        let probe = match self.probe {
            Some(_) => iced::window::frames().map(|_| Message::Probe(Probe::Frame)),
            None => Subscription::none(),
        };
        let warming = match warming {
            true => iced::window::frames().map(|_| Message::warm_drawn()),
            false => Subscription::none(),
        };
        let tour = match &self.tour {
            Some(tour) => iced::time::every(tour.pace).map(|_| Message::Tour(TourMessage::Next)),
            None => Subscription::none(),
        };
        Subscription::batch([
            probe,
            warming,
            iced::time::every(std::time::Duration::from_secs(1)).map(|_| Message::tick()),
            iced::window::resize_events().map(|(_, size)| Message::resized(size)),
            keyboard::listen().filter_map(|e| {
                matches!(e, keyboard::Event::KeyPressed { .. }).then_some(Message::keyboard(e))
            }),
            tour,
        ])
    }
}
