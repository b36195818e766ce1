//! Finds the tables by their labels, wherever they stand: the Hunan forms' 部门整体支出绩效目标表,
//! 专项资金预算绩效目标汇总表 and 专项资金支出方向绩效目标表 (the Ministry's 项目支出绩效目标表 is read
//! in `ministry`, its department form here with its own spellings), with their titles and captions above
//! them, labels merged over rows or columns, indicator columns in any order (指标值 in one cell or as
//! 计算符号 / 指标值 / 度量单位), and notes below. Every cell read into the declaration is marked
//! placed; the others are left for the report with the reason.

use super::grid::Sheet;
use super::tables::{Declaration, Direction, Indicator, Line, Task};
use super::text::{self, key, one_line};
use super::view::View;
use std::collections::{HashMap, HashSet};

/// Why a cell was not placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Outside every table recognised.
    OutsideTables,
    /// In a table's rows, but under no label the recogniser reads (a note below it, a cell beside it).
    Unlabelled,
    /// A figure that is not a plain number (`约10万元`).
    NotAFigure,
    /// Longer than an Excel cell holds.
    Overlong,
    /// In a 绩效自评表 whose project or department has no target table in the file.
    NotRead,
    /// A figure bdl derives (a score, 分值, 总分, 等级) that the imported source does not give.
    Contradicted,
    /// What a 绩效自评表 repeats of its target table (年初预算数, 预期目标, a target), differing from it.
    Differs,
    /// A 绩效自评表 row whose year-end line the compiler refuses (an indicator or funding line not in
    /// the target table, given twice, a value not of its target's kind).
    Refused,
}

/// One cell that did not become part of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub place: String,
    pub text: String,
    pub why: Why,
}

/// The declarations found in a file and the cells left over.
#[derive(Debug, Default)]
pub struct Found {
    pub declarations: Vec<Declaration>,
    pub unplaced: Vec<Unplaced>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Department,
    Summary,
    Direction,
    /// 项目支出绩效目标表 (the Ministry's project form).
    Project,
    /// 绩效自评表: read into the year-end facts of the declaration whose target tables came before
    /// it (`evaluation`); it starts no declaration.
    Evaluation,
}

/// A table's extent in a sheet: its kind and its rows (title and captions included).
pub(super) struct Segment {
    kind: Kind,
    pub(super) rows: Vec<u32>,
    pub(super) year: Option<String>,
    /// A row of it starts with 支出方向（子项）: the next such row starts another direction table.
    named: bool,
}

fn title_kind(k: &str) -> Option<Kind> {
    if k.contains("自评表") {
        Some(Kind::Evaluation)
    } else if k.contains("专项资金预算绩效目标汇总表") || k.contains("专项资金绩效目标汇总表")
    {
        Some(Kind::Summary)
    } else if k.contains("支出方向绩效目标表") {
        Some(Kind::Direction)
    } else if k.contains("部门整体支出绩效目标表") {
        Some(Kind::Department)
    } else if k.contains("项目支出绩效目标表") {
        Some(Kind::Project)
    } else {
        None
    }
}

/// `2022年部门整体…` → `2022`.
fn year_of(k: &str) -> Option<String> {
    let digits: String = k.chars().take_while(char::is_ascii_digit).collect();
    let rest = k.get(digits.len()..)?;
    (digits.len() == 4 && rest.starts_with('年')).then_some(digits)
}

const DEPARTMENT_LABELS: &[&str] = &["部门名称", "单位名称", "部门(单位)名称"];
const BUDGET_LABEL: &str = "年度预算申请";
const DUTIES_LABELS: &[&str] = &["部门职责概述", "部门职责", "部门职能", "主要职能"];
const GOALS_LABELS: &[&str] = &["年度总体目标", "部门整体绩效目标", "整体绩效目标"];
const PLANS_LABEL: &str = "年度重点工作计划";
const TASKS_LABEL: &str = "履职目标";
const OVERALL_INDICATORS: &[&str] = &["实施期绩效指标", "总体绩效指标"];
const ANNUAL_INDICATORS: &[&str] = &["年度绩效指标", "绩效指标"];

/// Labels of the Ministry's department form, which shares the title of the Hunan one.
const MINISTRY_DEPARTMENT_LABELS: &[&str] = &["部门(单位)名称", "部门预算编码", "年度主要任务"];

/// The rows of each table in a sheet: a title starts one, and so does the first label of a table
/// when a sheet has no titles (a direction table after another starts at its 支出方向 label).
fn segments(view: &View<'_>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut pending_year: Option<String> = None;
    // Rows above a title that belong to it: 附件2.
    let mut pending_rows: Vec<u32> = Vec::new();
    for row in view.rows() {
        let fresh = view.fresh(row);
        let first = fresh
            .iter()
            .copied()
            .find(|&i| !view.text(i).trim().is_empty());
        let first_key = first.map(|i| view.key(i)).unwrap_or_default();
        let title = title_kind(&first_key).filter(|_| {
            // A title stands alone in its row (a label cell may quote a title in a long text).
            fresh
                .iter()
                .filter(|&&i| !view.text(i).trim().is_empty())
                .count()
                == 1
                && first_key.chars().count() <= 60
        });
        let attachment = first_key.starts_with("附件")
            && first_key.chars().count() <= 6
            && fresh
                .iter()
                .filter(|&&i| !view.text(i).trim().is_empty())
                .count()
                == 1;
        if attachment {
            pending_rows.push(row);
            continue;
        }
        if let Some(kind) = title {
            let mut rows = std::mem::take(&mut pending_rows);
            rows.push(row);
            out.push(Segment {
                kind,
                rows,
                year: year_of(&first_key).or(pending_year.take()),
                named: false,
            });
            continue;
        }
        let names_direction = is_one_of(&first_key, &["支出方向(子项)", "支出方向"]);
        let starts_direction = names_direction
            && out
                .last()
                .is_some_and(|s| s.kind == Kind::Direction && s.named);
        let untitled = if out.is_empty() || starts_direction {
            if is_one_of(&first_key, DEPARTMENT_LABELS) {
                Some(Kind::Department)
            } else if is_one_of(&first_key, &["支出方向(子项)", "支出方向"]) {
                Some(Kind::Direction)
            } else if fresh.iter().any(|&i| view.key(i) == "序号")
                && fresh.iter().any(|&i| view.key(i).starts_with("支出方向"))
            {
                Some(Kind::Summary)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(kind) = untitled {
            let year = out.last().and_then(|s| s.year.clone());
            let mut rows = std::mem::take(&mut pending_rows);
            rows.push(row);
            out.push(Segment {
                kind,
                rows,
                year,
                named: names_direction,
            });
            continue;
        }
        match out.last_mut() {
            Some(s) => {
                s.rows.append(&mut pending_rows);
                s.rows.push(row);
                s.named |= names_direction;
            }
            None => {
                // Rows before the first table: a bare year line is kept for it.
                if let Some(y) = first.and_then(|i| year_of(&view.key(i))) {
                    pending_year = Some(y);
                }
            }
        }
    }
    out
}

pub(super) fn is_one_of(k: &str, labels: &[&str]) -> bool {
    labels.iter().any(|l| k == key(l))
}

/// The recogniser's work on one file: every sheet, in order; a department table starts a new
/// declaration, the summary and direction tables after it belong to it.
pub fn recognise(sheets: &[Sheet]) -> Found {
    let mut found = Found::default();
    let mut current: Option<Declaration> = None;
    for sheet in sheets {
        let view = View::new(sheet);
        let mut placed: HashSet<usize> = HashSet::new();
        let mut why_not: HashMap<usize, Why> = HashMap::new();
        let contents = key(&sheet.name) == "目录"
            || view
                .rows()
                .first()
                .and_then(|&r| view.fresh(r).first().map(|&i| view.key(i)))
                .is_some_and(|k| k == "目录");
        if contents {
            // A table of contents lists the sheets: nothing of it goes into a source.
            placed.extend(0..sheet.cells.len());
        } else {
            for seg in segments(&view) {
                // A cell left in a table's rows is the table's, not outside every table.
                for &row in &seg.rows {
                    for &i in view.fresh(row) {
                        why_not.insert(i, Why::Unlabelled);
                    }
                }
                let mut r = Reader {
                    view: &view,
                    placed: &mut placed,
                    why_not: &mut why_not,
                };
                match seg.kind {
                    Kind::Department => {
                        if let Some(done) = current.take() {
                            found.declarations.push(done);
                        }
                        let mut d = Declaration {
                            form: Some(if r.is_ministry(&seg) {
                                "mof-department"
                            } else {
                                "hunan"
                            }),
                            year: seg.year.clone(),
                            origin: sheet.name.clone(),
                            ..Declaration::default()
                        };
                        r.department(&seg, &mut d);
                        current = Some(d);
                    }
                    Kind::Summary => {
                        let d = current.get_or_insert_with(|| Declaration {
                            year: seg.year.clone(),
                            origin: sheet.name.clone(),
                            ..Declaration::default()
                        });
                        r.summary(&seg, d);
                    }
                    Kind::Direction => {
                        let d = current.get_or_insert_with(|| Declaration {
                            year: seg.year.clone(),
                            origin: sheet.name.clone(),
                            ..Declaration::default()
                        });
                        r.direction(&seg, d);
                    }
                    Kind::Evaluation => match current.as_mut() {
                        Some(d) => r.evaluation(&seg, d),
                        None => {
                            for &row in &seg.rows {
                                for i in r.filled(row) {
                                    r.refuse(i, Why::NotRead);
                                }
                            }
                        }
                    },
                    Kind::Project => {
                        let d = current.get_or_insert_with(|| Declaration {
                            form: Some("mof-project"),
                            year: seg.year.clone(),
                            origin: sheet.name.clone(),
                            ..Declaration::default()
                        });
                        r.project(&seg, d);
                    }
                }
            }
        }
        for (i, c) in sheet.cells.iter().enumerate() {
            if placed.contains(&i) || c.text.trim().is_empty() {
                continue;
            }
            let why = why_not.get(&i).copied().unwrap_or(Why::OutsideTables);
            found.unplaced.push(Unplaced {
                place: c.place.address(),
                text: c.text.clone(),
                why,
            });
        }
        for (place, chars) in &sheet.overlong {
            found.unplaced.push(Unplaced {
                place: place.address(),
                text: format!("({chars})"),
                why: Why::Overlong,
            });
        }
    }
    found.declarations.extend(current);
    found
}

/// Something read with its depth in a tree (a 其中 line, a sub-direction).
pub(super) type Deep<T> = (usize, T);

pub(super) struct Reader<'v, 'a> {
    pub(super) view: &'v View<'a>,
    placed: &'v mut HashSet<usize>,
    why_not: &'v mut HashMap<usize, Why>,
}

/// The header columns of an indicator block.
#[derive(Default, Clone)]
pub(super) struct IndicatorColumns {
    pub(super) level1: Option<u32>,
    pub(super) level2: Option<u32>,
    pub(super) name: Option<u32>,
    pub(super) value: Option<u32>,
    pub(super) op: Option<u32>,
    pub(super) unit: Option<u32>,
    pub(super) note: Option<u32>,
    pub(super) weight: Option<u32>,
}

impl Reader<'_, '_> {
    pub(super) fn place(&mut self, i: usize) {
        self.placed.insert(i);
    }

    pub(super) fn refuse(&mut self, i: usize, why: Why) {
        self.why_not.insert(i, why);
    }

    pub(super) fn col(&self, i: usize) -> u32 {
        self.view.cell(i).map_or(0, |c| c.col)
    }

    /// The non-empty cells starting in `row`, left to right.
    pub(super) fn filled(&self, row: u32) -> Vec<usize> {
        self.view
            .fresh(row)
            .iter()
            .copied()
            .filter(|&i| !self.view.text(i).trim().is_empty())
            .collect()
    }

    /// Title, attachment number and captions (填报单位, 主管部门, 金额单位) in the rows above a table's
    /// first label; returns the filer and unit they name.
    pub(super) fn captions(&mut self, row: u32, d: &mut Declaration) -> bool {
        let mut any = false;
        for i in self.filled(row) {
            let k = self.view.key(i);
            if title_kind(&k).is_some() || (k.starts_with("附件") && k.chars().count() <= 6) {
                self.place(i);
                any = true;
                continue;
            }
            // `项目主管部门：X　　金额单位：万元` in one cell (a document's paragraph) or two.
            let t = text::half_width(self.view.text(i));
            let (left, unit) = match t.find("金额单位") {
                Some(at) => (t.get(..at).unwrap_or(""), t.get(at..)),
                None => (t.as_str(), None),
            };
            let mut used = false;
            let left_key = key(left);
            for label in ["填报单位", "项目主管部门", "主管部门", "单位名称"] {
                if let Some(rest) = left_key.strip_prefix(label) {
                    let name = rest.trim_start_matches(':');
                    if !name.is_empty() {
                        if d.filer.is_none() {
                            d.filer = Some(one_line(
                                left.trim()
                                    .trim_start_matches(label)
                                    .trim_start_matches([':', '：', ' '])
                                    .trim(),
                            ));
                        }
                        used = true;
                    }
                    break;
                }
            }
            if let Some(u) = unit {
                let u = key(u);
                let name = u.trim_start_matches("金额单位").trim_start_matches(':');
                if matches!(name, "万元" | "元") {
                    d.unit.get_or_insert_with(|| name.to_string());
                    used = true;
                }
            }
            if used {
                self.place(i);
                any = true;
            }
        }
        any
    }

    fn is_ministry(&self, seg: &Segment) -> bool {
        seg.rows.iter().any(|&row| {
            self.filled(row)
                .iter()
                .any(|&i| is_one_of(&self.view.key(i), MINISTRY_DEPARTMENT_LABELS))
        })
    }

    /// The first cell of a row (a label over several rows counts in each).
    pub(super) fn first(&self, row: u32) -> Option<usize> {
        self.view.first(row)
    }

    fn department(&mut self, seg: &Segment, d: &mut Declaration) {
        #[derive(Clone, Copy, PartialEq)]
        enum Block {
            None,
            Budget,
            Plans,
            Tasks,
            MinistryTasks,
            BudgetByYear,
            Indicators(bool),
        }
        let mut block = Block::None;
        let mut income_col: Option<u32> = None;
        let mut spending_col: Option<u32> = None;
        // Income and spending lines, each with its depth.
        let mut lines: (Vec<Deep<Line>>, Vec<Deep<Line>>) = (Vec::new(), Vec::new());
        let mut plan_cols: Vec<(u32, usize)> = Vec::new();
        let mut task_cols: Vec<(u32, usize)> = Vec::new();
        let mut ministry_tasks = super::ministry::TaskColumns::default();
        let mut by_year: Option<super::ministry::BudgetYears> = None;
        let mut ind_cols = IndicatorColumns::default();
        for &row in &seg.rows {
            let Some(first) = self.first(row) else {
                continue;
            };
            let fk = self.view.key(first);
            let fresh_first = self.view.cell(first).is_some_and(|c| c.row == row);
            if block == Block::None && self.captions(row, d) {
                continue;
            }
            if fresh_first && !is_one_of(&fk, DEPARTMENT_LABELS) && self.admin_pairs(row, d, None) {
                block = Block::None;
                continue;
            }
            if fresh_first {
                let new_block = if is_one_of(&fk, DEPARTMENT_LABELS) {
                    self.place(first);
                    if let Some(v) = self.next_after(row, first) {
                        d.department = Some(one_line(self.view.text(v)));
                        self.place(v);
                    }
                    Some(Block::None)
                } else if fk.starts_with(BUDGET_LABEL) || fk == "年度部门整体支出预算" {
                    self.place(first);
                    if let Some(u) = unit_in(&fk) {
                        d.unit.get_or_insert(u);
                    }
                    // The Ministry's form with earlier years: 项目 | 上年预算数 … | 本年预算数.
                    by_year = self.budget_years_header(row);
                    if by_year.is_some() {
                        block = Block::BudgetByYear;
                        continue;
                    }
                    // 资金总额 in one cell, or as a label and a figure.
                    let cells = self.filled(row);
                    let mut it = cells.iter().copied().skip_while(|&i| i != first).skip(1);
                    while let Some(i) = it.next() {
                        let k = self.view.key(i);
                        if k.starts_with("资金总额") {
                            if let Some(f) = text::money(self.view.text(i), &["资金总额"]) {
                                d.total = Some(f);
                                self.place(i);
                            } else if let Some(v) = it.next() {
                                match text::money(self.view.text(v), &[]) {
                                    Some(f) => {
                                        d.total = Some(f);
                                        self.place(i);
                                        self.place(v);
                                    }
                                    None => self.refuse(v, Why::NotAFigure),
                                }
                            }
                        }
                    }
                    Some(Block::Budget)
                } else if is_one_of(&fk, DUTIES_LABELS) {
                    self.place(first);
                    if let Some(v) = self.next_after(row, first) {
                        d.duties.extend(items(self.view.text(v)));
                        self.place(v);
                    }
                    Some(Block::None)
                } else if is_one_of(&fk, GOALS_LABELS) {
                    self.place(first);
                    if let Some(v) = self.next_after(row, first) {
                        d.goals.extend(items(self.view.text(v)));
                        self.place(v);
                    }
                    Some(Block::None)
                } else if fk == key(PLANS_LABEL) {
                    self.place(first);
                    plan_cols = self.header(
                        row,
                        &[
                            &["事项", "工作事项"],
                            &["责任单位/科室", "责任单位", "责任科室"],
                            &["工作目标"],
                        ],
                    );
                    Some(Block::Plans)
                } else if fk == key(TASKS_LABEL) {
                    self.place(first);
                    task_cols = self.header(
                        row,
                        &[
                            &["部门职责"],
                            &["工作任务"],
                            &["支出方向/项目", "支出方向"],
                            &["金额"],
                        ],
                    );
                    Some(Block::Tasks)
                } else if fk == "年度主要任务" {
                    self.place(first);
                    ministry_tasks = self.task_header(row);
                    Some(Block::MinistryTasks)
                } else if let Some(overall) = indicator_label(&fk) {
                    self.place(first);
                    ind_cols = self.indicator_header(row);
                    Some(Block::Indicators(overall))
                } else {
                    None
                };
                if let Some(b) = new_block {
                    block = b;
                    continue;
                }
            }
            match block {
                Block::Budget => {
                    let cells = self.filled(row);
                    if let (Some(a), Some(b)) = (
                        cells.iter().find(|&&i| self.view.key(i) == "按收入性质分"),
                        cells.iter().find(|&&i| self.view.key(i) == "按支出性质分"),
                    ) {
                        income_col = Some(self.col(*a));
                        spending_col = Some(self.col(*b));
                        self.place(*a);
                        self.place(*b);
                        continue;
                    }
                    let (Some(ic), Some(sc)) = (income_col, spending_col) else {
                        continue;
                    };
                    let left: Vec<usize> = cells
                        .iter()
                        .copied()
                        .filter(|&i| (ic..sc).contains(&self.col(i)))
                        .collect();
                    let right: Vec<usize> = cells
                        .iter()
                        .copied()
                        .filter(|&i| self.col(i) >= sc)
                        .collect();
                    for (side, target) in [(left, &mut lines.0), (right, &mut lines.1)] {
                        if let Some(line) = self.line(&side) {
                            target.push(line);
                        }
                    }
                }
                Block::Plans => {
                    let v = self.columns_text(row, &plan_cols);
                    if let [Some(a), Some(b), Some(c)] = v.as_slice() {
                        d.plans.push([a.clone(), b.clone(), c.clone()]);
                    }
                }
                Block::Tasks => {
                    let v = self.columns_text(row, &task_cols);
                    if let [Some(duty), Some(task), Some(funded_by), amount] = v.as_slice() {
                        d.tasks.push(Task {
                            duty: duty.clone(),
                            task: task.clone(),
                            funded_by: funded_by.clone(),
                            amount: amount.as_deref().and_then(|a| text::money(a, &[])),
                            funds: Vec::new(),
                        });
                    }
                }
                Block::MinistryTasks => self.task_row(row, &mut ministry_tasks, d),
                Block::BudgetByYear => {
                    if let Some(y) = by_year.as_mut() {
                        self.budget_years_row(row, y, d, &mut lines);
                    }
                }
                Block::Indicators(overall) => match self.indicator(row, &ind_cols, overall) {
                    Some(ind) => d.indicators.push(ind),
                    None => self.weights_total(row, &ind_cols, &d.indicators),
                },
                Block::None => {}
            }
        }
        d.income = tree(lines.0);
        d.spending = tree(lines.1);
        if let Some(y) = by_year {
            self.budget_years_total(y, d);
        }
    }

    /// A budget line: its name (indented, `其中：`) and its figure.
    pub(super) fn line(&mut self, cells: &[usize]) -> Option<(usize, Line)> {
        let (&name_cell, rest) = cells.split_first()?;
        let raw = self.view.text(name_cell);
        let lead = raw.chars().take_while(|&c| c == '\u{3000}').count();
        let trimmed = raw.trim_start_matches('\u{3000}').trim();
        let (name, depth) = match trimmed
            .strip_prefix("其中：")
            .or_else(|| trimmed.strip_prefix("其中:"))
        {
            Some(n) => (n.trim(), lead / 3),
            None => (trimmed, (lead / 3).saturating_sub(1)),
        };
        if name.is_empty() {
            return None;
        }
        self.place(name_cell);
        let amount = rest.first().and_then(|&v| {
            let f = text::money(self.view.text(v), &[]);
            if f.is_some() {
                self.place(v);
            } else {
                self.refuse(v, Why::NotAFigure);
            }
            f
        });
        Some((
            depth,
            Line {
                name: one_line(name),
                amount,
                children: Vec::new(),
                earlier: Vec::new(),
            },
        ))
    }

    /// The next non-empty cell right of `cell` in `row`.
    pub(super) fn next_after(&self, row: u32, cell: usize) -> Option<usize> {
        let col = self.col(cell);
        self.filled(row).into_iter().find(|&i| self.col(i) > col)
    }

    /// The columns of a block's header row, one per wanted label (any of its spellings), placed.
    pub(super) fn header(&mut self, row: u32, wanted: &[&[&str]]) -> Vec<(u32, usize)> {
        let cells = self.filled(row);
        let mut out = Vec::new();
        for (w, spellings) in wanted.iter().enumerate() {
            let hit = cells.iter().copied().find(|&i| {
                let k = self.view.key(i);
                spellings
                    .iter()
                    .any(|s| k == key(s) || (k.starts_with(&key(s)) && k.contains('(')))
            });
            if let Some(i) = hit {
                self.place(i);
                out.push((self.col(i), w));
            }
        }
        out
    }

    /// The texts of a row under the header's columns (in the order wanted); a row whose cells are
    /// all empty gives nothing.
    pub(super) fn columns_text(&mut self, row: u32, cols: &[(u32, usize)]) -> Vec<Option<String>> {
        let n = cols.iter().map(|(_, w)| w + 1).max().unwrap_or(0);
        let mut out = vec![None; n];
        let mut cells = Vec::new();
        for &(col, w) in cols {
            if let Some((i, t)) = self.view.text_at(row, col)
                && self.view.cell(i).is_some_and(|c| c.row == row)
                && !t.trim().is_empty()
                && let Some(slot) = out.get_mut(w)
            {
                *slot = Some(one_line(t));
                cells.push(i);
            }
        }
        if out.iter().any(Option::is_some) {
            for i in cells {
                self.place(i);
            }
        }
        out
    }

    pub(super) fn indicator_header(&mut self, row: u32) -> IndicatorColumns {
        let mut cols = IndicatorColumns::default();
        for i in self.filled(row) {
            let k = self.view.key(i);
            let slot = match k.as_str() {
                "一级指标" => &mut cols.level1,
                "二级指标" => &mut cols.level2,
                "三级指标" | "指标名称" => &mut cols.name,
                "指标值" | "目标值" | "绩效指标值" | "指标值(包含数字及文字描述)" => {
                    &mut cols.value
                }
                "计算符号" => &mut cols.op,
                "度量单位" | "计量单位" => &mut cols.unit,
                "备注" | "说明" => &mut cols.note,
                "分值" | "权重" | "权重(分值)" => &mut cols.weight,
                _ => continue,
            };
            *slot = Some(self.col(i));
            self.place(i);
        }
        cols
    }

    /// One indicator row; the tier and category cells may be merged from the rows above.
    /// The 合计 row under weighted indicators: placed when its figure is the sum of the weights read
    /// (then it says nothing the source does not); otherwise left for the report.
    pub(super) fn weights_total(&mut self, row: u32, cols: &IndicatorColumns, read: &[Indicator]) {
        let (Some(l1), Some(w)) = (cols.level1, cols.weight) else {
            return;
        };
        let (Some((label, text)), Some((cell, figure))) =
            (self.view.text_at(row, l1), self.view.text_at(row, w))
        else {
            return;
        };
        if key(text) != "合计" || label == cell {
            return;
        }
        let sum = read
            .iter()
            .filter_map(|i| i.weight.as_deref())
            .filter_map(|w| w.parse::<rust_decimal::Decimal>().ok())
            .try_fold(rust_decimal::Decimal::ZERO, |a, b| a.checked_add(b));
        let printed = text::decimal(figure).and_then(|f| f.parse::<rust_decimal::Decimal>().ok());
        if sum.is_some() && sum == printed {
            self.place(label);
            self.place(cell);
        }
    }

    pub(super) fn indicator(
        &mut self,
        row: u32,
        cols: &IndicatorColumns,
        overall: bool,
    ) -> Option<Indicator> {
        let get = |c: Option<u32>| c.and_then(|c| self.view.text_at(row, c));
        let (l1, l2, name, value) = (
            get(cols.level1),
            get(cols.level2),
            get(cols.name)?,
            get(cols.value)?,
        );
        // One cell over all the columns (a note below the table) is not an indicator.
        if l1.is_some_and(|(i, _)| i == name.0) || name.0 == value.0 {
            return None;
        }
        if self.view.cell(name.0).is_some_and(|c| c.row != row) || name.1.trim().is_empty() {
            return None;
        }
        let l2 = l2.filter(|(_, t)| !t.trim().is_empty())?;
        let op = get(cols.op).filter(|(i, _)| *i != value.0);
        let unit = get(cols.unit).filter(|(i, _)| *i != value.0);
        let v = if cols.op.is_some() || cols.unit.is_some() {
            text::value_split(
                op.map_or("", |(_, t)| t),
                value.1,
                unit.map_or("", |(_, t)| t),
            )
        } else {
            text::value(value.1)
        };
        let note = get(cols.note).filter(|(i, t)| *i != value.0 && !t.trim().is_empty());
        let weight = get(cols.weight).filter(|(i, _)| *i != value.0);
        let weight_figure = weight.and_then(|(_, t)| text::decimal(t));
        for (i, _) in [l1, Some(l2), Some(name), Some(value), op, unit, note]
            .into_iter()
            .flatten()
        {
            self.place(i);
        }
        if let (Some((i, _)), Some(_)) = (weight, &weight_figure) {
            self.place(i);
        } else if let Some((i, _)) = weight
            && !self.view.text(i).trim().is_empty()
        {
            self.refuse(i, Why::NotAFigure);
        }
        Some(Indicator {
            overall,
            level1: l1.map_or(String::new(), |(_, t)| one_line(t)),
            level2: one_line(l2.1),
            name: one_line(name.1),
            value: v,
            note: note.map(|(_, t)| one_line(t)),
            weight: weight_figure,
            extras: Vec::new(),
        })
    }

    fn summary(&mut self, seg: &Segment, d: &mut Declaration) {
        if d.year.is_none() {
            d.year.clone_from(&seg.year);
        }
        let mut cols: Vec<(u32, usize)> = Vec::new();
        // The directions read, with their depth (一 / 1. / (1)).
        let mut rows: Vec<(usize, Direction)> = Vec::new();
        for &row in &seg.rows {
            if cols.is_empty() {
                if self.captions(row, d) {
                    continue;
                }
                let found = self.header(
                    row,
                    &[
                        &["序号"],
                        &["支出方向(子项)", "支出方向", "项目名称"],
                        &["金额", "项目金额", "资金金额"],
                        &["实施期绩效目标", "实施期目标"],
                        &["年度绩效目标", "年度目标"],
                    ],
                );
                if found.iter().any(|&(_, w)| w == 1) {
                    cols = found;
                }
                continue;
            }
            let v = self.columns_text(row, &cols);
            let get = |w: usize| v.get(w).cloned().flatten();
            let Some(name) = get(1) else {
                continue;
            };
            if key(&name).contains("合计") {
                d.directions_total = get(2).and_then(|a| text::money(&a, &[]));
                continue;
            }
            let depth = get(0).map_or(0, |o| ordinal_depth(&o));
            rows.push((
                depth,
                Direction {
                    name,
                    amount: get(2).and_then(|a| text::money(&a, &[])),
                    summary_goal: get(3),
                    summary_annual: get(4),
                    ..Direction::default()
                },
            ));
        }
        let tree = direction_tree(rows);
        for t in tree {
            merge_direction(d, t, true);
        }
    }

    fn direction(&mut self, seg: &Segment, d: &mut Declaration) {
        if d.year.is_none() {
            d.year.clone_from(&seg.year);
        }
        let mut dir = Direction {
            has_table: true,
            ..Direction::default()
        };
        let mut ind: Option<(bool, IndicatorColumns)> = None;
        let mut started = false;
        for &row in &seg.rows {
            if !started && self.captions(row, d) {
                continue;
            }
            let Some(first) = self.first(row) else {
                continue;
            };
            let fresh_first = self.view.cell(first).is_some_and(|c| c.row == row);
            let fk = self.view.key(first);
            if fresh_first && let Some(overall) = indicator_label(&fk) {
                started = true;
                self.place(first);
                ind = Some((overall, self.indicator_header(row)));
                continue;
            }
            if let Some((overall, cols)) = &ind
                && !(fresh_first && is_direction_label(&fk))
            {
                let overall = *overall;
                if let Some(i) = self.indicator(row, cols, overall) {
                    dir.indicators.push(i);
                }
                continue;
            }
            // Label / value pairs: 支出方向（子项）| name | 所属专项 | special …
            let cells = self.filled(row);
            let mut k = 0;
            while let Some(&label) = cells.get(k) {
                let lk = self.view.key(label);
                let value = cells
                    .get(k + 1)
                    .copied()
                    .filter(|&v| !is_direction_label(&self.view.key(v)));
                let field = direction_field(&lk);
                if field.is_none() {
                    k += 1;
                    continue;
                }
                started = true;
                self.place(label);
                ind = None;
                if let Some(v) = value {
                    let t = self.view.text(v);
                    let ok = match field {
                        Some(Field::Name) => {
                            dir.name = one_line(t);
                            true
                        }
                        Some(Field::Special) => {
                            dir.special = Some(one_line(t));
                            true
                        }
                        Some(Field::Amount) => match text::money(t, &[]) {
                            Some(f) => {
                                dir.amount = Some(f);
                                true
                            }
                            None => false,
                        },
                        Some(Field::Period) => {
                            dir.period = Some(one_line(t));
                            true
                        }
                        Some(Field::Goal) => {
                            dir.goal = Some(one_line(t));
                            true
                        }
                        Some(Field::Annual) => {
                            dir.annual = Some(one_line(t));
                            true
                        }
                        None => false,
                    };
                    if ok {
                        self.place(v);
                    } else {
                        self.refuse(v, Why::NotAFigure);
                    }
                    k += 2;
                } else {
                    k += 1;
                }
            }
        }
        if dir.name.is_empty() {
            return;
        }
        merge_direction(d, dir, false);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Special,
    Amount,
    Period,
    Goal,
    Annual,
}

fn direction_field(k: &str) -> Option<Field> {
    Some(
        if is_one_of(k, &["支出方向(子项)", "支出方向", "子项名称"]) {
            Field::Name
        } else if is_one_of(k, &["所属专项", "专项名称"]) {
            Field::Special
        } else if is_one_of(k, &["项目金额", "金额", "资金金额"]) || k.starts_with("项目金额(")
        {
            Field::Amount
        } else if is_one_of(k, &["项目实施期", "实施期", "实施周期"]) {
            Field::Period
        } else if is_one_of(k, &["实施期绩效目标", "实施期目标", "总体目标"]) {
            Field::Goal
        } else if is_one_of(k, &["年度绩效目标", "年度目标"]) {
            Field::Annual
        } else {
            return None;
        },
    )
}

fn is_direction_label(k: &str) -> bool {
    direction_field(k).is_some() || indicator_label(k).is_some()
}

/// `年度绩效指标` → annual (false), `实施期绩效指标` → overall (true).
pub(super) fn indicator_label(k: &str) -> Option<bool> {
    if is_one_of(k, OVERALL_INDICATORS) {
        Some(true)
    } else if is_one_of(k, ANNUAL_INDICATORS) {
        Some(false)
    } else {
        None
    }
}

/// `年度预算申请(万元)` → `万元`.
pub(super) fn unit_in(k: &str) -> Option<String> {
    let inner = k.split_once('(')?.1.split_once(')')?.0;
    matches!(inner, "万元" | "元").then(|| inner.to_string())
}

/// The items of a list cell: one per line, without their printed ordinals (`（一）`, `1.`, `1、`).
fn items(cell: &str) -> Vec<String> {
    cell.lines()
        .map(|l| strip_ordinal(l.trim()))
        .map(|l| one_line(&l))
        .filter(|l| !l.is_empty())
        .collect()
}

fn strip_ordinal(line: &str) -> String {
    let t = line.trim();
    // （一） (1) （1）
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some((inner, after)) = rest.split_once(close)
            && !inner.is_empty()
            && inner.chars().count() <= 3
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十百".contains(c))
        {
            return after.trim().to_string();
        }
    }
    // 1. 1、 一、
    let digits: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十百".contains(*c))
        .collect();
    if !digits.is_empty()
        && let Some(rest) = t.get(digits.len()..)
        && let Some(after) = rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix('.'))
            .or_else(|| rest.strip_prefix('、'))
            .or_else(|| rest.strip_prefix('．'))
    {
        return after.trim().to_string();
    }
    t.to_string()
}

/// 一 → 0, `1.` → 1, `(1)` → 2.
fn ordinal_depth(o: &str) -> usize {
    let k = key(o);
    if k.starts_with('(') {
        2
    } else if k.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        1
    } else {
        0
    }
}

/// Items with their depth, as a tree: an item deeper than the one before is its part (`children`
/// gives a parent's parts).
pub(super) fn nest<T>(items: Vec<(usize, T)>, children: fn(&mut T) -> &mut Vec<T>) -> Vec<T> {
    fn insert<T>(into: &mut Vec<T>, depth: usize, item: T, children: fn(&mut T) -> &mut Vec<T>) {
        if depth > 0
            && let Some(parent) = into.last_mut()
        {
            insert(children(parent), depth - 1, item, children);
            return;
        }
        into.push(item);
    }
    let mut out = Vec::new();
    for (depth, item) in items {
        insert(&mut out, depth, item, children);
    }
    out
}

/// Lines with their depth, as a tree (其中 lines under their line).
pub(super) fn tree(lines: Vec<(usize, Line)>) -> Vec<Line> {
    nest(lines, |l| &mut l.children)
}

fn direction_tree(rows: Vec<(usize, Direction)>) -> Vec<Direction> {
    nest(rows, |d| &mut d.children)
}

/// Puts a direction read from the summary (`from_summary`) or from its own table where it belongs:
/// beside the same name already read (anywhere in the tree), or at the end of the top level.
pub(super) fn merge_direction(decl: &mut Declaration, d: Direction, from_summary: bool) {
    fn names(d: &Direction, table: bool, out: &mut HashSet<(String, bool)>) {
        out.insert((d.name.clone(), table));
        for c in &d.children {
            names(c, table, out);
        }
    }
    // Only a name already read the other way is looked for (the tree is not walked for each one).
    let wanted = (d.name.clone(), from_summary);
    names(&d, !from_summary, &mut decl.seen);
    let into = &mut decl.directions;
    if !decl.seen.contains(&wanted) {
        into.push(d);
        return;
    }
    fn find<'a>(
        ds: &'a mut [Direction],
        name: &str,
        want_table: bool,
    ) -> Option<&'a mut Direction> {
        for x in ds.iter_mut() {
            if x.name == name && x.has_table == want_table {
                return Some(x);
            }
            if let Some(found) = find(&mut x.children, name, want_table) {
                return Some(found);
            }
        }
        None
    }
    // A summary row meets the table read before it, and a table the summary row read before it.
    match find(into, &d.name, from_summary) {
        Some(x) => {
            if from_summary {
                x.summary_goal = d.summary_goal;
                x.summary_annual = d.summary_annual;
                x.amount = x.amount.take().or(d.amount);
                x.children.extend(d.children);
            } else {
                let children = std::mem::take(&mut x.children);
                let (sg, sa, amount) = (
                    x.summary_goal.take(),
                    x.summary_annual.take(),
                    x.amount.take(),
                );
                *x = d;
                x.children = children;
                x.summary_goal = sg;
                x.summary_annual = sa;
                x.amount = x.amount.take().or(amount);
            }
        }
        None => into.push(d),
    }
}
