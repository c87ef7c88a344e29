//! Vertical stacked columns ([`stacked_columns_svg`], [`stacked_columns_png`]): one column per
//! category (a fiscal year), stacked by group from the bottom, each segment's count printed
//! inside it where it fits and each column's total printed above it, on a value axis from 0 to
//! a round value above the tallest column. The report's 職員の状況 section draws staff per year
//! and young staff's resignations per year by appointing body with it. Its input is
//! [`StackedColumns`].

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars_labels::LABEL_PX;
use super::category_axis::CategoryAxis;
use super::colors::{series_color, text_on, AXIS_COLOR, TEXT_COLOR};
use super::draw::{draw_hline, draw_no_data, draw_text, to_px, Svg, Target, MARGIN};
use super::font::{ensure_fonts, text_style, text_width};
use super::header::Header;
use super::legend::LegendItem;
use super::raster::Png;
use super::value_axis::ValueAxis;
use crate::render::format::number;

/// Vertical stacked columns, one per category (fiscal year), stacked by group (bottom first),
/// each column's total printed above it. Used for staff numbers per year by appointing body
/// and young staff's resignations per year by appointing body.
#[derive(Debug, Clone, PartialEq)]
pub struct StackedColumns {
    pub title: String,
    /// Column labels, left to right, e.g. ["R1", "R2", …] or ["H25", …, "R4"].
    pub categories: Vec<String>,
    /// Stacked groups, bottom first, e.g. ["市長部局", "教育委員会", "消防本部", "病院局", "その他（少人数）"].
    pub series: Vec<String>,
    /// values[category][series]; None = no value (nothing drawn).
    pub values: Vec<Vec<Option<f64>>>,
    /// Printed above each column (None: nothing printed).
    pub totals: Vec<Option<f64>>,
    /// Caption of the value axis, e.g. "職員数（人）".
    pub value_axis_label: String,
}

/// Width of the chart, height of its plot.
const WIDTH: u32 = 1000;
const PLOT_H: f64 = 320.0;
/// Height of the row above the plot holding the value axis caption, and the room kept under
/// it for the total printed above a column that reaches the top of the axis.
const CAPTION_H: f64 = 24.0;
const TOTAL_ROOM: f64 = 16.0;
/// A column takes this share of its slot, at most `MAX_COLUMN_W` pixels.
const COLUMN_SHARE: f64 = 0.6;
const MAX_COLUMN_W: f64 = 72.0;
/// Font sizes of the segments' counts and of the totals.
const VALUE_PX: f64 = 11.0;
const TOTAL_PX: f64 = 12.0;
/// Space under the category labels.
const BOTTOM: f64 = 12.0;

/// Draws the stacked columns and returns the SVG document.
///
/// Layout: title; legend (the groups' colours, bottom group first; the colours are the series
/// palette in the order of `series`, so a group keeps its colour across charts that list the
/// groups in the same order); the value axis caption above the plot; the plot (320 px high)
/// with the value axis from 0 to a round value above the tallest column or total (see
/// `value_axis`), one column per category in equal slots, the segments stacked bottom first;
/// the category labels under the axis (shrunk or wrapped to their slot, see `category_axis`).
/// Counts are printed as whole numbers (half-up): each segment's inside it when it is tall and
/// wide enough, each column's total above it (when the columns are too narrow for every total,
/// those of every k-th column, counted from the last). The width is 1000 px.
///
/// A `None`, zero, negative or non-finite value draws no segment; a `None` or non-finite total
/// prints nothing. `totals` may be empty (no totals). Errors: `values` not one row per
/// category, a row not one value per series, or a non-empty `totals` not one per category. No
/// categories, no series and all-`None` values are drawn without error (a chart with nothing to
/// draw says "表示するデータがありません").
pub fn stacked_columns_svg(c: &StackedColumns) -> Result<String> {
    stacked_columns(c, Svg)
}

/// Draws the same chart as [`stacked_columns_svg`] as a PNG image (at twice the SVG's pixel
/// size) and returns its bytes; the same input gives the same bytes.
pub fn stacked_columns_png(c: &StackedColumns) -> Result<Vec<u8>> {
    stacked_columns(c, Png)
}

/// A value drawn as a segment: finite and above 0.
fn segment(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite() && *v > 0.0)
}

/// A total printed above its column.
fn total(c: &StackedColumns, i: usize) -> Option<f64> {
    c.totals.get(i).copied().flatten().filter(|t| t.is_finite())
}

/// Height of the stack of category `i`.
fn stack(c: &StackedColumns, i: usize) -> f64 {
    c.values[i].iter().filter_map(|&v| segment(v)).sum()
}

fn check(c: &StackedColumns) -> Result<()> {
    let n = c.categories.len();
    ensure!(
        c.values.len() == n,
        "stacked columns {:?}: {} rows of values for {n} categories",
        c.title,
        c.values.len()
    );
    for (category, row) in c.categories.iter().zip(&c.values) {
        ensure!(
            row.len() == c.series.len(),
            "stacked columns {:?}: category {category:?} has {} values for {} series",
            c.title,
            row.len(),
            c.series.len()
        );
    }
    ensure!(
        c.totals.is_empty() || c.totals.len() == n,
        "stacked columns {:?}: {} totals for {n} categories",
        c.title,
        c.totals.len()
    );
    Ok(())
}

/// Draws the chart on `target`.
fn stacked_columns<T: Target>(c: &StackedColumns, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    check(c)?;
    let n = c.categories.len();
    let width = f64::from(WIDTH);
    let legend: Vec<LegendItem> = c
        .series
        .iter()
        .enumerate()
        .map(|(j, name)| LegendItem::swatch(name.clone(), series_color(j)))
        .collect();
    let header = Header::new(&c.title, vec![legend], width);
    let header_h = header.height();

    let tallest = (0..n)
        .flat_map(|i| [Some(stack(c, i)), total(c, i)])
        .flatten()
        .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
    let axis = ValueAxis::above(tallest, true, false);
    let plot_top = header_h + CAPTION_H + TOTAL_ROOM;
    let plot_bottom = plot_top + PLOT_H;
    let plot_left = MARGIN + axis.label_width() + 4.0;
    let plot_right = width - MARGIN;
    let categories = CategoryAxis::new(&c.categories, plot_left, plot_right);
    let height = (plot_bottom + categories.height() + BOTTOM).ceil() as u32;
    let y_of = |v: f64| plot_bottom - axis.fraction(v) * PLOT_H;
    let column_w = (categories.slot() * COLUMN_SHARE).min(MAX_COLUMN_W);
    // Totals too wide for their slot are printed for every k-th column, counted from the last.
    let widest_total = (0..n)
        .filter_map(|i| total(c, i))
        .map(|t| text_width(&number(t, 0), TOTAL_PX))
        .fold(0.0, f64::max);
    let every = categories.every(widest_total);
    let nothing_drawn = (0..n).all(|i| stack(c, i) == 0.0 && total(c, i).is_none());

    target.render((WIDTH, height), |root| {
        header.draw(root)?;
        let caption = text_style(LABEL_PX, &TEXT_COLOR, HPos::Left, VPos::Center);
        let at = (MARGIN, header_h + CAPTION_H / 2.0);
        draw_text(root, &c.value_axis_label, at, &caption)?;
        axis.draw_vertical(root, plot_left, plot_right, y_of)?;

        let total_style = text_style(TOTAL_PX, &TEXT_COLOR, HPos::Center, VPos::Bottom);
        for (i, row) in c.values.iter().enumerate() {
            let x = categories.x_of(i);
            let (x0, x1) = (x - column_w / 2.0, x + column_w / 2.0);
            let mut base = 0.0;
            for (j, v) in row.iter().enumerate() {
                let Some(v) = segment(*v) else { continue };
                let color = series_color(j);
                let (y0, y1) = (y_of(base + v), y_of(base));
                root.draw(&Rectangle::new(
                    [(to_px(x0), to_px(y0)), (to_px(x1), to_px(y1))],
                    color.filled(),
                ))?;
                let text = number(v, 0);
                if y1 - y0 >= VALUE_PX + 3.0 && text_width(&text, VALUE_PX) <= column_w - 4.0 {
                    let style = text_style(VALUE_PX, &text_on(color), HPos::Center, VPos::Center);
                    draw_text(root, &text, (x, (y0 + y1) / 2.0), &style)?;
                }
                base += v;
            }
            let shown = CategoryAxis::shown(i, n, every);
            if let Some(t) = total(c, i).filter(|_| shown) {
                draw_text(root, &number(t, 0), (x, y_of(base) - 4.0), &total_style)?;
            }
        }
        if nothing_drawn {
            draw_no_data(
                root,
                ((plot_left + plot_right) / 2.0, plot_top + PLOT_H / 2.0),
            )?;
        }
        // The axis line at 0 over the columns' feet.
        draw_hline(
            root,
            plot_left,
            plot_right,
            plot_bottom,
            AXIS_COLOR.stroke_width(1),
        )?;
        categories.draw(root, plot_bottom)
    })
}

#[cfg(test)]
#[path = "columns_tests.rs"]
mod tests;
