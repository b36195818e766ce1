//! Excel holds at most 32,767 characters in a cell, counted as UTF-16 units (a character outside the
//! Basic Multilingual Plane, such as the CJK Extension B characters of some names, counts two). A text
//! longer than that compiles and prints in Markdown, JSON and HTML, but the workbook cannot hold it:
//! `check` warns at the text (B5003), and `build --format xlsx` refuses with the same code rather than
//! fail later without one. Texts the workbook joins in one cell (all `duty` lines, all `goal` lines)
//! are checked as joined by `emit::cell_limit`, on the same layout the workbook is written from.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::syntax::messages as msg;

crate::codes::rules! {
    TOO_LONG_FOR_EXCEL = "B5003", Warning, "a text is longer than an Excel cell holds", "文字超过 Excel 单元格可容纳的长度";
}

/// Characters an Excel cell holds, in UTF-16 units.
pub const EXCEL_CELL_CHARS: usize = 32_767;

/// A text's length as Excel counts it: UTF-16 units.
pub fn excel_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Texts in quotes longer than a cell holds: the span of each, with its length in UTF-16 units. A
/// UTF-16 unit takes at least one byte of UTF-8, so a shorter file or line holds no such text.
fn long_texts(src: &str) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    // No line of a file this short can hold such a text.
    if src.len() <= EXCEL_CELL_CHARS {
        return out;
    }
    let mut start = 0;
    for line in src.split_inclusive('\n') {
        // Cheap test first: a line shorter than the limit in bytes holds no such text.
        if line.len() > EXCEL_CELL_CHARS {
            let mut open: Option<usize> = None;
            let mut escaped = false;
            for (i, c) in line.char_indices() {
                match (open, c) {
                    (Some(_), _) if escaped => escaped = false,
                    (Some(_), '\\') => escaped = true,
                    (Some(o), '"') => {
                        let inner = line.get(o + 1..i).unwrap_or_default();
                        let n = excel_len(inner);
                        if n > EXCEL_CELL_CHARS {
                            out.push((Span::new(start + o, start + i + 1), n));
                        }
                        open = None;
                    }
                    (None, '"') => open = Some(i),
                    (None, '#') => break,
                    _ => {}
                }
            }
        }
        start += line.len();
    }
    out
}

/// B5003 warnings for `check`.
pub fn lint(src: &str) -> Vec<Diagnostic> {
    long_texts(src)
        .into_iter()
        .map(|(span, n)| too_long(n, span))
        .collect()
}

/// B5003 at one text whose cell holds `units`.
pub fn too_long(units: usize, span: Span) -> Diagnostic {
    Diagnostic::new(
        TOO_LONG_FOR_EXCEL,
        msg::too_long_for_excel(units, EXCEL_CELL_CHARS),
        span,
        msg::label_too_long_for_excel(),
    )
    .with_help(msg::help_too_long_for_excel())
}

/// B5003 at `count` lines of `keyword` (from the first to the last) that the workbook joins in one
/// cell, `label`, which would hold `units`.
pub fn joined_too_long(
    units: usize,
    count: usize,
    keyword: &str,
    label: &str,
    span: Span,
) -> Diagnostic {
    Diagnostic::new(
        TOO_LONG_FOR_EXCEL,
        msg::joined_too_long_for_excel(units, EXCEL_CELL_CHARS, count, keyword, label),
        span,
        msg::label_joined_too_long_for_excel(),
    )
    .with_help(msg::help_joined_too_long_for_excel(keyword))
}

/// B5003 as an error when the workbook writer itself refused a text, without saying how long.
pub fn workbook_refused_unmeasured() -> Diagnostic {
    Diagnostic::new(
        TOO_LONG_FOR_EXCEL,
        msg::too_long_for_excel_unmeasured(EXCEL_CELL_CHARS),
        Span::new(0, 0),
        msg::label_too_long_for_excel(),
    )
    .with_help(msg::help_too_long_for_excel())
    .with_severity(Severity::Error)
}

/// B5003 as an error, for a workbook that cannot be written: the longest cell's length.
pub fn workbook_refused(chars: usize) -> Diagnostic {
    Diagnostic::new(
        TOO_LONG_FOR_EXCEL,
        msg::too_long_for_excel(chars, EXCEL_CELL_CHARS),
        Span::new(0, 0),
        msg::label_too_long_for_excel(),
    )
    .with_help(msg::help_too_long_for_excel())
    .with_severity(Severity::Error)
}
