//! Indicators: paired by table, horizon and name, then reworded names within the same 二级指标.

use super::changes::*;
use super::pairing::{Paired, pair, text_closeness};
use super::text;
use super::{Cx, field};
use crate::domain::{Horizon, Money};
use crate::model::{Declaration, Indicator};
use crate::present::figures;
use crate::present::values::value_text;

fn horizon_key(h: Horizon) -> &'static str {
    match h {
        Horizon::Annual => "annual",
        Horizon::Overall => "overall",
    }
}

/// The 二级指标 an indicator sits in, comparable across frameworks: its role where the framework knows
/// one (产出数量 and 数量指标 are both Quantity), else its printed name.
fn category_key(decl: &Declaration, i: &Indicator) -> String {
    match decl.category_of(i) {
        Some(c) => match c.role {
            Some(r) => format!("{r:?}"),
            None => c.name.clone(),
        },
        None => i.level2_written.value.clone(),
    }
}

fn level_names(decl: &Declaration, i: &Indicator) -> (String, String) {
    let tier = i
        .slot
        .and_then(|s| decl.framework.tiers.get(s.tier))
        .map_or(String::new(), |t| t.name.clone());
    let category = decl
        .category_of(i)
        .map_or_else(|| i.level2_written.value.clone(), |c| c.name.clone());
    (tier, category)
}

fn facts(decl: &Declaration, i: &Indicator) -> IndicatorFacts {
    IndicatorFacts {
        name: i.name.value.clone(),
        value: value_text(decl, &i.value),
        note: i.note.clone(),
    }
}

pub(super) fn compare_indicators(
    cx: &Cx,
    table: Table,
    old: &[Indicator],
    new: &[Indicator],
    out: &mut Vec<IndicatorChange>,
) {
    let paired = pair(
        old,
        new,
        |o, n| o.horizon == n.horizon && o.name.value == n.name.value,
        |o, n| {
            if o.horizon == n.horizon && category_key(cx.old, o) == category_key(cx.new, n) {
                text_closeness(&o.name.value, &n.name.value)
            } else {
                None
            }
        },
    );
    for paired in paired {
        match paired {
            Paired::Both { old: o, new: n, .. } => {
                let (level1, level2) = level_names(cx.new, n);
                let mut fields = Vec::new();
                let renamed = o.name.value != n.name.value;
                field(
                    "name",
                    "三级指标",
                    Some(o.name.value.clone()),
                    Some(n.name.value.clone()),
                    &mut fields,
                );
                let (_, old_level2) = level_names(cx.old, o);
                if category_key(cx.old, o) != category_key(cx.new, n) {
                    field(
                        "level2",
                        "二级指标",
                        Some(old_level2),
                        Some(level2.clone()),
                        &mut fields,
                    );
                }
                indicator_fields(cx, o, n, &mut fields);
                if fields.is_empty() {
                    continue;
                }
                out.push(IndicatorChange {
                    status: if renamed {
                        IndicatorStatus::Renamed
                    } else {
                        IndicatorStatus::Changed
                    },
                    table: table.clone(),
                    horizon: horizon_key(n.horizon),
                    level1,
                    level2,
                    old: Some(facts(cx.old, o)),
                    new: Some(facts(cx.new, n)),
                    fields,
                    name_segments: if renamed {
                        text::segments(&o.name.value, &n.name.value)
                    } else {
                        Vec::new()
                    },
                });
            }
            Paired::Added { new: n, .. } => {
                let (level1, level2) = level_names(cx.new, n);
                out.push(IndicatorChange {
                    status: IndicatorStatus::Added,
                    table: table.clone(),
                    horizon: horizon_key(n.horizon),
                    level1,
                    level2,
                    old: None,
                    new: Some(facts(cx.new, n)),
                    fields: Vec::new(),
                    name_segments: Vec::new(),
                });
            }
            Paired::Removed { old: o, .. } => {
                let (level1, level2) = level_names(cx.old, o);
                out.push(IndicatorChange {
                    status: IndicatorStatus::Removed,
                    table: table.clone(),
                    horizon: horizon_key(o.horizon),
                    level1,
                    level2,
                    old: Some(facts(cx.old, o)),
                    new: None,
                    fields: Vec::new(),
                    name_segments: Vec::new(),
                });
            }
        }
    }
}

/// A value in money: its operator and amount.
fn money_value(v: &crate::model::Value) -> Option<(crate::model::Op, Money)> {
    match v {
        crate::model::Value::Quantity {
            op,
            measure: crate::model::Measure::Money(m),
            ..
        } => Some((*op, *m)),
        _ => None,
    }
}

fn indicator_fields(cx: &Cx, o: &Indicator, n: &Indicator, out: &mut Vec<FieldChange>) {
    // A money value is compared as an amount in the common unit: `≤4万元` and `≤40000.00元` are
    // the same cap, and a change finer than the printed precision is still a change.
    let same_money = match (money_value(&o.value), money_value(&n.value)) {
        (Some((oo, om)), Some((no, nm))) => {
            oo == no && om.compare(nm).is_ok_and(|o| o == std::cmp::Ordering::Equal)
        }
        _ => false,
    };
    if !same_money {
        field(
            "value",
            "指标值",
            Some(value_text(cx.old, &o.value)),
            Some(value_text(cx.new, &n.value)),
            out,
        );
    }
    field("note", "备注", o.note.clone(), n.note.clone(), out);
    field(
        "standard",
        "绩效标准",
        o.standard.clone(),
        n.standard.clone(),
        out,
    );
    field(
        "weight",
        "权重",
        o.weight.map(figures::exact),
        n.weight.map(figures::exact),
        out,
    );
    field(
        "explain",
        "指标解释",
        o.explain.clone(),
        n.explain.clone(),
        out,
    );
    field(
        "scoring",
        "评（扣）分标准",
        o.scoring.clone(),
        n.scoring.clone(),
        out,
    );
    field("sense", "指标方向", o.sense.clone(), n.sense.clone(), out);
}
