//! JSON: one document with every fact and every derived figure. Amounts are decimal strings in the
//! document's unit (`"173.4271"`), never floats. The schema is described in docs/json.md.

use super::layout::{chinese_ordinal, value_text};
use crate::model::{Cost, Count, Declaration, Derived, Direction, Indicator, Line, Value};
use crate::money;
use crate::syntax::ast::{DirectionKind, Horizon, Per};
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

/// The version of the schema in docs/json.md.
pub const SCHEMA_VERSION: u32 = 1;

pub fn render(decl: &Declaration) -> String {
    let mut s = serde_json::to_string_pretty(&document(decl)).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

fn amount(v: Decimal) -> Json {
    Json::String(money::exact(v))
}

fn opt_amount(v: Option<Decimal>) -> Json {
    v.map_or(Json::Null, amount)
}

fn derivation(d: &Option<Derived>) -> Json {
    d.as_ref().map_or(
        Json::Null,
        |d| json!({ "amount": amount(d.value), "how": d.how }),
    )
}

/// A share of the total in percent, two decimals (占比).
fn share(part: Decimal, total: Option<Decimal>) -> Json {
    match total.filter(|t| !t.is_zero()).and_then(|t| {
        part.checked_mul(Decimal::from(100))
            .and_then(|p| p.checked_div(t))
    }) {
        Some(p) => Json::String(money::display(p, 2)),
        None => Json::Null,
    }
}

pub fn document(decl: &Declaration) -> Json {
    let total = decl.total();
    json!({
        "schema": SCHEMA_VERSION,
        "year": decl.year.as_ref().map(|y| y.value),
        "filer": decl.filer.as_ref().map(|f| f.value.clone()),
        "department": decl.department.as_ref().map(|f| f.value.clone()),
        "unit": money::unit_name(decl.unit),
        "precision": decl.precision,
        "framework": {
            "name": decl.framework.name,
            "tiers": decl.framework.tiers.iter().map(|t| json!({
                "name": t.name,
                "categories": t.categories.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
        "total": opt_amount(total),
        "declared_total": opt_amount(decl.declared_total.as_ref().map(|t| t.value)),
        "income_total": opt_amount(decl.income_total().filter(|_| !decl.income.is_empty())),
        "spending_total": opt_amount(decl.spending_total().filter(|_| !decl.spending.is_empty())),
        "project_spending": opt_amount(decl.directions_total().filter(|_| !decl.directions.is_empty())),
        "income": lines(&decl.income, total),
        "spending": lines(&decl.spending, total),
        "duties": decl.duties.iter().map(|d| d.value.clone()).collect::<Vec<_>>(),
        "goals": decl.goals.iter().map(|d| d.value.clone()).collect::<Vec<_>>(),
        "plans": decl.plans.iter().map(|p| json!({ "item": p.item.value, "owner": p.owner.value, "target": p.target.value })).collect::<Vec<_>>(),
        "tasks": decl.tasks.iter().map(|t| json!({
            "task": t.task.value, "duty": t.duty.value, "funded_by": t.funded_by.value, "amount": opt_amount(t.amount),
        })).collect::<Vec<_>>(),
        "indicators": decl.indicators.iter().map(|i| indicator(decl, i)).collect::<Vec<_>>(),
        "directions": directions(decl, &decl.directions, 0),
    })
}

fn lines(ls: &[Line], total: Option<Decimal>) -> Json {
    Json::Array(
        ls.iter()
            .map(|l| {
                json!({
                    "name": l.name.value,
                    "amount": amount(l.amount),
                    "declared": opt_amount(l.declared.as_ref().map(|d| d.value)),
                    "derived": derivation(&l.derived),
                    "share": share(l.amount, total),
                    "items": lines(&l.children, total),
                })
            })
            .collect(),
    )
}

fn directions(decl: &Declaration, ds: &[Direction], depth: usize) -> Json {
    let mut n = 0;
    Json::Array(
        ds.iter()
            .map(|d| {
                n += 1;
                let number = if depth == 0 { chinese_ordinal(n) } else { n.to_string() };
                json!({
                    "kind": match d.kind { DirectionKind::Direction => "direction", DirectionKind::Project => "project" },
                    "number": number,
                    "name": d.name.value,
                    "special": d.special.as_ref().map(|s| s.value.clone()),
                    "project_kind": d.project_kind.as_ref().map(|s| s.value.clone()),
                    "period": d.period.as_ref().map(|p| json!({
                        "text": p.value.text,
                        "start": p.value.start.map(|s| format!("{:04}-{:02}", s.year, s.month)),
                        "end": p.value.end.map(|s| format!("{:04}-{:02}", s.year, s.month)),
                        "months": p.value.months,
                        "long_term": p.value.long_term,
                    })),
                    "amount": amount(d.amount),
                    "declared_amount": opt_amount(d.declared.as_ref().map(|a| a.value)),
                    "derived": derivation(&d.derived),
                    "basis": d.costs.iter().map(|c| cost(decl, c)).collect::<Vec<_>>(),
                    "basis_text": d.basis_text,
                    "people": d.people.map(amount),
                    "goal": d.goal.as_ref().map(|g| g.value.clone()),
                    "annual": d.annual.as_ref().map(|g| g.value.clone()),
                    "summary_goal": d.summary_goal_text(),
                    "summary_annual": d.summary_annual_text(),
                    "funds": lines(&d.funds, Some(d.amount)),
                    "indicators": d.indicators.iter().map(|i| indicator(decl, i)).collect::<Vec<_>>(),
                    "directions": directions(decl, &d.children, depth + 1),
                })
            })
            .collect(),
    )
}

fn cost(decl: &Declaration, c: &Cost) -> Json {
    let (count_kind, count, count_unit) = match &c.count {
        Count::People(n) => ("people", *n, "人".to_string()),
        Count::Qty { number, unit } => ("qty", *number, unit.clone()),
    };
    json!({
        "label": c.label.as_ref().map(|l| l.value.clone()),
        "count_kind": count_kind,
        "count": amount(count),
        "count_unit": count_unit,
        "price_yuan": amount(c.price),
        "per": match c.per { Per::Month => "month", Per::Year => "year", Per::Once => "once" },
        "times": amount(c.times),
        "amount_yuan": amount(c.yuan),
        "amount": opt_amount(money::convert(c.yuan, crate::syntax::ast::MoneyUnit::Yuan, decl.unit)),
        "prior": opt_amount(c.prior),
        "how": c.derived.how,
    })
}

fn indicator(decl: &Declaration, i: &Indicator) -> Json {
    let tier = i
        .slot
        .and_then(|s| decl.framework.tiers.get(s.tier))
        .map(|t| t.name.clone());
    let category = decl
        .category_of(i)
        .map_or_else(|| i.level2_written.value.clone(), |c| c.name.clone());
    let (kind, operator, number, unit, reference) = match &i.value {
        Value::Quality { .. } => ("qualitative", Json::Null, Json::Null, Json::Null, Json::Null),
        Value::Quantity { op, number, unit, reference, .. } => (
            "quantitative",
            Json::String(op.symbol().to_string()),
            amount(*number),
            unit.clone().map_or(Json::Null, Json::String),
            reference.as_ref().map_or(Json::Null, |r| json!({ "of": r.written, "amount": amount(r.derived.value), "how": r.derived.how })),
        ),
    };
    let sense = i.sense.clone().or_else(|| match &i.value {
        Value::Quantity { op, .. } => op.sense().map(str::to_string),
        Value::Quality { .. } => None,
    });
    json!({
        "horizon": match i.horizon { Horizon::Annual => "annual", Horizon::Overall => "overall" },
        "level1": tier,
        "level2": category,
        "name": i.name.value,
        "value": value_text(decl, &i.value),
        "kind": kind,
        "operator": operator,
        "number": number,
        "unit": unit,
        "reference": reference,
        "note": i.note,
        "standard": i.standard,
        "weight": i.weight.map(amount),
        "explain": i.explain,
        "scoring": i.scoring,
        "sense": sense,
    })
}
