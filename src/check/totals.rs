//! Totals: every line equals the sum of its parts, both breakdowns reach the same 资金总额, and a
//! declared total matches them.

use super::Review;
use super::{Agreement, compare, difference, fig};
use crate::diagnostic::{Code, Diagnostic};
use crate::messages as msg;
use crate::model::{self, Declaration, Line};
use rust_decimal::Decimal;

pub fn lines_add_up(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for (lines, what) in [(&decl.income, "income"), (&decl.spending, "spending")] {
        check_lines(decl, lines, what, &[], &mut out);
    }
    for (d, path) in review.directions() {
        check_lines(decl, &d.funds, "income", path, &mut out);
    }
    out
}

fn check_lines(
    decl: &Declaration,
    lines: &[Line],
    what: &str,
    path: &[String],
    out: &mut Vec<Diagnostic>,
) {
    for l in lines {
        if let (Some(declared), Some(derived)) = (&l.declared, &l.derived) {
            match compare(declared.value, l.declared_text.as_deref(), derived.value) {
                Agreement::Equal => {}
                Agreement::AtPrintedPrecision(dp) => out.push(printed_precision(
                    decl,
                    &l.name.value,
                    declared.span,
                    derived.value,
                    dp,
                    path,
                )),
                Agreement::Differ => {
                    let mut d = Diagnostic::new(
                        Code::LineSumMismatch,
                        msg::line_differs_from_parts(
                            what,
                            &l.name.value,
                            &fig(declared.value, decl),
                            &fig(derived.value, decl),
                            &difference(declared.value, derived.value, decl),
                        ),
                        declared.span,
                        msg::label_declared(&fig(declared.value, decl)),
                    )
                    .with_help(msg::help_line_differs_from_parts(
                        &crate::money::exact(derived.value),
                        &derived.how,
                    ))
                    .with_path(path);
                    for s in &derived.sources {
                        d = d.with_label(*s, msg::label_a_part());
                    }
                    out.push(d);
                }
            }
        }
        // 其中 lines must add up to the line above them, whatever the line's amount comes from; a
        // mismatch already reported above (declared vs the sum of these lines) is not repeated.
        let unknown = l.declared.is_none() && l.derived.is_none();
        if let Some(children) = model::sum(l.children.iter().map(|c| c.amount))
            .filter(|_| !l.children.is_empty() && !unknown)
        {
            let reported =
                l.declared.is_some() && l.derived.as_ref().is_some_and(|d| d.value == children);
            if children != l.amount && !reported {
                out.push(
                    Diagnostic::new(
                        Code::LineSumMismatch,
                        msg::sub_lines_differ(
                            &l.name.value,
                            &fig(children, decl),
                            &fig(l.amount, decl),
                        ),
                        l.name.span,
                        msg::label_this_line_is(&fig(l.amount, decl)),
                    )
                    .with_help(msg::help_sub_lines_differ())
                    .with_path(path),
                );
            }
        }
        check_lines(decl, &l.children, what, path, out);
    }
}

pub(crate) fn printed_precision(
    decl: &Declaration,
    name: &str,
    span: crate::source::Span,
    exact: Decimal,
    dp: u32,
    path: &[String],
) -> Diagnostic {
    Diagnostic::new(
        Code::PrintedPrecision,
        msg::printed_precision(name, dp, &fig(exact, decl)),
        span,
        msg::label_agrees_at(dp),
    )
    .with_help(msg::help_printed_precision(&crate::money::exact(exact)))
    .with_path(path)
}

/// Whether a line of the breakdown has no amount (none written, or a derivation that failed): its sum
/// is then unknown, and comparing it would only repeat the error already reported for that line.
fn has_unknown_line(lines: &[Line]) -> bool {
    lines
        .iter()
        .any(|l| (l.declared.is_none() && l.derived.is_none()) || has_unknown_line(&l.children))
}

pub fn breakdowns_agree(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    if decl.income.is_empty()
        || decl.spending.is_empty()
        || has_unknown_line(&decl.income)
        || has_unknown_line(&decl.spending)
    {
        return Vec::new();
    }
    let (Some(income), Some(spending)) = (decl.income_total(), decl.spending_total()) else {
        return Vec::new();
    };
    if income == spending {
        return Vec::new();
    }
    let at = decl
        .spending
        .first()
        .or(decl.income.first())
        .map_or_else(Default::default, |l| l.span);
    let mut d = Diagnostic::new(
        Code::BreakdownsDiffer,
        msg::breakdowns_differ(
            &fig(income, decl),
            &fig(spending, decl),
            &difference(income, spending, decl),
        ),
        at,
        msg::label_spending_adds_up(&fig(spending, decl)),
    )
    .with_help(msg::help_breakdowns_differ());
    if let Some(first) = decl.income.first() {
        d = d.with_label(first.span, msg::label_income_adds_up(&fig(income, decl)));
    }
    vec![d]
}

pub fn declared_total_matches(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let Some(total) = &decl.declared_total else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (lines, sum, what) in [
        (&decl.income, decl.income_total(), "income"),
        (&decl.spending, decl.spending_total(), "spending"),
    ] {
        let Some(sum) = sum.filter(|_| !lines.is_empty() && !has_unknown_line(lines)) else {
            continue;
        };
        if sum != total.value {
            let mut d = Diagnostic::new(
                Code::TotalMismatch,
                msg::total_differs(
                    &fig(total.value, decl),
                    what,
                    &fig(sum, decl),
                    &difference(total.value, sum, decl),
                ),
                total.span,
                msg::label_declared(&fig(total.value, decl)),
            )
            .with_help(msg::help_total_differs(&crate::money::exact(sum), what));
            for l in lines.iter() {
                d = d.with_label(l.span, msg::figure(&fig(l.amount, decl)));
            }
            out.push(d);
        }
    }
    // Both breakdowns agree with each other and differ from the total: one mistake, said once.
    if out.len() == 2 && decl.income_total() == decl.spending_total() {
        out.truncate(1);
    }
    out
}

pub fn funds_match_amount(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for (d, path) in review.directions() {
        if d.funds.is_empty() {
            continue;
        }
        let Some(sum) = model::sum(d.funds.iter().map(|l| l.amount)) else {
            continue;
        };
        if sum != d.amount {
            out.push(
                Diagnostic::new(
                    Code::ProjectFundsMismatch,
                    msg::funds_differ(
                        &d.name.value,
                        &fig(sum, decl),
                        &fig(d.amount, decl),
                        &difference(sum, d.amount, decl),
                    ),
                    d.funds.first().map_or(d.name.span, |l| l.span),
                    msg::label_funds_add_up(&fig(sum, decl)),
                )
                .with_label(d.name.span, msg::label_amount(&fig(d.amount, decl)))
                .with_help(msg::help_funds_differ())
                .with_path(path),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Agreement, compare};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn printed_precision_is_recognised() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(
            compare(d("1.88"), Some("1.88"), d("1.878")),
            Agreement::AtPrintedPrecision(2)
        );
        assert_eq!(
            compare(d("1.87"), Some("1.87"), d("1.878")),
            Agreement::Differ
        );
        assert_eq!(
            compare(d("1.8780"), Some("1.8780"), d("1.878")),
            Agreement::Equal
        );
    }
}
