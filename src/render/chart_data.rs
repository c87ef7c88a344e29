//! Chart inputs from the aggregate lookups: item shares by group for each segment, and each
//! indicator's path from baseline toward target. Drawing itself is in `charts`.

use super::charts::{
    grouped_bars_svg, indicator_path_svg, CellNote, GroupedBars, IndicatorPath, PathPoint, Series,
};
use super::items::{segment_items, table_groups};
use super::marks::significant;
use super::Report;
use crate::aggregate::ALL_SEGMENT;
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
    let (wave, stats) = (report.year.0, &report.pipeline.statistics);
    let items = segment_items(report, segment);
    let groups = table_groups(report, segment);
    let lookup = &report.lookup;
    // Two groups: the pair is marked when the test between them is significant; more
    // groups: each group against the rest.
    let two = groups.len() == 3;
    let note = |s: &str, g: &str, q: &str| -> CellNote {
        if lookup.item_hidden(wave, s, g, q) {
            return CellNote::Suppressed;
        }
        let Some(c) = lookup.item(wave, s, g, q) else {
            return CellNote::Plain;
        };
        let p = if two && s != ALL_SEGMENT {
            lookup.item_test(wave, s, q).map(|t| t.p_adj)
        } else {
            c.p_rest_adj
        };
        match (significant(p, stats), c.unstable) {
            (true, true) => CellNote::SignificantUnstable,
            (true, false) => CellNote::Significant,
            (false, true) => CellNote::Unstable,
            (false, false) => CellNote::Plain,
        }
    };
    let series = groups
        .iter()
        .map(|(s, g)| {
            let cells: Vec<_> = items
                .iter()
                .map(|q| lookup.item(wave, s, g, &q.id))
                .collect();
            Series {
                name: g.clone(),
                values: cells.iter().map(|c| c.and_then(|c| c.share)).collect(),
                intervals: cells
                    .iter()
                    .map(|c| c.filter(|c| c.share.is_some()).and_then(|c| c.ci))
                    .collect(),
                notes: items.iter().map(|q| note(s, g, &q.id)).collect(),
            }
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
            intervals: if row.history.iter().any(|o| o.ci.is_some()) {
                row.history.iter().map(|o| o.ci).collect()
            } else {
                vec![]
            },
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
