//! Tests of the priority matrix.

use super::*;
use crate::render::charts::test_support::{assert_svg_document, attr, hex, text_element, texts};

fn sample() -> PriorityMatrix {
    let point = |label: &str, favourable, importance, highlight| MatrixPoint {
        label: label.into(),
        favourable,
        importance,
        highlight,
    };
    PriorityMatrix {
        title: "「仕事にやりがいを感じている」の重点改善マトリクス".into(),
        points: vec![
            point("人事評価が適切に行われている", 40.0, 30.0, true),
            point("職場研修が適切に行われている", 75.0, 25.0, false),
            point("自己啓発に取り組んでいる", 45.0, 10.0, false),
            point("精神的に良好である", 80.0, 5.0, false),
            point("人事異動が適切に行われている", 42.0, 30.0, true),
        ],
        lines: (56.4, 20.0),
        quadrants: [
            "重点改善".into(),
            "重点維持".into(),
            "改善".into(),
            "維持".into(),
        ],
        x_title: "肯定的な回答の割合（%）".into(),
        y_title: "重要度（%）".into(),
        caption: "線は項目の平均".into(),
    }
}

/// Centres of the circles filled with `color`.
fn circles(svg: &str, color: &RGBColor) -> Vec<(f64, f64)> {
    let fill = format!("fill=\"{}\"", hex(color));
    svg.lines()
        .filter(|l| l.starts_with("<circle") && l.contains(&fill))
        .map(|l| (attr(l, "cx"), attr(l, "cy")))
        .collect()
}

#[test]
fn every_item_quadrant_and_title_is_drawn_and_the_output_is_deterministic() {
    let m = sample();
    let svg = priority_matrix_svg(&m).unwrap();
    assert_svg_document(&svg);
    assert_eq!(svg, priority_matrix_svg(&m).unwrap());
    let t = texts(&svg).join("\n");
    for q in &m.quadrants {
        assert!(text_element(&svg, q).is_some(), "{q}");
    }
    for p in &m.points {
        // A label may wrap: its first characters are on the chart.
        let head: String = p.label.chars().take(6).collect();
        assert!(t.contains(&head), "{head}");
    }
    assert!(t.contains("肯定的な回答の割合（%）") && t.contains("重要度（%）"));
    // Two highlighted points in the warning colour, three others in the accent colour.
    assert_eq!(circles(&svg, &BAD_STRONG).len(), 2);
    assert_eq!(circles(&svg, &ACCENT_COLOR).len(), 3);
}

#[test]
fn points_sit_at_their_values() {
    let m = sample();
    let svg = priority_matrix_svg(&m).unwrap();
    let orange = circles(&svg, &BAD_STRONG);
    let blue = circles(&svg, &ACCENT_COLOR);
    // Higher importance is higher up (smaller y); a larger favourable share is further right.
    let (evaluation, training, selfdev) = (orange[0], blue[0], blue[1]);
    assert!(evaluation.1 < training.1 && training.1 < selfdev.1);
    assert!(training.0 > evaluation.0 && selfdev.0 > evaluation.0);
    // The two points of equal importance are on one height.
    assert_eq!(orange[0].1, orange[1].1);
}

#[test]
fn no_points_says_so() {
    let mut m = sample();
    m.points.clear();
    let svg = priority_matrix_svg(&m).unwrap();
    assert!(texts(&svg)
        .iter()
        .any(|t| t == crate::render::charts::draw::NO_DATA));
    assert!(priority_matrix_png(&sample())
        .unwrap()
        .starts_with(b"\x89PNG"));
}
