//! Reading xlsx / xlsm / xls / ods sheets with calamine into a [`RawTable`].
//!
//! The sheet's used range is checked before it is loaded: calamine builds a dense range, so a
//! stray cell far away (XFD1048576) would ask for gigabytes.

use super::{RawRow, RawTable};
use crate::pipeline::Limits;
use anyhow::{bail, Context, Result};
use calamine::{open_workbook_auto, Data, Reader, Sheets};
use std::path::Path;

/// Reads `sheet` (or the first sheet) of a workbook; `header_row` is 1-based.
pub fn read(path: &Path, sheet: Option<&str>, header_row: u32, limits: Limits) -> Result<RawTable> {
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
    if let Sheets::Xlsx(x) = &mut book {
        if let Some(grid) = xlsx_rows(x, &name, path)? {
            return table(path, name, header_row, grid);
        }
    }
    let range = book
        .worksheet_range(&name)
        .with_context(|| format!("{} のシート「{name}」を読めません", path.display()))?;
    let Some((row0, col0)) = range.start() else {
        bail!("{} のシート「{name}」は空です", path.display());
    };
    let width = range.width() + col0 as usize;
    let grid = range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![String::new(); width];
            for (j, c) in r.iter().enumerate() {
                cells[col0 as usize + j] = cell_text(c);
            }
            (row0 + i as u32, cells)
        })
        .collect();
    table(path, name, header_row, grid)
}

/// The rows of a sheet's used range (0-based row index, every cell from column A as text),
/// split at `header_row` (1-based) into headers and data rows.
fn table(
    path: &Path,
    name: String,
    header_row: u32,
    grid: Vec<(u32, Vec<String>)>,
) -> Result<RawTable> {
    if grid.is_empty() {
        bail!("{} のシート「{name}」は空です", path.display());
    }
    let mut headers = None;
    let mut rows = Vec::new();
    for (index, cells) in grid {
        let number = index + 1;
        if number < header_row {
            continue;
        }
        if number == header_row {
            headers = Some(cells);
        } else {
            rows.push(RawRow {
                number,
                cells: cells.into(),
            });
        }
    }
    let Some(headers) = headers else {
        bail!(
            "{} のシート「{name}」の {header_row} 行目（見出し行）が空です。header_row を確かめてください",
            path.display()
        );
    };
    Ok(RawTable {
        file: path.to_path_buf(),
        sheet: Some(name),
        headers,
        rows,
    })
}

/// An xlsx sheet streamed with calamine's cell reader, without building its dense range: the
/// same rows as the used range gives (from the first to the last row holding a value, empty
/// rows between included, every row as wide as the widest). `None` if the sheet stores its
/// cells out of row order, which the dense range then handles.
fn xlsx_rows<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    name: &str,
    path: &Path,
) -> Result<Option<Vec<(u32, Vec<String>)>>> {
    let context = || format!("{} のシート「{name}」を読めません", path.display());
    let mut reader = x.worksheet_cells_reader(name).with_context(context)?;
    let mut grid: Vec<(u32, Vec<String>)> = Vec::new();
    let mut width = 0;
    while let Some(cell) = reader.next_cell().with_context(context)? {
        let value: Data = cell.get_value().clone().into();
        if value == Data::Empty {
            continue;
        }
        let (r, c) = (cell.get_position().0, cell.get_position().1 as usize);
        match grid.last() {
            Some((last, _)) if *last > r => return Ok(None),
            Some((last, _)) if *last == r => {}
            Some((last, _)) => {
                // Rows with no value between two rows with values are empty rows.
                for empty in *last + 1..r {
                    grid.push((empty, Vec::new()));
                }
                grid.push((r, Vec::new()));
            }
            None => grid.push((r, Vec::new())),
        }
        let cells = &mut grid.last_mut().expect("a row was pushed").1;
        if cells.len() <= c {
            cells.resize(c + 1, String::new());
        }
        cells[c] = cell_text(&value);
        width = width.max(c + 1);
    }
    for (_, cells) in &mut grid {
        cells.resize(width, String::new());
    }
    Ok(Some(grid))
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

/// The text of a cell as the analyst sees it: integers without `.0`, errors as `#N/A`.
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) => excel_date(d.as_f64()),
        other => other.to_string(),
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
