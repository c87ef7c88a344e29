//! One row's cells as text, kept in one buffer with the end of each cell: a row of 90 cells
//! is two allocations instead of 90, which is most of the memory of a large export.

/// The text of a row's cells, in column order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cells {
    text: String,
    ends: Vec<u32>,
}

impl Cells {
    /// An empty row with room for `cells` cells holding `bytes` bytes of text together.
    pub fn with_capacity(bytes: usize, cells: usize) -> Cells {
        Cells {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(cells),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `i`, if the row has it.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        Some(&self.text[start..end])
    }

    /// The cells in column order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// Removes every cell, keeping the room for the next row.
    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Appends a cell.
    pub fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.ends.push(self.text.len() as u32);
    }
}

impl<S: AsRef<str>> FromIterator<S> for Cells {
    fn from_iter<I: IntoIterator<Item = S>>(cells: I) -> Self {
        let mut row = Cells::default();
        for c in cells {
            row.push(c.as_ref());
        }
        row
    }
}

impl From<Vec<String>> for Cells {
    fn from(cells: Vec<String>) -> Self {
        cells.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_their_text_and_order() {
        let row: Cells = ["回答ID", "", "30歳代", "そう思う"].iter().collect();
        assert_eq!(row.len(), 4);
        assert_eq!(row.get(0), Some("回答ID"));
        assert_eq!(row.get(1), Some(""));
        assert_eq!(row.get(3), Some("そう思う"));
        assert_eq!(row.get(4), None);
        assert_eq!(row.iter().rposition(|c| !c.is_empty()), Some(3));
        assert_eq!(
            Cells::from(vec!["a".to_string()])
                .iter()
                .collect::<Vec<_>>(),
            ["a"]
        );
    }
}
