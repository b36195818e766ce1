//! The code pages a diagnostic links to, where no URL is configured: the pages embedded in this very
//! binary (the same `bdl explain` prints), written once per version to the user's cache folder so
//! that a link opens offline and always matches the bdl that reported it.

use std::path::{Path, PathBuf};

/// The `file://` URL of the folder holding every code's page, written if it is not there yet; `None`
/// when there is no cache folder or it cannot be written (the diagnostics then carry no link).
pub fn cached_pages() -> Option<String> {
    let dir = cache_dir()?
        .join("bdl")
        .join(env!("CARGO_PKG_VERSION"))
        .join("diagnostics");
    write_pages(&dir).ok()?;
    file_url(&dir)
}

fn cache_dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("XDG_CACHE_HOME")
        .or_else(|| var("HOME").map(|h| h.join(".cache")))
        .or_else(|| var("LOCALAPPDATA"))
}

fn write_pages(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for code in crate::registry::all() {
        let path = dir.join(format!("{}.md", code.as_str()));
        if path.exists() {
            continue;
        }
        // Written whole, then renamed: a page is never seen half-written.
        let tmp = dir.join(format!(".{}.md.{}", code.as_str(), std::process::id()));
        std::fs::write(&tmp, code.page())?;
        std::fs::rename(&tmp, &path)?;
    }
    Ok(())
}

/// `file:///…/` for an absolute folder, its path percent-encoded where a URL needs it.
fn file_url(dir: &Path) -> Option<String> {
    let dir = dir.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !dir.starts_with('/') {
        out.push('/');
    }
    for b in dir.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out.push('/');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_becomes_a_file_url() {
        assert_eq!(
            file_url(Path::new("/home/王 a/.cache")).unwrap(),
            "file:///home/%E7%8E%8B%20a/.cache/"
        );
    }
}
