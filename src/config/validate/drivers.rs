//! Validating `[[drivers]]`: the outcome and predictors are scale questions (an outcome may
//! also be named by a KGI/KPI that reads a scale question), the waves are in the file, the
//! segments exist, and `min_n`, `model` and `bootstrap` are usable.

use super::{year, Problems};
use crate::config::drivers_file::DriversFile;
use crate::drivers::spec::{DriverSpec, Model, DEFAULT_BOOTSTRAP, DEFAULT_MIN_N};
use crate::fiscal_year::FiscalYear;
use crate::pipeline::*;

/// What the entries are checked against.
pub(super) struct Context<'a> {
    pub questions: &'a [Question],
    pub indicators: &'a [Indicator],
    pub segments: &'a [Segment],
    pub waves: &'a [FiscalYear],
    pub min_group: u32,
}

/// The fewest bootstrap resamples that give a 95 % percentile interval worth printing.
const MIN_BOOTSTRAP: u32 = 50;

pub(super) fn drivers(file: &[DriversFile], c: &Context, p: &mut Problems) -> Vec<DriverSpec> {
    let mut out: Vec<DriverSpec> = Vec::new();
    for (i, d) in file.iter().enumerate() {
        let key = format!("drivers[{i}]");
        let Some(spec) = entry(d, &key, c, p) else {
            continue;
        };
        // The outcome names the analysis' files (tables/drivers_<id>.csv).
        if out.iter().any(|o| o.outcome == spec.outcome) {
            p.add(
                format!("{key}.outcome"),
                format!(
                    "設問「{}」の分析が二つあります。一つの設問につき [[drivers]] は一つにしてください",
                    c.questions[spec.outcome].id
                ),
            );
            continue;
        }
        out.push(spec);
    }
    out
}

fn is_scale(q: &Question) -> bool {
    matches!(q.kind, QuestionKind::Scale { .. })
}

/// The scale question an outcome names: a question id, or an indicator reading one.
fn outcome(d: &DriversFile, key: &str, c: &Context, p: &mut Problems) -> Option<usize> {
    let by_question = c.questions.iter().position(|q| q.id == d.outcome);
    let by_indicator = c
        .indicators
        .iter()
        .find(|ind| ind.id == d.outcome)
        .map(|ind| match ind.source {
            IndicatorSource::Positive { question, .. } => Some(question),
            _ => None,
        });
    let q = match (by_question, by_indicator) {
        (Some(q), _) | (None, Some(Some(q))) => q,
        (None, Some(None)) => {
            p.add(
                format!("{key}.outcome"),
                format!("指標「{}」はアンケートの4段階などの設問から計算する指標ではありません。設問の id（例: \"q02\"）を書いてください", d.outcome),
            );
            return None;
        }
        (None, None) => {
            p.add(
                format!("{key}.outcome"),
                format!("「{}」という設問も指標もありません", d.outcome),
            );
            return None;
        }
    };
    if p.poisoned.contains(&c.questions[q].id) {
        return None;
    }
    if !is_scale(&c.questions[q]) {
        p.add(
            format!("{key}.outcome"),
            format!(
                "設問「{}」は段階で答える設問（kind = \"scale\"）ではありません",
                c.questions[q].id
            ),
        );
        return None;
    }
    Some(q)
}

fn entry(d: &DriversFile, key: &str, c: &Context, p: &mut Problems) -> Option<DriverSpec> {
    let outcome = outcome(d, key, c, p);
    let predictors: Vec<usize> = match &d.predictors {
        None => (0..c.questions.len())
            .filter(|&q| is_scale(&c.questions[q]) && Some(q) != outcome)
            .collect(),
        Some(ids) => {
            let mut out = Vec::new();
            for (j, id) in ids.iter().enumerate() {
                let at = format!("{key}.predictors[{j}]");
                match c.questions.iter().position(|q| &q.id == id) {
                    None => p.add(at, format!("設問「{id}」は定義されていません")),
                    // Reported at the question already.
                    Some(_) if p.poisoned.contains(id) => {}
                    Some(q) if !is_scale(&c.questions[q]) => p.add(
                        at,
                        format!("設問「{id}」は段階で答える設問（kind = \"scale\"）ではありません"),
                    ),
                    Some(q) if Some(q) == outcome => {
                        p.add(at, "目的の設問（outcome）そのものは説明の項目にできません")
                    }
                    Some(q) if out.contains(&q) => p.add(at, format!("「{id}」が二度出てきます")),
                    Some(q) => out.push(q),
                }
            }
            out.sort_unstable();
            out
        }
    };
    if outcome.is_some() && predictors.len() < 2 {
        p.add(
            format!("{key}.predictors"),
            "説明の項目（段階で答える設問）が2つ以上必要です",
        );
    }
    let mut waves = Vec::new();
    for (j, w) in d.waves.iter().flatten().enumerate() {
        let at = format!("{key}.waves[{j}]");
        if let Some(y) = year(w, &at, p) {
            if !c.waves.contains(&y) {
                p.add(at, format!("{y} の調査回（[[waves]]）はありません"));
            } else if !waves.contains(&y) {
                waves.push(y);
            }
        }
    }
    waves.sort();
    for (j, s) in d.segments.iter().enumerate() {
        if !c.segments.iter().any(|x| &x.id == s) {
            let known: Vec<&str> = c.segments.iter().map(|x| x.id.as_str()).collect();
            p.add(
                format!("{key}.segments[{j}]"),
                format!("区分「{s}」はありません（使える値: {}）", known.join(", ")),
            );
        }
    }
    let min_n = d.min_n.unwrap_or(DEFAULT_MIN_N as u32);
    if min_n < c.min_group.max(3) {
        p.add(
            format!("{key}.min_n"),
            format!(
                "{} 以上にしてください（秘匿の基準 statistics.min_group 以上、既定 {DEFAULT_MIN_N}）",
                c.min_group.max(3)
            ),
        );
    }
    let model = match d.model.as_deref() {
        None | Some("levels") => Model::Levels,
        Some("positive") => Model::Positive,
        Some(other) => {
            p.add(
                format!("{key}.model"),
                format!("「{other}」は使えません。\"levels\"（回答の段階、既定）か \"positive\"（肯定的な回答か否か）にしてください"),
            );
            Model::Levels
        }
    };
    let bootstrap = d.bootstrap.unwrap_or(DEFAULT_BOOTSTRAP as u32);
    if bootstrap != 0 && bootstrap < MIN_BOOTSTRAP {
        p.add(
            format!("{key}.bootstrap"),
            format!("{MIN_BOOTSTRAP} 以上（既定 {DEFAULT_BOOTSTRAP}）か、区間を出さないなら 0 にしてください"),
        );
    }
    Some(DriverSpec {
        outcome: outcome?,
        predictors,
        waves,
        segments: d.segments.clone(),
        min_n: min_n as usize,
        model,
        bootstrap: bootstrap as usize,
    })
}
