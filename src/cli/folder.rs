//! `bdl check DIR` and `bdl build DIR -o OUTDIR`: every `.bdl` file under a folder, compiled in
//! parallel. Each worker reads, compiles, writes its output and returns only its rendered diagnostics
//! and a roll-up line; diagnostics are printed per file, in path order, whatever the thread count.

use super::io::write_atomically;
use bdl::batch::rollup::{Entry, RollupError, Totals};
use bdl::batch::{self, Source};
use bdl::emit;
use bdl::messages as msg;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
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
}

/// The roll-up's file name: `_rollup.json` / `_rollup.md`. A source that would write the same path
/// (`DIR/_rollup.bdl`) is refused rather than overwritten.
fn rollup_name(format: FolderFormat) -> String {
    format!("_rollup.{}", format.extension())
}

/// The roll-up, written while the departments are delivered, so that only the grand totals stay in
/// memory. JSON is written in order into a temporary file beside the roll-up; Markdown puts the totals
/// first, so its rows go to a temporary file and the roll-up is put together at the end. Either way
/// the roll-up appears whole, by a rename, or not at all.
struct RollupWriter {
    format: FolderFormat,
    path: PathBuf,
    /// The JSON roll-up being written, or the Markdown rows.
    part: PathBuf,
    file: Option<BufWriter<File>>,
    /// The first write that failed; nothing more is written after it.
    io_error: Option<std::io::Error>,
    totals: Totals,
}

enum RollupFailure {
    Inexact(RollupError),
    Io(std::io::Error),
}

fn temp_beside(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.bdl-{what}-{}", std::process::id()))
}

impl RollupWriter {
    fn start(format: FolderFormat, out_dir: &Path) -> RollupWriter {
        let path = out_dir.join(rollup_name(format));
        let part = temp_beside(
            &path,
            if format == FolderFormat::Md {
                "rows"
            } else {
                "tmp"
            },
        );
        let mut w = RollupWriter {
            format,
            path,
            file: None,
            io_error: None,
            totals: Totals::default(),
            part,
        };
        match std::fs::create_dir_all(out_dir).and_then(|_| File::create(&w.part)) {
            Ok(f) => {
                w.file = Some(BufWriter::new(f));
                if format == FolderFormat::Json {
                    w.write(&bdl::batch::printed::json_head());
                }
            }
            Err(e) => w.io_error = Some(e),
        }
        w
    }

    fn write(&mut self, text: &str) {
        if let Some(f) = &mut self.file
            && let Err(e) = f.write_all(text.as_bytes())
        {
            self.io_error = Some(e);
            self.file = None;
        }
    }

    /// Adds a department to the totals and writes its line.
    fn push(&mut self, e: &Entry) -> Result<(), RollupError> {
        let first = self.totals.departments == 0;
        self.totals.add(e)?;
        let text = match self.format {
            FolderFormat::Json => bdl::batch::printed::json_entry(e, first),
            FolderFormat::Md => bdl::batch::printed::markdown_row(e),
        };
        self.write(&text);
        Ok(())
    }

    /// Nothing is written: the temporary file goes.
    fn abandon(mut self) {
        self.file = None;
        let _ = std::fs::remove_file(&self.part);
    }

    fn finish(mut self) -> Result<(), std::io::Error> {
        let result = self.complete();
        self.file = None;
        let _ = std::fs::remove_file(&self.part);
        result
    }

    fn complete(&mut self) -> Result<(), std::io::Error> {
        if self.format == FolderFormat::Json {
            let tail = bdl::batch::printed::json_tail(&self.totals, self.totals.departments == 0);
            self.write(&tail);
        }
        if let Some(e) = self.io_error.take() {
            return Err(e);
        }
        let Some(f) = self.file.take() else {
            return Err(std::io::Error::other("roll-up not started"));
        };
        f.into_inner().map_err(|e| e.into_error())?;
        match self.format {
            FolderFormat::Json => std::fs::rename(&self.part, &self.path),
            FolderFormat::Md => {
                let whole = temp_beside(&self.path, "tmp");
                let result = File::create(&whole).and_then(|f| {
                    let mut out = BufWriter::new(f);
                    out.write_all(bdl::batch::printed::markdown_head(&self.totals).as_bytes())?;
                    std::io::copy(&mut File::open(&self.part)?, &mut out)?;
                    out.into_inner().map_err(|e| e.into_error())?;
                    std::fs::rename(&whole, &self.path)
                });
                if result.is_err() {
                    let _ = std::fs::remove_file(&whole);
                }
                result
            }
        }
    }
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
    // Read, decoded and reported exactly as a single file is (a GBK file is B1004, not an I/O error).
    let mut unit = match super::compile::load(&source.path) {
        Ok(u) => u,
        Err(e) => {
            return io_failure(format!(
                "{}\n",
                msg::cannot_read(name, &e.to_string()).get(super::lang())
            ));
        }
    };
    unit.name = name.to_string();
    let mut text = super::compile::human_text(&unit, opts.color);
    let ok = unit.ok(opts.deny_warnings);
    drop(unit.text);
    let Some(decl) = unit.declaration.filter(|_| ok) else {
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

/// Collects the sources of every argument, for `check`, `build` and `fmt` alike: folders are walked
/// (`batch::walk`: `.bdl` files, hidden entries and symbolic links skipped), files and `-` taken as
/// they are; sorted by path, each once. A part of a folder that cannot be read is reported here, and
/// the flag tells the caller to exit 2 when the rest is done.
pub fn gather(paths: &[PathBuf]) -> (Vec<Source>, bool) {
    let mut sources = Vec::new();
    let mut io_failed = false;
    for p in paths {
        if p != Path::new("-") && p.is_dir() {
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
    let mut rollup = build.map(|(format, out_dir)| RollupWriter::start(format, out_dir));
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
                && let Some(r) = &mut rollup
                && let Err(err) = r.push(&e)
            {
                rollup_error = Some(err);
            }
            bar.inc(1);
        },
    );
    bar.finish_and_clear();
    if let Err(e) = result {
        if let Some(r) = rollup {
            r.abandon();
        }
        eprintln!(
            "{}",
            msg::cannot_start_threads(opts.jobs, &e.to_string()).get(super::lang())
        );
        return ExitCode::from(2);
    }
    if let Some(r) = rollup {
        let path = r.path.display().to_string();
        let outcome = match rollup_error {
            Some(e) => {
                r.abandon();
                Err(RollupFailure::Inexact(e))
            }
            None => r.finish().map_err(RollupFailure::Io),
        };
        match outcome {
            Ok(()) => {}
            Err(RollupFailure::Inexact(e)) => {
                eprintln!(
                    "{}",
                    msg::rollup_inexact(&e.to_string(), &path).get(super::lang())
                );
                failed += 1;
            }
            Err(RollupFailure::Io(e)) => {
                eprintln!(
                    "{}",
                    msg::cannot_write(&path, &e.to_string()).get(super::lang())
                );
                io_failed = true;
            }
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
