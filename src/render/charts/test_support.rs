//! Test helpers shared by the chart tests: reading `<text>` contents, attributes and colours
//! back out of plotters' SVG output, and checking that a document is complete.

use plotters::style::RGBColor;

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
