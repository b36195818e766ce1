//! `bdl import`: an office's existing tables — Excel workbooks (`.xlsx`, `.xls`) and Word documents
//! (`.docx`) — become bdl sources (docs/import.md). Readers turn the file into sheets of cells
//! (`grid`), within bounds (`limits`); the recogniser finds the tables of the Hunan forms
//! (`recognise`) and of the Ministry's (`ministry`) by their labels, and the 绩效自评表 into the year-end
//! lines of the table they complete (`evaluation`, settled against the compiler's scores by `settle`); the writer
//! prints bdl (`write`) through the formatter, and each source is compiled
//! by the front door to say whether it holds. Every non-empty cell that did not become part of a
//! source is reported with its place and why.

pub mod docx;
mod evaluation;
pub mod grid;
pub mod limits;
mod messages;
pub mod ministry;
pub mod recognise;
mod settle;
pub mod tables;
pub mod text;
mod view;
pub mod workbook;
pub mod write;

use crate::compilation::{Compilation, compile_bytes};
use crate::diagnostic::Diagnostic;
use crate::messages::Lang;
use crate::source::Span;
use limits::{MAX_CELL_CHARS, MAX_FILE_BYTES, Measure, Refusal};
use serde::Serialize;

crate::codes::rules! {
    UNREADABLE = "B7001", Error, "the file cannot be read as a workbook or a Word document", "无法作为工作簿或 Word 文档读取该文件";
    REFUSED_FORMAT = "B7002", Error, "bdl import does not read this format", "bdl import 不读取这种格式";
    ENCRYPTED = "B7003", Error, "the file is protected by a password", "文件设有打开密码";
    TOO_LARGE = "B7004", Error, "the file is larger than bdl import reads", "文件超过 bdl import 可读取的大小";
    OVERLONG_CELL = "B7005", Warning, "a cell is longer than an Excel cell holds", "单元格内容超过 Excel 单元格的容量";
    UNPLACED = "B7010", Warning, "some cells were not placed in the source", "部分单元格未写入源文件";
}

/// One source written from the file.
pub struct Imported {
    /// A file name for it, from the sheet or the department (`部门整体支出.bdl`).
    pub name: String,
    pub source: String,
    pub compilation: Compilation,
}

/// A cell left out, as the report lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ReportCell {
    pub place: String,
    pub text: String,
    pub why: String,
}

/// What `import` came to.
pub struct Outcome {
    pub sources: Vec<Imported>,
    pub unplaced: Vec<recognise::Unplaced>,
    /// About the file itself: refused, over a bound, cells left out.
    pub diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    /// 0: everything placed and every source compiles without errors; 1: something left out or an
    /// error in a source (the sources are still written); 2: the file could not be read.
    pub fn exit_code(&self) -> u8 {
        if self.sources.is_empty() && self.diagnostics.iter().any(Diagnostic::is_error) {
            2
        } else if !self.unplaced.is_empty()
            || self.sources.is_empty()
            || self.diagnostics.iter().any(Diagnostic::is_error)
            || self.sources.iter().any(|s| s.compilation.has_errors())
        {
            1
        } else {
            0
        }
    }

    /// The report of cells left out, in `lang`.
    pub fn report(&self, lang: Lang) -> Vec<ReportCell> {
        self.unplaced
            .iter()
            .map(|u| ReportCell {
                place: u.place.clone(),
                text: u.text.clone(),
                why: messages::why(u.why).get(lang).to_string(),
            })
            .collect()
    }
}

/// The file's format, from its first bytes (and its name for the formats told apart only by it).
fn read(name: &str, bytes: &[u8]) -> Result<Vec<grid::Sheet>, Refusal> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge {
            what: Measure::FileBytes,
            found: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let ext = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "doc" => return Err(Refusal::Format(".doc")),
        "wps" => return Err(Refusal::Format(".wps")),
        "et" => return Err(Refusal::Format(".et")),
        "pdf" => return Err(Refusal::Format(".pdf")),
        _ => {}
    }
    if bytes.starts_with(b"%PDF") {
        return Err(Refusal::Format(".pdf"));
    }
    const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(CFB) {
        // An OLE compound file: an encrypted xlsx/docx, an .xls, or a .doc/.wps/.et by another name.
        if contains_utf16(bytes, "EncryptedPackage") {
            return Err(Refusal::Encrypted);
        }
        if contains_utf16(bytes, "WordDocument") {
            return Err(Refusal::Format(".doc"));
        }
        return workbook::read_xls(bytes);
    }
    if bytes.starts_with(b"PK") {
        let archive = limits::checked_zip(bytes)?;
        let names: Vec<String> = archive
            .file_names()
            .flatten()
            .map(|n| n.to_string())
            .collect();
        if names.iter().any(|n| n == "word/document.xml") {
            let stem = std::path::Path::new(name).file_stem().map_or_else(
                || "document".to_string(),
                |s| s.to_string_lossy().to_string(),
            );
            return docx::read_docx(bytes, &stem);
        }
        if names.iter().any(|n| n.starts_with("xl/")) {
            return workbook::read_xlsx(bytes);
        }
        return Err(Refusal::Unreadable(
            "a zip archive that is neither a workbook nor a Word document".to_string(),
        ));
    }
    Err(Refusal::Unreadable(
        "neither a workbook (.xlsx, .xls) nor a Word document (.docx)".to_string(),
    ))
}

fn contains_utf16(bytes: &[u8], word: &str) -> bool {
    let needle: Vec<u8> = word.encode_utf16().flat_map(u16::to_le_bytes).collect();
    memchr::memmem::find(bytes, &needle).is_some()
}

fn refusal(r: &Refusal) -> Diagnostic {
    let at = Span::new(0, 0);
    match r {
        Refusal::Unreadable(detail) => Diagnostic::new(
            UNREADABLE,
            messages::unreadable(detail),
            at,
            messages::label_file(),
        )
        .with_help(messages::help_unreadable()),
        Refusal::Format(f) => Diagnostic::new(
            REFUSED_FORMAT,
            messages::refused_format(f),
            at,
            messages::label_file(),
        )
        .with_help(messages::help_refused_format(f)),
        Refusal::Encrypted => {
            Diagnostic::new(ENCRYPTED, messages::encrypted(), at, messages::label_file())
                .with_help(messages::help_encrypted())
        }
        Refusal::TooLarge { what, found, limit } => Diagnostic::new(
            TOO_LARGE,
            messages::too_large(*what, *found, *limit),
            at,
            messages::label_file(),
        )
        .with_help(messages::help_too_large()),
    }
}

/// A file name for a source: the department's name, else the sheet's, without characters a file
/// system refuses.
fn file_name(d: &tables::Declaration, taken: &[Imported]) -> String {
    let base = d
        .department
        .clone()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| d.origin.clone());
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('.').to_string();
    let clean = if clean.is_empty() {
        "import".to_string()
    } else {
        clean
    };
    let mut name = format!("{clean}.bdl");
    let mut n = 2;
    while taken.iter().any(|t| t.name == name) {
        name = format!("{clean}-{n}.bdl");
        n += 1;
    }
    name
}

/// Reads `bytes` (a file called `name`) and writes a source for each declaration found.
pub fn import(name: &str, bytes: &[u8]) -> Outcome {
    let sheets = match read(name, bytes) {
        Ok(s) => s,
        Err(r) => {
            return Outcome {
                sources: Vec::new(),
                unplaced: Vec::new(),
                diagnostics: vec![refusal(&r)],
            };
        }
    };
    let mut found = recognise::recognise(&sheets);
    let mut diagnostics = Vec::new();
    for (place, chars) in sheets.iter().flat_map(|s| s.overlong.iter()) {
        diagnostics.push(
            Diagnostic::new(
                OVERLONG_CELL,
                messages::overlong(&place.address(), *chars, MAX_CELL_CHARS),
                Span::new(0, 0),
                messages::label_file(),
            )
            .with_help(messages::help_overlong()),
        );
    }
    let file = std::path::Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |f| f.to_string_lossy().to_string());
    // The self-evaluation tables' derived figures, settled against the compiler.
    let mut contradicted = Vec::new();
    for d in &mut found.declarations {
        contradicted.extend(settle::settle(d, &file));
    }
    found.unplaced.extend(contradicted);
    let mut sources: Vec<Imported> = Vec::new();
    for d in &found.declarations {
        let out_name = file_name(d, &sources);
        // Bases read from the tables are kept only when the compiler agrees with them.
        let plain = write::source(d, &file, false);
        let with_bases = write::source(d, &file, true);
        let checked = compile_bytes(out_name.clone(), with_bases.as_bytes());
        let (source, compilation) = if with_bases == plain {
            (plain, checked)
        } else {
            let without = compile_bytes(out_name.clone(), plain.as_bytes());
            let errors = |c: &Compilation| c.diagnostics.iter().filter(|d| d.is_error()).count();
            if errors(&checked) <= errors(&without) {
                (with_bases, checked)
            } else {
                (plain, without)
            }
        };
        sources.push(Imported {
            name: out_name,
            source,
            compilation,
        });
    }
    if sources.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                UNPLACED,
                messages::no_table(),
                Span::new(0, 0),
                messages::label_file(),
            )
            .with_help(messages::help_unplaced()),
        );
    } else if !found.unplaced.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                UNPLACED,
                messages::unplaced(found.unplaced.len()),
                Span::new(0, 0),
                messages::label_file(),
            )
            .with_help(messages::help_unplaced()),
        );
    }
    Outcome {
        sources,
        unplaced: found.unplaced,
        diagnostics,
    }
}
