//! Reading CSV exports (UTF-8 with or without BOM, or Shift_JIS/CP932) into a [`RowSink`].
//!
//! A UTF-8 file is checked a record at a time as it is parsed (simdutf8); when a record is
//! not valid UTF-8, the whole file is decoded to report the first bad byte once, with a
//! hint, instead of garbled labels. A Shift_JIS file is decoded whole first. Row numbers are
//! the line on which each record starts, as a text editor or Excel shows it.

use super::{Cells, RawRow, RawTable, RowSink};
use crate::pipeline::TextEncoding;
use anyhow::{bail, Context, Result};
use std::path::Path;

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
    let bytes = std::fs::read(path).with_context(|| format!("{} を読めません", path.display()))?;
    let text = match encoding {
        // Each record is checked as it is read; the whole file only when one fails.
        TextEncoding::Utf8 => bytes,
        TextEncoding::ShiftJis => decode(bytes, encoding, path)?.into_bytes(),
    };
    let body = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
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
            return Err(decode(text.clone(), encoding, path)
                .err()
                .unwrap_or_else(|| {
                    anyhow::anyhow!("{} は UTF-8 として読めません", path.display())
                }));
        };
        let number = lines.line_at(
            body,
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

/// Line numbers of record starts. The csv crate reports where it began scanning, which is
/// before any blank lines it skipped; this moves past them to the record's first line.
#[derive(Default)]
struct LineCounter {
    byte: usize,
    line: u32,
}

impl LineCounter {
    fn line_at(&mut self, bytes: &[u8], byte: usize) -> u32 {
        let mut b = byte.min(bytes.len());
        if b < self.byte {
            self.byte = 0;
            self.line = 0;
        }
        self.line += memchr::memchr_iter(b'\n', &bytes[self.byte..b]).count() as u32;
        while b < bytes.len() && (bytes[b] == b'\n' || bytes[b] == b'\r') {
            if bytes[b] == b'\n' {
                self.line += 1;
            }
            b += 1;
        }
        self.byte = b;
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
