//! Times every pathological input of `benches/support/pathological.rs` through `bdl::compile`, at
//! 1 MB each: `cargo run --release --example time_pathological`. No input may take a second.

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
#[path = "../benches/support/pathological.rs"]
mod pathological;

fn main() {
    for (name, src) in pathological::inputs(1024 * 1024) {
        let t = std::time::Instant::now();
        let c = bdl::compile(&src);
        println!(
            "{:>8.3}s {:>6} diagnostics  {name}",
            t.elapsed().as_secs_f64(),
            c.diagnostics.len()
        );
    }
}
