//! The Ministry's forms (`form mof-project`, `form mof-department`): the 项目支出绩效目标表 of each
//! project — its administrative fields as label / value pairs, 项目资金, 总体目标, 绩效指标,
//! 项目测算明细 (costs and sub-directions, their bases read back from the 测算依据 text) and
//! 资金分配, with 项目总预算 and earlier years' columns — and of the department form its administrative
//! pairs, 年度主要任务 (its amounts by source) and 年度部门整体支出预算 with a column per year. The rest
//! of the department form is read as the Hunan one is (its labels differ only in spelling).

use super::recognise::{
    Deep, IndicatorColumns, Reader, Segment, Why, indicator_label, merge_direction, tree, unit_in,
};
use super::tables::{Declaration, Direction, Indicator, Line, Prior, Task};

use super::text::{self, half_width, key, one_line};

/// The administrative fields of a project table, by label.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Filer,
    Department,
    Attribute,
    Period,
    Code,
    Special,
    Kind,
    Funding,
    Function,
    BudgetCode,
    Policy,
    Approval,
    Contact,
    Phone,
    Overview,
}

fn field(k: &str) -> Option<Field> {
    Some(match k {
        "项目名称" => Field::Name,
        "主管部门" => Field::Filer,
        "实施单位" => Field::Department,
        "项目属性" => Field::Attribute,
        "项目期" | "项目实施期" => Field::Period,
        "项目编码" => Field::Code,
        "一级项目" => Field::Special,
        "项目类别" | "项目类型" => Field::Kind,
        "资金性质" => Field::Funding,
        "功能分类科目" => Field::Function,
        "部门预算编码" => Field::BudgetCode,
        "立项依据" => Field::Policy,
        "审批文号" => Field::Approval,
        "联系人" => Field::Contact,
        "联系电话" => Field::Phone,
        "项目概况" => Field::Overview,
        _ => return None,
    })
}

/// A basis as the 测算依据 prints it, as bdl writes it: `55人 × 2980元/人/月 × 12月 = 1966800元` →
/// `< people 55 rate 2980/month months 12 >`; `600亩 × 180元/亩 = 108000元` → `< qty 600 亩 price 180 >`;
/// `1200亩 × 125元/亩/年 × 1年` → `< qty 1200 亩 rate 125/year >`.
pub fn basis(printed: &str) -> Option<String> {
    let t = half_width(printed);
    let factors = t.split('=').next()?;
    let parts: Vec<&str> = factors.split(['×', '*', 'x']).map(str::trim).collect();
    let (count, price, times) = match parts.as_slice() {
        [c, p] => (*c, *p, None),
        [c, p, m] => (*c, *p, Some(*m)),
        _ => return None,
    };
    let (number, unit) = split_number(count)?;
    let (each, per) = split_number(price)?;
    let per = per.strip_prefix("元/")?;
    let people = unit == "人";
    let (per_what, rate) = match per.rsplit_once('/') {
        Some((what, "月")) => (what, Some("month")),
        Some((what, "年")) => (what, Some("year")),
        _ => (per, None),
    };
    if per_what != unit || unit.is_empty() {
        return None;
    }
    let months = match (rate, times) {
        (Some("month"), Some(m)) => Some(split_number(m).filter(|(_, u)| *u == "月")?.0),
        (Some("year"), Some(y)) => {
            // A yearly rate over one year only: bdl has no count of years.
            let (n, u) = split_number(y)?;
            if u != "年" || n != "1" {
                return None;
            }
            None
        }
        (_, None) => None,
        _ => return None,
    };
    let count = if people {
        format!("people {number}")
    } else {
        format!("qty {number} {unit}")
    };
    let price = match rate {
        Some(per) => format!("rate {each}/{per}"),
        None => format!("price {each}"),
    };
    Some(match months {
        Some(m) => format!("< {count} {price} months {m} >"),
        None => format!("< {count} {price} >"),
    })
}

/// `55人` → (`55`, `人`).
fn split_number(s: &str) -> Option<(String, &str)> {
    let s = s.trim();
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(s.len(), |(i, _)| i);
    Some((text::decimal(s.get(..end)?)?, s.get(end..)?.trim()))
}

/// A unit word bdl reads in `qty N UNIT`: no blanks or marks.
fn word_ok(w: &str) -> bool {
    !w.is_empty()
        && !w.chars().any(|c| {
            c.is_whitespace() || matches!(c, '"' | '#' | '{' | '}' | '<' | '>' | '=' | '/')
        })
}

/// An earlier year's column heading as bdl names it: `上年预算数` → `prior budget`, `2023年决算数` →
/// `prior final 2023`.
fn prior_heading(k: &str) -> Option<String> {
    let (year, kind) = match k.strip_prefix("上年") {
        Some(rest) => (None, rest),
        None => {
            let (y, rest) = k.split_once('年')?;
            if y.len() != 4 || !y.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (Some(y), rest)
        }
    };
    let kw = match kind {
        "预算数" => "budget",
        "执行数" => "actual",
        "决算数" => "final",
        _ => return None,
    };
    Some(match year {
        Some(y) => format!("prior {kw} {y}"),
        None => format!("prior {kw}"),
    })
}

/// A column of 项目资金 beside the names: 项目总预算, an earlier year's, 年度预算.
#[derive(Clone, PartialEq)]
enum FundColumn {
    TotalBudget,
    Prior(String),
    Annual,
}

fn fund_column(k: &str) -> Option<FundColumn> {
    match k {
        "项目总预算" => Some(FundColumn::TotalBudget),
        "年度预算" | "本年预算" | "本年预算数" | "年度资金" | "本年申请数" => {
            Some(FundColumn::Annual)
        }
        _ => prior_heading(k).map(FundColumn::Prior),
    }
}

/// The columns of a project's indicator block: the common ones, a value group (计算符号 | 指标值 |
/// 度量单位) per horizon where 实施期指标值 and 年度指标值 stand side by side (their sub-heading row
/// follows the heading row), and the further columns (指标方向, 绩效标准, 指标解释, 评分标准).
pub struct ProjectIndicatorColumns {
    base: IndicatorColumns,
    /// Each value group's first column and whether it is 实施期's.
    groups: Vec<(u32, bool)>,
    /// The columns per horizon: `None` is the block's own (one value group).
    horizons: Vec<(Option<bool>, IndicatorColumns)>,
    extras: Vec<(u32, &'static str)>,
    sub_heading: bool,
}

/// `产出指标（40分）` → (`产出指标`, `40`); `产出指标（30-50分）` → (`产出指标`, `30-50`).
fn tier_points(label: &str) -> Option<(String, String)> {
    let t = half_width(label);
    let (name, points) = t.trim().strip_suffix("分)")?.rsplit_once('(')?;
    let ok = |n: &str| text::decimal(n).is_some_and(|d| d == n.trim());
    let points = points.trim();
    let valid = match points.split_once('-') {
        Some((a, b)) => ok(a) && ok(b),
        None => ok(points),
    };
    let name = name.trim();
    (valid && !name.is_empty() && word_ok(name)).then(|| (name.to_string(), points.to_string()))
}

/// 年度部门整体支出预算 as the Ministry's department form prints it with earlier years: a column per
/// year (上年预算数 …, 本年预算数 last), 资金总额, then the lines 按收入性质分 and 按支出性质分.
pub struct BudgetYears {
    /// Each figure column: its earlier year as bdl names it, or `None` for this year's.
    cols: Vec<(u32, Option<String>)>,
    /// Under 按支出性质分 (rather than 按收入性质分).
    spending: Option<bool>,
    /// 资金总额's figures of earlier years: the cell, its column and the figure, checked at the end.
    total: Vec<(usize, String, String)>,
}

/// The columns of the department form's 年度主要任务: 任务名称, 主要内容, 支出方向/项目 and 预算金额 —
/// 总额, then a column per source (财政拨款, 其他资金) where the block splits it.
#[derive(Default)]
pub struct TaskColumns {
    text: Vec<(u32, usize)>,
    amount: Option<u32>,
    sources: Vec<(u32, String)>,
}

/// Whether a figure as read is zero.
fn is_zero(figure: &str) -> bool {
    figure
        .parse::<rust_decimal::Decimal>()
        .is_ok_and(|d| d.is_zero())
}

/// The exact sum of figures as read; `None` when one is not a number.
fn sum_of<'a>(figures: impl Iterator<Item = &'a str>) -> Option<rust_decimal::Decimal> {
    figures
        .map(|f| f.parse::<rust_decimal::Decimal>().ok())
        .try_fold(rust_decimal::Decimal::ZERO, |a, b| a.checked_add(b?))
}

impl Reader<'_, '_> {
    /// The heading row of a project's indicator block.
    fn project_indicator_header(&mut self, row: u32) -> ProjectIndicatorColumns {
        let base = self.indicator_header(row);
        let mut groups = Vec::new();
        let mut extras = Vec::new();
        for i in self.filled(row) {
            let col = self.col(i);
            match self.view.key(i).as_str() {
                "实施期指标值" => groups.push((col, true)),
                "年度指标值" => groups.push((col, false)),
                "指标方向" => extras.push((col, "sense")),
                "绩效标准" => extras.push((col, "standard")),
                "指标解释" => extras.push((col, "explain")),
                "评分标准" => extras.push((col, "scoring")),
                _ => continue,
            }
            self.place(i);
        }
        groups.sort_by_key(|(c, _)| *c);
        let sub_heading = !groups.is_empty();
        let horizons = if sub_heading {
            Vec::new()
        } else {
            vec![(None, base.clone())]
        };
        ProjectIndicatorColumns {
            base,
            groups,
            horizons,
            extras,
            sub_heading,
        }
    }

    /// A row of a project's indicator block: the value groups' sub-heading, an indicator (or the
    /// 实施期 and 年度 ones of one name side by side), or the 合计 of the weights.
    fn project_indicator_row(
        &mut self,
        row: u32,
        cols: &mut ProjectIndicatorColumns,
        block_overall: bool,
        p: &mut Direction,
    ) {
        if cols.sub_heading {
            cols.sub_heading = false;
            let mut horizons: Vec<(Option<bool>, IndicatorColumns)> = cols
                .groups
                .iter()
                .map(|&(_, o)| (Some(o), cols.base.clone()))
                .collect();
            for i in self.filled(row) {
                let col = self.col(i);
                let Some(g) = cols.groups.iter().rposition(|(start, _)| *start <= col) else {
                    continue;
                };
                let Some((_, c)) = horizons.get_mut(g) else {
                    continue;
                };
                let slot = match self.view.key(i).as_str() {
                    "计算符号" => &mut c.op,
                    "指标值" | "目标值" => &mut c.value,
                    "度量单位" | "计量单位" => &mut c.unit,
                    _ => continue,
                };
                *slot = Some(col);
                self.place(i);
            }
            cols.horizons = horizons;
            return;
        }
        let present =
            |r: &Self, c: &IndicatorColumns| c.value.and_then(|v| r.fresh_text(row, v)).is_some();
        let horizon = |h: Option<bool>| h.unwrap_or(block_overall);
        let single = cols.groups.is_empty();
        // The indicator whose name and further columns the row prints: the annual one where both are.
        let main = cols
            .horizons
            .iter()
            .position(|(h, c)| !horizon(*h) && (single || present(self, c)))
            .or_else(|| {
                cols.horizons
                    .iter()
                    .position(|(_, c)| single || present(self, c))
            });
        let mut read_any = false;
        for (k, (h, c)) in cols.horizons.iter().enumerate() {
            if !single && !present(self, c) {
                continue;
            }
            let mut c = c.clone();
            if Some(k) != main {
                c.weight = None;
                c.note = None;
            }
            let Some(mut ind) = self.indicator(row, &c, horizon(*h)) else {
                continue;
            };
            read_any = true;
            if Some(k) == main {
                self.indicator_extras(row, &cols.extras, &mut ind);
            }
            if let Some((tier, points)) = tier_points(&ind.level1) {
                if !p.scores.iter().any(|(t, _)| *t == tier) {
                    p.scores.push((tier.clone(), points));
                }
                ind.level1 = tier;
            }
            p.indicators.push(ind);
        }
        if !read_any {
            self.scores_total(row, &cols.base, p);
        }
    }

    /// The further columns of an indicator's row. 指标方向 is written wherever printed, though the
    /// forms print the operator's where none is declared: the column is printed only when some
    /// indicator declares one.
    fn indicator_extras(&mut self, row: u32, extras: &[(u32, &'static str)], ind: &mut Indicator) {
        for &(col, kw) in extras {
            let Some((cell, t)) = self.fresh_text(row, col) else {
                continue;
            };
            let t = one_line(t);
            if kw == "sense" {
                let sense = match key(&t).trim_end_matches("指标") {
                    "正向" => "正向",
                    "反向" => "反向",
                    // A direction bdl does not know is left for the report.
                    _ => continue,
                };
                self.place(cell);
                ind.extras.push((kw, sense.to_string()));
                continue;
            }
            self.place(cell);
            ind.extras.push((kw, t));
        }
    }

    /// The 合计 row under weighted indicators: placed when it is their sum (`weights_total`), and then,
    /// where the 一级指标 give 分值, the total the `scores` line states.
    fn scores_total(&mut self, row: u32, cols: &IndicatorColumns, p: &mut Direction) {
        self.weights_total(row, cols, &p.indicators);
        let (Some(l1), Some(w)) = (cols.level1, cols.weight) else {
            return;
        };
        let (Some((_, label)), Some((_, figure))) =
            (self.fresh_text(row, l1), self.fresh_text(row, w))
        else {
            return;
        };
        if key(label) != "合计" || p.scores.is_empty() {
            return;
        }
        let sum = sum_of(p.indicators.iter().filter_map(|i| i.weight.as_deref()));
        let printed = text::decimal(figure);
        if let Some(f) = printed
            && sum.is_some()
            && sum == f.parse().ok()
        {
            p.scores_total = Some(f);
        }
    }

    /// The heading row of 年度部门整体支出预算 when it has a column per year (项目 | 上年预算数 |
    /// 本年预算数); placed.
    pub(super) fn budget_years_header(&mut self, row: u32) -> Option<BudgetYears> {
        let cells = self.filled(row);
        let mut cols = Vec::new();
        let mut heading = None;
        for &i in cells.iter().skip(1) {
            let k = self.view.key(i);
            if k == "项目" {
                heading = Some(i);
            } else if let Some(prior) = prior_heading(&k) {
                cols.push((self.col(i), Some(prior), i));
            } else if matches!(k.as_str(), "本年预算数" | "本年预算" | "年度预算") {
                cols.push((self.col(i), None, i));
            }
        }
        let this_year = cols.iter().filter(|(_, p, _)| p.is_none()).count();
        if heading.is_none() || this_year != 1 || cols.len() < 2 {
            return None;
        }
        for i in heading.into_iter().chain(cols.iter().map(|c| c.2)) {
            self.place(i);
        }
        Some(BudgetYears {
            cols: cols.into_iter().map(|(c, p, _)| (c, p)).collect(),
            spending: None,
            total: Vec::new(),
        })
    }

    /// A row of 年度部门整体支出预算 by year: 资金总额, a side's heading, or a line of it.
    pub(super) fn budget_years_row(
        &mut self,
        row: u32,
        y: &mut BudgetYears,
        d: &mut Declaration,
        lines: &mut (Vec<Deep<Line>>, Vec<Deep<Line>>),
    ) {
        let Some(first_figure) = y.cols.iter().map(|(c, _)| *c).min() else {
            return;
        };
        let Some(name) = self
            .filled(row)
            .into_iter()
            .find(|&i| self.col(i) < first_figure)
        else {
            return;
        };
        let k = self.view.key(name);
        if k == "按收入性质分" || k == "按支出性质分" {
            y.spending = Some(k == "按支出性质分");
            self.place(name);
            return;
        }
        if k == "资金总额" {
            self.place(name);
            for (col, prior) in &y.cols {
                match prior {
                    None => d.total = self.figure_at(row, *col),
                    Some(p) => {
                        if let Some((cell, t)) = self.fresh_text(row, *col)
                            && let Some(f) = text::money(t, &[])
                        {
                            y.total.push((cell, p.clone(), f));
                        }
                    }
                }
            }
            return;
        }
        let Some(spending) = y.spending else {
            return;
        };
        let Some((depth, mut line)) = self.line(&[name]) else {
            return;
        };
        for (col, prior) in &y.cols {
            match prior {
                None => line.amount = self.figure_at(row, *col),
                Some(p) => {
                    if let Some(f) = self.figure_at(row, *col) {
                        line.earlier.push((p.clone(), f));
                    }
                }
            }
        }
        let side = if spending { &mut lines.1 } else { &mut lines.0 };
        side.push((depth, line));
    }

    /// 资金总额's figures of earlier years are not declared but derived: the sum of the income lines'
    /// figures (else the spending lines'), as the form prints it. Placed when they are; otherwise
    /// left for the report.
    pub(super) fn budget_years_total(&mut self, y: BudgetYears, d: &Declaration) {
        for (cell, prior, figure) in y.total {
            let of = |ls: &[Line]| {
                let figures: Option<Vec<&str>> = ls
                    .iter()
                    .map(|l| {
                        l.earlier
                            .iter()
                            .find(|(p, _)| *p == prior)
                            .map(|(_, f)| f.as_str())
                    })
                    .collect();
                figures
                    .filter(|f| !f.is_empty())
                    .and_then(|f| sum_of(f.into_iter()))
            };
            let sum = of(&d.income).or_else(|| of(&d.spending));
            if sum.is_some() && sum == figure.parse().ok() {
                self.place(cell);
            }
        }
    }

    /// The header row of 年度主要任务.
    pub(super) fn task_header(&mut self, row: u32) -> TaskColumns {
        let mut text = self.header(
            row,
            &[
                &["任务名称"],
                &["主要内容"],
                &["支出方向/项目", "支出方向"],
                &["预算金额", "预算申请", "金额"],
            ],
        );
        let amount = text.iter().find(|(_, w)| *w == 3).map(|(c, _)| *c);
        text.retain(|(_, w)| *w < 3);
        TaskColumns {
            text,
            amount,
            sources: Vec::new(),
        }
    }

    /// A row of 年度主要任务: the sub-header (总额 | 财政拨款 | 其他资金), a task, or 金额合计 — placed
    /// when its figures are the sums of the tasks' (then it says nothing the source does not).
    pub(super) fn task_row(&mut self, row: u32, cols: &mut TaskColumns, d: &mut Declaration) {
        let Some(amount_col) = cols.amount else {
            return;
        };
        let cells = self.filled(row);
        if cells
            .iter()
            .any(|&i| self.col(i) == amount_col && self.view.key(i) == "总额")
        {
            for i in cells {
                if self.col(i) == amount_col {
                    self.place(i);
                } else if self.col(i) > amount_col {
                    cols.sources
                        .push((self.col(i), one_line(self.view.text(i))));
                    self.place(i);
                }
            }
            return;
        }
        let fresh = |r: &Self, c: u32| {
            r.view.text_at(row, c).filter(|(i, t)| {
                r.view.cell(*i).is_some_and(|x| x.row == row) && !t.trim().is_empty()
            })
        };
        let Some(&(task_col, _)) = cols.text.iter().find(|(_, w)| *w == 0) else {
            return;
        };
        if let Some((label, t)) = fresh(self, task_col)
            && key(t) == "金额合计"
        {
            let mut figures = Vec::new();
            let mut all = true;
            let wanted = std::iter::once((amount_col, None))
                .chain(cols.sources.iter().map(|(c, n)| (*c, Some(n.as_str()))));
            for (c, source) in wanted {
                let Some((cell, printed)) = fresh(self, c) else {
                    continue;
                };
                let sum = match source {
                    None => sum_of(d.tasks.iter().filter_map(|t| t.amount.as_deref())),
                    Some(n) => sum_of(d.tasks.iter().flat_map(|t| {
                        t.funds
                            .iter()
                            .filter(|(s, _)| s == n)
                            .map(|(_, a)| a.as_str())
                    })),
                };
                let printed = text::money(printed, &[]).and_then(|f| f.parse().ok());
                if sum.is_some() && sum == printed {
                    figures.push(cell);
                } else {
                    all = false;
                }
            }
            if all {
                self.place(label);
                for cell in figures {
                    self.place(cell);
                }
            }
            return;
        }
        let v = self.columns_text(row, &cols.text);
        let [Some(task), Some(content), Some(funded_by)] = v.as_slice() else {
            return;
        };
        let amount = fresh(self, amount_col).and_then(|(i, t)| {
            let f = text::money(t, &[]);
            if f.is_some() {
                self.place(i);
            } else {
                self.refuse(i, Why::NotAFigure);
            }
            f
        });
        let mut funds = Vec::new();
        for (c, source) in &cols.sources {
            let Some((i, t)) = fresh(self, *c) else {
                continue;
            };
            match text::money(t, &[]) {
                Some(f) => {
                    self.place(i);
                    // A source the task does not list prints as 0.
                    if !is_zero(&f) {
                        funds.push((source.clone(), f));
                    }
                }
                None => self.refuse(i, Why::NotAFigure),
            }
        }
        d.tasks.push(Task {
            // The form prints the task's 主要内容 where a task without one prints its duty: written as
            // the duty, it prints the same.
            duty: content.clone(),
            task: task.clone(),
            funded_by: funded_by.clone(),
            amount,
            funds,
        });
    }

    /// A row of label / value pairs of the administrative fields (部门预算编码 | 215001 | 联系人 | 王芳);
    /// true when the row was one.
    pub(super) fn admin_pairs(
        &mut self,
        row: u32,
        d: &mut Declaration,
        mut dir: Option<&mut Direction>,
    ) -> bool {
        let cells = self.filled(row);
        let Some(&first) = cells.first() else {
            return false;
        };
        if field(&self.view.key(first)).is_none() {
            return false;
        }
        let mut k = 0;
        while let Some(&label) = cells.get(k) {
            let Some(f) = field(&self.view.key(label)) else {
                k += 1;
                continue;
            };
            self.place(label);
            let value = cells
                .get(k + 1)
                .copied()
                .filter(|&v| field(&self.view.key(v)).is_none());
            k += if value.is_some() { 2 } else { 1 };
            let Some(v) = value else {
                continue;
            };
            let t = one_line(self.view.text(v));
            self.place(v);
            match (f, dir.as_deref_mut()) {
                (Field::Filer, _) => {
                    d.filer.get_or_insert(t);
                }
                (Field::Department, _) => {
                    d.department.get_or_insert(t);
                }
                (Field::BudgetCode, _) => d.budget_code = Some(t),
                (Field::Contact, _) => d.contact = Some(t),
                (Field::Phone, _) => d.phone = Some(t),
                (Field::Name, Some(x)) => x.name = t,
                (Field::Attribute, Some(x)) => x.attribute = Some(t),
                (Field::Period, Some(x)) => x.period = Some(t),
                (Field::Code, Some(x)) => x.code = Some(t),
                (Field::Special, Some(x)) => x.special = Some(t),
                (Field::Kind, Some(x)) => x.kind = Some(t),
                (Field::Funding, Some(x)) => x.funding = Some(t),
                (Field::Function, Some(x)) => x.function = Some(t),
                (Field::Policy, Some(x)) => x.policy = Some(t),
                (Field::Approval, Some(x)) => x.approval = Some(t),
                (Field::Overview, Some(x)) => x.overview = Some(t),
                (_, None) => {}
            }
        }
        true
    }

    /// One 项目支出绩效目标表.
    pub(super) fn project(&mut self, seg: &Segment, d: &mut Declaration) {
        #[derive(Clone, Copy, PartialEq)]
        enum Block {
            None,
            Funds,
            Goals,
            Indicators(bool),
            Costs,
            Shares,
        }
        if d.year.is_none() {
            d.year.clone_from(&seg.year);
        }
        let mut p = Direction {
            has_table: true,
            project: true,
            ..Direction::default()
        };
        let mut block = Block::None;
        let mut started = false;
        let mut goal_cols: Vec<(u32, usize)> = Vec::new();
        let mut ind: Option<ProjectIndicatorColumns> = None;
        let mut cost_cols: Vec<(u32, usize)> = Vec::new();
        let mut costs: Vec<(usize, CostRow)> = Vec::new();
        let mut share_cols: Vec<(u32, usize)> = Vec::new();
        let mut funds: Vec<(usize, Line)> = Vec::new();
        let mut fund_cols: Vec<(u32, FundColumn)> = Vec::new();
        let mut cost_years: Vec<(u32, String)> = Vec::new();
        for &row in &seg.rows {
            if !started && self.captions(row, d) {
                continue;
            }
            let Some(first) = self.first(row) else {
                continue;
            };
            let fk = self.view.key(first);
            let fresh = self.view.cell(first).is_some_and(|c| c.row == row);
            if fresh && self.admin_pairs(row, d, Some(&mut p)) {
                started = true;
                block = Block::None;
                continue;
            }
            if fresh {
                let next = if fk.starts_with("项目资金") {
                    if let Some(u) = unit_in(&fk) {
                        d.unit.get_or_insert(u);
                    }
                    self.place(first);
                    // Headings of its columns (项目总预算 | 上年预算数 | 年度预算), or 资金总额 | figure.
                    let cells = self.filled(row);
                    fund_cols.clear();
                    for &i in cells.iter().skip(1) {
                        if let Some(c) = fund_column(&self.view.key(i)) {
                            fund_cols.push((self.col(i), c));
                            self.place(i);
                        }
                    }
                    let mut it = cells.iter().copied().skip(1);
                    while let Some(i) = it.next() {
                        if self.view.key(i).ends_with("资金总额")
                            && let Some(v) = it.next()
                            && let Some(f) = text::money(self.view.text(v), &[])
                        {
                            p.amount = Some(f);
                            self.place(i);
                            self.place(v);
                        }
                    }
                    Some(Block::Funds)
                } else if fk == "总体目标" {
                    self.place(first);
                    goal_cols = self.header(row, &[&["实施期目标"], &["年度目标"]]);
                    Some(Block::Goals)
                } else if fk == "年度总体目标" {
                    self.place(first);
                    if let Some(v) = self.next_after(row, first) {
                        p.annual = Some(one_line(self.view.text(v)));
                        self.place(v);
                    }
                    Some(Block::None)
                } else if let Some(overall) = indicator_label(&fk) {
                    self.place(first);
                    ind = Some(self.project_indicator_header(row));
                    Some(Block::Indicators(overall))
                } else if fk.starts_with("项目测算明细") {
                    self.place(first);
                    cost_cols = self.header(
                        row,
                        &[
                            &["明细项目"],
                            &["测算依据"],
                            &["金额", "本年金额", "本年申请数"],
                        ],
                    );
                    cost_years.clear();
                    for i in self.filled(row) {
                        if let Some(prior) = prior_heading(&self.view.key(i)) {
                            cost_years.push((self.col(i), prior));
                            self.place(i);
                        }
                    }
                    Some(Block::Costs)
                } else if fk.starts_with("资金分配") {
                    self.place(first);
                    share_cols = self.header(row, &[&["分配对象"], &["金额"]]);
                    Some(Block::Shares)
                } else {
                    None
                };
                if let Some(b) = next {
                    started = true;
                    block = b;
                    continue;
                }
            }
            match block {
                Block::Funds if !fund_cols.is_empty() => {
                    if let Some(line) = self.fund_row(row, &fund_cols, &mut p) {
                        funds.push(line);
                    }
                }
                Block::Funds => {
                    let cells = self.filled(row);
                    if cells.len() == 2
                        && let Some(line) = self.line(&cells)
                    {
                        funds.push(line);
                    }
                }
                Block::Goals => {
                    let v = self.columns_text(row, &goal_cols);
                    if let Some(Some(g)) = v.first() {
                        p.goal = Some(g.clone());
                    }
                    if let Some(Some(a)) = v.get(1) {
                        p.annual = Some(a.clone());
                    }
                    block = Block::None;
                }
                Block::Indicators(overall) => {
                    if let Some(cols) = ind.as_mut() {
                        self.project_indicator_row(row, cols, overall, &mut p);
                    }
                }
                Block::Costs => {
                    if let Some(c) = self.cost_row(row, &cost_cols, &cost_years, &mut p.earlier) {
                        costs.push(c);
                    }
                }
                Block::Shares => {
                    let v = self.columns_text(row, &share_cols);
                    if let [Some(name), Some(amount)] = v.as_slice()
                        && key(name) != "合计"
                        && let Some(a) = text::money(amount, &[])
                    {
                        p.shares.push((name.clone(), a));
                    }
                }
                Block::None => {}
            }
        }
        p.funds = tree(funds);
        apply_costs(&mut p, costs);
        if p.name.is_empty() {
            return;
        }
        merge_direction(d, p, false);
    }

    /// The text of the cell at `row`, `col` when it starts on this row and is not blank.
    fn fresh_text(&self, row: u32, col: u32) -> Option<(usize, &str)> {
        self.view.text_at(row, col).filter(|(i, t)| {
            self.view.cell(*i).is_some_and(|c| c.row == row) && !t.trim().is_empty()
        })
    }

    /// The figure in `col` of `row`, placed; a cell that is not a figure is refused.
    fn figure_at(&mut self, row: u32, col: u32) -> Option<String> {
        let (cell, t) = self.fresh_text(row, col)?;
        let f = text::money(t, &[]);
        match &f {
            Some(_) => self.place(cell),
            None => self.refuse(cell, Why::NotAFigure),
        }
        f
    }

    /// The figures of earlier years in `row`, under their columns.
    fn priors(&mut self, row: u32, years: &[(u32, String)]) -> Vec<Prior> {
        years
            .iter()
            .filter_map(|(col, prior)| Some((prior.clone(), self.figure_at(row, *col)?)))
            .collect()
    }

    /// A row of 项目资金 under its column headings: 资金总额 (the project's figures) or a 其中 line.
    fn fund_row(
        &mut self,
        row: u32,
        cols: &[(u32, FundColumn)],
        p: &mut Direction,
    ) -> Option<(usize, Line)> {
        let first_figure = cols.iter().map(|(c, _)| *c).min()?;
        let name = self
            .filled(row)
            .into_iter()
            .find(|&i| self.col(i) < first_figure)?;
        let total = self.view.key(name).ends_with("资金总额");
        let mut line = if total {
            self.place(name);
            None
        } else {
            Some(self.line(&[name])?)
        };
        for (col, what) in cols {
            match (what, line.as_mut()) {
                (FundColumn::Annual, None) => p.amount = self.figure_at(row, *col),
                (FundColumn::TotalBudget, None) => p.total_budget = self.figure_at(row, *col),
                (FundColumn::Prior(prior), None) => {
                    if let Some(f) = self.figure_at(row, *col) {
                        p.earlier.push((prior.clone(), f));
                    }
                }
                (FundColumn::Annual, Some((_, l))) => l.amount = self.figure_at(row, *col),
                (FundColumn::Prior(prior), Some((_, l))) => {
                    if let Some(f) = self.figure_at(row, *col) {
                        l.earlier.push((prior.clone(), f));
                    }
                }
                // A line has no 项目总预算 of its own: a figure there is left for the report.
                (FundColumn::TotalBudget, Some(_)) => {}
            }
        }
        line
    }

    /// A row of the 测算明细 under its header: the item (its depth from its indentation), its basis
    /// and its amount; the 合计 row is placed and gives nothing.
    fn cost_row(
        &mut self,
        row: u32,
        cols: &[(u32, usize)],
        years: &[(u32, String)],
        project_earlier: &mut Vec<Prior>,
    ) -> Option<(usize, CostRow)> {
        let item_col = cols.iter().find(|(_, w)| *w == 0)?.0;
        let (item_cell, raw) = self.view.text_at(row, item_col)?;
        if self.view.cell(item_cell).is_some_and(|c| c.row != row) {
            return None;
        }
        let v = self.columns_text(row, cols);
        let name = v.first().cloned().flatten()?;
        let printed = v.get(1).cloned().flatten();
        if key(&name) == "合计" {
            // Its earlier years' figures are the project's (as 项目资金 prints them, when it does):
            // placed when they are the same, taken when 项目资金 has none, else left for the report.
            for (col, prior) in years {
                let Some((cell, t)) = self.fresh_text(row, *col) else {
                    continue;
                };
                let Some(f) = text::money(t, &[]) else {
                    self.refuse(cell, Why::NotAFigure);
                    continue;
                };
                match project_earlier.iter().find(|(p, _)| p == prior) {
                    Some((_, had)) if same_figure(had, &f) => self.place(cell),
                    Some(_) => {}
                    None => {
                        project_earlier.push((prior.clone(), f));
                        self.place(cell);
                    }
                }
            }
            // The project's own 测算依据, in words, stands on its 合计 row.
            return Some((
                0,
                CostRow {
                    name,
                    basis: None,
                    words: printed,
                    amount: None,
                    earlier: Vec::new(),
                },
            ));
        }
        let depth = raw.chars().take_while(|&c| c == '\u{3000}').count().max(1);
        let raw = raw.to_string();
        let earlier = self.priors(row, years);
        let basis = printed.as_deref().and_then(basis);
        let words = printed.filter(|_| basis.is_none());
        Some((
            depth,
            CostRow {
                name: one_line(raw.trim_start_matches('\u{3000}')),
                basis,
                words,
                amount: v
                    .get(2)
                    .cloned()
                    .flatten()
                    .and_then(|a| text::money(&a, &[])),
                earlier,
            },
        ))
    }
}

/// A line of a 测算明细 as read.
struct CostRow {
    name: String,
    /// The basis in bdl, when its 测算依据 reads as one.
    basis: Option<String>,
    /// The 测算依据 when it is words, not a basis.
    words: Option<String>,
    amount: Option<String>,
    earlier: Vec<Prior>,
}

/// Two figures as read are the same number.
fn same_figure(a: &str, b: &str) -> bool {
    matches!(
        (a.parse::<rust_decimal::Decimal>(), b.parse::<rust_decimal::Decimal>()),
        (Ok(x), Ok(y)) if x == y
    )
}

/// The 测算明细 as costs and sub-directions: a line with lines under it is a sub-direction (its
/// basis, if any, its own), a line under a sub-direction is a sub-direction too, and a line of the
/// first level with none under it is a cost of the project.
fn apply_costs(p: &mut Direction, rows: Vec<(usize, CostRow)>) {
    struct Node {
        row: CostRow,
        children: Vec<Node>,
    }
    fn direction(n: Node) -> Direction {
        Direction {
            name: n.row.name,
            amount: n.row.amount,
            basis: n.row.basis,
            basis_words: n.row.words,
            earlier: n.row.earlier,
            children: n.children.into_iter().map(direction).collect(),
            ..Direction::default()
        }
    }
    let mut lines = Vec::new();
    for (depth, row) in rows {
        if depth == 0 {
            p.basis_words = row.words;
            continue;
        }
        let node = Node {
            row,
            children: Vec::new(),
        };
        lines.push((depth - 1, node));
    }
    let nodes = super::recognise::nest(lines, |n| &mut n.children);
    for n in nodes {
        if n.children.is_empty()
            && let Some(b) = &n.row.basis
            && word_ok(&n.row.name.replace(' ', ""))
        {
            p.costs
                .push((n.row.name.clone(), b.clone(), n.row.earlier.clone()));
        } else {
            // A line with lines under it, or whose 测算依据 is not a basis: a sub-direction.
            p.children.push(direction(n));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{basis, prior_heading, tier_points};

    #[test]
    fn earlier_years_headings_name_their_column() {
        assert_eq!(prior_heading("上年预算数").as_deref(), Some("prior budget"));
        assert_eq!(prior_heading("上年执行数").as_deref(), Some("prior actual"));
        assert_eq!(
            prior_heading("2023年决算数").as_deref(),
            Some("prior final 2023")
        );
        assert_eq!(prior_heading("年度预算"), None);
        assert_eq!(prior_heading("23年决算数"), None);
        assert_eq!(prior_heading("上年预算"), None);
    }

    #[test]
    fn a_tier_label_gives_its_points() {
        let p = |s: &str| tier_points(s);
        assert_eq!(
            p("产出指标（40分）"),
            Some(("产出指标".to_string(), "40".to_string()))
        );
        assert_eq!(
            p("产出指标（30-50分）"),
            Some(("产出指标".to_string(), "30-50".to_string()))
        );
        assert_eq!(
            p("满意度指标(10.5分)"),
            Some(("满意度指标".to_string(), "10.5".to_string()))
        );
        assert_eq!(p("产出指标"), None);
        assert_eq!(p("产出指标（约40分）"), None);
        assert_eq!(p("（40分）"), None);
    }

    #[test]
    fn bases_read_back_from_their_printed_form() {
        assert_eq!(
            basis("55人 × 2980元/人/月 × 12月 = 1966800元").as_deref(),
            Some("< people 55 rate 2980/month months 12 >")
        );
        assert_eq!(
            basis("600亩 × 180元/亩 = 108000元").as_deref(),
            Some("< qty 600 亩 price 180 >")
        );
        assert_eq!(
            basis("1200亩 × 125元/亩/年 × 1年 = 150000元").as_deref(),
            Some("< qty 1200 亩 rate 125/year >")
        );
        assert_eq!(
            basis("36500人次 × 3.50元/人次 = 127750元").as_deref(),
            Some("< qty 36500 人次 price 3.50 >")
        );
        assert_eq!(basis("按实际发生额测算"), None);
        assert_eq!(basis("3人 × 100元/次"), None);
    }
}
