//! A table on a sheet: its title, the header row, the typed cells and the note under it.
//! Column widths follow the text as shown (rust_xlsxwriter's autofit undercounts Japanese);
//! long text wraps inside its column, and the title and note wrap across the table's width so
//! nothing runs past the printed area.

use super::cells::{cell, display_width, Cell};
use super::highlight;
use crate::render::table::{Kind, Table};
use anyhow::Result;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet};

/// Where a table landed on its sheet (rows and columns zero-based).
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub header_row: u32,
    /// The first data row and the number of data rows.
    pub first_row: u32,
    pub rows: u32,
    /// The last row used (the note's, when there is one) and the last column.
    pub last_row: u32,
    pub last_col: u16,
}

/// Widest a text column grows before its text wraps, in Excel characters: roomy for tables
/// with few text columns (an item label with （否定的設問） fits), narrow for tables made of
/// text (the ranked options per group).
const TEXT_WIDE: usize = 48;
const TEXT_NARROW: usize = 18;
/// Excel draws a Japanese character about 2.1 digits wide (14.7 px against 7 px at 11 pt);
/// [`display_width`] counts 2.
const WIDE_GLYPH: f64 = 1.05;
/// A header wraps past this width rather than widening a column of numbers.
const HEADER_WRAP: usize = 6;
/// Height of one line of wrapped 11 pt text, in points, with room for Japanese fonts.
const LINE_PT: f64 = 18.0;
/// Height of one line of text in a table cell, in points. Row heights are set, not left to
/// the application: LibreOffice does not grow a row for wrapped text when it opens the file.
const CELL_LINE_PT: f64 = 16.0;

/// The typed cells of a table, row by row.
pub fn typed_rows(t: &Table) -> Vec<Vec<Cell>> {
    let kinds = t.column_kinds();
    t.rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(c, text)| cell(kinds.get(c).copied().unwrap_or(Kind::Text), text, row))
                .collect()
        })
        .collect()
}

/// Column widths in Excel characters: numbers as wide as their widest shown value (their
/// header wraps), text up to [`TEXT_WIDE`] or, in tables of many text columns,
/// [`TEXT_NARROW`].
pub fn widths(t: &Table, rows: &[Vec<Cell>]) -> Vec<f64> {
    let kinds = t.column_kinds();
    let n = t.headers.len();
    let mut shown = vec![0usize; n];
    for row in rows {
        for (c, cell) in row.iter().enumerate().take(n) {
            shown[c] = shown[c].max(cell.shown_width());
        }
    }
    let is_text = |c: usize| kinds.get(c).copied().unwrap_or(Kind::Text) == Kind::Text;
    let long_text = (0..n)
        .filter(|&c| is_text(c) && shown[c] > TEXT_NARROW)
        .count();
    let cap = if long_text > 3 {
        TEXT_NARROW
    } else {
        TEXT_WIDE
    };
    (0..n)
        .map(|c| {
            let header = display_width(&t.headers[c]);
            let w = if is_text(c) {
                // A header wraps rather than widen a column of short text (注).
                let header = header.min(shown[c].max(HEADER_WRAP));
                ((shown[c].max(header) as f64 * WIDE_GLYPH).ceil() as usize).min(cap)
            } else {
                (shown[c] + 1).max(header.min(HEADER_WRAP))
            };
            w.max(4) as f64 + 1.0
        })
        .collect()
}

/// Sets the column widths.
pub fn set_widths(sheet: &mut Worksheet, widths: &[f64]) -> Result<()> {
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// How many lines `text` takes wrapped in a column `width` Excel characters wide.
pub fn lines(text: &str, width: f64) -> f64 {
    let shown = display_width(text) as f64 * WIDE_GLYPH;
    // A character of padding.
    let room = (width - 1.0).max(1.0);
    (shown / room).ceil().max(1.0)
}

/// The height in points of a row holding `text` wrapped across `width` Excel characters.
pub fn wrapped_height(text: &str, width: f64, line_pt: f64) -> f64 {
    (lines(text, width) * line_pt).min(409.0)
}

/// Sets a row's height for the most lines any of its wrapping cells takes, when over one.
fn fit_row(sheet: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<()> {
    let most = cells
        .iter()
        .map(|(text, width)| lines(text, *width))
        .fold(1.0, f64::max);
    if most > 1.0 {
        sheet.set_row_height(row, (most * CELL_LINE_PT + 2.0).min(409.0))?;
    }
    Ok(())
}

/// Writes `text` across columns `first_col..=last_col` of `row`, wrapped, and sizes the row
/// for it (`width` is the width of those columns).
#[allow(clippy::too_many_arguments)]
pub fn write_wrapped(
    sheet: &mut Worksheet,
    row: u32,
    first_col: u16,
    last_col: u16,
    text: &str,
    format: &Format,
    width: f64,
    line_pt: f64,
) -> Result<()> {
    let format = format.clone().set_text_wrap().set_align(FormatAlign::Top);
    if last_col <= first_col {
        sheet.write_string_with_format(row, first_col, text, &format)?;
    } else {
        sheet.merge_range(row, first_col, row, last_col, text, &format)?;
    }
    sheet.set_row_height(row, wrapped_height(text, width, line_pt))?;
    Ok(())
}

/// The note under a table, one sentence group per row so no row outgrows Excel's 409 points.
fn note_paragraphs(note: &str, width: f64) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for sentence in note.split_inclusive('。') {
        let longer = format!("{current}{sentence}");
        if !current.is_empty() && wrapped_height(&longer, width, LINE_PT) > 200.0 {
            out.push(std::mem::take(&mut current));
            current = sentence.to_string();
        } else {
            current = longer;
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

pub fn title_format() -> Format {
    Format::new().set_bold().set_font_size(13)
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xEEF4F9)
        .set_border(FormatBorder::Thin)
        .set_border_color(0xB0B0B0)
}

fn cell_format() -> Format {
    Format::new()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(0xD0D0D0)
}

/// Writes `t` from `row0`: its title (when `with_title`), a blank row, the header row, the
/// rows and, after a blank row, the note; `widths` are the sheet's column widths, and the
/// title and note wrap across the first `span_cols` columns (those on the first page across).
/// Adds the conditional formats of its columns.
pub fn write_table(
    sheet: &mut Worksheet,
    t: &Table,
    rows: &[Vec<Cell>],
    row0: u32,
    widths: &[f64],
    with_title: bool,
    span_cols: usize,
) -> Result<Placed> {
    let last_col = t.headers.len().saturating_sub(1) as u16;
    let span_cols = span_cols.clamp(1, t.headers.len().max(1));
    let span: f64 = widths.iter().take(span_cols).sum();
    let span_last = span_cols as u16 - 1;
    let width = |c: usize| widths.get(c).copied().unwrap_or(8.0);
    let mut row = row0;
    if with_title {
        write_wrapped(
            sheet,
            row,
            0,
            span_last,
            &t.title,
            &title_format(),
            span,
            20.0,
        )?;
        row += 2;
    }
    let header_row = row;
    let header = header_format();
    for (c, h) in t.headers.iter().enumerate() {
        sheet.write_string_with_format(header_row, c as u16, h, &header)?;
    }
    let header_cells: Vec<(&str, f64)> = t
        .headers
        .iter()
        .enumerate()
        .map(|(c, h)| (h.as_str(), width(c)))
        .collect();
    fit_row(sheet, header_row, &header_cells)?;
    let kinds = t.column_kinds();
    let base = cell_format();
    let first_row = header_row + 1;
    for (r, cells) in rows.iter().enumerate() {
        let row = first_row + r as u32;
        let wrapping: Vec<(&str, f64)> = cells
            .iter()
            .enumerate()
            .filter_map(|(c, value)| match value {
                Cell::Text(text) if kinds.get(c).copied().unwrap_or(Kind::Text) == Kind::Text => {
                    Some((text.as_str(), width(c)))
                }
                _ => None,
            })
            .collect();
        fit_row(sheet, row, &wrapping)?;
        for (c, value) in cells.iter().enumerate() {
            let col = c as u16;
            match value {
                Cell::Empty => {
                    sheet.write_blank(row, col, &base)?;
                }
                Cell::Text(text) => {
                    let f = if kinds.get(c).copied().unwrap_or(Kind::Text) == Kind::Text {
                        base.clone().set_text_wrap()
                    } else {
                        // A marker (＊, -, <0.001) in a column of numbers lines up with them.
                        base.clone().set_align(FormatAlign::Right)
                    };
                    sheet.write_string_with_format(row, col, text, &f)?;
                }
                Cell::Number(v, num_format) => {
                    let f = base.clone().set_num_format(num_format);
                    sheet.write_number_with_format(row, col, *v, &f)?;
                }
            }
        }
    }
    let placed_rows = rows.len() as u32;
    let mut last_row = if placed_rows == 0 {
        header_row
    } else {
        first_row + placed_rows - 1
    };
    if rows.is_empty() {
        last_row += 1;
        sheet.write_string(last_row, 0, "（該当なし）")?;
    }
    if !t.note.is_empty() {
        last_row += 1;
        for paragraph in note_paragraphs(&t.note, span) {
            last_row += 1;
            write_wrapped(
                sheet,
                last_row,
                0,
                span_last,
                &paragraph,
                &Format::new(),
                span,
                LINE_PT,
            )?;
        }
    }
    let placed = Placed {
        header_row,
        first_row,
        rows: placed_rows,
        last_row,
        last_col,
    };
    highlight::add(sheet, t, &placed)?;
    Ok(placed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_the_shown_values_and_wrap_long_headers() {
        let mut t = Table::new(
            "t",
            vec!["設問".into(), "10～20歳代 否定的（%）".into(), "n".into()],
        );
        t.rows
            .push(vec!["満足している".into(), "33.3".into(), "1185".into()]);
        t.kinds = Some(vec![Kind::Text, Kind::Percent, Kind::Number]);
        let rows = typed_rows(&t);
        // 設問: max(12 for the value, 4 for the header) × 1.05 = 12.6 → 13, + 1; the share
        // shows "33.3%" (5) + 1 against a header wrapped at 6 → 6 + 1; the count "1185" (4)
        // + 1 → 5, + 1.
        assert_eq!(widths(&t, &rows), vec![14.0, 7.0, 6.0]);
    }

    #[test]
    fn wrapped_rows_grow_with_their_text() {
        // 40 wide characters = 80 units × 1.05 = 84 over 20 − 1 → 5 lines of 18 pt.
        assert_eq!(wrapped_height(&"あ".repeat(40), 20.0, 18.0), 90.0);
        assert_eq!(wrapped_height("a", 20.0, 18.0), 18.0);
        // A column sized for its text keeps it on one line: 「やりがい」別 is 14 units,
        // 14.7 drawn, so ceil(14.7) + 1 = 16 wide.
        assert_eq!(lines("「やりがい」別", 16.0), 1.0);
        assert_eq!(lines("「やりがい」別", 15.0), 2.0);
        assert_eq!(wrapped_height(&"あ".repeat(4000), 20.0, 18.0), 409.0);
    }
}
