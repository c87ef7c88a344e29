//! The roster is personal data and small groups stay hidden, end to end: the report of the
//! roster fixture (`tests/fixtures/roster`, see tests/staff_roster.rs for its counts) is
//! searched, every file of it including the text inside report.xlsx, for anything of a person
//! (names, staff numbers, dates of birth) and for the small groups as rows or columns of a
//! table.

mod common;

use common::{csv_rows, read_csv, root, run_succeeds, temp_dir};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every text of the report: plain files as they are, xlsx and zip parts unpacked.
fn texts(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xlsx") {
                let mut zip = zip::ZipArchive::new(std::fs::File::open(&p).unwrap()).unwrap();
                for i in 0..zip.len() {
                    let mut f = zip.by_index(i).unwrap();
                    let mut bytes = Vec::new();
                    f.read_to_end(&mut bytes).unwrap();
                    out.push((
                        p.join(f.name()),
                        String::from_utf8_lossy(&bytes).into_owned(),
                    ));
                }
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out
}

fn report() -> PathBuf {
    let out = temp_dir("staff_confidential");
    run_succeeds(&root().join("tests/fixtures/roster/pipeline.toml"), &out).join("R6")
}

#[test]
fn nothing_of_a_person_reaches_any_output() {
    let dir = report();
    let roster =
        std::fs::read_to_string(root().join("tests/fixtures/roster/roster_R6.csv")).unwrap();
    let mut personal: Vec<String> = Vec::new();
    for row in csv_rows(&roster).into_iter().skip(1) {
        personal.push(row[0].clone()); // 職員番号
        personal.push(row[1].clone()); // 氏名
        personal.push(row[2].clone()); // 生年月日 as written
        personal.push(row[2].replace('/', "-")); // and as a spreadsheet would print it
    }
    let texts = texts(&dir);
    assert!(texts.iter().any(|(p, _)| p.ends_with("report.html")));
    for (path, text) in &texts {
        for p in &personal {
            assert!(!text.contains(p.as_str()), "{p} is in {}", path.display());
        }
    }
}

#[test]
fn small_groups_are_never_a_row_or_column_of_their_own() {
    let dir = report().join("tables");
    let small = ["行政委員会", "監査室", "選挙管理委員会事務局"];
    let mut seen = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("staff_") && name.ends_with(".csv")) {
            continue;
        }
        seen += 1;
        let rows = csv_rows(&read_csv(&p));
        for (i, row) in rows.iter().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                assert!(
                    !small.contains(&cell.as_str()),
                    "{name}: {cell} at row {i}, column {j}"
                );
            }
        }
        // 部長級 (2 staff) may be named only with its numbers hidden.
        for row in rows
            .iter()
            .filter(|r| r.first().is_some_and(|c| c == "部長級"))
        {
            assert!(row[1..].iter().all(|c| c == "x"), "{name}: {row:?}");
        }
    }
    assert!(seen >= 5, "only {seen} staff tables");
}
