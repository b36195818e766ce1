//! Every diagnostic's page (docs/diagnostics/CODE.md, as `bdl explain CODE` prints it), and the list
//! of codes. Every diagnostic on every page links here.

use super::super::App;
use super::super::http::Response;
use super::super::markdown;
use super::layout::{esc, page as frame};
use crate::messages::Ui;
use std::fmt::Write;

pub fn list(app: &App) -> Response {
    let mut body = format!(
        "<h1>{}</h1>\n<table class=\"list\"><tbody>\n",
        esc(&app.text(Ui::ExplainTitle))
    );
    for c in crate::registry::all() {
        let _ = writeln!(
            body,
            "<tr class=\"{sev}\"><td><a href=\"/explain/{code}\">{code}</a></td><td>{sev}</td><td>{title}</td></tr>",
            code = c.as_str(),
            sev = crate::report::severity_word(c.severity()),
            title = esc(c.title_in(app.config.lang)),
        );
    }
    body.push_str("</tbody></table>\n");
    Response::html(200, frame(app, &app.text(Ui::ExplainTitle), &body, false))
}

pub fn page(app: &App, code: &str) -> Response {
    match crate::registry::parse(code) {
        Some(c) => {
            let chinese = match app.config.lang {
                crate::messages::Lang::Zh => app.config.chinese_pages.and_then(|f| f(c.as_str())),
                crate::messages::Lang::En => None,
            };
            let body = format!(
                "<article class=\"explain\">{}</article>\n<p><a href=\"/explain\">{}</a></p>\n",
                markdown::to_html(chinese.unwrap_or(c.page())),
                esc(&app.text(Ui::ExplainTitle))
            );
            Response::html(200, frame(app, c.as_str(), &body, false))
        }
        None => super::layout::error(app, 404, &app.text(Ui::UnknownCode)),
    }
}
