//! Every example in `examples/` compiles without errors, and its Markdown, HTML and JSON outputs are
//! snapshot-tested (reviewed like code).

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::Path;

fn compile(path: &Path) -> bdl::model::Declaration {
    let compiled = bdl::compile_bytes(
        path.display().to_string(),
        &std::fs::read(path).expect("example is readable"),
    );
    let errors: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(
        errors.is_empty(),
        "{} has errors: {errors:#?}",
        path.display()
    );
    compiled
        .declaration
        .expect("a model when there are no errors")
}

#[test]
fn markdown_of_every_example() {
    insta::glob!("../examples", "*.bdl", |path| {
        insta::assert_snapshot!(bdl::emit::markdown::render(&compile(path)));
    });
}

#[test]
fn html_of_every_example() {
    insta::glob!("../examples", "*.bdl", |path| {
        insta::assert_snapshot!(bdl::emit::html::render(&compile(path)));
    });
}

#[test]
fn json_of_every_example() {
    insta::glob!("../examples", "*.bdl", |path| {
        let text = bdl::emit::json::render(&compile(path));
        // Exactly one JSON document, and no amount anywhere is a float.
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_no_floats(&value);
        insta::assert_snapshot!(text);
    });
}

#[test]
fn diagnostics_of_every_example() {
    insta::glob!("../examples", "*.bdl", |path| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let compiled = bdl::compile_bytes(name, &std::fs::read(path).expect("example is readable"));
        insta::assert_snapshot!(bdl::report::render(
            &compiled.diagnostics,
            &compiled.name,
            &compiled.text,
            false,
            bdl::messages::Lang::En
        ));
    });
}

fn assert_no_floats(v: &serde_json::Value) {
    match v {
        serde_json::Value::Number(n) => {
            assert!(n.is_u64() || n.is_i64(), "a float in the JSON: {n}")
        }
        serde_json::Value::Array(a) => a.iter().for_each(assert_no_floats),
        serde_json::Value::Object(o) => o.values().for_each(assert_no_floats),
        _ => {}
    }
}

/// The seed's figures, as the README of the seed works them out.
#[test]
fn seed_figures_are_derived_exactly() {
    let decl = compile(Path::new("examples/shifeng-xinfang-2021.bdl"));
    let json = bdl::emit::json::document(&decl);
    assert_eq!(json["total"], "173.4271");
    assert_eq!(json["project_spending"], "38.598");
    assert_eq!(json["directions"][0]["amount"], "1.878");
    assert_eq!(json["directions"][0]["people"], "8");
    assert_eq!(json["directions"][1]["amount"], "36.72");
    assert_eq!(json["directions"][1]["people"], "50");
    assert_eq!(json["directions"][1]["basis"][0]["amount_yuan"], "367200");
    let md = bdl::emit::markdown::render(&decl);
    for figure in [
        "≤1.878万元",
        "≤36.72万元",
        "≤38.598万元",
        "| 8人 |",
        "| 50人 |",
        "134.8291万元",
        "资金总额：173.4271万元",
    ] {
        assert!(md.contains(figure), "the Markdown lacks {figure}");
    }
}
