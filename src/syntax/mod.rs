//! parse: source text → syntax tree, or located diagnostics in plain words.
//!
//! Input is untrusted (a finance bureau compiles what departments send it), so size, nesting depth and
//! the parser's work are bounded before and while parsing: a file that exceeds them gets B1003, never
//! a hang or a stack overflow.

pub mod ast;
mod errors;
pub mod limits;
pub mod parser;

use crate::diagnostic::Diagnostic;

/// Parses a whole declaration. On failure, the diagnostics say what was expected in a clerk's words.
pub fn parse(src: &str) -> Result<ast::File, Vec<Diagnostic>> {
    if let Some(d) = limits::check(src) {
        return Err(vec![d]);
    }
    limits::install_call_limit();
    parser::parse_file(src).map_err(|e| vec![errors::from_pest(src, &e)])
}
