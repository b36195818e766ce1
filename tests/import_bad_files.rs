//! Files `bdl import` must refuse, each with its code, within bounded memory and time, never a panic:
//! a truncated or corrupt zip, other formats (.doc, .wps, .et, PDF), a password-protected workbook, a
//! zip bomb (declared and lying), a sheet of a million rows, a cell of a megabyte.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;
use std::io::Write;
use std::time::{Duration, Instant};

fn codes(name: &str, bytes: &[u8]) -> (Vec<&'static str>, u8) {
    let outcome = bdl::import::import(name, bytes);
    (
        outcome
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect(),
        outcome.exit_code(),
    )
}

fn workbook_of_an_example() -> Vec<u8> {
    let src = std::fs::read_to_string("examples/shifeng-xinfang-2022.bdl").unwrap();
    let decl = bdl::compile(&src).declaration.unwrap();
    bdl::emit::xlsx::render(&decl).unwrap()
}

/// A zip of the given entries (name, bytes), deflated, with fixed times.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(entries, zip::CompressionMethod::Deflated)
}

fn zip_with(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes) in entries {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn a_truncated_or_corrupt_workbook_is_b7001() {
    let book = workbook_of_an_example();
    for cut in [book.len() / 2, book.len() - 10, 30, 4] {
        let (codes, exit) = codes("tables.xlsx", &book[..cut]);
        assert_eq!(codes, ["B7001"], "cut at {cut}");
        assert_eq!(exit, 2);
    }
    // Damaged in the middle: entries that do not inflate.
    let mut damaged = book.clone();
    for b in damaged.iter_mut().skip(200).take(2000) {
        *b ^= 0x5A;
    }
    assert_eq!(codes("tables.xlsx", &damaged).0, ["B7001"]);
    assert_eq!(codes("notes.txt", "year 2024\n".as_bytes()).0, ["B7001"]);
    assert_eq!(codes("empty.xlsx", b"").0, ["B7001"]);
    // A zip that is neither a workbook nor a document.
    assert_eq!(
        codes("a.zip", &zip_of(&[("readme.txt", b"hello")])).0,
        ["B7001"]
    );
}

#[test]
fn other_formats_are_b7002_with_how_to_convert() {
    for name in ["old.doc", "old.wps", "sheet.et", "scan.pdf", "OLD.DOC"] {
        let (codes, exit) = codes(name, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 whatever");
        assert_eq!(codes, ["B7002"], "{name}");
        assert_eq!(exit, 2);
    }
    assert_eq!(codes("unnamed", b"%PDF-1.7\n...").0, ["B7002"]);
    // A Word binary file under another name is found by its WordDocument stream.
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend(vec![0; 64]);
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(codes("renamed.xls", &doc).0, ["B7002"]);
    let outcome = bdl::import::import("old.doc", b"");
    let help = outcome.diagnostics[0].help.as_ref().unwrap();
    assert!(help.zh.contains(".docx"), "{}", help.zh);
}

#[test]
fn a_password_protected_workbook_is_b7003() {
    // An encrypted workbook is an OLE compound file holding an EncryptedPackage stream.
    let mut locked = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    locked.extend(vec![0; 512]);
    locked.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    locked.extend(vec![0; 50]);
    locked.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    locked.extend(vec![0; 512]);
    let (codes, exit) = codes("locked.xlsx", &locked);
    assert_eq!(codes, ["B7003"]);
    assert_eq!(exit, 2);
}

/// A deflate stream of `mib` MiB of zeros, made of one compressed MiB repeated: small to make and to
/// keep, large to inflate.
fn zeros_deflated(mib: usize) -> Vec<u8> {
    let mut c = flate2::Compress::new(flate2::Compression::best(), false);
    let mut chunk = Vec::with_capacity(8192);
    c.compress_vec(&vec![0u8; 1 << 20], &mut chunk, flate2::FlushCompress::Sync)
        .unwrap();
    let mut out = Vec::with_capacity(chunk.len() * mib + 16);
    for _ in 0..mib {
        out.extend_from_slice(&chunk);
    }
    // A final empty fixed-Huffman block.
    out.extend_from_slice(&[0x03, 0x00]);
    out
}

/// A zip of one entry whose headers declare `declared` bytes but which inflates to `mib` MiB.
fn lying_zip(name: &str, mib: usize, declared: u32) -> Vec<u8> {
    let data = zeros_deflated(mib);
    let name = name.as_bytes();
    let mut z = Vec::new();
    let local = |z: &mut Vec<u8>| {
        z.extend(0x04034b50u32.to_le_bytes());
        z.extend(20u16.to_le_bytes()); // version
        z.extend(0u16.to_le_bytes()); // flags
        z.extend(8u16.to_le_bytes()); // deflate
        z.extend(0u32.to_le_bytes()); // time, date
        z.extend(0u32.to_le_bytes()); // crc (wrong, never reached)
        z.extend((data.len() as u32).to_le_bytes());
        z.extend(declared.to_le_bytes());
        z.extend((name.len() as u16).to_le_bytes());
        z.extend(0u16.to_le_bytes());
        z.extend(name);
    };
    local(&mut z);
    z.extend(&data);
    let central_at = z.len() as u32;
    z.extend(0x02014b50u32.to_le_bytes());
    z.extend(20u16.to_le_bytes());
    z.extend(20u16.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(8u16.to_le_bytes());
    z.extend(0u32.to_le_bytes());
    z.extend(0u32.to_le_bytes());
    z.extend((data.len() as u32).to_le_bytes());
    z.extend(declared.to_le_bytes());
    z.extend((name.len() as u16).to_le_bytes());
    z.extend([0u8; 12]); // extra, comment, disk, attributes
    z.extend(0u32.to_le_bytes()); // external attributes
    z.extend(0u32.to_le_bytes()); // local header at 0
    z.extend(name);
    let central_len = z.len() as u32 - central_at;
    z.extend(0x06054b50u32.to_le_bytes());
    z.extend([0u8; 4]);
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(central_len.to_le_bytes());
    z.extend(central_at.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z
}

#[test]
fn a_zip_bomb_is_b7004_in_bounded_time() {
    // Honest headers: refused from what they declare, before inflating anything.
    let start = Instant::now();
    let declared = lying_zip("xl/worksheets/sheet1.xml", 1, 3_000_000_000);
    assert_eq!(codes("bomb.xlsx", &declared).0, ["B7004"]);
    // Lying headers: what the entry really inflates to is counted, and reading stops at the bound.
    let lying = lying_zip("xl/worksheets/sheet1.xml", 1024, 1000);
    assert!(
        lying.len() < 2_000_000,
        "the bomb is small: {} bytes",
        lying.len()
    );
    let (codes_, exit) = codes("bomb.xlsx", &lying);
    assert!(
        codes_ == ["B7004"] || codes_ == ["B7001"],
        "a lying zip is refused with a code: {codes_:?}"
    );
    assert_eq!(exit, 2);
    let docx = lying_zip("word/document.xml", 1024, 1000);
    assert_eq!(codes("bomb.docx", &docx).1, 2);
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
}

/// A sheet XML of `rows` rows of one number each (rows and cells without addresses, as Excel
/// allows: each follows the one before).
fn tall_sheet(rows: usize) -> Vec<u8> {
    let mut xml = String::with_capacity(rows * 26 + 400);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    for _ in 0..rows {
        xml.push_str("<row><c><v>7</v></c></row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml.into_bytes()
}

/// A minimal workbook around one sheet's XML, its entries stored (a test need not wait for a
/// compressor; the bound counts inflated bytes either way).
fn workbook_with(sheet: &[u8], shared: Option<&[u8]>) -> Vec<u8> {
    let content_types = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>";
    let rels = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let workbook = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    let mut book_rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>",
    );
    if shared.is_some() {
        book_rels.push_str("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
    }
    book_rels.push_str("</Relationships>");
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if let Some(s) = shared {
        entries.push(("xl/sharedStrings.xml", s));
    }
    zip_with(&entries, zip::CompressionMethod::Stored)
}

#[test]
fn a_sheet_of_a_million_rows_is_b7004_in_bounded_time() {
    let book = workbook_with(&tall_sheet(1_000_000), None);
    let start = Instant::now();
    let (codes, exit) = codes("tall.xlsx", &book);
    assert_eq!(codes, ["B7004"]);
    assert_eq!(exit, 2);
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_cell_is_measured_as_excel_counts_it() {
    // 20,000 characters of CJK Extension B are 40,000 UTF-16 units: more than a cell holds, though
    // fewer than 32,767 characters; the source written from it would fail its own workbook.
    let long = "\u{20000}".repeat(20_000);
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{long}</t></is></c></row></sheetData></worksheet>"
    );
    let outcome = bdl::import::import("astral.xlsx", &workbook_with(sheet.as_bytes(), None));
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "B7005"),
        "{:?}",
        outcome.diagnostics
    );
}

#[test]
fn a_cell_of_a_megabyte_is_b7005_and_listed() {
    let long = "长".repeat(350_000); // about 1 MB in UTF-8
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{long}</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>短</t></is></c></row></sheetData></worksheet>"
    );
    let outcome = bdl::import::import("long.xlsx", &workbook_with(sheet.as_bytes(), None));
    let codes: Vec<&str> = outcome
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["B7005", "B7010"]);
    assert!(outcome.unplaced.iter().any(|u| u.place == "Sheet1!A1"));
    assert!(
        outcome
            .unplaced
            .iter()
            .any(|u| u.place == "Sheet1!B1" && u.text == "短")
    );
    assert_eq!(outcome.exit_code(), 1);
}

#[test]
fn the_command_exits_2_for_an_unreadable_file_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("broken.xlsx");
    std::fs::write(&input, &workbook_of_an_example()[..100]).unwrap();
    let out = dir.path().join("out.bdl");
    Command::cargo_bin("bdl")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["--lang", "en", "import"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("B7001"));
    assert!(!out.exists());
}

/// A sheet at the cell bound laid out to keep the recogniser busy: a department title, an indicator
/// block whose label is merged down 20,000 rows, and 10,000 tier cells merged two rows each. It is
/// read in bounded time, every row an indicator.
#[test]
fn a_hostile_sheet_at_the_bound_is_recognised_in_bounded_time() {
    let rows = 20_000u32;
    let mut cells = String::new();
    let mut merges = String::new();
    let col = |c: u32| char::from(b'A' + c as u8);
    cells.push_str("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>2024年部门整体支出绩效目标表</t></is></c></row>");
    cells.push_str("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>年度绩效指标</t></is></c>");
    for (c, h) in ["一级指标", "二级指标", "三级指标", "指标值"]
        .iter()
        .enumerate()
    {
        let c = c as u32 + 1;
        cells.push_str(&format!(
            "<c r=\"{}2\" t=\"inlineStr\"><is><t>{h}</t></is></c>",
            col(c)
        ));
    }
    cells.push_str("</row>");
    merges.push_str(&format!("<mergeCell ref=\"A2:A{}\"/>", rows + 2));
    for r in 3..rows + 3 {
        cells.push_str(&format!("<row r=\"{r}\">"));
        if r % 2 == 1 {
            cells.push_str(&format!(
                "<c r=\"B{r}\" t=\"inlineStr\"><is><t>产出指标</t></is></c>"
            ));
            if r + 1 < rows + 3 {
                merges.push_str(&format!("<mergeCell ref=\"B{r}:B{}\"/>", r + 1));
            }
        }
        cells.push_str(&format!(
            "<c r=\"C{r}\" t=\"inlineStr\"><is><t>产出数量</t></is></c><c r=\"D{r}\" t=\"inlineStr\"><is><t>指标{r}</t></is></c><c r=\"E{r}\"><v>{r}</v></c></row>"
        ));
    }
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{cells}</sheetData><mergeCells>{merges}</mergeCells></worksheet>"
    );
    let book = workbook_with(sheet.as_bytes(), None);
    let start = Instant::now();
    let outcome = bdl::import::import("hostile.xlsx", &book);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(120), "{took:?}");
    let [one] = outcome.sources.as_slice() else {
        panic!(
            "one source: {:?}",
            outcome
                .diagnostics
                .iter()
                .map(|d| d.code.as_str())
                .collect::<Vec<_>>()
        );
    };
    assert_eq!(
        one.source.matches("indicator 产出数量").count(),
        rows as usize
    );
}

#[test]
fn a_number_too_large_for_its_percent_format_is_read_as_written() {
    // 10²⁷ shown with `0%` would be 10²⁹ %: past what a decimal holds. It is read as its digits,
    // never a crash.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0%");
    sheet
        .write_number_with_format(0, 0, 1e27, &percent)
        .unwrap();
    sheet
        .write_number_with_format(0, 1, 0.95, &percent)
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let outcome = bdl::import::import("big.xlsx", &bytes);
    let texts: Vec<&str> = outcome.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert!(
        texts.contains(&"1000000000000000000000000000") && texts.contains(&"95%"),
        "{texts:?}"
    );
}
