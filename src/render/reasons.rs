//! Reasons tables for choice questions: every option's share per group, and the most chosen
//! options per group (回答数の多いもの), for every segment.

use super::format::share;
use super::marks::{bound, ci_label, marks, method_note, p_value, significant, SUPPRESSED};
use super::table::Table;
use super::Report;
use crate::aggregate::lookup::OptionCell;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::pipeline::{Question, QuestionKind, Statistics};

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
    let (wave, stats) = (report.year.0, &report.pipeline.statistics);
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
    t.headers.extend(stat_headers(stats));
    t.note = format!("{} {}", base_note(q, report), test_note(stats));
    for (seg, seg_label, g) in all_groups(report) {
        for (k, o) in options.iter().enumerate() {
            let mut row = vec![seg_label.clone(), g.clone(), o.clone()];
            row.extend(option_row(report, wave, &seg, &g, &q.id, k as u32));
            t.rows.push(row);
        }
    }
    t
}

/// Headers of the interval and test columns that follow the option cells.
pub(super) fn stat_headers(stats: &Statistics) -> Vec<String> {
    let ci = ci_label(stats);
    vec![
        format!("{ci}下限"),
        format!("{ci}上限"),
        "群間の差 p値（Holm調整後）".into(),
        "注".into(),
    ]
}

/// The note on the tests of option tables.
pub(super) fn test_note(stats: &Statistics) -> String {
    format!(
        "群間の差は、区分の中で表示しているグループの間でその選択肢を選んだ割合に差があるかの検定（2群はz検定、3群以上はχ²独立性検定）で、p値は設問ごとに選択肢の数で Holm 法により調整しています（同じ区分の各行に同じ値を示します）。{}",
        method_note(stats)
    )
}

/// Base, count, share, rank, interval, group test and marks of an option in a group; all
/// `x` when the cell is suppressed, and nothing when the option has no row.
pub(super) fn option_row(
    report: &Report,
    wave: i32,
    seg: &str,
    g: &str,
    q: &str,
    k: u32,
) -> Vec<String> {
    let stats = &report.pipeline.statistics;
    if report.lookup.option_hidden(wave, seg, g, q, k) {
        return vec![SUPPRESSED.to_string(); 8];
    }
    let Some(c) = report.lookup.option(wave, seg, g, q, k) else {
        return vec!["-".to_string(); 8];
    };
    let test = report.lookup.option_test(wave, seg, q, k);
    let sig = significant(test.map(|t| t.p_adj), stats) || significant(c.p_rest_adj, stats);
    let mut row = option_cells(c).to_vec();
    row.extend([
        bound(c.ci.map(|c| c.0)),
        bound(c.ci.map(|c| c.1)),
        p_value(test.map(|t| t.p_adj)),
        marks(sig, c.unstable && c.n_base > 0),
    ]);
    row
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
        format!("{}：回答数の多いもの（上位{}）", q.label, q.top_n),
        headers,
    );
    t.note = format!(
        "{} 同数の選択肢は同じ順位です。{} は区分の中のグループ間でその選択肢を選んだ割合に有意な差があること、{} は回答数が少なく不安定なこと、{} は秘匿を示します。",
        base_note(q, report),
        crate::render::marks::SIGNIFICANT,
        crate::render::marks::UNSTABLE,
        SUPPRESSED
    );
    let stats = &report.pipeline.statistics;
    // For each group, the options sorted by rank then questionnaire order.
    let ranked: Vec<Vec<(u32, String)>> = groups
        .iter()
        .map(|(seg, _, g)| {
            let mut v: Vec<(u32, usize, String)> = options
                .iter()
                .enumerate()
                .filter_map(|(k, o)| {
                    let c = report.lookup.option(wave, seg, g, &q.id, k as u32)?;
                    let test = report.lookup.option_test(wave, seg, &q.id, k as u32);
                    let mark = marks(significant(test.map(|t| t.p_adj), stats), c.unstable);
                    (c.n_chosen > 0)
                        .then(|| (c.rank, k, format!("{o}（{}%）{mark}", share(c.share))))
                })
                .collect();
            v.sort();
            v.into_iter().map(|(r, _, s)| (r, s)).collect()
        })
        .collect();
    // A group is hidden here when it is, or when its base for this question is (a small
    // conditional base, or a partner of one).
    let hidden: Vec<bool> = groups
        .iter()
        .map(|(seg, _, g)| {
            report.lookup.group_hidden(wave, seg, g)
                || (0..options.len())
                    .any(|k| report.lookup.option_hidden(wave, seg, g, &q.id, k as u32))
        })
        .collect();
    for i in 0..q.top_n {
        let mut row = vec![format!("{}", i + 1)];
        for (list, hidden) in ranked.iter().zip(&hidden) {
            if *hidden {
                row.push(SUPPRESSED.into());
                continue;
            }
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
    // Read by group: one row per group, the ranks across (the CSV keeps ranks as rows).
    let mut compact_headers = vec!["グループ".to_string()];
    compact_headers.extend((1..=q.top_n).map(|i| format!("{i}位")));
    let compact_rows = (1..t.headers.len())
        .map(|j| {
            let mut r = vec![t.headers[j].clone()];
            r.extend(t.rows.iter().map(|row| row[j].clone()));
            r
        })
        .collect();
    t.compact = Some((compact_headers, compact_rows));
    t
}

/// How many wrote an answer to each free-text question, per wave up to the report's, and why
/// the answers are not shown. `None` when the pipeline has no free-text question.
pub fn free_text(report: &Report) -> Option<Table> {
    let rows: Vec<_> = report
        .lookup
        .texts
        .iter()
        .filter(|r| r.wave <= report.year.0)
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut t = Table::new(
        format!("自由記述の回答数（{}まで）", report.year),
        ["年度", "設問ID", "設問", "回答者数", "記入した人数"]
            .map(String::from)
            .to_vec(),
    );
    t.note = "自由記述の回答そのものは、この報告のどこにも載せていません。文章の内容や書きぶりから書いた人が分かるおそれがあるためです。読むときは、元の回答ファイルを担当者が個人の特定につながる部分に注意して確認してください。人数は全体だけを示します（グループ別の人数は、誰が書いたかの手がかりになるため示しません）。".into();
    for r in rows {
        let label = report
            .pipeline
            .questions
            .iter()
            .find(|q| q.id == r.question)
            .map(|q| q.label.clone())
            .unwrap_or_default();
        t.rows.push(vec![
            crate::fiscal_year::FiscalYear(r.wave).japanese(),
            r.question.clone(),
            label,
            r.respondents.to_string(),
            r.answered.to_string(),
        ]);
    }
    Some(t)
}
