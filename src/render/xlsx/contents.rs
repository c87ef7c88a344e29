//! The contents sheet (目次): every sheet's short tab name, linked to the sheet, beside its
//! full title and section, and what the colours of the conditional formats mean.

use super::print;
use super::sheet;
use super::{Content, Entry};
use crate::render::table::{Kind, Table};
use anyhow::Result;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Url, Worksheet};

/// The link that opens a sheet at A1.
pub fn link(name: &str) -> Url {
    Url::new(format!("internal:'{}'!A1", name.replace('\'', "''")))
}

const HEADERS: [&str; 4] = ["No.", "シート", "表・図の題名", "節"];

/// What the colours mean, under the list.
pub const COLOUR_NOTE: [&str; 3] = [
    "シート名は短い名前です。正式な題名は上の一覧と、各シートの1行目・印刷時のページ上部にあります。",
    "KGI・KPI の判定の色: 緑は「目標達成」「順調」、赤は「遅れ」「未達成」です。前年度・基準値からの変化は、指標の向き（高いほど良い・低いほど良い）に照らして良い方向なら緑、悪い方向なら赤の文字で示します。",
    "割合の変化（pt）の色: 青は上昇、橙は低下を示し、10ポイント以上で最も濃くなります。良し悪しではなく向きだけを示します（否定的設問では上昇は望ましくない変化です）。",
];

pub fn write(sheet: &mut Worksheet, plan: &[Entry], book: &str) -> Result<()> {
    // The table is written as text first (for widths), then the names become links.
    let mut t = Table::new("目次", HEADERS.map(String::from).to_vec());
    for (k, e) in plan.iter().enumerate() {
        let kind = match e.content {
            Content::Table(_) => "",
            Content::Chart => "（図）",
        };
        t.rows.push(vec![
            (k + 1).to_string(),
            e.name.clone(),
            format!("{}{kind}", e.title),
            e.section.to_string(),
        ]);
    }
    t.kinds = Some(vec![Kind::Number, Kind::Text, Kind::Text, Kind::Text]);
    let rows = sheet::typed_rows(&t);
    let widths = sheet::widths(&t, &rows);
    sheet::set_widths(sheet, &widths)?;
    let placed = sheet::write_table(sheet, &t, &rows, 0, &widths, true, widths.len())?;
    let link_format = Format::new()
        .set_font_color(0x0563C1)
        .set_underline(rust_xlsxwriter::FormatUnderline::Single)
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(0xD0D0D0);
    for (k, e) in plan.iter().enumerate() {
        let row = placed.first_row + k as u32;
        sheet.write_url_with_format(row, 1, link(&e.name).set_text(&e.name), &link_format)?;
    }
    let span: f64 = widths.iter().sum();
    let mut last_row = placed.last_row + 1;
    for note in COLOUR_NOTE {
        last_row += 1;
        sheet::write_wrapped(
            sheet,
            last_row,
            0,
            placed.last_col,
            note,
            &Format::new(),
            span,
            18.0,
        )?;
    }
    sheet.set_freeze_panes(placed.first_row, 0)?;
    print::apply(
        sheet,
        print::layout(&widths, 0),
        "目次",
        book,
        Some((placed.header_row, placed.header_row)),
        None,
        (last_row, placed.last_col),
    )?;
    Ok(())
}
