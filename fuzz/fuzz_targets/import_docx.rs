//! The Word table reader on arbitrary bytes, both as a file (zip and all) and as the document XML
//! inside a sound zip: `bdl import` returns sources or coded diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    let _ = bdl::import::import("fuzz.docx", data);
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        if zip
            .start_file("word/document.xml", zip::write::SimpleFileOptions::default())
            .is_ok()
            && zip.write_all(data).is_ok()
            && zip.finish().is_ok()
        {}
    }
    let _ = bdl::import::import("fuzz.docx", &out.into_inner());
});
