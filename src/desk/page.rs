//! The agents' page: server-rendered HTML, usable on a phone, live over Server-Sent Events.

use super::store::{DeskIncident, DeskStore};
use crate::i18n::Messages;
use fluent_bundle::FluentValue;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The pages' style sheet (`/desk.css`: the policy allows no inline style).
/// Urdu, Arabic and Hindi in the kiosk's own fonts, served by the desk: an agent's browser may
/// have none that covers them (a box for every ہ and ے).
pub const STYLE: &str = "@font-face{font-family:DeskNaskh;src:url(/fonts/naskh.ttf);\
unicode-range:U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF}\
@font-face{font-family:DeskDevanagari;src:url(/fonts/devanagari.ttf);unicode-range:U+0900-097F,U+A8E0-A8FF}\
body{font-family:system-ui,sans-serif,DeskNaskh,DeskDevanagari;margin:0;background:#f4f5f7;color:#111}\
html:lang(ur) body,html:lang(ar) body{font-family:DeskNaskh,system-ui,sans-serif}\
button,input{font-family:inherit}\
header{background:#0b2545;color:#fff;padding:12px 16px;font-size:20px}\
header .who{float:inline-end;font-size:15px}\
main{padding:12px;max-width:980px;margin:auto}\
.card{background:#fff;border-radius:8px;padding:12px 14px;margin:10px 0;box-shadow:0 1px 2px #0002}\
.card.escalated{border-inline-start:6px solid #b00020}.card.acknowledged{border-inline-start:6px solid #1b7f3a}\
.row{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:baseline}\
.big{font-size:18px;font-weight:600}.muted{color:#555}.tag{background:#b00020;color:#fff;border-radius:4px;padding:1px 6px;font-size:13px}\
button{font-size:16px;padding:10px 16px;margin-block:8px 0;margin-inline:0 8px;border-radius:6px;border:1px solid #0b2545;background:#0b2545;color:#fff}\
button.secondary{background:#fff;color:#0b2545}\
table{border-collapse:collapse;width:100%}td,th{text-align:start;padding:4px 6px;border-bottom:1px solid #ddd}\
form.inline{display:inline}header form{float:inline-end;margin-inline-start:12px}\
header button{font-size:14px;padding:4px 10px;margin:0;background:#fff;color:#0b2545}";

/// Live updates (`/desk.js`): the open list is fetched again on every change and twice a
/// minute (waiting times are counted by the server, in the agent's language). When the session
/// has ended (expired, signed out elsewhere, password changed) the page goes back to sign-in
/// instead of showing an empty list.
pub const SCRIPT: &str = "const signIn=()=>{location.href='/login';};\
const refresh=()=>fetch('/fragment',{cache:'no-store'}).then(r=>{\
if(r.status===401){signIn();return null;}return r.ok?r.text():null;})\
.then(h=>{if(h!==null)document.getElementById('open').innerHTML=h;}).catch(()=>{});\
const es=new EventSource('/events');es.onmessage=refresh;es.onerror=refresh;\
setInterval(refresh,30000);";

/// Characters of an incident key kept as they are in a URL path; the rest percent-encoded.
fn path_segment(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The desk's words in one agent's language.
pub struct Words<'a> {
    pub messages: &'a Messages,
    pub locale: &'a str,
}

impl Words<'_> {
    /// A message, escaped for HTML.
    pub fn text(&self, id: &str) -> String {
        self.t(id, &[])
    }

    pub fn text_with(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        self.t(id, args)
    }

    fn t(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        esc(&self.messages.get(self.locale, id, args))
    }

    /// The message `<prefix><code>`, or the code itself (in words) when there is none.
    fn named(&self, prefix: &str, code: &str) -> String {
        let id = format!("{prefix}{code}");
        if self.messages.has(crate::i18n::FALLBACK, &id) {
            self.t(&id, &[])
        } else {
            // Free text from a drill or a tool driving the kiosk.
            esc(&code.replace('_', " "))
        }
    }

    fn reason(&self, code: &str) -> String {
        match code.strip_prefix("assistance_") {
            Some(ssr) => self.t(
                "desk-reason-assistance",
                &[("service", ssr.to_ascii_uppercase().into())],
            ),
            None => self.named("desk-reason-", code),
        }
    }

    fn step(&self, code: &str) -> String {
        self.named("step-name-", code)
    }

    fn state(&self, state: &str) -> String {
        self.named("desk-state-", state)
    }

    /// `lang` and `dir` for the page's `<html>`.
    fn html_attributes(&self) -> String {
        let dir = match crate::i18n::direction(self.locale) {
            crate::i18n::Direction::RightToLeft => "rtl",
            crate::i18n::Direction::LeftToRight => "ltr",
        };
        format!("lang=\"{}\" dir=\"{dir}\"", esc(self.locale))
    }
}

fn urgency(i: &DeskIncident) -> (i64, i64) {
    (
        i.request.minutes_until_close.unwrap_or(i64::MAX),
        i.received_at,
    )
}

/// Open requests, most urgent first: minutes until check-in closes, then waiting time.
pub fn open_list(store: &DeskStore, csrf: &str, w: &Words) -> String {
    let mut open = store.open_incidents().unwrap_or_default();
    open.sort_by_key(urgency);
    if open.is_empty() {
        return format!("<p class=\"muted\">{}</p>", w.t("desk-no-open", &[]));
    }
    let now = chrono::Utc::now().timestamp_millis();
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
            w.reason(&r.reason)
        ));
        if i.escalated {
            html.push_str(&format!(
                "<span class=\"tag\">{}</span>",
                w.t("desk-escalated", &[])
            ));
        }
        let minutes = ((now - i.received_at) / 60_000).max(0);
        html.push_str(&format!(
            "<span class=\"muted\">{}</span></div>",
            w.t("desk-waiting", &[("minutes", minutes.into())])
        ));
        html.push_str(&format!(
            "<div class=\"row\"><span class=\"big\">{}</span><span>{}</span><span>{}</span><span>{}</span></div>",
            w.t("desk-kiosk", &[("kiosk", r.kiosk.id.as_str().into())]),
            esc(r.kiosk.airport.as_deref().unwrap_or("")),
            esc(r.kiosk.terminal.as_deref().unwrap_or("")),
            esc(&r.kiosk.location)
        ));
        let mut facts = Vec::new();
        if let Some(f) = &r.flight {
            facts.push(w.t("desk-flight", &[("flight", f.as_str().into())]));
        }
        match r.minutes_until_close {
            Some(m) if m > 0 => facts.push(w.t("desk-closes", &[("minutes", m.into())])),
            Some(_) => facts.push(w.t("desk-closed-already", &[])),
            None => {}
        }
        facts.push(w.t("desk-step", &[("step", w.step(&r.step).into())]));
        let language = w.messages.get(&r.locale, "language-name", &[]);
        facts.push(w.t("desk-language", &[("language", language.into())]));
        if let Some(name) = &r.first_name {
            facts.push(w.t("desk-passenger", &[("name", name.as_str().into())]));
        }
        html.push_str(&format!("<div class=\"row\">{}</div>", facts.join(" · ")));
        if let Some(agent) = &i.acknowledged_by {
            html.push_str(&format!(
                "<div class=\"row\"><span>{}</span></div>",
                w.t("desk-on-the-way", &[("agent", agent.as_str().into())])
            ));
        }
        let key = esc(&path_segment(&i.key));
        let csrf = esc(csrf);
        if i.state == "open" {
            html.push_str(&format!(
                "<form method=\"post\" action=\"/incidents/{key}/ack\" class=\"inline\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button>{}</button></form>",
                w.t("desk-acknowledge", &[])
            ));
        }
        html.push_str(&format!(
            "<form method=\"post\" action=\"/incidents/{key}/resolve\" class=\"inline\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button class=\"secondary\">{}</button></form>",
            w.t("desk-resolve", &[])
        ));
        html.push_str("</div>");
    }
    html
}

fn figures(store: &DeskStore, w: &Words) -> String {
    let day_ago = chrono::Utc::now().timestamp_millis() - 24 * 3600 * 1000;
    let all = store.since(day_ago).unwrap_or_default();
    let mut waits: Vec<i64> = all
        .iter()
        .filter_map(|i| i.acknowledged_at.map(|a| (a - i.received_at) / 1000))
        .collect();
    waits.sort_unstable();
    let median = waits
        .get(waits.len() / 2)
        .map(|s| w.t("desk-seconds", &[("seconds", (*s).into())]))
        .unwrap_or_else(|| w.t("desk-no-figure", &[]));
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
        .map(|(r, n)| format!("{} {n}", w.reason(r)))
        .collect();
    let rate = format!("{:.1}", all.len() as f64 / 24.0);
    format!(
        "<div class=\"card\"><div class=\"row\"><span><b>{}</b> ({})</span>\
         <span>{}</span></div><div class=\"row muted\">{}</div></div>",
        w.t("desk-last-day", &[("count", all.len().into())]),
        w.t("desk-per-hour", &[("rate", rate.into())]),
        w.t("desk-median-ack", &[("time", median.into())]),
        reasons.join(" · ")
    )
}

fn history(store: &DeskStore, w: &Words) -> String {
    let rows: Vec<String> = store
        .recent(15)
        .unwrap_or_default()
        .iter()
        .map(|i| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&i.request.kiosk.id),
                w.reason(&i.request.reason),
                w.state(&i.state),
                esc(i.acknowledged_by.as_deref().unwrap_or(""))
            )
        })
        .collect();
    format!(
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>",
        w.t("desk-recent", &[]),
        w.t("desk-col-kiosk", &[]),
        w.t("desk-col-reason", &[]),
        w.t("desk-col-outcome", &[]),
        w.t("desk-col-agent", &[]),
        rows.join("")
    )
}

pub fn index(store: &DeskStore, agent: &str, csrf: &str, w: &Words) -> String {
    format!(
        "<!doctype html><html {}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/desk.css\"></head><body>\
         <header>{title} <form method=\"post\" action=\"/logout\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\"><button>{}</button></form>\
         <span class=\"who\">{}</span></header><main>\
         <h2>{}</h2><div id=\"open\">{}</div>{}{}</main><script src=\"/desk.js\"></script></body></html>",
        w.html_attributes(),
        esc(csrf),
        w.t("desk-sign-out", &[]),
        w.t("desk-signed-in-as", &[("agent", agent.into())]),
        w.t("desk-open-requests", &[]),
        open_list(store, csrf, w),
        figures(store, w),
        history(store, w),
        title = w.t("desk-title", &[]),
    )
}

/// The sign-in page; `notice` is HTML already escaped (a [`Words::text`]); `token` goes back
/// with the form.
pub fn login(notice: Option<&str>, token: &str, w: &Words) -> String {
    format!(
        "<!doctype html><html {}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"/desk.css\"></head><body>\
         <header>{}</header><main><div class=\"card\"><form method=\"post\" action=\"/login\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <p><label>{}<br><input name=\"name\" autocomplete=\"username\" required></label></p>\
         <p><label>{}<br><input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label></p>\
         {}<button>{}</button></form></div></main></body></html>",
        w.html_attributes(),
        w.t("desk-sign-in-title", &[]),
        w.t("desk-title", &[]),
        esc(token),
        w.t("desk-name", &[]),
        w.t("desk-password", &[]),
        match notice {
            Some(text) => format!("<p class=\"tag\">{text}</p>"),
            None => String::new(),
        },
        w.t("desk-sign-in", &[]),
    )
}
