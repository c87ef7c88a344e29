//! Chart inputs from the aggregate lookups: item shares by group for each segment, and each
//! indicator's path from baseline toward target. Drawing itself is in `charts`.

use super::charts::{
    grouped_bars_svg, indicator_path_svg, GroupedBars, IndicatorPath, PathPoint, Series,
};
use super::items::segment_items;
use super::Report;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::pipeline::Segment;
use anyhow::Result;

/// A drawn chart: file name under `charts/`, alternative text, SVG document.
pub struct Chart {
    pub file: String,
    pub alt: String,
    pub svg: String,
}

/// Positive share of every scale item per group of a segment (and 全体), report's wave.
pub fn segment_chart(report: &Report, segment: &Segment) -> Result<Chart> {
    let wave = report.year.0;
    let items = segment_items(report, segment);
    let mut groups = vec![(ALL_SEGMENT.to_string(), ALL_GROUP.to_string())];
    groups.extend(
        report
            .lookup
            .segment_groups(report.pipeline, segment)
            .into_iter()
            .map(|g| (segment.id.clone(), g)),
    );
    let series = groups
        .iter()
        .map(|(s, g)| Series {
            name: g.clone(),
            values: items
                .iter()
                .map(|q| report.lookup.item(wave, s, g, &q.id).and_then(|c| c.share))
                .collect(),
        })
        .collect();
    let chart = GroupedBars {
        title: format!("{}：肯定的回答の割合（{}）", segment.label, report.year),
        categories: items.iter().map(|q| q.label.clone()).collect(),
        negative: items.iter().map(|q| q.negative).collect(),
        series,
        value_axis_label: "肯定的回答の割合（%）".into(),
    };
    Ok(Chart {
        file: format!("items_by_{}.svg", segment.id),
        alt: chart.title.clone(),
        svg: grouped_bars_svg(&chart)?,
    })
}

/// One chart per indicator with a baseline value.
pub fn indicator_charts(report: &Report) -> Result<Vec<Chart>> {
    let mut out = Vec::new();
    for row in report.indicators {
        let ind = &report.pipeline.indicators[row.indicator];
        let Some(baseline) = row.baseline else {
            continue;
        };
        let point = |year: crate::fiscal_year::FiscalYear, value: f64| PathPoint {
            fiscal_year: year.0,
            label: year.short(),
            value,
        };
        let chart = IndicatorPath {
            title: format!("{} {}", ind.level.label(), ind.name),
            unit: ind.unit.clone(),
            lower_is_better: ind.lower_is_better,
            actual: row.history.iter().map(|o| point(o.year, o.value)).collect(),
            baseline: point(baseline.year, baseline.value),
            target: point(ind.target_year, ind.target),
        };
        out.push(Chart {
            file: format!("indicator_{}.svg", ind.id),
            alt: chart.title.clone(),
            svg: indicator_path_svg(&chart)?,
        });
    }
    Ok(out)
}
