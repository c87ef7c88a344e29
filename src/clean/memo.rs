//! Each distinct raw value of a column is normalised (NFKC, spacing) and matched once: an
//! export of 100,000 rows holds a handful of distinct answers per column, so the match is
//! looked up rather than worked out again for every cell. What is remembered is only the
//! match; issues and tallies still name every cell they concern.

use super::answer::ChoiceMatch;
use polars::prelude::PlHashMap;
use std::sync::Arc;

/// Matches of one kind, per column of one table (by index), by raw cell text.
pub(super) struct Memo<T> {
    columns: Vec<Column<T>>,
}

/// One column's matches: the first few distinct values are compared in turn (a scale column
/// has a handful, and comparing is cheaper than hashing), the rest looked up by hash.
struct Column<T> {
    few: Vec<(Box<str>, T)>,
    many: PlHashMap<Box<str>, T>,
}

/// Distinct values compared in turn before a column's values are hashed.
const FEW: usize = 8;

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo { columns: vec![] }
    }
}

impl<T: Clone> Memo<T> {
    /// The match of `cell` in column `col`, worked out by `matcher` the first time.
    pub fn get(&mut self, col: usize, cell: &str, matcher: impl FnOnce(&str) -> T) -> T {
        if self.columns.len() <= col {
            self.columns.resize_with(col + 1, || Column {
                few: Vec::new(),
                many: PlHashMap::default(),
            });
        }
        let column = &mut self.columns[col];
        if let Some((_, m)) = column.few.iter().find(|(v, _)| **v == *cell) {
            return m.clone();
        }
        if let Some(m) = column.many.get(cell) {
            return m.clone();
        }
        let m = matcher(cell);
        if column.few.len() < FEW {
            column.few.push((cell.into(), m.clone()));
        } else {
            column.many.insert(cell.into(), m.clone());
        }
        m
    }
}

/// A scale answer matched: its level, a declared no-answer value, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ScaleMatch {
    Level(usize),
    Missing,
    Unmatched,
}

/// The memos of one table.
#[derive(Default)]
pub(super) struct Memos {
    pub scale: Memo<ScaleMatch>,
    pub choice: Memo<Arc<ChoiceMatch>>,
    pub age: Memo<Option<usize>>,
    /// The code of the attribute's value in the wave's dictionary.
    pub attribute: Memo<Option<u32>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_matched_once_per_column() {
        let mut memo: Memo<usize> = Memo::default();
        let mut calls = 0;
        for (col, cell) in [(0, "そう思う"), (0, "そう思う"), (1, "そう思う"), (0, "ｿｳ")]
        {
            memo.get(col, cell, |c| {
                calls += 1;
                c.len()
            });
        }
        assert_eq!(
            calls, 3,
            "column 0 twice the same, column 1 once, one more value"
        );
        assert_eq!(memo.get(0, "そう思う", |_| 0), "そう思う".len());
        // Past the first few distinct values, the rest are looked up by hash just the same.
        let mut calls = 0;
        for round in 0..2 {
            for i in 0..(FEW * 3) {
                let got = memo.get(2, &format!("値{i}"), |_| {
                    calls += 1;
                    i
                });
                assert_eq!(got, i, "round {round}");
            }
        }
        assert_eq!(calls, FEW * 3, "each distinct value matched once");
    }
}
