//! Places in the source: byte spans, and the line/column people read (columns count characters, from 1,
//! so a caret under Chinese text is right).

use serde::Serialize;

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A line and column, both from 1; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The line and character column of a byte offset. Offsets inside a character or past the end are
/// clamped to the nearest character boundary before it.
pub fn line_col(src: &str, offset: usize) -> LineCol {
    let before = src.get(..src.floor_char_boundary(offset)).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = match before.rsplit_once('\n') {
        Some((_, last)) => last,
        None => before,
    }
    .chars()
    .count()
        + 1;
    LineCol { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "年度 x\n社区（村）治安 y";
        let y = src.find('y').unwrap();
        assert_eq!(line_col(src, y), LineCol { line: 2, column: 9 });
    }
}
