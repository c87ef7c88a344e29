//! The axes of the indicator chart: the fiscal years it spans with a label for each (labels of
//! years without a point inferred from their neighbours'), the year axis with thinned ticks, and
//! the value range (zero included for counts and amounts, a minimum span for percentages, so
//! that slopes are not exaggerated; see [`value_range`]).

use std::collections::BTreeMap;

use anyhow::{ensure, Result};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::draw::TICK_PX;
use super::font::text_width;
use super::numbers::is_percent;
use super::path::IndicatorPath;

/// x axis of the indicator chart: fiscal years as a continuous range (half a year of room at both
/// ends) with ticks only at the given years. (plotters' `WithKeyPoints` cannot be used with
/// `configure_mesh` because it has no default formatting.)
pub(super) struct YearAxis {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Ranged for YearAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        RangedCoordf64::from(self.lo..self.hi).map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.max_num_points() == 0 {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

/// Widest span of fiscal years an indicator chart accepts (a guard against a mistyped year).
const MAX_YEAR_SPAN: i64 = 100;

/// First fiscal year of the Reiwa era (令和元年度 = 2019).
const REIWA_OFFSET: i32 = 2018;

/// Label for a fiscal year that has no point of its own, derived from a given label: the Reiwa
/// year or the Western year in it is replaced ("R5" → "R7", "令和5年度" → "令和7年度",
/// "2023年度" → "2025年度"); otherwise "2025年度".
fn infer_year_label(year: i32, known: &BTreeMap<i32, String>) -> String {
    // Prefer the nearest known year as the template.
    let mut templates: Vec<(&i32, &String)> = known.iter().collect();
    templates.sort_by_key(|(y, _)| (**y - year).abs());
    for (&y0, l0) in templates {
        let western = y0.to_string();
        if l0.contains(&western) {
            return l0.replacen(&western, &year.to_string(), 1);
        }
        let reiwa = (y0 - REIWA_OFFSET).to_string();
        if y0 > REIWA_OFFSET && year > REIWA_OFFSET && l0.matches(&reiwa).count() == 1 {
            return l0.replacen(&reiwa, &(year - REIWA_OFFSET).to_string(), 1);
        }
    }
    format!("{year}年度")
}

/// The fiscal years an indicator chart spans, each with its axis label.
pub(super) struct Years {
    pub(super) first: i32,
    pub(super) last: i32,
    pub(super) labels: BTreeMap<i32, String>,
}

impl Years {
    /// Years from the earliest of the actual points and the baseline to the target year
    /// (extended to any actual point outside that span). Labels given with the actual points
    /// win, then the baseline's, then the target's; the other years get an inferred label.
    ///
    /// Errors: years spanning more than [`MAX_YEAR_SPAN`] fiscal years.
    pub(super) fn of(chart: &IndicatorPath) -> Result<Years> {
        let all_points = || chart.actual.iter().chain([&chart.baseline, &chart.target]);
        let mut labels: BTreeMap<i32, String> = BTreeMap::new();
        for p in all_points() {
            labels
                .entry(p.fiscal_year)
                .or_insert_with(|| p.label.clone());
        }
        let first_year = chart
            .actual
            .iter()
            .map(|p| p.fiscal_year)
            .chain([chart.baseline.fiscal_year])
            .min()
            .unwrap_or(chart.baseline.fiscal_year);
        let last_year = all_points()
            .map(|p| p.fiscal_year)
            .max()
            .unwrap_or(chart.target.fiscal_year)
            .max(first_year);
        let first_year = first_year.min(chart.target.fiscal_year);
        ensure!(
            i64::from(last_year) - i64::from(first_year) <= MAX_YEAR_SPAN,
            "indicator chart {:?} spans fiscal years {first_year} to {last_year}; at most {MAX_YEAR_SPAN} years can be drawn",
            chart.title
        );
        let known = labels.clone();
        for year in first_year..=last_year {
            labels
                .entry(year)
                .or_insert_with(|| infer_year_label(year, &known));
        }
        Ok(Years {
            first: first_year,
            last: last_year,
            labels,
        })
    }

    /// The x axis over these years for a plot about `plot_w` pixels wide: ticks at the target
    /// year and at every `step`-th year from the first, `step` chosen so that the labels do not
    /// overlap (no tick closer than `step` years before the target).
    pub(super) fn axis(&self, target_year: i32, plot_w: f64) -> YearAxis {
        let years: Vec<i32> = (self.first..=self.last).collect();
        let slot_w = plot_w / years.len() as f64;
        let widest_label = self
            .labels
            .values()
            .map(|l| text_width(l, TICK_PX))
            .fold(0.0, f64::max);
        let step = ((widest_label + 10.0) / slot_w).ceil().max(1.0) as i32;
        let ticks: Vec<f64> = years
            .iter()
            .copied()
            .filter(|y| {
                *y == target_year
                    || ((y - self.first) % step == 0
                        && (target_year - y >= step || *y > target_year))
            })
            .map(f64::from)
            .collect();
        YearAxis {
            lo: f64::from(self.first) - 0.5,
            hi: f64::from(self.last) + 0.5,
            ticks,
        }
    }

    /// Axis label of the year nearest to `x`.
    pub(super) fn label(&self, x: f64) -> String {
        self.labels
            .get(&(x.round() as i32))
            .cloned()
            .unwrap_or_default()
    }
}

/// The narrowest value axis of a percentage indicator, in points: a change of a few points is
/// drawn as a few points out of at least this many, never across the whole plot.
pub(super) const MIN_PERCENT_SPAN: f64 = 20.0;

/// The y range for `values` (not empty, all finite) in `unit`.
///
/// The rules, so that the slope of the line says how large a change is:
/// - **Counts and amounts** (every unit other than "%": 人, 件, 日, 時間, 点 …): the axis
///   always includes zero, and reaches 15 % of the span past the largest value (past the
///   smallest too when it is negative). 376 → 405 → 390 people is drawn as the small change it
///   is, not as a crash; a value of 0 is at the axis.
/// - **Percentages**: padded by 15 % of the values' span, kept at or above 0 when no value is
///   negative and capped at 100 when no value exceeds 100, and never narrower than
///   [`MIN_PERCENT_SPAN`] points (widened around the values' middle, shifted to stay within
///   0–100), so that a two-point change does not fill the plot. A share's axis need not start
///   at 0: the interesting range of a share is usually far from it, and the minimum span keeps
///   the picture honest.
///
/// All values equal: a span of 10 % of their magnitude (at least 1) around them.
pub(super) fn value_range(values: &[f64], unit: &str) -> (f64, f64) {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !is_percent(unit) {
        let (lo0, hi0) = (lo.min(0.0), hi.max(0.0));
        let span = hi0 - lo0;
        let pad = if span > 1e-9 { span * 0.15 } else { 1.0 };
        let y_lo = if lo < 0.0 { lo0 - pad } else { 0.0 };
        let y_hi = if hi > 0.0 || lo >= 0.0 {
            hi0 + pad
        } else {
            0.0
        };
        return (y_lo, y_hi);
    }
    let span = hi - lo;
    let pad = if span > 1e-9 * hi.abs().max(1.0) {
        span * 0.15
    } else {
        (hi.abs() * 0.1).max(1.0)
    };
    let (mut y_lo, mut y_hi) = (lo - pad, hi + pad);
    if y_hi - y_lo < MIN_PERCENT_SPAN {
        let mid = (lo + hi) / 2.0;
        y_lo = mid - MIN_PERCENT_SPAN / 2.0;
        y_hi = mid + MIN_PERCENT_SPAN / 2.0;
    }
    // Within 0–100 when the values are: shift the window rather than cut it.
    if lo >= 0.0 && y_lo < 0.0 {
        y_hi = (y_hi - y_lo).min(if hi <= 100.0 { 100.0 } else { f64::MAX });
        y_lo = 0.0;
    }
    if hi <= 100.0 && y_hi > 100.0 {
        y_lo = (y_lo - (y_hi - 100.0)).max(if lo >= 0.0 { 0.0 } else { f64::MIN });
        y_hi = 100.0;
    }
    (y_lo, y_hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_labels_are_inferred_from_a_neighbour() {
        let known: BTreeMap<i32, String> = [(2023, "2023年度".to_string())].into();
        assert_eq!(infer_year_label(2025, &known), "2025年度");
        let known: BTreeMap<i32, String> = [(2023, "R5".to_string())].into();
        assert_eq!(infer_year_label(2028, &known), "R10");
        let known: BTreeMap<i32, String> = [(2023, "基準年".to_string())].into();
        assert_eq!(infer_year_label(2024, &known), "2024年度");
    }

    #[test]
    fn count_axes_include_zero() {
        for unit in ["人", "件", "日", "時間", "点", ""] {
            let (lo, hi) = value_range(&[376.0, 405.0, 390.0, 400.0], unit);
            assert_eq!(lo, 0.0, "{unit}");
            assert!(hi > 405.0, "{unit}: {hi}");
            // The change from 405 to 390 takes a small part of the axis.
            assert!((405.0 - 390.0) / (hi - lo) < 0.05, "{unit}: {lo}..{hi}");
        }
        // Negative amounts: zero and the negative values are inside.
        let (lo, hi) = value_range(&[-3.5, 2.0], "点");
        assert!(lo < -3.5 && hi > 2.0);
        let (lo, hi) = value_range(&[-3.5, -1.0], "点");
        assert!(lo < -3.5 && hi >= 0.0);
        // All zero still has a range.
        let (lo, hi) = value_range(&[0.0, 0.0], "人");
        assert!(lo == 0.0 && hi > 0.0);
    }

    #[test]
    fn percent_axes_are_never_narrower_than_the_minimum_span() {
        let (lo, hi) = value_range(&[68.7, 70.4, 69.1], "%");
        assert!(hi - lo >= MIN_PERCENT_SPAN - 1e-9, "{lo}..{hi}");
        assert!(lo < 68.7 && hi > 70.4);
        // Kept within 0–100 by shifting, not by cutting the span.
        let (lo, hi) = value_range(&[97.0, 99.5], "%");
        assert_eq!(hi, 100.0);
        assert!(hi - lo >= MIN_PERCENT_SPAN - 1e-9, "{lo}..{hi}");
        let (lo, hi) = value_range(&[1.0, 2.0], "％");
        assert_eq!(lo, 0.0);
        assert!(hi - lo >= MIN_PERCENT_SPAN - 1e-9, "{lo}..{hi}");
        // A wide range is padded, not widened further, and stays within 0–100.
        let (lo, hi) = value_range(&[10.0, 90.0], "%");
        assert!(lo >= 0.0 && lo < 10.0 && hi <= 100.0 && hi > 90.0);
        // Over 100 is not capped away.
        let (_, hi) = value_range(&[58.0, 120.0], "%");
        assert!(hi > 120.0);
    }
}
