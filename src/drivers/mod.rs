//! Key-driver analysis (issue 13): which items move an outcome such as やりがい, by how much
//! each adds to the explained variance when the items that move together are taken into
//! account, and how sure that is.
//!
//! [`importance`] computes the weights (exact dominance analysis over every subset of the
//! predictors, Johnson's relative weights beyond 20 predictors) from the complete rows;
//! [`bootstrap`] gives each weight a seeded percentile interval. Both are checked against an
//! independent computation (`tests/fixtures/drivers`).

pub mod bootstrap;
pub mod importance;
