//! The front door: a named source as bytes (any encoding bdl recognises) → the decoded text, every
//! diagnostic and the model. Every command (`check`, `build`, `fmt`, `diff`, folders) and the tests
//! enter here, so a file reads the same way whatever is done with it: a GBK or UTF-16 file is B1004
//! in each of them, with the command that converts it.

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::model::Declaration;
use crate::{allow, check, emit, lower, syntax};

/// A source whose bytes were read as text: what `fmt` formats and what [`Source::compile`] compiles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name messages show (a path, `<stdin>`, `REV:path`).
    pub name: String,
    pub text: String,
}

impl Source {
    /// A text already in memory (an editor's buffer, a test's string).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// Decodes the bytes of a source. Bytes bdl does not read as text (GBK, UTF-16, binary) give the
    /// compilation that says so (B1004, an error), ready to report like any other.
    pub fn decode(name: impl Into<String>, bytes: &[u8]) -> Result<Source, Box<Compilation>> {
        let name = name.into();
        match syntax::encoding::decode(bytes) {
            Ok(text) => Ok(Source { name, text }),
            Err(d) => Err(Box::new(Compilation {
                name,
                // A bad byte is shown in its line; a file in another encoding is named, not shown.
                text: if d.span.is_empty() {
                    String::new()
                } else {
                    syntax::encoding::shown_text(bytes)
                },
                diagnostics: vec![*d],
                declaration: None,
            })),
        }
    }

    /// Parses, lowers and checks the text. Syntax errors stop before lowering (a half-read file would
    /// only produce noise); every lowering and check diagnostic is reported together.
    pub fn compile(self) -> Compilation {
        self.compile_keeping_tree().0
    }

    /// [`Source::compile`], also giving the syntax tree: the whole file's, or when it has syntax errors
    /// the tree of the lines that parse, where the search for every error found one (an editor keeps
    /// working from it while a line is typed).
    pub fn compile_keeping_tree(self) -> (Compilation, Option<syntax::Recovered>) {
        let file = match syntax::parse_recovering(&self.text) {
            Ok(f) => f,
            Err((diagnostics, recovered)) => {
                let compilation = Compilation {
                    name: self.name,
                    text: self.text,
                    diagnostics,
                    declaration: None,
                };
                return (compilation, recovered);
            }
        };
        let (declaration, mut diagnostics) = lower::lower(&file);
        diagnostics.extend(syntax::lint(&self.text));
        diagnostics.extend(check::run(&declaration));
        // The cells as the workbook will write them, so that `check` and `build --format xlsx` agree.
        if emit::cell_limit::may_overflow(self.text.len()) {
            let warned = diagnostics
                .iter()
                .any(|d| d.code == syntax::cell_limit::TOO_LONG_FOR_EXCEL);
            diagnostics.extend(emit::cell_limit::lint(&declaration, warned));
        }
        // `# bdl: allow …` lines silence warnings and notes of the document; never errors.
        let (allowed, problems) = allow::directives(&self.text);
        allow::apply(&mut diagnostics, &allowed);
        diagnostics.extend(problems);
        diagnostic::sort(&mut diagnostics);
        let compilation = Compilation {
            name: self.name,
            text: self.text,
            diagnostics,
            declaration: Some(declaration),
        };
        let tree = syntax::Recovered {
            file,
            left_out: Vec::new(),
        };
        (compilation, Some(tree))
    }
}

/// One source after compiling: its name, its decoded text (empty when it could not be decoded), every
/// diagnostic in source order, and the model when it could be built.
#[derive(Debug)]
pub struct Compilation {
    pub name: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    pub declaration: Option<Declaration>,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Drops the warnings and notes of the `allowed` codes (a run's `--allow`).
    pub fn allow(&mut self, allowed: &[diagnostic::Code]) {
        allow::apply(&mut self.diagnostics, allowed);
    }

    pub fn has_warnings(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning)
    }

    /// No errors, and no warnings when they are denied.
    pub fn ok(&self, deny_warnings: bool) -> bool {
        !(self.has_errors() || (deny_warnings && self.has_warnings()))
    }

    /// The model, when it was built without errors.
    pub fn valid_declaration(&self) -> Option<&Declaration> {
        self.declaration.as_ref().filter(|_| !self.has_errors())
    }
}

/// The front door: decodes `bytes` and compiles them as the source called `name`.
pub fn compile_bytes(name: impl Into<String>, bytes: &[u8]) -> Compilation {
    match Source::decode(name, bytes) {
        Ok(source) => source.compile(),
        Err(refused) => *refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_in_another_encoding_are_a_coded_error_with_the_name() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("year 2021\nfiler \"石峰区信访局\"\n");
        let c = compile_bytes("a.bdl", &gbk);
        assert_eq!(c.name, "a.bdl");
        assert!(c.text.is_empty() && c.declaration.is_none() && c.has_errors());
        assert_eq!(
            c.diagnostics
                .iter()
                .map(|d| d.code.as_str())
                .collect::<Vec<_>>(),
            ["B1004"]
        );
    }

    #[test]
    fn utf8_bytes_compile_and_keep_their_text() {
        let c = compile_bytes("b.bdl", "year 2021\n".as_bytes());
        assert_eq!((c.name.as_str(), c.text.as_str()), ("b.bdl", "year 2021\n"));
        assert!(c.declaration.is_some());
    }
}
