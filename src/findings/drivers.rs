//! The 概要's finding about the key-driver analyses (rule 2 of [`super`]): one finding for all
//! `[[drivers]]` outcomes together, each with the items in its 重点改善 quadrant (important for
//! the outcome, below the average favourable share), most important first.

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

/// An item in 重点改善 and its share of the explained variance (percent), which orders them.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityItem {
    pub item: String,
    pub importance: f64,
}

/// One finding listing, per outcome with at least one item in 重点改善, those items; the table
/// cited is the first such outcome's ranking. `None` when no outcome has any.
pub(super) fn driver_findings(pipeline: &Pipeline, drivers: &[DriverResult]) -> Option<Finding> {
    let all: Vec<Priorities> = drivers
        .iter()
        .filter_map(|d| {
            let shares = d.city.shares()?;
            let mut items: Vec<PriorityItem> = d
                .predictors
                .iter()
                .enumerate()
                .filter(|(j, _)| d.quadrants[*j] == Some(Quadrant::Improve))
                .map(|(j, p)| PriorityItem {
                    item: pipeline.questions[p.question].id.clone(),
                    importance: shares[j],
                })
                .collect();
            if items.is_empty() {
                return None;
            }
            // Stable: equal importance keeps questionnaire order.
            items.sort_by(|a, b| b.importance.total_cmp(&a.importance));
            let total = items.len();
            items.truncate(MAX_CITED);
            Some(Priorities {
                outcome: d.outcome(pipeline).id.clone(),
                total,
                items,
            })
        })
        .collect();
    let first = all.first()?;
    Some(Finding {
        table: format!("drivers_{}", first.outcome),
        fact: Fact::Priorities(all),
    })
}
