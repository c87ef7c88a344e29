//! Reasons tables for choice questions: every option's share per group, and the most chosen
//! options per group (回答数の多いもの), for every segment.

use super::format::share;
use super::lookup::OptionCell;
use super::table::Table;
use super::Report;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::pipeline::{Question, QuestionKind};

/// Choice questions in questionnaire order, with their options.
pub fn choice_questions<'a>(report: &'a Report) -> Vec<(&'a Question, &'a [String])> {
    report
        .pipeline
        .questions
        .iter()
        .filter_map(|q| match &q.kind {
            QuestionKind::Choice { options, .. } => Some((q, options.as_slice())),
            _ => None,
        })
        .collect()
}

/// The (segment id, segment label, group) list: 全体, then each segment's groups.
pub(super) fn all_groups(report: &Report) -> Vec<(String, String, String)> {
    let mut out = vec![(
        ALL_SEGMENT.to_string(),
        ALL_GROUP.to_string(),
        ALL_GROUP.to_string(),
    )];
    for s in &report.pipeline.segments {
        for g in report.lookup.segment_groups(report.pipeline, s) {
            out.push((s.id.clone(), s.label.clone(), g));
        }
    }
    out
}

fn base_note(q: &Question, report: &Report) -> String {
    let asked = q
        .asked_if
        .as_ref()
        .map(|c| {
            format!(
                "この設問は「{}」の回答によって尋ねた人だけが対象です。",
                report.pipeline.questions[c.question].label
            )
        })
        .unwrap_or_default();
    format!("{asked}割合の分母は、回答対象者のうちこの設問に回答した人数（n）です。複数選択のため合計は100%を超えることがあります。")
}

/// Long table: every group × option with base, count, share and rank.
pub fn options_long(report: &Report, q: &Question, options: &[String]) -> Table {
    let wave = report.year.0;
    let mut t = Table::new(
        format!("{}（{}）", q.label, report.year),
        [
            "区分",
            "グループ",
            "選択肢",
            "n",
            "選択数",
            "割合（%）",
            "順位",
        ]
        .map(String::from)
        .to_vec(),
    );
    t.note = base_note(q, report);
    for (seg, seg_label, g) in all_groups(report) {
        for (k, o) in options.iter().enumerate() {
            let Some(c) = report.lookup.option(wave, &seg, &g, &q.id, k as u32) else {
                continue;
            };
            let mut row = vec![seg_label.clone(), g.clone(), o.clone()];
            row.extend(option_cells(c));
            t.rows.push(row);
        }
    }
    t
}

/// Base, count, share and rank of an option in a group (rank `-` when nobody was in the base).
pub(super) fn option_cells(c: &OptionCell) -> [String; 4] {
    [
        c.n_base.to_string(),
        c.n_chosen.to_string(),
        share(c.share),
        if c.n_base > 0 {
            c.rank.to_string()
        } else {
            "-".into()
        },
    ]
}

/// The top N options per group: one row per rank, one column per group.
pub fn top_options(report: &Report, q: &Question, options: &[String]) -> Table {
    let wave = report.year.0;
    let groups = all_groups(report);
    let mut headers = vec!["順位".to_string()];
    headers.extend(groups.iter().map(|(_, _, g)| g.clone()));
    let mut t = Table::new(
        format!(
            "{}：回答数の多いもの（上位{}）",
            q.label, report.pipeline.top_n
        ),
        headers,
    );
    t.note = format!("{} 同数の選択肢は同じ順位です。", base_note(q, report));
    // For each group, the options sorted by rank then questionnaire order.
    let ranked: Vec<Vec<(u32, String)>> = groups
        .iter()
        .map(|(seg, _, g)| {
            let mut v: Vec<(u32, usize, String)> = options
                .iter()
                .enumerate()
                .filter_map(|(k, o)| {
                    let c = report.lookup.option(wave, seg, g, &q.id, k as u32)?;
                    (c.n_chosen > 0).then(|| (c.rank, k, format!("{o}（{}%）", share(c.share))))
                })
                .collect();
            v.sort();
            v.into_iter().map(|(r, _, s)| (r, s)).collect()
        })
        .collect();
    for i in 0..report.pipeline.top_n {
        let mut row = vec![format!("{}", i + 1)];
        for list in &ranked {
            row.push(
                list.get(i)
                    .map(|(r, s)| {
                        if *r as usize == i + 1 {
                            s.clone()
                        } else {
                            format!("（{r}位）{s}")
                        }
                    })
                    .unwrap_or_else(|| "-".into()),
            );
        }
        t.rows.push(row);
    }
    t
}
