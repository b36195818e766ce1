//! `bdl build FILE --format md|json|html|xlsx [-o PATH|-]` (a workbook is never printed to a terminal),
//! and
//! `bdl build DIR --format md|json -o OUTDIR`

use super::Format;
use bdl::emit;
use bdl::messages as msg;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    file: &Path,
    format: Format,
    output: Option<&Path>,
    color: bool,
    deny_warnings: bool,
) -> ExitCode {
    // `-o -` is standard output, as `-` is standard input.
    let output = output.filter(|p| *p != Path::new("-"));
    if let Some(out) = output
        && (super::output::same_file(out, file)
            || (file == Path::new("-") && super::output::same_file(out, Path::new("/dev/stdin"))))
    {
        super::error(msg::output_is_input(&super::shown(out)));
        return ExitCode::from(2);
    }
    // A workbook goes to a file or a pipe, never to a terminal it would fill with binary.
    if format == Format::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
        super::error(msg::xlsx_to_terminal());
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
        // A text longer than an Excel cell: B5003 refuses the workbook, as `check` warned.
        Format::Xlsx => match emit::xlsx::render_checked(&decl) {
            Ok(bytes) => bytes,
            Err(refused) => {
                match refused {
                    emit::xlsx::Refused::Coded(d) => eprint!(
                        "{}",
                        bdl::report::render(
                            &[*d],
                            &file.display().to_string(),
                            "",
                            color,
                            super::lang()
                        )
                    ),
                    emit::xlsx::Refused::Other(e) => {
                        super::error(msg::cannot_make_workbook(&e.to_string()))
                    }
                }
                if output.is_some() {
                    super::error(msg::nothing_written());
                }
                return ExitCode::from(1);
            }
        },
    };
    match output {
        Some(path) => match super::io::write_atomically(path, &bytes) {
            Ok(()) => {
                super::note(msg::wrote(&super::shown(path)));
                ExitCode::SUCCESS
            }
            Err(e) => {
                super::error(msg::cannot_write(&super::shown(path), &super::why(&e)));
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

/// A folder: every declaration under it, built in parallel into `output` (see `folder.rs`).
pub fn run_folder(
    dir: &Path,
    format: Format,
    output: Option<&Path>,
    opts: &super::folder::Options,
) -> ExitCode {
    use super::folder::FolderFormat;
    let Some(out_dir) = output else {
        eprintln!(
            "{}",
            msg::folder_needs_output(&super::shown(dir)).get(super::lang())
        );
        return ExitCode::from(2);
    };
    // Formats are listed one by one so a new one must decide how folders write it.
    let folder_format = match format {
        Format::Md => FolderFormat::Md,
        Format::Json => FolderFormat::Json,
        Format::Html => FolderFormat::Html,
        Format::Xlsx => FolderFormat::Xlsx,
    };
    if out_dir.exists() && !out_dir.is_dir() {
        eprintln!(
            "{}",
            msg::output_is_a_file(&super::shown(out_dir)).get(super::lang())
        );
        return ExitCode::from(2);
    }
    super::folder::build(dir, folder_format, out_dir, opts)
}
