//! Workbooks (`.xlsx` through a checked zip, `.xls`) read with calamine into sheets of cells. Cells
//! are streamed, never laid out in a dense range, so a sheet whose used range claims a million rows
//! costs only the cells it has; numbers are shown through their number format as Excel shows them.

use super::grid::{Cell, Place, Sheet};
use super::limits::{self, Budget, MAX_MERGES, Measure, Refusal};
use calamine::{Data, DataRef, Reader, Xls, Xlsx};
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

/// Merged ranges by their top-left cell: (rows, columns) covered.
type Merges = HashMap<(u32, u32), (u32, u32)>;

fn merges_of(ranges: impl Iterator<Item = ((u32, u32), (u32, u32))>) -> Result<Merges, Refusal> {
    let mut out = Merges::new();
    for ((r1, c1), (r2, c2)) in ranges {
        out.insert(
            (r1, c1),
            (r2.saturating_sub(r1) + 1, c2.saturating_sub(c1) + 1),
        );
        if out.len() > MAX_MERGES {
            return Err(Refusal::TooLarge {
                what: Measure::Merges,
                found: out.len() as u64,
                limit: MAX_MERGES as u64,
            });
        }
    }
    Ok(out)
}

pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, Refusal> {
    // The sizes first: calamine inflates entries without a bound.
    limits::checked_zip(bytes)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsxError::Password => Refusal::Encrypted,
        e => Refusal::Unreadable(format!("not a readable workbook: {e}")),
    })?;
    let mut budget = Budget::default();
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        // The cells first: a sheet of a million rows stops at the cell bound, before its merged
        // ranges are read.
        let none = Merges::new();
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| Refusal::Unreadable(format!("sheet {name}: {e}")))?;
        let formats: Vec<Option<String>> = reader
            .styles()
            .iter()
            .map(|s| s.number_format.as_ref().map(|f| f.format_code.clone()))
            .collect();
        while let Some((cell, style)) = reader
            .next_cell_with_style_id()
            .map_err(|e| Refusal::Unreadable(format!("sheet {name}: {e}")))?
        {
            let (row, col) = cell.get_position();
            let format = formats.get(style).and_then(|f| f.as_deref());
            let text = shown(cell.get_value(), format);
            push(&mut sheet, &mut budget, row, col, text, &none)?;
        }
        drop(reader);
        let merges = merges_of(
            book.merge_cells_by_sheet_name(&name)
                .map_err(|e| Refusal::Unreadable(format!("the merged cells of {name}: {e}")))?
                .iter()
                .map(|d| (d.start, d.end)),
        )?;
        for c in &mut sheet.cells {
            if let Some(&(rows, cols)) = merges.get(&(c.row, c.col)) {
                c.rows = rows;
                c.cols = cols;
            }
        }
        add_merges(&mut sheet, &merges);
        sheet.sort();
        sheets.push(sheet);
    }
    Ok(sheets)
}

pub fn read_xls(bytes: &[u8]) -> Result<Vec<Sheet>, Refusal> {
    let mut book = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsError::Password => Refusal::Encrypted,
        e => Refusal::Unreadable(format!("not a readable workbook: {e}")),
    })?;
    let mut budget = Budget::default();
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let merges = merges_of(
            book.merge_cells_by_sheet_name(&name)
                .unwrap_or_default()
                .iter()
                .map(|d| (d.start, d.end)),
        )?;
        let range = book
            .worksheet_range(&name)
            .map_err(|e| Refusal::Unreadable(format!("sheet {name}: {e}")))?;
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        for (row, col, value) in range.used_cells() {
            let (Ok(row), Ok(col)) = (u32::try_from(row), u32::try_from(col)) else {
                continue;
            };
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let text = shown_data(value);
            push(
                &mut sheet,
                &mut budget,
                r0.saturating_add(row),
                c0.saturating_add(col),
                text,
                &merges,
            )?;
        }
        add_merges(&mut sheet, &merges);
        sheet.sort();
        sheets.push(sheet);
    }
    Ok(sheets)
}

fn push(
    sheet: &mut Sheet,
    budget: &mut Budget,
    row: u32,
    col: u32,
    text: String,
    merges: &Merges,
) -> Result<(), Refusal> {
    if text.trim().is_empty() {
        return Ok(());
    }
    budget.take_cell()?;
    let place = Place::Sheet {
        sheet: sheet.name.clone(),
        row,
        col,
    };
    if !sheet.fits(&place, &text) {
        return Ok(());
    }
    let (rows, cols) = merges.get(&(row, col)).copied().unwrap_or((1, 1));
    sheet.cells.push(Cell {
        row,
        col,
        rows,
        cols,
        text,
        place,
    });
    Ok(())
}

/// Merged ranges whose top-left is empty still cover their cells (a blank label spanning rows).
fn add_merges(sheet: &mut Sheet, merges: &Merges) {
    let present: HashSet<(u32, u32)> = sheet.cells.iter().map(|c| (c.row, c.col)).collect();
    for (&(r1, c1), &(rows, cols)) in merges {
        if !present.contains(&(r1, c1)) {
            sheet.cells.push(Cell {
                row: r1,
                col: c1,
                rows,
                cols,
                text: String::new(),
                place: Place::Sheet {
                    sheet: sheet.name.clone(),
                    row: r1,
                    col: c1,
                },
            });
        }
    }
}

fn shown(value: &DataRef<'_>, format: Option<&str>) -> String {
    match value {
        DataRef::Float(f) => number(*f, format),
        DataRef::Int(i) => number_text(&i.to_string(), format),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) => d.to_string(),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

fn shown_data(value: &Data) -> String {
    match value {
        Data::Float(f) => number(*f, None),
        Data::Int(i) => i.to_string(),
        Data::String(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// A spreadsheet number as its cell shows it. The double is spelt in its shortest exact decimal form
/// (`188.0651`), which is what was typed or written, and only then put through the format.
fn number(f: f64, format: Option<&str>) -> String {
    if !f.is_finite() {
        return String::new();
    }
    number_text(&format!("{f}"), format)
}

/// Applies the first section of a number format to a number spelt in decimal: its literal words
/// (`"资金总额："0.0000"万元"`), its decimals, its thousands separator and `%`.
fn number_text(digits: &str, format: Option<&str>) -> String {
    let Some(format) = format.filter(|f| !f.eq_ignore_ascii_case("general") && !f.is_empty())
    else {
        return digits.to_string();
    };
    // Exactly as spelt: a number a decimal cannot hold exactly is shown as its digits.
    let Some(mut value) = crate::domain::money::parse_exact(digits) else {
        return digits.to_string();
    };
    let section = format.split(';').next().unwrap_or("");
    let (mut before, mut after) = (String::new(), String::new());
    let (mut decimals, mut in_decimals, mut grouped, mut percent, mut seen_digit) =
        (0u32, false, false, false, false);
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        let words = if seen_digit { &mut after } else { &mut before };
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    words.push(q);
                }
            }
            '\\' => words.extend(chars.next()),
            '[' => {
                // Colours and conditions: not shown.
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                seen_digit = true;
                if in_decimals {
                    decimals += 1;
                }
            }
            '.' if seen_digit || !in_decimals => in_decimals = true,
            ',' => grouped = true,
            '%' => {
                percent = true;
                words.push('%');
            }
            '@' => {}
            other => words.push(other),
        }
    }
    if !seen_digit {
        return digits.to_string();
    }
    if percent {
        // 10²⁷ shown as a percent is past what a decimal holds: its digits, not a crash.
        match crate::domain::money::exact::mul(value, rust_decimal::Decimal::ONE_HUNDRED) {
            Ok(v) => value = v,
            Err(_) => return digits.to_string(),
        }
    }
    let rounded = value.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    let mut body = format!("{:.*}", decimals as usize, rounded);
    if grouped {
        body = group_thousands(&body);
    }
    format!("{before}{body}{after}")
}

fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    let n = int.chars().count();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::number_text;

    #[test]
    fn numbers_show_through_their_format() {
        assert_eq!(
            number_text("188.0651", Some("\"资金总额：\"0.0000\"万元\"")),
            "资金总额：188.0651万元"
        );
        assert_eq!(number_text("8.1", Some("0.00")), "8.10");
        assert_eq!(number_text("1234567.5", Some("#,##0.00")), "1,234,567.50");
        assert_eq!(number_text("0.95", Some("0%")), "95%");
        assert_eq!(number_text("42", None), "42");
        assert_eq!(number_text("42", Some("General")), "42");
    }
}
