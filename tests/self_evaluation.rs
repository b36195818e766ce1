//! The year-end self-evaluation (docs/self-evaluation.md): the hand-computed cases of the docs through
//! whole declarations, the profiles and their options, the targets staying as declared when the
//! year-end facts are added, the worked example of the docs as `bdl build` prints it, and property
//! tests of the rules (a score within its points, monotone in the actual, totals that are the sums of
//! their rows).

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::domain::scoring::{Inverse, Result3};
use bdl::model::Declaration;
use bdl::score::{Rule, evaluate, rules};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn compile(src: &str) -> Declaration {
    let c = bdl::compile(src);
    let errors: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|x| x.severity == bdl::diagnostic::Severity::Error)
        .map(|x| format!("{}: {}", x.code.as_str(), x.message.en))
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{src}");
    c.declaration.unwrap()
}

/// A project with the given indicator lines and year-end lines, under a custom framework whose three
/// 一级指标 are the Ministry's blocks.
fn project(indicators: &str, year_end: &str, tail: &str) -> String {
    format!(
        "year 2025\nunit 万元\nframework {{\n  category \"产出指标\" \"数量指标\" \"质量指标\"\n  category \"效益指标\" \"社会效益指标\"\n  category \"满意度指标\" \"服务对象满意度指标\"\n}}\n\nproject \"测试项目\" {{\n  amount 50\n  goal \"目标。\"\n  annual \"年度目标。\"\n{indicators}{year_end}}}\n{tail}"
    )
}

/// (name, points, score) of each row of the only table.
fn rows(decl: &Declaration) -> Vec<(String, Decimal, Decimal)> {
    let e = evaluate(decl);
    assert_eq!(e.len(), 1);
    e[0].items
        .iter()
        .map(|i| (i.indicator.name.value.clone(), i.points, i.score))
        .collect()
}

fn score_of(decl: &Declaration, name: &str) -> Decimal {
    rows(decl).into_iter().find(|r| r.0 == name).unwrap().2
}

#[test]
fn the_hand_computed_cases_of_the_docs() {
    // Weights make the points: 10 each where the docs say 10 points.
    let src = project(
        "  indicator 数量指标 \"甲\" >= 90 weight 10\n  indicator 质量指标 \"乙\" <= 100 weight 10\n  indicator 数量指标 \"丙\" >= 30 weight 30\n  indicator 社会效益指标 \"丁\" >= 1 weight 30\n  indicator 服务对象满意度指标 \"戊\" >= 90% weight 10\n",
        "  execution budget 50 spent 47.5\n  achieved \"甲\" 81 reason \"未达\"\n  achieved \"乙\" 150 reason \"超出\"\n  achieved \"丙\" 30\n  achieved \"丁\" 1\n  achieved \"戊\" 90%\n",
        "",
    );
    let decl = compile(&src);
    assert_eq!(score_of(&decl, "甲"), d("9.00"));
    assert_eq!(score_of(&decl, "乙"), d("5.00"));
    let e = &evaluate(&decl)[0];
    let x = e.execution.as_ref().unwrap();
    assert_eq!(x.score, d("9.50"));
    assert_eq!(x.rate, Some(d("95.00")));
    // 9.00 + 5.00 + 30 + 30 + 10 + 9.50
    assert_eq!(e.total, d("93.50"));
    assert_eq!(e.grade.zh(), "优");
}

#[test]
fn the_ratio_option_and_the_grade_thresholds() {
    let src = project(
        "  indicator 数量指标 \"甲\" >= 90 weight 50\n  indicator 社会效益指标 \"乙\" <= 100 weight 30\n  indicator 服务对象满意度指标 \"丙\" >= 90% weight 10\n",
        "  execution budget 50 spent 50\n  achieved \"甲\" 81 reason \"未达\"\n  achieved \"乙\" 150 reason \"超出\"\n  achieved \"丙\" 80% reason \"未达\"\n",
        "profile mof grades 80 70 60 inverse ratio\n",
    );
    let decl = compile(&src);
    // 81 ÷ 90 × 50 = 45; 100 ÷ 150 × 30 = 20; 80 ÷ 90 × 10 = 8.888… → 8.89; execution 10.
    assert_eq!(score_of(&decl, "甲"), d("45.00"));
    assert_eq!(score_of(&decl, "乙"), d("20.00"));
    assert_eq!(score_of(&decl, "丙"), d("8.89"));
    let e = &evaluate(&decl)[0];
    assert_eq!(e.total, d("83.89"));
    assert_eq!(e.grade.zh(), "优", "80/70/60: 83.89 is 优");
}

#[test]
fn mof_gives_satisfaction_to_benefit_when_there_is_none() {
    let src = project(
        "  indicator 数量指标 \"甲\" >= 1\n  indicator 质量指标 \"乙\" >= 1\n  indicator 社会效益指标 \"丙\" >= 1\n",
        "  execution budget 50 spent 50\n  achieved \"甲\" 1\n  achieved \"乙\" 1\n  achieved \"丙\" 1\n",
        "# bdl: allow B4030\n",
    );
    let decl = compile(&src);
    let points: Vec<Decimal> = rows(&decl).iter().map(|r| r.1).collect();
    assert_eq!(points, [d("25"), d("25"), d("40")]);
    assert_eq!(evaluate(&decl)[0].total, d("100"));
}

#[test]
fn even_points_are_whole_cents_that_add_up_to_the_block() {
    let src = project(
        "  indicator 数量指标 \"甲\" >= 1\n  indicator 数量指标 \"乙\" >= 1\n  indicator 质量指标 \"丙\" >= 1\n  indicator 社会效益指标 \"丁\" >= 1\n  indicator 服务对象满意度指标 \"戊\" >= 1\n",
        "  execution budget 50 spent 50\n  achieved \"甲\" 1\n  achieved \"乙\" 1\n  achieved \"丙\" 1\n  achieved \"丁\" 1\n  achieved \"戊\" 1\n",
        "",
    );
    let decl = compile(&src);
    let points: Vec<Decimal> = rows(&decl).iter().map(|r| r.1).collect();
    assert_eq!(
        points,
        [d("16.67"), d("16.67"), d("16.66"), d("30"), d("10")]
    );
    assert_eq!(evaluate(&decl)[0].total, d("100"));
}

#[test]
fn free_split_follows_the_weights_scaled_to_90() {
    let free = |weights: [u32; 3]| {
        let src = project(
            &format!(
                "  indicator 数量指标 \"甲\" >= 1 weight {}\n  indicator 社会效益指标 \"乙\" >= 1 weight {}\n  indicator 服务对象满意度指标 \"丙\" >= 1 weight {}\n",
                weights[0], weights[1], weights[2]
            ),
            "  execution budget 50 spent 25\n  achieved \"甲\" 1\n  achieved \"乙\" 0.5 reason \"半\"\n  achieved \"丙\" 1\n",
            "profile free-split\n",
        );
        compile(&src)
    };
    // Weights of 90 are the points.
    let decl = free([30, 15, 45]);
    let points: Vec<Decimal> = rows(&decl).iter().map(|x| x.1).collect();
    assert_eq!(points, [d("30"), d("15"), d("45")]);
    // 30 + 7.5 + 45 + 5 (execution 25 of 50).
    assert_eq!(evaluate(&decl)[0].total, d("87.50"));
    // Weights of 100 are scaled to 90.
    let decl = free([40, 20, 40]);
    let points: Vec<Decimal> = rows(&decl).iter().map(|x| x.1).collect();
    assert_eq!(points, [d("36"), d("18"), d("36")]);
}

#[test]
fn qualitative_results_score_in_their_band() {
    let src = project(
        "  indicator 数量指标 \"甲\" 健全 weight 25\n  indicator 质量指标 \"乙\" 健全 weight 25\n  indicator 社会效益指标 \"丙\" 明显改善 weight 30\n  indicator 服务对象满意度指标 \"丁\" 满意 weight 10\n",
        "  achieved \"甲\" 完成\n  achieved \"乙\" 基本完成 reason \"部分\" score 18\n  achieved \"丙\" 未达成 reason \"未\"\n  achieved \"丁\" 满意\n  execution budget 50 spent 50\n",
        "",
    );
    let decl = compile(&src);
    assert_eq!(score_of(&decl, "甲"), d("25"));
    assert_eq!(score_of(&decl, "乙"), d("18"));
    assert_eq!(score_of(&decl, "丙"), d("0"));
    // The target's own words are 达成.
    assert_eq!(score_of(&decl, "丁"), d("10"));
}

#[test]
fn a_typed_score_outside_the_band_or_against_the_rules_is_an_error() {
    for (line, code) in [
        (
            "  achieved \"甲\" 基本完成 reason \"部分\" score 24\n",
            "B4065",
        ),
        ("  achieved \"甲\" 达成 score 24\n", "B4061"),
    ] {
        let indicator = if code == "B4061" {
            "  indicator 数量指标 \"甲\" >= 5 weight 90\n"
        } else {
            "  indicator 数量指标 \"甲\" 健全 weight 90\n"
        };
        let src = project(indicator, line, "# bdl: allow B4030\n");
        let c = bdl::compile(&src);
        assert!(
            c.diagnostics.iter().any(|x| x.code.as_str() == code),
            "{code}: {:?}",
            c.diagnostics
                .iter()
                .map(|x| x.code.as_str())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn money_actuals_convert_between_yuan_and_wan() {
    let src = project(
        "  indicator 数量指标 \"甲\" <= 10万元 weight 90\n",
        "  execution budget 50 spent 50\n  achieved \"甲\" 120000元 reason \"超支\"\n",
        "# bdl: allow B4030\n",
    );
    let decl = compile(&src);
    // The only 产出 indicator has the block's 50 points. 12万元 against ≤10万元: (20 − 12) ÷ 10 × 50 = 40.
    assert_eq!(rows(&decl)[0].1, d("50"));
    assert_eq!(score_of(&decl, "甲"), d("40.00"));
}

/// The year-end lines of a declaration.
fn is_year_end(line: &str) -> bool {
    let t = line.trim_start();
    ["achieved ", "execution ", "outcome ", "profile "]
        .iter()
        .any(|k| t.starts_with(k))
}

fn worked_examples() -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("self-evaluation"))
        .collect();
    out.sort();
    assert!(out.len() >= 3, "three worked examples");
    out
}

#[test]
fn the_targets_stay_as_declared_and_the_diff_is_the_year_end_section_alone() {
    for path in worked_examples() {
        let full = std::fs::read_to_string(&path).unwrap();
        let targets: String = full
            .lines()
            .filter(|l| !is_year_end(l))
            .map(|l| format!("{l}\n"))
            .collect();
        let with = compile(&full);
        let without = compile(&targets);
        assert!(evaluate(&without).is_empty());
        let all = bdl::emit::layout::tables(&with);
        let before = bdl::emit::layout::tables(&without);
        assert!(all.len() > before.len(), "{}", path.display());
        assert_eq!(
            &all[..before.len()],
            &before[..],
            "{}: the target tables changed",
            path.display()
        );
        let change = bdl::diff::diff(&without, &with);
        assert!(!change.is_same());
        assert!(!change.self_evaluation.is_empty());
        assert!(change.header.is_empty(), "{}", path.display());
        assert!(change.lines.is_empty(), "{}", path.display());
        assert!(change.directions.is_empty(), "{}", path.display());
        assert!(change.indicators.is_empty(), "{}", path.display());
        assert!(change.texts.is_empty(), "{}", path.display());
        // And the reverse: removing the year-end facts shows them going.
        let back = bdl::diff::diff(&with, &without);
        assert!(!back.self_evaluation.is_empty());
    }
}

#[test]
fn every_total_is_the_sum_of_its_rows_in_the_worked_examples() {
    for path in worked_examples() {
        let decl = compile(&std::fs::read_to_string(&path).unwrap());
        for e in evaluate(&decl) {
            let sum: Decimal = e.items.iter().map(|i| i.score).sum::<Decimal>()
                + e.execution.as_ref().map_or(Decimal::ZERO, |x| x.score);
            assert_eq!(e.total, sum, "{}", path.display());
            for i in &e.items {
                assert!(i.score <= i.points && i.score >= Decimal::ZERO);
                assert_eq!(i.score, i.score.round_dp(2));
            }
        }
    }
}

#[test]
fn the_worked_example_of_the_docs_is_what_build_prints() {
    let doc = std::fs::read_to_string("docs/self-evaluation.md").unwrap();
    let at = doc
        .find("## An example, from declaration to graded table")
        .unwrap();
    let rest = &doc[at..];
    let src_start = rest.find("```bdl\n").unwrap() + "```bdl\n".len();
    let src_end = src_start + rest[src_start..].find("```").unwrap();
    let src = &rest[src_start..src_end];
    let md_start = rest.find("```markdown\n").unwrap() + "```markdown\n".len();
    let md_end = md_start + rest[md_start..].find("```").unwrap();
    let shown = rest[md_start..md_end].trim();
    let decl = compile(src);
    let printed = bdl::emit::markdown::render(&decl);
    assert!(
        printed.contains(shown),
        "docs/self-evaluation.md shows another table than `bdl build` prints:\n{printed}"
    );
    assert!(Path::new("docs/self-evaluation.md").exists());
}

fn dec(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

fn score(r: (Decimal, Rule)) -> Decimal {
    rules::round2(r.0)
}

proptest! {
    /// A score lies between 0 and its points, whatever the rule and figures.
    #[test]
    fn a_score_never_exceeds_its_points(
        target in -10_000i64..1_000_000,
        actual in -10_000i64..2_000_000,
        points in 0i64..10_000,
        ratio in any::<bool>(),
    ) {
        let (t, a, p) = (dec(target), dec(actual), dec(points));
        let inverse = if ratio { Inverse::Ratio } else { Inverse::Linear };
        for s in [
            score(rules::at_least(t, a, p)),
            score(rules::at_most(t, a, p, inverse)),
            score(rules::zero_target(a, p)),
            score(rules::execution(t, a, p)),
        ] {
            prop_assert!(s >= Decimal::ZERO, "{s} < 0");
            prop_assert!(s <= p, "{s} > {p}");
        }
    }

    /// More achieved never scores less on a ≥ indicator, nor more on a ≤ one.
    #[test]
    fn scores_are_monotone_in_the_actual(
        target in 1i64..1_000_000,
        a in 0i64..2_000_000,
        step in 0i64..100_000,
        points in 1i64..10_000,
        ratio in any::<bool>(),
    ) {
        let (t, p) = (dec(target), dec(points));
        let (lo, hi) = (dec(a), dec(a + step));
        prop_assert!(score(rules::at_least(t, lo, p)) <= score(rules::at_least(t, hi, p)));
        let inverse = if ratio { Inverse::Ratio } else { Inverse::Linear };
        prop_assert!(score(rules::at_most(t, lo, p, inverse)) >= score(rules::at_most(t, hi, p, inverse)));
        prop_assert!(score(rules::execution(t, lo, p)) <= score(rules::execution(t, hi, p)));
    }

    /// A typed score inside the band stands; outside it, the band's default is kept.
    #[test]
    fn bands_hold_their_scores(points in 1i64..10_000, typed in 0i64..10_000, which in 0usize..3) {
        let result = [Result3::Achieved, Result3::Partly, Result3::Missed][which];
        let p = dec(points);
        let s = dec(typed);
        let (lo, hi) = rules::band_points(result, p);
        let (got, _, outside) = rules::band(result, p, Some(s));
        prop_assert!(got >= Decimal::ZERO && got <= p);
        if s >= rules::round2(lo) && s <= rules::round2(hi) {
            prop_assert_eq!(got, s);
            prop_assert!(!outside);
        } else {
            prop_assert!(outside);
        }
    }

    /// A whole declaration: the total is the sum of the rounded rows, each row within its points, and
    /// the points add up to 100 when every block has an indicator.
    #[test]
    fn a_table_total_is_the_sum_of_its_rows(
        actuals in proptest::collection::vec(0u32..20_000, 4),
        targets in proptest::collection::vec(1u32..10_000, 4),
        weights in proptest::collection::vec(1u32..29, 3),
        le in proptest::collection::vec(any::<bool>(), 4),
        spent in 0u32..6_000,
        free in any::<bool>(),
    ) {
        let cats = ["数量指标", "质量指标", "社会效益指标", "服务对象满意度指标"];
        // Weights add up to 90, as the target checks require.
        let mut weights = weights;
        weights.push(90 - weights.iter().sum::<u32>());
        let mut inds = String::new();
        let mut facts = format!("  execution budget 50 spent {}\n", Decimal::new(i64::from(spent), 2));
        for k in 0..4 {
            let op = if le[k] { "<=" } else { ">=" };
            inds.push_str(&format!(
                "  indicator {} \"指标{k}\" {op} {} weight {}\n",
                cats[k], targets[k], weights[k]
            ));
            facts.push_str(&format!("  achieved \"指标{k}\" {} reason \"说明\"\n", actuals[k]));
        }
        let tail = if free { "profile free-split\n" } else { "" };
        let src = project(&inds, &facts, tail);
        let decl = compile(&src);
        let e = &evaluate(&decl)[0];
        let mut sum = e.execution.as_ref().map_or(Decimal::ZERO, |x| x.score);
        let mut points = Decimal::from(10);
        for i in &e.items {
            prop_assert!(i.score >= Decimal::ZERO && i.score <= i.points);
            sum += i.score;
            points += i.points;
        }
        prop_assert_eq!(e.total, sum);
        prop_assert_eq!(points.round_dp(10), Decimal::from(100));
    }
}

#[test]
fn json_carries_the_self_evaluation_only_when_written() {
    let new =
        compile(&std::fs::read_to_string("tests/fixtures/diff/year_end_added_new.bdl").unwrap());
    let old =
        compile(&std::fs::read_to_string("tests/fixtures/diff/year_end_added_old.bdl").unwrap());
    let doc = bdl::emit::json::document(&new);
    let tables = &doc["self_evaluation"]["tables"];
    assert_eq!(tables[0]["total"], "84");
    assert_eq!(tables[0]["grade"], "良");
    let row = &tables[0]["indicators"][1];
    assert_eq!(row["rule"], "proportional");
    assert_eq!(row["figures"]["target"], "90");
    assert_eq!(row["figures"]["actual"], "81");
    assert_eq!(row["how_zh"], "81 ÷ 90 × 25 = 22.50");
    assert!(
        bdl::emit::json::document(&old)
            .get("self_evaluation")
            .is_none()
    );
    let change = bdl::diff::json::document(&bdl::diff::diff(&old, &new));
    assert_eq!(change["self_evaluation"][0]["new_total"], "84");
    let same = bdl::diff::json::document(&bdl::diff::diff(&old, &old));
    assert!(same.get("self_evaluation").is_none());
}

#[test]
fn the_rollup_lists_each_departments_score_and_grade() {
    use bdl::batch::rollup::Entry;
    let dept = compile(
        &std::fs::read_to_string("examples/hunan-department-self-evaluation-2024.bdl").unwrap(),
    );
    let e = Entry::of("a.bdl".into(), &dept).unwrap();
    let g = e.evaluation.as_ref().unwrap();
    // The department's own table, graded 80/70/60.
    assert_eq!(g.score, evaluate(&dept)[0].total);
    assert_eq!(g.grade, "优");
    let row = bdl::batch::printed::markdown_row(&e);
    assert!(
        row.ends_with(&format!("| {} | 优 |\n", g.score.round_dp(2))),
        "{row}"
    );
    let targets = compile(&std::fs::read_to_string("examples/shifeng-xinfang-2021.bdl").unwrap());
    assert!(
        Entry::of("b.bdl".into(), &targets)
            .unwrap()
            .evaluation
            .is_none()
    );
    // Projects only: their totals weighted by 年初预算数.
    let project = compile(
        &std::fs::read_to_string("examples/free-split-project-self-evaluation-2025.bdl").unwrap(),
    );
    let e = Entry::of("c.bdl".into(), &project).unwrap();
    assert_eq!(e.evaluation.unwrap().score, d("82.10"));
}

#[test]
fn a_budget_breakdown_alone_is_no_department_table_to_score() {
    let src = project(
        "  indicator 数量指标 \"甲\" >= 1 weight 50\n  indicator 社会效益指标 \"乙\" >= 1 weight 30\n  indicator 服务对象满意度指标 \"丙\" >= 1 weight 10\n",
        "  execution budget 50 spent 50\n  achieved \"甲\" 1\n  achieved \"乙\" 1\n  achieved \"丙\" 1\n",
        "",
    )
    .replace(
        "\nproject ",
        "income \"一般公共预算拨款\" 50\nspending \"项目支出\" = directions\n\nproject ",
    );
    let decl = compile(&src);
    assert!(decl.has_department_table());
    let e = evaluate(&decl);
    assert_eq!(e.len(), 1);
    assert!(e[0].direction.is_some());
    assert_eq!(e[0].total, d("100"));
}

#[test]
fn the_editor_shows_each_score_after_its_line() {
    let src = std::fs::read_to_string("tests/fixtures/diff/year_end_added_new.bdl").unwrap();
    let a = bdl::ide::analyse(&src);
    let hints = bdl::ide::inlay::hints(&a);
    let line_end = |needle: &str| {
        let at = src.find(needle).unwrap();
        at + src[at..].find('\n').unwrap()
    };
    let at = |offset: usize| hints.iter().find(|h| h.offset == offset).unwrap();
    let h = at(line_end("achieved \"教育帮扶覆盖率\""));
    assert_eq!(h.label, "得分 22.50/25");
    assert_eq!(
        h.how.as_ref().unwrap().get(bdl::messages::Lang::Zh),
        "81 ÷ 90 × 25 = 22.50"
    );
    assert_eq!(at(line_end("execution budget")).label, "得分 9.50/10");
}

#[test]
fn a_range_target_scores_full_within_it() {
    let src = project(
        "  indicator 数量指标 \"甲\" 85%-95% weight 50\n  indicator 社会效益指标 \"乙\" 85%-95% weight 30\n  indicator 服务对象满意度指标 \"丙\" 85%-95% weight 10\n",
        "  execution budget 50 spent 50\n  achieved \"甲\" 90%\n  achieved \"乙\" 68% reason \"低\"\n  achieved \"丙\" 100% reason \"高\"\n",
        "",
    );
    let decl = compile(&src);
    assert_eq!(score_of(&decl, "甲"), d("50"));
    // 68 ÷ 85 × 30 = 24; (190 − 100) ÷ 95 × 10 = 9.473… → 9.47.
    assert_eq!(score_of(&decl, "乙"), d("24.00"));
    assert_eq!(score_of(&decl, "丙"), d("9.47"));
}

#[test]
fn an_actual_too_large_to_convert_is_reported_not_scored_in_silence() {
    let src = project(
        "  indicator 数量指标 \"甲\" <= 100000元 weight 90\n",
        "  execution budget 50 spent 50\n  achieved \"甲\" 99999999999999999999999999万元 reason \"超\"\n",
        "# bdl: allow B4030\n",
    );
    let c = bdl::compile(&src);
    let d = c
        .diagnostics
        .iter()
        .find(|x| x.code.as_str() == "B4061")
        .expect("B4061");
    assert!(d.message.en.contains("too large"), "{}", d.message.en);
}
