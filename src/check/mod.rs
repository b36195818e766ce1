//! check: the invariants a finance office expects of a declaration, one small function per invariant,
//! each returning its diagnostics. All of them run; none stops the others.

pub(crate) mod amounts;
pub(crate) mod completeness;
pub(crate) mod cost_caps;
pub(crate) mod form_fit;
pub(crate) mod goals;
pub(crate) mod messages;
pub(crate) mod periods;
pub(crate) mod references;
pub(crate) mod scores;
pub(crate) mod shares;
pub(crate) mod tasks;
pub(crate) mod totals;
pub(crate) mod values;
pub(crate) mod year_end;

use crate::diagnostic::Diagnostic;
use crate::domain::Money;
use crate::model::{Declaration, Direction, Indicator};
use crate::present::{breadcrumbs, figures};

type Check = fn(&Review) -> Vec<Diagnostic>;

const CHECKS: &[Check] = &[
    totals::lines_add_up,
    totals::breakdowns_agree,
    totals::declared_total_matches,
    totals::funds_match_amount,
    shares::shares_add_up,
    totals::directions_within_project_spending,
    totals::earlier_years_add_up,
    tasks::tasks_within_their_funders,
    scores::weights_add_up,
    amounts::direction_amount_matches_basis,
    amounts::amounts_whole_yuan,
    cost_caps::cost_cap_within_amount,
    references::quantity_matches_reference,
    completeness::framework_categories_filled,
    completeness::goals_present,
    values::satisfaction_target,
    values::percentage_within_100,
    values::indicator_names_unique,
    values::no_placeholder_values,
    values::texts_within_system_limits,
    goals::goal_texts_agree,
    periods::period_includes_budget_year,
    form_fit::form_prints_what_is_declared,
    year_end::self_evaluation,
];

pub fn run(decl: &Declaration) -> Vec<Diagnostic> {
    let review = Review::new(decl);
    CHECKS.iter().flat_map(|check| check(&review)).collect()
}

/// What every check reads: the declaration and its tables of indicators, built once.
pub(crate) struct Review<'a> {
    pub decl: &'a Declaration,
    pub tables: Vec<IndicatorTable<'a>>,
}

impl<'a> Review<'a> {
    fn new(decl: &'a Declaration) -> Self {
        Review {
            decl,
            tables: indicator_tables(decl),
        }
    }

    /// Every direction, depth first, with its breadcrumb.
    pub fn directions(&self) -> impl Iterator<Item = (&'a Direction, &[String])> {
        self.tables
            .iter()
            .filter_map(|t| t.direction.map(|d| (d, t.path.as_slice())))
    }
}

/// One table of indicators: the department's, or one direction's, with its breadcrumb.
pub(crate) struct IndicatorTable<'a> {
    pub direction: Option<&'a Direction>,
    pub indicators: &'a [Indicator],
    pub path: Vec<String>,
}

/// The department's table (when the document has one, even with no indicators yet) and every
/// direction's, depth first.
fn indicator_tables(decl: &Declaration) -> Vec<IndicatorTable<'_>> {
    let mut out = Vec::new();
    if !decl.indicators.is_empty() || decl.has_department_table() {
        out.push(IndicatorTable {
            direction: None,
            indicators: &decl.indicators,
            path: breadcrumbs::department(),
        });
    }
    fn walk<'a>(ds: &'a [Direction], parent: &[String], out: &mut Vec<IndicatorTable<'a>>) {
        for d in ds {
            let path = direction_path(parent, d);
            out.push(IndicatorTable {
                direction: Some(d),
                indicators: &d.indicators,
                path: path.clone(),
            });
            walk(&d.children, &path, out);
        }
    }
    walk(&decl.directions, &[], &mut out);
    out
}

pub(crate) fn direction_path(parent: &[String], d: &Direction) -> Vec<String> {
    breadcrumbs::direction(parent, d)
}

pub(crate) use crate::model::agreement::{Agreement, compare};

/// `173.4271万元`.
pub(crate) fn fig(value: Money) -> String {
    figures::money(value)
}

/// The difference, unsigned.
pub(crate) fn difference(a: Money, b: Money) -> crate::messages::Text {
    match a.checked_sub(b) {
        Ok(d) => crate::messages::figure(&fig(Money::new(d.amount().abs(), d.unit()))),
        Err(_) => crate::messages::difference_too_large(),
    }
}
