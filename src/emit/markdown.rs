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

/// Declaration text is data: it must not break the table or become markup. The one escaper of every
/// Markdown bdl writes (`build` and `diff`): each character CommonMark or GitHub's tables give a meaning
/// inline is escaped — emphasis, code, strike-through, links and images, headings, the cell bar, HTML
/// and entities — and so are the starts of autolinks (`http://`, `www.`, `a@b`) and a leading `+ - =`
/// (a list or heading underline once the text stands at the start of a line).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '(' | ')' | '!' | '#' | '|' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '+' | '-' | '=' if prev.is_none() => {
                out.push('\\');
                out.push(c);
            }
            // `http://`, `mailto:`: GitHub links a scheme and `www.` even without brackets.
            ':' if chars.peek() == Some(&'/') || out.ends_with("mailto") => out.push_str("\\:"),
            '.' if out
                .get(out.len().saturating_sub(3)..)
                .is_some_and(|w| w.eq_ignore_ascii_case("www")) =>
            {
                out.push_str("\\.")
            }
            _ => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// [`escape`] for a table cell, without the ASCII blanks around it.
pub(crate) fn escape_cell(s: &str) -> String {
    // Only ASCII blanks: the full-width spaces that indent 其中 lines are part of the text.
    escape(s.trim_matches([' ', '\t']))
}

/// Text outside tables: headings and captions.
fn escape_text(s: &str) -> String {
    escape_cell(s).replace("<br>", " ")
}
