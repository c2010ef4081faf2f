//! The airline's own rules, enforced by the airline service whoever calls it: a kiosk's engine
//! applies them first, but a caller holding the service's key is not trusted to have done so.
//! A check-in needs an open window on a flight that flies, the service's own clock, no special
//! service that needs a person, an adult with every child, bags within the allowance, and
//! document overrides from the airline's own staff.

use super::DcsError;
use crate::checkin::CheckInOrder;
use crate::domain::{Booking, CheckinStatus, FlightStatus, PassengerId, PassengerType, Timestamp};

/// How far a caller's clock may be from the service's.
pub const CLOCK_SKEW_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// SSR codes that need a person (`[checkin] staff_ssrs`).
    pub staff_ssrs: Vec<String>,
    /// Most bags one passenger may check at a kiosk (`[checkin] max_bags`).
    pub max_bags: u8,
    /// Staff numbers who may accept a document over the kiosk's check (`[[staff]] id`).
    pub staff: Vec<String>,
}

impl Rules {
    pub fn from_config(config: &crate::config::Config) -> Rules {
        Rules {
            staff_ssrs: config.checkin.staff_ssrs.clone(),
            max_bags: config.checkin.max_bags,
            staff: config.staff.iter().map(|s| s.id.clone()).collect(),
        }
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
        let first = booking
            .legs
            .first()
            .ok_or_else(|| DcsError::Refused("the booking has no flight".into()))?;
        if let Some(f) = booking
            .legs
            .iter()
            .find(|f| f.status == FlightStatus::Cancelled)
        {
            return refuse(format!("{} is cancelled", f.designator()));
        }
        // Already checked in on every leg: the same documents again (a reprint) — the window
        // does not apply to what was done while it was open.
        let reissue = order.passengers.iter().all(|(id, _)| {
            booking
                .passenger(*id)
                .is_some_and(|p| p.legs.iter().all(|l| l.checked_in.is_some()))
        });
        if !reissue {
            match first.checkin_status(now) {
                CheckinStatus::NotOpen { .. } => {
                    return refuse(format!(
                        "check-in for {} is not open yet",
                        first.designator()
                    ));
                }
                CheckinStatus::Closed { .. } => {
                    return refuse(format!("check-in for {} has closed", first.designator()));
                }
                CheckinStatus::Open => {}
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
            if p.kind != PassengerType::Adult && !has_adult {
                return refuse(format!("passenger {id} travels with an adult"));
            }
            if let Some(adult) = p.lap_of
                && !order.passengers.iter().any(|(a, _)| *a == adult)
            {
                return refuse(format!("infant {id} travels on an adult's lap"));
            }
            self.bags(booking, *id, *bags, now, reissue)?;
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
        self.bags(booking, passenger, count, now, false)
    }

    fn bags(
        &self,
        booking: &Booking,
        passenger: PassengerId,
        count: u8,
        now: Timestamp,
        reissue: bool,
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
        if !reissue
            && let Some(first) = booking.legs.first()
            && now >= first.checkin.bags_close
        {
            return Err(DcsError::Refused(
                "bag drop has closed for this flight".into(),
            ));
        }
        Ok(())
    }
}
