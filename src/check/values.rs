//! Indicator values as reviewers read them: satisfaction targets, percentages, duplicate names,
//! placeholder filler, and the lengths the provincial systems accept.

use super::Review;
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::framework::Role;
use crate::model::{Measure, Op, Value};
use crate::present::figures;
use rust_decimal::Decimal;

crate::codes::rules! {
    SATISFACTION_LOW = "B4040", Warning, "a satisfaction target is below 90% or not a `≥`", "满意度目标低于 90% 或不是“≥”";
    PERCENT_ABOVE_100 = "B4041", Warning, "a percentage is above 100%", "百分比超过 100%";
    DUPLICATE_INDICATOR = "B4042", Warning, "two indicators of one table have the same name", "同一张表中两个指标同名";
    PLACEHOLDER_VALUE = "B4043", Warning, "an indicator holds placeholder text", "指标内容为占位文字";
    TEXT_TOO_LONG = "B4044", Warning, "an indicator name or value is longer than the systems accept", "指标名称或指标值超过系统允许的长度";
}

/// Names at most 100 characters, values at most 60 (the provincial systems' fields).
const NAME_LIMIT: usize = 100;
const VALUE_LIMIT: usize = 60;
const PLACEHOLDERS: &[&str] = &[
    "XX", "xx", "XXX", "xxx", "*", "**", "_", "-", "--", "…", "……", "待定", "待填",
];

pub fn satisfaction_target(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        for ind in table.indicators {
            let role = decl.category_of(ind).and_then(|c| c.role);
            if role != Some(Role::Satisfaction) {
                continue;
            }
            let Value::Quantity {
                op,
                measure: Measure::Percent(number),
                span,
                ..
            } = &ind.value
            else {
                continue;
            };
            let low = *number < Decimal::from(90);
            let not_ge = !matches!(op, Op::Ge | Op::Gt);
            if low || not_ge {
                out.push(
                    Diagnostic::new(
                        SATISFACTION_LOW,
                        msg::satisfaction_low(&ind.name.value, low, not_ge),
                        *span,
                        msg::label_unusual_satisfaction(),
                    )
                    .with_help(msg::help_satisfaction())
                    .with_path(&table.path),
                );
            }
        }
    }
    out
}

pub fn percentage_within_100(review: &Review) -> Vec<Diagnostic> {
    let _decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        for ind in table.indicators {
            // A percentage, or the upper end of a range of percentages.
            let (number, span) = match &ind.value {
                Value::Quantity {
                    measure: Measure::Percent(number),
                    span,
                    ..
                }
                | Value::Range {
                    high: Measure::Percent(number),
                    span,
                    ..
                } => (number, span),
                _ => continue,
            };
            if *number > Decimal::from(100) {
                out.push(
                    Diagnostic::new(
                        PERCENT_ABOVE_100,
                        msg::percent_above_100(&ind.name.value, &figures::exact(*number)),
                        *span,
                        msg::label_above_100(),
                    )
                    .with_help(msg::help_percent_above_100())
                    .with_path(&table.path),
                );
            }
        }
    }
    out
}

pub fn indicator_names_unique(review: &Review) -> Vec<Diagnostic> {
    let _decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        // The first indicator of each name and horizon: by looking back in a table of ordinary size
        // (a dozen rows: cheaper than hashing every name), through a map in a table of thousands.
        let small = table.indicators.len() <= 64;
        let mut firsts = std::collections::HashMap::new();
        for (i, ind) in table.indicators.iter().enumerate() {
            let first = if small {
                table
                    .indicators
                    .iter()
                    .take(i)
                    .find(|o| o.horizon == ind.horizon && o.name.value == ind.name.value)
                    .unwrap_or(ind)
            } else {
                *firsts
                    .entry((ind.name.value.as_str(), ind.horizon))
                    .or_insert(ind)
            };
            if !std::ptr::eq(first, ind) {
                out.push(
                    Diagnostic::new(
                        DUPLICATE_INDICATOR,
                        msg::indicator_twice(&ind.name.value),
                        ind.name.span,
                        msg::label_again_here(),
                    )
                    .with_label(first.name.span, msg::label_first_here())
                    .with_help(msg::help_indicator_names_unique())
                    .with_path(&table.path),
                );
            }
        }
    }
    out
}

pub fn no_placeholder_values(review: &Review) -> Vec<Diagnostic> {
    let _decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        for ind in table.indicators {
            // (text, place, whether it is the value)
            let checks = [(&ind.name.value, ind.name.span, false)];
            let value_text = match &ind.value {
                Value::Quality { text, span } => Some((text, *span)),
                Value::Quantity { .. }
                | Value::Date { .. }
                | Value::Range { .. }
                | Value::Unknown { .. } => None,
            };
            for (text, span, is_value) in checks
                .into_iter()
                .chain(value_text.map(|(t, s)| (t, s, true)))
            {
                let t = text.trim();
                if t.is_empty()
                    || PLACEHOLDERS.contains(&t)
                    || t.chars().all(|c| c == 'X' || c == 'x')
                {
                    out.push(
                        Diagnostic::new(
                            PLACEHOLDER_VALUE,
                            msg::placeholder(is_value.then_some(ind.name.value.as_str()), t),
                            span,
                            msg::label_placeholder(),
                        )
                        .with_help(msg::help_placeholder())
                        .with_path(&table.path),
                    );
                }
            }
        }
    }
    out
}

pub fn texts_within_system_limits(review: &Review) -> Vec<Diagnostic> {
    let _decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        for ind in table.indicators {
            let n = ind.name.value.chars().count();
            if n > NAME_LIMIT {
                out.push(
                    Diagnostic::new(
                        TEXT_TOO_LONG,
                        msg::name_too_long(n, NAME_LIMIT),
                        ind.name.span,
                        msg::label_too_long(),
                    )
                    .with_help(msg::help_name_too_long())
                    .with_path(&table.path),
                );
            }
            if let Value::Quality { text, span } = &ind.value {
                let n = text.chars().count();
                if n > VALUE_LIMIT {
                    out.push(
                        Diagnostic::new(
                            TEXT_TOO_LONG,
                            msg::value_too_long(&ind.name.value, n, VALUE_LIMIT),
                            *span,
                            msg::label_too_long(),
                        )
                        .with_help(msg::help_value_too_long())
                        .with_path(&table.path),
                    );
                }
            }
        }
    }
    out
}
