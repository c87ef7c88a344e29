//! What one department sheet (所属別カルテ) holds, read from the aggregate lookup: the group's
//! respondents, every scale item's share against the whole organisation (difference and its
//! mark) and against the previous wave (change and its mark), and the most chosen options of
//! each choice question. Suppression is the aggregate stage's: a hidden group's sheet holds
//! nothing but the notice that it is hidden, and a hidden cell shows only its mark.

use super::super::format::{change, share};
use super::super::items::{item_label, segment_items};
use super::super::marks::{self, marks, SUPPRESSED};
use super::super::reasons::choice_questions;
use super::super::table::{Kind, Table};
use super::super::Report;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::fiscal_year::FiscalYear;
use crate::indicators::Tone;
use crate::pipeline::{Question, Segment};

/// One group's sheet.
pub struct Sheet {
    /// The group's name (総務部).
    pub group: String,
    /// The sheet's heading: 「所属別カルテ　総務部」.
    pub title: String,
    pub body: Body,
}

pub enum Body {
    /// The group is suppressed (too small, or hidden so that a small one cannot be worked
    /// out): the sheet says so and shows nothing else.
    Hidden(String),
    /// The group had no respondents in this wave.
    Empty(String),
    Shown(Box<Shown>),
}

pub struct Shown {
    /// Label and value pairs at the top: respondents this wave, last wave, the whole.
    pub facts: Vec<(String, String)>,
    /// One row per scale item; see [`items`].
    pub items: Table,
    /// How each item row's difference from the whole reads: better or worse when it is
    /// significant (a negative statement's higher share is worse), else neutral.
    pub item_tones: Vec<Tone>,
    /// The most chosen options per choice question.
    pub reasons: Vec<Table>,
}

/// The heading of the set of sheets of a segment: 「所属別カルテ」.
pub fn set_title(segment: &Segment) -> String {
    format!("{}カルテ", segment.label)
}

/// The sheet of every group of `segment`, in report order.
pub fn sheets(report: &Report, segment: &Segment) -> Vec<Sheet> {
    report
        .lookup
        .segment_groups(report.pipeline, segment)
        .into_iter()
        .map(|g| sheet(report, segment, g))
        .collect()
}

fn sheet(report: &Report, segment: &Segment, group: String) -> Sheet {
    let wave = report.year.0;
    let title = format!("{}　{}", set_title(segment), group);
    let body = if report.lookup.group_hidden(wave, &segment.id, &group) {
        Body::Hidden(format!(
            "このグループの結果は表示しません。回答者が{}人未満のグループと、そこから人数や割合を割り出せてしまうグループは、回答した人を守るため、すべての表・グラフ・カルテで非表示（{}）にしています。",
            report.pipeline.statistics.min_group,
            SUPPRESSED
        ))
    } else if report
        .lookup
        .group(wave, &segment.id, &group)
        .is_none_or(|g| g.respondents == 0)
    {
        Body::Empty(format!("{}の回答者はいません。", report.year.japanese()))
    } else {
        Body::Shown(Box::new(shown(report, segment, &group)))
    };
    Sheet { group, title, body }
}

/// The wave before the report's, if any.
fn previous(report: &Report) -> Option<FiscalYear> {
    let n = report.waves.len();
    (n >= 2).then(|| report.waves[n - 2])
}

fn shown(report: &Report, segment: &Segment, group: &str) -> Shown {
    let wave = report.year.0;
    let lookup = &report.lookup;
    let respondents = |w: i32, s: &str, g: &str| {
        (!lookup.group_hidden(w, s, g))
            .then(|| lookup.group(w, s, g).map(|c| c.respondents))
            .flatten()
    };
    let mut facts = vec![(
        format!("回答者（{}）", report.year.japanese()),
        count(respondents(wave, &segment.id, group)),
    )];
    if let Some(prev) = previous(report) {
        let shown = if lookup.group_hidden(prev.0, &segment.id, group) {
            SUPPRESSED.to_string()
        } else {
            count(respondents(prev.0, &segment.id, group))
        };
        facts.push((format!("回答者（{}）", prev.japanese()), shown));
    }
    facts.push((
        format!("{}の回答者", report.pipeline.organisation),
        count(respondents(wave, ALL_SEGMENT, ALL_GROUP)),
    ));
    let (items, item_tones) = items(report, segment, group);
    let reasons = choice_questions(report)
        .into_iter()
        .map(|(q, options)| reasons(report, segment, group, q, options))
        .collect();
    Shown {
        facts,
        items,
        item_tones,
        reasons,
    }
}

fn count(n: Option<u32>) -> String {
    n.map(|n| format!("{n}人")).unwrap_or_else(|| "-".into())
}

/// The item table: 設問, n, the group's share and its mark (※), the whole's share, the
/// difference from the whole and its mark (*), last wave's share, the change and its mark.
fn items(report: &Report, segment: &Segment, group: &str) -> (Table, Vec<Tone>) {
    let wave = report.year.0;
    let prev = previous(report);
    let mut headers = vec![
        "設問".to_string(),
        "n".into(),
        format!("{group}（%）"),
        "注".into(),
        "全体（%）".into(),
        "全体との差（pt）".into(),
        "差の有意性".into(),
    ];
    let mut kinds = vec![
        Kind::Text,
        Kind::Number,
        Kind::Percent,
        Kind::Text,
        Kind::Percent,
        Kind::Points,
        Kind::Text,
    ];
    let mut compact = vec![
        "設問".to_string(),
        format!("{group}（%）"),
        "全体（%）".into(),
        "全体との差".into(),
    ];
    if let Some(p) = prev {
        headers.extend([
            format!("{}（%）", p.short()),
            format!("{}からの変化（pt）", p.short()),
            "変化の有意性".into(),
        ]);
        kinds.extend([Kind::Percent, Kind::Points, Kind::Text]);
        compact.push(format!("{}からの変化", p.short()));
    }
    let mut t = Table::new(
        format!("{}：設問ごとの肯定的回答の割合（{}）", group, report.year),
        headers,
    );
    t.note = format!(
        "割合は、その設問に回答した人のうち肯定的に答えた人の割合です。「全体との差」はこのグループの割合から{}全体の割合を引いたポイント差で、{} はこのグループとそれ以外の人との差が有意（Holm 法で調整）なことを示します。「変化」は前回の調査からのポイント差で、{} は有意な変化です。{} は回答数が少なく不安定な値、{} は秘匿した値です。否定的設問（高いほど望ましくない）は差の色を反転しています。",
        report.pipeline.organisation,
        marks::SIGNIFICANT,
        marks::SIGNIFICANT,
        marks::UNSTABLE,
        SUPPRESSED
    );
    let mut compact_rows = Vec::new();
    let mut tones = Vec::new();
    for q in segment_items(report, segment) {
        let whole = report.lookup.item(wave, ALL_SEGMENT, ALL_GROUP, &q.id);
        let whole_share = share(whole.and_then(|c| c.share));
        let mut row = vec![item_label(q)];
        let mut short = vec![item_label(q)];
        if report.lookup.item_hidden(wave, &segment.id, group, &q.id) {
            row.extend(
                [SUPPRESSED, SUPPRESSED, "", &whole_share, SUPPRESSED, ""].map(String::from),
            );
            short.extend([SUPPRESSED.into(), whole_share, SUPPRESSED.into()]);
            if prev.is_some() {
                row.extend([SUPPRESSED, SUPPRESSED, ""].map(String::from));
                short.push(SUPPRESSED.into());
            }
            t.rows.push(row);
            compact_rows.push(short);
            tones.push(Tone::Neutral);
            continue;
        }
        let cell = report.lookup.item(wave, &segment.id, group, &q.id);
        let unstable = cell.is_some_and(|c| c.unstable && c.n_valid > 0);
        let differs = cell.is_some_and(|c| c.differs);
        let diff = cell.and_then(|c| c.diff_all);
        row.extend([
            cell.map(|c| c.n_base.to_string())
                .unwrap_or_else(|| "0".into()),
            share(cell.and_then(|c| c.share)),
            marks(false, unstable),
            whole_share.clone(),
            change(diff, 1),
            marks(differs, false),
        ]);
        short.extend([
            format!(
                "{}{}",
                share(cell.and_then(|c| c.share)),
                marks(false, unstable)
            ),
            whole_share,
            format!("{}{}", change(diff, 1), marks(differs, false)),
        ]);
        if let Some(p) = prev {
            let hidden_before = report.lookup.item_hidden(p.0, &segment.id, group, &q.id)
                || report.lookup.group_hidden(p.0, &segment.id, group);
            let before = if hidden_before {
                SUPPRESSED.to_string()
            } else {
                share(
                    report
                        .lookup
                        .item(p.0, &segment.id, group, &q.id)
                        .and_then(|c| c.share),
                )
            };
            let moved = cell.and_then(|c| c.diff_prev);
            let changed = cell.is_some_and(|c| c.changed) && moved.is_some();
            row.extend([before, change(moved, 1), marks(changed, false)]);
            short.push(format!("{}{}", change(moved, 1), marks(changed, false)));
        }
        tones.push(tone(q, diff, differs));
        t.rows.push(row);
        compact_rows.push(short);
    }
    t.kinds = Some(kinds);
    t.compact = Some((compact, compact_rows));
    (t, tones)
}

/// Better or worse than the whole, when the difference is significant.
fn tone(q: &Question, diff: Option<f64>, significant: bool) -> Tone {
    match diff {
        Some(d) if significant && d != 0.0 => {
            if (d > 0.0) != q.negative {
                Tone::Good
            } else {
                Tone::Bad
            }
        }
        _ => Tone::Neutral,
    }
}

/// The group's most chosen options of one choice question, beside the whole's shares.
fn reasons(
    report: &Report,
    segment: &Segment,
    group: &str,
    q: &Question,
    options: &[String],
) -> Table {
    let wave = report.year.0;
    let mut t = Table::new(
        format!("{}：回答数の多いもの（上位{}）", q.label, q.top_n),
        ["選択肢", "順位", "割合（%）", "注", "全体（%）"]
            .map(String::from)
            .to_vec(),
    );
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Number,
        Kind::Percent,
        Kind::Text,
        Kind::Percent,
    ]);
    let hidden = (0..options.len()).any(|k| {
        report
            .lookup
            .option_hidden(wave, &segment.id, group, &q.id, k as u32)
    });
    if hidden {
        t.rows.push(vec![
            format!("{SUPPRESSED}（回答対象者が少ないため非表示）"),
            "-".into(),
            SUPPRESSED.into(),
            String::new(),
            "-".into(),
        ]);
        return t;
    }
    let mut ranked: Vec<(u32, usize)> = options
        .iter()
        .enumerate()
        .filter_map(|(k, _)| {
            let c = report
                .lookup
                .option(wave, &segment.id, group, &q.id, k as u32)?;
            (c.n_chosen > 0 && c.rank as usize <= q.top_n).then_some((c.rank, k))
        })
        .collect();
    ranked.sort();
    for (rank, k) in ranked {
        let c = report
            .lookup
            .option(wave, &segment.id, group, &q.id, k as u32);
        let whole = report
            .lookup
            .option(wave, ALL_SEGMENT, ALL_GROUP, &q.id, k as u32);
        t.rows.push(vec![
            options[k].clone(),
            rank.to_string(),
            share(c.and_then(|c| c.share)),
            marks(false, c.is_some_and(|c| c.unstable)),
            share(whole.and_then(|c| c.share)),
        ]);
    }
    if t.rows.is_empty() {
        t.rows.push(
            ["（選んだ人はいません）", "-", "-", "", "-"]
                .map(String::from)
                .to_vec(),
        );
    }
    t
}
