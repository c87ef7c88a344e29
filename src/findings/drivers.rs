//! The 概要's finding about the key-driver analyses (rule 2 of [`super`]): for each
//! `[[drivers]]` outcome with a priority matrix, the items in its 重点改善 quadrant (important
//! for the outcome, below the average favourable share), most important first.

use super::{Fact, Finding, MAX_CITED};
use crate::drivers::matrix::Quadrant;
use crate::drivers::DriverResult;
use crate::pipeline::Pipeline;

/// The 重点改善 items of one outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Priorities {
    /// The outcome question's id.
    pub outcome: String,
    /// How many items are in 重点改善 (`items` cites the most important).
    pub total: usize,
    pub items: Vec<PriorityItem>,
}

/// An item in 重点改善: its share of the explained variance and its favourable share (both
/// percent).
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityItem {
    pub item: String,
    pub importance: f64,
    pub favourable: f64,
}

/// One finding per outcome with at least one item in 重点改善; the table cited is the
/// outcome's ranking.
pub(super) fn driver_findings(pipeline: &Pipeline, drivers: &[DriverResult]) -> Vec<Finding> {
    drivers
        .iter()
        .filter_map(|d| {
            let shares = d.city.shares()?;
            let mut items: Vec<PriorityItem> = d
                .predictors
                .iter()
                .enumerate()
                .filter(|(j, _)| d.quadrants[*j] == Some(Quadrant::Improve))
                .filter_map(|(j, p)| {
                    Some(PriorityItem {
                        item: pipeline.questions[p.question].id.clone(),
                        importance: shares[j],
                        favourable: p.favourable?,
                    })
                })
                .collect();
            if items.is_empty() {
                return None;
            }
            // Stable: equal importance keeps questionnaire order.
            items.sort_by(|a, b| b.importance.total_cmp(&a.importance));
            let total = items.len();
            items.truncate(MAX_CITED);
            let outcome = d.outcome(pipeline).id.clone();
            Some(Finding {
                table: format!("drivers_{outcome}"),
                fact: Fact::Priorities(Priorities {
                    outcome,
                    total,
                    items,
                }),
            })
        })
        .collect()
}
