//! Tests of the stacked columns.

use super::*;
use crate::render::charts::draw::NO_DATA;
use crate::render::charts::test_support::{
    assert_svg_document, attr, rects_filled, text_element, texts,
};

fn sample() -> StackedColumns {
    StackedColumns {
        title: "任命権者別 職員数の推移".into(),
        categories: vec!["R1".into(), "R2".into(), "R3".into()],
        series: vec!["市長部局".into(), "教育委員会".into(), "消防本部".into()],
        values: vec![
            vec![Some(600.0), Some(300.0), Some(150.0)],
            vec![Some(620.0), None, Some(149.5)],
            vec![Some(0.0), Some(310.0), Some(160.0)],
        ],
        totals: vec![Some(1050.0), Some(769.5), None],
        value_axis_label: "職員数（人）".into(),
    }
}

/// The segments of series `j`, in category order.
fn segments(svg: &str, j: usize) -> Vec<&str> {
    rects_filled(svg, &series_color(j))
}

fn bottom(rect: &str) -> f64 {
    attr(rect, "y") + attr(rect, "height")
}

#[test]
fn columns_print_title_labels_counts_and_totals() {
    let c = sample();
    let svg = stacked_columns_svg(&c).unwrap();
    assert_svg_document(&svg);
    assert_eq!(svg, stacked_columns_svg(&c).unwrap(), "not deterministic");
    let t = texts(&svg);
    for s in [
        "任命権者別 職員数の推移",
        "R1",
        "R2",
        "R3",
        "市長部局",
        "教育委員会",
        "消防本部",
        "職員数（人）",
        // Totals (769.5 rounded half-up) and segment counts as whole numbers.
        "1050",
        "770",
        "600",
        "300",
        "620",
        "310",
    ] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    // 149.5 and 150 both print as 150; no total for R3 (its sum 470 is not made up).
    assert_eq!(t.iter().filter(|x| *x == "150").count(), 2, "{t:?}");
    assert!(!t.iter().any(|x| x == "470" || x == "769.5" || x == "769"));
}

#[test]
fn segments_stack_bottom_first_in_proportion_to_their_values() {
    let svg = stacked_columns_svg(&sample()).unwrap();
    let (s0, s1, s2) = (segments(&svg, 0), segments(&svg, 1), segments(&svg, 2));
    // One segment per value above 0: the 0 and the None draw nothing.
    assert_eq!((s0.len(), s1.len(), s2.len()), (2, 2, 3));
    // Column R1: 600, 300, 150 from the bottom, each as high as its share of the column (each
    // edge is rounded to a pixel on its own).
    let h = |r: &str| attr(r, "height");
    let column = bottom(s0[0]) - attr(s2[0], "y");
    for (rect, v) in [(s0[0], 600.0), (s1[0], 300.0), (s2[0], 150.0)] {
        let expected = column * v / 1050.0;
        assert!((h(rect) - expected).abs() <= 1.0, "{v}: {rect} of {column}");
    }
    assert!((bottom(s1[0]) - attr(s0[0], "y")).abs() <= 1.0);
    assert!((bottom(s2[0]) - attr(s1[0], "y")).abs() <= 1.0);
    // R2 has no 教育委員会: 消防本部 sits on 市長部局. R3 has no 市長部局: 教育委員会 starts at
    // the axis, where R1's column starts.
    assert!((bottom(s2[1]) - attr(s0[1], "y")).abs() <= 1.0);
    assert_eq!(bottom(s1[1]), bottom(s0[0]));
    // Same scale everywhere: 620 is 620/600 of 600.
    assert!((h(s0[1]) - h(s0[0]) * 620.0 / 600.0).abs() <= 2.0);
    // Columns left to right in category order; the total above its column.
    assert!(attr(s0[0], "x") < attr(s0[1], "x"));
    let total = text_element(&svg, "1050").unwrap();
    assert!(attr(total, "y") < attr(s2[0], "y"), "{total}");
    let x_mid = attr(s0[0], "x") + attr(s0[0], "width") / 2.0;
    assert!((attr(total, "x") - x_mid).abs() <= 1.0, "{total}");
}

#[test]
fn totals_of_narrow_columns_are_thinned_from_the_last() {
    let mut many = sample();
    many.categories = (1..=40).map(|k| format!("R{k}")).collect();
    many.values = vec![vec![Some(600.0), Some(300.0), Some(150.0)]; 40];
    many.totals = vec![Some(1050.0); 40];
    let svg = stacked_columns_svg(&many).unwrap();
    let lines: Vec<&str> = svg.lines().collect();
    let xs: Vec<f64> = lines
        .windows(2)
        .filter(|w| w[0].starts_with("<text") && w[1] == "1050")
        .map(|w| attr(w[0], "x"))
        .collect();
    assert!(xs.len() > 1 && xs.len() < 40, "{xs:?}");
    // The last column's total is printed; printed totals do not touch.
    let last = *segments(&svg, 0).last().unwrap();
    assert!((xs[xs.len() - 1] - attr(last, "x") - attr(last, "width") / 2.0).abs() <= 1.0);
    let width = text_width("1050", TOTAL_PX);
    assert!(xs.windows(2).all(|p| p[1] - p[0] > width), "{xs:?}");
    // Every column is still drawn.
    assert_eq!(segments(&svg, 0).len(), 40);
}

#[test]
fn nothing_to_draw_does_not_fail() {
    let empty = StackedColumns {
        title: "空のグラフ".into(),
        categories: vec![],
        series: vec![],
        values: vec![],
        totals: vec![],
        value_axis_label: "人".into(),
    };
    let svg = stacked_columns_svg(&empty).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "空のグラフ") && t.iter().any(|x| x == NO_DATA));

    let mut all_none = sample();
    all_none.values = vec![vec![None; 3]; 3];
    all_none.totals = vec![];
    let mut zeros = sample();
    zeros.values = vec![vec![Some(0.0); 3]; 3];
    zeros.totals = vec![None; 3];
    for c in [&all_none, &zeros] {
        let svg = stacked_columns_svg(c).unwrap();
        assert_svg_document(&svg);
        assert!((0..3).all(|j| segments(&svg, j).is_empty()));
        assert!(texts(&svg).iter().any(|x| x == NO_DATA));
    }

    // No series, totals only: the totals are printed, nothing else.
    let mut no_series = sample();
    no_series.series.clear();
    no_series.values = vec![vec![]; 3];
    let svg = stacked_columns_svg(&no_series).unwrap();
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "1050") && !t.iter().any(|x| x == NO_DATA));

    // One category; long labels and title.
    let mut one = sample();
    one.categories.truncate(1);
    one.values.truncate(1);
    one.totals.truncate(1);
    assert_eq!(segments(&stacked_columns_svg(&one).unwrap(), 2).len(), 1);
    let mut long = sample();
    long.categories[0] = "令和元年度（2019年度）4月1日現在".into();
    long.series[0] = "市長部局（水道局・交通局を含む）".repeat(3);
    long.title = "任命権者別 職員数の推移".repeat(12);
    assert_svg_document(&stacked_columns_svg(&long).unwrap());
}

#[test]
fn mismatched_lengths_are_errors() {
    let mut c = sample();
    c.values.pop();
    assert!(stacked_columns_svg(&c).is_err());
    let mut c = sample();
    c.values[1].push(Some(1.0));
    let err = stacked_columns_svg(&c).unwrap_err().to_string();
    assert!(err.contains("\"R2\" has 4 values for 3 series"), "{err}");
    let mut c = sample();
    c.totals.pop();
    assert!(stacked_columns_svg(&c).is_err());
}
