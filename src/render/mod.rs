//! Render: the aggregate tables and indicator rows → files under
//! `<out>/<pipeline>/<wave>/`: `tables/*.csv` (UTF-8 with BOM) and `tables/*.md`,
//! `charts/*.svg`, `report.md`, the self-contained `report.html` and `report.xlsx`. Rendering formats and
//! lays out numbers; it never computes one.

mod aggregate_tables;
mod cells_html;
mod chart_data;
mod chart_overall;
pub mod charts;
mod drivers_section;
mod drivers_tables;
pub mod format;
mod indicator_table;
mod items;
pub mod marks;
mod overview;
mod quality_tables;
mod reasons;
mod report_view;
mod sections;
mod sheets;
mod staff_charts;
mod staff_section;
mod staff_tables;
mod suppression_table;
pub mod table;
mod table_view;
mod templates;
mod whole_tables;
mod xlsx;

use crate::aggregate::lookup::Lookup;
use crate::clean::{UnmatchedGroup, UnmatchedValue};
use crate::fiscal_year::FiscalYear;
use crate::indicators::IndicatorRow;
use crate::pipeline::Pipeline;
use crate::quality::{Accounting, Issue};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Everything a report is made from.
pub struct Report<'a> {
    /// The pipeline as the report shows it (without breakdowns the public profile leaves out).
    pub pipeline: &'a Pipeline,
    /// Id and label of each breakdown the public profile leaves out (too few groups to
    /// show); `suppression.csv` still lists its hidden cells for auditors.
    pub left_out: Vec<(String, String)>,
    pub lookup: Lookup,
    /// The 概要: the survey at a glance and the findings, chosen by the findings stage.
    pub overview: crate::findings::Overview,
    /// The report's wave.
    pub year: FiscalYear,
    /// Waves up to and including `year`, oldest first.
    pub waves: Vec<FiscalYear>,
    pub indicators: &'a [IndicatorRow],
    /// The 職員の状況 section's statistics, when the pipeline has `[staff]`.
    pub staff: Option<&'a crate::staff::StaffView>,
    /// The key-driver analyses (`[[drivers]]`), in pipeline order.
    pub drivers: &'a [crate::drivers::DriverResult],
    pub issues: &'a [Issue],
    /// The data-quality summary: values that matched nothing, per column and value.
    pub unmatched: &'a [UnmatchedValue],
    /// Values over the data-quality gate that the user let through
    /// (`--accept-data-problems`); the report says so first.
    pub accepted: &'a [UnmatchedGroup],
    pub accounting: &'a [Accounting],
}

/// Writes the full report into `dir` (replacing what was there) and returns the files written:
/// every table as CSV and Markdown, every chart as SVG, `report.md`, `report.html`,
/// `report.xlsx`, the department sheets (`sheets/`) and `suppression.csv`.
pub fn render(report: &Report, dir: &Path) -> Result<Vec<PathBuf>> {
    let sections = sections::sections(report)?;
    let svgs: Vec<&str> = sections
        .iter()
        .flat_map(|s| s.charts.iter().map(|c| c.svg.as_str()))
        .collect();
    // The charts are rasterised on the other threads while this one lays out the documents.
    let (pngs, documents) = std::thread::scope(|scope| {
        let pngs = scope.spawn(|| charts::rasterise(&svgs));
        let documents = documents(report, &sections);
        let pngs = pngs.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        (pngs, documents)
    });
    let (pngs, documents) = (pngs?, documents?);
    let mut pngs = pngs.iter();
    let mut written = Vec::new();
    for s in &sections {
        for n in &s.tables {
            written.extend(write_table(dir, n)?);
        }
        for c in &s.charts {
            let png = pngs.next().expect("one PNG per chart");
            written.push(write(
                dir,
                &format!("charts/{}.svg", c.stem),
                c.svg.as_bytes(),
            )?);
            written.push(write(dir, &format!("charts/{}.png", c.stem), png)?);
        }
    }
    for (path, bytes) in &documents {
        written.push(write(dir, path, bytes)?);
    }
    Ok(written)
}

/// The report's documents, in the order they are written: report.md, report.html,
/// report.xlsx, the department sheets and, for auditors (beside the tables and linked from
/// nowhere in the report), suppression.csv.
fn documents(report: &Report, sections: &[sections::Section]) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = vec![
        (
            "report.md".to_string(),
            report_view::markdown(report, sections)?.into_bytes(),
        ),
        (
            "report.html".to_string(),
            report_view::html(report, sections)?.into_bytes(),
        ),
        ("report.xlsx".to_string(), xlsx::report(report, sections)?),
    ];
    for f in sheets::files(report)? {
        out.push((f.path, f.bytes));
    }
    out.push((
        "suppression.csv".to_string(),
        suppression_table::suppression(report).to_csv()?,
    ));
    Ok(out)
}

/// Writes only the data-quality tables into `dir`.
pub fn render_quality(report: &Report, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for n in sections::quality_tables(report) {
        written.extend(write_table(dir, &n)?);
    }
    Ok(written)
}

fn write_table(dir: &Path, n: &sections::Named) -> Result<Vec<PathBuf>> {
    Ok(vec![
        write(dir, &format!("tables/{}.csv", n.stem), &n.table.to_csv()?)?,
        write(
            dir,
            &format!("tables/{}.md", n.stem),
            n.table.to_markdown()?.as_bytes(),
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
