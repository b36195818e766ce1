//! Control characters: C0 codes other than tab and line ends, DEL, and inside texts the bidirectional
//! overrides and isolates. Printed raw they act on whatever shows them — an escape sequence in a goal
//! can retitle or clear a reviewer's terminal, a bidi override makes a line read backwards — so a text
//! holding one is an error (B1017), and a diagnostic never shows one raw (see [`visible`]).

crate::codes::rules! {
    CONTROL_CHARACTER = "B1017", Error, "the file holds a control character", "文件中含有控制字符";
}

/// The short name of a control character (`ESC`, `RLO`), or `None` for any other character.
pub fn name(c: char) -> Option<&'static str> {
    const C0: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
        "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
        "ESC", "FS", "GS", "RS", "US",
    ];
    match c {
        '\u{0}'..='\u{1f}' => C0.get(c as usize).copied(),
        '\u{7f}' => Some("DEL"),
        '\u{202a}' => Some("LRE"),
        '\u{202b}' => Some("RLE"),
        '\u{202c}' => Some("PDF"),
        '\u{202d}' => Some("LRO"),
        '\u{202e}' => Some("RLO"),
        '\u{2066}' => Some("LRI"),
        '\u{2067}' => Some("RLI"),
        '\u{2068}' => Some("FSI"),
        '\u{2069}' => Some("PDI"),
        _ => None,
    }
}

/// A bidirectional override or isolate: an error inside a text, a B1015 warning in a comment.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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

/// The text with every control character shown as a picture (`␛` for ESC, `␀` for NUL, `␡` for DEL)
/// or, for bidi controls, as `<U+202E>`; line ends and tabs stay. Safe to print on any terminal.
pub fn visible(text: &str) -> String {
    if !text.chars().any(|c| name(c).is_some()) {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c.to_string(),
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32)
                .unwrap_or('\u{fffd}')
                .to_string(),
            '\u{7f}' => "\u{2421}".to_string(),
            c if is_bidi(c) => format!("<U+{:04X}>", c as u32),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_and_named() {
        let src = "goal \"a\u{1b}]0;x\u{7}b\u{202e}c\"  # \u{202e} ok\u{0}\r\nyear 2021\r\n";
        let found: Vec<&str> = find(src).iter().filter_map(|(_, c)| name(*c)).collect();
        assert_eq!(found, ["ESC", "BEL", "RLO", "NUL"]);
        assert_eq!(visible("a\u{1b}b\u{7f}\u{202e}"), "a␛b␡<U+202E>");
        assert_eq!(visible("甲\t乙\n"), "甲\t乙\n");
    }
}
