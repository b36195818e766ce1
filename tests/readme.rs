//! README.md shows real output: its diff example is what `bdl diff` prints for the two examples.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use assert_cmd::Command;

#[test]
fn the_readme_diff_example_is_the_real_output() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme
        .find("<!-- diff-example")
        .expect("the diff example marker");
    let block = &readme[start..];
    let body_start = block.find("```markdown\n").expect("a markdown block") + "```markdown\n".len();
    let body = &block[body_start..];
    let excerpt = &body[..body.find("\n```").expect("the block's end")];
    let out = Command::cargo_bin("bdl")
        .expect("bdl")
        .args([
            "diff",
            "examples/shifeng-xinfang-2021.bdl",
            "examples/shifeng-xinfang-2022.bdl",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "the two years differ");
    let real = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        real.starts_with(excerpt),
        "README's diff example is not the start of the real output:\n{real}"
    );
}
