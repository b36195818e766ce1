//! The year-end section of a diff: where the year-end facts were added or changed, each row whose
//! actual, reason or score moved (预算执行 and every 年度 indicator), and the table's total and grade.
//! The targets are compared by the other sections; adding the year-end facts to a declaration changes
//! nothing there, so its diff is this section alone.

use super::changes::{EvaluationChange, ScoreFacts, ScoreRowChange};
use crate::model::Declaration;
use crate::score::{Evaluation, evaluate};

pub fn compare(old: &Declaration, new: &Declaration) -> Vec<EvaluationChange> {
    let old_e = evaluate(old);
    let new_e = evaluate(new);
    let name = |e: &Evaluation| e.direction.map(|d| d.name.value.clone());
    let mut out = Vec::new();
    for n in &new_e {
        let o = old_e.iter().find(|o| name(o) == name(n));
        push(name(n), o, Some(n), &mut out);
    }
    for o in &old_e {
        if !new_e.iter().any(|n| name(n) == name(o)) {
            push(name(o), Some(o), None, &mut out);
        }
    }
    out
}

fn rows(e: &Evaluation) -> Vec<(String, ScoreFacts)> {
    let mut out = Vec::new();
    out.push((
        "预算执行".to_string(),
        match &e.execution {
            Some(x) => ScoreFacts {
                actual: format!(
                    "{} / {}",
                    crate::present::figures::money(x.spent),
                    crate::present::figures::money(x.budget)
                ),
                score: Some(x.score),
                points: x.points,
                reason: None,
            },
            None => ScoreFacts {
                actual: String::new(),
                score: None,
                points: crate::domain::scoring::Profile::default().execution_points(),
                reason: None,
            },
        },
    ));
    for item in &e.items {
        let a = item.indicator.achieved.as_ref();
        out.push((
            item.indicator.name.value.clone(),
            ScoreFacts {
                actual: a.map_or(String::new(), |a| a.value.text().to_string()),
                score: a.map(|_| item.score),
                points: item.points,
                reason: a.and_then(|a| a.reason.as_ref()).map(|r| r.value.clone()),
            },
        ));
    }
    out
}

fn push(
    table: Option<String>,
    old: Option<&Evaluation>,
    new: Option<&Evaluation>,
    out: &mut Vec<EvaluationChange>,
) {
    let old_rows = old.map(rows).unwrap_or_default();
    let new_rows = new.map(rows).unwrap_or_default();
    let mut changes = Vec::new();
    for (label, n) in &new_rows {
        let o = old_rows.iter().find(|(l, _)| l == label).map(|(_, f)| f);
        if o != Some(n) && !(o.is_none() && n.score.is_none() && n.actual.is_empty()) {
            changes.push(ScoreRowChange {
                label: label.clone(),
                old: o
                    .cloned()
                    .filter(|f| f.score.is_some() || !f.actual.is_empty()),
                new: Some(n.clone()),
            });
        }
    }
    for (label, o) in &old_rows {
        if !new_rows.iter().any(|(l, _)| l == label) {
            changes.push(ScoreRowChange {
                label: label.clone(),
                old: Some(o.clone()),
                new: None,
            });
        }
    }
    let total = (old.map(|e| e.total), new.map(|e| e.total));
    let grade = (
        old.map(|e| e.grade.zh().to_string()),
        new.map(|e| e.grade.zh().to_string()),
    );
    if changes.is_empty() && total.0 == total.1 && grade.0 == grade.1 {
        return;
    }
    out.push(EvaluationChange {
        table,
        rows: changes,
        total,
        grade,
    });
}
