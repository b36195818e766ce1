//! Silencing codes. A document allows a code with a comment line `# bdl: allow B4030 B4031`; a run
//! allows codes with `--allow`. Only warnings and notes can be allowed: an error means a figure or a
//! structure is wrong, and hiding it would print wrong tables.

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

crate::codes::rules! {
    BAD_ALLOW = "B2009", Warning, "an allow line names an unknown code or an error", "允许行写了未知的诊断代码或错误代码";
}

/// The codes a document allows, from its `# bdl: allow …` lines, and a warning for each name there
/// that is not a code or is an error's code.
pub fn directives(src: &str) -> (Vec<Code>, Vec<Diagnostic>) {
    let mut allowed = Vec::new();
    let mut problems = Vec::new();
    // Most files have no allow line: one search for its marker spares a walk over every line.
    if memchr::memmem::find(src.as_bytes(), b"bdl:").is_none() {
        return (allowed, problems);
    }
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(rest) = line.trim_start().strip_prefix('#') else {
            continue;
        };
        let Some(list) = rest.trim_start().strip_prefix("bdl:") else {
            continue;
        };
        let Some(list) = list.trim_start().strip_prefix("allow") else {
            continue;
        };
        // Each name with its place in the line.
        let list_at = start + (line.len() - list.len());
        let mut at = list_at;
        for word in list.split_inclusive(|c: char| c.is_whitespace() || c == ',') {
            let name = word.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
            let span = Span::new(at, at + name.len());
            at += word.len();
            if name.is_empty() {
                continue;
            }
            match crate::registry::parse(name) {
                Some(code) if code.severity() != Severity::Error => allowed.push(code),
                found => problems.push(
                    Diagnostic::new(
                        BAD_ALLOW,
                        messages::bad_allow(name, found.is_some()),
                        span,
                        messages::label_bad_allow(found.is_some()),
                    )
                    .with_help(messages::help_bad_allow()),
                ),
            }
        }
    }
    (allowed, problems)
}

/// Drops the diagnostics whose code is allowed. Errors are never dropped.
pub fn apply(diagnostics: &mut Vec<Diagnostic>, allowed: &[Code]) {
    diagnostics.retain(|d| d.is_error() || !allowed.contains(&d.code));
}

/// Why a code cannot be allowed for a whole run: `None` when it can.
pub fn refuse(code: Code) -> Option<crate::messages::Text> {
    (code.severity() == Severity::Error).then(|| messages::cannot_allow_error(code.as_str()))
}

mod messages {
    use crate::messages::Text;

    pub fn bad_allow(name: &str, is_error: bool) -> Text {
        if is_error {
            Text::new(
                format!("{name} is an error and cannot be allowed"),
                format!("{name} 是错误，不能允许"),
            )
        } else {
            Text::new(
                format!("{name} is not a bdl diagnostic code"),
                format!("{name} 不是 bdl 的诊断代码"),
            )
        }
    }

    pub fn label_bad_allow(is_error: bool) -> Text {
        if is_error {
            Text::new("an error", "错误代码")
        } else {
            Text::new("unknown code", "未知代码")
        }
    }

    pub fn help_bad_allow() -> Text {
        Text::new(
            "allow only warnings and notes, by their codes (`# bdl: allow B4030`); `bdl explain` lists every code",
            "只能允许警告和提示，请写其代码（`# bdl: allow B4030`）；`bdl explain` 可列出全部代码",
        )
    }

    pub fn cannot_allow_error(code: &str) -> Text {
        Text::new(
            format!("{code} is an error and cannot be allowed: fix what it reports"),
            format!("{code} 是错误，不能允许：请修正它指出的问题"),
        )
    }
}
