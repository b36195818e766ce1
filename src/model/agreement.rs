//! A declared figure against the one derived for it: equal, equal at the precision it is written with
//! (`1.88` for 1.878 — the printed tables' habit), or different. Lowering uses the answer to pick the one
//! value every later check reads; `check` reports it.

use crate::domain::Money;
use crate::domain::money;

/// How a declared figure compares with the one derived for it.
#[derive(Debug, PartialEq, Eq)]
pub enum Agreement {
    Equal,
    /// The declaration prints fewer decimals than the exact value, and agrees at that precision.
    AtPrintedPrecision(u32),
    Differ,
}

pub fn compare(declared: Money, declared_text: Option<&str>, derived: Money) -> Agreement {
    let Ok(derived) = derived.to(declared.unit()) else {
        return Agreement::Differ;
    };
    let (declared, derived) = (declared.amount(), derived.amount());
    if declared == derived {
        return Agreement::Equal;
    }
    if let Some(text) = declared_text {
        let scale = money::written_scale(text);
        if derived.normalize().scale() > scale && money::round(derived, scale) == declared {
            return Agreement::AtPrintedPrecision(scale);
        }
    }
    Agreement::Differ
}
