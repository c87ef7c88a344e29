//! The hand-checkable fixture (tests/fixtures/small): every table the tool writes for it is
//! compared whole with a table worked out by hand (see expected/README.md for the working).

mod common;

use common::*;

#[test]
fn every_table_matches_the_hand_worked_tables() {
    let out = temp_dir("small");
    let run = staff_survey(&[
        "run",
        "tests/fixtures/small/pipeline.toml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let tables = out.join("pipeline/R5/tables");
    let expected_dir = root().join("tests/fixtures/small/expected");
    let mut compared = 0;
    for entry in std::fs::read_dir(&expected_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let expected = std::fs::read_to_string(&path).unwrap();
            assert_columns_match(&name, &expected, &read_csv(&tables.join(&name)));
            compared += 1;
        }
    }
    assert_eq!(compared, 11, "expected tables compared");
}

#[test]
fn the_long_aggregate_carries_every_count_for_every_wave() {
    let out = temp_dir("small-aggregate");
    run_ok("tests/fixtures/small/pipeline.toml", &out);
    let items = read_csv(&out.join("pipeline/R5/tables/aggregate_items.csv"));
    // By hand from make_fixture.py, R4: q1 A = ids 1 6 7, B = 2 5, C = 3 8, D = 4 (id 9 no
    // answer); q3 A = 3 4, B = 5 8, C = 2, D = 1 6 9 (id 7 blank); 30歳代 q1 = C D B.
    // Columns: respondents, valid, base, positive (A+B), neutral (none on this scale),
    // negative (C+D), no answer, the three shares (neutral and no answer: -), then A..D.
    for row in [
        "令和4年度,全体,全体,q1,満足している,9,8,8,5,0,3,1,62.5,-,37.5,-,3,2,2,1",
        "令和4年度,全体,全体,q3,仕事を辞めたいと思う,9,8,8,4,0,4,1,50.0,-,50.0,-,2,2,1,3",
        "令和4年度,年代別,30歳代,q1,満足している,3,3,3,1,0,2,0,33.3,-,66.7,-,0,1,1,1",
        "令和5年度,やりがい別,やりがい無,q1,満足している,2,2,2,0,0,2,0,0.0,-,100.0,-,0,0,1,1",
    ] {
        let with_more = format!("{row},");
        assert!(
            items.lines().any(|l| l.starts_with(&with_more)),
            "missing {row}\n{items}"
        );
    }
    // 2 waves × (全体 + 3 bands + 2 split groups + 2 employment types) × 3 items.
    assert_eq!(items.lines().count(), 1 + 2 * 8 * 3);
    let options = read_csv(&out.join("pipeline/R5/tables/aggregate_options.csv"));
    // R4 asked: ids 3 (給与;人間関係), 4 (給与), 8 (業務量).
    assert!(
        options.contains("令和4年度,全体,全体,m1,満足していない理由,給与,3,2,66.7,1,"),
        "{options}"
    );
}

#[test]
fn the_run_reports_rows_read_used_and_set_aside() {
    let out = temp_dir("small-summary");
    let run = staff_survey(&[
        "run",
        "tests/fixtures/small/pipeline.toml",
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = stderr(&run);
    assert!(err.contains("令和4年度 small_R4.csv: 読込 11 行 = 使用 9 行 + 除外 2 行（回答IDなし 1、回答ID重複 1）"), "{err}");
    assert!(
        err.contains("令和5年度 small_R5.xlsx: 読込 10 行 = 使用 10 行 + 除外 0 行"),
        "{err}"
    );
    assert!(err.contains("データの問題: 6 件"), "{err}");
}

#[test]
fn an_earlier_wave_can_be_reported_on_its_own() {
    let out = temp_dir("small-r4");
    let run = staff_survey(&[
        "run",
        "tests/fixtures/small/pipeline.toml",
        "--wave",
        "令和4年度",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    // R4 alone: q1 5/8, q2 6/9, q3 4/8 (see expected/README.md); no R5 column.
    let trend = read_csv(&out.join("pipeline/R4/tables/trend.csv"));
    assert!(!trend.contains("令和5年度"), "{trend}");
    assert_columns_match(
        "trend.csv (R4)",
        "設問ID,設問,令和4年度（%）,令和4年度 n\nq1,満足している,62.5,8\nq2,仕事にやりがいを感じている,66.7,9\nq3,仕事を辞めたいと思う（否定的設問）,50.0,8\n",
        &trend,
    );
}

#[test]
fn check_writes_only_the_data_quality_tables_and_exits_1_on_problems() {
    let out = temp_dir("small-check");
    let run = staff_survey(&[
        "check",
        "tests/fixtures/small/pipeline.toml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    // Beside the report directory, which check never touches.
    assert!(!out.join("pipeline/R5").exists());
    let dir = out.join("pipeline/R5-check");
    let written: Vec<String> = files(&dir).into_iter().collect();
    assert_eq!(
        written,
        [
            "tables/data_quality.csv",
            "tables/data_quality.md",
            "tables/data_quality_summary.csv",
            "tables/data_quality_summary.md",
            "tables/row_counts.csv",
            "tables/row_counts.md"
        ]
    );
}

#[test]
fn a_question_can_list_fewer_options_than_the_report_default() {
    // m1 with top_n = 1 (the report default stays 3): its table keeps only the first rank row
    // of the hand-worked expected/top_m1.csv.
    let dir = temp_dir("small-top-n");
    let text = small_pipeline_text().replacen(
        "options = [\"給与\", \"人間関係\", \"業務量\"]",
        "options = [\"給与\", \"人間関係\", \"業務量\"]\ntop_n = 1",
        1,
    );
    assert!(text.contains("top_n = 1"));
    std::fs::write(dir.join("pipeline.toml"), text).unwrap();
    let out = dir.join("out");
    let r = run_pipeline(&dir.join("pipeline.toml"), &out, &[]);
    assert!(r.status.success(), "{}", stderr(&r));
    let expected =
        std::fs::read_to_string(root().join("tests/fixtures/small/expected/top_m1.csv")).unwrap();
    let first_two: String = expected.lines().take(2).map(|l| format!("{l}\n")).collect();
    let written = read_csv(&out.join("pipeline/R5/tables/top_m1.csv"));
    assert_columns_match("top_m1.csv", &first_two, &written);
    let md = std::fs::read_to_string(out.join("pipeline/R5/tables/top_m1.md")).unwrap();
    assert!(md.contains("上位1"), "{md}");
}
