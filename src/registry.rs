//! The registry: every diagnostic code bdl can report, gathered from the modules that define and raise
//! them (each with `codes::rules!`). `bdl explain`, `--allow`, the docs tests and the editor read it.

use crate::codes::Code;
use std::sync::LazyLock;

static ALL: LazyLock<Vec<Code>> = LazyLock::new(|| {
    let mut all: Vec<Code> = [
        crate::syntax::RULES,
        crate::syntax::controls::RULES,
        crate::syntax::cell_limit::RULES,
        crate::syntax::encoding::RULES,
        crate::syntax::errors::RULES,
        crate::syntax::mistakes::RULES,
        crate::syntax::recover::RULES,
        crate::lower::RULES,
        crate::lower::directions::RULES,
        crate::lower::indicators::RULES,
        crate::lower::lines::RULES,
        crate::lower::year_end::RULES,
        crate::check::amounts::RULES,
        crate::check::shares::RULES,
        crate::check::completeness::RULES,
        crate::check::cost_caps::RULES,
        crate::check::form_fit::RULES,
        crate::check::goals::RULES,
        crate::check::periods::RULES,
        crate::check::references::RULES,
        crate::check::scores::RULES,
        crate::check::tasks::RULES,
        crate::check::totals::RULES,
        crate::check::values::RULES,
        crate::check::year_end::RULES,
        crate::fmt::RULES,
        crate::allow::RULES,
        crate::import::RULES,
    ]
    .concat();
    all.sort();
    all
});

/// Every code, in code order.
pub fn all() -> &'static [Code] {
    &ALL
}

/// The code written as `B3010` (any case, surrounding blanks ignored).
pub fn parse(text: &str) -> Option<Code> {
    let text = text.trim();
    all()
        .iter()
        .copied()
        .find(|c| c.as_str().eq_ignore_ascii_case(text))
}
