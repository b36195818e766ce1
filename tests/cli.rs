//! The `bdl` command as a user runs it: exit codes, standard streams, files written or not.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;
use predicates::prelude::*;

const SEED: &str = "examples/shifeng-xinfang-2021.bdl";

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").expect("the bdl binary is built");
    // English whatever the machine's locale.
    cmd.env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

/// A declaration with one error: the direction's declared amount differs from its basis.
const WRONG_AMOUNT: &str = "year 2021\nfiler \"某局\"\nunit 万元\nframework hunan\ndirection \"巡逻\" < people 50 rate 612/month > {\n  amount 36.8\n}\n";

#[test]
fn readme_build_command_prints_the_three_tables() {
    bdl()
        .args(["build", SEED, "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## 2021年部门整体支出绩效目标表"))
        .stdout(predicate::str::contains(
            "## 2021年专项资金预算绩效目标汇总表",
        ))
        .stdout(predicate::str::contains(
            "## 2021年专项资金支出方向绩效目标表",
        ))
        // The seed's warnings go to stderr, never into the tables.
        .stdout(predicate::str::contains("B5001").not())
        .stderr(predicate::str::contains("B5001"));
}

#[test]
fn check_exits_0_with_warnings_and_1_when_warnings_are_denied() {
    bdl()
        .args(["check", SEED])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("0 errors, 2 warnings"));
    bdl()
        .args(["check", SEED, "--deny", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn check_exits_1_on_errors_and_reports_both_figures() {
    bdl()
        .args(["check", "-"])
        .write_stdin(WRONG_AMOUNT)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("B3010"))
        .stderr(predicate::str::contains("36.8万元"))
        .stderr(predicate::str::contains("36.72万元"));
}

#[test]
fn check_exits_2_on_a_missing_file_and_on_usage_errors() {
    bdl()
        .args(["check", "no/such/file.bdl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
    bdl().args(["check"]).assert().code(2);
    bdl()
        .args(["build", SEED, "--format", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn json_is_exactly_one_document_on_stdout() {
    let out = bdl()
        .args(["build", SEED, "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    assert_eq!(v["total"], "173.4271");
    assert_eq!(v["year"], 2021);
}

#[test]
fn output_file_is_written_on_success_and_not_at_all_on_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("tables.md");
    bdl()
        .args(["build", SEED, "-o"])
        .arg(&good)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&good).expect("written");
    assert!(written.contains("38.598"));

    let bad_src = dir.path().join("bad.bdl");
    std::fs::write(&bad_src, WRONG_AMOUNT).expect("write fixture");
    let bad_out = dir.path().join("bad.md");
    bdl()
        .args(["build"])
        .arg(&bad_src)
        .arg("-o")
        .arg(&bad_out)
        .assert()
        .code(1);
    assert!(
        !bad_out.exists(),
        "nothing may be written when the source has errors"
    );
    // No temporary file is left behind either.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("bdl-tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn the_design_card_line_is_valid() {
    let src = "year 2021\nunit 万元\ndirection \"治安巡逻防控费\" < people 50 rate 612/month >\n";
    let out = bdl()
        .args(["build", "-", "--format", "json"])
        .write_stdin(src)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["directions"][0]["amount"], "36.72");
    assert_eq!(v["directions"][0]["people"], "50");
}

#[test]
fn explain_names_the_code() {
    bdl()
        .args(["explain", "B3010"])
        .assert()
        .success()
        .stdout(predicate::str::contains("cost basis"));
    bdl().args(["explain", "B0000"]).assert().code(2);
}

#[test]
fn the_locale_chooses_chinese_and_lang_overrides_it() {
    // LANG=zh_CN.UTF-8: the diagnostics, the summary and the breadcrumb in Chinese.
    bdl()
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "-"])
        .write_stdin(WRONG_AMOUNT)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("B3010"))
        .stderr(predicate::str::contains("声明的金额与测算依据不符"))
        .stderr(predicate::str::contains("位置："))
        .stderr(predicate::str::contains("1个错误，3个警告"))
        .stderr(predicate::str::contains("is declared as").not());
    // `--lang en` wins over the locale.
    bdl()
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "-", "--lang", "en"])
        .write_stdin(WRONG_AMOUNT)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is declared as 36.8万元"))
        .stderr(predicate::str::contains("1 error, 3 warnings"))
        .stderr(predicate::str::contains("测算依据不符").not());
    // LC_ALL wins over LANG; `--lang zh` wins over both.
    bdl()
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "zh_TW.UTF-8")
        .args(["check", "-"])
        .write_stdin(WRONG_AMOUNT)
        .assert()
        .stderr(predicate::str::contains("测算依据不符"));
    bdl()
        .args(["--lang", "zh", "check", "-"])
        .write_stdin(WRONG_AMOUNT)
        .assert()
        .stderr(predicate::str::contains("测算依据不符"));
}

#[test]
fn json_and_short_keep_codes_and_field_names_in_chinese() {
    let out = bdl()
        .args(["check", "-", "--lang", "zh", "--format", "json"])
        .write_stdin(WRONG_AMOUNT)
        .output()
        .expect("bdl runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let d = doc["diagnostics"]
        .as_array()
        .and_then(|ds| ds.iter().find(|d| d["code"] == "B3010"))
        .expect("the B3010 diagnostic");
    assert_eq!(d["severity"], "error");
    let message = d["message"].as_str().unwrap_or_default();
    assert!(message.contains("测算依据"), "{message}");
    bdl()
        .args(["check", "-", "--lang", "zh", "--format", "short"])
        .write_stdin(WRONG_AMOUNT)
        .assert()
        .stdout(predicate::str::contains("error[B3010]: “巡逻”声明的金额"));
}

#[test]
fn command_line_errors_follow_the_language() {
    bdl()
        .args(["--lang", "zh", "check", "no/such/file.bdl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("错误：无法读取 no/such/file.bdl"));
}
