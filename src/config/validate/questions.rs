//! Validating `[[questions]]`: kinds, scales, options, per-wave headers and `asked_if` conditions.

use super::{year, Problems};
use crate::config::file::*;
use crate::normalize::normalize_label;
use crate::pipeline::*;
use std::collections::BTreeMap;

/// Question-level defaults from other tables: `[statistics] base` and `[report] top_n`.
pub(super) struct Defaults {
    pub base: Base,
    pub top_n: usize,
    /// Every scale id written in the file, valid or not: a question using a scale whose own
    /// problem is already reported says nothing more about it.
    pub declared_scales: Vec<String>,
}

/// Parses a base name; `None` (after recording the problem) for an unknown one.
pub(super) fn base(value: &str, key: &str, p: &mut Problems) -> Option<Base> {
    match value {
        "answered" => Some(Base::Answered),
        "all" => Some(Base::All),
        other => {
            p.add(
                key,
                format!("「{other}」は使えません（使える値: answered（回答した人が分母）, all（回答者全体が分母））"),
            );
            None
        }
    }
}

pub(super) fn questions(
    file: &[QuestionFile],
    scales: &[Scale],
    scale_ids: &[&str],
    defaults: &Defaults,
    p: &mut Problems,
) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    let ids: Vec<&str> = file.iter().map(|q| q.id.as_str()).collect();
    for (i, q) in file.iter().enumerate() {
        let key = format!("questions[{i}]");
        if ids[..i].contains(&q.id.as_str()) {
            p.add(format!("{key}.id"), format!("「{}」が重複しています", q.id));
        }
        let negative = match q.polarity.as_deref() {
            None | Some("positive") => false,
            Some("negative") => true,
            Some(other) => {
                p.add(
                    format!("{key}.polarity"),
                    format!("「{other}」は使えません（使える値: positive, negative）"),
                );
                false
            }
        };
        let kind = match q.kind.as_str() {
            "scale" => match q.scale.as_deref() {
                Some(s) => match scale_ids.iter().position(|id| *id == s) {
                    Some(scale) => QuestionKind::Scale { scale },
                    None => {
                        // Reported once (at the scale when it is declared but broken, else
                        // here); checks that lean on this question keep quiet.
                        p.poisoned.push(q.id.clone());
                        if !defaults.declared_scales.iter().any(|d| d == s) {
                            p.add(
                                format!("{key}.scale"),
                                format!(
                                    "尺度「{s}」は定義されていません（定義済み: {}）",
                                    scale_ids.join(", ")
                                ),
                            );
                        }
                        QuestionKind::Text
                    }
                },
                None => {
                    p.add(
                        format!("{key}.scale"),
                        "kind = \"scale\" には scale が必要です",
                    );
                    p.poisoned.push(q.id.clone());
                    QuestionKind::Text
                }
            },
            "multi" | "single" => {
                let options = q.options.clone().unwrap_or_default();
                if options.is_empty() {
                    p.add(format!("{key}.options"), "選択肢を一つ以上書いてください");
                }
                let other = q.other.as_ref().and_then(|o| {
                    let found = options.iter().position(|x| x == o);
                    if found.is_none() {
                        p.add(
                            format!("{key}.other"),
                            format!("「{o}」は options にありません"),
                        );
                    }
                    found
                });
                let separator = q.separator.clone().unwrap_or_else(|| ";".into());
                if separator.is_empty() {
                    p.add(format!("{key}.separator"), "空の区切り文字は使えません");
                }
                QuestionKind::Choice {
                    multi: q.kind == "multi",
                    options,
                    separator,
                    other,
                }
            }
            "text" => QuestionKind::Text,
            other => {
                p.add(
                    format!("{key}.kind"),
                    format!("「{other}」は使えません（使える値: scale, multi, single, text）"),
                );
                QuestionKind::Text
            }
        };
        if q.kind != "scale" && q.scale.is_some() {
            p.add(
                format!("{key}.scale"),
                "scale は kind = \"scale\" の設問にだけ書けます",
            );
        }
        if !matches!(q.kind.as_str(), "multi" | "single")
            && (q.options.is_some() || q.separator.is_some() || q.other.is_some())
        {
            p.add(
                format!("{key}.options"),
                "options / separator / other は kind = \"multi\" か \"single\" の設問にだけ書けます",
            );
        }
        let mut columns = BTreeMap::new();
        for (y, header) in &q.columns {
            if let Some(fy) = year(
                &YearValue::Text(y.clone()),
                &format!("{key}.columns.{y}"),
                p,
            ) {
                columns.insert(fy, header.clone());
            }
        }
        let asked_if = q.asked_if.as_ref().and_then(|c| {
            let ckey = format!("{key}.asked_if");
            let Some(qi) = file.iter().position(|x| x.id == c.question) else {
                p.add(
                    format!("{ckey}.question"),
                    format!("設問「{}」は定義されていません", c.question),
                );
                return None;
            };
            if qi == i {
                p.add(format!("{ckey}.question"), "自分自身を条件にはできません");
                return None;
            }
            let target = &file[qi];
            let labels: Vec<String> = match target.kind.as_str() {
                // A missing or invalid scale is reported at that question or scale.
                "scale" => target
                    .scale
                    .as_deref()
                    .and_then(|s| scales.iter().find(|x| x.id == s))
                    .map(|s| s.levels.clone())?,
                "multi" | "single" => target.options.clone().unwrap_or_default(),
                _ => {
                    p.add(
                        format!("{ckey}.question"),
                        "条件にできるのは scale / multi / single の設問です",
                    );
                    return None;
                }
            };
            let mut codes = Vec::new();
            for a in &c.answers {
                match labels
                    .iter()
                    .position(|l| normalize_label(l) == normalize_label(a))
                {
                    Some(k) => codes.push(k),
                    None => p.add(
                        format!("{ckey}.answers"),
                        format!(
                            "「{a}」は設問「{}」の選択肢にありません（選択肢: {}）",
                            c.question,
                            labels.join("、")
                        ),
                    ),
                }
            }
            if c.answers.is_empty() {
                p.add(format!("{ckey}.answers"), "回答を一つ以上書いてください");
            }
            Some(Condition {
                question: qi,
                codes,
            })
        });
        let base = q
            .base
            .as_deref()
            .and_then(|b| base(b, &format!("{key}.base"), p))
            .unwrap_or(defaults.base);
        if q.base.is_some() && q.kind != "scale" {
            p.add(
                format!("{key}.base"),
                "base は kind = \"scale\" の設問にだけ書けます（選択式の分母は回答した人です）",
            );
        }
        if q.base.as_deref() == Some("all") && asked_if.is_some() {
            p.add(
                format!("{key}.base"),
                "asked_if のある設問には base = \"all\" は使えません（尋ねなかった人は分母に入れられません）",
            );
        }
        if q.top_n.is_some() && !matches!(q.kind.as_str(), "multi" | "single") {
            p.add(
                format!("{key}.top_n"),
                "top_n は kind = \"multi\" か \"single\" の設問にだけ書けます",
            );
        }
        if q.top_n == Some(0) {
            p.add(format!("{key}.top_n"), "1 以上にしてください");
        }
        out.push(Question {
            id: q.id.clone(),
            label: q.label.clone(),
            column: q.column.clone(),
            columns,
            kind,
            negative,
            // A conditional question's base is always those asked who answered.
            base: if asked_if.is_some() {
                Base::Answered
            } else {
                base
            },
            asked_if,
            top_n: q.top_n.unwrap_or(defaults.top_n),
        });
    }
    out
}
