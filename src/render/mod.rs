//! Render: the aggregate tables and indicator rows → files under
//! `<out>/<pipeline>/<wave>/`: `report.md`, `tables/*.csv` (UTF-8 with BOM) and
//! `tables/*.md`, and `charts/*.svg`. Rendering formats and lays out numbers; it never
//! computes one.

mod aggregate_tables;
mod chart_data;
pub mod charts;
pub mod format;
mod indicator_table;
mod items;
pub mod lookup;
pub mod marks;
mod quality_tables;
mod reasons;
pub mod table;

use crate::fiscal_year::FiscalYear;
use crate::indicators::IndicatorRow;
use crate::pipeline::{Pipeline, SegmentBy};
use crate::quality::{Accounting, Issue};
use anyhow::{Context, Result};
use lookup::Lookup;
use std::path::{Path, PathBuf};
use table::Table;

/// Everything a report is made from.
pub struct Report<'a> {
    pub pipeline: &'a Pipeline,
    pub lookup: Lookup,
    /// The report's wave.
    pub year: FiscalYear,
    /// Waves up to and including `year`, oldest first.
    pub waves: Vec<FiscalYear>,
    pub indicators: &'a [IndicatorRow],
    pub issues: &'a [Issue],
    pub accounting: &'a [Accounting],
}

/// A named table: file stem, content, and whether `report.md` shows it (long tables are
/// only linked from there).
struct Named {
    stem: String,
    table: Table,
    in_report: bool,
}

fn named(stem: impl Into<String>, table: Table) -> Named {
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

/// The data-quality tables alone (what `check` writes).
fn quality_section(report: &Report) -> Vec<Named> {
    vec![
        named("row_counts", quality_tables::row_counts(report)),
        named("data_quality", quality_tables::data_quality(report)),
    ]
}

/// Writes the full report into `dir` (replacing what was there) and returns the files written.
pub fn render(report: &Report, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut sections: Vec<(String, Vec<Named>, Vec<chart_data::Chart>)> = Vec::new();
    sections.push((
        "KGI・KPI".into(),
        vec![named(
            "indicators",
            indicator_table::indicator_table(report),
        )],
        chart_data::indicator_charts(report)?,
    ));
    sections.push((
        "回答率".into(),
        vec![named(
            "response_rates",
            quality_tables::response_rates(report),
        )],
        vec![],
    ));
    for s in &report.pipeline.segments {
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
        let charts = vec![chart_data::segment_chart(report, s)?];
        sections.push((s.label.clone(), tables, charts));
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
    sections.push(("選択式設問（理由など）".into(), reasons, vec![]));
    sections.push((
        "全体の経年変化と回答の分布".into(),
        vec![
            named("trend", items::trend(report)),
            named("levels", items::level_counts(report)),
            file_only("aggregate_items", aggregate_tables::items_long(report)),
            file_only("aggregate_options", aggregate_tables::options_long(report)),
        ],
        vec![],
    ));
    sections.push(("データの品質".into(), quality_section(report), vec![]));

    let mut written = Vec::new();
    let mut md = format!(
        "# {} {} 報告（{}）\n\n",
        report.pipeline.organisation, report.pipeline.title, report.year
    );
    md.push_str(&format!(
        "集計した年度: {}。表は `tables/`（CSV は Excel で開けます）、グラフは `charts/` にあります。\n\n",
        report.waves.iter().map(|w| w.japanese()).collect::<Vec<_>>().join("、")
    ));
    for (title, tables, charts) in &sections {
        md.push_str(&format!("## {title}\n\n"));
        for n in tables {
            if n.in_report {
                md.push_str(&n.table.to_markdown());
            } else {
                md.push_str(&format!(
                    "{}: [tables/{}.csv](tables/{}.csv)\n\n",
                    n.table.title, n.stem, n.stem
                ));
            }
            written.extend(write_table(dir, n)?);
        }
        for c in charts {
            md.push_str(&format!("![{}](charts/{})\n\n", c.alt, c.file));
            written.push(write(dir, &format!("charts/{}", c.file), c.svg.as_bytes())?);
        }
    }
    written.push(write(dir, "report.md", md.as_bytes())?);
    Ok(written)
}

/// Writes only the data-quality tables into `dir`.
pub fn render_quality(report: &Report, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for n in quality_section(report) {
        written.extend(write_table(dir, &n)?);
    }
    Ok(written)
}

fn write_table(dir: &Path, n: &Named) -> Result<Vec<PathBuf>> {
    Ok(vec![
        write(dir, &format!("tables/{}.csv", n.stem), &n.table.to_csv()?)?,
        write(
            dir,
            &format!("tables/{}.md", n.stem),
            n.table.to_markdown().as_bytes(),
        )?,
    ])
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> Result<PathBuf> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("フォルダ {} を作れません", parent.display()))?;
    }
    std::fs::write(&path, bytes).with_context(|| format!("{} に書き込めません", path.display()))?;
    Ok(path)
}
