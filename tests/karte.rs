//! The department sheets (所属別カルテ, issue 9 §4): one page per group, as HTML per group, one
//! combined HTML and an xlsx workbook, with suppression as everywhere.
//!
//! The marks fixture (tests/fixtures/marks/make_fixture.py) has four departments: 監査室 (3
//! people, under the minimum of 5) and 企画課 (20, hidden with it so that 監査室 cannot be
//! worked out from the total) are hidden; 総務課 and 財政課 (40 each) are shown. Worked by
//! hand from the generator: on q1 総務課 has 36 of 40 positive (90.0%), 財政課 12 of 40
//! (30.0%), 監査室 2 of 3 (ids 1 and 3) and 企画課 10 of 20 (the odd ids 5–23), so the whole
//! has 60 of 103 = 58.25…%; 総務課 differs from the whole by 90.0 − 58.25 = +31.7 points and
//! 財政課 by 30.0 − 58.25 = −28.3, both significant (the two shown groups differ: z = 5.48).

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of an HTML page's body without its tags, for searching: each cell, heading and
/// paragraph apart, the spans inside a cell (which keep words whole) joined.
fn text(html: &str) -> String {
    let body = html.split_once("<body>").map_or(html, |(_, b)| b);
    let mut out = String::new();
    let mut tag: Option<String> = None;
    for c in body.chars() {
        match (c, &mut tag) {
            ('<', None) => tag = Some(String::new()),
            ('>', Some(t)) => {
                let name = t.trim_start_matches('/').split(' ').next().unwrap_or("");
                if name != "span" {
                    out.push(' ');
                }
                tag = None;
            }
            (c, Some(t)) => t.push(c),
            (c, None) => out.push(c),
        }
    }
    out
}

#[test]
fn every_group_gets_a_sheet_and_hidden_groups_show_nothing() {
    let out = temp_dir("karte");
    run_ok("tests/fixtures/marks/pipeline.toml", &out);
    let dir = out.join("pipeline/R5/sheets");
    let names: Vec<String> = files(&dir.join("dept")).into_iter().collect();
    assert_eq!(
        names,
        [
            "01_監査室.html",
            "02_企画課.html",
            "03_総務課.html",
            "04_財政課.html"
        ]
    );
    for hidden in ["01_監査室.html", "02_企画課.html"] {
        let page = read(&dir.join("dept").join(hidden));
        let t = text(&page);
        assert!(
            t.contains("このグループの結果は表示しません"),
            "{hidden}: {t}"
        );
        assert!(!page.contains("<table"), "{hidden} has no table");
        // Neither its size (3 or 20) nor any share is on its page.
        assert!(
            !t.chars().any(|c| c.is_ascii_digit() && c != '5'),
            "{hidden} shows no number but the minimum group of 5 and the year: {t}"
        );
    }
    let shown = text(&read(&dir.join("dept/03_総務課.html")));
    for expected in ["40人", "103人", "90.0", "58.3", "+31.7*"] {
        assert!(shown.contains(expected), "総務課 shows {expected}: {shown}");
    }
    let other = text(&read(&dir.join("dept/04_財政課.html")));
    assert!(
        other.contains("-28.3*"),
        "財政課 against the whole: {other}"
    );
    // q2: 20 of 40 positive (the odd ids 25–63) against 52 of 103 (50.49%): −0.5, no mark.
    assert!(
        shown.contains("-0.5") && !shown.contains("-0.5*"),
        "{shown}"
    );

    // The combined page holds the four sheets in order, and the hidden ones say only that.
    let all = read(&dir.join("dept.html"));
    let order: Vec<usize> = ["監査室", "企画課", "総務課", "財政課"]
        .iter()
        .map(|g| all.find(&format!("所属別カルテ　{g}</h1>")).expect(g))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_eq!(all.matches("class=\"sheet\"").count(), 4);
    let tokens: Vec<String> = text(&all).split_whitespace().map(String::from).collect();
    for n in ["3人", "20人", "23人"] {
        assert!(
            !tokens.iter().any(|t| t == n),
            "no sheet gives a hidden group's size (or the two together) {n}"
        );
    }
}

#[test]
fn the_workbook_has_a_sheet_per_group_with_numbers_as_numbers() {
    let out = temp_dir("karte-xlsx");
    run_ok("tests/fixtures/marks/pipeline.toml", &out);
    let path = out.join("pipeline/R5/sheets/dept.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["目次", "監査室", "企画課", "総務課", "財政課"]
    );
    for hidden in ["監査室", "企画課"] {
        let range = book.worksheet_range(hidden).unwrap();
        let numbers = range
            .cells()
            .filter(|(_, _, c)| matches!(c, Data::Float(_) | Data::Int(_)))
            .count();
        assert_eq!(numbers, 0, "{hidden}'s sheet holds no number");
        let texts: Vec<String> = range.cells().map(|(_, _, c)| c.to_string()).collect();
        assert!(
            texts.iter().any(|t| t.contains("表示しません")),
            "{texts:?}"
        );
    }
    let range = book.worksheet_range("総務課").unwrap();
    let row = |label: &str| -> Vec<Data> {
        let r = range
            .rows()
            .find(|r| r.first().is_some_and(|c| c.to_string() == label))
            .unwrap_or_else(|| panic!("no row {label}"));
        r.to_vec()
    };
    let q1 = row("満足している");
    // 設問, n, share, 注, whole, difference (points), its mark.
    assert_eq!(q1[1], Data::Float(40.0));
    assert_eq!(q1[2], Data::Float(0.9));
    // Stored as printed (58.3%), as on every sheet of report.xlsx.
    assert_eq!(q1[4], Data::Float(0.583));
    assert_eq!(q1[5], Data::Float(31.7));
    assert_eq!(q1[6].to_string(), "*");
}

#[test]
fn sheets_follow_the_segment_setting() {
    let out = temp_dir("karte-off");
    let text = read(&root().join("tests/fixtures/marks/pipeline.toml")).replace(
        "attribute = \"dept\"",
        "attribute = \"dept\"\nsheets = false",
    );
    let dir = out.join("in");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/marks/data.csv"),
        dir.join("data.csv"),
    )
    .unwrap();
    std::fs::write(dir.join("pipeline.toml"), text).unwrap();
    let result = run_pipeline(&dir.join("pipeline.toml"), &out.join("out"), &[]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(out.join("out/pipeline/R5/report.html").exists());
    assert!(!out.join("out/pipeline/R5/sheets").exists());
}

#[test]
fn the_sample_sheets_match_the_report_tables() {
    // The committed sample: every department sheet's share and change since R5 are the
    // report's (tables/items_by_department.csv, tables/change_by_department.csv), item by item.
    let dir = root().join("reports/sample/R6");
    let items = csv_rows(&read_csv(&dir.join("tables/items_by_department.csv")));
    let changes = csv_rows(&read_csv(&dir.join("tables/change_by_department.csv")));
    let col = |rows: &[Vec<String>], name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {:?}", rows[0]))
    };
    let names = files(&dir.join("sheets/department"));
    assert_eq!(names.len(), 7, "{names:?}");
    for name in names {
        let group = name[3..].trim_end_matches(".html").to_string();
        let page = text(&read(&dir.join("sheets/department").join(&name)));
        let tokens: Vec<&str> = page.split_whitespace().collect();
        for (row, change) in items.iter().skip(1).zip(changes.iter().skip(1)) {
            assert_eq!(row[0], change[0]);
            // The compact row: 設問, share, 全体, 全体との差, R5からの変化.
            let at = tokens
                .iter()
                .position(|t| *t == row[1])
                .unwrap_or_else(|| panic!("{name} has no row {}", row[1]));
            let share = &row[col(&items, &format!("{group}（%）"))];
            let moved = &change[col(&changes, &format!("{group} 差（pt）"))];
            assert_eq!(
                tokens[at + 1].trim_end_matches('※'),
                share,
                "{name} {}",
                row[1]
            );
            assert_eq!(
                tokens[at + 4].trim_end_matches('*'),
                moved,
                "{name} {}",
                row[1]
            );
        }
    }
}
