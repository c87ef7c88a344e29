//! `report.xlsx`: a cover sheet, then one sheet per table with Japanese headers, written from
//! the same tables as the CSV files so Excel shows exactly their numbers.
//!
//! Percentages are stored as numbers with a `%` format (62.2 → 0.622 shown as 62.2%), other
//! numbers with the decimals they are printed with; markers (x, -, <0.001) stay text. Header
//! rows are frozen, widths follow the display width of Japanese text (rust_xlsxwriter's
//! autofit undercounts it), and native Excel charts show the age-band shares and the
//! progress of each KGI/KPI. The creation time is fixed so the file is the same on every run.

use super::marks::method_notes;
use super::sections::Section;
use super::table::{Kind, Table};
use super::Report;
use anyhow::Result;
use rust_xlsxwriter::{
    Chart, ChartType, DocProperties, ExcelDateTime, Format, Workbook, Worksheet,
};
use std::collections::BTreeSet;

/// Display width of text in Excel character units: East Asian wide characters count 2.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let u = c as u32;
            let wide = (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in the book.
fn sheet_name(title: &str, used: &mut BTreeSet<String>) -> String {
    let base: String = title
        .split('（')
        .next()
        .unwrap_or(title)
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let base = if base.trim().is_empty() {
        "表".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut k = 2;
    while !used.insert(name.clone()) {
        name = format!("{base}{k}");
        k += 1;
    }
    name
}

/// Number format for a printed number: its decimals, and a sign when it was printed with one.
fn number_format(text: &str) -> String {
    let decimals = text.split('.').nth(1).map(str::len).unwrap_or(0);
    let body = if decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(decimals))
    };
    if text.starts_with('+') {
        format!("+{body};-{body};{body}")
    } else {
        body
    }
}

fn percent_format(text: &str) -> String {
    let decimals = text.split('.').nth(1).map(str::len).unwrap_or(0);
    if decimals == 0 {
        "0%".into()
    } else {
        format!("0.{}%", "0".repeat(decimals))
    }
}

/// Writes one table at `row0` and returns the row after it.
fn write_table(
    sheet: &mut Worksheet,
    t: &Table,
    row0: u32,
    widths: &mut Vec<usize>,
) -> Result<u32> {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(0xEEF4F9);
    for (c, h) in t.headers.iter().enumerate() {
        sheet.write_string_with_format(row0, c as u16, h, &header)?;
        grow(widths, c, display_width(h).min(24));
    }
    let kinds = t.column_kinds();
    for (r, cells) in t.rows.iter().enumerate() {
        let row = row0 + 1 + r as u32;
        for (c, text) in cells.iter().enumerate() {
            grow(widths, c, display_width(text));
            let kind = kinds.get(c).copied().unwrap_or(Kind::Text);
            let value: Option<f64> = text.parse().ok().filter(|v: &f64| v.is_finite());
            match (kind, value) {
                (Kind::Percent, Some(_)) => {
                    // "78.1e-2" parses to the double nearest 0.781, where 78.1 / 100 would not.
                    let v: f64 = format!("{text}e-2").parse()?;
                    let f = Format::new().set_num_format(percent_format(text));
                    sheet.write_number_with_format(row, c as u16, v, &f)?;
                }
                (Kind::Number, Some(v)) => {
                    let f = Format::new().set_num_format(number_format(text));
                    sheet.write_number_with_format(row, c as u16, v, &f)?;
                }
                _ if !text.is_empty() => {
                    sheet.write_string(row, c as u16, text)?;
                }
                _ => {}
            }
        }
    }
    let mut next = row0 + 1 + t.rows.len() as u32;
    if !t.note.is_empty() {
        next += 1;
        sheet.write_string(next, 0, &t.note)?;
        next += 1;
    }
    Ok(next)
}

fn grow(widths: &mut Vec<usize>, c: usize, w: usize) {
    if widths.len() <= c {
        widths.resize(c + 1, 4);
    }
    widths[c] = widths[c].max(w);
}

fn set_widths(sheet: &mut Worksheet, widths: &[usize]) -> Result<()> {
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w as f64 + 2.0).min(60.0))?;
    }
    Ok(())
}

/// A clustered bar chart of the percent columns of an item table (one series per group).
fn shares_chart(sheet_name: &str, t: &Table) -> Option<Chart> {
    let label_col = t.headers.iter().position(|h| h == "設問")?;
    let n = t.rows.len() as u32;
    if n == 0 {
        return None;
    }
    let mut chart = Chart::new(ChartType::Bar);
    for (c, h) in t.headers.iter().enumerate() {
        let share_of_group = h.strip_suffix("（%）").filter(|g| {
            !g.ends_with(" 否定的") && !g.ends_with(" 中立") && !g.ends_with(" 無回答")
        });
        if let Some(group) = share_of_group {
            chart
                .add_series()
                .set_name(group)
                .set_categories((sheet_name, 1, label_col as u16, n, label_col as u16))
                .set_values((sheet_name, 1, c as u16, n, c as u16));
        }
    }
    chart.title().set_name(t.title.as_str());
    chart.x_axis().set_num_format("0%");
    chart.y_axis().set_reverse();
    chart.set_width(900).set_height(40 * n + 160);
    Some(chart)
}

/// A bar chart of each indicator's progress toward its target.
fn progress_chart(sheet_name: &str, t: &Table) -> Option<Chart> {
    let name_col = t.headers.iter().position(|h| h == "指標")?;
    let progress_col = t.headers.iter().position(|h| h == "進捗率（%）")?;
    let n = t.rows.len() as u32;
    if n == 0 {
        return None;
    }
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name("進捗率")
        .set_categories((sheet_name, 1, name_col as u16, n, name_col as u16))
        .set_values((sheet_name, 1, progress_col as u16, n, progress_col as u16));
    chart.title().set_name("KGI・KPI の目標への進捗率");
    chart.x_axis().set_num_format("0%");
    chart.y_axis().set_reverse();
    chart.set_width(900).set_height(30 * n + 160);
    Some(chart)
}

/// The whole workbook as bytes.
pub fn report(report: &Report, sections: &[Section]) -> Result<Vec<u8>> {
    let p = report.pipeline;
    let mut book = Workbook::new();
    // Fixed creation time (the first day of the report's fiscal year), never the clock.
    let created = ExcelDateTime::from_ymd(report.year.0.clamp(1900, 9999) as u16, 4, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{} {} 報告（{}）",
                p.organisation, p.title, report.year
            ))
            .set_author("staff-survey")
            .set_creation_datetime(&created),
    );
    let mut used = BTreeSet::new();

    // Cover sheet.
    let cover = book.add_worksheet();
    cover.set_name(sheet_name("表紙", &mut used))?;
    let bold = Format::new().set_bold();
    let mut row = 0;
    cover.write_string_with_format(
        row,
        0,
        format!("{} {} 報告（{}）", p.organisation, p.title, report.year),
        &bold,
    )?;
    row += 2;
    if let Some(notice) = super::quality_tables::accepted_notice(report) {
        cover.write_string_with_format(row, 0, notice, &bold)?;
        row += 2;
    }
    for (k, v) in [
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
    ] {
        cover.write_string_with_format(row, 0, k, &bold)?;
        cover.write_string(row, 1, v)?;
        row += 1;
    }
    row += 1;
    let mut widths = vec![14, 40];
    for s in sections {
        for n in s
            .tables
            .iter()
            .filter(|n| ["response_rates", "row_counts"].contains(&n.stem.as_str()))
        {
            cover.write_string_with_format(row, 0, &n.table.title, &bold)?;
            row = write_table(cover, &n.table, row + 1, &mut widths)? + 1;
        }
    }
    cover.write_string_with_format(row, 0, "方法についての注記", &bold)?;
    row += 1;
    for note in method_notes(&p.statistics) {
        cover.write_string(row, 0, format!("・{note}"))?;
        row += 1;
    }
    widths[0] = widths[0].max(14);
    set_widths(cover, &widths[..widths.len().min(6)])?;

    // One sheet per table.
    for s in sections {
        for n in &s.tables {
            let name = sheet_name(&n.table.title, &mut used);
            let sheet = book.add_worksheet();
            sheet.set_name(&name)?;
            let mut widths = Vec::new();
            let end = write_table(sheet, &n.table, 0, &mut widths)?;
            set_widths(sheet, &widths)?;
            sheet.set_freeze_panes(1, 0)?;
            let chart = if n.stem == "indicators" {
                progress_chart(&name, &n.table)
            } else if n.stem.starts_with("items_by_") {
                shares_chart(&name, &n.table)
            } else {
                None
            };
            if let Some(chart) = chart {
                sheet.insert_chart(end + 1, 1, &chart)?;
            }
        }
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_counts_double() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("年代別"), 6);
        assert_eq!(display_width("（%）"), 5);
        assert_eq!(display_width("ｶﾀｶﾅ"), 4, "half-width katakana is narrow");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = BTreeSet::new();
        assert_eq!(
            sheet_name("年代別の分析（令和6年度）", &mut used),
            "年代別の分析"
        );
        assert_eq!(
            sheet_name("年代別の分析（令和5年度）", &mut used),
            "年代別の分析2"
        );
        let long = sheet_name(
            "やりがいを感じ、持続・増進させるために必要なもの：回答数の多いもの",
            &mut used,
        );
        assert!(long.chars().count() <= 31);
        assert_eq!(sheet_name("a/b:c", &mut used), "a_b_c");
    }

    #[test]
    fn formats_keep_the_printed_decimals_and_sign() {
        assert_eq!(number_format("1185"), "0");
        assert_eq!(number_format("0.013"), "0.000");
        assert_eq!(number_format("+1.6"), "+0.0;-0.0;0.0");
        assert_eq!(percent_format("62.2"), "0.0%");
    }
}
