//! Saving a declaration without losing anything: the page sends the version it loaded, and the save is
//! refused when the file on disk is no longer that version; the new text goes to a temporary file in
//! the same folder with the old file's permissions, and replaces the old one in one rename.

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// The version of a file's bytes as the page keeps it: its length and a hash (not a secret; it only
/// tells two versions apart).
pub fn version(bytes: &[u8]) -> String {
    // DefaultHasher::new() has fixed keys: the same bytes give the same version in every run.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{}-{:016x}", bytes.len(), h.finish())
}

/// Writes `bytes` to `path` atomically, keeping the file's permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no parent folder"))?;
    let permissions = std::fs::metadata(path).map(|m| m.permissions()).ok();
    let mut tmp = tempfile::Builder::new()
        .prefix(".bdl-save-")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Commits the saved file in the git repository around `root`, with a Chinese message naming it.
/// Gives git's message when it refuses (no repository, nothing to commit, no identity).
pub fn git_commit(root: &Path, file: &Path, relative: &str) -> Result<(), String> {
    let run = |args: &[&std::ffi::OsStr]| -> Result<(), String> {
        let out = Command::new("git")
            .current_dir(root)
            .args(args)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    };
    let message = format!("修改 {relative}（bdl serve 保存）");
    run(&["add".as_ref(), "--".as_ref(), file.as_os_str()])?;
    run(&[
        "commit".as_ref(),
        "-q".as_ref(),
        "-m".as_ref(),
        message.as_ref(),
        "--".as_ref(),
        file.as_os_str(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_differ_with_the_bytes_and_are_stable() {
        assert_eq!(version(b"year 2021\n"), version(b"year 2021\n"));
        assert_ne!(version(b"year 2021\n"), version(b"year 2022\n"));
    }

    #[cfg(unix)]
    #[test]
    fn atomic_writes_keep_permissions_and_leave_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.bdl");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
