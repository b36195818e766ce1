//! A direction's 项目实施期 should include the budget year.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Declaration;

pub fn period_includes_budget_year(decl: &Declaration) -> Vec<Diagnostic> {
    let Some(year) = &decl.year else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (d, path) in super::directions_with_path(decl) {
        let Some(p) = &d.period else { continue };
        if !p.value.includes_year(year.value) {
            out.push(
                Diagnostic::new(
                    Code::PeriodExcludesYear,
                    format!("the period \"{}\" of \"{}\" does not include the budget year {}", p.value.text, d.name.value, year.value),
                    p.span,
                    "outside the budget year",
                )
                .with_label(year.span, "the budget year")
                .with_help("correct the period or the year; a period copied from last year's file is the usual cause")
                .with_path(&path),
            );
        }
    }
    out
}
