//! The Chinese pages of the diagnostic codes (docs/diagnostics/zh/): one per code, printed by
//! `bdl explain CODE --lang zh`, with examples that still produce their code and diagnostics shown as
//! bdl prints them in Chinese today.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;
use std::path::Path;

const DIR: &str = "docs/diagnostics/zh";

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").unwrap();
    cmd.env("NO_COLOR", "1").env_remove("LC_ALL");
    cmd
}

fn page(code: &str) -> String {
    std::fs::read_to_string(Path::new(DIR).join(format!("{code}.md")))
        .unwrap_or_else(|e| panic!("{code} has no Chinese page: {e}"))
}

/// The fenced blocks of a page: info string and body.
fn blocks(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in page.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) if !info.is_empty() => current = Some((info.to_string(), vec![])),
            (Some(_), Some(_)) => {
                let (info, lines) = current.take().unwrap();
                out.push((info, lines.join("\n")));
            }
            (Some((_, lines)), None) => lines.push(line),
            _ => {}
        }
    }
    out
}

#[test]
fn every_code_has_a_chinese_page_that_explain_prints() {
    for code in bdl::registry::all() {
        let c = code.as_str();
        let text = page(c);
        let heading = format!("# {c}：{}", code.title_in(bdl::messages::Lang::Zh));
        assert_eq!(text.lines().next(), Some(heading.as_str()), "{c}");
        let severity = format!(
            "**严重程度**：{}",
            bdl::messages::severity_zh(code.severity())
        );
        assert!(text.lines().any(|l| l == severity), "{c}: {severity}");
        for section in ["## 含义", "## 改正方法"] {
            assert!(text.contains(section), "{c}: no {section}");
        }
        let out = bdl().args(["explain", c, "--lang", "zh"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), text, "{c}");
    }
    let pages = std::fs::read_dir(DIR).unwrap().count();
    assert_eq!(
        pages,
        bdl::registry::all().len(),
        "one Chinese page per code, no more"
    );
}

#[test]
fn chinese_examples_produce_their_code_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    for code in bdl::registry::all() {
        let c = code.as_str();
        let bs = blocks(&page(c));
        for (i, (info, body)) in bs.iter().enumerate() {
            if info == "bdl" {
                let compiled = bdl::compile(body);
                assert!(!compiled.has_errors(), "{c}: a fix that does not compile");
            }
            let Some(expect) = info.strip_prefix("bdl expect=") else {
                continue;
            };
            assert_eq!(expect, c);
            std::fs::write(dir.path().join("budget.bdl"), format!("{body}\n")).unwrap();
            let out = bdl()
                .current_dir(dir.path())
                .args(["--lang", "zh", "check", "budget.bdl"])
                .output()
                .unwrap();
            let shown = String::from_utf8(out.stderr).unwrap();
            assert!(shown.contains(c), "{c}: the example does not produce it");
            let (info, text) = &bs[i + 1];
            assert_eq!(
                info, "text",
                "{c}: the example is followed by its diagnostic"
            );
            assert_eq!(
                text.trim_end(),
                shown.trim_end(),
                "{c}: the page shows other output"
            );
        }
    }
}

/// Every page as CommonMark renders it (GitHub, `bdl serve`): no emphasis marker is left as text.
/// A closing `**` after full-width punctuation and before a CJK letter is not right-flanking, so
/// `**严重程度：**警告` shows its asterisks; `**严重程度**：警告` does not.
#[test]
fn no_bold_or_italic_marker_is_left_as_text() {
    use pulldown_cmark::{Event, Options, Parser};
    let english = std::fs::read_dir("docs/diagnostics")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"));
    let chinese = std::fs::read_dir(DIR).unwrap().map(|e| e.unwrap().path());
    for path in english.chain(chinese) {
        let text = std::fs::read_to_string(&path).unwrap();
        // The parser hands an unmatched marker over one character at a time: join each run of text.
        let mut run = String::new();
        for event in Parser::new_ext(&text, Options::ENABLE_TABLES).chain([Event::HardBreak]) {
            if let Event::Text(t) = event {
                run.push_str(&t);
                continue;
            }
            assert!(
                !run.contains("**") && !run.contains("__"),
                "{}: `{run}` renders with its markers",
                path.display()
            );
            run.clear();
        }
    }
}
