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
    let src = "year 2024\nunit 万元\nframework hunan\n# bdl: allow B4030 B4031\nincome \"财政拨款\" 120 prior budget 110 prior final 2022 100 {\n  income \"一般公共预算拨款\" 100 prior budget 95 prior final 2022 90\n  income \"政府性基金拨款\" 20 prior budget 15 prior final 2022 10\n}\nspending \"基本支出\" 90 prior budget 80 prior final 2022 70\nspending \"项目支出\" 30 prior budget 30 prior final 2022 30\n";
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
