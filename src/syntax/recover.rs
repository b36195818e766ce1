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

/// Every syntax error of `src` (whose first parse failed with `first`), and, when blanking the broken
/// lines made the rest parse, the tree of the rest with the ranges left out (editors keep working
/// from it while a line is typed).
pub fn all_errors(
    src: &str,
    first: Error<Rule>,
    braces: &Braces,
) -> (Vec<Diagnostic>, Option<super::Recovered>) {
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
        return (out, None);
    }
    let mut text = src.as_bytes().to_vec();
    let mut err = first;
    let mut left_out = Vec::new();
    let mut recovered = None;
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
        left_out.push(Span::new(a, b));
        // Blanking whole characters keeps the text valid UTF-8.
        let Ok(next) = std::str::from_utf8(&text) else {
            break;
        };
        match parser::parse_file(next) {
            Ok(file) => {
                recovered = Some(super::Recovered { file, left_out });
                break;
            }
            Err(e) => err = e,
        }
    }
    (out, recovered)
}

/// The source with its broken parts left out, for tools that must keep working while a line is being
/// typed: every line the parser stops at (or the block it opens) is blanked, a `}` that closes nothing
/// is blanked, and a block never closed is closed after the end. Blanking keeps every length, and
/// closing appends, so every position of the source stays true in the result. Returns the tree it
/// parses to and the byte ranges left out; `None` when even that does not parse (the work limit, or
/// more broken lines than are reported).
pub fn leave_out_broken(src: &str, braces: &Braces) -> Option<super::Recovered> {
    let mut text = src.as_bytes().to_vec();
    let mut left_out = Vec::new();
    for &c in &braces.unopened {
        if let Some(b) = text.get_mut(c) {
            *b = b' ';
            left_out.push(Span::new(c, c + 1));
        }
    }
    for _ in &braces.unclosed {
        text.extend_from_slice(b"\n}");
    }
    for _ in 0..=MAX_SYNTAX_ERRORS {
        let next = String::from_utf8(text.clone()).ok()?;
        let err = match parser::parse_file(&next) {
            Ok(file) => return Some(super::Recovered { file, left_out }),
            Err(e) => e,
        };
        let pos = position(&err).min(next.len());
        let (a, b) = region(&next, pos);
        if text
            .get(a..b)
            .is_none_or(|r| r.iter().all(u8::is_ascii_whitespace))
        {
            return None;
        }
        // Blank the characters, not the line ends inside a block, so the lines around stay apart.
        for byte in text.get_mut(a..b).into_iter().flatten() {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
        left_out.push(Span::new(a, b.min(src.len())));
    }
    None
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
