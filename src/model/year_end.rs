//! Year-end facts (docs/self-evaluation.md): what was achieved beside each indicator, budget execution,
//! and the 年度总体目标's actual completion — written as lines added after the targets, never changing
//! them. `score` turns them into the self-evaluation.

use super::{Measure, Spanned};
use crate::domain::Money;
use crate::source::Span;
use rust_decimal::Decimal;

/// An indicator's 实际完成值, its 偏差原因 and a score typed by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achieved {
    pub value: Actual,
    pub reason: Option<Spanned<String>>,
    pub score: Option<Spanned<Decimal>>,
    /// The `achieved` line.
    pub span: Span,
}

/// What was achieved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actual {
    /// A number with the unit written against it, classified as an indicator value is.
    Number {
        measure: Measure,
        /// As written (`1250公里`), for the tables.
        text: String,
        /// The unit as written.
        unit: Option<String>,
        span: Span,
    },
    /// Words: one of the three results (达成, 部分达成, 未达成, or a province's wording), the target's
    /// own words, or a date.
    Words { text: String, span: Span },
    /// A number that could not be read exactly (reported).
    Unknown { span: Span },
}

impl Actual {
    pub fn span(&self) -> Span {
        match self {
            Actual::Number { span, .. } | Actual::Words { span, .. } | Actual::Unknown { span } => {
                *span
            }
        }
    }

    /// As written.
    pub fn text(&self) -> &str {
        match self {
            Actual::Number { text, .. } | Actual::Words { text, .. } => text,
            Actual::Unknown { .. } => "",
        }
    }
}

/// 全年预算数 and 全年执行数 of a table (or of one of its funding lines); 年初预算数 is the amount declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Execution {
    /// The funding line, for a line's row; `None` for the 年度资金总额 row.
    pub line: Option<Spanned<String>>,
    pub budget: Spanned<Money>,
    pub spent: Spanned<Money>,
    pub span: Span,
}

/// The year-end facts of one table (the department's or a direction's), besides each indicator's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct YearEnd {
    pub executions: Vec<Execution>,
    /// 年度总体目标的实际完成情况.
    pub outcome: Option<Spanned<String>>,
    /// The 年度 indicators that `achieved` lines with an unknown name most likely meant (the first
    /// suggestion of their B2030): a missing actual there is that line's mistake, reported once.
    pub meant: Vec<String>,
}

impl YearEnd {
    /// The 年度资金总额 row's execution.
    pub fn total(&self) -> Option<&Execution> {
        self.executions.iter().find(|e| e.line.is_none())
    }

    /// A funding line's execution.
    pub fn line(&self, name: &str) -> Option<&Execution> {
        self.executions
            .iter()
            .find(|e| e.line.as_ref().is_some_and(|l| l.value == name))
    }

    pub fn is_empty(&self) -> bool {
        self.executions.is_empty() && self.outcome.is_none()
    }
}
