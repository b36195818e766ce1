//! Provenance: how a derived figure was computed, as structure (which facts, which operation), never as
//! a sentence. `present::provenance` writes it for people, in Chinese or English; JSON carries both.

use crate::domain::{Breakdown, Money, Per};
use rust_decimal::Decimal;

/// How a figure was derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// A cost basis: count × price (× months, or × months ÷ 12 for a yearly price), in 元.
    Basis(BasisTerms),
    /// The sum of other lines of the same breakdown, named (`= "A" + "B"`, or the 其中 lines under it).
    Lines(Vec<Part>),
    /// The sum of the document's top-level directions and projects (`= directions`, or the reference
    /// `directions`).
    Directions(Vec<Part>),
    /// A direction's amount: its cost bases (in 元, each converted to the document's unit) and its
    /// sub-directions.
    Costs {
        costs: Vec<BasisTerms>,
        children: Vec<Part>,
    },
    /// The people counted by a direction's bases and sub-directions (`people of "X"`), part by part.
    People {
        direction: String,
        parts: Vec<Decimal>,
    },
    /// The quantity counted by a direction's bases (`qty of "X"`), in its unit.
    Qty { direction: String, unit: String },
    /// A direction's amount (`amount of "X"`).
    AmountOf { direction: String },
    /// A line's amount (`spending "项目支出"`).
    LineOf { breakdown: Breakdown, name: String },
    /// 资金总额 (`total`).
    Total,
}

/// A declared figure written in another unit than the document's (`amount 5000元` in a 万元 document):
/// the model holds it converted exactly; this keeps it as written, at the place it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conversion {
    pub at: crate::source::Span,
    pub written: Money,
}

/// One named part of a sum, with its amount when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub amount: Option<Money>,
}

/// The terms of a cost basis as written and as computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasisTerms {
    /// The count as written (`50`), and its unit (`人`, `亩`).
    pub count_text: String,
    pub count_unit: String,
    /// The price in 元 per unit, as written.
    pub price_text: String,
    pub per: Per,
    /// Months a per-month or per-year price runs for; `None` for a one-off price.
    pub months: Option<Decimal>,
    /// The product, in 元.
    pub result: Money,
    /// The product in the document's unit (the conversion, shown where it differs).
    pub converted: Option<Money>,
}
