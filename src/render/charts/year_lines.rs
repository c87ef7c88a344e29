//! Lines over fiscal years ([`year_lines_svg`], [`year_lines_png`]), e.g. women's share of all
//! staff and of the managers: one line per series in the series palette, broken where a year
//! has no value, a point at every value with the value printed next to it (one decimal and the
//! unit), a legend naming the series, and a value axis from 0 to a round value above the
//! largest value (at most 100 for a percentage). Its input is [`YearLines`].

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars_labels::LABEL_PX;
use super::category_axis::CategoryAxis;
use super::colors::{mix, series_color, AXIS_COLOR, TEXT_COLOR};
use super::draw::{draw_broken_line, draw_hline, draw_no_data, draw_text, to_px, Svg, Target};
use super::draw::{Area, Backend, MARGIN};
use super::font::{ensure_fonts, text_style, text_width};
use super::header::Header;
use super::legend::{LegendItem, Symbol};
use super::numbers::{format_one_decimal, is_percent};
use super::raster::Png;
use super::value_axis::ValueAxis;

/// Lines over fiscal years (e.g. women's share overall and among managers), values printed
/// at each point with one decimal and the unit, a legend naming the series; the value axis
/// starts at 0 and ends at a round value above the largest value (100 at most for "%").
#[derive(Debug, Clone, PartialEq)]
pub struct YearLines {
    pub title: String,
    /// Year labels, left to right.
    pub categories: Vec<String>,
    /// (name, values per category; None = no point, the line is broken there).
    pub series: Vec<(String, Vec<Option<f64>>)>,
    /// e.g. "%".
    pub unit: String,
    /// Caption of the value axis, e.g. "女性の割合（%）".
    pub value_axis_label: String,
    /// Width in pixels: [`YEAR_LINES_WIDTH`] for a chart of its own, less beside others.
    pub width: u32,
}

/// Width of the chart, height of its plot.
pub const YEAR_LINES_WIDTH: u32 = 1000;
const PLOT_H: f64 = 300.0;
/// Height of the row above the plot holding the value axis caption, and the room kept under
/// it for the printed value of a point at the top of the axis.
const CAPTION_H: f64 = 24.0;
const LABEL_ROOM: f64 = 18.0;
/// Points and lines.
const POINT_R: i32 = 4;
const LINE_W: u32 = 2;
/// Printed values: font size, distance of their middle from their point, and the least
/// distance between the middles of two values of one year.
const VALUE_PX: f64 = 11.0;
const VALUE_OFFSET: f64 = 13.0;
const VALUE_LINE_H: f64 = 14.0;
/// How much of the text colour is mixed into a series colour for its printed values.
const VALUE_DARKEN: f64 = 0.3;
/// Space under the year labels.
const BOTTOM: f64 = 12.0;

/// Draws the year lines and returns the SVG document.
///
/// Layout: title; legend (each series' line and point in its palette colour, in the order
/// given); the value axis caption above the plot; the plot (300 px high) with the value axis
/// from 0 to a round value above the largest value (at most 100 for "%" or "％"; see
/// `value_axis`) and the years in equal slots along the bottom (labels shrunk or wrapped to
/// their slot, see `category_axis`); each series' line through its values, broken at a missing
/// value, and a point at each value; each value printed with one decimal (half-up) and the unit
/// ("38.5%") in a darker shade of its series colour, above the point of the highest value of
/// its year and below the others, pushed apart so that they do not overlap (when the years are
/// too close for every value, the values of every k-th year are printed, counted from the
/// last). The width is 1000 px.
///
/// `None` and non-finite values draw no point. Errors: a series whose values are not one per
/// category. No categories, no series and all-`None` values are drawn without error (a chart
/// with no value says "表示するデータがありません").
pub fn year_lines_svg(c: &YearLines) -> Result<String> {
    year_lines(c, Svg)
}

/// Draws the same chart as [`year_lines_svg`] as a PNG image (at twice the SVG's pixel size)
/// and returns its bytes; the same input gives the same bytes.
pub fn year_lines_png(c: &YearLines) -> Result<Vec<u8>> {
    year_lines(c, Png)
}

/// The printed value.
fn value_text(v: f64, unit: &str) -> String {
    format!("{}{unit}", format_one_decimal(v))
}

/// Finite values of a series.
fn finite(values: &[Option<f64>]) -> impl Iterator<Item = (usize, f64)> + '_ {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
}

/// The middles of the printed values of one year, given the y of each point (in series order):
/// above the highest point, below the others (above when below would pass `bottom` and above
/// is free, e.g. a value of 0), pushed down so that they are at least [`VALUE_LINE_H`] apart,
/// then those that would pass `bottom` pushed up from there (keeping them apart), moving no
/// value that need not move.
fn value_places(points: &[f64], bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| points[a].total_cmp(&points[b]).then(a.cmp(&b)));
    let mut places = vec![0.0; points.len()];
    let mut last: Option<f64> = None;
    for (k, &j) in order.iter().enumerate() {
        let (above, below) = (points[j] - VALUE_OFFSET, points[j] + VALUE_OFFSET);
        let free = last.map_or(f64::MIN, |l| l + VALUE_LINE_H);
        let wanted = if k == 0 || (below > bottom && above >= free) {
            above
        } else {
            below
        };
        let y = wanted.max(free);
        places[j] = y;
        last = Some(y);
    }
    let mut limit = bottom;
    for &j in order.iter().rev() {
        places[j] = places[j].min(limit);
        limit = places[j] - VALUE_LINE_H;
    }
    places
}

/// Draws the chart on `target`.
fn year_lines<T: Target>(c: &YearLines, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    let n = c.categories.len();
    for (name, values) in &c.series {
        ensure!(
            values.len() == n,
            "year lines {:?}: series {name:?} has {} values for {n} categories",
            c.title,
            values.len()
        );
    }
    let width = f64::from(c.width);
    let legend: Vec<LegendItem> = c
        .series
        .iter()
        .enumerate()
        .map(|(j, (name, _))| {
            let line = Symbol::Line {
                color: series_color(j),
                len: 26.0,
                width: LINE_W,
                point: POINT_R,
            };
            LegendItem::new(26.0, name.clone(), line)
        })
        .collect();
    let header = Header::new(&c.title, vec![legend], width);
    let header_h = header.height();

    let values = || c.series.iter().flat_map(|(_, v)| finite(v));
    let axis = ValueAxis::above(
        values().map(|(_, v)| v).reduce(f64::max),
        false,
        is_percent(&c.unit),
    );
    let plot_top = header_h + CAPTION_H + LABEL_ROOM;
    let plot_bottom = plot_top + PLOT_H;
    let plot_left = MARGIN + axis.label_width() + 4.0;
    let plot_right = width - MARGIN;
    let years = CategoryAxis::new(&c.categories, plot_left, plot_right);
    let height = (plot_bottom + years.height() + BOTTOM).ceil() as u32;
    let y_of = |v: f64| plot_bottom - axis.fraction(v) * PLOT_H;
    let widest = values()
        .map(|(_, v)| text_width(&value_text(v, &c.unit), VALUE_PX))
        .fold(0.0, f64::max);
    let every = years.every(widest);
    let plot = Plot {
        years: &years,
        y_of: &y_of,
        bottom: plot_bottom,
    };

    target.render((c.width, height), |root| {
        header.draw(root)?;
        let caption = text_style(LABEL_PX, &TEXT_COLOR, HPos::Left, VPos::Center);
        let at = (MARGIN, header_h + CAPTION_H / 2.0);
        draw_text(root, &c.value_axis_label, at, &caption)?;
        axis.draw_vertical(root, plot_left, plot_right, y_of)?;
        let axis_style = AXIS_COLOR.stroke_width(1);
        draw_hline(root, plot_left, plot_right, plot_bottom, axis_style)?;
        years.draw(root, plot_bottom)?;
        if values().next().is_none() {
            draw_no_data(
                root,
                ((plot_left + plot_right) / 2.0, plot_top + PLOT_H / 2.0),
            )?;
        }
        for (j, (_, values)) in c.series.iter().enumerate() {
            plot.draw_series(root, values, series_color(j))?;
        }
        for i in (0..n).filter(|&i| CategoryAxis::shown(i, n, every)) {
            plot.draw_values(root, c, i)?;
        }
        Ok(())
    })
}

/// Where the lines are drawn.
struct Plot<'a> {
    years: &'a CategoryAxis,
    y_of: &'a dyn Fn(f64) -> f64,
    bottom: f64,
}

impl Plot<'_> {
    /// Draws one series' line (broken at missing values) and points.
    fn draw_series<DB: Backend>(
        &self,
        root: &Area<DB>,
        values: &[Option<f64>],
        color: RGBColor,
    ) -> Result<()> {
        let line: Vec<Option<(f64, f64)>> = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.filter(|v| v.is_finite())
                    .map(|v| (self.years.x_of(i), (self.y_of)(v)))
            })
            .collect();
        draw_broken_line(root, &line, color.stroke_width(LINE_W))?;
        for (x, y) in line.into_iter().flatten() {
            root.draw(&Circle::new((to_px(x), to_px(y)), POINT_R, color.filled()))?;
        }
        Ok(())
    }

    /// Draws the printed values of year `i`.
    fn draw_values<DB: Backend>(&self, root: &Area<DB>, c: &YearLines, i: usize) -> Result<()> {
        let points: Vec<(usize, f64)> = c
            .series
            .iter()
            .enumerate()
            .filter_map(|(j, (_, values))| values[i].filter(|v| v.is_finite()).map(|v| (j, v)))
            .collect();
        let ys: Vec<f64> = points.iter().map(|&(_, v)| (self.y_of)(v)).collect();
        let limit = self.bottom - VALUE_LINE_H / 2.0;
        for (&(j, v), y) in points.iter().zip(value_places(&ys, limit)) {
            let color = mix(series_color(j), TEXT_COLOR, VALUE_DARKEN);
            let style = text_style(VALUE_PX, &color, HPos::Center, VPos::Center);
            draw_text(
                root,
                &value_text(v, &c.unit),
                (self.years.x_of(i), y),
                &style,
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "year_lines_tests.rs"]
mod tests;
