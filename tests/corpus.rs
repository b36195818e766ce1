//! The benchmark corpus is realistic only if it compiles: every generated declaration compiles with no
//! errors (and no warnings), and the generator is deterministic.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

#[path = "../benches/support/corpus.rs"]
mod corpus;

#[test]
fn every_generated_declaration_compiles_without_errors() {
    for seed in [1u64, 42] {
        for i in 0..150 {
            let src = corpus::department(seed, i);
            let compiled = bdl::compile(&src);
            let problems: Vec<String> = compiled
                .diagnostics
                .iter()
                .map(|d| format!("{} {}", d.code.as_str(), d.message.en))
                .collect();
            assert!(
                problems.is_empty(),
                "seed {seed}, department {i} does not compile cleanly: {problems:#?}\n{src}"
            );
        }
    }
}

#[test]
fn the_generator_is_deterministic_and_varied() {
    assert_eq!(corpus::department(7, 3), corpus::department(7, 3));
    assert_ne!(corpus::department(7, 3), corpus::department(7, 4));
    assert_ne!(corpus::department(7, 3), corpus::department(8, 3));
    let sizes: Vec<usize> = (0..50).map(|i| corpus::department(1, i).len()).collect();
    let (min, max) = (
        sizes.iter().min().copied().unwrap_or(0),
        sizes.iter().max().copied().unwrap_or(0),
    );
    assert!(min > 2_000 && max > 2 * min, "sizes {min}..{max}");
}

#[test]
fn corpus_files_land_in_district_folders() {
    let dir = tempfile::tempdir().expect("temp dir");
    corpus::write_corpus(dir.path(), 3, 5).expect("writes");
    for i in 0..5 {
        assert!(dir.path().join(corpus::relative_path(i)).is_file());
    }
}
