//! A score's provenance for people: the rule and the figures it used, as a formula (`81 ÷ 90 × 10 =
//! 9.00`), in Chinese and English. JSON carries the same structure as fields.

use super::figures::{display_fixed, exact};
use crate::messages::Text;
use crate::score::Rule;
use rust_decimal::Decimal;

/// The rule's Chinese name and English name, for JSON and tables.
pub fn rule_name(rule: &Rule) -> (&'static str, &'static str) {
    match rule {
        Rule::Reached { .. } => ("reached", "达到目标"),
        Rule::Proportional { .. } => ("proportional", "按完成比例"),
        Rule::WithinCap { .. } => ("within-cap", "未超目标"),
        Rule::LinearFall { .. } => ("linear-fall", "超出目标线性扣减"),
        Rule::InverseRatio { .. } => ("inverse-ratio", "目标值÷实际值"),
        Rule::WithinRange { .. } => ("within-range", "在区间内"),
        Rule::ZeroTarget { .. } => ("zero-target", "目标为零"),
        Rule::Band { .. } => ("band", "定性档次"),
        Rule::Execution { .. } => ("execution", "预算执行率"),
        Rule::NoActual => ("no-actual", "未填实际值"),
        Rule::NotComparable => ("not-comparable", "无法比较"),
    }
}

/// How `score` of `points` was reached.
pub fn explain(rule: &Rule, points: Decimal, score: Decimal) -> Text {
    let p = exact(points);
    let s = display_fixed(score, 2);
    match rule {
        Rule::Reached { target, actual } => Text::new(
            format!("{} ≥ {}: full {p} points", exact(*actual), exact(*target)),
            format!("{} ≥ {}：得满分{p}", exact(*actual), exact(*target)),
        ),
        Rule::Proportional { target, actual }
        | Rule::Execution {
            budget: target,
            spent: actual,
        } => {
            let f = format!("{} ÷ {} × {p} = {s}", exact(*actual), exact(*target));
            Text::new(f.clone(), f)
        }
        Rule::WithinCap { target, actual } => Text::new(
            format!("{} ≤ {}: full {p} points", exact(*actual), exact(*target)),
            format!("{} ≤ {}：得满分{p}", exact(*actual), exact(*target)),
        ),
        Rule::LinearFall { target, actual } => {
            let f = format!(
                "(2 × {t} − {a}) ÷ {t} × {p} = {s}",
                t = exact(*target),
                a = exact(*actual)
            );
            Text::new(f.clone(), f)
        }
        Rule::InverseRatio { target, actual } => {
            let f = format!("{} ÷ {} × {p} = {s}", exact(*target), exact(*actual));
            Text::new(f.clone(), f)
        }
        Rule::WithinRange { low, high, actual } => Text::new(
            format!(
                "{} within {}–{}: full {p} points",
                exact(*actual),
                exact(*low),
                exact(*high)
            ),
            format!(
                "{}在{}–{}之间：得满分{p}",
                exact(*actual),
                exact(*low),
                exact(*high)
            ),
        ),
        Rule::ZeroTarget { actual } => {
            if actual.is_zero() {
                Text::new(
                    format!("0 against a target of 0: full {p} points"),
                    format!("实际为0，目标为0：得满分{p}"),
                )
            } else {
                Text::new(
                    format!("{} above a target of 0: 0 points", exact(*actual)),
                    format!("实际{}，超过目标0：得0分", exact(*actual)),
                )
            }
        }
        Rule::Band { result, typed } => {
            let (lo, hi) = result.band();
            match typed {
                Some(t) => Text::new(
                    format!(
                        "{}: {}–{} % of {p}, typed {}",
                        result.zh(),
                        exact(lo),
                        exact(hi),
                        exact(*t)
                    ),
                    format!(
                        "{}：分值{p}的{}%–{}%，填报得分{}",
                        result.zh(),
                        exact(lo),
                        exact(hi),
                        exact(*t)
                    ),
                ),
                None => Text::new(
                    format!(
                        "{}: {}–{} % of {p}, scored {s}",
                        result.zh(),
                        exact(lo),
                        exact(hi)
                    ),
                    format!(
                        "{}：分值{p}的{}%–{}%，得{s}",
                        result.zh(),
                        exact(lo),
                        exact(hi)
                    ),
                ),
            }
        }
        Rule::NoActual => Text::new(
            "no actual value written: 0 points",
            "未填写实际完成值：得0分",
        ),
        Rule::NotComparable => Text::new(
            "the actual value cannot be compared with the target: 0 points",
            "实际完成值与指标值无法比较：得0分",
        ),
    }
}
