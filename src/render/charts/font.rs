//! The embedded Japanese font: IPAexGothic bytes, their one-time registration with plotters'
//! `ab_glyph` backend under every family name plotters may ask for, the font and text styles
//! built on it, and text measurement with its metrics (so layout is the same on every machine).

use std::sync::OnceLock;

use anyhow::{anyhow, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The embedded font (IPAexGothic 004.01 from Debian's `fonts-ipaexfont-gothic`).
pub(super) static FONT_BYTES: &[u8] = include_bytes!("../fonts/ipaexg.ttf");

/// Font family written into the SVG. It is also the name the embedded font is registered
/// under, so measuring and drawing use the same key.
const FONT_FAMILY: &str =
    "IPAexGothic, IPAPGothic, Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif";

/// Generic family names that plotters may fall back to; all are mapped to the embedded font.
const GENERIC_FAMILIES: [&str; 3] = ["sans-serif", "serif", "monospace"];

/// plotters' SVG backend writes `font-size = size / 1.24`; sizes below are given as the
/// font size that should appear in the SVG (CSS px), and multiplied by this factor.
pub(super) const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// Registers the embedded font under every family name used, once per process.
pub(super) fn ensure_fonts() -> Result<()> {
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
pub(super) fn font(px: f64) -> FontDesc<'static> {
    FontDesc::new(
        FontFamily::Name(FONT_FAMILY),
        px * PLOTTERS_FONT_SCALE,
        FontStyle::Normal,
    )
}

/// Text style of the given CSS pixel size, colour and anchor.
pub(super) fn text_style(px: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
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
pub(super) fn char_width_em(c: char) -> f64 {
    let mut buf = [0u8; 4];
    match font(MEASURE_PX).box_size(c.encode_utf8(&mut buf)) {
        Ok((w, _)) => f64::from(w) * measure_calibration() / MEASURE_PX,
        Err(_) if c.is_ascii() => 0.55,
        Err(_) => 1.0,
    }
}

/// Width of `text` in CSS pixels at font size `px`.
pub(super) fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(char_width_em).sum::<f64>() * px
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
