//! Test helpers shared by the chart tests: reading `<text>` contents, attributes, colours, bars
//! and whiskers back out of plotters' SVG output, and checking that a document is complete.

use plotters::style::RGBColor;

use super::colors::{PALETTE, WHISKER_COLOR};

pub(super) fn hex(c: &RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Text content of all `<text>` elements (plotters writes "<text ...>\ncontent\n</text>").
pub(super) fn texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = svg.lines();
    while let Some(l) = lines.next() {
        if l.starts_with("<text") {
            out.push(lines.next().unwrap_or_default().to_string());
        }
    }
    out
}

/// `<rect>` elements filled with one of the series colours, i.e. the bars of a bar chart.
pub(super) fn bar_rects(svg: &str) -> Vec<&str> {
    let fills: Vec<String> = PALETTE
        .iter()
        .map(|c| format!("fill=\"{}\"", hex(c)))
        .collect();
    svg.lines()
        .filter(|l| l.starts_with("<rect") && fills.iter().any(|f| l.contains(f.as_str())))
        .collect()
}

/// `<rect>` elements filled with `color`, in document order.
pub(super) fn rects_filled<'a>(svg: &'a str, color: &RGBColor) -> Vec<&'a str> {
    let fill = format!("fill=\"{}\"", hex(color));
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&fill))
        .collect()
}

/// The opening `<text ...>` tag of the first text element whose content is `content`.
pub(super) fn text_element<'a>(svg: &'a str, content: &str) -> Option<&'a str> {
    let lines: Vec<&str> = svg.lines().collect();
    lines
        .windows(2)
        .find(|w| w[0].starts_with("<text") && w[1] == content)
        .map(|w| w[0])
}

/// The points of each confidence interval whisker (a `<polyline>` in the whisker colour), in
/// document order; the legend symbol, when there is one, comes first.
pub(super) fn whiskers(svg: &str) -> Vec<Vec<(f64, f64)>> {
    let stroke = format!("stroke=\"{}\"", hex(&WHISKER_COLOR));
    svg.lines()
        .filter(|l| l.starts_with("<polyline") && l.contains(&stroke))
        .map(|l| {
            let points = l.split("points=\"").nth(1).expect("points");
            points[..points.find('"').expect("closing quote")]
                .split_whitespace()
                .map(|pair| {
                    let (x, y) = pair.split_once(',').expect("x,y");
                    (x.parse().expect("x"), y.parse().expect("y"))
                })
                .collect()
        })
        .collect()
}

pub(super) fn attr(el: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    let start = el.find(&key).expect("attribute") + key.len();
    let end = start + el[start..].find('"').expect("closing quote");
    el[start..end].parse().expect("number")
}

pub(super) fn assert_svg_document(svg: &str) {
    assert!(
        svg.starts_with("<svg"),
        "not an SVG document: {}",
        &svg[..40.min(svg.len())]
    );
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(!svg.contains("NaN"), "NaN coordinate in SVG");
}
