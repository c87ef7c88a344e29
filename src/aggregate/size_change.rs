//! Confidentiality across waves: a group joined (or left) by one or two people.
//!
//! A department shown with 6 respondents in R5 and 7 in R6 gives, through its two counts, the
//! answer of the one who joined (if the other six are the same people, which a manager may
//! know). So a cell whose base differs from the same cell's shown base in any earlier wave by
//! at least 1 and fewer than `min_change_members` is suppressed in the later wave; the
//! earlier wave was published already and stays as it was. With the later cell hidden, no
//! change, trend point or department sheet of the later report pairs the two. The rule
//! watches bases below `change_watch_below`: in a larger group some who answered last year
//! do not answer this year and others do, and the difference is no longer theirs.

use super::suppress::{Candidate, Rule, Thresholds};
use super::ALL_SEGMENT;
use std::collections::BTreeMap;

/// The bases shown so far for each (segment, group, thing), earliest wave first.
#[derive(Default)]
pub struct History {
    shown: BTreeMap<(String, String, String), Vec<u32>>,
}

impl History {
    /// Records a cell that was shown.
    pub fn shown(&mut self, c: &Candidate) {
        if c.group.1 != ALL_SEGMENT && c.base > 0 {
            self.shown
                .entry((c.group.1.clone(), c.group.2.clone(), c.key.clone()))
                .or_default()
                .push(c.base);
        }
    }

    /// [`Rule::SizeChange`] if the cell's base is too close to one shown before.
    pub fn rule(&self, c: &Candidate, t: Thresholds) -> Option<Rule> {
        if c.group.1 == ALL_SEGMENT || c.base == 0 {
            return None;
        }
        let earlier = self
            .shown
            .get(&(c.group.1.clone(), c.group.2.clone(), c.key.clone()))?;
        earlier
            .iter()
            .any(|&b| {
                let watched = c.base.min(b) < t.change_watch_below;
                let d = c.base.abs_diff(b);
                watched && d >= 1 && d < t.min_change_members
            })
            .then_some(Rule::SizeChange)
    }
}

#[cfg(test)]
mod tests {
    use super::super::suppress::decide;
    use super::*;
    use std::collections::BTreeSet;

    const T: Thresholds = Thresholds {
        min_group: 5,
        min_uniform_group: 1,
        min_change_members: 3,
        change_watch_below: 50,
    };

    fn cand(wave: i32, group: &str, base: u32) -> Candidate {
        Candidate {
            group: (wave, "dept".into(), group.into()),
            key: "q1".into(),
            base,
            count: Some(base / 2),
        }
    }

    fn rules(c: &[Candidate]) -> Vec<Option<Rule>> {
        decide(c, &BTreeSet::new(), T)
    }

    #[test]
    fn one_more_person_hides_the_later_cell_and_a_partner() {
        // R5: a 6, b 20, c 30; R6: a 7 (one joined), b 20, c 30. By hand: a in R6 differs by
        // 1 < 3 from R5 → hidden; b, the smallest shown, is its partner; R5 untouched.
        let c = vec![
            cand(2023, "a", 6),
            cand(2023, "b", 20),
            cand(2023, "c", 30),
            cand(2024, "a", 7),
            cand(2024, "b", 20),
            cand(2024, "c", 30),
        ];
        assert_eq!(
            rules(&c),
            vec![
                None,
                None,
                None,
                Some(Rule::SizeChange),
                Some(Rule::Partner),
                None
            ]
        );
    }

    #[test]
    fn the_same_size_or_three_more_is_shown() {
        let c = vec![
            cand(2023, "a", 6),
            cand(2023, "b", 20),
            cand(2024, "a", 9),
            cand(2024, "b", 20),
        ];
        assert!(rules(&c).iter().all(Option::is_none));
    }

    #[test]
    fn any_earlier_shown_wave_counts_and_large_groups_are_not_watched() {
        // a: 6 in R4, hidden by the minimum in R5 (4), 7 in R6: 7 − 6 = 1 against R4.
        // z: 80 in every wave but 81 in R6: not watched (both ≥ 50).
        let c = vec![
            cand(2022, "a", 6),
            cand(2022, "z", 80),
            cand(2022, "y", 30),
            cand(2023, "a", 4),
            cand(2023, "z", 80),
            cand(2023, "y", 30),
            cand(2024, "a", 7),
            cand(2024, "z", 81),
            cand(2024, "y", 30),
        ];
        let r = rules(&c);
        assert_eq!(r[6], Some(Rule::SizeChange));
        assert_eq!(r[7], None);
        assert_eq!(r[8], Some(Rule::Partner));
    }

    #[test]
    fn one_turns_the_rule_off() {
        let c = vec![cand(2023, "a", 6), cand(2024, "a", 7)];
        let t = Thresholds {
            min_change_members: 1,
            ..T
        };
        assert!(decide(&c, &BTreeSet::new(), t).iter().all(Option::is_none));
    }
}
