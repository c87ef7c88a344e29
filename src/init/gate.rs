//! The data-quality gate, seen from init: `run` stops when one value that matches nothing
//! makes up more than `[quality] max_unmatched_share` of a column's answers. init runs the
//! real clean stage on the file it wrote. Answers meaning "no answer" (わからない, 該当なし)
//! are already declared as the scale's `missing` and never reach the gate; any other answer
//! that is too frequent is listed in the file, and only then is the threshold raised just
//! above it so that the file runs, with a comment saying that the user must decide.

use crate::clean::clean;
use crate::ingest::RawTable;
use crate::pipeline::Pipeline;

/// Values over the default threshold and the threshold that lets them through.
#[derive(Debug, Clone, PartialEq)]
pub struct Raised {
    /// The threshold to write (a share, two decimals).
    pub max_share: f64,
    /// (wave short year, column header, value, share) of each value over the default.
    pub values: Vec<(String, String, String, f64)>,
}

/// The values of the written pipeline's run that the gate would stop on. `tables` are the
/// exports in the pipeline's wave order (oldest first).
pub fn check(pipeline: &Pipeline, tables: &[RawTable]) -> anyhow::Result<Option<Raised>> {
    let waves: Vec<&crate::pipeline::Wave> = pipeline.waves.iter().collect();
    let cleaned = clean(pipeline, &waves, tables)?;
    let limit = pipeline.quality.max_unmatched_share;
    let over: Vec<_> = cleaned
        .unmatched
        .iter()
        .filter(|u| u.share() > limit)
        .collect();
    let Some(max) = over.iter().map(|u| u.share()).reduce(f64::max) else {
        return Ok(None);
    };
    Ok(Some(Raised {
        max_share: threshold_above(max),
        values: over
            .iter()
            .map(|u| (u.year.short(), u.column.clone(), u.value.clone(), u.share()))
            .collect(),
    }))
}

/// The smallest two-decimal share strictly above `share` (0.053 → 0.06, 0.05 → 0.06), at
/// most 0.99.
pub fn threshold_above(share: f64) -> f64 {
    (((share * 100.0 + 1e-9).floor() + 1.0) / 100.0).min(0.99)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_is_just_above_the_share() {
        assert_eq!(threshold_above(0.053), 0.06);
        assert_eq!(threshold_above(0.05), 0.06);
        assert_eq!(threshold_above(0.021), 0.03);
        assert_eq!(threshold_above(0.995), 0.99);
    }
}
