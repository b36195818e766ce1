//! Indicator values, classified once when lowering: money (with its unit), a percentage, a count with
//! its unit word, a date or period, or a qualitative text. Checks, diff and every backend read the
//! class; none of them reads a unit string again.

use super::provenance::How;
use crate::domain::Money;
use crate::source::Span;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Eq,
    Ge,
    Le,
    Gt,
    Lt,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ge => "≥",
            Op::Le => "≤",
            Op::Gt => ">",
            Op::Lt => "<",
        }
    }

    /// 正向 (more is better) or 反向.
    pub fn sense(self) -> Option<&'static str> {
        match self {
            Op::Ge | Op::Gt => Some("正向"),
            Op::Le | Op::Lt => Some("反向"),
            Op::Eq => None,
        }
    }
}

/// What a number in an indicator value measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// `≤38.598万元`, `1200元`.
    Money(Money),
    /// `≥95%`, `100百分比`.
    Percent(Decimal),
    /// `50人`, `12次`, `1200元/亩`, or a bare number.
    Count {
        number: Decimal,
        unit: Option<String>,
    },
}

impl Measure {
    /// The number as written in its own unit.
    pub fn number(&self) -> Decimal {
        match self {
            Measure::Money(m) => m.amount(),
            Measure::Percent(n) | Measure::Count { number: n, .. } => *n,
        }
    }

    /// The class's name in JSON.
    pub fn class(&self) -> &'static str {
        match self {
            Measure::Money(_) => "money",
            Measure::Percent(_) => "percent",
            Measure::Count { .. } => "count",
        }
    }
}

/// The kind of derived number a value refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    People,
    Qty,
    Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub kind: RefKind,
    /// As written: `people of "信访岗位津贴"`.
    pub written: String,
    /// The derived figure: money, or a count of people or of the basis's unit.
    pub value: Measure,
    pub how: How,
    /// The facts it was computed from.
    pub sources: Vec<Span>,
    pub span: Span,
}

impl Reference {
    /// The unit the derived number is counted in: 人, the quantity's unit, or the money unit.
    pub fn unit(&self) -> String {
        match &self.value {
            Measure::Money(m) => m.unit().name().to_string(),
            Measure::Percent(_) => "%".to_string(),
            Measure::Count { unit, .. } => unit.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A number to compare with: money, a percentage, or a count.
    Quantity {
        op: Op,
        /// The operator as written when it is a word (不低于), to print it the same way.
        op_word: Option<String>,
        measure: Measure,
        /// The literal's spelling, when written.
        number_text: Option<String>,
        /// The unit as written (`百分比`, `万元`), or the referenced figure's unit.
        unit_text: Option<String>,
        reference: Option<Box<Reference>>,
        span: Span,
    },
    /// A date, a deadline or a period (`2024年3月-11月`, `10月底前完成`, `2025.03-2025.12`), kept as
    /// written: it is not a number with a unit.
    Date {
        op: Op,
        op_word: Option<String>,
        text: String,
        span: Span,
    },
    /// A range of numbers (`85%-95%`, `90-100分`, `3~5天`): both ends measured in the one unit, the
    /// whole kept as written for printing.
    Range {
        low: Measure,
        high: Measure,
        low_text: String,
        high_text: String,
        /// The unit both ends are in, as written (`%`, `分`), if any.
        unit_text: Option<String>,
        /// The range as written (`85%-95%`).
        text: String,
        span: Span,
    },
    /// A word (`良好`) or a text (`"无直接经济效益"`).
    Quality { text: String, span: Span },
    /// A value that could not be read (a number too long to be exact, a reference that does not
    /// resolve): reported where it is, and never compared.
    Unknown { span: Span },
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Quantity { span, .. }
            | Value::Date { span, .. }
            | Value::Range { span, .. }
            | Value::Quality { span, .. }
            | Value::Unknown { span } => *span,
        }
    }

    /// The comparison, for values that have one.
    pub fn op(&self) -> Option<Op> {
        match self {
            Value::Quantity { op, .. } | Value::Date { op, .. } => Some(*op),
            Value::Range { .. } | Value::Quality { .. } | Value::Unknown { .. } => None,
        }
    }

    /// The class's name in JSON: `money`, `percent`, `count`, `date`, `range` or `qualitative`.
    pub fn class(&self) -> &'static str {
        match self {
            Value::Quantity { measure, .. } => measure.class(),
            Value::Date { .. } => "date",
            Value::Range { .. } => "range",
            Value::Quality { .. } => "qualitative",
            Value::Unknown { .. } => "unknown",
        }
    }
}
