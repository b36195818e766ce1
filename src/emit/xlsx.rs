//! XLSX: one workbook, a sheet per table of the layout, merged as the forms are, ready to print on A4.
//!
//! Each sheet holds, from the top: the attachment number (附件2) when the table has one, the title, the
//! captions (left: 填报单位 / 项目主管部门; right: 金额单位), then the grid. Text is always written as
//! text, never as a formula, whatever it starts with. A figure is written as a number with a number
//! format that prints it as the table does (`0.000` for `1.878`, `"资金总额："0.0000"万元"`): the value
//! is the printed figure converted to a double only here, where the spreadsheet needs one.

use super::layout::{CELL_PADDING, Cell, CellKind, Table, tables};
use crate::model::Declaration;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

pub use rust_xlsxwriter::XlsxError as Error;

/// A4 in Excel's paper-size table.
const PAPER_A4: u8 = 9;
const FONT: &str = "宋体";
const FONT_SIZE: f64 = 10.5;
/// Points per printed line of `FONT_SIZE` text, and the padding of a row.
const LINE_HEIGHT: f64 = 14.0;
const ROW_PADDING: f64 = 4.0;

pub fn render(decl: &Declaration) -> Result<Vec<u8>, Error> {
    render_tables(&tables(decl))
}

/// The workbook for tables already laid out.
pub fn render_tables(tables: &[Table]) -> Result<Vec<u8>, Error> {
    let mut workbook = Workbook::new();
    let names = sheet_names(tables);
    for (t, name) in tables.iter().zip(names) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        write_table(sheet, t)?;
    }
    workbook.save_to_buffer()
}

/// The length in UTF-16 units (as Excel counts) of the longest cell of the tables when it is longer
/// than an Excel cell holds (B5003): the workbook is then refused before it is made.
pub fn overlong_cell(tables: &[Table]) -> Option<usize> {
    crate::emit::cell_limit::overlong_cells(tables)
        .first()
        .map(|c| c.units)
}

/// Why a workbook was not made: with a code (a text longer than a cell, B5003), or the writer's own error.
#[derive(Debug)]
pub enum Refused {
    Coded(Box<crate::diagnostic::Diagnostic>),
    Other(Error),
}

/// The workbook of `decl`, its tables laid out once: refused with B5003 when a cell would be longer
/// than Excel holds (as `check` warned), else with the writer's error (coded where it has a code).
pub fn render_checked(decl: &Declaration) -> Result<Vec<u8>, Refused> {
    let t = tables(decl);
    if let Some(units) = overlong_cell(&t) {
        let refused = crate::syntax::cell_limit::workbook_refused(units);
        return Err(Refused::Coded(Box::new(refused)));
    }
    render_tables(&t).map_err(|e| match refusal(&e) {
        Some(d) => Refused::Coded(Box::new(d)),
        None => Refused::Other(e),
    })
}

/// The coded diagnostic for a workbook the writer refused, when the refusal has a code: a text longer
/// than a cell (B5003; `overlong_cell` finds those first, this is the writer's own word for it).
pub fn refusal(e: &Error) -> Option<crate::diagnostic::Diagnostic> {
    match e {
        XlsxError::MaxStringLengthExceeded => {
            Some(crate::syntax::cell_limit::workbook_refused_unmeasured())
        }
        _ => None,
    }
}

/// The sheet row where the grid of `t` starts: after the attachment number, the title and the captions.
pub fn grid_start(t: &Table) -> usize {
    usize::from(t.attachment.is_some())
        + 1
        + usize::from(t.caption_left.is_some() || t.caption_right.is_some())
}

/// Sheet names from the tables' short names, valid for Excel: no `[]:*?/\`, no apostrophe at either
/// end, at most 31 UTF-16 units, and unique regardless of case.
pub fn sheet_names(tables: &[Table]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        let cleaned: String = t
            .short_name
            .chars()
            .map(|c| {
                if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let cleaned = cleaned.trim().trim_matches('\'').trim().to_string();
        let base = if cleaned.is_empty() || cleaned.eq_ignore_ascii_case("history") {
            format!("表{}", i + 1)
        } else {
            cleaned
        };
        let mut n = 1;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" ({n})")
            };
            let name = format!("{}{suffix}", truncate_utf16(&base, 31 - suffix.len()));
            let taken = names
                .iter()
                .any(|m| m.to_lowercase() == name.to_lowercase());
            if !taken {
                names.push(name);
                break;
            }
            n += 1;
        }
    }
    names
}

fn truncate_utf16(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in s.chars() {
        len += c.len_utf16();
        if len > max {
            break;
        }
        out.push(c);
    }
    // The cut may leave an apostrophe or space at the end.
    out.trim_end_matches(['\'', ' ']).to_string()
}

fn row_num(r: usize) -> Result<u32, Error> {
    u32::try_from(r).map_err(|_| XlsxError::RowColumnLimitError)
}

fn col_num(c: usize) -> Result<u16, Error> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

fn base_format() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(FONT_SIZE)
        .set_align(FormatAlign::VerticalCenter)
}

fn grid_format(kind: CellKind) -> Format {
    let f = base_format().set_border(FormatBorder::Thin).set_text_wrap();
    match kind {
        CellKind::Label | CellKind::Amount => f.set_align(FormatAlign::Center),
        CellKind::Text => f.set_align(FormatAlign::Left),
    }
}

/// Writes `text` over the range, merged when it covers more than one cell; always as a string.
fn put_text(
    sheet: &mut Worksheet,
    (r1, c1, r2, c2): (usize, usize, usize, usize),
    text: &str,
    format: &Format,
) -> Result<(), Error> {
    let (r1, c1, r2, c2) = (row_num(r1)?, col_num(c1)?, row_num(r2)?, col_num(c2)?);
    if r1 == r2 && c1 == c2 {
        sheet.write_string_with_format(r1, c1, text, format)?;
    } else {
        sheet.merge_range(r1, c1, r2, c2, text, format)?;
    }
    Ok(())
}

/// The number to write for an amount cell and its number format, when its words can go in a format.
fn number_of(cell: &Cell) -> Option<(f64, String)> {
    let range = cell.figure.clone()?;
    let digits = cell.text.get(range.clone())?;
    let before = cell.text.get(..range.start)?;
    let after = cell.text.get(range.end..)?;
    let value: f64 = digits.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
    let literal =
        |words: &str| !words.contains(['"', '\\']) && !words.chars().any(char::is_control);
    if !literal(before) || !literal(after) {
        return None;
    }
    let mut format = String::new();
    if !before.is_empty() {
        format.push_str(&format!("\"{before}\""));
    }
    format.push('0');
    if decimals > 0 {
        format.push('.');
        format.push_str(&"0".repeat(decimals));
    }
    if !after.is_empty() {
        format.push_str(&format!("\"{after}\""));
    }
    Some((value, format))
}

fn write_table(sheet: &mut Worksheet, t: &Table) -> Result<(), Error> {
    let cols = t.columns.max(1);
    let last_col = cols - 1;
    let mut r = 0;
    if let Some(a) = &t.attachment {
        let f = base_format().set_bold().set_font_size(14);
        put_text(sheet, (r, 0, r, 0), a, &f)?;
        r += 1;
    }
    let title = base_format()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    put_text(sheet, (r, 0, r, last_col), &t.title, &title)?;
    sheet.set_row_height(row_num(r)?, 30)?;
    r += 1;
    if t.caption_left.is_some() || t.caption_right.is_some() {
        let split = match (&t.caption_right, cols) {
            (Some(_), c) if c >= 3 => c - 2,
            (Some(_), _) => 0,
            (None, c) => c,
        };
        if let Some(c) = &t.caption_left
            && split > 0
        {
            let f = base_format().set_align(FormatAlign::Left);
            put_text(sheet, (r, 0, r, split - 1), c, &f)?;
        }
        if let Some(c) = &t.caption_right {
            let f = base_format().set_align(FormatAlign::Right);
            put_text(sheet, (r, split, r, last_col), c, &f)?;
        }
        r += 1;
    }
    let start = r;

    let widths: Vec<usize> = t.column_widths().iter().map(|w| w + CELL_PADDING).collect();
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col_num(c)?, *w as f64)?;
    }

    // Borders on every position first, so positions no cell covers still print as boxes.
    let blank = grid_format(CellKind::Text);
    for gr in 0..t.rows.len() {
        for c in 0..cols {
            sheet.write_blank(row_num(start + gr)?, col_num(c)?, &blank)?;
        }
    }
    for (gr, row) in t.rows.iter().enumerate() {
        for cell in &row.cells {
            let r1 = start + gr;
            let r2 = r1 + cell.rowspan.max(1) - 1;
            let c1 = cell.col;
            let c2 = (c1 + cell.colspan.max(1) - 1).min(last_col);
            if c1 > last_col {
                continue;
            }
            let format = grid_format(cell.kind);
            match (cell.kind, number_of(cell)) {
                (CellKind::Amount, Some((value, num_format))) => {
                    let format = format.set_num_format(num_format);
                    if (r1, c1) != (r2, c2) {
                        put_text(sheet, (r1, c1, r2, c2), "", &format)?;
                    }
                    sheet.write_number_with_format(row_num(r1)?, col_num(c1)?, value, &format)?;
                }
                _ => put_text(sheet, (r1, c1, r2, c2), &cell.text, &format)?,
            }
        }
    }
    for (gr, height) in row_heights(t, &widths).into_iter().enumerate() {
        sheet.set_row_height(row_num(start + gr)?, height)?;
    }

    sheet.set_paper_size(PAPER_A4);
    if t.landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    if t.header_rows > 0 {
        let first = row_num(start)?;
        let last = row_num(start + t.header_rows.min(t.rows.len().max(1)) - 1)?;
        sheet.set_repeat_rows(first, last)?;
    }
    Ok(())
}

/// Row heights in points, from the lines each cell needs at the columns' widths (spreadsheets do not
/// grow a row for a merged cell's wrapped text). A cell spanning rows shares its lines among them.
fn row_heights(t: &Table, widths: &[usize]) -> Vec<f64> {
    let mut lines = vec![1usize; t.rows.len()];
    let need = |cell: &Cell| -> usize {
        let end = (cell.col + cell.colspan.max(1)).min(widths.len());
        let room = widths
            .get(cell.col..end)
            .map_or(0, |w| w.iter().sum::<usize>())
            .saturating_sub(CELL_PADDING)
            .max(2);
        cell.text
            .lines()
            .map(|l| l.width().div_ceil(room).max(1))
            .sum::<usize>()
            .max(1)
    };
    for (row, l) in t.rows.iter().zip(lines.iter_mut()) {
        for cell in row.cells.iter().filter(|c| c.rowspan <= 1) {
            *l = (*l).max(need(cell));
        }
    }
    for (r, row) in t.rows.iter().enumerate() {
        for cell in row.cells.iter().filter(|c| c.rowspan > 1) {
            let end = (r + cell.rowspan).min(lines.len());
            let Some(spanned) = lines.get_mut(r..end) else {
                continue;
            };
            let have: usize = spanned.iter().sum();
            let want = need(cell);
            if want > have && !spanned.is_empty() {
                let extra = (want - have).div_ceil(spanned.len());
                for l in spanned {
                    *l += extra;
                }
            }
        }
    }
    lines
        .into_iter()
        .map(|n| n as f64 * LINE_HEIGHT + ROW_PADDING)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{number_of, sheet_names};
    use crate::emit::layout::{Cell, CellKind, Table, TableKind};
    use rust_decimal::Decimal;

    fn table(short_name: &str) -> Table {
        Table {
            kind: TableKind::Direction,
            attachment: None,
            title: String::new(),
            short_name: short_name.to_string(),
            caption_left: None,
            caption_right: None,
            columns: 1,
            rows: Vec::new(),
            header_rows: 0,
            landscape: false,
        }
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let long = "社区（村）治安巡逻防控费".repeat(4);
        let tables: Vec<Table> = [
            "a/b:c*d?e[f]g\\h",
            &long,
            &long,
            "'引号'",
            "",
            "History",
            "Abc",
            "abc",
        ]
        .iter()
        .map(|n| table(n))
        .collect();
        let names = sheet_names(&tables);
        assert_eq!(names[0], "a_b_c_d_e_f_g_h");
        assert_eq!(names[3], "引号");
        assert_eq!(names[4], "表5");
        assert_eq!(names[5], "表6");
        assert_eq!(names[7], "abc (2)");
        for (i, n) in names.iter().enumerate() {
            assert!(n.encode_utf16().count() <= 31, "{n}");
            assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
            assert!(rust_xlsxwriter::utility::check_sheet_name(n).is_ok(), "{n}");
            for m in &names[..i] {
                assert_ne!(m.to_lowercase(), n.to_lowercase());
            }
        }
    }

    fn amount(text: &str, figure: std::ops::Range<usize>) -> Cell {
        Cell {
            text: text.to_string(),
            kind: CellKind::Amount,
            amount: Some(Decimal::ZERO),
            figure: Some(figure),
            col: 0,
            colspan: 1,
            rowspan: 1,
        }
    }

    #[test]
    fn number_formats_print_the_figure_as_the_table_does() {
        let text = "资金总额：173.4271万元";
        let start = "资金总额：".len();
        let cell = amount(text, start..start + "173.4271".len());
        assert_eq!(
            number_of(&cell),
            Some((173.4271, "\"资金总额：\"0.0000\"万元\"".to_string()))
        );
        assert_eq!(
            number_of(&amount("1.878", 0..5)),
            Some((1.878, "0.000".to_string()))
        );
        assert_eq!(number_of(&amount("0", 0..1)), Some((0.0, "0".to_string())));
        // Words a format cannot hold: the cell is written as text instead.
        assert_eq!(number_of(&amount("\"1", 1..2)), None);
    }
}
