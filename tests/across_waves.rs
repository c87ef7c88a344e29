//! Confidentiality across waves (issue 10): a department hidden in one wave and shown in the
//! next must not expose the hidden wave through the change since it, on any table, chart or
//! department sheet of the later report.
//!
//! The data is written by the test. R5: 監査室 4 people (1 of 4 positive on q1, 25.0%: hidden,
//! under the minimum of 5), 企画課 20 (hidden with it as the next smallest), 総務課 30.
//! R6: 監査室 8 (5 of 8, 62.5%), 企画課 20, 総務課 30, all shown. By hand, 監査室's change
//! would be 62.5 − 25.0 = +37.5 points, and 企画課's R5 share (11 of 20, 55.0%) is hidden in R5.

mod common;

use common::*;

/// Writes one wave's data: per department (people, q1 positive); q2 alternates.
fn wave(dir: &std::path::Path, name: &str, groups: &[(&str, usize, usize)]) {
    let mut csv = String::from("ID,所属,満足,やりがい\n");
    let mut id = 0;
    for (dept, n, q1_pos) in groups {
        for i in 0..*n {
            id += 1;
            let q1 = agree(i < *q1_pos);
            let q2 = agree(i % 2 == 0);
            csv.push_str(&format!("{id},{dept},{q1},{q2}\n"));
        }
    }
    std::fs::write(dir.join(name), csv).unwrap();
}

/// Writes R5 and R6 of the three departments and the pipeline file over both (with `extra`
/// appended), runs it and returns the R6 report directory.
fn run_two_waves(
    name: &str,
    r5: &[(&str, usize, usize)],
    r6: &[(&str, usize, usize)],
    extra: &str,
) -> std::path::PathBuf {
    let (out, dir) = input_dir(name);
    wave(&dir, "r5.csv", r5);
    wave(&dir, "r6.csv", r6);
    let pipeline = marks_pipeline(&["監査室", "企画課", "総務課"]).replace(
        "[[waves]]\nyear = \"R5\"\nfile = \"data.csv\"",
        "[[waves]]\nyear = \"R5\"\nfile = \"r5.csv\"\n\n[[waves]]\nyear = \"R6\"\nfile = \"r6.csv\"",
    ) + extra;
    assert!(pipeline.contains("r6.csv"));
    std::fs::write(dir.join("pipeline.toml"), pipeline).unwrap();
    run_succeeds(&dir.join("pipeline.toml"), &out.join("out")).join("R6")
}

#[test]
fn a_group_hidden_last_wave_shows_no_change_since_it() {
    let report = run_two_waves(
        "across-waves",
        &[("監査室", 4, 1), ("企画課", 20, 11), ("総務課", 30, 15)],
        &[("監査室", 8, 5), ("企画課", 20, 12), ("総務課", 30, 18)],
        "",
    );

    // R6 shows 監査室 (8 people), and its change since R5 is not a number anywhere.
    let items = csv_rows(&read_csv(&report.join("tables/items_by_dept.csv")));
    let icol = |name: &str| items[0].iter().position(|h| h == name).unwrap();
    assert_eq!(items[1][icol("監査室（%）")], "62.5");
    let change = csv_rows(&read_csv(&report.join("tables/change_by_dept.csv")));
    let ccol = |name: &str| change[0].iter().position(|h| h == name).unwrap();
    for g in ["監査室", "企画課"] {
        let v = &change[1][ccol(&format!("{g} 差（pt）"))];
        assert!(
            v == "x" || v == "-",
            "{g}'s change since a hidden wave: {v}"
        );
    }
    // 総務課 was shown in both: its change is there (18/30 − 15/30 = +10.0).
    assert_eq!(change[1][ccol("総務課 差（pt）")], "+10.0");

    // Nowhere in the R6 report: 監査室's R5 share or its change, 企画課's R5 share.
    for f in files(&report) {
        if !(f.ends_with(".csv")
            || f.ends_with(".html")
            || f.ends_with(".md")
            || f.ends_with(".svg"))
        {
            continue;
        }
        let text = std::fs::read_to_string(report.join(&f)).unwrap();
        // A change is always printed with its sign.
        assert!(!text.contains("+37.5"), "{f} shows 監査室's change +37.5");
        if f.starts_with("sheets/") {
            let body = text.split_once("<body>").map_or(text.as_str(), |(_, b)| b);
            for v in ["25.0", "55.0"] {
                assert!(!body.contains(v), "{f} shows a share hidden in R5: {v}");
            }
        }
    }
}

/// 監査室 is shown with 6 respondents in R5 (3 of 6 positive on q1, 50.0%) and 7 in R6: the
/// same six and one who joined and answered positively (4 of 7, 57.1%). Shown in both, the
/// two counts would give the newcomer's answer (4 − 3 = 1: positive), and the change +7.1
/// would too. By hand, under the default `min_change_members` (3; 監査室's base changed by
/// 1): 監査室's R6 cells are hidden, with 企画課 (20, the smallest shown) as their partner;
/// R5, published a year earlier, is left as it was.
#[test]
fn a_group_joined_by_one_person_is_hidden_in_the_later_wave() {
    let report = run_two_waves(
        "joined-by-one",
        &[("監査室", 6, 3), ("企画課", 20, 11), ("総務課", 30, 15)],
        &[("監査室", 7, 4), ("企画課", 20, 12), ("総務課", 30, 18)],
        "\n[statistics]\nmin_uniform_group = 1\n",
    );

    // The reader's attack: 監査室's R6 positive count, from the aggregate table or as 全体
    // minus the shown groups, less its R5 count. Neither is published for R6.
    let agg = csv_rows(&read_csv(&report.join("tables/aggregate_items.csv")));
    let acol = |name: &str| agg[0].iter().position(|h| h == name).unwrap();
    let count = |wave: &str, group: &str| {
        agg.iter()
            .find(|r| r[0] == wave && r[2] == group && r[3] == "q1")
            .map(|r| r[acol("肯定的回答数")].clone())
            .unwrap()
    };
    assert_eq!(count("令和5年度", "監査室"), "3", "R5 stays as published");
    assert_eq!(count("令和6年度", "監査室"), "x");
    assert_eq!(count("令和6年度", "企画課"), "x", "the partner");
    assert_eq!(count("令和6年度", "総務課"), "18");
    // 全体 − 総務課 gives only 監査室 and 企画課 together: 16 of 27.
    assert_eq!(count("令和6年度", "全体"), "34");

    let items = csv_rows(&read_csv(&report.join("tables/items_by_dept.csv")));
    let icol = |name: &str| items[0].iter().position(|h| h == name).unwrap();
    assert_eq!(items[1][icol("監査室（%）")], "x");
    assert_eq!(items[1][icol("監査室 n")], "x");
    for f in files(&report) {
        if !(f.ends_with(".csv")
            || f.ends_with(".html")
            || f.ends_with(".md")
            || f.ends_with(".svg"))
        {
            continue;
        }
        let text = std::fs::read_to_string(report.join(&f)).unwrap();
        let body = text.split_once("<body>").map_or(text.as_str(), |(_, b)| b);
        // 4 of 7 and the change since 3 of 6.
        for v in ["57.1", "+7.1"] {
            assert!(!body.contains(v), "{f} shows 監査室's R6 value {v}");
        }
    }
    // The workbooks store shares as fractions and changes in points: neither 4/7 nor the
    // change 4/7 − 3/6 (as a fraction or in points).
    let stored = common::xlsx::numbers(&report.join("report.xlsx"));
    assert!(
        stored.iter().any(|(_, v)| (v - 0.6).abs() < 1e-9),
        "the workbook stores 総務課's R6 share 18/30 as a fraction (the check can see shares)"
    );
    common::xlsx::assert_no_number(&report, 4.0 / 7.0, "監査室's R6 share 4/7");
    common::xlsx::assert_no_number(&report, 4.0 / 7.0 - 0.5, "監査室's change");
    common::xlsx::assert_no_number(&report, 100.0 * (4.0 / 7.0 - 0.5), "監査室's change (pt)");
    // suppression.csv says why.
    let hidden = csv_rows(&read_csv(&report.join("suppression.csv")));
    let row = hidden
        .iter()
        .find(|r| r[0] == "令和6年度" && r[2] == "監査室" && r[3] == "q1")
        .expect("監査室 R6 q1 listed");
    assert!(row[6].contains("回答者数の差が1～2人"), "{row:?}");
}
