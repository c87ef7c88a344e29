//! Chart drawing for the survey reports, rendered to SVG strings with `plotters`.
//!
//! This module owns the two charts of a report and re-exports their public API:
//! - the grouped horizontal bar chart used for the per-statement comparisons
//!   ([`grouped_bars_svg`]: age bands, やりがい有 / やりがい無, ...), in `bars`, with its
//!   category label column in `bars_labels` and its cells in `bars_cells`: bars, 95 % confidence
//!   interval whiskers, printed values with the marks of their [`CellNote`] ("*" significant,
//!   "※" unstable) and the "＊秘匿" marker of suppressed cells;
//! - the KGI/KPI path chart ([`indicator_path_svg`]: actual values, baseline, target), in `path`,
//!   with its fiscal-year and value axes in `path_axes`, the placement of its printed values
//!   in `path_labels` and the 95 % confidence interval whiskers at the actual points in
//!   `path_intervals`.
//!
//! The pieces both charts are built from live in their own files:
//! - `font`: the embedded Japanese font (IPAexGothic, `fonts/ipaexg.ttf`, IPA Font License v1.0,
//!   licence text in `fonts/IPA_Font_License_Agreement_v1.0.txt`), its one-time registration with
//!   plotters' `ab_glyph` font backend, and text measurement with its metrics;
//! - `wrap`: the Japanese-aware label wrapping used for long statement labels and titles;
//! - `numbers`: the number formatting used on the charts ([`format_one_decimal`], half-up
//!   rounding through [`crate::render::format::number`]);
//! - `colors`: the colour scheme;
//! - `draw`: the SVG document and small drawing primitives (text, lines, swatches, titles), and
//!   the layout sizes both charts use;
//! - `legend`: legend entries and their row layout;
//! - `test_support` (tests only): reading text, attributes and colours back out of the SVG.
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

mod bars;
mod bars_cells;
mod bars_labels;
mod colors;
mod draw;
mod font;
mod legend;
mod numbers;
mod path;
mod path_axes;
mod path_intervals;
mod path_labels;
#[cfg(test)]
mod test_support;
mod wrap;

pub use bars::{grouped_bars_svg, GroupedBars, Series};
pub use bars_cells::CellNote;
pub use numbers::format_one_decimal;
pub use path::{indicator_path_svg, IndicatorPath, PathPoint};
