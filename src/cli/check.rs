//! `bdl check FILE… [--format human|short|json]`

use super::DiagnosticFormat;
use super::compile::{compile_path, print_human};
use bdl::Compilation;
use bdl::report;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(
    files: &[PathBuf],
    format: DiagnosticFormat,
    color: bool,
    deny_warnings: bool,
) -> ExitCode {
    let mut failed = false;
    let mut json_files = Vec::new();
    for f in files {
        let unit = match compile_path(f) {
            Ok(u) => u,
            Err(code) => return code,
        };
        failed |= !unit.ok(deny_warnings);
        match format {
            DiagnosticFormat::Human => print_human(&unit, color),
            DiagnosticFormat::Short => print!(
                "{}",
                report::short(&unit.diagnostics, &unit.name, &unit.text, super::lang())
            ),
            DiagnosticFormat::Json => json_files.push(file_json(&unit)),
        }
    }
    if format == DiagnosticFormat::Json {
        let diagnostics: Vec<serde_json::Value> = json_files.into_iter().flatten().collect();
        let count = |s: &str| diagnostics.iter().filter(|d| d["severity"] == s).count();
        let doc = serde_json::json!({
            "errors": count("error"),
            "warnings": count("warning"),
            "notes": count("note"),
            "diagnostics": diagnostics,
        });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn file_json(unit: &Compilation) -> Vec<serde_json::Value> {
    report::json(&unit.diagnostics, &unit.name, &unit.text, super::lang())
}
