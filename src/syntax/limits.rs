//! Bounds on untrusted input (a finance bureau compiles what departments send it): the file's size
//! and the depth of `{ … }` blocks are checked before parsing (B1007, B1008), and pest's call limit caps
//! the parser's total work while it runs (B1003), so no input can make it backtrack for long or
//! overflow the stack.

use std::num::NonZeroUsize;
use std::sync::Once;

/// Files larger than this are refused before parsing; real declarations are tens of kilobytes.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Blocks nested deeper than this are refused before parsing (real declarations nest two or three
/// deep); the parser and the later stages recurse per level, and a stack overflow cannot be caught.
pub const MAX_DEPTH: usize = 32;

/// pest calls (rules and combinators) allowed per parse. Real declarations need 2–5 calls per byte
/// (measured: 2.3 on the benchmark corpus, 4.3 on a long `= "a" + "b" + …` sum), so this passes any
/// file up to `MAX_BYTES` written in the language, and stops pathological backtracking in well under
/// a second.
pub const CALL_LIMIT: usize = 40_000_000;

static INSTALL: Once = Once::new();

/// Sets pest's process-wide call limit (once; every parse on every thread uses it).
pub fn install_call_limit() {
    INSTALL.call_once(|| pest::set_call_limit(NonZeroUsize::new(CALL_LIMIT)));
}

/// Whether a pest error is one of its limits (calls or stack) rather than a syntax error.
pub(super) fn is_limit_message(message: &str) -> bool {
    matches!(message, "call limit reached" | "stack limit reached")
}
