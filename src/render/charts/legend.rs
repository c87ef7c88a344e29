//! Chart legends: an entry (its [`Symbol`], label and label colour), the row layout that wraps
//! entries from left to right, and the width and height that layout takes.

use super::dashes::Dash;
use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::colors::TEXT_COLOR;
use super::draw::{
    diamond, draw_hline, draw_swatch, draw_text, draw_whisker, to_px, Area, Backend,
};
use super::font::{text_style, text_width};

/// Font size of legend labels.
const PX: f64 = 13.0;
/// Height of one legend row.
const ROW_H: f64 = 22.0;
/// Space between two entries in a row.
const GAP: f64 = 22.0;
/// Space between an entry's symbol and its label.
const SYMBOL_GAP: f64 = 6.0;
/// Size of a colour swatch ([`LegendItem::swatch`]).
const SWATCH_PX: f64 = 14.0;

/// The symbol of a legend entry, drawn at (x, y_center) of its entry; offsets and sizes are in
/// pixels from there. (Plain data rather than a closure, so that one legend can be drawn on any
/// backend.)
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Symbol {
    /// No symbol (a note).
    Blank,
    /// A filled square of `size` pixels starting at x.
    Swatch { color: RGBColor, size: f64 },
    /// A confidence interval whisker between two offsets, with end caps `cap` long.
    Whisker {
        from: (f64, f64),
        to: (f64, f64),
        cap: f64,
    },
    /// A horizontal line `len` pixels long, with a filled point of radius `point` in its middle
    /// when `point > 0`.
    Line {
        color: RGBColor,
        len: f64,
        width: u32,
        point: i32,
    },
    /// A dashed horizontal line `len` pixels long (see `dashes`).
    Dashed { dash: Dash, len: f64, width: u32 },
    /// A ring of `radius` (stroke `width`) centred `radius` pixels right of x.
    Ring {
        color: RGBColor,
        radius: i32,
        width: u32,
    },
    /// A filled diamond of half-diagonal `radius` centred `radius` pixels right of x.
    Diamond { color: RGBColor, radius: i32 },
}

impl Symbol {
    /// Draws the symbol with its left end at `x`, centred on `y`.
    fn draw<DB: Backend>(&self, a: &Area<DB>, x: f64, y: f64) -> Result<()> {
        match *self {
            Symbol::Blank => {}
            Symbol::Swatch { color, size } => draw_swatch(a, x, y, size, &color)?,
            Symbol::Whisker { from, to, cap } => {
                draw_whisker(a, (x + from.0, y + from.1), (x + to.0, y + to.1), cap)?
            }
            Symbol::Line {
                color,
                len,
                width,
                point,
            } => {
                draw_hline(a, x, x + len, y, color.stroke_width(width))?;
                if point > 0 {
                    a.draw(&Circle::new(
                        (to_px(x + len / 2.0), to_px(y)),
                        point,
                        color.filled(),
                    ))?;
                }
            }
            Symbol::Dashed { dash, len, width } => a.draw(&PathElement::new(
                vec![(to_px(x), to_px(y)), (to_px(x + len), to_px(y))],
                dash.stand_in.stroke_width(width),
            ))?,
            Symbol::Ring {
                color,
                radius,
                width,
            } => a.draw(&Circle::new(
                (to_px(x + f64::from(radius)), to_px(y)),
                radius,
                color.stroke_width(width),
            ))?,
            Symbol::Diamond { color, radius } => a.draw(&diamond(
                (to_px(x + f64::from(radius)), to_px(y)),
                radius,
                color,
            ))?,
        }
        Ok(())
    }
}

/// A legend entry: its symbol is drawn within `symbol_w` pixels left of its label.
pub(super) struct LegendItem {
    pub(super) symbol_w: f64,
    pub(super) label: String,
    pub(super) label_color: RGBColor,
    pub(super) symbol: Symbol,
}

impl LegendItem {
    /// An entry with its label in the text colour.
    pub(super) fn new(symbol_w: f64, label: impl Into<String>, symbol: Symbol) -> Self {
        LegendItem {
            symbol_w,
            label: label.into(),
            label_color: TEXT_COLOR,
            symbol,
        }
    }

    /// An entry with a square swatch of `color` (a series or a level).
    pub(super) fn swatch(label: impl Into<String>, color: RGBColor) -> Self {
        let symbol = Symbol::Swatch {
            color,
            size: SWATCH_PX,
        };
        LegendItem::new(SWATCH_PX, label, symbol)
    }

    /// An entry without a symbol (a note), with its label in `color`.
    pub(super) fn note(label: impl Into<String>, color: RGBColor) -> Self {
        LegendItem {
            label_color: color,
            ..LegendItem::new(0.0, label, Symbol::Blank)
        }
    }

    /// Width of the symbol and its label.
    fn width(&self) -> f64 {
        self.symbol_w + SYMBOL_GAP + text_width(&self.label, PX)
    }
}

/// Lays items out in rows from `left` to `right`, starting at `top`: the position (x, row
/// centre) of each item, and the y below the last row.
fn layout(items: &[LegendItem], left: f64, right: f64, top: f64) -> (Vec<(f64, f64)>, f64) {
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
pub(super) fn draw_legend<DB: Backend>(
    area: &Area<DB>,
    items: &[LegendItem],
    left: f64,
    right: f64,
    top: f64,
) -> Result<f64> {
    if items.is_empty() {
        return Ok(top);
    }
    let (positions, bottom) = layout(items, left, right, top);
    for (item, &(x, y)) in items.iter().zip(&positions) {
        item.symbol.draw(area, x, y)?;
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
pub(super) fn legend_height(items: &[LegendItem], left: f64, right: f64) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    layout(items, left, right, 0.0).1
}

/// Width of the legend laid out in a single row.
pub(super) fn legend_width(items: &[LegendItem]) -> f64 {
    items.iter().map(|i| i.width() + GAP).sum::<f64>() - GAP
}
