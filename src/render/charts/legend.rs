//! Chart legends: an entry (symbol drawn by a closure, label, label colour), the row layout that
//! wraps entries from left to right, and the width and height that layout takes.

use anyhow::Result;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use super::colors::TEXT_COLOR;
use super::draw::{draw_text, Area};
use super::font::{text_style, text_width};

/// Font size of legend labels.
const PX: f64 = 13.0;
/// Height of one legend row.
const ROW_H: f64 = 22.0;
/// Space between two entries in a row.
const GAP: f64 = 22.0;
/// Space between an entry's symbol and its label.
const SYMBOL_GAP: f64 = 6.0;

/// Draws a legend symbol at (x, y_center).
pub(super) type DrawSymbol<'a> = Box<dyn Fn(&Area<'_>, f64, f64) -> Result<()> + 'a>;

/// A legend entry: the symbol is drawn by the closure at (x, y_center) within `symbol_w` pixels.
pub(super) struct LegendItem<'a> {
    pub(super) symbol_w: f64,
    pub(super) label: String,
    pub(super) label_color: RGBColor,
    pub(super) symbol: DrawSymbol<'a>,
}

impl<'a> LegendItem<'a> {
    /// An entry with its label in the text colour.
    pub(super) fn new(
        symbol_w: f64,
        label: impl Into<String>,
        symbol: impl Fn(&Area<'_>, f64, f64) -> Result<()> + 'a,
    ) -> Self {
        LegendItem {
            symbol_w,
            label: label.into(),
            label_color: TEXT_COLOR,
            symbol: Box::new(symbol),
        }
    }

    /// Width of the symbol and its label.
    fn width(&self) -> f64 {
        self.symbol_w + SYMBOL_GAP + text_width(&self.label, PX)
    }
}

/// Lays items out in rows from `left` to `right`, starting at `top`: the position (x, row
/// centre) of each item, and the y below the last row.
fn layout(items: &[LegendItem<'_>], left: f64, right: f64, top: f64) -> (Vec<(f64, f64)>, f64) {
    let mut positions = Vec::with_capacity(items.len());
    let mut x = left;
    let mut y = top + ROW_H / 2.0;
    for item in items {
        let w = item.width();
        if x > left && x + w > right {
            x = left;
            y += ROW_H;
        }
        positions.push((x, y));
        x += w + GAP;
    }
    (positions, y + ROW_H / 2.0)
}

/// Draws the legend items in rows from `left` to `right`, starting at `top`; returns the y below
/// the last row (`top` when there are no items).
pub(super) fn draw_legend(
    area: &Area<'_>,
    items: &[LegendItem<'_>],
    left: f64,
    right: f64,
    top: f64,
) -> Result<f64> {
    if items.is_empty() {
        return Ok(top);
    }
    let (positions, bottom) = layout(items, left, right, top);
    for (item, &(x, y)) in items.iter().zip(&positions) {
        (item.symbol)(area, x, y)?;
        let style = text_style(PX, &item.label_color, HPos::Left, VPos::Center);
        draw_text(
            area,
            &item.label,
            (x + item.symbol_w + SYMBOL_GAP, y),
            &style,
        )?;
    }
    Ok(bottom)
}

/// Height the legend will take between `left` and `right` (the rows of [`draw_legend`]).
pub(super) fn legend_height(items: &[LegendItem<'_>], left: f64, right: f64) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    layout(items, left, right, 0.0).1
}

/// Width of the legend laid out in a single row.
pub(super) fn legend_width(items: &[LegendItem<'_>]) -> f64 {
    items.iter().map(|i| i.width() + GAP).sum::<f64>() - GAP
}
