//! The HTML page in a real browser: headless Chromium lays it out, a measuring script (added to a copy
//! of the page in a temp dir, never to the page itself) reports every table, row and cell with its
//! box, and the test compares them with the layout model. The page is also printed to PDF (one table
//! per page, the wide one landscape) and photographed, one PNG per table.
//!
//! Without `chromium` on the PATH (`.ci/install-chromium` installs it) the tests are reported as
//! ignored, with the reason; when the `CI` variable is set they run and fail instead, so CI never
//! passes without them (build.rs decides, from the PATH and `CI` at build time).
//! `BDL_UPDATE_SCREENSHOTS=1 cargo test --test html_in_browser` writes the PNGs to docs/screenshots.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::emit::html;
use bdl::emit::layout::{CellKind, Table, tables};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXAMPLE: &str = "examples/shifeng-xinfang-2021.bdl";
/// Pixels of slack for borders shared between cells.
const SLACK: f64 = 2.0;

fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Chromium; a test that gets here without it fails (it is ignored instead where build.rs found none
/// and `CI` is not set).
fn chromium() -> Option<PathBuf> {
    // BDL_CHROMIUM names it, as build.rs reads it (and only Chromium: pdfinfo is looked up on PATH).
    let found = std::env::var_os("BDL_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| find_on_path("chromium"));
    assert!(
        found.is_some(),
        "chromium is not installed, and CI is set: run .ci/install-chromium (or set BDL_CHROMIUM)"
    );
    found
}

/// Runs a program to its end, or kills it after `limit`.
fn run(program: &Path, args: &[String], limit: Duration) -> (bool, String) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    let started = Instant::now();
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut out) = stdout {
            use std::io::Read;
            let _ = out.read_to_string(&mut s);
        }
        s
    });
    let ok = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.success(),
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{} took longer than {limit:?}", program.display());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => panic!("waiting for {}: {e}", program.display()),
        }
    };
    (ok, reader.join().unwrap_or_default())
}

/// Chromium, headless as this machine needs it, with a fresh profile each run.
fn chromium_args(profile: &Path, extra: &[String]) -> Vec<String> {
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    args.extend_from_slice(extra);
    args
}

fn file_url(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn example() -> (Vec<Table>, String) {
    let compiled = bdl::compile_bytes(EXAMPLE, &std::fs::read(EXAMPLE).expect("the example"));
    let decl = compiled.declaration.expect("a declaration");
    (tables(&decl), html::render(&decl))
}

/// Reports the page's layout as JSON in a `<pre>`; JSON escapes keep `&`, `<`, `>` out of the dump.
const MEASURE: &str = r#"
<script>
(function () {
  function box(el) { var r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }
  function measure() {
    var out = {sections: []};
    document.querySelectorAll('section.sheet').forEach(function (s) {
      var cs = getComputedStyle(s), sb = box(s);
      var table = s.querySelector('table');
      var rows = [];
      Array.prototype.forEach.call(table.rows, function (tr) {
        var cells = [];
        Array.prototype.forEach.call(tr.cells, function (c) {
          cells.push({tag: c.tagName.toLowerCase(), text: c.innerText, rowspan: c.rowSpan,
                      colspan: c.colSpan, box: box(c), scroll_width: c.scrollWidth,
                      client_width: c.clientWidth, in_head: c.parentElement.parentElement.tagName === 'THEAD'});
        });
        rows.push({box: box(tr), cells: cells});
      });
      var att = s.querySelector('.attachment'), left = s.querySelector('.captions .left'),
          right = s.querySelector('.captions .right');
      out.sections.push({
        id: s.id, kind: s.dataset.kind, landscape: s.classList.contains('landscape'),
        attachment: att ? att.innerText : null, title: s.querySelector('h1').innerText,
        caption_left: left ? left.innerText : null, caption_right: right ? right.innerText : null,
        box: sb, content_left: sb.left + parseFloat(cs.paddingLeft),
        content_right: sb.right - parseFloat(cs.paddingRight),
        table: box(table), table_scroll_width: table.scrollWidth, rows: rows,
        font: getComputedStyle(table).fontFamily
      });
    });
    var pre = document.createElement('pre');
    pre.id = 'bdl-measure';
    pre.textContent = JSON.stringify(out).replace(/&/g, '\\u0026').replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
    document.body.appendChild(pre);
  }
  window.addEventListener('load', function () { document.fonts.ready.then(measure); });
})();
</script>
"#;

fn measure(chromium: &Path, page: &str, dir: &Path) -> Value {
    let at = page.rfind("</body>").expect("the page ends its body");
    let harness = format!("{}{MEASURE}{}", &page[..at], &page[at..]);
    let path = dir.join("harness.html");
    std::fs::write(&path, harness).expect("write the harness");
    let profile = tempfile::tempdir().expect("a profile dir");
    let args = chromium_args(
        profile.path(),
        &[
            "--window-size=1400,1000".to_string(),
            "--virtual-time-budget=10000".to_string(),
            "--dump-dom".to_string(),
            file_url(&path),
        ],
    );
    let (ok, dom) = run(chromium, &args, Duration::from_secs(120));
    assert!(ok, "chromium --dump-dom failed");
    let start = dom
        .find("<pre id=\"bdl-measure\">")
        .expect("the measuring script ran")
        + "<pre id=\"bdl-measure\">".len();
    let end = start + dom[start..].find("</pre>").expect("the end of the report");
    serde_json::from_str(&dom[start..end]).expect("the report is JSON")
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(|l| l.trim().to_string()).collect()
}

#[test]
#[cfg_attr(
    bdl_without_chromium,
    ignore = "Chromium is not installed: run .ci/install-chromium, then cargo test --test html_in_browser"
)]
fn every_table_is_laid_out_as_the_model_says() {
    let Some(chromium) = chromium() else { return };
    let (layout, page) = example();
    laid_out(&chromium, &layout, &page, true);
}

/// The Ministry's forms (docs/forms.md): wide tables with split value columns, a 项目资金 block with
/// 项目总预算, a 测算明细 tree, measured the same way (the screenshots stay the seed's).
#[test]
#[cfg_attr(
    bdl_without_chromium,
    ignore = "Chromium is not installed: run .ci/install-chromium, then cargo test --test html_in_browser"
)]
fn the_ministry_forms_are_laid_out_as_the_model_says() {
    let Some(chromium) = chromium() else { return };
    for path in [
        "examples/mof-project-scores-2025.bdl",
        "examples/mof-department-tasks-2025.bdl",
        "examples/mof-project-tree-2025.bdl",
        "examples/mof-project-prior-years-2025.bdl",
    ] {
        let compiled = bdl::compile_bytes(path, &std::fs::read(path).expect("the example"));
        let decl = compiled.declaration.expect("a declaration");
        laid_out(&chromium, &tables(&decl), &html::render(&decl), false);
    }
}

/// Measures the page in Chromium and compares every table with its layout; `shots` also takes the
/// screenshots of docs/html-and-xlsx.md.
fn laid_out(chromium: &Path, layout: &[Table], page: &str, shots: bool) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let report = measure(chromium, page, dir.path());
    let sections = report["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), layout.len(), "every table present");

    for (t, s) in layout.iter().zip(sections) {
        let id = s["id"].as_str().unwrap_or("?");
        assert_eq!(s["title"], t.title.as_str(), "{id}");
        assert_eq!(s["attachment"].as_str(), t.attachment.as_deref(), "{id}");
        assert_eq!(
            s["caption_left"].as_str(),
            t.caption_left.as_deref(),
            "{id}"
        );
        assert_eq!(
            s["caption_right"].as_str(),
            t.caption_right.as_deref(),
            "{id}"
        );
        assert_eq!(s["landscape"], t.landscape, "{id}");
        assert!(
            s["font"]
                .as_str()
                .unwrap_or("")
                .contains("Noto Serif CJK SC"),
            "{id}: the serif stack"
        );

        // Nothing wider than the sheet's printable width.
        let (left, right) = (num(&s["content_left"]), num(&s["content_right"]));
        assert!(
            num(&s["table"]["left"]) >= left - SLACK,
            "{id}: table inside on the left"
        );
        assert!(
            num(&s["table"]["right"]) <= right + SLACK,
            "{id}: table inside on the right"
        );
        assert!(
            num(&s["table_scroll_width"]) <= right - left + SLACK,
            "{id}: nothing overflows the table"
        );

        let rows = s["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), t.rows.len(), "{id}: rows");
        // Column edges, from the cells that sit in one column.
        let mut col_left = vec![None; t.columns];
        let mut col_right = vec![None; t.columns];
        for (want, got) in t.rows.iter().zip(rows) {
            let mut cells: Vec<_> = want.cells.iter().collect();
            cells.sort_by_key(|c| c.col);
            let got = got["cells"].as_array().expect("cells");
            assert_eq!(got.len(), cells.len(), "{id}: cells in a row");
            for (c, g) in cells.iter().zip(got) {
                if c.colspan == 1 {
                    col_left[c.col] = Some(num(&g["box"]["left"]));
                    col_right[c.col] = Some(num(&g["box"]["right"]));
                }
            }
        }
        for (r, (want, got)) in t.rows.iter().zip(rows).enumerate() {
            let mut cells: Vec<_> = want.cells.iter().collect();
            cells.sort_by_key(|c| c.col);
            for (c, g) in cells.iter().zip(got["cells"].as_array().expect("cells")) {
                let at = format!("{id} row {r} col {}", c.col);
                assert_eq!(
                    lines(g["text"].as_str().unwrap_or("")),
                    lines(&c.text),
                    "{at}"
                );
                let tag = if c.kind == CellKind::Label {
                    "th"
                } else {
                    "td"
                };
                assert_eq!(g["tag"], tag, "{at}");
                assert_eq!(g["rowspan"], c.rowspan, "{at}");
                assert_eq!(g["colspan"], c.colspan, "{at}");
                assert_eq!(
                    g["in_head"],
                    r < t.header_rows,
                    "{at}: header rows in <thead>"
                );
                // A merged cell covers exactly the rows and columns it spans.
                let last = &rows[r + c.rowspan - 1];
                let b = &g["box"];
                assert!(
                    (num(&b["top"]) - num(&rows[r]["box"]["top"])).abs() <= SLACK,
                    "{at} top"
                );
                assert!(
                    (num(&b["bottom"]) - num(&last["box"]["bottom"])).abs() <= SLACK,
                    "{at}: spans {} rows",
                    c.rowspan
                );
                if let Some(l) = col_left[c.col] {
                    assert!((num(&b["left"]) - l).abs() <= SLACK, "{at} left");
                }
                if let Some(rt) = col_right[c.col + c.colspan - 1] {
                    assert!(
                        (num(&b["right"]) - rt).abs() <= SLACK,
                        "{at}: spans {} columns",
                        c.colspan
                    );
                }
                assert!(
                    num(&g["scroll_width"]) <= num(&g["client_width"]) + SLACK,
                    "{at}: text overflows its cell"
                );
            }
        }
    }

    if shots {
        screenshots(chromium, layout, sections, dir.path());
    }
}

/// One PNG per table: a page holding that table alone, in a window the size of its sheet.
fn screenshots(chromium: &Path, layout: &[Table], sections: &[Value], dir: &Path) {
    let update = std::env::var_os("BDL_UPDATE_SCREENSHOTS").is_some();
    let docs = Path::new("docs/screenshots");
    if update {
        std::fs::create_dir_all(docs).expect("docs/screenshots");
    }
    for (i, (t, s)) in layout.iter().zip(sections).enumerate() {
        let name = format!("{:02}-{}.png", i + 1, s["kind"].as_str().unwrap_or("table"));
        let page = dir.join(format!("table-{}.html", i + 1));
        std::fs::write(&page, html::render_tables(std::slice::from_ref(t))).expect("write");
        let sheet = &s["box"];
        let width = (num(&sheet["right"]) - num(&sheet["left"])).ceil() as u32;
        // The grey margin above the sheet (the body's padding, where the first sheet starts), the
        // sheet, the same margin below.
        let margin = num(&sections[0]["box"]["top"]);
        let height = (margin + num(&sheet["bottom"]) - num(&sheet["top"]) + margin).ceil() as u32;
        let png = dir.join(&name);
        let profile = tempfile::tempdir().expect("a profile dir");
        let args = chromium_args(
            profile.path(),
            &[
                format!("--window-size={width},{height}"),
                format!("--screenshot={}", png.display()),
                "--virtual-time-budget=5000".to_string(),
                file_url(&page),
            ],
        );
        let (ok, _) = run(chromium, &args, Duration::from_secs(120));
        assert!(ok, "chromium --screenshot failed for {name}");
        let bytes = std::fs::read(&png).expect("the screenshot");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{name} is a PNG");
        let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
        assert_eq!((w, h), (width, height), "{name}: the window's size");
        if update {
            std::fs::copy(&png, docs.join(&name)).expect("copy to docs/screenshots");
        }
    }
}

#[test]
#[cfg_attr(
    bdl_without_chromium,
    ignore = "Chromium is not installed: run .ci/install-chromium, then cargo test --test html_in_browser"
)]
fn prints_one_table_per_a4_page_the_wide_one_landscape() {
    let Some(chromium) = chromium() else { return };
    let (Some(pdfinfo), Some(pdftotext)) = (find_on_path("pdfinfo"), find_on_path("pdftotext"))
    else {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v.is_empty()),
            "pdfinfo/pdftotext (poppler-utils) are not installed, and CI is set: run .ci/install-chromium"
        );
        eprintln!("SKIPPED: pdfinfo/pdftotext (poppler-utils) are not installed");
        return;
    };
    let (layout, page) = example();
    let dir = tempfile::tempdir().expect("a temp dir");
    let html_path = dir.path().join("tables.html");
    std::fs::write(&html_path, &page).expect("write");
    let pdf = dir.path().join("tables.pdf");
    let profile = tempfile::tempdir().expect("a profile dir");
    let args = chromium_args(
        profile.path(),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_string(),
            "--virtual-time-budget=5000".to_string(),
            file_url(&html_path),
        ],
    );
    let (ok, _) = run(&chromium, &args, Duration::from_secs(120));
    assert!(ok, "chromium --print-to-pdf failed");

    let pdf_arg = pdf.display().to_string();
    let (ok, info) = run(
        &pdfinfo,
        &[
            "-f".into(),
            "1".into(),
            "-l".into(),
            "999".into(),
            pdf_arg.clone(),
        ],
        Duration::from_secs(30),
    );
    assert!(ok, "pdfinfo failed");
    // "Page    3 size:  841.92 x 594.96 pts (A4)"
    let sizes: Vec<(f64, f64)> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            assert!(l.contains("(A4)"), "an A4 page: {l}");
            let dims: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse::<f64>().ok())
                .collect();
            (dims[1], dims[2])
        })
        .collect();
    assert!(
        sizes.len() >= layout.len(),
        "at least a page per table: {info}"
    );

    // Each table starts on a page of its own, after the one before; its page is landscape if the
    // table is.
    let mut last_page = 0;
    for t in &layout {
        let title: String = t.title.split_whitespace().collect();
        let found = (last_page + 1..=sizes.len()).find(|p| {
            let (ok, text) = run(
                &pdftotext,
                &[
                    "-f".into(),
                    p.to_string(),
                    "-l".into(),
                    p.to_string(),
                    pdf_arg.clone(),
                    "-".into(),
                ],
                Duration::from_secs(30),
            );
            ok && text.split_whitespace().collect::<String>().contains(&title)
        });
        let Some(p) = found else {
            panic!("{} not found after page {last_page}", t.title)
        };
        let (w, h) = sizes[p - 1];
        assert_eq!(w > h, t.landscape, "{} on page {p}: orientation", t.title);
        last_page = p;
    }
}

/// Every test of the browser test files is ignored, with the reason, where build.rs found no browser
/// (and `CI` is unset), so that one forgotten attribute cannot turn "no Chromium here" into a failure —
/// except this one, which reads the files and needs no browser.
#[test]
fn every_browser_test_is_ignored_without_a_browser() {
    for file in ["tests/html_in_browser.rs", "tests/serve_in_browser.rs"] {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut tests = 0;
        for (i, line) in lines.iter().enumerate() {
            if line.trim() != "#[test]" {
                continue;
            }
            let attributes: String = lines[i + 1..]
                .iter()
                .take_while(|l| !l.trim_start().starts_with("fn "))
                .copied()
                .collect::<Vec<_>>()
                .join("\n");
            let name = lines[i + 1..]
                .iter()
                .find(|l| l.trim_start().starts_with("fn "))
                .unwrap();
            if name.contains("every_browser_test_is_ignored_without_a_browser") {
                continue;
            }
            tests += 1;
            assert!(
                attributes.contains("cfg_attr(")
                    && attributes.contains("bdl_without_chromium")
                    && attributes.contains("ignore = \""),
                "{file}: `{}` lacks #[cfg_attr(bdl_without_chromium, ignore = \"…\")]",
                name.trim()
            );
        }
        assert!(tests > 0, "{file} has browser tests");
    }
}
