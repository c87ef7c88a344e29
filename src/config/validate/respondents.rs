//! Validating `[respondents]`: the id column, age bands (labels or edges) and attributes.

use super::Problems;
use crate::config::file::*;
use crate::normalize::normalize_label;
use crate::pipeline::*;
use std::collections::BTreeMap;

pub(super) fn respondents(r: &RespondentsFile, p: &mut Problems) -> Respondents {
    if r.id.trim().is_empty() {
        p.add("respondents.id", "回答者IDの列見出しを書いてください");
    }
    let age = r.age.as_ref().and_then(|a| {
        if a.bands.is_empty() {
            p.add(
                "respondents.age.bands",
                "年代の区分を一つ以上書いてください",
            );
            return None;
        }
        let mode = match &a.edges {
            Some(edges) => {
                if !a.map.is_empty() {
                    p.add(
                        "respondents.age",
                        "map と edges はどちらか一方だけ書いてください",
                    );
                }
                if edges.len() + 1 != a.bands.len() {
                    p.add(
                        "respondents.age.edges",
                        format!(
                            "区分が {} 個なので境界は {} 個必要です（{} 個あります）",
                            a.bands.len(),
                            a.bands.len() - 1,
                            edges.len()
                        ),
                    );
                }
                if edges.windows(2).any(|w| w[0] >= w[1]) {
                    p.add("respondents.age.edges", "境界は小さい順に書いてください");
                }
                AgeMode::Edges(edges.clone())
            }
            None => {
                let mut map = BTreeMap::new();
                for (i, b) in a.bands.iter().enumerate() {
                    map.insert(normalize_label(b), i);
                }
                for (label, band) in &a.map {
                    match a.bands.iter().position(|b| b == band) {
                        Some(i) => {
                            map.insert(normalize_label(label), i);
                        }
                        None => p.add(
                            format!("respondents.age.map.{label}"),
                            format!(
                                "「{band}」は bands にありません（bands: {}）",
                                a.bands.join("、")
                            ),
                        ),
                    }
                }
                AgeMode::Labels(map)
            }
        };
        Some(Age {
            column: a.column.clone(),
            bands: a.bands.clone(),
            mode,
        })
    });
    let mut attributes = Vec::new();
    if let Some(e) = &r.employment {
        if e.values.is_empty() {
            p.add(
                "respondents.employment.values",
                "雇用形態の値を一つ以上書いてください",
            );
        }
        attributes.push(Attribute {
            id: "employment".into(),
            label: "雇用形態".into(),
            column: e.column.clone(),
            values: Some(e.values.clone()),
        });
    }
    for (i, a) in r.attributes.iter().enumerate() {
        if ["age", "employment"].contains(&a.id.as_str()) || attributes.iter().any(|b| b.id == a.id)
        {
            p.add(
                format!("respondents.attributes[{i}].id"),
                format!(
                    "「{}」は既に使われています（age と employment は予約済み）",
                    a.id
                ),
            );
        }
        attributes.push(Attribute {
            id: a.id.clone(),
            label: a.label.clone(),
            column: a.column.clone(),
            values: a.values.clone(),
        });
    }
    Respondents {
        id_column: r.id.clone(),
        age,
        attributes,
    }
}
