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

use super::linked::{hide_linked, Links};
use super::{size_change, ALL_SEGMENT};
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
    /// A cell whose base differs from an earlier wave's shown base by 1 up to one less than
    /// this is suppressed ([`super::size_change`]); 1 turns the rule off.
    pub min_change_members: u32,
    /// The size-change rule watches bases below this (the groups whose members a reader can
    /// name).
    pub change_watch_below: u32,
}

impl Thresholds {
    /// The thresholds of group sizes: only the minimum applies (a group's size is no share,
    /// and its change between waves tells nobody's answer).
    pub fn sizes(min_group: u32) -> Thresholds {
        Thresholds {
            min_group,
            min_uniform_group: 0,
            min_change_members: 1,
            change_watch_below: 0,
        }
    }
}

/// Why a cell is suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Its base is below `min_group`.
    SmallBase,
    /// Everyone in a base below `min_uniform_group` answered alike (0% or 100%).
    Uniform,
    /// Its whole group is suppressed (the group's size is below `min_group`, or it is the
    /// group hidden with such a one).
    Group,
    /// Shown, its value and the total would give back the one other hidden cell of its row.
    Partner,
    /// Its base differs from an earlier wave's by fewer than `min_change_members`: the two
    /// waves together would tell the answers of those who joined or left.
    SizeChange,
    /// Shown, it and the other breakdowns of the same respondents would give back a hidden
    /// cell ([`super::linked`]).
    Linked,
}

impl Rule {
    /// The code kept in the aggregate frames.
    pub fn code(self) -> &'static str {
        match self {
            Rule::SmallBase => "small_base",
            Rule::Uniform => "uniform",
            Rule::Group => "group",
            Rule::Partner => "partner",
            Rule::SizeChange => "size_change",
            Rule::Linked => "linked",
        }
    }

    pub fn from_code(code: &str) -> Option<Rule> {
        [
            Rule::SmallBase,
            Rule::Uniform,
            Rule::Group,
            Rule::Partner,
            Rule::SizeChange,
            Rule::Linked,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }
}

impl Candidate {
    /// Suppressed by its own numbers: a small base, or everyone alike in a small base.
    fn own_rule(&self, t: Thresholds) -> Option<Rule> {
        let uniform = self.count.is_some_and(|k| k == 0 || k == self.base);
        if self.base == 0 {
            None
        } else if self.base < t.min_group {
            Some(Rule::SmallBase)
        } else if uniform && self.base < t.min_uniform_group {
            Some(Rule::Uniform)
        } else {
            None
        }
    }
}

/// Cells of one segment and thing in one wave (the rows complementary suppression works
/// on), the whole population excluded (it is the total).
fn rows(candidates: &[Candidate]) -> BTreeMap<(i32, &str, &str), Vec<usize>> {
    let mut sets: BTreeMap<(i32, &str, &str), Vec<usize>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if c.group.1 != ALL_SEGMENT {
            sets.entry((c.group.0, c.group.1.as_str(), c.key.as_str()))
                .or_default()
                .push(i);
        }
    }
    sets
}

/// Decides suppression for every candidate, wave by wave from the earliest, so that a
/// wave's decisions depend only on itself and the waves before it (a past year re-run later
/// hides what it hid then). `forced` holds groups already suppressed (from the group sizes),
/// which suppress all their cells. An empty cell (base 0) holds nobody's answer and is not
/// suppressed by itself. Returns the rule that hides each candidate, or `None` where it is
/// shown.
pub fn decide(
    candidates: &[Candidate],
    forced: &BTreeSet<GroupKey>,
    thresholds: Thresholds,
) -> Vec<Option<Rule>> {
    decide_linked(candidates, forced, thresholds, &Links::default())
}

/// [`decide`], and no hidden cell may follow from the shown cells of every breakdown of the
/// same respondents together (`links`, see [`super::linked`]).
pub fn decide_linked(
    candidates: &[Candidate],
    forced: &BTreeSet<GroupKey>,
    thresholds: Thresholds,
    links: &Links,
) -> Vec<Option<Rule>> {
    let mut out: Vec<Option<Rule>> = vec![None; candidates.len()];
    let rows = rows(candidates);
    let mut history = size_change::History::default();
    let waves: BTreeSet<i32> = candidates.iter().map(|c| c.group.0).collect();
    for wave in waves {
        let in_wave = || (0..candidates.len()).filter(move |i| candidates[*i].group.0 == wave);
        for i in in_wave() {
            let c = &candidates[i];
            out[i] = if forced.contains(&c.group) {
                Some(Rule::Group)
            } else {
                c.own_rule(thresholds)
                    .or_else(|| history.rule(c, thresholds))
            };
        }
        let wave_rows: Vec<&Vec<usize>> = rows
            .iter()
            .filter(|((w, _, _), _)| *w == wave)
            .map(|(_, m)| m)
            .collect();
        for members in &wave_rows {
            let hidden = members.iter().filter(|i| out[**i].is_some()).count();
            if hidden != 1 {
                continue;
            }
            if let Some(i) = smallest_shown(candidates, &out, members) {
                out[i] = Some(Rule::Partner);
            }
        }
        hide_alike_together(
            candidates,
            &mut out,
            &wave_rows,
            thresholds.min_uniform_group,
        );
        hide_linked(candidates, &mut out, wave, links);
        for i in in_wave() {
            if out[i].is_none() {
                history.shown(&candidates[i]);
            }
        }
    }
    out
}

/// The smallest shown cell of a row, if any.
fn smallest_shown(
    candidates: &[Candidate],
    out: &[Option<Rule>],
    members: &[usize],
) -> Option<usize> {
    members
        .iter()
        .filter(|i| out[**i].is_none())
        .min_by(|a, b| {
            let (ca, cb) = (&candidates[**a], &candidates[**b]);
            ca.base.cmp(&cb.base).then(ca.group.2.cmp(&cb.group.2))
        })
        .copied()
}

/// The index of the whole population's cell of each (wave, thing): the total of its rows.
fn totals(candidates: &[Candidate]) -> BTreeMap<(i32, &str), usize> {
    candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.group.1 == ALL_SEGMENT)
        .map(|(i, c)| ((c.group.0, c.key.as_str()), i))
        .collect()
}

/// What a reader can work out of a row's hidden cells together: the published total `t`
/// minus the shown cells gives their combined count over their combined base (people with
/// no group in the segment included, which only widens it). `None` when the total is hidden
/// itself or counts no share.
fn hidden_together(
    candidates: &[Candidate],
    out: &[Option<Rule>],
    members: &[usize],
    t: usize,
) -> Option<(i64, i64)> {
    let k_all = candidates[t].count?;
    if out[t].is_some() {
        return None;
    }
    let (mut k, mut n) = (k_all as i64, candidates[t].base as i64);
    for i in members.iter().filter(|i| out[**i].is_none()) {
        k -= candidates[*i].count.unwrap_or(0) as i64;
        n -= candidates[*i].base as i64;
    }
    Some((k, n))
}

/// When a row's hidden cells together answered alike (0% or 100%) in fewer than
/// `min_uniform` people, every hidden share is pinned (two small departments that all chose
/// the same reason), so the smallest shown cell is hidden too, until the combination is
/// mixed, large enough, or nothing is left to hide.
fn hide_alike_together(
    candidates: &[Candidate],
    out: &mut [Option<Rule>],
    rows: &[&Vec<usize>],
    min_uniform: u32,
) {
    let totals = totals(candidates);
    for members in rows {
        let Some(first) = members.first().map(|i| &candidates[*i]) else {
            continue;
        };
        let Some(&t) = totals.get(&(first.group.0, first.key.as_str())) else {
            continue;
        };
        while members.iter().any(|i| out[*i].is_some()) {
            let alike = hidden_together(candidates, out, members, t)
                .is_some_and(|(k, n)| n > 0 && (k == 0 || k == n) && n < min_uniform as i64);
            match smallest_shown(candidates, out, members) {
                Some(i) if alike => out[i] = Some(Rule::Partner),
                _ => break,
            }
        }
    }
}

/// For auditors: the range (percent) a reader can still derive for each hidden share from
/// what is published in its row ([`hidden_together`]), `None` for shown cells and counts
/// without a share. A hidden cell's own base is not published, so its share can be anything
/// from 0 to 100 unless the combination is all alike: `k = 0` pins every hidden share at 0%,
/// `k = n` at 100%. A row with one hidden cell and nothing else unknown gives it exactly.
pub fn derivable(candidates: &[Candidate], rules: &[Option<Rule>]) -> Vec<Option<(f64, f64)>> {
    let mut out = vec![None; candidates.len()];
    let totals = totals(candidates);
    for ((wave, _, key), members) in rows(candidates) {
        let hidden: Vec<usize> = members
            .iter()
            .copied()
            .filter(|i| rules[*i].is_some() && candidates[*i].count.is_some())
            .collect();
        if hidden.is_empty() {
            continue;
        }
        let together = totals
            .get(&(wave, key))
            .and_then(|&t| hidden_together(candidates, rules, &members, t));
        let range = match together {
            Some((_, n)) if n <= 0 => (0.0, 100.0),
            Some((k, n)) if hidden.len() == 1 => {
                let p = 100.0 * k as f64 / n as f64;
                (p, p)
            }
            Some((0, _)) => (0.0, 0.0),
            Some((k, n)) if k == n => (100.0, 100.0),
            _ => (0.0, 100.0),
        };
        for i in hidden {
            out[i] = Some(range);
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
        min_change_members: 1,
        change_watch_below: 0,
    };

    fn hidden(c: &[Candidate], forced: &BTreeSet<GroupKey>) -> Vec<bool> {
        decide(c, forced, T5).iter().map(Option::is_some).collect()
    }

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
            hidden(&c, &BTreeSet::new()),
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
        assert_eq!(hidden(&c, &BTreeSet::new()), vec![true, true, false]);
    }

    #[test]
    fn a_forced_group_hides_its_cells_and_a_partner() {
        let forced: BTreeSet<GroupKey> = [(2023, "dept".to_string(), "x".to_string())].into();
        let c = vec![
            cand("dept", "x", 40),
            cand("dept", "y", 10),
            cand("dept", "z", 12),
        ];
        assert_eq!(hidden(&c, &forced), vec![true, true, false]);
    }

    #[test]
    fn an_empty_cell_hides_nothing() {
        let c = vec![
            cand("age", "a", 0),
            cand("age", "b", 40),
            cand("age", "c", 50),
        ];
        assert_eq!(hidden(&c, &BTreeSet::new()), vec![false, false, false]);
    }

    #[test]
    fn a_small_total_is_hidden_too() {
        let c = vec![cand("all", "全体", 4)];
        assert_eq!(hidden(&c, &BTreeSet::new()), vec![true]);
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
        assert_eq!(hidden(&c, &BTreeSet::new()), vec![true, true, false, false]);
        let c = vec![with("a", 7, 0), with("b", 8, 0), with("c", 40, 20)];
        assert_eq!(hidden(&c, &BTreeSet::new()), vec![true, true, false]);
        // Below min_group it is hidden anyway; an empty cell holds nobody's answer.
        let c = vec![with("a", 0, 0), with("b", 40, 20), with("c", 30, 30)];
        assert_eq!(hidden(&c, &BTreeSet::new()), vec![false, false, false]);
    }

    #[test]
    fn each_hidden_cell_has_its_rule_and_the_range_a_reader_can_derive() {
        let with = |segment: &str, group: &str, base: u32, k: u32| Candidate {
            count: Some(k),
            ..cand(segment, group, base)
        };
        // 全体 48 with 29 positive; a: 6 of 6 (uniform), b: 12 of 8, c: 30 of 15.
        let c = vec![
            with("all", "全体", 48, 29),
            with("dept", "a", 6, 6),
            with("dept", "b", 12, 8),
            with("dept", "c", 30, 15),
        ];
        let rules = decide(&c, &BTreeSet::new(), T5);
        assert_eq!(
            rules,
            [None, Some(Rule::Uniform), Some(Rule::Partner), None]
        );
        // Published: 全体 29/48 and c 15/30, so a and b hold 14 of 18 together: neither
        // share is pinned.
        let ranges = derivable(&c, &rules);
        assert_eq!(ranges, [None, Some((0.0, 100.0)), Some((0.0, 100.0)), None]);
        // Were b also all positive (12 of 12), a and b would hold 18 of 18: both at 100%,
        // which the auditors' range shows.
        let c = vec![
            with("all", "全体", 48, 33),
            with("dept", "a", 6, 6),
            with("dept", "b", 12, 12),
            with("dept", "c", 30, 15),
        ];
        let rules = decide(&c, &BTreeSet::new(), T5);
        let ranges = derivable(&c, &rules);
        assert_eq!(ranges[1], Some((100.0, 100.0)));
        assert_eq!(ranges[2], Some((100.0, 100.0)));
        for r in [Rule::SmallBase, Rule::Uniform, Rule::Group, Rule::Partner] {
            assert_eq!(Rule::from_code(r.code()), Some(r));
        }
    }

    #[test]
    fn hidden_cells_that_together_answered_alike_take_one_more_with_them() {
        let with = |segment: &str, group: &str, base: u32, k: u32| Candidate {
            count: Some(k),
            ..cand(segment, group, base)
        };
        // a: 3 of 3 (too small), b: 6 of 6 (alike): both hidden, and together 9 of 9, which
        // 全体 minus c and d gives back; so c, the smallest shown, is hidden as well.
        let c = vec![
            with("all", "全体", 69, 39),
            with("dept", "a", 3, 3),
            with("dept", "b", 6, 6),
            with("dept", "c", 20, 10),
            with("dept", "d", 40, 20),
        ];
        let rules = decide(&c, &BTreeSet::new(), T5);
        assert_eq!(
            rules,
            [
                None,
                Some(Rule::SmallBase),
                Some(Rule::Uniform),
                Some(Rule::Partner),
                None
            ]
        );
        // Together a, b and c hold 19 of 29: no hidden share is pinned any more.
        let ranges = derivable(&c, &rules);
        assert!(
            ranges[1..4].iter().all(|r| *r == Some((0.0, 100.0))),
            "{ranges:?}"
        );
    }
}
