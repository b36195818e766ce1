//! `bdl build FILE --format md|json|html [-o PATH]`, `bdl build FILE --format xlsx -o PATH`

use super::Format;
use bdl::emit;
use bdl::messages as msg;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    file: &Path,
    format: Format,
    output: Option<&Path>,
    color: bool,
    deny_warnings: bool,
) -> ExitCode {
    if format == Format::Xlsx && output.is_none() {
        super::error(msg::xlsx_needs_output());
        return ExitCode::from(2);
    }
    let (decl, ok) = match super::compile::run_one(file, color, deny_warnings) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let Some(decl) = decl.filter(|_| ok) else {
        if output.is_some() {
            super::error(msg::nothing_written());
        }
        return ExitCode::from(1);
    };
    let bytes = match format {
        Format::Md => emit::markdown::render(&decl).into_bytes(),
        Format::Json => emit::json::render(&decl).into_bytes(),
        Format::Html => emit::html::render(&decl).into_bytes(),
        Format::Xlsx => match emit::xlsx::render(&decl) {
            Ok(bytes) => bytes,
            Err(e) => {
                super::error(msg::cannot_make_workbook(&e.to_string()));
                return ExitCode::from(1);
            }
        },
    };
    match output {
        Some(path) => match super::io::write_atomically(path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                super::error(msg::cannot_write(
                    &path.display().to_string(),
                    &e.to_string(),
                ));
                ExitCode::from(2)
            }
        },
        None => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(&bytes)
                .and_then(|_| stdout.flush())
                .is_err()
            {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
    }
}
