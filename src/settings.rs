//! The settings of a run that are not about the data: the statistics (intervals, tests and
//! the confidentiality thresholds of `[statistics]`) and the data-quality gate (`[quality]`),
//! with their defaults. Part of the validated pipeline (`crate::pipeline`).

/// The data-quality gate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    /// A value matching nothing may make up at most this share (0–1) of a column's answers.
    pub max_unmatched_share: f64,
}

impl Default for Quality {
    fn default() -> Self {
        Quality {
            max_unmatched_share: 0.02,
        }
    }
}

/// Intervals, tests and confidentiality thresholds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Statistics {
    /// Confidence level of intervals, e.g. 0.95.
    pub confidence: f64,
    /// Significance level for Holm-adjusted p-values, e.g. 0.05.
    pub significance: f64,
    /// Groups or cells with a base below this are suppressed.
    pub min_group: u32,
    /// Free-text answers need at least this many in the group.
    pub min_group_text: u32,
    /// For publication (`profile = "public"`): larger groups only, no department sheets.
    pub public: bool,
    /// In a base smaller than this, a share of 0% or 100% (everyone answered alike) is
    /// suppressed.
    pub min_uniform_group: u32,
    /// A cell whose base changed since an earlier wave by at least 1 and fewer than this is
    /// suppressed in the later wave (1 turns the rule off).
    pub min_change_members: u32,
    /// The size-change rule watches bases below this.
    pub change_watch_below: u32,
    /// Bases below this are marked unstable.
    pub unstable_below: u32,
}

impl Default for Statistics {
    fn default() -> Self {
        Statistics {
            confidence: 0.95,
            significance: 0.05,
            min_group: 5,
            min_group_text: 10,
            public: false,
            min_uniform_group: 10,
            min_change_members: 3,
            change_watch_below: 20,
            unstable_below: 30,
        }
    }
}
