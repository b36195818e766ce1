//! The frame of every page: the header with the navigation, the style sheet, and (for the editor) the
//! script. Every text from a declaration or a request goes through [`esc`].

use super::super::App;
use super::super::http::{Response, percent_encode};
use crate::messages::Ui;
use std::fmt::Write;

pub use crate::emit::html::escape as esc;

/// A link target for a file path (`/view/预算/a.bdl`, percent-encoded).
pub fn file_url(prefix: &str, relative: &str) -> String {
    format!("{prefix}{}", percent_encode(relative, true))
}

/// A whole page. `script` adds the editor's bundle.
pub fn page(app: &App, title: &str, body: &str, script: bool) -> String {
    frame(app, title, body, script, true)
}

/// The page; `token` puts the run's token in it (never in a refusal, which a foreign host may read).
fn frame(app: &App, title: &str, body: &str, script: bool, token: bool) -> String {
    let lang = match app.config.lang {
        crate::messages::Lang::Zh => "zh-CN",
        crate::messages::Lang::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         {}<title>{} · bdl</title>\n\
         <link rel=\"stylesheet\" href=\"/assets/serve.css\">\n",
        if token {
            format!(
                "<meta name=\"bdl-token\" content=\"{}\">\n",
                esc(&app.config.token)
            )
        } else {
            String::new()
        },
        esc(title)
    );
    if script {
        out.push_str("<script src=\"/assets/editor.js\" defer></script>\n");
    }
    out.push_str("</head>\n<body>\n<header class=\"top\">");
    let _ = write!(
        out,
        "<a class=\"brand\" href=\"/\">{}</a><nav><a href=\"/\">{}</a><a href=\"/review\">{}</a><a href=\"/explain\">{}</a></nav>",
        esc(&app.text(Ui::Product)),
        esc(&app.text(Ui::NavFolder)),
        esc(&app.text(Ui::NavReview)),
        esc(&app.text(Ui::NavExplain)),
    );
    if app.config.read_only {
        let _ = write!(
            out,
            "<span class=\"badge\">{}</span>",
            esc(&app.text(Ui::ReadOnlyBadge))
        );
    }
    out.push_str("</header>\n<main>\n");
    out.push_str(body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A short page that says what went wrong (JSON for the API: `routes::for_path`).
pub fn error(app: &App, status: u16, message: &str) -> Response {
    let body = format!(
        "<h1>{} {status}</h1>\n<p class=\"refusal\">{}</p>\n",
        esc(&app.text(Ui::ErrorTitle)),
        esc(message)
    );
    Response::html(
        status,
        frame(app, &app.text(Ui::ErrorTitle), &body, false, false),
    )
    .refusing(message)
}
