//! Writing files without losing or damaging any: every write goes to a fresh temporary file created in
//! the target's folder with an unpredictable name and `O_EXCL` (the `tempfile` crate), is flushed to
//! disk, and then renamed over the target, so a reader sees the old file or the new one, never half of
//! one, and a symbolic link planted at a guessable name cannot redirect the write.
//!
//! `bdl fmt` replaces sources in place, which needs more care (docs/robustness.md): a symbolic link is
//! followed and the target rewritten (the link stays a link); a file with several hard links is refused
//! (renaming would split the names, rewriting in place could leave half a file); a read-only file is
//! refused; the new file keeps the old one's permissions, owner and group.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a source was not replaced.
pub enum ReplaceError {
    ReadOnly,
    HardLinked(u64),
    /// The file's owner or group could not be kept.
    Owner,
    Io(std::io::Error),
}

impl From<std::io::Error> for ReplaceError {
    fn from(e: std::io::Error) -> Self {
        ReplaceError::Io(e)
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `contents` to a new temporary file beside `path`, flushed to disk, ready to be renamed.
fn temp_with(path: &Path, contents: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".bdl-")
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Creates or replaces an output file whole. The temporary file is removed on any failure.
pub fn write_atomically(path: &Path, contents: impl AsRef<[u8]>) -> std::io::Result<()> {
    let mut tmp = output_temp(path)?;
    tmp.write_all(contents.as_ref())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}

/// An empty temporary file beside the output `path`, with the mode the output should have: an existing
/// output keeps its mode (a `chmod 644` survives a rebuild), a new one gets 0666 less the umask as any
/// program's new file does — not tempfile's private 0600, which would hide outputs from the group and
/// the web server. The mode is set before a byte is written, so no content is ever more readable than
/// it will end up. A link planted at the output's name is replaced, not followed, so its target's mode
/// is not asked either.
pub fn output_temp(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let kept = std::fs::symlink_metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bdl-").suffix(".tmp");
    if kept.is_none() {
        new_file_mode(&mut builder);
    }
    let tmp = builder.tempfile_in(folder_of(path))?;
    if let Some(mode) = kept {
        tmp.as_file().set_permissions(mode)?;
    }
    Ok(tmp)
}

/// Asks for 0666; `open` applies the umask.
#[cfg(unix)]
fn new_file_mode(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn new_file_mode(_: &mut tempfile::Builder<'_, '_>) {}

/// Replaces a source file with its formatted text, keeping what the file is (see the module comment).
pub fn replace_source(path: &Path, contents: &str) -> Result<(), ReplaceError> {
    // The file itself, wherever its links lead: a link stays a link, its target is formatted.
    let target: PathBuf = if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        std::fs::canonicalize(path)?
    } else {
        path.to_path_buf()
    };
    let meta = std::fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(ReplaceError::ReadOnly);
    }
    let links = link_count(&meta);
    if links > 1 {
        return Err(ReplaceError::HardLinked(links));
    }
    let tmp = temp_with(&target, contents.as_bytes())?;
    tmp.as_file().set_permissions(meta.permissions())?;
    keep_owner(tmp.as_file(), &meta)?;
    tmp.persist(&target)
        .map_err(|e| ReplaceError::Io(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn link_count(meta: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn link_count(_: &std::fs::Metadata) -> u64 {
    1
}

/// Gives the new file the old one's owner and group. Only what differs is changed, so an ordinary user
/// formatting their own file needs no privilege; when it cannot be done, nothing is written.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) -> Result<(), ReplaceError> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    let uid = (new.uid() != old.uid()).then_some(old.uid());
    let gid = (new.gid() != old.gid()).then_some(old.gid());
    if uid.is_none() && gid.is_none() {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, uid, gid).map_err(|_| ReplaceError::Owner)
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> Result<(), ReplaceError> {
    Ok(())
}

/// Whether two paths name the same existing file (through links of either kind).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => match (identity(&x), identity(&y)) {
            (Some(i), Some(j)) => i == j,
            _ => same_file_by_name(a, b),
        },
        _ => false,
    }
}

#[cfg(unix)]
fn identity(m: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

/// Elsewhere two paths are the same file when they resolve to the same name.
pub fn same_file_by_name(a: &Path, b: &Path) -> bool {
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}
