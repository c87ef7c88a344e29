//! The header of a chart: its title (wrapped, see `draw::draw_title`) and the rows of its legend
//! under it, the height they take, and their drawing, so that a chart can lay out its body below
//! before drawing anything.

use anyhow::Result;

use super::draw::{draw_title, title_height, Area, Backend, MARGIN};
use super::legend::{draw_legend, legend_height, LegendItem};

/// Space above the title, between the title and the legend, and below the legend.
const TOP: f64 = 12.0;
const TITLE_GAP: f64 = 6.0;
const BOTTOM: f64 = 10.0;

/// A chart's title and legend rows (each row wrapped between the margins on its own).
pub(super) struct Header<'a> {
    title: &'a str,
    legend: Vec<Vec<LegendItem>>,
    width: f64,
}

impl<'a> Header<'a> {
    /// The header of a chart `width` pixels wide; `legend` holds the legend's rows (may be
    /// empty).
    pub(super) fn new(title: &'a str, legend: Vec<Vec<LegendItem>>, width: f64) -> Self {
        Header {
            title,
            legend,
            width,
        }
    }

    /// Height of the header: where the chart's body starts.
    pub(super) fn height(&self) -> f64 {
        let legend: f64 = self
            .legend
            .iter()
            .map(|row| legend_height(row, MARGIN, self.width - MARGIN))
            .sum();
        TOP + title_height(self.title, self.width) + TITLE_GAP + legend + BOTTOM
    }

    /// Draws the title and the legend rows.
    pub(super) fn draw<DB: Backend>(&self, root: &Area<DB>) -> Result<()> {
        let mut y = draw_title(root, self.title, self.width, TOP)? + TITLE_GAP;
        for row in &self.legend {
            y = draw_legend(root, row, MARGIN, self.width - MARGIN, y)?;
        }
        Ok(())
    }
}
