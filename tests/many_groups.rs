//! Breakdowns with many groups (src/render/sections.rs, `MAX_BAR_GROUPS` = 12): a segment of
//! more than 12 groups (全体 not counted) gets no grouped-bars chart
//! (`charts/items_by_<segment>.svg/.png`), which would be tens of thousands of pixels tall; its
//! heatmap (`charts/heatmap_<segment>.svg/.png`) alone carries the groups. A segment of 12 or
//! fewer groups still gets both charts. Tables are not affected: `tables/items_by_<segment>.csv`
//! is written for every segment, with every group in it.
//!
//! The data is written by the test: one wave, three agree4 items, a department attribute
//! (所属) with 13 departments (then 12, the boundary) and three age bands as a small second
//! segment. Every department has 10 to 12 people with mixed answers (never 0% or 100%), and
//! every age band about 50, so under the default (internal) profile no rule hides a cell: no
//! group is under `min_group` (5) or answers alike under `min_uniform_group` (10), there is
//! one wave so `min_change_members` has nothing to compare, and with nothing hidden the linked
//! rule has nothing to protect. The public-profile rule (a breakdown needs two shown groups)
//! does not apply to the internal profile, and all groups are shown anyway.
//!
//! report.html inlines its charts as SVG (no file names), each in a
//! `<figure role="img" aria-label="<chart title>">`; the heatmap's title says
//! 「色は全体との差」 and the bars' does not. So the HTML is checked through the figures of the
//! department section; report.md links the chart files by name and is checked for those.

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// Departments in the order the pipeline file lists them; the tests take the first 13 or 12.
const DEPARTMENTS: [&str; 13] = [
    "総務課",
    "企画課",
    "財政課",
    "税務課",
    "市民課",
    "福祉課",
    "保健課",
    "環境課",
    "産業課",
    "建設課",
    "都市計画課",
    "上下水道課",
    "教育総務課",
];

const AGE_BANDS: [&str; 3] = ["40歳代", "50歳代", "60歳代～"];

/// The agree4 levels; the first two count as positive.
const LEVELS: [&str; 4] = [
    "そう思う",
    "どちらかと言えばそう思う",
    "どちらかと言えばそう思わない",
    "そう思わない",
];

/// People in the k-th department: 10, 11 or 12.
fn size(k: usize) -> usize {
    10 + k % 3
}

/// Writes the data and the pipeline file for the first `n` departments into `dir`.
fn write_fixture(dir: &Path, n: usize) {
    let departments = &DEPARTMENTS[..n];
    let mut csv = String::from("ID,年代,所属,満足,やりがい,働きやすさ\n");
    let mut id = 0;
    for (k, dept) in departments.iter().enumerate() {
        for i in 0..size(k) {
            id += 1;
            let age = AGE_BANDS[id % 3];
            // Each item cycles through the four levels from a different start, so every
            // group has both positive and negative answers on every item.
            let answers: Vec<&str> = (0..3).map(|q| LEVELS[(i + k + q) % 4]).collect();
            csv.push_str(&format!("{id},{age},{dept},{}\n", answers.join(",")));
        }
    }
    std::fs::write(dir.join("data.csv"), csv).unwrap();

    // The marks fixture's pipeline file, with the attribute and segment renamed to
    // `department`, a third item and the age bands as a second segment.
    let pipeline = marks_pipeline(departments)
        .replace("id = \"dept\"", "id = \"department\"")
        .replace("attribute = \"dept\"", "attribute = \"department\"")
        .replace(
            "[[respondents.attributes]]",
            &format!(
                "[respondents.age]\ncolumn = \"年代\"\nbands = {AGE_BANDS:?}\n\n[[respondents.attributes]]"
            ),
        )
        .replace(
            "[[segments]]",
            "[[questions]]\nid = \"q3\"\nlabel = \"働きやすい\"\ncolumn = \"働きやすさ\"\nkind = \"scale\"\nscale = \"agree4\"\n\n\
             [[segments]]\nid = \"age\"\nlabel = \"年代別\"\nattribute = \"age\"\n\n[[segments]]",
        );
    assert!(
        pipeline.contains("[respondents.age]")
            && pipeline.contains("attribute = \"department\"")
            && pipeline.contains("id = \"q3\"")
            && !pipeline.contains("\"dept\""),
        "{pipeline}"
    );
    std::fs::write(dir.join("pipeline.toml"), pipeline).unwrap();
}

/// Runs the pipeline over the first `n` departments and returns the report directory.
fn run_with_departments(n: usize) -> PathBuf {
    run_written(&format!("many-groups-{n}"), |dir| write_fixture(dir, n)).join("R5")
}

/// The department section of report.html (from its `<section>` to the next `</section>`).
fn department_section(html: &str) -> &str {
    let start = html
        .find("<section id=\"segment-department\">")
        .expect("report.html has the department section");
    let len = html[start..].find("</section>").unwrap();
    &html[start..start + len]
}

/// The `aria-label`s of the figures in an HTML fragment.
fn figure_labels(html: &str) -> Vec<&str> {
    html.match_indices("<figure role=\"img\" aria-label=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// Checks the parts that do not depend on the number of departments: every department is in
/// the items table with its size and a share, both charts of the age segment are drawn, the
/// department heatmap is drawn and report.html inlines exactly the SVGs written.
fn check_common(report: &Path, n: usize) {
    // The precondition: no rule hid anything (suppression.csv has its header only).
    let hidden = csv_rows(&read_csv(&report.join("suppression.csv")));
    assert_eq!(hidden.len(), 1, "cells were hidden: {hidden:?}");

    // The items table is laid out with the items as rows and a block of columns per group
    // (「<group>（%）」, 「<group> n」, …), so each department is a set of columns.
    let table = csv_rows(&read_csv(&report.join("tables/items_by_department.csv")));
    assert_eq!(table.len(), 1 + 3, "a header and a row per item: {table:?}");
    let col = |name: &str| {
        table[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name} missing: {:?}", table[0]))
    };
    for (k, dept) in DEPARTMENTS[..n].iter().enumerate() {
        for row in &table[1..] {
            assert_eq!(
                row[col(&format!("{dept} n"))],
                size(k).to_string(),
                "{row:?}"
            );
            let share = &row[col(&format!("{dept}（%）"))];
            assert!(share.parse::<f64>().is_ok(), "{dept}: {share} in {row:?}");
        }
    }
    // No other department is in the table.
    let groups = table[0].iter().filter(|h| h.ends_with(" n")).count();
    assert_eq!(groups, 1 + n, "全体 and the departments: {:?}", table[0]);

    for chart in ["heatmap_department", "items_by_age", "heatmap_age"] {
        for ext in ["svg", "png"] {
            let f = report.join(format!("charts/{chart}.{ext}"));
            assert!(f.is_file(), "{} is not written", f.display());
        }
    }
    assert!(report.join("tables/items_by_age.csv").is_file());

    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    let svgs = files(&report.join("charts"))
        .iter()
        .filter(|f| f.ends_with(".svg"))
        .count();
    assert_eq!(html.matches("<svg").count(), svgs, "inline SVGs vs files");
    let labels = figure_labels(department_section(&html));
    assert!(
        labels.iter().any(|l| l.contains("色は全体との差")),
        "no heatmap in the department section: {labels:?}"
    );
    let md = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(md.contains("(charts/heatmap_department.svg)"));
    assert!(md.contains("(charts/items_by_age.svg)"));
    assert!(md.contains("(charts/heatmap_age.svg)"));
}

#[test]
fn thirteen_departments_get_a_heatmap_but_no_bars_chart() {
    let report = run_with_departments(13);
    check_common(&report, 13);
    for ext in ["svg", "png"] {
        let f = report.join(format!("charts/items_by_department.{ext}"));
        assert!(!f.exists(), "{} is written", f.display());
    }
    // The reports neither link nor inline the bars chart: the department section holds one
    // figure, the heatmap.
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    assert!(!html.contains("items_by_department.svg") && !html.contains("items_by_department.png"));
    let labels = figure_labels(department_section(&html));
    assert_eq!(labels.len(), 1, "{labels:?}");
    assert!(labels[0].contains("色は全体との差"), "{labels:?}");
    let md = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(!md.contains("items_by_department.svg") && !md.contains("items_by_department.png"));
}

#[test]
fn twelve_departments_still_get_the_bars_chart() {
    let report = run_with_departments(12);
    check_common(&report, 12);
    for ext in ["svg", "png"] {
        let f = report.join(format!("charts/items_by_department.{ext}"));
        assert!(f.is_file(), "{} is not written", f.display());
    }
    // Both figures in the department section: the bars (a title without 「色は全体との差」)
    // and the heatmap.
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    let labels = figure_labels(department_section(&html));
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(
        labels.iter().any(|l| !l.contains("色は全体との差")),
        "{labels:?}"
    );
    let md = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(md.contains("(charts/items_by_department.svg)"));
}
