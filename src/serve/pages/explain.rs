//! Every diagnostic's page (docs/diagnostics/CODE.md, as `bdl explain CODE` prints it), and the list
//! of codes. Every diagnostic on every page links here.

use super::super::App;
use super::super::http::Response;
use super::super::markdown;
use super::layout::{esc, page as frame};
use crate::messages::{Lang, Ui};
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

/// The page of `code`, in the server's language or the one a `?lang=` asks for (the Chinese page
/// links to the English one). Links to other codes' pages lead to this server's pages.
pub fn page(app: &App, code: &str, asked: Option<&str>) -> Response {
    let Some(c) = crate::registry::parse(code) else {
        return super::layout::error(app, 404, &app.text(Ui::UnknownCode));
    };
    let lang = match asked {
        Some("en") => Lang::En,
        Some("zh") => Lang::Zh,
        _ => app.config.lang,
    };
    let chinese = match lang {
        Lang::Zh => app.config.chinese_pages.and_then(|f| f(c.as_str())),
        Lang::En => None,
    };
    let shown = if chinese.is_some() {
        Lang::Zh
    } else {
        Lang::En
    };
    let body = format!(
        "<article class=\"explain\">{}</article>\n<p><a href=\"/explain\">{}</a></p>\n",
        markdown::to_html_linking(chinese.unwrap_or(c.page()), |dest| link(app, shown, dest)),
        esc(&app.text(Ui::ExplainTitle))
    );
    Response::html(200, frame(app, c.as_str(), &body, false))
}

/// Where a link of a diagnostic page shown in `shown` leads on this server: `B1010.md` (the same
/// language), `../B1010.md` (from docs/diagnostics/zh/, the English page) or `zh/B1010.md` (the
/// Chinese page); any other link is dropped.
fn link(app: &App, shown: Lang, dest: &str) -> Option<String> {
    let (target, file) = match (shown, dest.strip_prefix("../"), dest.strip_prefix("zh/")) {
        (Lang::Zh, Some(file), _) => (Lang::En, file),
        (Lang::En, _, Some(file)) => (Lang::Zh, file),
        _ => (shown, dest),
    };
    let code = crate::registry::parse(file.strip_suffix(".md")?)?;
    let query = if target == app.config.lang {
        ""
    } else {
        match target {
            Lang::En => "?lang=en",
            Lang::Zh => "?lang=zh",
        }
    };
    Some(format!("/explain/{}{query}", code.as_str()))
}
