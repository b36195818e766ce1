//! Indicator values as reviewers read them: satisfaction targets, percentages, duplicate names,
//! placeholder filler, and the lengths the provincial systems accept.

use crate::diagnostic::{Code, Diagnostic};
use crate::framework::Role;
use crate::model::{Declaration, Op, Value};
use crate::money;
use rust_decimal::Decimal;

/// Names at most 100 characters, values at most 60 (the provincial systems' fields).
const NAME_LIMIT: usize = 100;
const VALUE_LIMIT: usize = 60;
const PLACEHOLDERS: &[&str] = &[
    "XX", "xx", "XXX", "xxx", "*", "**", "_", "-", "--", "…", "……", "待定", "待填",
];

fn is_percent(unit: &Option<String>) -> bool {
    matches!(unit.as_deref(), Some("%") | Some("％") | Some("百分比"))
}

pub fn satisfaction_target(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for table in super::indicator_tables(decl) {
        for ind in table.indicators {
            let role = ind
                .slot
                .and_then(|s| decl.framework.category(s))
                .and_then(|c| c.role);
            if role != Some(Role::Satisfaction) {
                continue;
            }
            let Value::Quantity {
                op,
                number,
                unit,
                span,
                ..
            } = &ind.value
            else {
                continue;
            };
            if !is_percent(unit) {
                continue;
            }
            let low = *number < Decimal::from(90);
            let not_ge = !matches!(op, Op::Ge | Op::Gt);
            if low || not_ge {
                let why = match (low, not_ge) {
                    (true, true) => "is below 90% and not a `≥` target",
                    (true, false) => "is below 90%",
                    _ => "is not a `≥` target",
                };
                out.push(
                    Diagnostic::new(
                        Code::SatisfactionLow,
                        format!("the satisfaction target \"{}\" {why}", ind.name.value),
                        *span,
                        "unusual 满意度",
                    )
                    .with_help("satisfaction targets are almost always `>= 90%` or `>= 95%`")
                    .with_path(&table.path),
                );
            }
        }
    }
    out
}

pub fn percentage_within_100(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for table in super::indicator_tables(decl) {
        for ind in table.indicators {
            let Value::Quantity {
                number, unit, span, ..
            } = &ind.value
            else {
                continue;
            };
            if is_percent(unit) && *number > Decimal::from(100) {
                out.push(
                    Diagnostic::new(Code::PercentAbove100, format!("\"{}\" targets {}%, above 100%", ind.name.value, money::exact(*number)), *span, "above 100%")
                        .with_help("legal for some rates (完成及时率 ≥100%), but check it is not a typing mistake")
                        .with_path(&table.path),
                );
            }
        }
    }
    out
}

pub fn indicator_names_unique(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for table in super::indicator_tables(decl) {
        for (i, ind) in table.indicators.iter().enumerate() {
            if let Some(first) = table.indicators[..i]
                .iter()
                .find(|o| o.name.value == ind.name.value && o.horizon == ind.horizon)
            {
                out.push(
                    Diagnostic::new(
                        Code::DuplicateIndicator,
                        format!(
                            "the indicator \"{}\" appears twice in one table",
                            ind.name.value
                        ),
                        ind.name.span,
                        "again here",
                    )
                    .with_label(first.name.span, "first here")
                    .with_help("name each indicator of a table differently, or merge the two rows")
                    .with_path(&table.path),
                );
            }
        }
    }
    out
}

pub fn no_placeholder_values(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for table in super::indicator_tables(decl) {
        for ind in table.indicators {
            let checks = [(&ind.name.value, ind.name.span, "name")];
            let value_text = match &ind.value {
                Value::Quality { text, span } => Some((text, *span)),
                Value::Quantity { .. } => None,
            };
            for (text, span, what) in checks
                .into_iter()
                .chain(value_text.map(|(t, s)| (t, s, "value")))
            {
                let t = text.trim();
                if t.is_empty()
                    || PLACEHOLDERS.contains(&t)
                    || t.chars().all(|c| c == 'X' || c == 'x')
                {
                    out.push(
                        Diagnostic::new(Code::PlaceholderValue, format!("the indicator's {what} is placeholder text \"{t}\""), span, "placeholder")
                            .with_help("write the real name or target; reviewers reject tables left with XX, * or -")
                            .with_path(&table.path),
                    );
                }
            }
        }
    }
    out
}

pub fn texts_within_system_limits(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for table in super::indicator_tables(decl) {
        for ind in table.indicators {
            let n = ind.name.value.chars().count();
            if n > NAME_LIMIT {
                out.push(
                    Diagnostic::new(Code::TextTooLong, format!("the indicator name has {n} characters; the systems take at most {NAME_LIMIT}"), ind.name.span, "too long")
                        .with_help("shorten the name; put the detail in `note` or `explain`")
                        .with_path(&table.path),
                );
            }
            if let Value::Quality { text, span } = &ind.value {
                let n = text.chars().count();
                if n > VALUE_LIMIT {
                    out.push(
                        Diagnostic::new(Code::TextTooLong, format!("the indicator value has {n} characters; the systems take at most {VALUE_LIMIT}"), *span, "too long")
                            .with_help("shorten the value; put the detail in `note` or `explain`")
                            .with_path(&table.path),
                    );
                }
            }
        }
    }
    out
}
