//! Writes a deterministic corpus of realistic declarations for benchmarks (not a user command).
//!
//! ```text
//! cargo run --release --example gen_corpus -- SEED N DIR
//! ```
//!
//! Department `i` goes to `DIR/d{i/100}/dept-{i}.bdl`; the same seed always gives the same files.

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

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || {
        eprintln!("usage: gen_corpus SEED N DIR");
        ExitCode::from(2)
    };
    let [seed, n, dir] = args.as_slice() else {
        return usage();
    };
    let (Ok(seed), Ok(n)) = (seed.parse::<u64>(), n.parse::<usize>()) else {
        return usage();
    };
    let dir = PathBuf::from(dir);
    match corpus::write_corpus(&dir, seed, n) {
        Ok(bytes) => {
            eprintln!(
                "wrote {n} declarations, {:.1} MB, under {}",
                bytes as f64 / 1e6,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write the corpus: {e}");
            ExitCode::from(2)
        }
    }
}
