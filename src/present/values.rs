//! 指标值 as the tables print it: `50人`, `≥95%`, `≤38.598万元`, `良好`, `2024年3月-11月`.

use super::figures::{display_in, exact};
use crate::model::{Declaration, Measure, Op, Value};

/// `=` is not printed; a word operator (不低于) is printed as written; a literal keeps its spelling;
/// a referenced figure is printed as the tables print figures.
pub fn value_text(decl: &Declaration, v: &Value) -> String {
    match v {
        Value::Quality { text, .. } | Value::Range { text, .. } => text.clone(),
        Value::Unknown { .. } => String::new(),
        Value::Date {
            op, op_word, text, ..
        } => format!("{}{text}", op_text(*op, op_word.as_deref())),
        Value::Quantity {
            op,
            op_word,
            measure,
            number_text,
            unit_text,
            ..
        } => {
            let number = number(decl, number_text.as_deref(), measure);
            format!(
                "{}{number}{}",
                op_text(*op, op_word.as_deref()),
                unit_text.as_deref().unwrap_or("")
            )
        }
    }
}

/// The number as written, or a referenced figure as the tables print figures.
fn number(decl: &Declaration, written: Option<&str>, measure: &Measure) -> String {
    match (written, measure) {
        (Some(t), _) => t.to_string(),
        (None, Measure::Money(m)) => display_in(m.amount(), m.unit(), decl.precision),
        (None, m) => exact(m.number()),
    }
}

fn op_text(op: Op, word: Option<&str>) -> String {
    match (word, op) {
        (Some(w), _) => w.to_string(),
        (None, Op::Eq) => String::new(),
        (None, op) => op.symbol().to_string(),
    }
}

/// A value split as the 一体化 forms print it: 计算符号, 指标值, 度量单位. The operator is always a
/// symbol (`不低于` is `≥`), a qualitative value's operator is `定性`, and the unit is the model's
/// (as written, or the referenced figure's), never read again from the text.
pub struct ValueParts {
    pub operator: String,
    pub number: String,
    pub unit: String,
}

pub fn value_parts(decl: &Declaration, v: &Value) -> ValueParts {
    let parts = |operator: &str, number: String, unit: &str| ValueParts {
        operator: operator.to_string(),
        number,
        unit: unit.to_string(),
    };
    match v {
        Value::Quality { text, .. } => parts("定性", text.clone(), ""),
        Value::Unknown { .. } => parts("", String::new(), ""),
        // A deadline (`2025年12月底前`, `10月底前完成`) is a ≤ however it is written.
        Value::Date { op, text, .. } if *op == Op::Eq && text.contains('前') => {
            parts(Op::Le.symbol(), text.clone(), "")
        }
        Value::Date { op, text, .. } => parts(op.symbol(), text.clone(), ""),
        // 计算符号 区间, 指标值 `85-95`, 度量单位 `%`.
        Value::Range {
            low_text,
            high_text,
            unit_text,
            ..
        } => parts(
            "区间",
            format!("{low_text}-{high_text}"),
            unit_text.as_deref().unwrap_or(""),
        ),
        Value::Quantity {
            op,
            measure,
            number_text,
            unit_text,
            ..
        } => {
            let number = number(decl, number_text.as_deref(), measure);
            parts(op.symbol(), number, unit_text.as_deref().unwrap_or(""))
        }
    }
}
