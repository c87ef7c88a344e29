//! Tests of the heatmap.

use super::*;
use crate::render::charts::test_support::{assert_svg_document, attr, hex, text_element, texts};

fn value(share: f64, diff: f64, significant: bool) -> HeatCell {
    HeatCell::Value {
        share,
        diff,
        significant,
    }
}

fn chart(cells: Vec<Vec<HeatCell>>, negative: Vec<bool>) -> Heatmap {
    Heatmap {
        title: "設問別 肯定的回答の割合（所属別）".into(),
        rows: (0..cells.len()).map(|i| format!("設問{}", i + 1)).collect(),
        negative,
        columns: vec!["総務部".into(), "保健福祉部（子ども家庭課を含む）".into()],
        cells,
        overall: None,
    }
}

/// Fill colours of the cells' `<rect>` elements (the filled ones without stroke).
fn fills(svg: &str) -> Vec<String> {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains("stroke=\"none\""))
        .filter_map(|l| l.split("fill=\"").nth(1))
        .map(|f| f[..7].to_string())
        .collect()
}

#[test]
fn labels_values_and_marks() {
    let c = chart(
        vec![
            vec![value(62.25, 4.1, true), value(48.0, -10.2, false)],
            vec![value(31.7, 8.5, false), HeatCell::Empty],
        ],
        vec![false, true],
    );
    let svg = heatmap_svg(&c).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    for s in [
        "設問別 肯定的回答の割合（所属別）",
        "設問1",
        "▼設問2",
        "総務部",
        "62.3 *",
        "48.0",
        "31.7",
        "-",
        SCALE_LOW,
        SCALE_HIGH,
        SIGNIFICANT_NOTE,
    ] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    // The long column header is wrapped, and nothing of it is lost.
    let header: String = t
        .iter()
        .filter(|x| x.contains("保健") || x.contains("家庭課"))
        .cloned()
        .collect();
    assert_eq!(header, "保健福祉部（子ども家庭課を含む）");
    let note = format!("{NEGATIVE_NOTE}{REVERSED_NOTE}");
    let el = text_element(&svg, &note).expect("reversed-colour note");
    assert!(el.contains(&hex(&NEGATIVE_COLOR)));
    assert!(!t.iter().any(|x| x == SUPPRESSED_NOTE));
    assert_eq!(heatmap_svg(&c).unwrap(), svg, "deterministic");
}

#[test]
fn suppressed_cells_print_no_number() {
    let shown = chart(
        vec![vec![value(37.7, -3.0, true), value(50.0, 1.0, false)]],
        vec![],
    );
    let svg = heatmap_svg(&shown).unwrap();
    assert!(texts(&svg).iter().any(|x| x == "37.7 *"));
    let mut hidden = shown.clone();
    hidden.cells[0][0] = HeatCell::Suppressed;
    let svg = heatmap_svg(&hidden).unwrap();
    assert!(!svg.contains("37.7"), "a suppressed share is printed");
    let t = texts(&svg);
    assert_eq!(t.iter().filter(|x| *x == SUPPRESSED_MARK).count(), 1);
    assert!(t.iter().any(|x| x == SUPPRESSED_NOTE));
    assert!(!t.iter().any(|x| x == SIGNIFICANT_NOTE), "no mark shown");
    // Suppressed and empty cells are grey.
    assert!(fills(&svg).contains(&hex(&EMPTY_CELL_COLOR)));
}

#[test]
fn colours_follow_the_difference_and_flip_for_negative_statements() {
    let white = RGBColor(0xFF, 0xFF, 0xFF);
    assert_eq!(heat_color(0.0, false), white);
    assert_eq!(heat_color(0.0, true), white);
    assert_eq!(heat_color(f64::NAN, false), white);
    assert_eq!(heat_color(15.0, false), GOOD_STRONG);
    assert_eq!(
        heat_color(40.0, false),
        GOOD_STRONG,
        "saturates at 15 points"
    );
    assert_eq!(heat_color(-15.0, false), BAD_STRONG);
    assert_eq!(heat_color(15.0, true), BAD_STRONG);
    assert_eq!(heat_color(-15.0, true), GOOD_STRONG);
    let half = heat_color(7.5, false);
    assert!(half.2 > half.0 && half != GOOD_STRONG, "{half:?}");

    // The same cell on a positive and on a negative statement: blue, then orange. (12 points is
    // not one of the legend's steps, so its colour appears only in the cells.)
    let cells = vec![vec![value(60.0, 12.0, false), value(40.0, -12.0, false)]];
    let plain = fills(&heatmap_svg(&chart(cells.clone(), vec![false])).unwrap());
    let negative = fills(&heatmap_svg(&chart(cells, vec![true])).unwrap());
    let (blue, orange) = (
        hex(&heat_color(12.0, false)),
        hex(&heat_color(-12.0, false)),
    );
    let order = |f: &[String]| {
        (
            f.iter().position(|c| *c == blue),
            f.iter().position(|c| *c == orange),
        )
    };
    let (b, o) = order(&plain);
    assert!(b.unwrap() < o.unwrap(), "first cell blue: {plain:?}");
    let (b, o) = order(&negative);
    assert!(o.unwrap() < b.unwrap(), "first cell orange: {negative:?}");
}

#[test]
fn bad_shapes_are_errors_and_empty_inputs_draw() {
    let ragged = chart(vec![vec![HeatCell::Empty]], vec![]);
    let err = heatmap_svg(&ragged).unwrap_err().to_string();
    assert!(err.contains("1 cells for 2 columns"), "{err}");
    let mut missing_row = chart(vec![vec![HeatCell::Empty; 2]], vec![]);
    missing_row.rows.push("設問2".into());
    assert!(heatmap_svg(&missing_row).is_err());
    assert!(heatmap_svg(&chart(vec![vec![HeatCell::Empty; 2]], vec![true, false])).is_err());

    let empty = Heatmap {
        title: String::new(),
        rows: vec![],
        negative: vec![],
        columns: vec![],
        cells: vec![],
        overall: None,
    };
    let svg = heatmap_svg(&empty).unwrap();
    assert_svg_document(&svg);
    assert!(texts(&svg)
        .iter()
        .any(|t| t == "表示するデータがありません"));
    let no_columns = Heatmap {
        rows: vec!["設問1".into()],
        cells: vec![vec![]],
        ..empty
    };
    assert_svg_document(&heatmap_svg(&no_columns).unwrap());
}

#[test]
fn many_columns_widen_the_chart() {
    let columns: Vec<String> = (1..=16).map(|i| format!("第{i}課")).collect();
    let c = Heatmap {
        title: "所属別".into(),
        rows: vec!["設問1".into()],
        negative: vec![],
        cells: vec![vec![value(50.0, 0.0, false); columns.len()]],
        columns,
        overall: None,
    };
    let svg = heatmap_svg(&c).unwrap();
    let width: f64 = svg
        .split("width=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(width >= 16.0 * MIN_CELL_W, "{width}");
}

#[test]
fn the_overall_column_is_first_uncoloured_and_set_apart() {
    let mut c = chart(
        vec![
            vec![value(62.25, 4.1, true), value(48.0, -10.2, false)],
            vec![value(31.7, 8.5, false), HeatCell::Empty],
        ],
        vec![false, true],
    );
    let overall = |share: f64| value(share, 12.0, true);
    c.overall = Some(OverallColumn {
        label: "全体".into(),
        cells: vec![overall(58.15), overall(23.2)],
    });
    let svg = heatmap_svg(&c).unwrap();
    let t = texts(&svg);
    // Its header and shares, without marks (a mark compares a group with the whole).
    for s in ["全体", "58.2", "23.2"] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    assert!(!t.iter().any(|x| x == "58.2 *"), "{t:?}");
    // Left of the groups, with a gap wider than the grid's.
    let x = |s: &str| attr(text_element(&svg, s).unwrap(), "x");
    let (overall_x, first_x, second_x) = (x("58.2"), x("62.3 *"), x("48.0"));
    assert!(overall_x < first_x, "{overall_x} {first_x}");
    assert!(
        first_x - overall_x > second_x - first_x + OVERALL_GAP / 2.0,
        "set apart: {overall_x} {first_x} {second_x}"
    );
    // Not coloured by its difference: the 12-point colour (of neither statement) appears
    // nowhere, and the header row is one line higher than the cells.
    let fill = |d: f64, neg: bool| hex(&heat_color(d, neg));
    for (d, neg) in [(12.0, false), (12.0, true)] {
        assert!(!fills(&svg).contains(&fill(d, neg)), "{:?}", fills(&svg));
    }
    assert!(
        attr(text_element(&svg, "全体").unwrap(), "y")
            < attr(text_element(&svg, "58.2").unwrap(), "y")
    );
    // Without it: no 全体 header.
    c.overall = None;
    assert!(!texts(&heatmap_svg(&c).unwrap()).iter().any(|x| x == "全体"));
    // One cell per statement.
    c.overall = Some(OverallColumn {
        label: "全体".into(),
        cells: vec![overall(1.0)],
    });
    assert!(heatmap_svg(&c).is_err());
}

#[test]
fn column_headers_are_not_broken_inside_a_word() {
    let columns: Vec<String> = [
        "総務部",
        "教育委員会",
        "10～20歳代",
        "60歳代～",
        "会計年度任用職員",
        "消防本部",
    ]
    .map(String::from)
    .to_vec();
    let c = Heatmap {
        title: "所属別".into(),
        rows: vec!["設問1".into()],
        negative: vec![],
        cells: vec![vec![value(50.0, 0.0, false); columns.len()]],
        columns: columns.clone(),
        overall: Some(OverallColumn {
            label: "全体".into(),
            cells: vec![value(50.0, 0.0, false)],
        }),
    };
    let t = texts(&heatmap_svg(&c).unwrap());
    // Every header is printed whole, on one line.
    for h in &columns {
        assert!(t.iter().any(|x| x == h), "{h} broken: {t:?}");
    }
    assert!(
        !t.iter().any(|x| x == "教育委員" || x == "10～20歳"),
        "{t:?}"
    );
}
