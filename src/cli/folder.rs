//! `bdl check DIR` and `bdl build DIR -o OUTDIR`: every `.bdl` file under a folder, compiled in
//! parallel. Each worker reads, compiles, writes its output and returns only its rendered diagnostics
//! and a roll-up line; diagnostics are printed per file, in path order, whatever the thread count.

use super::io::write_atomically;
use bdl::batch::printed::{Coverage, Missing};
use bdl::batch::rollup::{Entry, RollupError, Totals};
use bdl::batch::{self, Source};
use bdl::emit;
use bdl::messages as msg;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{BufWriter, IsTerminal, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tempfile::NamedTempFile;

/// The formats a folder build writes (one per source, plus the roll-up).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FolderFormat {
    Md,
    Json,
    Html,
    Xlsx,
}

impl FolderFormat {
    fn extension(self) -> &'static str {
        match self {
            FolderFormat::Md => "md",
            FolderFormat::Json => "json",
            FolderFormat::Html => "html",
            FolderFormat::Xlsx => "xlsx",
        }
    }

    /// The roll-up's own format: JSON beside JSON, Markdown beside the forms people read.
    fn rollup(self) -> FolderFormat {
        match self {
            FolderFormat::Json => FolderFormat::Json,
            FolderFormat::Md | FolderFormat::Html | FolderFormat::Xlsx => FolderFormat::Md,
        }
    }

    fn render(self, decl: &bdl::model::Declaration) -> Result<Vec<u8>, String> {
        Ok(match self {
            FolderFormat::Md => emit::markdown::render(decl).into_bytes(),
            FolderFormat::Json => emit::json::render(decl).into_bytes(),
            FolderFormat::Html => emit::html::render(decl).into_bytes(),
            FolderFormat::Xlsx => emit::xlsx::render_checked(decl).map_err(|r| match r {
                emit::xlsx::Refused::Coded(d) => {
                    format!("[{}] {}", d.code.as_str(), d.message.get(super::lang()))
                }
                emit::xlsx::Refused::Other(e) => e.to_string(),
            })?,
        })
    }
}

/// The roll-up's file name: `_rollup.json` / `_rollup.md`. A source that would write the same path
/// (`DIR/_rollup.bdl`) is refused rather than overwritten.
fn rollup_name(format: FolderFormat) -> String {
    format!("_rollup.{}", format.rollup().extension())
}

/// The roll-up, written while the departments are delivered, so that only the grand totals stay in
/// memory. JSON is written in order into a temporary file beside the roll-up; Markdown puts the totals
/// first, so its rows go to a temporary file and the roll-up is put together at the end. Temporary
/// files have unpredictable names and are created exclusively (`tempfile`), and the roll-up appears
/// whole, by a rename, or not at all.
struct RollupWriter {
    format: FolderFormat,
    path: PathBuf,
    /// The JSON roll-up being written, or the Markdown rows (removed when dropped).
    file: Option<BufWriter<NamedTempFile>>,
    /// The first write that failed; nothing more is written after it.
    io_error: Option<std::io::Error>,
    totals: Totals,
    /// The declarations left out and the years summed.
    coverage: Coverage,
}

enum RollupFailure {
    Inexact(RollupError),
    Io(std::io::Error),
}

impl RollupWriter {
    fn start(format: FolderFormat, out_dir: &Path) -> RollupWriter {
        let path = out_dir.join(rollup_name(format));
        let format = format.rollup();
        let mut w = RollupWriter {
            format,
            path,
            file: None,
            io_error: None,
            totals: Totals::default(),
            coverage: Coverage::default(),
        };
        match std::fs::create_dir_all(out_dir).and_then(|_| super::output::output_temp(&w.path)) {
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
        if let Some(y) = e.year {
            self.coverage.years.insert(y);
        }
        let text = match self.format {
            FolderFormat::Json => bdl::batch::printed::json_entry(e, first),
            _ => bdl::batch::printed::markdown_row(e),
        };
        self.write(&text);
        Ok(())
    }

    /// A declaration of the folder that is not in the roll-up, and why.
    fn leave_out(&mut self, path: String, why: Missing) {
        self.coverage.missing.push((path, why));
    }

    /// Nothing is written: the temporary file goes (when dropped).
    fn abandon(self) {}

    fn finish(mut self) -> Result<(), std::io::Error> {
        if self.format == FolderFormat::Json {
            let tail = bdl::batch::printed::json_tail_covering(
                &self.totals,
                self.totals.departments == 0,
                Some(&self.coverage),
            );
            self.write(&tail);
        }
        if let Some(e) = self.io_error.take() {
            return Err(e);
        }
        let Some(f) = self.file.take() else {
            return Err(std::io::Error::other("roll-up not started"));
        };
        let mut part = f.into_inner().map_err(|e| e.into_error())?;
        let whole = match self.format {
            FolderFormat::Json => part,
            _ => {
                let mut out = BufWriter::new(super::output::output_temp(&self.path)?);
                let head =
                    bdl::batch::printed::markdown_head_covering(&self.totals, Some(&self.coverage));
                out.write_all(head.as_bytes())?;
                part.as_file_mut().seek(SeekFrom::Start(0))?;
                std::io::copy(part.as_file_mut(), &mut out)?;
                out.into_inner().map_err(|e| e.into_error())?
            }
        };
        whole.as_file().sync_all()?;
        whole.persist(&self.path).map(|_| ()).map_err(|e| e.error)
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
    /// Why a built declaration is not in the roll-up.
    missing: Option<Missing>,
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
    let lang = super::lang();
    // Where this source's tables go (None for a check, or a path that would take the roll-up's place).
    let out = build.and_then(|(format, out_dir)| {
        source
            .output_path(out_dir, format.extension())
            .filter(|p| *p != out_dir.join(rollup_name(format)))
    });
    // A failed source leaves no output behind: tables from an earlier run would read as this run's.
    let fail = |mut text: String, status: Status, why: Missing| {
        if build.is_some() {
            // `-q`: diagnostics and errors only; the diagnostics above already say it failed.
            if super::verbosity() != super::Verbosity::Quiet {
                text.push_str(&format!("{}\n", msg::file_not_written(name).get(lang)));
            }
            if let Some(old) = &out
                && std::fs::symlink_metadata(old).is_ok_and(|m| m.is_file())
                && std::fs::remove_file(old).is_ok()
            {
                text.push_str(&format!(
                    "{}\n",
                    msg::stale_output_removed(&super::shown(old)).get(lang)
                ));
            }
        }
        Outcome {
            text,
            status,
            rollup: None,
            missing: build.map(|_| why),
        }
    };
    // Read, decoded and reported exactly as a single file is (a GBK file is B1004, not an I/O error).
    let mut unit = match super::compile::load(&source.path) {
        Ok(u) => u,
        Err(e) => {
            let text = format!("{}\n", msg::cannot_read(name, &super::why(&e)).get(lang));
            return fail(text, Status::Io, Missing::Unreadable);
        }
    };
    unit.name = name.to_string();
    let mut text = super::compile::human_text(&unit, opts.color);
    let ok = unit.ok(opts.deny_warnings);
    drop(unit.text);
    let Some(decl) = unit.declaration.filter(|_| ok) else {
        return fail(text, Status::Failed, Missing::Errors);
    };
    let Some((format, out_dir)) = build else {
        return Outcome {
            text,
            status: Status::Ok,
            rollup: None,
            missing: None,
        };
    };
    let entry = match Entry::of(source.display_relative(), &decl) {
        Ok(e) => e,
        Err(e) => {
            text.push_str(&format!(
                "{}\n",
                msg::cannot_roll_up(name, e.text().get(lang)).get(lang)
            ));
            return fail(text, Status::Failed, Missing::Inexact);
        }
    };
    let Some(out) = out.clone() else {
        text.push_str(&format!(
            "{}\n",
            msg::output_takes_rollup_place(name, &rollup_name(format)).get(lang)
        ));
        return fail(text, Status::Failed, Missing::NotWritten);
    };
    let rendered = match format.render(&decl) {
        Ok(r) => r,
        Err(e) => {
            text.push_str(&format!("{}\n", msg::cannot_make_workbook(&e).get(lang)));
            return fail(text, Status::Failed, Missing::NotWritten);
        }
    };
    drop(decl);
    let written = out
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|_| write_atomically(&out, &rendered));
    match written {
        Ok(()) => {
            if super::verbosity() == super::Verbosity::Verbose {
                text.push_str(&format!("{}\n", msg::wrote(&super::shown(&out)).get(lang)));
            }
            let _ = out_dir;
            Outcome {
                text,
                status: Status::Ok,
                rollup: Some(entry),
                missing: None,
            }
        }
        Err(e) => {
            text.push_str(&format!(
                "{}\n",
                msg::cannot_write(&super::shown(&out), &super::why(&e)).get(lang)
            ));
            fail(text, Status::Io, Missing::NotWritten)
        }
    }
}

/// The name a file is shown by: the folder given on the command line joined with its relative path.
/// Control characters in it are shown as pictures (it heads the file's lines on a terminal).
fn shown_name(s: &Source) -> String {
    super::shown(&s.path)
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
                    msg::cannot_read(&super::shown(&e.path), e.reason.get(super::lang()))
                        .get(super::lang())
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

/// The files of `paths` with folders walked, in path order; `None` (reported) when a folder could
/// not be read whole.
pub fn files_of(paths: &[PathBuf]) -> Option<Vec<PathBuf>> {
    let (sources, io_failed) = gather(paths);
    (!io_failed).then(|| sources.into_iter().map(|s| s.path).collect())
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
        |index, outcome| {
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
            if let Some(why) = outcome.missing
                && let Some(r) = &mut rollup
            {
                let path = sources
                    .get(index)
                    .map_or_else(String::new, Source::display_relative);
                r.leave_out(path, why);
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
        let path = super::shown(&r.path);
        let lang = super::lang();
        if !r.coverage.missing.is_empty() {
            eprintln!(
                "{}",
                msg::rollup_incomplete(r.coverage.missing.len()).get(lang)
            );
        }
        if r.coverage.years.len() > 1 {
            let years: Vec<String> = r.coverage.years.iter().map(i32::to_string).collect();
            eprintln!("{}", msg::rollup_mixed_years(&years.join(", ")).get(lang));
        }
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
                    msg::rollup_inexact(e.text().get(super::lang()), &path).get(super::lang())
                );
                failed += 1;
            }
            Err(RollupFailure::Io(e)) => {
                eprintln!(
                    "{}",
                    msg::cannot_write(&path, &super::why(&e)).get(super::lang())
                );
                io_failed = true;
            }
        }
    }
    let n = sources.len();
    if super::verbosity() != super::Verbosity::Quiet {
        eprintln!(
            "{}",
            msg::folder_summary(build.is_some(), n, n - failed.min(n), failed).get(super::lang())
        );
    }
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
