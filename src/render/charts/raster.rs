//! PNG output of the charts: the [`Png`] drawing target, and [`Raster`], the bitmap backend the
//! charts are drawn on for it.
//!
//! [`Raster`] wraps plotters' `BitMapBackend` and changes two things:
//! - Scale: the chart is laid out in the same pixel coordinates as its SVG and drawn at
//!   [`PNG_SCALE`] times that size (coordinates, stroke widths, radii and text), so the PNG is
//!   sharp enough to print while its layout is the SVG's.
//! - Text: glyphs are placed with the metrics of the embedded font (`sfnt`): at the SVG's font
//!   size (plotters' `ab_glyph` drawing is 1.24 times larger), with their left side bearing
//!   (without it full-width punctuation such as （「 sits half an em off place), and on the
//!   baseline the SVG backend asks a browser for (`dy` of 0.76em, 0.5ex or -0.5ex). Bold text is
//!   emboldened by overprinting, as browsers do for a font without a bold face.
//!
//! The image is encoded with the `png` crate in memory, with fixed compression and filter
//! settings and no time stamp or other varying chunk, so the same chart gives the same bytes.

use std::convert::Infallible;

use anyhow::{Context, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

use super::draw::{Area, Target};
use super::font::PLOTTERS_FONT_SCALE;
use super::sfnt;

/// How many PNG pixels one SVG pixel becomes.
pub(super) const PNG_SCALE: u32 = 2;

/// The PNG target: the chart drawn on a [`Raster`] at [`PNG_SCALE`] times the SVG's size,
/// encoded as PNG (8-bit RGB).
pub(super) struct Png;

impl Target for Png {
    type Backend<'a> = Raster<'a>;
    type Error = BitMapBackendError;
    type Output = Vec<u8>;

    fn render(
        self,
        size: (u32, u32),
        draw: impl for<'a> FnOnce(&Area<Raster<'a>>) -> Result<()>,
    ) -> Result<Vec<u8>> {
        let (w, h) = (size.0 * PNG_SCALE, size.1 * PNG_SCALE);
        let mut rgb = vec![0u8; w as usize * h as usize * 3];
        {
            let bitmap = BitMapBackend::with_buffer(&mut rgb, (w, h));
            let root = Raster::new(bitmap, size).into_drawing_area();
            root.fill(&WHITE)?;
            draw(&root)?;
            root.present()?;
        }
        encode_png(&rgb, (w, h))
    }
}

/// Encodes 8-bit RGB pixels as PNG with fixed settings (the same pixels give the same bytes).
fn encode_png(rgb: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Default);
    encoder.set_filter(png::FilterType::Paeth);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::NonAdaptive);
    let mut writer = encoder.write_header().context("encoding a PNG chart")?;
    writer
        .write_image_data(rgb)
        .context("encoding a PNG chart")?;
    writer.finish().context("encoding a PNG chart")?;
    Ok(out)
}

/// A stroke or fill of a given width in device pixels.
struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// plotters' bitmap backend, drawn on in the SVG's coordinates at [`PNG_SCALE`] times the size,
/// with text laid out from the embedded font's metrics (see the module docs).
pub(super) struct Raster<'a> {
    inner: BitMapBackend<'a>,
    /// Size in SVG pixels.
    size: (u32, u32),
}

impl<'a> Raster<'a> {
    /// Wraps `inner`, which must be `PNG_SCALE` times `size`.
    fn new(inner: BitMapBackend<'a>, size: (u32, u32)) -> Raster<'a> {
        Raster { inner, size }
    }

    fn scale(v: i32) -> i32 {
        v * PNG_SCALE as i32
    }

    fn point(p: BackendCoord) -> BackendCoord {
        (Self::scale(p.0), Self::scale(p.1))
    }

    fn stroke<S: BackendStyle>(style: &S) -> Stroke {
        Stroke {
            color: style.color(),
            width: style.stroke_width() * PNG_SCALE,
        }
    }
}

/// The error type of plotters' bitmap backend (not exported by name).
type BitMapBackendError = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

type DrawResult = Result<(), DrawingErrorKind<BitMapBackendError>>;

fn font_error(
    e: impl std::error::Error + Send + Sync + 'static,
) -> DrawingErrorKind<BitMapBackendError> {
    DrawingErrorKind::FontError(Box::new(e))
}

impl DrawingBackend for Raster<'_> {
    type ErrorType = BitMapBackendError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> DrawResult {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> DrawResult {
        self.inner.present()
    }

    /// One SVG pixel is a square of device pixels.
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> DrawResult {
        let (x, y) = Self::point(point);
        let s = PNG_SCALE as i32;
        self.inner.draw_rect((x, y), (x + s, y + s), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> DrawResult {
        self.draw_path([from, to], style)
    }

    /// A filled rectangle covers the same area as in the SVG (its width is the difference of the
    /// corners, as the bitmap backend's fill); an outline is a closed path.
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        if !fill {
            let ((x0, y0), (x1, y1)) = (upper_left, bottom_right);
            return self.draw_path([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], style);
        }
        let (x0, y0) = Self::point(upper_left);
        let (x1, y1) = Self::point(bottom_right);
        self.inner
            .draw_rect((x0, y0), (x1, y1), &Self::stroke(style), true)
    }

    /// A polyline, segment by segment: plotters turns a wide polyline into one polygon, which
    /// breaks where the path turns back on itself (the end caps of a whisker). Horizontal and
    /// vertical segments are rectangles over the pixels the SVG's stroke covers, extended by half
    /// the width so that corners close; other segments are quadrilaterals with round joins.
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> DrawResult {
        let stroke = Self::stroke(style);
        if stroke.color.alpha == 0.0 || stroke.width == 0 {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().map(Self::point).collect();
        let w = stroke.width as i32;
        // A line at device coordinate c covers pixels [c - w/2, c - w/2 + w) across (the bitmap
        // backend's rectangles exclude their lower right corner).
        let (before, after) = (w / 2, w - w / 2);
        for (k, seg) in points.windows(2).enumerate() {
            let ((x0, y0), (x1, y1)) = (seg[0], seg[1]);
            let (xa, xb) = (x0.min(x1), x0.max(x1));
            let (ya, yb) = (y0.min(y1), y0.max(y1));
            if y0 == y1 {
                self.inner.draw_rect(
                    (xa - before, y0 - before),
                    (xb + after, y0 + after),
                    &stroke.color,
                    true,
                )?;
            } else if x0 == x1 {
                self.inner.draw_rect(
                    (x0 - before, ya - before),
                    (x0 + after, yb + after),
                    &stroke.color,
                    true,
                )?;
            } else {
                self.inner.draw_line(seg[0], seg[1], &stroke)?;
                if k > 0 && w > 2 {
                    self.inner
                        .draw_circle(seg[0], stroke.width / 2, &stroke.color, true)?;
                }
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        self.inner.draw_circle(
            Self::point(center),
            radius * PNG_SCALE,
            &Self::stroke(style),
            fill,
        )
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> DrawResult {
        let points: Vec<BackendCoord> = vert.into_iter().map(Self::point).collect();
        self.inner.fill_polygon(points, &Self::stroke(style))
    }

    /// Draws `text` glyph by glyph at the positions the embedded font's metrics give (see the
    /// module docs); the glyphs themselves are rasterized by plotters' `ab_glyph` backend.
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> DrawResult {
        let color = style.color();
        if color.alpha == 0.0 || text.is_empty() {
            return Ok(());
        }
        let font = sfnt::embedded().map_err(|e| font_error(AnyhowError(e)))?;
        // Device pixels per em: the SVG's font size, scaled.
        let em = style.size() / PLOTTERS_FONT_SCALE * f64::from(PNG_SCALE);
        let glyphs: Vec<(char, sfnt::GlyphMetrics)> =
            text.chars().map(|c| (c, font.glyph(c))).collect();
        let width: f64 = glyphs.iter().map(|(_, g)| g.advance * em).sum();
        let anchor = style.anchor();
        let mut pen = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Right => -width,
            HPos::Center => -width / 2.0,
        };
        let baseline = match anchor.v_pos {
            VPos::Top => 0.76 * em,
            VPos::Center => 0.5 * font.x_height * em,
            VPos::Bottom => -0.5 * font.x_height * em,
        }
        .round() as i32;
        // ab_glyph scales by the ascender-to-descender height.
        let desc = FontDesc::new(style.family(), em * font.height, style.style());
        let bold = matches!(style.style(), FontStyle::Bold);
        let passes = if bold {
            (em / 24.0).round().max(1.0) as i32 + 1
        } else {
            1
        };
        let transform = style.transform();
        let origin = Self::point(pos);
        let mut pixels: Vec<(i32, i32, f32)> = Vec::new();
        let mut utf8 = [0u8; 4];
        for (c, g) in glyphs {
            if let Some((x_min, _, _, y_max)) = g.bbox {
                pixels.clear();
                desc.draw(c.encode_utf8(&mut utf8), (0, 0), |x, y, a| {
                    pixels.push((x, y, a));
                    Ok::<(), Infallible>(())
                })
                .map_err(font_error)?
                .ok();
                // ab_glyph hands out the glyph's pixel box from its top-left corner, which lies
                // at floor(x_min), floor(-y_max) from the glyph's origin.
                let (bx, by) = pixels
                    .iter()
                    .fold((i32::MAX, i32::MAX), |(bx, by), &(x, y, _)| {
                        (bx.min(x), by.min(y))
                    });
                let left = pen.round() as i32 + (x_min * em).floor() as i32 - bx;
                let top = baseline + (-y_max * em).floor() as i32 - by;
                for &(x, y, a) in &pixels {
                    if a <= 0.0 {
                        continue;
                    }
                    for pass in 0..passes {
                        let (dx, dy) = transform.transform(left + x + pass, top + y);
                        let color = color.mix(f64::from(a.min(1.0)));
                        self.inner
                            .draw_pixel((origin.0 + dx, origin.1 + dy), color)?;
                    }
                }
            }
            pen += g.advance * em;
        }
        Ok(())
    }
}

/// An `anyhow::Error` as a `std::error::Error`, for plotters' font error slot.
#[derive(Debug)]
struct AnyhowError(anyhow::Error);

impl std::fmt::Display for AnyhowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#}", self.0)
    }
}

impl std::error::Error for AnyhowError {}

#[cfg(test)]
#[path = "raster_tests.rs"]
mod tests;
