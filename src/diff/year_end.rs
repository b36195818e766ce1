//! The year-end section of a diff: where the year-end facts were added or changed, each row whose
//! actual, reason or score moved (预算执行 and every 年度 indicator), and the table's total and grade.
//! The targets are compared by the other sections; adding the year-end facts to a declaration changes
//! nothing there, so its diff is this section alone.

use super::changes::{EvaluationChange, ScoreFacts, ScoreRowChange};
use super::pairing::{Paired, pair_by};
use crate::model::Declaration;
use crate::score::{Evaluation, evaluate};

pub fn compare(old: &Declaration, new: &Declaration) -> Vec<EvaluationChange> {
    let old_e = evaluate(old);
    let new_e = evaluate(new);
    let name = |e: &Evaluation| e.direction.map(|d| d.name.value.clone());
    let mut out = Vec::new();
    for p in pair_by(&old_e, &new_e, name) {
        match p {
            Paired::Both { old, new, .. } => push(name(new), Some(old), Some(new), &mut out),
            Paired::Added { new, .. } => push(name(new), None, Some(new), &mut out),
            Paired::Removed { old, .. } => push(name(old), Some(old), None, &mut out),
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
                points: Some(x.points),
                reason: None,
            },
            None => ScoreFacts {
                actual: String::new(),
                score: None,
                points: Some(crate::domain::scoring::Profile::default().execution_points()),
                reason: None,
            },
        },
    ));
    // Each funding line's execution (not scored: the total row is), `预算执行 › 财政拨款`.
    for x in &e.year_end.executions {
        let Some(line) = &x.line else { continue };
        out.push((
            format!("预算执行 › {}", line.value),
            ScoreFacts {
                actual: format!(
                    "{} / {}",
                    crate::present::figures::money(x.spent.value),
                    crate::present::figures::money(x.budget.value)
                ),
                score: None,
                points: None,
                reason: None,
            },
        ));
    }
    for item in &e.items {
        let a = item.indicator.achieved.as_ref();
        out.push((
            item.indicator.name.value.clone(),
            ScoreFacts {
                actual: a.map_or(String::new(), |a| a.value.text().to_string()),
                score: a.map(|_| item.score),
                points: Some(item.points),
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
    for p in pair_by(&old_rows, &new_rows, |(label, _)| label.clone()) {
        let (label, o, n) = match p {
            Paired::Both { old, new, .. } => (&new.0, Some(&old.1), Some(&new.1)),
            Paired::Added { new, .. } => (&new.0, None, Some(&new.1)),
            Paired::Removed { old, .. } => (&old.0, Some(&old.1), None),
        };
        // A row with nothing written on either side (a target without its actual yet) is no change.
        let written = |f: &&ScoreFacts| f.score.is_some() || !f.actual.is_empty();
        if o != n && (o.is_some_and(|o| written(&o)) || n.is_some_and(|n| written(&n))) {
            changes.push(ScoreRowChange {
                label: label.clone(),
                old: o.filter(written).cloned(),
                new: n.cloned(),
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
