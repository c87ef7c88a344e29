//! The age pyramid ([`age_pyramid_svg`], [`age_pyramid_png`]): one row per age band, youngest
//! at the bottom, the left side's counts (men) as bars running left from a central column that
//! holds the band labels and the right side's (women) running right from it, both on one scale
//! from 0, each count printed at the end of its bar. A hidden side of a band (confidentiality)
//! shows the "x 秘匿" marker of the bar chart next to the central column instead of a bar. Its
//! input is [`AgePyramid`].

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars_cells::SUPPRESSED_NOTE;
use super::bars_labels::LABEL_PX;
use super::colors::{series_color, AXIS_COLOR, TEXT_COLOR};
use super::draw::{
    draw_no_data, draw_suppressed, draw_text, draw_vline, to_px, Area, Backend, Svg, Target, MARGIN,
};
use super::font::{ensure_fonts, text_style, text_width};
use super::header::Header;
use super::legend::{draw_legend, legend_width, LegendItem};
use super::raster::Png;
use super::value_axis::ValueAxis;
use super::wrap::fit_labels;
use crate::render::format::number;

/// The age pyramid: one row per age band (youngest at the bottom), men to the left and
/// women to the right of a central axis, counts printed at the bar ends; a hidden band
/// (confidentiality) shows the suppression marker used by the bars chart ("x 秘匿"-style,
/// see bars_cells.rs) instead of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct AgePyramid {
    pub title: String,
    /// Band labels, youngest first, e.g. ["～24歳", "25～29歳", …, "60歳～"].
    pub bands: Vec<String>,
    /// Left side (men) per band; None = hidden.
    pub left: Vec<Option<f64>>,
    /// Right side (women) per band; None = hidden.
    pub right: Vec<Option<f64>>,
    /// Side captions, e.g. "男性" and "女性".
    pub left_label: String,
    pub right_label: String,
    /// Caption of the value axis, e.g. "人".
    pub value_axis_label: String,
}

/// Width of the chart; height of a band and of its bars.
const WIDTH: u32 = 1000;
const BAND_H: f64 = 30.0;
const BAR_H: f64 = 22.0;
/// Height of the row of side captions above the plot, and of the axis and its caption under it.
const SIDES_H: f64 = 28.0;
const FOOTER_H: f64 = 58.0;
/// Font size of the printed counts, and the space between a bar's end and its count.
const VALUE_PX: f64 = 11.0;
const VALUE_GAP: f64 = 4.0;
/// Band labels: font sizes, and the width of the central column that holds them.
const BAND_PX: f64 = 12.0;
const MIN_BAND_PX: f64 = 10.0;
const BAND_LINE_H: f64 = 13.0;
const MIN_GUTTER: f64 = 64.0;
const MAX_GUTTER: f64 = 160.0;
const GUTTER_PAD: f64 = 16.0;

/// Draws the age pyramid and returns the SVG document.
///
/// Layout: title; a legend line explaining "x 秘匿" when a side of a band is hidden; the side
/// captions with their colours (the first two series colours), centred over their halves; one
/// 30 px band per age band, the youngest at the bottom, its label (shrunk to 10 px or on two
/// lines to fit) in the central column; bars from the central column outwards, the left side's
/// to the left and the right side's to the right, on one value axis from 0 to a round value
/// above the largest count (ticks under both halves); each count printed at the outer end of
/// its bar as a whole number (half-up), a count of 0 next to the central column; the value
/// axis caption under the middle. The width is 1000 px.
///
/// `None` on a side draws the "x 秘匿" marker next to the central column instead of that side's
/// bar; a non-finite value draws nothing. Errors: `left` or `right` not one value per band. No
/// bands and all-hidden bands are drawn without error (no bands: "表示するデータがありません").
pub fn age_pyramid_svg(c: &AgePyramid) -> Result<String> {
    age_pyramid(c, Svg)
}

/// Draws the same chart as [`age_pyramid_svg`] as a PNG image (at twice the SVG's pixel size)
/// and returns its bytes; the same input gives the same bytes.
pub fn age_pyramid_png(c: &AgePyramid) -> Result<Vec<u8>> {
    age_pyramid(c, Png)
}

/// The two halves of the plot: the central column between `left_axis` and `right_axis`, the
/// bars' length scale, and the rows of the bands.
struct Halves {
    axis: ValueAxis,
    left_axis: f64,
    right_axis: f64,
    /// Length of a bar at the top of the value axis.
    half_w: f64,
    top: f64,
    bottom: f64,
}

impl Halves {
    /// x of a value on the left or the right side.
    fn x_of(&self, v: f64, left: bool) -> f64 {
        let len = self.axis.fraction(v) * self.half_w;
        if left {
            self.left_axis - len
        } else {
            self.right_axis + len
        }
    }

    /// The middle of band `i` (0 = the youngest, at the bottom).
    fn mid(&self, i: usize) -> f64 {
        self.bottom - (i as f64 + 0.5) * BAND_H
    }

    /// Draws one side of band `i`: its bar and count, or the marker of a hidden value.
    fn draw_side<DB: Backend>(
        &self,
        root: &Area<DB>,
        i: usize,
        value: Option<f64>,
        left: bool,
    ) -> Result<()> {
        let mid = self.mid(i);
        let (axis_x, h, dir) = if left {
            (self.left_axis, HPos::Right, -1.0)
        } else {
            (self.right_axis, HPos::Left, 1.0)
        };
        let Some(v) = value else {
            return draw_suppressed(root, (axis_x + dir * (VALUE_GAP + 2.0), mid), h);
        };
        if !v.is_finite() {
            return Ok(());
        }
        let end = self.x_of(v, left);
        if to_px(end) != to_px(axis_x) {
            let color = series_color(usize::from(!left));
            root.draw(&Rectangle::new(
                [
                    (to_px(end.min(axis_x)), to_px(mid - BAR_H / 2.0)),
                    (to_px(end.max(axis_x)), to_px(mid + BAR_H / 2.0)),
                ],
                color.filled(),
            ))?;
        }
        let style = text_style(VALUE_PX, &TEXT_COLOR, h, VPos::Center);
        draw_text(root, &number(v, 0), (end + dir * VALUE_GAP, mid), &style)
    }
}

/// Draws the chart on `target`.
fn age_pyramid<T: Target>(c: &AgePyramid, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    let n = c.bands.len();
    for (side, values) in [("left", &c.left), ("right", &c.right)] {
        ensure!(
            values.len() == n,
            "age pyramid {:?}: {} {side} values for {n} bands",
            c.title,
            values.len()
        );
    }
    let width = f64::from(WIDTH);
    let values = || c.left.iter().chain(&c.right).flatten().copied();
    let hidden = c.left.iter().chain(&c.right).any(Option::is_none);
    let notes = if hidden {
        vec![vec![LegendItem::note(SUPPRESSED_NOTE, TEXT_COLOR)]]
    } else {
        vec![]
    };
    let header = Header::new(&c.title, notes, width);
    let plot_top = header.height() + SIDES_H;
    let body_h = if n == 0 { 60.0 } else { n as f64 * BAND_H };
    let height = (plot_top + body_h + FOOTER_H).ceil() as u32;

    let gutter = c
        .bands
        .iter()
        .map(|b| text_width(b, BAND_PX) + GUTTER_PAD)
        .fold(MIN_GUTTER, f64::max)
        .min(MAX_GUTTER);
    let (band_px, band_lines) = fit_labels(&c.bands, BAND_PX, MIN_BAND_PX, gutter - 8.0, 2);
    let room = values()
        .filter(|v| v.is_finite())
        .map(|v| text_width(&number(v, 0), VALUE_PX))
        .fold(0.0, f64::max)
        + 2.0 * VALUE_GAP;
    let centre = width / 2.0;
    let max = values().filter(|v| v.is_finite()).reduce(f64::max);
    let halves = Halves {
        axis: ValueAxis::above(max, true, false),
        left_axis: centre - gutter / 2.0,
        right_axis: centre + gutter / 2.0,
        half_w: centre - gutter / 2.0 - MARGIN - room,
        top: plot_top,
        bottom: plot_top + body_h,
    };

    target.render((WIDTH, height), |root| {
        header.draw(root)?;
        // Side captions centred over their halves, with the colour of their bars.
        for (label, left) in [(&c.left_label, true), (&c.right_label, false)] {
            let item = [LegendItem::swatch(
                label.clone(),
                series_color(usize::from(!left)),
            )];
            let middle = (halves.x_of(0.0, left) + halves.x_of(halves.axis.top, left)) / 2.0;
            let x = middle - legend_width(&item) / 2.0;
            draw_legend(root, &item, x, width, plot_top - SIDES_H)?;
        }
        for left in [true, false] {
            let x_of = |v| halves.x_of(v, left);
            halves
                .axis
                .draw_horizontal(root, halves.top, halves.bottom, x_of)?;
        }
        if n == 0 {
            draw_no_data(root, (centre, halves.top + body_h / 2.0))?;
        }
        let style = text_style(band_px, &TEXT_COLOR, HPos::Center, VPos::Center);
        for (i, lines) in band_lines.iter().enumerate() {
            halves.draw_side(root, i, c.left[i], true)?;
            halves.draw_side(root, i, c.right[i], false)?;
            let first = halves.mid(i) - (lines.len() as f64 - 1.0) * BAND_LINE_H / 2.0;
            for (k, line) in lines.iter().enumerate() {
                draw_text(root, line, (centre, first + k as f64 * BAND_LINE_H), &style)?;
            }
        }
        // The two sides' 0 lines over the bars' inner ends (none across the no-data caption).
        for x in [halves.left_axis, halves.right_axis]
            .into_iter()
            .filter(|_| n > 0)
        {
            draw_vline(
                root,
                x,
                halves.top,
                halves.bottom,
                AXIS_COLOR.stroke_width(1),
            )?;
        }
        let caption = text_style(LABEL_PX, &TEXT_COLOR, HPos::Center, VPos::Top);
        let at = (centre, halves.bottom + 28.0);
        draw_text(root, &c.value_axis_label, at, &caption)
    })
}

#[cfg(test)]
#[path = "pyramid_tests.rs"]
mod tests;
