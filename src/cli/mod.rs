//! The command line: argument definitions and dispatch. Each command lives in its own file and calls
//! the library's public functions.

mod build;
mod check;
mod compile;
mod diff;
mod explain;
mod git;
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
    /// Compare two declarations as budgets (year over year); exit 0 if the same, 1 if they differ.
    Diff {
        /// The earlier declaration: a file, `-`, or `REV:path` read from git (`HEAD~1:budget.bdl`).
        old: String,
        /// The later declaration, in the same forms.
        new: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
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
        Command::Check { files, deny } => check::run(&files, color, deny.is_some()),
        Command::Build {
            file,
            format,
            output,
            deny,
        } => build::run(&file, format, output.as_deref(), color, deny.is_some()),
        Command::Diff { old, new, format } => diff::run(&old, &new, format, color),
        Command::Explain { code } => explain::run(&code),
    }
}
