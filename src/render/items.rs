//! Item tables by segment: each scale item's positive share per group of a segment (the
//! age-band table, the やりがい有/無 table) with intervals and tests, the split shares of a
//! split segment, and the change from the previous wave per group. The whole population's
//! trend and level tables are in `whole_tables`.

use super::format::{change, share};
use super::marks::{
    self, bound, ci_label, interval, marks, method_note, p_value, significant, SUPPRESSED,
};
use super::table::{Kind, Table};
use super::Report;
use crate::aggregate::{ALL_GROUP, ALL_SEGMENT};
use crate::pipeline::{Base, Question, Segment, SegmentBy};

/// The scale questions, in questionnaire order.
pub fn scale_items<'a>(report: &Report<'a>) -> Vec<&'a Question> {
    report.pipeline.scale_items()
}

/// The scale items compared across a segment's groups (see [`crate::pipeline::Pipeline::segment_items`]).
pub fn segment_items<'a>(report: &Report<'a>, segment: &Segment) -> Vec<&'a Question> {
    report.pipeline.segment_items(segment)
}

/// What a segment's groups are, in plain Japanese, for the top of its section: for a split,
/// which answers put a respondent in each group.
pub fn segment_intro(report: &Report, segment: &Segment) -> Vec<String> {
    let mut out = groups_intro(report, segment);
    if segment.sheets {
        out.push(format!(
            "グループごとに1ページにまとめた{}カルテは、このフォルダの sheets/{id}.html（まとめて印刷用）、sheets/{id}/（グループごとのファイル）と sheets/{id}.xlsx にあります。",
            segment.label,
            id = segment.id
        ));
    }
    out
}

fn groups_intro(report: &Report, segment: &Segment) -> Vec<String> {
    let p = report.pipeline;
    match &segment.by {
        SegmentBy::Split { question, groups } => {
            let q = &p.questions[*question];
            let Some(scale) = p.scale_of(q) else {
                return vec![];
            };
            let (agree, other) = scale.levels.split_at(scale.positive.min(scale.levels.len()));
            vec![
                format!(
                    "「{}」は設問「{}」に「{}」と答えた人、「{}」は「{}」と答えた人です（無回答の人はどちらにも入りません）。",
                    groups[0],
                    q.label,
                    agree.join("」「"),
                    groups[1],
                    other.join("」「"),
                ),
                format!(
                    "この設問自体は比べる設問から除いています（{}は定義上100%、{}は0%になるため）。{} は2つのグループの差が有意な設問です。",
                    groups[0],
                    groups[1],
                    marks::SIGNIFICANT
                ),
            ]
        }
        _ => vec![format!(
            "各グループの値を全体と比べます。{} はそのグループとそれ以外のグループとの差が有意なことを示します。",
            marks::SIGNIFICANT
        )],
    }
}

/// The label of an item as tables show it; negative statements are marked.
pub fn item_label(q: &Question) -> String {
    if q.negative {
        format!("{}（否定的設問）", q.label)
    } else {
        q.label.clone()
    }
}

/// What a table's shares are and what their base is, for the items it shows.
pub fn share_note(report: &Report, items: &[&Question]) -> String {
    let all: Vec<&str> = items
        .iter()
        .filter(|q| q.base == Base::All)
        .map(|q| q.label.as_str())
        .collect();
    let base = if all.is_empty() {
        "分母はその設問に回答した人数（n）で、無回答は分母に含みません。".to_string()
    } else if all.len() == items.len() {
        "分母は回答者全体（n、無回答を含む）で、無回答の割合も示します（肯定的・中立・否定的・無回答の合計が100%）。".to_string()
    } else {
        format!(
            "分母はその設問に回答した人数（n）で、無回答は分母に含みません。ただし「{}」は回答者全体（無回答を含む）が分母です。",
            all.join("」「")
        )
    };
    let neutral = if items
        .iter()
        .any(|q| report.pipeline.scale_of(q).is_some_and(|s| s.neutral > 0))
    {
        "中立（どちらともいえない）は肯定的にも否定的にも数えません。"
    } else {
        ""
    };
    format!("割合は肯定的回答（尺度の上位の選択肢）と否定的回答（下位の選択肢）の割合（%）です。{base}{neutral}小数第2位を四捨五入しています。「否定的設問」は割合が高いほど望ましくない設問です。")
}

/// Which optional share columns a table of these items needs: (neutral, no answer).
fn optional_shares(report: &Report, items: &[&Question]) -> (bool, bool) {
    (
        items
            .iter()
            .any(|q| report.pipeline.scale_of(q).is_some_and(|s| s.neutral > 0)),
        items.iter().any(|q| q.base == Base::All),
    )
}

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
    let items = segment_items(report, segment);
    let (with_neutral, with_missing) = optional_shares(report, &items);
    let mut columns = vec!["（%）".to_string(), " 否定的（%）".into()];
    if with_neutral {
        columns.push(" 中立（%）".into());
    }
    if with_missing {
        columns.push(" 無回答（%）".into());
    }
    columns.extend([
        " n".into(),
        format!(" {ci}下限"),
        format!(" {ci}上限"),
        " 注".into(),
    ]);
    let mut column_kinds = vec![Kind::Percent; columns.len() - 4];
    column_kinds.extend([Kind::Number, Kind::Percent, Kind::Percent, Kind::Text]);
    let mut headers = group_headers(&groups, &columns);
    headers.extend([
        "群間の検定".into(),
        "p値（Holm調整後）".into(),
        "群間の差".into(),
    ]);
    let mut kinds = group_kinds(&groups, &column_kinds);
    kinds.extend([Kind::Text, Kind::Number, Kind::Text]);
    let mut md_headers = vec!["設問".to_string()];
    md_headers.extend(groups.iter().map(|(_, g)| g.clone()));
    md_headers.push("群間の差 p".into());
    let mut t = Table::new(
        format!("{}の分析（{}）", segment.label, report.year),
        headers,
    );
    let rest = format!("各グループの {} は、表示しているグループが2つならその2つの間の差、3つ以上ならそのグループとそれ以外のグループとの差（2群の比率の差のz検定、Holm 法で表ごとに調整）が有意であることを示します。", marks::SIGNIFICANT);
    t.note = format!(
        "{} {} 群間の検定は、表示しているグループの間で肯定的回答の割合に差があるかの検定（2群はz検定、3群以上はχ²独立性検定）で、p値は表の中の設問の数で Holm 法により調整しています。{rest}",
        share_note(report, &items),
        method_note(stats)
    );
    let mut md_rows = Vec::new();
    for q in items {
        let mut row = vec![q.id.clone(), item_label(q)];
        let mut md = vec![item_label(q)];
        for (s, g) in &groups {
            if report.lookup.item_hidden(wave, s, g, &q.id) {
                row.extend(columns.iter().map(|_| SUPPRESSED.to_string()));
                md.push(SUPPRESSED.into());
                continue;
            }
            let cell = report.lookup.item(wave, s, g, &q.id);
            let mark = cell
                .map(|c| marks(c.differs, c.unstable && c.n_valid > 0))
                .unwrap_or_default();
            row.push(share(cell.and_then(|c| c.share)));
            row.push(share(cell.and_then(|c| c.share_negative)));
            if with_neutral {
                row.push(share(cell.and_then(|c| c.share_neutral)));
            }
            if with_missing {
                row.push(share(cell.and_then(|c| c.share_missing)));
            }
            row.extend([
                cell.map(|c| c.n_base.to_string())
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
                        c.n_base
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
    t.kinds = Some(kinds);
    t
}

/// Column kinds matching [`group_headers`]: the two label columns, then `columns` per group.
fn group_kinds(groups: &[(String, String)], columns: &[Kind]) -> Vec<Kind> {
    let mut kinds = vec![Kind::Text, Kind::Text];
    for _ in groups {
        kinds.extend_from_slice(columns);
    }
    kinds
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
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Number,
        Kind::Percent,
        Kind::Percent,
        Kind::Percent,
    ]);
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

/// Change from the previous wave per item and group of a segment, with its interval and
/// test. `None` when the report's wave is the first.
pub fn change_by_segment(report: &Report, segment: &Segment) -> Option<Table> {
    let previous = report.waves.iter().rfind(|w| **w < report.year)?;
    let (wave, stats) = (report.year.0, &report.pipeline.statistics);
    let groups = table_groups(report, segment);
    let ci = ci_label(stats);
    // The difference and its interval are in percentage points.
    let columns = [
        " 差（pt）".into(),
        format!(" 差の{ci}下限（pt）"),
        format!(" 差の{ci}上限（pt）"),
        " p値（Holm調整後）".into(),
        " 注".into(),
    ];
    let headers = group_headers(&groups, &columns);
    let kinds = group_kinds(
        &groups,
        &[
            Kind::Points,
            Kind::Points,
            Kind::Points,
            Kind::Number,
            Kind::Text,
        ],
    );
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
        "差は{}の肯定的回答の割合から{}の割合を引いたポイント差で、{} は有意な変化です。差の区間（Newcombe のハイブリッドスコア区間）と p値（2群の比率の差のz検定をこの表の中で Holm 法により調整したもの）は tables/change_by_{}.csv にあります。{} {}",
        report.year.japanese(),
        previous.japanese(),
        marks::SIGNIFICANT,
        segment.id,
        share_note(report, &scale_items(report)),
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
            let mark = marks(
                cell.is_some_and(|c| c.changed),
                cell.is_some_and(|c| c.unstable),
            );
            let diff = cell.and_then(|c| c.diff_prev);
            row.extend([
                change(diff, 1),
                bound(cell.and_then(|c| c.diff_ci).map(|c| c.0)),
                bound(cell.and_then(|c| c.diff_ci).map(|c| c.1)),
                p_value(p),
                mark.clone(),
            ]);
            // The report shows the change and its mark; the interval and p are in the CSV.
            md.push(match diff {
                Some(_) => format!("{}{mark}", change(diff, 1)),
                None => "-".into(),
            });
        }
        t.rows.push(row);
        md_rows.push(md);
    }
    t.compact = Some((md_headers, md_rows));
    t.kinds = Some(kinds);
    Some(t)
}
