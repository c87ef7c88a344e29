//! xlsx output: one sheet `回答` with a bold header row, fixed document properties (the creation
//! time is derived from the wave, never the clock), column widths and a frozen header.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use crate::waves::{Wave, SHEET_NAME};
use crate::Res;

/// The export of `wave` as an xlsx workbook.
pub fn xlsx_bytes(wave: &Wave, header: &[String], rows: &[Vec<String>]) -> Res<Vec<u8>> {
    let mut workbook = Workbook::new();
    // Fixed creation time (never the clock): 20 July of the survey year,
    // 09:00 UTC, a few days after the survey window closes.
    let created = ExcelDateTime::from_ymd(wave.start.0 as u16, 7, 20)?.and_hms(9, 0, 0)?;
    let props = DocProperties::new()
        .set_title(format!(
            "しおかぜ市 職員アンケート {} (架空のサンプル)",
            wave.code
        ))
        .set_author("make-sample-data (staff-survey)")
        .set_comment("Fictional sample data; regenerate with `cargo run --bin make-sample-data`.")
        .set_creation_datetime(&created);
    workbook.set_properties(&props);
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
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
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 19)?;
    sheet.set_column_width(2, 11)?;
    sheet.set_column_width(3, 16)?;
    sheet.set_column_width(4, 11)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(workbook.save_to_buffer()?)
}
