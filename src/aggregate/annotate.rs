//! Adds suppression, intervals and tests to a long proportion table (items or options), and
//! nulls every number of a suppressed row so it cannot reach a file.

use super::linked::Links;
use super::significance::{analyse, GroupTest, Proportions};
use super::suppress::{decide_linked, derivable, Candidate, GroupKey, Rule, Thresholds};
use crate::pipeline::Statistics;
use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// How to read one long table.
pub struct Layout<'a> {
    /// Columns that, with wave/segment/group, identify a row (`item`, or `question`+`option`).
    pub keys: &'a [&'a str],
    /// Count and base of the proportion.
    pub k: &'a str,
    pub n: &'a str,
    /// Holm family beyond wave and segment: the key column that splits tables, if any.
    pub family_key: Option<&'a str>,
}

fn strings(df: &DataFrame, name: &str) -> PolarsResult<Vec<String>> {
    Ok(df
        .column(name)?
        .cast(&DataType::String)?
        .str()?
        .iter()
        .map(|v| v.unwrap_or_default().to_string())
        .collect())
}

fn u32s(df: &DataFrame, name: &str) -> PolarsResult<Vec<u32>> {
    Ok(df
        .column(name)?
        .u32()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect())
}

/// Returns the table with columns `suppressed`, `unstable`, `ci_lo`, `ci_hi`, `diff_all`,
/// `p_rest`, `p_rest_adj`, `p_group`, `differs`, `diff_prev`, `diff_lo`, `diff_hi`, `p_prev`, `p_prev_adj`, `changed` added and the
/// numbers of suppressed rows nulled, plus the between-group tests.
pub fn annotate(
    df: DataFrame,
    layout: &Layout,
    (hidden, links): (&BTreeSet<GroupKey>, &Links),
    stats: &Statistics,
    previous: &BTreeMap<i32, i32>,
) -> PolarsResult<(DataFrame, Vec<GroupTest>)> {
    if df.height() == 0 {
        return Ok((df, vec![]));
    }
    let wave: Vec<i32> = df
        .column("wave")?
        .i32()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect();
    let segment = strings(&df, "segment")?;
    let group = strings(&df, "group")?;
    let key_parts: Vec<Vec<String>> = layout
        .keys
        .iter()
        .map(|k| strings(&df, k))
        .collect::<PolarsResult<_>>()?;
    let key: Vec<String> = (0..df.height())
        .map(|i| {
            key_parts
                .iter()
                .map(|p| p[i].as_str())
                .collect::<Vec<_>>()
                .join("\u{1f}")
        })
        .collect();
    let rows = Proportions {
        wave,
        segment,
        group,
        key,
        k: u32s(&df, layout.k)?,
        n: u32s(&df, layout.n)?,
    };
    let candidates: Vec<Candidate> = (0..df.height())
        .map(|i| Candidate {
            group: (rows.wave[i], rows.segment[i].clone(), rows.group[i].clone()),
            key: rows.key[i].clone(),
            base: rows.n[i],
            count: Some(rows.k[i]),
        })
        .collect();
    let thresholds = Thresholds {
        min_group: stats.min_group,
        min_uniform_group: stats.min_uniform_group,
        min_change_members: stats.min_change_members,
        change_watch_below: stats.change_watch_below,
    };
    let rules = decide_linked(&candidates, hidden, thresholds, links);
    let ranges = derivable(&candidates, &rules);
    let suppressed: Vec<bool> = rules.iter().map(Option::is_some).collect();
    let family = |key: &str| match layout.family_key {
        Some(_) => key.split('\u{1f}').next().unwrap_or_default().to_string(),
        None => String::new(),
    };
    let s = analyse(&rows, &suppressed, stats, family, previous);
    let mut df = df;
    let added: [(&str, &Vec<Option<f64>>); 11] = [
        ("ci_lo", &s.ci_lo),
        ("ci_hi", &s.ci_hi),
        ("diff_all", &s.diff_all),
        ("p_rest", &s.p_rest),
        ("p_rest_adj", &s.p_rest_adj),
        ("p_group", &s.p_group),
        ("diff_prev", &s.diff_prev),
        ("diff_lo", &s.diff_lo),
        ("diff_hi", &s.diff_hi),
        ("p_prev", &s.p_prev),
        ("p_prev_adj", &s.p_prev_adj),
    ];
    for (name, values) in added {
        df.with_column(Column::new(name.into(), values.clone()))?;
    }
    df.with_column(Column::new("unstable".into(), s.unstable.clone()))?;
    df.with_column(Column::new("differs".into(), s.differs.clone()))?;
    df.with_column(Column::new("changed".into(), s.changed.clone()))?;
    df.with_column(Column::new("suppressed".into(), suppressed))?;
    // Why each hidden cell is hidden, and what a reader can still derive of it (suppression.csv).
    let codes: Vec<Option<&str>> = rules.iter().map(|r| r.map(Rule::code)).collect();
    df.with_column(Column::new("suppressed_by".into(), codes))?;
    let (lo, hi): (Vec<Option<f64>>, Vec<Option<f64>>) = ranges
        .iter()
        .map(|r| (r.map(|r| r.0), r.map(|r| r.1)))
        .unzip();
    df.with_column(Column::new("derivable_lo".into(), lo))?;
    df.with_column(Column::new("derivable_hi".into(), hi))?;
    let mut keep = vec![
        "wave",
        "segment",
        "group",
        "suppressed",
        "suppressed_by",
        "derivable_lo",
        "derivable_hi",
    ];
    keep.extend(layout.keys);
    Ok((null_suppressed(df, &keep)?, s.tests))
}

/// Nulls every column but `keep` in rows where `suppressed` is true.
pub fn null_suppressed(df: DataFrame, keep: &[&str]) -> PolarsResult<DataFrame> {
    let exprs: Vec<Expr> = df
        .schema()
        .iter()
        .filter(|(name, _)| !keep.contains(&name.as_str()))
        .map(|(name, dtype)| {
            when(col("suppressed"))
                .then(lit(NULL).cast(dtype.clone()))
                .otherwise(col(name.clone()))
                .alias(name.clone())
        })
        .collect();
    df.lazy().with_columns(exprs).collect()
}

/// The between-group tests as a frame: wave, segment, the key columns, test, statistic, df,
/// p, p_adj.
pub fn tests_frame(tests: &[GroupTest], keys: &[&str]) -> PolarsResult<DataFrame> {
    let mut cols = vec![
        Column::new(
            "wave".into(),
            tests.iter().map(|t| t.wave).collect::<Vec<_>>(),
        ),
        Column::new(
            "segment".into(),
            tests.iter().map(|t| t.segment.clone()).collect::<Vec<_>>(),
        ),
    ];
    for (j, k) in keys.iter().enumerate() {
        let part: Vec<String> = tests
            .iter()
            .map(|t| t.key.split('\u{1f}').nth(j).unwrap_or_default().to_string())
            .collect();
        cols.push(Column::new((*k).into(), part));
    }
    cols.extend([
        Column::new(
            "test".into(),
            tests.iter().map(|t| t.test).collect::<Vec<_>>(),
        ),
        Column::new(
            "statistic".into(),
            tests.iter().map(|t| t.statistic).collect::<Vec<_>>(),
        ),
        Column::new("df".into(), tests.iter().map(|t| t.df).collect::<Vec<_>>()),
        Column::new("p".into(), tests.iter().map(|t| t.p).collect::<Vec<_>>()),
        Column::new(
            "p_adj".into(),
            tests.iter().map(|t| t.p_adj).collect::<Vec<_>>(),
        ),
    ]);
    DataFrame::new(tests.len(), cols)
}
