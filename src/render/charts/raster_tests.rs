//! Tests of the PNG output: the twins of every chart kind, determinism, and where the
//! rasterised SVG puts rectangles and glyphs.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::*;
use crate::render::charts::draw::draw_text;
use crate::render::charts::font::{ensure_fonts, text_style};
use crate::render::charts::preview::{
    sample_bars, sample_columns, sample_comparison, sample_diverging, sample_heatmap, sample_path,
    sample_pyramid, sample_trend, sample_year_lines,
};
use crate::render::charts::*;

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Width and height from the IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    assert_eq!(&png[12..16], b"IHDR");
    (be(16), be(20))
}

/// Width and height of an SVG document.
fn svg_size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| {
        let rest = svg.split(&format!("{name}=\"")).nth(1).unwrap();
        rest[..rest.find('"').unwrap()].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

/// Decodes a PNG into (width, RGB pixels).
fn decode(png: &[u8]) -> (usize, Vec<u8>) {
    let mut reader = png::Decoder::new(png).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    (info.width as usize, buf)
}

/// Columns and rows (min, max) of the pixels darker than white, or `None` for a blank image.
fn ink_box(png: &[u8]) -> Option<((usize, usize), (usize, usize))> {
    let (w, rgb) = decode(png);
    let inked: Vec<(usize, usize)> = rgb
        .chunks(3)
        .enumerate()
        .filter(|(_, p)| p.iter().any(|&c| c < 200))
        .map(|(i, _)| (i % w, i / w))
        .collect();
    let xs = inked.iter().map(|p| p.0);
    let ys = inked.iter().map(|p| p.1);
    Some((
        (xs.clone().min()?, xs.max()?),
        (ys.clone().min()?, ys.max()?),
    ))
}

/// A PNG of `text` at 20 px, left-aligned at (10, 20) on a 100 × 40 canvas.
fn text_png(text: &str) -> Vec<u8> {
    ensure_fonts().unwrap();
    let style = text_style(20.0, &RGBColor(0, 0, 0), HPos::Left, VPos::Center);
    Png.render((100, 40), |root| {
        draw_text(root, text, (10.0, 20.0), &style)
    })
    .unwrap()
}

#[test]
fn every_chart_kind_has_a_deterministic_png_twin() {
    let bars = sample_bars();
    let path = sample_path();
    let diverging = sample_diverging();
    let heatmap = sample_heatmap();
    let trend = sample_trend();
    let columns = sample_columns();
    let pyramid = sample_pyramid();
    let comparison = sample_comparison();
    let year_lines = sample_year_lines();
    type Twin<'a> = (&'a str, Box<dyn Fn() -> Vec<u8> + 'a>, String);
    let twins: Vec<Twin<'_>> = vec![
        (
            "bars",
            Box::new(|| grouped_bars_png(&bars).unwrap()),
            grouped_bars_svg(&bars).unwrap(),
        ),
        (
            "path",
            Box::new(|| indicator_path_png(&path).unwrap()),
            indicator_path_svg(&path).unwrap(),
        ),
        (
            "diverging",
            Box::new(|| diverging_png(&diverging).unwrap()),
            diverging_svg(&diverging).unwrap(),
        ),
        (
            "heatmap",
            Box::new(|| heatmap_png(&heatmap).unwrap()),
            heatmap_svg(&heatmap).unwrap(),
        ),
        (
            "trend",
            Box::new(|| trend_png(&trend).unwrap()),
            trend_svg(&trend).unwrap(),
        ),
        (
            "columns",
            Box::new(|| stacked_columns_png(&columns).unwrap()),
            stacked_columns_svg(&columns).unwrap(),
        ),
        (
            "pyramid",
            Box::new(|| age_pyramid_png(&pyramid).unwrap()),
            age_pyramid_svg(&pyramid).unwrap(),
        ),
        (
            "comparison",
            Box::new(|| comparison_bars_png(&comparison).unwrap()),
            comparison_bars_svg(&comparison).unwrap(),
        ),
        (
            "year_lines",
            Box::new(|| year_lines_png(&year_lines).unwrap()),
            year_lines_svg(&year_lines).unwrap(),
        ),
    ];
    for (name, png, svg) in twins {
        let first = png();
        assert!(first.starts_with(SIGNATURE), "{name}: not a PNG");
        assert_eq!(first, png(), "{name}: PNG bytes differ between two runs");
        let (w, h) = svg_size(&svg);
        assert_eq!(
            png_size(&first),
            (w * PNG_SCALE, h * PNG_SCALE),
            "{name}: not twice the SVG's size"
        );
    }
}

#[test]
fn empty_charts_have_pngs() {
    let empty_bars = GroupedBars {
        title: String::new(),
        categories: vec![],
        negative: vec![],
        series: vec![],
        value_axis_label: String::new(),
    };
    assert!(grouped_bars_png(&empty_bars)
        .unwrap()
        .starts_with(SIGNATURE));
    let empty_diverging = Diverging {
        title: String::new(),
        levels: vec![],
        positive: 0,
        neutral: 0,
        rows: vec![],
    };
    assert!(diverging_png(&empty_diverging)
        .unwrap()
        .starts_with(SIGNATURE));
    let empty_heatmap = Heatmap {
        title: String::new(),
        rows: vec![],
        negative: vec![],
        columns: vec![],
        cells: vec![],
        overall: None,
    };
    assert!(heatmap_png(&empty_heatmap).unwrap().starts_with(SIGNATURE));
    let empty_trend = Trend {
        title: String::new(),
        waves: vec![],
        series: vec![],
    };
    assert!(trend_png(&empty_trend).unwrap().starts_with(SIGNATURE));
    let empty_columns = StackedColumns {
        title: String::new(),
        categories: vec![],
        series: vec![],
        values: vec![],
        totals: vec![],
        value_axis_label: String::new(),
    };
    assert!(stacked_columns_png(&empty_columns)
        .unwrap()
        .starts_with(SIGNATURE));
    let empty_pyramid = AgePyramid {
        title: String::new(),
        bands: vec![],
        left: vec![],
        right: vec![],
        left_label: String::new(),
        right_label: String::new(),
        value_axis_label: String::new(),
    };
    assert!(age_pyramid_png(&empty_pyramid)
        .unwrap()
        .starts_with(SIGNATURE));
    let empty_comparison = ComparisonBars {
        title: String::new(),
        labels: vec![],
        values: vec![],
        highlight: vec![],
        warning: false,
        unit: String::new(),
        decimals: 0,
        caption: String::new(),
    };
    assert!(comparison_bars_png(&empty_comparison)
        .unwrap()
        .starts_with(SIGNATURE));
    let empty_lines = YearLines {
        width: YEAR_LINES_WIDTH,
        title: String::new(),
        categories: vec![],
        series: vec![],
        unit: String::new(),
        value_axis_label: String::new(),
    };
    assert!(year_lines_png(&empty_lines).unwrap().starts_with(SIGNATURE));
}

#[test]
fn rectangles_cover_what_the_svg_covers() {
    let png = Png
        .render((40, 40), |root| {
            root.draw(&Rectangle::new([(10, 10), (20, 30)], BLACK.filled()))?;
            Ok(())
        })
        .unwrap();
    let s = PNG_SCALE as usize;
    assert_eq!(
        ink_box(&png),
        Some(((10 * s, 20 * s - 1), (10 * s, 30 * s - 1)))
    );
}

#[test]
fn glyphs_sit_where_the_font_puts_them() {
    let s = f64::from(PNG_SCALE);
    let em = 20.0 * s;
    let origin = 10.0 * s;
    // An ideograph's ink is as large as its outline at the SVG's size (plotters' own bitmap
    // text is 1.24 times that) and starts at its left side bearing. The outline box of 国 in
    // ipaexg.ttf is x 0.0981–0.8999 em, read with fontTools 4:
    //   python3 -c "from fontTools.ttLib import TTFont; f=TTFont('src/render/fonts/ipaexg.ttf');
    //     g=f['glyf'][f.getBestCmap()[ord('国')]]; print(g.xMin/2048, g.xMax/2048)"
    let (bx0, bx1) = (0.098_144_531_25, 0.899_902_343_75);
    let ((x0, x1), (y0, y1)) = ink_box(&text_png("国")).unwrap();
    let (w, h) = ((x1 - x0 + 1) as f64, (y1 - y0 + 1) as f64);
    assert!((w - (bx1 - bx0) * em).abs() <= 2.0, "width {w} for em {em}");
    assert!(h > 0.8 * em && h < em, "height {h} for em {em}");
    assert!(
        (x0 as f64 - origin - bx0 * em).abs() <= 1.5,
        "starts at {x0}"
    );
    // Centred on the SVG's baseline offset (0.5ex below the anchor): the glyph's middle lies a
    // little above y = 20.
    let middle = (y0 + y1) as f64 / 2.0;
    assert!(
        middle < 20.0 * s && middle > 20.0 * s - 0.25 * em,
        "middle {middle}"
    );

    // Opening brackets keep their left side bearing: the ink of "（" and "「" starts in the right
    // half of their em (plotters' own bitmap text puts it at the pen position).
    for open in ["（", "「"] {
        let ((x0, _), _) = ink_box(&text_png(open)).unwrap();
        assert!(x0 as f64 > origin + 0.4 * em, "{open} starts at {x0}");
    }
    // A closing bracket stays in the left half, so "（）" keeps a gap of about an em.
    let ((_, x1), _) = ink_box(&text_png("）")).unwrap();
    assert!((x1 as f64) < origin + 0.6 * em, "）ends at {x1}");
    let ((x0, x1), _) = ink_box(&text_png("（）")).unwrap();
    assert!((x1 - x0) as f64 > 0.6 * em && ((x1 - x0) as f64) < 1.2 * em);

    // A space and an empty string draw nothing; an unknown character does not fail.
    assert_eq!(ink_box(&text_png(" ")), None);
    assert_eq!(ink_box(&text_png("")), None);
    let _ = text_png("\u{10FFFF}");
}

#[test]
fn right_and_centre_anchors_use_the_text_width() {
    ensure_fonts().unwrap();
    let draw = |h: HPos| {
        let style = text_style(20.0, &RGBColor(0, 0, 0), h, VPos::Center);
        Png.render((200, 40), |root| {
            draw_text(root, "一二三", (100.0, 20.0), &style)
        })
        .unwrap()
    };
    let s = PNG_SCALE as usize;
    let ((l0, _), _) = ink_box(&draw(HPos::Left)).unwrap();
    let ((_, r1), _) = ink_box(&draw(HPos::Right)).unwrap();
    let ((c0, c1), _) = ink_box(&draw(HPos::Center)).unwrap();
    assert!(l0.abs_diff(100 * s) <= 4, "{l0}");
    assert!(r1.abs_diff(100 * s) <= 4, "{r1}");
    assert!(((c0 + c1) / 2).abs_diff(100 * s) <= 3, "{c0}..{c1}");
}

/// A chart whose raster at twice its size would pass [`MAX_PNG_PIXELS`] is rasterised at the
/// scale that fits (worked out by hand: 1000 × 3000 SVG pixels are 12 Mpx at 2×; the cap of
/// 9 Mpx gives scale 2·√(9/12) = 1.732…, so 1732 × 5196 pixels), keeping its proportions; a
/// chart too large even at scale 1 is never made smaller than its SVG.
#[test]
fn large_charts_are_capped_in_pixels_not_below_their_svg() {
    let svg = |w: u32, h: u32| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\">\
             <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#336699\"/></svg>"
        )
    };
    let (w, h) = png_size(&svg_to_png(&svg(1000, 3000)).unwrap());
    assert_eq!((w, h), (1732, 5196));
    assert!(f64::from(w) * f64::from(h) <= MAX_PNG_PIXELS);
    let (w, h) = png_size(&svg_to_png(&svg(1000, 12_000)).unwrap());
    assert_eq!((w, h), (1000, 12_000));
    let (w, h) = png_size(&svg_to_png(&svg(1000, 2000)).unwrap());
    assert_eq!((w, h), (2000, 4000));
}
