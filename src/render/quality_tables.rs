//! Response rates, row accounting, the data-quality summary (values that matched nothing,
//! per column) and the row-level data-quality table.

use super::format::share;
use super::marks::SUPPRESSED;
use super::table::{Kind, Table};
use super::Report;
use crate::fiscal_year::FiscalYear;

/// Response rate overall and by employment type, for every wave up to the report's.
pub fn response_rates(report: &Report) -> Table {
    let mut t = Table::new(
        format!("回答率（{}まで）", report.year),
        ["年度", "区分", "対象者数", "回答者数", "回答率（%）"]
            .map(String::from)
            .to_vec(),
    );
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Text,
        Kind::Number,
        Kind::Number,
        Kind::Percent,
    ]);
    t.note = format!("回答者数は集計に使った行の数（回答IDなし・重複で除いた行を含みません）、対象者数はパイプラインファイルに書かれた人数です。{SUPPRESSED} は回答者が少ないため（または逆算を防ぐため）秘匿した数です。");
    let order = |g: &str| -> usize {
        if g == crate::aggregate::ALL_GROUP {
            return 0;
        }
        report
            .pipeline
            .respondents
            .attributes
            .iter()
            .find(|a| a.id == "employment")
            .and_then(|a| a.values.as_ref())
            .and_then(|v| v.iter().position(|x| x == g))
            .map(|p| p + 1)
            .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<_> = report
        .lookup
        .response
        .iter()
        .filter(|r| r.wave <= report.year.0)
        .collect();
    rows.sort_by_key(|r| (r.wave, order(&r.group), r.group.clone()));
    for r in rows {
        t.rows.push(vec![
            FiscalYear(r.wave).japanese(),
            r.group.clone(),
            r.population
                .map(|p| p.to_string())
                .unwrap_or_else(|| "-".into()),
            r.respondents
                .map(|n| n.to_string())
                .unwrap_or_else(|| SUPPRESSED.into()),
            if r.suppressed {
                SUPPRESSED.into()
            } else {
                share(r.rate)
            },
        ]);
    }
    t
}

/// Rows read, used and set aside per wave.
pub fn row_counts(report: &Report) -> Table {
    let mut t = Table::new(
        "読み込んだ行の内訳",
        [
            "年度",
            "ファイル",
            "読込行数",
            "使用行数",
            "除外行数",
            "除外の内訳",
        ]
        .map(String::from)
        .to_vec(),
    );
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Text,
        Kind::Number,
        Kind::Number,
        Kind::Number,
        Kind::Text,
    ]);
    t.note =
        "読込行数 = 使用行数 + 除外行数。除外した行は tables/data_quality.csv に一行ずつ載っています。"
            .into();
    for a in report.accounting {
        t.rows.push(vec![
            a.year.japanese(),
            a.file.clone(),
            a.read.to_string(),
            a.used.to_string(),
            a.set_aside_total().to_string(),
            a.set_aside
                .iter()
                .map(|(r, n)| format!("{r} {n}"))
                .collect::<Vec<_>>()
                .join("、"),
        ]);
    }
    t
}

/// Values that matched no level, option or band: one row per wave × column × value, with
/// its count, share of the column's answers, first cells and the line that would accept it.
pub fn data_quality_summary(report: &Report) -> Table {
    let mut t = Table::new(
        "選択肢にない回答の要約",
        [
            "年度",
            "ファイル",
            "列",
            "値",
            "件数",
            "列の回答に占める割合（%）",
            "最初のセル",
            "近い選択肢",
            "直し方（パイプラインファイルに加える行）",
        ]
        .map(String::from)
        .to_vec(),
    );
    // 値 is the answer as found in the export: text even when it looks like a number.
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Text,
        Kind::Text,
        Kind::Text,
        Kind::Number,
        Kind::Percent,
        Kind::Text,
        Kind::Text,
        Kind::Text,
    ]);
    t.note = format!(
        "選択肢にない回答は無回答として扱い、集計から除いています。割合は、その年度のその列で空欄でない回答に占める割合です。一つの値が {} を超える列があると、run は集計を中止します（[quality] max_unmatched_share）。表記ゆれなら「直し方」の行をパイプラインファイルの表（[scales.…] など）に加えてください。一行ずつの一覧は tables/data_quality.csv にあります。",
        share_of(report.pipeline.quality.max_unmatched_share)
    );
    for u in report.unmatched {
        let (near, fix) = match &u.suggestion {
            Some(s) => (
                format!("{}（{}）", s.label, s.closeness.japanese()),
                match (&s.section, &s.key, &s.entry) {
                    (Some(section), Some(key), Some(entry)) => {
                        format!("{section} {key} = {{ {entry} }}")
                    }
                    _ => "元のファイルを直す".into(),
                },
            ),
            None => (String::new(), "元のファイルを直す".into()),
        };
        t.rows.push(vec![
            u.year.japanese(),
            u.file.clone(),
            u.column.clone(),
            u.value.clone(),
            u.count.to_string(),
            share(Some(u.percent())),
            u.cells.join("、"),
            near,
            fix,
        ]);
    }
    t
}

/// `0.02` → `2%` (fractions of a percent kept).
fn share_of(fraction: f64) -> String {
    let pct = fraction * 100.0;
    if (pct - pct.round()).abs() < 1e-9 {
        format!("{}%", pct.round())
    } else {
        format!("{pct}%")
    }
}

/// The notice shown first when the report was written past the data-quality gate.
pub fn accepted_notice(report: &Report) -> Option<String> {
    if report.accepted.is_empty() {
        return None;
    }
    let values: Vec<String> = report
        .accepted
        .iter()
        .map(|g| {
            format!(
                "「{}」{} 件（{} の列{}、多い列で回答の {}%）",
                g.value,
                g.count,
                g.files.join("・"),
                g.columns_text(),
                share(Some(g.worst_percent))
            )
        })
        .collect();
    Some(format!(
        "注意: この報告は、選択肢にない回答が多いまま（--accept-data-problems を指定して）作られました。次の回答は無回答として扱われ、その列の割合は変わっている可能性があります: {}。",
        values.join("、")
    ))
}

/// Every data problem, in file and row order.
pub fn data_quality(report: &Report) -> Table {
    let mut t = Table::new(
        "データの問題",
        [
            "ファイル",
            "シート",
            "行",
            "列",
            "セル",
            "値",
            "問題",
            "期待される値",
            "処理",
        ]
        .map(String::from)
        .to_vec(),
    );
    // 値 is the cell as found in the export: text even when it looks like a number.
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Text,
        Kind::Number,
        Kind::Text,
        Kind::Text,
        Kind::Text,
        Kind::Text,
        Kind::Text,
        Kind::Text,
    ]);
    t.note = "元のファイルを直して再実行すると、この表から消えます。".into();
    for i in report.issues {
        t.rows.push(vec![
            i.file.clone(),
            i.sheet.clone(),
            i.row.to_string(),
            i.column.clone(),
            i.cell.clone(),
            i.value.clone(),
            i.problem.clone(),
            i.expected.clone(),
            i.action.clone(),
        ]);
    }
    t
}
