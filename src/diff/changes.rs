//! The change set: what differs between two declarations, read as budgets. Amounts are exact and in
//! one unit (`ChangeSet::unit`); texts keep their spelling; every list is in a fixed order (the new
//! document's order, then what only the old one had), so the same two files always give the same output.

use crate::domain::MoneyUnit;
use crate::present::figures;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    pub old_year: Option<i32>,
    pub new_year: Option<i32>,
    /// 填报单位 of the new declaration (else the old one), for the heading.
    pub filer: Option<String>,
    /// The unit of every amount below: the documents' unit, or 万元 when they differ.
    pub unit: MoneyUnit,
    pub header: Vec<FieldChange>,
    /// Every total either document has, changed or not.
    pub totals: Vec<TotalChange>,
    /// Income, spending and fund lines that were added, removed or changed.
    pub lines: Vec<LineChange>,
    pub directions: DirectionChanges,
    pub indicators: Vec<IndicatorChange>,
    pub texts: Vec<TextChange>,
    /// The year-end self-evaluation: what was achieved and scored, per table.
    pub self_evaluation: Vec<EvaluationChange>,
}

/// One table's self-evaluation, before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationChange {
    /// The direction's name; `None` for the department.
    pub table: Option<String>,
    /// 预算执行 and each indicator whose actual, reason or score changed.
    pub rows: Vec<ScoreRowChange>,
    /// 总分, old and new (`None` where that side has no self-evaluation).
    pub total: (Option<Decimal>, Option<Decimal>),
    /// 等级, old and new.
    pub grade: (Option<String>, Option<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRowChange {
    /// 预算执行, or the indicator's name.
    pub label: String,
    pub old: Option<ScoreFacts>,
    pub new: Option<ScoreFacts>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreFacts {
    /// 实际完成值 as written (for 预算执行: spent / budget); empty when none.
    pub actual: String,
    /// `None` when nothing was written.
    pub score: Option<Decimal>,
    /// `None` for a row that is not scored (a funding line's execution).
    pub points: Option<Decimal>,
    pub reason: Option<String>,
}

impl ChangeSet {
    /// True when the two declarations are the same budget (order and formatting aside).
    pub fn is_same(&self) -> bool {
        self.header.is_empty()
            && self.totals.iter().all(|t| !t.amounts.is_changed())
            && self.lines.is_empty()
            && self.directions.is_empty()
            && self.indicators.is_empty()
            && self.texts.is_empty()
            && self.self_evaluation.is_empty()
    }

    /// The total named `key` (`total` for 资金总额, `directions` for 支出方向合计).
    pub fn total(&self, key: &str) -> Option<&TotalChange> {
        self.totals.iter().find(|t| t.key == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Added,
    Removed,
    Changed,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed => "changed",
        }
    }

    /// 新增 / 删除 / 修改
    pub fn label(self) -> &'static str {
        match self {
            Status::Added => "新增",
            Status::Removed => "删除",
            Status::Changed => "修改",
        }
    }
}

/// A named field whose text changed: a header field, a direction's 所属专项, an indicator's 备注.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Stable English key for JSON (`year`, `period`, `note`).
    pub key: &'static str,
    /// The label the tables print (年度, 项目实施期, 备注).
    pub label: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// An amount in both documents, with the change and the change in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountChange {
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
    /// new − old (an added amount counts from 0, a removed one down to 0); `None` when it has no exact
    /// result (over 28 digits): the tables then print both amounts and no change rather than a rounded one.
    pub change: Option<Decimal>,
    /// change / old × 100, rounded half away from zero to 2 decimals; `None` when there is no old
    /// amount, it is zero, or the figure overflows.
    pub percent: Option<Decimal>,
}

impl AmountChange {
    pub fn new(old: Option<Decimal>, new: Option<Decimal>) -> Self {
        let change = match (old, new) {
            // Exact or nothing: a difference that needs more than 28 digits is not rounded.
            (Some(o), Some(n)) => crate::domain::money::exact::sub(n, o).ok(),
            (None, Some(n)) => Some(n),
            (Some(o), None) => Some(-o),
            (None, None) => Some(Decimal::ZERO),
        };
        let percent = match (old, change, new) {
            (Some(o), Some(c), _) if !o.is_zero() => c
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|p| p.checked_div(o))
                .map(|p| figures::round(p, 2)),
            // No exact change, but the rate rounded to 2 decimals still exists: new / old − 1.
            (Some(o), None, Some(n)) if !o.is_zero() => n
                .checked_div(o)
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
                .and_then(|p| p.checked_sub(Decimal::ONE_HUNDRED))
                .map(|p| figures::round(p, 2)),
            _ => None,
        };
        AmountChange {
            old,
            new,
            change,
            percent,
        }
    }

    pub fn is_changed(&self) -> bool {
        self.old != self.new
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalChange {
    /// `total` (资金总额) or `directions` (支出方向合计, the sum of the top-level directions).
    pub key: &'static str,
    pub label: &'static str,
    pub amounts: AmountChange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakdown {
    /// 按收入性质分
    Income,
    /// 按支出性质分
    Spending,
    /// A project's own funds by source (项目资金).
    Funds,
}

impl Breakdown {
    pub fn key(self) -> &'static str {
        match self {
            Breakdown::Income => "income",
            Breakdown::Spending => "spending",
            Breakdown::Funds => "funds",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Breakdown::Income => "按收入性质分",
            Breakdown::Spending => "按支出性质分",
            Breakdown::Funds => "项目资金",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChange {
    /// The direction or project whose funds these are; `None` for the department's lines.
    pub direction: Option<String>,
    pub breakdown: Breakdown,
    /// The line's name after the names of the lines it sits under (其中).
    pub path: Vec<String>,
    pub status: Status,
    pub amounts: AmountChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DirectionChanges {
    pub added: Vec<DirectionEntry>,
    pub removed: Vec<DirectionEntry>,
    pub changed: Vec<DirectionChange>,
}

impl DirectionChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// A whole direction or project, as added or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectionEntry {
    pub name: String,
    /// `direction` or `project`.
    pub kind: &'static str,
    /// The direction it sits under, if nested.
    pub parent: Option<String>,
    /// In the change set's unit (`None` only if it cannot be converted).
    pub amount: Option<Decimal>,
    pub costs: Vec<CostEntry>,
    /// 测算依据 in words.
    pub basis_text: Option<String>,
    pub special: Option<String>,
    pub period: Option<String>,
    pub goal: Option<String>,
    pub annual: Option<String>,
    pub indicators: usize,
}

/// One cost line: its label (`None` for the basis on the direction's own line) and its basis as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostEntry {
    pub label: Option<String>,
    /// `people 5 rate 235/month`, `qty 500 亩 price 30`.
    pub basis: String,
    /// The amount in the change set's unit.
    pub amount: Option<Decimal>,
}

/// A direction in both documents whose money or description changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectionChange {
    pub name: String,
    pub amounts: AmountChange,
    /// 所属专项, 项目类型, 项目实施期, kind, parent.
    pub fields: Vec<FieldChange>,
    /// The facts that moved the amount, in cost order.
    pub facts: Vec<FactChange>,
    pub costs_added: Vec<CostEntry>,
    pub costs_removed: Vec<CostEntry>,
}

impl DirectionChange {
    pub fn is_empty(&self) -> bool {
        !self.amounts.is_changed()
            && self.fields.is_empty()
            && self.facts.is_empty()
            && self.costs_added.is_empty()
            && self.costs_removed.is_empty()
    }
}

/// One fact of a cost basis or amount: `people 50 → 55`, `rate 612 → 650/month`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactChange {
    /// The cost line's label; `None` for the direction's own basis or declared amount.
    pub cost: Option<String>,
    /// `people`, `qty`, `count`, `rate`, `price`, `months`, `years`, `amount` (the BDL keywords).
    pub fact: &'static str,
    pub old: String,
    pub new: String,
    /// Written after the new figure: `/month`, `台`.
    pub unit: Option<String>,
}

/// Where an indicator or text sits: the department table or a direction's own table.
pub type Table = Option<String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorStatus {
    Added,
    Removed,
    /// Same name, something else changed.
    Changed,
    /// Paired by 二级指标 and similar wording: the name changed (and maybe more).
    Renamed,
}

impl IndicatorStatus {
    pub fn key(self) -> &'static str {
        match self {
            IndicatorStatus::Added => "added",
            IndicatorStatus::Removed => "removed",
            IndicatorStatus::Changed => "changed",
            IndicatorStatus::Renamed => "renamed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            IndicatorStatus::Added => "新增",
            IndicatorStatus::Removed => "删除",
            IndicatorStatus::Changed => "修改",
            IndicatorStatus::Renamed => "改写",
        }
    }
}

/// An indicator's printed facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorFacts {
    pub name: String,
    /// 指标值 as the tables print it.
    pub value: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorChange {
    pub status: IndicatorStatus,
    /// `None`: the department table; else the direction's name.
    pub table: Table,
    /// `annual` (年度) or `overall` (实施期).
    pub horizon: &'static str,
    pub level1: String,
    pub level2: String,
    pub old: Option<IndicatorFacts>,
    pub new: Option<IndicatorFacts>,
    /// For a changed or renamed indicator: each field that differs (三级指标, 指标值, 备注, …).
    pub fields: Vec<FieldChange>,
    /// The name's character-level difference, for a renamed indicator.
    pub name_segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    pub status: Status,
    pub table: Table,
    /// `duty`, `goal`, `plan`, `task`, `annual`, `summary_goal`, `summary_annual`, `basis`, `form`,
    /// `admin`, `total_budget`, `scores`, `earlier`, `shares`.
    pub key: &'static str,
    /// As the tables label it, with the item: 部门职责概述（二）, 年度重点工作计划 › 抓好源头治理 › 工作目标.
    pub label: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The character-level difference (for a changed text).
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    Equal,
    Delete,
    Insert,
}

impl SegmentKind {
    pub fn key(self) -> &'static str {
        match self {
            SegmentKind::Equal => "equal",
            SegmentKind::Delete => "delete",
            SegmentKind::Insert => "insert",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::AmountChange;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn percent_is_rounded_half_away_from_zero() {
        let c = AmountChange::new(Some(d("173.4271")), Some(d("180.1")));
        assert_eq!(c.change, Some(d("6.6729")));
        assert_eq!(c.percent, Some(d("3.85")));
        // 0.125% → 0.13 (banker's rounding would give 0.12), and −0.125% → −0.13.
        let up = AmountChange::new(Some(d("800")), Some(d("801")));
        assert_eq!(up.percent.map(|p| p.to_string()), Some("0.13".to_string()));
        let down = AmountChange::new(Some(d("800")), Some(d("799")));
        assert_eq!(
            down.percent.map(|p| p.to_string()),
            Some("-0.13".to_string())
        );
    }

    #[test]
    fn no_percent_from_zero_or_nothing() {
        assert_eq!(AmountChange::new(Some(d("0")), Some(d("5"))).percent, None);
        let added = AmountChange::new(None, Some(d("5")));
        assert_eq!((added.change, added.percent), (Some(d("5")), None));
        let removed = AmountChange::new(Some(d("5")), None);
        assert_eq!(removed.change, Some(d("-5")));
        assert_eq!(removed.percent, Some(d("-100")));
    }
}
