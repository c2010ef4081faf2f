//! Configuration from one place: the operator publishes a configuration on the desk for a
//! group of kiosks — every kiosk, an airport, a terminal or one kiosk — with its locale
//! overrides and pictures, and each kiosk fetches what applies to it.
//!
//! A publication sets whole tables, and only those a group may share ([`PUBLISHABLE`]):
//! the kiosk's identity, its help targets and keys, its devices and its airline link stay in
//! its own file. Where several groups set the same table, the most specific one's table wins
//! (a kiosk's over its terminal's over its airport's over every kiosk's); a table nobody
//! published comes from the kiosk's own file.
//!
//! The texts are joined line for line, never rewritten, so every message the checker gives
//! points at the line of the publication (or of the kiosk's own file) it is about.

use super::{Config, ConfigError, Diagnostic, Loaded};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The tables a publication may set.
pub const PUBLISHABLE: &[&str] = &[
    "timeouts",
    "steps",
    "checkin",
    "bags",
    "privacy",
    "documents",
    "locales",
    "branding",
    "speech",
];
/// The most files one publication carries, and their most bytes in all.
pub const MAX_FILES: usize = 200;
pub const MAX_FILE_BYTES: usize = 8 << 20;
/// The name a kiosk keeps its published configuration's text under, beside its files.
pub const TEXT_FILE: &str = "published.toml";
/// What a kiosk keeps about the bundle it runs (its layers, line map and tag).
pub const BUNDLE_FILE: &str = "bundle.json";

/// Which kiosks a publication is for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    All,
    Airport(String),
    Terminal { airport: String, terminal: String },
    Kiosk(String),
}

impl Group {
    /// `all`, `airport:LHE`, `terminal:LHE/T1` or `kiosk:<id>`.
    pub fn key(&self) -> String {
        match self {
            Group::All => "all".into(),
            Group::Airport(a) => format!("airport:{a}"),
            Group::Terminal { airport, terminal } => format!("terminal:{airport}/{terminal}"),
            Group::Kiosk(k) => format!("kiosk:{k}"),
        }
    }

    /// The group a key names; `None` for anything else.
    pub fn parse(key: &str) -> Option<Group> {
        let key = key.trim();
        let ok = |s: &str, most: usize| {
            !s.is_empty() && s.chars().count() <= most && !s.chars().any(char::is_control)
        };
        let airport = |s: &str| {
            let s = s.trim().to_ascii_uppercase();
            (s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())).then_some(s)
        };
        if key == "all" {
            return Some(Group::All);
        }
        let (kind, value) = key.split_once(':')?;
        match kind {
            "airport" => airport(value).map(Group::Airport),
            "terminal" => {
                let (a, t) = value.split_once('/')?;
                let t = t.trim();
                Some(Group::Terminal {
                    airport: airport(a)?,
                    terminal: ok(t, 12).then(|| t.to_string())?,
                })
            }
            "kiosk" => ok(value.trim(), 64).then(|| Group::Kiosk(value.trim().to_string())),
            _ => None,
        }
    }

    /// How specific: a more specific group's tables win.
    pub fn rank(&self) -> u8 {
        match self {
            Group::All => 0,
            Group::Airport(_) => 1,
            Group::Terminal { .. } => 2,
            Group::Kiosk(_) => 3,
        }
    }

    /// Whether a kiosk with this id, airport and terminal is in the group.
    pub fn holds(&self, kiosk: &str, airport: Option<&str>, terminal: Option<&str>) -> bool {
        match self {
            Group::All => true,
            Group::Airport(a) => airport == Some(a.as_str()),
            Group::Terminal {
                airport: a,
                terminal: t,
            } => airport == Some(a.as_str()) && terminal == Some(t.as_str()),
            Group::Kiosk(k) => k == kiosk,
        }
    }
}

impl std::fmt::Display for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Group::All => write!(f, "all kiosks"),
            Group::Airport(a) => write!(f, "airport {a}"),
            Group::Terminal { airport, terminal } => write!(f, "terminal {airport} {terminal}"),
            Group::Kiosk(k) => write!(f, "kiosk {k}"),
        }
    }
}

/// One publication: a group's configuration text and files, at a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// [`Group::key`].
    pub group: String,
    pub version: i64,
    pub text: String,
    /// Relative path → content (base64), e.g. `overrides/ur-PK/ui.ftl`, `logo.png`.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    pub published_by: String,
    /// Unix milliseconds.
    pub published_at: i64,
    #[serde(default)]
    pub note: String,
}

impl Layer {
    /// "airport LHE v3": how messages name it.
    pub fn label(&self) -> String {
        let group = Group::parse(&self.group)
            .map(|g| g.to_string())
            .unwrap_or_else(|| self.group.clone());
        format!("{group} v{}", self.version)
    }
}

/// A run of lines of a joined text, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// 1-based first line in the joined text.
    pub from: usize,
    pub count: usize,
    /// The publication's label ("airport LHE v3") or the kiosk's own file's path.
    pub source: String,
    /// 1-based first line in the source.
    pub source_from: usize,
}

/// A publication's layers as one, for one kiosk: what the desk sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub text: String,
    pub pieces: Vec<Piece>,
    pub files: BTreeMap<String, String>,
    /// The layers it was made of, least specific first (their texts left out).
    pub layers: Vec<LayerRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerRef {
    pub group: String,
    pub version: i64,
    pub published_by: String,
    pub published_at: i64,
}

impl Bundle {
    /// The bundle's tag: what a kiosk sends back (`If-None-Match`) to hear only of a change.
    pub fn etag(&self) -> String {
        use sha2::Digest;
        let json = serde_json::to_vec(self).unwrap_or_default();
        hex::encode(&sha2::Sha256::digest(&json)[..12])
    }

    /// "airport LHE v3 + kiosk K7 v1".
    pub fn label(&self) -> String {
        if self.layers.is_empty() {
            return "nothing published".into();
        }
        self.layers
            .iter()
            .map(|l| {
                let group = Group::parse(&l.group)
                    .map(|g| g.to_string())
                    .unwrap_or_else(|| l.group.clone());
                format!("{group} v{}", l.version)
            })
            .collect::<Vec<_>>()
            .join(" + ")
    }

    /// The top-level tables the bundle sets.
    pub fn tables(&self) -> Vec<String> {
        let mut t: Vec<String> = spans(&self.text).into_iter().map(|s| s.table).collect();
        t.retain(|t| !t.is_empty());
        t.dedup();
        t
    }
}

/// A run of lines of a TOML text under one top-level table (`""`: before any header).
#[derive(Debug, Clone)]
struct Span<'a> {
    table: String,
    /// 0-based index of its first line.
    first: usize,
    lines: Vec<&'a str>,
}

/// The text's lines, grouped by the top-level table each belongs to, in order. A line is a
/// header only outside strings (multi-line ones included) and outside a value's array that
/// runs over several lines; comments are skipped. (What this finds is checked against a TOML
/// parser's reading in [`layer_problems`]: a text it misreads is refused, never let through.)
fn spans(text: &str) -> Vec<Span<'_>> {
    let mut out: Vec<Span> = vec![Span {
        table: String::new(),
        first: 0,
        lines: Vec::new(),
    }];
    let mut lexer = Lexer::default();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if lexer.at_rest()
            && trimmed.starts_with('[')
            && let Some(name) = header_table(trimmed)
        {
            out.push(Span {
                table: name,
                first: i,
                lines: Vec::new(),
            });
        } else {
            lexer.value_line(line);
        }
        if let Some(last) = out.last_mut() {
            last.lines.push(line);
        }
    }
    out
}

/// Where a TOML text's reading stands between lines: in a multi-line string, or inside the
/// brackets of an array value.
#[derive(Default)]
struct Lexer {
    /// `"""` or `'''` while a multi-line string is open.
    string: Option<&'static str>,
    /// Open brackets (and braces) of a value.
    depth: usize,
}

impl Lexer {
    fn at_rest(&self) -> bool {
        self.string.is_none() && self.depth == 0
    }

    /// Reads a line that is not a header: strings, comments, brackets.
    fn value_line(&mut self, line: &str) {
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if let Some(close) = self.string {
                match b[i..].windows(3).position(|w| w == close.as_bytes()) {
                    Some(at) => {
                        // `""""` ends with the last three quotes; a basic one may escape them.
                        if close == "\"\"\"" && !backslashes_before(b, i + at).is_multiple_of(2) {
                            i += at + 1;
                            continue;
                        }
                        i += at + 3;
                        while i < b.len() && b[i] == close.as_bytes()[0] {
                            i += 1;
                        }
                        self.string = None;
                    }
                    None => return,
                }
                continue;
            }
            match b[i] {
                b'#' => return,
                b'"' | b'\'' => {
                    let q = b[i];
                    if b[i..].starts_with(b"\"\"\"") {
                        self.string = Some("\"\"\"");
                        i += 3;
                    } else if b[i..].starts_with(b"'''") {
                        self.string = Some("'''");
                        i += 3;
                    } else {
                        // A one-line string: to its closing quote (a basic one may escape it).
                        i += 1;
                        while i < b.len() {
                            if b[i] == q
                                && (q == b'\'' || backslashes_before(b, i).is_multiple_of(2))
                            {
                                break;
                            }
                            i += 1;
                        }
                        i += 1;
                    }
                }
                b'[' | b'{' => {
                    self.depth += 1;
                    i += 1;
                }
                b']' | b'}' => {
                    self.depth = self.depth.saturating_sub(1);
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
}

/// How many backslashes stand right before byte `at`.
fn backslashes_before(b: &[u8], at: usize) -> usize {
    b[..at].iter().rev().take_while(|c| **c == b'\\').count()
}

/// `[branding]` → branding; `[[documents.rules]]` → documents; `["a b".c]` → a b.
fn header_table(trimmed: &str) -> Option<String> {
    let inner = trimmed.trim_start_matches('[');
    let inner = inner.split(']').next()?.trim();
    let first = if let Some(rest) = inner.strip_prefix('"') {
        rest.split('"').next()?.to_string()
    } else {
        inner.split('.').next()?.trim().to_string()
    };
    (!first.is_empty()).then_some(first)
}

/// What is wrong with a publication's text as a publication (before the config checks): a
/// table only a kiosk's own file may set, keys outside any table. The tables a TOML parser
/// reads in it are held to the same rule, whatever the lines look like.
pub fn layer_problems(text: &str, source: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let only = || {
        PUBLISHABLE
            .iter()
            .map(|t| format!("[{t}]"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let found: Vec<String> = spans(text)
        .into_iter()
        .map(|s| s.table)
        .filter(|t| !t.is_empty())
        .collect();
    let here = |line: usize, message: String| Diagnostic {
        file: Some(PathBuf::from(source)),
        line,
        column: 1,
        message,
    };
    for span in spans(text) {
        if span.table.is_empty() {
            if let Some((i, _)) = span.lines.iter().enumerate().find(|(_, l)| {
                let t = l.trim();
                !t.is_empty() && !t.starts_with('#')
            }) {
                out.push(here(
                    span.first + i + 1,
                    format!(
                        "a published config sets whole tables: write this under a table such as [{}]",
                        PUBLISHABLE[0]
                    ),
                ));
            }
        } else if !PUBLISHABLE.contains(&span.table.as_str()) {
            out.push(here(
                span.first + 1,
                format!(
                    "`[{}]` stays in each kiosk's own file (its identity, targets, keys and \
                     devices): a published config sets only {}",
                    span.table,
                    only()
                ),
            ));
        }
    }
    if let Ok(table) = text.parse::<toml::Table>() {
        for (key, value) in &table {
            // A table the lines above do not show (they report those they show).
            let is_table = value.is_table()
                || value
                    .as_array()
                    .is_some_and(|a| a.iter().all(toml::Value::is_table));
            if is_table && !found.contains(key) {
                out.push(Diagnostic {
                    file: Some(PathBuf::from(source)),
                    line: 0,
                    column: 0,
                    message: format!(
                        "`{key}` is read as a table of its own here: a published config sets only \
                         {}, each under its own header line",
                        only()
                    ),
                });
            }
        }
    }
    out
}

/// What is wrong with a publication's files: a path that is not a plain relative one, too
/// many, too large, not base64.
pub fn file_problems(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    if files.len() > MAX_FILES {
        out.push(format!(
            "{} files: a publication carries {MAX_FILES} at most",
            files.len()
        ));
    }
    let mut total = 0usize;
    for (path, content) in files {
        if !plain_path(path) {
            out.push(format!(
                "{path:?} is not a plain relative path like \"overrides/ur-PK/ui.ftl\""
            ));
        }
        match base64::engine::general_purpose::STANDARD.decode(content) {
            Ok(bytes) => total += bytes.len(),
            Err(_) => out.push(format!("{path:?}: its content is not base64")),
        }
    }
    // `logo` and `logo/a.png` cannot both be: one would be a file and a directory.
    for path in files.keys() {
        if files
            .keys()
            .any(|other| other.len() > path.len() && other.starts_with(&format!("{path}/")))
        {
            out.push(format!(
                "{path:?} is a file, and other files are in a directory of that name"
            ));
        }
    }
    if total > MAX_FILE_BYTES {
        out.push(format!(
            "the files hold {} KiB: a publication carries {} KiB at most",
            total / 1024,
            MAX_FILE_BYTES / 1024
        ));
    }
    out
}

/// `overrides/ur-PK/ui.ftl`: letters, digits, `-_.` in parts, no `..`, not absolute.
fn plain_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 200
        && path.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && !part.starts_with('.')
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        })
}

/// The layers that apply to a kiosk, as one bundle; `None` when none does. A table is taken
/// whole from the most specific layer that sets it; a file from the most specific layer that
/// has it.
pub fn bundle(layers: &[Layer]) -> Option<Bundle> {
    let mut ordered: Vec<(&Layer, Group)> = layers
        .iter()
        .filter_map(|l| Group::parse(&l.group).map(|g| (l, g)))
        .collect();
    if ordered.is_empty() {
        return None;
    }
    ordered.sort_by_key(|(_, g)| g.rank());
    let mut winner: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (layer, _)) in ordered.iter().enumerate() {
        for span in spans(&layer.text) {
            if !span.table.is_empty() {
                winner.insert(span.table, i);
            }
        }
    }
    let mut joined = Builder::default();
    for (i, (layer, _)) in ordered.iter().enumerate() {
        let label = layer.label();
        for span in spans(&layer.text) {
            if !span.table.is_empty() && winner.get(&span.table) == Some(&i) {
                joined.push(&span, &label);
            }
        }
    }
    let mut files = BTreeMap::new();
    for (layer, _) in &ordered {
        for (path, content) in &layer.files {
            files.insert(path.clone(), content.clone());
        }
    }
    Some(Bundle {
        text: joined.text,
        pieces: joined.pieces,
        files,
        layers: ordered
            .iter()
            .map(|(l, _)| LayerRef {
                group: l.group.clone(),
                version: l.version,
                published_by: l.published_by.clone(),
                published_at: l.published_at,
            })
            .collect(),
    })
}

#[derive(Default)]
struct Builder {
    text: String,
    pieces: Vec<Piece>,
    lines: usize,
}

impl Builder {
    fn push(&mut self, span: &Span, source: &str) {
        if span.lines.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            from: self.lines + 1,
            count: span.lines.len(),
            source: source.to_string(),
            source_from: span.first + 1,
        });
        for line in &span.lines {
            self.text.push_str(line);
            self.text.push('\n');
        }
        self.lines += span.lines.len();
    }

    fn push_pieces(&mut self, text: &str, pieces: &[Piece]) {
        for p in pieces {
            self.pieces.push(Piece {
                from: self.lines + p.from,
                ..p.clone()
            });
        }
        self.text.push_str(text);
        if !text.is_empty() && !text.ends_with('\n') {
            self.text.push('\n');
        }
        self.lines += text.lines().count();
    }
}

/// The kiosk's configuration: the published bundle's text, then its own file's tables the
/// bundle does not set. The lines of each keep their place in a [`Piece`].
pub fn join(bundle_text: &str, bundle_pieces: &[Piece], local: &str, local_name: &str) -> Joined {
    let mut joined = Builder::default();
    joined.push_pieces(bundle_text, bundle_pieces);
    let published: Vec<String> = spans(bundle_text)
        .into_iter()
        .map(|s| s.table)
        .filter(|t| !t.is_empty())
        .collect();
    for span in spans(local) {
        if span.table.is_empty() || !published.contains(&span.table) {
            joined.push(&span, local_name);
        }
    }
    Joined {
        text: joined.text,
        pieces: joined.pieces,
    }
}

/// A joined configuration text and where each of its lines came from.
#[derive(Debug, Clone)]
pub struct Joined {
    pub text: String,
    pub pieces: Vec<Piece>,
}

impl Joined {
    /// The diagnostic moved to the line of the text it came from.
    pub fn place(&self, mut d: Diagnostic) -> Diagnostic {
        if d.line == 0 {
            return d;
        }
        if let Some(p) = self
            .pieces
            .iter()
            .find(|p| d.line >= p.from && d.line < p.from + p.count)
        {
            d.line = p.source_from + (d.line - p.from);
            d.file = Some(PathBuf::from(&p.source));
        }
        d
    }
}

/// Checks a configuration as `concierge config check` does: the file's own checks, then the
/// operator's message files in the overrides directory. Each problem is one line.
pub fn check(loaded: &Loaded) -> Vec<String> {
    match &loaded.config.locales.overrides {
        Some(dir) => crate::i18n::Messages::with_overrides(dir)
            .1
            .into_iter()
            .map(|p| format!("[locales] overrides: {p}"))
            .collect(),
        None => Vec::new(),
    }
}

/// Writes a bundle's files and text into `dir` (made afresh).
pub fn write_bundle(dir: &Path, bundle: &Bundle) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    for (path, content) in &bundle.files {
        if !plain_path(path) {
            return Err(std::io::Error::other(format!(
                "{path:?} is not a plain path"
            )));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content)
            .map_err(std::io::Error::other)?;
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(file, bytes)?;
    }
    std::fs::write(dir.join(TEXT_FILE), &bundle.text)?;
    let meta = serde_json::to_vec_pretty(bundle).map_err(std::io::Error::other)?;
    std::fs::write(dir.join(BUNDLE_FILE), meta)
}

/// Reads the bundle kept in `dir` (written by [`write_bundle`]).
pub fn read_bundle(dir: &Path) -> Option<Bundle> {
    let bytes =
        crate::store::read_capped(&dir.join(BUNDLE_FILE), 4 * MAX_FILE_BYTES as u64).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The kiosk's configuration: its own file at `local` joined with the bundle kept in
/// `published` (written there by [`write_bundle`]), checked as `concierge config check`
/// checks a file. Every error points at the line of the publication or of the file it is in.
pub fn load(local: &Path, published: &Path) -> Result<(Loaded, Bundle), Vec<Diagnostic>> {
    let io = |message: String| {
        vec![Diagnostic {
            file: None,
            line: 0,
            column: 0,
            message,
        }]
    };
    let bundle = read_bundle(published)
        .ok_or_else(|| io(format!("no published config in {}", published.display())))?;
    let text = crate::store::read_capped_string(local, super::MAX_CONFIG_BYTES)
        .map_err(|e| io(format!("cannot read {}: {e}", local.display())))?;
    let joined = join(
        &bundle.text,
        &bundle.pieces,
        &text,
        &local.display().to_string(),
    );
    // Relative paths in the publication (pictures, the overrides directory) are its files.
    let mut problems: Vec<Diagnostic> = layer_problems(&bundle.text, "published")
        .into_iter()
        .map(|d| joined.place(d))
        .collect();
    match Config::parse(&joined.text, Some(&published.join(TEXT_FILE))) {
        Ok(loaded) => {
            problems.extend(check(&loaded).into_iter().map(|message| Diagnostic {
                file: None,
                line: 0,
                column: 0,
                message,
            }));
            if problems.is_empty() {
                let warnings = loaded
                    .warnings
                    .into_iter()
                    .map(|d| joined.place(d))
                    .collect();
                Ok((
                    Loaded {
                        config: loaded.config,
                        warnings,
                    },
                    bundle,
                ))
            } else {
                Err(problems)
            }
        }
        Err(ConfigError::Invalid(diags)) => {
            problems.extend(diags.into_iter().map(|d| joined.place(d)));
            Err(problems)
        }
        Err(e) => Err(io(e.to_string())),
    }
}

/// A publication checked on its own, as the desk does before it takes it: the publication's
/// rules, its files, then every config check with its files in place (in a scratch
/// directory). Problems are located in `source`'s lines.
pub fn check_layer(
    text: &str,
    files: &BTreeMap<String, String>,
    source: &str,
) -> Result<Loaded, Vec<String>> {
    let scratch = scratch_dir().map_err(|e| vec![format!("cannot check the files: {e}")])?;
    let result = check_layer_in(&scratch, text, files, source);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// [`check_layer`], its files written in `dir` (and left there: the config read names them).
pub fn check_layer_in(
    dir: &Path,
    text: &str,
    files: &BTreeMap<String, String>,
    source: &str,
) -> Result<Loaded, Vec<String>> {
    let mut problems: Vec<String> = layer_problems(text, source)
        .iter()
        .map(ToString::to_string)
        .collect();
    problems.extend(file_problems(files));
    if !problems.is_empty() {
        return Err(problems);
    }
    let bundle = Bundle {
        text: text.to_string(),
        pieces: vec![Piece {
            from: 1,
            count: text.lines().count(),
            source: source.to_string(),
            source_from: 1,
        }],
        files: files.clone(),
        layers: Vec::new(),
    };
    write_bundle(dir, &bundle).map_err(|e| vec![format!("cannot check the files: {e}")])?;
    match Config::parse(text, Some(&dir.join(TEXT_FILE))) {
        Ok(loaded) => {
            let p = check(&loaded);
            if p.is_empty() { Ok(loaded) } else { Err(p) }
        }
        Err(ConfigError::Invalid(diags)) => Err(diags
            .into_iter()
            .map(|d| bundle_place(&bundle, d).to_string())
            .collect()),
        Err(e) => Err(vec![e.to_string()]),
    }
}

fn bundle_place(bundle: &Bundle, d: Diagnostic) -> Diagnostic {
    Joined {
        text: bundle.text.clone(),
        pieces: bundle.pieces.clone(),
    }
    .place(d)
}

/// A fresh directory under the system's temporary one.
pub fn scratch_dir() -> std::io::Result<PathBuf> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    let dir = std::env::temp_dir().join(format!("concierge-published-{}", hex::encode(bytes)));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(group: &str, version: i64, text: &str) -> Layer {
        Layer {
            group: group.into(),
            version,
            text: text.into(),
            files: BTreeMap::new(),
            published_by: "alex".into(),
            published_at: 0,
            note: String::new(),
        }
    }

    #[test]
    fn groups_read_back_and_hold_their_kiosks() {
        for key in ["all", "airport:LHE", "terminal:LHE/T1", "kiosk:LHE-T1-K07"] {
            assert_eq!(Group::parse(key).unwrap().key(), key);
        }
        assert_eq!(
            Group::parse("airport:lhe"),
            Some(Group::Airport("LHE".into()))
        );
        for bad in [
            "",
            "airport:LAHORE",
            "terminal:LHE",
            "kiosk:",
            "region:EU",
            "x",
        ] {
            assert_eq!(Group::parse(bad), None, "{bad}");
        }
        let t1 = Group::parse("terminal:LHE/T1").unwrap();
        assert!(t1.holds("K", Some("LHE"), Some("T1")));
        assert!(!t1.holds("K", Some("LHE"), Some("T2")));
        assert!(!Group::Airport("KHI".into()).holds("K", Some("LHE"), None));
    }

    #[test]
    fn the_most_specific_group_sets_a_table_whole_and_lines_keep_their_place() {
        let all = layer(
            "all",
            4,
            "# every kiosk\n[timeouts]\nidle = \"60s\"\n\n[branding]\nname = \"Northwind\"\n",
        );
        let lhe = layer(
            "airport:LHE",
            2,
            "[branding]\nname = \"Northwind Lahore\"\n",
        );
        let b = bundle(&[lhe, all]).unwrap();
        assert_eq!(b.tables(), vec!["timeouts", "branding"]);
        assert!(!b.text.contains("Northwind\"\n"), "{}", b.text);
        assert!(b.text.contains("Northwind Lahore"));
        assert_eq!(b.label(), "all kiosks v4 + airport LHE v2");
        // "name" in the joined text is the airport's line 2.
        let local =
            "[kiosk]\nid = \"K7\"\n[branding]\nname = \"Mine\"\n[timeouts]\nidle = \"5s\"\n";
        let joined = join(&b.text, &b.pieces, local, "/etc/concierge/concierge.toml");
        assert!(
            !joined.text.contains("Mine"),
            "published tables win: {}",
            joined.text
        );
        assert!(joined.text.contains("id = \"K7\""));
        let at = |needle: &str| {
            let line = joined
                .text
                .lines()
                .position(|l| l.contains(needle))
                .unwrap()
                + 1;
            joined.place(Diagnostic {
                file: None,
                line,
                column: 1,
                message: String::new(),
            })
        };
        let name = at("Northwind Lahore");
        assert_eq!(
            (name.file.unwrap().display().to_string(), name.line),
            ("airport LHE v2".to_string(), 2)
        );
        let idle = at("idle");
        assert_eq!(
            (idle.file.unwrap().display().to_string(), idle.line),
            ("all kiosks v4".into(), 3)
        );
        let id = at("K7");
        assert_eq!(
            (id.file.unwrap().display().to_string(), id.line),
            ("/etc/concierge/concierge.toml".into(), 2)
        );
    }

    #[test]
    fn a_publication_sets_only_shared_tables() {
        let p = layer_problems(
            "[timeouts]\nidle = \"60s\"\n[help]\nurl = \"x\"\n[[help.targets]]\n",
            "airport LHE v1",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].line, 3);
        assert!(
            p[0].to_string()
                .starts_with("airport LHE v1:3:1: `[help]` stays"),
            "{}",
            p[0]
        );
        let root = layer_problems("# hi\nname = \"x\"\n[branding]\n", "v");
        assert_eq!(root[0].line, 2);
        // A header inside a multi-line string is text.
        assert!(layer_problems("[branding]\nname = \"\"\"\n[help]\n\"\"\"\n", "v").is_empty());
        // Quotes in a comment or a one-line string hide nothing.
        for hidden in [
            "[branding]\n# a \"\"\" here\n[[staff]]\nname = \"x\"\n",
            "[branding]\nname = \"it'''s\"\n[metrics]\nlisten = \"127.0.0.1:1\"\n",
            "[branding]\nname = 'a\"\"\"b'\n[logging]\n",
        ] {
            let p = layer_problems(hidden, "v");
            assert!(!p.is_empty(), "{hidden}");
        }
        // A line of an array that runs over several lines is no header.
        let multi = "[documents]\nrules = [\n  [\"GB\", \"PK\"],\n]\n[timeouts]\nidle = \"60s\"\n";
        assert_eq!(
            spans(multi)
                .iter()
                .map(|s| s.table.as_str())
                .collect::<Vec<_>>(),
            vec!["", "documents", "timeouts"]
        );
    }

    #[test]
    fn files_must_be_plain_paths_in_base64() {
        let mut files = BTreeMap::new();
        files.insert("overrides/ur-PK/ui.ftl".into(), "aGk=".into());
        assert!(file_problems(&files).is_empty());
        let mut clash = BTreeMap::new();
        clash.insert("logo".to_string(), "aGk=".to_string());
        clash.insert("logo/a.png".to_string(), "aGk=".to_string());
        assert_eq!(file_problems(&clash).len(), 1);
        for bad in ["../etc/passwd", "/etc/passwd", "a//b", ".hidden", "a b"] {
            let mut f = BTreeMap::new();
            f.insert(bad.to_string(), "aGk=".into());
            assert_eq!(file_problems(&f).len(), 1, "{bad}");
        }
        files.insert("logo.png".into(), "not base64!".into());
        assert_eq!(file_problems(&files).len(), 1);
    }

    #[test]
    fn a_publications_pictures_are_its_own_files() {
        use base64::Engine as _;
        let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0b2545"/></svg>"##;
        let mut files = BTreeMap::new();
        files.insert("logo.svg".to_string(), b64(svg));
        let loaded =
            check_layer("[branding]\nlogo = \"logo.svg\"\n", &files, "all kiosks v1").unwrap();
        assert!(loaded.config.branding.pictures.logo.is_some());
        // A picture that is not one: refused at its line.
        files.insert("logo.svg".to_string(), b64(b"not a picture"));
        let e = check_layer(
            "\n[branding]\nlogo = \"logo.svg\"\n",
            &files,
            "all kiosks v2",
        )
        .unwrap_err();
        assert!(e[0].starts_with("all kiosks v2:3:1: "), "{e:?}");
        // A file the publication does not carry.
        let e = check_layer(
            "[branding]\nlogo = \"missing.svg\"\n",
            &BTreeMap::new(),
            "v",
        )
        .unwrap_err();
        assert!(e[0].starts_with("v:2:1: "), "{e:?}");
    }

    #[test]
    fn a_bad_value_is_reported_at_the_publications_line() {
        let e = check_layer(
            "[branding]\nname = \"N\"\n\n[timeouts]\nidle = \"soon\"\n",
            &BTreeMap::new(),
            "airport LHE v3",
        )
        .unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("airport LHE v3:5:1: "), "{}", e[0]);
    }
}
