//! Codes and their pages in step: every code in `Code::ALL` has a page in docs/diagnostics/ that names it
//! with its title and severity, shows it with a failing example (except the codes whose input cannot be a
//! code block), and is what `bdl explain CODE` prints; no page is left for a code that does not exist.
//! That each example really produces its code, and each fix compiles, is checked by tests/docs.rs.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;
use bdl::codes::Code;
use bdl::report;
use std::path::{Path, PathBuf};

const DIR: &str = "docs/diagnostics";

/// Codes whose input is a file's bytes or a bug in bdl, not a declaration: their pages are prose.
const PROSE_ONLY: &[&str] = &[
    "B1003", "B1004", "B1007", "B5003", "B7001", "B7002", "B7003", "B7004", "B7005", "B7010",
    "B9001",
];

fn page_path(code: Code) -> PathBuf {
    Path::new(DIR).join(format!("{}.md", code.as_str()))
}

fn bdl() -> Command {
    let mut cmd = Command::cargo_bin("bdl").expect("the bdl binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// The info strings of the page's fenced blocks with the lines they hold (```bdl expect=B3010 → "bdl
/// expect=B3010").
fn fenced_blocks(page: &str) -> Vec<(String, Vec<&str>)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in page.lines() {
        let trimmed = line.trim_start();
        match &mut current {
            None => {
                if let Some(info) = trimmed.strip_prefix("```") {
                    current = Some((info.trim().to_string(), Vec::new()));
                }
            }
            Some((_, lines)) => {
                if trimmed.starts_with("```") {
                    out.extend(current.take());
                } else {
                    lines.push(line);
                }
            }
        }
    }
    out
}

#[test]
fn every_code_has_its_page() {
    for &code in bdl::registry::all() {
        let path = page_path(code);
        let on_disk = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} has no page at {}: {e}", code.as_str(), path.display()));
        assert_eq!(
            code.page(),
            on_disk,
            "Code::page() of {} is not {}",
            code.as_str(),
            path.display()
        );
        let heading = format!("# {}: {}", code.as_str(), code.title());
        assert_eq!(
            on_disk.lines().next(),
            Some(heading.as_str()),
            "{} must start with the heading `{heading}` (the code and Code::title())",
            path.display()
        );
        let severity = format!("**Severity:** {}", report::severity_word(code.severity()));
        assert!(
            on_disk.lines().any(|l| l == severity),
            "{} must say `{severity}`",
            path.display()
        );
    }
}

#[test]
fn every_page_names_an_existing_code() {
    let mut pages = 0;
    for entry in std::fs::read_dir(DIR).expect("docs/diagnostics is readable") {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a UTF-8 file name");
        // The Chinese pages have their own test (tests/diagnostic_pages_zh.rs).
        if name == "README.md" || (name == "zh" && path.is_dir()) {
            continue;
        }
        let stem = name
            .strip_suffix(".md")
            .unwrap_or_else(|| panic!("{} is not a Markdown page", path.display()));
        let code = bdl::registry::parse(stem)
            .filter(|c| c.as_str() == stem)
            .unwrap_or_else(|| panic!("{} is a page for no code: delete it", path.display()));
        let text = std::fs::read_to_string(&path).expect("the page is readable");
        assert!(
            text.starts_with(&format!("# {}: ", code.as_str())),
            "{} must be headed by its own code",
            path.display()
        );
        pages += 1;
    }
    assert_eq!(pages, bdl::registry::all().len(), "one page per code");
}

#[test]
fn every_page_shows_its_code_failing() {
    for &code in bdl::registry::all() {
        let page = code.page();
        let blocks = fenced_blocks(page);
        let expect = format!("bdl expect={}", code.as_str());
        let has_example = blocks.iter().any(|(info, _)| *info == expect);
        if PROSE_ONLY.contains(&code.as_str()) {
            assert!(
                !has_example,
                "{} is prose-only but has an example",
                code.as_str()
            );
        } else {
            assert!(
                has_example,
                "{} has no ```{expect} block",
                page_path(code).display()
            );
            assert!(
                blocks.iter().any(|(info, _)| info == "bdl"),
                "{} has no fix (a ```bdl block that compiles)",
                page_path(code).display()
            );
        }
        // The rendered diagnostic as a user sees it: a text block with the code's report, which
        // starts with a line holding only the code.
        assert!(
            blocks
                .iter()
                .any(|(info, lines)| info == "text"
                    && lines.iter().any(|l| l.trim() == code.as_str())),
            "{} shows no rendered {} diagnostic in a ```text block",
            page_path(code).display(),
            code.as_str()
        );
    }
}

#[test]
fn the_index_links_every_page() {
    let index = std::fs::read_to_string(Path::new(DIR).join("README.md")).expect("the index");
    for &code in bdl::registry::all() {
        let row = format!("| [{0}]({0}.md) |", code.as_str());
        assert!(
            index.contains(&row),
            "docs/diagnostics/README.md has no row for {}",
            code.as_str()
        );
    }
}

#[test]
fn explain_prints_the_page() {
    for &code in bdl::registry::all() {
        let out = bdl()
            .args(["explain", code.as_str()])
            .output()
            .expect("bdl runs");
        assert_eq!(out.status.code(), Some(0), "bdl explain {}", code.as_str());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            code.page(),
            "bdl explain {} must print its page",
            code.as_str()
        );
    }
}

#[test]
fn explain_reads_codes_in_any_case() {
    bdl()
        .args(["explain", "b3010"])
        .assert()
        .success()
        .stdout(bdl::registry::parse("B3010").unwrap().page());
}

#[test]
fn explain_without_a_code_lists_every_code() {
    let out = bdl().arg("explain").output().expect("bdl runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for &code in bdl::registry::all() {
        let word = report::severity_word(code.severity());
        assert!(
            stdout.lines().any(|l| l.starts_with(code.as_str())
                && l.contains(word)
                && l.ends_with(code.title())),
            "`bdl explain` does not list {} with its severity and title",
            code.as_str()
        );
    }
}

#[test]
fn explain_of_an_unknown_code_suggests_close_ones() {
    let out = bdl().args(["explain", "B301"]).output().expect("bdl runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did you mean"), "{stderr}");
    assert!(stderr.contains("B3010"), "{stderr}");
    assert!(stderr.contains("B1xxx"), "the ranges are listed: {stderr}");

    let out = bdl().args(["explain", "B0000"]).output().expect("bdl runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("did you mean"), "{stderr}");
    assert!(stderr.contains("B9xxx"), "{stderr}");
}

#[test]
fn explain_of_an_unknown_code_follows_the_language() {
    let out = bdl()
        .args(["--lang", "zh", "explain", "B301"])
        .output()
        .expect("bdl runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("错误：没有诊断代码 `B301`"), "{stderr}");
    assert!(stderr.contains("是否应为以下代码"), "{stderr}");
    assert!(stderr.contains("B3010"), "{stderr}");
    assert!(!stderr.contains("did you mean"), "{stderr}");
}

/// The output a page shows is what bdl prints today for the page's own example, so pages cannot go
/// stale when a message changes. `BDL_UPDATE_PAGES=1 cargo test --test diagnostic_pages` rewrites the
/// shown output from the real one (then review the pages' diff like a snapshot).
#[test]
fn every_page_shows_the_real_output_of_its_example() {
    let mut checked = 0;
    for &code in bdl::registry::all() {
        let page = code.page();
        let blocks = fenced_blocks(page);
        let Some(example) = blocks
            .iter()
            .position(|(info, _)| info == &format!("bdl expect={}", code.as_str()))
        else {
            continue;
        };
        let Some((_, shown)) = blocks[example + 1..]
            .iter()
            .find(|(info, _)| info == "text")
        else {
            continue;
        };
        let src = blocks[example]
            .1
            .iter()
            .map(|l| format!("{l}\n"))
            .collect::<String>();
        let compiled = bdl::compile(&src);
        let lang = bdl::messages::Lang::En;
        let mut real = report::render(&compiled.diagnostics, "budget.bdl", &src, false, lang);
        real.push_str(&format!(
            "budget.bdl: {}\n",
            report::summary(&compiled.diagnostics, lang)
        ));
        let shown = shown.iter().map(|l| format!("{l}\n")).collect::<String>();
        if std::env::var_os("BDL_UPDATE_PAGES").is_some() && shown != real {
            let path = page_path(code);
            let on_disk = std::fs::read_to_string(&path).expect("the page");
            let at = on_disk
                .find(&format!("```text\n{shown}```"))
                .expect("the shown block, once");
            let updated = format!(
                "{}```text\n{real}```{}",
                &on_disk[..at],
                &on_disk[at + "```text\n".len() + shown.len() + 3..]
            );
            std::fs::write(&path, updated).expect("write the page");
            checked += 1;
            continue;
        }
        let trim = |s: &str| {
            s.lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_string()
        };
        assert_eq!(
            trim(&shown),
            trim(&real),
            "the output shown on the page of {} is not what bdl prints",
            code.as_str()
        );
        checked += 1;
    }
    assert!(checked > 30, "only {checked} pages were compared");
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// Every text a diagnostic shows — message, labels, help — exists in English and in Chinese, the
/// Chinese is Chinese prose (full-width punctuation outside code), and the two differ. The texts are
/// those the pages' own examples raise: every page's example is compiled here, so every code's texts
/// are tried without a hand-kept list of samples.
#[test]
fn every_text_a_page_example_raises_is_in_both_languages() {
    let mut texts = 0;
    for &code in bdl::registry::all() {
        for (info, lines) in fenced_blocks(code.page()) {
            if !info.starts_with("bdl") {
                continue;
            }
            let src = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
            for d in bdl::compile(&src).diagnostics {
                let mut all = vec![("message", &d.message), ("label", &d.label)];
                all.extend(d.labels.iter().map(|l| ("label", &l.text)));
                all.extend(d.help.iter().map(|h| ("help", h)));
                for (what, text) in all {
                    let at = format!("{} ({what} of {})", code.as_str(), d.code.as_str());
                    assert!(!text.en.trim().is_empty(), "{at}: no English");
                    assert!(!text.zh.trim().is_empty(), "{at}: no Chinese");
                    // A label may be a figure (`36.72万元`), the same in both languages.
                    if text.en == text.zh {
                        assert!(
                            text.zh.chars().all(|c| !c.is_ascii_alphabetic()),
                            "{at}: the Chinese is the English: {}",
                            text.zh
                        );
                        continue;
                    }
                    assert!(
                        has_cjk(&text.zh),
                        "{at}: the Chinese has no Chinese: {}",
                        text.zh
                    );
                    let prose: String = text.zh.split('`').step_by(2).collect::<Vec<_>>().join("");
                    for bad in [", ", "; ", "? "] {
                        assert!(
                            !prose.contains(bad),
                            "{at}: half-width `{bad}` in Chinese prose: {}",
                            text.zh
                        );
                    }
                    texts += 1;
                }
            }
        }
    }
    assert!(texts > 100, "only {texts} texts were tried");
}

#[test]
fn every_code_has_a_chinese_title() {
    for &code in bdl::registry::all() {
        let zh = code.title_in(bdl::messages::Lang::Zh);
        assert!(
            has_cjk(zh),
            "{}: the Chinese title is not Chinese: {zh}",
            code.as_str()
        );
        assert_ne!(zh, code.title(), "{}", code.as_str());
    }
}
