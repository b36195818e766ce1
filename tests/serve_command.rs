//! `bdl serve` as a command: what it prints when it listens on an address other than loopback.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The server, killed when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The lines `bdl serve ARGS` writes to standard error before it says where it listens.
fn warnings(args: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_bdl"))
            .arg("serve")
            .arg(dir.path())
            .args(["--port", "0", "--lang", "zh"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut lines = Vec::new();
    for line in BufReader::new(server.0.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        if line.contains("http://") {
            break;
        }
        lines.push(line);
    }
    lines
}

#[test]
fn listening_on_every_address_warns_that_other_names_need_allow_host() {
    let lines = warnings(&["--host", "0.0.0.0"]);
    let all = lines.join("\n");
    assert!(all.contains("警告：正在监听 0.0.0.0"), "{all}");
    // One sentence says who can read and change, and how to prevent the changes.
    assert!(
        all.contains("能访问该地址的人都能读取并修改这些申报（加 --read-only 可禁止修改）"),
        "{all}"
    );
    let hosts = lines
        .iter()
        .find(|l| l.contains("--allow-host"))
        .unwrap_or_else(|| panic!("no hint about --allow-host: {all}"));
    assert!(
        hosts.contains("只有以 127.0.0.1、localhost、::1 打开时才应答") && hosts.contains("403"),
        "{hosts}"
    );
    // A name given with --allow-host is listed among those answered.
    let lines = warnings(&[
        "--host",
        "0.0.0.0",
        "--allow-host",
        "budget.example",
        "--read-only",
    ]);
    let all = lines.join("\n");
    assert!(
        all.contains("::1、budget.example 打开时") && !all.contains("--read-only 可禁止"),
        "{all}"
    );
}

#[test]
fn listening_on_loopback_warns_nothing() {
    assert_eq!(warnings(&[]), Vec::<String>::new());
}
