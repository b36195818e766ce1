//! Throughput of the compiler on a generated corpus of about 100 MB of declarations, in one run so the
//! figures share the machine's load:
//!
//! - MB/s of `syntax::parse`, of `bdl::compile` (parse + lower + check), and of compile + JSON render;
//! - on the JSON bdl writes for the same corpus: `serde_json::from_str` into `Value` and into typed
//!   structs mirroring docs/json.md;
//! - the tracked figure: serde_json→Value time / bdl parse+check time (≥ 0.5 is the target).
//!
//! `cargo bench --bench throughput` (environment: `BDL_BENCH_MB`, default 100; `BDL_BENCH_REPS`,
//! default 3; `BDL_BENCH_SEED`, default 1). Each repetition runs every phase; the median is reported.

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
#[path = "support/pathological.rs"]
mod pathological;

use serde::Deserialize;
use std::hint::black_box;
use std::time::{Duration, Instant};

#[derive(Deserialize)]
#[allow(dead_code)]
struct Document {
    schema: u32,
    year: Option<i32>,
    filer: Option<String>,
    department: Option<String>,
    unit: String,
    precision: u32,
    framework: Framework,
    total: Option<String>,
    declared_total: Option<String>,
    income_total: Option<String>,
    spending_total: Option<String>,
    project_spending: Option<String>,
    income: Vec<Line>,
    spending: Vec<Line>,
    duties: Vec<String>,
    goals: Vec<String>,
    plans: Vec<Plan>,
    indicators: Vec<Indicator>,
    directions: Vec<Direction>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Framework {
    name: String,
    tiers: Vec<Tier>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Tier {
    name: String,
    categories: Vec<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Derived {
    amount: String,
    how: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Line {
    name: String,
    amount: String,
    declared: Option<String>,
    derived: Option<Derived>,
    share: Option<String>,
    items: Vec<Line>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Plan {
    item: String,
    owner: String,
    target: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Reference {
    of: String,
    amount: String,
    how: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Indicator {
    horizon: String,
    level1: Option<String>,
    level2: String,
    name: String,
    value: String,
    kind: String,
    operator: Option<String>,
    number: Option<String>,
    unit: Option<String>,
    reference: Option<Reference>,
    note: Option<String>,
    sense: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Period {
    text: String,
    start: Option<String>,
    end: Option<String>,
    months: Option<u32>,
    long_term: bool,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Cost {
    label: Option<String>,
    count_kind: String,
    count: String,
    count_unit: String,
    price_yuan: String,
    per: String,
    times: String,
    amount_yuan: String,
    amount: Option<String>,
    how: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Direction {
    kind: String,
    number: String,
    name: String,
    special: Option<String>,
    period: Option<Period>,
    amount: String,
    declared_amount: Option<String>,
    derived: Option<Derived>,
    basis: Vec<Cost>,
    people: Option<String>,
    goal: Option<String>,
    annual: Option<String>,
    funds: Vec<Line>,
    indicators: Vec<Indicator>,
    directions: Vec<Direction>,
}

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    // `cargo test --benches` runs bench targets with `--bench`-less arguments; only run when benched.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let target = env_num("BDL_BENCH_MB", 100) * 1_000_000;
    let reps = env_num("BDL_BENCH_REPS", 3).max(1);
    let seed = env_num("BDL_BENCH_SEED", 1) as u64;

    let mut sources = Vec::new();
    let mut src_bytes = 0usize;
    while src_bytes < target {
        let s = corpus::department(seed, sources.len());
        src_bytes += s.len();
        sources.push(s);
    }
    let jsons: Vec<String> = sources
        .iter()
        .filter_map(|s| bdl::compile(s).declaration)
        .map(|d| bdl::emit::json::render(&d))
        .collect();
    assert_eq!(jsons.len(), sources.len(), "every generated file compiles");
    let json_bytes: usize = jsons.iter().map(String::len).sum();
    let mb = src_bytes as f64 / 1e6;
    let jmb = json_bytes as f64 / 1e6;
    println!(
        "corpus: {} departments, {mb:.1} MB of bdl, {jmb:.1} MB of JSON (seed {seed}, {reps} repetitions)",
        sources.len()
    );

    let (mut parse, mut compile, mut build, mut value, mut typed, mut ratio) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for rep in 0..reps {
        let t_parse = time(|| {
            for s in &sources {
                let _ = black_box(bdl::syntax::parse(black_box(s)));
            }
        });
        let t_compile = time(|| {
            for s in &sources {
                black_box(bdl::compile(black_box(s)));
            }
        });
        let t_build = time(|| {
            for s in &sources {
                if let Some(d) = bdl::compile(black_box(s)).declaration {
                    black_box(bdl::emit::json::render(&d));
                }
            }
        });
        let t_value = time(|| {
            for j in &jsons {
                let v: serde_json::Value = serde_json::from_str(black_box(j)).unwrap_or_default();
                black_box(v);
            }
        });
        let t_typed = time(|| {
            for j in &jsons {
                let v: Option<Document> = serde_json::from_str(black_box(j)).ok();
                assert!(v.is_some(), "typed structs read bdl's JSON");
                black_box(v);
            }
        });
        let r = t_value.as_secs_f64() / t_compile.as_secs_f64();
        println!(
            "rep {rep}: parse {:.2}s, parse+check {:.2}s, build json {:.2}s, serde Value {:.2}s, serde typed {:.2}s, ratio {r:.2}",
            t_parse.as_secs_f64(),
            t_compile.as_secs_f64(),
            t_build.as_secs_f64(),
            t_value.as_secs_f64(),
            t_typed.as_secs_f64()
        );
        parse.push(mb / t_parse.as_secs_f64());
        compile.push(mb / t_compile.as_secs_f64());
        build.push(mb / t_build.as_secs_f64());
        value.push(t_value.as_secs_f64());
        typed.push(t_typed.as_secs_f64());
        ratio.push(r);
    }
    let (v, t) = (median(value), median(typed));
    println!("median MB/s of bdl source:");
    println!("  syntax::parse              {:7.1} MB/s", median(parse));
    println!("  bdl::compile (parse+check) {:7.1} MB/s", median(compile));
    println!("  compile + json::render     {:7.1} MB/s", median(build));
    println!("serde_json on bdl's JSON of the same budgets ({jmb:.1} MB):");
    println!(
        "  from_str → Value           {v:7.2} s  ({:.1} MB/s of bdl source, {:.1} MB/s of JSON)",
        mb / v,
        jmb / v
    );
    println!(
        "  from_str → typed structs   {t:7.2} s  ({:.1} MB/s of bdl source, {:.1} MB/s of JSON)",
        mb / t,
        jmb / t
    );
    println!(
        "ratio serde_json→Value time / bdl parse+check time: {:.2} (target ≥ 0.5)",
        median(ratio)
    );

    println!("pathological inputs of about 1 MB (bdl::compile, target < 0.3 s each):");
    let mut worst = 0f64;
    for (name, src) in pathological::inputs(1_000_000) {
        let mut c = None;
        let t = time(|| c = Some(bdl::compile(&src)));
        let c = c.expect("compiled");
        let first = c.diagnostics.first().map_or("ok", |d| d.code.as_str());
        worst = worst.max(t.as_secs_f64());
        println!(
            "  {name:42} {:>8} B {:>7.3} s  {first}{}",
            src.len(),
            t.as_secs_f64(),
            if c.diagnostics.len() > 1 { " …" } else { "" }
        );
    }
    println!("  worst {worst:.3} s");

    editor(seed, reps);
}

/// The editor's change-to-diagnostics on a file of about 100 KB: `bdl::compile` and the rendering of
/// every diagnostic, as the language server does after each change. The file is a generated
/// department whose directions are repeated under new names until it reaches 100 KB (the repeated
/// amounts no longer add up, so it carries warnings), with a misspelt keyword on its last line.
fn editor(seed: u64, reps: usize) {
    let base = (0..200)
        .map(|i| corpus::department(seed, i))
        .max_by_key(String::len)
        .unwrap();
    let at = base.find("\ndirection ").unwrap() + 1;
    let (head, directions) = base.split_at(at);
    let mut src = head.to_string();
    let mut copy = 0;
    while src.len() < 100_000 {
        src.push_str(&directions.replace("direction \"", &format!("direction \"副本{copy}")));
        copy += 1;
    }
    src.push_str("indicater 数量指标 \"末行\" 1\n");
    let lines = src.lines().count();
    let mut times = Vec::new();
    let mut shown = (0, 0);
    for _ in 0..reps.max(5) * 4 {
        let t = time(|| {
            let c = bdl::compile(black_box(&src));
            let text = bdl::report::render(
                &c.diagnostics,
                "editor.bdl",
                &src,
                false,
                bdl::messages::Lang::Zh,
            );
            shown = (c.diagnostics.len(), text.len());
            black_box(text);
        });
        times.push(t.as_secs_f64() * 1000.0);
    }
    println!(
        "editor: compile + render of a {} B file ({lines} lines, {} diagnostics, {} B rendered): median {:.1} ms (target < 50 ms)",
        src.len(),
        shown.0,
        shown.1,
        median(times)
    );
}
