//! The tables of a key-driver analysis, formatted from the drivers stage's results
//! ([`crate::drivers::DriverResult`]): the ranking of the predictors for the whole city (weight,
//! its bootstrap interval, share of R², favourable share, quadrant) with a note that states the
//! respondents used and left out, the model and what the importance means; and the shares of
//! R² per group of a segment. Every number is the drivers stage's; this file only formats.

use super::format::{number, share};
use super::marks::SUPPRESSED;
use super::table::{Kind, Table};
use super::Report;
use crate::drivers::importance::{Method, MAX_EXACT};
use crate::drivers::{DriverResult, Fit};
use crate::pipeline::Segment;

/// The outcome's label.
pub fn outcome_label<'a>(report: &'a Report, d: &DriverResult) -> &'a str {
    &d.outcome(report.pipeline).label
}

/// The predictors in ranking order (most important first; questionnaire order without
/// weights or on ties).
pub fn ranking_order(d: &DriverResult) -> Vec<usize> {
    let mut order: Vec<usize> = (0..d.predictors.len()).collect();
    if let Some(i) = &d.city.importance {
        order.sort_by(|&a, &b| i.weights[b].total_cmp(&i.weights[a]));
    }
    order
}

/// The waves pooled, as the notes name them.
fn waves_text(d: &DriverResult) -> String {
    d.waves
        .iter()
        .map(|w| w.japanese())
        .collect::<Vec<_>>()
        .join("・")
}

/// What the weights are, in plain Japanese.
fn method_text(d: &DriverResult, method: Method) -> String {
    let p = d.predictors.len();
    match method {
        Method::Dominance => format!(
            "一般化優越分析（dominance analysis）の一般優越重み。説明の項目 {p} 問のあらゆる組み合わせ（2^{p} = {} 通り）の回帰について、その項目を加えたときに R² が増える分を平均したもので、互いに相関する項目の重なりを二重に数えません",
            1u64 << p
        ),
        Method::RelativeWeights => format!(
            "Johnson の相対重み（説明の項目が {MAX_EXACT} 問を超えるため、すべての組み合わせを計算する一般化優越分析の代わりに使う近似。値はほぼ一致します）"
        ),
    }
}

/// The respondents a fit used and left out.
fn used_text(report: &Report, d: &DriverResult, fit: &Fit) -> String {
    format!(
        "{}の回答者のうち、「{}」と説明の項目 {} 問のすべてに答えた {} 人（答えていない設問があり除いた人 {} 人）",
        waves_text(d),
        outcome_label(report, d),
        d.predictors.len(),
        number(fit.n_used as f64, 0),
        number(fit.n_left_out as f64, 0)
    )
}

/// The ranking of the predictors for the whole city.
pub fn ranking(report: &Report, d: &DriverResult) -> Table {
    let label = outcome_label(report, d);
    let mut t = Table::new(
        format!("「{label}」に関係する項目の重要度（{}）", waves_text(d)),
        [
            "順位",
            "項目",
            "重要度（R²の増分）",
            "95%区間の下限",
            "95%区間の上限",
            "R²に占める割合（%）",
            "肯定的な回答の割合（%）",
            "区分",
        ]
        .map(String::from)
        .to_vec(),
    );
    t.kinds = Some(vec![
        Kind::Number,
        Kind::Text,
        Kind::Number,
        Kind::Number,
        Kind::Number,
        Kind::Percent,
        Kind::Percent,
        Kind::Text,
    ]);
    let Some(imp) = &d.city.importance else {
        t.note = format!(
            "{}。{} 人に満たないか、「{label}」の回答がすべて同じため、重要度は計算していません。",
            used_text(report, d, &d.city),
            d.spec.min_n
        );
        return t;
    };
    let shares = d.city.shares().unwrap_or_default();
    let ranks = d.city.ranks().unwrap_or_default();
    let weight = |v: f64| number(v, 3);
    t.rows = ranking_order(d)
        .into_iter()
        .map(|j| {
            let p = &d.predictors[j];
            let (lo, hi) = d
                .city
                .intervals
                .get(j)
                .map_or(("-".into(), "-".into()), |(lo, hi)| {
                    (weight(*lo), weight(*hi))
                });
            vec![
                ranks[j].to_string(),
                report.pipeline.questions[p.question].label.clone(),
                weight(imp.weights[j]),
                lo,
                hi,
                share(Some(shares[j])),
                share(p.favourable),
                d.quadrants[j].map_or("-".into(), |q| q.label().to_string()),
            ]
        })
        .collect();
    let interval = if d.spec.bootstrap > 0 {
        format!("95%区間: 分析した回答者から同じ人数を復元抽出で選び直して重要度を計算することを {} 回繰り返した、その分布のパーセンタイル区間（乱数の種は固定で、再実行しても同じ値になります）。", d.spec.bootstrap)
    } else {
        String::new()
    };
    let quadrants = d.lines.map_or(String::new(), |l| {
        format!(
            "区分: 重点改善マトリクスの象限。重要度（R²に占める割合）が項目の平均 {}% 以上か未満か、肯定的な回答の割合が項目の平均 {}% 以上か未満かで分けます（重点改善: 重要度が高く肯定的な回答が少ない、重点維持: 重要度が高く肯定的な回答も多い、改善: 重要度が低く肯定的な回答が少ない、維持: 重要度が低く肯定的な回答が多い）。否定的な設問の肯定的な回答の割合は、「そう思わない」側の割合です。",
            share(Some(l.importance)),
            share(Some(l.favourable))
        )
    });
    t.note = format!(
        "対象: {}。モデル: {}（否定的な設問は段階を逆にして、好ましい回答ほど高い値）。R² = {}（説明の項目全体で「{label}」の回答の違いの {}% を説明）。重要度: {}。重要度の合計は R² に等しく、「R²に占める割合」はそれを 100% とした各項目の割合です。{interval}{quadrants}重要度は回答どうしの関連の強さで、その項目が良くなれば「{label}」が上がるという因果関係を示すものではありません。",
        used_text(report, d, &d.city),
        d.spec.model.label(),
        number(imp.r2, 3),
        share(Some(imp.r2 * 100.0)),
        method_text(d, imp.method),
    );
    t
}

/// The shares of R² per group of `segment`, rows in the city's ranking order.
pub fn by_segment(report: &Report, d: &DriverResult, segment: &Segment) -> Table {
    let label = outcome_label(report, d);
    let groups: Vec<_> = d
        .groups
        .iter()
        .filter(|g| g.segment == segment.id)
        .collect();
    // Shares in every column (the header says so); the numbers of respondents go to the note.
    let mut headers = vec!["項目".to_string(), "全体（%）".to_string()];
    for g in &groups {
        let small = !g.hidden && g.fit.importance.is_none();
        headers.push(format!("{}{}（%）", g.group, if small { "※" } else { "" }));
    }
    let mut t = Table::new(
        format!(
            "「{label}」に関係する項目の重要度（{}、R²に占める割合）",
            segment.label
        ),
        headers,
    );
    t.kinds = Some(
        std::iter::once(Kind::Text)
            .chain(std::iter::repeat_n(Kind::Percent, groups.len() + 1))
            .collect(),
    );
    let city = d.city.shares();
    let shares: Vec<Option<Vec<f64>>> = groups.iter().map(|g| g.fit.shares()).collect();
    t.rows = ranking_order(d)
        .into_iter()
        .map(|j| {
            let mut row = vec![
                report.pipeline.questions[d.predictors[j].question]
                    .label
                    .clone(),
                share(city.as_ref().map(|c| c[j])),
            ];
            for (g, s) in groups.iter().zip(&shares) {
                row.push(if g.hidden {
                    SUPPRESSED.to_string()
                } else {
                    share(s.as_ref().or(city.as_ref()).map(|s| s[j]))
                });
            }
            row
        })
        .collect();
    let small: Vec<String> = groups
        .iter()
        .filter(|g| !g.hidden && g.fit.importance.is_none())
        .map(|g| format!("{}（{} 人）", g.group, number(g.fit.n_used as f64, 0)))
        .collect();
    let small = if small.is_empty() {
        String::new()
    } else {
        format!(
            "※ すべてに答えた人が {} 人に満たないグループは、重要度が標本によって大きく揺れるため分析せず、全体の値を示しています: {}。",
            d.spec.min_n,
            small.join("、")
        )
    };
    let analysed: Vec<String> =
        std::iter::once(format!("全体 {} 人", number(d.city.n_used as f64, 0)))
            .chain(
                groups
                    .iter()
                    .filter(|g| !g.hidden && g.fit.importance.is_some())
                    .map(|g| format!("{} {} 人", g.group, number(g.fit.n_used as f64, 0))),
            )
            .collect();
    t.note = format!(
        "各グループで「{label}」と説明の項目すべてに答えた人だけで分析した重要度を、そのグループの R² に占める割合（%）で示します（分析した人数: {}）。行は全体の重要度の順です。{small}x は秘匿（人数が少ないグループ）。",
        analysed.join("、")
    );
    t
}
