//! Findings: the 概要's facts, chosen by fixed rules from the aggregate and indicator results
//! and returned as typed rows. The renderer only words them; nothing here is text.
//!
//! The rules, in the order the findings are listed (at most [`MAX_FINDINGS`] in all):
//!
//! 1. **Indicators behind.** Each KGI whose status is 遅れ or 未達成 is a finding of its own;
//!    the KPIs that are behind form one finding together. Each comes with its current value,
//!    its path value and whether the path lies inside the current value's confidence
//!    interval (a gap sampling alone could explain). Pipeline file order.
//! 2. **The HR records** (with `[staff]`, see `staff`): women's shares against the compared
//!    year, young staff's resignations in the latest year against the first, and the
//!    indicators where the city is worse than the average it is compared with (or the first
//!    comparator).
//!    **The key drivers** (with `[[drivers]]`, see `drivers`): one finding naming, per
//!    outcome, the items in the priority matrix's 重点改善 quadrant, most important first (at
//!    most [`MAX_CITED`] each).
//! 3. **Change since the previous wave.** The whole population's items whose change from the
//!    previous wave is significant (Holm-adjusted), largest change first (at most
//!    [`MAX_CITED`]); when none is, a finding saying so, with the number of items compared.
//! 4. **The split's gaps.** For each split segment (やりがい有/無), the items where the two
//!    groups differ significantly, largest gap first (at most [`MAX_CITED`]).
//! 5. **Groups worse than the whole.** For each other segment (age bands first, then the
//!    attributes), the group × item cells significantly worse than the whole population (lower
//!    for a positive statement, higher for a negative one), largest difference first (at most
//!    [`MAX_CITED`]).
//!
//! Ties are broken by questionnaire order, then group order, so the same inputs always give
//! the same findings. Suppressed cells are not in the lookup, so no finding can cite one.

mod drivers;
mod staff;

pub use drivers::{Priorities, PriorityItem};
pub use staff::{Resignations, WomenShares, WorseThanOthers};

use crate::aggregate::lookup::Lookup;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::fiscal_year::FiscalYear;
use crate::indicators::{IndicatorRow, Status};
use crate::pipeline::{Level, Pipeline, SegmentBy};

/// At most this many findings on the 概要 page.
pub const MAX_FINDINGS: usize = 10;
/// At most this many items or cells cited in one finding.
pub const MAX_CITED: usize = 3;

/// The 概要: the survey at a glance, then the findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub wave: FiscalYear,
    /// When the survey was open (pipeline file text).
    pub period: Option<String>,
    /// Staff in scope, respondents and response rate (percent) of the whole population.
    pub population: Option<u64>,
    pub respondents: Option<u32>,
    pub rate: Option<f64>,
    pub findings: Vec<Finding>,
}

/// One finding; `table` is the file stem of the table it cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub fact: Fact,
    pub table: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// A KGI behind its path (or past its target year without meeting the target).
    KgiBehind(Behind),
    /// The KPIs behind their paths, in pipeline order.
    KpisBehind(Vec<Behind>),
    /// Items whose whole-population share changed significantly since `since`; `compared` is
    /// how many items had a change to test. Empty `items`: none changed significantly.
    Changed {
        since: FiscalYear,
        compared: usize,
        /// How many changed significantly (`items` cites the largest).
        total: usize,
        items: Vec<Cited>,
    },
    /// The items where the two groups of a split segment differ significantly.
    SplitGaps {
        segment: String,
        groups: [String; 2],
        total: usize,
        items: Vec<Cited>,
    },
    /// Cells of a segment significantly worse than the whole population.
    WorseThanWhole {
        segment: String,
        total: usize,
        cells: Vec<Cited>,
    },
    /// Women's shares overall and among managers, against the compared year.
    StaffWomen(WomenShares),
    /// Young staff's resignations against the first year of the series.
    StaffResignations(Resignations),
    /// The indicators where the city is worse than the organisations compared.
    StaffBehindOthers(Vec<WorseThanOthers>),
    /// The items in each outcome's 重点改善 quadrant.
    Priorities(Vec<Priorities>),
}

/// An indicator behind its path.
#[derive(Debug, Clone, PartialEq)]
pub struct Behind {
    /// Index into `pipeline.indicators`.
    pub indicator: usize,
    pub status: Status,
    pub current: f64,
    /// The value on the straight path to the target this year.
    pub expected: f64,
    pub path_in_interval: Option<bool>,
}

/// An item (with a group, where the finding is about one) and the numbers cited for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub item: String,
    pub group: Option<String>,
    /// The difference cited (points): the change, the first group minus the second, or the
    /// group minus the whole.
    pub diff: f64,
    /// The share(s) behind it: now (or the group's), and before (or the other's).
    pub share: f64,
    pub other: f64,
    /// A negative statement (higher is worse).
    pub negative: bool,
}

/// Computes the 概要 for the report's wave.
pub fn overview(
    pipeline: &Pipeline,
    lookup: &Lookup,
    indicators: &[IndicatorRow],
    staff: Option<&crate::staff::StaffView>,
    drivers: &[crate::drivers::DriverResult],
    year: FiscalYear,
) -> Overview {
    let whole = lookup
        .response
        .iter()
        .find(|r| r.wave == year.0 && r.group == ALL_GROUP);
    let mut findings = behind(pipeline, indicators);
    findings.extend(staff.map(staff::staff_findings).unwrap_or_default());
    findings.extend(drivers::driver_findings(pipeline, drivers));
    findings.extend(changed(pipeline, lookup, year));
    for segment in pipeline.segments_in_report_order() {
        findings.extend(match &segment.by {
            SegmentBy::Split { groups, .. } => split_gaps(pipeline, lookup, year, segment, groups),
            _ => worse_than_whole(pipeline, lookup, year, segment),
        });
    }
    findings.truncate(MAX_FINDINGS);
    Overview {
        wave: year,
        period: pipeline
            .waves
            .iter()
            .find(|w| w.year == year)
            .and_then(|w| w.period.clone()),
        population: whole.and_then(|r| r.population),
        respondents: whole.and_then(|r| r.respondents),
        rate: whole.and_then(|r| r.rate),
        findings,
    }
}

/// Rule 1.
fn behind(pipeline: &Pipeline, indicators: &[IndicatorRow]) -> Vec<Finding> {
    let finding = |fact| Finding {
        fact,
        table: "indicators".into(),
    };
    let mut out = Vec::new();
    let mut kpis = Vec::new();
    for r in indicators {
        if !matches!(r.status, Status::Behind | Status::Missed) {
            continue;
        }
        let (Some(current), Some(expected)) = (r.current, r.expected) else {
            continue;
        };
        let b = Behind {
            indicator: r.indicator,
            status: r.status,
            current: current.value,
            expected,
            path_in_interval: r.path_in_interval,
        };
        match pipeline.indicators[r.indicator].level {
            Level::Kgi => out.push(finding(Fact::KgiBehind(b))),
            Level::Kpi => kpis.push(b),
        }
    }
    if !kpis.is_empty() {
        out.push(finding(Fact::KpisBehind(kpis)));
    }
    out
}

/// Largest absolute difference first; the sort is stable, so ties keep questionnaire order.
fn largest_first(mut cited: Vec<Cited>) -> Vec<Cited> {
    cited.sort_by(|a, b| b.diff.abs().total_cmp(&a.diff.abs()));
    cited.truncate(MAX_CITED);
    cited
}

/// Rule 2.
fn changed(pipeline: &Pipeline, lookup: &Lookup, year: FiscalYear) -> Option<Finding> {
    let since = pipeline
        .waves
        .iter()
        .map(|w| w.year)
        .filter(|w| *w < year)
        .max()?;
    let mut compared = 0;
    let mut items = Vec::new();
    for q in pipeline.scale_items() {
        let Some(cell) = lookup.item(year.0, ALL_SEGMENT, ALL_GROUP, &q.id) else {
            continue;
        };
        let (Some(diff), Some(share)) = (cell.diff_prev, cell.share) else {
            continue;
        };
        compared += 1;
        if cell.changed {
            items.push(Cited {
                item: q.id.clone(),
                group: None,
                diff,
                share,
                other: share - diff,
                negative: q.negative,
            });
        }
    }
    (compared > 0).then(|| Finding {
        fact: Fact::Changed {
            since,
            compared,
            total: items.len(),
            items: largest_first(items),
        },
        table: "trend".into(),
    })
}

/// Rule 3.
fn split_gaps(
    pipeline: &Pipeline,
    lookup: &Lookup,
    year: FiscalYear,
    segment: &crate::pipeline::Segment,
    groups: &[String; 2],
) -> Option<Finding> {
    let mut items = Vec::new();
    for q in pipeline.segment_items(segment) {
        let cell = |g: &str| lookup.item(year.0, &segment.id, g, &q.id);
        let (Some(a), Some(b)) = (cell(&groups[0]), cell(&groups[1])) else {
            continue;
        };
        if let (true, Some(x), Some(y)) = (a.differs, a.share, b.share) {
            items.push(Cited {
                item: q.id.clone(),
                group: None,
                diff: x - y,
                share: x,
                other: y,
                negative: q.negative,
            });
        }
    }
    (!items.is_empty()).then(|| Finding {
        fact: Fact::SplitGaps {
            segment: segment.id.clone(),
            groups: groups.clone(),
            total: items.len(),
            items: largest_first(items),
        },
        table: format!("items_by_{}", segment.id),
    })
}

/// Rule 4.
fn worse_than_whole(
    pipeline: &Pipeline,
    lookup: &Lookup,
    year: FiscalYear,
    segment: &crate::pipeline::Segment,
) -> Option<Finding> {
    let groups = lookup.segment_groups(pipeline, segment);
    let mut cells = Vec::new();
    for q in pipeline.segment_items(segment) {
        for g in &groups {
            let Some(c) = lookup.item(year.0, &segment.id, g, &q.id) else {
                continue;
            };
            let (Some(diff), Some(share)) = (c.diff_all, c.share) else {
                continue;
            };
            let worse = if q.negative { diff > 0.0 } else { diff < 0.0 };
            if c.differs && worse {
                cells.push(Cited {
                    item: q.id.clone(),
                    group: Some(g.clone()),
                    diff,
                    share,
                    other: share - diff,
                    negative: q.negative,
                });
            }
        }
    }
    (!cells.is_empty()).then(|| Finding {
        fact: Fact::WorseThanWhole {
            segment: segment.id.clone(),
            total: cells.len(),
            cells: largest_first(cells),
        },
        table: format!("items_by_{}", segment.id),
    })
}
