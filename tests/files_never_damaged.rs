//! Files are never damaged or lost (issue 10, points 1–6): `fmt` keeps a file's permissions, owner and
//! links and refuses read-only and hard-linked files; temporary files cannot be redirected; an output
//! that is an input is refused; oversized input is refused before it is read.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]
#![cfg(unix)]

use assert_cmd::Command;
use predicates::prelude::*;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

const MESSY: &str = "year\t2021\r\nunit 万元   # 金额单位\r\n\r\n\r\nduty \"职责\"\r\n";
const CANONICAL: &str = "year 2021\nunit 万元  # 金额单位\n\nduty \"职责\"\n";
const SEED: &str = include_str!("../examples/shifeng-xinfang-2021.bdl");

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").unwrap();
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// Only the files a test made: no temporary file left behind.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

// ── 1. permissions and owner ─────────────────────────────────────────────────────────────────────

#[test]
fn fmt_keeps_the_files_permissions() {
    for m in [0o600, 0o640, 0o750, 0o664] {
        let dir = tempfile::tempdir().unwrap();
        let f = write(dir.path(), "a.bdl", MESSY);
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(m)).unwrap();
        bdl().arg("fmt").arg(&f).assert().success();
        assert_eq!(std::fs::read_to_string(&f).unwrap(), CANONICAL);
        assert_eq!(mode(&f), m, "mode {m:o} changed");
        assert_eq!(names(dir.path()), ["a.bdl"]);
    }
}

#[test]
fn fmt_refuses_a_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.bdl", MESSY);
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
    bdl()
        .arg("fmt")
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("read-only"));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), MESSY);
    assert_eq!(mode(&f), 0o444);
    // --check only reads, so it still works.
    bdl().args(["fmt", "--check"]).arg(&f).assert().code(1);
}

#[test]
fn fmt_keeps_the_files_owner_and_group() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.bdl", MESSY);
    // Giving a file away needs privilege; where the tests run without it, the owner is ours and the
    // check below still shows that fmt keeps it.
    let given = std::os::unix::fs::chown(&f, Some(4321), Some(4321)).is_ok();
    let before = std::fs::metadata(&f).unwrap();
    bdl().arg("fmt").arg(&f).assert().success();
    let after = std::fs::metadata(&f).unwrap();
    assert_eq!(std::fs::read_to_string(&f).unwrap(), CANONICAL);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if given {
        assert_eq!(after.uid(), 4321);
    }
}

// ── 2. links ─────────────────────────────────────────────────────────────────────────────────────

#[test]
fn fmt_on_a_symlink_formats_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = write(&dir.path().join("real"), "a.bdl", MESSY);
    let link = dir.path().join("link.bdl");
    std::os::unix::fs::symlink("real/a.bdl", &link).unwrap();
    bdl().arg("fmt").arg(&link).assert().success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("real/a.bdl"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), CANONICAL);
    assert_eq!(names(&dir.path().join("real")), ["a.bdl"]);
}

#[test]
fn fmt_refuses_a_hard_linked_file_and_keeps_both_names() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.bdl", MESSY);
    let b = dir.path().join("b.bdl");
    std::fs::hard_link(&a, &b).unwrap();
    bdl()
        .arg("fmt")
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hard links"));
    assert_eq!(std::fs::metadata(&a).unwrap().nlink(), 2);
    assert_eq!(
        std::fs::metadata(&a).unwrap().ino(),
        std::fs::metadata(&b).unwrap().ino()
    );
    assert_eq!(std::fs::read_to_string(&b).unwrap(), MESSY);
}

// ── 3. temporary files ───────────────────────────────────────────────────────────────────────────

#[test]
fn a_symlink_at_the_old_temporary_name_redirects_nothing() {
    // The old writer used `.NAME.bdl-tmp-PID`; plant links at every name it could have chosen for
    // the next few processes, pointing at a file that must stay untouched.
    let dir = tempfile::tempdir().unwrap();
    let victim = write(dir.path(), "victim.txt", "precious");
    let f = write(dir.path(), "a.bdl", MESSY);
    let out = dir.path().join("out.md");
    let me = std::process::id();
    for pid in me..me + 2000 {
        for name in ["a.bdl", "out.md"] {
            let _ = std::os::unix::fs::symlink(
                &victim,
                dir.path().join(format!(".{name}.bdl-tmp-{pid}")),
            );
        }
    }
    bdl().arg("fmt").arg(&f).assert().success();
    let seed = write(dir.path(), "seed.bdl", SEED);
    bdl()
        .arg("build")
        .arg(&seed)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), CANONICAL);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("石峰区信访局")
    );
}

// ── 4. an output that is an input ────────────────────────────────────────────────────────────────

#[test]
fn build_refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.bdl", SEED);
    let link = dir.path().join("same.bdl");
    std::fs::hard_link(&f, &link).unwrap();
    for out in [f.clone(), link, dir.path().join(".").join("a.bdl")] {
        bdl()
            .arg("build")
            .arg(&f)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is an input"));
        assert_eq!(std::fs::read_to_string(&f).unwrap(), SEED);
    }
}

#[test]
fn dash_o_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.bdl", SEED);
    bdl()
        .current_dir(dir.path())
        .args(["build", "a.bdl", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains("部门整体支出绩效目标表"));
    assert_eq!(names(dir.path()), ["a.bdl"]);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), SEED);
}

// ── 6. input size ────────────────────────────────────────────────────────────────────────────────

#[test]
fn an_oversized_file_is_refused_from_its_size() {
    // A sparse 1 GiB file: reading it would take a gigabyte of memory; its size refuses it at once.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("huge.bdl");
    std::fs::File::create(&f).unwrap().set_len(1 << 30).unwrap();
    let started = std::time::Instant::now();
    for cmd in [&["check"][..], &["build"], &["fmt", "--check"]] {
        bdl()
            .args(cmd)
            .arg(&f)
            .assert()
            .failure()
            .stderr(predicate::str::contains("B1007"))
            .stderr(predicate::str::contains("1073741824 bytes"));
    }
    // Reading 1 GiB three times would take far longer than this on any machine.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn standard_input_is_read_through_a_bound() {
    // An endless stream: the old reader grew until killed; the bound stops at 8 MiB + 1 byte.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("bdl"))
        .args(["check", "-"])
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("bdl check - < /dev/zero did not stop");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("B1007") && stderr.contains("goes on past 8 MiB"),
        "{stderr}"
    );
}

/// Runs bdl with `umask` set (a shell sets it; the test process's own umask stays as it is).
fn bdl_under_umask(umask: &str, dir: &Path, args: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" {args}"))
        .arg(env!("CARGO_BIN_EXE_bdl"))
        .current_dir(dir)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

#[test]
fn a_new_output_follows_the_umask_and_a_rebuilt_one_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.bdl", SEED);
    std::fs::create_dir(d.join("src")).unwrap();
    write(&d.join("src"), "a.bdl", SEED);
    write(&d.join("src"), "b.bdl", SEED);
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        for name in [
            "out.md",
            "out.xlsx",
            "outdir",
            "outx",
            "back.bdl",
            "report.json",
        ] {
            let p = d.join(name);
            if p.is_dir() {
                std::fs::remove_dir_all(&p).unwrap();
            } else if p.exists() {
                std::fs::remove_file(&p).unwrap();
            }
        }
        for args in [
            "build a.bdl -o out.md",
            "build a.bdl --format xlsx -o out.xlsx",
            "build src -o outdir",
            "build src --format json -o outx",
            "import out.xlsx -o back.bdl --report report.json",
        ] {
            let out = bdl_under_umask(umask, d, args);
            assert!(
                out.status.code().is_some_and(|c| c < 2),
                "{args}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        for name in [
            "out.md",
            "out.xlsx",
            "outdir/a.md",
            "outdir/b.md",
            "outdir/_rollup.md",
            "outx/a.json",
            "outx/_rollup.json",
            "back.bdl",
            "report.json",
        ] {
            assert_eq!(mode(&d.join(name)), expected, "{name} under umask {umask}");
        }
    }
    // A rebuild keeps the mode an output was given, whatever the umask.
    for name in ["out.md", "outdir/a.md", "outdir/_rollup.md"] {
        std::fs::set_permissions(d.join(name), std::fs::Permissions::from_mode(0o604)).unwrap();
    }
    bdl_under_umask("077", d, "build a.bdl -o out.md");
    bdl_under_umask("077", d, "build src -o outdir");
    for name in ["out.md", "outdir/a.md", "outdir/_rollup.md"] {
        assert_eq!(mode(&d.join(name)), 0o604, "{name} after a rebuild");
    }
    assert_eq!(mode(&d.join("outdir/b.md")), 0o600);
}
