//! The two floors the tool is measured against, each the least any reader of the same file
//! must do: (a) stream every cell of an xlsx with calamine's cell reader, touching each
//! cell's text; (b) read a CSV with the csv crate (the tool's CSV reader, with the same
//! settings) and touch every field. Each prints what it touched, so nothing is optimised
//! away.

use calamine::{open_workbook, DataRef, Reader, Xlsx};
use std::path::Path;

/// Cells and text bytes touched.
#[derive(Debug, Default)]
pub struct Touched {
    pub cells: u64,
    pub bytes: u64,
}

/// Floor (a): every cell of every sheet, through `worksheet_cells_reader` (no dense range).
pub fn xlsx(path: &Path) -> Result<Touched, String> {
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| e.to_string())?;
    let mut t = Touched::default();
    for name in book.sheet_names() {
        let mut cells = book
            .worksheet_cells_reader(&name)
            .map_err(|e| e.to_string())?;
        while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
            t.cells += 1;
            t.bytes += match cell.get_value() {
                DataRef::SharedString(s) => s.len(),
                DataRef::String(s) => s.len(),
                DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
                // Numbers, booleans, dates and errors carry no text (the generated exports
                // hold none).
                _ => 0,
            } as u64;
        }
    }
    Ok(t)
}

/// Floor (b): every field of every record, as the tool's reader sees it (flexible rows, no
/// header handling, UTF-8 checked).
pub fn csv(path: &Path) -> Result<Touched, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .map_err(|e| e.to_string())?;
    let mut record = csv::StringRecord::new();
    let mut t = Touched::default();
    while reader.read_record(&mut record).map_err(|e| e.to_string())? {
        for field in record.iter() {
            t.cells += 1;
            t.bytes += field.len() as u64;
        }
    }
    Ok(t)
}
