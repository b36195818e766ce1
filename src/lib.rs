//! bdl — a compiler for budget performance-target declarations (预算绩效目标表).
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! text ─syntax::parse─▶ ast ─lower─▶ model ─check─▶ diagnostics
//!                                        ├─emit─▶ JSON · Markdown
//!                                        └─diff(old, new)─▶ change set ─▶ Markdown · JSON
//! ```

// pest is built without `std` (its per-call stack probe is replaced by syntax::limits' depth bound),
// and the parser it generates names `alloc` from the crate root.
extern crate alloc;

pub mod batch;
pub mod check;
pub mod codes;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod fmt;
pub mod framework;
pub mod ide;
pub mod lower;
pub mod lsp;
pub mod messages;
pub mod model;
pub mod money;
pub mod period;
pub mod report;
pub mod source;
pub mod syntax;

use diagnostic::Diagnostic;
use model::Declaration;

/// The result of compiling one source: the model when it could be built, and every diagnostic.
#[derive(Debug)]
pub struct Compiled {
    pub declaration: Option<Declaration>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn has_warnings(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == diagnostic::Severity::Warning)
    }
}

/// Parses, lowers and checks one declaration. Syntax errors stop before lowering (a half-read file
/// would only produce noise); every lowering and check diagnostic is reported together.
pub fn compile(src: &str) -> Compiled {
    compile_keeping_tree(src).0
}

/// [`compile`], also giving the syntax tree: the whole file's, or when it has syntax errors the tree
/// of the lines that parse, where the search for every error found one (editors keep working from it
/// while a line is typed).
pub fn compile_keeping_tree(src: &str) -> (Compiled, Option<syntax::Recovered>) {
    let file = match syntax::parse_recovering(src) {
        Ok(f) => f,
        Err((diagnostics, recovered)) => {
            return (
                Compiled {
                    declaration: None,
                    diagnostics,
                },
                recovered,
            );
        }
    };
    let (declaration, mut diagnostics) = lower::lower(&file);
    diagnostics.extend(syntax::lint(src));
    diagnostics.extend(check::run(&declaration));
    diagnostic::sort(&mut diagnostics);
    let compiled = Compiled {
        declaration: Some(declaration),
        diagnostics,
    };
    (
        compiled,
        Some(syntax::Recovered {
            file,
            left_out: Vec::new(),
        }),
    )
}
