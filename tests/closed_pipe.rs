//! A reader that goes away (`bdl check DIR --format json | head -1`, `bdl explain | head -c0`) ends
//! bdl quietly: never a panic ("failed printing to stdout: Broken pipe"), never an abort (exit 134 in
//! a release build, 101 in a debug one).

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

const SEED: &str = "examples/shifeng-xinfang-2021.bdl";

fn bdl(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bdl"));
    cmd.args(args)
        .stdin(Stdio::null())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

/// A folder of 200 declarations: far more report than a pipe holds (64 KiB on Linux).
fn many() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(SEED).unwrap();
    for i in 0..200 {
        std::fs::write(dir.path().join(format!("f{i:03}.bdl")), &text).unwrap();
    }
    dir
}

/// Ends without a panic and without an abort: either it finished (0, 1) or SIGPIPE ended it.
fn assert_quiet(what: &str, status: std::process::ExitStatus, stderr: &str) {
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(!stderr.contains("Broken pipe"), "{what}: {stderr}");
    assert!(
        !matches!(status.code(), Some(101 | 134 | 2)),
        "{what}: ended with {status}: {stderr}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(
            status.code().is_some() || status.signal() == Some(libc_sigpipe()),
            "{what}: ended with {status}"
        );
    }
}

#[cfg(unix)]
fn libc_sigpipe() -> i32 {
    13
}

/// Runs `args`, reads `keep` lines of standard output, then closes it.
fn with_stdout_closed_after(args: &[&str], keep: usize) {
    let mut child = bdl(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    for _ in 0..keep {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
    }
    drop(out);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_quiet(&args.join(" "), status, &stderr);
}

#[test]
fn a_closed_standard_output_ends_bdl_quietly() {
    let dir = many();
    let folder = dir.path().to_str().unwrap();
    with_stdout_closed_after(&["check", folder, "--format", "json"], 1);
    with_stdout_closed_after(&["check", folder, "--format", "short"], 1);
    with_stdout_closed_after(&["build", SEED], 1);
    with_stdout_closed_after(&["explain"], 0);
    with_stdout_closed_after(&["explain", "B1004"], 0);
    with_stdout_closed_after(&["completions", "bash"], 0);
    with_stdout_closed_after(&["--help"], 0);
}

#[test]
fn a_closed_standard_error_ends_bdl_quietly() {
    // The human report goes to standard error: `bdl check DIR 2>&1 | head -1`.
    let dir = many();
    let mut child = bdl(&["check", dir.path().to_str().unwrap(), "--color", "never"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    drop(err);
    // Keep reading standard output so that only the closed standard error can stop the run.
    let mut stdout = child.stdout.take().unwrap();
    let drain = std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    let status = wait_at_most(&mut child, 60);
    // Standard error is gone, so a panic could not be seen there: the exit tells.
    assert_quiet("check DIR 2>&1 | head -1", status, "");
    drain.join().unwrap().unwrap();
}

/// The exit status, or a failure when the run has not ended in `seconds` (a worker thread that died
/// writing to a closed pipe once left the run waiting for it for ever).
fn wait_at_most(child: &mut std::process::Child, seconds: u64) -> std::process::ExitStatus {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("bdl hung after its standard error was closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
