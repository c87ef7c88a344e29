//! Reading the comparison-values table (`[benchmarks]`): other organisations' values of an
//! indicator, one row per indicator, year and comparator, with the source. Columns `指標`,
//! `年度`, `比較対象`, `値` and optionally `出典`. Rows that cannot be read go to the
//! data-quality table.

use super::{parse_number, read_table};
use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
use crate::pipeline::SourceFile;
use crate::quality::Issue;
use anyhow::Result;

/// One comparison value.
#[derive(Debug, Clone, PartialEq)]
pub struct Benchmark {
    /// Indicator name, normalised for matching.
    pub key: String,
    /// Indicator name as written.
    pub name: String,
    pub year: FiscalYear,
    /// Who the value is of: 道内主要都市平均, a city, 全国.
    pub comparator: String,
    pub value: f64,
    /// Where the value was published.
    pub source: String,
}

/// Reads the table; unreadable rows become data-quality issues.
pub fn read_benchmarks(source: &SourceFile) -> Result<(Vec<Benchmark>, Vec<Issue>)> {
    let table = read_table(source)?;
    let name_col = table.column("指標")?;
    let year_col = table.column("年度")?;
    let who_col = table.column("比較対象")?;
    let value_col = table.column("値")?;
    let source_col = table.column("出典").ok();
    let mut values = Vec::new();
    let mut issues = Vec::new();
    for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut skip = |col: usize, problem: &str, expected: &str| {
            issues.push(Issue::new(&table, row, col, problem, expected, "行を除外"));
        };
        let Ok(year) = FiscalYear::parse(table.cell(row, year_col)) else {
            skip(
                year_col,
                "年度を解釈できない",
                "R5、令和5年度、2023 の形の年度",
            );
            continue;
        };
        let comparator = table.cell(row, who_col).trim().to_string();
        if comparator.is_empty() {
            skip(who_col, "比較対象が空欄", "比較する自治体などの名前");
            continue;
        }
        let Some(value) = parse_number(table.cell(row, value_col)) else {
            skip(value_col, "数値でない", "数値");
            continue;
        };
        values.push(Benchmark {
            key: normalize_label(table.cell(row, name_col)),
            name: table.cell(row, name_col).trim().to_string(),
            year,
            comparator,
            value,
            source: source_col
                .map(|c| table.cell(row, c).trim().to_string())
                .unwrap_or_default(),
        });
    }
    Ok((values, issues))
}
