//! Group sizes and response rates.
//!
//! `groups`: per wave × segment × group, the respondents in it and their share of those who
//! have a group in that segment (the やりがい有 68.7% / 無 31.3% split, the age structure),
//! with the share's Wilson interval.
//! `response`: per wave and employment type, population (from the pipeline file),
//! respondents and response rate.

use super::annotate::null_suppressed;
use super::linked::Links;
use super::suppress::{decide_linked, Candidate, GroupKey, Rule, Thresholds};
use super::{by_segment, percent, ALL_GROUP, ALL_SEGMENT};
use crate::pipeline::Pipeline;
use crate::stats::wilson;
use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Group sizes with suppression, and the set of suppressed groups (which suppresses their
/// cells in every other table). `representatives` has a row per combination of wave and
/// groups with `n`, its respondents (`cube::Combinations::representatives`).
pub fn groups(
    pipeline: &Pipeline,
    representatives: &DataFrame,
    links: &Links,
) -> PolarsResult<(DataFrame, BTreeSet<GroupKey>)> {
    let df = sizes(pipeline, representatives)?;
    let keys: Vec<GroupKey> = (0..df.height())
        .map(|i| -> PolarsResult<GroupKey> {
            Ok((
                df.column("wave")?.i32()?.get(i).unwrap_or(0),
                df.column("segment")?
                    .str()?
                    .get(i)
                    .unwrap_or_default()
                    .to_string(),
                df.column("group")?
                    .str()?
                    .get(i)
                    .unwrap_or_default()
                    .to_string(),
            ))
        })
        .collect::<PolarsResult<_>>()?;
    let sizes: Vec<u32> = df
        .column("respondents")?
        .u32()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect();
    let suppressed = flag(
        &keys,
        &sizes,
        pipeline.statistics.min_group,
        (&BTreeSet::new(), links),
    );
    // Interval of each group's share of its segment (wave × segment total).
    let mut totals: BTreeMap<(i32, &str), u64> = BTreeMap::new();
    for (k, n) in keys.iter().zip(&sizes) {
        *totals.entry((k.0, k.1.as_str())).or_default() += *n as u64;
    }
    let ci: Vec<Option<(f64, f64)>> = keys
        .iter()
        .zip(&sizes)
        .map(|(k, n)| {
            wilson(
                *n as u64,
                totals[&(k.0, k.1.as_str())],
                pipeline.statistics.confidence,
            )
        })
        .collect();
    let mut df = df;
    df.with_column(Column::new(
        "ci_lo".into(),
        ci.iter()
            .map(|c| c.map(|c| 100.0 * c.0))
            .collect::<Vec<_>>(),
    ))?;
    df.with_column(Column::new(
        "ci_hi".into(),
        ci.iter()
            .map(|c| c.map(|c| 100.0 * c.1))
            .collect::<Vec<_>>(),
    ))?;
    let hidden: BTreeSet<GroupKey> = keys
        .into_iter()
        .zip(&suppressed)
        .filter(|(_, s)| s.is_some())
        .map(|(k, _)| k)
        .collect();
    let codes: Vec<Option<&str>> = suppressed.iter().map(|r| r.map(Rule::code)).collect();
    let flags: Vec<bool> = suppressed.iter().map(Option::is_some).collect();
    df.with_column(Column::new("suppressed".into(), flags))?;
    df.with_column(Column::new("suppressed_by".into(), codes))?;
    Ok((
        null_suppressed(
            df,
            &["wave", "segment", "group", "suppressed", "suppressed_by"],
        )?,
        hidden,
    ))
}

/// The rule hiding each group of the given sizes (complementary within wave × segment, and
/// across the linked breakdowns of `links`), `None` where it is shown.
fn flag(
    keys: &[GroupKey],
    sizes: &[u32],
    min_group: u32,
    (forced, links): (&BTreeSet<GroupKey>, &Links),
) -> Vec<Option<Rule>> {
    let candidates: Vec<Candidate> = keys
        .iter()
        .zip(sizes)
        .map(|(k, n)| Candidate {
            group: k.clone(),
            key: String::new(),
            base: *n,
            count: None,
        })
        .collect();
    decide_linked(&candidates, forced, Thresholds::sizes(min_group), links)
}

fn sizes(pipeline: &Pipeline, representatives: &DataFrame) -> PolarsResult<DataFrame> {
    by_segment(
        pipeline,
        representatives.clone().lazy(),
        &["wave", "segment", "group"],
        |lf| {
            Ok(lf
                .group_by([col("wave"), col("segment"), col("group")])
                .agg([col("n").sum().cast(DataType::UInt32).alias("respondents")])
                .with_column(
                    percent(
                        col("respondents"),
                        col("respondents")
                            .sum()
                            .over([col("wave"), col("segment")])?,
                    )
                    .alias("share"),
                ))
        },
    )
}

/// Respondents per wave (group 全体) and, with `column`, per wave and value of that column
/// (its null left out): `wave`, `group`, `respondents` (u32). One pass over the rows.
fn respondents_by_wave(frame: &DataFrame, column: Option<&str>) -> PolarsResult<DataFrame> {
    let waves = frame.column("wave")?.i32()?;
    let values = column
        .map(|c| frame.column(c)?.str().cloned())
        .transpose()?;
    let mut counts: std::collections::BTreeMap<(i32, &str), u32> = Default::default();
    for (i, w) in waves.iter().enumerate() {
        let w = w.unwrap_or(0);
        *counts.entry((w, ALL_GROUP)).or_default() += 1;
        if let Some(v) = values.as_ref().and_then(|v| v.get(i)) {
            *counts.entry((w, v)).or_default() += 1;
        }
    }
    let (mut wave, mut group, mut n) = (vec![], vec![], vec![]);
    for ((w, g), c) in counts {
        wave.push(w);
        group.push(g);
        n.push(c);
    }
    DataFrame::new(
        wave.len(),
        vec![
            Column::new("wave".into(), wave),
            Column::new("group".into(), group),
            Column::new("respondents".into(), n),
        ],
    )
}

/// The response rates; an employment type hidden in the group sizes (`hidden`) is hidden
/// here too.
pub fn response(
    pipeline: &Pipeline,
    frame: &DataFrame,
    hidden: &BTreeSet<GroupKey>,
) -> PolarsResult<DataFrame> {
    let mut waves = Vec::new();
    let mut groups = Vec::new();
    let mut population = Vec::new();
    for w in &pipeline.waves {
        for (g, n) in &w.population {
            waves.push(w.year.0);
            groups.push(g.clone());
            population.push(*n);
        }
        if let Some(total) = w.population_total {
            waves.push(w.year.0);
            groups.push(ALL_GROUP.to_string());
            population.push(total);
        }
    }
    let pop = DataFrame::new(
        waves.len(),
        vec![
            Column::new("wave".into(), waves),
            Column::new("group".into(), groups),
            Column::new("population".into(), population),
        ],
    )?;
    let has_employment = pipeline
        .respondents
        .attributes
        .iter()
        .any(|a| a.id == "employment");
    let df = respondents_by_wave(frame, has_employment.then_some("attr:employment"))?
        .lazy()
        .join(
            pop.lazy(),
            [col("wave"), col("group")],
            [col("wave"), col("group")],
            JoinArgs::new(JoinType::Full).with_coalesce(JoinCoalesce::CoalesceColumns),
        )
        .with_columns([
            col("respondents").fill_null(lit(0u32)),
            percent(col("respondents").fill_null(lit(0u32)), col("population")).alias("rate"),
        ])
        .sort(["wave", "group"], SortMultipleOptions::default())
        .collect()?;
    let keys: Vec<GroupKey> = (0..df.height())
        .map(|i| -> PolarsResult<GroupKey> {
            let group = df
                .column("group")?
                .str()?
                .get(i)
                .unwrap_or_default()
                .to_string();
            let segment = if group == ALL_GROUP {
                ALL_SEGMENT
            } else {
                "employment"
            };
            Ok((
                df.column("wave")?.i32()?.get(i).unwrap_or(0),
                segment.to_string(),
                group,
            ))
        })
        .collect::<PolarsResult<_>>()?;
    let sizes: Vec<u32> = df
        .column("respondents")?
        .u32()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect();
    let mut df = df;
    df.with_column(Column::new(
        "suppressed".into(),
        flag(
            &keys,
            &sizes,
            pipeline.statistics.min_group,
            (hidden, &Links::default()),
        )
        .iter()
        .map(Option::is_some)
        .collect::<Vec<_>>(),
    ))?;
    null_suppressed(df, &["wave", "group", "population", "suppressed"])
}
