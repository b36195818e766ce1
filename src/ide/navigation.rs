//! Names and where they are used: directions and projects (`amount of "X"`, `task … for "X"`),
//! income and spending lines (`spending "项目支出"`, `= "A" + "B"`). Go to definition and find
//! references work on these.

use super::analysis::Analysis;
use super::touches;
use crate::source::Span;
use crate::syntax::ast::{self, DirectionItem, Item, RefKind, Value};

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A direction or project, at any depth.
    Direction,
    IncomeLine,
    SpendingLine,
}

/// A name written in the text: where it is defined, or a use of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub kind: NameKind,
    pub value: String,
    /// The string as written, quotes included.
    pub span: Span,
    pub is_definition: bool,
}

/// Every definition and use of a name in the parts of the text that parse, in order.
pub fn names(a: &Analysis) -> Vec<Name> {
    let mut out = Vec::new();
    let Some(file) = &a.file else {
        return out;
    };
    for item in &file.items {
        match item {
            Item::Income(l) => line(l, NameKind::IncomeLine, true, &mut out),
            Item::Spending(l) => line(l, NameKind::SpendingLine, true, &mut out),
            Item::Indicator(i) => indicator(i, &mut out),
            Item::Direction(d) => direction(d, &mut out),
            Item::Task(t) => out.push(use_of(NameKind::Direction, &t.funded_by)),
            _ => {}
        }
    }
    out.sort_by_key(|n| n.span.start);
    out
}

fn def(kind: NameKind, t: &ast::Text) -> Name {
    Name {
        kind,
        value: t.value.clone(),
        span: t.span,
        is_definition: true,
    }
}

fn use_of(kind: NameKind, t: &ast::Text) -> Name {
    Name {
        is_definition: false,
        ..def(kind, t)
    }
}

/// A breakdown line; `defines` is false for a direction's own funds, whose names nothing refers to.
fn line(l: &ast::Line, kind: NameKind, defines: bool, out: &mut Vec<Name>) {
    if defines {
        out.push(def(kind, &l.name));
    }
    if let Some(ast::Derivation::Sum(parts)) = &l.derivation {
        out.extend(parts.iter().map(|p| use_of(kind, p)));
    }
    for c in &l.children {
        line(c, kind, defines, out);
    }
}

fn indicator(i: &ast::Indicator, out: &mut Vec<Name>) {
    let Value::Quantitative {
        reference: Some(r), ..
    } = &i.value
    else {
        return;
    };
    let Some(target) = &r.target else {
        return;
    };
    let kind = match r.kind {
        RefKind::People | RefKind::Qty | RefKind::Amount => NameKind::Direction,
        RefKind::Spending => NameKind::SpendingLine,
        RefKind::Income => NameKind::IncomeLine,
        RefKind::Total | RefKind::Directions => return,
    };
    out.push(use_of(kind, target));
}

fn direction(d: &ast::Direction, out: &mut Vec<Name>) {
    out.push(def(NameKind::Direction, &d.name));
    for item in &d.items {
        match item {
            DirectionItem::Indicator(i) => indicator(i, out),
            DirectionItem::Direction(sub) => direction(sub, out),
            DirectionItem::Income(l) => line(l, NameKind::IncomeLine, false, out),
            _ => {}
        }
    }
}

/// The name under the cursor.
pub fn name_at(names: &[Name], offset: usize) -> Option<&Name> {
    names.iter().find(|n| touches(n.span, offset))
}

/// Where the name under the cursor is defined.
pub fn definition(a: &Analysis, offset: usize) -> Option<Span> {
    let names = names(a);
    let at = name_at(&names, offset)?;
    names
        .iter()
        .find(|n| n.is_definition && n.kind == at.kind && n.value == at.value)
        .map(|n| n.span)
}

/// Every place the name under the cursor is written: its uses, and its definition when asked.
pub fn references(a: &Analysis, offset: usize, with_definition: bool) -> Vec<Span> {
    let names = names(a);
    let Some(at) = name_at(&names, offset) else {
        return Vec::new();
    };
    names
        .iter()
        .filter(|n| n.kind == at.kind && n.value == at.value)
        .filter(|n| with_definition || !n.is_definition)
        .map(|n| n.span)
        .collect()
}

/// The names defined of one kind, in order, each once.
pub fn defined(a: &Analysis, kind: NameKind) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names(a) {
        if n.is_definition && n.kind == kind && !out.contains(&n.value) {
            out.push(n.value);
        }
    }
    out
}
