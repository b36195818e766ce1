//! The model: what a declaration means. Every amount is exact and in the document's unit; every derived
//! figure carries its provenance (how it was computed and from which facts).

use crate::framework::{Framework, Slot};
use crate::period::Period;
use crate::source::Span;
use crate::syntax::ast::{DirectionKind, Horizon, MoneyUnit, Per};
use rust_decimal::Decimal;

/// A text with the place it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A derived figure and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub value: Decimal,
    /// The computation in words, e.g. `50人 × 612元/人/月 × 12月 = 367200元`.
    pub how: String,
    /// The facts it was computed from.
    pub sources: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub year: Option<Spanned<i32>>,
    pub filer: Option<Spanned<String>>,
    pub department: Option<Spanned<String>>,
    pub unit: MoneyUnit,
    /// Decimals printed in tables (trailing zeros dropped).
    pub precision: u32,
    pub framework: Framework,
    pub framework_span: Option<Span>,
    /// Whether `framework` named a known profile or declared a tree. When it did not (B2004, B2005),
    /// `framework` is the default profile and no indicator is placed in it.
    pub has_framework: bool,
    /// `total …` as declared (资金总额).
    pub declared_total: Option<Spanned<Decimal>>,
    pub income: Vec<Line>,
    pub spending: Vec<Line>,
    pub duties: Vec<Spanned<String>>,
    pub plans: Vec<Plan>,
    pub goals: Vec<Spanned<String>>,
    pub tasks: Vec<Task>,
    pub indicators: Vec<Indicator>,
    pub directions: Vec<Direction>,
}

impl Declaration {
    /// The framework category (二级指标) an indicator sits in; `None` when its name is unknown.
    pub fn category_of(&self, ind: &Indicator) -> Option<&crate::framework::Category> {
        ind.slot.and_then(|s| self.framework.category(s))
    }

    pub fn income_total(&self) -> Option<Decimal> {
        sum(self.income.iter().map(|l| l.amount))
    }

    pub fn spending_total(&self) -> Option<Decimal> {
        sum(self.spending.iter().map(|l| l.amount))
    }

    /// 资金总额: declared, else the income breakdown, else the spending breakdown.
    pub fn total(&self) -> Option<Decimal> {
        if let Some(t) = &self.declared_total {
            return Some(t.value);
        }
        if !self.income.is_empty() {
            return self.income_total();
        }
        if !self.spending.is_empty() {
            return self.spending_total();
        }
        None
    }

    /// 项目支出 as the directions add up.
    pub fn directions_total(&self) -> Option<Decimal> {
        sum(self.directions.iter().map(|d| d.amount))
    }

    /// Whether the document speaks for the department as a whole (it then prints 部门整体支出绩效目标表).
    pub fn has_department_table(&self) -> bool {
        !self.income.is_empty()
            || !self.spending.is_empty()
            || !self.duties.is_empty()
            || !self.plans.is_empty()
            || !self.indicators.is_empty()
            || self.declared_total.is_some()
    }

    /// Every direction and project, depth first, with its depth (0 for top level).
    pub fn all_directions(&self) -> Vec<(usize, &Direction)> {
        let mut out = Vec::new();
        fn walk<'a>(ds: &'a [Direction], depth: usize, out: &mut Vec<(usize, &'a Direction)>) {
            for d in ds {
                out.push((depth, d));
                walk(&d.children, depth + 1, out);
            }
        }
        walk(&self.directions, 0, &mut out);
        out
    }
}

/// A checked sum; `None` on overflow.
pub fn sum(mut values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    values.try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
}

/// An income or spending line (or a direction's fund source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub name: Spanned<String>,
    pub declared: Option<Spanned<Decimal>>,
    /// The written number of a declared amount, for comparing at printed precision.
    pub declared_text: Option<String>,
    pub derived: Option<Derived>,
    /// Declared if given, else derived.
    pub amount: Decimal,
    pub children: Vec<Line>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub item: Spanned<String>,
    pub owner: Spanned<String>,
    pub target: Spanned<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub task: Spanned<String>,
    pub duty: Spanned<String>,
    pub funded_by: Spanned<String>,
    /// The amount of the direction or project that funds it.
    pub amount: Option<Decimal>,
}

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
    pub derived: Derived,
    /// 人, the qty unit, or the document's money unit.
    pub unit: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Quantity {
        op: Op,
        /// The operator as written when it is a word (不低于), to print it the same way.
        op_word: Option<String>,
        /// The number shown: the literal, or the referenced figure.
        number: Decimal,
        /// The literal's spelling, when written.
        number_text: Option<String>,
        unit: Option<String>,
        reference: Option<Box<Reference>>,
        span: Span,
    },
    Quality {
        text: String,
        span: Span,
    },
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Quantity { span, .. } | Value::Quality { span, .. } => *span,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub horizon: Horizon,
    /// Where it sits in the framework; `None` when its 二级指标 is unknown (reported).
    pub slot: Option<Slot>,
    pub level2_written: Spanned<String>,
    pub name: Spanned<String>,
    pub value: Value,
    pub note: Option<String>,
    pub standard: Option<String>,
    pub weight: Option<Decimal>,
    pub explain: Option<String>,
    pub scoring: Option<String>,
    pub sense: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Count {
    People(Decimal),
    Qty { number: Decimal, unit: String },
}

/// One computed cost: count × price (× months).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cost {
    /// The `cost` line's label; `None` for a basis on the direction's own line.
    pub label: Option<Spanned<String>>,
    pub count: Count,
    /// 元 per unit (per month, per year, or once).
    pub price: Decimal,
    pub per: Per,
    /// Months (per month) or years (per year) multiplied in; 1 for a one-off price.
    pub times: Decimal,
    /// The months a per-month or per-year price runs for, as written or defaulted; `None` for a
    /// one-off price.
    pub months: Option<Decimal>,
    /// The amount in 元 and in the document's unit.
    pub yuan: Decimal,
    pub derived: Derived,
    pub prior: Option<Decimal>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Direction {
    pub kind: DirectionKind,
    pub name: Spanned<String>,
    /// 所属专项 (direction) or 项目类型 (project).
    pub special: Option<Spanned<String>>,
    pub project_kind: Option<Spanned<String>>,
    pub period: Option<Spanned<Period>>,
    pub goal: Option<Spanned<String>>,
    pub annual: Option<Spanned<String>>,
    /// The goal texts printed in the summary table, where they differ from the direction's own table.
    pub summary_goal: Option<Spanned<String>>,
    pub summary_annual: Option<Spanned<String>>,
    pub declared: Option<Spanned<Decimal>>,
    pub declared_text: Option<String>,
    /// 测算依据 in words (`amount 120 basis "依据招标文件"`).
    pub basis_text: Option<String>,
    pub costs: Vec<Cost>,
    /// Sum of the costs and sub-directions, when there are any.
    pub derived: Option<Derived>,
    /// Declared if given, else derived.
    pub amount: Decimal,
    pub people: Option<Decimal>,
    pub funds: Vec<Line>,
    pub indicators: Vec<Indicator>,
    pub children: Vec<Direction>,
    /// A cost basis could not be computed (reported: B1002, B3030, B3031); its counts are unknown, so
    /// references to them report nothing more.
    pub incomplete: bool,
    pub span: Span,
}

impl Direction {
    /// Whether it prints a table of its own: every top-level direction does; a sub-direction only when
    /// it has goals or indicators — otherwise it is a cost item of its parent (a row of the summary).
    pub fn has_own_table(&self, depth: usize) -> bool {
        depth == 0 || !self.indicators.is_empty() || self.goal.is_some() || self.annual.is_some()
    }

    pub fn summary_goal_text(&self) -> Option<&str> {
        self.summary_goal
            .as_ref()
            .or(self.goal.as_ref())
            .map(|s| s.value.as_str())
    }

    pub fn summary_annual_text(&self) -> Option<&str> {
        self.summary_annual
            .as_ref()
            .or(self.annual.as_ref())
            .map(|s| s.value.as_str())
    }
}
