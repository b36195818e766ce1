//! Untrusted input is bounded (B1003 parser work, B1007 size, B1008 depth): pathological files are answered with a diagnostic or parsed,
//! never a hang or a crash, and the deepest nesting bdl accepts compiles on an ordinary thread.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/pathological.rs"]
mod pathological;

fn nested(depth: usize) -> String {
    let mut s = String::from("year 2021\nunit 万元\nframework hunan\n");
    for i in 0..depth {
        s.push_str(&format!(
            "direction \"方向{i}\" {{\n  cost \"人员\" < people 1 rate 100/month >\n"
        ));
    }
    for _ in 0..depth {
        s.push_str("}\n");
    }
    s
}

#[test]
fn nesting_up_to_the_limit_compiles_and_deeper_is_b1008() {
    let max = bdl::syntax::limits::MAX_DEPTH;
    // On a thread with a small stack, like a worker's.
    let ok = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || bdl::compile(&nested(max)).has_errors())
        .expect("spawn")
        .join()
        .expect("no stack overflow");
    assert!(!ok, "{max} levels compile");
    let deep = bdl::compile(&nested(max + 1));
    assert_eq!(deep.diagnostics.len(), 1);
    assert_eq!(deep.diagnostics[0].code.as_str(), "B1008");
    assert!(deep.diagnostics[0].help.is_some());
}

#[test]
fn pathological_inputs_get_an_answer() {
    for (name, src) in pathological::inputs(50_000) {
        let c = bdl::compile(&src);
        if name.starts_with("valid") {
            assert!(c.declaration.is_some(), "{name}");
        } else {
            assert!(
                c.declaration.is_some() || !c.diagnostics.is_empty(),
                "{name}: no answer"
            );
        }
    }
}

#[test]
fn a_file_over_the_size_limit_is_b1007() {
    let src = format!(
        "year 2021\n{}",
        "# 注释\n".repeat(bdl::syntax::limits::MAX_BYTES / 8 + 1)
    );
    let c = bdl::compile(&src);
    assert_eq!(c.diagnostics[0].code.as_str(), "B1007");
}
