//! The cover (表紙): the report's title and facts, the 概要 (survey period, respondents and
//! response rate, the findings linked to the tables they cite, the KGI/KPI status), links to
//! every sheet grouped by section, the response rates, the rows read, and the method notes.

use super::contents::link;
use super::sheet::{self, title_format};
use super::{print, Content, Entry, CONTENTS};
use crate::render::marks::method_notes;
use crate::render::quality_tables::accepted_notice;
use crate::render::sections::Section;
use crate::render::table::{Kind, Table};
use crate::render::Report;
use anyhow::Result;
use rust_xlsxwriter::{Format, FormatAlign, FormatUnderline, Worksheet};

/// The KGI/KPI columns the cover shows.
const INDICATOR_COLUMNS: [&str; 8] = [
    "区分",
    "指標",
    "単位",
    "基準値",
    "現在値",
    "目標値",
    "目標値の条件",
    "判定",
];

/// The columns `names` of `t` (those it has), with their kinds; a unit column an
/// [`Kind::InUnit`] column refers to must be among them.
fn project(t: &Table, names: &[&str]) -> Table {
    let kinds = t.column_kinds();
    let picked: Vec<usize> = names
        .iter()
        .filter_map(|n| t.headers.iter().position(|h| h == n))
        .collect();
    let new_index = |old: usize| picked.iter().position(|&c| c == old).unwrap_or(usize::MAX);
    let mut out = Table::new(
        t.title.clone(),
        picked.iter().map(|&c| t.headers[c].clone()).collect(),
    );
    out.rows = t
        .rows
        .iter()
        .map(|r| picked.iter().map(|&c| r[c].clone()).collect())
        .collect();
    out.kinds = Some(
        picked
            .iter()
            .map(|&c| match kinds[c] {
                Kind::InUnit(u) => Kind::InUnit(new_index(u)),
                Kind::ChangeInUnit(u) => Kind::ChangeInUnit(new_index(u)),
                k => k,
            })
            .collect(),
    );
    out
}

/// The 概要 from `row`: the survey at a glance (period, population, respondents, response
/// rate) and the numbered findings, each linked to the sheet of the table it cites; returns
/// the next free row. The sentences are the findings stage's, worded by `overview`.
fn findings(
    sheet: &mut Worksheet,
    mut row: u32,
    (last_col, span, rest): (u16, f64, f64),
    sections: &[Section],
    plan: &[Entry],
) -> Result<u32> {
    let Some(view) = sections.iter().find_map(|s| s.overview.as_ref()) else {
        return Ok(row);
    };
    let bold = Format::new().set_bold();
    for (k, v) in &view.facts {
        sheet.write_string_with_format(row, 0, k, &bold)?;
        sheet::write_wrapped(sheet, row, 1, last_col, v, &Format::new(), rest, 18.0)?;
        row += 1;
    }
    if view.findings.is_empty() {
        return Ok(row + 1);
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "主な結果", &bold)?;
    row += 1;
    for (k, f) in view.findings.iter().enumerate() {
        let sheet_name = plan.iter().find_map(|e| match e.content {
            Content::Table(n) if n.stem == f.table => Some((e.name.as_str(), e.title.as_str())),
            _ => None,
        });
        let text = format!("{}. {}", k + 1, f.text);
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        sheet::write_wrapped(sheet, row, 0, last_col, &text, &wrap, span, 18.0)?;
        row += 1;
        if let Some((name, title)) = sheet_name {
            // Under the sentence, a link to the table it cites.
            sheet.write_url(row, 0, link(name).set_text(format!("　→ 表「{title}」")))?;
            row += 1;
        }
    }
    Ok(row + 1)
}

pub fn write(
    cover: &mut Worksheet,
    report: &Report,
    sections: &[Section],
    plan: &[Entry],
    book: &str,
) -> Result<()> {
    let p = report.pipeline;
    let bold = Format::new().set_bold();
    let heading = Format::new().set_bold().set_font_size(12);
    let table = |stem: &str| {
        sections
            .iter()
            .flat_map(|s| &s.tables)
            .find(|n| n.stem == stem)
    };
    let indicators = table("indicators").map(|n| project(&n.table, &INDICATOR_COLUMNS));
    let blocks: Vec<&Table> = indicators
        .iter()
        .chain(
            ["response_rates", "row_counts"]
                .iter()
                .filter_map(|s| table(s).map(|n| &n.table)),
        )
        .collect();
    // One set of column widths for every block: the labels of the facts in A and their
    // values from B on, the KGI/KPI columns, and the other tables' columns up to 16
    // characters (their longer text wraps).
    let typed: Vec<_> = blocks.iter().map(|t| sheet::typed_rows(t)).collect();
    let mut widths: Vec<f64> = vec![14.0, 40.0];
    for (k, (t, rows)) in blocks.iter().zip(&typed).enumerate() {
        let main = k == 0 && indicators.is_some();
        for (c, w) in sheet::widths(t, rows).into_iter().enumerate() {
            let w = if main { w } else { w.min(16.0) };
            if c < widths.len() {
                widths[c] = widths[c].max(w);
            } else {
                widths.push(w);
            }
        }
    }
    sheet::set_widths(cover, &widths)?;
    let last_col = widths.len() as u16 - 1;
    let span: f64 = widths.iter().sum();
    let rest: f64 = widths.iter().skip(1).sum();

    let mut row = 0;
    sheet::write_wrapped(cover, row, 0, last_col, book, &title_format(), span, 22.0)?;
    row += 2;
    if let Some(notice) = accepted_notice(report) {
        sheet::write_wrapped(cover, row, 0, last_col, &notice, &bold, span, 18.0)?;
        row += 2;
    }
    let facts = [
        ("組織", p.organisation.clone()),
        ("調査", p.title.clone()),
        ("報告の年度", report.year.japanese()),
        (
            "集計した年度",
            report
                .waves
                .iter()
                .map(|w| w.japanese())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        (
            "データの問題",
            format!(
                "{} 件（シート「データの問題」）、選択肢にない値 {} 種類（シート「選択肢にない回答の要約」）",
                report.issues.len(),
                report.unmatched.len()
            ),
        ),
    ];
    for (k, v) in facts {
        cover.write_string_with_format(row, 0, k, &bold)?;
        sheet::write_wrapped(cover, row, 1, last_col, &v, &Format::new(), rest, 18.0)?;
        row += 1;
    }
    row += 1;

    cover.write_string_with_format(row, 0, "概要", &heading)?;
    row += 1;
    row = findings(cover, row, (last_col, span, rest), sections, plan)?;
    if let (Some(t), Some(rows)) = (&indicators, typed.first()) {
        // The title links to the full table (previous year, changes, progress, intervals).
        match plan.iter().find(|e| e.title == t.title) {
            Some(e) => cover.write_url_with_format(
                row,
                0,
                link(&e.name).set_text(&t.title),
                &bold
                    .clone()
                    .set_font_color(0x0563C1)
                    .set_underline(FormatUnderline::Single),
            )?,
            None => cover.write_string_with_format(row, 0, &t.title, &bold)?,
        };
        let placed = sheet::write_table(cover, t, rows, row + 1, &widths, false, widths.len())?;
        row = placed.last_row + 2;
    }

    cover.write_string_with_format(row, 0, "シート一覧", &heading)?;
    cover.write_url(
        row,
        1,
        link(CONTENTS).set_text("目次（シート名と題名の対応）"),
    )?;
    row += 1;
    let mut section = "";
    for e in plan {
        if e.section != section {
            section = e.section;
            cover.write_string_with_format(row, 0, section, &bold)?;
            row += 1;
        }
        cover.write_url(row, 1, link(&e.name).set_text(&e.title))?;
        row += 1;
    }
    row += 1;

    for (t, rows) in blocks.iter().zip(&typed).skip(indicators.iter().count()) {
        cover.write_string_with_format(row, 0, &t.title, &bold)?;
        let placed = sheet::write_table(cover, t, rows, row + 1, &widths, false, widths.len())?;
        row = placed.last_row + 2;
    }

    cover.write_string_with_format(row, 0, "方法についての注記", &heading)?;
    for note in method_notes(&p.statistics, &report.left_out) {
        row += 1;
        sheet::write_wrapped(
            cover,
            row,
            0,
            last_col,
            &format!("・{note}"),
            &Format::new(),
            span,
            18.0,
        )?;
    }
    print::apply(
        cover,
        print::layout(&widths, 0),
        book,
        "",
        None,
        None,
        (row, last_col),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_projection_keeps_the_unit_its_values_refer_to() {
        let mut t = Table::new(
            "t",
            ["指標", "単位", "向き", "現在値"]
                .map(String::from)
                .to_vec(),
        );
        t.rows.push(
            ["退職者数", "人", "低いほど良い", "11"]
                .map(String::from)
                .to_vec(),
        );
        t.kinds = Some(vec![Kind::Text, Kind::Text, Kind::Text, Kind::InUnit(1)]);
        let p = project(&t, &["指標", "現在値", "単位", "なし"]);
        assert_eq!(p.headers, ["指標", "現在値", "単位"]);
        assert_eq!(p.rows[0], ["退職者数", "11", "人"]);
        assert_eq!(p.kinds.unwrap()[1], Kind::InUnit(2));
    }
}
