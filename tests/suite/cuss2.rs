//! The CUSS 2 platform simulator and the kiosk's client, on loopback: the close codes, the
//! application-state rules, and the client's life against the simulator (each test says which
//! CUSS version the platform speaks).

use concierge::cuss2::client::{Link, News, Platform, Settings, Snapshot};
use concierge::cuss2::sim::{SimConfig, Simulator};
use concierge::cuss2::wire::{Role, Version};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::Message;

/// A simulator serving on a loopback port of its own.
pub struct Sim {
    pub rt: tokio::runtime::Runtime,
    pub addr: std::net::SocketAddr,
    pub dir: tempfile::TempDir,
    http: reqwest::Client,
}

impl Sim {
    pub fn start(version: Version, tweak: impl FnOnce(&mut SimConfig)) -> Sim {
        concierge::net::install_crypto();
        let dir = tempfile::tempdir().unwrap();
        let mut config = SimConfig::new(dir.path().join("out"));
        config.version = version;
        tweak(&mut config);
        let (rt, addr) = Simulator::new(config).unwrap().start_on_loopback().unwrap();
        Sim {
            rt,
            addr,
            dir,
            http: crate::common::http(),
        }
    }

    pub fn socket_url(&self) -> String {
        format!("ws://{}/platform/subscribe", self.addr)
    }

    pub fn settings(&self, secret: &str) -> Settings {
        Settings {
            url: self.socket_url(),
            token_url: None,
            client_id: "concierge".into(),
            secret: concierge::config::Secret::new(secret),
            device_id: None,
            timeout: Duration::from_secs(5),
        }
    }

    /// An injection or status request, as the operator's page makes it: (status, body).
    pub fn http(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let url = format!("http://{}{path}", self.addr);
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self.http.request(method, url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.rt.block_on(async move {
            let r = request.send().await.unwrap();
            let status = r.status().as_u16();
            let text = r.text().await.unwrap();
            (status, serde_json::from_str(&text).unwrap_or(Value::Null))
        })
    }

    pub fn status(&self) -> Value {
        self.http("GET", "/sim/status", None).1
    }

    pub fn token(&self, secret: &str) -> (u16, Value) {
        let url = format!("http://{}/oauth/token", self.addr);
        let body =
            format!("client_id=concierge&client_secret={secret}&grant_type=client_credentials");
        let request = self
            .http
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        self.rt.block_on(async move {
            let r = request.send().await.unwrap();
            (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
        })
    }

    /// Waits until the simulator's status satisfies `pred`.
    pub fn wait(&self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            let s = self.status();
            if pred(&s) {
                return s;
            }
            assert!(Instant::now() < until, "{what}: the simulator says {s:#}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn component(status: &Value, id: u32) -> &Value {
        status["components"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
    }

    /// The lines of the message log.
    pub fn log(&self) -> Vec<Value> {
        std::fs::read_to_string(self.dir.path().join("out/messages.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A bare application: the socket, and a directive builder.
async fn open(url: &str) -> Ws {
    tokio_tungstenite::connect_async(url).await.unwrap().0
}

fn directive(token: &str, name: &str, component: Option<u32>, payload: Option<Value>) -> String {
    let mut m = json!({"meta": {
        "deviceID": "00000000-0000-0000-0000-000000000000",
        "requestID": format!("r-{name}-{}", fastrand::u32(..)),
        "oauthToken": token, "directive": name}});
    if let Some(c) = component {
        m["meta"]["componentID"] = json!(c);
    }
    if let Some(p) = payload {
        m["payload"] = p;
    }
    m.to_string()
}

/// The next text message that is not a ping, or the close code.
async fn next(ws: &mut Ws) -> Result<Value, u16> {
    loop {
        match tokio::time::timeout(Duration::from_secs(5), ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => {
                let v: Value = serde_json::from_str(&t).unwrap();
                if v.get("ping").is_none() {
                    return Ok(v);
                }
            }
            Ok(Some(Ok(Message::Close(Some(frame))))) => return Err(u16::from(frame.code)),
            Ok(Some(Ok(Message::Close(None)))) | Ok(None) => return Err(1005),
            Ok(Some(Ok(_))) => {}
            Ok(Some(Err(_))) => return Err(1006),
            Err(_) => panic!("no message within 5 s"),
        }
    }
}

async fn closed_with(ws: &mut Ws) -> u16 {
    loop {
        match next(ws).await {
            Ok(_) => continue,
            Err(code) => return code,
        }
    }
}

/// Sends a directive; its acknowledgement and result.
async fn ask(ws: &mut Ws, text: String) -> (Value, Value) {
    ws.send(Message::Text(text.into())).await.unwrap();
    let ack = next(ws).await.expect("an acknowledgement");
    assert!(
        ack.get("ackCode").is_some(),
        "not an acknowledgement: {ack}"
    );
    if ack["ackCode"] != "ACK_OK" {
        return (ack, Value::Null);
    }
    let result = next(ws).await.expect("a result");
    assert_eq!(result["meta"]["requestID"], ack["requestID"]);
    (ack, result)
}

fn state(to: &str) -> Value {
    json!({"applicationState": {"applicationStateCode": to,
        "applicationStateChangeReasonCode": "NOT_APPLICABLE"}})
}

#[test]
fn each_close_code_of_the_platform_2_4() {
    let sim = Sim::start(Version::V2_4, |c| {
        c.init_timeout = Duration::from_millis(400)
    });
    let url = sim.socket_url();
    let token = sim.token("demo-secret").1["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let env = |t: &str| directive(t, "platform_environment", None, None);
    let codes = sim.rt.block_on(async {
        let mut codes = Vec::new();
        // 4001: nothing asked within the init timeout.
        let mut ws = open(&url).await;
        codes.push(closed_with(&mut ws).await);
        // 4002: not a directive.
        let mut ws = open(&url).await;
        ws.send(Message::Text("hello".into())).await.unwrap();
        codes.push(closed_with(&mut ws).await);
        // 4003: a first directive other than the environment.
        let mut ws = open(&url).await;
        ws.send(Message::Text(
            directive(&token, "platform_components", None, None).into(),
        ))
        .await
        .unwrap();
        codes.push(closed_with(&mut ws).await);
        // 4004: a token the platform never gave.
        let mut ws = open(&url).await;
        ws.send(Message::Text(env("forged").into())).await.unwrap();
        codes.push(closed_with(&mut ws).await);
        // 4005: a second client while one is connected.
        let mut first = open(&url).await;
        let (ack, result) = ask(&mut first, env(&token)).await;
        assert_eq!(ack["ackCode"], "ACK_OK");
        assert_eq!(
            result["payload"]["environmentLevel"]["cussVersions"],
            json!(["2.4"])
        );
        let mut second = open(&url).await;
        codes.push(closed_with(&mut second).await);
        (codes, first)
    });
    let (mut codes, mut first) = codes;
    // 4006: the tenant disabled; the connected client is closed, and tokens are refused.
    assert_eq!(
        sim.http("POST", "/sim/tenant", Some(json!({"enabled": false})))
            .0,
        200
    );
    codes.push(sim.rt.block_on(closed_with(&mut first)));
    assert_eq!(sim.token("demo-secret").0, 401);
    let refused_again = sim.rt.block_on(async {
        let mut ws = open(&url).await;
        closed_with(&mut ws).await
    });
    assert_eq!(codes, [4001, 4002, 4003, 4004, 4005, 4006]);
    assert_eq!(refused_again, 4006);
    // Every message and close is in the log.
    let log = sim.log();
    for code in [4001, 4002, 4003, 4004, 4005, 4006] {
        assert!(
            log.iter()
                .any(|l| l["dir"] == "close" && l["message"]["code"] == code),
            "close {code} not logged"
        );
    }
}

#[test]
fn a_wrong_state_transition_is_refused_2_3() {
    let sim = Sim::start(Version::V2_3, |_| {});
    let token = sim.token("demo-secret").1["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let url = sim.socket_url();
    sim.rt.block_on(async {
        let mut ws = open(&url).await;
        let (_, env) = ask(
            &mut ws,
            directive(&token, "platform_environment", None, None),
        )
        .await;
        assert_eq!(
            env["meta"]["currentApplicationState"]["applicationStateCode"],
            "INITIALIZE"
        );
        // INITIALIZE → AVAILABLE skips UNAVAILABLE: taken, then refused.
        let (ack, result) = ask(
            &mut ws,
            directive(
                &token,
                "platform_applications_staterequest",
                None,
                Some(state("AVAILABLE")),
            ),
        )
        .await;
        assert_eq!(ack["ackCode"], "ACK_OK");
        assert_eq!(result["meta"]["messageCode"], "WRONG_APPLICATION_STATE");
        assert_eq!(
            result["meta"]["currentApplicationState"]["applicationStateCode"],
            "INITIALIZE"
        );
        // The 2.4 name means nothing to a 2.3 platform.
        let (ack, _) = ask(
            &mut ws,
            directive(
                &token,
                "platform_applications_state_request",
                None,
                Some(state("UNAVAILABLE")),
            ),
        )
        .await;
        assert_eq!(ack["ackCode"], "ACK_PARAMETER");
        // The application cannot start a passenger session on a printer before ACTIVE.
        let (_, r) = ask(
            &mut ws,
            directive(
                &token,
                "platform_applications_staterequest",
                None,
                Some(state("UNAVAILABLE")),
            ),
        )
        .await;
        assert_eq!(r["meta"]["messageCode"], "OK");
        assert_eq!(
            r["meta"]["currentApplicationState"]["accessibleMode"],
            false
        );
        let (_, r) = ask(
            &mut ws,
            directive(&token, "peripherals_userpresent_enable", Some(1), None),
        )
        .await;
        assert_eq!(r["meta"]["messageCode"], "WRONG_APPLICATION_STATE");
        // A component the platform does not have.
        let (ack, _) = ask(
            &mut ws,
            directive(&token, "peripherals_query", Some(99), None),
        )
        .await;
        assert_eq!(ack["ackCode"], "ACK_PARAMETER");
    });
}

fn news_until(
    rx: &mut tokio::sync::broadcast::Receiver<News>,
    what: &str,
    pred: impl Fn(&News) -> bool,
) -> News {
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        match rx.try_recv() {
            Ok(news) if pred(&news) => return news,
            Ok(_) => {}
            Err(tokio::sync::broadcast::error::TryRecvError::Empty) => {
                assert!(Instant::now() < until, "no news: {what}");
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => panic!("{what}: {e}"),
        }
    }
}

fn pdf() -> Vec<u8> {
    let job = concierge::print::sample_job("en-US", chrono::Utc::now());
    concierge::print::render(
        &job,
        concierge::print::Paper::Atb,
        concierge::i18n::Messages::built_in(),
    )
    .unwrap()
    .remove(0)
    .1
}

#[test]
fn the_client_goes_available_serves_a_session_and_prints_2_4_and_2_3() {
    for version in [Version::V2_4, Version::V2_3] {
        let sim = Sim::start(version, |_| {});
        let platform = Platform::start(sim.settings("demo-secret"));
        let mut rx = platform.subscribe();
        assert!(
            platform.wait_for(Duration::from_secs(10), |s: &Snapshot| s.state
                == "AVAILABLE"),
            "{version:?}: {:?}",
            platform.snapshot()
        );
        let snap = platform.snapshot();
        assert_eq!(snap.version, Some(version));
        assert_eq!(snap.link, Some(Link::Up));
        for role in [
            Role::BarcodeReader,
            Role::DocumentReader,
            Role::BoardingPassPrinter,
            Role::BagTagPrinter,
            Role::Headset,
            Role::Announcement,
            Role::Keypad,
        ] {
            assert!(snap.has(role), "{role:?}");
        }
        // Every component was queried after the list.
        let log = sim.log();
        let queried = log
            .iter()
            .filter(|l| {
                l["dir"] == "in" && l["message"]["meta"]["directive"] == "peripherals_query"
            })
            .count();
        assert_eq!(queried, 13);
        // A barcode before any screen asked for one is refused by the platform.
        let pass = json!({"data": "M1TEST/PASSENGER"});
        assert_eq!(sim.http("POST", "/sim/barcode", Some(pass.clone())).0, 409);
        // The platform starts a session in Urdu.
        assert_eq!(
            sim.http("POST", "/sim/session", Some(json!({"language": "ur-PK"})))
                .0,
            200
        );
        let news = news_until(&mut rx, "activated", |n| {
            matches!(n, News::Activated { .. })
        });
        assert_eq!(
            news,
            News::Activated {
                language: "ur-PK".into()
            }
        );
        platform.want_scans(true);
        let s = sim.wait("reader on", |s| {
            Sim::component(s, 1)["enabled"] == true
                && Sim::component(s, 2)["enabled"] == true
                && s["lights"]["12"] == "CLR_GREEN"
        });
        assert_eq!(s["lights"]["12"], "CLR_GREEN", "the light at the readers");
        assert_eq!(sim.http("POST", "/sim/barcode", Some(pass)).0, 200);
        let scanned = news_until(&mut rx, "scan", |n| matches!(n, News::Scanned(_)));
        assert_eq!(scanned, News::Scanned("M1TEST/PASSENGER".into()));
        let mrz = json!({"lines": ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]});
        assert_eq!(sim.http("POST", "/sim/passport", Some(mrz)).0, 200);
        let News::Scanned(lines) =
            news_until(&mut rx, "passport", |n| matches!(n, News::Scanned(_)))
        else {
            unreachable!()
        };
        assert_eq!(lines.lines().count(), 2);
        // A boarding pass printed as PDF, waiting in the slot, then taken.
        let printer = platform.component(Role::BoardingPassPrinter).unwrap();
        let payload = concierge::cuss2::wire::AppPayload {
            data_records: Some(vec![concierge::cuss2::wire::DataRecord::base64(
                "DS_TYPES_PRINT_PDF",
                &pdf(),
            )]),
            ..Default::default()
        };
        let result = platform
            .call(
                concierge::cuss2::wire::Directive::Send,
                Some(printer),
                Some(payload),
            )
            .unwrap();
        assert_eq!(result.meta.message_code, "OK");
        let News::Dispensed(_, taken) =
            news_until(&mut rx, "dispensed", |n| matches!(n, News::Dispensed(..)))
        else {
            unreachable!()
        };
        assert!(!taken);
        let s = sim.status();
        let file = s["printed"][0]["file"].as_str().unwrap();
        assert!(std::fs::read(file).unwrap().starts_with(b"%PDF-"));
        assert_eq!(s["lights"]["13"], "CLR_GREEN", "the light at the slot");
        assert_eq!(sim.http("POST", "/sim/take/boardingpass", None).0, 200);
        let taken = news_until(&mut rx, "taken", |n| matches!(n, News::Dispensed(_, true)));
        assert!(matches!(
            taken,
            News::Dispensed(concierge::cuss2::Printer::BoardingPass, true)
        ));
        // The visit ends: readers off, back to AVAILABLE.
        platform.want_scans(false);
        platform.visit(false);
        let s = sim.wait("available again", |s| s["application_state"] == "AVAILABLE");
        assert_eq!(Sim::component(&s, 1)["enabled"], false);
        assert!(s["lights"].as_object().unwrap().is_empty(), "{s}");
    }
}

#[test]
fn a_refused_secret_is_asked_once_and_the_kiosk_stays_out_2_4() {
    let sim = Sim::start(Version::V2_4, |_| {});
    let platform = Platform::start(sim.settings("wrong"));
    assert!(platform.wait_for(Duration::from_secs(5), |s| matches!(
        s.link,
        Some(Link::Refused(_))
    )));
    std::thread::sleep(Duration::from_millis(1500));
    let asked = sim.log().iter().filter(|l| l["dir"] == "token").count();
    assert_eq!(asked, 1, "never a loop");
    let Some(Link::Refused(why)) = platform.snapshot().link else {
        unreachable!()
    };
    assert!(why.contains("client_id"), "{why}");
    assert_eq!(sim.status()["connected"], false);
}

#[test]
fn the_client_reconnects_after_the_platform_restarts_2_4() {
    let sim = Sim::start(Version::V2_4, |_| {});
    let platform = Platform::start(sim.settings("demo-secret"));
    assert!(platform.wait_for(Duration::from_secs(10), |s| s.state == "AVAILABLE"));
    assert_eq!(sim.http("POST", "/sim/restart", None).0, 200);
    let s = sim.wait("connected again", |s| {
        s["connections"] == 2 && s["application_state"] == "AVAILABLE"
    });
    assert_eq!(s["connected"], true);
    // The restart threw away the tokens: the client asked for a new one.
    let tokens = sim.log().iter().filter(|l| l["dir"] == "token").count();
    assert_eq!(tokens, 2);
}

/// The platform's pings are answered, and the token is renewed before it expires without the
/// connection being dropped.
#[test]
fn pings_are_answered_and_the_token_renewed_in_time_2_4() {
    let sim = Sim::start(Version::V2_4, |c| {
        c.ping_every = Duration::from_millis(200);
        c.token_lifetime = Duration::from_secs(2);
    });
    let platform = Platform::start(sim.settings("demo-secret"));
    assert!(platform.wait_for(Duration::from_secs(10), |s| s.state == "AVAILABLE"));
    std::thread::sleep(Duration::from_millis(3500));
    let log = sim.log();
    let pongs = log
        .iter()
        .filter(|l| l["dir"] == "in" && l["message"].get("pong").is_some())
        .count();
    assert!(pongs >= 5, "{pongs} pongs");
    let tokens = log.iter().filter(|l| l["dir"] == "token").count();
    assert!(tokens >= 2, "the token renewed: {tokens}");
    // Still the one connection, and a directive after the first token's expiry is taken.
    platform.want_scans(true);
    let s = sim.status();
    assert_eq!(s["connections"], 1);
    assert_eq!(s["connected"], true);
    assert!(
        !log.iter().any(|l| l["dir"] == "close"),
        "never closed for a stale token"
    );
}

/// A platform that hangs (reads directives, answers nothing): a print fails within twice the
/// platform's expected acknowledgement time, not the directive's whole timeout, and the client
/// works again once the platform answers.
#[test]
fn a_hung_platform_fails_a_print_at_the_acknowledgement_time_2_4() {
    let sim = Sim::start(Version::V2_4, |_| {});
    let mut settings = sim.settings("demo-secret");
    settings.timeout = Duration::from_secs(30);
    let platform = Platform::start(settings);
    assert!(platform.wait_for(Duration::from_secs(10), |s| s.state == "AVAILABLE"));
    let printer = platform.component(Role::BoardingPassPrinter).unwrap();
    assert_eq!(
        sim.http("POST", "/sim/mute", Some(json!({"muted": true})))
            .0,
        200
    );
    let started = Instant::now();
    let answer = platform.call(
        concierge::cuss2::wire::Directive::Query,
        Some(printer),
        None,
    );
    let took = started.elapsed();
    assert!(
        matches!(answer, Err(concierge::cuss2::Cuss2Error::Timeout(_))),
        "{answer:?}"
    );
    // The simulator expects to acknowledge within 1 s: given up at the acknowledgement's time
    // (about 2 s), not at the result's (30 s).
    assert!(took < Duration::from_secs(15), "{took:?}");
    assert_eq!(
        sim.http("POST", "/sim/mute", Some(json!({"muted": false})))
            .0,
        200
    );
    let answer = platform
        .call(
            concierge::cuss2::wire::Directive::Query,
            Some(printer),
            None,
        )
        .unwrap();
    assert_eq!(answer.meta.message_code, "OK");
}

/// A platform whose printers take ITPS alone: the kiosk, which prints PDF, never makes itself
/// AVAILABLE (no passenger would leave with a pass).
#[test]
fn a_platform_without_pdf_printers_keeps_the_kiosk_unavailable_2_4() {
    let sim = Sim::start(Version::V2_4, |c| c.pdf = false);
    let platform = Platform::start(sim.settings("demo-secret"));
    assert!(platform.wait_for(Duration::from_secs(10), |s| s.link == Some(Link::Up)));
    assert_eq!(platform.state(), "UNAVAILABLE");
    // Nothing changes its mind: still not offered to passengers a moment later.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(sim.status()["application_state"], "UNAVAILABLE");
    assert_eq!(
        sim.http("POST", "/sim/session", Some(json!({"language": "en-US"})))
            .0,
        409
    );
}
