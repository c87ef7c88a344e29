//! The HR statistics of the report's 職員の状況 section, from the counts ([`Facts`]): staff
//! per year by appointing body, women's share overall, among managers and per post, young
//! staff's resignations per year by appointing body, men's childcare leave, and staff per
//! department. Every share is worked out here; the renderers only format. Each breakdown is
//! protected with [`protect`] (groups below `statistics.min_group` are merged), using the
//! sizes of that year's staff.

use super::facts::{By, Dims, Excluded, Facts, Stat};
use super::linked::link;
use super::protect::{protect, Protection, MERGED};
use super::pyramid::{pyramid, Pyramid};
use super::spec::{Sex, Staff};
use crate::fiscal_year::FiscalYear;
use std::collections::BTreeMap;

/// The group of people whose body, post or department could not be read.
pub const UNKNOWN: &str = "不明";

/// Values per year and group, with the year's total: stacked bars.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stacked {
    pub years: Vec<FiscalYear>,
    /// Groups in the order stacked (bottom first); may end with 不明 and その他（少人数）.
    pub series: Vec<String>,
    /// `values[year][series]`; `None` where the group has no row that year.
    pub values: Vec<Vec<Option<f64>>>,
    pub totals: Vec<f64>,
}

/// Women among a group of staff.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    pub women: f64,
    pub men: f64,
    /// Women's share in percent of women and men.
    pub percent: f64,
}

impl Share {
    fn new(women: f64, men: f64) -> Option<Share> {
        (women + men > 0.0).then(|| Share {
            women,
            men,
            percent: 100.0 * women / (women + men),
        })
    }
}

/// Women's shares in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct WomenYear {
    pub year: FiscalYear,
    pub overall: Option<Share>,
    /// Among the manager posts together (`None` when they are fewer than the minimum).
    pub managers: Option<Share>,
    /// Per post, highest first, and その他（少人数）; `None` when hidden.
    pub posts: Vec<(String, Option<Share>)>,
}

impl WomenYear {
    /// The share of the row called `name`: 全体, 管理職 or a post (or その他（少人数）).
    pub fn share(&self, name: &str) -> Option<Share> {
        match name {
            "全体" => self.overall,
            "管理職" => self.managers,
            _ => self
                .posts
                .iter()
                .find(|(p, _)| p == name)
                .and_then(|(_, s)| *s),
        }
    }
}

/// Men's childcare leave in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildcareYear {
    pub year: FiscalYear,
    pub eligible: Option<f64>,
    pub taken: Option<f64>,
    pub long: Option<f64>,
    /// Takers among the eligible, percent (hidden below the minimum).
    pub taken_percent: Option<f64>,
    /// Takers of more than a month among the takers, percent.
    pub long_percent: Option<f64>,
}

/// One department's staff at the latest reference date.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentRow {
    pub name: String,
    pub staff: f64,
    pub women: Option<Share>,
}

/// Groups merged for confidentiality in one breakdown and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub year: FiscalYear,
    /// 任命権者, 職位 or 所属.
    pub dimension: &'static str,
    pub groups: Vec<String>,
    /// Whether the merged row is shown at all.
    pub shown: bool,
}

/// Everything of the 職員の状況 section but the comparisons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StaffStats {
    /// The latest roster's year and reference date up to the report's year: the date of the
    /// pyramid and the department table.
    pub reference: Option<(FiscalYear, chrono::NaiveDate)>,
    pub headcount: Stacked,
    pub pyramid: Option<Pyramid>,
    pub women: Vec<WomenYear>,
    /// The earlier year the latest women's shares are compared with.
    pub compare_year: Option<FiscalYear>,
    pub resignations: Stacked,
    pub childcare: Vec<ChildcareYear>,
    /// Year of the department table and its rows.
    pub departments: Option<(FiscalYear, Vec<DepartmentRow>)>,
    pub excluded: Vec<Excluded>,
    pub merged: Vec<Merged>,
}

/// Works out the statistics for the report's year `year` (later years are ignored).
pub fn staff_stats(staff: &Staff, facts: &Facts, year: FiscalYear, min: u32) -> StaffStats {
    let min = u64::from(min);
    let mut merged = Vec::new();
    let years = |stat| -> Vec<FiscalYear> {
        facts
            .years(stat)
            .into_iter()
            .filter(|y| *y <= year)
            .collect()
    };
    // The protection of each year's appointing bodies, from its staff numbers.
    let mut body_protection: BTreeMap<FiscalYear, Protection> = BTreeMap::new();
    let mut headcount_rows = Vec::new();
    for y in years(Stat::Headcount) {
        if facts.total(Stat::Headcount, y).is_none() {
            continue;
        }
        let sizes = facts
            .breakdown(Stat::Headcount, y, By::BODY)
            .map(|m| by_name(&m, |d| d.body.clone()))
            .unwrap_or_default();
        let p = protect(&sizes, min);
        headcount_rows.push((y, sizes.clone(), facts.total(Stat::Headcount, y)));
        body_protection.insert(y, p);
    }
    let reference = staff
        .rosters
        .iter()
        .rev()
        .find(|r| r.year <= year)
        .map(|r| (r.year, r.date));
    let latest_roster = reference.map(|r| r.0);
    // The department table (latest roster) is published beside that year's bodies: the two
    // are protected together.
    let departments = latest_roster.and_then(|y| {
        let counts = department_counts(facts, y)?;
        let sizes: Vec<(String, u64)> = counts
            .iter()
            .map(|(k, e)| (k.clone(), (e.0 + e.1 + e.2).round() as u64))
            .collect();
        let mut p = protect(&sizes, min);
        if let (Some(cells), Some(bodies)) =
            (body_department_cells(facts, y), body_protection.get_mut(&y))
        {
            link(&cells, bodies, &mut p, min);
        }
        Some((y, counts, p))
    });
    for (y, p) in &body_protection {
        note(&mut merged, *y, "任命権者", p);
    }
    let order = body_order(staff, &headcount_rows);
    let headcount = stacked(&headcount_rows, &body_protection, &order);
    let mut resignation_rows = Vec::new();
    for y in years(Stat::YoungResignations) {
        let counts = facts
            .breakdown(Stat::YoungResignations, y, By::BODY)
            .map(|m| by_name(&m, |d| d.body.clone()))
            .unwrap_or_default();
        resignation_rows.push((y, counts, facts.total(Stat::YoungResignations, y)));
    }
    let resignations = stacked(&resignation_rows, &body_protection, &order);
    let women: Vec<WomenYear> = years(Stat::Headcount)
        .into_iter()
        .filter_map(|y| women_year(staff, facts, y, min, &mut merged))
        .collect();
    let compare_year = match staff.compare_year {
        Some(c) => women.iter().find(|w| w.year == c).map(|w| w.year),
        None => women.first().map(|w| w.year).filter(|_| women.len() > 1),
    };
    StaffStats {
        reference,
        pyramid: latest_roster.and_then(|y| pyramid(facts, y, min as u32)),
        departments: departments.map(|(y, counts, p)| {
            note(&mut merged, y, "所属", &p);
            (y, department_rows(&counts, &p))
        }),
        childcare: childcare(facts, &years, min),
        excluded: facts
            .excluded
            .iter()
            .filter(|e| e.year <= year)
            .cloned()
            .collect(),
        headcount,
        women,
        compare_year,
        resignations,
        merged,
    }
}

/// One year's counts per group and its total, when known.
type YearCounts = (FiscalYear, Vec<(String, u64)>, Option<f64>);
/// (women, men, unknown) per department.
type DepartmentCounts = BTreeMap<String, (f64, f64, f64)>;

/// Counts per group name; an unknown group is [`UNKNOWN`].
fn by_name(m: &BTreeMap<Dims, f64>, name: impl Fn(&Dims) -> Option<String>) -> Vec<(String, u64)> {
    let mut out: BTreeMap<String, f64> = BTreeMap::new();
    for (d, v) in m {
        *out.entry(name(d).unwrap_or_else(|| UNKNOWN.into()))
            .or_default() += v;
    }
    out.into_iter()
        .map(|(k, v)| (k, v.round() as u64))
        .collect()
}

fn note(merged: &mut Vec<Merged>, year: FiscalYear, dimension: &'static str, p: &Protection) {
    if !p.merged.is_empty() {
        merged.push(Merged {
            year,
            dimension,
            groups: p.merged.clone(),
            shown: p.merged_shown,
        });
    }
}

/// Bodies in the declared order, else largest first in the latest year; 不明 last.
fn body_order(staff: &Staff, rows: &[YearCounts]) -> Vec<String> {
    let mut order: Vec<String> = staff.bodies.clone().unwrap_or_default();
    let mut found: Vec<(String, u64)> = rows.last().map(|r| r.1.clone()).unwrap_or_default();
    for (_, sizes, _) in rows {
        for (g, _) in sizes {
            if !found.iter().any(|(f, _)| f == g) {
                found.push((g.clone(), 0));
            }
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (g, _) in found {
        if g != UNKNOWN && !order.contains(&g) {
            order.push(g);
        }
    }
    order.push(UNKNOWN.into());
    order
}

/// Stacks counts per body with each year's protection (a year without staff numbers by body
/// shows its counts as they are; with them, a body shown that year and without a count has 0).
fn stacked(
    rows: &[YearCounts],
    protection: &BTreeMap<FiscalYear, Protection>,
    order: &[String],
) -> Stacked {
    let mut values: Vec<BTreeMap<String, f64>> = Vec::new();
    for (y, counts, _) in rows {
        let mut row = BTreeMap::new();
        for (g, n) in counts {
            let target = match protection.get(y) {
                Some(p) if p.shown.contains(g) || p.merged.contains(g) => p.row_of(g),
                _ => Some(g.as_str()),
            };
            if let Some(t) = target {
                *row.entry(t.to_string()).or_default() += *n as f64;
            }
        }
        // A group on the year's staff list with nothing to count has a count of 0.
        if let Some(p) = protection.get(y) {
            let merged = p.merged_shown.then_some(MERGED);
            for g in p.shown.iter().map(String::as_str).chain(merged) {
                row.entry(g.to_string()).or_default();
            }
        }
        values.push(row);
    }
    let mut series: Vec<String> = order
        .iter()
        .filter(|g| values.iter().any(|r| r.contains_key(*g)))
        .cloned()
        .collect();
    if values.iter().any(|r| r.contains_key(MERGED)) {
        series.push(MERGED.into());
    }
    Stacked {
        years: rows.iter().map(|r| r.0).collect(),
        values: values
            .iter()
            .map(|r| series.iter().map(|s| r.get(s).copied()).collect())
            .collect(),
        totals: rows
            .iter()
            .map(|(_, counts, total)| {
                total.unwrap_or_else(|| counts.iter().map(|c| c.1 as f64).sum())
            })
            .collect(),
        series,
    }
}

/// Women's shares in `year`, when it has counts by post and sex.
fn women_year(
    staff: &Staff,
    facts: &Facts,
    year: FiscalYear,
    min: u64,
    merged: &mut Vec<Merged>,
) -> Option<WomenYear> {
    let cells = facts.breakdown(Stat::Headcount, year, By::POST_SEX)?;
    let mut by_post: BTreeMap<Option<String>, (f64, f64, f64)> = BTreeMap::new();
    for (d, v) in &cells {
        let e = by_post.entry(d.post.clone()).or_default();
        match d.sex {
            Some(Sex::Female) => e.0 += v,
            Some(Sex::Male) => e.1 += v,
            None => e.2 += v,
        }
    }
    let sum = |keep: &dyn Fn(&Option<String>) -> bool| {
        by_post
            .iter()
            .filter(|(p, _)| keep(p))
            .fold((0.0, 0.0, 0.0), |a, (_, e)| {
                (a.0 + e.0, a.1 + e.1, a.2 + e.2)
            })
    };
    let all = sum(&|_| true);
    let is_manager = |p: &Option<String>| {
        staff
            .posts
            .iter()
            .any(|x| x.manager && Some(&x.name) == p.as_ref())
    };
    let managers = sum(&is_manager);
    let sizes: Vec<(String, u64)> = staff
        .posts
        .iter()
        .map(|x| {
            let e = by_post
                .get(&Some(x.name.clone()))
                .copied()
                .unwrap_or_default();
            (x.name.clone(), (e.0 + e.1 + e.2).round() as u64)
        })
        .collect();
    let p = protect(&sizes, min);
    note(merged, year, "職位", &p);
    let mut posts: Vec<(String, Option<Share>)> = staff
        .posts
        .iter()
        .filter(|x| sizes.iter().any(|(n, s)| *n == x.name && *s > 0))
        .map(|x| {
            let shown = p.shown.contains(&x.name);
            let e = by_post
                .get(&Some(x.name.clone()))
                .copied()
                .unwrap_or_default();
            (
                x.name.clone(),
                shown.then(|| Share::new(e.0, e.1)).flatten(),
            )
        })
        .collect();
    if p.merged_shown {
        let m = sum(&|q| q.as_ref().is_some_and(|q| p.merged.contains(q)));
        posts.push((MERGED.into(), Share::new(m.0, m.1)));
    }
    let big_enough = |e: (f64, f64, f64)| e.0 + e.1 + e.2 >= min as f64;
    Some(WomenYear {
        year,
        overall: big_enough(all).then(|| Share::new(all.0, all.1)).flatten(),
        managers: big_enough(managers)
            .then(|| Share::new(managers.0, managers.1))
            .flatten(),
        posts,
    })
}

/// Staff and women's share per department in `year`, largest first.
/// Women, men and people of unknown sex per department in `year`.
fn department_counts(facts: &Facts, year: FiscalYear) -> Option<DepartmentCounts> {
    let cells = facts.breakdown(Stat::Headcount, year, By::DEPARTMENT_SEX)?;
    let mut by_dept: DepartmentCounts = BTreeMap::new();
    for (d, v) in &cells {
        let Some(name) = &d.department else { continue };
        let e = by_dept.entry(name.clone()).or_default();
        match d.sex {
            Some(Sex::Female) => e.0 += v,
            Some(Sex::Male) => e.1 += v,
            None => e.2 += v,
        }
    }
    (!by_dept.is_empty()).then_some(by_dept)
}

/// Staff per (body, department) in `year`, when the counts have both (a roster does).
fn body_department_cells(facts: &Facts, year: FiscalYear) -> Option<Vec<(String, String, u64)>> {
    let cells = facts.breakdown(Stat::Headcount, year, By::BODY_DEPARTMENT)?;
    let out: Vec<(String, String, u64)> = cells
        .iter()
        .filter_map(|(d, v)| Some((d.body.clone()?, d.department.clone()?, v.round() as u64)))
        .collect();
    (!out.is_empty()).then_some(out)
}

/// The department table's rows: shown departments, largest first, then the merged group.
fn department_rows(by_dept: &DepartmentCounts, p: &Protection) -> Vec<DepartmentRow> {
    let row = |name: &str, e: (f64, f64, f64)| DepartmentRow {
        name: name.to_string(),
        staff: e.0 + e.1 + e.2,
        women: Share::new(e.0, e.1),
    };
    let mut rows: Vec<DepartmentRow> = p.shown.iter().map(|g| row(g, by_dept[g])).collect();
    rows.sort_by(|a, b| b.staff.total_cmp(&a.staff).then(a.name.cmp(&b.name)));
    if p.merged_shown {
        let m = p.merged.iter().fold((0.0, 0.0, 0.0), |a, g| {
            let e = by_dept[g];
            (a.0 + e.0, a.1 + e.1, a.2 + e.2)
        });
        rows.push(row(MERGED, m));
    }
    rows
}

/// Men's childcare leave per year; shares of fewer than the minimum are hidden.
fn childcare(
    facts: &Facts,
    years: &dyn Fn(Stat) -> Vec<FiscalYear>,
    min: u64,
) -> Vec<ChildcareYear> {
    let mut all: Vec<FiscalYear> = [
        Stat::ChildcareEligibleMen,
        Stat::ChildcareTakenMen,
        Stat::ChildcareLongMen,
    ]
    .into_iter()
    .flat_map(years)
    .collect();
    all.sort();
    all.dedup();
    let share = |part: Option<f64>, base: Option<f64>| match (part, base) {
        (Some(p), Some(b)) if b >= min as f64 && b > 0.0 => Some(100.0 * p / b),
        _ => None,
    };
    all.into_iter()
        .map(|y| {
            let eligible = facts.total(Stat::ChildcareEligibleMen, y);
            let taken = facts.total(Stat::ChildcareTakenMen, y);
            let long = facts.total(Stat::ChildcareLongMen, y);
            ChildcareYear {
                year: y,
                eligible,
                taken,
                long,
                taken_percent: share(taken, eligible),
                long_percent: share(long, taken),
            }
        })
        .collect()
}
