//! Latency of the language server on a 100 KB declaration: from a change sent by the editor to the
//! diagnostics published back (the goal is under 50 ms), for a change that keeps the file valid and
//! for a line being typed (the recovery path parses again around the broken line); and the requests
//! an editor sends after each change (semantic tokens, inlay hints, outline, hover, completion).
//!
//! The server runs in process on an in-memory connection, as the tests run it, so the figures are the
//! server's own work plus JSON encoding and decoding, without a pipe.
//!
//! `cargo bench --bench lsp_latency` (environment: `BDL_BENCH_KB`, default 100; `BDL_BENCH_CHANGES`,
//! default 60).

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

#[path = "support/corpus.rs"]
mod corpus;
#[path = "../tests/support/lsp_client.rs"]
mod lsp_client;

use lsp_client::Client;
use serde_json::json;
use std::time::{Duration, Instant};

const URI: &str = "file:///bench/budget.bdl";

fn env(key: &str, default: usize) -> usize {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One declaration of at least `kb` KB: a generated department, then the directions of further
/// generated departments with the same unit and framework, renamed so every name stays unique.
fn declaration(kb: usize) -> String {
    let first = corpus::department(7, 0);
    let header = |text: &str| -> (String, String) {
        let find = |k: &str| {
            text.lines()
                .find(|l| l.starts_with(k))
                .unwrap_or_default()
                .to_string()
        };
        (find("unit "), find("framework "))
    };
    let wanted = header(&first);
    let mut out = first;
    let mut index = 1;
    while out.len() < kb * 1024 {
        let dept = corpus::department(7, index);
        index += 1;
        if header(&dept) != wanted {
            continue;
        }
        // The top-level direction and project blocks, each renamed with the department's number.
        let mut depth = 0usize;
        for line in dept.lines() {
            let top =
                depth == 0 && (line.starts_with("direction ") || line.starts_with("project "));
            if depth > 0 || top {
                let line = if top {
                    line.replacen("\" ", &format!("（{index}）\" "), 1)
                } else {
                    line.to_string()
                };
                out.push_str(&line);
                out.push('\n');
                depth += line.matches('{').count();
                depth = depth.saturating_sub(line.matches('}').count());
            }
        }
    }
    out
}

struct Stats(Vec<Duration>);

impl Stats {
    fn ms(&self, q: f64) -> f64 {
        let mut v = self.0.clone();
        v.sort();
        let i = ((v.len() as f64 - 1.0) * q).round() as usize;
        v[i].as_secs_f64() * 1000.0
    }

    fn line(&self, what: &str) {
        println!(
            "{what:<48} median {:>7.2} ms   p95 {:>7.2} ms   max {:>7.2} ms   (n = {})",
            self.ms(0.5),
            self.ms(0.95),
            self.ms(1.0),
            self.0.len()
        );
    }
}

fn main() {
    let kb = env("BDL_BENCH_KB", 100);
    let changes = env("BDL_BENCH_CHANGES", 60);
    let text = declaration(kb);
    let lines = text.lines().count();
    let diagnostics = bdl::compile(&text).diagnostics.len();
    println!(
        "declaration: {} bytes, {lines} lines, {diagnostics} diagnostics",
        text.len()
    );

    let mut c = Client::english();
    c.open(URI, &text);

    // A valid change: one figure edited (as a person edits a rate), alternately.
    let at = text.find("rate ").unwrap() + 5;
    let mut valid = Vec::new();
    for i in 0..changes {
        let mut t = text.clone();
        t.insert(at, if i % 2 == 0 { '1' } else { '2' });
        let start = Instant::now();
        c.change(URI, i as i32 + 2, &t);
        valid.push(start.elapsed());
    }
    Stats(valid).line("change → diagnostics (valid file)");

    // A line being typed in the middle of the file: `indicator 产出数量 "x" =` and nothing yet.
    let middle = text[..text.len() / 2].rfind('\n').unwrap() + 1;
    let mut typing = Vec::new();
    let mut typed = text.clone();
    for i in 0..changes {
        typed = text.clone();
        let partial = "indicator 产出数量 \"巡逻人员\" = ";
        typed.insert_str(
            middle,
            &format!("{}\n", &partial[..partial.len() - (i % 3)]),
        );
        let start = Instant::now();
        c.change(URI, (changes + i) as i32 + 2, &typed);
        typing.push(start.elapsed());
    }
    Stats(typing).line("change → diagnostics (a line being typed)");

    // What an editor asks after a change, on the file being typed.
    let doc = json!({ "uri": URI });
    let whole = json!({ "start": { "line": 0, "character": 0 }, "end": { "line": lines + 1, "character": 0 } });
    let hover_line = typed[..typed.find("direction ").unwrap()]
        .matches('\n')
        .count();
    let requests: Vec<(&str, &str, serde_json::Value)> = vec![
        (
            "textDocument/semanticTokens/full",
            "semantic tokens (whole file)",
            json!({ "textDocument": doc }),
        ),
        (
            "textDocument/inlayHint",
            "inlay hints (whole file)",
            json!({ "textDocument": doc, "range": whole }),
        ),
        (
            "textDocument/documentSymbol",
            "document symbols",
            json!({ "textDocument": doc }),
        ),
        (
            "textDocument/hover",
            "hover on a direction",
            json!({ "textDocument": doc, "position": { "line": hover_line, "character": 12 } }),
        ),
        (
            "textDocument/completion",
            "completion at the line being typed",
            json!({ "textDocument": doc, "position": { "line": typed[..middle].matches('\n').count(), "character": 10 } }),
        ),
    ];
    for (method, what, params) in requests {
        let mut times = Vec::new();
        for _ in 0..changes.min(30) {
            let start = Instant::now();
            let answer = c.request(method, params.clone());
            times.push(start.elapsed());
            assert!(!answer.is_null(), "{method} answered nothing");
        }
        Stats(times).line(what);
    }
    c.finish();
}
