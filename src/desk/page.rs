//! The agents' page: server-rendered HTML, usable on a phone, live over Server-Sent Events.

use super::store::{DeskIncident, DeskStore};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#111}\
header{background:#0b2545;color:#fff;padding:12px 16px;font-size:20px}\
main{padding:12px;max-width:980px;margin:auto}\
.card{background:#fff;border-radius:8px;padding:12px 14px;margin:10px 0;box-shadow:0 1px 2px #0002}\
.card.escalated{border-left:6px solid #b00020}.card.acknowledged{border-left:6px solid #1b7f3a}\
.row{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:baseline}\
.big{font-size:18px;font-weight:600}.muted{color:#555}.tag{background:#b00020;color:#fff;border-radius:4px;padding:1px 6px;font-size:13px}\
button{font-size:16px;padding:10px 16px;margin:8px 8px 0 0;border-radius:6px;border:1px solid #0b2545;background:#0b2545;color:#fff}\
button.secondary{background:#fff;color:#0b2545}\
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 6px;border-bottom:1px solid #ddd}";

const SCRIPT: &str = "function tick(){for(const el of document.querySelectorAll('[data-since]')){\
const m=Math.max(0,Math.floor((Date.now()-Number(el.dataset.since))/60000));\
el.textContent='waiting '+m+' min';}}\
const es=new EventSource('/events');es.onmessage=()=>fetch('/fragment').then(r=>r.text())\
.then(h=>{document.getElementById('open').innerHTML=h;tick();});setInterval(tick,15000);tick();";

fn urgency(i: &DeskIncident) -> (i64, i64) {
    (
        i.request.minutes_until_close.unwrap_or(i64::MAX),
        i.received_at,
    )
}

/// Open requests, most urgent first: minutes until check-in closes, then waiting time.
pub fn open_list(store: &DeskStore, csrf: &str) -> String {
    let mut open = store.open_incidents().unwrap_or_default();
    open.sort_by_key(urgency);
    if open.is_empty() {
        return "<p class=\"muted\">No open requests.</p>".into();
    }
    let mut html = String::new();
    for i in open {
        let r = &i.request;
        let class = if i.state == "acknowledged" {
            "card acknowledged"
        } else if i.escalated {
            "card escalated"
        } else {
            "card"
        };
        html.push_str(&format!(
            "<div class=\"{class}\" data-incident=\"{}\">",
            esc(&i.key)
        ));
        html.push_str("<div class=\"row\">");
        html.push_str(&format!(
            "<span class=\"big\">{}</span>",
            esc(&r.reason.replace('_', " "))
        ));
        if i.escalated {
            html.push_str("<span class=\"tag\">escalated</span>");
        }
        html.push_str(&format!(
            "<span class=\"muted\" data-since=\"{}\">waiting</span></div>",
            i.received_at
        ));
        html.push_str(&format!(
            "<div class=\"row\"><span>Kiosk <b>{}</b></span><span>{}</span><span>{}</span></div>",
            esc(&r.kiosk.id),
            esc(r.kiosk.airport.as_deref().unwrap_or("")),
            esc(&r.kiosk.location)
        ));
        let mut facts = Vec::new();
        if let Some(f) = &r.flight {
            facts.push(format!("Flight <b>{}</b>", esc(f)));
        }
        if let Some(m) = r.minutes_until_close {
            facts.push(format!("check-in closes in <b>{m} min</b>"));
        }
        facts.push(format!("step {}", esc(&r.step)));
        facts.push(format!("language {}", esc(&r.locale)));
        if let Some(name) = &r.first_name {
            facts.push(format!("passenger <b>{}</b>", esc(name)));
        }
        html.push_str(&format!("<div class=\"row\">{}</div>", facts.join(" · ")));
        if let Some(agent) = &i.acknowledged_by {
            html.push_str(&format!(
                "<div class=\"row\"><span>{} is on the way</span></div>",
                esc(agent)
            ));
        }
        let key = esc(&i.key);
        let csrf = esc(csrf);
        if i.state == "open" {
            html.push_str(&format!(
                "<form method=\"post\" action=\"/incidents/{key}/ack\" style=\"display:inline\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button>Acknowledge</button></form>"
            ));
        }
        html.push_str(&format!(
            "<form method=\"post\" action=\"/incidents/{key}/resolve\" style=\"display:inline\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button class=\"secondary\">Resolve</button></form>"
        ));
        html.push_str("</div>");
    }
    html
}

fn figures(store: &DeskStore) -> String {
    let day_ago = chrono::Utc::now().timestamp_millis() - 24 * 3600 * 1000;
    let all = store.since(day_ago).unwrap_or_default();
    let mut waits: Vec<i64> = all
        .iter()
        .filter_map(|i| i.acknowledged_at.map(|a| (a - i.received_at) / 1000))
        .collect();
    waits.sort_unstable();
    let median = waits
        .get(waits.len() / 2)
        .map(|s| format!("{s} s"))
        .unwrap_or_else(|| "—".into());
    let mut by_reason: Vec<(String, usize)> = Vec::new();
    for i in &all {
        match by_reason.iter_mut().find(|(r, _)| *r == i.request.reason) {
            Some((_, n)) => *n += 1,
            None => by_reason.push((i.request.reason.clone(), 1)),
        }
    }
    by_reason.sort_by_key(|r| std::cmp::Reverse(r.1));
    let reasons: Vec<String> = by_reason
        .iter()
        .map(|(r, n)| format!("{} {n}", esc(&r.replace('_', " "))))
        .collect();
    format!(
        "<div class=\"card\"><div class=\"row\"><span>Last 24 h: <b>{}</b> {} ({:.1} per hour)</span>\
         <span>median time to acknowledge <b>{median}</b></span></div><div class=\"row muted\">{}</div></div>",
        all.len(),
        if all.len() == 1 {
            "request"
        } else {
            "requests"
        },
        all.len() as f64 / 24.0,
        reasons.join(" · ")
    )
}

fn history(store: &DeskStore) -> String {
    let rows: Vec<String> = store
        .recent(15)
        .unwrap_or_default()
        .iter()
        .map(|i| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&i.request.kiosk.id),
                esc(&i.request.reason.replace('_', " ")),
                esc(&i.state),
                esc(i.acknowledged_by.as_deref().unwrap_or(""))
            )
        })
        .collect();
    format!(
        "<h2>Recent</h2><table><tr><th>Kiosk</th><th>Reason</th><th>Outcome</th><th>Agent</th></tr>{}</table>",
        rows.join("")
    )
}

pub fn index(store: &DeskStore, agent: &str, csrf: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>Concierge desk</title><style>{STYLE}</style></head><body>\
         <header>Concierge desk <span style=\"float:right;font-size:15px\">{}</span></header><main>\
         <h2>Open requests</h2><div id=\"open\">{}</div>{}{}</main><script>{SCRIPT}</script></body></html>",
        esc(agent),
        open_list(store, csrf),
        figures(store),
        history(store)
    )
}

pub fn login(error: Option<&str>) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>Concierge desk — sign in</title><style>{STYLE}</style></head><body>\
         <header>Concierge desk</header><main><div class=\"card\"><form method=\"post\" action=\"/login\">\
         <p><label>Name<br><input name=\"name\" autocomplete=\"username\" required></label></p>\
         <p><label>Password<br><input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label></p>\
         {}<button>Sign in</button></form></div></main></body></html>",
        error
            .map(|e| format!("<p class=\"tag\">{}</p>", esc(e)))
            .unwrap_or_default()
    )
}
