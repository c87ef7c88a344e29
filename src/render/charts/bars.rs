//! The grouped horizontal bar chart ([`grouped_bars_svg`]): its input ([`GroupedBars`],
//! [`Series`]), its layout (category bands, legend with the notes on negative statements and on
//! the marks used, value axis) and its drawing. The category label column is in `bars_labels`;
//! the cells (bars, confidence interval whiskers, printed values with their marks, suppressed
//! cells) and [`CellNote`] are in `bars_cells`.

use anyhow::{ensure, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars_cells::{draw_cell, suffix_room, Cell, CellNote, CellPlace, Marks};
use super::bars_labels::{LabelColumn, LABEL_PX};
use super::colors::{
    series_color, AXIS_COLOR, GRID_COLOR, NEGATIVE_BAND_COLOR, NEGATIVE_COLOR, SEPARATOR_COLOR,
    SUBTLE_TEXT_COLOR, TEXT_COLOR,
};
use super::draw::{
    draw_hline, draw_no_data, draw_text, draw_title, draw_vline, title_height, to_px, Svg, Target,
    MARGIN, TICK_PX,
};
use super::font::{ensure_fonts, text_style};
use super::legend::{draw_legend, legend_height, LegendItem};
use super::raster::Png;

/// Legend note explaining the "▼" put in front of the label of a negative statement.
pub(super) const NEGATIVE_NOTE: &str = "▼ 否定的な設問（高いほど望ましくない）";

/// One group of bars in a [`GroupedBars`] chart (e.g. one age band).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Name shown in the legend (e.g. "30歳代", "やりがい有").
    pub name: String,
    /// One value per category, in percent (0..=100). `None` means "no data": no bar and no
    /// value label are drawn. Values outside 0..=100 are printed as given but the bar is clipped
    /// to the axis; non-finite values are treated like `None`.
    pub values: Vec<Option<f64>>,
    /// 95 % confidence interval per category (low, high) in percent, drawn as a thin dark whisker
    /// with end caps across the bar's middle (also where the value is `None`); the printed value
    /// moves right of the whisker. Empty means no intervals; otherwise one entry per category.
    /// Non-finite intervals are treated like `None`.
    pub intervals: Vec<Option<(f64, f64)>>,
    /// Per category: how the value is to be read (marks after the printed value, suppression).
    /// Empty means all [`CellNote::Plain`]; otherwise one entry per category.
    pub notes: Vec<CellNote>,
    /// The group's number of respondents, shown after its name in the legend ("30歳代（n=212）");
    /// `None` shows none (a hidden group, or n unknown).
    pub n: Option<u32>,
}

impl Series {
    /// The legend label: the name, with the group's n when it is given.
    fn legend_label(&self) -> String {
        match self.n {
            Some(n) => format!("{}（n={n}）", self.name),
            None => self.name.clone(),
        }
    }
}

/// A horizontal grouped bar chart: categories down the y axis, one bar per series inside each
/// category, value axis 0..100 %.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedBars {
    /// Chart title (wrapped to at most two lines).
    pub title: String,
    /// Category labels, top to bottom (e.g. the survey statements). Long labels are wrapped
    /// (Japanese line-breaking rules for punctuation) and truncated with "…" when they do not fit
    /// into the band of their category.
    pub categories: Vec<String>,
    /// Per category: `true` for a negative statement, where a high share is bad. Its label is
    /// prefixed with "▼" and drawn in red on a tinted band, and the legend explains the mark.
    /// May be empty (no negative statements); otherwise it must have one entry per category.
    pub negative: Vec<bool>,
    /// The groups compared; each must have exactly one value per category.
    pub series: Vec<Series>,
    /// Caption of the value axis, e.g. "肯定的回答の割合（%）".
    pub value_axis_label: String,
}

impl GroupedBars {
    /// Whether category `i` is a negative statement.
    pub(super) fn is_negative(&self, i: usize) -> bool {
        self.negative.get(i).copied().unwrap_or(false)
    }
}

/// Width of a grouped bar chart in pixels.
const BARS_WIDTH: u32 = 1000;
/// Height of one bar and of the padding around a category's bars.
const BAR_H: f64 = 14.0;
const BAND_PAD: f64 = 16.0;
/// A category band is never lower than this, so that two label lines fit.
const MIN_BAND_H: f64 = 40.0;
/// Room right of the value axis for the printed value of a 100 % bar (plus the widest mark
/// printed after a value).
const VALUE_ROOM: f64 = 44.0;

/// Height in pixels of one category band for `n_series` series.
fn band_height(n_series: usize) -> f64 {
    (n_series as f64 * BAR_H + BAND_PAD).max(MIN_BAND_H)
}

/// Draws a horizontal grouped bar chart and returns the SVG document.
///
/// Layout: title, then a legend (series colours with each group's n when given, and the "▼"
/// note when any statement is negative), then one band per category of height `max(series × 14 + 16, 40)` px with the bars
/// in series order top to bottom, then the value axis (0–100, every 10) with its caption. The
/// width is 1000 px; the height grows with categories × series. Each bar carries its value with
/// one decimal (see [`format_one_decimal`](super::format_one_decimal)) and the marks of its
/// [`CellNote`]; `None` values draw no bar. Intervals are whiskers; suppressed cells show only
/// "x 秘匿". The legend explains each mark the chart shows (interval, "*", "※", "x 秘匿").
///
/// Errors: a series whose number of values differs from the number of categories, a non-empty
/// `intervals` or `notes` of another length, or a non-empty `negative` of another length. Empty categories, no series and all-`None` values
/// are drawn without error (an empty chart says "表示するデータがありません").
pub fn grouped_bars_svg(chart: &GroupedBars) -> Result<String> {
    grouped_bars(chart, Svg)
}

/// Draws the same chart as [`grouped_bars_svg`] as a PNG image (at twice the SVG's pixel size)
/// and returns its bytes; the same input gives the same bytes.
pub fn grouped_bars_png(chart: &GroupedBars) -> Result<Vec<u8>> {
    grouped_bars(chart, Png)
}

/// Draws the grouped bar chart on `target`.
fn grouped_bars<T: Target>(chart: &GroupedBars, target: T) -> Result<T::Output> {
    ensure_fonts()?;
    let n = chart.categories.len();
    for s in &chart.series {
        ensure!(
            s.values.len() == n,
            "series {:?} has {} values for {} categories",
            s.name,
            s.values.len(),
            n
        );
        for (what, len) in [("intervals", s.intervals.len()), ("notes", s.notes.len())] {
            ensure!(
                len == 0 || len == n,
                "series {:?} has {len} {what} for {n} categories",
                s.name
            );
        }
    }
    ensure!(
        chart.negative.is_empty() || chart.negative.len() == n,
        "negative has {} entries for {} categories",
        chart.negative.len(),
        n
    );
    let any_negative = (0..n).any(|i| chart.is_negative(i));

    let width = f64::from(BARS_WIDTH);
    let n_series = chart.series.len();
    let band_h = band_height(n_series);
    let labels = LabelColumn::new(chart, band_h);

    // Legend items: series, the explanation of the negative mark, then of the other marks.
    let mut legend: Vec<LegendItem> = chart
        .series
        .iter()
        .enumerate()
        .map(|(j, s)| LegendItem::swatch(s.legend_label(), series_color(j)))
        .collect();
    if any_negative {
        legend.push(LegendItem::note(NEGATIVE_NOTE, NEGATIVE_COLOR));
    }
    legend.extend(Marks::of(&chart.series, n).legend());

    // Vertical layout. The header height depends on wrapping, so measure it with a dry run of
    // the same calculations used for drawing.
    let header_h = 12.0
        + title_height(&chart.title, width)
        + 6.0
        + legend_height(&legend, MARGIN, width - MARGIN)
        + 10.0;
    let body_h = if n == 0 { 60.0 } else { n as f64 * band_h };
    let footer_h = 58.0;
    let height = (header_h + body_h + footer_h).ceil() as u32;

    let plot_top = header_h;
    let plot_bottom = plot_top + body_h;
    let plot_left = MARGIN + labels.width + 10.0;
    let plot_right = width - MARGIN - VALUE_ROOM - suffix_room(&chart.series, n);
    let x_of = |v: f64| plot_left + v.clamp(0.0, 100.0) / 100.0 * (plot_right - plot_left);

    target.render((BARS_WIDTH, height), |root| {
        let y = draw_title(root, &chart.title, width, 12.0)?;
        draw_legend(root, &legend, MARGIN, width - MARGIN, y + 6.0)?;

        // Category bands: shading for negative statements, separators between categories.
        for i in 0..n {
            let top = plot_top + i as f64 * band_h;
            if chart.is_negative(i) {
                root.draw(&Rectangle::new(
                    [
                        (to_px(MARGIN), to_px(top)),
                        (to_px(plot_right), to_px(top + band_h)),
                    ],
                    NEGATIVE_BAND_COLOR.filled(),
                ))?;
            }
            if i > 0 {
                draw_hline(
                    root,
                    MARGIN,
                    plot_right,
                    top,
                    SEPARATOR_COLOR.stroke_width(1),
                )?;
            }
        }

        // Value grid and axis labels.
        let tick_style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Center, VPos::Top);
        for k in 0..=10 {
            let v = f64::from(k) * 10.0;
            let x = x_of(v);
            if k > 0 {
                draw_vline(root, x, plot_top, plot_bottom, GRID_COLOR.stroke_width(1))?;
            }
            draw_vline(
                root,
                x,
                plot_bottom,
                plot_bottom + 4.0,
                AXIS_COLOR.stroke_width(1),
            )?;
            draw_text(
                root,
                &(k * 10).to_string(),
                (x, plot_bottom + 7.0),
                &tick_style,
            )?;
        }
        let desc_style = text_style(LABEL_PX, &TEXT_COLOR, HPos::Center, VPos::Top);
        draw_text(
            root,
            &chart.value_axis_label,
            ((plot_left + plot_right) / 2.0, plot_bottom + 28.0),
            &desc_style,
        )?;

        if n == 0 {
            let at = ((plot_left + plot_right) / 2.0, plot_top + body_h / 2.0);
            draw_no_data(root, at)?;
        }

        // Bars, whiskers and values.
        let bars_h = n_series as f64 * BAR_H;
        for i in 0..n {
            let band_top = plot_top + i as f64 * band_h;
            let first_bar_top = band_top + (band_h - bars_h) / 2.0;
            for (j, s) in chart.series.iter().enumerate() {
                let y0 = first_bar_top + j as f64 * BAR_H + 1.0;
                let place = CellPlace {
                    y0,
                    y1: y0 + BAR_H - 2.0,
                    x_zero: plot_left,
                    x_of: &x_of,
                };
                draw_cell(root, &Cell::of(s, i), &place, &series_color(j))?;
            }
        }

        // Category labels, right-aligned next to the axis, vertically centred in their band.
        labels.draw(root, plot_left - 8.0, plot_top, band_h)?;

        // Axis lines last so that they sit on top of the bars.
        draw_vline(
            root,
            plot_left,
            plot_top,
            plot_bottom,
            AXIS_COLOR.stroke_width(1),
        )?;
        draw_hline(
            root,
            plot_left,
            plot_right,
            plot_bottom,
            AXIS_COLOR.stroke_width(1),
        )?;

        Ok(())
    })
}

#[cfg(test)]
#[path = "bars_tests.rs"]
mod tests;
