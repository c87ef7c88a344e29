//! Reading xlsx / xlsm / xls / ods sheets with calamine into a [`RowSink`].
//!
//! xlsx sheets are streamed with calamine's cell reader, a row at a time (a large one cut into
//! chunks read on every core, `xlsx_parallel`); the other formats (and an xlsx sheet that
//! stores its cells out of row order) go through calamine's dense range. The sheet's used
//! range is checked before it is loaded: a stray cell far away (XFD1048576) would otherwise
//! ask for gigabytes.

use super::cell_text::{data_ref, write_cell_text};
use super::xlsx_parallel::{self, Outcome};
use super::{Cells, RawRow, RawTable, RowSink};
use crate::pipeline::Limits;
use anyhow::{bail, Context, Result};
use calamine::{open_workbook_auto, Cell, DataRef, Reader, Sheets, XlsxError};
use std::path::Path;

/// Reads `sheet` (or the first sheet) of a workbook; `header_row` is 1-based. A large xlsx
/// sheet is read on `cores` cores.
pub fn read(
    path: &Path,
    (sheet, header_row): (Option<&str>, u32),
    limits: Limits,
    sink: &mut dyn RowSink,
    cores: usize,
) -> Result<()> {
    read_cut(path, (sheet, header_row), limits, sink, (cores, None))
}

/// [`read`], with a large xlsx sheet cut into chunks of `chunk` bytes read on `cores` cores
/// (default: the size [`xlsx_parallel`] picks, and only when that pays).
pub(super) fn read_cut(
    path: &Path,
    (sheet, header_row): (Option<&str>, u32),
    limits: Limits,
    sink: &mut dyn RowSink,
    (cores, chunk): (usize, Option<usize>),
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
        let read = match xlsx_parallel::read(&mut rows, cores, chunk)? {
            Outcome::Read { .. } => true,
            Outcome::NotCut => xlsx_rows(x, &mut rows)?,
            Outcome::StartOver => {
                rows.restart();
                xlsx_rows(x, &mut rows)?
            }
        };
        if read {
            return rows.end();
        }
        rows.restart();
    }
    let range = book
        .worksheet_range(&name)
        .with_context(|| unreadable(path, &name))?;
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
pub(super) struct Emitter<'a> {
    pub(super) path: &'a Path,
    pub(super) name: &'a str,
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
    pub(super) fn new(
        path: &'a Path,
        name: &'a str,
        header_row: u32,
        sink: &'a mut dyn RowSink,
    ) -> Self {
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
    pub(super) fn cells(&mut self) -> &mut Cells {
        &mut self.row.cells
    }

    /// The 0-based index of the last row given, if any.
    pub(super) fn last(&self) -> Option<u32> {
        self.last
    }

    /// Tells the sink how far the reading is: `done` of `total`.
    pub(super) fn progress(&mut self, done: u64, total: u64) {
        self.sink.read_so_far(done, total);
    }

    /// Starts the sheet over (the sink is told at the next head).
    fn restart(&mut self) {
        self.row.cells.clear();
        (self.last, self.begun, self.width) = (None, false, 0);
    }

    /// Gives the filled cells as the row with 0-based index `index`, after an empty row for
    /// each index skipped since the last row.
    pub(super) fn emit(&mut self, index: u32) -> Result<()> {
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
    let context = || unreadable(path, name);
    let mut reader = x.worksheet_cells_reader(name).with_context(context)?;
    let last_row = reader.dimensions().end.0 as u64;
    sheet_rows(
        || reader.next_cell(),
        &context,
        |index, texts| {
            fill(rows.cells(), texts);
            rows.emit(index)?;
            if index % 1024 == 0 {
                rows.progress(index as u64, last_row);
            }
            Ok(())
        },
    )
}

/// Every row of a sheet from calamine's cell reader (its `next_cell`), in the order stored:
/// `row` gets each row's 0-based index and its cells' texts by column. Returns `false`,
/// without going on, at a row stored above one already given (cells out of row order).
/// `context` names the sheet in a reading error.
pub(super) fn sheet_rows<'a>(
    mut next_cell: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, XlsxError>,
    context: &dyn Fn() -> String,
    mut row: impl FnMut(u32, &mut [String]) -> Result<()>,
) -> Result<bool> {
    // The current row's cells by column, each text reused from row to row.
    let mut texts: Vec<String> = Vec::new();
    let mut used = 0;
    let mut current: Option<u32> = None;
    while let Some(cell) = next_cell().with_context(context)? {
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let (r, c) = (cell.get_position().0, cell.get_position().1 as usize);
        match current {
            Some(done) if done > r => return Ok(false),
            Some(done) if done == r => {}
            Some(done) => {
                row(done, &mut texts[..used])?;
                clear(&mut texts[..used]);
                used = 0;
            }
            None => {}
        }
        current = Some(r);
        if texts.len() <= c {
            texts.resize(c + 1, String::new());
        }
        clear(&mut texts[used..c]);
        used = used.max(c + 1);
        texts[c].clear();
        write_cell_text(value, &mut texts[c]);
    }
    if let Some(done) = current {
        row(done, &mut texts[..used])?;
    }
    Ok(true)
}

fn clear(texts: &mut [String]) {
    texts.iter_mut().for_each(String::clear);
}

/// Appends the texts of a row's cells to `cells`.
pub(super) fn fill(cells: &mut Cells, texts: &[String]) {
    for t in texts {
        cells.push(t);
    }
}

/// The error's context when a sheet cannot be read.
fn unreadable(path: &Path, sheet: &str) -> String {
    format!("{} のシート「{sheet}」を読めません", path.display())
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
            .with_context(|| unreadable(path, name))?;
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
