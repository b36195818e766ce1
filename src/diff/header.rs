//! The header fields (year, filer, department, unit, framework) and the totals.

use super::changes::*;
use super::{Cx, field};
use crate::domain::framework::Framework;
use crate::model::Declaration;

fn framework_text(f: &Framework) -> String {
    if crate::domain::framework::PROFILES.contains(&f.name.as_str()) {
        return f.name.clone();
    }
    let tiers: Vec<String> = f
        .tiers
        .iter()
        .map(|t| {
            let cats: Vec<&str> = t.categories.iter().map(|c| c.name.as_str()).collect();
            format!("{}：{}", t.name, cats.join("、"))
        })
        .collect();
    format!("{}（{}）", f.name, tiers.join("；"))
}

pub(super) fn header(old: &Declaration, new: &Declaration) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let year = |d: &Declaration| d.year.as_ref().map(|y| y.value.to_string());
    field("year", "年度", year(old), year(new), &mut out);
    let text = |s: &Option<crate::model::Spanned<String>>| s.as_ref().map(|s| s.value.clone());
    field(
        "filer",
        "填报单位",
        text(&old.filer),
        text(&new.filer),
        &mut out,
    );
    field(
        "department",
        "部门名称",
        text(&old.department),
        text(&new.department),
        &mut out,
    );
    field(
        "unit",
        "金额单位",
        Some(old.unit.name().to_string()),
        Some(new.unit.name().to_string()),
        &mut out,
    );
    field(
        "framework",
        "指标体系",
        Some(framework_text(&old.framework)),
        Some(framework_text(&new.framework)),
        &mut out,
    );
    out
}

pub(super) fn totals(cx: &Cx) -> Vec<TotalChange> {
    let mut out = Vec::new();
    let (o, n) = (cx.old.total(), cx.new.total());
    if o.is_some() || n.is_some() {
        out.push(TotalChange {
            key: "total",
            label: "资金总额",
            amounts: cx.amounts(o, n),
        });
    }
    let dirs = |d: &Declaration| {
        if d.directions.is_empty() {
            None
        } else {
            d.directions_total()
        }
    };
    let (o, n) = (dirs(cx.old), dirs(cx.new));
    if o.is_some() || n.is_some() {
        out.push(TotalChange {
            key: "directions",
            label: "支出方向合计",
            amounts: cx.amounts(o, n),
        });
    }
    out
}
