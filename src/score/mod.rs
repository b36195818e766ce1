//! score: the year-end self-evaluation (绩效自评) of a declaration whose year-end facts are written —
//! each 年度 indicator's points under the document's profile, its score by the rules with the rule and
//! figures it used, 预算执行, the total and the grade. It reads the model only; checks report what it
//! finds (missing actuals, deviations without a reason …) and the tables print it.

pub mod points;
pub mod rules;

pub use rules::{Rule, round2};

use crate::domain::Horizon;
use crate::domain::Money;
use crate::domain::scoring::{Grade, Profile, Result3};
use crate::model::{
    Actual, Declaration, Direction, Execution, Indicator, Line, Measure, Op, Value, YearEnd,
};
use rust_decimal::Decimal;

/// The self-evaluation of one table: the department's, or a direction's or project's.
#[derive(Debug, Clone)]
pub struct Evaluation<'a> {
    pub direction: Option<&'a Direction>,
    pub year_end: &'a YearEnd,
    /// The table's funding lines (the department's income lines).
    pub funds: &'a [Line],
    /// 年初预算数: the amount declared.
    pub amount: Option<Money>,
    pub execution: Option<ExecutionScore>,
    pub items: Vec<ItemScore<'a>>,
    /// What all the rows are worth (100 under both profiles, less where a block has no indicator).
    pub points: Decimal,
    /// The sum of the rounded scores.
    pub total: Decimal,
    pub grade: Grade,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionScore {
    pub budget: Money,
    pub spent: Money,
    /// 执行率 in percent, rounded to 2 decimals; `None` when the budget is 0.
    pub rate: Option<Decimal>,
    pub points: Decimal,
    pub score: Decimal,
    pub rule: Rule,
}

/// One indicator's row.
#[derive(Debug, Clone)]
pub struct ItemScore<'a> {
    pub indicator: &'a Indicator,
    pub points: Decimal,
    /// Rounded to 2 decimals.
    pub score: Decimal,
    pub rule: Rule,
    pub deviation: Option<Deviation>,
    /// A score typed by hand that the rules contradict (the row keeps the rules' score).
    pub contradicted: Option<Decimal>,
    /// Why the actual cannot be compared with the target, when it cannot.
    pub mismatch: Option<Mismatch>,
}

/// How far the actual is from the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deviation {
    /// Not reached.
    Missed,
    /// Over-achieved by at least the profile's threshold; the percentage by which.
    Over(Decimal),
}

/// An actual of the wrong kind for its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// Words under a number.
    WordsForNumber,
    /// A number under words, a date or a result.
    NumberForWords,
    /// A number in another unit (`公里` under `人`).
    Unit { target: String, actual: String },
    /// Words that are none of the three results nor the target's own.
    UnknownResult,
    /// Money that cannot be converted to the target's unit exactly (too large).
    NotConvertible,
}

/// The self-evaluation of every table, when the document has year-end facts: the department's first
/// (when it prints one and has indicators or year-end facts of its own), then each direction and
/// project with a table of its own.
pub fn evaluate(decl: &Declaration) -> Vec<Evaluation<'_>> {
    if !decl.has_year_end() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // The department's table is evaluated where it has something to score: its indicators or its own
    // year-end facts (a document of projects with a budget breakdown has neither).
    if decl.has_department_table() && (!decl.indicators.is_empty() || !decl.year_end.is_empty()) {
        out.push(table(
            decl,
            None,
            &decl.indicators,
            &decl.year_end,
            &decl.income,
            decl.total(),
        ));
    }
    for (depth, d) in decl.all_directions() {
        if d.has_own_table(depth) {
            out.push(table(
                decl,
                Some(d),
                &d.indicators,
                &d.year_end,
                &d.funds,
                d.amount,
            ));
        }
    }
    out
}

fn table<'a>(
    decl: &'a Declaration,
    direction: Option<&'a Direction>,
    indicators: &'a [Indicator],
    year_end: &'a YearEnd,
    funds: &'a [Line],
    amount: Option<Money>,
) -> Evaluation<'a> {
    let profile = &decl.profile;
    let annual: Vec<&Indicator> = indicators
        .iter()
        .filter(|i| i.horizon == Horizon::Annual)
        .collect();
    let points = points::allocate(decl, profile.kind, &annual);
    let items: Vec<ItemScore> = annual
        .iter()
        .zip(points)
        .map(|(ind, p)| item(profile, ind, p))
        .collect();
    let execution = year_end.total().and_then(|e| {
        let (budget, spent) = execution_figures(e)?;
        let p = profile.execution_points();
        let (score, rule) = rules::execution(budget, spent, p);
        Some(ExecutionScore {
            budget: e.budget.value,
            spent: e.spent.value,
            rate: rules::rate(budget, spent),
            points: p,
            score: round2(score),
            rule,
        })
    });
    let all_points = sum(items
        .iter()
        .map(|i| i.points)
        .chain(std::iter::once(profile.execution_points())));
    let total = sum(items
        .iter()
        .map(|i| i.score)
        .chain(execution.iter().map(|e| e.score)));
    Evaluation {
        direction,
        year_end,
        funds,
        amount,
        execution,
        items,
        points: all_points,
        total,
        grade: Grade::of(total, &profile.grades),
    }
}

/// An execution row's budget and spent as numbers in the budget's unit; `None` when the spent amount
/// cannot be converted exactly.
fn execution_figures(e: &Execution) -> Option<(Decimal, Decimal)> {
    let spent = e.spent.value.amount_in(e.budget.value.unit()).ok()?;
    Some((e.budget.value.amount(), spent))
}

/// 执行率 of any execution row (the total's or a funding line's), in percent rounded to 2 decimals;
/// `None` when the budget is 0 or the spent amount cannot be converted.
pub fn execution_rate(e: &Execution) -> Option<Decimal> {
    let (budget, spent) = execution_figures(e)?;
    rules::rate(budget, spent)
}

/// Scores and points are at most a few hundred: their sum cannot overflow.
fn sum(xs: impl Iterator<Item = Decimal>) -> Decimal {
    xs.fold(Decimal::ZERO, |a, b| a.checked_add(b).unwrap_or(a))
}

fn item<'a>(profile: &Profile, ind: &'a Indicator, points: Decimal) -> ItemScore<'a> {
    let mut out = ItemScore {
        indicator: ind,
        points,
        score: Decimal::ZERO,
        rule: Rule::NoActual,
        deviation: None,
        contradicted: None,
        mismatch: None,
    };
    let Some(a) = &ind.achieved else {
        return out;
    };
    let typed = a.score.as_ref().map(|s| s.value);
    match (&ind.value, &a.value) {
        (Value::Unknown { .. }, _) | (_, Actual::Unknown { .. }) => {
            out.rule = Rule::NotComparable;
        }
        (Value::Quantity { op, measure, .. }, Actual::Number { measure: am, .. }) => {
            let target = measure.number();
            let Some(actual) = comparable(measure, am, &mut out.mismatch) else {
                out.rule = Rule::NotComparable;
                return out;
            };
            let (raw, rule) = match op {
                Op::Ge | Op::Gt => rules::at_least(target, actual, points),
                Op::Le | Op::Lt => rules::at_most(target, actual, points, profile.inverse),
                Op::Eq if target.is_zero() => rules::zero_target(actual, points),
                Op::Eq => rules::at_least(target, actual, points),
            };
            out.score = round2(raw);
            out.rule = rule;
            out.deviation = deviation(*op, target, rules::floor_zero(actual), profile.deviation);
            if let Some(t) = typed
                && t != out.score
            {
                out.contradicted = Some(t);
            }
        }
        (Value::Range { low, high, .. }, Actual::Number { measure: am, .. }) => {
            // Both ends are in one unit: the actual in the low end's is in the high end's too.
            let Some(actual) = comparable(low, am, &mut out.mismatch) else {
                out.rule = Rule::NotComparable;
                return out;
            };
            let actual = rules::floor_zero(actual);
            let (l, h) = (low.number(), high.number());
            let (raw, rule) = rules::range(l, h, actual, points, profile.inverse);
            out.score = round2(raw);
            out.rule = rule;
            if actual < l || actual > h {
                out.deviation = Some(Deviation::Missed);
            }
            if let Some(t) = typed
                && t != out.score
            {
                out.contradicted = Some(t);
            }
        }
        (Value::Quantity { .. } | Value::Range { .. }, Actual::Words { .. }) => {
            out.mismatch = Some(Mismatch::WordsForNumber);
            out.rule = Rule::NotComparable;
        }
        (Value::Date { .. } | Value::Quality { .. }, Actual::Number { .. }) => {
            out.mismatch = Some(Mismatch::NumberForWords);
            out.rule = Rule::NotComparable;
        }
        (
            Value::Date { text: target, .. } | Value::Quality { text: target, .. },
            Actual::Words { text, .. },
        ) => {
            let result = Result3::from_word(text)
                .or_else(|| (text.trim() == target.trim()).then_some(Result3::Achieved));
            let Some(result) = result else {
                out.mismatch = Some(Mismatch::UnknownResult);
                out.rule = Rule::NotComparable;
                return out;
            };
            let (score, rule, outside) = rules::band(result, points, typed);
            out.score = round2(score);
            out.rule = rule;
            if outside {
                out.contradicted = typed;
            }
            if result != Result3::Achieved {
                out.deviation = Some(Deviation::Missed);
            }
        }
    }
    out
}

/// The actual in the target's unit; `None` (with the mismatch) when the units differ.
fn comparable(
    target: &Measure,
    actual: &Measure,
    mismatch: &mut Option<Mismatch>,
) -> Option<Decimal> {
    let unit_of = |m: &Measure| match m {
        Measure::Money(x) => x.unit().name().to_string(),
        Measure::Percent(_) => "%".to_string(),
        Measure::Count { unit, .. } => unit.clone().unwrap_or_default(),
    };
    match (target, actual) {
        (Measure::Money(t), Measure::Money(a)) => {
            let converted = a.amount_in(t.unit()).ok();
            if converted.is_none() {
                *mismatch = Some(Mismatch::NotConvertible);
            }
            converted
        }
        (Measure::Percent(_), Measure::Percent(a)) => Some(*a),
        // A bare number is in the target's unit; a target without a unit takes any count.
        (_, Measure::Count { number, unit: None })
        | (Measure::Count { unit: None, .. }, Measure::Count { number, .. }) => Some(*number),
        (Measure::Count { unit: tu, .. }, Measure::Count { number, unit: au }) if tu == au => {
            Some(*number)
        }
        _ => {
            *mismatch = Some(Mismatch::Unit {
                target: unit_of(target),
                actual: unit_of(actual),
            });
            None
        }
    }
}

/// Missed, or over-achieved by at least `threshold` percent.
fn deviation(op: Op, target: Decimal, actual: Decimal, threshold: Decimal) -> Option<Deviation> {
    let hundred = Decimal::from(100);
    let pct = |t: Decimal, a: Decimal| -> Option<Decimal> {
        if t <= Decimal::ZERO {
            return None;
        }
        a.checked_sub(t)?
            .abs()
            .checked_mul(hundred)?
            .checked_div(t)
            .map(round2)
    };
    let reach = match op {
        Op::Eq => !target.is_zero(),
        Op::Ge | Op::Gt => true,
        Op::Le | Op::Lt => false,
    };
    match op {
        _ if reach => {
            if actual < target {
                Some(Deviation::Missed)
            } else {
                pct(target, actual)
                    .filter(|p| *p >= threshold)
                    .map(Deviation::Over)
            }
        }
        Op::Eq => (actual > Decimal::ZERO).then_some(Deviation::Missed),
        Op::Ge | Op::Gt | Op::Le | Op::Lt => {
            if actual > target {
                Some(Deviation::Missed)
            } else {
                pct(target, actual)
                    .filter(|p| *p >= threshold)
                    .map(Deviation::Over)
            }
        }
    }
}
