//! Large xlsx sheets read on every core. calamine's cell reader parses a sheet's XML on one
//! core, and that parse is most of the time of reading a large export, while cleaning the
//! rows keeps the second core only a little busy. So a large sheet's XML is inflated once and
//! cut between rows into chunks; each chunk becomes a workbook of its own (the original's
//! other parts copied as they are, still compressed, and the chunk as the sheet) that
//! calamine's cell reader reads on a thread of its own, one per core at a time. Every cell is
//! thus read by the same code as on the single-core path (shared strings, styles, dates, the
//! 1904 calendar), and the rows are handed on in the sheet's order, through the same
//! [`Emitter`].
//!
//! Only a sheet worth it is cut: it must fill two chunks per core, and a chunk holds at least
//! [`MIN_CHUNK`] bytes and [`SHARED_STRINGS_TIMES`] times the shared strings, which each
//! chunk's workbook parses again (a sheet whose chunks would pass [`MAX_CHUNK`] is not cut, so
//! the memory held stays bounded). Anything out of the ordinary sends the sheet back to the
//! single-core path, which reads it or says what is wrong in its own words: no plain
//! `<sheetData>` or `</sheetData>`, a row without an `r` reference where a chunk would start
//! (calamine would number the rows after it from the top of the chunk), rows stored out of
//! row order, a part that does not inflate, a chunk calamine cannot read. If rows were
//! already given, the sheet is started over ([`Outcome::StartOver`]).

use super::spreadsheet::{fill, sheet_rows, Emitter};
use super::Cells;
use anyhow::Result;
use calamine::{Reader, Xlsx};
use memchr::memmem;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, Write};
use std::path::Path;
use std::thread::{Scope, ScopedJoinHandle};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The least XML a chunk holds.
const MIN_CHUNK: usize = 8 << 20;
/// A chunk holds at least this many times the shared strings' XML.
const SHARED_STRINGS_TIMES: usize = 8;
/// The most XML a chunk holds: a sheet that would need more (shared strings of over 8 MB) is
/// read on one core.
const MAX_CHUNK: usize = 64 << 20;
/// Bytes inflated at a time (fewer for a smaller chunk).
const BLOCK: u64 = 1 << 20;
const SHEET_DATA: &[u8] = b"<sheetData>";
const SHEET_DATA_END: &[u8] = b"</sheetData>";

/// What became of the sheet.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Not cut; nothing was given to the emitter.
    NotCut,
    /// Given up after some rows were given: the sheet is to be read again from the start.
    StartOver,
    /// Every row was given to the emitter, from this many chunks.
    Read { chunks: usize },
}

/// A chunk's rows in the order stored; `None` if calamine could not read them or they are
/// out of row order.
type ChunkRows = Option<Vec<(u32, Cells)>>;

/// Reads the sheet `rows.name` of the xlsx at `rows.path` on `cores` cores, if it is worth
/// it. `chunk` sets the chunk size and cuts whatever the size and the cores (for tests).
pub(super) fn read(rows: &mut Emitter, cores: usize, chunk: Option<usize>) -> Result<Outcome> {
    if cores < 2 && chunk.is_none() {
        return Ok(Outcome::NotCut);
    }
    // Tests cut on one core too.
    let workers = cores.max(2);
    let Some(mut book) = Book::open(rows.path, rows.name) else {
        return Ok(Outcome::NotCut);
    };
    let least = MIN_CHUNK.max(SHARED_STRINGS_TIMES * book.shared_strings);
    let worth = least <= MAX_CHUNK && book.sheet_size >= (2 * workers * least) as u64;
    if chunk.is_none() && !worth {
        return Ok(Outcome::NotCut);
    }
    let chunk = chunk.unwrap_or(least);
    let part = book.part.clone();
    let Some((base, mut sheet)) = book.split() else {
        return Ok(Outcome::NotCut);
    };
    let Some((prefix, data)) = sheet.prefix() else {
        return Ok(Outcome::NotCut);
    };
    let workbook = Workbook {
        base: &base,
        part: &part,
        name: rows.name,
        prefix: &prefix,
    };
    std::thread::scope(|scope| {
        let mut cutting = Cutting {
            scope,
            workbook: &workbook,
            running: VecDeque::new(),
            spare: Vec::new(),
            chunks: 0,
        };
        Ok(
            match cutting.cut(&mut sheet, data, (chunk, workers), rows)? {
                true => Outcome::Read {
                    chunks: cutting.chunks,
                },
                false if cutting.chunks == 0 => Outcome::NotCut,
                false => Outcome::StartOver,
            },
        )
    })
}

/// The workbook's parts that matter here.
struct Book {
    zip: ZipArchive<BufReader<File>>,
    /// The sheet's part, as named in the zip.
    part: String,
    /// Uncompressed bytes of the sheet and of the shared strings.
    sheet_size: u64,
    shared_strings: usize,
}

impl Book {
    fn open(path: &Path, name: &str) -> Option<Book> {
        let mut zip = ZipArchive::new(BufReader::new(File::open(path).ok()?)).ok()?;
        let part = sheet_part(&mut zip, name)?;
        let sheet_size = zip.by_name(&part).ok()?.size();
        let shared_strings = entry_name(&zip, "xl/sharedStrings.xml")
            .and_then(|n| zip.by_name(&n).ok().map(|f| f.size() as usize))
            .unwrap_or(0);
        Some(Book {
            zip,
            part,
            sheet_size,
            shared_strings,
        })
    }

    /// Every part but the worksheets, copied compressed into a zip of its own (the base of
    /// each chunk's workbook), and the sheet's XML to inflate.
    fn split(&mut self) -> Option<(Vec<u8>, Sheet<'_>)> {
        let mut base = ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..self.zip.len() {
            let entry = self.zip.by_index_raw(i).ok()?;
            if !is_worksheet(entry.name()) {
                base.raw_copy_file(entry).ok()?;
            }
        }
        let base = base.finish().ok()?.into_inner();
        let entry = self.zip.by_name(&self.part).ok()?;
        Some((
            base,
            Sheet {
                size: entry.size(),
                xml: Box::new(entry),
                inflated: 0,
            },
        ))
    }
}

/// A worksheet's XML part (not its relationships): chunks' workbooks hold only their own.
fn is_worksheet(name: &str) -> bool {
    let n = name.replace('\\', "/").to_ascii_lowercase();
    n.starts_with("xl/worksheets/") && !n.contains("/_rels/")
}

/// The zip entry named `path`, compared as calamine does (case and slashes aside).
fn entry_name<R: Read + Seek>(zip: &ZipArchive<R>, path: &str) -> Option<String> {
    zip.file_names()
        .find(|n| n.replace('\\', "/").eq_ignore_ascii_case(path))
        .map(str::to_string)
}

/// The part holding sheet `name`, found as calamine finds it: the sheet's relationship id in
/// `xl/workbook.xml`, its target in `xl/_rels/workbook.xml.rels`, relative to `xl/`.
fn sheet_part<R: Read + Seek>(zip: &mut ZipArchive<R>, name: &str) -> Option<String> {
    const RELATIONSHIPS: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let text = |zip: &mut ZipArchive<R>, path: &str| -> Option<String> {
        let mut s = String::new();
        zip.by_name(&entry_name(zip, path)?)
            .ok()?
            .read_to_string(&mut s)
            .ok()?;
        Some(s)
    };
    let workbook = text(zip, "xl/workbook.xml")?;
    let workbook = roxmltree::Document::parse(&workbook).ok()?;
    let id = workbook
        .descendants()
        .find(|n| n.has_tag_name("sheet") && n.attribute("name") == Some(name))?
        .attribute((RELATIONSHIPS, "id"))?;
    let rels = text(zip, "xl/_rels/workbook.xml.rels")?;
    let rels = roxmltree::Document::parse(&rels).ok()?;
    let target = rels
        .descendants()
        .find(|n| n.has_tag_name("Relationship") && n.attribute("Id") == Some(id))?
        .attribute("Target")?;
    let path = match target.strip_prefix('/') {
        Some(t) if t.starts_with("xl/") => t.to_string(),
        _ if target.starts_with("xl/") => target.to_string(),
        _ => format!("xl/{target}"),
    };
    entry_name(zip, &path)
}

/// The sheet's XML as it is inflated.
struct Sheet<'a> {
    xml: Box<dyn Read + 'a>,
    /// Uncompressed bytes in all, and inflated so far.
    size: u64,
    inflated: u64,
}

impl Sheet<'_> {
    /// Inflates up to `block` more bytes onto `data`; `false` at the end of the part or if it
    /// does not inflate.
    fn more(&mut self, data: &mut Vec<u8>, block: u64) -> bool {
        match (&mut self.xml).take(block).read_to_end(data) {
            Ok(n) => {
                self.inflated += n as u64;
                n > 0
            }
            Err(_) => false,
        }
    }

    /// The XML up to and including `<sheetData>`, and what has been inflated after it.
    fn prefix(&mut self) -> Option<(Vec<u8>, Vec<u8>)> {
        let mut data = Vec::new();
        loop {
            if let Some(at) = memmem::find(&data, SHEET_DATA) {
                let rest = data.split_off(at + SHEET_DATA.len());
                return Some((data, rest));
            }
            if data.len() > MIN_CHUNK || !self.more(&mut data, BLOCK) {
                return None;
            }
        }
    }
}

/// What every chunk's workbook is made of: the other parts (`base`), the sheet's part name,
/// the sheet's name and its XML up to `<sheetData>`.
struct Workbook<'a> {
    base: &'a [u8],
    part: &'a str,
    name: &'a str,
    prefix: &'a [u8],
}

/// A chunk's XML and the room its workbook is made in, kept for the next chunk once read
/// (large buffers reused cost no fresh pages).
#[derive(Default)]
struct Buffers {
    xml: Vec<u8>,
    workbook: Vec<u8>,
}

/// The chunks being read, each on a thread of its own, oldest first.
struct Cutting<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    workbook: &'scope Workbook<'scope>,
    running: VecDeque<ScopedJoinHandle<'scope, (ChunkRows, Buffers)>>,
    spare: Vec<Buffers>,
    /// Chunks whose rows were given.
    chunks: usize,
}

impl<'scope> Cutting<'scope, '_> {
    /// Cuts the rows after the prefix (`data`, then the rest of the part) into chunks of
    /// about `chunk` bytes, reads at most `workers` of them at a time and gives their rows to
    /// `rows` in order. `false` if it gave up (see the module's documentation).
    fn cut(
        &mut self,
        sheet: &mut Sheet,
        data: Vec<u8>,
        (chunk, workers): (usize, usize),
        rows: &mut Emitter,
    ) -> Result<bool> {
        let block = BLOCK.min(chunk as u64);
        let mut current = Buffers {
            xml: data,
            workbook: Vec::new(),
        };
        let (mut end, mut searched) = (false, 0);
        loop {
            let data = &mut current.xml;
            if !end {
                match memmem::find(&data[searched..], SHEET_DATA_END) {
                    Some(at) => {
                        data.truncate(searched + at);
                        end = true;
                    }
                    None => searched = data.len().saturating_sub(SHEET_DATA_END.len() - 1),
                }
            }
            let start = match data.len() >= chunk {
                true => row_start(data, chunk),
                false => RowStart::NotYet,
            };
            let cut = match start {
                RowStart::At(at) => at,
                RowStart::NotYet if end => data.len(),
                RowStart::Unreferenced => return Ok(false),
                RowStart::NotYet if sheet.more(data, block) => continue,
                // The part ends without a plain `</sheetData>`, or does not inflate.
                RowStart::NotYet => return Ok(false),
            };
            let last = end && cut == data.len();
            let mut next = self.spare.pop().unwrap_or_default();
            next.xml.clear();
            next.xml.reserve(chunk + block as usize);
            next.xml.extend_from_slice(&data[cut..]);
            data.truncate(cut);
            searched = 0;
            while self.running.len() >= workers {
                if !self.give_oldest(rows)? {
                    return Ok(false);
                }
            }
            let mut job = std::mem::replace(&mut current, next);
            let workbook = self.workbook;
            self.running.push_back(self.scope.spawn(move || {
                // A panic here is passed on to the reader, which reports it (`broken`).
                super::broken::reading();
                let rows = read_chunk(workbook, &mut job);
                (rows, job)
            }));
            if last {
                while !self.running.is_empty() {
                    if !self.give_oldest(rows)? {
                        return Ok(false);
                    }
                }
                rows.progress(sheet.inflated, sheet.size);
                return Ok(true);
            }
            rows.progress(sheet.inflated, sheet.size);
        }
    }

    /// Waits for the oldest chunk and gives its rows; `false` (giving nothing) if it could
    /// not be read, or starts at or above the last row given.
    fn give_oldest(&mut self, rows: &mut Emitter) -> Result<bool> {
        let oldest = self.running.pop_front().expect("a chunk is being read");
        let (read, buffers) = oldest
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        self.spare.push(buffers);
        let Some(chunk) = read else {
            return Ok(false);
        };
        if let (Some(last), Some((first, _))) = (rows.last(), chunk.first()) {
            if *first <= last {
                return Ok(false);
            }
        }
        self.chunks += 1;
        for (index, cells) in chunk {
            *rows.cells() = cells;
            rows.emit(index)?;
        }
        Ok(true)
    }
}

/// Where a chunk may end in `data`.
enum RowStart {
    /// Before the `<row` tag starting here, the first one at or after the chunk size: the
    /// row before it is whole, and calamine numbers the rows after it from its reference.
    At(usize),
    /// No whole row tag there yet.
    NotYet,
    /// That row has no `r` reference (or one this plain search misses, such as `<row\nr=`),
    /// so the rows after a cut would be numbered from the top of their chunk: the sheet goes
    /// back to the single-core path, which costs time, never rows.
    Unreferenced,
}

fn row_start(data: &[u8], from: usize) -> RowStart {
    // Never at 0: a chunk holds at least one row.
    let from = from.max(1);
    let Some(at) = data.get(from..).and_then(|d| memmem::find(d, b"<row")) else {
        return RowStart::NotYet;
    };
    let at = from + at;
    match memchr::memchr(b'>', &data[at..]) {
        None => RowStart::NotYet,
        Some(end) if memmem::find(&data[at..at + end], b" r=").is_some() => RowStart::At(at),
        Some(_) => RowStart::Unreferenced,
    }
}

/// Reads one chunk with calamine: a workbook made in `buffers.workbook` of `workbook`'s parts
/// and the sheet's XML: the prefix, the chunk (`buffers.xml`) and the end of the sheet data.
fn read_chunk(workbook: &Workbook, buffers: &mut Buffers) -> ChunkRows {
    let Buffers {
        xml,
        workbook: made,
    } = buffers;
    let size = workbook.prefix.len() + xml.len() + SHEET_DATA_END.len();
    made.clear();
    made.reserve(workbook.base.len() + size + 4096);
    made.extend_from_slice(workbook.base);
    let mut zip = ZipWriter::new_append(Cursor::new(&mut *made)).ok()?;
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(size as u64 >= u32::MAX as u64);
    zip.start_file(workbook.part, options).ok()?;
    for bytes in [workbook.prefix, xml, SHEET_DATA_END] {
        zip.write_all(bytes).ok()?;
    }
    zip.finish().ok()?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(&made[..])).ok()?;
    let mut reader = book.worksheet_cells_reader(workbook.name).ok()?;
    let mut out = Vec::new();
    let in_order = sheet_rows(
        || reader.next_cell(),
        &String::new,
        |index, texts| {
            let bytes = texts.iter().map(String::len).sum();
            let mut cells = Cells::with_capacity(bytes, texts.len());
            fill(&mut cells, texts);
            out.push((index, cells));
            Ok(())
        },
    )
    .ok()?;
    in_order.then_some(out)
}

#[cfg(test)]
#[path = "xlsx_parallel_tests.rs"]
mod tests;
