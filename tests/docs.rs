//! Every ```bdl block in README.md and docs/ compiles, so the documentation cannot rot. A block that
//! does not start with `year` is compiled below a standard header. A block fenced as ```bdl expect=B3010
//! must produce that code instead.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::{Path, PathBuf};

const HEADER: &str = "year 2021\nunit 万元\nframework hunan\n";

struct Block {
    file: PathBuf,
    line: usize,
    expect: Option<String>,
    text: String,
}

fn blocks(path: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(path).expect("doc is readable");
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut current {
            None => {
                if let Some(info) = trimmed.strip_prefix("```bdl") {
                    let expect = info.trim().strip_prefix("expect=").map(str::to_string);
                    current = Some(Block {
                        file: path.to_path_buf(),
                        line: i + 1,
                        expect,
                        text: String::new(),
                    });
                }
            }
            Some(b) => {
                if trimmed.starts_with("```") {
                    out.extend(current.take());
                } else {
                    b.text.push_str(line);
                    b.text.push('\n');
                }
            }
        }
    }
    out
}

fn doc_files() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("README.md")];
    let mut stack = vec![PathBuf::from("docs")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("docs/ is readable")
            .flatten()
        {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "md") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_bdl_block_in_the_docs_compiles() {
    let mut count = 0;
    for file in doc_files() {
        for b in blocks(&file) {
            count += 1;
            let starts_with_year = b
                .text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with('#'))
                .is_some_and(|l| l.starts_with("year"));
            let src = if starts_with_year {
                b.text.clone()
            } else {
                format!("{HEADER}{}", b.text)
            };
            let compiled = bdl::compile(&src);
            let where_ = format!("{}:{}", b.file.display(), b.line);
            match &b.expect {
                None => {
                    let errors: Vec<String> = compiled
                        .diagnostics
                        .iter()
                        .filter(|d| d.is_error())
                        .map(|d| format!("{} {}", d.code.as_str(), d.message.en))
                        .collect();
                    assert!(
                        errors.is_empty(),
                        "the bdl block at {where_} does not compile: {errors:#?}"
                    );
                }
                Some(code) => {
                    assert!(
                        compiled.diagnostics.iter().any(|d| d.code.as_str() == code),
                        "the bdl block at {where_} should report {code}, got {:?}",
                        compiled
                            .diagnostics
                            .iter()
                            .map(|d| d.code.as_str())
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
    }
    assert!(
        count >= 10,
        "expected the docs to hold bdl examples, found {count}"
    );
}
