//! Page setup: every sheet prints on A4 with its title and the page number in the page
//! header and footer, the table's header row on every page, scaled to the page width.
//!
//! Orientation and scale come from the column widths the writer set: a sheet wider than a
//! portrait page prints landscape, and a sheet so wide that one page across would shrink its
//! text below [`MIN_SCALE`] (the item tables with 6–8 groups of 6 columns each) prints on as
//! few pages across as keep that scale, with its label columns (設問ID, 設問) repeated on each.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// A4 in Excel's paper-size codes.
const A4: u8 = 9;
/// Page margins in inches: left/right, top/bottom, and the header/footer distance.
const MARGIN_SIDE: f64 = 0.4;
const MARGIN_END: f64 = 0.6;
const MARGIN_HEADER: f64 = 0.3;
/// A4 is 8.27 × 11.69 inches; Excel lays out at 96 pixels per inch at 100 %.
const PORTRAIT_WIDTH_PX: f64 = (8.27 - 2.0 * MARGIN_SIDE) * 96.0;
const LANDSCAPE_WIDTH_PX: f64 = (11.69 - 2.0 * MARGIN_SIDE) * 96.0;
/// Print no smaller than this scale (11 pt text prints at 6.6 pt or larger).
pub const MIN_SCALE: f64 = 0.6;
/// Pages down in "fit to W pages wide by H tall". Excel's "automatic" height (0) makes
/// LibreOffice miscount pages on long sheets whose header row repeats and print a blank page
/// without header or footer (seen with LibreOffice 7.4 on the 816-row 設問別の集計); a
/// height no sheet reaches (1,000 pages, some 40,000 rows) scales the same in Excel and
/// prints no blank page in LibreOffice.
const PAGES_DOWN: u16 = 1000;

/// How a sheet prints.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    pub landscape: bool,
    /// Pages across; the height follows the rows.
    pub pages_wide: u16,
}

/// The width in pixels of a column `width` characters wide (Calibri 11: 7 px a character
/// and 5 px of padding).
pub fn column_px(width: f64) -> f64 {
    (width * 7.0 + 5.0).round()
}

/// The layout of a sheet whose columns are `widths` characters wide, the first `labels` of
/// them repeated on every page across.
pub fn layout(widths: &[f64], labels: usize) -> Layout {
    let total: f64 = widths.iter().map(|w| column_px(*w)).sum();
    // Up to 10 % shrinking keeps a sheet portrait; wider sheets turn.
    let landscape = total > PORTRAIT_WIDTH_PX / 0.9;
    let page = if landscape {
        LANDSCAPE_WIDTH_PX
    } else {
        PORTRAIT_WIDTH_PX
    } / MIN_SCALE;
    let repeated: f64 = widths.iter().take(labels).map(|w| column_px(*w)).sum();
    let pages_wide = if total <= page || repeated >= page / 2.0 {
        1
    } else {
        ((total - repeated) / (page - repeated)).ceil() as u16
    };
    Layout {
        landscape,
        pages_wide,
    }
}

/// How many columns from the left print on the first page across: all of them when the
/// sheet is one page wide, else about a `pages_wide`-th of the columns after the repeated
/// labels, plus the labels. Titles and notes wrap within these so no page cuts them.
pub fn first_page_columns(widths: &[f64], layout: Layout, labels: usize) -> usize {
    if layout.pages_wide <= 1 {
        return widths.len();
    }
    let px: Vec<f64> = widths.iter().map(|w| column_px(*w)).collect();
    let repeated: f64 = px.iter().take(labels).sum();
    let total: f64 = px.iter().sum();
    let page = repeated + (total - repeated) / layout.pages_wide as f64;
    let mut used = 0.0;
    let fit = px
        .iter()
        .take_while(|w| {
            used += **w;
            used <= page
        })
        .count();
    fit.max(labels + 1).min(widths.len())
}

/// Escapes `&` for Excel's header and footer codes.
fn escape(text: &str) -> String {
    text.replace('&', "&&")
}

/// Applies A4, orientation, fit to width, margins, the header (`title` left, `book` right)
/// and footer (`n / N ページ`), the rows to repeat on every page and the print area.
pub fn apply(
    sheet: &mut Worksheet,
    layout: Layout,
    title: &str,
    book: &str,
    repeat_rows: Option<(u32, u32)>,
    repeat_cols: Option<(u16, u16)>,
    area: (u32, u16),
) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    if layout.landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet.set_print_fit_to_pages(layout.pages_wide, PAGES_DOWN);
    sheet.set_margins(
        MARGIN_SIDE,
        MARGIN_SIDE,
        MARGIN_END,
        MARGIN_END,
        MARGIN_HEADER,
        MARGIN_HEADER,
    );
    sheet.set_print_center_horizontally(true);
    // Excel refuses a header over 255 characters; the sheet's tab name (&A) then stands in.
    let header = format!("&L{}&R{}", escape(title), escape(book));
    let header = if header.chars().count() <= 250 {
        header
    } else {
        format!(
            "&L&A&R{}",
            escape(book).chars().take(100).collect::<String>()
        )
    };
    sheet.set_header(header);
    sheet.set_footer("&L&A&R&P / &N ページ");
    if let Some((first, last)) = repeat_rows {
        sheet.set_repeat_rows(first, last)?;
    }
    if let (Some((first, last)), true) = (repeat_cols, layout.pages_wide > 1) {
        sheet.set_repeat_columns(first, last)?;
    }
    sheet.set_print_area(0, 0, area.0, area.1)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Page widths by hand: portrait (8.27 − 0.8) × 96 = 717 px, landscape (11.69 − 0.8) × 96
    // = 1045 px; at the 60 % minimum scale a page holds 1195 px (portrait) or 1742 px
    // (landscape) of columns.
    #[test]
    fn narrow_sheets_stay_portrait_on_one_page_across() {
        // 5 columns of 10 characters: 5 × 75 px = 375 px.
        assert_eq!(
            layout(&[10.0; 5], 0),
            Layout {
                landscape: false,
                pages_wide: 1
            }
        );
    }

    #[test]
    fn wide_sheets_turn_and_very_wide_ones_span_pages_with_labels_repeated() {
        // 12 columns of 10: 900 px > 717 / 0.9 = 797 px → landscape, one page across.
        assert_eq!(
            layout(&[10.0; 12], 0),
            Layout {
                landscape: true,
                pages_wide: 1
            }
        );
        // Labels 6 + 40 characters (47 + 285 = 332 px) and 48 columns of 8 (61 px each,
        // 2928 px): 3260 px. Per page after the repeated labels 1742 − 332 = 1410 px, for
        // 3260 − 332 = 2928 px → 3 pages across.
        let mut widths = vec![6.0, 40.0];
        widths.extend([8.0; 48]);
        let wide = layout(&widths, 2);
        assert_eq!(
            wide,
            Layout {
                landscape: true,
                pages_wide: 3
            }
        );
        // The first page across: the labels (332 px) and a third of the rest (976 px), so
        // 1308 px: 16 columns of 61 px (976) after the labels → 18 columns.
        assert_eq!(first_page_columns(&widths, wide, 2), 18);
        assert_eq!(first_page_columns(&[10.0; 5], layout(&[10.0; 5], 0), 0), 5);
    }
}
