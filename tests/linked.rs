//! Confidentiality across linked breakdowns (issue 10): the age table and the department table
//! count the same people, so a department hidden in one must not follow from both together.
//!
//! The data is written by the test. Departments: 監査室 3 people (all 40歳代; under the minimum
//! of 5, hidden), 企画課 8 (all 60歳代～; the smallest shown department, hidden with it as its
//! partner), 総務課 30 (15 in 40歳代, 15 in 50歳代), 財政課 30 (10 in 40歳代, 20 in 50歳代).
//! Age bands: 40歳代 28, 50歳代 35, 60歳代～ 8 — so 60歳代～ is exactly 企画課. Before the
//! linked rule, a reader worked out 監査室 as 全体 − 総務課 − 財政課 − 60歳代～ on every item
//! (q1: 監査室 3 of 3 positive). By hand, the cheapest cell that stops this is 60歳代～ (8),
//! hidden with 40歳代 (28, the smaller other band) as its partner; 50歳代 stays. Then the
//! shown cells (全体, 総務課, 財政課, 50歳代) give 監査室 and 企画課 only together.

mod common;

use common::*;

fn write_fixture(dir: &std::path::Path) {
    let mut csv = String::from("ID,年代,所属,満足,やりがい\n");
    let mut id = 0;
    // (department, age band, people, q1 positive)
    let cells = [
        ("監査室", "40歳代", 3, 3),
        ("企画課", "60歳代～", 8, 2),
        ("総務課", "40歳代", 15, 7),
        ("総務課", "50歳代", 15, 9),
        ("財政課", "40歳代", 10, 4),
        ("財政課", "50歳代", 20, 11),
    ];
    for (dept, age, n, pos) in cells {
        for i in 0..n {
            id += 1;
            let q1 = agree(i < pos);
            let q2 = agree(i % 2 == 0);
            csv.push_str(&format!("{id},{age},{dept},{q1},{q2}\n"));
        }
    }
    std::fs::write(dir.join("data.csv"), csv).unwrap();
    let pipeline = marks_pipeline(&["監査室", "企画課", "総務課", "財政課"])
        .replace(
            "[[respondents.attributes]]",
            "[respondents.age]\ncolumn = \"年代\"\nbands = [\"40歳代\", \"50歳代\", \"60歳代～\"]\n\n[[respondents.attributes]]",
        )
        .replace(
            "[[segments]]",
            "[[segments]]\nid = \"age\"\nlabel = \"年代別\"\nattribute = \"age\"\n\n[[segments]]",
        );
    assert!(pipeline.contains("[respondents.age]") && pipeline.contains("id = \"age\""));
    std::fs::write(dir.join("pipeline.toml"), pipeline).unwrap();
}

#[test]
fn a_department_hidden_in_its_table_does_not_follow_from_the_age_table() {
    let report = run_written("linked", write_fixture).join("R5");

    // The reader's attack on every item: 全体 − 総務課 − 財政課 − 60歳代～ from the aggregate.
    let agg = csv_rows(&read_csv(&report.join("tables/aggregate_items.csv")));
    let col = |name: &str| agg[0].iter().position(|h| h == name).unwrap();
    let cell = |group: &str, item: &str, column: &str| {
        agg.iter()
            .find(|r| r[2] == group && r[3] == item)
            .map(|r| r[col(column)].clone())
            .unwrap_or_else(|| panic!("{group} {item} in the aggregate"))
    };
    for item in ["q1", "q2"] {
        for g in ["監査室", "企画課", "60歳代～", "40歳代"] {
            assert_eq!(cell(g, item, "肯定的回答数"), "x", "{g} {item}");
            assert_eq!(cell(g, item, "分母"), "x", "{g} {item}");
        }
        for g in ["全体", "総務課", "財政課", "50歳代"] {
            assert_ne!(cell(g, item, "分母"), "x", "{g} {item} stays shown");
        }
    }
    assert_eq!(cell("50歳代", "q1", "肯定的回答数"), "20");

    // The same in the tables a reader opens, the charts and the department sheets: 60歳代～
    // (2 of 8, 25.0%) and 監査室 (100.0%) show no share.
    let ages = csv_rows(&read_csv(&report.join("tables/items_by_age.csv")));
    let acol = |name: &str| ages[0].iter().position(|h| h == name).unwrap();
    assert_eq!(ages[1][acol("60歳代～（%）")], "x");
    assert_eq!(ages[1][acol("40歳代（%）")], "x");
    assert_eq!(ages[1][acol("50歳代（%）")], "57.1");
    for chart in ["items_by_age", "heatmap_age"] {
        let svg = std::fs::read_to_string(report.join(format!("charts/{chart}.svg"))).unwrap();
        assert!(!svg.contains(">25.0"), "{chart} shows 60歳代～'s 25.0");
    }
    // The workbooks do not store 60歳代～'s q1 share (2 of 8) either.
    common::xlsx::assert_no_number(&report, 0.25, "60歳代～'s q1 share 2/8");
    // The group sizes: the age table's sizes would give 企画課's size (8) and so 監査室's (3).
    let sizes = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(
        !sizes.contains("| 60歳代～ | 8 |"),
        "60歳代～'s size is shown"
    );

    // suppression.csv lists the group sizes hidden for the link with that rule, first, and
    // every cell hidden with them.
    let hidden = csv_rows(&read_csv(&report.join("suppression.csv")));
    let size_rule = |g: &str| {
        hidden
            .iter()
            .find(|r| r[2] == g && r[3].is_empty())
            .map(|r| (r[4].clone(), r[6].clone()))
    };
    let linked = "別の区分の表と合わせると逆算できるため";
    assert_eq!(
        size_rule("60歳代～"),
        Some(("（回答者数）".to_string(), linked.to_string()))
    );
    assert_eq!(
        size_rule("40歳代").unwrap().1,
        "合計から逆算されないための相方"
    );
    assert_eq!(size_rule("監査室").unwrap().1, "回答者が5人未満");
    assert_eq!(size_rule("50歳代"), None);
    for g in ["監査室", "企画課", "60歳代～", "40歳代"] {
        for item in ["q1", "q2"] {
            assert!(
                hidden.iter().any(|r| r[2] == g && r[3] == item),
                "{g} {item} not listed: {hidden:?}"
            );
        }
    }
}
