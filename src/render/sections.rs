//! The report's sections, in reading order, each with its tables and charts. Every output
//! form (CSV/Markdown files, `report.md`, `report.html`) is written from these, so all show
//! the same numbers.

use super::chart_data::{self, Chart};
use super::chart_overall;
use super::table::Table;
use super::{aggregate_tables, indicator_table, items, quality_tables, reasons, Report};
use crate::pipeline::SegmentBy;
use anyhow::Result;

/// A named table: file stem, content, and whether the reports show it (long tables are only
/// linked from there).
pub struct Named {
    pub stem: String,
    pub table: Table,
    pub in_report: bool,
}

pub fn named(stem: impl Into<String>, table: Table) -> Named {
    Named {
        stem: stem.into(),
        table,
        in_report: true,
    }
}

fn file_only(stem: impl Into<String>, table: Table) -> Named {
    Named {
        in_report: false,
        ..named(stem, table)
    }
}

/// One section of the report.
pub struct Section {
    /// Anchor for links (`kgi`, `segment-age`, …).
    pub id: String,
    pub title: String,
    pub tables: Vec<Named>,
    pub charts: Vec<Chart>,
}

/// The data-quality tables alone (what `check` writes). The row-level table is only linked
/// from the report: it can run to thousands of rows.
pub fn quality_tables(report: &Report) -> Vec<Named> {
    vec![
        named("row_counts", quality_tables::row_counts(report)),
        named(
            "data_quality_summary",
            quality_tables::data_quality_summary(report),
        ),
        file_only("data_quality", quality_tables::data_quality(report)),
    ]
}

/// Every section in reading order: KGI/KPI status, the segment analyses (age bands first,
/// then splits such as やりがい, then the other attributes), reasons, trends, response
/// rates and data quality.
pub fn sections(report: &Report) -> Result<Vec<Section>> {
    let mut out = vec![Section {
        id: "kgi".into(),
        title: "KGI・KPI の状況".into(),
        tables: vec![named(
            "indicators",
            indicator_table::indicator_table(report),
        )],
        charts: chart_overall::indicator_charts(report)?,
    }];
    let rank = |by: &SegmentBy| match by {
        SegmentBy::Age => 0,
        SegmentBy::Split { .. } => 1,
        SegmentBy::Attribute(_) => 2,
    };
    let mut segments: Vec<_> = report.pipeline.segments.iter().collect();
    segments.sort_by_key(|s| rank(&s.by));
    for s in segments {
        let mut tables = Vec::new();
        if matches!(s.by, SegmentBy::Split { .. }) {
            tables.push(named(
                format!("groups_{}", s.id),
                items::group_sizes(report, s),
            ));
        }
        tables.push(named(
            format!("items_by_{}", s.id),
            items::items_by_segment(report, s),
        ));
        if let Some(t) = items::change_by_segment(report, s) {
            tables.push(named(format!("change_by_{}", s.id), t));
        }
        out.push(Section {
            id: format!("segment-{}", s.id),
            title: format!("{}の分析", s.label),
            tables,
            charts: vec![
                chart_data::segment_chart(report, s)?,
                chart_data::segment_heatmap(report, s)?,
            ],
        });
    }
    let reasons: Vec<Named> = reasons::choice_questions(report)
        .into_iter()
        .flat_map(|(q, options)| {
            [
                named(
                    format!("top_{}", q.id),
                    reasons::top_options(report, q, options),
                ),
                file_only(
                    format!("options_{}", q.id),
                    reasons::options_long(report, q, options),
                ),
            ]
        })
        .collect();
    let mut reasons = reasons;
    if let Some(t) = reasons::free_text(report) {
        reasons.push(named("free_text", t));
    }
    out.push(Section {
        id: "reasons".into(),
        title: "選択式設問（理由など）と自由記述".into(),
        tables: reasons,
        charts: vec![],
    });
    let mut trend_charts = vec![chart_overall::trend_chart(report)?];
    trend_charts.extend(chart_overall::levels_charts(report)?);
    let mut trend_tables = vec![named("trend", items::trend(report))];
    trend_tables.extend(
        items::level_counts(report)
            .into_iter()
            .map(|(stem, t)| named(stem, t)),
    );
    trend_tables.extend([
        file_only("aggregate_items", aggregate_tables::items_long(report)),
        file_only("aggregate_options", aggregate_tables::options_long(report)),
    ]);
    out.push(Section {
        id: "trend".into(),
        title: "経年変化と回答の分布".into(),
        tables: trend_tables,
        charts: trend_charts,
    });
    let mut quality = vec![named(
        "response_rates",
        quality_tables::response_rates(report),
    )];
    quality.extend(quality_tables(report));
    out.push(Section {
        id: "quality".into(),
        title: "回答率とデータの品質".into(),
        tables: quality,
        charts: vec![],
    });
    Ok(out)
}
