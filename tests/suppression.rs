//! Confidentiality: a 4-person age band (20代) and a 3-person department (監査室) must not be
//! shown anywhere under the report directory, and no total may give them away: with each,
//! the next smallest group of its segment (30代, 総務課) is suppressed too.
//! Data: tests/fixtures/suppression/make_fixture.py.

mod common;

use calamine::{open_workbook, Reader, Xlsx};
use common::*;
use std::path::Path;

const HIDDEN: [&str; 4] = ["20代", "30代", "監査室", "総務課"];
/// The suppression mark (as in Japan's official statistics, 「x」 = 秘匿).
const MARK: &str = "x";

fn report() -> std::path::PathBuf {
    let out = temp_dir("suppression");
    run_ok("tests/fixtures/suppression/pipeline.toml", &out);
    out.join("pipeline/R5")
}

/// Every table the report holds: each CSV file, and each sheet of report.xlsx (cells as text;
/// shares there are fractions, which the marker checks do not mind).
fn tables(dir: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut out: Vec<(String, Vec<Vec<String>>)> = files(&dir.join("tables"))
        .into_iter()
        .filter(|f| f.ends_with(".csv"))
        .map(|f| {
            let r = rows(&dir.join("tables").join(&f));
            (f, r)
        })
        .collect();
    let mut book: Xlsx<_> = open_workbook(dir.join("report.xlsx")).unwrap();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        // The table ends at the first empty row (its note follows).
        let rows = range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<String>>())
            .take_while(|r| r.iter().any(|c| !c.is_empty()))
            .collect();
        out.push((format!("report.xlsx:{name}"), rows));
    }
    out
}

fn rows(path: &Path) -> Vec<Vec<String>> {
    csv_rows(&read_csv(path))
}

#[test]
fn every_cell_of_a_small_group_and_its_partner_is_a_marker() {
    let dir = report();
    let mut checked = 0;
    for (f, rows) in tables(&dir) {
        if rows.is_empty() || f.ends_with(":表紙") {
            continue;
        }
        let header = &rows[0];
        // Wide tables: columns named after a hidden group.
        for (j, h) in header.iter().enumerate() {
            if HIDDEN
                .iter()
                .any(|g| h.starts_with(&format!("{g}（")) || h.starts_with(&format!("{g} ")))
            {
                for r in &rows[1..] {
                    assert_eq!(r[j], MARK, "{f}, column {h}: {r:?}");
                    checked += 1;
                }
            }
        }
        // Long tables: rows naming a hidden group; every cell after the keys is a marker.
        let gcol = header
            .iter()
            .position(|h| h == "グループ")
            .or_else(|| header.iter().position(|h| h == "区分"));
        if let Some(gcol) = gcol {
            let first_value = header
                .iter()
                .position(|h| ["回答者数", "n", "人数"].contains(&h.as_str()))
                .unwrap_or(header.len());
            for r in &rows[1..] {
                if HIDDEN.contains(&r[gcol].as_str()) {
                    assert!(r[first_value..].iter().all(|c| c == MARK), "{f}: {r:?}");
                    checked += r.len() - first_value;
                }
            }
        }
        // Top tables: a hidden group's column is all markers.
        if f.starts_with("top_") || f.contains("回答数の多いもの") {
            for (j, h) in header.iter().enumerate() {
                if HIDDEN.contains(&h.as_str()) {
                    assert!(rows[1..].iter().all(|r| r[j] == MARK), "{f}, column {h}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 300, "only {checked} cells checked");
}

#[test]
fn no_segment_shows_exactly_one_hidden_group() {
    // With two or more groups hidden, 全体 minus the groups shown is a sum of several groups
    // and gives none of them away.
    let dir = report();
    for (file, groups) in [
        ("items_by_age.csv", vec!["20代", "30代", "40代以上"]),
        ("items_by_dept.csv", vec!["監査室", "総務課", "企画課"]),
    ] {
        let rows = rows(&dir.join("tables").join(file));
        for r in &rows[1..] {
            let hidden = groups
                .iter()
                .filter(|g| {
                    let j = rows[0]
                        .iter()
                        .position(|h| h == &format!("{g}（%）"))
                        .unwrap();
                    r[j] == MARK
                })
                .count();
            assert_eq!(hidden, 2, "{file}: {r:?}");
        }
    }
}

#[test]
fn charts_and_markdown_show_no_value_of_a_hidden_group() {
    let dir = report();
    // The hidden groups' true shares, by hand from make_fixture.py: 20代 q1 3/4 = 75.0 and q2
    // 3/4 = 75.0; 30代 q1 8/15 = 53.3, q2 14/15 = 93.3; 監査室 q1 2/3 = 66.7, q2 3/3 = 100.0;
    // 総務課 q1 10/17 = 58.8, q2 15/17 = 88.2. None of these is a visible value of the same chart.
    let age = std::fs::read_to_string(dir.join("charts/items_by_age.svg")).unwrap();
    for v in ["75.0", "53.3", "93.3"] {
        assert!(
            !age.contains(&format!(">{v}")),
            "items_by_age.svg shows {v}"
        );
    }
    assert!(
        age.contains("x 秘匿"),
        "the chart shows where a group is suppressed"
    );
    let dept = std::fs::read_to_string(dir.join("charts/items_by_dept.svg")).unwrap();
    for v in ["66.7", "100.0", "58.8", "88.2"] {
        assert!(
            !dept.contains(&format!(">{v}")),
            "items_by_dept.svg shows {v}"
        );
    }
    // The bar charts' legends give each shown group's n and no hidden group's.
    assert!(age.contains("40代以上（n="), "a shown group's n");
    assert!(dept.contains("企画課（n="), "a shown group's n");
    for g in ["20代", "30代"] {
        assert!(
            !age.contains(&format!("{g}（n=")),
            "items_by_age.svg gives {g}'s n"
        );
    }
    for g in ["監査室", "総務課"] {
        assert!(
            !dept.contains(&format!("{g}（n=")),
            "items_by_dept.svg gives {g}'s n"
        );
    }
    // Their Wilson intervals (3/4: 30.1–95.4; 2/3: 20.8–93.9; 8/15: 30.1–75.2) appear nowhere.
    let mut texts: Vec<(String, String)> = files(&dir)
        .into_iter()
        .filter_map(|f| std::fs::read_to_string(dir.join(&f)).ok().map(|t| (f, t)))
        .collect();
    for (name, rows) in tables(&dir) {
        let text = rows
            .iter()
            .map(|r| r.join(","))
            .collect::<Vec<_>>()
            .join("\n");
        texts.push((name, text));
    }
    for (f, text) in &texts {
        for ci in [
            "30.1–95.4",
            "20.8–93.9",
            "30.1,95.4",
            "20.8,93.9",
            "0.301,0.954",
            "0.208,0.939",
        ] {
            assert!(!text.contains(ci), "{f} shows the interval {ci}");
        }
    }
    let md = std::fs::read_to_string(dir.join("tables/items_by_age.md")).unwrap();
    let row = md
        .lines()
        .find(|l| l.starts_with("| 満足している"))
        .unwrap();
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    assert_eq!(&cells[3..5], [MARK, MARK], "{row}");
}

#[test]
fn department_sheets_hide_the_same_groups_and_give_nothing_of_them_away() {
    // The department sheets (所属別カルテ) of 監査室 (3 people) and 総務課 (17, its partner)
    // say only that they are hidden; 企画課's sheet shows its values. Neither a hidden
    // group's size (3, 17) nor its shares (q1 66.7 / 58.8, q2 100.0 / 88.2, by hand above)
    // are on any sheet, in HTML or in the workbook. (Together they are 20, as many as 企画課:
    // 全体 40 minus 企画課 gives the two together, never one of them.)
    let dir = report();
    let sheets = dir.join("sheets");
    let names: Vec<String> = files(&sheets.join("dept")).into_iter().collect();
    assert_eq!(
        names,
        ["01_監査室.html", "02_総務課.html", "03_企画課.html"]
    );
    let body = |f: &str| {
        let html = std::fs::read_to_string(sheets.join(f)).unwrap();
        html.split_once("<body>").unwrap().1.to_string()
    };
    for f in ["dept/01_監査室.html", "dept/02_総務課.html"] {
        let b = body(f);
        assert!(b.contains("このグループの結果は表示しません"), "{f}");
        assert!(!b.contains("<table"), "{f} has no table");
    }
    assert!(body("dept/03_企画課.html").contains("<table"));
    let all = body("dept.html");
    for v in ["66.7", "58.8", "100.0", "88.2", ">3人<", ">17人<"] {
        assert!(!all.contains(v), "the sheets show {v}");
    }
    let mut book: Xlsx<_> = open_workbook(sheets.join("dept.xlsx")).unwrap();
    for hidden in ["監査室", "総務課"] {
        let range = book.worksheet_range(hidden).unwrap();
        let numbers = range
            .cells()
            .filter(|(_, _, c)| matches!(c, calamine::Data::Float(_) | calamine::Data::Int(_)))
            .count();
        assert_eq!(numbers, 0, "{hidden}'s sheet holds no number");
    }
    let shown = book.worksheet_range("企画課").unwrap();
    let texts: Vec<String> = shown.cells().map(|(_, _, c)| c.to_string()).collect();
    for v in ["0.667", "0.588", "0.882"] {
        assert!(
            !texts.iter().any(|t| t == v),
            "企画課's sheet shows a hidden share {v}"
        );
    }
}
