//! The formatter over files: its four properties on every `.bdl` file of the repository, and the
//! canonical form of each messy fixture under `fixtures/fmt/` as a reviewed snapshot.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::{Path, PathBuf};

fn bdl_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => bdl_files(&path, out),
            Ok(t) if t.is_file() && path.extension().is_some_and(|x| x == "bdl") => out.push(path),
            _ => {}
        }
    }
}

/// Formatting twice changes nothing, the result means the same, and every comment and literal is
/// kept — for every example and every test fixture that parses (fixtures of syntax errors are
/// refused, which is checked too).
#[test]
fn every_bdl_file_formats_with_its_proof() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    bdl_files(&root.join("examples"), &mut files);
    bdl_files(&root.join("tests"), &mut files);
    assert!(files.len() > 10, "the .bdl files were not found");
    for f in &files {
        // Fixtures saved in other encodings are refused by the front door before formatting (B1004),
        // as in every command.
        let Ok(bdl::Source { text: src, .. }) =
            bdl::Source::decode(f.display().to_string(), &std::fs::read(f).unwrap())
        else {
            continue;
        };
        let parses = bdl::syntax::parse(&src).is_ok();
        match bdl::fmt::format(&src) {
            Ok(out) => {
                assert!(parses);
                assert_eq!(bdl::fmt::verify(&src, &out), Ok(()), "{}", f.display());
                assert_eq!(bdl::fmt::format(&out).unwrap(), out, "{}", f.display());
                assert!(out.is_empty() || out.ends_with('\n'), "{}", f.display());
                assert!(!out.contains('\r') && !out.contains('\t') && !out.contains('\u{feff}'));
                assert!(!out.contains("\n\n\n"), "{}", f.display());
            }
            Err(bdl::fmt::Error::Syntax(_)) => assert!(!parses, "{}", f.display()),
            Err(e) => panic!("{}: {e:?}", f.display()),
        }
    }
}

#[test]
fn examples_are_canonical() {
    let mut files = Vec::new();
    bdl_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"),
        &mut files,
    );
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        assert_eq!(bdl::fmt::format(&src).unwrap(), src, "{}", f.display());
    }
}

#[test]
fn canonical_form_of_messy_fixtures() {
    insta::glob!("fixtures/fmt/*.bdl", |path| {
        let src = std::fs::read_to_string(path).unwrap();
        let out = bdl::fmt::format(&src).unwrap();
        assert_ne!(out, src, "a fixture of messy input should need formatting");
        insta::assert_snapshot!(out);
    });
}

/// The proof catches what idempotence alone would miss.
#[test]
fn the_proof_catches_a_lost_comment_a_changed_spelling_and_a_changed_meaning() {
    use bdl::fmt::{Property, verify};
    let src = "duty \"a\"  # 注释\n";
    assert_eq!(verify(src, "duty \"a\"\n"), Err(Property::SameComments));
    assert_eq!(
        verify(src, "# 注释\nduty \"a\"\n"),
        Err(Property::SameComments)
    );
    assert_eq!(
        verify(src, "duty \"b\"  # 注释\n"),
        Err(Property::SameModel)
    );
    assert_eq!(
        verify(src, "duty  \"a\"  # 注释\n"),
        Err(Property::Idempotent)
    );
    assert_eq!(
        verify(src, "duty \"a\" # 注释\n"),
        Err(Property::Idempotent)
    );
    assert_eq!(verify(src, "duty \"a\n"), Err(Property::Parses));

    let src = "direction \"d\" {\n  period \"1年\"\n}\n";
    assert_eq!(
        verify(src, "direction \"d\" {\n  period 1年\n}\n"),
        Err(Property::SameLiterals)
    );
    assert_eq!(verify(src, src), Ok(()));
}

#[test]
fn a_syntax_error_is_not_formatted() {
    let e = bdl::fmt::format("year two\n").unwrap_err();
    assert!(matches!(e, bdl::fmt::Error::Syntax(_)));
    assert_eq!(e.diagnostics()[0].code.as_str(), "B1001");
}

#[test]
fn an_unproven_result_is_an_internal_error_naming_the_property() {
    let d = bdl::fmt::Error::Unverified(bdl::fmt::Property::SameComments).diagnostics();
    assert_eq!(d[0].code.as_str(), "B9001");
    assert!(d[0].message.en.contains("comment"), "{}", d[0].message.en);
}
