//! parse: source text → syntax tree, or located diagnostics in plain words — every syntax error of the
//! file, with the common typing mistakes recognised. Size and nesting are bounded before parsing.

pub mod ast;
pub mod cell_limit;
pub mod controls;
pub mod encoding;
pub(crate) mod errors;
pub mod fast;
pub mod keywords;
pub mod limits;
pub mod messages;
pub mod mistakes;
pub mod parser;
pub(crate) mod recover;
pub mod scan;
mod unit_words;

use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::messages as msg;

pub use limits::{MAX_BYTES as MAX_FILE_BYTES, MAX_DEPTH};

crate::codes::rules! {
    TOO_COMPLEX = "B1003", Error, "the file is too complex to parse", "文件过于复杂，无法解析";
    TOO_LARGE = "B1007", Error, "the file is larger than bdl reads", "文件超过 bdl 可读取的大小";
    TOO_DEEP = "B1008", Error, "blocks are nested deeper than bdl reads", "块的嵌套层数超过 bdl 可读取的深度";
    INVISIBLE_CHARACTER = "B1015", Warning, "an invisible character changes how the text reads", "不可见字符改变了文字的显示";
}

/// Parses a whole declaration. On failure, the diagnostics say what was expected in a clerk's words.
pub fn parse(src: &str) -> Result<ast::File, Vec<Diagnostic>> {
    if src.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(Some(src.len() as u64))]);
    }
    let braces = scan::braces(src, MAX_DEPTH);
    if let Some(at) = braces.too_deep_at {
        return Err(vec![
            Diagnostic::new(
                TOO_DEEP,
                msg::nested_too_deep(MAX_DEPTH),
                Span::new(at, at + 1),
                msg::label_too_deep(),
            )
            .with_help(msg::help_flatten()),
        ]);
    }
    if let Some(file) = fast::parse(src) {
        return Ok(file);
    }
    limits::install_call_limit();
    parser::parse_file(src).map_err(|e| recover::all_errors(src, e, &braces))
}

/// B1007 for a file of `bytes` bytes, or (`None`) for standard input that went on past the limit:
/// callers refuse a large file from its size before reading it.
pub fn too_large(bytes: Option<u64>) -> Diagnostic {
    let limit_mib = MAX_FILE_BYTES / (1024 * 1024);
    let message = match bytes {
        Some(n) => msg::file_too_large(usize::try_from(n).unwrap_or(usize::MAX), limit_mib),
        None => msg::input_too_large(limit_mib),
    };
    Diagnostic::new(TOO_LARGE, message, Span::new(0, 0), msg::label_too_large())
        .with_help(msg::help_split_file())
}

/// Diagnostics about the characters of the text that do not stop parsing: control characters (B1017,
/// errors) and invisible characters (B1015, warnings), at most `MAX_SYNTAX_ERRORS` of each however
/// many the file holds.
pub fn lint(src: &str) -> Vec<Diagnostic> {
    let controls = controls::find(src);
    let mut out: Vec<Diagnostic> = controls
        .iter()
        .take(recover::MAX_SYNTAX_ERRORS)
        .map(|&(at, c)| {
            Diagnostic::new(
                controls::CONTROL_CHARACTER,
                msg::control_character(c as u32, controls::name(c).unwrap_or("?")),
                Span::new(at, at + c.len_utf8()),
                msg::label_control_character(),
            )
            .with_help(msg::help_control_character())
        })
        .collect();
    out.extend(
        scan::invisible_characters(src)
            .into_iter()
            .filter(|(at, _)| !controls.iter().any(|(c, _)| c == at))
            .take(recover::MAX_SYNTAX_ERRORS)
            .map(|(at, c)| {
                Diagnostic::new(
                    INVISIBLE_CHARACTER,
                    msg::invisible_character(c as u32),
                    Span::new(at, at + c.len_utf8()),
                    msg::label_invisible_character(),
                )
                .with_help(msg::help_delete_invisible())
            }),
    );
    out.extend(cell_limit::lint(src));
    out
}
