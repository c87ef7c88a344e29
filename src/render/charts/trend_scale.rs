//! The value axis of the trend panels: one span shared by every panel, each panel's window of
//! that span placed around its own values, and the grid lines inside a window.
//!
//! A fixed 0–100 % axis makes every change of a few points look flat; an axis fitted to each
//! panel makes a one-point wobble look like a cliff and makes panels incomparable. The rule here
//! sits between the two: every panel shows the same number of points from bottom to top (the
//! widest panel's range of values and interval ends plus 10 %, rounded up to a multiple of 10,
//! at least [`MIN_SPAN`]), so equal slopes mean equal changes in every panel, and each panel's
//! window is centred on its own values (moved to stay within 0–100). The chart's legend states
//! the span.

/// The narrowest span (points) a panel shows.
pub(super) const MIN_SPAN: f64 = 20.0;

/// The span (points) shared by every panel: the widest range among `ranges` (each the lowest
/// and highest value drawn in one panel, percent) plus 10 %, rounded up to a multiple of 10, at
/// least [`MIN_SPAN`], at most 100.
pub(super) fn shared_span(ranges: impl Iterator<Item = (f64, f64)>) -> f64 {
    let widest = ranges
        .map(|(lo, hi)| hi.clamp(0.0, 100.0) - lo.clamp(0.0, 100.0))
        .fold(0.0, f64::max);
    ((widest * 1.1 / 10.0).ceil() * 10.0).clamp(MIN_SPAN, 100.0)
}

/// The window (lowest, highest value shown) of a panel whose values range over `range`, `span`
/// points high: centred on the range, moved to stay within 0–100. No range (no values): the
/// top of the scale.
pub(super) fn window(range: Option<(f64, f64)>, span: f64) -> (f64, f64) {
    let (lo, hi) = range.unwrap_or((100.0, 100.0));
    let mid = (lo.clamp(0.0, 100.0) + hi.clamp(0.0, 100.0)) / 2.0;
    let bottom = (mid - span / 2.0).clamp(0.0, 100.0 - span);
    (bottom, bottom + span)
}

/// The distance (points) between grid lines for a span: 5 up to 20 points, 10 up to 50, else 25.
pub(super) fn grid_step(span: f64) -> f64 {
    if span <= 20.0 {
        5.0
    } else if span <= 50.0 {
        10.0
    } else {
        25.0
    }
}

/// The grid lines inside a window: every multiple of `step` from `lo` to `hi`.
pub(super) fn grid_lines((lo, hi): (f64, f64), step: f64) -> Vec<f64> {
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// The lowest and highest of `values` (finite ones only); `None` when there are none.
pub(super) fn range_of(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_span_for_all_panels_and_windows_around_each() {
        // Panels moving 3 and 12 points: both shown 20 points high; 19 points → 30.
        let span = shared_span([(66.0, 69.0), (40.0, 52.0)].into_iter());
        assert_eq!(span, 20.0);
        assert_eq!(shared_span([(40.0, 59.0)].into_iter()), 30.0);
        assert_eq!(shared_span([(0.0, 100.0)].into_iter()), 100.0);
        assert_eq!(shared_span(std::iter::empty()), MIN_SPAN);
        // Centred on each panel's values.
        let (lo, hi) = window(Some((66.0, 69.0)), span);
        assert_eq!((lo, hi), (57.5, 77.5));
        // Kept within 0–100.
        assert_eq!(window(Some((95.0, 99.0)), span), (80.0, 100.0));
        assert_eq!(window(Some((1.0, 3.0)), span), (0.0, 20.0));
        assert_eq!(window(None, span), (80.0, 100.0));
    }

    #[test]
    fn grid_lines_fall_on_round_values_inside_the_window() {
        assert_eq!(grid_lines((57.5, 77.5), 5.0), [60.0, 65.0, 70.0, 75.0]);
        assert_eq!(grid_lines((0.0, 20.0), 5.0), [0.0, 5.0, 10.0, 15.0, 20.0]);
        assert_eq!(grid_step(20.0), 5.0);
        assert_eq!(grid_step(30.0), 10.0);
        assert_eq!(grid_step(100.0), 25.0);
        assert_eq!(
            range_of([3.0, f64::NAN, -1.0].into_iter()),
            Some((-1.0, 3.0))
        );
        assert_eq!(range_of(std::iter::empty()), None);
    }
}
