//! Hover: how a figure was derived, where a category sits in the framework, what a code means.

use super::analysis::{Analysis, Figure, money};
use super::{touches, word_at};
use crate::codes::Code;
use crate::domain::{Money, MoneyUnit};
use crate::messages::{self as msg, Lang, Text};
use crate::model::{Declaration, Direction, EarlierFigure, Indicator, Line, Scores};
use crate::present::figures::{display, display_fixed, exact};
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
    // Earlier-year figures first: they stand inside the lines and costs that hover below.
    if let Some(found) = on_earlier(decl, offset)
        .or_else(|| on_year_end(decl, offset))
        .or_else(|| on_task(decl, offset))
        .or_else(|| on_scores(decl, offset))
        .or_else(|| on_profile(decl, offset))
    {
        return Some(found);
    }
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

/// `achieved` (target → actual, the rule and the score) and `execution` (budget, spent, rate, and the
/// total row's score) lines, anywhere on the line (its name, value, `reason`, `score`).
fn on_year_end(decl: &Declaration, offset: usize) -> Option<(Span, Vec<Text>)> {
    let directions = decl.all_directions();
    let score_of = |line: Span| {
        super::analysis::line_scores(decl)
            .into_iter()
            .find(|s| s.line == line)
    };
    let score_text = |s: &super::analysis::LineScore| {
        msg::hover_score(
            &display_fixed(s.score, 2),
            &display(s.points, 2),
            &s.rule,
            &s.how,
        )
    };
    let indicators = decl
        .indicators
        .iter()
        .chain(directions.iter().flat_map(|(_, d)| &d.indicators));
    for i in indicators {
        let Some(a) = i.achieved.as_ref().filter(|a| touches(a.span, offset)) else {
            continue;
        };
        let target = crate::present::values::value_text(decl, &i.value);
        let mut texts = vec![msg::hover_achieved(&i.name.value, &target, a.value.text())];
        if let Some(s) = score_of(a.span) {
            texts.push(score_text(&s));
            if let Some(typed) = &a.score {
                texts.push(msg::hover_typed_score(&exact(typed.value), s.contradicted));
            }
        }
        return Some((a.span, texts));
    }
    let year_ends =
        std::iter::once(&decl.year_end).chain(directions.iter().map(|(_, d)| &d.year_end));
    for x in year_ends.flat_map(|y| &y.executions) {
        if !touches(x.span, offset) {
            continue;
        }
        let rate = crate::score::execution_rate(x).map(|r| display(r, 2));
        let mut texts = vec![msg::hover_execution(
            x.line.as_ref().map(|l| l.value.as_str()),
            &money(x.budget.value),
            &money(x.spent.value),
            rate.as_deref(),
        )];
        if let Some(s) = score_of(x.span) {
            texts.push(score_text(&s));
        }
        return Some((x.span, texts));
    }
    None
}

/// `prior budget|actual|final [YEAR] N` on a line, a direction, a cost or a task's source: which
/// year and which figure it is.
fn on_earlier(decl: &Declaration, offset: usize) -> Option<(Span, Vec<Text>)> {
    fn in_lines<'a>(lines: &'a [Line], out: &mut Vec<(&'a str, &'a [EarlierFigure])>) {
        for l in lines {
            out.push((&l.name.value, &l.earlier));
            in_lines(&l.children, out);
        }
    }
    let mut all: Vec<(&str, &[EarlierFigure])> = Vec::new();
    in_lines(&decl.income, &mut all);
    in_lines(&decl.spending, &mut all);
    for (_, d) in decl.all_directions() {
        all.push((&d.name.value, &d.earlier));
        for c in &d.costs {
            let name = c.label.as_ref().map_or(&d.name.value, |l| &l.value);
            all.push((name, &c.earlier));
        }
        in_lines(&d.funds, &mut all);
    }
    for t in &decl.tasks {
        in_lines(&t.funds, &mut all);
    }
    all.into_iter().find_map(|(name, figures)| {
        let e = figures.iter().find(|e| touches(e.span, offset))?;
        Some((
            e.span,
            vec![msg::hover_earlier(
                name,
                e.year,
                e.kind.keyword(),
                e.kind.name_zh(),
                &money(e.amount),
            )],
        ))
    })
}

/// A task's name, amount or one of its sources: its amount, what its sources add up to against it,
/// and what funds it.
fn on_task(decl: &Declaration, offset: usize) -> Option<(Span, Vec<Text>)> {
    let shown = |v: Option<Money>| v.map_or("—".to_string(), money);
    for t in &decl.tasks {
        let fund = t.funds.iter().find(|l| touches(l.span, offset));
        let on_amount = t.declared.as_ref().filter(|d| touches(d.span, offset));
        let span = match (fund, on_amount) {
            (Some(l), _) => l.span,
            (None, Some(d)) => d.span,
            (None, None) if touches(t.task.span, offset) => t.task.span,
            (None, None) => continue,
        };
        let mut texts = Vec::new();
        if let Some(l) = fund {
            texts.push(msg::hover_figure(&l.name.value, &shown(l.amount)));
        }
        texts.push(msg::hover_figure(&t.task.value, &shown(t.amount)));
        if !t.funds.is_empty() {
            let parts: Vec<String> = t
                .funds
                .iter()
                .map(|l| format!("{} {}", l.name.value, shown(l.amount)))
                .collect();
            let sum = crate::model::sum_lines(&t.funds, decl.unit);
            let declared = t.declared.as_ref().map(|d| {
                let agrees = sum.is_some_and(|s| {
                    s.compare(d.value)
                        .is_ok_and(|o| o == std::cmp::Ordering::Equal)
                });
                (money(d.value), agrees)
            });
            texts.push(msg::hover_task_sources(
                &parts.join(" + "),
                &shown(sum),
                declared.as_ref().map(|(d, agrees)| (d.as_str(), *agrees)),
            ));
        }
        texts.push(msg::hover_task_funder(
            &t.funded_by.value,
            &shown(t.funder_amount),
        ));
        return Some((span, texts));
    }
    None
}

/// The `profile` line: how the year-end points are split, the grades and the options in force.
fn on_profile(decl: &Declaration, offset: usize) -> Option<(Span, Vec<Text>)> {
    let span = decl.profile_span.filter(|s| touches(*s, offset))?;
    let p = &decl.profile;
    let [a, b, c] = p.grades.map(exact);
    Some((
        span,
        vec![
            msg::hover_profile(p.kind, &exact(p.execution_points())),
            msg::hover_profile_grades(&a, &b, &c),
            msg::hover_profile_options(p.inverse, &exact(p.deviation)),
        ],
    ))
}

/// A 一级指标 written in a `scores` line: its place in the framework, as on an indicator.
fn on_scores(decl: &Declaration, offset: usize) -> Option<(Span, Vec<Text>)> {
    let directions = decl.all_directions();
    let all: Vec<&Scores> = decl
        .scores
        .iter()
        .chain(directions.iter().filter_map(|(_, d)| d.scores.as_ref()))
        .collect();
    let part = all
        .iter()
        .flat_map(|s| &s.parts)
        .find(|p| touches(p.span, offset))?;
    let tier = decl.framework.tiers.get(part.tier)?;
    let categories: Vec<String> = tier.categories.iter().map(|c| c.name.clone()).collect();
    let points = match part.most {
        Some(most) => format!("{}–{}", exact(part.points), exact(most)),
        None => exact(part.points),
    };
    Some((
        part.span,
        vec![msg::hover_tier(
            &decl.framework.name,
            &tier.name,
            &categories,
            &points,
        )],
    ))
}
