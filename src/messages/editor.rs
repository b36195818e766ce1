//! The texts an editor shows (hover, completion, quick fixes, the outline), in English and Chinese.
//! Figures, units, keywords and code stay as written.

use super::Text;

fn t(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text::new(en, zh)
}

// ── Hover ───────────────────────────────────────────────────────────────────────────────────────

/// The heading of a hover on a figure: `**信访岗位津贴** 1.878万元`.
pub fn hover_figure(name: &str, shown: &str) -> Text {
    t(format!("**{name}** {shown}"), format!("**{name}** {shown}"))
}

/// `computed: 50人 × 612元/人/月 × 12月 = 367200元`, from the figure's provenance in both languages.
pub fn hover_computed(how: &Text) -> Text {
    t(format!("computed: {}", how.en), format!("计算：{}", how.zh))
}

/// A sum and its parts: `computed: a; b = 1.878万元`.
pub fn hover_sum(parts: &Text, shown: &str) -> Text {
    t(
        format!("computed: {} = {shown}", parts.en),
        format!("计算：{} = {shown}", parts.zh),
    )
}

/// The end of a sum's list of parts cut short: ` + … (12 more)`.
pub fn more_parts(n: usize) -> Text {
    t(format!(" + … ({n} more)"), format!(" + …（另 {n} 项）"))
}

pub fn hover_declared(shown: &str) -> Text {
    t(format!("declared: {shown}"), format!("填报：{shown}"))
}

pub fn hover_declared_only(shown: &str) -> Text {
    t(
        format!("declared: {shown} (nothing to compute it from)"),
        format!("填报：{shown}（无测算依据）"),
    )
}

pub fn hover_total_of_breakdowns(income: &str, spending: &str) -> Text {
    t(
        format!("income adds up to {income}, spending to {spending}"),
        format!("按收入性质合计 {income}，按支出性质合计 {spending}"),
    )
}

/// A category's place: `产出指标 › 产出数量` in the framework `hunan`.
pub fn hover_category(framework: &str, tier: &str, category: &str, written: &str) -> Text {
    let fw_zh = if framework == "custom" {
        "自定义指标体系".to_string()
    } else {
        format!("“{framework}”指标体系")
    };
    let fw_en = if framework == "custom" {
        "the document's own framework".to_string()
    } else {
        format!("framework `{framework}`")
    };
    let alias_en = if written == category {
        String::new()
    } else {
        format!(" (written `{written}`)")
    };
    let alias_zh = if written == category {
        String::new()
    } else {
        format!("（写作 `{written}`）")
    };
    t(
        format!("**{tier} › {category}**{alias_en}\n\n一级指标 › 二级指标 in {fw_en}"),
        format!("**{tier} › {category}**{alias_zh}\n\n{fw_zh}的一级指标 › 二级指标"),
    )
}

/// A 一级指标 written in a `scores` line: its place, its 二级指标 and the points written.
pub fn hover_tier(framework: &str, tier: &str, categories: &[String], points: &str) -> Text {
    let list = categories.join("、");
    t(
        format!(
            "**{tier}**: 一级指标 of framework `{framework}`, worth {points}\n\n二级指标: {list}"
        ),
        format!("**{tier}**：“{framework}”指标体系的一级指标，分值 {points}\n\n二级指标：{list}"),
    )
}

/// An `achieved` line: the target and what was achieved.
pub fn hover_achieved(name: &str, target: &str, actual: &str) -> Text {
    t(
        format!("**{name}**: target {target} → achieved {actual}"),
        format!("**{name}**：目标 {target} → 实际 {actual}"),
    )
}

/// A year-end line's score: `得分 9.00/10（按完成比例）：81 ÷ 90 × 10 = 9.00`.
pub fn hover_score(score: &str, points: &str, rule: &Text, how: &Text) -> Text {
    t(
        format!("score {score} of {points} ({}): {}", rule.en, how.en),
        format!("得分 {score}/{points}（{}）：{}", rule.zh, how.zh),
    )
}

/// A score typed by hand, and whether the rules agree with it.
pub fn hover_typed_score(typed: &str, contradicted: bool) -> Text {
    if contradicted {
        t(
            format!("typed {typed}: the rules give another score (B4065)"),
            format!("手填 {typed}：与评分规则不符（B4065）"),
        )
    } else {
        t(
            format!("typed {typed}: within what the rules allow"),
            format!("手填 {typed}：符合评分规则"),
        )
    }
}

/// An `execution` line: 全年预算数, 全年执行数 and 执行率, of the table or of one funding line.
pub fn hover_execution(line: Option<&str>, budget: &str, spent: &str, rate: Option<&str>) -> Text {
    let (head_en, head_zh) = match line {
        Some(l) => (
            format!("**execution of {l}**"),
            format!("**预算执行 · {l}**"),
        ),
        None => (
            "**budget execution**".to_string(),
            "**预算执行**".to_string(),
        ),
    };
    let (rate_en, rate_zh) = match rate {
        Some(r) => (
            format!("rate {spent} ÷ {budget} = {r}%"),
            format!("执行率 {spent} ÷ {budget} = {r}%"),
        ),
        None => (
            "no rate: the budget is 0".to_string(),
            "全年预算数为0，无执行率".to_string(),
        ),
    };
    t(
        format!("{head_en}: full-year budget {budget}, spent {spent}\n\n{rate_en}"),
        format!("{head_zh}：全年预算数 {budget}，全年执行数 {spent}\n\n{rate_zh}"),
    )
}

/// A figure of an earlier year: `prior budget 2024 84` → `**公共阅读服务提升** 2024年预算数 84万元`.
pub fn hover_earlier(name: &str, year: i32, keyword: &str, kind_zh: &str, shown: &str) -> Text {
    t(
        format!("**{name}** {year} `{keyword}` ({kind_zh}): {shown}"),
        format!("**{name}** {year}年{kind_zh}：{shown}"),
    )
}

/// A task's amount by source, and how it compares with the amount declared.
pub fn hover_task_sources(parts: &str, sum: &str, declared: Option<(&str, bool)>) -> Text {
    let (en, zh) = match declared {
        Some((d, true)) => (format!(" = amount {d}"), format!("，与金额 {d} 一致")),
        Some((d, false)) => (
            format!(", but the amount is {d}"),
            format!("，与金额 {d} 不符"),
        ),
        None => (String::new(), String::new()),
    };
    t(
        format!("by source: {parts} = {sum}{en}"),
        format!("按来源：{parts} = {sum}{zh}"),
    )
}

/// What funds a task: a direction, project or spending line, and its amount.
pub fn hover_task_funder(name: &str, shown: &str) -> Text {
    t(
        format!("funded by “{name}” ({shown})"),
        format!("资金来源：“{name}”（{shown}）"),
    )
}

pub fn hover_unknown_category(framework: &str) -> Text {
    t(
        format!("not a category of framework `{framework}`"),
        format!("不是“{framework}”指标体系的二级指标"),
    )
}

/// A code's heading: `B3010: title`, with its page's summary below.
pub fn hover_code(code: &str, title_en: &str, summary_en: &str, summary_zh: &str) -> Text {
    t(
        format!("**{code}**: {title_en}\n\n{summary_en}\n\n`bdl explain {code}`"),
        format!("**{code}**：{summary_zh}\n\n`bdl explain {code}`"),
    )
}

/// The scoring profile's split of the 100 points (docs/self-evaluation.md, Profiles).
pub fn hover_profile(kind: crate::domain::scoring::ProfileKind, execution: &str) -> Text {
    use crate::domain::scoring::ProfileKind;
    match kind {
        ProfileKind::Mof => t(
            format!(
                "**Scoring profile `mof`** (the Ministry's): 预算执行 {execution}, 产出 50 (成本 counts as 产出), 效益 30, 满意度 10 (to 效益 when there is no 满意度 indicator); within a block by the indicators' weights, else evenly"
            ),
            format!(
                "**评分方案 `mof`**（财政部）：预算执行 {execution} 分，产出 50 分（成本指标计入产出），效益 30 分，满意度 10 分（无满意度指标时计入效益）；块内按指标分值分配，未写分值时平均分配"
            ),
        ),
        ProfileKind::FreeSplit => t(
            format!(
                "**Scoring profile `free-split`** (the Sichuan form): 预算执行 {execution}, and 90 split by the 年度 indicators' own weights (else evenly)"
            ),
            format!(
                "**评分方案 `free-split`**（四川表样）：预算执行 {execution} 分，其余 90 分按各年度指标的分值分配（未写分值时平均分配）"
            ),
        ),
    }
}

pub fn hover_profile_grades(a: &str, b: &str, c: &str) -> Text {
    t(
        format!("Grades: 优 from {a}, 良 from {b}, 中 from {c}, below {c} 差"),
        format!("等级：{a} 分及以上为优，{b} 分及以上为良，{c} 分及以上为中，{c} 分以下为差"),
    )
}

pub fn hover_profile_options(inverse: crate::domain::scoring::Inverse, deviation: &str) -> Text {
    use crate::domain::scoring::Inverse;
    let (en, zh) = match inverse {
        Inverse::Linear => (
            "falls linearly to 0 at twice the target",
            "按线性递减，至目标值的两倍时为 0 分",
        ),
        Inverse::Ratio => (
            "scores target ÷ actual × points",
            "按 目标值 ÷ 实际值 × 分值 计分",
        ),
    };
    t(
        format!(
            "A ≤ indicator above its target {en}; a shortfall, or {deviation}% or more over the target, needs a `reason`"
        ),
        format!("≤ 类指标超出目标值时{zh}；未达目标或超出目标 {deviation}% 及以上须写明 `reason`"),
    )
}

pub fn hover_left_out() -> Text {
    t(
        "This line does not parse yet: hover, hints and the outline leave it out until it does.",
        "此行尚不能解析：悬停、提示和大纲暂不包括此行。",
    )
}

// ── Quick fixes ─────────────────────────────────────────────────────────────────────────────────

pub fn fix_replace(old: &str, new: &str) -> Text {
    t(
        format!("Replace `{old}` with `{new}`"),
        format!("将 `{old}` 改为 `{new}`"),
    )
}

pub fn fix_half_width() -> Text {
    t(
        "Replace full-width punctuation with ASCII",
        "将全角符号改为半角（ASCII）",
    )
}

pub fn fix_use_derived(declared: &str, derived: &str) -> Text {
    t(
        format!("Replace the declared {declared} with the computed {derived}"),
        format!("将填报的 {declared} 改为计算所得的 {derived}"),
    )
}

pub fn fix_add_satisfaction(category: &str) -> Text {
    t(
        format!("Add a satisfaction indicator ({category})"),
        format!("添加满意度指标（{category}）"),
    )
}

pub fn fix_add_achieved(indicator: &str) -> Text {
    t(
        format!("Add the year-end achieved value of “{indicator}”"),
        format!("添加“{indicator}”的实际完成值（achieved）"),
    )
}

/// The name of the satisfaction indicator a quick fix adds, to be edited.
pub fn satisfaction_indicator_name() -> &'static str {
    "服务对象满意度"
}

pub fn fix_format() -> Text {
    t("Format the file (bdl fmt)", "格式化文件（bdl fmt）")
}

// ── Formatting ──────────────────────────────────────────────────────────────────────────────────

pub fn format_refused(errors: usize) -> Text {
    t(
        format!(
            "Not formatted: the file has {errors} syntax error(s); formatting waits until it parses."
        ),
        format!("未格式化：文件有 {errors} 处语法错误，修正后才能格式化。"),
    )
}

// ── Completion ──────────────────────────────────────────────────────────────────────────────────

/// What a keyword writes, for the completion list.
/// `budget` after `execution`: this year's figure, not an earlier one's.
pub fn execution_budget_meaning() -> Text {
    t("the full-year budget (全年预算数)", "全年预算数")
}

pub fn keyword_meaning(keyword: &str) -> Text {
    let (en, zh) = match keyword {
        "year" => ("the budget year", "预算年度"),
        "filer" => ("the filing unit", "填报单位"),
        "department" => ("the department", "部门名称"),
        "unit" => ("the money unit of every amount", "金额单位"),
        "precision" => ("decimals printed in tables", "表中金额的小数位数"),
        "framework" => ("the indicator framework", "指标体系"),
        "category" => ("a 一级指标 and its 二级指标", "一级指标及其二级指标"),
        "total" => ("资金总额, checked against the breakdowns", "资金总额"),
        "income" => ("a line by source of funds", "按收入性质分"),
        "spending" => ("a line by nature of spending", "按支出性质分"),
        "duty" => ("a duty of the department", "部门职责"),
        "goal" => ("a goal", "绩效目标"),
        "plan" => ("a work plan item", "年度重点工作计划"),
        "task" => ("a task tied to a duty and its funding", "履职目标"),
        "indicator" => ("an indicator row", "绩效指标"),
        "overall" => (
            "an indicator for the whole period",
            "实施期（总体）绩效指标",
        ),
        "direction" => ("a spending direction", "专项资金支出方向"),
        "project" => ("a project", "项目"),
        "special" => ("the special fund", "所属专项"),
        "kind" => ("the project type", "项目类型"),
        "period" => ("the implementation period", "项目实施期"),
        "amount" => ("the amount, given", "金额"),
        "cost" => ("a cost item computed from a basis", "测算依据（成本项）"),
        "annual" => ("the annual goal", "年度绩效目标"),
        "summary-goal" => (
            "the goal as the summary table words it",
            "汇总表中的实施期目标",
        ),
        "summary-annual" => (
            "the annual goal as the summary table words it",
            "汇总表中的年度目标",
        ),
        "people" => ("people counted in the bases", "人数"),
        "qty" => ("a quantity counted in the bases", "数量"),
        "directions" => ("the sum of the directions", "各支出方向之和"),
        "note" => ("备注", "备注"),
        "standard" => ("绩效标准", "绩效标准"),
        "weight" => ("权重 / 分值", "权重 / 分值"),
        "explain" => ("指标解释", "指标解释"),
        "scoring" => ("评（扣）分标准", "评（扣）分标准"),
        "sense" => ("指标方向: 正向 or 反向", "指标方向：正向或反向"),
        "from" => ("checked against a derived number", "与推算数核对"),
        "of" => ("names the direction", "指定支出方向"),
        "rate" => ("元 per unit per month or year", "标准（元/月或元/年）"),
        "price" => ("元 per unit, once", "单价（元）"),
        "months" => ("months the rate runs for", "月数"),
        "content" => ("主要内容: what the task does", "主要内容"),
        "prior" => (
            "a figure of an earlier year: prior budget|actual|final [YEAR] N",
            "以前年度数：prior budget|actual|final [年份] 金额",
        ),
        "basis" => ("测算依据 in words", "测算依据（文字）"),
        "by" => ("the responsible unit", "责任单位"),
        "for" => ("the direction that funds it", "资金来源的支出方向"),
        "scores" => (
            "the 分值 of each 一级指标, and their total",
            "各一级指标分值及合计",
        ),
        "budget" => (
            "after prior: an earlier year's budget (预算数); after execution: the full-year budget (全年预算数)",
            "prior 后为以前年度预算数；execution 后为全年预算数",
        ),
        "actual" => ("after prior: the amount spent (执行数)", "上年执行数"),
        "final" => ("after prior: the final accounts (决算数)", "决算数"),
        "partial" => (
            "the 其中 lines list only some of the parts",
            "其中各项仅列出部分",
        ),
        "achieved" => (
            "year-end: what an indicator achieved (实际完成值)",
            "年终：指标的实际完成值",
        ),
        "execution" => (
            "year-end: full-year budget and amount spent",
            "年终：全年预算数和全年执行数",
        ),
        "outcome" => (
            "year-end: how the annual goal was met",
            "年终：年度总体目标实际完成情况",
        ),
        "profile" => ("how the self-evaluation is scored", "自评评分方案"),
        "reason" => ("偏差原因分析及改进措施", "偏差原因分析及改进措施"),
        "score" => ("a score typed by hand, checked", "手填得分（会核对）"),
        "spent" => ("全年执行数", "全年执行数"),
        "grades" => ("the lowest totals of 优, 良 and 中", "优、良、中的分数线"),
        "inverse" => (
            "how a ≤ indicator scores above its target: linear or ratio",
            "反向指标超出目标时的计分：linear 或 ratio",
        ),
        "deviation" => (
            "the over-achievement (%) that needs a reason",
            "须说明原因的超额比例（%）",
        ),
        _ => ("", ""),
    };
    t(en, zh)
}

pub fn completion_category(tier: &str, framework: &str) -> Text {
    t(
        format!("{tier} › (framework {framework})"),
        format!("{tier} ›（{framework}）"),
    )
}

pub fn completion_reference(what: &str) -> Text {
    t(format!("refers to {what}"), format!("引用{what}"))
}

pub fn completion_name_direction() -> Text {
    t("a direction or project", "支出方向或项目")
}

pub fn completion_name_line(side: &str) -> Text {
    let zh = if side == "income" {
        "收入行"
    } else {
        "支出行"
    };
    let article = if side == "income" { "an" } else { "a" };
    t(format!("{article} {side} line"), zh)
}

pub fn completion_name_indicator() -> Text {
    t("a 年度 indicator of this table", "本表的年度指标")
}

pub fn completion_result() -> Text {
    t(
        "what was achieved: a result, or the target's own words",
        "实际完成情况：完成结果或目标原文",
    )
}

pub fn completion_unit() -> Text {
    t("unit", "计量单位")
}

pub fn completion_value() -> Text {
    t("qualitative value", "定性指标值")
}

// ── Outline ─────────────────────────────────────────────────────────────────────────────────────

pub fn symbol_header() -> Text {
    t("header", "基本信息")
}

pub fn symbol_income() -> Text {
    t("by source of funds", "按收入性质分")
}

pub fn symbol_spending() -> Text {
    t("by nature of spending", "按支出性质分")
}

pub fn symbol_indicators() -> Text {
    t("indicators", "绩效指标")
}

pub fn symbol_tasks() -> Text {
    t("annual tasks", "年度主要任务")
}

pub fn symbol_year_end() -> Text {
    t("year-end self-evaluation", "年终自评")
}

/// An `execution` row in the outline: `47.5万元 / 50万元 · 执行率 95%`.
pub fn symbol_execution(spent: &str, budget: &str, rate: Option<&str>) -> Text {
    let (en, zh) = match rate {
        Some(r) => (format!(" · rate {r}%"), format!(" · 执行率 {r}%")),
        None => (String::new(), String::new()),
    };
    t(
        format!("spent {spent} of {budget}{en}"),
        format!("{spent} / {budget}{zh}"),
    )
}

/// A year-end row's score in the outline: `得分 9.00/10`.
pub fn symbol_score(score: &str, points: &str) -> Text {
    t(
        format!("score {score}/{points}"),
        format!("得分 {score}/{points}"),
    )
}

// ── The server ──────────────────────────────────────────────────────────────────────────────────

/// `bdl lsp` refused a frame that claims more than it reads.
pub fn lsp_message_too_large(bytes: u64, limit: u64) -> Text {
    t(
        format!(
            "the editor sent a message of {bytes} bytes (its Content-Length); bdl lsp reads at most {limit} bytes"
        ),
        format!("编辑器发来的消息长 {bytes} 字节（Content-Length）；bdl lsp 最多读取 {limit} 字节"),
    )
}

/// `bdl lsp` could not read a frame; `why` is the protocol detail.
pub fn lsp_malformed_message(why: &str) -> Text {
    t(
        format!("the editor sent a malformed message: {why}"),
        format!("编辑器发来的消息格式有误：{why}"),
    )
}

pub fn language_server_failed(why: &str) -> Text {
    t(
        format!("the language server stopped: {why}"),
        format!("语言服务器已停止：{why}"),
    )
}
