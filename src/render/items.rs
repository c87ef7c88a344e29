//! Item tables: each scale item's positive share per group of a segment (the age-band table,
//! the やりがい有/無 table), the split shares of a split segment, and the trend across waves.

use super::format::{change, number, share};
use super::table::Table;
use super::Report;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::pipeline::{Question, QuestionKind, Segment, SegmentBy};

/// The scale questions, in questionnaire order.
pub fn scale_items<'a>(report: &Report<'a>) -> Vec<&'a Question> {
    report
        .pipeline
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Scale { .. }))
        .collect()
}

/// The scale items compared across a segment's groups: all of them, except that a split
/// segment leaves out the question that defines it (its shares are 100 % and 0 % by
/// construction), as Otaru's やりがい table does.
pub fn segment_items<'a>(report: &Report<'a>, segment: &Segment) -> Vec<&'a Question> {
    let pipeline = report.pipeline;
    scale_items(report)
        .into_iter()
        .filter(|q| match &segment.by {
            SegmentBy::Split { question, .. } => pipeline.questions[*question].id != q.id,
            _ => true,
        })
        .collect()
}

/// The label of an item as tables show it; negative statements are marked.
pub fn item_label(q: &Question) -> String {
    if q.negative {
        format!("{}（否定的設問）", q.label)
    } else {
        q.label.clone()
    }
}

const SHARE_NOTE: &str = "割合は肯定的回答（尺度の上位の選択肢）の割合（%）で、分母はその設問に回答した人数（n）です。無回答は分母に含みません。小数第2位を四捨五入しています。「否定的設問」は割合が高いほど望ましくない設問です。";

/// Item × group table for one segment in the report's wave, with 全体 first.
pub fn items_by_segment(report: &Report, segment: &Segment) -> Table {
    let wave = report.year.0;
    let mut groups = vec![(ALL_SEGMENT.to_string(), ALL_GROUP.to_string())];
    for g in report.lookup.segment_groups(report.pipeline, segment) {
        groups.push((segment.id.clone(), g));
    }
    let mut headers = vec!["設問ID".to_string(), "設問".to_string()];
    for (_, g) in &groups {
        headers.push(format!("{g}（%）"));
        headers.push(format!("{g} n"));
    }
    let mut t = Table::new(
        format!("{}の分析（{}）", segment.label, report.year),
        headers,
    );
    t.note = SHARE_NOTE.into();
    for q in segment_items(report, segment) {
        let mut row = vec![q.id.clone(), item_label(q)];
        for (s, g) in &groups {
            let cell = report.lookup.item(wave, s, g, &q.id);
            row.push(share(cell.and_then(|c| c.share)));
            row.push(
                cell.map(|c| c.n_valid.to_string())
                    .unwrap_or_else(|| "0".into()),
            );
        }
        t.rows.push(row);
    }
    t
}

/// Group sizes of a segment in the report's wave (the やりがい有 / 無 split).
pub fn group_sizes(report: &Report, segment: &Segment) -> Table {
    let wave = report.year.0;
    let mut t = Table::new(
        format!("{}の区分（{}）", segment.label, report.year),
        vec!["区分".into(), "人数".into(), "割合（%）".into()],
    );
    let mut total = 0;
    for g in report.lookup.segment_groups(report.pipeline, segment) {
        let cell = report.lookup.group(wave, &segment.id, &g);
        total += cell.map(|c| c.respondents).unwrap_or(0);
        t.rows.push(vec![
            g.clone(),
            cell.map(|c| c.respondents.to_string())
                .unwrap_or_else(|| "0".into()),
            share(cell.and_then(|c| c.share)),
        ]);
    }
    t.note = format!(
        "割合の分母は、いずれかの区分に入る回答者 {total} 人です（区分を決める設問・属性が無回答の人は含みません）。"
    );
    t
}

/// Whole-population shares of every item in every wave up to the report's, with the change
/// from each earlier wave to the report's wave in percentage points.
pub fn trend(report: &Report) -> Table {
    let waves = &report.waves;
    let mut headers = vec!["設問ID".to_string(), "設問".to_string()];
    for w in waves {
        headers.push(format!("{}（%）", w.japanese()));
        headers.push(format!("{} n", w.japanese()));
    }
    let earlier: Vec<_> = waves.iter().filter(|w| **w < report.year).rev().collect();
    for w in &earlier {
        headers.push(format!("{}からの変化（pt）", w.japanese()));
    }
    let mut t = Table::new(format!("全体の経年変化（{}まで）", report.year), headers);
    t.note = format!(
        "{SHARE_NOTE} 変化は{}の割合から各年度の割合を引いた差（ポイント）です。",
        report.year
    );
    for q in scale_items(report) {
        let mut row = vec![q.id.clone(), item_label(q)];
        let value = |w: i32| report.lookup.item(w, ALL_SEGMENT, ALL_GROUP, &q.id);
        for w in waves {
            let cell = value(w.0);
            row.push(share(cell.and_then(|c| c.share)));
            row.push(
                cell.map(|c| c.n_valid.to_string())
                    .unwrap_or_else(|| "0".into()),
            );
        }
        let now = value(report.year.0).and_then(|c| c.share);
        for w in &earlier {
            let then = value(w.0).and_then(|c| c.share);
            row.push(change(now.zip(then).map(|(a, b)| a - b), 1));
        }
        t.rows.push(row);
    }
    t
}

/// Count at each scale level per item, for the whole population in the report's wave.
pub fn level_counts(report: &Report) -> Table {
    let wave = report.year.0;
    let items = scale_items(report);
    let levels = items
        .first()
        .and_then(|q| report.pipeline.scale_of(q))
        .map(|s| s.levels.clone())
        .unwrap_or_default();
    let mut headers = vec![
        "設問ID".to_string(),
        "設問".to_string(),
        "回答者数".to_string(),
    ];
    headers.extend(levels.iter().cloned());
    headers.push("無回答".into());
    headers.push("肯定的回答（%）".into());
    let mut t = Table::new(
        format!("選択肢別の回答数（全体、{}）", report.year),
        headers,
    );
    t.note = "回答者数はその年度の集計対象の全員、無回答は回答者数から有効回答を引いた人数（回答対象外を含む）です。".into();
    for q in items {
        let Some(cell) = report.lookup.item(wave, ALL_SEGMENT, ALL_GROUP, &q.id) else {
            continue;
        };
        let n_levels = report
            .pipeline
            .scale_of(q)
            .map(|s| s.levels.len())
            .unwrap_or(0);
        let mut row = vec![q.id.clone(), item_label(q), cell.respondents.to_string()];
        for k in 0..levels.len() {
            row.push(if k < n_levels {
                cell.levels[k].to_string()
            } else {
                "-".into()
            });
        }
        row.push((cell.respondents - cell.n_valid).to_string());
        row.push(
            cell.share
                .map(|s| number(s, 1))
                .unwrap_or_else(|| "-".into()),
        );
        t.rows.push(row);
    }
    t
}
