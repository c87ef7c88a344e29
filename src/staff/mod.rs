//! 職員の状況: the HR administrative statistics that open the report, as Otaru's policy
//! opens its diagnosis (section 4(1)): staff numbers, the age structure, women by post,
//! young staff's resignations, men's childcare leave, and the city beside other cities.
//!
//! The stage reads staff rosters and count tables into counts ([`facts`]: `roster`,
//! `tables`), works the statistics out of the counts with the confidentiality rule of
//! [`protect`] and, for tables published side by side, [`linked`] (`stats`, `pyramid`) and sets the city beside the comparison values
//! (`comparisons`); [`series`] offers the statistics by name to ratio indicators. A roster is personal data: it is read and counted in `roster`, and
//! nothing of a person reaches any output.

pub mod comparisons;
pub mod date;
pub mod facts;
pub mod linked;
pub mod protect;
pub mod pyramid;
pub mod roster;
pub mod series;
pub mod spec;
pub mod stats;
pub mod tables;

pub use comparisons::{comparisons, Comparison};
pub use facts::Facts;
pub use series::names as series_names;
pub use spec::Staff;
pub use stats::{staff_stats, StaffStats};

use anyhow::Result;

/// What the report shows of the HR records.
#[derive(Debug, Clone)]
pub struct StaffView {
    pub stats: StaffStats,
    pub comparisons: Vec<Comparison>,
}

/// Reads every roster and count table of `staff` into counts.
pub fn read_staff(staff: &Staff) -> Result<Facts> {
    let mut facts = Facts::default();
    roster::read_rosters(staff, &mut facts)?;
    tables::read_tables(staff, &mut facts)?;
    Ok(facts)
}
