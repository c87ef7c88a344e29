//! Reading staff rosters into counts: each person on the reference date is counted by
//! appointing body, post, sex, five-year age band and department; each leaver once, in the
//! fiscal year of the leave date, when young and leaving for a counted reason. Exclusion
//! rules leave people out and are counted per rule. Cells that cannot be read become
//! data-quality issues and leave only that part of the person's breakdown unknown.
//!
//! The roster is personal data: rows are read here, counted and dropped; no id, name or
//! date leaves this module (a data-quality issue about a date names its cell, not its value).

use super::date::{age_on, fiscal_year_of, parse_date};
use super::facts::{Dims, Excluded, Facts, Origin, Stat};
use super::spec::{Exclusion, Roster, RosterColumns, Staff};
use crate::ingest::{read_table, RawRow, RawTable};
use crate::normalize::normalize_label;
use crate::quality::Issue;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::collections::HashSet;

/// Column indices of one roster.
struct Columns {
    id: usize,
    birth: Option<usize>,
    age: Option<usize>,
    sex: usize,
    post: usize,
    department: Option<usize>,
    body: usize,
    hire: Option<usize>,
    leave: Option<usize>,
    reason: Option<usize>,
}

impl Columns {
    fn find(table: &RawTable, c: &RosterColumns) -> Result<Columns> {
        let opt = |h: &Option<String>| h.as_deref().map(|h| table.column(h)).transpose();
        Ok(Columns {
            id: table.column(&c.id)?,
            birth: opt(&c.birth_date)?,
            age: opt(&c.age)?,
            sex: table.column(&c.sex)?,
            post: table.column(&c.post)?,
            department: opt(&c.department)?,
            body: table.column(&c.body)?,
            hire: opt(&c.hire_date)?,
            leave: opt(&c.leave_date)?,
            reason: opt(&c.leave_reason)?,
        })
    }
}

/// A rule with its columns found in one roster.
struct Rule<'a> {
    rule: &'a Exclusion,
    columns: Vec<(usize, &'a [String])>,
}

impl<'a> Rule<'a> {
    fn find(table: &RawTable, rules: &'a [Exclusion]) -> Result<Vec<Rule<'a>>> {
        rules
            .iter()
            .map(|rule| {
                let columns = rule
                    .when
                    .iter()
                    .map(|(h, v)| Ok((table.column(h)?, v.as_slice())))
                    .collect::<Result<_>>()
                    .with_context(|| format!("除外ルール「{}」の列", rule.label))?;
                Ok(Rule { rule, columns })
            })
            .collect()
    }

    fn matches(&self, table: &RawTable, row: &RawRow) -> bool {
        self.columns
            .iter()
            .all(|(c, values)| values.contains(&normalize_label(table.cell(row, *c))))
    }
}

/// Reads every roster into `facts`.
pub fn read_rosters(staff: &Staff, facts: &mut Facts) -> Result<()> {
    let Some(columns) = &staff.columns else {
        return Ok(());
    };
    let mut leavers_seen = HashSet::new();
    for roster in &staff.rosters {
        let table = read_table(&roster.source)?;
        count_roster(staff, columns, roster, &table, &mut leavers_seen, facts)?;
    }
    Ok(())
}

/// What one row says, as far as it could be read.
struct Person {
    dims: Dims,
    birth: Option<NaiveDate>,
    age: Option<u32>,
}

fn count_roster(
    staff: &Staff,
    spec: &RosterColumns,
    roster: &Roster,
    table: &RawTable,
    leavers_seen: &mut HashSet<(String, NaiveDate)>,
    facts: &mut Facts,
) -> Result<()> {
    let cols = Columns::find(table, spec)?;
    let rules = Rule::find(table, &staff.exclusions)?;
    let resignation_rules = Rule::find(table, &staff.resignations.exclusions)?;
    let mut excluded = vec![0u64; rules.len()];
    for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(k) = rules.iter().position(|r| r.matches(table, row)) {
            excluded[k] += 1;
            continue;
        }
        let person = read_person(staff, &cols, roster.date, table, row, &mut facts.issues);
        let date_at = |col: Option<usize>, issues: &mut Vec<Issue>| {
            let c = col?;
            let text = table.cell(row, c).trim();
            if text.is_empty() {
                return None;
            }
            let date = parse_date(text);
            if date.is_none() {
                issues.push(withheld(Issue::new(
                    table,
                    row,
                    c,
                    "日付を解釈できない",
                    "2024/4/1、令和6年4月1日 の形の日付",
                    "この日付を使わない",
                )));
            }
            date
        };
        let hired = date_at(cols.hire, &mut facts.issues);
        let left = date_at(cols.leave, &mut facts.issues);
        let on_roll =
            hired.is_none_or(|d| d <= roster.date) && left.is_none_or(|d| d >= roster.date);
        if on_roll {
            facts.add(
                Stat::Headcount,
                roster.year,
                Origin::Roster,
                person.dims.clone(),
                1.0,
            );
        }
        let Some(left) = left else { continue };
        let id = normalize_label(table.cell(row, cols.id));
        if !leavers_seen.insert((id, left)) {
            continue;
        }
        let reason = cols.reason.map(|c| normalize_label(table.cell(row, c)));
        let counted_reason = match (&staff.resignations.reasons, &reason) {
            (None, _) => true,
            (Some(reasons), Some(r)) => reasons.contains(r),
            (Some(_), None) => false,
        };
        let age_at_leave = match person.birth {
            Some(b) => age_on(b, left),
            None => person.age,
        };
        let young = age_at_leave.is_some_and(|a| a <= staff.resignations.max_age);
        if counted_reason && young && !resignation_rules.iter().any(|r| r.matches(table, row)) {
            let dims = Dims {
                band: None,
                ..person.dims
            };
            facts.add(
                Stat::YoungResignations,
                fiscal_year_of(left),
                Origin::Roster,
                dims,
                1.0,
            );
        }
    }
    for (rule, count) in rules.iter().zip(excluded) {
        facts.excluded.push(Excluded {
            year: roster.year,
            label: rule.rule.label.clone(),
            count,
        });
    }
    Ok(())
}

/// The text shown instead of a date cell's value in the data-quality table: dates of birth,
/// hire and leave are personal data and never written out (the cell reference finds them).
pub const WITHHELD: &str = "（日付は出力しません）";

fn withheld(issue: Issue) -> Issue {
    Issue {
        value: WITHHELD.into(),
        ..issue
    }
}

/// Reads a person's breakdown; what cannot be read is reported and left unknown.
fn read_person(
    staff: &Staff,
    cols: &Columns,
    on: NaiveDate,
    table: &RawTable,
    row: &RawRow,
    issues: &mut Vec<Issue>,
) -> Person {
    let mut issue = |col: usize, problem: &str, expected: &str, action: &str| {
        let found = Issue::new(table, row, col, problem, expected, action);
        let dated = Some(col) == cols.birth;
        issues.push(if dated { withheld(found) } else { found });
    };
    let sex = staff.sex.read(table.cell(row, cols.sex));
    if sex.is_none() {
        let expected = staff
            .sex
            .male
            .iter()
            .chain(&staff.sex.female)
            .cloned()
            .collect::<Vec<_>>()
            .join("、");
        issue(
            cols.sex,
            "性別を解釈できない",
            &expected,
            "性別ごとの集計に含めない",
        );
    }
    let title = normalize_label(table.cell(row, cols.post));
    let post = staff
        .posts
        .iter()
        .find(|p| p.titles.contains(&title))
        .map(|p| p.name.clone());
    if post.is_none() {
        issue(
            cols.post,
            "職名がどの職位（[[staff.posts]] の titles）にもない",
            "staff.posts に書いた職名",
            "職位ごとの集計に含めない",
        );
    }
    let body_text = normalize_label(table.cell(row, cols.body));
    let body = match &staff.bodies {
        _ if body_text.is_empty() => None,
        Some(list) => list
            .iter()
            .find(|b| normalize_label(b) == body_text)
            .cloned(),
        None => Some(body_text),
    };
    if body.is_none() {
        let expected = staff
            .bodies
            .as_ref()
            .map_or("任命権者".into(), |b| b.join("、"));
        issue(
            cols.body,
            "任命権者が分からない",
            &expected,
            "任命権者ごとの集計に含めない",
        );
    }
    let department = cols
        .department
        .map(|c| normalize_label(table.cell(row, c)))
        .filter(|d| !d.is_empty());
    let birth = cols.birth.and_then(|c| parse_date(table.cell(row, c)));
    let age = match (cols.birth, birth) {
        (Some(_), Some(b)) => age_on(b, on),
        (Some(c), None) => {
            issue(
                c,
                "生年月日を解釈できない",
                "1985/4/2、昭和60年4月2日 の形の日付",
                "年齢別の集計と若手の退職者数に含めない",
            );
            None
        }
        (None, _) => cols.age.and_then(|c| {
            let a = normalize_label(table.cell(row, c))
                .trim_end_matches('歳')
                .parse()
                .ok();
            if a.is_none() {
                issue(
                    c,
                    "年齢を解釈できない",
                    "整数の年齢",
                    "年齢別の集計と若手の退職者数に含めない",
                );
            }
            a
        }),
    };
    Person {
        dims: Dims {
            body,
            post,
            sex,
            band: age.map(|a| a / 5),
            department,
        },
        birth,
        age,
    }
}
