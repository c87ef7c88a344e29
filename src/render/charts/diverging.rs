//! Diverging stacked bars ([`diverging_svg`], [`diverging_png`]): the distribution of the answers
//! to each statement over its scale, one 100 % bar per statement split at 0, agreeing levels to
//! the right and the others to the left. Its input is [`Diverging`] with one [`DivergingRow`]
//! per statement.
//!
//! Colours run from strong blue (most agreeing) to strong orange (least agreeing); on a negative
//! statement (▼, e.g. 辞めたい) agreeing is bad, so the two sides swap colours there and blue
//! always stands for the desirable answers. A neutral middle (どちらともいえない) is grey and
//! centred on 0, half on each side, so that neither side's bar includes it.

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::NEGATIVE_NOTE;
use super::bars_cells::SUPPRESSED_NOTE;
use super::bars_labels::{LabelColumn, LABEL_PX};
use super::colors::{
    side_color, text_on, AXIS_COLOR, GRID_COLOR, NEGATIVE_BAND_COLOR, NEGATIVE_COLOR,
    NEUTRAL_COLOR, SEPARATOR_COLOR, SUBTLE_TEXT_COLOR, TEXT_COLOR,
};
use super::draw::{
    draw_hline, draw_no_data, draw_suppressed, draw_text, draw_title, draw_vline, title_height,
    to_px, Area, Backend, Svg, Target, MARGIN, TICK_PX,
};
use super::font::{ensure_fonts, text_style};
use super::legend::{draw_legend, legend_height, LegendItem};
use super::raster::Png;
use crate::render::format::number;

/// One statement of a [`Diverging`] chart.
#[derive(Debug, Clone, PartialEq)]
pub struct DivergingRow {
    /// The statement, e.g. "仕事にやりがいを感じている".
    pub label: String,
    /// A negative statement (e.g. "仕事を辞めたいと思うことがある"), where agreeing is bad: its
    /// label gets "▼" and is drawn in red, and its agreeing levels are drawn in the orange (bad)
    /// colours and the others in blue.
    pub negative_statement: bool,
    /// The share of each level (percent of those who answered, computed by the aggregate
    /// stage), or why there is no bar.
    pub shares: RowShares,
}

/// What one row of a [`Diverging`] chart draws.
#[derive(Debug, Clone, PartialEq)]
pub enum RowShares {
    /// Suppressed (too few respondents): the hidden mark is drawn instead of the bar.
    Suppressed,
    /// Nobody answered: no bar.
    NoAnswers,
    /// Percent per level, in the order of [`Diverging::levels`].
    Shares(Vec<f64>),
}

/// A diverging stacked bar chart: one row per statement, each a 100 % bar split at 0.
#[derive(Debug, Clone, PartialEq)]
pub struct Diverging {
    /// Chart title (wrapped to at most two lines).
    pub title: String,
    /// The scale's labels, most agreeing first, e.g. そう思う, ややそう思う, あまりそう思わない,
    /// そう思わない.
    pub levels: Vec<String>,
    /// How many of the first levels are agreeing (drawn right of 0).
    pub positive: usize,
    /// How many levels after the agreeing ones are neutral (drawn grey, centred on 0); the
    /// rest are disagreeing (drawn left of 0).
    pub neutral: usize,
    /// The statements, top to bottom.
    pub rows: Vec<DivergingRow>,
}

/// Width of the chart in pixels.
const WIDTH: u32 = 1000;
/// Height of a row's band and of its bar.
const BAND_H: f64 = 40.0;
const BAR_H: f64 = 22.0;
/// Font size of the percentages inside the segments and of the side totals.
const VALUE_PX: f64 = 11.0;
/// Segments of at least this share (percent) print their share.
const MIN_LABELLED_SHARE: f64 = 6.0;
/// Room at both ends of the axis for the side totals printed past the bars.
const TOTAL_ROOM: f64 = 40.0;
/// Captions under the two halves of the axis.
const LEFT_CAPTION: &str = "← 否定的回答（%）";
const RIGHT_CAPTION: &str = "肯定的回答（%） →";
/// Legend note before the swapped colours of negative statements.
const SWAPPED_NOTE: &str = "色を反転（青が望ましい側）:";

/// Draws the diverging stacked bar chart and returns the SVG document.
///
/// Layout: title; legend (the levels with their colours; when there are negative statements a
/// second row with the note "▼ 否定的な設問（高いほど望ましくない）" and the swapped colours; the
/// "x 秘匿" note when a row is suppressed); one 40 px band per row with its label on the left
/// (wrapped, "▼" and red for negative statements, on a tinted band) and its bar; the axis in
/// percent of the row's answers on both sides of 0, as far as the largest side total needs (a
/// multiple of 20, at most 100), captioned "← 否定的回答（%）" and "肯定的回答（%） →". The
/// agreeing levels are stacked right of 0 with the most agreeing outermost, the others left of 0
/// with the least agreeing outermost. Segments of at least 6 % print their share (whole percent,
/// half-up); each side's total is printed with one decimal past the end of the bar. The width is
/// 1000 px.
///
/// Errors: `positive` larger than the number of levels, or a row whose shares are not one per
/// level. No rows, suppressed rows and rows without answers are drawn without error.
pub fn diverging_svg(chart: &Diverging) -> Result<String> {
    diverging(chart, Svg)
}

/// Draws the same chart as [`diverging_svg`] as a PNG image (at twice the SVG's pixel size) and
/// returns its bytes; the same input gives the same bytes.
pub fn diverging_png(chart: &Diverging) -> Result<Vec<u8>> {
    diverging(chart, Png)
}

/// Colour of level `i` of `n` whose first `positive` levels agree, strongest at the ends of the
/// scale; with `swapped` (a negative statement) agreeing is orange and disagreeing blue.
/// Levels `positive..positive + neutral` are neutral (grey).
pub(super) fn level_color(
    i: usize,
    n: usize,
    (positive, neutral): (usize, usize),
    swapped: bool,
) -> RGBColor {
    if i >= positive && i < positive + neutral {
        return NEUTRAL_COLOR;
    }
    let agree = i < positive;
    let (rank, side) = if agree {
        (i, positive)
    } else {
        (n - 1 - i, n - positive - neutral)
    };
    let strength = if side <= 1 {
        1.0
    } else {
        1.0 - 0.8 * rank as f64 / (side - 1) as f64
    };
    side_color(agree != swapped, strength)
}

/// The shares (percent) of a row's levels, or `None` when it draws no bar (suppressed, or no
/// answers).
fn shares(row: &DivergingRow) -> Option<&[f64]> {
    match &row.shares {
        RowShares::Shares(s) => Some(s),
        _ => None,
    }
}

/// Shares from answer counts, for test and preview data (the report's rows take the
/// aggregate stage's shares).
#[cfg(test)]
pub(super) fn from_counts(counts: Option<Vec<u32>>) -> RowShares {
    let Some(counts) = counts else {
        return RowShares::Suppressed;
    };
    let total: u32 = counts.iter().sum();
    if total == 0 {
        return RowShares::NoAnswers;
    }
    RowShares::Shares(
        counts
            .iter()
            .map(|&c| f64::from(c) / f64::from(total) * 100.0)
            .collect(),
    )
}

/// The legend: the levels' colours, the swapped colours of negative statements, the "x 秘匿"
/// note, as separate rows.
fn legend(chart: &Diverging) -> Vec<Vec<LegendItem>> {
    let n = chart.levels.len();
    let swatches = |swapped: bool| {
        chart.levels.iter().enumerate().map(move |(i, level)| {
            let color = level_color(i, n, (chart.positive, chart.neutral), swapped);
            LegendItem::swatch(level.clone(), color)
        })
    };
    let mut rows = vec![swatches(false).collect::<Vec<_>>()];
    if chart.rows.iter().any(|r| r.negative_statement) {
        let mut items = vec![
            LegendItem::note(NEGATIVE_NOTE, NEGATIVE_COLOR),
            LegendItem::note(SWAPPED_NOTE, TEXT_COLOR),
        ];
        items.extend(swatches(true));
        rows.push(items);
    }
    if chart.rows.iter().any(|r| r.shares == RowShares::Suppressed) {
        rows.push(vec![LegendItem::note(SUPPRESSED_NOTE, TEXT_COLOR)]);
    }
    rows
}

/// The axis extent (percent on each side): the largest side total rounded up to 20, 20 to 100.
fn extent(chart: &Diverging) -> f64 {
    let largest = chart
        .rows
        .iter()
        .filter_map(shares)
        .flat_map(|s| {
            let p = chart.positive.min(s.len());
            let m = (chart.positive + chart.neutral).min(s.len());
            let half_neutral = s[p..m].iter().sum::<f64>() / 2.0;
            [
                s[..p].iter().sum::<f64>() + half_neutral,
                s[m..].iter().sum::<f64>() + half_neutral,
            ]
        })
        .fold(0.0, f64::max);
    ((largest - 1e-9) / 20.0).ceil().clamp(1.0, 5.0) * 20.0
}

/// Draws the chart on `target`.
fn diverging<T: Target>(chart: &Diverging, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    let n = chart.levels.len();
    ensure!(
        chart.positive + chart.neutral <= n,
        "diverging chart {:?}: {} positive and {} neutral levels of {n}",
        chart.title,
        chart.positive,
        chart.neutral
    );
    for row in &chart.rows {
        if let Some(shares) = shares(row) {
            ensure!(
                shares.len() == n,
                "diverging chart {:?}: row {:?} has {} shares for {n} levels",
                chart.title,
                row.label,
                shares.len()
            );
        }
    }

    let width = f64::from(WIDTH);
    let legend = legend(chart);
    let labels = LabelColumn::of(
        chart
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.negative_statement)),
        BAND_H,
    );
    let legend_h: f64 = legend
        .iter()
        .map(|items| legend_height(items, MARGIN, width - MARGIN))
        .sum();
    let header_h = 12.0 + title_height(&chart.title, width) + 6.0 + legend_h + 10.0;
    let rows = chart.rows.len();
    let body_h = if rows == 0 {
        60.0
    } else {
        rows as f64 * BAND_H
    };
    let height = (header_h + body_h + 58.0).ceil() as u32;

    let plot = Plot {
        top: header_h,
        bottom: header_h + body_h,
        left: MARGIN + labels.width + 10.0,
        right: width - MARGIN,
        extent: extent(chart),
    };

    target.render((WIDTH, height), |root| {
        let mut y = draw_title(root, &chart.title, width, 12.0)? + 6.0;
        for items in &legend {
            y = draw_legend(root, items, MARGIN, width - MARGIN, y)?;
        }
        for (i, row) in chart.rows.iter().enumerate() {
            let top = plot.top + i as f64 * BAND_H;
            if row.negative_statement {
                root.draw(&Rectangle::new(
                    [
                        (to_px(MARGIN), to_px(top)),
                        (to_px(plot.right), to_px(top + BAND_H)),
                    ],
                    NEGATIVE_BAND_COLOR.filled(),
                ))?;
            }
            if i > 0 {
                draw_hline(
                    root,
                    MARGIN,
                    plot.right,
                    top,
                    SEPARATOR_COLOR.stroke_width(1),
                )?;
            }
        }
        plot.draw_axis(root)?;
        if rows == 0 {
            draw_no_data(root, (plot.x_of(0.0), plot.top + body_h / 2.0))?;
        }
        for (i, row) in chart.rows.iter().enumerate() {
            let mid = plot.top + (i as f64 + 0.5) * BAND_H;
            plot.draw_row(root, chart, row, mid)?;
        }
        labels.draw(root, plot.left - 8.0, plot.top, BAND_H)?;
        // The 0 line on top of the bars.
        draw_vline(
            root,
            plot.x_of(0.0),
            plot.top,
            plot.bottom,
            AXIS_COLOR.stroke_width(1),
        )?;
        Ok(())
    })
}

/// The plot area and its percent axis (−extent … extent).
struct Plot {
    top: f64,
    bottom: f64,
    left: f64,
    right: f64,
    extent: f64,
}

impl Plot {
    /// x of `v` percent right (positive) or left (negative) of 0.
    fn x_of(&self, v: f64) -> f64 {
        let centre = (self.left + self.right) / 2.0;
        let half = (self.right - self.left) / 2.0 - TOTAL_ROOM;
        centre + v.clamp(-self.extent, self.extent) / self.extent * half
    }

    /// Grid lines, tick labels (percent on both sides) and the two captions.
    fn draw_axis<DB: Backend>(&self, root: &Area<DB>) -> Result<()> {
        let step = if self.extent > 40.0 { 20.0 } else { 10.0 };
        let ticks = (self.extent / step).round() as i32;
        let tick_style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Center, VPos::Top);
        for k in -ticks..=ticks {
            let v = f64::from(k) * step;
            let x = self.x_of(v);
            if k != 0 {
                draw_vline(root, x, self.top, self.bottom, GRID_COLOR.stroke_width(1))?;
            }
            draw_vline(
                root,
                x,
                self.bottom,
                self.bottom + 4.0,
                AXIS_COLOR.stroke_width(1),
            )?;
            draw_text(
                root,
                &number(v.abs(), 0),
                (x, self.bottom + 7.0),
                &tick_style,
            )?;
        }
        draw_hline(
            root,
            self.x_of(-self.extent),
            self.x_of(self.extent),
            self.bottom,
            AXIS_COLOR.stroke_width(1),
        )?;
        let caption = text_style(LABEL_PX, &TEXT_COLOR, HPos::Center, VPos::Top);
        let y = self.bottom + 28.0;
        let left = (self.x_of(-self.extent) + self.x_of(0.0)) / 2.0;
        let right = (self.x_of(0.0) + self.x_of(self.extent)) / 2.0;
        draw_text(root, LEFT_CAPTION, (left, y), &caption)?;
        draw_text(root, RIGHT_CAPTION, (right, y), &caption)
    }

    /// Draws one row centred on `mid`: its segments with their shares and the side totals, or
    /// "x 秘匿" for a suppressed row.
    fn draw_row<DB: Backend>(
        &self,
        root: &Area<DB>,
        chart: &Diverging,
        row: &DivergingRow,
        mid: f64,
    ) -> Result<()> {
        if row.shares == RowShares::Suppressed {
            return draw_suppressed(root, (self.x_of(0.0) + 6.0, mid), HPos::Left);
        }
        let Some(shares) = shares(row) else {
            return Ok(());
        };
        let n = shares.len();
        let p = chart.positive;
        let m = chart.positive + chart.neutral;
        let (y0, y1) = (mid - BAR_H / 2.0, mid + BAR_H / 2.0);
        let half_neutral: f64 = shares[p..m].iter().sum::<f64>() / 2.0;
        // The neutral levels centred on 0; agreeing levels from there to the right, weakest
        // first; the others to the left.
        let segments: [(f64, Vec<(usize, f64)>); 3] = [
            (-half_neutral, (p..m).map(|i| (i, 1.0)).collect()),
            (half_neutral, (0..p).rev().map(|i| (i, 1.0)).collect()),
            (-half_neutral, (m..n).map(|i| (i, -1.0)).collect()),
        ];
        for (start, side) in segments {
            let mut start = start;
            for (i, sign) in side {
                let end = start + sign * shares[i];
                let color = level_color(i, n, (p, chart.neutral), row.negative_statement);
                let (xa, xb) = (self.x_of(start), self.x_of(end));
                if to_px(xa) != to_px(xb) {
                    root.draw(&Rectangle::new(
                        [
                            (to_px(xa.min(xb)), to_px(y0)),
                            (to_px(xa.max(xb)), to_px(y1)),
                        ],
                        color.filled(),
                    ))?;
                }
                if shares[i] >= MIN_LABELLED_SHARE {
                    let style = text_style(VALUE_PX, &text_on(color), HPos::Center, VPos::Center);
                    draw_text(root, &number(shares[i], 0), ((xa + xb) / 2.0, mid), &style)?;
                }
                start = end;
            }
        }
        // Side totals past the ends of the bar (the neutral share is in neither).
        let agree: f64 = shares[..p].iter().sum();
        let disagree: f64 = shares[m..].iter().sum();
        let total_style = |h| text_style(VALUE_PX, &SUBTLE_TEXT_COLOR, h, VPos::Center);
        if p > 0 {
            let at = (self.x_of(agree + half_neutral) + 4.0, mid);
            draw_text(root, &number(agree, 1), at, &total_style(HPos::Left))?;
        }
        if m < n {
            let at = (self.x_of(-disagree - half_neutral) - 4.0, mid);
            draw_text(root, &number(disagree, 1), at, &total_style(HPos::Right))?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "diverging_tests.rs"]
mod tests;
