//! Review: the year-over-year change set of two declarations, or of two git revisions of one, as
//! `bdl diff` prints it (its Markdown, shown as a page).

use super::super::http::{Request, Response};
use super::super::{App, markdown, paths};
use super::layout::{esc, page as frame};
use crate::messages::Ui;
use std::fmt::Write;
use std::process::Command;

/// A revision git is given: a name, a hash, `HEAD~1`, `v2021^`; never an option.
fn safe_revision(rev: &str) -> bool {
    !rev.is_empty()
        && !rev.starts_with('-')
        && rev.len() <= 100
        && rev
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "~^._/-@{}".contains(c))
}

/// One side: the file now, or the file at a git revision; its name and bytes, or why not.
fn read_side(app: &App, relative: &str, rev: &str) -> Result<(String, Vec<u8>), String> {
    if rev.is_empty() {
        let file = app.root.resolve(relative).map_err(|refused| {
            let why = match refused {
                paths::Refused::NotFound => Ui::NotFound,
                paths::Refused::NotInside | paths::Refused::LinkOut => Ui::PathRefused,
            };
            format!("{}: {relative}", app.text(why))
        })?;
        // Resolved a moment ago: a read that fails now is the file vanishing meanwhile.
        let bytes =
            std::fs::read(&file).map_err(|_| format!("{}: {relative}", app.text(Ui::NotFound)))?;
        return Ok((relative.to_string(), bytes));
    }
    if !paths::plain(relative) {
        return Err(app.text(Ui::PathRefused));
    }
    if !safe_revision(rev) {
        return Err(format!("git: {rev}"));
    }
    let spec = format!("{rev}:./{relative}");
    let out = Command::new("git")
        .current_dir(app.root.path())
        .args(["show", "--no-textconv", &spec])
        .output()
        .map_err(|e| format!("git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok((format!("{rev}:{relative}"), out.stdout))
}

fn compile_side(app: &App, relative: &str, rev: &str) -> Result<crate::model::Declaration, String> {
    let (name, bytes) = read_side(app, relative, rev)?;
    let c = crate::compile_bytes(name.clone(), &bytes);
    if c.has_errors() {
        return Err(crate::messages::does_not_compile(&name)
            .get(app.config.lang)
            .to_string());
    }
    c.declaration.ok_or_else(|| name.clone())
}

pub fn page(app: &App, req: &Request) -> Response {
    let old = req.query("old").unwrap_or("");
    let new = req.query("new").unwrap_or("");
    let old_rev = req.query("old_rev").unwrap_or("").trim();
    let new_rev = req.query("new_rev").unwrap_or("").trim();
    let mut body = format!("<h1>{}</h1>\n", esc(&app.text(Ui::ReviewTitle)));
    form(app, &mut body, [(old, old_rev), (new, new_rev)]);
    let mut status = 200;
    if !old.is_empty() && !new.is_empty() {
        match (
            compile_side(app, old, old_rev),
            compile_side(app, new, new_rev),
        ) {
            (Ok(a), Ok(b)) => {
                let changes = crate::diff::diff(&a, &b);
                if changes.is_same() {
                    let _ = writeln!(
                        body,
                        "<p class=\"ok\">{}</p>",
                        esc(&app.text(Ui::ReviewSame))
                    );
                }
                let _ = writeln!(
                    body,
                    "<article class=\"review\">{}</article>",
                    markdown::to_html(&crate::diff::markdown::render(&changes))
                );
            }
            (a, b) => {
                status = 422;
                let _ = writeln!(
                    body,
                    "<h2>{}</h2><ul class=\"refusal\">",
                    esc(&app.text(Ui::ReviewCannot))
                );
                for e in [a.err(), b.err()].into_iter().flatten() {
                    let _ = writeln!(body, "<li>{}</li>", esc(&e));
                }
                body.push_str("</ul>\n");
            }
        }
    }
    Response::html(status, frame(app, &app.text(Ui::ReviewTitle), &body, false))
}

/// The two sides to choose: a file of the folder each, and optionally a git revision.
fn form(app: &App, out: &mut String, sides: [(&str, &str); 2]) {
    let (files, _) = crate::batch::walk(app.root.path());
    out.push_str("<form class=\"review-form\" method=\"get\" action=\"/review\">");
    for ((name, label), (chosen, rev)) in [("old", Ui::ReviewOld), ("new", Ui::ReviewNew)]
        .into_iter()
        .zip(sides)
    {
        let _ = write!(
            out,
            "<fieldset><legend>{}</legend><select name=\"{name}\" id=\"review-{name}\">",
            esc(&app.text(label))
        );
        for f in &files {
            let rel = f.display_relative();
            let selected = if rel == chosen { " selected" } else { "" };
            let _ = write!(
                out,
                "<option value=\"{v}\"{selected}>{v}</option>",
                v = esc(&rel)
            );
        }
        let _ = write!(
            out,
            "</select> <label>{} <input name=\"{name}_rev\" value=\"{}\" size=\"12\"></label></fieldset>",
            esc(&app.text(Ui::ReviewRevision)),
            esc(rev)
        );
    }
    let _ = writeln!(
        out,
        "<button type=\"submit\" id=\"review-compare\">{}</button></form>",
        esc(&app.text(Ui::ReviewCompare))
    );
}

#[cfg(test)]
mod tests {
    use super::safe_revision;

    #[test]
    fn revisions_are_never_options() {
        assert!(safe_revision("HEAD~1") && safe_revision("v2021") && safe_revision("a1b2c3"));
        assert!(!safe_revision("--output=x") && !safe_revision("") && !safe_revision("a b"));
        assert!(!safe_revision("HEAD:../x"));
    }
}
