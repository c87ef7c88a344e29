//! Confidentiality of the HR statistics: a group of one breakdown (an appointing body, a
//! post, a department) with fewer staff than `statistics.min_group` is never shown on its
//! own. It is merged with the other small groups into 「その他（少人数）」; when that would be a
//! single group or still too small, the smallest shown groups join it until it is neither,
//! so the merged group cannot be worked out by subtracting the shown ones from the total.

/// The name of the merged group.
pub const MERGED: &str = "その他（少人数）";

/// Which groups are shown and which are merged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Protection {
    /// Groups shown on their own, in the order given.
    pub shown: Vec<String>,
    /// Groups merged into [`MERGED`], in the order given.
    pub merged: Vec<String>,
    /// Whether the merged group is shown (it is not when even all groups together are too
    /// few).
    pub merged_shown: bool,
}

impl Protection {
    /// The row a group's count goes to: its own name, [`MERGED`], or nowhere.
    pub fn row_of<'a>(&'a self, group: &'a str) -> Option<&'a str> {
        if self.shown.iter().any(|g| g == group) {
            Some(group)
        } else if self.merged_shown && self.merged.iter().any(|g| g == group) {
            Some(MERGED)
        } else {
            None
        }
    }
}

/// Decides, from each group's size, which groups are shown. Groups of size 0 do not exist
/// and are neither shown nor merged.
pub fn protect(sizes: &[(String, u64)], min: u64) -> Protection {
    let present: Vec<&(String, u64)> = sizes.iter().filter(|(_, n)| *n > 0).collect();
    let mut hidden: Vec<bool> = present.iter().map(|(_, n)| *n < min).collect();
    let sum = |hidden: &[bool]| -> u64 {
        present
            .iter()
            .zip(hidden)
            .filter(|(_, h)| **h)
            .map(|((_, n), _)| *n)
            .sum()
    };
    let count = |hidden: &[bool]| hidden.iter().filter(|h| **h).count();
    while count(&hidden) > 0 && (count(&hidden) == 1 || sum(&hidden) < min) {
        let smallest = present
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden[*i])
            .min_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        match smallest {
            Some(i) => hidden[i] = true,
            None => break,
        }
    }
    let pick = |want: bool| -> Vec<String> {
        present
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h == want)
            .map(|((g, _), _)| g.clone())
            .collect()
    };
    let merged = pick(true);
    Protection {
        shown: pick(false),
        merged_shown: merged.len() >= 2 && sum(&hidden) >= min,
        merged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(g, n)| (g.to_string(), *n)).collect()
    }

    /// Worked by hand with min 5: nothing small, nothing merged.
    #[test]
    fn large_groups_are_all_shown() {
        let p = protect(&sizes(&[("A", 10), ("B", 5)]), 5);
        assert_eq!(p.shown, ["A", "B"]);
        assert!(p.merged.is_empty());
    }

    /// One small group (4) alone would be the total minus the others, so the smallest shown
    /// group (B, 8) joins it: その他 = 12.
    #[test]
    fn a_single_small_group_takes_the_smallest_other_with_it() {
        let p = protect(&sizes(&[("A", 100), ("B", 8), ("C", 4), ("D", 30)]), 5);
        assert_eq!(p.shown, ["A", "D"]);
        assert_eq!(p.merged, ["B", "C"]);
        assert!(p.merged_shown);
        assert_eq!(p.row_of("C"), Some(MERGED));
        assert_eq!(p.row_of("A"), Some("A"));
    }

    /// Two small groups of 1 and 2 make 3 < 5: the smallest shown (6) joins, making 9.
    #[test]
    fn small_groups_that_are_still_too_few_together_take_more() {
        let p = protect(
            &sizes(&[("A", 50), ("B", 1), ("C", 2), ("D", 6), ("E", 0)]),
            5,
        );
        assert_eq!(p.shown, ["A"]);
        assert_eq!(p.merged, ["B", "C", "D"]);
        assert!(p.merged_shown);
        assert_eq!(p.row_of("E"), None);
    }

    /// Everything together is 4 < 5: nothing is shown at all.
    #[test]
    fn too_few_in_all_shows_nothing() {
        let p = protect(&sizes(&[("A", 1), ("B", 3)]), 5);
        assert!(p.shown.is_empty());
        assert!(!p.merged_shown);
        assert_eq!(p.row_of("A"), None);
    }
}
