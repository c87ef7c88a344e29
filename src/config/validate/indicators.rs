//! Validating `[[indicators]]`: level, direction, years, the target (optional: a series may
//! be followed without one) and its bound, and the comparator; the source is checked in
//! [`super::indicator_source`].

use super::indicator_source::{source, Context};
use super::{year, Problems};
use crate::config::file::*;
use crate::pipeline::*;

/// `cx.waves` are the fiscal years of the pipeline's waves: a survey indicator's baseline must
/// be one of them, and its question must be asked in it.
pub(super) fn indicators(
    file: &[IndicatorFile],
    cx: &Context,
    has_benchmarks: bool,
    p: &mut Problems,
) -> Vec<Indicator> {
    let (questions, waves) = (cx.questions, cx.waves);
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
        let target = match (ind.target, &ind.target_year) {
            (Some(value), Some(y)) => year(y, &format!("{key}.target_year"), p)
                .map(|year| Some(Target { value, year, bound })),
            (None, None) => {
                if bound.is_some() {
                    p.add(
                        format!("{key}.target_bound"),
                        "target_bound は target と一緒にだけ使えます",
                    );
                }
                Some(None)
            }
            (Some(_), None) => {
                p.add(
                    format!("{key}.target_year"),
                    "target には目標年度 target_year も書いてください（目標を定めない指標は両方とも省きます）",
                );
                None
            }
            (None, Some(_)) => {
                p.add(
                    format!("{key}.target"),
                    "target_year には目標値 target も書いてください（目標を定めない指標は両方とも省きます）",
                );
                None
            }
        };
        if let (Some(b), Some(Some(t))) = (baseline, target) {
            if t.year <= b {
                p.add(
                    format!("{key}.target_year"),
                    format!("目標年度 {} が基準年度 {b} より後ではありません", t.year),
                );
            }
        }
        if ind.compare.is_some() && !has_benchmarks {
            p.add(
                format!("{key}.compare"),
                "比較値を示すには [benchmarks] で比較値の表を指定してください",
            );
        }
        let source = source(ind, cx, &key, p);
        let survey_question = match &source {
            Some(
                IndicatorSource::Positive { question, .. }
                | IndicatorSource::Option { question, .. },
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
        if let (Some(source), Some(baseline), Some(target)) = (source, baseline, target) {
            out.push(Indicator {
                id: ind.id.clone(),
                level,
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                lower_is_better,
                baseline,
                target,
                decimals: ind.decimals.unwrap_or(1),
                source,
                compare: ind.compare.clone(),
            });
        }
    }
    out
}
