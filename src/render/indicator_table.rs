//! The KGI/KPI table: previous year, baseline, current, target, changes, progress, status,
//! the numerator and denominator of a share or ratio, and the value compared with; and the
//! table setting the indicators with a comparison value beside the organisations compared.

use super::format::{change, number};
use super::marks::ci_label;
use super::overview::target_text;
use super::table::{Kind, Table};
use super::Report;
use crate::pipeline::{Bound, IndicatorSource};

/// One row per indicator, KGI first as in the pipeline file.
pub fn indicator_table(report: &Report) -> Table {
    let headers = [
        "区分",
        "指標",
        "単位",
        "向き",
        "前年度",
        "前年度値",
        "基準年度",
        "基準値",
        "現在年度",
        "現在値",
        "目標年度",
        "目標値",
        "目標値の条件",
        "前年度からの変化",
        "基準値からの変化",
        "進捗率（%）",
        "経路上の値",
        "判定",
    ];
    let ci = ci_label(&report.pipeline.statistics);
    let mut headers = headers.map(String::from).to_vec();
    headers.extend([
        format!("現在値の{ci}下限"),
        format!("現在値の{ci}上限"),
        "現在値の n".into(),
        "現在値の分子".into(),
        "現在値の分母".into(),
        "比較対象".into(),
        "比較年度".into(),
        "比較値".into(),
        "比較値の出典".into(),
    ]);
    let mut t = Table::new(format!("KGI・KPI の状況（{}）", report.year), headers);
    t.note = "変化は割合（%）の指標ではポイント差です。進捗率は基準値から目標値までの距離のうち進んだ割合、経路上の値は基準値から目標値へ毎年同じだけ進んだ場合の今年度の値で、これより良ければ「順調」、悪ければ「遅れ」です。向きが「低いほど良い」の指標は値が下がるほど良いと判定します。目標が「8人以下」のように上限・下限で示されている指標は、目標に「以下」「以上」を付けて示します（CSV と Excel の表では目標値の条件の列）。基準値の時点で既に目標を満たしている指標は、進捗率を「-」とし、目標値を保てているかで判定します。アンケートから求める割合の分母は、その設問に回答した人数（base = \"all\" の設問では回答者全体、選択式の設問ではその設問を尋ねて回答した人数）です。アンケートから求める割合には現在値の Wilson スコア区間を、標準偏差と回答数のある平均値（研修の満足度など）には t 分布による区間を示します（回答数 n は CSV と Excel の表にあります）。変化の列は「前年度から ／ 基準値から」の順です。現在値と経路上の値が同じ数に見えるときは、小数をもう1桁示します。年代などの一部のグループについての指標は、それらのグループの回答を合わせた割合で、どれかのグループが少人数のため非表示の年度は示しません。比率の指標は分子と分母から求め、現在値の後に「分子/分母」を示します。標本の場合だけ区間を示します。判定が「目標なし」の指標は目標を定めずに推移を見るもので、進捗率と経路上の値はありません。比較値は比較値の表にある他の自治体などの値（現在年度の値、なければそれ以前の最新の値）で、本文では次の「他の自治体等との比較」の表に示します。".into();
    let short = |y: crate::fiscal_year::FiscalYear| y.short();
    let md_headers = [
        "区分",
        "指標",
        "判定",
        "前年度",
        "基準値",
        "現在値",
        "目標",
        // One column for both changes: two would make the table too wide for a portrait page
        // at 9 pt.
        "変化（前年度から、基準値から）",
        "進捗率",
        "経路上の値",
    ]
    .map(String::from)
    .to_vec();
    let mut md_rows = Vec::new();
    for row in report.indicators {
        let ind = &report.pipeline.indicators[row.indicator];
        let d = ind.decimals;
        let value = |v: Option<f64>| v.map(|v| number(v, d)).unwrap_or_else(|| "-".into());
        let year = |o: Option<crate::indicators::Observation>| {
            o.map(|o| o.year.japanese()).unwrap_or_else(|| "-".into())
        };
        // The bound is its own column, so the target stays a number (8 and 以下, not 8以下).
        let bound = ind.target.and_then(|t| t.bound).map_or("", Bound::label);
        let with_unit = |v: Option<f64>| match v {
            Some(v) => format!("{}{}", number(v, d), ind.unit),
            None => "-".into(),
        };
        let at = |o: Option<crate::indicators::Observation>| match o {
            Some(o) => format!("{}（{}）", with_unit(Some(o.value)), short(o.year)),
            None => "-".into(),
        };
        // When the current value and the path print alike although they differ (the status
        // tells them apart), both get one more decimal: 13.90日 against 13.92日.
        let dc = match (row.current, row.expected) {
            (Some(c), Some(e)) if number(c.value, d) == number(e, d) && c.value != e => d + 1,
            _ => d,
        };
        let precise = |v: f64| format!("{}{}", number(v, dc), ind.unit);
        let mut current = match row.current {
            Some(o) => {
                let value = format!("{}（{}）", precise(o.value), short(o.year));
                match o.ci {
                    Some((lo, hi)) => format!("{value} [{}–{}]", number(lo, d), number(hi, d)),
                    None => value,
                }
            }
            None => "-".into(),
        };
        // Counts are whole; a ratio of hours or days keeps the indicator's decimals.
        let count = |v: f64| number(v, if v.fract() == 0.0 { 0 } else { d });
        // A ratio shows what it is made of (女性管理職 49 / 管理職 226).
        if let (IndicatorSource::Ratio { .. }, Some((n, dn))) =
            (&ind.source, row.current.and_then(|o| o.parts))
        {
            current += &format!(" {}/{}", count(n), count(dn));
        }
        let comparison = row.comparison.as_ref();
        md_rows.push(vec![
            ind.level.label().into(),
            format!(
                "{}（{}）",
                ind.name,
                if ind.lower_is_better {
                    "低いほど良い"
                } else {
                    "高いほど良い"
                }
            ),
            row.status.label().into(),
            at(row.prior),
            at(row.baseline),
            current,
            match ind.target {
                Some(t) => format!(
                    "{}（{}）",
                    target_text(report.pipeline, row.indicator),
                    short(t.year)
                ),
                // 判定 says 目標なし; a dash keeps the column narrow.
                None => "-".into(),
            },
            format!(
                "{} ／ {}",
                change(row.change_prior, d),
                change(row.change_baseline, d)
            ),
            row.progress
                .map(|p| format!("{}%", number(p * 100.0, 1)))
                .unwrap_or_else(|| "-".into()),
            row.expected.map_or_else(|| "-".into(), precise),
        ]);
        let parts = row.current.and_then(|o| o.parts);
        t.rows.push(vec![
            ind.level.label().into(),
            ind.name.clone(),
            ind.unit.clone(),
            if ind.lower_is_better {
                "低いほど良い"
            } else {
                "高いほど良い"
            }
            .into(),
            year(row.prior),
            value(row.prior.map(|o| o.value)),
            ind.baseline.japanese(),
            value(row.baseline.map(|o| o.value)),
            report.year.japanese(),
            value(row.current.map(|o| o.value)),
            ind.target.map_or_else(|| "-".into(), |t| t.year.japanese()),
            value(ind.target.map(|t| t.value)),
            bound.into(),
            change(row.change_prior, d),
            change(row.change_baseline, d),
            row.progress
                .map(|p| number(p * 100.0, 1))
                .unwrap_or_else(|| "-".into()),
            value(row.expected),
            row.status.label().into(),
            value(row.current.and_then(|o| o.ci).map(|c| c.0)),
            value(row.current.and_then(|o| o.ci).map(|c| c.1)),
            row.current
                .and_then(|o| o.base)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "-".into()),
            parts.map_or_else(|| "-".into(), |p| count(p.0)),
            parts.map_or_else(|| "-".into(), |p| count(p.1)),
            comparison.map_or_else(String::new, |c| c.comparator.clone()),
            comparison.map_or_else(|| "-".into(), |c| c.year.japanese()),
            value(comparison.map(|c| c.value)),
            comparison.map_or_else(String::new, |c| c.source.clone()),
        ]);
    }
    t.compact = Some((md_headers, md_rows));
    // Values are in each indicator's own unit (column 単位): a share's values are percents and
    // its changes points, a count's values and changes are in 人, and so on.
    let unit = t
        .headers
        .iter()
        .position(|h| h == "単位")
        .expect("単位 column");
    let kinds = t
        .headers
        .iter()
        .map(|h| match h.as_str() {
            "進捗率（%）" => Kind::Percent,
            "現在値の n" | "現在値の分子" | "現在値の分母" => Kind::Number,
            "前年度値" | "基準値" | "現在値" | "目標値" | "経路上の値" | "比較値" => {
                Kind::InUnit(unit)
            }
            h if h.starts_with("現在値の") => Kind::InUnit(unit),
            "前年度からの変化" | "基準値からの変化" => Kind::ChangeInUnit(unit),
            _ => Kind::Text,
        })
        .collect();
    t.kinds = Some(kinds);
    t
}

/// The indicators with a comparison value: the city's value and the other organisation's in
/// the same year, and the difference. `None` when no indicator has one. (On its own because
/// a comparison column makes the KGI/KPI table too wide for a portrait page at 9 pt.)
pub fn comparison_table(report: &Report) -> Option<Table> {
    let rows: Vec<_> = report
        .indicators
        .iter()
        .filter_map(|r| r.comparison.as_ref().map(|c| (r, c)))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let city = report.pipeline.organisation.clone();
    let headers = [
        "区分",
        "指標",
        "単位",
        "年度",
        city.as_str(),
        "比較対象",
        "比較値",
        "比較値との差",
        "出典",
    ];
    let mut t = Table::new(
        format!("KGI・KPI と他の自治体等との比較（{}）", report.year),
        headers.map(String::from).to_vec(),
    );
    t.note = format!("比較値は比較値の表（[benchmarks]）から、指標ごとに指定した比較対象（指定がなければ表の最初の比較対象）の、今年度の値（なければそれ以前の最新の値）です。{city}の値は同じ年度のもので、比較値との差は{city}の値から比較値を引いたもの（割合ではポイント差）です。向きが「低いほど良い」の指標では差がマイナスのほうが良い状態です。");
    // On screen and paper the sources go under the table, and values carry their unit, so
    // the table fits a portrait page at 9 pt.
    let mut sources: Vec<&str> = Vec::new();
    let mut md_rows = Vec::new();
    for (row, c) in rows {
        let ind = &report.pipeline.indicators[row.indicator];
        let d = ind.decimals;
        let value = |v: Option<f64>| v.map(|v| number(v, d)).unwrap_or_else(|| "-".into());
        let with_unit = |v: Option<f64>| match v {
            Some(v) => format!("{}{}", number(v, d), ind.unit),
            None => "-".into(),
        };
        if !c.source.is_empty() && !sources.contains(&c.source.as_str()) {
            sources.push(&c.source);
        }
        md_rows.push(vec![
            ind.name.clone(),
            c.year.short(),
            with_unit(c.city),
            c.comparator.clone(),
            with_unit(Some(c.value)),
            // A difference of shares is in points.
            match c.difference {
                Some(_) if ind.unit == "%" => format!("{}pt", change(c.difference, d)),
                Some(_) => format!("{}{}", change(c.difference, d), ind.unit),
                None => "-".into(),
            },
        ]);
        t.rows.push(vec![
            ind.level.label().into(),
            ind.name.clone(),
            ind.unit.clone(),
            c.year.japanese(),
            value(c.city),
            c.comparator.clone(),
            number(c.value, d),
            change(c.difference, d),
            c.source.clone(),
        ]);
    }
    if !sources.is_empty() {
        t.note += &format!("出典: {}。", sources.join("、"));
    }
    let md_headers = ["指標", "年度", city.as_str(), "比較対象", "比較値", "差"];
    t.compact = Some((md_headers.map(String::from).to_vec(), md_rows));
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Text,
        Kind::Text,
        Kind::Text,
        Kind::InUnit(2),
        Kind::Text,
        Kind::InUnit(2),
        Kind::ChangeInUnit(2),
        Kind::Text,
    ]);
    Some(t)
}
