//! The 概要's findings about the HR records (rule 2 of [`super`]): women's shares against the
//! earlier year, young staff's resignations against the first year of the series, and the
//! indicators where the city is worse than the organisations it is compared with.

use super::{Fact, Finding};
use crate::fiscal_year::FiscalYear;
use crate::staff::StaffView;

/// Women's shares in the latest year with posts, and in the compared year.
#[derive(Debug, Clone, PartialEq)]
pub struct WomenShares {
    pub year: FiscalYear,
    pub overall: f64,
    pub managers: Option<f64>,
    /// The compared year's shares.
    pub earlier: Option<(FiscalYear, f64, Option<f64>)>,
}

/// Young staff's resignations in the latest year against the first year of the series.
#[derive(Debug, Clone, PartialEq)]
pub struct Resignations {
    pub year: FiscalYear,
    pub count: f64,
    pub first_year: FiscalYear,
    pub first: f64,
    /// `count / first`, when the first year had any.
    pub times: Option<f64>,
}

/// An indicator where the city is worse than a comparator.
#[derive(Debug, Clone, PartialEq)]
pub struct WorseThanOthers {
    pub name: String,
    pub unit: String,
    pub decimals: u8,
    pub city: f64,
    pub comparator: String,
    pub value: f64,
    /// Whether worse means higher (overtime) rather than lower (leave days).
    pub higher_is_worse: bool,
}

/// The findings, in order: women's shares, resignations, comparisons.
pub fn staff_findings(view: &StaffView) -> Vec<Finding> {
    let s = &view.stats;
    let mut out = Vec::new();
    if let Some(latest) = s.women.last() {
        if let Some(overall) = latest.overall {
            let earlier = s
                .compare_year
                .filter(|y| *y != latest.year)
                .and_then(|y| s.women.iter().find(|w| w.year == y))
                .and_then(|w| Some((w.year, w.overall?.percent, w.managers.map(|m| m.percent))));
            out.push(Finding {
                fact: Fact::StaffWomen(WomenShares {
                    year: latest.year,
                    overall: overall.percent,
                    managers: latest.managers.map(|m| m.percent),
                    earlier,
                }),
                table: "staff_women_by_post".into(),
            });
        }
    }
    let r = &s.resignations;
    if r.years.len() >= 3 {
        let (first, count) = (r.totals[0], r.totals[r.totals.len() - 1]);
        out.push(Finding {
            fact: Fact::StaffResignations(Resignations {
                year: r.years[r.years.len() - 1],
                count,
                first_year: r.years[0],
                first,
                times: (first > 0.0).then(|| count / first),
            }),
            table: "staff_resignations".into(),
        });
    }
    let worse: Vec<WorseThanOthers> = view
        .comparisons
        .iter()
        .filter_map(|c| {
            let city = c.city?;
            let higher_is_better = c.higher_is_better?;
            // The average where there is one, else the first comparator.
            let (who, value, _) = c
                .others
                .iter()
                .find(|(w, ..)| w.contains("平均"))
                .or(c.others.first())?;
            let worse = if higher_is_better {
                city < *value
            } else {
                city > *value
            };
            worse.then(|| WorseThanOthers {
                name: c.name.clone(),
                unit: c.unit.clone(),
                decimals: c.decimals,
                city,
                comparator: who.clone(),
                value: *value,
                higher_is_worse: !higher_is_better,
            })
        })
        .collect();
    if !worse.is_empty() {
        out.push(Finding {
            fact: Fact::StaffBehindOthers(worse),
            table: "staff_comparisons".into(),
        });
    }
    out
}
