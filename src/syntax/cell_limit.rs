//! Excel holds at most 32,767 characters in a cell. A text longer than that compiles and prints in
//! Markdown, JSON and HTML, but the workbook cannot hold it: `check` warns at the text (B5003), and
//! `build --format xlsx` refuses with the same code rather than fail later without one.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::syntax::messages as msg;

crate::codes::rules! {
    TOO_LONG_FOR_EXCEL = "B5003", Warning, "a text is longer than an Excel cell holds", "文字超过 Excel 单元格可容纳的长度";
}

/// Characters an Excel cell holds.
pub const EXCEL_CELL_CHARS: usize = 32_767;

/// Texts in quotes longer than a cell holds: the span of each, with its length in characters.
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
                        let n = inner.chars().count();
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
        .map(|(span, n)| {
            Diagnostic::new(
                TOO_LONG_FOR_EXCEL,
                msg::too_long_for_excel(n, EXCEL_CELL_CHARS),
                span,
                msg::label_too_long_for_excel(),
            )
            .with_help(msg::help_too_long_for_excel())
        })
        .collect()
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
