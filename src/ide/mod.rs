//! ide: what an editor shows while a declaration is typed — diagnostics, hover, completion, inlay
//! hints, the outline, definitions and references, semantic colours, quick fixes, formatting — in
//! plain Rust types with byte spans, for any front end (the language server in `lsp`, a web editor).
//! No protocol type appears here.
//!
//! Everything is computed from one [`Analysis`] of the whole text; [`analysis`] is the one place that
//! calls into the compiler.

pub mod actions;
pub mod analysis;
pub mod completion;
pub mod format;
pub mod hover;
pub mod inlay;
pub mod navigation;
pub mod position;
pub mod symbols;
pub mod tokens;

pub use analysis::{Analysis, Figure, analyse};
pub use position::{Encoding, LineIndex, Position, Range};

use crate::source::Span;

/// One replacement in the text: the bytes of `span` become `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// The identifier-like word around `offset`: ASCII letters, digits, `-` and `_`, or a run of other
/// characters that are not blanks, quotes or syntax (`产出数量`). Empty span when there is none.
pub(crate) fn word_at(src: &str, offset: usize) -> Span {
    let offset = src.floor_char_boundary(offset.min(src.len()));
    let stop = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '#' | '{' | '}' | '<' | '>' | '=' | '+' | '/' | '(' | ')'
            )
    };
    let before = src.get(..offset).unwrap_or_default();
    let after = src.get(offset..).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| !stop(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = after
        .char_indices()
        .find(|(_, c)| stop(*c))
        .map_or(src.len(), |(i, _)| offset + i);
    Span::new(start, end)
}

/// Whether `span` holds `offset` (its end included, where a cursor after a word still touches it).
pub(crate) fn touches(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}
