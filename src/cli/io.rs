//! Reading sources (standard input as `-`; decoding is the front door's) and writing outputs atomically.

use std::io::Read;
use std::path::Path;

/// Reads a source file (or standard input for `-`), returning the name to show and the bytes.
pub fn read_bytes(path: &Path) -> std::io::Result<(String, Vec<u8>)> {
    let stdin = path == Path::new("-");
    let bytes = if stdin {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(path)?
    };
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    Ok((name, bytes))
}

/// Writes through a temporary file in the same folder, then renames, so a reader never sees half a file.
pub fn write_atomically(path: &Path, contents: impl AsRef<[u8]>) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "out".to_string());
    let tmp = dir.join(format!(".{file_name}.bdl-tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, contents).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
