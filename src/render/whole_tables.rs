//! The whole population's tables: every item's share in every wave with the changes since
//! earlier waves (the trend), and the count at each answer level per scale.

use super::format::{change, share};
use super::items::{item_label, scale_items, share_note};
use super::marks::{self, bound, ci_label, interval, method_note, p_value, SUPPRESSED};
use super::table::{Kind, Table};
use super::Report;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::pipeline::{Question, Scale};

/// Whole-population shares of every item in every wave up to the report's, the change from
/// each earlier wave, and the test of the change from the previous wave.
pub fn trend(report: &Report) -> Table {
    let stats = &report.pipeline.statistics;
    let waves = &report.waves;
    let ci = ci_label(stats);
    let mut headers = vec!["設問ID".to_string(), "設問".to_string()];
    let mut kinds = vec![Kind::Text, Kind::Text];
    for w in waves {
        let w = w.japanese();
        headers.extend([
            format!("{w}（%）"),
            format!("{w} n"),
            format!("{w} {ci}下限"),
            format!("{w} {ci}上限"),
        ]);
        kinds.extend([Kind::Percent, Kind::Number, Kind::Percent, Kind::Percent]);
    }
    let earlier: Vec<_> = waves.iter().filter(|w| **w < report.year).rev().collect();
    for w in &earlier {
        headers.push(format!("{}からの変化（pt）", w.japanese()));
        kinds.push(Kind::Points);
    }
    let has_previous = !earlier.is_empty();
    if has_previous {
        // The interval of a change is in points, like the change.
        headers.extend([
            format!("前回との差の{ci}下限（pt）"),
            format!("前回との差の{ci}上限（pt）"),
            "前回との差 p値（Holm調整後）".into(),
            "前回との差".into(),
        ]);
        kinds.extend([Kind::Points, Kind::Points, Kind::Number, Kind::Text]);
    }
    let mut t = Table::new(format!("全体の経年変化（{}まで）", report.year), headers);
    t.kinds = Some(kinds);
    t.note = format!(
        "{} 変化は{}の割合から各年度の割合を引いた差（ポイント）です。前回（直前の調査回）との差の区間は Newcombe のハイブリッドスコア区間、p値は2群の比率の差のz検定を設問の数で Holm 法により調整したものです。{}",
        share_note(report, &scale_items(report)),
        report.year,
        method_note(stats)
    );
    let mut md_headers = vec!["設問".to_string()];
    md_headers.extend(waves.iter().map(|w| w.japanese()));
    md_headers.extend(
        earlier
            .iter()
            .map(|w| format!("{}から（pt）", w.japanese())),
    );
    let mut md_rows = Vec::new();
    for q in scale_items(report) {
        let mut row = vec![q.id.clone(), item_label(q)];
        let mut md = vec![item_label(q)];
        let value = |w: i32| report.lookup.item(w, ALL_SEGMENT, ALL_GROUP, &q.id);
        for w in waves {
            if report
                .lookup
                .item_hidden(w.0, ALL_SEGMENT, ALL_GROUP, &q.id)
            {
                row.extend([SUPPRESSED; 4].map(String::from));
                md.push(SUPPRESSED.into());
                continue;
            }
            let cell = value(w.0);
            row.extend([
                share(cell.and_then(|c| c.share)),
                cell.map(|c| c.n_base.to_string())
                    .unwrap_or_else(|| "0".into()),
                bound(cell.and_then(|c| c.ci).map(|c| c.0)),
                bound(cell.and_then(|c| c.ci).map(|c| c.1)),
            ]);
            md.push(match cell {
                Some(c) if c.share.is_some() => {
                    format!("{} ({}) n={}", share(c.share), interval(c.ci), c.n_base)
                }
                _ => "-".into(),
            });
        }
        let now_cell = value(report.year.0);
        let now_changed = now_cell.is_some_and(|c| c.changed);
        for (k, w) in earlier.iter().enumerate() {
            let diff = change(
                report
                    .lookup
                    .change(report.year.0, ALL_SEGMENT, ALL_GROUP, &q.id, w.0),
                1,
            );
            // The mark belongs to the change from the previous wave (the first column).
            let mark = if k == 0 && now_changed {
                marks::SIGNIFICANT
            } else {
                ""
            };
            md.push(format!("{diff}{mark}"));
            row.push(diff);
        }
        if has_previous {
            let p = now_cell.and_then(|c| c.p_prev_adj);
            row.extend([
                bound(now_cell.and_then(|c| c.diff_ci).map(|c| c.0)),
                bound(now_cell.and_then(|c| c.diff_ci).map(|c| c.1)),
                p_value(p),
                if now_cell.is_some_and(|c| c.changed) {
                    marks::SIGNIFICANT.into()
                } else {
                    String::new()
                },
            ]);
        }
        t.rows.push(row);
        md_rows.push(md);
    }
    t.compact = Some((md_headers, md_rows));
    t
}

/// Count at each level per item, whole population, report's wave: one table per scale in
/// use (its own level labels), as `(file stem, table)`. The stem is `levels` when one scale
/// is used, else `levels_<scale id>`.
pub fn level_counts(report: &Report) -> Vec<(String, Table)> {
    let wave = report.year.0;
    let by_scale = items_by_scale(report);
    let single = by_scale.len() == 1;
    let mut out = Vec::new();
    for (scale, items) in by_scale {
        let mut headers = vec![
            "設問ID".to_string(),
            "設問".to_string(),
            "回答者数".to_string(),
        ];
        headers.extend(scale.levels.iter().cloned());
        headers.push("無回答".into());
        // The level columns are named after the answers, so their kind cannot be read from
        // the header: counts up to 無回答, shares after.
        let counts = headers.len();
        headers.push("肯定的回答（%）".into());
        if scale.neutral > 0 {
            headers.push("中立（%）".into());
        }
        headers.push("否定的回答（%）".into());
        let mut kinds = vec![Kind::Text, Kind::Text];
        kinds.resize(counts, Kind::Number);
        kinds.resize(headers.len(), Kind::Percent);
        let title = if single {
            format!("選択肢別の回答数（全体、{}）", report.year)
        } else {
            format!(
                "選択肢別の回答数（{}、全体、{}）",
                scale.range_label(),
                report.year
            )
        };
        let mut t = Table::new(title, headers);
        t.kinds = Some(kinds);
        t.note = format!(
            "回答者数はその年度の集計対象の全員、無回答は回答者数から有効回答を引いた人数（回答対象外を含む）です。{}",
            share_note(report, &items)
        );
        for q in items {
            let Some(cell) = report.lookup.item(wave, ALL_SEGMENT, ALL_GROUP, &q.id) else {
                continue;
            };
            let mut row = vec![q.id.clone(), item_label(q), cell.respondents.to_string()];
            row.extend(
                cell.levels
                    .iter()
                    .take(scale.levels.len())
                    .map(|c| c.to_string()),
            );
            row.push(cell.n_missing.to_string());
            row.push(share(cell.share));
            if scale.neutral > 0 {
                row.push(share(cell.share_neutral));
            }
            row.push(share(cell.share_negative));
            t.rows.push(row);
        }
        let stem = if single {
            "levels".to_string()
        } else {
            format!("levels_{}", scale.id)
        };
        out.push((stem, t));
    }
    out
}

/// The scale items grouped by their scale, scales in order of their first item.
pub fn items_by_scale<'a>(report: &Report<'a>) -> Vec<(&'a Scale, Vec<&'a Question>)> {
    let mut out: Vec<(&Scale, Vec<&Question>)> = Vec::new();
    for q in scale_items(report) {
        let Some(scale) = report.pipeline.scale_of(q) else {
            continue;
        };
        match out.iter_mut().find(|(s, _)| s.id == scale.id) {
            Some((_, items)) => items.push(q),
            None => out.push((scale, vec![q])),
        }
    }
    out
}
