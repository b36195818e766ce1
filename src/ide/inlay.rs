//! Inlay hints: derived figures shown where the text does not write them — after a cost basis
//! `< … >`, after `= directions` and `= "A" + "B"`, after a reference (`= people`), after the name
//! of a direction whose amount is computed, and after each year-end `achieved` and `execution` line
//! its score (`得分 9.00/10`, the rule and figures in the tooltip).

use super::analysis::{Analysis, Figure, reference_of};
use crate::model::{Declaration, Line};
use crate::syntax::ast::{self, DirectionItem, Item};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The byte offset the hint stands after.
    pub offset: usize,
    pub label: String,
    /// How it was computed, for the hint's tooltip.
    pub how: Option<crate::messages::Text>,
}

pub fn hints(a: &Analysis) -> Vec<Hint> {
    let (Some(file), Some(decl)) = (&a.file, &a.declaration) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (_, d) in decl.all_directions() {
        for c in &d.costs {
            let f = Figure::cost(c, decl.unit);
            out.push(Hint {
                offset: c.span.end,
                label: format!("= {}", f.shown),
                how: Some(f.how),
            });
        }
        if d.declared.is_none()
            && let Some(derived) = &d.derived
            && !(d.costs.len() == 1
                && d.children.is_empty()
                && d.costs.iter().all(|c| c.label.is_none()))
        {
            let f = Figure::derived(derived);
            out.push(Hint {
                offset: d.name.span.end,
                label: f.shown,
                how: Some(f.how),
            });
        }
        references(&d.indicators, &mut out);
    }
    references(&decl.indicators, &mut out);
    for item in &file.items {
        match item {
            Item::Income(l) | Item::Spending(l) => line(l, decl, &mut out),
            Item::Direction(d) => direction_funds(d, decl, &mut out),
            _ => {}
        }
    }
    scores(decl, &mut out);
    for h in &mut out {
        h.offset = code_end(&a.src, h.offset);
    }
    out.sort_by_key(|h| h.offset);
    out
}

/// A statement's span runs over the blanks and the comment after its last token (the parser's spans
/// do); a hint stands right after the code, not after the comment.
fn code_end(src: &str, offset: usize) -> usize {
    let trim = |end: usize| src.get(..end).map_or(end, |before| before.trim_end().len());
    let end = trim(offset.min(src.len()));
    let (start, _) = crate::syntax::scan::line_around(src, end);
    match src
        .get(start..end)
        .and_then(crate::syntax::scan::comment_start)
    {
        Some(comment) => trim(start + comment),
        None => end,
    }
}

/// The self-evaluation's scores, after the lines they score.
fn scores(decl: &Declaration, out: &mut Vec<Hint>) {
    for s in super::analysis::line_scores(decl) {
        out.push(Hint {
            offset: s.line.end,
            label: s.label(),
            how: Some(s.how),
        });
    }
}

fn references(indicators: &[crate::model::Indicator], out: &mut Vec<Hint>) {
    for i in indicators {
        if let Some((r, false)) = reference_of(&i.value) {
            let f = Figure::reference(r);
            out.push(Hint {
                offset: r.span.end,
                label: f.shown,
                how: Some(f.how),
            });
        }
    }
}

/// A derived breakdown line: its figure after `= directions` or `= "A" + "B"`.
fn line(l: &ast::Line, decl: &Declaration, out: &mut Vec<Hint>) {
    for c in &l.children {
        line(c, decl, out);
    }
    let Some(derivation) = &l.derivation else {
        return;
    };
    let end = match derivation {
        ast::Derivation::Directions(span) => span.end,
        ast::Derivation::Sum(parts) => parts
            .iter()
            .map(|p| p.span.end)
            .max()
            .unwrap_or(l.name.span.end),
    };
    let all = decl.income.iter().chain(&decl.spending).chain(
        decl.all_directions()
            .into_iter()
            .flat_map(|(_, d)| &d.funds),
    );
    if let Some(m) = find(all, l.name.span)
        && let Some(derived) = &m.derived
    {
        let f = Figure::derived(derived);
        out.push(Hint {
            offset: end,
            label: f.shown,
            how: Some(f.how),
        });
    }
}

fn direction_funds(d: &ast::Direction, decl: &Declaration, out: &mut Vec<Hint>) {
    for item in &d.items {
        match item {
            DirectionItem::Income(l) => line(l, decl, out),
            DirectionItem::Direction(sub) => direction_funds(sub, decl, out),
            _ => {}
        }
    }
}

fn find<'a>(lines: impl Iterator<Item = &'a Line>, name: crate::source::Span) -> Option<&'a Line> {
    for l in lines {
        if l.name.span == name {
            return Some(l);
        }
        if let Some(found) = find(l.children.iter(), name) {
            return Some(found);
        }
    }
    None
}
