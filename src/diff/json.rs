//! A change set as one JSON document (docs/json.md, section "bdl diff"). Amounts and percentages are
//! decimal strings, never floats.

use super::changes::*;
use crate::present::figures;
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

/// The version of the `bdl diff` document described in docs/json.md.
pub const SCHEMA_VERSION: u32 = 1;

pub fn render(c: &ChangeSet) -> String {
    let mut s = serde_json::to_string_pretty(&document(c)).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

fn amount(v: Option<Decimal>) -> Json {
    v.map_or(Json::Null, |v| Json::String(figures::exact(v)))
}

fn amounts(a: &AmountChange) -> Json {
    json!({
        "old": amount(a.old),
        "new": amount(a.new),
        "change": amount(a.change),
        "percent": amount(a.percent),
    })
}

fn field(f: &FieldChange) -> Json {
    json!({ "field": f.key, "label": f.label, "old": f.old, "new": f.new })
}

fn segments(s: &[Segment]) -> Json {
    Json::Array(
        s.iter()
            .map(|s| json!({ "op": s.kind.key(), "text": s.text }))
            .collect(),
    )
}

fn cost(c: &CostEntry) -> Json {
    json!({ "label": c.label, "basis": c.basis, "amount": amount(c.amount) })
}

fn entry(e: &DirectionEntry) -> Json {
    json!({
        "name": e.name,
        "kind": e.kind,
        "parent": e.parent,
        "amount": amount(e.amount),
        "costs": e.costs.iter().map(cost).collect::<Vec<_>>(),
        "basis_text": e.basis_text,
        "special": e.special,
        "period": e.period,
        "goal": e.goal,
        "annual": e.annual,
        "indicators": e.indicators,
    })
}

fn indicator_facts(f: &Option<IndicatorFacts>) -> Json {
    f.as_ref().map_or(
        Json::Null,
        |f| json!({ "name": f.name, "value": f.value, "note": f.note }),
    )
}

pub fn document(c: &ChangeSet) -> Json {
    let mut doc = json!({
        "schema": SCHEMA_VERSION,
        "same": c.is_same(),
        "unit": c.unit.name(),
        "old_year": c.old_year,
        "new_year": c.new_year,
        "header": c.header.iter().map(field).collect::<Vec<_>>(),
        "totals": c.totals.iter().map(|t| json!({
            "key": t.key,
            "label": t.label,
            "changed": t.amounts.is_changed(),
            "old": amount(t.amounts.old),
            "new": amount(t.amounts.new),
            "change": amount(t.amounts.change),
            "percent": amount(t.amounts.percent),
        })).collect::<Vec<_>>(),
        "lines": c.lines.iter().map(|l| json!({
            "direction": l.direction,
            "breakdown": l.breakdown.key(),
            "path": l.path,
            "status": l.status.key(),
            "old": amount(l.amounts.old),
            "new": amount(l.amounts.new),
            "change": amount(l.amounts.change),
            "percent": amount(l.amounts.percent),
        })).collect::<Vec<_>>(),
        "directions": {
            "added": c.directions.added.iter().map(entry).collect::<Vec<_>>(),
            "removed": c.directions.removed.iter().map(entry).collect::<Vec<_>>(),
            "changed": c.directions.changed.iter().map(|d| json!({
                "name": d.name,
                "amount": amounts(&d.amounts),
                "fields": d.fields.iter().map(field).collect::<Vec<_>>(),
                "facts": d.facts.iter().map(|f| json!({
                    "cost": f.cost, "fact": f.fact, "old": f.old, "new": f.new, "unit": f.unit,
                })).collect::<Vec<_>>(),
                "costs_added": d.costs_added.iter().map(cost).collect::<Vec<_>>(),
                "costs_removed": d.costs_removed.iter().map(cost).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
        "indicators": c.indicators.iter().map(|i| json!({
            "status": i.status.key(),
            "direction": i.table,
            "horizon": i.horizon,
            "level1": i.level1,
            "level2": i.level2,
            "old": indicator_facts(&i.old),
            "new": indicator_facts(&i.new),
            "fields": i.fields.iter().map(field).collect::<Vec<_>>(),
            "name_segments": segments(&i.name_segments),
        })).collect::<Vec<_>>(),
        "texts": c.texts.iter().map(|t| json!({
            "status": t.status.key(),
            "direction": t.table,
            "text": t.key,
            "label": t.label,
            "old": t.old,
            "new": t.new,
            "segments": segments(&t.segments),
        })).collect::<Vec<_>>(),
    });
    // Only where either side has year-end facts, so a diff of targets keeps its JSON.
    if !c.self_evaluation.is_empty()
        && let Some(map) = doc.as_object_mut()
    {
        map.insert("self_evaluation".to_string(), self_evaluation(c));
    }
    doc
}

fn self_evaluation(c: &ChangeSet) -> Json {
    Json::Array(
        c.self_evaluation
            .iter()
            .map(|e| {
                json!({
                    "direction": e.table,
                    "rows": e.rows.iter().map(|r| json!({
                        "label": r.label,
                        "old": score_facts(&r.old),
                        "new": score_facts(&r.new),
                    })).collect::<Vec<_>>(),
                    "old_total": amount(e.total.0),
                    "new_total": amount(e.total.1),
                    "old_grade": e.grade.0,
                    "new_grade": e.grade.1,
                })
            })
            .collect::<Vec<_>>(),
    )
}

fn score_facts(f: &Option<ScoreFacts>) -> Json {
    f.as_ref().map_or(Json::Null, |f| {
        json!({
            "actual": f.actual,
            "score": amount(f.score),
            "points": amount(f.points),
            "reason": f.reason,
        })
    })
}
