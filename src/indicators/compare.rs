//! The value an indicator is compared with: another organisation's value of the same
//! indicator from the comparison table (`[benchmarks]`), shown beside the city's own in the
//! KGI/KPI table. The city's own value that year is added by the caller, from the history.

use super::Compared;
use crate::fiscal_year::FiscalYear;
use crate::ingest::Benchmark;
use crate::normalize::normalize_label;
use crate::pipeline::{Indicator, IndicatorSource};
use anyhow::{bail, Result};

/// The comparison value of `ind` for the report's year `year`: the rows of the comparison
/// table under the indicator's name (or the administrative name it is read under), for the
/// comparator the pipeline names (`compare`, default the first one listed for it), in the
/// report's year or else the latest year before it. A comparator named in the pipeline file
/// that the table does not have is an error, so a typo never hides the comparison.
pub(super) fn compared(
    ind: &Indicator,
    benchmarks: &[Benchmark],
    year: FiscalYear,
) -> Result<Option<Compared>> {
    let mut keys = vec![normalize_label(&ind.name)];
    if let IndicatorSource::Admin { name } = &ind.source {
        keys.push(normalize_label(name));
    }
    let rows: Vec<&Benchmark> = benchmarks
        .iter()
        .filter(|b| keys.contains(&b.key))
        .collect();
    let comparator = match &ind.compare {
        Some(c) => {
            let key = normalize_label(c);
            match rows.iter().find(|b| normalize_label(&b.comparator) == key) {
                Some(b) => b.comparator.clone(),
                None => bail!(
                    "指標「{}」の比較対象「{c}」が比較値の表にありません（この指標の比較対象: {}）。compare を直すか、表に行を足してください",
                    ind.name,
                    listed(&rows)
                ),
            }
        }
        None => match rows.first() {
            Some(b) => b.comparator.clone(),
            None => return Ok(None),
        },
    };
    Ok(rows
        .into_iter()
        .filter(|b| b.comparator == comparator && b.year <= year)
        .max_by_key(|b| b.year)
        .map(|b| Compared {
            comparator: b.comparator.clone(),
            year: b.year,
            value: b.value,
            source: b.source.clone(),
            city: None,
            difference: None,
        }))
}

/// The comparators of `rows`, each once, or 「なし」.
fn listed(rows: &[&Benchmark]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for b in rows {
        if !names.contains(&b.comparator.as_str()) {
            names.push(&b.comparator);
        }
    }
    if names.is_empty() {
        "なし".into()
    } else {
        names.join("、")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Level;

    fn row(name: &str, year: i32, who: &str, value: f64) -> Benchmark {
        Benchmark {
            key: normalize_label(name),
            name: name.into(),
            year: FiscalYear(year),
            comparator: who.into(),
            value,
            source: "調査".into(),
        }
    }

    fn overtime(compare: Option<&str>) -> Indicator {
        Indicator {
            id: "x".into(),
            level: Level::Kpi,
            name: "時間外勤務".into(),
            unit: "時間".into(),
            lower_is_better: true,
            baseline: FiscalYear(2023),
            target: None,
            decimals: 1,
            source: IndicatorSource::Admin {
                name: "月平均時間外勤務時間数".into(),
            },
            compare: compare.map(String::from),
        }
    }

    fn table() -> Vec<Benchmark> {
        vec![
            row("月平均時間外勤務時間数", 2023, "道内平均", 11.0),
            row("月平均時間外勤務時間数", 2024, "道内平均", 10.5),
            row("月平均時間外勤務時間数", 2025, "道内平均", 10.0),
            row("月平均時間外勤務時間数", 2023, "全国", 9.8),
            row("別の指標", 2024, "全国", 1.0),
        ]
    }

    #[test]
    fn the_first_comparator_in_the_report_year_under_the_admin_name() {
        let c = compared(&overtime(None), &table(), FiscalYear(2024))
            .unwrap()
            .unwrap();
        // 2025 is after the report's year: never used.
        assert_eq!(
            (c.comparator.as_str(), c.year, c.value),
            ("道内平均", FiscalYear(2024), 10.5)
        );
    }

    #[test]
    fn a_named_comparator_falls_back_to_its_latest_earlier_year() {
        let c = compared(&overtime(Some("全国")), &table(), FiscalYear(2024))
            .unwrap()
            .unwrap();
        assert_eq!((c.year, c.value), (FiscalYear(2023), 9.8));
    }

    #[test]
    fn a_comparator_the_table_lacks_is_an_error_listing_those_it_has() {
        let err = compared(&overtime(Some("全国平均")), &table(), FiscalYear(2024))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("「全国平均」") && err.contains("道内平均、全国"),
            "{err}"
        );
    }

    #[test]
    fn no_rows_no_comparison() {
        let mut ind = overtime(None);
        ind.source = IndicatorSource::Admin {
            name: "無関係".into(),
        };
        assert_eq!(compared(&ind, &table(), FiscalYear(2024)).unwrap(), None);
    }
}
