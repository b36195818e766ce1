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

/// The indicators of the table the span names: the direction whose name it is (or that holds it),
/// else the department's.
fn table_indicators(items: &[ast::Item], at: Span) -> Option<Vec<&ast::Indicator>> {
    fn in_direction(d: &ast::Direction, at: Span) -> Option<Vec<&ast::Indicator>> {
        if !(d.span.start <= at.start && at.end <= d.span.end) {
            return None;
        }
        for item in &d.items {
            if let ast::DirectionItem::Direction(sub) = item
                && let Some(found) = in_direction(sub, at)
            {
                return Some(found);
            }
        }
        Some(
            d.items
                .iter()
                .filter_map(|i| match i {
                    ast::DirectionItem::Indicator(x) => Some(x),
                    _ => None,
                })
                .collect(),
        )
    }
    for item in items {
        if let ast::Item::Direction(d) = item
            && let Some(found) = in_direction(d, at)
        {
            return Some(found);
        }
    }
    Some(
        items
            .iter()
            .filter_map(|i| match i {
                ast::Item::Indicator(x) => Some(x),
                _ => None,
            })
            .collect(),
    )
}

/// An unknown name replaced by the nearest defined one of the same kind.
fn nearest_name(a: &Analysis, span: Span) -> Option<Fix> {
    let names = navigation::names(a);
    let at = names.iter().find(|n| {
        !n.is_definition && n.span.start < span.end.max(span.start + 1) && span.start < n.span.end
    })?;
    let kinds = match at.kind {
        NameKind::Direction => vec![NameKind::Direction],
        k => vec![k],
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
