//! Positions as editors count them: a line from 0 and a column in UTF-8 bytes, UTF-16 code units or
//! characters (UTF-32), whichever the editor and the server agreed on. The compiler counts bytes; this
//! is the one place that converts, so a range is right on lines of Chinese text and astral characters.

use crate::source::Span;

/// The unit an editor counts columns in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Encoding {
    Utf8,
    /// What every editor understands, and the protocol's default.
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// How many units of this encoding `c` takes.
    pub fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A line (from 0) and a column in some [`Encoding`]'s units (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A start and an end position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// Where each line of a text starts, to turn byte offsets into positions and back. Lines end at
/// `\n`, `\r\n` or a lone `\r`, as the protocol says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the first character of each line.
    starts: Vec<usize>,
    /// Byte offset where each line's text ends (before its line end).
    ends: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        let mut ends = Vec::new();
        let bytes = src.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\n' => {
                    ends.push(i);
                    starts.push(i + 1);
                }
                b'\r' => {
                    ends.push(i);
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        ends.push(src.len());
        LineIndex { starts, ends }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The line holding byte `offset` (an offset in a line end belongs to the line it ends).
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The byte range of a line's text, without its line end.
    pub fn line_span(&self, line: usize) -> Option<Span> {
        Some(Span::new(*self.starts.get(line)?, *self.ends.get(line)?))
    }

    /// The position of a byte offset. An offset inside a character counts from that character's
    /// start; an offset past the end is the end.
    pub fn position(&self, src: &str, offset: usize, enc: Encoding) -> Position {
        let offset = src.floor_char_boundary(offset.min(src.len()));
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let end = self.ends.get(line).copied().unwrap_or(src.len());
        let text = src.get(start..offset.min(end)).unwrap_or_default();
        Position {
            line,
            column: text.chars().map(|c| enc.width(c)).sum(),
        }
    }

    pub fn range(&self, src: &str, span: Span, enc: Encoding) -> Range {
        Range {
            start: self.position(src, span.start, enc),
            end: self.position(src, span.end, enc),
        }
    }

    /// The byte offset of a position. A column inside a character (the second half of a surrogate
    /// pair) means that character's start; a column past the line's end means its end; a line past
    /// the last means the end of the text.
    pub fn offset(&self, src: &str, pos: Position, enc: Encoding) -> usize {
        let (Some(&start), Some(&end)) = (self.starts.get(pos.line), self.ends.get(pos.line))
        else {
            return src.len();
        };
        let mut units = 0;
        for (i, c) in src.get(start..end).unwrap_or_default().char_indices() {
            let w = enc.width(c);
            if units + w > pos.column {
                return start + i;
            }
            units += w;
        }
        end
    }

    pub fn span(&self, src: &str, range: Range, enc: Encoding) -> Span {
        let a = self.offset(src, range.start, enc);
        let b = self.offset(src, range.end, enc);
        Span::new(a.min(b), a.max(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_encoding() {
        let src = "year 2021\nfiler \"石峰𠀀区\" x\r\nz";
        let idx = LineIndex::new(src);
        let x = src.find('x').unwrap();
        assert_eq!(idx.position(src, x, Encoding::Utf8).column, 22);
        assert_eq!(idx.position(src, x, Encoding::Utf16).column, 14);
        assert_eq!(idx.position(src, x, Encoding::Utf32).column, 13);
        let z = src.find('z').unwrap();
        assert_eq!(
            idx.position(src, z, Encoding::Utf16),
            Position { line: 2, column: 0 }
        );
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let p = idx.position(src, x, enc);
            assert_eq!(idx.offset(src, p, enc), x);
        }
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_means_the_character() {
        let src = "𠀀a";
        let idx = LineIndex::new(src);
        let p = Position { line: 0, column: 1 };
        assert_eq!(idx.offset(src, p, Encoding::Utf16), 0);
        let p = Position { line: 0, column: 2 };
        assert_eq!(idx.offset(src, p, Encoding::Utf16), 4);
        let past = Position {
            line: 0,
            column: 99,
        };
        assert_eq!(idx.offset(src, past, Encoding::Utf16), src.len());
    }
}
