//! The engine's state and the parts of `handle` that apply on every screen: idle, help,
//! cancel, exceptions. Step by step logic lives in `flow.rs`.

use super::{
    Choice, DocumentState, Effect, Event, Exception, ExceptionKind, HelpState, IdentifyMethod,
    Notice, Outcome, Page, Reason, RequestId, SessionReport, Settings, Step,
};
use crate::checkin::CheckedInPassenger;
use crate::domain::{Booking, PassengerId, SeatMap, Timestamp};
use chrono::DateTime;
use std::collections::BTreeMap;

/// An effect the engine is waiting on, and what it was (so "try again" can repeat it).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Waiting {
    pub request: RequestId,
    pub effect: Effect,
}

/// Everything about the passenger(s) at the kiosk now. Wiped at the end of every session.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Numbers sessions on this kiosk; one help incident per session.
    pub serial: u64,
    pub locale: String,
    pub step: Step,
    pub method: IdentifyMethod,
    pub failed_lookups: u8,
    pub booking: Option<Booking>,
    /// Passengers checking in now, in booking order.
    pub selected: Vec<PassengerId>,
    pub documents: BTreeMap<PassengerId, DocumentState>,
    /// A document scanned to identify the passenger, used again at the Documents step.
    pub identified_by_document: Option<crate::domain::TravelDocument>,
    /// The leg whose seats are shown (index into the booking's legs).
    pub leg: usize,
    pub seat_map: Option<SeatMap>,
    /// An exit-row seat waiting for the passenger's yes.
    pub exit_question: Option<(PassengerId, crate::domain::Seat)>,
    pub bags: BTreeMap<PassengerId, u8>,
    pub dangerous_goods_acknowledged: bool,
    pub checked_in: Vec<CheckedInPassenger>,
    /// Names of the files the printer produced.
    pub printed: Vec<String>,
    pub feedback: Option<u8>,
    /// After a low score: a person is offered.
    pub feedback_follow_up: bool,
    pub notice: Option<Notice>,
    pub exception: Option<Exception>,
    /// "Need more time?" is shown and the session is wiped at this moment.
    pub idle_deadline: Option<Timestamp>,
    /// The session's help request: the one account of it.
    pub help: HelpState,
    pub last_activity: Timestamp,
    pub step_since: Timestamp,
    pub(super) waiting: Option<Waiting>,
    /// The effect whose failure the current exception reports, for "try again".
    pub(super) last_failed: Option<Effect>,
    /// Seats were confirmed; once the rest of the party is seated, move on.
    pub(super) seats_confirming: bool,
    /// Taps (passenger actions) in this session.
    pub taps: u32,
    /// The document the current exception refused, for a staff override.
    pub pending_document: Option<(PassengerId, crate::domain::TravelDocument)>,
    /// Documents staff accepted over the kiosk's check.
    pub overrides: Vec<super::DocumentOverride>,
    /// Every passenger of the booking was checked in when it was found: this visit reprints,
    /// adds bags or changes a seat, from the Checked-in screen.
    pub returning: bool,
    /// Plates tagged before this visit (never printed again).
    pub tagged_before: Vec<crate::domain::LicencePlate>,
    /// The passenger asked for their boarding passes again: printed as a reprint.
    pub(super) reprinting: bool,
    /// The check-in started with a scan on Welcome.
    pub(super) scanned_on_welcome: bool,
    /// One passenger, a seat held on every leg, scanned on Welcome: Greeting (nobody to choose)
    /// and Seats (the seat is held) are passed over. Back brings them back.
    pub express: bool,
    /// Links that open each passenger's boarding pass on a phone (shown as QRs).
    pub phone_links: Vec<crate::wallet::PassLink>,
    /// Links were asked for and have not come (yet).
    pub phone_asked: bool,
    /// A staff member looks a booking up (the reference is enough).
    pub staff_lookup: Option<String>,
    /// A staff member's authority over a rule, sent with the next check-in.
    pub staff: Option<super::StaffAuthority>,
    /// For the service metrics: when the passenger left Welcome, the furthest step, pages to
    /// staff, the first page's time and its acknowledgement's delay, a printer fault.
    pub(super) started: Option<Timestamp>,
    pub(super) furthest: Step,
    pub(super) help_requests: u32,
    pub(super) first_page_at: Option<Timestamp>,
    pub(super) help_acknowledged_after: Option<i64>,
    pub(super) printer_fault: bool,
}

impl Session {
    fn new(serial: u64, now: Timestamp) -> Self {
        Session {
            serial,
            locale: String::new(),
            step: Step::Welcome,
            method: IdentifyMethod::BookingReference,
            failed_lookups: 0,
            booking: None,
            selected: Vec::new(),
            documents: BTreeMap::new(),
            identified_by_document: None,
            leg: 0,
            seat_map: None,
            exit_question: None,
            bags: BTreeMap::new(),
            dangerous_goods_acknowledged: false,
            checked_in: Vec::new(),
            printed: Vec::new(),
            feedback: None,
            feedback_follow_up: false,
            notice: None,
            exception: None,
            idle_deadline: None,
            help: HelpState::None,
            last_activity: now,
            step_since: now,
            waiting: None,
            last_failed: None,
            seats_confirming: false,
            taps: 0,
            pending_document: None,
            overrides: Vec::new(),
            returning: false,
            tagged_before: Vec::new(),
            reprinting: false,
            scanned_on_welcome: false,
            express: false,
            phone_links: Vec::new(),
            phone_asked: false,
            staff_lookup: None,
            staff: None,
            started: None,
            furthest: Step::Welcome,
            help_requests: 0,
            first_page_at: None,
            help_acknowledged_after: None,
            printer_fault: false,
        }
    }

    /// Is the engine waiting for the airline system or the printer?
    pub fn is_busy(&self) -> bool {
        self.waiting.is_some()
    }

    /// Is a help request open?
    pub fn help_open(&self) -> bool {
        self.help.is_open()
    }

    /// The agent who acknowledged the help request.
    pub fn help_agent(&self) -> Option<&str> {
        self.help.agent()
    }

    /// Seconds left on the "Need more time?" countdown.
    pub fn idle_seconds_left(&self, now: Timestamp) -> Option<i64> {
        self.idle_deadline.map(|d| (d - now).num_seconds().max(0))
    }
}

/// The check-in engine of one kiosk: the current session plus what outlives it.
#[derive(Debug, Clone)]
pub struct Engine {
    pub(super) settings: Settings,
    pub(super) session: Session,
    next_request: RequestId,
    /// Why the kiosk offers no check-in (its printer cannot print).
    pub(super) out_of_service: Option<String>,
    /// Why the CUSS platform holds the kiosk (see [`Event::PlatformHold`]).
    pub(super) platform_hold: Option<String>,
    /// Staff closed the kiosk (their id).
    pub(super) closed: Option<String>,
}

impl Engine {
    /// `first_session` numbers the first session; give a value that differs across restarts
    /// (e.g. the start time in milliseconds) so incident keys never repeat.
    pub fn new(settings: Settings, first_session: u64) -> Self {
        Engine {
            settings,
            session: Session::new(first_session, DateTime::UNIX_EPOCH),
            next_request: 1,
            out_of_service: None,
            platform_hold: None,
            closed: None,
        }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// New settings (a reloaded config) apply from the next session, never mid-way.
    pub fn set_settings(&mut self, settings: Settings) -> bool {
        if self.session.step == Step::Welcome {
            self.settings = settings;
            true
        } else {
            false
        }
    }

    pub fn out_of_service(&self) -> Option<&str> {
        self.out_of_service
            .as_deref()
            .or(self.platform_hold.as_deref())
    }

    /// Staff closed the kiosk: who.
    pub fn closed(&self) -> Option<&str> {
        self.closed.as_deref()
    }

    /// Can staff accept the document the current exception refused?
    pub fn can_override(&self) -> bool {
        use ExceptionKind::*;
        self.session.pending_document.is_some()
            && self.session.exception.as_ref().is_some_and(|e| {
                matches!(
                    e.kind,
                    DocumentExpired | DocumentNameMismatch | VisaRequired | AddressRequired
                )
            })
    }

    /// Can staff print this session's documents again?
    pub fn can_reprint(&self) -> bool {
        self.session.waiting.is_none()
            && (!self.session.checked_in.is_empty()
                || (self.session.returning && !self.settings.bag_drop))
    }

    /// May staff replace this bag tag of this passenger (checked in, the tag theirs)?
    pub fn can_reissue_tag(
        &self,
        passenger: PassengerId,
        plate: &crate::domain::LicencePlate,
    ) -> bool {
        self.session.waiting.is_none()
            && self
                .session
                .booking
                .as_ref()
                .and_then(|b| b.passenger(passenger))
                .is_some_and(|p| {
                    p.bag_tags.contains(plate) && p.legs.iter().all(|l| l.checked_in.is_some())
                })
    }

    /// Has check-in closed on a flight that has not left, so that staff may check in late?
    pub fn can_check_in_late(&self, now: Timestamp) -> bool {
        self.session.waiting.is_none()
            && self
                .session
                .exception
                .as_ref()
                .is_some_and(|e| e.kind == ExceptionKind::CheckinClosed)
            && self
                .session
                .booking
                .as_ref()
                .and_then(|b| b.legs.first())
                .is_some_and(|f| now < f.departure)
    }

    /// The one entry point: apply an event at time `now`, get the effects to perform.
    pub fn handle(&mut self, now: Timestamp, event: Event) -> Vec<Effect> {
        let mut fx = Vec::new();
        if event.is_passenger_action() && self.session.step != Step::Welcome {
            self.session.last_activity = now;
            self.session.idle_deadline = None;
        }
        if event.is_tap() {
            self.session.taps += 1;
        }
        match event {
            Event::Tick => self.tick(now, &mut fx),
            Event::MoreTime | Event::Touch => {}
            Event::Help => self.page(now, Reason::PassengerAsked, &mut fx),
            Event::CancelHelp => {
                if self.session.help_open() {
                    self.session.help = HelpState::None;
                    fx.push(Effect::CancelPage {
                        session: self.session.serial,
                    });
                }
            }
            Event::HelpDelivered => {
                // Delivered; or the agent on the way let it go at the desk: waiting again.
                if matches!(
                    self.session.help,
                    HelpState::Asked | HelpState::Coming { .. }
                ) {
                    self.session.help = HelpState::Delivered;
                }
            }
            Event::HelpUnreachable { desk } => {
                // The pager reports an agent on the way over a timeout, so this comes while one
                // is coming only when the agent let the page go at the desk.
                if matches!(
                    self.session.help,
                    HelpState::Asked | HelpState::Delivered | HelpState::Coming { .. }
                ) {
                    self.session.help = HelpState::Unreachable { desk, since: now };
                }
            }
            Event::HelpAcknowledged { agent } => {
                if self.session.help_open() {
                    self.session.help = HelpState::Coming { agent };
                    if self.session.help_acknowledged_after.is_none()
                        && let Some(at) = self.session.first_page_at
                    {
                        self.session.help_acknowledged_after = Some((now - at).num_seconds());
                    }
                }
            }
            Event::HelpResolved => {
                if self.session.help_open() {
                    self.session.help = HelpState::Resolved;
                }
                self.session.last_activity = now;
            }
            Event::Cancel => {
                if self.session.step != Step::Welcome {
                    self.end_session(now, Outcome::Cancelled, &mut fx);
                }
            }
            Event::PrinterRestored => {
                self.out_of_service = None;
                self.forget_notice(Notice::OutOfService);
                fx.push(Effect::PrinterBack);
            }
            Event::PrinterFault { detail } => {
                // The kiosk, not a passenger, needs someone: a maintenance page of its own.
                if self.out_of_service.is_none() {
                    fx.push(Effect::Maintenance(self.make_page(
                        now,
                        Reason::Exception(ExceptionKind::PrinterFailure),
                    )));
                }
                self.out_of_service = Some(detail);
            }
            Event::PrinterPaperLow => {
                fx.push(Effect::Maintenance(
                    self.make_page(now, Reason::PrinterPaperLow),
                ));
            }
            Event::Choose(choice) => self.choose(now, choice, &mut fx),
            Event::StaffOverride { staff, reason } => {
                self.session.last_activity = now;
                self.staff_override(now, staff, reason, &mut fx);
            }
            Event::StaffReprint { staff } => {
                self.session.last_activity = now;
                if self.can_reprint() {
                    self.session.exception = None;
                    if self.session.checked_in.is_empty() {
                        // Checked in at another visit (perhaps past the reprint limit): the
                        // airline's check-in once more, on the agent's authority.
                        self.session.staff = Some(super::StaffAuthority {
                            staff,
                            action: super::StaffOverrideKind::Reprint,
                            reason: String::new(),
                        });
                        self.staff_reissue(now, &mut fx);
                    } else {
                        self.reprint(now, &mut fx);
                    }
                }
            }
            Event::StaffReissueTag {
                staff,
                passenger,
                plate,
            } => {
                self.session.last_activity = now;
                if self.can_reissue_tag(passenger, &plate) {
                    self.await_effect(
                        |request| Effect::ReissueTag {
                            request,
                            passenger,
                            plate,
                            staff,
                        },
                        &mut fx,
                    );
                }
            }
            Event::StaffFind { staff } => {
                if self.session.waiting.is_none() {
                    if self.session.step != Step::Welcome {
                        self.end_session(now, Outcome::Cancelled, &mut fx);
                    }
                    self.session.last_activity = now;
                    self.session.method = IdentifyMethod::BookingReference;
                    self.session.staff_lookup = Some(staff);
                    self.goto(now, Step::Identify);
                }
            }
            Event::StaffLateCheckIn { staff, reason } => {
                self.session.last_activity = now;
                self.late_check_in(now, staff, reason);
            }
            Event::CloseKiosk { by } => self.closed = Some(by),
            Event::PlatformHold { why } => {
                self.platform_hold = Some(why);
                if self.session.step != Step::Welcome {
                    self.session.notice = Some(Notice::DevicesPaused);
                }
            }
            Event::PlatformReady => {
                self.platform_hold = None;
                self.forget_notice(Notice::DevicesPaused);
                if self.out_of_service.is_none() {
                    self.forget_notice(Notice::OutOfService);
                }
            }
            Event::PhoneLinks { session, result } => {
                // Links of a session that has ended are dropped: nobody may inherit them.
                if session == self.session.serial && self.session.phone_asked {
                    self.session.phone_asked = false;
                    match result {
                        Ok(links) => self.session.phone_links = links,
                        Err(why) => tracing::info!(%why, "no phone-pass links"),
                    }
                }
            }
            Event::OpenKiosk => {
                self.closed = None;
                // "The kiosk is closed" from a tap while it was must not outlive the closing.
                self.forget_notice(Notice::KioskClosed);
            }
            Event::StaffResolveHelp => {
                self.session.last_activity = now;
                if self.session.help_open() {
                    self.session.help = HelpState::Resolved;
                    fx.push(Effect::ResolvePage {
                        session: self.session.serial,
                    });
                }
            }
            Event::Back if self.session.exception.is_some() => {
                if self.session.waiting.is_none() {
                    self.back_from_exception(now);
                }
            }
            other => {
                if self.is_answer(&other) {
                    self.answer(now, other, &mut fx);
                } else if self.session.waiting.is_none() && self.session.exception.is_none() {
                    self.session.notice = None;
                    self.step_event(now, other, &mut fx);
                }
            }
        }
        let s = &mut self.session;
        if s.step != Step::Welcome && s.started.is_none() {
            s.started = Some(now);
        }
        s.furthest = s.furthest.max(s.step);
        fx
    }

    /// Takes a notice off the screen if it is this one.
    fn forget_notice(&mut self, notice: Notice) {
        if self.session.notice.as_ref() == Some(&notice) {
            self.session.notice = None;
        }
    }

    fn is_answer(&self, event: &Event) -> bool {
        matches!(
            event,
            Event::BookingFound { .. }
                | Event::SeatMapLoaded { .. }
                | Event::SeatsAssigned { .. }
                | Event::CheckedIn { .. }
                | Event::TagReissued { .. }
                | Event::Printed { .. }
        )
    }

    /// Takes the answer if it is the one awaited; a stale answer is dropped.
    fn answer(&mut self, now: Timestamp, event: Event, fx: &mut Vec<Effect>) {
        let request = match &event {
            Event::BookingFound { request, .. }
            | Event::SeatMapLoaded { request, .. }
            | Event::SeatsAssigned { request, .. }
            | Event::CheckedIn { request, .. }
            | Event::TagReissued { request, .. }
            | Event::Printed { request, .. } => *request,
            _ => return,
        };
        match &self.session.waiting {
            Some(w) if w.request == request => {}
            _ => return,
        }
        let waiting = self.session.waiting.take();
        self.answer_event(now, event, waiting.map(|w| w.effect), fx);
    }

    fn tick(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        let s = &self.session;
        match s.step {
            Step::Welcome => {}
            Step::Goodbye if !s.help_open() => {
                if now - s.step_since >= self.settings.goodbye {
                    self.end_session(now, Outcome::Completed, fx);
                }
            }
            _ => {
                // A passenger waiting on the airline system or the printer is not idle.
                if s.waiting.is_some() {
                    self.session.idle_deadline = None;
                    return;
                }
                // Someone waiting for an agent gets longer, but "Need more time?" still comes:
                // a passenger who walked away while Help was on the way leaves nothing open to
                // the next person. Sent to a desk because nobody could be reached, they are
                // expected to go: the usual time, counted from when they were told.
                let (since, idle) = match &s.help {
                    HelpState::Unreachable { since, .. } => {
                        (s.last_activity.max(*since), self.settings.idle)
                    }
                    h if h.is_open() => (s.last_activity, self.settings.idle_with_help),
                    _ => (s.last_activity, self.settings.idle),
                };
                match s.idle_deadline {
                    None if now - since >= idle => {
                        self.session.idle_deadline = Some(now + self.settings.warning);
                    }
                    Some(deadline) if now >= deadline => {
                        let outcome = if s.step == Step::Goodbye {
                            Outcome::Completed
                        } else {
                            Outcome::TimedOut
                        };
                        self.end_session(now, outcome, fx);
                    }
                    _ => {}
                }
            }
        }
    }

    /// Wipes the session: no passenger data survives; Welcome returns.
    pub(super) fn end_session(&mut self, now: Timestamp, outcome: Outcome, fx: &mut Vec<Effect>) {
        if self.session.help_open() {
            fx.push(Effect::CancelPage {
                session: self.session.serial,
            });
        }
        let s = &self.session;
        let report = SessionReport {
            outcome,
            last_step: s.step,
            furthest: s.furthest.max(s.step),
            locale: s.locale.clone(),
            seconds: s.started.map(|t| (now - t).num_seconds()).unwrap_or(0),
            taps: s.taps,
            help_requests: s.help_requests,
            help_acknowledged_after: s.help_acknowledged_after,
            help_unanswered_after: match (s.help_acknowledged_after, s.first_page_at) {
                (None, Some(at)) => Some((now - at).num_seconds().max(0)),
                _ => None,
            },
            printer_fault: s.printer_fault,
            feedback: s.feedback,
        };
        fx.push(Effect::EndSession {
            session: self.session.serial,
            outcome,
            last_step: self.session.step,
            report,
        });
        self.session = Session::new(self.session.serial + 1, now);
    }

    pub(super) fn request_id(&mut self) -> RequestId {
        let id = self.next_request;
        self.next_request += 1;
        id
    }

    /// Emits an effect that expects an answer and waits for it.
    pub(super) fn await_effect(
        &mut self,
        make: impl FnOnce(RequestId) -> Effect,
        fx: &mut Vec<Effect>,
    ) {
        let request = self.request_id();
        let effect = make(request);
        self.session.waiting = Some(Waiting {
            request,
            effect: effect.clone(),
        });
        fx.push(effect);
    }

    pub(super) fn goto(&mut self, now: Timestamp, step: Step) {
        self.session.step = step;
        self.session.step_since = now;
        self.session.notice = None;
    }

    /// Enters an exception; pages staff at once where only a person can act.
    pub(super) fn raise(&mut self, now: Timestamp, mut exception: Exception, fx: &mut Vec<Effect>) {
        if exception.kind == ExceptionKind::BookingNotFound
            && exception.attempts >= self.settings.attempts_before_help
            && !exception.choices.contains(&Choice::Staff)
        {
            exception.choices.push(Choice::Staff);
        }
        let kind = exception.kind;
        self.session.exception = Some(exception);
        if kind.pages_staff() {
            self.page(now, Reason::Exception(kind), fx);
        }
    }

    pub(super) fn make_page(&self, now: Timestamp, reason: Reason) -> Page {
        let s = &self.session;
        let flight = s.booking.as_ref().and_then(|b| b.legs.first());
        let first_name = if self.settings.page_first_name {
            s.booking.as_ref().and_then(|b| {
                let id = s.selected.first()?;
                Some(b.passenger(*id)?.name.first_name())
            })
        } else {
            None
        };
        let service = match (&reason, &s.exception) {
            (Reason::Exception(ExceptionKind::SpecialService), Some(e)) => e.detail.clone(),
            _ => None,
        };
        Page {
            session: s.serial,
            reason,
            step: s.step,
            locale: s.locale.clone(),
            flight: flight.map(|f| f.designator()),
            minutes_until_close: flight.map(|f| f.minutes_until_close(now)),
            closes_at: flight.map(|f| f.checkin.closes),
            service,
            first_name,
            at: now,
        }
    }

    /// Pages staff: opens the session's incident, or updates it if already open.
    pub(super) fn page(&mut self, now: Timestamp, reason: Reason, fx: &mut Vec<Effect>) {
        if self.session.step == Step::Welcome && reason == Reason::PassengerAsked {
            // Someone at an idle kiosk asking for help: still a person to help.
            self.session.last_activity = now;
        }
        if !self.session.help_open() {
            self.session.help_requests += 1;
            self.session.help = HelpState::Asked;
        }
        self.session.first_page_at.get_or_insert(now);
        if reason == Reason::Exception(ExceptionKind::PrinterFailure) {
            self.session.printer_fault = true;
        }
        self.session.idle_deadline = None;
        if let Some(e) = &mut self.session.exception
            && Reason::Exception(e.kind) == reason
        {
            e.staff_paged = true;
        }
        fx.push(Effect::PageStaff(self.make_page(now, reason)));
    }

    fn choose(&mut self, now: Timestamp, choice: Choice, fx: &mut Vec<Effect>) {
        if self.session.step == Step::Feedback && self.session.feedback_follow_up {
            if choice == Choice::Staff {
                self.page(now, Reason::UnhappyPassenger, fx);
                self.goto(now, Step::Goodbye);
            }
            return;
        }
        let Some(exception) = self.session.exception.clone() else {
            return;
        };
        if !exception.choices.contains(&choice) {
            return;
        }
        match choice {
            Choice::Staff => {
                // Once more if the earlier request was cancelled or resolved.
                if !self.session.help_open() {
                    self.page(now, Reason::Exception(exception.kind), fx);
                }
            }
            Choice::AnotherWay => {
                self.session.exception = None;
                self.session.booking = None;
                self.session.selected.clear();
                self.goto(now, Step::Identify);
            }
            Choice::ContinueWithoutBags => {
                self.session.exception = None;
                for count in self.session.bags.values_mut() {
                    *count = 0;
                }
                self.advance(now, fx);
            }
            Choice::TryAgain => {
                self.session.exception = None;
                self.try_again(now, exception, fx);
            }
        }
    }

    fn try_again(&mut self, now: Timestamp, exception: Exception, fx: &mut Vec<Effect>) {
        use ExceptionKind::*;
        match exception.kind {
            BookingNotFound => self.goto(now, Step::Identify),
            DocumentExpired | DocumentNameMismatch | DocumentMissing => {
                if let Some(p) = exception.passenger {
                    self.session.documents.insert(p, DocumentState::NeedsScan);
                }
                self.goto(now, Step::Documents);
            }
            ExcessBaggage => self.goto(now, Step::Bags),
            NoSeat => self.goto(now, Step::Seats),
            AirlineSystemUnavailable | PrinterFailure => {
                if let Some(effect) = self.session.last_failed.take() {
                    let reprint = exception.kind == PrinterFailure;
                    self.await_effect(|request| retarget(effect, request, now, reprint), fx);
                } else {
                    self.goto(now, Step::Identify);
                }
            }
            _ => {}
        }
    }
}

/// The same effect under a new request id (for "try again").
fn retarget(effect: Effect, new: RequestId, now: Timestamp, reprint: bool) -> Effect {
    match effect {
        Effect::FindBooking { query, .. } => Effect::FindBooking {
            request: new,
            query,
            now,
        },
        Effect::LoadSeatMap { flight, .. } => Effect::LoadSeatMap {
            request: new,
            flight,
        },
        Effect::AssignSeats {
            reference,
            leg,
            flight,
            seats,
            ..
        } => Effect::AssignSeats {
            request: new,
            reference,
            leg,
            flight,
            seats,
        },
        Effect::CheckIn { order, .. } => Effect::CheckIn {
            request: new,
            order,
        },
        Effect::Print { mut job, .. } => {
            job.reprint |= reprint;
            Effect::Print { request: new, job }
        }
        other => other,
    }
}
