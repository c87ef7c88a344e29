//! Group sizes and response rates.
//!
//! `groups`: per wave × segment × group, the respondents in it and their share of those who
//! have a group in that segment (the やりがい有 68.7% / 無 31.3% split, the age structure).
//! `response`: per wave and employment type, population (from the pipeline file),
//! respondents and response rate.

use super::{by_segment, percent, ALL_GROUP};
use crate::pipeline::Pipeline;
use polars::prelude::*;

pub fn groups(pipeline: &Pipeline, frame: &DataFrame) -> PolarsResult<DataFrame> {
    by_segment(
        pipeline,
        frame.clone().lazy(),
        &["wave", "segment", "group"],
        |lf| {
            Ok(lf
                .group_by([col("wave"), col("segment"), col("group")])
                .agg([len().cast(DataType::UInt32).alias("respondents")])
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

pub fn response(pipeline: &Pipeline, frame: &DataFrame) -> PolarsResult<DataFrame> {
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
    let counted = |key: Expr| {
        frame
            .clone()
            .lazy()
            .with_column(key.alias("group"))
            .filter(col("group").is_not_null())
            .group_by([col("wave"), col("group")])
            .agg([len().cast(DataType::UInt32).alias("respondents")])
    };
    let has_employment = pipeline
        .respondents
        .attributes
        .iter()
        .any(|a| a.id == "employment");
    let mut parts = vec![counted(lit(ALL_GROUP))];
    if has_employment {
        parts.push(counted(col("attr:employment")));
    }
    concat(parts, UnionArgs::default())?
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
        .collect()
}
