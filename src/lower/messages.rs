//! The texts of lowering: header facts, numbers, names, lines, directions and indicators, in both
//! languages.

use crate::domain::Breakdown;
use crate::messages::Text;
#[allow(unused_imports)]
pub(crate) use crate::messages::shared::*;

// ── Header, numbers, names ──────────────────────────────────────────────────────────────────────

/// `what`: which figure (`amount`, `count`, `price`, `months`); `text`: as written.
pub fn negative_number(what: NegativeWhat, text: &str) -> Text {
    let (en, zh) = match what {
        NegativeWhat::Amount => ("amount", "金额"),
        NegativeWhat::Count => ("count", "数量"),
        NegativeWhat::Price => ("price", "单价（标准）"),
        NegativeWhat::Months => ("number of months", "月数"),
    };
    t(
        format!("the {en} {text} is negative"),
        format!("{zh}{text}是负数"),
    )
}

/// Which figure is negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NegativeWhat {
    Amount,
    Count,
    Price,
    Months,
}

pub fn label_negative() -> Text {
    t("negative", "负数")
}

pub fn help_negative() -> Text {
    t(
        "budget amounts, counts, prices and months are never negative: write the figure without the minus sign, or correct it",
        "预算金额、人数数量、单价和月数都不能为负数：请去掉负号或更正数字",
    )
}

pub fn number_too_long() -> Text {
    t(
        "this number has too many digits to be exact",
        "这个数字位数过多，无法精确计算",
    )
}

pub fn label_more_than_28_digits() -> Text {
    t("more than 28 digits", "超过28位")
}

pub fn help_number_too_long() -> Text {
    t(
        "write at most 28 digits; a number this long is almost certainly a typing mistake",
        "最多写28位数字；这么长的数字几乎可以肯定是输入错误",
    )
}

pub fn amount_overflows() -> Text {
    t(
        "this amount is too large to compute exactly",
        "金额过大，无法精确计算",
    )
}

/// `operation`: the two operands and the operation (`500000000000000000000000000 × 612`).
pub fn label_overflows(operation: &str) -> Text {
    t(
        format!("overflows: {operation}"),
        format!("超出计算范围：{operation}"),
    )
}

/// `operation`: the two operands and the operation (`100000000000000000000000000 + 0.001`).
pub fn not_exact(operation: &str) -> Text {
    t(
        format!("{operation} has no exact result within 28 significant digits"),
        format!("{operation} 的结果超出 28 位有效数字，无法精确计算"),
    )
}

pub fn label_not_exact(operation: &str) -> Text {
    t(
        format!("would be rounded: {operation}"),
        format!("将被舍入：{operation}"),
    )
}

pub fn help_not_exact() -> Text {
    t(
        "bdl never rounds a figure silently: check the figures (a fraction too fine or a sum of very different sizes is almost always a typing mistake), or write the amount itself",
        "bdl 不会悄悄舍入金额：请核对数字（过细的小数或数量级相差悬殊的求和几乎都是输入错误），或直接填写金额",
    )
}

pub fn help_amount_overflows() -> Text {
    t(
        "check the figures: an amount this large is almost certainly a typing mistake",
        "请核对数字：这么大的金额几乎可以肯定是输入错误",
    )
}

pub fn no_framework() -> Text {
    t(
        "the document has indicators but names no framework",
        "文件中有绩效指标，但没有指明指标体系",
    )
}

pub fn label_which_framework() -> Text {
    t("which 指标体系?", "采用哪个指标体系？")
}

pub fn help_name_framework() -> Text {
    t(
        "add a header line such as `framework hunan` (or mof-2015, mof-2021, or a `framework { … }` tree)",
        "请在文件开头加一行，例如 `framework hunan`（或 mof-2015、mof-2021，或用 `framework { … }` 自定义指标体系）",
    )
}

pub fn unknown_direction(name: &str) -> Text {
    t(
        format!("no direction or project is named \"{name}\""),
        format!("没有名为{}的支出方向或项目", q(name)),
    )
}

/// A task's `for`: it may name a spending line (基本支出) too.
pub fn unknown_funder(name: &str) -> Text {
    t(
        format!("no direction, project or spending line is named \"{name}\""),
        format!("没有名为{}的支出方向、项目或支出行", q(name)),
    )
}

pub fn help_unknown_funder_suggest(suggestion: &str) -> Text {
    t(
        format!(
            "did you mean \"{suggestion}\"? A task is funded by a direction, a project or a spending line (such as 基本支出), named exactly as written"
        ),
        format!(
            "是否应为{}？任务的资金来源须是支出方向、项目或支出行（如 基本支出），名称须与所写的完全一致",
            q(suggestion)
        ),
    )
}

pub fn help_unknown_direction_suggest(suggestion: &str) -> Text {
    t(
        format!(
            "did you mean \"{suggestion}\"? A reference names a direction or project exactly as written after `direction`"
        ),
        format!(
            "是否应为{}？引用支出方向或项目时，名称须与 `direction` 后所写的完全一致",
            q(suggestion)
        ),
    )
}

pub fn help_no_directions() -> Text {
    t(
        "the document has no directions; add one with `direction \"名称\" …`",
        "文件中还没有支出方向，请用 `direction \"名称\" …` 添加",
    )
}

pub fn help_directions_are(known: &[String]) -> Text {
    let (en, zh) = quoted_list(known);
    t(
        format!("the directions are: {en}"),
        format!("现有的支出方向：{zh}"),
    )
}

pub fn header_twice(key: &str) -> Text {
    t(
        format!("`{key}` is given twice"),
        format!("`{key}` 填写了两次"),
    )
}

pub fn help_keep_one_line(key: &str) -> Text {
    t(
        format!("keep one `{key}` line"),
        format!("请只保留一行 `{key}`"),
    )
}

pub fn not_a_budget_year(text: &str) -> Text {
    t(
        format!("{text} is not a budget year"),
        format!("{text} 不是有效的预算年度"),
    )
}

pub fn label_not_a_year() -> Text {
    t("not a year", "不是年份")
}

pub fn help_write_year() -> Text {
    t(
        "write the four-digit budget year, for example `year 2021`",
        "请填写四位数的预算年度，例如 `year 2021`",
    )
}

pub fn precision_out_of_range() -> Text {
    t(
        "the precision must be between 0 and 8 decimals",
        "小数位数须在0到8位之间",
    )
}

pub fn label_out_of_range() -> Text {
    t("out of range", "超出范围")
}

pub fn help_precision() -> Text {
    t(
        "write `precision 4` for 万元 exact to 1 元, or `precision 2` for the common print precision",
        "以万元为单位并精确到1元，请写 `precision 4`；按常用的打印精度，请写 `precision 2`",
    )
}

pub fn no_budget_year() -> Text {
    t("the document has no budget year", "文件中没有预算年度")
}

pub fn label_titles_need_year() -> Text {
    t("the tables' titles need it", "表格标题需要预算年度")
}

pub fn help_add_year() -> Text {
    t(
        "add `year 2021` (the budget year) at the top of the file",
        "请在文件开头加上 `year 2021`（预算年度）",
    )
}

pub fn unknown_framework(name: &str) -> Text {
    t(
        format!("there is no framework profile named `{name}`"),
        format!("没有名为 `{name}` 的指标体系"),
    )
}

pub fn label_unknown_profile() -> Text {
    t("unknown profile", "无法识别的指标体系")
}

pub fn help_unknown_framework(suggestion: Option<&str>) -> Text {
    match suggestion {
        Some(s) => t(
            format!(
                "did you mean `framework {s}`? The profiles are hunan, mof-2015 and mof-2021, or declare a tree with `framework {{ category \"一级指标\" \"二级指标\" … }}`"
            ),
            format!(
                "是否应为 `framework {s}`？可选的指标体系有 hunan、mof-2015 和 mof-2021，也可以用 `framework {{ category \"一级指标\" \"二级指标\" … }}` 自定义"
            ),
        ),
        None => t(
            "the profiles are hunan, mof-2015 and mof-2021; or declare a tree with `framework { category \"一级指标\" \"二级指标\" … }`",
            "可选的指标体系有 hunan、mof-2015 和 mof-2021；也可以用 `framework { category \"一级指标\" \"二级指标\" … }` 自定义",
        ),
    }
}

pub fn framework_name_twice(name: &str) -> Text {
    t(
        format!("\"{name}\" appears twice in the framework"),
        format!("{}在指标体系中出现了两次", q(name)),
    )
}

pub fn help_framework_names_unique() -> Text {
    t(
        "each 一级指标 and 二级指标 of a framework must have its own name",
        "指标体系中一级指标、二级指标的名称都不能重复",
    )
}

// ── Income and spending lines ───────────────────────────────────────────────────────────────────

/// `what`: `income` or `spending`.
pub fn line_declared_twice(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!("the {what} line \"{name}\" is declared twice"),
        format!("{}项{}申报了两次", side_zh(what), q(name)),
    )
}

pub fn label_declared_again() -> Text {
    t("declared again here", "此处再次申报")
}

pub fn label_first_declared() -> Text {
    t("first declared here", "首次申报于此")
}

pub fn help_line_names_unique() -> Text {
    t(
        "give each line its own name, or merge the two lines into one",
        "请为每一项取不同的名称，或将两项合并为一项",
    )
}

pub fn line_without_amount(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!("the {what} line \"{name}\" has no amount"),
        format!("{}项{}没有金额", side_zh(what), q(name)),
    )
}

pub fn help_line_without_amount(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!(
            "write the amount after the name (`{what} \"{name}\" 12.5`), or derive it (`= directions`, `= \"A\" + \"B\"`, or 其中 lines in `{{ … }}`)"
        ),
        format!(
            "请在名称后填写金额（`{what} \"{name}\" 12.5`），或写明如何计算（`= directions`、`= \"A\" + \"B\"`，或在 `{{ … }}` 中列出其中项）"
        ),
    )
}

/// `chain`: `项目支出 → 专项业务费 → 项目支出`.
pub fn derived_from_itself(name: &str, chain: &str) -> Text {
    t(
        format!("\"{name}\" is derived from itself: {chain}"),
        format!("{}的金额循环引用了自身：{chain}", q(name)),
    )
}

pub fn label_refers_back() -> Text {
    t("refers back to a line being derived", "引用了正在计算的项")
}

pub fn help_derived_from_itself() -> Text {
    t(
        "a line can be the sum of other lines, but not of itself through them; declare one of the amounts",
        "一项可以是其他项之和，但不能经由它们绕回自身；请直接填写其中一项的金额",
    )
}

pub fn no_such_line(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!("there is no {what} line named \"{name}\""),
        format!("没有名为{}的{}项", q(name), side_zh(what)),
    )
}

pub fn help_name_a_line(what: Breakdown) -> Text {
    let what = what.keyword();
    t(
        format!("name one of the {what} lines of this breakdown"),
        format!("请填写本表已有的{}项名称", side_zh(what)),
    )
}

/// `did you mean `spending "项目支出"`?` in a reference.
pub fn help_line_reference_suggest(what: Breakdown, suggestion: &str) -> Text {
    let what = what.keyword();
    crate::syntax::messages::did_you_mean_code(&format!("{what} \"{suggestion}\""))
}

pub fn help_no_lines(what: Breakdown) -> Text {
    let what = what.keyword();
    t(
        format!("the document declares no {what} lines"),
        format!("文件中没有申报{}项", side_zh(what)),
    )
}

pub fn help_lines_are(what: Breakdown, known: &[String]) -> Text {
    let what = what.keyword();
    let (en, zh) = quoted_list(known);
    t(
        format!("the {what} lines are: {en}"),
        format!("现有的{}项：{zh}", side_zh(what)),
    )
}

// ── Directions ──────────────────────────────────────────────────────────────────────────────────

pub fn direction_named_twice(name: &str) -> Text {
    t(
        format!("two directions are named \"{name}\""),
        format!("有两个支出方向都叫{}", q(name)),
    )
}

pub fn label_named_again() -> Text {
    t("named again here", "此处再次使用该名称")
}

pub fn label_first_named() -> Text {
    t("first named here", "首次使用于此")
}

pub fn help_direction_names_unique() -> Text {
    t(
        "give each direction or project its own name; references and the summary table tell them apart by name",
        "请为每个支出方向或项目取不同的名称；引用和汇总表都按名称区分它们",
    )
}

pub fn period_unreadable(period: &str) -> Text {
    t(
        format!("the period \"{period}\" is kept as written"),
        format!("实施期{}无法识别，按原文保留", q(period)),
    )
}

pub fn label_period_unreadable() -> Text {
    t("not read as dates or a length", "无法识别为日期或期限")
}

pub fn help_period_forms() -> Text {
    t(
        "write it as 1年, 36个月, 2021-2025年, 2024.07-2025.06, 2024年3月-2025年2月, 2024-01-01至2024-12-31 or 长期 so bdl can check it against the budget year",
        "请写成 1年、36个月、2021-2025年、2024.07-2025.06、2024年3月-2025年2月、2024-01-01至2024-12-31 或 长期 等形式，以便与预算年度核对",
    )
}

pub fn cost_labelled_twice(label: &str) -> Text {
    t(
        format!("two costs are labelled \"{label}\""),
        format!("有两个成本项都叫{}", q(label)),
    )
}

pub fn label_labelled_again() -> Text {
    t("labelled again here", "此处再次使用该名称")
}

pub fn label_first_labelled() -> Text {
    t("first labelled here", "首次使用于此")
}

pub fn help_cost_labels_unique() -> Text {
    t(
        "give each cost line of a direction its own label",
        "同一支出方向下的各成本项请使用不同的名称",
    )
}

pub fn direction_without_amount(name: &str) -> Text {
    t(
        format!("\"{name}\" has no amount"),
        format!("{}没有金额", q(name)),
    )
}

pub fn label_no_amount_no_basis() -> Text {
    t("no amount and no cost basis", "既没有金额，也没有测算依据")
}

pub fn help_direction_without_amount() -> Text {
    t(
        "give the amount (`amount 36.72`), a cost basis (`< people 50 rate 612/month >` or `cost \"项\" < qty 40 台 price 1500 >`), or sub-directions",
        "请填写金额（`amount 36.72`）、测算依据（`< people 50 rate 612/month >` 或 `cost \"项\" < qty 40 台 price 1500 >`）或子方向",
    )
}

pub fn direction_fact_twice(key: &str) -> Text {
    t(
        format!("`{key}` is given twice in this direction"),
        format!("本支出方向中 `{key}` 填写了两次"),
    )
}

// ── Indicators ──────────────────────────────────────────────────────────────────────────────────

pub fn indicator_option_twice(key: &str) -> Text {
    t(
        format!("`{key}` is given twice for this indicator"),
        format!("本指标的 `{key}` 填写了两次"),
    )
}

pub fn help_keep_one(key: &str) -> Text {
    t(format!("keep one `{key}`"), format!("请只保留一个 `{key}`"))
}

pub fn unknown_sense(value: &str) -> Text {
    t(
        format!("`sense {value}` is neither 正向 nor 反向"),
        format!("`sense {value}` 既不是正向，也不是反向"),
    )
}

pub fn label_unknown_sense() -> Text {
    t("unknown 指标方向", "无法识别的指标方向")
}

pub fn help_sense() -> Text {
    t(
        "write `sense 正向` (more is better) or `sense 反向` (less is better), or leave it out to follow the operator",
        "请写 `sense 正向`（越大越好）或 `sense 反向`（越小越好）；也可以不写，按比较符号确定",
    )
}

pub fn unknown_level2(name: &str, framework: &str) -> Text {
    t(
        format!("\"{name}\" is not a 二级指标 of the {framework} framework"),
        format!("{}不是{}中的二级指标", q(name), framework_zh(framework)),
    )
}

pub fn label_unknown_level2() -> Text {
    t("unknown 二级指标", "无法识别的二级指标")
}

/// A 一级指标 written where the 二级指标 goes; `under`: its 二级指标.
pub fn help_level1_as_level2(name: &str, under: &[&str]) -> Text {
    t(
        format!(
            "{name} is a 一级指标; name the 二级指标 under it: {}",
            list_en(under)
        ),
        format!("{name}是一级指标，请填写其下的二级指标：{}", list_zh(under)),
    )
}

pub fn help_level2_are(suggestion: Option<&str>, framework: &str, categories: &[&str]) -> Text {
    let (en, zh) = (list_en(categories), list_zh(categories));
    let fw = framework_zh(framework);
    match suggestion {
        Some(s) => t(
            format!("did you mean `{s}`? The {framework} framework's 二级指标 are: {en}"),
            format!("是否应为 `{s}`？{fw}的二级指标有：{zh}"),
        ),
        None => t(
            format!("the {framework} framework's 二级指标 are: {en}"),
            format!("{fw}的二级指标有：{zh}"),
        ),
    }
}

pub fn unknown_level1(name: &str, framework: &str) -> Text {
    t(
        format!("\"{name}\" is not a 一级指标 of the {framework} framework"),
        format!("{}不是{}中的一级指标", q(name), framework_zh(framework)),
    )
}

pub fn label_unknown_level1() -> Text {
    t("unknown 一级指标", "无法识别的一级指标")
}

pub fn help_level1_are(suggestion: Option<&str>, framework: &str, tiers: &[&str]) -> Text {
    let (en, zh) = (list_en(tiers), list_zh(tiers));
    match suggestion {
        Some(s) => t(
            format!("did you mean `{s}`? The 一级指标 are: {en}"),
            format!("是否应为 `{s}`？一级指标有：{zh}"),
        ),
        None => t(
            format!("the {framework} framework's 一级指标 are: {en}"),
            format!("{}的一级指标有：{zh}", framework_zh(framework)),
        ),
    }
}

pub fn wrong_level1(name: &str, right: &str, written: &str) -> Text {
    t(
        format!("\"{name}\" belongs under {right}, not under {written}"),
        format!("{}应归入{right}，而不是{written}", q(name)),
    )
}

pub fn label_should_be(right: &str) -> Text {
    t(format!("should be {right}"), format!("应为{right}"))
}

pub fn label_level2_of(tier: &str) -> Text {
    t(
        format!("a 二级指标 of {tier}"),
        format!("{tier}下的二级指标"),
    )
}

pub fn help_wrong_level1(right: &str) -> Text {
    t(
        format!("write `{right}` here, or leave the 一级指标 out: the framework knows it"),
        format!("请在此处写 `{right}`，或者不写一级指标：指标体系会自动归类"),
    )
}

/// `what`: the reference keyword (`people`, `qty`, `amount`).
pub fn reference_needs_direction(what: &str) -> Text {
    t(
        format!("`{what}` outside a direction must say which direction it counts"),
        format!("在支出方向之外使用 `{what}`，须注明统计的是哪个支出方向"),
    )
}

pub fn label_which_direction() -> Text {
    t("of which direction?", "哪个支出方向？")
}

pub fn help_reference_of(what: &str, example: &str) -> Text {
    t(
        format!("write `{what} of \"{example}\"`"),
        format!("请写成 `{what} of \"{example}\"`"),
    )
}

pub fn counts_no_people(name: &str) -> Text {
    t(
        format!("\"{name}\" counts no people"),
        format!("{}不是按人数测算的", q(name)),
    )
}

pub fn label_no_people_basis() -> Text {
    t("no `people` basis to count", "没有可统计的 `people` 依据")
}

pub fn label_direction_has_no_people() -> Text {
    t(
        "this direction has no `people N` basis",
        "该支出方向没有 `people N` 测算依据",
    )
}

pub fn help_counts_no_people() -> Text {
    t(
        "give the direction a basis such as `< people 50 rate 612/month >`, or write the number itself (`= 50人`)",
        "请为该支出方向写上测算依据，如 `< people 50 rate 612/month >`，或直接写出人数（`= 50人`）",
    )
}

pub fn has_no_qty(name: &str) -> Text {
    t(
        format!("\"{name}\" has no `qty` basis"),
        format!("{}没有 `qty` 测算依据", q(name)),
    )
}

pub fn label_nothing_to_count() -> Text {
    t("nothing to count", "没有可统计的数量")
}

pub fn help_has_no_qty() -> Text {
    t(
        "give the direction a basis such as `< qty 40 台 price 1500 >`, or write the number itself",
        "请为该支出方向写上测算依据，如 `< qty 40 台 price 1500 >`，或直接写出数量",
    )
}

pub fn counts_in_two_units(name: &str, unit: &str, other: &str) -> Text {
    t(
        format!("\"{name}\" counts in {unit} and in {other}: they cannot be added"),
        format!("{}的数量分别以“{unit}”和“{other}”计，不能相加", q(name)),
    )
}

pub fn label_another_unit() -> Text {
    t("another unit", "另一种单位")
}

pub fn label_adds_them_up() -> Text {
    t("adds them up", "此处将它们相加")
}

pub fn help_counts_in_two_units() -> Text {
    t(
        "refer to one count only by writing the number, or split the direction",
        "请直接写出数字，只引用其中一种数量；或将该支出方向拆分",
    )
}

pub fn no_total() -> Text {
    t(
        "the document has no total to refer to",
        "文件中没有可引用的资金总额",
    )
}

pub fn label_no_total() -> Text {
    t("no 资金总额", "没有资金总额")
}

pub fn help_no_total() -> Text {
    t(
        "declare `total …` or income / spending lines",
        "请填写 `total …`，或申报收入、支出各项",
    )
}

// ── Forms and distribution lists ────────────────────────────────────────────────────────────────

pub fn share_named_twice(name: &str) -> Text {
    t(
        format!("two shares of this project go to \"{name}\""),
        format!("本项目的资金分配表中{}出现了两次", q(name)),
    )
}

pub fn help_share_names_unique() -> Text {
    t(
        "write one `share` line per recipient, with its whole amount",
        "每个分配对象只写一行 `share`，金额写其全部分配数",
    )
}

pub fn unknown_form(name: &str) -> Text {
    t(
        format!("there is no form named `{name}`"),
        format!("没有名为 `{name}` 的表样"),
    )
}

pub fn label_unknown_form() -> Text {
    t("unknown form", "未知表样")
}

pub fn help_forms(suggestion: Option<&str>) -> Text {
    let (en, zh) = match suggestion {
        Some(s) => (
            format!("did you mean `form {s}`? "),
            format!("是否应为 `form {s}`？"),
        ),
        None => (String::new(), String::new()),
    };
    t(
        format!(
            "{en}The forms are hunan (the Hunan forms), mof-project (财政部 项目支出绩效目标表) and mof-department (财政部 部门整体支出绩效目标表)"
        ),
        format!(
            "{zh}可用的表样为 hunan（湖南省表样）、mof-project（财政部项目支出绩效目标表）和 mof-department（财政部部门整体支出绩效目标表）"
        ),
    )
}

pub fn help_partial_line_without_amount(what: Breakdown, name: &str) -> Text {
    let what = what.keyword();
    t(
        format!(
            "a `partial` line lists only some of its parts, so they cannot give its amount: write it (`{what} \"{name}\" 120 partial {{`)"
        ),
        format!(
            "标为 `partial` 的项只列出部分组成，无法由其推算金额：请填写其金额（`{what} \"{name}\" 120 partial {{`）"
        ),
    )
}

// ── Figures of earlier years ────────────────────────────────────────────────────────────────────

pub fn not_an_earlier_year(text: &str, budget_year: Option<i32>) -> Text {
    match budget_year {
        Some(y) => t(
            format!("{text} is not a year before the budget year {y}"),
            format!("{text} 不是预算年度 {y} 之前的年份"),
        ),
        None => t(
            format!("{text} is not a year"),
            format!("{text} 不是有效的年份"),
        ),
    }
}

pub fn label_not_an_earlier_year() -> Text {
    t("not an earlier year", "不是以前年度")
}

pub fn help_earlier_year() -> Text {
    t(
        "write the year of the figure, before the budget year (`prior final 2023 150`), or leave it out for the year before",
        "请写出该数额所属的年份（早于预算年度，如 `prior final 2023 150`），上一年度可省略年份",
    )
}

// ── Scores ──────────────────────────────────────────────────────────────────────────────────────

pub fn score_range_reversed(low: &str, high: &str) -> Text {
    t(
        format!("the range {low}-{high} ends below where it starts"),
        format!("分值范围 {low}-{high} 的上限小于下限"),
    )
}

pub fn label_score_range_reversed() -> Text {
    t("reversed range", "范围颠倒")
}

pub fn help_score_range() -> Text {
    t(
        "write the lower end first: `产出指标 30-50`",
        "请先写下限：`产出指标 30-50`",
    )
}

// ── Year-end facts ──────────────────────────────────────────────────────────────────────────────

pub fn year_end_unknown_name(name: &str, indicator: bool) -> Text {
    if indicator {
        t(
            format!("no 年度 indicator of this table is named \"{name}\""),
            format!("本表的年度指标中没有{}", q(name)),
        )
    } else {
        t(
            format!("no funding line of this table is named \"{name}\""),
            format!("本表的资金来源中没有{}", q(name)),
        )
    }
}

pub fn label_not_in_table() -> Text {
    t("not in this table", "本表中没有")
}

pub fn help_year_end_name(near: &[String], indicator: bool) -> Text {
    let what = if indicator {
        ("an indicator", "指标")
    } else {
        ("a funding line", "资金来源")
    };
    match near.first() {
        Some(n) => t(
            format!(
                "did you mean \"{n}\"? A year-end fact names {} of the table it is written in, exactly as declared",
                what.0
            ),
            format!(
                "是否是{}？年终事实应按申报时的名称引用所在表中的{}",
                q(n),
                what.1
            ),
        ),
        None => t(
            format!(
                "write the year-end fact inside the block of the table whose {} it completes, with its name as declared",
                what.0.trim_start_matches("an ").trim_start_matches("a ")
            ),
            format!("把年终事实写在其{}所在表的块内，名称与申报时一致", what.1),
        ),
    }
}

pub fn year_end_twice(what: &str) -> Text {
    t(
        format!("the year-end fact for \"{what}\" is given twice"),
        format!("{}的年终事实填写了两次", q(what)),
    )
}

pub fn unknown_profile(name: &str) -> Text {
    t(
        format!("\"{name}\" is not a known scoring profile"),
        format!("{}不是已知的评分方案", q(name)),
    )
}

pub fn unknown_inverse(name: &str) -> Text {
    t(
        format!("\"{name}\" is not a known rule for ≤ indicators"),
        format!("{}不是已知的反向指标计分规则", q(name)),
    )
}

pub fn bad_grades() -> Text {
    t(
        "the grade thresholds must fall from 优 to 中, between 0 and 100",
        "等级分数线须由优到中依次降低，且在 0 到 100 之间",
    )
}

pub fn bad_deviation() -> Text {
    t(
        "the deviation threshold is a percentage above 0 and at most 100",
        "偏差阈值须为大于 0、不超过 100 的百分数",
    )
}

pub fn label_not_known() -> Text {
    t("not known", "未知")
}

pub fn help_profile(known: &[&str]) -> Text {
    if known.is_empty() {
        t(
            "write `profile mof grades 90 80 60 inverse linear deviation 20` (see docs/self-evaluation.md)",
            "写作 `profile mof grades 90 80 60 inverse linear deviation 20`（见 docs/self-evaluation.md）",
        )
    } else {
        t(
            format!("known: {}", known.join(", ")),
            format!("可用：{}", known.join("、")),
        )
    }
}

pub fn year_end_without_table(name: &str) -> Text {
    t(
        format!("\"{name}\" prints no table of its own, so its year-end facts have nowhere to go"),
        format!("{}没有自己的表，其年终事实无处填列", q(name)),
    )
}

pub fn label_no_table() -> Text {
    t("no table to complete", "无对应的表")
}

pub fn label_cost_item() -> Text {
    t("a cost item of its parent", "其上级的成本项")
}

pub fn help_year_end_without_table() -> Text {
    t(
        "write the execution and outcome in the block of the direction or project whose table includes it",
        "请把执行情况和完成情况写在包含它的支出方向或项目的块中",
    )
}
