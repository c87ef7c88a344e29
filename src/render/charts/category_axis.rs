//! Categories along a horizontal axis (the fiscal years of the stacked columns and of the year
//! lines): one slot of equal width per category, and the category labels fitted to their slot
//! (the largest font size from 12 down to 10 px at which no label is broken inside a word, on
//! at most two lines; see `wrap::fit_labels`) and drawn centred under the axis. When they do not
//! fit so (a label would be cut short or be wider than its slot), each label is kept whole on
//! one line at 10 px and only every k-th is drawn, counted from the last.

use anyhow::Result;
use plotters::style::text_anchor::{HPos, VPos};

use super::colors::TEXT_COLOR;
use super::draw::{draw_text, Area, Backend, MARGIN};
use super::font::{text_style, text_width};
use super::wrap::fit_labels;

/// Largest and smallest font size of the labels, and their most lines.
const LABEL_PX: f64 = 12.0;
const MIN_LABEL_PX: f64 = 10.0;
const MAX_LINES: usize = 2;
/// Space kept between the labels of neighbouring slots.
const SLOT_PAD: f64 = 6.0;
/// Space between the axis and the labels.
const GAP: f64 = 6.0;
/// How far a label may reach past the ends of the axis (into the chart's margin).
const OVERHANG: f64 = MARGIN - 2.0;

/// The categories' slots from `left` and their fitted labels.
pub(super) struct CategoryAxis {
    left: f64,
    right: f64,
    slot: f64,
    px: f64,
    lines: Vec<Vec<String>>,
    /// Every how many categories a label is drawn.
    every: usize,
}

impl CategoryAxis {
    /// Slots for `categories` between `left` and `right`, and their labels.
    pub(super) fn new(categories: &[String], left: f64, right: f64) -> CategoryAxis {
        let slot = (right - left) / categories.len().max(1) as f64;
        let max_w = (slot - SLOT_PAD).max(1.0);
        let (px, lines) = fit_labels(categories, LABEL_PX, MIN_LABEL_PX, max_w, MAX_LINES);
        let whole = categories.iter().zip(&lines).all(|(label, lines)| {
            lines.concat() == *label && lines.iter().all(|l| text_width(l, px) <= max_w)
        });
        let (px, lines) = if whole {
            (px, lines)
        } else {
            let one_line = categories.iter().map(|c| vec![c.clone()]).collect();
            (MIN_LABEL_PX, one_line)
        };
        let widest = lines
            .iter()
            .flatten()
            .map(|l| text_width(l, px))
            .fold(0.0, f64::max);
        CategoryAxis {
            left,
            right,
            slot,
            px,
            lines,
            every: ((widest + SLOT_PAD) / slot).ceil().max(1.0) as usize,
        }
    }

    /// Width of one category's slot.
    pub(super) fn slot(&self) -> f64 {
        self.slot
    }

    /// x of the middle of category `i`'s slot.
    pub(super) fn x_of(&self, i: usize) -> f64 {
        self.left + (i as f64 + 0.5) * self.slot
    }

    fn line_h(&self) -> f64 {
        self.px * 1.25
    }

    /// Height the labels take under the axis.
    pub(super) fn height(&self) -> f64 {
        let lines = self.lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        GAP + lines as f64 * self.line_h()
    }

    /// Every how many categories a text `width` pixels wide, centred on its category, can be
    /// drawn without touching the next one drawn.
    pub(super) fn every(&self, width: f64) -> usize {
        ((width + SLOT_PAD) / self.slot).ceil().max(1.0) as usize
    }

    /// Whether category `i` of `n` is one of every `every`, counted from the last (which is
    /// always one).
    pub(super) fn shown(i: usize, n: usize, every: usize) -> bool {
        (n - 1 - i).is_multiple_of(every.max(1))
    }

    /// Draws the labels under the axis at `axis_y`, each centred on its slot but kept within
    /// a few pixels of the axis' ends.
    pub(super) fn draw<DB: Backend>(&self, root: &Area<DB>, axis_y: f64) -> Result<()> {
        let style = text_style(self.px, &TEXT_COLOR, HPos::Center, VPos::Top);
        let n = self.lines.len();
        for (i, lines) in self.lines.iter().enumerate() {
            if !Self::shown(i, n, self.every) {
                continue;
            }
            let half = lines
                .iter()
                .map(|l| text_width(l, self.px) / 2.0)
                .fold(0.0, f64::max);
            let lowest = self.left + half - OVERHANG;
            let x = self.x_of(i).min(self.right + OVERHANG - half).max(lowest);
            for (k, line) in lines.iter().enumerate() {
                let at = (x, axis_y + GAP + k as f64 * self.line_h());
                draw_text(root, line, at, &style)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::draw::{Svg, Target};
    use crate::render::charts::font::ensure_fonts;
    use crate::render::charts::test_support::attr;

    #[test]
    fn slots_and_labels() {
        ensure_fonts().unwrap();
        let years: Vec<String> = ["H25", "H26", "R1", "R2"].map(String::from).to_vec();
        let axis = CategoryAxis::new(&years, 100.0, 500.0);
        assert_eq!(axis.slot(), 100.0);
        assert_eq!(axis.x_of(0), 150.0);
        assert_eq!(axis.x_of(3), 450.0);
        assert_eq!((axis.px, axis.every), (LABEL_PX, 1));
        assert_eq!(axis.lines[0], ["H25"]);
        // A label with a real boundary may take two lines.
        let split = vec!["令和5年度・速報".to_string(); 4];
        let axis = CategoryAxis::new(&split, 0.0, 4.0 * 80.0);
        assert_eq!(
            (axis.lines[0].len(), axis.every),
            (2, 1),
            "{:?}",
            axis.lines
        );
        // Forty years in 400 px: labels too wide for 10 px slots are kept whole on one line at
        // 10 px and thinned from the last.
        let many: Vec<String> = (2001..=2040).map(|y| format!("{y}年度")).collect();
        let axis = CategoryAxis::new(&many, 0.0, 400.0);
        assert_eq!(axis.px, MIN_LABEL_PX);
        assert!(many
            .iter()
            .zip(&axis.lines)
            .all(|(m, l)| l == &vec![m.clone()]));
        let step = axis.every as f64 * axis.slot();
        assert!(axis.every > 1 && text_width("2040年度", MIN_LABEL_PX) + SLOT_PAD <= step);
        assert!(CategoryAxis::shown(39, 40, axis.every));
        assert!(!CategoryAxis::shown(38, 40, axis.every));
        // Labels near the ends stay within the margin past the axis' ends.
        let years: Vec<String> = (1..=12).map(|k| format!("令和{k}年度（速報値）")).collect();
        let axis = CategoryAxis::new(&years, 30.0, 370.0);
        let svg = Svg.render((400, 60), |root| axis.draw(root, 10.0)).unwrap();
        let lines: Vec<&str> = svg.lines().collect();
        let drawn: Vec<(f64, f64)> = lines
            .windows(2)
            .filter(|w| w[0].starts_with("<text"))
            .map(|w| (attr(w[0], "x"), text_width(w[1], axis.px) / 2.0))
            .collect();
        assert!(drawn.len() > 1, "{svg}");
        for (x, half) in drawn {
            assert!(x - half >= 30.0 - OVERHANG - 1.0 && x + half <= 370.0 + OVERHANG + 1.0);
        }
        // No categories: one slot, nothing drawn.
        let axis = CategoryAxis::new(&[], 0.0, 400.0);
        assert_eq!(axis.slot(), 400.0);
        assert!(axis.height() > GAP);
    }
}
