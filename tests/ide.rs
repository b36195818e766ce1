//! The editor-neutral knowledge (`bdl::ide`) on its own: quick fixes that turn a diagnostic's text
//! into what the diagnostic asks for, and a file being typed (a broken line, an unclosed block) that
//! still has its outline, hover and hints from the rest.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::ide::{self, actions, completion, hover, inlay, symbols};
use bdl::messages::Lang;

const HEADER: &str = "year 2021\nunit 万元\nframework hunan\n";

/// The first diagnostic of `a` with `code`.
fn first_with<'a>(a: &'a ide::Analysis, code: &str) -> &'a bdl::diagnostic::Diagnostic {
    a.diagnostics
        .iter()
        .find(|d| d.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", codes(&a.src)))
}

/// `src` with `edits` made (from the last, so that earlier offsets hold).
fn applied(src: &str, edits: &[ide::Edit]) -> String {
    let mut out = src.to_string();
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.text);
    }
    out
}

/// The text after applying the preferred fix of the first diagnostic with `code`.
fn fixed(src: &str, code: &str) -> String {
    let a = ide::analyse(src);
    let at = a
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", codes(src)));
    let fixes = actions::fixes(&a, at.span);
    let fix = fixes
        .iter()
        .find(|f| a.diagnostics[f.diagnostic].code.as_str() == code && f.preferred)
        .unwrap_or_else(|| panic!("no fix for {code}"));
    applied(src, &fix.edits)
}

fn codes(src: &str) -> Vec<&'static str> {
    ide::analyse(src)
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

#[test]
fn a_misspelt_keyword_becomes_the_keyword() {
    let src = format!("{HEADER}indicater 产出数量 \"巡逻人员\" = 50人\n");
    let out = fixed(&src, "B1014");
    assert_eq!(
        out,
        format!("{HEADER}indicator 产出数量 \"巡逻人员\" = 50人\n")
    );
}

#[test]
fn full_width_punctuation_becomes_ascii() {
    let src = format!("{HEADER}direction “治安巡逻防控费” ＜ people 50 rate 612/month ＞\n");
    let out = fixed(&src, "B1010");
    assert_eq!(
        out,
        format!("{HEADER}direction \"治安巡逻防控费\" < people 50 rate 612/month >\n")
    );
    assert!(!codes(&out).iter().any(|c| c.starts_with("B1")));
}

#[test]
fn a_misspelt_category_becomes_the_framework_one() {
    let src = format!("{HEADER}indicator 产出数 \"巡逻人员\" = 50人\n");
    let out = fixed(&src, "B4001");
    assert!(out.contains("indicator 产出数量 \"巡逻人员\""), "{out}");
    assert!(!codes(&out).contains(&"B4001"));
}

#[test]
fn a_declared_amount_becomes_the_derived_one() {
    let src = format!(
        "{HEADER}direction \"治安巡逻防控费\" < people 50 rate 612/month > {{\n  amount 36.8\n}}\n"
    );
    let out = fixed(&src, "B3010");
    assert!(out.contains("  amount 36.72\n"), "{out}");
    assert!(!codes(&out).contains(&"B3010"));
}

#[test]
fn a_missing_satisfaction_indicator_is_added_in_its_table() {
    let src = format!(
        "{HEADER}direction \"巡逻\" < people 5 rate 100/month > {{\n  goal \"g\"\n  indicator 产出数量 \"巡逻人员\" = people\n}}\n"
    );
    let out = fixed(&src, "B4031");
    assert!(
        out.contains("= people\n  indicator 社会公众及服务对象满意度 \"服务对象满意度\" >= 90%\n}"),
        "{out}"
    );
    assert!(!codes(&out).contains(&"B4031"));
}

#[test]
fn an_unknown_reference_becomes_the_nearest_name() {
    let src = format!(
        "{HEADER}indicator 产出数量 \"巡逻人员\" = people of \"治安巡逻\"\ndirection \"治安巡逻防控费\" < people 50 rate 612/month >\n"
    );
    let out = fixed(&src, "B2001");
    assert!(out.contains("people of \"治安巡逻防控费\""), "{out}");
    assert!(!codes(&out).contains(&"B2001"));
}

#[test]
fn a_file_being_typed_keeps_its_outline_hover_and_hints() {
    // A block opened on the last line, and a broken line in the middle.
    let src = format!(
        "{HEADER}direction \"巡逻\" < people 5 rate 100/month >\nindicator 产出数量 \"x\" =\ndirection \"岗位\" {{\n  cost \"一线\" < people 2 rate 300/month >\n"
    );
    let a = ide::analyse(&src);
    assert!(codes(&src).contains(&"B1005"));
    assert!(!a.left_out.is_empty());
    let names: Vec<String> = symbols::symbols(&a, Lang::En)
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(
        names.contains(&"巡逻".to_string()) && names.contains(&"岗位".to_string()),
        "{names:?}"
    );
    let at = src.find("巡逻").unwrap();
    let h = hover::hover(&a, at, Lang::Zh).unwrap();
    assert!(h.markdown.contains("0.6万元"), "{}", h.markdown);
    let hints = inlay::hints(&a);
    assert!(hints.iter().any(|h| h.label == "= 0.72万元"), "{hints:?}");
    // The broken line itself says why it is left out.
    let broken = src.find("indicator").unwrap();
    let h = hover::hover(&a, broken + 3, Lang::En).unwrap();
    assert!(h.markdown.contains("does not parse yet"), "{}", h.markdown);
    assert_eq!(h.span.start, broken);
}

#[test]
fn hover_on_a_derivation_or_a_declared_amount_shows_the_computation() {
    let src = format!(
        "{HEADER}spending \"项目支出\" = directions\ndirection \"巡逻\" < people 50 rate 612/month > {{\n  amount 36.8\n}}\n"
    );
    let a = ide::analyse(&src);
    let on_derivation = src.find("directions").unwrap() + 2;
    let h = hover::hover(&a, on_derivation, Lang::En).unwrap();
    assert!(
        h.markdown
            .contains("the sum of the directions: 巡逻 36.8万元"),
        "{}",
        h.markdown
    );
    let on_amount = src.find("36.8").unwrap() + 1;
    let h = hover::hover(&a, on_amount, Lang::Zh).unwrap();
    assert!(
        h.markdown
            .contains("计算：50人 × 612元/人/月 × 12月 = 367200元")
            && h.markdown.contains("填报：36.8万元"),
        "{}",
        h.markdown
    );
}

#[test]
fn a_written_quantity_becomes_the_number_it_refers_to() {
    let src = format!(
        "{HEADER}direction \"巡逻\" < people 8 rate 100/month > {{\n  indicator 产出数量 \"巡逻人员\" = 50人 from people\n}}\n"
    );
    let out = fixed(&src, "B4010");
    assert!(out.contains("= 8人 from people"), "{out}");
    assert!(!codes(&out).contains(&"B4010"));
}

#[test]
fn hints_stand_right_after_the_code_not_after_a_trailing_comment() {
    let src = format!(
        "{HEADER}spending \"项目支出\" = directions  # 合计\ndirection \"巡逻\" {{\n  cost \"一线\" < people 2 rate 300/month >   # 两人\n  indicator 产出数量 \"人员\" = people  # 引用\n}}\n"
    );
    let a = ide::analyse(&src);
    let hints = inlay::hints(&a);
    let after = |code: &str| src.find(code).unwrap() + code.len();
    let offsets: Vec<usize> = hints.iter().map(|h| h.offset).collect();
    for code in ["= directions", "300/month >", "= people"] {
        assert!(
            offsets.contains(&after(code)),
            "no hint right after {code:?}: {hints:?}"
        );
    }
    assert!(
        hints
            .iter()
            .all(|h| !src[..h.offset].ends_with(' ') && !src[..h.offset].ends_with('\n')),
        "{hints:?}"
    );
}

const SELF_EVALUATION: &str = include_str!("../examples/mof-project-self-evaluation-2025.bdl");

/// The text after applying the preferred fix of the diagnostic with `code` whose place holds `near`.
fn fixed_near(src: &str, code: &str, near: &str) -> String {
    let a = ide::analyse(src);
    let at = src.find(near).unwrap_or_else(|| panic!("no {near:?}"));
    let d = a
        .diagnostics
        .iter()
        .position(|d| d.code.as_str() == code && d.span.start <= at && at < d.span.end)
        .unwrap_or_else(|| panic!("no {code} at {near:?} in {:?}", codes(src)));
    let fix = actions::fixes(&a, a.diagnostics[d].span)
        .into_iter()
        .find(|f| f.diagnostic == d && f.preferred)
        .unwrap_or_else(|| panic!("no fix for {code} at {near:?}"));
    applied(src, &fix.edits)
}

#[test]
fn a_year_end_fact_naming_no_indicator_gets_the_nearest_of_its_table() {
    let src = SELF_EVALUATION.replace("achieved \"路况优良率\"", "achieved \"路况优良\"");
    let out = fixed(&src, "B2030");
    assert_eq!(out, SELF_EVALUATION);
    // A funding line of the table's own, for `execution "…"`.
    let src = SELF_EVALUATION.replace("execution \"其他资金\"", "execution \"其他资\"");
    assert_eq!(fixed(&src, "B2030"), SELF_EVALUATION);
    // The department's table: its own 年度 indicators, not a project's.
    let dept = format!(
        "{HEADER}income \"一般公共预算\" 10\nindicator 产出数量 \"保洁员\" = 20人\ndirection \"甲\" {{\n  amount 10\n  indicator 产出数量 \"保洁人员\" = 20人\n}}\nexecution budget 10 spent 10\nachieved \"保洁\" 20人\n"
    );
    let out = fixed(&dept, "B2030");
    assert!(out.ends_with("achieved \"保洁员\" 20人\n"), "{out}");
}

#[test]
fn a_b2030_without_a_name_to_replace_offers_no_fix() {
    // An execution in a sub-direction that prints no table: the whole line is marked, no name given.
    let src = format!(
        "{HEADER}direction \"甲\" {{\n  indicator 产出数量 \"人员\" = 2人\n  direction \"乙\" {{\n    amount 5\n    execution budget 5 spent 5\n  }}\n}}\n"
    );
    let a = ide::analyse(&src);
    let d = first_with(&a, "B2030");
    assert!(
        actions::fixes(&a, d.span)
            .iter()
            .all(|f| a.diagnostics[f.diagnostic].code.as_str() != "B2030")
    );
}

#[test]
fn a_missing_achieved_value_is_added_in_the_indicators_order() {
    let line = "  achieved \"路况优良率\" 81% reason \"汛期水毁路段较多，修复滞后；明年提前安排汛后集中修复。\"\n";
    let src = SELF_EVALUATION.replace(line, "");
    let out = fixed_near(&src, "B4060", "indicator 质量指标 \"路况优良率\"");
    assert_eq!(
        out,
        SELF_EVALUATION.replace(line, "  achieved \"路况优良率\" \n"),
        "after the previous indicator's line"
    );
    // The first indicator's: before the next one's line.
    let first = "  achieved \"日常养护里程\" 312公里\n";
    let src = SELF_EVALUATION.replace(first, "");
    let out = fixed_near(&src, "B4060", "indicator 数量指标 \"日常养护里程\"");
    assert_eq!(
        out,
        SELF_EVALUATION.replace(first, "  achieved \"日常养护里程\" \n")
    );
    // Typing the value completes it.
    let done = out.replace(
        "achieved \"日常养护里程\" \n",
        "achieved \"日常养护里程\" 312公里\n",
    );
    assert_eq!(done, SELF_EVALUATION);
}

#[test]
fn a_table_without_achieved_lines_gets_one_after_its_last_line() {
    let src = format!(
        "{HEADER}direction \"甲\" {{\n  amount 10\n  indicator 产出数量 \"人员\" = 2人\n  execution budget 10 spent 9  # 年终\n}}\n"
    );
    let out = fixed_near(&src, "B4060", "indicator 产出数量 \"人员\"");
    assert!(
        out.contains("  execution budget 10 spent 9  # 年终\n  achieved \"人员\" \n}\n"),
        "{out}"
    );
    let typed = out.replace("achieved \"人员\" \n", "achieved \"人员\" 2人\n");
    assert!(!codes(&typed).contains(&"B4060"), "{:?}", codes(&typed));
}

/// The Chinese hover at the first place of `needle` (plus `into` bytes) in `src`.
fn hover_zh(src: &str, needle: &str, into: usize) -> String {
    let at = src.find(needle).unwrap_or_else(|| panic!("no {needle:?}")) + into;
    hover::hover(&ide::analyse(src), at, Lang::Zh)
        .unwrap_or_else(|| panic!("no hover at {needle:?}"))
        .markdown
}

#[test]
fn hover_on_year_end_lines_shows_the_score_and_the_rate() {
    let src = SELF_EVALUATION;
    let h = hover_zh(src, "achieved \"路况优良率\" 81%", 25);
    assert!(h.contains("**路况优良率**：目标 ≥90% → 实际 81%"), "{h}");
    assert!(
        h.contains("得分 9.00/10（按完成比例）：81 ÷ 90 × 10 = 9.00"),
        "{h}"
    );
    let h = hover_zh(src, "score 7", 6);
    assert!(h.contains("**养护长效机制**"), "{h}");
    assert!(h.contains("手填 7"), "{h}");
    let h = hover_zh(src, "execution budget 50 spent 47.5", 18);
    assert!(h.contains("全年预算数 50万元，全年执行数 47.5万元"), "{h}");
    assert!(h.contains("执行率 47.5万元 ÷ 50万元 = 95%"), "{h}");
    assert!(h.contains("得分 9.50/10"), "{h}");
    let h = hover_zh(src, "execution \"财政拨款\"", 30);
    assert!(h.contains("**预算执行 · 财政拨款**"), "{h}");
    assert!(h.contains("= 95%"), "{h}");
    assert!(
        !h.contains("得分"),
        "a funding line's row is not scored: {h}"
    );
}

#[test]
fn hover_on_earlier_figures_tasks_and_scores() {
    let prior = include_str!("../examples/mof-project-prior-years-2025.bdl");
    let h = hover_zh(prior, "prior budget 84", 7);
    assert!(
        h.contains("**公共阅读服务提升** 2024年预算数：84万元"),
        "{h}"
    );
    let h = hover_zh(prior, "prior actual 49.2", 14);
    assert!(h.contains("**图书采购** 2024年执行数：49.2万元"), "{h}");
    let h = hover_zh(prior, "prior actual 74", 14);
    assert!(h.contains("**财政拨款** 2024年执行数：74万元"), "{h}");

    let tasks = include_str!("../examples/mof-department-tasks-2025.bdl");
    let h = hover_zh(tasks, "amount 420 {", 8);
    assert!(h.contains("**小型水库除险加固** 420万元"), "{h}");
    assert!(
        h.contains("按来源：财政拨款 400万元 + 其他资金 20万元 = 420万元，与金额 420万元 一致"),
        "{h}"
    );
    assert!(h.contains("资金来源：“小型水库除险加固”（420万元）"), "{h}");
    let h = hover_zh(tasks, "income \"其他资金\" 10\n}", 8);
    assert!(h.contains("**其他资金** 10万元"), "{h}");
    assert!(h.contains("**农村供水水质检测** 60万元"), "{h}");
    let bad = tasks.replace("income \"其他资金\" 10\n}", "income \"其他资金\" 12\n}");
    let h = hover_zh(&bad, "amount 60 {", 8);
    assert!(h.contains("= 62万元，与金额 60万元 不符"), "{h}");

    let scores = include_str!("../examples/mof-project-scores-2025.bdl");
    let line = scores
        .lines()
        .find(|l| l.trim_start().starts_with("scores "))
        .unwrap();
    let tier = line.split_whitespace().nth(1).unwrap();
    let h = hover_zh(scores, line, line.find(tier).unwrap() + 1);
    assert!(
        h.contains(&format!("**{tier}**：“mof-2021”指标体系的一级指标，分值")),
        "{h}"
    );
    // Its 二级指标, from the framework (not a label over an empty list).
    let framework = bdl::domain::framework::Framework::profile("mof-2021").unwrap();
    let categories = &framework
        .tiers
        .iter()
        .find(|t| t.name == tier)
        .unwrap()
        .categories;
    assert!(!categories.is_empty());
    assert!(
        h.contains("二级指标：") && categories.iter().all(|c| h.contains(&c.name)),
        "{h}"
    );
}

/// The labels completion offers at the marker `‸`.
fn offered(marked: &str) -> Vec<String> {
    let at = marked.find('‸').unwrap();
    let text = marked.replacen('‸', "", 1);
    completion::complete(&ide::analyse(&text), at, completion::Options::default())
        .into_iter()
        .map(|i| i.label)
        .collect()
}

/// The self-evaluation example with `line` written at the end of the project's block, the cursor at
/// its end.
fn in_project(line: &str) -> String {
    SELF_EVALUATION.replacen(
        "  achieved \"沿线群众满意度\" 93%\n}",
        &format!("  achieved \"沿线群众满意度\" 93%\n  {line}‸\n}}"),
        1,
    )
}

#[test]
fn completion_inside_the_year_end_statements() {
    assert_eq!(
        offered(&in_project("prior ")),
        ["budget", "actual", "final"]
    );
    let execution = offered(&in_project("execution "));
    assert_eq!(execution, ["budget", "\"财政拨款\"", "\"其他资金\""]);
    assert_eq!(offered(&in_project("execution \"财政拨款\" ")), ["budget"]);
    assert_eq!(offered(&in_project("execution budget 40 ")), ["spent"]);
    assert!(offered(&in_project("execution budget 40 spent 38 ")).is_empty());
    assert_eq!(
        offered(&in_project("execution \"")),
        ["财政拨款", "其他资金"]
    );
    // Inside the quotes: the indicators still without their actual (here every one has it)…
    assert!(offered(&in_project("achieved \"")).is_empty());
    // …so with two lines gone, those two, in the table's order.
    let two_gone = in_project("achieved \"")
        .replacen("  achieved \"日常养护里程\" 312公里\n", "", 1)
        .replacen("  achieved \"沿线群众满意度\" 93%\n", "", 1);
    assert_eq!(offered(&two_gone), ["日常养护里程", "沿线群众满意度"]);
    // After a number: units, the target's own first.
    let units = offered(&in_project("achieved \"日常养护里程\" 312"));
    assert_eq!(units[0], "312公里", "{units:?}");
    assert!(units.contains(&"312%".to_string()));
    // After the name: the results, a qualitative target's words first.
    let results = offered(&in_project("achieved \"群众出行条件\" "));
    assert_eq!(results, ["持续改善", "达成", "部分达成", "未达成"]);
    assert_eq!(
        offered(&in_project("achieved \"日常养护里程\" 312公里 ")),
        ["reason", "score"]
    );
    assert_eq!(
        offered(&in_project(
            "achieved \"日常养护里程\" 312公里 reason \"x\" "
        )),
        ["score"]
    );
    assert!(offered(&in_project("achieved \"日常养护里程\" 312公里 score ")).is_empty());
}

#[test]
fn completion_of_profiles_tasks_and_earlier_figures() {
    let top = format!("{HEADER}income \"一般公共预算\" 10\n");
    assert_eq!(offered(&format!("{top}profile ‸")), ["mof", "free-split"]);
    assert_eq!(
        offered(&format!("{top}profile mof ‸")),
        ["grades", "inverse", "deviation"]
    );
    assert_eq!(
        offered(&format!("{top}profile mof grades 80 70 60 ‸")),
        ["inverse", "deviation"]
    );
    assert_eq!(
        offered(&format!("{top}profile mof inverse ‸")),
        ["linear", "ratio"]
    );
    assert_eq!(offered(&format!("{top}income \"其他\" 5 ‸")), ["prior"]);
    let cost = "direction \"甲\" {\n  cost \"乙\" < people 2 rate 100/month > ‸\n}\n";
    assert_eq!(offered(&format!("{HEADER}{cost}")), ["prior"]);

    let tasks = include_str!("../examples/mof-department-tasks-2025.bdl");
    let at_end = |line: &str| format!("{tasks}{line}‸");
    assert_eq!(offered(&at_end("task \"t\" ")), ["duty", "for", "amount"]);
    assert_eq!(
        offered(&at_end("task \"t\" duty \"d\" ")),
        ["for", "amount"]
    );
    assert_eq!(
        offered(&at_end("task \"t\" duty \"d\" for \"x\" ")),
        ["amount"]
    );
    // What may fund a task: the projects and the spending lines.
    let funders = offered(&at_end("task \"t\" duty \"d\" for \""));
    assert_eq!(
        funders,
        [
            "小型水库除险加固",
            "农村供水工程维修养护",
            "基本支出",
            "项目支出"
        ]
    );
    let quoted = offered(&at_end("task \"t\" duty \"d\" for "));
    assert!(quoted.contains(&"\"基本支出\"".to_string()), "{quoted:?}");
    // Inside a task's block: its keywords; never after a character an input method typed.
    let inside = tasks.replacen("  content \"保障在职", "  ‸\n  content \"保障在职", 1);
    assert_eq!(offered(&inside), ["income", "content"]);
    assert!(offered(&at_end("task \"t\" duty \"负责‸")).is_empty());
}

fn outline(src: &str) -> Vec<symbols::Symbol> {
    symbols::symbols(&ide::analyse(src), Lang::Zh)
}

fn shown(s: &symbols::Symbol) -> String {
    format!("{} {}", s.name, s.detail.clone().unwrap_or_default())
}

#[test]
fn the_outline_has_the_tasks_and_the_year_end_facts() {
    let tasks = outline(include_str!("../examples/mof-department-tasks-2025.bdl"));
    let group = tasks.iter().find(|g| g.name == "年度主要任务").unwrap();
    let rows: Vec<String> = group.children.iter().map(shown).collect();
    assert_eq!(
        rows,
        [
            "保障机关正常运转和人员履职 650万元",
            "小型水库除险加固 420万元",
            "农村供水工程日常维修 120万元",
            "农村供水水质检测 60万元"
        ]
    );
    let first: Vec<String> = group.children[0].children.iter().map(shown).collect();
    assert_eq!(
        first,
        [
            "content \"保障在职人员工资福利和机关日常运转\"",
            "财政拨款 600万元",
            "其他资金 50万元"
        ]
    );

    let project = outline(SELF_EVALUATION);
    let road = project.iter().find(|g| g.name == "乡村道路养护").unwrap();
    let year_end = road.children.iter().find(|g| g.name == "年终自评").unwrap();
    let rows: Vec<String> = year_end.children.iter().map(shown).collect();
    // One row per year-end line of the project's block.
    let block = SELF_EVALUATION
        .split("project \"乡村道路养护\"")
        .nth(1)
        .unwrap();
    let written: Vec<&str> = block
        .lines()
        .map(str::trim_start)
        .filter(|l| {
            ["execution ", "achieved ", "outcome "]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .collect();
    assert_eq!(rows.len(), written.len(), "{rows:?}");
    let has = |row: &str| rows.iter().any(|r| r == row);
    assert!(
        has("execution 47.5万元 / 50万元 · 执行率 95% · 得分 9.50/10"),
        "{rows:?}"
    );
    assert!(
        has("execution 财政拨款 38万元 / 40万元 · 执行率 95%"),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("outcome \"完成312公里")),
        "{rows:?}"
    );
    assert!(has("路况优良率 81% · 得分 9.00/10"), "{rows:?}");

    // The department's own year-end facts: a group of the document.
    let dept = outline(include_str!(
        "../examples/hunan-department-self-evaluation-2024.bdl"
    ));
    let names: Vec<&str> = dept.iter().map(|g| g.name.as_str()).collect();
    assert!(names.contains(&"年终自评"), "{names:?}");
}

#[test]
fn a_task_funded_by_an_unknown_name_gets_the_nearest_direction_or_spending_line() {
    let tasks = include_str!("../examples/mof-department-tasks-2025.bdl");
    let src = tasks.replacen("for \"基本支出\"", "for \"基本支\"", 1);
    assert_eq!(fixed(&src, "B2001"), tasks);
}

#[test]
fn the_profile_is_outlined_with_the_year_end_facts_not_in_the_header() {
    // The Hunan example writes `profile` after its directions, beside the department's year-end facts.
    let src = include_str!("../examples/hunan-department-self-evaluation-2024.bdl");
    let outline = symbols::symbols(&ide::analyse(src), Lang::Zh);
    let group = |name: &str| outline.iter().find(|s| s.name == name).unwrap();
    let header = group("基本信息");
    assert!(
        header
            .children
            .iter()
            .all(|c| !c.name.starts_with("profile"))
    );
    let first_direction = src.find("\ndirection ").or(src.find("\nproject ")).unwrap();
    assert!(
        header.span.end < first_direction,
        "the header stops before the first direction"
    );
    assert!(
        group("年终自评")
            .children
            .iter()
            .any(|c| c.name.starts_with("profile"))
    );
}

#[test]
fn budget_after_execution_is_described_as_this_years_budget() {
    let marked = SELF_EVALUATION.replacen("execution budget", "execution ‸", 1);
    let at = marked.find('‸').unwrap();
    let text = marked.replacen('‸', "", 1);
    let items = completion::complete(&ide::analyse(&text), at, completion::Options::default());
    let budget = items
        .iter()
        .find(|i| i.label == "budget")
        .expect("budget offered");
    let detail = budget.detail.as_ref().unwrap();
    assert_eq!(detail.zh, "全年预算数");
    assert!(!detail.en.contains("earlier"), "{}", detail.en);
}

#[test]
fn a_misspelt_achieved_name_is_offered_only_indicators_still_without_their_actual() {
    let example = include_str!("../examples/hunan-department-self-evaluation-2024.bdl");
    let misspelt = "achieved \"补助发放准确\" 100%\n";
    let fix_of = |src: &str| {
        let a = ide::analyse(src);
        let d = first_with(&a, "B2030");
        actions::fixes(&a, d.span)
            .into_iter()
            .find(|f| a.diagnostics[f.diagnostic].code.as_str() == "B2030")
            .map(|f| applied(src, &f.edits))
    };
    // Every department indicator has its actual: offering 补助按月发放 (the nearest) would make the
    // line B2031, so nothing is offered, by the fix or by completion.
    assert_eq!(fix_of(&format!("{example}{misspelt}")), None);
    assert!(offered(&format!("{example}achieved \"‸")).is_empty());
    // Without its actual line, 补助按月发放 is free: the fix and completion offer it.
    let without = example.replacen("achieved \"补助按月发放\" 完成\n", "", 1);
    assert_ne!(without, example);
    let fixed = fix_of(&format!("{without}{misspelt}")).expect("a fix");
    assert!(
        fixed.ends_with("achieved \"补助按月发放\" 100%\n"),
        "{fixed}"
    );
    assert!(!codes(&fixed).contains(&"B2031"));
    assert_eq!(offered(&format!("{without}achieved \"‸")), ["补助按月发放"]);
}
