//! Choice questions: per wave × group × option, the respondents asked who answered (the base),
//! how many chose the option, its share of the base, and its rank within the group
//! (1 = most chosen; ties share the lower rank).

use super::cube::{cube, Combinations};
use super::{by_segment, count_where, percent};
use crate::pipeline::{Pipeline, QuestionKind};
use polars::prelude::*;

/// The long options table (see [`super::Aggregates::options`]).
pub fn options(
    pipeline: &Pipeline,
    frame: &DataFrame,
    combinations: &Combinations,
) -> PolarsResult<DataFrame> {
    let mut vars = Vec::new();
    let mut questions = Vec::new();
    let mut option_idx = Vec::new();
    for q in &pipeline.questions {
        if let QuestionKind::Choice { options, .. } = &q.kind {
            for k in 0..options.len() {
                vars.push(q.option_column(k));
                questions.push(q.id.clone());
                option_idx.push(k as u32);
            }
        }
    }
    if vars.is_empty() {
        return Ok(DataFrame::empty());
    }
    let map = DataFrame::new(
        vars.len(),
        vec![
            Column::new("column".into(), vars.clone()),
            Column::new("question".into(), questions),
            Column::new("option".into(), option_idx),
        ],
    )?;
    // Each option column holds 1 (chosen), 0 (not chosen) or null (not answered).
    let counts = cube(frame, combinations, &vars, &[0, 1])?
        .join(
            map.lazy(),
            [col("column")],
            [col("column")],
            JoinArgs::new(JoinType::Inner),
        )
        .drop(cols(["column"]))
        .rename(["value"], ["chosen"], true);
    let keys = ["wave", "segment", "group", "question", "option"];
    by_segment(pipeline, counts, &keys, |lf| {
        Ok(lf
            .group_by([
                col("wave"),
                col("segment"),
                col("group"),
                col("question"),
                col("option"),
            ])
            .agg([
                col("n").sum().cast(DataType::UInt32).alias("respondents"),
                count_where(col("chosen").is_not_null()).alias("n_base"),
                count_where(col("chosen").eq(lit(1))).alias("n_chosen"),
            ])
            .with_columns([
                percent(col("n_chosen"), col("n_base")).alias("share"),
                col("n_chosen")
                    .rank(
                        RankOptions {
                            method: RankMethod::Min,
                            descending: true,
                        },
                        None,
                    )
                    .over([col("wave"), col("segment"), col("group"), col("question")])?
                    .cast(DataType::UInt32)
                    .alias("rank"),
            ]))
    })
}
