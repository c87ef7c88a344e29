//! Tests of the indicator path chart: labels, direction, values, axes, the target's bound,
//! the 判定 and a level to hold.

use super::*;
use crate::render::charts::test_support::{assert_svg_document, hex, texts};

fn point(fy: i32, label: &str, value: f64) -> PathPoint {
    PathPoint {
        fiscal_year: fy,
        label: label.into(),
        value,
    }
}

fn sample_path() -> IndicatorPath {
    IndicatorPath {
        title: "KGI 仕事にやりがいを感じている職員の割合".into(),
        unit: "%".into(),
        lower_is_better: false,
        actual: vec![point(2022, "R4", 55.2), point(2023, "R5", 58.45)],
        intervals: vec![],
        baseline: point(2023, "R5", 58.45),
        target: point(2027, "R9", 70.0),
        decimals: None,
        target_bound: None,
        hold: false,
        status: None,
    }
}

#[test]
fn path_contains_labels_direction_and_values() {
    let svg = indicator_path_svg(&sample_path()).unwrap();
    assert_svg_document(&svg);
    assert!(svg.starts_with("<svg width=\"600\" height=\"340\""));
    let t = texts(&svg);
    assert!(t
        .iter()
        .any(|s| s == "KGI 仕事にやりがいを感じている職員の割合"));
    assert!(t.iter().any(|s| s == "目標への経路"));
    assert!(t.iter().any(|s| s == "↑ 高いほど望ましい"));
    assert!(!t.iter().any(|s| s.contains("低いほど望ましい")));
    // Values with unit, half-up; target marked.
    assert!(t.iter().any(|s| s == "55.2%"));
    assert!(t.iter().any(|s| s == "58.5%"), "{t:?}");
    assert!(t.iter().any(|s| s == "目標 70.0%"));
    // Every fiscal year from the first actual to the target is on the axis, in order.
    let years: Vec<&String> = t.iter().filter(|s| s.starts_with('R')).collect();
    assert_eq!(years, ["R4", "R5", "R6", "R7", "R8", "R9"]);
    // Dashed path: one polyline with a dash pattern (and the legend's sample), never a row
    // of short segments.
    let dashed: Vec<&str> = svg
        .lines()
        .filter(|l| l.starts_with("<polyline") && l.contains("stroke-dasharray=\"8 5\""))
        .collect();
    assert_eq!(dashed.len(), 2, "{dashed:?}");
    assert!(dashed.iter().all(|l| l.contains(&hex(&TARGET_COLOR))));
    assert!(!svg.contains("#D55E01"), "no stand-in colour is left");

    let mut lower = sample_path();
    lower.lower_is_better = true;
    let svg = indicator_path_svg(&lower).unwrap();
    assert!(texts(&svg).iter().any(|s| s == "↓ 低いほど望ましい"));
}

#[test]
fn path_whole_numbers_and_inferred_labels() {
    let chart = IndicatorPath {
        title: "KPI 職員一人当たりの月平均時間外勤務時間".into(),
        unit: "時間".into(),
        lower_is_better: true,
        actual: vec![point(2023, "令和5年度", 18.0)],
        intervals: vec![],
        baseline: point(2023, "令和5年度", 18.0),
        target: point(2026, "令和8年度", 12.0),
        decimals: None,
        target_bound: None,
        hold: false,
        status: None,
    };
    let t = texts(&indicator_path_svg(&chart).unwrap());
    assert!(t.iter().any(|s| s == "18時間"), "{t:?}");
    assert!(t.iter().any(|s| s == "目標 12時間"));
    for y in ["令和5年度", "令和6年度", "令和7年度", "令和8年度"] {
        assert!(t.iter().any(|s| s == y), "{y} missing: {t:?}");
    }
}

#[test]
fn path_y_range_includes_target_and_baseline() {
    // Baseline and target far outside the actual values must still be inside the plot:
    // their markers' pixel positions lie within the SVG.
    let chart = IndicatorPath {
        title: "範囲".into(),
        unit: "人".into(),
        lower_is_better: false,
        actual: vec![point(2020, "R2", 10.0), point(2021, "R3", 12.0)],
        intervals: vec![],
        baseline: point(2021, "R3", 12.0),
        target: point(2024, "R6", 300.0),
        decimals: None,
        target_bound: None,
        hold: false,
        status: None,
    };
    let svg = indicator_path_svg(&chart).unwrap();
    // Target-coloured polygons: the legend symbol first, then the marker.
    let polygons: Vec<&str> = svg
        .lines()
        .filter(|l| l.starts_with("<polygon") && l.contains(&hex(&TARGET_COLOR)))
        .collect();
    assert_eq!(polygons.len(), 2);
    let marker = polygons[1];
    let pts = marker.split("points=\"").nth(1).unwrap();
    for pair in pts.trim_end_matches("\"/>").split_whitespace() {
        let (x, y) = pair.split_once(',').unwrap();
        let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
        assert!(
            (0.0..=600.0).contains(&x) && (60.0..=340.0).contains(&y),
            "{pair}"
        );
    }
}

#[test]
fn path_edge_cases_do_not_fail() {
    let drawable = [
        // Single actual point, target equal to baseline.
        IndicatorPath {
            actual: vec![point(2023, "R5", 60.0)],
            baseline: point(2023, "R5", 60.0),
            target: point(2023, "R5", 60.0),
            ..sample_path()
        },
        // Same value, later target year.
        IndicatorPath {
            target: point(2026, "R8", 58.45),
            ..sample_path()
        },
        // All zero.
        IndicatorPath {
            actual: vec![],
            baseline: point(2022, "R4", 0.0),
            target: point(2022, "R4", 0.0),
            ..sample_path()
        },
        // Actual points before the baseline and after the target; many years.
        IndicatorPath {
            actual: (2000..2031)
                .map(|y| point(y, &format!("{y}年度"), 50.0 + f64::from(y % 7)))
                .collect(),
            baseline: point(2010, "2010年度", 53.0),
            target: point(2025, "2025年度", 80.0),
            ..sample_path()
        },
        // Over 100 % is not capped away.
        IndicatorPath {
            target: point(2027, "R9", 120.0),
            ..sample_path()
        },
    ];
    for chart in &drawable {
        assert_svg_document(&indicator_path_svg(chart).unwrap());
    }
    // Negative values and zero.
    let negative = IndicatorPath {
        unit: "点".into(),
        actual: vec![point(2021, "R3", -3.5), point(2022, "R4", 0.0)],
        baseline: point(2022, "R4", 0.0),
        target: point(2025, "R7", -10.0),
        ..sample_path()
    };
    let svg = indicator_path_svg(&negative).unwrap();
    assert_svg_document(&svg);
    assert!(texts(&svg).iter().any(|s| s == "-3.5点"));
    // Unsorted actual points draw the same chart as sorted ones.
    let mut unsorted = sample_path();
    unsorted.actual.reverse();
    assert_eq!(
        indicator_path_svg(&unsorted).unwrap(),
        indicator_path_svg(&sample_path()).unwrap()
    );
    // A mistyped year is an error, not a huge axis; a non-finite value is an error, not a
    // panic.
    for target in [point(20270, "R9", 70.0), point(2027, "R9", f64::NAN)] {
        let chart = IndicatorPath {
            target,
            ..sample_path()
        };
        assert!(indicator_path_svg(&chart).is_err());
    }
}

#[test]
fn path_rendering_is_deterministic() {
    assert_eq!(
        indicator_path_svg(&sample_path()).unwrap(),
        indicator_path_svg(&sample_path()).unwrap()
    );
}

#[test]
fn bound_status_and_a_level_to_hold() {
    // 8人以下 with its bound and 判定 in the caption.
    let chart = IndicatorPath {
        target_bound: Some("以下".into()),
        status: Some("遅れ".into()),
        ..sample_path()
    };
    let svg = indicator_path_svg(&chart).unwrap();
    let t = texts(&svg);
    assert!(
        t.iter()
            .any(|s| s.starts_with("目標 ") && s.ends_with("以下")),
        "{t:?}"
    );
    assert!(t.iter().any(|s| s.ends_with("判定: 遅れ")), "{t:?}");
    // A level to hold: the dashed path is flat (both ends at the target's height), where
    // the ordinary path starts at the baseline's height.
    let dash_heights = |svg: &str| -> std::collections::BTreeSet<String> {
        svg.lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(&hex(&TARGET_COLOR)))
            .flat_map(|l| {
                let points = l.split("points=\"").nth(1).unwrap();
                let points = &points[..points.find('"').unwrap()];
                points
                    .split_whitespace()
                    .map(|p| p.split(',').nth(1).unwrap().to_string())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let flat = indicator_path_svg(&IndicatorPath {
        hold: true,
        ..sample_path()
    })
    .unwrap();
    // One height for the legend's sample dash, one for the whole path at the target.
    assert_eq!(dash_heights(&flat).len(), 2, "a flat path at the target");
    let rising = indicator_path_svg(&sample_path()).unwrap();
    assert_eq!(dash_heights(&rising).len(), 3, "a path from the baseline");
}

#[test]
fn a_count_axis_starts_at_zero_and_a_share_axis_is_not_too_narrow() {
    // Applicants 376 → 405 → 390 against a level of 400 to hold.
    let applicants = IndicatorPath {
        title: "KPI 採用試験受験者数".into(),
        unit: "人".into(),
        actual: vec![
            point(2022, "R4", 376.0),
            point(2023, "R5", 405.0),
            point(2024, "R6", 390.0),
        ],
        baseline: point(2023, "R5", 405.0),
        target: point(2028, "R10", 400.0),
        hold: true,
        ..sample_path()
    };
    let svg = indicator_path_svg(&applicants).unwrap();
    let t = texts(&svg);
    assert!(
        t.iter().any(|s| s == "0"),
        "a 0 tick on the count axis: {t:?}"
    );
    // The actual points (filled circles of radius 4): the fall from 405 to 390 is a small
    // part of the plot's height, not most of it.
    let ys: Vec<f64> = svg
        .lines()
        .filter(|l| l.starts_with("<circle") && l.contains(" r=\"4\"") && l.contains("fill=\""))
        .filter(|l| l.contains(&hex(&ACTUAL_COLOR)))
        .map(|l| crate::render::charts::test_support::attr(l, "cy"))
        .collect();
    let n = ys.len();
    assert!(n >= 3, "{ys:?}");
    let (y405, y390) = (ys[n - 2], ys[n - 1]);
    assert!(y390 > y405, "390 is drawn lower than 405");
    assert!(
        y390 - y405 < 20.0,
        "a 15-person fall is not a crash: {ys:?}"
    );

    // A share moving two points is drawn on an axis at least 20 points wide: the y ticks
    // (whole numbers left of the plot) span 20 or more.
    let share = IndicatorPath {
        actual: vec![point(2022, "R4", 68.7), point(2023, "R5", 70.4)],
        baseline: point(2023, "R5", 70.4),
        target: point(2027, "R9", 71.0),
        ..sample_path()
    };
    let svg = indicator_path_svg(&share).unwrap();
    let ticks: Vec<f64> = texts(&svg)
        .iter()
        .filter_map(|s| s.parse::<f64>().ok())
        .collect();
    let span = ticks.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        - ticks.iter().copied().fold(f64::INFINITY, f64::min);
    assert!(span >= 15.0, "ticks {ticks:?}");
}
