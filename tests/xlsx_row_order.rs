//! An xlsx sheet whose `<row>` elements are stored out of row order gives exactly the same
//! outputs as the same sheet stored in order.
//!
//! The xlsx reader (src/ingest/spreadsheet.rs) streams a sheet row by row with calamine's cell
//! reader. When it meets a row above the one it is on, it gives up, the sheet is read again
//! through calamine's dense range, and the sink's `begin` is called a second time, after
//! which the cleaner (src/clean/wave.rs) must forget every row it was given before. Nothing
//! else exercises that fallback, so these tests build it on purpose: the small fixture
//! (tests/fixtures/small) is copied twice, its R5 workbook rewritten once with the rows in
//! their stored order and once with `<row>` elements moved (both through the same zip
//! rewrite, so the two workbooks differ only in row order), and both copies are run.
//!
//! Every output file must be byte-for-byte the same, except manifest.json, which records the
//! SHA-256 of each input file and so legitimately differs in the R5 workbook's hash; it is
//! compared with that one hash left out. The data-quality rows of the workbook must still name
//! the cells the fixture's README lists (C8 and G10), one row each.

mod common;

use common::xlsx::Parts;
use common::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The R5 workbook and the sheet the pipeline reads from it (`sheet = "回答"`).
const WORKBOOK: &str = "small_R5.xlsx";
const SHEET: &str = "回答";
/// The stored row order of that sheet: the title (1), the header row (3), ids 101–110 (4–13).
const STORED: [u32; 12] = [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

/// Rows 10 and 13 swapped. The streaming reader gives the head and rows 4–9 (among them the
/// data-quality issue in C8) before it meets row 11 after row 13 and starts over, so the
/// cleaner has ids and issues to forget. Row 10 holds the issue in G10 and is now stored last.
#[test]
fn data_rows_swapped_after_some_were_read_give_the_same_outputs() {
    compare_orders("swapped", &[1, 3, 4, 5, 6, 7, 8, 9, 13, 11, 12, 10]);
}

/// The last row moved before the second `<row>` element (the header row). The streaming
/// reader starts over before it has reached the header, so `begin` is called only once.
#[test]
fn last_row_moved_above_the_header_gives_the_same_outputs() {
    compare_orders("above-header", &[1, 13, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
}

/// Runs the fixture with the workbook's rows in stored order and in `order` (the `r` numbers
/// of the `<row>` elements as they are to be stored) and compares the outputs.
fn compare_orders(name: &str, order: &[u32]) {
    let root_dir = temp_dir(&format!("xlsx-row-order-{name}"));
    // The same layout under both directories, so the manifests' relative paths agree.
    let sorted = run_with_rows(&root_dir.join("sorted"), &STORED);
    let shuffled = run_with_rows(&root_dir.join("shuffled"), order);
    assert_same_outputs(&sorted, &shuffled);
    for dir in [&sorted, &shuffled] {
        assert_eq!(
            workbook_issues(dir),
            [
                ["8", "雇用形態", "C8", "嘱託", "値が一覧にない"],
                [
                    "10",
                    "満足していない理由",
                    "G10",
                    "給与",
                    "回答対象外の回答"
                ],
            ],
            "data-quality rows of {WORKBOOK} in {}",
            dir.display()
        );
    }
}

/// Copies the small fixture to `dir/in` with the sheet's `<row>` elements stored in `order`,
/// runs it into `dir/out` and returns the report directory of the R5 wave.
fn run_with_rows(dir: &Path, order: &[u32]) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let fixture = root().join("tests/fixtures/small");
    for f in SMALL_FIXTURE_FILES {
        if f != WORKBOOK {
            std::fs::copy(fixture.join(f), input.join(f)).unwrap();
        }
    }
    let original = fixture.join(WORKBOOK);
    let part = sheet_part(&original);
    let xml = Parts::read(&original).get(&part).to_string();
    assert_eq!(row_numbers(&xml), STORED, "the fixture's stored row order");
    let rewritten = reorder_rows(&xml, order);
    if order == STORED {
        assert_eq!(
            rewritten, xml,
            "keeping the order keeps the sheet as it was"
        );
    }
    let copy = input.join(WORKBOOK);
    rewrite_part(&original, &copy, &part, &rewritten);
    // Read back what was written: that is what the tool will see.
    let written = row_numbers(Parts::read(&copy).get(&part));
    assert_eq!(written, order, "rows in the written workbook");
    if order != STORED {
        // Otherwise the test would pass without the reader ever starting over.
        assert!(
            written.windows(2).any(|w| w[0] > w[1]),
            "the rewritten sheet is out of row order: {written:?}"
        );
    }
    run_succeeds(&input.join("pipeline.toml"), &dir.join("out")).join("R5")
}

/// The zip part (`xl/worksheets/sheet1.xml`) of the sheet the pipeline reads. Resolved here
/// rather than with `Parts::sheets`, which takes every target as relative to `xl/`: the
/// fixture (written by openpyxl) gives an absolute one, `/xl/worksheets/sheet1.xml`.
fn sheet_part(workbook: &Path) -> String {
    let parts = Parts::read(workbook);
    let book = roxmltree::Document::parse(parts.get("xl/workbook.xml")).unwrap();
    let id = book
        .descendants()
        .find(|n| n.has_tag_name("sheet") && n.attribute("name") == Some(SHEET))
        .and_then(|n| n.attributes().find(|a| a.name() == "id"))
        .unwrap_or_else(|| panic!("{} has no sheet {SHEET}", workbook.display()))
        .value()
        .to_string();
    let rels = roxmltree::Document::parse(parts.get("xl/_rels/workbook.xml.rels")).unwrap();
    let target = rels
        .descendants()
        .find(|n| n.attribute("Id") == Some(id.as_str()))
        .and_then(|n| n.attribute("Target"))
        .expect("the sheet's relationship");
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    }
}

/// The `r` attributes of a sheet's `<row>` elements, in stored order.
fn row_numbers(xml: &str) -> Vec<u32> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("row"))
        .map(|n| n.attribute("r").expect("row has r").parse().unwrap())
        .collect()
}

/// The sheet XML with its `<row>` elements (kept whole, cells and all) stored in `order`, a
/// permutation of their `r` numbers; the text around `<sheetData>` is unchanged.
fn reorder_rows(xml: &str, order: &[u32]) -> String {
    let start = xml.find("<row ").expect("the sheet has rows");
    let end = xml
        .find("</sheetData>")
        .expect("the sheet has </sheetData>");
    let mut rows: Vec<(u32, &str)> = Vec::new();
    let mut rest = &xml[start..end];
    while !rest.is_empty() {
        assert!(rest.starts_with("<row "), "only rows in sheetData: {rest}");
        let tag_end = rest.find('>').unwrap();
        let len = if rest[..tag_end].ends_with('/') {
            tag_end + 1
        } else {
            rest.find("</row>").unwrap() + "</row>".len()
        };
        let r = row_numbers(&rest[..len])[0];
        rows.push((r, &rest[..len]));
        rest = &rest[len..];
    }
    let mut have: Vec<u32> = rows.iter().map(|(r, _)| *r).collect();
    let mut want = order.to_vec();
    have.sort_unstable();
    want.sort_unstable();
    assert_eq!(want, have, "the order names every stored row once");
    let mut out = xml[..start].to_string();
    for r in order {
        out.push_str(rows.iter().find(|(n, _)| n == r).unwrap().1);
    }
    out.push_str(&xml[end..]);
    out
}

/// Writes `to` as a copy of the xlsx `from` with the zip entry `part` replaced by `xml`
/// (deflated); every other entry is copied unchanged, in the same order.
fn rewrite_part(from: &Path, to: &Path, part: &str, xml: &str) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let mut replaced = false;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).unwrap();
        if entry.name() == part {
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            out.start_file(part, options).unwrap();
            out.write_all(xml.as_bytes()).unwrap();
            replaced = true;
        } else {
            out.raw_copy_file(entry).unwrap();
        }
    }
    out.finish().unwrap();
    assert!(replaced, "{} has no {part}", from.display());
}

/// Asserts that two report directories hold the same files with the same bytes, the manifest
/// apart from the R5 workbook's input hash.
fn assert_same_outputs(sorted: &Path, shuffled: &Path) {
    let names = files(sorted);
    assert_eq!(names, files(shuffled), "the same files are written");
    for must in [
        "report.md",
        "tables/data_quality.csv",
        "tables/row_counts.csv",
    ] {
        assert!(names.contains(must), "{must} is written");
    }
    // The tables most likely to show what went wrong, line by line.
    for table in ["tables/row_counts.csv", "tables/data_quality.csv"] {
        assert_same_lines(
            table,
            &read_csv(&sorted.join(table)),
            &read_csv(&shuffled.join(table)),
        );
    }
    let differing: Vec<&String> = names
        .iter()
        .filter(|n| n.as_str() != "manifest.json")
        .filter(|n| {
            std::fs::read(sorted.join(n)).unwrap() != std::fs::read(shuffled.join(n)).unwrap()
        })
        .collect();
    assert!(
        differing.is_empty(),
        "outputs differ between the sorted and the shuffled sheet: {differing:?}"
    );
    let (mut a, mut b) = (manifest(sorted), manifest(shuffled));
    let (ha, hb) = (drop_workbook_hash(&mut a), drop_workbook_hash(&mut b));
    assert_ne!(ha, hb, "the two workbooks are different files");
    assert_eq!(a, b, "manifest.json apart from the R5 workbook's hash");
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap()
}

/// Takes the R5 workbook's hash out of a manifest's inputs and returns it.
fn drop_workbook_hash(manifest: &mut serde_json::Value) -> serde_json::Value {
    let inputs = manifest["inputs"].as_array_mut().expect("inputs");
    let entry = inputs
        .iter_mut()
        .find(|i| i["path"].as_str().is_some_and(|p| p.ends_with(WORKBOOK)))
        .expect("the workbook is an input");
    entry["sha256"].take()
}

/// The data-quality rows of the R5 workbook: row, column, cell, value and problem.
fn workbook_issues(dir: &Path) -> Vec<[String; 5]> {
    let rows = csv_rows(&read_csv(&dir.join("tables/data_quality.csv")));
    let col = |h: &str| {
        rows[0]
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("data_quality.csv has no column {h}: {:?}", rows[0]))
    };
    let file = col("ファイル");
    let wanted = ["行", "列", "セル", "値", "問題"].map(col);
    rows[1..]
        .iter()
        .filter(|r| r[file] == WORKBOOK)
        .map(|r| wanted.map(|i| r[i].clone()))
        .collect()
}
