//! The aggregate tables in full, long form, for analysts and auditors: every wave up to the
//! report's × segment × group × item (or option), with every count. Linked from `report.md`,
//! not shown in it.

use super::format::share;
use super::marks::{bound, ci_label, marks, method_note, SUPPRESSED};
use super::reasons::{all_groups, choice_questions, option_row, stat_headers, test_note};
use super::table::{Kind, Table};
use super::Report;
use crate::fiscal_year::FiscalYear;
use crate::pipeline::QuestionKind;

/// Every scale item: respondents, valid answers, positive count and share, and the count at
/// each level (columns `水準1`… when the scales differ, else the level labels).
pub fn items_long(report: &Report) -> Table {
    let pipeline = report.pipeline;
    let max_levels = pipeline.max_levels();
    let mut headers: Vec<String> = [
        "年度",
        "区分",
        "グループ",
        "設問ID",
        "設問",
        "回答者数",
        "有効回答数",
        "分母",
        "肯定的回答数",
        "中立の回答数",
        "否定的回答数",
        "無回答数",
        "肯定的回答（%）",
        "中立（%）",
        "否定的回答（%）",
        "無回答（%）",
    ]
    .map(String::from)
    .to_vec();
    match pipeline.scales.as_slice() {
        [only] => headers.extend(only.levels.iter().cloned()),
        _ => headers.extend((1..=max_levels).map(|k| format!("水準{k}"))),
    }
    let ci = ci_label(&pipeline.statistics);
    headers.extend([format!("{ci}下限"), format!("{ci}上限"), "注".into()]);
    let width = headers.len();
    // Named columns: 5 labels, 7 counts, 4 shares; then the level counts (named after the
    // answers, so not recognisable from their headers), the interval and the marks.
    let mut kinds = vec![Kind::Text; 5];
    kinds.extend([Kind::Number; 7]);
    kinds.extend([Kind::Percent; 4]);
    kinds.resize(width - 3, Kind::Number);
    kinds.extend([Kind::Percent, Kind::Percent, Kind::Text]);
    let mut t = Table::new(
        format!("設問別の集計（{}まで、全グループ）", report.year),
        headers,
    );
    t.kinds = Some(kinds);
    t.note = format!(
        "回答者数はそのグループの全員、有効回答数は回答した人数、分母は割合の分母（回答した人数、または base = \"all\" の設問では回答者数）、肯定的回答は尺度の上位の選択肢、否定的回答は下位の選択肢、中立はその間の「どちらともいえない」などです。無回答（%）は分母が回答者全体の設問だけに示します。{}",
        method_note(&pipeline.statistics)
    );
    for w in &report.waves {
        for (seg, seg_label, g) in all_groups(report) {
            for q in &pipeline.questions {
                if !matches!(q.kind, QuestionKind::Scale { .. }) {
                    continue;
                }
                let mut row = vec![
                    FiscalYear(w.0).japanese(),
                    seg_label.clone(),
                    g.clone(),
                    q.id.clone(),
                    q.label.clone(),
                ];
                if report.lookup.item_hidden(w.0, &seg, &g, &q.id) {
                    row.resize(width, SUPPRESSED.into());
                    t.rows.push(row);
                    continue;
                }
                let Some(c) = report.lookup.item(w.0, &seg, &g, &q.id) else {
                    continue;
                };
                row.extend([
                    c.respondents.to_string(),
                    c.n_valid.to_string(),
                    c.n_base.to_string(),
                    c.n_positive.to_string(),
                    c.n_neutral.to_string(),
                    c.n_negative.to_string(),
                    c.n_missing.to_string(),
                    share(c.share),
                    share(c.share_neutral),
                    share(c.share_negative),
                    share(c.share_missing),
                ]);
                // Levels past this item's own scale are not levels of it.
                let n_levels = pipeline.scale_of(q).map_or(0, |s| s.levels.len());
                row.extend(c.levels.iter().enumerate().map(|(k, v)| {
                    if k < n_levels {
                        v.to_string()
                    } else {
                        "-".into()
                    }
                }));
                row.extend([
                    bound(c.ci.map(|c| c.0)),
                    bound(c.ci.map(|c| c.1)),
                    marks(false, c.unstable && c.n_valid > 0),
                ]);
                t.rows.push(row);
            }
        }
    }
    t
}

/// Every option of every choice question: base, count, share and rank.
pub fn options_long(report: &Report) -> Table {
    let headers = [
        "年度",
        "区分",
        "グループ",
        "設問ID",
        "設問",
        "選択肢",
        "n",
        "選択数",
        "割合（%）",
        "順位",
    ];
    let mut t = Table::new(
        format!("選択式設問の集計（{}まで、全グループ）", report.year),
        headers.map(String::from).to_vec(),
    );
    let stats = &report.pipeline.statistics;
    t.headers.extend(stat_headers(stats));
    t.note = format!(
        "n は回答対象者のうちその設問に回答した人数、順位は同じグループ内の選ばれた数の順（同数は同順位）です。{}",
        test_note(stats)
    );
    for w in &report.waves {
        for (seg, seg_label, g) in all_groups(report) {
            for (q, options) in choice_questions(report) {
                for (k, o) in options.iter().enumerate() {
                    let cells = option_row(report, w.0, &seg, &g, &q.id, k as u32);
                    if cells[0] == "-" {
                        continue;
                    }
                    let mut row = vec![
                        w.japanese(),
                        seg_label.clone(),
                        g.clone(),
                        q.id.clone(),
                        q.label.clone(),
                        o.clone(),
                    ];
                    row.extend(cells);
                    t.rows.push(row);
                }
            }
        }
    }
    t
}
