//! Control characters as people may see them: their short names (`ESC`, `RLO`) and a text with each
//! shown as a picture or a code point, so that no report, whatever it quotes, sends a control character
//! to a terminal. `syntax::controls` finds them in a file (B1017).

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

/// Whether UTF-8 `bytes` may hold a control character that is shown as a picture: a C0 control other
/// than tab and line feed (and carriage return unless `cr_counts`), DEL, or a bidi control. A vectorised
/// byte scan and `has_bidi_bytes`; false means none, true means look closer.
pub fn may_hold_controls(bytes: &[u8], cr_counts: bool) -> bool {
    bytes.iter().any(|&c| {
        (c < 0x20 && !matches!(c, b'\t' | b'\n') && (cr_counts || c != b'\r')) || c == 0x7f
    }) || has_bidi_bytes(bytes)
}

/// Whether UTF-8 `bytes` hold a bidirectional override or isolate, found without decoding: memchr finds
/// each 0xE2 lead byte (also that of “ ” — … in Chinese text) and the two bytes after it decide
/// (U+202A–U+202E are E2 80 AA–AE, U+2066–U+2069 are E2 81 A6–A9).
fn has_bidi_bytes(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xe2, bytes).any(|i| {
        matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        )
    })
}

/// A bidirectional override or isolate: an error inside a text, a B1015 warning in a comment.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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

/// [`visible`] for a text that must stay on one line, such as a file name: line ends and tabs are
/// shown as pictures too (`␍`, `␊`, `␉`); a CR alone would send the cursor back and let what follows
/// overwrite the line.
pub fn visible_line(text: &str) -> String {
    if !text.chars().any(|c| name(c).is_some()) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            c => out.push_str(&visible(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}b\u{7f}\u{202e}"), "a␛b␡<U+202E>");
        assert_eq!(visible("甲\t乙\n"), "甲\t乙\n");
        assert_eq!(name('\u{1b}'), Some("ESC"));
        assert_eq!(visible_line("a\r\n\tb\u{1b}.bdl"), "a␍␊␉b␛.bdl");
        assert_eq!(name('甲'), None);
    }
}
