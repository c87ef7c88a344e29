//! Tests of the comparison bars.

use super::*;
use crate::render::charts::draw::NO_DATA;
use crate::render::charts::test_support::{
    assert_svg_document, attr, hex, rects_filled, text_element, texts,
};

fn sample() -> ComparisonBars {
    ComparisonBars {
        title: "職員1人当たりの年間時間外勤務時間".into(),
        labels: vec![
            "しおかぜ市".into(),
            "道内主要都市平均".into(),
            "みなと市".into(),
            "やまなみ町".into(),
        ],
        values: vec![12.345, 10.0, 8.25, 15.5],
        highlight: vec![true, false, false, false],
        warning: false,
        unit: "時間".into(),
        decimals: 1,
        caption: "出典: 令和4年度勤務条件等調査".into(),
    }
}

fn accent(svg: &str) -> Vec<&str> {
    rects_filled(svg, &ACCENT_COLOR)
}

fn muted(svg: &str) -> Vec<&str> {
    rects_filled(svg, &MUTED_COLOR)
}

#[test]
fn bars_print_names_values_with_their_unit_and_the_caption() {
    let c = sample();
    let svg = comparison_bars_svg(&c).unwrap();
    assert_svg_document(&svg);
    assert_eq!(svg, comparison_bars_svg(&c).unwrap(), "not deterministic");
    let t = texts(&svg);
    for s in [
        "職員1人当たりの年間時間外勤務時間",
        "しおかぜ市",
        "道内主要都市平均",
        "みなと市",
        "やまなみ町",
        // One decimal, half-up (8.25 → 8.3), with the unit.
        "12.3時間",
        "10.0時間",
        "8.3時間",
        "15.5時間",
        "出典: 令和4年度勤務条件等調査",
    ] {
        assert!(t.iter().any(|x| x == s), "{s} missing in {t:?}");
    }
    assert!(!t.iter().any(|x| x == "8.2時間" || x == "12.345時間"));
    // Other decimals and units.
    let mut whole = sample();
    whole.decimals = 0;
    whole.unit = "日".into();
    let t = texts(&comparison_bars_svg(&whole).unwrap());
    assert!(t.iter().any(|x| x == "12日") && t.iter().any(|x| x == "16日"));
}

#[test]
fn the_city_is_in_the_accent_colour_and_the_others_are_muted() {
    let svg = comparison_bars_svg(&sample()).unwrap();
    let (own, others) = (accent(&svg), muted(&svg));
    assert_eq!((own.len(), others.len()), (1, 3), "{own:?} {others:?}");
    // The accent bar is the first organisation's, on a tinted band.
    assert!(others.iter().all(|o| attr(o, "y") > attr(own[0], "y")));
    let band = rects_filled(&svg, &ACCENT_BAND_COLOR);
    assert_eq!(band.len(), 1);
    assert!(attr(band[0], "y") < attr(own[0], "y"));
    assert!(attr(band[0], "y") + attr(band[0], "height") > attr(own[0], "y"));
    // Its value is printed in the accent colour, the others' are not.
    let accent_fill = hex(&ACCENT_COLOR);
    assert!(text_element(&svg, "12.3時間")
        .unwrap()
        .contains(&accent_fill));
    for v in ["10.0時間", "8.3時間", "15.5時間"] {
        assert!(
            !text_element(&svg, v).unwrap().contains(&accent_fill),
            "{v}"
        );
    }
    // Bars start at one axis and are as long as their values: 15.5 is 1.55 times 10.
    let w = |r: &str| attr(r, "width");
    assert!(others.iter().all(|o| attr(o, "x") == attr(own[0], "x")));
    // (Each width is off by less than a pixel through rounding, so 1.55 times one by less than
    // 2.55.)
    assert!(
        (w(others[2]) - 1.55 * w(others[0])).abs() < 2.55,
        "{others:?}"
    );
    assert!((w(own[0]) - 1.2345 * w(others[0])).abs() < 2.25, "{own:?}");
    // Each value right after its bar.
    let label = text_element(&svg, "15.5時間").unwrap();
    let end = attr(others[2], "x") + w(others[2]);
    assert!(
        attr(label, "x") > end && attr(label, "x") < end + 8.0,
        "{label}"
    );

    // Two highlighted bars, or none.
    let mut two = sample();
    two.highlight = vec![true, false, true, false];
    let svg = comparison_bars_svg(&two).unwrap();
    assert_eq!((accent(&svg).len(), muted(&svg).len()), (2, 2));
    let mut none = sample();
    none.highlight = vec![];
    let svg = comparison_bars_svg(&none).unwrap();
    assert_eq!((accent(&svg).len(), muted(&svg).len()), (0, 4));
    assert!(rects_filled(&svg, &ACCENT_BAND_COLOR).is_empty());
}

#[test]
fn percentages_end_at_100() {
    let mut c = sample();
    c.unit = "%".into();
    c.values = vec![95.0, 62.5, 80.0, 100.0];
    let t = texts(&comparison_bars_svg(&c).unwrap());
    assert!(t.iter().any(|x| x == "100") && !t.iter().any(|x| x == "120"));
    assert!(t.iter().any(|x| x == "62.5%"));
}

#[test]
fn empty_and_odd_inputs_do_not_fail() {
    let empty = ComparisonBars {
        title: "比較".into(),
        labels: vec![],
        values: vec![],
        highlight: vec![],
        warning: false,
        unit: "時間".into(),
        decimals: 1,
        caption: String::new(),
    };
    let svg = comparison_bars_svg(&empty).unwrap();
    assert_svg_document(&svg);
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "比較") && t.iter().any(|x| x == NO_DATA));

    // Zero: no bar, its value printed; negative: no bar, printed; NaN: nothing.
    let mut odd = sample();
    odd.values = vec![0.0, -2.0, f64::NAN, 0.0];
    let svg = comparison_bars_svg(&odd).unwrap();
    assert_svg_document(&svg);
    assert!(accent(&svg).is_empty() && muted(&svg).is_empty());
    let t = texts(&svg);
    assert_eq!(t.iter().filter(|x| *x == "0.0時間").count(), 2);
    assert!(t.iter().any(|x| x == "-2.0時間"));
    assert!(!t.iter().any(|x| x.contains("NaN")));

    let mut long = sample();
    long.labels[1] = "道内主要都市（札幌市・旭川市・函館市・釧路市・帯広市）平均".into();
    long.caption = "出典: 令和4年度地方公共団体の勤務条件等に関する調査（総務省）".repeat(5);
    long.title = long.title.repeat(10);
    let svg = comparison_bars_svg(&long).unwrap();
    assert_svg_document(&svg);
    // The long name takes two lines, whole, and every band grows to hold two lines.
    let t = texts(&svg);
    let name = &long.labels[1];
    let first = t
        .iter()
        .position(|x| !x.is_empty() && name.starts_with(x.as_str()))
        .unwrap();
    assert_eq!(format!("{}{}", t[first], t[first + 1]), *name, "{t:?}");
    let height = |svg: &str| attr(svg.lines().next().unwrap(), "height");
    let mut two_lines = sample();
    two_lines.labels[1] = name.clone();
    let grown = height(&comparison_bars_svg(&two_lines).unwrap());
    assert_eq!(
        grown - height(&comparison_bars_svg(&sample()).unwrap()),
        4.0 * 8.0
    );
    let one = ComparisonBars {
        labels: vec!["しおかぜ市".into()],
        values: vec![3.0],
        highlight: vec![true],
        warning: false,
        ..sample()
    };
    assert_eq!(accent(&comparison_bars_svg(&one).unwrap()).len(), 1);
}

#[test]
fn values_or_flags_not_one_per_label_are_errors() {
    let mut c = sample();
    c.values.pop();
    let err = comparison_bars_svg(&c).unwrap_err().to_string();
    assert!(err.contains("3 values for 4 labels"), "{err}");
    let mut c = sample();
    c.highlight = vec![true];
    assert!(comparison_bars_svg(&c).is_err());
}
