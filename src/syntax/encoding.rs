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
        Ok(s) => Ok(s.to_string()),
        Err(e) => match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(text) if has_cjk(&text) => Err(Box::new(not_utf8(
                "GB18030 (GBK)",
                "GB18030",
                first_line(&text),
            ))),
            _ => Err(Box::new(
                Diagnostic::new(
                    NOT_UTF_8,
                    msg::not_text(e.valid_up_to() + 1),
                    Span::new(0, 0),
                    msg::label_not_text(),
                )
                .with_help(msg::help_not_text()),
            )),
        },
    }
}

/// UTF-16 without a byte-order mark: ASCII text then has a zero in every other byte.
fn looks_like_utf16(bytes: &[u8]) -> Option<(&'static str, &'static encoding_rs::Encoding)> {
    if bytes.len() < 4 {
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
    let lines = || text.trim_start_matches('\u{FEFF}').lines();
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
