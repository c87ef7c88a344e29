//! Free-text questions: per wave, how many respondents wrote an answer to each, for the whole
//! population only (a count per group would say who wrote). The answers themselves are never
//! shown in any output.

use crate::pipeline::{Pipeline, QuestionKind};
use polars::prelude::*;

/// wave, question, respondents, answered; sorted by wave and questionnaire order.
pub fn texts(pipeline: &Pipeline, frame: &DataFrame) -> PolarsResult<DataFrame> {
    let parts: Vec<LazyFrame> = pipeline
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| matches!(q.kind, QuestionKind::Text))
        .map(|(order, q)| {
            frame
                .clone()
                .lazy()
                .group_by([col("wave")])
                .agg([
                    len().cast(DataType::UInt32).alias("respondents"),
                    col(q.code_column())
                        .is_not_null()
                        .sum()
                        .cast(DataType::UInt32)
                        .alias("answered"),
                ])
                .with_columns([
                    lit(q.id.clone()).alias("question"),
                    lit(order as u32).alias("order"),
                ])
        })
        .collect();
    if parts.is_empty() {
        return Ok(DataFrame::empty());
    }
    concat(parts, UnionArgs::default())?
        .sort(["wave", "order"], SortMultipleOptions::default())
        .select([
            col("wave"),
            col("question"),
            col("respondents"),
            col("answered"),
        ])
        .collect()
}
