//! Reading xlsx / xlsm / xls / ods sheets with calamine into a [`RawTable`].
//!
//! The sheet's used range is checked before it is loaded: calamine builds a dense range, so a
//! stray cell far away (XFD1048576) would ask for gigabytes.

use super::{RawRow, RawTable};
use anyhow::{bail, Context, Result};
use calamine::{open_workbook_auto, Data, Reader, Sheets};
use std::path::Path;

/// Largest sheet read, in cells of its used range (rows × columns).
const MAX_CELLS: u64 = 20_000_000;

/// Reads `sheet` (or the first sheet) of a workbook; `header_row` is 1-based.
pub fn read(path: &Path, sheet: Option<&str>, header_row: u32) -> Result<RawTable> {
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
    check_dimensions(&mut book, &name, path)?;
    let range = book
        .worksheet_range(&name)
        .with_context(|| format!("{} のシート「{name}」を読めません", path.display()))?;
    let Some((row0, col0)) = range.start() else {
        bail!("{} のシート「{name}」は空です", path.display());
    };
    let width = range.width() + col0 as usize;
    let mut headers = None;
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let number = row0 + i as u32 + 1;
        if number < header_row {
            continue;
        }
        let mut cells = vec![String::new(); width];
        for (j, c) in r.iter().enumerate() {
            cells[col0 as usize + j] = cell_text(c);
        }
        if number == header_row {
            headers = Some(cells);
        } else {
            rows.push(RawRow { number, cells });
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

/// Refuses sheets whose used range is too large to load (xlsx only: the other formats
/// do not state their dimensions before loading).
fn check_dimensions<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
    path: &Path,
) -> Result<()> {
    if let Sheets::Xlsx(x) = book {
        let reader = x
            .worksheet_cells_reader(name)
            .with_context(|| format!("{} のシート「{name}」を読めません", path.display()))?;
        let d = reader.dimensions();
        let cells =
            (d.end.0 as u64 + 1 - d.start.0 as u64) * (d.end.1 as u64 + 1 - d.start.1 as u64);
        if cells > MAX_CELLS {
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

/// The text of a cell as the analyst sees it: integers without `.0`, errors as `#N/A`.
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}
