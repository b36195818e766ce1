//! The command line users expect (issue 10, points 13–17): completions, `-q`/`-v`, "All checks
//! passed!", colour from the environment, help and errors in Chinese.

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
const CLEAN: &str = "examples/county-farmland-2024.bdl";

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").unwrap();
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("TERM");
    cmd
}

fn stderr_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stderr).unwrap()
}

// ── 13 ───────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef bdl"),
        ("fish", "complete -c bdl"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        bdl()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker))
            .stdout(predicate::str::contains("explain"));
    }
    bdl().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn check_says_when_a_file_passed() {
    bdl()
        .args(["check", CLEAN])
        .assert()
        .success()
        .stdout("")
        .stderr("All checks passed!\n");
    bdl()
        .args(["--lang", "zh", "check", CLEAN])
        .assert()
        .success()
        .stderr("全部检查通过！\n");
    // A file with warnings passes too, after its warnings.
    let warned = stderr_of(bdl().args(["check", SEED]));
    assert!(
        warned.ends_with("0 errors, 2 warnings\nAll checks passed!\n"),
        "{warned}"
    );
    // Errors: no such line.
    bdl()
        .args(["check", "tests/fixtures/check/no_budget_year.bdl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("All checks passed").not());
}

#[test]
fn quiet_and_verbose_on_every_command() {
    bdl()
        .args(["check", "-q", CLEAN])
        .assert()
        .success()
        .stderr("");
    bdl()
        .args(["-q", "check", CLEAN])
        .assert()
        .success()
        .stderr("");
    bdl()
        .args(["check", "-v", CLEAN])
        .assert()
        .success()
        .stderr(format!("{CLEAN}: ok\nAll checks passed!\n"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.md");
    bdl()
        .args(["build", "-v", CLEAN, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!("wrote {}", out.display())));
    bdl()
        .args(["build", "-q", CLEAN, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr("");
    let f = dir.path().join("a.bdl");
    std::fs::write(&f, "year\t2021\n").unwrap();
    bdl()
        .args(["fmt", "-v"])
        .arg(&f)
        .assert()
        .success()
        .stderr(predicate::str::contains("reformatted"));
    // A folder run's summary is not printed under -q.
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(CLEAN, folder.path().join("a.bdl")).unwrap();
    bdl()
        .args(["check", "-q"])
        .arg(folder.path())
        .assert()
        .success()
        .stderr("");
    bdl()
        .args(["check"])
        .arg(folder.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("checked 1 file"));
    for cmd in [
        &["diff", "-q", SEED, SEED][..],
        &["explain", "-q", "B1001"],
        &["fmt", "-v", "--check", CLEAN],
    ] {
        bdl().args(cmd).assert().success();
    }
    bdl().args(["check", "-q", "-v", CLEAN]).assert().code(2);
}

#[test]
fn quiet_prints_no_summary_and_verbose_names_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.bdl");
    std::fs::write(&bad, "year 2021\nbogus\n").unwrap();
    // -q: the diagnostics, without the count after them.
    let out = bdl().args(["check", "-q"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("B1014"), "{stderr}");
    assert!(!stderr.contains("1 error"), "{stderr}");
    let out = bdl().args(["check"]).arg(&bad).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.bdl: 1 error"));
    // A folder build under -q: no "NAME: nothing written", no summary.
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::copy(&bad, src.join("bad.bdl")).unwrap();
    std::fs::copy(CLEAN, src.join("ok.bdl")).unwrap();
    let out = bdl()
        .args(["build", "-q"])
        .arg(&src)
        .arg("-o")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("B1014"), "{stderr}");
    assert!(!stderr.contains("nothing written"), "{stderr}");
    assert!(!stderr.contains("1 error"), "{stderr}");
    let out = bdl()
        .args(["build"])
        .arg(&src)
        .arg("-o")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing written"));
    // fmt -v on a formatted file says it is unchanged, in place and under --check.
    let formatted = dir.path().join("ok.bdl");
    std::fs::copy(CLEAN, &formatted).unwrap();
    for args in [&["fmt", "-v"][..], &["fmt", "-v", "--check"]] {
        bdl()
            .args(args)
            .arg(&formatted)
            .assert()
            .success()
            .stderr(predicate::str::contains("ok.bdl: already formatted"));
    }
    bdl()
        .args(["fmt"])
        .arg(&formatted)
        .assert()
        .success()
        .stderr("");
}

// ── 16 ───────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn colour_follows_the_environment() {
    let bad = "tests/fixtures/check/no_budget_year.bdl";
    let coloured = |envs: &[(&str, &str)]| {
        let mut cmd = bdl();
        cmd.args(["check", bad]);
        for (k, v) in envs {
            cmd.env(k, v);
        }
        stderr_of(&mut cmd).contains('\u{1b}')
    };
    // Standard error is a pipe here: no colour unless forced.
    assert!(!coloured(&[]));
    assert!(coloured(&[("CLICOLOR_FORCE", "1")]));
    assert!(
        coloured(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]),
        "empty NO_COLOR is unset"
    );
    assert!(!coloured(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "0")]));
}

// ── 17 ───────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn help_in_chinese() {
    // Every command bdl has, as its English help lists them (a new command is tested without a word
    // here), and `help` itself.
    let en = bdl().arg("--help").output().unwrap();
    let en = String::from_utf8(en.stdout).unwrap();
    let commands: Vec<String> = en
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    for expected in [
        "check",
        "build",
        "import",
        "lsp",
        "serve",
        "completions",
        "help",
    ] {
        assert!(
            commands.iter().any(|c| c == expected),
            "{expected} in {commands:?}"
        );
    }
    let english_words = [
        "Usage:",
        "Options:",
        "Arguments:",
        "Commands:",
        "Print help",
        "Print this message",
        "[default",
        "Possible values",
    ];
    let is_chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let assert_chinese = |what: &str, text: &str| {
        assert!(text.contains("用法："), "{what}: {text}");
        for english in english_words {
            assert!(!text.contains(english), "{what}: `{english}` in\n{text}");
        }
        // The about line and every argument, option and command listed say it in Chinese.
        assert!(
            text.lines()
                .next()
                .is_some_and(|l| l.chars().any(is_chinese)),
            "{what}: {text}"
        );
        for line in text.lines().filter(|l| l.starts_with("  ")) {
            assert!(
                line.chars().any(is_chinese),
                "{what}: English help line `{line}`"
            );
        }
    };
    let mut runs: Vec<(String, Vec<&str>)> = vec![("--help".into(), vec!["--help"])];
    for c in &commands {
        runs.push((format!("{c} --help"), vec![c.as_str(), "--help"]));
        runs.push((format!("help {c}"), vec!["help", c.as_str()]));
    }
    runs.push(("help".into(), vec!["help"]));
    for (what, args) in &runs {
        let out = bdl().args(["--lang", "zh"]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{what}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert_chinese(what, &text);
        assert!(text.contains("显示帮助"), "{what}: {text}");
    }
    // A Chinese locale without --lang: `bdl help` and `bdl help build` work as in English.
    for args in [&["help"][..], &["help", "build"]] {
        let out = bdl()
            .env("LANG", "zh_CN.UTF-8")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert_chinese(
            &format!("{args:?}"),
            &String::from_utf8(out.stdout).unwrap(),
        );
    }
    bdl()
        .args(["--lang", "zh", "help", "nope"])
        .assert()
        .code(2);
    // The locale chooses it too, and `--lang en` wins over the locale.
    let zh = bdl()
        .env("LANG", "zh_CN.UTF-8")
        .arg("--help")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(zh.stdout)
            .unwrap()
            .contains("将预算绩效目标申报")
    );
    let en = bdl()
        .env("LANG", "zh_CN.UTF-8")
        .args(["--lang", "en", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8(en.stdout).unwrap().contains("Usage:"));
}

#[test]
fn usage_errors_in_chinese() {
    for (args, says) in [
        (&["check"][..], "错误：缺少必需的参数"),
        (&["chek", "a.bdl"], "错误：没有子命令 'chek'"),
        (
            &["check", "--nope", "a.bdl"],
            "错误：无法识别的参数 '--nope'",
        ),
        (&["build", "a.bdl", "--format", "yaml"], "错误：'yaml' 不是"),
        (&["check", "-q", "-v", "a.bdl"], "不能与"),
    ] {
        let out = bdl().args(["--lang", "zh"]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(
            stderr.contains("用法：") || stderr.contains("更多信息"),
            "{stderr}"
        );
        assert!(!stderr.contains("error:"), "{args:?}: {stderr}");
        // In English they stay clap's.
        let out = bdl().args(args).output().unwrap();
        assert!(String::from_utf8(out.stderr).unwrap().contains("error:"));
    }
    // A suggestion is kept.
    let out = bdl().args(["--lang", "zh", "chek"]).output().unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().contains("'check'"));
}

#[test]
fn errors_about_files_come_from_the_catalogue() {
    bdl()
        .args(["--lang", "zh", "check", "no/such/file.bdl"])
        .assert()
        .code(2)
        .stderr("错误：无法读取 no/such/file.bdl：文件不存在\n");
    bdl()
        .args(["check", "no/such/file.bdl"])
        .assert()
        .code(2)
        .stderr("error: cannot read no/such/file.bdl: no such file\n");
    // A folder where a file is expected, an unwritable output: the catalogue's words, no OS English.
    let dir = tempfile::tempdir().unwrap();
    let out = stderr_of(
        bdl()
            .args(["--lang", "zh", "fmt"])
            .arg(dir.path().join("x.bdl")),
    );
    assert!(
        out.contains("文件不存在") && !out.contains("os error"),
        "{out}"
    );
    let out = stderr_of(
        bdl()
            .args(["--lang", "zh", "build", CLEAN, "-o"])
            .arg(dir.path().join("no/such/dir/t.md")),
    );
    assert!(
        out.contains("无法写入") && out.contains("文件不存在"),
        "{out}"
    );
    assert!(
        !out.contains("os error") && !out.contains("No such"),
        "{out}"
    );
    let out = stderr_of(bdl().args(["--lang", "zh", "diff", "nope.bdl", SEED]));
    assert!(out.contains("文件不存在"), "{out}");
}
