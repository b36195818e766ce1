//! Completeness (usage, stated by one public budget system): every category of the framework filled,
//! a satisfaction indicator present, and both goals of every direction written.

use super::Review;
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::Horizon;
use crate::domain::framework::Role;
use crate::source::Span;

crate::codes::rules! {
    EMPTY_CATEGORY = "B4030", Warning, "a framework category has no indicator", "指标体系中的某个类别没有指标";
    NO_SATISFACTION = "B4031", Warning, "there is no satisfaction indicator", "没有满意度指标";
    MISSING_GOAL = "B5002", Warning, "a direction has no 实施期 or 年度 goal", "支出方向缺少实施期目标或年度目标";
}

pub fn framework_categories_filled(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    // Without a framework (none named, or an unknown one: B2004, B2005) there are no categories to
    // fill; with indicators, that error is reported already.
    if !decl.has_framework {
        return out;
    }
    for table in &review.tables {
        // A table with an indicator of an unknown 二级指标 (B4001) would show its category as empty;
        // the unknown name is the thing to fix first.
        if table
            .direction
            .is_some_and(|d| !d.has_own_table(table.path.len() - 1))
            || table.indicators.iter().any(|i| i.slot.is_none())
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
        let whose = table.direction.map(|d| d.name.value.as_str());
        let mut empty: Vec<&str> = Vec::new();
        let mut satisfaction_missing = None;
        for (slot, _, cat) in decl.framework.slots() {
            if annual.iter().any(|i| i.slot == Some(slot)) {
                continue;
            }
            if cat.role == Some(Role::Satisfaction) {
                satisfaction_missing = Some(cat.name.as_str());
            } else {
                empty.push(cat.name.as_str());
            }
        }
        if let Some(&first_empty) = empty.first() {
            out.push(
                Diagnostic::new(
                    EMPTY_CATEGORY,
                    msg::categories_empty(whose, &empty),
                    at,
                    msg::label_categories_empty(),
                )
                .with_help(msg::help_categories_empty(first_empty))
                .with_path(&table.path),
            );
        }
        if let Some(name) = satisfaction_missing {
            out.push(
                Diagnostic::new(
                    NO_SATISFACTION,
                    msg::no_satisfaction(whose, name),
                    at,
                    msg::label_no_satisfaction(),
                )
                .with_help(msg::help_no_satisfaction(name))
                .with_path(&table.path),
            );
        }
    }
    out
}

pub fn goals_present(review: &Review) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (d, path) in review.directions() {
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
        out.push(
            Diagnostic::new(
                MISSING_GOAL,
                msg::goals_missing(&d.name.value, &missing),
                d.name.span,
                msg::label_goals_missing(),
            )
            .with_help(msg::help_goals_missing(&missing))
            .with_path(path),
        );
    }
    out
}
