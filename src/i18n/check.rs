//! `concierge locales check`: every locale against en-US — parse errors, missing and extra
//! message ids, variables that differ, plural categories the locale needs (CLDR, from
//! intl_pluralrules) but a message lacks, text left identical to English, and Latin-only text in
//! a locale written in another script.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// What a message is made of, for comparing locales.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shape {
    pub variables: BTreeSet<String>,
    /// For each selector on a variable: its variant keys.
    pub selects: Vec<BTreeSet<String>>,
    /// The literal text, placeables left out.
    pub text: String,
}

fn walk_pattern(p: &ast::Pattern<&str>, shape: &mut Shape) {
    for e in &p.elements {
        match e {
            ast::PatternElement::TextElement { value } => shape.text.push_str(value),
            ast::PatternElement::Placeable { expression } => walk_expression(expression, shape),
        }
    }
}

fn walk_inline(e: &ast::InlineExpression<&str>, shape: &mut Shape) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            shape.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, shape);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, shape),
        _ => {}
    }
}

fn walk_expression(e: &ast::Expression<&str>, shape: &mut Shape) {
    match e {
        ast::Expression::Inline(i) => walk_inline(i, shape),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, shape);
            if matches!(selector, ast::InlineExpression::VariableReference { .. }) {
                shape.selects.push(
                    variants
                        .iter()
                        .map(|v| match &v.key {
                            ast::VariantKey::Identifier { name } => name.to_string(),
                            ast::VariantKey::NumberLiteral { value } => value.to_string(),
                        })
                        .collect(),
                );
            }
            for v in variants {
                walk_pattern(&v.value, shape);
            }
        }
    }
}

/// The messages of one Fluent file and their shapes, or the parser's complaints.
/// The line where braces first nest deeper than [`super::MAX_FTL_NESTING`], if they do. Quoted
/// string literals inside placeables (`{"{"}`) do not count.
pub fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '{' => {
                depth += 1;
                if depth > super::MAX_FTL_NESTING {
                    return Some(line);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            '"' if depth > 0 => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        '\n' => {
                            line += 1;
                            break;
                        }
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
            }
            _ => {}
        }
    }
    None
}

pub fn shapes(text: &str) -> Result<BTreeMap<String, Shape>, Vec<String>> {
    if let Some(line) = too_deep(text) {
        return Err(vec![format!(
            "line {line}: placeables nest more than {} deep (the parser would overflow its stack)",
            super::MAX_FTL_NESTING
        )]);
    }
    // fluent-syntax 0.12 can panic on some malformed escapes: an operator's typo is a
    // reported error, never a crashed kiosk.
    let parsed = std::panic::catch_unwind(|| fluent_syntax::parser::parse(text));
    let Ok(parsed) = parsed else {
        return Err(vec![
            "the Fluent parser gave up on this file (a malformed escape?)".into(),
        ]);
    };
    let resource = match parsed {
        Ok(r) => r,
        Err((_, errors)) => {
            return Err(errors
                .iter()
                .map(|e| {
                    let before = text.get(..e.pos.start.min(text.len())).unwrap_or(text);
                    let line = before.lines().count().max(1);
                    format!("line {line}: {:?}", e.kind)
                })
                .collect());
        }
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut shape = Shape::default();
            if let Some(p) = &m.value {
                walk_pattern(p, &mut shape);
            }
            out.insert(m.id.name.to_string(), shape);
        }
    }
    Ok(out)
}

/// The plural categories a locale's whole numbers fall into (CLDR cardinal rules).
pub fn plural_categories(locale: &str) -> BTreeSet<&'static str> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let Ok(id) = locale.parse::<unic_langid::LanguageIdentifier>() else {
        return BTreeSet::from(["other"]);
    };
    let Ok(rules) = PluralRules::create(id, PluralRuleType::CARDINAL) else {
        return BTreeSet::from(["other"]);
    };
    (0u32..=1000)
        .filter_map(|n| rules.select(n).ok())
        .map(|c| match c {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        })
        .collect()
}

/// The language subtag of a locale written in a script other than Latin (the faces that
/// cover it are the ones the screens and the PDFs use).
fn non_latin_language(locale: &str) -> Option<&str> {
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    (!crate::text::Face::for_language(language).is_empty()).then_some(language)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub locale: String,
    pub file: String,
    pub id: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}/{}: {id}: {}", self.locale, self.file, self.message),
            None => write!(f, "{}/{}: {}", self.locale, self.file, self.message),
        }
    }
}

/// Messages whose text may be the same as English in any locale.
const SAME_AS_ENGLISH: &[&str] = &[];

/// Names of places, which many languages write as English does ("New York").
fn same_as_english_allowed(id: &str) -> bool {
    SAME_AS_ENGLISH.contains(&id) || id.starts_with("city-")
}

/// Checks every (locale, file, text) against the en-US file of the same name.
pub fn check(sources: &[(String, String, String)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut parsed: BTreeMap<(String, String), BTreeMap<String, Shape>> = BTreeMap::new();
    for (locale, file, text) in sources {
        match shapes(text) {
            Ok(s) => {
                parsed
                    .entry((locale.clone(), file.clone()))
                    .or_default()
                    .extend(s);
            }
            Err(errors) => {
                for e in errors {
                    problems.push(Problem {
                        locale: locale.clone(),
                        file: file.clone(),
                        id: None,
                        message: format!("does not parse: {e}"),
                    });
                }
            }
        }
    }
    let english: BTreeMap<String, BTreeMap<String, Shape>> = parsed
        .iter()
        .filter(|((l, _), _)| l == super::FALLBACK)
        .map(|((_, f), s)| (f.clone(), s.clone()))
        .collect();
    // A locale without one of English's files lacks every message in it.
    let locales: BTreeSet<&String> = parsed.keys().map(|(l, _)| l).collect();
    for locale in locales {
        for (file, messages) in &english {
            if !parsed.contains_key(&(locale.clone(), file.clone())) {
                problems.push(Problem {
                    locale: locale.clone(),
                    file: file.clone(),
                    id: None,
                    message: format!(
                        "missing: the whole file ({} messages in en-US)",
                        messages.len()
                    ),
                });
            }
        }
    }
    for ((locale, file), messages) in &parsed {
        if locale == super::FALLBACK {
            continue;
        }
        let problem = |id: Option<&str>, message: String| Problem {
            locale: locale.clone(),
            file: file.clone(),
            id: id.map(str::to_string),
            message,
        };
        let Some(reference) = english.get(file) else {
            problems.push(problem(None, "has no en-US counterpart".into()));
            continue;
        };
        let categories = plural_categories(locale);
        let script = non_latin_language(locale);
        for (id, en) in reference {
            let Some(ours) = messages.get(id) else {
                problems.push(problem(Some(id), "missing".into()));
                continue;
            };
            if ours.variables != en.variables {
                problems.push(problem(
                    Some(id),
                    format!(
                        "variables {:?}, English has {:?}",
                        ours.variables, en.variables
                    ),
                ));
            }
            // A plural selection in English needs every category of this locale (a number
            // key such as [0] stands in for "zero").
            let en_plural = en
                .selects
                .iter()
                .any(|keys| keys.contains("one") || keys.contains("other") && keys.len() > 1);
            if en_plural {
                let covered = |keys: &BTreeSet<String>| {
                    categories.iter().all(|c| {
                        keys.contains(*c)
                            || (*c == "zero" && keys.contains("0"))
                            || (*c == "one" && keys.contains("1"))
                            || (*c == "two" && keys.contains("2"))
                    })
                };
                let plain = ours.selects.is_empty() && categories.len() == 1;
                if !plain && !ours.selects.iter().any(covered) {
                    problems.push(problem(
                        Some(id),
                        format!(
                            "a plural needs the categories {:?} of this locale",
                            categories
                        ),
                    ));
                }
            }
            let words = ours.text.split_whitespace().count();
            if ours.text.trim() == en.text.trim() && words > 1 && !same_as_english_allowed(id) {
                problems.push(problem(Some(id), "left in English".into()));
            }
            if let Some(language) = script {
                let latin = ours.text.chars().any(|c| c.is_ascii_alphabetic());
                let native = ours
                    .text
                    .chars()
                    .any(|c| crate::text::Face::in_script_of(language, c));
                if latin && !native {
                    problems.push(problem(
                        Some(id),
                        "Latin letters only, in a locale written in another script".into(),
                    ));
                }
            }
        }
        for id in messages.keys() {
            if !reference.contains_key(id) {
                problems.push(problem(Some(id), "not in en-US (a typo?)".into()));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(l: &str, f: &str, t: &str) -> (String, String, String) {
        (l.into(), f.into(), t.into())
    }

    #[test]
    fn the_built_in_locales_pass() {
        let sources: Vec<_> = super::super::built_in_sources()
            .iter()
            .map(|(l, f, t)| s(l, f, t))
            .collect();
        let problems = check(&sources);
        assert!(
            problems.is_empty(),
            "{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn each_kind_of_problem_is_found() {
        let en = "hello = Hello, { $name }\nbags = { $count ->\n    [one] one bag\n   *[other] { $count } bags\n}\nbye = Good bye now\n";
        let problems = check(&[
            s("en-US", "a.ftl", en),
            s(
                "ar",
                "a.ftl",
                "hello = مرحبا { $nom }\nbags = { $count ->\n    [one] حقيبة\n   *[other] { $count } حقائب\n}\nbye = Good bye now\nextra = x\n",
            ),
            s("fr-FR", "a.ftl", "hello = Bonjour { $name"),
            s("en-US", "b.ftl", "only = Only here\n"),
        ]);
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        let has = |needle: &str| text.iter().any(|t| t.contains(needle));
        assert!(has("ar/a.ftl: hello: variables"), "{text:?}");
        assert!(
            has("ar/a.ftl: bags: a plural needs the categories"),
            "{text:?}"
        );
        assert!(has("ar/a.ftl: bye: left in English"), "{text:?}");
        assert!(has("ar/a.ftl: bye: Latin letters only"), "{text:?}");
        assert!(has("ar/a.ftl: extra: not in en-US"), "{text:?}");
        assert!(has("fr-FR/a.ftl: does not parse"), "{text:?}");
        assert!(
            has("ar/b.ftl: missing: the whole file (1 messages in en-US)"),
            "{text:?}"
        );
        assert_eq!(
            plural_categories("ar"),
            BTreeSet::from(["zero", "one", "two", "few", "many", "other"])
        );
        assert_eq!(plural_categories("zh-CN"), BTreeSet::from(["other"]));
    }

    #[test]
    fn a_file_the_parser_chokes_on_is_an_error_not_a_crash() {
        // fluent-syntax 0.12 slices inside the é of a malformed escape and panics.
        let result = shapes("welcome-title = { \"\\u00é\" }\n");
        assert!(result.is_err(), "{result:?}");
    }
}
