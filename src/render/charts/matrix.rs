//! The priority matrix (重点改善マトリクス) of a key-driver analysis ([`priority_matrix_svg`],
//! [`priority_matrix_png`]): one point per item at its favourable share (x) and its importance
//! (y), the two average lines that divide the plot into four quadrants, each quadrant's name in
//! its outer corner, and each point's label beside it, placed where it overlaps no other label
//! or point. The items to act on first (`highlight`) are drawn in the warning colour. Its input
//! is [`PriorityMatrix`].

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::caption::Caption;
use super::colors::{
    mix, ACCENT_BAND_COLOR, ACCENT_COLOR, AXIS_COLOR, BAD_LIGHT, BAD_STRONG, SUBTLE_TEXT_COLOR,
    TEXT_COLOR,
};
use super::draw::{draw_hline, draw_no_data, draw_text, draw_vline, to_px, Svg, Target, MARGIN};
use super::font::{ensure_fonts, text_style, text_width};
use super::header::Header;
use super::raster::Png;
use super::value_axis::ValueAxis;
use super::wrap::wrap_text;

/// One item of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixPoint {
    pub label: String,
    /// Favourable share, percent (x).
    pub favourable: f64,
    /// Importance, percent of the explained variance (y).
    pub importance: f64,
    /// In the quadrant to act on first.
    pub highlight: bool,
}

/// A priority matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityMatrix {
    pub title: String,
    pub points: Vec<MatrixPoint>,
    /// The average lines: favourable share (x) and importance (y), percent.
    pub lines: (f64, f64),
    /// The quadrants' names: top left, top right, bottom left, bottom right.
    pub quadrants: [String; 4],
    pub x_title: String,
    pub y_title: String,
    /// Caption under the chart (at most three lines); may be empty.
    pub caption: String,
}

const WIDTH: u32 = 1000;
const PLOT_H: f64 = 560.0;
const LABEL_PX: f64 = 12.0;
const LABEL_LINE_H: f64 = 15.0;
/// The widest a point's label is before it wraps (two lines at most).
const LABEL_MAX_W: f64 = 250.0;
const POINT_R: i32 = 6;
const QUADRANT_PX: f64 = 15.0;
/// Space between a quadrant's name and the plot's edges.
const QUADRANT_PAD: f64 = 8.0;
const AXIS_TITLE_PX: f64 = 13.0;
const X_AXIS_H: f64 = 48.0;
const Y_TITLE_H: f64 = 22.0;
const BOTTOM: f64 = 10.0;

/// Draws the matrix and returns the SVG document.
pub fn priority_matrix_svg(m: &PriorityMatrix) -> Result<String> {
    priority_matrix(m, Svg)
}

/// Draws the same chart as [`priority_matrix_svg`] as a PNG image (at twice the SVG's pixel
/// size) and returns its bytes.
pub fn priority_matrix_png(m: &PriorityMatrix) -> Result<Vec<u8>> {
    priority_matrix(m, Png)
}

/// The x range: whole tens around the favourable shares and the line, within 0–100.
fn x_range(m: &PriorityMatrix) -> (f64, f64) {
    let xs = m.points.iter().map(|p| p.favourable).chain([m.lines.0]);
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
        (a.min(x), b.max(x))
    });
    if !lo.is_finite() {
        return (0.0, 100.0);
    }
    let lo = ((lo - 5.0) / 10.0).floor().max(0.0) * 10.0;
    let hi = ((hi + 5.0) / 10.0).ceil().min(10.0) * 10.0;
    if hi - lo < 20.0 {
        (lo.min(80.0), (lo + 20.0).min(100.0).max(hi))
    } else {
        (lo, hi)
    }
}

/// A box on the chart: left, top, right, bottom.
type Box4 = (f64, f64, f64, f64);

fn overlaps(a: Box4, b: Box4) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn priority_matrix<T: Target>(m: &PriorityMatrix, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    ensure!(
        m.points
            .iter()
            .all(|p| p.favourable.is_finite() && p.importance.is_finite()),
        "priority matrix {:?}: a point without a value",
        m.title
    );
    let width = f64::from(WIDTH);
    let header = Header::new(&m.title, vec![], width);
    let y_axis = ValueAxis::above(
        m.points
            .iter()
            .map(|p| p.importance)
            .chain([m.lines.1])
            .reduce(f64::max),
        false,
        true,
    );
    // The y axis' title stands above the axis, read horizontally.
    let plot_top = header.height() + 8.0 + Y_TITLE_H;
    let plot_bottom = plot_top + PLOT_H;
    let plot_left = MARGIN + y_axis.label_width() + 6.0;
    let plot_right = width - MARGIN;
    let (x_lo, x_hi) = x_range(m);
    let x_axis = ValueAxis::between(x_lo, x_hi, 10.0);
    let x_of = |v: f64| plot_left + x_axis.fraction(v) * (plot_right - plot_left);
    let y_of = |v: f64| plot_bottom - y_axis.fraction(v) * PLOT_H;
    let caption = Caption::new(&m.caption, width, 3);
    let height = (plot_bottom + X_AXIS_H + caption.height() + BOTTOM).ceil() as u32;

    // Labels: beside each point, right, left, above or below, the first place that overlaps
    // no label placed before, no point and stays in the plot; most important first.
    let mut order: Vec<usize> = (0..m.points.len()).collect();
    order.sort_by(|&a, &b| m.points[b].importance.total_cmp(&m.points[a].importance));
    let points: Vec<(f64, f64)> = m
        .points
        .iter()
        .map(|p| (x_of(p.favourable), y_of(p.importance)))
        .collect();
    let r = f64::from(POINT_R);
    let mut taken: Vec<Box4> = points
        .iter()
        .map(|&(x, y)| (x - r, y - r, x + r, y + r))
        .collect();
    // A label is not drawn across the average lines, where it would seem to be in two
    // quadrants, unless there is no other place.
    let (line_x, line_y) = (x_of(m.lines.0), y_of(m.lines.1));
    taken.push((line_x - 2.0, plot_top, line_x + 2.0, plot_bottom));
    taken.push((plot_left, line_y - 2.0, plot_right, line_y + 2.0));
    // Nor over the quadrants' names in the corners.
    for (k, name) in m.quadrants.iter().enumerate() {
        let (w, h) = (text_width(name, QUADRANT_PX) + 4.0, QUADRANT_PX + 6.0);
        let left = if k % 2 == 0 {
            plot_left
        } else {
            plot_right - QUADRANT_PAD - w
        };
        let top = if k < 2 {
            plot_top
        } else {
            plot_bottom - QUADRANT_PAD - h
        };
        taken.push((left, top, left + QUADRANT_PAD + w, top + QUADRANT_PAD + h));
    }
    let mut placed: Vec<(usize, Vec<String>, f64, f64)> = Vec::new();
    for &i in &order {
        let lines = wrap_text(&m.points[i].label, LABEL_PX, LABEL_MAX_W, 2);
        let w = lines
            .iter()
            .map(|l| text_width(l, LABEL_PX))
            .fold(0.0, f64::max);
        let h = lines.len() as f64 * LABEL_LINE_H;
        let (x, y) = points[i];
        let gap = r + 4.0;
        let candidates = [
            (x + gap, y - h / 2.0),
            (x - gap - w, y - h / 2.0),
            (x - w / 2.0, y - gap - h),
            (x - w / 2.0, y + gap),
            (x + gap, y - h),
            (x + gap, y),
            (x - gap - w, y - h),
            (x - gap - w, y),
        ];
        let inside = |b: Box4| {
            b.0 >= plot_left && b.2 <= plot_right && b.1 >= plot_top && b.3 <= plot_bottom
        };
        let fits = |b: Box4| {
            inside(b)
                && !taken
                    .iter()
                    .enumerate()
                    .any(|(k, t)| k != i && overlaps(b, *t))
        };
        // In the point's own quadrant first (a label across a line would seem to be in the
        // other), then anywhere free, else right of the point.
        let own_side = |b: Box4| {
            (if x < line_x {
                b.2 <= line_x
            } else {
                b.0 >= line_x
            }) && (if y < line_y {
                b.3 <= line_y
            } else {
                b.1 >= line_y
            })
        };
        let boxes = candidates.map(|(lx, ly)| (lx, ly, lx + w, ly + h));
        let (lx, ly, _, _) = boxes
            .iter()
            .copied()
            .find(|&b| fits(b) && own_side(b))
            .or_else(|| boxes.iter().copied().find(|&b| fits(b)))
            .unwrap_or(boxes[0]);
        taken.push((lx, ly, lx + w, ly + h));
        placed.push((i, lines, lx, ly));
    }

    target.render((WIDTH, height), |root| {
        header.draw(root)?;
        // The quadrant to act on first, tinted.
        let (lx, ly) = (x_of(m.lines.0), y_of(m.lines.1));
        root.draw(&Rectangle::new(
            [(to_px(plot_left), to_px(plot_top)), (to_px(lx), to_px(ly))],
            mix(BAD_LIGHT, WHITE, 0.5).filled(),
        ))?;
        root.draw(&Rectangle::new(
            [(to_px(lx), to_px(plot_top)), (to_px(plot_right), to_px(ly))],
            ACCENT_BAND_COLOR.filled(),
        ))?;
        y_axis.draw_vertical(root, plot_left, plot_right, y_of)?;
        // The x axis draws its own line along the bottom.
        x_axis.draw_horizontal(root, plot_top, plot_bottom, x_of)?;
        draw_vline(
            root,
            plot_left,
            plot_top,
            plot_bottom,
            AXIS_COLOR.stroke_width(1),
        )?;
        draw_vline(root, lx, plot_top, plot_bottom, AXIS_COLOR.stroke_width(2))?;
        draw_hline(root, plot_left, plot_right, ly, AXIS_COLOR.stroke_width(2))?;
        // The quadrants' names in their outer corners.
        let pad = QUADRANT_PAD;
        let corners = [
            (
                plot_left + pad,
                plot_top + pad,
                HPos::Left,
                VPos::Top,
                BAD_STRONG,
            ),
            (
                plot_right - pad,
                plot_top + pad,
                HPos::Right,
                VPos::Top,
                ACCENT_COLOR,
            ),
            (
                plot_left + pad,
                plot_bottom - pad,
                HPos::Left,
                VPos::Bottom,
                SUBTLE_TEXT_COLOR,
            ),
            (
                plot_right - pad,
                plot_bottom - pad,
                HPos::Right,
                VPos::Bottom,
                SUBTLE_TEXT_COLOR,
            ),
        ];
        for (name, (x, y, h, v, color)) in m.quadrants.iter().zip(corners) {
            draw_text(root, name, (x, y), &text_style(QUADRANT_PX, &color, h, v))?;
        }
        if m.points.is_empty() {
            draw_no_data(
                root,
                (
                    (plot_left + plot_right) / 2.0,
                    (plot_top + plot_bottom) / 2.0,
                ),
            )?;
        }
        for (p, &(x, y)) in m.points.iter().zip(&points) {
            let color = if p.highlight {
                BAD_STRONG
            } else {
                ACCENT_COLOR
            };
            root.draw(&Circle::new((to_px(x), to_px(y)), POINT_R, color.filled()))?;
        }
        for (i, lines, lx, ly) in &placed {
            let ink = if m.points[*i].highlight {
                BAD_STRONG
            } else {
                TEXT_COLOR
            };
            let style = text_style(LABEL_PX, &ink, HPos::Left, VPos::Center);
            for (k, line) in lines.iter().enumerate() {
                draw_text(
                    root,
                    line,
                    (*lx, ly + (k as f64 + 0.5) * LABEL_LINE_H),
                    &style,
                )?;
            }
        }
        // Axis titles.
        let x_title = text_style(AXIS_TITLE_PX, &TEXT_COLOR, HPos::Center, VPos::Top);
        draw_text(
            root,
            &m.x_title,
            ((plot_left + plot_right) / 2.0, plot_bottom + 26.0),
            &x_title,
        )?;
        let y_style = text_style(AXIS_TITLE_PX, &TEXT_COLOR, HPos::Left, VPos::Bottom);
        draw_text(root, &m.y_title, (MARGIN, plot_top - 6.0), &y_style)?;
        caption.draw(root, plot_bottom + X_AXIS_H)?;
        Ok(())
    })
}

#[cfg(test)]
#[path = "matrix_tests.rs"]
mod tests;
