//! A table as a template reads it (`table.html`, `table.md`): its compact form when it has
//! one, each cell with an optional CSS class, and its note or the table whose note it shares.

use super::table::Table;
use serde::Serialize;

#[derive(Serialize)]
pub struct TableView {
    /// Link anchor; empty for none.
    pub id: String,
    pub title: String,
    pub note: String,
    /// The title of an earlier table with the same note: HTML points to it instead of
    /// repeating the note.
    pub same_note_as: Option<String>,
    /// Taller than a printed page: it may break between rows (see `sections::Named::long`).
    pub long: bool,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<CellView>>,
}

#[derive(Serialize)]
pub struct CellView {
    pub text: String,
    /// CSS classes, space-separated.
    pub class: Option<String>,
}

/// Whether a cell holds a value to align right: a number with its sign, marks or unit
/// (`+31.7*`, `58.3`, `40人`), or a suppressed or missing one (`x`, `-`).
fn is_value(text: &str) -> bool {
    let core = text.trim_end_matches(['*', '※', '%', '人']);
    core == "x"
        || core == "-"
        || (!core.is_empty() && core.trim_start_matches(['+', '-']).parse::<f64>().is_ok())
}

impl TableView {
    /// The view of `t` (its compact form when it has one); `class` gives a cell's class from
    /// its row, column and text.
    pub fn new(
        t: &Table,
        id: &str,
        class: impl Fn(usize, usize, &str) -> Option<&'static str>,
    ) -> TableView {
        Self::with_classes(t, id, |r, c, text| class(r, c, text).into_iter().collect())
    }

    /// [`TableView::new`] with values aligned right: their cells get the class `num` before
    /// the one `class` gives from the cell's row and column.
    pub fn aligned(
        t: &Table,
        id: &str,
        class: impl Fn(usize, usize) -> Option<&'static str>,
    ) -> TableView {
        Self::with_classes(t, id, |r, c, text| {
            is_value(text)
                .then_some("num")
                .into_iter()
                .chain(class(r, c))
                .collect()
        })
    }

    fn with_classes(
        t: &Table,
        id: &str,
        classes: impl Fn(usize, usize, &str) -> Vec<&'static str>,
    ) -> TableView {
        let (headers, rows) = match &t.compact {
            Some((h, r)) => (h, r),
            None => (&t.headers, &t.rows),
        };
        TableView {
            id: id.to_string(),
            title: t.title.clone(),
            note: t.note.clone(),
            same_note_as: None,
            long: false,
            headers: headers.clone(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    row.iter()
                        .enumerate()
                        .map(|(c, text)| {
                            let classes = classes(r, c, text);
                            CellView {
                                text: text.clone(),
                                class: (!classes.is_empty()).then(|| classes.join(" ")),
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }
}
