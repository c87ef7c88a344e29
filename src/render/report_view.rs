//! report.html and report.md: the view both templates read, built from the section model,
//! and the two renderings. The view only carries text the sections already hold (and the
//! anchors, classes and print widths that lay it out); it computes no number.

use super::marks::method_notes;
use super::overview::{status_class, tone_class, View};
use super::sections::{table_title, Section};
use super::table_view::TableView;
use super::{templates, Report};
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct ReportView {
    title: String,
    /// The waves aggregated, in Japanese, joined by 、.
    waves: String,
    /// The notice that the data problems over the gate were let through.
    warning: Option<String>,
    sections: Vec<SectionView>,
    methods: Vec<String>,
}

#[derive(Serialize)]
struct SectionView {
    id: String,
    title: String,
    wide: bool,
    multiples: bool,
    overview: Option<OverviewView>,
    intro: Vec<String>,
    tables: Vec<TableEntry>,
    charts: Vec<ChartView>,
}

/// A table of a section: shown in full, or (`in_report` false) only linked as its CSV.
#[derive(Serialize)]
struct TableEntry {
    stem: String,
    in_report: bool,
    table: TableView,
}

#[derive(Serialize)]
struct ChartView {
    stem: String,
    alt: String,
    /// The SVG document, drawn inline in HTML.
    svg: String,
    /// Printed with the report (else screen only).
    print: bool,
    /// Printed width in pt.
    print_width: Option<String>,
}

#[derive(Serialize)]
struct OverviewView {
    facts: Vec<(String, String)>,
    indicators: Vec<IndicatorView>,
    findings: Vec<FindingView>,
}

#[derive(Serialize)]
struct IndicatorView {
    level: String,
    name: String,
    current: String,
    target: String,
    status: String,
    /// The status's class (`st-good`, …).
    class: &'static str,
}

#[derive(Serialize)]
struct FindingView {
    text: String,
    /// The cited table's file stem and link anchor.
    table: String,
    anchor: String,
    /// The cited table's title; none when no section holds it.
    cite: Option<String>,
}

/// The whole HTML report.
pub fn html(report: &Report, sections: &[Section]) -> Result<String> {
    templates::render("report.html", view(report, sections))
}

/// The whole Markdown report.
pub fn markdown(report: &Report, sections: &[Section]) -> Result<String> {
    templates::render("report.md", view(report, sections))
}

/// The link anchor of the table with file stem `stem`.
fn table_anchor(stem: &str) -> String {
    format!("t-{stem}")
}

fn view(report: &Report, sections: &[Section]) -> ReportView {
    let p = report.pipeline;
    // A note is printed in full once; a later table with the same note points to the first.
    let mut notes: BTreeMap<String, String> = BTreeMap::new();
    let sections = sections
        .iter()
        .map(|s| SectionView {
            id: s.id.clone(),
            title: s.title.clone(),
            wide: s.wide,
            multiples: s.multiples,
            overview: s.overview.as_ref().map(|v| overview(v, sections)),
            intro: s.intro.clone(),
            tables: s
                .tables
                .iter()
                .map(|n| {
                    let mut table =
                        TableView::new(&n.table, &table_anchor(&n.stem), |_, _, text| {
                            status_class(text)
                        });
                    table.long = n.long;
                    if n.in_report {
                        let first = notes
                            .entry(n.table.note.clone())
                            .or_insert(n.table.title.clone());
                        table.same_note_as = (!n.table.note.is_empty() && *first != n.table.title)
                            .then(|| first.clone());
                    }
                    TableEntry {
                        stem: n.stem.clone(),
                        in_report: n.in_report,
                        table,
                    }
                })
                .collect(),
            charts: s
                .charts
                .iter()
                .map(|c| ChartView {
                    stem: c.stem.clone(),
                    alt: c.alt.clone(),
                    svg: c.svg.trim().to_string(),
                    print: c.print,
                    print_width: print_width(&c.svg),
                })
                .collect(),
        })
        .collect();
    ReportView {
        title: format!("{} {} 報告（{}）", p.organisation, p.title, report.year),
        waves: report
            .waves
            .iter()
            .map(|w| w.japanese())
            .collect::<Vec<_>>()
            .join("、"),
        warning: super::quality_tables::accepted_notice(report),
        sections,
        methods: method_notes(&p.statistics, &report.left_out),
    }
}

/// The 概要: facts, every KGI/KPI with its status class, the findings with the titles of the
/// tables they cite.
fn overview(v: &View, sections: &[Section]) -> OverviewView {
    OverviewView {
        facts: v.facts.clone(),
        indicators: v
            .indicators
            .iter()
            .map(|i| IndicatorView {
                level: i.level.clone(),
                name: i.name.clone(),
                current: i.current.clone(),
                target: i.target.clone(),
                status: i.status.clone(),
                class: tone_class(i.tone),
            })
            .collect(),
        findings: v
            .findings
            .iter()
            .map(|f| FindingView {
                text: f.text.clone(),
                table: f.table.clone(),
                anchor: table_anchor(&f.table),
                cite: table_title(sections, &f.table).map(str::to_string),
            })
            .collect(),
    }
}

/// Printed charts are 0.5 pt per SVG pixel (a 1000 px chart is 500 pt, nearly the width of
/// a portrait A4 page's text), so every chart prints its text at the same size.
fn print_width(svg: &str) -> Option<String> {
    let tag = &svg[svg.find("<svg")?..];
    let tag = &tag[..tag.find('>')?];
    let w: f64 = tag
        .split("width=\"")
        .nth(1)?
        .split('"')
        .next()?
        .parse()
        .ok()?;
    Some(super::format::number(w * 0.5, 1))
}
