//! A character scan of source lines that knows strings and comments, for what the grammar cannot say
//! well: unclosed blocks, unterminated strings, look-alike punctuation. Strings are one line long and
//! use `\"` and `\\` escapes, so a line-local scan is exact.

/// What a line looks like to the scan: its code characters, where its comment starts, and the
/// opening quote of a string it never closes. One walk serves every question below.
struct Line {
    code: Vec<(usize, char)>,
    comment: Option<usize>,
    unclosed_quote: Option<usize>,
}

fn walk(line: &str) -> Line {
    let mut out = Line {
        code: Vec::new(),
        comment: None,
        unclosed_quote: None,
    };
    let mut open: Option<usize> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if open.is_some() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                open = None;
            }
            continue;
        }
        match c {
            '"' => open = Some(i),
            '#' => {
                out.comment = Some(i);
                break;
            }
            _ => out.code.push((i, c)),
        }
    }
    out.unclosed_quote = open;
    out
}

/// The characters of a line that are code (outside strings and before a comment), with their byte
/// offsets in the line.
pub fn code_chars(line: &str) -> Vec<(usize, char)> {
    walk(line).code
}

/// The byte offset of the `#` that starts the line's comment, if it has one (a `#` inside a string is
/// text).
pub fn comment_start(line: &str) -> Option<usize> {
    walk(line).comment
}

/// The byte offset of a `"` that opens a string the line never closes.
pub fn unterminated_string(line: &str) -> Option<usize> {
    walk(line).unclosed_quote
}

/// Characters that change how text is displayed without being seen: bidirectional overrides and
/// isolates (a goal could read one way on screen and another in the file), zero-width characters.
const INVISIBLE: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200B}', '\u{200E}', '\u{200F}',
];

/// The offsets and characters of invisible characters in the file. Every one of them is encoded
/// with the lead byte 0xE2, so only the places of that byte (found with memchr) are decoded.
pub fn invisible_characters(src: &str) -> Vec<(usize, char)> {
    memchr::memchr_iter(0xE2, src.as_bytes())
        .filter_map(|at| {
            let c = src.get(at..)?.chars().next()?;
            INVISIBLE.contains(&c).then_some((at, c))
        })
        .collect()
}

/// How the braces of a file nest.
#[derive(Debug, Default)]
pub struct Braces {
    /// Offsets of `{` never closed.
    pub unclosed: Vec<usize>,
    /// Offsets of `}` with no `{` to close.
    pub unopened: Vec<usize>,
    pub max_depth: usize,
    /// The first `{` deeper than the limit given to `braces`.
    pub too_deep_at: Option<usize>,
}

/// How the braces of `src` nest, `{` and `}` in strings and comments left out. A scan of bytes: every
/// character that matters is ASCII, and no byte of a multi-byte character is, so byte offsets are the
/// character offsets of the character-level walk. Strings and comments are skipped with memchr.
pub fn braces(src: &str, depth_limit: usize) -> Braces {
    let bytes = src.as_bytes();
    let mut b = Braces::default();
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'{' => {
                open.push(at);
                b.max_depth = b.max_depth.max(open.len());
                if open.len() > depth_limit && b.too_deep_at.is_none() {
                    b.too_deep_at = Some(at);
                }
            }
            b'}' if open.pop().is_none() => b.unopened.push(at),
            // A comment runs to the end of the line.
            b'#' => at = line_end(bytes, at),
            b'"' => at = string_end(bytes, at + 1),
            _ => {}
        }
        at += 1;
    }
    b.unclosed = open;
    b
}

/// The offset of the `\n` ending the line of `at` (the end of the text if there is none).
fn line_end(bytes: &[u8], at: usize) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    memchr::memchr(b'\n', rest).map_or(bytes.len(), |i| at + i)
}

/// In a string whose body starts at `at`: the offset of its closing `"`, or of the `\n` that ends the
/// line of a string never closed (the end of the text if there is none). A `\` escapes the next
/// character, but never a line end: strings are one line long.
fn string_end(bytes: &[u8], mut at: usize) -> usize {
    loop {
        let rest = bytes.get(at..).unwrap_or_default();
        let Some(i) = memchr::memchr3(b'"', b'\\', b'\n', rest) else {
            return bytes.len();
        };
        at += i;
        match bytes.get(at) {
            Some(b'\\') if bytes.get(at + 1) != Some(&b'\n') => at += 2,
            Some(b'\\') => return at + 1,
            _ => return at,
        }
    }
}

/// The byte range of the line holding `offset` (without its line end).
pub fn line_around(src: &str, offset: usize) -> (usize, usize) {
    let offset = src.floor_char_boundary(offset);
    let (before, after) = src.split_at_checked(offset).unwrap_or((src, ""));
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = after.find('\n').map_or(src.len(), |i| offset + i);
    let end = if end > start && src.as_bytes().get(end - 1) == Some(&b'\r') {
        end - 1
    } else {
        end
    };
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-level scans the byte-level ones replaced, kept as their reference.
    fn braces_by_chars(src: &str, depth_limit: usize) -> Braces {
        let mut b = Braces::default();
        let mut open: Vec<usize> = Vec::new();
        let mut line_start = 0;
        for line in src.split_inclusive('\n') {
            for (i, c) in code_chars(line) {
                match c {
                    '{' => {
                        open.push(line_start + i);
                        b.max_depth = b.max_depth.max(open.len());
                        if open.len() > depth_limit && b.too_deep_at.is_none() {
                            b.too_deep_at = Some(line_start + i);
                        }
                    }
                    '}' if open.pop().is_none() => {
                        b.unopened.push(line_start + i);
                    }
                    _ => {}
                }
            }
            line_start += line.len();
        }
        b.unclosed = open;
        b
    }

    fn invisible_by_chars(src: &str) -> Vec<(usize, char)> {
        src.char_indices()
            .filter(|(_, c)| INVISIBLE.contains(c))
            .collect()
    }

    proptest! {
        /// Text made of what matters to the scans (braces, quotes, escapes, comments, line ends),
        /// Chinese characters, look-alikes sharing the lead byte 0xE2 (“ ” …) and invisible characters.
        #[test]
        fn byte_scans_agree_with_character_scans(
            src in "[{}\"\\\\#\n\r a中“”…\u{202E}\u{200B}\u{2069}\u{200F}｛]{0,80}",
            limit in 0usize..4,
        ) {
            let (bytes, chars) = (braces(&src, limit), braces_by_chars(&src, limit));
            prop_assert_eq!(&bytes.unclosed, &chars.unclosed);
            prop_assert_eq!(&bytes.unopened, &chars.unopened);
            prop_assert_eq!(bytes.max_depth, chars.max_depth);
            prop_assert_eq!(bytes.too_deep_at, chars.too_deep_at);
            prop_assert_eq!(invisible_characters(&src), invisible_by_chars(&src));
        }
    }

    #[test]
    fn strings_and_comments_are_not_code() {
        let code: String = code_chars("goal \"{ # }\" { # }")
            .iter()
            .map(|(_, c)| *c)
            .collect();
        assert_eq!(code, "goal  { ");
        assert_eq!(unterminated_string("goal \"abc"), Some(5));
        assert_eq!(unterminated_string("goal \"a\\\"b\" # \""), None);
        let b = braces("a {\n b {\n }\n\"}\"\n", 1);
        assert_eq!(b.unclosed, vec![2]);
        assert_eq!(b.max_depth, 2);
        assert_eq!(b.too_deep_at, Some(7));
    }
}
