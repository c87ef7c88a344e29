//! The heatmap ([`heatmap_svg`], [`heatmap_png`]): statements down, groups across, each cell the
//! group's share coloured by its difference from the overall share, with the overall share itself
//! in an uncoloured column of its own ([`OverallColumn`]) left of the groups. Its input is
//! [`Heatmap`] with a [`HeatCell`] per statement and group.
//!
//! Column headers are never broken inside a word: they are set at one size from 12 px down to
//! 10 px at which each fits its column on one line (or breaks at a real boundary such as ・),
//! the columns being as wide as the widest header needs up to 110 px (see `wrap::fit_labels`).
//!
//! The colour scale diverges at 0: blue where the group is better than overall, orange where it
//! is worse, white at no difference, saturating at ±15 points. For a negative statement (▼) a
//! higher share is worse, so its colours are reversed and blue always means better.

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::NEGATIVE_NOTE;
use super::bars_cells::{SIGNIFICANT_NOTE, SUPPRESSED_MARK, SUPPRESSED_NOTE};
use super::bars_labels::LabelColumn;
use super::colors::{
    mix, text_on, AXIS_COLOR, BAD_STRONG, EMPTY_CELL_COLOR, GOOD_STRONG, GRID_COLOR,
    NEGATIVE_BAND_COLOR, NEGATIVE_COLOR, SUBTLE_TEXT_COLOR, SUPPRESSED_COLOR, TEXT_COLOR,
};
use super::draw::{
    draw_no_data, draw_text, draw_title, title_height, to_px, Area, Backend, Svg, Target, MARGIN,
};
use super::font::{ensure_fonts, text_style, text_width};
use super::legend::{draw_legend, legend_height, LegendItem};
use super::numbers::format_one_decimal;
use super::raster::Png;
use super::wrap::fit_labels;

/// One cell of a [`Heatmap`] (a statement in a group).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HeatCell {
    /// The group's share (percent) and its difference from the overall share (points); the cell
    /// is coloured by the difference and prints the share, followed by " *" when `significant`.
    /// A non-finite share prints "-"; a non-finite difference leaves the cell white.
    Value {
        share: f64,
        diff: f64,
        significant: bool,
    },
    /// Confidential (the group is too small): grey, "x 秘匿", no number.
    Suppressed,
    /// No data (nobody in the group answered): grey, "-".
    Empty,
}

/// The whole population's column of a [`Heatmap`]: drawn first, set apart from the groups by a
/// gap and a frame, and not coloured (it is what the colours compare with).
#[derive(Debug, Clone, PartialEq)]
pub struct OverallColumn {
    /// Its header, e.g. "全体".
    pub label: String,
    /// One cell per statement; a `Value` prints its share (its difference and mark are not
    /// used), `Suppressed` prints "x 秘匿", `Empty` prints "-".
    pub cells: Vec<HeatCell>,
}

/// A heatmap of shares: one row per statement, one column per group.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    /// Chart title (wrapped to at most two lines).
    pub title: String,
    /// Statements, top to bottom.
    pub rows: Vec<String>,
    /// Per row: `true` for a negative statement (higher is worse): "▼" and red label, colours
    /// reversed. May be empty (none); otherwise one entry per row.
    pub negative: Vec<bool>,
    /// Groups, left to right (e.g. departments, age bands).
    pub columns: Vec<String>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<HeatCell>>,
    /// The overall share per statement, drawn as an uncoloured column left of the groups;
    /// `None`: no such column.
    pub overall: Option<OverallColumn>,
}

impl Heatmap {
    fn is_negative(&self, row: usize) -> bool {
        self.negative.get(row).copied().unwrap_or(false)
    }
}

/// The difference (points) at which the colours are strongest.
pub(super) const SATURATION: f64 = 15.0;
/// Cell and column sizes.
const CELL_H: f64 = 30.0;
const MIN_CELL_W: f64 = 64.0;
const MAX_CELL_W: f64 = 110.0;
/// Font sizes of the cell values and of the column headers.
const VALUE_PX: f64 = 12.0;
const HEADER_PX: f64 = 12.0;
/// Smallest font size a column header shrinks to before it may be broken.
const MIN_HEADER_PX: f64 = 10.0;
const HEADER_LINE_H: f64 = 15.0;
/// Room around a header in its column.
const HEADER_PAD: f64 = 10.0;
/// Gap between the overall column and the groups' columns.
const OVERALL_GAP: f64 = 12.0;
/// Narrowest chart.
const MIN_WIDTH: f64 = 640.0;
/// The colour scale in the legend: steps, swatch size, and the captions at its ends.
const SCALE_STEPS: [f64; 7] = [-15.0, -10.0, -5.0, 0.0, 5.0, 10.0, 15.0];
const SCALE_SWATCH_W: f64 = 26.0;
const SCALE_SWATCH_H: f64 = 14.0;
const SCALE_LOW: &str = "全体より低い";
const SCALE_HIGH: &str = "全体より高い（ポイント差、±15以上は最も濃い色）";
/// Note on the reversed colours of negative statements.
const REVERSED_NOTE: &str = "は色を反転（青がいつも望ましい側）";

/// Colour of a cell `diff` points from overall; `negative` reverses the scale.
pub(super) fn heat_color(diff: f64, negative: bool) -> RGBColor {
    if !diff.is_finite() {
        return RGBColor(0xFF, 0xFF, 0xFF);
    }
    let t = (if negative { -diff } else { diff } / SATURATION).clamp(-1.0, 1.0);
    if t >= 0.0 {
        mix(RGBColor(0xFF, 0xFF, 0xFF), GOOD_STRONG, t)
    } else {
        mix(RGBColor(0xFF, 0xFF, 0xFF), BAD_STRONG, -t)
    }
}

/// Draws the heatmap and returns the SVG document.
///
/// Layout: title; the colour scale ("全体より低い", seven swatches from −15 to +15 points with
/// their values, "全体より高い（ポイント差…）"); the notes on ▼ (colours reversed), " *"
/// (significant) and "x 秘匿" when the chart shows them; the column headers (one size for all,
/// 10–12 px, never broken inside a word; at most three lines); one 40 px row per statement with
/// its label on the left ("▼" and red for negative statements), the overall column when there
/// is one (white, framed, 12 px apart) and the groups' cells. Cells are 64–110 px wide; the
/// chart is at least 640 px wide and grows with the columns.
///
/// Errors: a non-empty `negative` whose length differs from the rows', `cells` without one row
/// per statement, a row without one cell per column, or an overall column without one cell per
/// statement. Empty inputs draw without error.
pub fn heatmap_svg(chart: &Heatmap) -> Result<String> {
    heatmap(chart, Svg)
}

/// Draws the same chart as [`heatmap_svg`] as a PNG image (at twice the SVG's pixel size) and
/// returns its bytes; the same input gives the same bytes.
pub fn heatmap_png(chart: &Heatmap) -> Result<Vec<u8>> {
    heatmap(chart, Png)
}

/// Legend notes for what the chart shows: ▼, " *", "x 秘匿".
fn notes(chart: &Heatmap) -> Vec<LegendItem> {
    let overall = chart.overall.iter().flat_map(|o| o.cells.iter());
    let cells = || chart.cells.iter().flatten().chain(overall.clone());
    let mut items = Vec::new();
    if (0..chart.rows.len()).any(|i| chart.is_negative(i)) {
        items.push(LegendItem::note(
            format!("{NEGATIVE_NOTE}{REVERSED_NOTE}"),
            NEGATIVE_COLOR,
        ));
    }
    let significant = |c: &&HeatCell| {
        matches!(
            c,
            HeatCell::Value {
                significant: true,
                ..
            }
        )
    };
    if cells().any(|c| significant(&c)) {
        items.push(LegendItem::note(SIGNIFICANT_NOTE, TEXT_COLOR));
    }
    if cells().any(|c| *c == HeatCell::Suppressed) {
        items.push(LegendItem::note(SUPPRESSED_NOTE, TEXT_COLOR));
    }
    items
}

/// Draws the heatmap on `target`.
fn heatmap<T: Target>(chart: &Heatmap, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    let (n_rows, n_cols) = (chart.rows.len(), chart.columns.len());
    ensure!(
        chart.negative.is_empty() || chart.negative.len() == n_rows,
        "heatmap {:?}: negative has {} entries for {n_rows} rows",
        chart.title,
        chart.negative.len()
    );
    ensure!(
        chart.cells.len() == n_rows,
        "heatmap {:?}: {} rows of cells for {n_rows} rows",
        chart.title,
        chart.cells.len()
    );
    if let Some(o) = &chart.overall {
        ensure!(
            o.cells.len() == n_rows,
            "heatmap {:?}: overall column has {} cells for {n_rows} rows",
            chart.title,
            o.cells.len()
        );
    }
    for (label, cells) in chart.rows.iter().zip(&chart.cells) {
        ensure!(
            cells.len() == n_cols,
            "heatmap {:?}: row {label:?} has {} cells for {n_cols} columns",
            chart.title,
            cells.len()
        );
    }

    let labels = LabelColumn::of(
        (0..n_rows).map(|i| (chart.rows[i].as_str(), chart.is_negative(i))),
        CELL_H,
    );
    // Every header, the overall column's first: as wide a column as the widest needs on one
    // line (within the limits), then one font size at which none is broken inside a word.
    let header_texts: Vec<String> = chart
        .overall
        .iter()
        .map(|o| o.label.clone())
        .chain(chart.columns.iter().cloned())
        .collect();
    let cell_w = header_texts
        .iter()
        .map(|c| text_width(c, HEADER_PX) + HEADER_PAD)
        .fold(MIN_CELL_W, f64::max)
        .min(MAX_CELL_W)
        .ceil();
    let (header_px, headers) = fit_labels(
        &header_texts,
        HEADER_PX,
        MIN_HEADER_PX,
        cell_w - HEADER_PAD,
        3,
    );
    let header_lines = headers.iter().map(Vec::len).max().unwrap_or(0);
    let overall_w = if chart.overall.is_some() {
        cell_w + OVERALL_GAP
    } else {
        0.0
    };
    let overall_left = MARGIN + labels.width + 10.0;
    let grid_left = overall_left + overall_w;
    let width = (grid_left + n_cols as f64 * cell_w + MARGIN)
        .max(MIN_WIDTH)
        .ceil();
    let notes = notes(chart);

    let scale_h = SCALE_SWATCH_H + 18.0;
    let top = 12.0
        + title_height(&chart.title, width)
        + 6.0
        + scale_h
        + legend_height(&notes, MARGIN, width - MARGIN)
        + 10.0;
    let grid_top = top + header_lines as f64 * HEADER_LINE_H + 6.0;
    let body_h = if n_rows == 0 || n_cols == 0 {
        60.0
    } else {
        n_rows as f64 * CELL_H
    };
    let height = (grid_top + body_h + 16.0).ceil() as u32;
    let grid = Grid {
        left: grid_left,
        top: grid_top,
        cell_w,
    };

    target.render((width as u32, height), |root| {
        let y = draw_title(root, &chart.title, width, 12.0)? + 6.0;
        let y = draw_scale(root, MARGIN, y)?;
        draw_legend(root, &notes, MARGIN, width - MARGIN, y)?;

        // Column headers, bottom-aligned above their column (the overall column's first).
        let header_style = text_style(header_px, &TEXT_COLOR, HPos::Center, VPos::Center);
        let offset = usize::from(chart.overall.is_some());
        for (j, lines) in headers.iter().enumerate() {
            let column_left = if j < offset {
                overall_left
            } else {
                grid.left + (j - offset) as f64 * cell_w
            };
            let x = column_left + 0.5 * cell_w;
            let first = grid.top - 6.0 - (lines.len() as f64 - 0.5) * HEADER_LINE_H;
            for (k, line) in lines.iter().enumerate() {
                let at = (x, first + k as f64 * HEADER_LINE_H);
                draw_text(root, line, at, &header_style)?;
            }
        }

        if n_rows == 0 || n_cols == 0 {
            draw_no_data(root, (width / 2.0, grid.top + body_h / 2.0))?;
        }
        for (i, cells) in chart.cells.iter().enumerate() {
            let negative = chart.is_negative(i);
            if negative {
                let y0 = grid.top + i as f64 * CELL_H;
                root.draw(&Rectangle::new(
                    [
                        (to_px(MARGIN), to_px(y0)),
                        (to_px(overall_left), to_px(y0 + CELL_H)),
                    ],
                    NEGATIVE_BAND_COLOR.filled(),
                ))?;
            }
            for (j, cell) in cells.iter().enumerate() {
                grid.draw_cell(root, i, j, cell, negative)?;
            }
        }
        if let Some(overall) = &chart.overall {
            draw_overall(root, overall, overall_left, &grid)?;
        }
        labels.draw(root, overall_left - 8.0, grid.top, CELL_H)?;
        Ok(())
    })
}

/// The cells' positions.
struct Grid {
    left: f64,
    top: f64,
    cell_w: f64,
}

impl Grid {
    /// Draws the cell of row `i`, column `j`: its colour, a light border, and its text.
    fn draw_cell<DB: Backend>(
        &self,
        root: &Area<DB>,
        i: usize,
        j: usize,
        cell: &HeatCell,
        negative: bool,
    ) -> Result<()> {
        let x0 = self.left + j as f64 * self.cell_w;
        self.draw_cell_at(root, x0, i, cell, Some(negative))
    }

    /// Draws a cell with its left edge at `x0` in row `i`: coloured by its difference on a
    /// statement that is negative or not, or, with `colored` `None`, white (the overall column).
    fn draw_cell_at<DB: Backend>(
        &self,
        root: &Area<DB>,
        x0: f64,
        i: usize,
        cell: &HeatCell,
        colored: Option<bool>,
    ) -> Result<()> {
        let y0 = self.top + i as f64 * CELL_H;
        let (x1, y1) = (x0 + self.cell_w, y0 + CELL_H);
        let (fill, text, text_color) = match *cell {
            HeatCell::Value {
                share,
                diff,
                significant,
            } => {
                let fill = match colored {
                    Some(negative) => heat_color(diff, negative),
                    None => RGBColor(0xFF, 0xFF, 0xFF),
                };
                let text = if share.is_finite() {
                    let significant = significant && colored.is_some();
                    let mark = crate::render::marks::chart_suffix(significant, false);
                    format!("{}{mark}", format_one_decimal(share))
                } else {
                    "-".to_string()
                };
                (fill, text, text_on(fill))
            }
            HeatCell::Suppressed => (
                EMPTY_CELL_COLOR,
                SUPPRESSED_MARK.to_string(),
                SUPPRESSED_COLOR,
            ),
            HeatCell::Empty => (EMPTY_CELL_COLOR, "-".to_string(), SUBTLE_TEXT_COLOR),
        };
        let corners = [(to_px(x0), to_px(y0)), (to_px(x1), to_px(y1))];
        root.draw(&Rectangle::new(corners, fill.filled()))?;
        root.draw(&Rectangle::new(corners, GRID_COLOR.stroke_width(1)))?;
        let style = text_style(VALUE_PX, &text_color, HPos::Center, VPos::Center);
        draw_text(root, &text, ((x0 + x1) / 2.0, (y0 + y1) / 2.0), &style)
    }
}

/// Draws the overall column with its left edge at `left`: white cells with the overall shares,
/// framed in the axis colour so that it stands apart from the coloured groups.
fn draw_overall<DB: Backend>(
    root: &Area<DB>,
    overall: &OverallColumn,
    left: f64,
    grid: &Grid,
) -> Result<()> {
    for (i, cell) in overall.cells.iter().enumerate() {
        grid.draw_cell_at(root, left, i, cell, None)?;
    }
    if !overall.cells.is_empty() {
        let bottom = grid.top + overall.cells.len() as f64 * CELL_H;
        root.draw(&Rectangle::new(
            [
                (to_px(left), to_px(grid.top)),
                (to_px(left + grid.cell_w), to_px(bottom)),
            ],
            AXIS_COLOR.stroke_width(1),
        ))?;
    }
    Ok(())
}

/// Draws the colour scale at (`left`, `top`): low caption, swatches with their values, high
/// caption. Returns the y below it.
fn draw_scale<DB: Backend>(root: &Area<DB>, left: f64, top: f64) -> Result<f64> {
    let mid = top + SCALE_SWATCH_H / 2.0 + 2.0;
    let caption = |h| text_style(13.0, &TEXT_COLOR, h, VPos::Center);
    let x0 = left + text_width(SCALE_LOW, 13.0) + 8.0;
    draw_text(root, SCALE_LOW, (x0 - 8.0, mid), &caption(HPos::Right))?;
    let tick = text_style(10.0, &SUBTLE_TEXT_COLOR, HPos::Center, VPos::Top);
    for (k, &diff) in SCALE_STEPS.iter().enumerate() {
        let x = x0 + k as f64 * SCALE_SWATCH_W;
        let corners = [
            (to_px(x), to_px(mid - SCALE_SWATCH_H / 2.0)),
            (to_px(x + SCALE_SWATCH_W), to_px(mid + SCALE_SWATCH_H / 2.0)),
        ];
        root.draw(&Rectangle::new(corners, heat_color(diff, false).filled()))?;
        let value = match diff {
            d if d > 0.0 => format!("+{d}"),
            d if d < 0.0 => format!("−{}", -d),
            _ => "0".to_string(),
        };
        let at = (x + SCALE_SWATCH_W / 2.0, mid + SCALE_SWATCH_H / 2.0 + 2.0);
        draw_text(root, &value, at, &tick)?;
    }
    let x1 = x0 + SCALE_STEPS.len() as f64 * SCALE_SWATCH_W;
    root.draw(&Rectangle::new(
        [
            (to_px(x0), to_px(mid - SCALE_SWATCH_H / 2.0)),
            (to_px(x1), to_px(mid + SCALE_SWATCH_H / 2.0)),
        ],
        GRID_COLOR.stroke_width(1),
    ))?;
    draw_text(root, SCALE_HIGH, (x1 + 8.0, mid), &caption(HPos::Left))?;
    Ok(top + SCALE_SWATCH_H + 18.0)
}

#[cfg(test)]
#[path = "heatmap_tests.rs"]
mod tests;
