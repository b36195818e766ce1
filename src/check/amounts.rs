//! Direction amounts: a declared amount equals what its cost bases and sub-directions compute, and no
//! amount splits a 分 (元 with 分 is ordinary: real tables carry 1,204,316.58).

use super::Review;
use super::{Agreement, compare, difference, fig};
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::{Money, MoneyUnit};
use crate::model::Line;
use crate::present::{figures, provenance};
use crate::source::Span;

crate::codes::rules! {
    DIRECTION_AMOUNT_MISMATCH = "B3010", Error, "a direction's declared amount differs from its cost basis", "支出方向的申报金额与测算依据不符";
    SUB_FEN = "B3020", Warning, "an amount is more precise than 1 分", "金额精确到 1 分以下";
}

pub fn direction_amount_matches_basis(review: &Review) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (d, path) in review.directions() {
        let (Some(declared), Some(derived)) = (&d.declared, &d.derived) else {
            continue;
        };
        match compare(declared.value, d.declared_text.as_deref(), derived.value) {
            Agreement::Equal => {}
            Agreement::AtPrintedPrecision(dp) => out.push(super::totals::printed_precision(
                &d.name.value,
                declared.span,
                derived.value,
                dp,
                path,
            )),
            Agreement::Differ => {
                let mut diag = Diagnostic::new(
                    DIRECTION_AMOUNT_MISMATCH,
                    msg::amount_differs_from_basis(
                        &d.name.value,
                        &fig(declared.value),
                        &fig(derived.value),
                        &difference(declared.value, derived.value),
                    ),
                    declared.span,
                    msg::label_declared(&fig(declared.value)),
                )
                .with_help(msg::help_amount_differs_from_basis(
                    &figures::exact(derived.value.amount()),
                    &provenance::how(&derived.how),
                ))
                .with_path(path);
                for c in &d.costs {
                    diag = diag.with_label(c.span, provenance::how(&c.how()));
                }
                for c in &d.children {
                    if let Some(amount) = c.amount {
                        diag = diag.with_label(c.name.span, msg::figure(&fig(amount)));
                    }
                }
                out.push(diag);
            }
        }
    }
    out
}

pub fn amounts_whole_yuan(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    // `name`: the line or direction; `None` for 资金总额.
    let mut flag = |value: Money, span: Span, name: Option<&str>, path: &[String]| {
        if value.has_fraction_of_fen() {
            out.push(
                Diagnostic::new(
                    SUB_FEN,
                    msg::sub_yuan(name, &fig(value)),
                    span,
                    msg::label_fraction_of_yuan(),
                )
                .with_help(match decl.unit {
                    MoneyUnit::WanYuan => msg::help_sub_yuan_wan(),
                    MoneyUnit::Yuan => msg::help_sub_yuan_yuan(),
                })
                .with_path(path),
            );
        }
    };
    fn lines<'a>(ls: &'a [Line], acc: &mut Vec<&'a Line>) {
        for l in ls {
            acc.push(l);
            lines(&l.children, acc);
        }
    }
    let mut all = Vec::new();
    lines(&decl.income, &mut all);
    lines(&decl.spending, &mut all);
    for l in all {
        if let Some(d) = &l.declared {
            flag(d.value, d.span, Some(&l.name.value), &[]);
        }
    }
    if let Some(t) = &decl.declared_total {
        flag(t.value, t.span, None, &[]);
    }
    for (d, path) in review.directions() {
        match (&d.declared, d.amount) {
            (Some(a), _) => flag(a.value, a.span, Some(&d.name.value), path),
            (None, Some(amount)) => flag(amount, d.name.span, Some(&d.name.value), path),
            (None, None) => {}
        }
    }
    out
}
