//! The kiosk on the airport's CUSS 2 platform (`[devices] platform = "cuss2"`): the platform's
//! news as the kiosk's own (a scan takes the same path as a scanner's line, the headset the
//! jack's, a navigation key the keypad's), its passenger session as the kiosk's, and after
//! every update what the kiosk wants of it (the readers on while a screen wants a scan, the
//! visit begun or ended).

use super::Kiosk;
use crate::checkin::{Event, Step};
use crate::cuss2::client::{Link, News, Platform, Printer, is_down};
use crate::cuss2::wire::Role;
use crate::documents::ScanBuffer;
use crate::speech::Jack;
use crate::ui::input::Key;
use crate::ui::message::Message;
use iced::Subscription;

/// What the kiosk last told the platform, and last heard of its printers.
#[derive(Debug, Default)]
pub struct Devices {
    scans: bool,
    visiting: bool,
    /// Staff closed the kiosk: the platform sends no passenger meanwhile.
    closed: bool,
    /// Each printer's last condition (a fault is paged once, a recovery heard once).
    printers: Vec<(Printer, String)>,
}

/// The platform's news as a stream for the window's subscription: first where the link stands
/// now (news published before the window subscribed are not replayed: a platform that answers
/// fast has made the kiosk AVAILABLE by then), then each piece as it comes.
fn news(platform: &Platform) -> impl futures_util::Stream<Item = Message> + use<> {
    let rx = platform.subscribe();
    let now = platform
        .snapshot()
        .link
        .map(|link| Message::Device(News::Link(link)));
    let first = futures_util::stream::iter(now);
    futures_util::StreamExt::chain(
        first,
        futures_util::stream::unfold(rx, |mut rx| async move {
            loop {
                match rx.recv().await {
                    Ok(news) => return Some((Message::Device(news), rx)),
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(
                            missed = n,
                            "CUSS 2 news came faster than the screen took it"
                        );
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                }
            }
        }),
    )
}

fn printer_name(p: Printer) -> &'static str {
    match p {
        Printer::BoardingPass => "the boarding-pass printer",
        Printer::BagTag => "the bag-tag printer",
    }
}

/// A navigation key of the platform's keypad, as the kiosk's own keypad would send it (the
/// names cuss2-ts `src/models/Keypad.ts` reads).
pub fn key_of(name: &str) -> Option<Key> {
    Some(match name {
        "NAVNEXT" | "NAVDOWN" => Key::Next,
        "NAVPREVIOUS" | "NAVUP" => Key::Previous,
        "NAVENTER" => Key::Enter,
        "NAVHELP" => Key::Help,
        "NAVHOME" => Key::Escape,
        "NAVEND" => Key::Repeat,
        "VOLUMEUP" => Key::Volume(1),
        "VOLUMEDOWN" => Key::Volume(-1),
        _ => return None,
    })
}

impl Kiosk {
    /// The platform's news, while there is a platform.
    pub(super) fn device_subscription(&self) -> Subscription<Message> {
        match &self.backend.platform {
            Some(platform) => Subscription::run_with(platform.clone(), news),
            None => Subscription::none(),
        }
    }

    /// What the platform said.
    pub(super) fn device(&mut self, news: News) -> iced::Task<Message> {
        match news {
            News::Scanned(text) => {
                let today = (self.clock)().date_naive();
                let mut buffer = ScanBuffer::default();
                let mut read = false;
                for line in text.lines() {
                    if let Some(scan) = buffer.push_line(line, today) {
                        read = true;
                        self.scanned(scan);
                    }
                }
                if !read {
                    // Never the data itself: it may be a passenger's name.
                    tracing::info!(chars = text.chars().count(), "a scan the kiosk cannot read");
                    if matches!(self.engine.session().step, Step::Identify | Step::Documents) {
                        self.dispatch(Event::DocumentUnreadable("scan-unreadable"));
                    }
                }
            }
            News::Activated { language } => {
                let offered: Vec<&str> = self.locales().iter().map(String::as_str).collect();
                let locale = crate::i18n::negotiate(&[language.as_str()], &offered)
                    .map(str::to_string)
                    .unwrap_or_else(|| self.looks.default_locale.clone());
                if self.engine.session().step == Step::Welcome {
                    self.devices.visiting = true;
                    return self.engine_event(Event::Start { locale });
                }
            }
            News::SessionTimeout => {
                if self.engine.session().step != Step::Welcome {
                    tracing::info!("the platform ended the passenger session");
                    self.dispatch(Event::Cancel);
                }
            }
            News::State(state) => self.platform_state(&state),
            News::Link(Link::Up) => {
                if let Some(p) = &self.backend.platform {
                    let state = p.state();
                    self.platform_state(&state);
                }
            }
            News::Link(Link::Connecting) => {}
            News::Link(Link::Down(_)) => self.dispatch(Event::PlatformHold {
                why: "the CUSS platform is not reachable".into(),
            }),
            News::Link(Link::Refused(why)) => self.dispatch(Event::PlatformHold { why }),
            News::Headset(plugged) => {
                let jack = if plugged { Jack::In } else { Jack::Out };
                self.backend.health.headset(plugged);
                if let Some(now_on) = self.speech.jack(jack) {
                    self.announce(now_on);
                }
            }
            News::Key(name) => {
                if let Some(key) = key_of(&name) {
                    return self.key(key);
                }
            }
            News::Printer(printer, code) => self.printer_news(printer, code),
            News::Dispensed(printer, taken) => {
                tracing::info!(printer = printer_name(printer), taken, "printer slot");
            }
        }
        iced::Task::none()
    }

    fn platform_state(&mut self, state: &str) {
        match state {
            "AVAILABLE" | "ACTIVE" => self.dispatch(Event::PlatformReady),
            "" => {}
            other => self.dispatch(Event::PlatformHold {
                why: format!("the CUSS platform has the kiosk {other}"),
            }),
        }
    }

    fn printer_news(&mut self, printer: Printer, code: String) {
        let before = match self
            .devices
            .printers
            .iter_mut()
            .find(|(p, _)| *p == printer)
        {
            Some((_, last)) => std::mem::replace(last, code.clone()),
            None => {
                self.devices.printers.push((printer, code.clone()));
                "OK".to_string()
            }
        };
        if before == code {
            return;
        }
        if is_down(&code) {
            self.dispatch(Event::PrinterFault {
                detail: format!("{}: {code}", printer_name(printer)),
            });
        } else if code == "MEDIA_LOW" && !is_down(&before) {
            self.dispatch(Event::PrinterPaperLow);
        } else if is_down(&before) && !self.devices.printers.iter().any(|(_, c)| is_down(c)) {
            self.dispatch(Event::PrinterRestored);
        }
    }

    /// After an update: the readers on while a screen wants a scan, the visit begun or ended.
    pub(super) fn sync_devices(&mut self) {
        let Some(platform) = self.backend.platform.clone() else {
            return;
        };
        // The readers' states, for the kiosk's heartbeats.
        let snapshot = platform.snapshot();
        let up = |role: Role| {
            snapshot
                .components
                .get(&role)
                .map(|id| snapshot.status.get(id).is_none_or(|code| !is_down(code)))
        };
        if let Some(ok) = up(Role::BarcodeReader) {
            self.backend.health.scanner(ok);
        }
        if let Some(ok) = up(Role::DocumentReader) {
            self.backend.health.document_reader(ok);
        }
        let step = self.engine.session().step;
        let visiting = step != Step::Welcome;
        if visiting != self.devices.visiting {
            self.devices.visiting = visiting;
            platform.visit(visiting);
        }
        let closed = self.engine.closed().is_some();
        if closed != self.devices.closed {
            self.devices.closed = closed;
            platform.closed(closed);
        }
        let scans = matches!(step, Step::Identify | Step::Documents);
        if scans != self.devices.scans {
            self.devices.scans = scans;
            platform.want_scans(scans);
        }
    }
}
