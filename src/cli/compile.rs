//! Compiling one file and reporting its diagnostics on standard error.

use super::lang;
use bdl::diagnostic::Severity;
use bdl::messages as msg;
use bdl::{Compiled, compile, report};
use std::path::Path;
use std::process::ExitCode;

/// One source after compiling: its name for messages, its text, and the result.
pub struct Unit {
    pub name: String,
    pub src: String,
    pub compiled: Compiled,
}

impl Unit {
    /// No errors, and no warnings when they are denied.
    pub fn ok(&self, deny_warnings: bool) -> bool {
        let warned = self
            .compiled
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning);
        !(self.compiled.has_errors() || (deny_warnings && warned))
    }
}

/// A source read and decoded: its text, or the diagnostic that refuses it (B1004, B1007) with the text
/// to show it in (a bad byte is shown in its line; a file in another encoding is named, not shown).
pub enum Text {
    Decoded(String),
    Refused(Box<bdl::diagnostic::Diagnostic>, String),
}

/// Reads and decodes one file (or `-`), returning the name to show and the text. Only a file that
/// cannot be read at all is an `Err`.
pub fn read_text(path: &Path) -> std::io::Result<(String, Text)> {
    let (name, bytes) = super::io::read_bytes(path)?;
    let text = match bytes {
        super::io::Bytes::Read(b) => match bdl::syntax::encoding::decode(&b) {
            Ok(src) => Text::Decoded(src),
            Err(d) => {
                let shown = if d.span.is_empty() {
                    String::new()
                } else {
                    bdl::syntax::encoding::shown_text(&b)
                };
                Text::Refused(d, shown)
            }
        },
        super::io::Bytes::TooLarge(size) => {
            Text::Refused(Box::new(bdl::syntax::too_large(size)), String::new())
        }
    };
    Ok((name, text))
}

/// Reads, decodes and compiles one file, printing nothing. A file in another encoding is a
/// diagnostic of that file (B1004); only a file that cannot be read at all is an `Err`.
pub fn load(path: &Path) -> std::io::Result<Unit> {
    let (name, text) = read_text(path)?;
    Ok(match text {
        Text::Decoded(src) => {
            let compiled = compile(&src);
            Unit {
                name,
                src,
                compiled,
            }
        }
        Text::Refused(d, src) => Unit {
            name,
            src,
            compiled: Compiled {
                declaration: None,
                diagnostics: vec![*d],
            },
        },
    })
}

/// [`load`], with a file that cannot be read reported here as `Err(exit code 2)`.
pub fn compile_path(path: &Path) -> Result<Unit, ExitCode> {
    load(path).map_err(|e| {
        super::error(msg::cannot_read(
            &path.display().to_string(),
            &super::why(&e),
        ));
        ExitCode::from(2)
    })
}

/// Reads, compiles and reports one file for people. `Ok((model, ok))`, where ok means no errors (and
/// no warnings under `--deny warnings`); `Err(exit code)` when the file cannot be read.
pub fn run_one(
    path: &Path,
    color: bool,
    deny_warnings: bool,
) -> Result<(Option<bdl::model::Declaration>, bool), ExitCode> {
    let unit = compile_path(path)?;
    print_human(&unit, color);
    let ok = unit.ok(deny_warnings);
    Ok((unit.compiled.declaration, ok))
}

/// The diagnostics as miette reports on standard error, then a count.
pub fn print_human(unit: &Unit, color: bool) {
    eprint!("{}", human_text(unit, color));
}

/// The diagnostics as miette reports followed by the file's count; empty when there are none.
pub fn human_text(unit: &Unit, color: bool) -> String {
    let diags = &unit.compiled.diagnostics;
    if diags.is_empty() {
        return String::new();
    }
    let mut text = report::render(diags, &unit.name, &unit.src, color, lang());
    text.push_str(&format!(
        "{}: {}\n",
        unit.name,
        report::summary(diags, lang())
    ));
    text
}
