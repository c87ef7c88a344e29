//! Reading the exports as `run` will: the CSV encoding detected (UTF-8 with or without BOM,
//! else Shift_JIS) unless given, the sheet given or the first, and the header row found
//! below any title rows.

use crate::ingest::{read_table, RawRow, RawTable};
use crate::pipeline::{Limits, SourceFile, SourceFormat, TextEncoding};
use anyhow::{bail, Context, Result};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One export as read, and how to read it again.
#[derive(Debug, Clone)]
pub struct Export {
    pub path: PathBuf,
    pub table: RawTable,
    pub layout: Layout,
}

/// How an export was read: what the pipeline file's `[[waves]]` entry must say to read it
/// the same way, and what its comments tell the user.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Sheet read (spreadsheets).
    pub sheet: Option<String>,
    /// Encoding (CSV) and whether it was detected rather than given.
    pub encoding: Option<(TextEncoding, bool)>,
    /// 1-based row of the headers.
    pub header_row: u32,
    /// Text of the title rows above the headers, if any.
    pub title: Option<String>,
}

impl Layout {
    /// `Shift_JIS（自動判定）`, `UTF-8`: the encoding of a CSV export for messages.
    pub fn encoding_note(&self) -> Option<String> {
        let (e, detected) = self.encoding?;
        let name = match e {
            TextEncoding::ShiftJis => "Shift_JIS",
            TextEncoding::Utf8 => "UTF-8",
        };
        Some(format!(
            "{name}{}",
            if detected { "（自動判定）" } else { "" }
        ))
    }
}

fn is_csv(path: &Path) -> Result<bool> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => Ok(true),
        "xlsx" | "xlsm" | "xls" | "ods" => Ok(false),
        _ => bail!(
            "{} の形式がわかりません。xlsx / xlsm / xls / ods / csv のファイルを指定してください",
            path.display()
        ),
    }
}

/// The encoding named on the command line.
pub fn parse_encoding(text: &str) -> Result<TextEncoding> {
    match text.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
        "utf8" => Ok(TextEncoding::Utf8),
        "shiftjis" | "sjis" | "cp932" | "windows31j" => Ok(TextEncoding::ShiftJis),
        _ => bail!("--encoding「{text}」は使えません。utf-8 か shift_jis を指定してください"),
    }
}

/// UTF-8 when the bytes are valid UTF-8 (a BOM is allowed), else Shift_JIS.
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(body).is_ok() {
        TextEncoding::Utf8
    } else {
        TextEncoding::ShiftJis
    }
}

/// Reads one export: sheet `sheet` (or the first), CSV in `encoding` (or detected).
pub fn read_export(path: &Path, sheet: Option<&str>, encoding: Option<&str>) -> Result<Export> {
    if !path.is_file() {
        bail!(
            "{} が見つかりません。ファイル名とフォルダを確かめてください",
            path.display()
        );
    }
    let csv = is_csv(path)?;
    let (format, enc) = if csv {
        let (e, detected) = match encoding {
            Some(e) => (parse_encoding(e)?, false),
            None => {
                let bytes = std::fs::read(path)
                    .with_context(|| {
                        format!(
                            "{} を読めません。ほかのプログラムで開いていないか、読む権限があるか確かめてください",
                            path.display()
                        )
                    })?;
                (detect_encoding(&bytes), true)
            }
        };
        (SourceFormat::Csv { encoding: e }, Some((e, detected)))
    } else {
        (
            SourceFormat::Spreadsheet {
                sheet: sheet.map(str::to_string),
            },
            None,
        )
    };
    let source = |header_row| SourceFile {
        path: path.to_path_buf(),
        format: format.clone(),
        header_row,
        limits: Limits::default(),
    };
    // The first row that exists (a sheet's used range may start below row 1).
    let mut first = None;
    for row in 1..=20 {
        match read_table(&source(row)) {
            Ok(t) => {
                first = Some((row, t));
                break;
            }
            Err(e) => {
                let msg = format!("{e:#}");
                if msg.contains("は空です") && !csv {
                    bail!("{msg}。回答の入ったシートを --sheet で指定してください");
                }
                if !msg.contains("見出し行") {
                    return Err(e);
                }
            }
        }
    }
    let Some((first_row, table)) = first else {
        bail!(
            "{} は空です（最初の 20 行に見出しの行がありません）。回答を書き出したファイルを指定してください",
            path.display()
        );
    };
    let mut grid: Vec<RawRow> = vec![RawRow {
        number: first_row,
        cells: table.headers.iter().collect(),
    }];
    grid.extend(table.rows.iter().take(30).cloned());
    let header = header_index(&grid);
    let header_row = grid[header].number;
    let title: Vec<String> = grid[..header]
        .iter()
        .flat_map(|r| r.cells.iter())
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    let table = if header_row == first_row {
        table
    } else {
        read_table(&source(header_row))?
    };
    if table.headers.iter().all(|h| h.trim().is_empty()) || table.rows.is_empty() {
        bail!(
            "{} に回答の行が見つかりません。見出しの行と回答の行があるファイルか確かめてください",
            path.display()
        );
    }
    Ok(Export {
        path: path.to_path_buf(),
        layout: Layout {
            sheet: table.sheet.clone(),
            encoding: enc,
            header_row,
            title: (!title.is_empty()).then(|| title.join(" ")),
        },
        table,
    })
}

/// The header row among the first rows: the first whose cells are mostly filled (at least
/// half the table's width and more than one), mostly distinct (a header may be repeated,
/// see `waves`), and mostly not numbers. Title rows above it have one or two cells.
pub fn header_index(rows: &[RawRow]) -> usize {
    let width = rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .rposition(|c| !c.trim().is_empty())
                .map_or(0, |i| i + 1)
        })
        .max()
        .unwrap_or(0);
    for (i, r) in rows.iter().enumerate() {
        let filled: Vec<&str> = r
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let distinct: BTreeSet<&str> = filled.iter().copied().collect();
        let numbers = filled.iter().filter(|c| c.parse::<f64>().is_ok()).count();
        if filled.len() >= 2
            && filled.len() * 2 >= width
            && distinct.len() * 2 > filled.len()
            && numbers * 2 < filled.len()
        {
            return i;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32, cells: &[&str]) -> RawRow {
        RawRow {
            number: n,
            cells: cells.iter().collect(),
        }
    }

    #[test]
    fn header_row_below_title_rows() {
        let rows = vec![
            row(1, &["令和5年度 職員アンケート 回答一覧", "", "", ""]),
            row(2, &["", "", "", ""]),
            row(
                3,
                &["回答ID", "年代", "所属", "問1 仕事にやりがいを感じている"],
            ),
            row(4, &["1", "30歳代", "総務部", "そう思う"]),
        ];
        assert_eq!(header_index(&rows), 2);
        assert_eq!(header_index(&rows[2..]), 0);
    }

    #[test]
    fn encodings_are_detected() {
        let text = "回答ID,年代\n1,30歳代\n";
        assert_eq!(detect_encoding(text.as_bytes()), TextEncoding::Utf8);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(detect_encoding(&bom), TextEncoding::Utf8);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        assert_eq!(detect_encoding(&sjis), TextEncoding::ShiftJis);
        assert_eq!(parse_encoding("Shift_JIS").unwrap(), TextEncoding::ShiftJis);
        assert!(parse_encoding("euc-jp").is_err());
    }
}
