//! Chart inputs for the segment sections, from the aggregate lookups: item shares by group
//! (bars with intervals, marks and each group's n) and the item × group heatmap of shares
//! coloured by their difference from the overall share, with the overall share as a column of
//! its own. Drawing itself is in `charts`; the charts of the whole population are in
//! `chart_overall`.

use super::charts::{
    grouped_bars_svg, heatmap_svg, CellNote, GroupedBars, HeatCell, Heatmap, OverallColumn, Series,
};
use super::items::{segment_items, table_groups};
use super::Report;
use crate::aggregate::lookup::ItemCell;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::pipeline::Segment;
use anyhow::Result;

/// A drawn chart: file stem under `charts/`, alternative text, SVG document and PNG bytes.
pub struct Chart {
    pub stem: String,
    pub alt: String,
    /// The chart; its PNG twin is rasterised from it when the report is written
    /// ([`super::charts::rasterise`]).
    pub svg: String,
    /// Printed with the report; `false` for a chart that only repeats, for the screen, what
    /// a printed table and chart of its section already show.
    pub print: bool,
}

/// Positive share of every scale item per group of a segment (and 全体), report's wave, with
/// each shown group's number of respondents in the legend.
pub fn segment_chart(report: &Report, segment: &Segment) -> Result<Chart> {
    let wave = report.year.0;
    let items = segment_items(report, segment);
    let groups = table_groups(report, segment);
    let lookup = &report.lookup;
    let note = |s: &str, g: &str, q: &str| -> CellNote {
        if lookup.item_hidden(wave, s, g, q) {
            return CellNote::Suppressed;
        }
        let Some(c) = lookup.item(wave, s, g, q) else {
            return CellNote::Plain;
        };
        match (c.differs, c.unstable) {
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
                // The group's size as the aggregate gives it; none for a hidden group.
                n: lookup.group(wave, s, g).map(|c| c.respondents),
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
        stem: format!("items_by_{}", segment.id),
        alt: chart.title.clone(),
        svg: grouped_bars_svg(&chart)?,
        // The bars repeat the section's table and heatmap: on screen only.
        print: false,
    })
}

/// Item × group heatmap of each group's share, coloured by its difference from the overall
/// share (the aggregate's `diff_all`), with the overall share first as an uncoloured column;
/// report's wave.
pub fn segment_heatmap(report: &Report, segment: &Segment) -> Result<Chart> {
    let (wave, lookup) = (report.year.0, &report.lookup);
    let items = segment_items(report, segment);
    let groups: Vec<String> = lookup.segment_groups(report.pipeline, segment);
    let cell = |s: &str, g: &str, q: &str| -> HeatCell {
        if lookup.item_hidden(wave, s, g, q) {
            return HeatCell::Suppressed;
        }
        match lookup.item(wave, s, g, q) {
            Some(&ItemCell {
                share: Some(share),
                diff_all,
                differs,
                ..
            }) => HeatCell::Value {
                share,
                diff: diff_all.unwrap_or(f64::NAN),
                significant: differs,
            },
            _ => HeatCell::Empty,
        }
    };
    let cells = items
        .iter()
        .map(|q| groups.iter().map(|g| cell(&segment.id, g, &q.id)).collect())
        .collect();
    let overall = OverallColumn {
        label: ALL_GROUP.to_string(),
        cells: items
            .iter()
            .map(|q| cell(ALL_SEGMENT, ALL_GROUP, &q.id))
            .collect(),
    };
    let chart = Heatmap {
        title: format!(
            "{}：肯定的回答の割合（色は全体との差、{}）",
            segment.label, report.year
        ),
        rows: items.iter().map(|q| q.label.clone()).collect(),
        negative: items.iter().map(|q| q.negative).collect(),
        columns: groups,
        cells,
        overall: Some(overall),
    };
    Ok(Chart {
        stem: format!("heatmap_{}", segment.id),
        alt: chart.title.clone(),
        svg: heatmap_svg(&chart)?,
        print: true,
    })
}
