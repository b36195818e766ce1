//! parse: source text → syntax tree, or located diagnostics in plain words.

pub mod ast;
mod errors;
pub mod parser;

use crate::diagnostic::Diagnostic;

/// Parses a whole declaration. On failure, the diagnostics say what was expected in a clerk's words.
pub fn parse(src: &str) -> Result<ast::File, Vec<Diagnostic>> {
    parser::parse_file(src).map_err(|e| vec![errors::from_pest(src, &e)])
}
