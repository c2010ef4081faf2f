//! The engine's vocabulary: what comes in (events), what goes out (effects), and the
//! exceptions a check-in can meet.

use super::Step;
use crate::domain::{
    Booking, CheckinRecord, FlightKey, LicencePlate, PassengerId, Seat, SeatMap, Timestamp,
    TravelDocument,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Identifies an effect that expects an answer; answers to anything else are ignored (a late
/// answer for a wiped session must not leak into the next passenger's).
pub type RequestId = u64;

/// Ways a passenger can be recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdentifyMethod {
    BookingReference,
    ETicket,
    FrequentFlyer,
    Passport,
    BoardingPass,
}

/// What the passenger entered or scanned to be recognised. Scans arrive already parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identification {
    BookingReference {
        reference: String,
        surname: String,
    },
    ETicket {
        number: String,
        surname: String,
    },
    /// A frequent-flyer number, and the surname that goes with it.
    FrequentFlyer {
        number: String,
        surname: String,
    },
    /// A passport or ID card read from its MRZ.
    Document(TravelDocument),
    /// A boarding pass barcode (BCBP): record locator and the name as printed.
    BoardingPass {
        reference: String,
        surname: String,
    },
}

/// A validated look-up for the airline system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BookingQuery {
    Reference {
        reference: String,
        surname: String,
    },
    ETicket {
        number: String,
        surname: String,
    },
    FrequentFlyer {
        number: String,
        /// The second factor: a number alone (printed on a card, a boarding pass) finds nothing.
        #[serde(default)]
        surname: String,
    },
    /// Staff at a kiosk look a booking up by its reference alone (the airline service takes it
    /// only from someone on its staff).
    ForStaff {
        reference: String,
        staff: String,
    },
    /// By the holder of a travel document, among flights departing soon.
    Document {
        surname: String,
        given_names: String,
        number: String,
        birth_date: Option<NaiveDate>,
    },
}

/// A choice offered on an exception screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    TryAgain,
    AnotherWay,
    Staff,
    ContinueWithoutBags,
}

/// Everything that can happen to the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The clock moved; drives the idle prompt and the goodbye screen.
    Tick,
    /// A tap the screen handles itself (a key of the on-screen keyboard, a field or a
    /// passenger chosen, Larger text, the seat list …): nothing for the engine to do but count
    /// it as a tap and as the passenger being there.
    Touch,
    /// Welcome: the passenger picked a language and started.
    Start {
        locale: String,
    },
    /// Welcome: a passport or boarding pass was scanned before any tap; the check-in starts in
    /// `locale` (the operator's first language) and takes the scan. Not a tap.
    StartScanned {
        locale: String,
    },
    /// The passenger chose another language mid-session (offered after a passport scan).
    ChangeLanguage {
        locale: String,
    },
    /// Identify: the passenger switched to another way of being recognised.
    ChooseMethod(IdentifyMethod),
    Identify(Identification),
    /// Greeting: select or leave out a passenger of the booking.
    TogglePassenger(PassengerId),
    ConfirmPassengers,
    /// Documents: the document on file is the passenger's own and current.
    ConfirmDocumentOnFile(PassengerId),
    /// Documents: the document on file is not the passenger's (or not the one they travel
    /// on): it must be scanned instead.
    RejectDocumentOnFile(PassengerId),
    /// Documents: a passport or ID card was scanned (for the next passenger still to do).
    DocumentScanned(TravelDocument),
    /// A scan that could not be read; carries the message id the screen shows
    /// (`mrz-unreadable` …).
    DocumentUnreadable(&'static str),
    /// Seats: show the map of another leg.
    ChooseSeat {
        passenger: PassengerId,
        seat: Seat,
    },
    /// The passenger's answer to the exit-row eligibility question.
    AnswerExitRow(bool),
    ConfirmSeats,
    SetBags {
        passenger: PassengerId,
        count: u8,
    },
    ConfirmBags,
    AcknowledgeDangerousGoods,
    ConfirmReview,
    /// Checked in already: print my boarding passes again (same numbers, same barcodes; no
    /// second tag for a bag).
    Reprint,
    /// Checked in already: check more bags (within the allowance).
    AddBags,
    /// Checked in already: choose another seat.
    ChangeSeat,
    /// Checked in already: the boarding passes on my phone (QRs).
    PassOnPhone,
    GiveFeedback(u8),
    SkipFeedback,
    /// Goodbye: the passenger is done (Welcome returns).
    Finish,
    Back,
    /// The passenger walked away or pressed Cancel: wipe now.
    Cancel,
    Choose(Choice),
    MoreTime,
    /// The Help button (or F1).
    Help,
    /// The passenger cancelled their help request.
    CancelHelp,
    /// The help system delivered the request to a target (nobody has acknowledged it yet).
    HelpDelivered,
    /// The help system could not reach anyone in time (or every target refused the page):
    /// the passenger is sent to a desk (`desk`, empty for the check-in desk).
    HelpUnreachable {
        desk: String,
    },
    /// The help system reports an agent acknowledged (their name, for "Sam is on the way").
    HelpAcknowledged {
        agent: String,
    },
    /// The agent resolved the request.
    HelpResolved,
    /// The printer reports it can print again.
    PrinterRestored,
    /// The printer reports a fault outside a print job (paper out, cover open).
    PrinterFault {
        detail: String,
    },
    /// The printer's paper is running low: someone should refill it before it runs out.
    PrinterPaperLow,

    // Staff mode (a signed-in staff member at the kiosk).
    /// Accept the travel document the current exception refused; who and why are recorded
    /// with the check-in.
    StaffOverride {
        staff: String,
        reason: String,
    },
    /// Print this session's documents again (same data, same bag tags).
    StaffReprint {
        staff: String,
    },
    /// Staff look up any booking by its reference alone: a session of its own starts at
    /// Identify (the one on the screen ends).
    StaffFind {
        staff: String,
    },
    /// Staff replace one of a passenger's bag tags: the old plate voided, a new one printed.
    StaffReissueTag {
        staff: String,
        passenger: PassengerId,
        plate: LicencePlate,
    },
    /// Check-in has closed: staff check the passenger in all the same, for this reason.
    StaffLateCheckIn {
        staff: String,
        reason: String,
    },
    /// Take the kiosk out of service (passengers are sent to another kiosk or the desk).
    CloseKiosk {
        /// Staff id, for the record.
        by: String,
    },
    OpenKiosk,
    /// The airport's CUSS platform does not let the kiosk take passengers now (it suspended
    /// or disabled the application, a needed device is down, the platform is unreachable):
    /// Welcome says the kiosk is out of service, for this reason.
    PlatformHold {
        why: String,
    },
    /// The platform lets the kiosk take passengers again.
    PlatformReady,
    /// Staff resolved the session's help request in person.
    StaffResolveHelp,

    // Answers to effects.
    BookingFound {
        request: RequestId,
        result: Result<Booking, DcsFailure>,
    },
    SeatMapLoaded {
        request: RequestId,
        result: Result<SeatMap, DcsFailure>,
    },
    SeatsAssigned {
        request: RequestId,
        result: Result<Vec<(PassengerId, Seat)>, DcsFailure>,
    },
    CheckedIn {
        request: RequestId,
        result: Result<Vec<CheckedInPassenger>, DcsFailure>,
    },
    Printed {
        request: RequestId,
        result: Result<Vec<String>, PrinterFailure>,
    },
    /// The airline's answer to a bag tag reissue: the passenger's active plates.
    TagReissued {
        request: RequestId,
        result: Result<Vec<LicencePlate>, DcsFailure>,
    },
    /// The links of session `session`'s passes on a phone, or why there are none.
    PhoneLinks {
        session: u64,
        result: Result<Vec<crate::wallet::PassLink>, String>,
    },
}

impl Event {
    /// A touch the passenger had to make (scans are not taps): what the README's "≤ 6 taps"
    /// target (How it is built, Numbers) counts.
    pub fn is_tap(&self) -> bool {
        self.is_passenger_action()
            && !matches!(
                self,
                Event::Identify(Identification::Document(_))
                    | Event::Identify(Identification::BoardingPass { .. })
                    | Event::StartScanned { .. }
                    | Event::DocumentScanned(_)
                    | Event::DocumentUnreadable(_)
            )
    }

    /// Events that come from the passenger's own hand (and so reset the idle timer).
    pub fn is_passenger_action(&self) -> bool {
        !matches!(
            self,
            Event::Tick
                | Event::StaffOverride { .. }
                | Event::StaffReprint { .. }
                | Event::StaffLateCheckIn { .. }
                | Event::StaffFind { .. }
                | Event::StaffReissueTag { .. }
                | Event::TagReissued { .. }
                | Event::CloseKiosk { .. }
                | Event::OpenKiosk
                | Event::PlatformHold { .. }
                | Event::PlatformReady
                | Event::StaffResolveHelp
                | Event::HelpDelivered
                | Event::HelpUnreachable { .. }
                | Event::HelpAcknowledged { .. }
                | Event::HelpResolved
                | Event::PrinterRestored
                | Event::PrinterFault { .. }
                | Event::PrinterPaperLow
                | Event::BookingFound { .. }
                | Event::SeatMapLoaded { .. }
                | Event::SeatsAssigned { .. }
                | Event::CheckedIn { .. }
                | Event::Printed { .. }
                | Event::PhoneLinks { .. }
        )
    }
}

/// How the airline system failed a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DcsFailure {
    NotFound,
    /// A seat asked for was taken by someone else meanwhile.
    SeatTaken(Seat),
    /// The system refused (e.g. the passenger is on a no-board list); needs a person.
    Refused(String),
    /// Unreachable, timing out, or answering garbage.
    Unavailable(String),
    /// The destination's authorities answered "no board" for this passenger.
    NoBoard(PassengerId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterFailure {
    pub detail: String,
}

/// What the airline system answered for one checked-in passenger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedInPassenger {
    pub passenger: PassengerId,
    /// One record per leg of the booking.
    pub legs: Vec<CheckinRecord>,
    pub bag_tags: Vec<LicencePlate>,
}

/// The check-in order the airline system carries out in one go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInOrder {
    pub reference: String,
    /// Passengers to check in, with their checked bags, on every leg of the booking.
    pub passengers: Vec<(PassengerId, u8)>,
    /// Documents read or confirmed at the kiosk: advance passenger information.
    pub documents: Vec<(PassengerId, TravelDocument)>,
    /// Documents staff accepted although the kiosk's check refused them.
    pub overrides: Vec<DocumentOverride>,
    /// A staff member at the kiosk acts beyond a passenger's rules (a check-in past the close,
    /// a pass printed past the reprint limit): who, what and why, journalled by the airline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<StaffAuthority>,
}

/// What a staff member at the kiosk allowed beyond a passenger's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAuthority {
    pub staff: String,
    pub action: StaffOverrideKind,
    /// In the staff member's words (one of the staff panel's reasons).
    pub reason: String,
}

/// The rules staff may set aside at the kiosk. The code is stable: journals rely on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffOverrideKind {
    /// A check-in after check-in closed (before the flight leaves).
    LateCheckIn,
    /// A pass printed again past `[checkin] max_reprints`.
    Reprint,
}

impl StaffOverrideKind {
    pub fn code(self) -> &'static str {
        match self {
            StaffOverrideKind::LateCheckIn => "late_check_in",
            StaffOverrideKind::Reprint => "reprint",
        }
    }
}

/// A staff member accepted a passenger's travel document over the kiosk's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentOverride {
    pub passenger: PassengerId,
    /// Staff id.
    pub staff: String,
    pub reason: String,
}

/// What to print: every boarding pass and bag tag of the checked-in passengers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    pub booking: Booking,
    pub passengers: Vec<CheckedInPassenger>,
    /// The passenger's language, for labels.
    pub locale: String,
    /// Set when the passenger or staff asked to print again (same data, same bag tags).
    pub reprint: bool,
    /// When the documents were issued (the boarding pass's date of issue).
    pub at: Timestamp,
    /// Passengers whose travel documents the kiosk checked (IATA 792 documentation
    /// verification).
    pub documents_verified: Vec<PassengerId>,
    /// Plates tagged at an earlier visit: those bags may be at the drop already, and a second
    /// tag for one is never printed (the boarding pass and the receipt still list them).
    pub tagged_before: Vec<LicencePlate>,
    /// Bag tags and the receipt only (a bag-drop station): no boarding pass.
    pub tags_only: bool,
}

/// Why staff are paged. The code is stable: pages, desks and metrics rely on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The passenger pressed Help.
    PassengerAsked,
    /// The engine met something only a person can fix.
    Exception(ExceptionKind),
    /// A low feedback score, and the passenger wants to talk to someone.
    UnhappyPassenger,
    /// A special service request that completes at the kiosk but the assistance service must
    /// know of (a wheelchair).
    Assistance(String),
    /// Kiosk maintenance: the printer's paper is low.
    PrinterPaperLow,
    /// Kiosk maintenance: the kiosk restarted while it was printing (a crash, a power cut);
    /// someone should look at what came out.
    PrintInterrupted,
}

impl Reason {
    pub fn code(&self) -> String {
        match self {
            Reason::PassengerAsked => "passenger_asked".into(),
            Reason::Exception(k) => k.code().into(),
            Reason::UnhappyPassenger => "unhappy_passenger".into(),
            Reason::PrinterPaperLow => "printer_paper_low".into(),
            Reason::PrintInterrupted => "print_interrupted".into(),
            Reason::Assistance(ssr) => format!("assistance_{}", ssr.to_ascii_lowercase()),
        }
    }
}

/// A page to staff: what a human needs to know to come and help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The kiosk session it belongs to: one incident per session, so a second page in the same
    /// session updates the first.
    pub session: u64,
    pub reason: Reason,
    pub step: Step,
    pub locale: String,
    /// Flight as passengers read it (`NW 123`), when known.
    pub flight: Option<String>,
    pub minutes_until_close: Option<i64>,
    /// When check-in for the flight closes, when known: the desk counts down to it.
    pub closes_at: Option<Timestamp>,
    /// The special service request that stopped the check-in (`UMNR`), when that is the reason.
    pub service: Option<String>,
    /// Only when the operator allows it.
    pub first_name: Option<String>,
    pub at: Timestamp,
}

/// How a session ended, for the service metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Completed,
    Cancelled,
    TimedOut,
}

/// What the runtime must do for the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    FindBooking {
        request: RequestId,
        query: BookingQuery,
        now: Timestamp,
    },
    LoadSeatMap {
        request: RequestId,
        flight: FlightKey,
    },
    /// Assign all these seats in one transaction, or none.
    AssignSeats {
        request: RequestId,
        reference: String,
        leg: usize,
        flight: FlightKey,
        seats: Vec<(PassengerId, Seat)>,
    },
    CheckIn {
        request: RequestId,
        order: CheckInOrder,
    },
    /// Replace a bag tag (staff): the old plate voided, a new one issued.
    ReissueTag {
        request: RequestId,
        passenger: PassengerId,
        plate: LicencePlate,
        staff: String,
    },
    Print {
        request: RequestId,
        job: Box<PrintJob>,
    },
    /// Ask the pass service for links to session `session`'s boarding passes (a phone opens
    /// them); answered by [`Event::PhoneLinks`], awaited by no screen.
    PhoneLinks {
        session: u64,
        job: Box<PrintJob>,
    },
    PageStaff(Page),
    /// The passenger cancelled, or the session ended: close the open incident.
    CancelPage {
        session: u64,
    },
    /// Staff helped in person: the incident is resolved.
    ResolvePage {
        session: u64,
    },
    /// Tell the assistance service (a page with its own reason; it opens no incident).
    NotifyAssistance(Page),
    /// The kiosk itself needs someone (printer paper low or out): a maintenance incident of
    /// its own, one per reason, apart from any passenger's session.
    Maintenance(Page),
    /// The printer prints again: close its maintenance incidents (paper low, printer failure).
    PrinterBack,
    RecordFeedback {
        score: u8,
        locale: String,
    },
    /// The session is over: forget everything about the passenger (screen, buffers, caches).
    EndSession {
        session: u64,
        outcome: Outcome,
        last_step: Step,
        /// What the service metrics keep of the session (no one's identity).
        report: SessionReport,
    },
}

/// A session as the service metrics see it: how far it went, how long it took, whether help
/// was asked for and how soon it came. Nothing about who the passenger was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionReport {
    pub outcome: Outcome,
    /// Where the session ended (the step given up at, when it was not completed).
    pub last_step: Step,
    /// The furthest step reached.
    pub furthest: Step,
    pub locale: String,
    /// From leaving Welcome to the end.
    pub seconds: i64,
    /// Passenger actions.
    pub taps: u32,
    /// Pages to staff in the session (the passenger's Help and the kiosk's own).
    pub help_requests: u32,
    /// From the first page to its acknowledgement by an agent, when one came.
    pub help_acknowledged_after: Option<i64>,
    /// From the first page to the end of the session, when no agent acknowledged it.
    pub help_unanswered_after: Option<i64>,
    pub printer_fault: bool,
    pub feedback: Option<u8>,
}

/// How a runtime carries an effect out: the one place effects are sorted, so that a new one
/// must be placed here (the match has no catch-all) before anything can run it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffectClass {
    /// A question to the airline system: it may take a network's time, so it runs away from
    /// the screen, one at a time, and its answer comes back as an event.
    Airline,
    /// A print: slow too, away from the screen, answered by an event.
    Print,
    /// A question to the pass service (links for a phone): away from the screen, answered by
    /// an event no screen waits for.
    Service,
    /// Quick and unanswered (paging staff, recording a score, ending a session): done at once.
    Quick,
}

impl EffectClass {
    /// Does it run away from the screen's thread, its answer coming back as an event?
    pub fn is_slow(self) -> bool {
        self != EffectClass::Quick
    }
}

impl Effect {
    pub fn class(&self) -> EffectClass {
        match self {
            Effect::FindBooking { .. }
            | Effect::LoadSeatMap { .. }
            | Effect::AssignSeats { .. }
            | Effect::CheckIn { .. }
            | Effect::ReissueTag { .. } => EffectClass::Airline,
            Effect::Print { .. } => EffectClass::Print,
            Effect::PhoneLinks { .. } => EffectClass::Service,
            Effect::PageStaff(_)
            | Effect::CancelPage { .. }
            | Effect::ResolvePage { .. }
            | Effect::NotifyAssistance(_)
            | Effect::Maintenance(_)
            | Effect::PrinterBack
            | Effect::RecordFeedback { .. }
            | Effect::EndSession { .. } => EffectClass::Quick,
        }
    }

    /// The effect's name, for logs (never its contents: they may hold passenger data).
    pub fn name(&self) -> &'static str {
        match self {
            Effect::FindBooking { .. } => "find_booking",
            Effect::LoadSeatMap { .. } => "load_seat_map",
            Effect::AssignSeats { .. } => "assign_seats",
            Effect::CheckIn { .. } => "check_in",
            Effect::ReissueTag { .. } => "reissue_tag",
            Effect::Print { .. } => "print",
            Effect::PhoneLinks { .. } => "phone_links",
            Effect::PageStaff(_) => "page_staff",
            Effect::CancelPage { .. } => "cancel_page",
            Effect::ResolvePage { .. } => "resolve_page",
            Effect::NotifyAssistance(_) => "notify_assistance",
            Effect::Maintenance(_) => "maintenance",
            Effect::PrinterBack => "printer_back",
            Effect::RecordFeedback { .. } => "record_feedback",
            Effect::EndSession { .. } => "end_session",
        }
    }
}

/// Kinds of exceptions, with stable codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExceptionKind {
    BookingNotFound,
    CheckinNotOpen,
    CheckinClosed,
    FlightCancelled,
    WrongAirport,
    DocumentExpired,
    DocumentNameMismatch,
    DocumentMissing,
    /// The destination requires a visa or travel authorisation the passenger does not hold.
    VisaRequired,
    /// The destination requires an address in the country, and none is on file.
    AddressRequired,
    /// The destination's authorities answered "no board".
    NoBoard,
    SpecialService,
    ExcessBaggage,
    BagsClosed,
    NoSeat,
    Refused,
    /// A passenger already checked in has printed their pass again as often as the airline
    /// allows (`[checkin] max_reprints`): an agent prints it.
    ReprintLimit,
    /// At a bag-drop station, a passenger not checked in yet.
    CheckInFirst,
    PrinterFailure,
    AirlineSystemUnavailable,
}

impl ExceptionKind {
    /// Every kind, for screens and tests that must cover them all.
    pub const ALL: [ExceptionKind; 20] = [
        ExceptionKind::BookingNotFound,
        ExceptionKind::CheckinNotOpen,
        ExceptionKind::CheckinClosed,
        ExceptionKind::FlightCancelled,
        ExceptionKind::WrongAirport,
        ExceptionKind::DocumentExpired,
        ExceptionKind::DocumentNameMismatch,
        ExceptionKind::DocumentMissing,
        ExceptionKind::VisaRequired,
        ExceptionKind::AddressRequired,
        ExceptionKind::NoBoard,
        ExceptionKind::SpecialService,
        ExceptionKind::ExcessBaggage,
        ExceptionKind::BagsClosed,
        ExceptionKind::NoSeat,
        ExceptionKind::Refused,
        ExceptionKind::ReprintLimit,
        ExceptionKind::CheckInFirst,
        ExceptionKind::PrinterFailure,
        ExceptionKind::AirlineSystemUnavailable,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ExceptionKind::BookingNotFound => "booking_not_found",
            ExceptionKind::CheckinNotOpen => "checkin_not_open",
            ExceptionKind::CheckinClosed => "checkin_closed",
            ExceptionKind::FlightCancelled => "flight_cancelled",
            ExceptionKind::WrongAirport => "wrong_airport",
            ExceptionKind::DocumentExpired => "document_expired",
            ExceptionKind::DocumentNameMismatch => "document_name_mismatch",
            ExceptionKind::DocumentMissing => "document_missing",
            ExceptionKind::VisaRequired => "visa_required",
            ExceptionKind::AddressRequired => "address_required",
            ExceptionKind::NoBoard => "no_board",
            ExceptionKind::SpecialService => "special_service",
            ExceptionKind::ExcessBaggage => "excess_baggage",
            ExceptionKind::BagsClosed => "bags_closed",
            ExceptionKind::NoSeat => "no_seat",
            ExceptionKind::Refused => "refused",
            ExceptionKind::ReprintLimit => "reprint_limit",
            ExceptionKind::CheckInFirst => "check_in_first",
            ExceptionKind::PrinterFailure => "printer_failure",
            ExceptionKind::AirlineSystemUnavailable => "airline_system_unavailable",
        }
    }

    /// Where only a person can act, the engine pages staff as soon as it meets the exception.
    pub fn pages_staff(self) -> bool {
        matches!(
            self,
            ExceptionKind::FlightCancelled
                | ExceptionKind::DocumentExpired
                | ExceptionKind::DocumentNameMismatch
                | ExceptionKind::VisaRequired
                | ExceptionKind::AddressRequired
                | ExceptionKind::NoBoard
                | ExceptionKind::SpecialService
                | ExceptionKind::NoSeat
                | ExceptionKind::Refused
                | ExceptionKind::ReprintLimit
                | ExceptionKind::PrinterFailure
                | ExceptionKind::AirlineSystemUnavailable
        )
    }
}

/// An exception the session is in, with what a screen needs to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    pub kind: ExceptionKind,
    /// Failed look-ups so far (booking not found).
    pub attempts: u8,
    pub passenger: Option<PassengerId>,
    /// When check-in opens or closed, for the not-open / closed screens.
    pub time: Option<Timestamp>,
    /// The SSR code, the departure airport, the printer's complaint … as fits the kind.
    pub detail: Option<String>,
    /// Bags: the allowance and the count asked for.
    pub allowance: Option<(u8, u8)>,
    /// The choices the screen offers (Help is always there besides).
    pub choices: Vec<Choice>,
    /// Set once staff were paged for it.
    pub staff_paged: bool,
}

impl Exception {
    pub fn new(kind: ExceptionKind) -> Self {
        Exception {
            kind,
            attempts: 0,
            passenger: None,
            time: None,
            detail: None,
            allowance: None,
            choices: default_choices(kind),
            staff_paged: false,
        }
    }
}

fn default_choices(kind: ExceptionKind) -> Vec<Choice> {
    use Choice::*;
    use ExceptionKind::*;
    match kind {
        BookingNotFound => vec![TryAgain, AnotherWay],
        CheckinNotOpen | WrongAirport => vec![AnotherWay, Staff],
        CheckinClosed | FlightCancelled | SpecialService | Refused | NoBoard => vec![Staff],
        ReprintLimit => vec![Staff],
        CheckInFirst => vec![AnotherWay, Staff],
        VisaRequired | AddressRequired => vec![Staff],
        DocumentExpired | DocumentNameMismatch | DocumentMissing => vec![TryAgain, Staff],
        ExcessBaggage => vec![TryAgain, Staff],
        BagsClosed => vec![ContinueWithoutBags, Staff],
        NoSeat => vec![TryAgain, Staff],
        PrinterFailure | AirlineSystemUnavailable => vec![TryAgain, Staff],
    }
}

/// Where the session's help request stands: the one account every screen, the banner, the
/// exception screens and speech read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum HelpState {
    /// No request (or it was cancelled).
    #[default]
    None,
    /// Committed to the outbox, not yet delivered anywhere.
    Asked,
    /// Delivered; nobody has acknowledged it yet.
    Delivered,
    /// An agent acknowledged it: they are on their way.
    Coming { agent: String },
    /// Nobody could be reached in time: the passenger was sent to a desk (empty: the check-in
    /// desk), at `since`.
    Unreachable { desk: String, since: Timestamp },
    /// An agent resolved it (shown until the next request).
    Resolved,
}

impl HelpState {
    /// Is a request open (asked, delivered, acknowledged, or unanswered)?
    pub fn is_open(&self) -> bool {
        matches!(
            self,
            HelpState::Asked
                | HelpState::Delivered
                | HelpState::Coming { .. }
                | HelpState::Unreachable { .. }
        )
    }

    /// The agent on their way, if one acknowledged.
    pub fn agent(&self) -> Option<&str> {
        match self {
            HelpState::Coming { agent } => Some(agent),
            _ => None,
        }
    }

    /// May the passenger expect a person to come (a request open that is not unanswered)?
    pub fn someone_coming(&self) -> bool {
        self.is_open() && !matches!(self, HelpState::Unreachable { .. })
    }
}

/// A passing message on the current screen; it blocks nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    InvalidBookingReference,
    InvalidETicket,
    InvalidFrequentFlyer,
    InvalidSurname(crate::domain::NameError),
    NoPassengerSelected,
    /// A child or infant cannot be checked in without an adult of the booking.
    ChildNeedsAdult(PassengerId),
    SeatTaken(Seat),
    SeatNotInCabin(Seat),
    ExitRowNotAllowed(PassengerId),
    /// This kiosk's printer cannot print: check-in is not offered until it can.
    OutOfService,
    /// Staff closed this kiosk: check-in is not offered until they open it.
    KioskClosed,
    /// The document scanned is not a passport or ID card.
    NotAnIdentityDocument,
    /// A scan could not be read (message id, e.g. `mrz-unreadable`).
    UnreadableDocument(&'static str),
    /// Mid-visit, the CUSS platform's devices stopped answering for a while: the passenger
    /// waits, and nothing entered is lost.
    DevicesPaused,
}

/// Where a passenger's travel document stands at the Documents step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentState {
    /// A document is on file; the passenger is asked to confirm it.
    OnFile(TravelDocument),
    /// Nothing usable on file: the passport must be scanned.
    NeedsScan,
    /// Checked and good.
    Accepted(TravelDocument),
}
