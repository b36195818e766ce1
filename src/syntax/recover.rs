//! Reporting every syntax error of a file, not only the first: after an error, the offending line (or
//! the whole block it opens) is blanked out — same length, so every position stays true — and the file
//! is parsed again, until it parses or the error budget is spent.

use super::errors;
use super::mistakes;
use super::parser::{self, Rule};
use super::scan::{self, Braces};
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::TOO_COMPLEX;
use crate::syntax::messages as msg;
use pest::error::{Error, InputLocation};

crate::codes::rules! {
    UNCLOSED_BLOCK = "B1005", Error, "a block opened with `{` is never closed", "以 `{` 开始的块没有闭合";
    UNOPENED_BLOCK = "B1006", Error, "a `}` closes no block", "`}` 没有对应的块";
}

/// At most this many syntax errors are reported for one file.
pub const MAX_SYNTAX_ERRORS: usize = 50;

pub fn all_errors(src: &str, first: Error<Rule>, braces: &Braces) -> Vec<Diagnostic> {
    // Unbalanced braces derail everything after them: report where they are, and only that.
    let mut out: Vec<Diagnostic> = braces
        .unclosed
        .iter()
        .map(|&o| unclosed(src, o))
        .chain(braces.unopened.iter().map(|&c| {
            Diagnostic::new(
                UNOPENED_BLOCK,
                msg::unopened_block(),
                Span::new(c, c + 1),
                msg::label_nothing_to_close(),
            )
            .with_help(msg::help_unopened_block())
        }))
        // A file of a million stray `}` must not become a million diagnostics.
        .take(MAX_SYNTAX_ERRORS)
        .collect();
    if !out.is_empty() {
        return out;
    }
    let mut text = src.as_bytes().to_vec();
    let mut err = first;
    loop {
        let pos = position(&err).min(src.len());
        let diagnostic = explain(src, &err, pos);
        // The parser's work limit (B1003) bounds the whole file, not each retry.
        let over_limit = diagnostic.code == TOO_COMPLEX;
        out.push(diagnostic);
        if over_limit || out.len() >= MAX_SYNTAX_ERRORS || pos >= src.len() {
            break;
        }
        let (a, b) = region(src, pos);
        if text.get(a..b).is_none_or(|r| r.iter().all(|c| *c == b' ')) {
            break;
        }
        for byte in text.get_mut(a..b).into_iter().flatten() {
            *byte = b' ';
        }
        // Blanking whole characters keeps the text valid UTF-8.
        let Ok(next) = std::str::from_utf8(&text) else {
            break;
        };
        match parser::parse_file(next) {
            Ok(_) => break,
            Err(e) => err = e,
        }
    }
    out
}

fn position(e: &Error<Rule>) -> usize {
    match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

fn explain(src: &str, e: &Error<Rule>, pos: usize) -> Diagnostic {
    let wants_period = matches!(&e.variant, pest::error::ErrorVariant::ParsingError { positives, .. } if positives.contains(&Rule::per));
    mistakes::recognise(src, pos, wants_period).unwrap_or_else(|| errors::from_pest(src, e))
}

/// The bytes to blank after an error at `pos`: its line, or from that line to the end of the block it
/// opens.
fn region(src: &str, pos: usize) -> (usize, usize) {
    let (start, end) = scan::line_around(src, pos);
    let line = src.get(start..end).unwrap_or_default();
    if !scan::code_chars(line).iter().any(|(_, c)| *c == '{') {
        return (start, end);
    }
    let mut depth = 0usize;
    let mut offset = start;
    for l in src.get(start..).unwrap_or_default().split_inclusive('\n') {
        for (_, c) in scan::code_chars(l) {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        offset += l.len();
        if depth == 0 {
            break;
        }
    }
    // Keep the final line end so the lines around stay separate.
    let end = if src.get(..offset).is_some_and(|s| s.ends_with('\n')) {
        offset - 1
    } else {
        offset
    };
    (start, end.max(start))
}

fn unclosed(src: &str, open: usize) -> Diagnostic {
    let (start, end) = scan::line_around(src, open);
    let opener = src.get(start..end).unwrap_or_default().trim();
    let mut short: String = opener.chars().take(40).collect();
    if opener.chars().count() > 40 {
        short.push('…');
    }
    Diagnostic::new(
        UNCLOSED_BLOCK,
        msg::unclosed_block(),
        Span::new(open, open + 1),
        msg::label_opened_here(),
    )
    .with_help(msg::help_close_block(&short))
}
