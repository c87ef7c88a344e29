//! Indicators: the KGI/KPI table — previous year, baseline, current value, target, changes,
//! progress toward the target and on-track status, respecting each indicator's direction.
//!
//! Survey indicators are read from the aggregate tables (the whole-population row); the
//! others from the administrative table. Only years up to the report's wave are used, so a
//! past year re-run later gives the same table.
//!
//! Progress is `(current − baseline) / (target − baseline)`: 0 at the baseline, 1 at the
//! target, whatever the direction. On track means at least as good as the straight line from
//! (baseline year, baseline) to (target year, target) at the current year.

use crate::aggregate::{Aggregates, ALL_SEGMENT};
use crate::fiscal_year::FiscalYear;
use crate::ingest::AdminValue;
use crate::normalize::normalize_label;
use crate::pipeline::{Bound, Indicator, IndicatorSource, Pipeline};
use crate::stats::t_interval;
use anyhow::Result;
use polars::prelude::*;
use std::collections::BTreeMap;

/// A value of an indicator in one fiscal year, with its base when it is a survey share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub year: FiscalYear,
    pub value: f64,
    /// Respondents in the base of a survey share.
    pub base: Option<u32>,
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
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Behind,
        Status::Missed,
        Status::Baseline,
        Status::NoData,
    ];

    /// Whether the status is good news, bad news or neither (for colour in the reports).
    pub fn tone(self) -> Tone {
        match self {
            Status::Achieved | Status::OnTrack => Tone::Good,
            Status::Behind | Status::Missed => Tone::Bad,
            Status::Baseline | Status::NoData => Tone::Neutral,
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
}

/// Builds the KGI/KPI table for the report's wave `year`.
pub fn indicators(
    pipeline: &Pipeline,
    aggregates: &Aggregates,
    admin: &[AdminValue],
    year: FiscalYear,
) -> Result<Vec<IndicatorRow>> {
    pipeline
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let history: Vec<Observation> = observations(pipeline, ind, aggregates, admin)?
                .into_iter()
                .filter(|o| o.year <= year)
                .collect();
            Ok(assess(i, ind, history, year))
        })
        .collect()
}

/// All observations of an indicator, oldest first.
fn observations(
    pipeline: &Pipeline,
    ind: &Indicator,
    agg: &Aggregates,
    admin: &[AdminValue],
) -> Result<Vec<Observation>> {
    let overall = |frame: &DataFrame, filter: Expr, base: &str| -> Result<Vec<Observation>> {
        if frame.height() == 0 {
            return Ok(vec![]);
        }
        let df = frame
            .clone()
            .lazy()
            .filter(col("segment").eq(lit(ALL_SEGMENT)).and(filter))
            .select([
                col("wave"),
                col("share"),
                col(base).alias("base"),
                col("ci_lo"),
                col("ci_hi"),
            ])
            .sort(["wave"], SortMultipleOptions::default())
            .collect()?;
        let waves = df.column("wave")?.i32()?;
        let shares = df.column("share")?.f64()?;
        let bases = df.column("base")?.u32()?;
        let (lo, hi) = (df.column("ci_lo")?.f64()?, df.column("ci_hi")?.f64()?);
        Ok((0..df.height())
            .filter_map(|r| {
                Some(Observation {
                    year: FiscalYear(waves.get(r)?),
                    value: shares.get(r)?,
                    base: bases.get(r),
                    ci: lo.get(r).zip(hi.get(r)),
                })
            })
            .collect())
    };
    match &ind.source {
        IndicatorSource::Positive { question } => {
            let id = pipeline.questions[*question].id.clone();
            overall(&agg.items, col("item").eq(lit(id)), "n_base")
        }
        IndicatorSource::Option { question, option } => {
            let id = pipeline.questions[*question].id.clone();
            let filter = col("question")
                .eq(lit(id))
                .and(col("option").eq(lit(*option as u32)));
            overall(&agg.options, filter, "n_base")
        }
        IndicatorSource::Admin { name } => {
            let key = normalize_label(name);
            let mut by_year: BTreeMap<FiscalYear, &AdminValue> = BTreeMap::new();
            for v in admin.iter().filter(|v| v.key == key) {
                by_year.insert(v.year, v);
            }
            let level = pipeline.statistics.confidence;
            Ok(by_year
                .into_iter()
                .map(|(year, v)| Observation {
                    year,
                    value: v.value,
                    base: v.n.and_then(|n| u32::try_from(n).ok()),
                    // A mean with its standard deviation and count: Student's t interval.
                    ci: v
                        .sd
                        .zip(v.n)
                        .and_then(|(sd, n)| t_interval(v.value, sd, n, level)),
                })
                .collect())
        }
    }
}

/// Compares the history with the baseline and the target.
fn assess(
    indicator: usize,
    ind: &Indicator,
    history: Vec<Observation>,
    year: FiscalYear,
) -> IndicatorRow {
    let find = |y: FiscalYear| history.iter().find(|o| o.year == y).copied();
    let current = find(year);
    let prior = history.iter().rev().find(|o| o.year < year).copied();
    let baseline = find(ind.baseline);
    let sign = if ind.lower_is_better { -1.0 } else { 1.0 };
    let change_prior = current.zip(prior).map(|(c, p)| c.value - p.value);
    let change_baseline = current.zip(baseline).map(|(c, b)| c.value - b.value);
    // The target lies ahead of the baseline in the good direction; otherwise (Otaru's 405
    // applicants with a target of 400) the target is a level to hold, progress means nothing
    // and the line to follow is the target itself.
    let ahead = baseline.is_some_and(|b| sign * (ind.target - b.value) > 0.0);
    let progress = current
        .zip(baseline)
        .filter(|_| ahead)
        .map(|(c, b)| (c.value - b.value) / (ind.target - b.value));
    let expected = baseline.and_then(|b| {
        (year >= ind.baseline).then(|| {
            if !ahead {
                return ind.target;
            }
            let t = (year.0 - ind.baseline.0) as f64 / (ind.target_year.0 - ind.baseline.0) as f64;
            b.value + (ind.target - b.value) * t.min(1.0)
        })
    });
    let meets = |v: f64| match ind.bound {
        Some(Bound::AtMost) => v <= ind.target,
        Some(Bound::AtLeast) => v >= ind.target,
        None => sign * (v - ind.target) >= 0.0,
    };
    let status = match (current, baseline) {
        (None, _) => Status::NoData,
        (Some(c), _) if meets(c.value) => Status::Achieved,
        (Some(_), None) => Status::NoData,
        _ if year <= ind.baseline => Status::Baseline,
        _ if year >= ind.target_year => Status::Missed,
        (Some(c), Some(_)) => match expected {
            Some(e) if sign * (c.value - e) >= -1e-9 => Status::OnTrack,
            _ => Status::Behind,
        },
    };
    IndicatorRow {
        indicator,
        history,
        prior,
        baseline,
        current,
        change_prior,
        change_baseline,
        progress,
        expected,
        hold: baseline.is_some() && !ahead,
        status,
        path_in_interval: current
            .and_then(|c| c.ci)
            .zip(expected)
            .map(|((lo, hi), e)| lo <= e && e <= hi),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Level;

    fn indicator(
        lower: bool,
        baseline: f64,
        target: f64,
        bound: Option<Bound>,
    ) -> (Indicator, Vec<Observation>) {
        let ind = Indicator {
            id: "x".into(),
            level: Level::Kpi,
            name: "x".into(),
            unit: "人".into(),
            lower_is_better: lower,
            baseline: FiscalYear(2023),
            target_year: FiscalYear(2028),
            target,
            bound,
            decimals: 1,
            source: IndicatorSource::Admin { name: "x".into() },
        };
        let obs = vec![Observation {
            year: FiscalYear(2023),
            value: baseline,
            base: None,
            ci: None,
        }];
        (ind, obs)
    }

    fn with(mut obs: Vec<Observation>, year: i32, value: f64) -> Vec<Observation> {
        obs.push(Observation {
            year: FiscalYear(year),
            value,
            base: None,
            ci: None,
        });
        obs
    }

    // By hand: the path at 2024 is 70.96 (as below). A current 69.0 with interval 66.4–71.5
    // is behind, but the path lies inside the interval; with 64.0–68.0 it lies outside.
    #[test]
    fn whether_the_path_lies_inside_the_current_interval() {
        let (ind, obs) = indicator(false, 68.7, 80.0, None);
        let at = |ci: Option<(f64, f64)>| {
            let mut o = with(obs.clone(), 2024, 69.0);
            o[1].ci = ci;
            assess(0, &ind, o, FiscalYear(2024))
        };
        let inside = at(Some((66.4, 71.5)));
        assert_eq!(inside.status, Status::Behind);
        assert_eq!(inside.path_in_interval, Some(true));
        assert_eq!(at(Some((64.0, 68.0))).path_in_interval, Some(false));
        assert_eq!(at(None).path_in_interval, None, "no interval, no claim");
    }

    // Worked by hand. Higher is better, 68.7 → 80 from 2023 to 2028: the straight line at 2024
    // is 68.7 + 11.3 × 1/5 = 70.96. 71.0 is on track; progress (71.0 − 68.7)/11.3 = 0.2035…
    #[test]
    fn higher_is_better_on_the_line() {
        let (ind, obs) = indicator(false, 68.7, 80.0, None);
        let row = assess(0, &ind, with(obs.clone(), 2024, 71.0), FiscalYear(2024));
        assert_eq!(row.status, Status::OnTrack);
        assert!((row.expected.unwrap() - 70.96).abs() < 1e-9);
        assert!((row.progress.unwrap() - 2.3 / 11.3).abs() < 1e-12);
        assert!((row.change_baseline.unwrap() - 2.3).abs() < 1e-9);
        let row = assess(0, &ind, with(obs, 2024, 70.9), FiscalYear(2024));
        assert_eq!(row.status, Status::Behind);
    }

    // Lower is better, 13 → at most 8 from 2023 to 2028: the line at 2025 is 13 − 5 × 2/5 = 11.
    // 11 is on track, 12 is behind (even though it improved), 8 is achieved.
    #[test]
    fn lower_is_better_with_an_at_most_target() {
        let (ind, obs) = indicator(true, 13.0, 8.0, Some(Bound::AtMost));
        let at = |v| assess(0, &ind, with(obs.clone(), 2025, v), FiscalYear(2025)).status;
        assert_eq!(at(11.0), Status::OnTrack);
        assert_eq!(at(12.0), Status::Behind);
        assert_eq!(at(8.0), Status::Achieved);
        assert_eq!(at(14.0), Status::Behind);
        let row = assess(0, &ind, with(obs.clone(), 2025, 10.5), FiscalYear(2025));
        // (10.5 − 13) / (8 − 13) = 0.5
        assert!((row.progress.unwrap() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn baseline_year_and_missing_data() {
        let (ind, obs) = indicator(false, 405.0, 420.0, None);
        assert_eq!(
            assess(0, &ind, obs.clone(), FiscalYear(2023)).status,
            Status::Baseline
        );
        assert_eq!(
            assess(0, &ind, obs.clone(), FiscalYear(2024)).status,
            Status::NoData
        );
        // A baseline already past the target (Otaru: 405 applicants, target 400) counts as met,
        // and is a level to hold.
        let (ind, obs) = indicator(false, 405.0, 400.0, None);
        let row = assess(0, &ind, obs, FiscalYear(2023));
        assert_eq!(row.status, Status::Achieved);
        assert!(row.hold);
        let (ind, obs) = indicator(false, 376.0, 400.0, None);
        assert!(!assess(0, &ind, obs, FiscalYear(2023)).hold);
    }

    #[test]
    fn prior_is_the_latest_earlier_year() {
        let (ind, obs) = indicator(true, 29.0, 25.0, None);
        let obs = vec![
            Observation {
                year: FiscalYear(2022),
                value: 30.0,
                base: None,
                ci: None,
            },
            obs[0],
        ];
        let row = assess(0, &ind, with(obs, 2024, 28.0), FiscalYear(2024));
        assert_eq!(row.prior.unwrap().year, FiscalYear(2023));
        assert_eq!(row.change_prior, Some(-1.0));
        assert_eq!(row.baseline.unwrap().value, 29.0);
    }
}
