//! fmt: source text → canonical source text (docs/formatting.md). Works on the syntax tree plus the
//! comments and blank lines a line scan finds, and proves every result before handing it out.

pub mod comments;
pub(crate) mod messages;
mod printer;
mod tree;
mod verify;

pub use verify::Property;

use crate::diagnostic::Diagnostic;
use crate::fmt::messages as msg;
use crate::source::Span;
use crate::syntax::{self, ast::File};

crate::codes::rules! {
    FORMAT_UNVERIFIED = "B9001", Error, "internal error: the formatter could not prove its result, nothing was written", "内部错误：格式化程序无法证明其结果，未写入任何内容";
}

/// Why a source was not formatted.
#[derive(Debug)]
pub enum Error {
    /// The source does not parse: it is left as it is.
    Syntax(Vec<Diagnostic>),
    /// The formatted text failed one of the properties it must have (a bug in bdl).
    Unverified(Property),
}

impl Error {
    /// The diagnostics to show for this error.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Syntax(d) => d.clone(),
            Error::Unverified(p) => vec![
                Diagnostic::new(
                    FORMAT_UNVERIFIED,
                    msg::format_unverified(*p),
                    Span::new(0, 0),
                    msg::label_this_file(),
                )
                .with_help(msg::help_format_bug()),
            ],
        }
    }
}

/// The canonical form of `src`, proven: it formats to itself, means the same, and keeps every
/// comment and every literal's spelling.
pub fn format(src: &str) -> Result<String, Error> {
    let file = syntax::parse(src).map_err(Error::Syntax)?;
    let out = format_parsed(src, &file);
    verify::verify(src, &out).map_err(Error::Unverified)?;
    Ok(out)
}

/// The canonical form of a parsed `src`, without the proof.
pub fn format_parsed(src: &str, file: &File) -> String {
    let mut doc = tree::build(src, file);
    tree::attach(&mut doc, src, &comments::scan(src));
    printer::print(&doc)
}

/// Checks the four properties of a formatting result (`out` for `src`).
pub fn verify(src: &str, out: &str) -> Result<(), Property> {
    verify::verify(src, out)
}
