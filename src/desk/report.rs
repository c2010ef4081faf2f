//! The fleet's figures on the desk (`/fleet/report`, and `/fleet/report.csv`): the session
//! summaries every kiosk sent with its heartbeats (no passenger data), by airport, kiosk,
//! language and hour — sessions, completions, help requests, how soon an agent answered and
//! how long passengers waited for pages nobody answered — as tables and charts in the agent's
//! language, and as CSV.

use super::page::{Words, esc};
use super::store::FleetSession;
use super::{Desk, agent};
use crate::help::now_ms;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The figures of one group of sessions.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Figures {
    pub sessions: usize,
    pub completed: usize,
    pub help_requests: usize,
    /// Seconds from a page to an agent's answer, one per answered page.
    pub answered: Vec<f64>,
    /// Seconds passengers waited on pages nobody answered.
    pub unanswered: Vec<f64>,
}

impl Figures {
    fn add(&mut self, s: &FleetSession) {
        let r = &s.row;
        self.sessions += 1;
        self.completed += usize::from(r.outcome == "completed");
        self.help_requests += r.help_requests.max(0) as usize;
        if let Some(a) = r.help_ack_seconds {
            self.answered.push(a as f64);
        }
        if let Some(u) = r.help_unanswered_seconds {
            self.unanswered.push(u as f64);
        }
    }

    pub fn completion(&self) -> Option<f64> {
        (self.sessions > 0).then(|| self.completed as f64 / self.sessions as f64)
    }

    fn quantile(values: &[f64], q: f64) -> Option<f64> {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        if v.is_empty() {
            return None;
        }
        let pos = q * (v.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        Some(v[lo] + (v[hi] - v[lo]) * (pos - lo as f64))
    }

    pub fn median_answer(&self) -> Option<f64> {
        Self::quantile(&self.answered, 0.5)
    }

    pub fn p90_answer(&self) -> Option<f64> {
        Self::quantile(&self.answered, 0.9)
    }

    pub fn median_unanswered_wait(&self) -> Option<f64> {
        Self::quantile(&self.unanswered, 0.5)
    }
}

/// The fleet's figures, grouped four ways (each group's rows in order).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FleetReport {
    pub total: Figures,
    pub by_airport: BTreeMap<String, Figures>,
    pub by_kiosk: BTreeMap<String, Figures>,
    pub by_language: BTreeMap<String, Figures>,
    /// `YYYY-MM-DDTHH:00Z`.
    pub by_hour: BTreeMap<String, Figures>,
}

impl FleetReport {
    pub fn new(sessions: &[FleetSession], airport: Option<&str>) -> FleetReport {
        let mut r = FleetReport::default();
        for s in sessions {
            if airport.is_some_and(|a| s.airport.as_deref() != Some(a)) {
                continue;
            }
            r.total.add(s);
            let at = s.airport.clone().unwrap_or_else(|| "-".into());
            r.by_airport.entry(at).or_default().add(s);
            r.by_kiosk.entry(s.kiosk.clone()).or_default().add(s);
            r.by_language
                .entry(s.row.locale.clone())
                .or_default()
                .add(s);
            r.by_hour.entry(s.row.hour.clone()).or_default().add(s);
        }
        r
    }

    /// One line per group and key, for a spreadsheet.
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "group,key,sessions,completed,completion_rate,help_requests,help_answered,\
             median_answer_seconds,p90_answer_seconds,help_unanswered,median_unanswered_wait_seconds\n",
        );
        let num = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_default();
        let mut line = |group: &str, key: &str, f: &Figures| {
            let key = if key.contains([',', '"', '\n']) {
                format!("\"{}\"", key.replace('"', "\"\""))
            } else {
                key.to_string()
            };
            out.push_str(&format!(
                "{group},{key},{},{},{},{},{},{},{},{},{}\n",
                f.sessions,
                f.completed,
                f.completion()
                    .map(|c| format!("{c:.3}"))
                    .unwrap_or_default(),
                f.help_requests,
                f.answered.len(),
                num(f.median_answer()),
                num(f.p90_answer()),
                f.unanswered.len(),
                num(f.median_unanswered_wait()),
            ));
        };
        line("fleet", "all", &self.total);
        for (group, map) in [
            ("airport", &self.by_airport),
            ("kiosk", &self.by_kiosk),
            ("language", &self.by_language),
            ("hour", &self.by_hour),
        ] {
            for (key, f) in map {
                line(group, key, f);
            }
        }
        out
    }
}

#[derive(serde::Deserialize, Default)]
pub(super) struct Period {
    /// `24h` (the default) or `7d`.
    #[serde(default)]
    period: Option<String>,
    #[serde(default)]
    airport: Option<String>,
}

impl Period {
    fn hours(&self) -> i64 {
        match self.period.as_deref() {
            Some("7d") => 7 * 24,
            _ => 24,
        }
    }

    /// The first hour counted (`YYYY-MM-DDTHH:00Z`).
    fn since(&self, now: i64) -> String {
        chrono::DateTime::from_timestamp_millis(now - (self.hours() - 1) * 3_600_000)
            .unwrap_or_default()
            .format("%Y-%m-%dT%H:00Z")
            .to_string()
    }

    fn airport(&self) -> Option<&str> {
        self.airport.as_deref().filter(|a| !a.is_empty())
    }
}

/// `GET /fleet/report.csv`.
pub(super) async fn csv(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Query(period): Query<Period>,
) -> Response {
    if agent(&desk, &headers, true).await.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Ok(sessions) = desk.store.fleet_sessions(&period.since(now_ms())).await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"concierge-fleet-report.csv\"",
            ),
        ],
        FleetReport::new(&sessions, period.airport()).csv(),
    )
        .into_response()
}

/// `GET /fleet/report`: the figures as tables and charts.
pub(super) async fn page(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Query(period): Query<Period>,
) -> Response {
    let Some((name, csrf, _)) = agent(&desk, &headers, true).await else {
        return Redirect::to("/login").into_response();
    };
    let now = now_ms();
    let since = period.since(now);
    let sessions = desk.store.fleet_sessions(&since).await.unwrap_or_default();
    let w = desk.words(&headers);
    let report = FleetReport::new(&sessions, period.airport());
    let chosen = period.airport().unwrap_or("");
    let options =
        super::page::airport_options(sessions.iter().filter_map(|s| s.airport.clone()), chosen);
    let week = period.hours() > 24;
    let query = format!(
        "?period={}&airport={}",
        if week { "7d" } else { "24h" },
        super::page::path_segment(chosen)
    );
    let title = w.text("desk-report-title");
    let body = if report.total.sessions == 0 {
        format!("<p class=\"muted\">{}</p>", w.text("desk-report-none"))
    } else {
        format!(
            "<p class=\"big\" id=\"report-total\">{}</p>\
             <h2>{}</h2>{}<h2>{}</h2>{}{}{}{}{}",
            w.text_with(
                "desk-report-total",
                &[
                    ("sessions", (report.total.sessions as i64).into()),
                    ("rate", percent(report.total.completion()).as_str().into()),
                ]
            ),
            w.text("desk-report-chart-hours"),
            hours_chart(&report, period.hours(), now),
            w.text("desk-report-chart-airports"),
            airports_chart(&report),
            table(
                &w,
                "desk-report-by-airport",
                "by-airport",
                &report.by_airport
            ),
            table(&w, "desk-report-by-kiosk", "by-kiosk", &report.by_kiosk),
            table(
                &w,
                "desk-report-by-language",
                "by-language",
                &report.by_language
            ),
            table(&w, "desk-report-by-hour", "by-hour", &report.by_hour),
        )
    };
    Html(format!(
        "<!doctype html><html {}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/desk.css\"></head><body>\
         <header><span class=\"title\">{title}</span><span class=\"who\">{}</span>\
         <a class=\"nav\" href=\"/fleet\">{}</a><a class=\"nav\" href=\"/\">{}</a>\
         <form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <button>{}</button></form></header><main>\
         <form class=\"bar\" method=\"get\" action=\"/fleet/report\">\
         <select name=\"period\"><option value=\"24h\"{}>{}</option><option value=\"7d\"{}>{}</option></select>\
         <select name=\"airport\"><option value=\"\">{}</option>{options}</select>\
         <button>{}</button><a href=\"/fleet/report.csv{query}\" id=\"csv\">{}</a></form>{body}</main></body></html>",
        w.html_attributes(),
        w.text_with("desk-signed-in-as", &[("agent", name.as_str().into())]),
        w.text("desk-fleet-link"),
        w.text("desk-fleet-back"),
        esc(&csrf),
        w.text("desk-sign-out"),
        if week { "" } else { " selected" },
        w.text("desk-report-24h"),
        if week { " selected" } else { "" },
        w.text("desk-report-7d"),
        w.text("desk-filter-all"),
        w.text("desk-filter"),
        w.text("desk-report-csv"),
    ))
    .into_response()
}

/// `2026-12-06T15:00Z` as `2026-12-06 15:00`; other keys as they are.
fn hour_label(key: &str) -> String {
    match key.strip_suffix(":00Z") {
        Some(hour) if key.len() == 17 => format!("{}:00", hour.replacen('T', " ", 1)),
        _ => key.to_string(),
    }
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.0} %", v * 100.0))
        .unwrap_or_else(|| "–".into())
}

fn seconds(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.0} s")).unwrap_or_else(|| "–".into())
}

fn table(w: &Words, title: &str, id: &str, rows: &BTreeMap<String, Figures>) -> String {
    let body: String = rows
        .iter()
        .map(|(key, f)| {
            // Numbers and their units read left to right in an Urdu or Arabic table too.
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td><span dir=\"ltr\">{}</span></td><td>{}</td>\
                 <td><span dir=\"ltr\">{} / {}</span></td><td><span dir=\"ltr\">{} ({})</span></td></tr>",
                esc(&hour_label(key)),
                f.sessions,
                f.completed,
                percent(f.completion()),
                f.help_requests,
                seconds(f.median_answer()),
                seconds(f.p90_answer()),
                f.unanswered.len(),
                seconds(f.median_unanswered_wait()),
            )
        })
        .collect();
    format!(
        "<h2>{}</h2><div class=\"table\"><table id=\"{id}\"><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{body}</table></div>",
        w.text(title),
        w.text("desk-report-col-sessions"),
        w.text("desk-report-col-completed"),
        w.text("desk-report-col-rate"),
        w.text("desk-report-col-help"),
        w.text("desk-report-col-answered"),
        w.text("desk-report-col-unanswered"),
    )
}

/// Sessions per hour over the period: completed (dark) under the rest (light).
fn hours_chart(r: &FleetReport, hours: i64, now: i64) -> String {
    let (w, h, pad) = (960.0, 220.0, 28.0);
    let first = now - (hours - 1) * 3_600_000;
    let keys: Vec<String> = (0..hours)
        .map(|i| {
            chrono::DateTime::from_timestamp_millis(first + i * 3_600_000)
                .unwrap_or_default()
                .format("%Y-%m-%dT%H:00Z")
                .to_string()
        })
        .collect();
    let most = keys
        .iter()
        .filter_map(|k| r.by_hour.get(k))
        .map(|f| f.sessions)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let step = (w - 2.0 * pad) / hours as f64;
    let bar = (step * 0.8).max(1.0);
    let mut svg = format!(
        "<svg class=\"chart\" id=\"chart-hours\" viewBox=\"0 0 {w} {h}\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\
         <line x1=\"{pad}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\"/>\
         <text x=\"2\" y=\"{}\" fill=\"#444\">{}</text>",
        h - pad,
        w - pad,
        h - pad,
        pad,
        most as usize
    );
    let label_every = (hours / 12).max(1);
    for (i, key) in keys.iter().enumerate() {
        let x = pad + i as f64 * step;
        if let Some(f) = r.by_hour.get(key) {
            let all = f.sessions as f64 / most * (h - 2.0 * pad);
            let done = f.completed as f64 / most * (h - 2.0 * pad);
            svg.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"#9db4d6\"><title>{}: {}</title></rect>\
                 <rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"#0b2545\"/>",
                h - pad - all,
                all - done,
                esc(key),
                f.sessions,
                h - pad - done,
                done
            ));
        }
        if i as i64 % label_every == 0 {
            let label = if hours > 24 {
                key.get(5..10).unwrap_or(key).to_string()
            } else {
                key.get(11..16).unwrap_or(key).to_string()
            };
            svg.push_str(&format!(
                "<text x=\"{x:.1}\" y=\"{}\" fill=\"#444\">{label}</text>",
                h - 8.0
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Completion by airport, one bar each.
fn airports_chart(r: &FleetReport) -> String {
    let (w, row, pad) = (960.0, 26.0, 70.0);
    let h = row * r.by_airport.len() as f64 + 10.0;
    let mut svg = format!(
        "<svg class=\"chart\" id=\"chart-airports\" viewBox=\"0 0 {w} {h}\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"13\">"
    );
    for (i, (airport, f)) in r.by_airport.iter().enumerate() {
        let y = 5.0 + i as f64 * row;
        let rate = f.completion().unwrap_or(0.0);
        let len = rate * (w - pad - 80.0);
        svg.push_str(&format!(
            "<text x=\"4\" y=\"{:.1}\" fill=\"#111\">{}</text>\
             <rect x=\"{pad}\" y=\"{y:.1}\" width=\"{len:.1}\" height=\"{:.1}\" fill=\"#1b7f3a\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#111\">{} ({})</text>",
            y + row * 0.65,
            esc(airport),
            row * 0.7,
            pad + len + 6.0,
            y + row * 0.65,
            percent(Some(rate)),
            f.sessions
        ));
    }
    svg.push_str("</svg>");
    svg
}
