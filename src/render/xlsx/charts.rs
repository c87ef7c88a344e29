//! Native Excel charts, each on its own sheet sized to one landscape A4 page (a chart under
//! a long table would be cut across pages): the progress of each KGI/KPI, the positive
//! share of every item per group of a segment, and of 職員の状況 the staff numbers and the
//! young resignations per year (stacked by appointing body) and women's shares over the years. The series read the table's sheet, so a
//! reader who edits a number sees the chart follow.

use super::print::{self, Layout};
use super::sheet::{title_format, Placed};
use crate::render::table::Table;
use anyhow::Result;
use rust_xlsxwriter::{Chart, ChartType, Worksheet};

/// The chart's size in pixels: a landscape A4 page's printable width (1045 px at 100 %)
/// and a height that leaves room for the title row and the page header and footer.
const WIDTH: u32 = 1000;
const HEIGHT: u32 = 620;
/// Excel's default column width and row height in pixels.
const DEFAULT_COLUMN_PX: u32 = 64;
const DEFAULT_ROW_PX: u32 = 20;

/// The title of a table's chart, when it has one: the KGI/KPI table and the item tables by
/// group, when they have rows. [`for_table`] makes the chart exactly when this is `Some`.
pub fn title(stem: &str, t: &Table) -> Option<String> {
    let has = |h: &str| t.headers.iter().any(|x| x == h);
    if t.rows.is_empty() {
        None
    } else if stem == "indicators" && has("指標") && has("進捗率（%）") {
        Some(format!("{}：目標への進捗率", t.title))
    } else if stem.starts_with("items_by_") && has("設問") {
        Some(format!("{}：肯定的回答の割合", t.title))
    } else if STAFF_YEAR_CHARTS.contains(&stem) && has("年度") && !year_series(t).is_empty() {
        Some(format!("{}（グラフ）", t.title))
    } else {
        None
    }
}

/// The 職員の状況 tables drawn over the years: stacked columns of counts, or lines of shares.
const STAFF_YEAR_CHARTS: [&str; 3] = ["staff_headcount", "staff_resignations", "staff_women_trend"];

/// The chart of a table, when its kind has one: `indicators` and `items_by_*`.
pub fn for_table(stem: &str, sheet: &str, t: &Table, placed: &Placed) -> Option<Chart> {
    if stem == "indicators" {
        progress(sheet, t, placed)
    } else if stem.starts_with("items_by_") {
        shares(sheet, t, placed)
    } else if STAFF_YEAR_CHARTS.contains(&stem) {
        years(sheet, t, placed)
    } else {
        None
    }
}

/// The columns of a staff table over the years drawn as series: all but 年度 and 合計 (a
/// table of totals only, from counts without a breakdown, has none and gets no chart).
fn year_series(t: &Table) -> Vec<usize> {
    (0..t.headers.len())
        .filter(|&c| t.headers[c] != "年度" && t.headers[c] != "合計")
        .collect()
}

/// A staff table over the years: one series per column of [`year_series`], stacked columns
/// for counts, lines for shares (columns ending in （%））.
fn years(sheet: &str, t: &Table, placed: &Placed) -> Option<Chart> {
    let label = t.headers.iter().position(|h| h == "年度")? as u16;
    let series = year_series(t);
    if placed.rows == 0 || series.is_empty() {
        return None;
    }
    let (first, last) = (placed.first_row, placed.first_row + placed.rows - 1);
    let shares = t.headers.iter().any(|h| h.ends_with("（%）"));
    let mut chart = Chart::new(if shares {
        ChartType::Line
    } else {
        ChartType::ColumnStacked
    });
    for c in series {
        let h = &t.headers[c];
        chart
            .add_series()
            .set_name(h.strip_suffix("（%）").unwrap_or(h))
            .set_categories((sheet, first, label, last, label))
            .set_values((sheet, first, c as u16, last, c as u16));
    }
    chart.title().set_name(t.title.as_str());
    if shares {
        chart.y_axis().set_num_format("0%");
    }
    Some(chart)
}

/// A clustered bar chart of the positive shares of an item table (one series per group).
fn shares(sheet: &str, t: &Table, placed: &Placed) -> Option<Chart> {
    let label = t.headers.iter().position(|h| h == "設問")? as u16;
    if placed.rows == 0 {
        return None;
    }
    let (first, last) = (placed.first_row, placed.first_row + placed.rows - 1);
    let mut chart = Chart::new(ChartType::Bar);
    for (c, h) in t.headers.iter().enumerate() {
        let share_of_group = h.strip_suffix("（%）").filter(|g| {
            !g.ends_with(" 否定的") && !g.ends_with(" 中立") && !g.ends_with(" 無回答")
        });
        if let Some(group) = share_of_group {
            chart
                .add_series()
                .set_name(group)
                .set_categories((sheet, first, label, last, label))
                .set_values((sheet, first, c as u16, last, c as u16));
        }
    }
    chart
        .title()
        .set_name(format!("{}：肯定的回答の割合", t.title).as_str());
    chart.x_axis().set_num_format("0%");
    chart.y_axis().set_reverse();
    Some(chart)
}

/// A bar chart of each indicator's progress toward its target.
fn progress(sheet: &str, t: &Table, placed: &Placed) -> Option<Chart> {
    let name = t.headers.iter().position(|h| h == "指標")? as u16;
    let progress = t.headers.iter().position(|h| h == "進捗率（%）")? as u16;
    if placed.rows == 0 {
        return None;
    }
    let (first, last) = (placed.first_row, placed.first_row + placed.rows - 1);
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name("進捗率")
        .set_categories((sheet, first, name, last, name))
        .set_values((sheet, first, progress, last, progress));
    chart
        .title()
        .set_name(format!("{}：目標への進捗率", t.title).as_str());
    chart.legend().set_hidden();
    chart.x_axis().set_num_format("0%");
    chart.y_axis().set_reverse();
    Some(chart)
}

/// Fills a sheet with `title` and `chart`, printed on one landscape A4 page.
pub fn write_sheet(
    sheet: &mut Worksheet,
    title: &str,
    book: &str,
    chart: &mut Chart,
) -> Result<()> {
    sheet.write_string_with_format(0, 0, title, &title_format())?;
    chart.set_width(WIDTH).set_height(HEIGHT);
    sheet.insert_chart(2, 0, chart)?;
    let last_row = 2 + HEIGHT.div_ceil(DEFAULT_ROW_PX);
    let last_col = WIDTH.div_ceil(DEFAULT_COLUMN_PX) as u16;
    print::apply(
        sheet,
        Layout {
            landscape: true,
            pages_wide: 1,
        },
        title,
        book,
        None,
        None,
        (last_row, last_col),
    )?;
    // One page in both directions: the chart is never split.
    sheet.set_print_fit_to_pages(1, 1);
    Ok(())
}
