//! The keywords have one source, `bdl::syntax::keywords`; the grammar spells them again as `kw_…`
//! rules and says where statements start. This test reads grammar/bdl.pest and fails when the two
//! disagree: a keyword added to one and not the other, a statement that starts at a place the table
//! does not know, or a spelling that differs.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::syntax::keywords::{Keyword, Place};
use std::collections::{BTreeMap, BTreeSet};

fn grammar() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/bdl.pest")).unwrap()
}

/// Every rule of the grammar: name → body (comments removed, on one line).
fn rules(grammar: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in grammar.lines() {
        let line = line.split("//").next().unwrap_or("");
        let starts_rule = line.split_once('=').filter(|(name, _)| {
            let name = name.trim();
            !line.starts_with(' ')
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        match starts_rule {
            Some((name, body)) => {
                current = Some(name.trim().to_string());
                out.insert(name.trim().to_string(), body.to_string());
            }
            None => {
                if let Some(name) = &current {
                    out.get_mut(name).unwrap().push_str(line);
                }
            }
        }
    }
    out
}

/// `kw_rate = @{ "rate" ~ !idc }` → ("kw_rate", "rate").
fn grammar_keywords(rules: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    rules
        .iter()
        .filter(|(name, _)| name.starts_with("kw_"))
        .map(|(name, body)| {
            let word = body.split('"').nth(1).unwrap_or_else(|| {
                panic!("{name} has no quoted word: {body}");
            });
            assert!(
                body.contains("!idc"),
                "{name} must not match the start of a longer word (`~ !idc`): {body}"
            );
            (name.clone(), word.to_string())
        })
        .collect()
}

/// The alternatives of a rule `a | b | c` (the names of the rules it chooses between).
fn alternatives(body: &str) -> Vec<String> {
    body.replace("_{", " ")
        .replace(['{', '}'], " ")
        .split('|')
        .flat_map(|a| a.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// The keyword a statement rule starts with: `cost = { kw_cost ~ string … }` → `kw_cost`.
fn first_keyword(rules: &BTreeMap<String, String>, rule: &str) -> String {
    let body = rules
        .get(rule)
        .unwrap_or_else(|| panic!("no rule `{rule}`"));
    body.replace(['{', '}', '$', '@'], " ")
        .split_whitespace()
        .next()
        .filter(|w| w.starts_with("kw_"))
        .unwrap_or_else(|| panic!("`{rule}` does not start with a keyword: {body}"))
        .to_string()
}

fn rule_name(k: Keyword) -> String {
    format!("kw_{}", k.word().replace('-', "_"))
}

fn starting_at(rules: &BTreeMap<String, String>, rule: &str, filter: &[&str]) -> BTreeSet<String> {
    let body = rules
        .get(rule)
        .unwrap_or_else(|| panic!("no rule `{rule}`"));
    alternatives(body)
        .iter()
        .filter(|a| !filter.contains(&a.as_str()))
        .map(|a| first_keyword(rules, a))
        .collect()
}

fn table_at(place: Place) -> BTreeSet<String> {
    Keyword::ALL
        .iter()
        .filter(|k| k.starts().contains(&place))
        .map(|k| rule_name(*k))
        .collect()
}

#[test]
fn the_grammar_spells_every_keyword_of_the_table_and_no_other() {
    let rules = rules(&grammar());
    let in_grammar = grammar_keywords(&rules);
    let in_table: BTreeMap<String, String> = Keyword::ALL
        .iter()
        .map(|k| (rule_name(*k), k.word().to_string()))
        .collect();
    assert_eq!(
        in_grammar, in_table,
        "grammar/bdl.pest (left) and src/syntax/keywords.rs (right) list different keywords"
    );
}

#[test]
fn statements_start_where_the_table_says() {
    let rules = rules(&grammar());
    assert_eq!(
        starting_at(&rules, "top_item", &[]),
        table_at(Place::Document),
        "the statements of a document: grammar `top_item` (left), table (right)"
    );
    assert_eq!(
        starting_at(&rules, "direction_item", &[]),
        table_at(Place::Direction),
        "the statements inside a direction: grammar `direction_item` (left), table (right)"
    );
    assert_eq!(
        starting_at(&rules, "task_item", &[]),
        table_at(Place::Task),
        "the statements inside a task's block: grammar `task_item` (left), table (right)"
    );
    // framework_tree = { "{" ~ nl+ ~ (category ~ nl+)* ~ "}" }
    let tree = rules.get("framework_tree").unwrap();
    let inside: BTreeSet<String> = tree
        .replace(['(', ')', '{', '}', '"', '~', '+', '*'], " ")
        .split_whitespace()
        .filter(|w| *w != "nl")
        .map(|w| first_keyword(&rules, w))
        .collect();
    assert_eq!(
        inside,
        table_at(Place::Framework),
        "inside `framework {{ }}`"
    );
}

#[test]
fn the_reader_of_this_grammar_sees_what_it_should() {
    // The test's own reading of the grammar, so that a change of layout cannot make it pass vacuously.
    let rules = rules(&grammar());
    assert!(grammar_keywords(&rules).len() > 40);
    assert!(starting_at(&rules, "top_item", &[]).contains("kw_year"));
    assert!(starting_at(&rules, "direction_item", &[]).contains("kw_cost"));
}

#[test]
fn the_unknown_keyword_help_lists_the_table() {
    let d = bdl::compile("indicater 产出数量 \"x\" = 1\n");
    let help = d.diagnostics[0].help.as_ref().unwrap().en.clone();
    assert!(help.contains("indicator"), "{help}");
    let far = bdl::compile("zzzzzzzz 1\n");
    let help = far.diagnostics[0].help.as_ref().unwrap().en.clone();
    for k in Keyword::ALL.iter().filter(|k| k.starts_statement()) {
        if k.starts() != [Place::Framework] && k.starts() != [Place::Task] {
            assert!(help.contains(k.word()), "{} missing from: {help}", k.word());
        }
    }
}

/// The quoted words of `text` that stand where the code names a keyword: `kw("…")` calls, match arms
/// (`"income" | "spending" =>`) and the elements of the constant word lists named in `lists`.
fn keyword_literals(text: &str, lists: &[&str]) -> BTreeSet<String> {
    let quoted = |s: &str| -> Vec<String> {
        s.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let t = line.trim();
        let mut rest = t;
        while let Some(i) = rest.find("kw(\"") {
            let after = &rest[i + 4..];
            if let Some(end) = after.find('"') {
                out.insert(after[..end].to_string());
            }
            rest = after;
        }
        if t.starts_with('"') && t.contains("=>") {
            let arm = &t[..t.find("=>").unwrap()];
            if arm.split('|').all(|a| a.trim().starts_with('"')) {
                out.extend(quoted(arm));
            }
        }
    }
    for name in lists {
        let start = text
            .find(&format!("const {name}: &[&str] = &["))
            .unwrap_or_else(|| panic!("no list {name}"));
        let body = &text[start..];
        let body = &body[body.find('[').unwrap() + 1..];
        let body = &body[body.find('[').unwrap() + 1..body.find("];").unwrap()];
        out.extend(quoted(body));
    }
    out
}

#[test]
fn the_fast_parser_and_the_completion_spell_only_keywords_of_the_table() {
    let table: BTreeSet<String> = Keyword::ALL.iter().map(|k| k.word().to_string()).collect();
    for (file, lists) in [
        ("src/syntax/fast.rs", &[][..]),
        (
            "src/ide/completion.rs",
            &["OPTION_KEYWORDS", "REFERENCES"][..],
        ),
    ] {
        let text =
            std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let words = keyword_literals(&text, lists);
        assert!(words.len() > 5, "{file}: found only {words:?}");
        let unknown: Vec<&String> = words.difference(&table).collect();
        assert!(
            unknown.is_empty(),
            "{file} spells {unknown:?}, which src/syntax/keywords.rs does not list"
        );
    }
}
