//! The bad-file corpus (tests/fixtures/bad, written by make_bad.py): each broken or hostile
//! export stands in for one of the small fixture's files and gets the message listed here,
//! naming the file (and sheet and cell where it applies), with the exit code listed; none
//! makes the tool panic. Problems in single cells or rows go to the data-quality table (the
//! report is still written, and `check` exits 1); problems with the whole file stop the run.

mod common;

use common::*;

/// Runs `cmd` on the small pipeline with one of its files replaced by a bad one.
fn with_bad_file(
    cmd: &str,
    replaces: &str,
    bad: &str,
    extra: &str,
) -> (Option<i32>, String, std::path::PathBuf) {
    let small = root().join("tests/fixtures/small");
    let text = small_pipeline_text().replace(
        &abs(&small.join(replaces)),
        &abs(&root().join("tests/fixtures/bad").join(bad)),
    );
    let dir = temp_dir(&format!("bad-{bad}"));
    std::fs::write(dir.join("bad.toml"), format!("{text}\n{extra}")).unwrap();
    let out = staff_survey(&[
        cmd,
        dir.join("bad.toml").to_str().unwrap(),
        "--out",
        dir.join("out").to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{bad}: {err}");
    (
        out.status.code(),
        err,
        dir.join("out/bad/R5/tables/data_quality.csv"),
    )
}

#[test]
fn whole_file_problems_stop_the_run_with_a_message() {
    let limits = "[limits]\nmax_megabytes = 16\n";
    for (bad, replaces, expected) in [
        ("truncated.xlsx", "small_R5.xlsx", "truncated.xlsx を表計算ファイルとして開けません（zip として壊れています"),
        ("not_a_zip.xlsx", "small_R5.xlsx", "not_a_zip.xlsx を表計算ファイルとして開けません"),
        ("bomb.xlsx", "small_R5.xlsx", "bomb.xlsx は展開すると 64 MB になり、上限 16 MB を超えます（zip 爆弾の可能性）"),
        ("stray_cell.xlsx", "small_R5.xlsx", "stray_cell.xlsx のシート「回答」の使用範囲が大きすぎます（1048576 行 × 16384 列）。離れた位置に値や書式の残ったセル（例: XFD1048576）を消してください"),
        ("empty_sheet.xlsx", "small_R5.xlsx", "empty_sheet.xlsx のシート「回答」は空です"),
        ("eucjp.csv", "small_R4.csv", "eucjp.csv は Shift_JIS として読めません。文字コードを確かめてください"),
        ("bad_shared_string.xlsx", "small_R5.xlsx", "bad_shared_string.xlsx を読めません。ファイルの中身が壊れています（読み取りの内部エラー: index out of bounds"),
    ] {
        let (code, err, _) = with_bad_file("run", replaces, bad, limits);
        assert_eq!(code, Some(1), "{bad}: {err}");
        assert!(err.contains(expected), "{bad}: expected «{expected}» in\n{err}");
    }
}

#[test]
fn a_header_row_that_is_not_the_first_row_is_explained() {
    // small_R5.xlsx has a title in row 1 and its headers in row 3; without header_row:
    let small = root().join("tests/fixtures/small");
    let text = small_pipeline_text().replace("header_row = 3\n", "");
    let dir = temp_dir("bad-header-row");
    std::fs::write(dir.join("p.toml"), text).unwrap();
    let out = staff_survey(&[
        "run",
        dir.join("p.toml").to_str().unwrap(),
        "--out",
        dir.join("o").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("small_R5.xlsx のシート「回答」 に列「回答ID」がありません"),
        "{err}"
    );
    assert!(
        err.contains("見出しが1行目にないときは header_row を"),
        "{err}"
    );
    assert!(
        err.contains("ある列: 「令和5年度 職員アンケート 回答一覧」"),
        "{err}"
    );
    let _ = small;
}

#[test]
fn cell_and_row_problems_are_recorded_with_their_cells() {
    // Formulas without a stored result read as blank; an error cell and a date are not labels.
    let (code, _, quality) =
        with_bad_file("run", "small_R5.xlsx", "formulas_errors_dates.xlsx", "");
    assert_eq!(code, Some(0));
    let q = read_csv(&quality);
    assert!(
        q.contains(
            "formulas_errors_dates.xlsx,回答,5,仕事にやりがいを感じている,E5,#N/A,選択肢にない回答"
        ),
        "{q}"
    );
    assert!(
        q.contains(
            "formulas_errors_dates.xlsx,回答,6,仕事を辞めたいと思う,F6,2023-06-01,選択肢にない回答"
        ),
        "{q}"
    );
    // The same file under check: exit 1 because the data has problems.
    let (code, _, _) = with_bad_file("check", "small_R5.xlsx", "formulas_errors_dates.xlsx", "");
    assert_eq!(code, Some(1));

    // Ragged rows: short rows are recorded and their missing cells count as no answer; values
    // beyond the last header are recorded and ignored.
    let (code, _, quality) = with_bad_file("run", "small_R4.csv", "ragged.csv", "");
    assert_eq!(code, Some(0));
    let q = read_csv(&quality);
    // Row 2 has 4 of 7 cells; the last it has is D2 (満足している).
    assert!(
        q.contains("ragged.csv,,2,満足している,D2,,列が足りない行（見出し 7 列に対して 4 列）"),
        "{q}"
    );
    assert!(
        q.contains("ragged.csv,,3,,H3,余分,見出しのない列に値がある"),
        "{q}"
    );
}

#[test]
fn wide_and_utf16_files_are_read() {
    // 20,000 columns: read, with the same tables as the original.
    let (code, err, quality) = with_bad_file("run", "small_R4.csv", "wide.csv", "");
    assert_eq!(code, Some(0), "{err}");
    let expected =
        std::fs::read_to_string(root().join("tests/fixtures/small/expected/items_by_age.csv"))
            .unwrap();
    let tables = quality.parent().unwrap();
    assert_columns_match(
        "items_by_age.csv from wide.csv",
        &expected,
        &read_csv(&tables.join("items_by_age.csv")),
    );
    // A UTF-16 file with its byte-order mark is read by the mark, whatever encoding is set.
    let (code, err, _) = with_bad_file("run", "small_R4.csv", "utf16.csv", "");
    assert_eq!(code, Some(0), "{err}");
}
