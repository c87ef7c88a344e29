//! Validating `[statistics]` (intervals, tests, confidentiality thresholds and the
//! internal/public profile) and `[quality]` (the data-quality gate).

use super::Problems;
use crate::config::file::*;
use crate::pipeline::*;

/// The smallest group shown under `profile = "public"`.
const PUBLIC_MIN_GROUP: u32 = 10;

pub(super) fn statistics(s: &StatisticsFile, p: &mut Problems) -> Statistics {
    let d = Statistics::default();
    let public = match s.profile.as_deref() {
        None | Some("internal") => false,
        Some("public") => true,
        Some(other) => {
            p.add(
                "statistics.profile",
                format!("「{other}」は使えません。\"internal\"（庁内用、既定）か \"public\"（公表用）にしてください"),
            );
            false
        }
    };
    let min_group_default = if public {
        PUBLIC_MIN_GROUP
    } else {
        d.min_group
    };
    if public && s.min_group.is_some_and(|m| m < PUBLIC_MIN_GROUP) {
        p.add(
            "statistics.min_group",
            format!("公表用（profile = \"public\"）では {PUBLIC_MIN_GROUP} 以上にしてください"),
        );
    }
    let out = Statistics {
        public,
        confidence: s.confidence.unwrap_or(d.confidence),
        significance: s.significance.unwrap_or(d.significance),
        min_group: s.min_group.unwrap_or(min_group_default),
        min_group_text: s
            .min_group_text
            .unwrap_or(d.min_group_text.max(min_group_default)),
        min_uniform_group: s.min_uniform_group.unwrap_or(d.min_uniform_group),
        min_change_members: s.min_change_members.unwrap_or(d.min_change_members),
        change_watch_below: s.change_watch_below.unwrap_or(d.change_watch_below),
        unstable_below: s.unstable_below.unwrap_or(d.unstable_below),
    };
    if !(out.confidence > 0.5 && out.confidence < 1.0) {
        p.add(
            "statistics.confidence",
            "0.5 より大きく 1 より小さい値にしてください（例: 0.95）",
        );
    }
    if !(out.significance > 0.0 && out.significance < 0.5) {
        p.add(
            "statistics.significance",
            "0 より大きく 0.5 より小さい値にしてください（例: 0.05）",
        );
    }
    if out.min_group < 1 {
        p.add("statistics.min_group", "1 以上にしてください（既定 5）");
    }
    if out.min_change_members < 1 {
        p.add(
            "statistics.min_change_members",
            "1 以上にしてください（既定 3。1 にするとこの規則を使いません）",
        );
    }
    if out.min_group_text < out.min_group {
        p.add(
            "statistics.min_group_text",
            "min_group 以上にしてください（既定 10）",
        );
    }
    out
}

pub(super) fn quality(q: &QualityFile, p: &mut Problems) -> Quality {
    let d = Quality::default();
    let out = Quality {
        max_unmatched_share: q.max_unmatched_share.unwrap_or(d.max_unmatched_share),
    };
    if !(0.0..1.0).contains(&out.max_unmatched_share) {
        p.add(
            "quality.max_unmatched_share",
            "0 以上 1 未満の割合で書いてください（例: 0.02 は 2%）",
        );
    }
    out
}
