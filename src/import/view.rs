//! A sheet seen as rows of cells: which cell covers a place (merged ranges included), the first cell
//! of a row, and the cells starting in a row from left to right. Lookups stay cheap on hostile
//! sheets: merged ranges over several rows are indexed by column and by their first row, and the
//! first cell of every row is found in one sweep.

use super::grid::{Cell, Sheet};
use super::text::key;
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub struct View<'a> {
    pub sheet: &'a Sheet,
    /// Cells starting in each row, left to right (indices into `sheet.cells`).
    starts: BTreeMap<u32, Vec<usize>>,
    /// Cells over more than one row, by each column they cover (up to `TALL_INDEX_COLUMNS`), sorted
    /// by first row.
    tall: HashMap<u32, Vec<usize>>,
    /// Tall cells wider than the index, sorted by first row.
    wide: Vec<usize>,
    /// The first non-empty cell covering each row that has cells, merged ranges from above included.
    firsts: HashMap<u32, usize>,
}

/// Columns a tall cell is indexed under; wider merges are kept apart.
const TALL_INDEX_COLUMNS: u32 = 64;

impl<'a> View<'a> {
    pub fn new(sheet: &'a Sheet) -> Self {
        let mut starts: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        let mut tall: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut wide = Vec::new();
        // Cells are sorted by row, then column: each list below is sorted by first row.
        for (i, c) in sheet.cells.iter().enumerate() {
            starts.entry(c.row).or_default().push(i);
            if c.rows > 1 {
                if c.cols > TALL_INDEX_COLUMNS {
                    wide.push(i);
                } else {
                    for col in c.col..c.col.saturating_add(c.cols) {
                        tall.entry(col).or_default().push(i);
                    }
                }
            }
        }
        let mut view = View {
            sheet,
            starts,
            tall,
            wide,
            firsts: HashMap::new(),
        };
        view.firsts = view.sweep_firsts();
        view
    }

    /// One pass down the rows, keeping the non-empty tall cells that cover the current row ordered
    /// by column.
    fn sweep_firsts(&self) -> HashMap<u32, usize> {
        let mut out = HashMap::new();
        let mut active: BTreeSet<(u32, usize)> = BTreeSet::new();
        // Tall cells by the row after their last, to drop them.
        let mut ends: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for (&row, cells) in &self.starts {
            while let Some((&end, _)) = ends.first_key_value() {
                if end > u64::from(row) {
                    break;
                }
                if let Some((_, gone)) = ends.pop_first() {
                    for i in gone {
                        if let Some(c) = self.cell(i) {
                            active.remove(&(c.col, i));
                        }
                    }
                }
            }
            let fresh = cells
                .iter()
                .copied()
                .find(|&i| !self.text(i).trim().is_empty());
            let above = active.iter().next().map(|&(_, i)| i);
            let first = match (fresh, above) {
                (Some(f), Some(a)) => {
                    if self.cell(a).map(|c| c.col) < self.cell(f).map(|c| c.col) {
                        Some(a)
                    } else {
                        Some(f)
                    }
                }
                (f, a) => f.or(a),
            };
            if let Some(f) = first {
                out.insert(row, f);
            }
            for &i in cells {
                if let Some(c) = self.cell(i)
                    && c.rows > 1
                    && !c.text.trim().is_empty()
                {
                    active.insert((c.col, i));
                    ends.entry(u64::from(c.row) + u64::from(c.rows))
                        .or_default()
                        .push(i);
                }
            }
        }
        out
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

    /// The first non-empty cell of `row`: started there, or a merged range from above.
    pub fn first(&self, row: u32) -> Option<usize> {
        self.firsts.get(&row).copied()
    }

    /// The tall cell of a list (sorted by first row) that starts last at or above `row`, if it
    /// covers (`row`, `col`). Merged ranges do not overlap, so no earlier one can.
    fn nearest(&self, list: &[usize], row: u32, col: u32) -> Option<usize> {
        let n = list.partition_point(|&i| self.cell(i).is_some_and(|c| c.row <= row));
        list.get(..n)?
            .iter()
            .rev()
            .take(4)
            .copied()
            .find(|&i| self.cell(i).is_some_and(|c| c.covers(row, col)))
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
            .and_then(|v| self.nearest(v, row, col))
            .or_else(|| self.nearest(&self.wide, row, col))
    }

    /// The text at (`row`, `col`), merged ranges included.
    pub fn text_at(&self, row: u32, col: u32) -> Option<(usize, &'a str)> {
        self.at(row, col).map(|i| (i, self.text(i)))
    }
}
