//! The editor's answers, as JSON: check a text as it is typed (diagnostics and the preview), complete
//! at the cursor, format, load and save. Offsets in requests and answers count UTF-16 code units, as
//! the browser does; the library's byte offsets are converted here.

use super::http::{Request, Response};
use super::{App, Ui, save};
use crate::diagnostic::{Diagnostic, Severity};
use crate::emit::html;
use crate::report;
use crate::source::line_col;
use serde_json::{Value, json};
use std::path::Path;

/// The JSON body of a request, or the refusal to give.
fn body(app: &App, req: &Request) -> Result<Value, Response> {
    serde_json::from_slice(&req.body).map_err(|_| super::routes::refusal(app, 400, Ui::BadRequest))
}

fn text_field(v: &Value, name: &str) -> String {
    v.get(name)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

/// The UTF-16 offset of byte `offset` in `src`.
pub fn utf16_of(src: &str, offset: usize) -> usize {
    src.get(..src.floor_char_boundary(offset.min(src.len())))
        .map_or(0, |b| b.encode_utf16().count())
}

/// The byte offset of UTF-16 offset `units` in `src` (clamped to the text).
pub fn byte_of(src: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in src.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    src.len()
}

/// Diagnostics as the editor and the pages show them.
pub fn diagnostics_json(app: &App, src: &str, diagnostics: &[Diagnostic]) -> Value {
    let lang = app.config.lang;
    Value::Array(
        diagnostics
            .iter()
            .map(|d| {
                let at = line_col(src, d.span.start);
                json!({
                    "from": utf16_of(src, d.span.start),
                    "to": utf16_of(src, d.span.end),
                    "line": at.line,
                    "column": at.column,
                    "severity": report::severity_word(d.severity),
                    "code": d.code.as_str(),
                    "message": d.message.get(lang),
                    "label": d.label.get(lang),
                    "help": d.help.as_ref().map(|h| h.get(lang)),
                    "explain": format!("/explain/{}", d.code.as_str()),
                })
            })
            .collect(),
    )
}

fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let n = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    (n(Severity::Error), n(Severity::Warning))
}

/// `POST /api/check {path, text}`: every diagnostic, and the printed tables when there is no error.
pub fn check(app: &App, req: &Request) -> Response {
    let v = match body(app, req) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let name = v
        .get("path")
        .and_then(Value::as_str)
        .unwrap_or("<text>")
        .to_string();
    let c = crate::compile_bytes(name, text_field(&v, "text").as_bytes());
    let (errors, warnings) = counts(&c.diagnostics);
    let preview = c.valid_declaration().map(html::render);
    Response::json(
        200,
        &json!({
            "diagnostics": diagnostics_json(app, &c.text, &c.diagnostics),
            "errors": errors,
            "warnings": warnings,
            "summary": crate::messages::summary(errors, warnings, 0).get(app.config.lang),
            "preview": preview,
        }),
    )
}

/// `POST /api/complete {text, offset, explicit}`: the range to replace and the items — the editor's
/// shared completion (`ide::completion`, as the language server's), those that begin with what is
/// typed of the word. `explicit` is the page's Ctrl-Space: then a list follows Chinese letters too.
pub fn complete(app: &App, req: &Request) -> Response {
    use crate::ide::completion::{self, ItemKind, Options};
    let v = match body(app, req) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let text = text_field(&v, "text");
    let units = v.get("offset").and_then(Value::as_u64).unwrap_or(0);
    let offset = byte_of(&text, usize::try_from(units).unwrap_or(usize::MAX));
    let options = Options {
        pinyin_initials: false,
        explicit: v.get("explicit").and_then(Value::as_bool).unwrap_or(false),
    };
    let items = completion::complete(&crate::ide::analyse(&text), offset, options);
    let cursor = crate::source::Span::new(offset, offset);
    let span = items.first().map_or(cursor, |i| i.replace);
    let typed = text.get(span.start..span.end).unwrap_or_default();
    let kind = |k: ItemKind| match k {
        ItemKind::Keyword => "keyword",
        ItemKind::Category => "category",
        ItemKind::Unit => "unit",
        ItemKind::Value => "value",
        ItemKind::Name => "name",
        ItemKind::Operator => "operator",
    };
    let items: Vec<Value> = items
        .iter()
        .filter(|i| i.replace == span && i.filter.starts_with(typed))
        .map(|i| {
            json!({
                "label": i.label,
                "type": kind(i.kind),
                "detail": i.detail.as_ref().map(|d| d.get(app.config.lang)),
                "apply": i.insert,
            })
        })
        .collect();
    Response::json(
        200,
        &json!({
            "from": utf16_of(&text, span.start),
            "to": utf16_of(&text, span.end),
            "items": items,
        }),
    )
}

/// `POST /api/format {text}`: the canonical form, or the syntax errors that prevent it.
pub fn format(app: &App, req: &Request) -> Response {
    let v = match body(app, req) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let text = text_field(&v, "text");
    match crate::fmt::format(&text) {
        Ok(out) => Response::json(200, &json!({"text": out})),
        Err(e) => Response::json(
            422,
            &json!({
                "error": app.text(Ui::FormatFailed),
                "diagnostics": diagnostics_json(app, &text, &e.diagnostics()),
            }),
        ),
    }
}

/// `GET /api/source/PATH`: the text on disk now and its version (the editor's reload).
pub fn source(app: &App, file: &Path) -> Response {
    match std::fs::read(file) {
        Ok(bytes) => {
            let c = crate::Source::decode("", &bytes);
            let text = c.map(|s| s.text).unwrap_or_default();
            Response::json(
                200,
                &json!({"text": text, "version": save::version(&bytes)}),
            )
        }
        Err(e) => Response::json(
            500,
            &json!({"error": format!("{}: {e}", app.text(Ui::CannotRead))}),
        ),
    }
}

/// `POST /api/save {path, text, version}`: writes the text when the file on disk is still the
/// version the page loaded; otherwise 409 with the disk's text and the difference.
pub fn save(app: &App, req: &Request) -> Response {
    if app.config.read_only {
        return super::routes::refusal(app, 403, Ui::ReadOnlyRefused);
    }
    let v = match body(app, req) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let relative = text_field(&v, "path");
    let text = text_field(&v, "text");
    let loaded = text_field(&v, "version");
    super::routes::with_file(app, &relative, |file| {
        let disk = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) => {
                return Response::json(
                    500,
                    &json!({"error": format!("{}: {e}", app.text(Ui::CannotRead))}),
                );
            }
        };
        if save::version(&disk) != loaded {
            let disk_text = String::from_utf8_lossy(&disk).into_owned();
            let difference = similar::TextDiff::from_lines(&disk_text, &text)
                .unified_diff()
                .header(&relative, &relative)
                .to_string();
            return Response::json(
                409,
                &json!({
                    "error": app.text(Ui::Conflict),
                    "disk_version": save::version(&disk),
                    "disk_text": disk_text,
                    "difference": difference,
                }),
            );
        }
        if let Err(e) = save::write_atomically(&file, text.as_bytes()) {
            return Response::json(
                500,
                &json!({"error": format!("{}: {e}", app.text(Ui::SaveFailed))}),
            );
        }
        let c = crate::compile_bytes(relative.clone(), text.as_bytes());
        let (errors, warnings) = counts(&c.diagnostics);
        let git = if app.config.git_commit {
            Some(save::git_commit(app.root.path(), &file, &relative))
        } else {
            None
        };
        let message = if errors > 0 {
            Ui::SavedWithErrors
        } else {
            Ui::Saved
        };
        Response::json(
            200,
            &json!({
                "version": save::version(text.as_bytes()),
                "errors": errors,
                "warnings": warnings,
                "message": app.text(message),
                "committed": matches!(git, Some(Ok(()))),
                "git_error": git.and_then(Result::err),
            }),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_convert_between_bytes_and_utf16() {
        let s = "a信访𝄞b";
        assert_eq!(utf16_of(s, 1), 1);
        assert_eq!(utf16_of(s, 4), 2);
        assert_eq!(utf16_of(s, 7), 3);
        assert_eq!(utf16_of(s, 11), 5);
        for b in [0, 1, 4, 7, 11, 12] {
            assert_eq!(byte_of(s, utf16_of(s, b)), b);
        }
        assert_eq!(byte_of(s, 99), s.len());
    }
}
