//! The agent desk (`concierge desk`): receives signed help requests from many kiosks, keeps them
//! in its own SQLite database, answers the kiosks' status polls, and shows agents a live list in
//! a browser where they acknowledge ("Sam is on the way") and resolve.

mod page;
mod store;
mod tls;

pub use store::{DeskIncident, DeskStore};
pub use tls::{TlsListener, acceptor};

use crate::config::{Desk as DeskConfig, Secret};
use crate::help::{HelpRequest, now_ms, signature};
use crate::i18n::Messages;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Form, Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::broadcast;

/// How long an agent stays signed in.
const SESSION_MS: i64 = 12 * 3600 * 1000;
const COOKIE: &str = "desk_session";

pub struct Desk {
    pub store: DeskStore,
    kiosks: HashMap<String, Secret>,
    changes: broadcast::Sender<()>,
    /// Served over TLS: session cookies are `Secure`.
    tls: bool,
    /// The pages' words, in each agent's browser language.
    messages: &'static Messages,
}

impl Desk {
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
        })
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
}

/// An argon2id hash of a password, for the agents table.
pub fn hash_password(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
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
    Router::new()
        .route("/api/v1/incidents", post(receive))
        .route("/api/v1/incidents/{key}", get(status))
        .route("/", get(index))
        .route("/fragment", get(fragment))
        .route("/events", get(events))
        .route("/login", get(login_form).post(login))
        .route("/incidents/{key}/ack", post(acknowledge))
        .route("/incidents/{key}/resolve", post(resolve))
        .with_state(desk)
}

/// Serves until the process ends; purges old requests hourly.
pub async fn serve<L>(listener: L, desk: Arc<Desk>, purge_after: std::time::Duration)
where
    L: axum::serve::Listener,
    L::Addr: std::fmt::Debug,
{
    let purger = desk.clone();
    tokio::spawn(async move {
        loop {
            let before = now_ms() - purge_after.as_millis() as i64;
            match purger.store.purge(before) {
                Ok(n) if n > 0 => tracing::info!(purged = n, "old help requests deleted"),
                Err(e) => tracing::error!(error = %e, "purging"),
                _ => {}
            }
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
    if let Err(e) = axum::serve(listener, router(desk)).await {
        tracing::error!(error = %e, "the desk stopped");
    }
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
    let Some(secret) = desk.kiosks.get(&request.kiosk.id) else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            &format!("unknown kiosk {}", request.kiosk.id),
        );
    };
    let header = headers.get(signature::HEADER).and_then(|h| h.to_str().ok());
    if let Err(e) = signature::verify(
        secret.expose().as_bytes(),
        header,
        &body,
        chrono::Utc::now().timestamp(),
    ) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            &format!("kiosk {}: {e}", request.kiosk.id),
        );
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
    let payload = String::from_utf8_lossy(&body);
    match desk.store.receive(&request, &payload, now_ms()) {
        Ok(true) => {}
        Ok(false) => {
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

/// `GET /api/v1/incidents/<key>`, signed by the kiosk that raised it.
async fn status(
    State(desk): State<Arc<Desk>>,
    UrlPath(key): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let incident = match desk.store.incident(&key) {
        Ok(Some(i)) => i,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let Some(secret) = desk.kiosks.get(&incident.kiosk) else {
        return refuse(StatusCode::UNAUTHORIZED, "unknown kiosk");
    };
    let header = headers.get(signature::HEADER).and_then(|h| h.to_str().ok());
    if let Err(e) = signature::verify(
        secret.expose().as_bytes(),
        header,
        b"",
        chrono::Utc::now().timestamp(),
    ) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            &format!("status poll for {key}: {e}"),
        );
    }
    axum::Json(serde_json::json!({
        "state": incident.state,
        "agent": incident.acknowledged_by,
    }))
    .into_response()
}

/// The signed-in agent and the session's CSRF token.
fn agent(desk: &Desk, headers: &HeaderMap) -> Option<(String, String)> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    let token = cookies
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v)?;
    desk.store
        .session(&sha256_hex(token), now_ms())
        .ok()
        .flatten()
}

async fn index(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Response {
    match agent(&desk, &headers) {
        Some((name, csrf)) => Html(page::index(
            &desk.store,
            &name,
            &csrf,
            &desk.words(&headers),
        ))
        .into_response(),
        None => Redirect::to("/login").into_response(),
    }
}

async fn fragment(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Response {
    match agent(&desk, &headers) {
        Some((_, csrf)) => {
            Html(page::open_list(&desk.store, &csrf, &desk.words(&headers))).into_response()
        }
        None => StatusCode::UNAUTHORIZED.into_response(),
    }
}

async fn events(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Response {
    if agent(&desk, &headers).is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let rx = desk.changes.subscribe();
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        match rx.recv().await {
            Ok(()) | Err(broadcast::error::RecvError::Lagged(_)) => {
                Some((Ok::<_, Infallible>(Event::default().data("changed")), rx))
            }
            Err(broadcast::error::RecvError::Closed) => None,
        }
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

async fn login_form(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Html<String> {
    Html(page::login(false, &desk.words(&headers)))
}

#[derive(serde::Deserialize)]
struct Credentials {
    name: String,
    password: String,
}

async fn login(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Form(c): Form<Credentials>,
) -> Response {
    let hash = desk.store.agent_hash(c.name.trim()).ok().flatten();
    let ok = hash
        .as_deref()
        .is_some_and(|h| verify_password(&c.password, h));
    if !ok {
        tracing::warn!("a sign-in failed");
        return (
            StatusCode::UNAUTHORIZED,
            Html(page::login(true, &desk.words(&headers))),
        )
            .into_response();
    }
    let token = random_hex();
    let csrf = random_hex();
    if token.is_empty()
        || desk
            .store
            .create_session(
                &sha256_hex(&token),
                c.name.trim(),
                &csrf,
                now_ms() + SESSION_MS,
            )
            .is_err()
    {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let secure = if desk.tls { "; Secure" } else { "" };
    let cookie = format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{secure}",
        SESSION_MS / 1000
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response()
}

#[derive(serde::Deserialize)]
struct Csrf {
    csrf: String,
}

async fn acknowledge(
    State(desk): State<Arc<Desk>>,
    UrlPath(key): UrlPath<String>,
    headers: HeaderMap,
    Form(form): Form<Csrf>,
) -> Response {
    act(&desk, &key, &headers, &form, |d, agent| {
        d.store.acknowledge(&key, agent, now_ms())
    })
}

async fn resolve(
    State(desk): State<Arc<Desk>>,
    UrlPath(key): UrlPath<String>,
    headers: HeaderMap,
    Form(form): Form<Csrf>,
) -> Response {
    act(&desk, &key, &headers, &form, |d, agent| {
        d.store.resolve(&key, agent, now_ms())
    })
}

fn act(
    desk: &Desk,
    key: &str,
    headers: &HeaderMap,
    form: &Csrf,
    f: impl FnOnce(&Desk, &str) -> rusqlite::Result<bool>,
) -> Response {
    let Some((agent, csrf)) = agent(desk, headers) else {
        return Redirect::to("/login").into_response();
    };
    if form.csrf != csrf || csrf.is_empty() {
        return refuse(StatusCode::FORBIDDEN, "the form is stale: reload the page");
    }
    match f(desk, &agent) {
        Ok(_) => {
            tracing::info!(incident = %key, "agent acted");
            desk.changed();
            Redirect::to("/").into_response()
        }
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}
