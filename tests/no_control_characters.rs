//! Outputs cannot carry control codes (issue 10, points 8 and 9): a control character in the file is
//! B1017, named; no report prints one raw; a text too long for an Excel cell is B5003 at `check` and
//! refuses the workbook with that code.

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
        .env_remove("LC_MESSAGES")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// The example with `inject` put inside its first goal text.
fn with_goal_text(inject: &str) -> String {
    CLEAN.replacen("goal \"", &format!("goal \"{inject}"), 1)
}

/// Control characters other than the ESC bdl's own colours use.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\n' | '\t' | '\u{1b}'))
                || ('\u{202a}'..='\u{202e}').contains(c)
                || ('\u{2066}'..='\u{2069}').contains(c)
        })
        .collect()
}

#[test]
fn every_control_character_is_an_error_that_names_it() {
    let cases = [
        ('\u{0}', "NUL"),
        ('\u{7}', "BEL"),
        ('\u{1b}', "ESC"),
        ('\u{7f}', "DEL"),
        ('\u{8}', "BS"),
        ('\u{202e}', "RLO"),
        ('\u{2066}', "LRI"),
    ];
    for (c, name) in cases {
        let src = with_goal_text(&format!("a{c}b"));
        for format in ["human", "short", "json"] {
            let out = bdl()
                .args(["check", "-", "--format", format, "--color", "always"])
                .write_stdin(src.clone())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{name} {format}");
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(all.contains("B1017"), "{name} {format}: {all}");
            assert!(
                all.contains(&format!("U+{:04X} ({name})", c as u32)),
                "{all}"
            );
            // With colour on, bdl's own escapes are there; the file's are not.
            assert!(
                raw_controls(&all).is_empty(),
                "{name} {format}: raw {:?}",
                raw_controls(&all)
            );
            if c == '\u{1b}' && format == "human" {
                assert!(all.contains('␛'), "ESC shown as a picture: {all}");
            }
        }
        // Nothing is built.
        bdl()
            .args(["build", "-"])
            .write_stdin(src)
            .assert()
            .code(1)
            .stdout("");
    }
}

#[test]
fn an_escape_sequence_never_reaches_the_terminal_raw() {
    // Retitle the terminal and clear the screen, in a goal, in a name, and outside any text.
    let in_texts = with_goal_text("\u{1b}]0;pwned\u{7}\u{1b}[2J").replacen(
        "filer \"",
        "filer \"\u{1b}[31m",
        1,
    );
    // Outside a text it is a syntax error, reported with the same pictures.
    let outside = format!("{in_texts}\u{1b}[2J\n");
    for (src, shown) in [(in_texts, "␛]0;pwned␇"), (outside, "␛[2J")] {
        let out = bdl()
            .args(["check", "-", "--color", "never"])
            .write_stdin(src)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
            "{stderr:?}"
        );
        assert!(stderr.contains(shown), "{stderr}");
    }
}

/// What a person sees holds no control character at all: no ESC (colour is off), BEL, CR or bidi
/// control; only line feeds and tabs.
fn assert_nothing_raw(what: &str, out: &[u8]) {
    let text = String::from_utf8_lossy(out);
    let raw: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || ('\u{202a}'..='\u{202e}').contains(c)
                || ('\u{2066}'..='\u{2069}').contains(c)
        })
        .collect();
    assert!(raw.is_empty(), "{what}: {raw:?} in {text:?}");
}

#[cfg(unix)]
#[test]
fn a_file_name_with_control_characters_is_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Retitles the terminal, reverses the text after it, returns the cursor, breaks the line.
    let name = "e\u{1b}]0;X\u{7}v\u{202e}\r\n.bdl";
    let bad = format!("{CLEAN}\nbogus here\n");
    std::fs::write(d.join(name), &bad).unwrap();
    std::fs::create_dir(d.join("src")).unwrap();
    std::fs::write(d.join("src").join(name), &bad).unwrap();
    std::fs::write(d.join("src/ok.bdl"), CLEAN).unwrap();
    std::fs::write(d.join("good\u{1b}[2J.bdl"), CLEAN).unwrap();
    let missing = "no\u{1b}[2Jsuch.bdl";
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("NAME: 1 error", vec!["check", name]),
        ("NAME: nothing written", vec!["build", name, "-o", "out.md"]),
        (
            "folder: NAME: nothing written",
            vec!["build", "src", "-o", "outdir"],
        ),
        ("folder check", vec!["check", "src"]),
        (
            "wrote NAME",
            vec!["-v", "build", "good\u{1b}[2J.bdl", "-o", "w\u{1b}[2J.md"],
        ),
        ("passed NAME", vec!["-v", "check", "good\u{1b}[2J.bdl"]),
        ("cannot read NAME", vec!["check", missing]),
        ("cannot read NAME (fmt)", vec!["fmt", missing]),
        ("cannot read NAME (build)", vec!["build", missing]),
        ("cannot read NAME (diff)", vec!["diff", missing, missing]),
        ("does not compile (diff)", vec!["diff", name, name]),
        (
            "cannot write NAME",
            vec!["build", "good\u{1b}[2J.bdl", "-o", "no\u{1b}[2Jdir/out.md"],
        ),
        ("reformatted NAME", vec!["-v", "fmt", name]),
    ];
    for (what, args) in cases {
        let out = bdl()
            .current_dir(d)
            .args(&args)
            .args(["--color", "never"])
            .output()
            .unwrap();
        assert_nothing_raw(what, &out.stderr);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("␛]0;X␇v<U+202E>␍␊.bdl") || stderr.contains("␛[2J"),
            "{what}: the name is shown: {stderr}"
        );
    }
}

#[test]
fn a_cr_in_a_gbk_files_first_line_never_reaches_the_terminal() {
    // `unit \r万元`: the Chinese line, where the message quotes the file, holds a CR alone.
    let (gbk, _, _) = encoding_rs::GBK.encode("year 2025\nunit \r万元\nfiler \"单位\"\n");
    for format in ["human", "short", "json"] {
        let out = bdl()
            .args(["check", "-", "--color", "never", "--format", format])
            .write_stdin(gbk.to_vec())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let shown = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        let text = String::from_utf8_lossy(&shown);
        assert!(text.contains("B1004"), "{text}");
        if format == "json" {
            assert!(!text.contains("\\r"), "{text}");
        } else {
            assert_nothing_raw(format, &shown);
        }
    }
}

#[test]
fn tabs_and_line_ends_are_not_control_characters() {
    let src = CLEAN
        .replace('\n', "\r\n")
        .replacen("goal \"", "goal \"\t", 1);
    bdl()
        .args(["check", "-"])
        .write_stdin(src)
        .assert()
        .success();
}

#[test]
fn a_text_too_long_for_excel_is_b5003_at_check_and_refuses_the_workbook() {
    let src = with_goal_text(&"长".repeat(32_768));
    let check = bdl()
        .args(["check", "-", "--format", "short"])
        .write_stdin(src.clone())
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "a warning");
    let short = String::from_utf8_lossy(&check.stdout);
    assert!(short.contains("warning[B5003]"), "{short}");
    assert!(short.contains("XLSX form cannot hold it"), "{short}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.xlsx");
    let build = bdl()
        .args(["build", "-", "--format", "xlsx", "-o"])
        .arg(&out)
        .write_stdin(src.clone())
        .output()
        .unwrap();
    assert_eq!(build.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(stderr.contains("B5003") && stderr.contains('×'), "{stderr}");
    assert!(!out.exists());
    // Markdown holds it.
    bdl()
        .args(["build", "-"])
        .write_stdin(src)
        .assert()
        .success();
    // At the limit exactly, the workbook is made.
    let at_limit = with_goal_text(&"长".repeat(32_700));
    bdl()
        .args(["build", "-", "--format", "xlsx", "-o"])
        .arg(&out)
        .write_stdin(at_limit)
        .assert()
        .success();
}

/// The example with its `duty` lines replaced by `duties` and its one `goal` by `goal`.
fn with_duties_and_goal(duties: &[String], goal: &str) -> String {
    let mut out = String::new();
    let mut placed = false;
    for line in CLEAN.lines() {
        if line.starts_with("duty ") {
            if !placed {
                for d in duties {
                    out.push_str(&format!("duty \"{d}\"\n"));
                }
                placed = true;
            }
        } else if line.starts_with("goal ") {
            out.push_str(&format!("goal \"{goal}\"\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `check` warns with B5003 exactly when `build --format xlsx` refuses, and the refusal is always coded.
/// Returns whether it warned.
fn check_and_workbook_agree(what: &str, src: &str) -> bool {
    let check = bdl()
        .args(["check", "-", "--format", "short"])
        .write_stdin(src.to_string())
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{what}: {check:?}");
    let warned = String::from_utf8_lossy(&check.stdout).contains("warning[B5003]");
    let build = bdl()
        .args(["build", "-", "--format", "xlsx", "--color", "never"])
        .write_stdin(src.to_string())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&build.stderr);
    if warned {
        assert_eq!(build.status.code(), Some(1), "{what}: {stderr}");
        assert!(stderr.contains("B5003"), "{what}: {stderr}");
        assert!(build.stdout.is_empty(), "{what}: nothing written");
    } else {
        assert_eq!(build.status.code(), Some(0), "{what}: {stderr}");
        assert!(build.stdout.starts_with(b"PK"), "{what}: a workbook");
    }
    warned
}

#[test]
fn excel_counts_a_character_outside_the_bmp_as_two() {
    // U+20000 (CJK Extension B) is two UTF-16 units. The goal's cell is `1. ` and the text.
    let astral = |n: usize| "\u{20000}".repeat(n);
    let duties = vec!["职责".to_string()];
    let fits = check_and_workbook_agree("16382", &with_duties_and_goal(&duties, &astral(16_382)));
    assert!(!fits, "3 + 32,764 units fit");
    // Only the number before it takes this one over the limit: the warning is at the goal.
    assert!(check_and_workbook_agree(
        "16383",
        &with_duties_and_goal(&duties, &astral(16_383))
    ));
    assert!(check_and_workbook_agree(
        "20000",
        &with_duties_and_goal(&duties, &astral(20_000))
    ));
}

#[test]
fn duties_that_share_one_cell_are_measured_together() {
    // 20 duties, each numbered (`（一）`…`（十）` 3 units, `（十一）`…`（二十）` 4) before its text,
    // joined by line feeds: 70 + 20 × L + 19, so 32,749 units for L = 1,633 and 32,769 for 1,634.
    for (len, over) in [(1_633, false), (1_634, true), (2_000, true)] {
        let duties: Vec<String> = (0..20).map(|_| "职".repeat(len)).collect();
        let src = with_duties_and_goal(&duties, "目标");
        assert_eq!(
            check_and_workbook_agree(&format!("20 × {len}"), &src),
            over,
            "20 duties of {len}"
        );
        if over {
            let short = bdl()
                .args(["check", "-", "--format", "short"])
                .write_stdin(src)
                .output()
                .unwrap();
            let short = String::from_utf8_lossy(&short.stdout);
            // Named as the shared cell, at the duty lines, and not told to split them.
            assert!(
                short.contains("the 20 `duty` lines share one cell"),
                "{short}"
            );
        }
    }
}

/// The longest cell of every table `src` compiles to, in UTF-16 units (as Excel counts).
fn longest_cell(src: &str) -> usize {
    let decl = bdl::compile(src).declaration.expect("compiles");
    bdl::emit::layout::tables(&decl)
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| &r.cells)
        .map(|c| bdl::syntax::cell_limit::excel_len(&c.text))
        .max()
        .unwrap_or(0)
}

#[test]
fn a_short_file_cannot_fill_a_cell_so_check_skips_the_layout() {
    // Check lays the tables out only for files `may_overflow` says could fill a cell; the claim is
    // that no cell is longer than the source it came from (numbers of joined lines included).
    let mut sources: Vec<String> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "bdl"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    // The most numbering per source byte: thousands of one-character duties and goals.
    let many: Vec<String> = (0..2_400).map(|_| "职".to_string()).collect();
    sources.push(with_duties_and_goal(&many, "目"));
    for src in &sources {
        let longest = longest_cell(src);
        assert!(
            longest <= src.len(),
            "a cell of {longest} units from {} bytes",
            src.len()
        );
    }
    assert!(!bdl::emit::cell_limit::may_overflow(8_000));
    assert!(bdl::emit::cell_limit::may_overflow(
        bdl::syntax::cell_limit::EXCEL_CELL_CHARS
    ));
}
