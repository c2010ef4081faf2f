//! `concierge checkin`: a whole check-in without a screen, through the same engine the kiosk
//! runs. Operators rehearse installations with it; tests and scripts rely on its contract
//! (arguments, JSON, exit codes — see the README).

use crate::checkin::{
    DocumentState, Effect, Engine, Event, Exception, Identification, Notice, Step,
};
use crate::domain::{Booking, PassengerId, Seat, Timestamp, TravelDocument};
use crate::runtime::Adapters;
use serde::Serialize;
use thiserror::Error;

/// Which passengers of the booking to check in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassengerChoice {
    All,
    /// 1-based positions in the booking.
    Positions(Vec<usize>),
}

impl std::str::FromStr for PassengerChoice {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("all") {
            return Ok(PassengerChoice::All);
        }
        let positions = s
            .split(',')
            .map(|p| p.trim().parse::<usize>().ok().filter(|n| *n > 0))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| format!("expected `all` or positions like `1,3`, found {s:?}"))?;
        Ok(PassengerChoice::Positions(positions))
    }
}

#[derive(Debug, Clone)]
pub struct Rehearsal {
    pub identification: Identification,
    pub passengers: PassengerChoice,
    /// The first passenger's seat on the first leg.
    pub seat: Option<Seat>,
    /// The passenger taking an exit-row seat said yes to the eligibility question.
    pub exit_row_eligible: bool,
    /// Checked bags per passenger (lap infants included only if they have an allowance).
    pub bags: u8,
    /// Passports or ID cards as scanned, one per passenger in booking order among those
    /// checking in (`--mrz-file`); scanned instead of confirming what is on file.
    pub documents: Vec<TravelDocument>,
    pub locale: String,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Report {
    pub booking: Option<String>,
    pub passengers: Vec<PassengerReport>,
    pub files: Vec<String>,
    pub exception: Option<ExceptionReport>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct PassengerReport {
    pub name: String,
    pub seat: Option<String>,
    /// Check-in sequence number on the first leg (`legs` has every leg).
    pub sequence: Option<u16>,
    pub legs: Vec<LegReport>,
    pub bag_tags: Vec<String>,
    /// `not_required`, `confirmed` (on file) or `scanned`.
    pub documents: String,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LegReport {
    pub flight: String,
    pub date: String,
    pub from: String,
    pub to: String,
    pub seat: Option<String>,
    pub sequence: u16,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ExceptionReport {
    pub reason: String,
    pub staff_paged: bool,
    /// What a person would read on the kiosk's screen.
    pub message: String,
}

/// A rehearsal that could not be carried out as asked (exit 1).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RehearsalError {
    #[error("{0}")]
    Input(String),
    #[error("the check-in stopped at the {0} step without finishing")]
    Stuck(&'static str),
}

/// Runs a whole check-in. `Ok` holds a report for a check-in that completed or stopped at an
/// engine exception (see [`Report::exception`]); `Err` is bad input.
pub fn rehearse(
    engine: &mut Engine,
    adapters: &Adapters,
    clock: &dyn Fn() -> Timestamp,
    plan: &Rehearsal,
) -> Result<Report, RehearsalError> {
    let mut seat_chosen = plan.seat.is_none();
    let mut bags_set = false;
    let mut paged = false;
    let mut next = Some(Event::Start {
        locale: plan.locale.clone(),
    });
    let mut selection_done = false;
    let mut scans = plan.documents.iter();
    for _ in 0..200 {
        let Some(event) = next.take() else {
            break;
        };
        let effects = adapters.drive(engine, clock(), event);
        paged |= effects.iter().any(|e| matches!(e, Effect::PageStaff(_)));
        let s = engine.session();
        if let Some(exception) = &s.exception {
            return Ok(Report {
                booking: s.booking.as_ref().map(|b| b.reference.clone()),
                passengers: Vec::new(),
                files: Vec::new(),
                exception: Some(ExceptionReport {
                    reason: exception.kind.code().into(),
                    staff_paged: paged || exception.staff_paged,
                    message: explain(exception, s.booking.as_ref(), &plan.locale),
                }),
            });
        }
        if let Some(notice) = &s.notice {
            return Err(RehearsalError::Input(explain_notice(
                notice,
                s.booking.as_ref(),
            )));
        }
        next = Some(match s.step {
            Step::Welcome => {
                if let Some(reason) = engine.out_of_service() {
                    return Err(RehearsalError::Input(format!(
                        "the kiosk is out of service: {reason}"
                    )));
                }
                return Err(RehearsalError::Stuck("welcome"));
            }
            Step::Identify => Event::Identify(plan.identification.clone()),
            Step::Greeting => {
                if !selection_done {
                    selection_done = true;
                    select(engine, adapters, plan, clock, "greeting")?;
                }
                Event::ConfirmPassengers
            }
            // Checked in already: more bags than are tagged, or the passes again.
            Step::CheckedIn => {
                if !selection_done {
                    selection_done = true;
                    select(engine, adapters, plan, clock, "checked_in")?;
                }
                let more = engine
                    .bag_passengers()
                    .iter()
                    .any(|id| plan.bags > engine.bags_checked(*id));
                if more && engine.can_add_bags(clock()) {
                    Event::AddBags
                } else {
                    Event::Reprint
                }
            }
            Step::Documents => {
                let booking = s
                    .booking
                    .as_ref()
                    .ok_or(RehearsalError::Stuck("documents"))?;
                let todo = s
                    .selected
                    .iter()
                    .find(|id| !matches!(s.documents.get(id), Some(DocumentState::Accepted(_))));
                match todo.map(|id| (id, s.documents.get(id))) {
                    Some(_) if scans.len() > 0 => Event::DocumentScanned(
                        scans
                            .next()
                            .cloned()
                            .ok_or(RehearsalError::Stuck("documents"))?,
                    ),
                    Some((id, Some(DocumentState::OnFile(_)))) => Event::ConfirmDocumentOnFile(*id),
                    Some((id, _)) => {
                        let name = booking
                            .passenger(*id)
                            .map(|p| p.name.to_string())
                            .unwrap_or_default();
                        return Err(RehearsalError::Input(format!(
                            "{name} has no passport on file: give the scanned machine-readable \
                             zone with --mrz-file"
                        )));
                    }
                    None => return Err(RehearsalError::Stuck("documents")),
                }
            }
            Step::Seats => {
                if s.seat_map.is_none() {
                    return Err(RehearsalError::Stuck("seats"));
                }
                if let Some((_, seat)) = s.exit_question {
                    if !plan.exit_row_eligible {
                        return Err(RehearsalError::Input(format!(
                            "{seat} is in an emergency exit row: add --exit-row-eligible once the \
                             passenger has confirmed they are willing and able to help in an emergency"
                        )));
                    }
                    Event::AnswerExitRow(true)
                } else if !seat_chosen && s.leg == 0 {
                    seat_chosen = true;
                    let booking = s.booking.as_ref().ok_or(RehearsalError::Stuck("seats"))?;
                    let first = s
                        .selected
                        .iter()
                        .find(|id| booking.passenger(**id).is_some_and(|p| p.needs_seat()))
                        .copied()
                        .ok_or(RehearsalError::Stuck("seats"))?;
                    Event::ChooseSeat {
                        passenger: first,
                        seat: plan.seat.ok_or(RehearsalError::Stuck("seats"))?,
                    }
                } else {
                    Event::ConfirmSeats
                }
            }
            Step::Bags => {
                if !bags_set {
                    bags_set = true;
                    s.booking.as_ref().ok_or(RehearsalError::Stuck("bags"))?;
                    for id in engine.bag_passengers() {
                        adapters.drive(
                            engine,
                            clock(),
                            Event::SetBags {
                                passenger: id,
                                count: plan.bags,
                            },
                        );
                    }
                }
                Event::ConfirmBags
            }
            // The operator rehearsing is the one confirming.
            Step::DangerousGoods => Event::AcknowledgeDangerousGoods,
            Step::Review => Event::ConfirmReview,
            Step::Printing => return Err(RehearsalError::Stuck("printing")),
            Step::Feedback | Step::Goodbye => {
                let report = completed(engine);
                adapters.drive(engine, clock(), Event::Cancel);
                return Ok(report);
            }
        });
    }
    Err(RehearsalError::Stuck(engine.session().step.code()))
}

/// Selects the plan's passengers on Greeting or Checked-in (`step`): everyone left out, then
/// the wanted ones picked (infants follow their adult).
fn select(
    engine: &mut Engine,
    adapters: &Adapters,
    plan: &Rehearsal,
    clock: &dyn Fn() -> Timestamp,
    step: &'static str,
) -> Result<(), RehearsalError> {
    let booking = engine
        .session()
        .booking
        .as_ref()
        .ok_or(RehearsalError::Stuck(step))?;
    let wanted = wanted_passengers(booking, &plan.passengers)?;
    while let Some(id) = engine.session().selected.first().copied() {
        adapters.drive(engine, clock(), Event::TogglePassenger(id));
    }
    for id in wanted {
        if !engine.session().selected.contains(&id) {
            adapters.drive(engine, clock(), Event::TogglePassenger(id));
        }
    }
    Ok(())
}

fn wanted_passengers(
    booking: &Booking,
    choice: &PassengerChoice,
) -> Result<Vec<PassengerId>, RehearsalError> {
    match choice {
        PassengerChoice::All => Ok(booking.passengers.iter().map(|p| p.id).collect()),
        PassengerChoice::Positions(positions) => positions
            .iter()
            .map(|n| {
                booking.passengers.get(n - 1).map(|p| p.id).ok_or_else(|| {
                    RehearsalError::Input(format!(
                        "booking {} has {} passenger(s); there is no passenger {n}",
                        booking.reference,
                        booking.passengers.len()
                    ))
                })
            })
            .collect(),
    }
}

fn completed(engine: &Engine) -> Report {
    let s = engine.session();
    let Some(booking) = &s.booking else {
        return Report {
            booking: None,
            passengers: Vec::new(),
            files: s.printed.clone(),
            exception: None,
        };
    };
    let passengers = s
        .checked_in
        .iter()
        .filter_map(|done| {
            let p = booking.passenger(done.passenger)?;
            let legs: Vec<LegReport> = done
                .legs
                .iter()
                .zip(&booking.legs)
                .map(|(r, f)| LegReport {
                    flight: f.designator(),
                    date: f.key().date.to_string(),
                    from: f.origin.code.clone(),
                    to: f.destination.code.clone(),
                    seat: r.seat.map(|s| s.to_string()),
                    sequence: r.sequence,
                })
                .collect();
            let documents = match s.documents.get(&p.id) {
                None => "not_required",
                Some(DocumentState::Accepted(doc)) if p.documents.contains(doc) => "confirmed",
                Some(_) => "scanned",
            };
            Some(PassengerReport {
                name: p.name.to_string(),
                seat: legs.first().and_then(|l| l.seat.clone()),
                sequence: legs.first().map(|l| l.sequence),
                legs,
                bag_tags: done.bag_tags.iter().map(ToString::to_string).collect(),
                documents: documents.into(),
            })
        })
        .collect();
    Report {
        booking: Some(booking.reference.clone()),
        passengers,
        files: s.printed.clone(),
        exception: None,
    }
}

/// What the kiosk tells the passenger about an exception, in their language.
pub fn explain(e: &Exception, booking: Option<&Booking>, locale: &str) -> String {
    use fluent_bundle::FluentValue;
    let flight = booking.and_then(|b| b.legs.first());
    let time = match (e.time, flight) {
        (Some(t), Some(f)) => t
            .with_timezone(&f.origin.time_zone)
            .format("%H:%M, %d %b")
            .to_string(),
        _ => "—".into(),
    };
    let detail = e.detail.clone().unwrap_or_default();
    let (allowed, asked) = e.allowance.unwrap_or((0, 0));
    let args: Vec<(&str, FluentValue)> = vec![
        ("attempts", u32::from(e.attempts).into()),
        ("time", time.into()),
        ("airport", detail.clone().into()),
        ("service", detail.clone().into()),
        ("detail", detail.into()),
        ("allowed", u32::from(allowed).into()),
        ("asked", u32::from(asked).into()),
    ];
    crate::i18n::Messages::built_in().get(locale, e.kind.code(), &args)
}

fn explain_notice(n: &Notice, booking: Option<&Booking>) -> String {
    let name = |id: &PassengerId| {
        booking
            .and_then(|b| b.passenger(*id))
            .map(|p| p.name.to_string())
            .unwrap_or_default()
    };
    match n {
        Notice::InvalidBookingReference => {
            "a booking reference has 6 letters and digits, like DEMO01".into()
        }
        Notice::InvalidETicket => "an e-ticket number has 13 digits".into(),
        Notice::InvalidFrequentFlyer => {
            "a frequent-flyer number has 4 to 16 letters and digits".into()
        }
        Notice::InvalidSurname(e) => format!("surname: {e}"),
        Notice::NoPassengerSelected => "no passenger selected".into(),
        Notice::ChildNeedsAdult(id) => format!(
            "{} cannot be checked in without an adult of the booking",
            name(id)
        ),
        Notice::SeatTaken(seat) => format!("seat {seat} is taken"),
        Notice::SeatNotInCabin(seat) => {
            format!("seat {seat} does not exist in the passenger's cabin")
        }
        Notice::ExitRowNotAllowed(id) => format!(
            "{} cannot sit in an emergency exit row (children, and adults with an infant, may not)",
            name(id)
        ),
        Notice::OutOfService => "the kiosk is out of service".into(),
        Notice::KioskClosed => "the kiosk is closed".into(),
        Notice::NotAnIdentityDocument => "the document is not a passport or ID card".into(),
        Notice::UnreadableDocument(id) => crate::i18n::Messages::built_in().get("en-US", id, &[]),
        Notice::DevicesPaused => "the CUSS platform's devices are not answering".into(),
    }
}
