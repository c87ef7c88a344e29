//! xlsx output: one sheet with a bold header row, fixed document properties (the creation time
//! is given by the caller, never the clock), column widths and a frozen header. Used for the
//! survey exports (sheet `回答`) and the R6 staff roster (sheet `職員名簿`); every cell is text.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use crate::waves::{Wave, SHEET_NAME};
use crate::Res;

/// What differs between the workbooks: title, sheet name, creation date (09:00 UTC) and the
/// widths of the first columns.
pub struct SheetSpec<'a> {
    pub title: String,
    pub sheet: &'a str,
    pub created: (u16, u8, u8),
    pub widths: &'a [f64],
}

/// A workbook with one sheet holding `header` and `rows` (empty strings are left blank).
pub fn sheet_bytes(spec: &SheetSpec, header: &[String], rows: &[Vec<String>]) -> Res<Vec<u8>> {
    let mut workbook = Workbook::new();
    let (y, m, d) = spec.created;
    let created = ExcelDateTime::from_ymd(y, m, d)?.and_hms(9, 0, 0)?;
    let props = DocProperties::new()
        .set_title(&spec.title)
        .set_author("make-sample-data (staff-survey)")
        .set_comment("Fictional sample data; regenerate with `cargo run --bin make-sample-data`.")
        .set_creation_datetime(&created);
    workbook.set_properties(&props);
    let sheet = workbook.add_worksheet();
    sheet.set_name(spec.sheet)?;
    let bold = Format::new().set_bold();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string((r + 1) as u32, c as u16, v)?;
            }
        }
    }
    for (c, &w) in spec.widths.iter().enumerate() {
        sheet.set_column_width(c as u16, w)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(workbook.save_to_buffer()?)
}

/// The export of `wave` as an xlsx workbook.
pub fn xlsx_bytes(wave: &Wave, header: &[String], rows: &[Vec<String>]) -> Res<Vec<u8>> {
    let spec = SheetSpec {
        title: format!("しおかぜ市 職員アンケート {} (架空のサンプル)", wave.code),
        sheet: SHEET_NAME,
        // Fixed creation time (never the clock): 20 July of the survey year,
        // 09:00 UTC, a few days after the survey window closes.
        created: (wave.start.0 as u16, 7, 20),
        widths: &[10.0, 19.0, 11.0, 16.0, 11.0],
    };
    sheet_bytes(&spec, header, rows)
}
