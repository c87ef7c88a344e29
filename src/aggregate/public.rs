//! What the public profile (`[statistics] profile = "public"`, for what a city publishes on
//! its website) leaves out beyond the raised minimum: a breakdown in which fewer than two
//! groups can be shown in the report's wave. Such a breakdown compares nothing, and its
//! columns of x would only list which groups are small.

use super::lookup::Lookup;
use crate::pipeline::Pipeline;

/// The fewest groups a breakdown shows in the public report.
pub const PUBLIC_MIN_SHOWN_GROUPS: usize = 2;

/// The ids of the segments the report leaves out: none unless the profile is public.
pub fn left_out(pipeline: &Pipeline, lookup: &Lookup, wave: i32) -> Vec<String> {
    if !pipeline.statistics.public {
        return vec![];
    }
    pipeline
        .segments
        .iter()
        .filter(|s| {
            let shown = lookup
                .segment_groups(pipeline, s)
                .iter()
                .filter(|g| lookup.group(wave, &s.id, g).is_some())
                .count();
            shown < PUBLIC_MIN_SHOWN_GROUPS
        })
        .map(|s| s.id.clone())
        .collect()
}

/// The pipeline as the report shows it: without the segments left out.
pub fn without(pipeline: &Pipeline, left_out: &[String]) -> Pipeline {
    let mut shown = pipeline.clone();
    shown.segments.retain(|s| !left_out.contains(&s.id));
    shown
}
