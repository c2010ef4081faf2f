//! The passenger's path, step by step: what each screen's events do, what each answer from the
//! airline system or the printer does, and where the path goes next.

use super::engine::Engine;
use super::{
    BookingQuery, CheckInOrder, DcsFailure, DocumentState, Effect, Event, Exception, ExceptionKind,
    Identification, IdentifyMethod, Notice, Outcome, PrintJob, Reason, Step,
};
use super::{CheckedInPassenger, DocumentsStep};
use crate::documents::is_holder;
use crate::domain::{
    Booking, CheckinStatus, FlightStatus, Passenger, PassengerId, PassengerType, SeatStatus,
    Timestamp, TravelDocument, normalize_surname_input,
};

impl Engine {
    /// A passenger's event on the current step (not waiting, no exception shown).
    pub(super) fn step_event(&mut self, now: Timestamp, event: Event, fx: &mut Vec<Effect>) {
        let step = self.session.step;
        let scanned = matches!(event, Event::StartScanned { .. });
        match (step, event) {
            (Step::Welcome, Event::Start { locale } | Event::StartScanned { locale }) => {
                if self.closed.is_some() {
                    self.session.notice = Some(Notice::KioskClosed);
                    return;
                }
                if self.out_of_service().is_some() {
                    self.session.notice = Some(Notice::OutOfService);
                    return;
                }
                self.session.locale = locale;
                self.session.last_activity = now;
                self.session.scanned_on_welcome = scanned;
                self.goto(now, Step::Identify);
            }
            (Step::Identify, Event::ChooseMethod(method)) => self.session.method = method,
            (_, Event::ChangeLanguage { locale }) if step != Step::Welcome => {
                self.session.locale = locale;
            }
            (Step::Identify | Step::Documents, Event::DocumentUnreadable(message)) => {
                self.session.notice = Some(Notice::UnreadableDocument(message));
            }
            (Step::Identify, Event::Identify(id)) => self.identify(now, id, fx),
            (Step::Identify, Event::Back) => self.end_session(now, Outcome::Cancelled, fx),
            (Step::Greeting | Step::CheckedIn, Event::TogglePassenger(id)) => self.toggle(id),
            (Step::Greeting, Event::ConfirmPassengers) => self.confirm_passengers(now, fx),
            (Step::Documents, Event::ConfirmDocumentOnFile(id)) => {
                if let Some(DocumentState::OnFile(doc)) = self.session.documents.get(&id).cloned() {
                    self.accept_document(now, id, doc, fx);
                }
            }
            (Step::Documents, Event::RejectDocumentOnFile(id)) => {
                if matches!(
                    self.session.documents.get(&id),
                    Some(DocumentState::OnFile(_))
                ) {
                    self.session.documents.insert(id, DocumentState::NeedsScan);
                }
            }
            (Step::Documents, Event::DocumentScanned(doc)) => {
                if !doc.kind.is_identity() {
                    self.session.notice = Some(Notice::NotAnIdentityDocument);
                    return;
                }
                // The holder among those still to do (by name), else the first who must scan.
                let todo = self.documents_to_do();
                let booking = self.session.booking.as_ref();
                let holder = todo.iter().copied().find(|id| {
                    booking
                        .and_then(|b| b.passenger(*id))
                        .is_some_and(|p| is_holder(&doc.surname, &doc.given_names, p))
                });
                let needs_scan = todo.iter().copied().find(|id| {
                    matches!(
                        self.session.documents.get(id),
                        Some(DocumentState::NeedsScan)
                    )
                });
                if let Some(id) = holder.or(needs_scan).or(todo.first().copied()) {
                    self.accept_document(now, id, doc, fx);
                }
            }
            (Step::Seats, Event::ChooseSeat { passenger, seat }) => {
                self.choose_seat(passenger, seat, fx)
            }
            (Step::Seats, Event::AnswerExitRow(yes)) => {
                if let Some((passenger, seat)) = self.session.exit_question.take()
                    && yes
                {
                    self.assign_seats(vec![(passenger, seat)], fx);
                }
            }
            (Step::Seats, Event::ConfirmSeats) => self.confirm_seats(now, fx),
            (Step::Bags, Event::SetBags { passenger, count })
                if self.bag_passengers().contains(&passenger) =>
            {
                // A bag already tagged may be at the drop or on its way: the kiosk never
                // takes it off (staff do, at the desk).
                let count = count.max(self.bags_checked(passenger));
                self.session.bags.insert(passenger, count);
            }
            (Step::Bags, Event::ConfirmBags) => self.confirm_bags(now, fx),
            (Step::DangerousGoods, Event::AcknowledgeDangerousGoods) => {
                self.session.dangerous_goods_acknowledged = true;
                self.advance(now, fx);
            }
            (Step::Review, Event::ConfirmReview) => self.check_in(now, fx),
            (Step::CheckedIn, Event::Reprint) if self.reprints_here() => self.reissue(now, fx),
            (Step::CheckedIn, Event::AddBags) if self.can_add_bags(now) => {
                self.enter(now, Step::Bags, fx)
            }
            (Step::CheckedIn, Event::ChangeSeat) if self.can_change_seat(now) => {
                self.enter(now, Step::Seats, fx)
            }
            (Step::CheckedIn, Event::PassOnPhone) => self.phone_from_booking(now, fx),
            (Step::Feedback, Event::GiveFeedback(score)) if (1..=5).contains(&score) => {
                self.session.feedback = Some(score);
                fx.push(Effect::RecordFeedback {
                    score,
                    locale: self.session.locale.clone(),
                });
                if score <= 2 {
                    self.session.feedback_follow_up = true;
                } else {
                    self.goto(now, Step::Goodbye);
                }
            }
            (Step::Feedback, Event::SkipFeedback | Event::Finish) => self.goto(now, Step::Goodbye),
            (Step::Goodbye, Event::Finish) => self.end_session(now, Outcome::Completed, fx),
            (_, Event::Back) => self.back(now, fx),
            _ => {}
        }
    }

    /// An awaited answer from the airline system or the printer.
    pub(super) fn answer_event(
        &mut self,
        now: Timestamp,
        event: Event,
        effect: Option<Effect>,
        fx: &mut Vec<Effect>,
    ) {
        match event {
            Event::BookingFound { result, .. } => match result {
                Ok(booking) => self.booking_found(now, booking, fx),
                Err(DcsFailure::NotFound) => {
                    self.session.failed_lookups += 1;
                    let mut e = Exception::new(ExceptionKind::BookingNotFound);
                    e.attempts = self.session.failed_lookups;
                    self.raise(now, e, fx);
                }
                Err(failure) => self.dcs_failed(now, failure, effect, fx),
            },
            Event::SeatMapLoaded { result, .. } => match result {
                Ok(map) => self.session.seat_map = Some(map),
                Err(failure) => self.dcs_failed(now, failure, effect, fx),
            },
            Event::SeatsAssigned { result, .. } => match result {
                Ok(assigned) => {
                    self.seats_assigned(&assigned);
                    if self.session.seats_confirming {
                        self.session.seats_confirming = false;
                        self.confirm_seats(now, fx);
                    }
                }
                Err(DcsFailure::SeatTaken(seat)) => {
                    self.session.seats_confirming = false;
                    self.session.notice = Some(Notice::SeatTaken(seat));
                    self.load_seat_map(fx);
                }
                Err(failure) => self.dcs_failed(now, failure, effect, fx),
            },
            Event::CheckedIn { result, .. } => match result {
                Ok(passengers) => {
                    if let Some(booking) = &mut self.session.booking {
                        for done in &passengers {
                            if let Some(p) = booking
                                .passengers
                                .iter_mut()
                                .find(|p| p.id == done.passenger)
                            {
                                for (leg, record) in p.legs.iter_mut().zip(&done.legs) {
                                    leg.checked_in = Some(record.clone());
                                    leg.seat = record.seat;
                                }
                                p.bag_tags = done.bag_tags.clone();
                            }
                        }
                    }
                    self.session.checked_in = passengers;
                    self.print(now, fx);
                }
                Err(DcsFailure::SeatTaken(seat)) => {
                    let mut e = Exception::new(ExceptionKind::NoSeat);
                    e.detail = Some(seat.to_string());
                    self.raise(now, e, fx);
                }
                Err(failure) => self.dcs_failed(now, failure, effect, fx),
            },
            Event::TagReissued { result, .. } => match (result, effect) {
                (Ok(plates), Some(Effect::ReissueTag { passenger, .. })) => {
                    self.tag_reissued(now, passenger, plates, fx)
                }
                (Err(failure), effect) => self.dcs_failed(now, failure, effect, fx),
                _ => {}
            },
            Event::Printed { result, .. } => match result {
                Ok(files) => {
                    self.session.printed = files;
                    self.out_of_service = None;
                    if let Some(Effect::Print { job, .. }) = effect {
                        self.ask_phone_links(job, fx);
                    }
                    // A reprint from Feedback or Goodbye stays where it is.
                    if self.session.step == Step::Printing {
                        self.advance(now, fx);
                    }
                }
                Err(failure) => {
                    self.out_of_service = Some(failure.detail.clone());
                    self.session.last_failed = effect;
                    let mut e = Exception::new(ExceptionKind::PrinterFailure);
                    e.detail = Some(failure.detail);
                    self.raise(now, e, fx);
                }
            },
            _ => {}
        }
    }

    fn dcs_failed(
        &mut self,
        now: Timestamp,
        failure: DcsFailure,
        effect: Option<Effect>,
        fx: &mut Vec<Effect>,
    ) {
        let exception = match failure {
            DcsFailure::Refused(detail) => {
                let mut e = Exception::new(ExceptionKind::Refused);
                e.detail = Some(detail);
                e
            }
            DcsFailure::Unavailable(detail) => {
                self.session.last_failed = effect;
                let mut e = Exception::new(ExceptionKind::AirlineSystemUnavailable);
                e.detail = Some(detail);
                e
            }
            DcsFailure::NoBoard(passenger) => {
                let mut e = Exception::new(ExceptionKind::NoBoard);
                e.passenger = Some(passenger);
                e
            }
            DcsFailure::NotFound | DcsFailure::SeatTaken(_) => {
                let mut e = Exception::new(ExceptionKind::Refused);
                e.detail = Some("the airline system no longer knows this booking".into());
                e
            }
        };
        self.raise(now, exception, fx);
    }

    /// The steps this session takes, in order: [`Step::PATH`] less what the operator switched
    /// off (Documents only for an international booking, if so configured: until the booking
    /// is known it counts unless switched off altogether).
    pub fn path(&self) -> Vec<Step> {
        Step::PATH
            .iter()
            .copied()
            .filter(|s| {
                self.enabled(*s)
                    || (*s == Step::Documents
                        && self.session.booking.is_none()
                        && self.settings.documents != DocumentsStep::Never)
            })
            .collect()
    }

    /// Where the passenger is in their own steps, and how many there are: (2, 8) on Greeting
    /// with every step on; `None` off the numbered steps, and on Identify while the count
    /// depends on the booking still unknown (Documents only when travelling abroad): a count
    /// that changed under the passenger ("Step 1 of 8", then "Step 2 of 7") would be wrong once.
    pub fn step_of(&self) -> Option<(usize, usize)> {
        if self.session.booking.is_none() && self.settings.documents == DocumentsStep::International
        {
            return None;
        }
        let numbered: Vec<Step> = self
            .path()
            .into_iter()
            .filter(|s| s.is_numbered())
            .collect();
        let here = numbered.iter().position(|s| *s == self.session.step)?;
        Some((here + 1, numbered.len()))
    }

    /// Whether Back does something now (a screen shows the button only then).
    pub fn can_go_back(&self) -> bool {
        if self.session.is_busy() {
            return false;
        }
        match self.session.exception {
            Some(_) => self.can_leave_exception(),
            None => self.session.step.has_back(),
        }
    }

    /// Who may have bags checked: the selected passengers, less infants without an allowance
    /// of their own (a lap infant's things travel in the adult's allowance).
    pub fn bag_passengers(&self) -> Vec<PassengerId> {
        let Some(booking) = self.session.booking.as_ref() else {
            return Vec::new();
        };
        self.session
            .selected
            .iter()
            .copied()
            .filter(|id| {
                booking
                    .passenger(*id)
                    .is_some_and(|p| p.kind != PassengerType::Infant || p.baggage_allowance > 0)
            })
            .collect()
    }

    /// Bags this passenger already has tags for (checked at an earlier visit): the least
    /// the Bags step offers, and what a check-in again keeps.
    pub fn bags_checked(&self, id: PassengerId) -> u8 {
        self.passenger(id)
            .map_or(0, |p| u8::try_from(p.bag_tags.len()).unwrap_or(u8::MAX))
    }

    /// Whether Back does something now on an exception screen: it leaves the exception for
    /// the screen it arose on (Identify, the passengers, Documents, Seats, Bags). After the
    /// check-in (Printing) there is nothing to go back to, and the button is not shown.
    pub(super) fn can_leave_exception(&self) -> bool {
        matches!(
            self.session.step,
            Step::Identify
                | Step::Greeting
                | Step::CheckedIn
                | Step::Documents
                | Step::Seats
                | Step::Bags
        )
    }

    /// Back on an exception screen: to the screen it arose on; from Identify (the booking was
    /// found but cannot be checked in here) to an empty Identify, the booking forgotten.
    pub(super) fn back_from_exception(&mut self, now: Timestamp) {
        if !self.can_leave_exception() {
            return;
        }
        self.session.exception = None;
        self.session.pending_document = None;
        let step = self.session.step;
        if step == Step::Identify {
            self.session.booking = None;
            self.session.selected.clear();
            self.session.documents.clear();
            self.session.identified_by_document = None;
        }
        self.goto(now, step);
    }

    /// Is this step part of this check-in?
    fn enabled(&self, step: Step) -> bool {
        match step {
            // Checked in already: the documents were checked then.
            Step::Documents if self.session.returning => false,
            Step::Documents => match self.settings.documents {
                DocumentsStep::Always => true,
                DocumentsStep::Never => false,
                DocumentsStep::International => self
                    .session
                    .booking
                    .as_ref()
                    .is_some_and(Booking::is_international),
            },
            Step::Greeting => !self.session.returning,
            Step::CheckedIn => self.session.returning,
            Step::Seats => self.settings.seats && !self.session.express && !self.late(),
            // Past the close, bags go through the agent (bag drop may have closed too).
            Step::Bags => self.settings.bags && !self.late(),
            // 49 CFR 175.25 and ICAO: never switched off.
            Step::DangerousGoods => true,
            Step::Feedback => self.settings.feedback,
            _ => true,
        }
    }

    /// Checked in past the close on a staff member's authority.
    fn late(&self) -> bool {
        self.session
            .staff
            .as_ref()
            .is_some_and(|s| s.action == super::StaffOverrideKind::LateCheckIn)
    }

    /// Moves to the next step of the path that is switched on.
    pub(super) fn advance(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        let here = Step::PATH
            .iter()
            .position(|s| *s == self.session.step)
            .unwrap_or(0);
        let next = Step::PATH[here + 1..]
            .iter()
            .copied()
            .find(|s| self.enabled(*s))
            .unwrap_or(Step::Goodbye);
        self.enter(now, next, fx);
    }

    fn back(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        let step = self.session.step;
        // Back shows what the expert's way passed over.
        self.session.express = false;
        // (Identify's Back ends the session: see `step_event`.)
        if !step.has_back() || step == Step::Identify {
            return;
        }
        if step == Step::Seats && self.session.leg > 0 {
            self.session.leg -= 1;
            self.session.exit_question = None;
            self.load_seat_map(fx);
            return;
        }
        if step == Step::Greeting || step == Step::CheckedIn {
            self.session.booking = None;
            self.session.selected.clear();
            self.session.documents.clear();
            self.session.identified_by_document = None;
            self.session.returning = false;
            self.session.tagged_before.clear();
            self.goto(now, Step::Identify);
            return;
        }
        // A returning passenger's seat or bags: back to what else they can do.
        if self.session.returning && matches!(step, Step::Seats | Step::Bags) {
            self.session.bags.clear();
            self.session.exit_question = None;
            self.goto(now, Step::CheckedIn);
            return;
        }
        let here = Step::PATH.iter().position(|s| *s == step).unwrap_or(0);
        // Documents all accepted would move straight on again: step over them.
        let documents_done =
            !self.session.documents.is_empty() && self.documents_to_do().is_empty();
        let previous = Step::PATH[..here]
            .iter()
            .rev()
            .copied()
            .find(|s| self.enabled(*s) && !(*s == Step::Documents && documents_done))
            .unwrap_or(Step::Greeting);
        self.enter(now, previous, fx);
        if previous == Step::Seats {
            let legs = self.session.booking.as_ref().map_or(1, |b| b.legs.len());
            self.session.leg = legs - 1;
            self.load_seat_map(fx);
        }
    }

    /// Enters a step and does what the step needs first.
    fn enter(&mut self, now: Timestamp, step: Step, fx: &mut Vec<Effect>) {
        self.goto(now, step);
        match step {
            Step::Documents => {
                self.prepare_documents(now, fx);
            }
            Step::Seats => {
                self.session.leg = 0;
                self.session.exit_question = None;
                self.load_seat_map(fx);
            }
            Step::Bags => {
                // A passenger already checked in starts from the bags already tagged.
                for id in self.session.selected.clone() {
                    let checked = self.bags_checked(id);
                    let count = self.session.bags.entry(id).or_insert(checked);
                    *count = (*count).max(checked);
                }
                self.session
                    .bags
                    .retain(|id, _| self.session.selected.contains(id));
            }
            _ => {}
        }
    }

    fn identify(&mut self, now: Timestamp, id: Identification, fx: &mut Vec<Effect>) {
        let surname = |s: &str| normalize_surname_input(s).map_err(Notice::InvalidSurname);
        let query = match id {
            Identification::BookingReference {
                reference,
                surname: name,
            } => {
                self.session.method = IdentifyMethod::BookingReference;
                let reference = reference.trim().to_ascii_uppercase();
                if reference.len() != 6 || !reference.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    Err(Notice::InvalidBookingReference)
                } else if let Some(staff) = self
                    .session
                    .staff_lookup
                    .clone()
                    .filter(|_| name.trim().is_empty())
                {
                    Ok(BookingQuery::ForStaff { reference, staff })
                } else {
                    surname(&name).map(|surname| BookingQuery::Reference { reference, surname })
                }
            }
            Identification::ETicket {
                number,
                surname: name,
            } => {
                self.session.method = IdentifyMethod::ETicket;
                let digits: String = number.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
                if digits.len() != 13 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    Err(Notice::InvalidETicket)
                } else {
                    surname(&name).map(|surname| BookingQuery::ETicket {
                        number: digits,
                        surname,
                    })
                }
            }
            Identification::FrequentFlyer {
                number,
                surname: name,
            } => {
                self.session.method = IdentifyMethod::FrequentFlyer;
                let number: String = number
                    .chars()
                    .filter(|c| *c != ' ')
                    .collect::<String>()
                    .to_ascii_uppercase();
                if !(4..=16).contains(&number.len())
                    || !number.bytes().all(|b| b.is_ascii_alphanumeric())
                {
                    Err(Notice::InvalidFrequentFlyer)
                } else {
                    surname(&name).map(|surname| BookingQuery::FrequentFlyer { number, surname })
                }
            }
            Identification::Document(doc) => {
                self.session.method = IdentifyMethod::Passport;
                if doc.kind.is_identity() {
                    let query = BookingQuery::Document {
                        surname: doc.surname.clone(),
                        given_names: doc.given_names.clone(),
                        number: doc.number.clone(),
                        birth_date: doc.birth_date,
                    };
                    self.session.identified_by_document = Some(doc);
                    Ok(query)
                } else {
                    Err(Notice::NotAnIdentityDocument)
                }
            }
            Identification::BoardingPass {
                reference,
                surname: name,
            } => {
                self.session.method = IdentifyMethod::BoardingPass;
                surname(&name).map(|surname| BookingQuery::Reference {
                    reference: reference.trim().to_ascii_uppercase(),
                    surname,
                })
            }
        };
        match query {
            Ok(query) => self.await_effect(
                |request| Effect::FindBooking {
                    request,
                    query,
                    now,
                },
                fx,
            ),
            Err(notice) => self.session.notice = Some(notice),
        }
    }

    fn booking_found(&mut self, now: Timestamp, booking: Booking, fx: &mut Vec<Effect>) {
        let Some(first) = booking.legs.first().cloned() else {
            self.dcs_failed(now, DcsFailure::NotFound, None, fx);
            return;
        };
        self.session.failed_lookups = 0;
        self.session.selected = booking.passengers.iter().map(|p| p.id).collect();
        self.session.booking = Some(booking.clone());
        if let Some(airport) = &self.settings.kiosk_airport
            && &first.origin.code != airport
        {
            let mut e = Exception::new(ExceptionKind::WrongAirport);
            e.detail = Some(first.origin.code.clone());
            self.raise(now, e, fx);
            return;
        }
        if booking
            .legs
            .iter()
            .any(|f| f.status == FlightStatus::Cancelled)
        {
            self.raise(now, Exception::new(ExceptionKind::FlightCancelled), fx);
            return;
        }
        // Everyone checked in already (online, or at an earlier visit): what they can do now,
        // whether or not check-in is still open (a pass can be printed again after it closes,
        // until the flight leaves).
        self.session.tagged_before = booking
            .passengers
            .iter()
            .flat_map(|p| p.bag_tags.iter().cloned())
            .collect();
        if booking
            .passengers
            .iter()
            .all(|p| !p.legs.is_empty() && p.legs.iter().all(|l| l.checked_in.is_some()))
            && now < first.departure
        {
            self.session.returning = true;
            self.goto(now, Step::CheckedIn);
            return;
        }
        // A bag drop serves those checked in already.
        if self.settings.bag_drop {
            self.raise(now, Exception::new(ExceptionKind::CheckInFirst), fx);
            return;
        }
        match first.checkin_status(now) {
            CheckinStatus::NotOpen { opens } => {
                let mut e = Exception::new(ExceptionKind::CheckinNotOpen);
                e.time = Some(opens);
                self.raise(now, e, fx);
            }
            CheckinStatus::Closed { closed } => {
                let mut e = Exception::new(ExceptionKind::CheckinClosed);
                e.time = Some(closed);
                self.raise(now, e, fx);
            }
            // The expert: one passenger, a seat held, scanned on Welcome. Nobody to choose on
            // Greeting and no seat to choose: on to the next thing to answer.
            CheckinStatus::Open if self.express(&booking) => {
                self.session.express = true;
                self.goto(now, Step::Greeting);
                self.confirm_passengers(now, fx);
            }
            CheckinStatus::Open => self.goto(now, Step::Greeting),
        }
    }

    /// May this booking take the expert's way (see `Session::express`)?
    fn express(&self, booking: &Booking) -> bool {
        let [p] = booking.passengers.as_slice() else {
            return false;
        };
        self.session.scanned_on_welcome
            && p.kind == PassengerType::Adult
            && p.special_services.is_empty()
            && !p.legs.is_empty()
            && p.legs.iter().all(|l| l.seat.is_some())
    }

    fn passenger(&self, id: PassengerId) -> Option<&Passenger> {
        self.session.booking.as_ref()?.passenger(id)
    }

    /// Selects or leaves out a passenger; a lap infant goes where its adult goes, and never
    /// without them.
    fn toggle(&mut self, id: PassengerId) {
        let Some(booking) = &self.session.booking else {
            return;
        };
        let Some(p) = booking.passenger(id) else {
            return;
        };
        let mut selected = self.session.selected.clone();
        if selected.contains(&id) {
            selected.retain(|s| *s != id);
            for infant in booking.passengers.iter().filter(|i| i.lap_of == Some(id)) {
                selected.retain(|s| *s != infant.id);
            }
        } else {
            selected.push(id);
            if let Some(adult) = p.lap_of {
                selected.push(adult);
            }
            // An adult's lap infant comes along (it can still be left out on its own).
            for infant in booking.passengers.iter().filter(|i| i.lap_of == Some(id)) {
                selected.push(infant.id);
            }
        }
        self.session.selected = booking
            .passengers
            .iter()
            .map(|p| p.id)
            .filter(|p| selected.contains(p))
            .collect();
    }

    fn confirm_passengers(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        let Some(booking) = self.session.booking.clone() else {
            return;
        };
        let chosen: Vec<&Passenger> = booking
            .passengers
            .iter()
            .filter(|p| self.session.selected.contains(&p.id))
            .collect();
        if chosen.is_empty() {
            self.session.notice = Some(Notice::NoPassengerSelected);
            return;
        }
        // Special service requests that need a person stop the check-in.
        for p in &chosen {
            if let Some(code) = p
                .special_services
                .iter()
                .find(|c| self.settings.staff_ssrs.contains(c))
            {
                let mut e = Exception::new(ExceptionKind::SpecialService);
                e.passenger = Some(p.id);
                e.detail = Some(code.clone());
                self.raise(now, e, fx);
                return;
            }
        }
        let has_adult = chosen.iter().any(|p| p.kind == PassengerType::Adult);
        if let Some(child) = chosen.iter().find(|p| p.kind != PassengerType::Adult)
            && !has_adult
        {
            self.session.notice = Some(Notice::ChildNeedsAdult(child.id));
            return;
        }
        for p in &chosen {
            for code in p
                .special_services
                .iter()
                .filter(|c| self.settings.assistance_ssrs.contains(c))
            {
                fx.push(Effect::NotifyAssistance(
                    self.make_page(now, Reason::Assistance(code.clone())),
                ));
            }
        }
        self.advance(now, fx);
    }

    fn prepare_documents(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        let Some(booking) = self.session.booking.clone() else {
            return;
        };
        for id in self.session.selected.clone() {
            let Some(p) = booking.passenger(id) else {
                continue;
            };
            if matches!(
                self.session.documents.get(&id),
                Some(DocumentState::Accepted(_))
            ) {
                continue;
            }
            let state = match p.identity_document() {
                Some(doc) => DocumentState::OnFile(doc.clone()),
                None => DocumentState::NeedsScan,
            };
            self.session.documents.insert(id, state);
        }
        self.session
            .documents
            .retain(|id, _| self.session.selected.contains(id));
        // A passport scanned to identify the passenger counts as scanned here.
        if let Some(doc) = self.session.identified_by_document.take() {
            let holder = booking.passengers.iter().find(|p| {
                self.session.selected.contains(&p.id)
                    && is_holder(&doc.surname, &doc.given_names, p)
            });
            if let Some(p) = holder {
                self.accept_document(now, p.id, doc, fx);
                return;
            }
        }
        if self.documents_to_do().is_empty() {
            self.advance(now, fx);
        }
    }

    /// Passengers whose document still needs a confirmation or a scan, in booking order.
    pub(super) fn documents_to_do(&self) -> Vec<PassengerId> {
        self.session
            .selected
            .iter()
            .copied()
            .filter(|id| {
                !matches!(
                    self.session.documents.get(id),
                    Some(DocumentState::Accepted(_))
                )
            })
            .collect()
    }

    fn accept_document(
        &mut self,
        now: Timestamp,
        id: PassengerId,
        doc: TravelDocument,
        fx: &mut Vec<Effect>,
    ) {
        let (Some(booking), Some(p)) = (self.session.booking.clone(), self.passenger(id).cloned())
        else {
            return;
        };
        match crate::documents::check(&doc, &p, &booking, &self.settings.document_rules) {
            Ok(()) => {
                self.session
                    .documents
                    .insert(id, DocumentState::Accepted(doc));
                if self.documents_to_do().is_empty() {
                    self.advance(now, fx);
                }
            }
            Err(problem) => {
                use crate::documents::DocumentProblem as P;
                let (kind, detail) = match problem {
                    P::NotAnIdentityDocument => (ExceptionKind::DocumentMissing, None),
                    P::Expired { valid_until } => (
                        ExceptionKind::DocumentExpired,
                        Some(valid_until.to_string()),
                    ),
                    P::NameMismatch => (ExceptionKind::DocumentNameMismatch, None),
                    P::VisaMissing { destination } => {
                        (ExceptionKind::VisaRequired, Some(destination))
                    }
                    P::AddressMissing { destination } => {
                        (ExceptionKind::AddressRequired, Some(destination))
                    }
                };
                let mut e = Exception::new(kind);
                e.passenger = Some(id);
                e.detail = detail;
                self.session.pending_document = Some((id, doc));
                self.raise(now, e, fx);
            }
        }
    }

    fn load_seat_map(&mut self, fx: &mut Vec<Effect>) {
        let Some(flight) = self
            .session
            .booking
            .as_ref()
            .and_then(|b| b.legs.get(self.session.leg))
            .map(|f| f.key())
        else {
            return;
        };
        self.session.seat_map = None;
        self.await_effect(|request| Effect::LoadSeatMap { request, flight }, fx);
    }

    fn assign_seats(
        &mut self,
        seats: Vec<(PassengerId, crate::domain::Seat)>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(booking) = &self.session.booking else {
            return;
        };
        let leg = self.session.leg;
        let Some(flight) = booking.legs.get(leg).map(|f| f.key()) else {
            return;
        };
        let reference = booking.reference.clone();
        self.await_effect(
            |request| Effect::AssignSeats {
                request,
                reference,
                leg,
                flight,
                seats,
            },
            fx,
        );
    }

    fn choose_seat(&mut self, id: PassengerId, seat: crate::domain::Seat, fx: &mut Vec<Effect>) {
        let (Some(map), Some(p)) = (self.session.seat_map.as_ref(), self.passenger(id)) else {
            return;
        };
        if !self.session.selected.contains(&id) || !p.needs_seat() {
            return;
        }
        let leg = self.session.leg;
        let current = p.legs.get(leg).and_then(|l| l.seat);
        if current == Some(seat) {
            return;
        }
        match map.status(seat) {
            Some(SeatStatus::Free) => {}
            None => {
                self.session.notice = Some(Notice::SeatNotInCabin(seat));
                return;
            }
            Some(_) => {
                self.session.notice = Some(Notice::SeatTaken(seat));
                return;
            }
        }
        let compartment = p.legs.get(leg).map(|l| l.compartment);
        if map.compartment(seat) != compartment {
            self.session.notice = Some(Notice::SeatNotInCabin(seat));
            return;
        }
        if map.is_exit(seat) {
            let holds_infant = self
                .session
                .booking
                .as_ref()
                .is_some_and(|b| b.passengers.iter().any(|i| i.lap_of == Some(id)));
            if p.kind != PassengerType::Adult || holds_infant {
                self.session.notice = Some(Notice::ExitRowNotAllowed(id));
            } else {
                self.session.exit_question = Some((id, seat));
            }
            return;
        }
        self.assign_seats(vec![(id, seat)], fx);
    }

    fn seats_assigned(&mut self, assigned: &[(PassengerId, crate::domain::Seat)]) {
        let leg = self.session.leg;
        let Some(booking) = &mut self.session.booking else {
            return;
        };
        for (id, seat) in assigned {
            if let Some(p) = booking.passengers.iter_mut().find(|p| p.id == *id)
                && let Some(l) = p.legs.get_mut(leg)
            {
                if let (Some(old), Some(map)) = (l.seat, self.session.seat_map.as_mut()) {
                    map.set_status(old, SeatStatus::Free);
                }
                l.seat = Some(*seat);
                if let Some(map) = self.session.seat_map.as_mut() {
                    map.set_status(*seat, SeatStatus::Taken);
                }
            }
        }
    }

    /// Seats on this leg are done: seat anyone still without one next to the party, then go to
    /// the next leg or step.
    fn confirm_seats(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        let (Some(booking), Some(map)) =
            (self.session.booking.clone(), self.session.seat_map.clone())
        else {
            return;
        };
        let leg = self.session.leg;
        let party: Vec<&Passenger> = booking
            .passengers
            .iter()
            .filter(|p| self.session.selected.contains(&p.id) && p.needs_seat())
            .collect();
        let unseated: Vec<&Passenger> = party
            .iter()
            .copied()
            .filter(|p| p.legs.get(leg).is_some_and(|l| l.seat.is_none()))
            .collect();
        if let Some(first) = unseated.first() {
            let near: Vec<_> = party
                .iter()
                .filter_map(|p| p.legs.get(leg).and_then(|l| l.seat))
                .collect();
            let compartment = first.legs[leg].compartment;
            let seats = map.find_together(unseated.len(), compartment, &near);
            if seats.len() < unseated.len() {
                let mut e = Exception::new(ExceptionKind::NoSeat);
                e.passenger = Some(first.id);
                self.raise(now, e, fx);
                return;
            }
            self.session.seats_confirming = true;
            let pairs = unseated.iter().map(|p| p.id).zip(seats).collect();
            self.assign_seats(pairs, fx);
            return;
        }
        if leg + 1 < booking.legs.len() {
            self.session.leg += 1;
            self.session.exit_question = None;
            self.load_seat_map(fx);
        } else {
            self.advance(now, fx);
        }
    }

    fn confirm_bags(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        let Some(booking) = self.session.booking.clone() else {
            return;
        };
        let any_bags = self.session.bags.values().any(|n| *n > 0);
        if any_bags
            && let Some(first) = booking.legs.first()
            && now >= first.checkin.bags_close
        {
            let mut e = Exception::new(ExceptionKind::BagsClosed);
            e.time = Some(first.checkin.bags_close);
            self.raise(now, e, fx);
            return;
        }
        for (id, count) in &self.session.bags {
            let Some(p) = booking.passenger(*id) else {
                continue;
            };
            if *count > p.baggage_allowance || *count > self.settings.max_bags {
                let mut e = Exception::new(ExceptionKind::ExcessBaggage);
                e.passenger = Some(*id);
                e.allowance = Some((p.baggage_allowance.min(self.settings.max_bags), *count));
                self.raise(now, e, fx);
                return;
            }
        }
        self.advance(now, fx);
    }

    fn check_in(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        if !self.session.dangerous_goods_acknowledged {
            // The acknowledgement cannot be skipped: go and ask for it.
            self.enter(now, Step::DangerousGoods, fx);
            return;
        }
        let documents = self
            .session
            .documents
            .iter()
            .filter_map(|(id, state)| match state {
                DocumentState::Accepted(doc) => Some((*id, doc.clone())),
                _ => None,
            })
            .collect();
        let overrides = self.session.overrides.clone();
        let bags = |k: &Self, id: PassengerId| k.session.bags.get(&id).copied().unwrap_or(0);
        self.send_check_in(now, bags, documents, overrides, fx);
    }

    /// Asks the airline to check the selected passengers in with their `bags`, and waits on
    /// Printing for its answer.
    fn send_check_in(
        &mut self,
        now: Timestamp,
        bags: impl Fn(&Self, PassengerId) -> u8,
        documents: Vec<(PassengerId, crate::domain::TravelDocument)>,
        overrides: Vec<super::DocumentOverride>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(booking) = &self.session.booking else {
            return;
        };
        let order = CheckInOrder {
            reference: booking.reference.clone(),
            passengers: self
                .session
                .selected
                .iter()
                .map(|id| (*id, bags(self, *id)))
                .collect(),
            documents,
            overrides,
            staff: self.session.staff.clone(),
        };
        self.goto(now, Step::Printing);
        self.await_effect(|request| Effect::CheckIn { request, order }, fx);
    }

    /// Checked in already, the passes again: the same check-in once more (the airline gives the
    /// same sequence numbers and keeps every bag), printed as a reprint, with no bag tag.
    /// A bag tag replaced: the passenger's plates as the airline holds them now, and the new
    /// tag printed (with the receipt); nothing else, and the screen stays where it is.
    fn tag_reissued(
        &mut self,
        now: Timestamp,
        passenger: PassengerId,
        plates: Vec<crate::domain::LicencePlate>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(booking) = self.session.booking.as_mut() else {
            return;
        };
        let Some(p) = booking.passengers.iter_mut().find(|p| p.id == passenger) else {
            return;
        };
        let before = std::mem::replace(&mut p.bag_tags, plates.clone());
        let Some(legs) = p
            .legs
            .iter()
            .map(|l| l.checked_in.clone())
            .collect::<Option<Vec<_>>>()
        else {
            return;
        };
        for done in &mut self.session.checked_in {
            if done.passenger == passenger {
                done.bag_tags = plates.clone();
            }
        }
        self.session.tagged_before.retain(|t| plates.contains(t));
        let job = PrintJob {
            booking: booking.clone(),
            passengers: vec![CheckedInPassenger {
                passenger,
                legs,
                bag_tags: plates.clone(),
            }],
            locale: self.session.locale.clone(),
            reprint: false,
            at: now,
            documents_verified: Vec::new(),
            // Only the new plate prints: the others are on their bags.
            tagged_before: plates
                .iter()
                .filter(|p| before.contains(p))
                .cloned()
                .collect(),
            tags_only: true,
        };
        self.await_effect(
            |request| Effect::Print {
                request,
                job: Box::new(job),
            },
            fx,
        );
    }

    /// Staff print a returning passenger's passes again, past the reprint limit if need be.
    pub(super) fn staff_reissue(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        if self.session.booking.is_none() {
            return;
        }
        self.session.reprinting = true;
        let bags = |k: &Self, id: PassengerId| k.bags_checked(id);
        self.send_check_in(now, bags, Vec::new(), Vec::new(), fx);
    }

    /// Check-in has closed; staff check the passenger in all the same (before the flight
    /// leaves), for `reason`: seats are given by the airline and bags go through the agent,
    /// so the steps left are documents, dangerous goods and review.
    pub(super) fn late_check_in(&mut self, now: Timestamp, staff: String, reason: String) {
        if !self.can_check_in_late(now) {
            return;
        }
        self.session.exception = None;
        self.session.staff = Some(super::StaffAuthority {
            staff,
            action: super::StaffOverrideKind::LateCheckIn,
            reason,
        });
        self.goto(now, Step::Greeting);
    }

    fn reissue(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        // As often as the airline allows; then an agent prints it.
        let limit = self.settings.max_reprints;
        if self
            .session
            .selected
            .iter()
            .any(|id| self.passenger(*id).is_some_and(|p| p.reprints() >= limit))
        {
            self.raise(now, Exception::new(ExceptionKind::ReprintLimit), fx);
            return;
        }
        if self.session.booking.is_none() {
            return;
        }
        self.session.reprinting = true;
        let bags = |k: &Self, id: PassengerId| k.bags_checked(id);
        self.send_check_in(now, bags, Vec::new(), Vec::new(), fx);
    }

    /// May a returning passenger check more bags now? While check-in is open, where the
    /// operator has the Bags step, and someone has allowance left.
    pub fn can_add_bags(&self, now: Timestamp) -> bool {
        self.settings.bags
            && self.checkin_open(now)
            && self.bag_passengers().iter().any(|id| {
                self.passenger(*id).is_some_and(|p| {
                    self.bags_checked(*id) < p.baggage_allowance.min(self.settings.max_bags)
                })
            })
    }

    /// May a returning passenger choose another seat now? While check-in is open, where the
    /// operator has the Seats step.
    pub fn can_change_seat(&self, now: Timestamp) -> bool {
        self.settings.seats && !self.settings.bag_drop && self.checkin_open(now)
    }

    /// Does this kiosk print boarding passes again? Not at a bag drop (bag tags only).
    pub fn reprints_here(&self) -> bool {
        !self.settings.bag_drop
    }

    fn checkin_open(&self, now: Timestamp) -> bool {
        self.session
            .booking
            .as_ref()
            .and_then(|b| b.legs.first())
            .is_some_and(|f| f.checkin_status(now) == CheckinStatus::Open)
    }

    /// Staff accept the document the current exception refused; the check-in goes on.
    pub(super) fn staff_override(
        &mut self,
        now: Timestamp,
        staff: String,
        reason: String,
        fx: &mut Vec<Effect>,
    ) {
        if !self.can_override() {
            return;
        }
        let Some((passenger, doc)) = self.session.pending_document.take() else {
            return;
        };
        self.session.exception = None;
        self.session
            .documents
            .insert(passenger, DocumentState::Accepted(doc));
        self.session.overrides.retain(|o| o.passenger != passenger);
        self.session.overrides.push(super::DocumentOverride {
            passenger,
            staff,
            reason,
        });
        if self.session.step == Step::Documents && self.documents_to_do().is_empty() {
            self.advance(now, fx);
        }
    }

    /// Prints the session's documents again: the same check-in, marked as a reprint.
    /// Asks for links to open the job's boarding passes on a phone, once a session.
    fn ask_phone_links(&mut self, job: Box<PrintJob>, fx: &mut Vec<Effect>) {
        let s = &mut self.session;
        if !self.settings.phone_passes
            || job.tags_only
            || s.phone_asked
            || !s.phone_links.is_empty()
        {
            return;
        }
        s.phone_asked = true;
        fx.push(Effect::PhoneLinks {
            session: s.serial,
            job,
        });
    }

    /// Checked in already: the passes as the airline holds them (nothing printed, nothing
    /// counted as a reprint), for the selected passengers checked in on every leg.
    fn phone_from_booking(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        let Some(booking) = &self.session.booking else {
            return;
        };
        let passengers: Vec<CheckedInPassenger> = booking
            .passengers
            .iter()
            .filter(|p| self.session.selected.contains(&p.id))
            .filter_map(|p| {
                Some(CheckedInPassenger {
                    passenger: p.id,
                    legs: p
                        .legs
                        .iter()
                        .map(|l| l.checked_in.clone())
                        .collect::<Option<Vec<_>>>()?,
                    bag_tags: p.bag_tags.clone(),
                })
            })
            .collect();
        if passengers.is_empty() {
            return;
        }
        let job = PrintJob {
            booking: booking.clone(),
            passengers,
            locale: self.session.locale.clone(),
            reprint: true,
            at: now,
            documents_verified: Vec::new(),
            tagged_before: Vec::new(),
            tags_only: false,
        };
        self.ask_phone_links(Box::new(job), fx);
    }

    pub(super) fn reprint(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        self.print_as(now, true, fx);
    }

    fn print(&mut self, now: Timestamp, fx: &mut Vec<Effect>) {
        self.print_as(now, false, fx);
    }

    fn print_as(&mut self, now: Timestamp, reprint: bool, fx: &mut Vec<Effect>) {
        let Some(booking) = self.session.booking.clone() else {
            return;
        };
        let job = PrintJob {
            booking,
            passengers: self.session.checked_in.clone(),
            locale: self.session.locale.clone(),
            reprint: reprint || self.session.reprinting,
            at: now,
            documents_verified: self
                .session
                .documents
                .iter()
                .filter(|(_, s)| matches!(s, DocumentState::Accepted(_)))
                .map(|(id, _)| *id)
                .collect(),
            tagged_before: self.session.tagged_before.clone(),
            tags_only: self.settings.bag_drop,
        };
        self.await_effect(
            |request| Effect::Print {
                request,
                job: Box::new(job),
            },
            fx,
        );
    }
}
