//! Every route of `bdl serve`, in-process through `App::handle`: status, headers and bodies (insta
//! snapshots), and every refusal — paths out of the folder, writes without the token or from another
//! origin, a read-only server, a changed file, unknown hosts, methods and sizes. The hostile strings of
//! tests/fixtures/serve/hostile.bdl must stay text in every page.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::messages::Lang;
use bdl::serve::{App, Config, Method, Request, Response};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const FIXTURES: &str = "tests/fixtures/serve";
const TOKEN: &str = "test-token-0123456789abcdef";
const HOST: &str = "127.0.0.1:8421";

/// A copy of the fixture folder the test may change.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(Path::new(FIXTURES), dir.path());
    dir
}

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

fn config(root: &Path) -> Config {
    Config {
        root: root.to_path_buf(),
        read_only: false,
        lang: Lang::Zh,
        git_commit: false,
        allowed_hosts: vec!["budget.example".into()],
        chinese_pages: None,
        token: TOKEN.into(),
    }
}

fn app(root: &Path) -> App {
    App::new(config(root)).unwrap()
}

fn get(app: &App, target: &str) -> Response {
    app.handle(&Request::new(Method::Get, target).with_header("Host", HOST))
}

/// A POST as the editor's page sends it.
fn post(app: &App, target: &str, body: &Value) -> Response {
    app.handle(
        &Request::new(Method::Post, target)
            .with_header("Host", HOST)
            .with_header("Origin", &format!("http://{HOST}"))
            .with_header("Sec-Fetch-Site", "same-origin")
            .with_header("X-Bdl-Token", TOKEN)
            .with_body(body.to_string()),
    )
}

fn json_of(r: &Response) -> Value {
    serde_json::from_slice(&r.body).unwrap()
}

/// The response as a snapshot reads it: status, content type, then the body with the temporary
/// folder's path replaced.
fn shown(r: &Response, root: &Path) -> String {
    let root = root.canonicalize().unwrap();
    format!(
        "{} {}\n\n{}",
        r.status,
        r.header("Content-Type").unwrap_or(""),
        r.text().replace(&root.display().to_string(), "[ROOT]")
    )
}

fn assert_hardened(r: &Response) {
    for (k, v) in [
        ("X-Content-Type-Options", "nosniff"),
        ("Cache-Control", "no-store"),
        ("X-Frame-Options", "SAMEORIGIN"),
    ] {
        assert_eq!(r.header(k), Some(v), "{k}");
    }
    let csp = r.header("Content-Security-Policy").unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"));
}

fn compiled(path: &str) -> bdl::model::Declaration {
    let c = bdl::compile_bytes(path, &std::fs::read(path).unwrap());
    c.valid_declaration().cloned().unwrap()
}

const SEED_2021: &str = "石峰区信访局/shifeng-xinfang-2021.bdl";
const SEED_2022: &str = "石峰区信访局/shifeng-xinfang-2022.bdl";
/// A Ministry department form with task blocks (a copy of examples/).
const TASKS: &str = "mof-department-tasks-2025.bdl";
/// A Ministry project form with its year-end self-evaluation (a copy of examples/), and the year
/// before with other year-end figures.
const EVALUATION_2024: &str = "示范县交通运输局/mof-project-self-evaluation-2024.bdl";
const EVALUATION_2025: &str = "示范县交通运输局/mof-project-self-evaluation-2025.bdl";
/// Every kind of form the fixtures hold.
const FORMS: [&str; 3] = [SEED_2021, TASKS, EVALUATION_2025];

fn enc(p: &str) -> String {
    bdl::serve::http::percent_encode(p, true)
}

// ── Pages ────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn the_folder_page_lists_every_declaration_with_totals_counts_rollup_and_years() {
    let dir = folder();
    let r = get(&app(dir.path()), "/");
    assert_eq!(r.status, 200);
    assert_hardened(&r);
    let body = r.text();
    assert!(
        body.contains("173.4271") && body.contains("188.0651"),
        "both years' totals"
    );
    assert!(
        body.contains("class=\"has-errors\""),
        "broken.bdl is marked"
    );
    assert!(
        body.contains("/review?old="),
        "consecutive years link to their review"
    );
    // The self-evaluations' score and grade, as `bdl build DIR` writes them in _rollup.md.
    for (path, score, grade) in [
        (EVALUATION_2024, "88.54", "良"),
        (EVALUATION_2025, "89.50", "良"),
    ] {
        let entry =
            bdl::batch::rollup::Entry::of(path.into(), &compiled(&format!("{FIXTURES}/{path}")))
                .unwrap();
        let g = entry.evaluation.unwrap();
        assert_eq!((g.score.to_string().as_str(), g.grade), (score, grade));
        let row = body
            .split("<tr")
            .find(|r| r.contains(&format!(">{path}</a>")))
            .unwrap();
        assert!(
            row.contains(&format!("<td class=\"num\">{score}</td><td>{grade}</td>")),
            "{row}"
        );
    }
    assert!(body.contains("<tr><th>含年终自评的申报数</th><td class=\"num\">2</td></tr>"));
    // A project form has no 资金总额: its years show its 项目支出, named, never an empty link.
    assert!(!body.contains("\"></a>"), "an empty link");
    let years = body.split("<section class=\"years\">").nth(1).unwrap();
    let road = years
        .split("<tr>")
        .find(|r| r.contains("示范县农村公路养护中心"))
        .unwrap();
    assert_eq!(
        road.matches("50</a> <span class=\"figure\">项目支出</span>")
            .count(),
        2,
        "{road}"
    );
    assert!(
        road.contains(&format!(
            "/review?old={}&amp;new={}",
            enc(EVALUATION_2024).replace('/', "%2F"),
            enc(EVALUATION_2025).replace('/', "%2F")
        )),
        "{road}"
    );
    insta::assert_snapshot!("folder", shown(&r, dir.path()));
}

#[test]
fn two_files_of_one_department_and_year_are_both_shown_side_by_side() {
    let dir = folder();
    std::fs::copy(
        dir.path().join(SEED_2021),
        dir.path().join("石峰区信访局/副本.bdl"),
    )
    .unwrap();
    let body = get(&app(dir.path()), "/").text();
    let years = body.split("<section class=\"years\">").nth(1).unwrap();
    let row = years
        .split("<tr>")
        .find(|r| r.contains("信访局本级"))
        .unwrap();
    assert!(row.contains("同一年有多份申报"), "{row}");
    for file in [SEED_2021, "石峰区信访局/副本.bdl"] {
        assert!(
            row.contains(&format!("href=\"/view/{}\"", enc(file))),
            "{file}: {row}"
        );
    }
    // Each of them is reviewed against the next year.
    assert_eq!(row.matches("2021→2022</a>").count(), 2, "{row}");
}

#[test]
fn the_folder_page_shows_changes_made_on_disk_on_reload() {
    let dir = folder();
    let app = app(dir.path());
    assert!(!get(&app, "/").text().contains("new-file.bdl"));
    std::fs::copy(dir.path().join(SEED_2021), dir.path().join("new-file.bdl")).unwrap();
    assert!(get(&app, "/").text().contains("new-file.bdl"));
}

#[test]
fn a_declaration_page_has_its_tables_diagnostics_with_line_links_and_downloads() {
    let dir = folder();
    let app = app(dir.path());
    let r = get(&app, &format!("/view/{}", enc(SEED_2021)));
    assert_eq!(r.status, 200);
    assert_hardened(&r);
    insta::assert_snapshot!("view_seed", shown(&r, dir.path()));
    let r = get(&app, "/view/broken.bdl");
    assert_eq!(r.status, 200);
    let body = r.text();
    assert!(body.contains("href=\"/explain/B3010\"") && body.contains("href=\"#L12\""));
    assert!(body.contains("id=\"L12\""), "the lines linked to exist");
    insta::assert_snapshot!("view_broken", shown(&r, dir.path()));
}

#[test]
fn the_tables_are_exactly_what_build_prints_as_html() {
    let dir = folder();
    for form in FORMS {
        let r = get(&app(dir.path()), &format!("/tables/{}", enc(form)));
        assert_eq!(r.status, 200, "{form}");
        let expected = bdl::emit::html::render(&compiled(&format!("{FIXTURES}/{form}")));
        assert_eq!(r.text(), expected, "{form}");
    }
    let tables = get(
        &app(dir.path()),
        &format!("/tables/{}", enc(EVALUATION_2025)),
    )
    .text();
    assert!(
        tables.contains("2025年项目支出绩效目标表") && tables.contains("2025年项目支出绩效自评表")
    );
    let tasks = get(&app(dir.path()), &format!("/tables/{}", enc(TASKS))).text();
    assert!(
        tasks.contains("部门整体支出绩效目标表"),
        "the Ministry department form"
    );
    let r = get(&app(dir.path()), "/tables/broken.bdl");
    assert_eq!(r.status, 422);
}

#[test]
fn downloads_are_the_four_outputs() {
    let dir = folder();
    let app = app(dir.path());
    for form in FORMS {
        let decl = compiled(&format!("{FIXTURES}/{form}"));
        let url = |f: &str| format!("/download/{}?format={f}", enc(form));
        let stem = form.rsplit('/').next().unwrap().trim_end_matches(".bdl");
        let md = get(&app, &url("md"));
        assert_eq!(md.status, 200);
        assert_eq!(md.text(), bdl::emit::markdown::render(&decl), "{form}");
        assert_eq!(
            md.header("Content-Disposition"),
            Some(
                format!(
                    "attachment; filename=\"declaration.md\"; filename*=UTF-8''{}.md",
                    enc(stem)
                )
                .as_str()
            )
        );
        assert_eq!(
            get(&app, &url("json")).text(),
            bdl::emit::json::render(&decl),
            "{form}"
        );
        assert_eq!(
            get(&app, &url("html")).text(),
            bdl::emit::html::render(&decl),
            "{form}"
        );
        let xlsx = get(&app, &url("xlsx"));
        assert_eq!(xlsx.status, 200);
        assert!(xlsx.body.starts_with(b"PK"));
        assert_eq!(get(&app, &url("pdf")).status, 404);
    }
    let evaluation = get(
        &app,
        &format!("/download/{}?format=md", enc(EVALUATION_2025)),
    )
    .text();
    assert!(evaluation.contains("项目支出绩效自评表") && evaluation.contains("89.50"));
    assert_eq!(get(&app, "/download/broken.bdl?format=md").status, 422);
}

#[test]
fn a_workbook_too_long_for_a_cell_is_refused_with_its_code() {
    // Twenty duties of over 2,000 characters share one cell of over 40,000: the download names B5003.
    let dir = folder();
    let seed = std::fs::read_to_string(dir.path().join(SEED_2021)).unwrap();
    let duties: String = (0..20)
        .map(|i| format!("duty \"{}{i}\"\n", "职".repeat(2_000)))
        .collect();
    let long = seed.replacen("\nduty ", &format!("\n{duties}duty "), 1);
    std::fs::write(dir.path().join("long.bdl"), long).unwrap();
    let app = app(dir.path());
    let r = get(&app, "/download/long.bdl?format=xlsx");
    assert_eq!(r.status, 422);
    assert!(r.text().contains("B5003"), "{}", r.text());
    assert_eq!(get(&app, "/download/long.bdl?format=md").status, 200);
}

#[test]
fn the_editor_page_embeds_the_text_and_the_script() {
    let dir = folder();
    let r = get(&app(dir.path()), &format!("/edit/{}", enc(SEED_2021)));
    assert_eq!(r.status, 200);
    assert_hardened(&r);
    let body = r.text();
    assert!(body.contains("<script src=\"/assets/editor.js\" defer></script>"));
    assert!(body.contains("id=\"bdl-save\""));
    assert!(body.contains(&format!("<meta name=\"bdl-token\" content=\"{TOKEN}\">")));
    insta::assert_snapshot!("editor", shown(&r, dir.path()));
}

#[test]
fn a_file_in_another_encoding_is_not_opened_for_editing() {
    let dir = folder();
    std::fs::copy(
        "tests/fixtures/bad/gbk_encoded.bdl",
        dir.path().join("gbk.bdl"),
    )
    .unwrap();
    let r = get(&app(dir.path()), "/edit/gbk.bdl");
    assert_eq!(r.status, 422);
    assert!(r.text().contains("B1004") && !r.text().contains("bdl-editor"));
}

#[test]
fn review_shows_the_diff_of_two_years_as_bdl_diff_prints_it() {
    let dir = folder();
    let r = get(
        &app(dir.path()),
        &format!("/review?old={}&new={}", enc(SEED_2021), enc(SEED_2022)),
    );
    assert_eq!(r.status, 200);
    let body = r.text();
    assert!(body.contains("资金总额 173.4271 → 188.0651 万元 (+8.44%)"));
    assert!(body.contains("<table>") && body.contains("律师参与信访工作经费"));
    insta::assert_snapshot!("review", shown(&r, dir.path()));
    let form = get(&app(dir.path()), "/review");
    assert_eq!(form.status, 200);
    assert!(form.text().contains("<select name=\"old\""));
    let refused = get(&app(dir.path()), "/review?old=broken.bdl&new=../x.bdl");
    assert_eq!(refused.status, 422);
    assert!(!refused.text().contains("<article"));
    // Said for what it is: outside the folder, not missing.
    assert!(
        refused.text().contains("该路径不在服务目录之内"),
        "{}",
        refused.text()
    );
}

#[test]
fn review_of_two_self_evaluations_shows_the_year_end_changes_as_bdl_diff_prints_them() {
    let dir = folder();
    let r = get(
        &app(dir.path()),
        &format!(
            "/review?old={}&new={}",
            enc(EVALUATION_2024),
            enc(EVALUATION_2025)
        ),
    );
    assert_eq!(r.status, 200);
    let body = r.text();
    let markdown = bdl::diff::markdown::render(&bdl::diff::diff(
        &compiled(&format!("{FIXTURES}/{EVALUATION_2024}")),
        &compiled(&format!("{FIXTURES}/{EVALUATION_2025}")),
    ));
    let section = markdown.split("### 年终自评").nth(1).unwrap();
    assert!(body.contains("<h3>年终自评</h3>"));
    let rows: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| 乡村道路养护"))
        .collect();
    assert!(rows.len() >= 6, "{section}");
    for row in rows {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        let html: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
        assert!(body.contains(&html), "{html} not in the page");
    }
    assert!(body.contains("<td>总分</td><td></td><td></td><td></td><td>88.54</td><td>89.50</td>"));
}

#[test]
fn review_compares_two_git_revisions_of_one_file() {
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED: git is not installed");
        return;
    }
    let dir = folder();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .current_dir(dir.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "2021"]);
    std::fs::copy(dir.path().join(SEED_2022), dir.path().join(SEED_2021)).unwrap();
    git(&["commit", "-q", "-am", "2022"]);
    let r = get(
        &app(dir.path()),
        &format!(
            "/review?old={p}&old_rev=HEAD~1&new={p}&new_rev=HEAD",
            p = enc(SEED_2021)
        ),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.text()
            .contains("资金总额 173.4271 → 188.0651 万元 (+8.44%)")
    );
    let option = get(
        &app(dir.path()),
        &format!(
            "/review?old={p}&old_rev=--output=x&new={p}",
            p = enc(SEED_2021)
        ),
    );
    assert_eq!(option.status, 422);
    assert!(!dir.path().join("x").exists());
}

#[test]
fn explain_pages_exist_for_every_code_and_unknown_codes_are_404() {
    let dir = folder();
    let app = app(dir.path());
    let list = get(&app, "/explain");
    assert_eq!(list.status, 200);
    for c in bdl::registry::all() {
        assert!(
            list.text()
                .contains(&format!("href=\"/explain/{}\"", c.as_str()))
        );
        assert_eq!(get(&app, &format!("/explain/{}", c.as_str())).status, 200);
    }
    insta::assert_snapshot!(
        "explain_B3010",
        shown(&get(&app, "/explain/B3010"), dir.path())
    );
    let r = get(&app, "/explain/B9999");
    assert_eq!(r.status, 404);
    insta::assert_snapshot!("explain_unknown", shown(&r, dir.path()));
}

#[test]
fn assets_are_embedded() {
    let dir = folder();
    let app = app(dir.path());
    let css = get(&app, "/assets/serve.css");
    assert_eq!(
        (css.status, css.header("Content-Type")),
        (200, Some("text/css; charset=utf-8"))
    );
    let js = get(&app, "/assets/editor.js");
    assert_eq!(js.status, 200);
    assert_eq!(
        js.header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(js.text().contains("CodeMirror 6") && js.body.len() > 100_000);
    assert!(!js.text().contains("http://") || !js.text().contains("fetch(\"http"));
    assert_eq!(get(&app, "/assets/../Cargo.toml").status, 404);
}

#[test]
fn head_requests_have_headers_and_no_body() {
    let dir = folder();
    let r = app(dir.path()).handle(&Request::new(Method::Head, "/").with_header("Host", HOST));
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
    assert_hardened(&r);
}

#[test]
fn the_english_pages_say_the_same_in_english() {
    let dir = folder();
    let app = App::new(Config {
        lang: Lang::En,
        ..config(dir.path())
    })
    .unwrap();
    let body = get(&app, "/").text();
    assert!(body.contains("<html lang=\"en\">") && body.contains("Declarations in this folder"));
    assert!(!body.contains("本目录的绩效目标申报"));
}

// ── The editor's API ─────────────────────────────────────────────────────────────────────────────

#[test]
fn check_answers_diagnostics_in_utf16_offsets_and_the_preview() {
    let dir = folder();
    let app = app(dir.path());
    let text = std::fs::read_to_string(dir.path().join("broken.bdl")).unwrap();
    let r = post(
        &app,
        "/api/check",
        &json!({"path": "broken.bdl", "text": text}),
    );
    assert_eq!(r.status, 200);
    let v = json_of(&r);
    assert_eq!(v["preview"], Value::Null);
    let b3010 = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "B3010")
        .unwrap();
    let from = b3010["from"].as_u64().unwrap() as usize;
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let at = String::from_utf16(&utf16[from..]).unwrap();
    assert!(at.starts_with("36.8"), "{at}");
    insta::assert_snapshot!("check_broken", serde_json::to_string_pretty(&v).unwrap());
    let seed = std::fs::read_to_string(dir.path().join(SEED_2021)).unwrap();
    let v = json_of(&post(
        &app,
        "/api/check",
        &json!({"path": SEED_2021, "text": seed}),
    ));
    assert_eq!(v["errors"], 0);
    let expected = bdl::emit::html::render(&compiled(&format!("{FIXTURES}/{SEED_2021}")));
    assert_eq!(v["preview"].as_str().unwrap(), expected);
}

#[test]
fn complete_offers_keywords_and_the_framework_categories() {
    let dir = folder();
    let app = app(dir.path());
    let text = "year 2021\nframework mof-2021\n信访 \nindicator 经济";
    let offset = text.encode_utf16().count();
    // While typing, no list follows Chinese letters (an input method typed them); Ctrl-Space asks.
    let typing = json_of(&post(
        &app,
        "/api/complete",
        &json!({"text": text, "offset": offset}),
    ));
    assert_eq!(typing["items"], json!([]));
    let v = json_of(&post(
        &app,
        "/api/complete",
        &json!({"text": text, "offset": offset, "explicit": true}),
    ));
    assert_eq!(v["to"].as_u64().unwrap() as usize, offset);
    assert_eq!(v["from"].as_u64().unwrap() as usize, offset - 2);
    let labels: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["经济成本指标", "经济效益指标"]);
    let v = json_of(&post(
        &app,
        "/api/complete",
        &json!({"text": "year 2021\ndir", "offset": 13}),
    ));
    assert_eq!(v["items"][0]["label"], "direction");
    assert_eq!(v["items"][0]["type"], "keyword");
}

#[test]
fn complete_is_the_language_servers_completion() {
    let dir = folder();
    let app = app(dir.path());
    let labels = |text: &str| -> Vec<(String, String)> {
        let offset = text.encode_utf16().count();
        let v = json_of(&post(
            &app,
            "/api/complete",
            &json!({"text": text, "offset": offset}),
        ));
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["label"].as_str().unwrap().to_string(),
                    i["apply"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let task = "year 2025\nframework mof-2021\nspending \"基本支出\" 10\ntask \"t\" duty \"d\" for \"基本支出\" {\n  ";
    let inside: Vec<String> = labels(task).into_iter().map(|(l, _)| l).collect();
    assert_eq!(inside, ["income", "content"]);
    // A name inside quotes is inserted with its closing quote.
    let names = labels("year 2025\nspending \"基本支出\" 10\ntask \"t\" duty \"d\" for \"");
    assert_eq!(names, [("基本支出".to_string(), "基本支出\"".to_string())]);
    let units = labels("year 2021\nindicator 产出数量 \"人\" = 5");
    assert_eq!(units[0].0, "5%");
}

#[test]
fn format_answers_the_canonical_form_or_the_syntax_errors() {
    let dir = folder();
    let app = app(dir.path());
    let v = json_of(&post(
        &app,
        "/api/format",
        &json!({"text": "year   2021\nfiler  \"x\"\n"}),
    ));
    assert_eq!(v["text"], "year 2021\nfiler \"x\"\n");
    let r = post(
        &app,
        "/api/format",
        &json!({"text": "year 2021\ndirection \"x\" {\n"}),
    );
    assert_eq!(r.status, 422);
    assert!(
        json_of(&r)["diagnostics"][0]["code"]
            .as_str()
            .unwrap()
            .starts_with("B1")
    );
}

fn loaded(app: &App, path: &str) -> Value {
    let r = get(app, &format!("/api/source/{}", enc(path)));
    assert_eq!(r.status, 200);
    json_of(&r)
}

#[test]
fn save_writes_atomically_keeps_permissions_and_marks_errors() {
    let dir = folder();
    let app = app(dir.path());
    let file = dir.path().join(SEED_2021);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let version = loaded(&app, SEED_2021)["version"]
        .as_str()
        .unwrap()
        .to_string();
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("year 2021", "year 2021 # 已审");
    let r = post(
        &app,
        "/api/save",
        &json!({"path": SEED_2021, "text": text, "version": version}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = json_of(&r);
    assert_eq!(
        (v["errors"].as_u64(), v["message"].as_str()),
        (Some(0), Some("已保存。"))
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    let leftovers: Vec<PathBuf> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A file with errors is saved too (work in progress), and the answer says so.
    let broken = text.replace(
        "income \"一般公共预算拨款\" 173.4271",
        "income \"一般公共预算拨款\" 1",
    );
    let v = json_of(&post(
        &app,
        "/api/save",
        &json!({"path": SEED_2021, "text": broken, "version": v["version"]}),
    ));
    assert!(v["errors"].as_u64().unwrap() > 0);
    assert_eq!(v["message"], "已保存——文件仍有错误（未完成稿）。");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
}

#[test]
fn save_is_refused_when_the_file_changed_on_disk_since_it_was_loaded() {
    let dir = folder();
    let app = app(dir.path());
    let version = loaded(&app, SEED_2021)["version"]
        .as_str()
        .unwrap()
        .to_string();
    let file = dir.path().join(SEED_2021);
    let outside = std::fs::read_to_string(&file).unwrap() + "# changed elsewhere\n";
    std::fs::write(&file, &outside).unwrap();
    let r = post(
        &app,
        "/api/save",
        &json!({"path": SEED_2021, "text": "year 2021\n", "version": version}),
    );
    assert_eq!(r.status, 409);
    let v = json_of(&r);
    assert_eq!(v["disk_text"], outside.as_str());
    assert!(
        v["difference"]
            .as_str()
            .unwrap()
            .contains("-# changed elsewhere")
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        outside,
        "nothing written"
    );
}

#[test]
fn saves_are_committed_to_git_with_a_chinese_message_when_asked() {
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED: git is not installed");
        return;
    }
    let dir = folder();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q"]);
    git(&["config", "user.name", "预算科"]);
    git(&["config", "user.email", "budget@example.org"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "start"]);
    let app = App::new(Config {
        git_commit: true,
        ..config(dir.path())
    })
    .unwrap();
    let version = loaded(&app, SEED_2021)["version"]
        .as_str()
        .unwrap()
        .to_string();
    let text = std::fs::read_to_string(dir.path().join(SEED_2021)).unwrap() + "# 复核\n";
    let v = json_of(&post(
        &app,
        "/api/save",
        &json!({"path": SEED_2021, "text": text, "version": version}),
    ));
    assert_eq!(v["committed"], true, "{v}");
    assert_eq!(
        git(&["log", "-1", "--format=%s"]).trim(),
        format!("修改 {SEED_2021}（bdl serve 保存）")
    );
}

// ── Refusals ─────────────────────────────────────────────────────────────────────────────────────

#[test]
fn paths_out_of_the_folder_are_refused() {
    let dir = folder();
    let app = app(dir.path());
    for target in [
        "/view/..%2FCargo.bdl",
        "/view/../x.bdl",
        "/view/%2Fetc%2Fpasswd.bdl",
        "/edit/%2E%2E/x.bdl",
        "/tables/a/../../x.bdl",
        "/download/..%5Cx.bdl?format=md",
        "/api/source/../x.bdl",
        "/view/Cargo.toml",
    ] {
        let r = get(&app, target);
        assert_eq!(r.status, 403, "{target}");
    }
    assert_eq!(get(&app, "/view/missing.bdl").status, 404);
    insta::assert_snapshot!(
        "refused_path",
        shown(&get(&app, "/view/../x.bdl"), dir.path())
    );
    let r = post(
        &app,
        "/api/save",
        &json!({"path": "../escape.bdl", "text": "x", "version": "0"}),
    );
    assert_eq!(r.status, 403);
    assert!(!dir.path().parent().unwrap().join("escape.bdl").exists());
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_folder_are_refused_for_reading_and_writing() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.bdl");
    std::fs::copy(format!("{FIXTURES}/{SEED_2021}"), &secret).unwrap();
    let dir = folder();
    std::os::unix::fs::symlink(&secret, dir.path().join("link.bdl")).unwrap();
    let app = app(dir.path());
    assert_eq!(get(&app, "/view/link.bdl").status, 403);
    assert_eq!(get(&app, "/api/source/link.bdl").status, 403);
    let r = post(
        &app,
        "/api/save",
        &json!({"path": "link.bdl", "text": "x", "version": "0"}),
    );
    assert_eq!(r.status, 403);
    assert_ne!(std::fs::read_to_string(&secret).unwrap(), "x");
    assert!(
        !get(&app, "/").text().contains("link.bdl"),
        "the folder page skips links too"
    );
}

#[test]
fn writes_need_the_token_and_the_same_origin() {
    let dir = folder();
    let app = app(dir.path());
    let version = loaded(&app, SEED_2021)["version"]
        .as_str()
        .unwrap()
        .to_string();
    let body = json!({"path": SEED_2021, "text": "year 2021\n", "version": version}).to_string();
    let base = || {
        Request::new(Method::Post, "/api/save")
            .with_header("Host", HOST)
            .with_body(body.clone())
    };
    let refused = [
        base(),
        base().with_header("X-Bdl-Token", "wrong"),
        base()
            .with_header("X-Bdl-Token", TOKEN)
            .with_header("Origin", "http://evil.example"),
        base()
            .with_header("X-Bdl-Token", TOKEN)
            .with_header("Origin", "null"),
        base()
            .with_header("X-Bdl-Token", TOKEN)
            .with_header("Sec-Fetch-Site", "cross-site"),
    ];
    for req in &refused {
        let r = app.handle(req);
        assert_eq!(r.status, 403, "{:?}", req.headers);
    }
    insta::assert_snapshot!(
        "refused_origin",
        shown(&app.handle(&refused[0]), dir.path())
    );
    let before = std::fs::read_to_string(dir.path().join(SEED_2021)).unwrap();
    assert_ne!(before, "year 2021\n", "nothing was written");
    // The same request from the page itself is accepted.
    let ok = base()
        .with_header("X-Bdl-Token", TOKEN)
        .with_header("Origin", &format!("http://{HOST}"));
    assert_eq!(app.handle(&ok).status, 200);
}

#[test]
fn a_read_only_server_refuses_every_write() {
    let dir = folder();
    let app = App::new(Config {
        read_only: true,
        ..config(dir.path())
    })
    .unwrap();
    let version = loaded(&app, SEED_2021)["version"]
        .as_str()
        .unwrap()
        .to_string();
    let r = post(
        &app,
        "/api/save",
        &json!({"path": SEED_2021, "text": "x", "version": version}),
    );
    assert_eq!(r.status, 403);
    insta::assert_snapshot!("refused_read_only", shown(&r, dir.path()));
    let editor = get(&app, &format!("/edit/{}", enc(SEED_2021))).text();
    assert!(!editor.contains("id=\"bdl-save\"") && editor.contains("只读"));
    // Checking still works: it changes nothing.
    assert_eq!(
        post(&app, "/api/check", &json!({"text": "year 2021\n"})).status,
        200
    );
}

#[test]
fn unknown_hosts_methods_routes_and_bodies_are_refused() {
    let dir = folder();
    let app = app(dir.path());
    let evil = app.handle(&Request::new(Method::Get, "/").with_header("Host", "evil.example:8421"));
    assert_eq!(evil.status, 403);
    assert_eq!(
        app.handle(&Request::new(Method::Get, "/")).status,
        403,
        "no Host"
    );
    let proxied = app.handle(&Request::new(Method::Get, "/").with_header("Host", "budget.example"));
    assert_eq!(proxied.status, 200, "an --allow-host name");
    let other = app.handle(&Request::new(Method::Other, "/").with_header("Host", HOST));
    assert_eq!(other.status, 405);
    assert_eq!(get(&app, "/nowhere").status, 404);
    let bad = app.handle(
        &Request::new(Method::Post, "/api/check")
            .with_header("Host", HOST)
            .with_header("X-Bdl-Token", TOKEN)
            .with_body("not json"),
    );
    assert_eq!(bad.status, 400);
}

#[test]
fn hostile_strings_in_a_declaration_stay_text_in_every_page() {
    let dir = folder();
    let app = app(dir.path());
    let pages = [
        get(&app, "/"),
        get(&app, "/view/hostile.bdl"),
        get(&app, "/edit/hostile.bdl"),
        get(&app, "/tables/hostile.bdl"),
        get(&app, "/review?old=hostile.bdl&new=hostile.bdl"),
        get(&app, "/review?old=broken.bdl&new=hostile.bdl"),
    ];
    for r in &pages {
        assert!(r.status == 200 || r.status == 422, "{}", r.status);
        let body = r.text();
        for hostile in [
            "<script>alert",
            "<img src=x",
            "<iframe src=javascript",
            "<svg onload",
            "<b>粗体</b>",
            "href=\"javascript:",
        ] {
            assert!(!body.contains(hostile), "{hostile} in {body}");
        }
        // The only scripts are the page's own bundle and its data block.
        let scripts = body.matches("<script").count();
        let own = body.matches("<script src=\"/assets/editor.js\"").count()
            + body
                .matches("<script type=\"application/json\" id=\"bdl-data\">")
                .count();
        assert_eq!(scripts, own);
    }
    let edit = pages[2].text();
    let data = edit
        .split("id=\"bdl-data\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let v: Value = serde_json::from_str(data).unwrap();
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .contains("<script>alert(1)</script>局"),
        "the text arrives intact"
    );
}

/// The socket layer: a real server on a free port answers, and refuses a body over the limit before
/// reading it.
#[test]
fn the_listener_answers_and_limits_bodies() {
    use std::io::{Read, Write};
    let dir = folder();
    let listening = bdl::serve::listen(app(dir.path()), "127.0.0.1:0").unwrap();
    let addr = listening
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    std::thread::spawn(move || listening.serve());
    let ask = |request: String| {
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    };
    let page = ask(format!(
        "GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    ));
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("shifeng-xinfang-2021.bdl"));
    let big = ask(format!(
        "POST /api/check HTTP/1.1\r\nHost: {addr}\r\nX-Bdl-Token: {TOKEN}\r\nContent-Length: 999999999\r\nConnection: close\r\n\r\n"
    ));
    assert!(big.starts_with("HTTP/1.1 413"), "{big}");
    assert!(
        big.contains("application/json") && big.ends_with("{\"error\":\"请求内容过大。\"}"),
        "an API refusal is JSON: {big}"
    );
}

#[test]
fn refusals_never_carry_the_token() {
    let dir = folder();
    let app = app(dir.path());
    let evil = app.handle(&Request::new(Method::Get, "/").with_header("Host", "evil.example"));
    assert_eq!(evil.status, 403);
    assert!(!evil.text().contains(TOKEN));
    assert!(get(&app, "/").text().contains(TOKEN));
}

#[test]
fn explain_pages_are_in_chinese_when_the_caller_has_them() {
    fn zh(code: &str) -> Option<&'static str> {
        (code == "B3010")
            .then_some("# B3010：支出方向的申报金额与测算依据不符\n\n<script>x</script>\n")
    }
    let dir = folder();
    let app = App::new(Config {
        chinese_pages: Some(zh),
        ..config(dir.path())
    })
    .unwrap();
    let body = get(&app, "/explain/B3010").text();
    assert!(body.contains("<h1>B3010：支出方向的申报金额与测算依据不符</h1>"));
    assert!(!body.contains("<script>x"));
    assert!(
        get(&app, "/explain/B3011").text().contains("<h1>B3011"),
        "English when there is none"
    );
}

#[test]
fn a_chinese_diagnostic_page_shows_its_bold_and_links_to_its_english_page_and_other_codes() {
    fn zh(code: &str) -> Option<&'static str> {
        (code == "B3010").then_some(include_str!("../docs/diagnostics/zh/B3010.md"))
    }
    let dir = folder();
    let app = App::new(Config {
        chinese_pages: Some(zh),
        ..config(dir.path())
    })
    .unwrap();
    let body = get(&app, "/explain/B3010").text();
    assert!(body.contains("<strong>严重程度</strong>：错误"), "{body}");
    assert!(!body.contains("**"), "no marker is left as text");
    assert!(body.contains("<a href=\"/explain/B3010?lang=en\">B3010（English）</a>"));
    assert!(body.contains("<a href=\"/explain/B3004\">B3004</a>"));
    // The English page asked for by that link, with its links to other English pages.
    let english = get(&app, "/explain/B3010?lang=en");
    assert_eq!(english.status, 200);
    let english = english.text();
    assert!(
        english.contains("<strong>Severity:</strong> error"),
        "{english}"
    );
    assert!(english.contains("<a href=\"/explain/B3004?lang=en\">B3004</a>"));
    // A page without a Chinese version links to the English pages of its server.
    let b3011 = get(&app, "/explain/B3011").text();
    assert!(!b3011.contains("href=\"../") && !b3011.contains(".md\""));
}

#[test]
fn refusals_of_api_requests_are_json_with_the_message_and_pages_stay_pages() {
    let dir = folder();
    let app = app(dir.path());
    let error = |r: &Response, status: u16, message: &str| {
        assert_eq!(r.status, status, "{}", r.text());
        assert_eq!(
            r.header("Content-Type"),
            Some("application/json; charset=utf-8")
        );
        assert_eq!(json_of(r), json!({"error": message}));
        assert_hardened(r);
    };
    let unsigned = app.handle(
        &Request::new(Method::Post, "/api/check")
            .with_header("Host", HOST)
            .with_body("{}"),
    );
    error(&unsigned, 403, "已拒绝：请求不是来自本服务的页面。");
    let bad = app.handle(
        &Request::new(Method::Post, "/api/check")
            .with_header("Host", HOST)
            .with_header("X-Bdl-Token", TOKEN)
            .with_body("not json"),
    );
    error(&bad, 400, "无法读取请求。");
    error(
        &get(&app, "/api/source/../x.bdl"),
        403,
        "该路径不在服务目录之内。",
    );
    error(
        &get(&app, "/api/source/missing.bdl"),
        404,
        "找不到该页面或文件。",
    );
    error(
        &post(&app, "/api/nothing", &json!({})),
        404,
        "找不到该页面或文件。",
    );
    let foreign = app.handle(
        &Request::new(Method::Get, "/api/source/broken.bdl").with_header("Host", "evil.example"),
    );
    error(&foreign, 403, "已拒绝：未知的主机名。");
    let put = app.handle(&Request::new(Method::Other, "/api/save").with_header("Host", HOST));
    error(&put, 405, "此处不允许该请求方法。");
    assert_eq!(put.header("Allow"), Some("GET, HEAD"));
    let read_only = App::new(Config {
        read_only: true,
        ..config(dir.path())
    })
    .unwrap();
    let r = post(
        &read_only,
        "/api/save",
        &json!({"path": SEED_2021, "text": "x", "version": "0"}),
    );
    error(&r, 403, "服务器为只读模式。");
    // The same refusals of a page are pages.
    let page = get(&app, "/view/../x.bdl");
    assert_eq!(page.status, 403);
    assert_eq!(
        page.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        page.text()
            .contains("<p class=\"refusal\">该路径不在服务目录之内。</p>")
    );
}
