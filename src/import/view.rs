//! A sheet seen as rows of cells: which cell covers a place (merged ranges included), and the cells
//! of a row from left to right.

use super::grid::{Cell, Sheet};
use super::text::key;
use std::collections::{BTreeMap, HashMap};

pub struct View<'a> {
    pub sheet: &'a Sheet,
    /// Cells starting in each row, left to right (indices into `sheet.cells`).
    starts: BTreeMap<u32, Vec<usize>>,
    /// Cells over more than one row, by the columns they cover.
    tall: HashMap<u32, Vec<usize>>,
}

/// Columns a tall cell is indexed under at most: wider merges are looked up by their first column.
const TALL_INDEX_COLUMNS: u32 = 64;

impl<'a> View<'a> {
    pub fn new(sheet: &'a Sheet) -> Self {
        let mut starts: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        let mut tall: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, c) in sheet.cells.iter().enumerate() {
            starts.entry(c.row).or_default().push(i);
            if c.rows > 1 {
                for col in c.col..c.col.saturating_add(c.cols.min(TALL_INDEX_COLUMNS)) {
                    tall.entry(col).or_default().push(i);
                }
            }
        }
        View {
            sheet,
            starts,
            tall,
        }
    }

    pub fn cell(&self, i: usize) -> Option<&'a Cell> {
        self.sheet.cells.get(i)
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.cell(i).map_or("", |c| c.text.as_str())
    }

    pub fn key(&self, i: usize) -> String {
        key(self.text(i))
    }

    /// Rows where a cell starts, top to bottom.
    pub fn rows(&self) -> Vec<u32> {
        self.starts.keys().copied().collect()
    }

    /// The cells starting in `row`, left to right.
    pub fn fresh(&self, row: u32) -> &[usize] {
        self.starts.get(&row).map_or(&[], Vec::as_slice)
    }

    /// The cell covering (`row`, `col`), a merged range's top-left included.
    pub fn at(&self, row: u32, col: u32) -> Option<usize> {
        if let Some(&i) = self
            .fresh(row)
            .iter()
            .find(|&&i| self.cell(i).is_some_and(|c| c.covers(row, col)))
        {
            return Some(i);
        }
        self.tall
            .get(&col)
            .and_then(|v| {
                v.iter()
                    .copied()
                    .find(|&i| self.cell(i).is_some_and(|c| c.covers(row, col)))
            })
            .or_else(|| {
                // A merge wider than the index: looked for among all tall cells.
                self.tall.values().flatten().copied().find(|&i| {
                    self.cell(i)
                        .is_some_and(|c| c.cols > TALL_INDEX_COLUMNS && c.covers(row, col))
                })
            })
    }

    /// The text at (`row`, `col`), merged ranges included.
    pub fn text_at(&self, row: u32, col: u32) -> Option<(usize, &'a str)> {
        self.at(row, col).map(|i| (i, self.text(i)))
    }

    /// Every cell covering `row` (started there or above it), left to right.
    pub fn across(&self, row: u32) -> Vec<usize> {
        let mut out: Vec<usize> = self.fresh(row).to_vec();
        for v in self.tall.values() {
            for &i in v {
                if self
                    .cell(i)
                    .is_some_and(|c| c.row < row && c.covers(row, c.col))
                    && !out.contains(&i)
                {
                    out.push(i);
                }
            }
        }
        out.sort_by_key(|&i| self.cell(i).map_or(0, |c| c.col));
        out
    }
}
