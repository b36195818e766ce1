//! HTML: one self-contained page with every table of the layout as a printed A4 sheet. No scripts, no
//! fetches: the style sheet is inline, and every string from the declaration is escaped.

use super::layout::{CELL_PADDING, Cell, CellKind, Table, TableKind, tables};
use crate::model::Declaration;
use std::fmt::Write;

const CSS: &str = include_str!("html.css");

pub fn render(decl: &Declaration) -> String {
    render_tables(&tables(decl))
}

/// The page for tables already laid out.
pub fn render_tables(tables: &[Table]) -> String {
    let title = tables
        .first()
        .map_or("预算绩效目标表", |t| t.title.as_str());
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape_line(title));
    out.push_str("<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");
    for (i, t) in tables.iter().enumerate() {
        table(&mut out, t, i + 1);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn kind_name(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Department => "department",
        TableKind::Summary => "summary",
        TableKind::Direction => "direction",
        TableKind::Project => "project",
        TableKind::ProjectEvaluation => "project-evaluation",
        TableKind::DepartmentEvaluation => "department-evaluation",
    }
}

fn table(out: &mut String, t: &Table, n: usize) {
    let orientation = if t.landscape { "landscape" } else { "portrait" };
    let _ = writeln!(
        out,
        "<section class=\"sheet {orientation}\" id=\"table-{n}\" data-kind=\"{}\">",
        kind_name(t.kind)
    );
    if let Some(a) = &t.attachment {
        let _ = writeln!(out, "<p class=\"attachment\">{}</p>", escape_line(a));
    }
    let _ = writeln!(out, "<h1>{}</h1>", escape_line(&t.title));
    if t.caption_left.is_some() || t.caption_right.is_some() {
        out.push_str("<div class=\"captions\">");
        if let Some(c) = &t.caption_left {
            let _ = write!(out, "<span class=\"left\">{}</span>", escape_line(c));
        }
        if let Some(c) = &t.caption_right {
            let _ = write!(out, "<span class=\"right\">{}</span>", escape_line(c));
        }
        out.push_str("</div>\n");
    }
    out.push_str("<table>\n<colgroup>");
    let widths: Vec<usize> = t.column_widths().iter().map(|w| w + CELL_PADDING).collect();
    let total: usize = widths.iter().sum::<usize>().max(1);
    for w in &widths {
        // Hundredths of a percent, in integers.
        let share = w * 10_000 / total;
        let _ = write!(
            out,
            "<col style=\"width:{}.{:02}%\">",
            share / 100,
            share % 100
        );
    }
    out.push_str("</colgroup>\n");
    let head = head_rows(t);
    for (r, row) in t.rows.iter().enumerate() {
        if r == 0 && head > 0 {
            out.push_str("<thead>\n");
        }
        if r == head {
            out.push_str("<tbody>\n");
        }
        out.push_str("<tr>");
        let mut cells: Vec<&Cell> = row.cells.iter().collect();
        cells.sort_by_key(|c| c.col);
        for c in cells {
            cell(out, c);
        }
        out.push_str("</tr>\n");
        if head > 0 && r + 1 == head {
            out.push_str("</thead>\n");
        }
    }
    if t.rows.len() > head {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n</section>\n");
}

/// The rows that go in `<thead>` (repeated on every printed page): the layout's header rows, unless a
/// merged cell runs out of them (a browser would cut it at the end of the head).
fn head_rows(t: &Table) -> usize {
    let head = t.header_rows.min(t.rows.len());
    let crosses = t
        .rows
        .iter()
        .take(head)
        .enumerate()
        .any(|(r, row)| row.cells.iter().any(|c| r + c.rowspan > head));
    if crosses { 0 } else { head }
}

fn cell(out: &mut String, c: &Cell) {
    let (tag, class) = match c.kind {
        CellKind::Label => ("th", None),
        CellKind::Text => ("td", Some("text")),
        CellKind::Amount => ("td", Some("amount")),
    };
    out.push('<');
    out.push_str(tag);
    if let Some(class) = class {
        let _ = write!(out, " class=\"{class}\"");
    }
    if c.rowspan > 1 {
        let _ = write!(out, " rowspan=\"{}\"", c.rowspan);
    }
    if c.colspan > 1 {
        let _ = write!(out, " colspan=\"{}\"", c.colspan);
    }
    out.push('>');
    let lines: Vec<String> = c.text.lines().map(escape).collect();
    out.push_str(&lines.join("<br>"));
    let _ = write!(out, "</{tag}>");
}

/// Escapes text for HTML content and quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            // Other control characters have no place on a printed form.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text that prints on one line (titles, captions).
fn escape_line(s: &str) -> String {
    escape(&s.replace(['\r', '\n'], " "))
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
