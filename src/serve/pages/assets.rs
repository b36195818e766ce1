//! The files the pages load, embedded in the binary: no network at run time. `editor.js` is the
//! bundle built by editors/web/build.sh (CodeMirror and the editor's own code), committed.

use super::super::App;
use super::super::http::Response;
use crate::messages::Ui;

const CSS: &str = include_str!("../assets/serve.css");
const EDITOR_JS: &str = include_str!("../assets/editor.js");

pub fn get(app: &App, name: &str) -> Response {
    match name {
        "serve.css" => Response::new(200, "text/css; charset=utf-8", CSS),
        "editor.js" => Response::new(200, "text/javascript; charset=utf-8", EDITOR_JS),
        _ => super::super::routes::refusal(app, 404, Ui::NotFound),
    }
}
