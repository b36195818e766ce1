//! The VS Code extension's committed files agree with the language: the grammar knows every keyword
//! and every category of the built-in frameworks, the extension starts `bdl lsp` for `.bdl` files, and
//! the bundle the .vsix is packaged from is committed (so packaging needs no npm).

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use serde_json::Value;

const DIR: &str = "editors/vscode";

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{DIR}/{path}")).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The alternatives of a grammar rule's `(?:a|b|c)`.
fn alternatives(rule: &Value) -> Vec<String> {
    let m = rule["match"].as_str().unwrap();
    let inner = &m[m.find("(?:").unwrap() + 3..];
    let inner = &inner[..inner.find(')').unwrap()];
    inner.split('|').map(|s| s.replace('\\', "")).collect()
}

#[test]
fn the_grammar_knows_every_keyword_and_category() {
    let grammar = json("syntaxes/bdl.tmLanguage.json");
    assert_eq!(grammar["scopeName"], "source.bdl");
    let keywords = alternatives(&grammar["repository"]["keyword"]);
    for k in bdl::syntax::keywords::Keyword::ALL {
        assert!(
            keywords.iter().any(|x| x == k.word()),
            "the grammar lacks {}",
            k.word()
        );
    }
    let categories = alternatives(&grammar["repository"]["category"]);
    for p in bdl::domain::framework::PROFILES {
        let fw = bdl::domain::framework::Framework::profile(p).unwrap();
        for tier in &fw.tiers {
            assert!(categories.contains(&tier.name), "{p}: {}", tier.name);
            for c in &tier.categories {
                assert!(categories.contains(&c.name), "{p}: {}", c.name);
            }
        }
    }
}

#[test]
fn the_extension_starts_the_server_for_bdl_files() {
    let manifest = json("package.json");
    let language = &manifest["contributes"]["languages"][0];
    assert_eq!(language["id"], "bdl");
    assert_eq!(language["extensions"][0], ".bdl");
    let config = json("language-configuration.json");
    assert_eq!(config["comments"]["lineComment"], "#");
    let client = std::fs::read_to_string(format!("{DIR}/src/extension.js")).unwrap();
    assert!(client.contains(r#"args: ["lsp"]"#));
    assert!(client.contains("server.path"));
    // The bundle is committed and holds the client and the protocol library.
    let main = manifest["main"].as_str().unwrap().trim_start_matches("./");
    let bundle = std::fs::read_to_string(format!("{DIR}/{main}")).unwrap();
    assert!(bundle.contains("bdl.restartServer"));
    assert!(bundle.contains("textDocument/publishDiagnostics"));
    let settings = manifest["contributes"]["configuration"]["properties"]
        .as_object()
        .unwrap();
    for key in [
        "bdl.server.path",
        "bdl.locale",
        "bdl.completion.pinyinInitials",
        "bdl.diagnosticPages",
    ] {
        assert!(settings.contains_key(key), "{key}");
    }
}
