//! The GUI's files import one another in layers: no file in `src/ui` imports a file that
//! imports it, directly or round a circle (the shell once imported the screens, speech, staff,
//! the tour and the view, and each of them imported the shell). Read from the source as a
//! reader would: every `use` and every path through `crate::ui::` or `super::`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its module path (`ui::screens::seats`).
fn modules(dir: &Path, path: &str, out: &mut BTreeMap<String, PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let file = entry.path();
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        if file.is_dir() {
            modules(&file, &format!("{path}::{name}"), out);
        } else if name == "mod" {
            out.insert(path.to_string(), file);
        } else if file.extension().is_some_and(|e| e == "rs") {
            out.insert(format!("{path}::{name}"), file);
        }
    }
}

/// The paths a `use` tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| match p.as_str() {
            "self" => prefix.trim_end_matches("::").to_string(),
            _ => format!("{prefix}{p}"),
        })
        .collect()
}

/// The module a path names from `module` (the file's own module): `super::draw::El` from
/// `ui::screens::bags` is `ui::screens::draw`… resolved to the longest known module.
fn resolve(path: &str, module: &str, known: &BTreeMap<String, PathBuf>) -> Option<String> {
    let mut base: Vec<&str> = module.split("::").collect();
    let mut rest = path;
    if let Some(r) = rest.strip_prefix("crate::") {
        base.clear();
        rest = r;
    } else if rest.starts_with("super::") {
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
    } else if let Some(r) = rest.strip_prefix("self::") {
        rest = r;
    }
    let mut full: Vec<&str> = base;
    full.extend(rest.split("::"));
    (1..=full.len())
        .rev()
        .map(|n| full[..n].join("::"))
        .find(|m| known.contains_key(m))
}

/// The trees of a file's `use` statements (`use a::{b, c};` gives `a::{b, c}`).
fn use_trees(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim_start)
        .enumerate()
        .filter_map(|(i, line)| {
            let line = line
                .strip_prefix("pub ")
                .or_else(|| line.strip_prefix("pub(crate) "))
                .or_else(|| line.strip_prefix("pub(super) "))
                .unwrap_or(line);
            line.strip_prefix("use ").map(|_| i)
        })
        .map(|first| {
            let rest: Vec<&str> = text.lines().skip(first).collect();
            let joined = rest.join(" ");
            let start = joined.find("use ").unwrap_or(0) + 4;
            let end = joined[start..]
                .find(';')
                .map_or(joined.len(), |e| start + e);
            joined[start..end].to_string()
        })
        .collect()
}

/// Paths written out in code: `crate::ui::draw::El`, `super::work::perform`.
fn inline_paths(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for start in ["crate::ui::", "super::"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(start) {
            let begin = from + at;
            let word_before = text[..begin]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            let end = text[begin..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(text.len(), |e| begin + e);
            if !word_before {
                found.push(text[begin..end].trim_end_matches(':').to_string());
            }
            from = end.max(begin + start.len());
        }
    }
    found
}

#[test]
fn the_gui_files_import_one_another_without_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut known = BTreeMap::new();
    modules(&root, "ui", &mut known);
    assert!(known.len() > 20, "{known:?}");
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in &known {
        let text = std::fs::read_to_string(file).unwrap();
        // Tests inside a file see their own module as `super`.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut paths: Vec<String> = Vec::new();
        for tree in use_trees(text) {
            for path in expand(&tree) {
                // `use input::Key` in a `mod.rs`: a module of its own.
                let first = path.split("::").next().unwrap_or_default();
                let child = format!("{module}::{first}");
                if known.contains_key(&child) && !path.starts_with("crate") {
                    paths.push(format!("self::{path}"));
                } else {
                    paths.push(path);
                }
            }
        }
        paths.extend(inline_paths(text));
        let from = edges.entry(module.clone()).or_default();
        for path in paths {
            if !(path.starts_with("crate::ui")
                || path.starts_with("super")
                || path.starts_with("self"))
            {
                continue;
            }
            if let Some(to) = resolve(&path, module, &known)
                && to != *module
            {
                from.insert(to);
            }
        }
    }
    // A circle is a file reached again from itself.
    fn circle(
        at: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        trail: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = trail.iter().position(|m| m == at) {
            let mut found = trail[i..].to_vec();
            found.push(at.to_string());
            return Some(found);
        }
        if done.contains(at) {
            return None;
        }
        trail.push(at.to_string());
        for next in edges.get(at).into_iter().flatten() {
            if let Some(found) = circle(next, edges, trail, done) {
                return Some(found);
            }
        }
        trail.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for module in known.keys() {
        if let Some(found) = circle(module, &edges, &mut Vec::new(), &mut done) {
            panic!("a circle of imports: {}", found.join(" -> "));
        }
    }
    // The shell imports the screens; no screen imports the shell or another screen.
    let shell = &edges["ui::kiosk"];
    assert!(shell.contains("ui::screens"), "{shell:?}");
    for (module, to) in &edges {
        if module.starts_with("ui::screens::") {
            assert!(
                to.iter()
                    .all(|t| !t.starts_with("ui::screens") && !t.starts_with("ui::kiosk")),
                "{module} imports {to:?}"
            );
        }
    }
}
