//! Bad input never hurts: every file under tests/fixtures/bad/ (any bytes) gives diagnostics, never a
//! panic; files named `valid_*` are odd but valid and give no error. Inputs too large to keep as files
//! are generated here.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

/// Compiles through the front door as every command does, and renders every diagnostic as a user
/// sees it.
fn run(bytes: &[u8], name: &str) -> (bool, String) {
    let compiled = bdl::compile_bytes(name, bytes);
    if let Some(decl) = compiled.valid_declaration() {
        let _ = bdl::emit::markdown::render(decl);
        let _ = bdl::emit::json::render(decl);
    }
    (
        compiled.has_errors(),
        bdl::report::render(
            &compiled.diagnostics,
            &compiled.name,
            &compiled.text,
            false,
            bdl::messages::Lang::En,
        ),
    )
}

#[test]
fn every_bad_input_gets_a_diagnostic() {
    insta::glob!("fixtures/bad/*", |path: &Path| {
        let bytes = std::fs::read(path).expect("fixture is readable");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let (has_errors, rendered) = run(&bytes, &name);
        if name.starts_with("valid_") {
            assert!(
                !has_errors,
                "{name} should compile without errors:\n{rendered}"
            );
        } else {
            assert!(has_errors, "{name} should be reported as an error");
            assert!(
                rendered.contains("B1")
                    || rendered.contains("B2")
                    || rendered.contains("B3")
                    || rendered.contains("B4"),
                "{name}: no code in\n{rendered}"
            );
        }
        // Grammar rules never reach the user.
        for internal in [
            "top_item",
            "direction_item",
            "amount_lit",
            "kw_",
            "EOI",
            "quantitative",
        ] {
            assert!(
                !rendered.contains(internal),
                "{name}: a grammar rule name `{internal}` in\n{rendered}"
            );
        }
        insta::assert_snapshot!(rendered);
    });
}

const HEADER: &str = "year 2021\nunit 万元\nframework hunan\n";

#[test]
fn a_ten_megabyte_line_is_refused_with_a_diagnostic() {
    let src = format!(
        "{HEADER}duty \"{}\"\n",
        "信".repeat(10 * 1024 * 1024 / 3 + 1)
    );
    let (has_errors, rendered) = run(src.as_bytes(), "huge.bdl");
    assert!(has_errors);
    assert!(rendered.contains("B1007"), "{rendered}");
}

#[test]
fn ten_thousand_nested_blocks_are_refused_before_parsing() {
    let mut src = HEADER.to_string();
    for i in 0..10_000 {
        src.push_str(&format!("direction \"d{i}\" {{\n"));
    }
    src.push_str(&"}\n".repeat(10_000));
    let (has_errors, rendered) = run(src.as_bytes(), "deep.bdl");
    assert!(has_errors);
    assert!(rendered.contains("B1008"), "{rendered}");
}

#[test]
fn nesting_at_the_limit_still_compiles() {
    let mut src = HEADER.to_string();
    for i in 0..bdl::syntax::MAX_DEPTH {
        src.push_str(&format!(
            "direction \"d{i}\" < people 1 rate 1/month > {{\n"
        ));
    }
    src.push_str(&"}\n".repeat(bdl::syntax::MAX_DEPTH));
    let (has_errors, rendered) = run(src.as_bytes(), "deep.bdl");
    assert!(!has_errors, "{rendered}");
}

#[test]
fn a_megabyte_of_unclosed_blocks_and_operators_is_reported() {
    // Shapes that make backtracking parsers slow: many open blocks, long runs of operators.
    let mut src = HEADER.to_string();
    while src.len() < 1024 * 1024 {
        src.push_str("indicator 产出数量 \"x\" >=>=<=<=>=<=<=>=<=<=>=<=<=>=<=<=>=<=<=>=<=\n");
    }
    let (has_errors, _) = run(src.as_bytes(), "ops.bdl");
    assert!(has_errors);
}
