//! Bounds on untrusted input, checked before the parser runs (B1003): the file's size and the depth
//! of `{ … }` blocks (deep nesting would exhaust the stack of the recursive stages after parsing), and
//! pest's call limit, which caps the parser's total work so no input can make it backtrack for long.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use std::num::NonZeroUsize;
use std::sync::Once;

/// Larger than any real declaration (they are tens of kilobytes) by two orders of magnitude.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Blocks nest directions in directions; real tables go two or three levels deep.
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

fn too_complex(message: String, span: Span, label: &str, help: &str) -> Diagnostic {
    Diagnostic::new(Code::TooComplex, message, span, label).with_help(help)
}

/// The diagnostic for a file over the size or depth bounds, or `None` when it may be parsed.
pub fn check(src: &str) -> Option<Diagnostic> {
    if src.len() > MAX_BYTES {
        return Some(too_complex(
            format!(
                "the file is {} bytes long; bdl reads declarations of at most {MAX_BYTES} bytes",
                src.len()
            ),
            Span::new(0, 0),
            "this file",
            "split the declaration into one file per department",
        ));
    }
    let (depth, at) = max_depth(src.as_bytes());
    if depth > MAX_DEPTH {
        return Some(too_complex(
            format!("blocks are nested {depth} levels deep; bdl reads at most {MAX_DEPTH}"),
            Span::new(at, at + 1),
            "too deep",
            "directions nest two or three levels in real tables: close the blocks with `}` or flatten the sub-directions",
        ));
    }
    None
}

/// The deepest nesting of `{` outside texts and comments, and where it first exceeds `MAX_DEPTH`.
fn max_depth(bytes: &[u8]) -> (usize, usize) {
    let (mut depth, mut max, mut at) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A text ends at its closing quote or at the end of the line (texts do not span lines).
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'{' => {
                depth += 1;
                if depth > max {
                    max = depth;
                    if depth == MAX_DEPTH + 1 {
                        at = i;
                    }
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    (max, at)
}

/// Whether a pest error is one of its limits (calls or stack) rather than a syntax error.
pub(super) fn is_limit_message(message: &str) -> bool {
    matches!(message, "call limit reached" | "stack limit reached")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_braces_in_texts_and_comments() {
        assert_eq!(max_depth(b"direction \"{{{\" { # {{{\n}\n").0, 1);
        assert_eq!(max_depth(b"a {\n b {\n c {\n}\n}\n}\n").0, 3);
    }
}
