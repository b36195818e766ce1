//! The self-evaluation tables (绩效自评表), printed when the year-end facts are written
//! (docs/self-evaluation.md): 项目支出绩效自评表 per direction or project and 部门整体支出绩效自评表, in the
//! layout of the Ministry's form (profile `mof`) or of the free-split form (profile `free-split`).
//! Every figure comes from `score::evaluate`; this file only lays it out.

use super::layout::{
    Builder, Printed, Row, Table, TableKind, category_name, declared, flatten_lines, tier_name,
    unit_caption, year_prefix,
};
use crate::domain::Money;
use crate::domain::scoring::ProfileKind;
use crate::model::{Actual, Declaration};
use crate::present::figures::{display, display_fixed};
use crate::present::values::{value_parts, value_text};
use crate::score::{Evaluation, ItemScore};
use rust_decimal::Decimal;

/// The self-evaluation tables, one per evaluated table, in the order of `score::evaluate`.
pub fn tables(decl: &Declaration) -> Vec<Table> {
    crate::score::evaluate(decl)
        .iter()
        .map(|e| table(decl, e))
        .collect()
}

fn score_cell(v: Decimal) -> Printed {
    Printed {
        before: String::new(),
        figure: display_fixed(v, 2),
        after: String::new(),
    }
}

fn points_cell(v: Decimal) -> Printed {
    Printed {
        before: String::new(),
        figure: display(v, 2),
        after: String::new(),
    }
}

fn money_cell(decl: &Declaration, v: Money) -> Printed {
    declared(decl, v.amount(), None)
}

fn table(decl: &Declaration, e: &Evaluation) -> Table {
    let free = decl.profile.kind == ProfileKind::FreeSplit;
    // The Ministry's form has 9 columns; the free-split form 10.
    let columns = if free { 10 } else { 9 };
    let last = columns - 1;
    let mut b = Builder::new();
    let (kind, title, short) = match e.direction {
        Some(d) => (
            TableKind::ProjectEvaluation,
            format!("{}项目支出绩效自评表", year_prefix(decl)),
            // A prefix, so that a long name cut to a sheet tab still says which table it is.
            format!("自评-{}", d.name.value),
        ),
        None => (
            TableKind::DepartmentEvaluation,
            format!("{}部门整体支出绩效自评表", year_prefix(decl)),
            "部门整体自评".to_string(),
        ),
    };
    let half = columns / 2;
    match e.direction {
        Some(d) => {
            b.row()
                .label(0, 1, "项目名称")
                .text(1, last, d.name.value.clone());
        }
        None => {
            b.row().label(0, 1, "部门名称").text(
                1,
                last,
                decl.department.as_ref().map_or("", |d| d.value.as_str()),
            );
        }
    }
    b.row()
        .label(0, 1, "主管部门")
        .text(
            1,
            half - 1,
            decl.filer.as_ref().map_or("", |s| s.value.as_str()),
        )
        .label(half, 1, "实施单位")
        .text(
            half + 1,
            columns - half - 1,
            decl.department.as_ref().map_or("", |s| s.value.as_str()),
        );
    funds(decl, e, &mut b, columns);
    goals(decl, e, &mut b, columns);
    if free {
        free_indicators(decl, e, &mut b);
    } else {
        mof_indicators(decl, e, &mut b);
    }
    let total_row = b.row();
    let (points_col, score_col) = if free { (7, 8) } else { (6, 7) };
    total_row
        .label(0, points_col, "总分")
        .amount(points_col, 1, e.points, points_cell(e.points))
        .amount(score_col, 1, e.total, score_cell(e.total))
        .text(score_col + 1, columns - score_col - 1, "");
    b.row().label(0, 1, "等级").text(1, last, e.grade.zh());
    Table {
        kind,
        attachment: None,
        title,
        short_name: short,
        caption_left: decl
            .filer
            .as_ref()
            .map(|f| format!("主管部门：{}", f.value)),
        caption_right: Some(format!(
            "（{}年度） {}",
            decl.year
                .as_ref()
                .map_or(String::new(), |y| y.value.to_string()),
            unit_caption(decl)
        )),
        columns,
        rows: b.rows,
        header_rows: 0,
        landscape: true,
    }
}

/// 项目资金: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, for the total and each funding line.
fn funds(decl: &Declaration, e: &Evaluation, b: &mut Builder, columns: usize) {
    let mut lines = Vec::new();
    flatten_lines(e.funds, 0, &mut lines);
    // Columns from the right: 得分, 执行率, 分值, 全年执行数, 全年预算数, 年初预算数; the name fills the rest.
    let c_score = columns - 1;
    let c_rate = columns - 2;
    let c_points = columns - 3;
    let c_spent = columns - 4;
    let c_budget = columns - 5;
    let c_start = columns - 6;
    let name_span = c_start - 1;
    b.row()
        .label(
            0,
            1,
            match e.direction {
                Some(_) => format!("项目资金\n（{}）", decl.unit.name()),
                None => format!("年度资金\n（{}）", decl.unit.name()),
            },
        )
        .span_rows(0, 2 + lines.len())
        .text(1, name_span, "")
        .label(c_start, 1, "年初预算数")
        .label(c_budget, 1, "全年预算数")
        .label(c_spent, 1, "全年执行数")
        .label(c_points, 1, "分值")
        .label(c_rate, 1, "执行率")
        .label(c_score, 1, "得分");
    let row = b.row();
    row.label(1, name_span, "年度资金总额")
        .money(c_start, 1, e.amount, |v| declared(decl, v, None));
    match &e.execution {
        Some(x) => {
            row.amount(c_budget, 1, x.budget.amount(), money_cell(decl, x.budget))
                .amount(c_spent, 1, x.spent.amount(), money_cell(decl, x.spent))
                .amount(c_points, 1, x.points, points_cell(x.points));
            rate(row, c_rate, x.rate);
            row.amount(c_score, 1, x.score, score_cell(x.score));
        }
        None => {
            for c in [c_budget, c_spent] {
                row.text(c, 1, "");
            }
            row.amount(
                c_points,
                1,
                decl.profile.execution_points(),
                points_cell(decl.profile.execution_points()),
            )
            .text(c_rate, 1, "")
            .amount(c_score, 1, Decimal::ZERO, score_cell(Decimal::ZERO));
        }
    }
    for (name, amount, written) in lines {
        let plain = name
            .trim_start_matches(['　', ' '])
            .trim_start_matches("其中：")
            .to_string();
        let row = b.row();
        row.text(1, name_span, name).money(c_start, 1, amount, |v| {
            declared(decl, v, written.as_deref())
        });
        match line_execution(e, &plain) {
            Some((budget, spent)) => {
                row.amount(c_budget, 1, budget.amount(), money_cell(decl, budget))
                    .amount(c_spent, 1, spent.amount(), money_cell(decl, spent))
                    .text(c_points, 1, "—");
                let r = spent
                    .amount_in(budget.unit())
                    .ok()
                    .and_then(|s| crate::score::rules::rate(budget.amount(), s));
                rate(row, c_rate, r);
                row.text(c_score, 1, "—");
            }
            None => {
                row.text(c_budget, 1, "")
                    .text(c_spent, 1, "")
                    .text(c_points, 1, "—")
                    .text(c_rate, 1, "")
                    .text(c_score, 1, "—");
            }
        }
    }
}

fn line_execution(e: &Evaluation, name: &str) -> Option<(Money, Money)> {
    e.year_end
        .line(name)
        .map(|x| (x.budget.value, x.spent.value))
}

fn rate(row: &mut Row, col: usize, r: Option<Decimal>) {
    match r {
        Some(r) => {
            row.amount(
                col,
                1,
                r,
                Printed {
                    before: String::new(),
                    figure: display_fixed(r, 2),
                    after: "%".to_string(),
                },
            );
        }
        None => {
            row.text(col, 1, "");
        }
    }
}

/// 年度总体目标: 预期目标 beside 实际完成情况.
fn goals(decl: &Declaration, e: &Evaluation, b: &mut Builder, columns: usize) {
    let expected = match e.direction {
        Some(d) => d
            .annual
            .as_ref()
            .map(|g| g.value.clone())
            .unwrap_or_default(),
        None => decl
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| format!("{}. {}", i + 1, g.value))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let actual = e
        .year_end
        .outcome
        .as_ref()
        .map(|o| o.value.clone())
        .unwrap_or_default();
    let left = (columns - 1) / 2;
    b.row()
        .label(0, 1, "年度总体目标")
        .span_rows(0, 2)
        .label(1, left, "预期目标")
        .label(1 + left, columns - 1 - left, "实际完成情况");
    b.row()
        .text(1, left, expected)
        .text(1 + left, columns - 1 - left, actual);
}

fn actual_text(item: &ItemScore) -> String {
    item.indicator
        .achieved
        .as_ref()
        .map_or(String::new(), |a| a.value.text().to_string())
}

fn reason_text(item: &ItemScore) -> String {
    item.indicator
        .achieved
        .as_ref()
        .and_then(|a| a.reason.as_ref())
        .map_or(String::new(), |r| r.value.clone())
}

/// The Ministry's indicator block: 一级 / 二级 / 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施.
fn mof_indicators(decl: &Declaration, e: &Evaluation, b: &mut Builder) {
    let items = sorted(e);
    b.row()
        .label(0, 1, "绩效指标")
        .span_rows(0, 1 + items.len())
        .label(1, 1, "一级指标")
        .label(2, 1, "二级指标")
        .label(3, 1, "三级指标")
        .label(4, 1, "年度指标值")
        .label(5, 1, "实际完成值")
        .label(6, 1, "分值")
        .label(7, 1, "得分")
        .label(8, 1, "偏差原因分析及改进措施");
    grouped(decl, &items, b, 1, |row, item| {
        row.text(3, 1, item.indicator.name.value.clone())
            .text(4, 1, value_text(decl, &item.indicator.value))
            .text(5, 1, actual_text(item))
            .amount(6, 1, item.points, points_cell(item.points))
            .amount(7, 1, item.score, score_cell(item.score))
            .text(8, 1, reason_text(item));
    });
}

/// The free-split form's block: 一级 / 二级 / 三级, 指标性质, 指标值, 度量单位, 完成值, 权重, 得分, 未完成原因分析.
fn free_indicators(decl: &Declaration, e: &Evaluation, b: &mut Builder) {
    let items = sorted(e);
    b.row()
        .label(0, 1, "一级指标")
        .label(1, 1, "二级指标")
        .label(2, 1, "三级指标")
        .label(3, 1, "指标性质")
        .label(4, 1, "指标值")
        .label(5, 1, "度量单位")
        .label(6, 1, "完成值")
        .label(7, 1, "权重")
        .label(8, 1, "得分")
        .label(9, 1, "未完成原因分析");
    grouped(decl, &items, b, 0, |row, item| {
        let ind = item.indicator;
        let parts = value_parts(decl, &ind.value);
        let actual = match ind.achieved.as_ref().map(|a| &a.value) {
            Some(Actual::Number { measure, .. }) => {
                crate::present::figures::exact(measure.number())
            }
            Some(a) => a.text().to_string(),
            None => String::new(),
        };
        row.text(2, 1, ind.name.value.clone())
            .text(3, 1, parts.operator)
            .text(4, 1, parts.number)
            .text(5, 1, parts.unit)
            .text(6, 1, actual)
            .amount(7, 1, item.points, points_cell(item.points))
            .amount(8, 1, item.score, score_cell(item.score))
            .text(9, 1, reason_text(item));
    });
}

/// The rows in framework order, as the target tables print them.
fn sorted<'e, 'a>(e: &'e Evaluation<'a>) -> Vec<&'e ItemScore<'a>> {
    let mut items: Vec<&ItemScore> = e.items.iter().collect();
    items.sort_by_key(|i| {
        i.indicator
            .slot
            .map_or((usize::MAX, usize::MAX), |s| (s.tier, s.category))
    });
    items
}

/// The 一级 / 二级 cells merged over their rows (columns `at` and `at + 1`), the rest by `fill`.
fn grouped(
    decl: &Declaration,
    items: &[&ItemScore],
    b: &mut Builder,
    at: usize,
    fill: impl Fn(&mut Row, &ItemScore),
) {
    let tier = |i: &&ItemScore| i.indicator.slot.map(|s| s.tier);
    for in_tier in items.chunk_by(|a, b| tier(a) == tier(b)) {
        for (c, in_cat) in in_tier
            .chunk_by(|a, b| a.indicator.slot == b.indicator.slot)
            .enumerate()
        {
            for (n, item) in in_cat.iter().enumerate() {
                let ind = item.indicator;
                let row = b.row();
                if c == 0 && n == 0 {
                    row.text(at, 1, tier_name(decl, ind.slot, ind))
                        .span_rows(at, in_tier.len());
                }
                if n == 0 {
                    row.text(at + 1, 1, category_name(decl, ind.slot, ind))
                        .span_rows(at + 1, in_cat.len());
                }
                fill(row, item);
            }
        }
    }
}
