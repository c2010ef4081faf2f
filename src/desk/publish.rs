//! Configuration from one place, on the desk: kiosks fetch what is published for them
//! (`GET /api/v1/config`, signed both ways, conditional); operators publish it for a group —
//! every kiosk, an airport, a terminal, one kiosk — with its locale overrides and pictures
//! (`/fleet/config`), after the same checks `concierge config check` makes and a preview of
//! the screens it changes in each language, drawn by the kiosk's own renderer beside the
//! current ones; every publication is kept: who, when, what (`/fleet/config/log`).

use super::page::{Words, esc};
use super::{Desk, agent, refuse};
use crate::config::published::{self, Group, Layer};
use crate::help::{now_ms, signature};
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The largest publication form taken (the files are base64 in it).
pub const MAX_FORM: usize = 16 << 20;
/// Previews kept for their pictures to be looked at.
const PREVIEWS_KEPT: usize = 2;

/// `GET /api/v1/config?kiosk=…&airport=…&terminal=…`: what is published for a kiosk, as one
/// bundle, signed with the kiosk's key; 304 when it has it already; a signed "nothing" when
/// nothing is.
pub(super) async fn for_kiosk(
    State(desk): State<Arc<Desk>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = query.unwrap_or_default();
    let mut kiosk = String::new();
    let mut airport = None;
    let mut terminal = None;
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        match &*k {
            "kiosk" => kiosk = v.into_owned(),
            "airport" => airport = Some(v.into_owned()),
            "terminal" => terminal = Some(v.into_owned()),
            _ => {}
        }
    }
    let path = format!("{}?{query}", crate::publish::PATH);
    if !desk.signed_by(
        &kiosk,
        &headers,
        crate::publish::signed_request(&path).as_bytes(),
        "a config request",
    ) {
        return super::stranger();
    }
    let layers = match current_layers(&desk).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(error = %e, "reading the published configs");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let mine: Vec<&Layer> = layers
        .iter()
        .filter(|l| {
            Group::parse(&l.group)
                .is_some_and(|g| g.holds(&kiosk, airport.as_deref(), terminal.as_deref()))
        })
        .collect();
    let Some(secret) = desk.kiosks.get(&kiosk) else {
        return super::stranger();
    };
    let signed = |body: Vec<u8>, tag: Option<&str>| {
        let signature = signature::sign(
            secret.expose().as_bytes(),
            chrono::Utc::now().timestamp(),
            &body,
        );
        let mut response = (
            [
                (header::CONTENT_TYPE, "application/json".to_string()),
                (
                    header::HeaderName::from_static("concierge-signature"),
                    signature,
                ),
            ],
            body,
        )
            .into_response();
        if let Some(tag) = tag
            && let Ok(value) = header::HeaderValue::from_str(&format!("\"{tag}\""))
        {
            response.headers_mut().insert(header::ETAG, value);
        }
        response
    };
    if mine.is_empty() {
        // Signed too: an unsigned "nothing" would strip kiosks of their configuration.
        let nothing = crate::publish::Nothing {
            nothing_published: true,
            kiosk: kiosk.clone(),
        };
        return signed(serde_json::to_vec(&nothing).unwrap_or_default(), None);
    }
    // Most asks change nothing: the tag of these versions is known without the bundle.
    let versions: Vec<(String, i64)> = mine.iter().map(|l| (l.group.clone(), l.version)).collect();
    let asked = |tag: &str| {
        headers
            .get(header::IF_NONE_MATCH)
            .and_then(|h| h.to_str().ok())
            .is_some_and(|h| h.split(',').any(|t| t.trim().trim_matches('"') == tag))
    };
    if let Some(tag) = desk.config_cache.tag(&versions)
        && asked(&tag)
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let mine: Vec<Layer> = mine.into_iter().cloned().collect();
    let Some(bundle) = published::bundle(&mine) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = bundle.etag();
    desk.config_cache.keep_tag(versions, &tag);
    if asked(&tag) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let Ok(body) = serde_json::to_vec(&bundle) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    signed(body, Some(&tag))
}

/// Each group's current publication, read from the store at most every few seconds (kiosks
/// ask often; publications are rare), and the tags of the bundles made of them.
#[derive(Default)]
pub(super) struct ConfigCache {
    layers: std::sync::Mutex<Option<(std::time::Instant, Arc<Vec<Layer>>)>>,
    tags: std::sync::Mutex<std::collections::HashMap<Vec<(String, i64)>, String>>,
}

/// How long the current publications are believed without reading them again (another
/// instance's publication reaches this one's kiosks within it).
const LAYERS_FOR: std::time::Duration = std::time::Duration::from_secs(5);

impl ConfigCache {
    fn tag(&self, versions: &[(String, i64)]) -> Option<String> {
        self.tags
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(versions)
            .cloned()
    }

    fn keep_tag(&self, versions: Vec<(String, i64)>, tag: &str) {
        let mut tags = self.tags.lock().unwrap_or_else(|p| p.into_inner());
        if tags.len() > 10_000 {
            tags.clear();
        }
        tags.insert(versions, tag.to_string());
    }

    /// Forgets the publications read (this instance just published).
    fn forget(&self) {
        *self.layers.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

async fn current_layers(desk: &Desk) -> super::store::Result<Arc<Vec<Layer>>> {
    if let Some((at, layers)) = &*desk
        .config_cache
        .layers
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        && at.elapsed() < LAYERS_FOR
    {
        return Ok(layers.clone());
    }
    let layers = Arc::new(desk.store.config_layers().await?);
    *desk
        .config_cache
        .layers
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = Some((std::time::Instant::now(), layers.clone()));
    Ok(layers)
}

/// What the operator typed and chose in the publication form.
#[derive(Debug, Default, Clone)]
struct Draft {
    csrf: String,
    group: String,
    text: String,
    note: String,
    /// The group's version the operator started from.
    after: Option<i64>,
    /// The current files kept (each one's path); `None`: the form said nothing, keep all.
    keep: Option<Vec<String>>,
    /// New files, `{path: base64}` (the page's script reads them).
    added: BTreeMap<String, String>,
}

fn draft(body: &[u8]) -> Draft {
    let mut d = Draft::default();
    let mut keep = Vec::new();
    let mut said_keep = false;
    for (k, v) in url::form_urlencoded::parse(body) {
        match &*k {
            "csrf" => d.csrf = v.into_owned(),
            "group" => d.group = v.trim().to_string(),
            // Browsers send CR LF; the kiosk's lines are LF.
            "text" => d.text = v.replace("\r\n", "\n"),
            "note" => d.note = v.chars().take(500).collect(),
            "after" => d.after = v.parse().ok(),
            "keep" => keep.push(v.into_owned()),
            "keep_listed" => said_keep = true,
            "added" => d.added = serde_json::from_str(&v).unwrap_or_default(),
            _ => {}
        }
    }
    d.keep = said_keep.then_some(keep);
    d
}

/// The publication a draft makes, and the group's current one: or what is wrong with it.
async fn proposal(
    desk: &Desk,
    d: &Draft,
    by: &str,
) -> Result<(Group, Layer, Option<Layer>, Vec<Layer>), Vec<String>> {
    let Some(group) = Group::parse(&d.group) else {
        return Err(vec![format!(
            "{:?} is not a group: write all, airport:LHE, terminal:LHE/T1 or kiosk:<id>",
            d.group
        )]);
    };
    let layers = desk
        .store
        .config_layers()
        .await
        .map_err(|e| vec![format!("the store did not answer: {e}")])?;
    let current = layers.iter().find(|l| l.group == group.key()).cloned();
    let mut files: BTreeMap<String, String> = current
        .as_ref()
        .map(|c| c.files.clone())
        .unwrap_or_default();
    if let Some(keep) = &d.keep {
        files.retain(|path, _| keep.contains(path));
    }
    files.extend(d.added.clone());
    let layer = Layer {
        group: group.key(),
        version: current.as_ref().map_or(1, |c| c.version + 1),
        text: d.text.clone(),
        files,
        published_by: by.to_string(),
        published_at: now_ms(),
        note: d.note.clone(),
    };
    published::check_layer(&layer.text, &layer.files, &layer.label())?;
    // What a kiosk of the group would be sent, with the other groups' files: it must fit too.
    let all = replacing(&layers, &layer);
    let problems = published::file_problems(&bundle_for(&all, &group, &[]).files);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|p| format!("with what is published for the other groups: {p}"))
            .collect());
    }
    Ok((group, layer, current, layers))
}

/// `GET /fleet/config`: what is published, and the form to publish (`?group=` fills it with
/// that group's current text).
pub(super) async fn page(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let Some((name, csrf, _)) = agent(&desk, &headers, true).await else {
        return Redirect::to("/login").into_response();
    };
    let w = desk.words(&headers);
    let layers = desk.store.config_layers().await.unwrap_or_default();
    let mut group = String::from("all");
    let mut notice = String::new();
    for (k, v) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match &*k {
            "group" => group = v.into_owned(),
            "published" => {
                notice = format!(
                    "<p class=\"notice\" role=\"status\" id=\"notice\">{}</p>",
                    w.text_with("desk-config-done", &[("label", label_name(&w, &v).into())])
                )
            }
            _ => {}
        }
    }
    let current = layers.iter().find(|l| l.group == group);
    let d = Draft {
        csrf: csrf.clone(),
        text: current.map(|c| c.text.clone()).unwrap_or_default(),
        after: Some(current.map_or(0, |c| c.version)),
        group,
        ..Draft::default()
    };
    let kiosks = desk.store.kiosks().await.unwrap_or_default();
    Html(frame(
        &w,
        &name,
        &csrf,
        &format!(
            "{notice}{}{}{}",
            refusals(&kiosks, &w),
            published_table(&layers, &w),
            form(&d, current, &w, desk.publishers.contains(&name), &kiosks),
        ),
    ))
    .into_response()
}

/// The signed-in publisher, the session's CSRF token and the form they posted (with that
/// token); an agent who is not a publisher is told so.
async fn posted(
    desk: &Desk,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(String, String, Draft), Response> {
    let Some((name, csrf, _)) = agent(desk, headers, true).await else {
        return Err(Redirect::to("/login").into_response());
    };
    let d = draft(body);
    if d.csrf != csrf || csrf.is_empty() {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            "the form is stale: reload the page",
        ));
    }
    if !desk.publishers.contains(&name) {
        let w = desk.words(headers);
        return Err((
            StatusCode::FORBIDDEN,
            Html(frame(
                &w,
                &name,
                &csrf,
                &problems_html(&[w.text("desk-config-not-publisher")], &w),
            )),
        )
            .into_response());
    }
    Ok((name, csrf, d))
}

/// `POST /fleet/config/preview`: the draft checked; its problems, or the screens it changes.
pub(super) async fn preview(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (name, csrf, d) = match posted(&desk, &headers, &body).await {
        Ok(posted) => posted,
        Err(answer) => return answer,
    };
    let w = desk.words(&headers);
    let kiosks = desk.store.kiosks().await.unwrap_or_default();
    let (body, current) = match proposal(&desk, &d, &name).await {
        Err(problems) => {
            let current = current_of(&desk, &d.group).await;
            (problems_html(&problems, &w), current)
        }
        Ok((group, layer, current, layers)) => {
            let shots = start_drawing(&desk, group, layer, layers, kiosks.clone(), &w);
            (
                format!(
                    "<p class=\"notice ok\" role=\"status\" id=\"checked\">{}</p>{shots}",
                    w.text("desk-config-ok")
                ),
                current,
            )
        }
    };
    // The form again, as typed (its new files kept for the publication).
    let mut again = d.clone();
    again.csrf = csrf.clone();
    Html(frame(
        &w,
        &name,
        &csrf,
        &format!(
            "{body}{}",
            form(&again, current.as_ref(), &w, true, &kiosks)
        ),
    ))
    .into_response()
}

async fn current_of(desk: &Desk, group: &str) -> Option<Layer> {
    let key = Group::parse(group)?.key();
    desk.store
        .config_layers()
        .await
        .ok()?
        .into_iter()
        .find(|l| l.group == key)
}

/// `POST /fleet/config/publish`: a publisher's draft, checked again, kept as the group's next
/// version (unless someone published for the group since the form was filled).
pub(super) async fn publish(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (name, csrf, d) = match posted(&desk, &headers, &body).await {
        Ok(posted) => posted,
        Err(answer) => return answer,
    };
    let w = desk.words(&headers);
    let kiosks = desk.store.kiosks().await.unwrap_or_default();
    let answer = |status: StatusCode, body: String, current: Option<&Layer>| {
        (
            status,
            Html(frame(
                &w,
                &name,
                &csrf,
                &format!("{body}{}", form(&d, current, &w, true, &kiosks)),
            )),
        )
            .into_response()
    };
    match proposal(&desk, &d, &name).await {
        Err(problems) => {
            let current = current_of(&desk, &d.group).await;
            answer(
                StatusCode::UNPROCESSABLE_ENTITY,
                problems_html(&problems, &w),
                current.as_ref(),
            )
        }
        Ok((_, layer, current, _)) => match desk.store.publish_config(&layer, d.after).await {
            Ok(Some(version)) => {
                desk.config_cache.forget();
                let label = Layer { version, ..layer }.label();
                tracing::info!(agent = %name, %label, "configuration published");
                let q = url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("group", &d.group)
                    .append_pair("published", &label)
                    .finish();
                Redirect::to(&format!("/fleet/config?{q}")).into_response()
            }
            Ok(None) => answer(
                StatusCode::CONFLICT,
                problems_html(&[w.text("desk-config-stale")], &w),
                current.as_ref(),
            ),
            Err(e) => {
                tracing::error!(error = %e, "publishing a configuration");
                answer(
                    StatusCode::SERVICE_UNAVAILABLE,
                    problems_html(&[format!("{e}")], &w),
                    current.as_ref(),
                )
            }
        },
    }
}

/// `GET /fleet/config/log`: every publication, newest first, with what it changed.
pub(super) async fn log(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Response {
    let Some((name, csrf, _)) = agent(&desk, &headers, true).await else {
        return Redirect::to("/login").into_response();
    };
    let w = desk.words(&headers);
    let log = desk.store.config_log(200).await.unwrap_or_default();
    let mut entries = String::new();
    for (i, layer) in log.iter().enumerate() {
        // The version before it, of the same group.
        let before = log[i + 1..]
            .iter()
            .find(|l| l.group == layer.group && l.version == layer.version - 1);
        let files = file_changes(before.map(|b| &b.files), &layer.files);
        entries.push_str(&format!(
            "<li class=\"card change\" data-group=\"{}\" data-version=\"{}\"><div class=\"row\">\
             <span class=\"big\">{}</span><span>{}</span>{}</div>{}{}<pre class=\"diff\" dir=\"ltr\">{}</pre></li>",
            esc(&layer.group),
            layer.version,
            esc(&layer_name(&w, &layer.group, layer.version)),
            w.html_with(
                "desk-config-by-at",
                &[("agent", layer.published_by.as_str().into())],
                &[("time", super::page::time(layer.published_at))]
            ),
            "",
            if layer.note.is_empty() {
                String::new()
            } else {
                format!("<p class=\"note\">{}</p>", esc(&layer.note))
            },
            files,
            diff(before.map_or("", |b| b.text.as_str()), &layer.text),
        ));
    }
    if entries.is_empty() {
        entries = format!("<li class=\"muted\">{}</li>", w.text("desk-config-none"));
    }
    Html(frame(
        &w,
        &name,
        &csrf,
        &format!(
            "<h2>{}</h2><ol class=\"log\" id=\"log\">{entries}</ol>",
            w.text("desk-config-log")
        ),
    ))
    .into_response()
}

/// `GET /fleet/config/preview/{id}/{n}`: one picture of a preview.
pub(super) async fn picture(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    UrlPath((id, n)): UrlPath<(String, String)>,
) -> Response {
    if agent(&desk, &headers, false).await.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let n: usize = match n.trim_end_matches(".png").parse() {
        Ok(n) => n,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let previews = desk.previews.lock().unwrap_or_else(|p| p.into_inner());
    match previews
        .iter()
        .find(|p| p.id == id)
        .and_then(|p| match &p.state {
            Drawn::Done(_, pictures, _, _) => pictures.get(n),
            _ => None,
        }) {
        Some(png) => ([(header::CONTENT_TYPE, "image/png")], png.clone()).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `/fleet/config.js`: reads the files the operator adds into the form (as base64), so the
/// form posts them with the text.
pub const SCRIPT: &str = r#"(()=>{
const form=document.getElementById('publish-form');if(!form)return;
const input=document.getElementById('config-files'),under=document.getElementById('config-under'),
added=document.getElementById('config-added'),list=document.getElementById('config-added-list');
const files={};
const show=()=>{list.textContent=Object.keys(files).join('\n');added.value=JSON.stringify(files);};
if(added.value){try{Object.assign(files,JSON.parse(added.value));}catch(e){}show();}
const poll=()=>{const p=document.getElementById('preview');if(!p||p.dataset.state!=='drawing')return;
fetch('/fleet/config/preview/'+p.dataset.id,{credentials:'same-origin'}).then(r=>{if(r.status===404)return 'gone';return r.ok?r.text():null;})
.then(html=>{if(html==='gone')return;if(html)p.outerHTML=html;setTimeout(poll,1000);}).catch(()=>setTimeout(poll,3000));};
setTimeout(poll,1000);
input.addEventListener('change',()=>{const dir=(under.value||'').replace(/^\/+|\/+$/g,'');
Promise.all([...input.files].map(f=>new Promise(ok=>{const r=new FileReader();
r.onload=()=>{files[(dir?dir+'/':'')+f.name]=String(r.result).split(',')[1]||'';ok();};r.readAsDataURL(f);})))
.then(show);});
})();"#;

pub(super) async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// The page around a body: header, links, sign-out.
fn frame(w: &Words, name: &str, csrf: &str, body: &str) -> String {
    let title = w.text("desk-config-title");
    format!(
        "<!doctype html><html {}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/desk.css\"></head><body>\
         <header><span class=\"title\">{title}</span><span class=\"who\">{}</span>\
         <a class=\"nav\" href=\"/fleet/config\">{}</a><a class=\"nav\" href=\"/fleet/config/log\">{}</a>\
         <a class=\"nav\" href=\"/fleet\">{}</a>\
         <form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <button>{}</button></form></header><main class=\"config\">{body}</main>\
         <script src=\"/fleet/config.js\"></script></body></html>",
        w.html_attributes(),
        w.text_with("desk-signed-in-as", &[("agent", name.into())]),
        w.text("desk-config-link"),
        w.text("desk-config-log"),
        w.text("desk-fleet-title"),
        esc(csrf),
        w.text("desk-sign-out"),
    )
}

fn problems_html(problems: &[String], w: &Words) -> String {
    let items: String = problems
        .iter()
        .map(|p| format!("<li><code dir=\"ltr\">{}</code></li>", esc(p)))
        .collect();
    format!(
        "<section class=\"card problems\" id=\"problems\" role=\"alert\"><h2>{}</h2><ul>{items}</ul></section>",
        w.text("desk-config-problems")
    )
}

/// What is published once `layer` replaces its group's version.
fn replacing(layers: &[Layer], layer: &Layer) -> Vec<Layer> {
    layers
        .iter()
        .filter(|l| l.group != layer.group)
        .chain(std::iter::once(layer))
        .cloned()
        .collect()
}

/// A group as the agent's language names it ("airport LHE", "ایئرپورٹ LHE"); not escaped.
pub(super) fn group_name(w: &Words, group: &Group) -> String {
    let said = |id: &str, code: String| w.messages.get(w.locale, id, &[("code", code.into())]);
    match group {
        Group::All => w.messages.get(w.locale, "desk-config-group-all", &[]),
        Group::Airport(a) => said("desk-config-group-airport", a.clone()),
        Group::Terminal { airport, terminal } => said(
            "desk-config-group-terminal",
            format!("{airport} {terminal}"),
        ),
        Group::Kiosk(k) => said("desk-config-group-kiosk", k.clone()),
    }
}

/// A group and version ("airport LHE v2") in the agent's language; not escaped.
fn layer_name(w: &Words, group: &str, version: i64) -> String {
    let group = Group::parse(group).map_or_else(|| group.to_string(), |g| group_name(w, &g));
    w.messages.get(
        w.locale,
        "desk-config-layer",
        &[("group", group.into()), ("version", version.into())],
    )
}

/// A label a kiosk sent ("all kiosks v4 + airport LHE v2", made by
/// [`published::Bundle::label`]) in the agent's language; a part it cannot read stays as it
/// came. Not escaped.
pub(super) fn label_name(w: &Words, label: &str) -> String {
    if label == "nothing published" {
        return w.messages.get(w.locale, "desk-config-group-none", &[]);
    }
    label
        .split(" + ")
        .map(|part| {
            let read = part.rsplit_once(" v").and_then(|(group, version)| {
                let version: i64 = version.parse().ok()?;
                let group = if group == "all kiosks" {
                    Group::All
                } else if let Some(a) = group.strip_prefix("airport ") {
                    Group::Airport(a.to_string())
                } else if let Some(t) = group.strip_prefix("terminal ") {
                    let (airport, terminal) = t.split_once(' ')?;
                    Group::Terminal {
                        airport: airport.to_string(),
                        terminal: terminal.to_string(),
                    }
                } else {
                    Group::Kiosk(group.strip_prefix("kiosk ")?.to_string())
                };
                Some(layer_name(w, &group.key(), version))
            });
            read.unwrap_or_else(|| part.to_string())
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Kiosks that refused what was published for them, and why.
fn refusals(kiosks: &[super::store::KioskRow], w: &Words) -> String {
    let items: String = kiosks
        .iter()
        .filter_map(|k| {
            let r = k.beat.published.as_ref()?.refused.as_ref()?;
            Some(format!(
                "<li data-kiosk=\"{}\"><span class=\"big\">{}</span> {}<pre dir=\"ltr\">{}</pre></li>",
                esc(&k.id),
                esc(&k.id),
                w.text_with("desk-config-refused", &[("label", label_name(w, &r.label).into())]),
                esc(&r.message)
            ))
        })
        .collect();
    if items.is_empty() {
        return String::new();
    }
    format!("<section class=\"card problems\" id=\"refusals\"><ul>{items}</ul></section>")
}

fn published_table(layers: &[Layer], w: &Words) -> String {
    if layers.is_empty() {
        return format!(
            "<p class=\"muted\" id=\"published\">{}</p>",
            w.text("desk-config-none")
        );
    }
    let mut sorted: Vec<&Layer> = layers.iter().collect();
    sorted.sort_by_key(|l| Group::parse(&l.group).map(|g| (g.rank(), l.group.clone())));
    let rows: String = sorted
        .iter()
        .map(|l| {
            let bundle = published::bundle(std::slice::from_ref(l));
            let tables = bundle.map(|b| b.tables().join(", ")).unwrap_or_default();
            format!(
                "<tr data-group=\"{}\"><td><a href=\"/fleet/config?group={}\">{}</a></td><td>{}</td>\
                 <td>{}</td><td>{}</td><td dir=\"ltr\">{}</td><td>{}</td></tr>",
                esc(&l.group),
                esc(&url::form_urlencoded::byte_serialize(l.group.as_bytes()).collect::<String>()),
                esc(&Group::parse(&l.group).map_or(l.group.clone(), |g| group_name(w, &g))),
                l.version,
                esc(&l.published_by),
                super::page::time(l.published_at),
                esc(&tables),
                l.files.len(),
            )
        })
        .collect();
    format!(
        "<h2>{}</h2><div class=\"scroll\"><table id=\"published\"><thead><tr><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{rows}</tbody></table></div>",
        w.text("desk-config-published"),
        w.text("desk-config-group"),
        w.text("desk-config-version"),
        w.text("desk-config-by"),
        w.text("desk-config-when"),
        w.text("desk-config-tables"),
        w.text("desk-config-files"),
    )
}

/// The publication form, filled with `d`; `current`: the group's publication now (its files
/// listed to keep or drop).
fn form(
    d: &Draft,
    current: Option<&Layer>,
    w: &Words,
    publisher: bool,
    kiosks: &[super::store::KioskRow],
) -> String {
    let mut groups: Vec<String> = vec!["all".into()];
    for k in kiosks {
        if let Some(a) = &k.beat.kiosk.airport {
            groups.push(format!("airport:{a}"));
            if let Some(t) = &k.beat.kiosk.terminal {
                groups.push(format!("terminal:{a}/{t}"));
            }
        }
        groups.push(format!("kiosk:{}", k.id));
    }
    groups.sort();
    groups.dedup();
    let options: String = groups
        .iter()
        .map(|g| format!("<option value=\"{}\">", esc(g)))
        .collect();
    let files: String = current
        .map(|c| {
            c.files
                .keys()
                .map(|path| {
                    let kept = d.keep.as_ref().is_none_or(|k| k.contains(path));
                    format!(
                        "<li><label><input type=\"checkbox\" name=\"keep\" value=\"{}\"{}> <code dir=\"ltr\">{}</code></label></li>",
                        esc(path),
                        if kept { " checked" } else { "" },
                        esc(path)
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let publish = if publisher {
        format!(
            "<button formaction=\"/fleet/config/publish\" id=\"publish\">{}</button>",
            w.text("desk-config-publish")
        )
    } else {
        format!(
            "<p class=\"muted\">{}</p>",
            w.text("desk-config-not-publisher")
        )
    };
    format!(
        "<h2>{}</h2><form class=\"card\" id=\"publish-form\" method=\"post\" action=\"/fleet/config/preview\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" name=\"after\" value=\"{}\">\
         <input type=\"hidden\" name=\"keep_listed\" value=\"1\">\
         <label>{} <input name=\"group\" id=\"config-group\" list=\"config-groups\" dir=\"ltr\" value=\"{}\" required></label>\
         <datalist id=\"config-groups\">{options}</datalist>\
         <label>{}<textarea name=\"text\" id=\"config-text\" rows=\"18\" dir=\"ltr\" spellcheck=\"false\">{}</textarea></label>\
         <fieldset><legend>{}</legend><ul class=\"files\">{files}</ul>\
         <label>{} <input id=\"config-under\" dir=\"ltr\" value=\"overrides/ur-PK\"></label>\
         <input type=\"file\" id=\"config-files\" multiple>\
         <input type=\"hidden\" name=\"added\" id=\"config-added\" value=\"{}\"><pre id=\"config-added-list\" dir=\"ltr\"></pre></fieldset>\
         <label>{} <input name=\"note\" id=\"config-note\" value=\"{}\"></label>\
         <div class=\"row\"><button id=\"check\">{}</button>{publish}</div></form>",
        w.text("desk-config-new"),
        esc(&d.csrf),
        d.after.map(|a| a.to_string()).unwrap_or_default(),
        w.text("desk-config-group"),
        esc(&d.group),
        w.text("desk-config-text"),
        esc(&d.text),
        w.text("desk-config-files"),
        w.text("desk-config-add"),
        esc(&serde_json::to_string(&d.added).unwrap_or_default()),
        w.text("desk-config-note"),
        esc(&d.note),
        w.text("desk-config-check"),
    )
}

/// Files added, removed or changed from `before` to `after`.
fn file_changes(
    before: Option<&BTreeMap<String, String>>,
    after: &BTreeMap<String, String>,
) -> String {
    let empty = BTreeMap::new();
    let before = before.unwrap_or(&empty);
    let mut lines = Vec::new();
    for (path, content) in after {
        match before.get(path) {
            None => lines.push(format!("+ {path}")),
            Some(old) if old != content => lines.push(format!("~ {path}")),
            _ => {}
        }
    }
    for path in before.keys().filter(|p| !after.contains_key(*p)) {
        lines.push(format!("- {path}"));
    }
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "<pre class=\"files\" dir=\"ltr\">{}</pre>",
        esc(&lines.join("\n"))
    )
}

/// A line diff of two texts (`+` added, `-` removed), unchanged lines left out.
pub fn diff(before: &str, after: &str) -> String {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    if a.len() * b.len() > 4_000_000 {
        return esc("(too long to compare line by line)");
    }
    // Longest common subsequence, by the table of suffixes.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(format!("<ins>+ {}</ins>", esc(b[j])));
            j += 1;
        } else {
            out.push(format!("<del>- {}</del>", esc(a[i])));
            i += 1;
        }
    }
    out.join("\n")
}

/// What a kiosk of `group` (a kiosk the fleet page knows, for one kiosk's group) is sent with
/// these layers: an empty bundle when nothing applies.
fn bundle_for(
    layers: &[Layer],
    group: &Group,
    kiosks: &[super::store::KioskRow],
) -> published::Bundle {
    let (id, airport, terminal) = match group {
        Group::All => ("preview".to_string(), None, None),
        Group::Airport(a) => ("preview".to_string(), Some(a.clone()), None),
        Group::Terminal { airport, terminal } => (
            "preview".to_string(),
            Some(airport.clone()),
            Some(terminal.clone()),
        ),
        Group::Kiosk(k) => {
            let beat = kiosks
                .iter()
                .find(|row| &row.id == k)
                .map(|row| &row.beat.kiosk);
            (
                k.clone(),
                beat.and_then(|b| b.airport.clone()),
                beat.and_then(|b| b.terminal.clone()),
            )
        }
    };
    let mine: Vec<Layer> = layers
        .iter()
        .filter(|l| {
            Group::parse(&l.group)
                .is_some_and(|g| g.holds(&id, airport.as_deref(), terminal.as_deref()))
        })
        .cloned()
        .collect();
    published::bundle(&mine).unwrap_or(published::Bundle {
        text: String::new(),
        pieces: Vec::new(),
        files: BTreeMap::new(),
        layers: Vec::new(),
    })
}

/// The configuration a kiosk of `group` runs with these layers (and no file of its own): the
/// one a preview draws. Its files are written in `dir`.
fn config_of(
    dir: &std::path::Path,
    layers: &[Layer],
    group: &Group,
    kiosks: &[super::store::KioskRow],
) -> Option<crate::config::Config> {
    let bundle = bundle_for(layers, group, kiosks);
    published::check_layer_in(dir, &bundle.text, &bundle.files, "preview")
        .ok()
        .map(|l| l.config)
}

/// Both configurations (their files in `now_dir` and `then_dir`) and the kiosk's screens
/// drawn under each, in the languages the change touches.
async fn draw_in(
    now_dir: &std::path::Path,
    then_dir: &std::path::Path,
    group: &Group,
    layer: &Layer,
    layers: &[Layer],
    kiosks: &[super::store::KioskRow],
) -> Option<Result<Comparison, String>> {
    let before = config_of(now_dir, layers, group, kiosks);
    let after_layers = replacing(layers, layer);
    let after = config_of(then_dir, &after_layers, group, kiosks);
    let (Some(before), Some(after)) = (before, after) else {
        return None;
    };
    // The languages a change of message files alone touches; any other change, all of them.
    let current = layers.iter().find(|l| l.group == layer.group);
    let text_same = current.is_some_and(|c| c.text == layer.text);
    let mut locales: Vec<String> = after.locales.offered.clone();
    for l in &before.locales.offered {
        if !locales.contains(l) {
            locales.push(l.clone());
        }
    }
    if text_same {
        let empty = BTreeMap::new();
        let old = current.map_or(&empty, |c| &c.files);
        let changed: Vec<&String> = layer
            .files
            .iter()
            .filter(|(p, c)| old.get(*p) != Some(*c))
            .map(|(p, _)| p)
            .chain(old.keys().filter(|p| !layer.files.contains_key(*p)))
            .collect();
        // A file outside a locale's directory (a logo for all) touches every language.
        let per_locale: Option<Vec<String>> = changed
            .iter()
            .map(|p| {
                let parts: Vec<&str> = p.split('/').collect();
                (parts.len() >= 3).then(|| parts[parts.len() - 2].to_string())
            })
            .collect();
        if let Some(touched) = per_locale {
            locales.retain(|l| touched.contains(l));
        }
    }
    Some(render(before, after, locales).await)
}

/// A preview being drawn, or drawn: its pictures are served by id.
pub(super) struct Preview {
    id: String,
    state: Drawn,
}

enum Drawn {
    Drawing,
    /// The figures' HTML, the pictures, how many screens changed and how many did not.
    Done(String, Vec<Vec<u8>>, usize, usize),
    Failed(String),
}

/// Starts drawing the screens the change touches, each language, now and after (off the
/// request: in a debug build or on a small desk it takes a while); the section that shows
/// them as they come.
fn start_drawing(
    desk: &Arc<Desk>,
    group: Group,
    layer: Layer,
    layers: Vec<Layer>,
    kiosks: Vec<super::store::KioskRow>,
    w: &Words,
) -> String {
    let mut id_bytes = [0u8; 8];
    let _ = getrandom::fill(&mut id_bytes);
    let id = hex::encode(id_bytes);
    {
        let mut previews = desk.previews.lock().unwrap_or_else(|p| p.into_inner());
        previews.push_back(Preview {
            id: id.clone(),
            state: Drawn::Drawing,
        });
        while previews.len() > PREVIEWS_KEPT {
            previews.pop_front();
        }
    }
    let desk2 = desk.clone();
    let id2 = id.clone();
    let labels = (w.text("desk-config-before"), w.text("desk-config-after"));
    tokio::spawn(async move {
        // One preview at a time: drawing takes the desk's cores, and agents' pages come first.
        static DRAWING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);
        let _turn = DRAWING.acquire().await;
        let state = match (published::scratch_dir(), published::scratch_dir()) {
            (Ok(now_dir), Ok(then_dir)) => {
                let shots = draw_in(&now_dir, &then_dir, &group, &layer, &layers, &kiosks).await;
                let _ = std::fs::remove_dir_all(&now_dir);
                let _ = std::fs::remove_dir_all(&then_dir);
                match shots {
                    Some(Ok(shots)) => figures(&id2, shots, &labels),
                    Some(Err(why)) => Drawn::Failed(why),
                    None => Drawn::Failed("the configurations could not be read".into()),
                }
            }
            (Err(e), _) | (_, Err(e)) => Drawn::Failed(e.to_string()),
        };
        let mut previews = desk2.previews.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(p) = previews.iter_mut().find(|p| p.id == id2) {
            p.state = state;
        }
    });
    section(desk, &id, w)
}

/// Each changed screen, now and after side by side (one above the other on a phone), each
/// labelled (`labels`: "Now", "After publishing", in the agent's language).
fn figures(id: &str, shots: Comparison, labels: &(String, String)) -> Drawn {
    let mut pictures = Vec::new();
    let mut figures = String::new();
    for shot in &shots.changed {
        let n = pictures.len();
        pictures.push(shot.before.clone());
        pictures.push(shot.after.clone());
        figures.push_str(&format!(
            "<figure class=\"pair\" data-screen=\"{}\" data-locale=\"{}\"><figcaption dir=\"ltr\">{} · {}</figcaption>\
             <div class=\"side\"><div><span class=\"muted\">{}</span>\
             <img alt=\"{}\" src=\"/fleet/config/preview/{id}/{n}.png\" data-side=\"before\"></div>\
             <div><span class=\"muted\">{}</span>\
             <img alt=\"{}\" src=\"/fleet/config/preview/{id}/{}.png\" data-side=\"after\"></div></div></figure>",
            esc(&shot.screen),
            esc(&shot.locale),
            esc(&shot.screen),
            esc(&shot.locale),
            labels.0,
            labels.0,
            labels.1,
            labels.1,
            n + 1,
        ));
    }
    Drawn::Done(figures, pictures, shots.changed.len(), shots.unchanged)
}

/// The preview's section as it stands.
fn section(desk: &Desk, id: &str, w: &Words) -> String {
    let previews = desk.previews.lock().unwrap_or_else(|p| p.into_inner());
    let Some(p) = previews.iter().find(|p| p.id == id) else {
        return String::new();
    };
    match &p.state {
        Drawn::Drawing => format!(
            "<section id=\"preview\" data-id=\"{}\" data-state=\"drawing\"><p class=\"muted\">{}</p>\
             <noscript><a href=\"/fleet/config/preview/{}\">{}</a></noscript></section>",
            esc(id),
            w.text("desk-config-drawing"),
            esc(id),
            w.text("desk-config-drawing")
        ),
        Drawn::Failed(why) => format!(
            "<section id=\"preview\" data-id=\"{}\" data-state=\"failed\"><p class=\"muted\">{}</p></section>",
            esc(id),
            esc(why)
        ),
        Drawn::Done(figures, _, changed, unchanged) => format!(
            "<section id=\"preview\" data-id=\"{}\" data-state=\"done\" data-changed=\"{changed}\" \
             data-unchanged=\"{unchanged}\">{}{figures}</section>",
            esc(id),
            if *changed == 0 {
                format!("<p>{}</p>", w.text("desk-config-same"))
            } else {
                String::new()
            },
        ),
    }
}

/// `GET /fleet/config/preview/{id}`: the preview's section, as it stands (the page's script
/// asks until it is drawn).
pub(super) async fn preview_section(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    UrlPath(id): UrlPath<String>,
) -> Response {
    if agent(&desk, &headers, false).await.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let html = section(&desk, &id, &desk.words(&headers));
    if html.is_empty() {
        return StatusCode::NOT_FOUND.into_response();
    }
    Html(html).into_response()
}

/// Draws the kiosk's screens under both configs (the kiosk's renderer, off the request's
/// thread).
#[cfg(feature = "gui")]
async fn render(
    before: crate::config::Config,
    after: crate::config::Config,
    locales: Vec<String>,
) -> Result<Comparison, String> {
    tokio::task::spawn_blocking(move || crate::ui::preview::compare(&before, &after, &locales))
        .await
        .map_err(|e| format!("the preview failed: {e}"))?
}

#[cfg(not(feature = "gui"))]
async fn render(
    _before: crate::config::Config,
    _after: crate::config::Config,
    _locales: Vec<String>,
) -> Result<Comparison, String> {
    Err("this desk was built without the kiosk's screens: no preview".into())
}

#[cfg(feature = "gui")]
use crate::ui::preview::Comparison;

#[cfg(not(feature = "gui"))]
pub struct Comparison {
    pub changed: Vec<Shot>,
    pub unchanged: usize,
}

#[cfg(not(feature = "gui"))]
pub struct Shot {
    pub screen: String,
    pub locale: String,
    pub before: Vec<u8>,
    pub after: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a kiosk says it runs, or refused, reads in the agent's language on the desk; a part
    /// the desk cannot read is shown as it came.
    #[test]
    fn labels_read_in_the_agents_language() {
        let messages = crate::i18n::Messages::built_in();
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        let en = Words {
            messages,
            locale: "en-US",
        };
        let label = "all kiosks v4 + terminal LHE T1 v2 + kiosk LHE-T1-K07 v1";
        assert_eq!(plain(label_name(&en, label)), label);
        let ur = Words {
            messages,
            locale: "ur-PK",
        };
        let urdu = plain(label_name(&ur, label));
        assert_eq!(
            urdu,
            "تمام کیوسک ورژن 4 + ٹرمینل LHE T1 ورژن 2 + کیوسک LHE-T1-K07 ورژن 1"
        );
        assert_eq!(
            plain(label_name(&ur, "something else v")),
            "something else v"
        );
        assert_eq!(
            plain(label_name(&ur, "nothing published")),
            "کچھ شائع نہیں ہوا"
        );
        assert_eq!(
            plain(group_name(&ur, &Group::Airport("LHE".into()))),
            "ایئرپورٹ LHE"
        );
    }
}
