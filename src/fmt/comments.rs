//! Comments and blank lines, which the grammar skips: a line scan finds them again. Strings are
//! single-line `"…"` with `\"` and `\\` escapes, and no other token may hold `"` or `#`, so tracking
//! quotes on each line is enough to tell a comment's `#` from one inside a string.

/// One `#` comment as written, without the line break and trailing blanks after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Byte offset of the `#`.
    pub start: usize,
    /// Line index, from 0.
    pub line: usize,
    /// From `#` to the end of the line, trailing whitespace (and a CR) removed.
    pub text: String,
    /// Nothing but blanks before it on its line; otherwise it ends a line of code.
    pub own_line: bool,
}

/// The source's lines, for finding which line an offset is on and which lines are blank.
pub struct Lines<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

/// Blanks between tokens: what the grammar's WHITESPACE accepts, plus a CR before a line break and a
/// byte-order mark at the very start.
pub fn is_blank_char(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\r' | '\u{FEFF}')
}

impl<'a> Lines<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Lines { src, starts }
    }

    /// The line an offset is on, from 0.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    fn text(&self, line: usize) -> &'a str {
        let start = self.starts.get(line).copied().unwrap_or(self.src.len());
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.src.len(), |e| e.saturating_sub(1));
        self.src.get(start..end).unwrap_or("")
    }

    /// Whether the line just above `line` exists and holds nothing but blanks.
    pub fn blank_above(&self, line: usize) -> bool {
        line > 0 && self.text(line - 1).chars().all(is_blank_char)
    }
}

/// Every comment of the source, in order.
pub fn scan(src: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (index, line) in src.split('\n').enumerate() {
        if let Some(i) = crate::syntax::scan::comment_start(line) {
            let (before, comment) = line.split_at_checked(i).unwrap_or((line, ""));
            out.push(Comment {
                start: line_start + i,
                line: index,
                text: comment.trim_end_matches(is_blank_char).to_string(),
                own_line: before.chars().all(is_blank_char),
            });
        }
        line_start += line.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inside_strings_are_not_comments() {
        let src = "duty \"第#1项 \\\" # 仍在字符串\"  # 真注释\r\n  # 独占一行\n";
        let cs = scan(src);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].text, "# 真注释");
        assert!(!cs[0].own_line);
        assert_eq!(cs[1].text, "# 独占一行");
        assert!(cs[1].own_line);
        assert_eq!(cs[1].line, 1);
    }

    #[test]
    fn escaped_backslash_closes_the_string() {
        let cs = scan("goal \"a\\\\\" # c\n");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].text, "# c");
    }

    #[test]
    fn blank_lines_are_found() {
        let lines = Lines::new("a\n \t\r\nb\n");
        assert_eq!(lines.line_of(0), 0);
        assert_eq!(lines.line_of(6), 2);
        assert!(lines.blank_above(2));
        assert!(!lines.blank_above(1));
        assert!(!lines.blank_above(0));
    }
}
