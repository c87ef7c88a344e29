//! report.html: self-contained, every section present, every text from the data or the
//! pipeline file escaped.

mod common;

use common::*;

#[test]
fn the_sample_report_is_self_contained_and_has_every_section() {
    let html = std::fs::read_to_string(root().join("reports/sample/R6/report.html")).unwrap();
    // Nothing is loaded from elsewhere: no scripts, stylesheets, images or frames by URL.
    for forbidden in [
        "<script", "<link", "<img", "<iframe", "src=", "url(", "@import",
    ] {
        assert!(
            !html.contains(forbidden),
            "report.html contains {forbidden}"
        );
    }
    let without_svg_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(
        !without_svg_namespace.contains("http"),
        "report.html refers to a URL"
    );
    // Sections in the order planners read them (issue 9 §2): 概要, KGI/KPI, やりがい, 年代,
    // the other segments, reasons, trends, response rates and data quality, methods last.
    let order = [
        "id=\"overview\"",
        "id=\"kgi\"",
        "id=\"segment-yarigai\"",
        "id=\"segment-age\"",
        "id=\"segment-employment\"",
        "id=\"reasons\"",
        "id=\"trend\"",
        "id=\"quality\"",
        "id=\"methods\"",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|s| html.find(s).unwrap_or_else(|| panic!("{s} missing")))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "sections out of order: {positions:?}"
    );
    // Every chart is inline, and the 概要's status table comes first, then the KGI/KPI table.
    let charts = files(&root().join("reports/sample/R6/charts"))
        .iter()
        .filter(|f| f.ends_with(".svg"))
        .count();
    assert_eq!(html.matches("<svg").count(), charts);
    let tables: Vec<usize> = html.match_indices("<table").map(|(i, _)| i).collect();
    assert!(html.find("KGI・KPI の判定").unwrap() < tables[0]);
    let kgi = html.find("KGI・KPI の状況（令和6年度）").unwrap();
    assert!(tables[0] < kgi && kgi < tables[1]);
}

#[test]
fn text_from_the_pipeline_file_and_the_data_is_escaped() {
    let dir = temp_dir("html-escape");
    let text = small_pipeline_text()
        .replace(
            "organisation = \"テスト市\"",
            "organisation = \"<script>alert(1)</script>市\"",
        )
        .replace("label = \"満足している\"", "label = \"満足 & <b>不満</b>\"");
    std::fs::write(dir.join("p.toml"), text).unwrap();
    run_ok(dir.join("p.toml").to_str().unwrap(), &dir.join("out"));
    let html = std::fs::read_to_string(dir.join("out/p/R5/report.html")).unwrap();
    assert!(!html.contains("<script"), "unescaped organisation");
    assert!(!html.contains("<b>"), "unescaped label");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;市"));
    assert!(html.contains("満足 &amp; &lt;b&gt;不満&lt;/b&gt;"));
    // The data-quality table shows the export's own cell values escaped too (わからない etc.).
    assert!(html.contains("わからない"));
}
