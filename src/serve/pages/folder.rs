//! The folder: every declaration with its year, department, totals and its count of errors and
//! warnings, grouped by folder; the roll-up of those without errors; and the years of each department
//! side by side. Read from disk on every request, so a change made elsewhere shows on reload.

use super::super::App;
use super::super::http::{Response, percent_encode};
use super::layout::{esc, file_url, page as frame};
use crate::batch::{self, rollup};
use crate::diagnostic::Severity;
use crate::messages::Ui;
use crate::present::figures;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One file of the folder as the page lists it.
struct Row {
    relative: String,
    folder: String,
    entry: Option<rollup::Entry>,
    errors: usize,
    warnings: usize,
    /// Why the file could not be read, when it could not.
    unreadable: Option<String>,
}

fn row(source: &batch::Source) -> Row {
    let relative = source.display_relative();
    let folder = relative
        .rsplit_once('/')
        .map_or_else(String::new, |(f, _)| f.to_string());
    let bytes = match std::fs::read(&source.path) {
        Ok(b) => b,
        Err(e) => {
            return Row {
                relative,
                folder,
                entry: None,
                errors: 0,
                warnings: 0,
                unreadable: Some(e.to_string()),
            };
        }
    };
    let c = crate::compile_bytes(relative.clone(), &bytes);
    let count = |s: Severity| c.diagnostics.iter().filter(|d| d.severity == s).count();
    let entry = c
        .declaration
        .as_ref()
        .and_then(|d| rollup::Entry::of(relative.clone(), d).ok());
    Row {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        relative,
        folder,
        entry,
        unreadable: None,
    }
}

pub fn page(app: &App) -> Response {
    let (sources, walk_errors) = batch::walk(app.root.path());
    let rows: Vec<Row> = sources.par_iter().map(row).collect();
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>", esc(&app.text(Ui::FolderTitle)));
    let _ = writeln!(
        body,
        "<p class=\"where\"><code>{}</code></p>",
        esc(&app.root.path().display().to_string())
    );
    if rows.is_empty() {
        let _ = writeln!(body, "<p>{}</p>", esc(&app.text(Ui::FolderEmpty)));
    }
    let mut by_folder: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_folder.entry(r.folder.as_str()).or_default().push(r);
    }
    for (folder, rows) in &by_folder {
        let name = if folder.is_empty() {
            app.text(Ui::FolderRoot)
        } else {
            format!("{folder}/")
        };
        let _ = writeln!(body, "<section class=\"folder\"><h2>{}</h2>", esc(&name));
        table(app, &mut body, rows);
        body.push_str("</section>\n");
    }
    rollup_table(app, &mut body, &rows);
    years(app, &mut body, &rows);
    if !walk_errors.is_empty() {
        let _ = writeln!(body, "<h2>{}</h2><ul>", esc(&app.text(Ui::WalkProblems)));
        for e in &walk_errors {
            let _ = writeln!(
                body,
                "<li><code>{}</code>: {}</li>",
                esc(&e.path.display().to_string()),
                esc(&e.message)
            );
        }
        body.push_str("</ul>\n");
    }
    Response::html(200, frame(app, &app.text(Ui::FolderTitle), &body, false))
}

fn money(d: Option<Decimal>) -> String {
    d.map_or_else(String::new, figures::exact)
}

fn table(app: &App, out: &mut String, rows: &[&Row]) {
    out.push_str("<table class=\"list\"><thead><tr>");
    for h in [
        Ui::ColFile,
        Ui::ColYear,
        Ui::ColFiler,
        Ui::ColDepartment,
        Ui::ColTotal,
        Ui::ColProject,
        Ui::ColDirections,
        Ui::ColScore,
        Ui::ColGrade,
        Ui::ColErrors,
        Ui::ColWarnings,
        Ui::ColActions,
    ] {
        let _ = write!(out, "<th>{}</th>", esc(&app.text(h)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in rows {
        let class = if r.errors > 0 || r.unreadable.is_some() {
            " class=\"has-errors\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<tr{class}><td><a href=\"{}\">{}</a>",
            file_url("/view/", &r.relative),
            esc(&r.relative)
        );
        if r.errors > 0 {
            let _ = write!(
                out,
                " <span class=\"mark\">{}</span>",
                esc(&app.text(Ui::HasErrors))
            );
        }
        if let Some(why) = &r.unreadable {
            let _ = write!(
                out,
                " <span class=\"mark\">{}: {}</span>",
                esc(&app.text(Ui::CannotRead)),
                esc(why)
            );
        }
        out.push_str("</td>");
        let e = r.entry.as_ref();
        let cells = [
            e.and_then(|e| e.year)
                .map_or_else(String::new, |y| y.to_string()),
            e.and_then(|e| e.filer.clone()).unwrap_or_default(),
            e.and_then(|e| e.department.clone()).unwrap_or_default(),
        ];
        for c in &cells {
            let _ = write!(out, "<td>{}</td>", esc(c));
        }
        let _ = write!(
            out,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            money(e.and_then(|e| e.total)),
            money(e.map(|e| e.project_spending)),
            e.map_or_else(String::new, |e| e.directions.to_string())
        );
        // The self-evaluation's score and grade, as `bdl build DIR` writes them in _rollup.md.
        let graded = e.and_then(|e| e.evaluation.as_ref());
        let _ = write!(
            out,
            "<td class=\"num\">{}</td><td>{}</td>",
            graded.map_or_else(String::new, |g| figures::display_fixed(g.score, 2)),
            esc(graded.map_or("", |g| g.grade))
        );
        // Only a count of errors above zero is shown in red.
        let errors_class = if r.errors > 0 { "num errors" } else { "num" };
        let _ = write!(
            out,
            "<td class=\"{errors_class}\">{}</td><td class=\"num warnings\">{}</td>",
            r.errors, r.warnings
        );
        let _ = writeln!(
            out,
            "<td><a href=\"{}\">{}</a> <a href=\"{}\">{}</a></td></tr>",
            file_url("/view/", &r.relative),
            esc(&app.text(Ui::Open)),
            file_url("/edit/", &r.relative),
            esc(&app.text(Ui::Edit))
        );
    }
    out.push_str("</tbody></table>\n");
}

/// The grand totals over the declarations without errors, as `bdl build DIR` rolls them up.
fn rollup_table(app: &App, out: &mut String, rows: &[Row]) {
    let mut r = rollup::Rollup::default();
    for row in rows.iter().filter(|r| r.errors == 0) {
        if let Some(e) = &row.entry {
            let _ = r.push(e.clone());
        }
    }
    let t = &r.totals;
    let _ = writeln!(
        out,
        "<section class=\"rollup\"><h2>{}</h2><table class=\"list\"><tbody>",
        esc(&app.text(Ui::RollupTitle))
    );
    let mut line = |label: &str, value: String| {
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td class=\"num\">{}</td></tr>",
            esc(label),
            esc(&value)
        );
    };
    line(&app.text(Ui::RollupDepartments), t.departments.to_string());
    line(&app.text(Ui::ColTotal), figures::exact(t.total));
    for (n, v) in &t.income {
        line(&format!("按收入性质分：{n}"), figures::exact(*v));
    }
    for (n, v) in &t.spending {
        line(&format!("按支出性质分：{n}"), figures::exact(*v));
    }
    line(
        &app.text(Ui::ColProject),
        figures::exact(t.project_spending),
    );
    line(&app.text(Ui::ColDirections), t.directions.to_string());
    line(
        &app.text(Ui::RollupEvaluated),
        r.entries
            .iter()
            .filter(|e| e.evaluation.is_some())
            .count()
            .to_string(),
    );
    out.push_str("</tbody></table></section>\n");
}

/// Each department (filer and department name) in a row, its years in columns, with a link to the
/// review of each year against the one before. A cell shows the 资金总额, else (a project form or
/// self-evaluation has none) the 项目支出, named as such; several files of one department and year
/// are all shown, and marked.
fn years(app: &App, out: &mut String, rows: &[Row]) {
    let mut departments: BTreeMap<(String, String), BTreeMap<i32, Vec<&Row>>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.errors == 0) {
        let Some(e) = &r.entry else { continue };
        let Some(year) = e.year else { continue };
        let key = (
            e.filer.clone().unwrap_or_default(),
            e.department.clone().unwrap_or_default(),
        );
        departments
            .entry(key)
            .or_default()
            .entry(year)
            .or_default()
            .push(r);
    }
    let all_years: std::collections::BTreeSet<i32> = departments
        .values()
        .flat_map(|m| m.keys().copied())
        .collect();
    if all_years.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"years\"><h2>{}</h2><table class=\"list\"><thead><tr><th>{}</th><th>{}</th>",
        esc(&app.text(Ui::YearsTitle)),
        esc(&app.text(Ui::ColFiler)),
        esc(&app.text(Ui::ColDepartment))
    );
    for y in &all_years {
        let _ = write!(out, "<th>{y}</th>");
    }
    let _ = writeln!(
        out,
        "<th>{}</th></tr></thead><tbody>",
        esc(&app.text(Ui::NavReview))
    );
    for ((filer, department), by_year) in &departments {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td>",
            esc(filer),
            esc(department)
        );
        for y in &all_years {
            let files = by_year.get(y).map_or(&[][..], Vec::as_slice);
            if files.is_empty() {
                out.push_str("<td></td>");
                continue;
            }
            out.push_str("<td class=\"num\">");
            if files.len() > 1 {
                let _ = write!(
                    out,
                    "<span class=\"mark\">{}</span>",
                    esc(&app.text(Ui::YearsClash))
                );
            }
            for r in files {
                year_cell(app, out, r, files.len() > 1);
            }
            out.push_str("</td>");
        }
        out.push_str("<td>");
        let list: Vec<(&i32, &Vec<&Row>)> = by_year.iter().collect();
        for pair in list.windows(2) {
            let [(y0, old), (y1, new)] = pair else {
                continue;
            };
            let several = old.len() > 1 || new.len() > 1;
            for r0 in old.iter() {
                for r1 in new.iter() {
                    let _ = write!(
                        out,
                        "<a href=\"/review?old={}&amp;new={}\"",
                        percent_encode(&r0.relative, false),
                        percent_encode(&r1.relative, false)
                    );
                    if several {
                        let _ = write!(
                            out,
                            " title=\"{} → {}\"",
                            esc(&r0.relative),
                            esc(&r1.relative)
                        );
                    }
                    let _ = write!(out, ">{y0}→{y1}</a> ");
                }
            }
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody></table></section>\n");
}

/// One declaration in a year's cell: its figure, linked to its page, and which figure it is when it
/// is not the 资金总额; with its file name when the year has several.
fn year_cell(app: &App, out: &mut String, r: &Row, named: bool) {
    let Some(e) = &r.entry else { return };
    let (figure, project) = match e.total {
        Some(total) => (total, false),
        None => (e.project_spending, true),
    };
    out.push_str("<div>");
    let _ = write!(
        out,
        "<a href=\"{}\">{}</a>",
        file_url("/view/", &r.relative),
        figures::exact(figure)
    );
    if project {
        let _ = write!(
            out,
            " <span class=\"figure\">{}</span>",
            esc(&app.text(Ui::YearsProjectFigure))
        );
    }
    if named {
        let _ = write!(out, " <span class=\"file\">{}</span>", esc(&r.relative));
    }
    out.push_str("</div>");
}
