//! The floors of docs/architecture.md, checked: every file under src/ is read, each `crate::` path it
//! names (in `use` lines and in code) is looked up, and a module that reaches a floor above its own
//! fails the test. The parse tree (`syntax::ast`) is read by lowering and the formatter only.
//!
//! Violations that exist today are listed in ALLOWED, each with the work that removes it; an entry
//! that no longer occurs fails too, so the list only shrinks.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The floors, lowest first; a module may use its own floor and those below it. Keep in step with
/// docs/architecture.md.
const FLOORS: &[(&str, &[&str])] = &[
    // Shared words and the diagnostic every stage reports.
    (
        "ground",
        &["domain", "source", "codes", "diagnostic", "messages"],
    ),
    // The typed model of a declaration.
    ("model", &["model"]),
    // The year-end self-evaluation: scores, with their rules and figures, from the model alone.
    ("score", &["score"]),
    // All text for people about the model (figures, values, provenance, ordinals, breadcrumbs) and
    // rendered diagnostics: below the stages, whose diagnostics show figures and provenance.
    ("present", &["present", "report"]),
    ("syntax", &["syntax"]),
    ("lower", &["lower"]),
    ("check", &["check"]),
    // The official tables: Markdown, JSON, HTML, XLSX.
    ("emit", &["emit"]),
    ("tools", &["fmt", "diff", "batch"]),
    // The front door, what the command line (and an editor, a web page) calls: bytes → text →
    // diagnostics and model (the crate root's `compile` too), with every stage's codes gathered in
    // the registry and the allow rules that read it; and `import` (workbooks and documents → sources),
    // which compiles each source it writes through the front door, and whose codes the registry gathers.
    (
        "compilation",
        &["compilation", "<root>", "registry", "allow", "import"],
    ),
    // What an editor shows (diagnostics, hover, completion, quick fixes …) in plain types, and the
    // language server that maps it to the protocol: callers of the front door.
    ("editor", &["ide", "lsp"]),
    // The web page (`bdl serve`): a thin HTTP layer over the front door and the stages' output.
    ("serve", &["serve"]),
];

/// The parse tree, and the modules that may read it.
const AST: &str = "syntax::ast";
/// The editor reads it for what the model does not keep: where a name, a derivation or a basis is
/// written (the outline, definitions, inlay hints, quick fixes that edit the text).
const AST_READERS: &[&str] = &["syntax", "lower", "fmt", "ide"];

/// Violations that exist today: (module, what it names), each with the work that removes it. (The
/// typed-core work already took `syntax::ast` out of model, money, check, emit, diff and batch.)
const ALLOWED: &[(&str, &str)] = &[];

/// Names at the crate root, which belong to the front door.
const ROOT_ITEMS: &[&str] = &["compile", "compile_bytes", "Compilation", "Source"];

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|(_, ms)| ms.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file under src/ belongs to (`src/diff/pairing.rs` → `diff`); `None` for the
/// command line (`main.rs`, `cli/`), which is a separate crate that uses the library's public names.
fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let name = first.trim_end_matches(".rs").to_string();
    match name.as_str() {
        "main" | "cli" => None,
        "lib" => Some("<root>".to_string()),
        _ => Some(name),
    }
}

/// The code of a file before its unit tests, without comments (a doc comment may name a path).
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        // A test module is left out up to its closing brace (at its own indentation); a test-only
        // item elsewhere (a variant, a function) is read like any other line.
        if line.trim() == "#[cfg(test)]"
            && let Some(next) = lines.peek()
            && next.trim_start().starts_with("mod ")
            && next.trim_end().ends_with('{')
        {
            let indent = &next[..next.len() - next.trim_start().len()];
            let close = format!("{indent}}}");
            for skipped in lines.by_ref() {
                if skipped.trim_end() == close {
                    break;
                }
            }
            continue;
        }
        let code = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path named after `crate::`, groups expanded: `crate::{check, syntax::ast::Per}` gives
/// `check` and `syntax::ast::Per`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| is_ident(c) || c == '$') {
            continue; // `$crate::`, `mycrate::`
        }
        expand("", rest, &mut out);
    }
    out
}

/// Reads one path (or brace group) at the start of `s`, prefixed by `prefix`.
fn expand(prefix: &str, s: &str, out: &mut Vec<String>) {
    let s = s.trim_start();
    if let Some(group) = s.strip_prefix('{') {
        let mut depth = 0usize;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    expand(prefix, &group[start..i], out);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(prefix, &group[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let end = s
        .find(|c: char| !(is_ident(c) || c == ':'))
        .unwrap_or(s.len());
    let path = s[..end].trim_end_matches(':');
    if s[end..].starts_with('{') {
        expand(&format!("{prefix}{path}::"), &s[end..], out);
    } else if !path.is_empty() && path != "self" {
        out.push(format!("{prefix}{path}"));
    }
}

/// The top-level module a path names, and whether it names the parse tree.
fn target(path: &str) -> (String, bool) {
    let first = path.split("::").next().unwrap_or_default();
    let module = if ROOT_ITEMS.contains(&first) {
        "<root>".to_string()
    } else {
        first.to_string()
    };
    (module, path == AST || path.starts_with("syntax::ast::"))
}

/// Every violation: (file, module, the path, why), and the (module, what) pairs for ALLOWED.
fn violations() -> Vec<(String, String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "the sources were not found");
    let mut out = Vec::new();
    for f in &files {
        let relative = f.strip_prefix(&src).unwrap();
        let Some(module) = module_of(relative) else {
            continue;
        };
        let Some(own) = floor_of(&module) else {
            panic!(
                "src/{}: module `{module}` has no floor; add it to FLOORS here and to \
                 docs/architecture.md",
                relative.display()
            );
        };
        let text = std::fs::read_to_string(f).unwrap();
        let mut seen = BTreeSet::new();
        for path in crate_paths(&code(&text)) {
            let (to, names_ast) = target(&path);
            if to == module {
                continue;
            }
            let Some(theirs) = floor_of(&to) else {
                panic!(
                    "src/{}: `crate::{path}` names no known module",
                    relative.display()
                );
            };
            let file = format!("src/{}", relative.display());
            if names_ast && !AST_READERS.contains(&module.as_str()) {
                if seen.insert(AST.to_string()) {
                    out.push((
                        file.clone(),
                        module.clone(),
                        AST.to_string(),
                        format!("only {} read the parse tree", AST_READERS.join(", ")),
                    ));
                }
            } else if theirs > own && seen.insert(to.clone()) {
                out.push((
                    file,
                    module.clone(),
                    to.clone(),
                    format!("floor `{}` is above `{}`", FLOORS[theirs].0, FLOORS[own].0),
                ));
            }
        }
    }
    out
}

#[test]
fn no_module_imports_a_floor_above_its_own() {
    let found = violations();
    let report = |v: &[&(String, String, String, String)]| {
        v.iter()
            .map(|(file, module, what, why)| {
                format!("  {file}: {module} uses crate::{what} ({why})")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let new: Vec<_> = found
        .iter()
        .filter(|(_, m, what, _)| !ALLOWED.contains(&(m.as_str(), what.as_str())))
        .collect();
    let allowed: Vec<_> = found
        .iter()
        .filter(|(_, m, what, _)| ALLOWED.contains(&(m.as_str(), what.as_str())))
        .collect();
    // Shown with --nocapture: what the allow-list still covers.
    println!("allowed for now:\n{}", report(&allowed));
    assert!(
        new.is_empty(),
        "modules that import above their floor (docs/architecture.md):\n{}",
        report(&new)
    );
    let stale: Vec<_> = ALLOWED
        .iter()
        .filter(|(m, what)| !found.iter().any(|(_, fm, fw, _)| fm == m && fw == what))
        .collect();
    assert!(
        stale.is_empty(),
        "these allowed imports no longer occur; remove them from ALLOWED: {stale:?}"
    );
}

#[test]
fn the_reader_finds_paths_in_every_form() {
    let code = "use crate::{check, syntax::{ast::Per, scan}};\nuse crate::model::X;\nlet a = crate::money::convert(x);\nmacro $crate::y\n";
    assert_eq!(
        crate_paths(code),
        [
            "check",
            "syntax::ast::Per",
            "syntax::scan",
            "model::X",
            "money::convert"
        ]
    );
    assert_eq!(target("syntax::ast::Per"), ("syntax".to_string(), true));
    assert_eq!(target("compile"), ("<root>".to_string(), false));
}

#[test]
fn the_document_draws_the_same_floors() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/architecture.md"))
        .unwrap();
    for (floor, modules) in FLOORS {
        assert!(
            doc.contains(&format!("`{floor}`")),
            "docs/architecture.md does not name floor `{floor}`"
        );
        for m in *modules {
            if *m != "<root>" {
                assert!(
                    doc.contains(&format!("`{m}`")),
                    "docs/architecture.md does not name module `{m}`"
                );
            }
        }
    }
}
