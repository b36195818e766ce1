//! The bounds on what `bdl import` reads, checked while reading: a file from its size, a zip from the
//! sizes its entries declare and then from what they really inflate to (a zip bomb lies in its
//! headers), a sheet from its number of cells. Real workbooks of declarations are well under every
//! bound: a county's workbook of a hundred sheets inflates to a few megabytes.

use std::io::{Cursor, Read};

/// The largest file read: a workbook or document of tables, not a database export.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// What all the entries of a zip may inflate to together.
pub const MAX_INFLATED_BYTES: u64 = 128 * 1024 * 1024;
/// Non-empty cells in one file (every sheet together).
pub const MAX_CELLS: usize = 200_000;
/// Merged ranges in one sheet.
pub const MAX_MERGES: usize = 50_000;
/// The longest cell read: what an Excel cell holds (in UTF-16 units, as Excel counts).
pub use crate::syntax::cell_limit::EXCEL_CELL_CHARS as MAX_CELL_CHARS;

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a zip, a workbook or a document bdl reads; the detail says what failed.
    Unreadable(String),
    /// A format bdl does not read (`.doc`, `.wps`, `.et`, `.pdf`), named.
    Format(&'static str),
    /// An encrypted (password-protected) workbook or document.
    Encrypted,
    /// Over a bound: what was counted, how much, and the bound.
    TooLarge {
        what: Measure,
        found: u64,
        limit: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    FileBytes,
    InflatedBytes,
    Cells,
    Merges,
}

/// Checks every entry of a zip: its declared size, then what it really inflates to, read through a
/// bound, so a lying header cannot make bdl inflate more than the limit. Returns the archive.
pub fn checked_zip(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, Refusal> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Refusal::Unreadable(format!("not a readable zip archive: {e}")))?;
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let file = archive
            .by_index_raw(i)
            .map_err(|e| Refusal::Unreadable(format!("entry {i} of the zip: {e}")))?;
        declared = declared.saturating_add(file.size());
    }
    if declared > MAX_INFLATED_BYTES {
        return Err(Refusal::TooLarge {
            what: Measure::InflatedBytes,
            found: declared,
            limit: MAX_INFLATED_BYTES,
        });
    }
    let mut inflated: u64 = 0;
    let mut sink = [0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut file = archive
            .by_index(i)
            .map_err(|e| Refusal::Unreadable(format!("entry {i} of the zip: {e}")))?;
        loop {
            let n = file
                .read(&mut sink)
                .map_err(|e| Refusal::Unreadable(format!("entry {i} of the zip: {e}")))?;
            if n == 0 {
                break;
            }
            inflated = inflated.saturating_add(n as u64);
            if inflated > MAX_INFLATED_BYTES {
                return Err(Refusal::TooLarge {
                    what: Measure::InflatedBytes,
                    found: inflated,
                    limit: MAX_INFLATED_BYTES,
                });
            }
        }
    }
    Ok(archive)
}

/// One entry of a checked zip, read whole (its size is already bounded); `None` if it is absent.
pub fn entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, Refusal> {
    let mut file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(Refusal::Unreadable(format!("{name}: {e}"))),
    };
    let mut out = Vec::new();
    (&mut file)
        .take(MAX_INFLATED_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| Refusal::Unreadable(format!("{name}: {e}")))?;
    Ok(Some(out))
}

/// Counts cells against the bound as a reader adds them.
#[derive(Debug, Default)]
pub struct Budget {
    cells: usize,
}

impl Budget {
    pub fn take_cell(&mut self) -> Result<(), Refusal> {
        self.cells += 1;
        if self.cells > MAX_CELLS {
            return Err(Refusal::TooLarge {
                what: Measure::Cells,
                found: self.cells as u64,
                limit: MAX_CELLS as u64,
            });
        }
        Ok(())
    }
}
