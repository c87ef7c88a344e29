//! One vocabulary of marks: a table and its charts mark the same cells. The fixture
//! (tests/fixtures/marks/make_fixture.py) has a department segment of four groups with two
//! hidden (one too small, one hidden with it), so two groups are shown; they differ on q1
//! (90.0% against 30.0%, z = 5.48 by hand, p < 0.001) and not on q2 (50.0% each).

mod common;

use common::*;

/// The text of every `<text>` element of an SVG (one line per element in our SVGs).
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(body.split("</text>").next()?.trim().to_string())
        })
        .collect()
}

#[test]
fn the_table_and_the_charts_mark_the_same_cells_when_two_of_four_groups_are_hidden() {
    let out = temp_dir("marks");
    run_ok("tests/fixtures/marks/pipeline.toml", &out);
    let dir = out.join("pipeline/R5");
    let table = csv_rows(&read_csv(&dir.join("tables/items_by_dept.csv")));
    let col = |name: &str| {
        table[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {:?}", table[0]))
    };
    let row = |id: &str| table.iter().find(|r| r[0] == id).unwrap().clone();
    let (q1, q2) = (row("q1"), row("q2"));
    // Hidden: the 3-person 監査室 and, with it, the next smallest 企画課.
    for g in ["監査室", "企画課"] {
        assert_eq!(q1[col(&format!("{g}（%）"))], "x", "{g} is hidden");
    }
    // Shown and different: both marked in the table …
    assert_eq!(q1[col("総務課（%）")], "90.0");
    assert_eq!(q1[col("財政課（%）")], "30.0");
    assert_eq!(q1[col("総務課 注")], "*");
    assert_eq!(q1[col("財政課 注")], "*");
    assert_eq!(q2[col("総務課 注")], "");
    assert_eq!(q2[col("財政課 注")], "");
    // … and in the bar chart and the heatmap, on the same cells and no others.
    for chart in ["items_by_dept", "heatmap_dept"] {
        let svg = std::fs::read_to_string(dir.join(format!("charts/{chart}.svg"))).unwrap();
        let marked: Vec<String> = svg_texts(&svg)
            .into_iter()
            .filter(|t| t.ends_with(" *") && t.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        assert_eq!(marked, ["90.0 *", "30.0 *"], "{chart}");
        assert!(
            svg.contains("x 秘匿"),
            "{chart} shows where groups are hidden"
        );
    }
}

#[test]
fn with_one_group_of_three_too_small_the_table_and_the_charts_agree() {
    // The marks fixture without 企画課: 監査室 (3 people) is under the minimum, and one of the
    // two others must be hidden with it (else 全体 minus the shown ones gives it away), so a
    // single group is shown. A lone shown group is tested against nothing (a test against the
    // hidden people would tell about them), so the table marks nothing, and neither may the
    // charts: the table's marks and the charts' are the same, here none.
    let out = temp_dir("marks3");
    let dir = out.join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let data = std::fs::read_to_string(root().join("tests/fixtures/marks/data.csv")).unwrap();
    let kept: Vec<&str> = data.lines().filter(|l| !l.contains("企画課")).collect();
    std::fs::write(dir.join("data.csv"), kept.join("\n") + "\n").unwrap();
    let pipeline = marks_pipeline(&["監査室", "総務課", "財政課"]);
    assert!(pipeline.contains(r#"["監査室", "総務課", "財政課"]"#));
    std::fs::write(dir.join("pipeline.toml"), pipeline).unwrap();
    let report = run_succeeds(&dir.join("pipeline.toml"), &out.join("out")).join("R5");
    let table = csv_rows(&read_csv(&report.join("tables/items_by_dept.csv")));
    let col = |name: &str| table[0].iter().position(|h| h == name).unwrap();
    let shown: Vec<&str> = ["監査室", "総務課", "財政課"]
        .into_iter()
        .filter(|g| table[1][col(&format!("{g}（%）"))] != "x")
        .collect();
    assert_eq!(shown.len(), 1, "two of three hidden: {shown:?}");
    assert_eq!(table[1][col("監査室（%）")], "x");
    // The marked values in the table, item by item, as the charts print them ("90.0 *").
    let marked_in_table: Vec<String> = table[1..]
        .iter()
        .filter(|r| r[col(&format!("{} 注", shown[0]))].contains('*'))
        .map(|r| format!("{} *", r[col(&format!("{}（%）", shown[0]))]))
        .collect();
    assert!(marked_in_table.is_empty(), "{marked_in_table:?}");
    assert_eq!(
        table[1][col("群間の差")],
        "",
        "no test with one group shown"
    );
    for chart in ["items_by_dept", "heatmap_dept"] {
        let svg = std::fs::read_to_string(report.join(format!("charts/{chart}.svg"))).unwrap();
        let marked: Vec<String> = svg_texts(&svg)
            .into_iter()
            .filter(|t| t.ends_with(" *") && t.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        assert_eq!(marked, marked_in_table, "{chart}");
        assert!(svg.contains("x 秘匿"), "{chart} shows the hidden groups");
    }
}
