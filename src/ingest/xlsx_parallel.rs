//! Large xlsx sheets read on every core. calamine's cell reader parses a sheet's XML on one
//! core, and that parse is most of the time of reading a large export, while cleaning the
//! rows keeps the second core only a little busy. So a large sheet's XML is inflated once and
//! cut between rows into chunks; each chunk becomes a workbook of its own (the original's
//! other parts copied as they are, still compressed, and the chunk as the sheet) that
//! calamine's cell reader reads on a worker. Every cell is thus read by the same code as on
//! the single-core path (shared strings, styles, dates, the 1904 calendar), and the rows are
//! handed on in the sheet's order, through the same [`Emitter`].
//!
//! Only a sheet worth it is cut: it must fill at least two chunks, and a chunk holds at least
//! [`MIN_CHUNK`] bytes and [`SHARED_STRINGS_TIMES`] times the shared strings, which each
//! chunk's workbook parses again. A sheet this cannot cut (no plain `<sheetData>`, rows
//! without an `r` reference, a workbook part it cannot find, a first chunk calamine cannot
//! read) is left to the single-core path, which reads it or says what is wrong.

use super::spreadsheet::{fill, sheet_rows, Emitter};
use super::Cells;
use anyhow::{anyhow, bail, Context, Result};
use calamine::{Reader, Xlsx};
use memchr::memmem;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, Write};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The least XML a chunk holds.
const MIN_CHUNK: usize = 8 << 20;
/// A chunk holds at least this many times the shared strings' XML.
const SHARED_STRINGS_TIMES: usize = 8;
/// Bytes inflated at a time (fewer for a smaller chunk).
const BLOCK: u64 = 1 << 20;
const SHEET_DATA: &[u8] = b"<sheetData>";
const SHEET_DATA_END: &[u8] = b"</sheetData>";

/// What became of the sheet.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Not cut; nothing was given to the emitter.
    NotCut,
    /// Every row was given to the emitter, from this many chunks.
    Read { chunks: usize },
    /// Rows are stored out of row order; some may have been given.
    OutOfOrder,
}

/// A chunk's rows in the order stored, or `None` if they are out of row order.
type ChunkRows = Option<Vec<(u32, Cells)>>;

/// A chunk of the sheet's rows to read, and where its rows go (with the chunk's buffer, to
/// be filled again: large buffers reused cost no fresh pages).
type Job = (Vec<u8>, SyncSender<(Result<ChunkRows>, Vec<u8>)>);

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
    if chunk.is_none() && book.sheet_size < 2 * least as u64 {
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
    let (path, name) = (rows.path, rows.name);
    let context = || format!("{} のシート「{name}」を読めません", path.display());
    let part = part.as_str();
    let jobs: Mutex<Receiver<Job>> = {
        let (tx, rx) = sync_channel(0);
        sheet.jobs = Some(tx);
        Mutex::new(rx)
    };
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let mut workbook = Vec::new();
                while let Ok((xml, reply)) = next_job(&jobs) {
                    let rows = read_chunk(
                        (&base, part, name),
                        (&prefix, &xml),
                        &mut workbook,
                        &context,
                    );
                    let _ = reply.send((rows, xml));
                }
            });
        }
        let outcome = sheet.cut_and_emit(data, chunk, workers, rows);
        // The workers stop once no more chunks can come.
        sheet.jobs = None;
        outcome
    })
}

fn next_job(jobs: &Mutex<Receiver<Job>>) -> Result<Job, ()> {
    let rx = jobs.lock().map_err(|_| ())?;
    rx.recv().map_err(|_| ())
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
                jobs: None,
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

/// The sheet's XML as it is inflated, and the chunks cut from it.
struct Sheet<'a> {
    xml: Box<dyn Read + 'a>,
    /// Uncompressed bytes in all, and inflated so far.
    size: u64,
    inflated: u64,
    jobs: Option<SyncSender<Job>>,
}

impl Sheet<'_> {
    /// Inflates up to `block` more bytes onto `data`; `false` at the end of the part.
    fn more(&mut self, data: &mut Vec<u8>, block: u64) -> Result<bool> {
        let n = (&mut self.xml).take(block).read_to_end(data)?;
        self.inflated += n as u64;
        Ok(n > 0)
    }

    /// The XML up to and including `<sheetData>`, and what has been inflated after it.
    fn prefix(&mut self) -> Option<(Vec<u8>, Vec<u8>)> {
        let mut data = Vec::new();
        loop {
            if let Some(at) = memmem::find(&data, SHEET_DATA) {
                let rest = data.split_off(at + SHEET_DATA.len());
                return Some((data, rest));
            }
            if data.len() > MIN_CHUNK || !self.more(&mut data, BLOCK).ok()? {
                return None;
            }
        }
    }

    /// Cuts the rows after the prefix (`data`, then the rest of the part) into chunks of
    /// about `chunk` bytes for the workers, and gives their rows to `rows` in order; at most
    /// `ahead` chunks are read ahead of the one whose rows are given.
    fn cut_and_emit(
        &mut self,
        mut data: Vec<u8>,
        chunk: usize,
        ahead: usize,
        rows: &mut Emitter,
    ) -> Result<Outcome> {
        let mut pending: VecDeque<Receiver<(Result<ChunkRows>, Vec<u8>)>> = VecDeque::new();
        let mut spare: Vec<Vec<u8>> = Vec::new();
        let mut given = Given::default();
        let (mut end, mut searched, mut cuttable) = (false, 0, true);
        loop {
            if !end {
                match memmem::find(&data[searched..], SHEET_DATA_END) {
                    Some(at) => {
                        data.truncate(searched + at);
                        end = true;
                    }
                    None => searched = data.len().saturating_sub(SHEET_DATA_END.len() - 1),
                }
            }
            let start = match data.len() >= chunk && cuttable {
                true => row_start(&data, chunk),
                false => RowStart::NotYet,
            };
            let cut = match start {
                RowStart::At(at) => at,
                RowStart::Unreferenced | RowStart::NotYet if end => data.len(),
                RowStart::Unreferenced => {
                    cuttable = false;
                    continue;
                }
                RowStart::NotYet => {
                    if !self.more(&mut data, BLOCK.min(chunk as u64))? {
                        bail!(
                            "{} のシート「{}」を読めません（シートのデータが途中で切れています）。ファイルが壊れていないか確かめてください",
                            rows.path.display(),
                            rows.name
                        );
                    }
                    continue;
                }
            };
            let last = end && cut == data.len();
            searched = 0;
            let mut next = spare.pop().unwrap_or_default();
            next.clear();
            next.reserve(chunk + BLOCK as usize);
            next.extend_from_slice(&data[cut..]);
            data.truncate(cut);
            let (reply, answer) = sync_channel(1);
            let jobs = self.jobs.as_ref().expect("set while cutting");
            jobs.send((std::mem::replace(&mut data, next), reply))
                .map_err(|_| anyhow!("読み込みを中止しました"))?;
            pending.push_back(answer);
            while pending.len() > ahead || (last && !pending.is_empty()) {
                let answer = pending.pop_front().expect("not empty");
                let first = given.chunks == 0;
                let (read, buffer) = answer
                    .recv()
                    .map_err(|_| anyhow!("読み込みを中止しました"))?;
                spare.push(buffer);
                match read {
                    Err(_) if first => return Ok(Outcome::NotCut),
                    Err(e) => return Err(e),
                    Ok(None) => return Ok(Outcome::OutOfOrder),
                    Ok(Some(chunk_rows)) => {
                        if !given.give(chunk_rows, rows)? {
                            return Ok(Outcome::OutOfOrder);
                        }
                        rows.progress(self.inflated, self.size);
                    }
                }
            }
            if last {
                break;
            }
        }
        Ok(Outcome::Read {
            chunks: given.chunks,
        })
    }
}

/// The rows given so far.
#[derive(Default)]
struct Given {
    chunks: usize,
    last: Option<u32>,
}

impl Given {
    /// Gives a chunk's rows to `rows`; `false` (giving nothing) if the chunk starts at or
    /// above the last row given.
    fn give(&mut self, chunk: Vec<(u32, Cells)>, rows: &mut Emitter) -> Result<bool> {
        self.chunks += 1;
        if let (Some(last), Some((first, _))) = (self.last, chunk.first()) {
            if *first <= last {
                return Ok(false);
            }
        }
        for (index, cells) in chunk {
            *rows.cells() = cells;
            rows.emit(index)?;
            self.last = Some(index);
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
    /// That row has no `r` reference, so the rows after a cut would be numbered from the
    /// top of their chunk: the sheet is not cut any further.
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

/// Reads one chunk (its rows' XML) with calamine: a workbook made in `workbook` of `base`
/// and the sheet `name` at `part`, whose XML is `prefix`, the chunk and the end of the sheet
/// data. `context` names the sheet in an error.
fn read_chunk(
    (base, part, name): (&[u8], &str, &str),
    (prefix, chunk): (&[u8], &[u8]),
    workbook: &mut Vec<u8>,
    context: &dyn Fn() -> String,
) -> Result<ChunkRows> {
    let size = prefix.len() + chunk.len() + SHEET_DATA_END.len();
    workbook.clear();
    workbook.reserve(base.len() + size + 4096);
    workbook.extend_from_slice(base);
    let mut zip = ZipWriter::new_append(Cursor::new(&mut *workbook)).with_context(context)?;
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(size as u64 >= u32::MAX as u64);
    zip.start_file(part, options).with_context(context)?;
    for bytes in [prefix, chunk, SHEET_DATA_END] {
        zip.write_all(bytes).with_context(context)?;
    }
    zip.finish().with_context(context)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(&workbook[..])).with_context(context)?;
    let mut reader = book.worksheet_cells_reader(name).with_context(context)?;
    let mut out = Vec::new();
    let in_order = sheet_rows(
        || reader.next_cell(),
        context,
        |index, texts| {
            let bytes = texts.iter().map(String::len).sum();
            let mut cells = Cells::with_capacity(bytes, texts.len());
            fill(&mut cells, texts);
            out.push((index, cells));
            Ok(())
        },
    )?;
    Ok(in_order.then_some(out))
}

#[cfg(test)]
#[path = "xlsx_parallel_tests.rs"]
mod tests;
