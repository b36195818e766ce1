//! The sheet reader on arbitrary bytes: as a whole file (`.xlsx` or `.xls`, chosen by the first
//! byte) and as the sheet XML inside a sound workbook. Never a panic, never unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

const WORKBOOK: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

fuzz_target!(|data: &[u8]| {
    let name = if data.first().is_some_and(|b| b & 1 == 1) { "fuzz.xls" } else { "fuzz.xlsx" };
    let _ = bdl::import::import(name, data);
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let o = zip::write::SimpleFileOptions::default();
        let ok = zip.start_file("xl/workbook.xml", o).is_ok()
            && zip.write_all(WORKBOOK.as_bytes()).is_ok()
            && zip.start_file("xl/_rels/workbook.xml.rels", o).is_ok()
            && zip.write_all(RELS.as_bytes()).is_ok()
            && zip.start_file("xl/worksheets/sheet1.xml", o).is_ok()
            && zip.write_all(data).is_ok()
            && zip.finish().is_ok();
        let _ = ok;
    }
    let _ = bdl::import::import("fuzz.xlsx", &out.into_inner());
});
