//! The charts of the 職員の状況 section, drawn from the same statistics as its tables: staff
//! per year stacked by appointing body, the age pyramid, women's shares by post (beside the
//! compared year) and overall and among managers over the years, young staff's resignations stacked by body, men's childcare leave over the years,
//! and one comparison chart per indicator with the city highlighted.

use super::chart_data::Chart;
use super::charts::{
    age_pyramid_svg, comparison_bars_svg, grouped_bars_svg, stacked_columns_svg, year_lines_svg,
    AgePyramid, CellNote, ComparisonBars, GroupedBars, Series, StackedColumns, YearLines,
    YEAR_LINES_WIDTH,
};
use super::staff_tables::comparison_rows;
use super::Report;
use crate::staff::date::japanese_date;
use crate::staff::stats::{Stacked, WomenYear};
use crate::staff::StaffView;
use anyhow::Result;

fn chart(stem: &str, alt: &str, svg: String) -> Chart {
    Chart {
        stem: stem.into(),
        alt: alt.into(),
        svg,
        print: true,
    }
}

fn stacked(s: &Stacked, title: &str, axis: &str) -> StackedColumns {
    StackedColumns {
        title: title.into(),
        categories: s.years.iter().map(|y| y.short()).collect(),
        series: s.series.clone(),
        values: s.values.clone(),
        totals: s.totals.iter().map(|t| Some(*t)).collect(),
        value_axis_label: axis.into(),
    }
}

/// Women's shares by post in the latest year, beside the compared year (a hidden post has no
/// bar and shows the suppression marker).
fn women_by_post(view: &StaffView, latest: &WomenYear) -> Result<Chart> {
    let s = &view.stats;
    let mut names = vec!["全体".to_string(), "管理職".to_string()];
    names.extend(latest.posts.iter().map(|(p, _)| p.clone()));
    let share = |w: &WomenYear, name: &str| w.share(name);
    let series_of = |w: &WomenYear| {
        let values: Vec<Option<f64>> = names
            .iter()
            .map(|n| share(w, n).map(|x| x.percent))
            .collect();
        Series {
            name: w.year.to_string(),
            notes: values
                .iter()
                .map(|v| {
                    if v.is_some() {
                        CellNote::Plain
                    } else {
                        CellNote::Suppressed
                    }
                })
                .collect(),
            values,
            intervals: vec![],
            n: None,
        }
    };
    let earlier = s
        .compare_year
        .filter(|y| *y != latest.year)
        .and_then(|y| s.women.iter().find(|w| w.year == y));
    let mut series: Vec<Series> = earlier.map(series_of).into_iter().collect();
    series.push(series_of(latest));
    let c = GroupedBars {
        title: format!("職位別の女性の割合（{}）", latest.year),
        categories: names.clone(),
        negative: vec![],
        series,
        value_axis_label: "女性の割合（%）".into(),
    };
    Ok(chart(
        "staff_women_by_post",
        &c.title,
        grouped_bars_svg(&c)?,
    ))
}

/// The section's charts, in the order of its tables.
pub fn charts(report: &Report, view: &StaffView) -> Result<Vec<Chart>> {
    let s = &view.stats;
    let mut out = Vec::new();
    if !s.headcount.years.is_empty() {
        let c = stacked(&s.headcount, "職員数の推移（任命権者別）", "職員数（人）");
        out.push(chart("staff_headcount", &c.title, stacked_columns_svg(&c)?));
    }
    if let Some(p) = &s.pyramid {
        let date = s
            .reference
            .map(|(_, d)| japanese_date(d))
            .unwrap_or_else(|| p.year.to_string());
        let c = AgePyramid {
            title: format!("年齢別職員構成（{date}時点）"),
            bands: p.bands.iter().map(|b| b.label()).collect(),
            left: p.bands.iter().map(|b| b.men).collect(),
            right: p.bands.iter().map(|b| b.women).collect(),
            left_label: "男性".into(),
            right_label: "女性".into(),
            value_axis_label: "人".into(),
        };
        out.push(chart("staff_age", &c.title, age_pyramid_svg(&c)?));
    }
    if let Some(latest) = s.women.last() {
        out.push(women_by_post(view, latest)?);
    }
    if s.women.len() > 1 {
        let c = YearLines {
            width: YEAR_LINES_WIDTH,
            title: "女性の割合の推移（全体・管理職）".into(),
            categories: s.women.iter().map(|w| w.year.short()).collect(),
            series: vec![
                (
                    "全体".into(),
                    s.women
                        .iter()
                        .map(|w| w.overall.map(|x| x.percent))
                        .collect(),
                ),
                (
                    "管理職".into(),
                    s.women
                        .iter()
                        .map(|w| w.managers.map(|x| x.percent))
                        .collect(),
                ),
            ],
            unit: "%".into(),
            value_axis_label: "女性の割合（%）".into(),
        };
        out.push(chart("staff_women_trend", &c.title, year_lines_svg(&c)?));
    }
    if !s.resignations.years.is_empty() {
        let c = stacked(
            &s.resignations,
            "30歳代以下の職員の退職者数（任命権者別）",
            "退職者数（人）",
        );
        out.push(chart(
            "staff_resignations",
            &c.title,
            stacked_columns_svg(&c)?,
        ));
    }
    if s.childcare.len() > 1 {
        let c = YearLines {
            width: YEAR_LINES_WIDTH,
            title: "男性職員の育児休業取得率".into(),
            categories: s.childcare.iter().map(|c| c.year.short()).collect(),
            series: vec![
                (
                    "取得率".into(),
                    s.childcare.iter().map(|c| c.taken_percent).collect(),
                ),
                (
                    "取得者のうち1か月超の割合".into(),
                    s.childcare.iter().map(|c| c.long_percent).collect(),
                ),
            ],
            unit: "%".into(),
            value_axis_label: "割合（%）".into(),
        };
        out.push(chart("staff_childcare", &c.title, year_lines_svg(&c)?));
    }
    for (k, c) in view.comparisons.iter().enumerate() {
        let rows = comparison_rows(c, &report.pipeline.organisation);
        if rows.is_empty() {
            continue;
        }
        let unit = if c.unit.is_empty() {
            String::new()
        } else {
            format!("（{}）", c.unit)
        };
        let bars = ComparisonBars {
            title: format!("{}{unit}：他の自治体との比較（{}）", c.name, c.year),
            labels: rows.iter().map(|r| r.0.clone()).collect(),
            values: rows.iter().map(|r| r.1).collect(),
            highlight: rows.iter().map(|r| r.2).collect(),
            warning: false,
            unit: c.unit.clone(),
            decimals: c.decimals,
            caption: if c.sources.is_empty() {
                String::new()
            } else {
                format!("出典: {}", c.sources.join("、"))
            },
        };
        out.push(chart(
            &format!("staff_comparison_{}", k + 1),
            &bars.title,
            comparison_bars_svg(&bars)?,
        ));
    }
    Ok(out)
}
