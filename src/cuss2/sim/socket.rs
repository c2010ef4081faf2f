//! The platform's WebSocket: one application at a time, strict about what comes first, what
//! a message is and whose token it carries.

use super::{Connection, Simulator};
use crate::cuss2::wire::{Ack, ApplicationData, Directive};
use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use futures_util::{SinkExt, StreamExt};
use serde_json::json;

/// What goes out on the socket.
#[derive(Debug)]
pub enum Out {
    Text(String),
    Close(u16, String),
    /// Cut the connection without a close frame.
    Drop,
}

pub async fn subscribe(State(sim): State<Simulator>, upgrade: WebSocketUpgrade) -> Response {
    upgrade.on_upgrade(move |socket| run(sim, socket))
}

async fn close(mut socket: WebSocket, code: u16, reason: &str) {
    let _ = socket
        .send(Message::Close(Some(CloseFrame {
            code,
            reason: reason.into(),
        })))
        .await;
}

async fn run(sim: Simulator, socket: WebSocket) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let admitted = {
        let mut s = sim.lock();
        if !s.tenant_enabled {
            s.log("close", &json!({"code": 4006, "reason": "tenant disabled"}));
            Err((4006, "tenant disabled"))
        } else if s.connection.is_some() {
            s.log(
                "close",
                &json!({"code": 4005, "reason": "a client is already connected"}),
            );
            Err((4005, "a client is already connected"))
        } else {
            s.serial += 1;
            let serial = s.serial;
            s.connection = Some(Connection { serial, tx });
            // An application back after a dropped connection finds its state as it left it.
            if s.app_state == "STOPPED" {
                s.app_state = "INITIALIZE".into();
            }
            s.dropping = false;
            s.environment_asked = false;
            s.log("open", &json!({"connection": serial}));
            Ok((serial, s.config.init_timeout, s.config.ping_every))
        }
    };
    let (serial, init_timeout, ping_every) = match admitted {
        Ok(admitted) => admitted,
        Err((code, reason)) => return close(socket, code, reason).await,
    };
    let (mut sink, mut stream) = socket.split();
    let init = tokio::time::sleep(init_timeout);
    tokio::pin!(init);
    let mut pings = tokio::time::interval(ping_every);
    pings.tick().await;
    let mut init_over = false;
    let mine = |s: &super::Sim| s.connection.as_ref().is_some_and(|c| c.serial == serial);
    loop {
        tokio::select! {
            out = rx.recv() => match out {
                Some(Out::Text(text)) => {
                    if sink.send(Message::Text(text.into())).await.is_err() {
                        break;
                    }
                }
                Some(Out::Close(code, reason)) => {
                    let _ = sink.send(Message::Close(Some(CloseFrame { code, reason: reason.into() }))).await;
                    return;
                }
                Some(Out::Drop) => {
                    sim.lock().log("dropped", &json!({"connection": serial}));
                    return;
                }
                None => return,
            },
            _ = &mut init, if !init_over => {
                init_over = true;
                let mut s = sim.lock();
                if mine(&s) && !s.environment_asked {
                    s.close(4001, "no environment request in time");
                }
            }
            _ = pings.tick() => {
                let ping = json!({"ping": chrono::Utc::now().to_rfc3339()}).to_string();
                if sink.send(Message::Text(ping.into())).await.is_err() {
                    break;
                }
            }
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    let mut s = sim.lock();
                    if !mine(&s) {
                        return;
                    }
                    handle(&mut s, &text);
                }
                Some(Ok(Message::Binary(_))) => {
                    let mut s = sim.lock();
                    if mine(&s) {
                        s.log("in", &json!({"binary": true}));
                        s.close(4002, "invalid message: binary");
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                Some(Ok(_)) => {}
            },
        }
    }
    let mut s = sim.lock();
    if mine(&s) {
        s.log("gone", &json!({"connection": serial}));
        s.disconnected();
    }
}

/// One text message from the application.
fn handle(s: &mut super::Sim, text: &str) {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => {
            s.log(
                "in",
                &json!({"unparsable": text.chars().take(200).collect::<String>()}),
            );
            return s.close(4002, "invalid message: not JSON");
        }
    };
    s.log("in", &value);
    if value.get("pong").is_some() || s.muted {
        return;
    }
    let data: ApplicationData = match serde_json::from_value(value) {
        Ok(d) => d,
        Err(e) => return s.close(4002, &format!("invalid message: {e}")),
    };
    if !s.token_ok(&data.meta.oauth_token) {
        return s.close(4004, "invalid or expired token");
    }
    let version = s.config.version;
    let directive = Directive::parse(&data.meta.directive, version);
    if !s.environment_asked && directive != Some(Directive::Environment) {
        return s.close(4003, "the first directive must be platform_environment");
    }
    let request = data.meta.request_id.clone();
    let ack = |s: &mut super::Sim, code: &str, why: Option<&str>| {
        let ack = Ack {
            ack_code: code.into(),
            request_id: request.clone(),
            description: why.map(str::to_string),
        };
        let value = serde_json::to_value(&ack).unwrap_or_default();
        s.log("out", &value);
        if let Some(c) = &s.connection {
            let _ = c.tx.send(Out::Text(value.to_string()));
        }
    };
    let Some(directive) = directive else {
        let why = format!(
            "no directive {} in CUSS {}",
            data.meta.directive,
            version.as_str()
        );
        return ack(s, "ACK_PARAMETER", Some(&why));
    };
    let needs_component = !matches!(
        directive,
        Directive::Environment
            | Directive::Components
            | Directive::StateRequest
            | Directive::TransferRequest
            | Directive::AcknowledgeAccessible
    );
    if needs_component && data.meta.component_id.and_then(|id| s.comp(id)).is_none() {
        return ack(s, "ACK_PARAMETER", Some("a known componentID is required"));
    }
    ack(s, "ACK_OK", None);
    let name = data.meta.directive.clone();
    s.directive(&request, directive, &name, &data);
}
