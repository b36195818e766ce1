//! A quantity written and checked against a derived number (`= 50人 from people`): they must agree, in
//! a unit that fits.

use super::Review;
use crate::diagnostic::{Code, Diagnostic};
use crate::messages as msg;
use crate::model::{RefKind, Value};
use crate::money;

pub fn quantity_matches_reference(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        for ind in table.indicators {
            let Value::Quantity {
                number,
                number_text: Some(_),
                unit,
                reference: Some(r),
                span,
                ..
            } = &ind.value
            else {
                continue;
            };
            // The literal in the reference's terms.
            let literal = match r.kind {
                RefKind::Money => match unit.as_deref() {
                    None => Some(*number),
                    Some(u) => {
                        money::unit_from_name(u).and_then(|u| money::convert(*number, u, decl.unit))
                    }
                },
                RefKind::People | RefKind::Qty => match unit.as_deref() {
                    None => Some(*number),
                    Some(u) if u == r.unit => Some(*number),
                    Some(_) => None,
                },
            };
            let Some(literal) = literal else {
                out.push(
                    Diagnostic::new(
                        Code::ReferenceUnitMismatch,
                        msg::reference_unit_mismatch(
                            &ind.name.value,
                            unit.as_deref().unwrap_or(""),
                            &r.written,
                            &r.unit,
                        ),
                        *span,
                        msg::label_unit_does_not_fit(),
                    )
                    .with_label(r.span, msg::label_counts_in(&r.unit))
                    .with_help(msg::help_reference_unit(
                        &r.unit,
                        &money::exact(r.derived.value),
                        &r.written,
                    ))
                    .with_path(&table.path),
                );
                continue;
            };
            if literal != r.derived.value {
                let says = format!("{}{}", money::exact(*number), unit.as_deref().unwrap_or(""));
                let derived = format!("{}{}", money::exact(r.derived.value), r.unit);
                let mut d = Diagnostic::new(
                    Code::QuantityContradictsReference,
                    msg::quantity_contradicts(&ind.name.value, &says, &r.written, &derived),
                    *span,
                    msg::label_derived(&derived),
                )
                .with_help(msg::help_quantity_contradicts(&derived, &r.derived.how))
                .with_path(&table.path);
                for s in &r.derived.sources {
                    d = d.with_label(*s, msg::label_counted_here());
                }
                out.push(d);
            }
        }
    }
    out
}
