//! parse: source text → syntax tree, or located diagnostics in plain words — every syntax error of the
//! file, with the common typing mistakes recognised. Size and nesting are bounded before parsing.

pub mod ast;
pub mod encoding;
mod errors;
pub mod mistakes;
pub mod parser;
mod recover;
pub mod scan;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;

/// Files larger than this are refused before parsing (real declarations are well under 1 MB).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// Blocks nested deeper than this are refused before parsing (real declarations nest 3 or 4 deep);
/// the parser recurses per level, and a stack overflow cannot be caught.
pub const MAX_DEPTH: usize = 32;

/// Parses a whole declaration. On failure, the diagnostics say what was expected in a clerk's words.
pub fn parse(src: &str) -> Result<ast::File, Vec<Diagnostic>> {
    if src.len() > MAX_FILE_BYTES {
        return Err(vec![
            Diagnostic::new(
                Code::TooLarge,
                format!(
                    "the file has {} bytes; bdl reads files of up to {} MiB",
                    src.len(),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
                Span::new(0, 0),
                "too large",
            )
            .with_help("split the declaration into one file per department or project"),
        ]);
    }
    let braces = scan::braces(src, MAX_DEPTH);
    if let Some(at) = braces.too_deep_at {
        return Err(vec![
            Diagnostic::new(
                Code::TooDeep,
                format!("blocks are nested more than {MAX_DEPTH} deep"),
                Span::new(at, at + 1),
                "too deep",
            )
            .with_help("sub-directions rarely go deeper than three levels: flatten the structure"),
        ]);
    }
    parser::parse_file(src).map_err(|e| recover::all_errors(src, e, &braces))
}

/// Warnings about the text itself that do not stop parsing: invisible characters.
pub fn lint(src: &str) -> Vec<Diagnostic> {
    scan::invisible_characters(src)
        .into_iter()
        .map(|(at, c)| {
            Diagnostic::new(
                Code::InvisibleCharacter,
                format!("an invisible character U+{:04X} is in the text", c as u32),
                Span::new(at, at + c.len_utf8()),
                "invisible character here",
            )
            .with_help("delete it: it changes how the text is displayed (or hides nothing at all) and reviewers cannot see it")
        })
        .collect()
}
