//! Error cases: each problem a user can make gets exit code 1 (2 for usage) and a message
//! that names what to fix. Broken pipelines are variations of the small fixture's, written
//! to a temporary directory with absolute paths to its data files.

mod common;

use common::*;
use std::path::PathBuf;

/// The small fixture's pipeline with `edit` applied, written to a temp dir; returns its path.
fn pipeline_with(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let path = temp_dir(name).join("broken.toml");
    std::fs::write(&path, edit(small_pipeline_text())).unwrap();
    path
}

fn run_fails(path: &std::path::Path) -> String {
    let out = path.parent().unwrap().join("out");
    let run = staff_survey(&[
        "run",
        path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(!out.exists(), "nothing is written when the run fails");
    stderr(&run)
}

#[test]
fn missing_column_names_file_sheet_and_existing_headers() {
    let p = pipeline_with("missing-column", |t| {
        t.replace("column = \"満足している\"", "column = \"所属\"")
    });
    let err = run_fails(&p);
    assert!(
        err.contains("small_R4.csv に列「所属」がありません"),
        "{err}"
    );
    assert!(
        err.contains("ある列: 「回答ID」、「年代」、「雇用形態」、「満足している」"),
        "{err}"
    );
}

#[test]
fn unknown_sheet_lists_the_sheets_there_are() {
    let p = pipeline_with("unknown-sheet", |t| {
        t.replace("sheet = \"回答\"", "sheet = \"Sheet9\"")
    });
    let err = run_fails(&p);
    assert!(
        err.contains("small_R5.xlsx にシート「Sheet9」がありません"),
        "{err}"
    );
    assert!(err.contains("「回答」"), "{err}");
}

#[test]
fn unknown_label_goes_to_the_data_quality_table_with_its_cell() {
    let out = temp_dir("unknown-label");
    let run = staff_survey(&[
        "run",
        "tests/fixtures/small/pipeline.toml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success());
    let q = read_csv(&out.join("pipeline/R5/tables/data_quality.csv"));
    assert!(
        q.contains("small_R4.csv,,10,満足している,D10,わからない,選択肢にない回答,そう思う、どちらかと言えばそう思う、どちらかと言えばそう思わない、そう思わない,無回答として扱う"),
        "{q}"
    );
}

#[test]
fn unknown_key_in_the_pipeline_file_is_named_with_its_line() {
    let p = pipeline_with("bad-key", |t| {
        t.replace("title = ", "titel = \"x\"\ntitle = ")
    });
    let err = run_fails(&p);
    assert!(err.contains("書き方に誤りがあります"), "{err}");
    assert!(err.contains("unknown field `titel`"), "{err}");
    assert!(err.contains("line 5"), "{err}");
}

#[test]
fn every_validation_problem_is_reported_at_once() {
    let p = pipeline_with("many-problems", |t| {
        t.replace(
            "scale = \"agree4\"\npolarity",
            "scale = \"agree5\"\npolarity",
        )
        .replace("direction = \"higher\"", "direction = \"up\"")
        .replace(
            "target_year = \"R8\"\ntarget = 50",
            "target_year = \"R3\"\ntarget = 50",
        )
        .replace("split_on = \"q2\"", "split_on = \"q9\"")
    });
    let err = run_fails(&p);
    for expected in [
        "4 件の問題があります",
        "questions[2].scale: 尺度「agree5」は定義されていません（定義済み: agree4）",
        "indicators[0].direction: 「up」は使えません（使える値: higher, lower）",
        "indicators[1].target_year: 目標年度 令和3年度 が基準年度 令和4年度 より後ではありません",
        "segments[1].split_on: 設問「q9」は定義されていません",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in:\n{err}");
    }
}

#[test]
fn a_missing_input_file_is_reported_before_anything_is_read() {
    let p = pipeline_with("missing-file", |t| t.replace("small_R4.csv", "nowhere.csv"));
    let err = run_fails(&p);
    assert!(err.contains("waves[0].file: ファイル"), "{err}");
    assert!(err.contains("nowhere.csv が見つかりません"), "{err}");
}

#[test]
fn an_unreadable_spreadsheet_is_named() {
    let p = pipeline_with("unreadable", |t| t);
    let fake = p.parent().unwrap().join("broken.xlsx");
    std::fs::write(&fake, "this is not a zip file").unwrap();
    let text = std::fs::read_to_string(&p).unwrap();
    let r5 = abs(&root().join("tests/fixtures/small/small_R5.xlsx"));
    std::fs::write(&p, text.replace(&r5, fake.to_str().unwrap())).unwrap();
    let err = run_fails(&p);
    assert!(
        err.contains("broken.xlsx を表計算ファイルとして開けません"),
        "{err}"
    );
}

#[test]
fn a_shift_jis_file_read_as_utf8_gets_a_hint() {
    let p = pipeline_with("wrong-encoding", |t| {
        t.replace("encoding = \"shift_jis\"\n", "")
    });
    let err = run_fails(&p);
    assert!(
        err.contains("small_R4.csv は UTF-8 として読めません"),
        "{err}"
    );
    assert!(
        err.contains("encoding = \"shift_jis\" を指定してください"),
        "{err}"
    );
}

#[test]
fn a_wave_not_in_the_pipeline_is_refused() {
    let out = temp_dir("no-wave");
    let run = staff_survey(&[
        "run",
        "tests/fixtures/small/pipeline.toml",
        "--wave",
        "R9",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("令和9年度 の調査回はパイプラインファイルにありません（ある年度: 令和4年度、令和5年度）"), "{err}");
}

#[test]
fn usage_errors_exit_2_and_help_shows_examples() {
    let run = staff_survey(&["run"]);
    assert_eq!(run.status.code(), Some(2));
    let run = staff_survey(&["frobnicate"]);
    assert_eq!(run.status.code(), Some(2));
    for cmd in ["run", "check"] {
        let help = staff_survey(&[cmd, "--help"]);
        assert!(help.status.success());
        let text = String::from_utf8_lossy(&help.stdout);
        assert!(
            text.contains(&format!("staff-survey {cmd} pipelines/sample.toml")),
            "{text}"
        );
    }
}
