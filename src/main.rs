//! The `bdl` command line: a thin layer over the library.

use bdl::diagnostic::Severity;
use bdl::{compile, emit, report};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "bdl",
    version,
    about = "Compile budget performance-target declarations (预算绩效目标表) into their official tables"
)]
struct Cli {
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    color: Color,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Md,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Deny {
    Warnings,
}

#[derive(Subcommand)]
enum Command {
    /// Check declarations and report every problem; exit 1 if any has errors.
    Check {
        /// Files to check (`-` reads standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
    },
    /// Compile a declaration into its tables.
    Build {
        /// The declaration (`-` reads standard input).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write the output to this file instead of standard output (nothing is written on errors).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
    },
    /// Explain a diagnostic code (for example `bdl explain B3010`).
    Explain { code: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Check { files, deny } => {
            let mut failed = false;
            for f in &files {
                match run_one(f, color, deny.is_some()) {
                    Ok((_, ok)) => failed |= !ok,
                    Err(code) => return code,
                }
            }
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Build {
            file,
            format,
            output,
            deny,
        } => {
            let (decl, ok) = match run_one(&file, color, deny.is_some()) {
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
                Some(path) => match write_atomically(&path, &text) {
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
        Command::Explain { code } => match bdl::codes::Code::parse(&code) {
            Some(c) => {
                println!(
                    "{} ({}): {}",
                    c.as_str(),
                    report::severity_word(c.severity()),
                    c.title()
                );
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: there is no diagnostic code `{code}`; codes look like B3010");
                ExitCode::from(2)
            }
        },
    }
}

/// Reads, compiles and reports one file. `Ok((model, ok))`, where ok means no errors (and no warnings
/// under `--deny warnings`); `Err(exit code)` when the file cannot be read.
fn run_one(
    path: &Path,
    color: bool,
    deny_warnings: bool,
) -> Result<(Option<bdl::model::Declaration>, bool), ExitCode> {
    let (name, src) = read_source(path).map_err(|e| {
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

fn read_source(path: &Path) -> std::io::Result<(String, String)> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(path)?
    };
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the file is not UTF-8 text; save it as UTF-8 (iconv -f GB18030 -t UTF-8 FILE)",
        )
    })?;
    Ok((name, text))
}

/// Writes through a temporary file in the same folder, then renames, so a reader never sees half a file.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "out".to_string());
    let tmp = dir.join(format!(".{file_name}.bdl-tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
