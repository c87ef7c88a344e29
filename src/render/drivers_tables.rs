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
use crate::drivers::{DriverResult, Fit, GroupFit};
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
            "一般化優越分析（dominance analysis）の一般優越重み。説明に使った {p} 問のあらゆる組み合わせ（2^{p} = {} 通り）の回帰について、その設問を加えたときに R² が増える分を平均したもので、互いに相関する設問の重なりを二重に数えません",
            1u64 << p
        ),
        Method::RelativeWeights => format!(
            "Johnson の相対重み（説明に使った設問が {MAX_EXACT} 問を超えるため、すべての組み合わせを計算する一般化優越分析の代わりに使う近似。値はほぼ一致します）"
        ),
    }
}

/// The respondents a fit used and left out.
fn used_text(report: &Report, d: &DriverResult, fit: &Fit) -> String {
    format!(
        "{}の回答者のうち、「{}」と説明に使った {} 問のすべてに答えた {} 人（答えていない設問があり除いた人 {} 人）",
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
            "重要度（R²への寄与）",
            "95%区間の下限",
            "95%区間の上限",
            "R²に占める割合（%）",
            "好ましい回答の割合（%）",
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
    let negative = d
        .predictors
        .iter()
        .any(|p| report.pipeline.questions[p.question].negative);
    let quadrants = d.lines.map_or(String::new(), |l| {
        format!(
            "区分: 重点改善マトリクスの象限。重要度（R²に占める割合）が設問の平均 {}% 以上か未満か、好ましい回答の割合が設問の平均 {}% 以上か未満かで分けます（重点改善: 重要度が高く好ましい回答が少ない、優先して取り組む設問。重点維持: 重要度が高く好ましい回答も多い、強みとして保つ設問。改善: 重要度が低く好ましい回答が少ない、優先度は低い設問。維持: 重要度が低く好ましい回答が多い設問）。平均の線に近い設問は、区間が線をまたぎ、どちらの区分にもなりえます。{}",
            share(Some(l.importance)),
            share(Some(l.favourable)),
            if negative {
                "好ましい回答の割合は肯定的な回答（「そう思う」側）の割合で、否定的な設問では「そう思わない」側の割合です。"
            } else {
                "好ましい回答の割合は肯定的な回答（「そう思う」側）の割合です。"
            }
        )
    });
    let total = d.city.n_used + d.city.n_left_out;
    let left_out = if total > 0 && d.city.n_left_out * 10 >= total {
        format!(
            "除いた人は回答者の {}% で、その人たちの傾向が異なると結果が偏ることがあります。",
            share(Some(100.0 * d.city.n_left_out as f64 / total as f64))
        )
    } else {
        String::new()
    };
    t.note = format!(
        "対象: {}。{left_out}モデル: {}（否定的な設問は段階を逆にして、好ましい回答ほど高い値）。R² = {}（説明に使った設問全体で「{label}」の回答の違いの {}% を説明）。重要度: {}。重要度の合計は R² に等しく、「R²に占める割合」はそれを 100% とした各設問の割合です。{interval}{quadrants}重要度は回答どうしの関連の強さで、その設問が良くなれば「{label}」が上がるという因果関係を示すものではありません。",
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
    // A group with too few complete respondents shows the whole's values, and says so.
    let mut headers = vec!["項目".to_string(), "全体（%）".to_string()];
    for g in &groups {
        let small = !g.hidden && g.fit.importance.is_none();
        headers.push(format!(
            "{}{}（%）",
            g.group,
            if small { "［全体の値］" } else { "" }
        ));
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
    let cell = |g: &GroupFit, own: Option<f64>, whole: Option<f64>| {
        if g.hidden {
            SUPPRESSED.to_string()
        } else {
            share(own.or(whole))
        }
    };
    // The first row: how much of the outcome each group's items explain together.
    let r2 = |f: &Fit| f.importance.as_ref().map(|i| i.r2 * 100.0);
    let mut first = vec!["（説明力 R²）".to_string(), share(r2(&d.city))];
    first.extend(groups.iter().map(|g| cell(g, r2(&g.fit), r2(&d.city))));
    t.rows = std::iter::once(first)
        .chain(ranking_order(d).into_iter().map(|j| {
            let mut row = vec![
                report.pipeline.questions[d.predictors[j].question]
                    .label
                    .clone(),
                share(city.as_ref().map(|c| c[j])),
            ];
            for (g, s) in groups.iter().zip(&shares) {
                row.push(cell(
                    g,
                    s.as_ref().map(|s| s[j]),
                    city.as_ref().map(|c| c[j]),
                ));
            }
            row
        }))
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
            "「［全体の値］」のグループは、すべてに答えた人が {} 人に満たず重要度が標本によって大きく揺れるため分析せず、全体の値を示しています: {}。",
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
    let hidden = if groups.iter().any(|g| g.hidden) {
        "x は秘匿（人数が少ないグループ）。"
    } else {
        ""
    };
    t.note = format!(
        "各グループで「{label}」と説明に使った設問すべてに答えた人だけで分析した重要度を、そのグループの R²（1行目）に占める割合（%）で示します（分析した人数: {}）。行は全体の重要度の順です。100 人ほどのグループの値は標本による揺れが大きく、グループ間の差は検定していません。{small}{hidden}",
        analysed.join("、")
    );
    t
}
