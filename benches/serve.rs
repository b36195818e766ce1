//! `bdl serve`'s folder page on a folder of 1,000 declarations (target: under 2 s), and the editor's
//! check of the seed declaration (diagnostics and the preview's HTML, on the server), in-process
//! through `App::handle` so the figures are the server's own work.
//!
//! `cargo bench --bench serve` (environment: `BDL_BENCH_FILES`, default 1000; `BDL_BENCH_REPS`,
//! default 5). The median is reported.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::messages::Lang;
use bdl::serve::{App, Config, Method, Request};
use std::time::Instant;

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let files = env_num("BDL_BENCH_FILES", 1000);
    let reps = env_num("BDL_BENCH_REPS", 5).max(1);
    // The Hunan forms, a Ministry department form with tasks and a project self-evaluation (whose
    // score the page computes).
    let examples = [
        "shifeng-xinfang-2021",
        "shifeng-xinfang-2022",
        "county-farmland-2024",
        "mof-department-tasks-2025",
        "mof-project-self-evaluation-2025",
    ]
    .map(|name| std::fs::read_to_string(format!("examples/{name}.bdl")).unwrap());
    // Ten departments' worth of years per folder, each department named apart.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..files {
        let folder = dir.path().join(format!("区县{:03}", i / 10));
        std::fs::create_dir_all(&folder).unwrap();
        let src = examples[i % examples.len()].replacen("filer \"", &format!("filer \"第{i}号"), 1);
        std::fs::write(folder.join(format!("d{i:04}.bdl")), src).unwrap();
    }
    let app = App::new(Config {
        root: dir.path().to_path_buf(),
        read_only: false,
        lang: Lang::Zh,
        git_commit: false,
        allowed_hosts: Vec::new(),
        chinese_pages: None,
        token: "bench".into(),
    })
    .unwrap();
    let get = Request::new(Method::Get, "/").with_header("Host", "127.0.0.1");
    let mut page = Vec::new();
    let mut size = 0;
    for _ in 0..reps {
        let t = Instant::now();
        let r = app.handle(&get);
        page.push(t.elapsed().as_secs_f64());
        assert_eq!(r.status, 200);
        size = r.body.len();
    }
    println!(
        "folder page, {files} declarations: median {:.3} s over {reps} runs ({} KB of HTML)",
        median(page),
        size / 1024
    );

    let body = serde_json::json!({"path": "seed.bdl", "text": examples[0]}).to_string();
    let check = Request::new(Method::Post, "/api/check")
        .with_header("Host", "127.0.0.1")
        .with_header("X-Bdl-Token", "bench")
        .with_body(body);
    let mut times = Vec::new();
    for _ in 0..(reps * 20) {
        let t = Instant::now();
        let r = app.handle(&check);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(r.status, 200);
    }
    println!(
        "editor check of the seed (diagnostics + preview HTML): median {:.2} ms over {} runs",
        median(times),
        reps * 20
    );
}
