//! Cost caps (产出成本 ≤ …万元): a money cost value equals the amount it caps in every table we have
//! seen, whatever its operator (`≤180万元`, `=180万元`, a bare `180万`). Above it is an error; below it, a
//! note; a strict `<` equal to it, a warning. Percent, word and unit-cost values (`1200元/亩`) in cost
//! rows are not money and are not checked.

use super::Review;
use super::fig;
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::Money;
use crate::domain::framework::Role;
use crate::model::{Measure, Op, Value};

crate::codes::rules! {
    COST_CAP_ABOVE_AMOUNT = "B4020", Error, "a cost cap is above the amount it caps", "成本指标上限高于其对应的金额";
    COST_CAP_BELOW_AMOUNT = "B4021", Note, "a cost cap is below the amount it caps", "成本指标上限低于其对应的金额";
    STRICT_CAP_EQUAL = "B4022", Warning, "a strict `<` cost cap equals the amount it caps", "严格小于（`<`）的成本上限等于其对应的金额";
}

pub fn cost_cap_within_amount(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        // What a cap in this table caps: the direction's amount, or for the department the project
        // spending (the directions) when it has any, else 资金总额.
        let capped = match table.direction {
            Some(d) => d
                .amount
                .map(|a| (a, msg::capped_direction(&d.name.value), d.name.span)),
            // For the department: its project spending — the 项目支出 line where there is one (a
            // declared figure accepted beside `= directions` is one value for every check), else the
            // directions' sum — or 资金总额 without directions.
            None => match (
                decl.directions.first(),
                project_spending(decl),
                decl.total(),
            ) {
                (Some(first), Some(t), _) => {
                    Some((t, msg::capped_project_spending(), first.name.span))
                }
                (None, _, Some(t)) => Some((
                    t,
                    msg::capped_total(),
                    decl.declared_total
                        .as_ref()
                        .map_or_else(Default::default, |t| t.span),
                )),
                _ => None,
            },
        };
        let Some((amount, what, amount_span)) = capped else {
            continue;
        };
        for ind in table.indicators {
            let role = decl.category_of(ind).and_then(|c| c.role);
            if !matches!(role, Some(Role::Cost | Role::EconomicCost)) {
                continue;
            }
            let Value::Quantity {
                op,
                measure: Measure::Money(cap),
                span,
                ..
            } = &ind.value
            else {
                continue;
            };
            let Ok(cap) = cap.to(decl.unit) else {
                continue;
            };
            let cap_text = format!("{}{}", op.symbol(), fig(cap));
            let diag = if cap.amount() > amount.amount() {
                Diagnostic::new(
                    COST_CAP_ABOVE_AMOUNT,
                    msg::cost_cap_above(&cap_text, &what, &fig(amount)),
                    *span,
                    msg::label_above_by(&fig_difference(cap, amount)),
                )
                .with_help(msg::help_cost_cap_above(&format!(
                    "{}{}",
                    op.symbol(),
                    fig(amount)
                )))
            } else if cap.amount() < amount.amount() {
                Diagnostic::new(
                    COST_CAP_BELOW_AMOUNT,
                    msg::cost_cap_below(&cap_text, &what, &fig(amount)),
                    *span,
                    msg::label_below_by(&fig_difference(amount, cap)),
                )
                .with_help(msg::help_cost_cap_below())
            } else if *op == Op::Lt {
                Diagnostic::new(
                    STRICT_CAP_EQUAL,
                    msg::strict_cap_equal(&cap_text, &fig(amount)),
                    *span,
                    msg::label_strictly_below(),
                )
                .with_help(msg::help_strict_cap())
            } else {
                continue;
            };
            out.push(
                diag.with_label(amount_span, what.clone())
                    .with_path(&table.path),
            );
        }
    }
    out
}

/// `a − b`, which is positive here.
fn fig_difference(a: Money, b: Money) -> String {
    a.checked_sub(b).map_or_else(|_| String::new(), fig)
}

fn project_spending(decl: &crate::model::Declaration) -> Option<Money> {
    crate::model::find_line(&decl.spending, "项目支出")
        .and_then(|l| l.amount)
        .or_else(|| decl.directions_total())
}
