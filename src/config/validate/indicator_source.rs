//! Validating where an indicator's values come from: exactly one of a survey share (of a
//! question, an option, and optionally among some groups of a segment), a name of the
//! administrative table, or a ratio of two named counts.

use super::Problems;
use crate::config::file::*;
use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
use crate::pipeline::*;

/// What a source is checked against.
pub(super) struct Context<'a> {
    pub questions: &'a [Question],
    pub segments: &'a [Segment],
    pub respondents: &'a Respondents,
    /// Fiscal years of the waves.
    pub waves: &'a [FiscalYear],
    pub has_admin: bool,
    pub has_staff: bool,
}

/// The source of indicator `ind` (problems under `key`).
pub(super) fn source(
    ind: &IndicatorFile,
    cx: &Context,
    key: &str,
    p: &mut Problems,
) -> Option<IndicatorSource> {
    match (&ind.survey, &ind.admin, &ind.ratio) {
        (Some(s), None, None) => survey_source(s, cx, &format!("{key}.survey"), p),
        (None, Some(name), None) => {
            if !cx.has_admin {
                p.add(
                    format!("{key}.admin"),
                    "行政指標を使うには [admin] でファイルを指定してください",
                );
            }
            Some(IndicatorSource::Admin { name: name.clone() })
        }
        (None, None, Some(r)) => ratio(r, ind, cx, &format!("{key}.ratio"), p),
        _ => {
            p.add(key, "survey、admin、ratio のどれか一つを書いてください");
            None
        }
    }
}

/// A ratio: two names, somewhere to look them up, and a sample only of counts in percent.
fn ratio(
    r: &RatioFile,
    ind: &IndicatorFile,
    cx: &Context,
    key: &str,
    p: &mut Problems,
) -> Option<IndicatorSource> {
    if !cx.has_admin && !cx.has_staff {
        p.add(
            key,
            "分子と分母は行政指標の表（[admin]）か職員の統計（[staff]）から読みます。どちらかを指定してください",
        );
    }
    for (part, name) in [("numerator", &r.numerator), ("denominator", &r.denominator)] {
        if name.trim().is_empty() {
            p.add(format!("{key}.{part}"), "名前が空です");
        }
    }
    let sample = r.sample.unwrap_or(false);
    if sample && ind.unit != "%" {
        p.add(
            format!("{key}.sample"),
            "標本の区間は割合（unit = \"%\"）の指標にだけ示せます",
        );
    }
    Some(IndicatorSource::Ratio {
        numerator: r.numerator.trim().to_string(),
        denominator: r.denominator.trim().to_string(),
        sample,
    })
}

/// The subgroup of a survey share: a segment of the pipeline and some of its groups. Returns
/// `None` on a problem, `Some(None)` when the share is of everyone.
fn among(s: &SurveySourceFile, cx: &Context, key: &str, p: &mut Problems) -> Option<Option<Among>> {
    let Some(a) = &s.among else {
        return Some(None);
    };
    let key = format!("{key}.among");
    let Some(segment) = cx.segments.iter().find(|x| x.id == a.segment) else {
        p.add(
            format!("{key}.segment"),
            format!(
                "区分「{}」は [[segments]] にありません（区分: {}）",
                a.segment,
                cx.segments
                    .iter()
                    .map(|x| x.id.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        );
        return None;
    };
    if a.groups.is_empty() {
        p.add(format!("{key}.groups"), "グループを一つ以上書いてください");
        return None;
    }
    // The groups the segment is known to have; a free attribute's are known only from the data.
    let known: Option<Vec<String>> = match &segment.by {
        SegmentBy::Age => cx.respondents.age.as_ref().map(|a| a.bands.clone()),
        SegmentBy::Attribute(k) => cx.respondents.attributes[*k].values.clone(),
        SegmentBy::Split { groups, .. } => Some(groups.to_vec()),
    };
    let mut groups: Vec<String> = Vec::new();
    for g in &a.groups {
        let found = match &known {
            Some(known) => known
                .iter()
                .find(|k| normalize_label(k) == normalize_label(g))
                .cloned(),
            None => Some(g.trim().to_string()),
        };
        match found {
            Some(f) if groups.contains(&f) => {
                p.add(format!("{key}.groups"), format!("「{g}」が重複しています"));
            }
            Some(f) => groups.push(f),
            None => p.add(
                format!("{key}.groups"),
                format!(
                    "「{g}」は区分「{}」のグループにありません（グループ: {}）",
                    segment.id,
                    known.as_deref().unwrap_or_default().join("、")
                ),
            ),
        }
    }
    (groups.len() == a.groups.len()).then(|| {
        Some(Among {
            segment: segment.id.clone(),
            groups,
        })
    })
}

/// A survey share: the question, its option, and the subgroup it is about.
fn survey_source(
    s: &SurveySourceFile,
    cx: &Context,
    key: &str,
    p: &mut Problems,
) -> Option<IndicatorSource> {
    let questions = cx.questions;
    let Some(qi) = questions.iter().position(|q| q.id == s.question) else {
        p.add(
            format!("{key}.question"),
            format!("設問「{}」は定義されていません", s.question),
        );
        return None;
    };
    if p.poisoned.contains(&questions[qi].id) {
        return None;
    }
    match (&questions[qi].kind, &s.option) {
        (QuestionKind::Scale { .. }, None) => Some(IndicatorSource::Positive {
            question: qi,
            among: among(s, cx, key, p)?,
        }),
        (QuestionKind::Choice { options, .. }, Some(o)) => {
            match options
                .iter()
                .position(|x| normalize_label(x) == normalize_label(o))
            {
                Some(k) => Some(IndicatorSource::Option {
                    question: qi,
                    option: k,
                    among: among(s, cx, key, p)?,
                }),
                None => {
                    p.add(
                        format!("{key}.option"),
                        format!(
                            "「{o}」は設問「{}」の選択肢にありません（選択肢: {}）",
                            s.question,
                            options.join("、")
                        ),
                    );
                    None
                }
            }
        }
        (QuestionKind::Scale { .. }, Some(_)) => {
            p.add(
                format!("{key}.option"),
                "尺度の設問には option を書きません（肯定的回答の割合を使います）",
            );
            None
        }
        (QuestionKind::Choice { .. }, None) => {
            p.add(
                format!("{key}.option"),
                "選択式の設問には割合を求める option が必要です",
            );
            None
        }
        (QuestionKind::Text, _) => {
            p.add(
                format!("{key}.question"),
                "自由記述の設問は指標にできません",
            );
            None
        }
    }
}
