//! Reading xlsx / xlsm / xls / ods sheets with calamine into a [`RowSink`].
//!
//! xlsx sheets are streamed with calamine's cell reader, a row at a time; the other formats
//! (and an xlsx sheet that stores its cells out of row order) go through calamine's dense
//! range. The sheet's used range is checked before it is loaded: a stray cell far away
//! (XFD1048576) would otherwise ask for gigabytes.

use super::{Cells, RawRow, RawTable, RowSink};
use crate::pipeline::Limits;
use anyhow::{bail, Context, Result};
use calamine::{open_workbook_auto, Data, DataRef, Reader, Sheets};
use std::fmt::Write;
use std::path::Path;

/// Reads `sheet` (or the first sheet) of a workbook; `header_row` is 1-based.
pub fn read(
    path: &Path,
    sheet: Option<&str>,
    header_row: u32,
    limits: Limits,
    sink: &mut dyn RowSink,
) -> Result<()> {
    check_unpacked_size(path, limits.max_bytes)?;
    let mut book = open_workbook_auto(path).with_context(|| {
        format!(
            "{} を表計算ファイルとして開けません。壊れていないか、拡張子が正しいか確かめてください",
            path.display()
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => match names.iter().find(|n| n.trim() == s.trim()) {
            Some(n) => n.clone(),
            None => bail!(
                "{} にシート「{s}」がありません。ある シート: {}",
                path.display(),
                names
                    .iter()
                    .map(|n| format!("「{n}」"))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        },
        None => match names.first() {
            Some(n) => n.clone(),
            None => bail!("{} にシートが一つもありません", path.display()),
        },
    };
    check_dimensions(&mut book, &name, path, limits.max_cells)?;
    let mut rows = Emitter::new(path, &name, header_row, sink);
    if let Sheets::Xlsx(x) = &mut book {
        if xlsx_rows(x, &mut rows)? {
            return rows.end();
        }
        rows.restart();
    }
    let range = book
        .worksheet_range(&name)
        .with_context(|| format!("{} のシート「{name}」を読めません", path.display()))?;
    let Some((row0, col0)) = range.start() else {
        bail!("{} のシート「{name}」は空です", path.display());
    };
    let width = range.width() + col0 as usize;
    let mut text = String::new();
    for (i, r) in range.rows().enumerate() {
        let cells = rows.cells();
        for _ in 0..col0 {
            cells.push("");
        }
        for c in r {
            text.clear();
            write_cell_text(&data_ref(c), &mut text);
            cells.push(&text);
        }
        while cells.len() < width {
            cells.push("");
        }
        rows.emit(row0 + i as u32)?;
    }
    rows.end()
}

/// Hands a sheet's rows to the sink: the rows above `header_row` are passed over, the header
/// row becomes the head, and every row below it (empty rows between values included) is a
/// data row. Rows are given in order; the row being filled is [`Emitter::cells`].
struct Emitter<'a> {
    path: &'a Path,
    name: &'a str,
    header_row: u32,
    sink: &'a mut dyn RowSink,
    row: RawRow,
    /// 0-based index of the last row given, if any.
    last: Option<u32>,
    begun: bool,
    /// The widest row so far: the head's headers are as wide as the rows above and at it.
    width: usize,
}

impl<'a> Emitter<'a> {
    fn new(path: &'a Path, name: &'a str, header_row: u32, sink: &'a mut dyn RowSink) -> Self {
        Emitter {
            path,
            name,
            header_row,
            sink,
            row: RawRow {
                number: 0,
                cells: Cells::default(),
            },
            last: None,
            begun: false,
            width: 0,
        }
    }

    /// The cells of the row being filled.
    fn cells(&mut self) -> &mut Cells {
        &mut self.row.cells
    }

    /// Starts the sheet over (the sink is told at the next head).
    fn restart(&mut self) {
        self.row.cells.clear();
        (self.last, self.begun, self.width) = (None, false, 0);
    }

    /// Gives the filled cells as the row with 0-based index `index`, after an empty row for
    /// each index skipped since the last row.
    fn emit(&mut self, index: u32) -> Result<()> {
        if let Some(last) = self.last {
            let filled = std::mem::take(&mut self.row.cells);
            for empty in last + 1..index {
                self.give(empty)?;
            }
            self.row.cells = filled;
        }
        self.give(index)?;
        self.row.cells.clear();
        self.last = Some(index);
        Ok(())
    }

    fn give(&mut self, index: u32) -> Result<()> {
        let number = index + 1;
        self.width = self.width.max(self.row.cells.len());
        if number < self.header_row {
            return Ok(());
        }
        if number == self.header_row {
            let mut headers: Vec<String> = self.row.cells.iter().map(str::to_string).collect();
            headers.resize(self.width, String::new());
            self.sink.begin(&RawTable {
                file: self.path.to_path_buf(),
                sheet: Some(self.name.to_string()),
                headers,
                rows: vec![],
            })?;
            self.begun = true;
            return Ok(());
        }
        if !self.begun {
            return Err(self.no_header());
        }
        self.row.number = number;
        self.sink.row(&self.row)
    }

    fn no_header(&self) -> anyhow::Error {
        anyhow::anyhow!(
            "{} のシート「{}」の {} 行目（見出し行）が空です。header_row を確かめてください",
            self.path.display(),
            self.name,
            self.header_row
        )
    }

    /// After the last row: a sheet without values, or without the header row, is an error.
    fn end(self) -> Result<()> {
        if self.last.is_none() {
            bail!("{} のシート「{}」は空です", self.path.display(), self.name);
        }
        if !self.begun {
            return Err(self.no_header());
        }
        Ok(())
    }
}

/// An xlsx sheet streamed with calamine's cell reader, without building its dense range: the
/// same rows as the used range gives, from the first to the last row holding a value, empty
/// rows between included. Returns `false` if the sheet stores its cells out of row order,
/// which the dense range then handles.
fn xlsx_rows<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    rows: &mut Emitter,
) -> Result<bool> {
    let (path, name) = (rows.path, rows.name);
    let context = || format!("{} のシート「{name}」を読めません", path.display());
    let mut reader = x.worksheet_cells_reader(name).with_context(context)?;
    let last_row = reader.dimensions().end.0 as u64;
    // The current row's cells by column, each text reused from row to row.
    let mut texts: Vec<String> = Vec::new();
    let mut used = 0;
    let mut current: Option<u32> = None;
    while let Some(cell) = reader.next_cell().with_context(context)? {
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let (r, c) = (cell.get_position().0, cell.get_position().1 as usize);
        match current {
            Some(row) if row > r => return Ok(false),
            Some(row) if row == r => {}
            Some(row) => {
                fill(rows.cells(), &mut texts[..used]);
                rows.emit(row)?;
                used = 0;
                if row % 1024 == 0 {
                    rows.sink.read_so_far(row as u64, last_row);
                }
            }
            None => {}
        }
        current = Some(r);
        if texts.len() <= c {
            texts.resize(c + 1, String::new());
        }
        for t in &mut texts[used..c] {
            t.clear();
        }
        used = used.max(c + 1);
        texts[c].clear();
        write_cell_text(value, &mut texts[c]);
    }
    if let Some(row) = current {
        fill(rows.cells(), &mut texts[..used]);
        rows.emit(row)?;
    }
    Ok(true)
}

/// Moves the texts of a row's cells into `cells`, leaving them empty.
fn fill(cells: &mut Cells, texts: &mut [String]) {
    for t in texts {
        cells.push(t);
        t.clear();
    }
}

/// Refuses sheets whose used range is too large to load (xlsx only: the other formats
/// do not state their dimensions before loading).
fn check_dimensions<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
    path: &Path,
    max_cells: u64,
) -> Result<()> {
    if let Sheets::Xlsx(x) = book {
        let reader = x
            .worksheet_cells_reader(name)
            .with_context(|| format!("{} のシート「{name}」を読めません", path.display()))?;
        let d = reader.dimensions();
        let cells =
            (d.end.0 as u64 + 1 - d.start.0 as u64) * (d.end.1 as u64 + 1 - d.start.1 as u64);
        if cells > max_cells {
            bail!(
                "{} のシート「{name}」の使用範囲が大きすぎます（{} 行 × {} 列）。離れた位置に値や書式の残ったセル（例: {}{}）を消してください",
                path.display(),
                d.end.0 + 1 - d.start.0,
                d.end.1 + 1 - d.start.1,
                super::column_letters(d.end.1 as usize),
                d.end.0 + 1
            );
        }
    }
    Ok(())
}

/// Refuses a zipped workbook (xlsx, xlsm, ods) whose parts would unpack to more than
/// `max_bytes`, before anything is unpacked: a zip bomb would otherwise fill the memory.
/// xls is not zipped and is left to the sheet-size check.
fn check_unpacked_size(path: &Path, max_bytes: u64) -> Result<()> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !["xlsx", "xlsm", "ods"].contains(&ext.as_str()) {
        return Ok(());
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("{} を開けません", path.display()))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| {
        anyhow::anyhow!(
            "{} を表計算ファイルとして開けません（zip として壊れています: {e}）。ファイルが途中で切れていないか確かめてください",
            path.display()
        )
    })?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| anyhow::anyhow!("{} の中身を読めません（{e}）", path.display()))?;
        total = total.saturating_add(entry.size());
    }
    if total > max_bytes {
        bail!(
            "{} は展開すると {} MB になり、上限 {} MB を超えます（zip 爆弾の可能性）。正しいファイルか確かめるか、[limits] max_megabytes を増やしてください",
            path.display(),
            total / (1024 * 1024),
            max_bytes / (1024 * 1024)
        );
    }
    Ok(())
}

/// Writes the text of a cell as the analyst sees it: integers without `.0`, dates as
/// `2023-06-01`, errors as `#N/A`.
fn write_cell_text(c: &DataRef, out: &mut String) {
    match c {
        DataRef::Empty => {}
        DataRef::SharedString(s) => out.push_str(s),
        DataRef::String(s) => out.push_str(s),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            let _ = write!(out, "{}", *f as i64);
        }
        DataRef::DateTime(d) => out.push_str(&excel_date(d.as_f64())),
        other => {
            let _ = write!(out, "{}", Data::from(other.clone()));
        }
    }
}

/// A loaded cell as the cell reader would have given it (strings borrowed).
fn data_ref(c: &Data) -> DataRef<'_> {
    match c {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// An Excel serial date as the analyst would see it: `2023-06-01`, with the time when there
/// is one. Serial 1 is 1900-01-01; Excel's fictitious 1900-02-29 is accounted for.
fn excel_date(serial: f64) -> String {
    if !(1.0..2_958_466.0).contains(&serial) {
        return format!("{serial}");
    }
    let days = serial.floor() as i64;
    // Days since 1970-01-01: serial 25569 is 1970-01-01 (serials below 61 are before the
    // fictitious leap day and need one day more).
    let unix_days = days - 25569 + if days < 61 { 1 } else { 0 };
    let (y, m, d) = civil_from_days(unix_days);
    let secs = ((serial - serial.floor()) * 86400.0).round() as i64;
    if secs == 0 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

/// Proleptic Gregorian date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Serials checked against Excel's own: 45078 = 2023-06-01, 1 = 1900-01-01,
    // 60 = the fictitious 1900-02-29 (shown as 1900-03-01 here), 61 = 1900-03-01.
    #[test]
    fn excel_serial_dates() {
        assert_eq!(excel_date(45078.0), "2023-06-01");
        assert_eq!(excel_date(45078.5), "2023-06-01 12:00:00");
        assert_eq!(excel_date(1.0), "1900-01-01");
        assert_eq!(excel_date(61.0), "1900-03-01");
        assert_eq!(excel_date(25569.0), "1970-01-01");
    }
}
