//! Reading sources: standard input as `-`, and never more than the size limit: a file over it is
//! refused from its size, standard input is read through a bounded reader, so no input can make bdl
//! hold more than the limit in memory. Decoding is the front door's (`bdl::compile_bytes`).

use bdl::syntax::MAX_FILE_BYTES;
use std::io::Read;
use std::path::Path;

pub use super::output::write_atomically;

/// A source's bytes, or the B1007 that refuses it.
pub enum Bytes {
    Read(Vec<u8>),
    /// Over the limit: its size when known (a file), `None` for a stream that went on past the limit.
    TooLarge(Option<u64>),
}

/// Reads at most the limit plus one byte, so a stream over the limit is recognised without holding it.
fn read_bounded(reader: impl Read, size: Option<u64>) -> std::io::Result<Bytes> {
    let limit = MAX_FILE_BYTES as u64;
    let mut buf = Vec::new();
    reader.take(limit + 1).read_to_end(&mut buf)?;
    Ok(if buf.len() as u64 > limit {
        Bytes::TooLarge(size.filter(|s| *s > limit))
    } else {
        Bytes::Read(buf)
    })
}

/// Reads a source file (or standard input for `-`), returning the name to show and the bytes.
pub fn read_bytes(path: &Path) -> std::io::Result<(String, Bytes)> {
    if path == Path::new("-") {
        let bytes = read_bounded(std::io::stdin().lock(), None)?;
        return Ok(("<stdin>".to_string(), bytes));
    }
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
    }
    // A regular file says its size: refused before a byte is read. Devices and pipes say 0 and are
    // read through the bound.
    let bytes = if meta.is_file() && meta.len() > MAX_FILE_BYTES as u64 {
        Bytes::TooLarge(Some(meta.len()))
    } else {
        read_bounded(file, Some(meta.len()))?
    };
    Ok((path.display().to_string(), bytes))
}
