//! Control characters: C0 codes other than tab and line ends, DEL, and inside texts the bidirectional
//! overrides and isolates. Printed raw they act on whatever shows them — an escape sequence in a goal
//! can retitle or clear a reviewer's terminal, a bidi override makes a line read backwards — so a text
//! holding one is an error (B1017), and a diagnostic never shows one raw (see [`visible`]).

pub use crate::present::control_chars::{is_bidi, name, visible};

crate::codes::rules! {
    CONTROL_CHARACTER = "B1017", Error, "the file holds a control character", "文件中含有控制字符";
}

/// A C0 control or DEL that is not layout (tab, line feed, the CR of a CRLF): wrong anywhere.
fn is_c0_or_del(c: char, next: Option<char>) -> bool {
    match c {
        '\t' | '\n' => false,
        '\r' => next != Some('\n'),
        _ => c <= '\u{1f}' || c == '\u{7f}',
    }
}

/// The offsets and characters of the control characters of a file that are errors: C0 and DEL
/// anywhere, bidi controls inside texts.
pub fn find(src: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    // Most files hold none: two vectorised byte scans (a carriage return counts, whatever follows it)
    // spare the walk over every character.
    if !crate::present::control_chars::may_hold_controls(src.as_bytes(), true) {
        return out;
    }
    let mut line_start = 0;
    for line in src.split_inclusive('\n') {
        let mut in_text = false;
        let mut escaped = false;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|(_, n)| *n);
            if is_c0_or_del(c, next) || (in_text && is_bidi(c)) {
                out.push((line_start + i, c));
            }
            if in_text {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_text = false;
                }
            } else if c == '"' {
                in_text = true;
            } else if c == '#' {
                // A comment: the rest of the line is checked for C0 codes only.
                for (j, d) in chars.by_ref() {
                    if is_c0_or_del(d, line.get(j + 1..).and_then(|r| r.chars().next())) {
                        out.push((line_start + j, d));
                    }
                }
            }
        }
        line_start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_and_named() {
        let src = "goal \"a\u{1b}]0;x\u{7}b\u{202e}c\"  # \u{202e} ok\u{0}\r\nyear 2021\r\n";
        let found: Vec<&str> = find(src).iter().filter_map(|(_, c)| name(*c)).collect();
        assert_eq!(found, ["ESC", "BEL", "RLO", "NUL"]);
        // A lone carriage return, and one in a CRLF file, both after the quick byte scan.
        let lone: Vec<&str> = find("a\rb\r\n")
            .iter()
            .filter_map(|(_, c)| name(*c))
            .collect();
        assert_eq!(lone, ["CR"]);
        // Chinese punctuation shares the bidi controls' lead byte and is not one.
        assert!(find("goal \"“属地管理”——…\"\n").is_empty());
        assert_eq!(find("goal \"\u{2066}x\u{2069}\"").len(), 2);
    }
}
