//! Helpers for the tests that read report.xlsx back: the sample report's directory, the
//! workbook opened with calamine, its XML parts (formats, page setup, links) through zip and
//! roxmltree, and the contents sheet.

use super::root;
use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

pub fn sample_dir() -> std::path::PathBuf {
    root().join("reports/sample/R6")
}

/// The XML parts of an xlsx file, by path inside the zip.
pub struct Parts {
    files: BTreeMap<String, String>,
}

impl Parts {
    pub fn read(path: &Path) -> Parts {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut files = BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            if f.name().ends_with(".xml") || f.name().ends_with(".rels") {
                let mut s = String::new();
                f.read_to_string(&mut s).unwrap();
                files.insert(f.name().to_string(), s);
            }
        }
        Parts { files }
    }

    pub fn get(&self, name: &str) -> &str {
        self.files
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing"))
    }

    /// Sheet name → its XML part, in workbook order.
    pub fn sheets(&self) -> Vec<(String, String)> {
        let rels = roxmltree::Document::parse(self.get("xl/_rels/workbook.xml.rels")).unwrap();
        let target = |id: &str| {
            rels.descendants()
                .find(|n| n.attribute("Id") == Some(id))
                .and_then(|n| n.attribute("Target"))
                .map(|t| format!("xl/{t}"))
                .unwrap()
        };
        let book = roxmltree::Document::parse(self.get("xl/workbook.xml")).unwrap();
        book.descendants()
            .filter(|n| n.has_tag_name("sheet"))
            .map(|n| {
                let id = n
                    .attributes()
                    .find(|a| a.name() == "id")
                    .map(|a| a.value())
                    .unwrap();
                (n.attribute("name").unwrap().to_string(), target(id))
            })
            .collect()
    }

    /// Cell reference (`C4`) → number format code of that cell, for one sheet part.
    pub fn number_formats(&self, part: &str) -> BTreeMap<String, String> {
        let styles = roxmltree::Document::parse(self.get("xl/styles.xml")).unwrap();
        let custom: BTreeMap<&str, &str> = styles
            .descendants()
            .filter(|n| n.has_tag_name("numFmt"))
            .map(|n| {
                (
                    n.attribute("numFmtId").unwrap(),
                    n.attribute("formatCode").unwrap(),
                )
            })
            .collect();
        let xfs: Vec<String> = styles
            .descendants()
            .find(|n| n.has_tag_name("cellXfs"))
            .unwrap()
            .children()
            .filter(|n| n.has_tag_name("xf"))
            .map(|n| {
                let id = n.attribute("numFmtId").unwrap_or("0");
                match (id, custom.get(id)) {
                    (_, Some(code)) => code.to_string(),
                    ("9", _) => "0%".into(),
                    ("10", _) => "0.00%".into(),
                    ("1", _) => "0".into(),
                    ("2", _) => "0.00".into(),
                    _ => "General".into(),
                }
            })
            .collect();
        let sheet = roxmltree::Document::parse(self.get(part)).unwrap();
        sheet
            .descendants()
            .filter(|n| n.has_tag_name("c"))
            .map(|n| {
                let s: usize = n.attribute("s").unwrap_or("0").parse().unwrap();
                (n.attribute("r").unwrap().to_string(), xfs[s].clone())
            })
            .collect()
    }
}

/// `C4` for zero-based row 3, column 2.
pub fn cell_ref(row: usize, col: usize) -> String {
    let mut name = String::new();
    let mut c = col + 1;
    while c > 0 {
        name.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{name}{}", row + 1)
}

/// The contents sheet as (sheet name, title) pairs.
pub fn contents(book: &mut Xlsx<std::io::BufReader<std::fs::File>>) -> Vec<(String, String)> {
    let sheet = book.worksheet_range("目次").unwrap();
    let header = (0..5)
        .find(|&r| sheet.get((r, 1)) == Some(&Data::String("シート".into())))
        .expect("the contents header row");
    (header + 1..sheet.height())
        .filter_map(|r| match (sheet.get((r, 1)), sheet.get((r, 2))) {
            (Some(Data::String(n)), Some(Data::String(t))) => Some((n.clone(), t.clone())),
            _ => None,
        })
        .collect()
}

/// The row of a sheet that holds exactly these headers.
pub fn header_row(sheet: &Range<Data>, headers: &[String]) -> usize {
    (0..sheet.height().min(10))
        .find(|&r| {
            headers
                .iter()
                .enumerate()
                .all(|(c, h)| sheet.get((r, c)) == Some(&Data::String(h.clone())))
        })
        .unwrap_or_else(|| panic!("no header row {headers:?}"))
}

pub fn open() -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(sample_dir().join("report.xlsx")).unwrap()
}

/// Every number stored in any sheet of the workbook at `path`, with the sheet's name (shares
/// are stored as fractions, counts as counts).
pub fn numbers(path: &Path) -> Vec<(String, f64)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for c in range.used_cells() {
            match c.2 {
                Data::Float(v) => out.push((name.clone(), *v)),
                Data::Int(v) => out.push((name.clone(), *v as f64)),
                _ => {}
            }
        }
    }
    out
}

/// Asserts that no workbook under `dir` (report.xlsx, the department sheets) stores `value`
/// (to 1e-9): a protected share as a fraction, or a change.
pub fn assert_no_number(dir: &Path, value: f64, what: &str) {
    for f in super::files(dir)
        .into_iter()
        .filter(|f| f.ends_with(".xlsx"))
    {
        for (sheet, v) in numbers(&dir.join(&f)) {
            assert!(
                (v - value).abs() > 1e-9,
                "{f}, sheet {sheet}, stores {what} ({v})"
            );
        }
    }
}
