//! The 绩效自评表 (docs/self-evaluation.md) read back into the year-end lines of the declaration whose
//! target tables the file also holds: a 项目名称 names the project or direction, a 部门名称 the
//! department. Each indicator's 实际完成值 and reason become `achieved`, 全年预算数 / 全年执行数
//! `execution`, 实际完成情况 `outcome`, and the layout the `profile` (the Ministry's 分值 columns, or
//! the free-split form's 指标性质 / 完成值 / 权重). The points, scores, total and grade are bdl's to
//! derive, and what the table repeats of the target table is the target table's: `settle` checks both
//! against the compiled source. This file reads the tables and writes their lines.

use super::recognise::{Reader, Segment, Why, is_one_of};
use super::tables::{Achieved, Declaration, Direction, Execution, Printed, SelfEvaluation};
use super::text::{self, half_width, key, one_line, quoted};
use std::fmt::Write;

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
pub(super) fn execution_line(x: &Execution) -> String {
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
pub(super) fn achieved_line(a: &Achieved) -> String {
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

#[cfg(test)]
mod tests {
    use super::token;

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
}
