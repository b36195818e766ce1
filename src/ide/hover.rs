//! Hover: how a figure was derived, where a category sits in the framework, what a code means.

use super::analysis::{Analysis, Figure, money};
use super::{touches, word_at};
use crate::codes::Code;
use crate::domain::{Money, MoneyUnit};
use crate::messages::{self as msg, Lang, Text};
use crate::model::{Declaration, Direction, Indicator, Line};
use crate::source::Span;

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
    (w.len() == 5 && w.starts_with(['B', 'b'])).then(|| crate::registry::parse(w))?
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
        if let Some(found) = on_line(l, offset) {
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
        let shown = |v: Option<Money>| v.map_or("—".to_string(), money);
        return Some((
            t.span,
            vec![
                msg::hover_declared(&money(t.value)),
                msg::hover_total_of_breakdowns(
                    &shown(decl.income_total()),
                    &shown(decl.spending_total()),
                ),
            ],
        ));
    }
    None
}

fn on_direction(d: &Direction, unit: MoneyUnit, offset: usize) -> Option<(Span, Vec<Text>)> {
    for c in &d.costs {
        if touches(c.span, offset) {
            let f = Figure::cost(c, unit);
            let name = c.label.as_ref().map_or(&d.name.value, |l| &l.value);
            return Some((
                c.span,
                vec![
                    msg::hover_figure(name, &f.shown),
                    msg::hover_computed(&f.how),
                ],
            ));
        }
    }
    let on_declared = d.declared.as_ref().is_some_and(|x| touches(x.span, offset));
    if !touches(d.name.span, offset) && !on_declared {
        return None;
    }
    let shown = d.amount.map_or("—".to_string(), money);
    let mut texts = vec![msg::hover_figure(&d.name.value, &shown)];
    match (&d.derived, &d.declared) {
        (Some(derived), declared) => {
            let f = Figure::derived(derived);
            texts.push(msg::hover_sum(&f.how, &f.shown));
            if let Some(v) = declared {
                texts.push(msg::hover_declared(&money(v.value)));
            }
        }
        (None, Some(v)) => texts.push(msg::hover_declared_only(&money(v.value))),
        (None, None) => {}
    }
    Some((d.name.span, texts))
}

fn on_line(l: &Line, offset: usize) -> Option<(Span, Vec<Text>)> {
    for c in &l.children {
        if let Some(found) = on_line(c, offset) {
            return Some(found);
        }
    }
    // The name, or anywhere on a line without 其中 lines (its figure, `= directions`, `= "A" + "B"`).
    let on_it = touches(l.name.span, offset) || (l.children.is_empty() && touches(l.span, offset));
    if !on_it {
        return None;
    }
    let shown = l.amount.map_or("—".to_string(), money);
    let mut texts = vec![msg::hover_figure(&l.name.value, &shown)];
    if let Some(derived) = &l.derived {
        let f = Figure::derived(derived);
        texts.push(msg::hover_sum(&f.how, &f.shown));
    }
    if let Some(v) = &l.declared {
        texts.push(msg::hover_declared(&money(v.value)));
    }
    Some((l.name.span, texts))
}

fn on_indicator(decl: &Declaration, i: &Indicator, offset: usize) -> Option<(Span, Vec<Text>)> {
    if let Some((r, _)) = super::analysis::reference_of(&i.value)
        && touches(r.span, offset)
    {
        let f = Figure::reference(r);
        return Some((
            r.span,
            vec![
                msg::hover_figure(&r.written, &f.shown),
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
