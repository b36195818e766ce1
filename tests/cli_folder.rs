//! `bdl check DIR` and `bdl build DIR -o OUTDIR` as a user runs them: stable diagnostics whatever the
//! thread count, mirrored outputs, nothing written for failing files, and a roll-up whose totals agree
//! with figures summed independently.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

#[path = "../benches/support/corpus.rs"]
mod corpus;

const SEED: &str = "examples/shifeng-xinfang-2021.bdl";
const COUNTY: &str = "examples/county-farmland-2024.bdl";
const WRONG_AMOUNT: &str = "year 2021\nfiler \"某局\"\nunit 万元\nframework hunan\ndirection \"巡逻\" < people 50 rate 612/month > {\n  amount 36.8\n}\n";
const NOT_BDL: &str = "year 2021\nincome 一般 12\n";

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").expect("the bdl binary is built");
    cmd.env("NO_COLOR", "1")
        .env_remove("RAYON_NUM_THREADS")
        // English messages whatever the machine's locale.
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

/// in/seed.bdl, in/county/b.bdl, in/county/bad.bdl (an error), in/z/syntax.bdl (a syntax error),
/// in/notes.txt (ignored).
fn mixed_folder(root: &Path) -> std::path::PathBuf {
    let dir = root.join("in");
    std::fs::create_dir_all(dir.join("county")).expect("mkdir");
    std::fs::create_dir_all(dir.join("z")).expect("mkdir");
    std::fs::copy(SEED, dir.join("seed.bdl")).expect("copy");
    std::fs::copy(COUNTY, dir.join("county/b.bdl")).expect("copy");
    std::fs::write(dir.join("county/bad.bdl"), WRONG_AMOUNT).expect("write");
    std::fs::write(dir.join("z/syntax.bdl"), NOT_BDL).expect("write");
    std::fs::write(dir.join("notes.txt"), "not a declaration").expect("write");
    dir
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

#[test]
fn check_dir_prints_the_same_blocks_in_path_order_whatever_the_threads() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = mixed_folder(tmp.path());
    let run = |jobs: &str| {
        let out = bdl()
            .args(["check", "-j", jobs])
            .arg(&dir)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "a failing file fails the run");
        String::from_utf8(out.stderr).expect("UTF-8")
    };
    let one = run("1");
    let two = run("2");
    assert_eq!(one, two);
    let four = run("4");
    assert_eq!(one, four);
    // Each file's block, in path order: county/b (no diagnostics), county/bad, seed, z/syntax.
    let at = |s: &str| {
        one.find(s)
            .unwrap_or_else(|| panic!("{s} missing from:\n{one}"))
    };
    assert!(at("county/bad.bdl: 1 error") < at("seed.bdl: 0 errors, 2 warnings"));
    assert!(at("seed.bdl: 0 errors, 2 warnings") < at("z/syntax.bdl: 1 error"));
    assert!(at("B3010") < at("B5001"));
    assert!(one.contains("checked 4 files: 2 ok, 2 failed"));
    assert!(!one.contains("notes.txt"));
}

#[test]
fn check_dir_threads_come_from_rayon_num_threads_too() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = mixed_folder(tmp.path());
    let a = bdl().arg("check").arg(&dir).output().expect("runs");
    let b = bdl()
        .env("RAYON_NUM_THREADS", "1")
        .arg("check")
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(a.stderr, b.stderr);
    assert_eq!(a.status.code(), Some(1));
}

#[test]
fn check_dir_of_good_files_exits_0() {
    let tmp = tempfile::tempdir().expect("temp dir");
    corpus::write_corpus(tmp.path(), 5, 30).expect("corpus");
    bdl()
        .args(["check", "-j", "2"])
        .arg(tmp.path())
        .assert()
        .code(0);
}

#[test]
fn build_dir_mirrors_the_folder_and_rolls_up_exact_totals() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = mixed_folder(tmp.path());
    let out = tmp.path().join("out");
    bdl()
        .args(["build", "--format", "json", "-j", "2", "-o"])
        .arg(&out)
        .arg(&dir)
        .assert()
        .code(1);
    assert!(out.join("seed.json").is_file());
    assert!(out.join("county/b.json").is_file());
    assert!(
        !out.join("county/bad.json").exists(),
        "nothing for a failing file"
    );
    assert!(
        !out.join("z/syntax.json").exists(),
        "nothing for a failing file"
    );
    assert!(!out.join("notes.json").exists());

    // The roll-up, against figures summed here from the sources' known totals:
    // seed 173.4271 万元; county 5028480 元 = 502.848 万元.
    let text = std::fs::read_to_string(out.join("_rollup.json")).expect("roll-up written");
    let r: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(r["unit"], "万元");
    let deps = r["departments"].as_array().expect("departments");
    let paths: Vec<&str> = deps.iter().filter_map(|d| d["path"].as_str()).collect();
    assert_eq!(paths, ["county/b.bdl", "seed.bdl"]);
    assert_eq!(deps[0]["source_unit"], "元");
    assert_eq!(deps[0]["total"], "502.848");
    assert_eq!(deps[1]["total"], "173.4271");
    assert_eq!(deps[1]["project_spending"], "38.598");
    assert_eq!(deps[1]["directions"], 2);
    let t = &r["totals"];
    assert_eq!(
        dec(t["total"].as_str().expect("str")),
        dec("173.4271") + dec("502.848")
    );
    assert_eq!(t["departments"], 2);
    assert_eq!(t["directions"], 4);

    // And against the per-file outputs, converted and summed independently.
    let mut total = Decimal::ZERO;
    let mut project = Decimal::ZERO;
    let mut income = Decimal::ZERO;
    for f in ["seed.json", "county/b.json"] {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(f)).expect("read"))
                .expect("JSON");
        let scale = if v["unit"] == "元" {
            dec("10000")
        } else {
            Decimal::ONE
        };
        total += dec(v["total"].as_str().expect("total")) / scale;
        project += dec(v["project_spending"].as_str().expect("project")) / scale;
        for l in v["income"].as_array().expect("income") {
            income += dec(l["amount"].as_str().expect("amount")) / scale;
        }
    }
    assert_eq!(dec(t["total"].as_str().expect("str")), total);
    assert_eq!(dec(t["project_spending"].as_str().expect("str")), project);
    let rolled_income: Decimal = t["income"]
        .as_array()
        .expect("income")
        .iter()
        .map(|l| dec(l["amount"].as_str().expect("amount")))
        .sum();
    assert_eq!(rolled_income, income);
    let leftovers = walk_names(&out)
        .into_iter()
        .filter(|n| n.contains("bdl-tmp"))
        .count();
    assert_eq!(leftovers, 0, "no temporary file left behind");
}

fn walk_names(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("list").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk_names(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}

#[test]
fn build_dir_markdown_writes_tables_and_a_rollup() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(dir.join("a")).expect("mkdir");
    std::fs::copy(SEED, dir.join("a/seed.bdl")).expect("copy");
    let out = tmp.path().join("out");
    bdl()
        .args(["build", "--format", "md", "-o"])
        .arg(&out)
        .arg(&dir)
        .assert()
        .code(0);
    let md = std::fs::read_to_string(out.join("a/seed.md")).expect("tables");
    assert!(md.contains("## 2021年部门整体支出绩效目标表"));
    let roll = std::fs::read_to_string(out.join("_rollup.md")).expect("roll-up");
    assert!(roll.contains("金额单位：万元"));
    assert!(roll.contains("| 资金总额 | 173.4271 |"));
}

#[test]
fn build_dir_needs_an_output_folder_and_refuses_a_file_named_like_the_rollup() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy(SEED, dir.join("_rollup.bdl")).expect("copy");
    std::fs::copy(SEED, dir.join("seed.bdl")).expect("copy");
    bdl().args(["build"]).arg(&dir).assert().code(2);
    let out = tmp.path().join("out");
    let o = bdl()
        .args(["build", "--format", "json", "-o"])
        .arg(&out)
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("roll-up's place"));
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("_rollup.json")).expect("read"))
            .expect("JSON");
    assert_eq!(r["totals"]["departments"], 1);
}

#[cfg(unix)]
#[test]
fn folder_walks_do_not_follow_symbolic_links() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("in");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::create_dir_all(&outside).expect("mkdir");
    std::fs::write(outside.join("bad.bdl"), WRONG_AMOUNT).expect("write");
    std::fs::copy(SEED, dir.join("seed.bdl")).expect("copy");
    std::os::unix::fs::symlink(&outside, dir.join("out-link")).expect("symlink");
    std::os::unix::fs::symlink(&dir, dir.join("loop")).expect("symlink");
    std::os::unix::fs::symlink(outside.join("bad.bdl"), dir.join("bad-link.bdl")).expect("symlink");
    let o = bdl().arg("check").arg(&dir).output().expect("runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("checked 1 file:"));
}

#[test]
fn a_file_in_another_encoding_is_a_diagnostic_in_a_folder_as_on_its_own() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy("tests/fixtures/bad/gbk_encoded.bdl", dir.join("gbk.bdl")).expect("copy");
    std::fs::copy(SEED, dir.join("seed.bdl")).expect("copy");
    let on_its_own = bdl()
        .arg("check")
        .arg(dir.join("gbk.bdl"))
        .output()
        .expect("runs");
    let in_folder = bdl().arg("check").arg(&dir).output().expect("runs");
    // The same diagnostic and the same exit status: a file problem (1), not an I/O problem (2).
    assert_eq!(on_its_own.status.code(), Some(1));
    assert_eq!(in_folder.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&in_folder.stderr).contains("B1004"));
}

#[test]
fn check_dir_prints_machine_readable_diagnostics_per_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = mixed_folder(tmp.path());
    let out = bdl()
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let files: Vec<String> = doc["files"]
        .as_array()
        .expect("a list per file")
        .iter()
        .map(|f| {
            let name = f["file"].as_str().expect("a name");
            name.strip_prefix(&format!("{}/", dir.display()))
                .unwrap_or(name)
                .to_string()
        })
        .collect();
    assert_eq!(
        files,
        ["county/b.bdl", "county/bad.bdl", "seed.bdl", "z/syntax.bdl"]
    );
    let listed: usize = doc["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["diagnostics"].as_array().expect("list").len())
        .sum();
    assert_eq!(listed, doc["diagnostics"].as_array().expect("all").len());
    assert!(doc["errors"].as_u64().expect("count") >= 2);

    let out = bdl()
        .args(["check", "--format", "short"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(
        text.lines().count(),
        listed,
        "one line per diagnostic:\n{text}"
    );
    assert!(
        text.lines()
            .all(|l| l.starts_with(&dir.display().to_string()))
    );
    assert!(text.contains("bad.bdl:") && text.contains("syntax.bdl:"));
}

// ── issue 10, point 5: no stale output, an honest roll-up ───────────────────────────────────────

#[test]
fn a_failed_file_leaves_no_stale_output_and_the_rollup_says_who_is_missing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy(SEED, dir.join("a.bdl")).expect("copy");
    std::fs::copy(COUNTY, dir.join("b.bdl")).expect("copy");
    let out = tmp.path().join("out");
    for format in ["json", "md"] {
        bdl()
            .args(["build", "--format", format, "-o"])
            .arg(&out)
            .arg(&dir)
            .assert()
            .success();
    }
    assert!(out.join("a.json").is_file() && out.join("a.md").is_file());
    // a.bdl breaks: its tables of the earlier run must go, not be taken for this run's.
    std::fs::write(dir.join("a.bdl"), WRONG_AMOUNT).expect("write");
    let run = bdl()
        .args(["build", "--format", "json", "-o"])
        .arg(&out)
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!out.join("a.json").exists(), "stale a.json left:\n{stderr}");
    assert!(stderr.contains("removed"), "{stderr}");
    assert!(stderr.contains("roll-up is incomplete"), "{stderr}");
    let rollup: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("_rollup.json")).expect("roll-up"))
            .expect("JSON");
    assert_eq!(rollup["incomplete"][0]["path"], "a.bdl");
    assert_eq!(rollup["incomplete"][0]["reason"], "errors");
    assert_eq!(rollup["totals"]["departments"], 1);
    // Markdown too.
    bdl()
        .args(["build", "--format", "md", "-o"])
        .arg(&out)
        .arg(&dir)
        .assert()
        .code(1);
    assert!(!out.join("a.md").exists());
    let md = std::fs::read_to_string(out.join("_rollup.md")).expect("roll-up");
    assert!(
        md.contains("**汇总不完整**") && md.contains("a.bdl（有错误）"),
        "{md}"
    );
    // No temporary file is left in the output folder.
    let hidden: Vec<String> = std::fs::read_dir(&out)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn a_rollup_over_several_years_warns_and_lists_them() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy(SEED, dir.join("a.bdl")).expect("copy");
    std::fs::copy(COUNTY, dir.join("b.bdl")).expect("copy");
    let out = tmp.path().join("out");
    let run = bdl()
        .args(["build", "--format", "json", "-o"])
        .arg(&out)
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&run.stderr).contains("different budget years (2021, 2024)"));
    let rollup: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("_rollup.json")).expect("roll-up"))
            .expect("JSON");
    assert_eq!(rollup["years"], serde_json::json!([2021, 2024]));
    assert_eq!(rollup["incomplete"], serde_json::json!([]));
    bdl()
        .args(["build", "--format", "md", "-o"])
        .arg(&out)
        .arg(&dir)
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("_rollup.md")).expect("roll-up");
    assert!(md.contains("不同预算年度的申报（2021年、2024年）"), "{md}");
}

// ── issue 10, point 14: html and xlsx folders ───────────────────────────────────────────────────

#[test]
fn build_dir_writes_html_and_xlsx_per_declaration() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = mixed_folder(tmp.path());
    for format in ["html", "xlsx"] {
        let out = tmp.path().join(format!("out-{format}"));
        bdl()
            .args(["build", "--format", format, "-o"])
            .arg(&out)
            .arg(&dir)
            .assert()
            .code(1);
        for good in ["seed", "county/b"] {
            let path = out.join(format!("{good}.{format}"));
            let bytes = std::fs::read(&path).expect("written");
            if format == "html" {
                assert!(
                    String::from_utf8_lossy(&bytes).contains("<table"),
                    "{path:?}"
                );
            } else {
                assert!(bytes.starts_with(b"PK"), "{path:?} is a workbook");
            }
        }
        assert!(!out.join(format!("county/bad.{format}")).exists());
        assert!(out.join("_rollup.md").is_file());
    }
}

#[test]
fn a_rollup_without_an_exact_sum_names_the_line_both_operands_and_the_code() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let doc = |total: &str| {
        format!(
            "year 2024\nunit 万元\nframework {{\n  category \"产出指标\" \"产出数量\"\n  category \"效益指标\" \"满意度\"\n}}\nincome \"一般公共预算拨款\" {total}\nindicator 产出数量 \"办理事项\" >= 100件\nindicator 满意度 \"服务对象满意度\" >= 90%\n"
        )
    };
    std::fs::write(dir.join("a.bdl"), doc("1000000000000000000000000000")).expect("write");
    std::fs::write(dir.join("b.bdl"), doc("0.001")).expect("write");
    let out = tmp.path().join("out");
    for (lang, wanted) in [
        (
            "en",
            "资金总额: 1000000000000000000000000000 + 0.001 has no exact result within 28 significant digits [B3032]",
        ),
        (
            "zh",
            "资金总额：1000000000000000000000000000 + 0.001 的结果超出 28 位有效数字，无法精确计算［B3032］",
        ),
    ] {
        let run = bdl()
            .args(["build", "--lang", lang, "-o"])
            .arg(&out)
            .arg(&dir)
            .output()
            .expect("runs");
        assert_eq!(run.status.code(), Some(1));
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains(wanted), "{err}");
        assert!(!out.join("_rollup.md").exists());
    }
}
