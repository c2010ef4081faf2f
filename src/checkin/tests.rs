//! The engine's steps and exceptions, driven through its public API with the answers an
//! airline system and a printer would give.

use super::*;
use crate::domain::*;
use chrono::{TimeDelta, TimeZone, Utc};

fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn airport(code: &str, country: &str, tz: &str) -> Airport {
    Airport {
        code: code.into(),
        name: format!("{code} airport"),
        city: code.into(),
        country: country.into(),
        time_zone: tz.parse().unwrap(),
    }
}

fn flight(number: u16, from: Airport, to: Airport, departs_in: TimeDelta) -> Flight {
    let departure = t0() + departs_in;
    let close = if from.country == to.country { 45 } else { 60 };
    Flight {
        carrier: "NW".into(),
        number,
        origin: from,
        destination: to,
        departure,
        arrival: departure + TimeDelta::hours(3),
        boarding: departure - TimeDelta::minutes(40),
        gate: Some("A1".into()),
        status: FlightStatus::Scheduled,
        checkin: CheckinWindow {
            opens: departure - TimeDelta::hours(24),
            closes: departure - TimeDelta::minutes(close),
            bags_close: departure - TimeDelta::minutes(close),
        },
    }
}

fn domestic() -> Flight {
    flight(
        101,
        airport("YUL", "CA", "America/Toronto"),
        airport("YYZ", "CA", "America/Toronto"),
        TimeDelta::hours(3),
    )
}

fn international() -> Flight {
    flight(
        786,
        airport("LHE", "PK", "Asia/Karachi"),
        airport("DXB", "AE", "Asia/Dubai"),
        TimeDelta::hours(4),
    )
}

fn passport(surname: &str, given: &str, expiry: (i32, u32, u32)) -> TravelDocument {
    TravelDocument {
        kind: DocumentKind::Passport,
        number: "AB1234567".into(),
        issuing_state: "PAK".into(),
        nationality: "PAK".into(),
        surname: surname.into(),
        given_names: given.into(),
        birth_date: None,
        sex: None,
        expiry: chrono::NaiveDate::from_ymd_opt(expiry.0, expiry.1, expiry.2).unwrap(),
        valid_for: None,
    }
}

fn pax(id: i64, surname: &str, given: &str, kind: PassengerType, legs: usize) -> Passenger {
    Passenger {
        id: PassengerId(id),
        name: BookedName::new(surname, given),
        kind,
        birth_date: None,
        nationality: "PAK".into(),
        eticket: format!("98700000000{id:02}"),
        frequent_flyer: None,
        lap_of: None,
        special_services: Vec::new(),
        baggage_allowance: 1,
        documents: Vec::new(),
        residence: None,
        destination_address: None,
        legs: vec![
            PassengerLeg {
                compartment: 'Y',
                seat: None,
                checked_in: None,
            };
            legs
        ],
        bag_tags: Vec::new(),
    }
}

fn booking(reference: &str, legs: Vec<Flight>, passengers: Vec<Passenger>) -> Booking {
    Booking {
        reference: reference.into(),
        airline: Airline {
            designator: "NW".into(),
            numeric_code: "987".into(),
            name: "Northwind Airways".into(),
        },
        passengers,
        legs,
    }
}

/// One passenger on a domestic flight, holding seat 12A.
fn single() -> Booking {
    let mut luc = pax(1, "DESMARAIS", "LUC MR", PassengerType::Adult, 1);
    luc.legs[0].seat = Some("12A".parse().unwrap());
    booking("DEMO01", vec![domestic()], vec![luc])
}

/// The Khan family on an international flight, passports on file; Omar on Ayesha's lap.
fn family() -> Booking {
    let mut ali = pax(1, "KHAN", "ALI MR", PassengerType::Adult, 1);
    let mut ayesha = pax(2, "KHAN", "AYESHA MRS", PassengerType::Adult, 1);
    let mut zara = pax(3, "KHAN", "ZARA MISS", PassengerType::Child, 1);
    let mut omar = pax(4, "KHAN", "OMAR MSTR", PassengerType::Infant, 1);
    omar.lap_of = Some(PassengerId(2));
    ali.legs[0].seat = Some("14A".parse().unwrap());
    ayesha.legs[0].seat = Some("14B".parse().unwrap());
    for (p, given) in [
        (&mut ali, "ALI"),
        (&mut ayesha, "AYESHA"),
        (&mut zara, "ZARA"),
        (&mut omar, "OMAR"),
    ] {
        p.documents.push(passport("KHAN", given, (2031, 1, 1)));
        let mut visa = passport("KHAN", given, (2027, 12, 31));
        visa.kind = DocumentKind::Visa;
        visa.valid_for = Some("AE".into());
        p.documents.push(visa);
    }
    booking(
        "KHAN22",
        vec![international()],
        vec![ali, ayesha, zara, omar],
    )
}

/// LATE99's kind of booking: departing in 30 minutes, check-in closed.
fn late() -> Booking {
    let mut late = single();
    late.legs[0] = flight(
        205,
        airport("LHR", "GB", "Europe/London"),
        airport("EDI", "GB", "Europe/London"),
        TimeDelta::minutes(30),
    );
    late
}

fn seat_map() -> SeatMap {
    use SeatStatus::*;
    SeatMap {
        layout: "ABC|DEF".into(),
        rows: (10..=20)
            .map(|n| SeatRow {
                number: n,
                exit: n == 15,
                compartment: 'Y',
                seats: if n == 14 {
                    vec![Taken, Taken, Free, Taken, Free, Free]
                } else if n == 11 {
                    vec![Taken; 6]
                } else {
                    vec![Free; 6]
                },
            })
            .collect(),
    }
}

/// A kiosk under test: the engine, a clock, and every effect seen.
struct Kiosk {
    engine: Engine,
    now: Timestamp,
    seen: Vec<Effect>,
}

impl Kiosk {
    /// Default settings without destination entry rules (tests of the rules use
    /// `Kiosk::with(Settings::default())`).
    fn new() -> Self {
        Self::with(Settings {
            document_rules: Vec::new(),
            ..Settings::default()
        })
    }

    fn with(settings: Settings) -> Self {
        Kiosk {
            engine: Engine::new(settings, 100),
            now: t0(),
            seen: Vec::new(),
        }
    }

    fn send(&mut self, event: Event) -> Vec<Effect> {
        let fx = self.engine.handle(self.now, event);
        self.seen.extend(fx.iter().cloned());
        fx
    }

    fn s(&self) -> &Session {
        self.engine.session()
    }

    fn step(&self) -> Step {
        self.s().step
    }

    fn pending(&self) -> RequestId {
        self.seen
            .iter()
            .rev()
            .find_map(|e| match e {
                Effect::FindBooking { request, .. }
                | Effect::LoadSeatMap { request, .. }
                | Effect::AssignSeats { request, .. }
                | Effect::CheckIn { request, .. }
                | Effect::Print { request, .. } => Some(*request),
                _ => None,
            })
            .expect("an effect awaiting an answer")
    }

    fn identify(&mut self, found: Booking) -> Vec<Effect> {
        self.send(Event::Start {
            locale: "en-US".into(),
        });
        let fx = self.send(Event::Identify(Identification::BookingReference {
            reference: found.reference.clone(),
            surname: found.passengers[0].name.surname.clone(),
        }));
        assert!(matches!(fx[..], [Effect::FindBooking { .. }]), "{fx:?}");
        let request = self.pending();
        self.send(Event::BookingFound {
            request,
            result: Ok(found),
        })
    }

    fn map_loaded(&mut self) -> Vec<Effect> {
        let request = self.pending();
        self.send(Event::SeatMapLoaded {
            request,
            result: Ok(seat_map()),
        })
    }

    /// Answers an AssignSeats as the airline would: all granted.
    fn seats_granted(&mut self) -> Vec<Effect> {
        let Some(Effect::AssignSeats { request, seats, .. }) = self.seen.last().cloned() else {
            panic!("expected AssignSeats, saw {:?}", self.seen.last())
        };
        self.send(Event::SeatsAssigned {
            request,
            result: Ok(seats),
        })
    }

    fn checked_in(&mut self) -> Vec<Effect> {
        let Some(Effect::CheckIn { request, order }) = self.seen.last().cloned() else {
            panic!("expected CheckIn, saw {:?}", self.seen.last())
        };
        let passengers = order
            .passengers
            .iter()
            .enumerate()
            .map(|(i, (id, bags))| CheckedInPassenger {
                passenger: *id,
                legs: vec![CheckinRecord {
                    sequence: i as u16 + 1,
                    seat: Some("12A".parse().unwrap()),
                    issued: None,
                    reprints: 0,
                }],
                bag_tags: (0..*bags)
                    .map(|n| LicencePlate::new(0, "987", 100 + u32::from(n)).unwrap())
                    .collect(),
            })
            .collect();
        self.send(Event::CheckedIn {
            request,
            result: Ok(passengers),
        })
    }

    fn printed(&mut self, result: Result<Vec<String>, PrinterFailure>) -> Vec<Effect> {
        let request = self.pending();
        self.send(Event::Printed { request, result })
    }

    /// Greeting → … → Review with defaults; stops at Review.
    fn through_to_review(&mut self) {
        self.send(Event::ConfirmPassengers);
        while self.step() != Step::Review {
            match self.step() {
                Step::Documents => {
                    let id = self.engine.documents_to_do()[0];
                    self.send(Event::ConfirmDocumentOnFile(id));
                }
                Step::Seats if self.s().is_busy() && self.s().seat_map.is_none() => {
                    self.map_loaded();
                }
                Step::Seats if self.s().is_busy() => {
                    self.seats_granted();
                }
                Step::Seats => {
                    self.send(Event::ConfirmSeats);
                }
                Step::Bags => {
                    self.send(Event::ConfirmBags);
                }
                Step::DangerousGoods => {
                    self.send(Event::AcknowledgeDangerousGoods);
                }
                other => panic!("unexpected step {other:?}: {:?}", self.s().exception),
            }
        }
    }

    /// Everyone of the booking selected (the default), for readability in tests.
    fn toggle_all_on(&self) {
        assert_eq!(
            self.s().selected.len(),
            self.s().booking.as_ref().map_or(0, |b| b.passengers.len())
        );
    }

    fn pages(&self) -> Vec<&Page> {
        self.seen
            .iter()
            .filter_map(|e| match e {
                Effect::PageStaff(p) => Some(p),
                _ => None,
            })
            .collect()
    }
}

#[test]
fn a_single_passenger_goes_the_whole_way_and_is_wiped_at_the_end() {
    let mut k = Kiosk::new();
    assert_eq!(k.step(), Step::Welcome);
    k.identify(single());
    assert_eq!(k.step(), Step::Greeting);
    assert_eq!(k.s().selected, vec![PassengerId(1)]);
    k.send(Event::ConfirmPassengers);
    // Domestic: no documents.
    assert_eq!(k.step(), Step::Seats);
    k.map_loaded();
    k.send(Event::ConfirmSeats);
    assert_eq!(k.step(), Step::Bags);
    k.send(Event::ConfirmBags);
    assert_eq!(k.step(), Step::DangerousGoods);
    k.send(Event::AcknowledgeDangerousGoods);
    assert_eq!(k.step(), Step::Review);
    let fx = k.send(Event::ConfirmReview);
    assert!(matches!(&fx[..], [Effect::CheckIn { order, .. }] if order.reference == "DEMO01"));
    assert_eq!(k.step(), Step::Printing);
    let fx = k.checked_in();
    let Effect::Print { job, .. } = &fx[0] else {
        panic!("{fx:?}")
    };
    assert!(!job.reprint);
    assert_eq!(job.passengers[0].legs[0].sequence, 1);
    k.printed(Ok(vec!["bp.pdf".into()]));
    assert_eq!(k.step(), Step::Feedback);
    k.send(Event::SkipFeedback);
    assert_eq!(k.step(), Step::Goodbye);
    // Goodbye returns to Welcome on its own.
    k.now += TimeDelta::seconds(3);
    assert!(k.send(Event::Tick).is_empty());
    k.now += TimeDelta::seconds(10);
    let fx = k.send(Event::Tick);
    assert!(matches!(
        fx[..],
        [Effect::EndSession {
            outcome: Outcome::Completed,
            ..
        }]
    ));
    assert_eq!(k.step(), Step::Welcome);
    assert!(k.s().booking.is_none());
    assert!(k.s().checked_in.is_empty());
    assert!(k.s().printed.is_empty());
    assert_eq!(k.s().serial, 101, "the next session has its own number");
}

#[test]
fn a_scanned_boarding_pass_keeping_the_seat_takes_six_taps_or_fewer() {
    let mut k = Kiosk::new();
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    k.send(Event::Identify(Identification::BoardingPass {
        reference: "DEMO01".into(),
        surname: "DESMARAIS".into(),
    }));
    let request = k.pending();
    k.send(Event::BookingFound {
        request,
        result: Ok(single()),
    });
    k.through_to_review();
    k.send(Event::ConfirmReview);
    k.checked_in();
    k.printed(Ok(vec![]));
    assert_eq!(k.step(), Step::Feedback);
    assert!(k.s().taps <= 6, "{} taps", k.s().taps);
}

#[test]
fn switched_off_steps_are_skipped_but_never_dangerous_goods() {
    let settings = Settings {
        seats: false,
        bags: false,
        documents: DocumentsStep::Never,
        feedback: false,
        ..Settings::default()
    };
    let mut k = Kiosk::with(settings);
    k.identify(family());
    k.send(Event::ConfirmPassengers);
    assert_eq!(k.step(), Step::DangerousGoods);
    // Nothing but the acknowledgement moves on.
    k.send(Event::ConfirmReview);
    assert_eq!(k.step(), Step::DangerousGoods);
    k.send(Event::AcknowledgeDangerousGoods);
    assert_eq!(k.step(), Step::Review);
    k.send(Event::ConfirmReview);
    k.checked_in();
    k.printed(Ok(vec![]));
    // Feedback off: straight to goodbye.
    assert_eq!(k.step(), Step::Goodbye);
}

#[test]
fn documents_on_file_are_confirmed_one_passenger_at_a_time() {
    let mut k = Kiosk::new();
    k.identify(family());
    k.send(Event::ConfirmPassengers);
    assert_eq!(k.step(), Step::Documents);
    assert_eq!(k.engine.documents_to_do().len(), 4);
    for id in 1..=4 {
        assert_eq!(k.step(), Step::Documents);
        assert!(matches!(
            k.s().documents.get(&PassengerId(id)),
            Some(DocumentState::OnFile(_))
        ));
        k.send(Event::ConfirmDocumentOnFile(PassengerId(id)));
    }
    assert_eq!(k.step(), Step::Seats);
    // The accepted documents travel with the check-in as advance passenger information.
    k.map_loaded();
    k.send(Event::ConfirmSeats);
    k.seats_granted();
    k.send(Event::ConfirmBags);
    k.send(Event::AcknowledgeDangerousGoods);
    let fx = k.send(Event::ConfirmReview);
    let Effect::CheckIn { order, .. } = &fx[0] else {
        panic!("{fx:?}")
    };
    assert_eq!(order.documents.len(), 4);
}

#[test]
fn a_passport_scanned_to_identify_is_not_asked_for_again() {
    let mut b = family();
    b.passengers.truncate(1);
    let mut k = Kiosk::new();
    k.send(Event::Start {
        locale: "ur-PK".into(),
    });
    let doc = passport("KHAN", "ALI", (2031, 1, 1));
    let fx = k.send(Event::Identify(Identification::Document(doc.clone())));
    assert!(matches!(
        &fx[..],
        [Effect::FindBooking { query: BookingQuery::Document { surname, .. }, .. }] if surname == "KHAN"
    ));
    let request = k.pending();
    k.send(Event::BookingFound {
        request,
        result: Ok(b),
    });
    k.send(Event::ConfirmPassengers);
    assert_eq!(k.step(), Step::Seats, "documents already checked");
    assert_eq!(
        k.s().documents.get(&PassengerId(1)),
        Some(&DocumentState::Accepted(doc))
    );
}

#[test]
fn an_expired_passport_stops_check_in_and_pages_staff() {
    let mut b = family();
    b.passengers.truncate(1);
    b.passengers[0].documents.clear();
    let mut k = Kiosk::new();
    k.identify(b);
    k.send(Event::ConfirmPassengers);
    assert_eq!(
        k.s().documents.get(&PassengerId(1)),
        Some(&DocumentState::NeedsScan)
    );
    let fx = k.send(Event::DocumentScanned(passport(
        "KHAN",
        "ALI",
        (2025, 1, 1),
    )));
    let e = k.s().exception.clone().unwrap();
    assert_eq!(e.kind, ExceptionKind::DocumentExpired);
    assert!(e.staff_paged);
    assert!(matches!(&fx[..], [Effect::PageStaff(p)] if p.reason.code() == "document_expired"));
    // Try again: scan a good one.
    k.send(Event::Choose(Choice::TryAgain));
    assert!(k.s().exception.is_none());
    k.send(Event::DocumentScanned(passport(
        "KHAN",
        "ALI",
        (2031, 1, 1),
    )));
    assert_eq!(k.step(), Step::Seats);
}

#[test]
fn someone_elses_passport_is_a_name_mismatch() {
    let mut b = family();
    b.passengers.truncate(1);
    b.passengers[0].documents.clear();
    let mut k = Kiosk::new();
    k.identify(b);
    k.send(Event::ConfirmPassengers);
    k.send(Event::DocumentScanned(passport(
        "KHAN",
        "AYESHA",
        (2031, 1, 1),
    )));
    assert_eq!(
        k.s().exception.as_ref().map(|e| e.kind),
        Some(ExceptionKind::DocumentNameMismatch)
    );
    assert_eq!(k.pages().len(), 1);
    // A visa is not an identity document.
    let mut k = Kiosk::new();
    let mut b = family();
    b.passengers.truncate(1);
    b.passengers[0].documents.clear();
    k.identify(b);
    k.send(Event::ConfirmPassengers);
    let mut visa = passport("KHAN", "ALI", (2031, 1, 1));
    visa.kind = DocumentKind::Visa;
    k.send(Event::DocumentScanned(visa));
    assert_eq!(k.s().notice, Some(Notice::NotAnIdentityDocument));
}

#[test]
fn a_transliterated_passport_name_matches_the_booking() {
    let mut b = single();
    b.legs = vec![international()];
    b.passengers[0].name = BookedName::new("MÜLLER", "JÜRGEN MR");
    let mut k = Kiosk::new();
    k.identify(b);
    k.send(Event::ConfirmPassengers);
    k.send(Event::DocumentScanned(passport(
        "MUELLER",
        "JUERGEN",
        (2031, 1, 1),
    )));
    assert!(k.s().exception.is_none(), "{:?}", k.s().exception);
    assert_eq!(k.step(), Step::Seats);
}

#[test]
fn three_failed_look_ups_offer_a_person() {
    let mut k = Kiosk::new();
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    for attempt in 1..=3u8 {
        k.send(Event::Identify(Identification::BookingReference {
            reference: "NOPE01".into(),
            surname: "SMITH".into(),
        }));
        let request = k.pending();
        k.send(Event::BookingFound {
            request,
            result: Err(DcsFailure::NotFound),
        });
        let e = k.s().exception.clone().unwrap();
        assert_eq!(e.kind, ExceptionKind::BookingNotFound);
        assert_eq!(e.attempts, attempt);
        assert_eq!(e.choices.contains(&Choice::Staff), attempt == 3);
        if attempt < 3 {
            k.send(Event::Choose(Choice::TryAgain));
            assert_eq!(k.step(), Step::Identify);
        }
    }
    assert!(k.pages().is_empty(), "not found does not page by itself");
    k.send(Event::Choose(Choice::Staff));
    assert_eq!(k.pages()[0].reason.code(), "booking_not_found");
    assert!(k.s().help_open());
    // Another way: back to Identify, the exception gone.
    k.send(Event::Choose(Choice::AnotherWay));
    assert_eq!(k.step(), Step::Identify);
    assert!(k.s().exception.is_none());
}

#[test]
fn bad_input_is_a_notice_not_a_look_up() {
    let mut k = Kiosk::new();
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    let cases = [
        (
            Identification::BookingReference {
                reference: "DEMO1".into(),
                surname: "X".into(),
            },
            Notice::InvalidBookingReference,
        ),
        (
            Identification::BookingReference {
                reference: "DEMO01".into(),
                surname: "Sm1th".into(),
            },
            Notice::InvalidSurname(NameError::HasDigits),
        ),
        (
            Identification::ETicket {
                number: "987-123".into(),
                surname: "Smith".into(),
            },
            Notice::InvalidETicket,
        ),
        (
            Identification::FrequentFlyer {
                number: "NW-1".into(),
                surname: "Desmarais".into(),
            },
            Notice::InvalidFrequentFlyer,
        ),
    ];
    for (id, notice) in cases {
        let fx = k.send(Event::Identify(id));
        assert!(fx.is_empty());
        assert_eq!(k.s().notice.as_ref(), Some(&notice));
    }
    // E-ticket numbers may be typed with spaces and dashes.
    let fx = k.send(Event::Identify(Identification::ETicket {
        number: "987 1234567-890".into(),
        surname: "Desmarais".into(),
    }));
    assert!(matches!(
        &fx[..],
        [Effect::FindBooking { query: BookingQuery::ETicket { number, .. }, .. }] if number == "9871234567890"
    ));
}

#[test]
fn check_in_not_open_and_closed_are_exceptions_with_their_times() {
    let mut early = single();
    early.legs[0] = flight(
        788,
        airport("LHE", "PK", "Asia/Karachi"),
        airport("DXB", "AE", "Asia/Dubai"),
        TimeDelta::hours(30),
    );
    let mut k = Kiosk::new();
    k.identify(early.clone());
    let e = k.s().exception.clone().unwrap();
    assert_eq!(e.kind, ExceptionKind::CheckinNotOpen);
    assert_eq!(e.time, Some(early.legs[0].checkin.opens));

    let late = late();
    let mut k = Kiosk::new();
    k.identify(late);
    let e = k.s().exception.clone().unwrap();
    assert_eq!(e.kind, ExceptionKind::CheckinClosed);
    assert_eq!(e.choices, vec![Choice::Staff]);
    assert!(k.pages().is_empty());
    k.send(Event::Choose(Choice::Staff));
    let page = k.pages()[0];
    assert_eq!(page.flight.as_deref(), Some("NW 205"));
    assert_eq!(page.minutes_until_close, Some(-15));
}

#[test]
fn a_cancelled_flight_pages_staff_at_once() {
    let mut b = single();
    b.legs[0].status = FlightStatus::Cancelled;
    let mut k = Kiosk::new();
    let fx = k.identify(b);
    assert_eq!(
        k.s().exception.as_ref().map(|e| e.kind),
        Some(ExceptionKind::FlightCancelled)
    );
    assert!(matches!(&fx[..], [Effect::PageStaff(p)] if p.reason.code() == "flight_cancelled"));
}

#[test]
fn a_kiosk_checks_in_flights_from_its_own_airport_only() {
    let settings = Settings {
        kiosk_airport: Some("LHE".into()),
        ..Settings::default()
    };
    let mut k = Kiosk::with(settings);
    k.identify(single());
    let e = k.s().exception.clone().unwrap();
    assert_eq!(e.kind, ExceptionKind::WrongAirport);
    assert_eq!(e.detail.as_deref(), Some("YUL"));
    let mut k = Kiosk::with(Settings {
        kiosk_airport: Some("LHE".into()),
        ..Settings::default()
    });
    k.identify(family());
    assert_eq!(k.step(), Step::Greeting);
}

#[test]
fn an_unaccompanied_minor_needs_staff_and_a_wheelchair_only_notifies() {
    let mut b = single();
    b.passengers[0] = pax(1, "GARCÍA", "LUCÍA MISS", PassengerType::Child, 1);
    b.passengers[0].special_services = vec!["UMNR".into()];
    let mut k = Kiosk::new();
    k.identify(b);
    let fx = k.send(Event::ConfirmPassengers);
    let e = k.s().exception.clone().unwrap();
    assert_eq!(e.kind, ExceptionKind::SpecialService);
    assert_eq!(e.detail.as_deref(), Some("UMNR"));
    assert!(matches!(&fx[..], [Effect::PageStaff(p)] if p.reason.code() == "special_service"));
    // The page names the request, so the desk can say what staff must do.
    assert!(matches!(&fx[..], [Effect::PageStaff(p)] if p.service.as_deref() == Some("UMNR")));

    let mut b = single();
    b.passengers[0].special_services = vec!["WCHR".into()];
    let mut k = Kiosk::new();
    k.identify(b);
    let fx = k.send(Event::ConfirmPassengers);
    assert!(k.s().exception.is_none());
    assert!(
        fx.iter().any(
            |e| matches!(e, Effect::NotifyAssistance(p) if p.reason.code() == "assistance_wchr")
        )
    );
    assert!(
        !k.s().help_open(),
        "a notice to the assistance service opens no incident"
    );
    assert_eq!(k.step(), Step::Seats);
}

#[test]
fn a_lap_infant_goes_with_its_adult_and_a_child_needs_one() {
    let mut k = Kiosk::new();
    k.identify(family());
    assert_eq!(k.s().selected.len(), 4, "everyone selected by default");
    k.send(Event::TogglePassenger(PassengerId(2)));
    assert_eq!(k.s().selected, vec![PassengerId(1), PassengerId(3)]);
    k.send(Event::TogglePassenger(PassengerId(4)));
    assert_eq!(
        k.s().selected.len(),
        4,
        "selecting the infant brings its adult"
    );
    // Only the child: refused kindly.
    k.send(Event::TogglePassenger(PassengerId(1)));
    k.send(Event::TogglePassenger(PassengerId(2)));
    assert_eq!(k.s().selected, vec![PassengerId(3)]);
    k.send(Event::ConfirmPassengers);
    assert_eq!(k.s().notice, Some(Notice::ChildNeedsAdult(PassengerId(3))));
    assert_eq!(k.step(), Step::Greeting);
    k.send(Event::TogglePassenger(PassengerId(3)));
    k.send(Event::ConfirmPassengers);
    assert_eq!(k.s().notice, Some(Notice::NoPassengerSelected));
}

#[test]
fn the_family_sits_together_and_the_infant_gets_no_seat() {
    let mut k = Kiosk::new();
    k.identify(family());
    k.send(Event::ConfirmPassengers);
    for id in 1..=4 {
        k.send(Event::ConfirmDocumentOnFile(PassengerId(id)));
    }
    k.map_loaded();
    let fx = k.send(Event::ConfirmSeats);
    let Effect::AssignSeats { seats, .. } = &fx[0] else {
        panic!("{fx:?}")
    };
    // Zara, the only one without a seat, next to her parents in 14A/14B.
    assert_eq!(seats, &vec![(PassengerId(3), "14C".parse().unwrap())]);
    k.seats_granted();
    assert_eq!(k.step(), Step::Bags);
    let b = k.s().booking.as_ref().unwrap();
    assert_eq!(b.passengers[2].legs[0].seat, Some("14C".parse().unwrap()));
    assert_eq!(b.passengers[3].legs[0].seat, None);
}

#[test]
fn exit_rows_ask_first_and_refuse_children_and_infant_holders() {
    let mut k = Kiosk::new();
    k.identify(family());
    k.send(Event::ConfirmPassengers);
    for id in 1..=4 {
        k.send(Event::ConfirmDocumentOnFile(PassengerId(id)));
    }
    k.map_loaded();
    let exit: Seat = "15A".parse().unwrap();
    for id in [2, 3] {
        k.send(Event::ChooseSeat {
            passenger: PassengerId(id),
            seat: exit,
        });
        assert_eq!(
            k.s().notice,
            Some(Notice::ExitRowNotAllowed(PassengerId(id)))
        );
    }
    let fx = k.send(Event::ChooseSeat {
        passenger: PassengerId(1),
        seat: exit,
    });
    assert!(fx.is_empty());
    assert_eq!(k.s().exit_question, Some((PassengerId(1), exit)));
    k.send(Event::AnswerExitRow(false));
    assert!(k.s().exit_question.is_none());
    k.send(Event::ChooseSeat {
        passenger: PassengerId(1),
        seat: exit,
    });
    let fx = k.send(Event::AnswerExitRow(true));
    assert!(
        matches!(&fx[..], [Effect::AssignSeats { seats, .. }] if seats == &vec![(PassengerId(1), exit)])
    );
    k.seats_granted();
    let map = k.s().seat_map.as_ref().unwrap();
    assert_eq!(map.status(exit), Some(SeatStatus::Taken));
    assert_eq!(map.status("14A".parse().unwrap()), Some(SeatStatus::Free));
}

#[test]
fn a_seat_taken_meanwhile_reloads_the_map_and_says_so() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.send(Event::ConfirmPassengers);
    k.map_loaded();
    let seat: Seat = "18F".parse().unwrap();
    k.send(Event::ChooseSeat {
        passenger: PassengerId(1),
        seat,
    });
    let request = k.pending();
    let fx = k.send(Event::SeatsAssigned {
        request,
        result: Err(DcsFailure::SeatTaken(seat)),
    });
    assert!(matches!(&fx[..], [Effect::LoadSeatMap { .. }]));
    assert_eq!(k.s().notice, Some(Notice::SeatTaken(seat)));
    // Taken on the map already: refused without asking the airline.
    k.map_loaded();
    let fx = k.send(Event::ChooseSeat {
        passenger: PassengerId(1),
        seat: "11A".parse().unwrap(),
    });
    assert!(fx.is_empty());
    assert_eq!(
        k.s().notice,
        Some(Notice::SeatTaken("11A".parse().unwrap()))
    );
}

#[test]
fn a_two_leg_trip_shows_a_seat_map_per_leg() {
    let mut b = single();
    b.legs = vec![
        international(),
        flight(
            787,
            airport("DXB", "AE", "Asia/Dubai"),
            airport("LHR", "GB", "Europe/London"),
            TimeDelta::hours(9),
        ),
    ];
    b.passengers[0].legs.push(PassengerLeg {
        compartment: 'Y',
        seat: None,
        checked_in: None,
    });
    b.passengers[0]
        .documents
        .push(passport("DESMARAIS", "LUC", (2031, 1, 1)));
    let mut k = Kiosk::new();
    k.identify(b);
    k.send(Event::ConfirmPassengers);
    k.send(Event::ConfirmDocumentOnFile(PassengerId(1)));
    let Some(Effect::LoadSeatMap { flight, .. }) = k.seen.last().cloned() else {
        panic!()
    };
    assert_eq!(flight.number, 786);
    k.map_loaded();
    let fx = k.send(Event::ConfirmSeats);
    assert!(matches!(&fx[..], [Effect::LoadSeatMap { flight, .. }] if flight.number == 787));
    assert_eq!(k.s().leg, 1);
    k.map_loaded();
    k.send(Event::ConfirmSeats);
    k.seats_granted();
    assert_eq!(k.step(), Step::Bags);
    // Back from bags returns to the last leg's seats.
    k.send(Event::Back);
    assert_eq!((k.step(), k.s().leg), (Step::Seats, 1));
}

#[test]
fn too_many_bags_and_closed_bag_drop_are_exceptions() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.send(Event::ConfirmPassengers);
    k.map_loaded();
    k.send(Event::ConfirmSeats);
    k.send(Event::SetBags {
        passenger: PassengerId(1),
        count: 2,
    });
    k.send(Event::ConfirmBags);
    let e = k.s().exception.clone().unwrap();
    assert_eq!(e.kind, ExceptionKind::ExcessBaggage);
    assert_eq!(e.allowance, Some((1, 2)));
    k.send(Event::Choose(Choice::TryAgain));
    assert_eq!(k.step(), Step::Bags);
    k.send(Event::SetBags {
        passenger: PassengerId(1),
        count: 1,
    });
    // The clock passes the bag drop cut-off.
    k.now = k.s().booking.as_ref().unwrap().legs[0].checkin.bags_close;
    k.send(Event::ConfirmBags);
    assert_eq!(
        k.s().exception.as_ref().map(|e| e.kind),
        Some(ExceptionKind::BagsClosed)
    );
    k.send(Event::Choose(Choice::ContinueWithoutBags));
    assert_eq!(k.step(), Step::DangerousGoods);
    assert_eq!(k.s().bags.get(&PassengerId(1)), Some(&0));
}

#[test]
fn a_printer_failure_pages_staff_allows_reprint_and_takes_the_kiosk_out_of_service() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.through_to_review();
    k.send(Event::ConfirmReview);
    let fx = k.checked_in();
    let Effect::Print { job: first, .. } = fx[0].clone() else {
        panic!()
    };
    let fx = k.printed(Err(PrinterFailure {
        detail: "paper out".into(),
    }));
    assert!(matches!(&fx[..], [Effect::PageStaff(p)] if p.reason.code() == "printer_failure"));
    assert_eq!(k.engine.out_of_service(), Some("paper out"));
    let fx = k.send(Event::Choose(Choice::TryAgain));
    let Effect::Print { job: again, .. } = &fx[0] else {
        panic!("{fx:?}")
    };
    assert!(again.reprint);
    assert_eq!(
        again.passengers, first.passengers,
        "same data on the reprint"
    );
    // Still failing; the passenger leaves; the next one is not offered check-in.
    k.printed(Err(PrinterFailure {
        detail: "paper out".into(),
    }));
    k.send(Event::Cancel);
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    assert_eq!(k.step(), Step::Welcome);
    assert_eq!(k.s().notice, Some(Notice::OutOfService));
    k.send(Event::PrinterRestored);
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    assert_eq!(k.step(), Step::Identify);
}

#[test]
fn an_unreachable_airline_system_pages_staff_and_try_again_repeats_the_request() {
    let mut k = Kiosk::new();
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    let fx = k.send(Event::Identify(Identification::FrequentFlyer {
        number: "NW100234".into(),
        surname: "Desmarais".into(),
    }));
    let Effect::FindBooking { query: first, .. } = fx[0].clone() else {
        panic!()
    };
    let request = k.pending();
    let fx = k.send(Event::BookingFound {
        request,
        result: Err(DcsFailure::Unavailable("timeout".into())),
    });
    assert_eq!(
        k.s().exception.as_ref().map(|e| e.kind),
        Some(ExceptionKind::AirlineSystemUnavailable)
    );
    assert!(matches!(&fx[..], [Effect::PageStaff(_)]));
    let fx = k.send(Event::Choose(Choice::TryAgain));
    let Effect::FindBooking {
        request: again,
        query,
        ..
    } = fx[0].clone()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(query, first);
    assert_ne!(again, request);
    k.send(Event::BookingFound {
        request: again,
        result: Ok(single()),
    });
    assert_eq!(k.step(), Step::Greeting);
}

#[test]
fn idle_asks_for_more_time_then_wipes_the_session() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.now += TimeDelta::seconds(59);
    k.send(Event::Tick);
    assert!(k.s().idle_deadline.is_none());
    k.now += TimeDelta::seconds(1);
    k.send(Event::Tick);
    assert_eq!(k.s().idle_seconds_left(k.now), Some(20));
    // More time, as often as needed.
    k.send(Event::MoreTime);
    assert!(k.s().idle_deadline.is_none());
    k.now += TimeDelta::seconds(60);
    k.send(Event::Tick);
    k.now += TimeDelta::seconds(19);
    assert!(k.send(Event::Tick).is_empty());
    assert_eq!(k.step(), Step::Greeting);
    k.now += TimeDelta::seconds(1);
    let fx = k.send(Event::Tick);
    assert!(matches!(
        fx[..],
        [Effect::EndSession {
            outcome: Outcome::TimedOut,
            last_step: Step::Greeting,
            ..
        }]
    ));
    assert_eq!(k.step(), Step::Welcome);
    assert!(k.s().booking.is_none(), "no passenger data survives");
    assert!(k.s().selected.is_empty());
}

/// Someone waiting for an agent gets longer before "Need more time?" (`idle_with_help`), but it
/// comes: a passenger who tapped Help and walked away leaves no session open to the next person.
/// (Before: the idle clock stopped while Help was open, and the session stayed open for ever.)
#[test]
fn a_session_left_with_help_open_is_still_wiped_after_the_longer_wait() {
    let mut k = Kiosk::new();
    let (idle, with_help, warning) = {
        let s = k.engine.settings();
        (s.idle, s.idle_with_help, s.warning)
    };
    assert!(with_help > idle);
    k.identify(single());
    k.send(Event::Help);
    k.send(Event::HelpDelivered);
    assert_eq!(k.s().help, HelpState::Delivered);
    k.now += idle + TimeDelta::seconds(1);
    k.send(Event::Tick);
    assert!(
        k.s().idle_deadline.is_none(),
        "a person waiting gets longer"
    );
    k.now = t0() + with_help + TimeDelta::seconds(1);
    k.send(Event::Tick);
    assert!(k.s().idle_deadline.is_some(), "but Need more time? comes");
    // An agent on the way changes nothing: the passenger answers the prompt if they are there.
    k.send(Event::HelpAcknowledged {
        agent: "Sam".into(),
    });
    assert_eq!(k.s().help_agent(), Some("Sam"));
    k.now += warning + TimeDelta::seconds(1);
    let fx = k.send(Event::Tick);
    assert!(
        fx.iter().any(|e| matches!(e, Effect::CancelPage { .. })),
        "the incident closes with the session: {fx:?}"
    );
    assert!(fx.iter().any(|e| matches!(
        e,
        Effect::EndSession {
            outcome: Outcome::TimedOut,
            ..
        }
    )));
    assert_eq!(k.step(), Step::Welcome);
    assert!(k.s().booking.is_none(), "nobody inherits the booking");
    assert_eq!(k.s().help, HelpState::None);
}

/// Nobody could be reached: the passenger is sent to a desk, the usual idle time runs from that
/// moment, and then the session is wiped.
#[test]
fn nobody_reached_sends_the_passenger_to_a_desk_and_then_the_session_ends() {
    let mut k = Kiosk::new();
    let (idle, warning) = {
        let s = k.engine.settings();
        (s.idle, s.warning)
    };
    k.identify(single());
    k.now += TimeDelta::seconds(30);
    k.send(Event::Help);
    k.now += TimeDelta::seconds(90);
    let told = k.now;
    k.send(Event::HelpUnreachable {
        desk: "desk 12".into(),
    });
    assert_eq!(
        k.s().help,
        HelpState::Unreachable {
            desk: "desk 12".into(),
            since: told
        }
    );
    assert!(
        k.s().help_open(),
        "the request stays open for an agent who sees it late"
    );
    assert!(!k.s().help.someone_coming());
    k.now = told + idle - TimeDelta::seconds(1);
    k.send(Event::Tick);
    assert!(k.s().idle_deadline.is_none(), "time to read where to go");
    k.now = told + idle;
    k.send(Event::Tick);
    assert!(k.s().idle_deadline.is_some());
    k.now += warning;
    let fx = k.send(Event::Tick);
    assert_eq!(k.step(), Step::Welcome);
    assert!(k.s().booking.is_none());
    // The metrics count the page nobody answered, with how long the passenger waited.
    let waited = fx.iter().find_map(|e| match e {
        Effect::EndSession { report, .. } => report.help_unanswered_after,
        _ => None,
    });
    assert!(
        waited.is_some_and(|s| s >= (idle + warning).num_seconds()),
        "{waited:?}"
    );
    // An agent who acknowledges before the wipe is still coming …
    let mut k = Kiosk::new();
    k.identify(single());
    k.send(Event::Help);
    k.send(Event::HelpUnreachable { desk: "".into() });
    k.send(Event::HelpAcknowledged {
        agent: "Sam".into(),
    });
    assert!(k.s().help.someone_coming());
    // … handed over at the desk, another agent is …
    k.send(Event::HelpAcknowledged {
        agent: "Alex".into(),
    });
    assert_eq!(k.s().help_agent(), Some("Alex"));
    // … and let go at the desk, nobody is: waiting again, or told to go to a desk.
    k.send(Event::HelpDelivered);
    assert_eq!(k.s().help, HelpState::Delivered);
    k.send(Event::HelpAcknowledged {
        agent: "Sam".into(),
    });
    k.send(Event::HelpUnreachable { desk: "".into() });
    assert!(
        matches!(k.s().help, HelpState::Unreachable { .. }),
        "{:?}",
        k.s().help
    );
}

/// The goodbye screen with an unhappy passenger's page open ends too (it waited for ever).
#[test]
fn goodbye_with_help_open_still_returns_to_welcome() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.through_to_review();
    k.send(Event::ConfirmReview);
    k.checked_in();
    k.printed(Ok(vec!["pass.pdf".into()]));
    if k.step() == Step::Feedback {
        k.send(Event::GiveFeedback(1));
        k.send(Event::Choose(Choice::Staff));
    }
    assert_eq!(k.step(), Step::Goodbye);
    assert!(k.s().help_open());
    let (with_help, warning) = {
        let s = k.engine.settings();
        (s.idle_with_help, s.warning)
    };
    k.now += with_help;
    k.send(Event::Tick);
    assert!(k.s().idle_deadline.is_some());
    k.now += warning;
    k.send(Event::Tick);
    assert_eq!(k.step(), Step::Welcome);
}

#[test]
fn help_resolved_shows_as_resolved_until_the_next_request() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.send(Event::Help);
    k.send(Event::HelpResolved);
    assert_eq!(k.s().help, HelpState::Resolved);
    assert!(!k.s().help_open());
    k.now += TimeDelta::seconds(61);
    k.send(Event::Tick);
    assert!(
        k.s().idle_deadline.is_some(),
        "the usual idle clock runs again"
    );
    k.send(Event::MoreTime);
    let fx = k.send(Event::Help);
    assert!(matches!(&fx[..], [Effect::PageStaff(_)]));
    assert_eq!(k.s().help, HelpState::Asked);
}

/// Back on an exception screen leaves it (it looked enabled and did nothing): a closed flight's
/// screen goes back to an empty Identify, the booking forgotten; an exception after check-in
/// (Printing) offers no Back.
#[test]
fn back_leaves_an_exception_for_the_screen_it_arose_on() {
    let late = late();
    let mut k = Kiosk::new();
    k.identify(late);
    assert!(k.s().exception.is_some());
    assert!(k.engine.can_go_back());
    k.send(Event::Choose(Choice::Staff));
    k.send(Event::CancelHelp);
    k.send(Event::Back);
    assert!(k.s().exception.is_none());
    assert_eq!(k.step(), Step::Identify);
    assert!(k.s().booking.is_none());
    assert!(k.s().selected.is_empty());

    let mut k = Kiosk::new();
    k.identify(single());
    k.through_to_review();
    k.send(Event::ConfirmReview);
    k.checked_in();
    k.printed(Err(PrinterFailure {
        detail: "paper out".into(),
    }));
    assert_eq!(
        k.s().exception.as_ref().map(|e| e.kind),
        Some(ExceptionKind::PrinterFailure)
    );
    assert!(!k.engine.can_go_back(), "checked in: nothing to go back to");
    k.send(Event::Back);
    assert!(k.s().exception.is_some());
}

/// Luc, checked in already on seat 3A with one bag tagged.
fn luc_checked_in() -> Booking {
    let mut b = single();
    b.passengers[0].legs[0].checked_in = Some(CheckinRecord {
        sequence: 1,
        seat: Some("3A".parse().unwrap()),
        issued: Some(t0() - TimeDelta::hours(20)),
        reprints: 0,
    });
    b.passengers[0].legs[0].seat = Some("3A".parse().unwrap());
    b.passengers[0].bag_tags = vec![LicencePlate::new(0, "987", 100000).unwrap()];
    b.passengers[0].baggage_allowance = 2;
    b
}

/// A passenger already checked in with a bag comes back for more bags: Bags starts from the
/// bag already tagged, the counter does not go below it, and the check-in order keeps it.
/// (Before: Bags showed "No bags" and the check-in voided the tag of a bag at the drop.)
#[test]
fn a_second_visit_starts_from_the_bags_already_checked() {
    let b = luc_checked_in();
    let id = b.passengers[0].id;
    let mut k = Kiosk::new();
    k.identify(b);
    assert_eq!(k.step(), Step::CheckedIn);
    assert!(k.engine.can_add_bags(k.now));
    k.send(Event::AddBags);
    assert_eq!(k.step(), Step::Bags);
    assert_eq!(k.engine.bags_checked(id), 1);
    assert_eq!(k.s().bags.get(&id), Some(&1), "starts from what is checked");
    k.send(Event::SetBags {
        passenger: id,
        count: 0,
    });
    assert_eq!(
        k.s().bags.get(&id),
        Some(&1),
        "a second visit never takes a bag off"
    );
    k.send(Event::SetBags {
        passenger: id,
        count: 2,
    });
    assert_eq!(k.s().bags.get(&id), Some(&2), "one more may be added");
    k.send(Event::ConfirmBags);
    assert_eq!(
        k.step(),
        Step::DangerousGoods,
        "new bags: the question again"
    );
    k.send(Event::AcknowledgeDangerousGoods);
    k.send(Event::ConfirmReview);
    let Some(Effect::CheckIn { order, .. }) = k.seen.last().cloned() else {
        panic!("expected a check-in, saw {:?}", k.seen.last())
    };
    assert_eq!(order.passengers, vec![(id, 2)]);
    k.checked_in();
    let Some(Effect::Print { job, .. }) = k.seen.last().cloned() else {
        panic!("expected a print, saw {:?}", k.seen.last())
    };
    assert!(!job.reprint, "new bags: a new pass, not a reprint");
    assert_eq!(
        job.tagged_before,
        vec![LicencePlate::new(0, "987", 100000).unwrap()],
        "the bag at the drop gets no second tag"
    );
}

/// Checked in already, the pass lost: one tap prints it again, as the same check-in (every
/// bag kept, no documents asked for, no dangerous-goods question: nothing new is checked),
/// marked as a reprint and without a second tag for the bag.
#[test]
fn a_passenger_checked_in_prints_the_pass_again_in_one_tap() {
    let b = luc_checked_in();
    let id = b.passengers[0].id;
    let mut k = Kiosk::new();
    k.identify(b);
    assert_eq!(k.step(), Step::CheckedIn);
    assert_eq!(k.engine.step_of(), None, "a choice, not a numbered step");
    let taps = k.s().taps;
    let fx = k.send(Event::Reprint);
    assert_eq!(k.s().taps, taps + 1);
    assert_eq!(k.step(), Step::Printing);
    let Some(Effect::CheckIn { order, .. }) = fx.last().cloned() else {
        panic!("expected a check-in, saw {fx:?}")
    };
    assert_eq!(order.passengers, vec![(id, 1)], "the bag kept");
    assert!(order.documents.is_empty());
    k.checked_in();
    let Some(Effect::Print { job, .. }) = k.seen.last().cloned() else {
        panic!("expected a print, saw {:?}", k.seen.last())
    };
    assert!(job.reprint);
    assert_eq!(job.tagged_before.len(), 1);
    k.printed(Ok(vec!["boarding-pass.pdf".into()]));
    assert_eq!(k.step(), Step::Feedback);
}

/// A pass printed again as often as the airline allows: the next is an agent's, who is paged;
/// Back returns to the passenger's choices.
/// Luc, checked in, found again having printed his pass as often as the airline allows.
fn at_the_reprint_limit() -> Kiosk {
    let mut b = luc_checked_in();
    let limit = Settings::default().max_reprints;
    if let Some(record) = b.passengers[0].legs[0].checked_in.as_mut() {
        record.reprints = limit;
    }
    let mut k = Kiosk::new();
    k.identify(b);
    k
}

#[test]
fn past_the_reprint_limit_an_agent_prints_the_pass() {
    let mut k = at_the_reprint_limit();
    let fx = k.send(Event::Reprint);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::CheckIn { .. })),
        "nothing asked of the airline"
    );
    let e = k.s().exception.as_ref().expect("an exception");
    assert_eq!(e.kind, ExceptionKind::ReprintLimit);
    assert_eq!(e.choices, vec![Choice::Staff]);
    assert!(
        fx.iter().any(|e| matches!(e, Effect::PageStaff(_))),
        "{fx:?}"
    );
    k.send(Event::Back);
    assert_eq!(k.step(), Step::CheckedIn);
    assert!(k.s().exception.is_none());
}

/// A bag-drop station: a passenger not checked in is sent to check in first (no page to
/// staff); one checked in may add bags, and only their tags are printed: no pass again, no
/// seat change.
#[test]
fn a_bag_drop_prints_bag_tags_for_those_checked_in_and_nothing_else() {
    let bag_drop = || {
        Kiosk::with(Settings {
            bag_drop: true,
            document_rules: Vec::new(),
            ..Settings::default()
        })
    };
    let mut k = bag_drop();
    let fx = k.identify(single());
    let e = k.s().exception.as_ref().expect("an exception");
    assert_eq!(e.kind, ExceptionKind::CheckInFirst);
    assert_eq!(e.choices, vec![Choice::AnotherWay, Choice::Staff]);
    assert!(!fx.iter().any(|e| matches!(e, Effect::PageStaff(_))));

    let mut k = bag_drop();
    k.identify(luc_checked_in());
    assert_eq!(k.step(), Step::CheckedIn);
    assert!(!k.engine.reprints_here() && !k.engine.can_change_seat(k.now));
    let fx = k.send(Event::Reprint);
    assert!(
        fx.is_empty() && k.step() == Step::CheckedIn,
        "no pass again"
    );
    k.send(Event::ChangeSeat);
    assert_eq!(k.step(), Step::CheckedIn, "no seat change");
    k.send(Event::AddBags);
    let id = k.s().selected[0];
    k.send(Event::SetBags {
        passenger: id,
        count: 2,
    });
    k.send(Event::ConfirmBags);
    k.send(Event::AcknowledgeDangerousGoods);
    k.send(Event::ConfirmReview);
    k.checked_in();
    let Some(Effect::Print { job, .. }) = k.seen.last().cloned() else {
        panic!("expected a print, saw {:?}", k.seen.last())
    };
    assert!(job.tags_only, "bag tags only");
}

/// The expert: one passenger with a seat, scanned on Welcome, goes straight to Bags (nobody to
/// choose, no seat to choose); Back brings the seat map back. Typed in, or a family, the whole
/// way.
#[test]
fn one_passenger_with_a_seat_scanned_on_welcome_goes_straight_to_bags() {
    let scanned = |found: Booking| {
        let mut k = Kiosk::new();
        k.send(Event::StartScanned {
            locale: "en-US".into(),
        });
        k.send(Event::Identify(Identification::BookingReference {
            reference: found.reference.clone(),
            surname: found.passengers[0].name.surname.clone(),
        }));
        let request = k.pending();
        k.send(Event::BookingFound {
            request,
            result: Ok(found),
        });
        k
    };
    let mut k = scanned(single());
    assert_eq!(k.step(), Step::Bags);
    assert!(k.s().express);
    k.send(Event::Back);
    assert_eq!(k.step(), Step::Seats, "Back shows the seat map passed over");
    assert!(!k.s().express);

    let mut luc = single();
    luc.passengers[0].legs[0].seat = None;
    assert_eq!(
        scanned(luc).step(),
        Step::Greeting,
        "no seat yet: choose one"
    );
    assert_eq!(
        scanned(family()).step(),
        Step::Greeting,
        "a family chooses who"
    );
    let mut k = Kiosk::new();
    k.identify(single());
    assert_eq!(k.step(), Step::Greeting, "typed in: the whole way");
}

/// Back from a returning passenger's seats or bags leads to what else they can do; Back from
/// there forgets the booking, as from Greeting.
#[test]
fn back_leads_a_returning_passenger_to_their_choices() {
    let mut k = Kiosk::new();
    k.identify(luc_checked_in());
    k.send(Event::ChangeSeat);
    assert_eq!(k.step(), Step::Seats);
    k.map_loaded();
    k.send(Event::Back);
    assert_eq!(k.step(), Step::CheckedIn);
    k.send(Event::AddBags);
    k.send(Event::Back);
    assert_eq!(k.step(), Step::CheckedIn);
    k.send(Event::Back);
    assert_eq!(k.step(), Step::Identify);
    assert!(k.s().booking.is_none() && !k.s().returning);
}

/// After check-in closes a returning passenger may still print their pass (until the flight
/// leaves) but not add bags or change seats; after departure, the closed-flight exception.
#[test]
fn after_check_in_closes_only_the_pass_can_be_printed_again() {
    let mut late = luc_checked_in();
    late.legs[0].departure = t0() + TimeDelta::minutes(20);
    late.legs[0].checkin.closes = t0() - TimeDelta::minutes(25);
    late.legs[0].checkin.bags_close = t0() - TimeDelta::minutes(25);
    let mut k = Kiosk::new();
    k.identify(late.clone());
    assert_eq!(k.step(), Step::CheckedIn);
    assert!(!k.engine.can_add_bags(k.now) && !k.engine.can_change_seat(k.now));
    k.send(Event::AddBags);
    k.send(Event::ChangeSeat);
    assert_eq!(k.step(), Step::CheckedIn, "neither is offered nor taken");
    late.legs[0].departure = t0() - TimeDelta::minutes(5);
    let mut k = Kiosk::new();
    k.identify(late);
    let e = k.s().exception.as_ref().expect("an exception");
    assert_eq!(e.kind, ExceptionKind::CheckinClosed);
}

/// What the service metrics keep of a session: the furthest step, the time from leaving
/// Welcome, the taps, one help request however often Help is tapped, and how soon an agent
/// acknowledged it.
#[test]
fn a_session_reports_how_far_it_went_and_how_soon_help_came() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.now += TimeDelta::seconds(5);
    k.send(Event::Help);
    k.send(Event::Help);
    k.now += TimeDelta::seconds(42);
    k.send(Event::HelpAcknowledged {
        agent: "Sam".into(),
    });
    k.send(Event::HelpResolved);
    k.now += TimeDelta::seconds(3);
    let fx = k.send(Event::Cancel);
    let report = fx
        .iter()
        .find_map(|e| match e {
            Effect::EndSession { report, .. } => Some(report.clone()),
            _ => None,
        })
        .expect("the session ended");
    assert_eq!(report.outcome, Outcome::Cancelled);
    assert_eq!(report.last_step, Step::Greeting);
    assert_eq!(report.furthest, Step::Greeting);
    assert_eq!(report.help_requests, 1);
    assert_eq!(report.help_acknowledged_after, Some(42));
    assert_eq!(report.help_unanswered_after, None);
    assert!(report.seconds >= 50, "{}", report.seconds);
    assert!(report.taps >= 2, "{}", report.taps);
    assert!(!report.printer_fault);
}

#[test]
fn help_is_one_incident_per_session_and_cancel_closes_it() {
    let mut k = Kiosk::new();
    k.identify(single());
    let fx = k.send(Event::Help);
    assert!(matches!(&fx[..], [Effect::PageStaff(p)] if p.reason == Reason::PassengerAsked));
    k.send(Event::Help);
    let pages = k.pages();
    assert_eq!(pages.len(), 2);
    assert_eq!(
        pages[0].session, pages[1].session,
        "the same incident, updated"
    );
    assert_eq!(
        pages[0].first_name, None,
        "no name unless the operator allows it"
    );
    assert_eq!(pages[0].step, Step::Greeting);
    let fx = k.send(Event::CancelHelp);
    assert!(matches!(&fx[..], [Effect::CancelPage { session }] if *session == pages_session(&k)));
    assert!(!k.s().help_open());

    let mut k = Kiosk::with(Settings {
        page_first_name: true,
        ..Settings::default()
    });
    k.identify(family());
    k.send(Event::Help);
    assert_eq!(k.pages()[0].first_name.as_deref(), Some("Ali"));
}

fn pages_session(k: &Kiosk) -> u64 {
    k.pages()[0].session
}

#[test]
fn cancel_wipes_and_a_late_answer_cannot_leak_into_the_next_session() {
    let mut k = Kiosk::new();
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    k.send(Event::Identify(Identification::BookingReference {
        reference: "DEMO01".into(),
        surname: "DESMARAIS".into(),
    }));
    let stale = k.pending();
    k.send(Event::Help);
    let fx = k.send(Event::Cancel);
    assert!(fx.iter().any(|e| matches!(e, Effect::CancelPage { .. })));
    assert!(fx.iter().any(|e| matches!(
        e,
        Effect::EndSession {
            outcome: Outcome::Cancelled,
            ..
        }
    )));
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    k.send(Event::BookingFound {
        request: stale,
        result: Ok(single()),
    });
    assert_eq!(k.step(), Step::Identify);
    assert!(k.s().booking.is_none());
}

#[test]
fn back_goes_one_step_back_until_check_in_is_committed() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.send(Event::ConfirmPassengers);
    k.map_loaded();
    k.send(Event::ConfirmSeats);
    k.send(Event::ConfirmBags);
    assert_eq!(k.step(), Step::DangerousGoods);
    k.send(Event::Back);
    assert_eq!(k.step(), Step::Bags);
    k.send(Event::Back);
    assert_eq!(k.step(), Step::Seats);
    k.map_loaded();
    k.send(Event::Back);
    assert_eq!(k.step(), Step::Greeting);
    k.send(Event::Back);
    assert_eq!(k.step(), Step::Identify);
    assert!(k.s().booking.is_none());
    k.send(Event::Back);
    assert_eq!(k.step(), Step::Welcome);
}

#[test]
fn a_low_score_offers_a_person() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.through_to_review();
    k.send(Event::ConfirmReview);
    k.checked_in();
    k.printed(Ok(vec![]));
    let fx = k.send(Event::GiveFeedback(1));
    assert!(matches!(&fx[..], [Effect::RecordFeedback { score: 1, .. }]));
    assert!(k.s().feedback_follow_up);
    assert_eq!(k.step(), Step::Feedback);
    k.send(Event::Choose(Choice::Staff));
    assert_eq!(k.pages()[0].reason, Reason::UnhappyPassenger);
    assert_eq!(k.step(), Step::Goodbye);
    // Goodbye waits while the agent comes.
    k.now += TimeDelta::minutes(5);
    assert!(k.send(Event::Tick).is_empty());
    k.send(Event::Finish);
    assert_eq!(k.step(), Step::Welcome);
}

#[test]
fn a_high_score_goes_straight_to_goodbye() {
    let mut k = Kiosk::new();
    k.identify(single());
    k.through_to_review();
    k.send(Event::ConfirmReview);
    k.checked_in();
    k.printed(Ok(vec![]));
    k.send(Event::GiveFeedback(9));
    assert_eq!(k.step(), Step::Feedback, "scores are 1 to 5");
    k.send(Event::GiveFeedback(5));
    assert_eq!(k.step(), Step::Goodbye);
}

#[test]
fn new_settings_wait_for_the_next_session() {
    let mut k = Kiosk::new();
    k.identify(single());
    let off = Settings {
        seats: false,
        ..Settings::default()
    };
    assert!(!k.engine.set_settings(off.clone()));
    k.send(Event::Cancel);
    assert!(k.engine.set_settings(off));
    assert!(!k.engine.settings().seats);
}

/// Anna Maria Eriksson to New York: US rules (a travel authorisation, an address).
fn to_new_york() -> Booking {
    let mut anna = pax(1, "ERIKSSON", "ANNA MARIA MS", PassengerType::Adult, 1);
    anna.nationality = "SWE".into();
    anna.legs[0].seat = Some("22D".parse().unwrap());
    let mut esta = passport("ERIKSSON", "ANNA MARIA", (2028, 4, 30));
    esta.kind = DocumentKind::TravelAuthorisation;
    esta.valid_for = Some("US".into());
    anna.documents.push(esta);
    anna.destination_address = Some("350 5th Avenue, New York".into());
    let leg = flight(
        432,
        airport("ARN", "SE", "Europe/Stockholm"),
        airport("JFK", "US", "America/New_York"),
        TimeDelta::hours(5),
    );
    booking("ERIK01", vec![leg], vec![anna])
}

fn swedish_passport(expiry: (i32, u32, u32)) -> TravelDocument {
    let mut p = passport("ERIKSSON", "ANNA MARIA", expiry);
    p.nationality = "SWE".into();
    p.issuing_state = "SWE".into();
    p
}

#[test]
fn a_scanned_eu_passport_with_an_esta_checks_in_to_new_york() {
    let mut k = Kiosk::with(Settings::default());
    k.identify(to_new_york());
    k.send(Event::ConfirmPassengers);
    assert_eq!(k.step(), Step::Documents);
    assert_eq!(
        k.s().documents.get(&PassengerId(1)),
        Some(&DocumentState::NeedsScan),
        "an ESTA alone is no passport"
    );
    k.send(Event::DocumentScanned(swedish_passport((2031, 4, 15))));
    assert!(k.s().exception.is_none(), "{:?}", k.s().exception);
    assert_eq!(k.step(), Step::Seats);
}

#[test]
fn the_destinations_rules_apply() {
    // Without the ESTA: a person must check.
    let mut b = to_new_york();
    b.passengers[0].documents.clear();
    let mut k = Kiosk::with(Settings::default());
    k.identify(b);
    k.send(Event::ConfirmPassengers);
    let fx = k.send(Event::DocumentScanned(swedish_passport((2031, 4, 15))));
    let e = k.s().exception.clone().unwrap();
    assert_eq!(
        (e.kind, e.detail.as_deref()),
        (ExceptionKind::VisaRequired, Some("US"))
    );
    assert!(matches!(&fx[..], [Effect::PageStaff(p)] if p.reason.code() == "visa_required"));
    // Without an address in the United States.
    let mut b = to_new_york();
    b.passengers[0].destination_address = None;
    let mut k = Kiosk::with(Settings::default());
    k.identify(b);
    k.send(Event::ConfirmPassengers);
    k.send(Event::DocumentScanned(swedish_passport((2031, 4, 15))));
    assert_eq!(
        k.s().exception.as_ref().map(|e| e.kind),
        Some(ExceptionKind::AddressRequired)
    );
    // Dubai wants six months' validity after arrival: a passport valid for three is refused.
    let mut b = family();
    b.passengers.truncate(1);
    b.passengers[0].documents = vec![passport("KHAN", "ALI", (2027, 2, 20))];
    let mut k = Kiosk::with(Settings::default());
    k.identify(b.clone());
    k.send(Event::ConfirmPassengers);
    k.send(Event::ConfirmDocumentOnFile(PassengerId(1)));
    let e = k.s().exception.clone().unwrap();
    assert_eq!(e.kind, ExceptionKind::DocumentExpired);
    assert_eq!(
        e.detail.as_deref(),
        Some("2027-05-23"),
        "valid until six months after arrival"
    );
    // A Pakistani to Dubai with a UAE visa on file passes; without it, staff check.
    let mut k = Kiosk::with(Settings::default());
    let mut with_visa = family();
    with_visa.passengers.truncate(1);
    let mut visa = passport("KHAN", "ALI", (2027, 12, 31));
    visa.kind = DocumentKind::Visa;
    visa.valid_for = Some("AE".into());
    with_visa.passengers[0].documents.push(visa);
    k.identify(with_visa);
    k.send(Event::ConfirmPassengers);
    k.send(Event::ConfirmDocumentOnFile(PassengerId(1)));
    assert!(k.s().exception.is_none(), "{:?}", k.s().exception);
    let mut k = Kiosk::with(Settings::default());
    let mut no_visa = family();
    no_visa.passengers.truncate(1);
    no_visa.passengers[0]
        .documents
        .retain(|d| d.kind.is_identity());
    k.identify(no_visa);
    k.send(Event::ConfirmPassengers);
    k.send(Event::ConfirmDocumentOnFile(PassengerId(1)));
    assert_eq!(
        k.s().exception.as_ref().map(|e| e.kind),
        Some(ExceptionKind::VisaRequired)
    );
}

#[test]
fn a_no_board_answer_is_its_own_exception_and_pages_staff() {
    let mut k = Kiosk::with(Settings::default());
    k.identify(to_new_york());
    k.send(Event::ConfirmPassengers);
    k.send(Event::DocumentScanned(swedish_passport((2031, 4, 15))));
    k.map_loaded();
    k.send(Event::ConfirmSeats);
    k.send(Event::ConfirmBags);
    k.send(Event::AcknowledgeDangerousGoods);
    k.send(Event::ConfirmReview);
    let request = k.pending();
    let fx = k.send(Event::CheckedIn {
        request,
        result: Err(DcsFailure::NoBoard(PassengerId(1))),
    });
    let e = k.s().exception.clone().unwrap();
    assert_eq!(e.kind, ExceptionKind::NoBoard);
    assert_eq!(e.choices, vec![Choice::Staff]);
    assert!(matches!(&fx[..], [Effect::PageStaff(p)] if p.reason.code() == "no_board"));
}

#[test]
fn an_unreadable_scan_says_so_and_keeps_the_passenger_where_they_are() {
    let mut k = Kiosk::new();
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    let fx = k.send(Event::DocumentUnreadable("mrz-unreadable"));
    assert!(fx.is_empty());
    assert_eq!(k.step(), Step::Identify);
    assert_eq!(
        k.s().notice,
        Some(Notice::UnreadableDocument("mrz-unreadable"))
    );
    assert_eq!(k.s().taps, 1, "a scan is not a tap");
}

#[test]
fn printer_trouble_is_a_maintenance_page_apart_from_passengers() {
    let mut k = Kiosk::new();
    let fx = k.send(Event::PrinterPaperLow);
    assert!(matches!(&fx[..], [Effect::Maintenance(p)] if p.reason.code() == "printer_paper_low"));
    assert!(
        k.engine.out_of_service().is_none(),
        "paper low still prints"
    );
    let fx = k.send(Event::PrinterFault {
        detail: "paper out".into(),
    });
    assert!(matches!(&fx[..], [Effect::Maintenance(p)] if p.reason.code() == "printer_failure"));
    assert!(
        k.send(Event::PrinterFault {
            detail: "paper out".into()
        })
        .is_empty(),
        "once"
    );
    assert!(!k.s().help_open(), "no passenger's incident");
    assert_eq!(k.engine.out_of_service(), Some("paper out"));
}

#[test]
fn back_over_accepted_documents_reaches_the_passengers() {
    let mut k = Kiosk::new();
    k.identify(family());
    k.send(Event::ConfirmPassengers);
    for id in 1..=4 {
        k.send(Event::ConfirmDocumentOnFile(PassengerId(id)));
    }
    assert_eq!(k.step(), Step::Seats);
    k.map_loaded();
    k.send(Event::Back);
    assert_eq!(k.step(), Step::Greeting, "not bounced back to seats");
}

#[test]
fn a_scan_goes_to_its_holder_not_to_the_first_in_the_list() {
    let mut b = family();
    b.passengers.truncate(2);
    b.passengers[1].documents.retain(|d| !d.kind.is_identity());
    let mut k = Kiosk::new();
    k.identify(b);
    k.toggle_all_on();
    k.send(Event::ConfirmPassengers);
    // Ali's passport is on file; Ayesha scans hers.
    k.send(Event::DocumentScanned(passport(
        "KHAN",
        "AYESHA",
        (2031, 1, 1),
    )));
    assert!(k.s().exception.is_none(), "{:?}", k.s().exception);
    assert!(matches!(
        k.s().documents.get(&PassengerId(2)),
        Some(DocumentState::Accepted(_))
    ));
    assert!(matches!(
        k.s().documents.get(&PassengerId(1)),
        Some(DocumentState::OnFile(_))
    ));
}

#[test]
fn the_staff_button_pages_again_after_a_cancelled_request() {
    let mut k = Kiosk::new();
    let mut b = single();
    b.legs[0].checkin.closes = t0() - TimeDelta::minutes(1);
    k.identify(b);
    k.send(Event::Choose(Choice::Staff));
    k.send(Event::CancelHelp);
    k.send(Event::Choose(Choice::Staff));
    assert_eq!(k.pages().len(), 2);
    assert!(k.s().help_open());
}

#[test]
fn a_working_printer_closes_its_maintenance_pages() {
    let mut k = Kiosk::new();
    k.send(Event::PrinterFault {
        detail: "paper out".into(),
    });
    let fx = k.send(Event::PrinterRestored);
    assert_eq!(fx, vec![Effect::PrinterBack]);
}

/// "Step n of m" counts the steps this check-in takes: Documents until a domestic booking is
/// found, never the steps the operator switched off.
#[test]
fn the_step_count_follows_the_path_the_operator_set() {
    let mut k = Kiosk::new();
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    assert_eq!(
        k.engine.step_of(),
        None,
        "no count while it depends on the booking (was 'Step 1 of 8', then 'Step 2 of 7')"
    );
    k.identify(single());
    assert_eq!(k.step(), Step::Greeting);
    assert_eq!(k.engine.step_of(), Some((2, 7)), "domestic: no documents");
    let mut k = Kiosk::new();
    k.identify(family());
    assert_eq!(k.engine.step_of(), Some((2, 8)), "abroad: documents too");
    let mut k = Kiosk::with(Settings {
        seats: false,
        bags: false,
        documents: DocumentsStep::Never,
        ..Settings::default()
    });
    k.send(Event::Start {
        locale: "en-US".into(),
    });
    assert_eq!(k.engine.step_of(), Some((1, 5)));
    k.identify(family());
    k.send(Event::ConfirmPassengers);
    assert_eq!(k.step(), Step::DangerousGoods);
    assert_eq!(k.engine.step_of(), Some((3, 5)));
    assert!(k.engine.can_go_back());
}

/// A lap infant with a bag allowance of their own may check a bag; one without may not (their
/// things travel in the adult's allowance).
#[test]
fn only_infants_with_an_allowance_of_their_own_check_bags() {
    for allowance in [1, 0] {
        let mut k = Kiosk::with(Settings {
            seats: false,
            documents: DocumentsStep::Never,
            ..Settings::default()
        });
        let mut b = family();
        for p in &mut b.passengers {
            if p.kind == PassengerType::Infant {
                p.baggage_allowance = allowance;
            }
        }
        k.identify(b);
        k.send(Event::ConfirmPassengers);
        assert_eq!(k.step(), Step::Bags);
        let omar = PassengerId(4);
        assert_eq!(k.engine.bag_passengers().contains(&omar), allowance > 0);
        k.send(Event::SetBags {
            passenger: omar,
            count: 1,
        });
        assert_eq!(
            k.s().bags.get(&omar).copied().unwrap_or(0),
            allowance,
            "allowance {allowance}"
        );
    }
}

/// A tap on a closed kiosk says it is closed (it said the printer could not print), and the
/// notice goes when staff open it again (it stayed).
#[test]
fn a_closed_kiosk_says_so_and_forgets_it_when_opened() {
    let mut k = Kiosk::new();
    k.send(Event::CloseKiosk { by: "1001".into() });
    k.send(Event::Start {
        locale: "ur-PK".into(),
    });
    assert_eq!(k.step(), Step::Welcome);
    assert_eq!(k.s().notice, Some(Notice::KioskClosed));
    k.send(Event::OpenKiosk);
    assert_eq!(k.s().notice, None);
    k.send(Event::Start {
        locale: "ur-PK".into(),
    });
    assert_eq!(k.step(), Step::Identify);
}

/// With a pass service, a good print asks for links to the passes on a phone, once; the links
/// come to the session they were asked for, and a session that has ended never gets them.
#[test]
fn a_print_asks_for_phone_links_and_only_its_own_session_keeps_them() {
    let through_print = |settings: Settings| {
        let mut k = Kiosk::with(settings);
        k.identify(single());
        k.through_to_review();
        k.send(Event::ConfirmReview);
        k.checked_in();
        let fx = k.printed(Ok(vec!["bp.pdf".into()]));
        (k, fx)
    };
    let (_, fx) = through_print(Settings::default());
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::PhoneLinks { .. })),
        "no pass service, no question"
    );
    let settings = Settings {
        phone_passes: true,
        ..Settings::default()
    };
    let (mut k, fx) = through_print(settings.clone());
    let Some(Effect::PhoneLinks { session, job }) = fx
        .iter()
        .find(|e| matches!(e, Effect::PhoneLinks { .. }))
        .cloned()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(session, k.s().serial);
    assert_eq!(job.passengers[0].passenger, PassengerId(1));
    assert!(k.s().phone_asked);
    let link = crate::wallet::PassLink {
        passenger: PassengerId(1),
        url: "https://desk.example.com/pass/0123".into(),
    };
    // Another session's links are dropped …
    k.send(Event::PhoneLinks {
        session: session + 1,
        result: Ok(vec![link.clone()]),
    });
    assert!(k.s().phone_links.is_empty());
    // … this one's are kept, and not asked for again on a reprint.
    k.send(Event::PhoneLinks {
        session,
        result: Ok(vec![link.clone()]),
    });
    assert_eq!(k.s().phone_links, vec![link.clone()]);
    k.send(Event::SkipFeedback);
    assert_eq!(k.step(), Step::Goodbye);
    k.now += TimeDelta::seconds(20);
    k.send(Event::Tick);
    assert_eq!(k.step(), Step::Welcome);
    assert!(k.s().phone_links.is_empty(), "wiped with the session");
    // Links arriving late for the ended session are not inherited by the next passenger.
    k.send(Event::PhoneLinks {
        session,
        result: Ok(vec![link]),
    });
    assert!(k.s().phone_links.is_empty());
}

/// Check-in has closed: an agent at the kiosk checks the passenger in all the same, with a
/// reason, until the flight leaves; seats are the airline's to give and bags go through the
/// agent, so the kiosk asks neither.
#[test]
fn staff_check_a_late_passenger_in_with_a_reason() {
    let mut k = Kiosk::new();
    k.identify(late());
    let e = k.s().exception.as_ref().expect("closed");
    assert_eq!(e.kind, ExceptionKind::CheckinClosed);
    assert!(k.engine.can_check_in_late(k.now));
    k.send(Event::StaffLateCheckIn {
        staff: "1001".into(),
        reason: "The gate accepts the passenger".into(),
    });
    assert!(k.s().exception.is_none());
    assert_eq!(k.step(), Step::Greeting);
    k.send(Event::ConfirmPassengers);
    let mut seen = vec![k.step()];
    while k.step() != Step::Review {
        match k.step() {
            Step::Documents => {
                let id = k.engine.documents_to_do()[0];
                k.send(Event::ConfirmDocumentOnFile(id));
            }
            Step::DangerousGoods => {
                k.send(Event::AcknowledgeDangerousGoods);
            }
            other => panic!("late, the kiosk asks nothing at {other:?}"),
        }
        seen.push(k.step());
    }
    assert!(!seen.contains(&Step::Seats) && !seen.contains(&Step::Bags));
    let fx = k.send(Event::ConfirmReview);
    let Some(Effect::CheckIn { order, .. }) = fx.first() else {
        panic!("{fx:?}")
    };
    let staff = order
        .staff
        .as_ref()
        .expect("the agent's authority goes with it");
    assert_eq!(staff.staff, "1001");
    assert_eq!(staff.action, StaffOverrideKind::LateCheckIn);
    assert_eq!(staff.reason, "The gate accepts the passenger");
    // Once the flight has left, nobody checks in.
    let mut k = Kiosk::new();
    k.identify(late());
    k.now = k.s().booking.as_ref().unwrap().legs[0].departure;
    assert!(!k.engine.can_check_in_late(k.now));
    k.send(Event::StaffLateCheckIn {
        staff: "1001".into(),
        reason: "The gate accepts the passenger".into(),
    });
    assert!(k.s().exception.is_some());
}

/// Past the reprint limit the passenger is sent to an agent, and the agent prints it: the
/// airline's check-in once more, on the agent's authority.
#[test]
fn past_the_reprint_limit_the_agent_prints_on_their_authority() {
    let mut k = at_the_reprint_limit();
    k.send(Event::Reprint);
    assert!(k.engine.can_reprint(), "the agent called can print");
    let fx = k.send(Event::StaffReprint {
        staff: "1001".into(),
    });
    let Some(Effect::CheckIn { order, .. }) = fx.first() else {
        panic!("{fx:?}")
    };
    assert_eq!(
        order.staff.as_ref().map(|s| (s.staff.as_str(), s.action)),
        Some(("1001", StaffOverrideKind::Reprint))
    );
    assert!(k.s().exception.is_none());
    assert_eq!(k.step(), Step::Printing);
}
