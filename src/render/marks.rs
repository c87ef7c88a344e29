//! The one vocabulary of marks, shared by tables and charts: significance (*), unstable base
//! (※), suppressed (x, as in Japan's official statistics, where 「x」 means 秘匿 — so it cannot
//! be mistaken for the significance star), plus p-values and interval bounds as text and the
//! method notes.

use super::format::number;
use crate::aggregate::lookup::TestCell;
use crate::pipeline::Statistics;

/// Shown instead of every number of a suppressed group or cell.
pub const SUPPRESSED: &str = "x";
/// Drawn in a chart where a suppressed bar or cell would be.
pub const SUPPRESSED_LABEL: &str = "x 秘匿";
/// A chart legend's explanation of [`SUPPRESSED_LABEL`].
pub const SUPPRESSED_NOTE: &str = "x 秘匿: 人数が少ないため非表示";
/// After a value whose difference is significant (Holm-adjusted p below the level).
pub const SIGNIFICANT: &str = "*";
/// After a value whose base is below the unstable threshold.
pub const UNSTABLE: &str = "※";

/// A chart legend's explanation of [`SIGNIFICANT`] and [`UNSTABLE`].
pub const SIGNIFICANT_NOTE: &str = "* 有意差あり（Holm 調整後）";
pub const UNSTABLE_NOTE: &str = "※ 回答数が少なく不安定";

/// The marks after a value printed in a chart: `" *"`, `" ※"`, `" * ※"` or nothing.
pub fn chart_suffix(significant: bool, unstable: bool) -> String {
    let mut s = String::new();
    if significant {
        s.push(' ');
        s.push_str(SIGNIFICANT);
    }
    if unstable {
        s.push(' ');
        s.push_str(UNSTABLE);
    }
    s
}

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
        "{ci}は Wilson のスコア区間です。{sig} は群間の差が有意（Holm 法で調整した p 値が {alpha} 未満）、{uns} は回答数（n）が {u} 未満で値が不安定、{sup} は回答者が {k} 人未満のため、{m} 人未満で全員が同じ回答（0% か 100%）のため、以前の年度との回答者数の差が小さいため、または他の数値から逆算できてしまうため数値を秘匿したことを示します。",
        ci = ci_label(stats),
        sig = SIGNIFICANT,
        alpha = number(stats.significance, 2),
        uns = UNSTABLE,
        u = stats.unstable_below,
        sup = SUPPRESSED,
        k = stats.min_group,
        m = stats.min_uniform_group,
    )
}

/// The method notes that close every report: first what a reader needs to read the numbers
/// (in plain words), then the methods by name for those who check them.
pub fn method_notes(stats: &Statistics, left_out: &[(String, String)]) -> Vec<String> {
    let ci = ci_label(stats);
    let level = number(stats.confidence * 100.0, 0);
    let mut notes = vec![
        format!("【区間（{ci}）とは】アンケートは職員の一部の回答なので、割合には誤差があります。{ci}は「本当の値はおおむねこの範囲にある」という幅で、同じ調査を何度も行えば{level}%の回でこの幅が本当の値を含みます。回答数（n）が少ないほど幅は広くなります。"),
        format!("【{SIGNIFICANT} の意味】グループの差や前年度からの変化に {SIGNIFICANT} があるときは、その差が誤差では説明しにくい（統計的に有意な）ことを示します。{SIGNIFICANT} がない差は、誤差の範囲かもしれないので、大きく見えても断定しないでください。設問が多いほど偶然の差が出やすいため、表ごとにまとめて厳しめに判定しています（Holm 法）。"),
        format!("【{UNSTABLE} の意味】回答数（n）が {} 未満の値には {UNSTABLE} を付けています。値が年ごとに大きく動きやすいので、参考程度に見てください。", stats.unstable_below),
        format!("【{SUPPRESSED} の意味（秘匿）】回答者が {} 人未満のグループやセルは、個人の回答が分からないよう、表・グラフ・出力ファイルのすべてで数値を {SUPPRESSED} に置き換えています（政府統計の「x＝秘匿」と同じ記号です）。また、{} 人未満のグループで割合が 0% か 100% になるとき（全員が同じ回答をしたとき）も、その割合から一人ひとりの回答が分かってしまうので {SUPPRESSED} にしています（「90%以上」のような幅で示しても、6人のグループでは 83.3% を超える値は 100% しかないため役に立ちません）。一つだけ隠すと合計から逆算できてしまう場合は、次に小さいグループも隠しています。隠したグループを合わせた人数が少なく、合わせても全員が同じ回答になる場合も、もう一つ隠しています。{} 人未満のグループで、以前の年度と比べて回答者数が 1～{} 人だけ変わったときは、二つの年度の差から加わった人・抜けた人の回答が分かるので、新しい年度の値を {SUPPRESSED} にしています。年代別と所属別のように同じ職員を別の区分で数えた表を組み合わせると隠した値が計算できてしまう場合は、そうならないよう別の区分の表のグループも隠しています。", stats.min_group, stats.min_uniform_group, stats.change_watch_below, stats.min_change_members.saturating_sub(1)),
        "【判定】KGI・KPI の「順調」「遅れ」は、基準値から目標値まで毎年同じだけ進むとした経路上の今年度の値と比べた判定です。「低いほど良い」指標は向きを逆にして判定します。基準年に既に目標を満たしている指標は、目標値を保てているかで判定します。".into(),
        "割合は、その設問に回答した人を分母とします（無回答は含みません）。条件付きの設問（例: 満足していない理由）は、尋ねた人のうち回答した人が分母です。分母（n）は常に割合の隣に示します。".into(),
        "割合は小数第2位を四捨五入して小数第1位まで示します。計算はすべて四捨五入前の値で行っています。".into(),
        "肯定的回答は、尺度の上位の選択肢（4段階では「そう思う」「どちらかと言えばそう思う」）です。「否定的設問」（例: 仕事を辞めたい）は割合が高いほど望ましくありません。".into(),
        format!("（方法の名称）{ci}は Wilson のスコア区間、年度間の差の区間は Newcombe のハイブリッドスコア区間、平均値の区間は t 分布による区間です。群間の差は、2群では比率の差のz検定、3群以上ではχ²独立性検定と各グループ対それ以外のz検定で調べ、p値は表ごとに Holm 法で調整しています。調整後の p 値が {} 未満のとき {SIGNIFICANT} を付けます。", number(stats.significance, 2)),
        format!("（概要の選び方）概要の「主な結果」は次の決まった規則で選んでいます: ① 遅れている KGI は1件ずつ、遅れている KPI はまとめて1件、② 職員の状況（女性の割合、若手職員の退職者、他の自治体より望ましくない指標）と、要因分析の重点改善の項目（目的の設問ごとに重要度の高い順に3件まで、まとめて1件）、③ 全体で前年度から有意に変化した設問（差の大きい順に3件まで。なければその旨）、④ やりがい有・無など2つに分けた比較で有意な差のある設問（差の大きい順に3件まで）、⑤ 年代別・属性別で全体より有意に望ましくない値（差の大きい順に3件まで）。全部で{}件までです。", crate::findings::MAX_FINDINGS),
    ];
    if !left_out.is_empty() {
        notes.insert(4, format!("【公表用】この報告は公表用（回答者が {} 人以上のグループだけを表示）です。{}は、表示できるグループが {} つ未満のため載せていません。", stats.min_group, left_out.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>().join("・"), crate::aggregate::public::PUBLIC_MIN_SHOWN_GROUPS));
    }
    notes
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
