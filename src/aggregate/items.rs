//! Scale items: per wave × group × item, respondents, valid answers, positive (top-two) count
//! and share, and the count at each scale level.

use super::{by_segment, percent};
use crate::pipeline::{Pipeline, QuestionKind};
use polars::prelude::*;

/// The long items table (see [`super::Aggregates::items`]). Level columns `level_1..level_L`
/// run to the longest scale; levels a scale does not have count 0.
pub fn items(pipeline: &Pipeline, frame: &DataFrame) -> PolarsResult<DataFrame> {
    let max_levels = pipeline.max_levels();
    let seg_cols: Vec<String> = pipeline.segments.iter().map(|s| s.column()).collect();
    let mut index = vec!["wave".to_string()];
    index.extend(seg_cols);
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
        let long = frame.clone().lazy().unpivot(UnpivotArgsDSL {
            on: Some(cols(on)),
            index: cols(index.clone()),
            variable_name: Some("item".into()),
            value_name: Some("code".into()),
        });
        let positive = scale.positive as i32;
        let table = by_segment(
            pipeline,
            long,
            &["wave", "segment", "group", "item"],
            |lf| {
                let mut aggs = vec![
                    len().cast(DataType::UInt32).alias("respondents"),
                    col("code")
                        .is_not_null()
                        .sum()
                        .cast(DataType::UInt32)
                        .alias("n_valid"),
                    col("code")
                        .lt(lit(positive))
                        .sum()
                        .cast(DataType::UInt32)
                        .alias("n_positive"),
                ];
                for k in 0..max_levels {
                    aggs.push(
                        col("code")
                            .eq(lit(k as i32))
                            .sum()
                            .cast(DataType::UInt32)
                            .alias(format!("level_{}", k + 1)),
                    );
                }
                Ok(lf
                    .group_by([col("wave"), col("segment"), col("group"), col("item")])
                    .agg(aggs)
                    .with_column(percent(col("n_positive"), col("n_valid")).alias("share")))
            },
        )?;
        parts.push(table.lazy());
    }
    if parts.is_empty() {
        return Ok(DataFrame::empty());
    }
    concat(parts, UnionArgs::default())?
        // `q:<id>` → `<id>`
        .with_column(col("item").str().strip_prefix(lit("q:")))
        .sort(
            ["wave", "segment", "group", "item"],
            SortMultipleOptions::default(),
        )
        .collect()
}
