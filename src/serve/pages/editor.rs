//! The editor: the source with syntax colouring and the diagnostics in place as one types (the text is
//! checked on the server, debounced), beside a live preview of the printed tables; completion, format,
//! save. The page is a frame for the script (`assets/editor.js`); the file's text and the texts the
//! script shows travel in a JSON block the browser does not run.

use super::super::http::Response;
use super::super::{App, save};
use super::layout::{esc, file_url, page as frame};
use crate::messages::Ui;
use serde_json::{Map, Value, json};
use std::fmt::Write;
use std::path::Path;

/// JSON made safe inside `<script type="application/json">`: no `<`, `>` or `&` can end the block.
pub fn script_json(v: &Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

pub fn page_data(app: &App, relative: &str, text: &str, version: &str) -> Value {
    let ui: Map<String, Value> = Ui::ALL
        .iter()
        .map(|u| (u.key().to_string(), Value::String(app.text(*u))))
        .collect();
    json!({
        "path": relative,
        "text": text,
        "version": version,
        "readOnly": app.config.read_only,
        "keywords": crate::syntax::keywords::Keyword::ALL.iter().map(|k| k.word()).collect::<Vec<_>>(),
        "ui": ui,
    })
}

pub fn page(app: &App, relative: &str, file: &Path) -> Response {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            return super::layout::error(app, 500, &format!("{}: {e}", app.text(Ui::CannotRead)));
        }
    };
    // A file bdl cannot read as text (GBK, UTF-16) is not opened for editing: saving the empty text
    // would replace it. Its page says why and how to convert it.
    let text = match crate::Source::decode(relative, &bytes) {
        Ok(s) => s.text,
        Err(c) => {
            let mut body = format!("<h1>{}</h1>\n", esc(relative));
            super::declaration::diagnostics(app, &mut body, &c, "#L");
            return Response::html(422, frame(app, relative, &body, false));
        }
    };
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>{} <span class=\"file\">{}</span></h1>",
        esc(&app.text(Ui::EditorTitle)),
        esc(relative)
    );
    body.push_str("<div class=\"toolbar\">");
    let _ = write!(
        body,
        "<button type=\"button\" id=\"bdl-format\">{}</button>",
        esc(&app.text(Ui::Format))
    );
    if app.config.read_only {
        let _ = write!(
            body,
            "<span class=\"readonly\">{}</span>",
            esc(&app.text(Ui::ReadOnlyEditor))
        );
    } else {
        let _ = write!(
            body,
            "<button type=\"button\" id=\"bdl-save\">{}</button>",
            esc(&app.text(Ui::Save))
        );
    }
    let _ = writeln!(
        body,
        "<span id=\"bdl-status\" role=\"status\"></span><a href=\"{}\">{}</a></div>",
        file_url("/view/", relative),
        esc(&app.text(Ui::Open))
    );
    let _ = writeln!(
        body,
        "<div id=\"bdl-conflict\" class=\"conflict\" hidden><p>{}</p>\
         <button type=\"button\" id=\"bdl-reload\">{}</button> \
         <button type=\"button\" id=\"bdl-show-diff\">{}</button>\
         <pre id=\"bdl-difference\" hidden></pre></div>",
        esc(&app.text(Ui::Conflict)),
        esc(&app.text(Ui::Reload)),
        esc(&app.text(Ui::ShowDifference))
    );
    let _ = writeln!(
        body,
        "<div class=\"workspace\"><div class=\"source-pane\"><div id=\"bdl-editor\"></div>\
         <ul id=\"bdl-diagnostics\" class=\"diagnostics\"></ul></div>\
         <div class=\"preview-pane\"><h2>{}</h2><p id=\"bdl-preview-note\" class=\"not-printed\" hidden>{}</p>\
         <iframe id=\"bdl-preview\" sandbox=\"allow-same-origin\" title=\"{}\"></iframe></div></div>",
        esc(&app.text(Ui::Preview)),
        esc(&app.text(Ui::TablesNotPrinted)),
        esc(&app.text(Ui::Preview))
    );
    let data = page_data(app, relative, &text, &save::version(&bytes));
    let _ = writeln!(
        body,
        "<script type=\"application/json\" id=\"bdl-data\">{}</script>",
        script_json(&data)
    );
    Response::html(200, frame(app, relative, &body, true))
}
