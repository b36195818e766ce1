//! The checks' texts, in both languages, next to the checks that raise them.

use crate::domain::Breakdown;
use crate::messages::Text;
#[allow(unused_imports)]
pub(crate) use crate::messages::shared::*;
use crate::score::{Deviation, Mismatch};

// ── Checks: references ──────────────────────────────────────────────────────────────────────────

/// `written`: the reference as written (`people of "巡逻"`); `counts_in`: its unit.
pub fn reference_unit_mismatch(name: &str, unit: &str, written: &str, counts_in: &str) -> Text {
    t(
        format!("\"{name}\" is written in {unit}, but `{written}` counts in {counts_in}"),
        format!(
            "{}以“{unit}”填写，但 `{written}` 以“{counts_in}”计",
            q(name)
        ),
    )
}

pub fn label_unit_does_not_fit() -> Text {
    t("unit does not fit", "单位不符")
}

pub fn label_counts_in(unit: &str) -> Text {
    t(format!("counts in {unit}"), format!("以“{unit}”计"))
}

/// `number`: the derived number.
pub fn help_reference_unit(unit: &str, number: &str, written: &str) -> Text {
    t(
        format!(
            "write the number in {unit} (`{number}{unit} from {written}`), or leave the number out (`= {written}`)"
        ),
        format!("请以“{unit}”填写（`{number}{unit} from {written}`），或不写数字（`= {written}`）"),
    )
}

/// `says`: the number and unit written; `derived`: what the reference computes, with its unit.
pub fn quantity_contradicts(name: &str, says: &str, written: &str, derived: &str) -> Text {
    t(
        format!("\"{name}\" says {says}, but `{written}` is {derived}"),
        format!(
            "{}填写的是{says}，但 `{written}` 为{derived}，两者不符",
            q(name)
        ),
    )
}

pub fn label_derived(derived: &str) -> Text {
    t(format!("{derived} derived"), format!("推算为{derived}"))
}

pub fn help_quantity_contradicts(derived: &str, how: &Text) -> Text {
    t(
        format!(
            "write {derived}, or correct the facts it comes from ({})",
            how.en
        ),
        format!("请改为{derived}，或更正其来源数据（{}）", how.zh),
    )
}

pub fn label_counted_here() -> Text {
    t("counted here", "计入于此")
}

// ── Checks: goals and periods ───────────────────────────────────────────────────────────────────

/// `what`: 实施期绩效目标 or 年度绩效目标; `diff`: the changed characters marked `[old→new]`.
pub fn goal_worded_differently(what: &str, name: &str, diff: &str) -> Text {
    t(
        format!("the {what} of \"{name}\" is worded differently in the summary table: {diff}"),
        format!("{}的{what}在汇总表中的表述与本表不同：{diff}", q(name)),
    )
}

pub fn label_in_summary_table() -> Text {
    t("printed in the summary table", "汇总表中的表述")
}

pub fn label_in_own_table() -> Text {
    t(
        "printed in the direction's own table",
        "支出方向绩效目标表中的表述",
    )
}

pub fn help_goal_worded_differently(summary_kw: &str, own_kw: &str) -> Text {
    t(
        format!(
            "if both tables should say the same, delete the `{summary_kw}` line and keep `{own_kw}`"
        ),
        format!("如两张表应表述一致，请删除 `{summary_kw}` 一行，保留 `{own_kw}`"),
    )
}

pub fn period_excludes_year(period: &str, name: &str, year: i32) -> Text {
    t(
        format!("the period \"{period}\" of \"{name}\" does not include the budget year {year}"),
        format!("{}的实施期{}不包含预算年度（{year}年）", q(name), q(period)),
    )
}

pub fn label_outside_year() -> Text {
    t("outside the budget year", "不在预算年度内")
}

pub fn label_budget_year() -> Text {
    t("the budget year", "预算年度")
}

pub fn help_period_excludes_year() -> Text {
    t(
        "correct the period or the year; a period copied from last year's file is the usual cause",
        "请更正实施期或预算年度；常见原因是沿用了上年文件中的实施期",
    )
}

// ── Checks: amounts and totals ──────────────────────────────────────────────────────────────────

pub fn amount_differs_from_basis(
    name: &str,
    declared: &str,
    derived: &str,
    difference: &Text,
) -> Text {
    t(
        format!(
            "\"{name}\" is declared as {declared} but its cost basis computes {derived} (a difference of {})",
            difference.en
        ),
        format!(
            "{}声明的金额与测算依据不符：申报{declared}，按测算依据计算为{derived}，相差{}",
            q(name),
            difference.zh
        ),
    )
}

/// `exact`: the derived amount as a number (`1.878`); `how`: how the basis computes it.
pub fn help_amount_differs_from_basis(exact: &str, how: &Text) -> Text {
    t(
        format!("write `amount {exact}`, or correct the basis: {}", how.en),
        format!("请将金额改为 `amount {exact}`，或更正测算依据：{}", how.zh),
    )
}

/// `name`: the line or direction; `None` for 资金总额.
pub fn sub_yuan(name: Option<&str>, figure: &str) -> Text {
    match name {
        Some(n) => t(
            format!("\"{n}\" {figure} has a fraction of 1 分"),
            format!("{}的金额{figure}含不足1分的零头", q(n)),
        ),
        None => t(
            format!("资金总额 {figure} has a fraction of 1 分"),
            format!("资金总额{figure}含不足1分的零头"),
        ),
    }
}

pub fn label_fraction_of_yuan() -> Text {
    t("a fraction of 1 分", "含不足1分的零头")
}

pub fn help_sub_yuan_wan() -> Text {
    t(
        "amounts in 万元 are exact to 1 分 with 6 decimals; round the figure or check its basis",
        "以万元为单位时，保留6位小数即精确到1分；请四舍五入，或核对其测算依据",
    )
}

pub fn help_sub_yuan_yuan() -> Text {
    t(
        "amounts in 元 are exact to 1 分 with 2 decimals; round the figure or check its basis",
        "以元为单位时，保留2位小数即精确到1分；请四舍五入，或核对其测算依据",
    )
}

pub fn line_differs_from_parts(
    what: Breakdown,
    name: &str,
    declared: &str,
    derived: &str,
    difference: &Text,
) -> Text {
    let what = what.keyword();
    t(
        format!(
            "{what} \"{name}\" is declared as {declared} but its parts add up to {derived} (a difference of {})",
            difference.en
        ),
        format!(
            "{}项{}申报{declared}，但各组成部分合计为{derived}，相差{}",
            side_zh(what),
            q(name),
            difference.zh
        ),
    )
}

/// `exact`: the sum of the parts as a number; `how`: the parts.
pub fn help_line_differs_from_parts(exact: &str, how: &Text) -> Text {
    t(
        format!("write {exact} here, or correct the parts ({})", how.en),
        format!("请将此处改为{exact}，或更正各组成部分（{}）", how.zh),
    )
}

pub fn label_a_part() -> Text {
    t("a part", "组成部分")
}

pub fn sub_lines_differ(name: &str, children: &str, amount: &str) -> Text {
    t(
        format!("the 其中 lines of \"{name}\" add up to {children}, not {amount}"),
        format!("{}的其中项合计为{children}，而不是{amount}", q(name)),
    )
}

pub fn label_this_line_is(amount: &str) -> Text {
    t(format!("this line is {amount}"), format!("本项为{amount}"))
}

pub fn help_sub_lines_differ() -> Text {
    t(
        "correct the 其中 lines so that they add up to the line above them",
        "请更正其中项，使其合计等于上一级的金额",
    )
}

/// A figure that matches only when rounded to the `decimals` it is printed with.
pub fn printed_precision(name: &str, decimals: u32, exact: &str) -> Text {
    let en = if decimals == 1 {
        "1 decimal".to_string()
    } else {
        format!("{decimals} decimals")
    };
    t(
        format!("\"{name}\" is printed with {en}; the exact figure is {exact}"),
        format!("{}按{decimals}位小数填写，精确值为{exact}", q(name)),
    )
}

pub fn label_agrees_at(decimals: u32) -> Text {
    let en = if decimals == 1 {
        "1 decimal".to_string()
    } else {
        format!("{decimals} decimals")
    };
    t(format!("agrees at {en}"), format!("按{decimals}位小数一致"))
}

/// `exact`: the exact figure as a number.
pub fn help_printed_precision(exact: &str) -> Text {
    t(
        format!(
            "write {exact} to keep the exact figure, or leave it: it matches at the printed precision"
        ),
        format!("如需保留精确值，请改为{exact}；也可以不改：按所填精度是一致的"),
    )
}

pub fn breakdowns_differ(income: &str, spending: &str, difference: &Text) -> Text {
    t(
        format!(
            "the income breakdown adds up to {income} but the spending breakdown to {spending} (a difference of {})",
            difference.en
        ),
        format!(
            "按收入性质分合计为{income}，按支出性质分合计为{spending}，两者相差{}",
            difference.zh
        ),
    )
}

pub fn label_spending_adds_up(figure: &str) -> Text {
    t(
        format!("spending adds up to {figure}"),
        format!("支出合计{figure}"),
    )
}

pub fn label_income_adds_up(figure: &str) -> Text {
    t(
        format!("income adds up to {figure}"),
        format!("收入合计{figure}"),
    )
}

pub fn help_breakdowns_differ() -> Text {
    t(
        "按收入性质分 and 按支出性质分 are two splits of the same 资金总额: correct the line that is wrong",
        "按收入性质分和按支出性质分是同一资金总额的两种划分，请更正有误的项",
    )
}

pub fn total_differs(declared: &str, what: Breakdown, sum: &str, difference: &Text) -> Text {
    let what = what.keyword();
    t(
        format!(
            "资金总额 is declared as {declared} but the {what} lines add up to {sum} (a difference of {})",
            difference.en
        ),
        format!(
            "资金总额申报{declared}，但{}各项合计为{sum}，相差{}",
            side_zh(what),
            difference.zh
        ),
    )
}

pub fn help_total_differs(exact: &str, what: Breakdown) -> Text {
    let what = what.keyword();
    t(
        format!("write `total {exact}`, or correct the {what} lines"),
        format!(
            "请将资金总额改为 `total {exact}`，或更正{}各项",
            side_zh(what)
        ),
    )
}

pub fn funds_differ(name: &str, sum: &str, amount: &str, difference: &Text) -> Text {
    t(
        format!(
            "the funds of \"{name}\" add up to {sum} but its amount is {amount} (a difference of {})",
            difference.en
        ),
        format!(
            "{}的各项资金来源合计为{sum}，但其金额为{amount}，相差{}",
            q(name),
            difference.zh
        ),
    )
}

pub fn label_funds_add_up(figure: &str) -> Text {
    t(
        format!("funds add up to {figure}"),
        format!("资金来源合计{figure}"),
    )
}

pub fn label_amount(figure: &str) -> Text {
    t(format!("amount {figure}"), format!("金额{figure}"))
}

pub fn help_funds_differ() -> Text {
    t(
        "年度资金总额 is the sum of its sources: correct a source or the amount",
        "年度资金总额应等于各项资金来源之和，请更正资金来源或金额",
    )
}

// ── Checks: cost caps ───────────────────────────────────────────────────────────────────────────

/// What a cost cap caps: a direction's amount.
pub fn capped_direction(name: &str) -> Text {
    t(
        format!("the amount of \"{name}\""),
        format!("{}的金额", q(name)),
    )
}

/// What a department's cost cap caps when it has directions.
pub fn capped_project_spending() -> Text {
    t(
        "项目支出 (the sum of the directions)",
        "项目支出（各支出方向合计）",
    )
}

/// What a department's cost cap caps otherwise.
pub fn capped_total() -> Text {
    t("资金总额", "资金总额")
}

/// `cap`: `≤40万元`; `what`: what it caps ([`capped_direction`] …); `amount`: that amount.
pub fn cost_cap_above(cap: &str, what: &Text, amount: &str) -> Text {
    t(
        format!("the cost cap {cap} is above {}, {amount}", what.en),
        format!("成本指标{cap}高于{}{amount}", what.zh),
    )
}

pub fn label_above_by(figure: &str) -> Text {
    t(
        format!("above the amount by {figure}"),
        format!("超出金额{figure}"),
    )
}

/// `cap_at`: the operator and the amount (`≤36.72万元`).
pub fn help_cost_cap_above(cap_at: &str) -> Text {
    t(
        format!("write `<= amount` (or {cap_at}) so the cap follows the budget"),
        format!("请写成 `<= amount`（或 {cap_at}），使成本上限随预算金额变化"),
    )
}

pub fn cost_cap_below(cap: &str, what: &Text, amount: &str) -> Text {
    t(
        format!("the cost cap {cap} is below {}, {amount}", what.en),
        format!("成本指标{cap}低于{}{amount}", what.zh),
    )
}

pub fn label_below_by(figure: &str) -> Text {
    t(
        format!("below the amount by {figure}"),
        format!("比金额低{figure}"),
    )
}

pub fn help_cost_cap_below() -> Text {
    t(
        "tables usually cap the cost at the amount itself (`<= amount`); keep a lower cap only if it is meant",
        "成本指标一般以金额本身为上限（`<= amount`）；如确需更低的上限，可以保留",
    )
}

pub fn strict_cap_equal(cap: &str, amount: &str) -> Text {
    t(
        format!("the cost cap {cap} excludes the amount itself, {amount}"),
        format!("成本指标{cap}把金额本身{amount}排除在外"),
    )
}

pub fn label_strictly_below() -> Text {
    t("strictly below the whole budget", "要求严格低于全部预算")
}

pub fn help_strict_cap() -> Text {
    t(
        "write `≤` (<=): spending the whole budget should meet the target",
        "请改用 `≤`（<=）：预算全部支出时也应算作达到目标",
    )
}

// ── Checks: indicator values ────────────────────────────────────────────────────────────────────

/// `below_90`, `not_at_least`: what is unusual about it.
pub fn satisfaction_low(name: &str, below_90: bool, not_at_least: bool) -> Text {
    let (en, zh) = match (below_90, not_at_least) {
        (true, true) => (
            "is below 90% and not a `≥` target",
            "低于90%，且不是 `≥` 目标",
        ),
        (true, false) => ("is below 90%", "低于90%"),
        _ => ("is not a `≥` target", "不是 `≥` 目标"),
    };
    t(
        format!("the satisfaction target \"{name}\" {en}"),
        format!("满意度指标{}{zh}", q(name)),
    )
}

pub fn label_unusual_satisfaction() -> Text {
    t("unusual 满意度", "满意度指标值异常")
}

pub fn help_satisfaction() -> Text {
    t(
        "satisfaction targets are almost always `>= 90%` or `>= 95%`",
        "满意度指标值一般为 `>= 90%` 或 `>= 95%`",
    )
}

pub fn percent_above_100(name: &str, number: &str) -> Text {
    t(
        format!("\"{name}\" targets {number}%, above 100%"),
        format!("{}的指标值为{number}%，超过100%", q(name)),
    )
}

pub fn label_above_100() -> Text {
    t("above 100%", "超过100%")
}

pub fn help_percent_above_100() -> Text {
    t(
        "legal for some rates (完成及时率 ≥100%), but check it is not a typing mistake",
        "有些比率可以超过100%（如完成及时率 ≥100%），但请确认不是输入错误",
    )
}

pub fn indicator_twice(name: &str) -> Text {
    t(
        format!("the indicator \"{name}\" appears twice in one table"),
        format!("同一张表中指标{}出现了两次", q(name)),
    )
}

pub fn help_indicator_names_unique() -> Text {
    t(
        "name each indicator of a table differently, or merge the two rows",
        "同一张表中的指标请使用不同的名称，或将两行合并",
    )
}

/// `indicator`: the indicator's name, when the placeholder is its value (`None` for the name itself).
pub fn placeholder(indicator: Option<&str>, text: &str) -> Text {
    match indicator {
        Some(name) => t(
            format!("the value of the indicator \"{name}\" is placeholder text \"{text}\""),
            format!("指标{}的指标值是占位文字{}", q(name), q(text)),
        ),
        None => t(
            format!("the indicator's name is placeholder text \"{text}\""),
            format!("指标名称是占位文字{}", q(text)),
        ),
    }
}

pub fn label_placeholder() -> Text {
    t("placeholder", "占位文字")
}

pub fn help_placeholder() -> Text {
    t(
        "write the real name or target; reviewers reject tables left with XX, * or -",
        "请填写实际的指标名称或指标值；留有 XX、* 或 - 的表审核时会被退回",
    )
}

pub fn name_too_long(chars: usize, limit: usize) -> Text {
    t(
        format!("the indicator name has {chars} characters; the systems take at most {limit}"),
        format!("指标名称有{chars}个字，预算系统最多接受{limit}个字"),
    )
}

pub fn help_name_too_long() -> Text {
    t(
        "shorten the name; put the detail in `note` or `explain`",
        "请精简指标名称，详细内容写入 `note` 或 `explain`",
    )
}

pub fn value_too_long(indicator: &str, chars: usize, limit: usize) -> Text {
    t(
        format!(
            "the value of the indicator \"{indicator}\" has {chars} characters; the systems take at most {limit}"
        ),
        format!(
            "指标{}的指标值有{chars}个字，预算系统最多接受{limit}个字",
            q(indicator)
        ),
    )
}

pub fn help_value_too_long() -> Text {
    t(
        "shorten the value; put the detail in `note` or `explain`",
        "请精简指标值，详细内容写入 `note` 或 `explain`",
    )
}

// ── Checks: completeness ────────────────────────────────────────────────────────────────────────

/// Whose table: a direction's (`Some(name)`) or the department's.
fn whose(direction: Option<&str>) -> (String, String) {
    match direction {
        Some(n) => (format!("\"{n}\""), q(n)),
        None => (
            "the department table".to_string(),
            "部门整体绩效目标表".to_string(),
        ),
    }
}

pub fn categories_empty(direction: Option<&str>, categories: &[&str]) -> Text {
    let (en, zh) = whose(direction);
    t(
        format!("{en} has no 年度 indicator under {}", list_en(categories)),
        format!("{zh}缺少以下二级指标的年度指标：{}", list_zh(categories)),
    )
}

pub fn label_categories_empty() -> Text {
    t("categories left empty", "二级指标空缺")
}

pub fn help_categories_empty(first: &str) -> Text {
    t(
        format!(
            "add an indicator for each, for example `indicator {first} \"…\" …`, or accept the gap if the form allows it"
        ),
        format!("请逐项补充指标，例如 `indicator {first} \"…\" …`；如表样允许空缺，也可以不填"),
    )
}

pub fn no_satisfaction(direction: Option<&str>, category: &str) -> Text {
    let (en, zh) = whose(direction);
    t(
        format!("{en} has no satisfaction indicator ({category})"),
        format!("{zh}缺少满意度指标（{category}）"),
    )
}

pub fn label_no_satisfaction() -> Text {
    t("no 满意度", "缺少满意度指标")
}

pub fn help_no_satisfaction(category: &str) -> Text {
    t(
        format!("add one, usually `indicator {category} \"服务对象满意度\" >= 90%`"),
        format!("请补充一项，通常为 `indicator {category} \"服务对象满意度\" >= 90%`"),
    )
}

/// `missing`: the goals missing, as (name, keyword): (实施期绩效目标, goal), (年度绩效目标, annual).
pub fn goals_missing(name: &str, missing: &[(&str, &str)]) -> Text {
    let names: Vec<&str> = missing.iter().map(|m| m.0).collect();
    t(
        format!("\"{name}\" has no {}", names.join(" and no ")),
        format!("{}没有填写{}", q(name), names.join("和")),
    )
}

pub fn label_goals_missing() -> Text {
    t("goals missing", "缺少绩效目标")
}

pub fn help_goals_missing(missing: &[(&str, &str)]) -> Text {
    let lines: Vec<String> = missing.iter().map(|m| format!("`{} \"…\"`", m.1)).collect();
    t(
        format!("add {} inside the direction's block", lines.join(" and ")),
        format!("请在该支出方向的 {{ … }} 中加上 {}", lines.join(" 和 ")),
    )
}

// ── Checks: distribution lists ──────────────────────────────────────────────────────────────────

pub fn shares_differ(name: &str, sum: &str, amount: &str, difference: &Text) -> Text {
    t(
        format!(
            "the distribution list of \"{name}\" adds up to {sum} but its amount is {amount} (a difference of {})",
            difference.en
        ),
        format!(
            "{}的资金分配表合计为{sum}，但其金额为{amount}，相差{}",
            q(name),
            difference.zh
        ),
    )
}

/// `what`: 项目支出 or 资金总额, as the forms name them.
pub fn directions_above(directions: &str, what: &str, limit: &str, difference: &Text) -> Text {
    t(
        format!(
            "the directions add up to {directions}, more than {what} {limit} (by {})",
            difference.en
        ),
        format!(
            "各支出方向合计{directions}，超过{what}{limit}（超出{}）",
            difference.zh
        ),
    )
}

pub fn label_shares_add_up(sum: &str) -> Text {
    t(
        format!("the shares add up to {sum}"),
        format!("分配合计为{sum}"),
    )
}

pub fn help_shares_differ() -> Text {
    t(
        "the 资金分配表 hands out the whole amount: correct a share, add the missing recipient, or correct the amount",
        "资金分配表应分配项目全部资金：请更正分配数、补上遗漏的分配对象，或更正项目金额",
    )
}

pub fn label_limit_is(what: &str, limit: &str) -> Text {
    t(format!("{what} is {limit}"), format!("{what}为{limit}"))
}

pub fn label_directions_add_up(directions: &str) -> Text {
    t(
        format!("the directions add up to {directions}"),
        format!("各支出方向合计{directions}"),
    )
}

pub fn help_directions_above(what: &str) -> Text {
    t(
        format!(
            "the directions are the project spending, so together they cannot exceed {what}: correct their amounts or {what} (or write `spending \"项目支出\" = directions`)"
        ),
        format!(
            "各支出方向即项目支出，合计不能超过{what}：请更正各方向金额或{what}（或写作 `spending \"项目支出\" = directions`）"
        ),
    )
}

pub fn listed_parts_exceed(name: &str, children: &str, amount: &str) -> Text {
    t(
        format!(
            "the parts listed under \"{name}\" add up to {children}, more than the line's {amount}"
        ),
        format!(
            "{}下列出的部分合计{children}，超过该项金额{amount}",
            q(name)
        ),
    )
}

pub fn help_listed_parts_exceed() -> Text {
    t(
        "a `partial` line lists some of its parts, which together cannot exceed it: correct a part or the line",
        "标为 `partial` 的项只列出部分组成，合计不能超过该项：请更正某一部分或该项金额",
    )
}

pub fn shared_funder_without_amount(task: &str, funder: &str, count: usize) -> Text {
    t(
        format!(
            "the task \"{task}\" has no amount of its own, and {count} tasks are funded by \"{funder}\""
        ),
        format!(
            "工作任务{}未填写金额，而由{}支出的工作任务共{count}项",
            q(task),
            q(funder)
        ),
    )
}

pub fn label_shared_funder(count: usize) -> Text {
    t(
        format!("funds {count} tasks"),
        format!("为{count}项工作任务提供资金"),
    )
}

pub fn help_shared_funder_without_amount() -> Text {
    t(
        "give each task its own amount (`task \"…\" duty \"…\" for \"…\" amount 12`); otherwise every row would print the whole amount",
        "请为每项工作任务填写其金额（`task \"…\" duty \"…\" for \"…\" amount 12`），否则每行都会列出全部金额",
    )
}

pub fn tasks_above_funder(funder: &str, sum: &str, amount: &str, difference: &Text) -> Text {
    t(
        format!(
            "the tasks funded by \"{funder}\" add up to {sum}, more than its {amount} (by {})",
            difference.en
        ),
        format!(
            "由{}支出的工作任务合计{sum}，超过其金额{amount}（超出{}）",
            q(funder),
            difference.zh
        ),
    )
}

pub fn label_funder_is(funder: &str, amount: &str) -> Text {
    t(
        format!("\"{funder}\" is {amount}"),
        format!("{}为{amount}", q(funder)),
    )
}

pub fn help_tasks_above_funder() -> Text {
    t(
        "the tasks share what funds them: correct a task's amount, or the direction, project or line",
        "这些工作任务共用同一资金来源：请更正某项任务的金额，或该支出方向、项目或支出项的金额",
    )
}

pub fn weight_missing(first: &str, missing: usize, of: usize) -> Text {
    t(
        format!("{missing} of the table's {of} indicators have no weight, \"{first}\" the first"),
        format!(
            "本表{of}个指标中有{missing}个未填写分值，首个为{}",
            q(first)
        ),
    )
}

pub fn label_no_weight() -> Text {
    t("no weight", "未填分值")
}

pub fn help_weight_missing() -> Text {
    t(
        "give every indicator of a weighted table its weight (`weight 10`), or none of them",
        "已设分值的表中，每个指标都应填写分值（`weight 10`），或都不填写",
    )
}

pub fn level1_score_mismatch(tier: &str, got: &str, points: &str) -> Text {
    t(
        format!("the weights under {tier} add up to {got}, not its {points} points"),
        format!("{tier}下各指标分值合计{got}分，与其分值{points}分不符"),
    )
}

pub fn label_level1_score(tier: &str, points: &str) -> Text {
    t(
        format!("{tier}: {points} points"),
        format!("{tier}：{points}分"),
    )
}

pub fn label_weight(weight: &str) -> Text {
    t(format!("weight {weight}"), format!("分值{weight}"))
}

pub fn help_level1_score_mismatch() -> Text {
    t(
        "correct the indicators' weights or the 一级指标's points in the `scores` line",
        "请更正各指标的分值，或 `scores` 行中该一级指标的分值",
    )
}

/// `wanted`: the totals the form accepts (`100`, `90`).
pub fn weights_total_mismatch(total: &str, wanted: &[String]) -> Text {
    t(
        format!(
            "the indicators' weights add up to {total}, not {}",
            wanted.join(" or ")
        ),
        format!("各指标分值合计{total}分，应为{}分", wanted.join("或")),
    )
}

pub fn label_weights_total(total: &str) -> Text {
    t(
        format!("weights add up to {total}"),
        format!("分值合计{total}分"),
    )
}

pub fn help_weights_total(declared: bool) -> Text {
    if declared {
        t(
            "the `scores` line says what the weights add up to: correct a weight or that line",
            "`scores` 行规定了分值合计：请更正某个指标的分值或该行",
        )
    } else {
        t(
            "weights add up to 100, or to 90 where 预算执行 takes the other 10; say another total with `scores … total N`",
            "分值合计应为100分，或在预算执行占10分时为90分；其他总分请用 `scores … total N` 写明",
        )
    }
}

/// `kind`: 预算数, 执行数 or 决算数.
pub fn earlier_differs(name: &str, year: i32, kind: &str, declared: &str, sum: &str) -> Text {
    t(
        format!("\"{name}\" {year} {kind} is {declared}, but its parts add up to {sum}"),
        format!(
            "{}{year}年{kind}为{declared}，但其组成部分合计为{sum}",
            q(name)
        ),
    )
}

pub fn earlier_sources_differ(
    name: &str,
    year: i32,
    kind: &str,
    declared: &str,
    sum: &str,
) -> Text {
    t(
        format!("\"{name}\" {year} {kind} is {declared}, but its fund sources add up to {sum}"),
        format!(
            "{}{year}年{kind}为{declared}，但其各项资金来源合计为{sum}",
            q(name)
        ),
    )
}

pub fn earlier_breakdowns_differ(year: i32, kind: &str, income: &str, spending: &str) -> Text {
    t(
        format!("for {year} {kind}, income adds up to {income} but spending to {spending}"),
        format!("{year}年{kind}：按收入性质分合计{income}，按支出性质分合计{spending}，两者不一致"),
    )
}

pub fn help_earlier_differs() -> Text {
    t(
        "an earlier year's figures add up like this year's: correct the figure or its parts as that year's table printed them",
        "以前年度的数额与本年度一样须前后相符：请按当年报表更正该数额或其组成部分",
    )
}

// ── Checks: what the form prints ────────────────────────────────────────────────────────────────

/// `label`: the column's name on the forms that have it (分值); `keyword`: what declares it.
pub fn form_omits(form: &str, label: &str, keyword: &str, places: usize) -> Text {
    let (en_more, zh_more) = if places > 1 {
        let more = places - 1;
        (
            format!(
                " (here and in {more} more place{})",
                if more == 1 { "" } else { "s" }
            ),
            format!("（此处及另外 {more} 处）"),
        )
    } else {
        (String::new(), String::new())
    };
    t(
        format!(
            "form {form} has no place for {label} (`{keyword}`){en_more}: it is kept in the JSON output but not printed"
        ),
        format!(
            "表样 {form} 没有“{label}”（`{keyword}`）的位置{zh_more}：该内容保留在 JSON 输出中，但不会打印"
        ),
    )
}

pub fn label_not_printed(form: &str) -> Text {
    t(
        format!("not printed in form {form}"),
        format!("表样 {form} 不打印此项"),
    )
}

pub fn help_form_omits(form: crate::domain::Form) -> Text {
    match form {
        crate::domain::Form::Hunan => t(
            "to print it choose a form that has the column (`form mof-project` or `form mof-department`); to keep this form, silence the warning with `# bdl: allow B2021`",
            "如需打印，请选用有此栏目的表样（`form mof-project` 或 `form mof-department`）；如保留当前表样，可用 `# bdl: allow B2021` 关闭此提示",
        ),
        _ => t(
            "the Ministry's forms have no summary table and print the three most recent columns of earlier years; print the rest from the JSON output, or silence the warning with `# bdl: allow B2021`",
            "财政部表样没有汇总表，以前年度数只打印最近的三栏；其余内容请从 JSON 输出取用，或用 `# bdl: allow B2021` 关闭此提示",
        ),
    }
}

pub fn level1_score_outside_range(tier: &str, got: &str, low: &str, high: &str) -> Text {
    t(
        format!(
            "the weights under {tier} add up to {got}, outside its range of {low}-{high} points"
        ),
        format!("{tier}下各指标分值合计{got}分，超出其分值范围{low}-{high}分"),
    )
}

// ── Checks: the year-end self-evaluation ────────────────────────────────────────────────────────

pub fn actual_missing(name: &str) -> Text {
    t(
        format!("\"{name}\" has no actual value: it scores 0"),
        format!("{}未填写实际完成值，得0分", q(name)),
    )
}

pub fn label_no_actual() -> Text {
    t(
        "no `achieved` line for this indicator",
        "该指标没有 `achieved` 行",
    )
}

pub fn help_actual_missing(name: &str) -> Text {
    t(
        format!(
            "add `achieved \"{name}\" …` with what was achieved, at the end of the table's block"
        ),
        format!("在本表块末尾添加 `achieved \"{name}\" …`，写明实际完成值"),
    )
}

pub fn execution_missing() -> Text {
    t(
        "the table has no budget execution: 预算执行 scores 0",
        "本表未填写预算执行情况，预算执行得0分",
    )
}

pub fn label_no_execution() -> Text {
    t("no `execution` line", "没有 `execution` 行")
}

pub fn help_execution_missing() -> Text {
    t(
        "add `execution budget <全年预算数> spent <全年执行数>` to the table's block",
        "在本表块中添加 `execution budget 全年预算数 spent 全年执行数`",
    )
}

pub fn actual_wrong_kind(name: &str, m: &Mismatch) -> Text {
    match m {
        Mismatch::WordsForNumber => t(
            format!("\"{name}\" has a number as its target but words as its actual value"),
            format!("{}的指标值是数值，实际完成值却是文字", q(name)),
        ),
        Mismatch::NumberForWords => t(
            format!(
                "\"{name}\" has words or a date as its target but a number as its actual value"
            ),
            format!("{}的指标值是文字或日期，实际完成值却是数值", q(name)),
        ),
        Mismatch::Unit { target, actual } => t(
            format!("\"{name}\" is counted in {target} but its actual value in {actual}"),
            format!("{}的指标值以{target}计，实际完成值却以{actual}计", q(name)),
        ),
        Mismatch::UnknownResult => t(
            format!(
                "the actual value of \"{name}\" is neither one of the three results nor the target's own words"
            ),
            format!(
                "{}的实际完成值既不是三档结果之一，也不是指标值原文",
                q(name)
            ),
        ),
        Mismatch::NotConvertible => t(
            format!(
                "the actual value of \"{name}\" is too large to convert to the target's unit exactly"
            ),
            format!("{}的实际完成值过大，无法精确换算为指标值的单位", q(name)),
        ),
    }
}

pub fn label_wrong_kind(m: &Mismatch) -> Text {
    match m {
        Mismatch::UnknownResult => t("not a result", "不是评价结果"),
        Mismatch::NotConvertible => t("too large to convert", "过大，无法换算"),
        _ => t("not of the target's kind", "与指标值类型不符"),
    }
}

pub fn label_the_target() -> Text {
    t("the target", "指标值")
}

pub fn help_wrong_kind(m: &Mismatch) -> Text {
    match m {
        Mismatch::WordsForNumber | Mismatch::Unit { .. } | Mismatch::NotConvertible => t(
            "write the number achieved in the target's unit, the unit against the number (`312公里`, `81%`)",
            "按指标值的计量单位填写实际数值，单位紧跟数字（如 `312公里`、`81%`）",
        ),
        Mismatch::NumberForWords | Mismatch::UnknownResult => t(
            "write one of 达成, 部分达成, 未达成 (or a wording such as 完成, 基本完成, 未完成), or the target's own words",
            "填写达成、部分达成、未达成之一（或完成、基本完成、未完成等说法），或照录指标值原文",
        ),
    }
}

pub fn deviation_without_reason(name: &str, d: Deviation) -> Text {
    match d {
        Deviation::Missed => t(
            format!("\"{name}\" missed its target and gives no reason"),
            format!("{}未达到目标，但未说明偏差原因", q(name)),
        ),
        Deviation::Over(p) => t(
            format!(
                "\"{name}\" over-achieved its target by {}% and gives no reason",
                crate::present::figures::exact(p)
            ),
            format!(
                "{}超额完成目标{}%，但未说明偏差原因",
                q(name),
                crate::present::figures::exact(p)
            ),
        ),
    }
}

pub fn label_deviation(d: Deviation) -> Text {
    match d {
        Deviation::Missed => t("target missed", "未达目标"),
        Deviation::Over(_) => t("far beyond the target", "大幅超额完成"),
    }
}

pub fn help_deviation_reason(threshold: &str) -> Text {
    t(
        format!(
            "add `reason \"…\"` to the `achieved` line: a shortfall, or an over-achievement of {threshold}% or more, needs 偏差原因分析及改进措施"
        ),
        format!(
            "在 `achieved` 行加上 `reason \"…\"`：未达目标或超出目标{threshold}%及以上，须填写偏差原因分析及改进措施"
        ),
    )
}

pub fn score_contradicted(name: &str, typed: &str, rules: &str, band: bool) -> Text {
    if band {
        t(
            format!(
                "the score {typed} typed for \"{name}\" lies outside its result's band; the rules give {rules}"
            ),
            format!(
                "{}手填得分{typed}不在其评价结果的分数段内，按规则得{rules}",
                q(name)
            ),
        )
    } else {
        t(
            format!("the score {typed} typed for \"{name}\" differs from the rules' {rules}"),
            format!("{}手填得分{typed}，按评分规则应得{rules}", q(name)),
        )
    }
}

pub fn label_typed_score() -> Text {
    t("typed by hand", "手填得分")
}

pub fn help_score_contradicted(how: &Text) -> Text {
    t(
        format!(
            "the rules: {}; correct the score or remove `score`",
            how.get(crate::messages::Lang::En)
        ),
        format!(
            "按规则：{}；请改正或删去 `score`",
            how.get(crate::messages::Lang::Zh)
        ),
    )
}

pub fn execution_above_budget(spent: &str, budget: &str) -> Text {
    t(
        format!("{spent} was spent, more than the full-year budget {budget}"),
        format!("全年执行数{spent}超过全年预算数{budget}"),
    )
}

pub fn label_spent_above() -> Text {
    t("spent", "全年执行数")
}

pub fn label_full_year_budget() -> Text {
    t("the full-year budget", "全年预算数")
}

pub fn help_execution_above_budget() -> Text {
    t(
        "spending is within the adjusted budget: check both figures, or record the adjustment in `budget`; 预算执行 is capped at its points",
        "执行数不应超过调整后的预算数：请核对两个数，或在 `budget` 中填写调整后的预算；预算执行得分以分值为上限",
    )
}

pub fn execution_lines_mismatch(budget: bool, got: &str, want: &str) -> Text {
    let (en, zh) = if budget {
        ("full-year budgets", "全年预算数")
    } else {
        ("amounts spent", "全年执行数")
    };
    t(
        format!("the funding lines' {en} add up to {got}, not the total row's {want}"),
        format!("各资金来源的{zh}合计{got}，与年度资金总额的{want}不符"),
    )
}

pub fn label_total_row() -> Text {
    t("the total row", "年度资金总额")
}

pub fn help_execution_lines() -> Text {
    t(
        "each funding line's `execution` adds up to the table's own `execution`; correct the figures",
        "各资金来源的 `execution` 应合计为本表的 `execution`，请核对",
    )
}

pub fn block_weights_scaled(block: &str, weights: &str, points: &str) -> Text {
    t(
        format!(
            "the weights of the {block} indicators add up to {weights}, but profile mof gives {block} {points} points: each indicator's points are its weight × {points} ÷ {weights}"
        ),
        format!(
            "{block}指标的分值合计{weights}分，而 mof 评分方案给{block} {points} 分：各指标分值按 权重 × {points} ÷ {weights} 折算"
        ),
    )
}

pub fn label_block_weights(block: &str, weights: &str) -> Text {
    t(
        format!("{block} weighs {weights} in all"),
        format!("{block}合计{weights}分"),
    )
}

pub fn help_block_weights_scaled(block: &str, points: &str) -> Text {
    t(
        format!(
            "weigh the {block} indicators to {points} so the self-evaluation prints the 分值 declared, or choose `profile free-split` to split 90 points by the weights as declared"
        ),
        format!(
            "将{block}指标的分值调整为合计{points}分，使自评表与申报的分值一致；或选用 `profile free-split`，按申报的权重分配90分"
        ),
    )
}
