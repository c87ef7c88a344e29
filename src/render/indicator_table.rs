//! The KGI/KPI table: previous year, baseline, current, target, changes, progress, status.

use super::format::{change, number};
use super::marks::ci_label;
use super::table::{Kind, Table};
use super::Report;
use crate::pipeline::Bound;

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
    ]);
    let mut t = Table::new(format!("KGI・KPI の状況（{}）", report.year), headers);
    t.note = "変化は割合（%）の指標ではポイント差です。進捗率は基準値から目標値までの距離のうち進んだ割合、経路上の値は基準値から目標値へ毎年同じだけ進んだ場合の今年度の値で、これより良ければ「順調」、悪ければ「遅れ」です。向きが「低いほど良い」の指標は値が下がるほど良いと判定します。目標が「8人以下」のように上限・下限で示されている指標は、目標値の条件の列に「以下」「以上」を示します。基準値の時点で既に目標を満たしている指標は、進捗率を「-」とし、目標値を保てているかで判定します。アンケートから求める割合の分母は、その設問に回答した人数（base = \"all\" の設問では回答者全体、選択式の設問ではその設問を尋ねて回答した人数）です。アンケートから求める割合には現在値の Wilson スコア区間と回答数（n）を、標準偏差と回答数のある平均値（研修の満足度など）には t 分布による区間を示します。".into();
    let short = |y: crate::fiscal_year::FiscalYear| y.short();
    let md_headers = [
        "区分",
        "指標",
        "判定",
        "前年度",
        "基準値",
        "現在値",
        "目標",
        "前年度から",
        "基準値から",
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
        let bound = match ind.bound {
            Some(Bound::AtMost) => "以下",
            Some(Bound::AtLeast) => "以上",
            None => "",
        };
        let with_unit = |v: Option<f64>| match v {
            Some(v) => format!("{}{}", number(v, d), ind.unit),
            None => "-".into(),
        };
        let at = |o: Option<crate::indicators::Observation>| match o {
            Some(o) => format!("{}（{}）", with_unit(Some(o.value)), short(o.year)),
            None => "-".into(),
        };
        let current = match (row.current, row.current.and_then(|o| o.ci)) {
            (Some(o), Some((lo, hi))) => {
                format!("{} [{}–{}]", at(Some(o)), number(lo, d), number(hi, d))
            }
            (o, _) => at(o),
        };
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
            format!(
                "{}{}{}（{}）",
                number(ind.target, d),
                ind.unit,
                match ind.bound {
                    Some(Bound::AtMost) => "以下",
                    Some(Bound::AtLeast) => "以上",
                    None => "",
                },
                short(ind.target_year)
            ),
            change(row.change_prior, d),
            change(row.change_baseline, d),
            row.progress
                .map(|p| format!("{}%", number(p * 100.0, 1)))
                .unwrap_or_else(|| "-".into()),
            with_unit(row.expected),
        ]);
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
            ind.target_year.japanese(),
            number(ind.target, d),
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
            "現在値の n" => Kind::Number,
            "前年度値" | "基準値" | "現在値" | "目標値" | "経路上の値" => {
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
