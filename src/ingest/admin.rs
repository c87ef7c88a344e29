//! Reading the administrative-indicators table: one row per indicator and fiscal year.
//!
//! Rows whose year or value cannot be read go to the data-quality table, never vanish.

use super::read_table;
use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
use crate::pipeline::AdminSource;
use crate::quality::Issue;
use anyhow::Result;

/// One administrative value.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminValue {
    /// Indicator name, normalised for matching.
    pub key: String,
    pub year: FiscalYear,
    pub value: f64,
    /// Standard deviation and number of answers, when the value is a mean and they are given.
    pub sd: Option<f64>,
    pub n: Option<u64>,
}

/// A number as written in the table: width variants, thousands separators and a trailing
/// unit (%, 人, 日, 点, 時間) are accepted.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    let cleaned = normalize_label(text).replace(',', "");
    let cleaned = cleaned
        .trim_end_matches(['%', '人', '日', '点'])
        .trim_end_matches("時間");
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// An optional column: required when configured, else used only if the table has it.
fn optional(table: &super::RawTable, (header, required): &(String, bool)) -> Result<Option<usize>> {
    if *required {
        table.column(header).map(Some)
    } else {
        Ok(table.column(header).ok())
    }
}

/// Reads the table; unreadable rows become data-quality issues.
pub fn read_admin(admin: &AdminSource) -> Result<(Vec<AdminValue>, Vec<Issue>)> {
    let table = read_table(&admin.source)?;
    let name_col = table.column(&admin.indicator_column)?;
    let year_col = table.column(&admin.year_column)?;
    let value_col = table.column(&admin.value_column)?;
    let sd_col = optional(&table, &admin.sd_column)?;
    let n_col = optional(&table, &admin.n_column)?;
    let mut values = Vec::new();
    let mut issues = Vec::new();
    for row in &table.rows {
        let name = table.cell(row, name_col).trim();
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let year_text = table.cell(row, year_col);
        let value_text = table.cell(row, value_col);
        let year = match FiscalYear::parse(year_text) {
            Ok(y) => y,
            Err(_) => {
                issues.push(Issue::new(
                    &table,
                    row,
                    year_col,
                    "年度を解釈できない",
                    "R5、令和5年度、2023 の形の年度",
                    "行を除外",
                ));
                continue;
            }
        };
        let spread = |col: Option<usize>| col.and_then(|c| parse_number(table.cell(row, c)));
        match parse_number(value_text) {
            Some(v) => values.push(AdminValue {
                key: normalize_label(name),
                year,
                value: v,
                sd: spread(sd_col),
                n: spread(n_col)
                    .filter(|n| *n >= 1.0 && n.fract() == 0.0)
                    .map(|n| n as u64),
            }),
            _ => issues.push(Issue::new(
                &table,
                row,
                value_col,
                "数値でない",
                "数値",
                "行を除外",
            )),
        }
    }
    Ok((values, issues))
}
