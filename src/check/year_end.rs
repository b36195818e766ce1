//! The year-end self-evaluation's checks (docs/self-evaluation.md): every 年度 indicator has an actual
//! of its target's kind, a deviation has its reason, execution stays within the budget and the funding
//! lines add up to the total row, and a score typed by hand agrees with the rules. The scores are
//! `score::evaluate`'s; this file only reports.

use super::Review;
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::Money;
use crate::present::figures;
use crate::score::{Evaluation, Rule};

crate::codes::rules! {
    ACTUAL_MISSING = "B4060", Warning, "a 年度 indicator or the budget execution has no year-end figure", "年度指标或预算执行缺少年终实际数";
    ACTUAL_WRONG_KIND = "B4061", Error, "an actual value is not of its target's kind", "实际完成值与指标值类型不符";
    DEVIATION_WITHOUT_REASON = "B4062", Warning, "a deviation from the target has no reason", "偏离目标但未说明偏差原因";
    EXECUTION_ABOVE_BUDGET = "B4063", Warning, "more was spent than the full-year budget", "全年执行数超过全年预算数";
    EXECUTION_LINES_MISMATCH = "B4064", Error, "the funding lines' execution does not add up to the total row", "各资金来源的执行情况合计与年度资金总额不符";
    SCORE_CONTRADICTED = "B4065", Error, "a score typed by hand contradicts the scoring rules", "手填得分与评分规则不符";
    BLOCK_WEIGHTS_SCALED = "B4066", Warning, "the weights of a block differ from the points the profile gives it, and are scaled", "某部分指标的分值之和与评分方案给定的分值不符，已按比例折算";
}

pub fn self_evaluation(review: &Review) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in crate::score::evaluate(review.decl) {
        let path: Vec<String> = review
            .tables
            .iter()
            .find(|t| match (t.direction, e.direction) {
                (Some(a), Some(b)) => std::ptr::eq(a, b),
                (None, None) => true,
                _ => false,
            })
            .map(|t| t.path.clone())
            .unwrap_or_default();
        table(review, &e, &path, &mut out);
    }
    out
}

fn table(review: &Review, e: &Evaluation, path: &[String], out: &mut Vec<Diagnostic>) {
    let at = e.direction.map(|d| d.name.span).unwrap_or_default();
    let missing = e.items.iter().filter(|i| {
        i.indicator.achieved.is_none() && !e.year_end.meant.contains(&i.indicator.name.value)
    });
    for item in missing {
        out.push(
            Diagnostic::new(
                ACTUAL_MISSING,
                msg::actual_missing(&item.indicator.name.value),
                item.indicator.span,
                msg::label_no_actual(),
            )
            .with_help(msg::help_actual_missing(&item.indicator.name.value))
            .with_path(path),
        );
    }
    if e.year_end.total().is_none() {
        out.push(
            Diagnostic::new(
                ACTUAL_MISSING,
                msg::execution_missing(),
                at,
                msg::label_no_execution(),
            )
            .with_help(msg::help_execution_missing())
            .with_path(path),
        );
    }
    for item in &e.items {
        let Some(a) = &item.indicator.achieved else {
            continue;
        };
        if let Some(m) = &item.mismatch {
            out.push(
                Diagnostic::new(
                    ACTUAL_WRONG_KIND,
                    msg::actual_wrong_kind(&item.indicator.name.value, m),
                    a.value.span(),
                    msg::label_wrong_kind(m),
                )
                .with_label(item.indicator.value.span(), msg::label_the_target())
                .with_help(msg::help_wrong_kind(m))
                .with_path(path),
            );
        }
        if let Some(d) = item.deviation
            && a.reason.is_none()
        {
            out.push(
                Diagnostic::new(
                    DEVIATION_WITHOUT_REASON,
                    msg::deviation_without_reason(&item.indicator.name.value, d),
                    a.span,
                    msg::label_deviation(d),
                )
                .with_help(msg::help_deviation_reason(&figures::exact(
                    review.decl.profile.deviation,
                )))
                .with_path(path),
            );
        }
        if let (Some(typed), Some(s)) = (item.contradicted, &a.score) {
            let band = matches!(item.rule, Rule::Band { .. });
            out.push(
                Diagnostic::new(
                    SCORE_CONTRADICTED,
                    msg::score_contradicted(
                        &item.indicator.name.value,
                        &figures::exact(typed),
                        &figures::display_fixed(item.score, 2),
                        band,
                    ),
                    s.span,
                    msg::label_typed_score(),
                )
                .with_help(msg::help_score_contradicted(
                    &crate::present::scores::explain(&item.rule, item.points, item.score),
                ))
                .with_path(path),
            );
        }
    }
    for x in &e.year_end.executions {
        if let Ok(std::cmp::Ordering::Greater) = x.spent.value.compare(x.budget.value) {
            out.push(
                Diagnostic::new(
                    EXECUTION_ABOVE_BUDGET,
                    msg::execution_above_budget(
                        &super::fig(x.spent.value),
                        &super::fig(x.budget.value),
                    ),
                    x.spent.span,
                    msg::label_spent_above(),
                )
                .with_label(x.budget.span, msg::label_full_year_budget())
                .with_help(msg::help_execution_above_budget())
                .with_path(path),
            );
        }
    }
    lines_add_up(e, path, out);
    blocks_weighed(review, e, path, out);
}

/// Under `mof`, weights that every indicator of a block has but that do not add up to the block's
/// points are scaled to them: the self-evaluation then prints other 分值 than the target table.
fn blocks_weighed(review: &Review, e: &Evaluation, path: &[String], out: &mut Vec<Diagnostic>) {
    let profile = &review.decl.profile;
    if profile.kind != crate::domain::scoring::ProfileKind::Mof {
        return;
    }
    let inds: Vec<&crate::model::Indicator> = e.items.iter().map(|i| i.indicator).collect();
    for b in crate::score::points::blocks(review.decl, profile.kind, &inds) {
        let Some(weights) = b.weights(&inds) else {
            continue;
        };
        if weights == b.points || weights.is_zero() {
            continue;
        }
        let Some(first) = b.members.first().and_then(|i| inds.get(*i)) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                BLOCK_WEIGHTS_SCALED,
                msg::block_weights_scaled(
                    b.name,
                    &figures::exact(weights),
                    &figures::exact(b.points),
                ),
                first.span,
                msg::label_block_weights(b.name, &figures::exact(weights)),
            )
            .with_help(msg::help_block_weights_scaled(
                b.name,
                &figures::exact(b.points),
            ))
            .with_path(path),
        );
    }
}

/// Where every top-level funding line has its execution, they add up to the total row's.
fn lines_add_up(e: &Evaluation, path: &[String], out: &mut Vec<Diagnostic>) {
    let Some(total) = e.year_end.total() else {
        return;
    };
    if e.funds.is_empty() {
        return;
    }
    let rows: Option<Vec<_>> = e
        .funds
        .iter()
        .map(|l| e.year_end.line(&l.name.value))
        .collect();
    let Some(rows) = rows else {
        return;
    };
    let unit = total.budget.value.unit();
    let sum = |f: &dyn Fn(&crate::model::Execution) -> Money| {
        Money::sum(unit, rows.iter().map(|r| f(r))).ok()
    };
    let pairs = [
        (
            sum(&|r| r.budget.value),
            total.budget.value,
            total.budget.span,
            true,
        ),
        (
            sum(&|r| r.spent.value),
            total.spent.value,
            total.spent.span,
            false,
        ),
    ];
    for (got, want, span, budget) in pairs {
        let Some(got) = got else { continue };
        if got.compare(want).ok() != Some(std::cmp::Ordering::Equal) {
            out.push(
                Diagnostic::new(
                    EXECUTION_LINES_MISMATCH,
                    msg::execution_lines_mismatch(budget, &super::fig(got), &super::fig(want)),
                    span,
                    msg::label_total_row(),
                )
                .with_help(msg::help_execution_lines())
                .with_path(path),
            );
        }
    }
}
