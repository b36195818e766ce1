//! Paths from requests, kept inside the served folder: a path is plain names only (no `..`, no root,
//! no drive), ends in `.bdl`, and, once links are resolved, still lies inside the folder. A symbolic
//! link that points out of the folder is refused like `..`.

use std::path::{Component, Path, PathBuf};

/// Why a path was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// `..`, an absolute path, a drive, an empty name, or not a `.bdl` file.
    NotInside,
    /// A link (or a link in its folders) that leads out of the folder.
    LinkOut,
    NotFound,
}

/// The served folder, resolved once (links in its own path are the operator's choice).
#[derive(Debug, Clone)]
pub struct Root {
    canonical: PathBuf,
}

impl Root {
    pub fn new(dir: &Path) -> std::io::Result<Root> {
        Ok(Root {
            canonical: dir.canonicalize()?,
        })
    }

    pub fn path(&self) -> &Path {
        &self.canonical
    }

    /// The file a request names (`预算/a.bdl`), when it is a `.bdl` file inside the folder.
    pub fn resolve(&self, relative: &str) -> Result<PathBuf, Refused> {
        if !plain(relative) {
            return Err(Refused::NotInside);
        }
        let joined = self.canonical.join(relative);
        let real = match joined.canonicalize() {
            Ok(p) => p,
            Err(_) if joined.symlink_metadata().is_ok() => return Err(Refused::LinkOut),
            Err(_) => return Err(Refused::NotFound),
        };
        if !real.starts_with(&self.canonical) {
            return Err(Refused::LinkOut);
        }
        if !real.is_file() {
            return Err(Refused::NotFound);
        }
        Ok(real)
    }
}

/// A relative path of plain names ending in `.bdl`: no `..`, no root or drive, no backslash.
pub fn plain(relative: &str) -> bool {
    let rel = Path::new(relative);
    !(relative.is_empty()
        || relative.contains('\\')
        || relative.contains('\0')
        || !rel.components().all(|c| matches!(c, Component::Normal(_)))
        || rel.extension().is_none_or(|x| x != "bdl"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_inside_resolve_and_escapes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.bdl"), "year 2021\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let root = Root::new(dir.path()).unwrap();
        assert!(root.resolve("sub/a.bdl").is_ok());
        for bad in [
            "../a.bdl",
            "sub/../../a.bdl",
            "/etc/passwd.bdl",
            "",
            "notes.txt",
            "sub\\a.bdl",
            "./sub/a.bdl",
        ] {
            assert_eq!(root.resolve(bad), Err(Refused::NotInside), "{bad}");
        }
        assert_eq!(root.resolve("sub/missing.bdl"), Err(Refused::NotFound));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_are_refused_and_links_inside_are_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.bdl"), "year 2021\n").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.bdl"), "year 2021\n").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.bdl"),
            dir.path().join("out.bdl"),
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("outdir")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("a.bdl"), dir.path().join("in.bdl")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("dangling.bdl"))
            .unwrap();
        let root = Root::new(dir.path()).unwrap();
        assert_eq!(root.resolve("out.bdl"), Err(Refused::LinkOut));
        assert_eq!(root.resolve("outdir/secret.bdl"), Err(Refused::LinkOut));
        assert_eq!(root.resolve("dangling.bdl"), Err(Refused::LinkOut));
        assert!(root.resolve("in.bdl").is_ok());
    }
}
