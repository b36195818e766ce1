//! The 绩效自评表 (docs/self-evaluation.md) read back into the year-end lines of the declaration whose
//! target tables the file also holds: a 项目名称 names the project or direction, a 部门名称 the
//! department. Each indicator's 实际完成值 and reason become `achieved`, 全年预算数 / 全年执行数
//! `execution`, 实际完成情况 `outcome`, and the layout the `profile` (the Ministry's 分值 columns, or
//! the free-split form's 指标性质 / 完成值 / 权重). The points, scores, total and grade are bdl's to
//! derive: `settle` compiles the source and keeps a printed score only where the rules do not give it
//! (`score N` on a result word); the profile's options are the ones that give the printed scores and
//! grades. A derived figure the source cannot give is reported, never written over.

use super::recognise::{Reader, Segment, Unplaced, Why, is_one_of};
use super::tables::{Achieved, Declaration, Direction, Execution, Printed, SelfEvaluation};
use super::text::{self, Value, half_width, key, one_line, quoted};
use crate::compilation::compile_bytes;
use crate::model::Actual;
use rust_decimal::Decimal;
use std::fmt::Write;
use std::str::FromStr;

const NAME_LABELS: &[&str] = &["项目名称"];
const DEPARTMENT_LABELS: &[&str] = &["部门名称", "单位名称", "部门(单位)名称"];
const FUND_COLUMNS: &[&[&str]] = &[
    &["年初预算数"],
    &["全年预算数"],
    &["全年执行数"],
    &["分值"],
    &["执行率"],
    &["得分"],
];

/// The columns of the indicator block.
#[derive(Default)]
struct Columns {
    level1: Option<u32>,
    level2: Option<u32>,
    name: Option<u32>,
    nature: Option<u32>,
    target: Option<u32>,
    unit: Option<u32>,
    actual: Option<u32>,
    points: Option<u32>,
    score: Option<u32>,
    reason: Option<u32>,
}

#[derive(Clone, Copy, PartialEq)]
enum Block {
    Head,
    Funds,
    Goals,
    Indicators,
    End,
}

impl Reader<'_, '_> {
    /// The cell starting at (`row`, `col`) and its text, when it is not empty.
    fn own(&self, row: u32, col: u32) -> Option<(usize, String)> {
        let (i, t) = self.view.text_at(row, col)?;
        (self.view.cell(i).is_some_and(|c| c.row == row) && !t.trim().is_empty())
            .then(|| (i, t.to_string()))
    }

    fn printed(&self, i: usize) -> Printed {
        Printed {
            text: one_line(self.view.text(i)),
            place: self
                .view
                .cell(i)
                .map_or(String::new(), |c| c.place.address()),
        }
    }

    /// A 绩效自评表: read into `d` when it names a project or direction whose target table `d` holds,
    /// or `d`'s department; otherwise every cell is reported.
    pub(super) fn evaluation(&mut self, seg: &Segment, d: &mut Declaration) {
        let mut t = SelfEvaluation::default();
        // Cells read; placed only once the table is attached.
        let mut mine: Vec<usize> = Vec::new();
        let mut named = false;
        let mut department_name = None;
        let mut block = Block::Head;
        let mut funds: Vec<(u32, usize)> = Vec::new();
        let mut goal_cols: Option<(u32, u32)> = None;
        let mut cols = Columns::default();
        for &row in &seg.rows {
            let cells = self.filled(row);
            let Some(&first) = cells.first() else {
                continue;
            };
            let k = self.view.key(first);
            if !named {
                if is_one_of(&k, NAME_LABELS) || is_one_of(&k, DEPARTMENT_LABELS) {
                    let Some(&value) = cells.get(1) else {
                        continue;
                    };
                    named = true;
                    let name = one_line(self.view.text(value));
                    if is_one_of(&k, NAME_LABELS) {
                        t.project = Some(name);
                    } else {
                        department_name = Some(name);
                    }
                    mine.extend([first, value]);
                } else {
                    self.captions(row, d);
                }
                continue;
            }
            if is_one_of(&k, &["主管部门"]) {
                self.administrative(&cells, d, &mut mine);
                continue;
            }
            if cells.iter().any(|&i| self.view.key(i) == "年初预算数") {
                funds = self.columns_of(&cells, FUND_COLUMNS, &mut mine);
                if k.starts_with("项目资金") || k.starts_with("年度资金") {
                    mine.push(first);
                }
                block = Block::Funds;
                continue;
            }
            if k == "年度总体目标" {
                let find = |r: &Self, label: &str| {
                    cells
                        .iter()
                        .copied()
                        .find(|&i| r.view.key(i) == label)
                        .map(|i| (i, r.col(i)))
                };
                if let (Some((a, ca)), Some((b, cb))) =
                    (find(self, "预期目标"), find(self, "实际完成情况"))
                {
                    goal_cols = Some((ca, cb));
                    mine.extend([first, a, b]);
                }
                block = Block::Goals;
                continue;
            }
            if cells.iter().any(|&i| self.view.key(i) == "三级指标") {
                cols = self.evaluation_header(&cells, &mut mine);
                // The layout's profile, until the printed scores say otherwise (`settle`).
                t.free = cols.nature.is_some() || cols.unit.is_some();
                if k == "绩效指标" {
                    mine.push(first);
                }
                block = Block::Indicators;
                continue;
            }
            if k == "总分" {
                mine.push(first);
                if let Some((i, _)) = cols.points.and_then(|c| self.own(row, c)) {
                    t.total_points = Some(self.printed(i));
                    mine.push(i);
                }
                if let Some((i, _)) = cols.score.and_then(|c| self.own(row, c)) {
                    t.total = Some(self.printed(i));
                    mine.push(i);
                }
                block = Block::End;
                continue;
            }
            if k == "等级" {
                if let Some(&g) = cells.get(1) {
                    t.grade = Some(self.printed(g));
                    mine.extend([first, g]);
                }
                block = Block::End;
                continue;
            }
            match block {
                Block::Funds => self.evaluation_fund_row(row, &funds, &mut t, &mut mine),
                Block::Goals => {
                    if let Some((ca, cb)) = goal_cols {
                        if let Some((i, _)) = self.own(row, ca) {
                            t.expected = Some(self.printed(i));
                            mine.push(i);
                        }
                        if let Some((i, _)) = self.own(row, cb) {
                            t.outcome = Some(self.printed(i));
                            mine.push(i);
                        }
                    }
                }
                Block::Indicators => {
                    if let Some(a) = self.evaluation_row(row, &cols, t.free, &mut mine) {
                        t.items.push(a);
                    }
                }
                Block::Head | Block::End => {}
            }
        }
        let taken = d.evaluations.iter().any(|e| e.project == t.project);
        let attached = named
            && !taken
            && match (&t.project, &department_name) {
                (Some(name), _) => has_direction(&d.directions, name),
                (None, Some(name)) => {
                    d.form != Some("mof-project")
                        && d.department.as_deref().is_none_or(|x| x == name)
                }
                (None, None) => false,
            };
        if attached {
            for i in mine {
                self.place(i);
            }
            d.evaluations.push(t);
        } else {
            for &row in &seg.rows {
                for i in self.filled(row) {
                    self.refuse(i, Why::NotRead);
                }
            }
        }
    }

    /// 主管部门 / 实施单位: placed when they are the declaration's.
    fn administrative(&self, cells: &[usize], d: &Declaration, mine: &mut Vec<usize>) {
        for pair in cells.chunks(2) {
            let [label, value] = pair else { continue };
            let v = one_line(self.view.text(*value));
            let same = match self.view.key(*label).as_str() {
                "主管部门" => d.filer.as_deref() == Some(v.as_str()),
                "实施单位" => d.department.as_deref() == Some(v.as_str()),
                _ => false,
            };
            if same {
                mine.extend([*label, *value]);
            }
        }
    }

    /// The columns of a header row, one per wanted label.
    fn columns_of(
        &self,
        cells: &[usize],
        wanted: &[&[&str]],
        mine: &mut Vec<usize>,
    ) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        for (w, spellings) in wanted.iter().enumerate() {
            if let Some(&i) = cells
                .iter()
                .find(|&&i| is_one_of(&self.view.key(i), spellings))
            {
                mine.push(i);
                out.push((self.col(i), w));
            }
        }
        out
    }

    fn evaluation_header(&self, cells: &[usize], mine: &mut Vec<usize>) -> Columns {
        let mut c = Columns::default();
        for &i in cells {
            let slot = match self.view.key(i).as_str() {
                "一级指标" => &mut c.level1,
                "二级指标" => &mut c.level2,
                "三级指标" => &mut c.name,
                "指标性质" | "计算符号" => &mut c.nature,
                "年度指标值" | "指标值" => &mut c.target,
                "度量单位" | "计量单位" => &mut c.unit,
                "实际完成值" | "完成值" => &mut c.actual,
                "分值" | "权重" => &mut c.points,
                "得分" => &mut c.score,
                "偏差原因分析及改进措施" | "未完成原因分析" | "偏差原因" => {
                    &mut c.reason
                }
                _ => continue,
            };
            *slot = Some(self.col(i));
            mine.push(i);
        }
        c
    }

    /// A row of 项目资金: 年度资金总额 or a funding line, with its 全年预算数 and 全年执行数.
    fn evaluation_fund_row(
        &self,
        row: u32,
        cols: &[(u32, usize)],
        t: &mut SelfEvaluation,
        mine: &mut Vec<usize>,
    ) {
        let at = |w: usize| {
            cols.iter()
                .find(|(_, x)| *x == w)
                .and_then(|&(c, _)| self.own(row, c))
        };
        let Some(start) = cols.iter().map(|(c, _)| *c).min() else {
            return;
        };
        let Some(name_cell) = self
            .filled(row)
            .into_iter()
            .find(|&i| self.col(i) < start && self.col(i) > 0)
        else {
            return;
        };
        let raw = self
            .view
            .text(name_cell)
            .trim_start_matches(['\u{3000}', ' ']);
        let name = raw
            .strip_prefix("其中：")
            .or_else(|| raw.strip_prefix("其中:"))
            .unwrap_or(raw)
            .trim();
        let line = (key(name) != "年度资金总额").then(|| one_line(name));
        mine.push(name_cell);
        let mut cells = vec![self.printed(name_cell)];
        if let Some((i, _)) = at(0) {
            mine.push(i);
            t.initial.push((line.clone(), self.printed(i)));
        }
        // 分值, 执行率 and 得分 are derived; a line's print a dash.
        for w in [3, 4, 5] {
            if let Some((i, _)) = at(w) {
                mine.push(i);
                cells.push(self.printed(i));
                if line.is_none() && w == 5 {
                    t.execution_score = Some(self.printed(i));
                }
            }
        }
        let figure = |w: usize| at(w).and_then(|(i, s)| text::money(&s, &[]).map(|f| (i, f)));
        if let (Some((bi, budget)), Some((si, spent))) = (figure(1), figure(2)) {
            mine.extend([bi, si]);
            cells.extend([self.printed(bi), self.printed(si)]);
            t.executions.push(Execution {
                line,
                budget,
                spent,
                cells,
            });
        }
    }

    /// An indicator's row; the 一级 / 二级 cells may be merged from above.
    fn evaluation_row(
        &self,
        row: u32,
        cols: &Columns,
        free: bool,
        mine: &mut Vec<usize>,
    ) -> Option<Achieved> {
        let (name_cell, name) = self.own(row, cols.name?)?;
        mine.push(name_cell);
        let mut cells = vec![self.printed(name_cell)];
        for c in [cols.level1, cols.level2].into_iter().flatten() {
            if let Some((i, _)) = self.own(row, c) {
                mine.push(i);
            }
        }
        let mut target = Vec::new();
        for c in [cols.nature, cols.target, cols.unit] {
            // An empty 度量单位 still holds its place among the three.
            match c.and_then(|c| self.own(row, c)) {
                Some((i, _)) => {
                    mine.push(i);
                    target.push(self.printed(i));
                }
                None if c.is_some() => target.push(Printed {
                    text: String::new(),
                    place: String::new(),
                }),
                None => {}
            }
        }
        cells.extend(target.iter().filter(|p| !p.place.is_empty()).cloned());
        let unit = cols.unit.and_then(|c| self.own(row, c)).map(|(_, u)| u);
        let value = cols.actual.and_then(|c| self.own(row, c)).map(|(i, a)| {
            mine.push(i);
            cells.push(self.printed(i));
            // The free-split form prints the number and its unit apart.
            token(&a, unit.as_deref().map(str::trim).filter(|_| free))
        });
        let reason = cols.reason.and_then(|c| self.own(row, c)).map(|(i, r)| {
            mine.push(i);
            cells.push(self.printed(i));
            one_line(&r)
        });
        let mut derived = |c: Option<u32>| {
            c.and_then(|c| self.own(row, c)).map(|(i, _)| {
                mine.push(i);
                self.printed(i)
            })
        };
        let points = derived(cols.points);
        let score = derived(cols.score);
        cells.extend(score.iter().cloned());
        Some(Achieved {
            name: one_line(&name),
            value: value.unwrap_or_default(),
            reason,
            target,
            points,
            score,
            typed: None,
            cells,
        })
    }
}

fn direction_mut<'a>(ds: &'a mut [Direction], name: &str) -> Option<&'a mut Direction> {
    for x in ds.iter_mut() {
        if x.name == name {
            return Some(x);
        }
        if let Some(found) = direction_mut(&mut x.children, name) {
            return Some(found);
        }
    }
    None
}

/// Operators the split columns print as symbols but a 年度指标值 in one cell keeps as written.
const WORD_OPERATORS: &[&str] = &["不低于", "不少于", "不高于", "不超过"];

/// A target the target table printed over split columns (`≥ | 8 | 次`) and the self-evaluation in one
/// cell with its word (`不少于8次`): the word is what was written, so it is kept.
fn operator_words(d: &mut Declaration) {
    let mut words: Vec<(Option<String>, String, Value)> = Vec::new();
    for t in &d.evaluations {
        for a in &t.items {
            if let [one] = a.target.as_slice()
                && let v = text::value(&one.text)
                && matches!(&v, Value::Quantity { op, .. } if WORD_OPERATORS.contains(&op.as_str()))
            {
                words.push((t.project.clone(), a.name.clone(), v));
            }
        }
    }
    for (project, name, v) in words {
        let indicators = match &project {
            Some(p) => match direction_mut(&mut d.directions, p) {
                Some(x) => &mut x.indicators,
                None => continue,
            },
            None => &mut d.indicators,
        };
        if let Some(ind) = indicators.iter_mut().find(|i| i.name == name && !i.overall)
            && normal(&ind.value) == normal(&v)
        {
            ind.value = v;
        }
    }
}

fn has_direction(ds: &[Direction], name: &str) -> bool {
    ds.iter()
        .any(|d| d.name == name || has_direction(&d.children, name))
}

/// An actual as bdl writes it: a number with its unit against it (`126人`, `0.152万元`), else words
/// in quotes. A bare number in the free-split form takes the row's 度量单位.
fn token(cell: &str, unit: Option<&str>) -> String {
    let t = one_line(cell);
    let plain = half_width(&t).trim().replace(',', "");
    let digits = plain.strip_prefix('-').unwrap_or(&plain);
    let number_len = digits
        .char_indices()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == '.')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (number, rest) = digits.split_at_checked(number_len).unwrap_or(("", ""));
    let number_ok = !number.is_empty()
        && !number.starts_with('.')
        && !number.ends_with('.')
        && number.matches('.').count() <= 1;
    let rest_ok = rest
        .chars()
        .all(|c| !c.is_whitespace() && !matches!(c, '"' | '#' | '{' | '}' | '<' | '>' | '='));
    if number_ok && rest_ok {
        let sign = if plain.starts_with('-') { "-" } else { "" };
        let unit = if rest.is_empty() {
            unit.filter(|u| {
                u.chars().all(|c| {
                    !c.is_whitespace() && !matches!(c, '"' | '#' | '{' | '}' | '<' | '>' | '=')
                })
            })
            .unwrap_or("")
        } else {
            rest
        };
        format!("{sign}{number}{unit}")
    } else {
        quoted(&t)
    }
}

/// An `execution` line, as written.
fn execution_line(x: &Execution) -> String {
    match &x.line {
        Some(l) => format!(
            "execution {} budget {} spent {}",
            quoted(l),
            x.budget,
            x.spent
        ),
        None => format!("execution budget {} spent {}", x.budget, x.spent),
    }
}

/// An `achieved` line, as written.
fn achieved_line(a: &Achieved) -> String {
    let mut o = format!("achieved {} {}", quoted(&a.name), a.value);
    if let Some(r) = &a.reason {
        let _ = write!(o, " reason {}", quoted(r));
    }
    if let Some(s) = &a.typed {
        let _ = write!(o, " score {s}");
    }
    o
}

/// The year-end lines of one table, at `indent`.
pub fn lines(o: &mut String, e: &SelfEvaluation, indent: &str) {
    for x in &e.executions {
        let _ = writeln!(o, "{indent}{}", execution_line(x));
    }
    if let Some(p) = &e.outcome {
        let _ = writeln!(o, "{indent}outcome {}", quoted(&p.text));
    }
    for a in e.items.iter().filter(|a| !a.value.is_empty()) {
        let _ = writeln!(o, "{indent}{}", achieved_line(a));
    }
}

/// The document's year-end lines: the profile and the department's table.
pub fn document(o: &mut String, d: &Declaration) {
    let Some(first) = d.evaluations.first() else {
        return;
    };
    o.push('\n');
    let name = if first.free { "free-split" } else { "mof" };
    let mut profile = format!("profile {name}");
    for option in &d.profile_options {
        profile.push(' ');
        profile.push_str(option);
    }
    let _ = writeln!(o, "{profile}");
    if let Some(e) = d.evaluations.iter().find(|e| e.project.is_none()) {
        lines(o, e, "");
    }
}

/// The table of a project or direction.
pub fn of<'d>(d: &'d Declaration, name: &str) -> Option<&'d SelfEvaluation> {
    d.evaluations
        .iter()
        .find(|e| e.project.as_deref() == Some(name))
}

fn figure(p: &Printed) -> Option<Decimal> {
    Decimal::from_str(&text::decimal(&p.text)?).ok()
}

/// A target as a comparable value: operators by meaning (`=` or none, `不低于` as `≥`), numbers
/// exactly, words without spacing.
fn normal(v: &Value) -> (String, String) {
    match v {
        Value::Quantity { op, number, unit } => {
            let op = match op.as_str() {
                "" | "=" => "=",
                ">=" | "不低于" | "不少于" => ">=",
                "<=" | "不高于" | "不超过" => "<=",
                other => other,
            };
            let n = Decimal::from_str(number)
                .map_or_else(|_| number.clone(), |n| n.normalize().to_string());
            (op.to_string(), format!("{n}{unit}"))
        }
        Value::Quality(t) => {
            let k = key(t);
            let bare = k.trim_start_matches(['≥', '≤', '>', '<', '=']);
            (String::new(), bare.to_string())
        }
    }
}

/// Whether the row's target is the target table's: compared by meaning, and words by their text
/// whatever the operator (a deadline is `≤` in split columns, bare in one cell).
fn same_target(
    printed: &[Printed],
    decl: &crate::model::Declaration,
    v: &crate::model::Value,
) -> bool {
    let read = match printed {
        [one] => text::value(&one.text),
        [op, number, unit] => text::value_split(&op.text, &number.text, &unit.text),
        [number, unit] => text::value_split("", &number.text, &unit.text),
        _ => return true,
    };
    let own = text::value(&crate::present::values::value_text(decl, v));
    let (a, b) = (normal(&read), normal(&own));
    a == b || (a.0.is_empty() || b.0.is_empty()) && a.1 == b.1
}

fn flat_lines<'l>(lines: &'l [crate::model::Line], out: &mut Vec<&'l crate::model::Line>) {
    for l in lines {
        out.push(l);
        flat_lines(&l.children, out);
    }
}

/// What the compiled source gives against what the tables print.
#[derive(Default)]
struct Differences {
    /// Printed cells the source does not give, and why.
    cells: Vec<(Printed, Why)>,
    /// Rows (table, indicator) whose score differs and whose actual is a result word, with the
    /// printed score.
    typeable: Vec<(usize, usize, String, Printed)>,
    /// Rows whose typed score the rules refuse (outside its result's band).
    refused: Vec<(usize, usize)>,
    /// Year-end lines the compiler refuses (an error on them): executions and rows, by table.
    errors: Vec<(usize, Option<usize>, Option<usize>)>,
    grades: usize,
}

/// The printed target's cells, as one list.
fn cells_of(ps: &[Printed]) -> impl Iterator<Item = Printed> + '_ {
    ps.iter().filter(|p| !p.place.is_empty()).cloned()
}

fn differences(d: &Declaration, name: &str) -> Option<Differences> {
    let source = super::write::source(d, name, false);
    let compiled = compile_bytes(name.to_string(), source.as_bytes());
    let mut out = Differences::default();
    // Errors on the year-end lines: each line written is found by its text.
    for diag in compiled.diagnostics.iter().filter(|x| x.is_error()) {
        let at = diag.span.start.min(source.len());
        let line_start = source
            .get(..at)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let line = source
            .get(line_start..)
            .and_then(|s| s.lines().next())
            .unwrap_or("")
            .trim();
        for (ti, t) in d.evaluations.iter().enumerate() {
            for (xi, x) in t.executions.iter().enumerate() {
                if execution_line(x) == line {
                    out.errors.push((ti, Some(xi), None));
                }
            }
            for (ai, a) in t.items.iter().enumerate() {
                if achieved_line(a) == line {
                    out.errors.push((ti, None, Some(ai)));
                }
            }
        }
    }
    let decl = compiled.declaration.as_ref()?;
    let evaluated = crate::score::evaluate(decl);
    for (ti, t) in d.evaluations.iter().enumerate() {
        let e = evaluated
            .iter()
            .find(|e| e.direction.map(|x| x.name.value.as_str()) == t.project.as_deref());
        let Some(e) = e else {
            out.cells.extend(
                t.total
                    .iter()
                    .chain(&t.grade)
                    .map(|p| (p.clone(), Why::Contradicted)),
            );
            continue;
        };
        // What the table repeats of the target table.
        let mut funds = Vec::new();
        flat_lines(e.funds, &mut funds);
        for (line, p) in &t.initial {
            let amount = match line {
                None => e.amount.map(|m| m.amount()),
                Some(l) => funds
                    .iter()
                    .find(|x| x.name.value == *l)
                    .and_then(|x| x.amount.map(|m| m.amount())),
            };
            if amount.map(|a| a.normalize()) != figure(p).map(|f| f.normalize()) {
                out.cells.push((p.clone(), Why::Differs));
            }
        }
        if let Some(p) = &t.expected {
            let expected: Vec<String> = match e.direction {
                Some(x) => x.annual.iter().map(|a| key(&a.value)).collect(),
                None => decl.goals.iter().map(|g| key(&g.value)).collect(),
            };
            let k = key(&p.text);
            if expected.is_empty() || !expected.iter().all(|x| k.contains(x.as_str())) {
                out.cells.push((p.clone(), Why::Differs));
            }
        }
        for (ai, a) in t.items.iter().enumerate() {
            let item = e.items.iter().find(|i| i.indicator.name.value == a.name);
            let Some(item) = item else {
                // Not a 年度 indicator of the table: its line is refused by the compiler, or it
                // scores nothing.
                out.cells.extend(
                    a.points
                        .iter()
                        .chain(&a.score)
                        .map(|p| (p.clone(), Why::Contradicted)),
                );
                continue;
            };
            if !a.target.is_empty() && !same_target(&a.target, decl, &item.indicator.value) {
                out.cells
                    .extend(cells_of(&a.target).map(|p| (p, Why::Differs)));
            }
            if let Some(p) = &a.points
                && Some(item.points) != figure(p)
            {
                out.cells.push((p.clone(), Why::Contradicted));
            }
            if a.typed.is_some() && item.contradicted.is_some() {
                out.refused.push((ti, ai));
            }
            let Some(s) = &a.score else { continue };
            if Some(item.score) == figure(s) {
                continue;
            }
            let words = item
                .indicator
                .achieved
                .as_ref()
                .is_some_and(|x| matches!(x.value, Actual::Words { .. }));
            match figure(s) {
                Some(f) if words && a.typed.is_none() => {
                    out.typeable
                        .push((ti, ai, f.normalize().to_string(), s.clone()));
                }
                _ => out.cells.push((s.clone(), Why::Contradicted)),
            }
        }
        if let Some(p) = &t.execution_score
            && Some(e.execution.as_ref().map_or(Decimal::ZERO, |x| x.score)) != figure(p)
        {
            out.cells.push((p.clone(), Why::Contradicted));
        }
        if let Some(p) = &t.total_points
            && Some(e.points) != figure(p)
        {
            out.cells.push((p.clone(), Why::Contradicted));
        }
        if let Some(p) = &t.total
            && Some(e.total) != figure(p)
        {
            out.cells.push((p.clone(), Why::Contradicted));
        }
        if let Some(p) = &t.grade
            && key(&p.text) != e.grade.zh()
        {
            out.grades += 1;
            out.cells.push((p.clone(), Why::Contradicted));
        }
    }
    Some(out)
}

/// Settles what the tables print but bdl derives: the year-end lines the compiler refuses are left
/// out (their cells reported), the profile's options are the ones that give the printed scores and
/// grades, a `score` is written where a result word's printed score is not the rules' own, and the
/// cells the source still does not give are reported.
pub fn settle(d: &mut Declaration, name: &str) -> Vec<Unplaced> {
    if d.evaluations.is_empty() {
        return Vec::new();
    }
    operator_words(d);
    let mut report: Vec<(Printed, Why)> = Vec::new();
    // Lines the compiler refuses (an indicator or funding line not in the table, a value not of its
    // target's kind): each removal can only clear errors, so two rounds settle it.
    for _ in 0..3 {
        let Some(x) = differences(d, name) else { break };
        if x.errors.is_empty() {
            break;
        }
        let mut errors = x.errors;
        // Remove from the back, so the indices stay right.
        errors.sort_unstable();
        errors.dedup();
        for (ti, xi, ai) in errors.into_iter().rev() {
            let Some(t) = d.evaluations.get_mut(ti) else {
                continue;
            };
            if let Some(xi) = xi
                && xi < t.executions.len()
            {
                let gone = t.executions.remove(xi);
                report.extend(gone.cells.into_iter().map(|p| (p, Why::Refused)));
            }
            if let Some(ai) = ai
                && ai < t.items.len()
            {
                let gone = t.items.remove(ai);
                report.extend(gone.cells.into_iter().map(|p| (p, Why::Refused)));
            }
        }
    }
    let count = |x: &Differences| x.cells.len() + x.typeable.len();
    // The profile: the layout says which, unless the other gives the printed 分值 and 得分 better
    // (the Ministry's 50 / 30 / 10 blocks against 90 split by weights).
    let layout = differences(d, name);
    for t in &mut d.evaluations {
        t.free = !t.free;
    }
    let other = differences(d, name);
    if match (&layout, &other) {
        (Some(l), Some(o)) => count(o) >= count(l),
        (_, o) => o.is_none(),
    } {
        for t in &mut d.evaluations {
            t.free = !t.free;
        }
    }
    // How a ≤ indicator above its target scores: the rule that gives the printed scores.
    let linear = differences(d, name);
    d.profile_options = vec!["inverse ratio".to_string()];
    let ratio = differences(d, name);
    if match (&linear, &ratio) {
        (Some(l), Some(r)) => count(r) >= count(l),
        (_, r) => r.is_none(),
    } {
        d.profile_options.clear();
    }
    // A result word scored within its band: the printed score, typed.
    if let Some(x) = differences(d, name) {
        for (ti, ai, score, _) in x.typeable {
            if let Some(a) = d.evaluations.get_mut(ti).and_then(|t| t.items.get_mut(ai)) {
                a.typed = Some(score);
            }
        }
    }
    // A printed score outside its result's band is not typed (the source would not compile): the
    // cell is reported.
    if let Some(x) = differences(d, name) {
        for (ti, ai) in x.refused {
            if let Some(a) = d.evaluations.get_mut(ti).and_then(|t| t.items.get_mut(ai)) {
                a.typed = None;
            }
        }
    }
    // Grades: the common thresholds that give every printed grade.
    if differences(d, name).is_some_and(|x| x.grades > 0) {
        for grades in ["grades 80 70 60", "grades 85 75 60"] {
            d.profile_options.push(grades.to_string());
            if differences(d, name).is_some_and(|x| x.grades == 0) {
                break;
            }
            d.profile_options.pop();
        }
    }
    if let Some(x) = differences(d, name) {
        report.extend(x.cells);
        report.extend(
            x.typeable
                .into_iter()
                .map(|(_, _, _, p)| (p, Why::Contradicted)),
        );
    }
    report
        .into_iter()
        .filter(|(p, _)| !p.place.is_empty())
        .map(|(p, why)| Unplaced {
            place: p.place,
            text: p.text,
            why,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{normal, token};
    use crate::import::text::value;

    #[test]
    fn actuals_are_written_as_bdl_reads_them() {
        assert_eq!(token("126人", None), "126人");
        assert_eq!(token("０.１５２万元", None), "0.152万元");
        assert_eq!(token("7200", Some("人次")), "7200人次");
        assert_eq!(token("96", Some("%")), "96%");
        assert_eq!(token("1,250公里", None), "1250公里");
        assert_eq!(token("基本完成", None), "\"基本完成\"");
        assert_eq!(token("无", Some("")), "\"无\"");
        // Not a number with a unit: words, in quotes.
        assert_eq!(token("12 月", None), "\"12 月\"");
        assert_eq!(token(".5%", None), "\".5%\"");
        assert_eq!(token("约20人", None), "\"约20人\"");
    }

    #[test]
    fn targets_compare_by_meaning() {
        assert_eq!(normal(&value("≥90%")), normal(&value("不低于90%")));
        assert_eq!(normal(&value("40台")), normal(&value("=40台")));
        assert_eq!(normal(&value("100.0%")), normal(&value("100%")));
        assert_ne!(normal(&value("98%")), normal(&value("100%")));
        assert_ne!(normal(&value("≤90%")), normal(&value("≥90%")));
    }
}
