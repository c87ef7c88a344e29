//! Trend lines over the survey waves ([`trend_svg`], [`trend_png`]) as small multiples: one
//! panel per statement in a grid of up to four columns, each with its line, points, 95 %
//! confidence interval whiskers and its latest value printed, on a 0–100 % axis shared by all
//! panels so that they compare at a glance. Its input is [`Trend`] with one [`TrendSeries`] per
//! statement.

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::NEGATIVE_NOTE;
use super::bars_labels::{LABEL_PX, NEGATIVE_MARK};
use super::colors::{
    ACTUAL_COLOR, AXIS_COLOR, GRID_COLOR, NEGATIVE_BAND_COLOR, NEGATIVE_COLOR, SEPARATOR_COLOR,
    SUBTLE_TEXT_COLOR, TEXT_COLOR,
};
use super::draw::{
    draw_hline, draw_text, draw_title, draw_whisker, title_height, to_px, Area, Backend, Svg,
    Target, MARGIN,
};
use super::font::{ensure_fonts, text_style};
use super::legend::{draw_legend, legend_height, LegendItem, Symbol};
use super::numbers::format_one_decimal;
use super::raster::Png;
use super::wrap::wrap_text;

/// One statement of a [`Trend`] chart: its value at each wave.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendSeries {
    /// The statement, shown above its panel (wrapped to two lines).
    pub name: String,
    /// One value per wave in percent (0–100; values outside are drawn at the edge). `None` (or a
    /// non-finite value): no point, and the line is broken there.
    pub values: Vec<Option<f64>>,
    /// 95 % confidence interval per wave, drawn as a vertical whisker. Empty means none;
    /// otherwise one entry per wave.
    pub intervals: Vec<Option<(f64, f64)>>,
    /// A negative statement (higher is worse): "▼" and a red name, tinted panel.
    pub negative_statement: bool,
}

/// Trend lines: one small panel per statement, the waves along each panel's x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// Chart title (wrapped to at most two lines).
    pub title: String,
    /// The waves, oldest first, as x labels (e.g. "R4", "R5", "R6").
    pub waves: Vec<String>,
    /// The statements, in reading order (left to right, then down).
    pub series: Vec<TrendSeries>,
}

/// Width of the chart, columns of the panel grid, and the gaps between panels.
const WIDTH: u32 = 1000;
const COLUMNS: usize = 4;
const GAP_X: f64 = 18.0;
const GAP_Y: f64 = 14.0;
/// A panel: name (two lines), plot, wave labels.
const NAME_PX: f64 = 12.0;
const NAME_LINE_H: f64 = 16.0;
const NAME_H: f64 = 2.0 * NAME_LINE_H + 16.0;
const PLOT_H: f64 = 110.0;
const WAVES_H: f64 = 20.0;
const PANEL_H: f64 = NAME_H + PLOT_H + WAVES_H;
/// Room left of a panel's plot for the value ticks, and right of it for the printed last value.
const TICKS_W: f64 = 26.0;
const VALUE_ROOM: f64 = 38.0;
/// Font sizes of the ticks and of the printed value.
const TICK_PX: f64 = 10.0;
const VALUE_PX: f64 = 11.0;
/// Whisker end caps, point radius.
const CAP_PX: f64 = 8.0;
const POINT_R: i32 = 3;
/// Legend label of the whisker and caption of the value axis.
const INTERVAL_NOTE: &str = "95%信頼区間";
const AXIS_NOTE: &str = "縦軸は 0〜100%、右端の数値は最新の値";

/// Draws the trend chart and returns the SVG document.
///
/// Layout: title; legend (the line, the whisker when there are intervals, the ▼ note when there
/// are negative statements, and how to read the axis); then the panels, four to a row (fewer
/// when there are fewer statements), each 182 px high: the statement's name ("▼" and red for a
/// negative statement, whose panel is tinted), a 0–100 % plot with grid lines at 0, 25, 50, 75
/// and 100 (ticks labelled 0, 50, 100), the waves along the bottom, the line through the values
/// (broken where a value is missing), a point and a whisker at each wave, and the latest value
/// (one decimal, half-up) right of its point. The width is 1000 px.
///
/// Errors: a series whose values are not one per wave, or a non-empty `intervals` of another
/// length. No series, no waves and all-missing values are drawn without error.
pub fn trend_svg(chart: &Trend) -> Result<String> {
    trend(chart, Svg)
}

/// Draws the same chart as [`trend_svg`] as a PNG image (at twice the SVG's pixel size) and
/// returns its bytes; the same input gives the same bytes.
pub fn trend_png(chart: &Trend) -> Result<Vec<u8>> {
    trend(chart, Png)
}

/// The legend: line, whisker (when drawn), the ▼ note, the axis note.
fn legend(chart: &Trend) -> Vec<LegendItem> {
    let line = Symbol::Line {
        color: ACTUAL_COLOR,
        len: 26.0,
        width: 2,
        point: POINT_R,
    };
    let mut items = vec![LegendItem::new(26.0, "各回の値", line)];
    let any_interval = chart
        .series
        .iter()
        .any(|s| s.intervals.iter().flatten().any(|&iv| finite_interval(iv)));
    if any_interval {
        let whisker = Symbol::Whisker {
            from: (CAP_PX / 2.0, -7.0),
            to: (CAP_PX / 2.0, 7.0),
            cap: CAP_PX,
        };
        items.push(LegendItem::new(CAP_PX, INTERVAL_NOTE, whisker));
    }
    if chart.series.iter().any(|s| s.negative_statement) {
        items.push(LegendItem::note(NEGATIVE_NOTE, NEGATIVE_COLOR));
    }
    items.push(LegendItem::note(AXIS_NOTE, SUBTLE_TEXT_COLOR));
    items
}

fn finite_interval((lo, hi): (f64, f64)) -> bool {
    lo.is_finite() && hi.is_finite()
}

/// Draws the chart on `target`.
fn trend<T: Target>(chart: &Trend, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    let n = chart.waves.len();
    for s in &chart.series {
        ensure!(
            s.values.len() == n,
            "trend chart {:?}: series {:?} has {} values for {n} waves",
            chart.title,
            s.name,
            s.values.len()
        );
        ensure!(
            s.intervals.is_empty() || s.intervals.len() == n,
            "trend chart {:?}: series {:?} has {} intervals for {n} waves",
            chart.title,
            s.name,
            s.intervals.len()
        );
    }
    let width = f64::from(WIDTH);
    let legend = legend(chart);
    let header_h = 12.0
        + title_height(&chart.title, width)
        + 6.0
        + legend_height(&legend, MARGIN, width - MARGIN)
        + 10.0;
    let columns = chart.series.len().clamp(1, COLUMNS);
    let rows = chart.series.len().div_ceil(COLUMNS);
    let panel_w = (width - 2.0 * MARGIN - (columns as f64 - 1.0) * GAP_X) / columns as f64;
    let body_h = if rows == 0 {
        60.0
    } else {
        rows as f64 * (PANEL_H + GAP_Y)
    };
    let height = (header_h + body_h + 8.0).ceil() as u32;

    target.render((WIDTH, height), |root| {
        let y = draw_title(root, &chart.title, width, 12.0)? + 6.0;
        draw_legend(root, &legend, MARGIN, width - MARGIN, y)?;
        if chart.series.is_empty() {
            let style = text_style(LABEL_PX, &SUBTLE_TEXT_COLOR, HPos::Center, VPos::Center);
            let at = (width / 2.0, header_h + body_h / 2.0);
            draw_text(root, "表示するデータがありません", at, &style)?;
        }
        for (k, series) in chart.series.iter().enumerate() {
            let (row, col) = (k / COLUMNS, k % COLUMNS);
            let panel = Panel {
                left: MARGIN + col as f64 * (panel_w + GAP_X),
                top: header_h + row as f64 * (PANEL_H + GAP_Y),
                width: panel_w,
                waves: n,
            };
            panel.draw(root, &chart.waves, series)?;
        }
        Ok(())
    })
}

/// One panel of the grid.
struct Panel {
    left: f64,
    top: f64,
    width: f64,
    waves: usize,
}

impl Panel {
    fn plot_left(&self) -> f64 {
        self.left + TICKS_W
    }

    fn plot_right(&self) -> f64 {
        self.left + self.width - VALUE_ROOM
    }

    fn plot_top(&self) -> f64 {
        self.top + NAME_H
    }

    /// x of wave `i` (the middle of its slot).
    fn x_of(&self, i: usize) -> f64 {
        let slot = (self.plot_right() - self.plot_left()) / self.waves.max(1) as f64;
        self.plot_left() + (i as f64 + 0.5) * slot
    }

    /// y of `v` percent.
    fn y_of(&self, v: f64) -> f64 {
        self.plot_top() + (1.0 - v.clamp(0.0, 100.0) / 100.0) * PLOT_H
    }

    /// Draws the panel: background, name, grid and ticks, wave labels, then the whiskers, line,
    /// points and the latest value.
    fn draw<DB: Backend>(&self, root: &Area<DB>, waves: &[String], s: &TrendSeries) -> Result<()> {
        let (right, bottom) = (self.left + self.width, self.top + PANEL_H);
        let background = if s.negative_statement {
            NEGATIVE_BAND_COLOR
        } else {
            RGBColor(0xFF, 0xFF, 0xFF)
        };
        let corners = [
            (to_px(self.left), to_px(self.top)),
            (to_px(right), to_px(bottom)),
        ];
        root.draw(&Rectangle::new(corners, background.filled()))?;
        root.draw(&Rectangle::new(corners, SEPARATOR_COLOR.stroke_width(1)))?;

        // Name, two lines at most, "▼" and red for a negative statement.
        let (name, color) = if s.negative_statement {
            (format!("{NEGATIVE_MARK}{}", s.name), NEGATIVE_COLOR)
        } else {
            (s.name.clone(), TEXT_COLOR)
        };
        let name_style = text_style(NAME_PX, &color, HPos::Left, VPos::Center);
        let lines = wrap_text(&name, NAME_PX, self.width - 12.0, 2);
        for (k, line) in lines.iter().enumerate() {
            let at = (
                self.left + 6.0,
                self.top + 4.0 + (k as f64 + 0.5) * NAME_LINE_H,
            );
            draw_text(root, line, at, &name_style)?;
        }

        // Grid, ticks and wave labels.
        let tick_style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Right, VPos::Center);
        for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
            let y = self.y_of(v);
            let color = if v == 0.0 { AXIS_COLOR } else { GRID_COLOR };
            draw_hline(
                root,
                self.plot_left(),
                self.plot_right(),
                y,
                color.stroke_width(1),
            )?;
            if v % 50.0 == 0.0 {
                let at = (self.plot_left() - 4.0, y);
                draw_text(root, &format!("{v}"), at, &tick_style)?;
            }
        }
        let wave_style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Center, VPos::Top);
        let every = self.label_step(waves);
        for (i, wave) in waves.iter().enumerate() {
            if i % every == 0 || i + 1 == waves.len() {
                let at = (self.x_of(i), self.plot_top() + PLOT_H + 5.0);
                draw_text(root, wave, at, &wave_style)?;
            }
        }

        // Whiskers under the line.
        for (i, interval) in s.intervals.iter().enumerate() {
            if let Some((lo, hi)) = interval.filter(|&iv| finite_interval(iv)) {
                let x = self.x_of(i);
                draw_whisker(root, (x, self.y_of(lo)), (x, self.y_of(hi)), CAP_PX)?;
            }
        }
        let values: Vec<Option<f64>> = s
            .values
            .iter()
            .map(|v| v.filter(|v| v.is_finite()))
            .collect();
        let point = |i: usize, v: f64| (to_px(self.x_of(i)), to_px(self.y_of(v)));
        // The line, broken at missing values.
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (i, v) in values.iter().enumerate() {
            match v {
                Some(v) => run.push(point(i, *v)),
                None => self.draw_run(root, &mut run)?,
            }
        }
        self.draw_run(root, &mut run)?;
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = v {
                root.draw(&Circle::new(point(i, *v), POINT_R, ACTUAL_COLOR.filled()))?;
            }
        }
        // The latest value, right of its point (and of its whisker's caps).
        if let Some((i, v)) = values
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, v)| v.map(|v| (i, v)))
        {
            let style = text_style(VALUE_PX, &ACTUAL_COLOR, HPos::Left, VPos::Center);
            let at = (self.x_of(i) + CAP_PX / 2.0 + 4.0, self.y_of(v));
            draw_text(root, &format_one_decimal(v), at, &style)?;
        }
        Ok(())
    }

    /// Draws a run of consecutive points as a line and empties it.
    fn draw_run<DB: Backend>(&self, root: &Area<DB>, run: &mut Vec<(i32, i32)>) -> Result<()> {
        if run.len() > 1 {
            root.draw(&PathElement::new(
                std::mem::take(run),
                ACTUAL_COLOR.stroke_width(2),
            ))?;
        }
        run.clear();
        Ok(())
    }

    /// Every how many waves a label is printed so that labels do not overlap.
    fn label_step(&self, waves: &[String]) -> usize {
        let widest = waves
            .iter()
            .map(|w| super::font::text_width(w, TICK_PX) + 6.0)
            .fold(0.0, f64::max);
        let slot = (self.plot_right() - self.plot_left()) / self.waves.max(1) as f64;
        ((widest / slot).ceil() as usize).max(1)
    }
}

#[cfg(test)]
#[path = "trend_tests.rs"]
mod tests;
