//! `bdl build FILE --format md|json [-o PATH]`, and `bdl build DIR --format md|json -o OUTDIR`

use super::Format;
use bdl::emit;
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
    let (decl, ok) = match super::compile::run_one(file, color, deny_warnings) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let Some(decl) = decl.filter(|_| ok) else {
        if output.is_some() {
            eprintln!("nothing written: fix the errors above first");
        }
        return ExitCode::from(1);
    };
    let text = match format {
        Format::Md => emit::markdown::render(&decl),
        Format::Json => emit::json::render(&decl),
    };
    match output {
        Some(path) => match super::io::write_atomically(path, &text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                ExitCode::from(2)
            }
        },
        None => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(text.as_bytes())
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
            "error: building a folder needs an output folder: bdl build {} -o OUTDIR",
            dir.display()
        );
        return ExitCode::from(2);
    };
    // Formats are listed one by one so a new one must decide whether folders support it.
    let folder_format = match format {
        Format::Md => FolderFormat::Md,
        Format::Json => FolderFormat::Json,
    };
    if out_dir.exists() && !out_dir.is_dir() {
        eprintln!(
            "error: {} is a file; a folder build writes into a folder",
            out_dir.display()
        );
        return ExitCode::from(2);
    }
    super::folder::build(dir, folder_format, out_dir, opts)
}
