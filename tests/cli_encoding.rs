//! One front door: a file in an encoding bdl recognises but does not read (GBK, UTF-16) is the same
//! coded diagnostic, B1004 with the command that converts it, and exit status 1 in every command that
//! reads sources — `check`, `build`, `fmt`, and folders of each. `diff` reports the same diagnostic and
//! exits 2, its status for a side that does not compile (docs/diff.md).

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

const GBK: &str = "tests/fixtures/bad/gbk_encoded.bdl";
const SEED: &str = "examples/shifeng-xinfang-2021.bdl";

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").unwrap();
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    cmd
}

/// A folder holding a copy of the GBK fixture, and the copy's path.
fn gbk_in(dir: &Path) -> (PathBuf, PathBuf) {
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("gbk.bdl");
    std::fs::copy(GBK, &file).unwrap();
    (folder, file)
}

/// Runs bdl and requires B1004 on standard error with the GB18030 conversion, and the exit status.
fn refused(args: &[&str], paths: &[&Path], status: i32) -> String {
    let out = bdl().args(args).args(paths).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(status), "bdl {args:?}: {stderr}");
    assert!(stderr.contains("B1004"), "bdl {args:?}: {stderr}");
    assert!(
        stderr.contains("iconv -f GB18030"),
        "bdl {args:?}: {stderr}"
    );
    stderr
}

#[test]
fn check_reports_b1004_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, file) = gbk_in(tmp.path());
    refused(&["check"], &[&file], 1);
    refused(&["check"], &[&folder], 1);
    for format in ["short", "json"] {
        let out = bdl()
            .args(["check", "--format", format])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "--format {format}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("B1004"));
    }
}

#[test]
fn build_reports_b1004_exits_1_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, file) = gbk_in(tmp.path());
    let out_file = tmp.path().join("out.md");
    refused(&["build", "-o", out_file.to_str().unwrap()], &[&file], 1);
    assert!(!out_file.exists());
    let out_dir = tmp.path().join("out");
    refused(&["build", "-o", out_dir.to_str().unwrap()], &[&folder], 1);
    assert!(!out_dir.join("gbk.md").exists());
}

#[test]
fn fmt_reports_b1004_exits_1_and_leaves_the_file_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, file) = gbk_in(tmp.path());
    let before = std::fs::read(&file).unwrap();
    refused(&["fmt"], &[&file], 1);
    refused(&["fmt", "--check"], &[&file], 1);
    refused(&["fmt", "--diff"], &[&file], 1);
    refused(&["fmt"], &[&folder], 1);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let stdin = bdl()
        .args(["fmt", "-"])
        .write_stdin(before.clone())
        .output()
        .unwrap();
    assert_eq!(stdin.status.code(), Some(1));
    assert!(stdin.stdout.is_empty());
    assert!(String::from_utf8_lossy(&stdin.stderr).contains("B1004"));
}

#[test]
fn diff_reports_b1004_on_either_side_and_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, file) = gbk_in(tmp.path());
    let seed = Path::new(SEED);
    let out = bdl().arg("diff").arg(&file).arg(seed).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("B1004") && stderr.contains("iconv -f GB18030"),
        "{stderr}"
    );
    refused(&["diff"], &[seed, &file], 2);
}
