//! Thousands of mutated workbooks and documents fed to the readers in the normal test run (the
//! `fuzz/` targets do the same without end, under cargo-fuzz): whatever the bytes, `bdl import`
//! returns sources or coded diagnostics, never a panic, and any source it writes is formatted.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use proptest::prelude::*;
use std::sync::LazyLock;

/// The seeds: an example's own workbook and the checked-in fixtures of other layouts.
static SEEDS: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let src = std::fs::read_to_string("examples/shifeng-xinfang-2021.bdl").unwrap();
    let decl = bdl::compile(&src).declaration.unwrap();
    let mut seeds = vec![(
        "own.xlsx".to_string(),
        bdl::emit::xlsx::render(&decl).unwrap(),
    )];
    for name in [
        "word-department.docx",
        "word-directions.docx",
        "labels-variant.xlsx",
        "word-project-self-evaluation.docx",
        "department-self-evaluation.xlsx",
    ] {
        seeds.push((
            name.to_string(),
            std::fs::read(format!("tests/fixtures/import/{name}")).unwrap(),
        ));
    }
    seeds
});

/// Whatever came out is well formed: sources are formatted, a refusal has a code, exit in 0..=2.
fn holds(name: &str, bytes: &[u8]) {
    let outcome = bdl::import::import(name, bytes);
    assert!(outcome.exit_code() <= 2);
    for s in &outcome.sources {
        if let Ok(f) = bdl::fmt::format(&s.source) {
            assert_eq!(f, s.source, "{name}: a written source is formatted");
        }
    }
    if outcome.sources.is_empty() {
        assert!(
            !outcome.diagnostics.is_empty(),
            "{name}: no source and no diagnostic"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Bytes flipped, cut or inserted anywhere in the file.
    #[test]
    fn mutated_files_never_panic(
        seed in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        // Every seed, the self-evaluations' too.
        let (name, original) = &SEEDS[seed.index(SEEDS.len())];
        let mut bytes = original.clone();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1));
            match kind {
                0 => if let Some(b) = bytes.get_mut(i) { *b ^= byte | 1 },
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ => if i < bytes.len() { bytes.remove(i); },
            }
        }
        if let Some(c) = cut {
            bytes.truncate(c.index(bytes.len().max(1)));
        }
        holds(name, &bytes);
    }

    /// The document XML itself mutated inside a valid zip: the table reader sees broken markup,
    /// odd spans and merges, but the zip is sound.
    #[test]
    fn mutated_document_xml_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), "[<>/=\"a-zA-Z0-9 ]{0,6}"), 1..6),
    ) {
        let docx = &SEEDS[1].1;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx.as_slice())).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
        for (at, text) in edits {
            let mut i = at.index(xml.len().max(1));
            while !xml.is_char_boundary(i) {
                i -= 1;
            }
            xml.insert_str(i, &text);
        }
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
            zip.finish().unwrap();
        }
        holds("mutated.docx", &out.into_inner());
    }
}
