//! Marks and method notes shared by the tables: significance (*), unstable base (※),
//! suppressed group (＊), p-values and interval bounds as text.

use super::format::number;
use super::lookup::TestCell;
use crate::pipeline::Statistics;

/// Shown instead of every number of a suppressed group or cell.
pub const SUPPRESSED: &str = "＊";
/// After a value whose difference is significant (Holm-adjusted p below the level).
pub const SIGNIFICANT: &str = "*";
/// After a value whose base is below the unstable threshold.
pub const UNSTABLE: &str = "※";

/// Whether an adjusted p-value is significant at the configured level.
pub fn significant(p: Option<f64>, stats: &Statistics) -> bool {
    p.is_some_and(|p| p < stats.significance)
}

/// The marks of a cell: `*`, `※`, both or none.
pub fn marks(significant: bool, unstable: bool) -> String {
    let mut s = String::new();
    if significant {
        s.push_str(SIGNIFICANT);
    }
    if unstable {
        s.push_str(UNSTABLE);
    }
    s
}

/// A p-value for readers: `<0.001` or three decimals; `-` when there is no test.
pub fn p_value(p: Option<f64>) -> String {
    match p {
        None => "-".into(),
        Some(p) if p < 0.001 => "<0.001".into(),
        Some(p) => number(p, 3),
    }
}

/// An interval bound in percent with one decimal, `-` when there is none.
pub fn bound(v: Option<f64>) -> String {
    v.map(|v| number(v, 1)).unwrap_or_else(|| "-".into())
}

/// `58.1–66.0`, for compact Markdown cells.
pub fn interval(ci: Option<(f64, f64)>) -> String {
    match ci {
        Some((lo, hi)) => format!("{}–{}", number(lo, 1), number(hi, 1)),
        None => "-".into(),
    }
}

/// The name of a between-group test, in Japanese.
pub fn test_name(t: &TestCell) -> String {
    match t.test.as_str() {
        "z" => "2群の比率の差のz検定".into(),
        _ => format!("χ²独立性検定（自由度{}）", t.df),
    }
}

/// The confidence level as a label: `95%CI`.
pub fn ci_label(stats: &Statistics) -> String {
    format!("{}%CI", number(stats.confidence * 100.0, 0))
}

/// The method note shared by the share tables.
pub fn method_note(stats: &Statistics) -> String {
    format!(
        "{ci}は Wilson のスコア区間です。{sig} は群間の差が有意（Holm 法で調整した p 値が {alpha} 未満）、{uns} は回答数（n）が {u} 未満で値が不安定、{sup} は回答者が {k} 人未満のため（または他の数値から逆算できてしまうため）数値を秘匿したことを示します。",
        ci = ci_label(stats),
        sig = SIGNIFICANT,
        alpha = number(stats.significance, 2),
        uns = UNSTABLE,
        u = stats.unstable_below,
        sup = SUPPRESSED,
        k = stats.min_group,
    )
}

/// The method notes that close every report.
pub fn method_notes(stats: &Statistics) -> Vec<String> {
    vec![
        "割合は、その設問に回答した人を分母とします（無回答は含みません）。条件付きの設問（例: 満足していない理由）は、尋ねた人のうち回答した人が分母です。分母（n）は常に割合の隣に示します。".into(),
        "割合は小数第2位を四捨五入して小数第1位まで示します。計算はすべて四捨五入前の値で行っています。".into(),
        "肯定的回答は、尺度の上位の選択肢（4段階では「そう思う」「どちらかと言えばそう思う」）です。「否定的設問」（例: 仕事を辞めたい）は割合が高いほど望ましくありません。".into(),
        format!("{}は Wilson のスコア区間、年度間の差の区間は Newcombe のハイブリッドスコア区間、平均値の区間は t 分布による区間です。", ci_label(stats)),
        format!("群間の差は、2群では比率の差のz検定、3群以上ではχ²独立性検定と各グループ対それ以外のz検定で調べ、p値は表ごとに Holm 法で調整しています。調整後の p 値が {} 未満のとき {} を付けます。", number(stats.significance, 2), SIGNIFICANT),
        format!("回答数（n）が {} 未満の値は不安定なため {} を付けます。", stats.unstable_below, UNSTABLE),
        format!("回答者が {} 人未満のグループやセルは、個人が特定されないよう、表・グラフ・出力ファイルのすべてで数値を {} に置き換えています。一つだけ秘匿すると合計から逆算できてしまう場合は、次に小さいグループも秘匿しています。", stats.min_group, SUPPRESSED),
        "KGI・KPI の進捗率は基準値から目標値までの距離のうち進んだ割合、「順調」「遅れ」は基準値から目標値への直線上の今年度の値と比べた判定です。「低いほど良い」指標は向きを逆にして判定します。".into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_and_marks_read_as_expected() {
        assert_eq!(p_value(Some(0.0004)), "<0.001");
        assert_eq!(p_value(Some(0.0125)), "0.013");
        assert_eq!(p_value(None), "-");
        assert_eq!(marks(true, true), "*※");
        assert_eq!(marks(false, false), "");
        let s = Statistics::default();
        assert!(significant(Some(0.049), &s));
        assert!(!significant(Some(0.05), &s));
        assert_eq!(ci_label(&s), "95%CI");
    }
}
