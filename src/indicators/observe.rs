//! An indicator's values over the years, from where the pipeline says it comes: a survey
//! share of everyone or of a subgroup (from the aggregate tables), a value of the
//! administrative table, or a ratio of two counts (from the administrative table or the HR
//! statistics of 職員の状況).

use super::{Observation, Sources};
use crate::aggregate::ALL_SEGMENT;
use crate::fiscal_year::FiscalYear;
use crate::ingest::AdminValue;
use crate::normalize::normalize_label;
use crate::pipeline::{Among, Indicator, IndicatorSource, Pipeline};
use crate::stats::{t_interval, wilson};
use anyhow::{bail, Result};
use polars::prelude::*;
use std::collections::BTreeMap;

/// All observations of an indicator, oldest first.
pub(super) fn observations(
    pipeline: &Pipeline,
    ind: &Indicator,
    sources: &Sources,
) -> Result<Vec<Observation>> {
    let level = pipeline.statistics.confidence;
    let agg = sources.aggregates;
    match &ind.source {
        IndicatorSource::Positive { question, among } => {
            let id = pipeline.questions[*question].id.clone();
            let survey = Survey {
                frame: &agg.items,
                filter: col("item").eq(lit(id)),
                count: "n_positive",
            };
            survey.observe(ind, among.as_ref(), level)
        }
        IndicatorSource::Option {
            question,
            option,
            among,
        } => {
            let id = pipeline.questions[*question].id.clone();
            let survey = Survey {
                frame: &agg.options,
                filter: col("question")
                    .eq(lit(id))
                    .and(col("option").eq(lit(*option as u32))),
                count: "n_chosen",
            };
            survey.observe(ind, among.as_ref(), level)
        }
        IndicatorSource::Admin { name } => {
            Ok(admin_rows(sources, name)
                .into_iter()
                .map(|(year, v)| Observation {
                    year,
                    value: v.value,
                    base: v.n.and_then(|n| u32::try_from(n).ok()),
                    parts: None,
                    // A mean with its standard deviation and count: Student's t interval.
                    ci: v
                        .sd
                        .zip(v.n)
                        .and_then(|(sd, n)| t_interval(v.value, sd, n, level)),
                })
                .collect())
        }
        IndicatorSource::Ratio {
            numerator,
            denominator,
            sample,
        } => {
            let num = series(ind, numerator, "分子", sources)?;
            let den: BTreeMap<FiscalYear, f64> = series(ind, denominator, "分母", sources)?
                .into_iter()
                .collect();
            let percent = ind.unit == "%";
            Ok(num
                .into_iter()
                .filter_map(|(year, n)| {
                    let d = *den.get(&year)?;
                    (d > 0.0).then(|| ratio(year, n, d, percent, sample.then_some(level)))
                })
                .collect())
        }
    }
}

/// `n / d` in `year` (in percent for a percentage), with a Wilson interval when the counts
/// are a sample's whole numbers.
fn ratio(year: FiscalYear, n: f64, d: f64, percent: bool, sample: Option<f64>) -> Observation {
    let scale = if percent { 100.0 } else { 1.0 };
    let whole = |v: f64| (v >= 0.0 && v.fract() == 0.0).then_some(v as u64);
    let counts = whole(n).zip(whole(d)).filter(|(k, n)| k <= n);
    Observation {
        year,
        value: scale * n / d,
        base: sample.and(counts).and_then(|(_, n)| u32::try_from(n).ok()),
        parts: Some((n, d)),
        ci: sample
            .zip(counts)
            .and_then(|(level, (k, n))| wilson(k, n, level))
            .map(|(lo, hi)| (scale * lo, scale * hi)),
    }
}

/// The yearly values of a ratio's numerator or denominator (`part`): the administrative
/// table's rows under `name`, else the HR statistic of that name.
fn series(
    ind: &Indicator,
    name: &str,
    part: &str,
    sources: &Sources,
) -> Result<Vec<(FiscalYear, f64)>> {
    let rows = admin_rows(sources, name);
    if !rows.is_empty() {
        return Ok(rows.into_iter().map(|(y, v)| (y, v.value)).collect());
    }
    if let Some(s) = sources.staff.and_then(|s| s.series(name)) {
        return Ok(s);
    }
    let staff = if sources.staff.is_some() {
        format!(
            "職員の統計の名前: {}",
            crate::staff::series_names().join("、")
        )
    } else {
        "職員の統計を使うには [staff] が必要です".into()
    };
    bail!(
        "指標「{}」の{part}「{name}」が行政指標の表にも職員の統計にもありません（{staff}）。名前を直すか、行政指標の表に行を足してください",
        ind.name
    )
}

/// The administrative table's rows under `name`, one per year (the last row of a year wins),
/// oldest first.
fn admin_rows<'a>(sources: &Sources<'a>, name: &str) -> BTreeMap<FiscalYear, &'a AdminValue> {
    let key = normalize_label(name);
    let mut by_year = BTreeMap::new();
    for v in sources.admin.iter().filter(|v| v.key == key) {
        by_year.insert(v.year, v);
    }
    by_year
}

/// A survey share read from one of the aggregate tables.
struct Survey<'a> {
    frame: &'a DataFrame,
    /// Selects the item or option.
    filter: Expr,
    /// The column counting those who answer positively or choose the option.
    count: &'a str,
}

impl Survey<'_> {
    fn observe(
        &self,
        ind: &Indicator,
        among: Option<&Among>,
        level: f64,
    ) -> Result<Vec<Observation>> {
        if self.frame.height() == 0 {
            return Ok(vec![]);
        }
        match among {
            None => self.overall(),
            Some(among) => self.subgroup(ind, among, level),
        }
    }

    /// The whole population's share, as the aggregate stage computed it.
    fn overall(&self) -> Result<Vec<Observation>> {
        let df = self
            .frame
            .clone()
            .lazy()
            .filter(col("segment").eq(lit(ALL_SEGMENT)).and(self.filter.clone()))
            .select([
                col("wave"),
                col("share"),
                col("n_base"),
                col(self.count).cast(DataType::Float64).alias("count"),
                col("ci_lo"),
                col("ci_hi"),
            ])
            .sort(["wave"], SortMultipleOptions::default())
            .collect()?;
        let waves = df.column("wave")?.i32()?;
        let shares = df.column("share")?.f64()?;
        let bases = df.column("n_base")?.u32()?;
        let counts = df.column("count")?.f64()?;
        let (lo, hi) = (df.column("ci_lo")?.f64()?, df.column("ci_hi")?.f64()?);
        Ok((0..df.height())
            .filter_map(|r| {
                Some(Observation {
                    year: FiscalYear(waves.get(r)?),
                    value: shares.get(r)?,
                    base: bases.get(r),
                    parts: counts.get(r).zip(bases.get(r).map(f64::from)),
                    ci: lo.get(r).zip(hi.get(r)),
                })
            })
            .collect())
    }

    /// The share among the groups of `among` together: their counts summed per wave, with a
    /// Wilson interval. A wave where any of the groups is suppressed is left out, so the sum
    /// never lets a reader work out a hidden group by subtraction.
    fn subgroup(&self, ind: &Indicator, among: &Among, level: f64) -> Result<Vec<Observation>> {
        let df = self
            .frame
            .clone()
            .lazy()
            .filter(
                col("segment")
                    .eq(lit(among.segment.clone()))
                    .and(self.filter.clone()),
            )
            .select([
                col("wave"),
                col("group"),
                col(self.count).cast(DataType::UInt64).alias("count"),
                col("n_base").cast(DataType::UInt64),
                col("suppressed"),
            ])
            .collect()?;
        let waves = df.column("wave")?.i32()?;
        let group = df.column("group")?.str()?;
        let counts = df.column("count")?.u64()?;
        let bases = df.column("n_base")?.u64()?;
        let hidden = df.column("suppressed")?.bool()?;
        let rows: Vec<usize> = (0..df.height())
            .filter(|&r| {
                group
                    .get(r)
                    .is_some_and(|g| among.groups.iter().any(|x| x == g))
            })
            .collect();
        for g in &among.groups {
            if !rows.iter().any(|&r| group.get(r) == Some(g.as_str())) {
                bail!(
                    "指標「{}」の among のグループ「{g}」が、区分「{}」のどの調査回の集計にもありません。groups を直してください",
                    ind.name,
                    among.segment
                );
            }
        }
        // wave → (count, base, whether any group is hidden)
        let mut by_wave: BTreeMap<i32, (u64, u64, bool)> = BTreeMap::new();
        for r in rows {
            let Some(wave) = waves.get(r) else { continue };
            let e = by_wave.entry(wave).or_default();
            e.0 += counts.get(r).unwrap_or(0);
            e.1 += bases.get(r).unwrap_or(0);
            e.2 |= hidden.get(r).unwrap_or(false);
        }
        Ok(by_wave
            .into_iter()
            .filter(|(_, (_, n, hidden))| !hidden && *n > 0)
            .map(|(wave, (k, n, _))| Observation {
                year: FiscalYear(wave),
                value: 100.0 * k as f64 / n as f64,
                base: u32::try_from(n).ok(),
                parts: Some((k as f64, n as f64)),
                ci: wilson(k, n, level).map(|(lo, hi)| (100.0 * lo, 100.0 * hi)),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny items frame: (wave, segment, group, n_positive, n_base, suppressed) of item q.
    fn items(rows: &[(i32, &str, &str, Option<u32>, Option<u32>, bool)]) -> DataFrame {
        df!(
            "wave" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            "segment" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
            "group" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
            "item" => rows.iter().map(|_| "q").collect::<Vec<_>>(),
            "n_positive" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
            "n_base" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
            "suppressed" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
        )
        .unwrap()
    }

    fn indicator() -> Indicator {
        Indicator {
            id: "x".into(),
            level: crate::pipeline::Level::Kpi,
            name: "若手の離職意向".into(),
            unit: "%".into(),
            lower_is_better: true,
            baseline: FiscalYear(2023),
            target: None,
            decimals: 1,
            source: IndicatorSource::Admin { name: "x".into() },
            compare: None,
        }
    }

    fn young() -> Among {
        Among {
            segment: "age".into(),
            groups: vec!["10～20歳代".into(), "30歳代".into()],
        }
    }

    // Expected values by hand (counts) and by statsmodels 0.14 for the interval:
    // python3 -c "from statsmodels.stats.proportion import proportion_confint as c;
    //   print([100*x for x in c(16, 27, alpha=0.05, method='wilson')])"
    // → [40.72670096806468, 75.48524292560444]; 16/27 = 59.259…%.
    #[test]
    fn a_subgroup_sums_its_groups_counts() {
        let frame = items(&[
            (2023, "age", "10～20歳代", Some(7), Some(12), false),
            (2023, "age", "30歳代", Some(9), Some(15), false),
            (2023, "age", "40歳代", Some(30), Some(40), false),
            (2023, "all", "全体", Some(46), Some(67), false),
        ]);
        let survey = Survey {
            frame: &frame,
            filter: col("item").eq(lit("q")),
            count: "n_positive",
        };
        let obs = survey.observe(&indicator(), Some(&young()), 0.95).unwrap();
        assert_eq!(obs.len(), 1);
        let o = obs[0];
        assert!((o.value - 100.0 * 16.0 / 27.0).abs() < 1e-12);
        assert_eq!((o.base, o.parts), (Some(27), Some((16.0, 27.0))));
        let (lo, hi) = o.ci.unwrap();
        assert!((lo - 40.72670096806468).abs() < 1e-9, "{lo}");
        assert!((hi - 75.48524292560444).abs() < 1e-9, "{hi}");
    }

    // A wave where one of the groups is hidden gives no value: 30歳代's count could otherwise be
    // worked out from the sum and 10～20歳代's published share.
    #[test]
    fn a_subgroup_with_a_hidden_group_is_withheld_that_wave() {
        let frame = items(&[
            (2022, "age", "10～20歳代", Some(5), Some(10), false),
            (2022, "age", "30歳代", None, None, true),
            (2023, "age", "10～20歳代", Some(7), Some(12), false),
            (2023, "age", "30歳代", Some(9), Some(15), false),
        ]);
        let survey = Survey {
            frame: &frame,
            filter: col("item").eq(lit("q")),
            count: "n_positive",
        };
        let obs = survey.observe(&indicator(), Some(&young()), 0.95).unwrap();
        let years: Vec<i32> = obs.iter().map(|o| o.year.0).collect();
        assert_eq!(years, [2023]);
    }

    #[test]
    fn a_group_no_wave_has_is_an_error_naming_it() {
        let frame = items(&[(2023, "age", "10～20歳代", Some(7), Some(12), false)]);
        let survey = Survey {
            frame: &frame,
            filter: col("item").eq(lit("q")),
            count: "n_positive",
        };
        let err = survey
            .observe(&indicator(), Some(&young()), 0.95)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("「30歳代」") && err.contains("groups"),
            "{err}"
        );
    }

    // By hand: 18/40 = 45%. Interval from statsmodels 0.14:
    // python3 -c "from statsmodels.stats.proportion import proportion_confint as c;
    //   print([100*x for x in c(18, 40, alpha=0.05, method='wilson')])"
    // → [30.7053078109, 60.1709082011].
    #[test]
    fn a_ratio_is_numerator_over_denominator_with_an_interval_only_for_a_sample() {
        let census = ratio(FiscalYear(2024), 18.0, 40.0, true, None);
        assert_eq!(census.value, 45.0);
        assert_eq!(
            (census.parts, census.ci, census.base),
            (Some((18.0, 40.0)), None, None)
        );
        let sample = ratio(FiscalYear(2024), 18.0, 40.0, true, Some(0.95));
        let (lo, hi) = sample.ci.unwrap();
        assert!((lo - 30.7053078109).abs() < 1e-8, "{lo}");
        assert!((hi - 60.1709082011).abs() < 1e-8, "{hi}");
        assert_eq!(sample.base, Some(40));
        // Not a percentage: hours per person, 1 234.5 / 50 = 24.69; no interval for a
        // non-count even when called a sample.
        let hours = ratio(FiscalYear(2024), 1234.5, 50.0, false, Some(0.95));
        assert!((hours.value - 24.69).abs() < 1e-12);
        assert_eq!(hours.ci, None);
    }
}
