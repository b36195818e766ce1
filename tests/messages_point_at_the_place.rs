//! Messages that point at the real place (issue 10, points 10–12): B1004 at the first bad byte with
//! the bytes in hex; CR-only line ends read as line ends; `612/0month`, `year 2025年`, `price 50元`
//! named for what they are.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;

const CLEAN: &str = include_str!("../examples/county-farmland-2024.bdl");

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").unwrap();
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

fn short(input: Vec<u8>) -> (i32, String) {
    let out = bdl()
        .args(["check", "-", "--format", "short"])
        .write_stdin(input)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn b1004_points_at_the_first_bad_byte() {
    let mut bytes = b"year 2021\nunit \xe4\xb8\x87\xe5\x85\x83\nfiler \"ab".to_vec();
    bytes.extend([0xFF, 0xFE, 0x80, 0x22, 0x0A]);
    let (code, text) = short(bytes.clone());
    assert_eq!(code, 1);
    assert!(text.starts_with("<stdin>:3:10: error[B1004]"), "{text}");
    assert!(
        text.contains("line 3, column 10") && text.contains("FF FE 80 22 0A"),
        "{text}"
    );
    // The human report shows the line with the bad bytes replaced.
    let out = bdl()
        .args(["check", "-"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>:3:10") && stderr.contains("filer \"ab"),
        "{stderr}"
    );
}

#[test]
fn cr_alone_is_a_line_end() {
    let mac = CLEAN.replace('\n', "\r");
    bdl()
        .args(["check", "-"])
        .write_stdin(mac.clone())
        .assert()
        .success();
    let mixed: String = CLEAN
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{l}{}", ["\n", "\r", "\r\n"][i % 3]))
        .collect();
    bdl()
        .args(["check", "-"])
        .write_stdin(mixed)
        .assert()
        .success();
    // A mistake on line 3 of a CR file is reported on line 3, not line 0.
    let bad = "year 2021\runit 万元\rfiler 石峰\r";
    let (code, text) = short(bad.as_bytes().to_vec());
    assert_eq!(code, 1);
    assert!(text.starts_with("<stdin>:3:"), "{text}");
    // fmt writes it with LF line ends.
    let out = bdl().args(["fmt", "-"]).write_stdin(mac).output().unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8(out.stdout).unwrap().contains('\r'));
}

#[test]
fn fmt_in_place_turns_cr_line_ends_into_lf() {
    // The decoder reads a CR alone as LF; fmt must still see that the file on disk is not formatted.
    let dir = tempfile::tempdir().unwrap();
    let mac = dir.path().join("cr.bdl");
    std::fs::write(&mac, CLEAN.replace('\n', "\r")).unwrap();
    let check = bdl().args(["fmt", "--check"]).arg(&mac).output().unwrap();
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    assert!(String::from_utf8_lossy(&check.stdout).contains("cr.bdl"));
    let diff = bdl().args(["fmt", "--diff"]).arg(&mac).output().unwrap();
    assert_eq!(diff.status.code(), Some(1), "{diff:?}");
    assert!(String::from_utf8_lossy(&diff.stdout).contains("only the line ends change"));
    let fmt = bdl().args(["fmt", "-v"]).arg(&mac).output().unwrap();
    assert!(fmt.status.success(), "{fmt:?}");
    assert!(String::from_utf8_lossy(&fmt.stderr).contains("reformatted"));
    assert_eq!(std::fs::read_to_string(&mac).unwrap(), CLEAN);
    bdl().args(["fmt", "--check"]).arg(&mac).assert().success();
    // The file already formatted is left alone.
    let lf = dir.path().join("lf.bdl");
    std::fs::write(&lf, CLEAN).unwrap();
    bdl().args(["fmt", "--check"]).arg(&lf).assert().success();
}

#[test]
fn unit_words_are_named_for_what_they_are() {
    let cases = [
        (
            "year 2021\nunit 万元\nframework hunan\ndirection \"a\" < people 5 rate 612/0month >\n",
            "B1013",
            "(a zero period)",
        ),
        (
            "year 2025年\nunit 万元\n",
            "B1001",
            "the year is a bare number",
        ),
        (
            "year 2021\nunit 万元\nframework hunan\ndirection \"a\" < qty 5 price 50元 >\n",
            "B1001",
            "a price is already in 元",
        ),
        // Spaced between the number and the word, and a decimal zero: the same mistakes.
        (
            "year 2021\nunit 万元\nframework hunan\ndirection \"a\" < qty 5 price 50 元 >\n",
            "B1001",
            "a price is already in 元: `50 元`",
        ),
        (
            "year 2025 年\nunit 万元\n",
            "B1001",
            "the year is a bare number: `2025 年`",
        ),
        (
            "year 2021\nunit 万元\nframework hunan\ndirection \"a\" < people 5 rate 612/0.0month >\n",
            "B1013",
            "(a zero period)",
        ),
        (
            "year 2021\nunit 万元\nframework hunan\ndirection \"a\" < people 5 rate 612/0 month >\n",
            "B1013",
            "(a zero period)",
        ),
    ];
    for (src, code, words) in cases {
        let (exit, text) = short(src.as_bytes().to_vec());
        assert_eq!(exit, 1, "{src}");
        assert!(text.contains(code) && text.contains(words), "{src}: {text}");
        assert!(!text.contains("expected"), "{src}: {text}");
    }
}
