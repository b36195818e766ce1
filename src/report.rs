//! The edge: diagnostics → miette reports, rendered for people. Nothing inside the compiler depends on
//! miette; this is the one place that converts.

use crate::diagnostic::{Diagnostic, Severity};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::sync::Arc;

/// A named source whose columns count characters, as editors do. miette's own sources count bytes,
/// which puts `file:line:column` far to the right on Chinese lines (3 bytes a character).
#[derive(Debug)]
struct Source {
    name: String,
    text: Arc<String>,
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        let start = inner.span().offset();
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..start].chars().count();
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.name.clone(),
                inner.data(),
                *inner.span(),
                inner.line(),
                column,
                inner.line_count(),
            )
            .with_language("bdl"),
        ))
    }
}

/// One diagnostic with its source, as miette wants it.
#[derive(Debug)]
pub struct Report {
    diagnostic: Diagnostic,
    source: Source,
    help: Option<String>,
}

impl Report {
    pub fn new(diagnostic: Diagnostic, name: &str, src: Arc<String>) -> Self {
        let help = match (&diagnostic.help, diagnostic.path.is_empty()) {
            (Some(h), true) => Some(h.clone()),
            (Some(h), false) => Some(format!("{h}\nin: {}", diagnostic.path.join(" › "))),
            (None, false) => Some(format!("in: {}", diagnostic.path.join(" › "))),
            (None, true) => None,
        };
        Report {
            diagnostic,
            source: Source {
                name: name.to_string(),
                text: src,
            },
            help,
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
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
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(
            Some(self.diagnostic.label.clone()),
            span(self.diagnostic.span),
        );
        let others = self
            .diagnostic
            .labels
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.text.clone()), span(l.span)));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

/// Renders diagnostics of one file, in order, as text for a terminal (`color`) or for files and tests.
pub fn render(diagnostics: &[Diagnostic], name: &str, src: &str, color: bool) -> String {
    let src = Arc::new(src.to_string());
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
        let report = Report::new(d.clone(), name, src.clone());
        if handler.render_report(&mut out, &report).is_err() {
            out.push_str(&format!(
                "{}[{}]: {}\n",
                severity_word(d.severity),
                d.code.as_str(),
                d.message
            ));
        }
        out.push('\n');
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

/// `N errors, N warnings` for the end of a run.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let (e, w, n) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let mut parts = vec![plural(e, "error"), plural(w, "warning")];
    if n > 0 {
        parts.push(plural(n, "note"));
    }
    parts.join(", ")
}
