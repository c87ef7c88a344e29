//! The charts' colour scheme: series palette, text and axis greys, the marking of negative
//! statements on bar charts, the actual / baseline / target colours of indicator charts, the
//! confidence interval whiskers and value marks of bar and indicator charts, the accent and
//! muted colours of comparison bars, and the blue–orange diverging scale of the diverging
//! stacked bars and the heatmap.

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

/// The colour of series `j` in [`PALETTE`] (repeating after eight series), so that a group has
/// the same colour in every chart that shows the groups in the same order.
pub(super) fn series_color(j: usize) -> RGBColor {
    PALETTE[j % PALETTE.len()]
}

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
/// Comparison bars: the city's own bars (the series blue) on a tinted band, the others muted.
pub(super) const ACCENT_COLOR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub(super) const ACCENT_BAND_COLOR: RGBColor = RGBColor(0xE8, 0xF2, 0xF9);
pub(super) const MUTED_COLOR: RGBColor = RGBColor(0xB8, 0xB8, 0xB8);
/// Confidence interval whiskers (both charts) and the "x 秘匿" marker of suppressed bar cells.
pub(super) const WHISKER_COLOR: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
pub(super) const SUPPRESSED_COLOR: RGBColor = RGBColor(0x6B, 0x6B, 0x6B);
/// The neutral middle of a scale (どちらともいえない), neither good nor bad.
pub(super) const NEUTRAL_COLOR: RGBColor = RGBColor(0xC8, 0xC8, 0xC8);

/// Ends of the diverging scales (diverging stacked bars and heatmap): blue for agreeing / better,
/// orange for disagreeing / worse (a pair that stays apart for common colour-vision
/// deficiencies), each from its strong end to a light tint.
pub(super) const GOOD_STRONG: RGBColor = RGBColor(0x21, 0x66, 0xAC);
pub(super) const GOOD_LIGHT: RGBColor = RGBColor(0xC6, 0xDB, 0xEF);
pub(super) const BAD_STRONG: RGBColor = RGBColor(0xC4, 0x5A, 0x00);
pub(super) const BAD_LIGHT: RGBColor = RGBColor(0xFD, 0xD9, 0xB5);
/// Background of empty heatmap cells and of panels.
pub(super) const EMPTY_CELL_COLOR: RGBColor = RGBColor(0xF2, 0xF2, 0xF2);

/// Linear mix of `a` and `b` (`t` = 0 gives `a`, 1 gives `b`).
pub(super) fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let ch = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(ch(a.0, b.0), ch(a.1, b.1), ch(a.2, b.2))
}

/// A colour on the good (blue) or bad (orange) side at `strength` from 0 (light tint) to 1
/// (strong).
pub(super) fn side_color(good: bool, strength: f64) -> RGBColor {
    if good {
        mix(GOOD_LIGHT, GOOD_STRONG, strength)
    } else {
        mix(BAD_LIGHT, BAD_STRONG, strength)
    }
}

/// Text colour readable on `background`: white on dark colours, the text colour otherwise.
pub(super) fn text_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luma = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luma < 140.0 {
        RGBColor(0xFF, 0xFF, 0xFF)
    } else {
        TEXT_COLOR
    }
}
