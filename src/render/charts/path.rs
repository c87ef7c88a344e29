//! The KGI/KPI path chart ([`indicator_path_svg`]): its input ([`IndicatorPath`], [`PathPoint`]),
//! its legend, the actual line, the dashed path from baseline to target, and the baseline and
//! target markers. The axes are in `path_axes`, the placement of the printed values in
//! `path_labels`, the confidence interval whiskers at the actual points in `path_intervals`.

use anyhow::{bail, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::colors::{
    ACTUAL_COLOR, AXIS_COLOR, BASELINE_COLOR, GRID_COLOR, SUBTLE_TEXT_COLOR, TARGET_COLOR,
};
use super::dashes::TARGET_DASH;
use super::draw::{diamond, draw_text, draw_title, to_px, Svg, Target, MARGIN, TICK_PX};
use super::font::{ensure_fonts, text_style, text_width};
use super::legend::{draw_legend, legend_width, LegendItem, Symbol};
use super::numbers::{format_tick, format_value};
use super::path_axes::{value_range, Years};
use super::path_intervals::{draw_whiskers, interval_legend_item, sorted_actual};
use super::path_labels::{LabelPlacement, VALUE_PX};
use super::raster::Png;

/// One point on an indicator chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPoint {
    /// Fiscal year (e.g. 2023 for 令和5年度); positions the point on the x axis.
    pub fiscal_year: i32,
    /// Axis label for that year, e.g. "R5" or "令和5年度".
    pub label: String,
    /// The indicator value in the chart's unit.
    pub value: f64,
}

/// A KGI/KPI chart: actual values by fiscal year and the straight path from the baseline to the
/// target.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorPath {
    /// Chart title, e.g. "KGI 仕事にやりがいを感じている職員の割合".
    pub title: String,
    /// Unit appended to printed values and shown above the y axis: "%", "人", "時間", "日", "点".
    pub unit: String,
    /// Direction of improvement; shown as a caption ("低いほど望ましい" / "高いほど望ましい").
    pub lower_is_better: bool,
    /// Observed values by fiscal year (may start before the baseline year; may be empty or hold
    /// a single point).
    pub actual: Vec<PathPoint>,
    /// 95 % confidence interval (low, high) of each `actual` point, in the same order, drawn as a
    /// vertical whisker at the point (`None`: no whisker). Empty means no intervals; otherwise one
    /// entry per actual point.
    pub intervals: Vec<Option<(f64, f64)>>,
    /// The baseline the target path starts from.
    pub baseline: PathPoint,
    /// The target (year and value) the path leads to.
    pub target: PathPoint,
    /// Decimals of printed values; `None` = whole numbers when every value is whole, else one.
    pub decimals: Option<u8>,
    /// Words after the target value when the target is a bound: "以下" (8人以下) or "以上".
    pub target_bound: Option<String>,
    /// The target was met at the baseline and is a level to hold: the path is drawn flat at
    /// the target from the baseline year, not from the baseline value.
    pub hold: bool,
    /// The indicator's 判定 (順調, 遅れ, 目標達成 …), shown in the caption; `None` = not shown.
    pub status: Option<String>,
}

pub const PATH_WIDTH: u32 = 600;
const PATH_HEIGHT: u32 = 340;

/// Draws an indicator (KGI/KPI) chart and returns the SVG document (600 × 340 px).
///
/// The x axis runs over the fiscal years from the earliest of the actual points and the baseline
/// to the target year (extended to any actual point outside that span), labelled with the labels
/// given (years without a point get a label derived from a neighbour's, see `path_axes`; labels
/// are thinned when they would overlap). Actual values are a solid line with points and
/// printed values (moved past the ends of their confidence interval whiskers, with the legend
/// entry "95%信頼区間" when there are any); the baseline is ringed; a dashed straight line ("目標への経路") joins the
/// baseline to the target, which is marked with a diamond and its value. A caption under the
/// title states the direction ("↑ 高いほど望ましい" / "↓ 低いほど望ましい"), and the unit is
/// shown above the y axis, e.g. "（%）". The y range holds all values including the target and
/// the interval ends; for counts and amounts (every unit but "%") it includes zero, and for
/// percentages it is at least 20 points wide (the rules are in `path_axes`'s `value_range`).
///
/// Printed values are whole numbers when every value on the chart is whole, otherwise one
/// decimal rounded half-up ([`format_one_decimal`](super::format_one_decimal)), followed by the
/// unit.
///
/// Errors: a non-finite value or interval end anywhere, a non-empty `intervals` of another
/// length than `actual`, or years spanning more than 100 fiscal years.
pub fn indicator_path_svg(chart: &IndicatorPath) -> Result<String> {
    indicator_path(chart, Svg)
}

/// Draws the same chart as [`indicator_path_svg`] as a PNG image (at twice the SVG's pixel size)
/// and returns its bytes; the same input gives the same bytes.
pub fn indicator_path_png(chart: &IndicatorPath) -> Result<Vec<u8>> {
    indicator_path(chart, Png)
}

/// Draws the indicator chart on `target`.
fn indicator_path<T: Target>(chart: &IndicatorPath, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    // Actual points in year order (a stable sort keeps the given order within a year).
    let (actual, intervals) = sorted_actual(chart)?;
    let all_points = || {
        actual
            .iter()
            .copied()
            .chain([&chart.baseline, &chart.target])
    };
    for p in all_points() {
        if !p.value.is_finite() {
            bail!(
                "indicator value for {} is not a number ({})",
                p.label,
                p.value
            );
        }
    }

    let years = Years::of(chart)?;
    let unit = chart.unit.as_str();
    let values: Vec<f64> = all_points()
        .map(|p| p.value)
        .chain(intervals.iter().flatten().flat_map(|&(lo, hi)| [lo, hi]))
        .collect();
    let (y_lo, y_hi) = value_range(&values, unit);
    // Printed values: whole numbers when every value on the chart is whole.
    let whole = all_points().all(|p| p.value.fract() == 0.0);
    let value_text = |v: f64| match chart.decimals {
        Some(d) => format!("{}{}", crate::render::format::number(v, d), unit),
        None => format!("{}{}", format_value(v, whole), unit),
    };

    let width = f64::from(PATH_WIDTH);
    let direction = if chart.lower_is_better {
        "↓ 低いほど望ましい"
    } else {
        "↑ 高いほど望ましい"
    };
    let caption = match &chart.status {
        Some(s) => format!("{direction}　判定: {s}"),
        None => direction.to_string(),
    };
    let caption = caption.as_str();
    // A level to hold is followed at the target itself from the baseline year.
    let path_start = if chart.hold {
        PathPoint {
            value: chart.target.value,
            ..chart.baseline.clone()
        }
    } else {
        chart.baseline.clone()
    };

    let legend = path_legend(intervals.iter().any(Option::is_some));

    target.render((PATH_WIDTH, PATH_HEIGHT), |root| {
        // Header: title, then the direction caption (left) and the legend (right) on one row.
        let y = draw_title(root, &chart.title, width, 10.0)?;
        let caption_style = text_style(12.0, &SUBTLE_TEXT_COLOR, HPos::Left, VPos::Center);
        draw_text(root, caption, (MARGIN + 4.0, y + 11.0), &caption_style)?;
        let legend_w = legend_width(&legend);
        let legend_left =
            (width - MARGIN - legend_w).max(MARGIN + 4.0 + text_width(caption, 12.0) + 22.0);
        let header_h = draw_legend(root, &legend, legend_left, width - MARGIN, y)?;

        // X axis: one slot per fiscal year, labels thinned so that they do not overlap.
        let x_range = years.axis(chart.target.fiscal_year, width - MARGIN * 2.0 - 70.0);
        let (_, body) = root.split_vertically(to_px(header_h));
        // The top margin leaves room for the unit and for value labels above the top point.
        let mut ctx = ChartBuilder::on(&body)
            .margin_left(to_px(MARGIN))
            .margin_right(to_px(MARGIN + 14.0))
            .margin_top(30)
            .margin_bottom(8)
            .x_label_area_size(30)
            .y_label_area_size(56)
            .build_cartesian_2d(x_range, y_lo..y_hi)?;

        let x_fmt = |x: &f64| years.label(*x);
        let y_fmt = |y: &f64| format_tick(*y);
        ctx.configure_mesh()
            .disable_x_mesh()
            .bold_line_style(GRID_COLOR.stroke_width(1))
            .light_line_style(TRANSPARENT)
            .axis_style(AXIS_COLOR.stroke_width(1))
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .y_labels(6)
            .x_label_style(text_style(
                TICK_PX,
                &SUBTLE_TEXT_COLOR,
                HPos::Center,
                VPos::Top,
            ))
            .y_label_style(text_style(
                TICK_PX,
                &SUBTLE_TEXT_COLOR,
                HPos::Right,
                VPos::Center,
            ))
            .draw()?;

        let to_xy = |p: &PathPoint| (f64::from(p.fiscal_year), p.value);
        let (plot_left_px, plot_top_px) = ctx.backend_coord(&(f64::from(years.first) - 0.5, y_hi));

        // Unit above the y axis, clear of the top tick label (moved right if it is too long).
        if !unit.is_empty() {
            let text = format!("（{unit}）");
            let right = (f64::from(plot_left_px) - 4.0).max(4.0 + text_width(&text, TICK_PX));
            let style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Right, VPos::Bottom);
            draw_text(root, &text, (right, f64::from(plot_top_px) - 12.0), &style)?;
        }

        let plot_h = f64::from(ctx.plotting_area().dim_in_pixel().1);
        let labels = LabelPlacement::new(
            &actual,
            &intervals,
            &chart.baseline,
            &chart.target,
            (y_lo, y_hi),
            plot_h,
        );

        // Target path (under the actual line).
        ctx.draw_series(LineSeries::new(
            vec![to_xy(&path_start), to_xy(&chart.target)],
            TARGET_DASH.stand_in.stroke_width(2),
        ))?;

        // Confidence intervals, then the actual values on top.
        draw_whiskers(root, &actual, &intervals, |x, y| ctx.backend_coord(&(x, y)))?;
        ctx.draw_series(LineSeries::new(
            actual.iter().copied().map(to_xy),
            ACTUAL_COLOR.stroke_width(2),
        ))?;
        ctx.draw_series(
            actual
                .iter()
                .map(|p| Circle::new(to_xy(p), 4, ACTUAL_COLOR.filled())),
        )?;
        let value_style = text_style(VALUE_PX, &ACTUAL_COLOR, HPos::Center, VPos::Center);
        ctx.draw_series(actual.iter().copied().enumerate().map(|(i, p)| {
            let text = value_text(p.value);
            let offset = labels.actual(i, &text);
            EmptyElement::at(to_xy(p)) + Text::new(text, offset, value_style.clone())
        }))?;

        // Baseline ring, with its value when no actual point shows it.
        ctx.draw_series(std::iter::once(Circle::new(
            to_xy(&chart.baseline),
            7,
            BASELINE_COLOR.stroke_width(2),
        )))?;
        let baseline_shown = actual.iter().copied().any(|p| {
            p.fiscal_year == chart.baseline.fiscal_year
                && value_text(p.value) == value_text(chart.baseline.value)
        });
        if !baseline_shown {
            let style = text_style(VALUE_PX, &BASELINE_COLOR, HPos::Center, VPos::Center);
            ctx.draw_series(std::iter::once(
                EmptyElement::at(to_xy(&chart.baseline))
                    + Text::new(
                        format!("基準 {}", value_text(chart.baseline.value)),
                        (0, labels.baseline()),
                        style,
                    ),
            ))?;
        }

        // Target marker and value.
        let target_style = text_style(VALUE_PX, &TARGET_COLOR, HPos::Center, VPos::Center);
        ctx.draw_series(std::iter::once(
            EmptyElement::at(to_xy(&chart.target))
                + diamond((0, 0), 7, TARGET_COLOR)
                + Text::new(
                    format!(
                        "目標 {}{}",
                        value_text(chart.target.value),
                        chart.target_bound.as_deref().unwrap_or("")
                    ),
                    (0, labels.target()),
                    target_style,
                ),
        ))?;

        Ok(())
    })
}

/// The legend entries: actual line, the whisker when `intervals` are drawn, baseline ring, dashed
/// path and target diamond.
fn path_legend(intervals: bool) -> Vec<LegendItem> {
    let actual = Symbol::Line {
        color: ACTUAL_COLOR,
        len: 26.0,
        width: 2,
        point: 4,
    };
    let mut items = vec![LegendItem::new(26.0, "実績", actual)];
    if intervals {
        items.push(interval_legend_item());
    }
    let ring = Symbol::Ring {
        color: BASELINE_COLOR,
        radius: 6,
        width: 2,
    };
    let dashed = Symbol::Dashed {
        dash: TARGET_DASH,
        len: 30.0,
        width: 2,
    };
    let target = Symbol::Diamond {
        color: TARGET_COLOR,
        radius: 7,
    };
    items.extend([
        LegendItem::new(12.0, "基準値", ring),
        LegendItem::new(30.0, "目標への経路", dashed),
        LegendItem::new(14.0, "目標", target),
    ]);
    items
}

#[cfg(test)]
#[path = "path_tests.rs"]
mod tests;
