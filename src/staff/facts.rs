//! The counts the HR statistics are made from: how many people (or events) per fiscal year
//! and breakdown, from a roster or from a count table. A roster's people are counted here and
//! nothing of a person goes further.
//!
//! A roster gives every breakdown at once (a person whose sex or post could not be read is
//! counted with that part unknown); a count table gives the breakdowns it lists. A statistic
//! asks for one breakdown: roster counts are summed into it, and without a roster for that
//! year the table rows with exactly that breakdown are used.

use super::spec::Sex;
use crate::fiscal_year::FiscalYear;
use crate::quality::Issue;
use std::collections::BTreeMap;

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stat {
    /// Staff on the reference date.
    Headcount,
    /// Young staff's resignations during the fiscal year.
    YoungResignations,
    /// Men whose child was born in the year (eligible for childcare leave).
    ChildcareEligibleMen,
    /// Men who took childcare leave.
    ChildcareTakenMen,
    /// Men who took more than a month of it.
    ChildcareLongMen,
}

impl Stat {
    pub const ALL: [Stat; 5] = [
        Stat::Headcount,
        Stat::YoungResignations,
        Stat::ChildcareEligibleMen,
        Stat::ChildcareTakenMen,
        Stat::ChildcareLongMen,
    ];

    /// The name in a count table's `統計` column.
    pub fn name(self) -> &'static str {
        match self {
            Stat::Headcount => "職員数",
            Stat::YoungResignations => "30歳代以下の退職者数",
            Stat::ChildcareEligibleMen => "男性職員の育児休業取得対象者数",
            Stat::ChildcareTakenMen => "男性職員の育児休業取得者数",
            Stat::ChildcareLongMen => "男性職員の育児休業取得者数（1か月超）",
        }
    }
}

/// A breakdown: any part may be absent (not broken down, or not known).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dims {
    pub body: Option<String>,
    pub post: Option<String>,
    pub sex: Option<Sex>,
    /// Five-year age band: its first age divided by 5 (4 = 20～24歳).
    pub band: Option<u32>,
    pub department: Option<String>,
}

/// Which parts of [`Dims`] a statistic is broken down by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct By {
    pub body: bool,
    pub post: bool,
    pub sex: bool,
    pub band: bool,
    pub department: bool,
}

impl By {
    pub const NOTHING: By = By {
        body: false,
        post: false,
        sex: false,
        band: false,
        department: false,
    };
    pub const BODY: By = By {
        body: true,
        ..By::NOTHING
    };
    pub const POST_SEX: By = By {
        post: true,
        sex: true,
        ..By::NOTHING
    };
    pub const BAND_SEX: By = By {
        band: true,
        sex: true,
        ..By::NOTHING
    };
    pub const DEPARTMENT_SEX: By = By {
        department: true,
        sex: true,
        ..By::NOTHING
    };
    pub const DEPARTMENT: By = By {
        department: true,
        ..By::NOTHING
    };
    pub const BODY_DEPARTMENT: By = By {
        body: true,
        department: true,
        ..By::NOTHING
    };
    pub const POST: By = By {
        post: true,
        ..By::NOTHING
    };

    /// The breakdowns a total is summed from, in order of preference.
    pub const TOTAL_FROM: [By; 7] = [
        By::NOTHING,
        By::BODY,
        By::POST_SEX,
        By::POST,
        By::DEPARTMENT_SEX,
        By::DEPARTMENT,
        By::BAND_SEX,
    ];

    /// `dims` with only the parts broken down by.
    fn project(self, dims: &Dims) -> Dims {
        Dims {
            body: dims.body.clone().filter(|_| self.body),
            post: dims.post.clone().filter(|_| self.post),
            sex: dims.sex.filter(|_| self.sex),
            band: dims.band.filter(|_| self.band),
            department: dims.department.clone().filter(|_| self.department),
        }
    }

    /// The parts `dims` has.
    fn of(dims: &Dims) -> By {
        By {
            body: dims.body.is_some(),
            post: dims.post.is_some(),
            sex: dims.sex.is_some(),
            band: dims.band.is_some(),
            department: dims.department.is_some(),
        }
    }
}

/// Where counts came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Roster,
    Table,
}

/// People left out of a roster by one exclusion rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub year: FiscalYear,
    pub label: String,
    pub count: u64,
}

/// All counts of the HR records, with what was left out and why.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub counts: BTreeMap<(Stat, FiscalYear, Origin, Dims), f64>,
    pub excluded: Vec<Excluded>,
    pub issues: Vec<Issue>,
}

impl Facts {
    /// Adds `value` to a count.
    pub fn add(&mut self, stat: Stat, year: FiscalYear, origin: Origin, dims: Dims, value: f64) {
        *self.counts.entry((stat, year, origin, dims)).or_default() += value;
    }

    /// The years with counts of `stat`, oldest first.
    pub fn years(&self, stat: Stat) -> Vec<FiscalYear> {
        let mut years: Vec<FiscalYear> = self
            .counts
            .keys()
            .filter(|k| k.0 == stat)
            .map(|k| k.1)
            .collect();
        years.dedup();
        years.sort();
        years.dedup();
        years
    }

    /// `stat` in `year` broken down `by`, or `None` when nothing gives that breakdown. Roster
    /// counts are summed into it; without them, table rows with exactly that breakdown.
    pub fn breakdown(&self, stat: Stat, year: FiscalYear, by: By) -> Option<BTreeMap<Dims, f64>> {
        let of = |origin: Origin| {
            self.counts
                .iter()
                .filter(move |((s, y, o, _), _)| *s == stat && *y == year && *o == origin)
                .map(|((_, _, _, d), v)| (d, *v))
        };
        let mut out = BTreeMap::new();
        if of(Origin::Roster).next().is_some() {
            for (dims, v) in of(Origin::Roster) {
                *out.entry(by.project(dims)).or_default() += v;
            }
        } else {
            for (dims, v) in of(Origin::Table).filter(|(d, _)| By::of(d) == by) {
                *out.entry(dims.clone()).or_default() += v;
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// The total of `stat` in `year`: the roster's, or the table's row without breakdown,
    /// or the sum of the table's rows of the first breakdown it has of
    /// [`By::TOTAL_FROM`].
    pub fn total(&self, stat: Stat, year: FiscalYear) -> Option<f64> {
        By::TOTAL_FROM
            .iter()
            .find_map(|by| self.breakdown(stat, year, *by))
            .map(|m| m.values().sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dims(body: &str, sex: Option<Sex>) -> Dims {
        Dims {
            body: Some(body.into()),
            sex,
            ..Dims::default()
        }
    }

    /// Worked by hand: the roster's 3 + 2 people of 市長部局 are summed; the table row for the
    /// same year is not used; another year with only a table uses the table's rows.
    #[test]
    fn a_roster_wins_over_a_table_and_is_summed_into_the_breakdown() {
        let mut f = Facts::default();
        let y = FiscalYear(2023);
        f.add(
            Stat::Headcount,
            y,
            Origin::Roster,
            dims("市長部局", Some(Sex::Male)),
            3.0,
        );
        f.add(
            Stat::Headcount,
            y,
            Origin::Roster,
            dims("市長部局", Some(Sex::Female)),
            2.0,
        );
        f.add(
            Stat::Headcount,
            y,
            Origin::Roster,
            dims("消防本部", None),
            1.0,
        );
        f.add(
            Stat::Headcount,
            y,
            Origin::Table,
            dims("市長部局", None),
            99.0,
        );
        let by_body = f.breakdown(Stat::Headcount, y, By::BODY).unwrap();
        assert_eq!(by_body[&dims("市長部局", None)], 5.0);
        assert_eq!(by_body[&dims("消防本部", None)], 1.0);
        assert_eq!(f.total(Stat::Headcount, y), Some(6.0));
        let old = FiscalYear(2017);
        f.add(
            Stat::Headcount,
            old,
            Origin::Table,
            dims("市長部局", None),
            7.0,
        );
        f.add(Stat::Headcount, old, Origin::Table, Dims::default(), 10.0);
        assert_eq!(f.total(Stat::Headcount, old), Some(10.0));
        assert_eq!(
            f.breakdown(Stat::Headcount, old, By::BODY).unwrap()[&dims("市長部局", None)],
            7.0
        );
        assert_eq!(f.breakdown(Stat::Headcount, old, By::POST_SEX), None);
        assert_eq!(f.years(Stat::Headcount), vec![old, y]);
    }
}
