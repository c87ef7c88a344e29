//! Conditional questions: a choice question answered only by those who gave certain answers
//! to an earlier scale item (満足していない理由 after the bottom two answers of 満足している)
//! gets an `asked_if`, so that its base is those asked and a stray answer is reported.

use super::infer::{Column, Role};
use super::scales::KNOWN;
use crate::ingest::RawTable;
use crate::normalize::normalize_label;

/// A condition found: the column index of the scale item and its levels that lead to the
/// question (level indices of that item's scale).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub item: usize,
    pub levels: Vec<usize>,
}

/// The level of a cell for a scale column, `None` for blank or unknown answers.
fn level(role: &Role, cell: &str) -> Option<usize> {
    let key = normalize_label(cell);
    match role {
        Role::Known(k) => KNOWN[*k].level_of(&key),
        Role::Custom(def) => def.levels.iter().position(|l| normalize_label(l) == key),
        _ => None,
    }
}

/// For choice column `q` (not answered by everyone), the earlier scale item whose answers
/// decide who answered it: for every level, either at least half of those who chose it
/// answered the question, or at most 2% did; some levels are on each side, and at most 2% of
/// the question's answers come from the other levels or from no answer to the item.
pub fn find(tables: &[&RawTable], columns: &[Column], q: usize) -> Option<Found> {
    let col = &columns[q];
    if !matches!(col.role, Role::Multi(_) | Role::Single(_)) {
        return None;
    }
    if col.profile.answered as f64 >= 0.9 * col.profile.rows as f64 {
        return None;
    }
    let mut best: Option<(f64, Found)> = None;
    for (i, item) in columns[..q].iter().enumerate() {
        if !matches!(item.role, Role::Known(_) | Role::Custom(_)) {
            continue;
        }
        let n_levels = match &item.role {
            Role::Known(k) => KNOWN[*k].levels.len(),
            Role::Custom(def) => def.levels.len(),
            _ => 0,
        };
        // Per level: (respondents, of whom answered q); plus answers of q with no level.
        let mut counts = vec![(0usize, 0usize); n_levels];
        let mut stray = 0usize;
        let mut answered = 0usize;
        for (w, t) in tables.iter().enumerate() {
            let (Some(ci), Some(cq)) = (item.merged.cols[w], col.merged.cols[w]) else {
                continue;
            };
            for row in &t.rows {
                let has = !t.cell(row, cq).trim().is_empty();
                answered += usize::from(has);
                match level(&item.role, t.cell(row, ci)) {
                    Some(l) => {
                        counts[l].0 += 1;
                        counts[l].1 += usize::from(has);
                    }
                    None => stray += usize::from(has),
                }
            }
        }
        if answered == 0 {
            continue;
        }
        let mut levels = Vec::new();
        let mut outside = stray;
        let mut clean = true;
        for (l, (n, a)) in counts.iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let share = *a as f64 / *n as f64;
            if share >= 0.5 {
                levels.push(l);
            } else if share <= 0.02 {
                outside += a;
            } else {
                clean = false;
            }
        }
        let used = counts.iter().filter(|(n, _)| *n > 0).count();
        if !clean || levels.is_empty() || levels.len() == used {
            continue;
        }
        let misfit = outside as f64 / answered as f64;
        if misfit > 0.02 {
            continue;
        }
        if best.as_ref().is_none_or(|(m, _)| misfit < *m) {
            best = Some((misfit, Found { item: i, levels }));
        }
    }
    best.map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::RawRow;
    use crate::init::profile::{column_profile, vc, Split};
    use crate::init::waves::Merged;

    #[test]
    fn a_reason_asked_only_after_disagreeing() {
        let rows: Vec<(&str, &str)> = vec![
            ("そう思う", ""),
            ("どちらかと言えばそう思う", ""),
            ("どちらかと言えばそう思わない", "給与"),
            ("そう思わない", "給与;業務量"),
            ("そう思う", ""),
            ("そう思わない", ""),
            ("どちらかと言えばそう思わない", "業務量"),
        ];
        let t = RawTable {
            file: "x.csv".into(),
            sheet: None,
            headers: vec!["満足".into(), "理由".into()],
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, (a, b))| RawRow {
                    number: i as u32 + 2,
                    cells: vec![a.to_string(), b.to_string()].into(),
                })
                .collect(),
        };
        let column = |c: usize, role: Role| Column {
            merged: Merged {
                cols: vec![Some(c)],
            },
            header: t.headers[c].clone(),
            profile: column_profile(&t, c),
            role,
            note: None,
        };
        let split = Split {
            separator: ";".into(),
            options: vec![vc("給与", 2)],
        };
        let cols = vec![column(0, Role::Known(0)), column(1, Role::Multi(split))];
        assert_eq!(
            find(&[&t], &cols, 1),
            Some(Found {
                item: 0,
                levels: vec![2, 3]
            })
        );
    }
}
