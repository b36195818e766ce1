//! Markdown: each table of the layout as a heading, its captions, and a pipe table. Merged cells print
//! their text once, the positions they cover stay blank, as the forms read when copied out.

use super::layout::{Table, tables};
use crate::model::Declaration;

pub fn render(decl: &Declaration) -> String {
    let mut out = String::new();
    for (i, t) in tables(decl).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        table(&mut out, t);
    }
    out
}

fn table(out: &mut String, t: &Table) {
    if let Some(a) = &t.attachment {
        out.push_str(&format!("{}\n\n", escape_text(a)));
    }
    out.push_str(&format!("## {}\n\n", escape_text(&t.title)));
    let captions: Vec<&str> = [t.caption_left.as_deref(), t.caption_right.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !captions.is_empty() {
        out.push_str(
            &captions
                .iter()
                .map(|c| escape_text(c))
                .collect::<Vec<_>>()
                .join("　　"),
        );
        out.push_str("\n\n");
    }
    let grid = t.grid();
    for (r, row) in grid.iter().enumerate() {
        out.push('|');
        for cell in row {
            let text = escape_cell(cell);
            if text.is_empty() {
                out.push_str(" |");
            } else {
                out.push_str(&format!(" {text} |"));
            }
        }
        out.push('\n');
        if r == 0 {
            out.push('|');
            out.push_str(&"---|".repeat(t.columns));
            out.push('\n');
        }
    }
}

/// Declaration text is data: it must not break the table or become markup.
pub(crate) fn escape_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    // Only ASCII blanks: the full-width spaces that indent 其中 lines are part of the text.
    out.trim_matches([' ', '\t']).to_string()
}

/// Text outside tables: headings and captions.
fn escape_text(s: &str) -> String {
    escape_cell(s).replace("<br>", " ")
}
