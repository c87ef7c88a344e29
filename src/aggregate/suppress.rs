//! Confidentiality: which groups and cells are suppressed.
//!
//! A group whose respondents, or a cell whose base, is below `min_group` is suppressed. So is
//! a cell whose share is 0% or 100% in a base below `min_uniform_group`: everyone in a small
//! group answered alike, and the share tells each member's answer (group-attribute
//! disclosure; in a group of 6 a band such as 「90%以上」 would not help, as the only share
//! above 83.3% is 100%).
//! Where exactly one group of a segment is suppressed, it could be recovered from the total
//! (全体 minus the groups shown), so the smallest visible group is suppressed too
//! (complementary suppression). Suppressed values are nulled in the aggregate frames
//! themselves, so they cannot reach any file.

use super::ALL_SEGMENT;
use std::collections::{BTreeMap, BTreeSet};

/// Key of a group in one wave: (wave, segment, group).
pub type GroupKey = (i32, String, String);

/// A row to decide on: its group, the thing it counts (item, option or "" for the group
/// itself), its base and, for a share, the count over that base.
pub struct Candidate {
    pub group: GroupKey,
    pub key: String,
    pub base: u32,
    pub count: Option<u32>,
}

/// The thresholds of [`decide`].
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// Bases below this are suppressed.
    pub min_group: u32,
    /// Shares of 0% or 100% over bases below this are suppressed.
    pub min_uniform_group: u32,
}

impl Candidate {
    /// Suppressed by its own numbers: a small base, or everyone alike in a small base.
    fn small(&self, t: Thresholds) -> bool {
        let uniform = self.count.is_some_and(|k| k == 0 || k == self.base);
        self.base > 0 && (self.base < t.min_group || (uniform && self.base < t.min_uniform_group))
    }
}

/// Decides suppression for every candidate. `forced` holds groups already suppressed (from
/// the group sizes), which suppress all their cells. An empty cell (base 0) holds nobody's
/// answer and is not suppressed by itself. Returns one flag per candidate.
pub fn decide(
    candidates: &[Candidate],
    forced: &BTreeSet<GroupKey>,
    thresholds: Thresholds,
) -> Vec<bool> {
    let mut out: Vec<bool> = candidates
        .iter()
        .map(|c| c.small(thresholds) || forced.contains(&c.group))
        .collect();
    // Cells of one segment and thing in one wave, whole population excluded (it is the total).
    let mut sets: BTreeMap<(i32, &str, &str), Vec<usize>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if c.group.1 != ALL_SEGMENT {
            sets.entry((c.group.0, c.group.1.as_str(), c.key.as_str()))
                .or_default()
                .push(i);
        }
    }
    for members in sets.values() {
        let hidden = members.iter().filter(|i| out[**i]).count();
        if hidden != 1 {
            continue;
        }
        let smallest = members
            .iter()
            .filter(|i| !out[**i])
            .min_by(|a, b| {
                let (ca, cb) = (&candidates[**a], &candidates[**b]);
                ca.base.cmp(&cb.base).then(ca.group.2.cmp(&cb.group.2))
            })
            .copied();
        if let Some(i) = smallest {
            out[i] = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(segment: &str, group: &str, base: u32) -> Candidate {
        Candidate {
            group: (2023, segment.into(), group.into()),
            key: "q1".into(),
            base,
            count: None,
        }
    }

    const T5: Thresholds = Thresholds {
        min_group: 5,
        min_uniform_group: 10,
    };

    #[test]
    fn one_small_group_takes_the_next_smallest_with_it() {
        let c = vec![
            cand("all", "全体", 104),
            cand("age", "20代", 30),
            cand("age", "30代", 4),
            cand("age", "40代", 20),
            cand("age", "50代", 50),
        ];
        assert_eq!(
            decide(&c, &BTreeSet::new(), T5),
            vec![false, false, true, true, false]
        );
    }

    #[test]
    fn two_small_groups_need_nothing_more() {
        let c = vec![
            cand("age", "a", 3),
            cand("age", "b", 4),
            cand("age", "c", 40),
        ];
        assert_eq!(decide(&c, &BTreeSet::new(), T5), vec![true, true, false]);
    }

    #[test]
    fn a_forced_group_hides_its_cells_and_a_partner() {
        let forced: BTreeSet<GroupKey> = [(2023, "dept".to_string(), "x".to_string())].into();
        let c = vec![
            cand("dept", "x", 40),
            cand("dept", "y", 10),
            cand("dept", "z", 12),
        ];
        assert_eq!(decide(&c, &forced, T5), vec![true, true, false]);
    }

    #[test]
    fn an_empty_cell_hides_nothing() {
        let c = vec![
            cand("age", "a", 0),
            cand("age", "b", 40),
            cand("age", "c", 50),
        ];
        assert_eq!(decide(&c, &BTreeSet::new(), T5), vec![false, false, false]);
    }

    #[test]
    fn a_small_total_is_hidden_too() {
        let c = vec![cand("all", "全体", 4)];
        assert_eq!(decide(&c, &BTreeSet::new(), T5), vec![true]);
    }

    #[test]
    fn a_small_group_that_answered_alike_is_hidden_with_a_partner() {
        // 6 of 6 positive (100%) and 0 of 7 (0%) tell every member's answer; 5 of 9 does
        // not; 10 of 10 is a group large enough (min_uniform_group 10) to show.
        let with = |group: &str, base: u32, k: u32| Candidate {
            count: Some(k),
            ..cand("dept", group, base)
        };
        let c = vec![
            with("a", 6, 6),
            with("b", 9, 5),
            with("c", 40, 20),
            with("d", 10, 10),
        ];
        // a hidden, and the smallest shown one (b) with it.
        assert_eq!(
            decide(&c, &BTreeSet::new(), T5),
            vec![true, true, false, false]
        );
        let c = vec![with("a", 7, 0), with("b", 8, 0), with("c", 40, 20)];
        assert_eq!(decide(&c, &BTreeSet::new(), T5), vec![true, true, false]);
        // Below min_group it is hidden anyway; an empty cell holds nobody's answer.
        let c = vec![with("a", 0, 0), with("b", 40, 20), with("c", 30, 30)];
        assert_eq!(decide(&c, &BTreeSet::new(), T5), vec![false, false, false]);
    }
}
