//! The `[[drivers]]` part of the pipeline file as written: key-driver analyses of an outcome
//! item. A serde struct that mirrors the TOML; these doc comments are the reference of the
//! format (the README links here). `validate::drivers` checks it.

use super::file::YearValue;
use serde::Deserialize;

/// `[[drivers]]`: which items move an outcome, and which of those score low.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DriversFile {
    /// The outcome: a scale question's id (`"q02"`) or the id of a KGI/KPI whose value is a
    /// scale question's positive share (`"kgi_yarigai"`).
    pub outcome: String,
    /// The predictor items: scale questions' ids. Default: every other scale question.
    pub predictors: Option<Vec<String>>,
    /// The waves whose respondents are pooled, e.g. `["R5", "R6"]`. Default: the report's
    /// wave alone.
    pub waves: Option<Vec<YearValue>>,
    /// Segments the analysis is repeated for, group by group (`["age"]`). Default: none.
    #[serde(default)]
    pub segments: Vec<String>,
    /// The fewest complete respondents a group is analysed with on its own (default 100);
    /// a smaller group is shown the whole city's result with a note.
    pub min_n: Option<u32>,
    /// `"levels"` (default: linear on the answer levels, 1–4 on a four-point scale) or
    /// `"positive"` (linear on whether the answer is favourable, 1 or 0).
    pub model: Option<String>,
    /// Bootstrap resamples for the intervals (default 200; 0 for none).
    pub bootstrap: Option<u32>,
}
