//! Tests of the age pyramid.

use super::*;
use crate::render::charts::bars_cells::SUPPRESSED_MARK;
use crate::render::charts::draw::NO_DATA;
use crate::render::charts::test_support::{
    assert_svg_document, attr, rects_filled, text_element, texts,
};

fn sample() -> AgePyramid {
    AgePyramid {
        title: "職員の年齢構成（令和5年4月1日現在）".into(),
        bands: ["～24歳", "25～29歳", "30～34歳", "35～39歳"]
            .map(String::from)
            .to_vec(),
        left: vec![Some(52.0), Some(83.0), None, Some(0.0)],
        right: vec![Some(26.0), Some(40.6), Some(3.0), Some(61.5)],
        left_label: "男性".into(),
        right_label: "女性".into(),
        value_axis_label: "人".into(),
    }
}

/// The bars of the left and of the right side, in band order (youngest first).
fn bars(svg: &str) -> (Vec<&str>, Vec<&str>) {
    (
        rects_filled(svg, &series_color(0)),
        rects_filled(svg, &series_color(1)),
    )
}

fn right_end(rect: &str) -> f64 {
    attr(rect, "x") + attr(rect, "width")
}

fn mid_y(rect: &str) -> f64 {
    attr(rect, "y") + attr(rect, "height") / 2.0
}

#[test]
fn pyramid_prints_bands_counts_and_captions() {
    let c = sample();
    let svg = age_pyramid_svg(&c).unwrap();
    assert_svg_document(&svg);
    assert_eq!(svg, age_pyramid_svg(&c).unwrap(), "not deterministic");
    let t = texts(&svg);
    for s in [
        "職員の年齢構成（令和5年4月1日現在）",
        "～24歳",
        "25～29歳",
        "30～34歳",
        "35～39歳",
        "男性",
        "女性",
        "人",
        // Whole numbers, half-up: 40.6 → 41, 61.5 → 62 (the ticks are 0, 20, …, 100).
        "52",
        "83",
        "26",
        "41",
        "3",
        "62",
        SUPPRESSED_NOTE,
    ] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    assert!(!t.iter().any(|x| x == "61" || x == "40.6"));
    assert_eq!(t.iter().filter(|x| *x == SUPPRESSED_MARK).count(), 1);
    // Without a hidden value there is no marker and no note.
    let mut open = c.clone();
    open.left[2] = Some(7.0);
    let t = texts(&age_pyramid_svg(&open).unwrap());
    assert!(!t
        .iter()
        .any(|x| x == SUPPRESSED_MARK || x == SUPPRESSED_NOTE));
}

#[test]
fn left_bars_run_left_and_right_bars_right_youngest_at_the_bottom() {
    let svg = age_pyramid_svg(&sample()).unwrap();
    let (left, right) = bars(&svg);
    // No bar for the hidden value and for 0.
    assert_eq!((left.len(), right.len()), (2, 4));
    let centre = attr(svg.lines().next().unwrap(), "width") / 2.0;
    // The left bars end at one axis left of the centre, the right bars start at one right of it.
    for l in &left {
        assert_eq!(right_end(l), right_end(left[0]));
        assert!(right_end(l) < centre && attr(l, "x") < right_end(l), "{l}");
    }
    for r in &right {
        assert_eq!(attr(r, "x"), attr(right[0], "x"));
        assert!(attr(r, "x") > centre, "{r}");
    }
    // The axes lie as far from the centre on both sides.
    assert!(((centre - right_end(left[0])) - (attr(right[0], "x") - centre)).abs() <= 1.0);
    // One scale for both sides: 52 is twice 26 and 83/52 of 52.
    let w = |r: &str| attr(r, "width");
    assert!(
        (w(left[0]) - 2.0 * w(right[0])).abs() <= 1.5,
        "{left:?} {right:?}"
    );
    assert!((w(left[1]) - w(left[0]) * 83.0 / 52.0).abs() <= 1.5);
    // The youngest band at the bottom: bands go up.
    assert!(mid_y(left[0]) > mid_y(left[1]));
    assert!((mid_y(left[0]) - mid_y(right[0])).abs() <= 1.0);
    assert!((0..3).all(|i| mid_y(right[i]) > mid_y(right[i + 1])));
    // Counts at the outer ends of their bars.
    let count = text_element(&svg, "83").unwrap();
    assert!(
        (attr(count, "x") - (attr(left[1], "x") - 4.0)).abs() <= 1.0,
        "{count}"
    );
    let count = text_element(&svg, "26").unwrap();
    assert!(
        (attr(count, "x") - (right_end(right[0]) + 4.0)).abs() <= 1.0,
        "{count}"
    );
}

#[test]
fn a_hidden_band_shows_the_marker_instead_of_bars() {
    let mut c = sample();
    c.right[2] = None;
    let svg = age_pyramid_svg(&c).unwrap();
    let (left, right) = bars(&svg);
    assert_eq!((left.len(), right.len()), (2, 3));
    let markers: Vec<&str> = svg
        .lines()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0].starts_with("<text") && w[1] == SUPPRESSED_MARK)
        .map(|w| w[0])
        .collect();
    assert_eq!(markers.len(), 2, "{markers:?}");
    // Both markers in band 2 (between bands 1 and 3), one on each side of the centre, and no
    // bar in that band.
    let centre = attr(svg.lines().next().unwrap(), "width") / 2.0;
    let (band1, band3) = (mid_y(right[1]), mid_y(right[2]));
    for m in &markers {
        let y = attr(m, "y");
        assert!(y < band1 && y > band3, "{m}");
    }
    assert!(attr(markers[0], "x") < centre && attr(markers[1], "x") > centre);
    assert!(left.iter().chain(&right).all(|r| {
        let y = mid_y(r);
        y > band1 - 1.0 || y < band3 + 1.0
    }));
    // The numbers of the hidden band are not printed.
    assert!(!texts(&svg).iter().any(|x| x == "3"));
}

#[test]
fn empty_and_odd_inputs_do_not_fail() {
    let empty = AgePyramid {
        title: "年齢構成".into(),
        bands: vec![],
        left: vec![],
        right: vec![],
        left_label: "男性".into(),
        right_label: "女性".into(),
        value_axis_label: "人".into(),
    };
    let svg = age_pyramid_svg(&empty).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "年齢構成") && t.iter().any(|x| x == NO_DATA));

    let mut hidden = sample();
    hidden.left = vec![None; 4];
    hidden.right = vec![None; 4];
    let svg = age_pyramid_svg(&hidden).unwrap();
    assert_svg_document(&svg);
    let (left, right) = bars(&svg);
    assert!(left.is_empty() && right.is_empty());
    assert_eq!(
        texts(&svg).iter().filter(|x| *x == SUPPRESSED_MARK).count(),
        8
    );

    let mut zeros = sample();
    zeros.left = vec![Some(0.0); 4];
    zeros.right = vec![Some(0.0), Some(f64::NAN), Some(0.0), Some(0.0)];
    let svg = age_pyramid_svg(&zeros).unwrap();
    assert_svg_document(&svg);
    assert_eq!(bars(&svg), (vec![], vec![]));

    let mut one = sample();
    one.bands.truncate(1);
    one.left.truncate(1);
    one.right.truncate(1);
    assert_eq!(bars(&age_pyramid_svg(&one).unwrap()).0.len(), 1);

    let mut long = sample();
    long.bands[3] = "35歳以上39歳以下（再任用職員を含む）".into();
    long.title = "職員の年齢構成".repeat(20);
    assert_svg_document(&age_pyramid_svg(&long).unwrap());
}

#[test]
fn sides_not_one_per_band_are_errors() {
    let mut c = sample();
    c.left.pop();
    let err = age_pyramid_svg(&c).unwrap_err().to_string();
    assert!(err.contains("3 left values for 4 bands"), "{err}");
    let mut c = sample();
    c.right.push(None);
    assert!(age_pyramid_svg(&c).is_err());
}
