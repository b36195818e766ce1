//! The outline: the header, the two breakdowns with their lines, the annual tasks with their content
//! and sources, the department's indicators, its year-end facts, and every direction and project with
//! its costs, indicators, sub-directions and year-end facts (execution with its rate, each achieved
//! value with its score).

use super::analysis::Analysis;
use super::analysis::{Figure, money};
use crate::domain::DirectionKind;
use crate::messages::{self as msg, Lang};
use crate::model::Declaration;
use crate::present::figures::{display, display_fixed};
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
    /// A 年度主要任务 row.
    Task,
    /// A year-end fact (`execution`, `achieved`, `outcome`).
    YearEnd,
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
    let amounts = a
        .declaration
        .as_ref()
        .map(|d| amounts(d, lang))
        .unwrap_or_default();
    let decl = &amounts;
    let src = &a.src;
    let mut header = Vec::new();
    let mut income = Vec::new();
    let mut spending = Vec::new();
    let mut indicators = Vec::new();
    let mut tasks = Vec::new();
    let mut year_end = Vec::new();
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
            Item::Direction(d) => out.push(direction(src, d, decl, lang)),
            // How the year-end facts are scored: with them, wherever it is written (it often stands
            // beside them, after the directions, and would stretch the header over the whole file).
            Item::Profile(p) => year_end.push(fact(src, p.span)),
            Item::Task(t) => tasks.push(task(src, t, decl)),
            Item::Achieved(x) => year_end.push(achieved(x, decl)),
            Item::Execution(x) => year_end.push(execution(src, x, decl)),
            Item::Outcome(t) => year_end.push(fact(src, line_of(src, t.span))),
            Item::Duty(_) | Item::Plan(_) | Item::Goal(_) => {}
        }
    }
    let mut groups = Vec::new();
    for (name, children) in [
        (msg::symbol_header(), header),
        (msg::symbol_income(), income),
        (msg::symbol_spending(), spending),
        (msg::symbol_tasks(), tasks),
        (msg::symbol_indicators(), indicators),
        (msg::symbol_year_end(), year_end),
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

/// The amount of every line and direction by the span of its name, in the document's unit; of every
/// task, and the figures and score of every year-end line, by the span of the statement.
fn amounts(decl: &Declaration, lang: Lang) -> HashMap<Span, String> {
    let mut out = HashMap::new();
    for t in &decl.tasks {
        if let Some(m) = t.amount {
            out.insert(t.span, money(m));
        }
        lines(&t.funds, &mut out);
    }
    let scores: HashMap<Span, super::analysis::LineScore> = super::analysis::line_scores(decl)
        .into_iter()
        .map(|s| (s.line, s))
        .collect();
    let score = |span: Span| {
        scores.get(&span).map(|s| {
            msg::symbol_score(&display_fixed(s.score, 2), &display(s.points, 2))
                .get(lang)
                .to_string()
        })
    };
    let directions = decl.all_directions();
    let year_ends =
        std::iter::once(&decl.year_end).chain(directions.iter().map(|(_, d)| &d.year_end));
    for x in year_ends.flat_map(|y| &y.executions) {
        let rate = crate::score::execution_rate(x).map(|r| display(r, 2));
        let figures = msg::symbol_execution(
            &money(x.spent.value),
            &money(x.budget.value),
            rate.as_deref(),
        );
        let detail = [Some(figures.get(lang).to_string()), score(x.span)];
        out.insert(
            x.span,
            detail.into_iter().flatten().collect::<Vec<_>>().join(" · "),
        );
    }
    let indicators = decl
        .indicators
        .iter()
        .chain(directions.iter().flat_map(|(_, d)| &d.indicators));
    for a in indicators.filter_map(|i| i.achieved.as_ref()) {
        let detail = [Some(a.value.text().to_string()), score(a.span)];
        out.insert(
            a.span,
            detail.into_iter().flatten().collect::<Vec<_>>().join(" · "),
        );
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

fn lines(ls: &[crate::model::Line], out: &mut HashMap<Span, String>) {
    for l in ls {
        if let Some(m) = l.amount {
            out.insert(l.name.span, money(m));
        }
        lines(&l.children, out);
    }
}

/// A 年度主要任务 row: its name, its amount, its content and its sources.
fn task(src: &str, t: &ast::Task, amounts: &HashMap<Span, String>) -> Symbol {
    let children = t
        .items
        .iter()
        .map(|i| match i {
            ast::TaskItem::Content(c) => fact(src, line_of(src, c.span)),
            ast::TaskItem::Income(l) => line(l, amounts),
        })
        .collect();
    Symbol {
        name: t.task.value.clone(),
        detail: amounts.get(&t.span).cloned(),
        kind: SymbolKind::Task,
        span: t.span,
        selection: t.task.span,
        children,
    }
}

/// An `achieved` line: the indicator's name, the value and the score.
fn achieved(a: &ast::Achieved, amounts: &HashMap<Span, String>) -> Symbol {
    Symbol {
        name: a.name.value.clone(),
        detail: amounts.get(&a.span).cloned(),
        kind: SymbolKind::YearEnd,
        span: a.span,
        selection: a.name.span,
        children: Vec::new(),
    }
}

/// An `execution` line: the table's or a funding line's, with its figures, rate and score.
fn execution(src: &str, x: &ast::Execution, amounts: &HashMap<Span, String>) -> Symbol {
    let whole = line_of(src, x.span);
    Symbol {
        name: x.line.as_ref().map_or_else(
            || "execution".to_string(),
            |l| format!("execution {}", l.value),
        ),
        detail: amounts.get(&x.span).cloned(),
        kind: SymbolKind::YearEnd,
        span: x.span,
        selection: x.line.as_ref().map_or(whole, |l| l.span),
        children: Vec::new(),
    }
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

fn direction(src: &str, d: &ast::Direction, decl: &HashMap<Span, String>, lang: Lang) -> Symbol {
    let amount = decl.get(&d.name.span).cloned();
    let mut children = Vec::new();
    let mut year_end = Vec::new();
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
            DirectionItem::Direction(sub) => children.push(direction(src, sub, decl, lang)),
            DirectionItem::Achieved(x) => year_end.push(achieved(x, decl)),
            DirectionItem::Execution(x) => year_end.push(execution(src, x, decl)),
            DirectionItem::Outcome(t) => year_end.push(fact(src, line_of(src, t.span))),
            _ => {}
        }
    }
    children.extend(group(msg::symbol_year_end().get(lang), year_end));
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
