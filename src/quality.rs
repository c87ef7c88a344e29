//! The data-quality table: every cell or row the pipeline could not use as it stood.
//!
//! Each issue names the file, sheet, row, column and cell reference (`D17`), the value found,
//! what was expected and what was done with it, so an analyst can fix the export.
//! The row accounting (read = used + set aside) also lives here.

use crate::fiscal_year::FiscalYear;
use crate::ingest::{column_letters, RawRow, RawTable};

/// One problem found in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub file: String,
    /// Sheet name, empty for CSV.
    pub sheet: String,
    /// 1-based row number.
    pub row: u32,
    /// Column header.
    pub column: String,
    /// Cell reference such as `D17`; empty when the issue concerns the whole row.
    pub cell: String,
    pub value: String,
    /// What is wrong (Japanese).
    pub problem: String,
    /// What was expected (Japanese).
    pub expected: String,
    /// What the pipeline did: `無回答として扱う`, `行を除外` …
    pub action: String,
}

impl Issue {
    /// An issue about the cell at `col` of `row`.
    pub fn new(
        table: &RawTable,
        row: &RawRow,
        col: usize,
        problem: &str,
        expected: &str,
        action: &str,
    ) -> Self {
        Issue {
            file: file_name(table),
            sheet: table.sheet.clone().unwrap_or_default(),
            row: row.number,
            column: table.headers.get(col).cloned().unwrap_or_default(),
            cell: format!("{}{}", column_letters(col), row.number),
            value: table.cell(row, col).to_string(),
            problem: problem.into(),
            expected: expected.into(),
            action: action.into(),
        }
    }
}

/// The file name shown in reports (no directories, so reports do not depend on where
/// the data was stored).
pub fn file_name(table: &RawTable) -> String {
    table
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| table.file.display().to_string())
}

/// Rows read, used and set aside for one wave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accounting {
    pub year: FiscalYear,
    pub file: String,
    pub read: usize,
    pub used: usize,
    /// Reason → rows, in the order first met.
    pub set_aside: Vec<(String, usize)>,
}

impl Accounting {
    pub fn set_aside_total(&self) -> usize {
        self.set_aside.iter().map(|(_, n)| n).sum()
    }

    pub fn add_set_aside(&mut self, reason: &str) {
        match self.set_aside.iter_mut().find(|(r, _)| r == reason) {
            Some((_, n)) => *n += 1,
            None => self.set_aside.push((reason.to_string(), 1)),
        }
    }

    /// One line for the terminal: `令和5年度 fy2023.csv: 読込 1056 行 = 使用 1054 + 除外 2（回答IDなし 1、回答ID重複 1）`.
    pub fn summary(&self) -> String {
        let reasons: Vec<String> = self
            .set_aside
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        let detail = if reasons.is_empty() {
            String::new()
        } else {
            format!("（{}）", reasons.join("、"))
        };
        format!(
            "{} {}: 読込 {} 行 = 使用 {} 行 + 除外 {} 行{}",
            self.year,
            self.file,
            self.read,
            self.used,
            self.set_aside_total(),
            detail
        )
    }
}
