//! The official tables, described once: titles, captions, and a grid of cells with their merges.
//! Markdown (and later HTML and spreadsheets) only render this description, so a fix to a table is
//! made here once.

use crate::domain::framework::Slot;
use crate::domain::{DirectionKind, Horizon, Money};
use crate::model::{Declaration, Direction, Indicator, Line};
use crate::present::figures;
use crate::present::ordinals::{chinese as chinese_ordinal, duty as duty_ordinal};
pub use crate::present::values::value_text;
use rust_decimal::Decimal;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// 部门整体支出绩效目标表
    Department,
    /// 专项资金预算绩效目标汇总表
    Summary,
    /// 专项资金支出方向绩效目标表
    Direction,
    /// 项目支出绩效目标表
    Project,
    /// 项目支出绩效自评表 (docs/self-evaluation.md)
    ProjectEvaluation,
    /// 部门整体支出绩效自评表
    DepartmentEvaluation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// A row or column label printed by the form (部门名称, 一级指标).
    Label,
    /// Text from the declaration.
    Text,
    /// A figure; `Cell::amount` holds the exact value.
    Amount,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub kind: CellKind,
    /// The exact figure behind an amount cell, in the document's unit.
    pub amount: Option<Decimal>,
    /// Where the printed figure sits in `text`, in bytes: `173.4271` in `资金总额：173.4271万元`. A
    /// spreadsheet writes that figure as the number and the words around it as its number format.
    pub figure: Option<Range<usize>>,
    pub col: usize,
    pub colspan: usize,
    pub rowspan: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub kind: TableKind,
    /// 附件2, 附件3 where the form numbers its attachments.
    pub attachment: Option<String>,
    /// 2021年部门整体支出绩效目标表
    pub title: String,
    /// A few words naming this table among the others (a workbook's sheet tab): 部门整体支出, or the
    /// direction's name.
    pub short_name: String,
    /// Captions above the grid: left (填报单位：…) and right (金额单位：万元).
    pub caption_left: Option<String>,
    pub caption_right: Option<String>,
    pub columns: usize,
    pub rows: Vec<Row>,
    /// Rows at the top of the grid that head every printed page of the table (column headings).
    pub header_rows: usize,
    /// Printed on a landscape page: the table's text columns are too many for portrait.
    pub landscape: bool,
}

/// The widest a column grows, in display columns (a Chinese character is two); longer text wraps.
pub const MAX_COLUMN_WIDTH: usize = 36;
/// The narrowest column, in display columns.
pub const MIN_COLUMN_WIDTH: usize = 6;
/// Columns this narrow keep their width when a table is too wide for its page; wider ones give way.
pub const SHORT_COLUMN_WIDTH: usize = 16;
/// Display columns of padding a cell takes beside its text.
pub const CELL_PADDING: usize = 2;
/// What an A4 page holds across, in display columns of 10.5pt text, after margins and each column's
/// `CELL_PADDING` (for six columns).
pub const PORTRAIT_PAGE_COLUMNS: usize = 86;
pub const LANDSCAPE_PAGE_COLUMNS: usize = 130;

impl Table {
    /// The department's table (部门整体支出绩效目标表) around its rows, in every form.
    pub(super) fn department(
        decl: &Declaration,
        rows: Vec<Row>,
        columns: usize,
        caption_right: Option<String>,
    ) -> Table {
        Table {
            kind: TableKind::Department,
            attachment: None,
            title: format!("{}部门整体支出绩效目标表", year_prefix(decl)),
            short_name: "部门整体支出".to_string(),
            caption_left: decl
                .filer
                .as_ref()
                .map(|f| format!("填报单位：{}", f.value)),
            caption_right,
            columns,
            rows,
            header_rows: 0,
            landscape: columns > 8,
        }
    }

    /// A project's table (项目支出绩效目标表) around its rows, in every form.
    pub(super) fn project(
        decl: &Declaration,
        d: &Direction,
        rows: Vec<Row>,
        columns: usize,
    ) -> Table {
        Table {
            kind: TableKind::Project,
            attachment: None,
            title: format!("{}项目支出绩效目标表", year_prefix(decl)),
            short_name: d.name.value.clone(),
            caption_left: decl
                .filer
                .as_ref()
                .map(|f| format!("主管部门：{}", f.value)),
            caption_right: Some(unit_caption(decl)),
            columns,
            rows,
            header_rows: 0,
            landscape: columns > 8,
        }
    }

    /// The text at each grid position, with merged cells' covered positions blank (as the printed forms
    /// read when copied out: a blank means "same as the merged cell").
    pub fn grid(&self) -> Vec<Vec<String>> {
        let mut grid = vec![vec![String::new(); self.columns]; self.rows.len()];
        for (r, row) in self.rows.iter().enumerate() {
            for c in &row.cells {
                if let Some(slot) = grid.get_mut(r).and_then(|g| g.get_mut(c.col)) {
                    *slot = c.text.clone();
                }
            }
        }
        grid
    }

    /// The display columns the table's page holds across.
    pub fn page_columns(&self) -> usize {
        if self.landscape {
            LANDSCAPE_PAGE_COLUMNS
        } else {
            PORTRAIT_PAGE_COLUMNS
        }
    }

    /// Each column's width in display columns, fitted to the page. A column's own width is its widest
    /// line among the cells that sit in it alone, between `MIN_COLUMN_WIDTH` and `MAX_COLUMN_WIDTH`.
    /// When these do not fit the page, columns up to `SHORT_COLUMN_WIDTH` (labels, figures, 指标值)
    /// keep theirs and the wider ones share the rest in proportion, so long text wraps and short text
    /// does not; a figure is never narrowed. Widths are of the text, without `CELL_PADDING`. Both the
    /// page and the workbook size their columns from this.
    pub fn column_widths(&self) -> Vec<usize> {
        let mut widths = vec![MIN_COLUMN_WIDTH; self.columns];
        let mut figures = vec![0; self.columns];
        for cell in self.rows.iter().flat_map(|r| &r.cells) {
            if cell.colspan != 1 {
                continue;
            }
            let widest = cell
                .text
                .lines()
                .map(|l| l.trim_matches([' ', '\t']).width())
                .max()
                .unwrap_or(0);
            if let Some(w) = widths.get_mut(cell.col) {
                *w = (*w).max(widest.min(MAX_COLUMN_WIDTH));
            }
            if let (CellKind::Amount, Some(f)) = (cell.kind, figures.get_mut(cell.col)) {
                *f = (*f).max(widest);
            }
        }
        let page = self.page_columns();
        if widths.iter().sum::<usize>() <= page {
            return widths;
        }
        let short: usize = widths.iter().filter(|w| **w <= SHORT_COLUMN_WIDTH).sum();
        let long: usize = widths.iter().filter(|w| **w > SHORT_COLUMN_WIDTH).sum();
        let room = page.saturating_sub(short);
        for (w, figure) in widths.iter_mut().zip(figures) {
            if *w > SHORT_COLUMN_WIDTH {
                *w = (*w * room / long.max(1))
                    .max(SHORT_COLUMN_WIDTH / 2)
                    .max(figure);
            }
        }
        widths
    }
}

pub(super) struct Builder {
    pub(super) rows: Vec<Row>,
}

impl Builder {
    pub(super) fn new() -> Self {
        Builder { rows: Vec::new() }
    }

    pub(super) fn row(&mut self) -> &mut Row {
        self.rows.push_mut(Row::default())
    }
}

impl Row {
    fn cell(
        &mut self,
        col: usize,
        colspan: usize,
        kind: CellKind,
        text: impl Into<String>,
    ) -> &mut Self {
        self.cells.push(Cell {
            text: text.into(),
            kind,
            amount: None,
            figure: None,
            col,
            colspan,
            rowspan: 1,
        });
        self
    }

    pub(super) fn label(
        &mut self,
        col: usize,
        colspan: usize,
        text: impl Into<String>,
    ) -> &mut Self {
        self.cell(col, colspan, CellKind::Label, text)
    }

    pub(super) fn text(
        &mut self,
        col: usize,
        colspan: usize,
        text: impl Into<String>,
    ) -> &mut Self {
        self.cell(col, colspan, CellKind::Text, text)
    }

    /// A figure cell: `printed` is the figure as the table prints it, with words around it.
    pub(super) fn amount(
        &mut self,
        col: usize,
        colspan: usize,
        value: Decimal,
        printed: Printed,
    ) -> &mut Self {
        let start = printed.before.len();
        let end = start + printed.figure.len();
        self.cells.push(Cell {
            text: format!("{}{}{}", printed.before, printed.figure, printed.after),
            kind: CellKind::Amount,
            amount: Some(value),
            figure: Some(start..end),
            col,
            colspan,
            rowspan: 1,
        });
        self
    }

    /// A figure cell for an amount that may be unknown (then the cell is empty).
    pub(super) fn money(
        &mut self,
        col: usize,
        colspan: usize,
        value: Option<Money>,
        print: impl Fn(Decimal) -> Printed,
    ) -> &mut Self {
        match value {
            Some(v) => self.amount(col, colspan, v.amount(), print(v.amount())),
            None => self.text(col, colspan, ""),
        }
    }

    /// Sets the rowspan of the cell starting at `col`.
    pub(super) fn span_rows(&mut self, col: usize, rows: usize) -> &mut Self {
        if let Some(c) = self.cells.iter_mut().find(|c| c.col == col) {
            c.rowspan = rows.max(1);
        }
        self
    }
}

/// Every table the declaration prints, in the order of the seed: department, summary, one per direction.
pub fn tables(decl: &Declaration) -> Vec<Table> {
    let mut out = target_tables(decl);
    out.extend(super::evaluation::tables(decl));
    out
}

/// The target tables (绩效目标表) of the declaration's form.
fn target_tables(decl: &Declaration) -> Vec<Table> {
    if decl.form.is_ministry() {
        return super::ministry::tables(decl);
    }
    let mut out = Vec::new();
    if decl.has_department_table() {
        out.push(department(decl));
    }
    let directions: Vec<&Direction> = decl
        .all_directions()
        .into_iter()
        .filter(|(depth, d)| d.has_own_table(*depth))
        .map(|(_, d)| d)
        .collect();
    if directions
        .iter()
        .any(|d| d.kind == DirectionKind::Direction)
    {
        out.push(summary(decl));
    }
    let mut first_direction = true;
    for d in directions {
        match d.kind {
            DirectionKind::Direction => {
                out.push(direction(decl, d, first_direction));
                first_direction = false;
            }
            DirectionKind::Project => out.push(project(decl, d)),
        }
    }
    out
}

pub(super) fn year_prefix(decl: &Declaration) -> String {
    decl.year
        .as_ref()
        .map_or(String::new(), |y| format!("{}年", y.value))
}

pub(super) fn unit_caption(decl: &Declaration) -> String {
    format!("金额单位：{}", decl.unit.name())
}

/// A figure as the tables print it (`1.878`).
pub fn figure(decl: &Declaration, v: Decimal) -> String {
    figures::display_in(v, decl.unit, decl.precision)
}

/// A figure as printed in a cell, with the words before and after it.
pub struct Printed {
    pub before: String,
    pub figure: String,
    pub after: String,
}

/// A bare figure: `1.878`.
pub(super) fn bare(decl: &Declaration, v: Decimal) -> Printed {
    declared(decl, v, None)
}

/// A figure that may have been declared: printed as written (`8.10`, `512.3450`) where its spelling
/// fits the document's precision, else as derived figures are.
pub(super) fn declared(decl: &Declaration, v: Decimal, written: Option<&str>) -> Printed {
    Printed {
        before: String::new(),
        figure: figures::as_declared(written, v, decl.unit, decl.precision),
        after: String::new(),
    }
}

/// A figure with its unit, as the department table prints budget lines: `173.4271万元`, and `0` alone.
pub(super) fn figure_with_unit(decl: &Declaration, v: Decimal, written: Option<&str>) -> Printed {
    let mut p = declared(decl, v, written);
    if !v.is_zero() {
        p.after = decl.unit.name().to_string();
    }
    p
}

/// A line as printed: its indented name, its amount, and its spelling where declared.
pub(super) type PrintedLine = (String, Option<Money>, Option<String>);

/// Flattens a breakdown into printed lines: the first line of each level is introduced by 其中：, and
/// 其中 lines are indented under the line they split.
pub(super) fn flatten_lines(lines: &[Line], depth: usize, out: &mut Vec<PrintedLine>) {
    // As the printed forms do, the lines after the first stand under its name, past `其中：`
    // (three full-width spaces); 其中 lines of a line stand one step further in.
    const STEP: &str = "　　　";
    for (i, l) in lines.iter().enumerate() {
        let indent = STEP.repeat(depth);
        let prefix = if i == 0 { "其中：" } else { STEP };
        out.push((
            format!("{indent}{prefix}{}", l.name.value),
            l.amount,
            l.declared_text.clone(),
        ));
        flatten_lines(&l.children, depth + 1, out);
    }
}

fn department(decl: &Declaration) -> Table {
    let mut b = Builder::new();
    b.row().label(0, 1, "部门名称").text(
        1,
        5,
        decl.department.as_ref().map_or("", |d| d.value.as_str()),
    );

    let mut income = Vec::new();
    flatten_lines(&decl.income, 0, &mut income);
    let mut spending = Vec::new();
    flatten_lines(&decl.spending, 0, &mut spending);
    let budget_rows = 2 + income.len().max(spending.len());
    let total = decl.total();
    b.row()
        .label(0, 1, format!("年度预算申请\n（{}）", decl.unit.name()))
        .span_rows(0, budget_rows)
        .money(1, 5, total, |v| Printed {
            before: "资金总额：".to_string(),
            ..figure_with_unit(decl, v, None)
        });
    b.row()
        .label(1, 2, "按收入性质分")
        .label(3, 3, "按支出性质分");
    for i in 0..income.len().max(spending.len()) {
        let row = b.row();
        match income.get(i) {
            Some((name, v, written)) => row
                .text(1, 1, name.clone())
                .money(2, 1, *v, |v| figure_with_unit(decl, v, written.as_deref())),
            None => row.text(1, 1, "").text(2, 1, ""),
        };
        match spending.get(i) {
            Some((name, v, written)) => row
                .text(3, 1, name.clone())
                .money(4, 2, *v, |v| figure_with_unit(decl, v, written.as_deref())),
            None => row.text(3, 1, "").text(4, 2, ""),
        };
    }

    if !decl.duties.is_empty() {
        let text: Vec<String> = decl
            .duties
            .iter()
            .enumerate()
            .map(|(i, d)| format!("{}{}", duty_ordinal(i + 1), d.value))
            .collect();
        b.row()
            .label(0, 1, "部门职责概述")
            .text(1, 5, text.join("\n"));
    }
    if !decl.goals.is_empty() {
        let text: Vec<String> = decl
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| format!("{}. {}", i + 1, g.value))
            .collect();
        b.row()
            .label(0, 1, "年度总体目标")
            .text(1, 5, text.join("\n"));
    }
    if !decl.plans.is_empty() {
        b.row()
            .label(0, 1, "年度重点工作计划")
            .span_rows(0, 1 + decl.plans.len())
            .label(1, 1, "事项")
            .label(2, 1, "责任单位/科室")
            .label(3, 3, "工作目标");
        for p in &decl.plans {
            b.row()
                .text(1, 1, p.item.value.clone())
                .text(2, 1, p.owner.value.clone())
                .text(3, 3, p.target.value.clone());
        }
    }
    if !decl.tasks.is_empty() {
        b.row()
            .label(0, 1, "履职目标")
            .span_rows(0, 1 + decl.tasks.len())
            .label(1, 1, "部门职责")
            .label(2, 2, "工作任务")
            .label(4, 1, "支出方向/项目")
            .label(5, 1, format!("金额（{}）", decl.unit.name()));
        for t in &decl.tasks {
            let row = b.row();
            row.text(1, 1, t.duty.value.clone())
                .text(2, 2, t.task.value.clone())
                .text(4, 1, t.funded_by.value.clone());
            row.money(5, 1, t.amount, |a| bare(decl, a));
        }
    }
    indicator_block(
        decl,
        &mut b,
        &decl.indicators,
        Horizon::Overall,
        "实施期绩效指标",
    );
    indicator_block(
        decl,
        &mut b,
        &decl.indicators,
        Horizon::Annual,
        "年度绩效指标",
    );
    Table::department(decl, b.rows, 6, None)
}

fn summary(decl: &Declaration) -> Table {
    let mut b = Builder::new();
    b.row()
        .label(0, 1, "序号")
        .label(1, 1, "支出方向（子项）")
        .label(2, 1, "金额")
        .label(3, 1, "实施期绩效目标")
        .label(4, 1, "年度绩效目标");
    let total = crate::model::sum(
        decl.directions
            .iter()
            .filter(|d| d.kind == DirectionKind::Direction)
            .map(|d| d.amount),
        decl.unit,
    );
    b.row()
        .text(0, 1, "")
        .label(1, 1, "合  计")
        .money(2, 1, total, |v| bare(decl, v))
        .text(3, 1, "")
        .text(4, 1, "");
    fn rows(decl: &Declaration, b: &mut Builder, ds: &[Direction], depth: usize) {
        let mut n = 0;
        for d in ds.iter().filter(|d| d.kind == DirectionKind::Direction) {
            n += 1;
            let ordinal = match depth {
                0 => chinese_ordinal(n),
                1 => format!("{n}."),
                _ => format!("({n})"),
            };
            b.row()
                .text(0, 1, ordinal)
                .text(1, 1, d.name.value.clone())
                .money(2, 1, d.amount, |v| {
                    declared(decl, v, d.declared_text.as_deref())
                })
                .text(3, 1, d.summary_goal_text().unwrap_or(""))
                .text(4, 1, d.summary_annual_text().unwrap_or(""));
            rows(decl, b, &d.children, depth + 1);
        }
    }
    rows(decl, &mut b, &decl.directions, 0);
    Table {
        kind: TableKind::Summary,
        attachment: Some("附件2".to_string()),
        title: format!("{}专项资金预算绩效目标汇总表", year_prefix(decl)),
        short_name: "专项资金汇总".to_string(),
        caption_left: decl
            .filer
            .as_ref()
            .map(|f| format!("项目主管部门：{}", f.value)),
        caption_right: Some(unit_caption(decl)),
        columns: 5,
        rows: b.rows,
        // The column headings; the sheet has five text columns, two of them long goals.
        header_rows: 1,
        landscape: true,
    }
}

fn direction(decl: &Declaration, d: &Direction, first: bool) -> Table {
    let mut b = Builder::new();
    b.row()
        .label(0, 1, "支出方向（子项）")
        .text(1, 2, d.name.value.clone())
        .label(3, 1, "所属专项")
        .text(4, 2, d.special.as_ref().map_or("", |s| s.value.as_str()));
    b.row()
        .label(0, 1, "项目金额")
        .money(1, 2, d.amount, |v| {
            declared(decl, v, d.declared_text.as_deref())
        })
        .label(3, 1, "项目实施期")
        .text(
            4,
            2,
            d.period.as_ref().map_or("", |p| p.value.text.as_str()),
        );
    goals_rows(&mut b, d);
    indicator_block(
        decl,
        &mut b,
        &d.indicators,
        Horizon::Overall,
        "实施期绩效指标",
    );
    indicator_block(decl, &mut b, &d.indicators, Horizon::Annual, "年度绩效指标");
    Table {
        kind: TableKind::Direction,
        attachment: first.then(|| "附件3".to_string()),
        title: format!("{}专项资金支出方向绩效目标表", year_prefix(decl)),
        short_name: d.name.value.clone(),
        caption_left: decl
            .filer
            .as_ref()
            .map(|f| format!("项目主管部门：{}", f.value)),
        caption_right: Some(unit_caption(decl)),
        columns: 6,
        rows: b.rows,
        header_rows: 0,
        landscape: false,
    }
}

fn project(decl: &Declaration, d: &Direction) -> Table {
    let mut b = Builder::new();
    b.row()
        .label(0, 1, "项目名称")
        .text(1, 2, d.name.value.clone())
        .label(3, 1, "项目类型")
        .text(
            4,
            2,
            d.project_kind
                .as_ref()
                .or(d.special.as_ref())
                .map_or("", |s| s.value.as_str()),
        );
    b.row()
        .label(0, 1, "主管部门")
        .text(1, 2, decl.filer.as_ref().map_or("", |s| s.value.as_str()))
        .label(3, 1, "实施单位")
        .text(
            4,
            2,
            decl.department.as_ref().map_or("", |s| s.value.as_str()),
        );
    b.row().label(0, 1, "项目实施期").text(
        1,
        5,
        d.period.as_ref().map_or("", |p| p.value.text.as_str()),
    );
    let mut funds = Vec::new();
    flatten_lines(&d.funds, 0, &mut funds);
    b.row()
        .label(0, 1, format!("项目资金\n（{}）", decl.unit.name()))
        .span_rows(0, 1 + funds.len())
        .label(1, 2, "年度资金总额")
        .money(3, 3, d.amount, |v| {
            declared(decl, v, d.declared_text.as_deref())
        });
    for (name, v, written) in funds {
        b.row()
            .text(1, 2, name)
            .money(3, 3, v, |v| declared(decl, v, written.as_deref()));
    }
    goals_rows(&mut b, d);
    indicator_block(
        decl,
        &mut b,
        &d.indicators,
        Horizon::Overall,
        "实施期绩效指标",
    );
    indicator_block(decl, &mut b, &d.indicators, Horizon::Annual, "年度绩效指标");
    Table::project(decl, d, b.rows, 6)
}

fn goals_rows(b: &mut Builder, d: &Direction) {
    b.row().label(0, 1, "实施期绩效目标").text(
        1,
        5,
        d.goal.as_ref().map_or("", |g| g.value.as_str()),
    );
    b.row().label(0, 1, "年度绩效目标").text(
        1,
        5,
        d.annual.as_ref().map_or("", |g| g.value.as_str()),
    );
}

/// The indicator rows of one horizon, grouped by 一级 / 二级 in framework order with merged cells.
fn indicator_block(
    decl: &Declaration,
    b: &mut Builder,
    indicators: &[Indicator],
    horizon: Horizon,
    label: &str,
) {
    let mut chosen: Vec<&Indicator> = indicators.iter().filter(|i| i.horizon == horizon).collect();
    if chosen.is_empty() {
        // The annual block is part of every form, even when empty; the 实施期 block only when used.
        if horizon == Horizon::Overall {
            return;
        }
    }
    // Framework order; indicators of an unknown category (only after an error) keep their place at the end.
    chosen.sort_by_key(|i| {
        i.slot
            .map_or((usize::MAX, usize::MAX), |s| (s.tier, s.category))
    });
    b.row()
        .label(0, 1, label)
        .span_rows(0, 1 + chosen.len())
        .label(1, 1, "一级指标")
        .label(2, 1, "二级指标")
        .label(3, 1, "三级指标")
        .label(4, 1, "指标值")
        .label(5, 1, "备注");
    let tier = |i: &Indicator| i.slot.map(|s| s.tier);
    for in_tier in chosen.chunk_by(|a, b| tier(a) == tier(b)) {
        let tier_len = in_tier.len();
        for (c, in_category) in in_tier.chunk_by(|a, b| a.slot == b.slot).enumerate() {
            let cat_len = in_category.len();
            for (n, ind) in in_category.iter().enumerate() {
                let row = b.row();
                if c == 0 && n == 0 {
                    row.text(1, 1, tier_name(decl, ind.slot, ind))
                        .span_rows(1, tier_len);
                }
                if n == 0 {
                    row.text(2, 1, category_name(decl, ind.slot, ind))
                        .span_rows(2, cat_len);
                }
                row.text(3, 1, ind.name.value.clone())
                    .text(4, 1, value_text(decl, &ind.value))
                    .text(5, 1, ind.note.clone().unwrap_or_default());
            }
        }
    }
}

pub(super) fn tier_name(decl: &Declaration, slot: Option<Slot>, _ind: &Indicator) -> String {
    slot.and_then(|s| decl.framework.tiers.get(s.tier))
        .map_or(String::new(), |t| t.name.clone())
}

pub(super) fn category_name(decl: &Declaration, slot: Option<Slot>, ind: &Indicator) -> String {
    slot.and_then(|s| decl.framework.category(s))
        .map_or_else(|| ind.level2_written.value.clone(), |c| c.name.clone())
}
