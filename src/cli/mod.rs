//! The command line: argument definitions and dispatch. Each command lives in its own file and calls
//! the library's public functions.

mod build;
mod check;
mod compile;
mod explain;
mod folder;
mod io;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "bdl",
    version,
    about = "Compile budget performance-target declarations (预算绩效目标表) into their official tables"
)]
pub struct Cli {
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
pub enum Format {
    Md,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Deny {
    Warnings,
}

#[derive(Subcommand)]
enum Command {
    /// Check declarations and report every problem; exit 1 if any has errors.
    Check {
        /// Files to check (`-` reads standard input), or folders: every `.bdl` file under them is
        /// checked in parallel, diagnostics printed per file in path order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Threads for folders (default: RAYON_NUM_THREADS, else every core).
        #[arg(short = 'j', long = "jobs", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Compile a declaration into its tables.
    Build {
        /// The declaration (`-` reads standard input), or a folder: every `.bdl` file under it is
        /// built in parallel into OUTPUT (mirroring the folder), with a roll-up `_rollup.json` / `_rollup.md`.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write the output to this file instead of standard output (nothing is written on errors);
        /// for a folder, the output folder (required).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Threads for a folder (default: RAYON_NUM_THREADS, else every core).
        #[arg(short = 'j', long = "jobs", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Explain a diagnostic code (for example `bdl explain B3010`).
    Explain { code: String },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Check { files, deny, jobs } => {
            if files.iter().any(|f| f.is_dir()) {
                folder::check(&files, &folder_options(color, deny, jobs))
            } else {
                check::run(&files, color, deny.is_some())
            }
        }
        Command::Build {
            file,
            format,
            output,
            deny,
            jobs,
        } => {
            if file.is_dir() {
                build::run_folder(
                    &file,
                    format,
                    output.as_deref(),
                    &folder_options(color, deny, jobs),
                )
            } else {
                build::run(&file, format, output.as_deref(), color, deny.is_some())
            }
        }
        Command::Explain { code } => explain::run(&code),
    }
}

fn folder_options(color: bool, deny: Option<Deny>, jobs: Option<u16>) -> folder::Options {
    folder::Options {
        color,
        deny_warnings: deny.is_some(),
        jobs: jobs.map_or(0, usize::from),
    }
}
