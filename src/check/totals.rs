//! Totals: every line equals the sum of its parts, both breakdowns reach the same 资金总额, and a
//! declared total matches them.

use super::Review;
use super::{Agreement, compare, difference, fig};
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::{Breakdown, Money};
use crate::model::{self, Declaration, EarlierFigure, How, Line};
use crate::present::{figures, provenance};

crate::codes::rules! {
    LINE_SUM_MISMATCH = "B3001", Error, "a line differs from the sum of its parts", "某项金额与其组成部分之和不符";
    BREAKDOWNS_DIFFER = "B3002", Error, "the income and spending breakdowns add up to different totals", "按收入性质分与按支出性质分的合计不一致";
    TOTAL_MISMATCH = "B3003", Error, "the declared total differs from the breakdown", "申报的资金总额与分项合计不符";
    PRINTED_PRECISION = "B3004", Note, "a declared figure matches only at its printed precision", "申报数仅在其列示精度上与推算数一致";
    EARLIER_SUM_MISMATCH = "B3006", Error, "an earlier year's figure differs from the sum of its parts", "以前年度的数额与其组成部分之和不符";
    DIRECTIONS_ABOVE_SPENDING = "B3005", Error, "the directions add up to more than 项目支出", "各支出方向合计超过项目支出";
    PROJECT_FUNDS_MISMATCH = "B3012", Error, "a direction's funds by source differ from its amount", "支出方向的分资金来源合计与其金额不符";
}

pub fn lines_add_up(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for (lines, what) in [
        (&decl.income, Breakdown::Income),
        (&decl.spending, Breakdown::Spending),
    ] {
        check_lines(decl, lines, what, &[], &mut out);
    }
    for (d, path) in review.directions() {
        check_lines(decl, &d.funds, Breakdown::Funds, path, &mut out);
    }
    for t in &decl.tasks {
        check_lines(decl, &t.funds, Breakdown::Funds, &[], &mut out);
    }
    out
}

fn check_lines(
    decl: &Declaration,
    lines: &[Line],
    what: Breakdown,
    path: &[String],
    out: &mut Vec<Diagnostic>,
) {
    for l in lines {
        if let (Some(declared), Some(derived)) = (&l.declared, &l.derived) {
            match compare(declared.value, l.declared_text.as_deref(), derived.value) {
                Agreement::Equal => {}
                Agreement::AtPrintedPrecision(dp) => out.push(printed_precision(
                    &l.name.value,
                    declared.span,
                    derived.value,
                    dp,
                    path,
                )),
                Agreement::Differ => {
                    let mut d = Diagnostic::new(
                        LINE_SUM_MISMATCH,
                        msg::line_differs_from_parts(
                            what,
                            &l.name.value,
                            &fig(declared.value),
                            &fig(derived.value),
                            &difference(declared.value, derived.value),
                        ),
                        declared.span,
                        msg::label_declared(&fig(declared.value)),
                    )
                    .with_help(msg::help_line_differs_from_parts(
                        &figures::exact(derived.value.amount()),
                        &provenance::how(&derived.how),
                    ))
                    .with_path(path);
                    for s in &derived.sources {
                        d = d.with_label(*s, msg::label_a_part());
                    }
                    out.push(d);
                }
            }
        }
        // 其中 lines must add up to the line above them, whatever the line's amount comes from; a
        // mismatch already reported above (declared vs the sum of these lines) is not repeated. An
        // unknown line or part is reported where it is.
        if let (Some(children), Some(amount)) = (model::sum_lines(&l.children, decl.unit), l.amount)
        {
            let reported =
                l.declared.is_some() && l.derived.as_ref().is_some_and(|d| d.value == children);
            if l.partial {
                // Some parts listed: together at most the line.
                if children.compare(amount).is_ok_and(|o| o.is_gt()) {
                    out.push(
                        Diagnostic::new(
                            LINE_SUM_MISMATCH,
                            msg::listed_parts_exceed(&l.name.value, &fig(children), &fig(amount)),
                            l.name.span,
                            msg::label_this_line_is(&fig(amount)),
                        )
                        .with_help(msg::help_listed_parts_exceed())
                        .with_path(path),
                    );
                }
            } else if children != amount && !reported {
                out.push(
                    Diagnostic::new(
                        LINE_SUM_MISMATCH,
                        msg::sub_lines_differ(&l.name.value, &fig(children), &fig(amount)),
                        l.name.span,
                        msg::label_this_line_is(&fig(amount)),
                    )
                    .with_help(msg::help_sub_lines_differ())
                    .with_path(path),
                );
            }
        }
        check_lines(decl, &l.children, what, path, out);
    }
}

pub(crate) fn printed_precision(
    name: &str,
    span: crate::source::Span,
    exact: Money,
    dp: u32,
    path: &[String],
) -> Diagnostic {
    Diagnostic::new(
        PRINTED_PRECISION,
        msg::printed_precision(name, dp, &fig(exact)),
        span,
        msg::label_agrees_at(dp),
    )
    .with_help(msg::help_printed_precision(&figures::exact(exact.amount())))
    .with_path(path)
}

pub fn breakdowns_agree(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    // An empty or unknown breakdown (a line that could not be read) is reported where it is.
    let (Some(income), Some(spending)) = (decl.income_total(), decl.spending_total()) else {
        return Vec::new();
    };
    if income == spending {
        return Vec::new();
    }
    let at = decl
        .spending
        .first()
        .or(decl.income.first())
        .map_or_else(Default::default, |l| l.span);
    let mut d = Diagnostic::new(
        BREAKDOWNS_DIFFER,
        msg::breakdowns_differ(&fig(income), &fig(spending), &difference(income, spending)),
        at,
        msg::label_spending_adds_up(&fig(spending)),
    )
    .with_help(msg::help_breakdowns_differ());
    if let Some(first) = decl.income.first() {
        d = d.with_label(first.span, msg::label_income_adds_up(&fig(income)));
    }
    vec![d]
}

pub fn declared_total_matches(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let Some(total) = &decl.declared_total else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (lines, sum, what) in [
        (&decl.income, decl.income_total(), Breakdown::Income),
        (&decl.spending, decl.spending_total(), Breakdown::Spending),
    ] {
        let Some(sum) = sum else {
            continue;
        };
        if sum != total.value {
            let mut d = Diagnostic::new(
                TOTAL_MISMATCH,
                msg::total_differs(
                    &fig(total.value),
                    what,
                    &fig(sum),
                    &difference(total.value, sum),
                ),
                total.span,
                msg::label_declared(&fig(total.value)),
            )
            .with_help(msg::help_total_differs(&figures::exact(sum.amount()), what));
            for l in lines.iter() {
                if let Some(amount) = l.amount {
                    d = d.with_label(l.span, msg::figure(&fig(amount)));
                }
            }
            out.push(d);
        }
    }
    // Both breakdowns agree with each other and differ from the total: one mistake, said once.
    if out.len() == 2 && decl.income_total() == decl.spending_total() {
        out.truncate(1);
    }
    out
}

/// Figures of earlier years add up like this year's: the 其中 lines of a line to the line (to at most it
/// when `partial`), and both breakdowns to the same total, year by year and kind by kind.
pub fn earlier_years_add_up(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    fn walk(decl: &Declaration, lines: &[Line], path: &[String], out: &mut Vec<Diagnostic>) {
        for l in lines {
            for e in &l.earlier {
                let parts: Option<Vec<Money>> = l
                    .children
                    .iter()
                    .map(|c| c.earlier(e.kind, e.year).map(|x| x.amount))
                    .collect();
                let Some(sum) = parts
                    .filter(|p| !p.is_empty())
                    .and_then(|p| Money::sum(decl.unit, p).ok())
                else {
                    continue;
                };
                let wrong = if l.partial {
                    sum.compare(e.amount).is_ok_and(|o| o.is_gt())
                } else {
                    sum != e.amount
                };
                if wrong {
                    out.push(earlier_mismatch(&l.name.value, e, sum, path));
                }
            }
            walk(decl, &l.children, path, out);
        }
    }
    walk(decl, &decl.income, &[], &mut out);
    walk(decl, &decl.spending, &[], &mut out);
    for (d, path) in review.directions() {
        walk(decl, &d.funds, path, &mut out);
        direction_earlier_add_up(decl, d, path, &mut out);
    }
    // A line derived from the directions (`= directions`) had, in each earlier year, their figures' sum.
    for l in decl.income.iter().chain(&decl.spending) {
        let from_directions = matches!(
            l.derived.as_ref().map(|d| &d.how),
            Some(crate::model::How::Directions(_))
        );
        if !from_directions {
            continue;
        }
        for e in &l.earlier {
            let parts = decl
                .directions
                .iter()
                .map(|d| d.earlier(e.kind, e.year).map(|x| x.amount));
            if let Some(sum) = all_carried(decl, parts)
                && sum != e.amount
            {
                out.push(earlier_mismatch(&l.name.value, e, sum, &[]));
            }
        }
    }
    // Both breakdowns, for every (kind, year) that all their top-level lines carry.
    let sum_of = |lines: &[Line], kind, year| -> Option<Money> {
        let parts: Option<Vec<Money>> = lines
            .iter()
            .map(|l| l.earlier(kind, year).map(|x| x.amount))
            .collect();
        parts
            .filter(|p| !p.is_empty())
            .and_then(|p| Money::sum(decl.unit, p).ok())
    };
    let mut seen = Vec::new();
    for e in decl.income.iter().flat_map(|l| &l.earlier) {
        if seen.contains(&(e.kind, e.year)) {
            continue;
        }
        seen.push((e.kind, e.year));
        let (Some(income), Some(spending)) = (
            sum_of(&decl.income, e.kind, e.year),
            sum_of(&decl.spending, e.kind, e.year),
        ) else {
            continue;
        };
        if income != spending {
            let at = decl
                .spending
                .first()
                .and_then(|l| l.earlier(e.kind, e.year))
                .map_or(e.span, |x| x.span);
            out.push(
                Diagnostic::new(
                    EARLIER_SUM_MISMATCH,
                    msg::earlier_breakdowns_differ(
                        e.year,
                        e.kind.name_zh(),
                        &fig(income),
                        &fig(spending),
                    ),
                    at,
                    msg::label_spending_adds_up(&fig(spending)),
                )
                .with_label(e.span, msg::label_income_adds_up(&fig(income)))
                .with_help(msg::help_earlier_differs()),
            );
        }
    }
    out
}

/// The sum of parts that all carry a year's figure; `None` when there are none, one lacks it (the year
/// is not itemised, nothing to compare) or the sum is not exact.
fn all_carried(decl: &Declaration, parts: impl Iterator<Item = Option<Money>>) -> Option<Money> {
    let parts: Vec<Money> = parts.collect::<Option<_>>()?;
    if parts.is_empty() {
        return None;
    }
    Money::sum(decl.unit, parts).ok()
}

/// A direction's figure of an earlier year equals, where they carry that year's figure, its cost items
/// and sub-directions together, and its fund sources together.
fn direction_earlier_add_up(
    decl: &Declaration,
    d: &crate::model::Direction,
    path: &[String],
    out: &mut Vec<Diagnostic>,
) {
    for e in &d.earlier {
        let costs = d
            .costs
            .iter()
            .map(|c| crate::model::earlier_figure(&c.earlier, e.kind, e.year).map(|x| x.amount));
        let children = d
            .children
            .iter()
            .map(|c| c.earlier(e.kind, e.year).map(|x| x.amount));
        if let Some(sum) = all_carried(decl, costs.chain(children))
            && sum != e.amount
        {
            out.push(earlier_mismatch(&d.name.value, e, sum, path));
        }
        let funds = d
            .funds
            .iter()
            .map(|l| l.earlier(e.kind, e.year).map(|x| x.amount));
        if let Some(sum) = all_carried(decl, funds)
            && sum != e.amount
        {
            out.push(
                Diagnostic::new(
                    EARLIER_SUM_MISMATCH,
                    msg::earlier_sources_differ(
                        &d.name.value,
                        e.year,
                        e.kind.name_zh(),
                        &fig(e.amount),
                        &fig(sum),
                    ),
                    e.span,
                    msg::label_declared(&fig(e.amount)),
                )
                .with_help(msg::help_earlier_differs())
                .with_path(path),
            );
        }
    }
}

fn earlier_mismatch(name: &str, e: &EarlierFigure, sum: Money, path: &[String]) -> Diagnostic {
    Diagnostic::new(
        EARLIER_SUM_MISMATCH,
        msg::earlier_differs(name, e.year, e.kind.name_zh(), &fig(e.amount), &fig(sum)),
        e.span,
        msg::label_declared(&fig(e.amount)),
    )
    .with_help(msg::help_earlier_differs())
    .with_path(path)
}

/// The directions and projects are the department's project spending: together they cannot exceed its
/// 项目支出 line, or 资金总额 where there is none.
pub fn directions_within_project_spending(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let (Some(directions), Some(first)) = (decl.directions_total(), decl.directions.first()) else {
        return Vec::new();
    };
    let limit = match model::find_line(&decl.spending, PROJECT_SPENDING) {
        // `= directions` makes them equal; a declared figure beside it is B3001's to report.
        Some(l) if matches!(l.derived.as_ref().map(|d| &d.how), Some(How::Directions(_))) => None,
        Some(l) => l.amount.map(|a| (a, PROJECT_SPENDING, l.span)),
        None => decl.total().map(|t| {
            let at = decl
                .declared_total
                .as_ref()
                .map(|t| t.span)
                .or(decl.income.first().map(|l| l.span))
                .or(decl.spending.first().map(|l| l.span))
                .unwrap_or(first.name.span);
            (t, TOTAL, at)
        }),
    };
    let Some((limit, what, at)) = limit else {
        return Vec::new();
    };
    if directions.compare(limit).is_ok_and(|o| o.is_gt()) {
        return vec![
            Diagnostic::new(
                DIRECTIONS_ABOVE_SPENDING,
                msg::directions_above(
                    &fig(directions),
                    what,
                    &fig(limit),
                    &difference(directions, limit),
                ),
                at,
                msg::label_limit_is(what, &fig(limit)),
            )
            .with_label(
                first.name.span,
                msg::label_directions_add_up(&fig(directions)),
            )
            .with_help(msg::help_directions_above(what)),
        ];
    }
    Vec::new()
}

/// The spending line the directions make up, and 资金总额, as the forms name them.
const PROJECT_SPENDING: &str = "项目支出";
const TOTAL: &str = "资金总额";

pub fn funds_match_amount(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for (d, path) in review.directions() {
        let (Some(sum), Some(amount)) = (model::sum_lines(&d.funds, decl.unit), d.amount) else {
            continue;
        };
        if sum != amount {
            out.push(
                Diagnostic::new(
                    PROJECT_FUNDS_MISMATCH,
                    msg::funds_differ(
                        &d.name.value,
                        &fig(sum),
                        &fig(amount),
                        &difference(sum, amount),
                    ),
                    d.funds.first().map_or(d.name.span, |l| l.span),
                    msg::label_funds_add_up(&fig(sum)),
                )
                .with_label(d.name.span, msg::label_amount(&fig(amount)))
                .with_help(msg::help_funds_differ())
                .with_path(path),
            );
        }
    }
    // A task's sources add up to its amount as a project's do.
    for t in &decl.tasks {
        let (Some(sum), Some(declared)) =
            (model::sum_lines(&t.funds, decl.unit), t.declared.as_ref())
        else {
            continue;
        };
        if sum != declared.value {
            out.push(
                Diagnostic::new(
                    PROJECT_FUNDS_MISMATCH,
                    msg::funds_differ(
                        &t.task.value,
                        &fig(sum),
                        &fig(declared.value),
                        &difference(sum, declared.value),
                    ),
                    t.funds.first().map_or(t.task.span, |l| l.span),
                    msg::label_funds_add_up(&fig(sum)),
                )
                .with_label(declared.span, msg::label_amount(&fig(declared.value)))
                .with_help(msg::help_funds_differ()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Agreement, compare};
    use crate::domain::{Money, MoneyUnit};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn printed_precision_is_recognised() {
        let d = |s: &str| Money::new(Decimal::from_str(s).unwrap(), MoneyUnit::WanYuan);
        assert_eq!(
            compare(d("1.88"), Some("1.88"), d("1.878")),
            Agreement::AtPrintedPrecision(2)
        );
        assert_eq!(
            compare(d("1.87"), Some("1.87"), d("1.878")),
            Agreement::Differ
        );
        assert_eq!(
            compare(d("1.8780"), Some("1.8780"), d("1.878")),
            Agreement::Equal
        );
    }
}
