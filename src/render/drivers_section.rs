//! The key-driver analyses in the report: for each `[[drivers]]` entry, a section with an
//! explanation in plain Japanese, the ranking table, the table per segment, the ranking as
//! bars (the items to act on first highlighted) and the priority matrix. An analysis whose
//! outcome splits a segment (やりがい有/無) follows that segment's section; the others follow
//! the segment sections.

use super::chart_data::Chart;
use super::charts::{
    comparison_bars_svg, priority_matrix_svg, ComparisonBars, MatrixPoint, PriorityMatrix,
};
use super::drivers_tables::{by_segment, outcome_label, ranking, ranking_order};
use super::format::share;
use super::sections::{named, Section};
use super::Report;
use crate::drivers::matrix::Quadrant;
use crate::drivers::DriverResult;
use crate::pipeline::SegmentBy;
use anyhow::Result;

/// The file stem of an analysis' tables and charts: `drivers_<outcome id>`.
pub fn stem(report: &Report, d: &DriverResult) -> String {
    format!("drivers_{}", d.outcome(report.pipeline).id)
}

/// What the importance means, once per analysis.
fn intro(report: &Report, d: &DriverResult) -> String {
    let label = outcome_label(report, d);
    format!(
        "「{label}」とほかの設問の関係: 説明に使った設問の回答から「{label}」の回答をどれだけ説明できるか（R²）を求め、それを各設問の寄与分（重要度）に分けました。互いに相関する設問の重なりは二重に数えないので、単純な相関よりも設問ごとの違いが分かります。重要度が高いのに好ましい回答の割合が低い設問が「重点改善」で、取り組みの候補です。ただし重要度は回答どうしの関連の強さであり、その設問を良くすれば「{label}」が上がるという因果関係を示すものではありません。"
    )
}

/// The tables, charts and explanation of one analysis.
fn parts(report: &Report, d: &DriverResult, section: &mut Section) -> Result<()> {
    let stem = stem(report, d);
    section.intro.push(intro(report, d));
    section.tables.push(named(stem.clone(), ranking(report, d)));
    for id in &d.spec.segments {
        if let Some(s) = report.pipeline.segments.iter().find(|s| &s.id == id) {
            section
                .tables
                .push(named(format!("{stem}_by_{id}"), by_segment(report, d, s)));
        }
    }
    let Some(shares) = d.city.shares() else {
        return Ok(());
    };
    let label = outcome_label(report, d);
    let order = ranking_order(d);
    let improve = |j: usize| d.quadrants[j] == Some(Quadrant::Improve);
    let item = |j: usize| {
        report.pipeline.questions[d.predictors[j].question]
            .label
            .clone()
    };
    let bars = ComparisonBars {
        title: format!("「{label}」に関係する項目の重要度（R²に占める割合）"),
        labels: order.iter().map(|&j| item(j)).collect(),
        values: order.iter().map(|&j| shares[j]).collect(),
        highlight: order.iter().map(|&j| improve(j)).collect(),
        warning: true,
        unit: "%".into(),
        decimals: 1,
        caption:
            "色の付いた棒は重点改善の設問（重要度が平均以上で、好ましい回答の割合が平均未満）。"
                .into(),
    };
    section.charts.push(Chart {
        stem: format!("{stem}_ranking"),
        alt: bars.title.clone(),
        svg: comparison_bars_svg(&bars)?,
        // The bars repeat the ranking table: on screen only.
        print: false,
    });
    if let Some(lines) = d.lines {
        let matrix = PriorityMatrix {
            title: format!("「{label}」の重点改善マトリクス"),
            points: (0..d.predictors.len())
                .filter_map(|j| {
                    Some(MatrixPoint {
                        label: item(j),
                        favourable: d.predictors[j].favourable?,
                        importance: shares[j],
                        highlight: improve(j),
                    })
                })
                .collect(),
            lines: (lines.favourable, lines.importance),
            quadrants: Quadrant::ALL.map(|q| q.label().to_string()),
            x_title: format!("好ましい回答の割合（%、{}）", report.year.japanese()),
            y_title: "重要度（R²に占める割合、%）".into(),
            caption: format!(
                "縦線と横線は設問の平均（好ましい回答 {}%、重要度 {}%）。{}。",
                share(Some(lines.favourable)),
                share(Some(lines.importance)),
                Quadrant::ALL
                    .iter()
                    .map(|q| format!("{}: {}", q.label(), q.meaning()))
                    .collect::<Vec<_>>()
                    .join("。")
            ),
        };
        section.charts.push(Chart {
            stem: format!("{stem}_matrix"),
            alt: matrix.title.clone(),
            svg: priority_matrix_svg(&matrix)?,
            print: true,
        });
    }
    Ok(())
}

/// The split segment whose question is the analysis' outcome, if any.
fn split_of(report: &Report, d: &DriverResult) -> Option<String> {
    report
        .pipeline
        .segments
        .iter()
        .find(|s| matches!(s.by, SegmentBy::Split { question, .. } if question == d.spec.outcome))
        .map(|s| s.id.clone())
}

/// The section of one analysis.
fn section(report: &Report, d: &DriverResult) -> Result<Section> {
    let mut section = Section::new(
        stem(report, d).replace('_', "-"),
        format!("「{}」に関係する項目（要因分析）", outcome_label(report, d)),
    );
    parts(report, d, &mut section)?;
    Ok(section)
}

/// The sections of the analyses whose outcome splits `segment` (placed after its section).
pub fn after_segment(report: &Report, segment: &str) -> Result<Vec<Section>> {
    report
        .drivers
        .iter()
        .filter(|d| split_of(report, d).as_deref() == Some(segment))
        .map(|d| section(report, d))
        .collect()
}

/// The sections of the other analyses (placed after the segment sections).
pub fn own_sections(report: &Report) -> Result<Vec<Section>> {
    report
        .drivers
        .iter()
        .filter(|d| split_of(report, d).is_none())
        .map(|d| section(report, d))
        .collect()
}
