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

/// The table read by the single-core path, and by chunks of `chunk` bytes, with what the
/// chunked reader made of the sheet on its own.
fn read_both(path: &Path, chunk: usize) -> (RawTable, RawTable, Outcome) {
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
    let outcome = read(&mut rows, 2, Some(chunk)).unwrap();
    (single.table.unwrap(), cut.table.unwrap(), outcome)
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
        let (single, cut, outcome) = read_both(&path, chunk);
        assert_eq!(
            single.rows.len(),
            62,
            "60 respondents and the two empty rows"
        );
        assert_eq!(single.rows[0].cells.get(4), Some("2024-06-01"));
        assert_same(&single, &cut);
        let Outcome::Read { chunks } = outcome else {
            panic!("chunk {chunk}: {outcome:?}");
        };
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

/// A generated workbook in `dir` with its sheet's XML edited by `edit`.
fn edited(dir: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = temp(dir);
    workbook(&dir.join("export.xlsx"));
    let to = dir.join("edited.xlsx");
    rewrite_sheet(&dir.join("export.xlsx"), &to, edit);
    to
}

/// `xml` without the `r` references of the rows and cells from the row `from` on.
fn without_references(xml: &str, from: &str) -> String {
    let at = xml.find(&format!("<row r=\"{from}\"")).unwrap();
    let (head, tail) = xml.split_at(at);
    let mut out = head.to_string();
    let mut rest = tail;
    while let Some(at) = rest.find(" r=\"") {
        out.push_str(&rest[..at]);
        let value = &rest[at + " r=\"".len()..];
        rest = &value[value.find('"').unwrap() + 1..];
    }
    out.push_str(rest);
    out
}

/// Rows stored out of row order across chunks: the chunked reader notices, and the sheet is
/// read again, as on the single-core path (which goes on to the dense range).
#[test]
fn rows_out_of_order_across_chunks_give_the_same_rows() {
    let moved = edited("order", |xml| {
        // The row of the 40th respondent (row 45) moved after the last row.
        let start = xml.find("<row r=\"45\"").unwrap();
        let end = start + xml[start..].find("</row>").unwrap() + "</row>".len();
        let row = xml[start..end].to_string();
        let rest = format!("{}{}", &xml[..start], &xml[end..]);
        rest.replacen("</sheetData>", &format!("{row}</sheetData>"), 1)
    });
    for chunk in [1, 1000] {
        let (single, cut, outcome) = read_both(&moved, chunk);
        assert_eq!(outcome, Outcome::StartOver, "chunk {chunk}");
        assert_same(&single, &cut);
        assert_eq!(single.rows.len(), 62);
    }
}

/// Rows and cells without `r` references: calamine numbers them by counting, which a chunk
/// starting there would get wrong, so the sheet goes back to the single-core path: before
/// any row was given when no row has a reference, after some chunks when only the later
/// rows lack one.
#[test]
fn rows_without_references_are_read_on_one_core() {
    let bare = edited("no-ref", |xml| without_references(&xml, "1"));
    let (single, cut, outcome) = read_both(&bare, 1);
    assert_eq!(outcome, Outcome::NotCut);
    assert_same(&single, &cut);
    let half = edited("half-ref", |xml| without_references(&xml, "40"));
    let (single, cut, outcome) = read_both(&half, 1);
    assert_eq!(outcome, Outcome::StartOver);
    assert_same(&single, &cut);
}

/// What else a sheet may hold at a cut: a row closed on itself (`<row .../>`, an empty row
/// with a height), and an inline string instead of a shared one.
#[test]
fn empty_rows_and_inline_strings_give_the_same_rows() {
    let path = edited("inline", |xml| {
        let xml = xml.replacen(
            "<row r=\"30\"",
            "<row r=\"29\" ht=\"20\" customHeight=\"1\"/><row r=\"30\"",
            1,
        );
        // Row 31's age band as an inline string.
        let at = xml.find("<c r=\"B31\" t=\"s\">").unwrap();
        let end = at + xml[at..].find("</c>").unwrap() + "</c>".len();
        format!(
            "{}<c r=\"B31\" t=\"inlineStr\"><is><t>インライン</t></is></c>{}",
            &xml[..at],
            &xml[end..]
        )
    });
    for chunk in [1, 300] {
        let (single, cut, outcome) = read_both(&path, chunk);
        assert!(matches!(outcome, Outcome::Read { .. }), "{outcome:?}");
        assert_same(&single, &cut);
        let row = single.rows.iter().find(|r| r.number == 31).unwrap();
        assert_eq!(row.cells.get(1), Some("インライン"));
    }
}

/// `</sheetData >` is XML too, but not what the cutter looks for: the part ends without it,
/// and the sheet is read again on one core.
#[test]
fn an_end_of_sheet_data_it_does_not_know_starts_over() {
    let path = edited("end", |xml| {
        xml.replacen("</sheetData>", "</sheetData >", 1)
    });
    let (single, cut, outcome) = read_both(&path, 1);
    assert_eq!(outcome, Outcome::StartOver);
    assert_same(&single, &cut);
}

/// A chunk calamine panics on (a shared string that does not exist) ends the reading with
/// that panic, as on one core, instead of leaving the reader waiting.
#[test]
fn a_panic_in_a_chunk_is_passed_on() {
    let path = edited("panic", |xml| {
        let at = xml.rfind("<c r=\"B").unwrap();
        let v = at + xml[at..].find("<v>").unwrap() + "<v>".len();
        let end = v + xml[v..].find("</v>").unwrap();
        format!("{}999999{}", &xml[..v], &xml[end..])
    });
    let read = |chunk| {
        std::panic::catch_unwind(|| {
            let mut sink = Collect::default();
            read_cut(
                &path,
                (Some(SHEET), 3),
                Limits::default(),
                &mut sink,
                (2, chunk),
            )
        })
    };
    assert!(read(None).is_err(), "calamine panics on one core");
    assert!(read(Some(1)).is_err(), "and in a chunk");
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
