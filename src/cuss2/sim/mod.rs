//! An open CUSS 2 platform simulator: the airport's side of the one WebSocket, strict where
//! platforms are, so an application that passes it has a fair chance on a real one.
//!
//! - `POST /oauth/token`: OAuth2 client credentials (a form: `client_id`, `client_secret`,
//!   `grant_type=client_credentials`), answering a bearer token and its lifetime; a wrong
//!   secret is 401.
//! - `GET /platform/subscribe`: the WebSocket. The first directive must be
//!   `platform_environment`, within the init timeout. Every directive is acknowledged at once
//!   (`ACK_OK`, or `ACK_PARAMETER` for an unknown directive or component) and then answered
//!   with a `PlatformData` carrying its request id. Close codes: 4001 no environment request in
//!   time, 4002 a message that is not a directive, 4003 a first directive other than the
//!   environment, 4004 a missing, wrong or expired token, 4005 a client already connected,
//!   4006 the tenant disabled.
//! - The application states: the application may ask INITIALIZE → UNAVAILABLE → AVAILABLE,
//!   AVAILABLE ⇄ ACTIVE, ACTIVE or AVAILABLE → UNAVAILABLE, and to stop; the platform alone
//!   activates a passenger session, suspends and disables. Any other request is answered
//!   `WRONG_APPLICATION_STATE`, as is a user-facing directive (enable a reader, print, speak)
//!   outside ACTIVE.
//! - Components with their characteristics: a barcode reader, a passport reader, a
//!   boarding-pass printer and a bag-tag printer each with a linked feeder and dispenser, a
//!   headset, the announcement (SSML), a keypad and lights linked to the reader and printer.
//!   Printers take PDF (`DS_TYPES_PRINT_PDF`, base64): they report media low, empty and
//!   jammed, and hold what they printed in the dispenser until it is taken.
//! - Injection (`/sim/…`, JSON, and the operator's page at `/`): start and end a passenger
//!   session, present a barcode or a passport, plug and unplug the headset, press keypad keys,
//!   empty, jam or clear a printer, take a printed document, suspend or disable the
//!   application, disable the tenant, restart the platform.
//!
//! Every printed document is kept as a file and every message in and out is logged, one JSON
//! line each, in the output directory. Written from the MIT-licensed models and SDK named in
//! [`super::wire`].

mod page;
mod socket;

use super::wire::*;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::UnboundedSender;

/// Component ids the simulator gives its devices.
pub mod id {
    pub const BARCODE: u32 = 1;
    pub const PASSPORT: u32 = 2;
    pub const BOARDING_PRINTER: u32 = 3;
    pub const BOARDING_FEEDER: u32 = 4;
    pub const BOARDING_DISPENSER: u32 = 5;
    pub const TAG_PRINTER: u32 = 6;
    pub const TAG_FEEDER: u32 = 7;
    pub const TAG_DISPENSER: u32 = 8;
    pub const HEADSET: u32 = 9;
    pub const ANNOUNCEMENT: u32 = 10;
    pub const KEYPAD: u32 = 11;
    pub const READER_LIGHT: u32 = 12;
    pub const PRINTER_LIGHT: u32 = 13;
}

/// How the simulated platform behaves.
#[derive(Debug, Clone)]
pub struct SimConfig {
    pub version: Version,
    /// The applications allowed in: client id and secret.
    pub clients: Vec<(String, String)>,
    /// Where printed documents and the message log go.
    pub out: PathBuf,
    /// How long a new connection has to ask for the environment (4001 after).
    pub init_timeout: Duration,
    pub token_lifetime: Duration,
    pub session_timeout: Duration,
    pub kill_timeout: Duration,
    pub device_id: String,
    pub airport: String,
    /// Sheets in each printer's feeder; a printer reports media low at `low` sheets.
    pub paper: u32,
    pub low: u32,
    /// Between the platform's pings.
    pub ping_every: Duration,
    /// The printers take PDF (`DS_TYPES_PRINT_PDF`); without, ITPS alone.
    pub pdf: bool,
}

impl SimConfig {
    pub fn new(out: PathBuf) -> SimConfig {
        SimConfig {
            version: Version::V2_4,
            clients: vec![("concierge".into(), "demo-secret".into())],
            out,
            init_timeout: Duration::from_secs(10),
            token_lifetime: Duration::from_secs(3600),
            session_timeout: Duration::from_secs(600),
            kill_timeout: Duration::from_secs(30),
            device_id: "8a6f1c2e-0c1d-4a39-9a43-5f0b7e2d4c11".into(),
            airport: "LHR".into(),
            paper: 200,
            low: 10,
            ping_every: Duration::from_secs(15),
            pdf: true,
        }
    }
}

/// What a component is doing.
#[derive(Debug, Clone)]
struct Component {
    id: u32,
    role: Role,
    /// READY, BUSY or UNAVAILABLE.
    state: &'static str,
    /// OK, MEDIA_LOW, MEDIA_EMPTY, MEDIA_JAMMED, MEDIA_PRESENT …
    status: &'static str,
    enabled: bool,
    /// Feeders: sheets left. Dispensers: documents waiting to be taken.
    count: u32,
    /// Printers: documents to print before the next jams.
    jam_after: Option<u32>,
}

/// A document the simulator printed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Printed {
    pub file: PathBuf,
    pub printer: String,
    pub taken: bool,
}

struct Connection {
    serial: u64,
    tx: UnboundedSender<socket::Out>,
}

pub(crate) struct Sim {
    config: SimConfig,
    tenant_enabled: bool,
    /// SHA-256 of each token handed out, with its client and expiry.
    tokens: HashMap<[u8; 32], Instant>,
    connection: Option<Connection>,
    serial: u64,
    app_state: String,
    environment_asked: bool,
    session: Option<(String, Instant)>,
    /// The session timed out: the application must end it before this.
    kill_at: Option<Instant>,
    components: Vec<Component>,
    printed: Vec<Printed>,
    spoken: Vec<String>,
    announcement: &'static str,
    lights: HashMap<u32, String>,
    log: Option<std::fs::File>,
    messages: u64,
    /// The connection is being cut as a network would cut it: the application's state and
    /// session wait for it to come back.
    dropping: bool,
    /// The platform hangs: directives are read and logged, never acknowledged or answered.
    muted: bool,
}

/// The simulator, shared by its HTTP handlers and the socket.
#[derive(Clone)]
pub struct Simulator(pub(crate) Arc<Mutex<Sim>>);

fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn component(id: u32, role: Role) -> Component {
    Component {
        id,
        role,
        state: "READY",
        status: "OK",
        enabled: false,
        count: 0,
        jam_after: None,
    }
}

impl Simulator {
    pub fn new(config: SimConfig) -> std::io::Result<Simulator> {
        std::fs::create_dir_all(config.out.join("documents"))?;
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(config.out.join("messages.jsonl"))?;
        let mut components = vec![
            component(id::BARCODE, Role::BarcodeReader),
            component(id::PASSPORT, Role::DocumentReader),
            component(id::BOARDING_PRINTER, Role::BoardingPassPrinter),
            component(id::BOARDING_FEEDER, Role::Feeder),
            component(id::BOARDING_DISPENSER, Role::Dispenser),
            component(id::TAG_PRINTER, Role::BagTagPrinter),
            component(id::TAG_FEEDER, Role::Feeder),
            component(id::TAG_DISPENSER, Role::Dispenser),
            component(id::HEADSET, Role::Headset),
            component(id::ANNOUNCEMENT, Role::Announcement),
            component(id::KEYPAD, Role::Keypad),
            component(id::READER_LIGHT, Role::Illumination),
            component(id::PRINTER_LIGHT, Role::Illumination),
        ];
        for c in &mut components {
            if c.role == Role::Feeder {
                c.count = config.paper;
            }
            if c.role == Role::Headset {
                c.status = "MEDIA_ABSENT";
            }
        }
        Ok(Simulator(Arc::new(Mutex::new(Sim {
            config,
            tenant_enabled: true,
            tokens: HashMap::new(),
            connection: None,
            serial: 0,
            app_state: "STOPPED".into(),
            environment_asked: false,
            session: None,
            kill_at: None,
            components,
            printed: Vec::new(),
            spoken: Vec::new(),
            announcement: "IDLE",
            lights: HashMap::new(),
            log: Some(log),
            messages: 0,
            dropping: false,
            muted: false,
        }))))
    }

    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, Sim> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The HTTP side: token, socket, injection and the operator's page.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/", get(page::page))
            .route("/oauth/token", post(token))
            .route("/platform/subscribe", get(socket::subscribe))
            .route("/sim/status", get(status))
            .route("/sim/session", post(start_session).delete(end_session))
            .route("/sim/barcode", post(barcode))
            .route("/sim/passport", post(passport))
            .route("/sim/headset", post(headset))
            .route("/sim/key", post(key))
            .route("/sim/printer/{which}", post(printer))
            .route("/sim/take/{which}", post(take))
            .route("/sim/state", post(platform_state))
            .route("/sim/tenant", post(tenant))
            .route("/sim/restart", post(restart))
            .route("/sim/drop", post(drop_connection))
            .route("/sim/mute", post(mute))
            .with_state(self.clone())
    }

    /// Serves on a free loopback port, on a runtime of its own (tests, benches): the runtime
    /// (the simulator stops with it) and the address.
    pub fn start_on_loopback(
        self,
    ) -> std::io::Result<(tokio::runtime::Runtime, std::net::SocketAddr)> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
        let addr = listener.local_addr()?;
        rt.spawn(self.serve(listener));
        Ok((rt, addr))
    }

    /// Serves on `listener` until the process ends; also times out sessions.
    pub async fn serve(self, listener: tokio::net::TcpListener) -> std::io::Result<()> {
        let clock = self.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_millis(200));
            loop {
                every.tick().await;
                clock.lock().timers();
            }
        });
        // Each answer goes out at once (an acknowledgement and a result are two small writes:
        // with Nagle's algorithm the second waits for the client's delayed ACK, 40 ms).
        use axum::serve::ListenerExt;
        let listener = listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        axum::serve(listener, self.router()).await
    }
}

impl Sim {
    fn log(&mut self, direction: &str, message: &serde_json::Value) {
        self.messages += 1;
        let line = json!({
            "at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            "dir": direction,
            "message": message,
        });
        if let Some(f) = self.log.as_mut() {
            let _ = writeln!(f, "{line}");
        }
    }

    fn comp(&self, id: u32) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    fn comp_mut(&mut self, id: u32) -> Option<&mut Component> {
        self.components.iter_mut().find(|c| c.id == id)
    }

    fn state(&self) -> ApplicationState {
        let mut s = ApplicationState::new(&self.app_state, "NOT_APPLICABLE", None);
        if self.config.version == Version::V2_3 {
            s.accessible_mode = Some(false);
        }
        s
    }

    /// A message from the platform: `directive` and `request` when it answers one.
    fn message(
        &self,
        request: Option<&str>,
        directive: Option<&str>,
        component: Option<u32>,
        code: &str,
        payload: Option<PlatformPayload>,
    ) -> PlatformData {
        PlatformData {
            meta: PlatformMeta {
                device_id: self.config.device_id.clone(),
                request_id: request.map(str::to_string).unwrap_or_else(unique_id),
                time_stamp: chrono::Utc::now().to_rfc3339(),
                passenger_session_id: self
                    .session
                    .as_ref()
                    .map(|(id, _)| id.clone())
                    .unwrap_or_else(|| "NONE".into()),
                application_id: ApplicationId {
                    company_code: Some("NW".into()),
                    application_name: Some("concierge".into()),
                },
                component_id: component,
                component_state: component
                    .and_then(|c| self.comp(c))
                    .map(|c| c.state.to_string()),
                current_application_state: self.state(),
                message_code: code.into(),
                platform_directive: directive.map(str::to_string),
            },
            payload,
        }
    }

    /// Sends to the connected application, logged.
    fn send(&mut self, data: &PlatformData) {
        let value = serde_json::to_value(data).unwrap_or_default();
        self.log("out", &value);
        if let Some(c) = &self.connection {
            let _ = c.tx.send(socket::Out::Text(value.to_string()));
        }
    }

    /// News of the platform's own (no directive answered).
    fn unsolicited(
        &mut self,
        component: Option<u32>,
        code: &str,
        payload: Option<PlatformPayload>,
    ) {
        let m = self.message(None, None, component, code, payload);
        self.send(&m);
    }

    fn close(&mut self, code: u16, reason: &str) {
        self.log("close", &json!({"code": code, "reason": reason}));
        if let Some(c) = self.connection.take() {
            let _ = c.tx.send(socket::Out::Close(code, reason.to_string()));
        }
        self.disconnected();
    }

    /// The application is gone: its session ends and its readers are disabled.
    fn disconnected(&mut self) {
        self.connection = None;
        self.app_state = "STOPPED".into();
        self.environment_asked = false;
        self.session = None;
        self.kill_at = None;
        for c in &mut self.components {
            c.enabled = false;
        }
    }

    fn set_state(&mut self, to: &str) {
        let was_active = self.app_state == "ACTIVE";
        self.app_state = to.into();
        if was_active && to != "ACTIVE" {
            self.session = None;
            self.kill_at = None;
            for c in &mut self.components {
                if matches!(
                    c.role,
                    Role::BarcodeReader | Role::DocumentReader | Role::Keypad
                ) {
                    c.enabled = false;
                }
            }
            self.lights.clear();
        }
    }

    fn timers(&mut self) {
        let now = Instant::now();
        if let Some((_, since)) = &self.session
            && self.kill_at.is_none()
            && now.duration_since(*since) >= self.config.session_timeout
        {
            self.session_timeout();
        }
        if self.kill_at.is_some_and(|at| now >= at) {
            self.kill_at = None;
            if self.app_state == "ACTIVE" {
                self.set_state("AVAILABLE");
                self.unsolicited(None, "KILL_TIMEOUT", None);
            }
        }
    }

    fn session_timeout(&mut self) {
        if self.app_state != "ACTIVE" {
            return;
        }
        self.kill_at = Some(Instant::now() + self.config.kill_timeout);
        self.unsolicited(None, "SESSION_TIMEOUT", None);
    }

    /// Is this token one handed out, still valid, for an enabled tenant?
    fn token_ok(&self, token: &str) -> bool {
        self.tenant_enabled
            && self
                .tokens
                .get(&hash(token))
                .is_some_and(|until| Instant::now() < *until)
    }

    fn environment(&self) -> EnvironmentLevel {
        EnvironmentLevel {
            session_timeout: self.config.session_timeout.as_millis() as u64,
            kill_timeout: self.config.kill_timeout.as_millis() as u64,
            init_timeout: Some(self.config.init_timeout.as_millis() as u64),
            expected_ack_time: Some(1000),
            device_model_name: Some("Concierge open CUSS 2 simulator".into()),
            device_id: self.config.device_id.clone(),
            device_location: Location {
                airport_code: Some(self.config.airport.clone()),
                terminal: Some("2".into()),
                area: Some("Check-in zone B".into()),
            },
            cuss_versions: vec![self.config.version.as_str().to_string()],
            os_name: std::env::consts::OS.into(),
            os_version: "simulated".into(),
        }
    }

    fn component_list(&self) -> Vec<EnvironmentComponent> {
        let ch = |media: &[&str], devices: &[&str], ds: &[&str]| Characteristics {
            media_types_list: media.iter().map(|s| s.to_string()).collect(),
            device_types_list: devices.iter().map(|s| s.to_string()).collect(),
            ds_types_list: ds.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        let c = |id: u32, kind: &str, what: &str, chars: Characteristics, linked: &[u32]| {
            EnvironmentComponent {
                component_description: Some(what.into()),
                component_id: id,
                component_type: Some(kind.into()),
                component_characteristics: vec![chars],
                linked_component_ids: linked.to_vec(),
            }
        };
        let printing: &[&str] = match self.config.pdf {
            true => &["DS_TYPES_PRINT_PDF", "DS_TYPES_ITPS"],
            false => &["DS_TYPES_ITPS"],
        };
        let mut announcement = ch(&["AUDIO"], &["ASSISTIVE"], &["DS_TYPES_SSML"]);
        announcement.audio_output = Some(AudioOutput {
            ssml_version: "1.1".into(),
            supported_languages: [
                "en-US", "ur-PK", "ar", "es-ES", "fr-FR", "de-DE", "hi-IN", "zh-CN",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        });
        let mut light = ch(&["VISUAL"], &["ILLUMINATION"], &[]);
        light.illumination_colors = vec!["CLR_GREEN".into(), "CLR_AMBER".into(), "CLR_OFF".into()];
        vec![
            c(
                id::BARCODE,
                "MEDIA_INPUT",
                "2D barcode reader",
                ch(
                    &["BARCODE", "BOARDINGPASS"],
                    &["READ", "CONTACTLESS"],
                    &[
                        "DS_TYPES_BARCODE",
                        "DS_TYPES_SCAN_PDF417",
                        "DS_TYPES_SCAN_AZTEC",
                        "DS_TYPES_SCAN_QR",
                    ],
                ),
                &[id::READER_LIGHT],
            ),
            c(
                id::PASSPORT,
                "MEDIA_INPUT",
                "Full-page passport reader",
                ch(
                    &["PASSPORT", "IDCARD", "VISA"],
                    &["READ", "FLATBED"],
                    &["DS_TYPES_CODELINE"],
                ),
                &[id::READER_LIGHT],
            ),
            c(
                id::BOARDING_PRINTER,
                "MEDIA_OUTPUT",
                "Boarding pass printer",
                ch(
                    &["BOARDINGPASS", "RECEIPT"],
                    &["PRINT", "DISPENSE"],
                    printing,
                ),
                &[
                    id::BOARDING_FEEDER,
                    id::BOARDING_DISPENSER,
                    id::PRINTER_LIGHT,
                ],
            ),
            c(
                id::BOARDING_FEEDER,
                "FEEDER",
                "Boarding pass stock",
                ch(&["BOARDINGPASS"], &[], &[]),
                &[id::BOARDING_PRINTER],
            ),
            c(
                id::BOARDING_DISPENSER,
                "DISPENSER",
                "Boarding pass slot",
                ch(&["BOARDINGPASS"], &["DISPENSE"], &[]),
                &[id::BOARDING_PRINTER],
            ),
            c(
                id::TAG_PRINTER,
                "MEDIA_OUTPUT",
                "Bag tag printer",
                ch(&["BAGGAGETAG"], &["PRINT", "DISPENSE"], printing),
                &[id::TAG_FEEDER, id::TAG_DISPENSER],
            ),
            c(
                id::TAG_FEEDER,
                "FEEDER",
                "Bag tag stock",
                ch(&["BAGGAGETAG"], &[], &[]),
                &[id::TAG_PRINTER],
            ),
            c(
                id::TAG_DISPENSER,
                "DISPENSER",
                "Bag tag slot",
                ch(&["BAGGAGETAG"], &["DISPENSE"], &[]),
                &[id::TAG_PRINTER],
            ),
            c(
                id::HEADSET,
                "MEDIA_INPUT",
                "Headset jack",
                ch(&["AUDIO"], &["ASSISTIVE"], &[]),
                &[id::ANNOUNCEMENT],
            ),
            c(
                id::ANNOUNCEMENT,
                "ANNOUNCEMENT",
                "Text to speech",
                announcement,
                &[id::HEADSET],
            ),
            c(
                id::KEYPAD,
                "USER_INPUT",
                "Tactile navigation keypad",
                ch(
                    &["TOUCH"],
                    &["ASSISTIVE"],
                    &["DS_TYPES_KEY", "DS_TYPES_KEY_UP", "DS_TYPES_KEY_DOWN"],
                ),
                &[],
            ),
            c(
                id::READER_LIGHT,
                "DATA_OUTPUT",
                "Light at the readers",
                light.clone(),
                &[id::BARCODE, id::PASSPORT],
            ),
            c(
                id::PRINTER_LIGHT,
                "DATA_OUTPUT",
                "Light at the printer slot",
                light,
                &[id::BOARDING_PRINTER],
            ),
        ]
    }

    /// The application's request for a state, if the rules allow it.
    fn allowed(&self, to: &str) -> bool {
        matches!(
            (self.app_state.as_str(), to),
            ("INITIALIZE", "UNAVAILABLE")
                | ("UNAVAILABLE", "AVAILABLE")
                | ("AVAILABLE", "UNAVAILABLE")
                | ("AVAILABLE", "ACTIVE")
                | ("ACTIVE", "AVAILABLE")
                | ("ACTIVE", "UNAVAILABLE")
                | ("INITIALIZE" | "UNAVAILABLE" | "AVAILABLE", "STOPPED")
        )
    }

    /// Answers one directive from the connected application (already acknowledged).
    fn directive(
        &mut self,
        request: &str,
        directive: Directive,
        name: &str,
        data: &ApplicationData,
    ) {
        let component = data.meta.component_id;
        let payload = data.payload.clone().unwrap_or_default();
        let active = self.app_state == "ACTIVE";
        let answer = |sim: &mut Sim, code: &str, payload: Option<PlatformPayload>| {
            let m = sim.message(Some(request), Some(name), component, code, payload);
            sim.send(&m);
        };
        match directive {
            Directive::Environment => {
                self.environment_asked = true;
                let env = self.environment();
                answer(
                    self,
                    "OK",
                    Some(PlatformPayload {
                        environment_level: Some(env),
                        ..Default::default()
                    }),
                );
            }
            Directive::Components => {
                let list = self.component_list();
                answer(
                    self,
                    "OK",
                    Some(PlatformPayload {
                        component_list: Some(list),
                        ..Default::default()
                    }),
                );
            }
            Directive::StateRequest => {
                let Some(to) = payload.application_state.map(|s| s.application_state_code) else {
                    return answer(self, "DATA_MISSING", None);
                };
                if !self.allowed(&to) {
                    return answer(self, "WRONG_APPLICATION_STATE", None);
                }
                if to == "ACTIVE" {
                    self.session = Some((unique_id(), Instant::now()));
                }
                self.set_state(&to);
                answer(self, "OK", None);
            }
            Directive::TransferRequest => {
                let code = if active {
                    "OK"
                } else {
                    "WRONG_APPLICATION_STATE"
                };
                answer(self, code, None);
            }
            Directive::AcknowledgeAccessible => answer(self, "OK", None),
            Directive::Query => {
                let code = self
                    .comp(component.unwrap_or(0))
                    .map(|c| c.status)
                    .unwrap_or("OK");
                answer(self, code, None);
            }
            Directive::Setup | Directive::Cancel => {
                if directive == Directive::Cancel && component == Some(id::ANNOUNCEMENT) {
                    self.announcement = "IDLE";
                }
                answer(self, "OK", None)
            }
            Directive::Enable | Directive::Disable => {
                let on = directive == Directive::Enable;
                if on && !active {
                    return answer(self, "WRONG_APPLICATION_STATE", None);
                }
                let Some(c) = component.and_then(|id| self.comp_mut(id)) else {
                    return answer(self, "OUT_OF_SEQUENCE", None);
                };
                if !matches!(
                    c.role,
                    Role::BarcodeReader | Role::DocumentReader | Role::Keypad | Role::Headset
                ) {
                    return answer(self, "OUT_OF_SEQUENCE", None);
                }
                c.enabled = on;
                answer(self, "OK", None);
            }
            Directive::Offer => {
                let holding = component
                    .and_then(|id| self.comp(id))
                    .is_some_and(|c| c.role == Role::Dispenser && c.count > 0);
                answer(self, if holding { "OK" } else { "OUT_OF_SEQUENCE" }, None);
            }
            Directive::Send => self.send_data(request, name, component.unwrap_or(0), payload),
            Directive::AnnouncementPlay => {
                if !active {
                    return answer(self, "WRONG_APPLICATION_STATE", None);
                }
                let ssml = payload
                    .data_records
                    .unwrap_or_default()
                    .into_iter()
                    .find(|r| r.is("DS_TYPES_SSML"))
                    .and_then(|r| r.data);
                match ssml {
                    Some(ssml) if ssml.contains("<speak") && ssml.contains("</speak>") => {
                        self.spoken.push(ssml);
                        self.announcement = "PLAYING";
                        answer(self, "OK", None);
                    }
                    Some(_) => answer(self, "FORMAT_ERROR", None),
                    None => answer(self, "DATA_MISSING", None),
                }
            }
            Directive::AnnouncementPause
            | Directive::AnnouncementResume
            | Directive::AnnouncementStop => {
                self.announcement = match directive {
                    Directive::AnnouncementPause => "PAUSED",
                    Directive::AnnouncementResume => "PLAYING",
                    _ => "IDLE",
                };
                answer(self, "OK", None);
            }
        }
    }

    /// `peripherals_send`: a document to print, or a light to set.
    fn send_data(&mut self, request: &str, name: &str, component: u32, payload: AppPayload) {
        let answer = |sim: &mut Sim, code: &str| {
            let m = sim.message(Some(request), Some(name), Some(component), code, None);
            sim.send(&m);
        };
        let Some(role) = self.comp(component).map(|c| c.role) else {
            return answer(self, "OUT_OF_SEQUENCE");
        };
        if role == Role::Illumination {
            let Some(light) = payload.illumination_data else {
                return answer(self, "DATA_MISSING");
            };
            let colour = light.light_color.name.unwrap_or_else(|| "CLR_ON".into());
            match colour.as_str() {
                "CLR_OFF" => self.lights.remove(&component),
                _ => self.lights.insert(component, colour),
            };
            return answer(self, "OK");
        }
        let (feeder, dispenser, which) = match role {
            Role::BoardingPassPrinter => {
                (id::BOARDING_FEEDER, id::BOARDING_DISPENSER, "boardingpass")
            }
            Role::BagTagPrinter => (id::TAG_FEEDER, id::TAG_DISPENSER, "bagtag"),
            _ => return answer(self, "OUT_OF_SEQUENCE"),
        };
        if self.app_state != "ACTIVE" {
            return answer(self, "WRONG_APPLICATION_STATE");
        }
        let records = payload.data_records.unwrap_or_default();
        if records.is_empty() {
            return answer(self, "DATA_MISSING");
        }
        let mut documents = Vec::new();
        for r in &records {
            let Some(data) = r.data.as_deref() else {
                return answer(self, "DATA_MISSING");
            };
            let bytes = if r.encoding.as_deref() == Some("BASE64") {
                use base64::Engine;
                match base64::engine::general_purpose::STANDARD.decode(data) {
                    Ok(b) => b,
                    Err(_) => return answer(self, "FORMAT_ERROR"),
                }
            } else {
                data.as_bytes().to_vec()
            };
            let kind = if r.is("DS_TYPES_PRINT_PDF") && bytes.starts_with(b"%PDF-") {
                "pdf"
            } else if r.is("DS_TYPES_ITPS") {
                "itps"
            } else {
                return answer(self, "FORMAT_ERROR");
            };
            documents.push((kind, bytes));
        }
        let status = self.comp(component).map(|c| c.status).unwrap_or("OK");
        if matches!(status, "MEDIA_JAMMED" | "MEDIA_EMPTY" | "HARDWARE_ERROR") {
            return answer(self, status);
        }
        for (kind, bytes) in documents {
            let jams = self.comp(component).and_then(|c| c.jam_after) == Some(0);
            if jams {
                let p = self.comp_mut(component).expect("the printer");
                p.jam_after = None;
                p.status = "MEDIA_JAMMED";
                p.state = "UNAVAILABLE";
                return answer(self, "MEDIA_JAMMED");
            }
            let sheets = self.comp(feeder).map(|f| f.count).unwrap_or(0);
            if sheets == 0 {
                let p = self.comp_mut(component).expect("the printer");
                p.status = "MEDIA_EMPTY";
                p.state = "UNAVAILABLE";
                return answer(self, "MEDIA_EMPTY");
            }
            let n = self.printed.len() + 1;
            let file = self
                .config
                .out
                .join("documents")
                .join(format!("{n:04}-{which}.{kind}"));
            if std::fs::write(&file, &bytes).is_err() {
                return answer(self, "HARDWARE_ERROR");
            }
            self.printed.push(Printed {
                file,
                printer: which.into(),
                taken: false,
            });
            let low = self.config.low;
            if let Some(f) = self.comp_mut(feeder) {
                f.count -= 1;
            }
            if let Some(p) = self.comp_mut(component)
                && let Some(j) = p.jam_after.as_mut()
            {
                *j -= 1;
            }
            if let Some(d) = self.comp_mut(dispenser) {
                d.count += 1;
                d.status = "MEDIA_PRESENT";
            }
            let left = sheets - 1;
            if left <= low {
                let p = self.comp_mut(component).expect("the printer");
                p.status = if left == 0 {
                    "MEDIA_EMPTY"
                } else {
                    "MEDIA_LOW"
                };
                if left == 0 {
                    p.state = "UNAVAILABLE";
                }
            }
        }
        answer(self, "OK");
        // What was printed waits in the slot for the passenger.
        self.unsolicited(Some(dispenser), "MEDIA_PRESENT", None);
        let status = self.comp(component).map(|c| c.status).unwrap_or("OK");
        if matches!(status, "MEDIA_LOW" | "MEDIA_EMPTY") {
            self.unsolicited(Some(component), status, None);
        }
    }

    fn status(&self) -> serde_json::Value {
        let comps: Vec<_> = self
            .components
            .iter()
            .map(|c| {
                json!({
                    "id": c.id, "role": format!("{:?}", c.role), "state": c.state,
                    "status": c.status, "enabled": c.enabled, "count": c.count,
                })
            })
            .collect();
        let lights: HashMap<String, &String> = self
            .lights
            .iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        json!({
            "version": self.config.version.as_str(),
            "connected": self.connection.is_some(),
            "connections": self.serial,
            "tenant_enabled": self.tenant_enabled,
            "application_state": self.app_state,
            "session": self.session.as_ref().map(|(id, _)| id),
            "components": comps,
            "printed": self.printed,
            "spoken": self.spoken,
            "announcement": self.announcement,
            "lights": lights,
            "messages": self.messages,
        })
    }
}

// ---- HTTP: the token, injection, status ----

#[derive(Deserialize)]
struct TokenForm {
    client_id: Option<String>,
    client_secret: Option<String>,
    grant_type: Option<String>,
}

async fn token(State(sim): State<Simulator>, Form(form): Form<TokenForm>) -> Response {
    let mut s = sim.lock();
    s.log("token", &json!({"client_id": form.client_id}));
    if form.grant_type.as_deref() != Some("client_credentials") {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "unsupported_grant_type"})),
        )
            .into_response();
    }
    let known = s.config.clients.iter().any(|(id, secret)| {
        Some(id) == form.client_id.as_ref() && Some(secret) == form.client_secret.as_ref()
    });
    if !known || !s.tenant_enabled {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_client"})),
        )
            .into_response();
    }
    let token = unique_id().replace('-', "");
    let lifetime = s.config.token_lifetime;
    s.tokens.insert(hash(&token), Instant::now() + lifetime);
    Json(json!({
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": lifetime.as_secs(),
    }))
    .into_response()
}

fn refused(why: &str) -> Response {
    (StatusCode::CONFLICT, Json(json!({"error": why}))).into_response()
}

async fn status(State(sim): State<Simulator>) -> Json<serde_json::Value> {
    Json(sim.lock().status())
}

#[derive(Deserialize)]
struct SessionStart {
    #[serde(default = "english")]
    language: String,
}

fn english() -> String {
    "en-US".into()
}

async fn start_session(State(sim): State<Simulator>, Json(body): Json<SessionStart>) -> Response {
    let mut s = sim.lock();
    s.log(
        "inject",
        &json!({"session": "start", "language": body.language}),
    );
    if s.connection.is_none() || s.app_state != "AVAILABLE" {
        let why = format!("the application is {}, not AVAILABLE", s.app_state);
        return refused(&why);
    }
    s.session = Some((unique_id(), Instant::now()));
    s.set_state("ACTIVE");
    let accessible = (s.config.version == Version::V2_3).then_some(false);
    let activation = ApplicationActivation {
        application_brand: Some("NW".into()),
        execution_mode: "MAM".into(),
        accessible_mode: accessible,
        language_id: body.language,
        transfer_data: None,
    };
    s.unsolicited(
        None,
        "OK",
        Some(PlatformPayload {
            application_activation: Some(activation),
            ..Default::default()
        }),
    );
    Json(json!({"session": s.session.as_ref().map(|(id, _)| id)})).into_response()
}

async fn end_session(State(sim): State<Simulator>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"session": "timeout"}));
    if s.app_state != "ACTIVE" {
        return refused("no passenger session");
    }
    s.session_timeout();
    Json(json!({"ok": true})).into_response()
}

#[derive(Deserialize)]
struct Barcode {
    data: String,
    #[serde(default = "pdf417")]
    symbology: String,
}

fn pdf417() -> String {
    "DS_TYPES_SCAN_PDF417".into()
}

fn present(s: &mut Sim, reader: u32, records: Vec<DataRecord>) -> Response {
    if s.connection.is_none() {
        return refused("no application connected");
    }
    if !s.comp(reader).is_some_and(|c| c.enabled) {
        return refused("the reader is not enabled: the application did not ask for a scan");
    }
    s.unsolicited(
        Some(reader),
        "DATA_PRESENT",
        Some(PlatformPayload {
            data_records: Some(records),
            ..Default::default()
        }),
    );
    Json(json!({"ok": true})).into_response()
}

async fn barcode(State(sim): State<Simulator>, Json(body): Json<Barcode>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"barcode": body.symbology}));
    let mut record = DataRecord::text("DS_TYPES_BARCODE", body.data);
    record.ds_types.push(body.symbology);
    record.data_status = Some("DS_OK".into());
    present(&mut s, id::BARCODE, vec![record])
}

#[derive(Deserialize)]
struct Passport {
    lines: Vec<String>,
}

async fn passport(State(sim): State<Simulator>, Json(body): Json<Passport>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"passport": body.lines.len()}));
    let mut record = DataRecord::text("DS_TYPES_CODELINE", body.lines.join("\r"));
    record.data_status = Some("DS_OK".into());
    present(&mut s, id::PASSPORT, vec![record])
}

#[derive(Deserialize)]
struct Headset {
    plugged: bool,
}

async fn headset(State(sim): State<Simulator>, Json(body): Json<Headset>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"headset": body.plugged}));
    let code = if body.plugged {
        "MEDIA_PRESENT"
    } else {
        "MEDIA_ABSENT"
    };
    if let Some(h) = s.comp_mut(id::HEADSET) {
        h.status = code;
    }
    s.unsolicited(Some(id::HEADSET), code, None);
    Json(json!({"ok": true})).into_response()
}

#[derive(Deserialize)]
struct Key {
    key: String,
}

/// The keypad's keys as cuss2-ts `src/models/Keypad.ts` reads them.
pub const KEYS: &[&str] = &[
    "NAVUP",
    "NAVDOWN",
    "NAVPREVIOUS",
    "NAVNEXT",
    "NAVENTER",
    "NAVHOME",
    "NAVEND",
    "NAVHELP",
    "VOLUMEUP",
    "VOLUMEDOWN",
];

async fn key(State(sim): State<Simulator>, Json(body): Json<Key>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"key": body.key}));
    if !KEYS.contains(&body.key.as_str()) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "no such key"})),
        )
            .into_response();
    }
    let record = DataRecord::text("DS_TYPES_KEY", body.key);
    present(&mut s, id::KEYPAD, vec![record])
}

fn printer_ids(which: &str) -> Option<(u32, u32, u32)> {
    match which {
        "boardingpass" => Some((
            id::BOARDING_PRINTER,
            id::BOARDING_FEEDER,
            id::BOARDING_DISPENSER,
        )),
        "bagtag" => Some((id::TAG_PRINTER, id::TAG_FEEDER, id::TAG_DISPENSER)),
        _ => None,
    }
}

#[derive(Deserialize)]
struct PrinterCondition {
    /// `ok` (clear a jam, refill), `low`, `empty`, `jammed`, `jam_after`.
    condition: String,
    #[serde(default)]
    after: u32,
}

async fn printer(
    State(sim): State<Simulator>,
    Path(which): Path<String>,
    Json(body): Json<PrinterCondition>,
) -> Response {
    let mut s = sim.lock();
    s.log(
        "inject",
        &json!({"printer": which, "condition": body.condition}),
    );
    let Some((printer, feeder, _)) = printer_ids(&which) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "no such printer"})),
        )
            .into_response();
    };
    let (paper, low) = (s.config.paper, s.config.low);
    let (sheets, status, state) = match body.condition.as_str() {
        "ok" => (Some(paper), "OK", "READY"),
        "low" => (Some(low), "MEDIA_LOW", "READY"),
        "empty" => (Some(0), "MEDIA_EMPTY", "UNAVAILABLE"),
        "jammed" => (None, "MEDIA_JAMMED", "UNAVAILABLE"),
        "jam_after" => {
            if let Some(p) = s.comp_mut(printer) {
                p.jam_after = Some(body.after);
            }
            return Json(json!({"ok": true})).into_response();
        }
        _ => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": "no such condition"})),
            )
                .into_response();
        }
    };
    if let (Some(n), Some(f)) = (sheets, s.comp_mut(feeder)) {
        f.count = n;
    }
    if let Some(p) = s.comp_mut(printer) {
        p.status = status;
        p.state = state;
        p.jam_after = None;
    }
    s.unsolicited(Some(printer), status, None);
    Json(json!({"ok": true})).into_response()
}

async fn take(State(sim): State<Simulator>, Path(which): Path<String>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"take": which}));
    let Some((_, _, dispenser)) = printer_ids(&which) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "no such printer"})),
        )
            .into_response();
    };
    if s.comp(dispenser).is_none_or(|d| d.count == 0) {
        return refused("nothing waits in the slot");
    }
    if let Some(d) = s.comp_mut(dispenser) {
        d.count = 0;
        d.status = "MEDIA_ABSENT";
    }
    for p in s.printed.iter_mut().filter(|p| p.printer == which) {
        p.taken = true;
    }
    s.unsolicited(Some(dispenser), "MEDIA_ABSENT", None);
    Json(json!({"ok": true})).into_response()
}

#[derive(Deserialize)]
struct PlatformState {
    state: String,
}

async fn platform_state(State(sim): State<Simulator>, Json(body): Json<PlatformState>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"state": body.state}));
    if !matches!(
        body.state.as_str(),
        "SUSPENDED" | "DISABLED" | "UNAVAILABLE"
    ) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "the platform sets SUSPENDED, DISABLED or UNAVAILABLE"})),
        )
            .into_response();
    }
    if s.connection.is_none() {
        return refused("no application connected");
    }
    s.set_state(&body.state);
    s.unsolicited(None, "OK", None);
    Json(json!({"ok": true})).into_response()
}

#[derive(Deserialize)]
struct Tenant {
    enabled: bool,
}

async fn tenant(State(sim): State<Simulator>, Json(body): Json<Tenant>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"tenant": body.enabled}));
    s.tenant_enabled = body.enabled;
    if !body.enabled {
        s.tokens.clear();
        if s.connection.is_some() {
            s.close(4006, "tenant disabled");
        }
    }
    Json(json!({"ok": true})).into_response()
}

/// The network cuts the connection (no close frame): the application's state and passenger
/// session are kept for it to reconnect to.
async fn drop_connection(State(sim): State<Simulator>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"drop": true}));
    let Some(c) = s.connection.take() else {
        return refused("no application connected");
    };
    s.dropping = true;
    let _ = c.tx.send(socket::Out::Drop);
    Json(json!({"ok": true})).into_response()
}

#[derive(Deserialize)]
struct Mute {
    muted: bool,
}

/// The platform hangs (or comes back): directives go unanswered, not even acknowledged.
async fn mute(State(sim): State<Simulator>, Json(body): Json<Mute>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"muted": body.muted}));
    s.muted = body.muted;
    Json(json!({"ok": true})).into_response()
}

async fn restart(State(sim): State<Simulator>) -> Response {
    let mut s = sim.lock();
    s.log("inject", &json!({"restart": true}));
    s.tokens.clear();
    if s.connection.is_some() {
        s.close(1012, "platform restarting");
    }
    Json(json!({"ok": true})).into_response()
}
