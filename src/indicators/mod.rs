//! Indicators: the KGI/KPI table — previous year, baseline, current value, target, changes,
//! progress toward the target and on-track status, respecting each indicator's direction,
//! and the value of another organisation beside the city's.
//!
//! Values come from the aggregate tables (survey shares of everyone or of a subgroup), the
//! administrative table, or a ratio of two counts ([`observe`]); where the indicator stands
//! is worked out in [`assess`], the comparison value picked in [`compare`]. Only years up to
//! the report's wave are used, so a past year re-run later gives the same table.

mod assess;
mod compare;
mod observe;

use crate::aggregate::Aggregates;
use crate::fiscal_year::FiscalYear;
use crate::ingest::{AdminValue, Benchmark};
use crate::pipeline::Pipeline;
use crate::staff::StaffStats;
use anyhow::Result;

/// A value of an indicator in one fiscal year, with its base when it is a survey share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub year: FiscalYear,
    pub value: f64,
    /// Respondents in the base of a survey share (or of a sampled ratio, or a mean's count).
    pub base: Option<u32>,
    /// Numerator and denominator of a share or ratio.
    pub parts: Option<(f64, f64)>,
    /// Confidence interval of a survey share (percent).
    pub ci: Option<(f64, f64)>,
}

/// Where an indicator stands at the report's wave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The target is met (or already was at the baseline).
    Achieved,
    /// At least as good as the straight line to the target.
    OnTrack,
    /// Worse than the straight line to the target.
    Behind,
    /// Past the target year without meeting the target.
    Missed,
    /// The current year is the baseline year: nothing to compare yet.
    Baseline,
    /// No value for the baseline or the current year.
    NoData,
    /// A series followed without a target (the current year has a value).
    Tracked,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Behind,
        Status::Missed,
        Status::Baseline,
        Status::NoData,
        Status::Tracked,
    ];

    /// Whether the status is good news, bad news or neither (for colour in the reports).
    pub fn tone(self) -> Tone {
        match self {
            Status::Achieved | Status::OnTrack => Tone::Good,
            Status::Behind | Status::Missed => Tone::Bad,
            Status::Baseline | Status::NoData | Status::Tracked => Tone::Neutral,
        }
    }

    /// The status whose label is `text`, if any.
    pub fn from_label(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.label() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Achieved => "目標達成",
            Status::OnTrack => "順調",
            Status::Behind => "遅れ",
            Status::Missed => "未達成",
            Status::Baseline => "基準年",
            Status::NoData => "データなし",
            Status::Tracked => "目標なし",
        }
    }
}

/// How a status reads: good news, bad news, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

/// One row of the KGI/KPI table.
#[derive(Debug, Clone)]
pub struct IndicatorRow {
    /// Index into `pipeline.indicators`.
    pub indicator: usize,
    /// Every value known up to the report's year, oldest first.
    pub history: Vec<Observation>,
    /// The latest value before the current year.
    pub prior: Option<Observation>,
    pub baseline: Option<Observation>,
    pub current: Option<Observation>,
    pub change_prior: Option<f64>,
    pub change_baseline: Option<f64>,
    /// Fraction of the distance from baseline to target covered.
    pub progress: Option<f64>,
    /// The straight-line value for the current year.
    pub expected: Option<f64>,
    /// The target was already met at the baseline: a level to hold, whose path is the target
    /// itself (Otaru's 405 applicants against 400).
    pub hold: bool,
    pub status: Status,
    /// Whether the path value lies inside the current value's confidence interval (survey
    /// shares and means with an interval only): a gap to the path that sampling alone could
    /// explain.
    pub path_in_interval: Option<bool>,
    /// Another organisation's value of the indicator, shown beside the city's.
    pub comparison: Option<Compared>,
}

/// Another organisation's value of an indicator, from the comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    /// Who it is of: 道内主要都市平均, a city, 全国.
    pub comparator: String,
    pub year: FiscalYear,
    pub value: f64,
    /// Where it was published.
    pub source: String,
    /// The city's own value in that year, when known.
    pub city: Option<f64>,
    /// The city's value minus the other's (in the indicator's unit; points for a share).
    pub difference: Option<f64>,
}

/// Everything indicator values are read from.
pub struct Sources<'a> {
    pub aggregates: &'a Aggregates,
    pub admin: &'a [AdminValue],
    /// The HR statistics of 職員の状況, when the pipeline has `[staff]`.
    pub staff: Option<&'a StaffStats>,
    pub benchmarks: &'a [Benchmark],
}

/// Builds the KGI/KPI table for the report's wave `year`.
pub fn indicators(
    pipeline: &Pipeline,
    sources: &Sources,
    year: FiscalYear,
) -> Result<Vec<IndicatorRow>> {
    pipeline
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let history: Vec<Observation> = observe::observations(pipeline, ind, sources)?
                .into_iter()
                .filter(|o| o.year <= year)
                .collect();
            let comparison = compare::compared(ind, sources.benchmarks, year)?.map(|mut c| {
                c.city = history.iter().find(|o| o.year == c.year).map(|o| o.value);
                c.difference = c.city.map(|v| v - c.value);
                c
            });
            Ok(assess::assess(i, ind, history, year, comparison))
        })
        .collect()
}
