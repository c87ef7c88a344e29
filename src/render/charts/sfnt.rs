//! Glyph metrics read straight from the embedded TrueType font, for drawing text on bitmaps.
//!
//! plotters' `ab_glyph` backend places every glyph at the pen position without its left side
//! bearing and at a size scaled by the ascender-to-descender height, so full-width punctuation
//! such as （「 lands half an em off place and bitmap text comes out larger than the SVG's. The
//! bitmap backend (`raster`) therefore lays text out itself, with the numbers read here: units
//! per em, the height ab_glyph scales by, the x-height (the SVG's `ex`), and per character its
//! advance width and outline bounding box (from `cmap`, `hmtx`, `loca` and `glyf`).

use std::sync::OnceLock;

use anyhow::{anyhow, Result};

use super::font::FONT_BYTES;

/// Metrics of one glyph, in em (y up, relative to the pen position on the baseline).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct GlyphMetrics {
    /// Advance width.
    pub(super) advance: f64,
    /// Outline bounding box (x_min, y_min, x_max, y_max); `None` for a glyph without outline
    /// (a space).
    pub(super) bbox: Option<(f64, f64, f64, f64)>,
}

/// The tables of a TrueType font needed for text layout (offsets into its bytes).
pub(super) struct Sfnt {
    data: &'static [u8],
    /// Font units per em.
    upem: f64,
    /// Ascender minus descender (hhea), in em: what ab_glyph's pixel scale refers to.
    pub(super) height: f64,
    /// x-height (OS/2 sxHeight), in em.
    pub(super) x_height: f64,
    /// Whether `loca` holds 32-bit offsets.
    long_loca: bool,
    num_h_metrics: u16,
    cmap: usize,
    hmtx: usize,
    loca: usize,
    glyf: usize,
}

fn u16_at(d: &[u8], off: usize) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(off..off + 2)?.try_into().ok()?))
}

fn i16_at(d: &[u8], off: usize) -> Option<i16> {
    u16_at(d, off).map(|v| v as i16)
}

fn u32_at(d: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(off..off + 4)?.try_into().ok()?))
}

/// The metrics of the embedded font, parsed once.
pub(super) fn embedded() -> Result<&'static Sfnt> {
    static PARSED: OnceLock<Option<Sfnt>> = OnceLock::new();
    PARSED
        .get_or_init(|| Sfnt::parse(FONT_BYTES))
        .as_ref()
        .ok_or_else(|| anyhow!("the embedded font fonts/ipaexg.ttf has no usable metrics"))
}

impl Sfnt {
    /// Reads the table directory and the global metrics; `None` for a malformed font.
    fn parse(data: &'static [u8]) -> Option<Sfnt> {
        let tables = u16_at(data, 4)?;
        let table = |tag: &[u8; 4]| {
            (0..usize::from(tables))
                .map(|i| 12 + 16 * i)
                .find(|&rec| data.get(rec..rec + 4) == Some(&tag[..]))
                .and_then(|rec| u32_at(data, rec + 8))
                .map(|off| off as usize)
        };
        let (head, hhea, os2) = (table(b"head")?, table(b"hhea")?, table(b"OS/2")?);
        let upem = f64::from(u16_at(data, head + 18)?);
        let ascender = f64::from(i16_at(data, hhea + 4)?);
        let descender = f64::from(i16_at(data, hhea + 6)?);
        let x_height = f64::from(i16_at(data, os2 + 86)?);
        let cmap = table(b"cmap")?;
        // The Unicode subtable: full repertoire (format 12) if there is one, else the BMP
        // (format 4).
        let subtables = u16_at(data, cmap + 2)?;
        let mut best: Option<(u16, usize)> = None;
        for i in 0..usize::from(subtables) {
            let rec = cmap + 4 + 8 * i;
            let (platform, encoding) = (u16_at(data, rec)?, u16_at(data, rec + 2)?);
            let off = cmap + u32_at(data, rec + 4)? as usize;
            let format = u16_at(data, off)?;
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if unicode && (format == 12 || (format == 4 && best.is_none())) {
                best = Some((format, off));
            }
        }
        Some(Sfnt {
            data,
            upem,
            height: (ascender - descender) / upem,
            x_height: x_height / upem,
            long_loca: i16_at(data, head + 50)? == 1,
            num_h_metrics: u16_at(data, hhea + 34)?,
            cmap: best?.1,
            hmtx: table(b"hmtx")?,
            loca: table(b"loca")?,
            glyf: table(b"glyf")?,
        })
    }

    /// The glyph id of `c` (0, the missing glyph, when the font has none).
    fn glyph_id(&self, c: char) -> u16 {
        let d = self.data;
        let c = u32::from(c);
        let found = match u16_at(d, self.cmap) {
            Some(12) => (|| {
                let groups = u32_at(d, self.cmap + 12)? as usize;
                (0..groups).map(|g| self.cmap + 16 + 12 * g).find_map(|g| {
                    let (start, end) = (u32_at(d, g)?, u32_at(d, g + 4)?);
                    (start..=end)
                        .contains(&c)
                        .then(|| u32_at(d, g + 8).map(|first| first + (c - start)))
                        .flatten()
                })
            })(),
            Some(4) => (|| {
                let c = u16::try_from(c).ok()?;
                let segs = usize::from(u16_at(d, self.cmap + 6)? / 2);
                let ends = self.cmap + 14;
                let starts = ends + 2 * segs + 2;
                let deltas = starts + 2 * segs;
                let ranges = deltas + 2 * segs;
                let seg = (0..segs).find(|&s| u16_at(d, ends + 2 * s).is_some_and(|e| e >= c))?;
                let start = u16_at(d, starts + 2 * seg)?;
                if c < start {
                    return None;
                }
                let delta = u16_at(d, deltas + 2 * seg)?;
                let range = u16_at(d, ranges + 2 * seg)?;
                let id = if range == 0 {
                    c.wrapping_add(delta)
                } else {
                    let at = ranges + 2 * seg + usize::from(range) + 2 * usize::from(c - start);
                    match u16_at(d, at)? {
                        0 => 0,
                        g => g.wrapping_add(delta),
                    }
                };
                Some(u32::from(id))
            })(),
            _ => None,
        };
        found.and_then(|g| u16::try_from(g).ok()).unwrap_or(0)
    }

    /// Metrics of the glyph drawn for `c` (the missing glyph's when the font has none).
    pub(super) fn glyph(&self, c: char) -> GlyphMetrics {
        let d = self.data;
        let id = self.glyph_id(c);
        let metric = usize::from(id.min(self.num_h_metrics.saturating_sub(1)));
        let advance = u16_at(d, self.hmtx + 4 * metric).unwrap_or(0);
        let em = |v: i16| f64::from(v) / self.upem;
        let offset = |i: usize| {
            if self.long_loca {
                u32_at(d, self.loca + 4 * i).map(|o| o as usize)
            } else {
                u16_at(d, self.loca + 2 * i).map(|o| 2 * usize::from(o))
            }
        };
        let id = usize::from(id);
        let bbox = match (offset(id), offset(id + 1)) {
            (Some(start), Some(end)) if end > start => {
                let g = self.glyf + start;
                (|| {
                    Some((
                        em(i16_at(d, g + 2)?),
                        em(i16_at(d, g + 4)?),
                        em(i16_at(d, g + 6)?),
                        em(i16_at(d, g + 8)?),
                    ))
                })()
            }
            _ => None,
        };
        GlyphMetrics {
            advance: f64::from(advance) / self.upem,
            bbox,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::font::{char_width_em, ensure_fonts};

    #[test]
    fn embedded_font_metrics() {
        ensure_fonts().unwrap();
        let f = embedded().unwrap();
        assert!((f.x_height - 1040.0 / 2048.0).abs() < 1e-9);
        // Advances agree with plotters' measurement (used for layout) for every kind of text.
        for c in "仕事（）「」、。・ＡAa1%* ※＊▼".chars() {
            let g = f.glyph(c);
            assert!(
                (g.advance - char_width_em(c)).abs() < 0.02,
                "{c}: {} vs {}",
                g.advance,
                char_width_em(c)
            );
        }
        // Full-width brackets: an opening one sits in the right half of its em, a closing one in
        // the left half (the side bearing plotters' bitmap text ignores).
        let open = f.glyph('（').bbox.unwrap();
        let close = f.glyph('）').bbox.unwrap();
        assert!(open.0 > 0.4, "{open:?}");
        assert!(close.2 < 0.6, "{close:?}");
        assert!(f.glyph('「').bbox.unwrap().0 > 0.4);
        // A space has no outline; an ideograph's box lies inside the ascender and descender.
        assert_eq!(f.glyph(' ').bbox, None);
        let ideograph = f.glyph('一').bbox.unwrap();
        assert!(ideograph.3 < 0.9 && ideograph.1 > -0.2);
        // Characters the font lacks get the missing glyph.
        assert_ne!(f.glyph_id('仕'), 0);
        assert_eq!(f.glyph_id('\u{10FFFF}'), 0);
    }
}
