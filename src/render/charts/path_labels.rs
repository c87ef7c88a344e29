//! Placement of the printed values on the indicator chart: above or below each point (on the
//! outer side of the line, past the end of its confidence interval whisker, never under the x
//! axis labels), shifted sideways off a steady slope, and the baseline and target values kept off
//! the actual values' labels.

use super::draw::to_px;
use super::font::text_width;
use super::path::PathPoint;
use super::path_intervals::Interval;

/// Font size of the printed values.
pub(super) const VALUE_PX: f64 = 12.0;

/// Offsets, in pixels from their point, of the value labels of one indicator chart.
pub(super) struct LabelPlacement<'a> {
    /// Actual points in year order.
    actual: &'a [&'a PathPoint],
    /// Per actual point: its confidence interval, if any.
    intervals: &'a [Option<Interval>],
    baseline: &'a PathPoint,
    target: &'a PathPoint,
    /// Per actual point: whether its label prefers to sit above it.
    above: Vec<bool>,
    /// The y range of the plot and its height in pixels.
    y_lo: f64,
    y_hi: f64,
    plot_h: f64,
}

impl<'a> LabelPlacement<'a> {
    /// Placement for `actual` (in year order) with their `intervals` (one per point, or none),
    /// `baseline` and `target` on a plot `plot_h` pixels high showing `y_lo..y_hi`.
    ///
    /// An actual value's label goes on the outer side of the line: above a peak, below a trough,
    /// below the start of a rising line, and so on. The point at the baseline year continues into
    /// the target path when it is the last one.
    pub(super) fn new(
        actual: &'a [&'a PathPoint],
        intervals: &'a [Option<Interval>],
        baseline: &'a PathPoint,
        target: &'a PathPoint,
        (y_lo, y_hi): (f64, f64),
        plot_h: f64,
    ) -> Self {
        let above = (0..actual.len())
            .map(|i: usize| {
                let p = actual[i];
                let prev = i.checked_sub(1).map(|k| actual[k].value);
                let next = actual.get(i + 1).map(|q| q.value).or_else(|| {
                    (p.fiscal_year == baseline.fiscal_year && target.fiscal_year > p.fiscal_year)
                        .then_some(target.value)
                });
                match (prev, next) {
                    (Some(a), Some(b)) => p.value >= (a + b) / 2.0,
                    (Some(n), None) | (None, Some(n)) => p.value >= n,
                    (None, None) => true,
                }
            })
            .collect();
        LabelPlacement {
            actual,
            intervals,
            baseline,
            target,
            above,
            y_lo,
            y_hi,
            plot_h,
        }
    }

    /// Distance in pixels of value `v` below the top of the plot.
    fn px_below_top(&self, v: f64) -> f64 {
        (self.y_hi - v) / (self.y_hi - self.y_lo) * self.plot_h
    }

    /// Vertical offset of a label: 14 px above or 16 px below its point. Above is always possible
    /// (the top margin has room); below only when the x axis labels are not in the way.
    fn offset(&self, v: f64, above: bool) -> i32 {
        if above || self.plot_h - self.px_below_top(v) < 26.0 {
            -14
        } else {
            16
        }
    }

    /// The values the `i`-th actual point and its whisker span.
    fn extent(&self, i: usize) -> (f64, f64) {
        let v = self.actual[i].value;
        match self.intervals.get(i).copied().flatten() {
            Some((lo, hi)) => (lo.min(v), hi.max(v)),
            None => (v, v),
        }
    }

    /// Whether the label of the `i`-th actual point is above it: where it prefers to be, unless
    /// below the lower end of its whisker the x axis labels are in the way.
    fn actual_above(&self, i: usize) -> bool {
        self.offset(self.extent(i).0, self.above[i]) < 0
    }

    /// Vertical offset of the label of the `i`-th actual point: 14 px above the upper end of its
    /// whisker (the point itself when it has none) or 16 px below the lower end.
    fn actual_dy(&self, i: usize) -> i32 {
        let v = self.px_below_top(self.actual[i].value);
        let (lo, hi) = self.extent(i);
        if self.actual_above(i) {
            -14 - to_px(v - self.px_below_top(hi))
        } else {
            16 + to_px(self.px_below_top(lo) - v)
        }
    }

    /// Offset (dx, dy) of the label `text` of the `i`-th actual point. On a steady slope the
    /// label also moves sideways, off the line: up-left or down-right of a rising point, up-right
    /// or down-left of a falling one.
    pub(super) fn actual(&self, i: usize, text: &str) -> (i32, i32) {
        let p = self.actual[i];
        let prev = i.checked_sub(1).map(|k| self.actual[k].value);
        let next = self.actual.get(i + 1).map(|q| q.value);
        let shift = to_px(text_width(text, VALUE_PX) / 2.0 + 2.0);
        let dy = self.actual_dy(i);
        let dx = match (prev, next) {
            (Some(a), Some(b)) if a < p.value && p.value < b => -shift,
            (Some(a), Some(b)) if a > p.value && p.value > b => shift,
            _ => 0,
        };
        let dx = if dy < 0 { dx } else { -dx };
        (dx, dy)
    }

    /// Whether the label of an actual value sitting within 20 px of `q` is above its point, if
    /// there is such a label.
    fn actual_label_near(&self, q: &PathPoint) -> Option<bool> {
        (0..self.actual.len())
            .find(|&i| {
                let p = self.actual[i];
                p.fiscal_year == q.fiscal_year
                    && (self.px_below_top(p.value) - self.px_below_top(q.value)).abs() < 20.0
            })
            .map(|i| self.actual_above(i))
    }

    /// Vertical offset of the label of `q` that prefers to sit above it when `preferred_above`;
    /// a label that would sit on an actual value's label goes to the other side.
    fn side_offset(&self, q: &PathPoint, preferred_above: bool) -> i32 {
        let above = match self.actual_label_near(q) {
            Some(actual_is_above) => !actual_is_above,
            None => preferred_above,
        };
        self.offset(q.value, above)
    }

    /// The dashed path arrives at the target from below when the target is higher.
    fn path_rises(&self) -> bool {
        self.target.value >= self.baseline.value
    }

    /// Vertical offset of the baseline's label: below a rising path, above a falling one.
    pub(super) fn baseline(&self) -> i32 {
        self.side_offset(self.baseline, !self.path_rises())
    }

    /// Vertical offset of the target's label: above a rising path, below a falling one.
    pub(super) fn target(&self) -> i32 {
        self.side_offset(self.target, self.path_rises())
    }
}
