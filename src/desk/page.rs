//! The agents' page: server-rendered HTML, usable on a phone, live over Server-Sent Events.

use super::store::{DeskBackend, DeskIncident, StaffAction, TimelineEntry, rfc3339_ms};
use crate::i18n::Messages;
use fluent_bundle::FluentValue;

pub(crate) fn esc(s: &str) -> String {
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
button,input,select{font-family:inherit;font-size:16px}\
header{background:#0b2545;color:#fff;padding:10px 16px;font-size:20px;display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px}\
header .title{flex:1 1 auto}header .who{font-size:15px;min-width:0;overflow-wrap:anywhere}\
main{padding:12px;max-width:980px;margin:auto}\
.card{background:#fff;border-radius:8px;padding:12px 14px;margin:10px 0;box-shadow:0 1px 2px #0002}\
.card.escalated{border-inline-start:6px solid #b00020}.card.acknowledged{border-inline-start:6px solid #1b7f3a}\
.card.drill{background:repeating-linear-gradient(135deg,#fff,#fff 14px,#fff6d6 14px,#fff6d6 28px);border:2px dashed #8a6d00}\
.tag.drill{background:#8a6d00}.todo{background:#fdecea;border-radius:6px;padding:6px 10px;margin:6px 0}\
.warn{color:#b00020;font-weight:600}\
.row{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:baseline}\
.big{font-size:18px;font-weight:600}.muted{color:#555}.tag{background:#b00020;color:#fff;border-radius:4px;padding:1px 6px;font-size:13px}\
button{padding:10px 16px;margin-block:8px 0;margin-inline:0 8px;border-radius:6px;border:1px solid #0b2545;background:#0b2545;color:#fff}\
button.secondary{background:#fff;color:#0b2545}\
select{padding:9px 8px;border-radius:6px;border:1px solid #0b2545;background:#fff;margin-block:8px 0;margin-inline:0 8px}\
input[type=text],input[type=password],input:not([type]){font-size:16px;padding:9px 10px;border:1px solid #888;border-radius:6px;max-width:100%;box-sizing:border-box}\
details{margin-top:8px}summary{cursor:pointer;color:#0b2545}ol.timeline{margin:6px 0;padding-inline-start:20px}\
ol.timeline li{margin:2px 0}ol.timeline time{color:#555;margin-inline-end:8px}\
table{border-collapse:collapse;width:100%}td,th{text-align:start;padding:4px 6px;border-bottom:1px solid #ddd}\
.table{overflow-x:auto}\
form.inline{display:inline}header form{margin:0}\
header button{font-size:14px;padding:4px 10px;margin:0;background:#fff;color:#0b2545}\
.bar{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center}\
.offline{background:#b00020;color:#fff;padding:8px 12px;border-radius:6px;font-weight:600}\
.notice{background:#fff3cd;border:1px solid #8a6d00;padding:8px 12px;border-radius:6px}\
time,[data-ago],[data-until]{unicode-bidi:isolate}\
header a.nav{color:#fff;font-size:15px}\
.kiosks{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:0 12px}\
.card.kiosk.problem{border-inline-start:6px solid #b00020}.tag.ok{background:#1b7f3a}\
ul.devices{list-style:none;padding:0;margin:6px 0;display:grid;grid-template-columns:1fr 1fr;gap:2px 12px}\
svg.chart{direction:ltr;width:100%;height:auto;background:#fff;border-radius:8px}\
form.bar a{margin-inline-start:8px}\
.refused pre,.problems pre,.problems code,pre.diff,pre.files{white-space:pre-wrap;overflow-wrap:anywhere;font-size:13px;text-align:left;direction:ltr}\
.refused{margin-top:6px}.problems{border-inline-start:6px solid #b00020}.notice.ok{background:#e7f5ec;border-color:#1b7f3a}\
main.config{max-width:1400px}main.config textarea{width:100%;box-sizing:border-box;font:14px/1.4 ui-monospace,monospace}\
main.config label{display:block;margin:8px 0}main.config fieldset{border:1px solid #ccc;border-radius:6px;margin:8px 0;min-width:0}\
main.config input[type=file]{max-width:100%}\
ul.files{list-style:none;padding:0;margin:4px 0}.scroll{overflow-x:auto}\
figure.pair{margin:12px 0}.side{display:grid;grid-template-columns:1fr 1fr;gap:8px}\
figure.pair img{width:100%;height:auto;border:1px solid #999;border-radius:4px}\
pre.diff ins{color:#1b7f3a;text-decoration:none}pre.diff del{color:#b00020;text-decoration:none}\
ol.log{list-style:none;padding:0}\
@media (max-width:700px){.side{grid-template-columns:1fr}}\
[hidden]{display:none!important}";

/// Live updates (`/desk.js`): the live part is fetched again on every change (server-sent
/// events) and every 15 seconds; times of day are shown in the agent's own time zone and the
/// countdowns tick every few seconds in the agent's language. A new or escalated page rings (a
/// tone, a notification — through the service worker, so phones show it too), and the title
/// counts the pages nobody has taken. When the desk cannot be reached the page says so. When the
/// session has ended (expired, idle, signed out elsewhere, password changed) the page goes back to
/// sign-in instead of showing an empty list.
pub const SCRIPT: &str = r#"(()=>{
const lang=document.documentElement.lang||'en';
const $=id=>document.getElementById(id);
const base=document.body.dataset.title||document.title;
let seen=null,active=false,offline=false,audio=null,reg=null;
const rings=()=>Number(document.body.dataset.rings||0);
addEventListener('pointerdown',()=>{active=true;},true);
addEventListener('keydown',()=>{active=true;},true);
const signIn=()=>{location.href='/login';};
const rel=(()=>{try{return new Intl.RelativeTimeFormat(lang,{numeric:'always'});}catch(e){return null;}})();
const tick=()=>{const now=Date.now();
document.querySelectorAll('time[data-at]').forEach(t=>{const d=new Date(Number(t.dataset.at));
try{t.textContent=d.toLocaleTimeString(lang,{hour:'2-digit',minute:'2-digit',hourCycle:'h23'});}catch(e){}});
if(!rel)return;
document.querySelectorAll('[data-ago]').forEach(e=>{const m=Math.max(0,Math.floor((now-Number(e.dataset.ago))/60000));e.textContent=rel.format(-m,'minute');});
document.querySelectorAll('[data-until]').forEach(e=>{const m=Math.max(0,Math.ceil((Number(e.dataset.until)-now)/60000));e.textContent=rel.format(m,'minute');});};
const title=()=>{const live=$('live');const n=live?Number(live.dataset.unacknowledged||0):0;
document.title=(offline?'\u26a0 ':'')+(n>0?'('+n+') ':'')+base;};
const setOffline=v=>{offline=v;const o=$('offline');if(o)o.hidden=!v;title();};
const tone=()=>{try{audio=audio||new AudioContext();if(audio.state==='suspended')audio.resume();
const t0=audio.currentTime;[[880,0],[660,0.25]].forEach(([f,at])=>{const o=audio.createOscillator(),g=audio.createGain();
o.frequency.value=f;g.gain.setValueAtTime(0.3,t0+at);g.gain.exponentialRampToValueAtTime(0.001,t0+at+0.22);
o.connect(g).connect(audio.destination);o.start(t0+at);o.stop(t0+at+0.23);});
document.body.dataset.rings=String(rings()+1);}catch(e){}};
const notify=(heading,body,tag)=>{if(!('Notification' in window)||Notification.permission!=='granted')return;
const opts={body:body,tag:tag,renotify:true,requireInteraction:true};
if(reg&&reg.showNotification){reg.showNotification(heading,opts).catch(()=>{});}
else{try{new Notification(heading,opts);}catch(e){}}};
const alerts=()=>{const cards=[...document.querySelectorAll('#live [data-incident]')];const now={};
cards.forEach(c=>{now[c.dataset.incident]={open:c.dataset.state==='open',esc:c.dataset.escalated==='1'};
if(seen===null||!now[c.dataset.incident].open)return;const was=seen[c.dataset.incident];
if(!was||(now[c.dataset.incident].esc&&!was.esc)){tone();
notify(was?c.dataset.alertEscalated:c.dataset.alertNew,c.dataset.summary||'',c.dataset.incident);}});
seen=now;};
const filter=()=>{const f=$('filter');const v=f?f.value:'';
document.querySelectorAll('#live [data-incident]').forEach(c=>{c.hidden=v!==''&&c.dataset.airport!==v;});
if(f){const have=new Set([...f.options].map(o=>o.value));
document.querySelectorAll('#live [data-airport]').forEach(c=>{const a=c.dataset.airport;
if(a&&!have.has(a)){have.add(a);f.add(new Option(a,a));}});}};
const refresh=()=>{const h={};if(active){h['X-Desk-Active']='1';active=false;}
return fetch('/fragment',{cache:'no-store',headers:h}).then(r=>{
if(r.status===401){signIn();return null;}if(!r.ok){setOffline(true);return null;}return r.text();})
.then(t=>{if(t===null)return;$('live').outerHTML=t;setOffline(false);filter();tick();alerts();title();})
.catch(()=>setOffline(true));};
const f=$('filter');if(f){f.value=localStorage.getItem('desk-filter')||'';
f.addEventListener('change',()=>{localStorage.setItem('desk-filter',f.value);filter();});}
const button=$('alerts');
const ready=()=>{if(!button)return;const on=('Notification' in window)&&Notification.permission==='granted'&&audio;
button.textContent=on?button.dataset.on:button.dataset.off;button.classList.toggle('secondary',!!on);};
if(button)button.addEventListener('click',()=>{audio=audio||new AudioContext();audio.resume();
const p=('Notification' in window)?Notification.requestPermission():Promise.resolve('denied');
Promise.resolve(p).then(ready,ready);});
if('serviceWorker' in navigator){navigator.serviceWorker.register('/desk-sw.js').then(()=>navigator.serviceWorker.ready).then(r=>{reg=r;}).catch(()=>{});}
filter();tick();alerts();title();ready();
const es=new EventSource('/events');es.onmessage=refresh;es.onopen=refresh;es.onerror=()=>setOffline(true);
setInterval(refresh,15000);setInterval(tick,5000);
})();"#;

/// The service worker (`/desk-sw.js`): shows notifications where a page alone cannot (phones),
/// and a tap on one brings the desk's page forward.
pub const SERVICE_WORKER: &str = "self.addEventListener('install',()=>self.skipWaiting());\
self.addEventListener('activate',e=>e.waitUntil(self.clients.claim()));\
self.addEventListener('notificationclick',e=>{e.notification.close();\
e.waitUntil(self.clients.matchAll({type:'window'}).then(cs=>{for(const c of cs){if('focus' in c)return c.focus();}\
return self.clients.openWindow('/');}));});";

/// The `<option>`s of an airport filter: each airport once, in order, `chosen` selected.
pub(crate) fn airport_options(airports: impl IntoIterator<Item = String>, chosen: &str) -> String {
    let mut airports: Vec<String> = airports.into_iter().collect();
    airports.sort();
    airports.dedup();
    airports
        .iter()
        .map(|a| {
            let selected = if a == chosen { " selected" } else { "" };
            format!("<option value=\"{0}\"{selected}>{0}</option>", esc(a))
        })
        .collect()
}

/// Characters of an incident key kept as they are in a URL path; the rest percent-encoded.
pub fn path_segment(s: &str) -> String {
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

    /// A message with markup in some of its places: `slots` (name, HTML) go in as they are,
    /// the rest of the text is escaped.
    fn html(&self, id: &str, args: &[(&str, FluentValue)], slots: &[(&str, String)]) -> String {
        let mut all: Vec<(&str, FluentValue)> = args.to_vec();
        for (i, (name, _)) in slots.iter().enumerate() {
            all.push((name, format!("\u{E000}{i}\u{E001}").into()));
        }
        let mut text = self.t(id, &all);
        for (i, (_, html)) in slots.iter().enumerate() {
            text = text.replace(&format!("\u{E000}{i}\u{E001}"), html);
        }
        text
    }

    /// [`Self::html`] for the desk's other pages.
    pub(crate) fn html_with(
        &self,
        id: &str,
        args: &[(&str, FluentValue)],
        slots: &[(&str, String)],
    ) -> String {
        self.html(id, args, slots)
    }

    /// The message `<prefix><code>`, or the code in words.
    pub(crate) fn named_text(&self, prefix: &str, code: &str) -> String {
        self.named(prefix, code, &[])
    }

    fn has(&self, id: &str) -> bool {
        self.messages.has(crate::i18n::FALLBACK, id)
    }

    /// The message `<prefix><code>`, or the code itself (in words) when there is none.
    fn named(&self, prefix: &str, code: &str, args: &[(&str, FluentValue)]) -> String {
        let id = format!("{prefix}{code}");
        if self.messages.has(crate::i18n::FALLBACK, &id) {
            self.t(&id, args)
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
            None => self.named("desk-reason-", code, &[]),
        }
    }

    fn step(&self, code: &str) -> String {
        self.named("step-name-", code, &[])
    }

    fn state(&self, state: &str) -> String {
        self.named("desk-state-", state, &[])
    }

    /// `lang` and `dir` for the page's `<html>`.
    pub(crate) fn html_attributes(&self) -> String {
        let dir = match crate::i18n::direction(self.locale) {
            crate::i18n::Direction::RightToLeft => "rtl",
            crate::i18n::Direction::LeftToRight => "ltr",
        };
        format!("lang=\"{}\" dir=\"{dir}\"", esc(self.locale))
    }
}

/// Who is looking at the page.
pub struct Viewer {
    pub name: String,
    pub csrf: String,
    /// The agent's airport (or terminal): its pages come first.
    pub airport: Option<String>,
    /// Every agent, for hand-over.
    pub agents: Vec<String>,
}

impl Viewer {
    pub async fn of(store: &dyn DeskBackend, name: &str, csrf: &str) -> Viewer {
        Viewer {
            name: name.to_string(),
            csrf: csrf.to_string(),
            airport: store.agent_airport(name).await.ok().flatten(),
            agents: store
                .agents()
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|a| a.name)
                .collect(),
        }
    }

    fn is_home(&self, i: &DeskIncident) -> bool {
        let k = &i.request.kiosk;
        self.airport.as_deref().is_some_and(|mine| {
            k.airport.as_deref() == Some(mine) || k.terminal.as_deref() == Some(mine)
        })
    }
}

/// A time of day, shown in the agent's own zone and language by the page's script (UTC
/// without it).
pub(crate) fn time(ms: i64) -> String {
    let utc = chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%H:%M UTC").to_string())
        .unwrap_or_default();
    let iso = chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default();
    format!("<time datetime=\"{iso}\" data-at=\"{ms}\">{utc}</time>")
}

/// "5 minutes ago", counted on by the page's script.
fn ago(w: &Words, ms: i64, now: i64) -> String {
    let minutes = ((now - ms) / 60_000).max(0);
    format!(
        "<span data-ago=\"{ms}\">{}</span>",
        w.t("desk-minutes-ago", &[("minutes", minutes.into())])
    )
}

/// "in 12 minutes", counted down by the page's script.
fn until(w: &Words, ms: i64, now: i64) -> String {
    let minutes = ((ms - now + 59_999) / 60_000).max(0);
    format!(
        "<span data-until=\"{ms}\">{}</span>",
        w.t("desk-in-minutes", &[("minutes", minutes.into())])
    )
}

/// When the passenger asked: the first ask (or the ask that reopened it), as the kiosk dated it.
fn asked_at(i: &DeskIncident, timeline: &[TimelineEntry]) -> i64 {
    timeline
        .iter()
        .rev()
        .find(|e| e.kind == "raised" || e.kind == "reopened")
        .map(|e| e.at)
        .unwrap_or(i.received_at)
}

fn closes_at(i: &DeskIncident) -> Option<i64> {
    i.request
        .closes_at
        .as_deref()
        .and_then(rfc3339_ms)
        .or_else(|| {
            // Older kiosks sent only the minutes left when they asked.
            let asked = rfc3339_ms(&i.request.requested_at)?;
            Some(asked + i.request.minutes_until_close? * 60_000)
        })
}

/// Open requests: the agent's own airport first, then the soonest closing check-in, then the
/// longest waiting.
fn open_list(snapshot: &Snapshot, v: &Viewer, w: &Words, now: i64) -> (String, usize) {
    let mut open: Vec<&(DeskIncident, Vec<TimelineEntry>)> = snapshot.open.iter().collect();
    open.sort_by_key(|(i, t)| {
        (
            !v.is_home(i),
            closes_at(i).unwrap_or(i64::MAX),
            asked_at(i, t),
        )
    });
    let unacknowledged = open.iter().filter(|(i, _)| i.state == "open").count();
    if open.is_empty() {
        return (
            format!("<p class=\"muted\">{}</p>", w.t("desk-no-open", &[])),
            0,
        );
    }
    let html: String = open.iter().map(|(i, t)| card(i, t, v, w, now)).collect();
    (html, unacknowledged)
}

fn card(i: &DeskIncident, timeline: &[TimelineEntry], v: &Viewer, w: &Words, now: i64) -> String {
    let r = &i.request;
    let mut class = String::from("card");
    if i.state == "acknowledged" {
        class.push_str(" acknowledged");
    } else if i.escalated {
        class.push_str(" escalated");
    }
    if r.drill {
        class.push_str(" drill");
    }
    let summary = format!(
        "{} · {}",
        w.reason(&r.reason),
        w.t("desk-kiosk", &[("kiosk", r.kiosk.id.as_str().into())])
    );
    let mut html = format!(
        "<div class=\"{class}\" data-incident=\"{}\" data-state=\"{}\" data-escalated=\"{}\" \
         data-airport=\"{}\" data-summary=\"{summary}\" data-alert-new=\"{}\" data-alert-escalated=\"{}\">",
        esc(&i.key),
        esc(&i.state),
        u8::from(i.escalated),
        esc(r.kiosk.airport.as_deref().unwrap_or("")),
        w.t("desk-alert-new", &[("kiosk", r.kiosk.id.as_str().into())]),
        w.t(
            "desk-alert-escalated",
            &[("kiosk", r.kiosk.id.as_str().into())]
        ),
    );
    html.push_str("<div class=\"row\">");
    html.push_str(&format!(
        "<span class=\"big\">{}</span>",
        w.reason(&r.reason)
    ));
    if r.drill {
        html.push_str(&format!(
            "<span class=\"tag drill\">{}</span>",
            w.t("desk-drill", &[])
        ));
    }
    if i.escalated {
        html.push_str(&format!(
            "<span class=\"tag\">{}</span>",
            w.t("desk-escalated", &[])
        ));
    }
    let asked = asked_at(i, timeline);
    html.push_str(&format!(
        "<span class=\"muted\">{}</span>",
        w.html("desk-asked", &[], &[("ago", ago(w, asked, now))])
    ));
    if i.received_at - asked >= 60_000 {
        html.push_str(&format!(
            "<span class=\"warn\">{}</span>",
            w.html("desk-received", &[], &[("ago", ago(w, i.received_at, now))])
        ));
    }
    html.push_str("</div>");
    if r.drill {
        html.push_str(&format!(
            "<div class=\"row muted\">{}</div>",
            w.t("desk-drill-note", &[])
        ));
    }
    html.push_str(&format!(
        "<div class=\"row\"><span class=\"big\">{}</span><span>{}</span><span>{}</span><span>{}</span>{}</div>",
        w.t("desk-kiosk", &[("kiosk", r.kiosk.id.as_str().into())]),
        esc(r.kiosk.airport.as_deref().unwrap_or("")),
        esc(r.kiosk.terminal.as_deref().unwrap_or("")),
        esc(&r.kiosk.location),
        if v.is_home(i) {
            format!("<span class=\"muted\">({})</span>", w.t("desk-yours", &[]))
        } else {
            String::new()
        }
    ));
    let mut facts = Vec::new();
    if let Some(f) = &r.flight {
        facts.push(w.t("desk-flight", &[("flight", f.as_str().into())]));
    }
    match closes_at(i) {
        Some(at) if at > now => facts.push(format!(
            "<b>{}</b>",
            w.html(
                "desk-closes-at",
                &[],
                &[("time", time(at)), ("in", until(w, at, now))]
            )
        )),
        Some(_) => facts.push(format!(
            "<span class=\"warn\">{}</span>",
            w.t("desk-closed-already", &[])
        )),
        None => {}
    }
    if let Some(code) = &r.service {
        facts.push(w.t("desk-service", &[("code", code.as_str().into())]));
    }
    facts.push(w.t("desk-step", &[("step", w.step(&r.step).into())]));
    let language = w.messages.get(&r.locale, "language-name", &[]);
    facts.push(w.t("desk-language", &[("language", language.into())]));
    if let Some(name) = &r.first_name {
        facts.push(w.t("desk-passenger", &[("name", name.as_str().into())]));
    }
    // One flex item: the sentence wraps as text, its times inline.
    html.push_str(&format!(
        "<div class=\"row\"><span>{}</span></div>",
        facts.join(" · ")
    ));
    if let Some(code) = &r.service {
        let todo = format!("desk-todo-{code}");
        if w.has(&todo) {
            html.push_str(&format!("<div class=\"todo\">{}</div>", w.t(&todo, &[])));
        }
    }
    if i.escalated
        && let Some(at) = r.escalated_at.as_deref().and_then(rfc3339_ms)
    {
        html.push_str(&format!(
            "<div class=\"row warn\"><span>{}</span></div>",
            w.html(
                "desk-escalated-to",
                &[("to", r.escalated_to.join(", ").into())],
                &[("time", time(at))]
            )
        ));
    }
    if i.state == "open"
        && let Some(at) = r.gives_up_at.as_deref().and_then(rfc3339_ms)
        && at <= now
    {
        html.push_str(&format!(
            "<div class=\"row warn\"><span>{}</span></div>",
            w.html("desk-gave-up", &[], &[("time", time(at))])
        ));
    }
    if let Some(agent) = &i.acknowledged_by {
        html.push_str(&format!(
            "<div class=\"row\"><span>{}</span></div>",
            w.t("desk-on-the-way", &[("agent", agent.as_str().into())])
        ));
    }
    let key = esc(&path_segment(&i.key));
    let csrf = esc(&v.csrf);
    let button = |action: &str, class: &str, label: &str| {
        format!(
            "<form method=\"post\" action=\"/incidents/{key}/{action}\" class=\"inline\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button{class}>{label}</button></form>"
        )
    };
    html.push_str("<div class=\"bar\">");
    if i.state == "open" {
        html.push_str(&button("ack", "", &w.t("desk-acknowledge", &[])));
    }
    html.push_str(&button(
        "resolve",
        " class=\"secondary\"",
        &w.t("desk-resolve", &[]),
    ));
    if i.state == "acknowledged" {
        html.push_str(&button(
            "release",
            " class=\"secondary\"",
            &w.t("desk-release", &[]),
        ));
    }
    let others: String = v
        .agents
        .iter()
        .filter(|a| i.acknowledged_by.as_deref() != Some(a.as_str()))
        .map(|a| format!("<option>{}</option>", esc(a)))
        .collect();
    if !others.is_empty() {
        html.push_str(&format!(
            "<form method=\"post\" action=\"/incidents/{key}/handover\" class=\"inline\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
             <button class=\"secondary\">{}</button><select name=\"to\" aria-label=\"{}\">{others}</select></form>",
            w.t("desk-hand-over", &[]),
            w.t("desk-hand-over", &[]),
        ));
    }
    html.push_str("</div>");
    html.push_str(&format!(
        "<details><summary>{} ({})</summary>{}\
         <form method=\"post\" action=\"/incidents/{key}/note\" class=\"bar\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <input name=\"text\" maxlength=\"{}\" aria-label=\"{}\" placeholder=\"{}\" required>\
         <button class=\"secondary\">{}</button></form></details>",
        w.t("desk-timeline", &[]),
        timeline.len(),
        timeline_list(timeline, w),
        super::store::NOTE_CHARS,
        w.t("desk-note", &[]),
        w.t("desk-note", &[]),
        w.t("desk-add-note", &[]),
    ));
    html.push_str("</div>");
    html
}

/// An incident's timeline, oldest first, each line with its time.
fn timeline_list(timeline: &[TimelineEntry], w: &Words) -> String {
    let items: String = timeline
        .iter()
        .map(|e| {
            let agent = e.agent.as_deref().unwrap_or("");
            let detail = e.detail.as_deref().unwrap_or("");
            let detail = if e.kind == "updated" {
                w.reason(detail)
            } else {
                detail.to_string()
            };
            if let Some(action) = e.kind.strip_prefix("staff_") {
                let mut text = w.text_with(
                    "desk-event-staff",
                    &[
                        ("agent", agent.into()),
                        ("action", w.named("desk-staff-", action, &[]).into()),
                    ],
                );
                if !detail.is_empty() {
                    text.push_str(&format!(" — {}", esc(&detail)));
                }
                return format!("<li>{}{text}</li>", time(e.at));
            }
            let text = w.named(
                "desk-event-",
                &e.kind,
                &[
                    ("agent", agent.into()),
                    ("to", detail.as_str().into()),
                    ("text", detail.as_str().into()),
                    ("detail", detail.as_str().into()),
                ],
            );
            format!("<li>{}{text}</li>", time(e.at))
        })
        .collect();
    format!("<ol class=\"timeline\">{items}</ol>")
}

fn figures(all: &[DeskIncident], w: &Words) -> String {
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
    for i in all {
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
        "<div class=\"card\" id=\"figures\"><div class=\"row\"><span><b>{}</b> ({})</span>\
         <span>{}</span></div><div class=\"row muted\">{}</div></div>",
        w.t("desk-last-day", &[("count", all.len().into())]),
        w.t("desk-per-hour", &[("rate", rate.into())]),
        w.t("desk-median-ack", &[("time", median.into())]),
        reasons.join(" · ")
    )
}

fn history(recent: &[DeskIncident], w: &Words) -> String {
    let rows: Vec<String> = recent
        .iter()
        .map(|i| {
            format!(
                "<tr data-recent=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&i.key),
                i.closed_at.map(time).unwrap_or_default(),
                esc(&i.request.kiosk.id),
                w.reason(&i.request.reason),
                w.state(&i.state),
                esc(i.acknowledged_by.as_deref().unwrap_or("")),
                esc(i.resolved_by.as_deref().unwrap_or("")),
            )
        })
        .collect();
    format!(
        "<h2>{}</h2><div class=\"table\"><table id=\"recent\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table></div>",
        w.t("desk-recent", &[]),
        w.t("desk-col-time", &[]),
        w.t("desk-col-kiosk", &[]),
        w.t("desk-col-reason", &[]),
        w.t("desk-col-outcome", &[]),
        w.t("desk-col-agent", &[]),
        w.t("desk-col-resolved-by", &[]),
        rows.join("")
    )
}

/// What staff did at the kiosks lately.
fn staff_at_kiosks(actions: &[StaffAction], w: &Words) -> String {
    if actions.is_empty() {
        return String::new();
    }
    let rows: Vec<String> = actions
        .iter()
        .map(|a| {
            format!(
                "<tr data-staff-action><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                time(a.at),
                esc(&a.kiosk),
                esc(&a.staff),
                w.named("desk-staff-", &a.action, &[]),
                esc(a.detail.as_deref().unwrap_or("")),
            )
        })
        .collect();
    format!(
        "<h2>{}</h2><div class=\"table\"><table id=\"staff-actions\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table></div>",
        w.t("desk-staff-title", &[]),
        w.t("desk-col-time", &[]),
        w.t("desk-col-kiosk", &[]),
        w.t("desk-col-staff", &[]),
        w.t("desk-col-action", &[]),
        w.t("desk-col-detail", &[]),
        rows.join("")
    )
}

/// The live part of the page: open requests, the last day's figures, recent ones. Fetched
/// again (`/fragment`) on every change.
pub fn live(snapshot: &Snapshot, v: &Viewer, w: &Words, now: i64) -> String {
    let (open, unacknowledged) = open_list(snapshot, v, w, now);
    format!(
        "<div id=\"live\" data-unacknowledged=\"{unacknowledged}\"><h2>{}</h2><div id=\"open\">{open}</div>{}{}{}{}</div>",
        w.t("desk-open-requests", &[]),
        kiosk_alerts(&snapshot.alerts, v, w),
        figures(&snapshot.day, w),
        staff_at_kiosks(&snapshot.staff, w),
        history(&snapshot.recent, w),
    )
}

/// Kiosks that need someone, under the open requests: a kiosk gone quiet or out of paper is
/// an agent's to see to as much as a page (the agent's airport first; the fleet page has the
/// rest).
fn kiosk_alerts(alerts: &[crate::desk::store::FleetAlert], v: &Viewer, w: &Words) -> String {
    if alerts.is_empty() {
        return String::new();
    }
    let mine = |a: &crate::desk::store::FleetAlert| match (&v.airport, &a.airport) {
        (Some(want), Some(at)) => want == at,
        _ => false,
    };
    let mut sorted: Vec<&crate::desk::store::FleetAlert> = alerts.iter().collect();
    sorted.sort_by_key(|a| !mine(a));
    let items: String = sorted
        .iter()
        .map(|a| {
            format!(
                "<li data-kiosk=\"{}\" data-alert=\"{}\"><bdi class=\"big\">{}</bdi> <bdi>{}</bdi> · {} · <bdi>{}</bdi></li>",
                esc(&a.kiosk),
                esc(&a.kind),
                esc(&a.kiosk),
                esc(a.airport.as_deref().unwrap_or("")),
                w.named_text("desk-fleet-alert-", &a.kind),
                time(a.raised_at),
            )
        })
        .collect();
    format!(
        "<section class=\"card problems\" id=\"kiosk-alerts\"><h3>{}</h3><ul>{items}</ul>\
         <a href=\"/fleet\">{}</a></section>",
        w.t("desk-kiosk-alerts", &[]),
        w.t("desk-fleet-title", &[]),
    )
}

/// What the page shows, read from the store before it is drawn.
#[derive(Default)]
pub struct Snapshot {
    /// Open requests, each with its timeline.
    pub open: Vec<(DeskIncident, Vec<TimelineEntry>)>,
    /// The last day's requests (the figures).
    pub day: Vec<DeskIncident>,
    /// The most recently closed.
    pub recent: Vec<DeskIncident>,
    /// Staff actions at the kiosks lately.
    pub staff: Vec<StaffAction>,
    /// Kiosks that need someone (gone quiet, printer out).
    pub alerts: Vec<crate::desk::store::FleetAlert>,
}

impl Snapshot {
    /// Reads it all; what cannot be read shows as empty (the page says so by its absence
    /// rather than failing).
    pub async fn load(store: &dyn DeskBackend, now: i64) -> Snapshot {
        // Two reads however many pages are open (one per page made the list slow to fetch
        // with hundreds open: scripts/fleet-load.py).
        let mut timelines = store.open_timelines().await.unwrap_or_default();
        let open = store
            .open_incidents()
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|i| {
                let t = timelines.remove(&i.key).unwrap_or_default();
                (i, t)
            })
            .collect();
        Snapshot {
            open,
            day: store
                .since(now - 24 * 3600 * 1000)
                .await
                .unwrap_or_default(),
            recent: store.recent(15).await.unwrap_or_default(),
            staff: store.staff_actions(10).await.unwrap_or_default(),
            alerts: store.fleet_alerts().await.unwrap_or_default(),
        }
    }
}

/// What the agent's last action met, in words: another agent has it, it is closed, or gone.
/// `holder`: who has the page now, for "taken".
pub fn notice(said: &str, holder: Option<&str>, w: &Words) -> String {
    let text = match said {
        "taken" => match holder {
            Some(agent) => w.t("desk-taken", &[("agent", agent.into())]),
            None => w.t("desk-already-closed", &[]),
        },
        "closed" => w.t("desk-already-closed", &[]),
        _ => w.t("desk-gone", &[]),
    };
    format!("<p class=\"notice\" role=\"status\" id=\"notice\">{text}</p>")
}

pub fn index(snapshot: &Snapshot, v: &Viewer, notice: Option<&str>, w: &Words, now: i64) -> String {
    let mut airports: Vec<String> = snapshot
        .open
        .iter()
        .filter_map(|(i, _)| i.request.kiosk.airport.clone())
        .chain(v.airport.clone())
        .collect();
    airports.sort();
    airports.dedup();
    let options: String = airports
        .iter()
        .map(|a| format!("<option value=\"{0}\">{0}</option>", esc(a)))
        .collect();
    format!(
        "<!doctype html><html {}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/desk.css\"></head><body data-title=\"{title}\">\
         <header><span class=\"title\">{title}</span><span class=\"who\">{}</span>\
         <a class=\"nav\" href=\"/fleet\">{}</a>\
         <form method=\"post\" action=\"/logout\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\"><button>{}</button></form></header><main>\
         <p class=\"offline\" id=\"offline\" role=\"alert\" hidden>{}</p>{}\
         <div class=\"bar\"><button id=\"alerts\" data-off=\"{alerts_off}\" data-on=\"{}\">{alerts_off}</button>\
         <label>{} <select id=\"filter\"><option value=\"\">{}</option>{options}</select></label></div>\
         {}</main><script src=\"/desk.js\"></script></body></html>",
        w.html_attributes(),
        w.t("desk-signed-in-as", &[("agent", v.name.as_str().into())]),
        w.t("desk-fleet-link", &[]),
        esc(&v.csrf),
        w.t("desk-sign-out", &[]),
        w.t("desk-offline", &[]),
        notice.unwrap_or(""),
        w.t("desk-alerts-ready", &[]),
        w.t("desk-filter", &[]),
        w.t("desk-filter-all", &[]),
        live(snapshot, v, w, now),
        title = w.t("desk-title", &[]),
        alerts_off = w.t("desk-alerts-on", &[]),
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
