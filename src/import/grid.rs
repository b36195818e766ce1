//! What every reader gives the recogniser: the cells of a sheet (or of a Word document's tables) with
//! their place and their merged extent, and nothing of the file format.

/// Where a cell was read, as the report names it: `Sheet1!D14`, or `表2 第3行 第4列` in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A workbook cell: sheet name, 0-based row and column.
    Sheet { sheet: String, row: u32, col: u32 },
    /// A cell of the `table`-th table of a document (1-based table, 0-based row and grid column).
    Table { table: u32, row: u32, col: u32 },
    /// A paragraph of a document outside the tables (1-based).
    Paragraph { n: u32 },
}

impl Place {
    /// `Sheet1!D14`, `表2 第3行第4列`, `第5段`.
    pub fn address(&self) -> String {
        match self {
            Place::Sheet { sheet, row, col } => {
                let quoted = if sheet
                    .chars()
                    .all(|c| c.is_alphanumeric() && c.is_ascii() || c == '_')
                {
                    sheet.clone()
                } else {
                    format!("'{}'", sheet.replace('\'', "''"))
                };
                format!("{quoted}!{}{}", column_name(*col), row + 1)
            }
            Place::Table { table, row, col } => {
                format!("表{table} 第{}行第{}列", row + 1, col + 1)
            }
            Place::Paragraph { n } => format!("第{n}段"),
        }
    }
}

/// `0` → `A`, `27` → `AB`.
pub fn column_name(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// One cell (the top-left of a merged range) and the rows and columns it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub row: u32,
    pub col: u32,
    pub rows: u32,
    pub cols: u32,
    pub text: String,
    pub place: Place,
}

impl Cell {
    pub fn covers(&self, row: u32, col: u32) -> bool {
        row >= self.row
            && col >= self.col
            && u64::from(row) < u64::from(self.row) + u64::from(self.rows)
            && u64::from(col) < u64::from(self.col) + u64::from(self.cols)
    }
}

/// A sheet of a workbook, or a whole document with its paragraphs and tables one under the other.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    /// Non-empty cells and every merged range's top-left, sorted by row then column.
    pub cells: Vec<Cell>,
    /// Cells longer than an Excel cell holds, left out of `cells`: their place and length (UTF-16 units).
    pub overlong: Vec<(Place, usize)>,
}

impl Sheet {
    /// Whether `text` fits an Excel cell, measured as Excel counts (UTF-16 units, as `check` measures
    /// B5003); when it does not, its place and length go to `overlong` (left out and reported).
    pub fn fits(&mut self, place: &Place, text: &str) -> bool {
        use crate::syntax::cell_limit::{EXCEL_CELL_CHARS, excel_len};
        let units = excel_len(text);
        if units > EXCEL_CELL_CHARS {
            self.overlong.push((place.clone(), units));
            return false;
        }
        true
    }

    pub fn sort(&mut self) {
        self.cells.sort_by_key(|c| (c.row, c.col));
    }
}
