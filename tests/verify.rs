//! `verify`: a report re-runs from its recorded inputs to the same bytes; one changed byte in
//! an input is refused by name, one changed byte in an output is reported by name.

mod common;

use common::*;
use std::path::PathBuf;

/// The small fixture copied to a fresh directory and run there; returns (fixture copy, report).
fn copied_run(name: &str) -> (PathBuf, PathBuf) {
    run_fixture_copy(&temp_dir(name), "fixture")
}

#[test]
fn an_untouched_report_verifies() {
    let (_, report) = copied_run("verify-ok");
    let manifest = std::fs::read_to_string(report.join("manifest.json")).unwrap();
    assert!(
        manifest.contains("\"path\": \"../../../fixture/small_R4.csv\""),
        "{manifest}"
    );
    let out = verify(&report);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("すべてが記録どおりに再現されました"));
}

#[test]
fn a_changed_output_byte_is_named() {
    let (_, report) = copied_run("verify-output");
    flip_last_byte(&report.join("tables/items_by_age.csv"));
    let out = verify(&report);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("報告のフォルダ: tables/items_by_age.csv の内容が記録と異なります"),
        "{err}"
    );
    assert!(
        !err.contains("再実行の結果:"),
        "the re-run itself matches: {err}"
    );
}

#[test]
fn a_changed_input_byte_is_refused_by_name() {
    let (fixture, report) = copied_run("verify-input");
    flip_last_byte(&fixture.join("admin.csv"));
    let out = verify(&report);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("入力ファイルが記録と異なるため再現できません"),
        "{err}"
    );
    assert!(err.contains("admin.csv"), "{err}");
}

#[test]
fn a_directory_without_a_manifest_is_refused() {
    let out = verify(&temp_dir("verify-none"));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("manifest.json がありません"));
}
