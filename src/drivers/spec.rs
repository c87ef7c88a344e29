//! One key-driver analysis as the pipeline asks for it (`[[drivers]]`, validated by
//! `config::validate::drivers`): the outcome item, the predictor items, the waves pooled, the
//! segments it is repeated for, the smallest group analysed on its own, the model and the
//! number of bootstrap resamples.

use crate::fiscal_year::FiscalYear;

/// The smallest number of complete respondents a group is analysed with on its own; a smaller
/// group is shown the whole city's result with a note (engagement products use about 100:
/// below it, dominance weights of 10–15 correlated items swing from sample to sample).
pub const DEFAULT_MIN_N: usize = 100;
/// Bootstrap resamples per analysis (percentile intervals at 95 %).
pub const DEFAULT_BOOTSTRAP: usize = 200;
/// The seed of every bootstrap: fixed, so a re-run gives the same intervals.
pub const SEED: u64 = 20_240_401;

/// How the answers enter the regression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    /// Linear on the level codes, each item turned so that a higher code is the favourable
    /// answer (a negative statement's levels are reversed).
    Levels,
    /// Linear on the favourable indicator: 1 for a favourable answer (a positive level; a
    /// negative level of a negative statement), else 0.
    Positive,
}

impl Model {
    /// How the report names the model.
    pub fn label(self) -> &'static str {
        match self {
            Model::Levels => "回答の段階（4段階なら 1～4 点）への線形回帰",
            Model::Positive => "肯定的な回答か否か（1 か 0）への線形回帰",
        }
    }
}

/// One `[[drivers]]` entry, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct DriverSpec {
    /// The outcome: a scale question (index into the pipeline's questions).
    pub outcome: usize,
    /// The predictor scale questions, in questionnaire order.
    pub predictors: Vec<usize>,
    /// The waves whose respondents are pooled; empty: the report's wave alone.
    pub waves: Vec<FiscalYear>,
    /// Segment ids the analysis is repeated for, group by group.
    pub segments: Vec<String>,
    pub min_n: usize,
    pub model: Model,
    /// Bootstrap resamples; 0 for none.
    pub bootstrap: usize,
}
