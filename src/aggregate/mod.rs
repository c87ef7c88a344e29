//! Aggregate: the segmented frame → long tables of counts and shares.
//!
//! Every table has one row per wave × segment × group × item, where segment `all` with group
//! `全体` is everyone. Shares are percentages in full precision; rounding happens only when
//! rendering. Items and options are counted once for all segments together (`cube`); each
//! segment's table sums those counts, then the tables are concatenated.

mod annotate;
mod cells;
mod changes;
mod cube;
mod groups;
mod items;
mod linked;
pub mod lookup;
mod options;
pub mod plan;
pub mod public;
mod significance;
mod size_change;
pub mod suppress;
mod texts;

use crate::pipeline::Pipeline;
use annotate::{annotate, tests_frame, Layout};
use anyhow::{Context, Result};
use polars::prelude::*;
use std::collections::BTreeMap;

/// Segment id and group label of the whole population.
pub const ALL_SEGMENT: &str = "all";
pub const ALL_GROUP: &str = "全体";

/// The aggregate tables. Rows of suppressed groups and cells keep their keys and
/// `suppressed = true`; every number in them is null.
#[derive(Debug, Clone)]
pub struct Aggregates {
    /// wave, segment, group, item, respondents, n_valid, n_positive, n_neutral, n_negative,
    /// level_1..level_L, n_base (the shares' base), n_missing (respondents − n_valid), share,
    /// share_neutral, share_negative, share_missing (null unless the base is all), ci_lo, ci_hi, diff_all (points from 全体), p_rest, p_rest_adj,
    /// p_group (the adjusted p that marks the group), diff_prev, diff_lo, diff_hi, p_prev,
    /// p_prev_adj, level_share_1..level_share_L (each level over n_valid), unstable, suppressed.
    pub items: DataFrame,
    /// Positive-share changes against every earlier wave: wave, segment, group, item, since,
    /// diff (points).
    pub changes: DataFrame,
    /// Between-group tests per item: wave, segment, item, test, statistic, df, p, p_adj.
    pub item_tests: DataFrame,
    /// wave, segment, group, question, option, respondents, n_base, n_chosen, share, rank,
    /// and the same interval, test and flag columns as `items`.
    pub options: DataFrame,
    /// Between-group tests per option: wave, segment, question, option, test, statistic, df,
    /// p, p_adj.
    pub option_tests: DataFrame,
    /// wave, segment, group, respondents, share (of those with a group in that segment),
    /// ci_lo, ci_hi, suppressed.
    pub groups: DataFrame,
    /// wave, group (employment type or 全体), population, respondents, rate, suppressed.
    pub response: DataFrame,
    /// Free-text questions, whole population: wave, question, respondents, answered.
    pub texts: DataFrame,
}

/// Computes every aggregate table from the segmented frame, with intervals, tests and
/// suppression.
pub fn aggregate(pipeline: &Pipeline, segmented: LazyFrame) -> Result<Aggregates> {
    let frame = Context::context(
        segmented.collect(),
        "回答データを集計用に整えられませんでした",
    )?;
    let ctx = "集計に失敗しました";
    let stats = &pipeline.statistics;
    let previous: BTreeMap<i32, i32> = pipeline
        .waves
        .windows(2)
        .map(|w| (w[1].year.0, w[0].year.0))
        .collect();
    let columns: Vec<(String, String)> = pipeline
        .segments
        .iter()
        .map(|s| (s.id.clone(), s.column()))
        .collect();
    let combinations = Context::context(cube::Combinations::new(pipeline, &frame), ctx)?;
    let representatives = Context::context(combinations.representatives(&frame), ctx)?;
    let links = Context::context(linked::Links::new(&representatives, &columns), ctx)?;
    let (groups, hidden) =
        Context::context(groups::groups(pipeline, &representatives, &links), ctx)?;
    let items_layout = Layout {
        keys: &["item"],
        k: "n_positive",
        n: "n_base",
        family_key: None,
    };
    let (items, item_tests) = Context::context(
        items::items(pipeline, &frame, &combinations)
            .and_then(|df| annotate(df, &items_layout, (&hidden, &links), stats, &previous)),
        ctx,
    )?;
    let options_layout = Layout {
        keys: &["question", "option"],
        k: "n_chosen",
        n: "n_base",
        family_key: Some("question"),
    };
    let (options, option_tests) = Context::context(
        options::options(pipeline, &frame, &combinations)
            .and_then(|df| annotate(df, &options_layout, (&hidden, &links), stats, &previous)),
        ctx,
    )?;
    Ok(Aggregates {
        changes: Context::context(changes::changes(&items), ctx)?,
        items,
        item_tests: Context::context(tests_frame(&item_tests, items_layout.keys), ctx)?,
        options,
        option_tests: Context::context(tests_frame(&option_tests, options_layout.keys), ctx)?,
        groups,
        response: Context::context(groups::response(pipeline, &frame, &hidden), ctx)?,
        texts: Context::context(texts::texts(pipeline, &frame), ctx)?,
    })
}

/// Group-by keys for one segment: `(segment id, expression naming the group)`, the whole
/// population first.
fn segment_keys(pipeline: &Pipeline) -> Vec<(String, Expr)> {
    let mut keys = vec![(ALL_SEGMENT.to_string(), lit(ALL_GROUP))];
    for s in &pipeline.segments {
        keys.push((s.id.clone(), col(s.column())));
    }
    keys
}

/// Runs `per_segment` (a group-by over a long frame whose group column is `group`) for every
/// segment and stacks the results, sorted by the given keys.
fn by_segment(
    pipeline: &Pipeline,
    long: LazyFrame,
    sort_by: &[&str],
    per_segment: impl Fn(LazyFrame) -> PolarsResult<LazyFrame>,
) -> PolarsResult<DataFrame> {
    let parts = segment_keys(pipeline)
        .into_iter()
        .map(|(id, group)| {
            let lf = long
                .clone()
                .with_columns([lit(id).alias("segment"), group.alias("group")])
                .filter(col("group").is_not_null());
            per_segment(lf)
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    concat(parts, UnionArgs::default())?
        .sort(
            sort_by.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            SortMultipleOptions::default(),
        )
        .collect()
}

/// The sum of the cube's counts `n` over its rows where `cond` holds, as u32.
fn count_where(cond: Expr) -> Expr {
    col("n").filter(cond).sum().cast(DataType::UInt32)
}

/// `100 * part / whole` as f64, null when `whole` is zero.
fn percent(part: Expr, whole: Expr) -> Expr {
    when(whole.clone().gt(lit(0)))
        .then(lit(100.0) * part.cast(DataType::Float64) / whole.cast(DataType::Float64))
        .otherwise(lit(NULL).cast(DataType::Float64))
}
