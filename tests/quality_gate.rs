//! The data-quality gate: a spelling variant across a column must never silently change a
//! figure. The sample's R5 export (Shift_JIS) is copied with どちらかと言えば rewritten as
//! どちらかといえば everywhere. `run` must refuse, writing nothing, and name the value, its
//! count and the alias line; with that line pasted into the pipeline file the tables must equal
//! the committed sample report's, and `--accept-data-problems` must let the run through with
//! the notice first in the report.
//!
//! Expected counts are not taken from the tool: the test counts the rewritten cells itself by
//! splitting the CSV records (the export has no quoted fields or line breaks inside cells),
//! leaving out the rows without an id and the repeated row, which the tool sets aside.

mod common;

use common::*;
use std::path::{Path, PathBuf};

const VARIANT: &str = "どちらかといえばそう思う";
const LEVEL: &str = "どちらかと言えばそう思う";

/// Copies the sample data and pipeline into `dir`, rewriting the R5 export, and returns the
/// pipeline path and the number of cells that are exactly the variant (after trimming).
fn variant_copy(dir: &Path) -> (PathBuf, usize) {
    let data = dir.join("sample-data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(dir.join("pipelines")).unwrap();
    let staff = [
        "roster_R1.csv",
        "roster_R2.csv",
        "roster_R3.csv",
        "roster_R4.csv",
        "roster_R5.csv",
        "roster_R6.xlsx",
        "hr-events.csv",
        "hr-benchmarks.csv",
    ];
    for f in ["fy2022_R4.xlsx", "fy2024_R6.xlsx", "admin-indicators.csv"]
        .into_iter()
        .chain(staff)
    {
        std::fs::copy(root().join("sample-data").join(f), data.join(f)).unwrap();
    }
    let raw = std::fs::read(root().join("sample-data/fy2023_R5.csv")).unwrap();
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&raw);
    assert!(!bad);
    let text = text.replace("どちらかと言えば", "どちらかといえば");
    // Rows the tool sets aside (no 回答ID, a repeated 回答ID) are not counted.
    let mut seen = std::collections::BTreeSet::new();
    let count = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|cells| !cells[0].trim().is_empty() && seen.insert(cells[0].to_string()))
        .flatten()
        .filter(|c| c.trim() == VARIANT)
        .count();
    let (bytes, _, bad) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!bad);
    std::fs::write(data.join("fy2023_R5.csv"), bytes).unwrap();
    let pipeline = dir.join("pipelines/sample.toml");
    std::fs::copy(root().join("pipelines/sample.toml"), &pipeline).unwrap();
    (pipeline, count)
}

#[test]
fn a_spelling_variant_stops_the_run_and_its_alias_restores_the_tables() {
    let dir = temp_dir("gate-variant");
    let (pipeline, count) = variant_copy(&dir);
    assert!(
        count > 1000,
        "the rewrite should touch many cells, got {count}"
    );
    let out = dir.join("out");

    let r = run_pipeline(&pipeline, &out, &[]);
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    let msg = stderr(&r);
    assert!(msg.contains(&format!("「{VARIANT}」 {count} 件")), "{msg}");
    assert!(
        msg.contains(&format!("「{LEVEL}」と読みが同じです")),
        "{msg}"
    );
    let alias = format!("\"{VARIANT}\" = \"{LEVEL}\"");
    assert!(msg.contains("[scales.agree4]"), "{msg}");
    assert!(msg.contains(&alias), "{msg}");
    assert!(
        !out.exists(),
        "nothing may be written when the gate stops a run"
    );

    // Paste the aliases the message proposes (every line of its fix block) and run again.
    let fix = msg
        .lines()
        .find(|l| l.trim_start().starts_with("aliases = {"))
        .expect("an aliases line")
        .trim()
        .to_string();
    let text = std::fs::read_to_string(&pipeline).unwrap().replacen(
        "positive = 2\n",
        &format!("positive = 2\n{fix}\n"),
        1,
    );
    std::fs::write(&pipeline, text).unwrap();
    let r = run_pipeline(&pipeline, &out, &[]);
    assert!(r.status.success(), "{}", stderr(&r));
    let fresh = out.join("sample/R6/tables");
    let committed = root().join("reports/sample/R6/tables");
    assert_eq!(files(&fresh), files(&committed));
    for f in files(&committed) {
        assert!(
            std::fs::read(fresh.join(&f)).unwrap() == std::fs::read(committed.join(&f)).unwrap(),
            "tables/{f} differs from the committed sample report"
        );
    }
}

#[test]
fn accepting_the_problems_writes_the_report_with_a_notice_first() {
    let dir = temp_dir("gate-accept");
    let (pipeline, count) = variant_copy(&dir);
    let out = dir.join("out");
    let r = run_pipeline(&pipeline, &out, &["--accept-data-problems"]);
    assert!(r.status.success(), "{}", stderr(&r));
    let report = out.join("sample/R6");
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    let notice = html.find("--accept-data-problems").expect("the notice");
    let first_section = html.find("<section").unwrap();
    assert!(
        notice < first_section,
        "the notice must come before the sections"
    );
    assert!(
        html.contains(&format!("「{VARIANT}」{count} 件")),
        "count in the notice"
    );
    let md = std::fs::read_to_string(report.join("report.md")).unwrap();
    assert!(md.find("--accept-data-problems").unwrap() < md.find("## ").unwrap());
    // The summary names the variant with its count and the alias to add; the row-level table
    // is only linked from the report.
    let summary = read_csv(&report.join("tables/data_quality_summary.csv"));
    let rows = csv_rows(&summary);
    let variant_rows: Vec<&Vec<String>> = rows.iter().filter(|r| r[3] == VARIANT).collect();
    assert_eq!(
        variant_rows.len(),
        16,
        "one row per statement column:\n{summary}"
    );
    let per_column: usize = variant_rows
        .iter()
        .map(|r| r[4].parse::<usize>().unwrap())
        .sum();
    assert_eq!(per_column, count);
    for r in variant_rows {
        assert_eq!(
            r[8],
            format!("[scales.agree4] aliases = {{ \"{VARIANT}\" = \"{LEVEL}\" }}")
        );
    }
    assert!(!html.contains("<h3>データの問題</h3>"));
    assert!(html.contains("tables/data_quality.csv"));
    // verify re-runs the same way (the manifest records the acceptance).
    let v = verify(&report);
    assert!(v.status.success(), "{}", stderr(&v));
}
