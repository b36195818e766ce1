//! Indicator values are classified once, when lowering (money, percent, count, date, qualitative), and
//! JSON carries the class. The fixture writes the expected class after each indicator.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs;

#[test]
fn every_value_gets_its_class() {
    let src = fs::read_to_string("tests/fixtures/values/value_classes.bdl").unwrap();
    let compiled = bdl::compile(&src);
    let errors: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let json = bdl::emit::json::document(compiled.declaration.as_ref().unwrap());
    let got: Vec<(String, String)> = json["directions"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap().to_string(),
                i["class"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = src
        .lines()
        .filter(|l| l.trim_start().starts_with("indicator"))
        .map(|l| {
            let name = l.split('"').nth(1).unwrap().to_string();
            let class = l.rsplit("# ").next().unwrap().trim().to_string();
            (name, class)
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn a_date_is_kept_as_written_and_is_not_a_number() {
    let src = fs::read_to_string("tests/fixtures/values/value_classes.bdl").unwrap();
    let json = bdl::emit::json::document(&bdl::compile(&src).declaration.unwrap());
    let inds = json["directions"][0]["indicators"].as_array().unwrap();
    let find = |name: &str| inds.iter().find(|i| i["name"] == name).unwrap();
    for (name, value) in [
        ("实施时间", "2024年3月-11月"),
        ("完成时限", "10月底前完成"),
        ("实施周期", "2025.03-2025.12"),
    ] {
        let i = find(name);
        assert_eq!(i["value"], value);
        assert!(i["number"].is_null(), "{name}: {i}");
        assert!(i["unit"].is_null(), "{name}: {i}");
    }
    // Money keeps its unit; a unit cost is a count of its own unit, not money.
    assert_eq!(find("项目总成本")["number"], "120");
    assert_eq!(find("项目总成本")["unit"], "万元");
    assert_eq!(find("亩均维护成本")["class"], "count");
}

#[test]
fn a_28_digit_figure_in_a_yuan_table_prints_two_decimals() {
    let src = "year 2024\nunit 元\nframework hunan\nincome \"一般公共预算拨款\" 1234567890123456789012345678\nspending \"基本支出\" 1234567890123456789012345678\n";
    let compiled = bdl::compile(src);
    let md = bdl::emit::markdown::render(compiled.declaration.as_ref().unwrap());
    assert!(
        md.contains("1234567890123456789012345678.00"),
        "the figure keeps two decimals: {md}"
    );
    assert!(!md.contains("1234567890123456789012345678.0|"));
}

#[test]
fn a_range_keeps_both_ends_and_prints_as_written() {
    let src = "year 2025\nunit 万元\nframework mof-2021\nform mof-project\n# bdl: allow B4030\nproject \"测试\" {\n  amount 10\n  goal \"目标。\"\n  annual \"年度目标。\"\n  indicator 质量指标 \"合格率\" 85%-95%\n  indicator 服务对象满意度指标 \"满意度\" >= 90%\n}\n";
    let compiled = bdl::compile(src);
    let decl = compiled.declaration.as_ref().unwrap();
    let json = bdl::emit::json::document(decl);
    let ind = &json["directions"][0]["indicators"][0];
    assert_eq!(ind["class"], "range");
    assert_eq!(ind["range"]["measure"], "percent");
    assert_eq!(ind["range"]["low"], "85");
    assert_eq!(ind["range"]["high"], "95");
    assert_eq!(ind["unit"], "%");
    assert_eq!(ind["value"], "85%-95%");
    // The split columns of the Ministry's forms: 区间 | 85-95 | %.
    let md = bdl::emit::markdown::render(decl);
    assert!(md.contains("| 合格率 | 区间 | 85-95 | % |"), "{md}");
    // A range of percentages whose upper end passes 100 is flagged like a single target.
    let over = bdl::compile(&src.replace("85%-95%", "90%-105%"));
    assert!(over.diagnostics.iter().any(|d| d.code.as_str() == "B4041"));
}

#[test]
fn a_deadline_is_at_most_its_date_in_the_split_columns() {
    let src = "year 2025\nunit 万元\nframework mof-2021\nform mof-project\n# bdl: allow B4030\nproject \"测试\" {\n  amount 10\n  goal \"目标。\"\n  annual \"年度目标。\"\n  indicator 时效指标 \"完成时间\" 2025年12月底前\n  indicator 时效指标 \"实施期\" 2025年3月-11月\n  indicator 服务对象满意度指标 \"满意度\" >= 90%\n}\n";
    let compiled = bdl::compile(src);
    let md = bdl::emit::markdown::render(compiled.declaration.as_ref().unwrap());
    assert!(md.contains("| 完成时间 | ≤ | 2025年12月底前 | |"), "{md}");
    assert!(md.contains("| 实施期 | \\= | 2025年3月-11月 | |"), "{md}");
}

#[test]
fn a_figure_written_in_the_other_unit_keeps_its_conversion() {
    let src =
        fs::read_to_string("tests/fixtures/values/figures_written_in_the_other_unit.bdl").unwrap();
    let json = bdl::emit::json::document(&bdl::compile(&src).declaration.unwrap());
    let written = serde_json::json!({ "amount": "12345", "unit": "元" });
    for (place, v) in [
        ("total", &json),
        ("income line", &json["income"][0]),
        ("direction", &json["directions"][0]),
    ] {
        assert_eq!(v["declared_as_written"], written, "{place}");
    }
    assert_eq!(json["declared_total"], "1.2345");
    assert_eq!(json["income"][0]["declared"], "1.2345");
    assert_eq!(json["directions"][0]["declared_amount"], "1.2345");
    // Written in the document's unit: nothing to record.
    assert!(json["spending"][0].get("declared_as_written").is_none());
}
