//! `bdl fmt [--check] [--diff] PATH…`: rewrite declarations in their canonical form. Every result is
//! proven by `bdl::fmt::format` before anything is written, and files are replaced atomically
//! keeping their permissions, owner, links (see `output.rs`).

use super::lang;
use bdl::messages as msg;
use bdl::report;
use similar::TextDiff;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub struct Options {
    /// Write nothing; list the files that would change.
    pub check: bool,
    /// Write nothing; show how the files would change.
    pub diff: bool,
    pub color: bool,
}

/// What happened to one file.
enum Outcome {
    Unchanged,
    /// Reformatted, or (under `--check` / `--diff`) would be.
    Changed,
    /// Syntax errors or an unproven result: reported, nothing written.
    Failed,
}

pub fn run(paths: &[PathBuf], opts: &Options) -> ExitCode {
    // The same walker as `check DIR` and `build DIR`: a folder that cannot be read is reported and
    // the rest is formatted; the run then exits 2.
    let (sources, io_failed) = super::folder::gather(paths);
    let (mut changed, mut failed) = (0usize, 0usize);
    for s in &sources {
        match one(&s.path, opts) {
            Ok(Outcome::Unchanged) => {}
            Ok(Outcome::Changed) => changed += 1,
            Ok(Outcome::Failed) => failed += 1,
            Err(code) => return code,
        }
    }
    let dry = opts.check || opts.diff;
    if changed > 0 && dry {
        super::error(msg::would_reformat(changed));
    }
    if io_failed {
        ExitCode::from(2)
    } else if failed > 0 || (dry && changed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn one(path: &Path, opts: &Options) -> Result<Outcome, ExitCode> {
    let stdin = path == Path::new("-");
    // Read as `check` reads it: over the size limit or in another encoding is a diagnostic of the
    // file (exit 1); only a file that cannot be read at all is an error (exit 2).
    let (source, raw) = super::compile::read_source_and_bytes(path).map_err(|e| {
        super::error(msg::cannot_read(&super::shown(path), &super::why(&e)));
        ExitCode::from(2)
    })?;
    // Decoded by the front door, as `check` and `build` do: a file in another encoding is B1004.
    let src = match source {
        Ok(source) => source,
        Err(refused) => {
            eprint!("{}", super::compile::human_text(&refused, opts.color));
            super::error(msg::not_formatted(&refused.name));
            return Ok(Outcome::Failed);
        }
    };
    let bdl::Source { name, text: src } = src;
    let formatted = match bdl::fmt::format(&src) {
        Ok(f) => f,
        Err(e) => {
            let diagnostics = e.diagnostics();
            eprint!(
                "{}",
                report::render(&diagnostics, &name, &src, opts.color, lang())
            );
            super::error(msg::not_formatted(&name));
            return Ok(Outcome::Failed);
        }
    };
    // Against the bytes on disk, not the decoded text: decoding read each CR alone as LF, so a file
    // with CR line ends would otherwise look formatted and keep them.
    let changed = formatted.as_bytes() != raw.as_slice();
    let mut stdout = std::io::stdout().lock();
    let written = if opts.diff {
        if changed {
            let mut diff = TextDiff::from_lines(&src, &formatted)
                .unified_diff()
                .header(&name, &name)
                .to_string();
            if diff.is_empty() {
                // The text is the same once decoded: only CR line ends become LF.
                diff = format!(
                    "{}\n",
                    msg::only_line_ends_change(&super::shown_name(&name)).get(lang())
                );
            }
            stdout.write_all(diff.as_bytes())
        } else {
            Ok(())
        }
    } else if opts.check {
        if changed {
            writeln!(stdout, "{name}")
        } else {
            Ok(())
        }
    } else if stdin {
        stdout.write_all(formatted.as_bytes())
    } else if changed {
        use super::output::ReplaceError;
        let shown = super::shown(path);
        if let Err(e) = super::output::replace_source(path, &formatted) {
            super::error(match e {
                ReplaceError::ReadOnly => msg::fmt_read_only(&shown),
                ReplaceError::HardLinked(n) => msg::fmt_hard_linked(&shown, n),
                ReplaceError::Owner => msg::cannot_keep_owner(&shown),
                ReplaceError::Io(e) => msg::cannot_write(&shown, &super::why(&e)),
            });
            return Err(ExitCode::from(2));
        }
        super::note(msg::reformatted(&shown));
        Ok(())
    } else {
        Ok(())
    };
    if !changed && !stdin {
        // `-v` says what each file came to, one left as it was too.
        super::note(msg::already_formatted(&super::shown(path)));
    }
    if written.and_then(|_| stdout.flush()).is_err() {
        return Err(ExitCode::from(2));
    }
    Ok(if changed {
        Outcome::Changed
    } else {
        Outcome::Unchanged
    })
}
