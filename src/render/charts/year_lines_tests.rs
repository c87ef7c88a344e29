//! Tests of the year lines.

use super::*;
use crate::render::charts::draw::NO_DATA;
use crate::render::charts::test_support::{assert_svg_document, attr, hex, text_element, texts};

fn sample() -> YearLines {
    YearLines {
        width: YEAR_LINES_WIDTH,
        title: "女性職員の割合の推移".into(),
        categories: ["R1", "R2", "R3", "R4", "R5"].map(String::from).to_vec(),
        series: vec![
            (
                "全体".into(),
                vec![Some(30.0), Some(31.25), None, Some(33.0), Some(34.6)],
            ),
            (
                "管理職".into(),
                vec![Some(10.0), Some(11.0), Some(12.44), Some(12.5), Some(15.0)],
            ),
        ],
        unit: "%".into(),
        value_axis_label: "女性の割合（%）".into(),
    }
}

/// Centres of the points of series `j` (filled circles in its colour), the legend's first.
fn points(svg: &str, j: usize) -> Vec<(f64, f64)> {
    let fill = format!("fill=\"{}\"", hex(&series_color(j)));
    svg.lines()
        .filter(|l| l.starts_with("<circle") && l.contains(&fill))
        .map(|l| (attr(l, "cx"), attr(l, "cy")))
        .collect()
}

/// Lines of series `j` (polylines in its colour, 2 px), the legend's first.
fn lines(svg: &str, j: usize) -> usize {
    let stroke = format!("stroke=\"{}\"", hex(&series_color(j)));
    svg.lines()
        .filter(|l| l.starts_with("<polyline") && l.contains(&stroke))
        .filter(|l| l.contains("stroke-width=\"2\""))
        .count()
}

#[test]
fn lines_print_names_years_and_every_value() {
    let c = sample();
    let svg = year_lines_svg(&c).unwrap();
    assert_svg_document(&svg);
    assert_eq!(svg, year_lines_svg(&c).unwrap(), "not deterministic");
    let t = texts(&svg);
    for s in [
        "女性職員の割合の推移",
        "R1",
        "R5",
        "全体",
        "管理職",
        "女性の割合（%）",
        // One decimal, half-up, with the unit.
        "30.0%",
        "31.3%",
        "33.0%",
        "34.6%",
        "10.0%",
        "12.4%",
        "12.5%",
        "15.0%",
    ] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    // Nine values, nine printed (none for the missing one).
    assert_eq!(t.iter().filter(|x| x.ends_with('%')).count(), 9, "{t:?}");
    assert!(!t.iter().any(|x| x == "31.2%"));
}

#[test]
fn the_axis_starts_at_0_and_ends_at_a_round_value_above_the_largest() {
    let t = texts(&year_lines_svg(&sample()).unwrap());
    // 34.6 → grid every 10 up to 40.
    for tick in ["0", "10", "20", "30", "40"] {
        assert!(t.iter().any(|x| x == tick), "{tick} missing in {t:?}");
    }
    assert!(!t.iter().any(|x| x == "50"));
    // A percentage near 100 ends at 100, not above.
    let mut high = sample();
    high.series[0].1 = vec![Some(96.0), Some(99.5), None, Some(100.0), Some(98.0)];
    let t = texts(&year_lines_svg(&high).unwrap());
    assert!(t.iter().any(|x| x == "100") && !t.iter().any(|x| x == "120"));
    // Other units are not capped.
    high.unit = "人".into();
    let t = texts(&year_lines_svg(&high).unwrap());
    assert!(t.iter().any(|x| x == "120"), "{t:?}");
}

#[test]
fn points_follow_values_and_lines_break_at_gaps() {
    let svg = year_lines_svg(&sample()).unwrap();
    let (p0, p1) = (points(&svg, 0), points(&svg, 1));
    // Legend point, then one per value.
    assert_eq!((p0.len(), p1.len()), (1 + 4, 1 + 5));
    // Heights in proportion from 0: 30 is three times as high as 10 above the axis, and 15 is
    // half way between (the axis is where 10 − (30 − 10) / 2 would be).
    let (y30, y10, y15) = (p0[1].1, p1[1].1, p1[5].1);
    let zero = y10 + (y10 - y30) / 2.0;
    assert!(((zero - y15) - 1.5 * (zero - y10)).abs() <= 1.5, "{p1:?}");
    // Years left to right, one x per year in both series.
    assert_eq!(p0[1].0, p1[1].0);
    assert!(p0[1].0 < p0[2].0);
    assert_eq!(p0[3].0, p1[4].0);
    // "全体" is broken at R3: two lines; "管理職" is one line (plus the legend's each).
    assert_eq!((lines(&svg, 0), lines(&svg, 1)), (1 + 2, 1 + 1));
}

#[test]
fn values_sit_above_the_highest_point_and_below_the_others() {
    let svg = year_lines_svg(&sample()).unwrap();
    let (p0, p1) = (points(&svg, 0), points(&svg, 1));
    let y = |s: &str| attr(text_element(&svg, s).unwrap(), "y");
    assert!(y("30.0%") < p0[1].1, "above the higher point");
    assert!(y("10.0%") > p1[1].1, "below the lower point");
    // Two close values of one year do not overlap.
    let mut close = sample();
    close.series[1].1[0] = Some(29.0);
    let svg = year_lines_svg(&close).unwrap();
    let y = |s: &str| attr(text_element(&svg, s).unwrap(), "y");
    assert!(y("29.0%") - y("30.0%") >= VALUE_LINE_H - 1.0);
    // A value at 0 below another goes above its point, where there is room.
    let places = value_places(&[100.0, 300.0], 293.0);
    assert_eq!(places, [100.0 - VALUE_OFFSET, 300.0 - VALUE_OFFSET]);
    let places = value_places(&[290.0, 300.0], 293.0);
    assert_eq!(places, [290.0 - VALUE_OFFSET, 293.0]);
    // Three values at 0: pushed up from the axis, each apart from the next.
    let places = value_places(&[300.0, 299.0, 300.0], 293.0);
    assert_eq!(
        places,
        [293.0 - VALUE_LINE_H, 293.0 - 2.0 * VALUE_LINE_H, 293.0]
    );
}

#[test]
fn empty_and_odd_inputs_do_not_fail() {
    let empty = YearLines {
        width: YEAR_LINES_WIDTH,
        title: "推移".into(),
        categories: vec![],
        series: vec![],
        unit: "%".into(),
        value_axis_label: "%".into(),
    };
    let svg = year_lines_svg(&empty).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "推移") && t.iter().any(|x| x == NO_DATA));

    let mut all_none = sample();
    for (_, v) in &mut all_none.series {
        *v = vec![None, Some(f64::NAN), None, None, None];
    }
    let svg = year_lines_svg(&all_none).unwrap();
    assert_svg_document(&svg);
    assert_eq!((points(&svg, 0).len(), points(&svg, 1).len()), (1, 1));
    assert!(texts(&svg).iter().any(|x| x == NO_DATA));

    let mut zeros = sample();
    zeros.series[1].1 = vec![Some(0.0); 5];
    assert!(texts(&year_lines_svg(&zeros).unwrap())
        .iter()
        .any(|x| x == "0.0%"));

    let one = YearLines {
        categories: vec!["R5".into()],
        series: vec![("全体".into(), vec![Some(34.6)])],
        ..sample()
    };
    let svg = year_lines_svg(&one).unwrap();
    assert_eq!(points(&svg, 0).len(), 2);
    assert_eq!(lines(&svg, 0), 1, "a lone point draws no line");

    let mut long = sample();
    long.categories = (2001..2041).map(|y| format!("{y}年度")).collect();
    long.series = vec![("全体".repeat(30), vec![Some(33.3); 40])];
    long.title = long.title.repeat(12);
    let svg = year_lines_svg(&long).unwrap();
    assert_svg_document(&svg);
    // Forty years: not every value is printed, the last one is.
    let printed = texts(&svg).iter().filter(|x| *x == "33.3%").count();
    assert!(printed > 1 && printed < 40, "{printed}");
}

#[test]
fn series_not_one_value_per_year_are_errors() {
    let mut c = sample();
    c.series[1].1.pop();
    let err = year_lines_svg(&c).unwrap_err().to_string();
    assert!(
        err.contains("\"管理職\" has 4 values for 5 categories"),
        "{err}"
    );
}
