//! The workbook `bdl build --format xlsx` writes, read back with calamine and compared cell by cell and
//! merge by merge with the layout model it was made from.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;
use bdl::emit::layout::{CellKind, Table, tables};
use bdl::emit::xlsx::{grid_start, sheet_names};
use calamine::{BorderStyle, Data, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const EXAMPLE: &str = "examples/shifeng-xinfang-2021.bdl";

type Merge = (u32, u32, u32, u32);

fn layout_of(src: &str) -> Vec<Table> {
    let compiled = bdl::compile(src);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    let decl = compiled.declaration.expect("a declaration");
    tables(&decl)
}

fn build_xlsx(source: &Path, dir: &Path) -> PathBuf {
    let out = dir.join("tables.xlsx");
    Command::cargo_bin("bdl")
        .expect("the bdl binary")
        .args(["build", "--color", "never", "--format", "xlsx", "-o"])
        .arg(&out)
        .arg(source)
        .assert()
        .success()
        .stdout("");
    out
}

/// The merges the sheet of `t` must have: title, captions, and every merged cell of the grid.
fn expected_merges(t: &Table) -> BTreeSet<Merge> {
    let mut merges = BTreeSet::new();
    let last = t.columns as u32 - 1;
    let mut r = u32::from(t.attachment.is_some());
    merges.insert((r, 0, r, last));
    r += 1;
    if t.caption_left.is_some() || t.caption_right.is_some() {
        let split = if t.caption_right.is_some() {
            t.columns as u32 - 2
        } else {
            t.columns as u32
        };
        if t.caption_left.is_some() && split > 1 {
            merges.insert((r, 0, r, split - 1));
        }
        if t.caption_right.is_some() {
            merges.insert((r, split, r, last));
        }
    }
    let start = grid_start(t) as u32;
    for (gr, row) in t.rows.iter().enumerate() {
        for c in &row.cells {
            if c.rowspan > 1 || c.colspan > 1 {
                let r1 = start + gr as u32;
                merges.insert((
                    r1,
                    c.col as u32,
                    r1 + c.rowspan as u32 - 1,
                    (c.col + c.colspan - 1) as u32,
                ));
            }
        }
    }
    merges
}

fn text(v: Option<&Data>) -> String {
    match v {
        Some(Data::String(s)) => s.clone(),
        None | Some(Data::Empty) => String::new(),
        Some(other) => panic!("expected text, found {other:?}"),
    }
}

/// Compares every sheet of the workbook with the layout; returns how many figures it compared.
fn compare(path: &Path, layout: &[Table]) -> usize {
    let mut book: Xlsx<_> = open_workbook(path).expect("a workbook calamine can read");
    let names = book.sheet_names();
    assert_eq!(names, sheet_names(layout), "one sheet per table, in order");
    let mut figures = 0;
    for (t, name) in layout.iter().zip(&names) {
        let range = book.worksheet_range(name).expect("the sheet");
        let styles = book.worksheet_style(name).expect("the sheet's styles");
        let formulas = book.worksheet_formula(name).expect("the sheet's formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name}: no formulas, text stays text"
        );

        // Above the grid: attachment, title, captions.
        let mut r = 0;
        if let Some(a) = &t.attachment {
            assert_eq!(&text(range.get_value((0, 0))), a);
            r += 1;
        }
        assert_eq!(text(range.get_value((r, 0))), t.title);
        r += 1;
        if let Some(c) = &t.caption_left {
            assert_eq!(&text(range.get_value((r, 0))), c);
        }
        if let Some(c) = &t.caption_right {
            assert_eq!(&text(range.get_value((r, t.columns as u32 - 2))), c);
        }

        // The grid: each cell's value at its place, blanks where a merge covers.
        let start = grid_start(t) as u32;
        let mut covered = BTreeSet::new();
        for (gr, row) in t.rows.iter().enumerate() {
            for cell in &row.cells {
                let pos = (start + gr as u32, cell.col as u32);
                for dr in 0..cell.rowspan as u32 {
                    for dc in 0..cell.colspan as u32 {
                        if (dr, dc) != (0, 0) {
                            covered.insert((pos.0 + dr, pos.1 + dc));
                        }
                    }
                }
                let style = styles.get(pos).expect("a styled cell");
                let borders = style.borders.as_ref().expect("borders");
                assert_eq!(borders.top.style, BorderStyle::Thin, "{name} {pos:?}");
                assert_eq!(borders.left.style, BorderStyle::Thin, "{name} {pos:?}");
                match (cell.kind, &cell.figure, cell.amount) {
                    (CellKind::Amount, Some(fig), Some(exact)) => {
                        let Some(Data::Float(v)) = range.get_value(pos) else {
                            panic!("{name} {pos:?}: a number, found {:?}", range.get_value(pos));
                        };
                        // The double reads back as the printed figure, digit for digit.
                        let printed = &cell.text[fig.clone()];
                        let back = Decimal::from_str(&v.to_string()).expect("a decimal");
                        assert_eq!(back, Decimal::from_str(printed).expect("a figure"));
                        // The printed figure is the exact one rounded to the printed decimals.
                        let decimals_printed =
                            printed.split_once('.').map_or(0, |(_, f)| f.len() as u32);
                        assert_eq!(
                            back,
                            bdl::present::figures::round(exact, decimals_printed),
                            "{name} {pos:?}"
                        );
                        // The number format prints the cell's text: its words, and its decimals.
                        let format = style
                            .number_format
                            .as_ref()
                            .map(|f| f.format_code.clone())
                            .unwrap_or_default();
                        let decimals = printed.split_once('.').map_or(0, |(_, f)| f.len());
                        let zeros = if decimals == 0 {
                            "0".to_string()
                        } else {
                            format!("0.{}", "0".repeat(decimals))
                        };
                        let before = &cell.text[..fig.start];
                        let after = &cell.text[fig.end..];
                        let quoted = |w: &str| {
                            if w.is_empty() {
                                String::new()
                            } else {
                                format!("\"{w}\"")
                            }
                        };
                        assert_eq!(
                            format,
                            format!("{}{zeros}{}", quoted(before), quoted(after))
                        );
                        figures += 1;
                    }
                    _ => assert_eq!(text(range.get_value(pos)), cell.text, "{name} {pos:?}"),
                }
            }
        }
        for pos in covered {
            assert_eq!(text(range.get_value(pos)), "", "{name} {pos:?} is covered");
        }

        let got: BTreeSet<Merge> = book
            .merge_cells_by_sheet_name(name)
            .expect("merged ranges")
            .iter()
            .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
            .collect();
        assert_eq!(got, expected_merges(t), "{name}: merged ranges");
    }
    figures
}

#[test]
fn example_workbook_matches_the_layout() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let src = std::fs::read_to_string(EXAMPLE).expect("the example");
    let layout = layout_of(&src);
    let path = build_xlsx(Path::new(EXAMPLE), dir.path());
    let figures = compare(&path, &layout);
    // 资金总额, three income and two spending lines; 合计 and two directions; one amount per direction.
    assert_eq!(figures, 6 + 3 + 2);

    // The figures of the seed read back exactly.
    let mut book: Xlsx<_> = open_workbook(&path).expect("workbook");
    let names = book.sheet_names();
    let mut seen = Vec::new();
    for name in &names {
        let range = book.worksheet_range(name).expect("sheet");
        for (_, _, v) in range.used_cells() {
            if let Data::Float(f) = v {
                seen.push(f.to_string());
            }
        }
    }
    for want in ["1.878", "36.72", "38.598", "173.4271", "134.8291"] {
        assert!(seen.iter().any(|s| s == want), "{want} in {seen:?}");
    }
}

/// Every example, in 万元 and in 元 (fixed decimals), nested income and sub-directions included.
#[test]
fn every_example_workbook_matches_its_layout() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut examples: Vec<PathBuf> = std::fs::read_dir("examples")
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "bdl"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 3);
    for example in examples {
        let src = std::fs::read_to_string(&example).expect("the example");
        let figures = compare(&build_xlsx(&example, dir.path()), &layout_of(&src));
        assert!(figures > 0, "{} has no figures", example.display());
    }
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let src = std::fs::read_to_string(EXAMPLE)
        .expect("the example")
        .replace("\"信访局本级\"", "\"=1+2\"")
        .replace("\"区信访局\"", "\"@SUM(A1:A3)\"")
        .replace("\"预算资金使用率\"", "\"-2+3\"")
        .replace("special \"信访岗位津贴\"", "special \"+A1\"");
    let layout = layout_of(&src);
    let dir = tempfile::tempdir().expect("a temp dir");
    let source = dir.path().join("formulas.bdl");
    std::fs::write(&source, &src).expect("write");
    let path = build_xlsx(&source, dir.path());
    compare(&path, &layout);
    let mut book: Xlsx<_> = open_workbook(&path).expect("workbook");
    let mut strings = Vec::new();
    for name in book.sheet_names() {
        for (_, _, v) in book.worksheet_range(&name).expect("sheet").used_cells() {
            if let Data::String(s) = v {
                strings.push(s.clone());
            }
        }
    }
    for want in ["=1+2", "@SUM(A1:A3)", "-2+3", "+A1"] {
        assert!(strings.iter().any(|s| s == want), "{want} as text");
    }
}

#[test]
fn xlsx_goes_to_standard_output_when_it_is_not_a_terminal() {
    let out = Command::cargo_bin("bdl")
        .expect("the bdl binary")
        .args(["build", "--color", "never", "--format", "xlsx", EXAMPLE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(out.stdout))
        .expect("standard output holds a workbook");
    assert!(!book.sheet_names().is_empty());
    let first = book.sheet_names()[0].clone();
    assert!(book.worksheet_range(&first).is_ok());
}

#[test]
fn xlsx_to_a_terminal_is_refused() {
    // `script` gives the command a terminal as its standard output (util-linux; skipped where absent).
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` command to give bdl a terminal");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin!("bdl");
    let command = format!(
        "{} build --format xlsx {EXAMPLE}; echo exit=$?",
        bin.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("LANG", "C")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("exit=2"), "{text}");
    assert!(text.contains("not text for the terminal"), "{text}");
    assert!(!text.contains("PK"), "{text}");
}
