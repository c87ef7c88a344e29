//! `staff-survey init` on odd exports (empty, an empty sheet, header only, a blank column, a
//! repeated header, one row, a column of separators only): a runnable file or a Japanese
//! message that names the file, never a panic.

mod common;

use common::init::*;
use common::*;

// Odd exports: init writes a file that runs, or exits 1 with a Japanese message that names
// the file and says what to do; it never panics (exit code 101).

#[test]
fn an_empty_file_is_refused() {
    for (name, text) in [("empty.csv", ""), ("blank_lines.csv", "\n\n\n")] {
        let err = init_fails(name, &[&export_file(name, text)]);
        assert_has(
            &err,
            &[
                &format!("{name} は空です"),
                "回答を書き出したファイルを指定してください",
            ],
        );
    }
}

#[test]
fn an_empty_sheet_is_refused() {
    let path = temp_dir("init-empty-sheet").join("empty.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("回答").unwrap();
    book.save(&path).unwrap();
    let err = init_fails("empty-sheet", &[path.to_str().unwrap()]);
    assert_has(
        &err,
        &[
            "empty.xlsx のシート「回答」は空です",
            "--sheet で指定してください",
        ],
    );
}

#[test]
fn a_header_only_file_is_refused() {
    let csv = export_file(
        "header_only.csv",
        "回答ID,年代,仕事にやりがいを感じている\n",
    );
    let path = temp_dir("init-header-only").join("header_only.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "回答ID").unwrap();
    sheet.write_string(0, 1, "年代").unwrap();
    book.save(&path).unwrap();
    for (name, file) in [
        ("header_only.csv", csv.as_str()),
        ("header_only.xlsx", path.to_str().unwrap()),
    ] {
        let err = init_fails(name, &[file]);
        assert_has(
            &err,
            &[
                &format!("{name} に回答の行が見つかりません"),
                "確かめてください",
            ],
        );
    }
}

#[test]
fn a_column_with_no_answers_is_left_out() {
    let (text, _, run_err) = init_and_run_csv(
        "回答ID,仕事にやりがいを感じている,備考",
        &agree_rows(1..=30, ","),
        "blank-column",
    );
    assert_has(&text, &["「備考」: 回答が一つもない列", "[scales.agree4]"]);
    assert!(!text.contains("column = \"備考\""), "{text}");
    assert_eq!(problem_count(&run_err), 0, "{run_err}");
}

#[test]
fn a_repeated_header_uses_the_left_column_and_says_so() {
    let (text, message, _) = init_and_run_csv(
        "回答ID,仕事にやりがいを感じている,仕事にやりがいを感じている",
        &agree_rows(1..=30, ",そう思わない"),
        "repeated",
    );
    // The header row is still found (it is not taken for a title row).
    assert_has(&text, &["[respondents]\nid = \"回答ID\""]);
    assert!(!text.contains("header_row"), "{text}");
    assert_eq!(
        text.matches("column = \"仕事にやりがいを感じている\"")
            .count(),
        1,
        "{text}"
    );
    let note =
        "「仕事にやりがいを感じている」: 同じ見出しの列が左にもあるので、左の列だけを使います";
    assert_has(&text, &[note]);
    assert_has(&message, &[note]);
}

#[test]
fn a_single_export_with_one_row() {
    let (text, _, run_err) = init_and_run_csv(
        "回答ID,年代,仕事にやりがいを感じている",
        "1,30歳代,そう思う\n",
        "one-row",
    );
    assert_has(&text, &["[respondents]\nid = \"回答ID\"", "year = \"R6\""]);
    assert_eq!(problem_count(&run_err), 0, "{run_err}");
}

#[test]
fn a_column_of_separators_only() {
    // Every answer is a lone separator: no options to split into (this panicked once).
    let (text, _, _) = init_and_run_csv(
        "回答ID,仕事にやりがいを感じている,メモ",
        &agree_rows(1..=30, ",;"),
        "separators",
    );
    assert!(!text.contains("kind = \"multi\""), "{text}");
}
