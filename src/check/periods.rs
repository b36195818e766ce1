//! A direction's 项目实施期 should include the budget year.

use super::Review;
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;

crate::codes::rules! {
    PERIOD_EXCLUDES_YEAR = "B5010", Warning, "the period does not include the budget year", "实施期不包含预算年度";
}

pub fn period_includes_budget_year(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let Some(year) = &decl.year else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (d, path) in review.directions() {
        let Some(p) = &d.period else { continue };
        if !p.value.includes_year(year.value) {
            out.push(
                Diagnostic::new(
                    PERIOD_EXCLUDES_YEAR,
                    msg::period_excludes_year(&p.value.text, &d.name.value, year.value),
                    p.span,
                    msg::label_outside_year(),
                )
                .with_label(year.span, msg::label_budget_year())
                .with_help(msg::help_period_excludes_year())
                .with_path(path),
            );
        }
    }
    out
}
