//! `concierge locales check`: the built-in locales, or an operator's overrides directory.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks the built-in locales and the overrides in `dir` (`<DIR>/<locale>/*.ftl`): parse
/// errors, missing and extra messages, variables, plural categories, text left in English, a
/// language with screens but no voice.
/// Exit code 1 when there is any problem.
pub fn check(dir: Option<PathBuf>) -> Result<ExitCode> {
    use concierge::i18n::{Messages, built_in_sources, check};
    let mut sources: Vec<(String, String, String)> = built_in_sources()
        .iter()
        .map(|(l, f, t)| (l.to_string(), f.to_string(), t.to_string()))
        .collect();
    let mut problems: Vec<String> = Vec::new();
    if let Some(dir) = &dir {
        problems.extend(Messages::with_overrides(dir).1);
        // A locale the kiosk does not have built in must be complete in the directory.
        let built_in = concierge::i18n::screen_locales();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let locale = entry.file_name().to_string_lossy().to_string();
            if built_in.contains(&locale) {
                continue;
            }
            for file in std::fs::read_dir(entry.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if let Ok(text) = concierge::store::read_capped_string(
                    &file.path(),
                    concierge::i18n::MAX_FTL_BYTES,
                ) {
                    let name = file.file_name().to_string_lossy().to_string();
                    sources.push((locale.clone(), name, text));
                }
            }
        }
    }
    problems.extend(check::check(&sources).iter().map(|p| p.to_string()));
    // Every language with screens needs a voice (a blind passenger hears the screen).
    let mut locales: Vec<String> = Vec::new();
    for (locale, file, _) in &sources {
        if file == "ui.ftl" && !locales.contains(locale) {
            locales.push(locale.clone());
        }
    }
    let installed = concierge::speech::installed_voices();
    problems.extend(concierge::speech::missing_voices(
        &locales,
        installed.as_deref(),
    ));
    if installed.is_none() {
        eprintln!("note: espeak-ng is not installed here: voices checked by language only");
    }
    for p in &problems {
        eprintln!("{p}");
    }
    if problems.is_empty() {
        eprintln!("locales: no problems");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("locales: {} problems", problems.len());
        Ok(ExitCode::from(1))
    }
}
