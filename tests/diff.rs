//! `bdl diff` as a user runs it: the seed's 2021 → 2022 change set (Markdown and JSON snapshots), one
//! snapshot per fixture pair under tests/fixtures/diff/, exit codes, and reading from git.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const BIN: &str = env!("CARGO_BIN_EXE_bdl");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example(year: u32) -> String {
    root()
        .join(format!("examples/shifeng-xinfang-{year}.bdl"))
        .display()
        .to_string()
}

/// Runs `bdl diff` with `args` in `dir`; (exit code, stdout, stderr).
fn bdl_diff(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .current_dir(dir)
        .arg("diff")
        .args(args)
        .env("NO_COLOR", "1")
        // English whatever the machine's locale.
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("bdl runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

#[test]
fn seed_2021_to_2022_markdown() {
    let (code, out, err) = bdl_diff(&root(), &[&example(2021), &example(2022)]);
    assert_eq!(code, 1, "the budgets differ; stderr: {err}");
    assert!(
        out.contains("资金总额 173.4271 → 188.0651 万元 (+8.44%)"),
        "{out}"
    );
    assert!(
        out.contains("`people 50 → 55`、`rate 612 → 650/month`"),
        "{out}"
    );
    assert!(err.is_empty(), "warnings are not printed by diff: {err}");
    insta::assert_snapshot!("seed_2021_to_2022_md", out);
}

#[test]
fn seed_2021_to_2022_json() {
    let (code, out, _) = bdl_diff(
        &root(),
        &[&example(2021), &example(2022), "--format", "json"],
    );
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(doc["same"], false);
    assert_eq!(doc["totals"][0]["label"], "资金总额");
    assert_eq!(doc["totals"][0]["old"], "173.4271");
    assert_eq!(doc["totals"][0]["new"], "188.0651");
    assert_eq!(doc["totals"][0]["change"], "14.638");
    assert_eq!(doc["totals"][0]["percent"], "8.44");
    assert_eq!(
        doc["directions"]["added"][0]["name"],
        "律师参与信访工作经费"
    );
    assert_no_float(&doc);
    insta::assert_snapshot!("seed_2021_to_2022_json", out);
}

/// Amounts are strings: the only numbers are counts and years, all integers.
fn assert_no_float(v: &serde_json::Value) {
    match v {
        serde_json::Value::Number(n) => assert!(n.is_u64() || n.is_i64(), "float in JSON: {n}"),
        serde_json::Value::Array(a) => a.iter().for_each(assert_no_float),
        serde_json::Value::Object(o) => o.values().for_each(assert_no_float),
        _ => {}
    }
}

#[test]
fn a_declaration_against_itself_is_the_same() {
    let (code, out, _) = bdl_diff(&root(), &[&example(2022), &example(2022)]);
    assert_eq!(code, 0);
    assert!(out.contains("预算无变化"), "{out}");
    let (code, out, _) = bdl_diff(
        &root(),
        &[&example(2022), &example(2022), "--format", "json"],
    );
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["same"], true);
}

/// One snapshot per `<behaviour>_old.bdl` / `<behaviour>_new.bdl` pair, with the exit code.
#[test]
fn fixtures() {
    insta::glob!("fixtures/diff/*_old.bdl", |old| {
        let name = old.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let new = old.with_file_name(name.replace("_old.bdl", "_new.bdl"));
        let (code, out, err) = bdl_diff(
            &root(),
            &[&old.display().to_string(), &new.display().to_string()],
        );
        insta::assert_snapshot!(format!("exit: {code}\nstderr: {err}\n\n{out}"));
    });
}

#[test]
fn a_pure_reordering_is_no_change() {
    let dir = root().join("tests/fixtures/diff");
    let (code, out, _) = bdl_diff(&dir, &["reorder_only_old.bdl", "reorder_only_new.bdl"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn markup_in_texts_is_escaped() {
    let dir = root().join("tests/fixtures/diff");
    let (_, out, _) = bdl_diff(&dir, &["texts_changed_old.bdl", "texts_changed_new.bdl"]);
    assert!(!out.contains("<script>"), "{out}");
    assert!(out.contains("&lt;script&gt;"), "{out}");
    assert!(out.contains("\\|"), "{out}");
}

#[test]
fn a_file_that_does_not_compile_is_an_error_with_its_diagnostics() {
    let bad = root().join("tests/fixtures/diff/errors/does_not_compile.bdl");
    let (code, out, err) = bdl_diff(&root(), &[&example(2022), &bad.display().to_string()]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "nothing on stdout: {out}");
    assert!(err.contains("does_not_compile.bdl"), "{err}");
    assert!(err.contains("B3"), "the diagnostic code is shown: {err}");
    assert!(err.contains("does not compile"), "{err}");
}

#[test]
fn a_missing_file_is_an_error() {
    let (code, _, err) = bdl_diff(&root(), &["no/such/file.bdl", &example(2022)]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.bdl"), "{err}");
}

// ---- git -------------------------------------------------------------------------------------------

fn git_available() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs git in `dir`, isolated from the user's and the system's configuration.
fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", dir.join(".no-global-gitconfig"))
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A repository with two commits of x.bdl: the seed's 2021, then 2022 (also in the work tree).
fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    git(dir, &["config", "user.name", "bdl test"]);
    git(dir, &["config", "user.email", "bdl@example.invalid"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
    for year in [2021, 2022] {
        std::fs::copy(example(year), dir.join("x.bdl")).expect("copy example");
        git(dir, &["add", "x.bdl"]);
        git(dir, &["commit", "-q", "-m", &format!("{year}")]);
    }
    tmp
}

#[test]
fn reads_rev_path_from_git() {
    if !git_available() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let tmp = repo();
    let dir = tmp.path();
    let (_, direct, _) = bdl_diff(&root(), &[&example(2021), &example(2022)]);

    let (code, out, err) = bdl_diff(dir, &["HEAD~1:x.bdl", "x.bdl"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, direct, "the same change set as from the two files");

    let (code, _, err) = bdl_diff(dir, &["HEAD:x.bdl", "x.bdl"]);
    assert_eq!(code, 0, "HEAD is the work tree: {err}");

    let (code, out, err) = bdl_diff(dir, &["HEAD~1:x.bdl", "HEAD:x.bdl", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("\"same\": false"), "{out}");

    let (code, _, err) = bdl_diff(dir, &["HEAD~7:x.bdl", "x.bdl"]);
    assert_eq!(code, 2);
    assert!(err.contains("HEAD~7:x.bdl"), "{err}");
    assert!(err.contains("git"), "git's own message is shown: {err}");
}

#[test]
fn an_existing_file_wins_over_a_git_revision() {
    if !git_available() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let tmp = repo();
    let dir = tmp.path();
    // A file literally named `HEAD~1:x.bdl` holding 2022: read as a file, so no difference.
    let odd = dir.join("HEAD~1:x.bdl");
    if std::fs::copy(example(2022), &odd).is_err() {
        eprintln!("skipped: this file system does not allow ':' in names");
        return;
    }
    let (code, _, err) = bdl_diff(dir, &["HEAD~1:x.bdl", "x.bdl"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn works_as_a_git_difftool() {
    if !git_available() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let tmp = repo();
    let dir = tmp.path();
    // The configuration docs/git.md shows, with the path of the binary under test.
    git(
        dir,
        &[
            "config",
            "difftool.bdl.cmd",
            &format!("'{BIN}' diff \"$LOCAL\" \"$REMOTE\""),
        ],
    );
    let out = git(dir, &["difftool", "--no-prompt", "--tool=bdl", "HEAD~1"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("资金总额 173.4271 → 188.0651 万元 (+8.44%)"),
        "{stdout}"
    );
    // `git difftool -x` runs the command with the two files appended.
    let out = git(
        dir,
        &[
            "difftool",
            "--no-prompt",
            "-x",
            &format!("'{BIN}' diff"),
            "HEAD~1",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("律师参与信访工作经费"), "{stdout}");
}

// ---- the Markdown renders as meant ---------------------------------------------------------------------

fn to_html(md: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut out = String::new();
    html::push_html(
        &mut out,
        Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH),
    );
    out
}

#[test]
fn every_mark_renders_even_next_to_chinese_punctuation() {
    let (_, md, _) = bdl_diff(&root(), &[&example(2021), &example(2022)]);
    let html = to_html(&md);
    assert!(
        html.contains("<del>盾、促</del><strong>盾，促</strong>"),
        "{html}"
    );
    assert!(
        html.contains("<del>612</del><strong>650</strong>"),
        "{html}"
    );
    assert!(
        html.contains("<del>工作人员</del><strong>干部</strong>"),
        "{html}"
    );
    assert!(
        !html.contains("~~"),
        "a strike mark was left as text: {html}"
    );
    assert!(!html.contains("**"), "a bold mark was left as text: {html}");
    // Every table row has the header's number of cells: no text broke a table.
    for table in html.split("<table>").skip(1) {
        let table = table.split("</table>").next().unwrap_or("");
        let cells: Vec<usize> = table
            .split("<tr>")
            .skip(1)
            .map(|r| r.matches("<td").count() + r.matches("<th").count())
            .collect();
        assert!(cells.windows(2).all(|w| w[0] == w[1]), "{table}");
    }
}

#[test]
fn markup_in_a_declaration_stays_text_in_the_rendered_page() {
    let dir = root().join("tests/fixtures/diff");
    let (_, md, _) = bdl_diff(&dir, &["texts_changed_old.bdl", "texts_changed_new.bdl"]);
    let html = to_html(&md);
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | *全部* 完成"),
        "{html}"
    );
}

// ---- docs ------------------------------------------------------------------------------------------

/// docs/diff.md shows the seed's diff; it must be what the command prints today.
#[test]
fn the_example_in_docs_is_the_real_output() {
    let doc = std::fs::read_to_string(root().join("docs/diff.md")).expect("docs/diff.md");
    let begin = "<!-- bdl diff example: begin -->\n```markdown\n";
    let end = "```\n<!-- bdl diff example: end -->";
    let start = doc.find(begin).expect("begin marker") + begin.len();
    let stop = doc.find(end).expect("end marker");
    let (_, out, _) = bdl_diff(&root(), &[&example(2021), &example(2022)]);
    assert_eq!(
        &doc[start..stop],
        out,
        "update the example in docs/diff.md from `bdl diff`"
    );
}

#[test]
fn one_side_can_come_from_standard_input() {
    let src = std::fs::read_to_string(example(2022)).expect("example");
    let out = Command::new(BIN)
        .args(["diff", &example(2021), "-"])
        .write_stdin(src)
        .output()
        .expect("bdl runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("188.0651"));
    let out = Command::new(BIN)
        .args(["diff", "-", "-"])
        .output()
        .expect("bdl runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn textconv_shows_the_canonical_text_in_plain_git_diff() {
    if !git_available() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    git(dir, &["config", "user.name", "bdl test"]);
    git(dir, &["config", "user.email", "bdl@example.invalid"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
    // The set-up docs/git.md shows, with the path of the binary under test.
    std::fs::write(dir.join(".gitattributes"), "*.bdl diff=bdl\n").expect("write .gitattributes");
    git(
        dir,
        &[
            "config",
            "diff.bdl.textconv",
            &format!("sh -c '\"{BIN}\" fmt - < \"$1\" 2>/dev/null || cat \"$1\"' --"),
        ],
    );
    // One commit in a messy spelling, then the same budget reformatted plus one real change.
    let messy = "year 2021\nunit 万元\nframework   hunan\nincome \"其他资金\"\t0\nspending \"基本支出\" 1\n";
    std::fs::write(dir.join("x.bdl"), messy).expect("write x.bdl");
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "messy"]);
    let tidy =
        "year 2021\nunit 万元\nframework hunan\n\nincome \"其他资金\" 1\nspending \"基本支出\" 1\n";
    std::fs::write(dir.join("x.bdl"), tidy).expect("write x.bdl");

    let shown = String::from_utf8_lossy(&git(dir, &["diff"]).stdout).to_string();
    // Only the real change shows; the reformatting does not.
    assert!(shown.contains("-income \"其他资金\" 0"), "{shown}");
    assert!(shown.contains("+income \"其他资金\" 1"), "{shown}");
    assert!(
        !shown.contains("-framework") && !shown.contains("+framework"),
        "reformatting is not a change: {shown}"
    );
    // Without textconv the raw text differs on the reformatted lines too.
    let raw = String::from_utf8_lossy(&git(dir, &["diff", "--no-textconv"]).stdout).to_string();
    assert!(raw.contains("-framework   hunan"), "{raw}");
}

#[test]
fn a_change_beyond_28_digits_is_not_rounded() {
    let dir = root().join("tests/fixtures/diff");
    let (code, out, _) = bdl_diff(
        &dir,
        &[
            "change_beyond_28_digits_old.bdl",
            "change_beyond_28_digits_new.bdl",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1, "{out}");
    // The exact change is −99999999999999999999999999.999 (29 digits); rounding gave −10²⁶.
    assert!(!out.contains("-100000000000000000000000000"), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let total = &v["totals"][0];
    assert_eq!(total["old"], "100000000000000000000000000", "{out}");
    assert_eq!(total["new"], "0.001", "{out}");
    assert!(total["change"].is_null(), "{out}");
}
