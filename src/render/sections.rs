//! The report's sections, in reading order, each with its tables and charts. Every output
//! form (CSV/Markdown files, `report.md`, `report.html`) is written from these, so all show
//! the same numbers.

use super::chart_data::{self, Chart};
use super::chart_overall;
use super::table::Table;
use super::{
    aggregate_tables, drivers_section, indicator_table, items, overview, quality_tables, reasons,
    whole_tables, Report,
};
use crate::pipeline::SegmentBy;
use anyhow::Result;

/// A named table: file stem, content, whether the reports show it (long tables are only
/// linked from there) and whether its print may continue on the next page between rows.
pub struct Named {
    pub stem: String,
    pub table: Table,
    pub in_report: bool,
    /// Taller than a printed page: it starts where it stands and breaks between rows,
    /// rather than leaving the rest of a page empty.
    pub long: bool,
}

pub fn named(stem: impl Into<String>, table: Table) -> Named {
    Named {
        stem: stem.into(),
        table,
        in_report: true,
        long: false,
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
    /// Paragraphs before the tables: what the section's groups mean, in plain Japanese.
    pub intro: Vec<String>,
    /// The 概要 (first section only).
    pub overview: Option<overview::View>,
    pub tables: Vec<Named>,
    pub charts: Vec<Chart>,
    /// Draw the charts small, several to a row (the indicator paths).
    pub multiples: bool,
    /// Its heading, text and tables print on landscape pages (its charts stay portrait): its
    /// tables have more columns than portrait A4 holds at 9 pt.
    pub wide: bool,
}

impl Section {
    pub(super) fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Section {
            id: id.into(),
            title: title.into(),
            intro: vec![],
            overview: None,
            tables: vec![],
            charts: vec![],
            multiples: false,
            wide: false,
        }
    }
}

/// The title of the table with file stem `stem`, for the 概要's citations.
pub fn table_title<'a>(sections: &'a [Section], stem: &str) -> Option<&'a str> {
    sections
        .iter()
        .flat_map(|s| &s.tables)
        .find(|n| n.stem == stem)
        .map(|n| n.table.title.as_str())
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

/// The most groups (全体 not counted) a segment's grouped-bars chart is drawn for.
pub const MAX_BAR_GROUPS: usize = 12;

/// Every section in reading order: the 概要, KGI/KPI status, 職員の状況, the segment analyses (splits
/// such as やりがい first, each followed by the key-driver analysis of its question, then age bands, then
/// the other attributes), the other key-driver analyses, reasons, trends, response rates and
/// data quality.
pub fn sections(report: &Report) -> Result<Vec<Section>> {
    let mut out = vec![
        Section {
            overview: Some(overview::view(report)),
            ..Section::new("overview", "概要")
        },
        Section {
            tables: std::iter::once(named(
                "indicators",
                indicator_table::indicator_table(report),
            ))
            .chain(
                indicator_table::comparison_table(report)
                    .map(|t| named("indicator_comparisons", t)),
            )
            .collect(),
            charts: chart_overall::indicator_charts(report)?,
            multiples: true,
            intro: if report.pipeline.indicators.is_empty() {
                vec!["KGI・KPI はまだ設定されていません。パイプラインファイルに [[indicators]] を書くと（init が作ったファイルの末尾に例がコメントで入っています）、基準値・目標・判定がここに載ります。".into()]
            } else {
                vec![]
            },
            ..Section::new("kgi", "KGI・KPI の状況")
        },
    ];
    if let Some(view) = report.staff {
        out.push(super::staff_section::section(report, view)?);
    }
    for s in report.pipeline.segments_in_report_order() {
        let mut tables = Vec::new();
        if matches!(s.by, SegmentBy::Split { .. }) {
            tables.push(named(
                format!("groups_{}", s.id),
                items::group_sizes(report, s),
            ));
        }
        // More groups than fit beside the questions on a portrait page: 全体 and six groups
        // do, in the compact cells (share, interval, n) at 9 pt. On a landscape page the
        // items table of so many groups is taller than the page (three lines a row).
        let groups = report.lookup.segment_groups(report.pipeline, s).len();
        tables.push(Named {
            long: groups > 6,
            ..named(
                format!("items_by_{}", s.id),
                items::items_by_segment(report, s),
            )
        });
        if let Some(t) = items::change_by_segment(report, s) {
            tables.push(named(format!("change_by_{}", s.id), t));
        }
        // The bars repeat the table and the heatmap on screen; beyond a dozen groups they would
        // be a chart tens of thousands of pixels tall, and the heatmap alone carries them.
        let mut charts = Vec::new();
        if groups <= MAX_BAR_GROUPS {
            charts.push(chart_data::segment_chart(report, s)?);
        }
        charts.push(chart_data::segment_heatmap(report, s)?);
        out.push(Section {
            wide: groups > 6,
            intro: items::segment_intro(report, s),
            tables,
            charts,
            ..Section::new(format!("segment-{}", s.id), format!("{}の分析", s.label))
        });
        out.extend(drivers_section::after_segment(report, &s.id)?);
    }
    out.extend(drivers_section::own_sections(report)?);
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
    // Landscape: a group's three most chosen options fit on one line each.
    out.push(Section {
        tables: reasons,
        wide: true,
        ..Section::new("reasons", "選択式設問（理由など）と自由記述")
    });
    let mut trend_charts = vec![chart_overall::trend_chart(report)?];
    trend_charts.extend(chart_overall::levels_charts(report)?);
    let mut trend_tables = vec![named("trend", whole_tables::trend(report))];
    // The level counts are the diverging chart's numbers: in the CSV, linked from the report.
    trend_tables.extend(
        whole_tables::level_counts(report)
            .into_iter()
            .map(|(stem, t)| file_only(stem, t)),
    );
    trend_tables.extend([
        file_only("aggregate_items", aggregate_tables::items_long(report)),
        file_only("aggregate_options", aggregate_tables::options_long(report)),
    ]);
    out.push(Section {
        tables: trend_tables,
        charts: trend_charts,
        ..Section::new("trend", "経年変化と回答の分布")
    });
    let mut quality = vec![named(
        "response_rates",
        quality_tables::response_rates(report),
    )];
    quality.extend(quality_tables(report));
    out.push(Section {
        tables: quality,
        ..Section::new("quality", "回答率とデータの品質")
    });
    Ok(out)
}
