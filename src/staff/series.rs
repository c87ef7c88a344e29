//! The HR statistics as named yearly series, for indicators built from them: a ratio
//! indicator names its numerator and denominator (`ratio = { numerator = "女性管理職数",
//! denominator = "管理職数" }`), and each name is looked up here when the administrative
//! table does not have it. Only numbers the 職員の状況 section itself shows are offered, so an
//! indicator never reveals a count the section withholds.

use super::facts::Stat;
use super::stats::{Share, StaffStats};
use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;

/// Staff on the reference date (all bodies).
pub const STAFF: &str = "職員数";
pub const WOMEN: &str = "女性職員数";
pub const MEN: &str = "男性職員数";
/// Staff in manager posts.
pub const MANAGERS: &str = "管理職数";
pub const WOMEN_MANAGERS: &str = "女性管理職数";

/// Every name a series can be asked for, in the order the README lists them.
pub fn names() -> Vec<&'static str> {
    vec![
        STAFF,
        WOMEN,
        MEN,
        MANAGERS,
        WOMEN_MANAGERS,
        Stat::YoungResignations.name(),
        Stat::ChildcareEligibleMen.name(),
        Stat::ChildcareTakenMen.name(),
        Stat::ChildcareLongMen.name(),
    ]
}

impl StaffStats {
    /// The yearly values of the series called `name` (compared after normalisation), oldest
    /// first; `None` when no series has that name. Years whose value is withheld are left out.
    pub fn series(&self, name: &str) -> Option<Vec<(FiscalYear, f64)>> {
        let key = normalize_label(name);
        let is = |n: &str| normalize_label(n) == key;
        let women = |f: fn(&super::stats::WomenYear) -> Option<Share>, g: fn(Share) -> f64| {
            self.women
                .iter()
                .filter_map(|w| f(w).map(|s| (w.year, g(s))))
                .collect()
        };
        let childcare = |f: fn(&super::stats::ChildcareYear) -> Option<f64>| {
            self.childcare
                .iter()
                .filter_map(|c| f(c).map(|v| (c.year, v)))
                .collect()
        };
        Some(if is(STAFF) {
            let h = &self.headcount;
            h.years
                .iter()
                .copied()
                .zip(h.totals.iter().copied())
                .collect()
        } else if is(WOMEN) {
            women(|w| w.overall, |s| s.women)
        } else if is(MEN) {
            women(|w| w.overall, |s| s.men)
        } else if is(MANAGERS) {
            women(|w| w.managers, |s| s.women + s.men)
        } else if is(WOMEN_MANAGERS) {
            women(|w| w.managers, |s| s.women)
        } else if is(Stat::YoungResignations.name()) {
            let r = &self.resignations;
            r.years
                .iter()
                .copied()
                .zip(r.totals.iter().copied())
                .collect()
        } else if is(Stat::ChildcareEligibleMen.name()) {
            childcare(|c| c.eligible)
        } else if is(Stat::ChildcareTakenMen.name()) {
            childcare(|c| c.taken)
        } else if is(Stat::ChildcareLongMen.name()) {
            childcare(|c| c.long)
        } else {
            return None;
        })
    }
}
