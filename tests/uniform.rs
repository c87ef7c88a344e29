//! Groups that all answered alike (issue 10): in a department of 6 where everyone answered
//! q1 positively, 100% tells each member's answer, so the cell is suppressed (with a partner,
//! so that 全体 minus the shown groups does not give it back) in every table, chart and
//! department sheet, while the same group's mixed answers to q2 stay shown.
//!
//! The data is written by the test: 監査室 6 people (q1 all そう思う; q2 3 of 6 positive),
//! 企画課 12 (q1 8 of 12, 66.7%), 総務課 30 (q1 15 of 30, 50.0%). By hand: on q1 監査室 is
//! hidden (6 < min_uniform_group 10 and 6 of 6), and 企画課, the smallest shown group, with
//! it; 総務課 stays. On q2 監査室 has 3 of 6 (50.0%): shown.

mod common;

use common::*;

fn write_fixture(dir: &std::path::Path) {
    let mut csv = String::from("ID,所属,満足,やりがい\n");
    let mut id = 0;
    let mut add = |dept: &str, n: usize, q1_pos: usize, q2_pos: usize| {
        for i in 0..n {
            id += 1;
            let q1 = agree(i < q1_pos);
            let q2 = agree(i < q2_pos);
            csv.push_str(&format!("{id},{dept},{q1},{q2}\n"));
        }
    };
    add("監査室", 6, 6, 3);
    add("企画課", 12, 8, 6);
    add("総務課", 30, 15, 15);
    std::fs::write(dir.join("data.csv"), csv).unwrap();
    let pipeline = marks_pipeline(&["監査室", "企画課", "総務課"]);
    std::fs::write(dir.join("pipeline.toml"), pipeline).unwrap();
}

#[test]
fn a_small_group_that_answered_alike_is_hidden_everywhere() {
    let report = run_written("uniform", write_fixture).join("R5");
    let table = csv_rows(&read_csv(&report.join("tables/items_by_dept.csv")));
    let col = |name: &str| table[0].iter().position(|h| h == name).unwrap();
    let row = |id: &str| table.iter().find(|r| r[0] == id).unwrap().clone();
    let (q1, q2) = (row("q1"), row("q2"));
    assert_eq!(q1[col("監査室（%）")], "x", "{q1:?}");
    assert_eq!(q1[col("監査室 n")], "x");
    assert_eq!(q1[col("企画課（%）")], "x", "the partner: {q1:?}");
    assert_eq!(q1[col("総務課（%）")], "50.0");
    assert_eq!(q2[col("監査室（%）")], "50.0", "mixed answers stay shown");
    // The full aggregate keeps no number of the hidden cell: every value after the keys
    // (年度, 区分, グループ, 設問ID, 設問) is the mark.
    let agg = csv_rows(&read_csv(&report.join("tables/aggregate_items.csv")));
    let hidden = agg
        .iter()
        .find(|r| r[2] == "監査室" && r[3] == "q1")
        .expect("監査室 q1 in the aggregate");
    assert!(hidden[5..].iter().all(|c| c == "x"), "{hidden:?}");
    // The department sheet and the charts show no 100.0 for it.
    let sheet = std::fs::read_to_string(report.join("sheets/dept/01_監査室.html")).unwrap();
    let body = sheet.split_once("<body>").unwrap().1;
    assert!(!body.contains("100.0"), "the sheet shows 100.0");
    for chart in ["items_by_dept", "heatmap_dept"] {
        let svg = std::fs::read_to_string(report.join(format!("charts/{chart}.svg"))).unwrap();
        assert!(!svg.contains(">100.0"), "{chart} shows 100.0");
    }
    // suppression.csv lists both hidden q1 cells with their rules; a reader can derive only
    // that the two hold 14 of 18 positive together (全体 29 of 48 minus 総務課 15 of 30), which
    // pins neither share: 0–100.
    let hidden = csv_rows(&read_csv(&report.join("suppression.csv")));
    assert_eq!(
        hidden[0],
        [
            "年度",
            "区分",
            "グループ",
            "設問ID",
            "設問",
            "選択肢",
            "理由",
            "読み取れる範囲（%）"
        ]
    );
    let q1: Vec<Vec<String>> = hidden.iter().filter(|r| r[3] == "q1").cloned().collect();
    assert_eq!(q1.len(), 2, "{hidden:?}");
    let rule = |g: &str| q1.iter().find(|r| r[2] == g).map(|r| r[6].clone());
    assert_eq!(
        rule("監査室").as_deref(),
        Some("10人未満で全員が同じ回答（0%か100%）")
    );
    assert_eq!(
        rule("企画課").as_deref(),
        Some("合計から逆算されないための相方")
    );
    assert!(q1.iter().all(|r| r[7] == "0.0–100.0"), "{q1:?}");
    // Every hidden cell of the items table is listed, and nothing else.
    let listed: Vec<(String, String)> = hidden[1..]
        .iter()
        .filter(|r| r[1] == "所属別" && r[5].is_empty())
        .map(|r| (r[3].clone(), r[2].clone()))
        .collect();
    let mut marked = Vec::new();
    for r in &table[1..] {
        for g in ["監査室", "企画課", "総務課"] {
            if r[col(&format!("{g}（%）"))] == "x" {
                marked.push((r[0].clone(), g.to_string()));
            }
        }
    }
    let (mut listed, mut marked) = (listed, marked);
    listed.sort();
    marked.sort();
    assert_eq!(listed, marked);
    // The report does not mention or link it.
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    assert!(!html.contains("suppression.csv"));
}

#[test]
fn the_public_profile_shows_groups_of_ten_or_more_and_no_department_sheets() {
    // The same data under `profile = "public"`: 監査室 (6 people) is now under the minimum
    // (10) on every item, and 企画課 (12) is hidden with it, so the department breakdown
    // would show one group: it is left out, and the method notes say so. No department sheet
    // is written.
    let (out, dir) = input_dir("public");
    write_fixture(&dir);
    let text = std::fs::read_to_string(dir.join("pipeline.toml")).unwrap();
    std::fs::write(
        dir.join("pipeline.toml"),
        format!("{text}\n[statistics]\nprofile = \"public\"\n"),
    )
    .unwrap();
    let report = run_succeeds(&dir.join("pipeline.toml"), &out.join("out")).join("R5");
    assert!(!report.join("tables/items_by_dept.csv").exists());
    assert!(!report.join("charts/items_by_dept.svg").exists());
    assert!(!report.join("sheets").exists());
    let md = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(
        md.contains("所属別は、表示できるグループが 2 つ未満のため載せていません"),
        "{md}"
    );
    for f in ["report.md", "report.html", "tables/aggregate_items.csv"] {
        let text = std::fs::read_to_string(report.join(f)).unwrap();
        for g in ["監査室", "企画課", "総務課"] {
            assert!(!text.contains(g), "{f} names {g}");
        }
    }

    // With a fourth department of 15 (7 positive), two groups can be shown: the breakdown is
    // there, with 監査室 hidden on every item, its mixed q2 included (the public minimum is
    // 10), and 企画課 (12, the smallest shown) with it as its partner.
    let mut data = std::fs::read_to_string(dir.join("data.csv")).unwrap();
    for i in 0..15 {
        let q = agree(i < 7);
        data.push_str(&format!("{},財政課,{q},{q}\n", 100 + i));
    }
    std::fs::write(dir.join("data.csv"), data).unwrap();
    let four = format!("{text}\n[statistics]\nprofile = \"public\"\n").replace(
        r#"values = ["監査室", "企画課", "総務課"]"#,
        r#"values = ["監査室", "企画課", "総務課", "財政課"]"#,
    );
    assert!(four.contains("財政課"));
    std::fs::write(dir.join("pipeline.toml"), four).unwrap();
    let report = run_succeeds(&dir.join("pipeline.toml"), &out.join("out4")).join("R5");
    let table = csv_rows(&read_csv(&report.join("tables/items_by_dept.csv")));
    let col = |name: &str| table[0].iter().position(|h| h == name).unwrap();
    let q2 = table.iter().find(|r| r[0] == "q2").unwrap();
    assert_eq!(q2[col("監査室（%）")], "x", "{q2:?}");
    assert_eq!(q2[col("企画課（%）")], "x", "{q2:?}");
    assert_eq!(q2[col("総務課（%）")], "50.0", "{q2:?}");
    assert_eq!(q2[col("財政課（%）")], "46.7", "{q2:?}");
    let md = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(!md.contains("載せていません"));

    // A smaller minimum, or sheets asked for, under the public profile: an error saying so.
    for (extra, expected) in [
        ("min_group = 5\n", "10 以上にしてください"),
        ("", "カルテを作りません"),
    ] {
        let mut bad = format!("{text}\n[statistics]\nprofile = \"public\"\n{extra}");
        if extra.is_empty() {
            bad = bad.replace(
                "attribute = \"dept\"",
                "attribute = \"dept\"\nsheets = true",
            );
        }
        std::fs::write(dir.join("bad.toml"), bad).unwrap();
        let result = run_pipeline(&dir.join("bad.toml"), &out.join("bad"), &[]);
        assert!(!result.status.success());
        assert!(stderr(&result).contains(expected), "{}", stderr(&result));
    }
}
