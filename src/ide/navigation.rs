//! Names and where they are used: directions and projects (`amount of "X"`, `task … for "X"`),
//! income and spending lines (`spending "项目支出"`, `= "A" + "B"`, `task … for "基本支出"`, the
//! department's `execution "X"`), a direction's own funding lines (its `execution "X"`), and a table's
//! 年度 indicators (`achieved "X"`). Go to definition and find references work on these.

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
    /// A 年度 indicator, named by the `achieved` lines of its own table.
    Indicator,
    /// A direction's or project's own funding line (项目资金), named by its table's `execution "…"`
    /// and sums.
    Fund,
}

/// A name written in the text: where it is defined, or a use of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub kind: NameKind,
    pub value: String,
    /// The string as written, quotes included.
    pub span: Span,
    pub is_definition: bool,
    /// The table a name belongs to, for the names that are a table's own (indicators): the
    /// innermost direction's span, `None` for the department's table and for every other kind.
    pub table: Option<Span>,
}

/// Every definition and use of a name in the parts of the text that parse, in order.
pub fn names(a: &Analysis) -> Vec<Name> {
    let mut out = Vec::new();
    let Some(file) = &a.file else {
        return out;
    };
    let mut tasks = Vec::new();
    for item in &file.items {
        match item {
            Item::Income(l) => line(l, NameKind::IncomeLine, &mut out),
            Item::Spending(l) => line(l, NameKind::SpendingLine, &mut out),
            Item::Indicator(i) => indicator(i, None, &mut out),
            Item::Direction(d) => direction(d, &mut out),
            Item::Task(t) => tasks.push(&t.funded_by),
            Item::Achieved(a) => out.push(achieved(a, None)),
            Item::Execution(x) => {
                out.extend(x.line.iter().map(|l| use_of(NameKind::IncomeLine, l)))
            }
            _ => {}
        }
    }
    // What funds a task: a direction or project of that name, else a spending line (基本支出).
    for funded_by in tasks {
        let defined = |kind| {
            out.iter()
                .any(|n| n.is_definition && n.kind == kind && n.value == funded_by.value)
        };
        let kind = if !defined(NameKind::Direction) && defined(NameKind::SpendingLine) {
            NameKind::SpendingLine
        } else {
            NameKind::Direction
        };
        out.push(use_of(kind, funded_by));
    }
    out.sort_by_key(|n| n.span.start);
    out
}

fn achieved(a: &ast::Achieved, table: Option<Span>) -> Name {
    Name {
        table,
        ..use_of(NameKind::Indicator, &a.name)
    }
}

fn def(kind: NameKind, t: &ast::Text) -> Name {
    Name {
        kind,
        value: t.value.clone(),
        span: t.span,
        is_definition: true,
        table: None,
    }
}

fn use_of(kind: NameKind, t: &ast::Text) -> Name {
    Name {
        is_definition: false,
        ..def(kind, t)
    }
}

/// A breakdown line (and its 其中 lines), with the names its sum refers to.
fn line(l: &ast::Line, kind: NameKind, out: &mut Vec<Name>) {
    out.push(def(kind, &l.name));
    if let Some(ast::Derivation::Sum(parts)) = &l.derivation {
        out.extend(parts.iter().map(|p| use_of(kind, p)));
    }
    for c in &l.children {
        line(c, kind, out);
    }
}

fn indicator(i: &ast::Indicator, table: Option<Span>, out: &mut Vec<Name>) {
    if i.horizon == ast::Horizon::Annual {
        out.push(Name {
            table,
            ..def(NameKind::Indicator, &i.name)
        });
    }
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
            DirectionItem::Indicator(i) => indicator(i, Some(d.span), out),
            DirectionItem::Achieved(a) => out.push(achieved(a, Some(d.span))),
            DirectionItem::Direction(sub) => direction(sub, out),
            DirectionItem::Income(l) => {
                let start = out.len();
                line(l, NameKind::Fund, out);
                for n in out.iter_mut().skip(start) {
                    n.table = Some(d.span);
                }
            }
            DirectionItem::Execution(x) => out.extend(x.line.iter().map(|l| Name {
                table: Some(d.span),
                ..use_of(NameKind::Fund, l)
            })),
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
        .find(|n| n.is_definition && same(n, at))
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
        .filter(|n| same(n, at))
        .filter(|n| with_definition || !n.is_definition)
        .map(|n| n.span)
        .collect()
}

/// Whether two names name the same thing: same kind and value, and for a table's own names, the same
/// table.
fn same(a: &Name, b: &Name) -> bool {
    a.kind == b.kind && a.value == b.value && a.table == b.table
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
