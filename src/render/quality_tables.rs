//! Response rates, row accounting and the data-quality table.

use super::format::share;
use super::marks::SUPPRESSED;
use super::table::Table;
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
    t.note =
        "読込行数 = 使用行数 + 除外行数。除外した行は下の「データの問題」に一行ずつ載っています。"
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
