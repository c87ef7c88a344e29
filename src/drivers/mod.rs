//! Key-driver analysis (issue 13): which items move an outcome such as やりがい, by how much
//! each adds to the explained variance when the items that move together are taken into
//! account, and how sure that is.
//!
//! [`spec`] is the analysis as the pipeline asks for it; [`analysis`] takes the respondents
//! who answered the outcome and every predictor, per segment group, and runs the rest;
//! [`importance`] computes the weights (exact dominance analysis over every subset of the
//! predictors, Johnson's relative weights beyond 20 predictors) from the complete rows;
//! [`bootstrap`] gives each weight a seeded percentile interval. Both are checked against an
//! independent computation (`tests/fixtures/drivers`). [`matrix`] places each predictor in
//! the priority matrix (重点改善マトリクス) by its importance and its favourable share.

pub mod analysis;
pub mod bootstrap;
pub mod importance;
pub mod matrix;
pub mod spec;

pub use analysis::{drivers, DriverResult, Fit, GroupFit, Predictor};
pub use spec::{DriverSpec, Model};
