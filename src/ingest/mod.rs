//! Ingest: reading each wave's export, row by row, into a [`RowSink`].
//!
//! Readers stream: a sink receives the table's head (file, sheet, headers) and then each data
//! row in order, so a large export is never held whole. [`read_table`] collects the rows into
//! a [`RawTable`] for the small tables that want them all (init, administrative values);
//! [`read_in_background`] reads on a thread of its own while the caller consumes the rows.
//!
//! Spreadsheets (xlsx/xlsm/xls/ods) go through `spreadsheet`, CSV through `csv_file`. Columns
//! are later found by header text (`RawTable::column`); a missing one is an error naming the
//! file, the sheet and the headers that exist. Row numbers are kept as the user sees them in
//! Excel, so every problem can be reported with its cell reference (`D17`).

mod admin;
mod benchmarks;
mod broken;
mod cell_text;
mod cells;
mod csv_file;
mod spreadsheet;
mod stream;
mod xlsx_parallel;

pub(crate) use admin::parse_number;
pub use admin::{read_admin, AdminValue};
pub use benchmarks::{read_benchmarks, Benchmark};
pub use broken::install_hook;
pub use cells::Cells;
pub use stream::read_in_background;

use crate::normalize::normalize_label;
use crate::pipeline::{SourceFile, SourceFormat};
use anyhow::{bail, Result};
use std::path::PathBuf;

/// Receives a table as it is read: its head first, then every data row in order.
pub trait RowSink {
    /// The table's file, sheet and headers (`rows` is empty). A reader that has to start
    /// the sheet over calls it again; the rows received before are then to be forgotten.
    fn begin(&mut self, head: &RawTable) -> Result<()>;
    /// One data row below the header row.
    fn row(&mut self, row: &RawRow) -> Result<()>;
    /// How far the reader is in its file: `done` of `total` (bytes of a CSV, rows of a
    /// sheet). Called now and then, for a progress bar.
    fn read_so_far(&mut self, _done: u64, _total: u64) {}
}

/// A sink that keeps every row: the whole [`RawTable`].
#[derive(Default)]
pub(crate) struct Collect {
    pub(crate) table: Option<RawTable>,
}

impl RowSink for Collect {
    fn begin(&mut self, head: &RawTable) -> Result<()> {
        self.table = Some(head.clone());
        Ok(())
    }

    fn row(&mut self, row: &RawRow) -> Result<()> {
        if let Some(t) = &mut self.table {
            t.rows.push(row.clone());
        }
        Ok(())
    }
}

/// A table as read: headers and rows of cell text.
#[derive(Debug, Clone)]
pub struct RawTable {
    pub file: PathBuf,
    /// Sheet name for spreadsheets, `None` for CSV.
    pub sheet: Option<String>,
    /// Header texts, in column order (column 0 is Excel's A).
    pub headers: Vec<String>,
    /// Data rows below the header row.
    pub rows: Vec<RawRow>,
}

/// One data row: its 1-based row number as Excel shows it, and one cell text per header.
#[derive(Debug, Clone)]
pub struct RawRow {
    pub number: u32,
    pub cells: Cells,
}

impl RawTable {
    /// "file.xlsx のシート「回答」" / "file.csv": where the table came from, for messages.
    pub fn location(&self) -> String {
        match &self.sheet {
            Some(s) => format!("{} のシート「{s}」", self.file.display()),
            None => self.file.display().to_string(),
        }
    }

    /// The index of the column whose header matches `header` after normalisation.
    pub fn column(&self, header: &str) -> Result<usize> {
        let key = normalize_label(header);
        if let Some(i) = self.headers.iter().position(|h| normalize_label(h) == key) {
            return Ok(i);
        }
        let existing: Vec<String> = self
            .headers
            .iter()
            .filter(|h| !h.trim().is_empty())
            .map(|h| format!("「{h}」"))
            .collect();
        bail!(
            "{} に列「{header}」がありません。パイプラインファイルの列見出しを直してください（見出しが1行目にないときは header_row を、文字化けしているときは encoding を確かめてください）。\nある列: {}",
            self.location(),
            existing.join("、")
        )
    }

    /// The text of a cell, `""` beyond the row's end.
    pub fn cell<'a>(&self, row: &'a RawRow, col: usize) -> &'a str {
        row.cells.get(col).unwrap_or("")
    }
}

/// Excel column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// Reads one table from a source file into `sink`, a large xlsx sheet on every core.
pub fn read_into(source: &SourceFile, sink: &mut dyn RowSink) -> Result<()> {
    read_on(source, sink, cores())
}

/// The machine's cores.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Reads one table from a source file into `sink`, a large xlsx sheet on `cores` cores; a
/// reader that panics on a damaged file gives an error naming it (`broken`).
fn read_on(source: &SourceFile, sink: &mut dyn RowSink, cores: usize) -> Result<()> {
    broken::guarded(&source.path, || match &source.format {
        SourceFormat::Spreadsheet { sheet } => spreadsheet::read(
            &source.path,
            (sheet.as_deref(), source.header_row),
            source.limits,
            sink,
            cores,
        ),
        SourceFormat::Csv { encoding } => csv_file::read(
            &source.path,
            *encoding,
            source.header_row,
            source.limits.max_bytes,
            sink,
        ),
    })
}

/// Reads one whole table. A sheet's rows and headers are all as wide as its widest row, as
/// the sheet's used range is.
pub fn read_table(source: &SourceFile) -> Result<RawTable> {
    let mut collect = Collect::default();
    read_into(source, &mut collect)?;
    let mut table = collect
        .table
        .expect("a reader that returns Ok has given the head");
    if table.sheet.is_some() {
        let width = table
            .rows
            .iter()
            .map(|r| r.cells.len())
            .chain([table.headers.len()])
            .max()
            .unwrap_or(0);
        table.headers.resize(width, String::new());
        for row in &mut table.rows {
            while row.cells.len() < width {
                row.cells.push("");
            }
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(3), "D");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(51), "AZ");
        assert_eq!(column_letters(52), "BA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        // XFD is the last Excel column, 16,384th.
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn missing_column_names_file_sheet_and_existing_headers() {
        let t = RawTable {
            file: PathBuf::from("x.xlsx"),
            sheet: Some("回答".into()),
            headers: vec!["回答ID".into(), "年代".into()],
            rows: vec![],
        };
        assert_eq!(t.column("年代").unwrap(), 1);
        assert_eq!(t.column("　年代 ").unwrap(), 1);
        let msg = t.column("所属").unwrap_err().to_string();
        assert!(msg.contains("x.xlsx のシート「回答」"), "{msg}");
        assert!(msg.contains("列「所属」がありません"), "{msg}");
        assert!(msg.contains("「回答ID」、「年代」"), "{msg}");
    }
}
