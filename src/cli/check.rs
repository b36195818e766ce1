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
        let ok = unit.ok(deny_warnings);
        failed |= !ok;
        if ok && format == DiagnosticFormat::Human {
            super::note(bdl::messages::file_passed(&super::shown_name(&unit.name)));
        }
        match format {
            DiagnosticFormat::Human => print_human(&unit, color),
            DiagnosticFormat::Short => print!(
                "{}",
                report::short(&unit.diagnostics, &unit.name, &unit.text, super::lang())
            ),
            DiagnosticFormat::Json => json_files.push((unit.name.clone(), file_json(&unit))),
        }
    }
    if format == DiagnosticFormat::Json {
        let count =
            |ds: &[serde_json::Value], s: &str| ds.iter().filter(|d| d["severity"] == s).count();
        // Per file (a folder's files in path order), and every diagnostic in one list as before.
        let per_file: Vec<serde_json::Value> = json_files
            .iter()
            .map(|(name, ds)| {
                serde_json::json!({
                    "file": name,
                    "errors": count(ds, "error"),
                    "warnings": count(ds, "warning"),
                    "notes": count(ds, "note"),
                    "diagnostics": ds,
                })
            })
            .collect();
        let diagnostics: Vec<serde_json::Value> =
            json_files.into_iter().flat_map(|(_, ds)| ds).collect();
        let doc = serde_json::json!({
            "errors": count(&diagnostics, "error"),
            "warnings": count(&diagnostics, "warning"),
            "notes": count(&diagnostics, "note"),
            "files": per_file,
            "diagnostics": diagnostics,
        });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    if !failed && format == DiagnosticFormat::Human && super::verbosity() != super::Verbosity::Quiet
    {
        super::error(bdl::messages::all_checks_passed(files.len()));
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
