//! Source bytes → text. bdl reads UTF-8; files saved by Chinese Windows tools are often GBK/GB18030 or
//! UTF-16, and are recognised and named (with the command that converts them), never shown as mojibake.

use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::messages as msg;
use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

crate::codes::rules! {
    NOT_UTF_8 = "B1004", Error, "the file is not UTF-8 text", "文件不是 UTF-8 文本";
}

pub fn decode(bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(("UTF-16LE", UTF_16LE))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(("UTF-16BE", UTF_16BE))
    } else {
        looks_like_utf16(bytes)
    };
    if let Some((name, enc)) = utf16 {
        let (text, _, _) = enc.decode(bytes);
        return Err(Box::new(not_utf8(name, "UTF-16", first_line(&text))));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(cr_line_ends(s)),
        Err(e) => match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(text) if has_cjk(&text) => Err(Box::new(not_utf8(
                "GB18030 (GBK)",
                "GB18030",
                first_line(&text),
            ))),
            _ => Err(Box::new(not_text(bytes, e.valid_up_to()))),
        },
    }
}

/// The text a report shows for a file that is not UTF-8 at all: its bytes with each bad sequence
/// replaced by U+FFFD and a CR alone read as a line end. The valid start is unchanged, so the first
/// bad byte keeps its offset.
pub fn shown_text(bytes: &[u8]) -> String {
    // CR alone is a line end here too (and never reaches a terminal raw).
    cr_line_ends(&String::from_utf8_lossy(bytes))
}

/// B1004 for bytes that are neither UTF-8, GBK nor UTF-16: the line and column of the first bad byte
/// and the bytes there in hex. Its span is in [`shown_text`].
fn not_text(bytes: &[u8], bad: usize) -> Diagnostic {
    let before = bytes.get(..bad).unwrap_or_default();
    let valid = std::str::from_utf8(before).unwrap_or_default();
    let line = valid.matches('\n').count() + 1;
    let column = valid
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    let hex: Vec<String> = bytes
        .get(bad..)
        .unwrap_or_default()
        .iter()
        .take(8)
        .map(|b| format!("{b:02X}"))
        .collect();
    Diagnostic::new(
        NOT_UTF_8,
        msg::not_text_at(line, column, &hex.join(" ")),
        // Shown in its line when there is text before it; a file that is not text from its first byte
        // (a binary) is named, not shown.
        if bad == 0 {
            Span::new(0, 0)
        } else {
            Span::new(bad, bad + '\u{fffd}'.len_utf8())
        },
        msg::label_not_text(),
    )
    .with_help(msg::help_not_text())
}

/// A CR alone (old Mac files, or a file with mixed line ends) is a line end, read as LF. Both are one
/// byte, so every offset into the text stays the offset into the file.
fn cr_line_ends(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    s.char_indices()
        .map(|(i, c)| {
            if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
                '\n'
            } else {
                c
            }
        })
        .collect()
}

/// UTF-16 without a byte-order mark: ASCII text then has a zero in every other byte.
fn looks_like_utf16(bytes: &[u8]) -> Option<(&'static str, &'static encoding_rs::Encoding)> {
    // Text with no zero byte at all (every UTF-8 file) is not UTF-16: one memchr instead of two
    // counting passes.
    if bytes.len() < 4 || memchr::memchr(0, bytes).is_none() {
        return None;
    }
    let n = bytes.len() / 2;
    let zeros_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 3 > n && even * 10 < n {
        Some(("UTF-16LE", UTF_16LE))
    } else if even * 3 > n && odd * 10 < n {
        Some(("UTF-16BE", UTF_16BE))
    } else {
        None
    }
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

fn first_line(text: &str) -> String {
    // The first line with Chinese text shows best that the encoding was read right.
    // Split at every line end, a CR alone too (old Mac files): a CR left in the message would send
    // the terminal's cursor back and let the rest overwrite it.
    let lines = || text.trim_start_matches('\u{FEFF}').split(['\n', '\r']);
    let line = lines()
        .find(|l| has_cjk(l))
        .or_else(|| lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("");
    line.chars().take(40).collect()
}

fn not_utf8(name: &str, iconv: &str, first: String) -> Diagnostic {
    Diagnostic::new(
        NOT_UTF_8,
        msg::not_utf8(name, &first),
        Span::new(0, 0),
        msg::label_not_utf8(),
    )
    .with_help(msg::help_convert_to_utf8(iconv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_and_utf16_are_named() {
        let (gbk, _, _) = GB18030.encode("year 2021\nfiler \"石峰区信访局\"\n");
        let d = decode(&gbk).unwrap_err();
        assert!(
            d.message.en.contains("GB18030") && d.message.en.contains("石峰区信访局"),
            "{}",
            d.message.en
        );
        let utf16: Vec<u8> = "year 2021\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(decode(&utf16).unwrap_err().message.en.contains("UTF-16LE"));
        assert_eq!(decode("year 2021".as_bytes()).unwrap(), "year 2021");
    }
}
