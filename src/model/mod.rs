//! The model: what a declaration means. Every amount is exact and in the document's unit; every derived
//! figure carries its provenance (how it was computed and from which facts).

pub mod agreement;
mod forms;
mod provenance;
mod value;
mod year_end;

pub use forms::{Admin, Share};
pub use provenance::{BasisTerms, Conversion, How, Part};
pub use value::{Measure, Op, RefKind, Reference, Value};
pub use year_end::{Achieved, Actual, Execution, YearEnd};

use crate::domain::framework::{Framework, Slot};
use crate::domain::scoring::Profile;
use crate::domain::{DirectionKind, Earlier, Form, Horizon, Money, MoneyUnit, Per, Period};
use crate::source::Span;
use rust_decimal::Decimal;

/// A text with the place it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A derived amount and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub value: Money,
    /// How it was computed (`present::provenance` writes it for people).
    pub how: How,
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
    pub declared_total: Option<Spanned<Money>>,
    pub income: Vec<Line>,
    pub spending: Vec<Line>,
    pub duties: Vec<Spanned<String>>,
    pub plans: Vec<Plan>,
    pub goals: Vec<Spanned<String>>,
    pub tasks: Vec<Task>,
    pub indicators: Vec<Indicator>,
    pub directions: Vec<Direction>,
    /// The form the tables are printed in: declared, else the framework's default.
    pub form: Form,
    /// Where `form …` was written; `None` when the form is the framework's default.
    pub form_span: Option<Span>,
    /// The department's administrative fields (部门预算编码, 联系人).
    pub admin: Admin,
    /// 分值 of the 一级指标 for the department's table (and every direction's without its own).
    pub scores: Option<Scores>,
    /// The department's year-end facts (docs/self-evaluation.md).
    pub year_end: YearEnd,
    /// How the self-evaluation is scored: declared (`profile …`), else the Ministry's.
    pub profile: Profile,
    pub profile_span: Option<Span>,
    /// Declared figures written in the other unit, as written (their conversion).
    pub conversions: Vec<Conversion>,
}

/// A line's figure of an earlier year (上年预算数, 上年执行数, 决算数).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierFigure {
    pub kind: Earlier,
    pub year: i32,
    pub amount: Money,
    pub span: Span,
}

/// The earlier-year columns a block of `figures` calls for, as (year, kind): oldest year first and,
/// within a year, 预算数, 执行数, 决算数; only the `keep` most recent, as many as the form prints. The
/// tables print these and the form check names the figures left out, so both ask here.
pub fn earlier_columns<'f>(
    figures: impl Iterator<Item = &'f EarlierFigure>,
    keep: usize,
) -> Vec<(i32, Earlier)> {
    let mut out: Vec<(i32, Earlier)> = figures.map(|e| (e.year, e.kind)).collect();
    out.sort();
    out.dedup();
    out.split_off(out.len().saturating_sub(keep))
}

/// The figure of `kind` for `year` among `figures`, if there is one.
pub fn earlier_figure(
    figures: &[EarlierFigure],
    kind: Earlier,
    year: i32,
) -> Option<&EarlierFigure> {
    figures.iter().find(|e| e.kind == kind && e.year == year)
}

impl Line {
    /// Its figure of `kind` for `year`, if it has one.
    pub fn earlier(&self, kind: Earlier, year: i32) -> Option<&EarlierFigure> {
        earlier_figure(&self.earlier, kind, year)
    }
}

impl Direction {
    /// Its figure of `kind` for `year`, if it has one.
    pub fn earlier(&self, kind: Earlier, year: i32) -> Option<&EarlierFigure> {
        earlier_figure(&self.earlier, kind, year)
    }
}

/// `scores 产出指标 50 效益指标 30 total 90`: what each 一级指标 is worth, and the total the
/// indicators' weights must reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    pub parts: Vec<ScorePart>,
    pub total: Option<Spanned<Decimal>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScorePart {
    /// The 一级指标's index in the framework.
    pub tier: usize,
    /// Its 分值, or the lower end of a range (`30-50`).
    pub points: Decimal,
    /// The upper end of a range: the weights under it add up to `points` at least and `most` at most.
    pub most: Option<Decimal>,
    pub span: Span,
}

impl Declaration {
    /// The figure declared at `at` as written, when it was written in the other unit.
    pub fn written_as(&self, at: Span) -> Option<Money> {
        self.conversions
            .iter()
            .find(|c| c.at == at)
            .map(|c| c.written)
    }

    /// The framework category (二级指标) an indicator sits in; `None` when its name is unknown.
    pub fn category_of(&self, ind: &Indicator) -> Option<&crate::domain::framework::Category> {
        ind.slot.and_then(|s| self.framework.category(s))
    }

    /// What the income breakdown adds up to; `None` when it is empty or a line is unknown.
    pub fn income_total(&self) -> Option<Money> {
        sum_lines(&self.income, self.unit)
    }

    pub fn spending_total(&self) -> Option<Money> {
        sum_lines(&self.spending, self.unit)
    }

    /// 资金总额: declared, else the income breakdown, else the spending breakdown.
    pub fn total(&self) -> Option<Money> {
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

    /// 项目支出 as the directions add up; `None` without directions or when one is unknown.
    pub fn directions_total(&self) -> Option<Money> {
        if self.directions.is_empty() {
            return None;
        }
        sum(self.directions.iter().map(|d| d.amount), self.unit)
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

    /// Whether any year-end fact is written: the self-evaluation is then printed.
    pub fn has_year_end(&self) -> bool {
        fn table(indicators: &[Indicator], y: &YearEnd) -> bool {
            !y.is_empty() || indicators.iter().any(|i| i.achieved.is_some())
        }
        table(&self.indicators, &self.year_end)
            || self
                .all_directions()
                .iter()
                .any(|(_, d)| table(&d.indicators, &d.year_end))
    }

    /// The sources the tasks split their amounts into (财政拨款, 其他资金 …), in the order first written.
    pub fn task_sources(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for l in self.tasks.iter().flat_map(|t| &t.funds) {
            if !out.contains(&l.name.value.as_str()) {
                out.push(&l.name.value);
            }
        }
        out
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

/// The exact sum of amounts in `unit`; `None` when one is unknown or the sum cannot be exact.
pub fn sum(values: impl Iterator<Item = Option<Money>>, unit: MoneyUnit) -> Option<Money> {
    values
        .into_iter()
        .try_fold(Money::zero(unit), |acc, v| acc.checked_add(v?).ok())
}

/// A line by name, at any depth.
pub fn find_line<'l>(lines: &'l [Line], name: &str) -> Option<&'l Line> {
    lines.iter().find_map(|l| {
        if l.name.value == name {
            Some(l)
        } else {
            find_line(&l.children, name)
        }
    })
}

/// What a list of lines adds up to; `None` when it is empty or a line is unknown.
pub fn sum_lines(lines: &[Line], unit: MoneyUnit) -> Option<Money> {
    if lines.is_empty() {
        return None;
    }
    sum(lines.iter().map(|l| l.amount), unit)
}

/// An income or spending line (or a direction's fund source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub name: Spanned<String>,
    pub declared: Option<Spanned<Money>>,
    /// The written number of a declared amount, for comparing at printed precision.
    pub declared_text: Option<String>,
    pub derived: Option<Derived>,
    /// Declared if given, else derived; `None` when neither could be read (reported).
    pub amount: Option<Money>,
    /// The 其中 lines list only some of the parts: they add up to at most the line.
    pub partial: bool,
    /// Figures of earlier years, in the document's unit.
    pub earlier: Vec<EarlierFigure>,
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
    /// Its own amount, as declared (`amount 12`).
    pub declared: Option<Spanned<Money>>,
    /// The amount of the direction, project or spending line that funds it; `None` when unknown.
    pub funder_amount: Option<Money>,
    /// What its row prints: its own amount, else what its sources add up to, else its funder's where
    /// it is the funder's only task.
    pub amount: Option<Money>,
    /// 主要内容 (`content "…"`).
    pub content: Option<Spanned<String>>,
    /// Its amount by source (财政拨款, 其他资金), as declared.
    pub funds: Vec<Line>,
    pub span: Span,
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
    /// What was achieved, from the year-end facts.
    pub achieved: Option<Achieved>,
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
    /// The price per unit (per month, per year, or once), in 元.
    pub price: Money,
    pub per: Per,
    /// Months (per month) or years (per year) multiplied in; 1 for a one-off price.
    pub times: Decimal,
    /// The months a per-month or per-year price runs for, as written or defaulted; `None` for a
    /// one-off price.
    pub months: Option<Decimal>,
    /// count × price (× months), in 元, with its terms (`terms.converted` is the same in the
    /// document's unit).
    pub amount: Money,
    pub terms: BasisTerms,
    /// Figures of earlier years, in the document's unit.
    pub earlier: Vec<EarlierFigure>,
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
    pub declared: Option<Spanned<Money>>,
    pub declared_text: Option<String>,
    /// 测算依据 in words (`amount 120 basis "依据招标文件"`).
    pub basis_text: Option<String>,
    pub costs: Vec<Cost>,
    /// Sum of the costs and sub-directions, when there are any.
    pub derived: Option<Derived>,
    /// Declared if given, else derived; `None` when neither could be read (reported).
    pub amount: Option<Money>,
    pub people: Option<Decimal>,
    pub funds: Vec<Line>,
    pub indicators: Vec<Indicator>,
    /// Its own 分值 of the 一级指标, where it differs from the document's.
    pub scores: Option<Scores>,
    pub children: Vec<Direction>,
    /// 项目编码, 项目属性, 资金性质 … as declared.
    pub admin: Admin,
    /// 项目总预算 (all years of the project), when declared.
    pub total_budget: Option<Spanned<Money>>,
    /// Figures of earlier years (`prior budget 340`), in the document's unit.
    pub earlier: Vec<EarlierFigure>,
    /// 资金分配表, in the written order.
    pub shares: Vec<Share>,
    /// The direction's year-end facts.
    pub year_end: YearEnd,
    /// A cost basis could not be computed (reported: B1002, B3030, B3031); its counts are unknown, so
    /// references to them report nothing more.
    pub incomplete: bool,
    pub span: Span,
}

impl Cost {
    pub fn how(&self) -> How {
        How::Basis(self.terms.clone())
    }
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
