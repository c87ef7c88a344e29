//! Reading count tables (`[[staff.tables]]`): counts by year where there is no roster, and
//! events such as childcare leave. Columns `統計` (one of the names of [`Stat::name`]), `年度`,
//! `値`, and optionally `任命権者`, `職位`, `性別`, `所属` for the breakdown. Rows that cannot
//! be read go to the data-quality table.

use super::facts::{Dims, Facts, Origin, Stat};
use super::spec::Staff;
use crate::fiscal_year::FiscalYear;
use crate::ingest::{parse_number, read_table};
use crate::normalize::normalize_label;
use crate::quality::Issue;
use anyhow::Result;

/// Reads every count table into `facts`.
pub fn read_tables(staff: &Staff, facts: &mut Facts) -> Result<()> {
    for source in &staff.tables {
        let table = read_table(source)?;
        let stat_col = table.column("統計")?;
        let year_col = table.column("年度")?;
        let value_col = table.column("値")?;
        let optional = |h: &str| table.column(h).ok();
        let (body_col, post_col, sex_col, dept_col) = (
            optional("任命権者"),
            optional("職位"),
            optional("性別"),
            optional("所属"),
        );
        for row in &table.rows {
            if row.cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let mut skip = |col: usize, problem: &str, expected: &str| {
                facts
                    .issues
                    .push(Issue::new(&table, row, col, problem, expected, "行を除外"));
            };
            let name = normalize_label(table.cell(row, stat_col));
            let Some(stat) = Stat::ALL
                .into_iter()
                .find(|s| normalize_label(s.name()) == name)
            else {
                let names = Stat::ALL.map(Stat::name).join("、");
                skip(stat_col, "統計の名前が分からない", &names);
                continue;
            };
            let Ok(year) = FiscalYear::parse(table.cell(row, year_col)) else {
                skip(
                    year_col,
                    "年度を解釈できない",
                    "R5、令和5年度、2023 の形の年度",
                );
                continue;
            };
            let Some(value) = parse_number(table.cell(row, value_col)) else {
                skip(value_col, "数値でない", "数値");
                continue;
            };
            let text = |col: Option<usize>| {
                col.map(|c| normalize_label(table.cell(row, c)))
                    .filter(|t| !t.is_empty())
            };
            let sex = match (sex_col, text(sex_col)) {
                (Some(c), Some(t)) => match staff.sex.read(&t) {
                    Some(s) => Some(s),
                    None => {
                        skip(c, "性別を解釈できない", "男性、女性");
                        continue;
                    }
                },
                _ => None,
            };
            let post = text(post_col);
            if let (Some(c), Some(p)) = (post_col, &post) {
                if !staff.posts.iter().any(|x| normalize_label(&x.name) == *p) {
                    skip(c, "職位が [[staff.posts]] にない", "staff.posts の name");
                    continue;
                }
            }
            let post = post.and_then(|p| {
                staff
                    .posts
                    .iter()
                    .find(|x| normalize_label(&x.name) == p)
                    .map(|x| x.name.clone())
            });
            let dims = Dims {
                body: text(body_col),
                post,
                sex,
                band: None,
                department: text(dept_col),
            };
            facts.add(stat, year, Origin::Table, dims, value);
        }
    }
    Ok(())
}
