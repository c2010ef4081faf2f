//! The airline system over HTTP: [`HttpAirline`] asks it for the kiosk, [`router`] answers for
//! an airline store (`concierge airline serve`), so many kiosks share one airline.
//!
//! The protocol (version 1): `POST {url}/v1/{method}` with a JSON body and
//! `Authorization: Bearer {key}`, one method per [`DepartureControl`] call:
//!
//! | method | body | answer |
//! |---|---|---|
//! | `find_booking` | `{"query": BookingQuery, "now": time}` | `Booking` |
//! | `seat_map` | `{"flight": FlightKey}` | `SeatMap` |
//! | `assign_seats` | `{"reference", "leg", "flight", "seats": [[passenger, seat]]}` | `[[passenger, seat]]` |
//! | `check_in` | `{"order": CheckInOrder, "now": time}` | `[CheckedInPassenger]` |
//! | `issue_bag_tags` | `{"passenger", "count", "now"}` | `["0123456789"]` |
//! | `cancel_check_in` | `{"passenger"}` | `{}` |
//! | `reissue_bag_tag` | `{"passenger", "plate", "staff", "now"}` | `["0123456789"]` |
//!
//! A refusal is an HTTP 4xx or 5xx with `{"error": "not_found" | "seat_taken" | "refused" |
//! "no_board" | "bag_tags_exhausted" | "unavailable", …}`. Anything else — no answer in time,
//! a wrong key, an answer that is not this protocol — is "the airline system is unavailable"
//! for the engine: the passenger is offered to try again or a person, and nothing is lost.

use super::{DcsError, DepartureControl};
use crate::checkin::{BookingQuery, CheckInOrder, CheckedInPassenger};
use crate::config::Secret;
use crate::domain::{Booking, FlightKey, LicencePlate, PassengerId, Seat, SeatMap, Timestamp};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// A refusal as it travels.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
enum WireError {
    NotFound,
    SeatTaken { seat: Seat },
    Refused { detail: String },
    NoBoard { passenger: PassengerId },
    BagTagsExhausted,
    Unavailable { detail: String },
}

impl From<&DcsError> for WireError {
    fn from(e: &DcsError) -> Self {
        match e {
            DcsError::NotFound => WireError::NotFound,
            DcsError::SeatTaken(seat) => WireError::SeatTaken { seat: *seat },
            DcsError::Refused(detail) => WireError::Refused {
                detail: detail.clone(),
            },
            DcsError::NoBoard(p) => WireError::NoBoard { passenger: *p },
            DcsError::BagTagsExhausted => WireError::BagTagsExhausted,
            // The store's own words stay in the airline's log.
            DcsError::Store(_) => WireError::Unavailable {
                detail: "the airline store failed".into(),
            },
            DcsError::Unavailable(detail) => WireError::Unavailable {
                detail: detail.clone(),
            },
        }
    }
}

impl From<WireError> for DcsError {
    fn from(e: WireError) -> Self {
        match e {
            WireError::NotFound => DcsError::NotFound,
            WireError::SeatTaken { seat } => DcsError::SeatTaken(seat),
            WireError::Refused { detail } => DcsError::Refused(detail),
            WireError::NoBoard { passenger } => DcsError::NoBoard(passenger),
            WireError::BagTagsExhausted => DcsError::BagTagsExhausted,
            WireError::Unavailable { detail } => DcsError::Unavailable(detail),
        }
    }
}

/// A refusal's kind, for the log (never its details, which may name a passenger).
struct WireErrorCode<'a>(&'a DcsError);

impl std::fmt::Display for WireErrorCode<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            DcsError::NotFound => "not_found",
            DcsError::SeatTaken(_) => "seat_taken",
            DcsError::Refused(_) => "refused",
            DcsError::NoBoard(_) => "no_board",
            DcsError::BagTagsExhausted => "bag_tags_exhausted",
            DcsError::Store(_) | DcsError::Unavailable(_) => "unavailable",
        })
    }
}

fn status_of(e: &DcsError) -> StatusCode {
    match e {
        DcsError::NotFound => StatusCode::NOT_FOUND,
        DcsError::SeatTaken(_) => StatusCode::CONFLICT,
        DcsError::Refused(_) | DcsError::NoBoard(_) | DcsError::BagTagsExhausted => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        DcsError::Store(_) | DcsError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

// ---- the bodies of the calls ----

#[derive(Serialize, Deserialize)]
struct FindBooking {
    query: BookingQuery,
    now: Timestamp,
}

#[derive(Serialize, Deserialize)]
struct SeatMapOf {
    flight: FlightKey,
}

#[derive(Serialize, Deserialize)]
struct AssignSeats {
    reference: String,
    leg: usize,
    flight: FlightKey,
    seats: Vec<(PassengerId, Seat)>,
    /// The caller's clock (absent from older kiosks; the service decides by its own).
    #[serde(default)]
    now: Option<Timestamp>,
}

#[derive(Serialize, Deserialize)]
struct CheckIn {
    order: CheckInOrder,
    now: Timestamp,
}

#[derive(Serialize, Deserialize)]
struct IssueBagTags {
    passenger: PassengerId,
    count: u8,
    now: Timestamp,
}

#[derive(Serialize, Deserialize)]
struct ReissueBagTag {
    passenger: PassengerId,
    plate: LicencePlate,
    staff: String,
    now: Timestamp,
}

#[derive(Serialize, Deserialize)]
struct CancelCheckIn {
    /// The booking the passenger is on: nobody undoes a check-in by guessing an id.
    #[serde(default)]
    reference: String,
    passenger: PassengerId,
    #[serde(default)]
    now: Option<Timestamp>,
}

// ---- the client ----

type Reply = Result<Value, DcsError>;

struct Job {
    method: &'static str,
    body: Value,
    reply: mpsc::Sender<Reply>,
}

/// An airline system over HTTP. Calls block the caller until the answer or the timeout; a
/// thread of its own does the networking.
pub struct HttpAirline {
    jobs: mpsc::Sender<Job>,
    url: String,
    timeout: Duration,
}

impl HttpAirline {
    pub fn new(url: &str, key: &Secret, timeout: Duration) -> Result<HttpAirline, DcsError> {
        crate::net::install_crypto();
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(3)))
            .pool_idle_timeout(crate::net::CLIENT_IDLE)
            .build()
            .map_err(|e| DcsError::Unavailable(format!("cannot make an HTTP client: {e}")))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| DcsError::Unavailable(format!("cannot start the HTTP thread: {e}")))?;
        let (jobs, rx) = mpsc::channel::<Job>();
        let base = url.trim_end_matches('/').to_string();
        let bearer = format!("Bearer {}", key.expose());
        std::thread::Builder::new()
            .name("airline-http".into())
            .spawn(move || {
                for job in rx {
                    let answer = runtime.block_on(call(&client, &base, &bearer, &job));
                    let _ = job.reply.send(answer);
                }
            })
            .map_err(|e| DcsError::Unavailable(format!("cannot start the HTTP thread: {e}")))?;
        Ok(HttpAirline {
            jobs,
            url: url.to_string(),
            timeout,
        })
    }

    fn ask<T: DeserializeOwned>(
        &self,
        method: &'static str,
        body: impl Serialize,
    ) -> Result<T, DcsError> {
        let body = serde_json::to_value(body)
            .map_err(|e| DcsError::Unavailable(format!("cannot encode the request: {e}")))?;
        let (reply, answer) = mpsc::channel();
        self.jobs
            .send(Job {
                method,
                body,
                reply,
            })
            .map_err(|_| DcsError::Unavailable("the HTTP thread has stopped".into()))?;
        let value = answer
            .recv_timeout(self.timeout + Duration::from_secs(2))
            .map_err(|_| {
                DcsError::Unavailable(format!("the airline system at {} did not answer", self.url))
            })??;
        serde_json::from_value(value).map_err(|e| {
            DcsError::Unavailable(format!(
                "the airline system's answer to {method} is not what the protocol says: {e}"
            ))
        })
    }
}

async fn call(client: &reqwest::Client, base: &str, bearer: &str, job: &Job) -> Reply {
    let response = client
        .post(format!("{base}/v1/{}", job.method))
        .header(header::AUTHORIZATION, bearer)
        .json(&job.body)
        .send()
        .await
        .map_err(|e| {
            DcsError::Unavailable(format!("the airline system at {base} did not answer: {e}"))
        })?;
    let status = response.status();
    let bytes = response.bytes().await.map_err(|e| {
        DcsError::Unavailable(format!("the airline system's answer was cut off: {e}"))
    })?;
    if status.is_success() {
        return serde_json::from_slice(&bytes).map_err(|_| garbage(status, &bytes));
    }
    if status == reqwest::StatusCode::UNAUTHORIZED {
        return Err(DcsError::Unavailable(
            "the airline system refused this kiosk's key".into(),
        ));
    }
    match serde_json::from_slice::<WireError>(&bytes) {
        Ok(e) => Err(e.into()),
        Err(_) => Err(garbage(status, &bytes)),
    }
}

fn garbage(status: reqwest::StatusCode, bytes: &[u8]) -> DcsError {
    let text: String = String::from_utf8_lossy(bytes).chars().take(80).collect();
    DcsError::Unavailable(format!(
        "the airline system answered HTTP {status} with something that is not its protocol: {text:?}"
    ))
}

impl DepartureControl for HttpAirline {
    fn find_booking(&self, query: &BookingQuery, now: Timestamp) -> Result<Booking, DcsError> {
        self.ask(
            "find_booking",
            FindBooking {
                query: query.clone(),
                now,
            },
        )
    }

    fn seat_map(&self, flight: &FlightKey) -> Result<SeatMap, DcsError> {
        self.ask(
            "seat_map",
            SeatMapOf {
                flight: flight.clone(),
            },
        )
    }

    fn assign_seats(
        &self,
        reference: &str,
        leg: usize,
        flight: &FlightKey,
        seats: &[(PassengerId, Seat)],
    ) -> Result<Vec<(PassengerId, Seat)>, DcsError> {
        self.ask(
            "assign_seats",
            AssignSeats {
                reference: reference.to_string(),
                leg,
                flight: flight.clone(),
                seats: seats.to_vec(),
                now: Some(chrono::Utc::now()),
            },
        )
    }

    fn check_in(
        &self,
        order: &CheckInOrder,
        now: Timestamp,
    ) -> Result<Vec<CheckedInPassenger>, DcsError> {
        self.ask(
            "check_in",
            CheckIn {
                order: order.clone(),
                now,
            },
        )
    }

    fn issue_bag_tags(
        &self,
        passenger: PassengerId,
        count: u8,
        now: Timestamp,
    ) -> Result<Vec<LicencePlate>, DcsError> {
        self.ask(
            "issue_bag_tags",
            IssueBagTags {
                passenger,
                count,
                now,
            },
        )
    }

    fn reissue_bag_tag(
        &self,
        passenger: PassengerId,
        plate: &LicencePlate,
        staff: &str,
        now: Timestamp,
    ) -> Result<Vec<LicencePlate>, DcsError> {
        self.ask(
            "reissue_bag_tag",
            ReissueBagTag {
                passenger,
                plate: plate.clone(),
                staff: staff.to_string(),
                now,
            },
        )
    }

    fn cancel_check_in(
        &self,
        reference: &str,
        passenger: PassengerId,
        now: Timestamp,
    ) -> Result<(), DcsError> {
        let _: Value = self.ask(
            "cancel_check_in",
            CancelCheckIn {
                reference: reference.to_string(),
                passenger,
                now: Some(now),
            },
        )?;
        Ok(())
    }
}

// ---- the server ----

struct Served {
    airline: Arc<dyn DepartureControl>,
    /// Each caller's name and the hash of its key.
    keys: Vec<(String, [u8; 32])>,
    rules: super::Rules,
    /// Per caller: changes (check-ins, seats, tags, cancels) and look-ups.
    changes: Buckets,
    lookups: Buckets,
    /// Lines refused requests may still write this minute: strangers' (no key) apart from
    /// kiosks', so a stranger's flood never silences a kiosk's refusals.
    strangers: RefusalLog,
    refusals: RefusalLog,
    /// Lines about kiosks slowed down (one kiosk in a loop says so a few times a minute).
    slowed: RefusalLog,
}

/// The largest request body the service reads.
pub const BODY_LIMIT: usize = 64 * 1024;
/// The most passengers, seats, documents or overrides one request may name (a booking holds
/// at most 9 passengers; room for a few more).
pub const MOST_ITEMS: usize = 16;
/// Changes one caller may make: a burst of this many, then one each `CHANGE_EVERY_MS`.
pub const CHANGE_BURST: f64 = 20.0;
pub const CHANGE_EVERY_MS: f64 = 250.0;
/// Look-ups one caller may make: a burst, then one each `LOOKUP_EVERY_MS`.
pub const LOOKUP_BURST: f64 = 10.0;
pub const LOOKUP_EVERY_MS: f64 = 1000.0;
/// Lines requests without a good key may write to the log in a minute; the rest are counted.
pub const STRANGER_LINES: u32 = 30;
/// Lines kiosks' refused requests may write in a minute.
pub const REFUSAL_LINES: u32 = 600;

/// A token bucket per caller.
struct Buckets {
    burst: f64,
    every_ms: f64,
    by_caller: std::sync::Mutex<std::collections::HashMap<String, (f64, std::time::Instant)>>,
}

impl Buckets {
    fn new(burst: f64, every_ms: f64) -> Self {
        Buckets {
            burst,
            every_ms,
            by_caller: Default::default(),
        }
    }

    /// Takes a token; `Err(ms)` to wait when there is none.
    fn take(&self, caller: &str) -> Result<(), u64> {
        let now = std::time::Instant::now();
        let mut all = self.by_caller.lock().unwrap_or_else(|p| p.into_inner());
        let (tokens, at) = all.entry(caller.to_string()).or_insert((self.burst, now));
        let refill = now.duration_since(*at).as_secs_f64() * 1000.0 / self.every_ms;
        *tokens = (*tokens + refill).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) * self.every_ms).ceil() as u64)
        }
    }
}

/// How many lines refused requests wrote this minute: a stranger cannot fill the log.
struct RefusalLog {
    lines: u32,
    minute: std::sync::Mutex<(i64, u32, u64)>,
}

impl RefusalLog {
    /// May one more refusal be written? When the minute turns, says how many were not.
    fn may_write(&self) -> bool {
        let minute = chrono::Utc::now().timestamp() / 60;
        let mut m = self.minute.lock().unwrap_or_else(|p| p.into_inner());
        if m.0 != minute {
            if m.2 > 0 {
                tracing::warn!(
                    unlogged = m.2,
                    "refused requests not logged in the last minute"
                );
            }
            *m = (minute, 0, 0);
        }
        if m.1 < self.lines {
            m.1 += 1;
            true
        } else {
            m.2 += 1;
            false
        }
    }
}

/// A method name as the log may show it: short, letters, digits and `_` only.
fn loggable(method: &str) -> String {
    method
        .chars()
        .take(32)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '?'
            }
        })
        .collect()
}

/// The protocol's routes, answering for `airline` to the callers holding one of `keys` (each
/// caller's name and key), under the airline's `rules` (checked here, whoever the caller is, on
/// the service's own clock).
pub fn router(
    airline: Arc<dyn DepartureControl>,
    keys: &[(String, Secret)],
    rules: super::Rules,
) -> Router {
    Router::new()
        .route("/v1/{method}", post(answer))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(Arc::new(Served {
            airline,
            keys: keys
                .iter()
                .map(|(name, key)| (name.clone(), Sha256::digest(key.expose().as_bytes()).into()))
                .collect(),
            rules,
            changes: Buckets::new(CHANGE_BURST, CHANGE_EVERY_MS),
            lookups: Buckets::new(LOOKUP_BURST, LOOKUP_EVERY_MS),
            strangers: RefusalLog {
                lines: STRANGER_LINES,
                minute: std::sync::Mutex::new((0, 0, 0)),
            },
            refusals: RefusalLog {
                lines: REFUSAL_LINES,
                minute: std::sync::Mutex::new((0, 0, 0)),
            },
            slowed: RefusalLog {
                lines: 10,
                minute: std::sync::Mutex::new((0, 0, 0)),
            },
        }))
}

/// How long every look-up takes at least: a booking found and one not found answer alike.
pub const LOOKUP_FLOOR: Duration = Duration::from_millis(40);

/// A document number as a kiosk sees it: its last four characters, the rest starred.
pub fn masked(number: &str) -> String {
    let n = number.chars().count();
    let tail: String = number.chars().skip(n.saturating_sub(4)).collect();
    format!("{}{tail}", "*".repeat(n.saturating_sub(4)))
}

/// A booking as a kiosk needs it: no birth dates, document numbers starred but for their
/// last four characters (what the screen shows). The airline keeps the rest.
pub fn for_the_kiosk(mut booking: Booking) -> Booking {
    for p in &mut booking.passengers {
        p.birth_date = None;
        for d in &mut p.documents {
            d.number = masked(&d.number);
            d.birth_date = None;
        }
    }
    booking
}

/// The documents of a check-in order with each starred number (a document on file the kiosk
/// had confirmed) replaced by the airline's own; a starred number that is not on file is
/// refused.
fn unmasked(order: &CheckInOrder, booking: &Booking) -> Result<CheckInOrder, DcsError> {
    let mut order = order.clone();
    for (id, doc) in &mut order.documents {
        if !doc.number.contains('*') {
            continue;
        }
        let on_file = booking.passenger(*id).and_then(|p| {
            p.documents
                .iter()
                .find(|d| d.kind == doc.kind && masked(&d.number) == doc.number)
        });
        match on_file {
            Some(d) => *doc = d.clone(),
            None => {
                return Err(DcsError::Refused(format!(
                    "passenger {id}'s document is not the one on file"
                )));
            }
        }
    }
    Ok(order)
}

/// Refuses a request naming more than [`MOST_ITEMS`] of anything, before any work.
fn bounded(n: usize, what: &str) -> Result<(), DcsError> {
    if n > MOST_ITEMS {
        return Err(DcsError::Refused(format!(
            "{n} {what} in one request: at most {MOST_ITEMS}"
        )));
    }
    Ok(())
}

/// The booking `passenger` is on, if it is the one named `reference`; an unknown passenger, or
/// one on another booking, is "not found" alike (a caller learns nothing by guessing ids).
fn on_booking(
    dcs: &dyn DepartureControl,
    reference: &str,
    passenger: PassengerId,
) -> Result<crate::domain::Booking, DcsError> {
    let booking = dcs.booking_of(passenger)?;
    if !reference.eq_ignore_ascii_case(&booking.reference) {
        return Err(DcsError::NotFound);
    }
    Ok(booking)
}

/// A refusal: its status and body.
type Refusal = (StatusCode, Value);

fn refuse(status: StatusCode, e: &DcsError) -> Refusal {
    (status, json!(WireError::from(e)))
}

fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, Refusal> {
    serde_json::from_slice(body).map_err(|e| {
        (
            StatusCode::BAD_REQUEST,
            json!({"error": "bad_request", "detail": e.to_string()}),
        )
    })
}

async fn answer(
    State(served): State<Arc<Served>>,
    UrlPath(method): UrlPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .unwrap_or("");
    // Hashes compared, every one of them, so the time taken says nothing about the key.
    let hash: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
    let mut caller = None;
    for (name, key) in &served.keys {
        if *key == hash && caller.is_none() {
            caller = Some(name.clone());
        }
    }
    let Some(caller) = caller else {
        if served.strangers.may_write() {
            tracing::warn!(method = %loggable(&method), "an airline request with a wrong key");
        }
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": "unauthorized"})),
        )
            .into_response();
    };
    let bucket = if method == "find_booking" || method == "seat_map" {
        &served.lookups
    } else {
        &served.changes
    };
    if let Err(wait_ms) = bucket.take(&caller) {
        if served.slowed.may_write() {
            tracing::warn!(kiosk = %caller, method = %loggable(&method), "too many requests from one kiosk");
        }
        let seconds = wait_ms.div_ceil(1000).max(1);
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, seconds.to_string())],
            axum::Json(json!(WireError::Unavailable {
                detail: "too many requests from this kiosk: try again in a moment".into()
            })),
        )
            .into_response();
    }
    let started = tokio::time::Instant::now();
    let lookup = method == "find_booking";
    let work = tokio::task::spawn_blocking(move || -> Result<Value, Refusal> {
        let dcs = served.airline.as_ref();
        let rules = &served.rules;
        // The service's own clock decides what is open; a caller's far from it is refused.
        let now = chrono::Utc::now();
        let done = match method.as_str() {
            "find_booking" => {
                let b: FindBooking = decode(&body)?;
                rules
                    .clock(b.now, now)
                    .and_then(|()| rules.lookup(&b.query))
                    .and_then(|()| dcs.find_booking(&b.query, now))
                    .map(|v| json!(for_the_kiosk(v)))
            }
            "seat_map" => {
                let b: SeatMapOf = decode(&body)?;
                dcs.seat_map(&b.flight).map(|v| json!(v))
            }
            "assign_seats" => {
                let b: AssignSeats = decode(&body)?;
                bounded(b.seats.len(), "seats")
                    .and_then(|()| b.now.map_or(Ok(()), |t| rules.clock(t, now)))
                    .and_then(|()| {
                        let first = b
                            .seats
                            .first()
                            .ok_or_else(|| DcsError::Refused("no seat to assign".into()))?;
                        let booking = on_booking(dcs, &b.reference, first.0)?;
                        let map = dcs.seat_map(&b.flight)?;
                        rules.seats(&booking, b.leg, &b.flight, &map, &b.seats, now)
                    })
                    .and_then(|()| dcs.assign_seats(&b.reference, b.leg, &b.flight, &b.seats))
                    .map(|v| json!(v))
            }
            "check_in" => {
                let b: CheckIn = decode(&body)?;
                bounded(b.order.passengers.len(), "passengers")
                    .and_then(|()| bounded(b.order.documents.len(), "documents"))
                    .and_then(|()| bounded(b.order.overrides.len(), "overrides"))
                    .and_then(|()| rules.clock(b.now, now))
                    .and_then(|()| {
                        let first =
                            b.order.passengers.first().ok_or_else(|| {
                                DcsError::Refused("no passenger to check in".into())
                            })?;
                        let booking = on_booking(dcs, &b.order.reference, first.0)?;
                        let order = unmasked(&b.order, &booking)?;
                        rules.check_in(&booking, &order, now)?;
                        Ok(order)
                    })
                    .and_then(|order| dcs.check_in(&order, now))
                    .map(|v| json!(v))
            }
            "issue_bag_tags" => {
                let b: IssueBagTags = decode(&body)?;
                rules
                    .clock(b.now, now)
                    .and_then(|()| dcs.booking_of(b.passenger))
                    .and_then(|booking| rules.bag_tags(&booking, b.passenger, b.count, now))
                    .and_then(|()| dcs.issue_bag_tags(b.passenger, b.count, now))
                    .map(|v| json!(v))
            }
            "reissue_bag_tag" => {
                let b: ReissueBagTag = decode(&body)?;
                rules
                    .clock(b.now, now)
                    .and_then(|()| dcs.booking_of(b.passenger))
                    .and_then(|booking| rules.reissue_tag(&booking, b.passenger, &b.staff, now))
                    .and_then(|()| dcs.reissue_bag_tag(b.passenger, &b.plate, &b.staff, now))
                    .map(|v| json!(v))
            }
            "cancel_check_in" => {
                let b: CancelCheckIn = decode(&body)?;
                b.now
                    .map_or(Ok(()), |t| rules.clock(t, now))
                    .and_then(|()| on_booking(dcs, &b.reference, b.passenger))
                    .and_then(|booking| rules.cancel(&booking, b.passenger, now))
                    .and_then(|()| dcs.cancel_check_in(&b.reference, b.passenger, now))
                    .map(|()| json!({}))
            }
            _ => {
                return Err((StatusCode::NOT_FOUND, json!({"error": "no_such_method"})));
            }
        };
        match &done {
            Err(e) => {
                if served.refusals.may_write() {
                    tracing::info!(kiosk = %caller, method = %loggable(&method), refusal = %WireErrorCode(e), "the airline refused a request");
                }
            }
            Ok(_) if !matches!(method.as_str(), "find_booking" | "seat_map") => {
                tracing::info!(kiosk = %caller, method = %loggable(&method), "a kiosk changed the airline's records");
            }
            Ok(_) => {}
        }
        done.map_err(|e| {
            if let DcsError::Store(inner) = &e {
                tracing::error!(error = %inner, "the airline store failed");
            }
            refuse(status_of(&e), &e)
        })
    })
    .await;
    if lookup {
        // Found or not, a look-up answers after the same time.
        tokio::time::sleep_until(started + LOOKUP_FLOOR).await;
    }
    match work {
        Ok(Ok(value)) => axum::Json(value).into_response(),
        Ok(Err((status, body))) => (status, axum::Json(body)).into_response(),
        Err(_) => {
            let (status, body) = refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                &DcsError::Unavailable("the request could not be carried out".into()),
            );
            (status, axum::Json(body)).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_survives_the_trip() {
        for e in [
            DcsError::NotFound,
            DcsError::SeatTaken(Seat {
                row: 12,
                column: 'C',
            }),
            DcsError::Refused("closed".into()),
            DcsError::NoBoard(PassengerId(7)),
            DcsError::BagTagsExhausted,
            DcsError::Unavailable("down".into()),
        ] {
            let text = serde_json::to_string(&WireError::from(&e)).unwrap();
            let back: DcsError = serde_json::from_str::<WireError>(&text).unwrap().into();
            assert_eq!(back.to_failure(), e.to_failure(), "{text}");
        }
    }
}
