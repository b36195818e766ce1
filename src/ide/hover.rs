//! Hover: how a figure was derived, where a category sits in the framework, what a code means.

use super::analysis::{Analysis, Figure};
use super::{touches, word_at};
use crate::codes::Code;
use crate::messages::{self as msg, Lang, Text};
use crate::model::{Declaration, Direction, Indicator, Line, Value};
use crate::money;
use crate::source::Span;
use crate::syntax::ast::MoneyUnit;

/// What to show for a place: Markdown, and the span it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    pub span: Span,
    pub markdown: String,
}

pub fn hover(a: &Analysis, offset: usize, lang: Lang) -> Option<Hover> {
    let word = word_at(&a.src, offset);
    if let Some(code) = a.src.get(word.start..word.end).and_then(code_token) {
        return Some(Hover {
            span: word,
            markdown: code_text(code).get(lang).to_string(),
        });
    }
    if let Some(decl) = &a.declaration
        && let Some((span, texts)) = on_model(decl, offset)
    {
        let lines: Vec<&str> = texts.iter().map(|t| t.get(lang)).collect();
        return Some(Hover {
            span,
            markdown: lines.join("\n\n"),
        });
    }
    if let Some(left) = a.left_out.iter().find(|s| touches(**s, offset)) {
        let mut text = msg::hover_left_out().get(lang).to_string();
        for d in a
            .diagnostics
            .iter()
            .filter(|d| left.start <= d.span.start && d.span.start <= left.end)
        {
            text.push_str("\n\n");
            text.push_str(code_text(d.code).get(lang));
        }
        return Some(Hover {
            span: *left,
            markdown: text,
        });
    }
    let d = a.diagnostics.iter().find(|d| touches(d.span, offset))?;
    Some(Hover {
        span: d.span,
        markdown: code_text(d.code).get(lang).to_string(),
    })
}

/// `B3010` written in the text (a comment, a note): a code bdl knows.
fn code_token(word: &str) -> Option<Code> {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    (w.len() == 5 && w.starts_with(['B', 'b'])).then(|| Code::parse(w))?
}

/// A code's title and its page's summary (the English "What it means" paragraph, the Chinese
/// one-line summary).
pub fn code_text(code: Code) -> Text {
    let page = code.page();
    let zh = page
        .lines()
        .find_map(|l| l.strip_prefix("> 一句话说明："))
        .unwrap_or_default()
        .trim();
    let en: Vec<&str> = page
        .split("## What it means")
        .nth(1)
        .unwrap_or_default()
        .trim_start()
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .collect();
    msg::hover_code(code.as_str(), code.title(), &en.join(" "), zh)
}

fn on_model(decl: &Declaration, offset: usize) -> Option<(Span, Vec<Text>)> {
    let unit = money::unit_name(decl.unit);
    for (_, d) in decl.all_directions() {
        if let Some(found) = on_direction(d, decl.unit, offset) {
            return Some(found);
        }
    }
    let lines = decl.income.iter().chain(&decl.spending).chain(
        decl.all_directions()
            .into_iter()
            .flat_map(|(_, d)| &d.funds),
    );
    for l in lines {
        if let Some(found) = on_line(l, unit, offset) {
            return Some(found);
        }
    }
    let indicators = decl.indicators.iter().chain(
        decl.all_directions()
            .into_iter()
            .flat_map(|(_, d)| &d.indicators),
    );
    for i in indicators {
        if let Some(found) = on_indicator(decl, i, offset) {
            return Some(found);
        }
    }
    if let Some(t) = &decl.declared_total
        && touches(t.span, offset)
    {
        let shown = |v: Option<rust_decimal::Decimal>| {
            v.map_or("—".to_string(), |v| format!("{}{unit}", money::exact(v)))
        };
        return Some((
            t.span,
            vec![
                msg::hover_declared(&format!("{}{unit}", money::exact(t.value))),
                msg::hover_total_of_breakdowns(
                    &shown(decl.income_total()),
                    &shown(decl.spending_total()),
                ),
            ],
        ));
    }
    None
}

fn on_direction(d: &Direction, doc_unit: MoneyUnit, offset: usize) -> Option<(Span, Vec<Text>)> {
    let unit = money::unit_name(doc_unit);
    for c in &d.costs {
        if touches(c.span, offset) {
            let f = Figure::new(&c.derived, "元");
            let name = c.label.as_ref().map_or(&d.name.value, |l| &l.value);
            let in_unit = money::convert(c.yuan, MoneyUnit::Yuan, doc_unit).unwrap_or(c.yuan);
            return Some((
                c.span,
                vec![
                    msg::hover_figure(name, &format!("{}{unit}", money::exact(in_unit))),
                    msg::hover_computed(&f.how),
                ],
            ));
        }
    }
    if !touches(d.name.span, offset) {
        return None;
    }
    let shown = format!("{}{unit}", money::exact(d.amount));
    let mut texts = vec![msg::hover_figure(&d.name.value, &shown)];
    match (&d.derived, &d.declared) {
        (Some(derived), declared) => {
            let f = Figure::new(derived, unit);
            texts.push(msg::hover_sum(&f.how, &f.shown()));
            if let Some(v) = declared {
                texts.push(msg::hover_declared(&format!(
                    "{}{unit}",
                    money::exact(v.value)
                )));
            }
        }
        (None, Some(v)) => texts.push(msg::hover_declared_only(&format!(
            "{}{unit}",
            money::exact(v.value)
        ))),
        (None, None) => {}
    }
    Some((d.name.span, texts))
}

fn on_line(l: &Line, unit: &str, offset: usize) -> Option<(Span, Vec<Text>)> {
    for c in &l.children {
        if let Some(found) = on_line(c, unit, offset) {
            return Some(found);
        }
    }
    if !touches(l.name.span, offset) {
        return None;
    }
    let mut texts = vec![msg::hover_figure(
        &l.name.value,
        &format!("{}{unit}", money::exact(l.amount)),
    )];
    if let Some(derived) = &l.derived {
        let f = Figure::new(derived, unit);
        texts.push(msg::hover_sum(&f.how, &f.shown()));
    }
    if let Some(v) = &l.declared {
        texts.push(msg::hover_declared(&format!(
            "{}{unit}",
            money::exact(v.value)
        )));
    }
    Some((l.name.span, texts))
}

fn on_indicator(decl: &Declaration, i: &Indicator, offset: usize) -> Option<(Span, Vec<Text>)> {
    if let Value::Quantity {
        reference: Some(r), ..
    } = &i.value
        && touches(r.span, offset)
    {
        let f = Figure::new(&r.derived, &r.unit);
        return Some((
            r.span,
            vec![
                msg::hover_figure(&r.written, &f.shown()),
                msg::hover_computed(&f.how),
            ],
        ));
    }
    if !touches(i.level2_written.span, offset) {
        return None;
    }
    let written = &i.level2_written.value;
    let text = match i.slot {
        Some(slot) => {
            let tier = decl.framework.tiers.get(slot.tier)?;
            let cat = decl.framework.category(slot)?;
            msg::hover_category(&decl.framework.name, &tier.name, &cat.name, written)
        }
        None => msg::hover_unknown_category(&decl.framework.name),
    };
    Some((i.level2_written.span, vec![text]))
}
