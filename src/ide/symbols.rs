//! The outline: the header, the two breakdowns with their lines, the department's indicators, and
//! every direction and project with its costs, indicators and sub-directions.

use super::analysis::Analysis;
use super::analysis::{Figure, money};
use crate::domain::DirectionKind;
use crate::messages::{self as msg, Lang};
use crate::model::Declaration;
use crate::source::Span;
use crate::syntax::ast::{self, DirectionItem, Item};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// A group of the outline (header, breakdowns, indicators).
    Group,
    /// A header fact (`year`, `filer` …).
    Fact,
    Line,
    Direction,
    Project,
    Cost,
    Indicator,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    /// The figure or value, where there is one.
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole construct.
    pub span: Span,
    /// Its name.
    pub selection: Span,
    pub children: Vec<Symbol>,
}

pub fn symbols(a: &Analysis, lang: Lang) -> Vec<Symbol> {
    let Some(file) = &a.file else {
        return Vec::new();
    };
    let amounts = a.declaration.as_ref().map(amounts).unwrap_or_default();
    let decl = &amounts;
    let src = &a.src;
    let mut header = Vec::new();
    let mut income = Vec::new();
    let mut spending = Vec::new();
    let mut indicators = Vec::new();
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            Item::Year { span, .. }
            | Item::Unit { span, .. }
            | Item::Precision { span, .. }
            | Item::Total { span, .. } => header.push(fact(src, *span)),
            Item::Scores(x) => header.push(fact(src, x.span)),
            Item::Form(t) => header.push(fact(src, line_of(src, t.span))),
            Item::Admin(a) => header.push(fact(src, a.span)),
            Item::Filer(t) | Item::Department(t) => header.push(fact(src, line_of(src, t.span))),
            Item::Framework(f) => {
                let span = match f {
                    ast::FrameworkDecl::Profile(t) => line_of(src, t.span),
                    ast::FrameworkDecl::Custom { span, .. } => *span,
                };
                header.push(fact(src, span));
            }
            Item::Income(l) => income.push(line(l, decl)),
            Item::Spending(l) => spending.push(line(l, decl)),
            Item::Indicator(i) => indicators.push(indicator(i)),
            Item::Direction(d) => out.push(direction(d, decl)),
            Item::Profile(p) => header.push(fact(src, p.span)),
            Item::Duty(_)
            | Item::Plan(_)
            | Item::Goal(_)
            | Item::Task(_)
            | Item::Achieved(_)
            | Item::Execution(_)
            | Item::Outcome(_) => {}
        }
    }
    let mut groups = Vec::new();
    for (name, children) in [
        (msg::symbol_header(), header),
        (msg::symbol_income(), income),
        (msg::symbol_spending(), spending),
        (msg::symbol_indicators(), indicators),
    ] {
        if let Some(g) = group(name.get(lang), children) {
            groups.push(g);
        }
    }
    groups.extend(out);
    groups
}

fn group(name: &str, children: Vec<Symbol>) -> Option<Symbol> {
    let first = children.first()?.span;
    let span = children.iter().fold(first, |s, c| s.join(c.span));
    Some(Symbol {
        name: name.to_string(),
        detail: None,
        kind: SymbolKind::Group,
        span,
        selection: first,
        children,
    })
}

/// A header fact: the line as written, without its comment.
fn fact(src: &str, span: Span) -> Symbol {
    let text = src.get(span.start..span.end).unwrap_or_default();
    let (keyword, rest) = text.split_once([' ', '\t']).unwrap_or((text, ""));
    Symbol {
        name: keyword.to_string(),
        detail: Some(rest.trim().to_string()),
        kind: SymbolKind::Fact,
        span,
        selection: span,
        children: Vec::new(),
    }
}

/// The line holding `span`, from its first non-blank character, without a trailing comment.
fn line_of(src: &str, span: Span) -> Span {
    let (start, end) = crate::syntax::scan::line_around(src, span.start);
    let line = src.get(start..end).unwrap_or_default();
    let code_end = crate::syntax::scan::comment_start(line).unwrap_or(line.len());
    let code = line.get(..code_end).unwrap_or_default();
    let lead = code.len() - code.trim_start().len();
    Span::new(start + lead, start + code.trim_end().len().max(lead))
}

/// The amount of every line and direction, by the span of its name, in the document's unit.
fn amounts(decl: &Declaration) -> HashMap<Span, String> {
    let mut out = HashMap::new();
    fn lines(ls: &[crate::model::Line], out: &mut HashMap<Span, String>) {
        for l in ls {
            if let Some(m) = l.amount {
                out.insert(l.name.span, money(m));
            }
            lines(&l.children, out);
        }
    }
    lines(&decl.income, &mut out);
    lines(&decl.spending, &mut out);
    for (_, d) in decl.all_directions() {
        if let Some(m) = d.amount {
            out.insert(d.name.span, money(m));
        }
        lines(&d.funds, &mut out);
        for c in &d.costs {
            if let Some(label) = &c.label {
                out.insert(label.span, Figure::cost(c, decl.unit).shown);
            }
        }
    }
    out
}

fn line(l: &ast::Line, amounts: &HashMap<Span, String>) -> Symbol {
    Symbol {
        name: l.name.value.clone(),
        detail: amounts.get(&l.name.span).cloned(),
        kind: SymbolKind::Line,
        span: l.span,
        selection: l.name.span,
        children: l.children.iter().map(|c| line(c, amounts)).collect(),
    }
}

fn indicator(i: &ast::Indicator) -> Symbol {
    let value = match &i.value {
        ast::Value::Quantitative { span, .. } => *span,
        ast::Value::Qualitative { text, .. } => text.span,
    };
    Symbol {
        name: i.name.value.clone(),
        detail: Some(i.level2.value.clone()),
        kind: SymbolKind::Indicator,
        span: i.span,
        selection: i.name.span.join(value),
        children: Vec::new(),
    }
}

fn direction(d: &ast::Direction, decl: &HashMap<Span, String>) -> Symbol {
    let amount = decl.get(&d.name.span).cloned();
    let mut children = Vec::new();
    for item in &d.items {
        match item {
            DirectionItem::Cost(c) => children.push(Symbol {
                name: c.label.value.clone(),
                detail: decl.get(&c.label.span).cloned(),
                kind: SymbolKind::Cost,
                span: c.span,
                selection: c.label.span,
                children: Vec::new(),
            }),
            DirectionItem::Indicator(i) => children.push(indicator(i)),
            DirectionItem::Income(l) => children.push(line(l, decl)),
            DirectionItem::Direction(sub) => children.push(direction(sub, decl)),
            _ => {}
        }
    }
    Symbol {
        name: d.name.value.clone(),
        detail: amount,
        kind: match d.kind {
            DirectionKind::Direction => SymbolKind::Direction,
            DirectionKind::Project => SymbolKind::Project,
        },
        span: d.span,
        selection: d.name.span,
        children,
    }
}
