//! Scales as cities use them: a four-point agree scale and a five-point satisfaction scale with
//! a neutral middle in one pipeline, each table and chart with its own labels; the neutral
//! counted neither positive nor negative (nor in either group of a split); and Wakkanai's
//! shares of all respondents (94.1 / 4.8 / 1.1 with 無回答).
//!
//! Every expected number below is worked out by hand from the rows written here; the working
//! is in the comments next to each table.

mod common;

use common::*;
use std::path::Path;

const MIXED: &str = r#"
organisation = "尺度市"
title = "尺度テスト"

# Ten respondents: nothing is suppressed or marked unstable, so every count can be compared.
[statistics]
min_group = 1
min_group_text = 1
# Every small group of these fixtures is shown, so the hand-worked numbers can be checked.
min_uniform_group = 1
min_change_members = 1
unstable_below = 0

[[waves]]
year = "R6"
file = "data.csv"

[scales.agree4]
levels = ["そう思う", "どちらかと言えばそう思う", "どちらかと言えばそう思わない", "そう思わない"]
positive = 2

[scales.sat5]
levels = ["満足", "やや満足", "どちらともいえない", "やや不満", "不満"]
positive = 2
neutral = 1

[respondents]
id = "ID"

[respondents.age]
column = "年代"
bands = ["30歳代", "40歳代"]

[[questions]]
id = "a"
label = "設問A"
column = "A"
kind = "scale"
scale = "agree4"

[[questions]]
id = "b"
label = "設問B"
column = "B"
kind = "scale"
scale = "sat5"

[[segments]]
id = "age"
label = "年代別"
attribute = "age"

[[segments]]
id = "sat"
label = "満足度"
split_on = "b"
groups = ["満足層", "不満層"]
"#;

// A (agree4) and B (sat5) per respondent; levels counted from 0 (そう思う / 満足).
const DATA: &str = "ID,年代,A,B
1,30歳代,そう思う,満足
2,30歳代,どちらかと言えばそう思う,やや満足
3,30歳代,そう思わない,どちらともいえない
4,30歳代,そう思う,不満
5,30歳代,,どちらともいえない
6,40歳代,どちらかと言えばそう思わない,やや不満
7,40歳代,そう思う,満足
8,40歳代,どちらかと言えばそう思う,どちらともいえない
9,40歳代,そう思わない,
10,40歳代,そう思う,やや満足
";

fn run_in(dir: &Path, pipeline: &str, data: &str) -> std::path::PathBuf {
    std::fs::write(dir.join("p.toml"), pipeline).unwrap();
    std::fs::write(dir.join("data.csv"), data).unwrap();
    let out = dir.join("out");
    let r = run_pipeline(&dir.join("p.toml"), &out, &[]);
    assert!(r.status.success(), "{}", stderr(&r));
    out.join("p/R6")
}

#[test]
fn a_four_and_a_five_point_scale_each_keep_their_labels() {
    let dir = temp_dir("scales-mixed");
    let report = run_in(&dir, MIXED, DATA);
    let tables = report.join("tables");
    // A: answered by 9 (row 5 blank): levels 4 (1,4,7,10) / 2 (2,8) / 1 (6) / 2 (3,9);
    // positive 6/9 = 66.7, negative 3/9 = 33.3; no neutral column for a four-point scale.
    assert_columns_match(
        "levels_agree4.csv",
        "設問ID,回答者数,そう思う,どちらかと言えばそう思う,どちらかと言えばそう思わない,そう思わない,無回答,肯定的回答（%）,否定的回答（%）\n\
         a,10,4,2,1,2,1,66.7,33.3\n",
        &read_csv(&tables.join("levels_agree4.csv")),
    );
    // B: answered by 9 (row 9 blank): 満足 2 (1,7), やや満足 2 (2,10), どちらともいえない 3
    // (3,5,8), やや不満 1 (6), 不満 1 (4); positive 4/9 = 44.4, neutral 3/9 = 33.3,
    // negative 2/9 = 22.2 — the neutral is not counted as negative.
    assert_columns_match(
        "levels_sat5.csv",
        "設問ID,回答者数,満足,やや満足,どちらともいえない,やや不満,不満,無回答,肯定的回答（%）,中立（%）,否定的回答（%）\n\
         b,10,2,2,3,1,1,1,44.4,33.3,22.2\n",
        &read_csv(&tables.join("levels_sat5.csv")),
    );
    assert!(!tables.join("levels.csv").exists());
    // By age: 30歳代 = rows 1–5, 40歳代 = rows 6–10.
    // A: 30歳代 3 of 4 positive (75.0), 1 negative (25.0); 40歳代 3 of 5 (60.0), 2 (40.0).
    // B: 30歳代 rows 1–5: 満足, やや満足, neutral ×2, 不満 → 40.0 / 40.0 / 20.0 of 5;
    //    40歳代 rows 6,7,8,10: やや不満, 満足, neutral, やや満足 → 50.0 / 25.0 / 25.0 of 4.
    // The neutral column is empty for A, whose scale has none.
    assert_columns_match(
        "items_by_age.csv",
        "設問ID,全体（%）,全体 否定的（%）,全体 中立（%）,全体 n,30歳代（%）,30歳代 否定的（%）,30歳代 中立（%）,30歳代 n,40歳代（%）,40歳代 否定的（%）,40歳代 中立（%）,40歳代 n\n\
         a,66.7,33.3,-,9,75.0,25.0,-,4,60.0,40.0,-,5\n\
         b,44.4,22.2,33.3,9,40.0,20.0,40.0,5,50.0,25.0,25.0,4\n",
        &read_csv(&tables.join("items_by_age.csv")),
    );
    // The split on B: 満足層 = rows 1, 2, 7, 10; 不満層 = rows 4, 6; the neutral rows 3, 5, 8
    // and the blank row 9 are in neither. A among 満足層: そう思う, どちらかと言えば, そう思う,
    // そう思う → 100.0 of 4; among 不満層: そう思う, どちらかと言えばそう思わない → 50.0 of 2.
    assert_columns_match(
        "groups_sat.csv",
        "区分,人数,割合（%）\n満足層,4,66.7\n不満層,2,33.3\n",
        &read_csv(&tables.join("groups_sat.csv")),
    );
    assert_columns_match(
        "items_by_sat.csv",
        "設問ID,満足層（%）,満足層 n,不満層（%）,不満層 n\na,100.0,4,50.0,2\n",
        &read_csv(&tables.join("items_by_sat.csv")),
    );
    // One diverging chart per scale, each with its own level labels.
    let agree = std::fs::read_to_string(report.join("charts/levels_agree4.svg")).unwrap();
    let sat = std::fs::read_to_string(report.join("charts/levels_sat5.svg")).unwrap();
    assert!(agree.contains("どちらかと言えばそう思わない") && !agree.contains("やや不満"));
    assert!(sat.contains("どちらともいえない") && sat.contains("やや不満"));
    assert!(sat.contains("設問B") && !sat.contains("設問A"));
    assert!(agree.contains("設問A") && !agree.contains("設問B"));
    let md = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(md.contains("中立（どちらともいえない）は肯定的にも否定的にも数えません"));
}

/// Wakkanai's way: 1,000 respondents, 941 in the top two, 48 in the bottom two, 11 blank.
fn wakkanai_data() -> String {
    let mut csv = String::from("ID,年代,A\n");
    let answers = [
        ("そう思う", 500),
        ("どちらかと言えばそう思う", 441),
        ("どちらかと言えばそう思わない", 30),
        ("そう思わない", 18),
        ("", 11),
    ];
    let mut id = 0;
    for (answer, n) in answers {
        for _ in 0..n {
            id += 1;
            let band = if id % 2 == 0 { "30歳代" } else { "40歳代" };
            csv.push_str(&format!("{id},{band},{answer}\n"));
        }
    }
    assert_eq!(id, 1000);
    csv
}

fn wakkanai_pipeline(base: &str) -> String {
    let head = MIXED.split("[[questions]]").next().unwrap();
    format!(
        "{head}\n[[questions]]\nid = \"a\"\nlabel = \"設問A\"\ncolumn = \"A\"\nkind = \"scale\"\nscale = \"agree4\"\n{base}\n\n[[segments]]\nid = \"age\"\nlabel = \"年代別\"\nattribute = \"age\"\n"
    )
}

#[test]
fn wakkanai_shares_of_all_respondents_add_to_100() {
    let dir = temp_dir("scales-wakkanai");
    let report = run_in(&dir, &wakkanai_pipeline("base = \"all\""), &wakkanai_data());
    // Of all 1,000: 941 → 94.1, 48 → 4.8, 11 blank → 1.1; 94.1 + 4.8 + 1.1 = 100.
    let items = read_csv(&report.join("tables/items_by_age.csv"));
    assert_columns_match(
        "items_by_age.csv",
        "設問ID,全体（%）,全体 否定的（%）,全体 無回答（%）,全体 n\na,94.1,4.8,1.1,1000\n",
        &items,
    );
    let levels = read_csv(&report.join("tables/levels.csv"));
    assert_columns_match(
        "levels.csv",
        "設問ID,回答者数,そう思う,どちらかと言えばそう思う,どちらかと言えばそう思わない,そう思わない,無回答,肯定的回答（%）,否定的回答（%）\n\
         a,1000,500,441,30,18,11,94.1,4.8\n",
        &levels,
    );
    let md = std::fs::read_to_string(report.join("tables/items_by_age.md")).unwrap();
    assert!(md.contains("分母は回答者全体（n、無回答を含む）"), "{md}");

    // The same data with the default base: of the 989 who answered, 941 → 95.1 (95.146…)
    // and 48 → 4.9 (4.853…); no 無回答 column.
    let dir = temp_dir("scales-wakkanai-answered");
    let report = run_in(&dir, &wakkanai_pipeline(""), &wakkanai_data());
    let items = read_csv(&report.join("tables/items_by_age.csv"));
    assert_columns_match(
        "items_by_age.csv",
        "設問ID,全体（%）,全体 否定的（%）,全体 n\na,95.1,4.9,989\n",
        &items,
    );
    assert!(!items.contains("無回答"), "{items}");
}

#[test]
fn top_n_per_question_and_base_errors() {
    let dir = temp_dir("scales-errors");
    let text = wakkanai_pipeline("base = \"everyone\"\ntop_n = 2");
    std::fs::write(dir.join("p.toml"), &text).unwrap();
    std::fs::write(dir.join("data.csv"), wakkanai_data()).unwrap();
    let r = staff_survey(&["check", dir.join("p.toml").to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    let msg = stderr(&r);
    assert!(
        msg.contains("「everyone」は使えません（使える値: answered"),
        "{msg}"
    );
    assert!(
        msg.contains("top_n は kind = \"multi\" か \"single\" の設問にだけ書けます"),
        "{msg}"
    );
}

#[test]
fn declared_no_answer_labels_count_as_no_answer_and_are_not_problems() {
    // Wakkanai's 11 blanks written as わからない, declared as `missing`: the same 94.1 / 4.8 /
    // 1.1 as with blanks, and no data problem.
    let dir = temp_dir("scales-missing");
    let data = wakkanai_data().replace(",\n", ",わからない\n");
    assert_eq!(data.matches("わからない").count(), 11);
    let pipeline = wakkanai_pipeline("base = \"all\"").replacen(
        "positive = 2\n",
        "positive = 2\nmissing = [\"わからない\"]\n",
        1,
    );
    let report = run_in(&dir, &pipeline, &data);
    assert_columns_match(
        "items_by_age.csv",
        "設問ID,全体（%）,全体 否定的（%）,全体 無回答（%）,全体 n\na,94.1,4.8,1.1,1000\n",
        &read_csv(&report.join("tables/items_by_age.csv")),
    );
    let problems = read_csv(&report.join("tables/data_quality.csv"));
    assert_eq!(problems.lines().count(), 1, "only the header:\n{problems}");
    // Without the declaration, the 11 cells are unmatched values (1.1% of the column, under
    // the gate's 2%): reported, and still no answer.
    let dir = temp_dir("scales-missing-undeclared");
    let report = run_in(&dir, &wakkanai_pipeline("base = \"all\""), &data);
    let summary = read_csv(&report.join("tables/data_quality_summary.csv"));
    assert!(summary.contains(",わからない,11,1.1,"), "{summary}");
}
