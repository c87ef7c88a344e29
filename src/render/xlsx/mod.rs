//! `report.xlsx`: a cover (表紙), a contents sheet (目次), then one sheet per table with
//! Japanese headers, written from the same tables as the CSV files so Excel shows exactly
//! their numbers, and a sheet per chart.
//!
//! Every number is stored as a number in its column's unit (see [`cells`]): shares as
//! fractions with a `%` format on every sheet, changes of shares and their intervals in points
//! (`pt`), KGI/KPI values in each indicator's unit, targets apart from their bound (以下/以上);
//! markers (＊, -, <0.001) stay text. Every sheet prints on A4 ([`print`]) with its header row
//! repeated; charts sit on sheets of their own, one page each. The creation time is fixed so
//! the file is the same on every run.

mod cells;
mod charts;
mod contents;
mod cover;
mod highlight;
pub(in crate::render) mod karte;
mod names;
mod print;
mod sheet;

use super::sections::{Named, Section};
use super::table::{Kind, Table};
use super::Report;
use anyhow::{anyhow, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

/// One sheet of the workbook after the cover and the contents.
pub struct Entry<'a> {
    /// The tab's short name.
    pub name: String,
    /// The full title (the table's, or the chart's).
    pub title: String,
    /// The report section it belongs to.
    pub section: &'a str,
    pub content: Content<'a>,
}

pub enum Content<'a> {
    Table(&'a Named),
    /// The chart of the table on the sheet just before.
    Chart,
}

pub const COVER: &str = "表紙";
pub const CONTENTS: &str = "目次";

/// The sheets in order, with their names decided up front so the cover and the contents can
/// link to them.
fn plan<'a>(report: &Report, sections: &'a [Section]) -> Vec<Entry<'a>> {
    let mut names = names::Names::default();
    names.claim(COVER, COVER);
    names.claim(CONTENTS, CONTENTS);
    let mut out = Vec::new();
    for s in sections {
        for n in &s.tables {
            let (wanted, fallback) = names::for_table(report, &n.stem);
            let name = names.claim(&wanted, &fallback);
            let chart = charts::title(&n.stem, &n.table);
            out.push(Entry {
                name: name.clone(),
                title: n.table.title.clone(),
                section: &s.title,
                content: Content::Table(n),
            });
            if let Some(title) = chart {
                let (wanted, fallback) = names::for_chart(&name);
                out.push(Entry {
                    name: names.claim(&wanted, &fallback),
                    title,
                    section: &s.title,
                    content: Content::Chart,
                });
            }
        }
    }
    out
}

/// The leading label columns of a table (設問ID and 設問, 区分 and 指標, 順位…): repeated on
/// every page across and kept in view when scrolling. At most two leading text columns, or
/// the first column of a table of text (順位 of the ranked options).
fn label_columns(t: &Table, widths: &[f64]) -> usize {
    let kinds = t.column_kinds();
    let mut n = kinds
        .iter()
        .take(2)
        .take_while(|k| **k == Kind::Text)
        .count();
    if n == 0 && kinds.len() > 2 && kinds[1..].iter().all(|k| *k == Kind::Text) {
        n = 1;
    }
    let labels: f64 = widths.iter().take(n).sum();
    let total: f64 = widths.iter().sum();
    if labels <= total / 3.0 {
        n
    } else {
        0
    }
}

/// An empty workbook titled `title`, created (a fixed time, never the clock) on the first
/// day of the report's fiscal year, so the file is the same on every run.
pub(in crate::render) fn new_book(title: &str, report: &Report) -> Result<Workbook> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(report.year.0.clamp(1900, 9999) as u16, 4, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("staff-survey")
            .set_creation_datetime(&created),
    );
    Ok(book)
}

/// The whole workbook as bytes.
pub fn report(report: &Report, sections: &[Section]) -> Result<Vec<u8>> {
    let p = report.pipeline;
    let book_title = format!("{} {} 報告（{}）", p.organisation, p.title, report.year);
    let mut book = new_book(&book_title, report)?;
    let plan = plan(report, sections);

    let cover = book.add_worksheet();
    cover.set_name(COVER)?;
    cover::write(cover, report, sections, &plan, &book_title)?;
    let contents = book.add_worksheet();
    contents.set_name(CONTENTS)?;
    contents::write(contents, &plan, &book_title)?;

    let mut previous: Option<(&Named, String, sheet::Placed)> = None;
    for entry in &plan {
        match entry.content {
            Content::Table(n) => {
                let t = &n.table;
                let sheet = book.add_worksheet();
                sheet.set_name(&entry.name)?;
                let rows = sheet::typed_rows(t);
                let widths = sheet::widths(t, &rows);
                sheet::set_widths(sheet, &widths)?;
                let labels = label_columns(t, &widths);
                let layout = print::layout(&widths, labels);
                let span = print::first_page_columns(&widths, layout, labels);
                let placed = sheet::write_table(sheet, t, &rows, 0, &widths, true, span)?;
                let frozen = if layout.landscape { labels as u16 } else { 0 };
                sheet.set_freeze_panes(placed.first_row, frozen)?;
                print::apply(
                    sheet,
                    layout,
                    &t.title,
                    &book_title,
                    Some((placed.header_row, placed.header_row)),
                    (labels > 0).then(|| (0, labels as u16 - 1)),
                    (placed.last_row, placed.last_col),
                )?;
                previous = Some((n, entry.name.clone(), placed));
            }
            Content::Chart => {
                let (n, table_sheet, placed) = previous
                    .as_ref()
                    .ok_or_else(|| anyhow!("a chart sheet comes after its table"))?;
                let mut chart = charts::for_table(&n.stem, table_sheet, &n.table, placed)
                    .ok_or_else(|| anyhow!("no chart for {}", n.stem))?;
                let sheet = book.add_worksheet();
                sheet.set_name(&entry.name)?;
                charts::write_sheet(sheet, &entry.title, &book_title, &mut chart)?;
            }
        }
    }
    Ok(book.save_to_buffer()?)
}
