//! The plan: everything the pipeline file will say, decided from the exports and the
//! column roles — waves with their years and paths, scales, respondent columns, questions
//! with their ids and per-wave headers, segments, and what was left out.

use super::conditions;
use super::headers;
use super::infer::{AgeKind, Column, Role};
use super::read::{Export, Layout};
use super::scales::{build_known, ScaleDef, KNOWN};
use super::waves::HeaderMatch;
use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;

/// One `[[waves]]` entry.
#[derive(Debug, Clone)]
pub struct WavePlan {
    pub year: FiscalYear,
    /// Taken from the file name (else made up).
    pub guessed: bool,
    /// Path relative to the pipeline file's directory, `/`-separated.
    pub file: String,
    /// File name for comments.
    pub name: String,
    pub layout: Layout,
    pub rows: usize,
}

#[derive(Debug, Clone)]
pub enum QuestionKind {
    Scale(String),
    Multi {
        options: Vec<String>,
        separator: String,
    },
    Single(Vec<String>),
    Text,
}

/// One `[[questions]]` entry.
#[derive(Debug, Clone)]
pub struct QuestionPlan {
    pub id: String,
    pub label: String,
    pub column: String,
    /// (wave short year, header) where it differs from `column`; `""` = not in that wave.
    pub columns: Vec<(String, String)>,
    pub kind: QuestionKind,
    pub negative: bool,
    /// Asked only of those who gave one of these answers to that question id.
    pub asked_if: Option<(String, Vec<String>)>,
    /// Japanese comment lines.
    pub notes: Vec<String>,
}

/// An attribute (`[[respondents.attributes]]`).
#[derive(Debug, Clone)]
pub struct AttributePlan {
    pub id: String,
    pub label: String,
    pub column: String,
    pub values: Vec<String>,
    pub note: Option<String>,
}

/// A `[[segments]]` entry.
#[derive(Debug, Clone)]
pub struct SegmentPlan {
    pub id: String,
    pub label: String,
    pub attribute: Option<String>,
    /// (question id, its label) for a split.
    pub split_on: Option<(String, String)>,
}

/// Everything the file will hold.
#[derive(Debug, Clone)]
pub struct Plan {
    pub organisation: Option<String>,
    pub waves: Vec<WavePlan>,
    pub scales: Vec<ScaleDef>,
    pub id_column: String,
    pub id_note: Option<String>,
    pub age: Option<(String, AgeKind)>,
    pub employment: Option<(String, Vec<String>)>,
    pub attributes: Vec<AttributePlan>,
    pub questions: Vec<QuestionPlan>,
    pub segments: Vec<SegmentPlan>,
    /// (header, reason) of the columns left out.
    pub left: Vec<(String, String)>,
    /// Number of columns read (in the union of the waves).
    pub columns_read: usize,
    /// Frequent answers matching nothing, for which the gate's threshold is raised.
    pub quality: Option<super::gate::Raised>,
}

/// Builds the plan. `exports` and `years` are oldest first, as are the columns' wave slots.
pub fn build(exports: &[(Export, WavePlan)], columns: &[Column], matches: &[HeaderMatch]) -> Plan {
    let waves: Vec<WavePlan> = exports.iter().map(|(_, w)| w.clone()).collect();
    let tables: Vec<&crate::ingest::RawTable> = exports.iter().map(|(e, _)| &e.table).collect();
    // Scales: known ones over every column that uses them, new ones shared by equal levels.
    let mut scales: Vec<ScaleDef> = Vec::new();
    let mut known_ids: Vec<(usize, String)> = Vec::new();
    for (k, _) in KNOWN.iter().enumerate() {
        let values: Vec<_> = columns
            .iter()
            .filter(|c| matches!(c.role, Role::Known(x) if x == k))
            .flat_map(|c| c.profile.values.iter())
            .collect();
        if !values.is_empty() {
            let def = build_known(k, &values);
            known_ids.push((k, def.id.clone()));
            scales.push(def);
        }
    }
    let mut custom_ids: Vec<(Vec<String>, String)> = Vec::new();
    for c in columns {
        if let Role::Custom(def) = &c.role {
            let keys = def.level_keys();
            match custom_ids.iter().find(|(k, _)| *k == keys) {
                Some((_, id)) => {
                    // The same levels in another column: one scale, every "no answer" word.
                    if let Some(shared) = scales.iter_mut().find(|s| &s.id == id) {
                        for m in &def.missing {
                            if !shared.missing.contains(m) {
                                shared.missing.push(m.clone());
                            }
                        }
                    }
                }
                None => {
                    let id = format!("scale{}", custom_ids.len() + 1);
                    custom_ids.push((keys, id.clone()));
                    scales.push(ScaleDef { id, ..def.clone() });
                }
            }
        }
    }
    let mut plan = Plan {
        organisation: super::organisation::guess_organisation(
            &tables
                .iter()
                .flat_map(|t| t.headers.clone())
                .collect::<Vec<_>>(),
        ),
        waves,
        scales,
        id_column: String::new(),
        id_note: None,
        age: None,
        employment: None,
        attributes: vec![],
        questions: vec![],
        segments: vec![],
        left: vec![],
        columns_read: columns.len(),
        quality: None,
    };
    let mut counters = [0usize; 4];
    let mut next_id = |kind: usize| {
        counters[kind] += 1;
        format!("{}{:02}", ["q", "m", "s", "t"][kind], counters[kind])
    };
    let mut ids_by_column: Vec<Option<String>> = vec![None; columns.len()];
    for (ci, c) in columns.iter().enumerate() {
        match &c.role {
            Role::Left(reason) => plan.left.push((c.header.clone(), reason.clone())),
            Role::Id => {
                plan.id_column = c.header.clone();
                plan.id_note = c.note.clone();
            }
            Role::Age(kind) => plan.age = Some((c.header.clone(), kind.clone())),
            Role::Employment(values) => plan.employment = Some((c.header.clone(), values.clone())),
            Role::Attribute { id, values } => plan.attributes.push(AttributePlan {
                id: id.clone(),
                label: headers::label(&c.header),
                column: c.header.clone(),
                values: values.clone(),
                note: c.note.clone(),
            }),
            role => {
                let (kind, k) = match role {
                    Role::Known(k) => {
                        let id = known_ids
                            .iter()
                            .find(|(x, _)| x == k)
                            .map(|(_, id)| id.clone());
                        (QuestionKind::Scale(id.unwrap_or_default()), 0)
                    }
                    Role::Custom(def) => {
                        let keys = def.level_keys();
                        let id = custom_ids
                            .iter()
                            .find(|(k, _)| *k == keys)
                            .map(|(_, id)| id.clone());
                        (QuestionKind::Scale(id.unwrap_or_default()), 0)
                    }
                    Role::Multi(split) => (
                        QuestionKind::Multi {
                            options: split.options.iter().map(|o| o.label.clone()).collect(),
                            separator: split.separator.clone(),
                        },
                        1,
                    ),
                    Role::Single(values) => (
                        QuestionKind::Single(values.iter().map(|v| v.label.clone()).collect()),
                        2,
                    ),
                    _ => (QuestionKind::Text, 3),
                };
                let label = headers::label(&c.header);
                let (columns_by_wave, mut notes) = header_notes(c, &plan.waves, &tables, matches);
                if let Some(n) = &c.note {
                    notes.push(n.clone());
                }
                let asked_if = conditions::find(&tables, columns, ci).and_then(|f| {
                    let qid = ids_by_column[f.item].clone()?;
                    let item = plan.questions.iter().find(|q| q.id == qid)?;
                    let QuestionKind::Scale(sid) = &item.kind else { return None };
                    let scale = plan.scales.iter().find(|s| &s.id == sid)?;
                    let answers: Vec<String> = f.levels.iter().map(|l| scale.levels[*l].clone()).collect();
                    notes.push(format!(
                        "{qid}「{}」に「{}」と答えた人だけが回答しているので、その人たちに尋ねた設問としました（asked_if）",
                        item.label,
                        answers.join("」「")
                    ));
                    Some((qid, answers))
                });
                let negative = matches!(kind, QuestionKind::Scale(_))
                    && headers::is_negative_statement(&label);
                if negative {
                    notes.push("否定的な文（そう思うほど良くない）と見て polarity = \"negative\" としました".into());
                }
                let id = next_id(k);
                ids_by_column[ci] = Some(id.clone());
                plan.questions.push(QuestionPlan {
                    id,
                    asked_if,
                    label,
                    column: c.header.clone(),
                    columns: columns_by_wave,
                    kind,
                    negative,
                    notes,
                });
            }
        }
    }
    for h in super::waves::repeated_headers(&tables) {
        plan.columns_read += 1;
        plan.left.push((
            h,
            "同じ見出しの列が左にもあるので、左の列だけを使います。この列も使うなら見出しを変えてください"
                .into(),
        ));
    }
    plan.segments = segments(&plan);
    plan
}

/// The per-wave headers of question column `c` where they differ from its `column` (`""`
/// where a wave lacks it), and the notes on its header: number removed, grid item, matched
/// to another wave's header, missing from a wave.
fn header_notes(
    c: &Column,
    waves: &[WavePlan],
    tables: &[&crate::ingest::RawTable],
    matches: &[HeaderMatch],
) -> (Vec<(String, String)>, Vec<String>) {
    let mut notes = Vec::new();
    if let Some(n) = headers::number_of(&c.header) {
        notes.push(format!("見出しの設問番号「{n}」は label から除きました"));
    }
    if let Some((stem, _)) = headers::grid_item(headers::strip_number(&c.header)) {
        notes.push(format!("「{stem}」の中の一項目です（label は［ ］の中）"));
    }
    for m in matches
        .iter()
        .filter(|m| headers::key(&m.new) == headers::key(&c.header))
    {
        let year = waves[m.wave].year.short();
        notes.push(if m.score >= 1.0 {
            format!("{year} の見出し「{}」は設問番号だけが違うので、同じ設問としました", m.old)
        } else {
            format!(
                "{year} の見出し「{}」は文言が似ている（類似度 {:.2}）ので、同じ設問としました。別の設問なら columns の {year} を \"\" にしてください",
                m.old, m.score
            )
        });
    }
    let mut columns_by_wave = Vec::new();
    for (w, col) in c.merged.cols.iter().enumerate() {
        let year = waves[w].year.short();
        match col {
            None => {
                columns_by_wave.push((year.clone(), String::new()));
                notes.push(format!(
                    "{year} の回答ファイルにはこの設問がありません（columns で \"\" としています）"
                ));
            }
            Some(i) => {
                let h = &tables[w].headers[*i];
                if headers::key(h) != headers::key(&c.header) {
                    columns_by_wave.push((year, h.clone()));
                }
            }
        }
    }
    (columns_by_wave, notes)
}

/// Segments as in the sample: age bands, the やりがい split, employment, each attribute.
fn segments(plan: &Plan) -> Vec<SegmentPlan> {
    let by = |id: &str, label: String| SegmentPlan {
        id: id.to_string(),
        label,
        attribute: Some(id.to_string()),
        split_on: None,
    };
    let mut out = Vec::new();
    if plan.age.is_some() {
        out.push(by("age", "年代別".into()));
    }
    if let Some(q) = yarigai_item(plan) {
        out.push(SegmentPlan {
            attribute: None,
            split_on: Some((q.id.clone(), q.label.clone())),
            ..by("yarigai", "「やりがい」別".into())
        });
    }
    if plan.employment.is_some() {
        out.push(by("employment", "雇用形態別".into()));
    }
    for a in &plan.attributes {
        out.push(by(&a.id, format!("{}別", a.label)));
    }
    out
}

/// The scale item whose text mentions やりがい (the shortest such label: the plain
/// statement rather than a longer variant).
pub fn yarigai_item(plan: &Plan) -> Option<&QuestionPlan> {
    plan.questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Scale(_)) && !q.negative)
        .filter(|q| {
            let k = normalize_label(&q.label);
            k.contains("やりがい") || k.contains("やり甲斐") || k.contains("働きがい")
        })
        .min_by_key(|q| q.label.chars().count())
}
