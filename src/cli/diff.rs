//! `bdl diff OLD NEW [--format md|json]`: the year-over-year change set of two declarations.
//! OLD and NEW are files, `-` (standard input), or `REV:path` read from git. Exit 0 when the budgets
//! are the same, 1 when they differ, 2 on errors (a file that cannot be read or does not compile).

use super::DiffFormat as Format;
use super::lang;
use bdl::diff;
use bdl::messages as msg;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(old: &str, new: &str, format: Format, color: bool) -> ExitCode {
    if old == "-" && new == "-" {
        super::error(msg::diff_one_stdin());
        return ExitCode::from(2);
    }
    let old = load(old, color);
    let new = load(new, color);
    let (Some(old), Some(new)) = (old, new) else {
        return ExitCode::from(2);
    };
    let changes = diff::diff(&old, &new);
    let text = match format {
        Format::Md => diff::markdown::render(&changes),
        Format::Json => diff::json::render(&changes),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    if changes.is_same() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Reads and compiles one side through the front door; on failure reports why on standard error and
/// gives `None` (a file in another encoding is B1004, reported like any error of the file).
fn load(arg: &str, color: bool) -> Option<bdl::model::Declaration> {
    let (name, bytes) = match read(arg) {
        Ok(r) => r,
        Err(e) => {
            super::error(msg::cannot_read(&super::shown_name(arg), &e));
            return None;
        }
    };
    let compiled = bdl::compile_bytes(name, &bytes);
    if compiled.has_errors() {
        eprint!("{}", super::compile::human_text(&compiled, color));
        super::error(msg::does_not_compile(&super::shown_name(&compiled.name)));
        return None;
    }
    compiled.declaration
}

/// A plain path (or `-`) when it exists — so `C:\\budget.bdl` is a file — else `REV:path` from git.
fn read(arg: &str) -> Result<(String, Vec<u8>), String> {
    let path = Path::new(arg);
    if arg == "-" || path.exists() {
        let (name, bytes) = super::io::read_bytes(path).map_err(|e| super::why(&e))?;
        return match bytes {
            super::io::Bytes::Read(b) => Ok((name, b)),
            super::io::Bytes::TooLarge(size) => {
                let d = bdl::syntax::too_large(size);
                Err(format!("[{}] {}", d.code.as_str(), d.message.get(lang())))
            }
        };
    }
    match git_spec(arg) {
        Some(_) => super::git::show(arg).map(|bytes| (arg.to_string(), bytes)),
        None => Err(msg::no_such_file().get(lang()).to_string()),
    }
}

/// `REV:path` when `arg` has that shape: a revision that does not start with `-` (it would read as an
/// option) and is not a drive letter (`C:\…`, `C:/…`).
fn git_spec(arg: &str) -> Option<(&str, &str)> {
    let (rev, path) = arg.split_once(':')?;
    if rev.is_empty() || path.is_empty() || rev.starts_with('-') {
        return None;
    }
    let drive = rev.len() == 1
        && rev.chars().all(|c| c.is_ascii_alphabetic())
        && (path.starts_with('\\') || path.starts_with('/'));
    if drive {
        return None;
    }
    Some((rev, path))
}

#[cfg(test)]
mod tests {
    use super::git_spec;

    #[test]
    fn recognises_git_revisions_but_not_drive_letters() {
        assert_eq!(git_spec("HEAD~1:x.bdl"), Some(("HEAD~1", "x.bdl")));
        assert_eq!(
            git_spec("v2021:budgets/x.bdl"),
            Some(("v2021", "budgets/x.bdl"))
        );
        assert_eq!(git_spec("C:\\budgets\\x.bdl"), None);
        assert_eq!(git_spec("c:/budgets/x.bdl"), None);
        assert_eq!(git_spec("--output=x:y"), None);
        assert_eq!(git_spec("x.bdl"), None);
    }
}
