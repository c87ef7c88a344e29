//! A caption under a chart (a source, or what its colours and lines mean): subtle text wrapped
//! between the margins to a given number of lines at most, its height known before anything
//! is drawn.

use anyhow::Result;
use plotters::style::text_anchor::{HPos, VPos};

use super::colors::SUBTLE_TEXT_COLOR;
use super::draw::{draw_text, Area, Backend, MARGIN};
use super::font::text_style;
use super::wrap::wrap_text;

const CAPTION_PX: f64 = 11.0;
const CAPTION_LINE_H: f64 = 16.0;

/// The caption's lines (none for an empty text).
pub(super) struct Caption {
    lines: Vec<String>,
}

impl Caption {
    /// The caption of a chart `width` pixels wide, in at most `max_lines` lines.
    pub(super) fn new(text: &str, width: f64, max_lines: usize) -> Self {
        let lines = if text.is_empty() {
            vec![]
        } else {
            wrap_text(text, CAPTION_PX, width - 2.0 * MARGIN, max_lines)
        };
        Caption { lines }
    }

    pub(super) fn height(&self) -> f64 {
        self.lines.len() as f64 * CAPTION_LINE_H
    }

    /// Draws the lines from `top` down, at the left margin.
    pub(super) fn draw<DB: Backend>(&self, root: &Area<DB>, top: f64) -> Result<()> {
        let style = text_style(CAPTION_PX, &SUBTLE_TEXT_COLOR, HPos::Left, VPos::Center);
        for (k, line) in self.lines.iter().enumerate() {
            let y = top + (k as f64 + 0.5) * CAPTION_LINE_H;
            draw_text(root, line, (MARGIN, y), &style)?;
        }
        Ok(())
    }
}
