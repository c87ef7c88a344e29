//! Sheet names. A tab holds at most 31 characters, and the full titles are longer
//! (`やりがいを感じ、持続・増進させるために必要なもの：回答数の多いもの`), so every sheet gets a
//! short name chosen from what its table is (the stem the table files are named after) rather
//! than a title cut at 31 characters; the contents sheet maps each short name to its full title.

use crate::render::Report;
use std::collections::BTreeSet;

/// Excel's limit on a sheet name, in characters.
const MAX: usize = 31;

/// Names already given in a workbook; gives each sheet a valid, unique name.
#[derive(Default)]
pub struct Names {
    used: BTreeSet<String>,
}

impl Names {
    /// `wanted` made valid and unique: characters Excel refuses in a sheet name become their
    /// full-width forms (never dropped or cut); a name too long or taken becomes `fallback`,
    /// else a numbered name (`表12`); when all are taken, `（2）`, `（3）`… is added.
    pub fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let clean = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '[' => '［',
                    ']' => '］',
                    ':' => '：',
                    '*' => '＊',
                    '?' => '？',
                    '/' => '／',
                    '\\' => '＼',
                    '\'' => '’',
                    c => c,
                })
                .collect::<String>()
                .trim()
                .to_string()
        };
        let numbered = format!("表{}", self.used.len() + 1);
        let candidates = [clean(wanted), clean(fallback), numbered];
        let free = |name: &str| {
            // Excel compares sheet names without regard to case, and reserves History.
            !name.is_empty()
                && name.chars().count() <= MAX
                && !self.used.contains(&name.to_lowercase())
                && !name.eq_ignore_ascii_case("history")
        };
        let name = (1..)
            .flat_map(|k| {
                candidates.iter().map(move |c| match k {
                    1 => c.clone(),
                    k => format!("{c}（{k}）"),
                })
            })
            .find(|name| free(name))
            .expect("a numbered name is always free");
        self.used.insert(name.to_lowercase());
        name
    }
}

/// The short name wanted for the sheet of the table with this file stem, and a shorter
/// fallback for when it is too long (a long question or segment label).
pub fn for_table(report: &Report, stem: &str) -> (String, String) {
    let p = report.pipeline;
    let segment = |id: &str| p.segments.iter().find(|s| s.id == id);
    let question = |id: &str| p.questions.iter().find(|q| q.id == id);
    let fixed = |s: &str| (s.to_string(), s.to_string());
    match stem {
        "indicators" => return fixed("KGI・KPI"),
        "indicator_comparisons" => return fixed("KGI・KPI の他市比較"),
        "trend" => return fixed("経年変化"),
        "levels" => return fixed("選択肢別の回答数"),
        "free_text" => return fixed("自由記述の回答数"),
        "aggregate_items" => return fixed("設問別の集計"),
        "aggregate_options" => return fixed("選択式設問の集計"),
        "response_rates" => return fixed("回答率"),
        "row_counts" => return fixed("読み込んだ行の内訳"),
        "data_quality_summary" => return fixed("選択肢にない回答の要約"),
        "data_quality" => return fixed("データの問題"),
        "staff_headcount" => return fixed("職員数の推移"),
        "staff_age" => return fixed("年齢別職員構成"),
        "staff_women_by_post" => return fixed("職位別の女性の割合"),
        "staff_women_trend" => return fixed("女性の割合の推移"),
        "staff_resignations" => return fixed("若手職員の退職者数"),
        "staff_childcare" => return fixed("男性の育児休業"),
        "staff_departments" => return fixed("所属別の職員数と女性の割合"),
        "staff_comparisons" => return fixed("他の自治体との比較"),
        "staff_exclusions" => return fixed("集計から除いた職員"),
        _ => {}
    }
    let per_segment = [
        ("groups_", "の区分"),
        ("items_by_", "の分析"),
        ("change_by_", "の変化"),
    ];
    for (prefix, suffix) in per_segment {
        if let Some(s) = stem.strip_prefix(prefix).and_then(segment) {
            return (format!("{}{suffix}", s.label), format!("{}{suffix}", s.id));
        }
    }
    if let Some(rest) = stem.strip_prefix("drivers_") {
        let (id, segment_id) = match rest.split_once("_by_") {
            Some((id, s)) => (id, Some(s)),
            None => (rest, None),
        };
        if let Some(q) = question(id) {
            let by = segment_id.and_then(segment).map(|s| s.label.clone());
            let tail = by.map_or(String::new(), |b| format!("（{b}）"));
            return (
                format!("{}の要因{tail}", q.label),
                format!("{}の要因{tail}", q.id),
            );
        }
    }
    let per_question = [("top_", "（上位）"), ("options_", "（全選択肢）")];
    for (prefix, suffix) in per_question {
        if let Some(q) = stem.strip_prefix(prefix).and_then(question) {
            return (format!("{}{suffix}", q.label), format!("{}{suffix}", q.id));
        }
    }
    if let Some(scale) = stem.strip_prefix("levels_") {
        return (
            format!("選択肢別の回答数（{scale}）"),
            format!("回答数（{scale}）"),
        );
    }
    fixed(stem)
}

/// The name of the sheet that holds the chart of a table's sheet.
pub fn for_chart(table_sheet: &str) -> (String, String) {
    (format!("{table_sheet}（図）"), format!("図 {table_sheet}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_unique_and_never_cut() {
        let mut n = Names::default();
        assert_eq!(n.claim("年代別の分析", "age"), "年代別の分析");
        assert_eq!(n.claim("年代別の分析", "age"), "age");
        assert_eq!(n.claim("年代別の分析", "age"), "表3");
        assert_eq!(n.claim("表5", "表5"), "表5");
        // Taken, and its number (the fifth name) is 表5 too.
        assert_eq!(n.claim("表5", "表5"), "表5（2）");
        assert_eq!(n.claim("a/b:c?", "x"), "a／b：c？");
        // Too long for a tab: the fallback, whole, not the first 31 characters.
        let long = "やりがいを感じ、持続・増進させるために必要なもの：回答数の多いもの";
        assert!(long.chars().count() > MAX);
        assert_eq!(n.claim(long, "m02（上位）"), "m02（上位）");
        // Both too long: a numbered name.
        assert_eq!(n.claim(long, long), "表8");
        assert_eq!(n.claim("History", "h"), "h", "History is reserved");
    }
}
