//! Silencing codes: `# bdl: allow …` in a document and `Compilation::allow` for a run drop warnings and
//! notes of those codes, never errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

const NO_SATISFACTION: &str = "year 2024\nunit 万元\nframework {\n  category \"产出指标\" \"产出数量\"\n  category \"效益指标\" \"满意度\"\n}\n\ndirection \"信访宣传经费\" {\n  amount 2\n  goal \"宣传信访法规。\"\n  annual \"全年开展宣传。\"\n  indicator 产出数量 \"宣传活动场次\" >= 4次\n}\n";

fn codes(src: &str) -> Vec<&'static str> {
    bdl::compile(src)
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

#[test]
fn a_document_allows_a_warning_with_a_comment_line() {
    assert!(codes(NO_SATISFACTION).contains(&"B4031"));
    let allowed = format!("# bdl: allow B4031\n{NO_SATISFACTION}");
    assert!(!codes(&allowed).contains(&"B4031"), "{:?}", codes(&allowed));
    // Lower case and commas are fine.
    let allowed = format!("#bdl: allow b4031, B4030\n{NO_SATISFACTION}");
    assert!(!codes(&allowed).contains(&"B4031"), "{:?}", codes(&allowed));
}

#[test]
fn an_error_cannot_be_allowed() {
    let wrong = NO_SATISFACTION.replace(
        "amount 2",
        "amount 2\n  cost \"x\" < people 1 rate 10/month >",
    );
    let allowed = format!("# bdl: allow B3010\n{wrong}");
    let got = codes(&allowed);
    assert!(got.contains(&"B3010"), "{got:?}");
    assert!(got.contains(&"B2009"), "{got:?}");
}

#[test]
fn a_run_allows_warnings_but_keeps_errors() {
    let mut compiled = bdl::compile(NO_SATISFACTION);
    let b4031 = bdl::registry::parse("B4031").unwrap();
    compiled.allow(&[b4031]);
    assert!(compiled.diagnostics.iter().all(|d| d.code != b4031));
    let b3010 = bdl::registry::parse("B3010").unwrap();
    assert!(bdl::allow::refuse(b3010).is_some());
    assert!(bdl::allow::refuse(b4031).is_none());
}

#[test]
fn the_command_line_allows_warnings_for_a_run_and_refuses_errors() {
    use assert_cmd::Command;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.bdl");
    std::fs::write(&file, NO_SATISFACTION).unwrap();
    let out = Command::cargo_bin("bdl")
        .unwrap()
        .args(["check", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("B4031"));
    let out = Command::cargo_bin("bdl")
        .unwrap()
        .args(["check", "--lang", "en", "--allow", "B4031,B4030"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("B4031"));
    assert_eq!(out.status.code(), Some(0));
    let out = Command::cargo_bin("bdl")
        .unwrap()
        .args(["check", "--lang", "en", "--allow", "B3010"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be allowed"));
    let out = Command::cargo_bin("bdl")
        .unwrap()
        .args(["check", "--allow", "B999"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
