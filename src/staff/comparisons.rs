//! The city beside other organisations: for each indicator of the comparison table
//! (`[benchmarks]`), the latest year up to the report's with comparison values, the city's
//! own value that year (from the administrative table, or men's childcare-leave share from
//! the HR counts) and the others', as published.

use super::stats::StaffStats;
use crate::fiscal_year::FiscalYear;
use crate::ingest::{AdminValue, Benchmark};
use crate::normalize::normalize_label;
use crate::pipeline::{IndicatorSource, Pipeline};

/// The name under which men's childcare-leave share is compared.
pub const CHILDCARE_SHARE: &str = "男性職員の育児休業取得率";

/// One indicator compared in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The indicator's name (the KPI's name where one uses it).
    pub name: String,
    pub unit: String,
    pub decimals: u8,
    pub year: FiscalYear,
    /// The city's own value, when known.
    pub city: Option<f64>,
    /// Comparator, value and source, in the table's order.
    pub others: Vec<(String, f64, String)>,
    /// The sources named, each once.
    pub sources: Vec<String>,
    /// Whether a higher value is better (from the KPI), when known.
    pub higher_is_better: Option<bool>,
}

/// The comparisons for the report's year `year`, in the table's order of indicators.
pub fn comparisons(
    pipeline: &Pipeline,
    admin: &[AdminValue],
    benchmarks: &[Benchmark],
    stats: &StaffStats,
    year: FiscalYear,
) -> Vec<Comparison> {
    let mut keys: Vec<&str> = Vec::new();
    for b in benchmarks {
        if !keys.contains(&b.key.as_str()) {
            keys.push(&b.key);
        }
    }
    keys.into_iter()
        .filter_map(|key| {
            let rows: Vec<&Benchmark> = benchmarks.iter().filter(|b| b.key == key).collect();
            let at = rows.iter().map(|b| b.year).filter(|y| *y <= year).max()?;
            let rows: Vec<&Benchmark> = rows.into_iter().filter(|b| b.year == at).collect();
            let indicator = pipeline.indicators.iter().find(|i| {
                matches!(&i.source, IndicatorSource::Admin { name } if normalize_label(name) == key)
            });
            let childcare = key == normalize_label(CHILDCARE_SHARE);
            let city = if childcare {
                stats
                    .childcare
                    .iter()
                    .find(|c| c.year == at)
                    .and_then(|c| c.taken_percent)
            } else {
                admin
                    .iter()
                    .find(|a| a.key == key && a.year == at)
                    .map(|a| a.value)
            };
            let mut sources: Vec<String> = Vec::new();
            for b in &rows {
                if !b.source.is_empty() && !sources.contains(&b.source) {
                    sources.push(b.source.clone());
                }
            }
            Some(Comparison {
                name: indicator.map_or_else(|| rows[0].name.clone(), |i| i.name.clone()),
                unit: indicator.map_or_else(
                    || if childcare { "%".into() } else { String::new() },
                    |i| i.unit.clone(),
                ),
                decimals: indicator.map_or(1, |i| i.decimals),
                year: at,
                city,
                others: rows
                    .iter()
                    .map(|b| (b.comparator.clone(), b.value, b.source.clone()))
                    .collect(),
                sources,
                higher_is_better: indicator
                    .map(|i| !i.lower_is_better)
                    .or(childcare.then_some(true)),
            })
        })
        .collect()
}
