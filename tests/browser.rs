//! The HTML report as a person sees it: headless Chromium (Debian's `chromium`, installed by
//! tests/browser/setup.sh, which .ci/run calls) loads report.html without errors and its
//! rendered DOM holds every table and chart.

mod common;

use common::*;
use std::process::Command;

fn chromium(args: &[&str]) -> std::process::Output {
    let profile = temp_dir("chromium-profile");
    Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium is not installed: run `bash tests/browser/setup.sh` (or `bash .ci/run`)")
}

#[test]
fn the_sample_report_loads_in_chromium_with_every_table() {
    let html = root().join("reports/sample/R6/report.html");
    let url = format!("file://{}", html.display());
    let out = chromium(&["--dump-dom", &url]);
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr);
    // No page errors: uncaught script errors or failed resource loads are logged as CONSOLE.
    for bad in ["Uncaught", "ERR_FILE_NOT_FOUND", "Failed to load resource"] {
        assert!(!log.contains(bad), "chromium reported {bad}:\n{log}");
    }
    let source = std::fs::read_to_string(&html).unwrap();
    assert_eq!(
        dom.matches("<table").count(),
        source.matches("<table").count(),
        "tables in the DOM"
    );
    assert!(dom.matches("<table").count() >= 15);
    assert_eq!(
        dom.matches("<svg").count(),
        source.matches("<svg").count(),
        "charts in the DOM"
    );
    assert!(dom.contains("KGI・KPI の状況（令和6年度）"));
    assert!(dom.contains("方法についての注記"));
}

#[test]
fn the_report_prints_to_a4_pdf() {
    let html = root().join("reports/sample/R6/report.html");
    let pdf = temp_dir("print").join("report.pdf");
    let out = chromium(&[
        "--no-pdf-header-footer",
        &format!("--print-to-pdf={}", pdf.display()),
        &format!("file://{}", html.display()),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    // A4 is 595 × 842 points.
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594.9"),
        "not A4"
    );
}
