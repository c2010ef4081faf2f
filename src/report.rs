//! `concierge report`: the figures a customer-service team lives by, from the kiosk's service
//! metrics — completion rate, where passengers give up, how long a check-in takes and how many
//! taps, how often help is asked for and how soon it comes, satisfaction by language — as a
//! table, JSON or CSV, and a chart of the abandonment funnel and the daily volume (SVG or PNG).

use crate::checkin::Step;
use crate::metrics::SessionRow;
use serde::Serialize;
use std::fmt::Write;

/// The passenger's path as the funnel shows it (Welcome is where every session starts): the
/// engine's numbered steps, every one (the report covers kiosks configured differently).
fn funnel() -> Vec<&'static str> {
    Step::PATH
        .iter()
        .filter(|s| s.is_numbered())
        .map(|s| s.code())
        .collect()
}

fn step_index(code: &str) -> usize {
    match code {
        "welcome" => 0,
        "goodbye" | "feedback" => funnel().len() + 1,
        other => funnel()
            .iter()
            .position(|s| *s == other)
            .map(|i| i + 1)
            .unwrap_or(0),
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// `YYYY-MM-DDTHH:00Z` of the first hour counted.
    pub since: String,
    pub sessions: usize,
    pub completed: usize,
    /// Completed over all sessions, 0 to 1.
    pub completion_rate: Option<f64>,
    /// Sessions not completed, by the step they ended at (most first).
    pub abandoned_at: Vec<(String, usize)>,
    /// Sessions that reached each step of the path, then the completed ones.
    pub funnel: Vec<(String, usize)>,
    pub median_session_seconds: Option<f64>,
    /// Mean taps of a completed check-in.
    pub taps_per_completed: Option<f64>,
    pub help_requests: usize,
    pub help_per_100_sessions: Option<f64>,
    pub help_acknowledged: usize,
    pub median_seconds_to_acknowledge: Option<f64>,
    pub p90_seconds_to_acknowledge: Option<f64>,
    /// (locale, scores given, mean score 1–5).
    pub satisfaction_by_locale: Vec<(String, usize, f64)>,
    pub printer_faults: usize,
    /// (day, sessions, completed).
    pub daily: Vec<(String, usize, usize)>,
}

/// The `q` quantile (0–1) of sorted values, interpolated between neighbours.
fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64))
}

fn sorted(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    v
}

impl Report {
    pub fn new(since: &str, rows: &[SessionRow]) -> Report {
        let sessions = rows.len();
        let done: Vec<&SessionRow> = rows.iter().filter(|r| r.outcome == "completed").collect();
        let completed = done.len();
        let mut abandoned: Vec<(String, usize)> = Vec::new();
        for r in rows.iter().filter(|r| r.outcome != "completed") {
            match abandoned.iter_mut().find(|(s, _)| *s == r.last_step) {
                Some((_, n)) => *n += 1,
                None => abandoned.push((r.last_step.clone(), 1)),
            }
        }
        abandoned.sort_by(|a, b| b.1.cmp(&a.1).then(step_index(&a.0).cmp(&step_index(&b.0))));
        let mut funnel: Vec<(String, usize)> = funnel()
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let reached = rows
                    .iter()
                    .filter(|r| r.outcome == "completed" || step_index(&r.furthest) > i)
                    .count();
                (step.to_string(), reached)
            })
            .collect();
        funnel.push(("completed".into(), completed));
        let durations = sorted(rows.iter().map(|r| r.seconds as f64));
        let acks = sorted(
            rows.iter()
                .filter_map(|r| r.help_ack_seconds)
                .map(|s| s as f64),
        );
        let help_requests: usize = rows.iter().map(|r| r.help_requests.max(0) as usize).sum();
        let mut by_locale: Vec<(String, usize, f64)> = Vec::new();
        for r in rows {
            if let Some(score) = r.feedback {
                match by_locale.iter_mut().find(|(l, _, _)| *l == r.locale) {
                    Some((_, n, sum)) => {
                        *n += 1;
                        *sum += score as f64;
                    }
                    None => by_locale.push((r.locale.clone(), 1, score as f64)),
                }
            }
        }
        for (_, n, sum) in &mut by_locale {
            *sum /= *n as f64;
        }
        by_locale.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut daily: Vec<(String, usize, usize)> = Vec::new();
        for r in rows {
            let day = r.hour.get(..10).unwrap_or(&r.hour).to_string();
            let ok = usize::from(r.outcome == "completed");
            match daily.iter_mut().find(|(d, _, _)| *d == day) {
                Some((_, n, c)) => {
                    *n += 1;
                    *c += ok;
                }
                None => daily.push((day, 1, ok)),
            }
        }
        daily.sort();
        let rate = |n: usize| (sessions > 0).then(|| n as f64 / sessions as f64);
        Report {
            since: since.to_string(),
            sessions,
            completed,
            completion_rate: rate(completed),
            abandoned_at: abandoned,
            funnel,
            median_session_seconds: quantile(&durations, 0.5),
            taps_per_completed: (completed > 0)
                .then(|| done.iter().map(|r| r.taps as f64).sum::<f64>() / completed as f64),
            help_requests,
            help_per_100_sessions: rate(help_requests).map(|r| r * 100.0),
            help_acknowledged: acks.len(),
            median_seconds_to_acknowledge: quantile(&acks, 0.5),
            p90_seconds_to_acknowledge: quantile(&acks, 0.9),
            satisfaction_by_locale: by_locale,
            printer_faults: rows.iter().filter(|r| r.printer_fault).count(),
            daily,
        }
    }

    /// For people, in a terminal.
    pub fn table(&self) -> String {
        let f = |v: Option<f64>, unit: &str| match v {
            Some(v) => format!("{v:.1}{unit}"),
            None => "—".into(),
        };
        let mut out = String::new();
        let _ = writeln!(out, "Service since {}", self.since);
        let _ = writeln!(out);
        let rows = [
            ("sessions", self.sessions.to_string()),
            (
                "completed",
                format!(
                    "{} ({})",
                    self.completed,
                    f(self.completion_rate.map(|r| r * 100.0), " %")
                ),
            ),
            ("median session time", f(self.median_session_seconds, " s")),
            (
                "taps per completed check-in",
                f(self.taps_per_completed, ""),
            ),
            (
                "help requests",
                format!(
                    "{} ({} per 100 sessions)",
                    self.help_requests,
                    f(self.help_per_100_sessions, "")
                ),
            ),
            (
                "time to acknowledge, median",
                f(self.median_seconds_to_acknowledge, " s"),
            ),
            (
                "time to acknowledge, p90",
                f(self.p90_seconds_to_acknowledge, " s"),
            ),
            ("printer faults", self.printer_faults.to_string()),
        ];
        for (k, v) in rows {
            let _ = writeln!(out, "  {k:<30} {v}");
        }
        let _ = writeln!(out, "\nWhere passengers give up (sessions not completed)");
        if self.abandoned_at.is_empty() {
            let _ = writeln!(out, "  —");
        }
        for (step, n) in &self.abandoned_at {
            let _ = writeln!(out, "  {step:<30} {n}");
        }
        let _ = writeln!(out, "\nFunnel (sessions reaching each step)");
        for (step, n) in &self.funnel {
            let _ = writeln!(out, "  {step:<30} {n}");
        }
        let _ = writeln!(out, "\nSatisfaction by language (scores 1–5)");
        if self.satisfaction_by_locale.is_empty() {
            let _ = writeln!(out, "  —");
        }
        for (locale, n, mean) in &self.satisfaction_by_locale {
            let _ = writeln!(out, "  {locale:<30} {mean:.2} from {n}");
        }
        let _ = writeln!(out, "\nDaily volume");
        for (day, n, c) in &self.daily {
            let _ = writeln!(out, "  {day:<30} {n} sessions, {c} completed");
        }
        out
    }

    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// One figure per line: `section,key,value`.
    pub fn csv(&self) -> String {
        let mut out = String::from("section,key,value\n");
        let mut put = |section: &str, key: &str, value: String| {
            let _ = writeln!(out, "{section},{key},{value}");
        };
        let opt = |v: Option<f64>| v.map(|v| format!("{v:.3}")).unwrap_or_default();
        put("summary", "since", self.since.clone());
        put("summary", "sessions", self.sessions.to_string());
        put("summary", "completed", self.completed.to_string());
        put("summary", "completion_rate", opt(self.completion_rate));
        put(
            "summary",
            "median_session_seconds",
            opt(self.median_session_seconds),
        );
        put(
            "summary",
            "taps_per_completed",
            opt(self.taps_per_completed),
        );
        put("summary", "help_requests", self.help_requests.to_string());
        put(
            "summary",
            "help_per_100_sessions",
            opt(self.help_per_100_sessions),
        );
        put(
            "summary",
            "median_seconds_to_acknowledge",
            opt(self.median_seconds_to_acknowledge),
        );
        put(
            "summary",
            "p90_seconds_to_acknowledge",
            opt(self.p90_seconds_to_acknowledge),
        );
        put("summary", "printer_faults", self.printer_faults.to_string());
        for (step, n) in &self.abandoned_at {
            put("abandoned_at", step, n.to_string());
        }
        for (step, n) in &self.funnel {
            put("funnel", step, n.to_string());
        }
        for (locale, n, mean) in &self.satisfaction_by_locale {
            put("satisfaction", locale, format!("{mean:.3}"));
            put("satisfaction_count", locale, n.to_string());
        }
        for (day, n, c) in &self.daily {
            put("daily_sessions", day, n.to_string());
            put("daily_completed", day, c.to_string());
        }
        out
    }

    /// The abandonment funnel (left) and the daily volume (right), as an SVG picture.
    pub fn chart_svg(&self) -> String {
        const W: f64 = 1000.0;
        const H: f64 = 520.0;
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" \
             viewBox=\"0 0 {W} {H}\" font-family=\"Noto Sans, sans-serif\" font-size=\"14\">\
             <rect width=\"{W}\" height=\"{H}\" fill=\"#ffffff\"/>\
             <text x=\"24\" y=\"36\" font-size=\"20\" font-weight=\"bold\" fill=\"#0b2545\">\
             Where passengers give up</text>\
             <text x=\"610\" y=\"36\" font-size=\"20\" font-weight=\"bold\" fill=\"#0b2545\">\
             Sessions per day</text>\
             <text x=\"24\" y=\"{}\" fill=\"#444\">{} sessions since {}; {} completed</text>",
            H - 14.0,
            self.sessions,
            esc(&self.since),
            self.completed
        );
        // Funnel: one bar per step, as wide as the share of sessions that reached it.
        let top = self.sessions.max(1) as f64;
        let (x0, bar_w, row_h) = (170.0, 290.0, 40.0);
        for (i, (step, n)) in self.funnel.iter().enumerate() {
            let y = 60.0 + i as f64 * row_h;
            let w = bar_w * *n as f64 / top;
            let colour = if step == "completed" {
                "#1b7f3a"
            } else {
                "#0b4f8a"
            };
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#111\">{}</text>\
                 <rect x=\"{x0}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" fill=\"{colour}\"/>\
                 <text x=\"{:.1}\" y=\"{}\" fill=\"#111\">{n} ({:.0} %)</text>",
                x0 - 8.0,
                y + 20.0,
                esc(&step.replace('_', " ")),
                y + 4.0,
                row_h - 12.0,
                x0 + w + 6.0,
                y + 20.0,
                100.0 * *n as f64 / top
            );
        }
        // Daily volume: sessions (light) with the completed ones (dark) in front.
        let (left, bottom, width, height) = (610.0, 440.0, 360.0, 360.0);
        let days = self.daily.len().max(1) as f64;
        let most = self.daily.iter().map(|d| d.1).max().unwrap_or(1).max(1) as f64;
        let slot = width / days;
        let _ = write!(
            svg,
            "<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\" stroke=\"#444\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#444\">{most}</text>",
            left + width,
            left - 6.0,
            bottom - height + 5.0
        );
        for (i, (day, n, c)) in self.daily.iter().enumerate() {
            let x = left + i as f64 * slot + slot * 0.15;
            let w = slot * 0.7;
            let h = height * *n as f64 / most;
            let hc = height * *c as f64 / most;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"#9cc3e6\"/>\
                 <rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{hc:.1}\" fill=\"#0b4f8a\"/>",
                bottom - h,
                bottom - hc
            );
            // Label every day when few, else every seventh.
            if self.daily.len() <= 10 || i % 7 == 0 {
                let _ = write!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" \
                     fill=\"#444\">{}</text>",
                    x + w / 2.0,
                    bottom + 18.0,
                    esc(day.get(5..).unwrap_or(day))
                );
            }
        }
        let _ = write!(
            svg,
            "<rect x=\"{left}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"#9cc3e6\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#444\">sessions</text>\
             <rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"#0b4f8a\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#444\">completed</text></svg>",
            bottom + 34.0,
            left + 20.0,
            bottom + 46.0,
            left + 110.0,
            bottom + 34.0,
            left + 130.0,
            bottom + 46.0
        );
        svg
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The chart as a PNG, drawn with the kiosk's own font (resvg, as the screens' SVGs are).
#[cfg(feature = "gui")]
pub fn chart_png(svg: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    for face in [crate::text::Face::Sans, crate::text::Face::SansBold] {
        options.fontdb_mut().load_font_data(face.bytes().to_vec());
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("the chart has no size")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(outcome: &str, last: &str, furthest: &str, hour: &str) -> SessionRow {
        SessionRow {
            hour: hour.into(),
            outcome: outcome.into(),
            last_step: last.into(),
            furthest: furthest.into(),
            locale: "en-US".into(),
            seconds: 60,
            taps: 8,
            help_requests: 0,
            help_ack_seconds: None,
            help_unanswered_seconds: None,
            printer_fault: false,
            feedback: None,
        }
    }

    #[test]
    fn the_funnel_and_the_figures_add_up() {
        let mut rows = vec![
            row("completed", "goodbye", "goodbye", "2026-11-20T09:00Z"),
            row("completed", "goodbye", "goodbye", "2026-11-20T10:00Z"),
            row("timed_out", "seats", "seats", "2026-11-21T09:00Z"),
            row("cancelled", "identify", "identify", "2026-11-21T11:00Z"),
        ];
        rows[0].seconds = 100;
        rows[1].seconds = 200;
        rows[0].taps = 6;
        rows[1].taps = 10;
        rows[2].help_requests = 1;
        rows[2].help_ack_seconds = Some(40);
        rows[3].help_requests = 1;
        rows[3].help_ack_seconds = Some(120);
        rows[0].feedback = Some(5);
        rows[1].locale = "ur-PK".into();
        rows[1].feedback = Some(3);
        let r = Report::new("2026-11-20T00:00Z", &rows);
        assert_eq!(r.sessions, 4);
        assert_eq!(r.completion_rate, Some(0.5));
        assert_eq!(r.taps_per_completed, Some(8.0));
        assert_eq!(r.help_per_100_sessions, Some(50.0));
        assert_eq!(r.median_seconds_to_acknowledge, Some(80.0));
        assert_eq!(r.p90_seconds_to_acknowledge, Some(112.0));
        assert_eq!(r.median_session_seconds, Some(80.0));
        let reached = |s: &str| r.funnel.iter().find(|(k, _)| k == s).unwrap().1;
        assert_eq!(reached("identify"), 4);
        assert_eq!(reached("greeting"), 3);
        assert_eq!(reached("seats"), 3);
        assert_eq!(reached("bags"), 2);
        assert_eq!(reached("completed"), 2);
        assert_eq!(
            r.abandoned_at,
            vec![("identify".into(), 1), ("seats".into(), 1)]
        );
        assert_eq!(
            r.satisfaction_by_locale,
            vec![("en-US".into(), 1, 5.0), ("ur-PK".into(), 1, 3.0)]
        );
        assert_eq!(
            r.daily,
            vec![("2026-11-20".into(), 2, 2), ("2026-11-21".into(), 2, 0)]
        );
        assert!(r.csv().contains("funnel,bags,2\n"));
        assert!(r.table().contains("50.0 %"));
        let svg = r.chart_svg();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    #[test]
    fn no_sessions_is_a_report_of_nothing_not_a_division_by_zero() {
        let r = Report::new("2026-11-20T00:00Z", &[]);
        assert_eq!(r.completion_rate, None);
        assert!(r.table().contains("—"));
        assert!(r.chart_svg().contains("0 sessions"));
    }
}
