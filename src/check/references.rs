//! A quantity written and checked against a derived number (`= 50人 from people`): they must agree, in
//! a unit that fits.

use super::Review;
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::lower::indicators::REFERENCE_UNIT_MISMATCH;
use crate::model::{Measure, RefKind, Value};
use crate::present::{figures, provenance};

crate::codes::rules! {
    QUANTITY_CONTRADICTS_REFERENCE = "B4010", Error, "a quantity differs from the number it refers to", "指标数量与其引用的推算数不符";
}

pub fn quantity_matches_reference(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        for ind in table.indicators {
            let Value::Quantity {
                measure,
                number_text: Some(_),
                unit_text,
                reference: Some(r),
                span,
                ..
            } = &ind.value
            else {
                continue;
            };
            let unit = unit_text;
            let r_unit = r.unit();
            // The literal in the reference's terms: money in the document's unit (a bare number is
            // taken in it), a count in the reference's unit.
            let literal = match (r.kind, measure) {
                (RefKind::Money, Measure::Money(m)) => m.to(decl.unit).ok().map(|m| m.amount()),
                (RefKind::Money, Measure::Count { number, unit: None }) => Some(*number),
                (RefKind::People | RefKind::Qty, Measure::Count { number, unit }) => match unit {
                    None => Some(*number),
                    Some(u) if *u == r_unit => Some(*number),
                    Some(_) => None,
                },
                _ => None,
            };
            let number = measure.number();
            let derived_number = r.value.number();
            let Some(literal) = literal else {
                out.push(
                    Diagnostic::new(
                        REFERENCE_UNIT_MISMATCH,
                        msg::reference_unit_mismatch(
                            &ind.name.value,
                            unit.as_deref().unwrap_or(""),
                            &r.written,
                            &r_unit,
                        ),
                        *span,
                        msg::label_unit_does_not_fit(),
                    )
                    .with_label(r.span, msg::label_counts_in(&r_unit))
                    .with_help(msg::help_reference_unit(
                        &r_unit,
                        &figures::exact(derived_number),
                        &r.written,
                    ))
                    .with_path(&table.path),
                );
                continue;
            };
            if literal != derived_number {
                let says = format!(
                    "{}{}",
                    figures::exact(number),
                    unit.as_deref().unwrap_or("")
                );
                let derived = format!("{}{}", figures::exact(derived_number), r_unit);
                let mut d = Diagnostic::new(
                    QUANTITY_CONTRADICTS_REFERENCE,
                    msg::quantity_contradicts(&ind.name.value, &says, &r.written, &derived),
                    *span,
                    msg::label_derived(&derived),
                )
                .with_help(msg::help_quantity_contradicts(
                    &derived,
                    &provenance::reference(r),
                ))
                .with_path(&table.path);
                for s in &r.sources {
                    d = d.with_label(*s, msg::label_counted_here());
                }
                out.push(d);
            }
        }
    }
    out
}
