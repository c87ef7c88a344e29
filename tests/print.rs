//! A4 print that holds (issue 9 §3): the sample report printed from headless Chromium has no
//! table or chart cut across a page or wider than the printable area, no heading alone at a
//! page foot, no word or number broken inside a table cell, table text of at least 9 pt, and
//! clearly fewer pages than the 24 it had when the issue was filed.
//!
//! The sample report meets every rule, and prints on at most [`SAMPLE_MAX_PAGES`] pages (32,
//! five of them landscape: the survey sections on 21, against the 24 the whole report had when
//! the issue was filed, what issue 12 added on seven more and issue 13's key-driver analyses on
//! four); see that constant for what brought it down and what it holds now.
//!
//! # How it works
//!
//! The checks live in `tests/print/layout.py` (Python, pdfminer.six and BudouX, installed by
//! tests/browser/setup.sh) so that a developer can run them alone while fixing the renderer:
//!
//! ```text
//! python3 tests/print/layout.py reports/sample/R6/report.html --max-pages 20
//! python3 tests/print/layout.py some.html --map --keep /tmp/print   # boxes; keep the PDFs
//! ```
//!
//! It prints the page with headless Chromium (`--print-to-pdf --no-pdf-header-footer`, the
//! flags of tests/browser.rs, a fresh profile) twice:
//!
//! 1. as it is, and as an instrumented copy in a temporary directory (the committed report is
//!    never written). The copy only adds a `data-pl="K"` attribute to each block element
//!    (h1–h6, p, ul, ol, dl, pre, blockquote, table, figure) and to `<html>`, and a style
//!    that draws a 1 px outline in a colour encoding K, with `outline-offset: -1px` so the
//!    outline's outer edge is the element's border box. Outlines take no part in layout, and
//!    the check verifies it: every character of both PDFs must be on the same page, at the
//!    same place, at the same size, or the check stops (exit status 2) instead of guessing.
//! 2. In the copy's PDF each outline is a stroked rectangle of its element's colour, painted
//!    on every page where the element has a fragment. Clipped to the page's content box (the
//!    outline of `<html>`), these give each table, figure, heading and paragraph its page(s)
//!    and its box on each page: no text-position heuristics, no guessing where a table ends.
//! 3. Chromium writes a tagged PDF. Its structure tree has Table/TR/TH/TD, Figure, Caption and
//!    H1–H6 elements whose marked-content ids point at the text they painted; reading the
//!    content streams (nested marked content and /ActualText included) gives every painted
//!    character with its cell, page, position and font size as printed, after any shrinking
//!    Chromium does to fit a too-wide page. The n-th Table is the n-th `<table>` of the HTML,
//!    and its cells are matched to the HTML cells in order (Chromium leaves out the cells it
//!    paints nothing for: empty ones and ones beyond the page edge, which are reported).
//!
//! # The rules
//!
//! - (a) A table or figure lies on one page. A table taller than a page's content box may
//!   continue on the next page (noted, not a failure), but never with a row cut in two;
//!   a figure taller than a page is a failure (scale it to the printable height).
//! - (b) No table, figure or heading box reaches outside the content box, left or right; every
//!   non-empty cell prints all its text, inside the content box.
//! - (c) A heading (h1–h6) is never the last thing on its page: the next block that is not a
//!   heading starts on the heading's page.
//! - (d) No word or number inside a cell is broken over two lines. A cell's text is cut into
//!   segments at white space, before a Japanese opening bracket and after a closing bracket
//!   or 、。・; a line may end between segments. A segment of at most 8 characters (10～20歳代,
//!   教育委員会, 会計年度任用職員, 順調, 遅れ) or one that is a value (58.1–66.0, n=1185,
//!   70.4%, 12.7時間) must stay on one line; a longer prose segment (a question's text) may
//!   break only at a BudouX phrase boundary, the boundaries Chromium's
//!   `word-break: auto-phrase` uses.
//! - (e) Table text is at least 9 pt as printed (the PDF's font size).
//! - (f) A page count bound, when one is given.
//!
//! Each failure names the element (heading text, table by its heading, figure by its
//! caption), the page and what is wrong.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The sample report's page bound: 21 A4 pages, three fewer than the 24 it printed on when
/// issue 9 was filed (25 before the changes below, with every other rule already met). What
/// brought it there, each measured with `python3 tests/print/layout.py` on the sample:
/// - the department section's items table, taller than a landscape page (three lines a row:
///   share and interval, n), starts under its heading and breaks between rows instead of
///   leaving a page with the heading alone (`Named::long`; rule (a) allows a table taller
///   than a page to continue);
/// - the reasons section prints landscape, where each group's three options fit on a line;
/// - the change tables show the change and its mark (the interval and p are in their CSV);
/// - the heat maps' rows are 30 px instead of 40;
/// - the level counts (the diverging chart's numbers) are linked to their CSV, not printed.
///
/// Still wasted: the department heat map prints alone on a portrait page between the
/// landscape ones, and the method notes run a sixth of a page onto page 21.
///
/// Issue 12 put the 職員の状況 section (eight charts, nine tables of HR statistics) before
/// the survey sections (26 pages), then three indicators (a subgroup share, two ratios, with
/// their charts) and the table of comparison values: 28 pages in all, measured with `python3
/// tests/print/layout.py --max-pages 28 reports/sample/R6/report.html`, none of its tables or
/// charts cut.
///
/// Issue 13 added the key-driver analyses of the two KGI (やりがい in its section, 成長 in a
/// section of its own): for each, the ranking table with its method note, the table by age
/// band and the priority matrix, about 3.2 pages of content on four more pages: 32 pages,
/// measured the same way (`--max-pages 32`), none cut, the smallest chart text unchanged
/// (4.7 pt).
const SAMPLE_MAX_PAGES: usize = 32;

/// The sample report that the test prints.
pub fn sample_report() -> PathBuf {
    root().join("reports/sample/R6/report.html")
}

/// What the print-layout check said about `html`: `Ok(report)` when the page follows every
/// rule, `Err(report)` listing every violation. Panics when the check cannot be made (no
/// Chromium or Python packages, an instrumented print that differs from the plain one).
/// Any self-contained HTML page can be checked; `max_pages` bounds its page count.
pub fn print_layout(html: &Path, max_pages: Option<usize>) -> Result<String, String> {
    let mut cmd = Command::new("python3");
    cmd.arg(root().join("tests/print/layout.py")).arg(html);
    if let Some(n) = max_pages {
        cmd.args(["--max-pages", &n.to_string()]);
    }
    let out = cmd
        .output()
        .expect("python3 is not installed: run `bash tests/browser/setup.sh` (or `bash .ci/run`)");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => Ok(stdout),
        Some(1) => Err(stdout),
        _ => panic!(
            "the print-layout check could not run on {}:\n{stdout}{stderr}\n\
             (install what it needs with `bash tests/browser/setup.sh`)",
            html.display()
        ),
    }
}

#[test]
fn the_sample_report_holds_on_a4() {
    let html = sample_report();
    if let Err(report) = print_layout(&html, Some(SAMPLE_MAX_PAGES)) {
        panic!(
            "{} does not print well on A4 (issue 9 §3):\n{report}",
            html.display()
        );
    }
}

/// The department sheets (issue 9 §4) print one A4 page per group: the combined file of the
/// sample's seven departments follows every rule on exactly seven pages (each sheet starts a
/// page, so seven is also the least it can print on).
#[test]
fn the_department_sheets_print_a_page_per_group() {
    let html = root().join("reports/sample/R6/sheets/department.html");
    let groups = std::fs::read_dir(root().join("reports/sample/R6/sheets/department"))
        .unwrap()
        .count();
    assert_eq!(groups, 7);
    match print_layout(&html, Some(groups)) {
        Err(report) => panic!(
            "{} does not print a page per group:\n{report}",
            html.display()
        ),
        // At most `groups` pages (the bound) and not fewer: a page per sheet.
        Ok(report) => assert!(
            report.contains(&format!(" of {groups} pages are")),
            "{report}"
        ),
    }
}

/// A small page with one of each violation: the check must find every one, naming the
/// element and the page. It keeps the check from passing a report because it stopped seeing
/// things.
#[test]
fn the_check_finds_each_kind_of_violation() {
    let html = root().join("tests/print/violations.html");
    let report = print_layout(&html, Some(1)).expect_err("the page breaks every rule");
    for expected in [
        "pages; at most 1 are allowed",
        "図「高すぎる図」 is cut across pp.",
        "表「切れる表」 is cut across pp.",
        "表「広すぎる表」 on p.",
        "wider than the printable area",
        "h3「ページ末の見出し」 is the last thing on p.",
        "表「小さい文字の表」 (p.",
        "table text printed at 7 pt",
        "会計年度任|用職員",
        "cells not printed in full",
    ] {
        assert!(
            report.contains(expected),
            "the check did not report `{expected}`:\n{report}"
        );
    }
}

/// A small page that follows every rule passes.
#[test]
fn a_page_that_follows_the_rules_passes() {
    let html = root().join("tests/print/clean.html");
    if let Err(report) = print_layout(&html, Some(2)) {
        panic!("a page that follows the rules failed the check:\n{report}");
    }
}
