//! The command line: argument definitions and dispatch. Each command lives in its own file and calls
//! the library's public functions.

mod build;
mod check;
mod compile;
mod diff;
mod explain;
mod fmt;
mod folder;
mod git;
mod help;
mod import;
mod io;
mod lsp;
mod output;
mod pages_zh;
mod serve;

use bdl::messages::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

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
    /// The language of diagnostics and messages (default: from LC_ALL, LC_MESSAGES or LANG; zh… is
    /// Chinese, anything else English).
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
    /// Print diagnostics and errors only: no "passed" line, no summary.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also say what each file came to and every file written.
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Silence a warning or note for this run (`--allow B4030`, repeated or comma-separated); errors
    /// cannot be allowed. A document allows codes with a line `# bdl: allow B4030`.
    #[arg(
        long = "allow",
        value_name = "CODE",
        global = true,
        value_delimiter = ','
    )]
    allow: Vec<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

/// The language chosen for this run (`--lang`, else the locale).
static LANG: OnceLock<Lang> = OnceLock::new();

/// How much a run says beyond its diagnostics (`-q`, `-v`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

static VERBOSITY: OnceLock<Verbosity> = OnceLock::new();

pub fn verbosity() -> Verbosity {
    *VERBOSITY.get().unwrap_or(&Verbosity::Normal)
}

/// Prints a line of progress (`-v` only) on standard error.
pub fn note(text: bdl::messages::Text) {
    if verbosity() == Verbosity::Verbose {
        eprintln!("{}", safe(text.get(lang())));
    }
}

/// A message as it is safe to print on a terminal: the file names and texts it quotes may hold control
/// characters (`e\x1b]0;X\x07.bdl` retitles a terminal, `\x1b[2J` clears it), so each is shown as a
/// picture (`␛`) or a code point (`<U+202E>`), and a carriage return as `␍` (alone, it would move the
/// cursor back and let the rest of the line overwrite the message). Line feeds and tabs stay.
pub fn safe(text: &str) -> String {
    bdl::present::control_chars::visible(text).replace('\r', "\u{240d}")
}

/// A file name as it is shown to people: [`safe`], and a line feed or tab in the name as a picture too,
/// so that one name stays on one line.
pub fn shown(path: &std::path::Path) -> String {
    shown_name(&path.display().to_string())
}

/// [`shown`] for a name already made text.
pub fn shown_name(name: &str) -> String {
    bdl::present::control_chars::visible_line(name)
}

/// The warnings and notes this run allows (`--allow`).
static ALLOWED: OnceLock<Vec<bdl::codes::Code>> = OnceLock::new();

/// The codes `--allow` names, applied to every file this run compiles.
pub fn allowed() -> &'static [bdl::codes::Code] {
    ALLOWED.get_or_init(Vec::new)
}

/// The language every message of this run is printed in.
pub fn lang() -> Lang {
    *LANG.get_or_init(Lang::from_env)
}

/// Prints a message from the catalogue on standard error, in the run's language.
pub fn error(text: bdl::messages::Text) {
    eprintln!("{}", safe(text.get(lang())));
}

/// Why a file could not be read or written, in the run's language (never the OS's English).
pub fn why(e: &std::io::Error) -> String {
    bdl::messages::io_reason(e).get(lang()).to_string()
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Md,
    Json,
    /// One self-contained HTML page, print-ready on A4.
    Html,
    /// An Excel workbook, a sheet per table (to a file with -o, or to a pipe; never to a terminal).
    Xlsx,
}

/// What `diff` prints: a pull-request comment or one JSON document.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    Md,
    Json,
}

/// How `check` prints diagnostics.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiagnosticFormat {
    /// Reports with the source and carets, on standard error.
    Human,
    /// One line each, `file:line:col: severity[code]: message`, on standard output.
    Short,
    /// One JSON document on standard output.
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
        /// checked (in parallel for human reports), diagnostics printed per file in path order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
        format: DiagnosticFormat,
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
    /// Rewrite declarations in their canonical form (docs/formatting.md); a folder means every
    /// `.bdl` file under it. Nothing is written unless the result is proven to mean the same.
    Fmt {
        /// Files or folders (`-` reads standard input and writes standard output).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write nothing; list the files that would change and exit 1 if any would.
        #[arg(long)]
        check: bool,
        /// Write nothing; show a unified diff of the changes and exit 1 if any.
        #[arg(long)]
        diff: bool,
    },
    /// Compare two declarations as budgets (year over year); exit 0 if the same, 1 if they differ.
    Diff {
        /// The earlier declaration: a file, `-`, or `REV:path` read from git (`HEAD~1:budget.bdl`).
        old: String,
        /// The later declaration, in the same forms.
        new: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Md)]
        format: DiffFormat,
    },
    /// Turn an office's workbook (.xlsx, .xls) or Word document (.docx) into bdl sources
    /// (docs/import.md); every cell left out is reported. Exit 0 when all was placed and the sources
    /// compile, 1 when something was left or has errors (still written), 2 when the file cannot be read.
    Import {
        /// The workbook or document.
        file: PathBuf,
        /// The source to write (`OUT.bdl`), or a folder for one source per declaration; without it a
        /// single source is printed.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write the report (sources, diagnostics, cells not placed) as JSON to this file.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Run the language server on standard input and output, for editors (docs/editor.md).
    Lsp,
    /// Explain a diagnostic code (for example `bdl explain B3010`); without a code, list them all.
    Explain { code: Option<String> },
    /// Serve the declarations under DIR as a web page (docs/serve.md): the folder, each declaration's
    /// tables, an editor that checks as you type, the review of two years, every diagnostic's page.
    /// Pages are in Chinese unless `--lang en`.
    Serve {
        /// The folder served (default: the current one).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The port (0 picks a free one; the address is printed).
        #[arg(short, long, default_value_t = 8421)]
        port: u16,
        /// Listen on another address than 127.0.0.1 (anyone who reaches it can read, and unless
        /// --read-only, write: a warning is printed).
        #[arg(long)]
        host: Option<String>,
        /// Refuse every write: the pages can read and check, not save.
        #[arg(long)]
        read_only: bool,
        /// Commit each save in the git repository around DIR, with a message in Chinese.
        #[arg(long)]
        git_commit: bool,
        /// A host name a reverse proxy forwards (accepted in the Host header besides 127.0.0.1 and
        /// localhost); may be repeated.
        #[arg(long = "allow-host")]
        allow_hosts: Vec<String>,
    },
    /// Print a shell completion script (for example `bdl completions bash > /etc/bash_completion.d/bdl`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

pub fn run() -> ExitCode {
    let cli = match help::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let _ = LANG.set(match cli.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    });
    let _ = VERBOSITY.set(if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    });
    let mut allowed = Vec::new();
    for name in &cli.allow {
        let Some(code) = bdl::registry::parse(name) else {
            error(explain::unknown(name));
            return ExitCode::from(2);
        };
        if let Some(why) = bdl::allow::refuse(code) {
            error(why);
            return ExitCode::from(2);
        }
        allowed.push(code);
    }
    let _ = ALLOWED.set(allowed);
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => auto_color(std::io::stderr().is_terminal(), &|k| std::env::var_os(k)),
    };
    match cli.command {
        Command::Check {
            files,
            deny,
            format,
            jobs,
        } => {
            if files.iter().any(|f| f.is_dir()) {
                if format != DiagnosticFormat::Human {
                    // Machine-read formats: the files of the folders, in path order, one document.
                    return match folder::files_of(&files) {
                        Some(files) => check::run(&files, format, color, deny.is_some()),
                        None => ExitCode::from(2),
                    };
                }
                folder::check(&files, &folder_options(color, deny, jobs))
            } else {
                check::run(&files, format, color, deny.is_some())
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
        Command::Fmt { paths, check, diff } => {
            fmt::run(&paths, &fmt::Options { check, diff, color })
        }
        Command::Diff { old, new, format } => diff::run(&old, &new, format, color),
        Command::Import {
            file,
            output,
            report,
        } => import::run(&import::Options {
            file,
            output,
            report,
            color,
        }),
        Command::Explain { code } => explain::run(code.as_deref()),
        Command::Lsp => lsp::run(),
        Command::Serve {
            dir,
            port,
            host,
            read_only,
            git_commit,
            allow_hosts,
        } => serve::run(serve::Options {
            dir,
            host,
            port,
            read_only,
            git_commit,
            allow_hosts,
            // Chinese first: the pages are in English only when asked.
            lang: match cli.lang {
                Some(LangArg::En) => Lang::En,
                _ => Lang::Zh,
            },
        }),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "bdl", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

/// `--color auto`: colour on a terminal, unless `NO_COLOR` is set to anything but the empty string
/// (no-color.org) or `TERM` is `dumb`; `CLICOLOR_FORCE` (not empty, not `0`) forces it anywhere.
/// `NO_COLOR` wins over `CLICOLOR_FORCE`.
fn auto_color(terminal: bool, var: &dyn Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    let set = |k: &str| var(k).is_some_and(|v| !v.is_empty());
    if set("NO_COLOR") {
        return false;
    }
    if set("CLICOLOR_FORCE") && var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    terminal && var("TERM").is_none_or(|t| t != "dumb")
}

fn folder_options(color: bool, deny: Option<Deny>, jobs: Option<u16>) -> folder::Options {
    folder::Options {
        color,
        deny_warnings: deny.is_some(),
        jobs: jobs.map_or(0, usize::from),
    }
}

#[cfg(test)]
mod tests {
    use super::auto_color;
    use std::ffi::OsString;

    fn color(terminal: bool, vars: &[(&str, &str)]) -> bool {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        auto_color(terminal, &|k| {
            vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn colour_follows_no_color_term_and_clicolor_force() {
        assert!(color(true, &[]));
        assert!(!color(false, &[]));
        assert!(
            color(true, &[("NO_COLOR", "")]),
            "empty NO_COLOR is not set"
        );
        assert!(!color(true, &[("NO_COLOR", "1")]));
        assert!(!color(true, &[("TERM", "dumb")]));
        assert!(color(false, &[("CLICOLOR_FORCE", "1")]));
        assert!(!color(false, &[("CLICOLOR_FORCE", "0")]));
        assert!(!color(false, &[("CLICOLOR_FORCE", "")]));
        assert!(color(true, &[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")]));
        assert!(!color(true, &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]));
    }
}
