//! The printed forms: which form a document gets (declared, or its framework's default), and that every
//! table of every form is a well-formed grid (each position covered by exactly one cell), so Markdown,
//! HTML and XLSX can render it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::needless_range_loop
)]

use bdl::domain::Form;
use bdl::emit::layout::{Table, TableKind, tables};

fn compile(src: &str) -> bdl::model::Declaration {
    let c = bdl::compile(src);
    let errors: Vec<_> = c.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    c.declaration.expect("a model")
}

const PROJECT: &str = r#"
project "农村公路养护" {
  goal "三年内优良中等路率达到85%以上。"
  annual "完成1200公里日常养护。"
  amount 360
  indicator 数量指标 "日常养护里程" >= 1200公里 weight 60 sense 正向指标 standard 计划标准
  indicator 服务对象满意度指标 "沿线群众满意度" >= 90% weight 40
  overall 数量指标 "日常养护里程" >= 3600公里
}
"#;

fn doc(header: &str) -> String {
    format!("year 2025\nunit 万元\n{header}\n{PROJECT}")
}

/// Every grid position is covered by exactly one cell, and no cell runs past the table.
fn assert_well_formed(t: &Table) {
    let mut covered = vec![vec![0u32; t.columns]; t.rows.len()];
    for (r, row) in t.rows.iter().enumerate() {
        for c in &row.cells {
            assert!(
                c.colspan >= 1 && c.rowspan >= 1,
                "{}: an empty span",
                t.title
            );
            for rr in r..r + c.rowspan {
                for cc in c.col..c.col + c.colspan {
                    assert!(
                        rr < t.rows.len() && cc < t.columns,
                        "{}: row {r} col {} runs past the table",
                        t.title,
                        c.col
                    );
                    covered[rr][cc] += 1;
                }
            }
        }
    }
    for (r, row) in covered.iter().enumerate() {
        for (c, n) in row.iter().enumerate() {
            assert_eq!(*n, 1, "{}: row {r} col {c} is covered {n} times", t.title);
        }
    }
}

#[test]
fn the_framework_chooses_the_form_unless_the_document_does() {
    assert_eq!(compile(&doc("framework hunan")).form, Form::Hunan);
    assert_eq!(compile(&doc("framework mof-2021")).form, Form::MofProject);
    assert_eq!(compile(&doc("framework mof-2015")).form, Form::MofProject);
    let with_department = doc("framework mof-2021\ntotal 360\ngoal \"完成年度任务。\"");
    assert_eq!(compile(&with_department).form, Form::MofDepartment);
    assert_eq!(
        compile(&doc("framework mof-2021\nform hunan")).form,
        Form::Hunan
    );
    assert_eq!(
        compile(&doc("framework hunan\nform mof-project")).form,
        Form::MofProject
    );
}

#[test]
fn the_ministry_project_form_prints_the_columns_the_document_uses() {
    let decl = compile(&doc("framework mof-2021"));
    let ts = tables(&decl);
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.kind, TableKind::Project);
    let grid = t.grid();
    let headings: Vec<&str> = grid.iter().flatten().map(String::as_str).collect();
    for h in [
        "实施期指标值",
        "年度指标值",
        "计算符号",
        "度量单位",
        "分值",
        "指标方向",
        "绩效标准",
    ] {
        assert!(headings.contains(&h), "no {h} in {headings:?}");
    }
    // No indicator writes 指标解释, 评分标准 or a note: no such column.
    for h in ["指标解释", "评分标准", "备注"] {
        assert!(!headings.contains(&h), "{h} printed though unused");
    }
    // The overall and annual 日常养护里程 share one row, the value split in three.
    let row = grid
        .iter()
        .find(|r| r.iter().any(|c| c == "日常养护里程"))
        .unwrap();
    let cells: Vec<&str> = row.iter().map(String::as_str).collect();
    assert!(
        cells
            .windows(6)
            .any(|w| w == ["≥", "3600", "公里", "≥", "1200", "公里"]),
        "{cells:?}"
    );
    assert!(cells.contains(&"60") && cells.contains(&"正向") && cells.contains(&"计划标准"));
}

#[test]
fn the_hunan_forms_keep_their_columns() {
    let decl = compile(&doc("framework mof-2021\nform hunan"));
    for t in tables(&decl) {
        assert_eq!(t.columns, 6, "{}", t.title);
        assert!(
            !t.grid()
                .iter()
                .flatten()
                .any(|c| c == "分值" || c == "计算符号")
        );
    }
}

#[test]
fn every_table_of_every_example_is_a_well_formed_grid() {
    let mut n = 0;
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "bdl") {
            let decl = compile(&std::fs::read_to_string(&path).unwrap());
            for t in tables(&decl) {
                assert_well_formed(&t);
                n += 1;
            }
        }
    }
    for header in [
        "framework mof-2021",
        "framework mof-2021\ntotal 360\ngoal \"完成年度任务。\"",
    ] {
        for t in tables(&compile(&doc(header))) {
            assert_well_formed(&t);
            n += 1;
        }
    }
    assert!(n >= 12, "only {n} tables");
}
