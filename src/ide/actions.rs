//! Quick fixes from what the compiler already knows: a misspelt keyword or category, full-width
//! punctuation, a declared figure that differs from its derivation, a missing satisfaction
//! indicator, a reference to a name that does not exist.

use super::Edit;
use super::analysis::Analysis;
use super::navigation::{self, NameKind};
use crate::diagnostic::Diagnostic;
use crate::domain::Money;
use crate::domain::framework::{self, Role};
use crate::messages::{self as msg, Text};
use crate::model::{Declaration, Line, Value};
use crate::present::figures;
use crate::source::Span;
use crate::syntax::{ast, mistakes, scan};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: Text,
    pub edits: Vec<Edit>,
    /// The diagnostic it fixes (an index into [`Analysis::diagnostics`]).
    pub diagnostic: usize,
    /// The one fix an editor may apply without asking.
    pub preferred: bool,
}

/// The fixes of every diagnostic that overlaps `span`.
pub fn fixes(a: &Analysis, span: Span) -> Vec<Fix> {
    let mut out = Vec::new();
    for (i, d) in a.diagnostics.iter().enumerate() {
        if d.span.end < span.start || span.end < d.span.start {
            continue;
        }
        let mut found = fixes_of(a, d);
        for (n, f) in found.iter_mut().enumerate() {
            f.diagnostic = i;
            f.preferred = n == 0;
        }
        out.extend(found);
    }
    out
}

fn fix(title: Text, span: Span, text: impl Into<String>) -> Fix {
    Fix {
        title,
        edits: vec![Edit {
            span,
            text: text.into(),
        }],
        diagnostic: 0,
        preferred: false,
    }
}

fn fixes_of(a: &Analysis, d: &Diagnostic) -> Vec<Fix> {
    let src = &a.src;
    let written = src.get(d.span.start..d.span.end).unwrap_or_default();
    let decl = a.declaration.as_ref();
    // Codes by their stable names: each is defined next to the stage that reports it.
    match d.code.as_str() {
        "B1014" => mistakes::suggest_keyword(written)
            .map(|k| fix(msg::fix_replace(written, &k), d.span, k))
            .into_iter()
            .collect(),
        "B4001" => decl
            .map(|m| m.framework.suggest_category(written))
            .unwrap_or_default()
            .into_iter()
            .map(|c| fix(msg::fix_replace(written, &c), d.span, c))
            .collect(),
        "B4003" => decl
            .map(|m| m.framework.suggest_tier(written))
            .unwrap_or_default()
            .into_iter()
            .map(|c| fix(msg::fix_replace(written, &c), d.span, c))
            .collect(),
        "B1010" => {
            let (start, end) = scan::line_around(src, d.span.start);
            let line = src.get(start..end).unwrap_or_default();
            let code = line.trim_end();
            let fixed = mistakes::fix_line(line);
            vec![fix(
                msg::fix_half_width(),
                Span::new(start, start + code.len()),
                fixed,
            )]
        }
        "B3001" | "B3003" | "B3010" => decl
            .and_then(|m| derived_for(m, d).and_then(|v| v.amount_in(m.unit).ok()))
            .map(|v| {
                let shown = figures::exact(v);
                fix(msg::fix_use_derived(written, &shown), d.span, shown)
            })
            .into_iter()
            .collect(),
        "B4010" => decl
            .and_then(|m| written_quantity_fix(&a.src, m, d.span))
            .into_iter()
            .collect(),
        "B4031" => decl
            .and_then(|m| add_satisfaction(a, m, d.span))
            .into_iter()
            .collect(),
        "B2001" => nearest_name(a, d.span).into_iter().collect(),
        "B2030" => decl
            .and_then(|m| year_end_name(a, m, d.span))
            .into_iter()
            .collect(),
        "B4060" => decl
            .and_then(|m| add_achieved(a, m, d.span))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// The derived figure of the declared one a diagnostic is about: a direction's, a line's, or the
/// total as the breakdown the diagnostic compares it with (the one its other places point at).
fn derived_for(decl: &Declaration, d: &Diagnostic) -> Option<Money> {
    let span = d.span;
    for (_, d) in decl.all_directions() {
        if d.declared.as_ref().is_some_and(|x| x.span == span) {
            return d.derived.as_ref().map(|x| x.value);
        }
        if let Some(l) = line_declared_at(&d.funds, span) {
            return l.derived.as_ref().map(|x| x.value);
        }
    }
    if let Some(l) =
        line_declared_at(&decl.income, span).or_else(|| line_declared_at(&decl.spending, span))
    {
        return l.derived.as_ref().map(|x| x.value);
    }
    if decl.declared_total.as_ref().is_some_and(|t| t.span == span) {
        let first = d.labels.first().map(|l| l.span);
        let about_spending = decl
            .spending
            .iter()
            .any(|l| first.is_some_and(|f| l.span.start <= f.start && f.end <= l.span.end));
        return if about_spending || decl.income.is_empty() {
            decl.spending_total()
        } else {
            decl.income_total()
        };
    }
    None
}

fn line_declared_at(lines: &[Line], span: Span) -> Option<&Line> {
    for l in lines {
        if l.declared.as_ref().is_some_and(|x| x.span == span) {
            return Some(l);
        }
        if let Some(found) = line_declared_at(&l.children, span) {
            return Some(found);
        }
    }
    None
}

/// `= 50人 from people` whose people come to 8: the written number becomes the derived one.
fn written_quantity_fix(src: &str, decl: &Declaration, value: Span) -> Option<Fix> {
    let indicators = decl.indicators.iter().chain(
        decl.all_directions()
            .into_iter()
            .flat_map(|(_, d)| &d.indicators),
    );
    for i in indicators {
        if let Value::Quantity {
            number_text: Some(text),
            reference: Some(r),
            span,
            ..
        } = &i.value
            && *span == value
        {
            let written = src.get(span.start..span.end)?;
            let at = span.start + written.find(text.as_str())?;
            let derived = figures::exact(r.value.number());
            return Some(fix(
                msg::fix_use_derived(text, &derived),
                Span::new(at, at + text.len()),
                derived,
            ));
        }
    }
    None
}

/// A satisfaction indicator added after the last indicator of the table the diagnostic is about.
fn add_satisfaction(a: &Analysis, decl: &Declaration, at: Span) -> Option<Fix> {
    let file = a.file.as_ref()?;
    let category = decl
        .framework
        .slots()
        .find(|(_, _, c)| c.role == Some(Role::Satisfaction))
        .map(|(_, _, c)| c.name.clone())?;
    let indicators = table_indicators(&file.items, at)?;
    let last = indicators.last()?;
    let (start, end) = scan::line_around(&a.src, last.span.start);
    let line = a.src.get(start..end).unwrap_or_default();
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let text = format!(
        "\n{indent}indicator {category} \"{}\" >= 90%",
        msg::satisfaction_indicator_name()
    );
    let end = start + line.trim_end_matches(['\r', '\n']).len();
    Some(fix(
        msg::fix_add_satisfaction(&category),
        Span::new(end, end),
        text,
    ))
}

/// The innermost direction or project whose block holds `at`; `None` at the file's top level.
fn innermost_direction(items: &[ast::Item], at: Span) -> Option<&ast::Direction> {
    fn within(d: &ast::Direction, at: Span) -> Option<&ast::Direction> {
        if !(d.span.start <= at.start && at.end <= d.span.end) {
            return None;
        }
        let deeper = d.items.iter().find_map(|item| match item {
            ast::DirectionItem::Direction(sub) => within(sub, at),
            _ => None,
        });
        Some(deeper.unwrap_or(d))
    }
    items.iter().find_map(|item| match item {
        ast::Item::Direction(d) => within(d, at),
        _ => None,
    })
}

/// The indicators of the table the span names: the direction whose name it is (or that holds it),
/// else the department's.
fn table_indicators(items: &[ast::Item], at: Span) -> Option<Vec<&ast::Indicator>> {
    Some(match innermost_direction(items, at) {
        Some(d) => d
            .items
            .iter()
            .filter_map(|i| match i {
                ast::DirectionItem::Indicator(x) => Some(x),
                _ => None,
            })
            .collect(),
        None => items
            .iter()
            .filter_map(|i| match i {
                ast::Item::Indicator(x) => Some(x),
                _ => None,
            })
            .collect(),
    })
}

/// An unknown name replaced by the nearest defined one of the same kind.
fn nearest_name(a: &Analysis, span: Span) -> Option<Fix> {
    let names = navigation::names(a);
    let at = names.iter().find(|n| {
        !n.is_definition && n.span.start < span.end.max(span.start + 1) && span.start < n.span.end
    })?;
    // A task may be funded by a direction or project or by a spending line (基本支出).
    let funds_a_task = a.file.as_ref().is_some_and(|f| {
        f.items
            .iter()
            .any(|i| matches!(i, ast::Item::Task(t) if t.funded_by.span == at.span))
    });
    let kinds = if funds_a_task {
        vec![NameKind::Direction, NameKind::SpendingLine]
    } else {
        vec![at.kind]
    };
    let candidates: Vec<String> = kinds
        .into_iter()
        .flat_map(|k| navigation::defined(a, k))
        .filter(|n| *n != at.value)
        .collect();
    let best = framework::suggest(&at.value, &candidates)
        .into_iter()
        .next()?;
    let quoted = format!("\"{best}\"");
    let written = a.src.get(at.span.start..at.span.end).unwrap_or_default();
    Some(fix(msg::fix_replace(written, &quoted), at.span, quoted))
}

/// Whether the quoted name at `span` is that of an `achieved` line (true) or of an `execution "…"`
/// line (false); `None` for anything else (B2030 also marks a whole line without a table).
fn year_end_fact_at(items: &[ast::Item], span: Span) -> Option<bool> {
    fn in_direction(d: &ast::Direction, span: Span) -> Option<bool> {
        d.items.iter().find_map(|i| match i {
            ast::DirectionItem::Achieved(x) if x.name.span == span => Some(true),
            ast::DirectionItem::Execution(x) if x.line.as_ref().is_some_and(|l| l.span == span) => {
                Some(false)
            }
            ast::DirectionItem::Direction(sub) => in_direction(sub, span),
            _ => None,
        })
    }
    items.iter().find_map(|i| match i {
        ast::Item::Achieved(x) if x.name.span == span => Some(true),
        ast::Item::Execution(x) if x.line.as_ref().is_some_and(|l| l.span == span) => Some(false),
        ast::Item::Direction(d) => in_direction(d, span),
        _ => None,
    })
}

/// B2030: the name replaced by the nearest one of the same table — the name its help already offers.
fn year_end_name(a: &Analysis, decl: &Declaration, span: Span) -> Option<Fix> {
    let is_indicator = year_end_fact_at(&a.file.as_ref()?.items, span)?;
    let written = a.src.get(span.start..span.end)?;
    let (indicators, lines) = super::analysis::table_at(decl, span);
    let known = crate::lower::year_end::known_names(indicators, lines, is_indicator);
    let name = written.trim_matches('"');
    let best = crate::domain::framework::suggest(name, &known)
        .into_iter()
        .next()?;
    let quoted = crate::import::text::quoted(&best);
    Some(fix(msg::fix_replace(written, &quoted), span, quoted))
}

/// B4060 on an indicator: an `achieved "NAME" ` line to complete with the value, placed among the
/// table's `achieved` lines in the indicators' order (after the previous indicator's, else before the
/// next one's), or after the table's last line when it has none yet.
fn add_achieved(a: &Analysis, decl: &Declaration, at: Span) -> Option<Fix> {
    let (indicators, _) = super::analysis::table_at(decl, at);
    let pos = indicators.iter().position(|i| i.span == at)?;
    let ind = indicators.get(pos)?;
    let src = &a.src;
    let (ind_start, ind_end) = scan::line_around(src, ind.span.start);
    let ind_line = src.get(ind_start..ind_end).unwrap_or_default();
    let indent: String = ind_line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let new = format!("achieved {} ", crate::import::text::quoted(&ind.name.value));
    let title = msg::fix_add_achieved(&ind.name.value);
    let earlier = indicators.get(..pos).unwrap_or_default();
    let later = indicators.get(pos + 1..).unwrap_or_default();
    let after = |span: Span| {
        let (start, end) = scan::line_around(src, span.start);
        let line = src.get(start..end).unwrap_or_default();
        start + line.trim_end_matches(['\r', '\n']).len()
    };
    if let Some(prev) = earlier.iter().rev().find_map(|i| i.achieved.as_ref()) {
        let end = after(prev.span);
        return Some(fix(title, Span::new(end, end), format!("\n{indent}{new}")));
    }
    if let Some(next) = later.iter().find_map(|i| i.achieved.as_ref()) {
        let (start, _) = scan::line_around(src, next.span.start);
        return Some(fix(
            title,
            Span::new(start, start),
            format!("{indent}{new}\n"),
        ));
    }
    // No `achieved` line yet: after the table's last line (its block's, or the file's).
    let file = a.file.as_ref()?;
    let last = last_item_end(&file.items, at)?;
    let code = src.get(..last).unwrap_or_default().trim_end().len();
    let end = after(Span::new(code.saturating_sub(1), code));
    Some(fix(title, Span::new(end, end), format!("\n{indent}{new}")))
}

/// The end of the last item of the table holding `at`: the innermost direction's block, else the
/// file's top level.
fn last_item_end(items: &[ast::Item], at: Span) -> Option<usize> {
    match innermost_direction(items, at) {
        Some(d) => d.items.last().map(direction_item_end),
        None => items.last().map(item_end),
    }
}

fn item_end(i: &ast::Item) -> usize {
    use ast::Item as I;
    match i {
        I::Year { span, .. }
        | I::Unit { span, .. }
        | I::Precision { span, .. }
        | I::Total { span, .. } => span.end,
        I::Filer(t) | I::Department(t) | I::Duty(t) | I::Goal(t) | I::Form(t) | I::Outcome(t) => {
            t.span.end
        }
        I::Framework(ast::FrameworkDecl::Profile(t)) => t.span.end,
        I::Framework(ast::FrameworkDecl::Custom { span, .. }) => span.end,
        I::Income(l) | I::Spending(l) => l.span.end,
        I::Plan(p) => p.span.end,
        I::Task(t) => t.span.end,
        I::Indicator(x) => x.span.end,
        I::Direction(d) => d.span.end,
        I::Scores(x) => x.span.end,
        I::Admin(x) => x.span.end,
        I::Achieved(x) => x.span.end,
        I::Execution(x) => x.span.end,
        I::Profile(x) => x.span.end,
    }
}

fn direction_item_end(i: &ast::DirectionItem) -> usize {
    use ast::DirectionItem as D;
    match i {
        D::Special(t)
        | D::Kind(t)
        | D::Period(t)
        | D::Goal(t)
        | D::Annual(t)
        | D::SummaryGoal(t)
        | D::SummaryAnnual(t)
        | D::Outcome(t) => t.span.end,
        D::Amount { span, .. } | D::TotalBudget { span, .. } => span.end,
        D::Cost(c) => c.span.end,
        D::Indicator(x) => x.span.end,
        D::Income(l) => l.span.end,
        D::Direction(d) => d.span.end,
        D::Admin(x) => x.span.end,
        D::Share(x) => x.span.end,
        D::Scores(x) => x.span.end,
        D::Earlier(x) => x.span.end,
        D::Achieved(x) => x.span.end,
        D::Execution(x) => x.span.end,
    }
}
