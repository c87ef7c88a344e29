//! Where an indicator stands: its baseline, prior and current values, the changes, and
//! against its target the progress, the straight-line path and the status. An indicator
//! without a target (a tracked series) gets the values and changes only.
//!
//! Progress is `(current − baseline) / (target − baseline)`: 0 at the baseline, 1 at the
//! target, whatever the direction. On track means at least as good as the straight line from
//! (baseline year, baseline) to (target year, target) at the current year.

use super::{Compared, IndicatorRow, Observation, Status};
use crate::fiscal_year::FiscalYear;
use crate::pipeline::{Bound, Indicator};

/// Compares the history with the baseline and the target.
pub(super) fn assess(
    indicator: usize,
    ind: &Indicator,
    history: Vec<Observation>,
    year: FiscalYear,
    comparison: Option<Compared>,
) -> IndicatorRow {
    let find = |y: FiscalYear| history.iter().find(|o| o.year == y).copied();
    let current = find(year);
    let prior = history.iter().rev().find(|o| o.year < year).copied();
    let baseline = find(ind.baseline);
    let mut row = IndicatorRow {
        indicator,
        prior,
        baseline,
        current,
        change_prior: current.zip(prior).map(|(c, p)| c.value - p.value),
        change_baseline: current.zip(baseline).map(|(c, b)| c.value - b.value),
        progress: None,
        expected: None,
        hold: false,
        status: if current.is_some() {
            Status::Tracked
        } else {
            Status::NoData
        },
        path_in_interval: None,
        comparison,
        history,
    };
    let Some(target) = ind.target else {
        return row;
    };
    let sign = if ind.lower_is_better { -1.0 } else { 1.0 };
    // The target lies ahead of the baseline in the good direction; otherwise (Otaru's 405
    // applicants with a target of 400) the target is a level to hold, progress means nothing
    // and the line to follow is the target itself.
    let ahead = baseline.is_some_and(|b| sign * (target.value - b.value) > 0.0);
    row.progress = current
        .zip(baseline)
        .filter(|_| ahead)
        .map(|(c, b)| (c.value - b.value) / (target.value - b.value));
    row.expected = baseline.and_then(|b| {
        (year >= ind.baseline).then(|| {
            if !ahead {
                return target.value;
            }
            let t = (year.0 - ind.baseline.0) as f64 / (target.year.0 - ind.baseline.0) as f64;
            b.value + (target.value - b.value) * t.min(1.0)
        })
    });
    let meets = |v: f64| match target.bound {
        Some(Bound::AtMost) => v <= target.value,
        Some(Bound::AtLeast) => v >= target.value,
        None => sign * (v - target.value) >= 0.0,
    };
    row.status = match (current, baseline) {
        (None, _) => Status::NoData,
        (Some(c), _) if meets(c.value) => Status::Achieved,
        (Some(_), None) => Status::NoData,
        _ if year <= ind.baseline => Status::Baseline,
        _ if year >= target.year => Status::Missed,
        (Some(c), Some(_)) => match row.expected {
            Some(e) if sign * (c.value - e) >= -1e-9 => Status::OnTrack,
            _ => Status::Behind,
        },
    };
    row.hold = baseline.is_some() && !ahead;
    row.path_in_interval = current
        .and_then(|c| c.ci)
        .zip(row.expected)
        .map(|((lo, hi), e)| lo <= e && e <= hi);
    row
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{IndicatorSource, Level, Target};

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
            target: Some(Target {
                value: target,
                year: FiscalYear(2028),
                bound,
            }),
            decimals: 1,
            source: IndicatorSource::Admin { name: "x".into() },
            compare: None,
        };
        let obs = vec![Observation {
            year: FiscalYear(2023),
            value: baseline,
            base: None,
            parts: None,
            ci: None,
        }];
        (ind, obs)
    }

    fn with(mut obs: Vec<Observation>, year: i32, value: f64) -> Vec<Observation> {
        obs.push(Observation {
            year: FiscalYear(year),
            value,
            base: None,
            parts: None,
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
            assess(0, &ind, o, FiscalYear(2024), None)
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
        let row = assess(
            0,
            &ind,
            with(obs.clone(), 2024, 71.0),
            FiscalYear(2024),
            None,
        );
        assert_eq!(row.status, Status::OnTrack);
        assert!((row.expected.unwrap() - 70.96).abs() < 1e-9);
        assert!((row.progress.unwrap() - 2.3 / 11.3).abs() < 1e-12);
        assert!((row.change_baseline.unwrap() - 2.3).abs() < 1e-9);
        let row = assess(0, &ind, with(obs, 2024, 70.9), FiscalYear(2024), None);
        assert_eq!(row.status, Status::Behind);
    }

    // Lower is better, 13 → at most 8 from 2023 to 2028: the line at 2025 is 13 − 5 × 2/5 = 11.
    // 11 is on track, 12 is behind (even though it improved), 8 is achieved.
    #[test]
    fn lower_is_better_with_an_at_most_target() {
        let (ind, obs) = indicator(true, 13.0, 8.0, Some(Bound::AtMost));
        let at = |v| assess(0, &ind, with(obs.clone(), 2025, v), FiscalYear(2025), None).status;
        assert_eq!(at(11.0), Status::OnTrack);
        assert_eq!(at(12.0), Status::Behind);
        assert_eq!(at(8.0), Status::Achieved);
        assert_eq!(at(14.0), Status::Behind);
        let row = assess(
            0,
            &ind,
            with(obs.clone(), 2025, 10.5),
            FiscalYear(2025),
            None,
        );
        // (10.5 − 13) / (8 − 13) = 0.5
        assert!((row.progress.unwrap() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn baseline_year_and_missing_data() {
        let (ind, obs) = indicator(false, 405.0, 420.0, None);
        assert_eq!(
            assess(0, &ind, obs.clone(), FiscalYear(2023), None).status,
            Status::Baseline
        );
        assert_eq!(
            assess(0, &ind, obs.clone(), FiscalYear(2024), None).status,
            Status::NoData
        );
        // A baseline already past the target (Otaru: 405 applicants, target 400) counts as met,
        // and is a level to hold.
        let (ind, obs) = indicator(false, 405.0, 400.0, None);
        let row = assess(0, &ind, obs, FiscalYear(2023), None);
        assert_eq!(row.status, Status::Achieved);
        assert!(row.hold);
        let (ind, obs) = indicator(false, 376.0, 400.0, None);
        assert!(!assess(0, &ind, obs, FiscalYear(2023), None).hold);
    }

    #[test]
    fn prior_is_the_latest_earlier_year() {
        let (ind, obs) = indicator(true, 29.0, 25.0, None);
        let obs = vec![
            Observation {
                year: FiscalYear(2022),
                value: 30.0,
                base: None,
                parts: None,
                ci: None,
            },
            obs[0],
        ];
        let row = assess(0, &ind, with(obs, 2024, 28.0), FiscalYear(2024), None);
        assert_eq!(row.prior.unwrap().year, FiscalYear(2023));
        assert_eq!(row.change_prior, Some(-1.0));
        assert_eq!(row.baseline.unwrap().value, 29.0);
    }

    // A tracked series (no target): values and changes, no progress, no path, status 目標なし;
    // without a current value, データなし. By hand: 30 → 28 is −2 since the baseline.
    #[test]
    fn a_series_without_a_target_is_tracked() {
        let (mut ind, obs) = indicator(true, 30.0, 0.0, None);
        ind.target = None;
        let row = assess(
            0,
            &ind,
            with(obs.clone(), 2024, 28.0),
            FiscalYear(2024),
            None,
        );
        assert_eq!(row.status, Status::Tracked);
        assert_eq!(row.change_baseline, Some(-2.0));
        assert_eq!((row.progress, row.expected, row.hold), (None, None, false));
        assert_eq!(row.path_in_interval, None);
        let row = assess(0, &ind, obs, FiscalYear(2024), None);
        assert_eq!(row.status, Status::NoData);
    }
}
