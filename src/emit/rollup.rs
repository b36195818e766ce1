//! The roll-up of a folder of declarations, as JSON or Markdown. Every amount is in 万元 (documents in
//! 元 are converted exactly) and printed exactly, never rounded.

use super::markdown::escape_cell;
use crate::batch::rollup::{Entry, Rollup};
use crate::money;
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

/// The version of the roll-up schema.
pub const SCHEMA_VERSION: u32 = 1;

const UNIT_NOTE: &str = "all amounts are in 万元; documents written in 元 are converted exactly (÷ 10000), never rounded";

fn amount(v: Decimal) -> Json {
    Json::String(money::exact(v))
}

fn lines(ls: &[(String, Decimal)]) -> Json {
    Json::Array(
        ls.iter()
            .map(|(n, v)| json!({ "name": n, "amount": amount(*v) }))
            .collect(),
    )
}

fn entry_json(e: &Entry) -> Json {
    json!({
        "path": e.path,
        "year": e.year,
        "filer": e.filer,
        "department": e.department,
        "source_unit": money::unit_name(e.source_unit),
        "total": e.total.map_or(Json::Null, amount),
        "income": lines(&e.income),
        "spending": lines(&e.spending),
        "project_spending": amount(e.project_spending),
        "directions": e.directions,
    })
}

pub fn json(r: &Rollup) -> String {
    let t = &r.totals;
    let doc = json!({
        "schema": SCHEMA_VERSION,
        "unit": money::unit_name(crate::batch::rollup::UNIT),
        "unit_note": UNIT_NOTE,
        "departments": r.entries.iter().map(entry_json).collect::<Vec<_>>(),
        "totals": {
            "departments": t.departments,
            "total": amount(t.total),
            "income": lines(&t.income),
            "spending": lines(&t.spending),
            "project_spending": amount(t.project_spending),
            "directions": t.directions,
        },
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

fn cell(s: Option<&str>) -> String {
    s.map_or_else(String::new, escape_cell)
}

fn line_cell(ls: &[(String, Decimal)]) -> String {
    ls.iter()
        .map(|(n, v)| format!("{} {}", escape_cell(n), money::exact(*v)))
        .collect::<Vec<_>>()
        .join("<br>")
}

pub fn markdown(r: &Rollup) -> String {
    let t = &r.totals;
    let mut out = String::new();
    out.push_str("# 部门预算汇总表\n\n");
    out.push_str(&format!(
        "金额单位：万元（以元填报的部门已按 1万元 = 10000元 精确折算，未作舍入）。共 {} 个部门，{} 个支出方向。\n\n",
        t.departments, t.directions
    ));
    out.push_str("## 合计\n\n| 项目 | 金额 |\n|---|---:|\n");
    out.push_str(&format!("| 资金总额 | {} |\n", money::exact(t.total)));
    for (n, v) in &t.income {
        out.push_str(&format!(
            "| 按收入性质分：{} | {} |\n",
            escape_cell(n),
            money::exact(*v)
        ));
    }
    for (n, v) in &t.spending {
        out.push_str(&format!(
            "| 按支出性质分：{} | {} |\n",
            escape_cell(n),
            money::exact(*v)
        ));
    }
    out.push_str(&format!(
        "| 项目支出（各支出方向之和） | {} |\n\n",
        money::exact(t.project_spending)
    ));
    out.push_str("## 各部门\n\n");
    out.push_str("| 文件 | 年度 | 填报单位 | 部门名称 | 原金额单位 | 资金总额 | 按收入性质分 | 按支出性质分 | 项目支出 | 支出方向数 |\n");
    out.push_str("|---|---|---|---|---|---:|---|---|---:|---:|\n");
    for e in &r.entries {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            escape_cell(&e.path),
            e.year.map_or_else(String::new, |y| y.to_string()),
            cell(e.filer.as_deref()),
            cell(e.department.as_deref()),
            money::unit_name(e.source_unit),
            e.total.map_or_else(String::new, money::exact),
            line_cell(&e.income),
            line_cell(&e.spending),
            money::exact(e.project_spending),
            e.directions,
        ));
    }
    out
}
