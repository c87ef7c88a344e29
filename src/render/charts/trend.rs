//! Trend lines over the survey waves ([`trend_svg`], [`trend_png`]) as small multiples: one
//! panel per statement in a grid of up to four columns, each with its line, points, 95 %
//! confidence interval whiskers, its latest value and its change since the previous wave (as
//! given, with its mark). Every panel's value axis spans the same number of points, placed
//! around that panel's values (the rule is in `trend_scale`), so that changes are visible and
//! equal slopes mean equal changes. Its input is [`Trend`] with one [`TrendSeries`] per
//! statement.

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::NEGATIVE_NOTE;
use super::bars_labels::NEGATIVE_MARK;
use super::colors::{
    ACTUAL_COLOR, AXIS_COLOR, GRID_COLOR, NEGATIVE_BAND_COLOR, NEGATIVE_COLOR, SEPARATOR_COLOR,
    SUBTLE_TEXT_COLOR, TEXT_COLOR,
};
use super::draw::{
    draw_broken_line, draw_hline, draw_no_data, draw_text, draw_title, draw_whisker, title_height,
    to_px, Area, Backend, Svg, Target, MARGIN,
};
use super::font::{ensure_fonts, text_style};
use super::legend::{draw_legend, legend_height, LegendItem, Symbol};
use super::numbers::format_one_decimal;
use super::raster::Png;
use super::trend_scale::{grid_lines, grid_step, range_of, shared_span, window};
use super::wrap::wrap_text;
use crate::render::format::change;
use crate::render::marks::{chart_suffix, SUPPRESSED_LABEL};

/// A statement's change since the previous wave, as the aggregate stage gives it (the renderer
/// prints it, it never works it out from the values).
#[derive(Debug, Clone, PartialEq)]
pub enum TrendChange {
    /// Nothing to print: no previous wave, or no value in one of the two waves.
    None,
    /// `diff` points since the wave labelled `since` ("R5"); `significant` adds the mark "*".
    Points {
        since: String,
        diff: f64,
        significant: bool,
    },
    /// One of the two waves is hidden (too few respondents): "x 秘匿" and no number.
    Suppressed { since: String },
}

impl TrendChange {
    /// The text under the statement's name: 「前回（R5）から +2.3pt *」; `None` for nothing.
    fn text(&self) -> Option<String> {
        match self {
            TrendChange::None => None,
            TrendChange::Points {
                since,
                diff,
                significant,
            } => Some(format!(
                "前回（{since}）から {}pt{}",
                change(Some(*diff), 1),
                chart_suffix(*significant, false)
            )),
            TrendChange::Suppressed { since } => {
                Some(format!("前回（{since}）から {SUPPRESSED_LABEL}"))
            }
        }
    }

    fn significant(&self) -> bool {
        matches!(
            self,
            TrendChange::Points {
                significant: true,
                ..
            }
        )
    }
}

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
    /// The change since the previous wave, printed under the name.
    pub change: TrendChange,
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
/// A panel: name (two lines), the change since the previous wave, plot, wave labels.
const NAME_PX: f64 = 12.0;
const NAME_LINE_H: f64 = 16.0;
const CHANGE_PX: f64 = 11.0;
const CHANGE_LINE_H: f64 = 16.0;
const NAME_H: f64 = 2.0 * NAME_LINE_H + CHANGE_LINE_H + 16.0;
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
/// Legend label of the whisker.
const INTERVAL_NOTE: &str = "95%信頼区間";

/// The legend's caption of the value axis, for a span of `span` points.
fn axis_note(span: f64) -> String {
    format!(
        "縦軸（%）はどのパネルも{}ポイント分（位置は設問ごと）、右端の数値は最新の値",
        format_tick_value(span)
    )
}

/// A tick or span value: whole numbers without decimals.
fn format_tick_value(v: f64) -> String {
    crate::render::format::number(v, if v.fract() == 0.0 { 0 } else { 1 })
}

/// Draws the trend chart and returns the SVG document.
///
/// Layout: title; legend (the line, the whisker when there are intervals, the ▼ note when there
/// are negative statements, and how to read the axis, with its span); then the panels, four to
/// a row (fewer when there are fewer statements), each 198 px high: the statement's name ("▼"
/// and red for a negative statement, whose panel is tinted), its change since the previous
/// wave (「前回（R5）から +2.3pt *」, darker when significant), a plot whose value axis spans the
/// points shared by all panels around the panel's own values (see `trend_scale`) with labelled
/// grid lines every 5, 10 or 25 points, the waves along the bottom, the line through the values
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

/// The legend: line, whisker (when drawn), the ▼ note, the axis note for `span`.
fn legend(chart: &Trend, span: f64) -> Vec<LegendItem> {
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
    items.push(LegendItem::note(axis_note(span), SUBTLE_TEXT_COLOR));
    items
}

/// The lowest and highest value a series draws: its values and its finite interval ends.
fn series_range(s: &TrendSeries) -> Option<(f64, f64)> {
    let values = s.values.iter().flatten().copied();
    let ends = s
        .intervals
        .iter()
        .flatten()
        .filter(|&&iv| finite_interval(iv))
        .flat_map(|&(lo, hi)| [lo, hi]);
    range_of(values.chain(ends))
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
    let span = shared_span(chart.series.iter().filter_map(series_range));
    let legend = legend(chart, span);
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
            draw_no_data(root, (width / 2.0, header_h + body_h / 2.0))?;
        }
        for (k, series) in chart.series.iter().enumerate() {
            let (row, col) = (k / COLUMNS, k % COLUMNS);
            let panel = Panel {
                left: MARGIN + col as f64 * (panel_w + GAP_X),
                top: header_h + row as f64 * (PANEL_H + GAP_Y),
                width: panel_w,
                waves: n,
                window: window(series_range(series), span),
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
    /// The values shown, bottom to top.
    window: (f64, f64),
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

    /// y of `v` percent (values outside the window are drawn at its edge).
    fn y_of(&self, v: f64) -> f64 {
        let (lo, hi) = self.window;
        self.plot_top() + (1.0 - (v.clamp(lo, hi) - lo) / (hi - lo)) * PLOT_H
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
        // The change since the previous wave, under the name.
        if let Some(text) = s.change.text() {
            let color = if s.change.significant() {
                TEXT_COLOR
            } else {
                SUBTLE_TEXT_COLOR
            };
            let style = text_style(CHANGE_PX, &color, HPos::Left, VPos::Center);
            let y = self.top + 4.0 + 2.0 * NAME_LINE_H + CHANGE_LINE_H / 2.0;
            draw_text(root, &text, (self.left + 6.0, y), &style)?;
        }

        // Grid, ticks and wave labels; the bottom of the plot is the axis line.
        let tick_style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Right, VPos::Center);
        let (lo, hi) = self.window;
        for v in grid_lines(self.window, grid_step(hi - lo)) {
            let y = self.y_of(v);
            draw_hline(
                root,
                self.plot_left(),
                self.plot_right(),
                y,
                GRID_COLOR.stroke_width(1),
            )?;
            let at = (self.plot_left() - 4.0, y);
            draw_text(root, &format_tick_value(v), at, &tick_style)?;
        }
        let bottom_y = self.y_of(lo);
        draw_hline(
            root,
            self.plot_left(),
            self.plot_right(),
            bottom_y,
            AXIS_COLOR.stroke_width(1),
        )?;
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
        let line: Vec<Option<(f64, f64)>> = values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|v| (self.x_of(i), self.y_of(v))))
            .collect();
        draw_broken_line(root, &line, ACTUAL_COLOR.stroke_width(2))?;
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
