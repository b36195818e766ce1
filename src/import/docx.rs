//! Word documents (`.docx`): the paragraphs and tables of `word/document.xml`, read with quick-xml
//! from a checked zip. Merged cells are read as Word writes them: `w:gridSpan` (columns), `w:vMerge`
//! (`restart` opens a vertical merge, an empty value continues it) and `w:gridBefore` (grid columns
//! skipped at the start of a row). A table inside a cell is read as that cell's text. Paragraphs and
//! table rows stand one under the other in one sheet, as the recogniser reads a workbook sheet.

use super::grid::{Cell, Place, Sheet};
use super::limits::{self, Budget, Refusal};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

pub fn read_docx(bytes: &[u8], name: &str) -> Result<Vec<Sheet>, Refusal> {
    let mut archive = limits::checked_zip(bytes)?;
    let Some(xml) = limits::entry(&mut archive, "word/document.xml")? else {
        return Err(Refusal::Unreadable(
            "the zip holds no word/document.xml: not a Word document".to_string(),
        ));
    };
    parse(&xml, name)
}

/// The cell being read, before it is placed.
struct Open {
    col: u32,
    cols: u32,
    merge: Merge,
    text: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Merge {
    None,
    Restart,
    Continue,
}

#[derive(Default)]
struct State {
    sheet: Sheet,
    budget: Budget,
    /// The next sheet row.
    row: u32,
    /// Depth of `w:tbl` elements.
    depth: u32,
    /// Tables at depth 1 so far.
    tables: u32,
    /// The row of the current table (0-based) and its first sheet row.
    table_row: u32,
    /// Grid column of the next cell in the row.
    col: u32,
    /// The cell being read.
    open: Option<Open>,
    /// Text of the current paragraph outside tables.
    paragraph: String,
    paragraphs: u32,
    /// Cells of the current table open for a vertical merge: grid column → index in `sheet.cells`.
    vertical: Vec<(u32, usize)>,
    /// Inside a `w:t` element.
    in_text: bool,
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .map(|a| a.value.to_string())
}

fn number(e: &BytesStart<'_>) -> u32 {
    val(e)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, 16_384)
}

fn parse(xml: &[u8], name: &str) -> Result<Vec<Sheet>, Refusal> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut s = State {
        sheet: Sheet {
            name: name.to_string(),
            ..Sheet::default()
        },
        ..State::default()
    };
    let broken = |e: &dyn std::fmt::Display| Refusal::Unreadable(format!("word/document.xml: {e}"));
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| broken(&e))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => start(&mut s, &e, false)?,
            Event::Empty(e) => start(&mut s, &e, true)?,
            Event::End(e) => end(&mut s, e.local_name().as_ref())?,
            Event::Text(t) => {
                push_text(&mut s, &t);
            }
            Event::CData(t) => {
                push_text(&mut s, &t);
            }
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref().map_err(|e| broken(&e))?
                } else {
                    match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    }
                };
                if let Some(c) = c {
                    push_text(&mut s, c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
        buf.clear();
    }
    s.sheet.sort();
    Ok(vec![s.sheet])
}

/// Only text inside `w:t` counts (the reader sees every text node, whitespace between elements too).
fn push_text(s: &mut State, text: &str) {
    if !s.in_text {
        return;
    }
    target(s).push_str(text);
}

fn target(s: &mut State) -> &mut String {
    match &mut s.open {
        Some(open) => &mut open.text,
        None => &mut s.paragraph,
    }
}

fn start(s: &mut State, e: &BytesStart<'_>, empty: bool) -> Result<(), Refusal> {
    match e.local_name().as_ref() {
        "t" if !empty => s.in_text = true,
        "tab" => target(s).push('\t'),
        "br" | "cr" => target(s).push('\n'),
        "tbl" if !empty => {
            s.depth += 1;
            if s.depth == 1 {
                flush_paragraph(s)?;
                s.tables += 1;
                s.table_row = 0;
                s.vertical.clear();
            }
        }
        "tr" if !empty && s.depth == 1 => s.col = 0,
        "gridBefore" if s.depth == 1 => s.col = s.col.saturating_add(number(e)),
        "tc" if !empty && s.depth == 1 => {
            s.open = Some(Open {
                col: s.col,
                cols: 1,
                merge: Merge::None,
                text: String::new(),
            });
        }
        "gridSpan" if s.depth == 1 => {
            if let Some(open) = &mut s.open {
                open.cols = number(e);
            }
        }
        "vMerge" if s.depth == 1 => {
            if let Some(open) = &mut s.open {
                open.merge = match val(e).as_deref() {
                    Some("restart") => Merge::Restart,
                    _ => Merge::Continue,
                };
            }
        }
        _ => {}
    }
    Ok(())
}

fn end(s: &mut State, name: &str) -> Result<(), Refusal> {
    match name {
        "t" => s.in_text = false,
        "p" => {
            if s.depth == 0 {
                flush_paragraph(s)?;
            } else {
                // Paragraphs of a cell (and of a table inside it) are its lines.
                let t = target(s);
                if !t.is_empty() && !t.ends_with('\n') {
                    t.push('\n');
                }
            }
        }
        "tc" if s.depth == 1 => close_cell(s)?,
        "tr" if s.depth == 1 => {
            s.table_row += 1;
            s.row += 1;
        }
        "tbl" => {
            if s.depth == 1 {
                s.vertical.clear();
            }
            s.depth = s.depth.saturating_sub(1);
        }
        _ => {}
    }
    Ok(())
}

fn flush_paragraph(s: &mut State) -> Result<(), Refusal> {
    let text = std::mem::take(&mut s.paragraph);
    let text = text.trim_end_matches('\n').to_string();
    if text.trim().is_empty() {
        return Ok(());
    }
    s.paragraphs += 1;
    let place = Place::Paragraph { n: s.paragraphs };
    add(s, s.row, 0, 1, 1, text, place)?;
    s.row += 1;
    Ok(())
}

fn close_cell(s: &mut State) -> Result<(), Refusal> {
    let Some(open) = s.open.take() else {
        return Ok(());
    };
    let text = open.text.trim_end_matches('\n').to_string();
    s.col = s.col.saturating_add(open.cols);
    if open.merge == Merge::Continue {
        // Part of the merge opened above in this grid column: it covers one row more.
        if let Some(&(_, i)) = s.vertical.iter().find(|(c, _)| *c == open.col)
            && let Some(cell) = s.sheet.cells.get_mut(i)
        {
            cell.rows = cell.rows.saturating_add(1);
            if !text.trim().is_empty() {
                cell.text.push('\n');
                cell.text.push_str(&text);
            }
            return Ok(());
        }
    }
    s.vertical.retain(|(c, _)| *c != open.col);
    if text.trim().is_empty() && open.cols == 1 && open.merge == Merge::None {
        return Ok(());
    }
    let place = Place::Table {
        table: s.tables,
        row: s.table_row,
        col: open.col,
    };
    add(s, s.row, open.col, 1, open.cols, text, place)?;
    if open.merge == Merge::Restart {
        let i = s.sheet.cells.len().saturating_sub(1);
        s.vertical.push((open.col, i));
    }
    Ok(())
}

fn add(
    s: &mut State,
    row: u32,
    col: u32,
    rows: u32,
    cols: u32,
    text: String,
    place: Place,
) -> Result<(), Refusal> {
    s.budget.take_cell()?;
    if !s.sheet.fits(&place, &text) {
        // An empty cell keeps the merge, so the rows below still read.
        s.sheet.cells.push(Cell {
            row,
            col,
            rows,
            cols,
            text: String::new(),
            place: Place::Paragraph { n: 0 },
        });
        return Ok(());
    }
    s.sheet.cells.push(Cell {
        row,
        col,
        rows,
        cols,
        text,
        place,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::import::grid::Place;

    fn cells(body: &str) -> Vec<(u32, u32, u32, u32, String)> {
        let xml = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
        let sheets = parse(xml.as_bytes(), "doc").unwrap_or_default();
        sheets
            .into_iter()
            .flat_map(|s| s.cells)
            .map(|c| (c.row, c.col, c.rows, c.cols, c.text))
            .collect()
    }

    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn spans_merges_and_skipped_columns_become_cell_extents() {
        let body = format!(
            "<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>{}</w:tr></w:tbl>",
            tc("<w:vMerge w:val=\"restart\"/>", "左"),
            tc("<w:gridSpan w:val=\"2\"/>", "右"),
            tc("<w:vMerge/>", ""),
            tc("", "中&amp;下"),
            tc("", "末"),
        );
        assert_eq!(
            cells(&body),
            vec![
                (0, 0, 1, 1, "标题".to_string()),
                (1, 0, 2, 1, "左".to_string()),
                (1, 1, 1, 2, "右".to_string()),
                (2, 1, 1, 1, "中&下".to_string()),
                (3, 2, 1, 1, "末".to_string()),
            ]
        );
    }

    #[test]
    fn places_name_the_table_row_and_column() {
        let body = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc("", "a"), tc("", "b"));
        let xml = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
        let sheet = parse(xml.as_bytes(), "doc").unwrap_or_default().remove(0);
        assert_eq!(
            sheet.cells.get(1).map(|c| c.place.clone()),
            Some(Place::Table {
                table: 1,
                row: 0,
                col: 1
            })
        );
        assert_eq!(
            sheet.cells.get(1).map(|c| c.place.address()).as_deref(),
            Some("表1 第1行第2列")
        );
    }

    #[test]
    fn broken_markup_is_an_error_not_a_panic() {
        assert!(parse(b"<w:document><w:body><w:tbl><w:tr></w:tc>", "doc").is_err());
    }
}
