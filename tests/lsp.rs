//! The language server in scripted sessions (in process, `Connection::memory()`): what it answers to
//! each request as reviewed JSON snapshots, fixtures with a cursor marker `‸` for hover, completion,
//! definition, the quick fixes at the cursor (`fix_`) and the outline (`symbols_`), the negotiated position encoding, pushed and pulled diagnostics, and every request
//! answered before the server stops.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{Client, cursor};
use serde_json::{Value, json};

const URI: &str = "file:///work/budget.bdl";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/lsp/{name}")).unwrap()
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

fn doc() -> Value {
    json!({ "uri": URI })
}

/// Applies LSP text edits (UTF-16 positions) to a text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let col = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= col || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    // Edits that overlap one taken already are left out, as an editor's "fix all" does.
    let spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    let mut taken: Vec<(usize, usize, &str)> = Vec::new();
    for s in spans {
        if !taken
            .iter()
            .any(|t| s.0 < t.1.max(t.0 + 1) && t.0 < s.1.max(s.0 + 1))
        {
            taken.push(s);
        }
    }
    taken.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in taken {
        out.replace_range(a..b, t);
    }
    out
}

#[test]
fn a_scripted_session_answers_every_request() {
    let mut c = Client::english();
    assert_eq!(c.initialized["capabilities"]["positionEncoding"], "utf-16");
    let text = fixture("patrol.bdl");
    let published = c.open(URI, &text);
    insta::assert_snapshot!("session_open_diagnostics", pretty(&published));

    // Hover on the direction whose declared amount differs from its basis.
    let at = text.find("治安巡逻防控费\" <").unwrap();
    let line = text[..at].matches('\n').count();
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": doc(), "position": { "line": line, "character": 13 } }),
    );
    insta::assert_snapshot!("session_hover", pretty(&hover));

    // Every quick fix the file's diagnostics have.
    let lines = text.lines().count();
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": doc(),
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": lines, "character": 0 } },
                "context": { "diagnostics": [] } }),
    );
    insta::assert_snapshot!("session_code_actions", pretty(&actions));

    // Applying every preferred fix leaves the file without the problems they fix (a changed amount
    // may move a sum declared elsewhere: that is a new finding, not the same one).
    let mut fixed = text.clone();
    let mut all_edits = Vec::new();
    for a in actions.as_array().unwrap() {
        if a["isPreferred"] == true {
            all_edits.extend(
                a["edit"]["changes"][URI]
                    .as_array()
                    .unwrap()
                    .iter()
                    .cloned(),
            );
        }
    }
    fixed = apply(&fixed, &all_edits);
    let after = c.change(URI, 2, &fixed);
    let codes: Vec<&str> = after["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for gone in ["B2001", "B3010", "B4031"] {
        assert!(!codes.contains(&gone), "{gone} still reported: {codes:?}");
    }

    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": doc() }),
    );
    insta::assert_snapshot!("session_symbols", pretty(&symbols));
    let hints = c.request(
        "textDocument/inlayHint",
        json!({ "textDocument": doc(),
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": lines, "character": 0 } } }),
    );
    insta::assert_snapshot!("session_inlay_hints", pretty(&hints));
    let tokens = c.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": doc() }),
    );
    assert!(tokens["data"].as_array().unwrap().len() > 100);

    // Formatting: the edits give exactly `bdl fmt`'s text.
    let messy = "year   2021\nunit 万元\nframework hunan\ndirection \"信访岗位津贴\"   < people 8 rate 200/month >\n";
    c.change(URI, 3, messy);
    let edits = c.request(
        "textDocument/formatting",
        json!({ "textDocument": doc(), "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = apply(messy, edits.as_array().unwrap());
    assert_eq!(formatted, bdl::fmt::format(messy).unwrap());

    // A line being typed: diagnostics for it, formatting refused (and said so), hover still works.
    let typing = "year 2021\nunit 万元\nframework hunan\nindicator 产出数量 \"巡逻人员\" = \ndirection \"信访岗位津贴\" < people 8 rate 200/month >\n";
    let published = c.change(URI, 4, typing);
    insta::assert_snapshot!("session_typing_diagnostics", pretty(&published));
    // Completion on the line being typed: after `=`, the references an indicator may take.
    let completion = c.request(
        "textDocument/completion",
        json!({ "textDocument": doc(), "position": { "line": 3, "character": 24 } }),
    );
    let labels: Vec<&str> = completion["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "people",
            "qty",
            "amount",
            "spending",
            "income",
            "total",
            "directions"
        ]
    );
    let refused = c.request(
        "textDocument/formatting",
        json!({ "textDocument": doc(), "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(refused, Value::Null);
    let said = c.wait_for("window/showMessage");
    assert!(said["message"].as_str().unwrap().contains("syntax error"));
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": doc(), "position": { "line": 4, "character": 13 } }),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("1.92万元"),
        "{hover}"
    );

    let unknown = c.request("textDocument/rename", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);

    c.notify("textDocument/didClose", json!({ "textDocument": doc() }));
    let cleared = c.wait_for("textDocument/publishDiagnostics");
    assert_eq!(cleared["diagnostics"], json!([]));
    c.finish();
}

#[test]
fn fixtures_with_a_cursor() {
    insta::glob!("fixtures/lsp/*_*.bdl", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        if name == "patrol.bdl" {
            return;
        }
        let (text, position) = cursor(&std::fs::read_to_string(path).unwrap());
        let mut c = Client::english();
        c.open(URI, &text);
        let at = json!({ "textDocument": doc(), "position": position });
        let answer = if name.starts_with("hover_") {
            c.request("textDocument/hover", at)
        } else if name.starts_with("complete_") {
            c.request("textDocument/completion", at)
        } else if name.starts_with("definition_") {
            let mut at_refs = at.clone();
            at_refs["context"] = json!({ "includeDeclaration": true });
            json!({
                "definition": c.request("textDocument/definition", at),
                "references": c.request("textDocument/references", at_refs),
            })
        } else if name.starts_with("fix_") {
            let range = json!({ "start": position, "end": position });
            c.request(
                "textDocument/codeAction",
                json!({ "textDocument": doc(), "range": range, "context": { "diagnostics": [] } }),
            )
        } else if name.starts_with("symbols_") {
            c.request(
                "textDocument/documentSymbol",
                json!({ "textDocument": doc() }),
            )
        } else {
            panic!("{name}: a fixture's name says what it asks")
        };
        insta::assert_snapshot!(pretty(&answer));
        c.finish();
    });
}

#[test]
fn messages_follow_the_locale_the_client_asks_for() {
    let mut c = Client::start(
        json!({}),
        json!({ "locale": "zh-CN", "diagnosticPages": "https://example.org/bdl/diagnostics/" }),
    );
    let published = c.open(URI, &fixture("patrol.bdl"));
    let first = &published["diagnostics"][0];
    insta::assert_snapshot!("diagnostic_in_chinese", pretty(first));
    c.finish();
}

#[test]
fn the_client_first_preferred_encoding_is_used() {
    let line = "filer \"石峰𠀀区\" x";
    let text = format!("year 2021\n{line}\n");
    for (offered, chosen, column) in [
        (json!(["utf-8", "utf-16"]), "utf-8", 22),
        (json!(["utf-32", "utf-8"]), "utf-32", 13),
        (json!(["utf-16"]), "utf-16", 14),
        (json!(["latin-1"]), "utf-16", 14),
    ] {
        let mut c = Client::start(
            json!({ "general": { "positionEncodings": offered } }),
            json!({ "locale": "en", "diagnosticPages": "https://example.org/" }),
        );
        assert_eq!(c.initialized["capabilities"]["positionEncoding"], chosen);
        let published = c.open(URI, &text);
        let d = &published["diagnostics"][0];
        assert_eq!(d["code"], "B1001", "{published}");
        assert_eq!(
            d["range"]["start"],
            json!({ "line": 1, "character": column })
        );
        c.finish();
    }
}

#[test]
fn a_client_that_pulls_diagnostics_gets_them_on_request_only() {
    let mut c = Client::start(
        json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } } }),
        json!({ "locale": "en", "diagnosticPages": "https://example.org/" }),
    );
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "bdl", "version": 1, "text": fixture("patrol.bdl") } }),
    );
    let report = c.request("textDocument/diagnostic", json!({ "textDocument": doc() }));
    assert_eq!(report["kind"], "full");
    let pushed = bdl::compile(&fixture("patrol.bdl")).diagnostics.len();
    assert_eq!(report["items"].as_array().unwrap().len(), pushed);
    assert!(
        c.notifications
            .iter()
            .all(|n| n.method != "textDocument/publishDiagnostics")
    );
    c.finish();
}

#[test]
fn diagnostics_are_exactly_those_of_check() {
    for path in [
        "examples/shifeng-xinfang-2021.bdl",
        "examples/county-farmland-2024.bdl",
        "tests/fixtures/lsp/patrol.bdl",
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        let mut c = Client::english();
        let published = c.open(URI, &text);
        let expected: Vec<Value> = bdl::report::json(
            &bdl::compile(&text).diagnostics,
            "x",
            &text,
            bdl::messages::Lang::En,
        );
        let got = published["diagnostics"].as_array().unwrap();
        assert_eq!(got.len(), expected.len(), "{path}");
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g["code"], e["code"]);
            assert!(
                g["message"]
                    .as_str()
                    .unwrap()
                    .starts_with(e["message"].as_str().unwrap())
            );
            assert_eq!(
                g["codeDescription"]["href"],
                format!(
                    "https://example.org/bdl/diagnostics/{}.md",
                    e["code"].as_str().unwrap()
                )
            );
        }
        c.finish();
    }
}

#[test]
fn semantic_tokens_land_on_the_words_in_utf16() {
    let text = "indicator 产出数量 \"𠀀人员\" >= 50人 # 注\nunit 万元\n";
    let mut c = Client::english();
    c.open(URI, text);
    let legend = c.initialized["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"]
        .as_array()
        .unwrap()
        .clone();
    let data = c.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": doc() }),
    );
    let data: Vec<u64> = data["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let lines: Vec<Vec<u16>> = text.lines().map(|l| l.encode_utf16().collect()).collect();
    let (mut line, mut start) = (0usize, 0usize);
    let mut got = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            line += t[0] as usize;
            start = 0;
        }
        start += t[1] as usize;
        let word = String::from_utf16(&lines[line][start..start + t[2] as usize]).unwrap();
        got.push(format!(
            "{word}:{}",
            legend[t[3] as usize].as_str().unwrap()
        ));
    }
    assert_eq!(
        got,
        [
            "indicator:keyword",
            "产出数量:enumMember",
            "\"𠀀人员\":string",
            ">=:operator",
            "50:number",
            "人:type",
            "# 注:comment",
            "unit:keyword",
            "万元:type",
        ]
    );
    c.finish();
}

/// The length an editor claims is not trusted: a frame over 64 MiB, a header line without end, or a
/// length the input does not hold ends the server with a message and exit 1 — never an attempt to
/// allocate it (which aborted the process).
#[test]
fn a_message_longer_than_the_server_reads_is_refused_before_it_is_allocated() {
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "99999999999",
            b"Content-Length: 99999999999\r\n\r\n".to_vec(),
            "99999999999 bytes",
        ),
        (
            "just over 64 MiB",
            format!("Content-Length: {}\r\n\r\n{{", (64 << 20) + 1).into_bytes(),
            "67108865 bytes",
        ),
        (
            "a header without end",
            vec![b'x'; 100_000],
            "header line longer",
        ),
        (
            "a short body",
            b"Content-Length: 100\r\n\r\n{}".to_vec(),
            "ended 2 bytes into",
        ),
    ];
    for (what, input, says) in cases {
        let out = assert_cmd::Command::cargo_bin("bdl")
            .unwrap()
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("lsp")
            .write_stdin(input)
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
        assert!(stderr.contains(says), "{what}: {stderr}");
        assert!(!stderr.contains("memory allocation"), "{what}: {stderr}");
    }
}
