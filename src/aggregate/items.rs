//! Scale items: per wave × group × item, respondents, valid answers, the base of the shares,
//! the positive (top-two), neutral, negative and no-answer counts and shares, and the count at
//! each scale level.
//!
//! The base is those who answered (`n_valid`) or, for items with `base = "all"`, every
//! respondent of the group (a wave that did not ask the item has base 0). Positive, neutral,
//! negative and no-answer shares are all over that base, so under `"all"` they add to 100.
//! The neutral share is null for scales without a neutral middle, the no-answer share for
//! items whose base is those who answered. Each level's share (`level_share_k`, what the
//! answer-distribution chart draws) is over those who answered, whatever the base.

use super::cube::{cube, Combinations};
use super::{by_segment, count_where, percent};
use crate::pipeline::{Base, Pipeline, QuestionKind};
use polars::prelude::*;

/// The long items table (see [`super::Aggregates::items`]). Level columns `level_1..level_L`
/// run to the longest scale; levels a scale does not have count 0.
pub fn items(
    pipeline: &Pipeline,
    frame: &DataFrame,
    combinations: &Combinations,
) -> PolarsResult<DataFrame> {
    let max_levels = pipeline.max_levels();
    let mut parts = Vec::new();
    for (si, scale) in pipeline.scales.iter().enumerate() {
        let on: Vec<String> = pipeline
            .questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Scale { scale } if scale == si))
            .map(|q| q.code_column())
            .collect();
        if on.is_empty() {
            continue;
        }
        let positive = scale.positive as i32;
        let neutral_end = (scale.positive + scale.neutral) as i32;
        let levels: Vec<i32> = (0..scale.levels.len() as i32).collect();
        let counts = cube(frame, combinations, &on, &levels)?.rename(
            ["column", "value"],
            ["item", "code"],
            true,
        );
        let table = by_segment(
            pipeline,
            counts,
            &["wave", "segment", "group", "item"],
            |lf| {
                let code = || col("code");
                let mut aggs = vec![
                    col("n").sum().cast(DataType::UInt32).alias("respondents"),
                    count_where(code().is_not_null()).alias("n_valid"),
                    count_where(code().lt(lit(positive))).alias("n_positive"),
                    count_where(code().gt_eq(lit(positive)).and(code().lt(lit(neutral_end))))
                        .alias("n_neutral"),
                    count_where(code().gt_eq(lit(neutral_end))).alias("n_negative"),
                ];
                for k in 0..max_levels {
                    aggs.push(
                        count_where(code().eq(lit(k as i32))).alias(format!("level_{}", k + 1)),
                    );
                }
                Ok(lf
                    .group_by([col("wave"), col("segment"), col("group"), col("item")])
                    .agg(aggs))
            },
        )?;
        parts.push(table.lazy());
    }
    if parts.is_empty() {
        return Ok(DataFrame::empty());
    }
    let all_base: Vec<String> = pipeline
        .questions
        .iter()
        .filter(|q| q.base == Base::All && matches!(q.kind, QuestionKind::Scale { .. }))
        .map(|q| q.id.clone())
        .collect();
    let with_neutral: Vec<String> = pipeline
        .questions
        .iter()
        .filter(|q| pipeline.scale_of(q).is_some_and(|s| s.neutral > 0))
        .map(|q| q.id.clone())
        .collect();
    let item_in = |ids: &[String]| {
        ids.iter().fold(lit(false), |acc, id| {
            acc.or(col("item").eq(lit(id.clone())))
        })
    };
    let is_all_base = item_in(&all_base);
    let has_neutral = item_in(&with_neutral);
    let n_base = when(is_all_base.clone())
        .then(
            when(col("n_valid").gt(lit(0)))
                .then(col("respondents"))
                .otherwise(lit(0u32)),
        )
        .otherwise(col("n_valid"))
        .cast(DataType::UInt32);
    concat(parts, UnionArgs::default())?
        // `q:<id>` → `<id>`
        .with_column(col("item").str().strip_prefix(lit("q:")))
        .with_columns([
            n_base.alias("n_base"),
            (col("respondents") - col("n_valid")).alias("n_missing"),
        ])
        .with_columns([
            percent(col("n_positive"), col("n_base")).alias("share"),
            when(has_neutral)
                .then(percent(col("n_neutral"), col("n_base")))
                .otherwise(lit(NULL).cast(DataType::Float64))
                .alias("share_neutral"),
            percent(col("n_negative"), col("n_base")).alias("share_negative"),
            when(is_all_base)
                .then(percent(col("n_base") - col("n_valid"), col("n_base")))
                .otherwise(lit(NULL).cast(DataType::Float64))
                .alias("share_missing"),
        ])
        .with_columns(
            (1..=max_levels)
                .map(|k| {
                    percent(col(format!("level_{k}")), col("n_valid"))
                        .alias(format!("level_share_{k}"))
                })
                .collect::<Vec<_>>(),
        )
        .sort(
            ["wave", "segment", "group", "item"],
            SortMultipleOptions::default(),
        )
        .collect()
}
