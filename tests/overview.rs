//! The 概要: first in report.md and report.html, and its findings follow the documented rules
//! (src/findings.rs). Each rule is re-derived here from the CSV tables the findings cite, not
//! from the code that chose them: what the marks and numbers of those tables say must be
//! what the sentences say.

mod common;

use common::*;
use std::path::PathBuf;

fn dir() -> PathBuf {
    root().join("reports/sample/R6")
}

fn table(stem: &str) -> Vec<Vec<String>> {
    csv_rows(&read_csv(&dir().join(format!("tables/{stem}.csv"))))
}

fn col(t: &[Vec<String>], name: &str) -> usize {
    t[0].iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}: {:?}", t[0]))
}

/// The numbered findings under 「主な結果」 in report.md.
fn findings() -> Vec<String> {
    let md = std::fs::read_to_string(dir().join("report.md")).unwrap();
    md.split("### 主な結果")
        .nth(1)
        .expect("report.md has 主な結果")
        .lines()
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn finding(starts: &str) -> String {
    findings()
        .into_iter()
        .find(|f| {
            f.split_once(". ")
                .is_some_and(|(_, t)| t.starts_with(starts))
        })
        .unwrap_or_else(|| panic!("no finding starting {starts}: {:#?}", findings()))
}

/// An item label as the findings quote it (tables add （否定的設問）).
fn plain(label: &str) -> &str {
    label.trim_end_matches("（否定的設問）")
}

#[test]
fn the_overview_is_first_in_both_reports() {
    let md = std::fs::read_to_string(dir().join("report.md")).unwrap();
    let first = md.lines().find(|l| l.starts_with("## ")).unwrap();
    assert_eq!(first, "## 概要");
    let html = std::fs::read_to_string(dir().join("report.html")).unwrap();
    let h2 = html.split("<h2>").nth(1).unwrap();
    assert!(h2.starts_with("概要</h2>"), "{}", &h2[..40]);
    // The facts: respondents and rate as the response-rate table has them (whole population).
    let rates = table("response_rates");
    let whole = rates
        .iter()
        .find(|r| r[0] == "令和6年度" && r[1] == "全体")
        .expect("a 令和6年度 全体 row");
    for fact in [
        format!("回答者数: **{}人**", whole[col(&rates, "回答者数")]),
        format!("回答率: **{}%**", whole[col(&rates, "回答率（%）")]),
        "調査期間: **2024年7月1日～7月19日**".to_string(),
    ] {
        assert!(md.contains(&fact), "{fact}");
    }
    let n = findings().len();
    // KGI, KPIs, three about the HR records, the change and the segments, at most 10.
    assert!(
        (5..=staff_survey::findings::MAX_FINDINGS).contains(&n),
        "{n} findings"
    );
}

#[test]
fn indicators_behind_are_cited_kgi_alone_and_kpis_together() {
    let t = table("indicators");
    let (level, name, status) = (col(&t, "区分"), col(&t, "指標"), col(&t, "判定"));
    let behind: Vec<&Vec<String>> = t[1..]
        .iter()
        .filter(|r| r[status] == "遅れ" || r[status] == "未達成")
        .collect();
    let kgis: Vec<_> = behind.iter().filter(|r| r[level] == "KGI").collect();
    assert!(!kgis.is_empty(), "the sample has a KGI behind");
    for r in kgis {
        finding(&format!("KGI「{}」", r[name]));
    }
    let kpis: Vec<_> = behind.iter().filter(|r| r[level] == "KPI").collect();
    let f = finding("目標への経路より遅れている KPI は");
    assert!(f.contains(&format!("KPI は{}件です", kpis.len())), "{f}");
    for r in kpis {
        assert!(
            f.contains(&format!("「{}」", r[name])),
            "{} in {f}",
            r[name]
        );
    }
}

#[test]
fn the_change_since_last_year_follows_the_trend_table() {
    let t = table("trend");
    let (p, mark) = (
        col(&t, "前回との差 p値（Holm調整後）"),
        col(&t, "前回との差"),
    );
    let compared = t[1..].iter().filter(|r| r[p] != "-").count();
    let changed = t[1..].iter().filter(|r| r[mark] == "*").count();
    let f = finding("令和5年度から有意に変化した設問");
    if changed == 0 {
        assert!(
            f.contains(&format!("ありませんでした（{compared}設問を比較）")),
            "{f}"
        );
    } else {
        assert!(f.contains(&format!("{compared}設問中{changed}設問")), "{f}");
    }
}

#[test]
fn the_largest_marked_yarigai_gaps_are_cited_largest_first() {
    let t = table("items_by_yarigai");
    let (yes, no, mark) = (
        col(&t, "やりがい有（%）"),
        col(&t, "やりがい無（%）"),
        col(&t, "やりがい有 注"),
    );
    let mut gaps: Vec<(f64, String)> = t[1..]
        .iter()
        .filter(|r| r[mark].contains('*'))
        .map(|r| {
            let gap = r[yes].parse::<f64>().unwrap() - r[no].parse::<f64>().unwrap();
            (gap, plain(&r[1]).to_string())
        })
        .collect();
    // Largest |gap| first. Gaps from rounded shares can differ by 0.1 from the exact ones, so
    // only items whose order is clear by more than that are compared.
    gaps.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    let f = finding("やりがい有とやりがい無で差が大きい設問");
    assert!(
        f.contains(&format!("（{}件のうち差の大きい3件）", gaps.len())),
        "{f}"
    );
    let cited: Vec<usize> = gaps[..3]
        .iter()
        .map(|(_, label)| {
            f.find(&format!("「{label}」"))
                .unwrap_or_else(|| panic!("{label} not in {f}"))
        })
        .collect();
    assert!(cited.windows(2).all(|w| w[0] < w[1]), "order: {f}");
    assert!(gaps[2].0.abs() - gaps[3].0.abs() > 0.2, "the cut is clear");
}

#[test]
fn age_cells_worse_than_the_whole_are_counted_and_the_largest_cited() {
    let t = table("items_by_age");
    let whole = col(&t, "全体（%）");
    let bands = ["10～20歳代", "30歳代", "40歳代", "50歳代", "60歳代～"];
    let mut worse: Vec<(f64, String)> = Vec::new();
    for r in &t[1..] {
        let negative = r[1].ends_with("（否定的設問）");
        for b in bands {
            let (v, m) = (
                &r[col(&t, &format!("{b}（%）"))],
                &r[col(&t, &format!("{b} 注"))],
            );
            let (Ok(v), Ok(all)) = (v.parse::<f64>(), r[whole].parse::<f64>()) else {
                continue;
            };
            let diff = v - all;
            if m.contains('*') && (if negative { diff > 0.0 } else { diff < 0.0 }) {
                worse.push((diff, format!("{b}の「{}」", plain(&r[1]))));
            }
        }
    }
    worse.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    let f = finding("年代別で全体より有意に望ましくない値");
    assert!(
        f.contains(&format!("（{}件のうち差の大きい3件）", worse.len())),
        "{} cells: {f}",
        worse.len()
    );
    let at: Vec<usize> = worse[..3]
        .iter()
        .map(|(_, c)| {
            f.find(c.as_str())
                .unwrap_or_else(|| panic!("{c} not in {f}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "order: {f}");
}
