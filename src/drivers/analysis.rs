//! The drivers stage: for each `[[drivers]]` entry, the respondents of its waves who answered
//! the outcome and every predictor (listwise deletion, counted), coded as the model says, the
//! importance of each predictor with its bootstrap interval, for the whole city and for each
//! group of the entry's segments that has at least `min_n` complete respondents; and each
//! predictor's favourable share in the report's wave (from the aggregate stage, which owns it)
//! and its quadrant of the priority matrix.

use super::bootstrap::intervals as bootstrap;
use super::importance::{correlations, importance, Importance};
use super::matrix::{Lines, Quadrant};
use super::spec::{DriverSpec, Model, SEED};
use crate::aggregate::lookup::Lookup;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::fiscal_year::FiscalYear;
use crate::pipeline::{Pipeline, Question};
use anyhow::{Context, Result};
use polars::prelude::*;

/// A predictor item and its favourable share (percent) among all respondents of the report's
/// wave, `None` where that share is hidden.
#[derive(Debug, Clone, PartialEq)]
pub struct Predictor {
    pub question: usize,
    pub favourable: Option<f64>,
}

/// One analysis of one set of respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Respondents who answered the outcome and every predictor.
    pub n_used: usize,
    /// Respondents of the same waves and group left out for a missing answer.
    pub n_left_out: usize,
    /// The weights, `None` when fewer than `min_n` respondents are complete or the outcome
    /// does not vary among them.
    pub importance: Option<Importance>,
    /// Each weight's 95 % bootstrap interval (empty without a bootstrap, and for a group).
    pub intervals: Vec<(f64, f64)>,
}

impl Fit {
    /// Each predictor's share of the explained variance, percent.
    pub fn shares(&self) -> Option<Vec<f64>> {
        self.importance
            .as_ref()
            .map(|i| i.shares().into_iter().map(|s| s * 100.0).collect())
    }

    /// Each predictor's rank by weight (1 the most important; ties share the better rank).
    pub fn ranks(&self) -> Option<Vec<usize>> {
        let w = &self.importance.as_ref()?.weights;
        Some(
            w.iter()
                .map(|x| 1 + w.iter().filter(|y| *y > x).count())
                .collect(),
        )
    }
}

/// The analysis of one segment group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFit {
    pub segment: String,
    pub group: String,
    /// Hidden by the confidentiality rules: nothing of it is shown.
    pub hidden: bool,
    pub fit: Fit,
}

/// One `[[drivers]]` entry's results.
#[derive(Debug, Clone, PartialEq)]
pub struct DriverResult {
    pub spec: DriverSpec,
    /// The waves pooled, oldest first.
    pub waves: Vec<FiscalYear>,
    pub predictors: Vec<Predictor>,
    pub city: Fit,
    /// The lines between the matrix's quadrants, when the city has weights.
    pub lines: Option<Lines>,
    /// Each predictor's quadrant (`None` without weights or favourable share).
    pub quadrants: Vec<Option<Quadrant>>,
    pub groups: Vec<GroupFit>,
}

impl DriverResult {
    /// The outcome question.
    pub fn outcome<'a>(&self, pipeline: &'a Pipeline) -> &'a Question {
        &pipeline.questions[self.spec.outcome]
    }
}

/// Runs every `[[drivers]]` entry of `pipeline` on the segmented frame (waves up to `year`).
pub fn drivers(
    pipeline: &Pipeline,
    segmented: &DataFrame,
    lookup: &Lookup,
    year: FiscalYear,
) -> Result<Vec<DriverResult>> {
    pipeline
        .drivers
        .iter()
        .map(|spec| one(pipeline, segmented, lookup, year, spec))
        .collect()
}

fn one(
    pipeline: &Pipeline,
    frame: &DataFrame,
    lookup: &Lookup,
    year: FiscalYear,
    spec: &DriverSpec,
) -> Result<DriverResult> {
    let waves: Vec<FiscalYear> = if spec.waves.is_empty() {
        vec![year]
    } else {
        spec.waves.iter().copied().filter(|w| *w <= year).collect()
    };
    let wave_col = frame.column("wave")?.i32()?;
    let in_waves: Vec<bool> = wave_col
        .iter()
        .map(|w| w.is_some_and(|w| waves.iter().any(|y| y.0 == w)))
        .collect();
    let code = |q: usize| -> Result<Vec<Option<f64>>> {
        let question = &pipeline.questions[q];
        let scale = pipeline
            .scale_of(question)
            .context("a driver item is a scale question (validated)")?;
        let top = scale.levels.len() as i32 - 1;
        let favourable_from = (scale.positive + scale.neutral) as i32;
        let positive = scale.positive as i32;
        let column = frame.column(&question.code_column())?.i32()?;
        Ok(column
            .iter()
            .map(|c| {
                c.map(|c| match (spec.model, question.negative) {
                    (Model::Levels, false) => f64::from(top - c),
                    (Model::Levels, true) => f64::from(c),
                    (Model::Positive, false) => f64::from(u8::from(c < positive)),
                    (Model::Positive, true) => f64::from(u8::from(c >= favourable_from)),
                })
            })
            .collect())
    };
    let y = code(spec.outcome)?;
    let xs: Vec<Vec<Option<f64>>> = spec
        .predictors
        .iter()
        .map(|&q| code(q))
        .collect::<Result<_>>()?;
    let data = Coded { in_waves, y, xs };
    let everyone = vec![true; data.y.len()];
    let city = data.fit(&everyone, spec, true);
    let predictors: Vec<Predictor> = spec
        .predictors
        .iter()
        .map(|&q| Predictor {
            question: q,
            favourable: favourable(lookup, year, &pipeline.questions[q]),
        })
        .collect();
    let shares = city.shares();
    let lines = shares.as_ref().and_then(|s| {
        Lines::of(
            s,
            &predictors.iter().map(|p| p.favourable).collect::<Vec<_>>(),
        )
    });
    let quadrants = predictors
        .iter()
        .enumerate()
        .map(|(j, p)| {
            let (lines, shares, fav) = (lines.as_ref()?, shares.as_ref()?, p.favourable?);
            Some(lines.quadrant(shares[j], fav))
        })
        .collect();
    let mut groups = Vec::new();
    for id in &spec.segments {
        let Some(segment) = pipeline.segments.iter().find(|s| &s.id == id) else {
            continue; // left out of this report (the public profile)
        };
        let labels: Vec<Option<String>> = frame
            .column(&segment.column())?
            .str()?
            .iter()
            .map(|g| g.map(str::to_string))
            .collect();
        for group in lookup.segment_groups(pipeline, segment) {
            let hidden = lookup.group_hidden(year.0, &segment.id, &group);
            let member: Vec<bool> = labels
                .iter()
                .map(|l| l.as_deref() == Some(group.as_str()))
                .collect();
            let fit = if hidden {
                data.counts(&member).0
            } else {
                data.fit(&member, spec, false)
            };
            groups.push(GroupFit {
                segment: segment.id.clone(),
                group,
                hidden,
                fit,
            });
        }
    }
    Ok(DriverResult {
        spec: spec.clone(),
        waves,
        predictors,
        city,
        lines,
        quadrants,
        groups,
    })
}

/// The favourable share of an item among all respondents of the report's wave (percent): the
/// positive share, or the negative share of a negative statement.
fn favourable(lookup: &Lookup, year: FiscalYear, q: &Question) -> Option<f64> {
    if lookup.item_hidden(year.0, ALL_SEGMENT, ALL_GROUP, &q.id) {
        return None;
    }
    let cell = lookup.item(year.0, ALL_SEGMENT, ALL_GROUP, &q.id)?;
    if q.negative {
        cell.share_negative
    } else {
        cell.share
    }
}

/// The coded answers of every respondent of the frame.
struct Coded {
    in_waves: Vec<bool>,
    y: Vec<Option<f64>>,
    xs: Vec<Vec<Option<f64>>>,
}

impl Coded {
    /// The complete rows among the members in the waves, and the counts (with no weights).
    fn counts(&self, member: &[bool]) -> (Fit, Vec<Vec<f64>>, Vec<f64>) {
        let (mut rows, mut ys, mut left_out) = (Vec::new(), Vec::new(), 0);
        for i in 0..self.y.len() {
            if !(self.in_waves[i] && member[i]) {
                continue;
            }
            let row: Option<Vec<f64>> = self.xs.iter().map(|x| x[i]).collect();
            match (row, self.y[i]) {
                (Some(row), Some(y)) => {
                    rows.push(row);
                    ys.push(y);
                }
                _ => left_out += 1,
            }
        }
        let fit = Fit {
            n_used: rows.len(),
            n_left_out: left_out,
            importance: None,
            intervals: vec![],
        };
        (fit, rows, ys)
    }

    /// The analysis of the members: weights when at least `min_n` are complete, with their
    /// bootstrap intervals when `intervals` (the whole city's ranking shows them; a group's
    /// column of shares does not, so its resamples would be work nobody reads).
    fn fit(&self, member: &[bool], spec: &DriverSpec, intervals: bool) -> Fit {
        let (mut fit, rows, ys) = self.counts(member);
        if rows.len() < spec.min_n.max(3) {
            return fit;
        }
        let Some((r, ry)) = correlations(&rows, &ys) else {
            return fit;
        };
        let weights = importance(&r, &ry);
        if intervals && spec.bootstrap > 0 {
            fit.intervals = bootstrap((&rows, &ys), weights.method, spec.bootstrap, SEED, 0.95);
        }
        fit.importance = Some(weights);
        fit
    }
}
