//! Completeness (usage, stated by one public budget system): every category of the framework filled,
//! a satisfaction indicator present, and both goals of every direction written.

use crate::diagnostic::{Code, Diagnostic};
use crate::framework::Role;
use crate::model::Declaration;
use crate::source::Span;
use crate::syntax::ast::Horizon;

pub fn framework_categories_filled(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Indicators that could not be placed (no framework, or an unknown one: B2004, B2005) would make
    // every category look empty; that error is reported already.
    let any_indicator = super::indicator_tables(decl)
        .iter()
        .any(|t| !t.indicators.is_empty());
    if !decl.has_framework && any_indicator {
        return out;
    }
    let mut tables = super::indicator_tables(decl);
    if decl.indicators.is_empty() && decl.has_department_table() {
        tables.insert(
            0,
            super::IndicatorTable {
                direction: None,
                indicators: &[],
                path: vec!["部门整体".to_string()],
            },
        );
    }
    for table in tables {
        if table
            .direction
            .is_some_and(|d| !d.has_own_table(table.path.len() - 1))
        {
            continue;
        }
        let annual: Vec<_> = table
            .indicators
            .iter()
            .filter(|i| i.horizon == Horizon::Annual)
            .collect();
        let at = match table.direction {
            Some(d) => d.name.span,
            None => annual.first().map_or(Span::new(0, 0), |i| i.span),
        };
        let whose = match table.direction {
            Some(d) => format!("\"{}\"", d.name.value),
            None => "the department table".to_string(),
        };
        let mut empty = Vec::new();
        let mut satisfaction_missing = None;
        for (slot, _, cat) in decl.framework.slots() {
            if annual.iter().any(|i| i.slot == Some(slot)) {
                continue;
            }
            if cat.role == Some(Role::Satisfaction) {
                satisfaction_missing = Some(cat.name.clone());
            } else {
                empty.push(cat.name.clone());
            }
        }
        if !empty.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::EmptyCategory,
                    format!("{whose} has no 年度 indicator under {}", empty.join(", ")),
                    at,
                    "categories left empty",
                )
                .with_help(format!("add an indicator for each, for example `indicator {} \"…\" …`, or accept the gap if the form allows it", empty[0]))
                .with_path(&table.path),
            );
        }
        if let Some(name) = satisfaction_missing {
            out.push(
                Diagnostic::new(
                    Code::NoSatisfaction,
                    format!("{whose} has no satisfaction indicator ({name})"),
                    at,
                    "no 满意度",
                )
                .with_help(format!(
                    "add one, usually `indicator {name} \"服务对象满意度\" >= 90%`"
                ))
                .with_path(&table.path),
            );
        }
    }
    out
}

pub fn goals_present(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (d, path) in super::directions_with_path(decl) {
        if !d.has_own_table(path.len() - 1) {
            continue;
        }
        let mut missing = Vec::new();
        if d.goal.is_none() {
            missing.push(("实施期绩效目标", "goal"));
        }
        if d.annual.is_none() {
            missing.push(("年度绩效目标", "annual"));
        }
        if missing.is_empty() {
            continue;
        }
        let names: Vec<&str> = missing.iter().map(|m| m.0).collect();
        let lines: Vec<String> = missing.iter().map(|m| format!("`{} \"…\"`", m.1)).collect();
        out.push(
            Diagnostic::new(
                Code::MissingGoal,
                format!("\"{}\" has no {}", d.name.value, names.join(" and no ")),
                d.name.span,
                "goals missing",
            )
            .with_help(format!(
                "add {} inside the direction's block",
                lines.join(" and ")
            ))
            .with_path(&path),
        );
    }
    out
}
