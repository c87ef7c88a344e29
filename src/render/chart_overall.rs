//! Chart inputs for the whole population: each indicator's path from baseline toward target
//! (or its values over the years when it has no target),
//! the diverging stacked bars of the answer levels of every item, and the trend of every item
//! across waves with its change since the previous wave.

use super::chart_data::Chart;
use super::charts::{
    diverging_svg, indicator_path_svg, trend_svg, year_lines_svg, Diverging, DivergingRow,
    IndicatorPath, PathPoint, RowShares, Trend, TrendChange, TrendSeries, YearLines, PATH_WIDTH,
};
use super::items::scale_items;
use super::whole_tables::items_by_scale;
use super::Report;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::fiscal_year::FiscalYear;
use crate::indicators::{IndicatorRow, Observation};
use crate::pipeline::{Indicator, Target};
use anyhow::Result;

/// One chart per indicator with a baseline value: its path toward the target, or for a
/// series followed without a target its values over the years.
pub fn indicator_charts(report: &Report) -> Result<Vec<Chart>> {
    let mut out = Vec::new();
    for row in report.indicators {
        let ind = &report.pipeline.indicators[row.indicator];
        let Some(baseline) = row.baseline else {
            continue;
        };
        let title = format!("{} {}", ind.level.label(), ind.name);
        let svg = match ind.target {
            Some(target) => indicator_path_svg(&path(row, ind, title.clone(), baseline, target))?,
            None => year_lines_svg(&YearLines {
                title: title.clone(),
                categories: row.history.iter().map(|o| o.year.short()).collect(),
                series: vec![(
                    report.pipeline.organisation.clone(),
                    row.history.iter().map(|o| Some(o.value)).collect(),
                )],
                unit: ind.unit.clone(),
                value_axis_label: if ind.unit == "%" {
                    "割合（%）".into()
                } else {
                    format!("値（{}）", ind.unit)
                },
                // As wide as the path charts it stands beside.
                width: PATH_WIDTH,
            })?,
        };
        out.push(Chart {
            stem: format!("indicator_{}", ind.id),
            alt: title,
            svg,
            print: true,
        });
    }
    Ok(out)
}

/// The path chart of an indicator with a target.
fn path(
    row: &IndicatorRow,
    ind: &Indicator,
    title: String,
    baseline: Observation,
    target: Target,
) -> IndicatorPath {
    let point = |year: FiscalYear, value: f64| PathPoint {
        fiscal_year: year.0,
        label: year.short(),
        value,
    };
    IndicatorPath {
        title,
        unit: ind.unit.clone(),
        lower_is_better: ind.lower_is_better,
        actual: row.history.iter().map(|o| point(o.year, o.value)).collect(),
        intervals: if row.history.iter().any(|o| o.ci.is_some()) {
            row.history.iter().map(|o| o.ci).collect()
        } else {
            vec![]
        },
        baseline: point(baseline.year, baseline.value),
        target: point(target.year, target.value),
        decimals: Some(ind.decimals),
        target_bound: target.bound.map(|b| b.label().to_string()),
        hold: row.hold,
        status: Some(row.status.label().to_string()),
    }
}

/// The answer levels of every scale item, whole population, report's wave: one chart per
/// scale in use, each with its own levels (stem `levels`, or `levels_<scale id>` when there
/// are several scales).
pub fn levels_charts(report: &Report) -> Result<Vec<Chart>> {
    let wave = report.year.0;
    let by_scale = items_by_scale(report);
    let single = by_scale.len() == 1;
    let mut out = Vec::new();
    for (scale, items) in by_scale {
        let rows = items
            .iter()
            .map(|q| DivergingRow {
                label: q.label.clone(),
                negative_statement: q.negative,
                shares: level_shares(report, wave, &q.id, scale.levels.len()),
            })
            .collect();
        let chart = Diverging {
            title: if single {
                format!("回答の分布（全体、{}）", report.year)
            } else {
                format!(
                    "回答の分布（{}、全体、{}）",
                    scale.range_label(),
                    report.year
                )
            },
            levels: scale.levels.clone(),
            positive: scale.positive,
            neutral: scale.neutral,
            rows,
        };
        out.push(Chart {
            stem: if single {
                "levels".into()
            } else {
                format!("levels_{}", scale.id)
            },
            alt: chart.title.clone(),
            svg: diverging_svg(&chart)?,
            print: true,
        });
    }
    Ok(out)
}

/// The whole population's level shares of an item, as the aggregate stage gives them (padded
/// to the longest scale's levels, so cut to this scale's).
fn level_shares(report: &Report, wave: i32, item: &str, levels: usize) -> RowShares {
    if report
        .lookup
        .item_hidden(wave, ALL_SEGMENT, ALL_GROUP, item)
    {
        return RowShares::Suppressed;
    }
    let shares: Option<Vec<f64>> = report
        .lookup
        .item(wave, ALL_SEGMENT, ALL_GROUP, item)
        .and_then(|c| c.level_shares.iter().take(levels).copied().collect());
    match shares {
        Some(s) => RowShares::Shares(s),
        None => RowShares::NoAnswers,
    }
}

/// The whole population's change of an item since the previous wave, as the aggregate stage
/// gives it: the difference from the lookup's changes, the mark from the report wave's cell
/// (`changed`). Hidden in either wave: suppressed; no previous wave or no difference: none.
fn trend_change(report: &Report, item: &str, previous: Option<FiscalYear>) -> TrendChange {
    let Some(previous) = previous else {
        return TrendChange::None;
    };
    let (now, lookup) = (report.year.0, &report.lookup);
    let since = previous.short();
    if [now, previous.0]
        .iter()
        .any(|&w| lookup.item_hidden(w, ALL_SEGMENT, ALL_GROUP, item))
    {
        return TrendChange::Suppressed { since };
    }
    match lookup.change(now, ALL_SEGMENT, ALL_GROUP, item, previous.0) {
        Some(diff) => TrendChange::Points {
            since,
            diff,
            significant: lookup
                .item(now, ALL_SEGMENT, ALL_GROUP, item)
                .is_some_and(|c| c.changed),
        },
        None => TrendChange::None,
    }
}

/// Every scale item's overall share in every wave up to the report's, with intervals and the
/// change since the previous wave.
pub fn trend_chart(report: &Report) -> Result<Chart> {
    let previous = report
        .waves
        .iter()
        .copied()
        .filter(|w| *w < report.year)
        .max();
    let series = scale_items(report)
        .into_iter()
        .map(|q| {
            let cells: Vec<_> = report
                .waves
                .iter()
                .map(|w| report.lookup.item(w.0, ALL_SEGMENT, ALL_GROUP, &q.id))
                .collect();
            TrendSeries {
                name: q.label.clone(),
                values: cells.iter().map(|c| c.and_then(|c| c.share)).collect(),
                intervals: cells.iter().map(|c| c.and_then(|c| c.ci)).collect(),
                negative_statement: q.negative,
                change: trend_change(report, &q.id, previous),
            }
        })
        .collect();
    let chart = Trend {
        title: format!("肯定的回答の割合の推移（全体、{}まで）", report.year),
        waves: report.waves.iter().map(|w| w.short()).collect(),
        series,
    };
    Ok(Chart {
        stem: "trend".into(),
        alt: chart.title.clone(),
        svg: trend_svg(&chart)?,
        print: true,
    })
}
