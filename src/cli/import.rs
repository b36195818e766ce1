//! `bdl import FILE [-o OUT.bdl | -o DIR] [--report FILE]`: an office's workbook or Word document
//! as bdl sources (docs/import.md). The sources are written even when cells were left out or they
//! have errors (the user finishes them by hand); the exit code says which: 0 all placed and no
//! errors, 1 something left or errors, 2 the file could not be read.

use super::lang;
use bdl::import::{Outcome, limits::MAX_FILE_BYTES};
use bdl::messages as msg;
use bdl::report;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub struct Options {
    pub file: PathBuf,
    pub output: Option<PathBuf>,
    pub report: Option<PathBuf>,
    pub color: bool,
}

fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
    }
    // One byte past the bound, so an oversized file is refused with its diagnostic, never held.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

pub fn run(opts: &Options) -> ExitCode {
    let name = opts.file.display().to_string();
    let bytes = match read(&opts.file) {
        Ok(b) => b,
        Err(e) => {
            super::error(msg::cannot_read(&super::shown(&opts.file), &super::why(&e)));
            return ExitCode::from(2);
        }
    };
    let outcome = bdl::import::import(&name, &bytes);
    if !outcome.diagnostics.is_empty() {
        eprint!(
            "{}",
            report::render(&outcome.diagnostics, &name, "", opts.color, lang())
        );
    }
    if let Err(code) = write_sources(&outcome, opts) {
        return code;
    }
    for s in &outcome.sources {
        eprint!("{}", super::compile::human_text(&s.compilation, opts.color));
    }
    print_report(&outcome);
    if let Some(path) = &opts.report
        && let Err(code) = write_report(&outcome, &name, path)
    {
        return code;
    }
    let errors: usize = outcome
        .sources
        .iter()
        .map(|s| {
            s.compilation
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .count()
        })
        .sum();
    if super::verbosity() >= super::Verbosity::Normal && !outcome.sources.is_empty() {
        super::error(msg::import_summary(
            outcome.sources.len(),
            outcome.unplaced.len(),
            errors,
        ));
    }
    ExitCode::from(outcome.exit_code())
}

fn write_sources(outcome: &Outcome, opts: &Options) -> Result<(), ExitCode> {
    let write = |path: &Path, text: &str| {
        super::io::write_atomically(path, text).map_err(|e| {
            super::error(msg::cannot_write(&super::shown(path), &super::why(&e)));
            ExitCode::from(2)
        })?;
        super::note(msg::wrote(&super::shown(path)));
        Ok::<(), ExitCode>(())
    };
    let single_file = |p: &Path| !p.is_dir() && p.extension().is_some_and(|e| e == "bdl");
    match (&opts.output, outcome.sources.as_slice()) {
        (_, []) => Ok(()),
        (None, [one]) => {
            print!("{}", one.source);
            Ok(())
        }
        (Some(p), [one]) if single_file(p) => write(p, &one.source),
        (Some(p), many) if !single_file(p) => {
            std::fs::create_dir_all(p).map_err(|e| {
                super::error(msg::cannot_write(&super::shown(p), &super::why(&e)));
                ExitCode::from(2)
            })?;
            for s in many {
                write(&p.join(&s.name), &s.source)?;
            }
            Ok(())
        }
        (_, many) => {
            super::error(msg::import_needs_folder(many.len()));
            Err(ExitCode::from(2))
        }
    }
}

fn print_report(outcome: &Outcome) {
    let cells = outcome.report(lang());
    if cells.is_empty() {
        return;
    }
    let mut out = format!("{}\n", msg::import_report_heading(cells.len()).get(lang()));
    for c in &cells {
        let text: String = c.text.chars().take(60).collect();
        let more = if c.text.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        let text = text.replace('\n', " ");
        out.push_str(&format!("  {} · {text}{more} · {}\n", c.place, c.why));
    }
    eprint!("{out}");
}

fn write_report(outcome: &Outcome, name: &str, path: &Path) -> Result<(), ExitCode> {
    let sources: Vec<serde_json::Value> = outcome
        .sources
        .iter()
        .map(|s| {
            serde_json::json!({
                "name": s.name,
                "errors": s.compilation.diagnostics.iter().filter(|d| d.is_error()).count(),
                "warnings": s.compilation.diagnostics.iter().filter(|d| !d.is_error()).count(),
            })
        })
        .collect();
    let doc = serde_json::json!({
        "file": name,
        "exit": outcome.exit_code(),
        "sources": sources,
        "diagnostics": outcome.diagnostics.iter().map(|d| serde_json::json!({
            "code": d.code.as_str(),
            "severity": d.severity,
            "message": d.message.get(lang()),
        })).collect::<Vec<_>>(),
        "unplaced": outcome.report(lang()),
    });
    let text = serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
    super::io::write_atomically(path, text).map_err(|e| {
        super::error(msg::cannot_write(&super::shown(path), &super::why(&e)));
        ExitCode::from(2)
    })
}
