//! report.xlsx on paper: LibreOffice (Debian's `libreoffice-calc-nogui`, installed by
//! tests/browser/setup.sh, which .ci/run calls) converts the sample workbook to PDF headless,
//! as printing the whole workbook would. The page count stays within a bound worked out from
//! the sheets, every chart prints whole on one page, and every page of a table repeats its
//! header row.

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Converts `xlsx` to PDF in a fresh directory with a profile of its own (so it runs as root
/// and beside other tests) and returns the PDF's path.
fn to_pdf(xlsx: &Path) -> PathBuf {
    let dir = temp_dir("soffice");
    let profile = dir.join("profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(xlsx)
        .env("HOME", &dir)
        .output()
        .expect("soffice is not installed: run `bash tests/browser/setup.sh` (or `bash .ci/run`)");
    let pdf = dir.join(xlsx.file_stem().unwrap()).with_extension("pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "soffice failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// The text of each page (pdftotext, layout kept; pages end with a form feed).
fn pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is not installed: run `bash tests/browser/setup.sh`");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(String::from).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// pdfinfo's page count, to check the text split above.
fn page_count(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("Pages: in pdfinfo's output")
}

/// The sheet a page belongs to: its footer reads `<sheet name> … n / N ページ`.
fn footer_sheet(page: &str) -> Option<(String, usize, usize)> {
    let line = page
        .lines()
        .rev()
        .find(|l| l.trim_end().ends_with("ページ"))?;
    let mut words: Vec<&str> = line.split_whitespace().collect();
    // … name … n / N ページ
    let n = words.len();
    if n < 5 || words[n - 1] != "ページ" || words[n - 3] != "/" {
        return None;
    }
    let (page, of) = (words[n - 4].parse().ok()?, words[n - 2].parse().ok()?);
    words.truncate(n - 4);
    Some((words.join(" "), page, of))
}

#[test]
fn the_sample_workbook_prints_on_few_whole_pages() {
    let xlsx = root().join("reports/sample/R6/report.xlsx");
    let pdf = to_pdf(&xlsx);
    let pages = pages(&pdf);
    assert_eq!(pages.len(), page_count(&pdf), "pages split by form feeds");
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let names = book.sheet_names();
    let total = pages.len();
    // The bound: no more than the pages the sheets' own geometry asks for (`expected_pages`:
    // 101 for the sample), and never over 120 (that estimate and a fifth more), against the
    // 409 (463 with LibreOffice 7.4) the workbook printed on before it had a page setup.
    assert!(total <= 120, "{total} pages");
    let expected = expected_pages(&xlsx);
    eprintln!("{total} pages; the sheets ask for {expected:?}");
    assert!(
        total <= expected.iter().map(|(_, n)| n).sum::<usize>(),
        "{total} pages; the sheets ask for {expected:?}"
    );
    // Every page says which sheet it is and which of its pages.
    let mut per_sheet: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (k, p) in pages.iter().enumerate() {
        let (sheet, _, _) =
            footer_sheet(p).unwrap_or_else(|| panic!("page {}: no footer:\n{p}", k + 1));
        assert!(
            names.contains(&sheet),
            "page {}: unknown sheet {sheet}",
            k + 1
        );
        per_sheet.entry(sheet).or_default().push(k);
    }
    for name in &names {
        let on = per_sheet.get(name).map(Vec::len).unwrap_or(0);
        assert!(on >= 1, "{name} is not printed");
        if name.ends_with("（図）") {
            // A chart is never cut across pages.
            assert_eq!(on, 1, "{name} prints on {on} pages");
            continue;
        }
        if name == "表紙" {
            continue;
        }
        // The header row is repeated: the first header of the sheet (A3) is on every page.
        let sheet = book.worksheet_range(name).unwrap();
        let Some(Data::String(first)) = sheet.get((2, 0)) else {
            panic!("{name}: no header in A3");
        };
        for &k in &per_sheet[name] {
            assert!(
                pages[k].contains(first.as_str()),
                "{name}: page {} lacks the header {first}",
                k + 1
            );
        }
    }
}

/// The pages each sheet should print on, from what the file says: its orientation, its
/// fit-to-width page count, its column widths and its row heights. A4 is 8.27 × 11.69 inches
/// with 0.4-inch side margins and 0.6-inch top and bottom margins, so a page's printable
/// width is 717 px portrait or 1045 px landscape (96 px an inch, a column `w` wide in the
/// file is `7w` px), and its printable height 755 pt portrait or 509 pt landscape (rows
/// without a height are 15 pt). Fit to `W` pages wide prints at the scale
/// min(1, W × printable width / sheet width), so the sheet takes
/// W × ceil(scale × total row height / printable height) pages. This ignores the header row
/// repeated on each page and rounds each sheet up, which the slack of the last page covers:
/// for the sample it gives 101 pages where LibreOffice prints 89.
fn expected_pages(xlsx: &Path) -> Vec<(String, usize)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let rels = read("xl/_rels/workbook.xml.rels");
    let rels = roxmltree::Document::parse(&rels).unwrap();
    let book = read("xl/workbook.xml");
    let book = roxmltree::Document::parse(&book).unwrap();
    let mut out = Vec::new();
    for sheet in book.descendants().filter(|n| n.has_tag_name("sheet")) {
        let id = sheet
            .attributes()
            .find(|a| a.name() == "id")
            .unwrap()
            .value();
        let target = rels
            .descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .unwrap();
        let xml = read(&format!("xl/{target}"));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let name = sheet.attribute("name").unwrap();
        let setup = doc
            .descendants()
            .find(|n| n.has_tag_name("pageSetup"))
            .unwrap_or_else(|| panic!("{name}: no page setup"));
        let landscape = setup.attribute("orientation") == Some("landscape");
        let wide: f64 = setup
            .attribute("fitToWidth")
            .map_or(1.0, |w| w.parse().unwrap());
        let width_px: f64 = doc
            .descendants()
            .filter(|n| n.has_tag_name("col"))
            .map(|c| {
                let span = |a: &str| c.attribute(a).unwrap().parse::<f64>().unwrap();
                (span("max") - span("min") + 1.0) * span("width") * 7.0
            })
            .sum();
        let height_pt: f64 = doc
            .descendants()
            .filter(|n| n.has_tag_name("row"))
            .map(|r| r.attribute("ht").map_or(15.0, |h| h.parse().unwrap()))
            .sum();
        let (page_w, page_h) = if landscape {
            ((11.69 - 0.8) * 96.0, (8.27 - 1.2) * 72.0)
        } else {
            ((8.27 - 0.8) * 96.0, (11.69 - 1.2) * 72.0)
        };
        let scale = (wide * page_w / width_px.max(1.0)).min(1.0);
        let down = (scale * height_pt / page_h).ceil().max(1.0);
        out.push((name.to_string(), (wide * down) as usize));
    }
    out
}

/// The department sheets' workbook (sheets/department.xlsx) prints each group on one page,
/// after one page of contents: 1 + 7 pages, one per sheet in order.
#[test]
fn the_department_workbook_prints_a_page_per_group() {
    let xlsx = root().join("reports/sample/R6/sheets/department.xlsx");
    let pdf = to_pdf(&xlsx);
    let pages = pages(&pdf);
    assert_eq!(pages.len(), page_count(&pdf), "pages split by form feeds");
    let book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 8, "{names:?}");
    let printed: Vec<(String, usize, usize)> = pages
        .iter()
        .enumerate()
        .map(|(k, p)| footer_sheet(p).unwrap_or_else(|| panic!("page {}: no footer:\n{p}", k + 1)))
        .collect();
    // Page k of 8 (LibreOffice numbers the pages of the whole workbook) is sheet k.
    let expected: Vec<(String, usize, usize)> = names
        .iter()
        .enumerate()
        .map(|(k, n)| (n.clone(), k + 1, names.len()))
        .collect();
    assert_eq!(printed, expected);
    // Each group's page holds its item table and its reasons.
    for (name, page) in names.iter().zip(&pages).skip(1) {
        for text in ["設問ごとの肯定的回答の割合", "仕事を辞めたい理由"] {
            assert!(page.contains(text), "{name}'s page lacks {text}:\n{page}");
        }
    }
}
