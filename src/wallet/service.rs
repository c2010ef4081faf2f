//! The pass service, served by the agent desk or the airline service (`[phone_pass] service`):
//! kiosks ask for links (signed like their pages to the desk, or with their airline key),
//! phones open them. Links live in memory only: a restart voids them, and the paper
//! pass (or a new scan at the kiosk) is still there.

use super::{PassLink, PhonePass, google, page, pkpass};
use crate::config::Secret;
use crate::help::signature;
use crate::i18n::Messages;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The most passes one request may ask links for (a party of nine).
pub const MOST_PASSES: usize = 9;
/// The most links held at once: a kiosk gone wrong cannot fill the desk's memory.
pub const MOST_HELD: usize = 20_000;

/// What a kiosk sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkRequest {
    pub kiosk: String,
    pub passes: Vec<PhonePass>,
}

/// What the desk answers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkAnswer {
    pub links: Vec<PassLink>,
    /// Unix seconds.
    pub expires_at: i64,
}

struct Held {
    pass: PhonePass,
    /// Unix seconds.
    until: i64,
    uses_left: u8,
}

/// The service's settings, credentials and the links it holds.
pub struct Passes {
    public_url: String,
    expires: Duration,
    uses: u8,
    airline: String,
    apple: Option<pkpass::Signer>,
    google: Option<google::Signer>,
    kiosks: HashMap<String, Secret>,
    /// Callers by bearer key (the airline service's callers: name, SHA-256 of the key).
    callers: Vec<(String, [u8; 32])>,
    messages: &'static Messages,
    held: Mutex<HashMap<[u8; 32], Held>>,
}

impl std::fmt::Debug for Passes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Passes")
            .field("public_url", &self.public_url)
            .field("apple", &self.apple.is_some())
            .field("google", &self.google.is_some())
            .finish_non_exhaustive()
    }
}

fn read(path: &std::path::Path, what: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read the {what} {}: {e}", path.display()))
}

impl Passes {
    /// Links at `public_url` for the kiosks of `kiosks` (id, secret), without wallet passes.
    pub fn new(
        public_url: &str,
        expires: Duration,
        uses: u8,
        airline: &str,
        kiosks: &[crate::config::DeskKiosk],
    ) -> Passes {
        Passes {
            public_url: public_url.trim_end_matches('/').to_string(),
            expires,
            uses: uses.max(1),
            airline: airline.into(),
            apple: None,
            google: None,
            kiosks: kiosks
                .iter()
                .map(|k| (k.id.clone(), k.secret.clone()))
                .collect(),
            callers: Vec::new(),
            messages: Messages::built_in(),
            held: Mutex::new(HashMap::new()),
        }
    }

    /// The desk's service from the config, its wallet credentials read now (a file that cannot
    /// be read or a key that is refused stops the desk with the reason).
    pub fn from_config(config: &crate::config::Config, own_url: &str) -> Result<Passes, String> {
        let p = &config.phone_pass;
        let mut passes = Passes::new(
            p.public_url.as_deref().unwrap_or(own_url),
            p.expires,
            p.uses,
            &config.branding.name,
            &config.desk.kiosks,
        );
        if let Some(a) = &p.apple {
            let key = read(&a.key_file, "Apple pass key")?;
            passes.apple = Some(pkpass::Signer::new(
                &a.pass_type_id,
                &a.team_id,
                &read(&a.certificate, "Apple pass certificate")?,
                &read(&a.intermediate, "Apple WWDR certificate")?,
                &String::from_utf8_lossy(&key),
            )?);
        }
        if let Some(g) = &p.google {
            let account = read(&g.service_account_file, "Google service account file")?;
            passes.google = Some(google::Signer::new(
                &g.issuer_id,
                &String::from_utf8_lossy(&account),
            )?);
        }
        Ok(passes)
    }

    /// Also takes requests from these callers, by their bearer keys (served by the airline
    /// service, whose callers they are).
    pub fn with_callers(mut self, callers: &[(String, Secret)]) -> Self {
        self.callers = callers
            .iter()
            .map(|(name, key)| (name.clone(), Sha256::digest(key.expose().as_bytes()).into()))
            .collect();
        self
    }

    /// The caller a request comes from: a kiosk's signature, or a caller's bearer key.
    fn caller(&self, request: &LinkRequest, headers: &HeaderMap, body: &[u8]) -> Option<String> {
        let signed = self.kiosks.get(&request.kiosk).is_some_and(|secret| {
            signature::verify(
                secret.expose().as_bytes(),
                headers.get(signature::HEADER).and_then(|h| h.to_str().ok()),
                body,
                unix_now(),
            )
            .is_ok()
        });
        if signed {
            return Some(request.kiosk.clone());
        }
        let presented = headers
            .get(header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "))?;
        let hash: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        // Every key compared: the time taken says nothing about which matched.
        let mut found = None;
        for (name, key) in &self.callers {
            if *key == hash && found.is_none() {
                found = Some(name.clone());
            }
        }
        found
    }

    pub fn with_apple(mut self, signer: pkpass::Signer) -> Self {
        self.apple = Some(signer);
        self
    }

    pub fn with_google(mut self, signer: google::Signer) -> Self {
        self.google = Some(signer);
        self
    }

    pub fn with_messages(mut self, messages: &'static Messages) -> Self {
        self.messages = messages;
        self
    }

    /// Links currently held (for tests and figures).
    pub fn held(&self) -> usize {
        self.held.lock().map(|h| h.len()).unwrap_or(0)
    }

    /// Makes a link for each pass; `None` when the service holds too many already.
    fn mint(&self, passes: Vec<PhonePass>, now: i64) -> Option<LinkAnswer> {
        let until = now + self.expires.as_secs() as i64;
        let mut held = self.held.lock().ok()?;
        held.retain(|_, h| h.until > now && h.uses_left > 0);
        if held.len() + passes.len() > MOST_HELD {
            return None;
        }
        let mut links = Vec::new();
        for pass in passes {
            let mut bytes = [0u8; 16];
            getrandom::fill(&mut bytes).ok()?;
            let token = hex::encode(bytes);
            links.push(PassLink {
                passenger: pass.passenger,
                url: format!("{}/pass/{token}", self.public_url),
            });
            held.insert(
                Sha256::digest(token.as_bytes()).into(),
                Held {
                    pass,
                    until,
                    uses_left: self.uses,
                },
            );
        }
        Some(LinkAnswer {
            links,
            expires_at: until,
        })
    }

    /// The pass behind `token`, one use spent: with the uses left and when the link ends.
    fn open(&self, token: &str, now: i64) -> Option<(PhonePass, u8, i64)> {
        if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let key: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let mut held = self.held.lock().ok()?;
        let h = held.get_mut(&key)?;
        if h.until <= now || h.uses_left == 0 {
            held.remove(&key);
            return None;
        }
        h.uses_left -= 1;
        Some((h.pass.clone(), h.uses_left, h.until))
    }

    fn words<'a>(&'a self, locale: &'a str) -> page::Words<'a> {
        let locale = if self.messages.has(locale, "pass-title") {
            locale
        } else {
            crate::i18n::FALLBACK
        };
        page::Words {
            messages: self.messages,
            locale,
        }
    }
}

pub fn router(passes: Arc<Passes>) -> Router {
    Router::new()
        .route("/api/v1/phone-passes", post(make_links))
        .route("/pass/{token}", get(show))
        .route("/pass/{token}/apple/{leg}", get(apple))
        .route("/pass/{token}/google", get(google_link))
        .route("/pass.css", get(style))
        // The desk's own font answers, wherever the pages are served.
        .route("/pass-fonts/naskh.ttf", get(crate::desk::naskh))
        .route("/pass-fonts/devanagari.ttf", get(crate::desk::devanagari))
        .with_state(passes)
        .layer(axum::middleware::from_fn(private))
}

/// What every answer says to a phone's browser, wherever the service runs (the desk, the
/// airline service): our own style only, no script, never framed, not cached (a pass is
/// personal), no referrer (the link is a key).
async fn private(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let set = |h: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, header::HeaderValue::from_static(value));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; \
         form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    if !h.contains_key(header::CACHE_CONTROL) {
        set(h, header::CACHE_CONTROL, "no-store");
    }
    response
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// `POST /api/v1/phone-passes`: a kiosk's passes, signed with its desk secret.
async fn make_links(
    State(passes): State<Arc<Passes>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Ok(request) = serde_json::from_slice::<LinkRequest>(&body) else {
        return (StatusCode::BAD_REQUEST, "not a phone-pass request").into_response();
    };
    let Some(caller) = passes.caller(&request, &headers, &body) else {
        let kiosk: String = request.kiosk.chars().take(64).collect();
        tracing::warn!(kiosk = ?kiosk, "phone passes asked for by a stranger");
        return (
            StatusCode::UNAUTHORIZED,
            "not signed by a kiosk this service knows",
        )
            .into_response();
    };
    if request.passes.is_empty() || request.passes.len() > MOST_PASSES {
        return (
            StatusCode::BAD_REQUEST,
            format!("from 1 to {MOST_PASSES} passes in one request"),
        )
            .into_response();
    }
    let count = request.passes.len();
    match passes.mint(request.passes, unix_now()) {
        Some(answer) => {
            tracing::info!(kiosk = %caller, count, "phone-pass links made");
            Json(answer).into_response()
        }
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            "too many phone-pass links open: try again shortly",
        )
            .into_response(),
    }
}

/// The page of a link that no longer opens, in the phone's language.
fn gone(passes: &Passes, headers: &HeaderMap) -> Response {
    let available: Vec<&str> = passes
        .messages
        .locales()
        .into_iter()
        .filter(|l| passes.messages.has(l, "pass-title"))
        .collect();
    let locale = crate::i18n::negotiate_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|h| h.to_str().ok()),
        &available,
        crate::i18n::FALLBACK,
    );
    let html = page::gone(&passes.words(locale));
    (
        StatusCode::GONE,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

/// `GET /pass/<token>`: the pass, for any phone.
async fn show(
    State(passes): State<Arc<Passes>>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some((pass, uses_left, until)) = passes.open(&token, unix_now()) else {
        return gone(&passes, &headers);
    };
    let rows = match crate::print::barcode::pdf417(&pass.barcode) {
        Ok(code) => code.rows,
        Err(e) => {
            tracing::error!(error = %e, "a phone pass's barcode could not be made");
            Vec::new()
        }
    };
    let mut wallets = Vec::new();
    if passes.apple.is_some() {
        for (i, _) in pass.legs.iter().enumerate() {
            wallets.push(("pass-apple", format!("/pass/{token}/apple/{i}")));
        }
    }
    if passes.google.is_some() {
        wallets.push(("pass-google", format!("/pass/{token}/google")));
    }
    let offset = pass
        .legs
        .first()
        .map(|l| *l.departs.offset())
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero is an offset"));
    let until = chrono::DateTime::from_timestamp(until, 0)
        .map(|t| t.with_timezone(&offset).format("%H:%M").to_string())
        .unwrap_or_default();
    let offers = page::Offers {
        wallets,
        uses_left,
        until,
    };
    let html = page::pass(
        &passes.words(&pass.locale),
        &pass,
        &passes.airline,
        &page::pdf417_svg(&rows),
        &offers,
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

/// `GET /pass/<token>/apple/<leg>`: the Apple Wallet pass of one flight.
async fn apple(
    State(passes): State<Arc<Passes>>,
    Path((token, leg)): Path<(String, usize)>,
    headers: HeaderMap,
) -> Response {
    let Some(signer) = &passes.apple else {
        return (StatusCode::NOT_FOUND, "no Apple Wallet passes here").into_response();
    };
    let Some((pass, _, _)) = passes.open(&token, unix_now()) else {
        return gone(&passes, &headers);
    };
    if leg >= pass.legs.len() {
        return (StatusCode::NOT_FOUND, "no such flight on this pass").into_response();
    }
    match signer.pkpass(&pass, leg, &passes.airline, std::time::SystemTime::now()) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, pkpass::MIME),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"boarding-pass.pkpass\"",
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "an Apple Wallet pass could not be made");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the pass could not be made",
            )
                .into_response()
        }
    }
}

/// `GET /pass/<token>/google`: to Google Wallet's save page.
async fn google_link(
    State(passes): State<Arc<Passes>>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(signer) = &passes.google else {
        return (StatusCode::NOT_FOUND, "no Google Wallet passes here").into_response();
    };
    let Some((pass, _, _)) = passes.open(&token, unix_now()) else {
        return gone(&passes, &headers);
    };
    match signer.save_url(&pass, &passes.airline, unix_now()) {
        Ok(url) => (StatusCode::SEE_OTHER, [(header::LOCATION, url)]).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a Google Wallet link could not be made");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the pass could not be made",
            )
                .into_response()
        }
    }
}

async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        page::STYLE,
    )
        .into_response()
}
