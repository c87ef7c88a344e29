//! Horizontal bars comparing organisations on one indicator ([`comparison_bars_svg`],
//! [`comparison_bars_png`]), e.g. overtime hours or paid leave days of the city and of other
//! cities: one bar per organisation on a value axis from 0, the city's own bar(s) in the accent
//! colour on a tinted band and the others muted, each value printed with its unit after its
//! bar, and the source as a caption under the chart. Its input is [`ComparisonBars`].

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars_labels::LabelColumn;
use super::caption::Caption;
use super::colors::{
    mix, ACCENT_BAND_COLOR, ACCENT_COLOR, AXIS_COLOR, BAD_LIGHT, BAD_STRONG, MUTED_COLOR,
    TEXT_COLOR,
};
use super::draw::{draw_no_data, draw_text, draw_vline, to_px, Svg, Target, MARGIN};
use super::font::{ensure_fonts, text_style, text_width};
use super::header::Header;
use super::numbers::is_percent;
use super::raster::Png;
use super::value_axis::ValueAxis;
use crate::render::format::number;

/// Horizontal bars comparing organisations on one indicator, the city's own bar(s) in the
/// accent colour and the others in a muted colour, each value printed with its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonBars {
    pub title: String,
    /// Organisation names, top to bottom, e.g. ["しおかぜ市", "道内主要都市平均", "みなと市", …].
    pub labels: Vec<String>,
    pub values: Vec<f64>,
    /// true for the city's own bar(s).
    pub highlight: Vec<bool>,
    /// The highlighted bars are a warning (the items to act on first), in the warning orange
    /// on a light orange band, rather than the city's accent blue.
    pub warning: bool,
    /// Printed after each value, e.g. "時間", "日", "%".
    pub unit: String,
    /// Decimals of the printed values.
    pub decimals: u8,
    /// Caption under the chart, e.g. the source "出典: 令和4年度勤務条件等調査"; may be empty.
    pub caption: String,
}

/// Width of the chart; height of an organisation's band (taller when a name needs two lines)
/// and of its bar.
const WIDTH: u32 = 1000;
const BAND_H: f64 = 32.0;
const TWO_LINE_BAND_H: f64 = 40.0;
const BAR_H: f64 = 20.0;
/// Font size of the printed values, and the space between a bar's end and its value.
const VALUE_PX: f64 = 12.0;
const VALUE_GAP: f64 = 5.0;
/// Height of the value axis' ticks and labels under the plot.
const AXIS_H: f64 = 28.0;
const BOTTOM: f64 = 10.0;

/// Draws the comparison bars and returns the SVG document.
///
/// Layout: title; one band per organisation, top to bottom in the order given, its name on the
/// left (wrapped like the bar chart's labels; the bands are 32 px high, 40 px when a name needs
/// two lines) and its bar on a value axis from 0 to a
/// round value above the largest value (at most 100 for "%" or "％"; see `value_axis`), with
/// labelled grid lines; the city's own bars (`highlight`) in the accent colour on a tinted
/// band with their values in the accent colour, the other bars in a muted grey; each value
/// printed after its bar with `decimals` decimals (half-up) and the unit ("12.3時間"); the
/// caption (at most two lines) under the axis. The width is 1000 px.
///
/// A negative value draws no bar (its value is printed at 0), a non-finite value neither bar
/// nor value. `highlight` may be empty (no bar highlighted). Errors: `values` not one per
/// label, or a non-empty `highlight` not one per label. No labels are drawn without error (the
/// chart says "表示するデータがありません").
pub fn comparison_bars_svg(c: &ComparisonBars) -> Result<String> {
    comparison_bars(c, Svg)
}

/// Draws the same chart as [`comparison_bars_svg`] as a PNG image (at twice the SVG's pixel
/// size) and returns its bytes; the same input gives the same bytes.
pub fn comparison_bars_png(c: &ComparisonBars) -> Result<Vec<u8>> {
    comparison_bars(c, Png)
}

/// The printed value of organisation `i`, with its unit; `None` for a non-finite value.
fn value_text(c: &ComparisonBars, i: usize) -> Option<String> {
    let v = c.values[i];
    v.is_finite()
        .then(|| format!("{}{}", number(v, c.decimals), c.unit))
}

/// Draws the chart on `target`.
fn comparison_bars<T: Target>(c: &ComparisonBars, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    let n = c.labels.len();
    ensure!(
        c.values.len() == n,
        "comparison bars {:?}: {} values for {n} labels",
        c.title,
        c.values.len()
    );
    ensure!(
        c.highlight.is_empty() || c.highlight.len() == n,
        "comparison bars {:?}: {} highlight flags for {n} labels",
        c.title,
        c.highlight.len()
    );
    let highlighted = |i: usize| c.highlight.get(i).copied().unwrap_or(false);
    let width = f64::from(WIDTH);
    let header = Header::new(&c.title, vec![], width);
    let label_column =
        |band_h| LabelColumn::of(c.labels.iter().map(|l| (l.as_str(), false)), band_h);
    let labels = label_column(TWO_LINE_BAND_H);
    let (labels, band_h) = if labels.max_lines() > 1 {
        (labels, TWO_LINE_BAND_H)
    } else {
        (label_column(BAND_H), BAND_H)
    };
    let plot_top = header.height();
    let body_h = if n == 0 { 60.0 } else { n as f64 * band_h };
    let plot_bottom = plot_top + body_h;
    let caption = Caption::new(&c.caption, width, 2);
    let height = (plot_bottom + AXIS_H + caption.height() + BOTTOM).ceil() as u32;

    let room = (0..n)
        .filter_map(|i| value_text(c, i))
        .map(|t| text_width(&t, VALUE_PX))
        .fold(0.0, f64::max)
        + 2.0 * VALUE_GAP;
    let plot_left = MARGIN + labels.width + 10.0;
    let plot_right = width - MARGIN - room;
    let max = c
        .values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .reduce(f64::max);
    let axis = ValueAxis::above(max, false, is_percent(&c.unit));
    let x_of = |v: f64| plot_left + axis.fraction(v) * (plot_right - plot_left);

    target.render((WIDTH, height), |root| {
        header.draw(root)?;
        let (accent, band) = if c.warning {
            (BAD_STRONG, mix(BAD_LIGHT, WHITE, 0.5))
        } else {
            (ACCENT_COLOR, ACCENT_BAND_COLOR)
        };
        for i in (0..n).filter(|&i| highlighted(i)) {
            let top = plot_top + i as f64 * band_h;
            root.draw(&Rectangle::new(
                [
                    (to_px(MARGIN), to_px(top)),
                    (to_px(width - MARGIN), to_px(top + band_h)),
                ],
                band.filled(),
            ))?;
        }
        axis.draw_horizontal(root, plot_top, plot_bottom, x_of)?;
        if n == 0 {
            draw_no_data(
                root,
                ((plot_left + plot_right) / 2.0, plot_top + body_h / 2.0),
            )?;
        }
        for i in 0..n {
            let Some(text) = value_text(c, i) else {
                continue;
            };
            let mid = plot_top + (i as f64 + 0.5) * band_h;
            let (bar, ink) = if highlighted(i) {
                (accent, accent)
            } else {
                (MUTED_COLOR, TEXT_COLOR)
            };
            let end = x_of(c.values[i]);
            if to_px(end) != to_px(plot_left) {
                root.draw(&Rectangle::new(
                    [
                        (to_px(plot_left), to_px(mid - BAR_H / 2.0)),
                        (to_px(end), to_px(mid + BAR_H / 2.0)),
                    ],
                    bar.filled(),
                ))?;
            }
            let style = text_style(VALUE_PX, &ink, HPos::Left, VPos::Center);
            draw_text(root, &text, (end + VALUE_GAP, mid), &style)?;
        }
        labels.draw(root, plot_left - 8.0, plot_top, band_h)?;
        draw_vline(
            root,
            plot_left,
            plot_top,
            plot_bottom,
            AXIS_COLOR.stroke_width(1),
        )?;
        caption.draw(root, plot_bottom + AXIS_H)?;
        Ok(())
    })
}

#[cfg(test)]
#[path = "comparison_tests.rs"]
mod tests;
