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
    assert!(
        err.contains("5行目 titel: 「titel」という項目はありません。もしかして title ですか。"),
        "{err}"
    );
    assert!(!err.contains("unknown field"), "{err}");
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
        // kpi4 (higher) gets the same wrong direction as kgi1; kpi3, about q3, stays quiet.
        "5 件の問題があります",
        "5番目の指標（kpi4）の direction: 「up」は使えません",
        "3番目の設問（q3）の scale: 尺度「agree5」は定義されていません（定義済み: agree4）",
        "1番目の指標（kgi1）の direction: 「up」は使えません（使える値: higher, lower）",
        "2番目の指標（kpi1）の target_year: 目標年度 令和3年度 が基準年度 令和4年度 より後ではありません",
        "2番目の区分（yarigai）の split_on: 設問「q9」は定義されていません",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in:\n{err}");
    }
}

#[test]
fn a_missing_input_file_is_reported_before_anything_is_read() {
    let p = pipeline_with("missing-file", |t| t.replace("small_R4.csv", "nowhere.csv"));
    let err = run_fails(&p);
    assert!(
        err.contains("1番目の調査回（R4）の file: ファイル"),
        "{err}"
    );
    // The wave is still a wave for the indicators whose baseline it is: one problem, not three.
    assert!(err.contains("1 件の問題があります"), "{err}");
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

/// The line of the first occurrence of `needle` in the small pipeline, counted from 1: the
/// expected line numbers below are found in the text, not taken from the tool.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in the pipeline")]
        .matches('\n')
        .count()
        + 1
}

#[test]
fn toml_syntax_errors_are_all_listed_in_japanese_with_line_and_column() {
    let text = small_pipeline_text()
        .replacen("title = ", "title ", 1)
        .replacen("min_group = 1", "min_group = 1 2", 1);
    let p = pipeline_with("syntax", |_| text.clone());
    let err = run_fails(&p);
    let (title, min_group) = (line_of(&text, "title "), line_of(&text, "min_group = 1 2"));
    assert!(
        err.contains("書き方（TOML）に 2 件の誤りがあります"),
        "{err}"
    );
    assert!(
        err.contains(&format!("{title}行7列: キーの後に = と値が必要です")),
        "{err}"
    );
    assert!(err.contains(&format!("{min_group}行")), "{err}");
    assert!(err.contains("余分な文字があります"), "{err}");
    for english in ["expected", "invalid", "TOML parse error"] {
        assert!(!err.contains(english), "{english} in:\n{err}");
    }
}

#[test]
fn type_key_and_year_problems_come_at_once_counted_from_one_and_by_id() {
    let text = small_pipeline_text()
        // A misspelt key in the first question.
        .replacen(
            "kind = \"scale\"",
            "kind = \"scale\"\npolarty = \"negative\"",
            1,
        )
        // A percentage written as text in the first indicator.
        .replacen("target = 85", "target = \"85%\"", 1)
        // A baseline with no wave in the second indicator (the waves are R4 and R5).
        .replacen(
            "baseline = \"R4\"\ntarget_year = \"R8\"\ntarget = 50",
            "baseline = \"R3\"\ntarget_year = \"R8\"\ntarget = 50",
            1,
        );
    let p = pipeline_with("types", |_| text.clone());
    let err = run_fails(&p);
    assert!(err.contains("3 件の問題があります"), "{err}");
    let polarty = line_of(&text, "polarty");
    assert!(
        err.contains(&format!(
            "{polarty}行目 1番目の設問（q1）の polarty: 「polarty」という項目はありません。もしかして polarity ですか。"
        )),
        "{err}"
    );
    let target = line_of(&text, "target = \"85%\"");
    assert!(
        err.contains(&format!(
            "{target}行目 1番目の指標（kgi1）の target: 数値（例: 80 や 4.5）を書いてください（書かれているのは文字列 \"85%\"）"
        )),
        "{err}"
    );
    let baseline = line_of(&text, "baseline = \"R3\"");
    assert!(
        err.contains(&format!(
            "{baseline}行目 2番目の指標（kpi1）の baseline: 基準年度 令和3年度 の調査回がありません（調査回の年度: R4、R5）"
        )),
        "{err}"
    );
    assert!(
        !err.contains("[0]") && !err.contains("unknown field"),
        "{err}"
    );
}

#[test]
fn one_bad_scale_is_reported_once_not_at_every_question_using_it() {
    let p = pipeline_with("cascade", |t| {
        t.replacen(
            "levels = [\"そう思う\", \"どちらかと言えばそう思う\", \"どちらかと言えばそう思わない\", \"そう思わない\"]",
            "levels = [\"そう思う\"]",
            1,
        )
    });
    let err = run_fails(&p);
    assert!(err.contains("1 件の問題があります"), "{err}");
    assert!(
        err.contains("scales.agree4.levels: 二つ以上の選択肢が必要です"),
        "{err}"
    );
}

#[test]
fn a_survey_indicator_needs_its_question_asked_in_the_baseline_wave() {
    // q2 is not asked in R4 (an empty header for that wave), but kgi1's baseline is R4.
    let p = pipeline_with("not-asked", |t| {
        t.replacen(
            "columns = { R5 = \"仕事にやりがいを感じている\" }",
            "columns = { R4 = \"\", R5 = \"仕事にやりがいを感じている\" }",
            1,
        )
    });
    let err = run_fails(&p);
    assert!(
        err.contains(
            "1番目の指標（kgi1）の baseline: 設問「q2」は基準年度 令和4年度 には尋ねていません"
        ),
        "{err}"
    );
}

#[test]
fn usage_errors_and_help_are_in_japanese() {
    let run = staff_survey(&["run"]);
    let err = stderr(&run);
    assert!(
        err.contains("エラー: <パイプラインファイル> を指定してください"),
        "{err}"
    );
    assert!(err.contains("使い方: staff-survey run"), "{err}");
    let run = staff_survey(&["chek", "p.toml"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("もしかして: check"),
        "{}",
        stderr(&run)
    );
    let help = staff_survey(&["--help"]);
    let text = String::from_utf8_lossy(&help.stdout);
    for want in ["使い方:", "コマンド:", "init", "終了コード"] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    for english in ["Usage", "Commands", "Print help"] {
        assert!(!text.contains(english), "{english} in:\n{text}");
    }
    let missing = staff_survey(&["check", "no/such/pipeline.toml"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no/such/pipeline.toml が見つかりません"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn every_drivers_problem_is_named_at_once() {
    // Five entries, each with its own mistake(s); kgi1 reads q2, so the last two analyse the
    // same outcome.
    let p = pipeline_with("drivers", |t| {
        t + r#"
[[drivers]]
outcome = "q9"

[[drivers]]
outcome = "q1"
predictors = ["m1", "q1", "q8"]
segments = ["dept"]
min_n = 2
model = "logit"
bootstrap = 10

[[drivers]]
outcome = "m1"

[[drivers]]
outcome = "q2"
waves = ["R9"]

[[drivers]]
outcome = "kgi1"
"#
    });
    let err = run_fails(&p);
    // Keys count from one, as the user reads the file (with the line in front).
    for line in [
        "drivers[1番目].outcome: 「q9」という設問も指標もありません",
        "drivers[2番目].predictors[1番目]: 設問「m1」は段階で答える設問（kind = \"scale\"）ではありません",
        "drivers[2番目].predictors[2番目]: 目的の設問（outcome）そのものは説明の項目にできません",
        "drivers[2番目].predictors[3番目]: 設問「q8」は定義されていません",
        "drivers[2番目].predictors: 説明の項目（段階で答える設問）が2つ以上必要です",
        "drivers[2番目].segments[1番目]: 区分「dept」はありません（使える値: age, yarigai, employment）",
        "drivers[2番目].min_n: 3 以上にしてください",
        "drivers[2番目].model: 「logit」は使えません",
        "drivers[2番目].bootstrap: 50 以上（既定 200）か、区間を出さないなら 0 にしてください",
        "drivers[3番目].outcome: 設問「m1」は段階で答える設問（kind = \"scale\"）ではありません",
        "drivers[4番目].waves[1番目]: 令和9年度 の調査回（[[waves]]）はありません",
        "drivers[5番目].outcome: 設問「q2」の分析が二つあります",
    ] {
        assert!(err.contains(line), "missing {line:?} in:\n{err}");
    }
}
