//! Totals: every line equals the sum of its parts, both breakdowns reach the same 资金总额, and a
//! declared total matches them.

use super::{Agreement, compare, difference, fig};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{self, Declaration, Line};
use rust_decimal::Decimal;

pub fn lines_add_up(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (lines, what) in [(&decl.income, "income"), (&decl.spending, "spending")] {
        check_lines(decl, lines, what, &[], &mut out);
    }
    for (d, path) in super::directions_with_path(decl) {
        check_lines(decl, &d.funds, "income", &path, &mut out);
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
                        format!(
                            "{what} \"{}\" is declared as {} but its parts add up to {} (a difference of {})",
                            l.name.value,
                            fig(declared.value, decl),
                            fig(derived.value, decl),
                            difference(declared.value, derived.value, decl)
                        ),
                        declared.span,
                        format!("declared {}", fig(declared.value, decl)),
                    )
                    .with_help(format!("write {} here, or correct the parts ({})", crate::money::exact(derived.value), derived.how))
                    .with_path(path);
                    for s in &derived.sources {
                        d = d.with_label(*s, "a part");
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
                        format!(
                            "the 其中 lines of \"{}\" add up to {}, not {}",
                            l.name.value,
                            fig(children, decl),
                            fig(l.amount, decl)
                        ),
                        l.name.span,
                        format!("this line is {}", fig(l.amount, decl)),
                    )
                    .with_help("correct the 其中 lines so that they add up to the line above them")
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
    let decimals = if dp == 1 {
        "1 decimal".to_string()
    } else {
        format!("{dp} decimals")
    };
    Diagnostic::new(
        Code::PrintedPrecision,
        format!(
            "\"{name}\" is printed with {decimals}; the exact figure is {}",
            fig(exact, decl)
        ),
        span,
        format!("agrees at {decimals}"),
    )
    .with_help(format!(
        "write {} to keep the exact figure, or leave it: it matches at the printed precision",
        crate::money::exact(exact)
    ))
    .with_path(path)
}

/// Whether a line of the breakdown has no amount (none written, or a derivation that failed): its sum
/// is then unknown, and comparing it would only repeat the error already reported for that line.
fn has_unknown_line(lines: &[Line]) -> bool {
    lines
        .iter()
        .any(|l| (l.declared.is_none() && l.derived.is_none()) || has_unknown_line(&l.children))
}

pub fn breakdowns_agree(decl: &Declaration) -> Vec<Diagnostic> {
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
        .map_or(decl.income[0].span, |l| l.span);
    let mut d = Diagnostic::new(
        Code::BreakdownsDiffer,
        format!(
            "the income breakdown adds up to {} but the spending breakdown to {} (a difference of {})",
            fig(income, decl),
            fig(spending, decl),
            difference(income, spending, decl)
        ),
        at,
        format!("spending adds up to {}", fig(spending, decl)),
    )
    .with_help("按收入性质分 and 按支出性质分 are two splits of the same 资金总额: correct the line that is wrong");
    if let Some(first) = decl.income.first() {
        d = d.with_label(
            first.span,
            format!("income adds up to {}", fig(income, decl)),
        );
    }
    vec![d]
}

pub fn declared_total_matches(decl: &Declaration) -> Vec<Diagnostic> {
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
                format!(
                    "资金总额 is declared as {} but the {what} lines add up to {} (a difference of {})",
                    fig(total.value, decl),
                    fig(sum, decl),
                    difference(total.value, sum, decl)
                ),
                total.span,
                format!("declared {}", fig(total.value, decl)),
            )
            .with_help(format!("write `total {}`, or correct the {what} lines", crate::money::exact(sum)));
            for l in lines.iter() {
                d = d.with_label(l.span, fig(l.amount, decl).to_string());
            }
            out.push(d);
        }
    }
    out
}

pub fn funds_match_amount(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (d, path) in super::directions_with_path(decl) {
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
                    format!(
                        "the funds of \"{}\" add up to {} but its amount is {} (a difference of {})",
                        d.name.value,
                        fig(sum, decl),
                        fig(d.amount, decl),
                        difference(sum, d.amount, decl)
                    ),
                    d.funds[0].span,
                    format!("funds add up to {}", fig(sum, decl)),
                )
                .with_label(d.name.span, format!("amount {}", fig(d.amount, decl)))
                .with_help("年度资金总额 is the sum of its sources: correct a source or the amount")
                .with_path(&path),
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
