//! One fixture per behaviour under `tests/fixtures/check/`. Each starts with `# expect: B3010 …`, the
//! codes it must produce. The test compiles it, snapshots the rendered diagnostics, and requires the
//! codes produced to be exactly the expected ones, at every severity: a fixture shows one behaviour,
//! so a check that stops firing, or starts firing where it should not, fails here.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::codes::Code;
use bdl::messages::{Lang, Text};
use std::collections::BTreeSet;
use std::path::Path;

const FIXTURES: &str = "tests/fixtures/check";

/// The codes of a fixture's first line, `# expect: B3010 B4020`.
fn expected_codes(path: &Path, src: &str) -> BTreeSet<Code> {
    let first = src.lines().next().unwrap_or("");
    let Some(list) = first.strip_prefix("# expect:") else {
        panic!(
            "{}: the first line must be `# expect: B…`, found {first:?}",
            path.display()
        );
    };
    let codes: BTreeSet<Code> = list
        .split_whitespace()
        .map(|c| {
            bdl::registry::parse(c)
                .unwrap_or_else(|| panic!("{}: `{c}` is not a bdl code", path.display()))
        })
        .collect();
    assert!(
        !codes.is_empty(),
        "{}: the expect line names no code",
        path.display()
    );
    codes
}

fn names(codes: &BTreeSet<Code>) -> String {
    codes
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fixture through the front door, as every command reads it: a file in another encoding is a
/// diagnostic of its own. (name, source, result)
fn compile_fixture(path: &Path) -> (String, String, bdl::Compilation) {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let mut compiled = bdl::compile_bytes(name.clone(), &std::fs::read(path).unwrap());
    let src = std::mem::take(&mut compiled.text);
    (name, src, compiled)
}

#[test]
fn fixtures_produce_their_expected_diagnostics() {
    insta::glob!("fixtures/check/*.bdl", |path| {
        // The expect line is ASCII even in a fixture saved in another encoding.
        let expected = expected_codes(
            path,
            &String::from_utf8_lossy(&std::fs::read(path).unwrap()),
        );
        let (name, src, compiled) = compile_fixture(path);
        let produced: BTreeSet<Code> = compiled.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            names(&produced),
            names(&expected),
            "{name}: the codes produced (left) differ from its `# expect:` line (right)"
        );
        if expected
            .iter()
            .any(|c| c.severity() == bdl::diagnostic::Severity::Error)
        {
            assert!(
                compiled.has_errors(),
                "{name}: an error is expected, so the file must not compile cleanly"
            );
        }

        let rendered = bdl::report::render(&compiled.diagnostics, &name, &src, false, Lang::En);
        insta::assert_snapshot!(rendered);
    });
}

/// The same fixtures as a Chinese-speaking clerk sees them (`--lang zh`), and every text of every
/// diagnostic really in Chinese.
#[test]
fn fixtures_in_chinese() {
    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    }
    fn is_chinese(what: &str, t: &Text, name: &str) {
        assert!(
            has_cjk(&t.zh),
            "{name}: the Chinese {what} has no Chinese: {}",
            t.zh
        );
        // Figures alone (`36.72万元`, a formula) read the same in both languages.
        let figure = t.en.chars().any(|c| c.is_ascii_digit()) && !t.en.contains(' ');
        assert!(
            t.zh != t.en || figure || t.en.contains(" × "),
            "{name}: the Chinese {what} is the English: {}",
            t.en
        );
    }
    insta::glob!("fixtures/check/*.bdl", |path| {
        let (name, src, compiled) = compile_fixture(path);
        for d in &compiled.diagnostics {
            is_chinese("message", &d.message, &name);
            is_chinese("label", &d.label, &name);
            for l in &d.labels {
                is_chinese("label", &l.text, &name);
            }
            if let Some(h) = &d.help {
                is_chinese("help", h, &name);
            }
        }
        let rendered = bdl::report::render(&compiled.diagnostics, &name, &src, false, Lang::Zh);
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn every_code_has_a_fixture() {
    let mut covered = BTreeSet::new();
    for entry in std::fs::read_dir(FIXTURES).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "bdl") {
            let src = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).to_string();
            covered.extend(expected_codes(&path, &src));
        }
    }
    // Codes whose input cannot be a fixture file, with the test that shows them instead.
    let generated: [(Code, &str); 10] = [
        (
            code("B5003"),
            "tests/no_control_characters.rs a_text_too_long_for_excel_is_b5003_at_check_and_refuses_the_workbook",
        ),
        (
            code("B1007"),
            "tests/bad_input.rs a_ten_megabyte_line_is_refused_with_a_diagnostic",
        ),
        (
            code("B1003"),
            "tests/limits.rs: pest's call limit on generated pathological input",
        ),
        (
            code("B9001"),
            "src/fmt/verify.rs unit tests: each broken property is caught",
        ),
        // `bdl import` reads workbooks and documents, not declarations.
        (code("B7001"), "tests/import_bad_files.rs"),
        (code("B7002"), "tests/import_bad_files.rs"),
        (code("B7003"), "tests/import_bad_files.rs"),
        (code("B7004"), "tests/import_bad_files.rs"),
        (code("B7005"), "tests/import_bad_files.rs"),
        (code("B7010"), "tests/import_fixtures.rs"),
    ];
    let missing: Vec<&str> = bdl::registry::all()
        .iter()
        .filter(|c| !covered.contains(c) && !generated.iter().any(|(g, _)| g == *c))
        .map(|c| c.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "these codes have no fixture in {FIXTURES} (add one whose first line is `# expect: CODE`): {}",
        missing.join(", ")
    );
}

/// The registered code written as `text`.
fn code(text: &str) -> Code {
    bdl::registry::parse(text).unwrap_or_else(|| panic!("`{text}` is not a bdl code"))
}
