//! A distribution list (资金分配表) hands out the project's money: its shares add up to the project's
//! amount, to the unit, or the list printed under the project disagrees with the figure above it.

use super::{Review, difference, fig};
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::model;

crate::codes::rules! {
    SHARES_MISMATCH = "B3050", Error, "a distribution list does not add up to the project's amount", "资金分配表合计与项目金额不符";
}

pub fn shares_add_up(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for (d, path) in review.directions() {
        let Some(first) = d.shares.first() else {
            continue;
        };
        let (Some(sum), Some(amount)) = (
            model::sum(d.shares.iter().map(|s| s.amount), decl.unit),
            d.amount,
        ) else {
            continue;
        };
        if sum != amount {
            out.push(
                Diagnostic::new(
                    SHARES_MISMATCH,
                    msg::shares_differ(
                        &d.name.value,
                        &fig(sum),
                        &fig(amount),
                        &difference(sum, amount),
                    ),
                    first.span,
                    msg::label_shares_add_up(&fig(sum)),
                )
                .with_label(d.name.span, msg::label_amount(&fig(amount)))
                .with_help(msg::help_shares_differ())
                .with_path(path),
            );
        }
    }
    out
}
