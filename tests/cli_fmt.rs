//! `bdl fmt` as a user runs it: rewriting files, `--check`, `--diff`, standard input, folders, and
//! files it must leave alone.

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
use std::path::Path;

const MESSY: &str = "year\t2021\r\nunit 万元   # 金额单位\r\n\r\n\r\nduty \"职责\"\r\n";
const CANONICAL: &str = "year 2021\nunit 万元  # 金额单位\n\nduty \"职责\"\n";

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").unwrap();
    // English whatever the machine's locale.
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn fmt_rewrites_a_file_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.bdl", MESSY);
    bdl().arg("fmt").arg(&f).assert().success();
    assert_eq!(std::fs::read_to_string(&f).unwrap(), CANONICAL);
    // No temporary file is left next to it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    bdl().arg("fmt").arg(&f).assert().success();
    assert_eq!(std::fs::read_to_string(&f).unwrap(), CANONICAL);
}

#[test]
fn check_lists_files_that_would_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let messy = write(dir.path(), "messy.bdl", MESSY);
    let tidy = write(dir.path(), "tidy.bdl", CANONICAL);
    bdl()
        .args(["fmt", "--check"])
        .arg(&messy)
        .arg(&tidy)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("messy.bdl").and(predicate::str::contains("tidy.bdl").not()),
        );
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), MESSY);
    bdl()
        .args(["fmt", "--check"])
        .arg(&tidy)
        .assert()
        .success()
        .stdout("");
}

#[test]
fn diff_shows_the_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.bdl", MESSY);
    bdl()
        .args(["fmt", "--diff"])
        .arg(&f)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("-year\t2021")
                .and(predicate::str::contains("+year 2021"))
                .and(predicate::str::contains("+unit 万元  # 金额单位"))
                .and(predicate::str::contains("@@")),
        );
    assert_eq!(std::fs::read_to_string(&f).unwrap(), MESSY);
}

#[test]
fn dash_reads_standard_input_and_writes_standard_output() {
    bdl()
        .args(["fmt", "-"])
        .write_stdin(MESSY)
        .assert()
        .success()
        .stdout(CANONICAL);
    bdl()
        .args(["fmt", "--check", "-"])
        .write_stdin(MESSY)
        .assert()
        .code(1)
        .stdout("<stdin>\n");
}

#[test]
fn a_file_with_syntax_errors_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "year\t2021\r\nunit 美元\r\n";
    let f = write(dir.path(), "broken.bdl", broken);
    bdl()
        .args(["fmt", "--color", "never"])
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("B1016").and(predicate::str::contains("not formatted")));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), broken);
}

#[test]
fn a_folder_means_every_bdl_file_under_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let a = write(dir.path(), "a.bdl", MESSY);
    let b = write(&dir.path().join("sub"), "b.bdl", MESSY);
    let other = write(dir.path(), "notes.txt", MESSY);
    bdl().arg("fmt").arg(dir.path()).assert().success();
    assert_eq!(std::fs::read_to_string(&a).unwrap(), CANONICAL);
    assert_eq!(std::fs::read_to_string(&b).unwrap(), CANONICAL);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), MESSY);
}

/// `fmt DIR` walks folders as `check DIR` and `build DIR` do: hidden entries are skipped, and
/// `--check` lists the same files `check DIR` reads.
#[test]
fn a_folder_is_walked_as_check_and_build_walk_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let hidden = write(&dir.path().join(".git"), "x.bdl", MESSY);
    let dotfile = write(dir.path(), ".draft.bdl", MESSY);
    let a = write(dir.path(), "a.bdl", MESSY);
    let out = bdl()
        .args(["fmt", "--check"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(listed.contains("a.bdl"), "{listed}");
    let checked = bdl().arg("check").arg(dir.path()).output().unwrap();
    assert!(String::from_utf8_lossy(&checked.stderr).contains("checked 1 file"));
    bdl().arg("fmt").arg(dir.path()).assert().success();
    assert_eq!(std::fs::read_to_string(&a).unwrap(), CANONICAL);
    assert_eq!(std::fs::read_to_string(&hidden).unwrap(), MESSY);
    assert_eq!(std::fs::read_to_string(&dotfile).unwrap(), MESSY);
}

#[test]
fn the_examples_are_canonical() {
    bdl()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["fmt", "--check", "examples/"])
        .assert()
        .success();
}

#[test]
fn a_missing_file_is_an_io_problem() {
    bdl()
        .args(["fmt", "no/such/file.bdl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}
