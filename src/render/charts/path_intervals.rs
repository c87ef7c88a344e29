//! 95 % confidence intervals on the indicator chart: checking them and putting them into the year
//! order of the actual points, the vertical whiskers drawn at those points, and their legend
//! entry. (The y range takes in the interval ends, see `path`; the printed values move past the
//! whisker ends, see `path_labels`.)

use anyhow::{ensure, Result};

use super::draw::{draw_whisker, Area, Backend};
use super::legend::{LegendItem, Symbol};
use super::path::{IndicatorPath, PathPoint};

/// Legend label of the whisker symbol.
pub(super) const INTERVAL_LABEL: &str = "95%信頼区間";
/// Length of a whisker's end caps.
const CAP_PX: f64 = 10.0;

/// An interval (low, high), low ≤ high.
pub(super) type Interval = (f64, f64);

/// The actual points in year order (a stable sort keeps the given order within a year), each
/// with its interval (`None` where there is none; ends put in order).
///
/// Errors: a non-empty `intervals` whose length differs from that of `actual`, or a non-finite
/// interval end.
pub(super) fn sorted_actual(
    chart: &IndicatorPath,
) -> Result<(Vec<&PathPoint>, Vec<Option<Interval>>)> {
    let n = chart.actual.len();
    ensure!(
        chart.intervals.is_empty() || chart.intervals.len() == n,
        "indicator chart {:?} has {} intervals for {n} actual points",
        chart.title,
        chart.intervals.len()
    );
    for (p, interval) in chart.actual.iter().zip(&chart.intervals) {
        if let Some((lo, hi)) = interval {
            ensure!(
                lo.is_finite() && hi.is_finite(),
                "interval for {} is not a number ({lo}, {hi})",
                p.label
            );
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| chart.actual[i].fiscal_year);
    let actual = order.iter().map(|&i| &chart.actual[i]).collect();
    let intervals = order
        .iter()
        .map(|&i| {
            chart
                .intervals
                .get(i)
                .copied()
                .flatten()
                .map(|(lo, hi)| (lo.min(hi), lo.max(hi)))
        })
        .collect();
    Ok((actual, intervals))
}

/// Draws a vertical whisker for each actual point with an interval; `at` maps (fiscal year,
/// value) to pixels.
pub(super) fn draw_whiskers<DB: Backend>(
    area: &Area<DB>,
    actual: &[&PathPoint],
    intervals: &[Option<Interval>],
    at: impl Fn(f64, f64) -> (i32, i32),
) -> Result<()> {
    for (p, interval) in actual.iter().zip(intervals) {
        if let Some((lo, hi)) = interval {
            let x = f64::from(p.fiscal_year);
            let px = |v: f64| {
                let (x, y) = at(x, v);
                (f64::from(x), f64::from(y))
            };
            draw_whisker(area, px(*lo), px(*hi), CAP_PX)?;
        }
    }
    Ok(())
}

/// The legend entry of the whiskers.
pub(super) fn interval_legend_item() -> LegendItem {
    let mid = CAP_PX / 2.0;
    let whisker = Symbol::Whisker {
        from: (mid, -7.0),
        to: (mid, 7.0),
        cap: CAP_PX,
    };
    LegendItem::new(CAP_PX, INTERVAL_LABEL, whisker)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::path::indicator_path_svg;
    use crate::render::charts::test_support::{
        assert_svg_document, attr, text_element, texts, whiskers,
    };

    fn point(fy: i32, label: &str, value: f64) -> PathPoint {
        PathPoint {
            fiscal_year: fy,
            label: label.into(),
            value,
        }
    }

    fn chart(intervals: Vec<Option<Interval>>) -> IndicatorPath {
        IndicatorPath {
            title: "KGI 仕事にやりがいを感じている職員の割合".into(),
            unit: "%".into(),
            lower_is_better: false,
            actual: vec![
                point(2021, "R3", 52.0),
                point(2022, "R4", 55.2),
                point(2023, "R5", 58.45),
            ],
            intervals,
            baseline: point(2023, "R5", 58.45),
            target: point(2027, "R9", 70.0),
            decimals: None,
            target_bound: None,
            hold: false,
            status: None,
        }
    }

    /// Centres of the actual points' markers (filled circles of radius 4), left to right.
    fn point_centres(svg: &str) -> Vec<(f64, f64)> {
        svg.lines()
            .filter(|l| {
                l.starts_with("<circle") && l.contains(" r=\"4\"") && !l.contains("#FFFFFF")
            })
            .map(|l| (attr(l, "cx"), attr(l, "cy")))
            .skip(1) // the legend symbol
            .collect()
    }

    /// Numeric y tick labels.
    fn ticks(svg: &str) -> Vec<f64> {
        texts(svg).iter().filter_map(|t| t.parse().ok()).collect()
    }

    #[test]
    fn one_vertical_whisker_per_interval_at_its_point() {
        let svg =
            indicator_path_svg(&chart(vec![Some((49.0, 55.0)), None, Some((61.0, 56.0))])).unwrap();
        assert_svg_document(&svg);
        let w = whiskers(&svg);
        assert_eq!(w.len(), 1 + 2, "legend symbol and two whiskers: {w:?}");
        let centres = point_centres(&svg);
        assert_eq!(centres.len(), 3);
        for (whisker, centre) in w[1..].iter().zip([centres[0], centres[2]]) {
            // cap, cap, line, cap, cap: a vertical line through the point.
            let (from, to) = (whisker[2], whisker[3]);
            assert_eq!(from.0, centre.0);
            assert_eq!(to.0, centre.0);
            assert!(from.1.min(to.1) < centre.1 && centre.1 < from.1.max(to.1));
            assert!(
                (whisker[0].0 - whisker[1].0).abs() >= 8.0,
                "caps across: {w:?}"
            );
        }
        assert!(texts(&svg).iter().any(|t| t == INTERVAL_LABEL));
    }

    #[test]
    fn printed_values_clear_their_whiskers() {
        // R4 is a peak (its value goes above it), R5 continues into the rising target path (its
        // value goes below it).
        let mut c = chart(vec![None, Some((55.0, 66.0)), Some((53.0, 63.8))]);
        c.actual[1].value = 60.0;
        let svg = indicator_path_svg(&c).unwrap();
        let w = whiskers(&svg);
        for (text, whisker, above) in [("60.0%", &w[1], true), ("58.5%", &w[2], false)] {
            let y = attr(text_element(&svg, text).expect(text), "y");
            let (top, bottom) = (
                whisker[2].1.min(whisker[3].1),
                whisker[2].1.max(whisker[3].1),
            );
            if above {
                assert!(y < top - 6.0, "{text} at {y}, whisker {top}..{bottom}");
            } else {
                assert!(y > bottom + 6.0, "{text} at {y}, whisker {top}..{bottom}");
            }
        }
    }

    #[test]
    fn whiskers_extend_the_y_range() {
        let plain = indicator_path_svg(&chart(vec![])).unwrap();
        assert!(
            ticks(&plain).iter().all(|t| (45.0..=75.0).contains(t)),
            "{:?}",
            ticks(&plain)
        );
        let wide = indicator_path_svg(&chart(vec![None, Some((20.0, 95.0)), None])).unwrap();
        let t = ticks(&wide);
        assert!(
            t.iter().any(|v| *v <= 20.0) && t.iter().any(|v| *v >= 95.0),
            "{t:?}"
        );
        // Both whisker ends lie inside the plot: between the highest and the lowest tick label,
        // extended by one tick spacing.
        let tick_y = |v: f64| attr(text_element(&wide, &format!("{v}")).unwrap(), "y");
        let (lo, hi) = (
            t.iter().copied().fold(f64::MAX, f64::min),
            t.iter().copied().fold(0.0, f64::max),
        );
        let w = &whiskers(&wide)[1];
        for (_, y) in [w[2], w[3]] {
            assert!(
                (tick_y(hi) - 1.0..=tick_y(lo) + 60.0).contains(&y),
                "whisker end at {y}"
            );
        }
    }

    #[test]
    fn no_interval_draws_nothing_and_legend_only_with_whiskers() {
        let plain = indicator_path_svg(&chart(vec![])).unwrap();
        assert!(whiskers(&plain).is_empty());
        assert!(!texts(&plain).iter().any(|t| t == INTERVAL_LABEL));
        assert_eq!(indicator_path_svg(&chart(vec![None; 3])).unwrap(), plain);
    }

    #[test]
    fn intervals_follow_their_points_and_bad_ones_are_errors() {
        let given = chart(vec![Some((50.0, 54.0)), None, Some((55.0, 62.0))]);
        let mut reversed = given.clone();
        reversed.actual.reverse();
        reversed.intervals.reverse();
        let svg = indicator_path_svg(&given).unwrap();
        assert_eq!(indicator_path_svg(&reversed).unwrap(), svg);
        assert_eq!(indicator_path_svg(&given).unwrap(), svg, "deterministic");

        let short = chart(vec![None, None]);
        let err = indicator_path_svg(&short).unwrap_err().to_string();
        assert!(err.contains("2 intervals for 3"), "{err}");
        for bad in [(f64::NAN, 1.0), (1.0, f64::INFINITY)] {
            assert!(indicator_path_svg(&chart(vec![None, Some(bad), None])).is_err());
        }
    }
}
