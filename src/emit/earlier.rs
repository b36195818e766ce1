//! Columns of earlier years' figures (上年预算数, 上年执行数, 2023年决算数) in the forms that print them
//! beside this year's: which columns a block needs, their headings, and how a block's width is shared.

use crate::domain::{Earlier, Money};
use crate::model::{Declaration, EarlierFigure, earlier_figure};

/// One earlier-year column: a kind of figure and its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Column {
    pub(super) year: i32,
    pub(super) kind: Earlier,
}

impl Column {
    /// `上年预算数` for the year before the budget year, else `2023年决算数`.
    pub(super) fn heading(self, decl: &Declaration) -> String {
        match decl.year.as_ref() {
            Some(y) if y.value - 1 == self.year => format!("上年{}", self.kind.name_zh()),
            _ => format!("{}年{}", self.year, self.kind.name_zh()),
        }
    }

    /// This column's figure among `figures`.
    pub(super) fn of(self, figures: &[EarlierFigure]) -> Option<&EarlierFigure> {
        earlier_figure(figures, self.kind, self.year)
    }
}

/// The columns that the figures of a block call for, oldest year first and, within a year, 预算数,
/// 执行数, 决算数 — the order in which a year's figures come to be; at most as many as the form prints
/// (the most recent ones: the check warns about the others, B2021).
pub(super) fn columns<'f>(
    decl: &Declaration,
    figures: impl Iterator<Item = &'f [EarlierFigure]>,
) -> Vec<Column> {
    crate::model::earlier_columns(figures.flatten(), decl.form.earlier_columns())
        .into_iter()
        .map(|(year, kind)| Column { year, kind })
        .collect()
}

/// Splits `width` columns into `n` spans as evenly as possible; every span is at
/// least one column when `width >= n`. The wider spans are the last ones, where this year's figure is.
pub(super) fn spread(width: usize, n: usize) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let (each, extra) = (width / n, width % n);
    (0..n).map(|i| each + usize::from(i >= n - extra)).collect()
}

/// A total's figure in `column`: as declared on it, else what its parts add up to when every part carries
/// one (a derived 合计, as this year's is).
pub(super) fn figure_or_sum<'f>(
    decl: &Declaration,
    column: Column,
    own: &[EarlierFigure],
    mut parts: impl Iterator<Item = &'f [EarlierFigure]>,
) -> Option<Money> {
    if let Some(e) = column.of(own) {
        return Some(e.amount);
    }
    let amounts: Vec<Money> = parts
        .try_fold(Vec::new(), |mut acc, p| {
            acc.push(column.of(p)?.amount);
            Some(acc)
        })
        .filter(|a| !a.is_empty())?;
    Money::sum(decl.unit, amounts).ok()
}

/// The positions of spans laid side by side from `start`: `(column, span)` each.
pub(super) fn positions(start: usize, spans: &[usize]) -> Vec<(usize, usize)> {
    let mut at = start;
    spans
        .iter()
        .map(|s| {
            let here = (at, *s);
            at += s;
            here
        })
        .collect()
}
