//! Tests of the diverging stacked bars.

use super::*;
use crate::render::charts::bars_cells::SUPPRESSED_MARK;
use crate::render::charts::colors::{BAD_STRONG, GOOD_STRONG};
use crate::render::charts::test_support::{assert_svg_document, attr, hex, text_element, texts};

fn levels() -> Vec<String> {
    [
        "そう思う",
        "ややそう思う",
        "あまりそう思わない",
        "そう思わない",
    ]
    .map(String::from)
    .to_vec()
}

/// A row from answer counts (the test's data), with shares as the aggregate stage gives them.
fn row(label: &str, negative: bool, counts: Option<Vec<u32>>) -> DivergingRow {
    DivergingRow {
        label: label.into(),
        negative_statement: negative,
        shares: from_counts(counts),
    }
}

fn chart(rows: Vec<DivergingRow>) -> Diverging {
    Diverging {
        title: "設問別 回答の分布（全体）".into(),
        levels: levels(),
        positive: 2,
        neutral: 0,
        rows,
    }
}

/// The segments: `<rect>` elements filled with a level colour (normal or swapped), in order.
fn segments(svg: &str, n: usize, positive: usize) -> Vec<&str> {
    let fills: Vec<String> = (0..n)
        .flat_map(|i| [false, true].map(|s| level_color(i, n, (positive, 0), s)))
        .map(|c| format!("fill=\"{}\"", hex(&c)))
        .collect();
    svg.lines()
        .filter(|l| l.starts_with("<rect") && fills.iter().any(|f| l.contains(f.as_str())))
        .filter(|l| attr(l, "height") > 14.0) // not the legend swatches (polygons anyway)
        .collect()
}

#[test]
fn labels_levels_shares_and_totals() {
    let c = chart(vec![
        row(
            "仕事にやりがいを感じている",
            false,
            Some(vec![120, 210, 60, 20]),
        ),
        row(
            "仕事を辞めたいと思うことがある",
            true,
            Some(vec![40, 90, 160, 120]),
        ),
    ]);
    let svg = diverging_svg(&c).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    for s in [
        "設問別 回答の分布（全体）",
        "仕事にやりがいを感じている",
        "▼仕事を辞めたいと思うことがある",
        "そう思う",
        "あまりそう思わない",
        NEGATIVE_NOTE,
        LEFT_CAPTION,
        RIGHT_CAPTION,
    ] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    // Shares of 410 answers, whole percent inside the segments (120/410 = 29.3 %), one decimal
    // for the side totals (330/410 = 80.5 %).
    for s in ["29", "51", "15", "80.5", "19.5", "68.3", "31.7"] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    // The negative statement's label is red.
    let label = text_element(&svg, "▼仕事を辞めたいと思うことがある").unwrap();
    assert!(label.contains(&hex(&NEGATIVE_COLOR)), "{label}");
    // Four segments per row.
    assert_eq!(segments(&svg, 4, 2).len(), 8);
    assert_eq!(diverging_svg(&c).unwrap(), svg, "deterministic");
}

#[test]
fn agreeing_right_of_zero_in_proportion() {
    let svg = diverging_svg(&chart(vec![row("a", false, Some(vec![25, 25, 40, 10]))])).unwrap();
    let segs = segments(&svg, 4, 2);
    assert_eq!(segs.len(), 4);
    // Drawn right side first (weakest agreeing outwards), then left side.
    let (x, w) = (|s: &str| attr(s, "x"), |s: &str| attr(s, "width"));
    let zero = x(segs[0]);
    assert!((x(segs[1]) - (zero + w(segs[0]))).abs() <= 1.0);
    assert!(
        (x(segs[2]) + w(segs[2]) - zero).abs() <= 1.0,
        "left side ends at 0"
    );
    assert!(x(segs[3]) < x(segs[2]));
    assert!((w(segs[2]) - 4.0 * w(segs[3])).abs() <= 2.0, "40 % vs 10 %");
    assert!((w(segs[0]) - w(segs[1])).abs() <= 1.0);
    // The outermost agreeing segment is "そう思う" in strong blue, the outermost disagreeing one
    // "そう思わない" in strong orange.
    assert!(segs[1].contains(&hex(&GOOD_STRONG)), "{}", segs[1]);
    assert!(segs[3].contains(&hex(&BAD_STRONG)), "{}", segs[3]);
}

#[test]
fn negative_statement_swaps_the_colours() {
    let counts = Some(vec![25, 25, 40, 10]);
    let plain = diverging_svg(&chart(vec![row("a", false, counts.clone())])).unwrap();
    let negative = diverging_svg(&chart(vec![row("a", true, counts)])).unwrap();
    let (p, n) = (segments(&plain, 4, 2), segments(&negative, 4, 2));
    assert_eq!(n.len(), 4);
    // Same geometry, agreeing now orange (bad) and disagreeing blue.
    for (a, b) in p.iter().zip(&n) {
        assert_eq!(attr(a, "x"), attr(b, "x"));
        assert_eq!(attr(a, "width"), attr(b, "width"));
    }
    assert!(n[1].contains(&hex(&BAD_STRONG)), "{}", n[1]);
    assert!(n[3].contains(&hex(&GOOD_STRONG)), "{}", n[3]);
    assert_eq!(
        level_color(0, 4, (2, 0), true),
        level_color(3, 4, (2, 0), false)
    );
    assert_eq!(
        level_color(1, 4, (2, 0), true),
        level_color(2, 4, (2, 0), false)
    );
    // The legend shows the swapped colours with the note.
    assert!(texts(&negative).iter().any(|t| t == SWAPPED_NOTE));
    assert!(!texts(&plain).iter().any(|t| t == SWAPPED_NOTE));
}

#[test]
fn suppressed_and_empty_rows_draw_no_bar() {
    let c = chart(vec![
        row("秘匿される設問", false, None),
        row("回答のない設問", false, Some(vec![0, 0, 0, 0])),
        row("小さい区分", false, Some(vec![5, 95, 0, 0])),
    ]);
    let svg = diverging_svg(&c).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    assert_eq!(t.iter().filter(|x| *x == SUPPRESSED_MARK).count(), 1);
    assert!(t.iter().any(|x| x == SUPPRESSED_NOTE));
    // Only the last row has segments: 5 % and 95 % (levels without answers draw nothing).
    assert_eq!(segments(&svg, 4, 2).len(), 2);
    // A 5 % segment prints no share; 95 % does; no disagreeing total is 0.0.
    assert!(!t.iter().any(|x| x == "5"), "{t:?}");
    assert!(t.iter().any(|x| x == "95"));
    assert!(t.iter().any(|x| x == "100.0") && t.iter().any(|x| x == "0.0"));
}

#[test]
fn bad_shapes_are_errors_and_empty_inputs_draw() {
    let short = chart(vec![row("a", false, Some(vec![1, 2, 3]))]);
    let err = diverging_svg(&short).unwrap_err().to_string();
    assert!(err.contains("3 shares for 4 levels"), "{err}");
    let mut too_many = chart(vec![]);
    too_many.positive = 5;
    assert!(diverging_svg(&too_many).is_err());

    let empty = Diverging {
        title: String::new(),
        levels: vec![],
        positive: 0,
        neutral: 0,
        rows: vec![],
    };
    let svg = diverging_svg(&empty).unwrap();
    assert_svg_document(&svg);
    assert!(texts(&svg)
        .iter()
        .any(|t| t == "表示するデータがありません"));
    let no_levels = Diverging {
        rows: vec![row("a", false, Some(vec![])), row("b", true, None)],
        ..empty
    };
    assert_svg_document(&diverging_svg(&no_levels).unwrap());
    // All levels agreeing, or none.
    for positive in [0, 4] {
        let mut c = chart(vec![row("a", false, Some(vec![1, 2, 3, 4]))]);
        c.positive = positive;
        assert_svg_document(&diverging_svg(&c).unwrap());
    }
}

#[test]
fn axis_extent_follows_the_largest_side() {
    let narrow = chart(vec![row("a", false, Some(vec![10, 20, 50, 20]))]);
    assert_eq!(extent(&narrow), 80.0);
    let even = chart(vec![row("a", false, Some(vec![1, 1, 1, 1]))]);
    assert_eq!(extent(&even), 60.0);
    assert_eq!(extent(&chart(vec![])), 20.0);
    let full = chart(vec![row("a", false, Some(vec![1, 0, 0, 0]))]);
    assert_eq!(extent(&full), 100.0);
    let t = texts(&diverging_svg(&narrow).unwrap());
    assert!(t.iter().filter(|x| *x == "80").count() == 2, "{t:?}");
    assert!(!t.iter().any(|x| x == "100"));
}

#[test]
fn a_neutral_middle_is_grey_centred_and_in_neither_total() {
    // 5 levels, 2 agreeing, 1 neutral: counts 10/20/40/20/10 of 100 (hand-worked shares:
    // agree 30, neutral 40 split 20 | 20 around 0, disagree 30). The largest side reaches
    // 30 + 20 = 50, so the axis runs to 60.
    let mut c = chart(vec![row("a", false, Some(vec![10, 20, 40, 20, 10]))]);
    c.levels = ["満足", "やや満足", "どちらともいえない", "やや不満", "不満"]
        .map(String::from)
        .to_vec();
    c.neutral = 1;
    assert_eq!(extent(&c), 60.0);
    let svg = diverging_svg(&c).unwrap();
    let t = texts(&svg);
    assert_eq!(t.iter().filter(|x| *x == "30.0").count(), 2, "{t:?}");
    assert!(
        t.iter().any(|x| x == "40"),
        "the neutral segment prints its share: {t:?}"
    );
    assert!(
        !t.iter().any(|x| x == "70.0"),
        "neutral is in neither total: {t:?}"
    );
    let grey = format!("{:?}", super::super::colors::NEUTRAL_COLOR);
    assert_eq!(
        level_color(2, 5, (2, 1), false),
        super::super::colors::NEUTRAL_COLOR,
        "{grey}"
    );
    assert_eq!(
        level_color(2, 5, (2, 1), true),
        super::super::colors::NEUTRAL_COLOR
    );
    // The disagreeing side keeps its own strength ramp: the last level is the strongest.
    assert_eq!(
        level_color(4, 5, (2, 1), false),
        level_color(3, 4, (2, 0), false)
    );
    let too_many = Diverging {
        neutral: 4,
        ..c.clone()
    };
    assert!(diverging_svg(&too_many).is_err());
}
