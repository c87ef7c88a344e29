//! Tests of the grouped bar chart: labels, bars per value, negative statements, sizes, edge
//! cases, each group's n in the legend.

use super::*;
use crate::render::charts::test_support::{assert_svg_document, attr, bar_rects, hex, texts};

fn sample_bars() -> GroupedBars {
    GroupedBars {
        title: "設問別 肯定的回答の割合（年齢階層別）".into(),
        categories: vec![
            "仕事にやりがいを感じている".into(),
            "仕事を辞めたいと思うことがある".into(),
            "研修&OJTの機会が十分にある".into(),
        ],
        negative: vec![false, true, false],
        series: vec![
            Series {
                name: "20歳代".into(),
                values: vec![Some(62.25), None, Some(0.05)],
                intervals: vec![],
                notes: vec![],
                n: None,
            },
            Series {
                name: "30歳代".into(),
                values: vec![Some(40.0), Some(12.5), None],
                intervals: vec![],
                notes: vec![],
                n: None,
            },
        ],
        value_axis_label: "肯定的回答の割合（%）".into(),
    }
}

#[test]
fn bars_contain_japanese_title_labels_and_escaped_ampersand() {
    let svg = grouped_bars_svg(&sample_bars()).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    assert!(
        t.iter()
            .any(|s| s == "設問別 肯定的回答の割合（年齢階層別）"),
        "{t:?}"
    );
    assert!(t.iter().any(|s| s == "仕事にやりがいを感じている"), "{t:?}");
    assert!(t.iter().any(|s| s == "肯定的回答の割合（%）"));
    assert!(t.iter().any(|s| s == "20歳代") && t.iter().any(|s| s == "30歳代"));
    // plotters escapes text content: '&' becomes "&amp;".
    assert!(
        t.iter().any(|s| s == "研修&amp;OJTの機会が十分にある"),
        "{t:?}"
    );
    assert!(!svg.contains("研修&OJT"));
    // The font family written into the SVG starts with the embedded font.
    assert!(svg.contains("font-family=\"IPAexGothic, "));
}

#[test]
fn bars_one_rect_per_some_value() {
    let chart = sample_bars();
    let svg = grouped_bars_svg(&chart).unwrap();
    let some = chart
        .series
        .iter()
        .flat_map(|s| &s.values)
        .filter(|v| v.is_some())
        .count();
    assert_eq!(bar_rects(&svg).len(), some);
    // Per series: bars in that series' colour only for its Some values.
    for (j, s) in chart.series.iter().enumerate() {
        let fill = format!("fill=\"{}\"", hex(&series_color(j)));
        let n = bar_rects(&svg).iter().filter(|l| l.contains(&fill)).count();
        assert_eq!(n, s.values.iter().flatten().count(), "series {j}");
    }
    // Values are printed with one decimal, rounded half-up.
    let t = texts(&svg);
    for v in ["62.3", "0.1", "40.0", "12.5"] {
        assert!(t.iter().any(|s| s == v), "{v} missing in {t:?}");
    }
    assert!(!t.iter().any(|s| s == "62.2"));
}

#[test]
fn bars_none_draws_nothing_and_bar_length_follows_value() {
    let mut chart = sample_bars();
    chart.series.truncate(1);
    chart.series[0].values = vec![Some(50.0), None, Some(100.0)];
    let svg = grouped_bars_svg(&chart).unwrap();
    let bars = bar_rects(&svg);
    assert_eq!(bars.len(), 2);
    let w50 = attr(bars[0], "width");
    let w100 = attr(bars[1], "width");
    assert!((w100 - 2.0 * w50).abs() <= 1.0, "{w50} vs {w100}");
    // The middle category (None) has no value label.
    let values: Vec<String> = texts(&svg)
        .into_iter()
        .filter(|s| s.ends_with(".0") || s.ends_with(".5"))
        .collect();
    assert_eq!(values, vec!["50.0", "100.0"]);
    // Bars go top to bottom in category order.
    assert!(attr(bars[0], "y") < attr(bars[1], "y"));
}

#[test]
fn bars_negative_statements_are_marked() {
    let svg = grouped_bars_svg(&sample_bars()).unwrap();
    let t = texts(&svg);
    assert!(
        t.iter().any(|s| s == "▼仕事を辞めたいと思うことがある"),
        "{t:?}"
    );
    assert!(!t.iter().any(|s| s == "▼仕事にやりがいを感じている"));
    assert!(t.iter().any(|s| s == NEGATIVE_NOTE));
    // No negative statement, no note and no mark.
    let mut chart = sample_bars();
    chart.negative = vec![];
    let svg = grouped_bars_svg(&chart).unwrap();
    assert!(!svg.contains('▼'));
}

#[test]
fn bars_height_scales_with_categories_and_series() {
    let height = |c: &GroupedBars| {
        let svg = grouped_bars_svg(c).unwrap();
        let first = svg.lines().next().unwrap().to_string();
        attr(&first, "height")
    };
    let mut chart = sample_bars();
    let h3 = height(&chart);
    chart.categories.push("追加の設問".into());
    chart.negative.push(false);
    for s in &mut chart.series {
        s.values.push(Some(1.0));
    }
    let h4 = height(&chart);
    assert_eq!(h4 - h3, band_height(2));
    let mut five = chart.clone();
    for k in 0..3 {
        five.series.push(Series {
            name: format!("群{k}"),
            values: vec![Some(10.0); 4],
            intervals: vec![],
            notes: vec![],
            n: None,
        });
    }
    assert_eq!(height(&five) - h4, 4.0 * 3.0 * BAR_H);
}

#[test]
fn bars_edge_cases_do_not_fail() {
    let empty = GroupedBars {
        title: "空".into(),
        categories: vec![],
        negative: vec![],
        series: vec![],
        value_axis_label: "%".into(),
    };
    let svg = grouped_bars_svg(&empty).unwrap();
    assert_svg_document(&svg);
    assert!(svg.contains("表示するデータがありません"));

    let mut no_series = sample_bars();
    no_series.series.clear();
    let mut all_none = sample_bars();
    for s in &mut all_none.series {
        s.values = vec![None; 3];
    }
    for chart in [no_series, all_none] {
        let svg = grouped_bars_svg(&chart).unwrap();
        assert_svg_document(&svg);
        assert!(bar_rects(&svg).is_empty());
    }

    let mut odd = sample_bars();
    odd.series[0].values = vec![Some(-5.0), Some(130.0), Some(f64::NAN)];
    let svg = grouped_bars_svg(&odd).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    assert!(t.iter().any(|s| s == "-5.0") && t.iter().any(|s| s == "130.0"));

    let mut long = sample_bars();
    long.categories[0] = "あ".repeat(120);
    long.title = "長いタイトル".repeat(30);
    assert_svg_document(&grouped_bars_svg(&long).unwrap());
}

#[test]
fn bars_reject_mismatched_lengths() {
    let mut chart = sample_bars();
    chart.series[0].values.pop();
    assert!(grouped_bars_svg(&chart).is_err());
    let mut chart = sample_bars();
    chart.negative = vec![true];
    assert!(grouped_bars_svg(&chart).is_err());
    let mut chart = sample_bars();
    chart.series[1].intervals = vec![Some((1.0, 2.0)); 2];
    let err = grouped_bars_svg(&chart).unwrap_err().to_string();
    assert!(err.contains("2 intervals for 3"), "{err}");
    let mut chart = sample_bars();
    chart.series[0].notes = vec![CellNote::Plain; 4];
    let err = grouped_bars_svg(&chart).unwrap_err().to_string();
    assert!(err.contains("4 notes for 3"), "{err}");
}

#[test]
fn bars_rendering_is_deterministic() {
    assert_eq!(
        grouped_bars_svg(&sample_bars()).unwrap(),
        grouped_bars_svg(&sample_bars()).unwrap()
    );
}

#[test]
fn each_group_shows_its_n_in_the_legend_unless_none_is_given() {
    let mut chart = sample_bars();
    chart.series[0].n = Some(212);
    let t = texts(&grouped_bars_svg(&chart).unwrap());
    assert!(t.iter().any(|s| s == "20歳代（n=212）"), "{t:?}");
    // No n given (a hidden group): the name alone, and no "n=" anywhere for it.
    assert!(t.iter().any(|s| s == "30歳代"), "{t:?}");
    assert!(!t.iter().any(|s| s.starts_with("30歳代（n=")), "{t:?}");
}
