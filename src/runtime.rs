//! Performs the engine's effects against the airline system, the printer and the pager, and
//! feeds the answers back. This is the synchronous runtime of the headless check-in; the GUI
//! performs the same effects as background tasks.

use crate::checkin::{Effect, EffectClass, Engine, Event, Page, PrinterFailure};
use crate::dcs::{DcsError, DepartureControl};
use crate::domain::Timestamp;
use crate::print::Printer;

/// What the screen shows about a help request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpStatus {
    /// Committed, not yet delivered anywhere.
    Queued,
    Delivered,
    Acknowledged {
        agent: String,
    },
    Resolved,
    Cancelled,
    /// Nothing could be delivered for too long: send the passenger to a desk.
    Fallback {
        desk: String,
    },
}

impl HelpStatus {
    /// What the engine hears of this status (the engine keeps the one account of the
    /// request that every screen reads); nothing for queued or cancelled, which the engine
    /// already knows.
    pub fn engine_event(&self) -> Option<Event> {
        match self {
            HelpStatus::Delivered => Some(Event::HelpDelivered),
            HelpStatus::Fallback { desk } => Some(Event::HelpUnreachable { desk: desk.clone() }),
            HelpStatus::Acknowledged { agent } => Some(Event::HelpAcknowledged {
                agent: agent.clone(),
            }),
            HelpStatus::Resolved => Some(Event::HelpResolved),
            HelpStatus::Queued | HelpStatus::Cancelled => None,
        }
    }
}

/// Where pages to staff go (the port): `help::Pager` commits them to the outbox and delivers
/// them over HTTP; [`LogPager`] only logs them (reason and step only, never a passenger's name).
pub trait Paging: Send + Sync {
    fn page(&self, page: &Page);
    fn notify_assistance(&self, page: &Page);
    fn maintenance(&self, page: &Page);
    /// The printer works again: its maintenance incidents are over.
    fn printer_back(&self);
    fn cancel(&self, session: u64);
    /// A staff member acted at the kiosk (session `session`): for the desk.
    fn staff_action(&self, _session: u64, _staff: &str, _action: &str, _detail: &str) {}
    /// Staff resolved the session's request in person.
    fn resolve(&self, session: u64) {
        self.cancel(session)
    }
    /// Where the session's help request stands, for the screen (`None`: this pager cannot
    /// tell).
    fn status(&self, _session: u64) -> Option<HelpStatus> {
        None
    }
    /// What is new of the session's help request since the screen last heard `last`: its
    /// status, and what the engine hears of it ([`HelpStatus::engine_event`]). `None`: nothing
    /// new, or this pager cannot tell.
    fn news(&self, session: u64, last: Option<&HelpStatus>) -> Option<(HelpStatus, Option<Event>)> {
        let status = self.status(session)?;
        (last != Some(&status)).then(|| {
            let event = status.engine_event();
            (status, event)
        })
    }
}

/// A pager that writes what it would send to the log.
#[derive(Debug, Default)]
pub struct LogPager;

impl Paging for LogPager {
    fn page(&self, page: &Page) {
        tracing::warn!(
            session = page.session,
            reason = %page.reason.code(),
            step = page.step.code(),
            flight = page.flight.as_deref().unwrap_or("-"),
            "staff paged"
        );
    }

    fn notify_assistance(&self, page: &Page) {
        tracing::info!(
            session = page.session,
            reason = %page.reason.code(),
            flight = page.flight.as_deref().unwrap_or("-"),
            "assistance service notified"
        );
    }

    fn maintenance(&self, page: &Page) {
        tracing::warn!(reason = %page.reason.code(), "maintenance page");
    }

    fn printer_back(&self) {
        tracing::info!("the printer prints again");
    }

    fn cancel(&self, session: u64) {
        tracing::info!(session, "help request closed");
    }
}

/// The adapters the engine's effects are performed against.
pub struct Adapters<'a> {
    pub dcs: &'a dyn DepartureControl,
    pub printer: &'a dyn Printer,
    pub pager: &'a dyn Paging,
    /// Links to boarding passes on a phone.
    pub passes: &'a dyn crate::wallet::PassLinks,
}

/// Is this a question for the airline system (which may take a network's time)?
pub fn asks_airline(effect: &Effect) -> bool {
    effect.class() == EffectClass::Airline
}

/// Does this effect run away from the screen's thread (a question to the airline, a print),
/// one at a time, its answer coming back as an event?
pub fn runs_off_the_screen(effect: &Effect) -> bool {
    effect.class().is_slow()
}

/// Prints a job; the engine's answer.
pub fn print(
    printer: &dyn Printer,
    request: crate::checkin::RequestId,
    job: &crate::checkin::PrintJob,
) -> Event {
    match printer.print(job) {
        Ok(files) => Event::Printed {
            request,
            result: Ok(files.iter().map(|f| f.display().to_string()).collect()),
        },
        Err(e) => {
            tracing::error!(error = %e, "printing failed");
            print_failed(request, e.to_string())
        }
    }
}

/// The engine's answer to a print that failed for `detail`.
pub fn print_failed(request: crate::checkin::RequestId, detail: String) -> Event {
    Event::Printed {
        request,
        result: Err(PrinterFailure { detail }),
    }
}

/// The answer the engine hears when work off the screen failed or overran, `why` its detail;
/// `None` for effects that are not such work. Nothing is logged here: this is worked out before
/// the work starts, in case it fails.
pub fn failed_answer(effect: &Effect, why: &str) -> Option<Event> {
    let unavailable = || DcsError::Unavailable(why.into()).to_failure();
    match effect {
        Effect::FindBooking { request, .. } => Some(Event::BookingFound {
            request: *request,
            result: Err(unavailable()),
        }),
        Effect::LoadSeatMap { request, .. } => Some(Event::SeatMapLoaded {
            request: *request,
            result: Err(unavailable()),
        }),
        Effect::AssignSeats { request, .. } => Some(Event::SeatsAssigned {
            request: *request,
            result: Err(unavailable()),
        }),
        Effect::CheckIn { request, .. } => Some(Event::CheckedIn {
            request: *request,
            result: Err(unavailable()),
        }),
        Effect::ReissueTag { request, .. } => Some(Event::TagReissued {
            request: *request,
            result: Err(unavailable()),
        }),
        Effect::Print { request, .. } => Some(print_failed(*request, why.into())),
        Effect::PhoneLinks { session, .. } => Some(Event::PhoneLinks {
            session: *session,
            result: Err(why.into()),
        }),
        _ => None,
    }
}

/// Performs work that runs away from the screen's thread ([`runs_off_the_screen`]).
pub fn off_the_screen(
    dcs: &dyn DepartureControl,
    printer: &dyn Printer,
    passes: &dyn crate::wallet::PassLinks,
    effect: &Effect,
    now: Timestamp,
) -> Option<Event> {
    match effect {
        Effect::Print { request, job } => Some(print(printer, *request, job)),
        Effect::PhoneLinks { session, job } => Some(phone_links(passes, *session, job)),
        _ => ask_airline(dcs, effect, now),
    }
}

/// Asks the pass service for links to the job's boarding passes.
fn phone_links(
    passes: &dyn crate::wallet::PassLinks,
    session: u64,
    job: &crate::checkin::PrintJob,
) -> Event {
    let result = passes.links(&crate::wallet::passes_of(job));
    if let Err(why) = &result {
        tracing::warn!(%why, "no links to boarding passes on a phone");
    }
    Event::PhoneLinks { session, result }
}

/// Puts a question to the airline system; `None` for effects that are not questions to it.
pub fn ask_airline(dcs: &dyn DepartureControl, effect: &Effect, now: Timestamp) -> Option<Event> {
    match effect {
        Effect::FindBooking {
            request,
            query,
            now,
        } => Some(Event::BookingFound {
            request: *request,
            result: dcs.find_booking(query, *now).map_err(|e| {
                tracing::debug!(error = %e, "booking look-up failed");
                e.to_failure()
            }),
        }),
        Effect::LoadSeatMap { request, flight } => Some(Event::SeatMapLoaded {
            request: *request,
            result: dcs.seat_map(flight).map_err(|e| e.to_failure()),
        }),
        Effect::AssignSeats {
            request,
            reference,
            leg,
            flight,
            seats,
        } => Some(Event::SeatsAssigned {
            request: *request,
            result: dcs
                .assign_seats(reference, *leg, flight, seats)
                .map_err(|e| e.to_failure()),
        }),
        Effect::ReissueTag {
            request,
            passenger,
            plate,
            staff,
        } => Some(Event::TagReissued {
            request: *request,
            result: dcs
                .reissue_bag_tag(*passenger, plate, staff, now)
                .map_err(|e| {
                    tracing::error!(error = %e, "a bag tag could not be reissued");
                    e.to_failure()
                }),
        }),
        Effect::CheckIn { request, order } => Some(Event::CheckedIn {
            request: *request,
            result: dcs.check_in(order, now).map_err(|e| {
                tracing::error!(error = %e, "check-in failed");
                e.to_failure()
            }),
        }),
        _ => None,
    }
}

impl Adapters<'_> {
    /// Performs one effect; returns the answer the engine awaits, if any.
    pub fn perform(&self, effect: &Effect, now: Timestamp) -> Option<Event> {
        tracing::debug!(effect = effect.name(), "performing");
        match effect {
            Effect::FindBooking { .. }
            | Effect::LoadSeatMap { .. }
            | Effect::AssignSeats { .. }
            | Effect::CheckIn { .. }
            | Effect::ReissueTag { .. } => ask_airline(self.dcs, effect, now),
            Effect::Print { request, job } => Some(print(self.printer, *request, job)),
            Effect::PhoneLinks { session, job } => Some(phone_links(self.passes, *session, job)),
            Effect::PageStaff(page) => {
                self.pager.page(page);
                None
            }
            Effect::NotifyAssistance(page) => {
                self.pager.notify_assistance(page);
                None
            }
            Effect::Maintenance(page) => {
                self.pager.maintenance(page);
                None
            }
            Effect::PrinterBack => {
                self.pager.printer_back();
                None
            }
            Effect::CancelPage { session } => {
                self.pager.cancel(*session);
                None
            }
            Effect::ResolvePage { session } => {
                self.pager.resolve(*session);
                None
            }
            Effect::RecordFeedback { .. } | Effect::EndSession { .. } => None,
        }
    }

    /// Applies an event and performs every effect it leads to, feeding answers back until the
    /// engine waits for the passenger again, in the order the kiosk's screen performs them
    /// (the same [`Queue`]: quick effects at once, slow ones one at a time after them). Returns
    /// every effect emitted on the way.
    pub fn drive(&self, engine: &mut Engine, now: Timestamp, event: Event) -> Vec<Effect> {
        let mut all = Vec::new();
        let mut queue = Queue::default();
        let mut events = vec![event];
        loop {
            while let Some(event) = events.pop() {
                for effect in engine.handle(now, event) {
                    all.push(effect.clone());
                    if let Some(quick) = queue.take(effect)
                        && let Some(answer) = self.perform(&quick, now)
                    {
                        events.push(answer);
                    }
                }
            }
            let Some(slow) = queue.next_out() else {
                break;
            };
            if let Some(answer) = self.perform(&slow, now) {
                events.push(answer);
            }
            queue.answered();
        }
        all
    }
}

/// The engine's effects as a runtime takes them: quick ones (a page, a metric) are handed back
/// to be performed at once; slow ones (a question to the airline, a print: see
/// [`runs_off_the_screen`]) wait their turn and go out one at a time, each until its answer is
/// back. The kiosk's screen and `concierge checkin` both run effects through it.
#[derive(Debug, Default)]
pub struct Queue {
    pending: std::collections::VecDeque<Effect>,
    /// A slow effect is out; the next waits for its answer.
    out: bool,
}

impl Queue {
    /// Takes an effect: a slow one is queued (`None`), a quick one handed back.
    pub fn take(&mut self, effect: Effect) -> Option<Effect> {
        if runs_off_the_screen(&effect) {
            self.pending.push_back(effect);
            None
        } else {
            Some(effect)
        }
    }

    /// The next slow effect, if none is out; it is out until [`Queue::answered`].
    pub fn next_out(&mut self) -> Option<Effect> {
        if self.out {
            return None;
        }
        let effect = self.pending.pop_front()?;
        self.out = true;
        Some(effect)
    }

    /// The answer to the effect that was out is back (or it failed): the next may go.
    pub fn answered(&mut self) {
        self.out = false;
    }

    /// Effects wait, and none is out: [`Queue::next_out`] has one.
    pub fn ready(&self) -> bool {
        !self.out && !self.pending.is_empty()
    }

    /// Effects wait or one is out.
    pub fn busy(&self) -> bool {
        self.out || !self.pending.is_empty()
    }

    /// Is an effect like this waiting?
    pub fn holds(&self, like: impl Fn(&Effect) -> bool) -> bool {
        self.pending.iter().any(like)
    }

    /// Forgets what waits (the session ended); an answer still out is still awaited.
    pub fn clear(&mut self) {
        self.pending.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// The fallback answer for a failed question is worked out before every question is
    /// asked: working it out must not log a failure (every good check-in logged "check-in
    /// failed: the airline system is unavailable").
    #[test]
    fn the_fallback_answer_logs_no_failure() {
        #[derive(Clone, Default)]
        struct Log(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Log {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let log = Log::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_writer(move || writer.clone())
            .finish();
        let effect = Effect::CheckIn {
            request: 7,
            order: crate::checkin::CheckInOrder {
                reference: "DEMO01".into(),
                passengers: Vec::new(),
                documents: Vec::new(),
                overrides: Vec::new(),
                staff: None,
            },
        };
        let answer =
            tracing::subscriber::with_default(subscriber, || failed_answer(&effect, "down"));
        assert!(matches!(
            answer,
            Some(Event::CheckedIn {
                request: 7,
                result: Err(_)
            })
        ));
        let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
        assert!(text.is_empty(), "logged: {text}");
    }
}
