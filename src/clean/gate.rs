//! The data-quality gate: a value that matched nothing and makes up more than
//! `[quality] max_unmatched_share` of a column's answers stops `run`, because treating it as
//! no answer would shift that column's figures (one spelling variant can move a KGI).
//!
//! Also words the unmatched values for the terminal: grouped by value across columns and
//! waves, each with its count, share and first cells, and the pipeline-file lines that fix
//! the ones with a close label.

use super::tally::{Suggestion, Target, UnmatchedValue};
use std::collections::BTreeMap;

/// The values over the threshold.
#[derive(Debug)]
pub struct Gate<'a> {
    pub max_share: f64,
    pub over: Vec<&'a UnmatchedValue>,
}

impl Gate<'_> {
    pub fn passed(&self) -> bool {
        self.over.is_empty()
    }

    /// The refusal message: what was found, how to fix it, how to let it through.
    pub fn refusal(&self) -> String {
        let mut out = format!(
            "選択肢にない回答が多い列があるため、集計を中止しました（何も書き出していません）。\nこのまま無回答として扱うと、その列の割合が大きく変わります（上限: 列の回答の {}、[quality] max_unmatched_share）。\n",
            percent(self.max_share)
        );
        out.push_str(&describe(&self.over, usize::MAX));
        let fixes = fixes(&self.over);
        if !fixes.is_empty() {
            out.push('\n');
            out.push_str(&fixes);
        }
        out.push_str("\n表記ゆれでなく本当に選択肢にない回答なら、元のファイルを直すか、--accept-data-problems を付けて実行してください（報告書の最初にその旨が載ります）。");
        out
    }
}

/// Which values exceed `max_share` of their column's answers.
pub fn gate(unmatched: &[UnmatchedValue], max_share: f64) -> Gate<'_> {
    Gate {
        max_share,
        over: unmatched.iter().filter(|u| u.share() > max_share).collect(),
    }
}

/// `0.02` → `2.0%`.
fn percent(fraction: f64) -> String {
    format!("{:.1}%", fraction * 100.0)
}

/// One value across the columns and waves it appears in: the unit the terminal and the
/// report's notice speak of.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedGroup {
    pub value: String,
    /// Cells holding it, over all its columns and waves.
    pub count: usize,
    /// Column headers, in first-met order.
    pub columns: Vec<String>,
    /// `令和5年度 fy2023_R5.csv`, in first-met order.
    pub files: Vec<String>,
    /// The column where it is most frequent: its file, share (%) and first cells.
    pub worst_file: String,
    pub worst_percent: f64,
    pub worst_cells: Vec<String>,
    pub suggestion: Option<Suggestion>,
}

/// Groups the values by text (and what they were matched against), most frequent first.
pub fn group(values: &[&UnmatchedValue]) -> Vec<UnmatchedGroup> {
    let mut groups: Vec<(Target, Vec<&UnmatchedValue>)> = Vec::new();
    for v in values {
        match groups
            .iter_mut()
            .find(|(t, rows)| rows[0].value == v.value && *t == v.target)
        {
            Some((_, rows)) => rows.push(v),
            None => groups.push((v.target, vec![v])),
        }
    }
    let mut out: Vec<UnmatchedGroup> = groups
        .into_iter()
        .map(|(_, rows)| {
            let worst = rows
                .iter()
                .max_by(|a, b| a.share().total_cmp(&b.share()))
                .expect("a group has a row");
            let mut columns: Vec<String> = Vec::new();
            let mut files: Vec<String> = Vec::new();
            for r in &rows {
                if !columns.contains(&r.column) {
                    columns.push(r.column.clone());
                }
                let f = format!("{} {}", r.year.japanese(), r.file);
                if !files.contains(&f) {
                    files.push(f);
                }
            }
            UnmatchedGroup {
                value: worst.value.clone(),
                count: rows.iter().map(|r| r.count).sum(),
                columns,
                files,
                worst_file: worst.file.clone(),
                worst_percent: worst.percent(),
                worst_cells: worst.cells.clone(),
                suggestion: worst.suggestion.clone(),
            }
        })
        .collect();
    out.sort_by_key(|g| std::cmp::Reverse(g.count));
    out
}

impl UnmatchedGroup {
    /// `「A」、「B」、「C」 ほか 13 列`
    pub fn columns_text(&self) -> String {
        let quoted: Vec<String> = self.columns.iter().map(|c| format!("「{c}」")).collect();
        if quoted.len() > 3 {
            format!("{} ほか {} 列", quoted[..3].join("、"), quoted.len() - 3)
        } else {
            quoted.join("、")
        }
    }
}

/// A list of the values, most frequent first, at most `limit` of them; one value in many
/// columns is one entry.
pub fn describe(values: &[&UnmatchedValue], limit: usize) -> String {
    let groups = group(values);
    let mut out = String::new();
    for g in groups.iter().take(limit) {
        out.push_str(&format!(
            "  - 「{}」 {} 件: {} の列{}（多い列で回答の {:.1}%、最初のセル {}{}）\n",
            g.value,
            g.count,
            g.files.join("・"),
            g.columns_text(),
            g.worst_percent,
            if g.files.len() > 1 {
                format!("{} の ", g.worst_file)
            } else {
                String::new()
            },
            g.worst_cells.join("、"),
        ));
        if let Some(s) = &g.suggestion {
            out.push_str(&format!(
                "      → 「{}」と{}です\n",
                s.label,
                s.closeness.japanese()
            ));
        }
    }
    if groups.len() > limit {
        out.push_str(&format!(
            "  ほか {} 種類（data_quality_summary.csv にすべて載っています）\n",
            groups.len() - limit
        ));
    }
    out
}

/// The pipeline-file lines that accept the values with a close label, grouped by table.
pub fn fixes(values: &[&UnmatchedValue]) -> String {
    let mut by_section: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for v in values {
        let Some(s) = &v.suggestion else { continue };
        let (Some(section), Some(key), Some(entry)) = (&s.section, &s.key, &s.entry) else {
            continue;
        };
        let entries = by_section.entry((section, key)).or_default();
        if !entries.contains(&entry.as_str()) {
            entries.push(entry);
        }
    }
    if by_section.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "直し方: 表記ゆれなら、パイプラインファイルの次の表に次の行を加えてください（同じ表にすでにその項目があれば、{ } の中に加えます）:\n",
    );
    for ((section, key), entries) in by_section {
        out.push_str(&format!(
            "  {section}\n  {key} = {{ {} }}\n",
            entries.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::suggest::Closeness;
    use super::*;
    use crate::fiscal_year::FiscalYear;

    fn value(column: &str, count: usize, answered: usize) -> UnmatchedValue {
        UnmatchedValue {
            year: FiscalYear(2023),
            file: "fy2023.csv".into(),
            sheet: String::new(),
            column: column.into(),
            target: Target::Scale(0),
            value: "どちらかといえばそう思う".into(),
            count,
            answered,
            cells: vec!["F2".into(), "F7".into()],
            suggestion: Some(Suggestion {
                label: "どちらかと言えばそう思う".into(),
                closeness: Closeness::Reading,
                section: Some("[scales.agree4]".into()),
                key: Some("aliases".into()),
                entry: Some("\"どちらかといえばそう思う\" = \"どちらかと言えばそう思う\"".into()),
            }),
        }
    }

    #[test]
    fn the_gate_stops_only_above_the_share() {
        let values = vec![value("満足", 20, 1000), value("やりがい", 21, 1000)];
        let g = gate(&values, 0.02);
        assert_eq!(g.over.len(), 1, "20/1000 is exactly 2%, not above");
        assert_eq!(g.over[0].column, "やりがい");
        assert!(gate(&values[..1], 0.02).passed());
    }

    #[test]
    fn the_refusal_names_value_count_share_and_the_alias_line_once() {
        let values = vec![value("満足", 300, 1000), value("やりがい", 150, 1000)];
        let msg = gate(&values, 0.02).refusal();
        assert!(msg.contains("「どちらかといえばそう思う」 450 件"), "{msg}");
        assert!(msg.contains("回答の 30.0%"), "{msg}");
        assert!(msg.contains("「満足」、「やりがい」"), "{msg}");
        assert!(
            msg.contains("「どちらかと言えばそう思う」と読みが同じです"),
            "{msg}"
        );
        assert_eq!(
            msg.matches(
                "aliases = { \"どちらかといえばそう思う\" = \"どちらかと言えばそう思う\" }"
            )
            .count(),
            1,
            "{msg}"
        );
        assert!(msg.contains("[scales.agree4]"), "{msg}");
        assert!(msg.contains("--accept-data-problems"), "{msg}");
    }

    #[test]
    fn a_value_in_several_files_names_the_file_of_its_first_cells() {
        let mut later = value("満足", 90, 1000);
        later.year = FiscalYear(2024);
        later.file = "fy2024.xlsx".into();
        later.cells = vec!["D9".into()];
        let values = vec![value("満足", 30, 1000), later];
        let all: Vec<&UnmatchedValue> = values.iter().collect();
        let text = describe(&all, 10);
        assert!(
            text.contains("令和5年度 fy2023.csv・令和6年度 fy2024.xlsx"),
            "{text}"
        );
        assert!(text.contains("最初のセル fy2024.xlsx の D9"), "{text}");
        // One file: no file name before the cells.
        let one = describe(&all[..1], 10);
        assert!(one.contains("最初のセル F2、F7"), "{one}");
    }
}
