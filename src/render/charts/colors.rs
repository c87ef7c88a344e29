//! The charts' colour scheme: series palette, text and axis greys, the marking of negative
//! statements on bar charts, the actual / baseline / target colours of indicator charts, and the
//! confidence interval whiskers and value marks of both.

use plotters::style::RGBColor;

/// Series colours (Okabe–Ito based, distinguishable for common colour-vision deficiencies).
/// Colours repeat after eight series.
pub(super) const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x7F, 0x7F, 0x7F), // grey
    RGBColor(0x33, 0x22, 0x88), // indigo
];

pub(super) const TEXT_COLOR: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub(super) const SUBTLE_TEXT_COLOR: RGBColor = RGBColor(0x55, 0x55, 0x55);
pub(super) const AXIS_COLOR: RGBColor = RGBColor(0x66, 0x66, 0x66);
pub(super) const GRID_COLOR: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub(super) const SEPARATOR_COLOR: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
/// Label colour and band shading for negative statements.
pub(super) const NEGATIVE_COLOR: RGBColor = RGBColor(0xB0, 0x00, 0x20);
pub(super) const NEGATIVE_BAND_COLOR: RGBColor = RGBColor(0xFC, 0xEE, 0xEF);
/// Indicator chart colours.
pub(super) const ACTUAL_COLOR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub(super) const TARGET_COLOR: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub(super) const BASELINE_COLOR: RGBColor = RGBColor(0x44, 0x44, 0x44);
/// Confidence interval whiskers (both charts) and the "＊秘匿" marker of suppressed bar cells.
pub(super) const WHISKER_COLOR: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
pub(super) const SUPPRESSED_COLOR: RGBColor = RGBColor(0x6B, 0x6B, 0x6B);
