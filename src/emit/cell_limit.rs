//! B5003 on the cells the workbook will write: `check` lays the declaration out as the XLSX writer does
//! and measures every cell as Excel counts (UTF-16 units), so a file `check` passes is never refused
//! by `build --format xlsx` afterwards. Single texts too long are found at their quotes by
//! `syntax::cell_limit`; here are the cells made of several lines (all `duty` lines in 部门职责概述,
//! all `goal` lines in 年度总体目标, each with its number) and a text that only the number added to it
//! pushes over the limit.

use crate::diagnostic::Diagnostic;
use crate::emit::layout::{Table, tables};
use crate::model::{Declaration, Spanned};
use crate::source::Span;
use crate::syntax::cell_limit::{EXCEL_CELL_CHARS, excel_len, joined_too_long, too_long};

/// A cell longer than Excel holds: its length in UTF-16 units and the label of its row.
pub struct Overlong {
    pub units: usize,
    pub label: String,
    text: String,
}

/// Every cell of the tables (and the texts above a grid) longer than Excel holds, longest first.
pub fn overlong_cells(tables: &[Table]) -> Vec<Overlong> {
    let mut out: Vec<Overlong> = Vec::new();
    let mut add = |text: &str, label: &str| {
        // A UTF-16 unit takes at least one byte: a shorter text needs no counting.
        if text.len() > EXCEL_CELL_CHARS {
            let units = excel_len(text);
            if units > EXCEL_CELL_CHARS {
                out.push(Overlong {
                    units,
                    label: label.to_string(),
                    text: text.to_string(),
                });
            }
        }
    };
    for t in tables {
        for s in [&t.attachment, &t.caption_left, &t.caption_right]
            .into_iter()
            .flatten()
        {
            add(s, &t.title);
        }
        for r in &t.rows {
            let label = r.cells.first().map_or("", |c| c.text.as_str());
            for c in &r.cells {
                add(&c.text, label);
            }
        }
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.units));
    out
}

/// What the layout adds to one cell beyond the source's texts, at the most: a figure, a label, a unit.
/// (The numbers of joined lines are shorter than the `duty "…"` each line costs in the source.)
const LAYOUT_ADDS: usize = 4096;

/// Whether a source of `len` bytes can make a cell longer than Excel holds. A cell's texts come from
/// the source, where each takes at least as many bytes as Excel counts units, so a short file cannot;
/// laying the tables out costs a fifth of a compile, and nearly every declaration is this short.
pub fn may_overflow(len: usize) -> bool {
    len + LAYOUT_ADDS > EXCEL_CELL_CHARS
}

/// The B5003 warnings for the cells of `decl` that a single text's warning does not already cover;
/// `text_warned`: a single text already has its B5003 (then a cell without a place adds nothing).
pub fn lint(decl: &Declaration, text_warned: bool) -> Vec<Diagnostic> {
    let cells = overlong_cells(&tables(decl));
    let mut out = Vec::new();
    for cell in &cells {
        // The lines whose cell this is: all of them are in it.
        let all_in = |lines: &[Spanned<String>]| {
            !lines.is_empty() && lines.iter().all(|l| cell.text.contains(l.value.as_str()))
        };
        let (keyword, lines) = if all_in(&decl.duties) {
            ("duty", decl.duties.as_slice())
        } else if all_in(&decl.goals) {
            ("goal", decl.goals.as_slice())
        } else {
            ("", [].as_slice())
        };
        let spans: Vec<Span> = lines.iter().map(|l| l.span).collect();
        match spans.as_slice() {
            // Another cell: a text in it too long alone has its warning at its quotes; else this one,
            // without a place, unless a single text already has its own B5003.
            [] if text_warned => {}
            [] => out.push(too_long(cell.units, Span::new(0, 0))),
            [one] => {
                // One text: its own warning is there when the text alone is too long.
                let alone = lines.iter().any(|l| excel_len(&l.value) > EXCEL_CELL_CHARS);
                if !alone {
                    out.push(too_long(cell.units, *one));
                }
            }
            [first, .., last] => out.push(joined_too_long(
                cell.units,
                spans.len(),
                keyword,
                &cell.label,
                Span::new(first.start, last.end),
            )),
        }
    }
    out
}
