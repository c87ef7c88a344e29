//! PNG output of the charts: the [`Png`] drawing target draws the chart's SVG (the same
//! drawing code and backend as [`super::draw::Svg`]) and rasterises it with resvg at
//! [`PNG_SCALE`] times its size, so the PNG is sharp enough to print and its layout is the
//! SVG's to the pixel.
//!
//! resvg's font database holds only the embedded IPAex Gothic (no system fonts), under the
//! family names the SVG asks for, so text renders the same on every machine. resvg has no
//! synthetic bold: bold titles are drawn in the regular face. The image is encoded as 8-bit
//! RGB with the `png` crate with fixed compression and filter settings and no time stamp, so
//! the same chart gives the same bytes.

use std::sync::{Arc, OnceLock};

use anyhow::{anyhow, Context, Result};
use plotters::prelude::SVGBackend;
use resvg::{tiny_skia, usvg};

use super::draw::{Area, Svg, Target};
use super::font::FONT_BYTES;

/// How many PNG pixels one SVG pixel becomes.
pub(super) const PNG_SCALE: u32 = 2;

/// The most pixels a PNG chart has: a chart whose raster at [`PNG_SCALE`] would be larger
/// (a heatmap of thirty departments by forty items) is rasterised at the scale that fits, but
/// never below 1. At A4 width such a chart still prints at well over 300 dpi, and the
/// rasterising and encoding time stays bounded by the cap rather than by the number of groups.
pub(super) const MAX_PNG_PIXELS: f64 = 9_000_000.0;

/// The scale at which a chart of `width` × `height` SVG pixels is rasterised.
fn png_scale(width: u32, height: u32) -> f32 {
    let full = PNG_SCALE as f64;
    let area = width as f64 * height as f64 * full * full;
    if area <= MAX_PNG_PIXELS {
        return PNG_SCALE as f32;
    }
    (full * (MAX_PNG_PIXELS / area).sqrt()).max(1.0) as f32
}

/// The PNG target: the chart drawn as SVG, rasterised at [`PNG_SCALE`] times its size.
pub(super) struct Png;

impl Target for Png {
    type Backend<'a> = SVGBackend<'a>;
    type Error = std::io::Error;
    type Output = Vec<u8>;

    fn render(
        self,
        size: (u32, u32),
        draw: impl for<'a> FnOnce(&Area<SVGBackend<'a>>) -> Result<()>,
    ) -> Result<Vec<u8>> {
        svg_to_png(&Svg.render(size, draw)?)
    }
}

/// The font database: the embedded font alone, also standing for the generic families.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_BYTES.to_vec());
        let family = db
            .faces()
            .next()
            .and_then(|f| f.families.first())
            .map(|(name, _)| name.clone())
            .unwrap_or_else(|| "IPAexGothic".into());
        db.set_sans_serif_family(family.clone());
        db.set_serif_family(family.clone());
        db.set_monospace_family(family);
        Arc::new(db)
    })
    .clone()
}

/// Each SVG rasterised as PNG, in order. The cores take the charts one at a time, largest
/// first, so one large chart does not leave a core idle at the end (each PNG is the same
/// bytes whichever core makes it).
pub fn rasterise(svgs: &[&str]) -> Result<Vec<Vec<u8>>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut order: Vec<usize> = (0..svgs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(svgs[i].len()));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let made: Vec<(usize, Result<Vec<u8>>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores.min(svgs.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut made = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&i) = order.get(k) else { break made };
                        made.push((i, svg_to_png(svgs[i])));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut pngs: Vec<Option<Vec<u8>>> = vec![None; svgs.len()];
    for (i, png) in made {
        pngs[i] = Some(png?);
    }
    Ok(pngs.into_iter().flatten().collect())
}

/// Rasterises an SVG document at [`PNG_SCALE`] (or the scale under [`MAX_PNG_PIXELS`]) on white and encodes it as PNG.
pub(super) fn svg_to_png(svg: &str) -> Result<Vec<u8>> {
    let options = usvg::Options {
        font_family: "IPAexGothic".into(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).context("reading a chart's SVG for its PNG")?;
    let size = tree.size().to_int_size();
    let scale = png_scale(size.width(), size.height());
    let (w, h) = (
        (size.width() as f32 * scale).round() as u32,
        (size.height() as f32 * scale).round() as u32,
    );
    let mut pixmap =
        tiny_skia::Pixmap::new(w, h).ok_or_else(|| anyhow!("a chart of {w}×{h} pixels"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // Opaque on white: drop the alpha channel.
    let mut rgb = vec![0u8; pixmap.data().len() / 4 * 3];
    for (out, p) in rgb.chunks_exact_mut(3).zip(pixmap.data().chunks_exact(4)) {
        out.copy_from_slice(&p[..3]);
    }
    encode_png(&rgb, (w, h))
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

#[cfg(test)]
#[path = "raster_tests.rs"]
mod tests;
