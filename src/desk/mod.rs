//! The agent desk (`concierge desk`): receives signed help requests from many kiosks, keeps them
//! in its own SQLite database, answers the kiosks' status polls, and shows agents a live list in
//! a browser where they acknowledge ("Sam is on the way") and resolve.

pub mod fleet;
pub(crate) mod page;
pub mod publish;
pub mod report;
pub mod store;
pub mod throttle;
mod tls;

pub use store::{
    Acted, AgentRow, DeskBackend, DeskIncident, DeskStore, PgStore, Received, SessionRow,
    SqliteStore, StoreError, TimelineEntry, open_sqlite,
};
pub use throttle::Throttle;
pub use tls::acceptor;

use crate::config::{Desk as DeskConfig, Secret};
use crate::help::{HelpRequest, now_ms, signature};
use crate::i18n::Messages;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Form, Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event, Sse};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::broadcast;

/// How long an agent stays signed in at most (the idle timeout may end it sooner).
const SESSION_MS: i64 = 12 * 3600 * 1000;
/// The longest agent name (characters).
pub const MAX_NAME: usize = 64;
const COOKIE: &str = "desk_session";
/// The sign-in form's own token (a cookie for `/login` only).
const LOGIN_COOKIE: &str = "desk_login";
/// Password checks at once: argon2id takes 19 MiB and tens of milliseconds of a core each, so
/// they run on the blocking pool, on at most half the cores (one on a two-core box), never on
/// the workers serving kiosks' pages.
fn verifying_at_once() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get() / 2)
        .unwrap_or(1)
        .clamp(1, 4)
}
/// Sign-ins waiting for a check before more are told the desk is busy.
const VERIFY_QUEUE: usize = 64;

pub struct Desk {
    pub store: DeskStore,
    kiosks: HashMap<String, Secret>,
    changes: broadcast::Sender<()>,
    /// Served over TLS: session cookies are `Secure`.
    tls: bool,
    /// The pages' words, in each agent's browser language.
    messages: &'static Messages,
    verifying: Arc<tokio::sync::Semaphore>,
    queued: std::sync::atomic::AtomicUsize,
    /// Password checks run, and the most that ran at once (for tests and figures).
    pub checks: std::sync::atomic::AtomicUsize,
    pub peak_checks: std::sync::atomic::AtomicUsize,
    running: Arc<std::sync::atomic::AtomicUsize>,
    /// An agent's session ends after this long without them doing anything.
    idle_ms: i64,
    /// Where new and escalated pages are pushed as well.
    push: Vec<crate::config::Target>,
    client: reqwest::Client,
    /// Agents' pages open now (live streams), for the desk's metrics.
    connected: Arc<std::sync::atomic::AtomicUsize>,
    /// Boarding passes on passengers' phones (`/pass/…`), when served here.
    passes: std::sync::OnceLock<Arc<crate::wallet::service::Passes>>,
    /// Whether other instances' changes are heard already.
    watching: std::sync::atomic::AtomicBool,
    /// Proxies whose `X-Forwarded-For` is believed.
    trusted_proxies: Vec<std::net::IpAddr>,
    /// Where fleet alerts page the duty manager (empty: the push targets).
    alerts: Vec<crate::config::Target>,
    /// How often the fleet is looked at for kiosks gone quiet.
    fleet_check_every: std::time::Duration,
    /// Who may publish configuration for kiosks.
    publishers: Vec<String>,
    /// The last previews drawn of configuration changes (their pictures, served by id).
    previews: std::sync::Mutex<std::collections::VecDeque<publish::Preview>>,
    /// The publications kiosks fetch, read at most every few seconds.
    config_cache: publish::ConfigCache,
}

/// See [`Desk::client_address`]. Addresses in `X-Forwarded-For` are read right to left: the
/// rightmost was added by the trusted proxy itself; anything left of the first untrusted one
/// could be the client's own invention.
pub fn client_address(
    peer: std::net::IpAddr,
    headers: &HeaderMap,
    trusted: &[std::net::IpAddr],
) -> std::net::IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in forwarded.iter().rev() {
        match hop.parse::<std::net::IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !trusted.contains(&ip) {
                    break;
                }
            }
            // Garbage: trust nothing further left.
            Err(_) => break,
        }
    }
    client
}

impl Desk {
    /// Links to boarding passes on phones held now.
    pub fn passes_held(&self) -> usize {
        self.passes.get().map_or(0, |p| p.held())
    }

    /// Serves the links to boarding passes on phones as well (set before [`router`]).
    pub fn serve_passes(&self, passes: crate::wallet::service::Passes) {
        let _ = self.passes.set(Arc::new(passes));
    }

    pub fn new(store: DeskStore, config: &DeskConfig, tls: bool) -> Arc<Self> {
        let (changes, _) = broadcast::channel(64);
        Arc::new(Desk {
            store,
            kiosks: config
                .kiosks
                .iter()
                .map(|k| (k.id.clone(), k.secret.clone()))
                .collect(),
            changes,
            tls,
            messages: Messages::built_in(),
            verifying: Arc::new(tokio::sync::Semaphore::new(verifying_at_once())),
            queued: Default::default(),
            checks: Default::default(),
            peak_checks: Default::default(),
            running: Default::default(),
            idle_ms: config.idle_timeout.as_millis() as i64,
            push: config.push.clone(),
            client: {
                crate::net::install_crypto();
                reqwest::Client::builder()
                    .connect_timeout(std::time::Duration::from_secs(5))
                    .pool_idle_timeout(crate::net::CLIENT_IDLE)
                    .user_agent(concat!("concierge-desk/", env!("CARGO_PKG_VERSION")))
                    .build()
                    .unwrap_or_default()
            },
            connected: Default::default(),
            passes: Default::default(),
            watching: Default::default(),
            trusted_proxies: config.trusted_proxies.clone(),
            alerts: config.alerts.clone(),
            fleet_check_every: config.fleet_check_every,
            publishers: config.publishers.clone(),
            previews: Default::default(),
            config_cache: Default::default(),
        })
    }

    /// Pushes a new or escalated page to the push targets (one attempt each, in the
    /// background: the kiosk's answer does not wait for a phone).
    fn push(&self, request: &HelpRequest) {
        for target in &self.push {
            let client = self.client.clone();
            let target = target.clone();
            let request = request.clone();
            tokio::spawn(async move {
                match crate::help::send_once(&client, &target, &request).await {
                    crate::help::Attempt::Delivered => {
                        tracing::info!(target = %target.name, incident = %request.incident, "page pushed")
                    }
                    crate::help::Attempt::Retry { error, .. }
                    | crate::help::Attempt::Refused { error } => {
                        tracing::warn!(target = %target.name, %error, "a page could not be pushed")
                    }
                }
            });
        }
    }

    /// Checks a password against an agent's hash — or, for a name that is not an agent,
    /// against a hash of nothing, so both take the same time and a stranger cannot tell
    /// names from non-names. `locked` is asked again once a check is free: guesses sent in
    /// parallel must not all slip past a lockout while they wait.
    async fn verify(
        &self,
        password: String,
        hash: Option<String>,
        locked: impl std::future::Future<Output = Option<i64>>,
    ) -> Check {
        use std::sync::atomic::Ordering::SeqCst;
        if self.queued.fetch_add(1, SeqCst) >= VERIFY_QUEUE {
            self.queued.fetch_sub(1, SeqCst);
            return Check::Busy;
        }
        let permit = self.verifying.clone().acquire_owned().await;
        self.queued.fetch_sub(1, SeqCst);
        let Ok(permit) = permit else {
            return Check::Busy;
        };
        if let Some(until) = locked.await {
            return Check::Locked(until);
        }
        self.checks.fetch_add(1, SeqCst);
        let running = self.running.clone();
        let now = running.fetch_add(1, SeqCst) + 1;
        self.peak_checks.fetch_max(now, SeqCst);
        let result = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let ok = match &hash {
                Some(h) => crate::secret::matches(&password, h),
                None => {
                    crate::secret::matches(&password, dummy_hash());
                    false
                }
            };
            running.fetch_sub(1, SeqCst);
            ok
        })
        .await;
        match result {
            Ok(ok) => Check::Done(ok),
            Err(_) => Check::Busy,
        }
    }

    /// A `Set-Cookie` value: never readable by scripts, never sent from another site, `Secure`
    /// over TLS; `max_age` 0 deletes it.
    fn cookie(&self, name: &str, value: &str, path: &str, max_age: i64) -> String {
        let secure = if self.tls { "; Secure" } else { "" };
        format!("{name}={value}; HttpOnly; SameSite=Strict; Path={path}; Max-Age={max_age}{secure}")
    }

    /// The same desk speaking an operator's texts (`[locales] overrides`).
    pub fn with_messages(
        store: DeskStore,
        config: &DeskConfig,
        tls: bool,
        messages: &'static Messages,
    ) -> Arc<Self> {
        let mut desk = Desk::new(store, config, tls);
        if let Some(d) = Arc::get_mut(&mut desk) {
            d.messages = messages;
        }
        desk
    }

    /// The page's words in the language the agent's browser asks for (English otherwise).
    fn words(&self, headers: &HeaderMap) -> page::Words<'static> {
        let available: Vec<&'static str> = self
            .messages
            .locales()
            .into_iter()
            .filter(|l| self.messages.has(l, "desk-title"))
            .collect();
        let asked = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|h| h.to_str().ok());
        page::Words {
            messages: self.messages,
            locale: crate::i18n::negotiate_accept_language(
                asked,
                &available,
                crate::i18n::FALLBACK,
            ),
        }
    }

    fn changed(&self) {
        let _ = self.changes.send(());
    }

    /// Whether `body` is signed with kiosk `kiosk`'s key. A stranger hears the same whatever
    /// was wrong (an unknown kiosk, a bad signature, a clock far off: [`stranger`]); the log
    /// says which, for the operator, of `what` ("a page", "a heartbeat").
    fn signed_by(&self, kiosk: &str, headers: &HeaderMap, body: &[u8], what: &str) -> bool {
        let Some(secret) = self.kiosks.get(kiosk) else {
            let kiosk: String = kiosk.chars().take(64).collect();
            tracing::warn!(kiosk = ?kiosk, "{what} from an unknown kiosk");
            return false;
        };
        let header = headers.get(signature::HEADER).and_then(|h| h.to_str().ok());
        if let Err(e) = signature::verify(
            secret.expose().as_bytes(),
            header,
            body,
            chrono::Utc::now().timestamp(),
        ) {
            tracing::warn!(%kiosk, error = %e, "{what} with a bad signature");
            return false;
        }
        true
    }

    /// Hears other instances' changes on a shared store (PostgreSQL); [`serve`] starts it.
    pub fn watch(&self) {
        if !self
            .watching
            .swap(true, std::sync::atomic::Ordering::SeqCst)
        {
            self.store.watch(self.changes.clone());
        }
    }

    /// The address a request came from: the peer's, or — when the peer is one of
    /// `[desk] trusted_proxies` (TLS ending in front of the desk) — the last address in
    /// `X-Forwarded-For` that is not a trusted proxy's.
    pub fn client_address(
        &self,
        peer: std::net::SocketAddr,
        headers: &HeaderMap,
    ) -> std::net::IpAddr {
        client_address(peer.ip(), headers, &self.trusted_proxies)
    }
}

/// How a password check went.
enum Check {
    Done(bool),
    /// Too many sign-ins waiting.
    Busy,
    /// Locked (until unix ms) while it waited its turn.
    Locked(i64),
}

/// A hash no password matches, with the same parameters as agents' hashes.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| crate::secret::hash(&random_hex()).unwrap_or_default())
}

/// 32 random bytes in hex (session tokens, kiosk secrets); empty if the system has no
/// randomness to give — an all-zero token is never issued.
pub fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    hex::encode(bytes)
}

fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

pub fn router(desk: Arc<Desk>) -> Router {
    let passes = match desk.passes.get() {
        Some(passes) => crate::wallet::service::router(passes.clone()),
        None => Router::new(),
    };
    Router::new()
        .route("/api/v1/incidents", post(receive))
        .route("/api/v1/incidents/{key}", get(status))
        .route(crate::fleet::PATH, post(fleet::heartbeat))
        .route("/fleet", get(fleet::page))
        .route("/fleet/fragment", get(fleet::fragment))
        .route("/fleet.js", get(fleet::script))
        .route("/fleet/report", get(report::page))
        .route("/fleet/report.csv", get(report::csv))
        .route(crate::publish::PATH, get(publish::for_kiosk))
        .route("/fleet/config", get(publish::page))
        .route("/fleet/config.js", get(publish::script))
        .route("/fleet/config/log", get(publish::log))
        .route(
            "/fleet/config/preview",
            axum::routing::post(publish::preview)
                .layer(axum::extract::DefaultBodyLimit::max(publish::MAX_FORM)),
        )
        .route(
            "/fleet/config/publish",
            axum::routing::post(publish::publish)
                .layer(axum::extract::DefaultBodyLimit::max(publish::MAX_FORM)),
        )
        .route("/fleet/config/preview/{id}", get(publish::preview_section))
        .route("/fleet/config/preview/{id}/{n}", get(publish::picture))
        .route("/", get(index))
        .route("/fragment", get(fragment))
        .route("/events", get(events))
        .route("/desk.js", get(script))
        .route("/desk.css", get(style))
        .route("/fonts/naskh.ttf", get(naskh))
        .route("/fonts/devanagari.ttf", get(devanagari))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/incidents/{key}/{action}", post(incident_action))
        .route("/desk-sw.js", get(service_worker))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .with_state(desk.clone())
        .merge(passes)
        .layer(axum::middleware::from_fn_with_state(
            desk.clone(),
            security_headers,
        ))
}

/// What every answer says to the browser: run only our own script and style, never inside
/// another site's frame, keep nothing in caches (the pages show passengers' first names).
async fn security_headers(
    State(desk): State<Arc<Desk>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    if desk.tls {
        // Over TLS only: a browser that has seen the desk never goes to it in plain text.
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            header::HeaderValue::from_static("max-age=31536000"),
        );
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
             img-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_FRAME_OPTIONS,
        header::HeaderValue::from_static("DENY"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
    // Pages show passengers' first names: never cached. (The fonts say otherwise themselves.)
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
    }
    response
}

/// Serves plain HTTP (loopback) until the process ends; purges old requests and sessions hourly.
pub async fn serve(
    listener: tokio::net::TcpListener,
    desk: Arc<Desk>,
    purge_after: std::time::Duration,
) {
    serve_with(listener, None, desk, purge_after).await
}

/// Serves over TLS until the process ends.
pub async fn serve_tls(
    listener: tokio::net::TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
    desk: Arc<Desk>,
    purge_after: std::time::Duration,
) {
    serve_with(listener, Some(acceptor), desk, purge_after).await
}

/// Serves with [`crate::net`]'s deadlines and connection cap.
async fn serve_with(
    listener: tokio::net::TcpListener,
    tls: Option<tokio_rustls::TlsAcceptor>,
    desk: Arc<Desk>,
    purge_after: std::time::Duration,
) {
    desk.watch();
    let purger = desk.clone();
    tokio::spawn(async move {
        loop {
            let now = now_ms();
            let before = now - purge_after.as_millis() as i64;
            // On PostgreSQL one instance purges for all (`None` here: another did).
            match purger.store.purge(before, now).await {
                Ok(Some(n)) if n > 0 => tracing::info!(purged = n, "old help requests deleted"),
                Err(e) => tracing::error!(error = %e, "purging"),
                _ => {}
            }
            if let Err(e) = purger.store.purge_sessions(now_ms(), purger.idle_ms).await {
                tracing::error!(error = %e, "purging expired sessions");
            }
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
    // Kiosks gone quiet, printers out: the duty manager is paged.
    let watcher = desk.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(watcher.fleet_check_every).await;
            fleet::check(&watcher, now_ms()).await;
        }
    });
    crate::net::serve(listener, tls, router(desk), crate::net::Limits::default()).await;
}

fn refuse(status: StatusCode, reason: &str) -> Response {
    tracing::warn!(status = status.as_u16(), %reason, "desk refused a request");
    (status, reason.to_string()).into_response()
}

/// `POST /api/v1/incidents`: a signed request from a kiosk.
async fn receive(State(desk): State<Arc<Desk>>, headers: HeaderMap, body: Bytes) -> Response {
    let Ok(request) = serde_json::from_slice::<HelpRequest>(&body) else {
        return refuse(StatusCode::BAD_REQUEST, "not a help request");
    };
    if !desk.signed_by(&request.kiosk.id, &headers, &body, "a page") {
        return stranger();
    }
    if let Some(key) = headers.get("Idempotency-Key").and_then(|h| h.to_str().ok())
        && key != request.incident
    {
        return refuse(
            StatusCode::BAD_REQUEST,
            "the idempotency key is not the incident",
        );
    }
    if request.state == "test" {
        tracing::info!(kiosk = %request.kiosk.id, "test page received");
        return (StatusCode::OK, "test page received").into_response();
    }
    // A kiosk raises incidents under its own name only: another kiosk cannot take a key first
    // and have the rightful kiosk's pages refused.
    if owner(&request.incident) != Some(request.kiosk.id.as_str()) {
        return refuse(
            StatusCode::BAD_REQUEST,
            &format!(
                "kiosk {}: an incident key is the kiosk's id, '-', then letters and digits",
                request.kiosk.id
            ),
        );
    }
    // A staff member's action at the kiosk: shown, opening no incident.
    if request.state == "staff_action" {
        return match desk.store.staff_action(&request, now_ms()).await {
            Ok(()) => {
                desk.changed();
                StatusCode::OK.into_response()
            }
            Err(e) => {
                tracing::error!(error = %e, "storing a staff action");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        };
    }
    let payload = String::from_utf8_lossy(&body);
    match desk.store.receive(&request, &payload, now_ms()).await {
        Ok(Received::New | Received::Escalated) => desk.push(&request),
        Ok(Received::Changed) => {}
        Ok(Received::Refused) => {
            return refuse(
                StatusCode::FORBIDDEN,
                &format!("kiosk {} sent another kiosk's incident", request.kiosk.id),
            );
        }
        Err(e) => {
            tracing::error!(error = %e, "storing a help request");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    }
    desk.changed();
    StatusCode::OK.into_response()
}

/// What a request that is not a known kiosk's hears.
fn stranger() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        "not signed by a kiosk this desk knows",
    )
        .into_response()
}

/// The kiosk an incident key belongs to, read by the grammar the kiosk writes keys with
/// ([`crate::help::key`]): a key names exactly one kiosk, or none.
pub fn owner(key: &str) -> Option<&str> {
    crate::help::key::parse(key).map(|(kiosk, _)| kiosk)
}

/// `GET /api/v1/incidents/<key>`, signed by the kiosk that raised it, over this very path (a
/// signature for one incident's poll is no use for another's).
async fn status(
    State(desk): State<Arc<Desk>>,
    UrlPath(key): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    // Who asks is checked before anything about the incident is said, even that it exists.
    let Some(secret) = owner(&key).and_then(|kiosk| desk.kiosks.get(kiosk)) else {
        tracing::warn!("a status poll for an incident of no known kiosk");
        return stranger();
    };
    let header = headers.get(signature::HEADER).and_then(|h| h.to_str().ok());
    if let Err(e) = signature::verify(
        secret.expose().as_bytes(),
        header,
        signature::status_request(&key).as_bytes(),
        chrono::Utc::now().timestamp(),
    ) {
        tracing::warn!(error = %e, "a status poll with a bad signature");
        return stranger();
    }
    let incident = match desk.store.incident(&key).await {
        Ok(Some(i)) if Some(i.kiosk.as_str()) == owner(&key) => i,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    axum::Json(serde_json::json!({
        "state": incident.state,
        "agent": incident.acknowledged_by,
    }))
    .into_response()
}

/// The signed-in agent, the session's CSRF token, and the session's key in the store.
/// `active`: the agent's own doing (a page load, an action), which resets the idle clock.
async fn agent(desk: &Desk, headers: &HeaderMap, active: bool) -> Option<(String, String, String)> {
    let token = cookie(headers, COOKIE)?;
    let token_hash = sha256_hex(token);
    let (name, csrf) = desk
        .store
        .session(&token_hash, now_ms(), desk.idle_ms, active)
        .await
        .ok()
        .flatten()?;
    Some((name, csrf, token_hash))
}

/// A cookie's value from the request.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[derive(serde::Deserialize, Default)]
struct Said {
    /// What the last action met: taken, closed, gone.
    #[serde(default)]
    said: Option<String>,
    #[serde(default)]
    incident: Option<String>,
}

async fn index(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    axum::extract::Query(said): axum::extract::Query<Said>,
) -> Response {
    let Some((name, csrf, _)) = agent(&desk, &headers, true).await else {
        return Redirect::to("/login").into_response();
    };
    let words = desk.words(&headers);
    let notice = match said.said.as_deref() {
        Some(s) => {
            let holder = match (s, said.incident.as_deref()) {
                ("taken", Some(key)) => desk
                    .store
                    .incident(key)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|i| i.acknowledged_by),
                _ => None,
            };
            Some(page::notice(s, holder.as_deref(), &words))
        }
        None => None,
    };
    let viewer = page::Viewer::of(&*desk.store, &name, &csrf).await;
    let now = now_ms();
    let snapshot = page::Snapshot::load(&*desk.store, now).await;
    Html(page::index(
        &snapshot,
        &viewer,
        notice.as_deref(),
        &words,
        now,
    ))
    .into_response()
}

/// The live part of the page (open requests, figures, recent), fetched again on every change.
/// `X-Desk-Active: 1` when the agent did something since the last fetch.
async fn fragment(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Response {
    let active = headers.get("X-Desk-Active").is_some_and(|v| v == "1");
    let Some((name, csrf, _)) = agent(&desk, &headers, active).await else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let viewer = page::Viewer::of(&*desk.store, &name, &csrf).await;
    let now = now_ms();
    let snapshot = page::Snapshot::load(&*desk.store, now).await;
    Html(page::live(&snapshot, &viewer, &desk.words(&headers), now)).into_response()
}

/// The service worker that shows notifications on phones (a page alone cannot there).
async fn service_worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (
                header::HeaderName::from_static("service-worker-allowed"),
                "/",
            ),
        ],
        page::SERVICE_WORKER,
    )
        .into_response()
}

/// `GET /healthz` for a load balancer: 200 while the desk can read its store.
async fn healthz(State(desk): State<Arc<Desk>>) -> Response {
    if desk.store.healthy().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "the desk cannot read its store",
        )
            .into_response()
    }
}

/// `GET /metrics` (Prometheus), to loopback callers only: open pages, the oldest
/// unacknowledged one's age, agents connected now.
async fn metrics(
    State(desk): State<Arc<Desk>>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
) -> Response {
    // Through a proxy on this machine, the caller is whoever the proxy speaks for.
    if !desk.client_address(peer, &headers).is_loopback() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let open = desk.store.open_incidents().await.unwrap_or_default();
    let now = now_ms();
    let unacknowledged: Vec<_> = open.iter().filter(|i| i.state == "open").collect();
    let oldest = unacknowledged
        .iter()
        .map(|i| (now - i.received_at).max(0) as f64 / 1000.0)
        .fold(0.0, f64::max);
    let connected = desk.connected.load(std::sync::atomic::Ordering::SeqCst);
    let body = format!(
        "# HELP concierge_desk_open_pages Pages not yet resolved, by state.\n\
         # TYPE concierge_desk_open_pages gauge\n\
         concierge_desk_open_pages{{state=\"open\"}} {}\n\
         concierge_desk_open_pages{{state=\"acknowledged\"}} {}\n\
         # HELP concierge_desk_oldest_unacknowledged_seconds How long the oldest page nobody has taken has waited (0: none).\n\
         # TYPE concierge_desk_oldest_unacknowledged_seconds gauge\n\
         concierge_desk_oldest_unacknowledged_seconds {oldest}\n\
         # HELP concierge_desk_connected_agents Agents' pages open and live now.\n\
         # TYPE concierge_desk_connected_agents gauge\n\
         concierge_desk_connected_agents {connected}\n{}",
        unacknowledged.len(),
        open.len() - unacknowledged.len(),
        fleet::metrics(&desk.store.kiosks().await.unwrap_or_default()),
    );
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        page::SCRIPT,
    )
        .into_response()
}

/// A font the pages use, cached by the browser for a day.
fn font(bytes: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, "font/ttf"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        bytes,
    )
        .into_response()
}

pub(crate) async fn naskh() -> Response {
    font(crate::text::NOTO_NASKH)
}

pub(crate) async fn devanagari() -> Response {
    font(crate::text::NOTO_DEVANAGARI)
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        page::STYLE,
    )
        .into_response()
}

/// How often a live page's stream checks that its session still holds.
const SESSION_CHECK: std::time::Duration = std::time::Duration::from_secs(10);

/// Live updates for a signed-in agent; the stream ends when the session does (expired, signed
/// out, or the password changed), and the page then goes back to sign-in.
async fn events(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Response {
    let Some((_, _, token_hash)) = agent(&desk, &headers, false).await else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let rx = desk.changes.subscribe();
    let connected = Connected::new(desk.connected.clone());
    let stream = futures_util::stream::unfold(
        (rx, desk, token_hash, connected),
        |(mut rx, desk, token_hash, connected)| async move {
            let changed = tokio::select! {
                r = rx.recv() => match r {
                    Ok(()) | Err(broadcast::error::RecvError::Lagged(_)) => true,
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = tokio::time::sleep(SESSION_CHECK) => false,
            };
            desk.store
                .session(&token_hash, now_ms(), desk.idle_ms, false)
                .await
                .ok()
                .flatten()
                .as_ref()?;
            let event = if changed {
                Event::default().data("changed")
            } else {
                Event::default().comment("alive")
            };
            Some((
                Ok::<_, Infallible>(event),
                (rx, desk, token_hash, connected),
            ))
        },
    );
    Sse::new(stream).into_response()
}

/// Counts a live page while it is open.
struct Connected(Arc<std::sync::atomic::AtomicUsize>);

impl Connected {
    fn new(count: Arc<std::sync::atomic::AtomicUsize>) -> Self {
        count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Connected(count)
    }
}

impl Drop for Connected {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// The sign-in form, with a token that must come back with it (a cookie for this path only):
/// another site cannot sign an agent's browser in as someone else.
fn sign_in_page(
    desk: &Desk,
    headers: &HeaderMap,
    status: StatusCode,
    notice: Option<String>,
) -> Response {
    let token = random_hex();
    let cookie = desk.cookie(LOGIN_COOKIE, &token, "/login", 3600);
    (
        status,
        [(header::SET_COOKIE, cookie)],
        Html(page::login(notice.as_deref(), &token, &desk.words(headers))),
    )
        .into_response()
}

async fn login_form(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Response {
    sign_in_page(&desk, &headers, StatusCode::OK, None)
}

#[derive(serde::Deserialize)]
struct Credentials {
    name: String,
    password: String,
    #[serde(default)]
    csrf: String,
}

async fn login(
    State(desk): State<Arc<Desk>>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    Form(c): Form<Credentials>,
) -> Response {
    let words = desk.words(&headers);
    if c.csrf.is_empty() || cookie(&headers, LOGIN_COOKIE) != Some(c.csrf.as_str()) {
        tracing::warn!("a sign-in without its form's token was refused");
        return sign_in_page(
            &desk,
            &headers,
            StatusCode::FORBIDDEN,
            Some(words.text("desk-form-stale")),
        );
    }
    // A name longer than any agent's is nobody's: checked like any wrong name, and only its
    // first characters are remembered by the throttle (its memory stays bounded).
    let too_long = c.name.trim().chars().count() > MAX_NAME;
    let name: String = c.name.trim().chars().take(MAX_NAME).collect();
    let name = name.as_str();
    let locked = |until: i64| {
        let minutes = ((until - now_ms() + 59_999) / 60_000).max(1);
        tracing::warn!("a sign-in was refused: too many wrong passwords");
        sign_in_page(
            &desk,
            &headers,
            StatusCode::TOO_MANY_REQUESTS,
            Some(words.text_with("desk-too-many", &[("minutes", minutes.into())])),
        )
    };
    let address = desk.client_address(peer, &headers);
    let store = desk.store.clone();
    let is_locked = async move || store.sign_in_locked(name, address, now_ms()).await;
    // A store that cannot be read locks nobody out, and lets nobody in (no hash, no session).
    if let Some(until) = is_locked().await.ok().flatten() {
        return locked(until);
    }
    let hash = if too_long {
        None
    } else {
        desk.store.agent_hash(name).await.ok().flatten()
    };
    let checked = desk
        .verify(c.password, hash, async { is_locked().await.ok().flatten() })
        .await;
    let now = now_ms();
    let ok = match checked {
        Check::Done(ok) => ok,
        Check::Locked(until) => return locked(until),
        Check::Busy => {
            return sign_in_page(
                &desk,
                &headers,
                StatusCode::SERVICE_UNAVAILABLE,
                Some(words.text("desk-busy")),
            );
        }
    };
    if !ok {
        if let Err(e) = desk.store.sign_in_failed(name, address, now).await {
            tracing::error!(error = %e, "counting a failed sign-in");
        }
        tracing::warn!("a sign-in failed");
        return sign_in_page(
            &desk,
            &headers,
            StatusCode::UNAUTHORIZED,
            Some(words.text("desk-wrong-sign-in")),
        );
    }
    if let Err(e) = desk.store.sign_in_succeeded(name, address, now).await {
        tracing::error!(error = %e, "counting a sign-in");
    }
    let _ = desk.store.purge_sessions(now, desk.idle_ms).await;
    let token = random_hex();
    let csrf = random_hex();
    if token.is_empty()
        || desk
            .store
            .create_session(&sha256_hex(&token), name, &csrf, now, now + SESSION_MS)
            .await
            .is_err()
    {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let session = desk.cookie(COOKIE, &token, "/", SESSION_MS / 1000);
    let spent = desk.cookie(LOGIN_COOKIE, "", "/login", 0);
    let mut response = Redirect::to("/").into_response();
    for c in [session, spent] {
        if let Ok(v) = header::HeaderValue::from_str(&c) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}

#[derive(serde::Deserialize)]
struct Csrf {
    csrf: String,
}

/// Signs the agent out: the session is deleted, not only the cookie.
async fn logout(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Form(form): Form<Csrf>,
) -> Response {
    let Some((_, csrf, token_hash)) = agent(&desk, &headers, true).await else {
        return Redirect::to("/login").into_response();
    };
    if form.csrf != csrf || csrf.is_empty() {
        return refuse(StatusCode::FORBIDDEN, "the form is stale: reload the page");
    }
    if desk.store.end_session(&token_hash).await.is_err() {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    (
        [(header::SET_COOKIE, desk.cookie(COOKIE, "", "/", 0))],
        Redirect::to("/login"),
    )
        .into_response()
}

/// The form of an agent's action on a page: its token, and for a hand-over whom to, for a
/// note its text.
#[derive(serde::Deserialize)]
struct ActionForm {
    csrf: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    text: String,
}

/// `POST /incidents/<key>/<action>`: ack, resolve, release, handover, note. Done (the list
/// changes for everyone, on every instance), or the agent is told why not — another agent has
/// it, it is closed, there is no such page.
async fn incident_action(
    State(desk): State<Arc<Desk>>,
    UrlPath((key, action)): UrlPath<(String, String)>,
    headers: HeaderMap,
    Form(form): Form<ActionForm>,
) -> Response {
    let done = match action.as_str() {
        "ack" => "acknowledged",
        "resolve" => "resolved",
        "release" => "released",
        "handover" => "handed over",
        "note" => "added a note",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let Some((agent, csrf, _)) = agent(&desk, &headers, true).await else {
        return Redirect::to("/login").into_response();
    };
    if form.csrf != csrf || csrf.is_empty() {
        return refuse(StatusCode::FORBIDDEN, "the form is stale: reload the page");
    }
    let now = now_ms();
    let store = &desk.store;
    let acted = match action.as_str() {
        "ack" => store.acknowledge(&key, &agent, now).await,
        "resolve" => store.resolve(&key, &agent, now).await,
        "release" => store.release(&key, &agent, now).await,
        // Only to an agent who exists.
        "handover" => match store.agent_hash(&form.to).await {
            Ok(None) => Ok(Acted::Missing),
            Ok(Some(_)) => store.hand_over(&key, &agent, &form.to, now).await,
            Err(e) => Err(e),
        },
        _ => store.note(&key, &agent, &form.text, now).await,
    };
    let said = match acted {
        Ok(Acted::Done) => {
            tracing::info!(incident = %key, %agent, action = %done, "agent acted");
            desk.changed();
            return Redirect::to("/").into_response();
        }
        Ok(Acted::TakenBy(_)) => "taken",
        Ok(Acted::Closed) => "closed",
        Ok(Acted::Missing) => "gone",
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    Redirect::to(&format!(
        "/?said={said}&incident={}",
        page::path_segment(&key)
    ))
    .into_response()
}
