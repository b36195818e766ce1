//! 指标值 as the tables print it: `50人`, `≥95%`, `≤38.598万元`, `良好`, `2024年3月-11月`.

use super::figures::{display_in, exact};
use crate::model::{Declaration, Measure, Op, Value};

/// `=` is not printed; a word operator (不低于) is printed as written; a literal keeps its spelling;
/// a referenced figure is printed as the tables print figures.
pub fn value_text(decl: &Declaration, v: &Value) -> String {
    match v {
        Value::Quality { text, .. } => text.clone(),
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
            let number = match (number_text, measure) {
                (Some(t), _) => t.clone(),
                (None, Measure::Money(m)) => display_in(m.amount(), m.unit(), decl.precision),
                (None, m) => exact(m.number()),
            };
            format!(
                "{}{number}{}",
                op_text(*op, op_word.as_deref()),
                unit_text.as_deref().unwrap_or("")
            )
        }
    }
}

fn op_text(op: Op, word: Option<&str>) -> String {
    match (word, op) {
        (Some(w), _) => w.to_string(),
        (None, Op::Eq) => String::new(),
        (None, op) => op.symbol().to_string(),
    }
}
