//! A mutation campaign over every command (issue 10, "Proof"): the examples and fixtures, mutated by a
//! seeded generator (bytes and lines deleted, duplicated, swapped, truncated; hostile tokens inserted:
//! quotes, braces, huge and negative numbers, control characters, bidi overrides, full-width look-alikes,
//! unit words, invalid UTF-8, CR line ends), each run through `check` (human, short, json), `build` in
//! every format (md, json, html, xlsx, to files), and `fmt` (in place on a copy, then `--check`).
//!
//! Invariants, per input: no panic, no hang; exit codes 0 or 1 only; `check`'s JSON parses and every
//! diagnostic has a code; an exit 1 has an error and an exit 0 has none; `build` succeeds in every
//! format exactly when `check` does, and writes nothing when it fails (JSON output parses, XLSX is a
//! zip); no report holds a raw control character; `fmt` either leaves the file byte for byte or writes
//! a file that `fmt --check` accepts and that `check` judges as before (same exit, same codes).
//!
//! CI runs a sample (100 inputs, about half a minute); the full campaign (3,000 inputs) runs on demand:
//! `cargo test --release --test mutation_campaign -- --ignored --nocapture`, or a sample of any size
//! with `BDL_MUTATIONS=N`. The figures are printed at the end.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bdl");
const SEED: u64 = 0x00b1_0010;
const LIMIT: Duration = Duration::from_secs(20);

/// Tokens that have broken parsers and printers before, inserted at random places.
const HOSTILE: &[&str] = &[
    "\"",
    "{",
    "}",
    "<",
    ">",
    "#",
    "=",
    "\\",
    "0",
    "-1",
    "99999999999999999999999999999",
    "1e9",
    "1,000",
    "0.0000001",
    "/0month",
    "/month",
    "/year",
    "年",
    "万",
    "万元",
    "元",
    "%",
    ">= 90%",
    "people",
    "rate",
    "price",
    "qty",
    "months 0",
    "direction \"x\" {",
    "indicator 产出数量 \"x\" = people",
    "\u{0}",
    "\u{7}",
    "\u{1b}[2J",
    "\u{7f}",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\r",
    "\r\n",
    "\t",
    "\u{3000}",
    "＜",
    "＞",
    "＂",
    "“",
    "”",
    "（",
    "）",
    "｛",
    "｝",
    "，",
    "：",
    "１２",
    "**b**",
    "[l](http://x)",
    "<script>",
    "|",
    "`",
    "~~",
    "year 2025年",
    "price 50元",
    "\u{feff}",
];

/// A small deterministic generator (xorshift64*), so every run mutates the same way.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = Vec::new();
    // The examples and the files written to compile (fmt and diff fixtures; the check fixtures are
    // mostly broken on purpose).
    for dir in ["examples", "tests/fixtures/fmt", "tests/fixtures/diff"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "bdl") {
                files.push(p);
            }
        }
    }
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// One to three mutations of `src`.
fn mutate(src: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = src.to_vec();
    for _ in 0..1 + rng.below(2) {
        let at = rng.below(out.len() + 1);
        match rng.below(9) {
            0 => {
                let n = 1 + rng.below(8);
                let end = (at + n).min(out.len());
                out.drain(at..end);
            }
            1..=3 => {
                let t = HOSTILE[rng.below(HOSTILE.len())].as_bytes();
                out.splice(at..at, t.iter().copied());
            }
            4 => out.truncate(at),
            5 => out.insert(at, [0xFF, 0xC3, 0x80, 0xE4][rng.below(4)]),
            6 | 7 => {
                // Duplicate, delete or swap whole lines.
                let mut lines: Vec<Vec<u8>> =
                    out.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
                let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
                match rng.below(3) {
                    0 => {
                        let l = lines[i].clone();
                        lines.insert(j, l);
                    }
                    1 => {
                        lines.remove(i);
                    }
                    _ => lines.swap(i, j),
                }
                out = lines.join(&b'\n');
            }
            _ => {
                // Change a digit.
                if let Some(p) = (0..out.len())
                    .map(|k| (at + k) % out.len().max(1))
                    .find(|&p| out.get(p).is_some_and(u8::is_ascii_digit))
                {
                    out[p] = b'0' + rng.below(10) as u8;
                }
            }
        }
    }
    // Now and then the whole file as another office's editor saved it: GBK, UTF-16 with its mark, CR
    // line ends (old Mac), CRLF. The reports must name the encoding and never print a control
    // character raw; a file with other line ends is read, and `fmt` writes it with LF.
    if rng.below(8) == 0
        && let Ok(text) = String::from_utf8(out.clone())
    {
        out = match rng.below(4) {
            0 => encoding_rs::GBK.encode(&text).0.into_owned(),
            1 => {
                let mut utf16 = vec![0xFF, 0xFE];
                utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                utf16
            }
            2 => text.replace('\n', "\r").into_bytes(),
            _ => text.replace('\n', "\r\n").into_bytes(),
        };
    }
    out
}

/// Whether a CR stands inside a quoted text or a comment (there it is the text's, and fmt keeps it):
/// a rough line-by-line reading is enough, since only the file's line ends must be LF.
fn contains_cr_in_text(src: &[u8]) -> bool {
    src.split(|b| *b == b'\n').any(|line| {
        let cr = line.iter().position(|b| *b == b'\r');
        let open = line.iter().position(|b| *b == b'"' || *b == b'#');
        matches!((cr, open), (Some(c), Some(o)) if o < c && c + 1 < line.len())
    })
}

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs bdl, killing it after [`LIMIT`] (a hang is reported as exit `None`).
fn bdl(args: &[&str], cwd: &Path) -> Run {
    // `BDL_BIN` runs the campaign against another build (a copy kept while the tree changes).
    let bin = std::env::var_os("BDL_BIN").map_or_else(|| PathBuf::from(BIN), PathBuf::from);
    let mut child = Command::new(bin)
        .args(args)
        .current_dir(cwd)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).unwrap();
        v
    });
    let mut stderr = Vec::new();
    std::io::Read::read_to_end(&mut err, &mut stderr).unwrap();
    let started = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    Run {
        code,
        stdout: reader.join().unwrap(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

#[derive(Default)]
struct Figures {
    inputs: usize,
    runs: usize,
    /// Per command, exit code → count (`-` for a hang).
    exits: BTreeMap<String, BTreeMap<String, usize>>,
    panics: usize,
    violations: Vec<String>,
    compiled: usize,
    formatted: usize,
}

impl Figures {
    fn exit(&mut self, command: &str, run: &Run) {
        self.runs += 1;
        let code = run.code.map_or("hang".to_string(), |c| c.to_string());
        *self
            .exits
            .entry(command.to_string())
            .or_default()
            .entry(code)
            .or_default() += 1;
        if run.code == Some(101) || run.stderr.contains("panicked") {
            self.panics += 1;
        }
    }
}

fn raw_control(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && !matches!(c, '\n' | '\t'))
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

/// The codes of `check --format json`, sorted, and the error count.
fn codes(run: &Run) -> Option<(Vec<String>, u64)> {
    let doc: serde_json::Value = serde_json::from_slice(&run.stdout).ok()?;
    let mut codes: Vec<String> = doc["diagnostics"]
        .as_array()?
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    codes.sort();
    Some((codes, doc["errors"].as_u64()?))
}

fn one(input: &[u8], n: usize, figures: &Mutex<Figures>) {
    let dir = tempfile::tempdir().unwrap();
    let cwd = dir.path();
    std::fs::write(cwd.join("in.bdl"), input).unwrap();
    let mut v: Vec<String> = Vec::new();
    let mut runs: Vec<(String, Run)> = Vec::new();

    let human = bdl(&["check", "in.bdl"], cwd);
    let short = bdl(&["check", "in.bdl", "--format", "short"], cwd);
    let json = bdl(&["check", "in.bdl", "--format", "json"], cwd);
    let ok = human.code == Some(0);
    for (name, r) in [
        ("check", &human),
        ("check --format short", &short),
        ("check --format json", &json),
    ] {
        if !matches!(r.code, Some(0 | 1)) {
            v.push(format!("#{n} {name}: exit {:?}: {}", r.code, r.stderr));
        }
        if r.code != human.code {
            v.push(format!(
                "#{n} {name}: exit {:?}, human {:?}",
                r.code, human.code
            ));
        }
    }
    let shown = format!("{}{}", human.stderr, String::from_utf8_lossy(&short.stdout));
    if raw_control(&shown) {
        let found: String = shown
            .chars()
            .filter(|c| raw_control(&c.to_string()))
            .collect();
        v.push(format!(
            "#{n} check: a raw control character in a report: {found:?}"
        ));
        if let Some(keep) = std::env::var_os("BDL_MUTATIONS_KEEP") {
            let _ = std::fs::write(Path::new(&keep).join(format!("{n}.bdl")), input);
        }
    }
    match codes(&json) {
        None => v.push(format!("#{n} check --format json: not one JSON document")),
        Some((codes, errors)) => {
            if codes.iter().any(|c| !(c.len() == 5 && c.starts_with('B'))) {
                v.push(format!(
                    "#{n} check: a diagnostic without a code: {codes:?}"
                ));
            }
            if (errors > 0) == ok {
                v.push(format!(
                    "#{n} check: exit {:?} with {errors} errors",
                    human.code
                ));
            }
        }
    }

    for format in ["md", "json", "html", "xlsx"] {
        let out = format!("out.{format}");
        let r = bdl(&["build", "in.bdl", "--format", format, "-o", &out], cwd);
        let written = std::fs::read(cwd.join(&out)).ok();
        if r.code != human.code {
            v.push(format!(
                "#{n} build {format}: exit {:?}, check {:?}: {}",
                r.code, human.code, r.stderr
            ));
        }
        match (r.code, &written) {
            (Some(0), None) => v.push(format!("#{n} build {format}: exit 0, nothing written")),
            (Some(c), Some(_)) if c != 0 => {
                v.push(format!("#{n} build {format}: failed, but wrote"))
            }
            (Some(0), Some(bytes)) => {
                let valid = match format {
                    "json" => serde_json::from_slice::<serde_json::Value>(bytes).is_ok(),
                    "xlsx" => bytes.starts_with(b"PK"),
                    _ => std::str::from_utf8(bytes).is_ok_and(|s| !raw_control(s)),
                };
                if !valid {
                    v.push(format!("#{n} build {format}: malformed output"));
                }
            }
            _ => {}
        }
        runs.push((format!("build --format {format}"), r));
    }

    let before = std::fs::read(cwd.join("in.bdl")).unwrap();
    let fmt = bdl(&["fmt", "in.bdl"], cwd);
    let after = std::fs::read(cwd.join("in.bdl")).unwrap();
    let mut formatted = false;
    match fmt.code {
        Some(0) => {
            formatted = true;
            // What fmt leaves is canonical text: UTF-8 without a mark, LF line ends, a final newline.
            if after != before
                && (std::str::from_utf8(&after).is_err()
                    || after.starts_with(&[0xEF, 0xBB, 0xBF])
                    || after.contains(&b'\r')
                    || !after.ends_with(b"\n"))
            {
                v.push(format!("#{n} fmt: wrote a file that is not canonical text"));
            }
            if after == before && before.contains(&b'\r') && !contains_cr_in_text(&before) {
                v.push(format!("#{n} fmt: left CR line ends in place"));
            }
            let again = bdl(&["fmt", "--check", "in.bdl"], cwd);
            if again.code != Some(0) {
                v.push(format!("#{n} fmt: formatting again changes the file"));
            }
            let recheck = bdl(&["check", "in.bdl", "--format", "json"], cwd);
            if recheck.code != json.code || codes(&recheck) != codes(&json) {
                v.push(format!(
                    "#{n} fmt: check after fmt differs: {:?} → {:?}",
                    codes(&json),
                    codes(&recheck)
                ));
            }
            runs.push(("fmt --check (after fmt)".to_string(), again));
        }
        Some(1) if after != before => v.push(format!("#{n} fmt: failed, but changed the file")),
        Some(1) => {}
        other => v.push(format!("#{n} fmt: exit {other:?}: {}", fmt.stderr)),
    }
    runs.push(("fmt".to_string(), fmt));

    let mut f = figures.lock().unwrap();
    f.inputs += 1;
    f.compiled += usize::from(ok);
    f.formatted += usize::from(formatted);
    for (name, r) in [
        ("check", &human),
        ("check --format short", &short),
        ("check --format json", &json),
    ] {
        f.exit(name, r);
    }
    for (name, r) in &runs {
        f.exit(name, r);
    }
    f.violations.extend(v);
}

fn campaign(inputs: usize) {
    let seeds = seeds();
    let mut rng = Rng(SEED);
    let mutated: Vec<Vec<u8>> = (0..inputs)
        .map(|i| mutate(&seeds[i % seeds.len()], &mut rng))
        .collect();
    let figures = Mutex::new(Figures::default());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(input) = mutated.get(i) else { break };
                    one(input, i, &figures);
                }
            });
        }
    });
    let f = figures.into_inner().unwrap();
    eprintln!(
        "mutation campaign: {} inputs from {} seed files, {} runs in {:.0} s; {} compiled without errors, {} formatted",
        f.inputs,
        seeds.len(),
        f.runs,
        started.elapsed().as_secs_f64(),
        f.compiled,
        f.formatted
    );
    for (command, exits) in &f.exits {
        eprintln!("  {command:<28} {exits:?}");
    }
    eprintln!(
        "  panics: {}, invariant violations: {}",
        f.panics,
        f.violations.len()
    );
    for v in f.violations.iter().take(20) {
        eprintln!("  {v}");
    }
    assert_eq!(f.inputs, inputs);
    assert_eq!(f.panics, 0, "a command panicked");
    assert!(
        f.violations.is_empty(),
        "{} invariant violations",
        f.violations.len()
    );
    // The campaign must reach both sides of every command, or it tests nothing.
    assert!(
        f.compiled > 0 && f.compiled < f.inputs,
        "{} of {} compiled",
        f.compiled,
        f.inputs
    );
}

#[test]
fn mutation_campaign_sample() {
    let n = std::env::var("BDL_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    campaign(n);
}

#[test]
#[ignore = "the full campaign, 3,000 inputs: cargo test --release --test mutation_campaign -- --ignored --nocapture"]
fn mutation_campaign_full() {
    campaign(3000);
}
