//! A 绩效自评表's figures settled against the compiler (docs/import.md#self-evaluation-tables): the
//! source written from what `evaluation` read is compiled and scored, the year-end lines the compiler
//! refuses are left out, the profile and its options are the ones that give the printed 分值, 得分 and
//! 等级, a `score` is typed only where a result word's printed score is not the rules' own, and what the
//! table repeats of the target table (年初预算数, 预期目标, targets) is compared with it. Every printed
//! cell the source does not give is reported, never written over.

use super::evaluation::{achieved_line, execution_line};
use super::recognise::{Unplaced, Why};
use super::tables::{Declaration, Direction, Printed};
use super::text::{self, Value, key};
use crate::compilation::compile_bytes;
use crate::model::Actual;
use rust_decimal::Decimal;
use std::str::FromStr;

fn direction_mut<'a>(ds: &'a mut [Direction], name: &str) -> Option<&'a mut Direction> {
    for x in ds.iter_mut() {
        if x.name == name {
            return Some(x);
        }
        if let Some(found) = direction_mut(&mut x.children, name) {
            return Some(found);
        }
    }
    None
}

/// Operators the split columns print as symbols but a 年度指标值 in one cell keeps as written.
const WORD_OPERATORS: &[&str] = &["不低于", "不少于", "不高于", "不超过"];

/// A target the target table printed over split columns (`≥ | 8 | 次`) and the self-evaluation in one
/// cell with its word (`不少于8次`): the word is what was written, so it is kept.
fn operator_words(d: &mut Declaration) {
    let mut words: Vec<(Option<String>, String, Value)> = Vec::new();
    for t in &d.evaluations {
        for a in &t.items {
            if let [one] = a.target.as_slice()
                && let v = text::value(&one.text)
                && matches!(&v, Value::Quantity { op, .. } if WORD_OPERATORS.contains(&op.as_str()))
            {
                words.push((t.project.clone(), a.name.clone(), v));
            }
        }
    }
    for (project, name, v) in words {
        let indicators = match &project {
            Some(p) => match direction_mut(&mut d.directions, p) {
                Some(x) => &mut x.indicators,
                None => continue,
            },
            None => &mut d.indicators,
        };
        if let Some(ind) = indicators.iter_mut().find(|i| i.name == name && !i.overall)
            && normal(&ind.value) == normal(&v)
        {
            ind.value = v;
        }
    }
}

fn figure(p: &Printed) -> Option<Decimal> {
    Decimal::from_str(&text::decimal(&p.text)?).ok()
}

/// A target as a comparable value: operators by meaning (`=` or none, `不低于` as `≥`), numbers
/// exactly, words without spacing.
fn normal(v: &Value) -> (String, String) {
    match v {
        Value::Quantity { op, number, unit } => {
            let op = match op.as_str() {
                "" | "=" => "=",
                ">=" | "不低于" | "不少于" => ">=",
                "<=" | "不高于" | "不超过" => "<=",
                other => other,
            };
            let n = Decimal::from_str(number)
                .map_or_else(|_| number.clone(), |n| n.normalize().to_string());
            (op.to_string(), format!("{n}{unit}"))
        }
        Value::Quality(t) => {
            let k = key(t);
            let bare = k.trim_start_matches(['≥', '≤', '>', '<', '=']);
            (String::new(), bare.to_string())
        }
    }
}

/// Whether the row's target is the target table's: compared by meaning, and words by their text
/// whatever the operator (a deadline is `≤` in split columns, bare in one cell).
fn same_target(
    printed: &[Printed],
    decl: &crate::model::Declaration,
    v: &crate::model::Value,
) -> bool {
    let read = match printed {
        [one] => text::value(&one.text),
        [op, number, unit] => text::value_split(&op.text, &number.text, &unit.text),
        [number, unit] => text::value_split("", &number.text, &unit.text),
        _ => return true,
    };
    let own = text::value(&crate::present::values::value_text(decl, v));
    let (a, b) = (normal(&read), normal(&own));
    a == b || (a.0.is_empty() || b.0.is_empty()) && a.1 == b.1
}

fn flat_lines<'l>(lines: &'l [crate::model::Line], out: &mut Vec<&'l crate::model::Line>) {
    for l in lines {
        out.push(l);
        flat_lines(&l.children, out);
    }
}

/// What the compiled source gives against what the tables print.
#[derive(Default)]
struct Differences {
    /// Printed cells the source does not give, and why.
    cells: Vec<(Printed, Why)>,
    /// Rows (table, indicator) whose score differs and whose actual is a result word, with the
    /// printed score.
    typeable: Vec<(usize, usize, String, Printed)>,
    /// Rows whose typed score the rules refuse (outside its result's band).
    refused: Vec<(usize, usize)>,
    /// Year-end lines the compiler refuses (an error on them): executions and rows, by table.
    errors: Vec<(usize, Option<usize>, Option<usize>)>,
    grades: usize,
}

/// The printed target's cells, as one list.
fn cells_of(ps: &[Printed]) -> impl Iterator<Item = Printed> + '_ {
    ps.iter().filter(|p| !p.place.is_empty()).cloned()
}

fn differences(d: &Declaration, name: &str) -> Option<Differences> {
    let source = super::write::source(d, name, false);
    let compiled = compile_bytes(name.to_string(), source.as_bytes());
    let mut out = Differences::default();
    // Errors on the year-end lines: each line written is found by its text.
    for diag in compiled.diagnostics.iter().filter(|x| x.is_error()) {
        let at = diag.span.start.min(source.len());
        let line_start = source
            .get(..at)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let line = source
            .get(line_start..)
            .and_then(|s| s.lines().next())
            .unwrap_or("")
            .trim();
        for (ti, t) in d.evaluations.iter().enumerate() {
            for (xi, x) in t.executions.iter().enumerate() {
                if execution_line(x) == line {
                    out.errors.push((ti, Some(xi), None));
                }
            }
            for (ai, a) in t.items.iter().enumerate() {
                if achieved_line(a) == line {
                    out.errors.push((ti, None, Some(ai)));
                }
            }
        }
    }
    let decl = compiled.declaration.as_ref()?;
    let evaluated = crate::score::evaluate(decl);
    for (ti, t) in d.evaluations.iter().enumerate() {
        let e = evaluated
            .iter()
            .find(|e| e.direction.map(|x| x.name.value.as_str()) == t.project.as_deref());
        let Some(e) = e else {
            out.cells.extend(
                t.total
                    .iter()
                    .chain(&t.grade)
                    .map(|p| (p.clone(), Why::Contradicted)),
            );
            continue;
        };
        // What the table repeats of the target table.
        let mut funds = Vec::new();
        flat_lines(e.funds, &mut funds);
        for (line, p) in &t.initial {
            let amount = match line {
                None => e.amount.map(|m| m.amount()),
                Some(l) => funds
                    .iter()
                    .find(|x| x.name.value == *l)
                    .and_then(|x| x.amount.map(|m| m.amount())),
            };
            if amount.map(|a| a.normalize()) != figure(p).map(|f| f.normalize()) {
                out.cells.push((p.clone(), Why::Differs));
            }
        }
        if let Some(p) = &t.expected {
            let expected: Vec<String> = match e.direction {
                Some(x) => x.annual.iter().map(|a| key(&a.value)).collect(),
                None => decl.goals.iter().map(|g| key(&g.value)).collect(),
            };
            let k = key(&p.text);
            if expected.is_empty() || !expected.iter().all(|x| k.contains(x.as_str())) {
                out.cells.push((p.clone(), Why::Differs));
            }
        }
        for (ai, a) in t.items.iter().enumerate() {
            let item = e.items.iter().find(|i| i.indicator.name.value == a.name);
            let Some(item) = item else {
                // Not a 年度 indicator of the table: its line is refused by the compiler, or it
                // scores nothing.
                out.cells.extend(
                    a.points
                        .iter()
                        .chain(&a.score)
                        .map(|p| (p.clone(), Why::Contradicted)),
                );
                continue;
            };
            if !a.target.is_empty() && !same_target(&a.target, decl, &item.indicator.value) {
                out.cells
                    .extend(cells_of(&a.target).map(|p| (p, Why::Differs)));
            }
            if let Some(p) = &a.points
                && Some(item.points) != figure(p)
            {
                out.cells.push((p.clone(), Why::Contradicted));
            }
            if a.typed.is_some() && item.contradicted.is_some() {
                out.refused.push((ti, ai));
            }
            let Some(s) = &a.score else { continue };
            if Some(item.score) == figure(s) {
                continue;
            }
            let words = item
                .indicator
                .achieved
                .as_ref()
                .is_some_and(|x| matches!(x.value, Actual::Words { .. }));
            match figure(s) {
                Some(f) if words && a.typed.is_none() => {
                    out.typeable
                        .push((ti, ai, f.normalize().to_string(), s.clone()));
                }
                _ => out.cells.push((s.clone(), Why::Contradicted)),
            }
        }
        if let Some(p) = &t.execution_score
            && Some(e.execution.as_ref().map_or(Decimal::ZERO, |x| x.score)) != figure(p)
        {
            out.cells.push((p.clone(), Why::Contradicted));
        }
        if let Some(p) = &t.total_points
            && Some(e.points) != figure(p)
        {
            out.cells.push((p.clone(), Why::Contradicted));
        }
        if let Some(p) = &t.total
            && Some(e.total) != figure(p)
        {
            out.cells.push((p.clone(), Why::Contradicted));
        }
        if let Some(p) = &t.grade
            && key(&p.text) != e.grade.zh()
        {
            out.grades += 1;
            out.cells.push((p.clone(), Why::Contradicted));
        }
    }
    Some(out)
}

/// Settles what the tables print but bdl derives: the year-end lines the compiler refuses are left
/// out (their cells reported), the profile's options are the ones that give the printed scores and
/// grades, a `score` is written where a result word's printed score is not the rules' own, and the
/// cells the source still does not give are reported.
pub fn settle(d: &mut Declaration, name: &str) -> Vec<Unplaced> {
    if d.evaluations.is_empty() {
        return Vec::new();
    }
    operator_words(d);
    let mut report: Vec<(Printed, Why)> = Vec::new();
    // Lines the compiler refuses (an indicator or funding line not in the table, a value not of its
    // target's kind): each removal can only clear errors, so two rounds settle it.
    for _ in 0..3 {
        let Some(x) = differences(d, name) else { break };
        if x.errors.is_empty() {
            break;
        }
        let mut errors = x.errors;
        // Remove from the back, so the indices stay right.
        errors.sort_unstable();
        errors.dedup();
        for (ti, xi, ai) in errors.into_iter().rev() {
            let Some(t) = d.evaluations.get_mut(ti) else {
                continue;
            };
            if let Some(xi) = xi
                && xi < t.executions.len()
            {
                let gone = t.executions.remove(xi);
                report.extend(gone.cells.into_iter().map(|p| (p, Why::Refused)));
            }
            if let Some(ai) = ai
                && ai < t.items.len()
            {
                let gone = t.items.remove(ai);
                report.extend(gone.cells.into_iter().map(|p| (p, Why::Refused)));
            }
        }
    }
    let count = |x: &Differences| x.cells.len() + x.typeable.len();
    // The profile: the layout says which, unless the other gives the printed 分值 and 得分 better
    // (the Ministry's 50 / 30 / 10 blocks against 90 split by weights).
    let layout = differences(d, name);
    for t in &mut d.evaluations {
        t.free = !t.free;
    }
    let other = differences(d, name);
    if match (&layout, &other) {
        (Some(l), Some(o)) => count(o) >= count(l),
        (_, o) => o.is_none(),
    } {
        for t in &mut d.evaluations {
            t.free = !t.free;
        }
    }
    // How a ≤ indicator above its target scores: the rule that gives the printed scores.
    let linear = differences(d, name);
    d.profile_options = vec!["inverse ratio".to_string()];
    let ratio = differences(d, name);
    if match (&linear, &ratio) {
        (Some(l), Some(r)) => count(r) >= count(l),
        (_, r) => r.is_none(),
    } {
        d.profile_options.clear();
    }
    // A result word scored within its band: the printed score, typed.
    if let Some(x) = differences(d, name) {
        for (ti, ai, score, _) in x.typeable {
            if let Some(a) = d.evaluations.get_mut(ti).and_then(|t| t.items.get_mut(ai)) {
                a.typed = Some(score);
            }
        }
    }
    // A printed score outside its result's band is not typed (the source would not compile): the
    // cell is reported.
    if let Some(x) = differences(d, name) {
        for (ti, ai) in x.refused {
            if let Some(a) = d.evaluations.get_mut(ti).and_then(|t| t.items.get_mut(ai)) {
                a.typed = None;
            }
        }
    }
    // Grades: the common thresholds that give every printed grade.
    if differences(d, name).is_some_and(|x| x.grades > 0) {
        for grades in ["grades 80 70 60", "grades 85 75 60"] {
            d.profile_options.push(grades.to_string());
            if differences(d, name).is_some_and(|x| x.grades == 0) {
                break;
            }
            d.profile_options.pop();
        }
    }
    if let Some(x) = differences(d, name) {
        report.extend(x.cells);
        report.extend(
            x.typeable
                .into_iter()
                .map(|(_, _, _, p)| (p, Why::Contradicted)),
        );
    }
    report
        .into_iter()
        .filter(|(p, _)| !p.place.is_empty())
        .map(|(p, why)| Unplaced {
            place: p.place,
            text: p.text,
            why,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::normal;
    use crate::import::text::value;

    #[test]
    fn targets_compare_by_meaning() {
        assert_eq!(normal(&value("≥90%")), normal(&value("不低于90%")));
        assert_eq!(normal(&value("40台")), normal(&value("=40台")));
        assert_eq!(normal(&value("100.0%")), normal(&value("100%")));
        assert_ne!(normal(&value("98%")), normal(&value("100%")));
        assert_ne!(normal(&value("≤90%")), normal(&value("≥90%")));
    }
}
