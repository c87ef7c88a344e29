//! Chart drawing for the survey reports with `plotters`: every chart as an SVG string and, drawn
//! by the same code, as PNG bytes.
//!
//! This module owns the charts of a report and re-exports their public API (each chart kind has
//! an `*_svg` and a `*_png` function):
//! - the grouped horizontal bar chart used for the per-statement comparisons
//!   ([`grouped_bars_svg`]: age bands, やりがい有 / やりがい無, ...), in `bars`, with its
//!   category label column in `bars_labels` and its cells in `bars_cells`: bars, 95 % confidence
//!   interval whiskers, printed values with the marks of their [`CellNote`] ("*" significant,
//!   "※" unstable) and the "x 秘匿" marker of suppressed cells;
//! - the KGI/KPI path chart ([`indicator_path_svg`]: actual values, baseline, target), in `path`,
//!   with its fiscal-year and value axes in `path_axes`, the placement of its printed values
//!   in `path_labels` and the 95 % confidence interval whiskers at the actual points in
//!   `path_intervals`;
//! - diverging stacked bars of the answer distribution per statement ([`diverging_svg`]), in
//!   `diverging`;
//! - the heatmap of shares by group coloured by the difference from overall, with the overall
//!   share as an uncoloured column ([`heatmap_svg`]), in `heatmap`;
//! - trend lines over the survey waves as small multiples with the change since the previous
//!   wave ([`trend_svg`]), in `trend`, on value axes of one shared span (`trend_scale`);
//! - for the HR statistics (職員の状況): stacked columns per fiscal year by group with each
//!   column's total ([`stacked_columns_svg`]: staff and young staff's resignations by appointing
//!   body), in `columns`; the age pyramid, men left and women right of the band labels, with
//!   hidden bands marked "x 秘匿" ([`age_pyramid_svg`]), in `pyramid`; horizontal bars
//!   comparing the city with other organisations on one indicator, the city's bars in the
//!   accent colour ([`comparison_bars_svg`]), in `comparison`; lines over fiscal years with
//!   every value printed ([`year_lines_svg`]: women's shares), in `year_lines`;
//! - the priority matrix of a key-driver analysis (importance against favourable share, four
//!   named quadrants, the items to act on first highlighted: [`priority_matrix_svg`]), in
//!   `matrix`.
//!
//! The pieces the charts are built from live in their own files:
//! - `font`: the embedded Japanese font (IPAexGothic, `fonts/ipaexg.ttf`, IPA Font License v1.0,
//!   licence text in `fonts/IPA_Font_License_Agreement_v1.0.txt`), its one-time registration with
//!   plotters' `ab_glyph` font backend, and text measurement with its metrics;
//! - `wrap`: the Japanese-aware label wrapping used for long statement labels and titles (kinsoku,
//!   no break inside a token such as 10～20歳代), and the fitting of short labels such as column
//!   headers without breaking a word;
//! - `numbers`: the number formatting used on the charts ([`format_one_decimal`], half-up
//!   rounding through [`crate::render::format::number`]);
//! - `colors`: the colour scheme, including the series palette (the same colour for a group in
//!   every chart), the blue–orange diverging scale and the accent and muted colours of
//!   comparisons;
//! - `draw`: the backends a chart is drawn on (`Backend`, and `Target`, which runs a chart's
//!   drawing code once for an SVG string or PNG bytes), small drawing primitives (text, lines,
//!   swatches, titles, the "x 秘匿" marker, the no-data caption), and the layout sizes the
//!   charts use;
//! - `raster`: the PNG target: the chart's SVG rasterised with resvg at twice its pixel size,
//!   with the embedded font as the only font;
//! - `caption`: the caption under a chart (source, what its colours mean), wrapped to two lines;
//! - `legend`: legend entries, their symbols and their row layout;
//! - `header`: a chart's title and legend rows, their height and drawing;
//! - `value_axis`: value axes from 0 to a round value above the largest value, with their grid
//!   lines and labels (the HR statistics charts);
//! - `category_axis`: categories (fiscal years) in equal slots along a horizontal axis, with
//!   their labels fitted to the slots;
//! - `test_support`, `preview` (tests only): reading text, attributes and colours back out of the
//!   SVG; sample charts, and writing every chart kind to a folder for looking at them.
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
//! the generic `sans-serif`. PNGs are drawn entirely with the embedded font, so they too are the
//! same bytes on every machine.
//!
//! Every family name that can reach plotters (ours and `sans-serif`, `serif`, `monospace`) is
//! registered, because with the `ab_glyph` backend an unregistered family fails with
//! `FontUnavailable`, even for SVG output.

mod bars;
mod bars_cells;
mod bars_labels;
mod caption;
mod category_axis;
mod colors;
mod columns;
mod comparison;
mod dashes;
mod diverging;
mod draw;
mod font;
mod header;
mod heatmap;
mod legend;
mod matrix;
mod numbers;
mod path;
mod path_axes;
mod path_intervals;
mod path_labels;
#[cfg(test)]
mod preview;
mod pyramid;
mod raster;
#[cfg(test)]
mod test_support;
mod trend;
mod trend_scale;
mod value_axis;
mod wrap;
mod year_lines;

pub use bars::{grouped_bars_png, grouped_bars_svg, GroupedBars, Series};
pub use bars_cells::CellNote;
pub use columns::{stacked_columns_png, stacked_columns_svg, StackedColumns};
pub use comparison::{comparison_bars_png, comparison_bars_svg, ComparisonBars};
pub use diverging::{diverging_png, diverging_svg, Diverging, DivergingRow, RowShares};
pub use heatmap::{heatmap_png, heatmap_svg, HeatCell, Heatmap, OverallColumn};
pub use matrix::{priority_matrix_png, priority_matrix_svg, MatrixPoint, PriorityMatrix};
pub use numbers::format_one_decimal;
pub use path::{indicator_path_png, indicator_path_svg, IndicatorPath, PathPoint, PATH_WIDTH};
pub use pyramid::{age_pyramid_png, age_pyramid_svg, AgePyramid};
pub use raster::rasterise;
pub use trend::{trend_png, trend_svg, Trend, TrendChange, TrendSeries};
pub use year_lines::{year_lines_png, year_lines_svg, YearLines, YEAR_LINES_WIDTH};
