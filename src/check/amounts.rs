//! Direction amounts: a declared amount equals what its cost bases and sub-directions compute, and no
//! amount splits a 元.

use super::{Agreement, compare, difference, fig};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Declaration, Line};
use crate::money;
use crate::source::Span;
use rust_decimal::Decimal;

pub fn direction_amount_matches_basis(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (d, path) in super::directions_with_path(decl) {
        let (Some(declared), Some(derived)) = (&d.declared, &d.derived) else {
            continue;
        };
        match compare(declared.value, d.declared_text.as_deref(), derived.value) {
            Agreement::Equal => {}
            Agreement::AtPrintedPrecision(dp) => out.push(super::totals::printed_precision(
                decl,
                &d.name.value,
                declared.span,
                derived.value,
                dp,
                &path,
            )),
            Agreement::Differ => {
                let mut diag = Diagnostic::new(
                    Code::DirectionAmountMismatch,
                    format!(
                        "\"{}\" is declared as {} but its cost basis computes {} (a difference of {})",
                        d.name.value,
                        fig(declared.value, decl),
                        fig(derived.value, decl),
                        difference(declared.value, derived.value, decl)
                    ),
                    declared.span,
                    format!("declared {}", fig(declared.value, decl)),
                )
                .with_help(format!("write `amount {}`, or correct the basis: {}", money::exact(derived.value), derived.how))
                .with_path(&path);
                for c in &d.costs {
                    diag = diag.with_label(c.span, c.derived.how.clone());
                }
                for c in &d.children {
                    diag = diag.with_label(c.name.span, fig(c.amount, decl).to_string());
                }
                out.push(diag);
            }
        }
    }
    out
}

pub fn amounts_whole_yuan(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut flag = |value: Decimal, span: Span, what: &str, path: &[String]| {
        if money::is_sub_yuan(value, decl.unit) {
            out.push(
                Diagnostic::new(Code::SubYuan, format!("{what} {} is not a whole number of 元", fig(value, decl)), span, "a fraction of 1 元")
                    .with_help(match decl.unit {
                        crate::syntax::ast::MoneyUnit::WanYuan => "amounts in 万元 are exact to 1 元 with 4 decimals; round the figure or check its basis",
                        crate::syntax::ast::MoneyUnit::Yuan => "budget amounts are whole 元; round the figure or check its basis",
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
            flag(d.value, d.span, &format!("\"{}\"", l.name.value), &[]);
        }
    }
    if let Some(t) = &decl.declared_total {
        flag(t.value, t.span, "资金总额", &[]);
    }
    for (d, path) in super::directions_with_path(decl) {
        match &d.declared {
            Some(a) => flag(a.value, a.span, &format!("\"{}\"", d.name.value), &path),
            None => flag(
                d.amount,
                d.name.span,
                &format!("\"{}\"", d.name.value),
                &path,
            ),
        }
    }
    out
}
