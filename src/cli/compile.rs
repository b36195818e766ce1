//! Compiling one file and reporting its diagnostics on standard error.

use bdl::diagnostic::Severity;
use bdl::{compile, report};
use std::path::Path;
use std::process::ExitCode;

/// Reads, compiles and reports one file. `Ok((model, ok))`, where ok means no errors (and no warnings
/// under `--deny warnings`); `Err(exit code)` when the file cannot be read.
pub fn run_one(
    path: &Path,
    color: bool,
    deny_warnings: bool,
) -> Result<(Option<bdl::model::Declaration>, bool), ExitCode> {
    let (name, src) = super::io::read_source(path).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        ExitCode::from(2)
    })?;
    let compiled = compile(&src);
    if !compiled.diagnostics.is_empty() {
        eprint!(
            "{}",
            report::render(&compiled.diagnostics, &name, &src, color)
        );
        eprintln!("{name}: {}", report::summary(&compiled.diagnostics));
    }
    let warned = compiled
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Warning);
    let ok = !(compiled.has_errors() || (deny_warnings && warned));
    Ok((compiled.declaration, ok))
}
