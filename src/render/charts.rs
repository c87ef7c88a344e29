//! Chart drawing for the survey reports, rendered to SVG strings with `plotters`.
//!
//! This module owns:
//! - the embedded Japanese font (IPAexGothic, `fonts/ipaexg.ttf`, IPA Font License v1.0,
//!   licence text in `fonts/IPA_Font_License_Agreement_v1.0.txt`) and its one-time
//!   registration with plotters' `ab_glyph` font backend;
//! - the grouped horizontal bar chart used for the per-statement comparisons
//!   ([`grouped_bars_svg`]: age bands, やりがい有 / やりがい無, ...);
//! - the KGI/KPI path chart ([`indicator_path_svg`]: actual values, baseline, target);
//! - the number formatting used on the charts ([`format_one_decimal`], half-up rounding);
//! - the Japanese-aware label wrapping used for long statement labels.
//!
//! All text shown on the charts is supplied by the caller; this module only adds a few fixed
//! Japanese captions (legend entries, direction captions).
//!
//! # Fonts and reproducibility
//! plotters' SVG backend writes text as `<text>` elements whose `font-family` is the family name
//! used when drawing. Layout decisions (label wrapping, legend placement, label widths) are made
//! with the metrics of the embedded IPAexGothic font, so the SVG produced for the same input is
//! byte-identical on every machine. The glyphs themselves are drawn by whatever displays the SVG:
//! the `font-family` list names IPAexGothic first and then common Japanese system fonts, ending in
//! the generic `sans-serif`.
//!
//! Every family name that can reach plotters (ours and `sans-serif`, `serif`, `monospace`) is
//! registered, because with the `ab_glyph` backend an unregistered family fails with
//! `FontUnavailable`, even for SVG output.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use anyhow::{anyhow, bail, ensure, Result};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The embedded font (IPAexGothic 004.01 from Debian's `fonts-ipaexfont-gothic`).
static FONT_BYTES: &[u8] = include_bytes!("fonts/ipaexg.ttf");

/// Font family written into the SVG. It is also the name the embedded font is registered
/// under, so measuring and drawing use the same key.
const FONT_FAMILY: &str =
    "IPAexGothic, IPAPGothic, Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif";

/// Generic family names that plotters may fall back to; all are mapped to the embedded font.
const GENERIC_FAMILIES: [&str; 3] = ["sans-serif", "serif", "monospace"];

/// plotters' SVG backend writes `font-size = size / 1.24`; sizes below are given as the
/// font size that should appear in the SVG (CSS px), and multiplied by this factor.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// Series colours (Okabe–Ito based, distinguishable for common colour-vision deficiencies).
/// Colours repeat after eight series.
const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x7F, 0x7F, 0x7F), // grey
    RGBColor(0x33, 0x22, 0x88), // indigo
];

const TEXT_COLOR: RGBColor = RGBColor(0x22, 0x22, 0x22);
const SUBTLE_TEXT_COLOR: RGBColor = RGBColor(0x55, 0x55, 0x55);
const AXIS_COLOR: RGBColor = RGBColor(0x66, 0x66, 0x66);
const GRID_COLOR: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
const SEPARATOR_COLOR: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
/// Label colour and band shading for negative statements.
const NEGATIVE_COLOR: RGBColor = RGBColor(0xB0, 0x00, 0x20);
const NEGATIVE_BAND_COLOR: RGBColor = RGBColor(0xFC, 0xEE, 0xEF);
/// Indicator chart colours.
const ACTUAL_COLOR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
const TARGET_COLOR: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
const BASELINE_COLOR: RGBColor = RGBColor(0x44, 0x44, 0x44);

/// Marker put in front of the label of a negative statement.
const NEGATIVE_MARK: &str = "▼";
/// Legend note explaining [`NEGATIVE_MARK`].
const NEGATIVE_NOTE: &str = "▼ 否定的な設問（高いほど望ましくない）";

/// One group of bars in a [`GroupedBars`] chart (e.g. one age band).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Name shown in the legend (e.g. "30歳代", "やりがい有").
    pub name: String,
    /// One value per category, in percent (0..=100). `None` means "no data": no bar and no
    /// value label are drawn. Values outside 0..=100 are printed as given but the bar is clipped
    /// to the axis; non-finite values are treated like `None`.
    pub values: Vec<Option<f64>>,
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
    /// The baseline the target path starts from.
    pub baseline: PathPoint,
    /// The target (year and value) the path leads to.
    pub target: PathPoint,
}

// ---------------------------------------------------------------------------------------------
// Number formatting
// ---------------------------------------------------------------------------------------------

/// Rounds `v` to one decimal place, halves rounded away from zero (四捨五入: half-up for the
/// non-negative values these charts show), and formats it with exactly one decimal.
///
/// `format!("{:.1}")` rounds the binary value half-to-even, so 0.25 prints as "0.2", and a share
/// computed as 62.35 but stored as 62.349999999999994 would go down. Here the magnitude is scaled
/// by ten, a tolerance of 1e-9 (on the scaled value) treats values within floating-point noise of
/// a half as exactly half, and the result is floored after adding 0.5:
/// `floor(|v| * 10 + 0.5 + 1e-9) / 10`, the same rule as the project's table formatting. The
/// rounded value is printed from an integer, so the printed digits are exact. A result of zero
/// is printed as "0.0" (never "-0.0"). Non-finite values are printed as `"-"`.
pub fn format_one_decimal(v: f64) -> String {
    if !v.is_finite() {
        return "-".to_string();
    }
    let scaled = v.abs() * 10.0;
    if scaled >= 9.0e15 {
        // Beyond exact integer range; rounding to a tenth is meaningless there.
        return format!("{v:.1}");
    }
    let tenths = (scaled + 0.5 + 1e-9).floor() as u64;
    let sign = if v < 0.0 && tenths != 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// Formats an indicator value: whole numbers when every value on the chart is whole
/// (`whole == true`), otherwise one decimal with half-up rounding.
fn format_value(v: f64, whole: bool) -> String {
    if whole {
        let r = v.round();
        if r == 0.0 {
            "0".to_string()
        } else {
            format!("{r:.0}")
        }
    } else {
        format_one_decimal(v)
    }
}

/// Axis tick formatter: at most two decimals, trailing zeros dropped, no "-0".
fn format_tick(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 {
        return "0".to_string();
    }
    let s = format!("{r:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

// ---------------------------------------------------------------------------------------------
// Fonts and text measurement
// ---------------------------------------------------------------------------------------------

/// Registers the embedded font under every family name used, once per process.
fn ensure_fonts() -> Result<()> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            for name in std::iter::once(FONT_FAMILY).chain(GENERIC_FAMILIES) {
                plotters::style::register_font(name, FontStyle::Normal, FONT_BYTES).map_err(
                    |_| format!("the embedded font fonts/ipaexg.ttf could not be parsed ({name})"),
                )?;
            }
            Ok(())
        })
        .clone()
        .map_err(|e| anyhow!(e))
}

/// Font of the given CSS pixel size (as it will appear in the SVG).
fn font(px: f64) -> FontDesc<'static> {
    FontDesc::new(
        FontFamily::Name(FONT_FAMILY),
        px * PLOTTERS_FONT_SCALE,
        FontStyle::Normal,
    )
}

/// Text style of the given CSS pixel size, colour and anchor.
fn text_style(px: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(px).color(color).pos(Pos::new(h, v))
}

/// Size at which text is measured; large so that the integer results of plotters' layout
/// estimation are precise after scaling down.
const MEASURE_PX: f64 = 100.0;

/// Converts plotters' width estimate (ab_glyph scales by the ascender-to-descender height, not by
/// the em) to CSS pixels: a full-width ideograph is exactly one em wide in IPAexGothic.
fn measure_calibration() -> f64 {
    static FACTOR: OnceLock<f64> = OnceLock::new();
    *FACTOR.get_or_init(|| {
        let probe = "一".repeat(10);
        match font(MEASURE_PX).box_size(&probe) {
            Ok((w, _)) if w > 0 => MEASURE_PX * 10.0 / f64::from(w),
            _ => 1.0 / PLOTTERS_FONT_SCALE,
        }
    })
}

/// Width of one character in em, measured with the embedded font (falls back to a simple
/// full-width / half-width estimate if measuring fails).
fn char_width_em(c: char) -> f64 {
    let mut buf = [0u8; 4];
    match font(MEASURE_PX).box_size(c.encode_utf8(&mut buf)) {
        Ok((w, _)) => f64::from(w) * measure_calibration() / MEASURE_PX,
        Err(_) if c.is_ascii() => 0.55,
        Err(_) => 1.0,
    }
}

/// Width of `text` in CSS pixels at font size `px`.
fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(char_width_em).sum::<f64>() * px
}

/// Characters that must not start a line (行頭禁則).
const NO_LINE_START: &str =
    "、。，．・：；？！ー～）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々,.:;?!)]}%％";
/// Characters that must not end a line (行末禁則).
const NO_LINE_END: &str = "（「『【〔〈《([{";

/// Wraps `text` into lines no wider than `max_w` pixels at font size `px`, with at most
/// `max_lines` lines; the last line ends with "…" when text had to be dropped.
///
/// Breaks may fall between any two characters (Japanese has no spaces), except that closing
/// punctuation and small kana stay at the end of the previous line (they may then overhang a
/// little), opening brackets move to the next line, and runs of ASCII letters/digits are not
/// split. Explicit '\n' characters force a break.
fn wrap_text(text: &str, px: f64, max_w: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line: Vec<char> = Vec::new();
        let mut width = 0.0;
        for c in paragraph.chars() {
            let cw = char_width_em(c) * px;
            if !line.is_empty() && width + cw > max_w && !NO_LINE_START.contains(c) {
                let mut carry: Vec<char> = Vec::new();
                if c.is_ascii_alphanumeric() {
                    let run = line
                        .iter()
                        .rev()
                        .take_while(|ch| ch.is_ascii_alphanumeric() || **ch == '.')
                        .count();
                    if run < line.len() {
                        carry = line.split_off(line.len() - run);
                    }
                }
                while line.len() > 1 && line.last().is_some_and(|l| NO_LINE_END.contains(*l)) {
                    if let Some(l) = line.pop() {
                        carry.insert(0, l);
                    }
                }
                lines.push(line.iter().collect());
                width = carry.iter().map(|ch| char_width_em(*ch) * px).sum();
                line = carry;
            }
            line.push(c);
            width += cw;
        }
        lines.push(line.iter().collect());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            while !chars.is_empty()
                && text_width(&chars.iter().collect::<String>(), px) + px > max_w
            {
                chars.pop();
            }
            *last = chars.iter().collect::<String>() + "…";
        }
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Small drawing helpers
// ---------------------------------------------------------------------------------------------

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn to_px(v: f64) -> i32 {
    v.round() as i32
}

fn draw_text(area: &Area<'_>, text: &str, pos: (f64, f64), style: &TextStyle<'_>) -> Result<()> {
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

fn draw_hline(area: &Area<'_>, x0: f64, x1: f64, y: f64, style: ShapeStyle) -> Result<()> {
    area.draw(&PathElement::new(
        vec![(to_px(x0), to_px(y)), (to_px(x1), to_px(y))],
        style,
    ))?;
    Ok(())
}

fn draw_vline(area: &Area<'_>, x: f64, y0: f64, y1: f64, style: ShapeStyle) -> Result<()> {
    area.draw(&PathElement::new(
        vec![(to_px(x), to_px(y0)), (to_px(x), to_px(y1))],
        style,
    ))?;
    Ok(())
}

/// A filled square legend swatch. Drawn as a polygon so that the only `<rect>` elements in the
/// series colours are the bars themselves.
fn draw_swatch(area: &Area<'_>, x: f64, y_center: f64, size: f64, color: &RGBColor) -> Result<()> {
    let (x0, y0) = (to_px(x), to_px(y_center - size / 2.0));
    let s = to_px(size);
    area.draw(&Polygon::new(
        vec![(x0, y0), (x0 + s, y0), (x0 + s, y0 + s), (x0, y0 + s)],
        color.filled(),
    ))?;
    Ok(())
}

/// Draws wrapped title lines starting at `top`; returns the y below them.
fn draw_title(area: &Area<'_>, title: &str, width: f64, top: f64) -> Result<f64> {
    const TITLE_PX: f64 = 18.0;
    const LINE_H: f64 = 25.0;
    let style = font(TITLE_PX)
        .style(FontStyle::Bold)
        .color(&TEXT_COLOR)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let mut y = top;
    for line in wrap_text(title, TITLE_PX, width - 40.0, 2) {
        draw_text(area, &line, (width / 2.0, y + LINE_H / 2.0), &style)?;
        y += LINE_H;
    }
    Ok(y)
}

/// Draws a legend symbol at (x, y_center).
type DrawSymbol<'a> = Box<dyn Fn(&Area<'_>, f64, f64) -> Result<()> + 'a>;

/// A legend entry: the symbol is drawn by the closure at (x, y_center) within `symbol_w` pixels.
struct LegendItem<'a> {
    symbol_w: f64,
    label: String,
    label_color: RGBColor,
    symbol: DrawSymbol<'a>,
}

/// Lays legend items out in rows from `left` to `right`, starting at `top`; returns the y below
/// the last row.
fn draw_legend(
    area: &Area<'_>,
    items: &[LegendItem<'_>],
    left: f64,
    right: f64,
    top: f64,
) -> Result<f64> {
    const PX: f64 = 13.0;
    const ROW_H: f64 = 22.0;
    const GAP: f64 = 22.0;
    if items.is_empty() {
        return Ok(top);
    }
    let mut x = left;
    let mut y = top + ROW_H / 2.0;
    for item in items {
        let label_w = text_width(&item.label, PX);
        let w = item.symbol_w + 6.0 + label_w;
        if x > left && x + w > right {
            x = left;
            y += ROW_H;
        }
        (item.symbol)(area, x, y)?;
        let style = text_style(PX, &item.label_color, HPos::Left, VPos::Center);
        draw_text(area, &item.label, (x + item.symbol_w + 6.0, y), &style)?;
        x += w + GAP;
    }
    Ok(y + ROW_H / 2.0)
}

// ---------------------------------------------------------------------------------------------
// Grouped bars
// ---------------------------------------------------------------------------------------------

/// Width of a grouped bar chart in pixels.
const BARS_WIDTH: u32 = 1000;
/// Height of one bar and of the padding around a category's bars.
const BAR_H: f64 = 14.0;
const BAND_PAD: f64 = 16.0;
/// A category band is never lower than this, so that two label lines fit.
const MIN_BAND_H: f64 = 40.0;
const LABEL_PX: f64 = 13.0;
const VALUE_PX: f64 = 11.0;
const TICK_PX: f64 = 12.0;
const MARGIN: f64 = 16.0;
/// Widest category label column.
const MAX_LABEL_W: f64 = 300.0;
/// Room right of the value axis for the printed value of a 100 % bar.
const VALUE_ROOM: f64 = 44.0;

/// Height in pixels of one category band for `n_series` series.
fn band_height(n_series: usize) -> f64 {
    (n_series as f64 * BAR_H + BAND_PAD).max(MIN_BAND_H)
}

/// Draws a horizontal grouped bar chart and returns the SVG document.
///
/// Layout: title, then a legend (series colours, and the "▼" note when any statement is
/// negative), then one band per category of height `max(series × 14 + 16, 40)` px with the bars
/// in series order top to bottom, then the value axis (0–100, every 10) with its caption. The
/// width is 1000 px; the height grows with categories × series. Each bar carries its value with
/// one decimal (see [`format_one_decimal`]); `None` values draw nothing.
///
/// Errors: a series whose number of values differs from the number of categories, or a
/// non-empty `negative` of another length. Empty categories, no series and all-`None` values
/// are drawn without error (an empty chart says "表示するデータがありません").
pub fn grouped_bars_svg(chart: &GroupedBars) -> Result<String> {
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
    }
    ensure!(
        chart.negative.is_empty() || chart.negative.len() == n,
        "negative has {} entries for {} categories",
        chart.negative.len(),
        n
    );
    let is_negative = |i: usize| chart.negative.get(i).copied().unwrap_or(false);
    let any_negative = (0..n).any(is_negative);

    let width = f64::from(BARS_WIDTH);
    let n_series = chart.series.len();
    let band_h = band_height(n_series);
    let label_lines = (((band_h - 6.0) / (LABEL_PX * 1.3)).floor() as usize).clamp(1, 3);

    // Label column: as wide as the widest label, at most MAX_LABEL_W (longer labels wrap).
    let labels: Vec<String> = (0..n)
        .map(|i| {
            if is_negative(i) {
                format!("{NEGATIVE_MARK}{}", chart.categories[i])
            } else {
                chart.categories[i].clone()
            }
        })
        .collect();
    let widest = labels
        .iter()
        .map(|l| {
            l.split('\n')
                .map(|p| text_width(p, LABEL_PX))
                .fold(0.0, f64::max)
        })
        .fold(0.0, f64::max);
    let wrap_w = widest.clamp(80.0, MAX_LABEL_W);
    let wrapped: Vec<Vec<String>> = labels
        .iter()
        .map(|l| wrap_text(l, LABEL_PX, wrap_w, label_lines))
        .collect();
    // Closing punctuation may hang past the wrap width (see `wrap_text`), so measure again.
    let label_w = wrapped
        .iter()
        .flatten()
        .map(|l| text_width(l, LABEL_PX))
        .fold(wrap_w, f64::max);

    // Legend items: series, then the explanation of the negative mark.
    let mut legend: Vec<LegendItem<'_>> = chart
        .series
        .iter()
        .enumerate()
        .map(|(j, s)| {
            let color = PALETTE[j % PALETTE.len()];
            LegendItem {
                symbol_w: 14.0,
                label: s.name.clone(),
                label_color: TEXT_COLOR,
                symbol: Box::new(move |a: &Area<'_>, x, y| draw_swatch(a, x, y, 14.0, &color)),
            }
        })
        .collect();
    if any_negative {
        legend.push(LegendItem {
            symbol_w: 0.0,
            label: NEGATIVE_NOTE.to_string(),
            label_color: NEGATIVE_COLOR,
            symbol: Box::new(|_: &Area<'_>, _, _| Ok(())),
        });
    }

    // Vertical layout. The header height depends on wrapping, so measure it with a dry run of
    // the same calculations used for drawing.
    let title_lines = wrap_text(&chart.title, 18.0, width - 40.0, 2).len() as f64;
    let header_h = 12.0 + title_lines * 25.0 + 6.0 + legend_height(&legend, width) + 10.0;
    let body_h = if n == 0 { 60.0 } else { n as f64 * band_h };
    let footer_h = 58.0;
    let height = (header_h + body_h + footer_h).ceil() as u32;

    let plot_top = header_h;
    let plot_bottom = plot_top + body_h;
    let plot_left = MARGIN + label_w + 10.0;
    let plot_right = width - MARGIN - VALUE_ROOM;
    let x_of = |v: f64| plot_left + v.clamp(0.0, 100.0) / 100.0 * (plot_right - plot_left);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (BARS_WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;

        let y = draw_title(&root, &chart.title, width, 12.0)?;
        draw_legend(&root, &legend, MARGIN, width - MARGIN, y + 6.0)?;

        // Category bands: shading for negative statements, separators between categories.
        for i in 0..n {
            let top = plot_top + i as f64 * band_h;
            if is_negative(i) {
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
                    &root,
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
                draw_vline(&root, x, plot_top, plot_bottom, GRID_COLOR.stroke_width(1))?;
            }
            draw_vline(
                &root,
                x,
                plot_bottom,
                plot_bottom + 4.0,
                AXIS_COLOR.stroke_width(1),
            )?;
            draw_text(
                &root,
                &(k * 10).to_string(),
                (x, plot_bottom + 7.0),
                &tick_style,
            )?;
        }
        let desc_style = text_style(LABEL_PX, &TEXT_COLOR, HPos::Center, VPos::Top);
        draw_text(
            &root,
            &chart.value_axis_label,
            ((plot_left + plot_right) / 2.0, plot_bottom + 28.0),
            &desc_style,
        )?;

        if n == 0 {
            let style = text_style(LABEL_PX, &SUBTLE_TEXT_COLOR, HPos::Center, VPos::Center);
            draw_text(
                &root,
                "表示するデータがありません",
                ((plot_left + plot_right) / 2.0, plot_top + body_h / 2.0),
                &style,
            )?;
        }

        // Bars and their values.
        let value_style = text_style(VALUE_PX, &TEXT_COLOR, HPos::Left, VPos::Center);
        let bars_h = n_series as f64 * BAR_H;
        for i in 0..n {
            let band_top = plot_top + i as f64 * band_h;
            let first_bar_top = band_top + (band_h - bars_h) / 2.0;
            for (j, s) in chart.series.iter().enumerate() {
                let Some(v) = s.values[i].filter(|v| v.is_finite()) else {
                    continue;
                };
                let color = PALETTE[j % PALETTE.len()];
                let y0 = first_bar_top + j as f64 * BAR_H + 1.0;
                let y1 = y0 + BAR_H - 2.0;
                let x1 = x_of(v);
                root.draw(&Rectangle::new(
                    [(to_px(plot_left), to_px(y0)), (to_px(x1), to_px(y1))],
                    color.filled(),
                ))?;
                draw_text(
                    &root,
                    &format_one_decimal(v),
                    (x1 + 4.0, (y0 + y1) / 2.0),
                    &value_style,
                )?;
            }
        }

        // Category labels, right-aligned next to the axis, vertically centred in their band.
        let line_h = LABEL_PX * 1.3;
        for (i, lines) in wrapped.iter().enumerate() {
            let color = if is_negative(i) {
                NEGATIVE_COLOR
            } else {
                TEXT_COLOR
            };
            let style = text_style(LABEL_PX, &color, HPos::Right, VPos::Center);
            let center = plot_top + (i as f64 + 0.5) * band_h;
            let first = center - (lines.len() as f64 - 1.0) * line_h / 2.0;
            for (k, line) in lines.iter().enumerate() {
                draw_text(
                    &root,
                    line,
                    (plot_left - 8.0, first + k as f64 * line_h),
                    &style,
                )?;
            }
        }

        // Axis lines last so that they sit on top of the bars.
        draw_vline(
            &root,
            plot_left,
            plot_top,
            plot_bottom,
            AXIS_COLOR.stroke_width(1),
        )?;
        draw_hline(
            &root,
            plot_left,
            plot_right,
            plot_bottom,
            AXIS_COLOR.stroke_width(1),
        )?;

        root.present()?;
    }
    Ok(svg)
}

/// Height the legend will take (same row logic as [`draw_legend`]).
fn legend_height(items: &[LegendItem<'_>], width: f64) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    let (left, right) = (MARGIN, width - MARGIN);
    let mut x = left;
    let mut rows = 1.0;
    for item in items {
        let w = item.symbol_w + 6.0 + text_width(&item.label, 13.0);
        if x > left && x + w > right {
            x = left;
            rows += 1.0;
        }
        x += w + 22.0;
    }
    rows * 22.0
}

// ---------------------------------------------------------------------------------------------
// Indicator path
// ---------------------------------------------------------------------------------------------

const PATH_WIDTH: u32 = 800;
const PATH_HEIGHT: u32 = 450;

/// x axis of the indicator chart: fiscal years as a continuous range (half a year of room at both
/// ends) with ticks only at the given years. (plotters' `WithKeyPoints` cannot be used with
/// `configure_mesh` because it has no default formatting.)
struct YearAxis {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Ranged for YearAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        RangedCoordf64::from(self.lo..self.hi).map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.max_num_points() == 0 {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

/// Widest span of fiscal years an indicator chart accepts (a guard against a mistyped year).
const MAX_YEAR_SPAN: i64 = 100;

/// First fiscal year of the Reiwa era (令和元年度 = 2019).
const REIWA_OFFSET: i32 = 2018;

/// Label for a fiscal year that has no point of its own, derived from a given label: the Reiwa
/// year or the Western year in it is replaced ("R5" → "R7", "令和5年度" → "令和7年度",
/// "2023年度" → "2025年度"); otherwise "2025年度".
fn infer_year_label(year: i32, known: &BTreeMap<i32, String>) -> String {
    // Prefer the nearest known year as the template.
    let mut templates: Vec<(&i32, &String)> = known.iter().collect();
    templates.sort_by_key(|(y, _)| (**y - year).abs());
    for (&y0, l0) in templates {
        let western = y0.to_string();
        if l0.contains(&western) {
            return l0.replacen(&western, &year.to_string(), 1);
        }
        let reiwa = (y0 - REIWA_OFFSET).to_string();
        if y0 > REIWA_OFFSET && year > REIWA_OFFSET && l0.matches(&reiwa).count() == 1 {
            return l0.replacen(&reiwa, &(year - REIWA_OFFSET).to_string(), 1);
        }
    }
    format!("{year}年度")
}

/// Draws an indicator (KGI/KPI) chart and returns the SVG document (800 × 450 px).
///
/// The x axis runs over the fiscal years from the earliest of the actual points and the baseline
/// to the target year (extended to any actual point outside that span), labelled with the labels
/// given (years without a point get a label derived from a neighbour's, see `infer_year_label`;
/// labels are thinned when they would overlap). Actual values are a solid line with points and
/// printed values; the baseline is ringed; a dashed straight line ("目標への経路") joins the
/// baseline to the target, which is marked with a diamond and its value. A caption under the
/// title states the direction ("↑ 高いほど望ましい" / "↓ 低いほど望ましい"), and the unit is
/// shown above the y axis, e.g. "（%）". The y range is padded around all values including the
/// target, kept at or above 0 when no value is negative, and capped at 100 for "%" when no value
/// exceeds 100.
///
/// Printed values are whole numbers when every value on the chart is whole, otherwise one
/// decimal rounded half-up ([`format_one_decimal`]), followed by the unit.
///
/// Errors: a non-finite value anywhere, or years spanning more than 100 fiscal years.
pub fn indicator_path_svg(chart: &IndicatorPath) -> Result<String> {
    ensure_fonts()?;
    // Actual points in year order (a stable sort keeps the given order within a year).
    let mut actual: Vec<&PathPoint> = chart.actual.iter().collect();
    actual.sort_by_key(|p| p.fiscal_year);
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

    // Years and their labels (labels given with the actual points win, then baseline, target).
    let mut labels: BTreeMap<i32, String> = BTreeMap::new();
    for p in all_points() {
        labels
            .entry(p.fiscal_year)
            .or_insert_with(|| p.label.clone());
    }
    let first_year = chart
        .actual
        .iter()
        .map(|p| p.fiscal_year)
        .chain([chart.baseline.fiscal_year])
        .min()
        .unwrap_or(chart.baseline.fiscal_year);
    let last_year = all_points()
        .map(|p| p.fiscal_year)
        .max()
        .unwrap_or(chart.target.fiscal_year)
        .max(first_year);
    let first_year = first_year.min(chart.target.fiscal_year);
    ensure!(
        i64::from(last_year) - i64::from(first_year) <= MAX_YEAR_SPAN,
        "indicator chart {:?} spans fiscal years {first_year} to {last_year}; at most {MAX_YEAR_SPAN} years can be drawn",
        chart.title
    );
    let known = labels.clone();
    for year in first_year..=last_year {
        labels
            .entry(year)
            .or_insert_with(|| infer_year_label(year, &known));
    }

    // Value range.
    let whole = all_points().all(|p| p.value.fract() == 0.0);
    let unit = chart.unit.as_str();
    let value_text = |v: f64| format!("{}{}", format_value(v, whole), unit);
    let lo = all_points().map(|p| p.value).fold(f64::INFINITY, f64::min);
    let hi = all_points()
        .map(|p| p.value)
        .fold(f64::NEG_INFINITY, f64::max);
    let span = hi - lo;
    let pad = if span > 1e-9 * hi.abs().max(1.0) {
        span * 0.15
    } else {
        (hi.abs() * 0.1).max(1.0)
    };
    let mut y_lo = lo - pad;
    let mut y_hi = hi + pad;
    if lo >= 0.0 && y_lo < 0.0 {
        y_lo = 0.0;
    }
    if unit == "%" && hi <= 100.0 && y_hi > 100.0 {
        y_hi = 100.0;
    }
    if y_hi <= y_lo {
        y_hi = y_lo + 1.0;
    }

    let width = f64::from(PATH_WIDTH);
    let caption = if chart.lower_is_better {
        "↓ 低いほど望ましい"
    } else {
        "↑ 高いほど望ましい"
    };

    let legend = vec![
        LegendItem {
            symbol_w: 26.0,
            label: "実績".to_string(),
            label_color: TEXT_COLOR,
            symbol: Box::new(|a: &Area<'_>, x, y| {
                a.draw(&PathElement::new(
                    vec![(to_px(x), to_px(y)), (to_px(x + 26.0), to_px(y))],
                    ACTUAL_COLOR.stroke_width(2),
                ))?;
                a.draw(&Circle::new(
                    (to_px(x + 13.0), to_px(y)),
                    4,
                    ACTUAL_COLOR.filled(),
                ))?;
                Ok(())
            }),
        },
        LegendItem {
            symbol_w: 12.0,
            label: "基準値".to_string(),
            label_color: TEXT_COLOR,
            symbol: Box::new(|a: &Area<'_>, x, y| {
                a.draw(&Circle::new(
                    (to_px(x + 6.0), to_px(y)),
                    6,
                    BASELINE_COLOR.stroke_width(2),
                ))?;
                Ok(())
            }),
        },
        LegendItem {
            symbol_w: 30.0,
            label: "目標への経路".to_string(),
            label_color: TEXT_COLOR,
            symbol: Box::new(|a: &Area<'_>, x, y| {
                a.draw(&DashedPathElement::new(
                    vec![(to_px(x), to_px(y)), (to_px(x + 30.0), to_px(y))],
                    8,
                    5,
                    TARGET_COLOR.stroke_width(2),
                ))?;
                Ok(())
            }),
        },
        LegendItem {
            symbol_w: 14.0,
            label: "目標".to_string(),
            label_color: TEXT_COLOR,
            symbol: Box::new(|a: &Area<'_>, x, y| {
                a.draw(&diamond((to_px(x + 7.0), to_px(y)), 7))?;
                Ok(())
            }),
        },
    ];

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (PATH_WIDTH, PATH_HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        // Header: title, then the direction caption (left) and the legend (right) on one row.
        let y = draw_title(&root, &chart.title, width, 10.0)?;
        let caption_style = text_style(12.0, &SUBTLE_TEXT_COLOR, HPos::Left, VPos::Center);
        draw_text(&root, caption, (MARGIN + 4.0, y + 11.0), &caption_style)?;
        let legend_w: f64 = legend
            .iter()
            .map(|i| i.symbol_w + 6.0 + text_width(&i.label, 13.0) + 22.0)
            .sum::<f64>()
            - 22.0;
        let legend_left =
            (width - MARGIN - legend_w).max(MARGIN + 4.0 + text_width(caption, 12.0) + 22.0);
        let header_h = draw_legend(&root, &legend, legend_left, width - MARGIN, y)?;

        // X axis: one slot per fiscal year, labels thinned so that they do not overlap.
        let years: Vec<i32> = (first_year..=last_year).collect();
        let plot_w_estimate = width - MARGIN * 2.0 - 70.0;
        let slot_w = plot_w_estimate / years.len() as f64;
        let widest_label = labels
            .values()
            .map(|l| text_width(l, TICK_PX))
            .fold(0.0, f64::max);
        let step = ((widest_label + 10.0) / slot_w).ceil().max(1.0) as i32;
        let tick_years: Vec<f64> = years
            .iter()
            .copied()
            .filter(|y| {
                *y == chart.target.fiscal_year
                    || ((y - first_year) % step == 0
                        && (chart.target.fiscal_year - y >= step || *y > chart.target.fiscal_year))
            })
            .map(f64::from)
            .collect();

        let x_range = YearAxis {
            lo: f64::from(first_year) - 0.5,
            hi: f64::from(last_year) + 0.5,
            ticks: tick_years,
        };
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

        let x_fmt = |x: &f64| labels.get(&(x.round() as i32)).cloned().unwrap_or_default();
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
        let (plot_left_px, plot_top_px) = ctx.backend_coord(&(f64::from(first_year) - 0.5, y_hi));

        // Unit above the y axis, clear of the top tick label (moved right if it is too long).
        if !unit.is_empty() {
            let text = format!("（{unit}）");
            let right = (f64::from(plot_left_px) - 4.0).max(4.0 + text_width(&text, TICK_PX));
            let style = text_style(TICK_PX, &SUBTLE_TEXT_COLOR, HPos::Right, VPos::Bottom);
            draw_text(&root, &text, (right, f64::from(plot_top_px) - 12.0), &style)?;
        }

        // Value labels: 14 px above or 16 px below their point. Above is always possible (the
        // top margin has room); below only when the x axis labels are not in the way.
        let plot_h = f64::from(ctx.plotting_area().dim_in_pixel().1);
        let from_top = |v: f64| (y_hi - v) / (y_hi - y_lo) * plot_h;
        let label_offset = |v: f64, above: bool| {
            if above || plot_h - from_top(v) < 26.0 {
                -14
            } else {
                16
            }
        };
        // An actual value's label goes on the outer side of the line: above a peak, below a
        // trough, below the start of a rising line, and so on. The point at the baseline year
        // continues into the target path when it is the last one.
        let actual_above: Vec<bool> = (0..actual.len())
            .map(|i: usize| {
                let p = actual[i];
                let prev = i.checked_sub(1).map(|k| actual[k].value);
                let next = actual.get(i + 1).map(|q| q.value).or_else(|| {
                    (p.fiscal_year == chart.baseline.fiscal_year
                        && chart.target.fiscal_year > p.fiscal_year)
                        .then_some(chart.target.value)
                });
                match (prev, next) {
                    (Some(a), Some(b)) => p.value >= (a + b) / 2.0,
                    (Some(n), None) | (None, Some(n)) => p.value >= n,
                    (None, None) => true,
                }
            })
            .collect();
        // Side of an actual label sitting within 20 px of this point, if any.
        let actual_label_near = |q: &PathPoint| {
            actual
                .iter()
                .copied()
                .zip(&actual_above)
                .find(|(p, _)| {
                    p.fiscal_year == q.fiscal_year
                        && (from_top(p.value) - from_top(q.value)).abs() < 20.0
                })
                .map(|(p, above)| label_offset(p.value, *above) < 0)
        };
        // The dashed path arrives at the target from below when the target is higher: put the
        // target's label above then, below otherwise; the baseline's label the other way. A label
        // that would sit on an actual value's label goes to the other side.
        let path_rises = chart.target.value >= chart.baseline.value;
        let side = |q: &PathPoint, preferred_above: bool| match actual_label_near(q) {
            Some(actual_is_above) => !actual_is_above,
            None => preferred_above,
        };

        // Target path (under the actual line).
        ctx.draw_series(DashedLineSeries::new(
            vec![to_xy(&chart.baseline), to_xy(&chart.target)],
            8,
            5,
            TARGET_COLOR.stroke_width(2),
        ))?;

        // Actual values.
        ctx.draw_series(LineSeries::new(
            actual.iter().copied().map(to_xy),
            ACTUAL_COLOR.stroke_width(2),
        ))?;
        ctx.draw_series(
            actual
                .iter()
                .map(|p| Circle::new(to_xy(p), 4, ACTUAL_COLOR.filled())),
        )?;
        // On a steady slope the label also moves sideways, off the line: up-left or down-right of
        // a rising point, up-right or down-left of a falling one.
        let value_style = text_style(12.0, &ACTUAL_COLOR, HPos::Center, VPos::Center);
        ctx.draw_series(actual.iter().copied().enumerate().map(|(i, p)| {
            let text = value_text(p.value);
            let prev = i.checked_sub(1).map(|k| actual[k].value);
            let next = actual.get(i + 1).map(|q| q.value);
            let shift = to_px(text_width(&text, 12.0) / 2.0 + 2.0);
            let dy = label_offset(p.value, actual_above[i]);
            let dx = match (prev, next) {
                (Some(a), Some(b)) if a < p.value && p.value < b => -shift,
                (Some(a), Some(b)) if a > p.value && p.value > b => shift,
                _ => 0,
            };
            let dx = if dy < 0 { dx } else { -dx };
            EmptyElement::at(to_xy(p)) + Text::new(text, (dx, dy), value_style.clone())
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
            let style = text_style(12.0, &BASELINE_COLOR, HPos::Center, VPos::Center);
            ctx.draw_series(std::iter::once(
                EmptyElement::at(to_xy(&chart.baseline))
                    + Text::new(
                        format!("基準 {}", value_text(chart.baseline.value)),
                        (
                            0,
                            label_offset(chart.baseline.value, side(&chart.baseline, !path_rises)),
                        ),
                        style,
                    ),
            ))?;
        }

        // Target marker and value.
        let target_style = text_style(12.0, &TARGET_COLOR, HPos::Center, VPos::Center);
        ctx.draw_series(std::iter::once(
            EmptyElement::at(to_xy(&chart.target))
                + diamond((0, 0), 7)
                + Text::new(
                    format!("目標 {}", value_text(chart.target.value)),
                    (
                        0,
                        label_offset(chart.target.value, side(&chart.target, path_rises)),
                    ),
                    target_style,
                ),
        ))?;

        root.present()?;
    }
    Ok(svg)
}

/// A filled diamond marker centred at `c` with half-diagonal `r`.
fn diamond(c: (i32, i32), r: i32) -> Polygon<(i32, i32)> {
    Polygon::new(
        vec![
            (c.0, c.1 - r),
            (c.0 + r, c.1),
            (c.0, c.1 + r),
            (c.0 - r, c.1),
        ],
        TARGET_COLOR.filled(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(c: &RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }

    /// `<rect>` elements filled with one of the series colours, i.e. the bars.
    fn bar_rects(svg: &str) -> Vec<&str> {
        let fills: Vec<String> = PALETTE
            .iter()
            .map(|c| format!("fill=\"{}\"", hex(c)))
            .collect();
        svg.lines()
            .filter(|l| l.starts_with("<rect") && fills.iter().any(|f| l.contains(f.as_str())))
            .collect()
    }

    /// Text content of all `<text>` elements (plotters writes "<text ...>\ncontent\n</text>").
    fn texts(svg: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut lines = svg.lines();
        while let Some(l) = lines.next() {
            if l.starts_with("<text") {
                out.push(lines.next().unwrap_or_default().to_string());
            }
        }
        out
    }

    fn attr(el: &str, name: &str) -> f64 {
        let key = format!(" {name}=\"");
        let start = el.find(&key).expect("attribute") + key.len();
        let end = start + el[start..].find('"').expect("closing quote");
        el[start..end].parse().expect("number")
    }

    fn sample_bars() -> GroupedBars {
        GroupedBars {
            title: "設問別 肯定的回答の割合（年齢階層別）".into(),
            categories: vec![
                "仕事にやりがいを感じている".into(),
                "仕事を辞めたいと思うことがある".into(),
                "研修&OJTの機会が十分にある".into(),
            ],
            negative: vec![false, true, false],
            series: vec![
                Series {
                    name: "20歳代".into(),
                    values: vec![Some(62.25), None, Some(0.05)],
                },
                Series {
                    name: "30歳代".into(),
                    values: vec![Some(40.0), Some(12.5), None],
                },
            ],
            value_axis_label: "肯定的回答の割合（%）".into(),
        }
    }

    fn point(fy: i32, label: &str, value: f64) -> PathPoint {
        PathPoint {
            fiscal_year: fy,
            label: label.into(),
            value,
        }
    }

    fn sample_path() -> IndicatorPath {
        IndicatorPath {
            title: "KGI 仕事にやりがいを感じている職員の割合".into(),
            unit: "%".into(),
            lower_is_better: false,
            actual: vec![point(2022, "R4", 55.2), point(2023, "R5", 58.45)],
            baseline: point(2023, "R5", 58.45),
            target: point(2027, "R9", 70.0),
        }
    }

    fn assert_svg_document(svg: &str) {
        assert!(
            svg.starts_with("<svg"),
            "not an SVG document: {}",
            &svg[..40.min(svg.len())]
        );
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(!svg.contains("NaN"), "NaN coordinate in SVG");
    }

    #[test]
    fn half_up_rounding() {
        assert_eq!(format_one_decimal(62.25), "62.3");
        assert_eq!(format_one_decimal(0.05), "0.1");
        assert_eq!(format_one_decimal(0.15), "0.2");
        assert_eq!(format_one_decimal(0.25), "0.3");
        assert_eq!(format_one_decimal(2.675), "2.7");
        assert_eq!(format_one_decimal(1.04999), "1.0");
        assert_eq!(format_one_decimal(100.0), "100.0");
        assert_eq!(format_one_decimal(0.0), "0.0");
        // 249 of 400 respondents, computed the way an analysis would.
        assert_eq!(format_one_decimal(249.0 / 400.0 * 100.0), "62.3");
        // Values that came out just below the half through floating-point arithmetic.
        assert_eq!(format_one_decimal(62.249_999_999_999_99), "62.3");
        assert_eq!(format_one_decimal(100.0 * 1247.0 / 2000.0), "62.4");
        assert_eq!(format_one_decimal(100.0 * 1373.0 / 2000.0), "68.7");
        // A real value below the half still goes down.
        assert_eq!(format_one_decimal(62.2499), "62.2");
        assert_eq!(format_one_decimal(0.04999), "0.0");
        // Plain `{:.1}` gets some of these wrong; make sure the test data exercises that.
        assert_ne!(format!("{:.1}", 0.25), format_one_decimal(0.25));
        // Negative values round half away from zero; no "-0.0".
        assert_eq!(format_one_decimal(-0.05), "-0.1");
        assert_eq!(format_one_decimal(-0.04), "0.0");
        assert_eq!(format_one_decimal(-12.35), "-12.4");
        assert_eq!(format_one_decimal(f64::NAN), "-");
    }

    #[test]
    fn value_and_tick_formatting() {
        assert_eq!(format_value(12.0, true), "12");
        assert_eq!(format_value(-0.0, true), "0");
        assert_eq!(format_value(12.25, false), "12.3");
        assert_eq!(format_tick(60.0), "60");
        assert_eq!(format_tick(2.5), "2.5");
        assert_eq!(format_tick(-0.0001), "0");
    }

    #[test]
    fn fonts_register_and_measure() {
        ensure_fonts().unwrap();
        // Every family plotters may ask for resolves to the embedded font.
        for family in std::iter::once(FONT_FAMILY).chain(GENERIC_FAMILIES) {
            let f = FontDesc::new(FontFamily::Name(family), 20.0, FontStyle::Normal);
            assert!(f.box_size("日本語").is_ok(), "{family} not registered");
        }
        // Full-width characters are one em wide, ASCII narrower.
        assert!((text_width("仕事", 10.0) - 20.0).abs() < 0.5);
        let ascii = text_width("ab", 10.0);
        assert!(ascii > 5.0 && ascii < 15.0, "ascii width {ascii}");
    }

    #[test]
    fn wrap_keeps_text_and_follows_kinsoku() {
        ensure_fonts().unwrap();
        let text =
            "上司は部下の意見や提案に耳を傾け、「報告・連絡・相談」がしやすい雰囲気をつくっている";
        let lines = wrap_text(text, 13.0, 13.0 * 10.0, 10);
        assert!(lines.len() >= 4, "{lines:?}");
        assert_eq!(lines.concat(), text);
        for l in &lines[1..] {
            let first = l.chars().next().unwrap();
            assert!(
                !NO_LINE_START.contains(first),
                "line starts with {first}: {lines:?}"
            );
        }
        for l in &lines[..lines.len() - 1] {
            let last = l.chars().last().unwrap();
            assert!(
                !NO_LINE_END.contains(last),
                "line ends with {last}: {lines:?}"
            );
        }
        // ASCII words and numbers are not split.
        let lines = wrap_text("あいうえおかきくけこ OJT2024研修", 10.0, 100.0, 5);
        assert!(lines.iter().any(|l| l.contains("OJT2024")), "{lines:?}");
        // Truncation keeps the line count and marks the cut.
        let lines = wrap_text(text, 13.0, 13.0 * 10.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(text_width(&lines[1], 13.0) <= 13.0 * 10.0 + 0.5);
        // Short text stays on one line; explicit newlines break.
        assert_eq!(wrap_text("短い", 13.0, 200.0, 2), vec!["短い"]);
        assert_eq!(
            wrap_text("一行目\n二行目", 13.0, 200.0, 2),
            vec!["一行目", "二行目"]
        );
        assert_eq!(wrap_text("", 13.0, 200.0, 2), vec![""]);
    }

    #[test]
    fn bars_contain_japanese_title_labels_and_escaped_ampersand() {
        let svg = grouped_bars_svg(&sample_bars()).unwrap();
        assert_svg_document(&svg);
        let t = texts(&svg);
        assert!(
            t.iter()
                .any(|s| s == "設問別 肯定的回答の割合（年齢階層別）"),
            "{t:?}"
        );
        assert!(t.iter().any(|s| s == "仕事にやりがいを感じている"), "{t:?}");
        assert!(t.iter().any(|s| s == "肯定的回答の割合（%）"));
        assert!(t.iter().any(|s| s == "20歳代") && t.iter().any(|s| s == "30歳代"));
        // plotters escapes text content: '&' becomes "&amp;".
        assert!(
            t.iter().any(|s| s == "研修&amp;OJTの機会が十分にある"),
            "{t:?}"
        );
        assert!(!svg.contains("研修&OJT"));
        // The font family written into the SVG starts with the embedded font.
        assert!(svg.contains("font-family=\"IPAexGothic, "));
    }

    #[test]
    fn bars_one_rect_per_some_value() {
        let chart = sample_bars();
        let svg = grouped_bars_svg(&chart).unwrap();
        let some = chart
            .series
            .iter()
            .flat_map(|s| &s.values)
            .filter(|v| v.is_some())
            .count();
        assert_eq!(bar_rects(&svg).len(), some);
        // Per series: bars in that series' colour only for its Some values.
        for (j, s) in chart.series.iter().enumerate() {
            let fill = format!("fill=\"{}\"", hex(&PALETTE[j]));
            let n = bar_rects(&svg).iter().filter(|l| l.contains(&fill)).count();
            assert_eq!(n, s.values.iter().flatten().count(), "series {j}");
        }
        // Values are printed with one decimal, rounded half-up.
        let t = texts(&svg);
        for v in ["62.3", "0.1", "40.0", "12.5"] {
            assert!(t.iter().any(|s| s == v), "{v} missing in {t:?}");
        }
        assert!(!t.iter().any(|s| s == "62.2"));
    }

    #[test]
    fn bars_none_draws_nothing_and_bar_length_follows_value() {
        let mut chart = sample_bars();
        chart.series.truncate(1);
        chart.series[0].values = vec![Some(50.0), None, Some(100.0)];
        let svg = grouped_bars_svg(&chart).unwrap();
        let bars = bar_rects(&svg);
        assert_eq!(bars.len(), 2);
        let w50 = attr(bars[0], "width");
        let w100 = attr(bars[1], "width");
        assert!((w100 - 2.0 * w50).abs() <= 1.0, "{w50} vs {w100}");
        // The middle category (None) has no value label.
        let values: Vec<String> = texts(&svg)
            .into_iter()
            .filter(|s| s.ends_with(".0") || s.ends_with(".5"))
            .collect();
        assert_eq!(values, vec!["50.0", "100.0"]);
        // Bars go top to bottom in category order.
        assert!(attr(bars[0], "y") < attr(bars[1], "y"));
    }

    #[test]
    fn bars_negative_statements_are_marked() {
        let svg = grouped_bars_svg(&sample_bars()).unwrap();
        let t = texts(&svg);
        assert!(
            t.iter().any(|s| s == "▼仕事を辞めたいと思うことがある"),
            "{t:?}"
        );
        assert!(!t.iter().any(|s| s == "▼仕事にやりがいを感じている"));
        assert!(t.iter().any(|s| s == NEGATIVE_NOTE));
        // No negative statement, no note and no mark.
        let mut chart = sample_bars();
        chart.negative = vec![];
        let svg = grouped_bars_svg(&chart).unwrap();
        assert!(!svg.contains('▼'));
    }

    #[test]
    fn bars_height_scales_with_categories_and_series() {
        let height = |c: &GroupedBars| {
            let svg = grouped_bars_svg(c).unwrap();
            let first = svg.lines().next().unwrap().to_string();
            attr(&first, "height")
        };
        let mut chart = sample_bars();
        let h3 = height(&chart);
        chart.categories.push("追加の設問".into());
        chart.negative.push(false);
        for s in &mut chart.series {
            s.values.push(Some(1.0));
        }
        let h4 = height(&chart);
        assert_eq!(h4 - h3, band_height(2));
        let mut five = chart.clone();
        for k in 0..3 {
            five.series.push(Series {
                name: format!("群{k}"),
                values: vec![Some(10.0); 4],
            });
        }
        assert_eq!(height(&five) - h4, 4.0 * 3.0 * BAR_H);
    }

    #[test]
    fn bars_edge_cases_do_not_fail() {
        let empty = GroupedBars {
            title: "空".into(),
            categories: vec![],
            negative: vec![],
            series: vec![],
            value_axis_label: "%".into(),
        };
        let svg = grouped_bars_svg(&empty).unwrap();
        assert_svg_document(&svg);
        assert!(svg.contains("表示するデータがありません"));

        let mut no_series = sample_bars();
        no_series.series.clear();
        let svg = grouped_bars_svg(&no_series).unwrap();
        assert_svg_document(&svg);
        assert!(bar_rects(&svg).is_empty());

        let mut all_none = sample_bars();
        for s in &mut all_none.series {
            s.values = vec![None; 3];
        }
        let svg = grouped_bars_svg(&all_none).unwrap();
        assert_svg_document(&svg);
        assert!(bar_rects(&svg).is_empty());

        let mut odd = sample_bars();
        odd.series[0].values = vec![Some(-5.0), Some(130.0), Some(f64::NAN)];
        let svg = grouped_bars_svg(&odd).unwrap();
        assert_svg_document(&svg);
        let t = texts(&svg);
        assert!(t.iter().any(|s| s == "-5.0") && t.iter().any(|s| s == "130.0"));

        let mut long = sample_bars();
        long.categories[0] = "あ".repeat(120);
        long.title = "長いタイトル".repeat(30);
        assert_svg_document(&grouped_bars_svg(&long).unwrap());
    }

    #[test]
    fn bars_reject_mismatched_lengths() {
        let mut chart = sample_bars();
        chart.series[0].values.pop();
        assert!(grouped_bars_svg(&chart).is_err());
        let mut chart = sample_bars();
        chart.negative = vec![true];
        assert!(grouped_bars_svg(&chart).is_err());
    }

    #[test]
    fn rendering_is_deterministic() {
        assert_eq!(
            grouped_bars_svg(&sample_bars()).unwrap(),
            grouped_bars_svg(&sample_bars()).unwrap()
        );
        assert_eq!(
            indicator_path_svg(&sample_path()).unwrap(),
            indicator_path_svg(&sample_path()).unwrap()
        );
    }

    #[test]
    fn path_contains_labels_direction_and_values() {
        let svg = indicator_path_svg(&sample_path()).unwrap();
        assert_svg_document(&svg);
        assert!(svg.starts_with("<svg width=\"800\" height=\"450\""));
        let t = texts(&svg);
        assert!(t
            .iter()
            .any(|s| s == "KGI 仕事にやりがいを感じている職員の割合"));
        assert!(t.iter().any(|s| s == "目標への経路"));
        assert!(t.iter().any(|s| s == "↑ 高いほど望ましい"));
        assert!(!t.iter().any(|s| s.contains("低いほど望ましい")));
        // Values with unit, half-up; target marked.
        assert!(t.iter().any(|s| s == "55.2%"));
        assert!(t.iter().any(|s| s == "58.5%"), "{t:?}");
        assert!(t.iter().any(|s| s == "目標 70.0%"));
        // Every fiscal year from the first actual to the target is on the axis, in order.
        let years: Vec<&String> = t.iter().filter(|s| s.starts_with('R')).collect();
        assert_eq!(years, ["R4", "R5", "R6", "R7", "R8", "R9"]);
        // Dashed path: several short polylines in the target colour.
        let dashes = svg
            .lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(&hex(&TARGET_COLOR)))
            .count();
        assert!(dashes > 5, "{dashes} dash segments");

        let mut lower = sample_path();
        lower.lower_is_better = true;
        let svg = indicator_path_svg(&lower).unwrap();
        assert!(texts(&svg).iter().any(|s| s == "↓ 低いほど望ましい"));
    }

    #[test]
    fn path_whole_numbers_and_inferred_labels() {
        let chart = IndicatorPath {
            title: "KPI 職員一人当たりの月平均時間外勤務時間".into(),
            unit: "時間".into(),
            lower_is_better: true,
            actual: vec![point(2023, "令和5年度", 18.0)],
            baseline: point(2023, "令和5年度", 18.0),
            target: point(2026, "令和8年度", 12.0),
        };
        let t = texts(&indicator_path_svg(&chart).unwrap());
        assert!(t.iter().any(|s| s == "18時間"), "{t:?}");
        assert!(t.iter().any(|s| s == "目標 12時間"));
        for y in ["令和5年度", "令和6年度", "令和7年度", "令和8年度"] {
            assert!(t.iter().any(|s| s == y), "{y} missing: {t:?}");
        }
        let known: BTreeMap<i32, String> = [(2023, "2023年度".to_string())].into();
        assert_eq!(infer_year_label(2025, &known), "2025年度");
        let known: BTreeMap<i32, String> = [(2023, "R5".to_string())].into();
        assert_eq!(infer_year_label(2028, &known), "R10");
        let known: BTreeMap<i32, String> = [(2023, "基準年".to_string())].into();
        assert_eq!(infer_year_label(2024, &known), "2024年度");
    }

    #[test]
    fn path_y_range_includes_target_and_baseline() {
        // Baseline and target far outside the actual values must still be inside the plot:
        // their markers' pixel positions lie within the SVG.
        let chart = IndicatorPath {
            title: "範囲".into(),
            unit: "人".into(),
            lower_is_better: false,
            actual: vec![point(2020, "R2", 10.0), point(2021, "R3", 12.0)],
            baseline: point(2021, "R3", 12.0),
            target: point(2024, "R6", 300.0),
        };
        let svg = indicator_path_svg(&chart).unwrap();
        // Target-coloured polygons: the legend symbol first, then the marker.
        let polygons: Vec<&str> = svg
            .lines()
            .filter(|l| l.starts_with("<polygon") && l.contains(&hex(&TARGET_COLOR)))
            .collect();
        assert_eq!(polygons.len(), 2);
        let marker = polygons[1];
        let pts = marker.split("points=\"").nth(1).unwrap();
        for pair in pts.trim_end_matches("\"/>").split_whitespace() {
            let (x, y) = pair.split_once(',').unwrap();
            let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
            assert!(
                (0.0..=800.0).contains(&x) && (60.0..=450.0).contains(&y),
                "{pair}"
            );
        }
    }

    #[test]
    fn path_edge_cases_do_not_fail() {
        // Single actual point, target equal to baseline.
        let flat = IndicatorPath {
            actual: vec![point(2023, "R5", 60.0)],
            baseline: point(2023, "R5", 60.0),
            target: point(2023, "R5", 60.0),
            ..sample_path()
        };
        assert_svg_document(&indicator_path_svg(&flat).unwrap());
        // Same value, later target year.
        let level = IndicatorPath {
            target: point(2026, "R8", 58.45),
            ..sample_path()
        };
        assert_svg_document(&indicator_path_svg(&level).unwrap());
        // Negative values and zero.
        let negative = IndicatorPath {
            unit: "点".into(),
            actual: vec![point(2021, "R3", -3.5), point(2022, "R4", 0.0)],
            baseline: point(2022, "R4", 0.0),
            target: point(2025, "R7", -10.0),
            ..sample_path()
        };
        let svg = indicator_path_svg(&negative).unwrap();
        assert_svg_document(&svg);
        assert!(texts(&svg).iter().any(|s| s == "-3.5点"));
        // All zero.
        let zero = IndicatorPath {
            actual: vec![],
            baseline: point(2022, "R4", 0.0),
            target: point(2022, "R4", 0.0),
            ..sample_path()
        };
        assert_svg_document(&indicator_path_svg(&zero).unwrap());
        // Actual points before the baseline and after the target; many years.
        let wide = IndicatorPath {
            actual: (2000..2031)
                .map(|y| point(y, &format!("{y}年度"), 50.0 + f64::from(y % 7)))
                .collect(),
            baseline: point(2010, "2010年度", 53.0),
            target: point(2025, "2025年度", 80.0),
            ..sample_path()
        };
        assert_svg_document(&indicator_path_svg(&wide).unwrap());
        // Over 100 % is not capped away.
        let over = IndicatorPath {
            target: point(2027, "R9", 120.0),
            ..sample_path()
        };
        assert_svg_document(&indicator_path_svg(&over).unwrap());
        // Unsorted actual points draw the same chart as sorted ones.
        let mut unsorted = sample_path();
        unsorted.actual.reverse();
        assert_eq!(
            indicator_path_svg(&unsorted).unwrap(),
            indicator_path_svg(&sample_path()).unwrap()
        );
        // A mistyped year is an error, not a huge axis.
        let typo = IndicatorPath {
            target: point(20270, "R9", 70.0),
            ..sample_path()
        };
        assert!(indicator_path_svg(&typo).is_err());
        // Non-finite values are an error, not a panic.
        let nan = IndicatorPath {
            target: point(2027, "R9", f64::NAN),
            ..sample_path()
        };
        assert!(indicator_path_svg(&nan).is_err());
    }
}
