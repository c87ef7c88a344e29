//! Tests of the trend chart.

use super::*;
use crate::render::charts::test_support::{
    assert_svg_document, attr, hex, text_element, texts, whiskers,
};

fn series(name: &str, values: Vec<Option<f64>>, negative: bool) -> TrendSeries {
    TrendSeries {
        name: name.into(),
        values,
        intervals: vec![],
        negative_statement: negative,
        change: TrendChange::None,
    }
}

fn chart(series: Vec<TrendSeries>) -> Trend {
    Trend {
        title: "設問別 肯定的回答の割合の推移".into(),
        waves: vec!["R4".into(), "R5".into(), "R6".into()],
        series,
    }
}

/// Centres of the points (filled circles of radius 3 in the line colour), legend symbol first.
fn points(svg: &str) -> Vec<(f64, f64)> {
    svg.lines()
        .filter(|l| l.starts_with("<circle") && l.contains(" r=\"3\""))
        .map(|l| (attr(l, "cx"), attr(l, "cy")))
        .collect()
}

/// Polylines drawn in the line colour with width 2 (the lines; the legend's comes first).
fn lines(svg: &str) -> usize {
    let stroke = format!("stroke=\"{}\"", hex(&ACTUAL_COLOR));
    svg.lines()
        .filter(|l| l.starts_with("<polyline") && l.contains(&stroke))
        .filter(|l| l.contains("stroke-width=\"2\""))
        .count()
}

#[test]
fn names_waves_and_latest_values() {
    let c = chart(vec![
        series(
            "仕事にやりがいを感じている",
            vec![Some(55.2), Some(58.45), Some(61.0)],
            false,
        ),
        series(
            "仕事を辞めたいと思うことがある",
            vec![Some(30.0), Some(27.5), None],
            true,
        ),
    ]);
    let svg = trend_svg(&c).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    for s in [
        "設問別 肯定的回答の割合の推移",
        "仕事にやりがいを感じている",
        "▼仕事を辞めたいと思うことがある",
        "R4",
        "R6",
        "61.0",
        "27.5",
        NEGATIVE_NOTE,
        &axis_note(20.0),
    ] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    // Only the latest value of each series is printed.
    for s in ["55.2", "58.5", "30.0"] {
        assert!(!t.iter().any(|x| x == s), "{s} printed: {t:?}");
    }
    let name = text_element(&svg, "▼仕事を辞めたいと思うことがある").unwrap();
    assert!(name.contains(&hex(&NEGATIVE_COLOR)));
    // Three waves in each of the two panels.
    assert_eq!(t.iter().filter(|x| *x == "R5").count(), 2);
    assert_eq!(points(&svg).len(), 1 + 5);
    assert_eq!(trend_svg(&c).unwrap(), svg, "deterministic");
}

#[test]
fn points_follow_values_and_lines_break_at_gaps() {
    let c = chart(vec![series(
        "a",
        vec![Some(0.0), Some(50.0), Some(100.0)],
        false,
    )]);
    let svg = trend_svg(&c).unwrap();
    let p = points(&svg);
    assert_eq!(p.len(), 1 + 3);
    let (a, b, top) = (p[1], p[2], p[3]);
    assert!(a.0 < b.0 && b.0 < top.0);
    assert!(
        ((a.1 - b.1) - (b.1 - top.1)).abs() <= 1.0,
        "linear y: {p:?}"
    );
    assert!(
        ((a.1 - top.1) - PLOT_H).abs() <= 1.0,
        "0 to 100 spans the plot: {p:?}"
    );
    assert_eq!(lines(&svg), 1 + 1);

    let gap = chart(vec![series("a", vec![Some(40.0), None, Some(60.0)], false)]);
    let svg = trend_svg(&gap).unwrap();
    assert_eq!(lines(&svg), 1, "only the legend's line");
    assert_eq!(points(&svg).len(), 1 + 2);
    let nan = chart(vec![series(
        "a",
        vec![Some(40.0), Some(f64::NAN), Some(60.0)],
        false,
    )]);
    assert_eq!(trend_svg(&nan).unwrap(), svg, "NaN is a gap");
}

#[test]
fn whiskers_at_their_waves() {
    let mut s = series("a", vec![Some(50.0), Some(55.0), Some(60.0)], false);
    s.intervals = vec![Some((45.0, 55.0)), None, Some((f64::NAN, 1.0))];
    let svg = trend_svg(&chart(vec![s])).unwrap();
    let w = whiskers(&svg);
    assert_eq!(w.len(), 1 + 1, "legend and one whisker: {w:?}");
    assert!(texts(&svg).iter().any(|t| t == INTERVAL_NOTE));
    let p = points(&svg);
    assert_eq!(w[1][2].0, p[1].0, "at the first wave");
    // The latest value is printed right of the whisker caps.
    let label = text_element(&svg, "60.0").unwrap();
    assert!(attr(label, "x") > p[3].0 + CAP_PX / 2.0);
    let plain = trend_svg(&chart(vec![series("a", vec![Some(1.0); 3], false)])).unwrap();
    assert!(whiskers(&plain).is_empty());
}

#[test]
fn grid_of_four_columns() {
    let many: Vec<TrendSeries> = (0..9)
        .map(|i| series(&format!("設問{i}"), vec![Some(50.0); 3], false))
        .collect();
    let svg = trend_svg(&chart(many)).unwrap();
    let x_of = |name: &str| attr(text_element(&svg, name).unwrap(), "x");
    let y_of = |name: &str| attr(text_element(&svg, name).unwrap(), "y");
    assert_eq!(x_of("設問0"), x_of("設問4"));
    assert_eq!(x_of("設問4"), x_of("設問8"));
    assert!(x_of("設問0") < x_of("設問3"));
    assert_eq!(y_of("設問0"), y_of("設問3"));
    assert!(y_of("設問3") < y_of("設問4") && y_of("設問4") < y_of("設問8"));
}

#[test]
fn bad_shapes_are_errors_and_empty_inputs_draw() {
    let short = chart(vec![series("a", vec![Some(1.0)], false)]);
    let err = trend_svg(&short).unwrap_err().to_string();
    assert!(err.contains("1 values for 3 waves"), "{err}");
    let mut bad_intervals = chart(vec![series("a", vec![None; 3], false)]);
    bad_intervals.series[0].intervals = vec![None];
    assert!(trend_svg(&bad_intervals).is_err());

    let svg = trend_svg(&chart(vec![])).unwrap();
    assert_svg_document(&svg);
    assert!(texts(&svg)
        .iter()
        .any(|t| t == "表示するデータがありません"));
    let no_waves = Trend {
        title: String::new(),
        waves: vec![],
        series: vec![series("a", vec![], true)],
    };
    assert_svg_document(&trend_svg(&no_waves).unwrap());
    let all_missing = chart(vec![series("a", vec![None; 3], false)]);
    assert_svg_document(&trend_svg(&all_missing).unwrap());
}

#[test]
fn the_change_since_the_previous_wave_is_printed_as_given() {
    let mut up = series(
        "満足している",
        vec![Some(70.0), Some(72.0), Some(75.1)],
        false,
    );
    up.change = TrendChange::Points {
        since: "R5".into(),
        diff: 3.14,
        significant: true,
    };
    let mut flat = series(
        "愛着がある",
        vec![Some(80.0), Some(80.4), Some(80.2)],
        false,
    );
    flat.change = TrendChange::Points {
        since: "R5".into(),
        diff: -0.25,
        significant: false,
    };
    let mut hidden = series("成長", vec![None, None, None], false);
    hidden.change = TrendChange::Suppressed { since: "R5".into() };
    let svg = trend_svg(&chart(vec![up, flat, hidden])).unwrap();
    let t = texts(&svg);
    // The given change, half-up to one decimal and signed, with the significance mark; not a
    // difference of the drawn values (75.1 − 72.0 = 3.1).
    for s in [
        "前回（R5）から +3.1pt *",
        "前回（R5）から -0.3pt",
        "前回（R5）から x 秘匿",
    ] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    // The significant change is in the text colour, the other one subdued.
    let sig = text_element(&svg, "前回（R5）から +3.1pt *").unwrap();
    assert!(sig.contains(&hex(&TEXT_COLOR)));
    let plain = text_element(&svg, "前回（R5）から -0.3pt").unwrap();
    assert!(plain.contains(&hex(&SUBTLE_TEXT_COLOR)));
    // No change given: nothing printed.
    let none = trend_svg(&chart(vec![series("a", vec![Some(1.0); 3], false)])).unwrap();
    assert!(!texts(&none).iter().any(|x| x.starts_with("前回")));
}

#[test]
fn every_panel_spans_the_same_points_around_its_own_values() {
    // Two statements around 70 and 40, each moving 2–3 points.
    let c = chart(vec![
        series("a", vec![Some(68.0), Some(69.5), Some(71.0)], false),
        series("b", vec![Some(41.0), Some(39.0), Some(40.0)], false),
    ]);
    let svg = trend_svg(&c).unwrap();
    let p = points(&svg);
    // A 3-point rise is visible: more than a tenth of the plot (it was 3 % on 0–100).
    let rise = p[1].1 - p[3].1;
    assert!(rise > PLOT_H / 10.0, "rise {rise}: {p:?}");
    // Both panels are 20 points high: one point is the same height in each, so the 2-point
    // fall of b (41 → 39) is two thirds of a's 3-point rise.
    let fall = p[5].1 - p[4].1;
    assert!(((fall / rise) - 2.0 / 3.0).abs() < 0.05, "{fall} vs {rise}");
    // The ticks are labelled with round values inside each window, not 0 and 100.
    let t = texts(&svg);
    for tick in ["60", "65", "70", "75", "35", "40", "45"] {
        assert!(t.iter().any(|x| x == tick), "tick {tick} missing in {t:?}");
    }
    assert!(!t.iter().any(|x| x == "100"), "{t:?}");
    assert!(t.iter().any(|x| x == &axis_note(20.0)), "{t:?}");
}
