//! The value axis of the trend panels: one span shared by every panel, each panel's window of
//! that span placed around its own values, and the grid lines inside a window.
//!
//! A fixed 0–100 % axis makes every change of a few points look flat; an axis fitted to each
//! panel makes a one-point wobble look like a cliff and makes panels incomparable. The rule here
//! sits between the two: every panel shows the same number of points from bottom to top (the
//! widest panel's range of values and interval ends plus 10 %, rounded up to a multiple of 10,
//! at least [`MIN_SPAN`], and with room for one grid step more), so equal slopes mean equal
//! changes in every panel, and each panel's window starts at the grid line that centres its own
//! values best (kept within 0–100), so both ends of an axis are round, labelled values. The
//! chart's legend states the span.

/// The narrowest span (points) a panel shows.
pub(super) const MIN_SPAN: f64 = 20.0;

/// The span (points) shared by every panel: the widest range among `ranges` (each the lowest
/// and highest value drawn in one panel, percent) plus 10 %, rounded up to a multiple of 10, at
/// least [`MIN_SPAN`]; 10 more when that leaves less than a grid step of room (so that every
/// window can start at a grid line); at most 100.
pub(super) fn shared_span(ranges: impl Iterator<Item = (f64, f64)>) -> f64 {
    let widest = ranges
        .map(|(lo, hi)| hi.clamp(0.0, 100.0) - lo.clamp(0.0, 100.0))
        .fold(0.0, f64::max);
    let span = ((widest * 1.1 / 10.0).ceil() * 10.0).max(MIN_SPAN);
    let span = if span - widest < grid_step(span) {
        span + 10.0
    } else {
        span
    };
    span.min(100.0)
}

/// The window (lowest, highest value shown) of a panel whose values range over `range`, `span`
/// points high: starting at the grid line (a multiple of [`grid_step`]) that holds the range
/// and centres it best (the lower of two as good), kept within 0–100. No range (no values): the
/// top of the scale.
pub(super) fn window(range: Option<(f64, f64)>, span: f64) -> (f64, f64) {
    let (lo, hi) = range.unwrap_or((100.0, 100.0));
    let (lo, hi) = (lo.clamp(0.0, 100.0), hi.clamp(0.0, 100.0));
    let centred = (lo + hi) / 2.0 - span / 2.0;
    let step = grid_step(span);
    // Bottoms on a grid line that keep the range inside: from hi − span up to lo.
    let first = ((hi - span) / step - 1e-9).ceil() as i64;
    let last = (lo / step + 1e-9).floor() as i64;
    let bottom = (first..=last)
        .map(|k| k as f64 * step)
        .min_by(|a, b| (a - centred).abs().total_cmp(&(b - centred).abs()))
        .unwrap_or(centred)
        .clamp(0.0, 100.0 - span);
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
        // Panels moving 3 and 12 points: both shown 20 points high; 19 points → 30; 16 points
        // leave less than a grid step of 5 in 20, so → 30.
        let span = shared_span([(66.0, 69.0), (40.0, 52.0)].into_iter());
        assert_eq!(span, 20.0);
        assert_eq!(shared_span([(40.0, 59.0)].into_iter()), 30.0);
        assert_eq!(shared_span([(40.0, 56.0)].into_iter()), 30.0);
        assert_eq!(shared_span([(0.0, 100.0)].into_iter()), 100.0);
        assert_eq!(shared_span(std::iter::empty()), MIN_SPAN);
        // Starting at the grid line that centres each panel's values best: 66–69 centred
        // would be 57.5–77.5; 55 and 60 are as near, both hold 66–69, the lower wins.
        assert_eq!(window(Some((66.0, 69.0)), span), (55.0, 75.0));
        assert_eq!(window(Some((41.0, 52.0)), span), (35.0, 55.0));
        // Kept within 0–100.
        assert_eq!(window(Some((95.0, 99.0)), span), (80.0, 100.0));
        assert_eq!(window(Some((1.0, 3.0)), span), (0.0, 20.0));
        assert_eq!(window(None, span), (80.0, 100.0));
        // Whatever the values, the window holds them and starts on a grid line.
        for k in 0..200 {
            let lo = f64::from(k) * 0.45;
            for width in [0.0, 3.3, 11.0, 14.9] {
                let (hi, span) = ((lo + width).min(100.0), 20.0);
                let (b, t) = window(Some((lo, hi)), span);
                assert!(b <= lo && t >= hi, "{lo}–{hi}: {b}–{t}");
                assert_eq!(b % grid_step(span), 0.0, "{lo}–{hi}: {b}");
            }
        }
    }

    #[test]
    fn grid_lines_fall_on_round_values_inside_the_window() {
        assert_eq!(grid_lines((57.5, 77.5), 5.0), [60.0, 65.0, 70.0, 75.0]);
        assert_eq!(
            grid_lines((60.0, 80.0), 5.0),
            [60.0, 65.0, 70.0, 75.0, 80.0]
        );
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
