//! Item tables: each scale item's positive share per group of a segment (the age-band table,
//! the やりがい有/無 table) with intervals and tests, the split shares of a split segment,
//! the trend across waves and the change from the previous wave per group.

use super::format::{change, number, share};
use super::marks::{
    self, bound, ci_label, interval, marks, method_note, p_value, significant, SUPPRESSED,
};
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

/// (segment id, group) pairs of a table: 全体 first, then the segment's groups.
pub fn table_groups(report: &Report, segment: &Segment) -> Vec<(String, String)> {
    let mut groups = vec![(ALL_SEGMENT.to_string(), ALL_GROUP.to_string())];
    for g in report.lookup.segment_groups(report.pipeline, segment) {
        groups.push((segment.id.clone(), g));
    }
    groups
}

/// Table headers: 設問ID, 設問, then the given columns for each group.
fn group_headers(groups: &[(String, String)], columns: &[String]) -> Vec<String> {
    let mut headers = vec!["設問ID".to_string(), "設問".to_string()];
    for (_, g) in groups {
        headers.extend(columns.iter().map(|c| format!("{g}{c}")));
    }
    headers
}

/// Item × group table for one segment in the report's wave, with 全体 first: share, n,
/// interval and marks per group, then the test between the groups.
pub fn items_by_segment(report: &Report, segment: &Segment) -> Table {
    let (wave, stats) = (report.year.0, &report.pipeline.statistics);
    let groups = table_groups(report, segment);
    let ci = ci_label(stats);
    let columns = [
        "（%）".into(),
        " n".into(),
        format!(" {ci}下限"),
        format!(" {ci}上限"),
        " 注".into(),
    ];
    let mut headers = group_headers(&groups, &columns);
    headers.extend([
        "群間の検定".into(),
        "p値（Holm調整後）".into(),
        "群間の差".into(),
    ]);
    let mut md_headers = vec!["設問".to_string()];
    md_headers.extend(groups.iter().map(|(_, g)| g.clone()));
    md_headers.push("群間の差 p".into());
    let mut t = Table::new(
        format!("{}の分析（{}）", segment.label, report.year),
        headers,
    );
    let rest = if groups.len() > 3 {
        format!("各グループの {} は、そのグループとそれ以外のグループとの2群の比率の差のz検定（Holm 法で表ごとに調整）が有意であることを示します。", marks::SIGNIFICANT)
    } else {
        String::new()
    };
    t.note = format!(
        "{SHARE_NOTE} {} 群間の検定は、表示しているグループの間で肯定的回答の割合に差があるかの検定（2群はz検定、3群以上はχ²独立性検定）で、p値は表の中の設問の数で Holm 法により調整しています。{rest}",
        method_note(stats)
    );
    let mut md_rows = Vec::new();
    for q in segment_items(report, segment) {
        let mut row = vec![q.id.clone(), item_label(q)];
        let mut md = vec![item_label(q)];
        for (s, g) in &groups {
            if report.lookup.item_hidden(wave, s, g, &q.id) {
                row.extend([SUPPRESSED; 5].map(String::from));
                md.push(SUPPRESSED.into());
                continue;
            }
            let cell = report.lookup.item(wave, s, g, &q.id);
            let mark = cell
                .map(|c| {
                    marks(
                        significant(c.p_rest_adj, stats),
                        c.unstable && c.n_valid > 0,
                    )
                })
                .unwrap_or_default();
            row.extend([
                share(cell.and_then(|c| c.share)),
                cell.map(|c| c.n_valid.to_string())
                    .unwrap_or_else(|| "0".into()),
                bound(cell.and_then(|c| c.ci).map(|c| c.0)),
                bound(cell.and_then(|c| c.ci).map(|c| c.1)),
                mark.clone(),
            ]);
            md.push(match cell {
                Some(c) if c.share.is_some() => {
                    format!(
                        "{} ({}) n={}{mark}",
                        share(c.share),
                        interval(c.ci),
                        c.n_valid
                    )
                }
                _ => "-".into(),
            });
        }
        let test = report.lookup.item_test(wave, &segment.id, &q.id);
        let sig = significant(test.map(|t| t.p_adj), stats);
        row.extend([
            test.map(marks::test_name).unwrap_or_else(|| "-".into()),
            p_value(test.map(|t| t.p_adj)),
            if sig {
                marks::SIGNIFICANT.into()
            } else {
                String::new()
            },
        ]);
        md.push(format!(
            "{}{}",
            p_value(test.map(|t| t.p_adj)),
            if sig { marks::SIGNIFICANT } else { "" }
        ));
        t.rows.push(row);
        md_rows.push(md);
    }
    t.compact = Some((md_headers, md_rows));
    t
}

/// Group sizes of a segment in the report's wave (the やりがい有 / 無 split).
pub fn group_sizes(report: &Report, segment: &Segment) -> Table {
    let wave = report.year.0;
    let mut t = Table::new(
        format!("{}の区分（{}）", segment.label, report.year),
        vec!["区分".into(), "人数".into(), "割合（%）".into()],
    );
    let ci = ci_label(&report.pipeline.statistics);
    t.headers.extend([format!("{ci}下限"), format!("{ci}上限")]);
    for g in report.lookup.segment_groups(report.pipeline, segment) {
        if report.lookup.group_hidden(wave, &segment.id, &g) {
            t.rows.push(vec![
                g,
                SUPPRESSED.into(),
                SUPPRESSED.into(),
                SUPPRESSED.into(),
                SUPPRESSED.into(),
            ]);
            continue;
        }
        let cell = report.lookup.group(wave, &segment.id, &g);
        t.rows.push(vec![
            g.clone(),
            cell.map(|c| c.respondents.to_string())
                .unwrap_or_else(|| "0".into()),
            share(cell.and_then(|c| c.share)),
            bound(cell.and_then(|c| c.ci).map(|c| c.0)),
            bound(cell.and_then(|c| c.ci).map(|c| c.1)),
        ]);
    }
    t.note = format!(
        "割合の分母は、いずれかの区分に入る回答者です（区分を決める設問・属性が無回答の人は含みません）。{SUPPRESSED} は人数が {} 人未満のため（または逆算を防ぐため）秘匿した区分です。",
        report.pipeline.statistics.min_group
    );
    t
}

/// Whole-population shares of every item in every wave up to the report's, the change from
/// each earlier wave, and the test of the change from the previous wave.
pub fn trend(report: &Report) -> Table {
    let stats = &report.pipeline.statistics;
    let waves = &report.waves;
    let ci = ci_label(stats);
    let mut headers = vec!["設問ID".to_string(), "設問".to_string()];
    for w in waves {
        let w = w.japanese();
        headers.extend([
            format!("{w}（%）"),
            format!("{w} n"),
            format!("{w} {ci}下限"),
            format!("{w} {ci}上限"),
        ]);
    }
    let earlier: Vec<_> = waves.iter().filter(|w| **w < report.year).rev().collect();
    for w in &earlier {
        headers.push(format!("{}からの変化（pt）", w.japanese()));
    }
    let has_previous = !earlier.is_empty();
    if has_previous {
        headers.extend([
            format!("前回との差の{ci}下限"),
            format!("前回との差の{ci}上限"),
            "前回との差 p値（Holm調整後）".into(),
            "前回との差".into(),
        ]);
    }
    let mut t = Table::new(format!("全体の経年変化（{}まで）", report.year), headers);
    t.note = format!(
        "{SHARE_NOTE} 変化は{}の割合から各年度の割合を引いた差（ポイント）です。前回（直前の調査回）との差の区間は Newcombe のハイブリッドスコア区間、p値は2群の比率の差のz検定を設問の数で Holm 法により調整したものです。{}",
        report.year,
        method_note(stats)
    );
    for q in scale_items(report) {
        let mut row = vec![q.id.clone(), item_label(q)];
        let value = |w: i32| report.lookup.item(w, ALL_SEGMENT, ALL_GROUP, &q.id);
        for w in waves {
            if report
                .lookup
                .item_hidden(w.0, ALL_SEGMENT, ALL_GROUP, &q.id)
            {
                row.extend([SUPPRESSED; 4].map(String::from));
                continue;
            }
            let cell = value(w.0);
            row.extend([
                share(cell.and_then(|c| c.share)),
                cell.map(|c| c.n_valid.to_string())
                    .unwrap_or_else(|| "0".into()),
                bound(cell.and_then(|c| c.ci).map(|c| c.0)),
                bound(cell.and_then(|c| c.ci).map(|c| c.1)),
            ]);
        }
        let now_cell = value(report.year.0);
        let now = now_cell.and_then(|c| c.share);
        for w in &earlier {
            let then = value(w.0).and_then(|c| c.share);
            row.push(change(now.zip(then).map(|(a, b)| a - b), 1));
        }
        if has_previous {
            let p = now_cell.and_then(|c| c.p_prev_adj);
            row.extend([
                bound(now_cell.and_then(|c| c.diff_ci).map(|c| c.0)),
                bound(now_cell.and_then(|c| c.diff_ci).map(|c| c.1)),
                p_value(p),
                if significant(p, stats) {
                    marks::SIGNIFICANT.into()
                } else {
                    String::new()
                },
            ]);
        }
        t.rows.push(row);
    }
    t
}

/// Change from the previous wave per item and group of a segment, with its interval and
/// test. `None` when the report's wave is the first.
pub fn change_by_segment(report: &Report, segment: &Segment) -> Option<Table> {
    let previous = report.waves.iter().rfind(|w| **w < report.year)?;
    let (wave, stats) = (report.year.0, &report.pipeline.statistics);
    let groups = table_groups(report, segment);
    let ci = ci_label(stats);
    let columns = [
        " 差（pt）".into(),
        format!(" {ci}下限"),
        format!(" {ci}上限"),
        " p値（Holm調整後）".into(),
        " 注".into(),
    ];
    let headers = group_headers(&groups, &columns);
    let mut md_headers = vec!["設問".to_string()];
    md_headers.extend(groups.iter().map(|(_, g)| g.clone()));
    let mut t = Table::new(
        format!(
            "{}：{}から{}への変化",
            segment.label,
            previous.japanese(),
            report.year.japanese()
        ),
        headers,
    );
    t.note = format!(
        "差は{}の割合から{}の割合を引いたポイント差、区間は Newcombe のハイブリッドスコア区間、p値は2群の比率の差のz検定をこの表の中で Holm 法により調整したものです。{}",
        report.year.japanese(),
        previous.japanese(),
        method_note(stats)
    );
    let mut md_rows = Vec::new();
    for q in scale_items(report) {
        let mut row = vec![q.id.clone(), item_label(q)];
        let mut md = vec![item_label(q)];
        for (s, g) in &groups {
            let hidden = report.lookup.item_hidden(wave, s, g, &q.id)
                || report.lookup.item_hidden(previous.0, s, g, &q.id);
            if hidden {
                row.extend([SUPPRESSED; 5].map(String::from));
                md.push(SUPPRESSED.into());
                continue;
            }
            let cell = report.lookup.item(wave, s, g, &q.id);
            let p = cell.and_then(|c| c.p_prev_adj);
            let mark = marks(significant(p, stats), cell.is_some_and(|c| c.unstable));
            let diff = cell.and_then(|c| c.diff_prev);
            row.extend([
                change(diff, 1),
                bound(cell.and_then(|c| c.diff_ci).map(|c| c.0)),
                bound(cell.and_then(|c| c.diff_ci).map(|c| c.1)),
                p_value(p),
                mark.clone(),
            ]);
            md.push(match diff {
                Some(_) => format!(
                    "{} ({}){mark}",
                    change(diff, 1),
                    interval(cell.and_then(|c| c.diff_ci))
                ),
                None => "-".into(),
            });
        }
        t.rows.push(row);
        md_rows.push(md);
    }
    t.compact = Some((md_headers, md_rows));
    Some(t)
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
