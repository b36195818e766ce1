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
    source: Option<Text>,
    help: Option<String>,
    lang: Lang,
}

impl Report {
    /// The report of `diagnostic` in `lang`.
    pub fn new(diagnostic: Diagnostic, name: &str, src: Arc<String>, lang: Lang) -> Self {
        let lines = Arc::new(LineStarts::new(&src));
        let source = (!src.is_empty()).then(|| {
            Text::Windowed(Windowed {
                name: Arc::from(name),
                text: src,
                lines,
            })
        });
        Report::with_source(diagnostic, source, lang)
    }

    fn with_source(diagnostic: Diagnostic, source: Option<Text>, lang: Lang) -> Self {
        let help = diagnostic.help.as_ref().map(|h| h.get(lang));
        let breadcrumb = (!diagnostic.path.is_empty()).then(|| msg::breadcrumb(&diagnostic.path));
        let help = match (help, breadcrumb) {
            (Some(h), Some(b)) => Some(format!("{h}\n{}", b.get(lang))),
            (Some(h), None) => Some(h.to_string()),
            (None, Some(b)) => Some(b.get(lang).to_string()),
            (None, None) => None,
        };
        Report {
            diagnostic,
            source,
            help,
            lang,
        }
    }
}

/// The source text as miette reads it.
#[derive(Debug)]
enum Text {
    Windowed(Windowed),
    /// The whole file handed to miette, as before windows: the reference the tests compare with.
    #[cfg(test)]
    Whole(whole::CharColumns),
}

impl SourceCode for Text {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        match self {
            Text::Windowed(w) => w.read_span(span, before, after),
            #[cfg(test)]
            Text::Whole(w) => w.read_span(span, before, after),
        }
    }
}

/// Where each line of a file starts, as miette counts lines (a line ends at `\n`, `\r\n` or a lone
/// `\r`). Built once per file, it lets a label be read from the few lines around it instead of from
/// the start of the file.
#[derive(Debug)]
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // `\r\n` is one line end: the line starts after its `\n`.
            if bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(at + 1);
        }
        LineStarts(starts)
    }

    /// The index of the line holding `offset` (the last line for offsets past the end).
    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The byte offset where line `line` starts, or `end` for lines past the last.
    fn start(&self, line: usize, end: usize) -> usize {
        self.0.get(line).copied().unwrap_or(end)
    }
}

/// The source as miette reads it, from a window: the lines around a span (one more on each side than
/// miette asks for) are handed to miette's own reader, and its answer is moved back to the file's
/// offsets and line numbers. The result is the same as reading the whole file, at a cost that does not
/// grow with the line number. The column of a location is counted in characters: miette counts bytes,
/// which puts `file:line:col` far to the right on lines with Chinese text.
#[derive(Debug)]
struct Windowed {
    name: Arc<str>,
    text: Arc<String>,
    lines: Arc<LineStarts>,
}

impl SourceCode for Windowed {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_str();
        // A span starting past the end has nothing to show; miette's reader would answer the same
        // (or, for an empty span one past the end, slice out of bounds).
        if span.offset() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.lines.line_of(span.offset());
        let last = self.lines.line_of(span.offset().saturating_add(span.len()));
        let window_line = first.saturating_sub(before.saturating_add(1));
        let start = self.lines.start(window_line, text.len());
        let end = self
            .lines
            .start(last.saturating_add(after).saturating_add(2), text.len());
        let window = text
            .as_bytes()
            .get(start..end)
            .ok_or(MietteError::OutOfBounds)?;
        let inner_span = SourceSpan::from((span.offset().saturating_sub(start), span.len()));
        let inner = window.read_span(&inner_span, before, after)?;
        // The location line (`╭─[file:line:col]`) asks for the span alone; snippets ask with context.
        let column = if before == 0 && after == 0 {
            char_column(text, span.offset())
        } else {
            inner.column()
        };
        let contents = MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            SourceSpan::from((inner.span().offset() + start, inner.span().len())),
            inner.line() + window_line,
            column,
            inner.line_count() + window_line,
        )
        .with_language("bdl");
        Ok(Box::new(contents))
    }
}

/// The character column (from 0) of a byte offset, as `source::line_col` counts it, reading only the
/// offset's line.
fn char_column(text: &str, offset: usize) -> usize {
    let at = text.floor_char_boundary(offset);
    let before = text.as_bytes().get(..at).unwrap_or_default();
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    text.get(line_start..at).unwrap_or_default().chars().count()
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
    if diagnostics.is_empty() {
        return String::new();
    }
    // Control characters are shown as pictures, never sent to the terminal (spans moved to match).
    let (diagnostics, name, src) = printable(diagnostics, name, src);
    let lines = Arc::new(LineStarts::new(&src));
    let text = Arc::new(src);
    let name: Arc<str> = Arc::from(name.as_str());
    render_with(&diagnostics, color, lang, || {
        (!text.is_empty()).then(|| {
            Text::Windowed(Windowed {
                name: name.clone(),
                text: text.clone(),
                lines: lines.clone(),
            })
        })
    })
}

fn render_with(
    diagnostics: &[Diagnostic],
    color: bool,
    lang: Lang,
    source: impl Fn() -> Option<Text>,
) -> String {
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
        let report = Report::with_source(d.clone(), source(), lang);
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
    // Most files hold none: one byte scan, and nothing is rewritten.
    let texts_of = |d: &Diagnostic| {
        [&d.message, &d.label]
            .into_iter()
            .chain(d.help.as_ref())
            .chain(d.labels.iter().map(|l| &l.text))
            .any(|t| has_control(&t.en) || has_control(&t.zh))
            || d.path.iter().any(|p| has_control(p))
    };
    let name_has_control = name
        .chars()
        .any(|c| crate::present::control_chars::name(c).is_some());
    if !has_control(src) && !name_has_control && !diagnostics.iter().any(texts_of) {
        return (diagnostics.to_vec(), name.to_string(), src.to_string());
    }
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
    let name = crate::present::control_chars::visible_line(name);
    (diagnostics, name, visible(src))
}

/// Whether `s` holds a character that is shown as a picture: a C0 control other than tab, line feed and
/// carriage return (which `visible` keeps), DEL, or a bidirectional control (whose UTF-8 starts 0xE2).
fn has_control(s: &str) -> bool {
    // Exact here: with carriage returns kept, the byte scan finds only characters that have a picture.
    crate::present::control_chars::may_hold_controls(s.as_bytes(), false)
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
            crate::present::control_chars::visible_line(name),
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

/// The whole-file reader that windows replaced, kept as the reference of the tests below.
#[cfg(test)]
mod whole {
    use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
    use std::sync::Arc;

    #[derive(Debug)]
    pub(super) struct CharColumns {
        pub(super) name: String,
        pub(super) text: Arc<String>,
    }

    impl SourceCode for CharColumns {
        fn read_span<'a>(
            &'a self,
            span: &SourceSpan,
            before: usize,
            after: usize,
        ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
            let inner = self.text.as_str().read_span(span, before, after)?;
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn control_characters_are_found_and_chinese_punctuation_is_not() {
        assert!(!has_control("“属地管理”——…\t\r\n"));
        assert!(has_control("a\u{1b}b"));
        assert!(has_control("\u{7f}"));
        assert!(has_control("“\u{202e}”"));
        assert!(has_control("\u{2066}x"));
        assert!(!has_control("\u{2065}\u{2070}\u{2029}"));
    }

    proptest! {
        /// The byte scan agrees with asking every character.
        #[test]
        fn the_byte_scan_is_the_character_test(s in "\\PC*|[\u{0}-\u{7f}\u{2000}-\u{2070}“”]{0,40}") {
            let by_char = s.chars().any(|c| {
                !matches!(c, '\t' | '\n' | '\r') && crate::present::control_chars::name(c).is_some()
            });
            prop_assert_eq!(has_control(&s), by_char);
        }
    }

    /// The whole-file rendering of before windows.
    fn render_whole(
        diagnostics: &[Diagnostic],
        name: &str,
        src: &str,
        color: bool,
        lang: Lang,
    ) -> String {
        // The same pictures for control characters as `render`, then the whole-file reader.
        let (diagnostics, name, src) = printable(diagnostics, name, src);
        let text = Arc::new(src);
        render_with(&diagnostics, color, lang, || {
            (!text.is_empty()).then(|| {
                Text::Whole(whole::CharColumns {
                    name: name.clone(),
                    text: text.clone(),
                })
            })
        })
    }

    type Read = (Vec<u8>, usize, usize, usize, usize, usize, Option<String>);

    fn read(
        source: &dyn SourceCode,
        span: (usize, usize),
        before: usize,
        after: usize,
    ) -> Option<Read> {
        let c = source
            .read_span(&SourceSpan::from(span), before, after)
            .ok()?;
        Some((
            c.data().to_vec(),
            c.span().offset(),
            c.span().len(),
            c.line(),
            c.column(),
            c.line_count(),
            c.name().map(str::to_string),
        ))
    }

    proptest! {
        /// Any text (line ends `\n`, `\r\n` and lone `\r`, Chinese characters), any span, any context:
        /// the window reads what the whole file reads.
        #[test]
        fn windows_read_what_the_whole_file_reads(
            text in "[a\\n\\r中 ]{0,60}",
            offset in 0usize..70,
            len in 0usize..20,
            before in 0usize..4,
            after in 0usize..4,
        ) {
            let text = Arc::new(text);
            let windowed = Windowed {
                name: Arc::from("f.bdl"),
                text: text.clone(),
                lines: Arc::new(LineStarts::new(&text)),
            };
            if offset > text.len() {
                // miette's own reader slices out of bounds on an empty span one past the end.
                prop_assert_eq!(read(&windowed, (offset, len), before, after), None);
                return Ok(());
            }
            let whole = whole::CharColumns { name: "f.bdl".into(), text };
            prop_assert_eq!(
                read(&windowed, (offset, len), before, after),
                read(&whole, (offset, len), before, after)
            );
        }
    }

    /// Every fixture and example, compiled, renders byte for byte as with the whole file, with and
    /// without colour, in both languages.
    #[test]
    fn every_fixture_renders_as_from_the_whole_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = 0;
        let mut rendered = 0;
        for dir in ["tests/fixtures", "examples"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
                let entry = entry.unwrap();
                if entry.path().extension().is_none_or(|e| e != "bdl") {
                    continue;
                }
                let bytes = std::fs::read(entry.path()).unwrap();
                let (src, diagnostics) = match crate::syntax::encoding::decode(&bytes) {
                    Ok(src) => {
                        let d = crate::compile(&src).diagnostics;
                        (src, d)
                    }
                    Err(d) => (String::new(), vec![*d]),
                };
                let name = entry.file_name().to_string_lossy().to_string();
                for color in [false, true] {
                    for lang in [Lang::En, Lang::Zh] {
                        let windowed = render(&diagnostics, &name, &src, color, lang);
                        let whole = render_whole(&diagnostics, &name, &src, color, lang);
                        assert_eq!(windowed, whole, "{}", entry.path().display());
                        rendered += windowed.len();
                    }
                }
                files += 1;
            }
        }
        assert!(files > 100, "{files} files");
        assert!(rendered > 100_000, "{rendered} bytes rendered");
    }

    /// A label on the last line of a long file and one on the first render as from the whole file.
    #[test]
    fn labels_far_down_a_long_file() {
        let mut src = String::from("year 2024\n");
        for i in 0..5000 {
            src.push_str(&format!("goal \"目标{i}\"\r\n"));
        }
        src.push_str("oops \"x\"\n");
        let diagnostics = crate::compile(&src).diagnostics;
        assert!(!diagnostics.is_empty());
        for color in [false, true] {
            assert_eq!(
                render(&diagnostics, "long.bdl", &src, color, Lang::Zh),
                render_whole(&diagnostics, "long.bdl", &src, color, Lang::Zh)
            );
        }
    }
}
