//! The consistency holes real forms exposed: every cost value in money is compared with the amount,
//! whatever its operator; a figure accepted at its printed precision is one value for every check; 元
//! with 分 is ordinary; the directions cannot exceed 项目支出 or 资金总额.
#![allow(clippy::unwrap_used, clippy::expect_used)]

fn codes(src: &str) -> Vec<&'static str> {
    bdl::compile(src)
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

/// A project of `amount` 万元 whose cost row says `cost`.
fn project_with_cost(amount: &str, cost: &str) -> String {
    format!(
        "year 2024\nunit 万元\nframework mof-2021\n# bdl: allow B4030\n\nproject \"农田水利设施维护\" {{\n  amount {amount}\n  goal \"完成灌溉渠道清淤。\"\n  annual \"完成灌溉渠道清淤。\"\n  indicator 数量指标 \"清淤渠道长度\" >= 35公里\n  indicator 质量指标 \"验收合格率\" >= 95%\n  indicator 时效指标 \"完成时间\" 2024年11月底前\n  indicator 经济成本指标 \"项目成本\" {cost}\n  indicator 社会效益指标 \"受益农户\" >= 3200户\n  indicator 可持续影响指标 \"设施使用年限\" >= 10年\n  indicator 服务对象满意度指标 \"受益农户满意度\" >= 90%\n}}\n"
    )
}

#[test]
fn a_money_cost_value_is_compared_whatever_its_operator() {
    assert_eq!(
        codes(&project_with_cost("180", "<= 180万元")),
        Vec::<&str>::new()
    );
    for above in [
        "= 200万元",
        "200万元",
        "200万",
        "<= 200万",
        "< 200万元",
        "= 0.02亿",
    ] {
        assert!(
            codes(&project_with_cost("180", above)).contains(&"B4020"),
            "{above}: {:?}",
            codes(&project_with_cost("180", above))
        );
    }
    assert!(codes(&project_with_cost("180", "= 150万")).contains(&"B4021"));
    assert!(codes(&project_with_cost("180", "< 180万元")).contains(&"B4022"));
    // A unit cost and a word are not money.
    assert_eq!(
        codes(&project_with_cost("180", "<= 1200元/亩")),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes(&project_with_cost("180", "成本控制在预算内")),
        Vec::<&str>::new()
    );
}

#[test]
fn a_figure_accepted_at_its_printed_precision_is_one_value_for_every_check() {
    let src = "year 2024\nunit 万元\nframework hunan\n# bdl: allow B4030 B4031\nincome \"一般公共预算拨款\" 125.8\nspending \"基本支出\" 100\nspending \"项目支出\" 25.8 = directions\nindicator 产出成本 \"不超过预算\" <= spending \"项目支出\"\n\ndirection \"巡逻\" < people 10 rate 2146.67/month months 12 > {\n  goal \"维护稳定。\"\n  annual \"维护稳定。\"\n  indicator 产出成本 \"不超过预算\" <= amount\n}\n";
    let got = codes(src);
    assert!(got.contains(&"B3004"), "{got:?}");
    assert!(
        !got.contains(&"B4020"),
        "the cap reads the accepted value: {got:?}"
    );
    assert!(!got.contains(&"B3005"), "{got:?}");
}

#[test]
fn yuan_with_fen_is_ordinary() {
    let src = "year 2024\nunit 元\nframework hunan\n# bdl: allow B4030 B4031\nincome \"一般公共预算拨款\" 1204316.58\nspending \"基本支出\" 1204316.58\n";
    assert_eq!(codes(src), Vec::<&str>::new());
    let finer = src.replace("1204316.58", "1204316.585");
    assert!(codes(&finer).contains(&"B3020"));
}

#[test]
fn the_directions_cannot_exceed_the_total_where_there_is_no_project_spending_line() {
    let src = "year 2024\nunit 万元\nframework hunan\n# bdl: allow B4030 B4031\nincome \"一般公共预算拨款\" 30\n\ndirection \"巡逻\" < people 50 rate 612/month > {\n  goal \"维护稳定。\"\n  annual \"维护稳定。\"\n}\n";
    let got = codes(src);
    assert!(got.contains(&"B3005"), "{got:?}");
    assert!(!codes(&src.replace(" 30\n", " 36.72\n")).contains(&"B3005"));
}

#[test]
fn level2_labels_of_real_forms_are_accepted() {
    let src = "year 2024\nunit 万元\nframework mof-2015\n# bdl: allow B4030\nincome \"一般公共预算拨款\" 10\nspending \"项目支出\" 10\nindicator 满意度指标 满意度指标 \"服务对象满意度\" >= 90%\nindicator 服务对象满意度指标 \"群众满意度\" >= 95%\nindicator 社会公众满意度 \"社会公众满意度\" >= 90%\n";
    assert_eq!(codes(src), Vec::<&str>::new());
    // A custom tree may repeat a 一级指标's name at level 2.
    let custom = "year 2024\nunit 万元\nframework {\n  category \"产出指标\" \"数量指标\"\n  category \"满意度指标\" \"满意度指标\"\n}\nincome \"一般公共预算拨款\" 10\nspending \"项目支出\" 10\nindicator 数量指标 \"办件数量\" >= 100件\nindicator 满意度指标 \"服务对象满意度\" >= 90%\n";
    assert_eq!(codes(custom), Vec::<&str>::new());
    // The same name twice at one level is still a mistake.
    let twice = custom.replace(
        "\"满意度指标\" \"满意度指标\"",
        "\"满意度指标\" \"数量指标\"",
    );
    assert!(codes(&twice).contains(&"B2002"));
}

#[test]
fn a_partly_listed_line_is_checked_as_parts_at_most_the_line() {
    let src = |parts: &str| {
        format!(
            "year 2024\nunit 万元\nframework hunan\n# bdl: allow B4030 B4031\nincome \"财政拨款\" 100 partial {{\n  income \"一般公共预算拨款\" {parts}\n}}\nspending \"基本支出\" 100\n"
        )
    };
    assert_eq!(codes(&src("60")), Vec::<&str>::new());
    assert_eq!(codes(&src("100")), Vec::<&str>::new());
    assert!(codes(&src("120")).contains(&"B3001"));
    // Without `partial` the parts must cover the line.
    let whole = src("60").replace(" partial", "");
    assert!(codes(&whole).contains(&"B3001"));
    // The parts cannot give a partly listed line its amount.
    let no_amount = src("60").replace("\"财政拨款\" 100 partial", "\"财政拨款\" partial");
    assert!(
        codes(&no_amount).contains(&"B3013"),
        "{:?}",
        codes(&no_amount)
    );
    // The formatter keeps the word and proves itself.
    let formatted = bdl::fmt::format(&src("60")).expect("formats");
    assert!(
        formatted.contains("income \"财政拨款\" 100 partial {"),
        "{formatted}"
    );
}

#[test]
fn each_task_prints_its_own_amount() {
    let src = |tasks: &str| {
        format!(
            "year 2024\nunit 万元\n# bdl: allow B4030 B4031\nframework hunan\nincome \"一般公共预算拨款\" 20\nspending \"基本支出\" 14\nspending \"项目支出\" = directions\nduty \"负责处理人民群众来信、来访。\"\n{tasks}\ndirection \"信访宣传经费\" {{\n  amount 6\n  goal \"宣传信访法规。\"\n  annual \"开展宣传。\"\n}}\n"
        )
    };
    let two = src(
        "task \"开展宣传\" duty \"负责处理人民群众来信、来访。\" for \"信访宣传经费\" amount 4\ntask \"编印资料\" duty \"负责处理人民群众来信、来访。\" for \"信访宣传经费\" amount 2\ntask \"接待来访\" duty \"负责处理人民群众来信、来访。\" for \"基本支出\" amount 14",
    );
    let compiled = bdl::compile(&two);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    let md = bdl::emit::markdown::render(compiled.declaration.as_ref().unwrap());
    // Each row its own amount, never the direction's 6 twice; basic spending funds a task too.
    for row in ["| 开展宣传 |", "| 编印资料 |", "| 接待来访 |"] {
        assert!(md.contains(row), "{row} missing:\n{md}");
    }
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.contains("负责处理人民群众来信"))
        .collect();
    assert!(rows.iter().any(|r| r.contains("| 4 |")), "{rows:?}");
    assert!(rows.iter().any(|r| r.contains("| 2 |")), "{rows:?}");
    assert!(rows.iter().any(|r| r.contains("| 14 |")), "{rows:?}");
    assert!(!rows.iter().any(|r| r.contains("| 6 |")), "{rows:?}");
}

#[test]
fn figures_of_earlier_years_add_up_year_by_year() {
    let src = "year 2024\nunit 万元\nframework hunan\nform mof-department\n# bdl: allow B4030 B4031\nincome \"财政拨款\" 120 prior budget 110 prior final 2022 100 {\n  income \"一般公共预算拨款\" 100 prior budget 95 prior final 2022 90\n  income \"政府性基金拨款\" 20 prior budget 15 prior final 2022 10\n}\nspending \"基本支出\" 90 prior budget 80 prior final 2022 70\nspending \"项目支出\" 30 prior budget 30 prior final 2022 30\n";
    assert_eq!(codes(src), Vec::<&str>::new());
    // One 其中 figure off: that line's figure and its parts differ.
    assert!(codes(&src.replace("prior budget 15", "prior budget 10")).contains(&"B3006"));
    // The breakdowns of 2022 differ.
    assert!(codes(&src.replace("prior final 2022 70", "prior final 2022 75")).contains(&"B3006"));
    let json = bdl::emit::json::document(&bdl::compile(src).declaration.unwrap());
    let earlier = &json["income"][0]["earlier"];
    assert_eq!(earlier[0]["kind"], "budget");
    assert_eq!(earlier[0]["year"], 2023);
    assert_eq!(earlier[1]["year"], 2022);
    assert_eq!(earlier[1]["amount"], "100");
    let formatted = bdl::fmt::format(src).expect("formats");
    assert!(
        formatted.contains("prior budget 110 prior final 2022 100 {"),
        "{formatted}"
    );
}

/// A project whose figures of earlier years are given on the project, its cost items and its fund
/// sources: they add up like this year's (B3006), and the Ministry's form prints them as columns.
const PROJECT_WITH_EARLIER_YEARS: &str = "year 2025\nunit 万元\nframework mof-2021\nform mof-project\n# bdl: allow B4030\nproject \"图书馆运行\" {\n  period 2025年\n  prior budget 60\n  prior actual 58.5\n  cost \"图书采购\" < qty 12000 册 price 45 > prior budget 50 prior actual 49.2\n  cost \"阅读推广\" < qty 24 场 price 4500 > prior budget 10 prior actual 9.3\n  income \"财政拨款\" 64.8 prior budget 60 prior actual 58.5\n  goal \"提升公共阅读服务。\"\n  annual \"新增图书12000册。\"\n  indicator 数量指标 \"新增馆藏图书\" >= 12000册\n  indicator 服务对象满意度指标 \"读者满意度\" >= 90%\n}\n";

#[test]
fn earlier_years_of_a_project_add_up_over_its_costs_and_funds() {
    let src = PROJECT_WITH_EARLIER_YEARS;
    assert_eq!(codes(src), Vec::<&str>::new());
    // A cost item's figure off: the project's 58.5 no longer equals 49.2 + 9.
    let off = src.replace("prior actual 9.3", "prior actual 9");
    assert_eq!(codes(&off), vec!["B3006"]);
    // A fund source's figure off.
    let off = src.replace("64.8 prior budget 60", "64.8 prior budget 61");
    assert_eq!(codes(&off), vec!["B3006"]);
    // A year's figure written twice on one cost item, and a year that is not before the budget year.
    let twice = src.replace(
        "prior budget 50 prior actual",
        "prior budget 50 prior budget 51 prior actual",
    );
    assert!(codes(&twice).contains(&"B2003"), "{:?}", codes(&twice));
    let later = src.replace("prior budget 60\n", "prior budget 2025 60\n");
    assert!(codes(&later).contains(&"B2007"), "{:?}", codes(&later));
    // The older `prior N` after a basis is 上年实际, and formats as such.
    let older = src.replace("prior budget 10 prior actual 9.3", "prior 9.3");
    let formatted = bdl::fmt::format(&older).expect("formats");
    assert!(formatted.contains("> prior actual 9.3\n"), "{formatted}");
    let json = bdl::emit::json::document(&bdl::compile(src).declaration.unwrap());
    let project = &json["directions"][0];
    assert_eq!(project["earlier"][1]["kind"], "actual");
    assert_eq!(project["earlier"][1]["year"], 2024);
    assert_eq!(project["earlier"][1]["amount"], "58.5");
    assert_eq!(project["basis"][0]["earlier"][0]["amount"], "50");
}

#[test]
fn a_line_derived_from_the_directions_adds_up_their_earlier_figures() {
    let src = "year 2025\nunit 万元\nframework hunan\nform mof-department\n# bdl: allow B4030 B4031\nincome \"一般公共预算拨款\" 30 prior budget 25\nspending \"基本支出\" 10 prior budget 9\nspending \"项目支出\" = directions prior budget 16\ndirection \"甲\" {\n  amount 12\n  prior budget 10\n  goal \"甲。\"\n  annual \"甲。\"\n}\ndirection \"乙\" {\n  amount 8\n  prior budget 6\n  goal \"乙。\"\n  annual \"乙。\"\n}\n";
    assert_eq!(codes(src), Vec::<&str>::new());
    assert_eq!(
        codes(&src.replace("prior budget 6\n", "prior budget 7\n")),
        vec!["B3006"]
    );
}

#[test]
fn the_ministry_forms_print_earlier_years_as_columns_and_the_hunan_forms_say_they_cannot() {
    let compiled = bdl::compile(PROJECT_WITH_EARLIER_YEARS);
    let md = bdl::emit::markdown::render(compiled.declaration.as_ref().unwrap());
    // 项目资金: last year's budget and execution, then this year's.
    assert!(
        md.contains("| 上年预算数 | 上年执行数 | 年度预算 |"),
        "{md}"
    );
    assert!(md.contains("| 资金总额 | | 60 | 58.5 | 64.8 |"), "{md}");
    assert!(
        md.contains("| 其中：财政拨款 | | 60 | 58.5 | 64.8 |"),
        "{md}"
    );
    // 测算明细: each item's earlier figures in their own columns, 合计 from the project.
    assert!(
        md.contains("| 测算依据 | 上年预算数 | 上年执行数 | 本年金额 |"),
        "{md}"
    );
    assert!(
        md.contains("| 　图书采购 | | 12000册 × 45元/册 = 540000元 | 50 | 49.2 | 54 |"),
        "{md}"
    );
    // The Hunan forms have no such columns: B2021, once.
    let hunan = PROJECT_WITH_EARLIER_YEARS.replace("form mof-project\n", "form hunan\n");
    let found = codes(&hunan);
    assert_eq!(
        found.iter().filter(|c| **c == "B2021").count(),
        1,
        "{found:?}"
    );
    // An older year beyond the three columns the form prints: B2021 on the Ministry's form too.
    let four = PROJECT_WITH_EARLIER_YEARS.replace(
        "  prior actual 58.5\n",
        "  prior actual 58.5\n  prior final 2023 55\n  prior final 2022 50\n",
    );
    assert!(codes(&four).contains(&"B2021"), "{:?}", codes(&four));
}

#[test]
fn a_score_range_bounds_the_weights_under_its_level1_and_prints_as_a_range() {
    let src =
        std::fs::read_to_string("tests/fixtures/check/level1_weights_outside_its_score_range.bdl")
            .expect("the fixture");
    // 产出指标 30-40 holds 20 + 25 = 45: out of range.
    assert_eq!(codes(&src), vec!["B4051"]);
    // 20 + 15 = 35 is inside it, and 45 + 10 under the others: the total is the form's 90.
    let inside = src.replace("weight 25", "weight 15");
    assert_eq!(codes(&inside), Vec::<&str>::new());
    // Ranges do not fix the total: 100 or 90 as without `scores`.
    let short = inside.replace("weight 45", "weight 40");
    assert_eq!(codes(&short), vec!["B4052"]);
    // A range written backwards.
    assert!(codes(&inside.replace("30-40", "40-30")).contains(&"B2007"));
    let compiled = bdl::compile(&inside);
    let decl = compiled.declaration.as_ref().unwrap();
    let md = bdl::emit::markdown::render(decl);
    assert!(md.contains("| 产出指标（30-40分） |"), "{md}");
    let json = bdl::emit::json::document(decl);
    assert_eq!(json["scores"]["parts"][0]["points"], "30");
    assert_eq!(json["scores"]["parts"][0]["most"], "40");
    assert_eq!(
        bdl::fmt::format(&inside).expect("formats"),
        inside,
        "a range formats as written"
    );
}

/// A department whose tasks say what they do and split their amounts by source, as the Ministry's
/// department form prints them.
const TASKS_BY_SOURCE: &str = "year 2025\nunit 万元\nframework mof-2021\nform mof-department\n# bdl: allow B4030 B4031\nincome \"财政拨款\" 430\nincome \"其他资金\" 50\nspending \"基本支出\" 60\nspending \"项目支出\" = directions\nduty \"负责水利工程建设与运行管理。\"\ntask \"机关运转\" duty \"负责水利工程建设与运行管理。\" for \"基本支出\" amount 60 {\n  content \"保障机关日常运转\"\n  income \"财政拨款\" 30\n  income \"其他资金\" 30\n}\ntask \"水库除险加固\" duty \"负责水利工程建设与运行管理。\" for \"水库除险加固\" {\n  content \"完成3座小型水库除险加固\"\n  income \"财政拨款\" 400\n  income \"其他资金\" 20\n}\nproject \"水库除险加固\" {\n  amount 420\n  goal \"消除安全隐患。\"\n  annual \"完成3座。\"\n}\n";

#[test]
fn a_task_says_what_it_does_and_splits_its_amount_by_source() {
    let src = TASKS_BY_SOURCE;
    assert_eq!(codes(src), Vec::<&str>::new());
    // 主要内容 first, then the sources in the written order.
    let moved = src.replace(
        "  content \"保障机关日常运转\"\n  income \"财政拨款\" 30\n",
        "  income \"财政拨款\" 30\n  content \"保障机关日常运转\"\n",
    );
    let formatted = bdl::fmt::format(&moved).expect("formats");
    assert!(
        formatted.contains("amount 60 {\n  content \"保障机关日常运转\"\n  income \"财政拨款\" 30\n  income \"其他资金\" 30\n}\n"),
        "{formatted}"
    );
    assert_eq!(bdl::fmt::format(&formatted).expect("formats"), formatted);
    let compiled = bdl::compile(src);
    let decl = compiled.declaration.as_ref().unwrap();
    // Without `amount`, the sources' sum is the task's amount.
    assert_eq!(
        decl.tasks[1].amount.map(|m| m.amount().to_string()),
        Some("420".into())
    );
    let md = bdl::emit::markdown::render(decl);
    assert!(md.contains("| 总额 | 财政拨款 | 其他资金 |"), "{md}");
    assert!(
        md.contains("| 机关运转 | 保障机关日常运转 | 基本支出 | 60 | 30 | 30 |"),
        "{md}"
    );
    assert!(md.contains("| 金额合计 | | | 480 | 430 | 50 |"), "{md}");
    let json = bdl::emit::json::document(decl);
    assert_eq!(json["tasks"][0]["content"], "保障机关日常运转");
    assert_eq!(json["tasks"][0]["funds"][1]["amount"], "30");
    // Sources that do not add up to the task's amount: B3012.
    let off = src.replace("income \"其他资金\" 30\n}", "income \"其他资金\" 25\n}");
    assert_eq!(codes(&off), vec!["B3012"]);
    // A third source has no column on the Ministry's form; the Hunan forms print neither (B2021).
    let third = src.replace(
        "  income \"其他资金\" 30\n}",
        "  income \"其他资金\" 20\n  income \"事业收入\" 10\n}",
    );
    assert_eq!(codes(&third), vec!["B2021"]);
    let hunan = src.replace("form mof-department", "form hunan");
    assert_eq!(codes(&hunan), vec!["B2021", "B2021"]);
}
