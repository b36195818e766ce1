//! A declaration: its official tables exactly as `bdl build --format html` prints them (the same page,
//! shown in a frame that runs no script), its diagnostics with links to their lines in the source
//! below, and downloads of the four outputs.

use super::super::App;
use super::super::http::{Response, percent_encode};
use super::layout::{esc, file_url, page as frame};
use crate::Compilation;
use crate::emit;
use crate::messages::Ui;
use crate::source::line_col;
use std::fmt::Write;
use std::path::Path;

/// Reads and compiles a file through the front door; a read error becomes the page to answer.
pub fn compile(app: &App, relative: &str, file: &Path) -> Result<(Compilation, Vec<u8>), Response> {
    match std::fs::read(file) {
        Ok(bytes) => Ok((crate::compile_bytes(relative, &bytes), bytes)),
        Err(e) => Err(super::layout::error(
            app,
            500,
            &format!("{}: {e}", app.text(Ui::CannotRead)),
        )),
    }
}

pub fn page(app: &App, relative: &str, file: &Path) -> Response {
    let (c, _) = match compile(app, relative, file) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>{}</h1>\n<p class=\"actions\"><a class=\"button\" href=\"{}\">{}</a> {}:",
        esc(relative),
        file_url("/edit/", relative),
        esc(&app.text(Ui::Edit)),
        esc(&app.text(Ui::Downloads)),
    );
    for f in ["md", "json", "html", "xlsx"] {
        let _ = write!(
            body,
            " <a class=\"download\" href=\"{}?format={f}\">{f}</a>",
            file_url("/download/", relative)
        );
    }
    body.push_str("</p>\n");
    let _ = writeln!(body, "<h2>{}</h2>", esc(&app.text(Ui::Diagnostics)));
    diagnostics(app, &mut body, &c, "#L");
    let _ = writeln!(body, "<h2>{}</h2>", esc(&app.text(Ui::TablesTitle)));
    if c.valid_declaration().is_some() {
        let _ = writeln!(
            body,
            "<iframe class=\"tables\" sandbox=\"allow-same-origin\" src=\"{}\" title=\"{}\"></iframe>",
            file_url("/tables/", relative),
            esc(&app.text(Ui::TablesTitle))
        );
    } else {
        let _ = writeln!(
            body,
            "<p class=\"not-printed\">{}</p>",
            esc(&app.text(Ui::TablesNotPrinted))
        );
    }
    source_listing(&mut body, &c.text);
    Response::html(200, frame(app, relative, &body, false))
}

/// The diagnostics as a list: code (linked to its page), severity, place (linked to `{line_link}N`),
/// message, label and help.
pub fn diagnostics(app: &App, out: &mut String, c: &Compilation, line_link: &str) {
    if c.diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"ok\">{}</p>",
            esc(&app.text(Ui::NoDiagnostics))
        );
        return;
    }
    let lang = app.config.lang;
    out.push_str("<ul class=\"diagnostics\">\n");
    for d in &c.diagnostics {
        let at = line_col(&c.text, d.span.start);
        let severity = crate::report::severity_word(d.severity);
        let _ = write!(
            out,
            "<li class=\"{severity}\"><a class=\"code\" href=\"/explain/{code}\">{code}</a> \
             <span class=\"severity\">{severity}</span> \
             <a class=\"place\" href=\"{line_link}{line}\">{word} {line}:{col}</a> \
             <span class=\"message\">{msg}</span>",
            code = d.code.as_str(),
            line = at.line,
            col = at.column,
            word = esc(&app.text(Ui::Line)),
            msg = esc(d.message.get(lang)),
        );
        if !d.label.get(lang).is_empty() {
            let _ = write!(
                out,
                " <span class=\"label\">— {}</span>",
                esc(d.label.get(lang))
            );
        }
        if let Some(h) = &d.help {
            let _ = write!(out, "<div class=\"help\">{}</div>", esc(h.get(lang)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// The source with numbered lines, each an anchor the diagnostics link to.
fn source_listing(out: &mut String, text: &str) {
    out.push_str("<pre class=\"source\">");
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let _ = writeln!(
            out,
            "<span class=\"line\" id=\"L{n}\"><span class=\"n\">{n}</span>{}</span>",
            esc(line)
        );
    }
    out.push_str("</pre>\n");
}

/// `GET /tables/PATH`: the page `bdl build --format html` prints, byte for byte.
pub fn tables(app: &App, relative: &str, file: &Path) -> Response {
    let (c, _) = match compile(app, relative, file) {
        Ok(c) => c,
        Err(r) => return r,
    };
    match c.valid_declaration() {
        Some(d) => Response::html(200, emit::html::render(d)),
        None => super::layout::error(app, 422, &app.text(Ui::TablesNotPrinted)),
    }
}

/// `GET /download/PATH?format=md|json|html|xlsx`: the output as a file to save.
pub fn download(app: &App, relative: &str, file: &Path, format: &str) -> Response {
    let (c, _) = match compile(app, relative, file) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(d) = c.valid_declaration() else {
        return super::layout::error(app, 422, &app.text(Ui::TablesNotPrinted));
    };
    let (body, content_type): (Vec<u8>, &str) = match format {
        "md" => (
            emit::markdown::render(d).into_bytes(),
            "text/markdown; charset=utf-8",
        ),
        "json" => (
            emit::json::render(d).into_bytes(),
            "application/json; charset=utf-8",
        ),
        "html" => (
            emit::html::render(d).into_bytes(),
            "text/html; charset=utf-8",
        ),
        "xlsx" => match emit::xlsx::render_checked(d) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            // A text too long for a cell is the workbook's refusal with its code (B5003), as in
            // `bdl build`; the page already listed it among the file's warnings.
            Err(emit::xlsx::Refused::Coded(d)) => {
                return super::layout::error(
                    app,
                    422,
                    &format!("{}: {}", d.code.as_str(), d.message.get(app.config.lang)),
                );
            }
            Err(emit::xlsx::Refused::Other(e)) => {
                return super::layout::error(app, 500, &e.to_string());
            }
        },
        _ => return super::layout::error(app, 404, &app.text(Ui::NotFound)),
    };
    let stem = Path::new(relative).file_stem().map_or_else(
        || "declaration".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let name = format!("{stem}.{format}");
    Response::new(200, content_type, body).with_header(
        "Content-Disposition",
        &format!(
            "attachment; filename=\"declaration.{format}\"; filename*=UTF-8''{}",
            percent_encode(&name, false)
        ),
    )
}
