//! The airline's own rules, enforced by the airline service whoever calls it: a kiosk's engine
//! applies them first, but a caller holding the service's key is not trusted to have done so.
//! A check-in needs an open window on a flight that flies, the service's own clock, no special
//! service that needs a person, an adult with every child, bags within the allowance, a travel
//! document that passes the destination's rules for each passenger where documents are checked
//! (or an override by the airline's own staff). A seat goes only to a passenger on the booking,
//! in their own cabin, while check-in is open, and an exit row only to an adult with no infant
//! on their lap and no special service. A check-in is undone only by a caller who names the
//! booking, while check-in is open; a bag, once tagged, comes off only through an agent.

use super::DcsError;
use crate::checkin::{BookingQuery, CheckInOrder, DocumentsStep, StaffOverrideKind};
use crate::documents::DocumentRule;
use crate::domain::{
    Booking, CheckinStatus, FlightKey, FlightStatus, PassengerId, PassengerType, Seat, SeatMap,
    SeatStatus, Timestamp,
};

/// How far a caller's clock may be from the service's.
pub const CLOCK_SKEW_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// SSR codes that need a person (`[checkin] staff_ssrs`).
    pub staff_ssrs: Vec<String>,
    /// Most bags one passenger may check at a kiosk (`[checkin] max_bags`).
    pub max_bags: u8,
    /// Passes printed again per passenger at kiosks (`[checkin] max_reprints`).
    pub max_reprints: u8,
    /// Staff numbers who may accept a document over the kiosk's check (`[[staff]] id`).
    pub staff: Vec<String>,
    /// When travel documents are checked (`[steps] documents`).
    pub documents: DocumentsStep,
    /// The destinations' entry rules (`[[documents.rules]]`).
    pub document_rules: Vec<DocumentRule>,
}

impl Rules {
    pub fn from_config(config: &crate::config::Config) -> Rules {
        Rules {
            staff_ssrs: config.checkin.staff_ssrs.clone(),
            max_bags: config.checkin.max_bags,
            max_reprints: config.checkin.max_reprints,
            staff: config.staff.iter().map(|s| s.id.clone()).collect(),
            documents: config.steps.documents,
            document_rules: config.documents.rules.clone(),
        }
    }

    /// The booking's first flight, if every flight of it flies.
    fn flies<'b>(&self, booking: &'b Booking) -> Result<&'b crate::domain::Flight, DcsError> {
        let first = booking
            .legs
            .first()
            .ok_or_else(|| DcsError::Refused("the booking has no flight".into()))?;
        if let Some(f) = booking
            .legs
            .iter()
            .find(|f| f.status == FlightStatus::Cancelled)
        {
            return Err(DcsError::Refused(format!(
                "{} is cancelled",
                f.designator()
            )));
        }
        Ok(first)
    }

    /// May this look-up be made? One by reference alone only by the airline's staff (to anyone
    /// else it finds nothing, as a wrong surname does).
    pub fn lookup(&self, query: &BookingQuery) -> Result<(), DcsError> {
        match query {
            BookingQuery::ForStaff { staff, .. } if !self.staff.iter().any(|s| s == staff) => {
                Err(DcsError::NotFound)
            }
            _ => Ok(()),
        }
    }

    /// May this staff member replace one of the passenger's bag tags now? Only the airline's
    /// staff, for a passenger checked in, before the flight leaves.
    pub fn reissue_tag(
        &self,
        booking: &Booking,
        passenger: PassengerId,
        staff: &str,
        now: Timestamp,
    ) -> Result<(), DcsError> {
        let refuse = |why: String| Err(DcsError::Refused(why));
        if !self.staff.iter().any(|s| s == staff) {
            return refuse(format!(
                "a bag tag reissue names {staff:?}, who is not on the airline's staff"
            ));
        }
        let p = booking.passenger(passenger).ok_or(DcsError::NotFound)?;
        if p.legs.is_empty() || p.legs.iter().any(|l| l.checked_in.is_none()) {
            return refuse(format!("passenger {passenger} is not checked in"));
        }
        if booking.legs.first().is_none_or(|f| now >= f.departure) {
            return refuse("the flight has left".into());
        }
        Ok(())
    }

    /// Has check-in closed on the booking's first flight, which has not left yet?
    fn closed_not_left(&self, booking: &Booking, now: Timestamp) -> bool {
        booking.legs.first().is_some_and(|f| {
            matches!(f.checkin_status(now), CheckinStatus::Closed { .. }) && now < f.departure
        })
    }

    /// Is check-in open on the booking's first flight (and does the flight fly)?
    fn window(&self, booking: &Booking, now: Timestamp) -> Result<(), DcsError> {
        let refuse = |why: String| Err(DcsError::Refused(why));
        let first = self.flies(booking)?;
        match first.checkin_status(now) {
            CheckinStatus::NotOpen { .. } => refuse(format!(
                "check-in for {} is not open yet",
                first.designator()
            )),
            CheckinStatus::Closed { .. } => {
                refuse(format!("check-in for {} has closed", first.designator()))
            }
            CheckinStatus::Open => Ok(()),
        }
    }

    /// May these seats be given on this leg, as asked?
    pub fn seats(
        &self,
        booking: &Booking,
        leg: usize,
        flight: &FlightKey,
        map: &SeatMap,
        seats: &[(PassengerId, Seat)],
        now: Timestamp,
    ) -> Result<(), DcsError> {
        let refuse = |why: String| Err(DcsError::Refused(why));
        match booking.legs.get(leg) {
            Some(f) if f.key() == *flight => {}
            _ => return refuse("that flight is not this leg of the booking".into()),
        }
        self.window(booking, now)?;
        let mut given: Vec<Seat> = Vec::new();
        for (id, seat) in seats {
            let Some(p) = booking.passenger(*id) else {
                return refuse(format!("passenger {id} is not on this booking"));
            };
            if !p.needs_seat() {
                return refuse(format!("passenger {id} travels on an adult's lap"));
            }
            if let Some(code) = p
                .special_services
                .iter()
                .find(|c| self.staff_ssrs.contains(c))
            {
                return refuse(format!("passenger {id} needs an agent ({code})"));
            }
            if given.contains(seat) {
                return refuse(format!("seat {seat} is asked for twice"));
            }
            given.push(*seat);
            match map.status(*seat) {
                None => return refuse(format!("there is no seat {seat} on this aircraft")),
                Some(SeatStatus::Blocked) => {
                    return refuse(format!("seat {seat} is not for the kiosk to give"));
                }
                Some(_) => {}
            }
            let cabin = p.legs.get(leg).map(|l| l.compartment);
            if map.compartment(*seat) != cabin {
                return refuse(format!("seat {seat} is not in passenger {id}'s cabin"));
            }
            if map.is_exit(*seat) {
                let holds_infant = booking.passengers.iter().any(|i| i.lap_of == Some(*id));
                if p.kind != PassengerType::Adult || holds_infant || !p.special_services.is_empty()
                {
                    return refuse(format!(
                        "passenger {id} may not sit in an exit row ({seat})"
                    ));
                }
            }
        }
        Ok(())
    }

    /// May this passenger's check-in be undone? Only while check-in is open (after the close
    /// the passenger could not check in again), and only for one who is checked in.
    pub fn cancel(
        &self,
        booking: &Booking,
        passenger: PassengerId,
        now: Timestamp,
    ) -> Result<(), DcsError> {
        let p = booking.passenger(passenger).ok_or(DcsError::NotFound)?;
        if p.legs.iter().all(|l| l.checked_in.is_none()) {
            return Err(DcsError::Refused(format!(
                "passenger {passenger} is not checked in"
            )));
        }
        self.window(booking, now)
    }

    /// Does every passenger checking in hold a travel document that passes the destination's
    /// rules, where this booking's documents are checked? A document the check refuses needs an
    /// override by the airline's staff.
    fn documents(&self, booking: &Booking, order: &CheckInOrder) -> Result<(), DcsError> {
        let checked = match self.documents {
            DocumentsStep::Always => true,
            DocumentsStep::Never => false,
            DocumentsStep::International => booking.is_international(),
        };
        if !checked {
            return Ok(());
        }
        for (id, _) in &order.passengers {
            let Some(p) = booking.passenger(*id) else {
                continue;
            };
            let overridden = order.overrides.iter().any(|o| o.passenger == *id);
            let doc = order
                .documents
                .iter()
                .find(|(d, _)| d == id)
                .map(|(_, d)| d)
                .or_else(|| p.identity_document());
            let Some(doc) = doc else {
                if overridden {
                    continue;
                }
                return Err(DcsError::Refused(format!(
                    "passenger {id} has no travel document for this trip"
                )));
            };
            if let Err(problem) = crate::documents::check(doc, p, booking, &self.document_rules)
                && !overridden
            {
                return Err(DcsError::Refused(format!(
                    "passenger {id}'s travel document does not pass: {problem:?}"
                )));
            }
        }
        Ok(())
    }

    /// A caller's idea of now, checked against the service's own.
    pub fn clock(&self, claimed: Timestamp, now: Timestamp) -> Result<(), DcsError> {
        let off = (claimed - now).num_seconds();
        if off.abs() > CLOCK_SKEW_SECS {
            return Err(DcsError::Refused(format!(
                "the caller's clock is {} minutes off the airline's",
                off / 60
            )));
        }
        Ok(())
    }

    /// May these passengers be checked in now, as ordered?
    pub fn check_in(
        &self,
        booking: &Booking,
        order: &CheckInOrder,
        now: Timestamp,
    ) -> Result<(), DcsError> {
        let refuse = |why: String| Err(DcsError::Refused(why));
        if order.passengers.is_empty() {
            return refuse("no passenger to check in".into());
        }
        let mut chosen = Vec::new();
        for (id, _) in &order.passengers {
            if booking.passenger(*id).is_none() {
                return refuse(format!("passenger {id} is not on this booking"));
            }
            if chosen.contains(id) {
                return refuse(format!("passenger {id} is listed twice"));
            }
            chosen.push(*id);
        }
        self.flies(booking)?;
        // Already checked in on every leg: the same documents again (a reprint) — the window
        // does not apply to what was done while it was open.
        let reissue = order.passengers.iter().all(|(id, _)| {
            booking
                .passenger(*id)
                .is_some_and(|p| p.legs.iter().all(|l| l.checked_in.is_some()))
        });
        let late = order
            .staff
            .as_ref()
            .is_some_and(|a| a.action == StaffOverrideKind::LateCheckIn);
        let staff_reprint = order
            .staff
            .as_ref()
            .is_some_and(|a| a.action == StaffOverrideKind::Reprint);
        if let Some(a) = &order.staff {
            if !self.staff.contains(&a.staff) {
                return refuse(format!(
                    "a staff override names {:?}, who is not on the airline's staff",
                    a.staff
                ));
            }
            if late && a.reason.trim().is_empty() {
                return refuse("a check-in past the close without a reason".into());
            }
        }
        if !reissue {
            match self.window(booking, now) {
                // Past the close, on a staff member's word: until the flight leaves.
                Err(_) if late && self.closed_not_left(booking, now) => {}
                other => other?,
            }
        }
        let has_adult = order.passengers.iter().any(|(id, _)| {
            booking
                .passenger(*id)
                .is_some_and(|p| p.kind == PassengerType::Adult)
        });
        for (id, bags) in &order.passengers {
            let Some(p) = booking.passenger(*id) else {
                continue;
            };
            if let Some(code) = p
                .special_services
                .iter()
                .find(|c| self.staff_ssrs.contains(c))
            {
                return refuse(format!("passenger {id} needs an agent ({code})"));
            }
            if p.unchanged_by(*bags) && p.reprints() >= self.max_reprints && !staff_reprint {
                return refuse(format!(
                    "passenger {id} has printed the pass again {} times: an agent prints it",
                    p.reprints()
                ));
            }
            if p.kind != PassengerType::Adult && !has_adult {
                return refuse(format!("passenger {id} travels with an adult"));
            }
            if let Some(adult) = p.lap_of
                && !order.passengers.iter().any(|(a, _)| *a == adult)
            {
                return refuse(format!("infant {id} travels on an adult's lap"));
            }
            self.bags(booking, *id, *bags, now)?;
        }
        if !reissue {
            self.documents(booking, order)?;
        }
        for o in &order.overrides {
            if !self.staff.contains(&o.staff) {
                return refuse(format!(
                    "a document override names {:?}, who is not on the airline's staff",
                    o.staff
                ));
            }
            if o.reason.trim().is_empty() {
                return refuse("a document override without a reason".into());
            }
            if !order.passengers.iter().any(|(id, _)| *id == o.passenger) {
                return refuse(format!(
                    "a document override for passenger {}, who is not checking in",
                    o.passenger
                ));
            }
        }
        Ok(())
    }

    /// May this passenger hold `count` bag tags?
    pub fn bag_tags(
        &self,
        booking: &Booking,
        passenger: PassengerId,
        count: u8,
        now: Timestamp,
    ) -> Result<(), DcsError> {
        let p = booking.passenger(passenger).ok_or(DcsError::NotFound)?;
        if usize::from(count) < p.bag_tags.len() {
            return Err(DcsError::Refused(format!(
                "passenger {passenger} has {} bags tagged: only an agent takes a bag off",
                p.bag_tags.len()
            )));
        }
        if count > 0 && p.legs.iter().any(|l| l.checked_in.is_none()) {
            return Err(DcsError::Refused(format!(
                "passenger {passenger} is not checked in"
            )));
        }
        if booking
            .legs
            .iter()
            .any(|f| f.status == FlightStatus::Cancelled)
        {
            return Err(DcsError::Refused("the flight is cancelled".into()));
        }
        self.bags(booking, passenger, count, now)
    }

    fn bags(
        &self,
        booking: &Booking,
        passenger: PassengerId,
        count: u8,
        now: Timestamp,
    ) -> Result<(), DcsError> {
        let Some(p) = booking.passenger(passenger) else {
            return Err(DcsError::NotFound);
        };
        let held = p.bag_tags.len();
        if usize::from(count) <= held {
            // Tags already issued are kept: asking again for them is a reprint.
            return Ok(());
        }
        let most = p.baggage_allowance.min(self.max_bags);
        if count > most {
            return Err(DcsError::Refused(format!(
                "passenger {passenger} may check {most} bags here, not {count}: excess baggage is handled by an agent"
            )));
        }
        // More bags than are tagged: never after bag drop has closed, a reprint or not.
        if let Some(first) = booking.legs.first()
            && now >= first.checkin.bags_close
        {
            return Err(DcsError::Refused(
                "bag drop has closed for this flight".into(),
            ));
        }
        Ok(())
    }
}
