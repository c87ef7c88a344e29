//! The department sheets as a workbook (`sheets/<segment>.xlsx`): a contents sheet (目次)
//! linking to one sheet per group, each holding what the HTML sheet holds — the group's
//! respondents, the item table against the whole and the previous wave, and the most chosen
//! options — with every number stored as a number ([`super::cells`]) and set to print on one
//! A4 page. A hidden group's sheet holds only the notice that it is hidden.

use super::contents::link;
use super::names::Names;
use super::print;
use super::sheet::{self, title_format, write_wrapped};
use crate::pipeline::Segment;
use crate::render::sheets::model::{set_title, Body, Sheet};
use crate::render::table::{Kind, Table};
use crate::render::Report;
use anyhow::Result;
use rust_xlsxwriter::{Format, Worksheet};

const CONTENTS: &str = "目次";
/// Width of the single column of a sheet that holds only a notice.
const NOTICE_WIDTH: f64 = 70.0;

/// The workbook of `sheets` as bytes.
pub fn workbook(report: &Report, segment: &Segment, sheets: &[Sheet]) -> Result<Vec<u8>> {
    let p = report.pipeline;
    let title = format!("{}（{}）", set_title(segment), report.year);
    let source = format!("{} {}（{}）", p.organisation, p.title, report.year);
    let mut book = super::new_book(&title, report)?;
    let mut names = Names::default();
    names.claim(CONTENTS, CONTENTS);
    let tabs: Vec<String> = sheets
        .iter()
        .enumerate()
        .map(|(i, s)| names.claim(&s.group, &format!("{}{}", segment.id, i + 1)))
        .collect();

    let contents = book.add_worksheet();
    contents.set_name(CONTENTS)?;
    write_contents(contents, sheets, &tabs, &title, &source)?;
    for (s, tab) in sheets.iter().zip(&tabs) {
        let sheet = book.add_worksheet();
        sheet.set_name(tab)?;
        write_sheet(sheet, s, &source)?;
    }
    Ok(book.save_to_buffer()?)
}

fn write_contents(
    sheet: &mut Worksheet,
    sheets: &[Sheet],
    tabs: &[String],
    title: &str,
    source: &str,
) -> Result<()> {
    let mut t = Table::new(
        title,
        ["No.", "シート", "グループ", "内容"]
            .map(String::from)
            .to_vec(),
    );
    t.kinds = Some(vec![Kind::Number, Kind::Text, Kind::Text, Kind::Text]);
    t.note = source.to_string();
    for (k, (s, tab)) in sheets.iter().zip(tabs).enumerate() {
        let state = match s.body {
            Body::Shown(_) => "結果",
            Body::Hidden(_) => "非表示（秘匿）",
            Body::Empty(_) => "回答者なし",
        };
        t.rows.push(vec![
            (k + 1).to_string(),
            tab.clone(),
            s.group.clone(),
            state.to_string(),
        ]);
    }
    let rows = sheet::typed_rows(&t);
    let widths = sheet::widths(&t, &rows);
    sheet::set_widths(sheet, &widths)?;
    let placed = sheet::write_table(sheet, &t, &rows, 0, &widths, true, widths.len())?;
    for (k, tab) in tabs.iter().enumerate() {
        sheet.write_url_with_text(placed.first_row + k as u32, 1, link(tab), tab)?;
    }
    let layout = print::layout(&widths, 0);
    print::apply(
        sheet,
        layout,
        title,
        source,
        Some((placed.header_row, placed.header_row)),
        None,
        (placed.last_row, placed.last_col),
    )?;
    Ok(())
}

fn write_sheet(sheet: &mut Worksheet, s: &Sheet, source: &str) -> Result<()> {
    let shown = match &s.body {
        Body::Shown(shown) => shown,
        Body::Hidden(text) | Body::Empty(text) => {
            sheet::set_widths(sheet, &[NOTICE_WIDTH])?;
            sheet.write_string_with_format(0, 0, &s.title, &title_format())?;
            sheet.write_string(1, 0, source)?;
            write_wrapped(sheet, 3, 0, 0, text, &Format::new(), NOTICE_WIDTH, 18.0)?;
            let layout = print::layout(&[NOTICE_WIDTH], 0);
            print::apply(sheet, layout, &s.title, source, None, None, (3, 0))?;
            return Ok(());
        }
    };
    let tables: Vec<&Table> = std::iter::once(&shown.items)
        .chain(shown.reasons.iter())
        .collect();
    let typed: Vec<_> = tables.iter().map(|t| sheet::typed_rows(t)).collect();
    // One set of column widths serves every table: the widest each column needs.
    let mut widths: Vec<f64> = Vec::new();
    for (t, rows) in tables.iter().zip(&typed) {
        for (c, w) in sheet::widths(t, rows).into_iter().enumerate() {
            match widths.get_mut(c) {
                Some(old) => *old = old.max(w),
                None => widths.push(w),
            }
        }
    }
    sheet::set_widths(sheet, &widths)?;
    sheet.write_string_with_format(0, 0, &s.title, &title_format())?;
    sheet.write_string(1, 0, source)?;
    let mut row = 3;
    for (label, value) in &shown.facts {
        sheet.write_string(row, 0, label)?;
        sheet.write_string(row, 1, value)?;
        row += 1;
    }
    let mut last = (row, 0u16);
    for (t, rows) in tables.iter().zip(&typed) {
        let placed =
            sheet::write_table(sheet, t, rows, last.0 + 1, &widths, true, t.headers.len())?;
        last = (placed.last_row + 1, last.1.max(placed.last_col));
    }
    let layout = print::layout(&widths, 0);
    print::apply(sheet, layout, &s.title, source, None, None, last)?;
    // A sheet is one page: portrait, scaled to fit (about 70 % for 16 items and four
    // choice questions).
    sheet.set_portrait();
    sheet.set_print_fit_to_pages(1, 1);
    Ok(())
}
