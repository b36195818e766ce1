//! A quantity written and checked against a derived number (`= 50人 from people`): they must agree, in
//! a unit that fits.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Declaration, RefKind, Value};
use crate::money;

pub fn quantity_matches_reference(decl: &Declaration) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for table in super::indicator_tables(decl) {
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
                        format!(
                            "\"{}\" is written in {}, but `{}` counts in {}",
                            ind.name.value,
                            unit.as_deref().unwrap_or(""),
                            r.written,
                            r.unit
                        ),
                        *span,
                        "unit does not fit",
                    )
                    .with_label(r.span, format!("counts in {}", r.unit))
                    .with_help(format!(
                        "write the number in {} (`{}{} from {}`), or leave the number out (`= {}`)",
                        r.unit,
                        money::exact(r.derived.value),
                        r.unit,
                        r.written,
                        r.written
                    ))
                    .with_path(&table.path),
                );
                continue;
            };
            if literal != r.derived.value {
                let mut d = Diagnostic::new(
                    Code::QuantityContradictsReference,
                    format!(
                        "\"{}\" says {}{}, but `{}` is {}{}",
                        ind.name.value,
                        money::exact(*number),
                        unit.as_deref().unwrap_or(""),
                        r.written,
                        money::exact(r.derived.value),
                        r.unit
                    ),
                    *span,
                    format!("{}{} derived", money::exact(r.derived.value), r.unit),
                )
                .with_help(format!(
                    "write {}{}, or correct the facts it comes from ({})",
                    money::exact(r.derived.value),
                    r.unit,
                    r.derived.how
                ))
                .with_path(&table.path);
                for s in &r.derived.sources {
                    d = d.with_label(*s, "counted here");
                }
                out.push(d);
            }
        }
    }
    out
}
