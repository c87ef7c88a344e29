//! The sample pipeline end to end: a fresh run must reproduce the committed report under
//! reports/sample/R6 file for file and byte for byte, and that report must hold every table
//! and chart the issue asks for, with changes against R5 and R4.
//!
//! The committed report is the output of an earlier run that a person read and checked; the
//! numbers themselves are verified independently by the hand-worked fixture and the Otaru
//! check. When the output changes on purpose, regenerate it with the README's sample command
//! and review the diff.

mod common;

use common::*;

#[test]
fn a_fresh_run_reproduces_the_committed_report() {
    // Beside reports/ (same depth), so the manifest's relative paths to the pipeline and its
    // inputs are the same as the committed report's.
    let out = root().join(format!(".test-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let run = staff_survey(&[
        "run",
        "pipelines/sample.toml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let fresh = out.join("sample/R6");
    let committed = root().join("reports/sample/R6");
    assert_eq!(files(&fresh), files(&committed), "the set of files differs");
    let mut differing = Vec::new();
    for f in files(&committed) {
        if std::fs::read(fresh.join(&f)).unwrap() != std::fs::read(committed.join(&f)).unwrap() {
            differing.push(f);
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(
        differing.is_empty(),
        "files differ from reports/sample/R6: {differing:?}"
    );
}

#[test]
fn the_committed_report_holds_every_table_and_chart() {
    let dir = root().join("reports/sample/R6");
    let all = files(&dir);
    for f in [
        "report.md",
        "tables/response_rates.csv",
        "tables/items_by_age.csv",
        "tables/groups_yarigai.csv",
        "tables/items_by_yarigai.csv",
        "tables/items_by_employment.csv",
        "tables/items_by_department.csv",
        "tables/top_m01.csv",
        "tables/options_m01.csv",
        "tables/top_m03.csv",
        "tables/indicators.csv",
        "tables/trend.csv",
        "tables/levels.csv",
        "tables/aggregate_items.csv",
        "tables/aggregate_options.csv",
        "tables/data_quality.csv",
        "tables/row_counts.csv",
        "charts/items_by_age.svg",
        "charts/items_by_yarigai.svg",
        "charts/indicator_kgi_yarigai.svg",
        "charts/indicator_kpi_resign.svg",
        "charts/indicator_kpi_quit_young.svg",
        "charts/indicator_kpi_women_managers.svg",
        "tables/indicator_comparisons.csv",
        "charts/heatmap_age.svg",
        "charts/heatmap_yarigai.svg",
        "charts/levels.svg",
        "charts/trend.svg",
        "report.html",
        "report.xlsx",
    ] {
        assert!(all.contains(f), "{f} missing");
    }
    let trend = read_csv(&dir.join("tables/trend.csv"));
    let header = trend.lines().next().unwrap();
    assert!(
        header.contains("令和4年度（%）")
            && header.contains("令和5年度（%）")
            && header.contains("令和6年度（%）"),
        "{header}"
    );
    assert!(
        header.contains("令和5年度からの変化（pt）")
            && header.contains("令和4年度からの変化（pt）"),
        "{header}"
    );
    let indicators = read_csv(&dir.join("tables/indicators.csv"));
    assert_eq!(
        indicators.lines().count(),
        1 + 17,
        "2 KGI + 15 KPI:\n{indicators}"
    );
    // Every indicator has a previous-year value (R5) and a current value (R6).
    for line in indicators.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[4], "令和5年度", "{line}");
        assert_ne!(cells[9], "-", "{line}");
    }
    // The training-satisfaction mean has its t interval: 4.31, sd 0.80, n 160 →
    // scipy.stats.t.interval(0.95, df=159, loc=4.31, scale=0.80/math.sqrt(160))
    // = (4.18509…, 4.43490…), printed with the indicator's two decimals.
    let training = indicators
        .lines()
        .find(|l| l.contains("研修アンケート満足度"))
        .unwrap();
    assert!(training.contains(",4.19,4.43,160,"), "{training}");
    // Every chart has its PNG twin.
    for svg in all.iter().filter(|f| f.ends_with(".svg")) {
        let png = svg.replace(".svg", ".png");
        let bytes = std::fs::read(dir.join(&png)).unwrap_or_else(|_| panic!("{png} missing"));
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{png} is not a PNG"
        );
    }
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    for svg in all.iter().filter(|f| f.ends_with(".svg")) {
        assert!(
            md.contains(&format!("]({svg})")),
            "report.md does not show {svg}"
        );
    }
}

#[test]
fn free_text_is_counted_never_shown() {
    // Independent count: the R5 export's 自由意見 cells that are not blank, among the rows the
    // tool uses (a 回答ID, first occurrence), read with the csv crate from the Shift_JIS bytes.
    let raw = std::fs::read(root().join("sample-data/fy2023_R5.csv")).unwrap();
    let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&raw);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let (id, free) = (
        headers.iter().position(|h| h == "回答ID").unwrap(),
        headers.iter().position(|h| h == "自由意見").unwrap(),
    );
    let mut seen = std::collections::BTreeSet::new();
    let mut written = 0;
    let mut comments = Vec::new();
    for r in reader.records() {
        let r = r.unwrap();
        if r[id].trim().is_empty() || !seen.insert(r[id].to_string()) {
            continue;
        }
        if !r[free].trim().is_empty() {
            written += 1;
            comments.push(r[free].to_string());
        }
    }
    assert!(written > 0);
    let dir = root().join("reports/sample/R6");
    let table = read_csv(&dir.join("tables/free_text.csv"));
    assert!(
        table.contains(&format!(
            "令和5年度,t01,自由意見,{},{written}\n",
            seen.len()
        )),
        "{table}"
    );
    // No comment appears anywhere in the report (tables, charts, html, md).
    for f in files(&dir) {
        if f.ends_with(".xlsx") || f.ends_with(".png") {
            continue;
        }
        let body = std::fs::read_to_string(dir.join(&f)).unwrap();
        for c in &comments {
            assert!(
                !body.contains(c.as_str()),
                "{f} shows a free-text answer: {c}"
            );
        }
    }
}

#[test]
fn the_trend_chart_prints_the_changes_of_the_trend_table() {
    let dir = root().join("reports/sample/R6");
    let table = csv_rows(&read_csv(&dir.join("tables/trend.csv")));
    let col = |name: &str| table[0].iter().position(|h| h == name).unwrap();
    let (diff, mark) = (col("令和5年度からの変化（pt）"), col("前回との差"));
    let svg = std::fs::read_to_string(dir.join("charts/trend.svg")).unwrap();
    for row in &table[1..] {
        let m = if row[mark] == "*" { " *" } else { "" };
        let text = format!(">\n前回（R5）から {}pt{m}\n<", row[diff]);
        assert!(svg.contains(&text), "{}: {text:?} not in trend.svg", row[1]);
    }
}
