//! Conditional formats: the status of each KGI/KPI (判定) in traffic-light colours, changes
//! of indicators coloured by whether they go the indicator's good way (its 向き), and changes
//! of shares in points on a blue (up) – white – orange (down) scale. The share scale says
//! only which way a share moved, not whether that is good: for a negative statement
//! (否定的設問) up is worse.

use super::sheet::Placed;
use crate::indicators::Status;
use crate::render::table::{Kind, Table};
use anyhow::Result;
use rust_xlsxwriter::{
    utility::{column_number_to_name, row_col_to_cell},
    ConditionalFormat3ColorScale, ConditionalFormatCell, ConditionalFormatCellRule,
    ConditionalFormatFormula, ConditionalFormatType, Format, Worksheet,
};

/// Fill and font colours of each status: achieved and on track green, behind and missed red.
pub fn status_colours() -> [(Status, u32, u32); 4] {
    [
        (Status::Achieved, 0xC6EFCE, 0x006100),
        (Status::OnTrack, 0xE2F0D9, 0x375623),
        (Status::Behind, 0xFFC7CE, 0x9C0006),
        (Status::Missed, 0xFF9B9B, 0x7F0000),
    ]
}

/// Changes of shares beyond this many points take the full colour.
const POINTS_SATURATE: f64 = 10.0;
const UP: u32 = 0x9DC3E6;
const DOWN: u32 = 0xF4B183;

/// A column's data cells as a range (`C4:C19`).
fn column_range(placed: &Placed, col: u16) -> String {
    format!(
        "{}:{}",
        row_col_to_cell(placed.first_row, col),
        row_col_to_cell(placed.first_row + placed.rows - 1, col)
    )
}

/// Adds the conditional formats of a table's columns.
pub fn add(sheet: &mut Worksheet, t: &Table, placed: &Placed) -> Result<()> {
    if placed.rows == 0 {
        return Ok(());
    }
    let kinds = t.column_kinds();
    let (first, last) = (placed.first_row, placed.first_row + placed.rows - 1);
    for (c, h) in t.headers.iter().enumerate() {
        if h == "判定" {
            status(sheet, placed, c as u16)?;
        }
    }
    // Changes of shares (not the bounds of their intervals) on one scale across the table.
    let changes: Vec<u16> = kinds
        .iter()
        .zip(&t.headers)
        .enumerate()
        .filter(|(_, (k, h))| **k == Kind::Points && !h.contains("下限") && !h.contains("上限"))
        .map(|(c, _)| c as u16)
        .collect();
    if let Some(&col) = changes.first() {
        let ranges: Vec<String> = changes.iter().map(|c| column_range(placed, *c)).collect();
        let scale = ConditionalFormat3ColorScale::new()
            .set_minimum(ConditionalFormatType::Number, -POINTS_SATURATE)
            .set_midpoint(ConditionalFormatType::Number, 0)
            .set_maximum(ConditionalFormatType::Number, POINTS_SATURATE)
            .set_minimum_color(DOWN)
            .set_midpoint_color(0xFFFFFF)
            .set_maximum_color(UP)
            .set_multi_range(ranges.join(" "));
        sheet.add_conditional_format(first, col, last, col, &scale)?;
    }
    // Changes of indicators: green when they go the good way, red when the bad way.
    let direction = t.headers.iter().position(|h| h == "向き");
    for (c, k) in kinds.iter().enumerate() {
        let (Kind::ChangeInUnit(_), Some(d)) = (k, direction) else {
            continue;
        };
        let cell = row_col_to_cell(first, c as u16);
        let lower = format!(
            "(${}{}=\"低いほど良い\")",
            column_number_to_name(d as u16),
            first + 1
        );
        let good = format!("=AND(ISNUMBER({cell}),{cell}<>0,{lower}=({cell}<0))");
        let bad = format!("=AND(ISNUMBER({cell}),{cell}<>0,{lower}<>({cell}<0))");
        for (rule, colour) in [(good, 0x006100), (bad, 0x9C0006)] {
            let f = ConditionalFormatFormula::new()
                .set_rule(rule.as_str())
                .set_format(Format::new().set_font_color(colour).set_bold());
            sheet.add_conditional_format(first, c as u16, last, c as u16, &f)?;
        }
    }
    Ok(())
}

/// Traffic-light fills for the statuses in a column.
pub fn status(sheet: &mut Worksheet, placed: &Placed, col: u16) -> Result<()> {
    let (first, last) = (placed.first_row, placed.first_row + placed.rows - 1);
    for (s, fill, font) in status_colours() {
        let f = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(s.label()))
            .set_format(
                Format::new()
                    .set_background_color(fill)
                    .set_font_color(font),
            );
        sheet.add_conditional_format(first, col, last, col, &f)?;
    }
    Ok(())
}
