//! Confidentiality of the 概要 (issue 10): a finding sentence never cites a hidden cell.
//!
//! The data is written by the test: 監査室 8 people (q1 満足: 0 of 8, everyone alike, so hidden
//! under min_uniform_group 10; q2 やりがい: 1 of 8, 12.5%, shown), 企画課 12 (q1 and q2 6 of
//! 12), 総務課 80 (q1 and q2 64 of 80). By hand, 監査室 on q2 is far below the rest (12.5% against
//! 70 of 92, 76.1%) and is cited as a department significantly below the whole; on q1 it is
//! further below (0%), and without suppression it would be cited first, but the cell is hidden
//! (with 企画課 as its partner), so no sentence of the 概要 in report.md, report.html or the
//! report.xlsx cover may name it.

mod common;

use calamine::{open_workbook, Reader, Xlsx};
use common::*;

fn write_fixture(dir: &std::path::Path) {
    let mut csv = String::from("ID,所属,満足,やりがい\n");
    let mut id = 0;
    for (dept, n, q1_pos, q2_pos) in [
        ("監査室", 8, 0, 1),
        ("企画課", 12, 6, 6),
        ("総務課", 80, 64, 64),
    ] {
        for i in 0..n {
            id += 1;
            let (q1, q2) = (agree(i < q1_pos), agree(i < q2_pos));
            csv.push_str(&format!("{id},{dept},{q1},{q2}\n"));
        }
    }
    std::fs::write(dir.join("data.csv"), csv).unwrap();
    let pipeline = marks_pipeline(&["監査室", "企画課", "総務課"]);
    std::fs::write(dir.join("pipeline.toml"), pipeline).unwrap();
}

/// The 概要's findings of report.md (from 主な結果 to the next section).
fn findings(md: &str) -> String {
    let start = md.find("### 主な結果").expect("the 概要 has findings");
    let rest = &md[start..];
    let end = rest[4..].find("\n## ").map_or(rest.len(), |e| e + 4);
    rest[..end].to_string()
}

#[test]
fn no_finding_cites_a_hidden_cell() {
    let report = run_written("overview-suppression", write_fixture).join("R5");

    let md = std::fs::read_to_string(report.join("report.md")).unwrap();
    let f = findings(&md);
    // The mechanism works: the shown, significantly lower q2 cell is cited.
    assert!(f.contains("監査室の「やりがいを感じている」（12.5%"), "{f}");
    // The hidden q1 cells are not, in any form.
    for hidden in [
        "監査室の「満足している」",
        "企画課の「満足している」",
        "（0.0%",
    ] {
        assert!(!f.contains(hidden), "report.md cites {hidden}: {f}");
    }
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    assert!(html.contains("監査室の「やりがいを感じている」"));
    for hidden in ["監査室の「満足している」", "企画課の「満足している」"] {
        assert!(!html.contains(hidden), "report.html cites {hidden}");
    }
    let mut book: Xlsx<_> = open_workbook(report.join("report.xlsx")).unwrap();
    let cover: String = book
        .worksheet_range("表紙")
        .unwrap()
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        cover.contains("監査室の「やりがいを感じている」"),
        "{cover}"
    );
    assert!(!cover.contains("監査室の「満足している」"), "{cover}");
}
