//! Compiling one file through the library's front door and reporting its diagnostics on standard error.

use super::lang;
use bdl::messages as msg;
use bdl::{Compilation, report};
use std::path::Path;
use std::process::ExitCode;

/// A decoded source, or the compilation that says why there is none (B1004, B1007).
pub type Decoded = Result<bdl::Source, Box<Compilation>>;

/// Reads one file (or `-`) as a source for the front door, or the compilation that refuses it: B1004
/// (another encoding, or not text) or B1007 (over the size limit, known before reading). Only a file
/// that cannot be read at all is an `Err`.
pub fn read_source(path: &Path) -> std::io::Result<Decoded> {
    Ok(read_source_and_bytes(path)?.0)
}

/// [`read_source`], also giving the bytes as read (empty when the file was too large): decoding
/// reads a CR alone as LF, so only the bytes tell whether the file already has LF line ends.
pub fn read_source_and_bytes(path: &Path) -> std::io::Result<(Decoded, Vec<u8>)> {
    let (name, bytes) = super::io::read_bytes(path)?;
    Ok(match bytes {
        super::io::Bytes::Read(b) => (bdl::Source::decode(name, &b), b),
        super::io::Bytes::TooLarge(size) => (
            Err(Box::new(Compilation {
                name,
                text: String::new(),
                diagnostics: vec![bdl::syntax::too_large(size)],
                declaration: None,
            })),
            Vec::new(),
        ),
    })
}

/// Reads and compiles one file, printing nothing. A file in another encoding is a diagnostic of that
/// file (B1004); only a file that cannot be read at all is an `Err`.
pub fn load(path: &Path) -> std::io::Result<Compilation> {
    let mut unit = match read_source(path)? {
        Ok(source) => source.compile(),
        Err(refused) => *refused,
    };
    unit.allow(super::allowed());
    Ok(unit)
}

/// [`load`], with a file that cannot be read reported here as `Err(exit code 2)`.
pub fn compile_path(path: &Path) -> Result<Compilation, ExitCode> {
    load(path).map_err(|e| {
        super::error(msg::cannot_read(&super::shown(path), &super::why(&e)));
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
    Ok((unit.declaration, ok))
}

/// The diagnostics as miette reports on standard error, then a count.
pub fn print_human(unit: &Compilation, color: bool) {
    eprint!("{}", human_text(unit, color));
}

/// The diagnostics as miette reports followed by the file's count; empty when there are none.
pub fn human_text(unit: &Compilation, color: bool) -> String {
    let diags = &unit.diagnostics;
    if diags.is_empty() {
        return String::new();
    }
    let mut text = report::render(diags, &unit.name, &unit.text, color, lang());
    // `-q`: the diagnostics, no count after them.
    if super::verbosity() != super::Verbosity::Quiet {
        text.push_str(&format!(
            "{}: {}\n",
            super::shown_name(&unit.name),
            report::summary(diags, lang())
        ));
    }
    text
}
