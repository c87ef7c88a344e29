//! report.xlsx: every table on its own sheet with the same numbers as the CSV files, shares
//! stored as numbers (fractions with a % format), markers as text. Read back with calamine.

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;

#[test]
fn sheets_hold_the_csv_numbers_as_numbers() {
    let dir = root().join("reports/sample/R6");
    let mut book: Xlsx<_> = open_workbook(dir.join("report.xlsx")).unwrap();
    let names = book.sheet_names();
    // Reading order (issue 9 §2): the やりがい split before the age bands.
    assert_eq!(
        &names[..3],
        ["表紙", "KGI・KPI の状況", "「やりがい」別の区分"]
    );
    assert!(names.iter().any(|n| n == "年代別の分析"));
    let sheet = book.worksheet_range("年代別の分析").unwrap();
    let csv = csv_rows(&read_csv(&dir.join("tables/items_by_age.csv")));
    let mut compared = 0;
    for (r, row) in csv.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let cell = sheet.get((r, c)).cloned().unwrap_or(Data::Empty);
            let header = &csv[0][c];
            match (&cell, text.parse::<f64>()) {
                // A share: 62.2 in the CSV is 0.622 in Excel.
                (Data::Float(v), Ok(t)) if header.contains("（%）") || header.contains("%CI") => {
                    assert!(
                        (v * 100.0 - t).abs() < 1e-9,
                        "{header} row {r}: {v} vs {text}"
                    );
                }
                (Data::Float(v), Ok(t)) => {
                    assert!((v - t).abs() < 1e-9, "{header} row {r}: {v} vs {text}")
                }
                (Data::String(s), _) => assert_eq!(s, text, "{header} row {r}"),
                (Data::Empty, _) => assert!(text.is_empty(), "{header} row {r}: missing {text}"),
                (other, _) => panic!("{header} row {r}: unexpected {other:?} for {text}"),
            }
            compared += 1;
        }
    }
    assert!(compared > 16 * 30, "{compared} cells compared");
    // The share columns really are numbers, not text.
    assert!(
        matches!(sheet.get((1, 2)), Some(Data::Float(_))),
        "{:?}",
        sheet.get((1, 2))
    );
}

#[test]
fn the_cover_names_the_survey_and_its_waves() {
    let dir = root().join("reports/sample/R6");
    let mut book: Xlsx<_> = open_workbook(dir.join("report.xlsx")).unwrap();
    let cover = book.worksheet_range("表紙").unwrap();
    let text: Vec<String> = cover.rows().flatten().map(|c| c.to_string()).collect();
    let all = text.join("\n");
    for expected in [
        "しおかぜ市",
        "職員アンケート",
        "令和4年度、令和5年度、令和6年度",
        "回答率",
        "読み込んだ行の内訳",
        "方法についての注記",
    ] {
        assert!(all.contains(expected), "cover lacks {expected}");
    }
}

#[test]
fn two_runs_write_the_same_workbook() {
    let (a, b) = (temp_dir("xlsx-a"), temp_dir("xlsx-b"));
    run_ok("tests/fixtures/small/pipeline.toml", &a);
    run_ok("tests/fixtures/small/pipeline.toml", &b);
    let read = |d: &std::path::Path| std::fs::read(d.join("pipeline/R5/report.xlsx")).unwrap();
    assert_eq!(read(&a), read(&b));
}
