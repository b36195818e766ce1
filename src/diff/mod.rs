//! diff: two declarations → a change set, compared as budgets, not as text. Depends on the model, and
//! on `present` to write values, figures and scores the way the tables do.
//!
//! Matching rules (docs/diff.md explains them for users):
//! - header fields by field; totals by kind; income / spending / fund lines by breakdown and path of names;
//!   directions and projects by name at any depth; cost lines by label within their direction;
//!   plans by 事项, tasks by 工作任务.
//! - indicators by table (department or direction), horizon and 三级指标 name; then a leftover new
//!   indicator is paired with a leftover old one of the same table, horizon and 二级指标 whose name shares
//!   at least half its characters (the closest one; the earlier one on a tie): it is *reworded*. Anything
//!   left is added or removed.
//! - duties and 年度总体目标 are lists without names: equal texts pair first, wherever they stand; a
//!   leftover pairs with the closest leftover sharing at least half its characters (changed), and the rest
//!   are added or removed.
//! - so order never matters: a pure reordering is no change.
//! - the year-end self-evaluation by table (department, or direction by name), then 预算执行 and each
//!   年度 indicator by name: its actual, reason and score, and the table's total and grade.

pub mod changes;
mod directions;
mod forms;
mod header;
mod indicators;
pub mod json;
mod lines;
pub mod markdown;
mod pairing;
pub mod text;
mod texts;
mod year_end;

use crate::domain::{Money, MoneyUnit};
use crate::model::Declaration;
use changes::*;
use directions::compare_directions;
use forms::department_forms;
use header::{header, totals};
use indicators::compare_indicators;
use lines::compare_lines;
use rust_decimal::Decimal;
use texts::department_texts;

/// Compares two declarations. Every amount in the result is in one unit: the documents' own, or 万元
/// when they differ (converting 元 to 万元 only divides, so it cannot overflow).
pub fn diff(old: &Declaration, new: &Declaration) -> ChangeSet {
    let unit = if old.unit == new.unit {
        new.unit
    } else {
        MoneyUnit::WanYuan
    };
    let cx = Cx { old, new, unit };
    let mut texts = Vec::new();
    department_texts(old, new, &mut texts);
    department_forms(old, new, &mut texts);
    let mut indicators = Vec::new();
    compare_indicators(&cx, None, &old.indicators, &new.indicators, &mut indicators);
    let mut lines = Vec::new();
    compare_lines(
        &cx,
        None,
        Breakdown::Income,
        &old.income,
        &new.income,
        &[],
        &mut lines,
    );
    compare_lines(
        &cx,
        None,
        Breakdown::Spending,
        &old.spending,
        &new.spending,
        &[],
        &mut lines,
    );
    let directions = compare_directions(&cx, &mut lines, &mut indicators, &mut texts);
    ChangeSet {
        old_year: old.year.as_ref().map(|y| y.value),
        new_year: new.year.as_ref().map(|y| y.value),
        filer: new
            .filer
            .as_ref()
            .or(old.filer.as_ref())
            .map(|f| f.value.clone()),
        unit,
        header: header(old, new),
        totals: totals(&cx),
        lines,
        directions,
        indicators,
        texts,
        self_evaluation: year_end::compare(old, new),
    }
}

struct Cx<'a> {
    old: &'a Declaration,
    new: &'a Declaration,
    unit: MoneyUnit,
}

impl Cx<'_> {
    /// An amount in the comparison's unit; `None` when unknown.
    fn amount(&self, v: Option<Money>) -> Option<Decimal> {
        v.and_then(|m| m.amount_in(self.unit).ok())
    }

    fn amounts(&self, old: Option<Money>, new: Option<Money>) -> AmountChange {
        AmountChange::new(self.amount(old), self.amount(new))
    }
}

fn field(
    key: &'static str,
    label: &'static str,
    old: Option<String>,
    new: Option<String>,
    out: &mut Vec<FieldChange>,
) {
    if old != new {
        out.push(FieldChange {
            key,
            label,
            old,
            new,
        });
    }
}
