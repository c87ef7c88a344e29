//! Categories along a horizontal axis (the fiscal years of the stacked columns and of the year
//! lines): one slot of equal width per category, and the category labels fitted to their slot
//! (the largest font size from 12 down to 10 px at which no label is broken inside a word, on
//! at most two lines; see `wrap::fit_labels`) and drawn centred under the axis. When even so the
//! labels are wider than their slots, only every k-th label is drawn, counted from the last.

use anyhow::Result;
use plotters::style::text_anchor::{HPos, VPos};

use super::colors::TEXT_COLOR;
use super::draw::{draw_text, Area, Backend};
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

/// The categories' slots from `left` and their fitted labels.
pub(super) struct CategoryAxis {
    left: f64,
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
        let (px, lines) = fit_labels(
            categories,
            LABEL_PX,
            MIN_LABEL_PX,
            (slot - SLOT_PAD).max(1.0),
            MAX_LINES,
        );
        let widest = lines
            .iter()
            .flatten()
            .map(|l| text_width(l, px))
            .fold(0.0, f64::max);
        CategoryAxis {
            left,
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
        (n - 1 - i) % every.max(1) == 0
    }

    /// Draws the labels under the axis at `axis_y`.
    pub(super) fn draw<DB: Backend>(&self, root: &Area<DB>, axis_y: f64) -> Result<()> {
        let style = text_style(self.px, &TEXT_COLOR, HPos::Center, VPos::Top);
        let n = self.lines.len();
        for (i, lines) in self.lines.iter().enumerate() {
            if !Self::shown(i, n, self.every) {
                continue;
            }
            for (k, line) in lines.iter().enumerate() {
                let at = (self.x_of(i), axis_y + GAP + k as f64 * self.line_h());
                draw_text(root, line, at, &style)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::font::ensure_fonts;

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
        // Forty years in 400 px: labels too wide for 10 px slots are thinned from the last.
        let many: Vec<String> = (1..=40).map(|k| format!("R{k}")).collect();
        let axis = CategoryAxis::new(&many, 0.0, 400.0);
        assert!(axis.every > 1, "{}", axis.every);
        assert!(CategoryAxis::shown(39, 40, axis.every));
        assert!(!CategoryAxis::shown(38, 40, axis.every));
        // No categories: one slot, nothing drawn.
        let axis = CategoryAxis::new(&[], 0.0, 400.0);
        assert_eq!(axis.slot(), 400.0);
        assert!(axis.height() > GAP);
    }
}
