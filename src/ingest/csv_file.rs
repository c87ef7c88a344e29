//! Reading CSV exports (UTF-8 with or without BOM, or Shift_JIS/CP932) into a [`RowSink`].
//!
//! A UTF-8 file is streamed through a buffer and checked a record at a time as it is parsed
//! (simdutf8); when a record is not valid UTF-8, the whole file is decoded to report the
//! first bad byte once, with a hint, instead of garbled labels. A Shift_JIS file is decoded
//! whole first. Row numbers are
//! the line on which each record starts, as a text editor or Excel shows it.

use super::{Cells, RawRow, RawTable, RowSink};
use crate::pipeline::TextEncoding;
use anyhow::{bail, Context, Result};
use std::cell::RefCell;
use std::io::{BufRead, Read};
use std::path::Path;
use std::rc::Rc;

/// Reads a CSV file; `header_row` is the 1-based record holding the headers.
pub fn read(
    path: &Path,
    encoding: TextEncoding,
    header_row: u32,
    max_bytes: u64,
    sink: &mut dyn RowSink,
) -> Result<()> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("{} を読めません", path.display()))?
        .len();
    if size > max_bytes {
        bail!(
            "{} は大きすぎます（{} MB、上限 {} MB）。正しいファイルか確かめるか、[limits] max_megabytes を増やしてください",
            path.display(),
            size / (1024 * 1024),
            max_bytes / (1024 * 1024)
        );
    }
    let open = || -> Result<std::fs::File> {
        std::fs::File::open(path).with_context(|| format!("{} を読めません", path.display()))
    };
    let mut file = std::io::BufReader::with_capacity(1 << 16, open()?);
    // The text to parse, and its length in bytes (for the progress bar).
    let (text, total): (Box<dyn Read>, u64) = match encoding {
        // A UTF-8 file is streamed, each record checked as it is read (after a BOM, if any).
        TextEncoding::Utf8 => {
            if file.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
                file.consume(3);
            }
            (Box::new(file), size)
        }
        TextEncoding::ShiftJis => {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)
                .with_context(|| format!("{} を読めません", path.display()))?;
            let text = decode(bytes, encoding, path)?.into_bytes();
            let total = text.len() as u64;
            (Box::new(std::io::Cursor::new(text)), total)
        }
    };
    let kept = Rc::new(RefCell::new(Kept::default()));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(Window {
            inner: text,
            kept: kept.clone(),
        });
    let mut begun = false;
    let mut lines = LineCounter::default();
    let mut record = csv::ByteRecord::new();
    let mut row = RawRow {
        number: 0,
        cells: Cells::default(),
    };
    while reader
        .read_byte_record(&mut record)
        .with_context(|| format!("{} を CSV として読めません", path.display()))?
    {
        let Ok(fields) = simdutf8::basic::from_utf8(record.as_slice()) else {
            // The whole file, once, for the first bad byte and the hint.
            let bytes =
                std::fs::read(path).with_context(|| format!("{} を読めません", path.display()))?;
            return Err(decode(bytes, encoding, path).err().unwrap_or_else(|| {
                anyhow::anyhow!("{} は UTF-8 として読めません", path.display())
            }));
        };
        let number = lines.line_at(
            &kept,
            record.position().map(|p| p.byte() as usize).unwrap_or(0),
        );
        if number < header_row {
            continue;
        }
        if number == header_row {
            sink.begin(&RawTable {
                file: path.to_path_buf(),
                sheet: None,
                headers: record_fields(&record, fields).map(str::to_string).collect(),
                rows: vec![],
            })?;
            begun = true;
        } else {
            row.number = number;
            row.cells.clear();
            record_fields(&record, fields).for_each(|c| row.cells.push(c));
            sink.row(&row)?;
            if number % 4096 == 0 {
                sink.read_so_far(reader.position().byte(), total);
            }
        }
    }
    if !begun {
        bail!("{} に見出し行（{header_row} 行目）がありません。ファイルが空か、header_row が大きすぎます", path.display());
    }
    Ok(())
}

/// The fields of a record, cut from its text (`fields`, the record's bytes checked as UTF-8;
/// fields end at ASCII delimiters, so every cut falls between characters).
fn record_fields<'a>(
    record: &'a csv::ByteRecord,
    fields: &'a str,
) -> impl Iterator<Item = &'a str> + 'a {
    (0..record.len()).map(move |i| record.range(i).map_or("", |r| &fields[r]))
}

/// The CSV reader's input, keeping a copy of the bytes read that no record has been numbered
/// past yet ([`Kept`]): line numbers are counted in them, so the file is never held whole. The
/// reader reads ahead by its buffer, so this holds a few tens of kilobytes.
struct Window {
    inner: Box<dyn Read>,
    kept: Rc<RefCell<Kept>>,
}

#[derive(Default)]
struct Kept {
    /// Offset in the file of `bytes[0]`.
    start: usize,
    bytes: Vec<u8>,
}

impl Read for Window {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.kept.borrow_mut().bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Line numbers of record starts. The csv crate reports where it began scanning, which is
/// before any blank lines it skipped; this moves past them to the record's first line.
#[derive(Default)]
struct LineCounter {
    byte: usize,
    line: u32,
}

impl LineCounter {
    /// The line of the record the reader began scanning at file offset `byte` (offsets only
    /// grow from record to record).
    fn line_at(&mut self, kept: &RefCell<Kept>, byte: usize) -> u32 {
        let mut kept = kept.borrow_mut();
        let start = kept.start;
        let bytes = &kept.bytes;
        let at = |offset: usize| bytes.get(offset - start).copied();
        let b = byte.max(self.byte);
        let seen = &bytes[(self.byte - start).min(bytes.len())..(b - start).min(bytes.len())];
        self.line += memchr::memchr_iter(b'\n', seen).count() as u32;
        let mut b = b;
        while let Some(c @ (b'\n' | b'\r')) = at(b) {
            if c == b'\n' {
                self.line += 1;
            }
            b += 1;
        }
        self.byte = b;
        // Forget what is behind, once it is most of what is kept.
        let behind = (b - start).min(kept.bytes.len());
        if behind > kept.bytes.len() / 2 {
            kept.bytes.drain(..behind);
            kept.start += behind;
        }
        self.line + 1
    }
}

/// Decodes the file, refusing bytes that are not valid in the configured encoding.
fn decode(bytes: Vec<u8>, encoding: TextEncoding, path: &Path) -> Result<String> {
    match encoding {
        TextEncoding::Utf8 => {
            let bom = bytes.starts_with(b"\xEF\xBB\xBF");
            let mut body = bytes;
            if bom {
                body.drain(..3);
            }
            // Taken over without a copy when it is valid UTF-8.
            String::from_utf8(body).or_else(|e| {
                let at = e.utf8_error().valid_up_to() + 1 + if bom { 3 } else { 0 };
                let (_, _, sjis_bad) = encoding_rs::SHIFT_JIS.decode(e.as_bytes());
                let hint = if sjis_bad {
                    "文字コードを確かめてください"
                } else {
                    "Shift_JIS のファイルのようです。パイプラインファイルで encoding = \"shift_jis\" を指定してください"
                };
                bail!("{} は UTF-8 として読めません（{at} バイト目）。{hint}", path.display())
            })
        }
        TextEncoding::ShiftJis => {
            let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
            if bad {
                let hint =
                    if std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
                        .is_ok()
                    {
                        "UTF-8 のファイルのようです。encoding = \"utf-8\" にしてください"
                    } else {
                        "文字コードを確かめてください"
                    };
                bail!("{} は Shift_JIS として読めません。{hint}", path.display());
            }
            Ok(text.into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Collect;

    fn read(
        path: &Path,
        encoding: TextEncoding,
        header_row: u32,
        max_bytes: u64,
    ) -> Result<RawTable> {
        let mut collect = Collect::default();
        super::read(path, encoding, header_row, max_bytes, &mut collect)?;
        Ok(collect.table.unwrap())
    }

    fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("staff-survey-csv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn reads_utf8_with_bom_and_shift_jis_alike() {
        let text = "回答ID,年代\n1,30歳代\n2,\"40歳代\"\n";
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(text.as_bytes());
        let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(text);
        assert!(!bad);
        let a = read(&temp("a.csv", &with_bom), TextEncoding::Utf8, 1, u64::MAX).unwrap();
        let b = read(&temp("b.csv", &sjis), TextEncoding::ShiftJis, 1, u64::MAX).unwrap();
        for t in [a, b] {
            assert_eq!(t.headers, vec!["回答ID", "年代"]);
            assert_eq!(t.rows.len(), 2);
            assert_eq!(t.rows[1].number, 3);
            assert_eq!(t.rows[1].cells.get(1), Some("40歳代"));
        }
    }

    #[test]
    fn wrong_encoding_gives_a_hint() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("回答ID,年代\n1,30歳代\n");
        let msg = read(&temp("c.csv", &sjis), TextEncoding::Utf8, 1, u64::MAX)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("encoding = \"shift_jis\""), "{msg}");
    }

    #[test]
    fn row_numbers_count_blank_lines_crlf_and_quoted_line_breaks_far_into_the_file() {
        // Line 1 BOM + header; line 2 blank; line 3 a record whose quoted cell spans lines
        // 3-4; line 5 blank (CRLF); then 20,000 records one per line (lines 6..=20005), far
        // beyond the reader's buffer, so the window is emptied many times; then two blank
        // lines and a last record on line 20008.
        let mut text =
            String::from("\u{FEFF}回答ID,自由記述\r\n\r\n1,\"一行目\r\n二行目\"\r\n\r\n");
        for i in 0..20_000 {
            text.push_str(&format!("{},ｱ\r\n", i + 2));
        }
        text.push_str("\n\nlast,x\n");
        let t = read(
            &temp("e.csv", text.as_bytes()),
            TextEncoding::Utf8,
            1,
            u64::MAX,
        )
        .unwrap();
        assert_eq!(t.headers, vec!["回答ID", "自由記述"]);
        assert_eq!(t.rows.len(), 20_002);
        assert_eq!(t.rows[0].number, 3);
        assert_eq!(t.rows[0].cells.get(1), Some("一行目\r\n二行目"));
        assert_eq!(t.rows[1].number, 6);
        assert_eq!(t.rows[20_000].number, 20_005);
        assert_eq!(t.rows[20_000].cells.get(0), Some("20001"));
        assert_eq!(t.rows[20_001].number, 20_008);
    }

    #[test]
    fn header_row_below_the_first_line() {
        let p = temp(
            "d.csv",
            "職員アンケート集計\n\n回答ID,年代\n1,30歳代\n".as_bytes(),
        );
        let t = read(&p, TextEncoding::Utf8, 3, u64::MAX).unwrap();
        assert_eq!(t.headers[0], "回答ID");
        assert_eq!(t.rows[0].number, 4);
    }
}
