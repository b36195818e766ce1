//! Lays the tree out as text: two spaces per level, canonical order inside direction blocks, a blank
//! line between top-level groups and around each direction block, the author's blank lines elsewhere
//! (at most one, and only between lines that are still neighbours), and a final newline.

use super::tree::{Doc, Node, Note};

struct OutLine {
    indent: usize,
    text: String,
    blank_before: bool,
    /// The line ends with `{`: no blank line may follow it.
    opens: bool,
}

pub fn print(doc: &Doc) -> String {
    let mut lines = Vec::new();
    seq(&doc.items, false, true, 0, &doc.dangling, &mut lines);
    let mut s = String::new();
    let mut prev: Option<&OutLine> = None;
    for l in &lines {
        if l.blank_before && prev.is_some_and(|p| !p.opens) {
            s.push('\n');
        }
        for _ in 0..l.indent {
            s.push_str("  ");
        }
        s.push_str(&l.text);
        s.push('\n');
        prev = Some(l);
    }
    s
}

fn seq(
    items: &[Node],
    reorder: bool,
    top: bool,
    indent: usize,
    dangling: &[Note],
    out: &mut Vec<OutLine>,
) {
    let mut order: Vec<(usize, &Node)> = items.iter().enumerate().collect();
    if reorder {
        order.sort_by_key(|(_, n)| n.rank);
    }
    let mut prev: Option<(usize, &Node)> = None;
    for &(i, n) in &order {
        // A blank line the author wrote above an item is kept only while the item still follows
        // the same neighbour; one is always put between groups and around direction blocks.
        let (keep, forced) = match prev {
            None => (true, false),
            Some((p, pn)) => (
                p + 1 == i,
                (top && pn.group != n.group) || pn.is_isolated() || n.is_isolated(),
            ),
        };
        let mut first = true;
        let mut blank = |own: bool| {
            let b = if first { forced || (keep && own) } else { own };
            first = false;
            b
        };
        for note in &n.leading {
            out.push(OutLine {
                indent,
                text: note.text.clone(),
                blank_before: blank(note.blank_before),
                opens: false,
            });
        }
        let mut head = n.head.clone();
        if n.block.is_some() {
            head.push_str(" {");
        }
        if let Some(t) = &n.trailing {
            head.push_str("  ");
            head.push_str(t);
        }
        out.push(OutLine {
            indent,
            text: head,
            blank_before: blank(n.blank_before),
            opens: n.block.is_some(),
        });
        if let Some(b) = &n.block {
            seq(&b.items, b.reorder, false, indent + 1, &b.dangling, out);
            let mut close = "}".to_string();
            if let Some(t) = &b.closing {
                close.push_str("  ");
                close.push_str(t);
            }
            out.push(OutLine {
                indent,
                text: close,
                blank_before: false,
                opens: false,
            });
        }
        prev = Some((i, n));
    }
    for note in dangling {
        out.push(OutLine {
            indent,
            text: note.text.clone(),
            blank_before: note.blank_before,
            opens: false,
        });
    }
}
