//! Validating `[scales.*]`: levels, the positive and neutral counts and aliases.

use super::Problems;
use crate::config::file::*;
use crate::normalize::normalize_label;
use crate::pipeline::*;
use std::collections::{BTreeMap, BTreeSet};

/// The most levels a scale may have: an answer is kept as one byte (see `clean::codes`).
pub const MAX_LEVELS: usize = 250;

pub(super) fn scales(file: &BTreeMap<String, ScaleFile>, p: &mut Problems) -> Vec<Scale> {
    let mut out = Vec::new();
    for (id, s) in file {
        let key = format!("scales.{id}");
        if s.levels.len() < 2 {
            p.add(format!("{key}.levels"), "二つ以上の選択肢が必要です");
            continue;
        }
        if s.levels.len() > MAX_LEVELS {
            p.add(
                format!("{key}.levels"),
                format!(
                    "選択肢は {MAX_LEVELS} までです（{} あります）。自由記述の設問は kind = \"text\" にしてください",
                    s.levels.len()
                ),
            );
            continue;
        }
        let mut norm = BTreeSet::new();
        for l in &s.levels {
            if !norm.insert(normalize_label(l)) {
                p.add(format!("{key}.levels"), format!("「{l}」が重複しています"));
            }
        }
        if s.positive == 0 || s.positive >= s.levels.len() {
            p.add(
                format!("{key}.positive"),
                format!("1 から {} の間にしてください", s.levels.len() - 1),
            );
        }
        if s.positive + s.neutral >= s.levels.len() {
            p.add(
                format!("{key}.neutral"),
                format!(
                    "positive（{}）と neutral（{}）の合計が選択肢の数（{}）以上です。否定的な選択肢が一つは残るようにしてください",
                    s.positive,
                    s.neutral,
                    s.levels.len()
                ),
            );
        }
        let mut aliases = Vec::new();
        for (alias, target) in &s.aliases {
            match s.levels.iter().position(|l| l == target) {
                Some(i) => aliases.push((alias.clone(), i)),
                None => p.add(
                    format!("{key}.aliases.{alias}"),
                    format!(
                        "「{target}」は levels にありません（levels: {}）",
                        s.levels.join("、")
                    ),
                ),
            }
        }
        for m in &s.missing {
            if norm.contains(&normalize_label(m)) {
                p.add(
                    format!("{key}.missing"),
                    format!(
                        "「{m}」は levels の選択肢です。無回答として扱う回答だけを書いてください"
                    ),
                );
            }
        }
        out.push(
            Scale::new(
                id.clone(),
                s.levels.clone(),
                s.positive,
                s.neutral,
                &aliases,
            )
            .with_missing(&s.missing),
        );
    }
    out
}
