//! Year-end facts (docs/self-evaluation.md): each `achieved` line is attached to the indicator it
//! names in its own table (the department's, or the direction's it is written in), each `execution`
//! to its table or one of the table's funding lines, and `profile` chooses the scoring. A name that
//! matches nothing is reported with the nearest names; nothing here changes a target.

use super::indicators::classify;
use super::messages as msg;
use super::{Ctx, spanned};
use crate::diagnostic::Diagnostic;
use crate::domain::Horizon;
use crate::domain::framework::suggest;
use crate::domain::scoring::{Inverse, Profile, ProfileKind};
use crate::model::{
    Achieved, Actual, Declaration, Direction, Execution, Indicator, Line, Spanned, YearEnd,
};
use crate::source::Span;
use crate::syntax::ast::{self, DirectionItem, Item, ProfileOption};
use rust_decimal::Decimal;

crate::codes::rules! {
    UNKNOWN_YEAR_END_NAME = "B2030", Error, "a year-end fact names an indicator or funding line that is not in its table", "年终事实引用了本表中不存在的指标或资金来源";
    YEAR_END_TWICE = "B2031", Error, "a year-end fact is given twice", "同一年终事实填写了两次";
    UNKNOWN_PROFILE = "B2032", Error, "the scoring profile or one of its options is not a known one", "评分方案或其选项不是已知的";
}

/// Attaches the year-end facts of `file` to `decl` (its indicators and directions are in place).
pub fn attach(ctx: &mut Ctx, file: &ast::File, decl: &mut Declaration) {
    let mut facts = Facts::default();
    for item in &file.items {
        match item {
            Item::Achieved(a) => facts.achieved.push(a),
            Item::Execution(e) => facts.executions.push(e),
            Item::Outcome(t) => facts.outcomes.push(t),
            Item::Profile(p) => profile(ctx, p, decl),
            _ => {}
        }
    }
    let indicators = std::mem::take(&mut decl.indicators);
    let (indicators, year_end) = table(ctx, facts, indicators, &decl.income);
    decl.indicators = indicators;
    decl.year_end = year_end;
    let ast_directions: Vec<&ast::Direction> = file.select(|i| match i {
        Item::Direction(d) => Some(d),
        _ => None,
    });
    directions(ctx, &ast_directions, &mut decl.directions, 0);
}

#[derive(Default)]
struct Facts<'a> {
    achieved: Vec<&'a ast::Achieved>,
    executions: Vec<&'a ast::Execution>,
    outcomes: Vec<&'a ast::Text>,
}

fn directions(ctx: &mut Ctx, ast: &[&ast::Direction], model: &mut [Direction], depth: usize) {
    for (a, d) in ast.iter().zip(model.iter_mut()) {
        let mut facts = Facts::default();
        let mut subs = Vec::new();
        for item in &a.items {
            match item {
                DirectionItem::Achieved(x) => facts.achieved.push(x),
                DirectionItem::Execution(x) => facts.executions.push(x),
                DirectionItem::Outcome(x) => facts.outcomes.push(x),
                DirectionItem::Direction(sub) => subs.push(sub),
                _ => {}
            }
        }
        // A sub-direction without goals or indicators is a cost item of its parent and prints no
        // table, so there is nothing its execution or outcome could be printed in.
        if !d.has_own_table(depth) {
            for span in facts
                .executions
                .iter()
                .map(|e| e.span)
                .chain(facts.outcomes.iter().map(|t| t.span))
            {
                ctx.report(
                    Diagnostic::new(
                        UNKNOWN_YEAR_END_NAME,
                        msg::year_end_without_table(&d.name.value),
                        span,
                        msg::label_no_table(),
                    )
                    .with_label(d.name.span, msg::label_cost_item())
                    .with_help(msg::help_year_end_without_table()),
                );
            }
            facts.executions.clear();
            facts.outcomes.clear();
        }
        let indicators = std::mem::take(&mut d.indicators);
        let (indicators, year_end) = table(ctx, facts, indicators, &d.funds);
        d.indicators = indicators;
        d.year_end = year_end;
        directions(ctx, &subs, &mut d.children, depth + 1);
    }
}

fn table(
    ctx: &mut Ctx,
    facts: Facts,
    mut indicators: Vec<Indicator>,
    lines: &[Line],
) -> (Vec<Indicator>, YearEnd) {
    let mut year_end = YearEnd::default();
    // The self-evaluation scores the 年度 indicators; a name only an 实施期 one has is unknown here.
    let is_annual =
        |i: &Indicator, name: &str| i.horizon == Horizon::Annual && i.name.value == name;
    // Lines that name an indicator first, wherever they stand: a misspelt name is then offered only
    // the indicators still without their actual (offering one that has it would make it B2031).
    let (known, unknown): (Vec<&ast::Achieved>, Vec<&ast::Achieved>) = facts
        .achieved
        .into_iter()
        .partition(|a| indicators.iter().any(|i| is_annual(i, &a.name.value)));
    if !unknown.is_empty() {
        let names: Vec<String> = known_names(&indicators, lines, true)
            .into_iter()
            .filter(|n| !known.iter().any(|a| &a.name.value == n))
            .collect();
        for a in unknown {
            ctx.report(unknown_name(&a.name, &names, true));
            year_end
                .meant
                .extend(suggest(&a.name.value, &names).into_iter().take(1));
        }
    }
    for a in known {
        let found = indicators.iter().position(|i| is_annual(i, &a.name.value));
        let Some(at) = found else {
            continue;
        };
        let Some(ind) = indicators.get_mut(at) else {
            continue;
        };
        if let Some(first) = &ind.achieved {
            ctx.report(twice(&a.name.value, a.span, first.span));
            continue;
        }
        let is_money = matches!(
            ind.value,
            crate::model::Value::Quantity {
                measure: crate::model::Measure::Money(_),
                ..
            }
        );
        ind.achieved = Some(achieved(ctx, a, is_money));
    }
    for e in facts.executions {
        if let Some(l) = &e.line
            && crate::model::find_line(lines, &l.value).is_none()
        {
            let names = known_names(&indicators, lines, false);
            ctx.report(unknown_name(l, &names, false));
            continue;
        }
        let key = e.line.as_ref().map(|l| l.value.as_str());
        if let Some(first) = year_end
            .executions
            .iter()
            .find(|x| x.line.as_ref().map(|l| l.value.as_str()) == key)
        {
            ctx.report(twice(key.unwrap_or("execution"), e.span, first.span));
            continue;
        }
        let (Some(budget), Some(spent)) = (
            ctx.declared_amount(&e.budget),
            ctx.declared_amount(&e.spent),
        ) else {
            continue;
        };
        year_end.executions.push(Execution {
            line: e.line.as_ref().map(spanned),
            budget: Spanned {
                value: budget,
                span: e.budget.span,
            },
            spent: Spanned {
                value: spent,
                span: e.spent.span,
            },
            span: e.span,
        });
    }
    for t in facts.outcomes {
        match &year_end.outcome {
            Some(first) => ctx.report(twice("outcome", t.span, first.span)),
            None => year_end.outcome = Some(spanned(t)),
        }
    }
    (indicators, year_end)
}

/// The names a year-end fact of a table may give: its 年度 indicators' still without their actual for
/// `achieved` (`indicator` true), its funding lines' (其中 lines too) for `execution "…"`. The
/// editor's quick fix for B2030 and its completion offer the same list.
pub(crate) fn known_names(
    indicators: &[Indicator],
    lines: &[Line],
    indicator: bool,
) -> Vec<String> {
    if indicator {
        return indicators
            .iter()
            .filter(|i| i.horizon == Horizon::Annual && i.achieved.is_none())
            .map(|i| i.name.value.clone())
            .collect();
    }
    let mut names = Vec::new();
    line_names(lines, &mut names);
    names
}

fn line_names(lines: &[Line], out: &mut Vec<String>) {
    for l in lines {
        out.push(l.name.value.clone());
        line_names(&l.children, out);
    }
}

fn achieved(ctx: &mut Ctx, a: &ast::Achieved, is_money: bool) -> Achieved {
    let value = match &a.value {
        ast::Actual::Number { number, unit, span } => match ctx.number(number) {
            Some(n) => {
                let unit_text = unit.as_ref().map(|u| u.value.clone());
                Actual::Number {
                    measure: classify(n, unit_text.as_deref(), is_money),
                    text: format!("{}{}", number.text, unit_text.clone().unwrap_or_default()),
                    unit: unit_text,
                    span: *span,
                }
            }
            None => Actual::Unknown { span: *span },
        },
        ast::Actual::Words { text, .. } => Actual::Words {
            text: text.value.clone(),
            span: text.span,
        },
    };
    let score = a.score.as_ref().and_then(|n| {
        ctx.number(n).map(|value| Spanned {
            value,
            span: n.span,
        })
    });
    Achieved {
        value,
        reason: a.reason.as_ref().map(spanned),
        score,
        span: a.span,
    }
}

fn profile(ctx: &mut Ctx, p: &ast::ProfileDecl, decl: &mut Declaration) {
    if let Some(first) = decl.profile_span {
        ctx.report(twice("profile", p.span, first));
        return;
    }
    decl.profile_span = Some(p.span);
    let Some(kind) = ProfileKind::from_name(&p.name.value) else {
        ctx.report(bad_profile(
            p.name.span,
            msg::unknown_profile(&p.name.value),
            ProfileKind::NAMES,
        ));
        return;
    };
    let mut out = Profile::new(kind);
    for o in &p.options {
        match o {
            ProfileOption::Grades(ns, span) => {
                let values: Vec<Decimal> = ns.iter().filter_map(|n| ctx.number(n)).collect();
                let hundred = Decimal::from(100);
                match values.as_slice() {
                    [a, b, c] if a > b && b > c && *c >= Decimal::ZERO && *a <= hundred => {
                        out.grades = [*a, *b, *c];
                    }
                    [_, _, _] => ctx.report(bad_profile(*span, msg::bad_grades(), &[])),
                    _ => {}
                }
            }
            ProfileOption::Inverse(t) => match Inverse::from_name(&t.value) {
                Some(i) => out.inverse = i,
                None => ctx.report(bad_profile(
                    t.span,
                    msg::unknown_inverse(&t.value),
                    &["linear", "ratio"],
                )),
            },
            ProfileOption::Deviation(n, span) => {
                if let Some(v) = ctx.number(n) {
                    if v > Decimal::ZERO && v <= Decimal::from(100) {
                        out.deviation = v;
                    } else {
                        ctx.report(bad_profile(*span, msg::bad_deviation(), &[]));
                    }
                }
            }
        }
    }
    decl.profile = out;
}

fn bad_profile(span: Span, message: crate::messages::Text, known: &[&str]) -> Diagnostic {
    Diagnostic::new(UNKNOWN_PROFILE, message, span, msg::label_not_known())
        .with_help(msg::help_profile(known))
}

fn unknown_name(name: &ast::Text, known: &[String], indicator: bool) -> Diagnostic {
    let near = suggest(&name.value, known);
    Diagnostic::new(
        UNKNOWN_YEAR_END_NAME,
        msg::year_end_unknown_name(&name.value, indicator),
        name.span,
        msg::label_not_in_table(),
    )
    .with_help(msg::help_year_end_name(&near, indicator))
}

fn twice(what: &str, span: Span, first: Span) -> Diagnostic {
    Diagnostic::new(
        YEAR_END_TWICE,
        msg::year_end_twice(what),
        span,
        msg::label_given_again(),
    )
    .with_label(first, msg::label_first_given())
    .with_help(msg::help_keep_one_line(what))
}
