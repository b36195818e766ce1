//! `bdl serve` in a real browser: headless Chromium, driven over WebDriver (chromedriver) by a small
//! client in this file, against a running `bdl serve` on 127.0.0.1. The scenarios: open a declaration
//! and see its tables; type a mistake and see the diagnostic appear in place; fix it, save, and see
//! the table update; change the file on disk meanwhile and see the save refused; open the review of two
//! years; completion offers the framework's categories. The time from a keystroke to the diagnostics
//! and the preview in the page is measured and printed (not asserted). Screenshots of each page are taken; `BDL_UPDATE_SCREENSHOTS=1` writes them
//! to docs/screenshots/.
//!
//! Without Chromium and chromedriver (`.ci/install-chromium` installs them) the test is reported as
//! ignored, with the reason; when the `CI` variable is set it runs and fails instead (build.rs decides,
//! from the PATH and `CI` at build time, as for tests/html_in_browser.rs).

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SEED_2021: &str = "石峰区信访局/shifeng-xinfang-2021.bdl";
const SEED_2022: &str = "石峰区信访局/shifeng-xinfang-2022.bdl";
const EVALUATION_2025: &str = "示范县交通运输局/mof-project-self-evaluation-2025.bdl";

fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Chromium and chromedriver; a test that gets here without them fails (it is ignored instead where
/// build.rs found none and `CI` is not set).
fn browser() -> Option<(PathBuf, PathBuf)> {
    let chromium = std::env::var_os("BDL_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| find_on_path("chromium"));
    let driver = std::env::var_os("BDL_CHROMEDRIVER")
        .map(PathBuf::from)
        .or_else(|| find_on_path("chromedriver"));
    assert!(
        chromium.is_some() && driver.is_some(),
        "chromium or chromedriver is not installed, and CI is set: run .ci/install-chromium"
    );
    chromium.zip(driver)
}

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

// ── A small WebDriver client: JSON over HTTP/1.0 on the loopback ─────────────────────────────────

struct Driver {
    addr: String,
    session: String,
}

fn http(addr: &str, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // chromedriver keeps the socket open: read the head, then exactly Content-Length bytes.
    let mut reader = BufReader::new(s);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap();
        }
    }
    let mut json = vec![0; length];
    reader.read_exact(&mut json).unwrap();
    serde_json::from_slice(&json)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&json)))
}

impl Driver {
    fn start(chromium: &Path, port: u16, profile: &Path) -> Driver {
        let addr = format!("127.0.0.1:{port}");
        let started = Instant::now();
        while TcpStream::connect(&addr).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--window-size=1400,1000",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([format!("--user-data-dir={}", profile.display())])
        .collect::<Vec<_>>();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "unhandledPromptBehavior": "accept",
            "goog:chromeOptions": {"binary": chromium, "args": args},
        }}});
        let v = http(&addr, "POST", "/session", Some(&caps));
        let session = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        Driver { addr, session }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let v = http(
            &self.addr,
            method,
            &format!("/session/{}{path}", self.session),
            body.as_ref(),
        );
        if v["value"].get("error").is_some() {
            panic!("WebDriver {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({"url": url})));
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Waits until `script` returns something truthy; gives that.
    fn wait_for(&self, what: &str, script: &str) -> Value {
        let started = Instant::now();
        loop {
            let v = self.js(script);
            if !(v.is_null() || v == false || v == "" || v == 0) {
                return v;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn element(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let e = self.element(css);
        self.cmd("POST", &format!("/element/{e}/click"), Some(json!({})));
    }

    /// Real keystrokes into an element (the editor's content).
    fn type_keys(&self, css: &str, text: &str) {
        let e = self.element(css);
        self.cmd(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({"text": text})),
        );
    }

    fn screenshot(&self, name: &str, dir: &Path) {
        let v = self.cmd("GET", "/screenshot", None);
        let png = base64(v.as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"));
        std::fs::write(dir.join(name), png).unwrap();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(|| {
            http(
                &self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            )
        });
    }
}

fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

// ── The scenarios ────────────────────────────────────────────────────────────────────────────────

fn copy(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir(&target).unwrap();
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn enc(p: &str) -> String {
    bdl::serve::http::percent_encode(p, true)
}

/// The offset (UTF-16, as the editor counts) of `needle` in the editor's text, plus `after`.
fn offset_in_editor(d: &Driver, needle: &str, after: usize) -> u64 {
    let script = format!(
        "return window.bdlEditor.view.state.doc.toString().indexOf({})",
        json!(needle)
    );
    let at = d.js(&script).as_i64().unwrap();
    assert!(at >= 0, "{needle} not in the editor");
    at as u64 + after as u64
}

fn put_cursor(d: &Driver, at: u64) {
    d.js(&format!(
        "window.bdlEditor.view.dispatch({{selection: {{anchor: {at}}}}}); window.bdlEditor.view.focus(); return true"
    ));
}

/// Waits for the check after the last keystroke; gives the timing the page recorded for it.
fn wait_checked(d: &Driver, before: u64) -> Value {
    d.wait_for(
        "the check",
        &format!("return Number(document.body.dataset.checked || 0) > {before} && window.bdlTimings.length > 0 && !window.bdlTimingsPending"),
    );
    d.js("return window.bdlTimings[window.bdlTimings.length - 1]")
}

fn checked_count(d: &Driver) -> u64 {
    d.js("return Number(document.body.dataset.checked || 0)")
        .as_u64()
        .unwrap()
}

#[test]
#[cfg_attr(
    any(bdl_without_chromium, bdl_without_chromedriver),
    ignore = "Chromium or chromedriver is not installed: run .ci/install-chromium, then cargo test --test serve_in_browser"
)]
fn the_office_writes_checks_saves_and_reviews_in_a_browser() {
    let Some((chromium, chromedriver)) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    copy(Path::new("tests/fixtures/serve"), dir.path());
    let scratch = tempfile::tempdir().unwrap();
    let shots = if std::env::var_os("BDL_UPDATE_SCREENSHOTS").is_some() {
        PathBuf::from("docs/screenshots")
    } else {
        scratch.path().to_path_buf()
    };

    // bdl serve on a free port; it prints the address to open.
    let mut server = Command::new(env!("CARGO_BIN_EXE_bdl"))
        .args(["serve", "--port", "0"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _server = Running(server);
    let base = line.trim().trim_end_matches('/').to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");

    let port = free_port();
    let _driver_process = Running(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let profile = tempfile::tempdir().unwrap();
    let d = Driver::start(&chromium, port, profile.path());

    // The folder.
    d.goto(&format!("{base}/"));
    d.wait_for(
        "the folder",
        "return document.querySelector('table.list') !== null",
    );
    let totals = d
        .js("return document.body.innerText")
        .as_str()
        .unwrap()
        .to_string();
    assert!(totals.contains("173.4271") && totals.contains("188.0651"));
    assert!(
        totals.contains("自评得分") && totals.contains("89.50"),
        "the self-evaluations' scores"
    );
    d.screenshot("serve-folder.png", &shots);

    // A Ministry project form with its year-end self-evaluation: both tables in the frame.
    d.goto(&format!("{base}/view/{}", enc(EVALUATION_2025)));
    let titles = d.wait_for(
        "the self-evaluation's tables",
        "var f = document.querySelector('iframe.tables'); var doc = f && f.contentDocument; \
         var s = doc ? doc.querySelectorAll('section.sheet h1') : []; \
         return s.length === 2 ? Array.prototype.map.call(s, function (h) { return h.innerText; }) : null",
    );
    assert!(
        titles[1].as_str().unwrap().contains("项目支出绩效自评表"),
        "{titles}"
    );
    // The picture shows the self-evaluation table (the second sheet).
    d.js("document.querySelector('iframe.tables').contentDocument \
         .querySelectorAll('section.sheet')[1].scrollIntoView(); return true");
    d.screenshot("serve-self-evaluation.png", &shots);

    // 1. Open a declaration and see its tables.
    d.goto(&format!("{base}/view/{}", enc(SEED_2021)));
    let titles = d.wait_for(
        "the tables in their frame",
        "var f = document.querySelector('iframe.tables'); var doc = f && f.contentDocument; \
         var s = doc ? doc.querySelectorAll('section.sheet h1') : []; \
         return s.length === 4 ? Array.prototype.map.call(s, function (h) { return h.innerText; }) : null",
    );
    assert!(
        titles[0]
            .as_str()
            .unwrap()
            .contains("部门整体支出绩效目标表"),
        "{titles}"
    );
    d.screenshot("serve-declaration.png", &shots);

    // 2. Type a mistake and see the diagnostic appear in place.
    d.goto(&format!("{base}/edit/{}", enc(SEED_2021)));
    d.wait_for(
        "the editor",
        "return window.bdlEditor && document.body.dataset.checked",
    );
    let checked = checked_count(&d);
    let end_of_people = offset_in_editor(&d, "people 50 rate 612", "people 50".chars().count());
    put_cursor(&d, end_of_people);
    d.type_keys(".cm-content", " peple");
    wait_checked(&d, checked);
    let in_place = d.wait_for(
        "the diagnostic in place",
        "var r = document.querySelector('.cm-lintRange-error'); return r ? r.innerText || 'mark' : null",
    );
    let listed = d
        .js("return document.getElementById('bdl-diagnostics').innerText")
        .to_string();
    assert!(listed.contains("B1"), "{listed}");
    assert!(
        !d.js("return document.getElementById('bdl-preview-note').hidden")
            .as_bool()
            .unwrap()
    );
    d.screenshot("serve-editor-mistake.png", &shots);
    eprintln!("diagnostic in place under {in_place}");

    // 3. Fix it (six backspaces), reword an indicator, save, see the table update.
    let checked = checked_count(&d);
    d.type_keys(".cm-content", &"\u{E003}".repeat(6));
    wait_checked(&d, checked);
    d.wait_for(
        "no error left",
        "return document.querySelector('.cm-lintRange-error') === null",
    );
    let after_name = offset_in_editor(
        &d,
        "79农村籍退役参战人员",
        "79农村籍退役参战人员".chars().count(),
    );
    put_cursor(&d, after_name);
    let checked = checked_count(&d);
    d.type_keys(".cm-content", "（已复核）");
    wait_checked(&d, checked);
    let preview = d.wait_for(
        "the preview with the new words",
        "var doc = document.getElementById('bdl-preview').contentDocument; \
         return doc && doc.body && doc.body.innerText.indexOf('参战人员（已复核）') >= 0 ? doc.body.innerText : null",
    );
    assert!(
        preview
            .as_str()
            .unwrap()
            .contains("社区（村）治安巡逻防控费")
    );
    d.click("#bdl-save");
    d.wait_for("the save", "return document.body.dataset.saved");
    let on_disk = std::fs::read_to_string(dir.path().join(SEED_2021)).unwrap();
    assert!(on_disk.contains("79农村籍退役参战人员（已复核）"));
    d.screenshot("serve-editor.png", &shots);
    d.goto(&format!("{base}/view/{}", enc(SEED_2021)));
    d.wait_for(
        "the saved table",
        "var f = document.querySelector('iframe.tables'); var doc = f && f.contentDocument; \
         return doc && doc.body && doc.body.innerText.indexOf('参战人员（已复核）') >= 0",
    );

    // Timings: single keystrokes in a comment at the end, each checked and previewed.
    d.goto(&format!("{base}/edit/{}", enc(SEED_2021)));
    d.wait_for(
        "the editor",
        "return window.bdlEditor && document.body.dataset.checked",
    );
    let end = d
        .js("return window.bdlEditor.view.state.doc.length")
        .as_u64()
        .unwrap();
    put_cursor(&d, end);
    let checked = checked_count(&d);
    d.type_keys(".cm-content", "# ");
    wait_checked(&d, checked);
    let mut totals = Vec::new();
    let mut servers = Vec::new();
    for key in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "1", "2"] {
        let checked = checked_count(&d);
        d.type_keys(".cm-content", key);
        let t = wait_checked(&d, checked);
        totals.push(t["total_ms"].as_f64().unwrap());
        servers.push(t["server_ms"].as_f64().unwrap());
    }
    totals.sort_by(f64::total_cmp);
    servers.sort_by(f64::total_cmp);
    eprintln!(
        "edit → diagnostics + preview in the page (seed, {} edits): median {:.1} ms, max {:.1} ms \
         (of which the debounce 30 ms; request + check + answer: median {:.1} ms)",
        totals.len(),
        totals[totals.len() / 2],
        totals[totals.len() - 1],
        servers[servers.len() / 2],
    );

    // 4. Change the file on disk meanwhile and see the save refused; the difference; reload.
    std::fs::write(
        dir.path().join(SEED_2021),
        on_disk.clone() + "# 另一位同事的修改\n",
    )
    .unwrap();
    d.click("#bdl-save");
    d.wait_for(
        "the refusal",
        "return !document.getElementById('bdl-conflict').hidden",
    );
    let on_disk_now = std::fs::read_to_string(dir.path().join(SEED_2021)).unwrap();
    assert!(
        on_disk_now.ends_with("# 另一位同事的修改\n"),
        "the save was refused"
    );
    d.click("#bdl-show-diff");
    let difference = d
        .wait_for(
            "the difference",
            "var p = document.getElementById('bdl-difference'); return p.hidden ? null : p.innerText",
        )
        .to_string();
    assert!(difference.contains("另一位同事的修改"), "{difference}");
    d.screenshot("serve-conflict.png", &shots);
    d.click("#bdl-reload");
    d.wait_for(
        "the reload",
        "return window.bdlEditor.view.state.doc.toString().indexOf('另一位同事的修改') >= 0 \
         && document.getElementById('bdl-conflict').hidden",
    );

    // 5. The review of two years.
    d.goto(&format!(
        "{base}/review?old={}&new={}",
        enc(SEED_2021).replace('/', "%2F"),
        enc(SEED_2022).replace('/', "%2F")
    ));
    let review = d
        .wait_for(
            "the review",
            "var a = document.querySelector('article.review'); return a ? a.innerText : null",
        )
        .to_string();
    assert!(
        review.contains("支出方向") && review.contains("律师参与信访工作经费"),
        "{review}"
    );
    d.screenshot("serve-review.png", &shots);

    // Explain, linked from a diagnostic.
    d.goto(&format!("{base}/view/broken.bdl"));
    d.click("a.code[href='/explain/B3010']");
    d.wait_for(
        "the explain page",
        "return document.querySelector('article.explain h1') !== null && location.pathname === '/explain/B3010'",
    );
    d.screenshot("serve-explain.png", &shots);

    // Completion: after `indicator` the framework's categories. Typed Chinese letters (an input
    // method's) open no list by themselves; asking for it (Ctrl-Space, `startCompletion`) does.
    d.goto(&format!("{base}/edit/broken.bdl"));
    d.wait_for(
        "the editor",
        "return window.bdlEditor && document.body.dataset.checked",
    );
    let end = d
        .js("return window.bdlEditor.view.state.doc.length")
        .as_u64()
        .unwrap();
    put_cursor(&d, end);
    d.type_keys(".cm-content", "\nindicator 产出");
    d.js("window.bdlEditor.startCompletion(); return true");
    let offered = d
        .wait_for(
            "the completion",
            "var t = document.querySelector('.cm-tooltip-autocomplete'); return t ? t.innerText : null",
        )
        .to_string();
    assert!(
        offered.contains("产出数量") && offered.contains("产出成本"),
        "{offered}"
    );

    // A refusal of the API is shown with the server's reason: the file was removed meanwhile.
    std::fs::remove_file(dir.path().join("broken.bdl")).unwrap();
    d.click("#bdl-save");
    let status = d
        .wait_for(
            "the refusal's reason",
            "var s = document.getElementById('bdl-status'); \
             return s.className === 'failed' ? s.innerText : null",
        )
        .to_string();
    assert!(
        status.contains("保存失败: 找不到该页面或文件。"),
        "{status}"
    );
}
