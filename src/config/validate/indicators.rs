//! Validating `[[indicators]]`: level, direction, years, target bound and the survey or admin source.

use super::{year, Problems};
use crate::config::file::*;
use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
use crate::pipeline::*;

/// `waves` are the fiscal years of the pipeline's waves: a survey indicator's baseline must be
/// one of them, and its question must be asked in it.
pub(super) fn indicators(
    file: &[IndicatorFile],
    questions: &[Question],
    (waves, has_admin): (&[FiscalYear], bool),
    p: &mut Problems,
) -> Vec<Indicator> {
    let mut out = Vec::new();
    for (i, ind) in file.iter().enumerate() {
        let key = format!("indicators[{i}]");
        p.file_id(&key, &ind.id, file[..i].iter().any(|x| x.id == ind.id));
        let level = match ind.level.as_str() {
            "KGI" | "kgi" => Level::Kgi,
            "KPI" | "kpi" => Level::Kpi,
            other => {
                p.add(
                    format!("{key}.level"),
                    format!("「{other}」は使えません（使える値: KGI, KPI）"),
                );
                Level::Kpi
            }
        };
        let lower_is_better = match ind.direction.as_str() {
            "higher" => false,
            "lower" => true,
            other => {
                p.add(
                    format!("{key}.direction"),
                    format!("「{other}」は使えません（使える値: higher, lower）"),
                );
                false
            }
        };
        let bound = match ind.target_bound.as_deref() {
            None => None,
            Some("at_most") => Some(Bound::AtMost),
            Some("at_least") => Some(Bound::AtLeast),
            Some(other) => {
                p.add(
                    format!("{key}.target_bound"),
                    format!("「{other}」は使えません（使える値: at_most, at_least）"),
                );
                None
            }
        };
        let baseline = year(&ind.baseline, &format!("{key}.baseline"), p);
        let target_year = year(&ind.target_year, &format!("{key}.target_year"), p);
        if let (Some(b), Some(t)) = (baseline, target_year) {
            if t <= b {
                p.add(
                    format!("{key}.target_year"),
                    format!("目標年度 {t} が基準年度 {b} より後ではありません"),
                );
            }
        }
        let source = match (&ind.survey, &ind.admin) {
            (Some(s), None) => survey_source(s, questions, &format!("{key}.survey"), p),
            (None, Some(name)) => {
                if !has_admin {
                    p.add(
                        format!("{key}.admin"),
                        "行政指標を使うには [admin] でファイルを指定してください",
                    );
                }
                Some(IndicatorSource::Admin { name: name.clone() })
            }
            _ => {
                p.add(
                    key.clone(),
                    "survey と admin のどちらか一方を書いてください",
                );
                None
            }
        };
        let survey_question = match &source {
            Some(
                IndicatorSource::Positive { question } | IndicatorSource::Option { question, .. },
            ) => Some(&questions[*question]),
            _ => None,
        };
        if let (Some(q), Some(b)) = (survey_question, baseline) {
            if !waves.is_empty() && !waves.contains(&b) {
                p.add(
                    format!("{key}.baseline"),
                    format!(
                        "基準年度 {b} の調査回がありません（調査回の年度: {}）。[[waves]] を足すか、baseline を直してください",
                        waves.iter().map(|w| w.short()).collect::<Vec<_>>().join("、")
                    ),
                );
            } else if q.column_for(b).trim().is_empty() {
                p.add(
                    format!("{key}.baseline"),
                    format!(
                        "設問「{}」は基準年度 {b} には尋ねていません（columns で空にしています）",
                        q.id
                    ),
                );
            }
        }
        if survey_question.is_some() && ind.unit != "%" {
            p.add(
                format!("{key}.unit"),
                "アンケートから求める指標は割合なので unit = \"%\" にしてください",
            );
        }
        if let (Some(source), Some(baseline), Some(target_year)) = (source, baseline, target_year) {
            out.push(Indicator {
                id: ind.id.clone(),
                level,
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                lower_is_better,
                baseline,
                target_year,
                target: ind.target,
                bound,
                decimals: ind.decimals.unwrap_or(1),
                source,
            });
        }
    }
    out
}

pub(super) fn survey_source(
    s: &SurveySourceFile,
    questions: &[Question],
    key: &str,
    p: &mut Problems,
) -> Option<IndicatorSource> {
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
        (QuestionKind::Scale { .. }, None) => Some(IndicatorSource::Positive { question: qi }),
        (QuestionKind::Choice { options, .. }, Some(o)) => {
            match options
                .iter()
                .position(|x| normalize_label(x) == normalize_label(o))
            {
                Some(k) => Some(IndicatorSource::Option {
                    question: qi,
                    option: k,
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
