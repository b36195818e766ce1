//! The edge: diagnostics → miette reports, rendered for people. Nothing inside the compiler depends on
//! miette; this is the one place that converts.

use crate::diagnostic::{Diagnostic, Severity};
use crate::messages::{self as msg, Lang};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::sync::Arc;

/// One diagnostic with its source, as miette wants it.
#[derive(Debug)]
pub struct Report {
    diagnostic: Diagnostic,
    /// None when there is no text to show (a file that is not UTF-8).
    source: Option<CharColumns>,
    help: Option<String>,
    lang: Lang,
}

impl Report {
    /// The report of `diagnostic` in `lang`.
    pub fn new(diagnostic: Diagnostic, name: &str, src: Arc<String>, lang: Lang) -> Self {
        let help = diagnostic.help.as_ref().map(|h| h.get(lang));
        let breadcrumb = (!diagnostic.path.is_empty()).then(|| msg::breadcrumb(&diagnostic.path));
        let help = match (help, breadcrumb) {
            (Some(h), Some(b)) => Some(format!("{h}\n{}", b.get(lang))),
            (Some(h), None) => Some(h.to_string()),
            (None, Some(b)) => Some(b.get(lang).to_string()),
            (None, None) => None,
        };
        let source = (!src.is_empty()).then(|| CharColumns {
            name: name.to_string(),
            text: src,
        });
        Report {
            diagnostic,
            source,
            help,
            lang,
        }
    }
}

/// The source as miette reads it, but with the column of a location counted in characters: miette
/// counts bytes, which puts `file:line:col` far to the right on lines with Chinese text.
#[derive(Debug)]
struct CharColumns {
    name: String,
    text: Arc<String>,
}

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        // The location line (`╭─[file:line:col]`) asks for the span alone; snippets ask with context.
        let column = if before == 0 && after == 0 {
            crate::source::line_col(&self.text, span.offset()).column - 1
        } else {
            inner.column()
        };
        let contents = MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )
        .with_language("bdl");
        Ok(Box::new(contents))
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.diagnostic.message.get(self.lang))
    }
}

impl std::error::Error for Report {}

fn span(s: crate::source::Span) -> SourceSpan {
    SourceSpan::from((s.start, s.len()))
}

impl miette::Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diagnostic.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let primary = LabeledSpan::new_primary_with_span(
            Some(self.diagnostic.label.get(self.lang).to_string()),
            span(self.diagnostic.span),
        );
        let others = self.diagnostic.labels.iter().map(|l| {
            LabeledSpan::new_with_span(Some(l.text.get(self.lang).to_string()), span(l.span))
        });
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

/// Renders diagnostics of one file, in order, in `lang`, as text for a terminal (`color`) or for files
/// and tests.
pub fn render(
    diagnostics: &[Diagnostic],
    name: &str,
    src: &str,
    color: bool,
    lang: Lang,
) -> String {
    let (diagnostics, name, src) = printable(diagnostics, name, src);
    let diagnostics = &diagnostics[..];
    let name = name.as_str();
    let src = Arc::new(src);
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    for d in diagnostics {
        let report = Report::new(d.clone(), name, src.clone(), lang);
        let mut one = String::new();
        if handler.render_report(&mut one, &report).is_ok() {
            out.push_str(&help_heading(&one, lang));
        } else {
            out.push_str(&format!(
                "{}[{}]: {}\n",
                severity_word(d.severity),
                d.code.as_str(),
                d.message.get(lang)
            ));
        }
        out.push('\n');
    }
    out
}

/// The diagnostics, file name and source as they are safe to print: every control character shown as a
/// picture (`␛`) or a code point (`<U+202E>`) — in the source lines, the messages and the name — and
/// the spans moved to match. A terminal never receives a control character from a declaration.
fn printable(
    diagnostics: &[Diagnostic],
    name: &str,
    src: &str,
) -> (Vec<Diagnostic>, String, String) {
    use crate::present::control_chars::visible;
    // (offset in the source, bytes added by the character's picture), in order.
    let mut growth: Vec<(usize, usize)> = Vec::new();
    let mut added = 0;
    for (i, c) in src.char_indices() {
        if crate::present::control_chars::name(c).is_some() {
            let shown = visible(c.encode_utf8(&mut [0; 4])).len();
            added += shown.saturating_sub(c.len_utf8());
            growth.push((i, added));
        }
    }
    let shift = |offset: usize| {
        let before = growth.partition_point(|(at, _)| *at < offset);
        offset
            + before
                .checked_sub(1)
                .and_then(|i| growth.get(i))
                .map_or(0, |(_, n)| *n)
    };
    let span = |s: crate::source::Span| crate::source::Span::new(shift(s.start), shift(s.end));
    let text = |t: &msg::Text| msg::Text::new(visible(&t.en), visible(&t.zh));
    let diagnostics = diagnostics
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.span = span(d.span);
            d.message = text(&d.message);
            d.label = text(&d.label);
            d.help = d.help.as_ref().map(text);
            for l in &mut d.labels {
                l.span = span(l.span);
                l.text = text(&l.text);
            }
            d.path = d.path.iter().map(|p| visible(p)).collect();
            d
        })
        .collect();
    (diagnostics, visible(name), visible(src))
}

/// miette writes the heading `help: ` itself, in English; in another language it is replaced by the
/// catalogue's, which takes as many columns, so the wrapped lines below stay aligned.
fn help_heading(report: &str, lang: Lang) -> String {
    let heading = msg::help_heading();
    let local = heading.get(lang);
    if local == heading.en {
        return report.to_string();
    }
    report
        .split_inclusive('\n')
        .map(|line| match line.split_once(&heading.en) {
            Some((before, after)) if without_escapes(before) == "  " => {
                format!("{before}{local}{after}")
            }
            _ => line.to_string(),
        })
        .collect()
}

/// The text without its terminal colour codes (`ESC [ … letter`).
fn without_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// `N errors, N warnings` for the end of a run, in `lang`.
pub fn summary(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    msg::summary(
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    )
    .get(lang)
    .to_string()
}

/// One line per diagnostic, `file:line:col: severity[code]: message`, for editors and CI logs. The
/// severity word stays English in every language, as problem matchers expect it; the message is in
/// `lang`.
pub fn short(diagnostics: &[Diagnostic], name: &str, src: &str, lang: Lang) -> String {
    use crate::present::control_chars::visible;
    let mut out = String::new();
    for d in diagnostics {
        let at = crate::source::line_col(src, d.span.start);
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}\n",
            visible(name),
            at.line,
            at.column,
            severity_word(d.severity),
            d.code.as_str(),
            visible(d.message.get(lang))
        ));
    }
    out
}

/// The diagnostics of one file as JSON objects: code, severity, message, start and end (line and
/// character column, from 1), labels, help and the breadcrumb path. Field names, codes and severities
/// are the same in every language; the texts are in `lang`.
pub fn json(
    diagnostics: &[Diagnostic],
    name: &str,
    src: &str,
    lang: Lang,
) -> Vec<serde_json::Value> {
    let place = |s: crate::source::Span| {
        let (a, b) = (
            crate::source::line_col(src, s.start),
            crate::source::line_col(src, s.end),
        );
        (
            serde_json::json!({ "line": a.line, "column": a.column }),
            serde_json::json!({ "line": b.line, "column": b.column }),
        )
    };
    diagnostics
        .iter()
        .map(|d| {
            let (start, end) = place(d.span);
            let labels: Vec<serde_json::Value> = std::iter::once((d.span, &d.label))
                .chain(d.labels.iter().map(|l| (l.span, &l.text)))
                .map(|(s, text)| {
                    let (start, end) = place(s);
                    serde_json::json!({ "message": text.get(lang), "start": start, "end": end })
                })
                .collect();
            serde_json::json!({
                "file": name,
                "code": d.code.as_str(),
                "severity": severity_word(d.severity),
                "message": d.message.get(lang),
                "start": start,
                "end": end,
                "labels": labels,
                "help": d.help.as_ref().map(|h| h.get(lang)),
                "path": d.path,
            })
        })
        .collect()
}
