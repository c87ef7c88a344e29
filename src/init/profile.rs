//! Column profiles: what the answers of one column look like across every wave (distinct
//! values after normalisation, how often each occurs, how long they are), the facts that
//! `infer` decides a column's kind from.

use super::waves::Merged;
use crate::ingest::RawTable;
use crate::normalize::normalize_label;
use std::collections::BTreeMap;

/// One distinct answer (after normalisation) and how often it occurs.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueCount {
    /// Normalised text (`normalize_label`).
    pub key: String,
    /// Its most frequent spelling as written (trimmed).
    pub label: String,
    pub count: usize,
}

impl ValueCount {
    /// Most frequent first, ties in text order: the order of values, options and spellings.
    pub fn most_first(a: &ValueCount, b: &ValueCount) -> std::cmp::Ordering {
        b.count.cmp(&a.count).then(a.key.cmp(&b.key))
    }
}

/// Spellings counted per normalised key → one value per key, labelled with its most
/// frequent spelling, most frequent first.
fn values_of(spellings: BTreeMap<String, BTreeMap<String, usize>>) -> Vec<ValueCount> {
    let mut values: Vec<ValueCount> = spellings
        .into_iter()
        .map(|(key, s)| ValueCount {
            label: s
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(l, _)| l.clone())
                .unwrap_or_default(),
            count: s.values().sum(),
            key,
        })
        .collect();
    values.sort_by(ValueCount::most_first);
    values
}

/// The answers of one column across waves.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Rows in the waves that have the column.
    pub rows: usize,
    /// Non-blank cells.
    pub answered: usize,
    /// Distinct answers, most frequent first (ties in text order).
    pub values: Vec<ValueCount>,
    /// Mean length of the answers in characters.
    pub mean_len: f64,
    /// Answers that read as sentences (contain 。, ！ or ？ after some text).
    pub sentences: usize,
    /// Per wave that has the column: (answered, distinct answers).
    pub per_wave: Vec<(usize, usize)>,
}

impl Profile {
    /// Reads the column's cells from every wave that has it.
    pub fn of(tables: &[&RawTable], column: &Merged) -> Profile {
        let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        let (mut rows, mut answered, mut chars, mut sentences) = (0, 0, 0, 0);
        let mut per_wave = Vec::new();
        for (t, c) in tables.iter().zip(&column.cols) {
            let Some(c) = c else { continue };
            let mut distinct = BTreeMap::new();
            let mut wave_answered = 0;
            for row in &t.rows {
                if row.cells.iter().all(|x| x.trim().is_empty()) {
                    continue;
                }
                rows += 1;
                let cell = t.cell(row, *c).trim();
                if cell.is_empty() {
                    continue;
                }
                answered += 1;
                wave_answered += 1;
                chars += cell.chars().count();
                if cell.chars().count() > 3 && cell.contains(['。', '！', '？', '!', '?']) {
                    sentences += 1;
                }
                let key = normalize_label(cell);
                *distinct.entry(key.clone()).or_insert(0) += 1;
                *spellings
                    .entry(key)
                    .or_default()
                    .entry(cell.to_string())
                    .or_insert(0) += 1;
            }
            per_wave.push((wave_answered, distinct.len()));
        }
        let values = values_of(spellings);
        Profile {
            rows,
            answered,
            mean_len: if answered == 0 {
                0.0
            } else {
                chars as f64 / answered as f64
            },
            sentences,
            values,
            per_wave,
        }
    }

    /// Share of answers that satisfy `pred` (counted by cell).
    pub fn share(&self, pred: impl Fn(&str) -> bool) -> f64 {
        if self.answered == 0 {
            return 0.0;
        }
        let n: usize = self
            .values
            .iter()
            .filter(|v| pred(&v.key))
            .map(|v| v.count)
            .sum();
        n as f64 / self.answered as f64
    }

    /// Whether every wave's answers are (nearly) all distinct and (nearly) every row has one:
    /// what a respondent id looks like. A few blanks and repeats are defects `check` reports.
    pub fn id_like(&self) -> bool {
        self.answered > 0
            && self.answered as f64 >= 0.95 * self.rows as f64
            && self
                .per_wave
                .iter()
                .all(|(a, d)| *a > 0 && *d as f64 >= 0.95 * *a as f64)
    }

    /// Distinct answers in the wave with the most of them (for choosing an id).
    pub fn max_distinct(&self) -> usize {
        self.per_wave.iter().map(|(_, d)| *d).max().unwrap_or(0)
    }
}

/// Options of a multi-select column and the separator they are joined with.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub separator: String,
    /// Distinct options, most chosen first.
    pub options: Vec<ValueCount>,
}

/// Separators that form tools and Excel users join multi-select answers with.
const SEPARATORS: [&str; 7] = [";", "；", ",", "，", "、", "\n", "|"];

/// The multi-select reading of a column: the separator that splits its answers into the
/// fewest distinct options, when some answers hold several options, the options recur,
/// and splitting leaves fewer distinct options than there were distinct answers.
pub fn split_options(p: &Profile) -> Option<Split> {
    if p.answered == 0 || p.sentences as f64 > 0.2 * p.answered as f64 {
        return None;
    }
    let mut best: Option<Split> = None;
    for sep in SEPARATORS {
        let with: usize = p
            .values
            .iter()
            .filter(|v| v.label.contains(sep))
            .map(|v| v.count)
            .sum();
        if with < 2 || (with as f64) < 0.02 * p.answered as f64 {
            continue;
        }
        let mut parts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for v in &p.values {
            for part in v.label.split(sep).map(str::trim).filter(|x| !x.is_empty()) {
                *parts
                    .entry(normalize_label(part))
                    .or_default()
                    .entry(part.to_string())
                    .or_insert(0) += v.count;
            }
        }
        let total: usize = parts.values().flat_map(|s| s.values()).sum();
        let recurring: usize = parts
            .values()
            .map(|s| s.values().sum::<usize>())
            .filter(|n| *n >= 2)
            .sum();
        if parts.is_empty()
            || parts.len() > 40
            || parts.len() >= p.values.len()
            || (recurring as f64) < 0.8 * total as f64
        {
            continue;
        }
        let options = values_of(parts);
        if best
            .as_ref()
            .is_none_or(|b| options.len() < b.options.len())
        {
            best = Some(Split {
                separator: sep.to_string(),
                options,
            });
        }
    }
    best
}

/// A value as a test writes it: `vc("そう思う", 40)`.
#[cfg(test)]
pub fn vc(label: &str, count: usize) -> ValueCount {
    ValueCount {
        key: normalize_label(label),
        label: label.to_string(),
        count,
    }
}

/// The profile of column `c` of one table (tests).
#[cfg(test)]
pub fn column_profile(t: &RawTable, c: usize) -> Profile {
    Profile::of(
        &[t],
        &Merged {
            cols: vec![Some(c)],
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::RawRow;

    fn table(cells: &[&str]) -> RawTable {
        RawTable {
            file: "x.csv".into(),
            sheet: None,
            headers: vec!["q".into()],
            rows: cells
                .iter()
                .enumerate()
                .map(|(i, c)| RawRow {
                    number: i as u32 + 2,
                    cells: vec![c.to_string()].into(),
                })
                .collect(),
        }
    }

    #[test]
    fn profiles_count_normalised_answers() {
        let t = table(&["そう思う", "そう思う　", "", "そう思わない"]);
        let p = column_profile(&t, 0);
        assert_eq!((p.rows, p.answered), (3, 3));
        assert_eq!(p.values[0].key, "そう思う");
        assert_eq!(p.values[0].count, 2);
        assert_eq!(p.values[0].label, "そう思う");
    }

    #[test]
    fn multi_select_answers_are_split() {
        let t = table(&[
            "給与;業務量",
            "給与",
            "業務量;人間関係、上司",
            "給与;人間関係、上司",
            "人間関係、上司",
            "給与",
        ]);
        let p = column_profile(&t, 0);
        let s = split_options(&p).unwrap();
        assert_eq!(s.separator, ";");
        let labels: Vec<&str> = s.options.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(labels, vec!["給与", "人間関係、上司", "業務量"]);
        // Sentences are free text, not options.
        let t = table(&[
            "研修を増やしてほしい。",
            "休憩が取りにくい、忙しい。",
            "研修を増やしてほしい。",
        ]);
        let p = column_profile(&t, 0);
        assert_eq!(split_options(&p), None);
        // Lone separators: nothing to split into.
        let p = column_profile(&table(&[";", ";", "；", ";"]), 0);
        assert_eq!(split_options(&p), None);
    }
}
