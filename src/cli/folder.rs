//! `bdl check DIR` and `bdl build DIR -o OUTDIR`: every `.bdl` file under a folder, compiled in
//! parallel. Each worker reads, compiles, writes its output and returns only its rendered diagnostics
//! and a roll-up line; diagnostics are printed per file, in path order, whatever the thread count.

use super::io::write_atomically;
use bdl::batch::rollup::{Entry, Rollup};
use bdl::batch::{self, Source};
use bdl::diagnostic::Severity;
use bdl::messages as msg;
use bdl::{compile, emit, report};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The formats a folder build writes (one per source, plus the roll-up).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FolderFormat {
    Md,
    Json,
}

impl FolderFormat {
    fn extension(self) -> &'static str {
        match self {
            FolderFormat::Md => "md",
            FolderFormat::Json => "json",
        }
    }

    fn render(self, decl: &bdl::model::Declaration) -> String {
        match self {
            FolderFormat::Md => emit::markdown::render(decl),
            FolderFormat::Json => emit::json::render(decl),
        }
    }

    fn render_rollup(self, r: &Rollup) -> String {
        match self {
            FolderFormat::Md => emit::rollup::markdown(r),
            FolderFormat::Json => emit::rollup::json(r),
        }
    }
}

/// The roll-up's file name: `_rollup.json` / `_rollup.md`. A source that would write the same path
/// (`DIR/_rollup.bdl`) is refused rather than overwritten.
fn rollup_name(format: FolderFormat) -> String {
    format!("_rollup.{}", format.extension())
}

pub struct Options {
    pub color: bool,
    pub deny_warnings: bool,
    /// 0: `RAYON_NUM_THREADS`, else every core.
    pub jobs: usize,
}

/// What a worker hands back: never the source or the model.
struct Outcome {
    /// Diagnostics (and the file's summary line), ready to print; empty when there are none.
    text: String,
    status: Status,
    rollup: Option<Entry>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Ok,
    Failed,
    Io,
}

fn compile_one(
    source: &Source,
    name: &str,
    opts: &Options,
    build: Option<(FolderFormat, &Path)>,
) -> Outcome {
    let io_failure = |text: String| Outcome {
        text,
        status: Status::Io,
        rollup: None,
    };
    let src = match super::io::read_source(&source.path) {
        Ok((_, src)) => src,
        Err(e) => {
            return io_failure(format!(
                "{}\n",
                msg::cannot_read(name, &e.to_string()).get(super::lang())
            ));
        }
    };
    let compiled = compile(&src);
    let mut text = String::new();
    if !compiled.diagnostics.is_empty() {
        text.push_str(&report::render(
            &compiled.diagnostics,
            name,
            &src,
            opts.color,
            super::lang(),
        ));
        text.push_str(&format!(
            "{name}: {}\n",
            report::summary(&compiled.diagnostics, super::lang())
        ));
    }
    drop(src);
    let warned = compiled
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Warning);
    let ok = !(compiled.has_errors() || (opts.deny_warnings && warned));
    let Some(decl) = compiled.declaration.filter(|_| ok) else {
        if build.is_some() {
            text.push_str(&format!(
                "{}\n",
                msg::file_not_written(name).get(super::lang())
            ));
        }
        return Outcome {
            text,
            status: Status::Failed,
            rollup: None,
        };
    };
    let Some((format, out_dir)) = build else {
        return Outcome {
            text,
            status: Status::Ok,
            rollup: None,
        };
    };
    let entry = match Entry::of(source.display_relative(), &decl) {
        Ok(e) => e,
        Err(e) => {
            let lang = super::lang();
            text.push_str(&format!(
                "{}\n{}\n",
                msg::cannot_roll_up(name, &e.to_string()).get(lang),
                msg::file_not_written(name).get(lang)
            ));
            return Outcome {
                text,
                status: Status::Failed,
                rollup: None,
            };
        }
    };
    let extension = format.extension();
    let Some(out) = source
        .output_path(out_dir, extension)
        .filter(|p| *p != out_dir.join(rollup_name(format)))
    else {
        text.push_str(&format!(
            "{}\n",
            msg::output_takes_rollup_place(name, &rollup_name(format)).get(super::lang())
        ));
        return Outcome {
            text,
            status: Status::Failed,
            rollup: None,
        };
    };
    let rendered = format.render(&decl);
    drop(decl);
    let written = out
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|_| write_atomically(&out, &rendered));
    match written {
        Ok(()) => Outcome {
            text,
            status: Status::Ok,
            rollup: Some(entry),
        },
        Err(e) => {
            text.push_str(&format!(
                "{}\n",
                msg::cannot_write(&out.display().to_string(), &e.to_string()).get(super::lang())
            ));
            Outcome {
                text,
                status: Status::Io,
                rollup: None,
            }
        }
    }
}

/// The name a file is shown by: the folder given on the command line joined with its relative path.
fn shown_name(s: &Source) -> String {
    s.path.display().to_string()
}

fn progress(n: usize) -> ProgressBar {
    // Only for a person watching a long run; never in pipes, files or tests.
    if n < 50 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed_precise} (eta {eta})")
    {
        bar.set_style(style);
    }
    bar
}

/// Collects the sources of every argument: folders are walked, files taken as they are.
fn gather(paths: &[PathBuf]) -> (Vec<Source>, bool) {
    let mut sources = Vec::new();
    let mut io_failed = false;
    for p in paths {
        if p.is_dir() {
            let (found, errors) = batch::walk(p);
            for e in errors {
                eprintln!(
                    "{}",
                    msg::cannot_read(&e.path.display().to_string(), &e.message).get(super::lang())
                );
                io_failed = true;
            }
            sources.extend(found);
        } else {
            sources.push(Source {
                path: p.clone(),
                relative: p.file_name().map_or_else(|| p.clone(), PathBuf::from),
            });
        }
    }
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    sources.dedup_by(|a, b| a.path == b.path);
    (sources, io_failed)
}

fn run(paths: &[PathBuf], opts: &Options, build: Option<(FolderFormat, &Path)>) -> ExitCode {
    let (sources, mut io_failed) = gather(paths);
    let bar = progress(sources.len());
    let mut failed = 0usize;
    let mut rollup = Rollup::default();
    let mut rollup_error = None;
    let result = batch::run_ordered(
        &sources,
        opts.jobs,
        |s| compile_one(s, &shown_name(s), opts, build),
        |_, outcome| {
            if !outcome.text.is_empty() {
                bar.suspend(|| eprint!("{}", outcome.text));
            }
            match outcome.status {
                Status::Ok => {}
                Status::Failed => failed += 1,
                Status::Io => {
                    failed += 1;
                    io_failed = true;
                }
            }
            if let Some(e) = outcome.rollup
                && rollup_error.is_none()
                && let Err(err) = rollup.push(e)
            {
                rollup_error = Some(err);
            }
            bar.inc(1);
        },
    );
    bar.finish_and_clear();
    if let Err(e) = result {
        eprintln!(
            "{}",
            msg::cannot_start_threads(opts.jobs, &e.to_string()).get(super::lang())
        );
        return ExitCode::from(2);
    }
    if let Some((format, out_dir)) = build {
        let path = out_dir.join(rollup_name(format));
        if let Some(e) = &rollup_error {
            eprintln!(
                "{}",
                msg::rollup_inexact(&e.to_string(), &path.display().to_string()).get(super::lang())
            );
            failed += 1;
        } else if let Err(e) = std::fs::create_dir_all(out_dir)
            .and_then(|_| write_atomically(&path, format.render_rollup(&rollup)))
        {
            eprintln!(
                "{}",
                msg::cannot_write(&path.display().to_string(), &e.to_string()).get(super::lang())
            );
            io_failed = true;
        }
    }
    let n = sources.len();
    eprintln!(
        "{}",
        msg::folder_summary(build.is_some(), n, n - failed.min(n), failed).get(super::lang())
    );
    if io_failed {
        ExitCode::from(2)
    } else if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn check(paths: &[PathBuf], opts: &Options) -> ExitCode {
    run(paths, opts, None)
}

pub fn build(dir: &Path, format: FolderFormat, out_dir: &Path, opts: &Options) -> ExitCode {
    run(&[dir.to_path_buf()], opts, Some((format, out_dir)))
}
