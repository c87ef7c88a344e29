//! The chunked reading of an xlsx sheet gives exactly the rows of the single-core cell
//! reader: the same headers, row numbers and cell texts, whatever the chunk size. Each
//! workbook is read both ways; the chunk sizes go down to one byte, which cuts before every
//! row that can start a chunk.

use super::*;
use crate::ingest::spreadsheet::read_cut;
use crate::ingest::{Collect, RawTable};
use crate::pipeline::Limits;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::PathBuf;

const SHEET: &str = "回答";

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "staff-survey-xlsx-parallel-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A sheet with what an export holds: a title above the header row (row 3), shared
/// strings, integers, decimals, a date, a boolean, empty cells within rows and two empty
/// rows between respondents; and a second sheet, so the chunks' workbooks leave one out.
fn workbook(path: &Path) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let other = book.add_worksheet();
    other.set_name("説明").unwrap();
    other.write_string(0, 0, "この表は説明です").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).unwrap();
    sheet.write_string(0, 0, "職員アンケート 回答").unwrap();
    for (c, h) in ["回答ID", "年代", "問1", "得点", "回答日", "確認"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let answers = [
        "そう思う",
        "ややそう思う",
        "あまりそう思わない",
        "そう思わない",
    ];
    let mut r = 3;
    for id in 0..60u32 {
        if id == 20 {
            r += 2;
        }
        sheet.write_number(r, 0, 1000 + id).unwrap();
        sheet
            .write_string(r, 1, format!("{}歳代", 20 + 10 * (id % 4)))
            .unwrap();
        if id % 7 != 3 {
            sheet.write_string(r, 2, answers[id as usize % 4]).unwrap();
        }
        sheet.write_number(r, 3, id as f64 / 4.0).unwrap();
        let day = ExcelDateTime::from_ymd(2024, 6, 1 + (id % 28) as u8).unwrap();
        sheet.write_datetime_with_format(r, 4, &day, &date).unwrap();
        if id % 5 == 0 {
            sheet.write_boolean(r, 5, id % 10 == 0).unwrap();
        }
        r += 1;
    }
    book.save(path).unwrap();
}

/// The table read by the single-core path, and by chunks of `chunk` bytes (with how many
/// chunks the rows came in, or `None` if the sheet was not cut).
fn read_both(path: &Path, chunk: usize) -> (RawTable, RawTable, Option<usize>) {
    let mut single = Collect::default();
    read_cut(
        path,
        (Some(SHEET), 3),
        Limits::default(),
        &mut single,
        (1, None),
    )
    .unwrap();
    let mut cut = Collect::default();
    read_cut(
        path,
        (Some(SHEET), 3),
        Limits::default(),
        &mut cut,
        (2, Some(chunk)),
    )
    .unwrap();
    let mut counted = Collect::default();
    let mut rows = Emitter::new(path, SHEET, 3, &mut counted);
    let chunks = match read(&mut rows, 2, Some(chunk)).unwrap() {
        Outcome::Read { chunks } => Some(chunks),
        _ => None,
    };
    (single.table.unwrap(), cut.table.unwrap(), chunks)
}

fn assert_same(single: &RawTable, cut: &RawTable) {
    assert_eq!(single.headers, cut.headers);
    let rows = |t: &RawTable| -> Vec<(u32, Vec<String>)> {
        t.rows
            .iter()
            .map(|r| (r.number, r.cells.iter().map(str::to_string).collect()))
            .collect()
    };
    assert_eq!(rows(single), rows(cut));
}

#[test]
fn chunks_give_the_rows_of_the_single_core_reader() {
    let path = temp("plain").join("export.xlsx");
    workbook(&path);
    for chunk in [1, 200, 1000, 4000, 1 << 20] {
        let (single, cut, chunks) = read_both(&path, chunk);
        assert_eq!(
            single.rows.len(),
            62,
            "60 respondents and the two empty rows"
        );
        assert_eq!(single.rows[0].cells.get(4), Some("2024-06-01"));
        assert_same(&single, &cut);
        let chunks = chunks.expect("the sheet is cut");
        if chunk <= 1000 {
            assert!(chunks > 3, "chunk {chunk}: {chunks} chunks");
        }
    }
}

/// Rewrites the sheet's XML of the workbook at `path` (the part `xl/worksheets/sheet2.xml`,
/// the second sheet) with `edit`, into `to`.
fn rewrite_sheet(path: &Path, to: &Path, edit: impl Fn(String) -> String) {
    let mut zip = ZipArchive::new(File::open(path).unwrap()).unwrap();
    let mut out = ZipWriter::new(File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut text = Vec::new();
        entry.read_to_end(&mut text).unwrap();
        if name == "xl/worksheets/sheet2.xml" {
            text = edit(String::from_utf8(text).unwrap()).into_bytes();
        }
        out.start_file(name, SimpleFileOptions::default()).unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap();
}

/// Rows stored out of row order across chunks: the chunked reader notices, and the sheet is
/// read again through the dense range, as on the single-core path.
#[test]
fn rows_out_of_order_across_chunks_give_the_same_rows() {
    let dir = temp("order");
    workbook(&dir.join("export.xlsx"));
    let moved = dir.join("moved.xlsx");
    rewrite_sheet(&dir.join("export.xlsx"), &moved, |xml| {
        // The row of the 40th respondent (row 45) moved after the last row.
        let start = xml.find("<row r=\"45\"").unwrap();
        let end = start + xml[start..].find("</row>").unwrap() + "</row>".len();
        let row = xml[start..end].to_string();
        let rest = format!("{}{}", &xml[..start], &xml[end..]);
        rest.replacen("</sheetData>", &format!("{row}</sheetData>"), 1)
    });
    for chunk in [1, 1000] {
        let (single, cut, chunks) = read_both(&moved, chunk);
        assert_eq!(chunks, None, "chunk {chunk}");
        assert_same(&single, &cut);
        assert_eq!(single.rows.len(), 62);
    }
}

/// Rows without an `r` reference cannot start a chunk (calamine would number them from the
/// top of it), so such a sheet is read as one chunk, and still gives the same rows.
#[test]
fn rows_without_references_are_not_cut() {
    let dir = temp("no-ref");
    workbook(&dir.join("export.xlsx"));
    let bare = dir.join("bare.xlsx");
    rewrite_sheet(&dir.join("export.xlsx"), &bare, |xml| {
        let mut out = String::new();
        let mut rest = xml.as_str();
        while let Some(at) = rest.find("<row r=\"") {
            out.push_str(&rest[..at + 4]);
            let after = &rest[at + 4..];
            let close = after[" r=\"".len()..].find('"').unwrap() + " r=\"".len() + 1;
            rest = &after[close..];
        }
        out.push_str(rest);
        out
    });
    let (single, cut, chunks) = read_both(&bare, 1);
    assert_eq!(chunks, Some(1));
    assert_same(&single, &cut);
}

/// The workbook's sheets resolve to their parts through the relationships, as calamine
/// resolves them.
#[test]
fn sheet_parts_are_found_by_name() {
    let path = temp("parts").join("export.xlsx");
    workbook(&path);
    let mut zip = ZipArchive::new(File::open(&path).unwrap()).unwrap();
    assert_eq!(
        sheet_part(&mut zip, "説明").as_deref(),
        Some("xl/worksheets/sheet1.xml")
    );
    assert_eq!(
        sheet_part(&mut zip, SHEET).as_deref(),
        Some("xl/worksheets/sheet2.xml")
    );
    assert_eq!(sheet_part(&mut zip, "ない"), None);
}
