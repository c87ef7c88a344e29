//! Per-column dictionaries of the values that matched nothing, and the data-quality summary
//! built from them.
//!
//! While cleaning, every non-blank cell of a coded column (scale, choice, age, attribute) is
//! counted, and every value that matched no level, option or band is counted by its distinct
//! text with its first cells. [`Tally::summary`] turns that into one [`UnmatchedValue`] per
//! wave × column × value: its count, its share of the column's answers and, when a level is
//! close, the suggested level and the exact line to paste into the pipeline file.

use super::suggest::{closest, Closeness};
use crate::fiscal_year::FiscalYear;
use crate::ingest::{column_letters, RawRow, RawTable};
use crate::pipeline::Pipeline;
use crate::quality::file_name;
use std::collections::BTreeMap;

/// How many cells of a value are listed.
const FIRST_CELLS: usize = 3;

/// What a column's values are matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// Levels of `pipeline.scales[i]`.
    Scale(usize),
    /// Options of `pipeline.questions[i]`.
    Choice(usize),
    /// Age bands.
    Age,
    /// Values of `pipeline.respondents.attributes[i]`.
    Attribute(usize),
}

#[derive(Debug, Default)]
struct ValueTally {
    count: usize,
    cells: Vec<String>,
}

#[derive(Debug)]
struct ColumnTally {
    file: String,
    sheet: String,
    header: String,
    target: Target,
    answered: usize,
    /// Trimmed value as found → its count and first cells, in first-met order.
    values: Vec<(String, ValueTally)>,
}

/// The per-column dictionaries of one run, keyed by wave and column index.
#[derive(Debug, Default)]
pub struct Tally {
    columns: BTreeMap<(FiscalYear, usize), ColumnTally>,
}

/// A suggested fix for an unmatched value.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The level, band or option the value is close to.
    pub label: String,
    /// Why it is thought close.
    pub closeness: Closeness,
    /// Pipeline-file table to add the line to (`[scales.agree4]`); `None` when the data must
    /// be fixed instead (no alias exists for that kind of column).
    pub section: Option<String>,
    /// The key inside `section` (`aliases`, `map`).
    pub key: Option<String>,
    /// The entry itself: `"どちらかといえばそう思う" = "どちらかと言えばそう思う"`.
    pub entry: Option<String>,
}

/// One distinct value of one column that matched nothing, with its counts.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedValue {
    pub year: FiscalYear,
    pub file: String,
    pub sheet: String,
    /// Column header as in the export.
    pub column: String,
    pub target: Target,
    /// The value as found (trimmed).
    pub value: String,
    /// Cells holding it (for a multi-select column: cells holding it among their choices).
    pub count: usize,
    /// Non-blank cells of the column in that wave.
    pub answered: usize,
    /// First cells holding it (`D17`).
    pub cells: Vec<String>,
    pub suggestion: Option<Suggestion>,
}

impl UnmatchedValue {
    /// `count / answered`, as a fraction (0..1).
    pub fn share(&self) -> f64 {
        if self.answered == 0 {
            0.0
        } else {
            self.count as f64 / self.answered as f64
        }
    }

    /// The share as a percentage (0..100).
    pub fn percent(&self) -> f64 {
        100.0 * self.share()
    }
}

impl Tally {
    fn column(
        &mut self,
        year: FiscalYear,
        table: &RawTable,
        col: usize,
        target: Target,
    ) -> &mut ColumnTally {
        self.columns
            .entry((year, col))
            .or_insert_with(|| ColumnTally {
                file: file_name(table),
                sheet: table.sheet.clone().unwrap_or_default(),
                header: table.headers.get(col).cloned().unwrap_or_default(),
                target,
                answered: 0,
                values: vec![],
            })
    }

    /// Counts `n` non-blank cells of a coded column.
    pub fn answered(
        &mut self,
        year: FiscalYear,
        table: &RawTable,
        col: usize,
        target: Target,
        n: usize,
    ) {
        self.column(year, table, col, target).answered += n;
    }

    /// Adds another wave's tallies (tallies are kept per wave, so none are shared).
    pub fn extend(&mut self, other: Tally) {
        self.columns.extend(other.columns);
    }

    /// Records a value of the cell at `row`, `col` that matched nothing.
    pub fn unmatched(
        &mut self,
        year: FiscalYear,
        table: &RawTable,
        row: &RawRow,
        col: usize,
        target: Target,
        value: &str,
    ) {
        let column = self.column(year, table, col, target);
        let value = value.trim();
        let i = match column.values.iter().position(|(v, _)| v == value) {
            Some(i) => i,
            None => {
                column
                    .values
                    .push((value.to_string(), ValueTally::default()));
                column.values.len() - 1
            }
        };
        let v = &mut column.values[i].1;
        v.count += 1;
        if v.cells.len() < FIRST_CELLS {
            v.cells
                .push(format!("{}{}", column_letters(col), row.number));
        }
    }

    /// One row per wave × column × value, in wave and column order, most frequent value first.
    pub fn summary(&self, pipeline: &Pipeline) -> Vec<UnmatchedValue> {
        let mut out = Vec::new();
        for ((year, _), c) in &self.columns {
            let mut values: Vec<&(String, ValueTally)> = c.values.iter().collect();
            values.sort_by(|a, b| b.1.count.cmp(&a.1.count));
            for (value, t) in values {
                out.push(UnmatchedValue {
                    year: *year,
                    file: c.file.clone(),
                    sheet: c.sheet.clone(),
                    column: c.header.clone(),
                    target: c.target,
                    value: value.clone(),
                    count: t.count,
                    answered: c.answered,
                    cells: t.cells.clone(),
                    suggestion: suggest(pipeline, c.target, value),
                });
            }
        }
        out
    }
}

/// The close label for `value` and the line that would accept it.
fn suggest(pipeline: &Pipeline, target: Target, value: &str) -> Option<Suggestion> {
    let candidates: Vec<String> = match target {
        Target::Scale(s) => pipeline.scales[s].levels.clone(),
        Target::Choice(q) => pipeline.questions[q].options().to_vec(),
        Target::Age => pipeline.respondents.age.as_ref()?.bands.clone(),
        Target::Attribute(a) => pipeline.respondents.attributes[a].values.clone()?,
    };
    let (i, closeness) = closest(value, &candidates)?;
    let label = candidates[i].clone();
    let entry = format!("{} = {}", toml_string(value), toml_string(&label));
    let (section, key) = match target {
        Target::Scale(s) => (
            Some(format!("[scales.{}]", pipeline.scales[s].id)),
            Some("aliases"),
        ),
        Target::Age => (Some("[respondents.age]".to_string()), Some("map")),
        Target::Choice(_) | Target::Attribute(_) => (None, None),
    };
    Some(Suggestion {
        label,
        closeness,
        entry: section.as_ref().map(|_| entry),
        section,
        key: key.map(String::from),
    })
}

/// A TOML basic string with the characters TOML needs escaped.
pub fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings_escape_quotes_and_controls() {
        assert_eq!(toml_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(toml_string("改行\n"), "\"改行\\n\"");
        let parsed: toml::Value =
            toml::from_str(&format!("x = {}", toml_string("\"ど\u{1}ち\""))).unwrap();
        assert_eq!(parsed["x"].as_str(), Some("\"ど\u{1}ち\""));
    }
}
