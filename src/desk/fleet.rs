//! The fleet on the desk: kiosks' signed heartbeats (`POST /api/v1/heartbeats`), the live
//! fleet page for staff and duty managers (`/fleet`: every kiosk by airport, problems first,
//! usable on a phone), and the alerts — a kiosk gone quiet or its printer out pages the duty
//! manager (`[[desk.alerts]]`, else `[[desk.push]]`), once, and says when it is over.

use super::page::{Words, esc};
use super::{Desk, agent, refuse};
use crate::desk::store::KioskRow;
use crate::fleet::Heartbeat;
use crate::help::{HelpRequest, now_ms};
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::sync::Arc;

/// `POST /api/v1/heartbeats`: a kiosk's signed heartbeat.
pub(super) async fn heartbeat(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Ok(beat) = serde_json::from_slice::<Heartbeat>(&body) else {
        return refuse(StatusCode::BAD_REQUEST, "not a heartbeat");
    };
    if !desk.signed_by(&beat.kiosk.id, &headers, &body, "a heartbeat") {
        return super::stranger();
    }
    match desk.store.heartbeat(&beat, now_ms()).await {
        Ok(()) => StatusCode::OK.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "storing a heartbeat");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// What is wrong with a kiosk, worst first (empty: nothing).
fn problems(k: &KioskRow, now: i64) -> Vec<&'static str> {
    let mut p = Vec::new();
    if !k.online(now) {
        p.push("offline");
    }
    if k.beat.closed {
        p.push("closed");
    } else if k.beat.out_of_service.is_some() {
        p.push("out-of-service");
    }
    if k.beat.devices.problem() {
        p.push("device");
    }
    if failure_rate(k).is_some_and(|r| r >= 0.25) && k.beat.visits_last_hour >= 4 {
        p.push("failures");
    }
    if k.beat
        .published
        .as_ref()
        .is_some_and(|p| p.refused.is_some())
    {
        p.push("config");
    }
    p
}

fn failure_rate(k: &KioskRow) -> Option<f64> {
    (k.beat.visits_last_hour > 0)
        .then(|| k.beat.failures_last_hour as f64 / k.beat.visits_last_hour as f64)
}

#[derive(serde::Deserialize, Default)]
pub(super) struct Filter {
    #[serde(default)]
    airport: Option<String>,
}

/// `GET /fleet`: the fleet page.
pub(super) async fn page(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Query(filter): Query<Filter>,
) -> Response {
    let Some((name, csrf, _)) = agent(&desk, &headers, true).await else {
        return Redirect::to("/login").into_response();
    };
    let w = desk.words(&headers);
    let kiosks = desk.store.kiosks().await.unwrap_or_default();
    let now = now_ms();
    let options = super::page::airport_options(
        kiosks.iter().filter_map(|k| k.beat.kiosk.airport.clone()),
        filter.airport.as_deref().unwrap_or(""),
    );
    let title = w.text("desk-fleet-title");
    Html(format!(
        "<!doctype html><html {}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/desk.css\"></head><body>\
         <header><span class=\"title\">{title}</span><span class=\"who\">{}</span>\
         <a class=\"nav\" href=\"/fleet/report\">{}</a><a class=\"nav\" href=\"/fleet/config\">{}</a>\
         <a class=\"nav\" href=\"/\">{}</a>\
         <form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <button>{}</button></form></header><main>\
         <form class=\"bar\" method=\"get\" action=\"/fleet\"><label>{} <select name=\"airport\" id=\"fleet-airport\">\
         <option value=\"\">{}</option>{options}</select></label><noscript><button>{}</button></noscript></form>\
         {}</main><script src=\"/fleet.js\"></script></body></html>",
        w.html_attributes(),
        w.text_with("desk-signed-in-as", &[("agent", name.as_str().into())]),
        w.text("desk-report-link"),
        w.text("desk-config-link"),
        w.text("desk-fleet-back"),
        esc(&csrf),
        w.text("desk-sign-out"),
        w.text("desk-filter"),
        w.text("desk-filter-all"),
        w.text("desk-filter"),
        fleet(&kiosks, filter.airport.as_deref(), &w, now),
    ))
    .into_response()
}

/// `GET /fleet/fragment`: the live part, fetched again every few seconds.
pub(super) async fn fragment(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Query(filter): Query<Filter>,
) -> Response {
    if agent(&desk, &headers, false).await.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let kiosks = desk.store.kiosks().await.unwrap_or_default();
    Html(fleet(
        &kiosks,
        filter.airport.as_deref(),
        &desk.words(&headers),
        now_ms(),
    ))
    .into_response()
}

/// The fleet's live part: a summary line, then every kiosk (of the chosen airport), problems
/// first, by airport and id.
pub fn fleet(kiosks: &[KioskRow], airport: Option<&str>, w: &Words, now: i64) -> String {
    let shown: Vec<&KioskRow> = kiosks
        .iter()
        .filter(|k| {
            airport
                .filter(|a| !a.is_empty())
                .is_none_or(|a| k.beat.kiosk.airport.as_deref() == Some(a))
        })
        .collect();
    if shown.is_empty() {
        return format!(
            "<div id=\"fleet\"><p class=\"muted\">{}</p></div>",
            w.text("desk-fleet-none")
        );
    }
    let online = shown.iter().filter(|k| k.online(now)).count();
    let troubled = shown
        .iter()
        .filter(|k| !problems(k, now).is_empty())
        .count();
    let mut sorted = shown.clone();
    sorted.sort_by_key(|k| {
        (
            problems(k, now).is_empty(),
            k.beat.kiosk.airport.clone().unwrap_or_default(),
            k.id.clone(),
        )
    });
    let cards: String = sorted.iter().map(|k| card(k, w, now)).collect();
    format!(
        "<div id=\"fleet\"><p class=\"big\" id=\"fleet-summary\">{}</p><div class=\"kiosks\">{cards}</div></div>",
        w.text_with(
            "desk-fleet-summary",
            &[
                ("online", (online as i64).into()),
                ("total", (shown.len() as i64).into()),
                ("problems", (troubled as i64).into()),
            ]
        ),
    )
}

fn card(k: &KioskRow, w: &Words, now: i64) -> String {
    let p = problems(k, now);
    let b = &k.beat;
    let status = if !k.online(now) {
        format!(
            "<span class=\"tag\">{}</span>",
            w.html_with(
                "desk-fleet-offline",
                &[],
                &[("time", super::page::time(k.last_seen))]
            )
        )
    } else if b.closed {
        format!("<span class=\"tag\">{}</span>", w.text("desk-fleet-closed"))
    } else if b.out_of_service.is_some() {
        format!(
            "<span class=\"tag\">{}</span>",
            w.text("desk-fleet-out-of-service")
        )
    } else {
        format!(
            "<span class=\"tag ok\">{}</span>",
            w.text("desk-fleet-online")
        )
    };
    let device = |label: &str, state: &str| {
        let bad = matches!(state, "out" | "jammed" | "fault" | "offline" | "low");
        format!(
            "<li class=\"{}\" data-device=\"{}\">{}: {}</li>",
            if bad { "warn" } else { "" },
            esc(state),
            w.text(label),
            w.named_text("desk-fleet-device-", state),
        )
    };
    let devices = [
        device("desk-fleet-printer", &b.devices.printer),
        device("desk-fleet-scanner", &b.devices.scanner),
        device("desk-fleet-reader", &b.devices.document_reader),
        device("desk-fleet-headset", &b.devices.headset),
    ]
    .concat();
    let last_checkin = match b
        .last_checkin_at
        .as_deref()
        .and_then(super::store::rfc3339_ms)
    {
        Some(at) => w.html_with(
            "desk-fleet-last-checkin",
            &[],
            &[("time", super::page::time(at))],
        ),
        None => w.text("desk-fleet-no-checkin"),
    };
    let rate = failure_rate(k).map_or(0, |r| (r * 100.0).round() as i64);
    let alerts: String = k
        .alerts
        .iter()
        .map(|a| {
            format!(
                "<span class=\"tag\" data-alert=\"{}\">{}</span> ",
                esc(a),
                w.named_text("desk-fleet-alert-", a)
            )
        })
        .collect();
    // What became of the configuration published for it: a refusal in the checker's words.
    let published = match b.published.as_ref() {
        Some(p) => match &p.refused {
            Some(r) => format!(
                "<div class=\"refused\" data-refused=\"{}\"><span class=\"tag\">{}</span>\
                 <pre dir=\"ltr\">{}</pre></div>",
                esc(&r.etag),
                w.text_with(
                    "desk-config-refused",
                    &[("label", super::publish::label_name(w, &r.label).into())]
                ),
                esc(&r.message)
            ),
            None => p
                .applied
                .as_ref()
                .map(|a| {
                    format!(
                        "<div class=\"row muted\" data-applied>{}</div>",
                        w.text_with(
                            "desk-config-applied",
                            &[("label", super::publish::label_name(w, a).into())]
                        )
                    )
                })
                .unwrap_or_default(),
        },
        None => String::new(),
    };
    let where_ = [
        b.kiosk.airport.clone(),
        b.kiosk.terminal.clone(),
        Some(b.kiosk.location.clone()).filter(|l| !l.is_empty()),
    ]
    .into_iter()
    .flatten()
    .map(|s| format!("<span>{}</span>", esc(&s)))
    .collect::<Vec<_>>()
    .join(" · ");
    format!(
        "<div class=\"card kiosk{}\" data-kiosk=\"{}\" data-problems=\"{}\">\
         <div class=\"row\"><span class=\"big\">{}</span>{status}{alerts}</div>\
         <div class=\"row muted\">{where_}</div>\
         <ul class=\"devices\">{devices}</ul>\
         <div class=\"row\"><span>{last_checkin}</span><span>{}</span><span>{}</span></div>\
         <div class=\"row muted\"><span>{}</span></div>{published}</div>",
        if p.is_empty() { "" } else { " problem" },
        esc(&k.id),
        p.join(" "),
        esc(&k.id),
        w.text_with(
            "desk-fleet-hour",
            &[
                ("visits", (b.visits_last_hour as i64).into()),
                ("failures", (b.failures_last_hour as i64).into()),
                ("rate", rate.into()),
            ]
        ),
        w.text_with(
            "desk-fleet-help-open",
            &[("count", (b.open_help_requests as i64).into())]
        ),
        w.text_with(
            "desk-fleet-version",
            &[
                ("software", b.software.as_str().into()),
                ("config", b.config_version.as_str().into()),
            ]
        ),
    )
}

/// `/fleet.js`: the fleet's live part again every 10 seconds, the airport filter applied at
/// once, times in the agent's own zone.
pub const SCRIPT: &str = r#"(()=>{
const $=id=>document.getElementById(id);
const times=()=>document.querySelectorAll('time[data-at]').forEach(t=>{const d=new Date(+t.dataset.at);
t.textContent=d.toLocaleTimeString(document.documentElement.lang,{hour:'2-digit',minute:'2-digit'});});
const sel=$('fleet-airport');
const refresh=()=>{const q=sel&&sel.value?'?airport='+encodeURIComponent(sel.value):'';
fetch('/fleet/fragment'+q,{credentials:'same-origin'}).then(r=>{if(r.status===401){location.href='/login';return null;}return r.ok?r.text():null;})
.then(html=>{if(html){const f=$('fleet');if(f){f.outerHTML=html;times();}}}).catch(()=>{});};
if(sel)sel.addEventListener('change',()=>{history.replaceState(null,'',sel.value?'?airport='+encodeURIComponent(sel.value):'/fleet');refresh();});
times();setInterval(refresh,10000);
})();"#;

pub(super) async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// Looks at the fleet (one instance for all: the job is claimed in the store): a kiosk
/// silent for two heartbeats, or whose printer is out or jammed, raises an alert once and
/// pages the duty manager; when it is over, the alert clears and they are told.
pub async fn check(desk: &Desk, now: i64) {
    let every = desk.fleet_check_every.as_millis() as i64;
    match desk.store.claim_job("fleet-alerts", every / 2, now).await {
        Ok(true) => {}
        Ok(false) => return,
        Err(e) => {
            tracing::error!(error = %e, "looking at the fleet");
            return;
        }
    }
    let kiosks = match desk.store.kiosks().await {
        Ok(k) => k,
        Err(e) => {
            tracing::error!(error = %e, "looking at the fleet");
            return;
        }
    };
    for k in &kiosks {
        let printer_out = matches!(k.beat.devices.printer.as_str(), "out" | "jammed");
        for (kind, on) in [("offline", !k.online(now)), ("printer", printer_out)] {
            let active = k.alerts.iter().any(|a| a == kind);
            if on == active {
                continue;
            }
            match desk.store.alert(&k.id, kind, on, now).await {
                Ok(true) => {
                    if on {
                        tracing::warn!(kiosk = %k.id, alert = kind, "fleet alert: paging the duty manager");
                    } else {
                        tracing::info!(kiosk = %k.id, alert = kind, "fleet alert over");
                    }
                    page_duty_manager(desk, k, kind, on);
                    desk.changed();
                }
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "recording a fleet alert"),
            }
        }
    }
}

/// The alert as a page to the duty manager's targets: opened, or closed when it is over.
fn page_duty_manager(desk: &Desk, k: &KioskRow, kind: &str, on: bool) {
    let targets = if desk.alerts.is_empty() {
        &desk.push
    } else {
        &desk.alerts
    };
    let mut request = HelpRequest::placeholder();
    let now = chrono::Utc::now();
    request.id = format!("{}-fleet{kind}-{}", k.id, now.timestamp_millis());
    request.incident = format!("{}-fleet{kind}", k.id);
    request.state = if on { "open" } else { "resolved" }.into();
    request.kiosk = k.beat.kiosk.clone();
    request.step = "welcome".into();
    request.reason = match kind {
        "offline" => "kiosk_offline",
        _ => "printer_out",
    }
    .into();
    request.locale = crate::i18n::FALLBACK.into();
    request.requested_at = now.to_rfc3339();
    request.detail = Some(match kind {
        "offline" => format!(
            "no heartbeat since {}",
            chrono::DateTime::from_timestamp_millis(k.last_seen)
                .map(|t| t.to_rfc3339())
                .unwrap_or_default()
        ),
        _ => format!("printer {}", k.beat.devices.printer),
    });
    for target in targets {
        let client = desk.client.clone();
        let target = target.clone();
        let request = request.clone();
        tokio::spawn(async move {
            match crate::help::send_once(&client, &target, &request).await {
                crate::help::Attempt::Delivered => {
                    tracing::info!(target = %target.name, incident = %request.incident, "duty manager paged")
                }
                crate::help::Attempt::Retry { error, .. }
                | crate::help::Attempt::Refused { error } => {
                    tracing::warn!(target = %target.name, %error, "the duty manager could not be paged")
                }
            }
        });
    }
}

/// The fleet's lines for `/metrics`: when each kiosk was last heard from, and its open alerts.
pub fn metrics(kiosks: &[KioskRow]) -> String {
    let label = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', " ")
    };
    let mut out = String::from(
        "# HELP concierge_kiosk_last_seen_timestamp_seconds When the kiosk's last heartbeat arrived (unix time).\n\
         # TYPE concierge_kiosk_last_seen_timestamp_seconds gauge\n",
    );
    for k in kiosks {
        out.push_str(&format!(
            "concierge_kiosk_last_seen_timestamp_seconds{{kiosk=\"{}\",airport=\"{}\"}} {}\n",
            label(&k.id),
            label(k.beat.kiosk.airport.as_deref().unwrap_or("")),
            k.last_seen / 1000
        ));
    }
    out.push_str(
        "# HELP concierge_kiosk_heartbeat_interval_seconds How often the kiosk says it reports.\n\
         # TYPE concierge_kiosk_heartbeat_interval_seconds gauge\n",
    );
    for k in kiosks {
        out.push_str(&format!(
            "concierge_kiosk_heartbeat_interval_seconds{{kiosk=\"{}\",airport=\"{}\"}} {}\n",
            label(&k.id),
            label(k.beat.kiosk.airport.as_deref().unwrap_or("")),
            k.beat.every_seconds
        ));
    }
    out.push_str(
        "# HELP concierge_kiosk_alert Open fleet alerts, by kind (offline, printer).\n\
         # TYPE concierge_kiosk_alert gauge\n",
    );
    for k in kiosks {
        for a in &k.alerts {
            out.push_str(&format!(
                "concierge_kiosk_alert{{kiosk=\"{}\",airport=\"{}\",kind=\"{}\"}} 1\n",
                label(&k.id),
                label(k.beat.kiosk.airport.as_deref().unwrap_or("")),
                label(a)
            ));
        }
    }
    out
}
