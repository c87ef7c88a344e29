//! Segment: adds one group-label column per segment (`seg:<id>`) to the coded frame.
//!
//! Attribute segments copy the attribute; a split segment puts the positive levels of its
//! question in the first group, the negative levels in the second, and the neutral middle
//! (どちらともいえない) and no answer in neither (null). Only expressions are built here; nothing is computed until aggregation collects.

use crate::pipeline::{Pipeline, SegmentBy};
use polars::prelude::*;

/// The coded frame with a `seg:<id>` string column for every segment.
pub fn segment(pipeline: &Pipeline, coded: LazyFrame) -> LazyFrame {
    let exprs: Vec<Expr> = pipeline
        .segments
        .iter()
        .map(|s| {
            let e = match &s.by {
                SegmentBy::Age => col("attr:age"),
                SegmentBy::Attribute(k) => {
                    col(format!("attr:{}", pipeline.respondents.attributes[*k].id))
                }
                SegmentBy::Split { question, groups } => {
                    let q = &pipeline.questions[*question];
                    let (positive, neutral) = pipeline
                        .scale_of(q)
                        .map(|s| (s.positive, s.neutral))
                        .unwrap_or((0, 0));
                    let code = col(q.code_column());
                    when(code.clone().lt(lit(positive as i32)))
                        .then(lit(groups[0].clone()))
                        .when(code.gt_eq(lit((positive + neutral) as i32)))
                        .then(lit(groups[1].clone()))
                        .otherwise(lit(NULL).cast(DataType::String))
                }
            };
            e.alias(s.column())
        })
        .collect();
    if exprs.is_empty() {
        coded
    } else {
        coded.with_columns(exprs)
    }
}
