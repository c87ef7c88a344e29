//! The category label column of the bar chart (also the row labels of the diverging bars and the
//! heatmap): labels of negative statements marked with "▼", wrapped to a column as wide as the
//! widest label (at most [`MAX_LABEL_W`]), and drawn right-aligned next to the value axis,
//! centred in their category band.

use anyhow::Result;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::GroupedBars;
use super::colors::{NEGATIVE_COLOR, TEXT_COLOR};
use super::draw::{draw_text, Area, Backend};
use super::font::{text_style, text_width};
use super::wrap::wrap_text;

/// Font size of category labels (also used for the other captions of the bar chart).
pub(super) const LABEL_PX: f64 = 13.0;
/// Line height of wrapped category labels.
const LINE_H: f64 = LABEL_PX * 1.3;
/// Widest category label column.
const MAX_LABEL_W: f64 = 300.0;
/// Marker put in front of the label of a negative statement.
pub(super) const NEGATIVE_MARK: &str = "▼";

/// The wrapped category labels and the width of their column.
pub(super) struct LabelColumn {
    /// Per category: its label's lines, and whether it is a negative statement.
    labels: Vec<(Vec<String>, bool)>,
    /// Width of the column in pixels.
    pub(super) width: f64,
}

impl LabelColumn {
    /// Labels of the chart's categories for bands `band_h` pixels high (one to three lines each,
    /// as many as fit).
    pub(super) fn new(chart: &GroupedBars, band_h: f64) -> LabelColumn {
        let labels = (0..chart.categories.len())
            .map(|i| (chart.categories[i].as_str(), chart.is_negative(i)));
        LabelColumn::of(labels, band_h)
    }

    /// Labels (text, negative statement) for bands `band_h` pixels high (one to three lines
    /// each, as many as fit).
    pub(super) fn of<'a>(
        labels: impl Iterator<Item = (&'a str, bool)>,
        band_h: f64,
    ) -> LabelColumn {
        let max_lines = (((band_h - 6.0) / LINE_H).floor() as usize).clamp(1, 3);
        let marked: Vec<(String, bool)> = labels
            .map(|(label, negative)| {
                let label = if negative {
                    format!("{NEGATIVE_MARK}{label}")
                } else {
                    label.to_string()
                };
                (label, negative)
            })
            .collect();
        // As wide as the widest label, at most MAX_LABEL_W (longer labels wrap).
        let widest = marked
            .iter()
            .map(|(l, _)| {
                l.split('\n')
                    .map(|p| text_width(p, LABEL_PX))
                    .fold(0.0, f64::max)
            })
            .fold(0.0, f64::max);
        let wrap_w = widest.clamp(80.0, MAX_LABEL_W);
        let labels: Vec<(Vec<String>, bool)> = marked
            .iter()
            .map(|(l, negative)| (wrap_text(l, LABEL_PX, wrap_w, max_lines), *negative))
            .collect();
        // Closing punctuation may hang past the wrap width (see `wrap_text`), so measure again.
        let width = labels
            .iter()
            .flat_map(|(lines, _)| lines)
            .map(|l| text_width(l, LABEL_PX))
            .fold(wrap_w, f64::max);
        LabelColumn { labels, width }
    }

    /// The most lines a label takes.
    pub(super) fn max_lines(&self) -> usize {
        self.labels.iter().map(|(l, _)| l.len()).max().unwrap_or(0)
    }

    /// Draws the labels right-aligned at `right`, each vertically centred in its band (bands of
    /// `band_h` pixels from `top`); negative statements in red.
    pub(super) fn draw<DB: Backend>(
        &self,
        area: &Area<DB>,
        right: f64,
        top: f64,
        band_h: f64,
    ) -> Result<()> {
        for (i, (lines, negative)) in self.labels.iter().enumerate() {
            let color = if *negative {
                NEGATIVE_COLOR
            } else {
                TEXT_COLOR
            };
            let style = text_style(LABEL_PX, &color, HPos::Right, VPos::Center);
            let center = top + (i as f64 + 0.5) * band_h;
            let first = center - (lines.len() as f64 - 1.0) * LINE_H / 2.0;
            for (k, line) in lines.iter().enumerate() {
                draw_text(area, line, (right, first + k as f64 * LINE_H), &style)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::bars::Series;
    use crate::render::charts::font::ensure_fonts;

    #[test]
    fn negative_labels_are_marked_and_the_column_fits_them() {
        ensure_fonts().unwrap();
        let chart = GroupedBars {
            title: String::new(),
            categories: vec!["短い".into(), "仕事を辞めたいと思うことがある".repeat(4)],
            negative: vec![false, true],
            series: vec![Series {
                name: "全体".into(),
                values: vec![None, None],
                intervals: vec![],
                notes: vec![],
                n: None,
            }],
            value_axis_label: String::new(),
        };
        let column = LabelColumn::new(&chart, 40.0);
        assert_eq!(column.labels[0], (vec!["短い".to_string()], false));
        let (lines, negative) = &column.labels[1];
        assert!(
            *negative && lines[0].starts_with(NEGATIVE_MARK),
            "{lines:?}"
        );
        assert_eq!(lines.len(), 2, "a 40 px band holds two lines: {lines:?}");
        assert!(lines[1].ends_with('…'));
        assert!(column.width >= MAX_LABEL_W);
        for line in lines {
            assert!(text_width(line, LABEL_PX) <= column.width);
        }
    }

    #[test]
    fn wrapped_labels_keep_tokens_whole() {
        ensure_fonts().unwrap();
        let label = "職場内のコミュニケーションや情報共有が、10～20歳代の職員と30歳代の職員の間で令和6年度に十分に行われている";
        let token_ends = ["10～20歳代", "30歳代", "令和6年度"];
        for extra in 0..12 {
            // Shift the breaks across the tokens by padding the start of the label.
            let text = format!("{}{label}", "あ".repeat(extra));
            let chart = GroupedBars {
                title: String::new(),
                categories: vec![text.clone()],
                negative: vec![],
                series: vec![],
                value_axis_label: String::new(),
            };
            let (lines, _) = &LabelColumn::new(&chart, 80.0).labels[0];
            assert!(lines.len() > 1, "{lines:?}");
            let mut at = 0;
            for line in &lines[..lines.len() - 1] {
                at += line.len();
                for t in token_ends {
                    for (b, _) in text.match_indices(t) {
                        assert!(at <= b || at >= b + t.len(), "{t} split: {lines:?}");
                    }
                }
            }
        }
    }
}
