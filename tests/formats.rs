//! The other spreadsheet formats: the small fixture's R5 sheet saved as .xls and .ods
//! (tests/fixtures/formats/make_formats.py) must give the same tables as the .xlsx.

mod common;

use common::*;

fn run_with(format: &str) -> std::path::PathBuf {
    let xlsx = abs(&root().join("tests/fixtures/small/small_R5.xlsx"));
    let other = abs(&root().join(format!("tests/fixtures/formats/small_R5.{format}")));
    let text = small_pipeline_text().replace(&xlsx, &other);
    let dir = temp_dir(&format!("format-{format}"));
    std::fs::write(dir.join("pipeline.toml"), text).unwrap();
    run_ok(
        dir.join("pipeline.toml").to_str().unwrap(),
        &dir.join("out"),
    );
    dir.join("out/pipeline/R5/tables")
}

fn same_tables_as_xlsx(format: &str) {
    let tables = run_with(format);
    for name in [
        "items_by_age.csv",
        "items_by_yarigai.csv",
        "options_m1.csv",
        "indicators.csv",
    ] {
        let expected =
            std::fs::read_to_string(root().join("tests/fixtures/small/expected").join(name))
                .unwrap();
        assert_columns_match(
            &format!("{name} from .{format}"),
            &expected,
            &read_csv(&tables.join(name)),
        );
    }
    // Cell references point into the same sheet: C8 (嘱託) and G10 (not asked).
    let q = read_csv(&tables.join("data_quality.csv"));
    assert!(
        q.contains(&format!("small_R5.{format},回答,8,雇用形態,C8,嘱託")),
        "{q}"
    );
    assert!(
        q.contains(&format!(
            "small_R5.{format},回答,10,満足していない理由,G10,給与"
        )),
        "{q}"
    );
}

#[test]
fn xls_reads_like_xlsx() {
    same_tables_as_xlsx("xls");
}

#[test]
fn ods_reads_like_xlsx() {
    same_tables_as_xlsx("ods");
}
