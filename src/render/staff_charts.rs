//! The charts of the 職員の状況 section (filled in once the chart kinds exist).

use super::chart_data::Chart;
use super::Report;
use crate::staff::StaffView;
use anyhow::Result;

/// The section's charts, in the order of its tables.
pub fn charts(_report: &Report, _view: &StaffView) -> Result<Vec<Chart>> {
    Ok(vec![])
}
