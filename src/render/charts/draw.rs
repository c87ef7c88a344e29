//! Drawing primitives shared by the charts: the backends a chart is drawn on ([`Backend`], and
//! [`Target`], which turns one drawing into an SVG string or, in `raster`, PNG bytes), pixel
//! rounding, text, straight lines, lines broken at missing points, confidence interval
//! whiskers, legend swatches, wrapped titles, the "x 秘匿" marker of hidden values and the
//! caption of a chart with nothing to draw, and the layout sizes the charts use.
//!
//! Every chart draws through these functions on an [`Area`] of any [`Backend`], so the SVG and
//! the PNG of a chart come from one implementation.

use anyhow::Result;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::colors::{SUBTLE_TEXT_COLOR, SUPPRESSED_COLOR, TEXT_COLOR, WHISKER_COLOR};
use super::font::{font, text_style};
use super::wrap::wrap_text;

/// Outer margin left and right of a chart's body and legend.
pub(super) const MARGIN: f64 = 16.0;
/// Font size of axis tick labels.
pub(super) const TICK_PX: f64 = 12.0;

/// A plotters backend the charts can be drawn on: its errors convert into `anyhow::Error`.
pub(super) trait Backend: DrawingBackend<ErrorType: 'static> {}

impl<B> Backend for B where B: DrawingBackend<ErrorType: 'static> {}

/// The whole drawing area of a chart on backend `DB`.
pub(super) type Area<DB> = DrawingArea<DB, Shift>;

/// Where a chart is drawn, and what comes out: an SVG string ([`Svg`]) or PNG bytes
/// (`raster::Png`). A chart function is generic over its target and calls [`Target::render`]
/// once with its size and its drawing code.
pub(super) trait Target {
    /// The backend drawn on (it may borrow its output buffer for `'a`).
    type Backend<'a>: DrawingBackend<ErrorType = Self::Error>;
    /// The backend's error type (named here so that its `'static` bound is known).
    type Error: std::error::Error + Send + Sync + 'static;
    /// What the rendering returns.
    type Output;

    /// Draws a document of `size` (width, height) pixels with `draw` on a white background and
    /// returns it.
    fn render(
        self,
        size: (u32, u32),
        draw: impl for<'a> FnOnce(&Area<Self::Backend<'a>>) -> Result<()>,
    ) -> Result<Self::Output>;
}

/// The SVG target: a document string from plotters' SVG backend.
pub(super) struct Svg;

impl Target for Svg {
    type Backend<'a> = SVGBackend<'a>;
    type Error = std::io::Error;
    type Output = String;

    fn render(
        self,
        size: (u32, u32),
        draw: impl for<'a> FnOnce(&Area<SVGBackend<'a>>) -> Result<()>,
    ) -> Result<String> {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            root.fill(&WHITE)?;
            draw(&root)?;
            root.present()?;
        }
        Ok(super::dashes::apply(svg))
    }
}

/// Rounds a layout coordinate to whole pixels.
pub(super) fn to_px(v: f64) -> i32 {
    v.round() as i32
}

/// Draws `text` at `pos` (nothing for empty text).
pub(super) fn draw_text<DB: Backend>(
    area: &Area<DB>,
    text: &str,
    pos: (f64, f64),
    style: &TextStyle<'_>,
) -> Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    area.draw(&Text::new(
        text.to_string(),
        (to_px(pos.0), to_px(pos.1)),
        style.clone(),
    ))?;
    Ok(())
}

/// Shown in the middle of a chart that has nothing to draw.
pub(super) const NO_DATA: &str = "表示するデータがありません";
/// Font size of [`NO_DATA`] (that of the charts' labels).
const NO_DATA_PX: f64 = 13.0;

/// Draws [`NO_DATA`] centred at `at`.
pub(super) fn draw_no_data<DB: Backend>(area: &Area<DB>, at: (f64, f64)) -> Result<()> {
    let style = text_style(NO_DATA_PX, &SUBTLE_TEXT_COLOR, HPos::Center, VPos::Center);
    draw_text(area, NO_DATA, at, &style)
}

/// Font size of the "x 秘匿" marker (that of the printed values).
const SUPPRESSED_PX: f64 = 11.0;

/// Draws the "x 秘匿" marker of a hidden value (`marks::SUPPRESSED_LABEL`) vertically centred
/// at `at`, which is its left or right end as `h` says.
pub(super) fn draw_suppressed<DB: Backend>(area: &Area<DB>, at: (f64, f64), h: HPos) -> Result<()> {
    let style = text_style(SUPPRESSED_PX, &SUPPRESSED_COLOR, h, VPos::Center);
    draw_text(area, crate::render::marks::SUPPRESSED_LABEL, at, &style)
}

/// Draws a line through `points` in `style`, broken where a point is missing: each run of two
/// or more consecutive points is one polyline (a lone point draws no line).
pub(super) fn draw_broken_line<DB: Backend>(
    area: &Area<DB>,
    points: &[Option<(f64, f64)>],
    style: ShapeStyle,
) -> Result<()> {
    for run in points.split(Option::is_none) {
        if run.len() > 1 {
            let run = run.iter().flatten().map(|&(x, y)| (to_px(x), to_px(y)));
            area.draw(&PathElement::new(run.collect::<Vec<_>>(), style))?;
        }
    }
    Ok(())
}

/// Draws a straight line from `from` to `to`.
fn draw_line<DB: Backend>(
    area: &Area<DB>,
    from: (f64, f64),
    to: (f64, f64),
    style: ShapeStyle,
) -> Result<()> {
    area.draw(&PathElement::new(
        vec![(to_px(from.0), to_px(from.1)), (to_px(to.0), to_px(to.1))],
        style,
    ))?;
    Ok(())
}

/// Draws a horizontal line at `y` from `x0` to `x1`.
pub(super) fn draw_hline<DB: Backend>(
    area: &Area<DB>,
    x0: f64,
    x1: f64,
    y: f64,
    style: ShapeStyle,
) -> Result<()> {
    draw_line(area, (x0, y), (x1, y), style)
}

/// Draws a vertical line at `x` from `y0` to `y1`.
pub(super) fn draw_vline<DB: Backend>(
    area: &Area<DB>,
    x: f64,
    y0: f64,
    y1: f64,
    style: ShapeStyle,
) -> Result<()> {
    draw_line(area, (x, y0), (x, y1), style)
}

/// Stroke of a confidence interval whisker.
pub(super) fn whisker_style() -> ShapeStyle {
    WHISKER_COLOR.stroke_width(1)
}

/// Draws a confidence interval whisker from `from` to `to` (a horizontal or a vertical line) with
/// end caps `cap` pixels long across it, as a single polyline (one `<polyline>` per whisker).
pub(super) fn draw_whisker<DB: Backend>(
    area: &Area<DB>,
    from: (f64, f64),
    to: (f64, f64),
    cap: f64,
) -> Result<()> {
    let half = cap / 2.0;
    let (dx, dy) = if (to.1 - from.1).abs() > (to.0 - from.0).abs() {
        (half, 0.0)
    } else {
        (0.0, half)
    };
    let points = [
        (from.0 - dx, from.1 - dy),
        (from.0 + dx, from.1 + dy),
        from,
        to,
        (to.0 - dx, to.1 - dy),
        (to.0 + dx, to.1 + dy),
    ];
    area.draw(&PathElement::new(
        points.map(|(x, y)| (to_px(x), to_px(y))).to_vec(),
        whisker_style(),
    ))?;
    Ok(())
}

/// A filled square legend swatch. Drawn as a polygon so that the only `<rect>` elements in the
/// series colours are the bars themselves.
pub(super) fn draw_swatch<DB: Backend>(
    area: &Area<DB>,
    x: f64,
    y_center: f64,
    size: f64,
    color: &RGBColor,
) -> Result<()> {
    let (x0, y0) = (to_px(x), to_px(y_center - size / 2.0));
    let s = to_px(size);
    area.draw(&Polygon::new(
        vec![(x0, y0), (x0 + s, y0), (x0 + s, y0 + s), (x0, y0 + s)],
        color.filled(),
    ))?;
    Ok(())
}

/// Font size and line height of chart titles.
const TITLE_PX: f64 = 18.0;
const TITLE_LINE_H: f64 = 25.0;

/// A chart title wrapped to the chart's `width` (at most two lines).
fn title_lines(title: &str, width: f64) -> Vec<String> {
    wrap_text(title, TITLE_PX, width - 40.0, 2)
}

/// Height the title will take (same wrapping as [`draw_title`]).
pub(super) fn title_height(title: &str, width: f64) -> f64 {
    title_lines(title, width).len() as f64 * TITLE_LINE_H
}

/// Draws wrapped title lines starting at `top`; returns the y below them.
pub(super) fn draw_title<DB: Backend>(
    area: &Area<DB>,
    title: &str,
    width: f64,
    top: f64,
) -> Result<f64> {
    let style = font(TITLE_PX)
        .style(FontStyle::Bold)
        .color(&TEXT_COLOR)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let mut y = top;
    for line in title_lines(title, width) {
        draw_text(area, &line, (width / 2.0, y + TITLE_LINE_H / 2.0), &style)?;
        y += TITLE_LINE_H;
    }
    Ok(y)
}

/// A filled diamond marker centred at `c` with half-diagonal `r`.
pub(super) fn diamond(c: (i32, i32), r: i32, color: RGBColor) -> Polygon<(i32, i32)> {
    Polygon::new(
        vec![
            (c.0, c.1 - r),
            (c.0 + r, c.1),
            (c.0, c.1 + r),
            (c.0 - r, c.1),
        ],
        color.filled(),
    )
}
