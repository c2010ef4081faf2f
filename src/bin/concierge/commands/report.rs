//! `concierge report`: how the service is doing, from the kiosk's service metrics.

use crate::app::{self, DataDir};
use anyhow::{Context, Result};
use std::path::Path;
use std::process::ExitCode;

/// Prints the figures since `since` as a table, JSON or CSV, and draws the chart to `chart`.
/// Exit code 1: bad usage, or no service metrics in the data directory.
pub fn report(data: &DataDir, since: &str, format: &str, chart: Option<&Path>) -> Result<ExitCode> {
    let refuse = |m: &str| {
        eprintln!("concierge report: {m}");
        Ok(ExitCode::from(1))
    };
    let Some(back) = concierge::config::parse_duration(since) else {
        return refuse(&format!(
            "--since must be a duration like 7d or 24h, found {since:?}"
        ));
    };
    if !matches!(format, "table" | "json" | "csv") {
        return refuse(&format!(
            "--format must be table, json or csv, found {format:?}"
        ));
    }
    let kind = chart.map(|c| {
        c.extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default()
    });
    if let Some(kind) = &kind
        && kind != "svg"
        && kind != "png"
    {
        return refuse("--chart must name a .svg or .png file");
    }
    let path = data.kiosk_store();
    if !path.exists() {
        return refuse(&format!(
            "no service metrics at {} (has the kiosk run here? --data-dir names its directory)",
            path.display()
        ));
    }
    let store = app::metrics(data).with_context(|| format!("cannot open {}", path.display()))?;
    let from = chrono::Utc::now()
        - chrono::TimeDelta::from_std(back).unwrap_or(chrono::TimeDelta::days(7));
    let from = from.format("%Y-%m-%dT%H:00Z").to_string();
    let rows = store.sessions_since(&from)?;
    let report = concierge::report::Report::new(&from, &rows);
    match format {
        "json" => println!("{}", report.json()),
        "csv" => print!("{}", report.csv()),
        _ => print!("{}", report.table()),
    }
    if let (Some(file), Some(kind)) = (chart, kind) {
        let svg = report.chart_svg();
        let bytes = if kind == "png" {
            #[cfg(feature = "gui")]
            {
                concierge::report::chart_png(&svg).map_err(anyhow::Error::msg)?
            }
            #[cfg(not(feature = "gui"))]
            {
                return refuse("PNG charts need the gui feature; ask for .svg");
            }
        } else {
            svg.into_bytes()
        };
        std::fs::write(file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
        eprintln!("chart: {}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}
