//! The roll-up of a folder of declarations as printed: `_rollup.json` (streamed, entry by entry) and
//! `_rollup.md`. Every amount is in 万元 (documents in 元 are converted exactly) and printed exactly.

use super::rollup::{Entry, Rollup, Totals};
use crate::emit::markdown::escape_cell;
use crate::emit::pretty::Pretty;
use crate::present::figures;
use rust_decimal::Decimal;

/// The version of the roll-up schema.
pub const SCHEMA_VERSION: u32 = 1;

const UNIT_NOTE: &str = "all amounts are in 万元; documents written in 元 are converted exactly (÷ 10000), never rounded";

fn amount(p: &mut Pretty, v: Decimal) {
    p.str(&figures::exact(v));
}

fn lines(p: &mut Pretty, ls: &[(String, Decimal)]) {
    p.begin_array();
    for (n, v) in ls {
        p.element().begin_object();
        p.key("name").str(n);
        amount(p.key("amount"), *v);
        p.end_object();
    }
    p.end_array();
}

/// The JSON roll-up is written in three parts, so that a folder build never holds more than one
/// department's line: `json_head`, then `json_entry` for each department in order, then `json_tail`.
pub fn json_head() -> String {
    let mut p = Pretty::new();
    p.begin_object();
    p.key("schema").number(SCHEMA_VERSION);
    p.key("unit").str(super::rollup::UNIT.name());
    p.key("unit_note").str(UNIT_NOTE);
    p.key("departments").begin_array();
    p.finish()
}

/// One department of the JSON roll-up; `first` for the first one written.
pub fn json_entry(e: &Entry, first: bool) -> String {
    let mut p = Pretty::resume(2, first);
    p.element().begin_object();
    p.key("path").str(&e.path);
    match e.year {
        Some(y) => p.key("year").number(y),
        None => p.key("year").null(),
    };
    p.key("filer").opt_str(e.filer.as_deref());
    p.key("department").opt_str(e.department.as_deref());
    p.key("source_unit").str(e.source_unit.name());
    match e.total {
        Some(t) => amount(p.key("total"), t),
        None => {
            p.key("total").null();
        }
    }
    lines(p.key("income"), &e.income);
    lines(p.key("spending"), &e.spending);
    amount(p.key("project_spending"), e.project_spending);
    p.key("directions").number(e.directions);
    match &e.evaluation {
        Some(g) => {
            p.key("self_evaluation").begin_object();
            amount(p.key("score"), g.score);
            p.key("grade").str(g.grade);
            p.end_object();
        }
        None => {
            p.key("self_evaluation").null();
        }
    }
    p.end_object();
    p.finish()
}

/// Why a declaration of a folder is not in its roll-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// It has errors (or warnings under `--deny warnings`).
    Errors,
    /// It could not be read.
    Unreadable,
    /// Its tables could not be written.
    NotWritten,
    /// Its figures cannot be put into the roll-up exactly.
    Inexact,
}

impl Missing {
    /// The word in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Missing::Errors => "errors",
            Missing::Unreadable => "unreadable",
            Missing::NotWritten => "not-written",
            Missing::Inexact => "inexact",
        }
    }

    /// The words in the Markdown roll-up, which is in Chinese like the tables.
    fn zh(self) -> &'static str {
        match self {
            Missing::Errors => "有错误",
            Missing::Unreadable => "无法读取",
            Missing::NotWritten => "无法写入",
            Missing::Inexact => "金额无法精确汇总",
        }
    }
}

/// What a folder's roll-up does not simply sum: the declarations left out, and the budget years of
/// those summed (more than one is a warning: a roll-up normally covers one year).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub missing: Vec<(String, Missing)>,
    pub years: std::collections::BTreeSet<i32>,
}

/// The end of the JSON roll-up: the grand totals. `empty` when no department was written.
pub fn json_tail(t: &Totals, empty: bool) -> String {
    json_tail_covering(t, empty, None)
}

/// [`json_tail`] for a folder: also `incomplete` (the declarations left out, path and reason) and
/// `years` (the budget years summed).
pub fn json_tail_covering(t: &Totals, empty: bool, coverage: Option<&Coverage>) -> String {
    let mut p = Pretty::resume(2, empty);
    p.end_array();
    if let Some(c) = coverage {
        p.key("incomplete").begin_array();
        for (path, why) in &c.missing {
            p.element().begin_object();
            p.key("path").str(path);
            p.key("reason").str(why.as_str());
            p.end_object();
        }
        p.end_array();
        p.key("years").begin_array();
        for y in &c.years {
            p.element().number(*y);
        }
        p.end_array();
    }
    p.key("totals").begin_object();
    p.key("departments").number(t.departments);
    amount(p.key("total"), t.total);
    lines(p.key("income"), &t.income);
    lines(p.key("spending"), &t.spending);
    amount(p.key("project_spending"), t.project_spending);
    p.key("directions").number(t.directions);
    p.end_object();
    p.end_object();
    let mut s = p.finish();
    s.push('\n');
    s
}

/// The whole JSON roll-up at once.
pub fn json(r: &Rollup) -> String {
    let mut s = json_head();
    for (i, e) in r.entries.iter().enumerate() {
        s.push_str(&json_entry(e, i == 0));
    }
    s.push_str(&json_tail(&r.totals, r.entries.is_empty()));
    s
}

fn cell(s: Option<&str>) -> String {
    s.map_or_else(String::new, escape_cell)
}

fn line_cell(ls: &[(String, Decimal)]) -> String {
    ls.iter()
        .map(|(n, v)| format!("{} {}", escape_cell(n), figures::exact(*v)))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The Markdown roll-up's title, grand totals and the head of the departments' table; the rows
/// (`markdown_row`, one per department in order) follow it.
pub fn markdown_head(t: &Totals) -> String {
    markdown_head_covering(t, None)
}

/// [`markdown_head`] for a folder: says which declarations are left out and why, and warns when the
/// years summed differ.
pub fn markdown_head_covering(t: &Totals, coverage: Option<&Coverage>) -> String {
    let mut out = String::new();
    out.push_str("# 部门预算汇总表\n\n");
    out.push_str(&format!(
        "金额单位：万元（以元填报的部门已按 1万元 = 10000元 精确折算，未作舍入）。共 {} 个部门，{} 个支出方向。\n\n",
        t.departments, t.directions
    ));
    if let Some(c) = coverage {
        if !c.missing.is_empty() {
            let list: Vec<String> = c
                .missing
                .iter()
                .map(|(path, why)| format!("{}（{}）", escape_cell(path), why.zh()))
                .collect();
            out.push_str(&format!(
                "**汇总不完整**：以下 {} 份申报未计入合计：{}。\n\n",
                c.missing.len(),
                list.join("、")
            ));
        }
        if c.years.len() > 1 {
            let years: Vec<String> = c.years.iter().map(|y| format!("{y}年")).collect();
            out.push_str(&format!(
                "**注意**：合计包含不同预算年度的申报（{}）。\n\n",
                years.join("、")
            ));
        }
    }
    out.push_str("## 合计\n\n| 项目 | 金额 |\n|---|---:|\n");
    out.push_str(&format!("| 资金总额 | {} |\n", figures::exact(t.total)));
    for (n, v) in &t.income {
        out.push_str(&format!(
            "| 按收入性质分：{} | {} |\n",
            escape_cell(n),
            figures::exact(*v)
        ));
    }
    for (n, v) in &t.spending {
        out.push_str(&format!(
            "| 按支出性质分：{} | {} |\n",
            escape_cell(n),
            figures::exact(*v)
        ));
    }
    out.push_str(&format!(
        "| 项目支出（各支出方向之和） | {} |\n\n",
        figures::exact(t.project_spending)
    ));
    out.push_str("## 各部门\n\n");
    out.push_str("| 文件 | 年度 | 填报单位 | 部门名称 | 原金额单位 | 资金总额 | 按收入性质分 | 按支出性质分 | 项目支出 | 支出方向数 | 自评得分 | 自评等级 |\n");
    out.push_str("|---|---|---|---|---|---:|---|---|---:|---:|---:|---|\n");
    out
}

/// One department's row of the Markdown roll-up.
pub fn markdown_row(e: &Entry) -> String {
    format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
        escape_cell(&e.path),
        e.year.map_or_else(String::new, |y| y.to_string()),
        cell(e.filer.as_deref()),
        cell(e.department.as_deref()),
        e.source_unit.name(),
        e.total.map_or_else(String::new, figures::exact),
        line_cell(&e.income),
        line_cell(&e.spending),
        figures::exact(e.project_spending),
        e.directions,
        e.evaluation
            .as_ref()
            .map_or_else(String::new, |g| figures::display_fixed(g.score, 2)),
        e.evaluation.as_ref().map_or("", |g| g.grade),
    )
}

/// The whole Markdown roll-up at once.
pub fn markdown(r: &Rollup) -> String {
    let mut out = markdown_head(&r.totals);
    for e in &r.entries {
        out.push_str(&markdown_row(e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value as Json, json};

    /// The roll-up as it was printed through `serde_json::Value`, kept to check the streamed one.
    fn through_value(r: &Rollup) -> String {
        let amount = |v: Decimal| Json::String(figures::exact(v));
        let lines = |ls: &[(String, Decimal)]| {
            Json::Array(
                ls.iter()
                    .map(|(n, v)| json!({ "name": n, "amount": amount(*v) }))
                    .collect(),
            )
        };
        let t = &r.totals;
        let doc = json!({
            "schema": SCHEMA_VERSION,
            "unit": crate::batch::rollup::UNIT.name(),
            "unit_note": UNIT_NOTE,
            "departments": r.entries.iter().map(|e| json!({
                "path": e.path,
                "year": e.year,
                "filer": e.filer,
                "department": e.department,
                "source_unit": e.source_unit.name(),
                "total": e.total.map_or(Json::Null, amount),
                "income": lines(&e.income),
                "spending": lines(&e.spending),
                "project_spending": amount(e.project_spending),
                "directions": e.directions,
                "self_evaluation": e.evaluation.as_ref().map_or(Json::Null, |g| json!({
                    "score": amount(g.score),
                    "grade": g.grade,
                })),
            })).collect::<Vec<_>>(),
            "totals": {
                "departments": t.departments,
                "total": amount(t.total),
                "income": lines(&t.income),
                "spending": lines(&t.spending),
                "project_spending": amount(t.project_spending),
                "directions": t.directions,
            },
        });
        let mut s = serde_json::to_string_pretty(&doc).expect("serialises");
        s.push('\n');
        s
    }

    fn entry(path: &str, src: &str) -> Entry {
        let decl = crate::compile(src).declaration.expect("compiles");
        Entry::of(path.into(), &decl).expect("converts")
    }

    #[test]
    fn streamed_json_is_what_serde_json_printed() {
        let mut r = Rollup::default();
        assert_eq!(json(&r), through_value(&r));
        r.push(entry(
            "a/甲\"x\".bdl",
            "year 2024\nunit 元\nframework hunan\nfiler \"单位\"\nincome \"一般公共预算拨款\" 12345\nspending \"基本支出\" 12345\n",
        ))
        .expect("adds");
        assert_eq!(json(&r), through_value(&r));
        r.push(entry("b.bdl", "unit 万元\nframework hunan\n"))
            .expect("adds");
        assert_eq!(json(&r), through_value(&r));
    }
}
