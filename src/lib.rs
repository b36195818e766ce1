//! bdl — a compiler for budget performance-target declarations (预算绩效目标表).
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! bytes ─compile_bytes (the front door: decode, then)─▶
//! text ─syntax::parse─▶ ast ─lower─▶ model ─check─▶ diagnostics
//!                                        ├─emit─▶ JSON · Markdown
//!                                        └─diff(old, new)─▶ change set ─▶ Markdown · JSON
//! ```

// pest is built without `std` (its per-call stack probe is replaced by syntax::limits' depth bound),
// and the parser it generates names `alloc` from the crate root.
extern crate alloc;

pub mod allow;
pub mod batch;
pub mod check;
pub mod codes;
pub mod compilation;
pub mod diagnostic;
pub mod diff;
pub mod domain;
pub mod emit;
pub mod fmt;
pub mod ide;
pub mod import;
pub mod lower;
pub mod lsp;
pub mod messages;
pub mod model;
pub mod present;
pub mod registry;
pub mod report;
pub mod score;
pub mod serve;
pub mod source;
pub mod syntax;

pub use compilation::{Compilation, Source, compile_bytes};

/// Compiles a text already in memory (a test's or a benchmark's string), named `<text>`: the front
/// door ([`compile_bytes`]) without the decoding.
pub fn compile(text: &str) -> Compilation {
    Source::new("<text>", text).compile()
}
