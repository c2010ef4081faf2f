//! The kiosk as a CUSS 2 application: one WebSocket to the airport's platform, on a thread of
//! its own. The rest of the kiosk sees a [`Platform`]: directives it can wait on (a print),
//! requests it hands over and forgets (a state, a reader to enable), and [`News`] from the
//! platform (a scan, a passenger session, a printer's paper, a headset).
//!
//! As cuss2-ts `src/connection.ts` and `src/cuss2.ts` do: a token by OAuth2 client credentials,
//! renewed before it expires and sent in every message's `meta`; `platform_environment` first,
//! then the component list and a query of each; every directive with its own request id, its
//! acknowledgement, then its result; the platform's pings answered; after a drop, a new
//! connection with backoff. A refused secret is not retried: the kiosk shows itself out of
//! service and says why once in the log.

use super::wire::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, mpsc};

/// Where the platform is and who the kiosk is to it (`[cuss2]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The platform's WebSocket, `ws://` or `wss://` (…/platform/subscribe).
    pub url: String,
    /// The token endpoint; by default `/oauth/token` on the socket's host.
    pub token_url: Option<String>,
    pub client_id: String,
    /// Never in a log: its `Debug` hides it.
    pub secret: crate::config::Secret,
    /// The device id to give in messages; by default the one the platform's environment names.
    pub device_id: Option<String>,
    /// How long a directive may take to be acknowledged and answered.
    pub timeout: Duration,
}

impl Settings {
    pub fn token_url(&self) -> String {
        if let Some(url) = &self.token_url {
            return url.clone();
        }
        match url::Url::parse(&self.url) {
            Ok(mut u) => {
                let scheme = if u.scheme() == "wss" { "https" } else { "http" };
                let _ = u.set_scheme(scheme);
                u.set_path("/oauth/token");
                u.set_query(None);
                u.to_string()
            }
            Err(_) => self.url.clone(),
        }
    }
}

/// Which printer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Printer {
    BoardingPass,
    BagTag,
}

/// The connection to the platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Connecting,
    /// Connected and initialised.
    Up,
    /// Lost; trying again.
    Down(String),
    /// The platform refused the kiosk's credentials, or disabled it: no retrying.
    Refused(String),
}

/// What the platform tells the kiosk.
#[derive(Debug, Clone, PartialEq)]
pub enum News {
    Link(Link),
    /// The application's state as the platform has it now.
    State(String),
    /// The platform started a passenger session, in this language (RFC 3066).
    Activated {
        language: String,
    },
    /// The passenger session ran past the platform's session timeout: end it.
    SessionTimeout,
    /// A reader read something: a barcode, or a passport's codeline (its lines separated by
    /// a line feed).
    Scanned(String),
    /// The headset was plugged in (true) or pulled out.
    Headset(bool),
    /// A navigation key (NAVNEXT, NAVENTER, …).
    Key(String),
    /// A printer's condition: OK, MEDIA_LOW, MEDIA_EMPTY, MEDIA_JAMMED, HARDWARE_ERROR …
    Printer(Printer, String),
    /// What a printer dispensed was taken (true) or waits in its slot.
    Dispensed(Printer, bool),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Cuss2Error {
    #[error("the platform is not connected")]
    NotConnected,
    #[error("the platform refused the directive: {0}")]
    Refused(String),
    #[error("no answer from the platform within {0} s")]
    Timeout(u64),
    #[error("the connection to the platform was lost")]
    Lost,
}

type Reply = std::sync::mpsc::SyncSender<Result<PlatformData, Cuss2Error>>;

enum Command {
    Directive {
        directive: Directive,
        component: Option<u32>,
        payload: Option<Box<AppPayload>>,
        reply: Option<Reply>,
        /// When the kiosk asked: a directive that waited out its time (the platform was
        /// reconnecting) is never sent late: its caller has given up on it.
        asked: Instant,
    },
    /// The kiosk's passenger visit ended (or is to start): the state to ask for.
    Visit(bool),
    /// Readers on or off.
    Scans(bool),
    /// Staff closed the kiosk (or opened it again): UNAVAILABLE to the platform meanwhile.
    Closed(bool),
}

/// What the kiosk can read of the platform at any time.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub link: Option<Link>,
    pub state: String,
    pub version: Option<Version>,
    /// Components by role (the first of each).
    pub components: HashMap<Role, u32>,
    /// Each component's last message code.
    pub status: HashMap<u32, String>,
}

impl Snapshot {
    pub fn has(&self, role: Role) -> bool {
        self.components.contains_key(&role)
    }
}

/// The kiosk's handle on the platform.
#[derive(Clone)]
pub struct Platform {
    commands: mpsc::UnboundedSender<Command>,
    news: broadcast::Sender<News>,
    shared: Arc<Mutex<Snapshot>>,
    timeout: Duration,
}

impl std::fmt::Debug for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Platform")
    }
}

impl std::hash::Hash for Platform {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (Arc::as_ptr(&self.shared) as usize).hash(state);
    }
}

impl Platform {
    /// Connects on a thread of its own, and keeps connected.
    pub fn start(settings: Settings) -> Platform {
        let (commands, rx) = mpsc::unbounded_channel();
        let (news, _) = broadcast::channel(256);
        let shared = Arc::new(Mutex::new(Snapshot {
            link: Some(Link::Connecting),
            ..Default::default()
        }));
        let platform = Platform {
            commands,
            news: news.clone(),
            shared: shared.clone(),
            timeout: settings.timeout,
        };
        let spawned = std::thread::Builder::new()
            .name("cuss2".into())
            .spawn(move || {
                match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt.block_on(run(settings, rx, news, shared)),
                    Err(e) => tracing::error!(error = %e, "the CUSS 2 client could not start"),
                }
            });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "the CUSS 2 client could not start");
        }
        platform
    }

    /// News from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<News> {
        self.news.subscribe()
    }

    pub fn snapshot(&self) -> Snapshot {
        self.shared
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Sends a directive and waits for its result (a print): blocking, so never on the
    /// screen's thread.
    pub fn call(
        &self,
        directive: Directive,
        component: Option<u32>,
        payload: Option<AppPayload>,
    ) -> Result<PlatformData, Cuss2Error> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.commands
            .send(Command::Directive {
                directive,
                component,
                payload: payload.map(Box::new),
                reply: Some(tx),
                asked: Instant::now(),
            })
            .map_err(|_| Cuss2Error::NotConnected)?;
        // The client times the directive out itself; this is the backstop.
        rx.recv_timeout(self.timeout + Duration::from_secs(2))
            .map_err(|_| Cuss2Error::Timeout(self.timeout.as_secs()))?
    }

    /// Sends a directive without waiting for its result.
    pub fn tell(&self, directive: Directive, component: Option<u32>, payload: Option<AppPayload>) {
        let _ = self.commands.send(Command::Directive {
            directive,
            component,
            payload: payload.map(Box::new),
            reply: None,
            asked: Instant::now(),
        });
    }

    /// The component playing `role`, if the platform has one.
    pub fn component(&self, role: Role) -> Option<u32> {
        self.snapshot().components.get(&role).copied()
    }

    /// A passenger visit starts at the kiosk's own screen (`true`: ask ACTIVE when only
    /// AVAILABLE) or ended (`false`: back to AVAILABLE, or UNAVAILABLE while a needed device
    /// is down).
    pub fn visit(&self, on: bool) {
        let _ = self.commands.send(Command::Visit(on));
    }

    /// The readers on (a screen wants a scan) or off, with the light at them.
    pub fn want_scans(&self, on: bool) {
        let _ = self.commands.send(Command::Scans(on));
    }

    /// Staff closed the kiosk (`true`) or opened it: the platform is told the application is
    /// UNAVAILABLE meanwhile, so it sends no passenger here.
    pub fn closed(&self, closed: bool) {
        let _ = self.commands.send(Command::Closed(closed));
    }

    /// The application's state as last heard.
    pub fn state(&self) -> String {
        self.snapshot().state
    }

    /// Waits (a test, a script) until `pred` holds of the snapshot, or `within` passes.
    pub fn wait_for(&self, within: Duration, pred: impl Fn(&Snapshot) -> bool) -> bool {
        let until = Instant::now() + within;
        while Instant::now() < until {
            if pred(&self.snapshot()) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        pred(&self.snapshot())
    }
}

// ---- the client's own thread ----

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;
type WsMessage = tokio_tungstenite::tungstenite::Message;

/// Why a connection ended.
enum Ended {
    /// Try again after a pause.
    Retry(String),
    /// One directive was refused or went unanswered; the connection itself is fine.
    Declined(String),
    /// Try again at once with a new token.
    NewToken,
    /// Give up: the platform refused the kiosk.
    Refused(String),
    /// The kiosk is going away.
    Shutdown,
}

struct Token {
    value: String,
    renew_at: Instant,
    /// After this the platform refuses it.
    expires_at: Instant,
}

async fn fetch_token(http: &reqwest::Client, settings: &Settings) -> Result<Token, Ended> {
    let form = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("client_id", &settings.client_id)
        .append_pair("client_secret", settings.secret.expose())
        .append_pair("grant_type", "client_credentials")
        .finish();
    let response = http
        .post(settings.token_url())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .timeout(settings.timeout)
        .send()
        .await
        .map_err(|e| Ended::Retry(format!("token endpoint: {e}")))?;
    let status = response.status();
    if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
        return Err(Ended::Refused(format!(
            "the platform refused client {} (HTTP {}): check [cuss2] client_id and secret_file",
            settings.client_id,
            status.as_u16()
        )));
    }
    if !status.is_success() {
        return Err(Ended::Retry(format!(
            "token endpoint answered HTTP {}",
            status.as_u16()
        )));
    }
    #[derive(serde::Deserialize)]
    struct Answer {
        access_token: String,
        /// Seconds, as a number or (some servers) a string.
        #[serde(default)]
        expires_in: Option<serde_json::Value>,
    }
    let answer: Answer = response
        .json()
        .await
        .map_err(|e| Ended::Retry(format!("token endpoint answered garbage: {e}")))?;
    let seconds = match &answer.expires_in {
        Some(serde_json::Value::Number(n)) => n.as_f64(),
        Some(serde_json::Value::String(s)) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    // Between 2 s and a day: a token said to last longer is renewed daily all the same.
    let seconds = seconds
        .filter(|s| s.is_finite())
        .unwrap_or(3600.0)
        .clamp(2.0, 86_400.0);
    let lifetime = Duration::from_secs_f64(seconds);
    let now = Instant::now();
    Ok(Token {
        value: answer.access_token,
        // Renewed at four fifths of its life, well before it expires.
        renew_at: now + lifetime.mul_f64(0.8),
        expires_at: now + lifetime,
    })
}

async fn connect(settings: &Settings) -> Result<Socket, Ended> {
    let connector = if settings.url.starts_with("wss:") {
        use rustls_platform_verifier::ConfigVerifierExt;
        let config = rustls::ClientConfig::with_platform_verifier()
            .map_err(|e| Ended::Retry(format!("TLS: {e}")))?;
        Some(tokio_tungstenite::Connector::Rustls(Arc::new(config)))
    } else {
        None
    };
    let connecting = tokio_tungstenite::connect_async_tls_with_config(
        settings.url.as_str(),
        None,
        true,
        connector,
    );
    match tokio::time::timeout(settings.timeout, connecting).await {
        Ok(Ok((socket, _))) => Ok(socket),
        Ok(Err(e)) => Err(Ended::Retry(format!("{}: {e}", settings.url))),
        Err(_) => Err(Ended::Retry(format!("{}: no answer", settings.url))),
    }
}

struct Pending {
    acked: bool,
    /// The acknowledgement is due by then (the platform's `expectedAckTime`, at least a
    /// second), the result by `deadline`.
    ack_by: Instant,
    deadline: Instant,
    reply: Option<Reply>,
    directive: Directive,
    component: Option<u32>,
}

/// One connection's life.
struct Session<'a> {
    settings: &'a Settings,
    socket: Socket,
    token: Token,
    version: Version,
    device_id: String,
    pending: HashMap<String, Pending>,
    news: &'a broadcast::Sender<News>,
    shared: &'a Arc<Mutex<Snapshot>>,
    /// Components' roles by id.
    roles: HashMap<u32, Role>,
    /// Feeders and dispensers: the printer they belong to.
    linked: HashMap<u32, Printer>,
    /// The light at each device that has one.
    lights: HashMap<u32, u32>,
    /// Printers that take PDF (`DS_TYPES_PRINT_PDF` in their characteristics).
    pdf: std::collections::HashSet<u32>,
    /// What the kiosk wants (a visit going on, the readers on), kept across connections.
    wants: &'a mut Wants,
    /// How long the platform may take to acknowledge a directive.
    ack_time: Duration,
    /// A state the platform refused, not asked again until its state changes.
    declined: Option<String>,
    /// A state asked for and not yet answered: directives sent meanwhile reach the platform
    /// after the request, so they are judged by it, not by the state last heard.
    expected: Option<String>,
}

impl Drop for Session<'_> {
    /// The connection is gone: whoever waits on a directive hears so at once.
    fn drop(&mut self) {
        for (_, p) in self.pending.drain() {
            if let Some(reply) = p.reply {
                let _ = reply.try_send(Err(Cuss2Error::Lost));
            }
        }
    }
}

impl Session<'_> {
    fn snapshot(&self) -> std::sync::MutexGuard<'_, Snapshot> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn publish(&self, news: News) {
        let _ = self.news.send(news);
    }

    async fn send(
        &mut self,
        directive: Directive,
        component: Option<u32>,
        payload: Option<AppPayload>,
    ) -> Result<String, Cuss2Error> {
        let Some(name) = directive.name(self.version) else {
            return Err(Cuss2Error::Refused(format!(
                "{directive:?} does not exist in CUSS {}",
                self.version.as_str()
            )));
        };
        let request = unique_id();
        let data = ApplicationData {
            meta: AppMeta {
                device_id: self.device_id.clone(),
                request_id: request.clone(),
                oauth_token: self.token.value.clone(),
                directive: name.into(),
                component_id: component,
            },
            payload,
        };
        let text = serde_json::to_string(&data).map_err(|e| Cuss2Error::Refused(e.to_string()))?;
        use futures_util::SinkExt;
        self.socket
            .send(WsMessage::Text(text.into()))
            .await
            .map_err(|_| Cuss2Error::Lost)?;
        Ok(request)
    }

    /// Sends a directive and waits for its result, handling whatever else arrives meanwhile
    /// (initialisation only: nothing else is waiting then).
    async fn call(
        &mut self,
        directive: Directive,
        component: Option<u32>,
        payload: Option<AppPayload>,
    ) -> Result<PlatformData, Ended> {
        let request = self
            .send(directive, component, payload)
            .await
            .map_err(|e| Ended::Retry(e.to_string()))?;
        let deadline = tokio::time::Instant::now() + self.settings.timeout;
        loop {
            let next = tokio::time::timeout_at(deadline, self.next()).await;
            let inbound = match next {
                Err(_) => {
                    return Err(Ended::Declined(format!(
                        "no answer to {directive:?} within {} s",
                        self.settings.timeout.as_secs()
                    )));
                }
                Ok(inbound) => inbound?,
            };
            match inbound {
                Inbound::Ack(ack) if ack.request_id == request && ack.ack_code != "ACK_OK" => {
                    return Err(Ended::Declined(format!(
                        "{directive:?} refused: {} {}",
                        ack.ack_code,
                        ack.description.unwrap_or_default()
                    )));
                }
                Inbound::Data(data) if data.meta.request_id == request => {
                    self.heard_state(&data);
                    return Ok(*data);
                }
                Inbound::Data(data) => self.unsolicited(*data).await,
                _ => {}
            }
        }
    }

    /// The next message, pings answered on the way.
    async fn next(&mut self) -> Result<Inbound, Ended> {
        use futures_util::{SinkExt, StreamExt};
        loop {
            let Some(message) = self.socket.next().await else {
                return Err(Ended::Retry("the platform closed the connection".into()));
            };
            let message =
                message.map_err(|e| Ended::Retry(format!("the connection broke: {e}")))?;
            let text = match message {
                WsMessage::Text(t) => t.to_string(),
                WsMessage::Close(frame) => return Err(closed(frame)),
                _ => continue,
            };
            match Inbound::parse(&text) {
                Ok(Inbound::Ping(_)) => {
                    let pong = serde_json::json!({"pong": chrono::Utc::now().to_rfc3339()});
                    let _ = self
                        .socket
                        .send(WsMessage::Text(pong.to_string().into()))
                        .await;
                }
                Ok(inbound) => return Ok(inbound),
                Err(e) => {
                    tracing::warn!(error = %e, "the platform sent a message the kiosk cannot read")
                }
            }
        }
    }

    fn heard_state(&mut self, data: &PlatformData) {
        let state = &data.meta.current_application_state.application_state_code;
        let changed = {
            let mut s = self.snapshot();
            let changed = s.state != *state;
            s.state = state.clone();
            changed
        };
        if changed {
            self.declined = None;
            tracing::info!(state = %state, "CUSS application state");
            self.publish(News::State(state.clone()));
        }
    }

    fn role(&self, component: Option<u32>) -> Option<Role> {
        component.and_then(|c| self.roles.get(&c).copied())
    }

    fn printer_of(&self, component: Option<u32>) -> Option<Printer> {
        let id = component?;
        match self.roles.get(&id)? {
            Role::BoardingPassPrinter => Some(Printer::BoardingPass),
            Role::BagTagPrinter => Some(Printer::BagTag),
            _ => self.linked.get(&id).copied(),
        }
    }
}

fn closed(frame: Option<tokio_tungstenite::tungstenite::protocol::CloseFrame>) -> Ended {
    let (code, reason) = match &frame {
        Some(f) => (u16::from(f.code), f.reason.to_string()),
        None => (1005, String::new()),
    };
    match code {
        4004 => Ended::NewToken,
        4006 => Ended::Refused(format!(
            "the platform disabled this application (4006 {reason})"
        )),
        4001..=4003 => Ended::Retry(format!(
            "the platform closed the connection: {code} {reason}"
        )),
        4005 => Ended::Retry("another client is connected to the platform (4005)".into()),
        _ => Ended::Retry(format!(
            "the platform closed the connection ({code} {reason})"
        )),
    }
}

async fn run(
    settings: Settings,
    mut commands: mpsc::UnboundedReceiver<Command>,
    news: broadcast::Sender<News>,
    shared: Arc<Mutex<Snapshot>>,
) {
    crate::net::install_crypto();
    let http = match reqwest::Client::builder()
        .pool_idle_timeout(crate::net::CLIENT_IDLE)
        .build()
    {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "the CUSS 2 client has no HTTP client");
            return;
        }
    };
    let set_link = |link: Link| {
        shared.lock().unwrap_or_else(|e| e.into_inner()).link = Some(link.clone());
        let _ = news.send(News::Link(link));
    };
    let mut backoff = FIRST_RETRY;
    let mut wants = Wants::default();
    // Fresh tokens the platform closed the connection over (4004), in a row.
    let mut tokens_refused = 0;
    loop {
        let mut reached = false;
        let ended = match connected(
            &settings,
            &http,
            &mut commands,
            &news,
            &shared,
            &mut wants,
            &mut reached,
        )
        .await
        {
            Ok(never) => match never {},
            Err(ended) => ended,
        };
        if reached {
            backoff = FIRST_RETRY;
            tokens_refused = 0;
        }
        let why = match ended {
            Ended::Shutdown => return,
            Ended::Refused(why) => {
                tracing::error!("CUSS 2: {why}; the kiosk stays out of service");
                set_link(Link::Refused(why));
                // Never a loop: wait for the kiosk to go away.
                while commands.recv().await.is_some() {}
                return;
            }
            Ended::NewToken if tokens_refused >= 2 => {
                let why = "the platform refuses every token it gives this application (4004)";
                tracing::error!("CUSS 2: {why}; the kiosk stays out of service");
                set_link(Link::Refused(why.into()));
                while commands.recv().await.is_some() {}
                return;
            }
            Ended::NewToken => {
                tokens_refused += 1;
                "the platform refused the token (4004); asking for a new one".to_string()
            }
            Ended::Retry(why) | Ended::Declined(why) => why,
        };
        tracing::warn!(retry_in_ms = backoff.as_millis() as u64, "CUSS 2: {why}");
        set_link(Link::Down(why));
        // Directives asked meanwhile fail at once: a print must not wait for a platform that
        // is gone.
        let pause = tokio::time::sleep(backoff);
        tokio::pin!(pause);
        loop {
            tokio::select! {
                _ = &mut pause => break,
                command = commands.recv() => match command {
                    None => return,
                    Some(command) => wants.apply(command),
                }
            }
        }
        backoff = (backoff * 2).min(LAST_RETRY);
    }
}

/// How soon a failed token renewal is tried again.
const RENEW_AGAIN: Duration = Duration::from_secs(10);

/// The first pause before connecting again, doubled at each failure up to the last.
const FIRST_RETRY: Duration = Duration::from_millis(250);
const LAST_RETRY: Duration = Duration::from_secs(30);

/// What the kiosk wants of the platform, kept across connections.
#[derive(Debug, Default, Clone, Copy)]
struct Wants {
    visiting: bool,
    scans: bool,
    closed: bool,
}

impl Wants {
    /// A command heard while no connection is up.
    fn apply(&mut self, command: Command) {
        match command {
            Command::Directive { reply, .. } => {
                if let Some(reply) = reply {
                    let _ = reply.try_send(Err(Cuss2Error::NotConnected));
                }
            }
            Command::Visit(on) => self.visiting = on,
            Command::Scans(on) => self.scans = on,
            Command::Closed(on) => self.closed = on,
        }
    }
}

/// Devices a check-in cannot do without: a boarding-pass printer and a barcode reader.
const NEEDED: [Role; 2] = [Role::BoardingPassPrinter, Role::BarcodeReader];

/// Message codes that leave a device unable to work until someone sees to it.
pub fn is_down(code: &str) -> bool {
    matches!(
        code,
        "MEDIA_EMPTY"
            | "MEDIA_JAMMED"
            | "HARDWARE_ERROR"
            | "CRITICAL_SOFTWARE_ERROR"
            | "NOT_REACHABLE"
            | "NOT_RESPONDING"
    )
}

/// One connection's life: a token, the socket, the initialisation, then directives and news
/// until it ends; returns only why it ended.
async fn connected(
    settings: &Settings,
    http: &reqwest::Client,
    commands: &mut mpsc::UnboundedReceiver<Command>,
    news: &broadcast::Sender<News>,
    shared: &Arc<Mutex<Snapshot>>,
    wants: &mut Wants,
    reached: &mut bool,
) -> Result<std::convert::Infallible, Ended> {
    {
        let mut snap = shared.lock().unwrap_or_else(|e| e.into_inner());
        snap.link = Some(Link::Connecting);
        snap.state.clear();
    }
    let token = fetch_token(http, settings).await?;
    let socket = connect(settings).await?;
    let mut s = Session {
        settings,
        socket,
        token,
        version: Version::V2_4,
        device_id: settings
            .device_id
            .clone()
            .unwrap_or_else(|| "00000000-0000-0000-0000-000000000000".into()),
        pending: HashMap::new(),
        news,
        shared,
        roles: HashMap::new(),
        linked: HashMap::new(),
        lights: HashMap::new(),
        pdf: Default::default(),
        wants,
        ack_time: settings.timeout,
        declined: None,
        expected: None,
    };
    s.initialise().await?;
    *reached = true;
    {
        let mut snap = s.snapshot();
        snap.link = Some(Link::Up);
    }
    s.publish(News::Link(Link::Up));
    tracing::info!(version = s.version.as_str(), "CUSS 2 platform connected");
    loop {
        let deadline = s
            .pending
            .values()
            .map(|p| {
                if p.acked {
                    p.deadline
                } else {
                    p.ack_by.min(p.deadline)
                }
            })
            .chain([s.token.renew_at])
            .min()
            .unwrap_or(s.token.renew_at);
        tokio::select! {
            inbound = s.next() => {
                let inbound = inbound?;
                s.inbound(inbound).await;
            }
            command = commands.recv() => match command {
                None => return Err(Ended::Shutdown),
                Some(command) => s.command(command).await?,
            },
            _ = tokio::time::sleep_until(deadline.into()) => {
                s.expire();
                if Instant::now() >= s.token.renew_at {
                    match fetch_token(http, settings).await {
                        Ok(token) => s.token = token,
                        // The token in hand still works: the connection goes on, and the
                        // renewal is tried again shortly.
                        Err(Ended::Retry(why) | Ended::Refused(why))
                            if Instant::now() + RENEW_AGAIN < s.token.expires_at =>
                        {
                            tracing::warn!(why = %why, "CUSS 2: the token could not be renewed yet");
                            s.token.renew_at = Instant::now() + RENEW_AGAIN;
                        }
                        Err(ended) => return Err(ended),
                    }
                }
            }
        }
    }
}

impl Session<'_> {
    /// Environment, components, a query of each, then the states up to AVAILABLE.
    async fn initialise(&mut self) -> Result<(), Ended> {
        let env = self.call(Directive::Environment, None, None).await?;
        let Some(level) = env.payload.and_then(|p| p.environment_level) else {
            return Err(Ended::Retry("the platform sent no environment".into()));
        };
        let Some(version) = Version::negotiate(&level.cuss_versions) else {
            return Err(Ended::Refused(format!(
                "the platform speaks CUSS {}; this kiosk speaks 2.3 and 2.4",
                level.cuss_versions.join(", ")
            )));
        };
        self.version = version;
        // The platform says how soon it acknowledges; twice that (a second at least, never
        // more than the directive's whole time) before a silent platform counts as failed.
        if let Some(ms) = level.expected_ack_time {
            self.ack_time = (Duration::from_millis(ms) * 2)
                .max(Duration::from_secs(1))
                .min(self.settings.timeout);
        }
        if self.settings.device_id.is_none() {
            self.device_id = level.device_id.clone();
        }
        let list = self
            .call(Directive::Components, None, None)
            .await?
            .payload
            .and_then(|p| p.component_list)
            .unwrap_or_default();
        self.learn(&list);
        for c in &list {
            // A component the platform will not say anything of is taken as not responding;
            // the others still count (as cuss2-ts, which ignores a failed query).
            let code = match self
                .call(Directive::Query, Some(c.component_id), None)
                .await
            {
                Ok(answer) => answer.meta.message_code.clone(),
                Err(Ended::Declined(why)) => {
                    tracing::warn!(component = c.component_id, why = %why, "CUSS 2: a query failed");
                    "NOT_RESPONDING".to_string()
                }
                Err(other) => return Err(other),
            };
            self.snapshot().status.insert(c.component_id, code);
        }
        {
            let mut snap = self.snapshot();
            snap.version = Some(version);
        }
        if self.snapshot().state == "INITIALIZE" {
            self.call_state("UNAVAILABLE", "OUT_OF_SERVICE_INTERNAL", Some("starting"))
                .await?;
        }
        // A visit the drop interrupted: the platform has ended it.
        if self.wants.visiting && self.snapshot().state != "ACTIVE" {
            self.wants.visiting = false;
            self.wants.scans = false;
            self.publish(News::SessionTimeout);
        }
        if self.snapshot().state == "UNAVAILABLE" && self.devices_ready() {
            self.call_state("AVAILABLE", "NOT_APPLICABLE", None).await?;
        }
        if self.snapshot().state == "ACTIVE" {
            match self.wants.visiting {
                // The visit goes on where it was: the keypad, and the readers as the screen
                // wants them now (the platform may have kept them on).
                true => {
                    self.entered("").await;
                    if !self.wants.scans {
                        self.readers(false).await;
                    }
                }
                // A session nobody at the kiosk is in (the kiosk restarted): over.
                false => self.leave_active().await,
            }
        }
        Ok(())
    }

    /// Roles, links and lights from the component list.
    fn learn(&mut self, list: &[EnvironmentComponent]) {
        let mut snap = Snapshot::default();
        for c in list {
            let role = c.role();
            self.roles.insert(c.component_id, role);
            snap.components.entry(role).or_insert(c.component_id);
            if c.component_characteristics
                .iter()
                .any(|ch| ch.ds_types_list.iter().any(|t| t == "DS_TYPES_PRINT_PDF"))
            {
                self.pdf.insert(c.component_id);
            }
        }
        if let Some(printer) = snap.components.get(&Role::BoardingPassPrinter)
            && !self.pdf.contains(printer)
        {
            tracing::error!(
                "CUSS 2: the platform's boarding-pass printer does not take PDF; the kiosk stays out of service"
            );
        }
        for c in list {
            let printer = match self.roles.get(&c.component_id) {
                Some(Role::BoardingPassPrinter) => Some(Printer::BoardingPass),
                Some(Role::BagTagPrinter) => Some(Printer::BagTag),
                _ => None,
            };
            for linked in &c.linked_component_ids {
                match (printer, self.roles.get(linked)) {
                    (Some(p), Some(Role::Feeder | Role::Dispenser)) => {
                        self.linked.insert(*linked, p);
                    }
                    (_, Some(Role::Illumination)) => {
                        self.lights.insert(c.component_id, *linked);
                    }
                    _ => {}
                }
            }
            if self.roles.get(&c.component_id) == Some(&Role::Illumination) {
                for device in &c.linked_component_ids {
                    self.lights.entry(*device).or_insert(c.component_id);
                }
            }
        }
        let mut current = self.snapshot();
        current.components = snap.components;
        current.status.clear();
    }

    fn devices_ready(&self) -> bool {
        let snap = self.snapshot();
        let working = NEEDED.iter().all(|role| {
            snap.components
                .get(role)
                .is_some_and(|id| !snap.status.get(id).is_some_and(|code| is_down(code)))
        });
        let prints_pdf = snap
            .components
            .get(&Role::BoardingPassPrinter)
            .is_some_and(|id| self.pdf.contains(id));
        working && prints_pdf && !self.wants.closed
    }

    fn state_payload(&self, to: &str, reason_code: &str, reason: Option<&str>) -> AppPayload {
        let mut state = ApplicationState::new(to, reason_code, reason);
        if self.version == Version::V2_3 {
            state.accessible_mode = Some(false);
        }
        AppPayload {
            application_state: Some(state),
            ..Default::default()
        }
    }

    async fn call_state(
        &mut self,
        to: &str,
        reason_code: &str,
        reason: Option<&str>,
    ) -> Result<(), Ended> {
        let payload = self.state_payload(to, reason_code, reason);
        let answer = self
            .call(Directive::StateRequest, None, Some(payload))
            .await?;
        if answer.meta.message_code != "OK" {
            tracing::warn!(
                to,
                code = %answer.meta.message_code,
                "CUSS 2: the platform refused the state"
            );
        }
        Ok(())
    }

    /// Asks for a state without waiting (the answer updates the snapshot when it comes).
    async fn ask_state(&mut self, to: &str, reason_code: &str, reason: Option<&str>) {
        self.expected = Some(to.to_string());
        let payload = self.state_payload(to, reason_code, reason);
        self.directive(Directive::StateRequest, None, Some(payload), None)
            .await;
    }

    async fn directive(
        &mut self,
        directive: Directive,
        component: Option<u32>,
        payload: Option<AppPayload>,
        reply: Option<Reply>,
    ) {
        match self.send(directive, component, payload).await {
            Ok(request) => {
                self.pending.insert(
                    request,
                    Pending {
                        acked: false,
                        ack_by: Instant::now() + self.ack_time,
                        deadline: Instant::now() + self.settings.timeout,
                        reply,
                        directive,
                        component,
                    },
                );
            }
            Err(e) => {
                if let Some(reply) = reply {
                    let _ = reply.try_send(Err(e));
                }
            }
        }
    }

    /// The state the platform will be in once what was asked is answered.
    fn heading(&self) -> String {
        self.expected
            .clone()
            .unwrap_or_else(|| self.snapshot().state.clone())
    }

    async fn command(&mut self, command: Command) -> Result<(), Ended> {
        match command {
            Command::Directive {
                directive,
                component,
                payload,
                reply,
                asked,
            } => {
                if asked.elapsed() >= self.settings.timeout {
                    if let Some(reply) = reply {
                        let _ = reply
                            .try_send(Err(Cuss2Error::Timeout(self.settings.timeout.as_secs())));
                    }
                    tracing::warn!(directive = ?directive, "CUSS 2: a directive that waited too long was not sent");
                    return Ok(());
                }
                self.directive(directive, component, payload.map(|p| *p), reply)
                    .await
            }
            Command::Visit(true) => {
                self.wants.visiting = true;
                if self.heading() == "AVAILABLE" {
                    self.ask_state("ACTIVE", "NOT_APPLICABLE", None).await;
                }
            }
            Command::Visit(false) => {
                self.wants.visiting = false;
                self.wants.scans = false;
                if self.heading() == "ACTIVE" {
                    // Everything the passenger could use is switched off before the platform
                    // takes the kiosk back (as cuss2-ts does).
                    self.readers(false).await;
                    let keypad = self.snapshot().components.get(&Role::Keypad).copied();
                    if let Some(keypad) = keypad {
                        self.directive(Directive::Disable, Some(keypad), None, None)
                            .await;
                    }
                    self.leave_active().await;
                }
            }
            Command::Closed(closed) => {
                if self.wants.closed != closed {
                    self.wants.closed = closed;
                    self.sync_state().await;
                }
            }
            Command::Scans(on) => {
                if self.wants.scans != on {
                    self.wants.scans = on;
                    if self.heading() == "ACTIVE" {
                        self.readers(on).await;
                    }
                }
            }
        }
        Ok(())
    }

    /// A passenger session began (the platform's or the kiosk's own): the keypad is enabled
    /// for it, and the readers if a screen already wants a scan.
    async fn entered(&mut self, before: &str) {
        let now = self.snapshot().state.clone();
        if before == "ACTIVE" || now != "ACTIVE" {
            return;
        }
        let keypad = self.snapshot().components.get(&Role::Keypad).copied();
        if let Some(keypad) = keypad {
            self.directive(Directive::Enable, Some(keypad), None, None)
                .await;
        }
        if self.wants.scans {
            self.readers(true).await;
        }
    }

    /// Back to AVAILABLE after a visit, or UNAVAILABLE while a needed device is down.
    async fn leave_active(&mut self) {
        match self.devices_ready() {
            true => self.ask_state("AVAILABLE", "NOT_APPLICABLE", None).await,
            false => {
                self.ask_state(
                    "UNAVAILABLE",
                    "OUT_OF_SERVICE_HARDWARE",
                    Some("a printer or reader needs staff"),
                )
                .await
            }
        }
    }

    /// The readers (and the light that leads the passenger to them) on or off.
    async fn readers(&mut self, on: bool) {
        let directive = if on {
            Directive::Enable
        } else {
            Directive::Disable
        };
        let readers: Vec<u32> = {
            let snap = self.snapshot();
            [Role::BarcodeReader, Role::DocumentReader]
                .iter()
                .filter_map(|r| snap.components.get(r).copied())
                .collect()
        };
        let mut lit = Vec::new();
        for reader in readers {
            self.directive(directive, Some(reader), None, None).await;
            if let Some(light) = self.lights.get(&reader).copied()
                && !lit.contains(&light)
            {
                lit.push(light);
            }
        }
        for light in lit {
            self.light(light, on).await;
        }
    }

    async fn light(&mut self, light: u32, on: bool) {
        let data = IlluminationData {
            duration: -1,
            light_color: LightColor {
                name: Some(if on { "CLR_GREEN" } else { "CLR_OFF" }.into()),
            },
            blink_rate: on.then_some(BlinkRate {
                duration_on: 500,
                duration_off: 500,
            }),
        };
        let payload = AppPayload {
            illumination_data: Some(data),
            ..Default::default()
        };
        self.directive(Directive::Send, Some(light), Some(payload), None)
            .await;
    }

    fn expire(&mut self) {
        let now = Instant::now();
        let late: Vec<String> = self
            .pending
            .iter()
            .filter(|(_, p)| p.deadline <= now || (!p.acked && p.ack_by <= now))
            .map(|(id, _)| id.clone())
            .collect();
        for id in late {
            if let Some(p) = self.pending.remove(&id) {
                if p.directive == Directive::StateRequest {
                    self.expected = None;
                }
                tracing::warn!(
                    directive = ?p.directive,
                    acknowledged = p.acked,
                    "CUSS 2: no answer in time"
                );
                if let Some(reply) = p.reply {
                    let _ =
                        reply.try_send(Err(Cuss2Error::Timeout(self.settings.timeout.as_secs())));
                }
            }
        }
    }

    async fn inbound(&mut self, inbound: Inbound) {
        match inbound {
            Inbound::Ping(_) => {}
            Inbound::Ack(ack) => {
                if ack.ack_code == "ACK_OK" {
                    if let Some(p) = self.pending.get_mut(&ack.request_id) {
                        p.acked = true;
                    }
                } else if let Some(p) = self.pending.remove(&ack.request_id) {
                    if p.directive == Directive::StateRequest {
                        self.expected = None;
                    }
                    let why = format!("{} {}", ack.ack_code, ack.description.unwrap_or_default());
                    tracing::warn!(directive = ?p.directive, why = %why, "CUSS 2: directive refused");
                    if let Some(reply) = p.reply {
                        let _ = reply.try_send(Err(Cuss2Error::Refused(why)));
                    }
                }
            }
            Inbound::Data(data) => match self.pending.remove(&data.meta.request_id) {
                Some(p) => {
                    let state_answer = p.directive == Directive::StateRequest;
                    if state_answer {
                        let asked = self.expected.take();
                        if data.meta.message_code != "OK" {
                            self.declined = asked;
                        }
                    }
                    let before = self.snapshot().state.clone();
                    self.heard_state(&data);
                    self.entered(&before).await;
                    if let Some(id) = p.component {
                        self.heard_component(id, &data.meta.message_code, p.directive)
                            .await;
                    }
                    if !is_ok(&data.meta.message_code) && p.reply.is_none() {
                        tracing::warn!(
                            directive = ?p.directive,
                            code = %data.meta.message_code,
                            "CUSS 2: directive failed"
                        );
                    }
                    if let Some(reply) = p.reply {
                        let _ = reply.try_send(Ok(*data));
                    }
                    if state_answer {
                        self.sync_state().await;
                    }
                }
                None => self.unsolicited(*data).await,
            },
        }
    }

    /// A component's condition, from an answer or the platform's news.
    async fn heard_component(&mut self, id: u32, code: &str, directive: Directive) {
        let role = self.role(Some(id));
        // What a reader read and a keypad's key are news, not conditions.
        if code == "DATA_PRESENT" || directive == Directive::AnnouncementPlay {
            return;
        }
        if matches!(role, Some(Role::Illumination | Role::Announcement)) {
            return;
        }
        let changed = {
            let mut snap = self.snapshot();
            snap.status.insert(id, code.to_string()) != Some(code.to_string())
        };
        if !changed {
            return;
        }
        if let Some(printer) = self.printer_of(Some(id))
            && matches!(role, Some(Role::BoardingPassPrinter | Role::BagTagPrinter))
        {
            self.publish(News::Printer(printer, code.to_string()));
        }
        self.sync_state().await;
    }

    /// Between visits, AVAILABLE while the kiosk can take a passenger and UNAVAILABLE while
    /// it cannot (a needed device down, staff closed it); nothing while a state request is
    /// out or the platform holds the kiosk (SUSPENDED, DISABLED). Called after every change.
    async fn sync_state(&mut self) {
        if self.wants.visiting || self.expected.is_some() {
            return;
        }
        let state = self.snapshot().state.clone();
        let target = match (state.as_str(), self.devices_ready()) {
            ("AVAILABLE", false) => "UNAVAILABLE",
            ("UNAVAILABLE", true) => "AVAILABLE",
            _ => return,
        };
        // Refused once in this state: not asked again until the platform's state changes.
        if self.declined.as_deref() == Some(target) {
            return;
        }
        match (state.as_str(), self.devices_ready()) {
            ("AVAILABLE", false) => {
                let why = if self.wants.closed {
                    "staff closed the kiosk"
                } else {
                    "a printer or reader needs staff"
                };
                self.ask_state("UNAVAILABLE", "OUT_OF_SERVICE_HARDWARE", Some(why))
                    .await
            }
            ("UNAVAILABLE", true) => self.ask_state("AVAILABLE", "NOT_APPLICABLE", None).await,
            _ => {}
        }
    }

    /// News the platform sent of its own accord.
    async fn unsolicited(&mut self, data: PlatformData) {
        let before = self.snapshot().state.clone();
        self.heard_state(&data);
        let after = data
            .meta
            .current_application_state
            .application_state_code
            .clone();
        let code = data.meta.message_code.as_str();
        if before != "ACTIVE"
            && after == "ACTIVE"
            && let Some(activation) = data
                .payload
                .as_ref()
                .and_then(|p| p.application_activation.as_ref())
        {
            self.wants.visiting = true;
            self.publish(News::Activated {
                language: activation.language_id.clone(),
            });
        }
        self.entered(&before).await;
        if matches!(code, "SESSION_TIMEOUT" | "KILL_TIMEOUT")
            || (before == "ACTIVE" && after != "ACTIVE" && !after.is_empty())
        {
            if self.wants.visiting {
                self.publish(News::SessionTimeout);
            }
            if code == "KILL_TIMEOUT" || after != "ACTIVE" {
                self.wants.visiting = false;
                self.wants.scans = false;
            }
        }
        if before != after {
            self.sync_state().await;
        }
        let Some(id) = data.meta.component_id else {
            return;
        };
        let records = data
            .payload
            .as_ref()
            .and_then(|p| p.data_records.clone())
            .unwrap_or_default();
        match self.role(Some(id)) {
            Some(Role::BarcodeReader | Role::DocumentReader) if code == "DATA_PRESENT" => {
                for r in records {
                    if let Some(text) = r.data {
                        self.publish(News::Scanned(
                            text.replace("\r\n", "\n").replace('\r', "\n"),
                        ));
                    }
                }
            }
            Some(Role::Keypad) if code == "DATA_PRESENT" => {
                for r in records {
                    if let Some(key) = r.data {
                        self.publish(News::Key(key));
                    }
                }
            }
            Some(Role::Headset) if matches!(code, "MEDIA_PRESENT" | "MEDIA_ABSENT") => {
                self.publish(News::Headset(code == "MEDIA_PRESENT"));
            }
            Some(Role::Dispenser) if matches!(code, "MEDIA_PRESENT" | "MEDIA_ABSENT") => {
                let taken = code == "MEDIA_ABSENT";
                if let Some(printer) = self.printer_of(Some(id)) {
                    self.publish(News::Dispensed(printer, taken));
                    // The light at the slot leads the passenger to what waits there.
                    let device = {
                        let snap = self.snapshot();
                        let role = match printer {
                            Printer::BoardingPass => Role::BoardingPassPrinter,
                            Printer::BagTag => Role::BagTagPrinter,
                        };
                        snap.components.get(&role).copied()
                    };
                    if let Some(light) = device.and_then(|d| self.lights.get(&d).copied())
                        && self.snapshot().state == "ACTIVE"
                    {
                        self.light(light, !taken).await;
                    }
                }
            }
            _ => self.heard_component(id, code, Directive::Query).await,
        }
    }
}
