//! Value axes that start at 0 and end at a round value above the largest value drawn (at 100
//! when a percentage does not pass it), as the HR statistics charts use them: counts, hours,
//! days and shares, where the length of a bar or the height of a point is read from 0; or
//! that span a given range (the priority matrix's favourable shares, 30–90). The top and the
//! step of the labelled grid lines, and the drawing of the grid lines with their labels along
//! a vertical or a horizontal axis.

use anyhow::Result;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::Color;

use super::colors::{AXIS_COLOR, GRID_COLOR, SUBTLE_TEXT_COLOR};
use super::draw::{draw_hline, draw_text, draw_vline, Area, Backend, TICK_PX};
use super::font::{text_style, text_width};
use super::numbers::format_tick;

/// An axis is divided into at most this many grid steps below the largest value (one more
/// step above it).
const STEPS: f64 = 5.0;
/// Grid steps are one of these times a power of ten.
const NICE: [f64; 4] = [1.0, 2.0, 2.5, 5.0];
/// The largest value assumed when nothing is drawn (an axis of 0–5).
const EMPTY_MAX: f64 = 4.0;
/// Gap between an axis and its tick labels.
const LABEL_GAP: f64 = 6.0;

/// A value axis from `start` (0 unless made by [`ValueAxis::between`]) to `top`, with
/// labelled grid lines every `step`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ValueAxis {
    pub(super) start: f64,
    pub(super) top: f64,
    pub(super) step: f64,
}

impl ValueAxis {
    /// The axis for values up to `max` (`None`, or nothing above 0: an axis of 0–5): the step
    /// is the smallest of 1, 2, 2.5 and 5 times a power of ten that divides `max` into at most
    /// five steps (a whole number of at least 1 for `whole` values such as counts), and the top
    /// is the first multiple of the step above `max`, so that there is room above the largest
    /// value for its printed value. With `percent`, an axis of values not above 100 ends at 100
    /// at most.
    pub(super) fn above(max: Option<f64>, whole: bool, percent: bool) -> ValueAxis {
        let max = max
            .filter(|m| m.is_finite() && *m > 0.0)
            .unwrap_or(EMPTY_MAX);
        let raw = max / STEPS;
        let mut magnitude = 10f64.powf(raw.log10().floor());
        let step = loop {
            let fits = NICE
                .iter()
                .map(|n| n * magnitude)
                .find(|&s| s >= raw * (1.0 - 1e-9) && (!whole || (s >= 1.0 && s.fract() == 0.0)));
            if let Some(s) = fits {
                break s;
            }
            magnitude *= 10.0;
        };
        let mut top = ((max / step + 1e-9).floor() + 1.0) * step;
        if percent && max <= 100.0 {
            top = top.min(100.0);
        }
        ValueAxis {
            start: 0.0,
            top,
            step,
        }
    }

    /// The axis from `start` to `top` (above `start`, a whole number of steps apart).
    pub(super) fn between(start: f64, top: f64, step: f64) -> ValueAxis {
        ValueAxis { start, top, step }
    }

    /// The share of the axis at `v` (0 at the start, 1 at the top; values outside are kept at
    /// the ends).
    pub(super) fn fraction(&self, v: f64) -> f64 {
        (v.clamp(self.start, self.top) - self.start) / (self.top - self.start)
    }

    /// The values of the grid lines, the start and the top included.
    pub(super) fn ticks(&self) -> Vec<f64> {
        let n = ((self.top - self.start) / self.step).round() as u32;
        (0..=n)
            .map(|k| self.start + f64::from(k) * self.step)
            .collect()
    }

    /// Width of the widest tick label.
    pub(super) fn label_width(&self) -> f64 {
        self.ticks()
            .iter()
            .map(|&v| text_width(&format_tick(v), TICK_PX))
            .fold(0.0, f64::max)
            + LABEL_GAP
    }

    /// Draws a vertical axis: a grid line from `left` to `right` at each tick above the start, and each
    /// tick's label right-aligned left of `left` (`y_of` maps a value to y). The line at the start is
    /// left to the chart, to be drawn over its bars.
    pub(super) fn draw_vertical<DB: Backend>(
        &self,
        root: &Area<DB>,
        left: f64,
        right: f64,
        y_of: impl Fn(f64) -> f64,
    ) -> Result<()> {
        let style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Right, VPos::Center);
        for v in self.ticks() {
            let y = y_of(v);
            if v > self.start {
                draw_hline(root, left, right, y, GRID_COLOR.stroke_width(1))?;
            }
            draw_text(root, &format_tick(v), (left - LABEL_GAP, y), &style)?;
        }
        Ok(())
    }

    /// Draws a horizontal axis under a plot from `top` to `bottom`: a grid line at each tick
    /// above the start, the axis line along `bottom` with a tick mark under it at each tick, and each
    /// tick's label under its mark (`x_of` maps a value to x). The line at 0 is left to the
    /// chart, to be drawn over its bars.
    pub(super) fn draw_horizontal<DB: Backend>(
        &self,
        root: &Area<DB>,
        top: f64,
        bottom: f64,
        x_of: impl Fn(f64) -> f64,
    ) -> Result<()> {
        let style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Center, VPos::Top);
        for v in self.ticks() {
            let x = x_of(v);
            if v > self.start {
                draw_vline(root, x, top, bottom, GRID_COLOR.stroke_width(1))?;
            }
            draw_vline(root, x, bottom, bottom + 4.0, AXIS_COLOR.stroke_width(1))?;
            draw_text(root, &format_tick(v), (x, bottom + 7.0), &style)?;
        }
        let (x0, x1) = (x_of(self.start), x_of(self.top));
        draw_hline(
            root,
            x0.min(x1),
            x0.max(x1),
            bottom,
            AXIS_COLOR.stroke_width(1),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis(max: f64, whole: bool, percent: bool) -> (f64, f64) {
        let a = ValueAxis::above(Some(max), whole, percent);
        (a.top, a.step)
    }

    #[test]
    fn tops_are_round_values_above_the_largest_value() {
        // Worked out by hand: 1150 / 5 = 230 → step 250, first multiple above 1150 is 1250.
        assert_eq!(axis(1150.0, true, false), (1250.0, 250.0));
        // A value on a grid line gets one more step above it.
        assert_eq!(axis(1000.0, true, false), (1200.0, 200.0));
        assert_eq!(axis(38.5, false, true), (40.0, 10.0));
        assert_eq!(axis(12.3, false, false), (12.5, 2.5));
        assert_eq!(axis(0.3, false, true), (0.4, 0.1));
        // Counts are stepped by whole numbers: 7 / 5 = 1.4 → 2 (not 2.5), top 8.
        assert_eq!(axis(7.0, true, false), (8.0, 2.0));
        assert_eq!(axis(3.0, true, false), (4.0, 1.0));
        assert_eq!(axis(1.0, true, false), (2.0, 1.0));
        // Percentages up to 100 end at 100 at most; above 100 they are not cut.
        assert_eq!(axis(100.0, false, true), (100.0, 20.0));
        assert_eq!(axis(95.0, false, true), (100.0, 20.0));
        assert_eq!(axis(100.0, false, false), (120.0, 20.0));
        assert_eq!(axis(130.0, false, true), (150.0, 50.0));
        // Nothing to draw: 0–5.
        for max in [None, Some(0.0), Some(-3.0), Some(f64::NAN)] {
            let a = ValueAxis::above(max, true, false);
            assert_eq!((a.top, a.step), (5.0, 1.0), "{max:?}");
        }
    }

    // By hand: 30–90 in steps of 10 has 7 grid lines; 45 is a quarter of the way.
    #[test]
    fn an_axis_between_two_values_runs_from_its_start() {
        let a = ValueAxis::between(30.0, 90.0, 10.0);
        assert_eq!(a.ticks(), [30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0]);
        assert_eq!(a.fraction(45.0), 0.25);
        assert_eq!(a.fraction(10.0), 0.0);
    }

    #[test]
    fn ticks_run_from_zero_to_the_top() {
        let a = ValueAxis::above(Some(1150.0), true, false);
        assert_eq!(a.ticks(), [0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0]);
        assert_eq!(a.fraction(625.0), 0.5);
        assert_eq!(a.fraction(-1.0), 0.0);
        assert_eq!(a.fraction(2000.0), 1.0);
        let a = ValueAxis::above(Some(100.0), false, true);
        assert_eq!(a.ticks().last(), Some(&100.0));
    }
}
